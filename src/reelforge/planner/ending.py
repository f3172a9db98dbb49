"""The words a video ends on, said without quotes (pure).

"end with follow us", "finish with Link in bio", "add follow us at the end", "结尾写关注我们",
"最后加一句关注我们": the call to action's words. Used by the first instruction (`compose`) and,
after every other reading has failed, by edits (`rules.text`). What follows "end with" must look
like words to show: "end with the coffee photo", "end with a fade", "结尾加个淡出", "end with our
logo" are things or effects of the video, never its words.
"""

from __future__ import annotations

import re

from reelforge.planner.parse import EMOJI

_MEDIA_EXT = r"\.(?:jpe?g|png|gif|webp|heic|mp4|mov|m4v|avi|webm|mkv|mp3|wav|m4a|aac|ogg|flac)"
_EN = (
    # "end with follow us", "end the video with: Link in bio", "…, finish with Subscribe for more"
    re.compile(r"(?:^|[,;.!]\s*|\band\s+|\bthen\s+)(?:please\s+)?(?:end|finish|close|wrap(?:\s+it)?\s+up)"
               r"(?:\s+(?:it|the\s+(?:video|ad|reel|clip|promo)))?\s+with\s*:?\s*(?P<x>[^,;.!?\n]+?)\s*(?=[,;.!?\n]|$)", re.I),
    # "add follow us at the end" (a clause of its own)
    re.compile(r"(?:^|[,;.!]\s*)(?:please\s+)?(?:add|put|show|write)\s+(?P<x>[^,;.!?\n]+?)\s+(?:at|to)\s+the\s+(?:very\s+)?end"
               r"(?:\s+of\s+(?:it|the\s+(?:video|ad|reel|promo)))?\s*(?=[,;.!?\n]|$)", re.I),
    # "new arrivals this week! swipe up to shop": a clause that is itself a call to action
    # (or after an emoji or a symbol: "Reels video ✨ 'Adventure starts here' ✨ link in bio" lost its ending)
    re.compile(r"(?:^|[,;.!?:]\s*|[^\w\s,;.!?:'’\"“”-]\s+)(?P<x>(?:(?:shop\s+the\s+)?link\s+in\s+(?:the\s+|our\s+)?bio|"
               r"(?:swipe\s+up|tap\s+the\s+link|shop|buy|order|book|register|rsvp|download|install|try|"
               r"visit|call|follow|subscribe|sign\s+up|join|grab|claim|reserve|pre-?order|dm|message|come\s+see)\b"
               r"[^,;.!?:\n]{0,30}?\b(?:now|today|up|here|below|online|bio|yours|us|shop|in\s+store|this\s+weekend|free)))"
               r"\s*(?=[,;.!?\n]|$)", re.I),
)
_ZH = re.compile(
    r"(?:^|[，,；;。！!\s])(?:请)?(?:在)?(?:视频)?(?:的)?(?:结尾|片尾|最后|末尾)(?:处|的地方|的时候)?\s*(?:再)?\s*"
    r"(?:加上|添加|加个|加一个|加一句|加一行|加句|加|写上|写个|写|放上|打上|显示|是|为)\s*"
    r"(?:一句|一行|一个|个|句|上)?\s*(?:话|文字|字)?\s*[:：]?\s*(?P<x>[^，,；;。！!？?\s][^，,；;。！!？?\n]*?)\s*(?=[，,；;。！!？?\n]|$)")
# a thing of the video or an effect, not words to show
_NOT_WORDS = re.compile(
    r"^(?:an?|the|some|more|another|my|our|your|this|that|these|those|it|them|one|each|every)\b|"
    r"\b(?:photos?|images?|pictures?|pics?|clips?|videos?|shots?|footage|music|songs?|tracks?|sound|audio|voice(?:over)?|"
    r"fade|fade[\s-]?(?:out|in)|fading|transition|logo|watermark|silence|pause|blur|zoom|motion|effects?|titles?|captions?|"
    r"subtitles?|text|seconds?|secs?|black|white|red|blue|green|yellow|orange|purple|pink|gr[ae]y|"
    r"sparkles?|confetti|glitter|particles?|stickers?|emojis?|gifs?|animations?|whoosh|shake|flash|glow|filter|overlay|"
    r"credits?|countdown|intro|outro|card|screen)\b|"
    r"图片|照片|图|视频|片段|镜头|素材|音乐|配乐|歌|声音|音效|旁白|配音|淡出|淡入|渐隐|渐显|转场|黑屏|黑场|停顿|logo|标志|"
    r"水印|动画|特效|贴纸|表情|闪光|倒计时|滤镜|字幕|标题|模糊|缩放|秒|"
    r"那段|这段|那张|这张|那个|这个|那一段|开头那|" + _MEDIA_EXT + "$", re.I)  # ("最后加上试吃那段 VID开头那个": a clip)


def names_a_thing(words: str) -> bool:
    """Whether ``words`` name a thing of the video or an effect ("fade to black", "the logo"), not words to show."""
    return _NOT_WORDS.search(words) is not None


# a web address, an e-mail, an @handle (or, with a word saying so, a phone number): words for the
# screen, as written; ASCII bounds, so "网址www.example.com购买" finds it too
_RX_CONTACT = re.compile(
    r"(?<![A-Za-z0-9_@./-])(?:https?://[^\s,，。;；]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|"
    r"@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}|"
    # after "www." any ending ("www.velox.bike", "www.jen.realestate" were "Www"); without it, the endings people use
    r"www\.[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?:/[^\s,，。;；]*)?(?![A-Za-z0-9_@])|"
    r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|io|co|shop|"
    r"store|cn|app|me|us|uk|de|fr|jp|info|biz|xyz|ai|tv|cc|eu|ca|au|dev|page|site|online|studio|design|art|tech|club|"
    r"life|live|fit|health|agency|space|blog|news|events|world|fun|link|gg|nz|sg|hk|tw|es|nl|se|ch|ie|mx|br|travel|"
    r"menu|pizza|cafe|coffee|church|school|academy|community|gallery|photography|restaurant|bar|salon|fitness|kids|camp|"
    r"team|family|social|works|house|zone|city|today|global|center|services|solutions|company|jobs|careers|work|"
    # (more endings after "www." only: common words run on after a full stop, "ad.book now", "shop.sale ends")
    r"fm|ly|band|music|tickets|show|rocks|realestate|realty|dental|pl|dk|fi|pt|kr|vn|ph|za|ae|il|gr|cz|ro|cl|ws)"
    r"(?:/[^\s,，。;；]*)?)(?![A-Za-z0-9_@])")
# a street address, capitalised as on a letter: "123 Main St", "45 Ocean Avenue"
_RX_STREET = re.compile(r"\b\d{1,5}\s+(?:[A-Z][A-Za-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|"
                        r"Dr|Drive|Way|Ct|Court|Pl|Place|Sq|Square|Hwy|Highway|Pkwy|Parkway|Terrace|Plaza|"
                        r"ST|STREET|AVE|AVENUE|RD|ROAD|BLVD|LN|LANE|DR|DRIVE|WAY|"
                        # (typed in capitals: "55 HARBOR ST"; or its kind in lower case: "1182 Main st", shown "1182 Main St")
                        r"st|street|ave|avenue|rd|road|blvd|ln|lane)\b\.?")
# "地址朝阳区幸福路12号", "人民路88号": a street and number, as written
_RX_ZH_STREET = re.compile(r"(?:地址|位于|在)?\s*[:：]?\s*(?P<a>[\u4e00-\u9fff]{1,12}?(?:路|街|大道|大街|巷|弄|道)\d{1,5}号"
                           # its building and floor: "科苑路15号B1", "江南大道588号恒鼎中心5楼", "人民路8号3楼"
                           r"(?:[A-Z]\d{1,2}(?![\dA-Za-z])|\d{1,3}(?:楼|层|室)|(?:[\u4e00-\u9fff]{2,8}?(?:中心|大厦|广场|商场|大楼|写字楼))"
                           r"(?:[A-Z]?\d{1,3}(?:楼|层|室)|[A-Z]\d{1,2}(?![\dA-Za-z]))?)?)|"
                           # "地址德清莫干山镇劳岭村", "加上地址 滨江路时代大厦18楼", "地址万达广场1楼": whatever place is said
                           # after "地址" (a street without a number was not understood)
                           r"地址\s*[:：]?\s*(?P<v>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9·#-]{1,23})(?=$|[\s，,。！!；;（(])")
_RX_PHONE = re.compile(r"(?<![A-Za-z0-9_+])\+?\d[\d -]{5,}\d(?![A-Za-z0-9_])")
_RX_PHONE_WORD = re.compile(r"\b(?:phone|call(?![\s-]+to[\s-]+action)(?:\s+us)?|tel|telephone|whatsapp|number|hotline|contact|"
                            r"text(?:\s+us)?(?=\s+(?:at\s+)?\+?\(?\d))\b|"
                            # "book on 07700 900431 or dm", "ring 0113 …": a number to book on
                            r"\b(?:book|booking|bookings|ring|reach\s+us|box\s+office|enquiries|inquiries|reservations?)"
                            r"(?:\s*[:：-]\s*|\s+(?:on|at)?)(?=\s*\+?\(?\d[\d ()-]{6,})|电话|手机|热线|咨询|微信|"  # ("Box office: 01632 960 123")
                            r"(?<![A-Za-z])vx(?![A-Za-z])", re.I)  # ("book: 07700 900738 or …")
# a line that is a phone number and nothing else: "14 Oldham St, Manchester M1\n0161 496 0732"
# (or a sentence of its own: a first cut's lines are joined as sentences)
_RX_PHONE_LINE = re.compile(r"(?:^|(?<=\n)|(?<=[.!?。！]\s)|(?<=[。！]))[ \t]*(?P<n>(?:\+\d{1,3}[ -]?|0)\(?\d{2,5}\)?[ -]?\d{3,4}[ -]?\d{3,4}|"
                            r"1[3-9]\d[ -]?\d{4}[ -]?\d{4})"  # (a Chinese mobile: "138 0571 2266")
                            r"[ \t]*(?=[.!?。！](?:\s|$)|[。！]|\n|$)")
# what names the address before it: "our website www…", "网址：www…" (the address alone is shown)
_CONTACT_LABEL = re.compile(
    r"^(?:(?:our|my|the)\s+)?(?:web\s*site|site|url|link|instagram|insta|ig|tiktok|twitter|facebook|e-?mail|"
    r"phone(?:\s+number)?|number|handle|whatsapp)?\s*(?:at|is|:)?\s*$|"
    r"^(?:我们的|我的)?(?:网址|官网|网站|链接|电话|手机号?|微信号?|邮箱|账号|抖音号|小红书号)?\s*(?:是|为|[:：])?\s*$", re.I)


# an offer said in passing: "30% off everything", "buy one get one free", "free shipping", "全场8折", "买一送一"
_RX_OFFER = re.compile(
    r"(?<![\w$])(?:(?:your\s+)?first\s+(?!\d)[a-z]+\s+(?:is\s+)?)?(?:up\s+to\s+)?(?:\d{1,2}\s*%|\$\d+)\s+off(?:\s+(?:everything|sitewide|storewide|all\s+\w+|your\s+(?:first\s+)?order|(?:your\s+)?first\s+(?!(?:time|of|and|the|on|at|in|for|with|to)\b)[a-z]{3,}|any\s+(?:(?!(?:of|and|the)\b)[a-z]{3,}\s+)?(?!(?:of|and|the)\b)[a-z]{3,}|(?:(?:[a-z]{3,}\s+){1,3})?for\s+(?:all\s+)?new\s+(?:patients|clients|customers|students|members|subscribers|guests)|"
    r"(?!(?:this|these|those|thus|plus|is|was|us|has|his|its|as|yes|music|volume)\b)(?:(?!(?:on|at|in|for|this|all|the)\b)[a-z]{2,}\s+(?=[a-z]{2,}s\b))?[a-z]{2,}s))?"
    r"(?:\s+(?:this|next)\s+(?:week(?:end)?|month)|\s+today|\s+only)?\b|"
    r"\bbuy\s+(?:one|1|two|2)\s*,?\s*get\s+(?:one|1)(?:\s+(?:free|half\s+(?:off|price)))?\b|\bbogo\b|"
    # a loyalty card, a stay: "buy 9 coffees get the 10th free", "stay 3 nights pay for 2"
    r"\bbuy\s+\d{1,2}\s+[a-z]+\s*,?\s*get\s+(?:the\s+|your\s+)?\d{1,2}(?:st|nd|rd|th)\s+(?:one\s+)?free\b|"
    r"\bstay\s+\d{1,2}(?:\s+nights?)?\s*,?\s*pay\s+(?:for\s+)?\d{1,2}\b|"
    r"\bfree\s+(?:shipping|delivery)(?:\s+on\s+(?:all\s+)?orders)?(?:\s+(?:over|above|from)\s+[$€£¥]?\d+(?:[.,]\d+)?)?(?![\w.,]*\d)|"
    r"\bhalf\s+price(?:\s+(?:your\s+)?first\s+[a-z]{3,}|\s+\w+s)?\b|"
    # a saving: "save $500 a month"
    r"\bsave\s+(?:up\s+to\s+)?[$€£]\d[\d,]*(?:\.\d{2})?(?:\s+(?:a|per|every)\s+(?:month|year|week))?|"
    # financing: "0% APR for 60 months", "no interest for 12 months"
    r"\b(?:\d{1,2}(?:\.\d{1,2})?\s*%\s+(?:apr|financing|interest)|no\s+interest|interest[\s-]free)"
    r"(?:\s+(?:for|over)\s+\d{1,3}\s+months)?\b|"
    # a prize to win: "costume contest with a $200 prize", "win a $100 gift card"
    r"(?:\b[a-z]+\s+){0,3}(?:with\s+(?:a\s+)?)?[$€£]\d[\d,]*\s+(?:cash\s+)?(?:prize|gift\s+card|voucher)s?\b|"
    r"\bwin\s+(?:a\s+|an\s+)?[$€£]?\d[\d,]*\s+(?:[a-z]+\s+){0,2}?(?:prize|gift\s+card|voucher|shopping\s+spree)s?\b|"
    # "first 50 guests get free bulgogi": a gift for the first ones
    r"\bfirst\s+\d{1,4}\s+(?:guests|customers|people|visitors|orders|buyers|shoppers|sign-?ups)\s+(?:get|receive|win|will\s+get)"
    r"\s+[^.,;!?\n]{2,40}|"
    r"\bfree\s+[a-z]+(?:\s+[a-z]+)?\s+(?:for|to)\s+the\s+first\s+\d{1,4}\s+(?:guests|customers|people|visitors|shoppers)\b|"
    # a first go free: "first class free", "your first box is on us", "free trial"
    r"\b(?:your\s+)?first\s+(?:class|lesson|session|visit|month|week|ride|drink|coffee|box|order|night)\s+(?:is\s+)?"
    r"(?:free|on\s+us|half\s+(?:off|price))\b|\b(?:\d{1,3}[\s-](?:day|week|month)\s+)?free\s+(?:trial|first\s+(?:class|lesson|session|visit))\b|"
    r"(?:全场|全店|店内|限时)?\s*(?<![\d.])(?:\d{1,2}(?:\.\d)?|[一二三四五六七八九])\s*折(?:起)?|买一送一|买二送一|第二(?:件|杯|份|个|瓶)半价|满\d+减\d+|全场包邮|包邮|全场半价|"
    # "前50名免费体验一周", "首节课免费", "免费试听": a first go or a gift for the first ones
    r"前\d{1,4}名[^，,。；;！!\s]{2,12}|首(?:节|次|单|杯|月|课)(?:课)?免费|免费(?:试听|试课|体验(?:一[周天次])?)",
    re.I)


# a price: "only $19.99", "just €5", "价格 ¥199", "仅售99元" (a currency, or a word saying it is a price)
_RX_PRICE = re.compile(
    r"(?:\b(?:only|just|now|from|early[\s-]bird(?:\s+price)?|members?(?:\s+price)?|kids|adults|students)\s+)?(?:[$€£¥￥]\s?(?:\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.\d{1,2})?(?:\s?[kKmM]\b|万|亿)?)(?![\d%]|\s*%)"
    # what it is for: "$1,200/month", "$89 per night", "$25 a person" (the rent is not $1,200 once)
    r"(?:\s?/\s?(?:mo|month|mth|wk|week|night|nt|day|hr|hour|yr|year|person|pp|head|class|session)\b|"
    r"\s+(?:per|a|an)\s+(?:month|week|night|day|hour|year|person|head|class|session)\b|\s+per\s+[a-z]{3,12}\b|"
    r"\s*/月|\s*/晚|\s*/天|\s*/人)?(?:\s+(?:obo|o\.b\.o\.?|or\s+best\s+offer|firm|negotiable|ono))?|"  # ("$14,500 obo")
    r"(?:仅售?|只要|特价|售价|价格|到手价|总价)\s*[:：]?\s*[¥￥]?\s*\d{1,6}(?:\.\d{1,2})?\s*(?:万元|万|亿|元|块)?|"
    r"\d{1,6}(?:\.\d{1,2})?\s*(?:万元|元)(?!素)(?:\s*/\s*(?:人|位|晚|天|月|节|次|小时))?",  # ("99元/人")
    re.I)


# a month's name or its abbreviation, not a word it starts ("market 10am" is no March 10th)
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?")
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def capitalise_dates(words: str, also: str = "") -> str:
    """``words`` with month and weekday names (and the words of the pattern ``also``) capitalised,
    spaces single: "this saturday" -> "this Saturday"."""
    names = f"{MONTH}|{WEEKDAY}" + (f"|{also}" if also else "")
    return re.sub(rf"(?i)\b(?:{names})", lambda w: w.group(0).capitalize() if w.group(0).islower() else w.group(0),
                  " ".join(words.split()))  # ("FRIDAY50", a code typed in capitals, stays so)

_RX_DEADLINE = re.compile(
    rf"(?<!delivery\s)(?<!open\s)(?<!served\s)(?<!serving\s)"  # ("delivery until midnight": hours, no offer's end)
    rf"\b(?P<w>ends?|ending|until|till|thru|through|valid\s+(?:until|through|till))\s+(?P<d>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|(?:this\s+)?(?:{WEEKDAY}|weekend)|tomorrow|tonight|midnight|sunday)\b|"
    r"(?P<z>(?:截止到?|截至|到|至)\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:截止)?|仅限今[天日]|"
    r"(?:本|这)(?:周|星期)(?:[一二三四五六日天、和]{1,5}|末)有效)|"
    # "Friday only", "this weekend only", "today only", "one day only": the offer's one day, as typed
    rf"\b(?P<only>(?:(?:this|next)\s+)?(?:{WEEKDAY}|weekend)|today|tonight|tomorrow|one\s+day|(?:24|48|72)\s+hours)\s+only\b", re.I)


def deadline_in(text: str) -> str | None:
    """When an offer ends, as a line: "20% off, ends dec 24" -> "Ends Dec 24", "until sunday" ->
    "Until Sunday", "截止到12月24日" as written; None when the text gives no end.

    >>> deadline_in("christmas sale, 20% off everything, ends dec 24"), deadline_in("全场8折，截止到12月24日")
    ('Ends Dec 24', '截止到12月24日')
    """
    m = _RX_DEADLINE.search(text or "")
    if m is None:
        return None
    if m.group("z"):
        return re.sub(r"\s+", "", m.group("z"))
    if m.group("only"):
        said = capitalise_dates(f"{m.group('only')} only")
        return said[:1].upper() + said[1:]
    word = "Ends" if m.group("w").lower().startswith("end") else "Until"
    when = capitalise_dates(m.group("d"), also="weekend|tomorrow|tonight|midnight")
    return f"{word} {when.replace('This ', 'this ')}"


# "pumpkin latte $5.50, maple scone $3": things and their prices, one caption each
# ("3-course dinner $39": a number joined to what it counts)
_RX_PRICED = re.compile(
    # (a list typed without commas: "fades $30 beard $15 combo $40", a thing right after the price before it)
    rf"(?:^|(?<=[,;:，；：、!?\n])|(?<={EMOJI})|(?<={EMOJI}\s)|(?<=\.\s)|(?<=\band\s)|"
    r"(?<=[$€£]\d\s)|(?<=[$€£]\d\d\s)|(?<=[$€£]\d\d\d\s)|(?<=\.\d\d\s))\s*(?:(?:and|&)\s+)?"
    r"(?P<item>(?:\d{1,2}[\s-]+)?[A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff' -]{1,30}?"
    r"(?:\s+\d{1,2}(?=\s+for\b)|\s+(?:under|over|aged?)\s+\d{1,2}s?|\s+\d{1,2}\s*(?:and|&)\s*(?:under|over)|\s+\d{1,2}\+)?)\s*"
    # ("birria tacos 3 for $12", "kids under 12 £5")
    r"(?P<by>\bfor\s+|\bat\s+|[-–—:：]\s*)?(?P<price>[$€£¥￥]\s?\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d{1,5}(?:\.\d{1,2})?\s*元)"
    # what the price is for: "honey $12 a jar, eggs $6 a dozen"
    r"(?P<unit>\s*(?:(?:a|an|per)\s+|/\s*)(?:jar|dozen|bottle|box|bag|pack|bunch|loaf|slice|piece|pound|lb|kg|kilo|"
    r"hour|hr|night|person|head|month|week|class|lesson|session|visit|pint|glass|cup|plate|bowl|ticket|pair)|\s+each)?"
    # who or what it is for, after the price: "full groom from £30 small dogs", "£45 for two"
    r"(?P<note>\s+(?:for\s+)?(?:small|medium|large|big|little|short|long|kids?|adults?|two|2|one|1|under|over|up\s+to)"
    r"(?:\s+[a-z]+){0,2})?"
    r"(?=\s*(?:[,;，；。、!\n]|\.(?:\s|$)|\band\b|$|(?:this|next)\s+(?:week(?:end)?|month)\s+only\b)|"
    r"\s+[A-Za-z][A-Za-z' -]{1,30}?\s*[$€£]\s?\d)")  # ("full detail $149 this month only")


def _by(word: str | None) -> str:
    """The word typed between a thing and its price, kept when it is one ("2 large pizzas for $25")."""
    return f"{word.strip()} " if word and word.strip().lower() in ("for", "at") else ""


def _unit(said: str | None) -> str:
    """What a price is for, as typed after it (" a jar", "/hr"), spaced as a line shows it."""
    return "" if not said else "/" + said.split("/", 1)[1].strip() if "/" in said else " " + " ".join(said.split())


def _note(said: str | None) -> str:
    """Who a price is for, said after it: " (small dogs)", " for two"."""
    said = " ".join((said or "").split())
    return "" if not said else f" {said}" if said.startswith("for ") else f" ({said})"


def priced_items(text: str, least: int = 2) -> list[str]:
    """Two or more things listed with their prices, one line each ("Pumpkin latte $5.50"), else [].

    >>> priced_items("new menu for Bean There: pumpkin latte $5.50, maple scone $3 and chai $4, this fall")
    ['Pumpkin latte $5.50', 'Maple scone $3', 'Chai $4']
    >>> priced_items("only $19.99, free shipping")
    []
    """
    found = [f"{capitalised(m.group('item').strip())} {_by(m.group('by'))}{m.group('price').strip()}{_unit(m.group('unit'))}"
             + _note(m.group("note"))
             for m in _RX_PRICED.finditer(text or "")
             if not re.fullmatch(r"(?i)(?:only|just|now|from|price|priced|at|for|and|价格|售价)", m.group("item").strip())
             and not re.match(r"(?i)(?:each|or|per|a)\b", m.group("item").strip())]  # ("£18 each or 3 for £48")
    return found if len(found) >= least else []


# words that open a clause without being what a price is for ("hi", "we have", "it's")
_PHRASE_LEAD = re.compile(r"(?i)^(?:(?:hi|hey|hello|so|ok|okay|and|also|plus|please|pls|we\s+have|we've\s+got|"
                          r"there'?s|it'?s|it\s+is|its|our|my|the|a|an|now)\s+)+")
_VERB_IN = re.compile(r"(?i)\b(?:make|makes|made|want|need|use|put|show|add|create|do|can|could|would|should|pls|"
                      r"please|video|reel|promo|tiktok|clip|music|vertical|square)\b")


def price_phrase(text: str, price: str) -> str | None:
    """The short phrase a lone price is said in ("new beginners course 6 weeks £60", "tickets £5
    redeemable against the book", "check up + clean £59 (usually £85)"), as a line on screen, or
    None when its clause is long, asks the tool for something, or is the price alone.

    >>> price_phrase("square video. new beginners course 6 weeks £60, starts mon", "£60")
    'New beginners course 6 weeks £60'
    >>> price_phrase("can you make a promo for £60", "£60") is None
    True
    """
    at = (text or "").find(price)
    if at < 0:
        return None
    bounds = [m.end() for m in re.finditer(r"[,;!?\n]|\.\s|\s[/|-]\s|[，；。！？]", text[:at])]
    start = max(bounds, default=0)
    tail = re.search(r"[,;!?\n]|\.(?:\s|$)|\s[/|-]\s|[，；。！？]|$", text[at + len(price):])
    end = at + len(price) + (tail.start() if tail else 0)
    clause = " ".join(text[start:end].split()).strip(" :-")
    clause = _PHRASE_LEAD.sub("", clause)
    words = clause.split()
    before = clause[:clause.find(price)].strip().lower()
    if not words or clause == price or len(words) > 8 or _VERB_IN.search(clause) or not re.match(r"[\w(£$€¥]", clause) \
            or re.fullmatch(r"(?:\w+ed|\w+ing|costs?|sells?|built|sold|on\s+sale|yours|is|are|was)(?:\s+(?:at|for|from))?", before):
        return None  # "offered at $725k", "built for $35k": the price alone says it
    if clause.startswith(price) and len(re.findall(r"[£$€¥]\s?\d", clause)) > 1:
        return None  # "£8 adv £10 otd": prices listed (shown as such), not one price and its item
    return capitalised(clause)


def is_discount(text: str) -> bool:
    """Whether ``text`` states a discount ("30% off", "全场8折"), not only a price."""
    return _RX_OFFER.search(text) is not None


def price_beside(text: str, offer: str) -> str | None:
    """The short clause that gives a price beside a discount ("芋泥波波奶茶只要15元，第二杯半价": "芋泥波波奶茶只要15元";
    "30% off, tees $15": "Tees $15"), which the discount would otherwise leave unsaid; else None."""
    if not is_discount(offer):
        return None
    # (never inside "$1,450"; Chinese typed with spaces between its clauses: "洁家帮 日常保洁50元一小时 …")
    for clause in re.split(r"[，。；;！!\n]|,(?!\d{3}\b)|\.\s+|(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff])", text or ""):
        clause = clause.strip(" :：")
        if clause and offer not in clause and _RX_PRICE.search(clause) and not _RX_OFFER.search(clause) and (
                len(clause) <= 16 if re.search(r"[\u4e00-\u9fff]", clause) else len(clause.split()) <= 6):
            return capitalised(clause)
    return None


# what a fundraiser's amount follows: a goal, not a price ("Goal: $25,000 by Dec 31" ended the video on "$25,000")
_RAISED = re.compile(r"(?i)\b(?:goal|target|raise|raising|raised|every|donate|donating|donation)\s*:?\s*$")


# "New patient special: exam, x-rays and cleaning $99 (reg. $285)": the special by its name, with its price
_RX_SPECIAL_PRICE = re.compile(r"(?i)\b(?P<l>(?:(?:new[\s-]+(?:patient|client|customer|student|member)s?|[a-z]{3,})\s+)?special)\s*[:：-]\s*"
                               r"[^$€£.;!?\d]{0,60}?(?P<p>[$€£]\d[\d,]*(?:\.\d{2})?)(?!\s*off\b)")  # ("3 courses for $45": an item)


def offer_in(text: str) -> str | None:
    """The offer ``text`` states without quotes ("30% off everything", "全场8折", "only $19.99"), as
    written, or None. "music at 30%" is no offer: the per cent must be off something."""
    if (special := _RX_SPECIAL_PRICE.search(text)) and not _RX_OFFER.search(text):
        return f"{capitalised(' '.join(special.group('l').split()))} {special.group('p')}"
    m = _RX_OFFER.search(text) or next((p for p in _RX_PRICE.finditer(text) if not _RAISED.search(text[max(0, p.start() - 24):p.start()])),
                                       None)
    if m is None:
        return None
    said = re.sub(r"(?i)\s(?:obo|o\.b\.o\.?|ono)$", lambda w: w.group(0).upper(), m.group(0).strip())  # "$14,500 OBO"
    return re.sub(r"^(?:价格|售价|总价)\s*[:：]?\s*", "", said)  # "价格 ¥199": the price itself


# "use code GLOW50", "promo code SPRING20", "优惠码 GLOW50": a code typed in capitals, as said
_RX_CODE = re.compile(r"\b(?:use\s+(?:the\s+)?(?:(?:promo|discount|coupon)\s+)?code|(?:promo|discount|coupon)\s+code|code)"
                      r"\s*:?\s*(?P<c>(?=[A-Z0-9]*[A-Z])[A-Z0-9][A-Z0-9-]{2,19})\b|优惠码\s*[:：]?\s*(?P<z>[A-Za-z0-9-]{3,20})",
                      re.I)
# "out now on Spotify", "listen on Apple Podcasts", "watch on YouTube": where to find it, said as typed
_RX_WHERE_ON = re.compile(
    r"\b(?:(?:out|available|streaming|live)\s+now\s+on|(?:listen|watch|stream|download|get\s+it|available|find\s+us|"
    r"pre-?order|order|buy|shop|read|book|"
    r"download\s+(?:our|the)\s+app(?=\s*(?:[,.;!]|$))|"
    r"(?:is\s+|are\s+|now\s+)?live)(?:\s+(?:it|them|now))?\s+on)"
    r"\s+(?:the\s+)?(?:spotify|apple\s+(?:podcasts|music)|youtube|app\s+store|google\s+play|soundcloud|twitch|netflix|"
    r"amazon|etsy|itunes|tiktok|instagram|bandcamp|(?:our\s+)?app)\b", re.I)


def promo_code(text: str) -> str | None:
    """The code an offer gives, as a line: "use code GLOW50" -> "Use code GLOW50"; None without one.
    The code itself is typed in capitals (not "code it in python")."""
    m = _RX_CODE.search(text or "")
    if m is None or not (m.group("c") and m.group("c").isupper() or m.group("z")):
        return None
    said = " ".join(m.group(0).split())
    return said[:1].upper() + said[1:]


_RX_ZH_SCAN = re.compile(r"(?:(?:报名|预约|咨询|下单|购买|关注)(?:请)?)?(?:扫码|扫描二维码|扫一扫)(?:报名|预约|关注|咨询|下单|购买)?")


def where_on(text: str) -> str | None:
    """Where to find it, as a call to action: "Out now on Spotify", "报名请扫码"; None when not said."""
    if shop := _RX_SHOP_NAMED.search(text or ""):
        return f"{shop.group('n')} on {_PLATFORM_NAMES[shop.group('p').lower()]}"  # "etsy shop is WickAndWillowCo"
    m = _RX_WHERE_ON.search(text or "")
    if m is None and (z := _RX_ZH_SCAN.search(text or "")) and len(z.group(0)) >= 3:
        return z.group(0)
    if m is None:
        return None
    said = capitalised(re.sub(r"(?i)^(?:is|are|now)\s+", "", " ".join(m.group(0).split())))
    return re.sub(r"(?i)\b(?:" + "|".join(_PLATFORM_NAMES) + r")\b", lambda w: _PLATFORM_NAMES[w.group(0).lower()], said)


# "etsy shop is WickAndWillowCo", "our Etsy store: PaperAndPine": the shop's name where it sells
_RX_SHOP_NAMED = re.compile(r"(?i)\b(?P<p>etsy|amazon|ebay|depop|bandcamp)\s+(?:shop|store|page)(?:\s+name)?\s*(?:is|:|=|-|called|named)\s*"
                            r"(?P<n>(?-i:[A-Za-z][A-Za-z0-9_]*(?:[A-Z0-9][A-Za-z0-9_]*)*))\b")
# where a thing is found, as the platforms write their names ("Listen on spotify": "Listen on Spotify")
_PLATFORM_NAMES = {name.lower(): name for name in (
    "Spotify", "Apple Podcasts", "Apple Music", "YouTube", "App Store", "Google Play", "SoundCloud", "Twitch", "Netflix",
    "Amazon", "Etsy", "iTunes", "TikTok", "Instagram", "Bandcamp", "eBay", "Depop")}


def contact_in(text: str) -> str | None:
    """The web address, e-mail, @handle or phone number ``text`` says, else its street address, as
    written (a full stop after it is the sentence's): "add our website www.example.com", "加上电话 138
    0013 8000", "12 Market St", "人民路88号"."""
    m = _RX_CONTACT.search(text)
    if m is None:
        m = _phone_by_word(text, _RX_PHONE)
    if m is None and (wechat := _RX_WECHAT_ID.search(text)):
        return wechat.group("id")  # "报名微信bake520": the WeChat ID
    return m.group(0).rstrip(".") if m else street_in(text)


_RX_WECHAT_ID = re.compile(r"微信号?\s*[:：]?\s*(?P<id>[A-Za-z][A-Za-z0-9_-]{4,19})(?![A-Za-z0-9_-])")


_RX_PHONE_SHOWN = re.compile(r"(?<![A-Za-z0-9_+])\+?(?:\(\d{1,4}\)\s?)?\d[\d -]{5,}\d(?![A-Za-z0-9_])")  # "(555) 123-4567"


def phone_in(text: str) -> str | None:
    """A phone number the text gives with a word saying so ("call (555) 123-4567", "电话138…"), or None."""
    m = _phone_by_word(text or "", _RX_PHONE_SHOWN)
    return m.group(0).strip() if m else None


def said_bare(text: str, number: str) -> bool:
    """Whether ``number`` stands in ``text`` with no phone word just before it ("…\n0161 496 0732", not "电话021-…")."""
    at = text.find(number)
    return at >= 0 and _RX_PHONE_WORD.search(text[max(0, at - 14):at]) is None


def _phone_by_word(text: str, number: re.Pattern[str]) -> re.Match[str] | None:
    """The number a phone word gives: the first after the word ("… 9:30-11:30 2680一期 … 电话0571-86612200": the
    second, where "30 2680" was taken), else one of seven digits or more anywhere; None without the word."""
    for word in _RX_PHONE_WORD.finditer(text):
        if (m := number.search(text, word.end())) and m.start() - word.end() <= 12:
            if (tail := re.search(r"\s+\d{1,3}$", m.group(0))) and re.match(r"\s*(?:秒|s\b|secs?\b|seconds?\b|分钟|%|岁|元)", text[m.end():]):
                return number.match(text, m.start(), m.start() + tail.start())  # "电话0571-86612200 30秒": not the length
            return m
    if not _RX_PHONE_WORD.search(text):
        line = _RX_PHONE_LINE.search(text)
        return number.search(text, line.start("n"), line.end("n")) if line and len(re.sub(r"\D", "", line.group("n"))) >= 9 else None
    return next((m for m in number.finditer(text) if len(re.sub(r"\D", "", m.group(0))) >= 7), None)


# "14 mill lane", "22 king st": a street typed all in lower case (its name no word of time or count)
_RX_STREET_LOWER = re.compile(
    r"\b\d{1,5}\s+(?:(?!(?:the|a|an|and|or|of|to|for|in|on|at|by|more|less|min|mins|minutes?|secs?|seconds?|hours?|hrs?|"
    r"days?|weeks?|months?|years?|times?|people|pics?|photos?|pictures?|clips?|shots?|slides?)\b)[a-z]{3,}\s+){1,2}"
    r"(?:street|st|road|rd|lane|ln|avenue|ave|drive|dr|close|crescent|terrace|parade|row|blvd|boulevard)\b\.?")


def street_in(text: str) -> str | None:
    """A street address the text gives ("12 Market St", "朝阳区幸福路12号"), as written (one typed
    all in lower case in a street's capitals: "14 mill lane" -> "14 Mill Lane"), or None."""
    m = _RX_STREET.search(text or "")
    if m is not None:
        said = m.group(0).rstrip(".")
        return said[:-len(kind)] + kind.capitalize() if (kind := said.split()[-1]).islower() else said
    if (low := _RX_STREET_LOWER.search(text or "")) is not None:
        return " ".join(w.capitalize() for w in low.group(0).rstrip(".").split())
    z = _RX_ZH_STREET.search(text or "")
    return (z.group("a") or z.group("v")) if z else None


def is_reach(text: str) -> bool:
    """Whether ``text`` is only a way to reach the business: a web address, e-mail, @handle or phone."""
    return bool(_RX_CONTACT.fullmatch(text.strip()) or _RX_PHONE.fullmatch(text.strip()))


# what asks the viewer to go there: "apply at jobs.example.com", "order online at …", "find us at …"
_RX_GO_THERE = re.compile(
    r"(?:^|(?<=[\s,;:]))(?P<v>(?:apply|visit|order|shop|book|reserve|buy|register|sign\s+up|learn\s+more|find\s+us|"
    r"enroll|enrol|subscribe|donate|give|pre-?order|download|rsvp|get\s+started|start(?:\s+(?:free|today|now))?|"
    r"try(?:\s+it)?(?:\s+(?:for\s+)?free)?|info|watch(?:\s+it)?|listen|stream(?:\s+it)?|read\s+more|"
    r"(?:get\s+(?:your\s+)?)?(?:tickets|tix)(?:\s+[$€£]\d[\d,.]*)?|more\s+info|menu|reservations|details|join(?:\s+(?:free|for\s+free|now|today))?|"
    r"(?:call|text|email|e-mail|dm|message|contact)\s+[A-Z][a-z]+|call|text|phone|ring|whatsapp|"
    r"call\s+us|email\s+us|e-mail\s+us|dm\s+us|message\s+us|follow\s+us|join\s+us|see\s+more|read\s+more)"
    r"(?:\s+(?:for\s+)?free)?(?:\s+(?:now|today|online|here))?(?:\s+(?:at|on|via))?)\s+$", re.I)


_RX_ZH_ASK = re.compile(r"(?P<v>(?:报名|预约|咨询|订餐|订座|订购|下单|购买|联系|客服)(?:电话|热线|微信)|(?:电话|热线|微信)(?:报名|预约|咨询|下单)|"
                        # "订房加微信13805726621", "咨询小王15912348866", "报名找李老师138…": who or how, with the number
                        r"(?:订房|订票|订餐|订座|报名|预约|咨询|下单|购买)?加(?:微信|vx|VX|V)|"
                        r"(?:咨询|联系|报名找|找)(?:小|老|阿)[\u4e00-\u9fff]|(?:咨询|联系|报名找|找)[\u4e00-\u9fff](?:老师|经理|先生|女士|小姐|姐|哥))"
                        r"\s*[:：]?\s*$")


def contact_cta(text: str, contact: str) -> str | None:
    """The call to action ``text`` says with ``contact`` ("apply at jobs.example.com" -> "Apply at
    jobs.example.com"), or None when no word before the address asks the viewer to go there."""
    at = text.find(contact)
    m = _RX_GO_THERE.search(text[:at]) if at >= 0 else None
    if m is None and at > 0 and (zh := _RX_ZH_ASK.search(text[max(0, at - 8):at])):
        return f"{zh.group('v')} {contact}"  # "报名电话 13800138000"
    if m is None and (wechat := _RX_WECHAT_ID.search(text)) and wechat.group("id") == contact:
        return f"微信 {contact}"  # "微信shiguang520": a WeChat ID alone says nothing of what it is
    if m is None:
        return None
    said = " ".join(m.group("v").split())
    return capitalised(re.sub(r"(?i)^tix\b", "Tickets", said) + f" {contact}")  # ("tix dice.fm/…": "Tickets dice.fm/…")


def ending_words(text: str, *, zh: bool, files: frozenset[str] = frozenset()) -> str | None:
    """The call to action's words the text gives without quotes, its first letter a capital, or None
    (``files``: the project's file names, lower case, which are media, not words). An address in
    them is kept whole ("end with www.example.com" ended on "Www"), and alone when only a word
    naming it comes before ("结尾加上网址 www.example.com")."""
    contact = contact_in(text)
    mark = "\ue000"  # the address as one word while the clause is read (its dots end no sentence)
    if contact:
        text = text.replace(contact, mark)
    for rx in ((_ZH,) if zh else _EN):
        for m in rx.finditer(text):
            if re.fullmatch(r"\s*[\"“”「」]\s*[^\"“”「」]*[\"“”「」]\s*", m.group("x")):
                continue  # the words between two quotes (their words blanked): '" at the start and "'
            words = m.group("x").strip().strip("'\"“”「」‘’").strip()
            if contact and mark in words:
                before = words.split(mark)[0]
                if _CONTACT_LABEL.match(before.strip()) and not words.split(mark)[1].strip():
                    return contact
                words = words.replace(mark, contact)
            if (2 <= len(words) <= 40 and len(words.split()) <= 6 and not _NOT_WORDS.search(words)
                    and words.casefold() not in files):
                return words if zh else capitalised(words)
    return None


# what makes a sentence an instruction to the tool, not a line to show
_TOOL_WORDS = re.compile(
    r"\b(?:make|create|add|use|put|want|need|give|set|change|export|render|edit|cut|video|videos|clip|clips|photos?|"
    r"images?|pictures?|pics?|music|song|voice(?:over)?|titles?|captions?|text|overlays?|logo|seconds?|secs?|"
    r"minutes?|vertical|horizontal|square|portrait|landscape|tiktok|instagram|reels?|story|stories|shorts|youtube|"
    r"format|transitions?|style|zoom|fade|please|thanks|thank|pls|can|could|would|you|it|this\s+one|hi|hello|hey)\b",
    re.I)


def headline_in(text: str) -> str | None:
    """A line the text exclaims, to open the video on ("Instagram story: new arrivals this week! swipe
    up to shop" -> "New Arrivals This Week"): 2-7 words ending in "!", none of them the tool's own
    ("make it pop!"), not a call to action; or the question it opens on ("cracked screen?? we fix in 30 min": "Cracked
    screen?"), not one asked of the tool. None when there is none."""
    if (q := re.match(r"\s*(?P<x>[A-Za-z][^.!?:;,\n\"“”]{2,40}?)\s*\?+(?=\s|$)", text)) and 1 <= len(q.group("x").split()) <= 5 \
            and not re.match(r"(?i)(?:can|could|would|will|how|what|why|when|where|which|who|is|are|do|does|did|hi|hey|hello|"
                             r"should|shall|may|any|pls|please)\b", q.group("x")) and not _TOOL_WORDS.search(q.group("x")):
        return capitalised(q.group("x").strip()) + "?"
    for m in re.finditer(r"(?:^|[.!?:;]\s*)(?P<x>[^.!?:;\n\"“”]{3,60}?)\s*!", text):
        words = m.group("x").strip(" ,-—")
        n = len(words.split())
        # a count of people is words to show ("Thank you to our 10,000 followers!"), a thank-you of four
        # words or more no politeness to the tool
        plain = re.sub(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\s+(?=(?:followers|subscribers|customers|members|fans|"
                       r"years|guests|students)\b)", "N ", words)
        if re.fullmatch(r"(?i)(?:thank\s+you|thanks|thx|ty)(?:\s+(?:so|very)\s+much|\s+a\s+(?:lot|bunch|million)|\s+in\s+advance|"
                        r"\s+again)*(?:\s+(?:guys|all|x+))?", words):
            continue  # "Thank you so much!" at the end of the request: thanks to the tool, no line to show
        if re.fullmatch(r"(?i)(?:(?:this|next)\s+\w+|today|tonight|tomorrow|\w+day|(?:this\s+)?weekend|limited\s+time)\s+only|"
                        r"(?:offer\s+)?ends?\s+.+|while\s+(?:stocks?|supplies)\s+last|(?:for\s+a\s+)?limited\s+time", words):
            continue  # "Summer sale / Up to 50% off / This weekend only!": the offer's time, no title (shown twice)
        tool = _TOOL_WORDS.search(re.sub(r"(?i)^thank\s+you\b|^thanks\b", "", plain) if n >= 4 else plain)
        if 2 <= n <= 7 and not tool and not any(rx.fullmatch(words) for rx in _EN[2:]) \
                and not re.search(r"\d", plain):
            return title_case(words) if words.islower() else words
    return None


SMALL_WORDS = frozenset({"the", "a", "an", "and", "of", "in", "on", "with", "for", "to", "at", "by", "my", "our", "is"})


def title_case(text: str) -> str:
    """Each word capitalised but the small ones after the first ("trip to japan" -> "Trip to Japan");
    a word typed with capitals kept as typed ("iPhone", "USA")."""
    out = []
    words = text.split()
    for i, w in enumerate(words):
        if w == "The" and 0 < i < len(words) - 1 and words[i + 1][:1].isupper() and words[i - 1].lower() in SMALL_WORDS:
            out.append(w)  # a name's own "The": "Halloween party at The Rusty Anchor"
        elif w.lower() in SMALL_WORDS and i:
            out.append(w.lower())
        elif re.fullmatch(r"\d{1,3}k", w):
            out.append(w.upper())  # a race's distance: "5K"
        elif w.islower():
            out.append(w[:1].upper() + w[1:])
        else:
            out.append(w)
    return " ".join(out)


def capitalised(words: str) -> str:
    """Words typed in passing ("end with shop now", "an end card that says follow us") as a line on
    screen starts: "Shop now"; words already capitalised, or without letters, as they are; names that
    start lower case as their makers write them ("iphone screens from $89": "iPhone screens from $89")."""
    words = _LOWER_NAMES.sub(lambda m: _LOWER_NAME[m.group(0).lower()], words)
    if re.fullmatch(r"[a-z][\w.-]*(?:_|\d)[\w.-]*", words):
        return words  # an ID as its owner types it ("nailsbylily_sh2": a WeChat ID was shown "Nailsbylily_sh2")
    if (m := _RX_CONTACT.match(words)) and m.start() == 0:
        return words  # an address as it is typed ("add the text www.x.com at the end" showed "Www.x.com")
    return words[0].upper() + words[1:] if words[:1].islower() and not _LOWER_NAMES.match(words) else words


_LOWER_NAME = {n.lower(): n for n in ("iPhone", "iPad", "iMac", "iPod", "iOS", "eBay", "iCloud", "AirPods", "MacBook", "DM")}
_LOWER_NAMES = re.compile(r"(?i)\b(?:" + "|".join(_LOWER_NAME) + r")\b")
