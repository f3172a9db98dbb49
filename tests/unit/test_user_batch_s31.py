"""User tests of session 31: first cuts and edits of a fifth batch typed by someone who had not seen the
planner, and what trying its runner on a dog groomer's instruction showed first: "20s vertical promo for
Suds & Paws grooming, $10 off first groom, book at sudspaws.com" had no title (the name's "&" hid that it was
typed in capitals) and ended on "$10 off" (what it is off was dropped). Each case is checked through the
planner as a session plans it."""

from __future__ import annotations

import pytest

from reelforge.planner import plan
from reelforge.planner.ending import offer_in
from reelforge.timeline import Role

from .test_compose import aud, clip, img

GROOMER = [img("IMG_1.jpg", 0), clip("dog bath.mp4", 12_000), aud("happy uke.mp3", 100_000)]


def _texts(tl, role: Role) -> list[str]:
    return [s.text for tr in tl.tracks if tr.role is role for s in tr.segments]


def test_a_name_typed_with_an_ampersand_titles_the_video():
    tl = plan("20s vertical promo for Suds & Paws grooming, $10 off first groom, book at sudspaws.com", GROOMER).timeline
    assert _texts(tl, Role.TITLE) == ["Suds & Paws Grooming"]
    assert _texts(tl, Role.CTA) == ["$10 off first groom"]
    # typed in lower case, it is no name the video should open on (only the address is said)
    assert _texts(plan("promo for suds and paws grooming, book at sudspaws.com", GROOMER).timeline, Role.TITLE) == []


@pytest.mark.parametrize(("said", "offer"), [
    ("$10 off first groom, book at x.com", "$10 off first groom"),
    ("20% off your first visit", "20% off your first visit"),
    ("$5 off any large pizza", "$5 off any large pizza"),
    ("10% off for new patients", "10% off for new patients"),
    ("half price first lesson", "half price first lesson"),
    ("30% off everything", "30% off everything"),          # (as before)
    ("music at 30% off the voice", "30% off")])
def test_an_offer_keeps_what_it_is_off(said, offer):
    assert offer_in(said) == offer


def test_the_days_a_shop_opens_besides_the_usual_are_a_caption():
    from reelforge.planner import facts as F

    tl = plan("20s promo for Suds & Paws grooming, $10 off first groom, open sundays too, book at sudspaws.com",
              GROOMER).timeline
    assert "Open Sundays too" in _texts(tl, Role.CAPTION)   # (it was dropped)
    assert F.typed_facts("we are open saturdays as well!") == ["Open Saturdays as well"]
    assert F.typed_facts("now open sundays 10-4") == ["Sundays 10-4"]   # (the hours, as before)
