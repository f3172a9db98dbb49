"""How a text looks: colours and the box behind the letters in words ("a white box", "红底白字"),
letters kept readable on a box (WCAG contrast), sizes, bold, a row up or down, and whether words
are a look rather than a text's words; and the handlers that only restyle a text: standing out, an
outline, capitals, an emoji, its lines, the space between texts."""

from __future__ import annotations

import re

from reelforge.planner import ops as O
from reelforge.planner import quotes as Q
from reelforge.planner import time_words as TW
from reelforge.planner.parse import CJK, EMOJI
from reelforge.planner.rules.refs import _ADD, _REMOVE, _Cannot, _Ctx, _has
from reelforge.planner.rules.text_refs import (
    RX_TEXT_PLURAL,
    TEXT_NOUN,
    text_by_id,
    text_role,
    texts_on_shot,
    texts_said,
)
from reelforge.planner.text_kinds import CLOCK_RANGE
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
    "beige": "#F2E8D0", "cream": "#F2E8D0", "米色": "#F2E8D0", "米白色": "#F2E8D0", "米白": "#F2E8D0", "奶白色": "#F2E8D0",
    "红色": "#FF0000", "白色": "#FFFFFF", "黑色": "#000000", "黄色": "#FFD400", "蓝色": "#1E6BFF",
    "绿色": "#00C853", "橙色": "#FF8C00", "粉色": "#FF69B4", "紫色": "#8E44AD", "灰色": "#808080",
    "金色": "#FFD700", "银色": "#C0C0C0", "红": "#FF0000", "白": "#FFFFFF", "黑": "#000000", "黄": "#FFD400",
    "蓝": "#1E6BFF", "绿": "#00C853", "藏青色": "#001F5B", "藏青": "#001F5B", "藏蓝色": "#001F5B", "藏蓝": "#001F5B",
    "深蓝色": "#001F5B", "深蓝": "#001F5B",
    # ("title teal" was not understood; colours with no other meaning a file or a picture is called by)
    "teal": "#008080", "turquoise": "#40E0D0", "maroon": "#800000", "burgundy": "#800020", "magenta": "#FF00FF",
    "cyan": "#00FFFF", "lavender": "#B57EDC", "mustard": "#E1AD01", "charcoal": "#36454F", "brown": "#8B4513",
}
# a colour named in English (or #RRGGBB) and in Chinese, as regex alternatives
C_EN = r"#[0-9a-f]{6}\b|\b(?:" + "|".join(k for k in _COLORS if k.isascii()) + r")\b"
_C_ZH = "|".join(sorted((k for k in _COLORS if not k.isascii()), key=len, reverse=True))
RX_COLOR = re.compile(f"{C_EN}|{_C_ZH}")

# the colour of the box behind a text, not of its letters: "a white box", "a yellow background", "make
# the title box blue", "the title background to white", "white text on black", "白色底框", "黄色底",
# "红底白字", "背景改成白色" (only read in a clause about text: "white background" alone is the video's)
_BOX_EN = r"(?:box(?:es)?|boxed|banner|label|background|backdrop|bg|button)"  # a call to action's "button" is its box
_BOX_ZH = r"(?:底框|背景框|背景色|背景|底色|底板|按钮|框)"
_RX_BOX_COLOR = re.compile(
    rf"(?P<a>{C_EN})(?:[\s-]+colou?red)?[\s-]+(?:(?:title|caption|subtitle|headline|cta)s?\s+)?{_BOX_EN}\b"
    # "a red shop now button": the button's words between its colour and it
    rf"|(?P<w>{C_EN})\s+(?:(?!(?:text|letters?|lettering|words?|fonts?|and|with|on|the|title|caption)\b)[a-z'!]+\s+){{1,3}}?button\b"
    rf"|\b{_BOX_EN}(?:\s+colou?r)?\s+(?:to\s+be\s+|to\s+|in\s+|into\s+|as\s+|is\s+)?(?P<b>{C_EN})"
    rf"|(?:{C_EN})\s+(?:(?:text|letters|lettering|words|font)\s+)?(?P<onp>on\s+(?:an?\s+)?(?P<on>{C_EN}))(?=\s*(?:$|[,.;!?]))"
    rf"|(?P<za>{_C_ZH})的?(?:{_BOX_ZH}|底(?![部端下层]))"
    rf"|{_BOX_ZH}(?:的?颜色)?(?:改成|改为|换成|换为|变成|设为|设成|用|是|为)?(?P<zb>{_C_ZH})")
# "红底白字", "白底黑字": the letters' colour said with 字
RX_ZH_LETTERS = re.compile(rf"(?:{_C_ZH})色?的?字(?!幕)")


# -- small parsers --------------------------------------------------------------------------------
# "make the white text yellow": the colour a text has, naming it, before the one it gets
_RX_COLOR_NAMING = re.compile(rf"\bthe\s+(?:{C_EN})\s+(?=(?:texts?|captions?|titles?|words|letters|subtitles?|cta)\b)")


def color_in(t: str) -> str | None:
    """The colour a clause asks for; a colour naming the text it changes ("the white text") is
    passed over when another is said."""
    named = _RX_COLOR_NAMING.sub(" ", t)
    if named != t and RX_COLOR.search(named):
        t = named
    # "字别用白色 换米色那种", "not white, cream": the colour not wanted is passed over for the one that is
    unwanted = re.sub(rf"(?:别用|不要用?|不用|别|\bnot\b|\bno\b|\bnot\s+in\b)\s*(?:{C_EN}|{_C_ZH})", " ", t)
    if unwanted != t and RX_COLOR.search(unwanted):
        t = unwanted
    m = re.search(r"#[0-9a-f]{6}\b", t, re.I) or RX_COLOR.search(t)  # ("in orange #F28C28": the exact one given)
    if not m:
        return None
    word = m.group(0)
    return word.upper() if word.startswith("#") else _COLORS[word]


def box_color_in(t: str) -> tuple[str | None, str]:
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
    return (word.upper() if word.startswith("#") else box_shade(_COLORS[word])), f"{t[:a]} {t[b:]}"


DEEPEST_SHADE = 0.85  # a box named by a word may be this much darker to carry white letters


def box_shade(color: str) -> str:
    """The shade of a box colour named by a word ("a pink box") that white letters read on (3:1):
    the colour itself when they do, a slightly deeper one (down to `DEEPEST_SHADE` of its channels)
    when that is enough (pink, orange, green: white letters stay, as designers set them), else the
    colour itself (yellow, silver: its letters turn dark instead, `letters_on`). A hex colour is
    somebody's brand colour and is never passed through here."""
    h = color.lstrip("#")
    rgb = [int(h[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(0, round((1 - DEEPEST_SHADE) * 100) + 1):
        shade = "#" + "".join(f"{int(v * (1 - step / 100)):02X}" for v in rgb)
        if contrast(WHITE, shade) >= READABLE:
            return color if step == 0 else shade
    return color


# the box behind a text taken away ("title with no box", "remove the box from the captions",
# "标题不要底框", "去掉字幕的底框"): not the text itself
BOX_OFF = (r"\b(?:no|without)\s+(?:a\s+|the\s+|any\s+)?(?:background\s+)?(?:box(?:es)?|backdrop|banner)\b|"
           r"\b(?:remove|delete|drop|take\s+(?:off|away|out)|get\s+rid\s+of|turn\s+off|hide|lose|ditch)\b"
           r"[^,.;]{0,30}\b(?:box(?:es)?|backdrop)\b|\b(?:box(?:es)?|backdrop)\b[^,.;]{0,12}\b(?:off|away|gone)\b|"
           r"(?:去掉|删掉|删除|取消|不要|拿掉|关掉)[^，。,;；]{0,8}(?:底框|背景框|框)|(?:底框|背景框)(?:去掉|删掉|不要了?)")
WHITE, DARK_TEXT = "#FFFFFF", "#111111"  # the letters' colour on a dark box, on a light box
# another colour asked for without naming one ("change the title colour", "标题换个颜色")
OTHER_COLOUR = (r"\b(?:change|switch|swap)\s+(?:the\s+)?(?:\w+\s+){0,2}colou?r\b(?!\s+(?:to|into)\b)|"
                r"\b(?:a\s+)?(?:different|another|other|new)\s+colou?r\b|换(?:个|一个|一种|种|下|一下)?颜色|颜色换一?[个下]")
NEXT_COLOUR = {"#FFFFFF": "#FFD400", "#FFD400": "#FFFFFF"}
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


def letters_on(c: _Ctx, box: str | None, named: str | None, current: str, *, adding: bool = False,
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


def size_in(t: str, current: TextSize | None = None) -> TextSize | None:
    if _has(r"\bsmaller\b|小一点|小点|缩小|更小", t):  # ("the title is huge can it be smaller": smaller)
        return _SIZES[max(0, _SIZES.index(current or TextSize.MEDIUM) - 1)]
    if _has(r"\b(?:huge|giant|enormous|very\s+(?:big|large)|extra[\s-]?large|xl)\b|超大|特大|巨大", t):
        return TextSize.XLARGE
    if _has(r"\b(?:bigger|larger)\b|大一点|大点|放大|加大|更大", t):
        return _SIZES[min(3, _SIZES.index(current or TextSize.MEDIUM) + 1)]
    if _has(r"\b(?:big|large)\b|大字|大号", t):
        return TextSize.LARGE
    if _has(r"\b(?:small|tiny)\b|小字|小号", t):
        return TextSize.SMALL
    if _has(r"\b(?:medium|normal\s+size|regular\s+size)\b|中号|正常大小", t):
        return TextSize.MEDIUM
    return None


def bold_in(t: str) -> bool | None:
    """"bold", "heavier", "加粗": True; "not bold", "regular weight", "不要加粗": False; else None."""
    if _has(r"\b(?:not\s+bold|no\s+bold|unbold|regular\s+weight|normal\s+weight|thinner|lighter\s+(?:font|weight|text))\b|"
            r"不要加粗|取消加粗|不加粗|细一点|细体", t):
        return False
    if _has(r"\bbold(?:er)?\b|\bheavier\b|\bthicker\b|加粗|粗体|粗一点|粗一些", t):
        return True
    return None


# "the text", "the fonts", "字": every text when it is about the letters' look ("make the text bold"; "所有字都改成黄色"
# asked which text)
RX_ALL_TEXT_LOOK = re.compile(r"\b(?:the\s+)?(?:fonts?|typeface|lettering|letters|texts?|writing|words)\b|字体|文字|(?<![标幕])字(?=(?:都|全都|全部)?(?:大|小|再|加粗|粗|细|的?颜色|改成|变成|用|换成|\s*(?:bigger|smaller)\b))")

_RX_STYLE_WORD = re.compile(
    r"\b(?:the|a|an|in|at|on|to|colou?r|bold|bigger|smaller|larger|big|small|large|medium|xl|size|font|top|bottom|"
    r"left|right|cent(?:er|re)|middle|corner|upper|lower|box|boxed|shadow|outline)\b|"
    r"大一点|小一点|大一些|小一些|大号|小号|特大|顶部|底部|中间|左边|右边|居中|上方|下方|颜色|字号|粗体|加粗|"
    r"底框|背景框|边框|框|阴影|描边|底色|加|和|带|配|底|字|再|更|大|小|粗|细|点")  # "改成白色加黑框": a look, not the words "白色加黑框"


def styling(words: str) -> bool:
    """Whether what a text is changed "to" is a look, a place or a time ("to red", "to the top",
    "改成红色", "to 5 seconds") rather than its new words."""
    parts = [p for p in re.split(r"[\s，,、]+", words.strip(" .!。！")) if p]
    if len(parts) > 1 and CJK.search(words):
        return all(styling(p) for p in parts)  # "换成红色的 再大一点": a colour and a size
    said = [p for p in re.split(r"(?i)\s*(?:,|\band\b|&|\+)\s*", words.strip(" .!")) if p]
    if len(said) > 1:
        return all(styling(p) for p in said)  # "the shop now should be bigger and at the bottom" (its new words)
    w = re.sub(r"(?:的|一点|一些)+$", "", words.lower().strip(" .!。！"))  # "改成黄色的": a colour, not the words "黄色的"
    if CLOCK_RANGE.fullmatch(w):
        return False  # opening hours "9:00-21:00", words on screen
    if TW.find_durations(w):
        return True
    return not re.search(r"\w", _RX_STYLE_WORD.sub(" ", RX_COLOR.sub(" ", w)))


# "move the title down", "put the captions a bit higher", "标题往下一点": one row of the frame
_RX_NUDGE = re.compile(
    r"\b(?:move|put|shift|push|nudge|bring|place|set)\b[^.]*?\b(?P<d>up|down|higher|lower|upwards?|downwards?)\b"
    r"(?:\s+(?:a\s+(?:bit|little|touch)|slightly|some))?\s*(?:please)?\s*[.!]?\s*$|"
    r"^\s*(?:please\s+)?(?P<v>raise|lower)\s+the\b|"
    r"(?P<zh>往上|往下|上移|下移|靠上|靠下|上面一点|下面一点|放高|放低|高一点|低一点)")
_ROWS = ("top", "center", "bottom")


def nudge(t: str) -> int:
    """-1 (up), 1 (down) or 0 (no move up or down asked)."""
    m = _RX_NUDGE.search(t)
    if m is None:
        return 0
    word = m.group("d") or m.group("v") or m.group("zh")
    return -1 if word in ("up", "higher", "upward", "upwards", "raise", "往上", "上移", "靠上", "上面一点", "放高",
                          "高一点") else 1


def nudged(pos: Position, step: int) -> Position:
    """``pos`` one row up (-1) or down (1), on the same side; as it is at the top or bottom row."""
    row, _, side = pos.value.partition("-") if not pos.value.startswith("center") else ("center", "", pos.value[7:])
    i = min(len(_ROWS) - 1, max(0, _ROWS.index(row) + step))
    name = _ROWS[i] + (f"-{side}" if side else "")
    return Position(name)


def size_limit_note(c: _Ctx, t: str, segs: list[TextSegment]) -> None:
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


_RX_STAND_OUT = re.compile(
    r"\b(?:pop|stand\s+out|more\s+visible|easier\s+to\s+see|hard\s+to\s+see|(?:can'?t|cannot)\s+(?:really\s+)?see|"
    r"not\s+(?:very\s+)?visible|invisible|gets?\s+lost|blends?\s+in|easier\s+to\s+read|more\s+(?:readable|legible)|"
    r"unreadable|illegible)\b|"
    r"更醒目|醒目一点|突出一点|看不见|不明显|不够醒目|不显眼|更容易看清|清楚一点")


def _h_text_stand_out(c: _Ctx) -> list[O.Op] | None:
    """"make the title pop", "make the text stand out more", "the captions are hard to see", "标题不够醒目":
    on a box and bold (it asked "which text?", or was not understood)."""
    t = c.t
    if not _RX_STAND_OUT.search(t):
        return None
    role = text_role(t)
    if role is None and not _has(r"\b(?:texts?|words|writing|lettering|letters|line)\b|文字|(?<![标幕])字", t):
        return None  # "make it pop": the colours (`_h_grade`)
    segs = texts_on_shot(c, role) or texts_said(c, role)  # ("the text on the first pic is unreadable": those)
    every = c.text_segs(None)
    c.notes.append("放在底框上并加粗，更醒目（说“去掉底框”可恢复）。" if c.zh else
                   "On a box and bold, so it stands out (say 'remove the box' to go back).")
    return [O.UpdateText(target=text_by_id(every, r, s), background=TextBackground.BOX, bold=True,
                         color=WHITE if s.color.upper() == DARK_TEXT else None) for r, s in segs]


_RX_TWO_LINES = re.compile(r"\b(?:on|in|into|onto|over|across|split\s+(?:it\s+)?(?:in|into|over))\s+(?:two|2)\s+(?:lines|rows)\b|"
                           r"\b(?:make|have|set|turn|keep|break|split|wrap)\s+(?:it|the\s+\w+(?:\s+\w+)?)\s+(?:(?:in)?to\s+)?(?:two|2)\s+(?:lines|rows)\b|"
                           r"\b(?:two|2)[\s-](?:lines?|rows?)\s+(?:title|caption|cta|text)\b|\bline\s+break\b|\bbreak\s+(?:the\s+\w+\s+)?(?:line|after)\b|"
                           r"\bsplit\s+(?:it|the\s+\w+)?\s*(?:in\s+half|into\s+two)\b|分(?:成)?两行|两行显示|换(?:个)?行")
_RX_ONE_LINE = re.compile(r"\b(?:on|in|into|onto)\s+(?:one|1|a\s+single)\s+(?:line|row)\b|"
                          r"\b(?:make|have|set|turn|keep)\s+(?:it|the\s+\w+(?:\s+\w+)?)\s+(?:one|1|a\s+single)\s+(?:line|row)\b|\bno\s+line\s+breaks?\b|\bsingle[\s-]line\b|(?:改成|变成|放成|放在|排成|显示成|显示在|合成|合并成|在)一行|一行显示|不要换行|不换行")


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
    if not (two or one) or not _has(TEXT_NOUN + r"|\b(?:it|cta|button)\b|按钮", t):
        return None
    role = text_role(t)
    segs = texts_said(c, role, first_title=False)
    if len(segs) > 1 and not RX_TEXT_PLURAL.search(t):
        segs = segs[:1] if role is not None else [(r, s) for r, s in segs if r is Role.TITLE][:1] or segs[:1]
    every = c.text_segs(None)
    ops: list[O.Op] = []
    for r, s in segs:
        flat = " ".join(s.text.split()) if re.search(r"[A-Za-z0-9]\s*\n|\n\s*[A-Za-z0-9]", s.text) else s.text.replace("\n", "")
        new = flat if one else _two_lines(flat)
        if two and (new == flat or (len(flat.split()) < 2 and len(flat) < 4)):
            raise _Cannot("这段文字太短，分不成两行" if c.zh else f'"{s.text}" is too short to go on two lines')
        if new != s.text:
            ops.append(O.UpdateText(target=text_by_id(every, r, s), text=new))
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
_RX_EMOJI_CHAR = re.compile(EMOJI + "\ufe0f?")


def _h_text_emoji(c: _Ctx) -> list[O.Op] | None:
    """"add a fire emoji to the title", "put a 🔥 after the title", "标题加个火焰表情", "remove the emoji from
    the title": an emoji at the end (or start) of a text's words (it was not understood)."""
    t = c.raw.lower()
    typed = _RX_EMOJI_CHAR.findall(Q.outside_quotes(c.raw))
    if not (_RX_EMOJI_WORD.search(t) or typed):
        return None
    if not _has(TEXT_NOUN + r"|\b(?:cta|button)\b|按钮", c.t) and not (_RX_EMOJI_WORD.search(t) and _has(_ADD, c.t)):
        return None  # "add a star emoji" alone: the title's (a typed 🔥 alone says nothing about where)
    role = text_role(c.t) or Role.TITLE
    segs = texts_said(c, role, first_title=False)
    if not RX_TEXT_PLURAL.search(c.t) and not (c.zh and role is Role.CAPTION):
        segs = segs[:1]
    every = c.text_segs(None)
    if _has(_REMOVE, c.t):
        ops = [O.UpdateText(target=text_by_id(every, r, s), text=" ".join(_RX_EMOJI_CHAR.sub(" ", s.text).split()))
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
    return [O.UpdateText(target=text_by_id(every, r, s), text=f"{mark} {s.text}" if before else f"{s.text} {mark}")
            for r, s in segs]


def _h_text_outline(c: _Ctx) -> list[O.Op] | None:
    """"add a black outline to the title", "字幕加黑色描边": letters without a box are drawn with a dark
    outline and a soft shadow, so a boxed text loses its box; one without a box already has it (it turned
    the letters black, or made captions from the speech)."""
    if not (_has(r"\b(?:outlines?|outlined|stroke|border)\b|描边|勾边", c.t) and _has(TEXT_NOUN + r"|\bcta\b|按钮", c.t)):
        return None
    if _has(_REMOVE + r"|\bno\b|\bwithout\b", c.t):
        return None
    if _has(r"\b(?:yellow|white|red|blue|green|orange|pink|purple|gold|golden|silver)\b(?!\s+(?:outline|stroke|border))|"
            r"(?:黄|白|红|蓝|绿|橙|粉|紫|金)色?(?!描边|勾边)", c.t):
        return None  # "make the words yellow with a black outline like a road sign": the colour (it was dropped)
    segs = texts_said(c, text_role(c.t))
    every = c.text_segs(None)
    boxed = [(r, s) for r, s in segs if s.background is TextBackground.BOX]
    if not boxed:
        raise _Cannot("它已经有深色描边和柔和阴影了；要更醒目可以说“标题醒目一点”（加底框）" if c.zh else
                      "it already has a dark outline and a soft shadow; for more, say e.g. 'make the title stand out' "
                      "(a box)")
    c.notes.append("去掉了底框：文字带深色描边和阴影。" if c.zh else "No box now: the letters have a dark outline and a soft shadow.")
    return [O.UpdateText(target=text_by_id(every, r, s), background=TextBackground.SHADOW,
                         color=letters_on(c, None, None, s.color, off=True)) for r, s in boxed]


def _h_text_space(c: _Ctx) -> list[O.Op] | None:
    """"put some space between the title and the captions", "the title overlaps the caption", "字幕和标题
    太挤了": answered, the layout keeps texts apart (it made captions from the speech, or asked for words)."""
    t = c.t
    if _has(TEXT_NOUN, t) and _has(r"\b(?:covers?|covering|hides?|hiding|blocks?|blocking|is\s+over|sits\s+on)\s+(?:her|his|their|the|my|a)\s+"
                                   r"(?:face|head|eyes|product|subject)\b|\baway\s+from\s+(?:the|her|his)\s+(?:face|product|subject)\b|"
                                   r"挡住(?:了)?(?:脸|人脸|产品|主体)|遮住(?:了)?(?:脸|人脸|产品)", t):
        raise _Cannot("文字会避开检测到的人脸和主体（最多盖住10%）；要换位置可以说“标题放到顶部”或“字幕放到上面”" if c.zh else
                      "texts are placed off the faces and subjects found in each picture (covering at most 10% of one); "
                      "to move one, say e.g. 'move the title to the top' or 'put the captions at the top'")
    if not (_has(r"\b(?:space|spacing|gap|room)\s+between\b|\bapart\b|\boverlap\w*\b|\bcollid\w*\b|\b(?:too\s+)?(?:close|cramped|crowded)\b|"
                 r"间距|挤|重叠|挡住|叠在一起", t) and _has(TEXT_NOUN + r"|\blogo\b|水印", t)):
        return None
    raise _Cannot("画面上同时出现的文字和logo不会重叠：各占一行，中间留有间距，也避开人脸和主体；要移动可以说“标题放到顶部”" if c.zh else
                  "texts and the logo on screen together never overlap: each gets a row of its own with a gap between, "
                  "clear of faces and the subject; to move one, say e.g. 'move the title to the top'")


_RX_UPPER = re.compile(r"\b(?:all\s+caps|all\s+capitals?|upper\s*case|capital\s+letters|caps\s+lock|capitali[sz]e[ds]?|"
                       r"in\s+capitals|in\s+caps)\b|全部?大写|大写字母")
_RX_LOWER = re.compile(r"\b(?:lower\s*case|no\s+caps|small\s+letters)\b|全部?小写")


# "spell grandkids with a capital G", "capitalize grandkids": one word on screen with its first letter a capital
_RX_CAPITAL_WORD = re.compile(r"^(?:please\s+)?(?:spell|write)\s+(?P<w>[a-z][\w'-]{1,30})\s+with\s+a\s+capital(?:\s+[a-z])?(?:\s+letter)?"
                              r"\s*$|^(?:please\s+)?capitali[sz]e\s+(?:the\s+word\s+)?(?!(?:the|all|every|each|titles?|captions?|texts?|cta|"
                              r"words?|letters?|first)\b)(?P<w2>[a-z][\w'-]{1,30})\s*$")


def _capital_word(c: _Ctx, m: re.Match[str]) -> list[O.Op]:
    word = m.group("w") or m.group("w2")
    every = c.text_segs(None)
    rx = re.compile(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])")
    ops: list[O.Op] = [O.UpdateText(target=text_by_id(every, r, s), text=rx.sub(word[:1].upper() + word[1:], s.text))
                       for r, s in every if rx.search(s.text)]
    if not ops:
        raise _Cannot(f"no text on screen says '{word}' in lower case")
    return ops


def _h_text_case(c: _Ctx) -> list[O.Op] | None:
    """"make the title uppercase", "title in all caps", "标题全部大写": the words in capitals (or lower case);
    "spell grandkids with a capital G": that word (it was not understood)."""
    t = c.t
    if m := _RX_CAPITAL_WORD.match(t.strip(" .!")):
        return _capital_word(c, m)
    upper, lower = _RX_UPPER.search(t), _RX_LOWER.search(t)
    if not (upper or lower):
        return None
    segs = texts_said(c, text_role(t))
    every = c.text_segs(None)
    ops: list[O.Op] = []
    for r, s in segs:
        new = s.text.upper() if upper else s.text.lower()
        if new != s.text:
            ops.append(O.UpdateText(target=text_by_id(every, r, s), text=new))
    if not ops:
        raise _Cannot("已经是这样了" if c.zh else "it already is")
    return ops


# "remove the punctuation from the captions", "no full stops in the captions", "字幕去掉标点" (they
# removed every caption): the marks, never the words
_RX_PUNCT = re.compile(
    r"\b(?:punctuation(?:\s+marks?)?|full[\s-]?stops?|periods|dots|commas|exclamation\s+(?:marks?|points?)|"
    r"question\s+marks?)\b|标点(?:符号)?|句号|逗号|感叹号|问号")
_RX_PUNCT_OFF = re.compile(_REMOVE + r"|\bno\b|\bwithout\b|\bstrip\b|\blose\b|\bditch\b|\bget\s+rid\b|不要|去掉|去除|删掉|删除|取消")
# which marks each word names; the one of a sentence's end is only taken off there: "example.com", "2.5x"
# and "Hopper's" keep theirs
_MARKS = (("full", r"[.。](?=\s|$)|…"), ("comma", r"[,，、;；:：](?=\s|$|[^\x00-\x7f])"),
          ("exclaim", r"[!！]"), ("question", r"[?？]"))


def _strip_marks(text: str, which: set[str]) -> str:
    """``text`` without the marks named (every line's words and line breaks kept)."""
    for name, rx in _MARKS:
        if name in which:
            text = re.sub(rx, "", text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _h_text_punctuation(c: _Ctx) -> list[O.Op] | None:
    """"remove the punctuation from the captions", "no full stops in the captions", "字幕去掉标点": the
    marks taken off the texts' words (they removed every caption)."""
    t = c.t
    m = _RX_PUNCT.search(t)
    if m is None or not _RX_PUNCT_OFF.search(t):
        return None
    word = m.group(0)
    which = ({"full"} if re.match(r"full|period|dot|句号", word) else {"comma"} if re.match(r"comma|逗号", word)
             else {"exclaim"} if re.match(r"exclam|感叹号", word) else {"question"} if re.match(r"question|问号", word)
             else {"full", "comma", "exclaim", "question"})
    role = text_role(t) or (Role.CAPTION if c.text_segs(Role.CAPTION) else None)  # unsaid: the captions, else all
    segs = texts_said(c, role)
    every = c.text_segs(None)
    ops = [O.UpdateText(target=text_by_id(every, r, s), text=new) for r, s in segs
           if (new := _strip_marks(s.text, which)) != s.text and new.strip()]
    if not ops:
        raise _Cannot("文字里没有这样的标点" if c.zh else "there are no such marks in the text")
    c.notes.append(f"去掉了{len(ops)}段文字里的标点。" if c.zh else
                   f"Marks taken off {len(ops)} text{'s' if len(ops) != 1 else ''}; the words stay.")
    return ops


# a part of a text's look taken away ("remove the shadow from the title", "no bold on the cta", "去掉标题的阴影"):
# that part, never the text (they removed the title)
_RX_OFF = _REMOVE + (r"|\bno\b|\bwithout\b|\bturn\s+off\b|\bun-?bold\b|\bnot\s+bold\b|\bshouldn'?t\b|\bshould\s+not\b|"
                     r"\b(?:don'?t|do\s+not)\s+(?:make|want|need)\b|\bless\s+bold\b|不要|取消")
_ATTRS = (("shadow", r"\bshadows?\b|阴影"), ("outline", r"\b(?:outlines?|outlined|stroke|border)\b|描边|勾边"),
          ("bold", r"\b(?:un-?)?bold(?:ing|ness)?\b|加粗|粗体"),
          ("fade", r"\b(?:fades?|fading|animations?|animated|entrance|effects?)\b|淡入淡出|淡入|淡出|动画|特效"),
          ("colour", r"\bcolou?rs?\b|颜色"))  # "drop the title color" REMOVED the title: its letters white again


def _h_text_look_off(c: _Ctx) -> list[O.Op] | None:
    """"remove the shadow from the title" / "no outline on the captions" (plain letters), "remove the bold
    from the title" / "unbold the cta" (regular weight), "remove the fade from the title" / "no animation
    on the text" (in and out at once), "drop the title color" (white letters): that part of each text said goes."""
    t = re.sub(r"\bdrop[\s-]?shadows?\b", "shadow", c.t)  # a "drop shadow" drops nothing
    attr = next((name for name, rx in _ATTRS if _has(rx, t)), None)
    if attr is None or not _has(_RX_OFF, t) or not _has(TEXT_NOUN + r"|\bcta\b|按钮", t) or _has(r"\bbox(?:es)?\b|底框", t):
        return None
    if c.quotes and _has(_ADD, t):
        return None  # "add the title 'Sale' with no fade": a new text, not the one there
    segs = texts_said(c, text_role(t))  # every text when none is named; the first title when titles are not said
    every = c.text_segs(None)
    if attr in ("shadow", "outline"):
        plain = [(r, s) for r, s in segs if s.background is TextBackground.SHADOW]
        if not plain:
            raise _Cannot("它没有阴影或描边（带底框的文字没有）；要去掉底框请说“去掉底框”" if c.zh else
                          "it has no shadow or outline (a boxed text has none); to take the box away, say 'remove the box'")
        c.notes.append("没有阴影和描边的浅色文字在亮的画面上可能看不清。" if c.zh else
                       "Without a shadow or outline, light letters can be hard to read over bright pictures.")
        return [O.UpdateText(target=text_by_id(every, r, s), background=TextBackground.NONE) for r, s in plain]
    if attr == "bold":
        return [O.UpdateText(target=text_by_id(every, r, s), bold=False) for r, s in segs]
    if attr == "colour":  # plain letters are white; on a box, the colour that reads on it
        return [O.UpdateText(target=text_by_id(every, r, s), color=WHITE if s.background is not TextBackground.BOX
                             else letters_on(c, s.box_color, None, WHITE) or WHITE) for r, s in segs]
    return [O.UpdateText(target=text_by_id(every, r, s), fade_in_ms=0, fade_out_ms=0) for r, s in segs]


_RX_STRIKE = re.compile(r"\bstrike[\s-]?through\b|\bstrikethrough\b|\b(?:cross(?:ed)?|line|strike)\s+(?:it\s+|that\s+|the\s+\w+\s+)?(?:out|through)\b"
                        r"(?=.*\b(?:price|text|words?|number|title|caption|old)\b)|划掉|删除线|划线|横线划")


def _h_text_strike(c: _Ctx) -> list[O.Op] | None:
    """"原价那个划掉的效果能做吗", "can you cross out the old price": no text is struck through; said, with the
    way to say it in words (it was not understood)."""
    if not _RX_STRIKE.search(c.t):
        return None
    raise _Cannot("文字还不能加删除线；可以把原价和现价写在一起，例如“原价3280 现价1999”" if c.zh else
                  "text cannot be struck through yet; say the old price in words instead, e.g. 'Was $210, now $79'")
