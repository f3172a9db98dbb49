"""planner.follow_speech: a first cut's pictures in the order the voiceover names them (pure;
words made by hand; the real voices are in tests/ai/test_session_ai.py)."""

from __future__ import annotations

import doctest

import pytest

from reelforge.planner import follow_speech
from reelforge.planner.follow_speech import (
    LEAD_MS,
    ORDER_WORDS,
    cuts_for,
    in_name_order,
    order_by_speech,
    phrase_start,
    speech_cuts,
)
from reelforge.timeline import Role

SLOTS = [(0, 3000), (3000, 6000), (6000, 9000), (9000, 12000), (12000, 15000)]


def _words(text: str, ms: int = 300) -> list[tuple[int, str]]:
    return [(i * ms, w) for i, w in enumerate(text.split())]


def test_each_named_picture_is_on_screen_when_it_is_said():
    names = ["coffee.jpg", "delivery.jpg", "flowers.jpg", "grace.jpg", "shop_cat.jpg"]
    said = _words("Welcome to Hopper's Cafe. Fresh espresso, pulled the slow way, every single morning. "
                  "Our shop cat Chelsea keeps the window seat warm for you. Fresh flowers on every table, "
                  "and we deliver across town by bike.")
    order, words = order_by_speech(names, said, SLOTS)
    assert [names[i] for i in order] == ["coffee.jpg", "shop_cat.jpg", "flowers.jpg", "delivery.jpg", "grace.jpg"]
    assert words == {4: "shop", 2: "flowers", 1: "deliver"}
    # each named picture is on screen when its word is said (or the place next to it)
    placed = {names[order[k]]: SLOTS[k] for k in range(len(order))}
    for name, word in (("shop_cat.jpg", "shop"), ("flowers.jpg", "flowers"), ("delivery.jpg", "deliver")):
        t = next(t for t, w in said if w.strip(".,").lower() == word)
        a, b = placed[name]
        assert a <= t < b or abs(t - a) <= 3000, (name, t, placed[name])


def test_plurals_stems_and_chinese_names_are_heard():
    assert order_by_speech(["a_dog.jpg", "b_cat.jpg"], [(500, "Cats"), (3500, "dogs!")], SLOTS[:2]) == (
        [1, 0], {0: "dogs", 1: "cats"})
    assert order_by_speech(["咖啡.jpg", "蛋糕.jpg"], [(500, "新鲜蛋糕"), (3500, "现磨咖啡")], SLOTS[:2]) == (
        [1, 0], {0: "现磨咖啡", 1: "新鲜蛋糕"})
    # no match on a short shared start: "cat" is not "catalog", "car" not "cart"
    assert order_by_speech(["cat.jpg", "car.jpg"], [(500, "cart"), (3500, "catalog")], SLOTS[:2]) is None


@pytest.mark.parametrize(("names", "said"), [
    (["coffee.jpg", "shop_cat.jpg"], "our shop cat"),  # one named: nothing to follow
    (["IMG_0001.jpg", "IMG_0002.jpg"], "image one image two"),  # camera names say nothing
])
def test_nothing_to_follow(names, said):
    assert order_by_speech(names, _words(said, 2000), SLOTS[:len(names)]) is None


def test_named_in_the_order_given_keeps_it():
    # already in the order said: the same order (the cuts are still timed to the speech)
    assert order_by_speech(["coffee.jpg", "shop_cat.jpg"], _words("fresh coffee and our shop cat", 2000),
                           SLOTS[:2]) == ([0, 1], {0: "coffee", 1: "shop"})


def test_doctests():
    assert doctest.testmod(follow_speech).failed == 0


# -- cuts on the speech: a picture comes in as the clause naming it starts ------------------------
CAFE = ("Welcome to Hopper's Cafe. Fresh espresso, pulled the slow way, every single morning. "
        "Our shop cat Chelsea keeps the window seat warm for you. Fresh flowers on every table, "
        "and we deliver across town by bike. Hopper's Cafe, open seven days a week.")


def test_a_picture_comes_in_at_the_start_of_its_clause():
    said = _words(CAFE, 300)
    t = {w.strip(".,").lower(): at for at, w in reversed(said)}
    assert phrase_start(said, t["shop"]) == t["our"]  # "Our shop cat…", not "shop"
    assert phrase_start(said, t["deliver"]) == t["and"]  # after "table,"
    assert phrase_start(said, t["welcome"]) == 0
    # a clause longer than CLAUSE_LOOKBACK_MS: no earlier than that before the word
    long = _words("one two three four five six seven eight nine ten eleven cat", 400)
    assert phrase_start(long, 4400) >= 4400 - follow_speech.CLAUSE_LOOKBACK_MS


def test_the_cuts_follow_the_speech_and_keep_the_length():
    # user test s20: the five cafe photos in 9:16, cut evenly (2.9 s each) after being put in the
    # order said: "Our shop cat Chelsea…" ran over the flowers, "fresh flowers…" over the motorcycle
    names = ["coffee.jpg", "shop_cat.jpg", "flowers.jpg", "delivery.jpg", "grace.jpg"]
    said = _words(CAFE, 300)
    t = {w.strip(".,").lower(): at for at, w in reversed(said)}
    total = len(said) * 300 + 500
    trans = [0, 500, 500, 500, 500]
    lengths = cuts_for([0, 1, 2, 3, 4], names, said, trans, total)
    assert lengths is not None and all(d >= follow_speech.MIN_CUT_MS for d in lengths)
    starts = [0]
    for k in range(1, 5):
        starts.append(starts[-1] + lengths[k - 1] - trans[k])
    assert starts[-1] + lengths[-1] == total  # the video keeps its length
    clause = {1: t["our"], 2: t["flowers"] - 300, 3: t["and"]}  # "Our shop cat", "Fresh flowers", "and we deliver"
    for k, at in clause.items():
        assert starts[k] + trans[k] // 2 == at - follow_speech.LEAD_MS  # the crossfade's middle
    # the shot after the last named one shares what is left with it
    assert abs(lengths[3] - lengths[4]) <= 600


def test_anchors_too_close_keep_each_picture_on_screen_when_said():
    # two named pictures said 0.5 s apart: no 0.5 s shot; the second comes in when said and the first
    # comes in earlier, both still on screen at their words (5 s and 5.5 s)
    assert speech_cuts({1: 5000, 2: 5500}, [0, 0, 0], 9000) == [2750, 2750, 3500]
    assert speech_cuts({1: 100}, [0, 0], 9000) is None  # a first shot of 0.1 s: nothing is pinned


def test_a_video_much_longer_than_the_voice_keeps_its_shots_near_even():
    # user test s20: a 30 s promo over a 14.6 s voiceover; pinning every clause gave the flowers 2.2 s
    # among 7 s shots, and letting go of the wrong anchor took the cat off screen as it was named
    names = ["shop_cat.jpg", "flowers.jpg", "delivery.jpg", "coffee.jpg", "grace.jpg"]
    said = _words(CAFE, 300)
    lengths = cuts_for([0, 1, 2, 3, 4], names, said, [0, 500, 500, 500, 500], 30000)
    assert lengths is not None and min(lengths) >= 3000
    starts = [0]
    for k in range(1, 5):
        starts.append(starts[-1] + lengths[k - 1] - 500)
    t = {w.strip(".,").lower(): at for at, w in reversed(said)}
    assert starts[1] + 250 >= t["shop"] + follow_speech.WORD_MS  # the cat is still up when it is named


def test_two_named_in_one_place_the_later_goes_after_it():
    order, _ = order_by_speech(["a_bread.jpg", "b_cake.jpg", "c_tea.jpg"], [(100, "tea"), (200, "cake")],
                               SLOTS[:3])
    assert order == [2, 1, 0]  # tea, then cake right after (not before it), the bread in the place left


def test_an_order_chosen_is_kept():
    assert in_name_order(["coffee.jpg", "delivery.jpg", "shop_cat.jpg"])
    assert in_name_order(["img2.jpg", "img10.jpg"]) and in_name_order(["Beach.jpg", "city.jpg"])
    assert not in_name_order(["shop_cat.jpg", "coffee.jpg"])  # listed in an order of their own
    assert not in_name_order(["01-intro.jpg", "02-features.jpg", "03-outro.jpg"])  # numbered to be in order
    for said in ("a promo in this order", "keep my order", "shuffle the photos", "按顺序做个视频",
                 "show them in reverse", "in the order given"):
        assert ORDER_WORDS.search(said), said
    assert not ORDER_WORDS.search("a 20 second promo for Hopper's Cafe, end with 'Order now'")


def test_the_note_reads_in_chinese():
    from reelforge.planner.notes_zh import to_zh

    note = ("Pictures follow the voiceover: shop_cat.jpg when it says 'shop', delivery.jpg when it says 'deliver' "
            "(they came in name order; add 'in this order' to the instruction to keep it): coffee.jpg, "
            "shop_cat.jpg, delivery.jpg.")
    zh = to_zh(note)
    assert zh.startswith("画面跟着旁白走") and "说到“shop”时出现shop_cat.jpg" in zh and "按这个顺序" in zh, zh
    zh = to_zh("Cuts follow the voiceover: shop_cat.jpg when it says 'shop', delivery.jpg when it says 'deliver'.")
    assert zh == "镜头切换跟着旁白：说到“shop”时出现shop_cat.jpg，说到“deliver”时出现delivery.jpg。", zh


# -- through the session's first cut, with the speech model's words made by hand -----------------------------
def _cafe_session(monkeypatch):
    from reelforge import ai
    from reelforge.ai import captions as C
    from reelforge.ai.captions import Transcript, Word
    from reelforge.session import Session

    from .test_compose import aud, img

    said = ("Fresh espresso, pulled slowly, every single morning for you. Our shop cat keeps your seat warm. "
            "And we deliver across town by bike.")  # "shop" at 4.0 s, "deliver" at 7.2 s: the 2nd and 3rd shots
    words = tuple(Word(i * 400, i * 400 + 350, w, 0.9) for i, w in enumerate(said.split()))
    monkeypatch.setattr(ai, "transcribe", lambda path, language=None, **k: Transcript(
        words=words, language="en", language_probability=0.95, duration_ms=10000))
    monkeypatch.setattr(C, "detect_language", lambda path, seconds=30: ("en", 0.95))
    monkeypatch.setattr(ai, "capabilities", lambda: {"captions": "ok"}, raising=False)
    library = [img("coffee.jpg", 0), img("delivery.jpg", 1), img("shop_cat.jpg", 2), aud("voiceover.wav", 10000)]
    return lambda text: _order(Session(library=library, smart_crop=False), text)


def _order(s, text):
    r = s.handle(text)
    assert r.status == "ok", r.message
    _order.timeline = s.timeline  # type: ignore[attr-defined]  # the last cut, for the timing checks
    return [seg.name for seg in s.timeline.track(Role.MAIN).segments], r.notes


def test_the_first_cut_follows_the_voiceover_unless_the_order_was_chosen(monkeypatch):
    first_cut = _cafe_session(monkeypatch)
    names, notes = first_cut("a promo with text overlays")
    assert names == ["coffee.jpg", "shop_cat.jpg", "delivery.jpg"], notes
    assert any(n.startswith("Pictures follow the voiceover") for n in notes)
    # and each comes in as the sentence naming it starts: "Our" at 3.6 s, "And we deliver" at 6.4 s
    # (the crossfade's middle a moment before), not at an even third of the video
    segs = _order.timeline.track(Role.MAIN).segments  # type: ignore[attr-defined]
    assert len({seg.duration for seg in segs}) > 1
    for seg, clause in zip(segs[1:], (3600, 6400), strict=True):
        assert seg.start + seg.transition_ms // 2 == clause - LEAD_MS, (seg.name, seg.start, clause)
    assert not any(n.startswith("Pictures in the order given") for n in notes)
    for chosen in ("a promo with text overlays, in this order", "a promo with text overlays, start with the coffee photo"):
        names, notes = first_cut(chosen)
        assert names == ["coffee.jpg", "delivery.jpg", "shop_cat.jpg"], (chosen, notes)
        assert not any(n.startswith("Pictures follow the voiceover") for n in notes)


def test_a_first_cut_without_text_still_follows_the_voiceover(monkeypatch):
    # user test s20: "make a reel, square, no music" over a voiceover kept the folder's order (the
    # pictures followed the voice only when there was text to take from it)
    first_cut = _cafe_session(monkeypatch)
    names, notes = first_cut("make a video, no text")
    assert names == ["coffee.jpg", "shop_cat.jpg", "delivery.jpg"], notes
    assert any(n.startswith("Pictures follow the voiceover") for n in notes)
    tl = _order.timeline  # type: ignore[attr-defined]
    assert not any(tl.track(r) and tl.track(r).segments for r in (Role.TITLE, Role.CAPTION, Role.CTA))


def test_the_order_given_is_followed_only_where_the_voice_keeps_it():
    from reelforge.planner.follow_speech import said_in_order

    # the gift reel: coffee, flowers and cat said in the order given; "gifts" at the very end names the first
    assert said_in_order({1: (3000, "coffee"), 2: (6000, "flowers"), 3: (9000, "cat"), 0: (17000, "gifts")}) == {1, 2, 3}
    # given in the reverse of the voice: two of four in order is not enough
    assert said_in_order({3: (3000, "coffee"), 2: (6000, "flowers"), 1: (9000, "cat"), 4: (17000, "gifts")}) is None
    assert said_in_order({0: (1000, "a")}) is None
    assert said_in_order({2: (1000, "a"), 4: (3000, "b")}) == {2, 4}


def test_named_pictures_keep_the_order_they_are_said_in():
    """s22: five named among five places; "temples", said last, went to the first free place (the
    first): the named ones are placed in the order the voice says them."""
    from reelforge.planner.follow_speech import in_name_order, order_by_speech

    names = ["meet introducing.jpg", "coins.png", "deep_field.jpg", "rocket.jpg", "temple.jpg"]
    words = [(5300, "deep"), (7200, "rocket"), (8400, "meet"), (9900, "coins"), (10300, "temples")]
    slots = [(0, 3300), (3300, 6600), (6600, 9900), (9900, 13200), (13200, 16500)]
    order, said = order_by_speech(names, words, slots)
    assert [names[i] for i in order] == ["deep_field.jpg", "rocket.jpg", "meet introducing.jpg", "coins.png", "temple.jpg"]
    assert said[4] == "temples"
    # capitals first, as a C-locale glob or `ls` lists them, is a name order too
    assert in_name_order(["IMG_4412.jpg", "coins.png", "deep_field.jpg"])
