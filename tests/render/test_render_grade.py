"""The pictures' colour, said in chat and rendered for real on a photograph (scikit-image's
coffee cup): "make it black and white" leaves no colour in the picture while the title keeps its
red; "a bit brighter" lifts the picture's level; "back to colour" gives the colours back."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import replace

from ._render_helpers import frame_at

pytestmark = pytest.mark.render
W, H = 640, 360


def _chroma(rgb: np.ndarray) -> float:
    """The median pixel's spread between its colour channels (0 for a grey picture; the median
    leaves the small title out)."""
    x = rgb.astype(np.int16)
    return float(np.median(x.max(axis=2) - x.min(axis=2)))


def test_black_and_white_brighter_and_back(tmp_path):
    from PIL import Image
    from skimage import data

    Image.fromarray(data.coffee()).save(tmp_path / "coffee.jpg", quality=92)
    s = Session.new()
    s.add_assets([tmp_path / "coffee.jpg"], workdir=tmp_path / "media")
    s.handle("a 4 second video, no motion, no text")
    s.handle("add the title 'SALE' in red for the whole video at the top")

    def frame(name: str) -> np.ndarray:
        return frame_at(render(replace(s.timeline, width=W, height=H), tmp_path / name), 2.0)

    before = frame("colour.mp4")
    reply = s.handle("make it black and white")
    assert "black and white" in reply.message
    bw = frame("bw.mp4")
    assert _chroma(before) > 20  # a colourful photo
    assert _chroma(bw) <= 2  # no colour left in it
    assert ((bw[..., 0].astype(int) - bw[..., 1]) > 100).sum() > 200  # the title is still red
    s.handle("a bit brighter")
    brighter = frame("bright.mp4")
    assert brighter.mean() > bw.mean() + 8
    s.handle("back to colour")
    again = frame("again.mp4")
    assert _chroma(again) > 20


def test_warmer_cooler_and_sepia_on_a_photo(tmp_path):
    """"make it warmer" turns the whole picture towards amber (red up, blue down), "cooler" the
    other way; "sepia" leaves one warm tint on every pixel (a grey picture, toned)."""
    from PIL import Image
    from skimage import data

    Image.fromarray(data.coffee()).save(tmp_path / "coffee.jpg", quality=92)
    s = Session.new()
    s.add_assets([tmp_path / "coffee.jpg"], workdir=tmp_path / "media")
    s.handle("a 4 second video, no motion, no text")

    def red_minus_blue(name: str) -> tuple[float, np.ndarray]:
        rgb = frame_at(render(replace(s.timeline, width=W, height=H), tmp_path / name), 2.0).astype(np.int16)
        return float(np.mean(rgb[..., 0] - rgb[..., 2])), rgb

    shot, _ = red_minus_blue("shot.mp4")
    assert "warmer (+0.30)" in s.handle("make it warmer").message
    warm, _ = red_minus_blue("warm.mp4")
    assert warm > shot + 8  # ~+13 expected: Cr +3, Cb -4 in video range
    s.handle("remove the filter")
    assert "cooler (-0.30)" in s.handle("cooler tones").message
    cool, _ = red_minus_blue("cool.mp4")
    assert cool < shot - 8
    assert "sepia" in s.handle("sepia").message
    _, rgb = red_minus_blue("sepia.mp4")
    r, g, b = (rgb[..., i].astype(float) for i in range(3))
    mid = (r + g + b) / 3
    lit = (mid > 40) & (mid < 215)  # away from black and white, where the tint clips
    assert np.median(r[lit] - b[lit]) > 15 and np.median(r[lit] - g[lit]) > 3  # amber: r > g > b
    assert np.percentile(np.abs((r - b)[lit] - np.median((r - b)[lit])), 90) < 6  # the same tint everywhere


def test_a_pinker_picture_on_a_photo(tmp_path):
    """"粉一点" then "even pinker": green down against red and blue on the rendered coffee cup."""
    from PIL import Image
    from skimage import data

    Image.fromarray(data.coffee()).save(tmp_path / "coffee.jpg", quality=92)
    s = Session.new()
    s.add_assets([tmp_path / "coffee.jpg"], workdir=tmp_path / "media")
    s.handle("a 4 second video, no motion, no text")

    def magenta(name: str) -> float:
        rgb = frame_at(render(replace(s.timeline, width=W, height=H), tmp_path / name), 2.0).astype(np.int16)
        return float(np.mean((rgb[..., 0] + rgb[..., 2]) / 2 - rgb[..., 1]))

    shot = magenta("shot.mp4")
    assert "偏粉 (+0.25)" in s.handle("粉一点").message
    s.handle("even pinker")
    assert s.timeline.grade.tint == 0.5
    assert magenta("pink.mp4") > shot + 8  # Cb +4, Cr +6 in video range: ~+10


def test_a_moody_look_on_a_photo(tmp_path):
    """"make it moody" (it was "not applied" in a first instruction, not understood in an edit): darker,
    cooler and less colourful than as shot, measured on the rendered coffee cup."""
    from PIL import Image
    from skimage import data

    Image.fromarray(data.coffee()).save(tmp_path / "coffee.jpg", quality=92)
    s = Session.new()
    s.add_assets([tmp_path / "coffee.jpg"], workdir=tmp_path / "media")
    s.handle("a 4 second video, no motion, no text")

    def frame(name: str) -> np.ndarray:
        return frame_at(render(replace(s.timeline, width=W, height=H), tmp_path / name), 2.0).astype(np.int16)

    shot = frame("shot.mp4")
    assert "moody look" in s.handle("make it moody").message
    moody = frame("moody.mp4")
    assert moody.mean() < shot.mean() - 5  # darker
    assert np.mean(moody[..., 0] - moody[..., 2]) < np.mean(shot[..., 0] - shot[..., 2]) - 5  # cooler
    assert _chroma(moody) < _chroma(shot)  # muted
