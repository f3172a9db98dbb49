"""When an event is, as people type it into an instruction (pure).

"Instagram story for our Museum Late event this Friday, 7pm to midnight" gave a video with the
title and the tickets, and nowhere the day or the hours: a marketer posts no event without them.
A day ("this Friday", "Sat Dec 12", "12月12日") with a clock time or a day of the month is the
event's when; it is shown as typed, names capitalised: "This Friday, 7pm to midnight".
"""

from __future__ import annotations

import re
import unicodedata

from .ending import MONTH, WEEKDAY, capitalise_dates

_TZ = r"(?:\s+(?-i:PT|PST|PDT|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|GMT|UTC|BST|CET|CEST|AEST|AEDT|IST|JST|SGT|HKT)(?:[+-]\d{1,2})?(?![A-Za-z]))?"
_TIME = rf"(?:(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\b\.?)|\d{{1,2}}:\d{{2}}|noon|midday|midnight){_TZ})"
_START = r"(?:\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b\.?)?|noon|midday)"  # the "7" of "7-10pm"
_RANGE = (rf"(?:(?:(?:from\s+)?{_START}\s*(?:-|–|—|to|till|until|'til)\s*{_TIME}|(?:from\s+)?{_TIME})"
          rf"(?:\s*(?:,|&|and|or)\s*{_TIME})*)")  # "6pm and 11pm": both services
_NTH = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (rf"(?:{MONTH}\s+{_NTH}(?:\s*(?:[-–—]|to|through|thru|until)\s*(?:{MONTH}\s+)?{_NTH})?\b|"
         rf"{_NTH}(?:\s*[-–]\s*{_NTH})?\s+(?:of\s+)?{MONTH})")  # "Dec 12-14", "July 7 - Aug 15"
_ABBR = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"  # "Sat Dec 12", "Fri 8pm": with what follows only
# "Saturday and Sunday", "Fri-Sun", "this weekend": days said together are one when
_DAYS = (rf"(?:{WEEKDAY}s?|{_ABBR})(?:\s*(?:,|&|and|-|–|/|to|through|thru)\s*(?:{WEEKDAY}s?|{_ABBR}(?![a-z])))+"
         rf"|{WEEKDAY}s?|weekend|tomorrow|tonight")  # ("tuesdays and thursdays 6am": every week)
_DAY = (rf"(?:(?:this|next|on|every)\s+)?(?:{_DAYS})"
        rf"(?:\s*,?\s*(?:the\s+)?(?:{_DATE}|\d{{1,2}}(?:st|nd|rd|th)\b))?"
        rf"|(?:on\s+)?(?:{_ABBR},?\s+)?{_DATE}|{_ABBR}(?=,?\s+(?:at\s+)?\d)")
_EN = re.compile(rf"\b(?:(?P<day>{_DAY})(?:\s*,?\s*(?:at\s+|from\s+)?(?P<time>{_RANGE}))?"
                 rf"|(?P<time2>{_RANGE})\s*,?\s*(?P<day2>{_DAY}))(?![\w:])", re.I)

_ZH_NUM = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
_ZH_TIME = rf"(?:上午|下午|晚上|晚|早上|早|中午|傍晚|凌晨)?\s*{_ZH_NUM}\s*(?:点(?:半|\d{{1,2}}分?)?|[:：]\d{{2}})"
# ("1月1日-1月15日": a run of days, as said)
_ZH_DAY = r"(?:(?:本|这|下)个?)?(?:(?:周|星期|礼拜)[一二三四五六日天](?:\s*(?:和|、|及|与|至|到|-|—|~|～)\s*(?:周|星期|礼拜)?[一二三四五六日天])*|周末)|(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:\s*(?:到|至|-|—|~|～)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])?(?:\s*[（(]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?)?|今晚|明晚|今天|明天|后天"
_ZH = re.compile(rf"(?P<day>{_ZH_DAY})\s*[，,]?\s*(?P<time>{_ZH_TIME}(?:\s*(?:到|至|-|—|~|～)\s*(?:{_ZH_TIME}|午夜|深夜))?)?")


def event_when(text: str) -> str | None:
    """The day and time an instruction gives, when it gives a clock time or a day of the month
    with its day; None for a day alone ("sale ends Sunday", "every Tuesday").

    >>> event_when("story for our Museum Late event this Friday, 7pm to midnight")
    'This Friday, 7pm to midnight'
    >>> event_when("jazz night on Saturday at 8pm, tickets at the door"), event_when("open house Dec 12")
    ('Saturday at 8pm', 'Dec 12')
    >>> event_when("本周五晚7点到午夜，科学馆夜场"), event_when("make it 30 seconds, sale ends sunday")
    ('本周五晚7点到午夜', None)
    """
    found = when_at(text)
    return found[0] if found else None


def when_at(text: str) -> tuple[str, tuple[int, int]] | None:
    """`event_when`'s words and where they are in ``text`` (NFKC-normalised), to blank them for
    the other readers: "promo for Museum Late on Fri Dec 12" is titled "Museum Late"."""
    text = unicodedata.normalize("NFKC", text or "")
    for m in _ZH.finditer(text):
        if m.group("time") or re.search(r"月", m.group("day")):
            return re.sub(r"\s+", "", m.group(0)).rstrip("，,").replace(",", "，"), m.span()  # (NFKC made "，" ",")
    for m in _EN.finditer(text):
        day = m.group("day") or m.group("day2") or ""
        if not (m.group("time") or m.group("time2") or re.search(r"\d", day)):
            continue
        said = re.sub(r"(?i)^on\s+", "", " ".join(m.group(0).split()).rstrip(", "))
        if re.search(r"(?i)\d\s*[ap]m\.$", said):  # "10am-4pm." ends a sentence ("4 p.m." keeps its dot)
            said = said[:-1]
        said = capitalise_dates(said, also=r"tonight|tomorrow|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?![a-z])")
        return said[:1].upper() + said[1:], m.span()
    return None
