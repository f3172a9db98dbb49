"""An object on a plain background is found whole (user test s9: scikit-image's horse silhouette,
white on black, 400x328; the saliency map's centre prior left out its head and neck, so a 1:1
crop cut them and about 88 % of the horse was on screen)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from reelforge.render import render
from reelforge.render.quality import shot_figures
from reelforge.session import Session
from reelforge.timeline import replace

pytestmark = pytest.mark.render


def test_horse_silhouette_stays_whole_in_a_square_first_cut(tmp_path):
    from skimage import data

    rgb = np.repeat(((~data.horse()) * 255).astype(np.uint8)[:, :, None], 3, axis=2)  # the horse white
    ys, xs = np.nonzero(rgb[:, :, 0] > 128)
    path = tmp_path / "horse.png"
    Image.fromarray(rgb).save(path)
    s = Session.new()
    (asset,) = s.add_assets([path], workdir=tmp_path / "media")
    reply = s.handle("a 4-second square video of this photo")
    assert "an object on a plain background in horse.png" in reply.message
    tl = replace(s.timeline, width=360, height=360)
    out = render(tl, tmp_path / "horse.mp4", quality="draft")
    (shot,) = shot_figures(str(out), tl, {asset.id: (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)})
    assert shot.visible is not None and shot.visible >= 0.97, shot
