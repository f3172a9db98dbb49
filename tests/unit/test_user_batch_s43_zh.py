"""Session 43's Chinese instruction pass: a milk-tea shop's photos, edits typed as people type them;
these were done wrong. Pure planning on placeholder assets."""

from __future__ import annotations

import pytest

from reelforge.planner import parse as P
from reelforge.timeline.model import Role

from .test_compose import aud, img, session_after

ZH = [*(img(n, 10 + i) for i, n in enumerate(["门头.jpg", "招牌奶茶.jpg", "IMG_5521.JPG", "店内环境.jpg", "芒果冰沙.jpg"])),
      aud("配音.mp3", 22_000), aud("背景音乐.mp3", 45_000)]
FIRST = "做一个20秒的奶茶店宣传视频 加字幕 标题是“茶语时光”"
CAPTIONS = ["门头", "招牌奶茶", "店内环境", "芒果冰沙"]


def _texts(tl, role):
    return [x.text for t in tl.tracks_by_role(role) for x in t.segments]


def test_first_instruction():
    s, _ = session_after(ZH, FIRST)
    assert _texts(s.timeline, Role.CAPTION) == CAPTIONS
    assert _texts(s.timeline, Role.TITLE) == ["茶语时光"] and _texts(s.timeline, Role.CTA) == ["立即购买"]


@pytest.mark.parametrize(("said", "gone"), [("招牌奶茶的字幕删了", "招牌奶茶"), ("门头的字幕删了", "门头"),
                                            ("芒果冰沙的字幕删了", "芒果冰沙"), ("删除字幕「门头」", "门头"),
                                            ("把招牌奶茶的字幕去掉", "招牌奶茶"), ("第3个字幕删掉", "店内环境"),
                                            ("第3张的字幕删掉", None)])
def test_one_pictures_caption_removed(said, gone):
    """ "招牌奶茶的字幕删了" and "删除字幕「门头」" removed all four captions."""
    s, (r,) = session_after(ZH, FIRST, said)
    assert _texts(s.timeline, Role.CAPTION) == [x for x in CAPTIONS if x != gone], r.message
    assert r.changed is (gone is not None), r.message  # (the third picture, IMG_5521.JPG, has no caption)
    assert gone or r.message.startswith("那张上没有文字"), r.message


@pytest.mark.parametrize(("said", "was", "now"), [("店内环境那张的字幕改成“满座的周末”", "店内环境", "满座的周末"),
                                                  ("门头那张的字幕改成“欢迎”", "门头", "欢迎"),
                                                  ("奶茶那张字幕写 “招牌珍珠奶茶 ¥16”", "招牌奶茶", "招牌珍珠奶茶 ¥16")])
def test_one_pictures_caption_rewritten(said, was, now):
    """ "店内环境那张的字幕改成“满座的周末”" and "奶茶那张字幕写 “…”" rewrote all four captions."""
    s, (r,) = session_after(ZH, FIRST, said)
    assert _texts(s.timeline, Role.CAPTION) == [now if x == was else x for x in CAPTIONS], r.message


@pytest.mark.parametrize(("said", "k"), [("第二个caption删掉", 1), ("最后一个subtitle删掉", 3), ("第2个字幕删掉吧", 1)])
def test_caption_by_its_place_in_english_words(said, k):
    """ "第二个caption删掉" removed every caption ("第2个字幕删掉吧" did not)."""
    s, (r,) = session_after(ZH, FIRST, said)
    assert _texts(s.timeline, Role.CAPTION) == CAPTIONS[:k] + CAPTIONS[k + 1:], r.message


def test_caption_by_its_place_in_english_words_recoloured():
    s, (r,) = session_after(ZH, FIRST, "第三个caption改成红色")
    caps = s.timeline.track(Role.CAPTION).segments
    assert [c.color.upper() != "#FFFFFF" for c in caps] == [False, False, True, False], r.message


@pytest.mark.parametrize(("said", "answer"), [("视频是竖的还是横的", "现在是16:9"), ("现在是横屏还是竖屏？", "现在是16:9"),
                                              ("音乐现在是多大声", "背景音乐音量35%"), ("音乐多大声？", "背景音乐音量35%")])
def test_questions_are_answered_not_done(said, answer):
    """ "视频是竖的还是横的" made the video vertical; "音乐现在是多大声" turned the music up x1.5."""
    before, _ = session_after(ZH, FIRST)
    s, (r,) = session_after(ZH, FIRST, said)
    assert not r.changed and s.timeline == before.timeline, r.message
    assert r.message.startswith(answer), r.message


@pytest.mark.parametrize("said", ["所有字都改成黄色", "所有的字改成黄色"])
def test_every_text_yellow(said):
    """ "所有字都改成黄色" asked which text."""
    s, (r,) = session_after(ZH, FIRST, said)
    every = [x for role in (Role.TITLE, Role.CAPTION, Role.CTA) for t in s.timeline.tracks_by_role(role) for x in t.segments]
    assert len(every) == 6 and all(x.color.upper() == "#FFD400" for x in every), r.message


def test_no_i_meant_the_second_picture():
    """ "第一张图时间短一点" then "不对 我是说第二张" was not understood: the first undone, the second shorter."""
    s, (_, r) = session_after(ZH, FIRST, "第一张图时间短一点", "不对 我是说第二张")
    meant, _ = session_after(ZH, FIRST, "第二张图时间短一点")
    assert r.changed and r.message.startswith("撤销了「第一张图时间短一点」"), r.message
    assert s.timeline == meant.timeline


@pytest.mark.parametrize(("first_edit", "said"), [("标题改成红色", "刚才那个改回去"),
                                                  ("字幕改成黄色", "emmm 还是原来的颜色好看 改回去吧")])
def test_change_it_back_is_undo(first_edit, said):
    """ "刚才那个改回去", "emmm 还是原来的颜色好看 改回去吧" were not understood."""
    before, _ = session_after(ZH, FIRST)
    s, (_, r) = session_after(ZH, FIRST, first_edit, said)
    assert r.changed and s.timeline == before.timeline, r.message


@pytest.mark.parametrize("said", ["最后那行字不要了", "最后那句删掉"])
def test_the_last_line_is_the_call_to_action(said):
    """ "最后那行字不要了" answered that no text says "最后"."""
    s, (r,) = session_after(ZH, FIRST, said)
    assert _texts(s.timeline, Role.CTA) == [], r.message
    assert _texts(s.timeline, Role.CAPTION) == CAPTIONS and _texts(s.timeline, Role.TITLE) == ["茶语时光"]


def test_words_shown_at_a_time():
    """ "第5秒的时候出个字“新品上市”" was not understood."""
    s, (r,) = session_after(ZH, FIRST, "第5秒的时候出个字“新品上市”")
    added = [x for role in (Role.TITLE, Role.CAPTION) for t in s.timeline.tracks_by_role(role) for x in t.segments
             if x.text == "新品上市"]
    assert len(added) == 1 and added[0].start == 5000, r.message
    assert [x for x in _texts(s.timeline, Role.CAPTION) if x != "新品上市"] == CAPTIONS


def test_contrast_a_touch_higher_again():
    """ "对比度再高一点点" was not understood ("对比度高一点" was)."""
    s, (r,) = session_after(ZH, FIRST, "对比度再高一点点")
    assert s.timeline.grade.contrast > 1, r.message
    s, (_, r) = session_after(ZH, FIRST, "对比度高一点", "对比度再高一点点")
    once, _ = session_after(ZH, FIRST, "对比度高一点")
    assert s.timeline.grade.contrast > once.timeline.grade.contrast, r.message


def _volumes(tl):
    return {role: [x.volume for t in tl.tracks_by_role(role) for x in t.segments] for role in (Role.MUSIC, Role.VOICE)}


def test_voice_covered_by_the_music_is_the_music_quieter():
    """ "旁白有点被音乐盖住了" was not understood ("音乐盖住了旁白" was)."""
    before, _ = session_after(ZH, FIRST)
    s, (r,) = session_after(ZH, FIRST, "旁白有点被音乐盖住了")
    was, now = _volumes(before.timeline), _volumes(s.timeline)
    assert now[Role.MUSIC][0] < was[Role.MUSIC][0] and now[Role.VOICE] == was[Role.VOICE], r.message


@pytest.mark.parametrize(("said", "louder"), [("声音都太小了", True), ("所有声音小一点", False)])
def test_every_sound_louder(said, louder):
    """ "声音都太小了" was not understood: the voice and the music louder."""
    before, _ = session_after(ZH, FIRST)
    s, (r,) = session_after(ZH, FIRST, said)
    was, now = _volumes(before.timeline), _volumes(s.timeline)
    for role in (Role.MUSIC, Role.VOICE):
        assert (now[role][0] > was[role][0]) is louder and now[role][0] != was[role][0], r.message


def test_captions_in_the_way_moved_up():
    """ "呃 字幕有点挡住奶茶了 往上挪挪" answered that texts keep off the subject; "往上挪挪" was not understood."""
    s, (r,) = session_after(ZH, FIRST, "呃 字幕有点挡住奶茶了 往上挪挪")
    assert r.changed, r.message
    assert all(c.position.value == "center" for c in s.timeline.track(Role.CAPTION).segments), r.message
    assert [t.position.value for t in s.timeline.track(Role.TITLE).segments] == ["center"]


def test_captions_the_titles_colour():
    """ "字幕颜色跟标题一样就行" was not understood."""
    s, (_, r) = session_after(ZH, FIRST, "标题改成红色", "字幕颜色跟标题一样就行")
    title = s.timeline.track(Role.TITLE).segments[0].color
    assert r.changed and title.upper() != "#FFFFFF", r.message
    assert all(c.color == title for c in s.timeline.track(Role.CAPTION).segments), r.message


@pytest.mark.parametrize("said", ["字太多了 只留标题吧", "只保留标题"])
def test_only_the_title_left(said):
    """ "字太多了 只留标题吧" removed the captions and kept the call to action ("只留标题吧" not understood)."""
    s, (r,) = session_after(ZH, FIRST, said)
    assert _texts(s.timeline, Role.TITLE) == ["茶语时光"], r.message
    assert _texts(s.timeline, Role.CAPTION) == [] and _texts(s.timeline, Role.CTA) == [], r.message
    assert "没有理解" not in r.message and "删除了全部字幕；删除了行动号召" in r.message, r.message


def test_a_borrowed_word_in_chinese_is_answered_in_chinese():
    """ "voice over 大一点" was answered in English (two Latin words outweighed 大一点)."""
    s, (r,) = session_after(ZH, FIRST, "voice over 大一点")
    assert r.changed and r.message.startswith("旁白调大"), r.message
    assert P.is_chinese("voice over 大一点") and not P.is_chinese("make it 竖屏")
