"""Table-driven test of the rule edit planner: instruction -> expected ops (as data).

The table (`edit_cases.CASES`) covers every intent of the edit vocabulary in English and
Chinese, numbers as digits and words, targets by position/name/time, combined, ambiguous and
unknown instructions. `bench/planner.py` runs the same table and prints accuracy and timing.
"""

from __future__ import annotations

import pytest

from reelforge.planner.apply import ApplyError, apply
from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role

from .edit_cases import CASES, LIBRARY, sample_timeline

TL = sample_timeline()


def test_table_is_big_and_bilingual():
    assert len(CASES) >= 200
    zh = [c for c in CASES if any("\u4e00" <= ch <= "\u9fff" for ch in c[0])]
    assert len(zh) >= 60
    assert sum(1 for _, e in CASES if e == "ambiguous") >= 4
    assert sum(1 for _, e in CASES if e == "unknown") >= 8
    assert sum(1 for _, e in CASES if isinstance(e, list) and len(e) >= 2) >= 8  # combined


@pytest.mark.parametrize(("instruction", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_case(instruction, expected):
    plan = plan_edit(instruction, TL, library=LIBRARY)
    if isinstance(expected, str):
        assert plan.status == expected, plan
        assert plan.ops == ()
        assert plan.reply  # never silent
        if expected == "unknown":  # in the language of the instruction, and only that
            zh = any("\u4e00" <= ch <= "\u9fff" for ch in instruction)
            said = ("没有做任何修改", "没有理解", "为稳妥起见") if zh else ("Nothing was changed", "changed nothing")
            assert any(x in plan.reply for x in said), plan.reply
            assert ("I can change" not in plan.reply and "Nothing was changed" not in plan.reply) if zh else \
                "可以这样说" not in plan.reply
            # the list of what can be said follows words not understood; a reasoned answer says what to do
            if not plan.understood and plan.reply.split(". ")[0].startswith(("I did not understand", "没有理解")):
                assert ("可以这样说" if zh else "I can change") in plan.reply
        return
    assert plan.status == "ok", plan.reply
    assert dump_ops(plan.ops) == expected
    try:  # every planned edit either applies or fails with a readable ApplyError
        apply(TL, plan.ops, library=LIBRARY)
    except ApplyError as exc:
        assert exc.message


def test_combined_applies_all_parts():
    plan = plan_edit("make it vertical and lower the music", TL, library=LIBRARY)
    new = apply(TL, plan.ops, library=LIBRARY)
    assert (new.width, new.height) == (1080, 1920)
    assert new.track(Role.MUSIC).segments[0].volume == pytest.approx(0.175)


def test_unknown_part_is_named_and_the_rest_applied():
    plan = plan_edit("make it vertical and make it sparkle", TL, library=LIBRARY)
    assert plan.status == "ok" and dump_ops(plan.ops) == [{"aspect": "9:16", "op": "set_frame"}]
    assert plan.skipped == ("make it sparkle",)
    assert "9:16" in plan.reply and "did not understand 'make it sparkle'" in plan.reply


def test_ambiguous_asks_which():
    plan = plan_edit("remove the image", TL, library=LIBRARY)
    assert plan.status == "ambiguous" and plan.ops == ()
    assert "Which image" in plan.reply and "sneaker.jpg" in plan.reply


def test_deterministic():
    """The same instruction on the same timeline plans the same ops (the cost per instruction is
    measured by bench/planner.py, not asserted here: a timing assertion fails on a busy machine)."""
    for text, _ in CASES:
        assert plan_edit(text, TL, library=LIBRARY) == plan_edit(text, TL, library=LIBRARY), text


@pytest.mark.parametrize(("instruction", "gone"), [
    ("delete the first and second images", {"shoe.jpg", "city.jpg"}),
    ("remove the last two images", {"sneaker.jpg", "mountain.jpg"}),
    ("remove images 2 and 4", {"city.jpg", "sneaker.jpg"}),
    ("remove the shots at 0:05 and 0:12", {"city.jpg", "street.mp4"}),
    ("删除前两张图片", {"shoe.jpg", "city.jpg"}),
])
def test_several_removals_hit_the_named_shots(instruction, gone):
    plan = plan_edit(instruction, TL, library=LIBRARY)
    new = apply(TL, plan.ops, library=LIBRARY)
    before = {s.name for s in TL.track(Role.MAIN).segments}
    assert before - {s.name for s in new.track(Role.MAIN).segments} == gone


def _with_captions(n: int = 3):
    from reelforge.timeline import replace as t_replace
    from reelforge.timeline.model import TextSegment, Track

    segs = tuple(TextSegment(id=f"c{i}", start=4000 * i + 1000, duration=3000, text=f"line {i}", position="bottom")
                 for i in range(n))
    return t_replace(TL, tracks=(*TL.tracks, Track(id="caption-1", kind="text", role=Role.CAPTION, segments=segs)))


@pytest.mark.parametrize("text", ["remove the captions", "remove all captions", "删除所有字幕", "get rid of the subtitles"])
def test_plural_captions_remove_all(text):
    tl = _with_captions()
    plan = plan_edit(text, tl, library=LIBRARY)
    assert plan.status == "ok", plan.reply
    new = apply(tl, plan.ops, library=LIBRARY)
    assert new.track(Role.CAPTION) is None
    assert new.track(Role.TITLE) is not None  # other text stays


@pytest.mark.parametrize("text", ["make the captions yellow", "所有字幕改成黄色"])
def test_plural_captions_restyle_all(text):
    tl = _with_captions()
    plan = plan_edit(text, tl, library=LIBRARY)
    assert plan.status == "ok", plan.reply
    new = apply(tl, plan.ops, library=LIBRARY)
    assert {s.color for s in new.track(Role.CAPTION).segments} == {"#FFD400"}
    assert new.track(Role.TITLE).segments[0].color == "#FFFFFF"


def test_singular_caption_with_several_still_asks():
    plan = plan_edit("remove the caption", _with_captions(), library=LIBRARY)
    assert plan.status == "ambiguous" and plan.ops == ()
