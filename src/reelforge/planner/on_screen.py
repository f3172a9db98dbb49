"""The words a first cut shows, read from the instruction: what the video is about (`subject_of`),
a title given without quotes (`title_in`), a date announced (`event_date`, `see_you`), a call to
action fitting the kind of video (`call_to_action`), a listing's facts (`listing_facts`), the role
each quoted text is given, and which of them all the video shows (`words_to_show`). Captions and a
theme from the file names are `reelforge.planner.file_names`'; where and when the words show is
`reelforge.planner.compose`'s.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reelforge.planner import brief as B
from reelforge.planner import facts as F
from reelforge.planner import labels as L
from reelforge.planner import numerals as N
from reelforge.planner import occasion as OC
from reelforge.planner import parse as P
from reelforge.planner import quotes as Q
from reelforge.planner import time_words as TW
from reelforge.planner.ending import (
    MONTH,
    SMALL_WORDS,
    WEEKDAY,
    capitalise_dates,
    capitalised,
    contact_cta,
    contact_in,
    deadline_in,
    ending_words,
    headline_in,
    is_discount,
    is_reach,
    offer_in,
    phone_in,
    price_beside,
    price_phrase,
    priced_items,
    promo_code,
    said_bare,
    street_in,
    title_case,
    where_on,
)
from reelforge.planner.file_names import is_file_junk, theme_of
from reelforge.planner.typos import VOCAB
from reelforge.planner.when import when_at
from reelforge.timeline.model import Asset

__all__ = ["Words", "call_to_action", "event_date", "listing_facts", "see_you", "subject_of", "title_in",
           "words_to_show"]

_SUBJECT_RX = N.ascii_rx(
    r"\b(?:video|vid|promo|promotional\s+(?:video|clip|film)|ad|advert|advertisement|commercial|clip|reel|"
    r"slideshow|slide\s+show|teaser|trailer|montage|film|story|showcase|spot|announcement|launch|campaign|intro|opener|highlights|recap|"
    r"tiktok|short|post|episode|something|menu)s?\s+"
    # "a promo video with text overlays for our coffee shop": what it comes with, then what it is for
    r"(?:(?:with|using)\s+(?:[\w'-]+\s+){1,4}?(?=(?:for|about|promoting|advertising)\s))?"
    r"(?:for|about|of|showcasing|featuring|introducing|presenting|announcing|on|promoting|advertising)\s+"
    r"(?P<s>.+)")
_SUBJECT_STOP = N.ascii_rx(
    r"\s+on\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|"
    r"\s+(?:this|next)\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|week|month)|\s+(?:today|tomorrow|tonight)\b|"
    r"\s+(?:with|in|at|using|from|that|which|and\s+(?:make|add|use|put|set|export|render)|to\s+be|"
    r"set\s+to|(?:for|on)\s+(?:tiktok|instagram|insta|ig|youtube|yt|reels|shorts|facebook|fb|linkedin|twitter|snapchat|pinterest|"
    r"whatsapp|social)|lasting|about\s+\d|"
    r"to\s+(?:run|post|share|put\s+up|go\s+up|use|be\s+posted)|"  # "our dental practice to run on Facebook"
    r"pls|plz|please|thanks|thank\s+you|thx|asap|lol|(?:is\s+)?out\s+now)\b|"  # "a tiktok for hoppers cafe pls"
    # an apostrophe inside a word is no quote: "Hopper's Cafe", "O'Reilly's Pub"
    # (a version is the name's: "the AeroBottle 2.0")
    r"[,;:!?()\"“”]|\.(?!\d)|\s[-–—]\s|(?<![a-z])['‘’]|['‘’](?![a-z])|\s+\d(?!\d*\.\d)(?!\d*k\b)|\s*" + P.EMOJI)  # (not in "the riverbend 5k for paws"; an emoji ends it)
_PLATFORMS = (r"tiktok|instagram|insta|ig|youtube|yt|reels?|shorts|facebook|fb|social(?:\s+media)?|twitter|x|linkedin|"
              r"pinterest|snapchat|snap|whatsapp|threads|(?:(?:fb|facebook)\s+)?marketplace|craigslist|ebay|etsy|nextdoor|"
              r"website|site|web|email|newsletter")  # ("a short video for fb marketplace" was titled "Fb Marketplace")
# "ig stories", "instagram reels", "youtube shorts", "fb feed": where it is posted, not what it is about
_PLATFORM_WORDS = N.ascii_rx(
    rf"^(?:(?:{_PLATFORMS})(?:\s+(?:stor(?:y|ies)|reels?|shorts|feeds?|posts?|ads?|videos?|status|page|channel))?|"
    r"stor(?:y|ies)|these|them|it|this|that|my|our|the|a|an|me|us|you)$")
_PLATFORM_LEAD = re.compile(
    # ("for our website & facebook. Brightside Dental, …", "for insta for still point yoga": where it goes, then whose)
    r"(?:(?:our\s+|my\s+|the\s+)?(?:(?:tiktok|instagram|insta|ig|youtube|reels?|shorts|facebook|fb|twitter|linkedin|pinterest|"
    r"social(?:\s+media)?)(?:\s+(?:stor(?:y|ies)|reels?|shorts|feeds?|posts?|ads?|status|page|channel)\b)?"
    r"(?:\s*(?:&|and|\+|/|,)\s*|\s+|(?=\s*[.!?]|$))|"
    # (a website only beside a platform or alone: "our website launch" is about the launch)
    r"(?:website|site|web)(?:\s*(?:&|and|\+|/|,)\s*|(?=\s*[.!?]|$))))+"
    r"(?:(?:announcing|showcasing|featuring|introducing|presenting|promoting|advertising|about|of|on|for|"
    r"to\s+(?:advertise|promote|announce|showcase|show\s+off|sell|market))\s+)?")  # "for Facebook to advertise my piano lessons"
# "our new Urban Dreams sneakers": the name; "our new arrivals", "the new menu": "new" is what they are;
# "The Daily Grind": a capital "The" mid-sentence is part of the name
_LEAD_WORDS = re.compile(r"^(?:(?:the|(?i:our|my|a|an|this|these)|(?i:new|brand[\s-]new|upcoming|latest)(?=\s+[A-Z0-9]))\s+)+")
# "为咖啡店做个视频", "介绍我们的新品奶茶，…" (the owner's 我们的 left out)
# a name in Latin letters keeps its spaces ("给hoppers cafe做一个视频" was titled "hoppers"), and may follow
# "帮" ("帮joe's pizza做个宣传片")
# a business owning the thing the video is for: "my bakery's new gluten free line" is about the line
_OWNER = re.compile(r"(?:bakery|shop|store|cafe|café|coffee\s+shop|salon|studio|gym|restaurant|bar|company|brand|"
                    r"business|boutique|agency|clinic|spa|school|church|library|farm|brewery|winery|hotel)['’]s\s+")
_LATIN_NAME = r"[A-Za-z0-9][\w'’&.-]*(?:[ \t]+[A-Za-z0-9][\w'’&.-]*){0,4}"
_ZH_SUBJECT_RX = N.ascii_rx(r"(?:(?:为|给|关于|介绍|宣传|推广)(?:一下)?(?:我们|咱们|我家|本店|我)?的?"
                       rf"(?P<s>{_LATIN_NAME}(?=\s*(?:做|制作|拍|的|宣传|推广|视频|广告|[，,。；;！!？?]|$))|[^，,。；;！!？?\s的]{{2,14}}?)|"
                       rf"帮(?:我们|我)?(?:给)?(?P<s2>{_LATIN_NAME}(?=\s*(?:做|制作|拍|的|宣传|推广|视频|广告|[，,。；;！!？?]|$))))"
                       r"(?:做|制作|拍|的|宣传|推广|视频|广告|[，,。；;！!？?\s]|$)")
_GENERIC_SUBJECT = N.ascii_rx(
    r"^(?:each|every|all|any|some|use|using|(?:the|these|those|my|our)\s+)?(?:photos?|images?|pictures?|clips?|files?|"
    r"assets?|shots?|videos?|music|audio|songs?|slides?|stills?|frames?|them|it)(?=\s*$|\s*[,.;!?]|\s+(?:of|from|in|on|and|"
    r"with|for|i|we|you|to|that|here|there|above|below|together|please|pls)\b)")  # ("still point yoga" is a name)
# "做一个30秒的咖啡店宣传视频", "做个奶茶店的宣传片": the thing named before 宣传/推广/广告; "科学馆夜场宣传视频，…":
# at the start of a clause
_ZH_SUBJECT_BEFORE_RX = re.compile(r"(?:的|个|条|支|部)(?P<s>[^，,。；;！!？?\s的\d]{2,10}?)的?(?:宣传|推广|广告)(?:视频|片|短片|短视频|片子)?")
_ZH_SUBJECT_OPENS_RX = re.compile(r"(?:^|(?<=[，,。；;！!？?\s]))(?P<s>[^，,。；;！!？?\s的\d]{2,10}?)的?(?:宣传|推广|广告)(?:视频|片|短片|短视频|片子)?")
_ZH_NOT_A_THING = re.compile(r"竖屏|横屏|方形|方屏|高清|短|小|简单|好看|漂亮|酷炫|产品|品牌|公司|企业|活动|促销|抖音|快手|小红书|"
                             r"视频号|b站|B站|微博|朋友圈|新品$")
_ZH_GENERIC = re.compile(r"这|那|图|照片|视频|音乐(?!会|节|厅|剧)|素材|字幕|配音|旁白|秒|分钟|"
                         r"淘宝|天猫|京东|拼多多|抖音|快手|小红书|朋友圈|视频号|详情页|主图")  # (音乐会: a concert; 淘宝详情页: where it goes)
_ZH_SUBJECT_NOT = re.compile(r"^(?:这些|它们|我们|我|你|图片|照片|视频|一个|一下|产品)$|^(?:做|制作|拍|弄|搞|剪|来|出|帮)")  # "给我做一个…": for me


# "… announcing our grand opening on Dec 12", "宣布12月12日盛大开业", "my bakery's grand opening this
# saturday": an announcement (or an opening) is said on screen
_ZH_NOT_A_NAME = re.compile(r"(?:我的|我们的)?(?:频道|账号|节目|公司|店铺?|品牌|视频号|博客)")
# an intro, an opener, a channel trailer: it shows its name (and only that, unless more is asked)
_INTRO = re.compile(r"\b(?:intro|opener|opening\s+(?:sequence|titles?)|channel\s+trailer|title\s+card|logo\s+reveal)s?\b|"
                    r"片头|开场动画", re.I)
_ANNOUNCED_RX = N.ascii_rx(r"\b(?:announc(?:e|es|ing)|to\s+announce|save\s+the\s+date\s+for)\s+(?P<s>.+)")
_EN_EVENT = re.compile(r"\b(?:grand\s+(?:re-?)?opening|re-?opening|opening\s+(?:day|night|party)|launch\s+(?:party|event|day)|"
                       r"open\s+house)\b", re.I)
_ANNOUNCE = N.ascii_rx(r"\bannounc(?:e|es|ing|ement)\b|\bsave\s+the\s+date\b|宣布|官宣|预告|即将开业|盛大开业|开业|开幕|"
                  + _EN_EVENT.pattern)
_SALE_EVENT = re.compile(r"双十一|双11|双十二|双12|618|年货节|黑五|(?:圣诞|新年|春节|年终|年中|夏季|冬季|周年|开学季|国庆|五一|中秋)"
                         r"(?:促销|大促|特卖|狂欢)|\b(?:black\s+friday|cyber\s+monday|boxing\s+day|prime\s+day|small\s+business\s+saturday|"
                         r"(?:christmas|xmas|holiday|summer|winter|spring|fall|autumn|easter|new\s+year'?s?|"
                         r"back[\s-]to[\s-]school|end[\s-]of[\s-]season|anniversary|clearance|flash)\s+sale)\b", re.I)
_ZH_OPENING = re.compile(r"(?:我们的|咱们的|我家的?|本店的?|我们)(?P<t>[\u4e00-\u9fff]{2,8}?(?:盛大开业|隆重开业|新店开业|开业|开张|开幕)"
                         r"(?:啦|了|大吉)?)")
_ZH_EVENT = re.compile(r"盛大开业|隆重开业|开业大吉|新店开业|开业|开幕|新品发布|新品上市|上新|周年庆|店庆")
_DATE_RX = re.compile(rf"\b(?:on\s+)?(?P<d>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|"
                 rf"(?:this|next)\s+(?:{WEEKDAY}|weekend)|{WEEKDAY}|tomorrow|tonight)\b|"
                 r"(?P<z>\d{1,2}\s*月\s*\d{1,2}\s*[日号])", re.I | re.ASCII)


def _letters(text: str) -> str:
    return re.sub(r"\W|_", "", text.lower())


def _place_when(when: str, cta: str | None, shown: Sequence[str], *, zh: bool,
                announced: bool) -> tuple[str, list[str], list[str]]:
    """An event's ``when`` on screen: the call to action where there is none ("See you on Saturday
    at 8pm"), else a row under it unless a text ``shown`` says it; (the call to action, the rows to
    add, the notes)."""
    if cta is None:
        cta = when if _AVAILABLE_FIRST.match(when) else see_you(when, zh=zh)  # ("See you on available from Monday")
        return cta, [], [f"Call to action from the date it {'announces' if announced else 'gives'}: '{cta}'."]
    if any(_letters(when) in _letters(x) for x in (cta, *shown)):
        return cta, [], []
    return cta, [when], [f"'{when}' is shown with the call to action, a row below it."]


_NO_TITLE = re.compile(r"\b(?:no|without|skip)\s+(?:a\s+|any\s+|the\s+)?titles?\b|不要(?:加)?标题|不加标题|去掉标题")
_NAMES_ONLY = re.compile(r"\bno\s+(?:other\s+)?(?:text|words|captions|titles?)\s+(?:except|but|other\s+than|apart\s+from|besides)"
                         r"\s+(?:their|our|his|her|the\s+couple'?s|the)\s+names?\b|(?:除了|只要|只写)(?:他们的|两人的|新人的)?名字")
_WORDS_ONLY = re.compile(r"(?i)\bno\s+(?:other\s+)?(?:text|words|captions|titles?)\s+(?:except|but|other\s+than|apart\s+from|besides)"
                         r"\s+(?:for\s+|the\s+words\s+)?(?!(?:the|a|an|our|my|your|its|his|her|their|logo|title|captions?)\b)"
                         r"(?P<w>['\"“‘]?[A-Za-z0-9][^,.;!?\n\"”]{1,40}?['\"”’]?)\s*(?=$|[,.;!?\n]|\s+[^\w\s])")
_ZH_COUPLE = re.compile(r"(?:新人|新郎新娘|新娘新郎|情侣|夫妻)\s*[:：]?\s*(?P<who>[\u4e00-\u9fffA-Za-z]{1,6}(?:和|与|&|＆)[\u4e00-\u9fffA-Za-z]{1,6}?)(?=[，,。；;\s]|的|$)")
_DEADLINE_BEFORE = re.compile(r"(?i)\b(?:ends?|ending|until|till|thru|through|by|before|expires?)\s+$|(?:到|截止到?|截至)\s*$")
# "available from Monday", "in stores Dec 12", "back this Friday": when a thing can be had, said whole
_AVAILABLE = re.compile(r"(?i)\b(?:available|in\s+stores?|on\s+sale|on\s+shelves|launching|launches|arriving|arrives|"
                        r"dropping|drops|back|out|coming|ships|shipping|open|opens|starts|starting|begins|"
                        r"(?<!grand\s)(?<!soft\s)(?<!our\s)(?<!the\s)(?<!big\s)opening)"  # ("grand opening": the event)
                        r"(?:\s+(?:from|on|starting|starting\s+on|this|next|in|daily))?\s+$")
_AVAILABLE_FIRST = re.compile(r"(?i)(?:available|in\s+stores?|on\s+sale|launching|arriving|back|out|coming|ships|shipping|"
                              r"open|opens|opening|reopening)\b")  # a when that says it already: "Available from Monday"


def availability(text: str, when: str) -> str | None:
    """``when`` with the words before it that say the thing can be had then ("available from Monday"),
    capitalised as a line starts; None when no such words come before it."""
    at = text.lower().find(when.lower())
    m = _AVAILABLE.search(text[max(0, at - 30):at]) if at > 0 else None
    if m is None or not m.group(0).strip():
        return None
    if re.match(r"(?:This|Next|Every|Tonight|Tomorrow)\b", when):  # (capitalised as a line starts)
        when = when[:1].lower() + when[1:]
    said = " ".join(f"{m.group(0)}{when}".split())
    return said[:1].upper() + said[1:]


def event_date(instruction: str) -> str | None:
    """The date an announcement gives ("on Dec 12", "12月12日", "this saturday"), as written but
    for the capitals of a month or a day, for its call to action.

    >>> event_date("a promo announcing our grand opening on Dec 12!"), event_date("宣布12月12日开业")
    ('Dec 12', '12月12日')
    >>> event_date("grand opening this saturday"), event_date("open house sunday")
    ('this Saturday', 'Sunday')
    """
    m = _DATE_RX.search(unicodedata.normalize("NFKC", instruction or ""))
    if m is None:
        return None
    if m.group("z"):
        return re.sub(r"\s+", "", m.group("z"))
    return capitalise_dates(m.group("d"))


def see_you(when: str, *, zh: bool) -> str:
    """The call to action of an announcement dated ``when``: "See you on Dec 12", "See you this
    Saturday", "12月12日见"."""
    if zh:
        return f"{when}见"
    on = "" if re.match(r"(?i)(?:this|next|every|tomorrow|tonight)\b", when) else "on "
    lowered = when[:1].lower() + when[1:] if re.match(r"[A-Z][a-z]", when) else when  # ("THIS SATURDAY" kept)
    return f"See you {on}{lowered if on == '' else when}"


# "our band Neon Wolves drops …", "my shop Wick & Co": the name typed after what it is, in capitals
_OUR_NAMED = re.compile(r"(?i)\b(?:our|my)\s+(?:[a-z]+\s+){0,2}?(?:band|shop|store|cafe|café|bakery|studio|company|brand|"
                        r"restaurant|podcast|channel|app|gym|salon|boutique|label|bar|food\s+truck|game|book|novel|album|"
                        r"single|ep|film|movie|show|course|newsletter|product)\s+"
                        r"(?P<n>(?-i:[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|&))*))")
# "Product is the Trailpack Daypack, $79": the name said so, in capitals (the title was "Backpack", from a file name)
_PRODUCT_IS = re.compile(r"(?i)\b(?:product|brand|item|product\s+name|brand\s+name)\s+(?:is|=)\s+(?:the\s+|our\s+|called\s+)?"
                         r"(?P<n>(?-i:[A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’.-]*|&))*))")
# "my detailing biz shine squad mobile detailing, before/after vibe": a business's name typed in lower case after
# the word for it, up to the end of the clause
_OUR_BIZ_NAMED = re.compile(r"(?i)\b(?:my|our)\s+(?:[a-z]+\s+){0,2}?(?:biz|business|company|cafe|café|coffee\s+shop|bakery|gym|"
                            r"salon|restaurant|boutique|brewery|florist|barbershop|roastery|food\s+truck|bookshop|"
                            r"pizzeria)\s+"
                            r"(?P<n>[a-z][a-z'’&-]+(?:\s+(?!(?:with|and|in|for|on|using)\b)[a-z][a-z'’&-]+){1,4})"
                            # ("for my cafe bean there, text overlays" was titled from the file names)
                            r"\s*(?=[,.;!:(]|$|\s+(?:with|w/)\s)")
_NOT_A_NAME_WORD = re.compile(r"(?i)\b(?:this|next|these|for|with|on|in|at|is|are|the|a|an|to|of|from|video|promo|reel|ad|"
                              r"page|account|instagram|tiktok|facebook|website|weekend|today|tomorrow|every|each|day|days|"
                              r"week|month|year|all|now|soon|sale|opening|open|please|pls)\b")
_SELF_FROM = re.compile(r"(?i)\b(?:i'?m|i\s+am|this\s+is|it'?s)\s+(?-i:[A-Z][a-z'’]+)\s+(?:from|of|at|with|here\s+from)\s+"
                        r"(?:the\s+)?(?P<n>(?-i:[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|&|and|of)){1,4}))\b")
_SELF_NAMED = re.compile(r"(?i)\b(?:i'?m|i\s+am|my\s+name\s+is)\s+(?P<n>(?-i:[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’-]+){1,2}))\b")
_BRACKETED_NAME = re.compile(r"(?i)\b(?:shop|store|business|company|brand|cafe|café|bakery|studio|channel|podcast|"
                             r"restaurant|salon|gym|band|app|label|boutique|blog|school|academy|clinic|agency|club|etsy|"
                             r"instagram|roastery|brewery)\s*\((?P<n>(?-i:[A-Z0-9][\w'’&.!-]*)(?:\s+[\w'’&.!-]+){0,4})\)")
# "spoke & chain cycle repair. spring tune up special …": a business named first, typed in lower case
_LEADING_BIZ = re.compile(r"^\s*(?!(?:a|an|the|make|need|pls|please|hi|hey|hello|can|could|i|we|my|our|promo|video|reel|ad|"
                          r"instagram|insta|tiktok|new|quick|short)\b)"
                          r"(?P<n>[a-z][\w'’]*(?:\s+(?:&|and|n|(?!(?:for|our|my|video|promo|reel|ad|with|a|the)\b)[a-z][\w'’]*)){1,5}"
                          r"\s+(?:repairs?|co|company|studio|shop|salon|"
                          r"cafe|café|bakery|roasters|roastery|coffee|barbershop|gym|fitness|cleaning|roofing|plumbing|detailing|"
                          r"photography|academy|florist|flowers|tattoo|boutique|kitchen|grill|bar|brewery|garage|motors))\s*[.,!:;-]")
# a title made of describing words only ("a cozy little video": "Cozy Little") says nothing a viewer should read
_ONLY_DESCRIBING = re.compile(r"(?i)^(?:(?:cozy|cosy|little|short|quick|nice|cute|fun|simple|soft|pretty|small|big|cool|good|"
                              r"great|awesome|fast|slow|beautiful|lovely|chill|fresh|clean|modern|elegant|minimal|bold|playful|"
                              r"cinematic|vertical|square|horizontal|trendy|aesthetic|vibey|classy|sleek|fancy|sweet|warm|"
                              r"\+|&|and|insta|ig|tiktok|reels?|pinterest)\s*)+$")
# a title that opens on an editing verb ("start w gopro riding clip": "Start W Gopro Riding") is an instruction
_VERB_TITLE = re.compile(r"(?i)^(?:start|open|begin|use|put|make|add|cut|end|then|show|keep|mute|play)\b|(?:^|\s)\w(?:\s|$)")


def _typed_as_a_name(name: str, text: str) -> bool:
    """Whether ``name`` stands in ``text`` as typed, or with its first word capitalised there ("our new Trailpack
    backpack" for "Trailpack Backpack"; "start w the wide shot" is no name)."""
    if name in text:
        return True
    at = text.casefold().find(name.casefold())
    return at >= 0 and text[at:at + 1].isupper()


def subject_of(instruction: str) -> str | None:
    """The thing the video is about, as a title, if the instruction names it.

    >>> subject_of("make a promotional video for Urban Dreams sneakers with text overlays")
    'Urban Dreams Sneakers'
    >>> subject_of("vertical video for TikTok") is None
    True
    """
    raw = unicodedata.normalize("NFKC", instruction or "")
    if named := _BRACKETED_NAME.search(raw):
        return named.group("n")  # "my etsy shop (Paper & Pine)"
    if named := _LEADING_BIZ.match(raw):
        return title_case(named.group("n"))  # "spoke & chain cycle repair. spring tune up …"
    if named := _SELF_FROM.search(raw):
        return named.group("n")  # "Hi I'm Janet from Miller Family Farm": where the one speaking is from
    if named := _SELF_NAMED.search(raw):
        return named.group("n")  # "hi I'm Sarah Kim with Coastal Realty": an introduction's name
    if (named := _PRODUCT_IS.search(raw)) and len(named.group("n")) >= 3:
        return named.group("n").rstrip(".")
    if (named := _OUR_NAMED.search(raw)) and len(named.group("n")) >= 3 and named.group("n").split()[0] not in ("I", "The"):
        return named.group("n")  # "our band Neon Wolves", "my handmade candle shop Wick & Co."
    if (named := _OUR_BIZ_NAMED.search(raw)) and not _NOT_A_NAME_WORD.search(named.group("n")):
        return title_case(named.group("n"))  # "my detailing biz shine squad mobile detailing, …" typed in lower case
    m = _SUBJECT_RX.search(raw.lower()) or _ANNOUNCED_RX.search(raw.lower())
    if m:
        start = m.start("s")
        tail = raw[start:]
        if on := _PLATFORM_LEAD.match(tail.lower()):  # "a video for linkedin announcing our new hire"
            tail = tail[on.end():]
            if re.match(r"(?i)(?:with|using|in|at|from|and|but|so|pls|please|thanks)\b", tail):
                tail = ""  # "a video for facebook with the bee video, …": where it goes, and then what it shows
        cut = _SUBJECT_STOP.search(tail.lower())
        phrase = (tail[: cut.start()] if cut else tail).strip()
        # (a thing described, "our new Korean BBQ spot", then its name: ", Seoul Grill")
        described = phrase == phrase.lower() or (re.match(r"(?i)(?:our|my|the|a|an)\s", phrase)
                                                 and phrase.split()[-1].islower())
        if cut and described and (named := _named_after(tail[cut.start():])):
            return named  # "our new menu item, the Matcha Cloud Latte": the name, not "New Menu Item"
        if described and (named := _name_next_sentence(tail, phrase)):
            return named  # "… for our dental clinic for fb and ig feed. BrightSmile Dental, new patient …"
        lead = _LEAD_WORDS.match(phrase)
        if lead:
            phrase = phrase[lead.end():]
        if (owner := _OWNER.match(phrase)) and len(phrase[owner.end():].split()) >= 2:
            phrase = re.sub(r"^(?:the|our|my)\s+", "", phrase[owner.end():])  # "my bakery's new gluten free line"
        words = phrase.split()[:5]
        # "my travel channel Wander Often", "our cafe Luna": the name typed after what it is
        run = len(words)
        while run > 0 and (words[run - 1][:1].isupper() or (words[run - 1] == "&" and run >= 2 and words[run - 2][:1].isupper())):
            run -= 1  # ("Paper & Pine": the ampersand is the name's)
        if (0 < run < len(words) and words[run - 1][:1].islower()
                and not any(w.lower() in SMALL_WORDS for w in words[:run])):
            words = words[run:]  # (not "trip to Japan", "launch of Beanline": those say what it is; "my Etsy shop
            # Paper & Pine" is "Paper & Pine")
        phrase = " ".join(words)
        if (phrase and len(phrase) >= 2 and not _PLATFORM_WORDS.match(phrase.lower())
                and not _GENERIC_SUBJECT.match(phrase.lower()) and not TW.find_durations(phrase)
                and not phrase[0].isdigit()):
            return title_case(phrase)
    for rx in (_ZH_SUBJECT_RX, _ZH_SUBJECT_BEFORE_RX, _ZH_SUBJECT_OPENS_RX):
        zm = rx.search(raw)
        name = zm and (zm.group("s") or zm.groupdict().get("s2"))
        if name and not _ZH_SUBJECT_NOT.match(name) and not _ZH_GENERIC.search(name) \
                and not (rx is not _ZH_SUBJECT_RX and _ZH_NOT_A_THING.search(name)):
            return title_case(name) if name.isascii() and name == name.lower() else name
    return None


# "new summer collection video, 30 seconds", "charity fun run video — …", "hackathon recap video": the
# thing named before the kind of video, at a clause's start
_KIND_AFTER = re.compile(r"(?i)(?:^|(?<=[.!?;,:—–])|(?<=\s-))\s*(?P<s>[a-z0-9][\w'’&-]*(?:\s+[\w'’&-]+){0,6})\s+"
                         r"(?:promo(?:tional)?\s+)?(?:video|vid|promo|reel|clip|teaser|trailer|ad|advert|commercial|"
                         r"slideshow|montage|recap|highlights|spot|poster|flyer)s?\b(?!\s+(?:for|about|of|showcasing|featuring|"
                         r"introducing|announcing|promoting|advertising)\b(?!\s+(?:my\s+|our\s+|the\s+)?(?:" + _PLATFORMS +
                         r"|channel|page|account|feed)\b))")
_KIND_LEAD = re.compile(r"(?i)^(?:(?:pls|please|can\s+you|could\s+you|i\s+need|we\s+need|i\s+want|make|create|do|"
                        # "ok so pop up reel!!": how the message starts (the title was "Ok So Pop Up")
                        r"ok(?:ay)?|so|um+|hey|hi|hiya|hello|yo|right|alright|"
                        # "I'm organising the Hope Hospice 5k fun run": what is organised
                        r"(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:organi[sz]ing|hosting|running|throwing|planning|holding|putting\s+on)|"
                        r"build|give\s+me|me|us|a|an|the|our|my|this|quick|short|little|simple|fun|nice|cool|"
                        r"vertical|horizontal|square|portrait|landscape|\d+[\s-]*(?:s|sec|secs|second|seconds|min|minute)|"
                        r"social(?:\s+media)?|" + _PLATFORMS + r")\b[\s,-]*)+")


# "mattress sale 50% off", "Black Friday blowout": the event a clause opens on, the kind kept
_DEAL = re.compile(r"(?i)\b(?:each|a\s+piece|per\s+\w+)\s+or\s+\d{1,2}\s+for\b")  # "£18 each or 3 for £48"
_EVENT_AT_START = re.compile(r"(?i)(?:^|(?<=[.!?;,:—–]))\s*(?P<s>(?:[a-z0-9][\w'’&-]*(?:\s+[\w'’&-]+){0,4}?\s+)?"
                             r"(?:launch|sale|clearance|sell-?off|blowout|giveaway|contest|special|fundraiser|drive|gala|"
                             r"festival|fair|market|concert|workshop|classes|course|camp|tournament|fun\s+run|\d{1,2}k(?:\s+(?:fun\s+)?run)?|"
                             r"open\s+day|tasting|meetup|bootcamp|night|party|show|tour|crawl|brunch|grand\s+(?:re-?)?opening|"
                             r"haircuts|deals|specials|savings))\b")


def named_before_kind(instruction: str) -> str | None:
    """The thing named before the kind of video ("new summer collection video" -> "New Summer
    Collection", "charity fun run video" -> "Charity Fun Run"), title-cased; None when the words
    there are only a request, a platform or a length.

    >>> named_before_kind("free returns — new summer collection video, 30 seconds")
    'New Summer Collection'
    >>> named_before_kind("make a vertical tiktok video") is None
    True
    """
    for m in _KIND_AFTER.finditer(unicodedata.normalize("NFKC", instruction or "")):
        words = _KIND_LEAD.sub("", m.group("s")).strip(" ,-")
        if (not words or len(words.split()) > 5 or TW.find_durations(words) or _PLATFORM_WORDS.match(words.lower())
                or _GENERIC_SUBJECT.match(words.lower()) or not re.search(r"[A-Za-z]{3}", words)
                or re.search(r"(?i)\b(?:make|create|want|need|like|would|i|with|using|and|or|is|are|it|this|that|these|only|just)\b|\d$", words)
                or re.fullmatch(r"(?i)(?:(?:promo(?:tional)?|product|brand|marketing|company|business|explainer|demo|"
                                r"launch|sales?|event|music|photo|picture|image|video|text|simple|basic|new|real\s+estate|"
                                r"listing|property|house|home|apartment)\s*)+", words)):
            continue
        return title_case(words)
    return None


def event_at_start(instruction: str) -> str | None:
    """The sale or event a clause opens on, its kind kept: "mattress sale 50% off" -> "Mattress Sale"."""
    for m in _EVENT_AT_START.finditer(unicodedata.normalize("NFKC", instruction or "")):
        words = _KIND_LEAD.sub("", m.group("s")).strip(" ,-")
        if len(words.split()) >= 2 and not re.search(r"(?i)\b(?:make|create|want|need|with|using|for|is|are|it|this|"
                                                      r"video|videos|clip|reel|promo|of|about|from|at|in|on)\b", words):
            return title_case(words)
    return None


_ZH_TITLE_RX = re.compile(r"(?:标题|片名|题目)(?:\s*(?:就?(?:是|为|叫做?|定为|写|用)|[:=])(?:\s*,(?=\s*[\u4e00-\u9fffA-Za-z0-9]))?|"
                          r"\s+(?=[\u4e00-\u9fffA-Za-z0-9]))\s*(?P<t>[^\s,.;!?，。；！？、\n\"'“”‘’「」『』《》][^,.;!?，。；！？、\n\"“”‘’「」『』《》]{0,29})")
_ZH_TITLE_END = re.compile(r"(?:并且|而且|然后|同时|另外|再|并|的(?=视频|宣传|短片|广告|片子|竖屏|横屏|\d)|吧$).*$")
_EN_TITLE_RX = re.compile(
    r"(?i)\b(?:(?:title|headline|heading)\s*(?:[:=]|\s[-–—]\s|\s(?:is|should\s+be|reads?|says?|saying|of)\b)|"
    r"(?:titled|entitled|called|headlined))\s*(?P<t>[^\W_].{0,59})")
# "title Bean There, vertical", "with the title Bean There and music", "a promo named Bean There",
# "call it Bean There": no linking word, so only a run of Capitalised words is taken
_EN_TITLE_BARE_RX = re.compile(r"(?:(?i:\btitle|\bnamed|\bcall\s+it|\bname\s+it))\s+(?P<t>[A-Z0-9].{0,59})")
_TITLE_CAPS_WORD = re.compile(r"^(?:[A-Z0-9][\w'’&!-]*|\d+(?:\.\d+)+|&)$")  # ("AeroBottle 2.0": its version)
_NOT_A_TITLE = N.ascii_rx(  # "title is too small", "title at the top", "标题大一点": how it looks, not what it says
    r"^(?:too|very|a\s+bit|bigger|smaller|larger|at|on|in|to|from|for|with|and|it|this|that)\b|"
    r"^(?:big|small|large|huge|tiny|bold|centered|centred|top|bottom|left|right|middle|center|centre|"
    r"red|white|black|yellow|blue|green|the|a|an|none|no|nothing|empty|blank)$|"
    r"^(?:大|小|更大|更小|居中|加粗|红色|白色|黑色|黄色|什么|无|没有|不要|空)")


_APPOSITION = re.compile(r"^\s*(?:,|:|\s[-–—])\s*(?:(?:the|called|named)\s+)?(?=[A-Z])")


_NEXT_SENTENCE_NAME = re.compile(r"[.!?]+\s+(?P<n>[A-Z][\w'’&]*(?:\s+(?:[A-Z][\w'’&]*|&)){0,3})\s*[,:–—-]")


def _name_next_sentence(tail: str, described: str) -> str | None:
    """The name that opens the sentence after a thing said in lower case, when it shares a word with it
    ("our dental clinic … BrightSmile Dental, …"); else None."""
    m = _NEXT_SENTENCE_NAME.search(tail[:160])
    if m is None:
        return None
    said = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", described)}
    if not said:  # "a short video for our website & facebook. Brightside Dental, …": nothing said but where it goes
        return m.group("n")
    return m.group("n") if said & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", m.group("n"))} else None


def _named_after(rest: str) -> str | None:
    """The name typed right after a thing said in lower case: ", the Matcha Cloud Latte", ": Pocket
    Chef", ", Sweet Crumbs" (not a setting: ", Vertical, 30 seconds")."""
    m = _APPOSITION.match(rest)
    run = _caps_run(rest[m.end():].split()) if m else None
    if (not run or (len(run.split()) == 1 and run.lower() in VOCAB) or _PLATFORM_WORDS.match(run.lower())
            or run.split()[0].lower() in _NOT_A_NAME_START):
        return None
    return run


_NOT_A_NAME_START = frozenset("i we you it he she they thanks thank please hi hello hey ok okay also and but so then just "
                              "keep no yes maybe".split())


def _caps_run(words: list[str]) -> str | None:
    """The run of Capitalised words ``words`` starts with (small words between two of them
    kept: "Love in Paris"); None when the first is not one. A comma or full stop ends it."""
    if not words or not _TITLE_CAPS_WORD.match(words[0].rstrip(",.;:!?")) or words[0].isdigit():
        return None  # ("title TRAILPACK, vertical": one word, its comma after it)
    keep: list[str] = []
    for i, w in enumerate(words[:8]):
        bare = w.rstrip(",.;:!?")
        # the next word that is no small word ("Jazz on the Lawn": two small words between)
        nxt = next((x.rstrip(",.;:!?") for x in words[i + 1:i + 3] if x.rstrip(",.;:!?").lower() not in SMALL_WORDS), "")
        if _TITLE_CAPS_WORD.match(bare) or (
                bare.lower() in SMALL_WORDS and keep and w == bare and _TITLE_CAPS_WORD.match(nxt)
                and not _PLATFORM_WORDS.match(nxt.lower())):
            keep.append(bare)
            if bare != w:
                break  # "City Lights, 9:16": the comma ends it
        else:
            break
    return " ".join(keep)


def title_in(instruction: str) -> str | None:
    """A title the instruction gives without quotes: "标题是城市之光", "标题：城市之光",
    "title: City Lights", "titled City Lights with music". Quoted titles are `_label_quotes`'s.
    English: a run of Capitalised words (small words between them allowed), else the words up
    to the next clause ("with …", ",", a number).

    >>> title_in("做一个宣传视频，标题是城市之光，背景音乐小一点"), title_in("a promo titled City Lights with music")
    ('城市之光', 'City Lights')
    >>> title_in("title: summer vibes, vertical"), title_in("with titles and captions") is None
    ('Summer Vibes', True)
    """
    raw = unicodedata.normalize("NFKC", instruction or "")
    found: list[tuple[int, str]] = []
    zm = _ZH_TITLE_RX.search(raw)
    if zm:
        text = re.split(r"\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+", zm.group("t").strip())[0]
        text = _ZH_TITLE_END.sub("", text).strip()
        if text:
            found.append((zm.start(), text))
    em = _EN_TITLE_RX.search(raw)
    if em:
        tail = em.group("t")
        text = _caps_run(tail.split())
        if text is None:
            cut = _SUBJECT_STOP.search(tail.lower())
            text = title_case(" ".join((tail[: cut.start()] if cut else tail).split()[:6]))
        if text and not re.fullmatch(r"[\d\s.:%-]*", text):
            found.append((em.start(), text))
    elif bm := _EN_TITLE_BARE_RX.search(raw):
        text = _caps_run(bm.group("t").split())
        if text and not re.fullmatch(r"[\d\s.:%-]*", text):
            found.append((bm.start(), text))
    for _, text in sorted(found):
        text = text.strip(" -—:")
        if text and not _NOT_A_TITLE.match(text.lower()) and not _MEDIA_EXT.search(text):
            return text
    return None


_CTA_TABLE: list[tuple[re.Pattern[str], str, str]] = [
    (N.ascii_rx(r"\b(?:hiring|job\s+openings?|careers?|join\s+our\s+team|apply\s+(?:now|today|online))\b|招聘|诚聘|招人|招募"),
     "Apply now", "立即投递"),
    (N.ascii_rx(r"\b(?:sale|sales|discount|deal|deals|clearance|black\s+friday)\b|"
                # an offer the noun ("a special offer", "offer ends Sunday"), not the verb ("we offer a warranty" is no sale)
                r"\b(?:special|limited(?:[\s-]time)?|exclusive|great|best|holiday|launch|introductory|seasonal|an?|this|our|the)\s+offers?\b|"
                r"\boffers?\s+(?:ends?|expires?|valid|lasts?)\b|\d+\s*%\s*off\b|促销|打折|优惠|特价|折扣|大促|秒杀"),
     "Shop the sale", "限时抢购"),
    (N.ascii_rx(r"\b(?:event|conference|webinar|workshop|concert|festival|meetup|summit|register|registration|class|course)\b|活动|报名|讲座|会议|课程|演唱会"),
     "Register now", "立即报名"),
    (N.ascii_rx(r"\b(?:apps?|download|install)\b|应用|下载"), "Download now", "立即下载"),
    # a travel business ("Book with Orbit Travel today", "our China tour"), not a trip of one's own
    (N.ascii_rx(r"\b(?:travel\s+(?:agency|agent|company|deals?)|tours?|hotels?|resorts?|cruises?|booking|book\s+(?:now|today|with|your|a\s+(?:trip|tour|room|stay))|"
                r"vacation\s+packages?|holiday\s+packages?)\b|旅行社|跟团|酒店|民宿|度假村|预订|订房"), "Book now", "立即预订"),
    (N.ascii_rx(r"\b(?:restaurant|cafe|café|menu|dish|food|bakery|bar)\b|餐厅|美食|菜单|咖啡"), "Visit us today", "欢迎光临"),
    (N.ascii_rx(r"\b(?:listing|property|apartment|house|home\s+tour|real\s+estate)\b|房源|看房|楼盘"), "Book a viewing", "预约看房"),
    (N.ascii_rx(r"\b(?:vlog|channel|subscribe|episode|tutorial|podcast)\b|频道|订阅|教程|关注"), "Subscribe for more", "关注我们"),
    (N.ascii_rx(r"\b(?:promo|promotional|promotion|product|products|ad|advert|advertisement|commercial|launch|shop|store|brand|collection|sneakers?|shoes?|fashion|merch)\b|宣传|推广|产品|广告|新品|品牌|上新|商品|带货"),
     "Shop now", "立即购买"),
]


GENERIC_CTAS = frozenset({"Shop now", "Learn more", "立即购买", "了解更多"})  # what any video may end on


def call_to_action(instruction: str, *, zh: bool | None = None) -> str:
    """A closing call to action fitting the kind of video, in the instruction's language (or
    Chinese when ``zh``: what a voiceover says, for a Chinese video).

    >>> call_to_action("30-second promo"), call_to_action("a trip video"), call_to_action("做成宣传视频")
    ('Shop now', 'Learn more', '立即购买')
    """
    t = N.normalize(instruction)
    zh = P.is_chinese(instruction) if zh is None else zh
    for rx, en, zh_text in _CTA_TABLE:
        if rx.search(t):
            return zh_text if zh else en
    return "了解更多" if zh else "Learn more"


_LISTING = re.compile(r"\b(?:listing|real\s+estate|property|for\s+sale|house|apartment|condo|open\s+house)\b|房源|楼盘|出售|出租",
                      re.ASCII)
_ROOMS = re.compile(r"(?i)\b(?P<bed>\d{1,2})\s*-?\s*(?:bed(?:room)?s?|bd|br)\b[\s,/|&+-]*(?:and\s+)?"
                    r"(?P<bath>\d{1,2}(?:\.5)?)\s*-?\s*(?:bath(?:room)?s?|ba)\b")
_AREA = re.compile(r"(?i)\b(?P<a>\d{1,3}(?:,\d{3})+|\d{2,6})\s*(?:sq\.?\s*ft\.?|sqft|square\s+feet|sq\.?\s*m|sqm|m²|平米|平方米)")
_ZH_ROOMS = re.compile(r"[一二两三四五六七八九\d]室[一二两三四五六七八九\d]厅(?:[一二两三四五六七八九\d]卫)?")


def listing_facts(text: str) -> str | None:
    """A listing's rooms and area as a line under its title: "3 bed 2 bath, 1,800 sq ft" ->
    "3 Bed · 2 Bath · 1,800 sq ft", "三室两厅 120平米" -> "三室两厅 · 120平米"; None without rooms.

    >>> listing_facts("listing video: 3 bed 2 bath, $450,000"), listing_facts("4br/3ba 2,100 sqft")
    ('3 Bed · 2 Bath', '4 Bed · 3 Bath · 2,100 sq ft')
    >>> listing_facts("出售三室两厅 120平米")
    '三室两厅 · 120平米'

    """
    parts: list[str] = []
    if m := _ROOMS.search(text or ""):
        parts += [f"{m.group('bed')} Bed", f"{m.group('bath')} Bath"]
    elif m := _ZH_ROOMS.search(text or ""):
        parts.append(m.group(0))
    if not parts:
        return None
    if a := _AREA.search(text or ""):
        unit = a.group(0)[len(a.group("a")):].strip()
        unit = "sq ft" if re.match(r"(?i)sq\.?\s*ft|sqft|square", unit) else unit
        parts.append(f"{a.group('a')} {unit}" if unit.isascii() else f"{a.group('a')}{unit}")
    return " · ".join(parts)


def _fallback_title(instruction: str) -> str:
    t = N.normalize(instruction)
    zh = P.is_chinese(instruction)
    if re.search(r"\b(?:sale|discount|deal|offer)s?\b|促销|打折|优惠|特价", t, re.ASCII) or is_discount(instruction):
        return "限时优惠" if zh else "Limited-Time Offer"
    if _LISTING.search(t):
        return "新房源" if zh else "Just Listed"
    if re.search(r"\b(?:promo|promotional|product|ad|advert|commercial|launch)\b|宣传|推广|产品|广告|新品", t, re.ASCII):
        return "新品上市" if zh else "Discover Something New"
    return "精彩瞬间" if zh else "Highlights"


_LABEL_TITLE = N.ascii_rx(r"(?:\btitle[sd]?|\bheading|\bheadline|\bhook(?:\s+first)?|\bcalled|\bnamed|(?:标题|片名|主题)(?:就?(?:是|为|叫做?))?)\W{0,12}$")
# "the subtitle 'Since 1998'" (one: a line under the title, as a brief's "subtitle:" is); "subtitles 'A' and 'B'" caption
_LABEL_TAGLINE = N.ascii_rx(r"(?:\btag[\s-]?line|\bslogan|\bstrap[\s-]?line|\bmotto|\b(?:a|the)\s+(?:subtitle|sub[\s-]?heading|subhead)|"
                            r"\bsub[\s-]?heading|口号|标语|广告语|副标题)\W{0,12}$")
_LABEL_CAPTION = N.ascii_rx(r"(?:\bcaptions?|\bsubtitles|(?<!\bthe\s)(?<!\ba\s)\bsubtitle|\blower\s+third|\btext\s+overlay|字幕|说明|文字)\W{0,12}$")
_LABEL_CTA = N.ascii_rx(r"(?:\bcta|\bcall[\s-]to[\s-]action|\bend(?:ing)?\s+(?:with|on)|\bclos(?:e|ing)\s+(?:with|on)|\boutro|\bbutton|"
                   r"\b(?:end|closing|final)\s+(?:card|screen|slate|frame|line|text)|\bending|\bsign[\s-]?off|"
                        r"\bat\s+the\s+end|\bfinish\s+with|结尾|最后|结束语|按钮|号召)[^\"'“‘「『《]{0,16}$")


def _label_quotes(instruction: str, quotes: list[str]) -> list[tuple[str, str | None]]:
    """Each quote with the role its preceding words name (title/caption/cta), or None."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    low = instruction.lower()
    for q in quotes:
        at = instruction.find(q, pos)
        if at < 0:
            out.append((q, None))
            continue
        before = low[max(0, at - 40):max(0, at - 1)]
        between = low[pos:at]
        pos = at + len(q)
        if out and out[-1][1] == "caption" and Q.LIST_GLUE.fullmatch(between):
            out.append((q, "caption"))  # captions "A" and "B", 字幕“A”和“B”: the list goes on
            continue
        role = "search" if _SEARCH_FOR.search(low[max(0, at - 12):at]) else _nearest_label(before)
        if role is None and re.search(r"\b(?:her|his|their|the|guest'?s?|speaker'?s?)?\s*(?:names?|lower[\s-]thirds?)\s*(?:\+|&|and|with|w/?)\s*[\"'“‘「]?$", before):
            role = "caption"  # "show her headshot w her name + 'Burnout researcher, UCL'": a line on that picture
        if role is None and (where := _PLACED.match(low[pos:pos + 40])):
            role = "title" if where.group("start") else "cta"  # 'put "Happy 60th" at the start and "We love you" at the end'
        out.append((q, role))
    return out


# where a quoted text is said to go, right after it: the opening's (a title) or the ending's
_PLACED = re.compile(r"[\"'”’」』]?\s*(?:(?P<start>(?:at|in|for)\s+the\s+(?:start|beginning|opening)|first\b|放在?开头|在开头)|"
                     r"(?:at|for)\s+the\s+end\b|last\b|放在?结尾|在结尾|放在?最后)")


# "淘宝搜索"小壳子"", "search 'pawfect' on Etsy": words to look up, the call to action with them
_SEARCH_FOR = re.compile(r"(?:(?P<where>淘宝|京东|天猫|拼多多|抖音|小红书|微信)\s*)?(?:搜索|搜一搜|搜)\s*[\"'“‘「『]?$|"
                         r"\bsearch(?:\s+for)?\s*[\"'“‘]?$")


def _search_cta(instruction: str, q: str) -> str:
    """The call to action that asks to look ``q`` up: "淘宝搜索「小壳子」", 'Search "Pawfect"'."""
    at = instruction.find(q)
    m = _SEARCH_FOR.search(instruction[max(0, at - 12):at].lower())
    if m is not None and P.CJK.search(m.group(0)):
        return f"{m.group('where') or ''}搜索「{q}」"
    return f"Search “{q}”"


def _nearest_label(before: str) -> str | None:
    """The role the label nearest the end of ``before`` names: "加字幕，标题“节日礼物指南”" is a title
    (the labels' \\W runs span Chinese words, and the caption's was read first); a tie goes by
    `_LABELS`' order."""
    found = [(m.start(), -k) for k, (rx, _) in enumerate(_LABELS) if (m := rx.search(before))]
    return _LABELS[-max(found)[1]][1] if found else None


# (a tagline is a row under the title; the title itself when nothing names the subject)
_LABELS = ((_LABEL_CTA, "cta"), (_LABEL_TAGLINE, "tagline"), (_LABEL_CAPTION, "caption"), (_LABEL_TITLE, "title"))



_GENERAL_TEXT = N.ascii_rx(r"\b(?:text|overlays?|captions?|captioned|subtitles|on[\s-]screen)\b|(?<!\bthe\s)(?<!\ba\s)\bsubtitle\b|"
                          r"字幕|文字|文案")  # ("the subtitle 'Since 1998'" is the line under the title)

_MEDIA_EXT = re.compile(r"\.(?:mp4|mov|avi|webm|mkv|m4v|jpe?g|png|gif|webp|heic|mp3|wav|m4a|aac|ogg|flac)$", re.I)


@dataclass(frozen=True)
class Words:
    """The words a first cut shows, as `words_to_show` chose them (`compose` places them in time)."""

    title: str | None
    subtitle: str | None  # a row under the title (a tagline, a listing's rooms)
    cta: str | None  # the call to action
    cta_row: str | None  # a row under the call to action (an offer, its deadline, a phone or website)
    captions: tuple[str, ...]  # given ones (quoted, a brief's, prices listed), in picture order
    per_picture: bool  # the captions name the pictures from the first (none left to the title's)
    derive: bool  # text may be made up (a title and a call to action here; captions from the file names)
    zh: bool  # the instruction is Chinese
    no_captions: bool  # "no captions": none made up (given ones stay)
    notes: tuple[str, ...]
    invented: tuple[str, ...]  # what was made up, for the last note


# what an instruction opens on that names no event: a platform, a kind of video, a request
_NOT_A_LEAD = re.compile(
    r"(?i)\b(?:make|create|do|need|want|please|pls|video|videos|reel|reels|story|stories|tiktok|instagram|youtube|"
    r"post|ad|promo|clip|slideshow|montage|real\s+estate|listing|hiring|update|reminder|news|announcement|"
    r"poster|flyer|banner|invite|invitation|"  # ("holiday market poster: Winter Market, …": the name after it)
    r"(?:app|product|book|album|game|podcast|course)\s+(?:launch|release|drop)|launch|teaser|trailer|"
    r"for|with|of|about|from|to|our|my|we|i|you|it|this|that)\b|\d")  # (whole words: "lost dog" says no "do")


# "…在人民公园有亲子读书会", "举办一场新品品鉴会": the event a Chinese sentence says takes place
_ZH_EVENT_NAME = re.compile(r"(?:有|举办|举行|参加|来)(?:一场|一个|个|场)?(?P<e>[\u4e00-\u9fff]{0,6}(?:读书会|分享会|音乐会|见面会|"
                            r"品鉴会|发布会|讲座|市集|展览|派对|比赛|沙龙|工作坊|体验课|公开课|快闪))")
_ZH_NOT_A_LEAD = re.compile(r"做|制作|视频|抖音|快手|小红书|宣传|广告|房源|招聘|要求|标题|字幕|结尾|音乐|旁白|地址|电话|价格|时间")


def _lead_title(text: str, when: tuple[str, tuple[int, int]] | None) -> str | None:
    """The event an instruction opens on, as a title: the words before a colon ("Fitness challenge:
    30 days, …") or before the day it gives ("School fundraiser bake sale this Saturday 9am-noon"),
    two to five words that are no request, platform or kind of video."""
    m = re.match(r"\s*(?P<t>[A-Za-z][\w'&-]*(?:\s+[\w'&-]+){1,4})\s*(?::|\s[-–—]\s)", text)
    words = m.group("t") if m else None
    after = re.sub(r"^\s*(?:the|(?i:our|my|a|an))\s+", "", text[m.end():]) if m else ""  # ("The Velvet Keys": a name's)
    if m and _NOT_A_LEAD.search(words) and (named := _caps_run(after.split())) and (
            len(named.split()) >= 2 or re.search(r"(?i)\b(?:launch|release|drop|teaser|trailer)\b", words)
            and named.lower() not in VOCAB and named.lower() not in _NOT_A_NAME_START):
        return named  # "Launch video: Pocket Chef app is live …", "app launch: Budgetly helps you save …": its name
    # a lead that only says what kind of post this is ("Reminder:", "vertical reel:"): the event after it
    lead = re.match(r"(?i)\s*(?:reminder|update|announcement|news|psa|heads\s+up|save\s+the\s+date)\s*:", text) or m
    if lead is not None and lead is m and not _NOT_A_LEAD.search(words):
        lead = None
    if lead and when is not None and when[1][0] > lead.end() and (
            event := re.fullmatch(r"\s*(?:the\s+|our\s+|a\s+)?(?P<e>[a-z][\w'-]*(?:\s+[\w'-]+){1,4})\s*(?:this|next|on|every)?\s*",
                                  text[lead.end():when[1][0]], re.I)) and _EVENT_NOUN.search(event.group("e")):
        return title_case(event.group("e"))  # "Reminder: parent teacher night Thursday 6-8pm": the event
    if lead and (
            event := re.match(r"\s*(?:the\s+|our\s+|a\s+|my\s+)?(?P<e>[a-z][\w'-]*(?:\s+[\w'-]+){1,4}?)"
                              r"(?P<at>\s+(?:in|at)\s+[\w'-]+(?:\s+[\w'-]+){0,2})?\s*(?:[,.;!]|\s[-–—]\s)", text[lead.end():], re.I)) \
            and (_EVENT_NOUN.search(event.group("e")) or lead is m and _THING_NOUN.search(event.group("e"))):
        # "vertical reel: yoga retreat in tulum, …"; a venue named in capitals is a fact of its own
        # ("workshop promo: pottery night at The Clay Room, …": "Pottery Night", the venue under it)
        at = event.group("at") or ""
        return title_case(event.group("e") + ("" if re.match(r"\s+at\s+[A-Z]", at) else at))
    if words and (kind := re.fullmatch(r"(?i)(?P<w>.+?)\s+(?:(?:poster|flyer)\s+)?(?:video|reel|clip|post|story|promo|ad)", words)) \
            and len(kind.group("w").split()) >= 2:
        words = kind.group("w")  # "Restaurant menu video: …" is about the restaurant's menu
    if zh := re.match(r"\s*(?:我们的|我家的?|本店的?)?(?P<t>[\u4e00-\u9fff]{2,10})\s*[:：]", text):  # "健身房开业活动：12月20日…"
        return None if _ZH_NOT_A_LEAD.search(zh.group("t")) else zh.group("t")
    if (zh := re.match(r"\s*(?:我们的|我家的?|本店的?)?(?P<t>[\u4e00-\u9fff]{2,12}(?:特惠|促销|大促|优惠季|优惠活动|活动|招生|上新|上市|"
                       r"上线|开课|开班|周年庆|店庆|酬宾|出售|出租|课|课程|训练营|夏令营|冬令营|工作坊|讲座|市集|派对|沙龙|比赛|"
                       r"读书会|分享会|音乐会|演唱会|见面会|品鉴会|发布会|答谢会|年会|晚会|酒会|联欢会|茶话会|舞会|运动会|交流会|展销会|展览|"
                       r"教程|攻略|做法|食谱|测评|合集|回顾|快闪|盛大开业|新店开业|开业|开张|开幕|预售|团购|秒杀)(?:啦|了|喽|啰)?)"
                       r"\s*[:：，,。！!]", text)) \
            and not _ZH_NOT_A_LEAD.search(zh.group("t")) and not re.fullmatch(
                r"(?:产品|商品|新品|品牌|公司|店铺|本店|全场|限时)?|" + _SALE_EVENT.pattern, zh.group("t")[:-2]):
        return zh.group("t")  # "瑜伽工作室新年特惠，年卡只要1999元" (not "产品上新", "双十一活动": said elsewhere)
    if zh := _ZH_EVENT_NAME.search(text):
        return zh.group("e")  # "周六下午3点在人民公园有亲子读书会": the event
    if words is None and when is not None:
        before = re.sub(r"(?i)\s+(?:this|next|on|every)\s*$", "", text[:when[1][0]]).strip(" ,")
        if said := _AVAILABLE.search(before + " "):  # "new sneakers available from", "the shop opens": what is had
            before = re.sub(r"(?i)^(?:the|our|my|a|an)\s+", "", before[:said.start()].strip(" ,"))
        if re.fullmatch(r"[A-Za-z][\w'&-]*(?:\s+[\w'&-]+){1,5}", before):
            words = before
    if not words or _NOT_A_LEAD.search(words):
        return None
    return title_case(words)


# what an event is called, typed in lower case ("my photography workshop"): a title as it is
_RACE = re.compile(r"(?i)\b\d{1,3}k\b|\b(?:fun\s+run|run|race|marathon|walkathon|relay)\b")  # "the riverbend 5k for paws"
_EVENT_NOUN = re.compile(r"(?i)\b(?:workshop|masterclass|class|course|webinar|party|festival|concert|gig|market|fair|"
                         r"meetup|conference|summit|retreat|tasting|screening|exhibition|show|tour|open\s+day|"
                         r"fundraiser|gala|launch\s+party|bootcamp|challenge|night|weekend)$")


# what a shop sells under a name of its own, typed in lower case after a request ("ad for our shop: new
# winter collection, 20% off everything"): the title
_THING_NOUN = re.compile(r"(?i)\b(?:collection|line|range|menu|flavou?rs?|arrivals|edition|drop|release|season)$")
# a business said by what it is ("promo for our pop-up shop, open Fri-Sun …"): the title, when facts are shown
# a Chinese business named before what it is ("山月民宿", "蜀味老灶火锅", "PowerHouse健身", "启航少儿编程", "小鹿的衣橱")
# ("IRON FIT 铁馆", "毛孩子宠物生活馆", "小雏菊花坊", "光影时光摄影工作室": whole; each was left out or cut short)
_ZH_BUSINESS = re.compile(r"(?:^|(?<=[\s，,。！!：:]))(?P<n>(?:[A-Za-z][A-Za-z0-9&'’]{1,19}(?:\s[A-Za-z][A-Za-z0-9&'’]{1,19}){0,2}\s?"
                          r"(?=[\u4e00-\u9fff])[\u4e00-\u9fff]{0,4}?|[A-Za-z][A-Za-z0-9&'’]{1,19}|(?:[\u4e00-\u9fff]{1,4}·)?[\u4e00-\u9fff]{2,6}?)"
                          r"(?:生活馆|体验馆|铁馆|健身馆|花坊|花艺|会所|"
                          r"民宿|酒店|客栈|火锅|餐厅|饭店|咖啡馆?|书店|健身|少儿编程|编程|培训|花店|烘焙|面包坊|工作室|美甲|"
                          r"衣橱|服饰|女装|男装|茶馆|书院|琴行|舞蹈|瑜伽|驾校|汉服摄影|摄影|写真馆|果园|农场|"
                          r"美发|美容|洗车|汽修|宠物店|口腔|牙科|画室|幼儿园|英语|钢琴|茶庄|茶行|眼镜|少儿游泳|"
                          r"装饰|家电清洗|家政|药房|诊所|动物医院|宠物医院|医院|水果店|水果铺|果铺|生鲜|超市|便利店|书法|美术|"
                          r"围棋|国画|跆拳道|武术|声乐|早教|托育|烧烤|烤肉|小龙虾|龙虾|串串|面馆|汉服馆)(?:工作室|生活馆|中心|会所)?)")  # (not 奶茶, 装修: "芋泥波波奶茶", "厨房装修" are no names)
# "我家火锅店蜀香阁": the name typed after what the business is
# ("我们民宿 云栖小院 在大理洱海边": after a space or a comma)
_ZH_BUSINESS_AFTER = re.compile(r"(?:我家|我们家?的?|咱家|本店)(?:[\u4e00-\u9fff]{1,4}?)(?:店|馆|铺|坊|院|行|阁|楼)"
                                r"(?P<n>[\u4e00-\u9fff]{2,5}?)(?=\s|[，,。！!]|$)|"
                                r"(?:我家|我们家?的?|咱家)(?:民宿|客栈|酒店|餐厅|饭店|工作室|店|馆)[\s，,]+"
                                r"(?P<s>(?![在是有就也都叫])[\u4e00-\u9fff]{2,6})(?=\s|[，,。！!]|$)")
_ZH_NOT_A_BUSINESS_NAME = re.compile(r"^(?:我们?|我家|咱们?|你们?|这家|这个|那家|一家|新开的?|帮我|做个|做一个|给|为|本店|店里|家里|暑期|暑假|寒假)")


# the business named outright: "Business is Sugar & Lace Cakes", "店名云裳汉服馆", "品牌名：…"; or its owner's name
# typed as a clause of its own ("🥟 mama lin's dumplings, every sat at broadway market")
_NAMED_OUTRIGHT = re.compile(r"(?i)\b(?:business|shop|store|company|brand|stall|studio|salon|bakery)(?:['’]s)?\s+"
                             r"(?:name\s+)?(?:is|called|named)\s*:?\s+(?!(?:a|an|the|in|on|at|open|closed|located|based|new|now|"
                             r"just|very|so|called|run|family)\b)(?P<n>[A-Za-z0-9][\w'’&.-]*(?:\s+[A-Za-z0-9&][\w'’&.-]*){0,4}?)"
                             r"\s*(?=[.,;!?\n(]|$)")
# ("工作室叫时光印象婚纱摄影", "名字叫力型健身": the studio's name, not "婚纱照套餐" or "名字叫力型健身")
_ZH_NAMED_OUTRIGHT = re.compile(r"(?:(?:店名|店铺名|品牌名|品牌名称|店的名字)(?:是|叫|为)?|(?:名字|工作室|我们店|我们|餐厅|公司|品牌|店)叫做?)"
                                r"\s*[:：]?\s*(?P<n>[^\s，,。；;！!：:（(]{2,12})")
_OWNERS_NAME = re.compile(r"(?:^|(?<=[!?,;:\n])|(?<=[^\w\s'’.,;:!?&-]))\s*(?P<n>(?:[A-Za-z]+\s+)?(?!(?:it|that|what|let|there|here|"
                          r"he|she|who|today|tonight|tomorrow|mother|mothers|father|fathers|valentine|everyone|year|week|"
                          r"month|children|kid|kids|women|men|people)['’])[A-Za-z]+['’]s\s+[A-Za-z]+(?:\s+[A-Za-z]+)?)"
                          r"\s*(?=[,.!\n]|$)", re.I)


# a name typed as the head of a line or sentence, before what it is or offers: "Spokes & Sprockets, Mill Road
# Cambridge", "Captain Giggles 🎈🎩 magic, balloon modelling", "FixIt Phones - screen repairs from £39", "The Side
# Hustle Diaries, episode 1 out Monday", "Riverside 5K Fun Run in aid of St Anne's Hospice" (each was titled by
# what the first words describe: "Bike Shop", "Magic Trick", "Launching our podcast", "Fancy dress encouraged"); a
# run of spaces is where a date read before was blanked with its full stop
_NAME_WORD = r"(?:(?-i:[A-Z])[\w'’]*(?-i:[a-z0-9])[\w'’]*(?:\.[\w'’]+)*|(?-i:[A-Z])|\d+(?-i:[A-Z])+\w*|&)"
_NAME_HEAD = re.compile(
    rf"(?:^|(?<=[\n.!?])|(?<=[^\w\s'’.,;:!?&()£$€/-])|(?<=   ))[ \t]*(?P<n>(?!(?:I|I'm|Im|Hi|Hey|Hiya|Hello|Please|Pls|Our|My|We|We're|Its|It's|"
    rf"Serving|Covering|Delivering|Featuring|Starring|Introducing|Presenting|Welcome|Happy|Merry|Thanks|Thank|Dear|Meet|"
    rf"This|That|Could|Can|Would|Need|New|Use|Make|Start|End|Order|Book|Call|Sign|Follow|Find|Visit|Come|Join|Get|Shop|"
    rf"Adults?|Kids?|Free|Only|Also|Just|Every|Each|Open|Opening|Doors)\b)"
    rf"{_NAME_WORD}(?:[ \t]+(?:of|the|and|on|de|la|{_NAME_WORD})){{1,4}}?)"
    rf"(?=[ \t]*(?:,|[ \t][-–—][ \t]|:|\n|$|[^\w\s'’.,;:!?&()£$€%#@/\\-]|!|[ \t]+in[ \t]+aid[ \t]+of\b))")


# 'put "WALK INS ONLY" big': the words quoted are the headline, whatever name is typed too
_QUOTE_BIG = re.compile(r"(?i)[\"“‘][^\"“”‘’\n]{2,60}[\"”’]\s*(?:really\s+|super\s+|nice\s+and\s+|very\s+)?(?:big|large|huge|massive)\b")


# "yo we're Trompo Loco taco truck in austin", "hi! we're Salt & Sun Yoga in West End", "we're glasshouse and we've got
# a show": the name the business gives itself (titled "For Insta", or nothing)
_WE_ARE = re.compile(r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?i:hi|hey|yo|hello|hiya)[!,.\s]+)?(?i:we['’]?re|we\s+are|this\s+is)\s+"
                     r"(?P<n>(?!(?:A|An|The(?!\s+[A-Z])|So|Just|Now|Open|Closed|Back|Hiring|Moving|Excited|Doing|Having|Making|Looking|Going|"
                     r"Starting|Opening|Celebrating|Launching|Running|Hosting|Throwing)\b)[A-Z][\w'’.-]*(?:\s+(?:&|and|of|the|de|[A-Z0-9][\w'’.-]*)){0,4}?)"
                     r"(?=\s+(?:[a-z]|in\b|at\b|from\b)|[,.!]|$)|"
                     r"(?:^|(?<=[.!?,;:\n]))\s*(?:(?i:hi|hey|yo|hello|hiya)[!,.\s]+)?(?i:we['’]?re|we\s+are)\s+"
                     r"(?P<low>[a-z][a-z0-9'’]{2,19})(?=\s+and\s+we(?:['’]ve|['’]re|\s+have|\s+are)\b)")


def _we_are(text: str) -> str | None:
    """The name `_WE_ARE` reads (a lower-case one title-cased), else None."""
    m = _WE_ARE.search(text)
    if m is None:
        return None
    name = m.group("n") or m.group("low")
    name = re.sub(r"\s+(?:&|and|of|the|de)$", "", name)
    return title_case(name) if name == name.lower() else name


def name_at_head(text: str) -> str | None:
    """The first name typed at the head of a line or sentence (`_NAME_HEAD`) that is no date, price or count;
    else None."""
    for m in _NAME_HEAD.finditer(unicodedata.normalize("NFKC", text or "")):
        name = m.group("n").strip()
        words = name.split()
        if len(words) < 2 or words[-1].lower() in ("of", "the", "and", "on", "de", "la", "&") \
                or re.search(rf"(?i)\b(?:{MONTH}|{WEEKDAY}|mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tonight)\b", name):
            continue
        return name
    return None


def named_outright(text: str) -> str | None:
    """A business's name said as one ("Business is Sugar & Lace Cakes", "店名云裳汉服馆", "mama lin's
    dumplings, every sat …", "Spokes & Sprockets, Mill Road"), else None: it outranks what the first words
    describe ("Ok So Pop Up", "Stall", "Bike Shop")."""
    raw = unicodedata.normalize("NFKC", text or "")
    if m := _ZH_NAMED_OUTRIGHT.search(raw):
        return m.group("n")
    if m := _NAMED_OUTRIGHT.search(raw):
        name = m.group("n")
        return title_case(name) if name == name.lower() else name
    if we := _we_are(raw):
        return we
    if (m := _OWNERS_NAME.search(raw)) and not _GENERIC_SUBJECT.match(m.group("n").lower()):
        name = " ".join(m.group("n").split())
        return title_case(name) if name == name.lower() else name
    return name_at_head(raw)


def _zh_business(text: str) -> str | None:
    """The name of the business a Chinese instruction promotes, as typed before what it is; else None."""
    for m in _ZH_BUSINESS.finditer(text or ""):
        if _ZH_NOT_A_BUSINESS_NAME.match(m.group("n")) or re.search(r"放|用|做|要|摇|拍|剪|加|删|换", m.group("n")) or re.search(r"(?:地点|地址|场地|在|位于)\s*[:：]?\s*$", text[:m.start()]):
            continue  # ("地点：希尔顿酒店": where it is, not whose video)
        if re.match(r"[课班赛节展会]|体验|比赛|活动课", text[m.end():]):
            continue  # "周末亲子烘焙课": a class, titled as typed by the readers after
        return m.group("n") + _zh_event_after(text[m.end():])  # ("瑜伽工作室新年特惠": with what it announces)
    if (m := _ZH_BUSINESS_AFTER.search(text or "")) and not re.search(r"放|用|做|要|拍|剪|加|删|换|视频|[啦了啊吧呀]$", name := m.group("n") or m.group("s")) \
            and not re.match(r"开业|开张|上新|周年|搬家|新店|活动|招生|促销|特惠|优惠|装修", name):  # ("我们的火锅店开业啦")
        return name + _zh_event_after(text[m.end():])  # "我家火锅店蜀香阁 开业三周年活动"
    return None


# "宠物店视频 毛孩子宠物 …", "民宿宣传 山居小院 …": what the video is for, then the business's name as a piece of its
# own (titled "精彩瞬间" and "民宿"); "茶小满 郑州大学城店": a name with its branch
_ZH_KIND_PIECE = re.compile(r"^(?:帮我|给我们?|给|做个|做一个|弄个|来个)?[\u4e00-\u9fff]{0,4}?(?:(?:店|馆|坊|铺|民宿|工作室|培训班?|机构|"
                            r"餐厅|健身房|驾校|客栈|酒店)(?:的)?(?:宣传片?|视频|广告|推广|短视频|周年庆|开业(?:视频)?|招生(?:视频)?|活动|上新)?|"
                            r"(?:火锅|美甲|烘焙|健身|瑜伽|宠物|奶茶|咖啡)(?:店|馆)?(?:的)?(?:宣传片?|视频|广告|推广|短视频|周年庆|"
                            r"开业(?:视频)?|招生(?:视频)?|活动|上新))$")  # ("芋泥波波奶茶" is a drink, no kind of video)
_NAME_WORD_START = re.compile(r"[A-Za-z]")
_NAME_WORD_REST = re.compile(r"[\w&'’.-]")
_NAME_HAN = re.compile(r"[\u4e00-\u9fff]")


def _name_piece(piece: str) -> bool:
    """``piece`` is 2-10 parts, each one Chinese character or a word of at most 20 characters that starts
    with a Latin letter — what ``^(?:[A-Za-z][\\w&'’.-]{0,19}|[\\u4e00-\\u9fff]){2,10}$`` says, read in linear
    time (that pattern backtracked exponentially: a piece of 201 letters held the process, GIL and all, for good)."""
    if len(piece) > 200:
        return False
    ends: list[set[int]] = [set() for _ in range(len(piece) + 1)]  # ends[i]: how many parts can end at i
    ends[0].add(0)
    for i, ch in enumerate(piece):
        after = {k + 1 for k in ends[i] if k < 10}
        if not after:
            continue
        if _NAME_HAN.match(ch):
            ends[i + 1] |= after
        if _NAME_WORD_START.match(ch):
            j = i + 1
            ends[j] |= after
            while j < len(piece) and j - i < 20 and _NAME_WORD_REST.match(piece[j]):
                j += 1
                ends[j] |= after
    return any(k >= 2 for k in ends[-1])
_ZH_NOT_NAME = re.compile(r"\d|开业|上新|新品|新款|活动|促销|特惠|优惠|招生|周年|上市|宣传|视频|抖音|快手|小红书|竖屏|横屏|音乐|字幕|"
                          r"帮我|做个|一下|一点|我们|我家|本店|欢迎|限时|全场|老板|店里|的|竖版|横版|方版|高清|版本|半价|折|送|减|免|包邮")
_ZH_BRANCH = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:分店|店)$")


def _zh_name_after_kind(text: str) -> str | None:
    """The business's name typed as a piece after what the video is for ("宠物店视频 毛孩子宠物"), or on a
    line before its branch ("茶小满 郑州大学城店"), with the branch; else None."""
    def name_like(piece: str) -> bool:
        kind_only = _ZH_KIND_PIECE.match(piece) and (len(piece) <= 3 or re.search(r"(?:宣传片?|视频|广告|推广|周年庆|开业|招生|活动|上新)$", piece))
        return _name_piece(piece) and not _ZH_NOT_NAME.search(piece) and not kind_only  # ("老码头火锅": a name)

    typed = (text or "").splitlines()
    lines = [[p for p in re.split(r"[\s，,。！!：:；;]+", line) if p] for line in typed]
    for line, pieces in zip(typed, lines, strict=True):
        for i in range(len(pieces) - 1):
            if _ZH_KIND_PIECE.match(pieces[i]) and name_like(name := re.sub(r"^(?:名字|店名)叫做?(?=\S{2})", "", pieces[i + 1])):
                if re.fullmatch(r"[A-Z][\w'’&.-]*", name) and (whole := re.search(
                        rf"(?<![\w]){re.escape(name)}(?:[ \t]+(?:[A-Z][\w'’&.-]*|&))*(?:[ \t]+[\u4e00-\u9fff]{{1,8}}(?=$|[，,。！!；;\s]))?",
                        line)):
                    return whole.group(0)  # "餐厅 Golden Lotus 金莲, …": the name in both scripts (it was "Golden")
                branch = pieces[i + 2] if i + 2 < len(pieces) and _ZH_BRANCH.match(pieces[i + 2]) else None
                return f"{name} {branch}" if branch and not name.endswith("店") else name
    for pieces in lines:
        if len(pieces) >= 2 and name_like(pieces[0]) and _ZH_BRANCH.match(pieces[1]):
            return f"{pieces[0]} {pieces[1]}"
    return None


def _zh_event_after(rest: str) -> str:
    """What a business's name is followed by that it announces ("新年特惠", " 开业三周年活动"), a space kept; else ""."""
    event = re.match(r"\s?[\u4e00-\u9fff\d]{0,6}?(?:特惠|开业|上新|周年庆?|大促|优惠|招生|活动)(?=$|[\s，,。！!])", rest)
    return event.group(0) if event else ""


_BUSINESS_NOUN = re.compile(r"(?i)\b(?:shop|store|boutique|cafe|café|coffee\s+shop|bakery|salon|barbershop|studio|gym|"
                            r"restaurant|bistro|diner|bar|pub|brewery|winery|market|food\s+truck|pop-?up|"
                            r"lessons|classes|tutoring|coaching)$")  # ("my piano lessons": what is on offer)


_FOR_SALE = re.compile(r"(?i)\b(?:selling|for\s+sale\s*:?|sale\s*:)\s+(?:my|our|a|an|the|this)?\s*(?P<s>[a-z0-9][\w'’.&/ -]{2,40}?)"
                       r"\s*(?=[,.;:!(]|\s[-–—]\s|\s+(?:for|at|with|in|asking|obo|only)\b|\s+[$€£¥]\d|$)")


_ZH_PRODUCT_AFTER = re.compile(r"(?:产品|商品)(?:视频|短片|片子|片)[，,]\s*(?P<s>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]{1,11})"
                               r"(?=\s*[，,。]|$)")
_ZH_VERBISH_NAME = re.compile(r"要|用|做|配|给|帮|加|字幕|音乐|视频|秒|画面|卖点|标题|竖屏|横屏|风格|一点")
_ZH_EVENT_ALONE = re.compile(r"(?:^|[，,。！!；;])\s*(?P<t>新品上市|新品发布|新店开业|盛大开业|隆重开业|开业大吉|周年庆|店庆|清仓大甩卖|"
                             r"年终大促|限时特惠|上新啦|新品上新)\s*(?=[，,。！!；;]|$)")
# "2026新茶明前龙井上市了", "新品生椰西瓜冰上市": a piece announcing what is new (the title; it was the stock "限时优惠")
_ZH_LAUNCH_ALONE = re.compile(r"(?:^|[，,。！!；;\s])\s*(?P<t>(?![帮做给用要])(?!(?:产品|商品|新品|新款|宝贝|东西)(?:上市|上新|开售|到货))"
                              r"[\u4e00-\u9fffA-Za-z\d]{2,14}?(?:上市|上新|开售|到货))(?:了|啦|咯|喽)?"
                              r"\s*(?=[，,。！!；;]|$)")
_WEDDING = re.compile(r"(?i)婚礼|结婚|喜帖|请柬|\bsave\s+the\s+date\b|\bwedding\b|\bengagement\b")
_PAIR = re.compile(r"(?:^|[，,。\s:：])(?P<who>(?:[\u4e00-\u9fff]{2,4}|[A-Z][a-z]+)\s*(?:&|＆|和|与|\band\b)\s*(?:[\u4e00-\u9fff]{2,4}|[A-Z][a-z]+))"
                   r"(?=[，,。\s]|$)")
# an instruction that opens on words in capitals, as a poster's headline: "LOST DOG please help", "GRAND OPENING!"
_SHOUTED = re.compile(r"\s*(?P<t>(?!(?:I|PLEASE|PLS|HI|HEY|HELP|URGENT|OMG)\b)[A-Z][A-Z'’&-]+(?:\s+[A-Z0-9][A-Z0-9'’&-]+){1,4})"
                      r"(?=\s*[.!:,—–@-]|\s+(?-i:[a-z]))")  # ("FRIDAY THE 13TH FLASH DAY @ inkwell tattoo co!!!")


_SHOUTED_RUN = re.compile(r"(?<![A-Za-z0-9])(?P<t>[A-Z][A-Z'’&.-]+(?:\s+[A-Z][A-Z'’&.-]+){1,4})(?![A-Za-z0-9])")


def _shouted_within(text: str) -> str | None:
    """The one run of two or more words in capitals inside a sentence typed in lower case ("… our show!!
    THE VELVET STATIC w/ Lo Moth — …"): a name written so to stand out; None when there are several runs,
    little else in lower case, or the run is a platform or an ask."""
    runs = [m for m in _SHOUTED_RUN.finditer(text or "") if len(re.sub(r"[^A-Z]", "", m.group("t"))) >= 8]
    if len(runs) != 1:
        return None
    letters = re.findall(r"[A-Za-z]", text)
    lower = sum(ch.islower() for ch in letters)
    t = runs[0].group("t")
    if lower * 3 < len(letters) * 2 or _PLATFORM_WORDS.match(t.lower()) or _NOT_A_LEAD.search(t.lower()):
        return None
    return t


def _shouted_alone(text: str, shouted: re.Match[str]) -> bool:
    """Whether the capitals ``text`` opens on are a headline: the rest is typed in lower case (not an
    instruction typed all in capitals, "CREATE PROMO VIDEO FOR BAKERY") and they ask for nothing."""
    rest = re.findall(r"[A-Za-z]", text[shouted.end():])
    said = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)\b", "nth", shouted.group("t").lower())  # ("FRIDAY THE 13TH FLASH DAY")
    return (sum(ch.islower() for ch in rest) * 2 > len(rest) and not _PLATFORM_WORDS.match(said)
            and not _NOT_A_LEAD.search(said))


def for_sale(text: str) -> str | None:
    """What a sale of one's own is of ("selling my 2017 honda civic EX, 68k miles" -> "2017 Honda Civic EX";
    the title was "Fb Marketplace"), or None."""
    m = _FOR_SALE.search(unicodedata.normalize("NFKC", text or ""))
    if m is None or _GENERIC_SUBJECT.match(m.group("s").lower()) or len(m.group("s").split()) > 6:
        return None
    return title_case(m.group("s").strip())


def _name_typed(text: str, announced: bool) -> str | None:
    """The thing a video is for, as its title where the instruction gives other words to show (an
    address, an offer): "a promo for Bean There" (as typed), "charity fun run video — sign up at …"
    (named before the kind of video); None when neither says a name."""
    if sold := for_sale(text):
        return sold
    said = subject_of(text)
    if said and (said in text or announced or _typed_as_name(said, text) or _EVENT_NOUN.search(said)
                 or len(said.split()) >= 2 and (_BUSINESS_NOUN.search(said) or _RACE.search(said))):
        return said
    if event := _SALE_EVENT.search(text):  # "🎉 Black Friday 🎉 40% off everything"
        return event.group(0) if P.CJK.search(event.group(0)) else title_case(event.group(0).lower())
    return named_before_kind(text) or event_at_start(text)


def _fit(lines: list[str], slots: int) -> list[str]:
    """``lines`` in at most ``slots`` captions, the last ones shown together ("Doors 7pm · No cover")
    while that reads on two lines; the rest left out."""
    out: list[str] = []
    for line in lines:
        if len(out) < slots:
            out.append(line)
        elif _width(f"{out[-1]} · {line}") <= MAX_JOINED:
            out[-1] = f"{out[-1]} · {line}"
    return out


MAX_JOINED = 48  # characters: two facts shown together still read on two lines


def _with_aside(shown: str, aside: str, instruction: str) -> str | None:
    """``shown`` with ``aside`` after it in brackets where the instruction typed it so ("Thursday 12
    March, 7pm (doors 6.30)"), else None."""
    at = instruction.casefold().find(f"{shown} ({aside})".casefold())
    return None if at < 0 else f"{shown} ({instruction[at + len(shown) + 2:at + len(shown) + 2 + len(aside)]})"


def _show_lost(lost: list[str], captions: list[str], under_cta: list[str], when: str | None, instruction: str,
               room: int, notes: list[str]) -> tuple[list[str], str | None]:
    """The captions (and the date shown, ``when``) with the facts `facts.lost_facts` found: a fuller line in
    its part's place ("Start time 9am at Riverside Park" for "At Riverside Park"; not one saying more prices:
    "Fades $30 beard $15 combo $40. 1182 Main st" for "Fades $30"), one typed right beside a caption with it
    ("Doors 7:30pm · Show 8:30pm"), an aside with what it is about ("Thursday 12 March, 7pm (doors 6.30)", in
    ``under_cta`` too), the rest in ``room`` captions; ``notes`` say what was shown and what had no room."""
    captions, lost, said = list(captions), list(lost), instruction.casefold()

    def fuller(x: str, fact: str) -> bool:
        return len(x) >= 6 and x.casefold() in fact.casefold() and not re.search(
            r"[$€£¥￥]\s?\d|\d{3,}", fact.casefold().replace(x.casefold(), " "))

    def beside(x: str, fact: str) -> bool:
        at = said.find(x.casefold())
        return _width(f"{x} · {fact}") <= MAX_JOINED and at >= 0 and re.fullmatch(
            r"[\s,，;；]*", said[at + len(x):said.find(fact.casefold(), at)] or "x") is not None

    for fact in lost[:]:
        if (i := next((i for i, x in enumerate(captions) if fuller(x, fact)), None)) is not None:
            captions[i] = fact
        elif (i := next((i for i, x in enumerate(captions) if beside(x, fact)), None)) is not None:
            captions[i] = f"{captions[i]} · {fact}"
        else:
            continue
        lost.remove(fact)
        notes.append(f"Also shown, as typed: '{fact}'.")
    for fact in lost[:]:
        for texts in (under_cta, captions):
            if (i := next((i for i, x in enumerate(texts) if _with_aside(x, fact, instruction)), None)) is not None:
                with_it = _with_aside(texts[i], fact, instruction)
                when = with_it if texts[i] == when else when
                texts[i] = with_it
                lost.remove(fact)
                notes.append(f"Also shown, as typed: '{with_it}'.")
                break
    captions = _fit([*captions, *lost], max(room, len(captions)))
    if shown_too := [f for f in lost if any(f in c for c in captions)]:
        notes.append("Also shown, as typed: " + ", ".join(f"'{x}'" for x in shown_too) + ".")
    if left := [f for f in lost if f not in shown_too]:
        notes.append("No room for " + ", ".join(f"'{x}'" for x in left) + " over the pictures; add them with "
                     "'add the caption …' where you want them.")
    return captions, when


def _width(text: str) -> int:
    """``text``'s width in Latin characters (a Chinese one is about two)."""
    return len(text) + len(P.CJK.findall(text))


def _typed_as_name(said: str, text: str) -> bool:
    """Whether ``said`` (`subject_of`'s title-cased words) opens with a name typed with capitals:
    "Happy Paws Shelter's adoption weekend" (not "our bakery's birthday")."""
    at = text.lower().find(said.lower())
    typed = [w for w in (text[at:at + len(said)].split() if at >= 0 else []) if w.lower() not in ("&", "and", "+", "n", "'n'")]
    # ("Suds & Paws grooming": the ampersand is the name's)
    camel = bool(typed) and re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", typed[0]) is not None  # "FitZone gym"
    return camel or (len(typed) >= 2 and all(w[:1].isupper() for w in typed[:2]))


def words_to_show(instruction: str, visuals: Sequence[Asset],
                  assets: Sequence[Asset] = ()) -> Words | None:
    """The title, the call to action, the rows under them and the given captions of a first cut,
    with notes on where each came from; None when the instruction asks for no text.
    ``visuals`` are the pictures (their names' theme may title the video), ``assets`` every file
    (a quoted file name is a reference, not text to show)."""
    # quoted file names ("use 'bgm.mp3' as the music") are references, not on-screen text
    names = {a.name.lower() for a in assets}
    for q in Q.quoted_texts(instruction):
        if q.lower() in names or _MEDIA_EXT.search(q.strip()):
            instruction = instruction.replace(q, " ")
    zh = P.is_chinese(instruction)
    if _NAMES_ONLY.search(N.normalize(instruction)) and (who := _ZH_COUPLE.search(instruction) or subject_of(instruction)):
        who = who if isinstance(who, str) else who.group("who")
        # "wedding highlights for Anna & Tom, no text except their names": their names, nothing else
        return Words(title=who, subtitle=None, cta=None, cta_row=None, captions=(), per_picture=False, derive=False,
                     zh=zh, no_captions=True, notes=(f"Only the names on screen, as asked: '{who}'.",), invented=())
    if (only := _WORDS_ONLY.search(instruction)) and not _NAMES_ONLY.search(N.normalize(instruction)):
        # "a video for my mom's birthday, no text except Happy Birthday Mom": those words alone (file-name captions and
        # "Learn more" were added)
        said = capitalised(" ".join(only.group("w").strip(" '\"“”‘’「」").split()))
        return Words(title=said, subtitle=None, cta=None, cta_row=None, captions=(), per_picture=False, derive=False,
                     zh=zh, no_captions=True, notes=(f"Only '{said}' on screen, as asked.",), invented=())
    if P.no_words(Q.outside_quotes(instruction)) and not Q.quoted_texts(instruction):
        return None  # "promo, 30% off, no text": the offer is no reason to show words after all
    # "product: AeroBottle. tagline: stay cold 24h. cta: order today": a brief's fields, read first
    brief = B.read(instruction)
    instruction = B.blank(instruction, brief)
    # "name the cats Whiskers and Luna", "label them 'Kitchen', 'Garden'": a caption each picture, in
    # order (blanked: its quotes are no title or call to action)
    labels = (L.picture_labels(instruction) or L.listed_for_pictures(instruction, len(visuals))
              or L.numbered_steps(instruction, len(visuals)) or L.before_after(instruction, len(visuals), [a.name for a in visuals]))
    if labels:
        a, b = labels.span
        instruction = instruction[:a] + " " * (b - a) + instruction[b:]
        if not labels.given:  # "text 'BEFORE' / 'AFTER' on them": the labels' words, no title or caption of their own
            for said in set(labels.names):
                instruction = re.sub(rf"['‘\"“]{re.escape(said)}['’\"”]", " ", instruction)
    quotes = Q.quoted_texts(instruction)
    unquoted = instruction
    for q in quotes:
        unquoted = unquoted.replace(q, " ")
    # "end with follow us", "结尾写关注我们": the words the video ends on (a quoted ending is `_label_quotes`')
    ending = ending_words(unquoted, zh=zh, files=frozenset(names))
    # "with our instagram @beanthere", "call us at +1 555 123 4567": an address to show, at the end
    plain = Q.outside_quotes(unquoted)  # what the words say themselves (read once for the readers below)
    contact = contact_in(plain)
    if contact and contact.lower() in names:
        contact = None
    number = phone_in(plain)
    if contact is None and number is not None:
        contact = number  # a number on a line of its own ("…Manchester M1\n0161 496 0732": it was left out)
    # a number typed with no word for it ("…\n0161 496 0732"): shown as one to call ("电话021-…" says so itself)
    bare_number = number if number is not None and contact == number and said_bare(plain, number) else None
    # "a story for our summer sale. 30% off everything": the offer is what the video is for
    offer = offer_in(plain)
    # "pumpkin latte $5.50, maple scone $3": a caption each, and no one price the offer
    items = priced_items(plain)
    if items and offer and any(offer.removeprefix("only ").removeprefix("just ").casefold() in it.casefold() for it in items):
        offer = None
    if not items and offer and not is_discount(offer) and len(one := priced_items(plain, least=1)) == 1 \
            and one[0].endswith(offer) and len(one[0].split()) <= 6 and re.match(r"(?:\d{1,2}[\s-]+)?[A-Za-z]", one[0]) \
            and not re.match(r"(?i)(?:add|put|use|show|make|with|set|price|priced|cost|costs)\b", one[0]):
        offer = one[0]  # "bottomless mimosas $25": what the price is for, not "$25" alone
    elif not items and offer and re.fullmatch(r"[$€£]\s?\d[\d,.]*(?:\s?[kKmM])?", offer.strip()) \
            and (said := price_phrase(plain, offer.strip())):
        offer = said  # "new beginners course 6 weeks £60", "tickets £5 redeemable against the book"
    announced = _ANNOUNCE.search(N.normalize(plain)) is not None
    # "Only 12 spots left!!", "free returns", "21+ only", "doors 7pm, no cover": facts for the viewer
    no_facts = P.no_text(instruction) or P.no_captions(instruction)
    typed = [] if no_facts else [*F.selling_points(plain), *F.typed_facts(plain)]
    if offer and not is_discount(offer) and any(offer.casefold() in f.casefold() and (
            _DEAL.search(f) or re.fullmatch(r"[$€£]\s?\d[\d,.]*", offer.strip()) and not P.CJK.search(f)) for f in typed):
        offer = None  # "£18 each or 3 for £48" is a caption: "£18" alone is no call to action
    if not no_facts and not items and offer and (priced := price_beside(plain, offer)) \
            and all(priced.casefold() not in f.casefold() for f in typed):
        typed.insert(0, priced)  # "芋泥波波奶茶只要15元，第二杯半价": the price said beside the offer
    # a fact another says whole is shown once ("证件照 39元" and "39元" were two captions)
    typed = [f for i, f in enumerate(typed) if not any(k != i and len(g) > len(f) and _letters(f) in _letters(g)
                                                      for k, g in enumerate(typed))]
    # "birthday video for mom", "we're hiring baristas": the occasion's own opening words; "an intro
    # for my channel Wander Often": its name
    greeting = OC.greeting(plain) or OC.hiring(plain) or OC.welcome(plain)
    intro = False
    if greeting is None and _INTRO.search(plain) and (name := subject_of(unquoted)) and name in unquoted \
            and not _ZH_NOT_A_NAME.fullmatch(name):
        greeting, intro = name, True  # as typed: a name ("an intro for my channel", "给我的频道做个片头" have none)
    # "… our jazz night on Saturday at 8pm": a day and time to show (blanked for the readers after:
    # "promo for Museum Late on Fri Dec 12" is titled "Museum Late")
    given_when = None
    found_when = when_at(plain)
    if found_when and (shouted := _SHOUTED.match(plain)) and _shouted_alone(plain, shouted) and found_when[1][1] <= shouted.end() \
            and (later := when_at(plain[shouted.end():])):
        # "FRIDAY THE 13TH FLASH DAY @ … 12pm-midnight march 13": the headline's day is its name, the date is later
        found_when = (later[0], (later[1][0] + shouted.end(), later[1][1] + shouted.end()))
    if found_when:
        given_when, (a, b) = found_when
        if _DEADLINE_BEFORE.search(unicodedata.normalize("NFKC", plain)[max(0, a - 20):a]):
            given_when = None  # "ends friday at midnight": the offer's end, not an event's when
        elif any(given_when.casefold() in f.casefold() and len(f) > len(given_when) + 3 for f in typed):
            given_when = None  # said in a fact shown already: "Last seen Tues Nov 3 near Cedar Park" (and "Tues Nov 3" again)
        elif len(parts := [p for p in re.split(r"\s*,\s*", given_when) if p]) > 1 and all(
                any(p.casefold() in f.casefold() for f in typed) for p in parts):
            given_when = None  # "5-10pm, Fri-Sat" across "Thurs at Oddwood Brewing 5-10pm" and "Fri-Sat at …": no when
        unquoted = unicodedata.normalize("NFKC", unquoted)
        if unquoted[a:b] == unicodedata.normalize("NFKC", plain)[a:b]:
            unquoted = unquoted[:a] + " " * (b - a) + unquoted[b:]
    if not (P.wants_text_overlays(instruction) or ending or title_in(unquoted) or contact or offer or announced
            or _SALE_EVENT.search(unquoted) or brief or greeting or items or given_when or labels or where_on(plain)
            or any(F.asks_for_text(f) for f in typed)):
        return None
    notes: list[str] = []
    labelled = _label_quotes(instruction, quotes)
    title: str | None = next((q for q, r in labelled if r == "title"), None)
    cta: str | None = next((q for q, r in labelled if r == "cta"), None)
    captions_q: list[str] = [q for q, r in labelled if r == "caption"]
    named = title_in(unquoted) if title is None else None  # "标题是城市之光", "title: City Lights"
    if named is None and title is None and not brief and not _QUOTE_BIG.search(instruction) \
            and (outright := named_outright(unquoted)):
        named = outright
    if named:
        title = named
        unquoted = re.sub(re.escape(named), " ", unicodedata.normalize("NFKC", unquoted), flags=re.I)
        notes.append(f"Title from the instruction: '{named}'.")
    subtitle = brief.subtitle
    tagline = next((q for q, r in labelled if r == "tagline"), None)
    if subtitle is None and tagline:
        subtitle = tagline  # "launch video for the Velo X motorcycle with the tagline 'Ride the future'"
        if title is None and (said_name := subject_of(unquoted)) and said_name.lower() in unquoted.lower():
            title = said_name
            notes.append(f"Title from the instruction: '{said_name}', the tagline '{tagline}' under it.")
    from_brief: list[str] = []  # what the brief's fields gave, for the note
    if brief.title and title is None:
        title = title_case(brief.title) if brief.title.islower() else brief.title
        from_brief.append(f"title '{title}'")
    if brief and title is None and (said_name := (zh and (_zh_name_after_kind(plain) or _zh_business(plain)))
                                    or subject_of(unquoted)) and _typed_as_a_name(said_name, unquoted):
        title = said_name  # "promo for Bean There Coffee. Slogan - Brewed for you": the name, the slogan under it
        notes.append(f"Title from the instruction: '{said_name}'.")
    if subtitle and title is None:
        title, subtitle = subtitle, None  # a tagline alone opens the video
        from_brief.append(f"title '{title}'")
    if subtitle:
        from_brief.append(f"'{subtitle}' under the title")
    if brief.cta and cta is None:
        cta = brief.cta
        from_brief.append(f"call to action '{cta}'")
    if brief.captions:
        captions_q.extend(brief.captions)
        from_brief.append("captions " + ", ".join(f"'{c}'" for c in brief.captions))
    if brief.lines:
        from_brief.append(", ".join(f"'{x}'" for x in brief.lines) + " with the call to action")
    if from_brief:
        notes.append("From the brief's fields: " + "; ".join(from_brief) + ".")
    if labels and not captions_q:
        captions_q.extend(labels.names)
        notes.append("Captions from the names given, one a picture in order: "
                     + ", ".join(f"'{x}'" for x in labels.names) + "." if labels.given else
                     f"The first picture is captioned '{labels.names[0]}', the second '{labels.names[1]}' "
                     "(say 'swap the captions' if it is the other way round).")
    if items and not captions_q:
        captions_q.extend(items)
        notes.append("Captions from the prices listed: " + ", ".join(f"'{x}'" for x in items) + ".")
    ending = ending if cta is None else None
    if ending:
        cta = ending
        unquoted = unquoted.replace(ending, " ")
        notes.append(f"Call to action from the instruction: '{ending}'.")
    under_cta: list[str] = list(brief.lines)  # rows under a call to action that does not say them
    if offer and not (ending and offer.lower() in ending.lower()):
        if cta is None:
            cta = capitalised(offer)
            notes.append(f"Call to action from the instruction: '{cta}'.")
        elif offer.lower() not in cta.lower():
            under_cta.append(capitalised(offer))
            notes.append(f"'{offer}' is shown with the call to action, a row below it.")
    until = deadline_in(plain) if offer or any(is_discount(x) for x in brief.lines) else None
    if until and _letters(re.sub(r"(?i)^(?:ends?|until)\s+|\s+only$", "", until)) in _letters(cta or ""):
        until = None  # "50% off all candles this weekend" says "This weekend only" already
    if (code := promo_code(plain)) and code.lower() not in (cta or "").lower():
        under_cta.append(code)  # "Use code GLOW50": with the offer it opens
        notes.append(f"'{code}' is shown with the call to action, a row below it.")
    if until and until.lower() not in (cta or "").lower():
        under_cta.append(until)  # "20% off everything, ends dec 24": when it ends, with it
        notes.append(f"'{until}' is shown with the call to action, a row below it.")
    # "… our Museum Late event this Friday, 7pm to midnight": the day and hours are shown (not a
    # sale's end: "ends friday at midnight"); a day alone where the video announces something
    # ("grand opening this Saturday"), which is its call to action before an address is
    # (an event's own date stays beside an offer's end: "retreat in Bali, July 8-14 … $1,200 until May 1")
    when = given_when or (None if until or deadline_in(plain) else event_date(unquoted) if announced else None)
    if when and (said_when := availability(plain, when)):
        when = said_when  # "available from Monday", not "Monday" (nor "See you on Monday")
    if when and announced:
        cta, rows, said = _place_when(when, cta, (title or "", *under_cta), zh=zh, announced=True)
        under_cta += rows
        notes += said
    if (found := where_on(plain)) and cta is None:
        cta = found  # "Out now on Spotify"
        notes.append(f"Call to action from the instruction: '{cta}'.")
    elif found and found.lower() not in (cta or "").lower():
        under_cta.append(found)  # "首节课免费" with "报名请扫码" under it
        notes.append(f"'{found}' is shown with the call to action, a row below it.")
    if contact and cta is None:
        cta = contact_cta(plain, contact) or contact  # "apply at jobs.example.com": the words asking too
        notes.append(f"Call to action from the instruction: '{cta}'.")
    elif contact and contact not in (cta or ""):
        row = contact_cta(plain, contact) or contact  # "Order at bloomandco.com", "Call Jen at 555-0142"
        under_cta.append(row)
        notes.append(f"'{row}' is shown with the call to action, a row below it.")
    if bare_number is not None and not contact_cta(plain, bare_number):
        # said as a number to call ("0161 496 0732" alone read as a code or a count)
        called = ("电话 " if zh else "Call ") + bare_number
        cta = called if cta == bare_number else cta
        under_cta = [called if x == bare_number else x for x in under_cta]
    if contact:
        unquoted = unquoted.replace(contact, " ")
    reach_rows: list[str] = []  # where to go, last in the row
    for other in (street_in(plain), phone_in(plain)):  # a phone and an address: both ("地址朝阳区幸福路12号，联系电话138…")
        if other and contact and other not in contact and not any(other in x for x in (cta or "", *under_cta)):
            row = contact_cta(plain, other) or other  # "Book online at brightsmile.com or call (555) 123-4567"
            under_cta.append(row)
            reach_rows.append(row)
            notes.append(f"'{row}' is shown with the call to action, a row below it.")
    dated = None  # an event's date beside an offer's end: under the title, the end with the offer
    if when and until and _letters(re.sub(r"^(?:到|至|截止到?|until|till|ends?)\s*", "", until, flags=re.I)) in _letters(when):
        under_cta = [x for x in under_cta if x != until]  # "3月5号到3月15号": the range says when it ends ("到3月15号" again)
        until = None
    if when and until and subtitle is None:
        dated, when = when, None
    if when and not announced:  # "webinar on March 3rd at 2pm, register at example.com": the asking first
        cta, rows, said = _place_when(when, cta, (title or "", *under_cta), zh=zh, announced=False)
        under_cta += rows
        notes += said
    if cta is None and under_cta:  # "price: $19": a line there is; an offer, then a phone or website (asks) first
        cta = next((x for x in under_cta if is_discount(x)), next((x for x in under_cta if is_reach(x)), under_cta[0]))
        under_cta.remove(cta)
    if look_up := next((q for q, r in labelled if r == "search"), None):
        asked = _search_cta(instruction, look_up)
        if cta is None:
            cta = asked
            notes.append(f"Call to action from the instruction: '{cta}'.")
        else:
            under_cta.append(asked)  # "包邮" with "淘宝搜索「小壳子」" under it
            notes.append(f"'{asked}' is shown with the call to action, a row below it.")
    free = [q for q, r in labelled if r is None]
    if free and title is None:
        title = free.pop(0)
    if free:
        if cta is None:
            cta = free.pop()
        captions_q.extend(free)
    if quotes:
        notes.append("Quoted text used verbatim: " + ", ".join(f"'{q}'" for q in quotes) + ".")
    # a day and time alone asks for no made-up title or captions: "a promo for the 5K run on June 10, 8am"
    # (a first class free is what the class offers, not a sale to title: "Limited-Time Offer")
    sale = offer and not re.search(r"(?i)^(?:your\s+)?first\s|^free\s+(?:trial|first)|\bprizes?\b|^win\b|gift\s+card", offer)
    when_only = bool(given_when) and not (P.wants_text_overlays(instruction) or ending or title_in(unquoted) or contact
                                          or sale or announced or _SALE_EVENT.search(unquoted) or brief or greeting or items)
    derive = (not (quotes or named or ending or contact or brief or greeting or when_only or labels)
              or bool(_GENERAL_TEXT.search(P.drop_no_captions(unquoted))))  # not "no captions"

    invented: list[str] = []
    if title is None and greeting:
        title = greeting
        notes.append(f"Title for the {'intro' if intro else 'occasion'}: '{greeting}'"
                     + ("" if derive else "; say 'add a call to action' or 'add captions' for more text") + ".")
    if title is None and (product := _ZH_PRODUCT_AFTER.search(plain)) and not _ZH_VERBISH_NAME.search(product.group("s")):
        title = product.group("s")  # "做个产品视频，降噪蓝牙耳机，卖点…": the product (it was the stock "新品上市")
        notes.append(f"Title from the instruction: '{title}'.")
    if title is None and zh and (biz := _zh_name_after_kind(plain) or _zh_business(plain)):
        title = biz  # "山月民宿五一预定", "蜀味老灶火锅", "PowerHouse健身": the business's name (it had none, or "双12")
        notes.append(f"Title from the instruction: '{title}'.")
    if title is None and (alone := _ZH_EVENT_ALONE.search(plain) or _ZH_LAUNCH_ALONE.search(plain)):
        title = alone.group("t")  # "帮我做个抖音视频，新品上市，杨枝甘露18元…": what it announces (it had no title)
        notes.append(f"Title from the instruction: '{title}'.")
    if title is None and _WEDDING.search(plain) and (pair := _PAIR.search(plain)) and not _ZH_GENERIC.search(pair.group("who")):
        title = pair.group("who")  # "婚礼save the date … 张伟&李婷 2027年5月20日": the couple (it was the stock "精彩瞬间")
        notes.append(f"Title: the couple's names, '{title}'.")
    if title is None and (shouted := _SHOUTED.match(plain)) and _shouted_alone(plain, shouted):
        title = shouted.group("t")  # "LOST DOG please help. …": the words it opens on in capitals, as typed
        notes.append(f"Title from the instruction: '{title}'.")
    if title is None and (shouted_name := _shouted_within(plain)):
        title = shouted_name  # "tiktok vid for our show!! THE VELVET STATIC w/ Lo Moth — …": the name in capitals
        notes.append(f"Title from the instruction: '{title}'.")
    if title is None and (headline := headline_in(plain)):
        title = headline  # "new arrivals this week! swipe up to shop": the line it exclaims
        notes.append(f"Title from the instruction: '{headline}'.")
    if title is None and (ep := re.search(r"(?i)\b(?:episode|ep\.?)\s*#?(\d{1,4})\b", plain)):
        # "podcast clip, episode 42 with …"; "launching our podcast Side Hustle Sisters … ep 1 guest is …": its name
        title = on.group("n") if (on := _OUR_NAMED.search(plain)) else f"Episode {ep.group(1)}"
        notes.append(f"Title from the instruction: '{title}'.")
    if title is None and (lead := _lead_title(unicodedata.normalize("NFKC", plain), found_when)):
        title = lead  # "Fitness challenge: 30 days, …", "School fundraiser bake sale this Saturday 9am-noon"
        notes.append(f"Title from the instruction: '{lead}'.")
    if title is None and derive:
        title = (sold := for_sale(unquoted)) or subject_of(unquoted) or named_before_kind(unquoted)
        source = "from the instruction"
        if title is None and announced and (opening := _ZH_OPENING.search(unquoted)):
            title = opening.group("t")  # "我们的火锅店开业啦": "火锅店开业啦", not "开业"
        if title is None and announced and (event := _ZH_EVENT.search(unquoted) or _EN_EVENT.search(unquoted)):
            title = event.group(0) if P.CJK.search(event.group(0)) else title_case(event.group(0))  # what it announces
        if title is None and (event := _SALE_EVENT.search(unquoted)):
            title = event.group(0) if P.CJK.search(event.group(0)) else title_case(event.group(0))  # "双十一活动"
        if title is None:
            title = event_at_start(unquoted)  # "mattress sale 50% off, free delivery"
        if title is None:
            title = theme_of([a.name for a in visuals])
            source = "from what the file names share"
            if title is not None and zh and not P.CJK.search(title):
                title = None  # an English file name does not title a Chinese video
        if title is not None and title != sold and (is_file_junk(title) or _ONLY_DESCRIBING.match(title)
                                                     or (source == "from the instruction" and _VERB_TITLE.search(title))):
            title = None  # (a model year is no file's digits: "2017 Honda Civic EX"; "Cozy Little" and "Start W Gopro
            # Riding" were no titles)
        if title is None:
            title = _fallback_title(instruction)
            source = "a stock phrase: neither the instruction nor the file names say what it is about"
        invented.append(f"title '{title}' ({source})")
    if (title is None and (contact or ending or offer or brief or given_when) and not derive
            and (said_name := _name_typed(unquoted, announced))):
        title = said_name  # "a promo for Bean There, call us at …": the name as typed (or what it announces)
        notes.append(f"Title from the instruction: '{said_name}'.")
    if title is None and not derive and not ending and _LISTING.search(N.normalize(plain)):
        title = _fallback_title(instruction)  # "listing video: $450,000, 123 Main St": it still says what it is
        invented.append(f"title '{title}' (a listing's)")
    if dated:
        if title:
            subtitle = dated
            notes.append(f"'{dated}' is shown under the title.")
        else:  # no title for it to go under: with the call to action after all
            cta, rows, said = _place_when(dated, cta, under_cta, zh=zh, announced=announced)
            under_cta += rows
            notes += said
    if title and not named and _NO_TITLE.search(N.normalize(unquoted)):
        notes.append(f"No title, as asked (it would have been '{title}').")  # "no title, just captions, 30% off"
        title = subtitle = None
        invented = [x for x in invented if not x.startswith("title ")]
    if subtitle is None and title and (facts := listing_facts(plain)):
        subtitle = facts  # "3 bed 2 bath, 1,800 sq ft": under the title
        notes.append(f"'{facts}' is shown under the title.")
    if title is None and not derive and announced and zh and (event := _ZH_OPENING.search(unquoted) or _ZH_EVENT.search(unquoted)):
        title = event.group("t") if event.re is _ZH_OPENING else event.group(0)
        notes.append(f"Title from the instruction: '{title}'.")
    if zh and cta and (fuller := next((f for f in typed if _letters(cta) in _letters(f) and len(f) <= 14
                                       and not re.match(r"(?:费用|价格|售价|定价|总价|价钱)", f)), None)):
        cta = fuller  # "前三天全场88折": the offer with what it says of itself ("全场88折")
    shown = [_letters(x) for x in (title, subtitle, cta, *under_cta, *captions_q) if x]
    typed = [f for f in typed if not any(_letters(f) in x or zh and x in _letters(f) for x in shown)]
    if cta is None and (bye := next((f for f in typed if F.FAREWELL.match(f)), None)):
        cta = bye  # "see you next year": what the video ends on
        typed.remove(bye)
        notes.append(f"Call to action from the instruction: '{bye}'.")
    # (captions the user's words set, not those drawn from the prices listed: "Tickets: Adults £10, Children £5" left
    # the other performances, the box office and the venue out without a word)
    given = any(r == "caption" for _, r in labelled) or bool(brief.captions) or bool(labels) or bool(free) \
        or P.no_captions(instruction)
    if typed and not captions_q:
        captions_q = _fit(typed, max(1, len(visuals) - (1 if title else 0)))
        notes.append("Captions from the facts typed: " + ", ".join(f"'{x}'" for x in captions_q) + ".")
        if left := [f for f in typed if not any(f in c for c in captions_q)]:
            notes.append("No room for " + ", ".join(f"'{x}'" for x in left) + " over the pictures; add them with "
                         "'add the caption …' where you want them.")
    elif typed:
        under_cta.extend(typed)  # captions given already: the typed with the call to action
        notes.append(", ".join(f"'{x}'" for x in typed) + " shown with the call to action, a row below it.")
    if not given and (lost := F.lost_facts(Q.outside_quotes(instruction), [x for x in (title, subtitle, cta, *under_cta,
                                                                                      *captions_q, contact) if x])):
        # what was typed with a number, an amount or a handle is shown, or said to be left out ("£55 medium,
        # £70 large" after "full groom from £40 small dogs" went without a word); the last picture is the end
        # card's when the video ends on words ("Show 8:30pm" was put over it)
        room = max(1, len(visuals) - (1 if title else 0) - (1 if cta or under_cta or ending else 0))
        captions_q, when = _show_lost(lost, captions_q, under_cta, when, instruction, room, notes)
    if cta is None and derive:
        cta = call_to_action(instruction)
        invented.append(f"call to action '{cta}'")
    if when and re.search(r"(?i)\bopen\s+house\b", plain) and not any(
            "open house" in x.lower() for x in (title, subtitle, cta, *under_cta) if x):
        # "listing video for 12 Oak Lane, …, open house sunday 1-4pm": the day is the open house's
        said = "Open house " + (when[:1].lower() + when[1:] if re.match(r"(?:This|Next|Every)\b", when) else when)
        under_cta = [said if x == when else x for x in under_cta]
        cta = said if cta == when else cta
    if cta and (holder := next((x for x in under_cta if cta.lower() in x.lower() and x != cta), None)):
        cta = holder  # "$150" and "Tickets $150 at hopeshelter.org/gala": the row says it all, the ending it is
        under_cta.remove(holder)
    # when first, then what else the offer says, then where to go ("周二、四晚7点 · 报名请扫码")
    timed = {x for x in (until, when, dated) if x}
    reach = {x for x in under_cta if is_reach(x) or x in (*reach_rows, found) or (contact and contact in x)}
    under_cta.sort(key=lambda x: 0 if x in timed else 2 if x in reach else 1)
    cta_row = " · ".join(dict.fromkeys(x for x in under_cta if x.lower() not in (cta or "").lower())) or None
    return Words(title=title, subtitle=subtitle, cta=cta, cta_row=cta_row, captions=tuple(captions_q),
                 per_picture=bool(labels) and captions_q == list(labels.names), derive=derive, zh=zh, no_captions=P.no_captions(instruction), notes=tuple(notes),
                 invented=tuple(invented))
