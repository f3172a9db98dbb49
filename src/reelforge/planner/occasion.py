"""What a video for an occasion opens on (pure).

"birthday video for mom with these photos" opens on "Happy Birthday, Mom" (it had no text at all,
or the title "Mom"), "happy new year video" on "Happy New Year", "生日视频" on "生日快乐";
"we're hiring baristas, apply at jobs.example.com" on "We're Hiring Baristas", "announcing our new
hire Grace" on "Welcome, Grace". A greeting is the
whole of the text of such a video unless more is asked: no "Shop now" under a birthday.
"""

from __future__ import annotations

import re

# (what names the occasion, its greeting in English, in Chinese)
_GREETINGS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"\b(?:birthday|bday|b-day)\b|生日", re.I), "Happy Birthday", "生日快乐"),
    (re.compile(r"\bmother'?s\s+day\b|\bmothers\s+day\b|母亲节", re.I), "Happy Mother's Day", "母亲节快乐"),
    (re.compile(r"\bfather'?s\s+day\b|\bfathers\s+day\b|父亲节", re.I), "Happy Father's Day", "父亲节快乐"),
    (re.compile(r"\b(?:wedding\s+)?anniversary\b", re.I), "Happy Anniversary", "周年快乐"),
    (re.compile(r"\bvalentine'?s?(?:\s+day)?\b|情人节", re.I), "Happy Valentine's Day", "情人节快乐"),
    (re.compile(r"\bchristmas\b|\bxmas\b|圣诞", re.I), "Merry Christmas", "圣诞快乐"),
    (re.compile(r"\bnew\s+year'?s?\b|新年|春节|过年", re.I), "Happy New Year", "新年快乐"),
    (re.compile(r"\bthanksgiving\b|感恩节", re.I), "Happy Thanksgiving", "感恩节快乐"),
    (re.compile(r"\bgraduation\b|\bgrad\s+video\b|毕业", re.I), "Congratulations", "毕业快乐"),
    (re.compile(r"中秋", re.I), "Happy Mid-Autumn Festival", "中秋快乐"),
]
# words that make it a promotion, not a greeting: "christmas sale", "mother's day promo for our shop"
_SELLING = re.compile(
    r"\b(?:sale|sales|discount|deal|deals|offer|promo|promotional|promotion|product|products|ad|advert|"
    r"advertisement|commercial|shop|store|brand|collection|launch|\d+\s*%\s*off)\b|促销|打折|优惠|特价|宣传|推广|产品|"
    r"广告|新品|品牌|商品|店", re.I)
# who it is for, as they are called: "for mom", "for my dad", "for Anna", "Anna's birthday"
_KIN = ("mom", "mum", "mommy", "mummy", "mama", "dad", "daddy", "papa", "grandma", "grandpa", "granny", "nana",
        "grandmother", "grandfather", "sis", "bro")
_FOR_WHOM = re.compile(
    r"\bfor\s+(?:my\s+|our\s+)?(?P<kin>" + "|".join(_KIN) + r")\b|"
    r"\b(?:my\s+|our\s+)?(?P<kin2>" + "|".join(_KIN) + r")'?s\s+(?:\d+\w*\s+)?(?:birthday|bday)\b|"
    r"\b(?:birthday|bday|christmas|xmas|new\s+year|anniversary),?\s+(?P<kin3>" + "|".join(_KIN) + r")\b", re.I)
_NAMED = re.compile(r"\bfor\s+(?P<n>[A-Z][a-z]{1,15})\b(?!\s+(?:Day|Eve))|\b(?P<n2>[A-Z][a-z]{1,15})'s\s+(?:\d+\w*\s+)?"
                    r"(?:birthday|bday)\b|\b(?i:my|our)\s+(?i:son|daughter|wife|husband|friend|best\s+friend|boyfriend|"
                    r"girlfriend|sister|brother|partner|boss|colleague|teacher|niece|nephew|grandson|granddaughter)\s+"
                    r"(?P<n3>[A-Z][a-z]{1,15})\b")
# the name typed after the greeting: "happy 30th birthday Jess!!"
_NAMED_AFTER = re.compile(r"(?i:birthday|bday|anniversary)[,!]?\s+(?P<n>[A-Z][a-z]{1,15})\b")
# which one: "30th birthday", "our 10th anniversary"
_ORDINAL = re.compile(r"(?i)\b(?P<o>\d{1,3}(?:st|nd|rd|th))\s+(?:birthday|bday|b-day|anniversary)\b")
_NOT_AFTER = {"Video", "Reel", "Clip", "Slideshow", "Montage", "Card", "Party", "Wishes", "Message", "Post", "Story",
              "Make", "Please", "With", "Using", "For", "From", "To", "This", "These", "Music", "Photos", "Pics"}
_NOT_NAMES = {"Mother", "Father", "Christmas", "Valentine", "New", "Instagram", "Tiktok", "TikTok", "Youtube",
              "YouTube", "Reels", "Facebook", "My", "Our", "The", "Me", "Us", "Happy"}

_HIRING = re.compile(r"\b(?P<lead>we(?:'re|’re|\s+are)|now|(?:we|we're|we\s+are)\s+now)\s+hiring"
                     r"(?:\s+(?:for\s+)?(?P<role>(?!at\b|now\b|in\b|on\b|and\b)[a-z]+s)\b)?", re.I)
_ZH_HIRING = re.compile(r"招聘|诚聘|招人|招募")


# the occasion is what the video is: "birthday video", "happy birthday", "for Anna's birthday", "生日视频"
# ("a video of our new year's trip" is a trip)
_AS_KIND = re.compile(
    r"(?:birthday|bday|b-day|mother'?s\s+day|father'?s\s+day|anniversary|valentine'?s?(?:\s+day)?|christmas|xmas|"
    r"new\s+year'?s?(?:\s+eve)?|thanksgiving|graduation|grad)\s+(?:\w+\s+)?(?:video|reel|clip|slideshow|slide\s+show|"
    r"montage|card|greeting|wishes|message|tribute|surprise|story|post)s?\b|"
    r"\b(?:happy|merry)\s+\w+|\bfor\s+(?:my\s+|our\s+)?\w+'?s\s+(?:\d+\w*\s+)?(?:birthday|bday|anniversary|graduation)\b|"
    r"\b(?:birthday|bday|christmas|xmas|new\s+year|anniversary),?\s+(?:" + "|".join(_KIN) + r")\b|"
    r"(?:生日|母亲节|父亲节|情人节|圣诞|新年|春节|感恩节|毕业|中秋)(?:的)?(?:视频|短片|祝福|贺卡|相册|快乐)", re.I)


def greeting(text: str) -> str | None:
    """The greeting a video for an occasion opens on, in the text's language, or None (also when
    the occasion is only a promotion's season: "christmas sale", "母亲节促销").

    >>> greeting("birthday video for mom with these photos"), greeting("a video for Anna's 30th birthday")
    ('Happy Birthday, Mom', 'Happy 30th Birthday, Anna')
    >>> greeting("给妈妈做个生日视频"), greeting("christmas sale promo") is None
    ('生日快乐', True)
    """
    text = text or ""
    if _SELLING.search(text) or not _AS_KIND.search(text):
        return None
    zh = re.search(r"[\u4e00-\u9fff]", text) is not None
    for rx, en, zh_words in _GREETINGS:
        if not rx.search(text):
            continue
        if zh:
            return zh_words
        who = _FOR_WHOM.search(text)
        name = (who.group("kin") or who.group("kin2") or who.group("kin3")) if who else None
        if name is None and (named := _NAMED.search(text)):
            name = named.group("n") or named.group("n2") or named.group("n3")
            name = None if name in _NOT_NAMES else name
        if name is None and (named := _NAMED_AFTER.search(text)) and named.group("n") not in _NOT_NAMES | _NOT_AFTER:
            name = named.group("n")
        if en == "Congratulations":
            return f"{en}, {name or 'Graduate'}"
        if en in ("Happy Birthday", "Happy Anniversary") and (nth := _ORDINAL.search(text)):
            en = f"Happy {nth.group('o').lower()} {en.split()[-1]}"  # "Happy 30th Birthday"
        return f"{en}, {name[:1].upper()}{name[1:]}" if name else en
    return None


def hiring(text: str) -> str | None:
    """The opening words of a hiring video ("we're hiring baristas" -> "We're Hiring Baristas"), or None.

    >>> hiring("hiring video: we're hiring baristas, apply at jobs.example.com"), hiring("招聘咖啡师")
    ("We're Hiring Baristas", '诚聘英才')
    """
    text = text or ""
    m = _HIRING.search(text)
    if m:
        lead = "Now" if m.group("lead").lower() == "now" else "We're"
        return f"{lead} Hiring" + (f" {m.group('role').capitalize()}" if m.group("role") else "")
    if _ZH_HIRING.search(text):
        return "诚聘英才"
    return None


# a new member of a team: "announcing our new hire Grace", "welcome Sam to the team", "meet our new barista Jo"
_WELCOME = re.compile(
    r"\bnew\s+(?:hires?|team\s+members?|colleagues?|joiners?|employees?|starters?|recruits?)\b|"
    r"\bwelcom(?:e|ing)\s+(?:\w+\s+){0,3}?to\s+(?:the|our)\s+team\b|\bjoin(?:s|ed|ing)\s+(?:our|the)\s+team\b|"
    r"\bmeet\s+our\s+new\b", re.I)
_WELCOMED = re.compile(
    r"\b(?i:hires?|members?|colleagues?|joiners?|employees?|starters?|recruits?|welcom(?:e|ing)|meet\s+our\s+new\s+[a-z]+|"
    r"meet)\s+(?P<n>[A-Z][a-z]{1,15})\b|\b(?P<n2>[A-Z][a-z]{1,15})\s+(?i:joins|joined|is\s+joining)\b")
_ZH_WELCOME = re.compile(r"新同事|新成员|新伙伴|新员工|欢迎.{0,8}加入")


def welcome(text: str) -> str | None:
    """The opening words of a video welcoming someone to a team ("Welcome, Grace"), or None.

    >>> welcome("a video for linkedin announcing our new hire Grace"), welcome("welcome our new colleagues")
    ('Welcome, Grace', 'Welcome to the Team')
    >>> welcome("欢迎新同事小王"), welcome("we're hiring baristas") is None
    ('欢迎加入', True)
    """
    text = text or ""
    if _ZH_WELCOME.search(text):
        return "欢迎加入"
    if not _WELCOME.search(text) or _HIRING.search(text):
        return None
    m = _WELCOMED.search(text)
    name = (m.group("n") or m.group("n2")) if m else None
    return f"Welcome, {name}" if name and name not in _NOT_NAMES else "Welcome to the Team"
