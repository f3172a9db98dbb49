"""Scoring a transcript against what was said: word error rate, per character for Chinese.

Both sides are normalised the same way before they are compared, so that only what was
heard differently counts: NFKC and lower case, punctuation and spacing dropped (Whisper
punctuates as it likes), and in Chinese text Arabic numerals read out as characters
(``2015年`` -> ``二零一五年``, ``8点`` -> ``八点``, ``30`` -> ``三十``) because a recogniser may
write a spoken number either way. A ``两`` heard as ``2`` still counts as one error (``二``).
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = "零一二三四五六七八九"
_CJK = re.compile(r"[\u3400-\u9fff]")


def _below_10k(n: int) -> str:
    """1..9999 read as a Chinese cardinal (``10`` -> ``十``, ``105`` -> ``一百零五``)."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero and out:
                out += "零"
            out += ("" if (unit == "十" and not out and d == 1) else _DIGITS[d]) + unit
            zero = False
        elif out:
            zero = True
    return out


def cardinal_zh(n: int) -> str:
    """A non-negative integer in Chinese characters, as it is read (up to 亿 groups)."""
    if n == 0:
        return "零"
    out = ""
    for value, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += _below_10k(d) + unit
            if n and n < value // 10:  # a gap in the next group: 一万零五
                out += "零"
    return out


def numbers_to_zh(text: str) -> str:
    """Arabic numerals in ``text`` read out in Chinese characters: years and codes (a leading
    zero, more than 9 digits) digit by digit, other integers as cardinals, ``.`` as 点."""

    def read(m: re.Match[str]) -> str:
        whole, frac, after = m.group(1), m.group(2), m.group(3)
        if (len(whole) == 4 and after == "年") or (whole.startswith("0") and len(whole) > 1) or len(whole) > 9:
            spoken = "".join(_DIGITS[int(c)] for c in whole)
        else:
            spoken = cardinal_zh(int(whole))
        if frac:
            spoken += "点" + "".join(_DIGITS[int(c)] for c in frac)
        return spoken + after

    text = re.sub(r"(\d+)%", lambda m: "百分之" + m.group(1), text)
    return re.sub(r"(\d+)(?:\.(\d+))?(年?)", read, text)


def tokens(text: str) -> list[str]:
    """Scoring units: CJK characters one by one, other words whole; punctuation dropped."""
    text = unicodedata.normalize("NFKC", text).lower()
    if _CJK.search(text):
        text = numbers_to_zh(text)
    out = [chunk.strip("'") for chunk in re.findall(r"[\u3400-\u9fff]|[a-z0-9']+", text)]
    return [t for t in out if t]


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference units, after the normalisation in
    the module docstring; Chinese is scored per character (the character error rate, CER)."""
    ref, hyp = tokens(reference), tokens(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)


character_error_rate = word_error_rate
