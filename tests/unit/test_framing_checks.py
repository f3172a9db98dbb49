"""Honest warnings about framing (render.checks): enlarged sources and blurred fills."""

from __future__ import annotations

import pytest

from reelforge.render.checks import blurred_fills, upscale_factor, upscaled
from reelforge.timeline import (
    Asset,
    AssetKind,
    Fit,
    Motion,
    Role,
    Track,
    TrackKind,
    VideoSegment,
    build,
)


def _tl(w: int, h: int, *segs: VideoSegment, width: int = 1080, height: int = 1920):
    a = Asset(id="a", path="/a.jpg", name="small.jpg", kind=AssetKind.IMAGE, width=w, height=h)
    return build(width=width, height=height, fps=30, duration=3000, assets=[a],
                 tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=segs)])


def test_a_small_photo_is_named_with_its_enlargement():
    seg = VideoSegment(id="s", start=0, duration=3000, src="a", motion=Motion.ZOOM_IN)
    # 640x300 into 1080x1920: cover scale 6.4, and the zoom's tight end 12 % more
    assert upscale_factor(seg, 640, 300, 1080, 1920) == pytest.approx(6.4 * 1.12, rel=1e-3)
    (msg,) = upscaled(_tl(640, 300, seg))
    assert "'small.jpg' (640x300) is enlarged 7.2x" in msg and "1080x1920" in msg
    # a 4000x3000 photo is not enlarged; 2.5x is the limit
    assert upscaled(_tl(4000, 3000, seg)) == []
    still = VideoSegment(id="s", start=0, duration=3000, src="a")
    assert upscaled(_tl(1920 // 2.4, 1080 // 2.4, still, width=1920, height=1080)) == []
    # a contained picture is enlarged by the smaller factor
    fit = VideoSegment(id="s", start=0, duration=3000, src="a", fit=Fit.CONTAIN)
    assert upscale_factor(fit, 640, 300, 1080, 1920) == pytest.approx(1080 / 640)


def test_a_blurred_fill_says_what_did_not_fit():
    seg = VideoSegment(id="s", start=0, duration=3000, src="a", fit=Fit.BLUR, subject=(0.2, 0.1, 0.8, 0.9))
    (msg,) = blurred_fills(_tl(1600, 900, seg))
    assert msg == "'small.jpg' is shown whole over a blurred fill: its subject spans 65% of its width, a crop can keep 32%."
    # the user's own blur (no subject box) is not the framing's to explain
    assert blurred_fills(_tl(1600, 900, seg.model_copy(update={"subject": None}))) == []


def test_three_or_more_pictures_enlarged_make_one_note():
    # eight phone photos made eight notes alike
    from reelforge.planner.notes_zh import to_zh

    pics = [("a.jpg", 640, 427), ("b.jpg", 451, 300), ("c.jpg", 600, 400)]
    assets = [Asset(id=n, path=f"/{n}", name=n, kind=AssetKind.IMAGE, width=w, height=h) for n, w, h in pics]
    segs = tuple(VideoSegment(id=f"s{i}", start=i * 3000, duration=3000, src=n) for i, (n, _, _) in enumerate(pics))
    tl = build(width=1080, height=1080, fps=30, duration=9000, assets=assets,
               tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=segs)])
    (note,) = upscaled(tl)
    assert note.startswith("3 pictures are enlarged 2.5-3.6x to fill the 1080x1080 frame, so they will look soft: "), note
    assert "'b.jpg' (451x300, 3.6x)" in note and note.endswith("larger originals would be sharp.")
    assert to_zh(note).startswith("3张图片要放大2.5-3.6倍才能填满1080x1080的画面，会显得模糊：「a.jpg」（640x427，")
