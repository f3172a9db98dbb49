"""A text's words, typed in many forms: without quotes ("add a caption saying Free shipping"), after
a label ("cta: Shop now"), by the words it says now ("change learn more to Buy now"), "make the
title summer sale", "use order now as the call to action"; which words read as a call to action;
and a translation asked for, answered."""

from __future__ import annotations

import re

from reelforge.planner import numerals as N
from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner.day_dates import said_anew
from reelforge.planner.ending import capitalised, contact_cta, contact_in, offer_in, title_case
from reelforge.planner.facts import typed_facts
from reelforge.planner.rules.corrections import _bare
from reelforge.planner.rules.refs import _ADD, _Cannot, _Ctx, _has
from reelforge.planner.rules.text_look import C_EN, color_in, size_in, styling
from reelforge.planner.rules.text_refs import text_by_id, text_target
from reelforge.planner.text_kinds import KIND_WORD_ZH, any_number, dates_capitalised
from reelforge.planner.typos import is_english, known
from reelforge.planner.when import when_at
from reelforge.timeline.model import Role, Timeline


def unquoted_words(raw: str, t: str) -> str | None:
    """The words of a text added without quotes: "add a caption saying Free shipping at 10s", "add text
    Free shipping for 3 seconds at 10s", "add a title that says Summer Sale at the top" (where and when cut
    off); None when there are none."""
    if re.match(r"(?i)\s*(?:do|does|did|should|would|will)\s+(?:we|i|it|you|u|they|the\s+\w+)\s+(?:still\s+)?(?:say|show|read)\b", raw):
        return None  # "do we still say 6pm BST? …": asked (its words and the rest were written on screen)
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
    if m is None and (b := re.match(rf"\s*(?:please\s+)?(?:add|put|insert|include)\s+(?:an?\s+)?(?:(?:{C_EN})\s+)?"
                                     r"(?P<w>[a-z][a-z' ]{1,24}?)\s+"
                                     r"(?:button|cta|call[\s-]to[\s-]action)\b", raw, re.I)) \
            and not re.search(r"\b(?:new|nice|bold|round(?:ed)?|big|bigger|small|large|another|second|clear|clickable|"
                              r"the|end|final|closing|text|letters?|words?|fonts?|and|with)\b", b.group("w"), re.I) \
            and color_in(b.group("w").lower()) is None and size_in(b.group("w").lower()) is None:
        return capitalised(b.group("w").strip())  # "add a subscribe button at the end": its words
    if m is None and (line := facts_added(raw)) is not None:
        return line  # "add walk ins welcome + $25 cuts tues-thurs" (it added "$25"), "new tires too add that"
    if m is None:
        # "add our website www.example.com", "加上我们的网址 www.example.com": the address itself
        if not _has(_ADD, t):
            return None
        offer = offer_in(raw)
        if contact := contact_in(raw):  # "add tickets at velvetkeys.com": with the words asking ("Tickets at …")
            return contact_cta(raw, contact) or contact
        return capitalised(offer) if offer else None
    # "add the title Summer Sale, make it red": the words end where the next instruction starts
    words = _RX_NEXT_ASK.split(m.group(1), maxsplit=1)[0]
    words = RX_WHERE_TAIL.sub("", words).strip().strip("'\"").strip()
    return capitalised(words) or None


# "add the date under the title: Friday 7pm to midnight", "日期放在标题下面：周五晚7点": what to add, a
# colon, its words
_RX_ASK_THEN_WORDS = re.compile(
    r"\s*(?:please\s+)?(?P<ask>(?:add|put|insert|include|show|write|place)\b[^:：]{2,60}?|[^:：]{0,20}?(?:加|放在|放到|写)[^:：]{0,20}?)"
    r"\s*(?:：|(?<!\d):(?=\s))\s*(?P<w>[^:：\s][^:：]{0,59}?)\s*[.。!！]?\s*$", re.I)
QUOTE_CHARS = "'\"“”‘’「」"


def words_after_colon(raw: str) -> str | None:
    """The words after the colon of an ask to add something: "add the date under the title: Friday
    7pm to midnight" -> "Friday 7pm to midnight"; None when it has none."""
    lab = _RX_ASK_THEN_WORDS.match(raw)
    return (capitalised(lab.group("w").strip().strip(QUOTE_CHARS).strip()) or None) if lab else None

_RX_NEXT_ASK = re.compile(r"\s*(?:[,;]\s*(?:and\s+|then\s+)?|\s+and\s+(?:then\s+)?|\s+then\s+)"
                          r"(?=(?:please\s+)?(?:make|put|move|change|set|turn|add|use|remove|place|show|let|have|give|"
                          r"center|centre|fade|keep)\b)", re.I)


# "… at 10s", "… for 3 seconds at 10s", "… on the 3rd photo", "… at the top": where and when, not the words
RX_WHERE_TAIL = re.compile(r"(?:\s+(?:at|from|for|during|between|until|till|on|onto|to|over|in|across)\s+(?:the\s+)?"
                           r"(?:\d|first|last|end|start|beginning|top|bottom|middle|cent(?:er|re)|whole|entire|"
                           r"end\s*card|ending|outro|cta|call\s+to\s+action|"
                           r"(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\b|\w+\s+(?:photo|image|picture|pic|shot|clip)s?\b)"
                           r".*|\s+throughout.*)$", re.I)

# words that make a line a call to action ("Shop now", "Learn more", "立即购买")
_RX_CTA_TEXT = re.compile(
    r"\b(?:shop|buy|order|book|get|grab|claim|learn|discover|find\s+out|sign\s+up|join|subscribe|follow|download|"
    r"install|try|visit|call|register|donate|start|apply|save|tap|click|swipe|dm|message|contact|reserve|"
    r"pre-?order|link\s+in\s+bio)\b.{0,30}?(?:\bnow\b|\btoday\b|\bmore\b|\bfree\b|\bus\b|\bhere\b|\bbelow\b|\bup\b|!|$)"
    r"|立即|马上|现在就|赶快|赶紧|快来|点击|关注|订阅|购买|下单|抢购|预约|报名|了解更多|扫码|私信|咨询|领取|戳", re.I)


def looks_cta(text: str) -> bool:
    return len(text) <= 60 and _RX_CTA_TEXT.search(text.strip()) is not None


# -- a text's words, named by the words it says now or by its kind and a colon ---------------------
_RX_LABEL = re.compile(r"^\s*(?:the\s+)?(?P<role>cta|call[\s-]to[\s-]action|title|headline|caption|subtitle|"
                       r"标题|字幕|行动号召)\s*(?:text\s*)?[:：=]\s*(?P<x>\S.*?)\s*[.!。！]?\s*$", re.I)
_RX_WORDS_EN = re.compile(r"^\s*(?:please\s+)?(?:change|replace|switch|swap|edit|update|turn|rename)\s+(?P<a>\S.*?)\s+"
                          r"(?:to|with|into|for|->|→|=>)\s*:?\s+(?:say\s+|read\s+)?(?P<b>\S.*?)\s*[.!]?\s*$|"
                          # "Luna should be Mochi", "Whiskers should say Mr. Whiskers"
                          r"^\s*(?P<a2>\S.*?)\s+(?:should|must|needs?\s+to|has\s+to)\s+(?:be|say|read)\s*:?\s+"
                          r"(?P<b2>\S.*?)\s*[.!]?\s*$", re.I)
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


# facts said after "add", or before "add that", without quotes
_ADD_FACTS = re.compile(r"(?i)^\s*(?:please\s+)?(?:add|include)\s+(?P<w>(?!(?:an?|the|some|more|it|this|that|my|our|music|"
                        r"a\s+(?:title|caption)|text|captions?|titles?)\b)[^,;.!?\"“”]{3,60}?)\s*$")
# (the words start on a letter, and the run of spaces before "add" is one run: 120 spaces or line breaks cost 5 s of CPU
# when the leading \s*, the words and the spaces after them could each take them)
_FACTS_ADD = re.compile(r"(?i)^\s*(?P<w>[^\s,;.!?\"“”][^,;.!?\"“”]{2,39}?)\s+(?:(?:too|as\s+well|also)\s*)?,?\s*(?:add|include|put)\s+"
                        r"(?:that|it|this)(?:\s+(?:too|in|on))?\s*$")


def facts_added(raw: str) -> str | None:
    """The line of facts an instruction adds without quotes ("add walk ins welcome + $25 cuts tues-thurs":
    "Walk ins welcome + $25 cuts Tues-Thurs"; "new tires too add that": "New tires"), or None."""
    found = _ADD_FACTS.match(raw) or _FACTS_ADD.match(raw)
    if found is None:
        return None
    words = RX_WHERE_TAIL.sub("", found.group("w")).strip(" +&")
    if not (offer_in(words) or typed_facts(words) or when_at(words)):
        return None
    return capitalised(dates_capitalised(" ".join(words.split())))


def bare_words(words: str) -> str:
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
        words = re.sub(r"(?i)(?<=\S)\s+instead(?:\s+(?:pls|please))?\s*[.]*$", "", words)  # "title: Get Muddy! instead"
        if not words or styling(words):
            return None
        existing = c.text_segs(role)
        if not existing:
            default = {Role.TITLE: O.Timing(duration_ms=3000), Role.CAPTION: O.Timing(),
                       Role.CTA: O.Timing(duration_ms=3000, anchor="end")}[role]
            return [O.AddText(text=words, role=role.value, timing=default)]  # type: ignore[arg-type]
        return [O.UpdateText(target=text_target(c, role), text=words)]
    # ("把Luna改成Mochi" is Chinese by its verb, whatever its letters)
    m = _RX_WORDS_ZH.match(raw) if c.zh or P.CJK.search(raw) else _RX_WORDS_EN.match(raw)
    if not m:
        return None
    typed_a, typed_b = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
    if (step := _step_said(c, typed_a, typed_b)) is not None:
        return step
    a = re.sub(r"^(?:the\s+)(?:text\s+|words?\s+|line\s+)?|\s+(?:text|button|line|words?)$", "", typed_a.strip(), flags=re.I)
    a, b = bare_words(a), typed_b.strip().strip("\"'“”「」").strip()
    if P.CJK.search(b) and not re.search(r"[\"“「]", typed_b):
        # "299起改成199起 老板刚说的": who said so, after a space, is no part of the words
        b = re.sub(r"\s+(?:[\u4e00-\u9fff]{0,4}(?:刚|刚刚|才)?(?:说的|说了|讲的|定的|要求的|通知的)|吧|哈|啦|呢|谢谢)[。！!]*$", "", b) or b
    if re.search(r"\d", b) and not re.search(r"[\"“「]", typed_b):
        b = _bare(b) or b  # "change $89/hr to $95/hr ugh": the value, not what is said around it
    if len(a) < 2 and not re.fullmatch(r"[$€£¥￥]\d", typed_a.strip()) or not b or re.search(r"\.(?:jpe?g|png|gif|webp|mp4|mov|avi|webm|mkv|mp3|wav|m4a|aac)\b", b, re.I):
        return None  # "change the music to jazz.mp3": a file, not words
    if re.fullmatch(rf"(?:{_PLANNER_NOUNS})", a) or re.fullmatch(KIND_WORD_ZH, a):
        # "change the music to jazz", "change the transitions to cuts": the planner's own words;
        # "电话改成…" names the phone number in "预约电话 138…", not the word 电话 in it (`text_kinds`)
        return None
    segs = c.text_segs(None)
    if when_at(b) and not when_at(typed_a) and any(when_at(s.text) for _, s in segs):
        return None  # "开业改成3月20号了 周五": the date shown moves ("火锅店开业" became "火锅店3月20号了 周五")
    hits = [(r, s) for r, s in segs if bare_words(s.text) == a]
    words = a.split()
    inside = any(re.search(rf"(?i)(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])", bare_words(s.text)) for _, s in segs)
    for k in range(1, len(words)):  # "rename the cat Luna to Mochi": the caption "Luna" (whole, not a part)
        if hits or inside:
            break  # (all the words are in a text: that part of it, not "$13" for "change March 13 to FRI March 13")
        hits = [(r, s) for r, s in segs if bare_words(s.text) == " ".join(words[k:])]
        if hits:
            typed_a = " ".join(typed_a.split()[-(len(words) - k):])
    part = not hits
    if part and re.fullmatch(r"[$€£¥￥]?\s?\d[\d,.]*\s*(?:元|块|k)?", b) and not re.search(r"\d", a):
        return None  # "年卡改成1899元" on "年卡只要1999元": the price of what it names (`corrections`), not its name
    # (Chinese has no spaces between words: "把8折改成7折" on "全场8折" names the part where it stands, and
    # "10:00-22:00" the hours in "营业时间10:00-22:00")
    edge_a, edge_b = ("", "") if P.CJK.search(a) else (r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])")
    if part:
        hits = [(r, s) for r, s in segs if (len(a) >= 3 or edge_a == "" or a.isdigit()) and re.search(rf"{edge_a}{re.escape(a)}{edge_b}", bare_words(s.text))]
    if not hits:
        return None
    out: list[O.Op] = []
    for r, s in hits:
        target = text_by_id(segs, r, s)
        if styling(b):  # "change learn more to red": its look
            look = {"color": color_in(b), "size": size_in(b, s.size), "position": P.parse_position(b)}
            if not any(look.values()):
                return None
            out.append(O.UpdateText(target=target, **look))
            continue
        new = b
        if part and (more := re.fullmatch(r"(?i)(?:add|plus|and|also)\s+(?P<x>.+?)(?:\s+(?:too|as\s+well))?", b)):
            said = typed_a.strip()  # "spotify & apple -> add youtube too": one more in the list ("listen on add youtube")
            listed = said.replace(" & ", ", ").replace(" and ", ", ") + (" & " if "&" in said else " and ") + more.group("x")
            new = re.sub(re.escape(said), lambda _found, listed=listed: listed, s.text, count=1, flags=re.I)
            out.append(O.UpdateText(target=target, text=new))
            continue
        if not part and (tail := _tail_anew(s.text, b)) is not None:
            new = tail  # "老会员减200改成减300": "老会员减300", not "减300"
        if not part and typed_a.strip() != s.text.strip() and typed_a.strip() in s.text and re.search(r"\d", b):
            new = s.text.replace(typed_a.strip(), b, 1)  # "change 149 to 129" on "$149": "$129" (it showed "129")
        if part and (dated := said_anew(s.text, typed_a.strip(), b)) is not None:
            new = dated  # "change Dec 12 to Dec 13" on "Sat Dec 12 at 7pm": "Sun Dec 13 at 7pm", the weekday with it
        elif part:  # "change sale to drop" on "Spring Sale": those words in it
            typed = typed_a.strip().strip(chr(34) + chr(39))
            new = re.sub(rf"{edge_a}{re.escape(typed)}{edge_b}", lambda found, typed=typed: _in_case_of(found.group(0), typed, b),
                         s.text, count=1, flags=re.I)
            at = s.text.lower().find(typed.lower())
            rest = s.text[at + len(typed):] if at >= 0 else ""
            if P.CJK.search(b) and rest.strip() and re.match(
                    any_number(rest.strip()), b):
                # "寄养改成 每晚80 含遛狗" on "寄养每晚60": what it names keeps its name, the rest said anew
                # (it was "每晚80 含遛狗每晚60")
                new = s.text[:at + len(typed)] + b
            elif at > 0 and P.CJK.search(b):
                # "8折改成 首单立减30元" on "3月份新客首单8折", "下午茶改成 送晚餐一次" on "连住两晚送下午茶": the words the new
                # ones repeat from before it, once
                lead = next((k for k in range(min(len(b), at), 0, -1) if s.text[:at].endswith(b[:k])), 0)
                if lead:
                    new = s.text[:at - lead] + b + s.text[at + len(typed):]
            if new == s.text:
                return None
        out.append(O.UpdateText(target=target, text=new))
    return out


def _tail_anew(text: str, new: str) -> str | None:
    """``text`` with its later part that ``new`` (Chinese, shorter) says anew but for a number changed to
    ``new`` ("老会员减200", "减300": "老会员减300"); None when no such part follows other words."""
    if not P.CJK.search(new) or not re.search(r"\d", new) or len(new) >= len(text):
        return None
    m = re.search(any_number(new), text)
    return text[:m.start()] + new + text[m.end():] if m and m.start() > 0 and m.group(0) != new else None


# "'私教'它写成'司教'了", "私教写成了司教", "'Tulum' was typed as 'Tulm'": the first is right, the second on screen
_RX_WRITTEN_AS = re.compile(r"(?P<a>«q»|[\u4e00-\u9fffA-Za-z0-9]{1,12}?)\s*(?:它|被|给)?(?:写成|打成|写错成|错写成|拼成)了?\s*"
                            r"(?P<b>«q»|[\u4e00-\u9fffA-Za-z0-9]{1,12}?)\s*了?\s*[。！!.]?\s*$|"
                            r"(?P<ea>«q»)\s+(?:is|was|got|has\s+been)\s+(?:written|typed|spelled|spelt)\s+(?:as\s+)?(?P<eb>«q»)")


def _h_written_as(c: _Ctx) -> list[O.Op] | None:
    """"字幕有两个错字 '私教'它写成'司教'了": the wrong words on screen made right in every text showing them
    (every caption was set to "司教")."""
    m = _RX_WRITTEN_AS.search(c.t)
    if m is None:
        return None
    quoted = iter(c.quotes)
    a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("ea"), m.group("eb"))
    right = next(quoted) if a == "«q»" else a
    wrong = next(quoted, None) if b == "«q»" else b
    if not right or not wrong or right == wrong:
        return None
    segs = c.text_segs(None)
    hits = [(r, s) for r, s in segs if wrong in s.text]
    if not hits and (re.match(r"\s*(?:请)?(?:把|将)", c.t) or any(right in s.text for _, s in segs)):
        return None  # "把标题写成夏日特惠", "器械区写成器材区" with 器械区 on screen: new words for it
    if not hits:
        raise _Cannot(f"画面上没有「{wrong}」" if c.zh else f"no text on screen says '{wrong}'")
    return [O.UpdateText(target=text_by_id(segs, r, s), text=s.text.replace(wrong, right)) for r, s in hits]


# "step 2", "the second step", "第三步": a numbered step's caption ("2. fry them in butter")
_RX_STEP = re.compile(r"^\s*(?:the\s+)?(?:step\s*#?\s*(?P<n>\w+)|(?P<o>\w+)\s+step)\s*$|^\s*第\s*(?P<z>[一二两三四五六七八九十\d]+)\s*步\s*$", re.I)


def _step_said(c: _Ctx, typed_a: str, typed_b: str) -> list[O.Op] | None:
    """"change step 2 to fry in olive oil", "第三步改成装盘": the words of the caption numbered so,
    its number kept ("2. Fry in olive oil"); None when no caption is numbered so."""
    m = _RX_STEP.match(typed_a)
    if m is None:
        return None
    n = N.parse_ordinal(m.group("o")) if m.group("o") else N.parse_number(m.group("n") or m.group("z"))
    new = typed_b.strip().strip("\"'“”「」").strip().rstrip(".!。！")
    if not n or n < 1 or not new:
        return None
    segs = c.text_segs(None)
    numbered = rf"\s*(?:step\s*)?{int(n)}\s*[.、:：)]\s*|\s*第{int(n)}步\s*[:：、]?\s*"
    hits = [(r, s, lead.group(0)) for r, s in segs if (lead := re.match(numbered, s.text, re.I))]
    if len(hits) != 1:
        return None
    r, s, lead = hits[0]
    rest = s.text[len(lead):]
    return [O.UpdateText(target=text_by_id(segs, r, s), text=lead + (new if rest[:1].islower() else capitalised(new)))]


def _in_case_of(found: str, typed: str, new: str) -> str:
    """``new`` capitalised word by word like the words it replaces when they were typed in lower case
    ("change friday to saturday" on "Friday 7pm": "Saturday 7pm"; "3 bed" to "4 bed" on "3 Bed": "4 Bed");
    as typed otherwise."""
    if typed != typed.lower() or found == typed:
        return new
    old_words, new_words = found.split(), new.split()
    if len(old_words) != len(new_words):
        old_words, new_words = found.split()[:1], [new]
    return " ".join(n[:1].upper() + n[1:] if o[:1].isupper() and n[:1].islower() else n
                    for o, n in zip(old_words, new_words, strict=False))


def names_for_pictures(instruction: str, tl: Timeline) -> tuple[list[O.Op], str] | None:
    """"label the photos Kitchen, Garden and View", "name the cats Whiskers and Luna", "每张照片配上名字：
    小白、小黑" as an edit: a caption each over the pictures in order, from the first (a picture's caption
    there gets the new words); and what is left of the instruction. None when it lists no names."""
    from reelforge.planner.labels import picture_labels

    found = picture_labels(instruction)
    main = tl.track(Role.MAIN)
    if found is None or main is None or not main.segments:
        return None
    shots = main.segments[:len(found.names)]
    own = {s.shot: s for t in tl.tracks if t.role is Role.CAPTION for s in t.segments if s.shot}
    ops: list[O.Op] = []
    for k, (shot, name) in enumerate(zip(shots, found.names, strict=False)):
        if shot.id in own:
            ops.append(O.UpdateText(target=O.Target(role=Role.CAPTION, id=own[shot.id].id), text=name))
        else:
            ops.append(O.AddText(text=name, role=Role.CAPTION.value, shot=O.Target(index=k)))  # type: ignore[arg-type]
    a, b = found.span
    return ops, instruction[:a] + " " + instruction[b:]


# "swap the captions", "the labels are the wrong way round", "字幕对调": two pictures' names change places
_RX_SWAP_TEXTS = re.compile(
    r"\b(?:swap|switch|exchange|flip|reverse)\s+(?:the\s+)?(?:two\s+)?(?:captions|labels|names)\b|"
    r"\b(?:captions|labels|names)\s+(?:are\s+)?(?:the\s+)?wrong\s+way\s+(?:round|around)\b|"
    r"(?:交换|互换|对调|调换)\s*(?:两个|一下)?\s*(?:字幕|标签|名字)|(?:字幕|标签|名字)\s*(?:交换|互换|对调|调换|反了|换一下)")


def _h_swap_texts(c: _Ctx) -> list[O.Op] | None:
    """"swap the captions" with two pictures captioned ("Before" / "After" the wrong way round): the
    two captions trade words, the pictures stay (swapping the pictures takes their captions along)."""
    if not _RX_SWAP_TEXTS.search(c.t):
        return None
    caps = [s for _, s in c.text_segs(Role.CAPTION) if s.shot]
    if len(caps) != 2:
        are = "is 1 caption" if len(caps) == 1 else f"are {len(caps)} captions"
        raise _Cannot(f"there {are} on pictures, not two: say which words go where, e.g. "
                      "\"change 'Before' to 'After'\"" if not c.zh else f"图片上有{len(caps)}条字幕，不是两条：请说要改哪条")
    a, b = caps
    return [O.UpdateText(target=O.Target(role=Role.CAPTION, id=a.id), text=b.text),
            O.UpdateText(target=O.Target(role=Role.CAPTION, id=b.id), text=a.text)]


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
    if not words or len(plain) > 8 or styling(words) or re.search(r"\.\w{2,4}\b|\d+\s*(?:s|sec|seconds?|%)\b", words.lower()):
        return None
    if role is Role.CTA:
        if not looks_cta(words):
            return None
        words = capitalised(words)
    else:
        # words typed in capitals are words to show ("make the title Drop Zone"), even planner words
        # "use drop zone as the title": words, though "drop" is a planner's word
        capitals = all(w[:1].isupper() for w in words.split() if w[:1].isalpha())
        used = m.group("x2") is not None and re.match(r"\s*(?:please\s+)?(?:use|put|set|make)\s", c.raw, re.I) is not None
        if ((not capitals and re.search(rf"\b{_PLANNER_NOUNS}\b|\b(?:lines?|rows?|words?|letters?|characters?|caps|same|different)\b",
                                        words.lower()))
                or (not (capitals or used) and any(known(w) for w in plain))
                or _comparative(plain[0]) or (len(plain) == 1 and words == words.lower())):
            return None  # "make the title fancier", "make the title two lines", "make the title pop out"
        words = title_case(words) if words == words.lower() else words
    existing = c.text_segs(role)
    if not existing:
        timing = O.Timing(duration_ms=3000) if role is Role.TITLE else O.Timing(duration_ms=3000, anchor="end")
        return [O.AddText(text=words, role=role.value, timing=timing)]  # type: ignore[arg-type]
    return [O.UpdateText(target=text_target(c, role), text=words)]


_RX_TRANSLATE = re.compile(r"\btranslat\w*\b|(?:字幕|标题|文字|文案|行动号召).{0,4}(?:改成|翻译成|翻成|换成|变成)(?:英文|中文|英语|汉语|日文|日语|韩文|韩语)|"
                           r"\b(?:captions?|subtitles?|titles?|texts?)\s+(?:to|into)\s+(?:english|chinese|spanish|french|german|japanese|korean)\b")


def _h_translate(c: _Ctx) -> list[O.Op] | None:
    """"translate the captions to English", "把字幕改成英文": said plainly (it asked "which text?")."""
    if not _RX_TRANSLATE.search(c.t):
        return None
    raise _Cannot("文字不会自动翻译；可以逐条改，例如“把Coffee字幕改成「咖啡」”；用旁白生成的字幕是旁白所说的语言" if c.zh else
                  "text is not translated automatically: change each one's words, e.g. \"change the caption 'Coffee' to "
                  "'Kaffee'\"; captions made from a voiceover are in the language it speaks")
