"""Keeping only some shots: the ones named stay, the others of the kind named go, and the reply
names both (before: "remove everything except the first photo" removed the first photo)."""

from __future__ import annotations

import pytest

from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role

from .edit_cases import LIBRARY, sample_timeline


def _shots_after(instruction: str) -> tuple[list[str], str]:
    plan = plan_edit(instruction, sample_timeline(), library=LIBRARY)
    tl = apply(sample_timeline(), plan.ops, library=LIBRARY)
    return [s.name for s in tl.track(Role.MAIN).segments], plan.reply


@pytest.mark.parametrize("instruction", ["remove everything except the first photo", "除了第一张图片都删掉",
                                         "delete every picture but the shoe"])
def test_everything_but_the_first_photo(instruction):
    shots, reply = _shots_after(instruction)
    assert shots == ["shoe.jpg", "street.mp4"]
    assert "street.mp4" in reply  # the clip stays, and the reply says why


def test_only_the_first_three_pictures_and_only_named_ones():
    assert _shots_after("use only the first three pictures")[0] == ["shoe.jpg", "city.jpg", "street.mp4", "beach.jpg"]
    assert _shots_after("只用前三张图片")[0] == ["shoe.jpg", "city.jpg", "street.mp4", "beach.jpg"]
    assert _shots_after("only keep the beach and city photos")[0] == ["city.jpg", "street.mp4", "beach.jpg"]
    assert _shots_after("keep only the first 3 shots")[0] == ["shoe.jpg", "city.jpg", "street.mp4"]


def test_nothing_to_drop_or_nothing_named_is_said():
    plan = plan_edit("use only the first six shots", sample_timeline(), library=LIBRARY)
    assert plan.status == "unknown" and "already the only ones" in plan.reply
    plan = plan_edit("keep only the tenth photo", sample_timeline(), library=LIBRARY)
    assert not plan.ops


@pytest.mark.parametrize("instruction", ["remove all the text except the title", "flip all the photos except the first"])
def test_a_change_to_all_but_some_never_acts_on_the_ones_named(instruction):
    """These acted on what "except" named (the title removed): now a question (or "not understood"),
    nothing changed. Motion changes act on the others (`test_motion_on_all_but_some`)."""
    plan = plan_edit(instruction, sample_timeline(), library=LIBRARY)
    assert plan.status in ("ambiguous", "unknown") and not plan.ops


@pytest.mark.parametrize(("instruction", "kept", "motion"), [
    ("除了第一张都去掉动画", "shoe.jpg", "none"),
    ("remove the zoom from all photos except the first", "shoe.jpg", "none"),
    ("remove the animation from all but the last photo", "mountain.jpg", "none"),
    ("no motion on every photo except the beach", "beach.jpg", "none"),
    ("zoom in on every photo but the last", "mountain.jpg", "zoom-in"),
])
def test_motion_on_all_but_some(instruction, kept, motion):
    """A motion change to every still but the ones named: the others change, those keep theirs (it was
    a question; before that, the first photo's motion was taken off)."""
    from reelforge.planner.apply import apply
    from reelforge.timeline import Role

    tl = sample_timeline()
    plan = plan_edit(instruction, tl, library=LIBRARY)
    assert plan.status == "ok", plan.reply
    new = apply(tl, plan.ops, library=LIBRARY)
    before = {s.name: s.motion.value for s in tl.track(Role.MAIN).segments}
    after = {s.name: s.motion.value for s in new.track(Role.MAIN).segments}
    assert after[kept] == before[kept]
    assert after["street.mp4"] == before["street.mp4"]  # a clip: motion moves stills
    assert all(after[n] == motion for n in after if n not in (kept, "street.mp4"))
    assert kept not in plan.reply
