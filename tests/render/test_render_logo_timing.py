"""A logo asked for part of the video ("only show the logo at the end") is rendered then only:
the corner is the picture before and the logo after, frames read back (it was shown throughout
while the reply said it was done)."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import Role, replace

from ._render_helpers import frame_at

pytestmark = pytest.mark.render
W, H = 640, 360


def test_a_logo_only_at_the_end(tmp_path):
    from PIL import Image, ImageDraw

    Image.new("RGB", (W, H), (30, 40, 120)).save(tmp_path / "blue.png")
    logo = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    ImageDraw.Draw(logo).rectangle((0, 0, 199, 199), fill=(250, 250, 250, 255))
    logo.save(tmp_path / "logo.png")
    s = Session.new()
    s.add_assets([tmp_path / "blue.png"], workdir=tmp_path / "media")
    s.handle("a 6 second video, no motion")
    s.add_assets([tmp_path / "logo.png"], workdir=tmp_path / "media")
    s.handle("add the logo in the top right")
    r = s.handle("only show the logo for the last 2 seconds")
    assert r.changed and "for the last 2s" in r.message, r.message
    seg = s.timeline.track(Role.LOGO).segments[0]
    assert (seg.start, seg.end) == (4000, 6000)
    out = render(replace(s.timeline, width=W, height=H), tmp_path / "logo.mp4")

    def corner(t: float) -> float:  # the share of near-white pixels in the top-right quarter
        f = frame_at(out, t)[: H // 2, W // 2:]
        return float((f.min(axis=2) > 220).mean())

    assert corner(1.0) < 0.001 and corner(3.5) < 0.001  # the blue picture only
    assert corner(5.0) > 0.05  # the logo, white


def test_a_logo_file_given_with_the_pictures_sits_in_a_corner(tmp_path):
    """logo.png given with the first instruction: in the bottom-right corner from the first frame to the
    last, small, over the pictures (it was a shot of its own, a 200 px logo enlarged to fill the frame)."""
    from PIL import Image, ImageDraw

    Image.new("RGB", (W, H), (30, 40, 120)).save(tmp_path / "blue.png")
    Image.new("RGB", (W, H), (120, 40, 30)).save(tmp_path / "red.png")
    logo = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(logo).rectangle((0, 0, 199, 99), fill=(250, 250, 250, 255))
    logo.save(tmp_path / "logo.png")
    s = Session.new()
    s.add_assets([tmp_path / "blue.png", tmp_path / "red.png", tmp_path / "logo.png"], workdir=tmp_path / "media")
    r = s.handle("a 4 second video, no motion")
    assert "'logo.png' is the logo" in r.message, r.message
    assert len(s.timeline.track(Role.MAIN).segments) == 2
    out = render(replace(s.timeline, width=W, height=H), tmp_path / "first.mp4")
    for t in (0.2, 3.8):
        f = frame_at(out, t)
        white = f.min(axis=2) > 220
        ys, xs = np.nonzero(white)
        assert white.mean() > 0.005 and xs.min() > W // 2 and ys.min() > H // 2, t  # the logo, bottom right
        assert white.mean() < 0.06  # small: about 15 % of the width
