"""How far a still's zoom or pan goes ("subtler zoom", "dramatic Ken Burns", "a 20% zoom"): the
segment's ``motion_amount``, rendered for real on a photograph that scikit-learn ships and
measured on the frames (the scale and the shift between the first and the last frame, found by
matching the photo's own features), through the renderer and through a session's words."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from reelforge import api
from reelforge.render.runner import render
from reelforge.timeline import Asset, AssetKind, build

from ._photos import load
from ._render_helpers import frames_at

pytestmark = pytest.mark.render


def _photo(tmp_path) -> Asset:
    rgb = load("sklearn:china.jpg")  # 640x427, a temple among trees: texture everywhere
    path = tmp_path / "china.jpg"
    Image.fromarray(rgb).save(path, quality=92)
    return Asset(id="china", path=str(path), name="china.jpg", kind=AssetKind.IMAGE,
                 width=rgb.shape[1], height=rgb.shape[0])


def _similarity(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """(scale, dx, dy) taking frame ``a``'s content to frame ``b``'s, from ORB features matched
    and fitted with RANSAC (a real photo's own corners, no drawn marks)."""
    import cv2

    orb = cv2.ORB_create(3000)
    ga, gb = (cv2.cvtColor(f, cv2.COLOR_RGB2GRAY) for f in (a, b))
    ka, da = orb.detectAndCompute(ga, None)
    kb, db = orb.detectAndCompute(gb, None)
    matches = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True).match(da, db)
    assert len(matches) > 50, len(matches)
    pa = np.float32([ka[m.queryIdx].pt for m in matches])
    pb = np.float32([kb[m.trainIdx].pt for m in matches])
    m, inliers = cv2.estimateAffinePartial2D(pa, pb, method=cv2.RANSAC, ransacReprojThreshold=2.0)
    assert m is not None and inliers.sum() > 30
    return float(np.hypot(m[0, 0], m[1, 0])), float(m[0, 2]), float(m[1, 2])


def _shot(tmp_path, asset: Asset, motion: str, amount: float | None, name: str) -> list[np.ndarray]:
    seg = {"id": "s", "kind": "video", "start": 0, "duration": 2000, "src": asset.id, "motion": motion}
    if amount is not None:
        seg["motion_amount"] = amount
    tl = build(width=640, height=360, fps=10, duration=2000, assets=[asset], tracks=[
        {"id": "m", "kind": "video", "role": "main", "segments": [seg]}])
    out = tmp_path / f"{name}.mp4"
    render(tl, out, quality="draft")
    return frames_at(out, [0.0, 1.9])


@pytest.mark.parametrize(("amount", "expect"), [(0.06, 1.06), (None, 1.12), (0.3, 1.3)])
def test_a_zoom_grows_the_picture_by_its_amount(tmp_path, amount, expect):
    first, last = _shot(tmp_path, _photo(tmp_path), "zoom-in", amount, f"zoom-{amount}")
    scale, _, _ = _similarity(first, last)
    # the last frame is at 95 % of the shot, where the eased path has done 99 % of its move
    assert scale == pytest.approx(expect, abs=0.015), (amount, scale)


@pytest.mark.parametrize(("amount", "travel"), [(0.06, 0.06), (0.3, 0.3)])
def test_a_pan_travels_its_amount_of_the_view(tmp_path, amount, travel):
    first, last = _shot(tmp_path, _photo(tmp_path), "pan-right", amount, f"pan-{amount}")
    scale, dx, dy = _similarity(first, last)
    # the view travels right, so the picture moves left by that share of the frame's width
    assert scale == pytest.approx(1.0, abs=0.01) and abs(dy) < 1.5
    assert -dx / 640 == pytest.approx(travel, abs=0.012), (amount, dx)


def test_a_whole_picture_stays_whole_through_a_strong_zoom(tmp_path):
    """Shown whole (contained, 9:16), a 30 % zoom starts on the photo 1.3 times smaller than the
    frame's width and ends on it filling the width: whole in every frame, never cut."""
    asset = _photo(tmp_path)
    tl = build(width=360, height=640, fps=10, duration=2000, assets=[asset], background="#000000", tracks=[
        {"id": "m", "kind": "video", "role": "main", "segments": [
            {"id": "s", "kind": "video", "start": 0, "duration": 2000, "src": "china", "fit": "contain",
             "motion": "zoom-in", "motion_amount": 0.3}]}])
    out = tmp_path / "whole.mp4"
    render(tl, out, quality="draft")
    widths = []
    for f in frames_at(out, [0.0, 0.95, 1.9]):
        lit = f.astype(int).max(axis=2) > 30
        cols, rows = np.where(lit.max(axis=0))[0], np.where(lit.max(axis=1))[0]
        widths.append(cols[-1] - cols[0] + 1)
        # the photo (640x427) is shown whole: its height stays inside the frame with room to spare
        assert rows[0] > 150 and rows[-1] < f.shape[0] - 150, (rows[0], rows[-1])
        assert (rows[-1] - rows[0] + 1) / widths[-1] == pytest.approx(427 / 640, abs=0.03)
    assert widths[0] == pytest.approx(360 / 1.3, abs=6) and widths[0] < widths[1] < widths[2] and widths[2] >= 352, widths


def test_words_set_how_far_the_moves_go_and_the_render_follows(tmp_path):
    """A first cut asked for "dramatic zooms", then "make the zoom subtler": each still's amount
    follows the words and the rendered first shot grows by it."""
    from skimage import data

    files = []
    for name in ("coffee", "rocket"):
        path = tmp_path / f"{name}.jpg"
        Image.fromarray(getattr(data, name)()).save(path, quality=92)
        files.append(path)
    project = api.new_project(files)
    session = project.session
    reply = session.handle("a 4 second 16:9 video of these photos with dramatic zooms, no text, hard cuts")
    assert reply.status == "ok", reply.message
    stills = next(t for t in session.timeline.tracks if t.role.value == "main").segments
    assert [s.motion_amount for s in stills] == [0.24, 0.24] and stills[0].motion.value == "zoom-in"
    strong = _similarity(*frames_at(project.render(tmp_path / "strong.mp4", quality="draft"), [0.0, 1.9]))[0]
    reply = session.handle("make the zoom subtler")
    assert reply.status == "ok" and "12%" in reply.message, reply.message
    stills = next(t for t in session.timeline.tracks if t.role.value == "main").segments
    assert [s.motion_amount for s in stills] == [0.12, 0.12]
    reply = session.handle("缩放幅度再小一点")
    assert reply.status == "ok", reply.message
    stills = next(t for t in session.timeline.tracks if t.role.value == "main").segments
    assert [s.motion_amount for s in stills] == [0.06, 0.06]
    gentle = _similarity(*frames_at(project.render(tmp_path / "gentle.mp4", quality="draft"), [0.0, 1.9]))[0]
    # the coffee cup zooms in on itself: by about the amount (less if the cup would not fit)
    assert strong == pytest.approx(1.24, abs=0.015) and gentle == pytest.approx(1.06, abs=0.015), (strong, gentle)
