"""A text's own entrance ("make the title slide in", "make the title pop in"): rendered for real
and measured on the frames: where the title's letters are and how wide they are just after it
starts, against a second later."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.render.runner import render
from reelforge.timeline import Asset, AssetKind, build

from ._render_helpers import frames_at

pytestmark = pytest.mark.render


def _title_box(frame: np.ndarray) -> tuple[float, float]:
    """(vertical centre, width) of the lit pixels: the white title over a black picture."""
    lit = frame.astype(int).max(axis=2) > 40
    rows, cols = np.where(lit.any(axis=1))[0], np.where(lit.any(axis=0))[0]
    assert rows.size and cols.size, "no title on the frame"
    return (rows[0] + rows[-1]) / 2, float(cols[-1] - cols[0] + 1)


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    d = tmp_path_factory.mktemp("entrance")
    Image.new("RGB", (640, 360), (0, 0, 0)).save(d / "black.png")
    asset = Asset(id="black", path=str(d / "black.png"), name="black.png", kind=AssetKind.IMAGE, width=640, height=360)
    return build(width=640, height=360, fps=30, duration=2000, assets=[asset], tracks=[
        {"id": "m", "kind": "video", "role": "main", "segments": [
            {"id": "s", "kind": "video", "start": 0, "duration": 2000, "src": "black"}]},
        {"id": "t", "kind": "text", "role": "title", "segments": [
            {"id": "t1", "kind": "text", "start": 0, "duration": 2000, "text": "SALE", "size": "xlarge",
             "fade_out_ms": 0}]}])


@pytest.mark.parametrize(("said", "entrance"), [(None, "fade"), ("make the title slide in", "slide"),
                                                ("make the title pop in", "scale"), ("标题滑入", "slide")])
def test_the_title_comes_in_as_asked(timeline, tmp_path, said, entrance):
    tl = timeline
    if said:
        edit = plan_edit(said, tl)
        assert edit.status == "ok", edit.reply
        tl = apply(tl, edit.ops)
        assert tl.tracks[1].segments[0].entrance == entrance
    out = tmp_path / f"{entrance}.mp4"
    render(tl, out, quality="draft")
    early, settled = frames_at(out, [0.1, 1.0])
    (y0, w0), (y1, w1) = _title_box(early), _title_box(settled)
    if entrance == "slide":  # rises 4 % of the frame into place: still lower early on, as wide
        assert y0 - y1 > 0.012 * 360 and w0 / w1 > 0.95, (y0, y1, w0, w1)
    elif entrance == "scale":  # grows from 70 % in place
        assert w0 / w1 < 0.92 and abs(y0 - y1) < 3, (y0, y1, w0, w1)
    else:  # a fade: in place, full size, only fainter
        assert abs(y0 - y1) < 2 and w0 / w1 > 0.95, (y0, y1, w0, w1)
