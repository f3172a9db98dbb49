"""A fact on screen corrected as people type it, said as the change it asks for (pure).

"doors at 8pm instead", "oops it's Dec 13 not Dec 12", "price is $50 now", "make it 6 spots left",
"it's at The Jazz Cellar now", "move it to saturday", "地址写错了，是解放路99号", "改成7折": none of
these was understood, though "change the doors to 8pm" was. A user who sees a wrong date tells the
tool what is right, the way they would tell a colleague. `as_change` says it the way the rules read
it; it is tried only when the clause as said was not understood (`rules._run`), and only names a
kind of fact that a text on screen holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reelforge.planner.ending import MONTH, capitalise_dates, capitalised
from reelforge.planner.numerals import parse_number
from reelforge.planner.text_kinds import (
    CLOCK_RANGE,
    KIND_WORD_EN,
    KIND_WORD_ZH,
    holds,
    kind_called,
    part_of,
    same_shape,
    words_of,
)
from reelforge.planner.when import when_at

_CJK = re.compile(r"[\u4e00-\u9fff]")
# words a correction calls a fact by beside `text_kinds`' ("make the cover $15", "the sale is 25% now")
_MORE_KINDS = {"cover": "price", "cover charge": "price", "entry fee": "price", "admission": "price",
               "ticket price": "price", "pay": "price", "wage": "price", "salary": "price", "rate": "price",
               "reward": "prize", "sale": "offer", "deal": "offer", "promo": "offer", "time": "when", "times": "when"}
_KIND_WORD = "|".join(sorted([KIND_WORD_EN, *(w.replace(" ", r"\s+") for w in _MORE_KINDS)], key=len, reverse=True))
# what people put around a correction: "oops", "actually", "sorry", "… instead", "… now please"
_HEAD = re.compile(r"(?i)^(?:(?:oops|whoops|oh|ah|ugh|hmm+|actually|sorry|wait|correction|update|fyi|btw|my\s+bad|"
                   r"ok(?:ay)?|so|also|and|then|we(?:'re|\s+are|'ve|\s+have)?|small\s+fix|quick\s+fix|one\s+more\s+thing|pls|plz|please|"
                   r"(?:can|could)\s+(?:you|we)(?:\s+(?:please|pls))?|(?:a\s+)?(?:typo|mistake|error)\s+in\s+the\s+\w+(?:\s+\w+)?"
                   r"(?=\s*[,:;-]))\b|"
                   # "no, April 26", "no April 26" (not "no cover")
                   r"(?:no|nope|nah)(?=\s*[,.!:;-]|\s+(?:it'?s\b|make\b|\d|\$|(?-i:[A-Z]))))[\s,.:;!-]*")
_TAIL = re.compile(r"(?i)(?:[\s,]+(?:now|instead|please|pls|plz|thanks|thank\s+you|thx|sorry|lol|then|this\s+time|"
                   r"after\s+all|actually))+[\s.!]*$|[\s.!]+$")
_HEAD_ZH = re.compile(r"^(?:哦|噢|啊|哎呀|哎|不好意思|抱歉|对不起|更正一下|更正|纠正一下|改一下|另外)[，,！!。\s]*")
_TAIL_ZH = re.compile(r"(?:吧|哈|啦|呀)?[。！!]*$")

_NOT = re.compile(  # "it's Dec 13 not Dec 12", "make it $10 entry instead of no cover"
    r"(?i)^(?:(?:it'?s|it\s+is|its|that'?s|should\s+be|it\s+should\s+(?:be|say|read)|make\s+it|change\s+it\s+to|"
    r"use|say|put|write)\s+)?(?P<x>.+?)\s*,?\s+(?:and\s+)?(?:not|instead\s+of|rather\s+than|in\s+place\s+of)\s+(?P<y>.+)$")
_NOT_FIRST = re.compile(r"(?i)^(?:it'?s\s+|its\s+|it\s+is\s+)?not\s+(?P<y>.+?)\s*(?:,|;|-|\bbut\b)\s*(?:it'?s\s+|its\s+)?(?P<x>.+)$")
_CHANGED_TO = (r"(?:(?:has|have|was|is)\s+(?:been\s+)?)?(?:changed|moved|dropped|reduced|lowered|raised|increased|cut|"
               r"marked\s+down|bumped|pushed|extended|gone\s+(?:up|down)|went\s+(?:up|down)|down|up)\s+to")
_LINK = (rf"(?:(?:is|are|'s|was|were|will\s+be|should\s+be|needs\s+to\s+be|must\s+be|{_CHANGED_TO})\s+)?(?:(?:wrong|incorrect|off|a\s+typo|not\s+right)\s*[,;.:-]*\s*(?:it\s+)?(?:should|must|needs\s+to)\s+"
         r"(?:be|say|read)\s+)?(?:(?:changed|updated|new)\s*)?(?::\s*)?(?:open(?:s|ing)?\s+)?(?:at\s+)?")
# "wrong address, it's 24 Baker St", "the number is wrong - 555-0199": what was wrong, then what is right
_WRONG_THEN = re.compile(
    rf"(?i)^(?:(?:the\s+|a\s+)?(?:wrong|incorrect|old)\s+(?P<k>{_KIND_WORD})|(?:i\s+)?(?:spelled|spelt|misspelled|got|typed|wrote|put)\s+"
    rf"the\s+(?P<k3>{_KIND_WORD})\s+(?:wrong|incorrectly)|(?:fix|correct|update)\s+the\s+(?P<k4>{_KIND_WORD})(?:\s+(?:time|date))?|(?:the\s+)?(?P<k2>{_KIND_WORD})\s+(?:is|was|'s)\s+"
    r"(?:wrong|incorrect|off|outdated|old))\s*[,;:.!—–-]*\s+(?:(?:it'?s|its|it\s+is|should\s+be|it\s+should\s+be|"
    r"the\s+right\s+one\s+is|use|to)\s+)?(?P<v>.+)$")
# "new number: 555-0199", "updated website - sweetcrumbbakery.com": that fact's new words (`new_value_said`)
_NEW_KIND = re.compile(rf"(?i)^\s*(?:the\s+)?(?:new|updated|correct|right|actual)\s+(?P<k>{_KIND_WORD})\s*(?:[:=-]|\bis\b)\s*(?P<v>\S.*)$")
_ZH_HOURS = re.compile(r"^(?:营业时间|时间|营业)(?:改成|改为|换成|调整为|是|为)(?P<v>\d{1,2}[:：]\d\d\s*(?:-|–|~|～|至|到)\s*\d{1,2}[:：]\d\d)$")
_ZH_CLOSES = re.compile(r"^(?P<p>上午|下午|晚上|中午|早上|凌晨)?(?P<h>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:点|[:：](?P<m>\d\d))(?P<half>半)?"
                        r"(?:关门|打烊|结束营业|关店|下班|结束)了?$")
_ZH_OFFER_WORDS = r"[\d一二三四五六七八九](?:\.\d)?折|半价|免费|买一送一"
_ZH_OFFER = re.compile(rf"^把?(?P<s>[\u4e00-\u9fff\w]{{1,8}}?)(?:改成|改为|换成|变成)(?P<v>{_ZH_OFFER_WORDS})$")
# "Dec 12 -> Dec 13", "$45 => $50", "7折→6折": the old words, then the new (they were written on screen)
_ARROW = re.compile(r"^(?P<y>[^>→⇒➡]+?)\s*(?:->|→|=>|⇒|➡|>>)\s*(?P<x>[^>→⇒➡]+)$")
# "workshop moved from friday to saturday", "change it from friday to saturday"
_FROM_TO = re.compile(r"(?i)^(?:.{0,40}?\b)?from\s+(?P<y>.+?)\s+to\s+(?P<x>.+)$")
_NO_LONGER = re.compile(r"(?i)^(?:the\s+)?(?P<s>[\w' -]{2,30}?)\s+(?:is\s+not|isn'?t|is\s+no\s+longer|are\s+not|aren'?t|"
                        r"are\s+no\s+longer)\s+(?P<a>[\w-]{2,20})(?:\s+(?:anymore|any\s+more))?$")
_MAKE_KIND = re.compile(rf"(?i)^(?:make|set)\s+the\s+(?P<k>{_KIND_WORD})\s+(?P<v>[^\s].*)$")
_SAY = re.compile(r"(?i)^(?:say|put|write|show)\s+(?P<v>[^\x00]+)$")
_NO_KIND = re.compile(rf"(?i)^(?:no|without(?:\s+the)?|lose\s+the|skip\s+the)\s+(?:more\s+)?(?P<k>{_KIND_WORD})$")
_KIND_VALUE = re.compile(rf"(?i)^(?:the\s+|my\s+|our\s+|your\s+)?(?:(?!not\b|no\b)[a-z]+\s+)?(?P<k>{_KIND_WORD})\s*{_LINK}(?P<v>.+)$")
_VERB_KIND = re.compile(  # "bump the price to $50", "swap the venue to The Jazz Cellar"
    rf"(?i)^(?:swap|switch|update|set|bump|raise|lower|drop|move|push|make|put|fix|correct|adjust|reduce|increase|"
    rf"cut|edit)\s+(?:the\s+)?(?P<k>{_KIND_WORD})\s+(?:up\s+|down\s+|back\s+|over\s+)?to\s+(?P<v>.+)$")
_MOVE_EVENT = re.compile(  # "move it to saturday", "push the party to Dec 20", "extend it to monday"
    r"(?i)^(?:(?:move|push|shift|reschedule|postpone|bring|extend|change)(?:d|ed)?)\s+(?:it|everything|the\s+(?:event|show|party|gig|workshop|class|"
    r"sale|opening|launch|meetup|session|concert|date|day))(?:\s+(?:back|forward|up))?\s+to\s+(?P<v>.+)$")
_VALUE = re.compile(rf"(?i)^(?:(?:make\s+it|it'?s|it\s+is|its|we'?re|we\s+are|there\s+are|there'?s|now|only|just|"
                    rf"should\s+be|it\s+should\s+be|(?:it\s+)?{_CHANGED_TO}|(?:it\s+)?(?:ends|ending|runs\s+(?:until|till|through)|"
                    rf"until|till|thru|through|starts|starting|opens|closes))\s+)*(?P<v>.+)$")
# "open house is saturday now": a text named by its words, then a new value of a kind it holds
_NAMED_IS = re.compile(r"(?i)^(?:the\s+)?(?P<s>[\w' -]{3,40}?)\s+(?:is|are|'s|will\s+be)\s+(?:now\s+)?(?:on\s+|at\s+)?(?P<v>.+)$")

_ZH_WRONG = re.compile(rf"^{KIND_WORD_ZH}(?:写错了|弄错了|搞错了|错了|不对|有误)[，,。\s]*(?:应该|正确的|其实|实际)?"
                       r"(?:是|为|改成)?(?P<v>.+)$")
_ZH_IS = re.compile(rf"^{KIND_WORD_ZH}(?:现在|已经|其实|应该)?(?:是|为|变成|变为|只剩下?|还剩下?|剩下?|只有)(?P<v>.+?)了?$")
# "extend it to Aug 22", "runs until Aug 22", "活动延长到1月31日": the end of a run of days
_EXTEND = re.compile(r"(?i)^(?:(?:extend(?:ed)?|push(?:ed)?)\s+(?:it|the\s+\w+)\s+(?:to|until|till|through)|"
                     r"(?:it\s+)?(?:runs?|goes|lasts)\s+(?:until|till|through|thru|to)|(?:it\s+)?(?:now\s+)?ends?(?:\s+on)?|"
                     r"(?:now\s+)?(?:until|till|through|thru))\s+(?P<v>.+)$")
# "we're open till 3 now", "we close at 6": the end of the hours shown
_CLOSES = re.compile(r"(?i)^(?:(?:we'?re|we\s+are|it'?s|we'?ll\s+be)\s+)?(?:open\s+(?:till|until|to)|clos(?:e|es|ing)\s+(?:at\s+)?)\s*"
                     r"(?P<v>\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)$")
_HOURS = re.compile(r"(?i)\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:-|–|to)\s*(?P<end>\d{1,2}(?::\d\d)?\s*(?P<half>[ap])\.?m\.?)")
_EXTEND_ZH = re.compile(r"^(?:活动|时间|日期)?(?:延长到|延期到|延到|截止到|截至|持续到|到)(?P<v>.+?)(?:为止|截止|结束)?了?$")
_RUN_END = re.compile(rf"(?i)(?:{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?)\s*(?:-|–|to|through|thru|until)\s*"
                      rf"(?P<b>(?:{MONTH}\s*)?\d{{1,2}}(?:st|nd|rd|th)?)\b|"
                      r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:到|至|-|—|~|～)\s*(?P<z>(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])")
_A_DATE = re.compile(rf"(?i)(?:{MONTH}\s*)?\d{{1,2}}(?:st|nd|rd|th)?|(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*[日号]")
_ZH_LABEL = re.compile(rf"^{KIND_WORD_ZH}\s*[:：]\s*(?P<v>\S.*)$")
_ZH_FROM = re.compile(r"^(?:从(?P<y>.+?)(?:改成|改为|换成|改到|变成|到)|(?P<y2>[^改]+?)改(?!成|为|到))(?P<x>.+)$")
_CLOCK_SAID = re.compile(r"(?i)(?:make\s+it\s+|change\s+it\s+to\s+|it'?s\s+|at\s+)?(?P<v>\d{1,2}:\d\d)")
_ZH_IS_NOT = re.compile(rf"^(?:{KIND_WORD_ZH})?(?:应该)?是?(?P<x>[^，,]+?)[，,\s]*(?:而)?不是(?P<y>.+?)[。！!]?$")
_ZH_NOT = re.compile(r"^(?:应该|其实|实际上)?是(?P<x>.+?)[，,\s]*(?:而)?不是(?P<y>.+)$|^不是(?P<y2>.+?)[，,\s]*(?:而)?是(?P<x2>.+)$")
_ZH_VALUE = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?(?:改成|改为|换成|改到|挪到|换到|调到|调整为|涨到|涨价到|降到|降价到|变成|延长到|延到|延期到)|"
                       r"改成|改为|换成|应该是|其实是|是|改打|打|改到|挪到|换到|推迟到|提前到|搬到|搬去|迁到)(?P<v>.+?)了?$")
_ZH_LEFT = re.compile(r"^(?:现在)?(?:只剩下?|仅剩下?|还剩下?|剩下?)(?P<v>\d{1,4})\s*(?:个|名|位)?(?:名额|位置|席位|人)?了?$")  # "只剩10个名额了"
_ZH_EACH = re.compile(r"^(?:每位|每人|一位|单价|现价|价格|售价)\s*[:：]?\s*(?P<v>\d+(?:\.\d+)?)\s*(?:元|块)?$")  # "每位198", "价格198"

# the kind a value is said as ("$10 entry": the price), in the order a value is read
_VALUE_KINDS = ("web", "mail", "phone", "code", "spots", "ages", "price", "offer", "when", "place", "venue")
_SAID_EN = {"when": "date", "price": "price", "web": "website", "place": "address", "phone": "phone number",
            "mail": "email", "offer": "discount", "spots": "spots", "ages": "ages", "venue": "venue", "code": "code",
            "prize": "prize"}
_SAID_ZH = {"when": "日期", "price": "价格", "web": "网址", "place": "地址", "phone": "电话", "mail": "邮箱",
            "offer": "折扣", "spots": "名额", "venue": "场地"}


def as_change(piece: str, texts: Sequence[str], titles: Sequence[str] = ()) -> str | None:
    """``piece`` (quotes masked as \\x00N\\x00) said as the change it asks for, when it corrects a
    fact that one of ``texts`` (the words on screen, ``titles`` apart) holds; else None.

    >>> as_change("doors at 8pm instead", ["Doors 7pm · No cover"])
    'change the doors to 8pm'
    >>> as_change("oops it's Dec 13 not Dec 12", ["See you on Dec 12"])
    'change Dec 12 to Dec 13'
    >>> as_change("make it 20 seconds instead", ["Doors 7pm"]) is None
    True
    """
    if len(piece) > 400:  # no correction is longer (`rules.MAX_CLAUSE`)
        return None
    if _CJK.search(piece) and ((said := _as_change_zh(piece, [*texts, *titles])) is not None
                               or not re.search(r"[A-Za-z]{2,}", piece)):
        return said  # (Latin words around it are read in English: "oops it's 3月2日 not 3月1日")
    t = _TAIL.sub("", _HEAD.sub("", " ".join(piece.split())))
    shown = " \n ".join([*texts, *titles]).casefold()
    if m := _NOT.match(t) or _NOT_FIRST.match(t):  # what it is not must be on screen
        return _not_that(m.group("x").strip(), m.group("y").strip(), shown)
    if (m := _FROM_TO.match(t)) and (said := _not_that(m.group("x").strip(), m.group("y").strip(), shown)):
        return said
    if (m := _NO_KIND.match(t)) and _on_screen(_kind_of_word(m.group("k")) or "", texts):
        return f"remove the {m.group('k')}"  # "no address please"
    if (m := _WRONG_THEN.match(t)) and (k := m.group("k") or m.group("k2") or m.group("k3") or m.group("k4")) \
            and (kind := _kind_of_word(k)) \
            and _fits(kind, v := m.group("v").strip()) and _on_screen(kind, texts):
        return f"change the {_word_for(k, kind)} to {_clock_said(kind, v, texts)}"
    for rx in (_KIND_VALUE, _VERB_KIND):
        if (m := rx.match(t)) and (kind := _kind_of_word(m.group("k"))) and _fits(kind, v := m.group("v").strip()) \
                and _on_screen(kind, texts):
            v = _clock_said(kind, _said_value(kind, v), texts)
            return _when_change(v, texts) if kind == "when" else f"change the {_word_for(m.group('k'), kind)} to {v}"
    if (m := _CLOSES.match(t)) and (said := _hours_end(m.group("v"), texts)):
        return said
    if (m := _EXTEND.match(t)) and (said := _run_extended(m.group("v"), texts)):
        return said
    if (m := _MOVE_EVENT.match(t)) and _fits("when", v := m.group("v").strip()) and _on_screen("when", texts):
        return _when_change(v, texts)
    if said := _same_unit(t, texts):
        return said
    if said := _restated(t, [*texts, *titles]):
        return said
    if (m := _NAMED_IS.match(t)) and (said := _named_then_value(m.group("s"), m.group("v").strip(), texts)):
        return said
    if (m := _VALUE.match(t)) and (kind := _kind_of_value(v := m.group("v").strip(), [*texts, *titles])):
        v = re.sub(r"(?i)^(?:at|on)\s+", "", v) if kind in ("venue", "when") else _said_value(kind, v)
        return _when_change(v, texts) if kind == "when" else f"change the {_SAID_EN[kind]} to {v}"
    return None


# the shapes a fact's words take, to find the new words in a longer clause ("it ends at 2pm not 1pm": 2pm)
_SHAPES = (re.compile(r"(?i)\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b\.?"), re.compile(r"[$€£¥]\s?\d[\d,]*(?:\.\d\d)?[kKmM]?"),
           re.compile(r"\b\d{1,3}\s*%"), re.compile(r"(?i)\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b(?:/[\w/.-]*)?"),
           re.compile(rf"(?i)\b{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}"),
           re.compile(r"\b\d[\d,.]*\b"))


def _in_shape_of(old: str, said: str) -> str:
    """The words of ``said`` shaped like ``old`` when ``old`` is one such value and ``said`` says more
    around one ("and it ends at 2pm" for "1pm": "2pm"); ``said`` as it is otherwise."""
    for rx in _SHAPES:
        if rx.fullmatch(old):
            found = rx.findall(said)
            return found[-1] if len(found) == 1 and found[0] != said else said
    return said


# a clause that asks for something is no value ("remove free parking", "add the price")
_ASKS = re.compile(r"(?i)(?:remove|delete|drop|add|put|show|hide|make|move|change|replace|swap|use|set|turn|take|get|"
                   r"lose|cut|keep|give|bring)\b")
_FILLER = frozenset("actually really just only now for the a an is are it its it's about around like maybe so ok okay "
                    "then still also".split())


def _said_value(kind: str, value: str) -> str:
    """``value`` without the words around its fact that say nothing ("actually for ages 7 to 12": "7 to
    12"); as it is when they say something ("$10 entry", "call Dana at 555-0177")."""
    part = part_of(kind, value)
    if not part or part == value:
        return value
    rest = value.replace(part, " ", 1).casefold().split()
    return part if all(w.strip(",.") in _FILLER or _kind_of_word(w) == kind for w in rest) else value


def _hours_end(new: str, texts: Sequence[str]) -> str | None:
    """A new closing time for the one run of hours on screen ("open till 3" on "8am-2pm": 3pm)."""
    ends = [m for text in texts for m in _HOURS.finditer(text)]
    if len(ends) != 1:
        return None
    end = ends[0]
    said = new.strip() if re.search(r"(?i)[ap]\.?m", new) else f"{new.strip()}{end.group('half').lower()}m"
    return f"change {end.group('end')} to {said}"


def _closing_zh(m: re.Match[str], texts: Sequence[str]) -> str | None:
    """A Chinese closing time as the end of the one run of hours shown on a 24-hour clock."""
    runs = [r for x in texts for r in CLOCK_RANGE.finditer(x)]
    hour = parse_number(m.group("h"))
    if len(runs) != 1 or hour is None:
        return None
    hour = int(hour) + (12 if m.group("p") in ("下午", "晚上") and hour < 12 else 0)
    minute = "30" if m.group("half") else m.group("m") or "00"
    end = re.split(r"\s*(?:-|–|~|～|至|到)\s*", runs[0].group(0))[-1]
    return f"把{runs[0].group(0)}改成{runs[0].group(0)[:len(runs[0].group(0)) - len(end)]}{hour}:{minute}"


def _offer_zh(subject: str, new: str, texts: Sequence[str]) -> str | None:
    """"第二杯改成8折" on "第二杯半价": the offer's words right after ``subject`` in the one text saying
    them, said anew ("把第二杯半价改成第二杯8折"); else None."""
    said = [m for x in texts if (m := re.search(rf"{re.escape(subject)}(?P<o>{_ZH_OFFER_WORDS})", x))]
    if len(said) != 1 or said[0].group("o") == new:
        return None
    return f"把{said[0].group(0)}改成{subject}{new}"


def _fact_gone(subject: str, said: str, texts: Sequence[str]) -> str | None:
    """The one part of a text that says ``subject`` is ``said`` ("Free parking" for "parking isn't free
    anymore"), as its removal; else None."""
    def has(words: str, part: str) -> bool:
        return re.search(rf"(?i)(?<!\w){re.escape(words)}(?!\w)", part) is not None

    parts = {p for text in texts for p in text.split(" · ") if has(subject, p) and has(said, p)}
    return f"remove {parts.pop()}" if len(parts) == 1 else None


def _run_extended(new: str, texts: Sequence[str], *, zh: bool = False) -> str | None:
    """A new last day for the one run of days on screen ("extend it to Aug 22" on "July 7 - Aug 15"),
    said as the change of its end; None when no single run of days is shown or ``new`` is no date."""
    if not _A_DATE.fullmatch(new.strip()):
        return None
    ends = [m.group("b") or m.group("z") for text in texts for m in _RUN_END.finditer(text)]
    if len(ends) != 1:
        return None
    return f"把{ends[0]}改成{new.strip()}" if zh else f"change {ends[0]} to {capitalise_dates(new.strip())}"


def _not_that(x: str, y: str, shown: str) -> str | None:
    """"X not Y" as the change of Y, which is on screen (``shown``, case-folded), to X; else None."""
    if (n := re.fullmatch(r"\d[\d,.]*", y)) and (more := re.fullmatch(r"\d[\d,.]*(\s+\w+)", x)) \
            and (y + more.group(1)).casefold() in shown:
        y = n.group(0) + more.group(1)  # "it's 4 bed not 3" on "3 Bed · 2 Bath": "3 bed"
    if re.fullmatch(r"\d{1,2}(?::\d\d)?", y) and (half := re.search(rf"(?i)\b{re.escape(y)}\s*([ap]m)\b", shown)) \
            and re.fullmatch(r"\d{1,2}(?::\d\d)?", x):
        y, x = y + half.group(1), x + half.group(1)  # "its 7:30 not 7" on "Doors 7pm": 7pm to 7:30pm
    if not y.startswith("\x00") and re.fullmatch(r"\.?[A-Za-z0-9-]+", y) and not re.search(rf"(?<![\w.]){re.escape(y.casefold())}(?![\w])", shown):
        tokens = {w for w in re.findall(r"[\w.-]*\w", shown) if y.casefold() in w}
        y = tokens.pop() if len(tokens) == 1 else y  # "sweetcrumb.co not .com": the address ending so
    if not (y.startswith("\x00") or y.casefold() in shown):
        return None
    x = _in_shape_of(y, x)
    if (lead := re.match(r"(?i)(with|at|by|on|in|from|for)\s+", x)) and f"{lead.group(1)} {y}".casefold() in shown:
        x = x[lead.end():]  # "it's with Maya Chen not Dr. Lena Ortiz" on "With Dr. Lena Ortiz": one "with"
    return f"把{y}改成{x}" if _CJK.search(y + x) else f"change {y} to {x}"  # (a Chinese text's words, said so)


def _near_clock(new: str, texts: Sequence[str]) -> str | None:
    """A bare "7:30" as the one clock time on screen said anew, when it is within three hours of it
    ("Doors 7pm": 7:30pm); None otherwise (then "make it 1:30" is the video's length, as before)."""
    clocks = {m.group(0) for x in texts for m in re.finditer(r"(?i)\b(?P<h>\d{1,2})(?::\d\d)?\s*(?P<half>[ap])\.?m\b", x)}
    if len(clocks) != 1:
        return None
    old = clocks.pop()
    old_hour = int(re.match(r"\d+", old).group(0))  # type: ignore[union-attr]
    if abs(int(new.split(":")[0]) - old_hour) > 3:
        return None
    return f"change {old} to {new}{re.search(r'(?i)[ap]', old).group(0).lower()}m"  # type: ignore[union-attr]


def _not_that_zh(x: str, y: str, shown: str) -> str | None:
    """"是X，不是Y" with Y on screen: "把Y改成X", X cut to Y's shape ("解放路99号" for "88号": "99号")."""
    if not y or y not in shown or x == y:
        return None
    if re.search(r"\d", y) and (same := re.search(re.sub(r"\d+", lambda _: r"\d+", re.escape(y)), x)):
        x = same.group(0)
    return f"把{y}改成{x}"


def _when_change(new: str, texts: Sequence[str]) -> str:
    """A new day or time said as the words it replaces when one text (titles apart) holds such words:
    "ends Monday" on "Ends Sunday · …" under the title "Black Friday" is "change Sunday to Monday"."""
    olds = {old for text in texts for part in text.split(" · ") if (old := same_shape(part, new))}
    if len(olds) != 1:
        return f"change the date to {new}"
    old = olds.pop()
    if (lead := re.match(r"(?i)(this|next|every)\s+", old)) and not re.match(r"(?i)(?:this|next|every)\s", new):
        old = old[lead.end():]  # "see you every Saturday", moved "to sundays": every Sunday
        new = re.sub(r"(?i)(day)s$", r"\1", new) if lead.group(1).lower() == "every" else new
    return f"change {old} to {capitalise_dates(new)}"


_COUNT_P = r"(?:(?:over|about|around|only|just)\s+)?(?P<n>\d[\d,]*\+?)\s+(?P<unit>[a-z]{3,12})"
_COUNT = re.compile(_COUNT_P, re.I)
_COUNT_SAID = re.compile(rf"(?:make\s+it\s+|it'?s\s+|now\s+|there\s+are\s+)?{_COUNT_P}", re.I)


def _same_unit(said: str, texts: Sequence[str]) -> str | None:
    """A count said anew in the unit a text counts in ("make it 8 weeks" on "6 weeks", "over 60 vendors
    now" on "50+ vendors"): the change of that count; else None."""
    m = _COUNT_SAID.fullmatch(said)
    if m is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    olds = {(text[o.start("n"):o.end()], text[:o.start("n")].rstrip().rsplit(" ", 1)[-1].casefold())
            for text in texts for o in _COUNT.finditer(text) if o.group("unit").lower().rstrip("s") == unit}
    if len(olds) != 1:
        return None
    (old, before), new = olds.pop(), re.sub(r"(?i)^(?:make\s+it|it'?s|now|there\s+are)\s+", "", said.strip())
    if new.split(" ", 1)[0].casefold() == before:
        new = new.split(" ", 1)[1]  # "only 6 spots" on "Only 12 spots left": one "only"
    leads = before in ("", "·")
    return f"change {old} to {capitalised(new) if leads else new}"  # ("Over 60 vendors" opens its line)


_PRONOUN_IS = re.compile(r"(?i)^(?:(?:he|she|they|it|we|i)\s+(?:was|were|is|are|am|'s|'re|'m)\s+|it'?s\s+|its\s+)")
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*|&)(?:\s+(?:[A-Z][\w'’.-]*|&|of|the|de|la))*")


def _restated(said: str, texts: Sequence[str]) -> str | None:
    """A text restated with its name changed ("he was last seen near Oak Park" on "Last seen near Elm
    Park on Nov 3", "it's Anna & Benjamin" on "Anna & Ben"): the change of that name; else None."""
    t = _PRONOUN_IS.sub("", said)
    words = t.split()
    found = []
    for part in (p for text in texts for p in text.split(" · ")):
        shown = part.split()
        n = 0
        while n < min(len(words), len(shown)) and words[n].casefold() == shown[n].casefold():
            n += 1
        if n < 2 or n == len(words) or not _NAME_RUN.fullmatch(new := " ".join(words[n:])):
            continue
        if (old := _NAME_RUN.match(" ".join(shown[n:]))) and old.group(0) and old.group(0) != new:
            found.append((old.group(0).strip(), new))
    return f"change {found[0][0]} to {found[0][1]}" if len(found) == 1 else None


def _named_then_value(subject: str, value: str, texts: Sequence[str]) -> str | None:
    """"open house is saturday now" on "Open house Sunday 1-4pm · …": the one part that starts with the
    words named, its words of the value's kind said anew ("change Sunday to saturday")."""
    named = re.compile(rf"(?i)(?<!\w){re.escape(subject)}(?!\w)")  # ("latte is $5.95 now" on "Try our pumpkin latte $5.50")
    parts = [p for text in texts for p in text.split(" · ") if named.search(p) and not named.fullmatch(p)]
    if len(parts) != 1 or (kind := _kind_of_value(value, [parts[0]])) is None:
        return None
    old = _old_words(kind, parts[0], value)
    return f"change {old} to {capitalise_dates(value)}" if old and old.casefold() != value.casefold() else None


def _old_words(kind: str, text: str, new: str) -> str | None:
    """The words of ``kind`` in ``text`` that ``new`` stands for (a weekday for a weekday)."""
    return same_shape(text, new) or part_of(kind, text)


def said_first(text: str, texts: Sequence[str], titles: Sequence[str] = ()) -> str:
    """``text`` (a whole instruction) said as the change it asks for when it is a correction no rule
    should read otherwise: a fact's new words under a label ("new number: 555-0199" wrote "New number:
    555-0199" over the call), a fact said to be wrong ("spelled the venue wrong, it's Blue Moon Bar &
    Grill" turned the caption blue) or "X not Y" with Y on screen ("its 7:30 not 7" made the video
    7.5 minutes long); else as it is."""
    if len(text) > 400:  # no correction is longer (`rules.MAX_CLAUSE`)
        return text
    if m := _NEW_KIND.match(text):
        return f"change the {m.group('k')} to {m.group('v').strip()}"
    t = _TAIL.sub("", _HEAD.sub("", " ".join(text.split())))
    shown = " \n ".join([*texts, *titles]).casefold()
    if (m := _WRONG_THEN.match(t)) and (k := m.group("k") or m.group("k2") or m.group("k3") or m.group("k4")) \
            and (kind := _kind_of_word(k)) and _fits(kind, v := m.group("v").strip()):
        return f"change the {_word_for(k, kind)} to {v}"
    if (m := _ZH_HOURS.match(t)) and len(olds := {o.group(0) for x in texts for o in CLOCK_RANGE.finditer(x)}) == 1:
        return f"把{olds.pop()}改成{m.group('v')}"  # "营业时间改成9:00-21:00": no length of the video
    if (m := _ZH_CLOSES.match(t)) and (said := _closing_zh(m, texts)):
        return said  # "晚上11点关门" on "营业时间10:00-22:00": 23:00
    if (m := _ZH_OFFER.match(t)) and (said := _offer_zh(m.group("s"), m.group("v"), texts)):
        return said  # "第二杯改成8折" on "第二杯半价" wrote "8折半价"
    if (m := _NO_LONGER.match(t)) and (said := _fact_gone(m.group("s"), m.group("a"), [*texts, *titles])):
        return said  # "parking isn't free anymore" wrote "Parking isn't free anymore" over "Free parking"
    if (m := _MAKE_KIND.match(t)) and (kind := _kind_of_word(m.group("k"))) and (
            holds(kind, v := m.group("v").strip()) or part_of(kind, v) == v or kind == "offer" and _fits(kind, v)):
        return f"change the {_word_for(m.group('k'), kind)} to {v}"  # "make the cover $15" wrote "Make the cover $15" over "No cover"
    if (m := _SAY.match(t)) and (said := as_change(m.group("v"), texts, titles)) is not None:
        return said  # "can we say 9am-2pm instead" wrote "Say 9am-2pm" over the hours
    if (m := _ZH_IS_NOT.match(t)) and (said := _not_that_zh(m.group("x"), m.group("y"), shown)):
        return said  # "地址是解放路99号，不是88号" (its second half wrote "88号" over a caption)
    if (m := _CLOCK_SAID.fullmatch(t)) and (said := _near_clock(m.group("v"), texts)):
        return said  # "nah make it 7:30" beside "Doors 7pm" (it made the video 7.5 minutes long)
    if (m := _ARROW.match(t)) and (said := _not_that(m.group("x").strip(), m.group("y").strip(), shown)):
        return said
    if (m := _NOT.match(t) or _NOT_FIRST.match(t)) and not re.search(r"(?i)\b(?:and|then|also)\b", t):
        return _not_that(m.group("x").strip(), m.group("y").strip(), shown) or text
    return text


def _as_change_zh(piece: str, texts: Sequence[str]) -> str | None:
    t = _TAIL_ZH.sub("", _HEAD_ZH.sub("", piece.strip()))
    if (m := _ZH_LABEL.match(t)) and _on_screen(_kind_of_word(m.group("z")) or "", texts):
        return f"{m.group('z')}改成{m.group('v')}"  # "电话：13900139000"
    if (m := _ZH_FROM.match(t)) and (y := m.group("y") or m.group("y2")) and any(y in x for x in texts):
        return f"把{y}改成{m.group('x')}"  # "从7折改成6折", "3月1日改3月2日"
    for rx in (_ZH_WRONG, _ZH_IS):
        if (m := rx.match(t)) and _on_screen(_kind_of_word(m.group("z")) or "", texts):
            return f"{m.group('z')}改成{m.group('v')}"
    if m := _ZH_NOT.match(t):
        x, y = (m.group("x") or m.group("x2")).strip(), (m.group("y") or m.group("y2")).strip()
        if y and any(y in text for text in texts):
            return f"把{y}改成{x}"
    if (m := _EXTEND_ZH.match(t)) and (said := _run_extended(m.group("v"), texts, zh=True)):
        return said
    if (m := _ZH_LEFT.match(t)) and (parts := [p for x in texts for p in x.split(" · ") if holds("spots", p)]) \
            and len(parts) == 1:
        return f"名额改成{m.group('v')}个" if "剩" in parts[0] else f"把{parts[0]}改成仅剩{m.group('v')}个名额"
    if (m := _ZH_EACH.match(t)) and _on_screen("price", texts):
        return f"价格改成{m.group('v')}元"
    if (m := _ZH_VALUE.match(t)) and (kind := _kind_of_value(v := m.group("v").strip(), texts)) in _SAID_ZH:
        return f"{_SAID_ZH[kind]}改成{v}"
    if len(t) <= 12 and not re.search(r"[改换调变延推搬到成]", t) and (kind := _kind_of_value(t, texts)) in _SAID_ZH:
        return f"{_SAID_ZH[kind]}改成{t}"  # "3月9日！": the date alone
    return None


def _word_for(word: str, kind: str) -> str:
    """The word the rules call ``kind`` by, for a word only corrections read ("the sale": the discount)."""
    return _SAID_EN.get(kind, word) if " ".join(word.lower().split()) in _MORE_KINDS else word


def _kind_of_word(word: str) -> str | None:
    if (more := _MORE_KINDS.get(" ".join(word.lower().split()))) is not None:
        return more  # ("time changed to 2pm PST": a text's time, as a correction says it)
    return kind_called(f"the {word}" if word.isascii() else word)


def _on_screen(kind: str, texts: Sequence[str]) -> bool:
    return any(holds(kind, text) for text in texts)


def _clock_said(kind: str, value: str, texts: Sequence[str]) -> str:
    """A bare clock time ("7:30") with the am/pm of the time shown with ``kind`` ("Doors 7pm": 7:30pm), so
    that no rule reads it as seven and a half minutes; other values as they are."""
    if kind in ("doors", "when") and re.fullmatch(r"\d{1,2}(?::\d\d)?", value):
        for text in texts:
            if holds(kind, text) and (half := re.search(r"(?i)\d\s*([ap])\.?m\b", text)):
                return value + half.group(1).lower() + "m"
    return value


def _fits(kind: str, value: str) -> bool:
    """Whether ``value`` can be new words of ``kind`` (a bare hour for a time, a bare count for spots,
    a name for a venue or a guest)."""
    if "\x00" in value or holds(kind, value) or part_of(kind, value) == value:
        return True  # ("BF60" is a code as the code's words, though no word says "code")
    if kind in ("doors", "when"):
        return holds("when", value) or re.fullmatch(r"\d{1,2}(?::\d\d)?", value) is not None
    if kind in ("spots", "price", "prize"):
        return re.fullmatch(r"\d[\d,]*(?:\.\d\d)?", value) is not None  # ("price is 179": in its currency)
    if kind == "offer":
        return re.fullmatch(r"\d{1,2}\s*%", value) is not None  # ("the sale is 25% now")
    return kind in ("venue", "guest", "author", "place") and value[:1].isupper()


def _kind_of_value(value: str, texts: Sequence[str]) -> str | None:
    """The kind of fact ``value`` is ("6 spots left": spots) when a text on screen holds that kind."""
    if len(value) > 80 or "\x00" in value or _ASKS.match(value):
        return None  # ("remove free parking" is no new discount)
    probe = value if not value.lower().startswith("at ") else " " + value  # "at The Jazz Cellar": a venue
    if re.fullmatch(r"\d{1,2}\s*%", value) and _on_screen("offer", texts):
        return "offer"  # "35%" on "30% off all succulents": its discount
    for kind in _VALUE_KINDS:
        if holds(kind, probe) and _on_screen(kind, texts):
            return kind if _mostly(kind, probe, " ".join(texts).casefold()) else None
    return None


def _mostly(kind: str, value: str, shown: str = "") -> bool:
    """Whether ``value`` is mostly words of ``kind`` ("6 spots left", "$10 entry"; not "doors at 8pm",
    whose time is the doors')."""
    found = when_at(value) if kind == "when" else None
    if found is not None:
        a, b = found[1]
        words = value[a:b]
    else:
        words = part_of(kind, value) or words_of(kind, value) or ""
    rest = value.replace(words, " ", 1) if words else value
    rest = " ".join(w for w in rest.split() if not shown or w.casefold() not in shown)  # ("call Dana at 555-0177")
    other = [w for w in re.findall(rf"(?i)\b(?:{_KIND_WORD})\b", rest) if _kind_of_word(w) != kind]
    return len(rest.split()) <= 2 and not other and not re.search(r"(?i)\b(?:no|not|never|without)\b", rest)
