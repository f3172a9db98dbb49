"""Every text stays on screen at least 1 s, also when a user or the speech timed it shorter:
the layout lengthens or merges it, the reply says so, and the rendered frames show it that long."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.planner import ops as O
from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import Role, TextSegment, Track, TrackKind, build

pytestmark = pytest.mark.render


def test_a_caption_timed_too_short_is_merged_and_the_reply_says_so(tmp_path):
    from PIL import Image

    photo = tmp_path / "grey.png"
    Image.fromarray(np.full((640, 360, 3), 90, np.uint8)).save(photo)
    s = Session.new()
    s.add_assets([photo], workdir=tmp_path / "media")
    s.handle("a 6-second vertical video of this picture")
    # speech-timed cues of 0.3-0.5 s, as a fast speaker gives them
    r = s.apply_ops([O.SetCaptions(cues=[O.Cue(start_ms=1000, end_ms=1400, text="Fresh"),
                                         O.Cue(start_ms=1400, end_ms=1700, text="coffee"),
                                         O.Cue(start_ms=1700, end_ms=2200, text="daily")], source="voice")])
    assert r.status == "ok" and r.changed
    assert "too short to read" in r.message, r.message


def _caption_frames(video: str, box: tuple[int, int, int, int]) -> list[int]:
    """Frames in which the white caption text shows inside ``box`` (x0, y0, x1, y1)."""
    import av

    out = []
    with av.open(video) as c:
        for k, frame in enumerate(c.decode(video=0)):
            a = frame.to_ndarray(format="rgb24")[box[1]:box[3], box[0]:box[2]]
            if (a.min(axis=2) > 200).sum() > 30:
                out.append(k)
    return out


def test_rendered_short_texts_stay_on_screen_a_second(tmp_path):
    caps = Track(id="c", kind=TrackKind.TEXT, role=Role.CAPTION, segments=(
        TextSegment(id="c1", start=500, duration=300, text="Hi", fade_in_ms=0, fade_out_ms=0),))
    title = Track(id="t", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
        TextSegment(id="t1", start=2500, duration=400, text="Go", fade_in_ms=0, fade_out_ms=0),))
    tl = build(width=360, height=640, fps=30, duration=4000, background="#203040", tracks=[caps, title])
    out = render(tl, tmp_path / "short.mp4")
    frames = _caption_frames(str(out), (0, 0, 360, 640))
    # 'Hi' from 0.5 s and 'Go' from 2.5 s, each a full second (30 frames), not 9 and 12
    runs = np.split(np.array(frames), np.where(np.diff(frames) > 1)[0] + 1)
    assert [len(r) for r in runs] == [30, 30], frames
    assert runs[0][0] == 15 and runs[1][0] == 75
