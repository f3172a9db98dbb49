"""A still shown whole (contained, or over a blurred fill) keeps every edge on screen through its
slow zoom or pan (user test s8: a wide logo's first and last letters and a page's line ends were
cut by the 12 % zoom of the composed frame)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from reelforge.render.runner import render
from reelforge.timeline import Asset, AssetKind, build

from ._render_helpers import frames_at

pytestmark = pytest.mark.render


def _wide_picture(path):
    """1200x300 grey with a 30 px red bar at the left edge and a blue one at the right."""
    a = np.full((300, 1200, 3), 128, np.uint8)
    a[:, :30] = (230, 20, 20)
    a[:, -30:] = (20, 20, 230)
    Image.fromarray(a).save(path)
    return Asset(id="wide", path=str(path), name=path.name, kind=AssetKind.IMAGE, width=1200, height=300)


@pytest.mark.parametrize(("fit", "motion"), [("contain", "zoom-in"), ("blur", "zoom-out"), ("blur", "pan-right")])
def test_both_edges_stay_on_screen_through_the_motion(tmp_path, fit, motion):
    asset = _wide_picture(tmp_path / "wide.png")
    tl = build(width=360, height=640, fps=10, duration=2000, assets=[asset], background="#000000", tracks=[
        {"id": "m", "kind": "video", "role": "main", "segments": [
            {"id": "s", "kind": "video", "start": 0, "duration": 2000, "src": "wide", "fit": fit, "motion": motion}]}])
    out = tmp_path / "out.mp4"
    render(tl, out, quality="draft")
    for f in frames_at(out, [0.0, 0.95, 1.9]):
        row = f[f.shape[0] // 2].astype(int)
        red = np.where((row[:, 0] > 150) & (row[:, 2] < 90))[0]
        blue = np.where((row[:, 2] > 150) & (row[:, 0] < 90))[0]
        # each bar is 30/1200 of the picture, ~8 px when it spans the 360 px frame: whole, not cut
        assert len(red) >= 6 and len(blue) >= 6, (fit, motion, len(red), len(blue))
