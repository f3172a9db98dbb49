"""How far the stills' zooms and pans go (user test s16: "less zoom", "stronger Ken Burns",
"slower zoom" were answered "cannot be set yet"; "dramatic zooms" in a first instruction was
ignored): the words, the op, the view path and the draft."""

from __future__ import annotations

import pytest

from reelforge.errors import PlanError
from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner.apply import apply
from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.render import framing
from reelforge.timeline import Role
from reelforge.timeline.draft import from_draft, to_draft
from reelforge.timeline.model import Motion
from reelforge.timeline.summary import describe

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()


def _stills(tl):
    return [s for s in tl.track(Role.MAIN).segments if s.src.startswith("img")]


@pytest.mark.parametrize(("said", "amount", "factor"), [
    ("less zoom", None, 0.5), ("subtler motion", None, 0.5), ("the zoom is too much", None, 0.5),
    ("tone down the ken burns", None, 0.5), ("缩放幅度小一点", None, 0.5), ("减小缩放幅度", None, 0.5),
    ("a bit less zoom", None, 2 / 3), ("the zoom is a bit too strong", None, 2 / 3),
    ("more zoom", None, 2.0), ("stronger ken burns", None, 2.0), ("zoom in more", None, 2.0),
    ("the motion is barely noticeable", None, 2.0), ("动画幅度大一点", None, 2.0), ("运镜再明显一点", None, 2.0),
    ("subtle zoom", 0.06, None), ("gentle Ken Burns", 0.06, None), ("轻微缩放", 0.06, None),
    ("dramatic zooms", 0.24, None), ("a 20% zoom", 0.2, None), ("zoom 25 percent", 0.25, None),
    ("缩放幅度20%", 0.2, None),
])
def test_how_far_is_read(said, amount, factor):
    ask = P.motion_ask(said)
    assert ask is not None and ask.amount == amount and not ask.by_speed
    assert ask.factor is None if factor is None else ask.factor == pytest.approx(factor)


@pytest.mark.parametrize("said", ["slower zoom", "the pans are too fast", "slow down the zoom", "缩放太快了"])
def test_slower_is_less_far(said):
    ask = P.motion_ask(said)
    assert ask.by_speed and ask.factor == 0.5


@pytest.mark.parametrize("said", ["slow zoom on every photo", "zoom in on the second photo", "more photos",
                                  "make the music louder", "add more photos and zoom in", "zoom in slowly",
                                  "music at 20%"])
def test_no_how_far_is_no_change(said):
    assert P.motion_ask(said) is None


def test_less_zoom_halves_every_moving_still_and_says_so():
    edit = plan_edit("less zoom", TL, library=LIBRARY)
    assert dump_ops(edit.ops) == [{"amount": 0.06, "op": "set_motion_amount"}]
    assert "6% of the view" in edit.reply
    new = apply(TL, edit.ops, library=LIBRARY)
    assert {s.motion_amount for s in _stills(new) if s.motion is not Motion.NONE} == {0.06}
    assert [s.motion for s in _stills(new)] == [s.motion for s in _stills(TL)]  # directions kept


def test_a_named_still_alone():
    edit = plan_edit("stronger ken burns on the second photo", TL, library=LIBRARY)
    new = apply(TL, edit.ops, library=LIBRARY)
    assert [s.motion_amount for s in _stills(new)][:2] == [0.12, 0.24]


def test_the_bounds_are_said_not_passed():
    tl = TL
    for _ in range(2):
        tl = apply(tl, plan_edit("more zoom", tl, library=LIBRARY).ops, library=LIBRARY)
    assert {s.motion_amount for s in _stills(tl) if s.motion is not Motion.NONE} == {0.3}  # 0.24 -> 0.48, capped
    edit = plan_edit("more zoom", tl, library=LIBRARY)
    assert not edit.ops and "already go as far as they can (30 %)" in edit.reply
    edit = plan_edit("zoom 60%", TL, library=LIBRARY)
    assert not edit.ops and "3-30 %" in edit.reply


def test_stills_that_do_not_move():
    still = apply(TL, [O.SetMotion(motion=Motion.NONE)], library=LIBRARY)
    edit = plan_edit("less zoom", still, library=LIBRARY)
    assert not edit.ops and "No picture moves now" in edit.reply
    edit = plan_edit("stronger zoom", still, library=LIBRARY)
    assert dump_ops(edit.ops) == [{"motion": "auto", "op": "set_motion"}]  # the usual move first
    with pytest.raises(PlanError):
        apply(still, [O.SetMotionAmount(factor=2.0)], library=LIBRARY)


def test_the_op_needs_one_of_amount_and_factor():
    with pytest.raises(ValueError):
        O.SetMotionAmount()
    with pytest.raises(ValueError):
        O.SetMotionAmount(amount=0.2, factor=2.0)
    with pytest.raises(ValueError):
        O.SetMotionAmount(amount=0.9)


@pytest.mark.parametrize("amount", [0.03, 0.12, 0.3])
def test_the_view_path_moves_by_the_amount(amount):
    z = framing.plan(1920, 1080, 1920, 1080, Motion.ZOOM_IN, amount=amount)
    assert z.start.w / z.end.w == pytest.approx(1 + amount)
    p = framing.plan(1920, 1080, 1920, 1080, Motion.PAN_RIGHT, amount=amount)
    assert p.end.x - p.start.x == pytest.approx(amount * p.start.w)
    assert p.start.x >= 0 and p.end.x + p.end.w <= 1920 + 1e-6


def test_a_subject_still_limits_a_strong_zoom():
    subject = framing.Rect(600, 100, 900, 900)  # most of the picture's height: a 30 % zoom would cut it
    z = framing.plan(1920, 1080, 1920, 1080, Motion.ZOOM_IN, subject, amount=0.3)
    assert z.end.contains(subject) and z.start.w / z.end.w < 1.3


def test_the_draft_and_the_summary_carry_it():
    tl = apply(TL, [O.SetMotionAmount(amount=0.2)], library=LIBRARY)
    draft = to_draft(tl)
    metas = [sg["m"] for t in draft["t"] if t["m"]["role"] == "main" for sg in t["sg"]]
    assert any(m.get("mamt") == 0.2 for m in metas) and not any("mamt" in m for m in
                                                              [sg["m"] for t in to_draft(TL)["t"] for sg in t["sg"]])
    back = from_draft(draft, base=tl)
    assert [s.motion_amount for s in _stills(back)] == [s.motion_amount for s in _stills(tl)]
    assert any("zoom-in 20%" in line for line in describe(tl)) and not any("%" in line for line in describe(TL) if "zoom" in line)
    bad = {**draft, "t": [{**t, "sg": [{**sg, "m": {**sg["m"], "mamt": 3}} for sg in t["sg"]]}
                          if t["m"]["role"] == "main" else t for t in draft["t"]]}
    with pytest.raises(Exception, match="mamt"):
        from_draft(bad, base=tl)
