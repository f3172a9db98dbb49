"""renders.first_part: a capped preview is a valid timeline of exactly the first N ms."""

from __future__ import annotations

import pytest

from reelforge.render.compile import compile_render
from reelforge.service.renders import first_part
from reelforge.timeline import (
    Asset,
    AssetKind,
    AudioSegment,
    Role,
    TextSegment,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
)

IMG = [Asset(id=f"img{i}", path=f"/m/img{i}.jpg", name=f"img{i}.jpg", kind=AssetKind.IMAGE,
             width=1600, height=900) for i in range(4)]
MUSIC = Asset(id="bgm", path="/m/bgm.mp3", name="bgm.mp3", kind=AssetKind.AUDIO, duration_ms=60000,
              has_audio=True)


def _timeline() -> Timeline:
    # four 3 s stills with 1 s crossfades: 0-3, 2-5, 4-7, 6-9
    stills = [VideoSegment(id=f"s{i}", start=i * 2000, duration=3000, src=f"img{i}",
                           transition=Transition.CROSSFADE if i else Transition.CUT,
                           transition_ms=1000 if i else 0) for i in range(4)]
    return Timeline(duration=9000, assets=(*IMG, MUSIC), tracks=(
        Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(stills)),
        Track(id="music", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
            AudioSegment(id="m", start=0, duration=9000, src="bgm", fade_in_ms=500, fade_out_ms=2000),)),
        Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
            TextSegment(id="t", start=4000, duration=5000, text="Late title"),)),
    ))


@pytest.mark.parametrize("cap", [1000, 2500, 3000, 4500, 6000, 8999])
def test_first_part_is_a_valid_timeline_of_the_cap(cap):
    tl = first_part(_timeline(), cap)
    assert tl.duration == cap
    for track in tl.tracks:
        assert all(s.start < cap and s.end <= cap for s in track.segments)
    main = tl.tracks[0].segments
    assert main and main[0].start == 0  # the picture starts at once
    compile_render(tl, "/tmp/out.mp4")  # the renderer accepts it


def test_short_timelines_are_untouched():
    tl = _timeline()
    assert first_part(tl, 9000) is tl and first_part(tl, 60000) is tl
