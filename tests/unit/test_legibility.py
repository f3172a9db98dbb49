"""Legible text on any picture (`reelforge.render.legibility`): the light behind each text is
measured through its shot's own view on real photographs (scikit-image's page of text and
grey camera-man, the Hubble deep field), and a backdrop is given only where the text needs one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.render.compile import text_specs
from reelforge.render.legibility import backdrop_alpha, background_light, luma_of, scrims
from reelforge.timeline import replace
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    Fit,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSegment,
    Timeline,
    Track,
    TrackKind,
    VideoSegment,
)

W, H = 960, 540


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    from PIL import Image
    from skimage import data

    d = tmp_path_factory.mktemp("legible")
    out = {}
    for name in ("page", "hubble_deep_field", "horse", "coffee"):
        arr = getattr(data, name)()
        if arr.dtype == bool:
            arr = arr.astype("uint8") * 255
        p = d / f"{name}.png"
        Image.fromarray(arr).save(p)
        out[name] = Asset(id=name, path=str(p), name=p.name, kind=AssetKind.IMAGE,
                          width=arr.shape[1], height=arr.shape[0])
    return out


def _timeline(asset: Asset, *, color: str = "#FFFFFF", background=TextBackground.SHADOW,
              fit: Fit = Fit.COVER, motion: Motion = Motion.ZOOM_IN, position: Position = Position.CENTER) -> Timeline:
    shot = VideoSegment(id="s1", start=0, duration=3000, src=asset.id, name=asset.name, fit=fit, motion=motion)
    title = TextSegment(id="t1", start=0, duration=3000, text="Lab Notes Weekly", color=color,
                        background=background, position=position)
    return Timeline(width=W, height=H, duration=3000, assets=(asset,), tracks=(
        Track(id="v", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(shot,)),
        Track(id="t", kind=TrackKind.TEXT, role=Role.TITLE, segments=(title,))))


def test_backdrop_only_as_strong_as_the_background_needs():
    assert luma_of("#FFFFFF") == pytest.approx(1.0) and luma_of("#000000") == 0.0
    assert backdrop_alpha(1.0, 0.3) == 0  # white on a mid-dark picture reads as it is
    assert backdrop_alpha(1.0, 0.9) == pytest.approx(1 - 0.42 / 0.9)  # brings 0.9 down to 0.42
    assert backdrop_alpha(1.0, 0.6) == pytest.approx(0.30)  # a light touch is at least 30 %
    assert backdrop_alpha(0.0, 0.8) == 0  # black text on a light picture reads
    assert backdrop_alpha(0.0, 0.05) > 0.5  # black text on a night sky gets a light backdrop


def test_light_is_measured_through_the_shots_view(photos):
    page, hubble = _timeline(photos["page"]), _timeline(photos["hubble_deep_field"])
    box = (W * 0.3, H * 0.4, W * 0.7, H * 0.6)
    assert background_light(page, W, H, box, 0, 3000) > 0.7  # white paper behind the words
    assert background_light(hubble, W, H, box, 0, 3000) < 0.2  # space
    # dark text on the page: its darkest quarter (the printed letters) is what it competes with
    assert background_light(page, W, H, box, 0, 3000, dark_text=True) < 0.7
    # the horse silhouette shown whole over a black background: black where the frame's fill is
    horse = _timeline(photos["horse"], fit=Fit.CONTAIN, motion=Motion.NONE)
    assert background_light(horse, W, H, (0, 0, W * 0.1, H * 0.1), 0, 3000) == pytest.approx(0.0, abs=0.01)
    assert background_light(horse, W, H, (W * 0.3, H * 0.05, W * 0.45, H * 0.15), 0, 3000) > 0.9  # white sky
    # no still on screen then: no opinion
    assert background_light(page, W, H, box, 4000, 5000) is None


def test_a_bright_patch_under_a_few_words_is_measured(photos):
    """A line over scikit-image's coffee: the dark red saucer under most of it, the spoon's
    bright bowl under its last words. Its 75th percentile over the whole box is the saucer's
    (0.34: no backdrop, and those words were lost on the spoon); piece by piece, the spoon's."""
    from reelforge.render.legibility import LIGHT_LIMIT

    tl = _timeline(photos["coffee"], motion=Motion.NONE)
    over_spoon = (320, 370, 720, 440)
    assert background_light(tl, W, H, over_spoon, 0, 3000) > LIGHT_LIMIT
    assert scrims(tl, W, H, [("t1", "#FFFFFF", TextBackground.SHADOW, over_spoon, 0, 3000)])["t1"] >= 0.3 * 255
    # the saucer alone, beside the spoon: the shadow and outline are enough
    saucer = (200, 450, 480, 520)
    assert background_light(tl, W, H, saucer, 0, 3000) < LIGHT_LIMIT
    assert scrims(tl, W, H, [("t1", "#FFFFFF", TextBackground.SHADOW, saucer, 0, 3000)]) == {}


def test_the_layout_gives_a_backdrop_where_the_picture_is_light(photos):
    (spec, _), = text_specs(_timeline(photos["page"]), W, H, workdir=Path("."))
    assert 0.3 * 255 <= spec.scrim <= 0.7 * 255
    (spec, _), = text_specs(_timeline(photos["hubble_deep_field"]), W, H, workdir=Path("."))
    assert spec.scrim == 0
    # what the user chose stays: no background, or a box
    for bg in (TextBackground.NONE, TextBackground.BOX):
        (spec, _), = text_specs(_timeline(photos["page"], background=bg), W, H, workdir=Path("."))
        assert spec.scrim == 0


def test_scrims_skip_video_clips(photos, tmp_path):
    clip = Asset(id="c", path=str(tmp_path / "missing.mp4"), name="missing.mp4", kind=AssetKind.VIDEO,
                 width=640, height=360, duration_ms=3000, fps=25)
    tl = _timeline(photos["page"])
    shot = replace(tl.tracks[0].segments[0], src="c", motion=Motion.NONE)
    tl = replace(tl, assets=(*tl.assets, clip), tracks=(replace(tl.tracks[0], segments=(shot,)), tl.tracks[1]))
    assert scrims(tl, W, H, [("t1", "#FFFFFF", TextBackground.SHADOW, (0, 0, W, H), 0, 3000)]) == {}
