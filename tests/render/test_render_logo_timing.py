"""A logo asked for part of the video ("only show the logo at the end") is rendered then only:
the corner is the picture before and the logo after, frames read back (it was shown throughout
while the reply said it was done)."""

from __future__ import annotations

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
