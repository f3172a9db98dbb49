"""A text on screen called by what it holds (pure): "the date", "the price", "the website", "日期".

"make the date bigger" on a reel with the row 'This Friday, 7pm to midnight' was not understood and
"move the date to the top" answered "there is no 'date' in the project": people call the texts a
video shows by what they say, not by their role.
"""

from __future__ import annotations

import re

from . import day_dates
from .ending import MONTH, WEEKDAY, capitalise_dates, capitalised, contact_in
from .when import when_at

# the kinds of words a text holds, as a clause calls them
# ("the time" alone is the video's length as often: "change the time to 20 seconds"; "the event time" is a text's)
KIND_EN = (r"\bthe\s+(?:(?:event|opening|show|start)\s+(?P<t>times?)|(?:event\s+|opening\s+|show\s+|box\s*office\s+|booking\s+|"
           r"contact\s+|ticket\s+|tickets\s+|intro(?:ductory)?\s+|special\s+|launch\s+|trial\s+)?(?P<k>dates?|day|"
           r"hours|prices?|pricing|pay|wages?|salary|rate|website|site|web\s+address|url|link|address|location|phone(?:\s+number)?|number|email|"
           r"e-mail|promo\s+code|code|coupon|discount|offer|deal|prizes?|giveaway|gift\s+card|venue|spots?|seats|places\s+left|"
           r"ages?|age\s+range|guests?|host|speaker|teacher|instructor|coach|trainer|dj|author|doors))\b")
KIND_ZH = r"(?P<z>日期|时间|营业时间|价格|售价|网址|官网|链接|地址|电话|邮箱|优惠码|折扣|优惠|名额|场地|嘉宾|微信号?)"
RX_KIND = re.compile(f"{KIND_EN}|{KIND_ZH}", re.I)

_KIND_OF = {"date": "when", "dates": "when", "time": "when", "times": "when", "day": "when", "hours": "when",
            "price": "price", "prices": "price", "pricing": "price", "pay": "pay", "wage": "pay", "wages": "pay",
            "salary": "pay", "rate": "pay", "website": "web", "site": "web",
            "web address": "web", "url": "web", "link": "web", "address": "place", "location": "place",
            "phone": "phone", "phone number": "phone", "number": "phone", "email": "mail", "e-mail": "mail",
            "promo code": "code", "code": "code", "coupon": "code", "discount": "offer", "offer": "offer", "deal": "offer",
            "prize": "prize", "prizes": "prize", "giveaway": "prize", "gift card": "prize",
            "venue": "venue", "spot": "spots", "spots": "spots", "seats": "spots", "places left": "spots",
            "age": "ages", "ages": "ages", "age range": "ages", "guest": "guest", "guests": "guest", "host": "guest",
            "speaker": "guest", "teacher": "guest", "instructor": "guest", "coach": "guest", "trainer": "guest",
            "dj": "guest", "author": "author", "doors": "doors", "名额": "spots", "场地": "venue", "嘉宾": "guest",
            "日期": "when", "时间": "when", "营业时间": "when", "价格": "price", "售价": "price", "网址": "web", "官网": "web",
            "链接": "web", "微信": "wechat", "微信号": "wechat", "地址": "place", "电话": "phone", "邮箱": "mail",
            "优惠码": "code", "折扣": "offer", "优惠": "offer"}

# the words alone, as a correction names them ("doors at 8pm instead", "价格现在是99元"; `rules.corrections`)
KIND_WORD_EN = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _KIND_OF if w.isascii()), key=len, reverse=True))
KIND_WORD_ZH = KIND_ZH

_RATE = r"[$€£¥￥]\s?\d[\d,]*(?:\.\d{1,2})?k?\s*(?:/\s*(?:hr|hour|h|yr|year|wk|week|mo|month)\b|per\s+(?:hour|year|week|month)\b|an?\s+hour\b)"
_HOLDS = {
    # what a job pays ("$21.50/hr + $1.50/hr nights"): a price by the hour, week or year
    "pay": re.compile(rf"(?i){_RATE}|时薪|月薪|年薪"),
    "when": re.compile(rf"(?i)\b(?:{WEEKDAY}|{MONTH}\s+\d|\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\b|tonight|tomorrow|open\s+\d|"
                       r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\s*[-–]\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b)|"
                       r"(?:周|星期|礼拜)[一二三四五六日天]|\d\s*月\s*\d|\d\s*点|[:：]\d\d"),
    # ("No cover", "Free entry": what it costs to get in, a price of none)
    "price": re.compile(r"[$€£¥￥]\s?\d|\d\s*(?:元|块|usd|eur|dollars?)\b|\bno\s+cover\b|\bfree\s+(?:entry|admission)\b|免费入场|"
                        r"价(?:格)?\s*[:：]?\s*\d|"  # ("到手价199")
                        # ("398一晚起", "一斤1280" is its own: a number and what it is for)
                        r"\d{2,6}(?:\.\d{1,2})?\s*(?:一晚|/晚|每晚|一位|/位|一人|/人|一斤|/斤|一盒|/盒|一杯|/杯|起)",
                        re.I),
    "web": re.compile(r"(?i)\b[\w-]+\.(?:com|org|net|io|co|app|shop|store|cn|uk|de|fr)\b|www\.|https?://"),
    "place": re.compile(r"(?i)\b\d+\s+\w+(?:\s+\w+)?\s+(?:st|street|ave|avenue|road|rd|blvd|lane|ln|way|drive|dr)\b|路|街|号楼|广场|"
                        r"大道|胡同|小区|大厦|[省市][\u4e00-\u9fff]{1,6}[区县]"),  # ("杭州市滨江区江南大道1234号")
    "phone": re.compile(r"\+?\d[\d\s().-]{6,}\d"),
    "mail": re.compile(r"[\w.+-]+@[\w-]+\.\w+"),
    "code": re.compile(r"(?i)\bcode\b|优惠码"),
    "offer": re.compile(r"(?i)\d+\s*%\s*off|\bfree\b|\bsale\b|[一二三四五六七八九\d]\s*折|优惠|免费|买[一二三四五六七八九十\d]+送[一二三四五六七八九十\d]+"),
    "prize": re.compile(r"(?i)\bprizes?\b|\bwin\b|\bgiveaway\b|\bgift\s+card\b|\brewards?\b|奖品|抽奖|悬赏|酬谢"),
    # the facts a first cut keeps (`facts`): "At The Clay Room", "Only 12 spots left", "Ages 6-12", "With Dr. Lena Ortiz"
    "venue": re.compile(r"(?:^|\s)(?i:live\s+)?(?i:at)\s+(?:[Tt]he\s+)?[A-Z]"),
    "spots": re.compile(r"(?i)\b\d+\s+(?:spots?|seats?|places?|tickets?)\b|\b(?:spots|seats|places)\s+(?:left|fill)|名额|席位|"
                       r"限\d{1,4}(?:人|名|位)"),
    "ages": re.compile(r"(?i)\bages?\s+\d|\b\d{1,2}\s*\+|岁以上"),
    "guest": re.compile(r"(?i)^(?:with|featuring|feat\.|ft\.)\s|嘉宾"),
    "author": re.compile(r"(?i)^by\s"),
    "doors": re.compile(r"(?i)\bdoors\b"),
    # ("lj_tea2026" added for "最后加上 微信号 lj_tea2026": the ID alone, letters with a digit or an underscore)
    "wechat": re.compile(r"微信|^(?=[A-Za-z0-9_-]*[\d_])[A-Za-z][A-Za-z0-9_-]{5,19}$"),
}


HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")  # "@sudsypaws", not "hello@x.co"
# when no text holds a kind, the text holding this one is it: "the offer" on screen as its price ("$39")
STANDS_IN = {"offer": "price"}


def kind_called(clause: str) -> str | None:
    """The kind of text a clause calls by what it holds ("make the date bigger": 'when'), or None."""
    m = RX_KIND.search(clause or "")
    if m is None:
        return None
    word = re.sub(r"\s+", " ", (m.group("k") or m.group("t") or m.group("z")).lower())
    return _KIND_OF.get(word)


def holds(kind: str, text: str) -> bool:
    """Whether ``text`` holds words of ``kind``.

    >>> holds("when", "This Friday, 7pm to midnight"), holds("web", "Tickets $12 at sciencehall.org")
    (True, True)
    >>> holds("price", "This Friday, 7pm to midnight"), holds("when", "Tickets $12 at sciencehall.org")
    (False, False)
    """
    rx = _HOLDS.get(kind)
    if rx is None:
        return False
    if kind == "when" and when_at(text):
        return True
    if kind == "web" and contact_in(text) and "." in (contact_in(text) or ""):
        return True
    return bool(rx.search(text))


# the words themselves, to take them out of a longer text ("remove the website" from "Tickets $12 at
# sciencehall.org" leaves "Tickets $12"; it removed the whole call to action)
_PLACE_NAME = r"(?-i:(?:The\s+)?[A-Z][\w'’&]+(?:\s+(?:[A-Z][\w'’&]+|\d{1,4}\b|&|of|on|the))*)"
_PERSON = r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})"
_PART = {
    "pay": re.compile(_RATE, re.I),
    # (a comma between digits only: "$32, free shipping" kept its comma when the price changed)
    # ("$1.45m-$1.55m": a range, millions; "the guide is now $1.5m - $1.6m" was not understood)
    "price": re.compile(r"(?:[$€£¥￥]\s?\d(?:,?\d)*(?:\.\d{1,2})?(?:[kKmM]\b)?(?:\s*[-–]\s*[$€£¥￥]?\s?\d(?:,?\d)*(?:\.\d{1,2})?(?:[kKmM]\b)?)?|"
                        r"\d(?:,?\d)*(?:\.\d{1,2})?\s*(?:元|块|usd|eur|dollars?)\b|"
                        r"(?<=价)\d(?:,?\d)*(?:\.\d{1,2})?(?:\s*(?:元|块))?)", re.I),
    "web": re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|co|app|shop|store|cn|uk|de|fr)"
                      r"(?:/[\w/.-]*)?", re.I),
    "phone": _HOLDS["phone"],
    "mail": _HOLDS["mail"],
    "code": re.compile(r"(?-i:\b(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{2,19}\b)"),
    "prize": re.compile(r"[$€£¥]\s?\d[\d,]*(?:\.\d{1,2})?"),  # its amount
    # "Only 12 spots left", "仅剩10个名额": its number
    "spots": re.compile(r"(?i)\d{1,4}(?=\s+(?:spots?|seats?|places?|tickets?)\b)|\d{1,4}(?=\s*(?:个|名)?(?:名额|席位|座位))"),
    "ages": re.compile(r"\d{1,2}\s*(?:-|–|to)\s*\d{1,2}|\d{1,2}\s*\+"),
    # "Doors 7pm", "7pm (doors 6.30)": its time (the one said after "doors" first; "6.45pm" whole, not "45pm")
    "doors": re.compile(r"(?i)(?<=\bdoors\s)(?:at\s|open\s)?\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b)?|"
                        r"(?<![\d.:])\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b(?!.*\bdoors\s+(?:at\s+|open\s+)?\d)"),
    "wechat": re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z0-9_-]{4,19}(?![A-Za-z0-9_-])"),  # "报名微信 bake520": the ID
    # "Live at Blue Moon Bar": the name ("change the venue to The Jazz Cellar" keeps "Live at")
    "venue": re.compile(rf"(?<=\b[Aa]t\s){_PLACE_NAME}"),
    # "With Dr. Lena Ortiz": the name ("the teacher is Maya Chen now" keeps "With")
    "guest": re.compile(rf"(?<=\bwith\s){_PERSON}|(?<=\bfeaturing\s){_PERSON}", re.I),
    "offer": re.compile(r"(?:up\s+to\s+)?(?:\d{1,2}\s*%|[$€£]\d+)\s+off\b|\bbuy\s+\d\s+get\s+\d\s+free\b|"
                        r"(?:\d(?:\.\d)?|[一二三四五六七八九])\s*折|买[一二三四五六七八九十\d]+送[一二三四五六七八九十\d]+", re.I),
}
_SAID_WHOLE = {"code", "prize", "offer"}  # taken out with the words around them ("Use code GLOW50"), never alone
_DANGLING = re.compile(r"(?i)\s*(?:\b(?:at|on|for|from|via|by|with|featuring|only|just|is|are|·|-|–|—|:|,)\s*)+$|^\s*(?:·|-|–|—|:|,)\s*")


def without(kind: str, text: str) -> str | None:
    """``text`` with the words of ``kind`` taken out, when more than a word of it is left; else None.

    >>> without("web", "Tickets $12 at sciencehall.org"), without("price", "Tickets $12 at sciencehall.org")
    ('Tickets $12', 'Tickets at sciencehall.org')
    >>> without("web", "www.example.com") is None, without("when", "Tickets $12")
    (True, None)
    """
    if " · " in text:  # a row of parts: the parts saying it go ("remove the code" from "Use code GLOW50 · Order at …")
        parts = text.split(" · ")
        kept = [p for p in parts if not holds(kind, p)]
        if kept and len(kept) < len(parts):
            return " · ".join(kept)
    rx = None if kind in _SAID_WHOLE else _PART.get(kind)
    if rx is None:
        if kind != "when" or not (found := when_at(text)):
            return None
        a, b = found[1]
        rest = text[:a] + " " + text[b:]
    else:  # with the word leading to it: "Call us at +1 555 123 4567 today" -> "Call us today"
        rest = re.sub(rf"(?:\b(?:at|on|via|by)\s+)?(?:{rx.pattern})", " ", text, flags=re.I)
    rest = " ".join(_DANGLING.sub("", " ".join(rest.split())).split())
    rest = re.sub(r"\s+([,.;:!?])", r"\1", rest)
    if _TORN.search(rest):
        return None  # "All flash designs £60 or 2 for £100" without its prices is "All flash designs or 2"
    return rest if rest != text and len(rest.split()) >= 2 else None


# what is left of a text torn where its fact was: a joining word with nothing, or only a count, after it
_TORN = re.compile(r"(?i)\b(?:or|and|for|from|with|plus|per|each)(?:\s+\d+)?\s*[,.;:!?]*$|(?:^|\s)[&+/]\s*\d*\s*$")


_ZONE = r"\s*(?-i:EST|EDT|PST|PDT|CST|CDT|MST|MDT|GMT|UTC|BST|CET|CEST|ET|PT|CT|MT|AEST|IST|JST)\b"
_CLOCK_P = rf"\b\d{{1,2}}(?::\d\d)?\s*(?P<half>[ap]\.?m\.?)(?![a-z])(?:{_ZONE})?"  # ("3pm EST")
_CLOCK = re.compile(_CLOCK_P, re.I)
_CLOCKS_P = r"\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:-|–|to)\s*\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?(?![a-z])"
_CLOCKS = re.compile(_CLOCKS_P, re.I)
_ABBR_DAY = day_dates.ABBR_DAY
_WEEKDAY_P = rf"\b(?:(?:this|next|every)\s+)?(?:{WEEKDAY}s?|{_ABBR_DAY})"  # ("Tuesdays")
_DATE_P = rf"\b(?:(?:{WEEKDAY}|{_ABBR_DAY}),?\s+)?(?:{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH})"
_WEEKDAY, _DATE = re.compile(_WEEKDAY_P, re.I), re.compile(_DATE_P, re.I)
_DAY_AND_CLOCK = re.compile(rf"(?P<d>{_WEEKDAY_P}|{_DATE_P})\s*,?\s*(?:at\s+)?(?P<c>{_CLOCK_P})", re.I)


def dates_capitalised(words: str) -> str:
    """Month and weekday names in ``words`` capitalised, their abbreviations too ("wed-sun": "Wed-Sun")."""
    return capitalise_dates(words, also=_ABBR_DAY)


_WEEKDAY_ZH = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")
_CLOCK_ZH = re.compile(r"(?:上午|下午|晚上|早上|中午|傍晚)?\d{1,2}(?:[:：]\d\d|点(?:半|\d{1,2}分?)?)")
# opening hours on a 24-hour clock: "10:00-22:00", "9:00至21:00"
CLOCK_RANGE = re.compile(r"\d{1,2}[:：]\d\d\s*(?:-|–|~|～|至|到)\s*\d{1,2}[:：]\d\d")
_TIME_ONLY = re.compile(rf"(?:每天|daily\s+|every\s+day\s+)?(?:{_CLOCKS_P}|{_CLOCK_P}|"
                        rf"{_CLOCK_ZH.pattern}(?:\s*(?:-|–|~|～|至|到)\s*{_CLOCK_ZH.pattern})?)", re.I)
_DATES_RUN = re.compile(rf"(?i)\b{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|through|thru)\s*(?:{MONTH}\s*)?\d{{1,2}}(?:st|nd|rd|th)?(?!\d)")
_DAYS_RUN = re.compile(rf"(?i)\b(?:{WEEKDAY}|{_ABBR_DAY})s?\s*(?:-|–|to|through|thru)\s*(?:{WEEKDAY}|{_ABBR_DAY})s?(?![a-z])")  # "Tue-Sun"
# a shape of day or time, and the shapes on screen it stands for, in the order tried
# (a date for a date with its weekday: "April 19" for "Saturday April 12", whose weekday it is not)
_SHAPES = ((CLOCK_RANGE, (CLOCK_RANGE,)), (_DATES_RUN, (_DATES_RUN,)), (_DAYS_RUN, (_DAYS_RUN,)), (_DATE, (_DATE, _WEEKDAY)), (_WEEKDAY, (_WEEKDAY,)),
           (_CLOCKS, (_CLOCKS,)), (_CLOCK, (_CLOCK,)), (_WEEKDAY_ZH, (_WEEKDAY_ZH,)), (_CLOCK_ZH, (_CLOCK_ZH,)))


class UnplacedDay(ValueError):
    """A weekday said for a date shown without its weekday ("move it to monday" on "Dec 12-14"): which
    date that is cannot be known, so nothing is written."""

    def __init__(self, date: str, day: str) -> None:
        super().__init__(f"'{date}' on screen shows no weekday, so which date {dates_capitalised(day)} is is not "
                         f"known; say the date, e.g. 'change {date} to …'")


def _new_day(text: str, day: str) -> str | None:
    """``text`` with its day said as the weekday ``day``: its dated day moved to it ("Sat Dec 12":
    "Sun Dec 13"); None when it shows no date; `UnplacedDay` when its date has no weekday."""
    weekday = day.split()[-1]
    if day_dates.day_index(weekday) is None:
        return None
    if (moved := day_dates.with_weekday(text, weekday)) is not None:
        return moved
    if (date := day_dates.undated(text)) is not None:
        raise UnplacedDay(date, weekday)
    return None


def day_moved(text: str, new: str) -> str | None:
    """``text`` with its date-with-weekday moved to the weekday or the date ``new`` ("Sat Dec 12 at 7pm",
    "sunday" or "Dec 13": "Sun Dec 13 at 7pm"); None when ``new`` is neither or ``text`` shows no such date."""
    if _WEEKDAY.fullmatch(new.strip()) or _WEEKDAY_ZH.fullmatch(new.strip()):
        return day_dates.with_weekday(text, new.split()[-1])
    return day_dates.with_date(text, new)


def _day_and_clock(text: str, new: str) -> str | None:
    """``text`` with its day and its time said anew when ``new`` is a day and a time ("Friday 3pm" on
    "Thursday 3pm EST": "Friday 3pm EST", the zone kept); else None."""
    m = _DAY_AND_CLOCK.fullmatch(new)
    day, clock = (_WEEKDAY.search(text) or _DATE.search(text)), _CLOCK.search(text)
    if m is None or day is None or clock is None or day.end() > clock.start() \
            or re.match(r"(?i)\s*(?:-|–|to|until|till)\s", text[clock.end():]):
        return None  # (a day and a time for hours "7pm to midnight" are all of it anew)
    said_clock = m.group("c")
    if not re.search(_ZONE, said_clock) and (zone := re.search(_ZONE, clock.group(0))):
        said_clock += zone.group(0)  # the zone it was given in stays
    head = _new_day(text[:clock.start()], m.group("d"))  # ("Sunday 8pm" on "Sat Dec 12 at 7pm": Sun Dec 13)
    if head is None:
        head = text[:day.start()] + dates_capitalised(m.group("d")) + text[day.end():clock.start()]
    return head + said_clock + text[clock.end():]


_DAY_AND_CLOCK_ZH = re.compile(r"(?P<d>(?:周|星期|礼拜)[一二三四五六日天])\s*(?P<c>(?:上午|下午|晚上|早上|中午|傍晚|晚|早)?"
                               r"\d{1,2}(?:[:：]\d\d|点(?:半|\d{1,2}分?)?))")
_CLOCK_ZH_SAID = re.compile(r"(?:上午|下午|晚上|早上|中午|傍晚|晚|早)?\d{1,2}(?:[:：]\d\d|点(?:半|\d{1,2}分?)?)")


def _day_and_clock_zh(text: str, new: str) -> str | None:
    """``text`` with its dated day moved and its time said anew when ``new`` is a Chinese day and time
    ("周日晚8点" on "12月12日周六晚7点": "12月13日周日晚8点"; it was "周日晚8点" alone); else None."""
    m = _DAY_AND_CLOCK_ZH.fullmatch(new.strip())
    if m is None or (moved := _new_day(text, m.group("d"))) is None:
        return None
    clocks = list(_CLOCK_ZH_SAID.finditer(moved))
    if not clocks:
        return moved + m.group("c")
    if len(clocks) != 1:
        return None
    return moved[:clocks[0].start()] + m.group("c") + moved[clocks[0].end():]


def any_number(words: str) -> str:
    """A pattern of ``words`` with each number in them standing for any number ("每晚60" -> ``每晚\\d+(?:\\.\\d+)?``):
    the same words said anew but for a number."""
    return re.sub(r"\d+(?:\.\d+)?", lambda _: r"\d+(?:\.\d+)?", re.escape(words))


def same_shape(text: str, new: str) -> str | None:
    """The words of ``text`` that a day or a time ``new`` stands for (a weekday for a weekday, a date
    with its weekday for a date, "下午2点" for "下午3点"), when ``text`` says more than them; else None."""
    for rx, olds in _SHAPES:
        if not rx.fullmatch(new):
            continue
        for old_rx in olds:
            if (old := old_rx.search(text)) and not (old.start() == 0 and old.end() == len(text)):
                return old.group(0)
        return None
    return None


def _one_of_when(text: str, new: str) -> str | None:
    """``text`` with only its day, or only its clock time, said anew when ``new`` is one of them
    ("change the date to saturday" on "Friday 7pm": "Saturday 7pm"; it was "Saturday" alone)."""
    if (both := _day_and_clock(text, new)) is not None:
        return both
    if (_WEEKDAY.fullmatch(new) or _WEEKDAY_ZH.fullmatch(new)) and (moved := _new_day(text, new)) is not None:
        return moved  # ("move it to sunday" on "Sat Dec 12 at 7pm": "Sun Dec 13 at 7pm"; "改到周日")
    if (dated := day_dates.with_date(text, new)) is not None:
        return dated  # ("change the date to Dec 13" on "Sat Dec 12 at 7pm": "Sun Dec 13 at 7pm")
    if (both := _day_and_clock_zh(text, new)) is not None:
        return both
    old = same_shape(text, new)
    if old:
        return text.replace(old, dates_capitalised(new), 1)  # (hours: "9am-3pm" for "8am-2pm")
    if _TIME_ONLY.fullmatch(new) and not (_CLOCK.search(text) or _CLOCK_ZH.search(text)):
        return f"{text} {new}"  # a time for a day that had none: "July 20" -> "July 20 7pm"
    return None


def words_of(kind: str, text: str) -> str | None:
    """The words by which ``text`` holds ``kind`` (`holds`'s first match), or None."""
    m = _HOLDS[kind].search(text) if kind in _HOLDS else None
    return m.group(0) if m else None


def part_of(kind: str, text: str) -> str | None:
    """The words of ``kind`` in ``text`` ("50% off" in "50% off all candles"), or None."""
    rx = _PART.get(kind)
    m = rx.search(text) if rx is not None else None
    return m.group(0) if m else None


def with_new(kind: str, text: str, new: str) -> str | None:
    """``text`` with its words of ``kind`` replaced by ``new`` when ``new`` is only such words and the
    text says more around them ("change the code to CANDLE20" on "Use code GLOW50" -> "Use code
    CANDLE20"; it was "CANDLE20" alone); else None (the whole text takes the new words).

    >>> with_new("code", "Use code GLOW50", "CANDLE20"), with_new("web", "Order at bloomandco.com", "bloom.co")
    ('Use code CANDLE20', 'Order at bloom.co')
    >>> with_new("when", "Open 7am-3pm Tue-Sun", "8am-4pm Mon-Sat"), with_new("price", "$12", "$15")
    ('Open 8am-4pm Mon-Sat', None)
    """
    new = new.strip()
    if " · " in text:  # a row of parts ("Doors 7pm · No cover"): the one part saying it takes the new words
        parts = text.split(" · ")
        hit = [i for i, p in enumerate(parts) if holds(kind, p)]
        if len(hit) == 1:
            i = hit[0]
            parts[i] = with_new(kind, parts[i], new) or capitalised(dates_capitalised(new))
            return " · ".join(parts)
    if kind in ("doors", "when") and re.fullmatch(r"\d{1,2}(?::\d\d)?", new) and (old := _CLOCK.search(text)):
        new += old.group("half")  # "change the doors to 8" on "Doors 7pm": 8pm
    if kind == "when" and (said := _one_of_when(text, new)) is not None:
        return said
    if kind == "price" and re.fullmatch(r"\d[\d,]*(?:\.\d{1,2})?", new) and (old := _PART["price"].search(text)):
        new = re.sub(r"\d[\d,]*(?:\.\d{1,2})?", new, old.group(0), count=1)  # "价格不对，是1899" on "只要1999元": 1899元
        return text[:old.start()] + new + text[old.end():]  # ("price is 179" on "$199": "$179"; "到手价189")
    if (said := part_of(kind, new)) and said != new and kind in ("price", "phone", "web", "mail") \
            and all(w in text.casefold() for w in new.replace(said, " ").casefold().split()):
        new = said  # "年卡1099元" on "前100名会员年卡只要999元": the words around it are there already
    if kind == "offer" and re.fullmatch(r"\d{1,2}\s*%", new) and (pct := re.search(r"\d{1,2}\s*%", text)):
        return text[:pct.start()] + new + text[pct.end():]  # "make the discount 30%" on "20% off all pastries"
    rx = _PART.get(kind)
    if kind == "spots" and (count := re.fullmatch(r"(?i)(\d{1,4})\s*(?:spots?|seats?|places?|个|名|人|位)?(?:\s+left)?", new)):
        found = _PART["spots"].search(text)  # "change the spots to 8", "名额改成8个": the number
        return text[:found.start()] + count.group(1) + text[found.end():] if found else None
    if rx is not None:
        found = rx.search(text)
        fits = (rx.fullmatch(new) or kind == "venue" and re.fullmatch(_PLACE_NAME, new)
                or kind == "guest" and re.fullmatch(_PERSON, new))
        span = found.span() if found else None
    else:
        found_when, new_when = (when_at(text), when_at(new)) if kind == "when" else (None, None)
        span = found_when[1] if found_when else None
        if span is None and kind == "when" and (day := re.search(rf"(?i)\b{WEEKDAY}\b", text)):
            span = day.span()  # "new ep out tuesday — listen on …": the day said alone ("its tuesday the 9th")
        fits = new_when is not None and new_when[1] == (0, len(new.strip()))
    if span is None or not fits or span == (0, len(text)):
        return None
    if kind == "when" and re.match(r"(?i)on\s", text[span[0]:span[1]]) and not re.match(
            r"(?i)(?:on|this|next|every|tonight|tomorrow|today)\b", new.strip()):
        span = (span[0] + 3, span[1])  # "See you on Dec 12" -> "See you on Dec 13" (not "See you Dec 13")
    return text[:span[0]] + new.strip() + text[span[1]:]
