"""Brand kit: file loading, card drawing, pure application to a timeline."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from reelforge.ai.brand import BrandError, apply_brand, card_image, load_brand, strip_brand
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    AudioSegment,
    Role,
    TextSegment,
    Timeline,
    Track,
    TrackKind,
    VideoSegment,
)


def _asset(i: str, kind=AssetKind.IMAGE) -> Asset:
    return Asset(id=i, path=f"/tmp/{i}", name=f"{i}.png", kind=kind, width=100, height=100)


def _timeline() -> Timeline:
    return Timeline(
        duration=10000,
        assets=(_asset("a"), _asset("b"), _asset("m", AssetKind.AUDIO)),
        tracks=(
            Track(id="v", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
                VideoSegment(id="s1", start=0, duration=5000, src="a"),
                VideoSegment(id="s2", start=5000, duration=5000, src="b"))),
            Track(id="mu", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
                AudioSegment(id="m1", start=0, duration=10000, src="m", volume=0.35),)),
            Track(id="t", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
                TextSegment(id="t1", start=0, duration=3000, text="Urban Dreams"),)),
        ),
    )


@pytest.fixture
def brand_file(tmp_path):
    Image.new("RGBA", (200, 100), (255, 90, 31, 255)).save(tmp_path / "logo.png")
    data = {"name": "Aurora", "logo": "logo.png", "colors": {"primary": "#FF5A1F", "text": "#FFEE00"},
            "intro": {"text": "Aurora", "subtitle": "Run lighter", "duration_ms": 2000},
            "outro": {"text": "aurora.run", "duration_ms": 3000}, "cta": "Shop now at aurora.run"}
    path = tmp_path / "brand.json"
    path.write_text(json.dumps(data))
    return path


def test_load_json_and_yaml(brand_file, tmp_path):
    brand = load_brand(brand_file)
    assert brand.name == "Aurora" and brand.logo.endswith("logo.png") and brand.intro.duration_ms == 2000
    pytest.importorskip("yaml")
    y = tmp_path / "brand.yaml"
    y.write_text("name: Aurora\ncta: Buy now\ncolors:\n  text: '#FFFFFF'\n")
    assert load_brand(y).cta == "Buy now"


def test_bad_brand_files(tmp_path):
    with pytest.raises(BrandError, match="cannot read"):
        load_brand(tmp_path / "missing.json")
    (tmp_path / "b.json").write_text('{"name": "x", "logo": "nope.png"}')
    with pytest.raises(BrandError, match="logo"):
        load_brand(tmp_path / "b.json")
    (tmp_path / "c.json").write_text('{"name": "x", "colors": {"text": "red"}}')
    with pytest.raises(BrandError, match="colors.text"):
        load_brand(tmp_path / "c.json")
    (tmp_path / "d.json").write_text("{not json")
    with pytest.raises(BrandError, match="not valid"):
        load_brand(tmp_path / "d.json")


def test_card_image(brand_file, tmp_path):
    brand = load_brand(brand_file)
    out = card_image(brand, brand.intro, 1080, 1920, tmp_path / "intro.png")
    px = np.asarray(Image.open(out).convert("RGB"))
    assert px.shape == (1920, 1080, 3)
    assert tuple(px[5, 5]) == (255, 90, 31)  # brand colour background
    assert (np.abs(px.astype(int) - (255, 238, 0)).sum(axis=2) < 60).sum() > 500  # text drawn in the text colour


def test_apply_and_strip_brand(brand_file):
    brand = load_brand(brand_file)
    tl = _timeline()
    logo, intro, outro = _asset("logo"), _asset("intro"), _asset("outro")
    out = apply_brand(tl, brand, logo_asset=logo, intro_asset=intro, outro_asset=outro)
    assert out.duration == 15000
    main = out.track(Role.MAIN).segments
    assert [s.id for s in main] == ["brand-intro", "s1", "s2", "brand-outro"]
    assert main[1].start == 2000 and main[-1].start == 12000
    music = out.track(Role.MUSIC).segments[0]
    assert music.start == 0 and music.duration == 15000
    assert out.track(Role.LOGO).segments[0].duration == 15000
    cta = out.track(Role.CTA).segments[0]
    assert cta.text == "Shop now at aurora.run" and cta.end == 12000
    assert out.track(Role.TITLE).segments[0].color == "#FFEE00"
    # re-applying does not stack; stripping gives the original layout back
    again = apply_brand(out, brand, logo_asset=logo, intro_asset=intro, outro_asset=outro)
    assert again.duration == 15000 and len(again.tracks) == len(out.tracks)
    back = strip_brand(out)
    assert back.duration == 10000
    assert [s.start for s in back.track(Role.MAIN).segments] == [0, 5000]


def test_apply_brand_without_cards_only_adds_logo_and_cta(brand_file):
    out = apply_brand(_timeline(), load_brand(brand_file), logo_asset=_asset("logo"))
    assert out.duration == 10000
    assert out.track(Role.CTA).segments[0].start == 6000


@pytest.mark.parametrize(("motion", "amount"), [("subtle", 0.06), ("dramatic", 0.24), (0.2, 0.2)])
def test_a_brand_says_how_far_the_stills_move(tmp_path, motion, amount):
    path = tmp_path / "brand.json"
    path.write_text(json.dumps({"name": "Aurora", "motion": motion}))
    out = apply_brand(_timeline(), load_brand(path))
    assert [s.motion_amount for s in out.track(Role.MAIN).segments] == [amount, amount]


@pytest.mark.parametrize("motion", ["wild", 0.9, -1])
def test_a_brand_s_motion_out_of_range_is_named(tmp_path, motion):
    path = tmp_path / "brand.json"
    path.write_text(json.dumps({"name": "Aurora", "motion": motion}))
    with pytest.raises(BrandError, match="motion"):
        load_brand(path)
