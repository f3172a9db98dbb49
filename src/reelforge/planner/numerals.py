"""Text normalisation and numbers: the ground floor of the phrase readers. Deterministic, no I/O.

`normalize` (NFKC, lower case, one dash), `ascii_rx` (regexes whose word boundaries see Chinese
characters as non-word), the number patterns the other readers build on (``DIGITS``, ``EN_NUM``,
``ZH_NUM``, ``NUM``, ``NUM_ZH``, ``NUM_ANY``), `parse_number` and `parse_ordinal`, in English and
Chinese. Imports nothing else of the planner; `time_words` and `parse` build on it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "DIGITS", "EN_NUM", "NUM", "NUM_ANY", "NUM_ZH", "ZH_NUM",
    "ascii_rx", "normalize", "parse_number", "parse_ordinal",
]


def ascii_rx(pattern: str) -> re.Pattern[str]:
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
ZH_NUM = r"(?<![零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"  # (from a run's start)
NUM = rf"(?:{DIGITS}|{EN_NUM})"
NUM_ZH = rf"(?:{DIGITS}|{ZH_NUM})"
NUM_ANY = rf"(?:{DIGITS}|{EN_NUM}|{ZH_NUM})"


def normalize(text: str) -> str:
    """NFKC + lower case + curly dashes unified. ``"３０％"`` -> ``"30%"``."""
    text = unicodedata.normalize("NFKC", text or "")
    return text.replace("–", "-").replace("—", "-").replace("−", "-").lower()


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
