"""A brief typed as labelled fields, rendered: its words are on screen where the first cut puts them
(title and tagline at the start, the call to action with the price under it at the end), read back
with OCR from the frames of a real render of photographs scikit-image ships."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PIL import Image

from reelforge import api

from ._render_helpers import frame_at, ocr_white_text

pytestmark = pytest.mark.render


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9$.]", "", text.lower())


def test_a_brief_s_fields_are_read_back_from_the_frames(tmp_path):
    from skimage import data

    files = []
    for name in ("coffee", "rocket", "chelsea"):
        p = tmp_path / f"{name}.jpg"
        Image.fromarray(np.asarray(getattr(data, name)())[..., :3]).save(p, quality=92)
        files.append(p)
    project = api.new_project(files)
    r = project.session.handle("Product: AeroBottle. Tagline: stay cold 24h. Price: $29.99. CTA: order today. 720p")
    assert r.changed, r.message
    out = project.render(tmp_path / "brief.mp4")
    total = project.session.timeline.duration / 1000
    start = _letters(ocr_white_text(frame_at(out, 1.5), psm=11))
    end = _letters(ocr_white_text(frame_at(out, total - 1.0), psm=11))
    assert "aerobottle" in start and "staycold24" in start, start  # tesseract reads the "h" of the box loosely
    assert "ordertoday" in end and "$29.99" in end, end
    assert "aerobottle" not in end and "ordertoday" not in start
