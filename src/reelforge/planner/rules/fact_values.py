"""What a correction calls a fact by, and whether a value can be its new words (pure).

Shared by the English and Chinese readers of corrections (`corrections`, `corrections_zh`): "the
cover" is the price, "6 spots left" is a count of spots, "7:30" beside "Doors 7pm" is 7:30pm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reelforge.planner.day_dates import WEEKDAY_WORD, day_as, day_index
from reelforge.planner.ending import MONTH
from reelforge.planner.text_kinds import (
    KIND_WORD_EN,
    dates_capitalised,
    holds,
    kind_called,
    part_of,
    words_of,
)
from reelforge.planner.when import when_at

# words a correction calls a fact by beside `text_kinds`' ("make the cover $15", "the sale is 25% now")
_MORE_KINDS = {"cover": "price", "cover charge": "price", "entry fee": "price", "admission": "price",
               "ticket price": "price",
               "reward": "prize", "sale": "offer", "deal": "offer", "promo": "offer", "time": "when", "times": "when"}
KIND_WORD = "|".join(sorted([KIND_WORD_EN, *(w.replace(" ", r"\s+") for w in _MORE_KINDS)], key=len, reverse=True))
# the kind a value is said as ("$10 entry": the price), in the order a value is read
_VALUE_KINDS = ("web", "mail", "phone", "code", "spots", "ages", "pay", "price", "offer", "when", "place", "venue")
# the word the rules call each kind by, in English and in Chinese
SAID_EN = {"when": "date", "price": "price", "web": "website", "place": "address", "phone": "phone number",
           "mail": "email", "offer": "discount", "spots": "spots", "ages": "ages", "venue": "venue", "code": "code",
           "prize": "prize", "pay": "pay"}  # ("$21.50/hr": what a job pays, a price by the hour)
SAID_ZH = {"when": "日期", "price": "价格", "web": "网址", "place": "地址", "phone": "电话", "mail": "邮箱",
           "offer": "折扣", "spots": "名额", "venue": "场地"}
# a clause that asks for something is no value ("remove free parking", "add the price")
_ASKS = re.compile(r"(?i)(?:remove|delete|drop|add|put|show|hide|make|move|change|replace|swap|use|set|turn|take|get|"
                   r"lose|cut|keep|give|bring|closed|except|not|never)\b")  # (nor is "closed tuesdays" one)
_FILLER = frozenset("actually really just only now for the a an is are it its it's about around like maybe so ok okay "
                    "then still also".split())
_RUN_END = re.compile(rf"(?i)(?P<m0>{MONTH})\s*\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru|until)\s*"
                      rf"(?P<b>(?:{MONTH}\s*)?\d{{1,2}}(?:st|nd|rd|th)?)\b|"
                      r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:到|至|-|—|~|～)\s*(?P<z>(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])|"
                      rf"\b{WEEKDAY_WORD}\s*(?:-|–|to|through|thru|until)\s*(?P<d>{WEEKDAY_WORD})")  # "Fri-Sun"
_A_DATE = re.compile(rf"(?i)(?:{MONTH}\s*)?\d{{1,2}}(?:st|nd|rd|th)?|(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*[日号]")


def word_for(word: str, kind: str) -> str:
    """The word the rules call ``kind`` by, for a word only corrections read ("the sale": the discount)."""
    return SAID_EN.get(kind, word) if " ".join(word.lower().split()) in _MORE_KINDS else word


def kind_of_word(word: str) -> str | None:
    if (more := _MORE_KINDS.get(" ".join(word.lower().split()))) is not None:
        return more  # ("time changed to 2pm PST": a text's time, as a correction says it)
    return kind_called(f"the {word}" if word.isascii() else word)


def on_screen(kind: str, texts: Sequence[str]) -> bool:
    return any(holds(kind, text) for text in texts)


def clock_said(kind: str, value: str, texts: Sequence[str]) -> str:
    """A bare clock time ("7:30") with the am/pm of the time shown with ``kind`` ("Doors 7pm": 7:30pm), so
    that no rule reads it as seven and a half minutes; other values as they are."""
    if kind in ("doors", "when") and re.fullmatch(r"\d{1,2}(?:[:.]\d\d)?", value):
        for text in texts:
            if holds(kind, text) and (half := re.search(r"(?i)\d\s*([ap])\.?m\b", text)):
                return value + half.group(1).lower() + "m"
    return value


def fits(kind: str, value: str) -> bool:
    """Whether ``value`` can be new words of ``kind`` (a bare hour for a time, a bare count for spots,
    a name for a venue or a guest)."""
    if "\x00" in value or holds(kind, value) or part_of(kind, value) == value:
        return True  # ("BF60" is a code as the code's words, though no word says "code")
    if kind in ("doors", "when"):
        return holds("when", value) or re.fullmatch(r"\d{1,2}(?:[:.]\d\d)?", value) is not None
    if kind in ("spots", "price", "prize"):
        return re.fullmatch(r"\d[\d,]*(?:\.\d\d)?", value) is not None  # ("price is 179": in its currency)
    if kind == "offer":
        return re.fullmatch(r"\d{1,2}\s*%", value) is not None  # ("the sale is 25% now")
    return kind in ("venue", "guest", "author", "place") and value[:1].isupper()


def kind_of_value(value: str, texts: Sequence[str]) -> str | None:
    """The kind of fact ``value`` is ("6 spots left": spots) when a text on screen holds that kind."""
    if len(value) > 80 or "\x00" in value or _ASKS.match(value) or re.search(r"(?i)\s(?:is|are|was|were)\s", value) \
            or re.search(r"加上?|添加|删|去掉|放到|挪|后面|前面|写上|显示", value):
        return None  # ("remove free parking" is no new discount, "signing is at 7pm" no new date, "日期后面加上星期四"
        # no new date: it was written over the call to action)
    probe = value if not value.lower().startswith("at ") else " " + value  # "at The Jazz Cellar": a venue
    if re.fullmatch(r"\d{1,2}\s*%", value) and on_screen("offer", texts):
        return "offer"  # "35%" on "30% off all succulents": its discount
    for kind in _VALUE_KINDS:
        if holds(kind, probe) and on_screen(kind, texts):
            return kind if mostly(kind, probe, " ".join(texts).casefold()) else None
    return None


def mostly(kind: str, value: str, shown: str = "") -> bool:
    """Whether ``value`` is mostly words of ``kind`` ("6 spots left", "$10 entry"; not "doors at 8pm",
    whose time is the doors')."""
    found = when_at(value) if kind == "when" else None
    if found is not None:
        a, b = found[1]
        words = value[a:b]
    else:
        words = part_of(kind, value) or words_of(kind, value) or ""
    rest = value.replace(words, " ", 1) if words else value
    seen = set(re.findall(r"[^\s,;:·()]+", shown))  # the words on screen, whole ("it" is no word of "Whitfield")
    rest = " ".join(w for w in rest.split() if w.casefold().strip(",.;:!?") not in seen)  # ("call Dana at 555-0177")
    other = [w for w in re.findall(rf"(?i)\b(?:{KIND_WORD})\b", rest) if kind_of_word(w) != kind]
    return len(rest.split()) <= 2 and not other and not re.search(r"(?i)\b(?:no|not|never|without)\b", rest)


def said_value(kind: str, value: str, texts: Sequence[str] = ()) -> str:
    """``value`` without the words around its fact that say nothing ("actually for ages 7 to 12": "7 to
    12") or that the one text holding such a fact says already ("6 for £7.50" on "6 pork & chive £7":
    "£7.50", the text kept whole); as it is when they say something ("$10 entry", "call Dana at 555-0177")."""
    part = part_of(kind, value)
    if not part or part == value:
        return value
    rest = value.replace(part, " ", 1).casefold().split()
    holding = [x.casefold() for x in texts if part_of(kind, x)]
    shown = holding[0] if len(holding) == 1 else ""
    return part if all(w.strip(",.") in _FILLER or kind_of_word(w) == kind
                       or (shown and re.search(rf"(?<!\w){re.escape(w.strip(',.'))}(?!\w)", shown)) for w in rest) else value


def run_extended(new: str, texts: Sequence[str], *, zh: bool = False, said: str = "") -> str | None:
    """A new last day for the one run of days on screen ("extend it to Aug 22" on "July 7 - Aug 15",
    "extend it to monday" on "Fri-Sun"), said as the change of its end; None when no single run of days
    is shown or ``new`` is no day of its kind. One day shown is made a run when ``said`` (the clause)
    says "extend" ("活动延长到12月14日"): "ends Dec 14" may be a sale's new end."""
    new = new.strip()
    runs = [m for text in texts for m in _RUN_END.finditer(text)]
    if not runs:
        return _day_extended(new, texts, zh=zh) if re.search(r"(?i)\bextend|延长|延期|延到", said) else None
    if len(runs) != 1:
        return None
    run = runs[0]
    if run.group("d"):
        return f"change {run.group('d')} to {day_as(run.group('d'), new)}" if day_index(new) is not None else None
    if not _A_DATE.fullmatch(new):
        return None
    if zh:
        return f"把{run.group('z')}改成{new}" if run.group("z") else None
    end = run.group("b")
    if end and end[:1].isdigit():
        new = _in_month(new, run.group("m0"))  # "extend it to Dec 16" on "Dec 12-14": "Dec 12-16"
    return f"change {end} to {dates_capitalised(new)}" if end else None


def _in_month(new: str, month: str) -> str:
    """A new date said as its day alone when it is in ``month`` ("Dec 16" after "Dec 12": "16")."""
    same = re.fullmatch(rf"(?i)({MONTH})\s*(\d.*)", new)
    return same.group(2) if same and same.group(1)[:3].casefold() == month[:3].casefold() else new


# one day shown, with its weekday or not: "Sat Dec 12", "12月12日周六"
_ONE_DAY = re.compile(rf"(?i)(?:\b{WEEKDAY_WORD},?\s+)?(?P<d>{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?)(?!\d)|"
                      r"(?P<z>\d{1,2}\s*月\s*\d{1,2}\s*[日号])(?:\s*[（(]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?)?")


def _day_extended(new: str, texts: Sequence[str], *, zh: bool) -> str | None:
    """The one day on screen made a run of days to ``new`` ("extend it to Dec 14" on "Sat Dec 12 at 7pm":
    "Dec 12-14 at 7pm"; "活动延长到12月14日" on "12月12日周六": "12月12日-12月14日"), its weekday dropped."""
    days = [m for text in texts for m in _ONE_DAY.finditer(text)]
    if len(days) != 1 or not _A_DATE.fullmatch(new):
        return None
    day = days[0]
    if re.search(r"(?i)(?:到|至|截止|截至|\b(?:until|till|thru|through|ends?|ending|by))\s*$", day.string[:day.start()]):
        # an end already ("活动到11月30号", "Ends Dec 12"): the new end in its place, no run
        return f"把{day.group(0)}改成{new}" if zh else f"change {day.group(0)} to {dates_capitalised(new)}"
    if zh and day.group("z"):
        return f"把{day.group(0)}改成{day.group('z')}-{new}"
    if zh or not day.group("d"):
        return None
    start = dates_capitalised(day.group("d"))
    return f"change {day.group(0)} to {start}-{dates_capitalised(_in_month(new, start))}"

