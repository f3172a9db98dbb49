"""The box behind a text by its colour: "add a white box behind the title" made the LETTERS white on
the default dark box (the colour word was read as the text's). Now a text has a `box_color`, carried
by the ops, the draft and the render spec; a box colour said without the letters' colour turns them
white or near-black, whichever reads on it (relative luminance), and the reply says so. Pure: the
planner, apply, the draft, the compiled text specs and the chunk key (no ffmpeg run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.errors import InvalidTimeline
from reelforge.planner import op_words as W
from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.planner.rules.text_look import DARK_TEXT, contrast
from reelforge.render.chunked import prepare
from reelforge.render.compile import text_specs
from reelforge.timeline import Role, from_draft, to_draft
from reelforge.timeline import replace as t_replace
from reelforge.timeline.model import TextBackground

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()
CUES = [O.Cue(start_ms=i * 4000, end_ms=i * 4000 + 3000, text=f"line {i}") for i in range(3)]
CAPTIONED = apply(TL, [O.SetCaptions(cues=CUES)], library=LIBRARY)
TITLE_ONLY = t_replace(TL, tracks=tuple(t for t in TL.tracks if t.role is not Role.CTA))


def _plan(text, tl=TL):
    p = plan_edit(text, tl, library=LIBRARY)
    assert p.status == "ok", p.reply
    return p


def _texts(tl, role):
    return [s for t in tl.tracks if t.role is role for s in t.segments]


# -- the planner ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "box", "letters", "reply"), [
    ("add a white box behind the title", "#FFFFFF", DARK_TEXT,
     "The first title: white box, text near-black. Text turned dark to stay readable."),
    ("put the title on a red box", "#FF0000", "#FFFFFF", "The first title: red box."),  # white on red: 4:1
    ("make the title box blue", "#1E6BFF", "#FFFFFF", "The first title: blue box."),  # white reads on blue
    ("make the title white on a black box", "#000000", "#FFFFFF", "The first title: black box, text white."),
    ("标题加白色底框", "#FFFFFF", DARK_TEXT, "标题：底框改为白色，文字改为近黑色。 文字改成深色，在底框上看得清。"),
    ("标题红底白字", "#FF0000", "#FFFFFF", "标题：底框改为红色，文字改为白色。"),
])
def test_a_box_colour_is_the_boxs_and_the_letters_stay_readable(text, box, letters, reply):
    p = _plan(text)
    assert p.reply == reply
    title = apply(TL, p.ops, library=LIBRARY).track(Role.TITLE).segments[0]
    assert (title.background, title.box_color, title.color) == (TextBackground.BOX, box, letters)
    assert contrast(title.color, box) >= 3 or text in ("标题红底白字",)  # both named: as said (large text: 3:1)


@pytest.mark.parametrize("text", ["white text on a black box", "红底白字"])
@pytest.mark.parametrize("tl", [TITLE_ONLY, TL], ids=["title only", "title and cta"])
def test_both_colours_without_naming_the_text(text, tl):
    """No text named: every text (as "make the text white"); both colours as said."""
    p = _plan(text, tl)
    new = apply(tl, p.ops, library=LIBRARY)
    texts = _texts(new, Role.TITLE) + _texts(new, Role.CTA)
    assert len(texts) == (1 if tl is TITLE_ONLY else 2)
    want = ("#FFFFFF", "#000000") if text.startswith("white") else ("#FFFFFF", "#FF0000")
    assert {(x.color, x.box_color, x.background) for x in texts} == {(*want, TextBackground.BOX)}


@pytest.mark.parametrize(("text", "box"), [
    ("give the captions a yellow background", "#FFD400"),
    ("yellow background behind the captions", "#FFD400"),
    ("add a yellow box behind the captions", "#FFD400"),  # restyles them: no new captions from the speech
    ("字幕用黄色底", "#FFD400"),
    ("字幕加黄色底框", "#FFD400"),
    ("put the captions on a blue background", "#1E6BFF"),
])
def test_every_caption_gets_the_box(text, box):
    p = _plan(text, CAPTIONED)
    assert all(isinstance(o, O.UpdateText) for o in p.ops)
    caps = _texts(apply(CAPTIONED, p.ops, library=LIBRARY), Role.CAPTION)
    assert len(caps) == 3
    assert {(c.box_color, c.background) for c in caps} == {(box, TextBackground.BOX)}
    assert all(contrast(c.color, box) >= 3 for c in caps)
    assert p.reply.count("readable") + p.reply.count("看得清") <= 1  # said once, not per caption
    assert _texts(apply(CAPTIONED, p.ops, library=LIBRARY), Role.TITLE)[0].box_color is None


def test_a_new_text_on_a_box():
    p = _plan("add the title 'Sale' on a white box")
    assert p.reply == ('Added title "Sale" on a white box for the first 3s. It takes the place of the title "Urban Dreams" '
                       "shown then (say 'undo' to get it back). Its text is dark to stay readable.")
    new = apply(TL, p.ops, library=LIBRARY)
    sale = next(s for s in _texts(new, Role.TITLE) if s.text == "Sale")
    assert (sale.box_color, sale.background, sale.color) == ("#FFFFFF", TextBackground.BOX, DARK_TEXT)
    p = _plan("添加标题「促销」，白色底框")
    assert p.reply.startswith("添加了白色底框的标题「促销」")


def test_a_colour_that_reads_on_the_box_is_kept():
    """A yellow title on a black box stays yellow; on a white box it turns near-black (and back to white
    on black, as it no longer reads there)."""
    yellow = apply(TL, _plan("make the title yellow").ops, library=LIBRARY)
    p = _plan("make the title box black", yellow)
    assert dump_ops(p.ops) == [{"background": "box", "box_color": "#000000", "op": "update_text"}]
    on_white = apply(yellow, _plan("add a white box behind the title", yellow).ops, library=LIBRARY)
    assert on_white.track(Role.TITLE).segments[0].color == DARK_TEXT
    p = _plan("make the title box black", on_white)
    assert p.reply == "The first title: black box, text white. Text turned white to stay readable."


def test_the_other_readings_are_unchanged():
    assert dump_ops(_plan("white background").ops) == [{"color": "#FFFFFF", "op": "set_background"}]
    assert dump_ops(_plan("背景改成白色").ops) == [{"color": "#FFFFFF", "op": "set_background"}]
    assert dump_ops(_plan("make the title white").ops) == [{"color": "#FFFFFF", "op": "update_text"}]
    assert dump_ops(_plan("make the title yellow with a box").ops) == [
        {"color": "#FFD400", "background": "box", "op": "update_text"}]
    assert dump_ops(_plan("make the background white and the title red").ops) == [
        {"color": "#FFFFFF", "op": "set_background"}, {"color": "#FF0000", "op": "update_text"}]
    assert dump_ops(_plan("blurred background").ops) == [{"blur": True, "op": "set_background"}]
    assert dump_ops(_plan("add captions", TL).ops) == [{"op": "auto_captions"}]


def test_relative_luminance_picks_white_or_near_black():
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast(DARK_TEXT, "#FFD400") > contrast("#FFFFFF", "#FFD400")  # yellow: dark letters
    assert contrast("#FFFFFF", "#001F5B") > contrast(DARK_TEXT, "#001F5B")  # navy: white letters


# -- apply ----------------------------------------------------------------------------------------
def test_apply_draws_a_box_for_a_box_colour_and_keeps_it_otherwise():
    tl = apply(TL, [O.UpdateText(box_color="#FF0000")], library=LIBRARY)
    title = tl.track(Role.TITLE).segments[0]
    assert (title.box_color, title.background, title.color) == ("#FF0000", TextBackground.BOX, "#FFFFFF")
    tl = apply(tl, [O.UpdateText(size="small")], library=LIBRARY)  # later edits keep it
    assert tl.track(Role.TITLE).segments[0].box_color == "#FF0000"
    tl = apply(TL, [O.UpdateText(box_color="#FF0000", background="shadow")], library=LIBRARY)
    assert tl.track(Role.TITLE).segments[0].background is TextBackground.SHADOW  # as said
    tl = apply(TL, [O.AddText(text="Hi", role="caption", box_color="#FFD400CC")], library=LIBRARY)
    cap = _texts(tl, Role.CAPTION)[0]
    assert (cap.box_color, cap.background) == ("#FFD400CC", TextBackground.BOX)
    with pytest.raises(ValueError):
        O.UpdateText(box_color="white")


def test_descriptions_say_the_box():
    assert W.describe(O.UpdateText(box_color="#FFFFFF", background="box")) == "the first title: white box"
    assert W.describe(O.UpdateText(box_color="#FFFFFF", color="#111111")) == "the first title: white box, text near-black"
    assert W.describe(O.UpdateText(color="#FF0000", background="box")) == "the first title: colour red, background box"
    assert W.describe(O.AddText(text="Hi", box_color="#ABCDEF")) == 'added title "Hi" on a #ABCDEF box throughout'
    assert W.describe_zh(O.UpdateText(box_color="#FFD400", color="#111111")) == "标题：底框改为黄色，文字改为近黑色"


# -- the draft ------------------------------------------------------------------------------------
def test_the_draft_carries_the_box_colour_both_ways():
    tl = apply(TL, [O.UpdateText(box_color="#FFFFFF", color=DARK_TEXT)], library=LIBRARY)
    draft = to_draft(tl)
    title = next(t for t in draft["t"] if t["m"]["role"] == "title")["sg"][0]["m"]
    assert (title["bc"], title["bg"], title["color"]) == ("#FFFFFF", "box", DARK_TEXT)
    back = from_draft(draft, base=TL)
    assert back.track(Role.TITLE).segments[0].box_color == "#FFFFFF"
    assert to_draft(back) == draft
    assert "bc" not in next(t for t in to_draft(TL)["t"] if t["m"]["role"] == "title")["sg"][0]["m"]  # default: not written


@pytest.mark.parametrize("bad", ["white", "#FFF", "#GGGGGG", 7])
def test_a_bad_box_colour_in_a_draft_is_refused_by_its_place(bad):
    draft = to_draft(TL)
    ti = next(i for i, t in enumerate(draft["t"]) if t["m"]["role"] == "title")
    draft["t"][ti]["sg"][0]["m"]["bc"] = bad
    with pytest.raises(InvalidTimeline, match=rf"t\[{ti}\]\.sg\[0\]\.m\.bc"):
        from_draft(draft, base=TL)


# -- the render spec and the chunk key --------------------------------------------------------------
def _spec(tl, seg_id):
    return next(s for s, _ in text_specs(tl, 640, 360, workdir=Path(".")) if s.segment_id == seg_id)


def test_the_texts_box_colour_wins_over_the_styles():
    cap_id = _texts(CAPTIONED, Role.CAPTION)[0].id
    plain = _spec(CAPTIONED, cap_id)
    assert (plain.background, plain.box_color) == (TextBackground.SHADOW, "")  # the clean look's captions: no plate
    yellow = apply(CAPTIONED, _plan("give the captions a yellow background", CAPTIONED).ops, library=LIBRARY)
    assert _spec(yellow, cap_id).box_color == "#FFD400"
    assert _spec(yellow, "t1").box_color == ""  # the title: the usual dark box when it has one
    boxed = apply(TL, [O.UpdateText(box_color="#FFFFFF")], library=LIBRARY)
    assert _spec(boxed, "t1").box_color == "#FFFFFF"
    shadow = apply(boxed, [O.UpdateText(background="shadow")], library=LIBRARY)
    assert _spec(shadow, "t1").box_color == ""  # no box drawn, no box colour


def test_a_box_colour_changes_only_the_chunks_showing_that_text(tmp_path):
    """The chunk cache key hashes the text specs: a new box colour renders the title's chunks again,
    not the others."""
    boxed = apply(TL, [O.UpdateText(background="box")], library=LIBRARY)
    white = apply(boxed, [O.UpdateText(box_color="#FFFFFF")], library=LIBRARY)
    a = prepare(boxed, quality="draft", workdir=tmp_path / "a")
    b = prepare(white, quality="draft", workdir=tmp_path / "b")
    changed = [x.index for x, y in zip(a, b, strict=True) if x.key != y.key]
    title = boxed.track(Role.TITLE).segments[0]
    assert changed and all(x.first * 1000 < title.end * x.cmd.fps for x in a if x.index in changed)
    assert len(changed) < len(a)
    again = prepare(white, quality="draft", workdir=tmp_path / "c")
    assert [x.key for x in again] == [y.key for y in b]  # the same edit: the same keys


def test_boxing_the_captions_that_are_there_restyles_them():
    """Captions from the file names, no speech: "add a box behind the captions" answered "there is
    no speech to caption" (read as a request for captions from the speech)."""
    from reelforge.planner.apply import apply
    from reelforge.planner.compose import plan as compose
    from reelforge.planner.rules import plan_edit

    from .edit_cases import ASSETS, LIBRARY

    images = [a for a in ASSETS if a.kind.value == "image"]
    tl = compose("a 12 second promo with captions", images).timeline
    caps = tl.track(Role.CAPTION).segments
    assert caps
    unboxed = apply(tl, plan_edit("take the box off the captions", tl, library=LIBRARY).ops, library=LIBRARY)
    assert all(s.background.value == "shadow" for s in unboxed.track(Role.CAPTION).segments)
    plan = plan_edit("put the captions in a box", unboxed, library=LIBRARY)
    assert plan.status == "ok", plan.reply
    boxed = apply(unboxed, plan.ops, library=LIBRARY)
    assert [s.text for s in boxed.track(Role.CAPTION).segments] == [s.text for s in caps]  # the same captions
    assert all(s.background.value == "box" for s in boxed.track(Role.CAPTION).segments)


@pytest.mark.parametrize("look", ["clean", "minimal"])
def test_captions_put_in_a_box_under_a_look_without_one_get_a_dark_box(look):
    """The clean and minimal looks draw captions with no plate; "put the captions in a box" gives
    them the dark box (under minimal it was drawn fully transparent: the look's colour was #00000000)."""
    cap_id = _texts(CAPTIONED, Role.CAPTION)[0].id
    styled = apply(CAPTIONED, [O.SetStyle(style=look)], library=LIBRARY)
    assert _spec(styled, cap_id).background is TextBackground.SHADOW
    boxed = apply(styled, _plan("put the captions in a box", styled).ops, library=LIBRARY)
    spec = _spec(boxed, cap_id)
    assert spec.background is TextBackground.BOX and spec.box_color == "#000000BE"
