"""Defects found by trying the product on material and wordings it had not seen (session 40)."""

from __future__ import annotations

import pytest

from reelforge.session import Session
from reelforge.timeline import Role


@pytest.mark.parametrize(("said", "span"), [
    ("a 20 second promo, add 'Summer Sale' at the start and '50% off' halfway through", (8500, 11500)),
    ("a 20 second promo, 'Summer Sale' at the start and '50% off' at 10 seconds", (10000, 13000)),
    ("a 20 second promo with 'Summer Sale' and show '50% off' from 8 to 12 seconds", (8000, 12000)),
    ("做一个20秒的视频，标题是「夏日特卖」，结尾「立即购买」，第10秒显示「五折」", (10000, 13000)),
])
def test_a_first_instruction_s_text_shows_when_it_is_said(said, span):
    """The second quoted text was always the call to action over the last 4 s (or a caption over
    its picture), whatever time was said for it; the first stays the title."""
    from .test_compose import IMAGES

    s = Session(library=IMAGES, smart_crop=False)
    r = s.handle(said)
    assert r.status == "ok", r.message
    texts = {t.text: (t.start, t.end) for tr in s.timeline.tracks for t in tr.segments if hasattr(t, "text")}
    moved = texts.get("50% off") or texts["五折"]
    assert moved == span, texts
    title = s.timeline.track(Role.TITLE).segments[0]
    assert title.text in ("Summer Sale", "夏日特卖") and title.start == 0
    assert any(n.startswith(("As asked", "按要求")) for n in r.notes), r.notes


def test_a_first_instruction_s_length_is_no_text_time():
    """A clause holding both the video's length and a quoted title is no time for the title."""
    from .test_compose import IMAGES

    s = Session(library=IMAGES, smart_crop=False)
    assert s.handle("a 20 second promo called 'Harbor Lights' from 5 photos, end with 'Book now'").status == "ok"
    title = s.timeline.track(Role.TITLE).segments[0]
    assert (title.text, title.start, title.end) == ("Harbor Lights", 0, 3000)
