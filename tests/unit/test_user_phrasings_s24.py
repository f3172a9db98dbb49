"""User tests of session 24: an animal shelter's square adoption post (two cat photos, its logo,
music at 124 bpm, no voiceover), typed as a volunteer types it."""

from __future__ import annotations

import pytest

from reelforge.planner import ops as O
from reelforge.planner import plan
from reelforge.planner.apply import apply
from reelforge.planner.ending import deadline_in, offer_in, promo_code
from reelforge.planner.labels import picture_labels
from reelforge.planner.notes_zh import to_zh
from reelforge.planner.on_screen import subject_of, words_to_show
from reelforge.planner.rules import plan_edit
from reelforge.planner.when import event_when
from reelforge.render.text import balanced_wrap, wrap
from reelforge.timeline import Position, Role

from .test_compose import BGM, img

CATS = [img("whiskers.jpg", 1), img("IMG_20240611_101522.jpg", 2), BGM]
POST = ("Make a 20 second square post for Happy Paws Shelter's adoption weekend, Saturday and Sunday 10am-4pm. "
        "Show each cat with its name (Whiskers first, then Luna), upbeat music, "
        "end with 'Adopt, don't shop - happypaws.org'")


def _texts(p, role):
    return [(s.text, s.start, s.shot) for tr in p.timeline.tracks if tr.role is role for s in tr.segments]


def _shots(p):
    return [s for tr in p.timeline.tracks if tr.role is Role.MAIN for s in tr.segments]


@pytest.mark.parametrize(("said", "names"), [
    ("show each cat with its name (Whiskers first, then Luna)", ("Whiskers", "Luna")),
    ("name the cats Whiskers and Luna, upbeat music", ("Whiskers", "Luna")),
    ("caption the photos 'Whiskers' and 'Luna'", ("Whiskers", "Luna")),
    ("square post with each cat's name: Whiskers, Luna", ("Whiskers", "Luna")),
    ("label them Latte, Mocha and Cold Brew. Add music", ("Latte", "Mocha", "Cold Brew")),
    ("label each photo: Kitchen, Living room, Garden", ("Kitchen", "Living room", "Garden")),
    ("label the three rooms: Kitchen - Bedroom - Garden", ("Kitchen", "Bedroom", "Garden")),
    ("name the dishes Pad Thai, Green Curry and Mango Sticky Rice", ("Pad Thai", "Green Curry", "Mango Sticky Rice")),
    ("their names are Anna, Ben and Chloe", ("Anna", "Ben", "Chloe")),
    ('Caption each photo as "Day 1", "Day 2", "Day 3"', ("Day 1", "Day 2", "Day 3")),
    ("每张照片配上名字：小白、小黑，背景音乐轻快一点", ("小白", "小黑")),
    ("给三张图分别加上标签“厨房”“客厅”“花园”", ("厨房", "客厅", "花园")),
    ("图片分别标注厨房、客厅、花园", ("厨房", "客厅", "花园")),
])
def test_names_listed_for_the_pictures_are_read_in_order(said, names):
    assert picture_labels(said).names == names


@pytest.mark.parametrize("said", [
    "make a video and name it Summer", "give each photo a caption", "caption the photos with the file names",
    "name the photos after the dishes", "label the products with prices", "caption them", "the name is Bean There",
    "add captions and music", "end with 'Adopt, don't shop - happypaws.org'",
])
def test_no_list_of_names_is_read_where_none_is_given(said):
    assert picture_labels(said) is None


def test_each_cat_is_captioned_with_its_name_and_the_post_has_its_title_and_days():
    # the names were not read ("Sunday 10am-4pm." the only caption), the post had no title, and
    # "Saturday and" was lost from the days
    p = plan(POST, CATS)
    shots = _shots(p)
    caps = _texts(p, Role.CAPTION)
    assert [(t, sh) for t, _, sh in caps if t in ("Whiskers", "Luna")] == [("Whiskers", shots[0].id),
                                                                           ("Luna", shots[1].id)]
    assert [t for t, _, _ in _texts(p, Role.TITLE)] == ["Happy Paws Shelter's Adoption Weekend"]
    assert [t for t, _, _ in _texts(p, Role.CTA)] == ["Adopt, don't shop - happypaws.org"]
    assert any(t == "Saturday and Sunday 10am-4pm" for t, _, _ in caps)
    note = "Captions from the names given, one a picture in order: 'Whiskers', 'Luna'."
    assert note in p.notes
    assert to_zh(note) == "字幕取自给出的名字，按顺序每张图片一个：「Whiskers」、「Luna」。"


def test_quoted_names_are_captions_not_a_title_and_a_call_to_action():
    # "caption the photos 'Whiskers' and 'Luna'" opened the video on "Whiskers" and closed it on "Luna"
    p = plan("square post, caption the photos 'Whiskers' and 'Luna'", CATS)
    assert [t for t, _, _ in _texts(p, Role.CAPTION)] == ["Whiskers", "Luna"]
    assert not _texts(p, Role.TITLE) and not _texts(p, Role.CTA)


def test_names_start_on_the_first_picture_even_under_a_title():
    # given captions fewer than the pictures leave the title's picture alone; names belong from the first
    words = words_to_show("a post titled Adoption Day, name the cats Whiskers and Luna",
                          [a for a in CATS[:2]] + [img("shelter.jpg", 3)])
    assert words.captions == ("Whiskers", "Luna") and words.per_picture
    p = plan("a post titled Adoption Day, name the cats Whiskers and Luna", [*CATS[:2], img("shelter.jpg", 3), BGM])
    shots = _shots(p)
    caps = sorted(_texts(p, Role.CAPTION), key=lambda c: c[1])
    assert [(t, sh) for t, _, sh in caps] == [("Whiskers", shots[0].id), ("Luna", shots[1].id)]
    # the first picture's name, squeezed by the title at the bottom, is at the top with it
    whiskers = next(s for tr in p.timeline.tracks if tr.role is Role.CAPTION for s in tr.segments if s.text == "Whiskers")
    assert whiskers.start < 3000 and whiskers.duration >= 1200


@pytest.mark.parametrize(("said", "when"), [
    ("adoption weekend, Saturday and Sunday 10am-4pm. Show each cat", "Saturday and Sunday 10am-4pm"),
    ("open Fri-Sun 9am-5pm", "Fri-Sun 9am-5pm"),
    ("open day this weekend, 10am to 4pm", "This weekend, 10am to 4pm"),
    ("classes on Monday, Wednesday and Friday at 7am", "Monday, Wednesday and Friday at 7am"),
    ("jazz night on Saturday at 8pm, tickets at the door", "Saturday at 8pm"),
    ("farmers market Saturday 10am-2pm", "Saturday 10am-2pm"),
    ("market 10 a.m. to 4 p.m. Saturday", "10 a.m. to 4 p.m. Saturday"),  # was "Market 10": "mar…" a month
])
def test_days_said_together_are_one_when(said, when):
    assert event_when(said) == when


@pytest.mark.parametrize("said", ["sale ends Sunday", "junk 5 pm", "this weekend", "marketing 101 at the expo"])
def test_no_when_where_none_is_given(said):
    assert event_when(said) is None


def test_a_typed_name_before_a_possessive_titles_the_post():
    # a day and hours given, the name typed with capitals titles it (the lowercase event made the
    # title-cased subject no words "as typed", and the post had no title)
    words = words_to_show("post for Happy Paws Shelter's adoption day on Saturday at 10am", CATS[:2])
    assert words.title == "Happy Paws Shelter's Adoption Day"
    words = words_to_show("a post for our bakery's open kitchen on Saturday at 10am", CATS[:2])
    assert words.title is None  # "Bakery's Open Kitchen": no name typed


@pytest.mark.parametrize("size", [56, 64, 72])
def test_a_line_never_opens_on_a_spaced_dash(size):
    # "Adopt, don't shop" / "- happypaws.org": the address after the dash stands on its own line
    assert balanced_wrap("Adopt, don't shop - happypaws.org", size, True, 800) == ["Adopt, don't shop -",
                                                                                   "happypaws.org"]
    for line in wrap("one two three - four five six - seven", size, True, 330)[1:]:
        assert not line.startswith("-"), line


def _post():
    p = plan(POST, CATS)
    return p.timeline, tuple(CATS)


@pytest.mark.parametrize("said", ["rename Luna to Mochi", "rename the cat Luna to Mochi", "Luna should be Mochi",
                                  "change Luna to Mochi", "把Luna改成Mochi"])
def test_a_name_on_screen_is_renamed(said):
    # "rename Luna to Mochi" and "把Luna改成Mochi" were not understood ("there is no 'luna'")
    tl, lib = _post()
    r = plan_edit(said, tl, library=lib)
    assert r.status == "ok", r.reply
    after = apply(tl, r.ops, library=lib)
    caps = [s.text for s in after.track(Role.CAPTION).segments]
    assert "Mochi" in caps and "Luna" not in caps and "Whiskers" in caps


@pytest.mark.parametrize(("said", "order"), [
    ("put Luna first", ["IMG_20240611_101522.jpg", "whiskers.jpg"]),
    ("move Luna to the start", ["IMG_20240611_101522.jpg", "whiskers.jpg"]),
    ("把Luna放到第一个", ["IMG_20240611_101522.jpg", "whiskers.jpg"]),
    ("swap Whiskers and Luna", ["IMG_20240611_101522.jpg", "whiskers.jpg"]),
    ("remove Luna", ["whiskers.jpg"]),
])
def test_a_picture_is_called_by_the_name_on_it(said, order):
    # "put Luna first" was not understood: a picture was called only by its file name or place
    tl, lib = _post()
    r = plan_edit(said, tl, library=lib)
    assert r.status == "ok", r.reply
    after = apply(tl, r.ops, library=lib)
    assert [s.name for s in after.track(Role.MAIN).segments] == order
    shots = {s.id: s.name for s in after.track(Role.MAIN).segments}
    luna = [s for s in after.track(Role.CAPTION).segments if s.text == "Luna"]
    assert all(shots.get(s.shot) == "IMG_20240611_101522.jpg" for s in luna)  # the name goes with its picture
    assert bool(luna) == ("IMG_20240611_101522.jpg" in order)


def test_a_name_on_two_pictures_calls_neither():
    p = plan("square post, captions: Adopt me, Adopt me", CATS)
    tl = p.timeline
    assert [s.text for s in tl.track(Role.CAPTION).segments] == ["Adopt me", "Adopt me"]
    r = plan_edit("put adopt me first", tl, library=tuple(CATS))
    assert not any(isinstance(o, O.MoveSegment) for o in r.ops)


LISTING = [img("IMG_0412.jpg", 1), img("IMG_0413.jpg", 2), img("IMG_0415.jpg", 3), BGM]


def test_a_listing_s_rooms_keep_their_names_beside_the_price_and_the_speech_captions():
    # "Label the photos Kitchen, Garden and View": the last room lost its name to the price and the
    # address at the end, and captions of the voiceover took the place of all three
    p = plan("listing video for 12 Oak Lane, 3 bed 2 bath, $450,000. Label the photos Kitchen, Garden and View", LISTING)
    shots = _shots(p)
    names = {t: sh for t, _, sh in _texts(p, Role.CAPTION) if t in ("Kitchen", "Garden", "View")}
    assert names == {"Kitchen": shots[0].id, "Garden": shots[1].id, "View": shots[2].id}
    tl = apply(p.timeline, [O.SetCaptions(cues=[O.Cue(start_ms=0, end_ms=2000, text="Welcome to 12 Oak Lane"),
                                                 O.Cue(start_ms=4000, end_ms=6000, text="a garden full of flowers")])])
    kept = [s for tr in tl.tracks if tr.role is Role.CAPTION for s in tr.segments if s.text in names]
    assert sorted(s.text for s in kept) == ["Garden", "Kitchen", "View"]
    assert all(s.position is Position.TOP for s in kept)  # the speech has the bottom
    assert any(s.text == "12 Oak Lane" for tr in tl.tracks if tr.role is Role.CAPTION for s in tr.segments)


@pytest.mark.parametrize(("said", "price"), [
    ("video for my listing at 48 Harbour Street, 2 bedrooms, $1,200/month", "$1,200/month"),
    ("cabin promo, $89 per night, book now", "$89 per night"),
    ("yoga studio reel, classes $25 a class", "$25 a class"),
    ("出租公寓，¥3000/月", "¥3000/月"),
])
def test_a_price_keeps_what_it_is_for(said, price):
    # "$1,200/month" was shown as "$1,200": a rent read as a price paid once
    assert offer_in(said) == price
    words = words_to_show(said, CATS[:2])
    assert price in (words.cta or "") or price in (words.cta_row or ""), words


def test_the_chinese_post_keeps_both_days_and_its_logo_corner():
    # "周六和周日上午10点到下午4点" lost "周六和"; "logo放右上角" put the logo bottom right ("\b" never
    # falls between "logo" and "放")
    p = plan("给快乐爪子救助站做一个20秒的方形领养周末宣传，周六和周日上午10点到下午4点。每只猫配上名字：Whiskers、Luna，"
             "logo放右上角，音乐欢快一点，结尾写“领养代替购买 happypaws.org”",
             [*CATS[:2], img("happypaws_logo.png", 4), BGM])
    caps = [t for t, _, _ in _texts(p, Role.CAPTION)]
    assert "周六和周日上午10点到下午4点" in caps and "Whiskers" in caps and "Luna" in caps
    logo = next(tr for tr in p.timeline.tracks if tr.role is Role.LOGO).segments[0]
    assert logo.position is Position.TOP_RIGHT


@pytest.mark.parametrize(("said", "when"), [
    ("周一至周五 9点到18点营业", "周一至周五9点到18点"),
    ("本周末下午2点开放", "本周末下午2点"),
])
def test_chinese_days_said_together_are_one_when(said, when):
    assert event_when(said) == when


TWO = [img("IMG_0412.jpg", 1), img("IMG_0413.jpg", 2), BGM]


@pytest.mark.parametrize(("said", "names"), [
    ("before and after video of our kitchen renovation, 10 seconds", ["Before", "After"]),
    ("厨房装修前后对比视频，10秒", ["之前", "之后"]),
])
def test_a_before_and_after_of_two_pictures_says_which_is_which(said, names):
    # "before and after video of our kitchen renovation" showed no words at all
    p = plan(said, TWO)
    shots = _shots(p)
    assert [(t, sh) for t, _, sh in _texts(p, Role.CAPTION)] == [(names[0], shots[0].id), (names[1], shots[1].id)]
    note = next(n for n in p.notes if n.startswith("The first picture is captioned"))
    assert "swap the captions" in note and "字幕对调" in to_zh(note)
    r = plan_edit("swap the captions" if names[0] == "Before" else "字幕对调", p.timeline, library=tuple(TWO))
    after = apply(p.timeline, r.ops, library=tuple(TWO))
    shown = {s.shot: s.text for s in after.track(Role.CAPTION).segments}
    assert [shown[s.id] for s in after.track(Role.MAIN).segments] == names[::-1]  # the words trade places, not the photos
    assert [s.name for s in after.track(Role.MAIN).segments] == ["IMG_0412.jpg", "IMG_0413.jpg"]
    assert "segment given" not in r.reply  # the captions by their words


def test_three_pictures_are_no_before_and_after():
    p = plan("before and after video of our kitchen renovation", [*TWO[:2], img("IMG_0415.jpg", 3), BGM])
    assert not _texts(p, Role.CAPTION)


@pytest.mark.parametrize("said", ["swap the two photos", "swap the photos", "switch them", "把两张图片对调", "交换两张图片"])
def test_the_two_photos_swap_when_there_are_two(said):
    # "swap the two photos" was not understood
    p = plan("a video", TWO)
    r = plan_edit(said, p.timeline, library=tuple(TWO))
    assert r.status == "ok", r.reply
    after = apply(p.timeline, r.ops, library=tuple(TWO))
    assert [s.name for s in after.track(Role.MAIN).segments] == ["IMG_0413.jpg", "IMG_0412.jpg"]


def test_the_two_photos_among_three_asks_which():
    p = plan("a video", [*TWO[:2], img("IMG_0415.jpg", 3), BGM])
    r = plan_edit("swap the two photos", p.timeline)
    assert not r.ops and "There are 3, not two" in r.reply


@pytest.mark.parametrize(("said", "title"), [
    ("Create an Instagram story announcing our new menu item, the Matcha Cloud Latte, $6.50, available from Monday",
     "Matcha Cloud Latte"),
    ("a reel about our new flavour, Salted Caramel Crunch", "Salted Caramel Crunch"),
    ("promo for our new app: Pocket Chef", "Pocket Chef"),
    ("a promo for our bakery, Sweet Crumbs", "Sweet Crumbs"),
    ("a promo for our bakery, Vertical, 30 seconds", "Bakery"),
    ("a video for our shop, Thanks!", "Shop"),
    ("a video for our shop, I want it fun", "Shop"),
])
def test_a_name_typed_after_what_it_is_is_the_subject(said, title):
    # "our new menu item, the Matcha Cloud Latte" was titled "New Menu Item"
    assert subject_of(said) == title


@pytest.mark.parametrize(("said", "cta", "row"), [
    ("Create an Instagram story announcing our new menu item, the Matcha Cloud Latte, $6.50, available from Monday",
     "$6.50", "Available from Monday"),
    ("announcing the Pumpkin Latte, back this Friday at 7am", "Back this Friday at 7am", None),
    ("announce our fall collection, in stores Dec 12", "In stores Dec 12", None),
    ("announcing our grand opening this saturday", "See you this Saturday", None),
    ("15 second TikTok for our bakery's Black Friday sale: 40% off all cakes, Friday only. add text overlays",
     "40% off all cakes", "Friday only"),
])
def test_when_a_thing_can_be_had_is_said_whole(said, cta, row):
    # "available from Monday" showed "Monday"; "Friday only" was not shown
    words = words_to_show(said, CATS[:2])
    assert (words.cta, words.cta_row) == (cta, row)


@pytest.mark.parametrize(("said", "until"), [
    ("20% off today only", "Today only"), ("flash sale, this weekend only", "This weekend only"),
    ("one day only: free delivery", "One day only"), ("christmas sale, ends dec 24", "Ends Dec 24"),
])
def test_an_offer_s_one_day_is_its_deadline(said, until):
    assert deadline_in(said) == until


THREE = [*TWO[:2], img("IMG_0415.jpg", 3), BGM]


@pytest.mark.parametrize(("said", "names", "cta"), [
    ("Make a 30 second promo for the Riverside Jazz Festival, June 14-16, with the lineup: Ella Moss, The Blue Notes, "
     "Sam Reed. Tickets at riversidejazz.org", ["Ella Moss", "The Blue Notes", "Sam Reed"], "Tickets at riversidejazz.org"),
    ("Instagram reel for our gym's new classes: Spin, Yoga and HIIT, one photo each, first class free",
     ["Spin", "Yoga", "HIIT"], "First class free"),
    ("video for our three new flavours: Mango, Lychee and Yuzu", ["Mango", "Lychee", "Yuzu"], None),
    ("三款新口味：芒果、荔枝和柚子，做个15秒视频", ["芒果", "荔枝", "柚子"], None),
])
def test_a_list_as_long_as_the_pictures_names_them(said, names, cta):
    # the lineup, the classes and the flavours were shown nowhere (and "first class free" was no offer)
    p = plan(said, THREE)
    shots = _shots(p)
    got = sorted(((sh, t) for t, _, sh in _texts(p, Role.CAPTION) if sh), key=lambda x: [s.id for s in shots].index(x[0]))
    assert [t for _, t in got] == names
    assert [t for t, _, _ in _texts(p, Role.CTA)] == ([cta] if cta else [])


def test_a_list_of_another_length_names_no_picture():
    p = plan("video for our new flavours: Mango, Lychee and Yuzu", TWO)
    assert not _texts(p, Role.CAPTION)


@pytest.mark.parametrize("said", ["label the photos Kitchen, Garden and View", "caption them Kitchen, Garden and View",
                                  "label them 'Kitchen', 'Garden' and 'View'", "每张照片配上名字：Kitchen、Garden、View"])
def test_names_given_in_an_edit_caption_the_pictures(said):
    # the commas split the list into clauses: "The file names say nothing about the pictures"
    p = plan("a video", THREE)
    r = plan_edit(said, p.timeline, library=tuple(THREE))
    assert r.status == "ok", r.reply
    after = apply(p.timeline, r.ops, library=tuple(THREE))
    shots = [s.id for s in after.track(Role.MAIN).segments]
    assert [(s.text, s.shot) for s in after.track(Role.CAPTION).segments] == list(zip(["Kitchen", "Garden", "View"],
                                                                                      shots, strict=True))


def test_names_given_again_replace_the_pictures_names_and_the_rest_is_done_too():
    p = plan("a video, name the cats Whiskers, Luna and Max", THREE)
    r = plan_edit("name them Tom, Jerry and Spike, and make it 12 seconds", p.timeline, library=tuple(THREE))
    after = apply(p.timeline, r.ops, library=tuple(THREE))
    assert sorted(s.text for tr in after.tracks if tr.role is Role.CAPTION for s in tr.segments) == ["Jerry", "Spike", "Tom"]
    assert after.duration == 12_000
    assert 'The caption "Whiskers": text to "Tom"' in r.reply
    r = plan_edit("name the cats Tom and Jerry, blah blah", p.timeline, library=tuple(THREE))
    assert r.ops and r.skipped == ("blah blah",) and "Nothing was changed" not in r.reply


@pytest.mark.parametrize(("said", "check"), [
    ("make the names bigger", lambda s: s.size.value == "large"),
    ("move the labels to the top", lambda s: s.position is Position.TOP),
    ("make the labels yellow", lambda s: s.color == "#FFD400"),
])
def test_the_pictures_names_are_their_captions(said, check):
    # "make the names bigger" was not understood, "move the labels to the top": "there is no 'labels'"
    p = plan("a video, name the cats Whiskers, Luna and Max", THREE)
    r = plan_edit(said, p.timeline, library=tuple(THREE))
    after = apply(p.timeline, r.ops, library=tuple(THREE))
    caps = [s for tr in after.tracks if tr.role is Role.CAPTION for s in tr.segments]
    assert len(caps) == 3 and all(check(s) for s in caps)


def test_a_wall_of_names_gets_a_short_reply():
    p = plan("a video", THREE)
    r = plan_edit(("每张照片配上名字：" + "小白、" * 2000)[:10000], p.timeline, library=tuple(THREE))
    assert r.ops and len(r.reply) < 400, len(r.reply)
    tl = plan("a video", THREE).timeline
    tl = apply(tl, plan_edit("caption the first photo 'Hi'", tl).ops)
    r = plan_edit("swap the captions", tl)
    assert "There is 1 caption on pictures, not two" in r.reply


def _words_of(said):
    p = plan(said, THREE)
    return {r: [s.text for tr in p.timeline.tracks if tr.role is r for s in tr.segments]
            for r in (Role.TITLE, Role.CAPTION, Role.CTA)}


MARKETERS = [
    # the retreat's dates were dropped for the early-bird deadline
    ("Make a reel for our yoga studio's summer retreat in Bali, July 8-14. Early bird price $1,200 until May 1",
     ["Yoga Studio's Summer Retreat"], ["July 8-14", "Until May 1"], ["Early bird price $1,200"]),
    # "open" was lost from the hours
    ("Promo for Luna's Bakery: fresh sourdough every morning, open 7am-3pm Tue-Sun, 12 Market St",
     ["Luna's Bakery"], ["Open 7am-3pm Tue-Sun"], ["12 Market St"]),
    # the code was lost, "this weekend" said twice
    ("15s story: Flash sale! 50% off all candles this weekend only. Use code GLOW50",
     ["Flash sale"], ["Use code GLOW50"], ["50% off all candles this weekend"]),
    # where to listen was lost
    ('New podcast episode: "How to Start a Garden" with guest Maria Green. Out now on Spotify',
     ["How to Start a Garden"], ["With guest Maria Green"], ["Out now on Spotify"]),
    # "2.0" and "Ships" were lost; then "keeps drinks cold 24h" went without a word
    ("product launch video for the AeroBottle 2.0 - keeps drinks cold 24h, $39, ships March 3",
     ["AeroBottle 2.0"], ["Keeps drinks cold 24h", "Ships March 3"], ["$39"]),
    # the team and their roles were shown nowhere
    ("make a video of our team: Sarah (CEO), Mike (Design), Priya (Engineering)",
     [], ["Sarah (CEO)", "Mike (Design)", "Priya (Engineering)"], []),
    # nothing was shown
    ("Wedding highlights for Anna & Tom, June 2025, soft music, no text except their names", ["Anna & Tom"], [], []),
    ("婚礼视频，新人小明和小红，不要其他文字，只要他们的名字", ["小明和小红"], [], []),  # was "精彩瞬间" / "了解更多"
    ("christmas sale, 20% off everything, ends friday at midnight", ["Christmas Sale"], ["Ends Friday"],
     ["20% off everything"]),
]


@pytest.mark.parametrize(("said", "code"), [("spring sale 20% off, promo code SPRING20", "Promo code SPRING20"),
                                            ("make a video about how to code in python", None)])
def test_a_promo_code_is_typed_in_capitals(said, code):
    assert promo_code(said) == code


SMALL_BUSINESSES = [
    ("Instagram reel for Mother's Day: 20% off all bouquets until May 12, order at bloomandco.com",
     ["Mother's Day"], ["Until May 12 · Order at bloomandco.com"], ["20% off all bouquets"]),  # "Order at" was lost
    # "Korean BBQ Spot" for the name typed after it; the first guests' gift was lost
    ("Make a TikTok for our new Korean BBQ spot, Seoul Grill. Grand opening Friday 5pm! First 50 guests get free bulgogi",
     ["Seoul Grill"], ["Friday 5pm"], ["First 50 guests get free bulgogi"]),
    ("video for my Etsy shop Paper & Pine, handmade cards, link in bio", ["Paper & Pine"], ["Handmade cards"], ["Link in bio"]),
    ("Real estate: 3BR/2BA condo downtown, $525K, open house Sunday 1-4pm, call Jen at 555-0142",
     ["Just Listed"], ["3 Bed · 2 Bath", "Open house Sunday 1-4pm · Call Jen at 555-0142"], ["$525K"]),
    ("Fitness challenge: 30 days, 3 workouts a week, join free at fitwithkai.com/challenge",
     ["Fitness Challenge"], ["30 days", "3 workouts a week"], ["Join free at fitwithkai.com/challenge"]),
    ('webinar "Scaling Your SaaS" on March 12 at 11am PT, register free',
     ["Scaling Your SaaS"], ["March 12 at 11am PT"], ["Register free"]),
    ("School fundraiser bake sale this Saturday 9am-noon in the gym, all proceeds to the library",
     ["School Fundraiser Bake Sale"], ["All proceeds to the library"], ["See you this Saturday 9am-noon"]),
]


@pytest.mark.parametrize(("said", "when"), [("live at 7pm ET on Friday", "7pm ET on Friday"),
                                            ("Friday at 7pm et cetera", "Friday at 7pm")])
def test_a_time_zone_is_the_time_s(said, when):
    assert event_when(said) == when


EVENTS_AND_LAUNCHES = [
    # no title ("my photography workshop" typed in lower case)
    ("Quick reel for my photography workshop on Sat, Oct 5, 2-5pm at Studio 9. Only 12 spots! Book at lenslab.co",
     ["Photography Workshop"], ["At Studio 9 · Only 12 spots", "Sat, Oct 5, 2-5pm"], ["Book at lenslab.co"]),
    # nothing was shown
    ("Launch video: Pocket Chef app is live on the App Store and Google Play. Download free today",
     ["Pocket Chef"], ["Live on the App Store"], ["Download free today"]),
    # "Highlights" made up and "$200" the call to action, as if a price
    ("Halloween party at The Rusty Anchor, Oct 31, 9pm till late. Costume contest with $200 prize. 21+",
     ["Halloween Party at The Rusty Anchor"], ["21+ only", "Oct 31, 9pm"], ["Costume contest with $200 prize"]),
    ("Thank you to our 10,000 followers! Giveaway: win a $100 gift card, follow and tag a friend",
     ["Thank you to our 10,000 followers"], [], ["Win a $100 gift card"]),
    ("make it 30 seconds! thanks!", [], [], []),
    # the phone was lost (and would have been "123-4567")
    ("Make a vertical video about our dentist office: Bright Smile Dental. New patients welcome, book online at "
     "brightsmile.com or call (555) 123-4567", ["Bright Smile Dental"], ["Call (555) 123-4567"],
     ["Book online at brightsmile.com"]),
    # nothing was shown
    ("podcast clip, episode 42 with Dr. Lena Ortiz on sleep, listen on Apple Podcasts", ["Episode 42"], ["With Dr. Lena Ortiz"],
     ["Listen on Apple Podcasts"]),
    # "Product Launch", "Highlights": the kind of video, or a stock phrase, for the name
    ("Product launch video: the AeroBottle 2.0, $39", ["AeroBottle 2.0"], [], ["$39"]),
    ("Restaurant menu video: Margherita $12, Pepperoni $14, Quattro Formaggi $16", ["Restaurant Menu"],
     ["Margherita $12", "Pepperoni $14", "Quattro Formaggi $16"], ["Visit us today"]),
]
CHINESE_AND_LOCAL_SHOPS = [
    # the offer and the days it holds were lost
    ("给我们的奶茶店“茶语时光”做一个15秒的抖音视频，新品芒果多多，第二杯半价，本周六日有效",
     ["茶语时光"], ["新品芒果多多", "本周六日有效"], ["第二杯半价"]),
    # "350万" was "350", the address was lost; then "120平" went without a word
    ("做一个房源视频：3室2厅，120平，售价350万，地址朝阳区幸福路12号，联系电话13800138000",
     ["新房源"], ["3室2厅", "120平", "联系电话 13800138000 · 朝阳区幸福路12号"], ["350万"]),
    # titled "开业"; the first fifty's week was lost
    ("健身房开业活动：12月20日上午10点开业，前50名免费体验一周，地址：人民路88号",
     ["健身房开业活动"], ["12月20日上午10点 · 人民路88号"], ["前50名免费体验一周"]),
    # the first class free and the scan to sign up were lost
    ("瑜伽课程宣传，每周二、四晚7点，首节课免费，报名请扫码", ["瑜伽课程"], ["周二、四晚7点 · 报名请扫码"], ["首节课免费"]),
    ("Promo for Luna's Bakery: fresh sourdough every morning, open 7am-3pm Tue-Sun, 12 Market St, call 555-0142",
     ["Luna's Bakery"], ["Open 7am-3pm Tue-Sun · 12 Market St"], ["Call 555-0142"]),  # when first, then where
]


@pytest.mark.parametrize(("said", "title", "captions", "cta"), MARKETERS + SMALL_BUSINESSES + EVENTS_AND_LAUNCHES + CHINESE_AND_LOCAL_SHOPS)
def test_a_first_instruction_shows_every_fact_typed(said, title, captions, cta):
    got = _words_of(said)
    assert (got[Role.TITLE], got[Role.CAPTION], got[Role.CTA]) == (title, captions, cta)


def _edited(first, edit):
    p = plan(first, THREE)
    r = plan_edit(edit, p.timeline, library=tuple(THREE))
    assert r.status == "ok", r.reply
    tl = apply(p.timeline, r.ops, library=tuple(THREE))
    return {role: [s.text for tr in tl.tracks if tr.role is role for s in tr.segments] for role in (Role.CAPTION, Role.CTA)}


@pytest.mark.parametrize(("edit", "captions", "cta"), [
    # the row became "CANDLE20" / "Glow.co" alone: the other words of it were lost
    ("change the code to CANDLE20", ["Use code CANDLE20 · Order at glowcandles.com"], ["50% off all candles this weekend"]),
    ("change the website to glow.co", ["Use code GLOW50 · Order at glow.co"], ["50% off all candles this weekend"]),
    # "the offer" was the title "Flash sale" as much as the call to action: not understood
    ("make the offer 60% off", ["Use code GLOW50 · Order at glowcandles.com"], ["60% off all candles this weekend"]),
    ("change the discount to 40% off", ["Use code GLOW50 · Order at glowcandles.com"], ["40% off all candles this weekend"]),
])
def test_changing_one_fact_of_a_row_keeps_the_rest(edit, captions, cta):
    got = _edited("15s story: Flash sale! 50% off all candles this weekend only. Use code GLOW50, order at glowcandles.com",
                  edit)
    assert (got[Role.CAPTION], got[Role.CTA]) == (captions, cta)


def test_changing_the_hours_or_the_phone_keeps_the_words_around_them():
    first = "Promo for Luna's Bakery: fresh sourdough every morning, open 7am-3pm Tue-Sun, 12 Market St, call 555-0142"
    assert _edited(first, "change the hours to 8am-4pm Mon-Sat")[Role.CAPTION] == ["Open 8am-4pm Mon-Sat · 12 Market St"]
    assert _edited(first, "change the phone number to 555-0199")[Role.CTA] == ["Call 555-0199"]


def test_a_speech_caption_the_end_card_already_says_is_left_out():
    # user test s24: "Use code MOM20 at bloomandco.com." over the offer and its row made three boxes
    # saying the code at the end
    from reelforge.ai_stage import _said_on_screen
    from reelforge.timeline.model import TextSegment

    row = TextSegment(id="t5", start=4700, duration=4000, text="Until May 12 · Use code MOM20 · Order at bloomandco.com")
    cta = TextSegment(id="t6", start=4700, duration=4000, text="20% off all bouquets")
    assert _said_on_screen(O.Cue(start_ms=5700, end_ms=8480, text="Use code MOM20 at\nbloomandco.com."), [row, cta])
    # said before the end card shows (most of its time): kept; other words: kept
    assert not _said_on_screen(O.Cue(start_ms=2610, end_ms=5130, text="20% off all bouquets until May 12th."), [row, cta])
    assert not _said_on_screen(O.Cue(start_ms=5700, end_ms=8480, text="Say it with flowers."), [row, cta])


def test_a_dot_between_two_parts_of_a_row_is_left_out_where_the_line_breaks():
    from pathlib import Path

    from reelforge.render.compile import TextOverlay
    from reelforge.render.text import text_lines
    from reelforge.timeline.model import TextBackground

    spec = TextOverlay(segment_id="r", path=Path("r.png"), text="Until May 12 · Use code MOM20 · Order at bloomandco.com",
                       frame_width=1080, frame_height=1920, font_px=44, max_width=760, color="#FFFFFF", bold=True,
                       background=TextBackground.BOX, align="center", position=Position.BOTTOM, max_lines=2)
    lines = text_lines(spec, 44)
    assert len(lines) == 2 and not any(ln.endswith("·") or ln.startswith("·") for ln in lines), lines
    assert " ".join(lines).replace(" ·", "").split() == spec.text.replace(" ·", "").split()


HALLOWEEN = "Halloween party at The Rusty Anchor, Oct 31, 9pm till late. Costume contest with $200 prize. 21+"
CANDLES = "15s story: Flash sale! 50% off all candles this weekend only. Use code GLOW50, order at glowcandles.com"


@pytest.mark.parametrize(("first", "edit", "captions", "cta"), [
    # "the prize" was no text ("there is no 'prize'")
    (HALLOWEEN, "change the prize to $300", ["21+ only", "Oct 31, 9pm"], ["Costume contest with $300 prize"]),
    (HALLOWEEN, "remove the prize", ["21+ only", "Oct 31, 9pm"], []),
    # one part of a row goes, whole: "remove the code" had left "Use code · Order at …"
    (CANDLES, "remove the code", ["Order at glowcandles.com"], ["50% off all candles this weekend"]),
    (CANDLES, "remove the website", ["Use code GLOW50"], ["50% off all candles this weekend"]),
])
def test_a_part_of_the_ending_called_by_what_it_is(first, edit, captions, cta):
    got = _edited(first, edit)
    assert (got[Role.CAPTION], got[Role.CTA]) == (captions, cta)
