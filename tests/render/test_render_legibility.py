"""A white title over a light photograph (scikit-image's page of text) is rendered for real and
read on the frame: the text's box is darkened behind the words by its backdrop (the paper there
is light grey without it) and OCR reads the title back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reelforge.render import render
from reelforge.render.compile import text_specs
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    Fit,
    Motion,
    Role,
    TextSegment,
    Timeline,
    Track,
    TrackKind,
    VideoSegment,
)

from ._render_helpers import frame_at, ocr_white_text

pytestmark = pytest.mark.render
W, H = 640, 360


def _luma(rgb: np.ndarray) -> np.ndarray:
    x = rgb.astype(np.float32) / 255
    return 0.2126 * x[..., 0] + 0.7152 * x[..., 1] + 0.0722 * x[..., 2]


def test_white_title_on_a_page_gets_a_backdrop_and_reads(tmp_path):
    from PIL import Image
    from skimage import data

    arr = data.page()
    p = tmp_path / "page.png"
    Image.fromarray(arr).resize((arr.shape[1] * 4, arr.shape[0] * 4), Image.LANCZOS).save(p)
    page = Asset(id="page", path=str(p), name=p.name, kind=AssetKind.IMAGE, width=arr.shape[1] * 4,
                 height=arr.shape[0] * 4)
    tl = Timeline(width=W, height=H, duration=2000, assets=(page,), tracks=(
        Track(id="v", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="s", start=0, duration=2000, src="page", fit=Fit.COVER, motion=Motion.NONE),)),
        Track(id="t", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
            TextSegment(id="t1", start=0, duration=2000, text="Lab Notes Weekly", fade_in_ms=0, fade_out_ms=0),))))
    (spec, slot), = text_specs(tl, W, H, Path("."))
    assert spec.scrim > 0
    frame = frame_at(render(tl, tmp_path / "out.mp4"), 1.0)
    x0, y0, x1, y1 = (round(v) for v in slot.box)
    inner = _luma(frame[y0 + 4:y1 - 4, x0 + 4:x1 - 4])
    paper = _luma(frame[:, :])
    assert np.median(paper) > 0.7  # the picture is light
    assert np.median(inner) < 0.5, np.median(inner)  # behind the words it is dark enough for white text
    assert (inner > 0.9).mean() > 0.05  # and the white words are there
    read = ocr_white_text(frame[y0:y1, x0:x1])
    assert "Notes" in read and "Weekly" in read, read
