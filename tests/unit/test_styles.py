"""timeline.styles: named looks chosen by words (en/zh), carried by the timeline, compiled."""

from __future__ import annotations

import pytest

from reelforge.planner import plan
from reelforge.render import compile_render
from reelforge.timeline import from_draft, to_draft
from reelforge.timeline.model import Asset, AssetKind, Role, TextBackground, Transition
from reelforge.timeline.styles import STYLES, style_in

IMGS = [Asset(id=f"i{i}", path=f"/m/{n}", name=n, kind=AssetKind.IMAGE, width=1600, height=1200)
        for i, n in enumerate(["red-sneaker.jpg", "blue-sneaker.jpg", "green-sneaker.jpg"])]


@pytest.mark.parametrize(("text", "name"), [
    ("bold style promo", "bold"), ("a minimal look please", "minimal"), ("简约风格", "minimal"),
    ("做成活泼的风格", "playful"), ("clean style", "clean"), ("醒目一点的风格", "bold"), ("playful", "playful"),
    ("bold text for the title", None), ("a fun video", None),
])
def test_style_words(text, name):
    assert style_in(text) == name


def test_at_least_four_distinct_styles():
    assert {"clean", "bold", "minimal", "playful"} <= set(STYLES)
    looks = {(s.weight, s.entrance, s.caption_box, s.box_color, s.transition) for s in STYLES.values()}
    assert len(looks) == len(STYLES)


@pytest.mark.parametrize("name", sorted(STYLES))
def test_style_reaches_the_timeline_and_the_graph(name, tmp_path):
    look = STYLES[name]
    p = plan(f"{name} style promo for Urban Sneakers with text overlays", IMGS)
    tl = p.timeline
    assert tl.style == name and any(f"Look: {name} style (as asked)" in n for n in p.notes)
    assert from_draft(to_draft(tl), tl.assets).style == name
    main = tl.track(Role.MAIN).segments
    assert main[1].transition is (look.transition if look.transition_ms else Transition.CUT)
    assert all(s.background is look.caption_box for s in tl.track(Role.CAPTION).segments)
    cmd = compile_render(tl, tmp_path / "o.mp4", workdir=tmp_path)
    title = next(s for s in cmd.overlays if s.segment_id == tl.track(Role.TITLE).segments[0].id)
    assert title.text == ("URBAN SNEAKERS" if look.uppercase else "Urban Sneakers")
    assert title.bold == look.weight
    g = cmd.filter_graph
    assert ("trunc(iw*(0.7+0.3*" in g) is (look.entrance == "scale")
    assert ("*(1-min(1," in g) is (look.entrance == "slide")
    caps = [s for s in cmd.overlays if s.group]
    assert all(s.box_color == (look.box_color if look.caption_box is TextBackground.BOX else "") for s in caps)


@pytest.mark.parametrize(("instruction", "name"), [("bold style", "bold"), ("简约风格", "minimal"),
                                                   ("make it a playful look", "playful"), ("back to the clean style", "clean")])
def test_style_edit_changes_the_look_and_keeps_the_length(instruction, name):
    from reelforge.planner.apply import apply
    from reelforge.planner.rules import plan_edit

    tl = plan("promo for Urban Sneakers with text overlays", IMGS).timeline
    e = plan_edit(instruction, tl)
    assert [o.op for o in e.ops] == ["set_style"], e.reply
    new = apply(tl, e.ops)
    look = STYLES[name]
    assert new.style == name and new.duration == tl.duration
    assert all(s.background is look.caption_box for s in new.track(Role.CAPTION).segments)
    assert new.track(Role.MAIN).segments[1].transition is look.transition


def test_brand_file_sets_the_style(tmp_path):
    from reelforge.ai.brand import apply_brand, load_brand

    (tmp_path / "brand.json").write_text('{"name": "Aurora", "style": "minimal"}')
    brand = load_brand(tmp_path / "brand.json")
    tl = apply_brand(plan("promo for Urban Sneakers with text overlays", IMGS).timeline, brand)
    assert tl.style == "minimal"
    assert all(s.background is TextBackground.SHADOW for s in tl.track(Role.CAPTION).segments)
    (tmp_path / "bad.json").write_text('{"name": "Aurora", "style": "loud"}')
    from reelforge.ai.brand import BrandError

    with pytest.raises(BrandError, match="style"):
        load_brand(tmp_path / "bad.json")


def test_a_look_said_as_a_clause_of_its_own_is_the_look():
    # user test s8: "youtube shorts promo for the coffee shop menu, 12 sec, playful" got the default look
    from reelforge.timeline.styles import style_in

    assert style_in("youtube shorts promo for the coffee shop menu, 12 sec, playful") == "playful"
    assert style_in("tiktok vid, minimalist pls") == "minimal"
    assert style_in("15秒竖屏，活泼一点") == "playful"
    assert style_in("half a minute - elegant - for instagram") == "minimal"
    # a look word that speaks of something else is not a look
    for t in ("make the title bold", "music quiet", "a clean cut of the clip, 10 s", "simple", "make it loud"):
        assert style_in(t) is None, t
