"""User tests of session 29: a third batch typed by someone who had not seen the planner, and the
Chinese first cuts of session 28's batch read again.

Chinese marketers list their facts between spaces ("山月民宿五一预定 588一晚起 连住两晚送早餐和下午茶 地址…
订房加微信138…"): the first cuts showed the title, an address and a bare phone number, and dropped the price,
the gifts, the limits and the schedule. Adding a caption to a picture whose caption was one of those facts
took its place ("给我加个字幕在颁奖那张 '…'" removed "2680一期12节课", and the row under the call to action).
Each case below is one of them, checked through the planner as a session plans it.
"""

from __future__ import annotations

import re

from reelforge.planner import ending, facts, plan, time_words
from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role

from .test_compose import aud, clip, img

ROOMS = [img("院子.jpg", 0), img("房间1.jpg", 1), img("房间2.jpg", 2), img("IMG_6632.JPG", 3), img("下午茶.jpg", 4),
         img("竹林.jpg", 5), clip("泳池航拍.mp4", 8000), aud("轻音乐.mp3", 120_000)]
GYM = [img("器械区.jpg", 0), img("团课.jpg", 1), img("IMG_8810.JPG", 2), img("更衣室.jpg", 3), clip("跑步机.mov", 6000),
       img("教练合照.png", 5), aud("workout_beat.mp3", 90_000)]
CLASS = [img("教室.jpg", 0), img("上课1.jpg", 1), img("上课2.jpg", 2), img("作品展示.jpg", 3), img("颁奖.jpg", 4),
         img("老师介绍.jpg", 5), aud("bgm轻快.mp3", 90_000)]
B_AND_B = ("帮我做个小红书的视频 山月民宿五一预定 588一晚起 连住两晚送早餐和下午茶 地址德清莫干山镇劳岭村 订房加微信13805726621 "
           "竖屏 30秒左右 先放院子 航拍放最后 文艺一点")
GYM_CARD = ("做个视频号和朋友圈用的 PowerHouse健身 双12年卡活动 原价3280 现在1999!!再送2节私教课 12.1-12.12 仅限前100名 "
            "地址南山科技园科苑路15号B1 咨询小王15912348866 加字幕 25秒 要有冲击力")
CODING = ("帮忙做一个暑假招生视频 发朋友圈和抖音 启航少儿编程 暑期班 scratch/python 7-14岁 小班6人 7月6号开班 "
          "每周二四六上午9:30-11:30 2680一期12节课 6月15号前报名减300 免费试听一节 地址滨江江南大道588号恒鼎中心5楼 "
          "电话0571-86612200 30秒")


def _texts(tl, role: Role) -> list[str]:
    return [s.text for tr in tl.tracks if tr.role is role for s in tr.segments]


# -- the facts a Chinese list types between spaces --------------------------------------------------

def test_the_pieces_of_a_chinese_list_that_state_what_the_viewer_gets():
    said = [p for _, p in facts.zh_pieces(B_AND_B)]
    assert said == ["588一晚起", "连住两晚送早餐和下午茶"]  # not the address, the WeChat, 竖屏, 30秒左右, 文艺一点
    assert [p for _, p in facts.zh_pieces(GYM_CARD)] == ["原价3280 现在1999", "再送2节私教课", "12.1-12.12", "仅限前100名"]
    assert [p for _, p in facts.zh_pieces("直播预告视频 抖音用 整点抽免单 全场满199减30 前50单送丝巾 用口播那个视频开头 配字幕")] \
        == ["整点抽免单", "全场满199减30", "前50单送丝巾"]
    assert facts.zh_pieces("做个抖音视频 20秒 门头放第一个 要热闹一点 音乐大声点") == []


def test_a_chinese_first_cut_shows_the_facts_listed_between_spaces():
    tl = plan(B_AND_B, ROOMS).timeline
    assert _texts(tl, Role.TITLE) == ["山月民宿"]
    assert _texts(tl, Role.CAPTION)[:2] == ["588一晚起", "连住两晚送早餐和下午茶"]
    assert _texts(tl, Role.CTA) == ["订房加微信 13805726621"]  # (it was the number alone)
    gym = plan(GYM_CARD, GYM).timeline
    assert _texts(gym, Role.CAPTION) == ["原价3280，现在1999", "再送2节私教课", "12.1-12.12", "仅限前100名", "南山科技园科苑路15号B1"]
    assert _texts(gym, Role.CTA) == ["咨询小王 15912348866"]
    kids = plan(CODING, CLASS).timeline
    shown = " ".join(_texts(kids, Role.CAPTION) + _texts(kids, Role.CTA))
    for fact in ("7-14岁", "小班6人", "每周二四六上午9:30-11:30", "2680一期12节课", "6月15号前报名减300", "免费试听一节",
                 "滨江江南大道588号恒鼎中心5楼", "0571-86612200"):
        assert fact in shown, fact
    # (the file names are no captions where the instruction typed facts: "器械区", "团课")
    assert not {"器械区", "团课", "更衣室"} & set(_texts(gym, Role.CAPTION))


def test_the_offer_with_what_it_says_of_itself_is_the_call_to_action():
    hotpot = plan("火锅店开业 做个抖音视频 蜀味老灶火锅 3月18号周三开业!前三天全场88折 进店送冰粉 人均89 "
                  "地址成都武侯区玉林西路66号 电话028-85561234 20秒", CLASS).timeline
    assert _texts(hotpot, Role.CTA) == ["前三天全场88折"]
    assert _texts(hotpot, Role.CAPTION)[:2] == ["进店送冰粉", "人均89"]
    # a label is no part of it: "费用99元/人" ends on "99元/人"
    assert _texts(plan("周末亲子活动，6-12岁儿童，名额20个，费用99元/人，报名电话021-12345678", CLASS).timeline,
                  Role.CTA) == ["99元/人"]


def test_a_street_address_keeps_its_building_and_floor():
    assert ending.street_in("地址南山科技园科苑路15号B1 咨询") == "南山科技园科苑路15号B1"
    assert ending.street_in("地址滨江江南大道588号恒鼎中心5楼 电话") == "滨江江南大道588号恒鼎中心5楼"
    assert ending.street_in("人民路8号3楼") == "人民路8号3楼"
    assert ending.street_in("地址成都武侯区玉林西路66号 电话028") == "成都武侯区玉林西路66号"


def test_the_price_of_what_a_correction_names_changes_not_its_name():
    # "年卡改成1899元" on "年卡只要1999元" wrote "1899元只要1999元"
    first = "瑜伽馆新年特惠，年卡只要1999元，1月1日-1月15日，地址：南京路100号，电话021-12345678"
    tl = plan(first, CLASS).timeline
    r = plan_edit("年卡改成1899元", tl, library=tuple(CLASS))
    assert _texts(apply(tl, r.ops, library=tuple(CLASS)), Role.CTA) == ["年卡只要1899元"]


# -- a caption added to a picture that has one ------------------------------------------------------

def test_a_caption_added_to_a_picture_shares_it_with_the_fact_there():
    tl = plan(CODING, CLASS).timeline
    before = _texts(tl, Role.CAPTION)
    r = plan_edit("给我加个字幕在颁奖那张 '学员作品获全国青少年编程大赛二等奖'", tl, library=tuple(CLASS))
    new = apply(tl, r.ops, library=tuple(CLASS))
    after = _texts(new, Role.CAPTION)
    assert "学员作品获全国青少年编程大赛二等奖" in after
    assert set(before) <= set(after)  # the fact it had and the row under the call to action stay
    caps = sorted((s for tr in new.tracks if tr.role is Role.CAPTION for s in tr.segments), key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(caps, caps[1:], strict=False))  # one after the other, never both at once
    added = next(s for s in caps if s.text.startswith("学员"))
    assert added.end - added.start >= 1_200


def test_a_caption_made_from_the_file_name_gives_way_to_the_one_added():
    tl = plan("promo for our gym, 20 seconds, add captions", GYM[:4]).timeline
    named = next(s for tr in tl.tracks if tr.role is Role.CAPTION for s in tr.segments)
    shot = next(i for i, s in enumerate(tl.tracks[0].segments) if s.id == named.shot)
    new = apply(tl, [O.AddText(text="新器械到店", role="caption", shot=O.Target(index=shot))], library=tuple(GYM))
    assert named.text not in _texts(new, Role.CAPTION) and "新器械到店" in _texts(new, Role.CAPTION)


# -- the third batch: 14 sessions typed by someone who had not seen the planner ---------------------

def _lib(*files: tuple[str, str, float]) -> list:
    """Files as the batch gave them: (name, kind, seconds)."""
    out = []
    for i, (name, kind, secs) in enumerate(files):
        out.append(img(name, i) if kind == "image" else clip(name, int(secs * 1000)) if kind == "video"
                   else aud(name, int(secs * 1000)))
    return out


UNI = _lib(("DJI_0034.MP4", "video", 22), ("campus_library_2025.jpg", "image", 0), ("students lab coats.jpg", "image", 0),
           ("Open Day poster FINAL v2.png", "image", 0), ("WhatsApp Image 2026-02-11 at 09.41.12.jpeg", "image", 0),
           ("dean welcome voiceover.m4a", "voice", 28), ("inspiring-corporate-piano.mp3", "music", 180))
UNI_FIRST = ("open day promo for northbrook uni, sat 14 march 10am-3pm, main campus 200 college rd. start with the drone shot "
             "(no sound on it, its just wind) then library, lab, the ambassadors pic last. deans voiceover over the whole "
             "thing w subtitles pls. piano music low under the voice. register at northbrook.ac.uk/openday . 30s landscape")
GAME = _lib(("gameplay_capture_2026-05-01_22-14-07.mp4", "video", 64), ("boss fight 60fps.mp4", "video", 31),
            ("keyart_4k.png", "image", 0), ("steam_capsule_616x353.png", "image", 0), ("logo_transparent.png", "image", 0),
            ("OST_track03_lanterns.ogg", "music", 201), ("trailer vo take 2.wav", "voice", 24))
GAME_FIRST = ("launch trailer for our game MOTHLIGHT out may 22 on steam, wishlist now. 45s 16:9. open on the key art w logo, "
              "then gameplay, boss fight near the end, end card = capsule art + 'Wishlist on Steam' + release date. keep the "
              "game sfx on but low, OST track 3 as music, use vo take 2. no cheesy transitions plz, hard cuts")
PODCAST = _lib(("ep47_clip_raw.wav", "voice", 52), ("studio_two_mics.jpg", "image", 0),
               ("guest headshot - Dr. Amara Osei.jpg", "image", 0), ("cover art 3000x3000.png", "image", 0),
               ("Riverside_recording_ep47.mp4", "video", 52), ("intro jingle.mp3", "music", 8))
PODCAST_FIRST = ("trailer for ep 47 of the Half Full podcast w dr amara osei on burnout 🎙️ use the clip from 0:25 to 0:45 of the "
                 "wav thats the good bit, subtitles big and centered (people watch muted). show her headshot w her name + "
                 "'Burnout researcher, UCL', then the cover art at the end with 'new ep out tuesday — listen on spotify & "
                 "apple'. jingle at the start. square 1:1")
MARKET = _lib(("market_stalls_wide.jpg", "image", 0), ("IMG_3390.jpeg", "image", 0), ("IMG_3391.jpeg", "image", 0),
              ("IMG_3402.jpeg", "image", 0), ("kids petting goat.mp4", "video", 12), ("bluegrass_banjo_loop.mp3", "music", 60))
MARKET_FIRST = ("Saturday market is back!! opening day april 4, every sat 8am-1pm, Elm Street parking lot downtown. 40+ local "
                "vendors, live music, petting zoo for the kids 🐐 make a 20 sec video for facebook, start w the wide shot of "
                "the stalls. web: elmstreetmarket.org")
DRIVING = _lib(("驾校大门.jpg", "image", 0), ("训练场航拍.mp4", "video", 20), ("教练合影.jpeg", "image", 0), ("IMG_0088.JPG", "image", 0),
               ("招生简章.png", "image", 0), ("校长配音.m4a", "voice", 22), ("励志背景音乐.mp3", "music", 200))
DRIVING_FIRST = ("驾校暑假招生视频 安达驾校 C1手动挡3680 C2自动挡3980 学生凭学生证再减200 一人一车 包接送 报名电话138 0000 5678 "
                 "地址城北大道88号 用校长的配音 先放航拍 航拍声音不要 30秒 视频号和抖音都要发")
CLEANING = _lib(("厨房清洁前.jpg", "image", 0), ("厨房清洁后.jpg", "image", 0), ("深度保洁过程.mp4", "video", 25), ("阿姨团队.jpg", "image", 0),
                ("微信图片_20260310.jpg", "image", 0), ("轻快钢琴.mp3", "music", 90))
CLEANING_FIRST = ("做个家政保洁的宣传 洁家帮 日常保洁50元一小时 深度保洁 新房开荒 3月份新客首单8折 服务范围朝阳区 海淀区 电话400-800-1234 "
                  "先放厨房前后对比 然后擦玻璃的视频 声音关了 最后放阿姨团队合照 20秒 发朋友圈和小红书")


def _edit(first: str, lib, *edits: str):
    """The timeline after the first cut and ``edits`` as the rules plan them, with the last plan."""
    tl = plan(first, lib).timeline
    r = None
    for e in edits:
        r = plan_edit(e, tl, library=tuple(lib))
        tl = apply(tl, r.ops, library=tuple(lib)) if r.ops else tl
    return tl, r


def _session(first: str, lib):
    from reelforge.session import Session

    s = Session.new()
    s.add_ingested(lib)
    s.handle(first)
    return s.timeline


def _shots(tl) -> list[str]:
    return [s.name for s in tl.track(Role.MAIN).segments]


def test_numbers_that_are_no_length_of_the_video():
    # "evening show is 5:30 not 6" set 330 s; "is the banjo thing long enough? it's only a minute" 60 s; "drone bit is
    # too short make it 6 secs" 6 s; "航拍那段太长了 留5秒就行" 5 s; "start the music where the melody comes in, like 0:12" 12 s
    for first, lib, edit in ((UNI_FIRST, UNI, "oops evening show is 5:30 not 6, and its under 4 free not under 5"),
                             (MARKET_FIRST, MARKET, "is the banjo thing long enough? it's only a minute"),
                             (UNI_FIRST, UNI, "start the music where the melody comes in, like 0:12"),
                             (UNI_FIRST, UNI, "drone bit is too short make it 6 secs"),
                             (DRIVING_FIRST, DRIVING, "航拍那段太长了 留5秒就行")):
        tl, r = _edit(first, lib, edit)
        assert not any(isinstance(o, O.SetTotalDuration) for o in r.ops), edit
    tl, r = _edit(MARKET_FIRST, MARKET, "is the banjo thing long enough? it's only a minute")
    assert "60 s" in r.reply and not r.ops  # answered: it runs under all of it
    tl, _ = _edit(UNI_FIRST, UNI, "drone bit is too short make it 6 secs")
    assert next(s for s in tl.track(Role.MAIN).segments if s.name.startswith("DJI")).duration == 6000  # DJI: the drone
    tl, _ = _edit(DRIVING_FIRST, DRIVING, "航拍那段太长了 留5秒就行")
    assert next(s for s in tl.track(Role.MAIN).segments if "航拍" in s.name).duration == 5000
    tl, _ = _edit(UNI_FIRST, UNI, "start the music where the melody comes in, like 0:12")
    assert tl.track(Role.MUSIC).segments[0].in_ms == 12_000  # from that point of the song
    tl, r = _edit(UNI_FIRST, UNI, "音乐从1分钟那里开始吧 那段好听")
    assert tl.track(Role.MUSIC).segments[0].in_ms == 60_000 and "没有理解" not in r.reply  # a point of the song, not 60 s


def test_readings_that_destroyed_the_work():
    # "use the white logo at the start over the neon pic" undid every change ("start over")
    tl, r = _edit(MARKET_FIRST, MARKET, "make it warmer", "use the logo at the start over the wide pic")
    assert not any(isinstance(o, (O.Undo,)) for o in r.ops)
    # "menu board pic is unreadable on a phone just cut it" made hard cuts
    tl, r = _edit(MARKET_FIRST, MARKET, "market stalls pic is unreadable on a phone just cut it")
    assert [type(o) for o in r.ops] == [O.RemoveSegment] and "market_stalls_wide.jpg" not in _shots(tl)
    # "make the price text yellow w a black box" wrote those words over the price
    tl, r = _edit("promo, birria tacos only $12 this weekend", MARKET, "make the price text yellow w a black box, like a street sign")
    assert all(getattr(o, "text", None) is None for o in r.ops) and any(getattr(o, "color", None) for o in r.ops)
    # "hmm too busy w all the text. drop the address line" removed every text (the sentence with the
    # verb asks; "all the text" is a complaint): the address typed in lower case ("200 college rd")
    # is on screen since session 33, and only it goes
    tl, r = _edit(UNI_FIRST, UNI, "hmm too busy w all the text. drop the address line")
    assert [type(o) for o in r.ops] == [O.UpdateText] and r.ops[0].text == "Sat 14 March 10am-3pm", r.reply
    # "music should hit the drop at the boss fight" removed the music; the drop now lands on the boss fight
    tl, r = _edit(GAME_FIRST, GAME, "music should hit the drop at the boss fight, drop is at 1:05 in the track")
    boss = next(s for s in tl.track(Role.MAIN).segments if s.name.startswith("boss"))
    music = tl.track(Role.MUSIC).segments[0]
    assert music.start + (65_000 - music.in_ms) == boss.start
    # "招生简章那张图字太小 手机上看不清 去掉吧" removed every text
    tl, r = _edit(DRIVING_FIRST, DRIVING, "招生简章那张图字太小 手机上看不清 去掉吧")
    assert "招生简章.png" not in _shots(tl) and tl.track(Role.TITLE) is not None


def test_a_shot_part_and_lengths_said_of_a_shot():
    tl, r = _edit(GAME_FIRST, GAME, "the gameplay part is boring at the start, use 0:20 to 0:35 instead")
    game = next(s for s in tl.track(Role.MAIN).segments if s.name.startswith("gameplay"))
    assert (game.in_ms, game.duration) == (20_000, 15_000)
    tl, r = _edit(GAME_FIRST, GAME, "make the boss fight longer, like 14s")
    assert next(s for s in tl.track(Role.MAIN).segments if s.name.startswith("boss")).duration == 14_000
    before = plan(GAME_FIRST, GAME).timeline
    tl, r = _edit(GAME_FIRST, GAME, "boss fight needs to be longer its the money shot. like 10s")
    assert not r.ops and "already" in r.reply and tl.duration == before.duration  # (it is 11 s: no 10 s video)
    tl, r = _edit(GAME_FIRST, GAME, "vo is kinda quiet compared to the boss sfx")
    assert tl.track(Role.VOICE).segments[0].volume > 1.0


def test_words_said_around_a_correction():
    tl, r = _edit("ad for my detailing biz, full detail $149 this month only", MARKET, "oops price is $129 not 149")
    assert [s.text for tr in tl.tracks if tr.role is Role.CTA for s in tr.segments] == ["Full detail $129"]
    tl, r = _edit("ad for Two Guys and a Dolly moving, local moves from $89/hr", MARKET, "change $89/hr to $95/hr ugh")
    assert any(s.text.endswith("$95/hr") for tr in tl.tracks for s in getattr(tr, "segments", ()) if hasattr(s, "text"))
    tl, _ = _edit(PODCAST_FIRST, PODCAST, "spotify & apple -> add youtube too")
    assert tl.track(Role.CTA).segments[0].text.endswith("spotify, apple & youtube")
    tl, _ = _edit(PODCAST_FIRST, PODCAST, "its tuesday the 9th, put the date")
    assert tl.track(Role.CTA).segments[0].text == "new ep out tuesday the 9th — listen on spotify & apple"
    tl, _ = _edit(CLEANING_FIRST, CLEANING, "8折改成 首单立减30元")
    assert tl.track(Role.CTA).segments[0].text == "3月份新客首单立减30元"


def test_wishes_beyond_reelforge_are_answered_not_done():
    for edit in ("can you remove the girl in the back whos picking her nose lol", "能不能把那个阿姨的脸打个码 她不想露脸",
                 "can u make steam come off the tacos? like animated", "the couch on the stairs one is crooked, can u straighten it",
                 "can it be black and white except the nails?", "能加个倒计时吗 离直播还有几小时那种", "can you clean up the background hum",
                 "字体太现代了 有没有毛笔字那种"):
        first = CLEANING_FIRST if re.search(r"[\u4e00-\u9fff]", edit) else MARKET_FIRST
        tl, r = _edit(first, CLEANING if first is CLEANING_FIRST else MARKET, edit)
        assert not r.ops and r.reply and "understand" not in r.reply and "没有理解" not in r.reply, edit
    # (the text's own motion and a transition are no picture's: "用旋转转场" names a transition it lacks)
    tl, r = _edit(MARKET_FIRST, MARKET, "标题加个火焰表情")
    assert r.ops


def test_first_cuts_of_the_third_batch():
    game = _session(GAME_FIRST, GAME)
    assert _shots(game) == ["keyart_4k.png", "gameplay_capture_2026-05-01_22-14-07.mp4", "boss fight 60fps.mp4",
                            "steam_capsule_616x353.png"]  # "open on the key art w logo", "boss fight near the end"
    assert [s.text for s in game.track(Role.CTA).segments] == ["Wishlist on Steam"]
    assert [s.text for s in game.track(Role.TITLE).segments] == ["MOTHLIGHT"]
    pod = _session(PODCAST_FIRST, PODCAST)
    caps = [s.text for tr in pod.tracks if tr.role is Role.CAPTION for s in tr.segments]
    assert caps == ["Burnout researcher, UCL"]  # not "of", "the", "wav" from the clock's colon
    voice = pod.track(Role.VOICE).segments[0]
    assert (voice.in_ms, voice.duration) == (25_000, 20_000) and pod.duration <= 21_000
    assert time_words.parse_duration_ms("soft pink, playful. 25-30s, for facebook + insta feed") == 30_000
    drive = _session(DRIVING_FIRST, DRIVING)
    assert _shots(drive)[0] == "训练场航拍.mp4" and drive.track(Role.MAIN).segments[0].mute  # 先放航拍 航拍声音不要
    assert [s.text for s in drive.track(Role.TITLE).segments] == ["安达驾校"]
    shown = " ".join(s.text for tr in drive.tracks if tr.role is Role.CAPTION for s in tr.segments)
    assert "C1手动挡3680" in shown and "C2自动挡3980" in shown
    clean = _session(CLEANING_FIRST, CLEANING)
    assert _shots(clean)[-1] == "阿姨团队.jpg" and clean.track(Role.MAIN).segments[2].mute
    labels = sorted(s.text for tr in clean.tracks if tr.role is Role.CAPTION for s in tr.segments if s.shot)
    assert labels == ["清洁前", "清洁后"]
    assert not any("洁家帮 日常保洁" in s.text for tr in clean.tracks if tr.role is Role.CAPTION for s in tr.segments)
    uni = _session(UNI_FIRST, UNI)
    assert "DJI" not in [s.text for tr in uni.tracks if tr.role is Role.CAPTION for s in tr.segments]


def test_the_sound_named_by_its_file():
    tl, r = _edit(PODCAST_FIRST, PODCAST, "jingle's too long, cut it to 3 sec or fade it under her voice")
    assert [type(o) for o in r.ops] == [O.SetAudioTiming] and r.ops[0].role == "music" and r.ops[0].end_ms == 3000
    tl, r = _edit(PODCAST_FIRST, PODCAST, "the music is too long, cut it to 3 sec")
    assert not any(isinstance(o, O.SetTotalDuration) for o in r.ops)
    orange = _lib(("果园_01.jpg", "image", 0), ("切开橙子.jpg", "image", 0), ("剥橙子特写.mp4", "video", 8), ("打包发货.jpg", "image", 0),
                  ("直播间口播.mp3", "voice", 20), ("乡村民谣.mp3", "music", 150))
    tl, r = _edit("今晚8点直播卖赣南脐橙 做个预告视频 10斤装39.9包邮 用我录的口播 抖音竖屏 20秒", orange, "口播的时候 剥橙子声音太吵了 小一点")
    assert tl.track(Role.VOICE).segments[0].volume == 1.0
    assert next(s for s in tl.track(Role.MAIN).segments if s.name.startswith("剥橙子")).volume < 1.0


def test_a_line_added_somewhere_is_a_caption_on_a_free_picture():
    tl, r = _edit(MARKET_FIRST, MARKET, "add 'free parking' somewhere")
    assert [s.text for s in tl.track(Role.TITLE).segments] == ["Saturday market is back"]
    added = next(s for tr in tl.tracks if tr.role is Role.CAPTION for s in tr.segments if s.text == "free parking")
    assert added.shot is not None


def test_a_picture_said_by_what_it_shows_is_asked_about_with_the_names_there_are():
    car = _lib(("IMG_4412.HEIC.jpg", "image", 0), ("IMG_4419.HEIC.jpg", "image", 0), ("foam cannon.MOV", "video", 14),
               ("interior_after.jpg", "image", 0), ("Upbeat Funk 120bpm.mp3", "music", 142))
    tl, r = _edit("ad for my detailing biz shine squad mobile detailing, 20 sec", car,
                  "put BEFORE on the dirty one and AFTER on the shiny one")
    assert not r.ops and "IMG_4412.HEIC.jpg" in r.reply and "file names" in r.reply
    tl, r = _edit(DRIVING_FIRST, DRIVING, "把IMG那张的草莓放第二个吧".replace("IMG那张的", ""))
    assert not r.ops


def test_english_first_cut_facts_of_the_third_batch():
    market = plan(MARKET_FIRST, MARKET).timeline
    shown = " ".join(s.text for tr in market.tracks if tr.role is Role.CAPTION for s in tr.segments)
    for fact in ("Every Sat 8am-1pm", "40+ local vendors", "Live music", "Petting zoo"):
        assert fact in shown, fact
    car = plan("need a quick ad for my detailing biz shine squad mobile detailing, before/after vibe. full detail $149 this "
               "month only, we come to you!! book at shinesquad.co or text 555-0142. 20 sec for insta reels", MARKET).timeline
    assert [s.text for s in car.track(Role.TITLE).segments] == ["Shine Squad Mobile Detailing"]
    assert [s.text for s in car.track(Role.CTA).segments] == ["Full detail $149"]
    assert "We come to you" in [s.text for tr in car.tracks if tr.role is Role.CAPTION for s in tr.segments]
    truck = plan("new menu drop for la güera tacos 🌮🔥 birria tacos 3 for $12, elote cup $5. 15 sec tiktok", MARKET).timeline
    assert [s.text for tr in truck.tracks if tr.role is Role.CAPTION for s in tr.segments][:2] == \
        ["Birria tacos 3 for $12", "Elote cup $5"]
    assert ending.offer_in("polished nail bar spring promo 💅 20% off gel sets mon-wed in march") == "20% off gel sets"


def test_pace_and_a_clip_started_later():
    tl, r = _edit(MARKET_FIRST, MARKET, "feels slow")
    before = plan(MARKET_FIRST, MARKET).timeline
    stills = lambda t: [s.duration for s in t.track(Role.MAIN).segments if not s.name.endswith(".mp4")]  # noqa: E731
    assert all(a < b for a, b in zip(stills(tl), stills(before), strict=True))
    dance = _lib(("recital rehearsal full run.mp4", "video", 95), ("IMG_7781.JPG", "image", 0), ("IMG_7790.JPG", "image", 0),
                 ("twinkle-piano-waltz.wav", "music", 120))
    tl, r = _edit("video for our spring recital, 25-30s", dance, "the rehearsal bit is blurry at the start, start it a couple secs later")
    rehearsal = next(s for s in tl.track(Role.MAIN).segments if s.name.startswith("recital"))
    assert rehearsal.in_ms == 2000 and [type(o) for o in r.ops] == [O.SetInPoint]
    assert tl.duration == 25_000  # "25-30s": its own length kept within them (it ran 30 s, the most)


def test_chinese_corrections_of_the_third_batch():
    tl, r = _edit(DRIVING_FIRST, DRIVING, "价格写错了 C2是4080")
    shown = [s.text for tr in tl.tracks if tr.role is Role.CAPTION for s in tr.segments]
    assert any("C2自动挡4080" in x for x in shown) and any("C1手动挡3680" in x for x in shown)
    tea = _lib(("微信图片_20260301101522.jpg", "image", 0), ("门店.jpg", "image", 0), ("VID_20260228_183012.mp4", "video", 10),
               ("抖音热门BGM.mp3", "music", 35))
    first = "帮我做个奶茶新品的视频 茶语时光春季新品 第二杯半价 3月5号到3月15号 抖音用 15秒左右"
    tl, r = _edit(first, tea, "哦不对 活动是到3月20号 写错了")
    assert "3月5号到3月20号" in [s.text for tr in tl.tracks if tr.role is Role.CAPTION for s in tr.segments]
    tl, r = _edit(first, tea, "第二杯半价那个字 换成红色的 再大一点")
    cta = tl.track(Role.CTA).segments[0]
    assert cta.text == "第二杯半价" and cta.color == "#FF0000" and r.ops and len(r.ops) == 1
    tl, r = _edit(first, tea, "把第二杯半价的字换成红色")
    assert [o.target.role for o in r.ops] == [Role.CTA]  # (every text was made red)


def test_a_clock_corrected_and_a_clip_by_its_classifier():
    dance = _lib(("recital rehearsal full run.mp4", "video", 95), ("IMG_7781.JPG", "image", 0), ("IMG_7790.JPG", "image", 0),
                 ("twinkle-piano-waltz.wav", "music", 120))
    first = "video for our spring recital 'Bloom' at Riverside Theater may 9 at 2pm and 6pm. tickets at steppingstonesdance.com/bloom"
    tl, r = _edit(first, dance, "oops evening show is 5:30 not 6")
    shown = " ".join(s.text for tr in tl.tracks if tr.role in (Role.CAPTION, Role.CTA) for s in tr.segments)
    assert "2pm and 5:30pm" in shown and tl.duration == plan(first, dance).timeline.duration
    tl, r = _edit(CLEANING_FIRST, CLEANING, "擦玻璃那段 从第10秒开始用吧 前面晃得厉害")
    clip_seg = next(s for s in tl.track(Role.MAIN).segments if s.name.endswith(".mp4"))
    assert clip_seg.in_ms == 10_000 and "没有理解" not in r.reply  # 段 counts clips; the shaking is why


def test_the_songs_start_said_in_chinese_and_a_word_typed_without_its_hyphen():
    tl, r = _edit(CLEANING_FIRST, CLEANING, "音乐换个开始的地方 前面太安静了 从20秒开始")
    assert tl.track(Role.MUSIC).segments[0].in_ms == 20_000 and tl.track(Role.MUSIC).segments[0].src == \
        plan(CLEANING_FIRST, CLEANING).timeline.track(Role.MUSIC).segments[0].src  # the same song, from 0:20
    tl, r = _edit(UNI_FIRST, UNI, "can the title be purple like the tshirts")
    assert "shorts" not in r.reply and tl.track(Role.TITLE).segments[0].color not in (None, "#FFFFFF")


def test_the_texts_of_a_kind_get_the_look_and_a_clips_words_are_not_searched():
    truck = _lib(("IMG_0921.jpg", "image", 0), ("IMG_0925.jpg", "image", 0), ("grill sizzle.mov", "video", 9),
                 ("Cumbia Summer (no vocals).mp3", "music", 165))
    first = "new menu drop for la güera tacos 🌮🔥 birria tacos 3 for $12, elote cup $5. @laguera.tacos 15 sec tiktok"
    tl, r = _edit(first, truck, "make the price text yellow w a black box, like a street sign")
    styled = {s.text for tr in tl.tracks if getattr(tr, "role", None) in (Role.TITLE, Role.CAPTION, Role.CTA)
              for s in tr.segments if s.box_color}
    assert styled == {"Birria tacos 3 for $12", "Elote cup $5"}  # (every text was made so)
    moving = _lib(("boxes stacked.jpeg", "image", 0), ("testimonial sarah.mp4", "video", 19), ("ukulele.mp3", "music", 130))
    tl, r = _edit("ad for Two Guys and a Dolly moving, 30 sec", moving,
                  "just the part where she says 3 bedroom in 4 hours")
    assert not any(isinstance(o, O.PlaceInVoice) for o in r.ops) and "times" in r.reply


def test_the_car_ad_first_cut():
    car = _lib(("IMG_4412.HEIC.jpg", "image", 0), ("IMG_4419.HEIC.jpg", "image", 0), ("foam cannon.MOV", "video", 14),
               ("interior_after.jpg", "image", 0), ("red mustang ceramic coat.jpg", "image", 0), ("logo-shine-squad.png", "image", 0),
               ("Upbeat Funk 120bpm.mp3", "music", 142))
    tl = _session("need a quick ad for my detailing biz shine squad mobile detailing, before/after vibe. start w the dirty suv "
                  "then the clean one, then the foam clip (mute it the pressure washer is sooo loud) then interior and the red "
                  "mustang last. full detail $149 this month only, we come to you!! book at shinesquad.co or text 555-0142. 20 "
                  "sec for insta reels. logo at the end pls", car)
    shots = tl.track(Role.MAIN).segments
    assert [s.name for s in shots][-2:] == ["red mustang ceramic coat.jpg", "logo-shine-squad.png"]  # the logo card last
    assert next(s for s in shots if s.name == "foam cannon.MOV").mute
    assert [s.text for s in tl.track(Role.TITLE).segments] == ["Shine Squad Mobile Detailing"]
    assert [s.text for s in tl.track(Role.CTA).segments] == ["Full detail $149"]
    assert tl.duration == 20_000


def test_a_shot_put_in_the_middle():
    tl, r = _edit(MARKET_FIRST, MARKET, "goat clip somewhere in the middle")
    assert _shots(tl)[2] == "kids petting goat.mp4"
    first = MARKET_FIRST.replace("start w the wide shot of the stalls.", "start w the wide shot of the stalls, goat clip "
                                 "somewhere in the middle (kids laughing is cute keep it).")
    assert _shots(_session(first, MARKET))[2] == "kids petting goat.mp4"


def test_a_line_kept_up_and_why_a_picture_goes_last():
    orange = _lib(("果园_01.jpg", "image", 0), ("切开橙子.jpg", "image", 0), ("打包发货.jpg", "image", 0), ("乡村民谣.mp3", "music", 150))
    tl, r = _edit("今晚8点直播卖赣南脐橙 做个预告视频 10斤装39.9包邮 抖音竖屏 20秒", orange, "今晚8点 那几个字 一直挂在上面")
    line = next(s for tr in tl.tracks if tr.role in (Role.CAPTION, Role.TITLE) for s in tr.segments if s.text.startswith("今晚8点"))
    assert line.text == "今晚8点" and (line.start, line.end) == (0, tl.duration)  # (its words were made "今晚8点 一直挂在上面")
    dance = _lib(("IMG_7781.JPG", "image", 0), ("IMG_7790.JPG", "image", 0), ("twinkle-piano-waltz.wav", "music", 120))
    tl, r = _edit("video for our spring recital, 20s", dance,
                  "the hip hop kids should go first, theyre the older ones, and the ballet babies at the end is cuter")
    assert not any(isinstance(o, O.SetStyle) for o in r.ops)  # ("cuter" made it the playful style)


def test_a_length_stated_after_a_question_and_the_one_clip_by_what_it_is():
    tl, r = _edit(MARKET_FIRST, MARKET, "last pic zoom in slowly", "is the banjo thing long enough? it's only a minute")
    assert not r.ops and tl.duration == plan(MARKET_FIRST, MARKET).timeline.duration  # (the last picture was set to 60 s)
    nails = _lib(("IMG_5521.jpg", "image", 0), ("20260308_151022.mp4", "video", 16), ("IMG_5561.jpg", "image", 0),
                 ("Aesthetic lofi beat.mp3", "music", 150))
    tl, r = _edit("polished nail bar spring promo, 12-15 sec reel", nails, "put the timelapse last")
    assert _shots(tl)[-1] == "20260308_151022.mp4"
    tl = _session("polished nail bar spring promo, 12-15 sec reel, start w the first pic, then the nail pics, timelapse last", nails)
    assert _shots(tl)[-1] == "20260308_151022.mp4" and tl.duration == 15_000


def test_first_cuts_of_the_moving_ad_and_the_orange_livestream():
    moving = _lib(("van_side_logo.jpg", "image", 0), ("IMG_20260215_101233.jpg", "image", 0), ("boxes stacked.jpeg", "image", 0),
                  ("testimonial sarah.mp4", "video", 19), ("final FINAL v3.mp4", "video", 11), ("acoustic_happy_ukulele.mp3", "music", 130))
    tl = _session("ad for Two Guys and a Dolly moving, local moves from $89/hr, licensed & insured, free quotes. use sarahs "
                  "testimonial with her sound (shes great), the loading timelapse (the final FINAL v3 one, mute it), and the pics. "
                  "van pic at the end w phone (617) 555-0123 and twoguysdolly.com . 30 sec, youtube + also facebook", moving)
    shots = tl.track(Role.MAIN).segments
    assert shots[-1].name == "van_side_logo.jpg" and tl.track(Role.LOGO) is None  # "van pic": a picture, not the logo
    assert next(s for s in shots if s.name == "final FINAL v3.mp4").mute  # its whole name, not "final" = the last
    assert not next(s for s in shots if s.name == "testimonial sarah.mp4").mute
    orange = _lib(("果园_01.jpg", "image", 0), ("剥橙子特写.mp4", "video", 8), ("打包发货.jpg", "image", 0),
                  ("直播间口播.mp3", "voice", 20), ("乡村民谣.mp3", "music", 150))
    tl = _session("今晚8点直播卖赣南脐橙 做个预告视频 用我录的口播 剥橙子那个视频原声留着 很有食欲 抖音竖屏 20秒 最后放打包发货", orange)
    assert not next(s for s in tl.track(Role.MAIN).segments if s.name.startswith("剥橙子")).mute
    assert _shots(tl)[-1] == "打包发货.jpg"


def test_a_sound_named_by_its_file_in_the_possessive():
    tl, r = _edit(PODCAST_FIRST, PODCAST, "the jingle's volume is too high")  # (it read "the music is volume is …")
    assert [type(o) for o in r.ops] == [O.SetVolume] and tl.track(Role.MUSIC).segments[0].volume < 1.0
    tl, r = _edit(UNI_FIRST, UNI, "the dean's voice is too quiet")
    assert tl.track(Role.VOICE).segments[0].volume > 1.0
