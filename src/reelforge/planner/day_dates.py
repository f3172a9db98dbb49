"""A weekday said for a date on screen (pure): "move it to sunday" on "Sat Dec 12" is "Sun Dec 13".

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
_ABBR = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?(?![a-z])"
_NTH = r"(?P<d>\d{1,2})(?P<th>st|nd|rd|th)?(?!\d)"
_NTH2 = r"(?P<d2>\d{1,2})(?P<th2>st|nd|rd|th)?"
WEEKDAY_SAID = re.compile(rf"(?i)(?:{WEEKDAY}|{_ABBR})")
# "Sat Dec 12", "Saturday, December 12th", "Sat 12 Dec": a date with its weekday
_DATED = re.compile(rf"(?i)\b(?P<w>{WEEKDAY}|{_ABBR})(?P<sep>,?\s+(?:the\s+)?)"
                    rf"(?:(?P<m>{MONTH})\s*{_NTH}|{_NTH2}(?:\s+of)?\s+(?P<m2>{MONTH}))")
# a date shown without its weekday, alone or in a run ("Dec 12-14", "July 7 - Aug 15", "12 March")
_DATE = re.compile(rf"(?i)\b(?:{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|through|thru)\s*(?:{MONTH}\s*)?\d{{1,2}}"
                   rf"(?:st|nd|rd|th)?)?(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH})")


def day_index(word: str) -> int | None:
    """Monday 0 … Sunday 6 for a weekday or its abbreviation ("Sat", "thurs"), else None."""
    w = word.strip().rstrip(".").lower()
    if len(w) < 3:
        return None
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


def moved(dated: re.Match[str], weekday: str) -> str | None:
    """The date ``dated`` (a `_DATED` match) moved to the nearest ``weekday``; None when it is no weekday."""
    new, old = day_index(weekday), day_index(dated.group("w"))
    if new is None or old is None:
        return None
    shift = (new - old + 3) % 7 - 3  # the nearest: -3 … +3 days
    month_word = dated.group("m") or dated.group("m2")
    month, day = _month_index(month_word) + 1, int(dated.group("d") or dated.group("d2"))
    year = _year_of(month, day, old)
    if year is None:
        return None  # (no such date: "Feb 30")
    when = datetime.date(year, month, day) + datetime.timedelta(days=shift)
    month, day = when.month - 1, when.day
    th = dated.group("th") or dated.group("th2")
    nth = f"{day}{_ordinal(day) if th is None or th.islower() else _ordinal(day).upper()}" if th else str(day)
    w, m = _as(dated.group("w"), _DAYS[new], _DAYS), _as(month_word, _MONTHS[month], _MONTHS)
    return f"{w}{dated.group('sep')}{m} {nth}" if dated.group("m") else f"{w}{dated.group('sep')}{nth} {m}"


def with_weekday(text: str, weekday: str) -> str | None:
    """``text`` with its one date-with-weekday moved to ``weekday`` ("Sat Dec 12 at 7pm", "sunday": "Sun
    Dec 13 at 7pm"); None when it shows no such date (or several).

    >>> with_weekday("Sat Dec 12 at 7pm", "sunday"), with_weekday("Saturday, December 1st", "friday")
    ('Sun Dec 13 at 7pm', 'Friday, November 30th')
    """
    found = list(_DATED.finditer(text))
    if len(found) != 1 or (new := moved(found[0], weekday)) is None:
        return None
    return text[:found[0].start()] + new + text[found[0].end():]


def day_as(old: str, new: str) -> str:
    """The weekday ``new`` written as ``old`` is ("Sun", "monday": "Mon"); ``new`` as it is when either is none."""
    index = day_index(new)
    return _as(old, _DAYS[index]) if index is not None and day_index(old) is not None else new


def undated(text: str) -> str | None:
    """The date ``text`` shows without its weekday ("Dec 12-14": "Dec 12"), which a weekday cannot move; else None."""
    if _DATED.search(text):
        return None
    m = _DATE.search(text)
    return m.group(0) if m else None
