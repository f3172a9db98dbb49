"""Handlers for text on screen: add, change, restyle, retime and remove titles, captions and
calls to action; colours and sizes in words."""

from __future__ import annotations

import re

from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner.ending import capitalised, contact_in, ending_words, offer_in, title_case
from reelforge.planner.rules.refs import (
    _ADD,
    _ORD_FULL,
    _REMOVE,
    _RX_AT,
    _TEXT_WORD,
    _ZH_ORD,
    _Ambiguous,
    _Cannot,
    _check_time,
    _Ctx,
    _ctx,
    _find_targets,
    _has,
    _main_seg,
    _ord_index,
)
from reelforge.planner.typos import is_english, known
from reelforge.timeline.model import (
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
)

_COLORS = {
    "red": "#FF0000", "white": "#FFFFFF", "black": "#000000", "yellow": "#FFD400", "blue": "#1E6BFF",
    "green": "#00C853", "orange": "#FF8C00", "pink": "#FF69B4", "purple": "#8E44AD", "gray": "#808080",
    "grey": "#808080", "gold": "#FFD700", "golden": "#FFD700", "silver": "#C0C0C0", "navy": "#001F5B",
    "红色": "#FF0000", "白色": "#FFFFFF", "黑色": "#000000", "黄色": "#FFD400", "蓝色": "#1E6BFF",
    "绿色": "#00C853", "橙色": "#FF8C00", "粉色": "#FF69B4", "紫色": "#8E44AD", "灰色": "#808080",
    "金色": "#FFD700", "银色": "#C0C0C0", "红": "#FF0000", "白": "#FFFFFF", "黑": "#000000", "黄": "#FFD400",
    "蓝": "#1E6BFF", "绿": "#00C853",
}
_C_EN = r"#[0-9a-f]{6}\b|\b(?:" + "|".join(k for k in _COLORS if k.isascii()) + r")\b"
_C_ZH = "|".join(sorted((k for k in _COLORS if not k.isascii()), key=len, reverse=True))
_RX_COLOR = re.compile(f"{_C_EN}|{_C_ZH}")

# the colour of the box behind a text, not of its letters: "a white box", "a yellow background", "make
# the title box blue", "the title background to white", "white text on black", "白色底框", "黄色底",
# "红底白字", "背景改成白色" (only read in a clause about text: "white background" alone is the video's)
_BOX_EN = r"(?:box(?:es)?|boxed|banner|label|background|backdrop|bg|button)"  # a call to action's "button" is its box
_BOX_ZH = r"(?:底框|背景框|背景色|背景|底色|底板|按钮|框)"
_RX_BOX_COLOR = re.compile(
    rf"(?P<a>{_C_EN})(?:[\s-]+colou?red)?[\s-]+(?:(?:title|caption|subtitle|headline|cta)s?\s+)?{_BOX_EN}\b"
    # "a red shop now button": the button's words between its colour and it
    rf"|(?P<w>{_C_EN})\s+(?:(?!(?:text|letters?|lettering|words?|fonts?|and|with|on|the|title|caption)\b)[a-z'!]+\s+){{1,3}}?button\b"
    rf"|\b{_BOX_EN}(?:\s+colou?r)?\s+(?:to\s+be\s+|to\s+|in\s+|into\s+|as\s+|is\s+)?(?P<b>{_C_EN})"
    rf"|(?:{_C_EN})\s+(?:(?:text|letters|lettering|words|font)\s+)?(?P<onp>on\s+(?:an?\s+)?(?P<on>{_C_EN}))(?=\s*(?:$|[,.;!?]))"
    rf"|(?P<za>{_C_ZH})的?(?:{_BOX_ZH}|底(?![部端下层]))"
    rf"|{_BOX_ZH}(?:的?颜色)?(?:改成|改为|换成|换为|变成|设为|设成|用|是|为)?(?P<zb>{_C_ZH})")
# "红底白字", "白底黑字": the letters' colour said with 字
_RX_ZH_LETTERS = re.compile(rf"(?:{_C_ZH})色?的?字(?!幕)")


# -- small parsers --------------------------------------------------------------------------------
def _color(t: str) -> str | None:
    m = _RX_COLOR.search(t)
    if not m:
        return None
    word = m.group(0)
    return word.upper() if word.startswith("#") else _COLORS[word]


def _box_color(t: str) -> tuple[str | None, str]:
    """The colour a clause asks for the box behind a text ("a white box", "黄色底"), and the clause
    without those words (what is left names the letters' colour, if anything)."""
    m = _RX_BOX_COLOR.search(t)
    if not m:
        return None, t
    name = next(g for g in ("a", "w", "b", "on", "za", "zb") if m.group(g))
    word = m.group(name)
    # "white text on black": only "on black" is the box's; the rest keeps the letters' colour; "a red
    # shop now button": only "red" (the words stay the button's)
    a, b = m.span("onp") if name == "on" else m.span("w") if name == "w" else m.span()
    return (word.upper() if word.startswith("#") else _COLORS[word]), f"{t[:a]} {t[b:]}"


# the box behind a text taken away ("title with no box", "remove the box from the captions",
# "标题不要底框", "去掉字幕的底框"): not the text itself
_BOX_OFF = (r"\b(?:no|without)\s+(?:a\s+|the\s+|any\s+)?(?:background\s+)?(?:box(?:es)?|backdrop|banner)\b|"
            r"\b(?:remove|delete|drop|take\s+(?:off|away|out)|get\s+rid\s+of|turn\s+off|hide|lose|ditch)\b"
            r"[^,.;]{0,30}\b(?:box(?:es)?|backdrop)\b|\b(?:box(?:es)?|backdrop)\b[^,.;]{0,12}\b(?:off|away|gone)\b|"
            r"(?:去掉|删掉|删除|取消|不要|拿掉|关掉)[^，。,;；]{0,8}(?:底框|背景框|框)|(?:底框|背景框)(?:去掉|删掉|不要了?)")
WHITE, DARK_TEXT = "#FFFFFF", "#111111"  # the letters' colour on a dark box, on a light box
# another colour asked for without naming one ("change the title colour", "标题换个颜色")
_OTHER_COLOUR = (r"\b(?:change|switch|swap)\s+(?:the\s+)?(?:\w+\s+){0,2}colou?r\b(?!\s+(?:to|into)\b)|"
                 r"\b(?:a\s+)?(?:different|another|other|new)\s+colou?r\b|换(?:个|一个|一种|种|下|一下)?颜色|颜色换一?[个下]")
_NEXT_COLOUR = {"#FFFFFF": "#FFD400", "#FFD400": "#FFFFFF"}
# WCAG AA contrast for large text (>= 24 px; every title, caption and call to action is drawn far
# larger): white stays on a red or orange box, as designers set it; yellow or white boxes get dark letters
READABLE = 3.0


def _luminance(color: str) -> float:
    """WCAG relative luminance (0-1) of ``#RRGGBB[AA]``."""
    def lin(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    h = color.lstrip("#")
    r, g, b = (lin(int(h[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _letters_on(c: _Ctx, box: str | None, named: str | None, current: str, *, adding: bool = False,
                off: bool = False) -> str | None:
    """The letters' colour for a text put on a box of colour ``box``: the one the clause names, else
    the text's own (``current``) while it reads there (3:1, large text), else white or near-black, whichever
    reads better (relative luminance), said in the reply. None = unchanged. ``off``: the box goes, and
    near-black letters (set for a light box) turn white again, as text on pictures is."""
    if off and named is None and current.upper() == DARK_TEXT:
        note = "文字改回白色。" if c.zh else "Its text is white again."
        if note not in c.notes:
            c.notes.append(note)
        return WHITE
    if box is None or named is not None:
        return named
    if contrast(current, box) >= READABLE:
        return None
    pick = max((WHITE, DARK_TEXT), key=lambda x: contrast(x, box))
    if pick.upper() == current.upper():
        return None
    dark = pick == DARK_TEXT
    if c.zh:
        note = f"文字{'用' if adding else '改成'}{'深色' if dark else '白色'}，在底框上看得清。"
    else:
        note = f"{'Its text is' if adding else 'Text turned'} {'dark' if dark else 'white'} to stay readable."
    if note not in c.notes:
        c.notes.append(note)
    return pick


_SIZES = [TextSize.SMALL, TextSize.MEDIUM, TextSize.LARGE, TextSize.XLARGE]


def _size(t: str, current: TextSize | None = None) -> TextSize | None:
    if _has(r"\b(?:huge|giant|enormous|very\s+(?:big|large)|extra[\s-]?large|xl)\b|超大|特大|巨大", t):
        return TextSize.XLARGE
    if _has(r"\b(?:bigger|larger)\b|大一点|大点|放大|加大|更大", t):
        return _SIZES[min(3, _SIZES.index(current or TextSize.MEDIUM) + 1)]
    if _has(r"\bsmaller\b|小一点|小点|缩小|更小", t):
        return _SIZES[max(0, _SIZES.index(current or TextSize.MEDIUM) - 1)]
    if _has(r"\b(?:big|large)\b|大字|大号", t):
        return TextSize.LARGE
    if _has(r"\b(?:small|tiny)\b|小字|小号", t):
        return TextSize.SMALL
    if _has(r"\b(?:medium|normal\s+size|regular\s+size)\b|中号|正常大小", t):
        return TextSize.MEDIUM
    return None


def _bold(t: str) -> bool | None:
    """"bold", "heavier", "加粗": True; "not bold", "regular weight", "不要加粗": False; else None."""
    if _has(r"\b(?:not\s+bold|no\s+bold|unbold|regular\s+weight|normal\s+weight|thinner|lighter\s+(?:font|weight|text))\b|"
            r"不要加粗|取消加粗|不加粗|细一点|细体", t):
        return False
    if _has(r"\bbold(?:er)?\b|\bheavier\b|\bthicker\b|加粗|粗体|粗一点|粗一些", t):
        return True
    return None


# "the text", "the fonts", "字": every text when it is about the letters' look ("make the text bold")
_RX_ALL_TEXT_LOOK = re.compile(r"\b(?:the\s+)?(?:fonts?|typeface|lettering|letters|texts?|writing|words)\b|字体|文字|(?<![标幕])字(?=大|小|再|加粗|粗|细|的?颜色|改成|变成)")


# "after the first 2 seconds" (it read "the first 2 seconds"), "after the first second", "after a second"
_RX_AFTER_FIRST_N = re.compile(r"\bafter\s+(?:the\s+)?first\s+(?=\d)")
_RX_AFTER_A_SECOND = re.compile(r"\bafter\s+(?:the\s+first|a|one)\s+(?=second\b)")


def _timing(c: _Ctx, default: O.Timing | None, text: str | None = None) -> O.Timing | None:
    t = c.t if text is None else text
    t = _RX_AFTER_A_SECOND.sub("after 1 ", _RX_AFTER_FIRST_N.sub("after ", t))
    _check_time(c, t)  # "at 99999999:00" was placed over the last 3 s, "from 1e30s to 1e31s" throughout
    r = P.parse_time_range(t, c.tl.duration)
    if r is None:
        return default
    if r.kind is P.RangeKind.ALL:
        return O.Timing()
    if r.kind is P.RangeKind.END:
        return O.Timing(duration_ms=r.duration_ms, anchor="end")
    if r.kind is P.RangeKind.AFTER:
        return O.Timing(start_ms=r.start_ms)
    return O.Timing(start_ms=r.start_ms, duration_ms=r.duration_ms)


def _text_role(t: str) -> Role | None:
    if _has(r"\bcta\b|call[\s-]to[\s-]action|\bbutton\b|行动号召|结尾按钮|按钮|(?:结尾|片尾)(?:的?(?:文字|文案|字))?\s*[:：]|"
            r"\b(?:end|closing|outro|final)[\s-]?(?:card|screen|slate)\b|"  # "add an end card saying …"
            r"\b(?:change|rename|set|switch|update|edit|make)\s+(?:the\s+)?(?:end|closing|final)\s+(?:text|line|message|words)\b|"
            r"(?:结尾|片尾)(?:的?(?:文字|文案|字))?\s*(?:改成|改为|换成|变成)", t):
        return Role.CTA
    if _has(r"\b(?:change|rename|set|switch|update|edit|make)\s+(?:the\s+)?ending\b", t) and not _has(_LENGTH_WORDS, t):
        return Role.CTA  # "change the ending to 'Order now'": the words the video ends on ("make the ending longer": its shot)
    if _has(r"\b(?:captions?|subtitles?|lower\s+thirds?)\b|字幕|说明文字", t):
        return Role.CAPTION
    if _has(r"\b(?:titles?|headlines?|headings?)\b|标题", t):
        return Role.TITLE
    return None


_LENGTH_WORDS = r"\b(?:longer|shorter|seconds?|secs?|too\s+(?:long|short)|extend|lengthen|shorten)\b|\d\s*s\b"
# "change the ending to …", "把结尾改成…": the call to action, named by where it is
_RX_ENDING = re.compile(r"(?:结尾|片尾)(?=(?:的?(?:文字|文案|字))?\s*(?:改成|改为|换成|变成))|(?:结尾|片尾|最后)的?(?=按钮)|"
                        r"\b(?:ending|(?:end|closing|final)\s+(?:text|line|card|screen|message|words|button))\b")

# "the text at the end", "结尾的文字": which text, by where it is (not where it goes)
_RX_TEXT_WHERE = re.compile(r"(?P<word>\b(?:texts?|words|writing|overlays?))\s+(?:at|in|near|on|towards)\s+the\s+(?:very\s+)?(?P<w>end|start|beginning|top|bottom)\b|"
                            r"(?P<zh>结尾|最后|片尾|开头|开始|片头)的?(?=(?:那段|那个|那条|那句)?(?:文字|字幕|文案))")


def _text_ref(segs: list, role: Role, seg) -> O.Target:
    """A text segment as a target: its role and its place among that role's texts."""
    same = [x for r, x in segs if r is role]
    return O.Target(role=role, index=next(i for i, x in enumerate(same) if x is seg))


def _text_target(c: _Ctx, role: Role | None) -> O.Target:
    segs = c.text_segs(role)
    # a quote naming an existing text picks it
    for q in c.quotes:
        hits = [(r, s) for r, s in segs if q.casefold() == s.text.casefold()]
        if len(hits) == 1:
            return O.Target(role=hits[0][0], name=q)
    if not segs:
        word = {Role.TITLE: "title", Role.CAPTION: "caption", Role.CTA: "call to action"}.get(role, "text")  # type: ignore[arg-type]
        raise _Cannot(f"there is no {word} yet; add one with e.g. \"add the {word} 'Spring Sale'\"")
    if len(segs) == 1:
        r, s = segs[0]
        return O.Target(role=r, index=0)
    if (named := _texts_named(c, segs)) is not None:  # "swap the eye pan caption for …": the one saying it
        return named
    roles = {r for r, _ in segs}
    ord_m = re.search(rf"\b(?P<ord>{_ORD_FULL})\s+{_TEXT_WORD}|(?P<zh>{_ZH_ORD})\s*一?\s*(?:个|条|句|段)?\s*(?:标题|字幕|文字)", c.t)
    if ord_m:
        idx = _ord_index(ord_m.group("ord") or ord_m.group("zh"))
        if idx is not None and len(roles) == 1:
            return O.Target(role=next(iter(roles)), index=idx)
    by_time = sorted(segs, key=lambda rs: rs[1].start)
    if ord_m and (idx := _ord_index(ord_m.group("ord") or ord_m.group("zh"))) is not None and -len(segs) <= idx < len(segs):
        return _text_ref(segs, *by_time[idx])  # "the last text": in time, whatever its role
    where = _RX_TEXT_WHERE.search(c.t)
    if where:  # "the text at the end": the one there, when only one is
        w = where.group("w") or {"结尾": "end", "最后": "end", "片尾": "end"}.get(where.group("zh"), "start")
        if w in ("top", "bottom"):
            hits = [(r, x) for r, x in segs if (x.position or "").startswith(w)]
        elif w == "end":
            hits = [(r, x) for r, x in segs if x.end >= c.tl.duration - 1000]
        else:
            hits = [(r, x) for r, x in segs if x.start <= 1000]
        if len(hits) == 1:
            return _text_ref(segs, *hits[0])
    at = _RX_AT.search(c.t)
    if at and len(roles) == 1:
        ms = P.parse_time_value_ms(at.group("tv"))
        if ms is not None:
            return O.Target(role=next(iter(roles)), at_ms=ms)
    listing = ", ".join(f'"{s.text}" ({r.value}, {s.start / 1000:g}-{s.end / 1000:g}s)' for r, s in segs[:8])
    if c.zh:
        zh_role = {Role.TITLE: "标题", Role.CAPTION: "字幕", Role.CTA: "行动号召"}
        listing = "、".join(f"“{s.text}”（{zh_role.get(r, r.value)}，{s.start / 1000:g}-{s.end / 1000:g}s）"
                            for r, s in segs[:8])
        raise _Ambiguous(f"是哪段文字？共有{len(segs)}段：{listing}。请说“标题”或“行动号召”。")
    raise _Ambiguous(f"Which text? There are {len(segs)}: {listing}.")


def _unquoted_words(raw: str, t: str) -> str | None:
    """The words of a text added without quotes: "add a caption saying Free shipping at 10s", "add text
    Free shipping for 3 seconds at 10s", "add a title that says Summer Sale at the top" (where and when cut
    off); None when there are none."""
    m = re.search(r"(?:\bsaying|\bsays?\b|\bthat\s+reads|\breads\b|\bto\s+(?:say|read)\b)\s*:?\s*([^\s,.;].*)$", raw, re.I)
    # "tagline: stay cold all day", "cta - order today": a label and its words; "add happy birthday mom
    # as the title": the words, then what they are
    if m is None and (a := re.match(r"\s*(?:please\s+)?(?:add|put|use|make)\s+(?P<w>(?!(?:an?|the|some|it|this|that)\b)"
                                     r"[^,.;]{2,40}?)\s+as\s+(?:the|a|an)\s+(?:new\s+)?(?:title|headline|caption|subtitle|"
                                     r"tag\s*line|slogan|cta|call[\s-]to[\s-]action)\b", raw, re.I)):
        return capitalised(a.group("w").strip().strip("'\"").strip())
    if m is None or not _has(r"\b(?:text|overlay|caption|subtitle|title|headline|cta|call[\s-]to[\s-]action|card|screen|slate|"
                             r"button|tag\s*line|slogan|sub-?heading|subhead)s?\b", t):
        m = re.match(r"\s*(?:please\s+)?(?:add|insert)\s+(?:an?\s+|some\s+|the\s+)?"
                     r"(?:text|caption|title|subtitle|headline|overlay)\s+(?!(?:at|on|in|over|to|for|from|saying|says?|that|"
                     r"reads?|with|and|in|back|again|too|also|now|here|there|please|under|below|above|of|as)\b)([^\s,.;].*)$",
                     raw, re.I)
    if m is None and (b := re.match(rf"\s*(?:please\s+)?(?:add|put|insert|include)\s+(?:an?\s+)?(?:(?:{_C_EN})\s+)?"
                                     r"(?P<w>[a-z][a-z' ]{1,24}?)\s+"
                                     r"(?:button|cta|call[\s-]to[\s-]action)\b", raw, re.I)) \
            and not re.search(r"\b(?:new|nice|bold|round(?:ed)?|big|bigger|small|large|another|second|clear|clickable|"
                              r"the|end|final|closing|text|letters?|words?|fonts?|and|with)\b", b.group("w"), re.I) \
            and _color(b.group("w").lower()) is None and _size(b.group("w").lower()) is None:
        return capitalised(b.group("w").strip())  # "add a subscribe button at the end": its words
    if m is None:
        # "add our website www.example.com", "加上我们的网址 www.example.com": the address itself
        if not _has(_ADD, t):
            return None
        offer = offer_in(raw)
        return contact_in(raw) or (capitalised(offer) if offer else None)
    # "add the title Summer Sale, make it red": the words end where the next instruction starts
    words = _RX_NEXT_ASK.split(m.group(1), maxsplit=1)[0]
    words = _RX_WHERE_TAIL.sub("", words).strip().strip("'\"").strip()
    return capitalised(words) or None


_RX_NEXT_ASK = re.compile(r"\s*(?:[,;]\s*(?:and\s+|then\s+)?|\s+and\s+(?:then\s+)?|\s+then\s+)"
                          r"(?=(?:please\s+)?(?:make|put|move|change|set|turn|add|use|remove|place|show|let|have|give|"
                          r"center|centre|fade|keep)\b)", re.I)


# "… at 10s", "… for 3 seconds at 10s", "… on the 3rd photo", "… at the top": where and when, not the words
_RX_WHERE_TAIL = re.compile(r"(?:\s+(?:at|from|for|during|between|until|till|on|over|in|across)\s+(?:the\s+)?"
                            r"(?:\d|first|last|end|start|beginning|top|bottom|middle|cent(?:er|re)|whole|entire|"
                            r"(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\b|\w+\s+(?:photo|image|picture|pic|shot|clip)s?\b)"
                            r".*|\s+throughout.*)$", re.I)
_RX_MOVE_TO_TIME = re.compile(r"\b(?:(?:up|back|down|over)\s+)?(?:to|till|until)\s+(?=(?:the\s+)?(?:very\s+)?(?:start|beginning|end)\b|"
                              r"\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b)")


def _cta_there(c: _Ctx, timing: O.Timing) -> TextSegment | None:
    """The one call to action on screen where a new one would go, unless a second one is asked for."""
    if _has(r"\b(?:another|second|extra|also|too|as\s+well|both)\b|再加|另一个|第二个|也", c.t):
        return None
    total = c.tl.duration
    dur = timing.duration_ms or total - timing.start_ms
    a = total - dur if timing.anchor == "end" else timing.start_ms
    b = min(total, a + dur)
    hits = [s for _, s in c.text_segs(Role.CTA) if s.start < b and a < s.end]
    return hits[0] if len(hits) == 1 else None


def _texts_named(c: _Ctx, segs: list[tuple[Role, TextSegment]]) -> O.Target | None:
    """The one text whose words the clause says unquoted ("the eye pan caption" for a caption
    "Eye Pan", "把Eye Pan字幕改成…"), or None."""
    t = c.t.casefold()
    hits = [(r, s) for r, s in segs if len(s.text.strip()) >= 3
            and re.search(r"(?<![\w])" + re.escape(s.text.strip().casefold()) + r"(?![\w])", t)]
    return _text_by_id(segs, *hits[0]) if len(hits) == 1 else None


_RX_TEXT_PLURAL = re.compile(
    r"\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:titles?|headlines?|captions?|subtitles?|texts?|text\s+overlays?|overlays?|ctas?)\b"
    r"|\b(?:titles|headlines|captions|subtitles|texts|overlays|ctas|calls[\s-]to[\s-]action)\b"
    r"|(?:所有|全部|每条|每一条|每句)\s*的?\s*(?:标题|字幕|文字|文案)")
# words that make a line a call to action ("Shop now", "Learn more", "立即购买")
_RX_CTA_TEXT = re.compile(
    r"\b(?:shop|buy|order|book|get|grab|claim|learn|discover|find\s+out|sign\s+up|join|subscribe|follow|download|"
    r"install|try|visit|call|register|donate|start|apply|save|tap|click|swipe|dm|message|contact|reserve|"
    r"pre-?order|link\s+in\s+bio)\b.{0,30}?(?:\bnow\b|\btoday\b|\bmore\b|\bfree\b|\bus\b|\bhere\b|\bbelow\b|\bup\b|!|$)"
    r"|立即|马上|现在就|赶快|赶紧|快来|点击|关注|订阅|购买|下单|抢购|预约|报名|了解更多|扫码|私信|咨询|领取|戳", re.I)


# "to / on / over / during the third shot", "在第三张图片上", "给咖啡那张图": the text goes over that shot
_RX_OVER_SHOT_BEFORE = re.compile(r"(?:\b(?:to|on|onto|over|during|across|with|under|for|in|into)\s+(?:the\s+)?|(?:在|给|为)\s*)$")


def _text_shot(c: _Ctx) -> O.Target | None:
    """The one shot a new text is put over ("add the caption 'Fresh' to the third photo"), if
    the instruction names one that way; a time ("at 5s") is a time, not a shot."""
    for r in _find_targets(c):
        if r.target.at_ms is not None or r.more:
            continue
        if _RX_OVER_SHOT_BEFORE.search(c.t[:r.start]) or (
                # "第二张图片加字幕“专业检测”": the shot first, then what goes on it (it was over the whole video)
                not c.t[:r.start].strip() and re.match(r"\s*(?:上|里)?\s*(?:加上?|添加|配上?|放上?)", c.t[r.end:])):
            return r.target
    return None


# "the caption on the coffee photo", "no text on the first shot", "第三张图片上的字幕": texts by their shot
_RX_ON_SHOT_BEFORE = re.compile(r"(?:\b(?:on|from|over|in|during|of|off)\s+(?:the\s+)?|(?:在|把)\s*)$")


def _texts_on_shot(c: _Ctx, role: Role | None) -> list[tuple[Role, TextSegment]] | None:
    """The texts (of ``role``) shown over the shot the instruction names that way, or None when
    it names none: a caption made for that shot, or a text on screen mostly while it is."""
    for r in _find_targets(c):
        if r.target.at_ms is not None or r.more:
            continue
        if not (_RX_ON_SHOT_BEFORE.search(c.t[:r.start]) or re.match(r"\s*(?:上|里|中)的?", c.t[r.end:])):
            continue
        shot = _main_seg(c, r.target)
        if shot is None:
            continue
        return [(ro, s) for ro, s in c.text_segs(role)
                if s.shot == shot.id or 2 * (min(s.end, shot.end) - max(s.start, shot.start)) >= s.duration]
    return None


def _text_by_id(segs: list[tuple[Role, TextSegment]], role: Role, seg: TextSegment) -> O.Target:
    """A text as a target that stays right while others of its role go: by its words when they
    name it alone, else by its id."""
    same = [s for r, s in segs if r is role and seg.text.casefold() in s.text.casefold()]
    return O.Target(role=role, name=seg.text) if len(same) == 1 else O.Target(role=role, id=seg.id)


_RX_RENAME = re.compile(
    r"\b(?:change|rename|set|switch|update|edit)\s+(?:the\s+)?(?:(?:end|closing|final)\s+)?(?:title|headline|heading|"
    r"caption|subtitle|cta|call[\s-]to[\s-]action|text|tagline|slogan|ending|line|card|screen|message|words)(?:'s)?\s+(?:text\s+|words?\s+|wording\s+)?(?:to|into|as)\s*:?\s+(?:say\s+|read\s+)?(?P<x>\S.*)$|"
    r"\breplace\s+(?:the\s+)?(?:title|headline|heading|caption|cta|call[\s-]to[\s-]action|tagline|slogan)(?:'s)?\s+"
    r"(?:text\s+|words?\s+)?with\s*:?\s+(?!(?:a|an|the|one|another|something|anything|my|our|your)\b)(?P<rx>\S.*)$|"
    r"(?:标题|字幕|结尾|行动号召|文字|文案|口号|(?<![a-z])(?:cta|title|caption|call[\s-]to[\s-]action))(?:的?(?:文字|内容))?\s*"
    r"(?:改成|改为|换成|变成|改叫)\s*(?P<zx>\S.*)$", re.I)
_RX_STYLE_WORD = re.compile(
    r"\b(?:the|a|an|in|at|on|to|colou?r|bold|bigger|smaller|larger|big|small|large|medium|xl|size|font|top|bottom|"
    r"left|right|cent(?:er|re)|middle|corner|upper|lower|box|boxed|shadow|outline)\b|"
    r"大一点|小一点|大一些|小一些|大号|小号|特大|顶部|底部|中间|左边|右边|居中|上方|下方|颜色|字号|粗体|加粗|"
    r"底框|背景框|边框|框|阴影|描边|底色|加|和|带|配|底|字")  # "改成白色加黑框": a look, not the words "白色加黑框"


def _styling(words: str) -> bool:
    """Whether what a text is changed "to" is a look, a place or a time ("to red", "to the top",
    "改成红色", "to 5 seconds") rather than its new words."""
    w = re.sub(r"(?:的|一点|一些)+$", "", words.lower().strip(" .!。！"))  # "改成黄色的": a colour, not the words "黄色的"
    if P.find_durations(w):
        return True
    return not re.search(r"\w", _RX_STYLE_WORD.sub(" ", _RX_COLOR.sub(" ", w)))


def _looks_cta(text: str) -> bool:
    return len(text) <= 60 and _RX_CTA_TEXT.search(text.strip()) is not None


def _h_text(c: _Ctx) -> list[O.Op] | None:
    # "the text is too small", "the title is hard to read", "字幕太小了": a size up ("too small" set SMALL)
    t = re.sub(r"\btoo\s+(?:small|tiny)\b|\bhard\s+to\s+read\b|\b(?:can'?t|cannot)\s+read\b|太小了?|看不清楚?",
               " bigger ", c.t)
    t = re.sub(r"\btoo\s+(?:big|large|huge)\b|太大了?", " smaller ", t)
    if c.quotes and _has(r"\b(?:call|name|rename|title)\s+(?:it|the\s+(?:video|ad|reel|thing))\b|(?:标题)?(?:叫做?|命名为|起名)", t):
        # "call it 'Weekend Vibes' instead": the title
        if c.text_segs(Role.TITLE):
            return [O.UpdateText(target=_text_target(c, Role.TITLE), text=c.quotes[-1])]
        return [O.AddText(text=c.quotes[-1], timing=O.Timing(duration_ms=3000))]
    role = _text_role(t)
    if role is not None and _has(r"\b(?:move|shift|put|bring|push|slide|drag)\b|移到|挪到|放到", t):
        # "move the title (up) to the start / end / 0:05": when it shows ("to 5 seconds" set the VIDEO to 5 s)
        t = _RX_MOVE_TO_TIME.sub("at ", t)
    # "字幕改成黄色": every caption (Chinese has no plural), unless one is named by its words ("把Eye Pan字幕改成…")
    plural = _RX_TEXT_PLURAL.search(t) is not None or (c.zh and role is Role.CAPTION
                                                       and _texts_named(c, c.text_segs(role)) is None
                                                       and not re.search(rf"{_ZH_ORD}\s*一?\s*(?:个|条|句|段)?\s*字幕", t))
    has_text_word = role is not None or _has(r"\b(?:texts?|overlays?|words?|tagline|slogan)\b|文字|文案|口号|字(?:体|号)?(?=再|大|小|改|换|放|调|的?颜色|变|加粗|粗|细)|"
                                             r"(?:所有|全部|画面上)的?字(?!幕)", t) \
        or (c.zh and _RX_ZH_LETTERS.search(t) is not None and _box_color(t)[0] is not None) \
        or (_has(r"\b(?:fonts?|typeface|lettering)\b", t) and (_bold(t) is not None or _size(t) is not None
                                                                  or _color(t) is not None)) \
        or (not c.quotes and _has(_ADD, t) and (contact_in(c.raw) or offer_in(c.raw)) is not None)  # "add our website www.example.com", "add 30% off"
    if not has_text_word and not c.quotes:
        if _has(_BOX_OFF, t) and (boxed := [(r, s) for r, s in c.text_segs(None) if s.background is TextBackground.BOX]):
            # "remove the box", "去掉底框": the boxes behind the letters (it answered "there is no 'box'")
            every = c.text_segs(None)
            return [O.UpdateText(target=_text_by_id(every, r, s), background=TextBackground.SHADOW,
                                 color=_letters_on(c, None, None, s.color, off=True)) for r, s in boxed]
        if _has(_BOX_OFF, t) and c.text_segs(None):
            raise _Cannot("没有文字带底框" if c.zh else "no text has a box")
        return None
    names_existing = any(q.casefold() == s.text.casefold() for q in c.quotes for _, s in c.text_segs(None))
    if not has_text_word and c.quotes and not _has(_ADD, t) and not names_existing:
        return None
    box_off = _has(_BOX_OFF, t)  # "remove the box from the title": the box goes, the title stays
    # remove
    if (_has(_REMOVE + r"|\bno\s+(?:more\s+)?(?:text|titles?|captions?|overlays?)\b", t) and not box_off
            and not _has(r"\b(?:replace|change|rename)\b|改成|换成", t)):
        on = _texts_on_shot(c, role)
        if on is not None:  # "no text on the first shot": that shot's, not every text
            if not on:
                raise _Cannot("there is no text on that shot")
            every = c.text_segs(None)
            return [O.RemoveText(target=_text_by_id(every, r, s)) for r, s in on]
        if plural or _has(r"\ball\b|\bevery\b|所有|全部|\bno\s+(?:more\s+)?(?:text|titles|captions|overlays)\b", t) or (role is None and not c.quotes and not _has(rf"\b(?:the|this|that)\s+(?:{_ORD_FULL}\s+)?(?:text|overlay)\b", t)):
            return [O.RemoveText(role=role.value if role else None)]  # type: ignore[arg-type]
        return [O.RemoveText(target=_text_target(c, role))]
    existing = c.text_segs(role)
    new_text = None
    verb_add = _has(_ADD, t) and not _has(r"\b(?:change|rename|edit|update|replace|make\s+the|set\s+the)\b|改成|改为|换成|修改|更改", t)
    adding = verb_add and (bool(c.quotes) or not existing or _unquoted_words(c.raw, t) is not None)
    if c.quotes and adding:
        new_text = c.quotes[-1]
    elif c.quotes:
        if len(c.quotes) >= 2:
            new_text = c.quotes[-1]
        elif not (existing and any(c.quotes[0].casefold() == s.text.casefold() for _, s in existing)):
            new_text = c.quotes[0]
    else:
        words = _unquoted_words(c.raw, t) if adding else None
        zh = re.search(r"(?:标题|字幕|结尾|片尾|行动号召|按钮|文字|文案)\s*[:：]\s*(\S.*)$", c.raw)
        if words:
            # "add the title summer sale": a title typed in passing, in a title's capitals
            new_text = title_case(words) if role is Role.TITLE and words[1:] == words[1:].lower() else words
        elif zh and role is not None:  # "加个结尾：立即购买", "加个标题：夏日特惠": its words (the one there, or a new one)
            new_text = zh.group(1).strip().strip("“”「」'\"")
        elif role is not None and existing and (ren := _RX_RENAME.search(c.raw)) and not _styling(ren.group("x") or ren.group("rx") or ren.group("zx")):
            # "change the title to Summer Drop", "把标题改成城市之光": new words, nothing else
            words = (ren.group("x") or ren.group("rx") or ren.group("zx")).strip().strip("'\"“”「」").rstrip(".!。！")
            if role is Role.TITLE and words == words.lower() and not P.CJK.search(words):
                words = title_case(words)  # "change the title to summer drop": a title's capitals
            else:
                words = capitalised(words)  # "change the cta to order now": as a line on screen starts
            return [O.UpdateText(target=_text_target(c, role), text=words)]
        elif role is not None and existing and (
                said := re.search(r"\b(?:should|must|to|will)\s+(?:say|read)\s*:?\s+(\S.*)$|"
                                  r"^(?:make|have|let)\s+the\s+\w+(?:\s+\w+)?\s+(?:say|read)\s*:?\s+(\S.*)$", c.raw, re.I)):
            # "the title should say Urban Dreams 2026", "make the caption read Free returns"
            new_text = (said.group(1) or said.group(2)).strip().strip("'\"").rstrip(".!")
            new_text = title_case(new_text) if role is Role.TITLE and new_text == new_text.lower() else capitalised(new_text)
    position = P.parse_position(t)
    box, rest = _box_color(t)  # "a white box behind the title": the box's colour, not the letters'
    color = _color(re.sub(r"背景|background|box", " ", rest)) if not _has(r"\bbackground\s+(?:colou?r\s+)?(?:to\s+)?\w+|背景色", rest) else None
    if color is None and box is None and _has(_OTHER_COLOUR, t):
        # "change the title colour", "标题换个颜色": no colour named, so the accent in turn (white <-> yellow)
        now = [s.color.upper() for _, s in c.text_segs(role)] or [WHITE]
        color = _NEXT_COLOUR.get(max(set(now), key=now.count), WHITE)
        c.notes.append("要指定颜色可以说“标题改成红色”。" if c.zh else "Say a colour to choose it, e.g. 'make the title red'.")
    bg = None
    if box_off:
        bg = TextBackground.SHADOW  # the letters keep their soft shadow, as a text without a box has
    elif box is not None:
        bg = TextBackground.BOX
    elif _has(r"\b(?:box|boxed|background\s+box|banner|label)\b|底框|背景框|文字背景|加框", t):
        bg = TextBackground.BOX
    elif _has(r"\bshadow\b|阴影", t):
        bg = TextBackground.SHADOW
    elif _has(r"\bno\s+(?:box|shadow|background)\b|去掉(?:底框|阴影)", t):
        bg = TextBackground.NONE
    if adding or (new_text is not None and not existing):
        if new_text is None:
            raise _Cannot("what should the text say? put it in quotes, e.g. \"add the title 'Spring Sale'\"")
        shot = _text_shot(c)
        if shot is not None:  # over one picture: a caption, unless another kind was named
            return [O.AddText(text=new_text, role=(role or Role.CAPTION).value, shot=shot,  # type: ignore[arg-type]
                              position=position, size=_size(t), color=_letters_on(c, box, color, WHITE, adding=True),
                              background=bg, box_color=box)]
        r = role or Role.TITLE
        offer = offer_in(c.raw)
        contact = new_text == contact_in(c.raw) or (offer is not None and new_text == capitalised(offer))  # with the ending
        if role is None and (_looks_cta(new_text) or contact):
            # "add 'Shop now' at the end", "add our website www.example.com": the ending's
            tm = _timing(c, None)
            if tm is None or tm.anchor == "end":
                r = Role.CTA
        default = {Role.TITLE: O.Timing(duration_ms=3000), Role.CAPTION: O.Timing(),
                   Role.CTA: O.Timing(duration_ms=3000, anchor="end")}[r]
        timing = _timing(c, default) or default
        if (r is Role.CTA and contact or r is Role.TITLE and role is None and timing.anchor == "end") \
                and (same := _cta_there(c, timing)) is not None:
            # "add our website www.example.com" beside "Shop now": shown with it, a row below (as a line
            # under the title is), where changing the ending's words would lose them
            c.notes.append(f"和结尾的「{same.text}」同时显示，在它下面一行。" if c.zh else
                           f'Shown with the call to action "{same.text}", a row below it.')
            return [O.AddText(text=new_text, role=Role.CAPTION.value,  # type: ignore[arg-type]
                              timing=O.Timing(start_ms=same.start, duration_ms=same.duration),
                              position=position or _nudged(same.position, 1), size=_size(t) or TextSize.MEDIUM,
                              color=_letters_on(c, box, color, WHITE, adding=True), background=bg, box_color=box)]
        if r is Role.CTA and (same := _cta_there(c, timing)) is not None:
            # "add the text 'Order now' at the end" over "Shop now": a second call to action on top of the
            # first (which was cut to ~1 s); the ending's words are what is meant
            if same.text.casefold() == new_text.casefold():
                if not (position or _size(t) or color or box):
                    raise _Cannot(f"结尾已经是「{same.text}」" if c.zh else  # "add a shop now button" with one there
                                  f'the video already ends on "{same.text}"')
                # "add a red shop now button" with one there: its look, its words as they are
                return [O.UpdateText(target=_text_by_id(c.text_segs(None), Role.CTA, same), position=position,
                                     size=_size(t, same.size), color=_letters_on(c, box, color, same.color),
                                     background=bg, box_color=box)]
            c.notes.append("那里已经有行动号召，直接改了它的文字，没有再叠加一个（说“撤销”可恢复）。" if c.zh else
                           "A second call to action would have covered it, so its words were changed "
                           f"(say 'undo' to get \"{same.text}\" back).")
            return [O.UpdateText(target=_text_by_id(c.text_segs(None), Role.CTA, same), text=new_text,
                                 position=position, size=_size(t, same.size), color=_letters_on(c, box, color, same.color),
                                 background=bg, box_color=box)]
        if r is Role.TITLE:  # one title at a time: the one on screen then gives way (say so: it went without a word)
            total = c.tl.duration
            a = total - (timing.duration_ms or total) if timing.anchor == "end" else timing.start_ms
            b = min(total, a + (timing.duration_ms or total - a))
            titles = [s for _, s in c.text_segs(Role.TITLE)]
            over = [s for s in titles if s.start < b and a < s.end]
            if role is None and any(s.start <= a < s.end for s in over):
                # "add 'Open 7am-9pm' (the whole time)" over the opening title: no title was named, so it
                # follows the titles shown then rather than taking their place (they went unasked)
                after, chain = a, []
                while nxt := [s for s in titles if s.start <= after < s.end]:
                    chain += nxt
                    after = max(s.end for s in nxt)
                if _timing(c, None) is None:  # no time said: the default span, after them
                    b = min(total, after + (b - a))
                if b - after >= MIN_AFTER_TITLE_MS and not any(s.start < b and after < s.end for s in titles):
                    names = "、".join(f"「{s.text}」" for s in chain) if c.zh else ", ".join(f'"{s.text}"' for s in chain)
                    c.notes.append(f"在标题{names}之后显示（{after / 1000:g}秒到{b / 1000:g}秒）：同一时间只有一个标题；"
                                   "说“把标题换成……”可从头显示。" if c.zh else
                                   f"Shown after the title{'s' if len(chain) > 1 else ''} {names} "
                                   f"({after / 1000:g}-{b / 1000:g}s): one title at a "
                                   "time; say 'replace the title with …' to show it from the start.")
                    timing, over = O.Timing(start_ms=after, duration_ms=b - after), []
            gone = [s.text for s in over]
            if gone:
                names = "、".join(f"「{x}」" for x in gone) if c.zh else ", ".join(f'"{x}"' for x in gone)
                c.notes.append(f"它取代了那时的标题{names}（说“撤销”可恢复）。" if c.zh else
                               f"It takes the place of the title {names} shown then (say 'undo' to get it back).")
        return [O.AddText(text=new_text, role=r.value, timing=timing,  # type: ignore[arg-type]
                          position=position, size=_size(t), color=_letters_on(c, box, color, WHITE, adding=True),
                          background=bg, box_color=box)]
    on = _texts_on_shot(c, role)
    bold = _bold(t)
    if (role is None and not plural and not c.quotes and on is None
            and (_RX_ALL_TEXT_LOOK.search(t) or (box is not None and _RX_ZH_LETTERS.search(t)))
            and (bold is not None or color is not None or box is not None
                 or _has(r"\b(?:bigger|larger|smaller|huge|tiny)\b|大一点|大点|小一点|小点|放大|缩小|更大|更小", t))
            and not re.search(rf"\b{_ORD_FULL}\s+{_TEXT_WORD}|{_ZH_ORD}\s*(?:个|条)?\s*(?:标题|字幕|文字)", t)
            and not _RX_TEXT_WHERE.search(t)):
        plural = True  # "make the text bold", "bigger text", "make the text white", "字大一点", "红底白字": every text's letters
    if plural and not (on and len(on) == 1) and not any(q.casefold() == s.text.casefold() for q in c.quotes for _, s in existing):
        # "make the captions yellow" / "所有字幕放到顶部": every text of that kind
        if not existing:
            word = {Role.TITLE: "title", Role.CAPTION: "caption", Role.CTA: "call to action"}.get(role, "text")  # type: ignore[arg-type]
            raise _Cannot(f"there is no {word} yet")
        step = _nudge(t) if position is None else 0
        if not any(x is not None for x in (new_text, position, _size(t), color, bg, box, bold)) and not step:
            return None
        counts: dict[Role, int] = {}
        out: list[O.Op] = []
        for r, seg in existing:
            i = counts.get(r, 0)
            counts[r] = i + 1
            op = O.UpdateText(target=O.Target(role=r, index=i), text=new_text,
                              position=position or (_nudged(seg.position, step) if step else None),
                              size=_size(t, seg.size), color=_letters_on(c, box, color, seg.color, off=box_off),
                              background=bg, box_color=box, bold=bold)
            if op.size == seg.size and not op.model_dump(exclude={"op", "target", "size"}, exclude_none=True):
                continue  # "bigger text" on a text at the largest size already: nothing to say it changed
            out.append(op)
        _size_limit_note(c, t, [s for _, s in existing])
        if not out:
            raise _Cannot(" ".join(c.notes[-1:]).rstrip(".。") or "nothing to change")
        return out
    if on is not None and len(on) == 1:  # "move the caption on the coffee photo to the top"
        target = _text_by_id(c.text_segs(None), *on[0])
    else:
        target = _text_target(c, role)
    cur = _lookup_text(c, target)
    step = _nudge(t) if position is None else 0
    if step and cur is not None:  # "move the title down": one row lower, on its side
        position = _nudged(cur.position, step)
        if position == cur.position:
            edge = ("顶部" if step < 0 else "底部") if c.zh else ("top" if step < 0 else "bottom")
            c.notes.append(f"它已经在{edge}了。" if c.zh else f"It is already at the {edge}.")
    if _RX_TEXT_WHERE.search(t):  # "make the text at the end yellow": that text, not a new place or time
        t = _RX_TEXT_WHERE.sub(lambda m: f" {m.group('word') or ''} ", t)
        position = P.parse_position(t)
    t = _RX_ENDING.sub(" ", t)  # "把结尾改成…": the ending names the text, it is no time
    timing = _timing(c, None, t)
    if (timing is not None and cur is not None and timing.start_ms > 0 and timing.duration_ms is None
            and not _has(r"\b(?:end|onwards?|throughout|rest)\b|结尾|最后|之后一直", t)):
        # "make the title appear after 1 second": later, for as long as it was on
        timing = O.Timing(start_ms=timing.start_ms, duration_ms=min(cur.duration, c.tl.duration - timing.start_ms))
    later = _has(r"\b(?:later|earlier|sooner)\b|晚一点|晚点|早一点|早点|晚些|早些", t)
    if timing is None and cur is not None and later:
        # "make the title appear later", "make the cta appear 2 seconds earlier", "标题晚一点出现": a second
        # (or what is said) later or earlier; a text that ends with the video keeps its end
        by = next((d.ms for d in P.find_durations(t)), 1000)
        earlier = _has(r"\b(?:earlier|sooner)\b|早", t)
        if cur.end >= c.tl.duration - 1:
            d = cur.duration + by if earlier else max(1000, cur.duration - by)
            timing = O.Timing(duration_ms=min(d, c.tl.duration), anchor="end")
        else:
            start = max(0, cur.start - by) if earlier else min(cur.start + by, c.tl.duration - min(cur.duration, 1000))
            timing = O.Timing(start_ms=start, duration_ms=min(cur.duration, c.tl.duration - start))
    if timing is None:
        durs = [d for d in P.find_durations(t) if d.ms <= c.tl.duration]
        # "title for 5 seconds", "make the title 5 seconds", "change the title to 5 seconds": the text's
        # time on screen (the last was read as the whole video's length)
        if durs and _has(r"\bfor\b|\blast|\bstay|\bshow|\bkeep|\bmake\b|\bchange\b|\bset\b|显示|持续|停留|保持|秒", t) \
                and cur is not None and not _has(r"\blonger\b|\bshorter\b", t):
            timing = (O.Timing(duration_ms=durs[0].ms, anchor="end") if cur.end >= c.tl.duration - 1  # keeps its end
                      else O.Timing(start_ms=cur.start, duration_ms=durs[0].ms))
    longer, shorter = _has(r"\blonger\b|长一点|久一点|延长", t), _has(r"\bshorter\b|短一点|缩短", t)
    if timing is None and cur is not None and (longer or shorter):
        # "show the title longer", "make the title 3 seconds longer": a call to action at the end stays at the end
        by = next((d.ms for d in P.find_durations(t)), max(1000, cur.duration // (2 if longer else 3)))
        at_end = cur.end >= c.tl.duration - 1
        room = cur.end if at_end else c.tl.duration - cur.start
        d = min(cur.duration + by, room) if longer else max(1000, cur.duration - by)
        timing = O.Timing(duration_ms=d, anchor="end") if at_end else O.Timing(start_ms=cur.start, duration_ms=d)
    if timing is not None and timing.start_ms == 0 and timing.anchor == "start" and timing.duration_ms is None and cur and not _has(r"throughout|whole|entire|全程|整个|从头到尾|始终|一直", t):
        timing = None
    size = _size(t, cur.size if cur else None)
    if not any(x is not None for x in (new_text, position, size, color, bg, box, timing, bold)):
        return None
    if cur is not None:
        _size_limit_note(c, t, [cur])
        color = _letters_on(c, box, color, cur.color, off=box_off)
    return [O.UpdateText(target=target, text=new_text, position=position, size=size, color=color,
                         background=bg, box_color=box, timing=timing, bold=bold)]


# "move the title down", "put the captions a bit higher", "标题往下一点": one row of the frame
_RX_NUDGE = re.compile(
    r"\b(?:move|put|shift|push|nudge|bring|place|set)\b[^.]*?\b(?P<d>up|down|higher|lower|upwards?|downwards?)\b"
    r"(?:\s+(?:a\s+(?:bit|little|touch)|slightly|some))?\s*(?:please)?\s*[.!]?\s*$|"
    r"^\s*(?:please\s+)?(?P<v>raise|lower)\s+the\b|"
    r"(?P<zh>往上|往下|上移|下移|靠上|靠下|上面一点|下面一点|放高|放低|高一点|低一点)")
_ROWS = ("top", "center", "bottom")


def _nudge(t: str) -> int:
    """-1 (up), 1 (down) or 0 (no move up or down asked)."""
    m = _RX_NUDGE.search(t)
    if m is None:
        return 0
    word = m.group("d") or m.group("v") or m.group("zh")
    return -1 if word in ("up", "higher", "upward", "upwards", "raise", "往上", "上移", "靠上", "上面一点", "放高",
                          "高一点") else 1


def _nudged(pos: Position, step: int) -> Position:
    """``pos`` one row up (-1) or down (1), on the same side; as it is at the top or bottom row."""
    row, _, side = pos.value.partition("-") if not pos.value.startswith("center") else ("center", "", pos.value[7:])
    i = min(len(_ROWS) - 1, max(0, _ROWS.index(row) + step))
    name = _ROWS[i] + (f"-{side}" if side else "")
    return Position(name)


def _size_limit_note(c: _Ctx, t: str, segs: list[TextSegment]) -> None:
    """"bigger" on a text already at the largest size (or "smaller" at the smallest): say so."""
    if _has(r"\b(?:bigger|larger)\b|大一点|大点|放大|加大|更大", t):
        at = [s for s in segs if s.size is TextSize.XLARGE]
        word, zh = "largest", "最大"
    elif _has(r"\bsmaller\b|小一点|小点|缩小|更小", t):
        at = [s for s in segs if s.size is TextSize.SMALL]
        word, zh = "smallest", "最小"
    else:
        return
    if len(at) > 3 or (len(at) > 1 and len(at) == len(segs)):  # every caption: not each by its words
        c.notes.append(f"这{len(at)}段文字已经是{zh}字号了。" if c.zh else f"All {len(at)} are already at the {word} size.")
    elif at:
        short = [" ".join(s.text.split())[:30] for s in at]
        c.notes.append(f"{'、'.join(f'「{x}」' for x in short)}已经是{zh}字号了。" if c.zh else
                       f"{', '.join(repr(x) for x in short)} {'is' if len(at) == 1 else 'are'} already at the {word} size.")


def _lookup_text(c: _Ctx, target: O.Target) -> TextSegment | None:
    segs = [s for _, s in c.text_segs(target.role)]
    if target.id is not None:
        return next((s for s in segs if s.id == target.id), None)
    if target.name is not None:
        for s in segs:
            if s.text.casefold() == target.name.casefold():
                return s
    if target.index is not None and -len(segs) <= target.index < len(segs):
        return segs[target.index]
    return None


# -- a text's words, named by the words it says now or by its kind and a colon ---------------------
_RX_LABEL = re.compile(r"^\s*(?:the\s+)?(?P<role>cta|call[\s-]to[\s-]action|title|headline|caption|subtitle|"
                       r"标题|字幕|行动号召)\s*(?:text\s*)?[:：=]\s*(?P<x>\S.*?)\s*[.!。！]?\s*$", re.I)
_RX_WORDS_EN = re.compile(r"^\s*(?:please\s+)?(?:change|replace|switch|swap|edit|update|turn)\s+(?P<a>\S.*?)\s+"
                          r"(?:to|with|into|for|->|→|=>)\s*:?\s+(?:say\s+|read\s+)?(?P<b>\S.*?)\s*[.!]?\s*$", re.I)
_RX_WORDS_ZH = re.compile(r"^\s*(?:请)?(?:把|将)?\s*(?P<a>\S.*?)\s*(?:改成|换成|改为|换为|替换成|替换为|变成)\s*(?P<b>\S.*?)\s*[。！]?\s*$")
_LABEL_ROLE = {"cta": Role.CTA, "call to action": Role.CTA, "call-to-action": Role.CTA, "行动号召": Role.CTA,
               "title": Role.TITLE, "headline": Role.TITLE, "标题": Role.TITLE, "caption": Role.CAPTION,
               "subtitle": Role.CAPTION, "字幕": Role.CAPTION}


_PLANNER_NOUNS = (r"(?:(?:background\s+)?music|song|bgm|soundtrack|voice\s*over|voice|narration|vo|titles?|captions?|"
                  r"subtitles?|cta|call to action|texts?|fonts?|transitions?|background|colou?rs?|size|speed|volume|"
                  r"frame|aspect(?: ratio)?|style|look|order|length|duration|motion|zoom|logo|watermark|photos?|"
                  r"images?|pictures?|pics?|clips?|videos?|shots?|scenes?|segments?|it|them|this|that|"
                  r"(?:the )?(?:first|second|third|fourth|fifth|last) (?:photo|image|picture|clip|shot|one)|"
                  r"背景音乐|音乐|旁白|配音|标题|字幕|行动号召|文字|转场|背景|颜色|字体|字号|速度|音量|画面|风格|顺序|时长)")


def _bare(words: str) -> str:
    """Words as compared with a text's: quotes, case, punctuation and spacing aside."""
    w = re.sub(r"[\"'“”「」‘’『』]", "", words).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", w).split())


def _h_text_words(c: _Ctx) -> list[O.Op] | None:
    """"cta: Shop now", "CTA: Buy today", "title: Summer Drop" (that kind's words, or a new one);
    "change learn more to Buy now", "replace 'Learn more' with 'Buy now'", "把“了解更多”改成“立即购买”":
    whichever text says those words now (a part of a text: that part)."""
    raw = c.raw.strip()
    if m := _RX_LABEL.match(raw):
        role = _LABEL_ROLE[re.sub(r"\s+", " ", m.group("role").lower())]
        words = m.group("x").strip().strip("\"'“”「」").strip()
        if not words or _styling(words):
            return None
        existing = c.text_segs(role)
        if not existing:
            default = {Role.TITLE: O.Timing(duration_ms=3000), Role.CAPTION: O.Timing(),
                       Role.CTA: O.Timing(duration_ms=3000, anchor="end")}[role]
            return [O.AddText(text=words, role=role.value, timing=default)]  # type: ignore[arg-type]
        return [O.UpdateText(target=_text_target(c, role), text=words)]
    m = _RX_WORDS_ZH.match(raw) if c.zh else _RX_WORDS_EN.match(raw)
    if not m:
        return None
    a = re.sub(r"^(?:the\s+)(?:text\s+|words?\s+|line\s+)?|\s+(?:text|button|line|words?)$", "", m.group("a").strip(), flags=re.I)
    a, b = _bare(a), m.group("b").strip().strip("\"'“”「」").strip()
    if len(a) < 2 or not b or re.search(r"\.(?:jpe?g|png|gif|webp|mp4|mov|avi|webm|mkv|mp3|wav|m4a|aac)\b", b, re.I):
        return None  # "change the music to jazz.mp3": a file, not words
    if re.fullmatch(rf"(?:{_PLANNER_NOUNS})", a):
        return None  # "change the music to jazz", "change the transitions to cuts": the planner's own words
    segs = c.text_segs(None)
    hits = [(r, s) for r, s in segs if _bare(s.text) == a]
    part = not hits
    if part:
        hits = [(r, s) for r, s in segs if len(a) >= 3 and re.search(rf"(?<!\w){re.escape(a)}(?!\w)", _bare(s.text))]
    if not hits:
        return None
    out: list[O.Op] = []
    for r, s in hits:
        target = _text_by_id(segs, r, s)
        if _styling(b):  # "change learn more to red": its look
            look = {"color": _color(b), "size": _size(b, s.size), "position": P.parse_position(b)}
            if not any(look.values()):
                return None
            out.append(O.UpdateText(target=target, **look))
            continue
        new = b
        if part:  # "change sale to drop" on "Spring Sale": those words in it
            new = re.sub(rf"(?<!\w){re.escape(m.group('a').strip().strip(chr(34) + chr(39)))}(?!\w)", b, s.text,
                         count=1, flags=re.I)
            if new == s.text:
                return None
        out.append(O.UpdateText(target=target, text=new))
    return out


_RX_MAKE_WORDS = re.compile(
    r"^\s*(?:please\s+)?(?:make|have)\s+(?:the\s+)?(?P<role>title|headline|tagline|cta|call[\s-]to[\s-]action|button)"
    r"\s+(?:say\s+|read\s+)?(?P<x>\S.*?)\s*[.!]?\s*$|"
    r"^\s*(?:please\s+)?(?:(?:use|put|have|set|make)\s+)?(?P<x2>\S.*?)\s+as\s+(?:the\s+|a\s+|my\s+|our\s+)?"
    r"(?P<role2>title|headline|tagline|cta|call[\s-]to[\s-]action|button)(?:\s+text)?\s*[.!]?\s*$", re.I)
_WORDS_ROLE = {"title": Role.TITLE, "headline": Role.TITLE, "tagline": Role.TITLE, "cta": Role.CTA,
               "call to action": Role.CTA, "button": Role.CTA}


def _comparative(word: str) -> bool:
    """"fancier", "nicer", "cooler", "better": a word that asks for more of a look, not a title's
    first word ("summer", "winter", "dinner" end in -er too)."""
    if word in ("better", "worse", "more", "less"):
        return True
    if word.endswith("ier"):
        return is_english(word[:-3] + "y")
    if word.endswith("ly"):
        return is_english(word[:-2])
    return word.endswith("er") and len(word) > 4 and (is_english(word[:-2]) or is_english(word[:-1]))


def _h_made_words(c: _Ctx) -> list[O.Op] | None:
    """"make the title summer sale", "make the cta order now", "use order now as the call to action",
    "summer sale as the title": those words, typed without quotes or "to" (read last, so "make the
    title bigger" or "make the title slide in" never gets here). A call to action must read as one
    ("Swipe up to shop"); a title's words must not be the planner's own ("make the title more fun")."""
    if c.quotes or not (m := _RX_MAKE_WORDS.match(c.raw.strip())):
        return None
    said = re.sub(r"[\s-]+", " ", (m.group("role") or m.group("role2")).lower())
    role = _WORDS_ROLE[said]
    if said == "tagline" and c.text_segs(Role.TITLE):
        return None  # "X as the tagline" beside a title: a line under it, not the title
    words = (m.group("x") or m.group("x2")).strip().strip("\"'“”「」").strip()
    plain = words.lower().split()
    if not words or len(plain) > 8 or _styling(words) or re.search(r"\.\w{2,4}\b|\d+\s*(?:s|sec|seconds?|%)\b", words.lower()):
        return None
    if role is Role.CTA:
        if not _looks_cta(words):
            return None
        words = capitalised(words)
    else:
        if (re.search(rf"\b{_PLANNER_NOUNS}\b|\b(?:lines?|rows?|words?|letters?|characters?|caps|same|different)\b",
                      words.lower()) or any(known(w) for w in plain) or _comparative(plain[0])
                or (len(plain) == 1 and words == words.lower())):
            return None  # "make the title fancier", "make the title two lines", "make the title pop out"
        words = title_case(words) if words == words.lower() else words
    existing = c.text_segs(role)
    if not existing:
        timing = O.Timing(duration_ms=3000) if role is Role.TITLE else O.Timing(duration_ms=3000, anchor="end")
        return [O.AddText(text=words, role=role.value, timing=timing)]  # type: ignore[arg-type]
    return [O.UpdateText(target=_text_target(c, role), text=words)]


def _h_end_words(c: _Ctx) -> list[O.Op] | None:
    """"end with follow us", "结尾加个关注我们": those words as the call to action at the end (the
    one there changes its words, as "add 'Follow us' at the end" does)."""
    if c.quotes:
        return None
    files = frozenset(a.name.casefold() for a in (*c.library, *c.tl.assets) if a.name)
    words = ending_words(c.raw, zh=c.zh, files=files)
    if words is None or _color(words) is not None or re.sub(r"\W", "", words) == "":
        return None
    said = "在结尾加上\x000\x00" if c.zh else "add the call to action \x000\x00 at the end"
    again = _ctx(said, [words], c.tl, c.library, c.new_assets)
    ops = _h_text(again)
    c.notes.extend(again.notes)
    return ops


_RX_ADD_BARE = re.compile(
    r"^\s*(?:please\s+)?(?:add|insert|put\s+in)\s+(?:an?|another|one\s+more|a\s+new|some)\s+"
    r"(?P<w>cta|call[\s-]to[\s-]action|title|headline|caption|subtitle|text|(?:end|closing|outro)[\s-]?(?:card|screen)|"
    r"title[\s-]card)(?:\s+(?:at|to|in|on|for)\b.*)?\s*[.!]?\s*$|"
    # "add the website at the end", "add our phone number": which words, it cannot know
    r"^\s*(?:please\s+)?(?:add|put|show|include)\s+(?:the|our|my|a)\s+(?P<web>website|web\s+address|url|link|phone\s+number|"
    r"email(?:\s+address)?|handle|instagram|hashtag|address|promo\s+code|discount\s+code|price)(?:\s+(?:at|to|in|on)\b.*)?\s*[.!]?\s*$|"
    r"^\s*(?:请)?(?:在(?:结尾|开头|最后|片尾))?(?:加|添加|加上)(?:个|一个|一句)?(?P<zw>行动号召|标题|结尾文字|片尾文字)\s*[。！!]?\s*$", re.I)


def _h_text_needs_words(c: _Ctx) -> list[O.Op] | None:
    """"add a call to action", "加个标题": a text with nothing to say; the reply asks for the words."""
    m = _RX_ADD_BARE.match(c.raw)
    if m is None or c.quotes:
        return None
    if c.zh:
        eg = "添加标题「春季大促」前3秒" if m.group("zw") == "标题" else "在结尾加上「立即购买」"
        raise _Cannot(f"{m.group('zw')}写什么？把文字放在引号里，例如“{eg}”")
    if web := m.group("web"):
        eg = next((v for k, v in (("phone", "+1 555 0100"), ("email", "hello@example.com"), ("handle", "@example"),
                                  ("instagram", "@example"), ("hashtag", "#summer"), ("code", "SAVE20"), ("price", "$49"))
                   if k in web), "example.com")
        raise _Cannot(f"what is the {web}? Put it in quotes, e.g. \"add '{eg}' at the end\"")
    role = _text_role(m.group("w").lower()) or Role.TITLE
    word, eg = {Role.CTA: ("call to action", "add 'Shop now' at the end"),
                Role.CAPTION: ("caption", "add the caption 'Free shipping' on the second photo")}.get(
        role, ("title", "add the title 'Spring Sale' for the first 3 seconds"))
    raise _Cannot(f"what should the {word} say? Put the words in quotes, e.g. \"{eg}\"")


_RX_CAPTION_HOLD = re.compile(
    r"\b(?:captions?|subtitles?|subs)\b.{0,40}\b(?:longer|too\s+(?:fast|quick(?:ly)?|short|brief(?:ly)?)|"
    r"(?:go|goes|disappear|vanish|flash|fly)\w*\s+(?:by\s+|away\s+)?(?:too\s+)?(?:fast|quick(?:ly)?|soon))\b|"
    r"\b(?:longer|more\s+time)\b.{0,30}\b(?:captions?|subtitles?)\b|"
    r"\b(?:show|keep|hold|leave)\s+(?:each|every|all|the)?\s*(?:of\s+the\s+)?(?:captions?|subtitles?)\b.{0,20}\bfor\s+(?P<n>\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)\b|"
    r"字幕.{0,8}(?:久一点|长一点|太快|太短|时间长一点|多停一会)")
_HOLD_STEP_MS = 1000


def _h_caption_hold(c: _Ctx) -> list[O.Op] | None:
    """"the captions are too fast", "show the captions longer", "show each caption for 3 seconds",
    "字幕显示久一点": every caption stays on longer (a second more, or as long as said), within its
    shot and never over the next caption; where there is no room after it, it starts earlier."""
    m = _RX_CAPTION_HOLD.search(c.t)
    if m is None or _has(r"\b(?:shorter|less\s+time)\b|短一点", c.t):
        return None
    caps = sorted(c.text_segs(Role.CAPTION), key=lambda rs: rs[1].start)
    if not caps:
        raise _Cannot("没有字幕" if c.zh else "there are no captions")
    want = round(float(m.group("n")) * 1000) if m.group("n") else None
    shots = {s.id: s for s in c.main_segs()}
    order = list(c.main_segs())
    every = c.text_segs(None)
    ops: list[O.Op] = []
    for i, (_, seg) in enumerate(caps):
        lo = caps[i - 1][1].end if i else 0
        hi = caps[i + 1][1].start if i + 1 < len(caps) else c.tl.duration
        shot = shots.get(seg.shot or "")
        if shot is not None:  # a caption of a shot stays on it, clear of the transitions
            k = order.index(shot)
            lo = max(lo, shot.start + shot.transition_ms)
            hi = min(hi, order[k + 1].start if k + 1 < len(order) else shot.end)
        target = want if want is not None else seg.duration + _HOLD_STEP_MS
        end = min(hi, seg.start + target)
        start = max(lo, min(seg.start, end - target))
        if end - start > seg.duration:
            ops.append(O.UpdateText(target=_text_by_id(every, Role.CAPTION, seg),
                                    timing=O.Timing(start_ms=start, duration_ms=end - start)))
    if not ops:
        raise _Cannot("每条字幕已经占满了它的镜头；可以把图片放长一点，比如“每张图片4秒”" if c.zh else
                      "each caption already fills its shot: make the shots longer, e.g. 'each photo 4 seconds'")
    if len(ops) < len(caps):
        c.notes.append(f"{len(caps) - len(ops)}条字幕已经占满了它的镜头。" if c.zh else
                       f"{len(caps) - len(ops)} of the {len(caps)} captions already fill their shots.")
    return ops


_RX_LESS_TEXT = re.compile(r"^(?:(?:please\s+)?(?:use|show|put|have|want)\s+)?(?:a\s+(?:bit|little)\s+)?(?:less|fewer)\s+"
                           r"(?:text|words|writing|captions)(?:\s+on\s+(?:the\s+)?screen)?$|"
                           r"^(?:there'?s|there\s+is|it\s+has|it'?s)?\s*(?:way\s+)?too\s+much\s+(?:text|writing|words)(?:\s+on\s+(?:the\s+)?screen)?$|"
                           r"^(?:there'?s|there\s+are|it\s+has)?\s*(?:way\s+)?too\s+many\s+(?:captions|subtitles|texts|words)(?:\s+on\s+(?:the\s+)?screen)?$|"
                           r"^(?:字|文字|字幕)(?:太多了?|有点多了?|多了)$|^少(?:一?点|些)(?:字|文字|字幕)$")


def _h_less_text(c: _Ctx) -> list[O.Op] | None:
    """"less text", "too much text", "字太多了": the captions go, the title and the call to action stay
    (it asked "which text?")."""
    if not _RX_LESS_TEXT.search(c.t):
        return None
    if c.text_segs(Role.CAPTION):
        c.notes.append("标题和行动号召保留（说“撤销”可恢复字幕）。" if c.zh else
                       "The title and the call to action stay (say 'undo' to bring the captions back).")
        return [O.RemoveText(role=Role.CAPTION.value)]  # type: ignore[arg-type]
    left = c.text_segs(None)
    if not left:
        raise _Cannot("画面上已经没有文字了" if c.zh else "there is no text on screen")
    raise _Ambiguous("只剩标题和行动号召了：说“去掉标题”或“去掉行动号召”。" if c.zh else
                     "Only the title and the call to action are left: say 'remove the title' or 'remove the call to action'.")


_RX_TRANSLATE = re.compile(r"\btranslat\w*\b|(?:字幕|标题|文字|文案|行动号召).{0,4}(?:改成|翻译成|翻成|换成|变成)(?:英文|中文|英语|汉语|日文|日语|韩文|韩语)|"
                           r"\b(?:captions?|subtitles?|titles?|texts?)\s+(?:to|into)\s+(?:english|chinese|spanish|french|german|japanese|korean)\b")


def _h_translate(c: _Ctx) -> list[O.Op] | None:
    """"translate the captions to English", "把字幕改成英文": said plainly (it asked "which text?")."""
    if not _RX_TRANSLATE.search(c.t):
        return None
    raise _Cannot("文字不会自动翻译；可以逐条改，例如“把Coffee字幕改成「咖啡」”；用旁白生成的字幕是旁白所说的语言" if c.zh else
                  "text is not translated automatically: change each one's words, e.g. \"change the caption 'Coffee' to "
                  "'Kaffee'\"; captions made from a voiceover are in the language it speaks")


_RX_STAND_OUT = re.compile(
    r"\b(?:pop|stand\s+out|more\s+visible|easier\s+to\s+see|hard\s+to\s+see|(?:can'?t|cannot)\s+(?:really\s+)?see|"
    r"not\s+(?:very\s+)?visible|invisible|gets?\s+lost|blends?\s+in|easier\s+to\s+read|more\s+(?:readable|legible))\b|"
    r"更醒目|醒目一点|突出一点|看不见|不明显|不够醒目|不显眼|更容易看清|清楚一点")


def _texts_said(c: _Ctx, role: Role | None, *, first_title: bool = True) -> list[tuple[Role, TextSegment]]:
    """The texts of ``role`` (every text when None) a clause speaks of: the first title alone unless it
    says titles (``first_title``); none on screen is said so."""
    segs = c.text_segs(role)
    if first_title and role is Role.TITLE and not _RX_TEXT_PLURAL.search(c.t):
        segs = segs[:1]
    if not segs:
        raise _Cannot("画面上没有这样的文字" if c.zh else "there is no such text on screen")
    return segs


def _h_text_stand_out(c: _Ctx) -> list[O.Op] | None:
    """"make the title pop", "make the text stand out more", "the captions are hard to see", "标题不够醒目":
    on a box and bold (it asked "which text?", or was not understood)."""
    t = c.t
    if not _RX_STAND_OUT.search(t):
        return None
    role = _text_role(t)
    if role is None and not _has(r"\b(?:texts?|words|writing|lettering|letters)\b|文字|(?<![标幕])字", t):
        return None  # "make it pop": the colours (`_h_grade`)
    segs = _texts_said(c, role)
    every = c.text_segs(None)
    c.notes.append("放在底框上并加粗，更醒目（说“去掉底框”可恢复）。" if c.zh else
                   "On a box and bold, so it stands out (say 'remove the box' to go back).")
    return [O.UpdateText(target=_text_by_id(every, r, s), background=TextBackground.BOX, bold=True,
                         color=WHITE if s.color.upper() == DARK_TEXT else None) for r, s in segs]


_TEXT_NOUN = (r"\b(?:titles?|headlines?|captions?|subtitles?|texts?|words|cta|call[\s-]to[\s-]action|overlays?)\b|"
              r"标题|字幕|文字|文案|行动号召")
_RX_TEXT_FADE = re.compile(r"\bfad(?:e|es|ing)\b|\bfade(?:in|out)\b|淡入|淡出|渐显|渐隐")
_RX_TEXT_ENTRANCE = re.compile(
    r"\b(?:slides?|sliding|scales?|zooms?|pops?|popping|bounces?|bouncing|fly|flies|flying|spins?|rises?|grows?)\s+"
    r"(?:\w+\s+){0,3}?(?:in|on|up|into\s+place)\b|"
    r"\b(?:typewriter|typing\s+effect|animates?|animated|animations?)\b|\b(?:bounce|bouncy|bouncing)\s*[.!]?\s*$|"
    r"滑入|滑进|滑上来|飞入|弹出|弹入|放大出现|打字机|动画|动起来")


def _h_text_motion(c: _Ctx) -> list[O.Op] | None:
    """"make the title fade in slowly", "no fade on the captions", "标题慢慢淡入": how a text comes and
    goes (it faded the MUSIC in); "make the title slide in", "字幕加个动画": said to be the look's (it
    made every transition a slide)."""
    t = c.t
    if not _has(_TEXT_NOUN, t) or c.quotes or _has(r"\b(?:transitions?|music|song|voice\w*|audio|sound|video|picture|photos?|shots?)\b|"
                                                    r"转场|音乐|旁白|声音|画面|视频", t):
        return None  # ("add the title 'Sale' fading in slowly": a new text, the text handler's)
    fade, entrance = _RX_TEXT_FADE.search(t), _RX_TEXT_ENTRANCE.search(t)
    if entrance and not fade:
        # "make the title slide in", "pop the cta in", "标题从下面滑入": that text's own entrance
        kind = ("slide" if _has(r"\b(?:slides?|sliding|fly|flies|flying|rises?|rising)\b|滑|飞入|升起", t) else
                "scale" if _has(r"\b(?:scales?|scaling|zooms?|zooming|pops?|popping|bounces?|bouncing|bouncy|grows?)\b|弹|放大", t) else
                "fade" if _has(r"\bno\s+(?:animation|effect)s?\b|\bwithout\s+(?:an?\s+)?animation\b|不要动画|去掉动画", t) else None)
        if kind is None:  # "typewriter", "spin in", "animate the title": not one that is made
            raise _Cannot("文字可以淡入、滑入或放大出现：例如说“标题滑入”或“标题弹出”" if c.zh else
                          "a text can fade in, slide up into place or scale in: say e.g. 'make the title slide in' "
                          "or 'make the title pop in'")
        segs = _texts_said(c, _text_role(t))
        every = c.text_segs(None)
        return [O.UpdateText(target=_text_by_id(every, r, s), entrance=kind) for r, s in segs]  # type: ignore[arg-type]
    if not fade:
        return None
    ins = _has(r"\bfad\w*(?:\s+[\w'-]+){0,5}?\s+in\b|\bfade[\s-]?in\b|淡入|渐显", t)
    outs = _has(r"\bfad\w*(?:\s+[\w'-]+){0,5}?\s+out\b|\bfade[\s-]?out\b|淡出|渐隐", t)
    way = None if ins == outs else "in" if ins else "out"
    none = _has(r"\bno\s+fades?\b|\bwithout\s+(?:a\s+)?fades?\b|\bdon'?t\s+fade\b|不要(?:淡入|淡出|渐显|渐隐)|去掉(?:淡入|淡出)", t)
    ms = 0 if none else 1200 if _has(r"\bslow(?:ly|er)?\b|\bgently\b|\bgradual(?:ly)?\b|慢|缓缓", t) \
        else 150 if _has(r"\bquick(?:ly|er)?\b|\bfast(?:er)?\b|\bsnappy\b|快", t) else 600
    segs = _texts_said(c, _text_role(t))
    every = c.text_segs(None)
    fi = ms if way in (None, "in") else None
    fo = ms if way in (None, "out") else None
    return [O.UpdateText(target=_text_by_id(every, r, s), fade_in_ms=fi, fade_out_ms=fo) for r, s in segs]


_RX_TWO_LINES = re.compile(r"\b(?:on|in|into|onto|over|across|split\s+(?:it\s+)?(?:in|into|over))\s+(?:two|2)\s+(?:lines|rows)\b|"
                           r"\bsplit\s+(?:it|the\s+\w+)?\s*(?:in\s+half|into\s+two)\b|分(?:成)?两行|两行显示|换(?:个)?行")
_RX_ONE_LINE = re.compile(r"\b(?:on|in|into|onto)\s+(?:one|1|a\s+single)\s+(?:line|row)\b|\bsingle[\s-]line\b|(?:改成|变成|放成|放在|排成|显示成|显示在|合成|合并成|在)一行|一行显示|不要换行|不换行")


def _two_lines(text: str) -> str:
    """``text`` broken where its two lines come out about as long (pure: characters, not pixels; the
    renderer keeps a line break it is given). Without spaces (Chinese), in the middle."""
    flat = " ".join(text.split())
    # a break only before a word (an emoji or a mark stays with the word before it: "Aurora 🔥" is one line)
    spaces = [i for i, ch in enumerate(flat) if ch == " " and re.match(r"\w", flat[i + 1:])]
    if not spaces and (" " in flat or not re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", flat)):
        return flat  # one word (with an emoji): no break; only CJK, which has no spaces, breaks mid-run
    if not spaces:
        mid = len(flat) // 2
        return flat[:mid] + "\n" + flat[mid:]
    k = min(spaces, key=lambda i: max(i, len(flat) - i - 1))
    return flat[:k] + "\n" + flat[k + 1:]


def _h_text_lines(c: _Ctx) -> list[O.Op] | None:
    """"put the title on two lines", "标题分两行", "the title on one line": where its line breaks
    (it was not understood)."""
    t = c.t
    two, one = _RX_TWO_LINES.search(t), _RX_ONE_LINE.search(t)
    if not (two or one) or not _has(_TEXT_NOUN + r"|\b(?:it|cta|button)\b|按钮", t):
        return None
    role = _text_role(t)
    segs = _texts_said(c, role, first_title=False)
    if len(segs) > 1 and not _RX_TEXT_PLURAL.search(t):
        segs = segs[:1] if role is not None else [(r, s) for r, s in segs if r is Role.TITLE][:1] or segs[:1]
    every = c.text_segs(None)
    ops: list[O.Op] = []
    for r, s in segs:
        flat = " ".join(s.text.split()) if re.search(r"[A-Za-z0-9]\s*\n|\n\s*[A-Za-z0-9]", s.text) else s.text.replace("\n", "")
        new = flat if one else _two_lines(flat)
        if two and (new == flat or (len(flat.split()) < 2 and len(flat) < 4)):
            raise _Cannot("这段文字太短，分不成两行" if c.zh else f'"{s.text}" is too short to go on two lines')
        if new != s.text:
            ops.append(O.UpdateText(target=_text_by_id(every, r, s), text=new))
    if not ops:
        raise _Cannot("已经是这样了" if c.zh else "it already is")
    return ops


# emoji said by name (all drawn by the bundled Noto Emoji)
_EMOJI = (("🔥", r"fire|flames?|火焰|火苗|火"), ("😍", r"heart[\s-]eyes|花痴"), ("😊", r"smile|smiley|happy|笑脸|微笑|开心|高兴"),
          ("❤", r"(?:red\s+)?hearts?|love|爱心|红心|心"),
          ("⭐", r"stars?|星星|五角星"), ("✨", r"sparkles?|sparkly|glitter|闪光|闪闪|亮晶晶"), ("🚀", r"rockets?|火箭"),
          ("☕", r"coffee|咖啡"), ("🎉", r"party|confetti|tada|celebrat\w*|庆祝|彩带|礼花"),
          ("👍", r"thumbs?[\s-]up|点赞|大拇指"), ("✅", r"check(?:mark)?|tick|对勾|打勾"), ("💯", r"100|hundred"),
          ("☀", r"sun|sunny|太阳"), ("🌸", r"flowers?|blossoms?|花朵|樱花|花"), ("🎁", r"gifts?|presents?|礼物"),
          ("🛍", r"shopping(?:\s+bags?)?|购物袋|购物"), ("💰", r"money|cash|钱|钱袋"), ("⏰", r"clock|alarm|闹钟"),
          ("⚡", r"lightning|bolt|zap|闪电"), ("👑", r"crown|皇冠"), ("📷", r"camera|相机"), ("🎵", r"music(?:al)?\s+notes?|notes?|音符"),
          ("👇", r"point(?:ing)?\s+down|down\s+arrow|手指向下|向下"), ("👉", r"point(?:ing)?\s+right|right\s+arrow|手指|指向"),
          ("📍", r"pin|location|定位|地点"), ("🎂", r"birthday(?:\s+cake)?|生日蛋糕"), ("🍰", r"cake|蛋糕"), ("🍕", r"pizza|披萨"),
          ("💪", r"muscle|strong|flex|肌肉|加油"), ("🙌", r"raised\s+hands|hands|举手"))
_RX_EMOJI_WORD = re.compile(r"\bemojis?\b|\bemoticons?\b|\bsmileys?\b|表情")
_RX_EMOJI_CHAR = re.compile("[\u2600-\u27bf\U0001F300-\U0001FAFF]\ufe0f?")


def _h_text_emoji(c: _Ctx) -> list[O.Op] | None:
    """"add a fire emoji to the title", "put a 🔥 after the title", "标题加个火焰表情", "remove the emoji from
    the title": an emoji at the end (or start) of a text's words (it was not understood)."""
    t = c.raw.lower()
    typed = _RX_EMOJI_CHAR.findall(P.outside_quotes(c.raw))
    if not (_RX_EMOJI_WORD.search(t) or typed):
        return None
    if not _has(_TEXT_NOUN + r"|\b(?:cta|button)\b|按钮", c.t) and not (_RX_EMOJI_WORD.search(t) and _has(_ADD, c.t)):
        return None  # "add a star emoji" alone: the title's (a typed 🔥 alone says nothing about where)
    role = _text_role(c.t) or Role.TITLE
    segs = _texts_said(c, role, first_title=False)
    if not _RX_TEXT_PLURAL.search(c.t) and not (c.zh and role is Role.CAPTION):
        segs = segs[:1]
    every = c.text_segs(None)
    if _has(_REMOVE, c.t):
        ops = [O.UpdateText(target=_text_by_id(every, r, s), text=" ".join(_RX_EMOJI_CHAR.sub(" ", s.text).split()))
               for r, s in segs if _RX_EMOJI_CHAR.search(s.text) and _RX_EMOJI_CHAR.sub("", s.text).strip()]
        if not ops:
            raise _Cannot("文字里没有表情" if c.zh else "there is no emoji in that text")
        return ops
    if not _has(_ADD + r"|\bwith\b|\bneeds?\b", c.t):
        return None
    chars = typed or [e for e, words in _EMOJI if re.search(rf"(?<![a-z]){words}(?![a-z])", t)]
    if not chars:
        raise _Cannot("哪个表情？例如“标题加个火焰表情”或直接输入🔥" if c.zh else
                      "which emoji? say e.g. 'add a fire emoji to the title', or type it: 🔥")
    mark = chars[0]
    before = _has(r"\b(?:before|in\s+front\s+of|at\s+the\s+start\s+of)\b|前面|前边|开头", c.t)
    return [O.UpdateText(target=_text_by_id(every, r, s), text=f"{mark} {s.text}" if before else f"{s.text} {mark}")
            for r, s in segs]


_RX_REPEAT = re.compile(r"\brepeat\b|\b(?:show|bring|put)\s+(?:it|them|the\s+\w+(?:\s+\w+)?)\s+(?:back\s+)?again\b|"
                        r"\bagain\s+at\s+the\s+end\b|\bonce\s+more\b|再(?:显示|出现)一次|再出现|重复")


def _h_text_repeat(c: _Ctx) -> list[O.Op] | None:
    """"repeat the title at the end", "标题在结尾再出现一次": the same words once more, at the end unless
    another time is said (it MOVED the title to the end)."""
    t = c.t
    role = _text_role(t)
    if role is None or not _RX_REPEAT.search(t) or c.quotes:
        return None
    segs = _texts_said(c, role, first_title=False)
    seg = segs[0][1] if role is Role.TITLE else segs[-1][1]
    default = O.Timing(duration_ms=min(seg.duration, 3000), anchor="end")
    timing = _timing(c, default) or default
    return [O.AddText(text=seg.text, role=role.value, timing=timing, position=seg.position,  # type: ignore[arg-type]
                      size=seg.size, color=seg.color if seg.color.upper() != WHITE else None)]


_RX_NAME_CAPTIONS = re.compile(
    r"\b(?:caption|label|name|title)\s+(?:each|every|all\s+the|the)\s+(?:photo|picture|image|pic|shot|product)s?\b"
    r"|\b(?:add|put|give)\s+(?:an?\s+)?(?:captions?|labels?)\s+(?:to|on|for|under|over)\s+(?:each|every|all\s+the)\s+"
    r"(?:photo|picture|image|pic|shot|product)s?\b"
    r"(?:\s+with\s+(?:its|their)\s+names?)?|\b(?:add|show|put)\s+(?:the\s+)?(?:file\s+)?names\s+(?:as\s+captions|on\s+(?:each|every|the))\b|"
    r"\bwith\s+(?:its|their)\s+names?\b|(?:给|为)?每张(?:图片|照片|图)?(?:都)?(?:加上?|配上|标上|写上)(?:它的)?名字|加上(?:图片|产品)?名(?:字|称)")


def _h_name_captions(c: _Ctx) -> list[O.Op] | None:
    """"caption each photo with its name", "label each photo", "每张图片加上名字": a caption over each shot
    from its file name, as a first cut makes them (it transcribed the speech, or was not understood)."""
    if not _RX_NAME_CAPTIONS.search(c.t) or c.quotes:
        return None
    from reelforge.planner.file_names import caption_from_name

    segs = c.main_segs()
    named = [(seg, caption_from_name(seg.name)) for seg in segs]
    once = {seg.name for seg in segs if sum(s.name == seg.name for s in segs) == 1}
    ops: list[O.Op] = [O.AddText(text=words, role=Role.CAPTION.value,  # type: ignore[arg-type]
                                 shot=O.Target(name=seg.name) if seg.name in once else O.Target(id=seg.id))
                       for seg, words in named if words]
    if not ops:
        raise _Cannot("文件名说明不了画面内容（例如 IMG_0001）；请用引号写出每条字幕" if c.zh else
                      "the file names say nothing about the pictures (e.g. IMG_0001): put each caption's words in "
                      "quotes, e.g. \"add the caption 'Fresh brew' over the coffee photo\"")
    left = [seg.name for seg, words in named if not words]
    if left:
        c.notes.append(("没有名字可用：" if c.zh else "No name to show for: ") + ", ".join(left[:5]) + ("。" if c.zh else "."))
    return ops


def _h_text_outline(c: _Ctx) -> list[O.Op] | None:
    """"add a black outline to the title", "字幕加黑色描边": letters without a box are drawn with a dark
    outline and a soft shadow, so a boxed text loses its box; one without a box already has it (it turned
    the letters black, or made captions from the speech)."""
    if not (_has(r"\b(?:outlines?|outlined|stroke|border)\b|描边|勾边", c.t) and _has(_TEXT_NOUN + r"|\bcta\b|按钮", c.t)):
        return None
    if _has(_REMOVE + r"|\bno\b|\bwithout\b", c.t):
        return None
    segs = _texts_said(c, _text_role(c.t))
    every = c.text_segs(None)
    boxed = [(r, s) for r, s in segs if s.background is TextBackground.BOX]
    if not boxed:
        raise _Cannot("它已经有深色描边和柔和阴影了；要更醒目可以说“标题醒目一点”（加底框）" if c.zh else
                      "it already has a dark outline and a soft shadow; for more, say e.g. 'make the title stand out' "
                      "(a box)")
    c.notes.append("去掉了底框：文字带深色描边和阴影。" if c.zh else "No box now: the letters have a dark outline and a soft shadow.")
    return [O.UpdateText(target=_text_by_id(every, r, s), background=TextBackground.SHADOW,
                         color=_letters_on(c, None, None, s.color, off=True)) for r, s in boxed]


def _h_text_space(c: _Ctx) -> list[O.Op] | None:
    """"put some space between the title and the captions", "the title overlaps the caption", "字幕和标题
    太挤了": answered, the layout keeps texts apart (it made captions from the speech, or asked for words)."""
    t = c.t
    if _has(_TEXT_NOUN, t) and _has(r"\b(?:covers?|covering|hides?|hiding|blocks?|blocking|is\s+over|sits\s+on)\s+(?:her|his|their|the|my|a)\s+"
                                    r"(?:face|head|eyes|product|subject)\b|\baway\s+from\s+(?:the|her|his)\s+(?:face|product|subject)\b|"
                                    r"挡住(?:了)?(?:脸|人脸|产品|主体)|遮住(?:了)?(?:脸|人脸|产品)", t):
        raise _Cannot("文字会避开检测到的人脸和主体（最多盖住10%）；要换位置可以说“标题放到顶部”或“字幕放到上面”" if c.zh else
                      "texts are placed off the faces and subjects found in each picture (covering at most 10% of one); "
                      "to move one, say e.g. 'move the title to the top' or 'put the captions at the top'")
    if not (_has(r"\b(?:space|spacing|gap|room)\s+between\b|\bapart\b|\boverlap\w*\b|\bcollid\w*\b|\b(?:too\s+)?(?:close|cramped|crowded)\b|"
                 r"间距|挤|重叠|挡住|叠在一起", t) and _has(_TEXT_NOUN + r"|\blogo\b|水印", t)):
        return None
    raise _Cannot("画面上同时出现的文字和logo不会重叠：各占一行，中间留有间距，也避开人脸和主体；要移动可以说“标题放到顶部”" if c.zh else
                  "texts and the logo on screen together never overlap: each gets a row of its own with a gap between, "
                  "clear of faces and the subject; to move one, say e.g. 'move the title to the top'")


MIN_AFTER_TITLE_MS = 2000  # a text asked for over the opening title follows it when this much time is left

# the names of the line under a title: "加个副标题“始于1998”", "add a tagline …"
_UNDER_TITLE_LINE = r"副标题|口号|标语|广告语|\bsub-?heading\b|\bsubhead\b|\bsub-title\b|\btag\s*line\b|\bslogan\b"
_RX_UNDER_TITLE = re.compile(r"\b(?:under(?:neath)?|below|beneath)\s+(?:the\s+)?(?:title|headline)\b|标题(?:的)?(?:下面|下方|底下)|"
                             + _UNDER_TITLE_LINE)


def _h_text_under_title(c: _Ctx) -> list[O.Op] | None:
    """"put 'Since 1998' under the title", "add a subtitle under the title saying Since 1998", "标题下面加一行
    “始于1998”": a line shown with the title, a row below it (it replaced the title, or ran all video long)."""
    t = c.t
    if not _RX_UNDER_TITLE.search(t) or not _has(_ADD + r"|\bsubtitle\b|" + _UNDER_TITLE_LINE, t):
        return None
    words = c.quotes[-1] if c.quotes else _unquoted_words(c.raw, t)
    titles = c.text_segs(Role.TITLE)
    if words is None or not titles or any(q.casefold() == s.text.casefold() for q in c.quotes for _, s in titles):
        return None  # "move the caption under the title" (no new words): the text handler's
    title = titles[0][1]
    under = [(r, s) for r, s in c.text_segs(Role.CAPTION) if s.start < title.end and title.start < s.end]
    if under and _has(r"改成|改为|换成|\b(?:change|rename|replace|update)\b", t):
        # "副标题改成“百年老店”": the line there gets the new words (it added a second one)
        return [O.UpdateText(target=_text_by_id(c.text_segs(None), *under[0]), text=words)]
    c.notes.append(f"和标题同时显示，在它下面一行（{title.start / 1000:g}-{title.end / 1000:g}秒）。" if c.zh else
                   f"Shown with the title, a row below it ({title.start / 1000:g}-{title.end / 1000:g}s).")
    gone = [s.text for _, s in c.text_segs(Role.CAPTION) if s.start < title.end and title.start < s.end]
    if gone:  # one caption at a time: the one shown with the title gives way
        names = "、".join(f"「{x}」" for x in gone) if c.zh else ", ".join(f'"{x}"' for x in gone)
        c.notes.append(f"它取代了那时的字幕{names}（说“撤销”可恢复）。" if c.zh else
                       f"It takes the place of the caption {names} shown then (say 'undo' to get it back).")
    return [O.AddText(text=_RX_WHERE_TAIL.sub("", words).strip() or words, role=Role.CAPTION.value,  # type: ignore[arg-type]
                      timing=O.Timing(start_ms=title.start, duration_ms=title.duration),
                      position=_nudged(title.position, 1), size=TextSize.MEDIUM)]


_RX_UPPER = re.compile(r"\b(?:all\s+caps|all\s+capitals?|upper\s*case|capital\s+letters|caps\s+lock|capitali[sz]e[ds]?|"
                       r"in\s+capitals|in\s+caps)\b|全部?大写|大写字母")
_RX_LOWER = re.compile(r"\b(?:lower\s*case|no\s+caps|small\s+letters)\b|全部?小写")


def _h_text_case(c: _Ctx) -> list[O.Op] | None:
    """"make the title uppercase", "title in all caps", "标题全部大写": the words in capitals (or lower case)."""
    t = c.t
    upper, lower = _RX_UPPER.search(t), _RX_LOWER.search(t)
    if not (upper or lower):
        return None
    segs = _texts_said(c, _text_role(t))
    every = c.text_segs(None)
    ops: list[O.Op] = []
    for r, s in segs:
        new = s.text.upper() if upper else s.text.lower()
        if new != s.text:
            ops.append(O.UpdateText(target=_text_by_id(every, r, s), text=new))
    if not ops:
        raise _Cannot("已经是这样了" if c.zh else "it already is")
    return ops
