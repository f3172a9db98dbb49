"""Names given to the pictures in the instruction, one a picture in order (pure).

"show each cat with its name (Whiskers first, then Luna)", "name the cats Whiskers and Luna",
"caption the photos 'Kitchen', 'Living room' and 'Garden'", "每张照片配上名字：小白、小黑": a shelter's
cats, a menu's dishes, a flat's rooms are labelled as listed. Without this the list was read as a
title and a call to action ("Whiskers" opening the video, "Luna" closing it) or not at all.
A list of names is quoted words, or words typed with a capital (English); the words that order
it ("first", "then", "finally") are not part of a name, a role in brackets is ("Sarah (CEO)").
Also read here: a list after a colon as long as the pictures ("the lineup: Ella Moss, The Blue
Notes, Sam Reed", `listed_for_pictures`) and a before and after of two pictures (`before_after`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MAX_LABELS = 20  # a picture each: more is a list of something else
_MAX_WORDS = 4  # a name, not a sentence
_MAX_CHARS = 32

_OBJECT = r"(?:them|these|those|(?:each|every|all|both|the|my|our|these|those)(?:\s+[a-z][\w'’-]*){0,2})"
# "name the cats Whiskers and Luna", "caption them as …", "label each photo:"; not "name it …" (a title)
_VERB_LEAD = rf"(?<![Aa]\s)(?<![Tt]he\s)(?<![Aa]n\s)\b(?i:caption|label)(?:\s+{_OBJECT})?|\b(?i:name)\s+{_OBJECT}"
# "with its name", "with their names", "each cat's name", "their names are"
_NOUN_LEAD = (r"\b(?i:with)\s+(?i:its|their|his|her|the)\s+(?i:own\s+)?(?i:names?|labels?)"
              r"|\b(?i:each|every)\s+[a-z][\w-]*['’]s\s+(?i:names?)"
              r"|\b(?i:their|the)\s+(?i:names?)\s+(?i:are|is)")
_EN_LEAD = re.compile(rf"(?:{_VERB_LEAD}|{_NOUN_LEAD})(?:\s*(?:[:：=]|\s[-–—]|\bas\b))?\s*")
_ZH_LEAD = re.compile(
    r"(?:每|各)?(?:(?<![一二两三四五六七八九十\d])[一二两三四五六七八九十\d]+)?(?:张|个|只|道)?(?:图片|照片|图|猫咪?|狗狗?|宠物|产品|菜品?|房间)?上?"
    r"(?:(?:分别|依次)(?:标注|配上?|加上?|标上?|写上?|打上?)(?:各自的)?(?:名字|名称|标签|文字|字幕|菜名)?"
    r"|(?:标注|配上?|加上?|标上?|写上?)(?:各自的)?(?:名字|名称|标签|菜名)\s*[:：])\s*[:：]?\s*")

_QUOTED = re.compile(r"[\"“‘'「『《]([^\"”’'」』》\n]{1,40})[\"”’'」』》]")
_GLUE = re.compile(r"\s*(?:,|，|、|;|；|&|\s[-–—]\s|\band\b|\bthen\b|和|及|与)\s*(?:(?:and|then)\b\s*)?", re.I)
_ORDER_WORDS = re.compile(r"(?i)\s*\b(?:first|firstly|then|next|second|third|last|lastly|finally|please|pls)\b\s*")
_WORD = r"[A-Z0-9\u00c0-\u00de][\w'’&-]*"
_NAME = re.compile(rf"{_WORD}(?:\s+(?:(?:of|de|la|le|du|au|the|&)\s+)?{_WORD}){{0,3}}")
_NAME_TAIL = re.compile(r"((?:\s+(?!(?:and|then|with|in|on|at|to|for|please)\b)[a-z][\w'’-]*){1,2})"
                        r"(?=\s*(?:[,;.)、]|\band\b|$))")
_CAPITAL = re.compile(r"[A-Z0-9\u00c0-\u00de]")
_ZH_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{1,8}?(?=[、，,。；;！!？?\s]|[和及与](?!$)|$|[^\u4e00-\u9fffA-Za-z0-9·])")
_ZH_VERBISH = re.compile(r"加|换|做|用|调|把|要|放|改|配|音乐|视频|秒|字幕|横屏|竖屏")


@dataclass(frozen=True)
class Labels:
    names: tuple[str, ...]  # one a picture, in picture order
    span: tuple[int, int]  # where the lead and the list are in the text
    given: bool = True  # typed as names (False: read from "before and after")


def picture_labels(text: str) -> Labels | None:
    """The names the instruction gives its pictures, in order, and where they are.

    >>> picture_labels("square post, show each cat with its name (Whiskers first, then Luna)").names
    ('Whiskers', 'Luna')
    >>> picture_labels("name the cats Whiskers and Luna, upbeat music").names
    ('Whiskers', 'Luna')
    >>> picture_labels("label the rooms 'Kitchen', 'Living room' and 'Garden'").names
    ('Kitchen', 'Living room', 'Garden')
    >>> picture_labels("每张照片配上名字：小白、小黑，背景音乐轻快一点").names
    ('小白', '小黑')
    >>> picture_labels("name it Bean There"), picture_labels("add captions and music")
    (None, None)
    """
    raw = text or ""
    for m in _EN_LEAD.finditer(raw):
        found = _en_list(raw, m.end())
        if found:
            names, end = found
            return Labels(names, (m.start(), end))
    for m in _ZH_LEAD.finditer(raw):
        if not m.group(0).strip(" :："):
            continue
        found = _zh_list(raw, m.end())
        if found:
            names, end = found
            return Labels(names, (m.start(), end))
    return None


def _en_list(raw: str, at: int) -> tuple[tuple[str, ...], int] | None:
    """The names from ``at``: in brackets ("(Whiskers first, then Luna)"), quoted, or a run of
    Capitalised names joined by commas and "and"; None when what follows is no such list."""
    if raw.startswith("(", at):
        close = raw.find(")", at)
        if close < 0:
            return None
        parts = [_ORDER_WORDS.sub(" ", p).strip(" '\"“”‘’") for p in _GLUE.split(raw[at + 1:close])]
        names = tuple(p for p in parts if p)
        ok = names and all(len(n.split()) <= _MAX_WORDS and len(n) <= _MAX_CHARS and _CAPITAL.match(n)
                           for n in names)
        return (names[:MAX_LABELS], close + 1) if ok else None
    names: list[str] = []
    pos = at
    while len(names) < MAX_LABELS:
        lead = _ORDER_WORDS.match(raw, pos)
        if lead:
            pos = lead.end()
        q = _QUOTED.match(raw, pos)
        if q:
            name, end = q.group(1).strip(), q.end()
        else:
            words = _NAME.match(raw, pos)
            if not words:
                break
            name, end = words.group(0), words.end()
            more = _NAME_TAIL.match(raw, end)  # "Living room", where the name ends at a comma or "and"
            if more and len(name.split()) + len(more.group(1).split()) <= _MAX_WORDS:
                name, end = name + more.group(1), more.end()
            if role := re.match(r"\s*\(([^()\n]{1,30})\)", raw[end:]):  # "Sarah (CEO)": her role with her name
                name, end = f"{name} ({role.group(1).strip()})", end + role.end()
        if not name or len(name) > _MAX_CHARS:
            break
        names.append(name)
        tail = _ORDER_WORDS.match(raw, end)
        end = tail.end() if tail else end
        glue = _GLUE.match(raw, end)
        pos = end
        if not glue or glue.end() == end:
            break
        nxt = glue.end()
        if not (_QUOTED.match(raw, nxt) or _CAPITAL.match(raw, nxt)
                or (o := _ORDER_WORDS.match(raw, nxt)) and (_QUOTED.match(raw, o.end()) or _CAPITAL.match(raw, o.end()))):
            break
        pos = nxt
    return (tuple(names), pos) if len(names) >= 2 else None  # (one is a caption of one picture: `rules.text`'s)


def _zh_list(raw: str, at: int) -> tuple[tuple[str, ...], int] | None:
    """Chinese names from ``at``: quoted ones, or short words joined by 、/和 (a comma ends the
    list unless the next word is as short a name and no instruction)."""
    names: list[str] = []
    pos = at
    while len(names) < MAX_LABELS:
        q = _QUOTED.match(raw, pos)
        m = q or _ZH_ITEM.match(raw, pos)
        if not m:
            break
        name = (q.group(1) if q else m.group(0)).strip()
        if not q and _ZH_VERBISH.search(name):
            break
        names.append(name)
        pos = m.end()
        sep = re.match(r"\s*(?:、|和|及|与|，|,)?\s*", raw[pos:])
        if not sep.group(0) and not _QUOTED.match(raw, pos):  # “厨房”“客厅”: quotes side by side
            break
        if not sep:
            break
        nxt = pos + sep.end()
        if sep.group(0).strip() in "，," and not _QUOTED.match(raw, nxt):
            word = _ZH_ITEM.match(raw, nxt)
            if not word or len(word.group(0)) > 4 or _ZH_VERBISH.search(word.group(0)):
                break
        pos = nxt
    return (tuple(names), pos) if len(names) >= 2 else None


_BEFORE_AFTER = re.compile(r"(?i)\bbefore\s*(?:and|&|/|vs\.?|-)\s*after\b|前后对比|改造前后|对比前后")


def before_after(text: str, pictures: int, names: Sequence[str] = ()) -> Labels | None:
    """"a before and after video of our kitchen", "装修前后对比" with two pictures: they are named
    Before and After (之前, 之后), in order; with more, the pictures at the start whose file names say which
    ("biscuit before.jpg", "biscuit after.jpg", "mochi before.jpg" …), the words quoted for them when given
    ("text 'BEFORE' / 'AFTER' on them"). None otherwise (which is which is not said)."""
    m = _BEFORE_AFTER.search(text or "")
    if m is None:
        return None
    zh = re.search(r"[\u4e00-\u9fff]", m.group(0)) is not None
    said = {q.strip().lower(): q.strip() for q in re.findall(r"['‘\"“]([^'’\"”]{2,10})['’\"”]", text or "")}
    before, after = ("之前", "之后") if zh else (said.get("before", "Before"), said.get("after", "After"))
    which, said_so = [], []
    for name in names:
        stem = name.lower().rsplit(".", 1)[0]
        b, a = re.search(r"(?<![a-z])before(?![a-z])|之前|前$", stem), re.search(r"(?<![a-z])after(?![a-z])|之后|后$", stem)
        if bool(b) == bool(a):
            break
        which.append(before if b else after)
        # "厨房清洁前.jpg", "厨房清洁后.jpg": the names say it themselves ("清洁前", "清洁后"), not 之前 / 之后
        said_so.append(z.group(0) if zh and (z := re.search(r"[\u4e00-\u9fff]{2}(?<!之)[前后]$", stem)) else None)
    if len(which) >= 2 and len(set(which)) == 2 and all(said_so) and len({x[:-1] for x in said_so}) == 1:
        which = said_so
    if pictures == 2 and len(which) != 2:
        return Labels((before, after), (0, 0), given=False)
    return Labels(tuple(which), (0, 0), given=False) if len(which) >= 2 and len(set(which)) == 2 else None


_LIST_AFTER_COLON = re.compile(r"(?<!\d)[:：]\s*(?=[\"“‘'「A-Z0-9\u00c0-\u00de\u4e00-\u9fff])")


def listed_for_pictures(text: str, pictures: int) -> Labels | None:
    """A list of names after a colon, as many as the pictures: "the lineup: Ella Moss, The Blue Notes,
    Sam Reed", "our new classes: Spin, Yoga and HIIT", "三款新口味：芒果、荔枝和柚子". None when the
    count differs (then the list is about something else)."""
    raw = text or ""
    if pictures < 2:
        return None
    for m in _LIST_AFTER_COLON.finditer(raw):
        found = _en_list(raw, m.end()) or _zh_list(raw, m.end())
        if found and len(found[0]) == pictures:
            return Labels(found[0], (m.start(), found[1]))
    return None


# "步骤加字幕：1.鸡蛋打散加少许盐 2.热油炒蛋盛出 …", "steps: 1. whisk the eggs 2. fry them": numbered steps
_STEP = re.compile(r"(?:^|(?<=[\s，,：:；;。.]))(?P<n>\d{1,2})\s*[.、．)）]\s*(?P<s>[^，,。；;\n\d]{2,40}?)\s*(?=[，,。；;\n]|\s+\d{1,2}\s*[.、．)）]|$)")


def numbered_steps(text: str, pictures: int) -> Labels | None:
    """Steps numbered 1, 2, 3 … in order, as captions one to a picture ("1. 鸡蛋打散加少许盐"); None
    without two or more, or more steps than pictures."""
    raw = text or ""
    steps: list[re.Match[str]] = []
    for m in _STEP.finditer(raw):
        if int(m.group("n")) == len(steps) + 1:
            steps.append(m)
        elif steps:
            break
    if len(steps) < 2 or len(steps) > pictures:
        return None
    return Labels(tuple(f"{m.group('n')}. {m.group('s').strip()}" for m in steps), (steps[0].start(), steps[-1].end()))
