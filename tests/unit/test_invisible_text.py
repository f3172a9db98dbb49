"""A text to show must show something: a title or caption of only zero-width spaces, joiners,
direction marks, a byte-order mark or no-break spaces was "Added" and drew nothing (user test
s10). Real text keeps its invisible characters where they belong (an emoji's joiners, Hindi's
non-joiner). Pure planning on the sample timeline."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()


@pytest.mark.parametrize("text", [
    'add the title "\u200b\u200b" for the first 3 seconds', 'add the title "\u202e\u200d" for the first 3 seconds',
    'add the title " \u00a0 " for the first 3 seconds', 'change the title to "\u2060"', 'add a caption "\ufeff"',
    '把标题改成“\u200b”',
])
def test_a_text_with_nothing_visible_is_refused_and_nothing_changes(text):
    plan = plan_edit(text, TL, library=LIBRARY)
    assert plan.status != "ok" and not plan.ops, (plan.status, plan.reply)
    assert "no visible character" in plan.reply


@pytest.mark.parametrize("words", ["Sale 🔥", "👨\u200d👩\u200d👧 Family pack", "नमस्\u200cते", "春季新品", "!"])
def test_real_text_with_joiners_is_kept_as_typed(words):
    plan = plan_edit(f'change the title to "{words}"', TL, library=LIBRARY)
    assert plan.status == "ok", plan.reply
    title = apply(TL, plan.ops, library=LIBRARY).track(Role.TITLE).segments[0]
    assert title.text == words


def test_the_ops_refuse_it_whoever_sends_them():
    # the LLM planner and op lists sent over the API go through the same models
    with pytest.raises(ValidationError, match="no visible character"):
        O.AddText(text="\u200b")
    with pytest.raises(ValidationError, match="no visible character"):
        O.UpdateText(text="")
    assert O.UpdateText(text=None).text is None and O.AddText(text="Go").text == "Go"
