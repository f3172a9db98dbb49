"""Which text a clause means: its kind ("the title", "字幕", "the call to action"), the one text it
names by its words, order, place or time, the texts over a shot it names, and the texts it speaks
of. Shared by the text handlers (`text`, `text_words`, `text_look`, `text_time`)."""

from __future__ import annotations

import re

from reelforge.planner import ops as O
from reelforge.planner import time_words as TW
from reelforge.planner.apply_text import CUE_ID
from reelforge.planner.ending import MONTH, WEEKDAY
from reelforge.planner.rules.refs import (
    _ORD_FULL,
    _RX_AT,
    _TEXT_WORD,
    _ZH_ORD,
    _Ambiguous,
    _Cannot,
    _Ctx,
    _find_targets,
    _has,
    _main_seg,
    _ord_index,
)
from reelforge.planner.text_kinds import STANDS_IN, holds, kind_called, part_of
from reelforge.timeline.model import Role, TextSegment


def text_role(t: str) -> Role | None:
    if _has(r"\bcta\b|call[\s-]to[\s-]action|\bbutton\b|行动号召|结尾按钮|按钮|(?:结尾|片尾)(?:的?(?:文字|文案|字))?\s*[:：]|"
            r"\b(?:end|closing|outro|final)[\s-]?(?:card|screen|slate)\b|"  # "add an end card saying …"
            # "remove the end text", "去掉结尾那句": the words the video ends on (all text went, or its time was cut)
            r"\b(?:end|ending|closing|final)\s+(?:text|line|message|words|slogan)\b|(?:结尾|片尾)(?:那|的)?(?:句话?|行字?|段字)|"
            r"\b(?:change|rename|set|switch|update|edit|make)\s+(?:the\s+)?(?:end|closing|final)\s+(?:text|line|message|words)\b|"
            r"(?:结尾|片尾)(?:的?(?:文字|文案|字))?\s*(?:改成|改为|换成|变成)", t):
        return Role.CTA
    if _has(r"\b(?:change|rename|set|switch|update|edit|make)\s+(?:the\s+)?ending\b", t) and not _has(_LENGTH_WORDS, t):
        return Role.CTA  # "change the ending to 'Order now'": the words the video ends on ("make the ending longer": its shot)
    if _has(r"\b(?:captions?|subtitles?|lower\s+thirds?)\b|字幕|说明文字", t):
        return Role.CAPTION
    if _has(r"\b(?:labels|name\s+tags?)\b|(?<!file\s)(?<!file)\bnames\b(?!\s+of\s+the\s+files)|标签", t):
        return Role.CAPTION  # "make the names bigger", "move the labels to the top": the pictures' names
    if _has(r"\b(?:titles?|headlines?|headings?)\b|标题", t):
        return Role.TITLE
    return None


_LENGTH_WORDS = r"\b(?:longer|shorter|seconds?|secs?|too\s+(?:long|short)|extend|lengthen|shorten)\b|\d\s*s\b"

# "the text at the end", "结尾的文字": which text, by where it is (not where it goes)
RX_TEXT_WHERE = re.compile(r"(?P<word>\b(?:texts?|words|writing|overlays?))\s+(?:at|in|near|on|towards)\s+the\s+(?:very\s+)?(?P<w>end|start|beginning|top|bottom)\b|"
                           r"(?P<zh>结尾|最后|片尾|开头|开始|片头)的?(?=(?:那段|那个|那条|那句)?(?:文字|字幕|文案))")


def _text_ref(segs: list, role: Role, seg) -> O.Target:
    """A text segment as a target: its role and its place among that role's texts."""
    same = [x for r, x in segs if r is role]
    return O.Target(role=role, index=next(i for i, x in enumerate(same) if x is seg))


def text_target(c: _Ctx, role: Role | None) -> O.Target:
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
    if (named := texts_named(c, segs)) is not None:  # "swap the eye pan caption for …": the one saying it
        return named
    if (called := text_meant(c.t, segs)) is not None:  # "the tickets text", "the date": the one holding it
        return text_by_id(segs, *called)
    roles = {r for r, _ in segs}
    ord_m = re.search(rf"\b(?P<ord>{_ORD_FULL})\s+{_TEXT_WORD}|(?P<zh>{_ZH_ORD})\s*一?\s*(?:个|条|句|段)?\s*(?:标题|字幕|文字|captions?|subtitles?)", c.t)
    if ord_m:
        idx = _ord_index(ord_m.group("ord") or ord_m.group("zh"))
        if idx is not None and len(roles) == 1:
            return O.Target(role=next(iter(roles)), index=idx)
    by_time = sorted(segs, key=lambda rs: rs[1].start)
    if ord_m and (idx := _ord_index(ord_m.group("ord") or ord_m.group("zh"))) is not None and -len(segs) <= idx < len(segs):
        return _text_ref(segs, *by_time[idx])  # "the last text": in time, whatever its role
    where = RX_TEXT_WHERE.search(c.t)
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
        ms = TW.parse_time_value_ms(at.group("tv"))
        if ms is not None:
            return O.Target(role=next(iter(roles)), at_ms=ms)
    listing = ", ".join(f'"{s.text}" ({r.value}, {s.start / 1000:g}-{s.end / 1000:g}s)' for r, s in segs[:8])
    if c.zh:
        zh_role = {Role.TITLE: "标题", Role.CAPTION: "字幕", Role.CTA: "行动号召"}
        listing = "、".join(f"“{s.text}”（{zh_role.get(r, r.value)}，{s.start / 1000:g}-{s.end / 1000:g}s）"
                            for r, s in segs[:8])
        raise _Ambiguous(f"是哪段文字？共有{len(segs)}段：{listing}。请说“标题”或“行动号召”。")
    raise _Ambiguous(f"Which text? There are {len(segs)}: {listing}.")


def texts_named(c: _Ctx, segs: list[tuple[Role, TextSegment]]) -> O.Target | None:
    """The one text whose words the clause says unquoted ("the eye pan caption" for a caption
    "Eye Pan", "把Eye Pan字幕改成…"), else the one it names by some of its words ("the shop cat
    caption" for "Our shop cat Chelsea keeps the window seat warm": `named_run`), or None."""
    t = c.t.casefold()
    hits = [(r, s) for r, s in segs if len(s.text.strip()) >= 3
            and re.search(r"(?<![\w])" + re.escape(s.text.strip().casefold()) + r"(?![\w])", t)]
    if not hits:
        hits = [(r, s) for r, s in segs if named_run(t, s.text)]
    return text_by_id(segs, *hits[0]) if len(hits) == 1 else None


def named_run(said: str, text: str) -> re.Match[str] | None:
    """Where ``said`` (casefolded) names ``text`` by a run of its words: two or more, or one with a
    digit ("the 30% off"), longest first; runs of up to 6 words, so the work is bounded whatever the
    text (a 2,000-word caption)."""
    words = [w for w in (w.strip(".,!?;:…\"'“”‘’()「」。，！？") for w in text.casefold().split()) if w]
    for n in range(min(6, len(words)), 0, -1):
        for a in range(len(words) - n + 1):
            if words[a] not in said:  # (most runs: a substring test, not a search)
                continue
            run = " ".join(words[a:a + n])
            if (n >= 2 or re.search(r"\d", run)) and len(run) >= 3 and (
                    m := re.search(r"(?<![a-z0-9])" + re.escape(run) + r"(?![a-z0-9])", said)):
                return m
            # "take the dogs thing off" on "dogs welcome 🐶": one word of it, called a thing, bit or line
            if n == 1 and len(run) >= 4 and run.isalpha() and (
                    m := re.search(r"(?<![a-z0-9])" + re.escape(run) + r"\s+(?:thing|bit|part|line|one|text|sign)\b", said)):
                return m
    return None


RX_TEXT_PLURAL = re.compile(
    r"\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:titles?|headlines?|captions?|subtitles?|texts?|text\s+overlays?|overlays?|ctas?)\b"
    r"|\b(?:titles|headlines|captions|subtitles|texts|overlays|ctas|calls[\s-]to[\s-]action|labels|name\s+tags)\b"
    r"|(?<!file\s)(?<!file)\bnames\b(?!\s+of\s+the\s+files)"
    r"|(?:所有|全部|每条|每一条|每句)\s*的?\s*(?:标题|字幕|文字|文案)")


# "the caption on the coffee photo", "no text on the first shot", "第三张图片上的字幕": texts by their shot
_RX_ON_SHOT_BEFORE = re.compile(r"(?:\b(?:on|from|over|in|during|of|off)\s+(?:the\s+)?|(?:在|把)\s*)$")


def texts_on_shot(c: _Ctx, role: Role | None) -> list[tuple[Role, TextSegment]] | None:
    """The texts (of ``role``) shown over the shot the instruction names that way, or None when
    it names none: a caption made for that shot, or a text on screen mostly while it is."""
    for r in _find_targets(c):
        if r.target.at_ms is not None or r.more:
            continue
        if not (_RX_ON_SHOT_BEFORE.search(c.t[:r.start]) or re.match(r"\s*(?:上|里|中)的?", c.t[r.end:])
                # "招牌奶茶的字幕删了", "店内环境那张的字幕改成…": that picture's (every caption went, or was rewritten)
                # ("第3个字幕" is the third caption, not the third picture's)
                or (m := re.match(r"\s*(?P<of>(?:那张|这张|那段|这段)?\s*(?:图片?|照片)?\s*的?)\s*(?:字幕|文字|文案)", c.t[r.end:]))
                and (m["of"].strip() or r.target.name is not None or r.target.kind is not None)):
            continue
        shot = _main_seg(c, r.target)
        if shot is None:
            continue
        return [(ro, s) for ro, s in c.text_segs(role)
                if s.shot == shot.id or 2 * (min(s.end, shot.end) - max(s.start, shot.start)) >= s.duration]
    return None


def text_by_id(segs: list[tuple[Role, TextSegment]], role: Role, seg: TextSegment) -> O.Target:
    """A text as a target that stays right while others of its role go: by its words when they
    name it alone, else by its id."""
    same = [s for r, s in segs if r is role and seg.text.casefold() in s.text.casefold()]
    return O.Target(role=role, name=seg.text) if len(same) == 1 else O.Target(role=role, id=seg.id)


def lookup_text(c: _Ctx, target: O.Target) -> TextSegment | None:
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


# "the tickets text", "the museum late text", "the text that says tickets": a text called by a word of it
_RX_TEXT_CALLED = re.compile(
    r"\bthe\s+(?P<w>[\w'$%-]+(?:\s+[\w'$%-]+){0,3}?)\s+(?:text|line|overlay|words|caption|title|cta|button|card)\b|"
    r"\b(?:text|line|overlay|words|caption|title)\s+(?:that\s+(?:says|reads)|saying|reading|with\s+(?:the\s+words?\s+)?)"
    r"\s*(?P<w2>[\w'$%-]+(?:\s+[\w'$%-]+){0,3})", re.I)
# words that say how a text looks, where it is or which of them, not what it says
_NOT_ITS_WORDS = re.compile(
    r"(?:first|second|third|last|final|next|previous|opening|closing|end|ending|intro|outro|main|whole|same|other|"
    r"top|bottom|middle|centre|center|left|right|big|bigger|small|smaller|large|huge|tiny|little|long|short|new|old|"
    r"white|black|yellow|red|blue|green|orange|pink|purple|grey|gray|gold|bold|thin|current|on-screen|onscreen|"
    r"title|titles|caption|captions|text|texts|cta|subtitle|subtitles|overlay|overlays|all|every|each|this|that|"
    r"these|those|my|our|your|its|it|one|1st|2nd|3rd|a|an|of|in|on|at|to|and|or|with)$", re.I)


def _stem(word: str) -> str:
    w = re.sub(r"[^\w$%]", "", word.casefold())
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def text_called(said: str, segs: list[tuple[Role, TextSegment]]) -> tuple[Role, TextSegment] | None:
    """The one text of ``segs`` the clause ``said`` calls by words of it, unquoted: "make the tickets text
    bigger" for "Tickets $12 at sciencehall.org" (it made every text bigger), "the museum late
    text", "the text that says tickets". Where a caption of the speech says it too, the text
    designed for the video is meant; None when no such word is said or several texts hold it."""
    for m in _RX_TEXT_CALLED.finditer(said):
        words = [_stem(w) for w in (m.group("w") or m.group("w2")).split()]
        words = [w for w in words if len(w) >= 3 and not _NOT_ITS_WORDS.match(w)]
        if not words:
            continue
        hits = [(r, s) for r, s in segs if set(words) <= {_stem(w) for w in s.text.split()}]
        if len(hits) > 1:
            hits = [(r, s) for r, s in hits if not s.id.startswith(CUE_ID)]
        if len(hits) == 1:
            return hits[0]
    # "298起的字再大一点", "298那行字", "把满100减20那句放大": the text holding those characters
    for m in _RX_ZH_TEXT_CALLED.finditer(said):
        # (the words run back into what is said before them: "没看到满减的字啊" is "满减", its end)
        for words in (m.group("w")[i:] for i in range(len(m.group("w")) - 1)):
            digits = re.findall(r"\d{2,}", words)  # ("298起" for "镜架+镜片298元起": its number)
            hits = [(r, s) for r, s in segs if words in s.text or digits and all(d in s.text for d in digits)]
            if not hits and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", words):  # ("满减" for "满100减20": its characters in order)
                hits = [(r, s) for r, s in segs if re.search(".*?".join(map(re.escape, words)), s.text)]
            if len(hits) > 1:
                hits = [(r, s) for r, s in hits if not s.id.startswith(CUE_ID)]
            if len(hits) == 1:
                return hits[0]
    return None


_RX_ZH_TEXT_CALLED = re.compile(r"(?P<w>[\w¥￥+.%\u4e00-\u9fff]{2,12}?)(?:的字|那行字?|那句话?|那条字?幕?|那个字|的那行|的那句|的文字)")


def text_of_kind(said: str, segs: list[tuple[Role, TextSegment]]) -> tuple[Role, TextSegment] | None:
    """The one text of ``segs`` holding what the clause ``said`` calls it by ("make the date bigger": the row
    'This Friday, 7pm to midnight'; "the website": the one with the address), the designed text
    before a caption of the speech; None when none or several do."""
    kind = kind_called(said)
    if kind is None:
        return None
    hits = [(r, s) for r, s in segs if holds(kind, s.text)]
    if not hits and kind in STANDS_IN:  # "change the offer to $45 for 3 weeks", the offer shown as "$39"
        hits = [(r, s) for r, s in segs if holds(STANDS_IN[kind], s.text)]
    if len(hits) > 1:
        hits = [(r, s) for r, s in hits if not s.id.startswith(CUE_ID)]
    if len(hits) > 1 and (said_whole := [(r, s) for r, s in hits if part_of(kind, s.text)]):
        hits = said_whole  # "the offer": "50% off all candles", not the title "Flash sale"
    if len(hits) > 1 and kind == "when" and _DATE_OF_MONTH.search(said) \
            and (same := [(r, s) for r, s in hits if _DATE_OF_MONTH.search(s.text)]):
        hits = same  # "开课时间改成4月19号" beside "每周六日上午9点到11点半": the text with a date, as the new one is
    if len(hits) > 1 and kind == "when" and (by := _DAY_WORD.search(said) and _DATED or _TIME_WORD.search(said) and _TIMED):
        # "change the date to Dec 13" beside "Doors 7pm": the text with a day; "the time": the one with a clock time
        hits = [(r, s) for r, s in hits if by.search(s.text)] or hits
    return hits[0] if len(hits) == 1 else None


_DAY_WORD = re.compile(r"(?i)\b(?:date|day)\b|日期|哪天")
_TIME_WORD = re.compile(r"(?i)\b(?:times?|hours)\b|时间|几点")
_DATED = re.compile(rf"(?i)\b(?:{MONTH}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|{WEEKDAY}|tonight|tomorrow)|\d\s*月|周[一二三四五六日天]|星期")
_DATE_OF_MONTH = re.compile(rf"(?i)\d{{1,2}}\s*月\s*\d{{1,2}}\s*[日号]?|\b(?:{MONTH}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH})")
_TIMED = re.compile(r"(?i)\d\s*[ap]\.?m\b|\d:\d\d|\d\s*点|noon|midnight")


def without_when_said(said: str, text: str) -> str | None:
    """A row of parts ("Starts Sat 14 Sept · At Crumb & Co · Open 7am-3pm") without the part of time
    the clause names: "drop the opening hours" the one with a clock time, "remove the date" the one
    with a day (both went: every part holding a time of any kind); None when that is not one part."""
    by = _TIMED if _TIME_WORD.search(said) else _DATED if _DAY_WORD.search(said) else None
    if by is None or " · " not in text:
        return None
    parts = text.split(" · ")
    kept = [p for p in parts if not (holds("when", p) and by.search(p))]
    return " · ".join(kept) if kept and len(kept) < len(parts) else None


def text_meant(said: str, segs: list[tuple[Role, TextSegment]]) -> tuple[Role, TextSegment] | None:
    """The one text the clause ``said`` calls by its words (`text_called`) or by what it holds
    (`text_of_kind`)."""
    return text_called(said, segs) or text_of_kind(said, segs)


_RX_LINE_CALLED = re.compile(r"\bthe\s+(?P<w>[a-z][\w'-]{2,20})\s+(?:line|bit|part)\b")
_NOT_LINE_WORDS = frozenset("first second third fourth last top bottom middle end opening closing title caption main whole other "
                            "big small little new old same next final text words price date time phone address website".split())


def texts_said(c: _Ctx, role: Role | None, *, first_title: bool = True) -> list[tuple[Role, TextSegment]]:
    """The texts of ``role`` (every text when None) a clause speaks of: the one it calls by its
    words or by what it holds (`text_meant`), else the first title alone unless it says titles
    (``first_title``); none on screen is said so."""
    segs = c.text_segs(role)
    if (called := text_meant(c.t, segs)) is not None:
        return [called]
    if (line := _RX_LINE_CALLED.search(c.t)) and line.group("w") not in _NOT_LINE_WORDS \
            and not any(line.group("w") in s.text.casefold() for _, s in c.text_segs(None)):
        # "the warranty line is too small" with no warranty on screen (every text grew)
        raise _Cannot(f"画面上没有写「{line.group('w')}」的文字" if c.zh else f"no text on screen says '{line.group('w')}'")
    if first_title and role is Role.TITLE and not RX_TEXT_PLURAL.search(c.t):
        segs = segs[:1]
    if not segs:
        raise _Cannot("画面上没有这样的文字" if c.zh else "there is no such text on screen")
    return segs


TEXT_NOUN = (r"\b(?:titles?|headlines?|captions?|subtitles?|texts?|words|cta|call[\s-]to[\s-]action|overlays?)\b|"
             r"标题|字幕|文字|文案|行动号召|那句|那行|的字(?![体号])")
