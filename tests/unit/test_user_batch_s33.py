"""User tests of session 33: a seventh batch of sessions typed by someone who had not seen the planner.
Each case is checked through the planner as a session plans it (placeholder assets, no media)."""

from __future__ import annotations

import pytest

from reelforge.timeline import Role

from .test_compose import img, session_after

CAFE = "20 sec promo for our cafe, open 7am-3pm weekdays, 12 Hill St"


def _texts(tl, role: Role) -> list[str]:
    return [s.text for tr in tl.tracks if tr.role is role for s in tr.segments]


@pytest.mark.parametrize("said", ["title should be Bean There", "the title should say Bean There",
                                  "change the title to Bean There", "make the title Bean There",
                                  "the title needs to be Bean There"])
def test_words_for_a_title_there_is_not_yet_add_it(said):
    # "title should be Bean There" answered "There is no title yet; add one with e.g. 'add the title …'"
    s, (r,) = session_after([img("a.jpg", 0), img("b.jpg", 1)], CAFE, said)
    assert r.changed, r.message
    assert _texts(s.timeline, Role.TITLE) == ["Bean There"]


@pytest.mark.parametrize(("said", "title"), [("title should be Bean There", "Bean There"),
                                             ("title should be bigger", "Bean"), ("title should be red", "Bean"),
                                             ("the title should be at the top", "Bean"),
                                             ("title should be on screen longer", "Bean")])
def test_what_a_title_should_be_is_its_words_or_a_look(said, title):
    s, (r,) = session_after([img("a.jpg", 0), img("b.jpg", 1)], 'promo called "Bean"', said)
    assert _texts(s.timeline, Role.TITLE) == [title]


@pytest.mark.parametrize("said", ["title should be bigger", "the title should be at the top", "make the title bigger"])
def test_a_look_for_a_title_there_is_not_yet_adds_none(said):
    s, (r,) = session_after([img("a.jpg", 0), img("b.jpg", 1)], CAFE, said)
    assert not r.changed and _texts(s.timeline, Role.TITLE) == []
