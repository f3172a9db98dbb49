"""Session 36: what session 35's ninth batch of users left not understood (its closing note) and the
tenth batch, each checked through the planner as a session plans it (placeholder assets, no media)."""

from __future__ import annotations

import pytest

from reelforge.timeline import Role

from .test_compose import img, session_after


def _all_texts(tl) -> list[str]:
    return [s.text for r in (Role.TITLE, Role.CAPTION, Role.CTA) for s in (x for tr in tl.tracks if tr.role is r
                                                                         for x in tr.segments)]


FLASH = ('flash day reel called "FLASH DAY", "Sunday 15th March 11am-6pm" on the second photo, '
         'end with "All flash designs £60 or 2 for £100"')


@pytest.mark.parametrize(("back", "want"), [
    ("hmm no put the price back but just say from £60", "From £60"),
    ("put the price back but make it say from £60 pls", "From £60"),
    ("no put it back but say £60 each", "£60 each"),
])
def test_a_text_put_back_with_new_words(back, want):
    # "hmm no put the price back but just say from £60" put the old price back ('… or 2 for £100') and said no more
    s, (r1, r2) = session_after([img("a.jpg", 0), img("b.jpg", 1), img("c.jpg", 2)], FLASH,
                                "remove the price, people will just dm", back)
    assert r1.changed, r1.message
    assert want in _all_texts(s.timeline), r2.message
    assert not any("£100" in t for t in _all_texts(s.timeline)) and want in r2.message
    s.undo()  # one step back: the text as it was put back
    assert "All flash designs £60 or 2 for £100" in _all_texts(s.timeline)


def test_a_text_put_back_with_new_words_in_chinese():
    s, (r1, r2) = session_after([img("a.jpg", 0), img("b.jpg", 1), img("c.jpg", 2)],
                                "做一个小龙虾外卖视频，标题「虾王府小龙虾」，结尾「满100减20 今晚8点前下单」",
                                "去掉满100减20那句", "算了 把满100减20加回来 但是只写满100减20")
    assert "满100减20" in _all_texts(s.timeline), (r1.message, r2.message)
    assert "今晚8点前下单" not in " ".join(_all_texts(s.timeline)), r2.message
