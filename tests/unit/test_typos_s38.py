"""Session 38: the typo reader takes a real English word one consonant away from a planner word for a
word of its own ("cake stall" was read "cake small", then "take out the cake stall bit" as "make small")."""

from __future__ import annotations

import pytest

from reelforge.planner.typos import correct


@pytest.mark.parametrize("text", ["theres a bouncy castle, cake stall, raffle", "take out the cake stall bit",
                                  "the bake sale got cancelled"])
def test_a_word_one_consonant_from_another_is_its_own(text):
    assert correct(text)[0] == text and correct(text, loose=True)[0] == text


@pytest.mark.parametrize(("typed", "read"), [("the beech photo first", "the beach photo first"),
                                             ("the tittle is wrong", "the title is wrong"),
                                             ("make it vertcal", "make it vertical"),
                                             ("put the beach pic frist", "put the beach pic first")])
def test_slips_are_still_read(typed, read):
    assert correct(typed, ["beach.jpg"])[0] == read
