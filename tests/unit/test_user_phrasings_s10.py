"""Instructions as people type them after a first cut (user test s10): each was not understood, a
question, or done wrong (often destructively: "add 5 seconds" made a 30 s video 5 s long). Pure
planning on the sample timeline (30 s), applied to check the result."""

from __future__ import annotations

import pytest

from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()


def _plan(text, tl=TL):
    return plan_edit(text, tl, library=LIBRARY)


# -- 1. an amount of time added or taken off is an amount, not the new length ------------------------
@pytest.mark.parametrize(("text", "ms"), [
    ("add 5 more seconds", 35000), ("add five more seconds", 35000), ("5 more seconds please", 35000),
    ("add 5 seconds", 35000), ("add 5 seconds to the video", 35000), ("remove 5 seconds", 25000),
    ("再长5秒", 35000), ("再加5秒", 35000), ("多加5秒", 35000), ("再短3秒", 27000), ("短3秒", 27000),
    ("make it 5 seconds longer", 35000), ("make it 20 seconds", 20000), ("改成20秒", 20000),
])
def test_total_length_by_an_amount(text, ms):
    plan = _plan(text)
    assert plan.status == "ok", plan.reply
    assert dump_ops(plan.ops) == [{"duration_ms": ms, "op": "set_total_duration"}]


@pytest.mark.parametrize(("text", "ms"), [
    ("add 2 seconds to the first photo", 7500), ("第一张图片加2秒", 7500), ("set the first photo to 3 seconds", 3000),
    ("第一张图片改成3秒", 3000),
])
def test_shot_length_by_an_amount(text, ms):
    plan = _plan(text)
    assert dump_ops(plan.ops) == [{"target": {"index": 0, "kind": "image"}, "duration_ms": ms,
                                   "op": "set_segment_duration"}]
