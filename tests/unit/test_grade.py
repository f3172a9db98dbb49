"""The pictures' colour (`SetGrade`, `Timeline.grade`): set by ops, kept by the draft, compiled to
one ``eq`` on the main track only when it is not neutral (pure: no ffmpeg)."""

from __future__ import annotations

from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.render.compile import compile_render
from reelforge.timeline import Grade, from_draft, to_draft
from reelforge.timeline.model import GRADE_LOOKS

from .edit_cases import LIBRARY, sample_timeline


def test_a_grade_is_set_field_by_field_and_kept_by_later_edits():
    tl = apply(sample_timeline(), [O.SetGrade(saturation=0.0)], library=LIBRARY)
    tl = apply(tl, [O.SetGrade(brightness=0.06)], library=LIBRARY)
    assert tl.grade == Grade(saturation=0.0, brightness=0.06)
    tl = apply(tl, [O.SetTotalDuration(duration_ms=20000)], library=LIBRARY)
    assert tl.grade == Grade(saturation=0.0, brightness=0.06)


def test_the_draft_carries_the_grade_both_ways():
    tl = apply(sample_timeline(), [O.SetGrade(saturation=0.0, contrast=1.15)], library=LIBRARY)
    draft = to_draft(tl)
    assert draft["m"]["grade"] == {"saturation": 0.0, "brightness": 0.0, "contrast": 1.15}
    assert from_draft(draft, base=sample_timeline()).grade == tl.grade
    assert "grade" not in to_draft(sample_timeline())["m"]  # neutral: nothing on the wire


def test_the_graph_grades_the_pictures_only_when_asked(tmp_path):
    plain = compile_render(sample_timeline(), tmp_path / "a.mp4", workdir=tmp_path).filter_graph
    assert "eq=" not in plain
    bw = apply(sample_timeline(), [O.SetGrade(saturation=0.0)], library=LIBRARY)
    graph = compile_render(bw, tmp_path / "b.mp4", workdir=tmp_path).filter_graph
    assert graph.count("lutyuv=u=128:v=128") == 1 and "eq=" not in graph


def test_relative_words_build_on_the_current_grade():
    once = apply(sample_timeline(), plan_edit("a bit brighter", sample_timeline(), library=LIBRARY).ops,
                 library=LIBRARY)
    twice = plan_edit("even brighter", once, library=LIBRARY)
    assert twice.ops == (O.SetGrade(brightness=0.12),)
    assert "brighter (+0.12)" in twice.reply


def test_the_summary_says_the_pictures_are_graded():
    from reelforge.timeline.summary import summarize

    bw = apply(sample_timeline(), [O.SetGrade(saturation=0.0)], library=LIBRARY)
    assert "1 clip (0-30s, black and white)" in summarize(bw)
    assert "（0-30s，黑白）" in summarize(bw, zh=True)
    assert "graded" not in summarize(sample_timeline())


def test_warmth_steps_and_named_looks_compile_to_one_chroma_shift(tmp_path):
    warm = apply(sample_timeline(), plan_edit("make it warmer", sample_timeline(), library=LIBRARY).ops,
                 library=LIBRARY)
    warmer = plan_edit("even warmer", warm, library=LIBRARY)
    assert warmer.ops == (O.SetGrade(warmth=0.6),) and "warmer (+0.60)" in warmer.reply
    graph = compile_render(warm, tmp_path / "w.mp4", workdir=tmp_path).filter_graph
    assert graph.count("lutyuv=u='clip(val-4,16,240)':v='clip(val+3,16,240)'") == 1 and "eq=" not in graph
    sepia = apply(sample_timeline(), plan_edit("sepia", sample_timeline(), library=LIBRARY).ops, library=LIBRARY)
    graph = compile_render(sepia, tmp_path / "s.mp4", workdir=tmp_path).filter_graph
    assert graph.count("lutyuv=u=117:v=136") == 1  # grey, tinted amber: one lookup, no eq
    back = plan_edit("back to colour", sepia, library=LIBRARY)
    assert back.ops == (O.SetGrade(saturation=1.0, warmth=0.0),)  # out of sepia, tint and all
    vintage = plan_edit("vintage look", sample_timeline(), library=LIBRARY)
    assert "vintage look" in vintage.reply
    assert "复古色调" in plan_edit("复古", sample_timeline(), library=LIBRARY).reply


def test_the_draft_carries_warmth_and_leaves_it_out_when_as_shot():
    tl = apply(sample_timeline(), [O.SetGrade(warmth=-0.3)], library=LIBRARY)
    draft = to_draft(tl)
    assert draft["m"]["grade"]["warmth"] == -0.3
    assert from_draft(draft, base=sample_timeline()).grade == Grade(warmth=-0.3)
    bw = to_draft(apply(sample_timeline(), [O.SetGrade(saturation=0.0)], library=LIBRARY))
    assert "warmth" not in bw["m"]["grade"]  # the wire shape of older clients' drafts


def test_a_pink_tint_steps_and_compiles_to_a_chroma_shift_towards_magenta(tmp_path):
    """"颜色调暖一点 粉一点" warmed the picture and said "没有理解「粉一点」": the other white balance
    axis, green to magenta, both chroma planes up (a green cast taken out the same way)."""
    pink = plan_edit("颜色调暖一点 粉一点", sample_timeline(), library=LIBRARY)
    assert set(pink.ops) == {O.SetGrade(warmth=0.3), O.SetGrade(tint=0.25)} and "没有理解" not in pink.reply
    tinted = apply(sample_timeline(), [O.SetGrade(tint=0.5)], library=LIBRARY)
    graph = compile_render(tinted, tmp_path / "p.mp4", workdir=tmp_path).filter_graph
    assert graph.count("lutyuv=u='clip(val+4,16,240)':v='clip(val+6,16,240)'") == 1
    assert plan_edit("the video looks too green", sample_timeline(), library=LIBRARY).ops == (O.SetGrade(tint=0.25),)
    assert plan_edit("太粉了", tinted, library=LIBRARY).ops == (O.SetGrade(tint=0.25),)
    assert plan_edit("remove the filter", tinted, library=LIBRARY).ops[0].tint == 0.0
    # a text's pink is the text's colour
    assert not any(isinstance(o, O.SetGrade) for o in plan_edit("make the title pink", sample_timeline(),
                                                                 library=LIBRARY).ops)
    draft = to_draft(tinted)
    assert draft["m"]["grade"]["tint"] == 0.5 and from_draft(draft, base=sample_timeline()).grade == Grade(tint=0.5)
    assert "tint" not in to_draft(apply(sample_timeline(), [O.SetGrade(warmth=0.3)], library=LIBRARY))["m"]["grade"]


def test_the_summary_names_sepia():
    from reelforge.timeline.summary import summarize

    sepia = apply(sample_timeline(), [O.SetGrade(saturation=0.0, warmth=0.8)], library=LIBRARY)
    assert "sepia look" in summarize(sepia) and "怀旧棕色" in summarize(sepia, zh=True)
    vintage = apply(sample_timeline(), [O.SetGrade(**GRADE_LOOKS["vintage"])], library=LIBRARY)
    assert "1 clip (0-30s, vintage look)" in summarize(vintage) and "复古色调" in summarize(vintage, zh=True)
    warm = apply(sample_timeline(), [O.SetGrade(warmth=0.3)], library=LIBRARY)
    assert "colour graded" in summarize(warm)


def test_a_first_instruction_sets_the_grade_it_names():
    """"a promo in black and white", "vintage look", "复古色调" in the first instruction were
    ignored ("vintage" even answered "there is no such look"); colour words said of the text,
    the background or the voice are not the pictures'."""
    from reelforge.planner.grade_words import first_cut_grade
    from reelforge.planner.numerals import normalize

    def grade(text):
        return first_cut_grade(normalize(text))

    assert grade("make a 20 second promo in black and white with captions") == {"saturation": 0.0}
    assert grade("a calm ad, vintage look, music quieter") == GRADE_LOOKS["vintage"]
    assert grade("用这些图片做一个竖屏视频，复古色调，背景音乐小一点") == GRADE_LOOKS["vintage"]
    assert grade("a promo with warm tones, brighter and more contrast") == {"warmth": 0.3, "brightness": 0.06,
                                                                          "contrast": 1.15}
    assert grade("10秒视频，画面亮一点") == {"brightness": 0.06}
    for other in ("a video with black and white text", "white text on a black background",
                  "a video with a warm voiceover", "make the background black and white",
                  "the title in black and white", "a bright and cheerful promo"):
        assert grade(other) is None, other


def test_the_first_cut_says_and_renders_the_grade(tmp_path):
    from reelforge.planner.compose import plan as compose

    from .edit_cases import ASSETS

    plan = compose("make a 12 second promo, vintage look", [a for a in ASSETS if a.kind.value == "image"])
    assert plan.timeline.grade == Grade(**GRADE_LOOKS["vintage"])
    assert "Colour: vintage look (muted, warm, softer contrast)." in plan.notes
    assert not any(n.startswith("Not applied") for n in plan.notes)
    graph = compile_render(plan.timeline, tmp_path / "v.mp4", workdir=tmp_path).filter_graph
    assert "lutyuv=u='clip(val-7,16,240)':v='clip(val+5,16,240)'" in graph and "eq=contrast=0.9" in graph
