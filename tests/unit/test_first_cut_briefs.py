"""First instructions as marketers type them (user test s15) that got the wrong words on screen, or
none: a brief pasted as labelled fields ("product: AeroBottle. tagline: stay cold 24h. cta: order
today" got the stock title "Discover Something New" and "Shop now"), a price with a thousands
separator ("$450,000" showed "$450,00"), a street address, a listing's rooms, an occasion ("birthday
video for mom" had no text), a hiring video, an opening "this saturday", an offer beside an ending
(the price was dropped), a sale's last day. Pure planning: the timeline's texts are checked."""

from __future__ import annotations

import doctest

import pytest

from reelforge.planner import brief as B
from reelforge.planner import ending as E
from reelforge.planner import occasion as OC
from reelforge.planner import on_screen, plan
from reelforge.planner.notes_zh import to_zh
from reelforge.timeline import Role

from .test_compose import BGM, img

PHOTOS = [img(n, i) for i, n in enumerate(("astronaut.jpg", "coffee.jpg", "rocket.jpg", "china.jpg", "flower.jpg"))]


def _texts(instruction, assets=PHOTOS):
    tl = plan(instruction, [*assets, BGM]).timeline
    return {tr.role: [s.text for s in tr.segments] for tr in tl.tracks if tr.role in (Role.TITLE, Role.CAPTION, Role.CTA)}


def test_doctests():
    for module in (B, OC, E):
        assert doctest.testmod(module).failed == 0, module.__name__


# -- a brief typed as fields -----------------------------------------------------------------------
@pytest.mark.parametrize(("instruction", "texts"), [
    ("create a product ad. product: AeroBottle. tagline: stay cold 24h. cta: order today",
     {Role.TITLE: ["AeroBottle"], Role.CAPTION: ["Stay cold 24h"], Role.CTA: ["Order today"]}),
    ("Brand: Bean There\nHeadline: Coffee worth waking up for\nOffer: 2 for 1 lattes this week\nCTA: Visit us today\n"
     "Format: vertical, 15s",
     {Role.TITLE: ["Bean There"], Role.CAPTION: ["Coffee worth waking up for", "2 for 1 lattes this week"],
      Role.CTA: ["Visit us today"]}),
    ("title: summer vibes, tagline: feel the sun, vertical",
     {Role.TITLE: ["Summer Vibes"], Role.CAPTION: ["Feel the sun"]}),
    ("产品：豆子咖啡，口号：每天一杯好咖啡，结尾：立即下单",
     {Role.TITLE: ["豆子咖啡"], Role.CAPTION: ["每天一杯好咖啡"], Role.CTA: ["立即下单"]}),
    ("Title - Urban Dreams; offer: 30% off; website: example.com",
     {Role.TITLE: ["Urban Dreams"], Role.CAPTION: ["example.com"], Role.CTA: ["30% off"]}),
])
def test_a_brief_of_labelled_fields_is_the_words_on_screen(instruction, texts):
    assert _texts(instruction) == texts


def test_a_brief_s_features_are_captions_after_the_title_s_picture():
    tl = plan("product launch video for the AeroBottle. features: keeps drinks cold 24h, leak-proof, 100% recycled "
              "steel. cta - order now", [*PHOTOS, BGM]).timeline
    title, = tl.track(Role.TITLE).segments
    caps = tl.track(Role.CAPTION).segments
    assert title.text == "AeroBottle"  # the product the sentence names, the fields giving the rest
    assert [c.text for c in caps] == ["Keeps drinks cold 24h", "Leak-proof", "100% recycled steel"]
    assert [c.shot for c in caps] == [s.id for s in tl.track(Role.MAIN).segments[1:4]]
    assert all(c.start >= title.end for c in caps)  # the first picture keeps the title alone


def test_a_brief_s_words_are_no_settings():
    # "bold" and "24h" are the tagline's words, not a bold look or a day-long video
    p = plan("product: AeroBottle. tagline: bold flavour, 24h fresh", [*PHOTOS, BGM])
    assert p.timeline.duration == 5 * 3500
    assert "bold style (as asked)" not in " ".join(p.notes)
    # (a tagline with a comma is one line: "Tagline: Carry more, weigh less" was "Carry more" alone, s43)
    assert [s.text for s in p.timeline.track(Role.CAPTION).segments] == ["Bold flavour, 24h fresh"]
    p = plan("product: Calm Tea. slogan: 30 seconds of calm", [*PHOTOS, BGM])
    assert (p.timeline.duration, p.timeline.width) == (5 * 3500, 1920)  # was 30 s
    p = plan("brand: Bold Brew, tagline: bold taste in every square cup", [*PHOTOS, BGM])
    assert (p.timeline.width, p.timeline.height) == (1920, 1080)  # was square
    assert "bold style (as asked)" not in " ".join(p.notes)


@pytest.mark.parametrize("instruction", [
    "a video about our product: it keeps drinks cold",  # a sentence's colon, not a field
    "make it vertical: 20 seconds, music: the upbeat one",
    "Note: make it vertical",
])
def test_a_sentence_with_a_colon_is_not_a_brief(instruction):
    assert not B.read(instruction)


def test_the_brief_s_note_in_chinese():
    p = plan("商品：保温杯，卖点：24小时保冷、防漏、轻便，价格：¥99，结尾：立即下单，竖屏", [*PHOTOS, BGM])
    note = next(n for n in p.notes if n.startswith("From the brief"))
    assert to_zh(note) == "取自你写的各项：标题「保温杯」；行动号召「立即下单」；字幕「24小时保冷」、「防漏」、「轻便」；「¥99」和行动号召一起显示。"
    caps = [s.text for s in p.timeline.track(Role.CAPTION).segments]
    assert caps == ["24小时保冷", "防漏", "轻便", "¥99"]


# -- prices, addresses, listings --------------------------------------------------------------------
@pytest.mark.parametrize(("text", "offer"), [
    ("3 bed 2 bath, $450,000, 123 Main St", "$450,000"),  # was "$450,00"
    ("listed at $1.2M", "$1.2M"),
    ("mention free shipping over $50", "free shipping over $50"),  # was "free shipping"
    ("only $19.99", "only $19.99"),
    ("music at 30%", None),
])
def test_prices_are_read_whole(text, offer):
    assert E.offer_in(text) == offer


def test_a_listing_shows_its_price_address_and_rooms():
    assert _texts("Make a real estate listing video: 3 bed 2 bath, $450,000, 123 Main St") == {
        Role.TITLE: ["Just Listed"], Role.CAPTION: ["3 Bed · 2 Bath", "123 Main St"], Role.CTA: ["$450,000"]}
    assert on_screen.listing_facts("4br/3ba 2,100 sqft") == "4 Bed · 3 Bath · 2,100 sq ft"


# -- occasions, hiring, openings ---------------------------------------------------------------------
@pytest.mark.parametrize(("instruction", "title"), [
    ("birthday video for mom with these photos, slow and emotional", "Happy Birthday, Mom"),  # was no text
    ("happy birthday dad!", "Happy Birthday, Dad"),
    ("a video for Anna's 30th birthday", "Happy 30th Birthday, Anna"),
    ("happy new year video for our customers", "Happy New Year"),
    ("wedding anniversary video for my parents, 30 sec", "Happy Anniversary"),
    ("给妈妈做个生日视频", "生日快乐"),
])
def test_an_occasion_opens_on_its_greeting_and_sells_nothing(instruction, title):
    assert _texts(instruction) == {Role.TITLE: [title]}  # no "Shop now", no file names


def test_a_sale_in_an_occasion_s_season_is_a_sale():
    texts = _texts("christmas sale promo, 20% off everything, ends dec 24")
    assert texts[Role.TITLE] == ["Christmas Sale"]  # was the stock "Limited-Time Offer"
    assert texts[Role.CTA] == ["20% off everything"]
    assert "Ends Dec 24" in texts[Role.CAPTION]  # when it ends, with the offer
    assert _texts("圣诞促销，全场8折，截止到12月24日")[Role.TITLE] == ["圣诞促销"]


def test_the_row_under_the_call_to_action_has_the_end_to_itself():
    tl = plan("christmas sale promo, 20% off everything, ends dec 24", [*PHOTOS, BGM]).timeline
    cta, = tl.track(Role.CTA).segments
    others = [s for s in tl.track(Role.CAPTION).segments if s.text != "Ends Dec 24"]
    assert all(s.end <= cta.start for s in others)
    starts = [s.start for s in tl.track(Role.CAPTION).segments]
    assert starts == sorted(starts)


def test_a_hiring_video_says_so_and_where_to_apply():
    assert _texts("hiring video: we're hiring baristas, apply at jobs.example.com") == {
        Role.TITLE: ["We're Hiring Baristas"], Role.CTA: ["Apply at jobs.example.com"]}  # was the bare address


def test_an_opening_this_saturday():
    texts = _texts("make a video for my bakery grand opening this saturday, upbeat, 20 sec, for tiktok")
    assert texts[Role.TITLE] == ["Bakery Grand Opening"]  # was no text at all
    assert texts[Role.CTA] == ["See you this Saturday"]
    assert on_screen.see_you("Dec 12", zh=False) == "See you on Dec 12"


def test_a_chinese_subject_after_our_and_a_price_beside_the_ending():
    # "介绍我们的新品奶茶": the subject after 我们的; the price stays beside the ending (it was dropped)
    assert _texts("做一个抖音视频，介绍我们的新品奶茶，价格19元，结尾加关注我们") == {
        Role.TITLE: ["新品奶茶"], Role.CAPTION: ["19元"], Role.CTA: ["关注我们"]}


# -- the same fields said in an edit ----------------------------------------------------------------
@pytest.mark.parametrize(("said", "expected"), [
    ("cta: order today", {"op": "update_text", "text": "Order today"}),  # was "order today"
    ("title: No Limits", {"op": "update_text", "text": "No Limits"}),
    ("title: none", {"op": "remove_text"}),  # was the title's words set to "none"
    ("标题：无", {"op": "remove_text"}),
    ("tagline: stay cold all day", {"op": "add_text", "text": "Stay cold all day", "role": "caption"}),  # was "which text?"
    ("add a tagline 'Stay cold 24h'", {"op": "add_text", "text": "Stay cold 24h", "role": "caption"}),  # was a second title
    ("加个口号“每天一杯好咖啡”", {"op": "add_text", "text": "每天一杯好咖啡", "role": "caption"}),
    ("add happy birthday mom as the title", {"op": "add_text", "text": "Happy Birthday Mom"}),  # was not understood
])
def test_fields_in_an_edit(said, expected):
    from reelforge.planner.ops import dump_ops
    from reelforge.planner.rules import plan_edit

    from .edit_cases import LIBRARY, sample_timeline

    tl = sample_timeline()
    edit = plan_edit(said, tl, library=LIBRARY)
    assert edit.status == "ok", edit.message
    op, = dump_ops(edit.ops)
    assert {k: op.get(k) for k in expected} == expected
    if expected.get("role") == "caption":  # a tagline is shown with the title, a row below it
        title = tl.track(Role.TITLE).segments[0]
        assert op["timing"]["duration_ms"] == title.duration and op["position"] == "bottom"


def test_one_line_of_text_is_the_title_and_a_named_subject_keeps_its_slogan_under_it():
    assert _texts("quick 10s teaser for insta stories, text: coming soon") == {Role.TITLE: ["Coming Soon"]}
    assert _texts("promo for Bean There Coffee. Slogan - Brewed for you. Visit beanthere.com") == {
        Role.TITLE: ["Bean There Coffee"], Role.CAPTION: ["Brewed for you"], Role.CTA: ["Visit beanthere.com"]}
    assert B.read("text: fresh, local, organic").captions == ("Fresh", "Local", "Organic")


@pytest.mark.parametrize(("instruction", "texts"), [
    ("a video of our new year's trip to Paris", {}),  # a trip, not a greeting
    ("name: the coffee photo goes first", {}),
    ("Ending: fade to black", {}),  # an effect, not words
    ("birthday montage for my son Leo", {Role.TITLE: ["Happy Birthday, Leo"]}),
])
def test_what_is_no_field_or_greeting(instruction, texts):
    assert _texts(instruction) == texts


def test_a_setting_after_a_label_is_a_setting():
    tl = plan("captions: yes, vertical", [*PHOTOS, BGM]).timeline
    assert (tl.width, tl.height) == (1080, 1920)  # read as a setting, not blanked as a field's words
    assert "Yes" not in [s.text for tr in tl.tracks if tr.role is Role.CAPTION for s in tr.segments]
    assert plan("Time: 30 seconds, music: chill", [*PHOTOS, BGM]).timeline.duration == 30_000


# -- prices listed, and words on screen as typed ----------------------------------------------------
def test_things_listed_with_prices_are_a_caption_each():
    texts = _texts("new menu launch for Bean There: pumpkin latte $5.50, maple scone $3, available this fall")
    assert texts[Role.TITLE] == ["Bean There"]  # was the stock "Discover Something New"
    assert texts[Role.CAPTION] == ["Pumpkin latte $5.50", "Maple scone $3"]  # "scone" was read as "scene"
    assert texts[Role.CTA] == ["Visit us today"]  # no one price the offer (it was "$5.50")
    assert _texts("咖啡店新菜单：拿铁 28元、美式 22元、司康 15元")[Role.CAPTION] == ["拿铁 28元", "美式 22元", "司康 15元"]
    assert E.priced_items("only $19.99 and $5 shipping") == []


@pytest.mark.parametrize(("instruction", "role", "words"), [
    ("promo for our scone shop, with captions", Role.TITLE, "Scone Shop"),  # was "Scene Shop"
    ("end with grab a scone", Role.CTA, "Grab a scone"),
])
def test_a_typo_correction_never_puts_a_word_on_screen(instruction, role, words):
    p = plan(instruction, [*PHOTOS, BGM])
    assert [s.text for s in p.timeline.track(role).segments] == [words]
    assert not any("as 'scene'" in n for n in p.notes)
    # a real typo in a setting is still read
    assert plan("promo for our coffee shop, verticle, 20 secnds", [*PHOTOS, BGM]).timeline.height == 1920


@pytest.mark.parametrize(("said", "words", "note"), [
    ("add a caption saying maple scone", "Maple scone", ""),  # was "Maple scene (read 'scone' as 'scene')"
    ("add a captoin saying maple scone", "Maple scone", "(read 'captoin' as 'caption')"),
    ("end with grab a scone", "Grab a scone", ""),
])
def test_an_edit_s_words_on_screen_are_as_typed(said, words, note):
    from reelforge.planner.rules import plan_edit

    from .edit_cases import LIBRARY, sample_timeline

    edit = plan_edit(said, sample_timeline(), library=LIBRARY)
    assert edit.status == "ok" and [op.text for op in edit.ops] == [words]
    assert "scene" not in edit.reply and note in edit.reply


def test_a_chinese_listing():
    assert _texts("房源视频：出售三室两厅 120平米，总价 ¥350万，地址：人民路88号") == {
        Role.TITLE: ["新房源"], Role.CAPTION: ["三室两厅 · 120平米", "人民路88号"], Role.CTA: ["¥350万"]}  # was "¥350"


def test_lines_that_mean_nothing_without_their_label_keep_it():
    assert B.read("店名：老王烧烤，营业时间：17:00-02:00，电话：13800138000").lines == ("营业时间 17:00-02:00", "13800138000")
    assert B.read("hours: 9am-5pm, promo code: GLOW15").lines == ("Open 9am-5pm", "Code GLOW15")
    assert B.read("price: 29").lines == ("29",) and not B.read("date: 30s")  # a number is words, a length is not


def test_a_phone_or_website_among_the_lines_is_the_call_to_action():
    assert _texts("帮我做个店铺宣传视频，店名：老王烧烤，营业时间：17:00-02:00，电话：13800138000") == {
        Role.TITLE: ["老王烧烤"], Role.CAPTION: ["营业时间 17:00-02:00"], Role.CTA: ["13800138000"]}
