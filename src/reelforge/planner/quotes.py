"""Quoted text in instructions: the words to show, verbatim. Deterministic, no I/O.

`quoted_texts` finds what is quoted ("…", '…', “…”, 「…」, 《…》…) without taking an apostrophe
for a quote; `outside_quotes` blanks it, so quoted words are never read as settings.
``FILE_NAME`` matches a media file name ("bgm.mp3", "咖啡.jpg"). Works on the raw text (no
normalisation), so quoted words keep their case. Imports nothing else of the planner.
"""

from __future__ import annotations

import re
from collections.abc import Collection

__all__ = ["CURLY_QUOTED", "FILE_NAME", "LIST_GLUE", "SINGLE_QUOTED", "outside_quotes", "quote_spans", "quoted_texts"]


# a file name: all Chinese ("咖啡.jpg") or none ("音乐换成music_100.m4a" names music_100.m4a). Each is read from
# the start of its run of letters (or right after a Chinese name, "咖啡.jpg-b.mp3"): a name from inside a run ends
# where one from its start may, and that one (the longest) was tried first; from every letter, each scanning the
# rest, "中" * 9990 cost 0.25 s of CPU a reading (is_chinese)
_NAME = r"[^\s\"'“”‘’「」『』《》,，;；\u4e00-\u9fff]"
_AFTER_ZH_NAME = "|".join(rf"(?<=[\u4e00-\u9fff]\.[A-Za-z][A-Za-z0-9]{{{n}}})" for n in range(1, 5))
FILE_NAME = re.compile(rf"(?:(?<![\u4e00-\u9fff])[\u4e00-\u9fff]+|(?:(?<!{_NAME})|{_AFTER_ZH_NAME}){_NAME}+)"
                       r"\.[A-Za-z][A-Za-z0-9]{1,4}(?![A-Za-z0-9])")


_QUOTE_PAIRS = [
    ("“", "”"), ("「", "」"), ("『", "』"), ("《", "》"), ("«", "»"), ("„", "“"),
]
# A ' opens where no Latin letter or digit comes before it and closes where none follows; inside,
# one between two letters is an apostrophe ('Joe's Pizza', ‘We’re open’ were cut at it or not
# found). The group is what is quoted. The other planner readers build their quote patterns on these.
_LATIN = r"A-Za-z0-9_\u00c0-\u024f"
SINGLE_QUOTED = (rf"(?<![{_LATIN}'])'(?=\S)((?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z]))*?\S)'(?![{_LATIN}])")
CURLY_QUOTED = r"‘((?:[^’\n]|(?<=[A-Za-z])’(?=[A-Za-z]))+?)’(?![A-Za-z])"


# what joins two quotes of one list: 'captions "A", "B" and "C"', '字幕“A”、“B”和“C”'
LIST_GLUE = re.compile(r"""[\s"'“”‘’「」『』]*(?:,|，|、|;|；|&|\band\b|\bor\b|\bplus\b|和|与|及|跟)?[\s"'“”‘’「」『』]*""")


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
    return [inner for _, _, inner in quote_spans(text)]


def quote_spans(text: str | None) -> list[tuple[int, int, str]]:
    """(start, end, inner) of each quote, in order, outer quotes only (`quoted_texts`' rules)."""
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
    for start, end, inner in quote_spans(text):
        if inner.lower() in keep or FILE_NAME.fullmatch(inner):
            continue
        out.append(text[at:start] + " ")
        at = end
    return "".join(out) + (text or "")[at:]


_QUOTE_RX = [
    re.compile(r'"([^"\n]+?)"'),
    # an apostrophe sits inside a Latin word ("it's", "users'"); next to a Chinese character
    # a ' is a quote (标题是'城市之光'), as the edit planner reads it (rules.refs._QUOTE_RX)
    re.compile(SINGLE_QUOTED),
    re.compile(CURLY_QUOTED),
    *[re.compile(re.escape(a) + r"([^" + re.escape(b) + r"\n]+?)" + re.escape(b)) for a, b in _QUOTE_PAIRS],
]

