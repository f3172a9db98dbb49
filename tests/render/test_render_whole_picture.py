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


def _photo_asset(path, name: str, rgb: np.ndarray):
    Image.fromarray(rgb).save(path)
    return Asset(id=name, path=str(path), name=path.name, kind=AssetKind.IMAGE, width=rgb.shape[1], height=rgb.shape[0])


def _one_shot(tmp_path, asset, fit: str, motion: str, w: int, h: int):
    tl = build(width=w, height=h, fps=10, duration=2000, assets=[asset], background="#000000", tracks=[
        {"id": "m", "kind": "video", "role": "main", "segments": [
            {"id": "s", "kind": "video", "start": 0, "duration": 2000, "src": asset.id, "fit": fit, "motion": motion}]}])
    out = tmp_path / f"{fit}-{motion}.mp4"
    render(tl, out, quality="draft")
    return frames_at(out, [0.0, 0.5, 0.95, 1.4, 1.9])


@pytest.mark.parametrize("motion", ["zoom-in", "pan-left", "pan-right"])
def test_wide_logo_keeps_its_end_letters_in_9x16(tmp_path, motion):
    """matplotlib's logo2.png (542x130, 'matplotlib' in letters to both edges) contained in 9:16,
    as a first cut shows a logo file: no frame of its motion reaches the frame's edges (the 'm'
    and the 'b' were cut: the letters ran off both sides)."""
    import matplotlib.cbook as cbook

    with cbook.get_sample_data("logo2.png") as f:
        rgba = np.asarray(Image.open(f).convert("RGBA")).astype(float)
    rgb = (rgba[..., :3] * rgba[..., 3:] / 255).astype(np.uint8)  # over black, as the shot shows it
    asset = _photo_asset(tmp_path / "logo2.png", "logo", rgb)
    for f in _one_shot(tmp_path, asset, "contain", motion, 360, 640):
        ink = np.where(f.astype(int).max(axis=2).max(axis=0) > 40)[0]
        assert ink.size and ink[0] >= 2 and ink[-1] <= f.shape[1] - 3, (motion, ink[:1], ink[-1:])


@pytest.mark.parametrize("motion", ["pan-right", "pan-up", "zoom-out"])
def test_square_photo_stays_whole_over_a_blurred_fill(tmp_path, motion):
    """scikit-image's camera.jpg (512x512) over a blurred fill in 16:9: the whole photograph is
    on screen in every frame of its motion (located by its features). A pan of the composed frame,
    made 12 % larger both ways, cut its top and bottom rows (about 88 % shown)."""
    from skimage import data

    from reelforge.render.quality import locate, visible_share

    rgb = np.stack([data.camera()] * 3, axis=2)
    asset = _photo_asset(tmp_path / "camera.jpg", "camera", rgb)
    for f in _one_shot(tmp_path, asset, "blur", motion, 640, 360):
        p = locate(rgb, f)
        assert p is not None
        assert visible_share((0, 0, 512, 512), p, f.shape[1], f.shape[0]) >= 0.98, (motion, p)
