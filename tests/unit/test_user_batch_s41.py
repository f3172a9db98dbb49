"""Defects found by trying the product on wordings it had not seen (session 41)."""

from __future__ import annotations

import pytest

from .test_compose import IMAGES, VO, session_after


def _texts(tl) -> dict[str, tuple[int, int]]:
    return {t.text: (t.start, t.end) for tr in tl.tracks for t in tr.segments if hasattr(t, "text")}


@pytest.mark.parametrize(("said", "words", "start"), [
    ("'Free shipping' appears at 15s", "Free shipping", 15000),
    ("'new drop' pops up at 20 seconds", "new drop", 20000),
    ("'Sale' should show up at 12 seconds", "Sale", 12000),
    ("「五折」在第10秒出现", "五折", 10000),
    ("第12秒出现“包邮”", "包邮", 12000),
])
def test_quoted_words_said_to_appear_at_a_time_are_added_then(said, words, start):
    """They were "I did not understand"; "show '50% off' at 10 seconds" already worked."""
    s, (r,) = session_after(IMAGES + [VO], "a 28 second promo titled 'Urban Dreams'", said)
    assert r.status == "ok" and r.changed, r.message
    assert _texts(s.timeline)[words][0] == start, _texts(s.timeline)


def test_quoted_words_already_on_screen_said_to_appear_move_instead_of_doubling():
    s, (r,) = session_after(IMAGES + [VO], "a 28 second promo titled 'Urban Dreams'", "'Urban Dreams' should appear at 5s")
    assert r.status == "ok", r.message
    titles = [t for tr in s.timeline.tracks for t in tr.segments if getattr(t, "text", None) == "Urban Dreams"]
    assert [(t.start, t.end) for t in titles] == [(5000, 8000)]


@pytest.mark.parametrize(("said", "reply"), [
    ("make it 2 hours", "The video can be at most 30 minutes long"),
    ("make it 1.5 hours long", "The video can be at most 30 minutes long"),
    ("3 hours long", "The video can be at most 30 minutes long"),
    ("改成2小时", "视频最长30分钟"),
])
def test_a_length_in_hours_is_answered_with_the_cap(said, reply):
    """It was "I did not understand 'make it 2 hours'"."""
    s, (r,) = session_after(IMAGES + [VO], "a 28 second promo", said)
    assert r.status == "error" and r.message.startswith(reply), r.message
    assert s.timeline.duration == 28000


def test_hours_that_are_no_length_are_not_taken_for_one():
    s, (r,) = session_after(IMAGES + [VO], "a 28 second promo", "we are open 24 hours")
    assert s.timeline.duration == 28000 and "30 minutes" not in r.message
