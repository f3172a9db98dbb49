"""Table-driven tests of planner.parse: phrases in English and Chinese, and near-misses."""

from __future__ import annotations

import doctest

import pytest

from reelforge.planner import numerals as N
from reelforge.planner import parse as P
from reelforge.planner import quotes as Q
from reelforge.planner import time_words as TW
from reelforge.planner.time_words import RangeKind
from reelforge.timeline.model import Position, Transition

DURATIONS = [
    ("combine these images into a 30-second promotional video", 30000),
    ("30 seconds", 30000),
    ("30s", 30000),
    ("30 s", 30000),
    ("30 sec", 30000),
    ("30 secs please", 30000),
    ("a 45-sec teaser", 45000),
    ("half a minute", 30000),
    ("a half-minute clip", 30000),
    ("1 minute", 60000),
    ("a minute", 60000),
    ("1.5 minutes", 90000),
    ("2 mins", 120000),
    ("a minute and a half", 90000),
    ("one and a half minutes", 90000),
    ("1:30", 90000),
    ("0:45 long", 45000),
    ("thirty seconds", 30000),
    ("thirty-five seconds", 35000),
    ("ninety second spot", 90000),
    ("2 minutes 15 seconds", 135000),
    ("1 min 30 s", 90000),
    ("1500ms", 1500),
    ("make it 9:16 and 20 seconds", 20000),
    ("trim it to 20 seconds", 20000),
    ("30s TikTok", 30000),
    ("a 30-second promo, title for the first 3 seconds", 30000),
    ("from 10 to 14 seconds show it, 30s total", 30000),
    ("３０秒", 30000),
    ("30秒", 30000),
    ("三十秒", 30000),
    ("三十五秒", 35000),
    ("半分钟", 30000),
    ("1分钟", 60000),
    ("一分钟", 60000),
    ("两分钟", 120000),
    ("一分半钟", 90000),
    ("一分半", 90000),
    ("1分30秒", 90000),
    ("1.5分钟", 90000),
    ("把这些图片做成30秒的竖屏宣传视频，加字幕", 30000),
    ("30秒视频，每张3秒", 30000),
    # not a total length
    ("show the title for the first 3 seconds", None),
    ("fade out over the last 2 seconds", None),
    ("3.5 seconds per image", None),
    ("each image for 3 seconds", None),
    ("每张图片3秒", None),
    ("前3秒显示标题", None),
    ("最后4秒", None),
    ("from 10s to 14s", None),
    ("at 0:12", None),
    ("make it 9:16", None),
    ("add a second title", None),
    ("show the logo for 5 seconds", None),
    ("title 'X' for 3 seconds, 30 seconds total", 30000),
    ("add the title for 3 seconds and make it 20 seconds", 20000),
    ("标题显示3秒，做成30秒的视频", 30000),
    ("做成30s的视频", 30000),
    ("剪到30秒", 30000),
    ("缩短到20秒", 20000),
    ("延长到一分钟", 60000),
    ("加5秒", None),
    ("30 seconds in 1080p", 30000),
    ("10 seconds into the video", None),
    ("use 1-second crossfades", None),
    ("extend it by 5 seconds", None),
    ("in 1080p", None),
    ("make it vertical", None),
]


@pytest.mark.parametrize(("text", "ms"), DURATIONS)
def test_duration(text, ms):
    assert TW.parse_duration_ms(text) == ms


NUMBERS = [
    ("30", 30), ("1.5", 1.5), ("0", 0), ("one", 1), ("twelve", 12), ("thirty-five", 35),
    ("twenty five", 25), ("one hundred and twenty", 120), ("a hundred", 100), ("half", 0.5),
    ("a", 1), ("一", 1), ("两", 2), ("十", 10), ("十五", 15), ("二十", 20), ("三十五", 35),
    ("一百", 100), ("一百零五", 105), ("一百二", 120), ("两百五十", 250), ("半", 0.5),
    ("一点五", 1.5), ("３０", 30), ("banana", None), ("", None), ("3 apples", None),
]


@pytest.mark.parametrize(("token", "value"), NUMBERS)
def test_number(token, value):
    assert N.parse_number(token) == value


ORDINALS = [("first", 1), ("the second", 2), ("3rd", 3), ("last", -1), ("second to last", -2),
            ("第三", 3), ("第2", 2), ("最后", -1), ("倒数第二", -2), ("purple", None)]


@pytest.mark.parametrize(("token", "value"), ORDINALS)
def test_ordinal(token, value):
    assert N.parse_ordinal(token) == value


RESOLUTIONS = [
    ("720p", "720p"), ("in 1080P please", "1080p"), ("1080", "1080p"), ("4K", "4k"), ("4k", "4k"),
    ("2160p", "4k"), ("UHD", "4k"), ("full HD", "1080p"), ("HD", "1080p"), ("1440p", "1440p"),
    ("480p", "480p"), ("高清", "1080p"), ("超清", "1080p"), ("超高清", "4k"), ("标清", "480p"),
    ("导出4K视频", "4k"), ("做成720p的", "720p"),
    # not resolutions
    ("it's 4k dollars", None), ("we hit $4k in sales", None), ("4k followers", None),
    ("a 30s video", None), ("make it vertical", None), ("shadow", None), ("1080 images", "1080p"),
    ("from my SD card", None), ("HDR photos", None),
]


@pytest.mark.parametrize(("text", "res"), RESOLUTIONS)
def test_resolution(text, res):
    assert P.parse_resolution(text) == res


ASPECTS = [
    ("make it vertical for TikTok", "9:16"), ("vertical", "9:16"), ("portrait", "9:16"),
    ("9:16", "9:16"), ("9x16", "9:16"), ("for Instagram Reels", "9:16"), ("YouTube Shorts", "9:16"),
    ("Shorts", "9:16"), ("Instagram stories", "9:16"), ("抖音", "9:16"), ("竖屏", "9:16"),
    ("竖版视频", "9:16"), ("快手", "9:16"),
    ("square", "1:1"), ("1:1", "1:1"), ("Instagram", "1:1"), ("an insta post", "1:1"), ("方形", "1:1"),
    ("4:5", "4:5"), ("Instagram portrait", "4:5"), ("Instagram feed post 4:5", "4:5"), ("小红书", "4:5"),
    ("YouTube", "16:9"), ("landscape", "16:9"), ("horizontal", "16:9"), ("16:9", "16:9"),
    ("widescreen", "16:9"), ("横屏", "16:9"), ("B站", "16:9"),
    ("a 30-second promo", None), ("1:30", None), ("reelforge", None), ("a vertical pan", None),
    ("a video from these portrait photos", None), ("landscape photos of hills", None),
    ("portrait orientation", "9:16"), ("做成TikTok视频", "9:16"),
]


@pytest.mark.parametrize(("text", "aspect"), ASPECTS)
def test_aspect(text, aspect):
    assert P.parse_aspect(text) == aspect


PERCENTS = [
    ("35%", 0.35), ("35 %", 0.35), ("35 percent", 0.35), ("35 per cent", 0.35), ("百分之三十五", 0.35),
    ("百分之20", 0.2), ("３５％", 0.35), ("0.35", 0.35), ("twenty percent", 0.2), ("150%", 1.5),
    ("it's 0.35 mm", None), ("35", None), ("no level", None),
]


@pytest.mark.parametrize(("text", "value"), PERCENTS)
def test_percent(text, value):
    assert P.parse_percent(text) == value


DBS = [("-6 dB", -6.0), ("+3db", 3.0), ("lower the music by 6 dB", -6.0), ("降低6分贝", -6.0),
       ("six decibels louder", 6.0), ("35%", None)]


@pytest.mark.parametrize(("text", "value"), DBS)
def test_db(text, value):
    assert P.parse_db(text) == value


def test_db_to_gain():
    assert P.db_to_gain(0) == 1.0
    assert abs(P.db_to_gain(-6) - 0.501) < 0.001


MUSIC = [
    ("music at 35%", 0.35), ("background music 20%", 0.2), ("背景音乐30%", 0.3),
    ("背景音乐调到百分之二十", 0.2), ("bgm to 15 percent", 0.15), ("lower the music to 20%", 0.2),
    ("35% music volume", 0.35), ("voice at 80%, music at 25%", 0.25), ("music -12 dB", 0.2512),
    ("voice at 80%", None), ("music quieter", None), ("make it 30% shorter", None),
]


@pytest.mark.parametrize(("text", "value"), MUSIC)
def test_music_volume(text, value):
    assert P.parse_music_volume(text) == value


def test_voice_volume():
    assert P.parse_voice_volume("voiceover at 120%") == 1.2
    assert P.parse_voice_volume("旁白80%") == 0.8
    assert P.parse_voice_volume("music at 35%") is None


QUOTES = [
    ('add the title "Urban Dreams"', ["Urban Dreams"]),
    ("add the title 'Urban Dreams' and 'Shop now'", ["Urban Dreams", "Shop now"]),
    ("title “Spring Sale” then ‘50% off’", ["Spring Sale", "50% off"]),
    ("标题「春季新品」，结尾《立即购买》", ["春季新品", "立即购买"]),
    ("加标题“城市之梦”", ["城市之梦"]),
    ("it's a promo, don't add music", []),
    ("it's Anna's photo and the users' pictures", []),
    ("it's the title 'Urban Dreams' ok", ["Urban Dreams"]),
    ('say "it\'s here"', ["it's here"]),
    ("no quotes at all", []),
    ("做一个15秒的竖屏宣传视频，标题是'城市之光'，背景音乐小一点", ["城市之光"]),  # ' next to Chinese is a quote
    ("把title改成'夏日'", ["夏日"]),
    ("l'été and rock'n'roll", []),
]


@pytest.mark.parametrize(("text", "quotes"), QUOTES)
def test_quoted_texts(text, quotes):
    assert Q.quoted_texts(text) == quotes


TRANSITIONS = [
    ("crossfade", Transition.CROSSFADE), ("with cross-fades", Transition.CROSSFADE),
    ("dissolve between shots", Transition.CROSSFADE), ("fade through black", Transition.FADE_BLACK),
    ("dip to black", Transition.FADE_BLACK), ("hard cuts", Transition.CUT),
    ("no transitions", Transition.CUT), ("just cuts", Transition.CUT), ("slide", Transition.SLIDE_LEFT),
    ("slide right", Transition.SLIDE_RIGHT), ("wipe", Transition.WIPE_LEFT),
    ("淡入淡出", Transition.CROSSFADE), ("硬切", Transition.CUT), ("不要转场", Transition.CUT),
    ("黑场过渡", Transition.FADE_BLACK), ("make it louder", None), ("fade in the music", None),
]


@pytest.mark.parametrize(("text", "tr"), TRANSITIONS)
def test_transition(text, tr):
    spec = P.parse_transition(text)
    assert (spec.transition if spec else None) == tr


def test_transition_length():
    assert P.parse_transition("use 1-second crossfades").duration_ms == 1000
    assert P.parse_transition("crossfade of 800ms").duration_ms == 800
    assert P.parse_transition("hard cuts").duration_ms is None


POSITIONS = [
    ("at the top", Position.TOP), ("center", Position.CENTER), ("centre", Position.CENTER),
    ("in the middle", Position.CENTER), ("bottom", Position.BOTTOM), ("lower third", Position.BOTTOM),
    ("top left", Position.TOP_LEFT), ("upper-right corner", Position.TOP_RIGHT),
    ("bottom left", Position.BOTTOM_LEFT), ("in the corner", Position.BOTTOM_RIGHT),
    ("顶部", Position.TOP), ("中间", Position.CENTER), ("底部", Position.BOTTOM),
    ("左上角", Position.TOP_LEFT), ("右下角", Position.BOTTOM_RIGHT), ("make it louder", None),
    ("lower the music", None),
]


@pytest.mark.parametrize(("text", "pos"), POSITIONS)
def test_position(text, pos):
    assert P.parse_position(text) == pos


RANGES = [
    ("for the first 3 seconds", (0, 3000, RangeKind.START)),
    ("first three seconds", (0, 3000, RangeKind.START)),
    ("at the end", (27000, 30000, RangeKind.END)),
    ("last 4 seconds", (26000, 30000, RangeKind.END)),
    ("the final 5s", (25000, 30000, RangeKind.END)),
    ("from 10s to 14s", (10000, 14000, RangeKind.SPAN)),
    ("from 10 to 14 seconds", (10000, 14000, RangeKind.SPAN)),
    ("between 5s and 8s", (5000, 8000, RangeKind.SPAN)),
    ("10-14s", (10000, 14000, RangeKind.SPAN)),
    ("from 0:05 to 0:09", (5000, 9000, RangeKind.SPAN)),
    ("at 0:12", (12000, 15000, RangeKind.POINT)),
    ("at 12 seconds for 4 seconds", (12000, 16000, RangeKind.POINT)),
    ("at 28s", (27000, 30000, RangeKind.POINT)),
    ("throughout", (0, 30000, RangeKind.ALL)),
    ("for the whole video", (0, 30000, RangeKind.ALL)),
    ("at the beginning", (0, 3000, RangeKind.START)),
    ("after 5 seconds", (5000, 30000, RangeKind.AFTER)),
    ("until 10s", (0, 10000, RangeKind.START)),
    ("in the middle of the video", (13500, 16500, RangeKind.MIDDLE)),
    ("前3秒", (0, 3000, RangeKind.START)),
    ("前三秒", (0, 3000, RangeKind.START)),
    ("最后4秒", (26000, 30000, RangeKind.END)),
    ("最后3秒钟", (27000, 30000, RangeKind.END)),
    ("从10秒到14秒", (10000, 14000, RangeKind.SPAN)),
    ("10秒到14秒", (10000, 14000, RangeKind.SPAN)),
    ("在第12秒", (12000, 15000, RangeKind.POINT)),
    ("开头", (0, 3000, RangeKind.START)),
    ("结尾", (27000, 30000, RangeKind.END)),
    ("全程", (0, 30000, RangeKind.ALL)),
    ("make it brighter", None),
    ("at 1080p", None),
    ("music at 35%", None),
]


@pytest.mark.parametrize(("text", "want"), RANGES)
def test_time_range(text, want):
    r = TW.parse_time_range(text, 30000)
    assert (None if r is None else (r.start_ms, r.end_ms, r.kind)) == want


def test_time_range_clamps_and_needs_total():
    assert TW.parse_time_range("last 40 seconds", 30000).start_ms == 0
    assert TW.parse_time_range("from 20s to 50s", 30000).end_ms == 30000
    assert TW.parse_time_range("at the end", None) is None
    assert TW.parse_time_range("first 3 seconds", None).end_ms == 3000
    assert TW.parse_time_range("at the end", 30000, default_ms=4000).start_ms == 26000
    assert TW.parse_time_range("at 0:12", 30000).explicit is False


OVERLAYS = [
    ("with text overlays", True), ("with captions", True), ("with titles", True), ("加文字", True),
    ("加字幕", True), ("add the title 'X'", True), ('"Urban Dreams"', True), ("subtitles please", True),
    ("a 30-second promo", False), ("no captions", False), ("without text", False), ("不要字幕", False),
]


@pytest.mark.parametrize(("text", "want"), OVERLAYS)
def test_wants_text_overlays(text, want):
    assert P.wants_text_overlays(text) is want


def test_misc_flags():
    assert P.mentions_voiceover("five images and a voiceover MP3")
    assert P.mentions_voiceover("with narration")
    assert P.mentions_voiceover("用这段旁白")
    assert not P.mentions_voiceover("music at 35%")
    assert P.wants_motion("no motion") is False
    assert P.wants_motion("keep it static") is False
    assert P.wants_motion("不要动画") is False
    assert P.wants_motion("with Ken Burns zoom") is True
    assert P.wants_motion("30 seconds") is None
    assert P.is_chinese("做成视频") and not P.is_chinese("make a video")


@pytest.mark.parametrize(("text", "zh"), [
    ("10 second instagram reel, 简约风格, with text overlays, title 'Eight shots, ten seconds'", False),
    ("a promo from 产品图1.png and 产品图2.png, title '城市之光'", False),  # file names and quotes do not count
    ("make it 竖屏 please", False),
    ("做一个15秒的竖屏宣传视频，标题是'City Lights'", True),
    ("30-second promo, 背景音乐小一点", True),
    ("把title改成'夏日'", True), ("music调到30%", True), ("给Urban Dreams运动鞋做一个宣传视频", True),
    ("'城市之光'", True), ("简约风格", True), ("", False),
])
def test_is_chinese_is_the_main_language(text, zh):
    assert P.is_chinese(text) is zh
    assert P.wants_hard_cuts("hard cuts") and not P.wants_hard_cuts("crossfade")


def test_find_durations_positions():
    ds = TW.find_durations("a 30-second promo, title for the first 3 seconds")
    assert [d.ms for d in ds] == [30000, 3000]
    assert ds[0].text == "30-second"


def test_time_value():
    assert TW.parse_time_value_ms("12s") == 12000
    assert TW.parse_time_value_ms("0:12") == 12000
    assert TW.parse_time_value_ms("12") == 12000
    assert TW.parse_time_value_ms("2", "min") == 120000
    assert TW.parse_time_value_ms("nope") is None


def test_doctests():
    results = [doctest.testmod(module) for module in (P, N, TW, Q)]
    assert all(r.failed == 0 for r in results) and sum(r.attempted for r in results) > 20
