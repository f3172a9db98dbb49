"""First instructions and edits as people type them (user test s17)."""

from __future__ import annotations

import pytest

from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Timeline

from .edit_cases import LIBRARY, sample_timeline


def _named(**names: str) -> Timeline:
    """The sample timeline with some shots renamed (``img2="grace_hopper.jpg"``)."""
    data = sample_timeline().model_dump(mode="json")
    for seg in data["tracks"][0]["segments"]:
        seg["name"] = names.get(seg["src"], seg["name"])
    return Timeline.model_validate(data)


# -- a file name of several words typed with spaces: "swap grace hopper and coffee" was "the same shot" ------
@pytest.mark.parametrize(("said", "ops"), [
    ("swap grace hopper and shoe", [{"a": {"name": "grace_hopper.jpg"}, "b": {"name": "shoe"}, "op": "swap_segments"}]),
    ("swap shoe and grace hopper", [{"a": {"name": "shoe"}, "b": {"name": "grace_hopper.jpg"}, "op": "swap_segments"}]),
    ("move grace hopper to the start", [{"op": "move_segment", "target": {"name": "grace_hopper.jpg"}, "to_index": 0}]),
    ("remove grace-hopper", [{"op": "remove_segment", "target": {"name": "grace_hopper.jpg"}}]),
])
def test_a_name_of_several_words_is_one_shot(said, ops):
    tl = _named(img2="grace_hopper.jpg")
    edit = plan_edit(said, tl, library=LIBRARY)
    got = [{k: v for k, v in op.items() if k in ("op", "a", "b", "target", "to_index")} for op in dump_ops(edit.ops)]
    got = [{k: ({"name": v["name"]} if isinstance(v, dict) and "name" in v else v) for k, v in op.items()} for op in got]
    assert got == ops, edit.reply


def test_one_word_of_a_name_still_names_its_shot():
    edit = plan_edit("move hopper to the end", _named(img2="grace_hopper.jpg"), library=LIBRARY)
    assert [op["target"]["name"] for op in dump_ops(edit.ops)] == ["hopper"], edit.reply
