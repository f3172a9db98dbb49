"""User tests of session 28: a second batch typed by someone who had not seen the planner.

14 sessions (9 English, 5 Chinese: a dentist, a yoga retreat, an author signing, a band's gig, a
warehouse hiring ad, a charity 5K, a webinar, a plant shop, pet grooming before/after, a B&B for the May
holiday, a hotpot opening, a gym's annual card, a kids' coding class, a livestream preview), each a
first instruction and 7-8 edits (106). First run: 74 edits answered "ok" (many of them wrongly) and 38
not understood, with destructive misreads among them: "packet pickup 6:45" set the video to 405 s,
"mute the finish line clip, music only" muted the music, "can they be a bit louder than the music"
turned the MUSIC up, "the red lights make the text unreadable" made the title red, "cut it to just the
first 10 sec" cut those 10 s away, "作品展示那段只要后面一半" removed five pictures, "跑步机那个太长了 剪到4秒"
cut the whole video to 4 s, "字幕有两个错字 '私教'它写成'司教'了" set every caption to "司教", "cut it to 30s
but don't cut off jordan" set Jordan's photo to 30 s, "再来个黑白的感觉?算了 …" applied black and white;
the B&B's first cut had no text at all and the gig's was 62 s long for "15 seconds max". Each case below
is one of them, checked through the planner as a session plans it.
"""

from __future__ import annotations

import pytest

from reelforge.planner import ending, plan, time_words
from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.planner.rules.corrections import as_change, said_first
from reelforge.session import Session
from reelforge.timeline import Role

from .test_compose import aud, clip, img

PICS = [img("IMG_0412.jpg", 0), img("beach.jpg", 1), img("cat photo.jpg", 2)]
CLIP = clip("street.mp4", 9000)
LIB = [*PICS, CLIP, aud("bgm.mp3", 60_000)]
VO_LIB = [*PICS, CLIP, aud("voiceover.mp3", 20_000), aud("bgm.mp3", 60_000)]


def _plan(first: str, lib, edit: str):
    tl = plan(first, lib).timeline
    r = plan_edit(edit, tl, library=tuple(lib))
    return tl, r, (apply(tl, r.ops, library=tuple(lib)) if r.ops else tl)


def _texts(tl, role: Role | None = None) -> list[str]:
    return [s.text for tr in tl.tracks if tr.role in ((role,) if role else (Role.TITLE, Role.CAPTION, Role.CTA))
            for s in tr.segments]


def _first(first: str, lib) -> dict[Role, list[str]]:
    tl = plan(first, lib).timeline
    return {role: _texts(tl, role) for role in (Role.TITLE, Role.CAPTION, Role.CTA)}


# -- destructive misreads -------------------------------------------------------------------------

def test_a_clock_after_pickup_is_no_length():
    # "packet pickup 6:45" set the video to 405 s
    assert time_words.parse_duration_ms("its 7:30am start not 8, packet pickup 6:45") is None
    assert time_words.parse_duration_ms("use our song from the chorus (starts ~1:02). 15 seconds max") == 15_000
    assert time_words.parse_duration_ms("make it 1:30") == 90_000


def test_music_only_after_a_mute_is_what_is_left_to_hear():
    tl, r, after = _plan("promo", VO_LIB, "mute the clip, music only")
    assert r.status == "ok" and [type(o) for o in r.ops] == [O.SetClipAudio], r.ops
    assert after.track(Role.MUSIC).segments[0].volume > 0 and after.track(Role.VOICE) is not None


def test_louder_than_the_music_never_turns_the_music_up():
    _, r, _ = _plan("promo", LIB, "actually the singing bowls are nice, can they be a bit louder than the music during that part")
    assert r.status == "ambiguous" and not r.ops and "louder than the music" in r.reply
    _, r, _ = _plan("promo, use the voiceover", VO_LIB, "make the voice louder than the music")
    assert r.status == "ok" and all(getattr(o, "role", None) == "voice" for o in r.ops), r.ops


def test_unreadable_text_gets_a_box_not_the_colour_of_the_lights():
    _, r, _ = _plan("recipe video, steps: 1. whisk 2. fry 3. serve", PICS, "the red lights make the text unreadable on the first pic")
    assert r.status == "ok" and len(r.ops) == 1, r.ops
    op = r.ops[0]
    assert isinstance(op, O.UpdateText) and op.background is not None and op.color is None
    assert op.target.name == "1. whisk"  # the text on that picture only


@pytest.mark.parametrize(("edit", "kept"), [
    ("cut it to just the first 5 sec of the clip", (0, 5000)),
    ("only keep the last 3 seconds of the clip", (None, 3000)),
])
def test_the_part_of_a_clip_kept(edit, kept):
    tl, r, after = _plan("promo", LIB, edit)
    shot = next(s for s in after.track(Role.MAIN).segments if s.src == CLIP.id)
    before = next(s for s in tl.track(Role.MAIN).segments if s.src == CLIP.id)
    assert r.status == "ok" and shot.duration == kept[1], (r.reply, shot)
    if kept[0] == 0:
        assert shot.in_ms == before.in_ms  # its first seconds, not the first seconds cut away
    else:
        assert shot.in_ms == before.in_ms + before.duration - kept[1]


def test_the_second_half_of_a_clip_removes_no_picture():
    # "作品展示那段只要后面一半" removed every picture ("只要" read as "keep only these shots")
    lib = [*PICS, clip("作品展示.mp4", 12_000)]
    tl, r, after = _plan("做个招生视频", lib, "作品展示那段只要后面一半")
    assert r.status == "ok" and len(after.track(Role.MAIN).segments) == len(tl.track(Role.MAIN).segments)
    shot = next(s for s in after.track(Role.MAIN).segments if s.name == "作品展示.mp4")
    before = next(s for s in tl.track(Role.MAIN).segments if s.name == "作品展示.mp4")
    assert shot.duration == before.duration - before.duration // 2


def test_a_whole_video_cut_to_its_first_seconds():
    tl, r, after = _plan("promo", PICS, "cut it to just the first 5 sec")
    assert r.status == "ok" and after.duration == 5000 and after.track(Role.MAIN).segments[0].src == PICS[0].id


@pytest.mark.parametrize("edit", ["跑步机那个太长了 剪到4秒", "口播太长了 只要前4秒"])
def test_a_chinese_length_after_a_shot_named_is_that_shots(edit):
    lib = [*PICS, clip("跑步机.mp4", 9000), clip("口播.mp4", 9000)]
    tl, r, after = _plan("做个健身房视频 25秒", lib, edit)
    assert r.status == "ok" and after.duration > 10_000, (r.reply, after.duration)
    named = "跑步机.mp4" if "跑步机" in edit else "口播.mp4"
    assert next(s for s in after.track(Role.MAIN).segments if s.name == named).duration == 4000


def test_the_wrong_words_on_screen_are_made_right():
    # "字幕有两个错字 '私教'它写成'司教'了" set every caption to "司教"
    tl = plan("做个视频", PICS).timeline
    tl = apply(tl, plan_edit("加字幕：送2节司教课", tl, library=tuple(PICS)).ops, library=tuple(PICS))
    for edit in ("字幕有两个错字 '私教'它写成'司教'了", "私教写成了司教"):
        r = plan_edit(edit, tl, library=tuple(PICS))
        assert r.status == "ok" and [o.text for o in r.ops] == ["送2节私教课"], r.reply
    r = plan_edit("'团课'它写成'团客'了", tl, library=tuple(PICS))
    assert r.status != "ok" and "团客" in r.reply


@pytest.mark.parametrize(("edit", "ops"), [
    ("再来个黑白的感觉?算了 还是彩色 就是亮一点", [O.SetGrade]),
    ("make it black and white? nah never mind, just brighter", [O.SetGrade]),
])
def test_a_wish_taken_back_is_left_out(edit, ops):
    _, r, _ = _plan("promo", PICS, edit)
    assert r.status == "ok" and [type(o) for o in r.ops] == ops and r.ops[0].saturation is None, r.ops


def test_what_must_not_be_cut_is_no_target():
    _, r, after = _plan("promo, use the voiceover", VO_LIB, "cut it to 30s but don't cut off the voiceover")
    assert r.status == "ok" and [type(o) for o in r.ops] == [O.SetTotalDuration] and after.duration == 30_000


def test_a_new_date_said_for_an_event_moves_the_date_not_the_title():
    lib = [*PICS, aud("bgm.mp3", 60_000)]
    tl, r, after = _plan("火锅店开业 做个抖音视频 蜀味老灶火锅 3月18号周三开业 电话028-85561234 20秒", lib, "开业改成3月20号了 周五")
    assert r.status == "ok" and _texts(after, Role.TITLE) == _texts(tl, Role.TITLE), r.reply
    assert any("3月20号" in t and "周五" in t for t in _texts(after)), _texts(after)


# -- first cuts ----------------------------------------------------------------------------------

def test_a_bed_and_breakfast_first_cut_shows_its_facts():
    # no text at all
    shown = _first("帮我做个小红书的视频 山月民宿五一预定 588一晚起 连住两晚送早餐和下午茶 地址德清莫干山镇劳岭村 "
                   "订房加微信13805726621 竖屏 30秒左右", [*PICS, aud("轻音乐.mp3", 60_000)])
    assert shown[Role.TITLE] == ["山月民宿"]
    assert "德清莫干山镇劳岭村" in " ".join(shown[Role.CAPTION] + shown[Role.CTA])
    assert "13805726621" in " ".join(shown[Role.CAPTION] + shown[Role.CTA])


@pytest.mark.parametrize(("first", "title"), [
    ("火锅店开业 做个抖音视频 蜀味老灶火锅 3月18号周三开业!前三天全场88折 进店送冰粉", "蜀味老灶火锅"),
    ("做个视频号和朋友圈用的 PowerHouse健身 双12年卡活动 原价3280 现在1999", "PowerHouse健身"),
    ("帮忙做一个暑假招生视频 启航少儿编程 暑期班 7-14岁", "启航少儿编程"),
    ("瑜伽工作室新年特惠，年卡只要1999元", "瑜伽工作室新年特惠"),
])
def test_a_chinese_business_named_titles_the_video(first, title):
    assert _first(first, PICS)[Role.TITLE] == [title]


def test_eighty_eight_percent_is_not_eighty():
    assert ending.offer_in("前三天全场88折 进店送冰粉") == "全场88折"
    assert ending.offer_in("全场8折") == "全场8折"


def test_the_phone_number_is_the_one_after_its_word():
    said = "7月6号开班 每周二四六上午9:30-11:30 2680一期12节课 电话0571-86612200 30秒"
    assert ending.contact_in(said) == ending.phone_in(said) == "0571-86612200"


def test_a_price_with_a_thousands_comma_stays_whole():
    shown = _first("reel for our retreat!! 'Sunrise Flow' yoga retreat, Tulum Mexico, May 14-18 2026 (Thu-Mon). "
                   "$1,450 shared room / $1,890 private. early bird 15% off w code SUNRISE15", PICS)
    assert "$1,450 shared room / $1,890 private" in shown[Role.CAPTION]
    assert not any(t.endswith("$1") for t in shown[Role.CAPTION])


def test_a_band_name_in_capitals_and_the_song_from_the_chorus():
    lib = [img("band_live_01.jpg", 0), img("poster_v3.png", 1), clip("soundcheck.mov", 20_000),
           aud("velvet static - neon teeth (master).wav", 214_000)]
    s = Session.new()
    s.add_ingested(lib)
    r = s.handle("tiktok vid for our show!! THE VELVET STATIC w/ Lo Moth — fri june 5 @ the bluebird room, doors 8 / "
                 "music 9, $15 adv $20 door 21+. tix dice.fm/velvetstatic . use our song neon teeth from the chorus "
                 "(starts ~1:02). 15 seconds max, fast cuts, bold text. no soundcheck audio")
    tl = s.timeline
    assert r.status == "ok" and tl.duration == 15_000
    assert _texts(tl, Role.TITLE) == ["THE VELVET STATIC"]
    assert tl.track(Role.MUSIC).segments[0].in_ms == 62_000
    assert next(x for x in tl.track(Role.MAIN).segments if x.name == "soundcheck.mov").mute
    assert "dice.fm/velvetstatic" in " ".join(_texts(tl))


def test_a_chinese_first_cut_places_leaves_out_and_keeps_its_length():
    lib = [img("门头.jpg", 0), img("锅底.jpg", 1), clip("老板讲话.mp4", 15_000), aud("喜庆鼓点.mp3", 60_000)]
    s = Session.new()
    s.add_ingested(lib)
    s.handle("火锅店开业 做个抖音视频 蜀味老灶火锅 20秒 老板讲话那个不用")
    assert [x.name for x in s.timeline.track(Role.MAIN).segments] == ["门头.jpg", "锅底.jpg"]
    assert s.timeline.duration == 20_000
    lib = [img("主图.jpg", 0), img("试穿1.jpg", 1), clip("口播.mp4", 12_000), aud("bgm.mp3", 60_000)]
    s = Session.new()
    s.add_ingested(lib)
    s.handle("直播预告视频 抖音用 周四晚8点 抖音号xiaolu_closet 用口播那个视频开头 要有她说话的声音 配字幕 20秒就行")
    assert s.timeline.track(Role.MAIN).segments[0].name == "口播.mp4" and s.timeline.duration == 20_000
    assert s.timeline.track(Role.VOICE) is None  # 口播.mp4 is a clip, never the voiceover


# -- edits as people type them ----------------------------------------------------------------------

@pytest.mark.parametrize(("edit", "answer"), [
    ("how many pics are in it right now", "3 pictures and 1 clip"),
    ("whats the 3rd shot", "cat photo.jpg"),
    ("how long is the video right now?", "20 s long"),
    ("现在一共多长", "20秒"),
    ("现在第三张是哪张", "cat photo.jpg"),
    ("does the street clip still have sound?", "street.mp4"),
])
def test_questions_are_answered_and_nothing_changes(edit, answer):
    _, r, _ = _plan("promo, 20 seconds", LIB, edit)
    assert not r.ops and answer.lower() in r.reply.lower(), r.reply


def test_how_long_each_picture_a_name_starts_shows():
    lib = [img("biscuit before.jpg", 0), img("biscuit after.jpg", 1), img("mochi before.jpg", 2), img("mochi after.jpg", 3)]
    _, r, _ = _plan("before and after video", lib, "how long is each after pic showing")
    assert not r.ops and "biscuit after.jpg" in r.reply.lower() and "mochi after.jpg" in r.reply.lower()
    tl, r, after = _plan("before and after video", lib, "the after pics should stay up longer than the befores")
    longer = {s.name for s, b in zip(after.track(Role.MAIN).segments, tl.track(Role.MAIN).segments, strict=True)
              if s.duration > b.duration}
    assert r.status == "ok" and longer == {"biscuit after.jpg", "mochi after.jpg"}, r.reply


@pytest.mark.parametrize("edit", ["the street clip - no sound pls its so loud", "street clip no sound", "no street audio",
                                  "mute the street clip the wind noise is awful"])
def test_a_clip_muted_as_typed(edit):
    _, r, after = _plan("promo", LIB, edit)
    assert r.status == "ok" and [type(o) for o in r.ops] == [O.SetClipAudio], r.reply
    assert next(s for s in after.track(Role.MAIN).segments if s.src == CLIP.id).mute


@pytest.mark.parametrize(("edit", "mute"), [("航拍那段声音去掉 有风声", True), ("航拍那段声音留着 好听", False)])
def test_a_chinese_clip_by_half_its_name(edit, mute):
    # "航拍那段声音去掉" REMOVED the shot; 泳池航拍.mp4 could not be named by 航拍
    lib = [*PICS, clip("泳池航拍.mp4", 9000)]
    _, r, after = _plan("做个民宿视频", lib, edit)
    assert r.status == "ok" and [type(o) for o in r.ops] == [O.SetClipAudio] and r.ops[0].mute is mute, r.reply
    assert len(after.track(Role.MAIN).segments) == 4


@pytest.mark.parametrize(("edit", "said"), [
    ("wait she can only do 2-3:30 now 😩", "2-3:30pm"),
    ("its 2-3:30 now", "2-3:30pm"),
])
def test_hours_said_without_pm(edit, said):
    assert said_first(edit, ["Sat April 11, 2–4pm · 88 Harbor St"]) == f"change 2–4pm to {said}"
    assert as_change(edit, ["Sat Dec 12 at 7pm"]) is None  # (it set when the caption shows)


@pytest.mark.parametrize(("edit", "shown", "new"), [
    ("its june 6 sat. june 5 was the old date 🙃", "Fri June 5", "Sat June 6"),
    ("phone number is 512-702-4418 (austin area code lol)", "Call 555-702-4418", "Call 512-702-4418"),
])
def test_corrections_with_asides(edit, shown, new):
    tl = plan(f"promo, add the caption '{shown}'", PICS).timeline
    r = plan_edit(edit, tl, library=tuple(PICS))
    assert r.status == "ok" and new in _texts(apply(tl, r.ops, library=tuple(PICS))), r.reply


@pytest.mark.parametrize(("edit", "first"), [
    ("book cover should be first", "book cover final.png"),
    ("the book cover should go first", "book cover final.png"),
    ("start with the intro clip", "hr manager intro.mp4"),
    ("先放院子", "院子.jpg"),
])
def test_where_a_shot_goes_said_as_what_it_should_be(edit, first):
    lib = [img("storefront.jpg", 0), img("book cover final.png", 1), img("院子.jpg", 2), clip("hr manager intro.mp4", 12_000)]
    _, r, after = _plan("promo", lib, edit)
    assert r.status == "ok" and after.track(Role.MAIN).segments[0].name == first, r.reply


def test_the_middle_of_a_clip_whose_length_is_said():
    lib = [*PICS, clip("screen recording dashboard.mp4", 25_000)]
    tl, r, after = _plan("promo, 35 seconds", lib, "the screen recording is 25 seconds, only use 8 sec of it from the middle")
    assert r.status == "ok" and len(r.ops) == 1 and isinstance(r.ops[0], O.TrimSegment), r.ops
    shot = next(s for s in after.track(Role.MAIN).segments if s.name.startswith("screen"))
    assert shot.duration == 8000 and shot.in_ms > 0


def test_slides_are_the_pictures_named_so():
    lib = [img("slide_title.png", 0), img("jordan headshot.jpg", 1), img("slide_agenda.png", 2)]
    for edit in ("no zoom on the slides please", "remove the slides"):
        _, r, _ = _plan("webinar promo", lib, edit)
        assert r.status == "ok" and {o.target.name for o in r.ops} == {"slide_title.png", "slide_agenda.png"}, r.reply


def test_the_voiceover_cut_off_fits_the_video_to_it():
    _, r, _ = _plan("promo, 10 seconds, use the voiceover", VO_LIB, "the reading gets cut off at the end")
    assert r.status == "ok" and [type(o) for o in r.ops] == [O.FitToVoice]


def test_the_music_from_a_point_in_the_song():
    _, r, _ = _plan("promo, 15 seconds", LIB, "chorus actually hits at 0:44 my bad")
    assert [o.from_ms for o in r.ops] == [44_000]
    _, r, _ = _plan("promo, 15 seconds", LIB, "start the music at 0:44")
    assert [o.from_ms for o in r.ops] == [44_000] and "into the song" in r.reply


def test_toned_down():
    _, r, _ = _plan("promo, playful", PICS, "its too much going on, tone it down, less bouncy")
    assert [type(o) for o in r.ops] == [O.SetStyle] and r.reply.count("Read as") == 1


@pytest.mark.parametrize(("edit", "new"), [
    ("日期也加上 3月26号", "3月26号周四晚8点"),
    ("开班时间是3月27号 周五", None),
])
def test_chinese_dates_added_or_said_anew(edit, new):
    tl = plan("直播预告视频 周四晚8点 抖音号xiaolu_closet", PICS).timeline
    r = plan_edit(edit, tl, library=tuple(PICS))
    texts = _texts(apply(tl, r.ops, library=tuple(PICS)))
    assert r.status == "ok" and (any(new in t for t in texts) if new else not any("开班时间" in t for t in texts)), (r.reply, texts)


def test_letters_yellow_on_a_red_picture():
    _, r, _ = _plan("火锅店开业 蜀味老灶火锅 进店送冰粉", PICS, "字用黄色的 红底上看不清")
    assert r.status == "ok" and all(o.color == "#FFD700" or o.color for o in r.ops)
    assert all(o.box_color is None and o.size is None for o in r.ops), r.ops


def test_a_step_by_its_number_and_the_captions_look():
    first = "recipe video, steps: 1. whisk the eggs 2. fry them in butter 3. serve"
    _, r, after = _plan(first, PICS, "change step 2 to fry in olive oil")
    assert "2. fry in olive oil" in _texts(after, Role.CAPTION)
    _, r, after = _plan(first, PICS, "第三步改成装盘")
    assert "3. 装盘" in _texts(after, Role.CAPTION)
    _, r, after = _plan(first, PICS, "make the caption text smaller")
    assert r.status == "ok" and len(r.ops) == 3  # every caption, not "which one?"


def test_a_qr_code_is_the_picture_given_or_said_to_be_missing():
    _, r, _ = _plan("promo", PICS, "能不能加个二维码")
    assert r.status != "ok" and "二维码" in r.reply
    lib = [*PICS, img("店铺二维码.png", 5)]
    _, r, _ = _plan("promo", PICS, "add the qr code in the bottom right")
    assert not r.ops
    tl = plan("promo", PICS).timeline
    r = plan_edit("add the qr code in the bottom right", tl, library=tuple(lib))
    assert r.status == "ok" and any(isinstance(o, O.AddLogo) and o.asset_id == lib[-1].id for o in r.ops), r.ops


def test_the_music_waits_for_the_clip_that_speaks():
    lib = [clip("hr manager intro.mp4", 14_000), *PICS, aud("upbeat corporate.mp3", 60_000)]
    tl, r, after = _plan("we're hiring, 30 second video", lib, "can the music not start until dana finishes talking")
    intro = next(s for s in tl.track(Role.MAIN).segments if s.src == lib[0].id)
    assert r.status == "ok" and after.track(Role.MUSIC).segments[0].start == intro.end, r.reply
    _, r, _ = _plan("we're hiring, 30 second video", [*PICS, lib[0], lib[-1]], "can the music not start until dana finishes talking")
    assert r.status != "ok" and "first" in r.reply  # the clip is last: no music would be heard


def test_the_pay_line_and_a_colour_said_after():
    tl = plan("we're hiring warehouse associates, $21.50/hr, $500 sign on bonus, apply at northgatejobs.com", PICS).timeline
    r = plan_edit("make the pay line stand out more, like yellow", tl, library=tuple(PICS))
    assert r.status == "ok" and len(r.ops) == 1 and r.ops[0].color and r.ops[0].background is not None, r.reply
    assert "21.50" in r.reply and "sign on bonus" not in r.reply


def test_a_clip_added_plays_the_part_said():
    lib = [*PICS, clip("老板讲话.mp4", 15_000)]
    tl = plan("火锅店开业 20秒", PICS).timeline
    r = plan_edit("还是加上老板讲话吧 放最后 只要前面6秒", tl, library=tuple(lib))
    after = apply(tl, r.ops, library=tuple(lib))
    assert r.status == "ok" and after.track(Role.MAIN).segments[-1].duration == 6000 and after.duration > 20_000, r.reply


def test_a_chinese_wish_taken_back_with_budui():
    lib = [img("主图.jpg", 0), img("丝巾.jpg", 1), img("试穿1.jpg", 2)]
    _, r, after = _plan("直播预告", lib, "把丝巾那张删了 不对 删试穿1")
    assert r.status == "ok" and [s.name for s in after.track(Role.MAIN).segments] == ["主图.jpg", "丝巾.jpg"], r.reply


def test_a_price_said_wrong_then_right_and_not_the_old():
    # "the price is wrong its $89 not $79, sorry" wrote "$89 not $79" over the price
    assert said_first("the price is wrong its $89 not $79, sorry", ["$79", "Book at brightsmiledental.com/book"]) \
        == "change $79 to $89"


def test_a_name_opening_the_next_sentence_titles_the_video():
    shown = _first("hey can you make a 30 sec video for our dental clinic for fb and ig feed. BrightSmile Dental, new "
                   "patient special $79 cleaning + exam thru March 31. call (555) 318-2040", PICS)
    assert shown[Role.TITLE] == ["BrightSmile Dental"]


@pytest.mark.parametrize(("first", "title"), [
    ("make a 30s promo for the riverbend 5k for paws!! sun sept 20, 8am, riverside park. register runsignup.com/paws5k "
     "— code EARLYPAW = $5 off till aug 31", "Riverbend 5K for Paws"),
    ("hiii can u make an ig reel for our spring repotting weekend 🌿 sat+sun april 4-5, 10-6. 20% off all pots. "
     "follow @fernandfig.plants", "Spring Repotting Weekend"),
])
def test_an_event_named_in_lower_case_beside_an_offer_is_the_title(first, title):
    # no title at all: a contact or an offer turned the reader off, "5k" cut the name, an emoji ran into it
    assert _first(first, PICS)[Role.TITLE] == [title]


@pytest.mark.parametrize("edit", ["原价那个划掉的效果能做吗", "can you cross out the old price"])
def test_a_strikethrough_is_said_to_be_missing(edit):
    _, r, _ = _plan("promo, was $210 now $79", PICS, edit)
    assert not r.ops and ("删除线" in r.reply or "struck through" in r.reply), r.reply


def test_pictures_named_alike_get_no_caption_from_their_names():
    lib = [img("主图.jpg", 0), img("试穿1.jpg", 1), img("试穿2.jpg", 2), img("丝巾.jpg", 3), img("直播间.jpg", 4)]
    captions = _first("直播预告视频 小鹿的衣橱春装上新", lib)[Role.CAPTION]
    assert "试穿" not in captions and "丝巾" in captions, captions  # ("试穿", "试穿": which is which?)


def test_before_and_after_pictures_named_so_each_get_theirs():
    # four pictures: "BEFORE" was the title and "AFTER" one caption
    lib = [img("biscuit before.jpg", 0), img("biscuit after.jpg", 1), img("mochi before.jpg", 2), img("mochi after.jpg", 3),
           img("van outside.jpg", 4)]
    tl = plan("before & after vid for tiktok. each before then its after. text 'BEFORE' / 'AFTER' on them. 20 sec", lib).timeline
    shots = {s.id: s.name for s in tl.track(Role.MAIN).segments}
    on = {shots[s.shot]: s.text for tr in tl.tracks if tr.role is Role.CAPTION for s in tr.segments if s.shot in shots}
    assert on == {"biscuit before.jpg": "BEFORE", "biscuit after.jpg": "AFTER", "mochi before.jpg": "BEFORE",
                  "mochi after.jpg": "AFTER"}, on
    assert "BEFORE" not in _texts(tl, Role.TITLE)


@pytest.mark.parametrize(("edit", "colours"), [
    ("make the title red? never mind, make it blue", 1),  # ("never mind" had lost what "it" was)
    ("make the title red, actually no blue", 2),  # a value corrected: the last one stands
])
def test_a_title_colour_taken_back_keeps_what_it_is(edit, colours):
    _, r, after = _plan("promo, add the title 'Sale'", PICS, edit)
    blue = plan_edit("make the title blue", plan("promo, add the title 'Sale'", PICS).timeline, library=tuple(PICS)).ops[0].color
    assert r.status == "ok" and len(r.ops) == colours and r.ops[-1].color == blue, r.ops
    assert after.track(Role.TITLE).segments[0].color == blue


@pytest.mark.parametrize("edit", ["the pay is $22/hr now", "pay is wrong, its $22/hr", "make the pay $22/hr", "its $22/hr now"])
def test_the_pay_corrected_beside_another_price(edit):
    # with "$500 sign on bonus" shown too (its amount was dropped before), "the pay" is the price by the hour
    tl, r, after = _plan("we're hiring, $21.50/hr, $500 sign on bonus, apply at northgatejobs.com", PICS, edit)
    texts = _texts(after)
    assert r.status == "ok" and "$22/hr" in texts and "$500 sign on bonus" in texts, (r.reply, texts)
