"""Durations, time values and time ranges in instructions, English and Chinese. Deterministic, no I/O.

How long (`find_durations`, `parse_duration_ms` for the video's total length), when
(`parse_time_value_ms`, and `tv`, its shorthand that passes ``None`` through) and which stretch of
the timeline (`parse_time_range` -> `TimeRange` of a `RangeKind`; `time_past_end` for a time that
falls past the end). ``TV`` and ``ZTV`` are the regex pieces for one time value ("12s", "0:12",
"十二秒"), for rules that read times in their own phrases. All in integer milliseconds.
Builds on `numerals`; `parse` and the rules build on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from reelforge.planner.numerals import NUM, NUM_ANY, NUM_ZH, ascii_rx, normalize, parse_number

__all__ = [
    "DurationMatch", "RangeKind", "TimeRange", "TV", "ZTV",
    "find_durations", "parse_duration_ms", "parse_time_range", "parse_time_value_ms", "time_past_end", "tv",
]


# --------------------------------------------------------------------------------------
# durations and times
# --------------------------------------------------------------------------------------

_S = r"(?:seconds?|secs?|s)(?![a-z])"
_M = r"(?:minutes?|mins?)(?![a-z])"
_MS = r"(?:milliseconds?|msecs?|ms)(?![a-z])"
_HALF = r"(?:\s+and\s+(?:a\s+)?half)"
_ASPECT_LIKE = {"9:16", "16:9", "16:10", "4:5", "1:1", "4:3", "3:4", "21:9", "2:3", "3:2"}


@dataclass(frozen=True)
class DurationMatch:
    """A duration phrase found in a text: its value and where it is."""

    ms: int
    start: int
    end: int
    text: str


def _n(s: str | None) -> float:
    v = parse_number(s or "")
    return float(v) if v is not None else 0.0


def _ms(x: float) -> int:
    return int(round(x))


# Each entry: regex and a function from the match to milliseconds. Order only matters for
# ties at the same position (longer matches win anyway).
_DURATION_PATTERNS: list[tuple[re.Pattern[str], object]] = [
    (ascii_rx(r"(?<![\d:.])(\d{1,2}):([0-5]\d)(?:\.(\d{1,3}))?(?![\d:])"),
     lambda m: None if f"{m.group(1)}:{m.group(2)}" in _ASPECT_LIKE
     else (int(m.group(1)) * 60 + int(m.group(2))) * 1000 + int((m.group(3) or "0").ljust(3, "0"))),
    (ascii_rx(r"\bhalf[\s-]+(?:a[\s-]+)?minute\b"), lambda m: 30000),
    (ascii_rx(r"\ba\s+minute" + _HALF + r"?(?![a-z])"),
     lambda m: 90000 if "half" in m.group(0) else 60000),
    (ascii_rx(rf"(?P<m>{NUM})(?P<h1>{_HALF})?[\s-]*{_M}(?P<h2>{_HALF})?"
                rf"(?:[\s,]*(?:and\s+)?(?P<s>{NUM})[\s-]*{_S})?"),
     lambda m: _ms((_n(m.group("m")) + (0.5 if m.group("h1") or m.group("h2") else 0)) * 60000
                   + _n(m.group("s")) * 1000)),
    (ascii_rx(rf"(?P<s>{NUM})(?P<h>{_HALF})?[\s-]*{_S}"),
     lambda m: _ms((_n(m.group("s")) + (0.5 if m.group("h") else 0)) * 1000)),
    (ascii_rx(rf"(?P<v>{NUM})[\s-]*{_MS}"), lambda m: _ms(_n(m.group("v")))),
    # Chinese
    (ascii_rx(r"半分钟"), lambda m: 30000),
    (ascii_rx(rf"(?P<m>{NUM_ZH})\s*(?:分钟|分(?=半|\s*{NUM_ZH}\s*秒))"
                rf"(?:(?P<h>半)钟?|\s*(?P<s>{NUM_ZH})\s*秒钟?)?"),
     lambda m: _ms(_n(m.group("m")) * 60000 + (30000 if m.group("h") else _n(m.group("s")) * 1000))),
    (ascii_rx(rf"(?P<s>{NUM_ZH})\s*(?:个)?\s*秒(?:钟)?(?P<h>半)?"),
     lambda m: _ms((_n(m.group("s")) + (0.5 if m.group("h") else 0)) * 1000)),
    (ascii_rx(rf"(?P<v>{NUM_ZH})\s*毫秒"), lambda m: _ms(_n(m.group("v")))),
]


def find_durations(text: str) -> list[DurationMatch]:
    """Every duration phrase in the text, left to right (overlaps resolved to the longest).

    Positions refer to the normalised text (`normalize`), which has the same length as the
    input for ordinary text.

    >>> [d.ms for d in find_durations("a 30-second promo, title for the first 3 seconds")]
    [30000, 3000]
    >>> [d.ms for d in find_durations("一分半钟的视频，前3秒显示标题")]
    [90000, 3000]
    """
    t = re.sub(r"(?<=\d)-?ish\b", lambda m: " " * len(m.group(0)), normalize(text))  # "20ish seconds": 20 s (same length)
    found: list[DurationMatch] = []
    for rx, fn in _DURATION_PATTERNS:
        for m in rx.finditer(t):
            if re.search(r"\d[eE][+-]?$", t[max(0, m.start() - 4):m.start()]):  # (its end: the whole text before was
                # searched from every position, so "30s" * 3330 cost 1.4 s of CPU)
                continue  # "1e308 seconds": not a length anyone types, and not 308 s
            if re.search(r"(?<![\dA-Za-z_])[A-Za-z_]{2,}$", t[max(0, m.start() - 12):m.start()]) and t[m.start():m.start() + 1].isdigit():
                continue  # "put DSC00417 second": a file's name, not 417 seconds (the shot was made 417 s long)
            if ":" in m.group(0) and re.match(r"(?i)\s*[ap]\.?m\b", t[m.end():]):
                continue  # "7:30pm" is a clock time, not seven and a half minutes
            if ":" in m.group(0) and _EVENT_AT.search(t[max(0, m.start() - 24):m.start()]):
                continue  # "doors 6pm, talk 6:45": when the talk starts (the video was made 405 s long)
            if re.fullmatch(r"\d{1,2}s", m.group(0)) and _not_seconds(t, m.start(), m.end()):
                continue  # an age group ("£8 under 16s") or a decade ("more 70s looking")
            ms = fn(m)  # type: ignore[operator]
            if ms is None or ms <= 0:
                continue
            found.append(DurationMatch(int(ms), m.start(), m.end(), m.group(0)))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DurationMatch] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


# a part of an event's programme right before a clock time written without am/pm ("talk 6:45", "doors at 6:30")
_EVENT_AT = re.compile(r"(?i)\b(?:doors?|talks?|keynote|sessions?|showtime|gates?|kick[\s-]?off|registration|check[\s-]?in|"
                       r"arrival|dinner|lunch|breakfast|brunch|curtains?|headliner|soundcheck|q\s*&\s*a|panel|workshop)"
                       r"(?:\s+(?:starts?|begins?|opens?|is|are))?\s*(?:at|@|from|:|-|–)?\s*$")


def _not_seconds(t: str, start: int, end: int) -> bool:
    """Whether "16s"/"70s" at ``t[start:end]`` is an age group ("tickets £12 adults £8 under 16s", not "keep
    it under 30s") or a decade ("can it be more 70s looking", "90s vibe"), not seconds."""
    if _AGE_GROUP_BEFORE.search(t[max(0, start - 40):start]):
        return True
    return bool(re.fullmatch(r"[1-9]0s", t[start:end])
                and (_ERA_BEFORE.search(t[max(0, start - 30):start]) is not None or _ERA_AFTER.search(t[end:end + 30]) is not None))


# Words right before a duration that make it something other than a total length.
_NOT_TOTAL_BEFORE = ascii_rx(
    r"(?:\b(?:first|last|final|opening|closing|initial|from|at|after|before|until|till|every|"
    r"each|per|by|between|about the|extra|additional|another|more|"
    # a point in time ("kicks in around 10 seconds"); alone, "around 30 seconds" is a length
    r"(?:in|at|from|starts?|begins?|kicks?\s+in|comes?\s+in|happens?|drops?)\s+(?:at\s+)?around)|"
    # the words a label puts on screen ("Text: 60 minutes. 2-6 players"), not a length
    r"\b(?:texts?|captions?|words|titles?|headlines?|taglines?|overlays?|on[\s-]?screen)\s*:|"
    # how far away it is ("走路5分钟", "离地铁站5分钟", "开车20分钟")
    # how long a text is shown ("开头加标题：暑假来学编程吧！ 显示3秒" cut the video to 3 s)
    r"显示|出现|停留|(?:文字|字幕|标题)[:：]|走路|步行|开车|驾车|骑车|打车|坐车|车程|路程|"
    r"离(?!别|开|婚)[^\s，,。；;：:]{1,10}(?<!视频)(?<!片)|距[^\s，,。；;：:]{0,10}(?<!视频)(?<!片)|"
    r"\b(?:fade|fades|fading|crossfade|crossfades|dissolve|transition|transitions)"
    r"(?:\s+(?:in|out))?(?:\s+(?:of|over|for|in|lasting|by))?|"
    r"前|最后|最後|后|從|从|在|第|每|淡入|淡出|转场|过渡|加|减|多|少)\s*(?:the\s+)?(?:a\s+)?$")
_AFTER_ONE = ascii_rx(r"\bafter\s+an?\s*$")
_A_VIDEO = ascii_rx(r"^[\s-]*(?:long\s+)?(?:video|vid|reel|promo|ad|advert|clip|tiktok|short|story|edit|one|slideshow)\b")
_CLOCK_BEFORE = ascii_rx(r"\b(?:pick[\s-]?up|doors|opens?|closes?|starts?|begins?|hits?|kicks?\s+off|check[\s-]?in|"
                         r"check[\s-]?out|arrive|arrival|show|showtime|gates?|registration|warm[\s-]?up)\s*[~≈]?\s*$")
_NOT_TOTAL_AFTER = ascii_rx(
    r"^\s*(?:(?:per|each|every|a piece|apiece|for each|for every)\b|/|"
    r"(?:long\s+)?(?:cross)?(?:fade|dissolve|transition|wipe|slide)s?\b|"
    r"mark\b|in(?:to)?\s+(?:the\s+)?(?:video|clip|song|track|music)\b|in\s*(?:[,.;]|$)|处|时|的时候|每|转场|过渡|淡|"
    # what lasts that long is not the video: "20 min sessions", "a 5 minute walk from the station"
    r"(?:free\s+|private\s+|mini\s+|guided\s+)?(?:sessions?|class(?:es)?|lessons?|workouts?|walk|drive|ride|"
    r"consultations?|appointments?|massages?|treatments?|facials?|breaks?|wait|read|tours?|calls?|meetings?|slots?|"
    r"chats?|commute|trip|away|from\b|workshops?|rounds?|intervals?|sets?|shifts?|delivery|service)\b"
    r"(?!\s+(?:video|clip|reel|promo|film|vlog|tutorial|slideshow|montage))|"
    r"车程|路程|步行|走路|就到|可达|即达|到达)")
# words beside a decade ("70s looking", "an 80s vibe", "the 90s"): a look, not a length
_ERA_AFTER = ascii_rx(r"^\s*-?\s*(?:style|look(?:s|ing)?|vibes?|feel|retro|vintage|era|aesthetic|theme[ds]?|disco|fashion|"
                      r"throwback|inspired|colou?rs?|grain|filter|grade|party|music|songs?|tunes?|hits)\b")
_ERA_BEFORE = ascii_rx(r"(?:\b(?:the|more|very|super|totally|retro|vintage|classic|look(?:s|ing)?(?:\s+like)?|feel|vibes?|"
                       r"style)|['’])\s*$")
# an age group after a price or who it is for: "£8 under 16s", "free entry for under 5s" (not "keep it under 30s")
_AGE_GROUP_BEFORE = ascii_rx(r"(?:[£$€]\s?\d[\d.,]*|\b(?:free|for|adults?|kids?|child(?:ren)?|ages?|teens?|students?|"
                             r"concessions?|tickets?|entry|admission)|\b(?:under|over)\s*\d{1,2}s)\b[^.;!?\n]{0,16}\b(?:under|over|u)[\s-]*$")

# "each image for 3 seconds", "每张图片3秒"
_PER_ITEM_BEFORE = ascii_rx(r"(?:\b(?:each|every|per)\b[^,.;:]{0,24}|每[^，,。；;：]{0,8})$")


def _range_spans(t: str) -> list[tuple[int, int]]:
    spans = []
    for rx, _kind in _RANGE_PATTERNS:
        for m in rx.finditer(t):
            spans.append((m.start(), m.end()))
    return spans


# "25-30s, for facebook", "12-15 sec reel", "about 20-25 seconds": a length said as a range (the most it may run);
# not a span of the video ("the title 0-3s", "from 10-14s", "music between 5-20 seconds")
_LENGTH_RANGE = re.compile(r"(?<![\d.:])(?P<a>\d{1,3})\s*(?:-|–|—|to|~)\s*(?P<b>\d{1,3})\s*(?:s|secs?|seconds?)\b"
                           r"(?=\s*(?:long|reels?|videos?|clips?|promos?|ads?|tiktoks?|max|ish|or\s+so|[,.;!)]|for\b|$))")
_SPAN_BEFORE = re.compile(r"\b(?:from|at|between|until|till|title|caption|captions|text|cta|logo|music|song|voice|voiceover|"
                          r"shot|photo|pic|picture|image|clip|slide|first|last|fade|transition)s?\W*(?:\w+\W+)?$")


def length_range_ms(text: str) -> int | None:
    """The longest a video said as a range of lengths may run, in ms, else None.

    >>> length_range_ms("25-30s, for facebook + insta feed"), length_range_ms("12-15 sec reel")
    (30000, 15000)
    >>> length_range_ms("show the title 0-3s"), length_range_ms("music from 10-20 seconds")
    (None, None)
    """
    t = normalize(text)
    for m in _LENGTH_RANGE.finditer(t):
        a, b = int(m.group("a")), int(m.group("b"))
        if 5 <= a < b <= 180 and not _SPAN_BEFORE.search(t[max(0, m.start() - 30):m.start()]):
            return b * 1000
    return None


def parse_duration_ms(text: str) -> int | None:
    """The total length the text asks for, in ms.

    Durations that are part of a time range ("first 3 seconds", "from 10s to 14s", "at 0:12"),
    a per-item length ("3 s per image", "每张3秒"), a change ("by 5 seconds") or a
    transition/fade length are skipped. Of the rest, one with a "whole video" cue wins
    ("30-second promo", "30 seconds long", "make it 20s", "30秒的视频"), one that belongs to an
    element loses ("the title for 3 seconds", "标题显示3秒"); ties go to the first.

    >>> parse_duration_ms("combine these into a 30-second promotional video")
    30000
    >>> [parse_duration_ms(s) for s in ("30s", "30 sec", "half a minute", "1.5 minutes", "1:30")]
    [30000, 30000, 30000, 90000, 90000]
    >>> [parse_duration_ms(s) for s in ("a minute and a half", "thirty seconds", "2 minutes 15 seconds")]
    [90000, 30000, 135000]
    >>> [parse_duration_ms(s) for s in ("30秒", "三十秒", "半分钟", "1分钟", "一分半钟", "1分30秒")]
    [30000, 30000, 30000, 60000, 90000, 90000]
    >>> parse_duration_ms("show the title for the first 3 seconds") is None
    True
    >>> parse_duration_ms("make it 9:16") is None
    True
    """
    if (ranged := length_range_ms(text)) is not None:
        return ranged
    t = normalize(text)
    spans = _range_spans(t)
    candidates: list[tuple[int, int, int]] = []
    for d in find_durations(t):
        if any(a <= d.start and d.end <= b for a, b in spans):
            continue
        if _NOT_TOTAL_BEFORE.search(t[max(0, d.start - 24):d.start]) and not (
                _AFTER_ONE.search(t[max(0, d.start - 24):d.start]) and _A_VIDEO.match(t[d.end:d.end + 24])):
            continue  # (but "i'm after a 30 sec video": one wanted, not a time after 30 s)
        if _NOT_TOTAL_AFTER.search(t[d.end:d.end + 20]):
            continue
        if _PER_ITEM_BEFORE.search(t[max(0, d.start - 30):d.start]):
            continue
        if ":" in t[d.start:d.end] and _CLOCK_BEFORE.search(t[max(0, d.start - 24):d.start]):
            continue  # "packet pickup 6:45", "the chorus starts ~1:02": a time of day or a point in a song
        candidates.append((_total_score(t, d), -d.start, d.ms))
    candidates = [c for c in candidates if c[0] >= 0]  # element lengths are not the total
    # a length of ten minutes or more said bare beside a thing that lasts ("webinar replay, 45 minutes") is the
    # thing's, not the video's: a video that long is asked for as one ("a 45 minute video", "make it 45 minutes")
    # (or among other words: "Text: 60 minutes. 2-6 players")
    if _LASTS.search(t) or len(t) > 40:
        candidates = [c for c in candidates if c[0] > 0 or c[2] < 600_000]
    if not candidates:
        return None
    return max(candidates)[2]


# Cues that a duration is the video's length ("30-second promo", "30 seconds long", "总长30秒")
# or the length of one element ("the title 'X' for 3 seconds", "标题显示3秒").
_TOTAL_AFTER = ascii_rx(r"^\s*(?:long\b|total\b|in\s+total\b|overall\b|video\b|promo\b|clip\b|reel\b|ad\b|spot\b|"
                   r"teaser\b|slideshow\b|trailer\b|story\b|commercial\b|montage\b|长|的(?:竖屏|横屏|宣传)?(?:视频|短片|宣传片|广告)|视频)")
_TOTAL_BEFORE = ascii_rx(r"(?:\b(?:make\s+it|total|overall|length(?:\s+of)?|lasting|be|into\s+an?|an?|to|within|under|"
                    r"about|around|roughly|approx(?:imately)?)|~|"
                    r"总长|总时长|时长|长度|做成|剪成|变成|控制在)\s*(?:the\s+)?$")
_ELEMENT_BEFORE = ascii_rx(r"(?:\b(?:title|caption|text|logo|overlay|cta|call\s+to\s+action|image|picture|photo|it)s?\b"
                      r"[^,.;:]{0,30}\b(?:for|show(?:n|ing)?\s+for|stay(?:s|ing)?\s+for)\s*$|"
                      r"(?:标题|字幕|文字|logo)[^，,。；;]{0,24}$)")


_LASTS = ascii_rx(r"\b(?:webinar|replay|recording|episode|podcast|course|class|session|talk|lecture|interview|"
                  r"livestream|film|movie|documentary|concert|show|runtime|workshop|seminar|meeting)s?\b|讲座|直播|课程|回放")


def _total_score(t: str, d: DurationMatch) -> int:
    before, after = t[max(0, d.start - 40):d.start], t[d.end:d.end + 24]
    if re.search(r"[\u4e00-\u9fff]", before):
        # ("配字幕 20秒就行": the captions' clause ended; "标题 3秒" is still the title's)
        before = re.split(r"(?<=[\u4e00-\u9fff]{3})\s+(?=\S*$)", before)[-1]
    score = 0
    if "-" in d.text or _TOTAL_AFTER.search(after):
        score += 2
    if _TOTAL_BEFORE.search(before):
        score += 1
    if _ELEMENT_BEFORE.search(before):
        score -= 2
    return score


_TV_UNIT = r"(?:seconds?|secs?|s|minutes?|mins?|milliseconds?|ms|秒钟?|分钟)"
TV = rf"(?:\d{{1,2}}:[0-5]\d(?:\.\d+)?|{NUM_ANY}\s*(?:-\s*)?{_TV_UNIT}?)(?![\w%]|\.\d)"
_TV_U = rf"(?:\d{{1,2}}:[0-5]\d(?:\.\d+)?|{NUM_ANY}\s*(?:-\s*)?{_TV_UNIT})(?![\w%]|\.\d)"
# Chinese: units are followed by more CJK text, so no "(?!\w)" guard
ZTV = rf"(?:\d{{1,2}}:[0-5]\d|{NUM_ZH}\s*(?:秒钟?|s|分钟)?)"
_ZTV_U = rf"(?:\d{{1,2}}:[0-5]\d|{NUM_ZH}\s*(?:秒钟?|s|分钟|分(?=半)))(?:半)?"


def parse_time_value_ms(text: str, default_unit: str = "s") -> int | None:
    """One point in time or length: "12s", "0:12", "12 seconds", "1.5 min", "十二秒", "12"
    (bare numbers use ``default_unit``: "s", "min" or "ms").

    >>> [parse_time_value_ms(s) for s in ("12s", "0:12", "1.5 min", "十二秒", "12", "1分半")]
    [12000, 12000, 90000, 12000, 12000, 90000]
    """
    t = normalize(text).strip()
    if not t:
        return None
    found = find_durations(t)
    if found and found[0].start == 0:
        return found[0].ms
    if re.fullmatch(r"(?:0+(?:\.0+)?|零)\s*(?:s|secs?|seconds?|ms|mins?|minutes?|秒钟?|分钟?)\s*", t):
        return 0  # "from 0s to 8s", "从0秒到8秒": a length of nothing is no duration, but a time
    m = re.fullmatch(rf"({NUM_ANY})\s*-?\s*", t)
    if m:
        v = parse_number(m.group(1))
        if v is None:
            return None
        scale = {"s": 1000, "min": 60000, "ms": 1}.get(default_unit, 1000)
        return _ms(float(v) * scale)
    return None


def _unit_of(tv: str) -> str:
    tv = normalize(tv)
    if re.search(r"(?:minutes?|mins?|分钟)\s*$", tv):
        return "min"
    if re.search(r"(?:milliseconds?|ms)\s*$", tv):
        return "ms"
    return "s"


# --------------------------------------------------------------------------------------
# time ranges
# --------------------------------------------------------------------------------------


class RangeKind(StrEnum):
    SPAN = "span"          # from X to Y
    START = "start"        # first N seconds / at the start
    END = "end"            # last N seconds / at the end
    POINT = "point"        # at 0:12 (length not stated unless "for N s" follows)
    AFTER = "after"        # from X on
    ALL = "all"            # throughout
    MIDDLE = "middle"      # in the middle


@dataclass(frozen=True)
class TimeRange:
    """A stretch of the timeline in ms, ``0 <= start_ms < end_ms <= total``.

    ``explicit`` is False when the length was not stated and ``default_ms`` was used
    ("at the end", "at 0:12").
    """

    start_ms: int
    end_ms: int
    kind: RangeKind
    explicit: bool = True

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


_RANGE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (ascii_rx(rf"\bfrom\s+(?:the\s+)?(?P<a>{TV})\s*(?:to|until|till|through|thru|-)\s*(?:the\s+)?(?P<b>{TV})(?:\s*marks?)?"), "span"),
    (ascii_rx(rf"\bbetween\s+(?:the\s+)?(?P<a>{TV})\s+and\s+(?:the\s+)?(?P<b>{TV})"), "span"),
    # (each number from its first digit: a run of 10,000 digits was tried from every one of them, 4 s a reading)
    (ascii_rx(r"(?<![\d.])(?P<a>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds)?)\s*(?:-|to)\s*(?P<b>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds))(?![\w%])"), "span"),
    (ascii_rx(rf"从\s*(?:第\s*)?(?P<a>{ZTV})\s*(?:开始)?(?:显示|出现|播放|持续)?\s*(?:到|至|-|~)\s*(?:第\s*)?(?P<b>{ZTV})"), "span"),
    (ascii_rx(rf"(?:第\s*)?(?P<a>{ZTV})\s*(?:到|至)\s*(?:第\s*)?(?P<b>{_ZTV_U})"), "span"),
    (ascii_rx(rf"\b(?:the\s+)?(?:first|opening|initial)\s+(?P<n>{_TV_U})"), "first"),
    (ascii_rx(rf"(?:开头|开始|片头)?的?前\s*(?P<n>{_ZTV_U})"), "first"),
    (ascii_rx(rf"\b(?:the\s+)?(?:last|final|closing)\s+(?P<n>{_TV_U})"), "last"),
    (ascii_rx(rf"(?:最后|最後|末尾|结尾|片尾)\s*的?\s*(?P<n>{_ZTV_U})|(?<![前以之])后\s*(?P<n2>{_ZTV_U})"), "last"),
    (ascii_rx(rf"(?:\bat|@)\s+(?:the\s+)?(?P<a>{TV})(?:\s*marks?)?(?:\s*,?\s*for\s+(?P<d>{_TV_U}))?"), "at"),
    # "从第20秒开始音乐静音", "第20秒以后": from then on (read as "at 20 s" it muted 0-20 s)
    (ascii_rx(rf"(?:从|自)\s*(?:第\s*)?(?P<a>{_ZTV_U})\s*(?:开始|起|以后|之后)(?!\s*(?:显示|出现|播放)?\s*(?:到|至|-|~))|"
         rf"(?:第\s*)?(?P<a2>{_ZTV_U})\s*(?:以后|之后)"), "after"),
    (ascii_rx(rf"(?:在|于)\s*(?:第\s*)?(?P<a>{_ZTV_U})(?:处|时|的时候|的位置)?(?:\s*(?:显示|持续|出现)?\s*(?P<d>{_ZTV_U}))?|第\s*(?P<a2>{_ZTV_U})"), "at"),
    (ascii_rx(rf"\b(?:after|from|starting at|starting from|beginning at)\s+(?:the\s+)?(?P<a>{_TV_U})(?:\s*marks?)?(?:\s+on(?:wards?)?)?"), "after"),
    (ascii_rx(rf"(?P<a>{_ZTV_U})\s*(?:以?后|之后|开始|起)"), "after"),
    (ascii_rx(rf"\b(?:until|till|up to|before)\s+(?:the\s+)?(?P<b>{_TV_U})(?:\s*marks?)?"), "until"),
    (ascii_rx(r"\bthroughout\b|\b(?:the\s+)?(?:whole|entire|full)\s+(?:video|time|thing|duration|clip|length)\b|"
                r"\ball\s+the\s+way\s+through\b|\bthe\s+whole\s+way\b|\bfrom\s+start\s+to\s+(?:finish|end)\b|"
                r"全程|整个视频|全片|从头到尾|始终|一直(?:显示|挂|留|在|放)"), "all"),
    (ascii_rx(r"\b(?:at|in|near|towards?|by)\s+the\s+(?:very\s+)?end\b|\bat\s+the\s+close\b|\bas\s+(?:an?\s+)?outro\b|"
                r"\bat\s+the\s+finish\b|结尾|片尾|末尾|在最后|最后几秒|最后的时候"), "end"),
    (ascii_rx(r"\b(?:at|in)\s+the\s+(?:very\s+)?(?:start|beginning)\b|\bat\s+first\b|\bas\s+(?:an?\s+)?intro\b|"
                r"\bto\s+start\s+with\b|开头|片头|一开始|开始的时候"), "start"),
    (ascii_rx(r"\b(?:in\s+the\s+)?middle\s+of\s+the\s+(?:video|clip)\b|\bhalfway(?:\s+through)?\b|\bmid-?way\b|"
                r"视频中间|中段|一半的时候"), "middle"),
]


def parse_time_range(text: str, total_ms: int | None, *, default_ms: int = 3000) -> TimeRange | None:
    """Where on the timeline a phrase puts something, clamped to ``[0, total_ms]``.

    ``default_ms`` is the length used when none is stated ("at the end", "at 0:12").
    Phrases anchored on the end need ``total_ms``; without it they give ``None``.

    >>> r = parse_time_range("for the first 3 seconds", 30000); (r.start_ms, r.end_ms, r.kind.value)
    (0, 3000, 'start')
    >>> r = parse_time_range("last 4 seconds", 30000); (r.start_ms, r.end_ms)
    (26000, 30000)
    >>> r = parse_time_range("from 10s to 14s", 30000); (r.start_ms, r.end_ms)
    (10000, 14000)
    >>> r = parse_time_range("at 0:12", 30000); (r.start_ms, r.end_ms, r.explicit)
    (12000, 15000, False)
    >>> r = parse_time_range("throughout", 30000); (r.start_ms, r.end_ms)
    (0, 30000)
    >>> [(r.start_ms, r.end_ms) for r in (parse_time_range(s, 30000) for s in ("前3秒", "最后4秒", "从10秒到14秒"))]
    [(0, 3000), (26000, 30000), (10000, 14000)]
    >>> parse_time_range("make it brighter", 30000) is None
    True
    """
    t = normalize(text)
    for rx, kind in _RANGE_PATTERNS:
        m = rx.search(t)
        if not m:
            continue
        r = _range_from(m, kind, total_ms, default_ms)
        if r is not None:
            return r
    return None


_SCI_NUMBER = ascii_rx(r"(?<![\w.])\d+(?:\.\d+)?e[+-]?\d+(?:\s*(?:seconds?|secs?|s|ms|minutes?|mins?)\b)?")


def time_past_end(text: str, total_ms: int) -> str | None:
    """The time a phrase places something at when it cannot be placed there: past the video's end
    ("at 99999999:00", "from 45s to 50s" in a 30 s video) or no time at all ("1e30s"); else None.
    `parse_time_range` would clamp such a time to the end (or find no time and mean "throughout").

    >>> time_past_end("add the title 'x' at 99999999:00", 30000), time_past_end("at 0:12", 30000)
    ('99999999:00', None)
    >>> time_past_end("from 1e30s to 1e31s", 30000), time_past_end("from 25s to 40s", 30000)
    ('1e30s', None)
    """
    t = normalize(text)
    m = _SCI_NUMBER.search(t)
    if m:
        return m.group(0)
    for rx, kind in _RANGE_PATTERNS:
        if kind not in ("at", "after", "span"):
            continue
        for m in rx.finditer(t):
            g = m.groupdict()
            raw = g.get("a") or g.get("a2")
            if not raw:
                continue
            whole = re.match(r"\d+:[0-5]\d", t[m.start("a") if g.get("a") else m.start("a2"):])
            if whole:  # "99999999:00": minutes past the one or two digits a clock time has
                mm, _, ss = whole.group(0).partition(":")
                a, raw = (int(mm) * 60 + int(ss)) * 1000, whole.group(0)
            else:
                a = tv(raw, _unit_of(raw))
            if a is not None and (a > total_ms or a == total_ms and kind != "at"):
                return raw.strip()
    return None


def tv(s: str | None, unit: str = "s") -> int | None:
    return parse_time_value_ms(s, unit) if s else None


def _range_from(m: re.Match[str], kind: str, total: int | None, default_ms: int) -> TimeRange | None:
    g = m.groupdict()
    limit = total if total is not None else 10**9

    def make(a: int | None, b: int | None, k: RangeKind, explicit: bool = True) -> TimeRange | None:
        if a is None or b is None:
            return None
        a, b = max(0, min(a, limit)), max(0, min(b, limit))
        if b <= a:
            return None
        return TimeRange(a, b, k, explicit)

    if kind == "span":
        unit = _unit_of(g["b"])
        a = tv(g["a"], _unit_of(g["a"]) if re.search(r"[a-z秒钟]\s*$", g["a"]) else unit)
        return make(a, tv(g["b"], unit), RangeKind.SPAN)
    if kind == "first":
        return make(0, tv(g["n"]), RangeKind.START)
    if kind == "last":
        if total is None:
            return None
        n = tv(g.get("n") or g.get("n2"))
        return make(total - n, total, RangeKind.END) if n is not None else None
    if kind == "at":
        a = tv(g.get("a") or g.get("a2"))
        if a is None:
            return None
        if g.get("d"):
            return make(a, a + (tv(g["d"]) or 0), RangeKind.POINT)
        end = a + default_ms
        if total is not None and end > total:  # keep the default length inside the video
            a, end = max(0, total - default_ms), total
        return make(a, end, RangeKind.POINT, explicit=False)
    if kind == "after":
        if total is None:
            return None
        return make(tv(g.get("a") or g.get("a2")), total, RangeKind.AFTER)
    if kind == "until":
        return make(0, tv(g["b"]), RangeKind.START)
    if kind == "all":
        return make(0, total, RangeKind.ALL) if total is not None else None
    if kind == "end":
        if total is None:
            return None
        return make(max(0, total - default_ms), total, RangeKind.END, explicit=False)
    if kind == "start":
        return make(0, default_ms, RangeKind.START, explicit=False)
    if kind == "middle":
        if total is None:
            return None
        a = max(0, (total - default_ms) // 2)
        return make(a, a + default_ms, RangeKind.MIDDLE, explicit=False)
    return None
