"""ai.copywriting: a title and per-shot key phrases from a transcript (pure; words made by hand)."""

from __future__ import annotations

from reelforge.ai.captions import Transcript, Word
from reelforge.ai.copywriting import key_phrase, product_name, shot_phrases, spoken_as


def _tr(text: str, ms_per_word: int = 400) -> Transcript:
    words = tuple(Word(i * ms_per_word, i * ms_per_word + ms_per_word - 50, w) for i, w in enumerate(text.split()))
    return Transcript(words=words, language="en")


SPEECH = ("Meet Aurora, the lightest running shoe we have ever made. Breathable mesh keeps your feet cool. "
          "Carbon plates give every stride more energy. Aurora comes in five bold colours. Order yours today.")


def test_product_name_is_the_name_it_points_at_or_repeats():
    assert product_name(_tr(SPEECH)) == "Aurora"
    assert key_phrase(list(_tr("Meet Aurora, the").words)).text == "Aurora"  # not "Meet Aurora"
    assert product_name(_tr("Our new Beanline roast is here. Beanline tastes like chocolate.")) == "Beanline"
    assert product_name(_tr("fresh coffee every morning delivered to your door")) is None
    assert product_name(_tr("Fresh coffee every morning. Try it today.")) is None  # sentence starts only
    # a name with a small word in it, said mid-sentence (it was cut to "Bean")
    assert product_name(_tr("Welcome to Bean There, Small Batch Coffee. Roasted every morning.")) == "Bean There"
    assert product_name(_tr("Tomorrow I visit Paris and I love it. Paris is great.")) == "Paris"


def test_key_phrase_is_the_densest_short_run():
    (c1,) = [key_phrase(list(_tr("Breathable mesh keeps your feet cool.").words))]
    assert c1.text == "Breathable Mesh Keeps"
    assert key_phrase(list(_tr("and so it is.").words)) is None


def test_shot_phrases_are_timed_to_speech_and_never_repeat():
    tr = _tr(SPEECH)  # 31 words, 0.4 s each: 12.4 s
    shots = [(0, 3000), (3000, 6000), (6000, 9000), (9000, 12400), (12400, 14000)]
    got = shot_phrases(tr, shots, avoid="Aurora")
    assert got[-1] is None  # nothing said in the last shot
    texts = [p.text for p in got if p]
    assert len(texts) == len(set(texts)) >= 3 and "Aurora" not in texts
    for p, (s0, s1) in zip(got, shots, strict=True):
        if p:
            assert s0 <= p.start_ms < p.end_ms <= s1 and p.end_ms - p.start_ms >= 1000
            assert len(p.text.split()) <= 4 and "_" not in p.text
    # a voice that starts later on the timeline shifts the phrases with it
    later = shot_phrases(tr, [(2000, 5000)], offset_ms=2000)
    assert later[0] and later[0].start_ms >= 2000


def test_a_key_phrase_does_not_cut_a_word_from_the_one_it_qualifies():
    """Words and times as faster-whisper heard espeak-ng's en-us+m7 voice (round 5): the first
    cut captioned "Built for the Open", the road cut off."""
    said = [("Built", 1670, 1980), ("for", 1980, 2200), ("the", 2200, 2320), ("open", 2320, 2620),
            ("road.", 2620, 3100)]
    p = key_phrase([Word(a, b, w) for w, a, b in said])
    assert p.text == "Open Road" and (p.start_ms, p.end_ms) == (2320, 3100)
    # a longer run that stops before its noun loses to one as dense that ends on it
    assert key_phrase(list(_tr("the fastest cheapest smartest home robot.").words)).text == \
        "Cheapest Smartest Home Robot"
    # and the densest run still wins over a whole one
    assert key_phrase(list(_tr("Fresh sneakers for every city street.").words)).text == "Fresh Sneakers"


def test_a_caption_that_only_says_the_title_again_is_left_out():
    """faster-whisper's words for espeak-ng's en-sc voice saying "Northwind Labs. Precision
    imaging for every lab." under the instruction's title 'Northwind Labs': the first shot was
    captioned "Windlabs" (a misheard half of the title) under the title itself."""
    from reelforge.ai.copywriting import repeats

    said = [("not", 0, 200), ("windlabs.", 200, 1100), ("Precision", 1400, 1840), ("imaging", 1840, 2220),
            ("for", 2220, 2560), ("every", 2560, 2900), ("lab.", 2900, 3400)]
    tr = Transcript(words=tuple(Word(a, b, w) for w, a, b in said), language="en")
    # no title to keep off: what was heard, its "not" kept (a key phrase never drops a negation)
    assert shot_phrases(tr, [(0, 3750)])[0].text == "Not Windlabs"
    (p,) = shot_phrases(tr, [(0, 3750)], avoid=["", "Northwind Labs"])
    assert p.text == "Precision Imaging" and p.start_ms == 1400
    assert repeats("Windlabs", "Northwind Labs") and repeats("Northwind Labs Today", "Northwind Labs")
    assert repeats("northwind-labs", "Northwind Labs") and repeats("Not Windlabs", "Northwind Labs")
    assert not repeats("Labs", "Northwind Labs")  # a short part: a word of its own
    assert not repeats("Deep Sky", "Skyline Labs") and not repeats("Precision Imaging", "Northwind Labs")


def test_a_key_phrase_does_not_cut_a_name():
    assert key_phrase(list(_tr("Welcome to Bean There,").words)).text == "Welcome to Bean There"
    assert key_phrase(list(_tr("Built for the open road.").words)).text == "Open Road"  # unchanged


def test_a_key_phrase_keeps_the_negation_it_would_invert():
    """A key phrase dropped 'no' and 'don't' as small words: "No sugar added." captioned "Sugar
    Added", "We don't use palm oil." "Use Palm Oil" -- the opposite of what was said."""
    def said(text: str) -> str:
        return key_phrase(list(_tr(text).words)).text

    assert said("No sugar added.") == "No Sugar Added"
    assert said("We don't use palm oil.") == "Don't Use Palm Oil"
    assert said("We don’t use palm oil.") == "Don’t Use Palm Oil"  # a typographic apostrophe
    assert said("Made with no added sugar.") == "No Added Sugar"
    assert said("Not your average burger.") == "Not Your Average Burger"
    p = key_phrase(list(_tr("Made with no added sugar.").words))
    assert p.start_ms == 2 * 400  # on screen from when "no" is said
    # a quantifier is kept while the phrase stays short; a phrase with no negation before it is as before
    assert said("every single morning.") == "Every Single Morning"
    assert said("Breathable mesh keeps your feet cool.") == "Breathable Mesh Keeps"
    assert said("Free delivery on all orders.") == "Free Delivery"


def test_a_shot_placed_by_a_word_is_captioned_with_the_phrase_holding_it():
    # the cat's picture is on screen from 0 s because the voice names it at 1.6 s
    tr = _tr("Every single morning. Our shop cat keeps your seat warm.", ms_per_word=400)
    (plain,) = shot_phrases(tr, [(0, 6000)])
    (named,) = shot_phrases(tr, [(0, 6000)], named=["shop"])
    assert plain.text == "Every Single Morning"
    assert "Shop Cat" in named.text and named.start_ms == 4 * 400, named  # from when "shop" is said


def test_a_typed_name_takes_the_spelling_it_is_said_with():
    # user test s20: "tiktok for hoppers cafe" titled 'Hoppers Cafe' over captions saying "Hopper's Cafe"
    said = _tr("Welcome to Hopper's Cafe. Fresh espresso every morning.")
    assert spoken_as("Hoppers Cafe", said) == "Hopper's Cafe"
    assert spoken_as("HOPPERS CAFE", said) == "HOPPER'S CAFE"  # the case as typed, the apostrophe as said
    assert spoken_as("Hopper's Cafe", said) is None  # said the same way
    assert spoken_as("Joes Pizza", said) is None  # not said at all
    assert spoken_as("Cafe", _tr("a cafe. Cafe!")) is None  # the same letters: nothing to change
    assert spoken_as("Coffee Co", _tr("Visit Coffee-Co today")) == "Coffee-Co"


def test_a_named_picture_s_caption_holds_its_word_even_when_its_clause_s_phrase_does_not():
    # user test s20 (a travel reel): the coffee photo was captioned "End Every Day" from "And end every
    # day with a fresh coffee", the picture's own word left out
    said = _tr("Meet a real astronaut at the space center. And end every day with a fresh coffee.")
    shots = [(0, 2900), (2900, 7000)]
    assert [p.text for p in shot_phrases(said, shots)] == ["Real Astronaut", "End Every Day"]
    assert [p.text for p in shot_phrases(said, shots, named=["astronaut", "coffee"])] == ["Real Astronaut", "Fresh Coffee"]


def test_a_name_of_three_capitalised_words_is_whole():
    """"Twenty percent off all week at Maple Lane Gifts." titled the gift reel 'Maple Lane'."""
    from reelforge.ai.captions import Transcript, Word
    from reelforge.ai.copywriting import product_name

    said = "This holiday, give something they will love. Twenty percent off all week at Maple Lane Gifts."
    words = tuple(Word(i * 300, i * 300 + 250, w, 0.9) for i, w in enumerate(said.split()))
    assert product_name(Transcript(words=words, language="en", language_probability=0.97, duration_ms=9000)) \
        == "Maple Lane Gifts"
    two = "Meet Bluebird, the lightest shoe. Bluebird comes in five colours."
    words = tuple(Word(i * 300, i * 300 + 250, w, 0.9) for i, w in enumerate(two.split()))
    assert product_name(Transcript(words=words, language="en", language_probability=0.97, duration_ms=9000)) == "Bluebird"


def test_an_address_is_named_with_its_number():
    # a listing's voiceover "Welcome to 12 Oak Lane" titled the video "Oak Lane"
    assert product_name(_tr("Welcome to 12 Oak Lane, a bright kitchen for slow mornings. Book a viewing today.")) \
        == "12 Oak Lane"
    assert product_name(_tr("Welcome to 48B Harbour Street. Two bedrooms.")) == "48B Harbour Street"
    assert product_name(_tr("We sold 12 Aurora shoes today. Aurora is light.")) == "Aurora"  # no street, no number


def test_one_word_of_a_longer_clause_is_no_caption():
    """Marketer pass, session 42: "Join Iron Gym today", heard as "Joy I am in today.", was captioned
    "Joy" for its first second. A clause of a word or two is its own caption."""
    got = shot_phrases(_tr("Joy I am in today. Heavy lifting every morning."), [(0, 2000), (2000, 4000)])
    assert got[0] is None and got[1] is not None and got[1].text == "Heavy Lifting Every Morning"
    assert shot_phrases(_tr("Delicious. Baked every morning."), [(0, 2000)])[0].text == "Delicious"
