"""Pure helpers that put captions, beats and highlights on a timeline."""

from __future__ import annotations

from reelforge.ai.beats import BeatInfo
from reelforge.ai.captions import CaptionLine
from reelforge.ai.timeline_ops import add_captions, beat_sync, set_in_point
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    AudioSegment,
    Role,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
)


def _tl() -> Timeline:
    assets = tuple(Asset(id=f"i{k}", path=f"/tmp/{k}.jpg", name=f"{k}.jpg", kind=AssetKind.IMAGE) for k in range(4))
    assets += (Asset(id="clip", path="/tmp/c.mp4", name="c.mp4", kind=AssetKind.VIDEO, duration_ms=20000),
               Asset(id="m", path="/tmp/m.mp3", name="m.mp3", kind=AssetKind.AUDIO, duration_ms=60000))
    segs = []
    start = 0
    for k in range(4):
        tr = Transition.CROSSFADE if k else Transition.CUT
        tms = 500 if k else 0
        start = start - tms if k else 0
        segs.append(VideoSegment(id=f"s{k}", start=start, duration=3000, src=f"i{k}", transition=tr, transition_ms=tms))
        start += 3000
    segs.append(VideoSegment(id="s4", start=start - 500, duration=3000, src="clip",
                             transition=Transition.CROSSFADE, transition_ms=500))
    total = segs[-1].end
    return Timeline(duration=total, assets=assets, tracks=(
        Track(id="v", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(segs)),
        Track(id="mu", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
            AudioSegment(id="m1", start=0, duration=total, src="m", in_ms=250),)),
    ))


def test_beat_sync_puts_changes_on_beats():
    tl = _tl()
    beats = BeatInfo(bpm=128.0, beat_times_ms=tuple(round(250 + k * 468.75) for k in range(40)))
    out = beat_sync(tl, beats)
    main = out.track(Role.MAIN).segments
    assert main[0].start == 0 and main[-1].end == tl.track(Role.MAIN).segments[-1].end
    # the music starts 250 ms into its file, so beat b is at b - 250 on the timeline
    on_timeline = {b - 250 for b in beats.beat_times_ms}
    assert all(s.start in on_timeline for s in main[1:])
    assert all(s.transition is Transition.CUT for s in main)
    assert out.duration == tl.duration


def test_add_captions_replaces_track():
    tl = _tl()
    lines = [CaptionLine(0, 1500, "Hello there"), CaptionLine(1500, 3000, "second\nline"),
             CaptionLine(99000, 99500, "past the end")]
    out = add_captions(tl, lines, offset_ms=1000)
    cap = out.track(Role.CAPTION)
    assert [s.text for s in cap.segments] == ["Hello there", "second\nline"]
    assert cap.segments[0].start == 1000
    again = add_captions(out, lines[:1])
    assert len(again.tracks_by_role(Role.CAPTION)) == 1 and len(again.track(Role.CAPTION).segments) == 1


def test_set_in_point_clamps_to_source():
    tl = _tl()
    assert set_in_point(tl, "s4", 6000).track(Role.MAIN).segments[-1].in_ms == 6000
    assert set_in_point(tl, "s4", 19000).track(Role.MAIN).segments[-1].in_ms == 17000
