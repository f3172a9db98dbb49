"""Edits as people type them (user test s15): a fade asked shorter or longer without a length set
2 s whatever it was ("fade out faster" on a 1.5 s fade made it longer), and "make it vertical, not
square" answered half of it as not understood."""

from __future__ import annotations

import pytest

from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()
FADE = TL.track(Role.MUSIC).segments[0]


@pytest.mark.parametrize(("said", "fade"), [
    ("fade out faster", {"fade_out_ms": 800}),  # half of 1.5 s (it was set to 2 s: longer)
    ("make the fade out shorter", {"fade_out_ms": 800}),
    ("the music fade is too long", {"fade_out_ms": 800}),  # the fade-in is 0: left alone
    ("the music fades out too fast", {"fade_out_ms": 3000}),
    ("音乐淡出慢一点", {"fade_out_ms": 3000}),
    ("fade out over 4 seconds", {"fade_out_ms": 4000}),  # a length said is the length
])
def test_a_fade_shorter_or_longer_goes_from_the_fade_there_is(said, fade):
    assert (FADE.fade_in_ms, FADE.fade_out_ms) == (0, 1500)
    edit = plan_edit(said, TL, library=LIBRARY)
    assert edit.status == "ok", edit.reply
    op, = dump_ops(edit.ops)
    assert {k: v for k, v in op.items() if k.startswith("fade") and v is not None} == fade


def test_no_fade_to_shorten_is_said():
    edit = plan_edit("fade the music in faster", TL, library=LIBRARY)
    assert edit.status != "ok" and "no fade to shorten" in edit.reply and not edit.ops


@pytest.mark.parametrize("said", ["make it vertical, not square", "改成竖屏，不要方形"])
def test_not_the_other_frame_is_no_second_request(said):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert edit.status == "ok" and not edit.skipped, edit.reply
    assert [op["aspect"] for op in dump_ops(edit.ops)] == ["9:16"]
    assert "not understand" not in edit.reply


@pytest.mark.parametrize(("said", "reply"), [
    ("add a shop now button", 'already ends on "Shop now"'),  # was 'text to "Shop now" … its words were changed'
    ("结尾加上“Shop now”", "结尾已经是「Shop now」"),
])
def test_the_ending_already_said_is_nothing_to_change(said, reply):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not edit.ops and reply in edit.reply and "were changed" not in edit.reply
