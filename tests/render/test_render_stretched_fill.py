"""A picture that only a crop to a sliver, enlarged past 2.5x, could fill the frame with is shown
whole over a blurred fill in the first cut (user test s10: scikit-image's retina as a 1411x353
panorama in 9:16 was cropped to 14 % of its width and enlarged 6.1x, blocky; a 218x872 strip in
16:9 was enlarged 9.9x where showing it whole needs 1.24x). `checks.crop_stretches` decides."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from skimage import data

from reelforge.render.checks import crop_stretches
from reelforge.render.runner import render
from reelforge.session import Session
from reelforge.timeline import replace
from reelforge.timeline.model import Fit, Role

from ._render_helpers import frames_at


@pytest.mark.parametrize(("src", "frame", "expected"), [
    ((1411, 353), (1080, 1920), True),   # a panorama into 9:16: 14 % of it, 5.4x
    ((218, 872), (1920, 1080), True),    # a tall strip into 16:9: 8.8x where whole needs 1.24x
    ((512, 512), (1080, 1920), False),   # a small square photo: soft either way (3.75x vs 2.1x)
    ((6000, 1500), (1080, 1920), False),  # a big panorama: a crop is not enlarged
    ((600, 400), (1920, 1080), False),   # 3.2x to fill, 2.7x whole: the crop keeps most of it
])
def test_crop_stretches(src, frame, expected):
    assert crop_stretches(*src, *frame) is expected


def _panorama(path):
    """scikit-image's retina cut to a 1411x353 band, a red bar at its left edge, a blue at its right."""
    a = np.asarray(Image.fromarray(data.retina()).resize((1411, 1411)))[529:882].copy()
    a[:, :24] = (230, 20, 20)
    a[:, -24:] = (20, 20, 230)
    Image.fromarray(a).save(path)
    Image.fromarray(data.astronaut()).save(path.parent / "astronaut.jpg")
    return path


@pytest.mark.render
def test_a_panorama_in_9x16_is_shown_whole_and_said(tmp_path):
    pano = _panorama(tmp_path / "retina_panorama.jpg")
    s = Session.new()
    s.add_assets([tmp_path / "astronaut.jpg", pano], workdir=tmp_path / "media")
    reply = s.handle("a 6 second vertical promo for Nordlicht")
    segs = {x.name: x for x in s.timeline.track(Role.MAIN).segments}
    assert segs["retina_panorama.jpg"].fit is Fit.BLUR
    assert segs["astronaut.jpg"].fit is Fit.COVER  # 4.2x to fill, 2.1x whole: the crop stays
    note = next(n for n in reply.notes if "retina_panorama.jpg" in n and "blurred fill" in n)
    assert "keep 14% of it, enlarged 5.4x" in note
    assert not any("retina_panorama.jpg" in n and "is enlarged" in n for n in reply.notes)

    shot = segs["retina_panorama.jpg"]
    tl = replace(s.timeline, width=360, height=640, tracks=[t for t in s.timeline.tracks if t.role is Role.MAIN])
    out = render(tl, tmp_path / "out.mp4", quality="draft")
    mid = (shot.start + shot.end) / 2000
    for f in frames_at(out, [mid - 0.5, mid, mid + 0.5]):
        band = f[f.shape[0] // 2 - 20:f.shape[0] // 2 + 20].astype(int)
        red = ((band[..., 0] > 150) & (band[..., 2] < 90)).any(axis=0).sum()
        blue = ((band[..., 2] > 150) & (band[..., 0] < 90)).any(axis=0).sum()
        # each bar is 24/1411 of the panorama, ~6 px across the 360 px frame: both edges on screen
        assert red >= 3 and blue >= 3, (red, blue)

    s.handle("make it 16:9")  # 1.4x to fill 16:9 while whole needs 0.8x: cropped again
    assert {x.name: x for x in s.timeline.track(Role.MAIN).segments}["retina_panorama.jpg"].fit is Fit.COVER
