"""A still whose move has no room in the crop gets one that has (user test r9: a portrait photo in
a 16:9 video labelled "pan-right" did not move: frames 2.8 s apart differed by 0.007 grey levels).
The first cut's zoom of a portrait picture whose subject spans its width has no room (the crop
already spans the width, a closer view would cut the subject): it pans down instead, says so,
and the rendered frames move."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from PIL import Image

from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import replace
from reelforge.timeline.model import Motion

pytestmark = pytest.mark.render


def _band_picture(path):
    """600x1000 on a plain grey: a striped band across the whole width (the subject), y 400-600."""
    a = np.full((1000, 600, 3), 200, np.uint8)
    y, x = np.mgrid[400:600, 10:590]
    stripes = ((x // 23 + y // 17) % 2).astype(bool)
    a[400:600, 10:590] = np.where(stripes[..., None], (200, 40, 40), (30, 60, 160))
    Image.fromarray(a).save(path)
    return path


def _frame(path, at: float, w: int, h: int) -> np.ndarray:
    out = subprocess.run([ffmpeg_exe(), "-v", "error", "-ss", str(at), "-i", str(path), "-frames:v", "1",
                          "-f", "rawvideo", "-pix_fmt", "gray", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(out, np.uint8).reshape(h, w).astype(float)


def test_a_zoom_with_no_room_pans_down_and_moves(tmp_path):
    s = Session.new()
    (asset,) = s.add_assets([_band_picture(tmp_path / "band.png")], workdir=tmp_path / "media")
    reply = s.handle("a 3-second 16:9 video, no text")
    (shot,) = s.timeline.tracks[0].segments
    assert shot.fit.value == "cover" and shot.motion is Motion.PAN_DOWN, (shot.fit, shot.motion, shot.subject)
    assert "'band.png' pans down instead of zooming in" in reply.message, reply.message
    tl = replace(s.timeline, width=320, height=180)
    out = render(tl, tmp_path / "out.mp4", quality="draft")
    a, b = _frame(out, 0.3, 320, 180), _frame(out, 2.6, 320, 180)
    rows_a, rows_b = (np.nonzero((np.abs(f - 200) > 30).mean(axis=1) > 0.5)[0] for f in (a, b))
    # the band (the subject) whole in both, and higher in the frame at the end (the view went down)
    assert rows_a.size and rows_b.size and rows_a.min() > 0 and rows_a.max() < 179 and rows_b.min() > 0
    assert rows_b.mean() < rows_a.mean() - 5, (rows_a.mean(), rows_b.mean())
    assert np.abs(a - b).mean() > 5
