"""A fact on screen corrected as people type it, said as the change it asks for (pure).

"doors at 8pm instead", "oops it's Dec 13 not Dec 12", "price is $50 now", "make it 6 spots left",
"it's at The Jazz Cellar now", "move it to saturday", "地址写错了，是解放路99号", "改成7折": none of
these was understood, though "change the doors to 8pm" was. A user who sees a wrong date tells the
tool what is right, the way they would tell a colleague. `as_change` says it the way the rules read
it; it is tried only when the clause as said was not understood (`rules._run`), and only names a
kind of fact that a text on screen holds. The Chinese ones are `corrections_zh`'s; what a word or
a value names, `fact_values`'.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from reelforge.planner.day_dates import WEEKDAY_SAID, day_index, with_day_of_month
from reelforge.planner.ending import MONTH, capitalised
from reelforge.planner.parse import EMOJI
from reelforge.planner.rules.corrections_zh import (
    TAIL_ZH,
    as_change_zh,
    fact_not_shown_zh,
    said_first_zh,
)
from reelforge.planner.rules.fact_values import (
    KIND_WORD,
    SAID_EN,
    clock_said,
    fits,
    kind_of_value,
    kind_of_word,
    mostly,
    on_screen,
    run_extended,
    said_value,
    word_for,
)
from reelforge.planner.text_kinds import (
    HANDLE,
    dates_capitalised,
    day_moved,
    holds,
    part_of,
    same_shape,
)

_CJK = re.compile(r"[\u4e00-\u9fff]")
# what people put around a correction: "oops", "actually", "sorry", "… instead", "… now please"
_HEAD = re.compile(r"(?i)^(?:(?:oops|whoops|oh|ah|ugh|hmm+|actually|sorry|wait|correction|update|fyi|btw|my\s+bad|nvm|never\s*mind|"
                   r"ok(?:ay)?|so|also|and|then|we(?:'re|\s+are|'ve|\s+have)?|small\s+fix|quick\s+fix|one\s+more\s+thing|pls|plz|please|"
                   r"(?:can|could)\s+(?:you|we)(?:\s+(?:please|pls))?|(?:a\s+)?(?:typo|mistake|error)\s+in\s+the\s+\w+(?:\s+\w+)?"
                   r"(?=\s*[,:;-]))\b|"
                   # "no, April 26", "no April 26" (not "no cover")
                   r"(?:no|nope|nah)(?=\s*[,.!:;-]|\s+(?:it'?s\b|make\b|\d|\$|(?-i:[A-Z]))))[\s,.:;!-]*")
_TAIL = re.compile(r"(?i)(?:[\s,]+(?:now|instead|please|pls|plz|thanks|thank\s+you|thx|sorry|lol|then|this\s+time|"
                   r"after\s+all|actually|this\s+year|next\s+year|again|too|ugh|oops|my\s+bad|"
                   # "its 512-555-0196 not 0199 i typed it wrong!!"
                   r"(?:i|we)\s+(?:typed|wrote|put|spelled|spelt|got)\s+it\s+wrong|(?:that\s+was\s+|it\s+was\s+)?(?:a|my)\s+typo))+[\s.!]*$|"
                   r"[\s.!]+$")
_NOT = re.compile(  # "it's Dec 13 not Dec 12", "make it $10 entry instead of no cover"
    r"(?i)^(?:(?:it'?s|it\s+is|its|that'?s|should\s+be|it\s+should\s+(?:be|say|read)|make\s+it|change\s+it\s+to|"
    r"use|say|put|write|add|show)\s+)?(?P<x>.+?)\s*,?\s+(?:and\s+)?(?:not|instead\s+of|rather\s+than|in\s+place\s+of)\s+(?P<y>.+)$")
_NOT_FIRST = re.compile(r"(?i)^(?:it'?s\s+|its\s+|it\s+is\s+)?not\s+(?P<y>.+?)\s*(?:,|;|-|\bbut\b)\s*(?:it'?s\s+|its\s+)?(?P<x>.+)$")
_CHANGED_TO = (r"(?:(?:has|have|was|is)\s+(?:been\s+)?)?(?:changed|moved|dropped|reduced|lowered|raised|increased|cut|"
               r"marked\s+down|bumped|pushed|extended|gone\s+(?:up|down)|went\s+(?:up|down)|down|up)\s+to")
_LINK = (rf"(?:(?:is|are|'s|was|were|will\s+be|should\s+be|needs\s+to\s+be|must\s+be|{_CHANGED_TO}|"
         r"(?:went|has\s+gone|have\s+gone|is|are|'s)\s+(?:up|down)\s*[,:;-])\s+)?(?:(?:wrong|incorrect|off|a\s+typo|not\s+right)\s*[,;.:-]*\s*(?:it\s+)?(?:should|must|needs\s+to)\s+"
         r"(?:be|say|read)\s+)?(?:(?:changed|updated|new)\s*)?(?::\s*)?(?:open(?:s|ing)?\s+)?(?:at\s+)?")
# "wrong address, it's 24 Baker St", "the number is wrong - 555-0199": what was wrong, then what is right
_WRONG_THEN = re.compile(
    rf"(?i)^(?:(?:the\s+|a\s+)?(?:wrong|incorrect|old)\s+(?P<k>{KIND_WORD})|(?:i\s+)?(?:spelled|spelt|misspelled|got|typed|wrote|put)\s+"
    rf"the\s+(?P<k3>{KIND_WORD})\s+(?:wrong|incorrectly)|(?:fix|correct|update)\s+the\s+(?P<k4>{KIND_WORD})(?:\s+(?:time|date))?|(?:the\s+)?(?P<k2>{KIND_WORD})\s+(?:is|was|'s)\s+"
    r"(?:wrong|incorrect|off|outdated|old))\s*[,;:.!—–-]*\s+(?:(?:it'?s|its|it\s+is|should\s+be|it\s+should\s+be|"
    r"the\s+right\s+one\s+is|use|to)\s+)?(?P<v>.+)$")
# "new number: 555-0199", "updated website - sweetcrumbbakery.com": that fact's new words (`said_first`)
_NEW_KIND = re.compile(rf"(?i)^\s*(?:the\s+)?(?:new|updated|correct|right|actual)\s+(?P<k>{KIND_WORD})\s*(?:[:=-]|\bis\b)\s*(?P<v>\S.*)$")
# "Dec 12 -> Dec 13", "$45 => $50", "7折→6折": the old words, then the new (they were written on screen)
_ARROW = re.compile(r"^(?P<y>[^>→⇒➡]+?)\s*(?:->|→|=>|⇒|➡|>>)\s*(?P<x>[^>→⇒➡]+)$")
# "workshop moved from friday to saturday", "change it from friday to saturday"
_FROM_TO = re.compile(r"(?i)^(?:.{0,40}?\b)?from\s+(?P<y>.+?)\s+to\s+(?P<x>.+)$")
_TYPO_IN = re.compile(r"(?i)^(?:the\s+)?(?:title|headline|caption|cta|name|band\s+name)\s+(?:has\s+a\s+)?(?:typo|misspell\w*|spelling)"
                      r"\s*[:,-]\s*(?:it'?s\s+|should\s+be\s+)?(?P<v>\S.*)$")
_NO_LONGER = re.compile(r"(?i)^(?:the\s+)?(?P<s>[\w' -]{2,30}?)\s+(?:is\s+not|isn'?t|is\s+no\s+longer|are\s+not|aren'?t|"
                        r"are\s+no\s+longer)\s+(?P<a>[\w-]{2,20})(?:\s+(?:anymore|any\s+more))?$")
_MAKE_KIND = re.compile(rf"(?i)^(?:make|set)\s+the\s+(?P<k>{KIND_WORD})\s+(?P<v>[^\s].*)$")
_DAY_ON_DATE = re.compile(r"(?i)^(?:pls\s+|please\s+)?(?:put|add|show|include|write)\s+(?:the\s+)?(?:day|weekday|year)\s+"
                          r"(?:on|in|to|with|into)\s+(?:the\s+)?(?:date|day|line)\b\s*[,.;:-]?\s*(?P<v>.*)$")
_SAY = re.compile(r"(?i)^(?:say|put|write|show)\s+(?P<v>[^\x00]+)$")
_NO_KIND = re.compile(rf"(?i)^(?:no|without(?:\s+the)?|lose\s+the|skip\s+the)\s+(?:more\s+)?(?P<k>{KIND_WORD})$")
_KIND_VALUE = re.compile(rf"(?i)^(?:the\s+|my\s+|our\s+|your\s+|his\s+|her\s+|their\s+)?(?:(?!not\b|no\b)[a-z]+(?:['’]s)?\s+)?"
                         rf"(?P<k>{KIND_WORD})\s*{_LINK}(?P<v>.+)$")  # ("maya's handle is @mayamakesthings")
_VERB_KIND = re.compile(  # "bump the price to $50", "swap the venue to The Jazz Cellar"
    rf"(?i)^(?:swap|switch|update|set|bump|raise|lower|drop|move|push|make|put|fix|correct|adjust|reduce|increase|"
    rf"cut|edit)\s+(?:the\s+)?(?P<k>{KIND_WORD})\s+(?:up\s+|down\s+|back\s+|over\s+)?to\s+(?P<v>.+)$")
_MOVE_EVENT = re.compile(  # "move it to saturday", "push the party to Dec 20", "extend it to monday"
    r"(?i)^(?:(?:move|push|shift|reschedule|postpone|bring|extend|change)(?:d|ed)?)\s+(?:it|everything|the\s+(?:event|show|party|gig|workshop|class|"
    r"sale|opening|launch|meetup|session|concert|date|day))(?:\s+(?:back|forward|up))?\s+to\s+(?P<v>.+)$|"
    # "launch moved to tuesday 7th 😩", "the gig has been pushed to friday": said of it (not understood)
    r"^(?:the\s+|our\s+)?(?:event|show|party|gig|workshop|class|sale|opening|launch|release|premiere|meetup|session|concert|"
    r"date|day|it)\s+(?:has\s+been\s+|have\s+been\s+|was\s+|is\s+|got\s+|been\s+)?(?:moved|pushed|shifted|rescheduled|"
    r"postponed|changed|brought\s+forward)(?:\s+(?:back|forward|up))?\s+to\s+(?P<v2>.+)$")
_VALUE = re.compile(rf"(?i)^(?:(?:make\s+it|it'?s|it\s+is|its|that'?s|thats|that\s+is|we'?re|we\s+are|there\s+are|there'?s|now|only|just|"
                    rf"should\s+be|it\s+should\s+be|(?:it\s+)?{_CHANGED_TO}|(?:it\s+)?(?:ends|ending|runs\s+(?:until|till|through)|"
                    rf"until|till|thru|through|starts|starting|opens|closes))\s+)*(?P<v>.+)$")
# "open house is saturday now": a text named by its words, then a new value of a kind it holds
_NAMED_IS = re.compile(r"(?i)^(?:the\s+)?(?P<s>[\w' -]{3,40}?)\s+(?:is|are|'s|will\s+be|comes?\s+out|drops?|airs?|"
                       r"launch(?:es)?|opens?|starts?|goes\s+live)\s+(?:now\s+)?(?:on\s+|at\s+)?(?P<v>.+)$")  # ("episode comes out friday now")
_NAMED_PRICE = re.compile(r"(?i)^(?:the\s+)?(?P<s>[a-z][\w' -]{2,40}?)\s+(?:(?:is\s+)?now\s+)?"
                          r"(?P<v>[$€£¥]\s?\d[\d,]*(?:\.\d\d)?)(?:\s+(?:now|instead|then))?$")
_NOT_TAIL = re.compile(r"(?i)\s*,?\s+(?:not|instead\s+of|rather\s+than)\s+\S.*$")
# "change large dogs to $99", "change the large dogs price to $99", "change the price for adults to $20": the price beside those words (it wrote "$99"
# over the whole caption "Full groom from $75 small dogs · $95 large dogs")
_NAMED_TO = re.compile(r"(?i)^(?:(?:change|make|set|update|put)\s+)?(?:the\s+(?:price|cost|rate)s?\s+(?:for|of)\s+)?(?:the\s+)?"
                       r"(?P<s>[a-z][\w' -]{2,40}?)(?:\s+(?:price|prices|cost|rate))?\s+to\s+(?P<v>[$€£¥]\s?\d[\d,]*(?:\.\d\d)?)$")
# "extend it to Aug 22", "runs until Aug 22", "活动延长到1月31日": the end of a run of days
_EXTEND = re.compile(r"(?i)^(?:(?:extend(?:ed)?|push(?:ed)?)\s+(?:it|the\s+\w+)\s+(?:to|until|till|through)|"
                     r"(?:it\s+)?(?:runs?|goes|lasts)\s+(?:until|till|through|thru|to)|(?:it\s+)?(?:now\s+)?ends?(?:\s+on)?|"
                     r"(?:now\s+)?(?:until|till|through|thru))\s+(?P<v>.+)$")
# "we're open till 3 now", "we close at 6": the end of the hours shown
_CLOSES = re.compile(r"(?i)^(?:(?:we'?re|we\s+are|it'?s|we'?ll\s+be)\s+)?(?:open\s+(?:till|until|to)|clos(?:e|es|ing)\s+(?:at\s+)?|"
                     r"(?P<opens>open(?:s|ing)?\s+(?:at|from)))\s*(?P<v>\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)$")
_HOURS = re.compile(r"(?i)\b(?P<start>\d{1,2}(?::\d\d)?\s*(?:(?P<half0>[ap])\.?m\.?)?)\s*(?:-|–|to)\s*"
                    r"(?P<end>\d{1,2}(?::\d\d)?\s*(?P<half>[ap])\.?m\.?)")
_CLOCK_SAID = re.compile(r"(?i)(?:make\s+it\s+|change\s+it\s+to\s+|it'?s\s+|at\s+)?(?P<v>\d{1,2}:\d\d|\d{1,2}[:.]\d\d\s*[ap]\.?m)")
# "2-3:30" beside "2–4pm": hours without am/pm, said anew (it was read as when the caption shows)
_RANGE_SAID = re.compile(r"(?i)(?:make\s+it\s+|change\s+it\s+to\s+|it'?s\s+|its\s+)?(?P<v>\d{1,2}(?::\d\d)?\s*[-–]\s*\d{1,2}(?::\d\d)?)")
_RANGE_SHOWN = re.compile(r"(?i)\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?\s*)?[-–]\s*\d{1,2}(?::\d\d)?\s*(?P<half>[ap])\.?m\b")
# "wait she can only do 2-3:30 now", "they can only make it at 8": the new value, said of who comes
_CAN_ONLY = re.compile(r"(?i)^(?:(?:wait|ok|so|ugh|hmm+|oh)[\s,.!]+)*(?:she|he|they|we|i)\s+(?:can|could)\s+only\s+(?:do|make\s+it)\s+")
_AFTERTHOUGHT = re.compile(rf"\s*(?:\([^()]{{0,60}}\)|{EMOJI}|\uFE0F)+\s*$")  # "(austin area code lol)", "🙃"


# "the shop name is Sharp Lines Barber Co", "we're called Sharp Lines": the name of what the video is for
_NAME_IS = re.compile(r"(?i)^(?:oh\s+|also\s+|btw\s+|and\s+)?(?:(?:the|our|my)\s+(?:shop|store|business|brand|company|band|cafe|café|"
                      r"restaurant|salon|barbershop|studio|gym|bakery|channel|podcast|app|bar)(?:'s)?\s+name\s+is|"
                      r"(?:it'?s|we'?re|it\s+is|we\s+are)\s+called)\s+(?P<v>(?-i:[A-Z0-9])[^,;]{1,40})$")


def _bare(said: str) -> str:
    """A correction without what people put around it ("oops", "wait she can only do", "… now", "(austin area
    code lol)", "🙃")."""
    t = _CAN_ONLY.sub("its ", _AFTERTHOUGHT.sub("", " ".join(said.split())))
    for _ in range(3):  # "oh wait its …": each word people put first
        if (bare := _HEAD.sub("", t)) == t:
            break
        t = bare
    return _TAIL.sub("", t)


# "its june 6 sat. june 5 was the old date": the new value, then the one on screen named old
_WAS_OLD = re.compile(r"(?i)^(?:it'?s\s+|its\s+)?(?P<x>.+?)[.,;!]+\s+(?P<y>.+?)\s+(?:was|is)\s+the\s+(?:old|wrong|previous)"
                      r"(?:\s+\w+)?$")


def as_change(piece: str, texts: Sequence[str], titles: Sequence[str] = ()) -> str | None:
    """`_as_change`, or that of the piece without the words said after the correction ("now 8 spots left
    not 12 lol we sold 4 today", "price reduced to $675k as of this morning", "榴莲是26.9 今天降价了": why, or
    since when), trying at most `MAX_AFTERWORDS` words fewer."""
    if len(piece) <= 400 and (cut := _AFTER_COMMA.match(piece)) \
            and (said := _as_change(cut.group("said"), texts, titles)) is not None:
        return said  # "ribs are $19 now, meat prices man 😤": the words after the comma say why ("Ribs $19 now, meat")
    said = _as_change(piece, texts, titles)
    if said is not None or len(piece) > 400:
        return said
    words = piece.split()
    for n in range(max(1, len(words) - MAX_AFTERWORDS), len(words)):  # the shortest first: no afterword in the value
        if _AFTERWORD.match(words[n]) and not _LINKING.match(words[n - 1]) \
                and (said := _as_change(" ".join(words[:n]), texts, titles)) is not None:
            return said
    return None


# what opens the words said after a correction: why, since when, who ("lol we sold 4 today", "as of this morning",
# "from March", "the band moved it", "prices went up", "我看错了", "今天降价了"); not "not friday", "was the old date"
_AFTERWORD = re.compile(r"(?i)^(?:lol|haha\w*|lmao|forgot|btw|as|from|starting|effective|because|since|cos|cuz|coz|we|we'?re|we'?ve|they|"
                        r"they'?re|he|she|i|i'?m|today|tonight|the|prices|costs|everything|我|今天|刚|因为|老板|昨天|现在)$|^(?:我|今天|刚|因为|之前|原来|上次|刚才|写成|写错|弄错|搞错|看错|打错|改一下|改下|改过来|帮我改)")
_LINKING = re.compile(r"(?i)^(?:was|is|are|were|be|been|'s)$")  # ("june 5 was | the old date": no correction "june 5 was")


# a correction with a number, then a comma and words without one (why: "…, meat prices man", "…，涨价了")
_AFTER_COMMA = re.compile(r"^(?P<said>[^,，]*\d[^,，]*)[,，]\s*(?P<why>[^\d,，]{1,60})$")
MAX_AFTERWORDS = 6  # words a correction may be followed by ("lol we sold 4 today")
def _price_written_as_shown(kind: str, value: str, texts: Sequence[str]) -> str:
    """"$675k" as "$675,000" where the price on screen is written out ("Offered at $689,000"); else as said."""
    k = re.fullmatch(r"(?i)([$€£])\s?(\d{1,3})(?:\.(\d))?k", value.strip())
    if kind != "price" or k is None or not any(re.search(r"[$€£]\d{1,3},\d{3}\b", x) for x in texts):
        return value
    return f"{k.group(1)}{int(k.group(2)) * 1000 + int(k.group(3) or 0) * 100:,}"


_EMAIL = re.compile(r"(?i)(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _handle_changed(t: str, texts: Sequence[str]) -> str | None:
    """"maya's handle is @mayamakesthings sorry", "we changed the email its hello@x.co.uk now": the one
    @handle (or email address) on screen changed to the one said."""
    for rx in (_EMAIL, HANDLE):
        said = set(rx.findall(t))
        shown = {h for x in texts for h in rx.findall(x)}
        if len(said) == 1 and len(shown) == 1 and said != shown and not re.search(r"(?i)\b(?:add|also|too|and\s+@)\b", t):
            return f"change {shown.pop()} to {said.pop()}"
        if rx is _EMAIL and said:
            return None  # (an email's "@sundaebest" is no handle)
    return None


def _as_change(piece: str, texts: Sequence[str], titles: Sequence[str] = ()) -> str | None:
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
    if _CJK.search(piece) and ((said := as_change_zh(piece, [*texts, *titles])) is not None
                               or not re.search(r"[A-Za-z]{2,}", piece)):
        return said  # (Latin words around it are read in English: "oops it's 3月2日 not 3月1日")
    t = _bare(piece)
    if said := _handle_changed(piece, texts):
        return said
    if (m := _ALSO_SERVED.match(t)) and (said := _served_too(m.group("v"), texts)):
        return said
    shown = " \n ".join([*texts, *titles]).casefold()
    if m := _NOT.match(t) or _NOT_FIRST.match(t) or _WAS_OLD.match(t):  # what it is not must be on screen
        x = re.sub(r"(?i)\s+(?:now|instead|then|actually)$", "", m.group("x").strip())  # ("its sunday may 10 now not sat 9")
        if (said := _not_that(x, m.group("y").strip(), texts, shown)) or not _WRONG_THEN.match(t):
            return said  # (what it is not, written otherwise on screen: "its 10am-2pm not 11-3" on "11am-3pm", below)
    if (m := _FROM_TO.match(t)) and (said := _not_that(m.group("x").strip(), m.group("y").strip(), texts, shown)):
        return said
    if (m := _NO_KIND.match(t)) and on_screen(kind_of_word(m.group("k")) or "", texts):
        return f"remove the {m.group('k')}"  # "no address please"
    if (m := _WRONG_THEN.match(t)) and (k := _kind_said(m)) and (kind := kind_of_word(k)) \
            and fits(kind, v := _NOT_TAIL.sub("", m.group("v").strip())) and on_screen(kind, texts):
        # ("the time is wrong its 10am-2pm not 11-3": the hours, the day kept; "not 11-3" was written too)
        return (kind == "when" and _when_change(v, texts)) or f"change the {word_for(k, kind)} to {clock_said(kind, v, texts)}"
    for rx in (_KIND_VALUE, _VERB_KIND):
        if (m := rx.match(t)) and (kind := kind_of_word(m.group("k"))) and fits(kind, v := m.group("v").strip()) \
                and on_screen(kind, texts) and mostly(kind, v, shown):  # (not "price per person is $45, say that")
            v = _price_written_as_shown(kind, clock_said(kind, said_value(kind, v, texts), texts), texts)
            return _when_change(v, texts) if kind == "when" else f"change the {word_for(m.group('k'), kind)} to {v}"
    if (m := _CLOSES.match(t)) and (said := _hours_end(m.group("v"), texts, start=bool(m.group("opens")))):
        return said
    if (m := _EXTEND.match(t)) and (said := run_extended(m.group("v"), texts, said=t)):
        return said
    if (m := _MOVE_EVENT.match(t)) and fits("when", v := (m.group("v") or m.group("v2")).strip()) and on_screen("when", texts):
        return _when_change(v, texts)
    if said := _same_unit(t, texts):
        return said
    if said := _restated(t, [*texts, *titles]):
        return said
    for rx in (_NAMED_IS, _NAMED_PRICE, _NAMED_TO):
        if (m := rx.match(t)) and (said := _named_then_value(m.group("s"), m.group("v").strip(), texts)):
            return said  # ("ribs $19 now" beside "Brisket plate $16" and "Ribs $18": the ribs' price)
    if (m := _VALUE.match(t)) and (kind := kind_of_value(v := m.group("v").strip(), [*texts, *titles])):
        v = re.sub(r"^(?i:at|on)\s+(?:the\s+(?=[A-Z]))?", "", v) if kind in ("venue", "when") else said_value(kind, v, texts)
        return _when_change(v, texts) if kind == "when" else f"change the {SAID_EN[kind]} to {v}"
    return None


# the shapes a fact's words take, to find the new words in a longer clause ("it ends at 2pm not 1pm": 2pm)
_SHAPES = (re.compile(r"(?i)\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?"), re.compile(r"[$€£¥]\s?\d[\d,]*(?:\.\d\d)?[kKmM]?"),
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


def _hours_end(new: str, texts: Sequence[str], *, start: bool = False) -> str | None:
    """A new closing (or opening) time for the one run of hours on screen ("open till 3" on "8am-2pm":
    3pm; "we open at 10" on "9am-7pm": 10am)."""
    runs = [m for text in texts for m in _HOURS.finditer(text)]
    if len(runs) != 1:
        return None
    run = runs[0]
    half = (run.group("half0") or run.group("half")) if start else run.group("half")
    said = new.strip() if re.search(r"(?i)[ap]\.?m", new) else f"{new.strip()}{half.lower()}m"
    if start:
        return f"change {run.group(0)} to {said}-{run.group('end')}"
    return f"change {run.group('end')} to {said}"


def _fact_gone(subject: str, said: str, texts: Sequence[str]) -> str | None:
    """The one part of a text that says ``subject`` is ``said`` ("Free parking" for "parking isn't free
    anymore"), as its removal; else None."""
    def has(words: str, part: str) -> bool:
        return re.search(rf"(?i)(?<!\w){re.escape(words)}(?!\w)", part) is not None

    parts = {p for text in texts for p in text.split(" · ") if has(subject, p) and has(said, p)}
    return f"remove {parts.pop()}" if len(parts) == 1 else None


_DAY_SAID = re.compile(rf"(?i)^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?(?:the\s+)?"
                       rf"(?:(?P<m1>{MONTH})\.?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<m2>{MONTH}))?$")


def _day_of_month_not(x: str, y: str, texts: Sequence[str], shown: str) -> str | None:
    """"X not Y" where both are days of a month (Y's on screen in a date of that month): the date moved to X's day,
    its weekday worked out; else None."""
    new = _DAY_SAID.match(re.sub(r"(?i)^.*?\b(?:is|are|'s)\s+(?:on\s+)?(?=\w)", "", x).strip())
    old = _DAY_SAID.match(y.strip())
    if new is None or old is None or not re.search(rf"(?<!\d){old.group('d')}(?!\d)", shown):
        return None
    month_new, month_old = (new.group("m1") or new.group("m2") or "")[:3].lower(), (old.group("m1") or old.group("m2") or "")[:3].lower()
    if month_new and month_old and month_new != month_old:
        return None  # another month: the date said anew, not its day
    return _part_moved(texts, lambda part: with_day_of_month(part, new.group("d")) if re.search(
        rf"(?<!\d){old.group('d')}(?!\d)", part) else None)


def _not_that(x: str, y: str, texts: Sequence[str], shown: str) -> str | None:
    """"X not Y" as the change of Y, which is on screen (``texts``; ``shown``, all of them case-folded),
    to X; else None."""
    if len(y.split()) <= 3 and (said_is := re.search(r"(?i)^.*\b(?:is|are|'s|should\s+be)\s+(?:(?:called|named|spelt|spelled|"
                                                     r"on|at|actually|really)\s+)?(?=\S)", x)) \
            and len(x[said_is.end():].split()) <= len(y.split()) + 1:
        x = x[said_is.end():]  # "her surname is Allardyce not Allerton": Allardyce
    x = re.sub(r"(?i)^(?:actually|really|in\s+fact|now|meant\s+to\s+be|supposed\s+to\s+be)\s+(?=\S)", "", x)  # ("doors is actually 7pm")
    if y.isdigit() and (said_is := re.search(r"(?i)^.*\b(?:is|are|'s)\s+(?=[+\d(])", x)) \
            and re.fullmatch(r"[+\d][\d\s().-]*\d", rest := x[said_is.end():]) and re.search(rf"(?<!\d)\d{{{len(y)}}}$", rest) \
            and (rest[:-len(y)] + y).casefold() in shown:
        x = rest[-len(y):]  # "the phone number is 07700 900 428, not 482" on "Call 07700 900 482": 428 (it wrote the clause in)
    if re.match(r"\d{1,2}\s*月", x) and re.fullmatch(r"\d{1,2}\s*[日号]", y) \
            and len(dated := set(re.findall(rf"\d{{1,2}}\s*月\s*{re.escape(y)}", shown))) == 1:
        y = dated.pop()  # "it's 6月15号 not 8号" on "Launching 6月8号": the whole date (it was not understood)
    if (moved := _day_of_month_not(x, y, texts, shown)) is not None:
        return moved  # "the date is saturday 21st not 14th", "march 21 not march 14" on "Sat 14 March 10am-3pm"
    if (day := day_index(y)) is not None and any(day_index(w) == day for text in texts for w in WEEKDAY_SAID.findall(text)):
        x = re.sub(r"(?i)^.*?\b(?:is|are|'s)\s+(?:(?:on|actually|really|now)\s+)*(?=\w)", "", x)  # ("the open house is
        # sunday the 18th", "… is actually sunday 15th june")
        if day_index(x) is not None:
            return _when_change(x, texts)  # "its sunday not saturday" on "Sat Dec 12 at 7pm"
        # "the open house is sunday the 18th not saturday" on "Open House Sat Oct 17, 1-4pm"
        if said := _part_moved(texts, lambda part: with_day_of_month(part, x)):
            return said
        date_rx = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
        if re.fullmatch(rf"(?i)[a-z]+\s+(?:the\s+)?{date_rx}", x) and day_index(x.split()[0]) is not None:
            # "the open house is actually sunday 15th june not saturday" on "… Saturday 14th June …": the whole date
            olds = {m.group(0) for text in texts for m in re.finditer(rf"(?i)\b[a-z]+\s+(?:the\s+)?{date_rx}", text)
                    if day_index(m.group(0).split()[0]) == day_index(y)}
            if len(olds) == 1:
                return f"change {olds.pop()} to {dates_capitalised(x)}"
    if (n := re.fullmatch(r"\d[\d,.]*", y)) and (more := re.fullmatch(r"\d[\d,.]*(\s+\w+)", x)) \
            and (y + more.group(1)).casefold() in shown:
        y = n.group(0) + more.group(1)  # "it's 4 bed not 3" on "3 Bed · 2 Bath": "3 bed"
    if (ampm := re.fullmatch(r"(?i)\d{1,2}(?::\d\d)?\s*([ap]m)", y)) and (clock := re.search(r"(?i)\b(\d{1,2}[:.]\d\d)\s*([ap]m)?$", x)) \
            and clock.start() > 0:
        x = clock.group(1).replace(".", ":") + (clock.group(2) or ampm.group(1))  # "hot pilates is saturday 8:30 not 8am": 8:30am
    if re.fullmatch(r"\d{1,2}(?::\d\d)?", y) and (dot := re.search(r"\b(\d{1,2})\.(\d\d)$", x)):
        x = x[:dot.start()] + f"{dot.group(1)}:{dot.group(2)}"  # "start time is 9.30 not 10": a clock time
    if re.fullmatch(r"\d{1,2}(?::\d\d)?", y) and re.search(r"(?i)\b(?:is|are|'s|at|starts?)\s+\d{1,2}(?::\d\d)?$", x):
        x = re.sub(r"(?i)^.*\b(?:is|are|'s|at|starts?)\s+", "", x)  # "evening show is 5:30 not 6" on "… 2pm and 6pm"
    if re.fullmatch(r"\d{1,2}(?::\d\d)?", y) and (half := re.search(rf"(?i)\b{re.escape(y)}\s*([ap]m)\b", shown)) \
            and re.fullmatch(r"(?i)\d{1,2}(?::\d\d)?(?:\s*[ap]m)?", x):
        # "its 7:30 not 7" on "Doors 7pm": 7pm to 7:30pm; "doors is 7pm not 7:30" on "Doors 7:30pm": 7:30pm (as
        # "7:30" alone it set the video to 450 s)
        y, x = y + half.group(1), x if re.search(r"(?i)[ap]m$", x) else x + half.group(1)
    if re.fullmatch(r"\d[\d-]*", y) and len(x) > len(y) + 2 and \
            len(whole := {w for w in re.findall(r"[\w.+()-]*\w", shown) if y in w and abs(len(w) - len(x)) <= 2}) == 1:
        y = whole.pop()  # "its 512-555-0196 not 0199" on "Call 512-555-0199": the number whole (it wrote "512-555-512-…")
    if not y.startswith("\x00") and re.fullmatch(r"\.?[A-Za-z0-9-]+", y) and not re.search(rf"(?<![\w.]){re.escape(y.casefold())}(?![\w])", shown):
        tokens = {w for w in re.findall(r"[\w.-]*\w", shown) if y.casefold() in w}
        y = tokens.pop() if len(tokens) == 1 else y  # "sweetcrumb.co not .com": the address ending so
    if re.fullmatch(r"\d[\d,.]*\d", y) and y.casefold() not in shown and \
            len(same := {w for w in re.findall(r"[$€£¥]?\d[\d,.]*\d", shown) if w.lstrip("$€£¥").replace(",", "") == y.replace(",", "")}) == 1:
        y = same.pop()  # "its 1,495 now not 1450" on "Packages from £1,450": that price as shown, the new one so too
        if re.fullmatch(r"\d[\d,]*", bare_x := _TAIL.sub("", x).strip()):
            digits = bare_x.replace(",", "")
            x = y[:len(y) - len(y.lstrip("$€£¥"))] + (f"{int(digits):,}" if "," in y else digits)
    if not (y.startswith("\x00") or y.casefold() in shown):
        return None
    x = _in_shape_of(y, re.sub(r"(?i)^.*?\b(?:is|are)\s+(?:called|named|spelled|spelt)\s+", "", x))  # ("the band is called …")
    words = x.split()
    for k in range(1, len(words)):  # words said before the new ones that stand before the old on screen:
        if f"{' '.join(words[:k])} {y}".casefold() in shown:  # "88 Queen St not King St" on "88 King St",
            x = " ".join(words[k:])  # "it's with Maya Chen not Dr. Lena Ortiz" on "With Dr. Lena Ortiz"
            break
    return f"把{y}改成{x}" if _CJK.search(y + x) else f"change {y} to {x}"  # (a Chinese text's words, said so)


def _kind_said(m: re.Match[str]) -> str | None:
    """The word a correction calls its fact by (whichever of `_WRONG_THEN`'s forms said it)."""
    return next((g for g in (m.groupdict().get(n) for n in ("k", "k2", "k3", "k4")) if g), None)


def _typo_fixed(new: str, texts: Sequence[str]) -> str | None:
    """The words of a text most like ``new``, as many as it has ("Velvet Keys" in "The Velvet Keys" for
    "Velvet Kings"), said anew when they are alike enough; else None."""
    size = len(new.split())
    runs = {" ".join(w[i:i + size]) for text in texts for part in text.split(" · ") if (w := part.split())
            for i in range(max(1, len(w) - size + 1))}
    best = max(runs, key=lambda r: SequenceMatcher(None, r.casefold(), new.casefold()).ratio(), default=None)
    if best is None or best == new or SequenceMatcher(None, best.casefold(), new.casefold()).ratio() < 0.6:
        return None
    return f"change {best} to {new}"


def _near_clock(new: str, texts: Sequence[str]) -> str | None:
    """A bare "7:30" as the one clock time on screen said anew, when it is within three hours of it
    ("Doors 7pm": 7:30pm); None otherwise (then "make it 1:30" is the video's length, as before)."""
    clocks = {m.group(0) for x in texts for m in re.finditer(r"(?i)\b(?P<h>\d{1,2})(?::\d\d)?\s*(?P<half>[ap])\.?m\b", x)}
    if len(clocks) != 1:
        return None
    hour, minute, half = re.match(r"(?i)(\d{1,2})[:.](\d\d)\s*([ap]\.?m)?", new).groups()  # type: ignore[union-attr]
    if re.fullmatch(r"(?:9:16|16:9|4:5|5:4|1:1|4:3|3:4|21:9|2:3|3:2)", new) or int(minute) % 5:
        return None  # "make it 9:16" is a frame; a time is said in fives of minutes
    old = clocks.pop()
    old_hour = int(re.match(r"\d+", old).group(0))  # type: ignore[union-attr]
    if abs(int(hour) - old_hour) > 3:
        return None
    if half:  # "make it 7.30pm": as typed
        return f"change {old} to {new}"
    return f"change {old} to {new}{re.search(r'(?i)[ap]', old).group(0).lower()}m"  # type: ignore[union-attr]


def _near_range(new: str, texts: Sequence[str]) -> str | None:
    """Hours said without am/pm ("2-3:30") as the one range of hours on screen said anew, its am/pm kept, when
    they start within three hours of it ("2–4pm": 2-3:30pm); else None."""
    shown = {m.group(0): m.group("half") for x in texts for m in _RANGE_SHOWN.finditer(x)}
    if len(shown) != 1:
        return None
    old, half = shown.popitem()
    if abs(int(re.match(r"\d+", new).group(0)) - int(re.match(r"\d+", old).group(0))) > 3:  # type: ignore[union-attr]
        return None
    return f"change {old} to {new.replace(' ', '')}{half.lower()}m"


# "2hr is £170 now", "500克的改成1188": a price said anew for a thing no text names (it was left out of the first cut)
_PRICED_THING = re.compile(r"(?i)^(?P<s>[\w'’ -]{2,24}?)\s+(?:is|are|'s|costs?|now)\s+(?:now\s+)?(?P<v>[$€£¥]\s?\d[\d,.]*)$")
_PRICED_THING_ZH = re.compile(r"^(?P<s>[\w\u4e00-\u9fff]{1,10}?)(?:的)?(?:改成|改为|涨到|降到|是|现在)\s*(?P<v>[¥￥]?\d[\d.]*\s*(?:元|块)?)$")


def priced_thing_not_shown(piece: str, texts: Sequence[str], titles: Sequence[str] = ()) -> tuple[str, str] | None:
    """(thing, price) when a clause gives a new price for a thing no text on screen names ("2hr is £170 now"
    beside "1hr party £120"); else None."""
    if len(piece) > 200:
        return None
    t = TAIL_ZH.sub("", _bare(piece)) if _CJK.search(piece) else _bare(piece)
    t = re.sub(r"\s+(?:搞活动|活动价|优惠价|特价)$", "", t.strip())
    m = (_PRICED_THING_ZH if _CJK.search(t) else _PRICED_THING).match(t)
    if m is None:
        return None
    thing = m.group("s").strip()
    shown = " ".join([*texts, *titles]).casefold()
    if thing.casefold() in shown or kind_of_word(thing) or len(thing) < 2 or _NO_THING.match(thing):
        return None  # ("it is £5 now", "everything is £5", "它现在是99": no thing named)
    return thing, m.group("v").strip()


_NO_THING = re.compile(r"(?i)^(?:it|its|this|that|they|these|those|everything|all|each|one|the\s+\w+\s+one|we|you|"
                       r"it\s+all|the\s+whole\s+thing)$|^(?:它|这|那|这个|那个|全部|都|现在)|(?:现在)$")


def fact_not_shown(piece: str, texts: Sequence[str], titles: Sequence[str] = ()) -> str | None:
    """The word for the kind of fact a correction names when no text on screen holds that kind ("it's at
    Central Park now" with no venue shown: "venue"; "电话号码换一下：139…" with no phone: "电话"), for a
    reply that says so; else None."""
    if len(piece) > 400:
        return None
    if _CJK.search(piece):
        return fact_not_shown_zh(piece, [*texts, *titles])
    t = _TAIL.sub("", _HEAD.sub("", " ".join(piece.split())))
    for rx in (_WRONG_THEN, _KIND_VALUE, _VERB_KIND, _NEW_KIND):
        if (m := rx.match(t)) and (k := _kind_said(m)) and (kind := kind_of_word(k)) and fits(kind, m.group("v").strip()) and not on_screen(kind, [*texts, *titles]):
            return SAID_EN.get(kind, k.lower())
    if (m := _VALUE.match(t)) and re.match(r"(?i)at\s+(?-i:[A-Z])", m.group("v").strip()) and not on_screen("venue", texts):
        return "venue"  # ("it's at Central Park now")
    return None


def _part_moved(texts: Sequence[str], move: Callable[[str], str | None]) -> str | None:
    """"change <part> to <part moved>" for the one part of the rows on screen that ``move`` gives new words, else None."""
    moved = {(part, new) for text in texts for part in text.split(" · ") if (new := move(part))}
    if len(moved) != 1:
        return None
    part, new = moved.pop()
    return f"change {part} to {new}"


def _when_change(new: str, texts: Sequence[str]) -> str | None:
    """A new day or time said as the words it replaces when one text (titles apart) holds such words:
    "ends Monday" on "Ends Sunday · …" under the title "Black Friday" is "change Sunday to Monday". Hours
    without am/pm that nothing on screen is shaped like ("its 2-3:30" beside "Sat Dec 12 at 7pm") are no
    date: None (they were read as when the text shows)."""
    new = re.sub(r"(?i)(?<=\w)\s+(?:only|now|instead)$", "", new.strip())  # ("fri-sun only": Fri-Sun)
    if said := _part_moved(texts, lambda part: day_moved(part, new)):
        return said  # "move it to sunday" on "Sat Dec 12 at 7pm": "Sun Dec 13 at 7pm"
    if said := _part_moved(texts, lambda part: with_day_of_month(part, new)):
        return said  # "launch moved to tuesday 7th" on "Out Monday 6th April": "Out Tuesday 7th April"
    olds = {old for text in texts for part in text.split(" · ") if (old := same_shape(part, new))}
    if len(olds) != 1 and re.fullmatch(r"\d{1,2}(?::\d\d)?(?:\s*[-–]\s*\d{1,2}(?::\d\d)?)?", new.strip()):
        return None
    if len(olds) != 1:
        return f"change the date to {new}"
    old = olds.pop()
    if (lead := re.match(r"(?i)(this|next|every)\s+", old)) and not re.match(r"(?i)(?:this|next|every)\s", new):
        old = old[lead.end():]  # "see you every Saturday", moved "to sundays": every Sunday
        new = re.sub(r"(?i)(day)s$", r"\1", new) if lead.group(1).lower() == "every" else new
    return f"change {old} to {dates_capitalised(new)}"


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


_DAY_WORD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?\.?"
_HOURS_SAID = r"\d{1,2}(?::\d\d)?\s*(?:[ap]m)?\s*[-–]\s*\d{1,2}(?::\d\d)?\s*(?:[ap]m)?"
_DAYS_HOURS = re.compile(rf"(?i){_DAY_WORD}(?:\s*(?:,|&|and|/)\s*{_DAY_WORD})+\s+{_HOURS_SAID}")
_DAY_HOURS = re.compile(rf"(?i)\b{_DAY_WORD}\s+{_HOURS_SAID}")


def _named_then_value(subject: str, value: str, texts: Sequence[str]) -> str | None:
    """"open house is saturday now" on "Open house Sunday 1-4pm · …": the one part that starts with the
    words named, its words of the value's kind said anew ("change Sunday to saturday")."""
    named = re.compile(rf"(?i)(?<!\w){re.escape(subject)}(?!\w)")  # ("latte is $5.95 now" on "Try our pumpkin latte $5.50")
    parts = [p for text in texts for p in text.split(" · ") if named.search(p) and not named.fullmatch(p)]
    value = re.sub(r"(?i)^(?:now\s+)?(?:both\s+)?", "", value)
    if len(parts) == 1 and (days := _DAYS_HOURS.fullmatch(value)) and (old_hours := _DAY_HOURS.search(parts[0])):
        # "Open house is now both Sat and Sun 1-3" on "Open house Sunday 1-3pm": the days and hours said anew
        half = "" if re.search(r"(?i)[ap]m$", value) else (re.search(r"(?i)[ap]m$", old_hours.group(0)) or [""])[0]
        said = re.sub(r"(?i)\s+and\s+", " & ", dates_capitalised(days.group(0))) + half
        return f"change {old_hours.group(0)} to {said}"
    if len(parts) == 1 and len(re.findall(r"[$€£¥]\s?\d", value)) >= 2 and re.match(rf"(?i){re.escape(subject)}\b", parts[0]):
        # "the honey is $14 for the big jar and $8 for the small" on "Honey $12 a jar": the part said anew
        return f"change {parts[0]} to {capitalised(subject)} {value}"
    if len(parts) == 1 and re.fullmatch(r"\d{1,2}(?::\d\d)?", value) \
            and len(clocks := _CLOCK_IN_PART.findall(parts[0])) == 1:
        # "the talk starts at 7" on "Doors 6:30pm · Talk 6:45": that part's time (a bare hour is no fact alone)
        half = re.search(r"(?i)\s*[ap]\.?m\.?$", clocks[0])
        row = next((x for x in texts if parts[0] in x), parts[0])
        halves = {h.lower() for h in re.findall(r"(?i)(?<=\d)\s*([ap])\.?m\b", row)}
        said_half = half.group(0) if half else f"{halves.pop()}m" if len(halves) == 1 else ""
        return f"change {clocks[0]} to {value}{said_half}"  # ("Talk 7pm" beside "Doors 6:30pm": the evening's half)
    if len(parts) != 1 or (kind := kind_of_value(value, [parts[0]])) is None:
        return None
    old = _old_words(kind, parts[0], value)
    if old is None:  # "entry is $2 now" on "Free entry": the part said anew
        return f"change {parts[0]} to {capitalised(subject)} {value}"
    after = parts[0][parts[0].find(old) + len(old):].strip()
    if after and value.casefold().endswith(" " + after.casefold()):
        value = value[:-len(after)].rstrip()  # "honey is $14 a jar" on "Honey $12 a jar": "a jar" once
    return f"change {old} to {dates_capitalised(value)}" if old.casefold() != value.casefold() else None


_CLOCK_IN_PART = re.compile(r"(?i)(?<![\d:.])\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?(?![\d:])|(?<![\d:.])\d{1,2}\s*[ap]\.?m\b\.?")


# "we serve Owasso too", "we also cover Plano now": one more place in the list of those served
_ALSO_SERVED = re.compile(r"(?i)^(?:we\s+|we'?re\s+)?(?:also\s+|now\s+)?(?:serve|serving|cover|covering|deliver\s+to|"
                          r"go\s+to|come\s+to)\s+(?P<v>(?-i:[A-Z])[\w .'’-]{1,40}?)(?:\s+(?:too|as\s+well|also|now))*\s*$")
_SERVED_LIST = re.compile(r"(?i)\b(?:serving|we\s+serve|serves|service\s+areas?:?|covering|delivering\s+to)\s+(?P<l>[^·\n]+)")


def _served_too(place: str, texts: Sequence[str]) -> str | None:
    """The list of places a text serves with ``place`` added ("Serving Tulsa and Broken Arrow": "Serving Tulsa,
    Broken Arrow and Owasso"), said as the change, or None when no text lists them.

    >>> _served_too("Owasso", ["Serving Tulsa and Broken Arrow"])
    'change Tulsa and Broken Arrow to Tulsa, Broken Arrow and Owasso'
    """
    lists = [m.group("l").strip(" .!") for x in texts if (m := _SERVED_LIST.search(x))]
    if len(lists) != 1 or place.casefold() in lists[0].casefold():
        return None
    old = lists[0]
    parts = [p.strip() for p in re.split(r",\s*|\s+(?:and|&)\s+", old) if p.strip()]
    return f"change {old} to {', '.join(parts)} and {place.strip()}" if parts else None


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
    if (m := _NAME_IS.match(" ".join(text.split()).rstrip(" .!"))) and "\x00" not in m.group("v"):
        # "the shop name is Sharp Lines Barber Co" (not understood): the name, as the title
        return f"change the title to {m.group('v')}" if titles else f"add the title {m.group('v')}"
    t = _bare(text)
    shown = " \n ".join([*texts, *titles]).casefold()
    if (m := _WRONG_THEN.match(t)) and (k := _kind_said(m)) and (kind := kind_of_word(k)) \
            and fits(kind, v := m.group("v").strip()):
        if (said := as_change(v, texts, titles)) is not None and _NOT.match(v):
            return said  # "the price is wrong its $89 not $79" wrote "$89 not $79" over the price
        v = _NOT_TAIL.sub("", v) or v  # ("its 10am-2pm not 11-3" on "11am-3pm": what it is not, written otherwise)
        return (kind == "when" and _when_change(v, texts)) or f"change the {word_for(k, kind)} to {v}"
    if (said := said_first_zh(t, texts, shown)) is not None:
        return said  # "营业时间改成9:00-21:00", "晚上11点关门", "第二杯改成8折", "地址是解放路99号，不是88号"
    if (m := _NO_LONGER.match(t)) and (said := _fact_gone(m.group("s"), m.group("a"), [*texts, *titles])):
        return said  # "parking isn't free anymore" wrote "Parking isn't free anymore" over "Free parking"
    if (m := _MAKE_KIND.match(t)) and (kind := kind_of_word(m.group("k"))) and (
            holds(kind, v := m.group("v").strip()) or part_of(kind, v) == v or kind == "offer" and fits(kind, v)):
        return f"change the {word_for(m.group('k'), kind)} to {v}"  # "make the cover $15" wrote "Make the cover $15" over "No cover"
    if m := _DAY_ON_DATE.match(t):  # "put the day on the date, FRI march 13": the value said after it
        return (as_change(m.group("v"), texts, titles) or text) if m.group("v") else text
    if (m := _SAY.match(t)) and (said := as_change(m.group("v"), texts, titles)) is not None:
        return said  # "can we say 9am-2pm instead" wrote "Say 9am-2pm" over the hours
    if (m := _CLOCK_SAID.fullmatch(t)) and (said := _near_clock(m.group("v"), texts)):
        return said  # "nah make it 7:30" beside "Doors 7pm" (it made the video 7.5 minutes long)
    if (m := _RANGE_SAID.fullmatch(t)) and (said := _near_range(m.group("v"), texts)):
        return said  # "wait she can only do 2-3:30 now" beside "2–4pm"
    if (m := _TYPO_IN.match(t)) and (said := _typo_fixed(m.group("v").strip(), [*titles, *texts])):
        return said  # "title typo: Velvet Kings" on "The Velvet Keys"
    if (m := _ARROW.match(t)) and (said := _not_that(m.group("x").strip(), m.group("y").strip(), texts, shown)):
        return said
    if (m := _NOT.match(t) or _NOT_FIRST.match(t)) and not re.search(r"(?i)\b(?:and|then|also)\b", t):
        return _not_that(m.group("x").strip(), m.group("y").strip(), texts, shown) or text
    return text
