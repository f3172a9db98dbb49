"""The letters' look, said in chat and rendered for real: "make the text bold" draws heavier strokes,
"bigger text" larger letters, within the layout's rules (inside the safe zone, two lines at most); a
long title at the largest size is drawn as large as fits, and the reply says so."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import Role, replace

from ._render_helpers import frame_at

pytestmark = pytest.mark.render
W, H = 640, 360


def _ink(frame: np.ndarray) -> tuple[int, tuple[int, int, int, int]]:
    """(bright pixels, their bounding box x0, y0, x1, y1) — white text on a dark blue picture."""
    white = frame.min(axis=2) > 160
    ys, xs = np.nonzero(white)
    return int(white.sum()), (int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max()))


def test_bold_and_bigger_text(tmp_path):
    from PIL import Image

    Image.new("RGB", (640, 360), (30, 40, 120)).save(tmp_path / "blue.png")
    s = Session.new()
    s.add_assets([tmp_path / "blue.png"], workdir=tmp_path / "media")
    s.handle("a 2 second video, no motion")
    s.handle("add the title 'Fresh coffee' for the whole video")
    s.handle("make the title medium size")

    def look(name: str):
        tl = replace(s.timeline, width=W, height=H)
        return _ink(frame_at(render(tl, tmp_path / name), 1.0))

    ink0, box0 = look("plain.mp4")
    reply = s.handle("make the text bold")
    assert "bold" in reply.message.lower()
    ink1, box1 = look("bold.mp4")
    assert ink1 > ink0 * 1.08  # heavier strokes
    reply = s.handle("bigger text")
    assert "size large" in reply.message
    ink2, box2 = look("big.mp4")
    assert (box2[3] - box2[1]) > (box1[3] - box1[1]) * 1.15 and ink2 > ink1 * 1.3
    # inside the 5 % safe margin of a 16:9 frame
    assert box2[0] >= 0.05 * W - 2 and box2[2] <= 0.95 * W + 2 and box2[1] >= 0.05 * H - 2 and box2[3] <= 0.95 * H + 2


def test_a_long_title_grows_only_as_far_as_it_fits(tmp_path):
    from PIL import Image

    Image.new("RGB", (640, 360), (30, 40, 120)).save(tmp_path / "blue.png")
    s = Session.new()
    s.add_assets([tmp_path / "blue.png"], workdir=tmp_path / "media")
    s.handle("a 2 second video, no motion")
    s.handle("add the title 'Fresh coffee roasted every single morning in Lisbon' for the whole video")
    s.handle("make the title medium size")
    s.handle("bigger text")
    reply = s.handle("bigger text")
    assert s.timeline.track(Role.TITLE).segments[0].size.value == "xlarge"
    assert "as large as it fits in two lines inside the safe zone" in reply.message
    frame = frame_at(render(replace(s.timeline, width=W, height=H), tmp_path / "long.mp4"), 1.0)
    white = frame.min(axis=2) > 200
    rows = np.nonzero(white.any(axis=1))[0]
    # two lines of text: two runs of rows with ink, each far less than the frame's height
    runs = 1 + int((np.diff(rows) > 3).sum())
    assert runs == 2, runs
    cols = np.nonzero(white.any(axis=0))[0]
    assert cols.min() >= 0.05 * W - 2 and cols.max() <= 0.95 * W + 2
