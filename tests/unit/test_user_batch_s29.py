"""User tests of session 29: a third batch typed by someone who had not seen the planner, and the
Chinese first cuts of session 28's batch read again.

Chinese marketers list their facts between spaces ("山月民宿五一预定 588一晚起 连住两晚送早餐和下午茶 地址…
订房加微信138…"): the first cuts showed the title, an address and a bare phone number, and dropped the price,
the gifts, the limits and the schedule. Adding a caption to a picture whose caption was one of those facts
took its place ("给我加个字幕在颁奖那张 '…'" removed "2680一期12节课", and the row under the call to action).
Each case below is one of them, checked through the planner as a session plans it.
"""

from __future__ import annotations

from reelforge.planner import ending, facts, plan
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
