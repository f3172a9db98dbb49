"""Pure phrase extraction from instructions, English and Chinese. Deterministic, no I/O.

Every function takes free text and returns a typed value, or ``None`` when the phrase is
absent. Shared by the compose planner (first cut) and the rule edit planner (follow-ups).

Conventions
- Durations and times are integer milliseconds.
- Percentages come back as fractions (``"35%"`` -> ``0.35``); volumes as linear gain.
- Aspect ratios are the preset names of `reelforge.timeline.presets` (``"16:9"``, ``"9:16"``,
  ``"1:1"``, ``"4:5"``); resolutions the keys of ``RESOLUTIONS`` (``"720p"``, ``"1080p"``, ``"4k"``…).
- Text is normalised with NFKC first, so full-width digits and ``％`` work (``３０秒``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from reelforge.timeline.model import MOTION_AMOUNTS, Motion, Position, Transition

__all__ = [
    "DurationMatch", "RangeKind", "TimeRange", "TransitionSpec",
    "normalize", "is_chinese", "parse_number", "parse_ordinal", "find_durations",
    "parse_duration_ms", "parse_time_value_ms", "parse_resolution", "parse_aspect",
    "parse_percent", "parse_db", "db_to_gain", "quoted_texts", "parse_transition",
    "parse_position", "parse_time_range", "time_past_end", "wants_text_overlays", "parse_music_volume",
    "parse_voice_volume", "mentions_voiceover", "wants_motion", "motion_ask", "MotionAsk", "motion_kinds", "frame_rate_in", "wants_hard_cuts",
]


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile with ASCII word boundaries, so English words are found next to Chinese text
    ("做成TikTok竖屏", "导出4K视频"): CJK characters count as non-word characters."""
    return re.compile(pattern, re.ASCII)


# --------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_WORD = r"(?:" + "|".join(sorted([*_EN_UNITS, "hundred"], key=len, reverse=True)) + r")"
# "thirty-five", "one hundred and twenty"; two numbers side by side are two numbers ("pic two three
# seconds" is pic 2 for 3 s, not 5 s)
_EN_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_EN_TEENS = r"(?:zero|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_EN_TENS = r"(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
_EN_SMALL = rf"(?:{_EN_TENS}(?:[\s-]+{_EN_ONES}(?![a-z]))?|{_EN_TEENS}|{_EN_ONES})"
EN_NUM = (rf"(?<![a-z])(?:(?:{_EN_SMALL}[\s-]+)?hundred(?:[\s-]+(?:and[\s-]+)?{_EN_SMALL}(?![a-z]))?|{_EN_SMALL})"
          r"(?![a-z])")
DIGITS = r"(?<![\d.])\d+(?:\.\d+)?"
_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}
ZH_NUM = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
NUM = rf"(?:{DIGITS}|{EN_NUM})"
NUM_ZH = rf"(?:{DIGITS}|{ZH_NUM})"
NUM_ANY = rf"(?:{DIGITS}|{EN_NUM}|{ZH_NUM})"


def normalize(text: str) -> str:
    """NFKC + lower case + curly dashes unified. ``"３０％"`` -> ``"30%"``."""
    text = unicodedata.normalize("NFKC", text or "")
    return text.replace("–", "-").replace("—", "-").replace("−", "-").lower()


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
"""A Chinese (CJK) character."""
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# a file name: all Chinese ("咖啡.jpg") or none ("音乐换成music_100.m4a" names music_100.m4a)
_FILE_NAME = re.compile(r"(?:[\u4e00-\u9fff]+|[^\s\"'“”‘’「」『』《》,，;；\u4e00-\u9fff]+)\.[A-Za-z][A-Za-z0-9]{1,4}(?![A-Za-z0-9])")
_ZH_STYLE_WORD = re.compile(r"[\u4e00-\u9fff]{1,4}(?:一点|一些)?的?(?:风格|风|样式|调性|感觉)")


def is_chinese(text: str) -> bool:
    """True when the text is mainly Chinese: the language of every reply, summary and made-up
    on-screen copy. One Chinese character is about half a word, so Chinese wins when its
    characters are at least twice the Latin words — counted outside quotes, file names and
    Chinese style words ("简约风格" in an English instruction is a style picked, not the
    language spoken); when nothing is left outside them, the whole text counts.

    >>> is_chinese("做成30秒的视频"), is_chinese("30-second promo"), is_chinese("把title改成'夏日'")
    (True, False, True)
    >>> is_chinese("10 second instagram reel, 简约风格, with text overlays"), is_chinese("简约风格")
    (False, True)
    >>> is_chinese("音乐换成music_100.m4a"), is_chinese("use 咖啡.jpg first"), is_chinese("把narration_fast.wav作为旁白")
    (True, False, True)
    """
    s = text or ""
    if not CJK.search(s):
        return False
    rest = s
    for q in quoted_texts(s):
        rest = rest.replace(q, " ")
    rest = _ZH_STYLE_WORD.sub(" ", _FILE_NAME.sub(" ", rest))
    if not CJK.search(rest) and not _LATIN_WORD.search(rest):
        rest = s  # all of it quoted or a style word: then that is the language
    cjk = len(CJK.findall(rest))
    return cjk > 0 and cjk >= 2 * len(_LATIN_WORD.findall(rest))


def _zh_int(s: str) -> int | None:
    if not s:
        return None
    if all(ch in _ZH_DIGIT for ch in s):
        if len(s) == 1:
            return _ZH_DIGIT[s]
        return int("".join(str(_ZH_DIGIT[ch]) for ch in s))  # 一二三 -> 123 (digit by digit)
    total, current, last_unit = 0, 0, 0
    for ch in s:
        if ch in _ZH_DIGIT:
            current = _ZH_DIGIT[ch]
            last_unit = 0 if current == 0 else last_unit
        elif ch in _ZH_UNIT:
            unit = _ZH_UNIT[ch]
            total += (current or 1) * unit
            current = 0
            last_unit = unit
        else:
            return None
    if current and last_unit >= 100 and s[-2] in _ZH_UNIT:
        current *= last_unit // 10  # 一百二 -> 120, 两千五 -> 2500
    return total + current


def parse_number(token: str) -> float | None:
    """A number written as digits, English words, Chinese numerals or "half".

    Integral values come back as ``int``.

    >>> parse_number("30"), parse_number("1.5"), parse_number("thirty-five")
    (30, 1.5, 35)
    >>> parse_number("one hundred and twenty"), parse_number("a"), parse_number("half")
    (120, 1, 0.5)
    >>> parse_number("三十五"), parse_number("两"), parse_number("一百零五"), parse_number("半")
    (35, 2, 105, 0.5)
    >>> parse_number("一点五"), parse_number("banana") is None
    (1.5, True)
    """
    t = normalize(token).strip()
    if not t:
        return None
    value: float | None = None
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        value = float(t)
    elif t in ("half", "a half", "半"):
        value = 0.5
    elif t in ("a", "an", "single"):
        value = 1
    elif t in ("a couple", "couple"):
        value = 2
    elif m := re.fullmatch(rf"an?\s+({EN_NUM})", t):
        return parse_number(m.group(1))
    elif re.fullmatch(EN_NUM, t):
        total, current = 0, 0
        for word in re.split(r"[\s-]+", t):
            if word == "and":
                continue
            if word == "hundred":
                current = (current or 1) * 100
            else:
                current += _EN_UNITS[word]
        value = float(total + current)
    elif re.fullmatch(ZH_NUM, t):
        whole, _, frac = t.partition("点")
        n = _zh_int(whole)
        if n is None:
            return None
        value = float(n)
        if frac:
            value += float("0." + "".join(str(_ZH_DIGIT[ch]) for ch in frac))
    if value is None:
        return None
    return int(value) if value == int(value) else value


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "last": -1, "final": -1, "penultimate": -2}


def parse_ordinal(token: str) -> int | None:
    """1-based position from an ordinal; ``-1`` is the last, ``-2`` the one before.

    >>> parse_ordinal("second"), parse_ordinal("3rd"), parse_ordinal("第三"), parse_ordinal("最后")
    (2, 3, 3, -1)
    >>> parse_ordinal("second to last"), parse_ordinal("倒数第二")
    (-2, -2)
    """
    t = normalize(token).strip()
    t = re.sub(r"^the\s+", "", t)
    if m := re.fullmatch(r"(\w+)\s+(?:to|from)\s+(?:the\s+)?last", t):
        n = parse_ordinal(m.group(1))
        return -n if n and n > 0 else None
    if t in _ORDINALS:
        return _ORDINALS[t]
    if m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t):
        return int(m.group(1)) or None
    if t in ("最后", "最后一", "最後", "末"):
        return -1
    if m := re.fullmatch(r"倒数第?\s*(\S+?)[个张段]?", t):
        n = parse_number(m.group(1))
        return -int(n) if n and n == int(n) else None
    if m := re.fullmatch(r"第\s*(\S+?)[个张段条]?", t):
        n = parse_number(m.group(1))
        return int(n) if n and n == int(n) else None
    return None


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
    (_rx(r"(?<![\d:.])(\d{1,2}):([0-5]\d)(?:\.(\d{1,3}))?(?![\d:])"),
     lambda m: None if f"{m.group(1)}:{m.group(2)}" in _ASPECT_LIKE
     else (int(m.group(1)) * 60 + int(m.group(2))) * 1000 + int((m.group(3) or "0").ljust(3, "0"))),
    (_rx(r"\bhalf[\s-]+(?:a[\s-]+)?minute\b"), lambda m: 30000),
    (_rx(r"\ba\s+minute" + _HALF + r"?(?![a-z])"),
     lambda m: 90000 if "half" in m.group(0) else 60000),
    (_rx(rf"(?P<m>{NUM})(?P<h1>{_HALF})?[\s-]*{_M}(?P<h2>{_HALF})?"
                rf"(?:[\s,]*(?:and\s+)?(?P<s>{NUM})[\s-]*{_S})?"),
     lambda m: _ms((_n(m.group("m")) + (0.5 if m.group("h1") or m.group("h2") else 0)) * 60000
                   + _n(m.group("s")) * 1000)),
    (_rx(rf"(?P<s>{NUM})(?P<h>{_HALF})?[\s-]*{_S}"),
     lambda m: _ms((_n(m.group("s")) + (0.5 if m.group("h") else 0)) * 1000)),
    (_rx(rf"(?P<v>{NUM})[\s-]*{_MS}"), lambda m: _ms(_n(m.group("v")))),
    # Chinese
    (_rx(r"半分钟"), lambda m: 30000),
    (_rx(rf"(?P<m>{NUM_ZH})\s*(?:分钟|分(?=半|\s*{NUM_ZH}\s*秒))"
                rf"(?:(?P<h>半)钟?|\s*(?P<s>{NUM_ZH})\s*秒钟?)?"),
     lambda m: _ms(_n(m.group("m")) * 60000 + (30000 if m.group("h") else _n(m.group("s")) * 1000))),
    (_rx(rf"(?P<s>{NUM_ZH})\s*(?:个)?\s*秒(?:钟)?(?P<h>半)?"),
     lambda m: _ms((_n(m.group("s")) + (0.5 if m.group("h") else 0)) * 1000)),
    (_rx(rf"(?P<v>{NUM_ZH})\s*毫秒"), lambda m: _ms(_n(m.group("v")))),
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
    t = normalize(text)
    found: list[DurationMatch] = []
    for rx, fn in _DURATION_PATTERNS:
        for m in rx.finditer(t):
            if re.search(r"\d[eE][+-]?$", t[:m.start()]):
                continue  # "1e308 seconds": not a length anyone types, and not 308 s
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


# Words right before a duration that make it something other than a total length.
_NOT_TOTAL_BEFORE = _rx(
    r"(?:\b(?:first|last|final|opening|closing|initial|from|at|after|before|until|till|every|"
    r"each|per|by|between|around|about the|extra|additional|another|more)|"
    r"\b(?:fade|fades|fading|crossfade|crossfades|dissolve|transition|transitions)"
    r"(?:\s+(?:in|out))?(?:\s+(?:of|over|for|in|lasting|by))?|"
    r"前|最后|最後|后|從|从|在|第|每|淡入|淡出|转场|过渡|加|减|多|少)\s*(?:the\s+)?(?:a\s+)?$")
_NOT_TOTAL_AFTER = _rx(
    r"^\s*(?:(?:per|each|every|a piece|apiece|for each|for every)\b|/|"
    r"(?:long\s+)?(?:cross)?(?:fade|dissolve|transition|wipe|slide)s?\b|"
    r"mark\b|in(?:to)?\s+(?:the\s+)?(?:video|clip|song|track|music)\b|in\s*(?:[,.;]|$)|处|时|的时候|每|转场|过渡|淡)")

# "each image for 3 seconds", "每张图片3秒"
_PER_ITEM_BEFORE = _rx(r"(?:\b(?:each|every|per)\b[^,.;:]{0,24}|每[^，,。；;：]{0,8})$")


def _range_spans(t: str) -> list[tuple[int, int]]:
    spans = []
    for rx, _kind in _RANGE_PATTERNS:
        for m in rx.finditer(t):
            spans.append((m.start(), m.end()))
    return spans


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
    t = normalize(text)
    spans = _range_spans(t)
    candidates: list[tuple[int, int, int]] = []
    for d in find_durations(t):
        if any(a <= d.start and d.end <= b for a, b in spans):
            continue
        if _NOT_TOTAL_BEFORE.search(t[max(0, d.start - 24):d.start]):
            continue
        if _NOT_TOTAL_AFTER.search(t[d.end:d.end + 20]):
            continue
        if _PER_ITEM_BEFORE.search(t[max(0, d.start - 30):d.start]):
            continue
        candidates.append((_total_score(t, d), -d.start, d.ms))
    candidates = [c for c in candidates if c[0] >= 0]  # element lengths are not the total
    if not candidates:
        return None
    return max(candidates)[2]


# Cues that a duration is the video's length ("30-second promo", "30 seconds long", "总长30秒")
# or the length of one element ("the title 'X' for 3 seconds", "标题显示3秒").
_TOTAL_AFTER = _rx(r"^\s*(?:long\b|total\b|in\s+total\b|overall\b|video\b|promo\b|clip\b|reel\b|ad\b|spot\b|"
                   r"teaser\b|slideshow\b|trailer\b|story\b|commercial\b|montage\b|长|的(?:竖屏|横屏|宣传)?(?:视频|短片|宣传片|广告)|视频)")
_TOTAL_BEFORE = _rx(r"(?:\b(?:make\s+it|total|overall|length(?:\s+of)?|lasting|be|into\s+an?|an?|to|within|under)|"
                    r"总长|总时长|时长|长度|做成|剪成|变成|控制在)\s*(?:the\s+)?$")
_ELEMENT_BEFORE = _rx(r"(?:\b(?:title|caption|text|logo|overlay|cta|call\s+to\s+action|image|picture|photo|it)s?\b"
                      r"[^,.;:]{0,30}\b(?:for|show(?:n|ing)?\s+for|stay(?:s|ing)?\s+for)\s*$|"
                      r"(?:标题|字幕|文字|logo)[^，,。；;]{0,10}$)")


def _total_score(t: str, d: DurationMatch) -> int:
    before, after = t[max(0, d.start - 40):d.start], t[d.end:d.end + 24]
    score = 0
    if "-" in d.text or _TOTAL_AFTER.search(after):
        score += 2
    if _TOTAL_BEFORE.search(before):
        score += 1
    if _ELEMENT_BEFORE.search(before):
        score -= 2
    return score


_TV_UNIT = r"(?:seconds?|secs?|s|minutes?|mins?|milliseconds?|ms|秒钟?|分钟)"
_TV = rf"(?:\d{{1,2}}:[0-5]\d(?:\.\d+)?|{NUM_ANY}\s*(?:-\s*)?{_TV_UNIT}?)(?![\w%]|\.\d)"
_TV_U = rf"(?:\d{{1,2}}:[0-5]\d(?:\.\d+)?|{NUM_ANY}\s*(?:-\s*)?{_TV_UNIT})(?![\w%]|\.\d)"
# Chinese: units are followed by more CJK text, so no "(?!\w)" guard
_ZTV = rf"(?:\d{{1,2}}:[0-5]\d|{NUM_ZH}\s*(?:秒钟?|s|分钟)?)"
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
    (_rx(rf"\bfrom\s+(?:the\s+)?(?P<a>{_TV})\s*(?:to|until|till|through|thru|-)\s*(?:the\s+)?(?P<b>{_TV})(?:\s*marks?)?"), "span"),
    (_rx(rf"\bbetween\s+(?:the\s+)?(?P<a>{_TV})\s+and\s+(?:the\s+)?(?P<b>{_TV})"), "span"),
    (_rx(r"(?P<a>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds)?)\s*(?:-|to)\s*(?P<b>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds))(?![\w%])"), "span"),
    (_rx(rf"从\s*(?:第\s*)?(?P<a>{_ZTV})\s*(?:开始)?(?:显示|出现|播放|持续)?\s*(?:到|至|-|~)\s*(?:第\s*)?(?P<b>{_ZTV})"), "span"),
    (_rx(rf"(?:第\s*)?(?P<a>{_ZTV})\s*(?:到|至)\s*(?:第\s*)?(?P<b>{_ZTV_U})"), "span"),
    (_rx(rf"\b(?:the\s+)?(?:first|opening|initial)\s+(?P<n>{_TV_U})"), "first"),
    (_rx(rf"(?:开头|开始|片头)?的?前\s*(?P<n>{_ZTV_U})"), "first"),
    (_rx(rf"\b(?:the\s+)?(?:last|final|closing)\s+(?P<n>{_TV_U})"), "last"),
    (_rx(rf"(?:最后|最後|末尾|结尾|片尾)\s*的?\s*(?P<n>{_ZTV_U})|(?<![前以之])后\s*(?P<n2>{_ZTV_U})"), "last"),
    (_rx(rf"(?:\bat|@)\s+(?:the\s+)?(?P<a>{_TV})(?:\s*marks?)?(?:\s*,?\s*for\s+(?P<d>{_TV_U}))?"), "at"),
    # "从第20秒开始音乐静音", "第20秒以后": from then on (read as "at 20 s" it muted 0-20 s)
    (_rx(rf"(?:从|自)\s*(?:第\s*)?(?P<a>{_ZTV_U})\s*(?:开始|起|以后|之后)(?!\s*(?:显示|出现|播放)?\s*(?:到|至|-|~))|"
         rf"(?:第\s*)?(?P<a2>{_ZTV_U})\s*(?:以后|之后)"), "after"),
    (_rx(rf"(?:在|于)\s*(?:第\s*)?(?P<a>{_ZTV_U})(?:处|时|的时候|的位置)?(?:\s*(?:显示|持续|出现)?\s*(?P<d>{_ZTV_U}))?|第\s*(?P<a2>{_ZTV_U})"), "at"),
    (_rx(rf"\b(?:after|from|starting at|starting from|beginning at)\s+(?:the\s+)?(?P<a>{_TV_U})(?:\s*marks?)?(?:\s+on(?:wards?)?)?"), "after"),
    (_rx(rf"(?P<a>{_ZTV_U})\s*(?:以?后|之后|开始|起)"), "after"),
    (_rx(rf"\b(?:until|till|up to|before)\s+(?:the\s+)?(?P<b>{_TV_U})(?:\s*marks?)?"), "until"),
    (_rx(r"\bthroughout\b|\b(?:the\s+)?(?:whole|entire|full)\s+(?:video|time|thing|duration|clip|length)\b|"
                r"\ball\s+the\s+way\s+through\b|\bthe\s+whole\s+way\b|\bfrom\s+start\s+to\s+(?:finish|end)\b|"
                r"全程|整个视频|全片|从头到尾|始终|一直显示"), "all"),
    (_rx(r"\b(?:at|in|near|towards?|by)\s+the\s+(?:very\s+)?end\b|\bat\s+the\s+close\b|\bas\s+(?:an?\s+)?outro\b|"
                r"\bat\s+the\s+finish\b|结尾|片尾|末尾|在最后|最后几秒|最后的时候"), "end"),
    (_rx(r"\b(?:at|in)\s+the\s+(?:very\s+)?(?:start|beginning)\b|\bat\s+first\b|\bas\s+(?:an?\s+)?intro\b|"
                r"\bto\s+start\s+with\b|开头|片头|一开始|开始的时候"), "start"),
    (_rx(r"\b(?:in\s+the\s+)?middle\s+of\s+the\s+(?:video|clip)\b|\bhalfway(?:\s+through)?\b|\bmid-?way\b|"
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


_SCI_NUMBER = _rx(r"(?<![\w.])\d+(?:\.\d+)?e[+-]?\d+(?:\s*(?:seconds?|secs?|s|ms|minutes?|mins?)\b)?")


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
                a = _tv(raw, _unit_of(raw))
            if a is not None and (a > total_ms or a == total_ms and kind != "at"):
                return raw.strip()
    return None


def _tv(s: str | None, unit: str = "s") -> int | None:
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
        a = _tv(g["a"], _unit_of(g["a"]) if re.search(r"[a-z秒钟]\s*$", g["a"]) else unit)
        return make(a, _tv(g["b"], unit), RangeKind.SPAN)
    if kind == "first":
        return make(0, _tv(g["n"]), RangeKind.START)
    if kind == "last":
        if total is None:
            return None
        n = _tv(g.get("n") or g.get("n2"))
        return make(total - n, total, RangeKind.END) if n is not None else None
    if kind == "at":
        a = _tv(g.get("a") or g.get("a2"))
        if a is None:
            return None
        if g.get("d"):
            return make(a, a + (_tv(g["d"]) or 0), RangeKind.POINT)
        end = a + default_ms
        if total is not None and end > total:  # keep the default length inside the video
            a, end = max(0, total - default_ms), total
        return make(a, end, RangeKind.POINT, explicit=False)
    if kind == "after":
        if total is None:
            return None
        return make(_tv(g.get("a") or g.get("a2")), total, RangeKind.AFTER)
    if kind == "until":
        return make(0, _tv(g["b"]), RangeKind.START)
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


# --------------------------------------------------------------------------------------
# frame: resolution and aspect
# --------------------------------------------------------------------------------------

_MONEY_AFTER = r"(?!\s*(?:dollars?|usd|bucks|euros?|eur|views?|followers?|subscribers?|subs|likes?|users?|people|customers?|sales|downloads?|元|块|粉|人|次))"
_RESOLUTION_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (_rx(r"(?<![\w$])(?:2160p|4k|uhd|ultra[\s-]?hd)(?![\w])" + _MONEY_AFTER), "4k"),
    (_rx(r"超高清|蓝光"), "4k"),
    (_rx(r"(?<![\w$])1440p(?!\w)|(?<![\w$])2k(?!\w)" + _MONEY_AFTER), "1440p"),
    (_rx(r"(?<![\w$])(?:1080p?|1080i|full[\s-]?hd|fhd)(?!\w)" + _MONEY_AFTER), "1080p"),
    (_rx(r"超清|高清|全高清"), "1080p"),
    (_rx(r"(?<![\w$])(?:720p?|hd[\s-]?ready)(?!\w)" + _MONEY_AFTER), "720p"),
    (_rx(r"(?<![\w$])480p(?!\w)" + _MONEY_AFTER), "480p"),
    (_rx(r"标清"), "480p"),
    (_rx(r"(?<![\w$-])hd(?![\w-])(?!\s*ready)"), "1080p"),
]


def parse_resolution(text: str) -> str | None:
    """Named resolution (short side) asked for: ``"480p"``, ``"720p"``, ``"1080p"``, ``"1440p"``
    or ``"4k"``. Plain "HD" and 高清/超清 mean 1080p; 超高清 (UHD) and 4K/2160p mean 4k.
    Money and counts are not resolutions ("4k dollars", "$4k", "4k followers").

    >>> [parse_resolution(s) for s in ("720p", "in 1080P", "4K", "2160p", "高清", "超高清")]
    ['720p', '1080p', '4k', '4k', '1080p', '4k']
    >>> parse_resolution("it's 4k dollars") is None, parse_resolution("a 30s video") is None
    (True, True)
    """
    t = normalize(text)
    best: tuple[int, str] | None = None
    for rx, name in _RESOLUTION_PATTERNS:
        m = rx.search(t)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


_ASPECT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # explicit ratios
    (_rx(r"(?<![\d.])9\s*(?::|x|by|/|比)\s*16(?!\d)"), "9:16"),
    (_rx(r"(?<![\d.])16\s*(?::|x|by|/|比)\s*9(?!\d)"), "16:9"),
    (_rx(r"(?<![\d.])1\s*(?::|x|by|/|比)\s*1(?![\d.])"), "1:1"),
    (_rx(r"(?<![\d.])4\s*(?::|x|by|/|比)\s*5(?!\d)"), "4:5"),
    (_rx(r"(?<![\d.])3\s*(?::|x|by|/|比)\s*4(?!\d)"), "4:5"),  # nearest preset
    # platform + format combinations that beat the platform alone
    (_rx(r"\b(?:youtube|yt)\s+shorts?\b|\b(?:instagram|insta|ig|facebook|fb)\s+(?:reels?|stories|story)\b"), "9:16"),
    (_rx(r"\b(?:instagram|insta|ig)\s+(?:portrait|feed\s+post\s+4:5|portrait\s+post)\b|\bportrait\s+(?:instagram|insta|ig)\s+post\b"), "4:5"),
    (_rx(r"\b(?:to|in|into)\s+portrait\s+mode\b"), "9:16"),
    (_rx(r"\b(?:to|in|into)\s+landscape\s+mode\b"), "16:9"),
    # vertical
    (_rx(r"\b(?:vertical|portrait|tiktok|tik\s+tok|reels?|shorts|stories|snapchat|phone[\s-]?(?:screen|format))\b(?!\s+(?:pan|wipe|slide|line|flip|mode|photos?|images?|pictures?|pics?|shots?|lens))"), "9:16"),
    (_rx(r"抖音|竖屏|竖版|竖向|竖的|快手|视频号|手机屏"), "9:16"),
    # square
    (_rx(r"\b(?:square|instagram|insta|ig)\b"), "1:1"),
    (_rx(r"方形|正方形|方屏|方的|方块"), "1:1"),
    (_rx(r"小红书"), "4:5"),
    # landscape
    (_rx(r"\b(?:youtube|landscape|horizontal|widescreen|wide[\s-]screen|tv|desktop)\b(?!\s+(?:pan|wipe|slide|line|flip|mode|photos?|images?|pictures?|pics?|shots?|photography|scenery|lens))"), "16:9"),
    (_rx(r"横屏|横版|横向|横的|宽屏|b站|bilibili|西瓜视频"), "16:9"),
]


def parse_aspect(text: str) -> str | None:
    """Aspect-ratio preset named by a platform, a word or a ratio.

    - 9:16: "vertical", "portrait", "TikTok", "Reels", "Shorts", "Stories", 抖音, 快手, 视频号, 竖屏, 竖版
    - 1:1: "square", plain "Instagram" (a square post shows uncropped in the feed *and* the
      profile grid), 方形
    - 4:5: "4:5", "Instagram portrait", 小红书 (3:4 maps to the nearest preset, 4:5)
    - 16:9: "YouTube", "landscape", "horizontal", "widescreen", 横屏, B站
    "Instagram Reels/Stories" and "YouTube Shorts" are 9:16. An explicit ratio beats a platform.

    >>> [parse_aspect(s) for s in ("make it vertical for TikTok", "9:16", "square", "Instagram")]
    ['9:16', '9:16', '1:1', '1:1']
    >>> [parse_aspect(s) for s in ("Instagram portrait", "YouTube Shorts", "YouTube", "竖屏", "横屏")]
    ['4:5', '9:16', '16:9', '9:16', '16:9']
    >>> parse_aspect("a 30-second promo") is None
    True
    """
    t = _NOT_THIS_FRAME.sub(" ", _ACCOUNT_RX.sub(" ", normalize(text)))
    for rx, aspect in _ASPECT_PATTERNS:
        if rx.search(t):
            return aspect
    return None


# "square instead of vertical", "switch from vertical to square", "不要竖屏，改成方形": the frame left behind
_NOT_THIS_FRAME = re.compile(r"\b(?:instead\s+of|rather\s+than|not)\s+(?:an?\s+|the\s+)?[\w:]+(?:\s+(?:one|format|video|version))?|"
                             r"\bfrom\s+(?:an?\s+|the\s+)?[\w:]+(?:\s+(?:format|video))?(?=\s+(?:to|into)\b)|"
                             r"(?:不要|不是|而不是)(?:竖屏|横屏|方形|竖版|横版)")


def aspects_in(text: str) -> list[str]:
    """Every aspect a text names, in the order it names them ("竖屏和方形各做一个": 9:16, 1:1)."""
    t = _ACCOUNT_RX.sub(" ", normalize(text))
    found: dict[str, int] = {}
    for rx, aspect in _ASPECT_PATTERNS:
        for m in rx.finditer(t):
            found[aspect] = min(found.get(aspect, m.start()), m.start())
    return sorted(found, key=found.__getitem__)


# "our instagram @beanthere", "follow us on tiktok @x", "my youtube channel": an account, not the format
_ACCOUNT_RX = _rx(
    r"\b(?:(?:our|my|your|their)\s+(?:instagram|insta|ig|tiktok|youtube|facebook|fb|twitter)"
    r"(?:\s+(?:account|handle|page|channel|profile))?\b|"
    r"(?:instagram|insta|ig|tiktok|youtube|facebook|fb|twitter)(?:\s+(?:account|handle|page|channel|profile))?\s*:?\s*(?=@\w))")


# --------------------------------------------------------------------------------------
# levels
# --------------------------------------------------------------------------------------

_PCT_PATTERNS = [
    _rx(rf"(?P<n>{DIGITS}|{EN_NUM})\s*(?:%|percent(?![a-z])|per\s+cent(?![a-z])|pct(?![a-z]))"),
    _rx(rf"百分之\s*(?P<n>{NUM_ZH})"),
]


def _find_percent(t: str) -> tuple[float, int, int] | None:
    best = None
    for rx in _PCT_PATTERNS:
        m = rx.search(t)
        if m and (best is None or m.start() < best[1]):
            v = parse_number(m.group("n"))
            if v is not None:
                best = (float(v) / 100.0, m.start(), m.end())
    return best


def parse_percent(text: str) -> float | None:
    """A percentage as a fraction: "35%" / "35 percent" / "百分之三十五" -> 0.35.

    A bare decimal between 0 and 1 ("0.35") counts only when it is the whole text.

    >>> parse_percent("35%"), parse_percent("35 percent"), parse_percent("百分之三十五"), parse_percent("0.35")
    (0.35, 0.35, 0.35, 0.35)
    >>> parse_percent("it's 0.35 mm") is None
    True
    """
    t = normalize(text)
    found = _find_percent(t)
    if found:
        return round(found[0], 6)
    m = re.fullmatch(r"\s*(0?\.\d+|1(?:\.0+)?|0)\s*", t)
    if m:
        return float(m.group(1))
    return None


_LOWER_WORDS = r"(?:lower|reduce|decrease|drop|down|cut|quieter|softer|turn\s+down|duck|降低|调低|减小|减少|降|小)"


def parse_db(text: str) -> float | None:
    """A level change in decibels, signed. Unsigned values count as negative when the text
    asks to lower something ("lower the music by 6 dB" -> -6.0).

    >>> parse_db("-6 dB"), parse_db("+3db"), parse_db("lower the music by 6 dB"), parse_db("降低6分贝")
    (-6.0, 3.0, -6.0, -6.0)
    >>> parse_db("six decibels louder"), parse_db("35%") is None
    (6.0, True)
    """
    t = normalize(text)
    m = re.search(rf"(?P<sign>[+-])?\s*(?P<n>{DIGITS}|{EN_NUM})\s*(?:db|decibels?)(?![a-z])", t) or \
        re.search(rf"(?P<sign>[+-])?\s*(?P<n>{NUM_ZH})\s*分贝", t)
    if not m:
        return None
    v = parse_number(m.group("n"))
    if v is None:
        return None
    value = float(v)
    if m.group("sign") == "-":
        value = -value
    elif m.group("sign") is None and re.search(_LOWER_WORDS, t, re.ASCII):
        value = -value
    return value


def db_to_gain(db: float) -> float:
    """Linear gain of a dB change. ``db_to_gain(-6)`` ≈ 0.501."""
    return round(10 ** (db / 20.0), 4)


_MUSIC_WORDS = r"(?:background\s+music|music|bgm|soundtrack|song|backing\s+track|背景音乐|背景乐|音乐|配乐|歌曲|bgm)"
_VOICE_WORDS = r"(?:voice[\s-]?over|voice|vo|narration|narrator|speech|旁白|配音|解说|人声)"


def _volume_near(t: str, words: str) -> float | None:
    for km in re.finditer(words, t, re.ASCII):
        # keyword then level within a short clause: "music at 35%", "背景音乐调到30%"
        tail = re.split(r"[,.;，。；!?！？]|\band\b|和|并且|然后", t[km.end():km.end() + 40], maxsplit=1, flags=re.ASCII)[0]
        pct = _find_percent(tail)
        if pct:
            return round(pct[0], 6)
        db = re.search(rf"[+-]?\s*(?:{DIGITS})\s*(?:db|分贝)", tail)
        if db:
            v = parse_db(tail)
            if v is not None:
                return db_to_gain(v)
        # level then keyword: "35% music", "30%的背景音乐"
        head = re.split(r"[,.;，。；!?！？]|\band\b|和", t[max(0, km.start() - 20):km.start()], flags=re.ASCII)[-1]
        m = re.search(rf"(?P<n>{DIGITS})\s*(?:%|percent)\s*(?:的\s*)?(?:volume\s+(?:for\s+)?(?:the\s+)?)?$", head)
        if m:
            return float(m.group("n")) / 100.0
    return None


def parse_music_volume(text: str) -> float | None:
    """Music level asked for, as linear gain: "music at 35%" -> 0.35, "background music 20%",
    "背景音乐30%", "bgm -12 dB" -> 0.2512.

    >>> parse_music_volume("music at 35%"), parse_music_volume("背景音乐30%"), parse_music_volume("voice at 80%")
    (0.35, 0.3, None)
    """
    return _volume_near(normalize(text), _MUSIC_WORDS)


def parse_voice_volume(text: str) -> float | None:
    """Voice level asked for, as linear gain ("voiceover at 120%" -> 1.2, "旁白80%" -> 0.8).

    >>> parse_voice_volume("voiceover at 120%"), parse_voice_volume("music at 35%")
    (1.2, None)
    """
    return _volume_near(normalize(text), rf"(?<![a-z]){_VOICE_WORDS}(?![a-z])")


# --------------------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------------------

_QUOTE_PAIRS = [
    ("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("《", "》"), ("«", "»"), ("„", "“"),
]


def quoted_texts(text: str) -> list[str]:
    """Quoted strings in order of appearance: "…", '…', “…”, ‘…’, 「…」, 『…』, 《…》, «…».

    Apostrophes inside words ("it's", "don't", "users' photos") are not quotes: a single
    quote opens only where no Latin letter or digit comes before it and closes only where
    none follows (so Chinese text around it is fine: 标题是'城市之光'，…). Works on the raw text
    (no normalisation), so the quoted text keeps its case.

    >>> quoted_texts('add the title "Urban Dreams" and a caption \\'Shop now\\'')
    ['Urban Dreams', 'Shop now']
    >>> quoted_texts("it's the title “春季新品” and 「限时优惠」"), quoted_texts("it's Anna's photo")
    (['春季新品', '限时优惠'], [])
    """
    return [inner for _, _, inner in _quote_spans(text)]


def _quote_spans(text: str | None) -> list[tuple[int, int, str]]:
    """(start, end, inner) of each quote, in order, outer quotes only."""
    s = text or ""
    found: list[tuple[int, int, str]] = []
    for rx in _QUOTE_RX:
        for m in rx.finditer(s):
            inner = m.group(1).strip()
            if inner:
                found.append((m.start(), m.end(), inner))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, inner in found:
        if start < last_end:
            continue
        out.append((start, end, inner))
        last_end = end
    return out


def outside_quotes(text: str, keep: Collection[str] = ()) -> str:
    """``text`` with the quoted words blanked: they are words to show, never settings (a title
    'Vertical Farms' is no 9:16 frame, 'Summer in 30 seconds' no length, 'Bold & Smooth' no
    crossfade). Quoted media file names (``keep``, lower case, or any name with a media extension)
    stay: "use 'bgm.mp3' as the music" names a file.

    >>> outside_quotes("a promo titled 'Vertical Farms', use 'bgm.mp3' as the music")
    "a promo titled  , use 'bgm.mp3' as the music"
    """
    out, at = [], 0
    for start, end, inner in _quote_spans(text):
        if inner.lower() in keep or _FILE_NAME.fullmatch(inner):
            continue
        out.append(text[at:start] + " ")
        at = end
    return "".join(out) + (text or "")[at:]


_QUOTE_RX = [
    re.compile(r'"([^"\n]+?)"'),
    # an apostrophe sits inside a Latin word ("it's", "users'"); next to a Chinese character
    # a ' is a quote (标题是'城市之光'), as the edit planner reads it (rules.refs._QUOTE_RX)
    re.compile(r"(?<![A-Za-z0-9_'\u00c0-\u024f])'(?=\S)([^'\n]*?\S)'(?![A-Za-z0-9_\u00c0-\u024f])"),
    *[re.compile(re.escape(a) + r"([^" + re.escape(b) + r"\n]+?)" + re.escape(b)) for a, b in _QUOTE_PAIRS],
]


_OVERLAY_RX = _rx(
    r"\b(?:text(?:\s+overlays?)?|overlays?|captions?|captioned|subtitles?|subtitled|titles?|titled|"
    r"headlines?|on[\s-]screen\s+text|lower\s+thirds?|call[\s-]to[\s-]action|cta|tagline|slogan)\b|"
    # "each product 3 seconds with its name", "label each photo": names as captions
    r"\b(?:with|show(?:ing)?|and)\s+(?:(?:its|their|each\s+(?:one|photo|product|picture)'?s?)\s+names?|the\s+names)\b|"
    r"\blabel(?:l?ed)?\s+(?:each|every|all|the)\b|\bnames?\s+(?:on|under|over)\s+(?:each|every|the)\b|"
    r"(?:加上|标上|写上|配上|显示)(?:名字|名称|产品名)|"
    r"字幕|文字|文案|标题|加字|配字|口号|标语")
_NO_OVERLAY_RX = _rx(
    r"\b(?:no|without|skip|drop|remove)\s+(?:any\s+)?(?:the\s+)?(?:text|captions?|titles?|overlays?|subtitles?)\b|"
    r"\b(?:text|captions?|titles?)[\s-]free\b|不要(?:加)?(?:字幕|文字|标题)|无字幕|不加(?:字幕|文字)|去掉(?:字幕|文字)")


def wants_text_overlays(text: str) -> bool:
    """True when the instruction asks for on-screen text: "with text overlays", "with captions",
    "titles", "加文字", "字幕", or any quoted text; False for "no text"/"不要字幕".

    >>> wants_text_overlays("with text overlays"), wants_text_overlays("加字幕"), wants_text_overlays("no captions")
    (True, True, False)
    >>> wants_text_overlays("a 30-second promo")
    False
    """
    t = normalize(text)
    if _NO_OVERLAY_RX.search(t):
        return False
    return bool(_OVERLAY_RX.search(t)) or bool(quoted_texts(text))


def mentions_voiceover(text: str) -> bool:
    """True when the instruction talks about a voiceover/narration (旁白/配音/解说).

    >>> mentions_voiceover("images and a voiceover MP3"), mentions_voiceover("music at 35%")
    (True, False)
    """
    t = normalize(text)
    return bool(re.search(r"\b(?:voice[\s-]?overs?|vo|narration|narrated|narrator|narrate|voice\s+track|spoken)\b|旁白|配音|解说|口播", t, re.ASCII))


def wants_motion(text: str) -> bool | None:
    """False for "no motion"/"static"/"no zoom"/"静态"/"不要动画", True for "Ken Burns"/"zoom"/
    "motion", None when not mentioned.

    >>> wants_motion("no motion"), wants_motion("keep it static"), wants_motion("with Ken Burns"), wants_motion("hi")
    (False, False, True, None)
    """
    t = normalize(text)
    if re.search(r"\b(?:no|without|stop|disable|remove|turn\s+off|no\s+more|kill|lose|ditch|drop)\s+(?:the\s+)?(?:any\s+)?(?:motion|zoom(?:s|ing)?|ken\s+burns|pan(?:s|ning)?|movements?|animations?)\b|"
                 r"\btake\s+(?:the\s+|all\s+the\s+)?(?:motion|zoom(?:s|ing)?|ken\s+burns|movement|animation)s?\s+(?:off|out|away)\b|"
                 r"\bstatic\b|\bstill\s+(?:images|photos)\s+only\b|静态|不要(?:动画|动效|缩放|运动|移动)|去掉(?:动画|动效|缩放)|不动|(?:别|不要|不用)再?(?:动|晃|移动|缩放)|"
                 r"(?:别|不要|不用|不想要|去掉|取消|关掉|关闭)\s*再?\s*(?:用|要|加|做|搞|开)?\s*(?:那些|这些|这个|那个|任何)?\s*"
                 r"(?:动画|动效|缩放|运动|推拉|运镜|zoom(?:s|ing)?|motion|ken\s+burns|pan(?:s|ning)?)|"
                 r"\b(?:don'?t|do\s+not|never)\s+(?:want|use|need|add|do)\s+(?:any\s+|the\s+)?(?:motion|zoom(?:s|ing)?|ken\s+burns|pan(?:s|ning)?|movements?|animations?)\b", t, re.ASCII):
        return False
    if re.search(r"\bken\s+burns\b|\bzoom(?:s|ing)?\b|\bmotion\b|\bpan(?:s|ning)?\b|动画|动效|缩放|推拉|运镜", t, re.ASCII):
        return True
    return None


@dataclass(frozen=True)
class MotionAsk:
    """How far the stills' zooms and pans should go, as said: an ``amount`` (the share of the
    view a zoom shrinks by or a pan travels) or a ``factor`` of the present one. ``by_speed``:
    said as a speed ("slower zoom"); a move runs over its whole shot, so slower is less far."""

    amount: float | None = None
    factor: float | None = None
    by_speed: bool = False


_MOVE = r"(?:zoom(?:s|ing)?|pan(?:s|ning)?|motion|movements?|ken[\s-]+burns(?:\s+effect)?|camera\s+moves?|moves)"
_MOVE_ZH = r"(?:缩放|动画|动效|运镜|推拉|平移|镜头运动)"
_STILLS = r"(?:the\s+)?(?:photos?|pictures?|images?|stills?|pics?)"
_SOFT = r"(?:a\s+(?:bit|little|touch)|slightly|somewhat|a\s+tad)"
_LESS_EN = (
    rf"\b(?:less|smaller|subtler|gentler|softer|calmer|slighter|tamer|milder|more\s+subtle|more\s+gentle)\s+"
    rf"(?:of\s+(?:a|the)\s+)?{_MOVE}\b|"
    rf"\b{_MOVE}\s+(?:is\s+|are\s+|feels?\s+|looks?\s+)?(?:{_SOFT}\s+|way\s+|much\s+|far\s+)?too\s+"
    r"(?:much|strong|big|intense|dramatic|aggressive|extreme|heavy|obvious)\b|"
    rf"\btoo\s+much\s+(?:zoom(?:ing)?|motion|movement|panning|moving)\b|"
    rf"\b(?:tone|dial|calm|scale|turn)\s+(?:the\s+)?{_MOVE}\s+down\b|\b(?:tone|dial|calm|scale)\s+down\s+(?:the\s+|all\s+the\s+)?{_MOVE}\b|"
    rf"\b(?:reduce|lessen|soften|decrease|lower|minimi[sz]e|shrink)\s+(?:the\s+|all\s+the\s+)?(?:amount\s+of\s+)?{_MOVE}\b|"
    rf"\b(?:zoom(?:\s+in|\s+out)?|pan|move)\s+(?:{_SOFT}\s+)?less\b|"
    rf"\b(?:make|keep)\s+(?:the\s+|all\s+the\s+)?{_MOVE}\s+(?:{_SOFT}\s+)?(?:subtler|gentler|softer|calmer|smaller|milder|"
    r"more\s+subtle|more\s+gentle|less\s+\w+|subtle|gentle|soft)\b|"
    rf"\b{_MOVE}\s+(?:{_SOFT}\s+)?(?:subtler|gentler|softer|calmer|milder)\b|"
    r"\b(?:moving|zooming|panning)\s+(?:the\s+)?(?:\w+\s+)?so\s+much\b|"
    # "can the zoom be more subtle", "the photos move too much"
    rf"\b{_MOVE}\s+(?:be|get|feel|look)\s+(?:{_SOFT}\s+)?(?:more\s+subtle|subtler|gentler|softer|calmer|smaller|less\s+\w+)\b|"
    rf"\b{_STILLS}\s+(?:move|moves|are\s+moving|zoom|zooms|are\s+zooming)\s+(?:{_SOFT}\s+|way\s+)?too\s+much\b|"
    # a complaint said as a statement: "the zoom is really intense"
    rf"\b{_MOVE}\s+(?:is|are|feels?|looks?)\s+(?:very|really|quite|so|super|pretty|kind\s+of|a\s+bit)\s+"
    r"(?:strong|intense|big|aggressive|dramatic|much|extreme|distracting|dizzying)\b")
_MORE_EN = (
    rf"\b(?:more|bigger|stronger|larger|deeper|bolder|heavier|punchier|"
    rf"more\s+(?:dramatic|dynamic|noticeable|visible|obvious|pronounced|intense))\s+(?:of\s+(?:a|the)\s+)?{_MOVE}\b|"
    rf"\b{_MOVE}\s+(?:is\s+|are\s+|feels?\s+|looks?\s+)?(?:{_SOFT}\s+|way\s+|much\s+|far\s+)?too\s+(?:subtle|small|slight|weak|gentle|little)\b|"
    rf"\b{_MOVE}\s+(?:is\s+|are\s+)?(?:barely|hardly)\s+(?:noticeable|visible|there)\b|"
    rf"\b(?:increase|boost|amplify|exaggerate|intensify|strengthen)\s+(?:the\s+|all\s+the\s+)?(?:amount\s+of\s+)?{_MOVE}\b|"
    rf"\b(?:zoom(?:\s+in|\s+out)?|pan|move)\s+(?:{_SOFT}\s+)?(?:more|further|deeper)\b(?!\s+(?:photos?|pictures?|images?|shots?|slowly|quickly))|"
    rf"\b(?:make|let)\s+(?:the\s+|all\s+the\s+)?{_MOVE}\s+(?:{_SOFT}\s+)?(?:stronger|bigger|bolder|more\s+\w+|deeper|punchier)\b|"
    rf"\b{_MOVE}\s+(?:{_SOFT}\s+)?(?:stronger|bigger|bolder|punchier)\b|"
    rf"\b{_MOVE}\s+(?:be|get|feel|look)\s+(?:{_SOFT}\s+)?(?:stronger|bigger|bolder|more\s+(?:dramatic|dynamic|noticeable|visible|obvious))\b|"
    rf"\b{_STILLS}\s+(?:barely|hardly)\s+(?:move|moves|moving)\b|"
    rf"\b{_MOVE}\s+(?:is|are|feels?|looks?)\s+(?:very|really|quite|so|super|pretty|kind\s+of|a\s+bit)\s+"
    r"(?:subtle|small|weak|slight|gentle|boring|static)\b")
_SLOWER = (rf"\b(?:slower|gentler|calmer)\s+{_MOVE}\b|\b{_MOVE}\s+(?:{_SOFT}\s+)?(?:slower|more\s+slowly)\b|"
           rf"\bslow\s+(?:the\s+|all\s+the\s+)?{_MOVE}\s+down\b|\bslow\s+down\s+(?:the\s+|all\s+the\s+)?{_MOVE}\b|"
           rf"\b{_MOVE}\s+(?:is\s+|are\s+|feels?\s+)?(?:{_SOFT}\s+|way\s+|much\s+)?too\s+(?:fast|quick|rapid|jerky)\b|"
           rf"\b{_STILLS}\s+(?:zoom|zooms|are\s+zooming)\s+(?:{_SOFT}\s+|way\s+)?too\s+(?:fast|quickly|quick)\b")
_FASTER = (rf"\b(?:faster|quicker|speedier)\s+{_MOVE}\b|\b{_MOVE}\s+(?:{_SOFT}\s+)?(?:faster|quicker|more\s+quickly)\b|"
           rf"\bspeed\s+(?:the\s+|all\s+the\s+)?{_MOVE}\s+up\b|\bspeed\s+up\s+(?:the\s+|all\s+the\s+)?{_MOVE}\b|"
           rf"\b{_MOVE}\s+(?:is\s+|are\s+|feels?\s+)?(?:{_SOFT}\s+|way\s+|much\s+)?too\s+slow\b")
_LESS_ZH = (rf"{_MOVE_ZH}(?:的)?(?:幅度|程度|效果)?(?:再|稍微|稍稍)?(?:小|少|轻|弱|柔和|缓和)(?:一点|一些|点|些)|"
            rf"{_MOVE_ZH}(?:的)?(?:幅度|程度|效果)?太(?:大|多|猛|强|明显|夸张)|(?:减小|减少|减弱|降低)(?:一下)?{_MOVE_ZH}(?:的)?(?:幅度)?")
_MORE_ZH = (rf"{_MOVE_ZH}(?:的)?(?:幅度|程度|效果)?(?:再|稍微|稍稍)?(?:大|多|强|明显|夸张)(?:一点|一些|点|些)|"
            rf"{_MOVE_ZH}(?:的)?(?:幅度|程度|效果)?(?:太(?:小|弱|轻)|不(?:够|太)?明显)|(?:加大|增大|增加|加强|增强)(?:一下)?{_MOVE_ZH}(?:的)?(?:幅度)?")
# a move described, not compared: "subtle zoom", "dramatic Ken Burns", "ken burns, but subtle", "make the
# zoom really dramatic" (half or twice the usual)
_VERY = r"(?:really\s+|very\s+|super\s+|quite\s+|nice\s+and\s+)?"
_GENTLE = (rf"\b(?:subtle|gentle|soft|slight|mild|light|barely[\s-]there|understated)\s+(?:slow\s+)?{_MOVE}\b|"
           rf"\b{_MOVE}(?:\s+effects?)?\s*,?\s+(?:but\s+|and\s+|be\s+|keep\s+it\s+|kept\s+)?{_VERY}"
           r"(?:subtle|gentle|slight|soft|mild)\b|"
           rf"(?:轻微|轻柔|细微|柔和|微微)的?{_MOVE_ZH}")
_STRONG = (rf"\b(?:dramatic|dynamic|punchy|strong|big|bold|heavy|energetic|intense)\s+{_MOVE}\b|"
           rf"\b{_MOVE}(?:\s+effects?)?\s*,?\s+(?:but\s+|and\s+|be\s+|keep\s+it\s+)?{_VERY}"
           r"(?:dramatic|dynamic|punchy|strong|intense|bold)\b|"
           rf"(?:大幅|强烈|夸张|明显)的?{_MOVE_ZH}")
_SLOWER_ZH = rf"{_MOVE_ZH}(?:的)?(?:速度)?(?:再|稍微)?(?:慢一点|慢一些|慢点|太快)"
_FASTER_ZH = rf"{_MOVE_ZH}(?:的)?(?:速度)?(?:再|稍微)?(?:快一点|快一些|快点|太慢)"
_MOVE_PCT = re.compile(rf"\b{_MOVE}\s+(?:in\s+|out\s+)?(?:amount\s+|strength\s+)?(?:(?:of|by|to|at)\s+)?(?:about\s+)?(?P<a>\d+(?:\.\d+)?)\s*(?:%|percent|per\s*cent)|"
                       rf"(?<![\d.])(?P<b>\d+(?:\.\d+)?)\s*(?:%|percent|per\s*cent)\s+(?:slow\s+|gentle\s+|subtle\s+)?{_MOVE}\b|"
                       rf"{_MOVE_ZH}(?:的)?(?:幅度)?(?:改为|改成|设为|设成|调到|到|为)?\s*(?P<c>\d+(?:\.\d+)?)\s*%")


def motion_kinds(text: str) -> tuple[Motion, ...] | None:
    """The moves a first instruction names for the stills, in turn: "slow pans" pan (right, then left),
    "zoom in on each photo" zooms in, "zooms" zoom in and out; None when it names none (or both).

    >>> motion_kinds("30 s, slow pans"), motion_kinds("zoom in on each photo"), motion_kinds("ken burns")
    ((<Motion.PAN_RIGHT: 'pan-right'>, <Motion.PAN_LEFT: 'pan-left'>), (<Motion.ZOOM_IN: 'zoom-in'>,), None)
    """
    t = normalize(text)
    # a camera's pan, not a frying pan ("pan-fried", "pots and pans")
    pans = re.search(r"\b(?:slow|gentle|subtle|smooth|slight|camera|sideways)\s+pan(?:s|ning)?\b|\bpanning\b|"
                     r"(?<!\band\s)\bpans\b(?!\s+(?:of|and)\b)|\bpan\s+(?:left|right|across|over|slowly|up|down)\b|平移|摇镜", t)
    zoom_in = re.search(r"\bzoom(?:s|ing)?[\s-]+in\b|\bpush(?:es|ing)?[\s-]+in\b|推近|推进", t)
    zoom_out = re.search(r"\bzoom(?:s|ing)?[\s-]+out\b|\bpull(?:s|ing)?[\s-]+(?:out|back)\b|拉远", t)
    zooms = re.search(r"\bzoom(?:s|ing)?\b|缩放", t)
    if pans and not zooms:
        return Motion.PAN_RIGHT, Motion.PAN_LEFT
    if zooms and not pans:
        if zoom_in and not zoom_out:
            return (Motion.ZOOM_IN,)
        if zoom_out and not zoom_in:
            return (Motion.ZOOM_OUT,)
        return Motion.ZOOM_IN, Motion.ZOOM_OUT
    return None


def motion_ask(text: str) -> MotionAsk | None:
    """How far the zooms and pans should go, when said: "subtler zoom", "less zoom", "the zoom is
    too much", "stronger Ken Burns", "zoom in more", "slower zoom", "a 20% zoom", "缩放幅度小一点".
    Compared ("less", "stronger"): half or twice as far as now (two thirds or one and a half
    said softly: "a bit less zoom"); described ("subtle zoom", "dramatic zooms"): half or twice
    the usual; or the share given. None when not said ("slow zoom", the usual, is no change).

    >>> motion_ask("subtler zoom"), motion_ask("zoom in more").factor, motion_ask("a 20% zoom").amount
    (MotionAsk(amount=None, factor=0.5, by_speed=False), 2.0, 0.2)
    >>> motion_ask("gentle Ken Burns").amount
    0.06
    >>> motion_ask("slow zoom on every photo") is None
    True
    """
    t = normalize(text)
    m = _MOVE_PCT.search(t)
    if m:
        return MotionAsk(amount=float(m.group("a") or m.group("b") or m.group("c")) / 100)
    soft = bool(re.search(rf"{_SOFT}\s+(?:too|more|less|bigger|smaller|subtler|stronger|gentler|slower|faster)\b|稍微|稍稍", t))
    less, more = (2 / 3, 1.5) if soft else (0.5, 2.0)
    if re.search(_SLOWER, t) or re.search(_SLOWER_ZH, t):
        return MotionAsk(factor=less, by_speed=True)
    if re.search(_FASTER, t) or re.search(_FASTER_ZH, t):
        return MotionAsk(factor=more, by_speed=True)
    if re.search(_GENTLE, t):
        return MotionAsk(amount=MOTION_AMOUNTS["subtle"])
    if re.search(_STRONG, t):
        return MotionAsk(amount=MOTION_AMOUNTS["dramatic"])
    if re.search(_LESS_EN, t) or re.search(_LESS_ZH, t):
        return MotionAsk(factor=less)
    if re.search(_MORE_EN, t) or re.search(_MORE_ZH, t):
        return MotionAsk(factor=more)
    return None


_FRAME_RATE = re.compile(
    r"(?<![\d.])(?P<a>\d+(?:\.\d+)?)\s*(?:fps|p?\s*frames?\s+(?:a|per)\s+second|帧(?:/秒|每秒)?)(?![a-z])|"
    r"\b(?:frame\s*rate|fps)\s+(?:of\s+|to\s+|at\s+|=\s*|:\s*)?(?P<b>\d+(?:\.\d+)?)\b|"
    r"帧率\s*(?:改成|改为|设为|设成|调到|调成|用|是|为|:|=)?\s*(?P<c>\d+(?:\.\d+)?)|"
    r"\b(?:1080|720|2160|1440)p(?P<d>24|25|30|50|60)\b")


def frame_rate_in(text: str) -> float | None:
    """The frame rate said ("60fps", "24 fps", "frame rate 25", "帧率改成60", "1080p60"), or None.

    >>> frame_rate_in("make it 60fps"), frame_rate_in("帧率改成24"), frame_rate_in("1080p60"), frame_rate_in("30s video")
    (60.0, 24.0, 60.0, None)
    """
    m = _FRAME_RATE.search(normalize(text))
    if m is None:
        return None
    return float(next(g for g in m.groups() if g))


# --------------------------------------------------------------------------------------
# transitions and positions
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TransitionSpec:
    """A transition asked for, with its length when stated."""

    transition: Transition
    duration_ms: int | None = None


_TRANSITION_PATTERNS: list[tuple[re.Pattern[str], Transition]] = [
    (_rx(r"\b(?:hard|straight|jump|simple|plain|direct)\s+cuts?\b|\bno\s+transitions?\b|\bwithout\s+(?:any\s+)?transitions?\b|"
                r"\b(?:cuts?\s+only|only\s+cuts|just\s+cuts?)\b|\bcut\s+(?:straight|directly)\b|"
                r"(?:^|\buse\s+|\bwith\s+)\s*(?:the\s+)?cuts\b(?!\s+(?:to|from|of|the|music|it)\b)|"
                r"硬切|直切|直接切换?|无转场|不要转场|没有转场|去掉转场|取消转场"), Transition.CUT),
    (_rx(r"\b(?:fade|dip|fades|dips|fading|dipping)\s+(?:through|to|into|via)\s+black\b|\bblack\s+fades?\b|"
                r"黑场|淡入黑|淡出到黑|过黑"), Transition.FADE_BLACK),
    (_rx(r"\bcross[\s-]?fad(?:e|es|ing)\b|\bcross[\s-]?dissolves?\b|\bdissolv(?:e|es|ing)\b|"
                # "blend the shots", "blend transitions", "blending": not "our new coffee blend"
                r"\bblend(?:s|ing)?\s+(?:(?:the|all|each|every)\s+)?(?:shots|images|photos|pictures|clips|scenes|slides|them|together|"
                r"into|between|transitions?)\b|\bblend(?:ed)?\s+transitions?\b|\bblending\b|"
                r"\bfad(?:e|es|ing)\s+(?:between|from\s+(?:one|shot|image|photo|picture|clip))\b|\bfades?\s+transitions?\b|"
                r"交叉淡化|叠化|溶解|淡入淡出|渐变"), Transition.CROSSFADE),
    (_rx(r"\bslid(?:e|es|ing)\s+(?:to\s+the\s+)?right\b|向右滑|右滑"), Transition.SLIDE_RIGHT),
    (_rx(r"\bslid(?:e|es|ing)(?:\s+transitions?)?\b|滑动|滑入|推移|推入"), Transition.SLIDE_LEFT),
    (_rx(r"\bwip(?:e|es|ing)\s+(?:to\s+the\s+)?right\b|向右擦"), Transition.WIPE_RIGHT),
    (_rx(r"\bwip(?:e|es|ing)\b|擦除|划像"), Transition.WIPE_LEFT),
]


_INSTEAD_OF = _rx(r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:the\s+|all\s+the\s+)?[\w\s-]{1,30}?(?=$|[,.;!?]|\s+(?:please|between|for)\b)")
_REPLACED_WITH = _rx(r"\b(?:replace|swap|change|switch|turn)\b.{1,40}?\b(?:with|to|into|for)\b(?P<new>.*)$|"
                     r"(?:换成|改成|改为|变成|替换成|替换为)(?P<new2>.*)$")


def parse_transition(text: str) -> TransitionSpec | None:
    """Transition style asked for, and its length when a duration is next to it.

    >>> parse_transition("with hard cuts"), parse_transition("no transitions").transition.value
    (TransitionSpec(transition=<Transition.CUT: 'cut'>, duration_ms=None), 'cut')
    >>> s = parse_transition("use 1-second crossfades"); (s.transition.value, s.duration_ms)
    ('crossfade', 1000)
    >>> [parse_transition(x).transition.value for x in ("fade through black", "dissolve", "硬切", "淡入淡出", "wipe")]
    ['fade-black', 'crossfade', 'cut', 'crossfade', 'wipe-left']
    """
    t = normalize(text)
    # what is asked for, not what it replaces: "cuts instead of crossfades", "replace the crossfades
    # with cuts", "把叠化换成硬切" (each chose the crossfade, the first kind named)
    t = _INSTEAD_OF.sub(" ", t)
    m = _REPLACED_WITH.search(t)
    new = (m.group("new") or m.group("new2") or "") if m else ""
    if new and any(rx.search(new) for rx, _ in _TRANSITION_PATTERNS):
        t = new
    for rx, tr in _TRANSITION_PATTERNS:
        m = rx.search(t)
        if not m:
            continue
        ms = None
        if tr is not Transition.CUT:
            for d in find_durations(t):
                near = d.end <= m.start() and m.start() - d.end <= 12 or d.start >= m.end() and d.start - m.end() <= 12
                if near and d.ms <= 5000:
                    ms = d.ms
                    break
        return TransitionSpec(tr, ms)
    return None


_POSITION_PATTERNS: list[tuple[re.Pattern[str], Position]] = [
    (_rx(r"\b(?:top|upper)[\s-]+left\b|\bleft[\s-]+top\b|左上"), Position.TOP_LEFT),
    (_rx(r"\b(?:top|upper)[\s-]+right\b|\bright[\s-]+top\b|右上"), Position.TOP_RIGHT),
    (_rx(r"\b(?:bottom|lower)[\s-]+left\b|\bleft[\s-]+bottom\b|左下"), Position.BOTTOM_LEFT),
    (_rx(r"\b(?:bottom|lower)[\s-]+right\b|\bright[\s-]+bottom\b|\b(?:in\s+)?(?:the|a)\s+corner\b|右下|角落"), Position.BOTTOM_RIGHT),
    (_rx(r"\b(?:center|centre|middle)[\s-]+left\b|\bleft[\s-]+(?:side|edge)\b|左侧|左边"), Position.CENTER_LEFT),
    (_rx(r"\b(?:center|centre|middle)[\s-]+right\b|\bright[\s-]+(?:side|edge)\b|右侧|右边"), Position.CENTER_RIGHT),
    (_rx(r"\b(?:top|upper|top\s+of\s+the\s+(?:screen|frame|video))\b|\bup\s+top\b|顶部|顶端|上方|上面|上部|顶上"), Position.TOP),
    (_rx(r"\b(?:bottom|lower\s+(?:third|part|half|edge)|bottom\s+of\s+the\s+(?:screen|frame|video))\b|底部|底端|下方|下面|下部|底下"), Position.BOTTOM),
    (_rx(r"\b(?:center|centre|centered|centred|middle)\b|中间|中央|居中|正中"), Position.CENTER),
]


def parse_position(text: str) -> Position | None:
    """Screen position: top/center/centre/middle/bottom, corners ("top left", "upper right",
    "in the corner" = bottom-right), 顶部/中间/底部/左上/右下…

    >>> [parse_position(s).value for s in ("at the top", "centre", "bottom right", "左上角", "底部", "in the corner")]
    ['top', 'center', 'bottom-right', 'top-left', 'bottom', 'bottom-right']
    >>> parse_position("make it louder") is None
    True
    """
    t = normalize(text)
    for rx, pos in _POSITION_PATTERNS:
        if rx.search(t):
            return pos
    return None


def wants_hard_cuts(text: str) -> bool:
    """Shorthand: the text asks for plain cuts between shots."""
    spec = parse_transition(text)
    return spec is not None and spec.transition is Transition.CUT

