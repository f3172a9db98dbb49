"""Pure phrase extraction from instructions, English and Chinese. Deterministic, no I/O.

Every function takes free text and returns a typed value, or ``None`` when the phrase is
absent. Shared by the compose planner (first cut) and the rule edit planner (follow-ups).
Here: the language spoken (`is_chinese`), frame (resolution, aspect), levels (percent, dB,
music and voice volume), what the text asks for (overlays, voiceover, motion, frame rate),
transitions and positions. Numbers and normalisation are in `reelforge.planner.numerals`,
durations, times and time ranges in `reelforge.planner.time_words`, quoted text in
`reelforge.planner.quotes`; this module builds on them, never the other way.

Conventions
- Durations and times are integer milliseconds.
- Percentages come back as fractions (``"35%"`` -> ``0.35``); volumes as linear gain.
- Aspect ratios are the preset names of `reelforge.timeline.presets` (``"16:9"``, ``"9:16"``,
  ``"1:1"``, ``"4:5"``); resolutions the keys of ``RESOLUTIONS`` (``"720p"``, ``"1080p"``, ``"4k"``…).
- Text is normalised with NFKC first, so full-width digits and ``％`` work (``３０秒``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reelforge.planner.numerals import DIGITS, EN_NUM, NUM_ZH, ascii_rx, normalize, parse_number
from reelforge.planner.quotes import FILE_NAME, quoted_texts
from reelforge.planner.time_words import find_durations
from reelforge.timeline.model import MOTION_AMOUNTS, Motion, Position, Transition

__all__ = [
    "TransitionSpec",
    "is_chinese", "parse_resolution", "parse_aspect",
    "parse_percent", "parse_db", "db_to_gain", "parse_transition",
    "parse_position", "wants_text_overlays", "no_captions", "no_title", "drop_no_captions", "parse_music_volume",
    "parse_voice_volume", "mentions_voiceover", "wants_motion", "motion_ask", "MotionAsk", "motion_kinds", "frame_rate_in", "wants_hard_cuts",
]


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
EMOJI = "[\u2600-\u27bf\U0001F300-\U0001FAFF]"  # one emoji character (a variation selector may follow it)
"""A Chinese (CJK) character."""
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# the words of editing that Chinese messages use as they are ("voice over 大一点", "bgm小一点", "把title改成…")
_BORROWED = re.compile(r"(?i)(?<![A-Za-z])(?:voice[\s-]?overs?|vo|bgm|music|songs?|titles?|captions?|subtitles?|subs|cta|logo|"
                       r"intro|outro|fade|zoom|transitions?|filter|font|emoji|slogan|tagline|vlog|b-?roll)(?![A-Za-z])")
_ZH_STYLE_WORD = re.compile(r"[\u4e00-\u9fff]{1,4}(?:一点|一些)?的?(?:风格|风|样式|调性|感觉)")


def is_chinese(text: str) -> bool:
    """True when the text is mainly Chinese: the language of every reply, summary and made-up
    on-screen copy. One Chinese character is about half a word, so Chinese wins when its
    characters are at least twice the Latin words — counted outside quotes, file names and
    Chinese style words ("简约风格" in an English instruction is a style picked, not the
    language spoken); when nothing is left outside them, the whole text counts.

    >>> is_chinese("做成30秒的视频"), is_chinese("30-second promo"), is_chinese("把title改成'夏日'")
    (True, False, True)
    >>> is_chinese("10 second instagram reel, 简约风格, with text overlays"), is_chinese("简约风格")
    (False, True)
    >>> is_chinese("音乐换成music_100.m4a"), is_chinese("use 咖啡.jpg first"), is_chinese("把narration_fast.wav作为旁白")
    (True, False, True)
    >>> is_chinese("voice over 大一点"), is_chinese("make it 竖屏"), is_chinese("voice over louder 谢谢")
    (True, False, False)
    """
    s = text or ""
    if not CJK.search(s):
        return False
    rest = s
    for q in quoted_texts(s):
        rest = rest.replace(q, " ")
    rest = _ZH_STYLE_WORD.sub(" ", FILE_NAME.sub(" ", rest))
    if not CJK.search(rest) and not _LATIN_WORD.search(rest):
        rest = s  # all of it quoted or a style word: then that is the language
    cjk = len(CJK.findall(rest))
    # an editing word borrowed into Chinese is half a word ("voice over 大一点" was answered in English)
    borrowed = len(_BORROWED.findall(rest))
    return cjk > 0 and cjk >= 2 * len(_LATIN_WORD.findall(_BORROWED.sub(" ", rest))) + borrowed


# --------------------------------------------------------------------------------------
# frame: resolution and aspect
# --------------------------------------------------------------------------------------

_MONEY_AFTER = r"(?!\s*(?:dollars?|usd|bucks|euros?|eur|views?|followers?|subscribers?|subs|likes?|users?|people|customers?|sales|downloads?|元|块|粉|人|次))"
_RESOLUTION_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (ascii_rx(r"(?<![\w$])(?:2160p|4k|uhd|ultra[\s-]?hd)(?![\w])" + _MONEY_AFTER), "4k"),
    (ascii_rx(r"超高清|蓝光"), "4k"),
    (ascii_rx(r"(?<![\w$])1440p(?!\w)|(?<![\w$])2k(?!\w)" + _MONEY_AFTER), "1440p"),
    (ascii_rx(r"(?<![\w$])(?:1080p?|1080i|full[\s-]?hd|fhd)(?!\w)" + _MONEY_AFTER), "1080p"),
    (ascii_rx(r"超清|高清|全高清"), "1080p"),
    (ascii_rx(r"(?<![\w$])(?:720p?|hd[\s-]?ready)(?!\w)" + _MONEY_AFTER), "720p"),
    (ascii_rx(r"(?<![\w$])480p(?!\w)" + _MONEY_AFTER), "480p"),
    (ascii_rx(r"标清"), "480p"),
    (ascii_rx(r"(?<![\w$-])hd(?![\w-])(?!\s*ready)"), "1080p"),
]


def parse_resolution(text: str) -> str | None:
    """Named resolution (short side) asked for: ``"480p"``, ``"720p"``, ``"1080p"``, ``"1440p"``
    or ``"4k"``. Plain "HD" and 高清/超清 mean 1080p; 超高清 (UHD) and 4K/2160p mean 4k.
    Money and counts are not resolutions ("4k dollars", "$4k", "4k followers").

    >>> [parse_resolution(s) for s in ("720p", "in 1080P", "4K", "2160p", "高清", "超高清")]
    ['720p', '1080p', '4k', '4k', '1080p', '4k']
    >>> parse_resolution("it's 4k dollars") is None, parse_resolution("a 30s video") is None
    (True, True)
    """
    t = normalize(text)
    best: tuple[int, str] | None = None
    for rx, name in _RESOLUTION_PATTERNS:
        m = rx.search(t)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


_ASPECT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # explicit ratios
    (ascii_rx(r"(?<![\d.])9\s*(?::|x|by|/|比)\s*16(?!\d)"), "9:16"),
    (ascii_rx(r"(?<![\d.])16\s*(?::|x|by|/|比)\s*9(?!\d)"), "16:9"),
    (ascii_rx(r"(?<![\d.])1\s*(?::|x|by|/|比)\s*1(?![\d.])"), "1:1"),
    (ascii_rx(r"(?<![\d.])4\s*(?::|x|by|/|比)\s*5(?!\d)"), "4:5"),
    (ascii_rx(r"(?<![\d.])3\s*(?::|x|by|/|比)\s*4(?!\d)"), "4:5"),  # nearest preset
    # platform + format combinations that beat the platform alone
    (ascii_rx(r"\b(?:youtube|yt)\s+shorts?\b|\b(?:instagram|insta|ig|facebook|fb)\s+(?:reels?|stories|story)\b"), "9:16"),
    (ascii_rx(r"\b(?:instagram|insta|ig)\s+(?:portrait|feed\s+post\s+4:5|portrait\s+post)\b|\bportrait\s+(?:instagram|insta|ig)\s+post\b"), "4:5"),
    (ascii_rx(r"\b(?:to|in|into)\s+portrait\s+mode\b"), "9:16"),
    (ascii_rx(r"\b(?:to|in|into)\s+landscape\s+mode\b"), "16:9"),
    # the shape said in words beats a platform's ("make a reel, square": 1:1, it was 9:16)
    # ("make it look like the phone screen is lighting up": the screen in a picture, not the frame)
    (ascii_rx(r"\b(?:vertical|portrait|(?<!the\s)(?<!his\s)(?<!her\s)(?<!my\s)phone[\s-]?(?:screens?|format))\b"
              r"(?!\s+(?:pan|wipe|slide|line|flip|mode|photos?|images?|pictures?|pics?|shots?|lens|is|was|glows?|lights?|"
              r"lighting|cracks?|cracked|repairs?))"), "9:16"),
    (ascii_rx(r"竖屏|竖版|竖向|竖的|手机屏"), "9:16"),
    (ascii_rx(r"\bsquare\b"), "1:1"),
    (ascii_rx(r"方形|正方形|方屏|方的|方块"), "1:1"),
    (ascii_rx(r"\b(?:landscape|horizontal|widescreen|wide[\s-]screen)\b(?!\s+(?:pan|wipe|slide|line|flip|mode|photos?|images?|pictures?|pics?|shots?|photography|scenery|lens))"), "16:9"),
    (ascii_rx(r"横屏|横版|横向|横的|宽屏"), "16:9"),
    # platforms
    (ascii_rx(r"\b(?:tiktok|tik\s+tok|reels?|shorts|stories|snapchat)\b(?!\s+(?:pan|wipe|slide|line|flip|mode|photos?|images?|pictures?|pics?|shots?|lens))"), "9:16"),
    (ascii_rx(r"抖音|快手|视频号"), "9:16"),
    (ascii_rx(r"\b(?:instagram|insta|ig)\b"), "1:1"),
    (ascii_rx(r"小红书"), "4:5"),
    (ascii_rx(r"\b(?:youtube|tv|desktop)\b(?!\s+(?:pan|wipe|slide|line|flip|mode|photos?|images?|pictures?|pics?|shots?|photography|scenery|lens))"), "16:9"),
    # ("西瓜视频只用切开那一下": the watermelon clip, not the platform)
    (ascii_rx(r"b站|bilibili|西瓜视频(?![^，,。]*(?:只用|那一下|那段|那几秒|剪|切开|开头|结尾|放到|删))"), "16:9"),
]


def parse_aspect(text: str) -> str | None:
    """Aspect-ratio preset named by a platform, a word or a ratio.

    - 9:16: "vertical", "portrait", "TikTok", "Reels", "Shorts", "Stories", 抖音, 快手, 视频号, 竖屏, 竖版
    - 1:1: "square", plain "Instagram" (a square post shows uncropped in the feed *and* the
      profile grid), 方形
    - 4:5: "4:5", "Instagram portrait", 小红书 (3:4 maps to the nearest preset, 4:5)
    - 16:9: "YouTube", "landscape", "horizontal", "widescreen", 横屏, B站
    "Instagram Reels/Stories" and "YouTube Shorts" are 9:16. An explicit ratio beats a platform, and
    so does a shape said in words ("a reel, square" is 1:1).

    >>> [parse_aspect(s) for s in ("make it vertical for TikTok", "9:16", "square", "Instagram")]
    ['9:16', '9:16', '1:1', '1:1']
    >>> [parse_aspect(s) for s in ("Instagram portrait", "YouTube Shorts", "YouTube", "竖屏", "横屏")]
    ['4:5', '9:16', '16:9', '9:16', '16:9']
    >>> [parse_aspect(s) for s in ("make a reel, square", "a square tiktok", "youtube, vertical", "抖音横屏")]
    ['1:1', '1:1', '9:16', '16:9']
    >>> parse_aspect("a 30-second promo") is None
    True
    """
    t = _NOT_THIS_FRAME.sub(" ", _ACCOUNT_RX.sub(" ", normalize(_PLACE_NAMES.sub(" ", text or ""))))
    for rx, aspect in _ASPECT_PATTERNS:
        if rx.search(t):
            return aspect
    return None


# a place or a business named with a shape: "Town Square", "Times Square", "Square One", "Lee Portrait
# Studio" (a frame is said in lower case or alone: "square", "Square, 30 s")
_PLACE_NAMES = re.compile(r"(?<=\s)(?!(?:It|Make|Instagram|Insta|IG|Ig|Facebook|FB|Fb|TikTok|Tiktok|A|An|The|In|To|Be|Go|Now|"
                          r"Post|Video|Reel|Format|Keep|Do|Crop|Change|Switch|Just|And|Or|Both|Also|Into|As)\b)"
                          r"[A-Z][\w'’]+\s+Square\b(?!\s*(?i:video|format|frame|post|version|crop|one\s+too))|"
                          r"\b(?:Square|Portrait|Landscape|Vertical)\s+(?:One|Mall|Garden|Gardens|Park|Studio|Studios|"
                          r"Market|Plaza|Center|Centre|Hotel|Cafe|Gallery)\b")


# "square instead of vertical", "switch from vertical to square", "不要竖屏，改成方形": the frame left behind
_NOT_THIS_FRAME = re.compile(r"\b(?:instead\s+of|rather\s+than|not)\s+(?:an?\s+|the\s+)?[\w:]+(?:\s+(?:one|format|video|version))?|"
                             # "don't make it vertical", "do not want a square one"
                             r"\b(?:don'?t|dont|do\s+not)\s+(?:make|want|need|do)\s+(?:it|this|one|them)?\s*(?:an?\s+)?(?:in\s+)?"
                             r"[\w:]+(?:\s+(?:one|format|video|version))?|"
                             r"\bfrom\s+(?:an?\s+|the\s+)?[\w:]+(?:\s+(?:format|video))?(?=\s+(?:to|into)\b)|"
                             r"(?:不要|不是|而不是)(?:竖屏|横屏|方形|竖版|横版)")


def aspects_in(text: str) -> list[str]:
    """Every aspect a text names, in the order it names them ("竖屏和方形各做一个": 9:16, 1:1)."""
    t = _ACCOUNT_RX.sub(" ", normalize(_PLACE_NAMES.sub(" ", text or "")))
    found: dict[str, int] = {}
    for rx, aspect in _ASPECT_PATTERNS:
        for m in rx.finditer(t):
            found[aspect] = min(found.get(aspect, m.start()), m.start())
    return sorted(found, key=found.__getitem__)


# "our instagram @beanthere", "follow us on tiktok @x", "my youtube channel": an account, not the format
_ACCOUNT_RX = ascii_rx(
    r"\b(?:(?:our|my|your|their)\s+(?:instagram|insta|ig|tiktok|youtube|facebook|fb|twitter)"
    # ("something for our Instagram story": the format, 9:16; it was read as the account and made 16:9)
    r"(?:\s+(?:account|handle|page|channel|profile))?\b(?!\s+(?:stor(?:y|ies)|reels?|shorts?|posts?|feed|videos?|ads?)\b)|"
    r"(?:instagram|insta|ig|tiktok|youtube|facebook|fb|twitter)(?:\s+(?:account|handle|page|channel|profile))?\s*:?\s*(?=@\w))")


# --------------------------------------------------------------------------------------
# levels
# --------------------------------------------------------------------------------------

_PCT_PATTERNS = [
    ascii_rx(rf"(?P<n>{DIGITS}|{EN_NUM})\s*(?:%|percent(?![a-z])|per\s+cent(?![a-z])|pct(?![a-z]))"),
    ascii_rx(rf"百分之\s*(?P<n>{NUM_ZH})"),
]


def _find_percent(t: str) -> tuple[float, int, int] | None:
    best = None
    for rx in _PCT_PATTERNS:
        m = rx.search(t)
        if m and (best is None or m.start() < best[1]):
            v = parse_number(m.group("n"))
            if v is not None:
                best = (float(v) / 100.0, m.start(), m.end())
    return best


def parse_percent(text: str) -> float | None:
    """A percentage as a fraction: "35%" / "35 percent" / "百分之三十五" -> 0.35.

    A bare decimal between 0 and 1 ("0.35") counts only when it is the whole text.

    >>> parse_percent("35%"), parse_percent("35 percent"), parse_percent("百分之三十五"), parse_percent("0.35")
    (0.35, 0.35, 0.35, 0.35)
    >>> parse_percent("it's 0.35 mm") is None
    True
    """
    t = normalize(text)
    found = _find_percent(t)
    if found:
        return round(found[0], 6)
    m = re.fullmatch(r"\s*(0?\.\d+|1(?:\.0+)?|0)\s*", t)
    if m:
        return float(m.group(1))
    return None


_LOWER_WORDS = r"(?:lower|reduce|decrease|drop|down|cut|quieter|softer|turn\s+down|duck|降低|调低|减小|减少|降|小)"


def parse_db(text: str) -> float | None:
    """A level change in decibels, signed. Unsigned values count as negative when the text
    asks to lower something ("lower the music by 6 dB" -> -6.0).

    >>> parse_db("-6 dB"), parse_db("+3db"), parse_db("lower the music by 6 dB"), parse_db("降低6分贝")
    (-6.0, 3.0, -6.0, -6.0)
    >>> parse_db("six decibels louder"), parse_db("35%") is None
    (6.0, True)
    """
    t = normalize(text)
    m = re.search(rf"(?P<sign>[+-])?\s*(?P<n>{DIGITS}|{EN_NUM})\s*(?:db|decibels?)(?![a-z])", t) or \
        re.search(rf"(?P<sign>[+-])?\s*(?P<n>{NUM_ZH})\s*分贝", t)
    if not m:
        return None
    v = parse_number(m.group("n"))
    if v is None:
        return None
    value = float(v)
    if m.group("sign") == "-":
        value = -value
    elif m.group("sign") is None and re.search(_LOWER_WORDS, t, re.ASCII):
        value = -value
    return value


def db_to_gain(db: float) -> float:
    """Linear gain of a dB change. ``db_to_gain(-6)`` ≈ 0.501."""
    return round(10 ** (db / 20.0), 4)


MUSIC_WORDS = r"(?:background\s+music|music|bgm|soundtrack|song|backing\s+track|背景音乐|背景乐|音乐|配乐|歌曲|bgm)"
VOICE_WORDS = r"(?:voice[\s-]?over|voice|vo|narration|narrator|speech|旁白|配音|解说|人声)"


def _volume_near(t: str, words: str) -> float | None:
    for km in re.finditer(words, t, re.ASCII):
        # keyword then level within a short clause: "music at 35%", "背景音乐调到30%"
        tail = re.split(r"[,.;，。；!?！？]|\band\b|和|并且|然后", t[km.end():km.end() + 40], maxsplit=1, flags=re.ASCII)[0]
        pct = _find_percent(tail)
        if pct:
            return round(pct[0], 6)
        db = re.search(rf"[+-]?\s*(?:{DIGITS})\s*(?:db|分贝)", tail)
        if db:
            v = parse_db(tail)
            if v is not None:
                return db_to_gain(v)
        # level then keyword: "35% music", "30%的背景音乐"
        head = re.split(r"[,.;，。；!?！？]|\band\b|和", t[max(0, km.start() - 20):km.start()], flags=re.ASCII)[-1]
        m = re.search(rf"(?P<n>{DIGITS})\s*(?:%|percent)\s*(?:的\s*)?(?:volume\s+(?:for\s+)?(?:the\s+)?)?$", head)
        if m:
            return float(m.group("n")) / 100.0
    return None


def parse_music_volume(text: str) -> float | None:
    """Music level asked for, as linear gain: "music at 35%" -> 0.35, "background music 20%",
    "背景音乐30%", "bgm -12 dB" -> 0.2512.

    >>> parse_music_volume("music at 35%"), parse_music_volume("背景音乐30%"), parse_music_volume("voice at 80%")
    (0.35, 0.3, None)
    """
    return _volume_near(normalize(text), MUSIC_WORDS)


def parse_voice_volume(text: str) -> float | None:
    """Voice level asked for, as linear gain ("voiceover at 120%" -> 1.2, "旁白80%" -> 0.8).

    >>> parse_voice_volume("voiceover at 120%"), parse_voice_volume("music at 35%")
    (1.2, None)
    """
    return _volume_near(normalize(text), rf"(?<![a-z]){VOICE_WORDS}(?![a-z])")


# --------------------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------------------


_OVERLAY_RX = ascii_rx(
    r"\b(?:text(?:\s+overlays?)?|overlays?|captions?|captioned|subtitles?|subtitled|titles?|titled|"
    r"headlines?|on[\s-]screen\s+text|lower\s+thirds?|call[\s-]to[\s-]action|cta|tagline|slogan)\b|"
    # "each product 3 seconds with its name", "label each photo": names as captions
    r"\b(?:with|show(?:ing)?|and)\s+(?:(?:its|their|each\s+(?:one|photo|product|picture)'?s?)\s+names?|the\s+names)\b|"
    r"\blabel(?:l?ed)?\s+(?:each|every|all|the)\b|\bnames?\s+(?:on|under|over)\s+(?:each|every|the)\b|"
    r"(?:加上|标上|写上|配上|显示)(?:名字|名称|产品名)|"
    r"字幕|文字|文案|标题|加字|配字|口号|标语")
_NO_OVERLAY_RX = ascii_rx(
    r"\b(?:no|without|skip|drop|remove)\s+(?:any\s+)?(?:the\s+)?(?:text|titles|overlays?|words\s+on\s+(?:the\s+)?screen)\b|"
    r"\b(?:text|titles)[\s-]free\b|不要(?:加)?文字|不加文字|去掉文字")
# "no title", "don't show the title", "不要标题": the title only (it took every text with it, or was shown anyway)
_NO_TITLE_RX = ascii_rx(
    # (said whole: "don't put the title over the faces", "dont want the title too big" are where and how)
    r"\b(?:no|without|skip|drop|remove)\s+(?:a\s+|any\s+|the\s+)?title(?=\s*(?:at\s+all|please|pls)?\s*(?:[,.;!]|$))|"
    r"\b(?:don'?t|dont|do\s+not)\s+(?:show|put|add|use|need|want|include|have)\s+(?:in\s+)?(?:a\s+|any\s+|the\s+)?title"
    r"(?=\s*(?:at\s+all|please|pls)?\s*(?:[,.;!]|$))|"
    r"\btitle[\s-]free\b|不要(?:加)?标题|不加标题|去掉标题|无标题|不用标题")
# "no text", "no words on screen", "不要文字": none at all (not "no title": the rest stays)
_NO_WORDS_RX = re.compile(r"\b(?:no|without|skip)\s+(?:any\s+)?(?:text|words(?:\s+on\s+(?:the\s+)?screen)?|overlays?|"
                          r"text\s+overlays?)\b(?!\s+(?:except|but|other\s+than|apart\s+from|besides))|\btext[\s-]free\b|"
                          r"不要(?:加|任何)?文字|不加文字|去掉(?:所有)?文字")
# "no captions", "without subtitles": the captions only; a title or a call to action the instruction
# asks for stays ("a video, no captions, title 'Sunrise'" had no title)
_NO_CAPTIONS_RX = ascii_rx(
    r"\b(?:no|without|skip|drop|remove)\s+(?:any\s+)?(?:the\s+)?(?:captions?|subtitles?)\b|"
    r"\b(?:captions?|subtitles?)[\s-]free\b|不要(?:加)?字幕|无字幕|不加字幕|去掉字幕")
_CAPTION_WORDS = ascii_rx(r"\b(?:captions?|captioned|subtitles?|subtitled)\b|字幕")


def drop_no_captions(text: str) -> str:
    """``text`` (normalised) without its "no captions": the words asking for text left to read."""
    return _NO_CAPTIONS_RX.sub(" ", normalize(text))


def no_text(text: str) -> bool:
    """True for "no text", "without titles", "no words on screen", "不要文字": no words on screen at all."""
    return bool(_NO_OVERLAY_RX.search(normalize(text)))


def no_words(text: str) -> bool:
    """True for "no text", "no words on screen", "不要文字" (not "no title", nor "no text except their names"):
    no words on screen whatever else the instruction types (an offer, a phone number)."""
    return bool(_NO_WORDS_RX.search(normalize(text)))


def no_title(text: str) -> bool:
    """True for "no title", "don't show the title", "不要标题": no title (other text may be).

    >>> no_title("a 15 s ad, don't show the title"), no_title("with text overlays, no title"), no_title("title 'No'")
    (True, True, False)
    """
    return bool(_NO_TITLE_RX.search(normalize(text)))


def no_captions(text: str) -> bool:
    """True for "no captions", "without subtitles", "不要字幕": captions are not wanted (other text may be).

    >>> no_captions("a video, no captions, title 'Sunrise'"), no_captions("with captions")
    (True, False)
    """
    return bool(_NO_CAPTIONS_RX.search(normalize(text)))


def wants_text_overlays(text: str) -> bool:
    """True when the instruction asks for on-screen text: "with text overlays", "with captions",
    "titles", "加文字", "字幕", or any quoted text; False for "no text"/"不要字幕".

    >>> wants_text_overlays("with text overlays"), wants_text_overlays("加字幕"), wants_text_overlays("no captions")
    (True, True, False)
    >>> wants_text_overlays("a 30-second promo")
    False
    """
    t = normalize(text)
    if _NO_OVERLAY_RX.search(t):
        return False
    if _NO_CAPTIONS_RX.search(t):  # other text asked for: a title, a call to action, quoted words
        t = _CAPTION_WORDS.sub(" ", _NO_CAPTIONS_RX.sub(" ", t))
    return bool(_OVERLAY_RX.search(t)) or bool(quoted_texts(text))


def mentions_voiceover(text: str) -> bool:
    """True when the instruction talks about a voiceover/narration (旁白/配音/解说).

    >>> mentions_voiceover("images and a voiceover MP3"), mentions_voiceover("music at 35%")
    (True, False)
    """
    t = normalize(text)
    return bool(re.search(r"\b(?:voice[\s-]?overs?|vo|narration|narrated|narrator|narrate|voice\s+track|spoken)\b|旁白|配音|解说|口播", t, re.ASCII))


_TOO_STATIC = (r"\b(?:feels?|feeling|looks?|looking|seems?|is|it'?s|too|so|kinda|kind\s+of|bit|very|really|pretty)\s+"
               r"(?:a\s+bit\s+|too\s+|so\s+|very\s+|really\s+|kinda\s+)?static\b|"
               r"\bmake\s+(?:the\s+|it|them|this|that)(?:[\w' -]{0,30}?)\s+move\b(?!\s+(?:to|after|before|up|down|first|last))")


def wants_motion(text: str) -> bool | None:
    """False for "no motion"/"static"/"no zoom"/"静态"/"不要动画", True for "Ken Burns"/"zoom"/
    "motion", None when not mentioned.

    >>> wants_motion("no motion"), wants_motion("keep it static"), wants_motion("with Ken Burns"), wants_motion("hi")
    (False, False, True, None)
    >>> wants_motion("is there a way to make the beans shot move? feels static"), wants_motion("make it move to the end")
    (True, None)
    """
    t = normalize(text)
    if re.search(_TOO_STATIC, t):
        return True  # "feels static", "looks too static": a complaint, more motion wanted
    if re.search(r"\b(?:no|without|stop|disable|remove|turn\s+off|no\s+more|kill|lose|ditch|drop)\s+(?:the\s+)?(?:any\s+)?(?:motion|zoom(?:s|ing)?|ken\s+burns|pan(?:s|ning)?|movements?|animations?)\b|"
                 r"\btake\s+(?:the\s+|all\s+the\s+)?(?:motion|zoom(?:s|ing)?|ken\s+burns|movement|animation)s?\s+(?:off|out|away)\b|"
                 r"\bstatic\b|\bstill\s+(?:images|photos)\s+only\b|静态|不要(?:动画|动效|缩放|运动|移动)|去掉(?:动画|动效|缩放)|不动|(?:别|不要|不用)再?(?:动|晃|移动|缩放)|"
                 r"(?:别|不要|不用|不想要|去掉|取消|关掉|关闭)\s*再?\s*(?:用|要|加|做|搞|开)?\s*(?:那些|这些|这个|那个|任何)?\s*"
                 r"(?:动画|动效|缩放|运动|推拉|运镜|zoom(?:s|ing)?|motion|ken\s+burns|pan(?:s|ning)?)|"
                 r"\b(?:don'?t|do\s+not|never)\s+(?:want|use|need|add|do)\s+(?:any\s+|the\s+)?(?:motion|zoom(?:s|ing)?|ken\s+burns|pan(?:s|ning)?|movements?|animations?)\b", t, re.ASCII):
        return False
    if re.search(r"\bken\s+burns\b|\bzoom(?:s|ing)?\b|\bmotion\b|\bpan(?:s|ning)?\b|动画|动效|缩放|推拉|运镜", t, re.ASCII):
        return True
    return None


@dataclass(frozen=True)
class MotionAsk:
    """How far the stills' zooms and pans should go, as said: an ``amount`` (the share of the
    view a zoom shrinks by or a pan travels) or a ``factor`` of the present one. ``by_speed``:
    said as a speed ("slower zoom"); a move runs over its whole shot, so slower is less far."""

    amount: float | None = None
    factor: float | None = None
    by_speed: bool = False


_MOVE = r"(?:zoom(?:s|ing)?|pan(?:s|ning)?|motion|movements?|ken[\s-]+burns(?:\s+effect)?|camera\s+moves?|moves)"
_MOVE_ZH = r"(?:缩放|动画|动效|运镜|推拉|平移|镜头运动)"
_STILLS = r"(?:the\s+)?(?:photos?|pictures?|images?|stills?|pics?)"
_SOFT = r"(?:a\s+(?:bit|little|touch)|slightly|somewhat|a\s+tad)"
_LESS_EN = (
    rf"\b(?:less|smaller|subtler|gentler|softer|calmer|slighter|tamer|milder|more\s+subtle|more\s+gentle)\s+"
    rf"(?:of\s+(?:a|the)\s+)?{_MOVE}\b|"
    rf"\b{_MOVE}\s+(?:is\s+|are\s+|feels?\s+|looks?\s+)?(?:{_SOFT}\s+|way\s+|much\s+|far\s+)?too\s+"
    r"(?:much|strong|big|intense|dramatic|aggressive|extreme|heavy|obvious)\b|"
    rf"\btoo\s+much\s+(?:zoom(?:ing)?|motion|movement|panning|moving)\b|"
    rf"\b(?:tone|dial|calm|scale|turn)\s+(?:the\s+)?{_MOVE}\s+down\b|\b(?:tone|dial|calm|scale)\s+down\s+(?:the\s+|all\s+the\s+)?{_MOVE}\b|"
    rf"\b(?:reduce|lessen|soften|decrease|lower|minimi[sz]e|shrink)\s+(?:the\s+|all\s+the\s+)?(?:amount\s+of\s+)?{_MOVE}\b|"
    rf"\b(?:zoom(?:\s+in|\s+out)?|pan|move)\s+(?:{_SOFT}\s+)?less\b|"
    rf"\b(?:make|keep)\s+(?:the\s+|all\s+the\s+)?{_MOVE}\s+(?:{_SOFT}\s+)?(?:subtler|gentler|softer|calmer|smaller|milder|"
    r"more\s+subtle|more\s+gentle|less\s+\w+|subtle|gentle|soft)\b|"
    rf"\b{_MOVE}\s+(?:{_SOFT}\s+)?(?:subtler|gentler|softer|calmer|milder)\b|"
    r"\b(?:moving|zooming|panning)\s+(?:the\s+)?(?:\w+\s+)?so\s+much\b|"
    # "can the zoom be more subtle", "the photos move too much"
    rf"\b{_MOVE}\s+(?:be|get|feel|look)\s+(?:{_SOFT}\s+)?(?:more\s+subtle|subtler|gentler|softer|calmer|smaller|less\s+\w+)\b|"
    rf"\b{_STILLS}\s+(?:move|moves|are\s+moving|zoom|zooms|are\s+zooming)\s+(?:{_SOFT}\s+|way\s+)?too\s+much\b|"
    # a complaint said as a statement: "the zoom is really intense"
    rf"\b{_MOVE}\s+(?:is|are|feels?|looks?)\s+(?:very|really|quite|so|super|pretty|kind\s+of|a\s+bit)\s+"
    r"(?:strong|intense|big|aggressive|dramatic|much|extreme|distracting|dizzying)\b")
_MORE_EN = (
    rf"\b(?:more|bigger|stronger|larger|deeper|bolder|heavier|punchier|"
    rf"more\s+(?:dramatic|dynamic|noticeable|visible|obvious|pronounced|intense))\s+(?:of\s+(?:a|the)\s+)?{_MOVE}\b|"
    rf"\b{_MOVE}\s+(?:is\s+|are\s+|feels?\s+|looks?\s+)?(?:{_SOFT}\s+|way\s+|much\s+|far\s+)?too\s+(?:subtle|small|slight|weak|gentle|little)\b|"
    rf"\b{_MOVE}\s+(?:is\s+|are\s+)?(?:barely|hardly)\s+(?:noticeable|visible|there)\b|"
    rf"\b(?:increase|boost|amplify|exaggerate|intensify|strengthen)\s+(?:the\s+|all\s+the\s+)?(?:amount\s+of\s+)?{_MOVE}\b|"
    rf"\b(?:zoom(?:\s+in|\s+out)?|pan|move)\s+(?:{_SOFT}\s+)?(?:more|further|deeper)\b(?!\s+(?:photos?|pictures?|images?|shots?|slowly|quickly))|"
    rf"\b(?:make|let)\s+(?:the\s+|all\s+the\s+)?{_MOVE}\s+(?:{_SOFT}\s+)?(?:stronger|bigger|bolder|more\s+\w+|deeper|punchier)\b|"
    rf"\b{_MOVE}\s+(?:{_SOFT}\s+)?(?:stronger|bigger|bolder|punchier)\b|"
    rf"\b{_MOVE}\s+(?:be|get|feel|look)\s+(?:{_SOFT}\s+)?(?:stronger|bigger|bolder|more\s+(?:dramatic|dynamic|noticeable|visible|obvious))\b|"
    rf"\b{_STILLS}\s+(?:barely|hardly)\s+(?:move|moves|moving)\b|"
    rf"\b{_MOVE}\s+(?:is|are|feels?|looks?)\s+(?:very|really|quite|so|super|pretty|kind\s+of|a\s+bit)\s+"
    r"(?:subtle|small|weak|slight|gentle|boring|static)\b")
_SLOWER = (rf"\b(?:slower|gentler|calmer)\s+{_MOVE}\b|\b{_MOVE}\s+(?:{_SOFT}\s+)?(?:slower|more\s+slowly)\b|"
           rf"\bslow\s+(?:the\s+|all\s+the\s+)?{_MOVE}\s+down\b|\bslow\s+down\s+(?:the\s+|all\s+the\s+)?{_MOVE}\b|"
           rf"\b{_MOVE}\s+(?:is\s+|are\s+|feels?\s+)?(?:{_SOFT}\s+|way\s+|much\s+)?too\s+(?:fast|quick|rapid|jerky)\b|"
           rf"\b{_STILLS}\s+(?:zoom|zooms|are\s+zooming)\s+(?:{_SOFT}\s+|way\s+)?too\s+(?:fast|quickly|quick)\b")
_FASTER = (rf"\b(?:faster|quicker|speedier)\s+{_MOVE}\b|\b{_MOVE}\s+(?:{_SOFT}\s+)?(?:faster|quicker|more\s+quickly)\b|"
           rf"\bspeed\s+(?:the\s+|all\s+the\s+)?{_MOVE}\s+up\b|\bspeed\s+up\s+(?:the\s+|all\s+the\s+)?{_MOVE}\b|"
           rf"\b{_MOVE}\s+(?:is\s+|are\s+|feels?\s+)?(?:{_SOFT}\s+|way\s+|much\s+)?too\s+slow\b")
_LESS_ZH = (rf"{_MOVE_ZH}(?:的)?(?:幅度|程度|效果)?(?:再|稍微|稍稍)?(?:小|少|轻|弱|柔和|缓和)(?:一点|一些|点|些)|"
            rf"{_MOVE_ZH}(?:的)?(?:幅度|程度|效果)?太(?:大|多|猛|强|明显|夸张)|(?:减小|减少|减弱|降低)(?:一下)?{_MOVE_ZH}(?:的)?(?:幅度)?")
_MORE_ZH = (rf"{_MOVE_ZH}(?:的)?(?:幅度|程度|效果)?(?:再|稍微|稍稍)?(?:大|多|强|明显|夸张)(?:一点|一些|点|些)|"
            rf"{_MOVE_ZH}(?:的)?(?:幅度|程度|效果)?(?:太(?:小|弱|轻)|不(?:够|太)?明显)|(?:加大|增大|增加|加强|增强)(?:一下)?{_MOVE_ZH}(?:的)?(?:幅度)?")
# a move described, not compared: "subtle zoom", "dramatic Ken Burns", "ken burns, but subtle", "make the
# zoom really dramatic" (half or twice the usual)
_VERY = r"(?:really\s+|very\s+|super\s+|quite\s+|nice\s+and\s+)?"
_GENTLE = (rf"\b(?:subtle|gentle|soft|slight|mild|light|barely[\s-]there|understated)\s+(?:slow\s+)?{_MOVE}\b|"
           rf"\b{_MOVE}(?:\s+effects?)?\s*,?\s+(?:but\s+|and\s+|be\s+|keep\s+it\s+|kept\s+)?{_VERY}"
           r"(?:subtle|gentle|slight|soft|mild)\b|"
           rf"(?:轻微|轻柔|细微|柔和|微微)的?{_MOVE_ZH}")
_STRONG = (rf"\b(?:dramatic|dynamic|punchy|strong|big|bold|heavy|energetic|intense)\s+{_MOVE}\b|"
           rf"\b{_MOVE}(?:\s+effects?)?\s*,?\s+(?:but\s+|and\s+|be\s+|keep\s+it\s+)?{_VERY}"
           r"(?:dramatic|dynamic|punchy|strong|intense|bold)\b|"
           rf"(?:大幅|强烈|夸张|明显)的?{_MOVE_ZH}")
_SLOWER_ZH = rf"{_MOVE_ZH}(?:的)?(?:速度)?(?:再|稍微)?(?:慢一点|慢一些|慢点|太快)"
_FASTER_ZH = rf"{_MOVE_ZH}(?:的)?(?:速度)?(?:再|稍微)?(?:快一点|快一些|快点|太慢)"
_MOVE_PCT = re.compile(rf"\b{_MOVE}\s+(?:in\s+|out\s+)?(?:amount\s+|strength\s+)?(?:(?:of|by|to|at)\s+)?(?:about\s+)?(?P<a>\d+(?:\.\d+)?)\s*(?:%|percent|per\s*cent)|"
                       rf"(?<![\d.])(?P<b>\d+(?:\.\d+)?)\s*(?:%|percent|per\s*cent)\s+(?:slow\s+|gentle\s+|subtle\s+)?{_MOVE}\b|"
                       rf"{_MOVE_ZH}(?:的)?(?:幅度)?(?:改为|改成|设为|设成|调到|到|为)?\s*(?P<c>\d+(?:\.\d+)?)\s*%")


def motion_kinds(text: str) -> tuple[Motion, ...] | None:
    """The moves a first instruction names for the stills, in turn: "slow pans" pan (right, then left),
    "zoom in on each photo" zooms in, "zooms" zoom in and out; None when it names none (or both).

    >>> motion_kinds("30 s, slow pans"), motion_kinds("zoom in on each photo"), motion_kinds("ken burns")
    ((<Motion.PAN_RIGHT: 'pan-right'>, <Motion.PAN_LEFT: 'pan-left'>), (<Motion.ZOOM_IN: 'zoom-in'>,), None)
    """
    t = normalize(text)
    # a camera's pan, not a frying pan ("pan-fried", "pots and pans")
    pans = re.search(r"\b(?:slow|gentle|subtle|smooth|slight|camera|sideways)\s+pan(?:s|ning)?\b|\bpanning\b|"
                     r"(?<!\band\s)\bpans\b(?!\s+(?:of|and)\b)|\bpan\s+(?:left|right|across|over|slowly|up|down)\b|平移|摇镜", t)
    zoom_in = re.search(r"\bzoom(?:s|ing)?[\s-]+in(?:to)?\b|\bpush(?:es|ing)?[\s-]+in(?:to)?\b|推近|推进", t)
    zoom_out = re.search(r"\bzoom(?:s|ing)?[\s-]+out\b|\bpull(?:s|ing)?[\s-]+(?:out|back)\b|拉远", t)
    zooms = re.search(r"\bzoom(?:s|ing)?\b|缩放", t)
    if pans and not zooms:
        return Motion.PAN_RIGHT, Motion.PAN_LEFT
    if zooms and not pans:
        if zoom_in and not zoom_out:
            return (Motion.ZOOM_IN,)
        if zoom_out and not zoom_in:
            return (Motion.ZOOM_OUT,)
        return Motion.ZOOM_IN, Motion.ZOOM_OUT
    return None


def motion_ask(text: str) -> MotionAsk | None:
    """How far the zooms and pans should go, when said: "subtler zoom", "less zoom", "the zoom is
    too much", "stronger Ken Burns", "zoom in more", "slower zoom", "a 20% zoom", "缩放幅度小一点".
    Compared ("less", "stronger"): half or twice as far as now (two thirds or one and a half
    said softly: "a bit less zoom"); described ("subtle zoom", "dramatic zooms"): half or twice
    the usual; or the share given. None when not said ("slow zoom", the usual, is no change).

    >>> motion_ask("subtler zoom"), motion_ask("zoom in more").factor, motion_ask("a 20% zoom").amount
    (MotionAsk(amount=None, factor=0.5, by_speed=False), 2.0, 0.2)
    >>> motion_ask("gentle Ken Burns").amount
    0.06
    >>> motion_ask("slow zoom on every photo") is None
    True
    """
    t = normalize(text)
    m = _MOVE_PCT.search(t)
    if m:
        return MotionAsk(amount=float(m.group("a") or m.group("b") or m.group("c")) / 100)
    soft = bool(re.search(rf"{_SOFT}\s+(?:too|more|less|bigger|smaller|subtler|stronger|gentler|slower|faster)\b|稍微|稍稍", t))
    less, more = (2 / 3, 1.5) if soft else (0.5, 2.0)
    if re.search(_SLOWER, t) or re.search(_SLOWER_ZH, t):
        return MotionAsk(factor=less, by_speed=True)
    if re.search(_FASTER, t) or re.search(_FASTER_ZH, t):
        return MotionAsk(factor=more, by_speed=True)
    if re.search(_GENTLE, t):
        return MotionAsk(amount=MOTION_AMOUNTS["subtle"])
    if re.search(_STRONG, t):
        return MotionAsk(amount=MOTION_AMOUNTS["dramatic"])
    if re.search(_LESS_EN, t) or re.search(_LESS_ZH, t):
        return MotionAsk(factor=less)
    if re.search(_MORE_EN, t) or re.search(_MORE_ZH, t):
        return MotionAsk(factor=more)
    return None


_FRAME_RATE = re.compile(
    r"(?<![\d.])(?P<a>\d+(?:\.\d+)?)\s*(?:fps|p?\s*frames?\s+(?:a|per)\s+second|帧(?:/秒|每秒)?)(?![a-z])|"
    r"\b(?:frame\s*rate|fps)\s+(?:of\s+|to\s+|at\s+|=\s*|:\s*)?(?P<b>\d+(?:\.\d+)?)\b|"
    r"帧率\s*(?:改成|改为|设为|设成|调到|调成|用|是|为|:|=)?\s*(?P<c>\d+(?:\.\d+)?)|"
    r"\b(?:1080|720|2160|1440)p(?P<d>24|25|30|50|60)\b")


def frame_rate_in(text: str) -> float | None:
    """The frame rate said ("60fps", "24 fps", "frame rate 25", "帧率改成60", "1080p60"), or None.

    >>> frame_rate_in("make it 60fps"), frame_rate_in("帧率改成24"), frame_rate_in("1080p60"), frame_rate_in("30s video")
    (60.0, 24.0, 60.0, None)
    """
    m = _FRAME_RATE.search(normalize(text))
    if m is None:
        return None
    return float(next(g for g in m.groups() if g))


# --------------------------------------------------------------------------------------
# transitions and positions
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TransitionSpec:
    """A transition asked for, with its length when stated."""

    transition: Transition
    duration_ms: int | None = None


_TRANSITION_PATTERNS: list[tuple[re.Pattern[str], Transition]] = [
    (ascii_rx(r"\b(?:hard|straight|jump|simple|plain|direct)\s+cuts?\b|\bno\s+transitions?\b|\bwithout\s+(?:any\s+)?transitions?\b|"
                r"\b(?:cuts?\s+only|only\s+cuts|just\s+cuts?(?!\s+(?:it|this|that|them|the|her|him|out)\b))\b|\bcut\s+(?:straight|directly)\b|"
                r"(?:^|\buse\s+|\bwith\s+)\s*(?:the\s+)?cuts\b(?!\s+(?:to|from|of|the|music|it)\b)|"
                r"硬切|直切|直接切换?|无转场|不要转场|没有转场|去掉转场|取消转场"), Transition.CUT),
    (ascii_rx(r"\b(?:fade|dip|fades|dips|fading|dipping)\s+(?:through|to|into|via)\s+black\b|\bblack\s+fades?\b|"
                r"黑场|淡入黑|淡出到黑|过黑"), Transition.FADE_BLACK),
    (ascii_rx(r"\bcross[\s-]?fad(?:e|es|ing)\b|\bcross[\s-]?dissolves?\b|\bdissolv(?:e|es|ing)\b|"
                # "blend the shots", "blend transitions", "blending": not "our new coffee blend"
                r"\bblend(?:s|ing)?\s+(?:(?:the|all|each|every)\s+)?(?:shots|images|photos|pictures|clips|scenes|slides|them|together|"
                r"into|between|transitions?)\b|\bblend(?:ed)?\s+transitions?\b|\bblending\b|"
                r"\bfad(?:e|es|ing)\s+(?:between|from\s+(?:one|shot|image|photo|picture|clip))\b|\bfades?\s+transitions?\b|"
                r"交叉淡化|叠化|溶解|淡入淡出|渐变"), Transition.CROSSFADE),
    (ascii_rx(r"\bslid(?:e|es|ing)\s+(?:to\s+the\s+)?right\b|向右滑|右滑"), Transition.SLIDE_RIGHT),
    (ascii_rx(r"\bslid(?:e|es|ing)(?:\s+transitions?)?\b|滑动|滑入|推移|推入"), Transition.SLIDE_LEFT),
    (ascii_rx(r"\bwip(?:e|es|ing)\s+(?:to\s+the\s+)?right\b|向右擦"), Transition.WIPE_RIGHT),
    (ascii_rx(r"\bwip(?:e|es|ing)\b|擦除|划像"), Transition.WIPE_LEFT),
]


_INSTEAD_OF = ascii_rx(r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:the\s+|all\s+the\s+)?[\w\s-]{1,30}?(?=$|[,.;!?]|\s+(?:please|between|for)\b)")
_REPLACED_WITH = ascii_rx(r"\b(?:replace|swap|change|switch|turn)\b.{1,40}?\b(?:with|to|into|for)\b(?P<new>.*)$|"
                     r"(?:换成|改成|改为|变成|替换成|替换为)(?P<new2>.*)$")


def parse_transition(text: str) -> TransitionSpec | None:
    """Transition style asked for, and its length when a duration is next to it.

    >>> parse_transition("with hard cuts"), parse_transition("no transitions").transition.value
    (TransitionSpec(transition=<Transition.CUT: 'cut'>, duration_ms=None), 'cut')
    >>> s = parse_transition("use 1-second crossfades"); (s.transition.value, s.duration_ms)
    ('crossfade', 1000)
    >>> [parse_transition(x).transition.value for x in ("fade through black", "dissolve", "硬切", "淡入淡出", "wipe")]
    ['fade-black', 'crossfade', 'cut', 'crossfade', 'wipe-left']
    """
    t = normalize(text)
    # what is asked for, not what it replaces: "cuts instead of crossfades", "replace the crossfades
    # with cuts", "把叠化换成硬切" (each chose the crossfade, the first kind named)
    t = _INSTEAD_OF.sub(" ", t)
    m = _REPLACED_WITH.search(t)
    new = (m.group("new") or m.group("new2") or "") if m else ""
    if new and any(rx.search(new) for rx, _ in _TRANSITION_PATTERNS):
        t = new
    for rx, tr in _TRANSITION_PATTERNS:
        m = rx.search(t)
        if not m:
            continue
        ms = None
        if tr is not Transition.CUT:
            for d in find_durations(t):
                near = d.end <= m.start() and m.start() - d.end <= 12 or d.start >= m.end() and d.start - m.end() <= 12
                if near and d.ms <= 5000:
                    ms = d.ms
                    break
        return TransitionSpec(tr, ms)
    return None


_POSITION_PATTERNS: list[tuple[re.Pattern[str], Position]] = [
    (ascii_rx(r"\b(?:top|upper)[\s-]+left\b|\bleft[\s-]+top\b|左上"), Position.TOP_LEFT),
    (ascii_rx(r"\b(?:top|upper)[\s-]+right\b|\bright[\s-]+top\b|右上"), Position.TOP_RIGHT),
    (ascii_rx(r"\b(?:bottom|lower)[\s-]+left\b|\bleft[\s-]+bottom\b|左下"), Position.BOTTOM_LEFT),
    (ascii_rx(r"\b(?:bottom|lower)[\s-]+right\b|\bright[\s-]+bottom\b|\b(?:in\s+)?(?:the|a)\s+corner\b|右下|角落"), Position.BOTTOM_RIGHT),
    (ascii_rx(r"\b(?:center|centre|middle)[\s-]+left\b|\bleft[\s-]+(?:side|edge)\b|左侧|左边"), Position.CENTER_LEFT),
    (ascii_rx(r"\b(?:center|centre|middle)[\s-]+right\b|\bright[\s-]+(?:side|edge)\b|右侧|右边"), Position.CENTER_RIGHT),
    (ascii_rx(r"\b(?:top|upper|top\s+of\s+the\s+(?:screen|frame|video))\b|\bup\s+top\b|顶部|顶端|上方|上面|上部|顶上"), Position.TOP),
    (ascii_rx(r"\b(?:bottom|lower\s+(?:third|part|half|edge)|bottom\s+of\s+the\s+(?:screen|frame|video))\b|底部|底端|下方|下面|下部|底下"), Position.BOTTOM),
    (ascii_rx(r"\b(?:center|centre|centered|centred|middle)\b|中间|中央|居中|正中"), Position.CENTER),
]


def parse_position(text: str) -> Position | None:
    """Screen position: top/center/centre/middle/bottom, corners ("top left", "upper right",
    "in the corner" = bottom-right), 顶部/中间/底部/左上/右下…

    >>> [parse_position(s).value for s in ("at the top", "centre", "bottom right", "左上角", "底部", "in the corner")]
    ['top', 'center', 'bottom-right', 'top-left', 'bottom', 'bottom-right']
    >>> parse_position("make it louder") is None
    True
    """
    t = normalize(text)
    for rx, pos in _POSITION_PATTERNS:
        if rx.search(t):
            return pos
    return None


def wants_hard_cuts(text: str) -> bool:
    """Shorthand: the text asks for plain cuts between shots."""
    spec = parse_transition(text)
    return spec is not None and spec.transition is Transition.CUT

