"""Session 38: what the eleventh batch of users (session 37) left not done or half done, each
checked through the planner as a session plans it (placeholder assets, no media)."""

from __future__ import annotations

import pytest

from reelforge.timeline import Role

from .test_compose import aud, clip, img, session_after

YOGA = [img("studio_wide.jpg", 0), img("IMG_7781.jpg", 1), img("IMG_7790.jpg", 2), clip("flow_class.mp4", 12_000),
        aud("voiceover_intro.m4a", 100_000), aud("ambient pad.mp3", 100_000)]
YOGA_FIRST = ("hi! we're Salt & Sun Yoga in West End Brisbane, new timetable starts 3 March: vinyasa mon/wed 6am & 6pm, "
              "yin tues/thurs 7pm, hot pilates sat 8am. intro offer 2 weeks unlimited for $39 (new students only). my "
              "voiceover is attached pls use it and keep the music soft underneath. website saltandsunyoga.com.au. calm "
              "vibe, for insta reels")


def _texts(tl) -> list[str]:
    return [s.text for tr in tl.tracks if tr.role in (Role.TITLE, Role.CAPTION, Role.CTA) for s in tr.segments]


def _shots(tl) -> list[str]:
    return [s.name for s in tl.track(Role.MAIN).segments]


@pytest.mark.parametrize("said", ["change the offer to $45 for 3 weeks", "change the intro offer to $45 for 3 weeks",
                                  "change the deal to $45 for 3 weeks"])
def test_the_offer_shown_as_its_price_is_changed(said):
    # "There is no 'offer' in the project", nothing changed: the offer was on screen as "$39"
    s, (r,) = session_after(YOGA, YOGA_FIRST, said)
    shown = _texts(s.timeline)
    assert "$45 for 3 weeks" in shown and not any("$39" in t for t in shown), (shown, r.message)
    assert "no 'offer'" not in r.message and "no 'deal'" not in r.message


def test_a_clip_already_shown_used_first_instead_of_a_picture_moves_there():
    # it replaced the studio picture with a second copy of the clip (the same footage twice)
    s, (r,) = session_after(YOGA, YOGA_FIRST, "use the class clip first instead of the studio pic")
    shots = _shots(s.timeline)
    assert shots[0] == "flow_class.mp4" and shots.count("flow_class.mp4") == 1, (shots, r.message)
    assert "studio_wide.jpg" in shots and "flow_class.mp4" in r.message  # "first" said: the picture stays


def test_a_clip_already_shown_used_instead_of_a_picture_takes_its_place():
    s, (r,) = session_after(YOGA, YOGA_FIRST, "use the class clip instead of the second photo")
    assert _shots(s.timeline) == ["studio_wide.jpg", "flow_class.mp4", "IMG_7790.jpg"], r.message


INN = [img("院子.jpg", 0), img("房间.jpg", 1), img("早餐.jpg", 2), clip("航拍.mp4", 12_000), aud("旁白.m4a", 100_000),
       aud("轻音乐.mp3", 100_000)]
INN_FIRST = ("莫干山 山居·云栖民宿 周末房价 大床房598/晚 含双早 家庭房888/晚 节假日另议（五一涨价20%）预定电话/微信18968001234 "
             "配我录的旁白 加背景音乐 要安静 治愈那种 时长跟旁白差不多")


def test_an_undo_said_with_what_it_brings_back_undoes():
    # "撤销一下 还是横的吧" only made the frame 16:9 again: the minute's cut and the voiceover cut at 60 s stayed
    s, _ = session_after(INN, INN_FIRST)
    before = (s.timeline.duration, s.timeline.width, s.timeline.height)
    s.handle("改成竖屏发抖音 一分钟")
    assert (s.timeline.duration, s.timeline.width) == (60_000, 1080)
    r = s.handle("撤销一下 还是横的吧")
    assert (s.timeline.duration, s.timeline.width, s.timeline.height) == before, r.message
    assert "撤销" in r.message


def test_an_undo_then_an_edit_in_one_message_does_both():
    s, (vertical, r) = session_after(YOGA, YOGA_FIRST, "make the music 20%", "undo that, and make it square")
    assert vertical.changed and (s.timeline.width, s.timeline.height) == (1080, 1080), r.message
    music = next(t for t in s.timeline.tracks if t.role is Role.MUSIC).segments[0]
    assert music.volume != pytest.approx(0.2), r.message  # the 20 % taken back
    assert "Undid" in r.message


# -- the twelfth batch (session 38) ----------------------------------------------------------------------
BAKERY = [img("IMG_4412.jpg", 0), img("pumpkin_loaf.jpg", 1), img("shopfront.jpg", 2), img("IMG_4420.jpg", 3),
          clip("croissant_pull.mp4", 12_000), aud("acoustic_track.mp3", 100_000)]
BAKERY_FIRST = ("hey can u make a 20 sec instagram reel for our autumn menu at Crumb & Co bakery 🍂 pumpkin loaf $6.50, maple "
                "pecan scroll $5, chai latte $4.80. new menu starts sat 14 sept, were at 22 Baker St Fitzroy open 7am-3pm. tag "
                "@crumbandco. warm cosy vibe pls")


def test_the_opening_hours_dropped_from_their_row_only():
    # "drop the opening hours, they change too much" removed the first picture ("the opening") and left the hours
    s, (r,) = session_after(BAKERY, BAKERY_FIRST, "drop the opening hours, they change too much")
    shown = " | ".join(_texts(s.timeline))
    assert len(_shots(s.timeline)) == 5 and "7am-3pm" not in shown, (shown, r.message)
    assert "14 Sept" in shown and "Baker St" in shown and "did not understand" not in r.message


def test_words_added_at_the_end_keep_a_handle_there():
    # "add 'order ahead at crumbandco.com.au' at the end" wrote over the call to action "@crumbandco"
    s, (r,) = session_after(BAKERY, BAKERY_FIRST, "add 'order ahead at crumbandco.com.au' at the end")
    shown = " | ".join(_texts(s.timeline))
    assert "@crumbandco" in shown and "order ahead at crumbandco.com.au" in shown, (shown, r.message)


GROOMER = [img("before.jpg", 0), img("after.jpg", 1), img("IMG_2207.jpg", 2), img("van.jpg", 3), clip("bath_time.mov", 12_000),
           aud("happy_ukulele.mp3", 100_000)]
GROOMER_FIRST = ("sudsy paws mobile dog grooming - we come to you! full groom from $75 small dogs, $95 large dogs. 10% off your "
                 "first groom with code FIRSTWASH. servicing the northern beaches mon-sat. call Jess 0400 111 222 or insta "
                 "@sudsypaws. facebook video around 30s, fun and playful 🐶")


@pytest.mark.parametrize("said", ["change large dogs to $99", "change the large dogs price to $99"])
def test_the_price_beside_the_words_named_changes(said):
    # the whole caption "Full groom from $75 small dogs · $95 large dogs" became "$99"
    s, (r,) = session_after(GROOMER, GROOMER_FIRST, said)
    shown = " | ".join(_texts(s.timeline))
    assert "$75 small dogs" in shown and "$99 large dogs" in shown, (shown, r.message)


def test_a_reason_and_a_colour_for_the_branding_and_a_blurry_picture():
    s, (pink, gone) = session_after(GROOMER, GROOMER_FIRST, "make the words pink to match our branding",
                                    "get rid of IMG_2207 its blurry")
    colours = {x.color for tr in s.timeline.tracks if tr.role in (Role.TITLE, Role.CAPTION) for x in tr.segments}
    assert colours == {"#FF69B4"} and "brand" not in pink.message.lower(), pink.message  # (a brand kit file was asked for)
    assert "IMG_2207.jpg" not in _shots(s.timeline) and gone.changed, gone.message  # (read as its background blur)


HOUSE = [img("front_exterior.jpg", 0), img("kitchen.jpg", 1), img("IMG_7781.jpg", 2), img("IMG_7785.jpg", 3),
         clip("walkthrough.mp4", 12_000), aud("piano_soft.mp3", 100_000)]
HOUSE_FIRST = ("Open house this Saturday 12 Oct 11-11:45am, 14 Rosewood Ave Hawthorn. 4 bed 2 bath, north facing backyard, walk "
               "to schools. Auction 2 Nov, price guide $1.45m-$1.55m. Contact Mark Tan 0433 987 654, Harcourt & Lane Realty. "
               "youtube video 45 secs, elegant and calm, landscape")


def test_a_price_range_in_millions_corrected_and_a_length_capped():
    s, (guide, short) = session_after(HOUSE, HOUSE_FIRST, "the guide is now $1.5m - $1.6m, vendor just updated it",
                                      "too long, nobody watches 45 secs. 30 max")
    shown = " | ".join(_texts(s.timeline))
    assert "$1.5m - $1.6m" in shown and "$1.45m" not in shown, (shown, guide.message)
    assert s.timeline.duration == 30_000 and "version" not in short.message, short.message  # it was "45 s, already"


FAIR = [img("fair_poster.png", 0), img("IMG_4412.jpg", 1), img("IMG_4419.jpg", 2), clip("bouncy_castle.mp4", 12_000),
        aud("happy_ukulele.mp3", 100_000)]
FAIR_FIRST = ("hi can you make a promo for our school fundraiser - Maple Grove Primary Spring Fair, saturday may 17th 11am-3pm at "
              "the school field, 42 Birch Lane. entry is £2 adults, kids free. theres a bouncy castle, cake stall, raffle and face "
              "painting. all money goes to the new library fund. for facebook, about 30 sec, fun and bright, use the ukulele song. "
              "website mgps.org.uk/fair")


def test_hours_corrected_with_what_they_are_not_and_words_added_instead():
    s, (hours, kids, asked) = session_after(FAIR, FAIR_FIRST, "the time is wrong its 10am-2pm not 11-3",
                                            "add 'free for under 12s' instead of kids free", "is the website on the end screen?")
    shown = " | ".join(_texts(s.timeline))
    assert "Saturday May 17th 10am-2pm" in shown and "not 11-3" not in shown, (shown, hours.message)
    assert "free for under 12s" in shown and "add" not in shown.lower().replace("address", ""), (shown, kids.message)
    assert asked.message.startswith("Yes") and not asked.changed, asked.message


MEETUP = [img("speaker_headshot.jpg", 0), img("meetup_crowd_2024.jpg", 1), img("venue_outside.jpg", 2),
          clip("last_talk_highlights.mp4", 12_000), aud("synthwave_loop.mp3", 100_000), aud("vo_take2.wav", 100_000)]
MEETUP_FIRST = ('Need a promo video for DevNight Leeds #14 — talk: "Shipping LLM features without losing your mind" by Priya Raman '
                "(staff eng @ Cobalt). Thu 12 June, doors 6pm, talk 6:45, pizza+beer after. Venue: The Tetley, Hunslet Rd, Leeds "
                "LS10 1JQ. Free but RSVP on meetup.com/devnight-leeds, 80 spots. linkedin + twitter, 45s max, clean/techy vibe not "
                "cheesy. voiceover is vo_take2, keep synthwave music low under it")


def test_a_talks_start_time_is_no_length():
    # "talk 6:45" made the video 405 s long
    s, (times, first, louder, dropped, ratio) = session_after(
        MEETUP, MEETUP_FIRST, "doors are 6:30 now and the talk starts at 7", "can we open on the highlights clip instead of the headshot",
        "the voiceover is a bit quiet, bump it up", "drop the venue exterior photo, it looks dated", "what aspect ratio is it right now?")
    shown = " | ".join(_texts(s.timeline))
    assert "Doors 6:30pm" in shown and "Talk 7pm" in shown and "6:45" not in shown, (shown, times.message)  # (its pm from the doors)
    assert _shots(s.timeline)[0] == "last_talk_highlights.mp4", first.message
    assert louder.message.count("louder") == 1, louder.message  # (one step, not two)
    assert "venue_outside.jpg" not in _shots(s.timeline), dropped.message
    assert "16:9" in ratio.message and not ratio.changed, ratio.message


def test_a_first_cut_with_a_talk_time_keeps_its_length_said():
    s, _ = session_after(MEETUP, MEETUP_FIRST)
    assert s.timeline.duration <= 45_000


LOTUS = [img("menu_cover.png", 0), img("dimsum_closeup.jpg", 1), img("IMG_2087.jpg", 2), clip("kitchen_pan.mov", 12_000),
         aud("guzheng_bgm.mp3", 100_000)]
LOTUS_FIRST = ("帮我做个新菜单launch的视频 for 我们餐厅 Golden Lotus 金莲, new bilingual menu 中英双语菜单 launching 6月8号 Sunday, "
               "5pm开始. 地址 88 Dundas St W, Toronto. 前50位客人 free 虾饺 har gow. 订位 call 416-555-0188 或者 IG @goldenlotus.to. "
               "Instagram reel, 30秒左右, 要warm一点, 用那个古筝music")


def test_a_bilingual_name_a_date_corrected_and_a_length_with_the_phone_at_the_end():
    s, (date, both) = session_after(LOTUS, LOTUS_FIRST, "日期错了 it's 6月15号 not 8号", "length改成15秒 and 电话放最后")
    assert "Golden Lotus 金莲" in _texts(s.timeline)  # (the title was "Golden")
    shown = " | ".join(_texts(s.timeline))
    assert "6月15号" in shown and "6月8号" not in shown, (shown, date.message)
    assert s.timeline.duration == 15_000, both.message  # (the 15 s became the phone caption's time)
    phone = next(x for tr in s.timeline.tracks for x in tr.segments if "416-555-0188" in getattr(x, "text", ""))
    assert phone.end == 15_000, both.message


@pytest.mark.parametrize(("files", "first", "title"), [
    ([img("IMG_8823.jpg", 0), img("器械区.jpg", 1), clip("私教上课.mp4", 12_000), aud("燃.mp3", 100_000)],
     "健身房开业视频 名字叫力型健身 开业前100名年卡999 私教体验课1元 3月15号正式开业 地址解放路88号二楼 发视频号 30秒", "力型健身"),
    ([img("样片1.jpg", 0), img("样片2.jpg", 1), clip("客片花絮.mp4", 12_000), aud("浪漫钢琴.mp3", 100_000)],
     "婚纱照套餐推广 工作室叫时光印象婚纱摄影 套餐3999含两套服装 精修30张 送相框 微信shiguang520 小红书用", "时光印象婚纱摄影"),
])
def test_a_business_named_with_jiao_is_the_title(files, first, title):
    # "名字叫力型健身" was the title as typed; the studio's name was left out for "婚纱照套餐"
    s, _ = session_after(files, first)
    assert title in [x.text for tr in s.timeline.tracks if tr.role is Role.TITLE for x in tr.segments]


def test_how_long_asked_with_now_last():
    s, (r,) = session_after(INN, INN_FIRST, "多长了现在")
    assert "秒" in r.message and not r.changed and "没有理解" not in r.message


def test_an_address_after_dizhi_without_a_street_number():
    # "加上地址 滨江路时代大厦18楼" was not understood; the first cut's "地址万达广场1楼" was left out
    files = [img("门头.jpg", 0), img("新品1.jpg", 1), clip("制作过程.mp4", 12_000), aud("轻快.mp3", 100_000)]
    s, (r,) = session_after(files, "帮我做个新品上市的视频 店名叫茶小满 原价18 新品尝鲜价12.9 地址万达广场1楼 发抖音 15秒左右",
                            "加上地址 滨江路时代大厦18楼")
    shown = " | ".join(_texts(s.timeline))
    assert "万达广场1楼" in shown or "滨江路时代大厦18楼" in shown, r.message
    assert "滨江路时代大厦18楼" in shown and "没有理解" not in r.message, (shown, r.message)


def test_a_wechat_id_is_labelled_and_a_clip_put_in_front():
    files = [img("IMG_8823.jpg", 0), img("器械区.jpg", 1), clip("私教上课.mp4", 12_000), aud("燃.mp3", 100_000)]
    s, (wx, front) = session_after(files, "健身房开业视频 名字叫力型健身 私教体验课1元 发视频号 30秒",
                                   "最后加上微信号 lixing888", "私教上课那段放前面")
    assert any(t.endswith("微信 lixing888") for t in _texts(s.timeline)), wx.message  # (a bare "lixing888" said nothing)
    assert _shots(s.timeline)[0] == "私教上课.mp4", front.message  # (not understood)


def test_a_fact_caption_stays_when_its_picture_goes_and_no_shot_is_free():
    # "remove the 2023 start line photo" took "Start 8am at Riverside Park east gate" with it, without a word
    files = [img("run_poster.jpg", 0), img("start_line_2023.jpg", 1), img("finish_crowd.jpg", 2), clip("runners_drone.mp4", 12_000),
             aud("pump_up_mix.mp3", 100_000), aud("voiceover_coach.m4a", 100_000)]
    first = ("making a promo for the Riverside Community 5K fun run 社区长跑, sunday sept 21, start 8am at Riverside Park east "
             "gate, 1200 Riverside Dr. registration $25 adults / $10 kids, 报名 at riversiderun.ca, all proceeds to the food "
             "bank. every finisher gets a medal. want it for tiktok, 20 secs, high energy. use voiceover_coach and the pump up mix under it")
    s0, _ = session_after(files, first)
    start = [t for t in _texts(s0.timeline) if "east gate" in t]
    s, (_, r) = session_after(files, first, "add 'dogs welcome' on the finish crowd photo", "remove the 2023 start line photo")
    assert "start_line_2023.jpg" not in _shots(s.timeline), r.message
    assert start and any("east gate" in t for t in _texts(s.timeline)), (_texts(s.timeline), r.message)


def test_a_part_done_beside_one_refused_keeps_what_it_did():
    # "地址不要了 然后logo放大一点" with no logo: read as one, it removed the (absent) logo, not the address
    files = [img("门头.jpg", 0), img("新品1.jpg", 1), clip("制作过程.mp4", 12_000), aud("轻快.mp3", 100_000)]
    s, (r,) = session_after(files, "帮我做个新品上市的视频 店名叫茶小满 原价18 地址万达广场1楼 发抖音 15秒左右", "地址不要了 然后logo放大一点")
    assert not any("万达广场" in t for t in _texts(s.timeline)) and r.changed, r.message
    assert "logo" in r.message, r.message  # (and why the logo is not: there is none)


@pytest.mark.parametrize("said", ["change the price for kids to free and adults to $20", "change the price for adults to $20"])
def test_a_price_named_by_who_pays_it(said):
    # "Adults to $20" was written over "Registration $25 adults"
    files = [img("run_poster.jpg", 0), img("finish_crowd.jpg", 1), clip("runners_drone.mp4", 12_000), aud("pump_up_mix.mp3", 100_000)]
    s, (r,) = session_after(files, "a promo for the Riverside 5K fun run, sunday sept 21, registration $25 adults, "
                                   "riversiderun.ca, tiktok, 20 secs", said)
    shown = " | ".join(_texts(s.timeline))
    assert "$20 adults" in shown and "to $20" not in shown, (shown, r.message)


def test_an_address_typed_under_a_label_is_kept_whole():
    # "Venue: The Tetley, Hunslet Rd, Leeds LS10 1JQ" was shown as "Leeds LS10 1JQ" (the piece with a number)
    from reelforge.planner.facts import lost_facts

    assert lost_facts("Venue: The Tetley, Hunslet Rd, Leeds LS10 1JQ. Free but RSVP", []) == ["The Tetley, Hunslet Rd, Leeds LS10 1JQ"]
    assert lost_facts("full groom from £40 small dogs, £55 medium, £70 large", ["Full groom from £40 small dogs"]) \
        == ["£55 medium · £70 large"]  # (no label: the pieces with a number, as before)


def test_a_chinese_offer_going_on_in_english_is_kept_whole():
    # "前50位客人 free 虾饺 har gow" was shown as "前50位客人" (what they get left out)
    s, _ = session_after(LOTUS, LOTUS_FIRST)
    assert "前50位客人 free 虾饺 har gow" in _texts(s.timeline), _texts(s.timeline)


@pytest.mark.parametrize(("said", "words"), [("remove the pizza+beer line, we cant afford it this time lol", "pizza+beer"),
                                             ("take out the cake stall bit, the bake sale got cancelled", "cake stall")])
def test_a_line_asked_off_that_is_not_on_screen_is_said_so(said, words):
    # not understood (the first cut had left it out)
    s, (r,) = session_after(FAIR, FAIR_FIRST, said)
    assert f"no text on screen says '{words}'" in r.message.lower() and not r.changed, r.message
