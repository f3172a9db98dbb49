"""A weekday or a date said for a date on screen (pure): "move it to sunday" or "Dec 13" on "Sat Dec 12" is "Sun Dec 13".

"Sunday 8pm" on "Sat Dec 12 at 7pm" wrote "Sunday Dec 12 at 8pm", a day and a date that disagree, and
"extend it to monday" on "Dec 12-14" wrote "Monday-14". The year is never known, so a date moves by a
weekday only when the text says the date's own weekday: by the nearest number of days that reaches the
new one (Saturday to Sunday +1, Saturday to Friday -1), month and ordinal following. A date shown
without its weekday is not guessed at (`undated`): the reply asks for the date.
"""

from __future__ import annotations

import datetime
import re

from .ending import MONTH, WEEKDAY

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
ABBR_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?(?![a-z])"
WEEKDAY_WORD = rf"(?:{WEEKDAY}|{ABBR_DAY})"  # a weekday, whole or abbreviated ("Saturday", "Sat", "thurs")
_NTH = r"(?P<d>\d{1,2})(?P<th>st|nd|rd|th)?(?!\d)"
_NTH2 = r"(?P<d2>\d{1,2})(?P<th2>st|nd|rd|th)?"
WEEKDAY_SAID = re.compile(rf"(?i){WEEKDAY_WORD}")
# "Sat Dec 12", "Saturday, December 12th", "Sat 12 Dec": a date with its weekday
_DATED = re.compile(rf"(?i)\b(?P<w>{WEEKDAY_WORD})(?P<sep>,?\s+(?:the\s+)?)"
                    rf"(?:(?P<m>{MONTH})\s*{_NTH}|{_NTH2}(?:\s+of)?\s+(?P<m2>{MONTH}))")
# a date shown without its weekday, alone or in a run ("Dec 12-14", "July 7 - Aug 15", "12 March")
_DATE = re.compile(rf"(?i)\b(?:{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|through|thru)\s*(?:{MONTH}\s*)?\d{{1,2}}"
                   rf"(?:st|nd|rd|th)?)?(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH})")


# "12月12日周六", "12月12日（周六）": a Chinese date with its weekday; and one without ("12月12日-12月14日")
_DATED_ZH = re.compile(r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*(?P<suf>[日号])(?P<sep>\s*[（(]?\s*)"
                       r"(?P<w>(?:周|星期|礼拜)[一二三四五六日天])(?P<close>\s*[)）]?)")
_DATE_ZH = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:\s*(?:到|至|-|—|~|～)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])?")
WEEKDAY_ZH = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")
_ZH_DAYS = "一二三四五六日"


def day_index(word: str) -> int | None:
    """Monday 0 … Sunday 6 for a weekday or its abbreviation ("Sat", "thurs", "周六"), else None."""
    if zh := WEEKDAY_ZH.fullmatch(word.strip()):
        return _ZH_DAYS.index(zh.group(0)[-1].replace("天", "日"))
    w = word.strip().rstrip(".").lower()
    if len(w) < 3 or not w.isalpha():
        return None  # (one word: "sunday the 18th" is a day of the month too)
    found = [i for i, d in enumerate(_DAYS) if d.startswith(w) or w.startswith(d)]
    return found[0] if len(found) == 1 else None


def _as(old: str, new: str, names: tuple[str, ...] = _DAYS) -> str:
    """``new`` (one of ``names``) in the shape of ``old``: whole or abbreviated to three letters ("Sat"
    -> "Sun", "Tues" -> "Wed"), in its capitals ("DEC" -> "JAN"), with its full stop."""
    dot = old.endswith(".")
    core = old.rstrip(".")
    said = new if core.lower() in names else new[:3]
    if core.isupper():
        said = said.upper()
    elif core[:1].isupper():
        said = said.capitalize()
    return said + ("." if dot else "")


def _year_of(month: int, day: int, weekday: int) -> int | None:
    """The year nearest this one in which ``month``/``day`` falls on ``weekday`` (whether February has a
    29th around it depends on the year; the weekday tells which years it can be)."""
    this = datetime.date.today().year
    for year in sorted(range(this - 14, this + 15), key=lambda y: abs(y - this)):
        try:
            if datetime.date(year, month, day).weekday() == weekday:
                return year
        except ValueError:
            continue
    return None


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _month_index(word: str) -> int:
    w = word.rstrip(".").lower()
    return next(i for i, m in enumerate(_MONTHS) if m.startswith(w[:3]))


def _date_of(dated: re.Match[str]) -> datetime.date | None:
    """The date a `_DATED` or `_DATED_ZH` match shows, in the year nearest this one where its weekday
    is right; None for no such date ("Sun Feb 30")."""
    if dated.re is _DATED_ZH:
        month, day = int(dated.group("m")), int(dated.group("d"))
    else:
        month, day = _month_index(dated.group("m") or dated.group("m2")) + 1, int(dated.group("d") or dated.group("d2"))
    weekday = day_index(dated.group("w"))
    year = _year_of(month, day, weekday) if weekday is not None else None
    return datetime.date(year, month, day) if year is not None else None


def _said_as(dated: re.Match[str], when: datetime.date) -> str:
    """``when`` with its weekday, written as ``dated`` writes its own ("Sat Dec 12", "Saturday, December
    1st", "SAT 31 DEC", "12月12日（周六）")."""
    weekday = when.weekday()
    if dated.re is _DATED_ZH:
        w = dated.group("w")[:-1] + _ZH_DAYS[weekday]
        return f"{when.month}月{when.day}{dated.group('suf')}{dated.group('sep')}{w}{dated.group('close')}"
    month_word = dated.group("m") or dated.group("m2")
    day = when.day
    th = dated.group("th") or dated.group("th2")
    nth = f"{day}{_ordinal(day) if th.islower() else _ordinal(day).upper()}" if th else str(day)
    w, m = _as(dated.group("w"), _DAYS[weekday], _DAYS), _as(month_word, _MONTHS[when.month - 1], _MONTHS)
    return f"{w}{dated.group('sep')}{m} {nth}" if dated.group("m") else f"{w}{dated.group('sep')}{nth} {m}"


def moved(dated: re.Match[str], weekday: str) -> str | None:
    """The date ``dated`` (a `_DATED` or `_DATED_ZH` match) moved to the nearest ``weekday`` (-3 … +3
    days); None when it is no weekday."""
    new, old, when = day_index(weekday), day_index(dated.group("w")), _date_of(dated)
    if new is None or old is None or when is None:
        return None
    return _said_as(dated, when + datetime.timedelta(days=(new - old + 3) % 7 - 3))


def _one_dated(text: str) -> re.Match[str] | None:
    found = list(_DATED.finditer(text)) + list(_DATED_ZH.finditer(text))
    return found[0] if len(found) == 1 else None


def with_weekday(text: str, weekday: str) -> str | None:
    """``text`` with its one date-with-weekday moved to ``weekday`` ("Sat Dec 12 at 7pm", "sunday": "Sun
    Dec 13 at 7pm"); None when it shows no such date (or several).

    >>> with_weekday("Sat Dec 12 at 7pm", "sunday"), with_weekday("Saturday, December 1st", "friday")
    ('Sun Dec 13 at 7pm', 'Friday, November 30th')
    >>> with_weekday("12月12日（周六）晚7点", "周日")
    '12月13日（周日）晚7点'
    """
    if (dated := _one_dated(text)) is None or (new := moved(dated, weekday)) is None:
        return None
    return text[:dated.start()] + new + text[dated.end():]


_NEW_DATE = re.compile(rf"(?i)(?:(?P<m>{MONTH})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       rf"(?P<m2>{MONTH})|(?P<zm>\d{{1,2}})\s*月\s*(?P<zd>\d{{1,2}})\s*[日号])")


def with_date(text: str, date: str) -> str | None:
    """``text`` with its one date-with-weekday said as the new ``date``, its weekday worked out from the
    old one's ("Dec 13" on "Sat Dec 12 at 7pm": "Sun Dec 13 at 7pm"; it lost the weekday, or kept one that
    was wrong); None when ``date`` is no date or ``text`` shows no such date.

    >>> with_date("Sat Dec 12 at 7pm", "dec 13"), with_date("12月12日周六晚7点", "12月19日")
    ('Sun Dec 13 at 7pm', '12月19日周六晚7点')
    """
    new = _NEW_DATE.fullmatch(date.strip())
    if new is None or (dated := _one_dated(text)) is None or (old := _date_of(dated)) is None:
        return None
    if new.group("zm"):
        month, day = int(new.group("zm")), int(new.group("zd"))
    else:
        month, day = _month_index(new.group("m") or new.group("m2")) + 1, int(new.group("d") or new.group("d2"))
    year = old.year + (1 if month < old.month - 6 else 0)  # ("Jan 3" after "Sat Dec 12": the next year's)
    try:
        when = datetime.date(year, month, day)
    except ValueError:
        return None
    return text[:dated.start()] + _said_as(dated, when) + text[dated.end():]


def day_as(old: str, new: str) -> str:
    """The weekday ``new`` written as ``old`` is ("Sun", "monday": "Mon"); ``new`` as it is when either is none."""
    index = day_index(new)
    return _as(old, _DAYS[index]) if index is not None and day_index(old) is not None else new


def undated(text: str) -> str | None:
    """The date or run of dates ``text`` shows without a weekday ("See you on Dec 12-14": "Dec 12-14"), which a
    weekday cannot move; else None."""
    if _DATED.search(text) or _DATED_ZH.search(text):
        return None
    m = _DATE.search(text) or _DATE_ZH.search(text)
    return m.group(0) if m else None


def said_anew(text: str, old: str, new: str) -> str | None:
    """``text`` with the date or weekday ``old`` of its one date-with-weekday said as ``new`` (a date
    or a weekday), the rest of that date following ("change Dec 12 to Dec 13" on "Sat Dec 12 at 7pm":
    "Sun Dec 13 at 7pm"; it wrote "Sat Dec 13"); None when ``old`` is no part of such a date.

    >>> said_anew("Sat Dec 12 at 7pm", "dec 12", "Dec 13"), said_anew("Sat Dec 12 at 7pm", "sat", "sunday")
    ('Sun Dec 13 at 7pm', 'Sun Dec 13 at 7pm')
    """
    dated = _one_dated(text)
    if dated is None or old.strip().casefold() not in dated.group(0).casefold():
        return None
    if day_index(old) is not None and day_index(new) is not None:
        return with_weekday(text, new.strip())
    return with_date(text, new) if _NEW_DATE.fullmatch(old.strip()) else None


def with_day_of_month(text: str, said: str) -> str | None:
    """``text`` with its one date-with-weekday moved to the day of the month ``said`` gives ("sunday the
    18th" on "Sat Oct 17, 1-4pm": "Sun Oct 18, 1-4pm"), its weekday worked out; None otherwise."""
    m = re.fullmatch(rf"(?i)(?:{WEEKDAY_WORD}\s+)?(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)?", said.strip())
    dated = _one_dated(text)
    if m is None or dated is None or (old := _date_of(dated)) is None:
        return None
    try:
        when = old.replace(day=int(m.group("n")))
    except ValueError:
        return None
    return text[:dated.start()] + _said_as(dated, when) + text[dated.end():]

