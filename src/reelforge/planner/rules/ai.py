"""Handlers for the AI features (the session runs the models): captions, voiceover, smart
crop, beat sync, highlights, silence trimming, brand kits; `ai_requests` for a first cut."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import time_words as TW
from reelforge.planner.rules.audio import _audio_role
from reelforge.planner.rules.refs import (
    _REMOVE,
    _Ambiguous,
    _Cannot,
    _clauses,
    _Ctx,
    _ctx,
    _find_targets,
    _generic,
    _has,
    _mask,
    _only,
)
from reelforge.planner.rules.text_look import RX_COLOR, box_color_in
from reelforge.timeline.model import (
    Asset,
    Role,
    Timeline,
)

# -- AI features (the session runs the models; these emit requests) ------------------------------
_CAPTION_NOUN = r"(?:captions?|subtitles?|subs|closed[\s-]captions?|cc)\b|字幕"


def _language(t: str) -> str | None:
    if _has(r"\b(?:in\s+)?(?:chinese|mandarin)\b|中文|普通话|汉语|国语", t):
        return "zh"
    if _has(r"\b(?:in\s+)?english\b|英文|英语", t):
        return "en"
    return None


_CAPTION_FILES = re.compile(
    r"\b(?:separate(?:ly)?|sidecar|own\s+(?:files?|tracks?|srt|vtt)|as\s+(?:a\s+)?files?|(?:srt|vtt|webvtt)(?:\s+files?)?|not\s+burn(?:ed|t)?(?:\s+in)?|"
    r"(?:don'?t|do\s+not|never|without)\s+burn(?:ing)?|soft\s*(?:subs|subtitles|captions)|closed\s+captions?\s+files?)\b|"
    r"外挂|单独(?:输出|导出|的)?(?:字幕)?文件|字幕文件|不(?:要)?(?:烧录|压制|嵌入)|srt")
_CAPTION_BURN = re.compile(r"\b(?:burn(?:ed|t)?\s+(?:them\s+|it\s+|the\s+\w+\s+)?in(?:to)?|hard[\s-]?(?:coded|subs|subtitles))\b|"
                           r"(?:烧录|压制|嵌入)(?:到|进)?画面|硬字幕")


def caption_mode(text: str) -> bool | None:
    """Where the captions go, if the words say: True = burned into the picture, False = only
    as SRT/WebVTT files ("captions as a separate file, not burned in", "外挂字幕")."""
    t = text.lower()
    if not _has(_CAPTION_NOUN, t) and not _has(r"\b(?:srt|vtt|webvtt)\b", t):
        # "…, not burned in" as its own clause still speaks of the captions
        if _has(r"^\W*(?:(?:but|and)\s+)?(?:not|don'?t|do\s+not|never)\s+burn(?:ed|t)?(?:\s+(?:it|them))?\s+in\W*$|"
                r"^\W*不要?(?:烧录|压制)\W*$", t):
            return False
        return None
    if _has(_CAPTION_FILES, t):
        return False
    if _has(_CAPTION_BURN, t):
        return True
    return None


def _h_caption_mode(c: _Ctx) -> list[O.Op] | None:
    burn = caption_mode(c.t)
    if burn is None:
        return None
    ops: list[O.Op] = [O.SetCaptionMode(burn=burn)]
    if not c.tl.tracks_by_role(Role.CAPTION):  # "add captions as a separate file": make them too
        ops += _h_auto_captions(c) or []
    return ops


# "captions of what she says", "subtitles for what is said", "把她说的话做成字幕": the speech, not words to show
_RX_SPOKEN = re.compile(
    r"\bwhat\s+(?:she|he|they|i|we|you|people|(?:the|our|my)\s+\w+)\s+(?:says?|said|is\s+saying|are\s+saying|talks?\s+about)\b|"
    r"\bwhat(?:'s|\s+is|\s+gets)\s+(?:being\s+)?said\b|\b(?:the\s+)?(?:speech|dialogue|dialog|spoken\s+words|interview)\b|"
    r"说的话|讲的话|说的内容|讲的内容|的对白|的台词")


# the video's own length in a first instruction ("a 20 second reel with subtitles", "a reel of 30 seconds"):
# no time a caption stays
_RX_VIDEO_LENGTH = re.compile(
    r"\b\d+(?:\.\d+)?[\s-]*(?:s|secs?|seconds?)(?:[\s-]+long)?\s+(?:[\w:-]+\s+){0,3}?"
    r"(?:videos?|reels?|promos?|ads?|clips?|stor(?:y|ies)|shorts?|tiktoks?|posts?|teasers?|trailers?|spots?|commercials?|"
    r"montages?|slideshows?|cuts?|edits?)\b|"
    r"\b(?:videos?|reels?|promos?|ads?|clips?|stor(?:y|ies)|shorts?|tiktoks?|teasers?|slideshows?)\s+(?:of|that\s+is|lasting)\s+"
    r"\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b")


_RX_SHORT_CAPTIONS = re.compile(
    r"\b(?:shorter|short|punchier|tighter|bite[\s-]?sized)\s+(?:captions?|subtitles?|subs)\b|"
    r"\b(?:captions?|subtitles?|subs)\s+(?:are|is)\s+(?:way\s+|a\s+bit\s+|much\s+)?(?:too\s+(?:long|wordy)|too\s+much\s+text)\b|"
    r"\b(?:make|keep)\s+(?:the\s+)?(?:captions?|subtitles?|subs)\s+(?:a\s+bit\s+|much\s+)?(?:shorter|punchier|tighter)\b"
    r"(?!\s+(?:on\s+screen|in\s+time|time))|"
    r"\b(?:one|single|1)[\s-]+line\s+(?:captions?|subtitles?|subs)\b|"
    r"\b(?:captions?|subtitles?|subs)\s+(?:on\s+)?(?:one|a\s+single|1)\s+line\b|"
    r"\bfewer\s+words\s+(?:per|in\s+each|each|in\s+the)\s+(?:caption|subtitle)|"
    r"字幕(?:太长|短一点|短一些|一行|单行|每条短一点)|(?:一行|单行)(?:的)?字幕|" + r"(?P<word>" + (
        # "captions word by word", "TikTok-style captions", "逐字字幕": the shortest cues there are (a caption
        # stays at least a second on screen, so not one word at a time)
        r"\b(?:word[\s-]by[\s-]word|one\s+word\s+at\s+a\s+time|a\s+(?:few|couple\s+of)\s+words\s+at\s+a\s+time|"
        r"karaoke|tik\s?tok[\s-]style)\b(?=.*\b(?:captions?|subtitles?|subs|text)\b)|"
        r"\b(?:captions?|subtitles?|subs)\b.*\b(?:word[\s-]by[\s-]word|one\s+word\s+at\s+a\s+time)\b|逐字|一个字一个字|一个词一个词") + ")")


def _h_short_captions(c: _Ctx) -> list[O.Op] | None:
    """"the captions are too long", "one line captions", "shorter subtitles", "字幕太长": the speech's
    captions cut again into short one-line cues (it was not understood). Typed captions are the
    user's words: said, not cut."""
    m = _RX_SHORT_CAPTIONS.search(c.t)
    if m is None:
        return None
    if m.group("word"):
        c.notes.append("字幕一次显示一小段（每段至少1秒，来得及看）；不能一个字一个字地出现。" if c.zh else
                       "Captions a few words at a time (each stays a second at least, to be read); not one word at "
                       "a time.")
    if c.first_cut:  # the composer's file-name captions give way to the speech's
        return [O.AutoCaptions(language=_language(c.t), lines=1)]
    tracks = c.tl.tracks_by_role(Role.CAPTION)
    if any(t.segments and not t.id.startswith("captions") for t in tracks):
        raise _Cannot("这些字幕是你写的文字：说出更短的文字即可，例如把第一条字幕改成“…”" if c.zh else
                      "those captions are your own words: say shorter ones, e.g. change the first caption to '…'")
    return [O.AutoCaptions(language=_language(c.t), lines=1)]


def _h_auto_captions(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    spoken = _RX_SPOKEN.search(t) is not None
    if not _has(_CAPTION_NOUN, t) or c.quotes or (
            not spoken and _has(r"\b(?:say(?:s|ing)?|reads?|that\s+says)\b|(?:(?<!\d)[:：]|[:：](?!\d))\s*\S", t)):
        # "加字幕：新品上市" is that caption, not captions from the speech ("a 16:9 promo with captions":
        # a ratio's or a time's colon gives no words)
        return None
    if _has(r"\b(?:space|spacing|gap|apart|overlap\w*|collid\w*)\b|间距|距离|重叠|挡住", t):
        return None  # "put some space between the title and the captions": where texts sit (the layout's)
    # ("make the captions bigger" restyles them; "make a promo with captions" asks for them)
    if _has(_REMOVE, t) or (not spoken and _has(r"\bmake\s+(?:(?:the|all|my|our|its|these|those|every|each)\s+)*"
                                                r"(?:captions?|subtitles?|subs|text|them)\b|\b(?:move|change|restyle|colou?r|bigger|smaller|larger|align\w*|centre|center|justify)\b|改成|改为|放到|移到|调大|调小", t)):
        return None
    if not spoken and _has(r"\b(?:longer|shorter|stay|linger|quick(?:ly|er)?|fast(?:er)?|slow(?:er)?|brief(?:ly)?|seconds?|secs?)\b|"
                           r"久一点|长一点|短一点|太快|太短", _RX_VIDEO_LENGTH.sub(" ", t)):
        return None  # "show the captions longer": how long the ones there stay, not new ones from the speech
    if _has(r"\b(?:outlines?|outlined|stroke|border)\b|描边|勾边", t):
        return None  # "字幕加黑色描边": how the captions look (it made captions from the speech)
    if (P.parse_position(t) is not None or box_color_in(t)[0] is not None or (not spoken and RX_COLOR.search(t))
            or _has(r"\b(?:box(?:es|ed)?|backdrop|banner|shadow|bold|font)\b|底框|背景框|阴影|加粗|字体", t)) \
            and c.tl.track(Role.CAPTION) is not None and c.tl.track(Role.CAPTION).segments:
        # "put the captions at the top" moves the captions there, "add a (yellow) box behind the
        # captions" restyles them (both made new ones from the speech)
        return None
    if not spoken and _has(r"\b(?:add|put|insert)\s+(?:an?\s+|the\s+|one\s+)?caption\s+(?!(?:to|for|on|in|at|from|of|under|over|"
                           r"with|please|track|that|saying|says?|reading|reads?|here|there|and|it|them|the|this|these|those|"
                           r"all|each|every|everywhere|throughout|automatically|auto|from)\b)[a-z0-9$#@]", t):
        return None  # "add a caption new menu": that caption's words, not captions from the speech
    if not spoken and _has(r"\b(?:to|on|for|under|over)\s+(?:each|every|all\s+the)\s+(?:photo|picture|image|pic|shot|product)s?\b", t) \
            and not _has(r"\bfrom\s+the\s+(?:speech|voice\w*|audio|narration)\b|\btranscri\w*|\bauto(?:matic)?", t):
        return None  # "add a caption to every photo": a caption each, from its name (`_h_name_captions`)
    auto = spoken or _has(r"\b(?:auto(?:matic)?(?:ally)?|generate|transcribe|burn(?:ed)?[\s-]?in|from\s+the\s+(?:speech|voice\w*|audio|narration))\b|自动|生成|识别|语音转", t)
    # ("subtitle the voiceover", "把旁白做成字幕": captions of it; they were a few key phrases, or none)
    adding = _has(r"\b(?:add|put|turn\s+on|enable|include|show|want|need|with|give\s+it|(?:caption|subtitle)\s+(?:it|the|my|our))\b|"
                  r"加上?|添加|加个|配上|打开|开启|显示|要|带|(?:做成|转成|转为|变成|配成)字幕", t)
    bare = re.fullmatch(r"(?:auto(?:matic)?[\s-]?)?(?:captions?|subtitles?|subs|cc)(?:\s+(?:please|pls|plz|too|as\s+well|also))?"
                        r"|(?:also\s+)?(?:captions?|subtitles?|subs)\s+(?:on|yes)|(?:自动)?字幕", t.strip(" .!。！")) is not None
    if not (auto or adding or bare):
        return None
    return [O.AutoCaptions(language=_language(t))]


_RX_SCRIPT_FILE = re.compile(r"(?<![\w/.-])([\w./\\-]+\.(?:txt|md))\b", re.I)


def _h_voiceover(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    voice = _has(r"\b(?:voice[\s-]?over|voice|narration|narrator|narrate|narrates|vo|tts|text[\s-]to[\s-]speech|read\s+(?:\w+\s+){0,3}?(?:out\s+loud|out|aloud))\b|配音|旁白|解说|口播|朗读|念", t)
    speak = _has(r"\b(?:say(?:s|ing)?|speak(?:s|ing)?|read(?:s|ing)?|narrat(?:e|es|ing)|announc(?:e|es|ing)|from|with\s+the\s+(?:script|text))\b|说|念|读|朗读|配音|旁白", t)
    if not voice or not speak:
        return None
    if _has(r"\b(?:volume|louder|quieter|fade|duck|mute|remove|delete|replace)\b|音量|删除|去掉|淡入|淡出", t):
        return None
    if _has(r"\b(?:after|when|where|once|as)\s+(?:the\s+)?(?:voice[\s-]?over|voice|narrator|narration|vo)\s+"
            r"(?:says?|said|finishes\s+saying|mentions?|gets\s+to)\b", t) or \
            re.search(r"(?:旁白|配音)说(?:完|到)?[“\"「『'].+[”\"」』'](?:之后|以后|后|的时候|时|处)", c.raw):
        return None  # "put the testimonial after the voiceover says 'twelve days'": where a clip goes (it made a new voiceover)
    captions = _has(_CAPTION_NOUN, t)
    lang = _language(t)
    m = _RX_SCRIPT_FILE.search(c.raw)
    if m and not c.quotes:
        return [O.Voiceover(script_file=m.group(1), language=lang, captions=captions)]
    if not c.quotes:
        if _has(r"\b(?:add|make|generate|create)\b|加|添加|生成", t) and _has(r"\bsay(?:s|ing)?\b|说", t):
            raise _Cannot("what should the voice say? put it in quotes, e.g. add a voiceover saying \"Fresh coffee every morning\"")
        return None
    text = " ".join(c.quotes)
    return [O.Voiceover(text=text, language=lang, captions=captions)]


def _h_reframe(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(r"\b(?:cent(?:er|re)[\s-]?crop(?:ped|ping)?|crop\s+(?:from|in|at|to)\s+the\s+(?:cent(?:er|re)|middle)|"
            r"(?:no|turn\s+off|disable|without|stop)\s+(?:the\s+)?smart\s+(?:crop|reframe|reframing)(?:ping)?|"
            r"plain\s+crop)\b|居中裁剪|中心裁剪|关闭智能裁剪|不要智能裁剪", t):
        return [O.SmartReframe(on=False)]
    if _has(r"\bsmart[\s-]?(?:crop|reframe|reframing|framing|cropping)\b|\bauto[\s-]?(?:reframe|crop)\b|"
            r"\bkeep\s+(?:the\s+|my\s+|our\s+)?(?:subjects?|faces?|people|person|products?|main\s+subject)\s+(?:in\s+(?:the\s+)?(?:frame|shot|view|picture)|visible|centred|centered)\b|"
            r"\b(?:follow|track)\s+the\s+(?:subject|face|person|product)\b|\bcrop\s+(?:around|to)\s+the\s+(?:subject|face|faces|person|product)\b|"
            r"\bdon'?t\s+cut\s+off\s+(?:the\s+)?(?:faces?|heads?|subject|product)\b|智能裁剪|智能构图|智能重构|主体.{0,6}(?:画面|居中|保留)|人脸.{0,4}(?:画面|居中)|不要裁掉.{0,4}(?:人脸|脸|主体|产品)", t):
        return [O.SmartReframe(on=True)]
    return None


def _h_beats(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(r"\b(?:cut|cuts|edit|sync|synced|time|timed|switch|change|match|align)\b.{0,30}\b(?:to|on|with)\s+(?:the\s+)?(?:beats?|rhythm|tempo|music'?s?\s+beat)\b|"
            r"\bbeat[\s-]?(?:sync(?:ed)?|matched|cut|cuts)\b|\b(?:match(?:es|ing)?|follow(?:s|ing)?|hit(?:s|ting)?)\s+(?:the\s+)?(?:beats?|rhythm|tempo)\b|\b(?:sync|time|match|align)\b.{0,20}\b(?:cuts|changes|shots|pictures|images|edits)\b.{0,12}\b(?:to|with)\s+(?:the\s+)?music\b|\bon\s+the\s+beat\b|\bto\s+the\s+beat\b|"
            r"\b(?:cuts|shots|pictures|photos|edits)\s+(?:to\s+)?(?:match|follow|fit)\s+(?:the\s+)?music\b|"
            r"^(?:please\s+)?cut\s+(?:it\s+)?to\s+the\s+(?:music|song)\b|"  # "cut to the music", "sync the photos with the music"
            r"\b(?:sync|time|match|align)\s+(?:the\s+)?(?:photos|pictures|images|shots|slides|cuts)\s+(?:to|with)\s+(?:the\s+)?(?:music|song)\b|"
            r"\b(?:photos|pictures|images|shots|slides)\s+(?:change|switch|move)\s+(?:with|to)\s+(?:the\s+)?(?:music|song)\b|"
            r"卡点|踩点|跟着?(?:音乐)?节奏|节拍|按节奏", t):
        if _has(r"\b(?:remove|undo|drop|lose|ditch|get\s+rid\s+of|no\s+more|turn\s+off|stop)\b|\bnot\s+on\s+the\s+beat\b|"
                r"去掉|不要|取消", t):
            # "remove the beat sync" cut to the beat (again): the cuts stay where they are until asked
            raise _Cannot("镜头切点已经按节拍排好；要撤销请说“撤销”，或说“每张图片时间一样长”" if c.zh else
                          "the cuts stay where the beats put them: say 'undo' right after, or 'make every photo the "
                          "same length' for even ones")
        return [O.CutToBeat()]
    return None


def _h_highlight(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:best|most\s+(?:exciting|interesting|active|dynamic|action[\s-]packed)|highlights?|action[\s-]packed|liveliest)\b|精彩|高光|最好看|最有趣|最动感", t):
        return None
    if _has(r"\b(?:music|song|title|text|caption|transition)\b|音乐|标题|字幕", t):
        return None
    if any(re.search(r"(?<![a-z])highlights?(?![a-z])", s.name.lower()) for s in c.main_segs()) \
            and _has(r"\bhighlights?\s+(?:clip|video|vid|footage|reel)\b|\b(?:open|start|begin|end|move|put)\b", t):
        return None  # "open on the highlights clip instead of the headshot": last_talk_highlights.mp4 (it asked for its best part)
    seconds = None
    durs = TW.find_durations(t)
    if durs:
        seconds = durs[0].ms / 1000
    target = None
    stripped = t
    for d in reversed(durs):
        stripped = stripped[:d.start] + " " + stripped[d.end:]
    refs = _find_targets(c, stripped)
    if refs:
        target = refs[0].target
    else:
        vids = c.count("video")
        if not vids:
            raise _Cannot("there are no video clips to take highlights from")
        if len(vids) == 1:
            target = O.Target(index=0, kind="video")
        elif seconds is not None or _generic(c, stripped) not in (None, ""):
            target = _only(c, "video")
    return [O.UseHighlight(target=target, seconds=seconds)]


def _h_silence(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:silence|silences|silent\s+(?:parts?|bits?|gaps?|start|end|head|tail)|dead\s+air|pauses?\s+at\s+the\s+(?:start|end))\b|静音|空白|停顿", t):
        return None
    if not _has(r"\b(?:trim|cut|remove|drop|strip|delete|get\s+rid\s+of|skip)\b|去掉|剪掉|删掉|去除|裁掉", t):
        return None
    role = "music" if _audio_role(t) == "music" else "voice"
    return [O.TrimSilence(role=role)]  # type: ignore[arg-type]


def _h_brand(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:brand(?:ing|ed)?|brand[\s-]?kit)\b|品牌", t):
        return None
    if _has(r"\blogo\b", t) and not _has(r"\bbrand(?:ing)?\s*kit\b|\bmy\s+brand\b", t):
        return None
    if _has(r"\b(?:to\s+)?(?:match|fit|go\s+with|suit)\s+(?:our|my|the)\s+brand(?:ing)?(?:\s+colou?rs?)?\b", t):
        return None  # "make the words pink to match our branding": why, no brand kit asked for
    m = re.search(r"(?<![\w/.-])([\w./\\-]+\.(?:ya?ml|json))\b", c.raw, re.I)
    return [O.UseBrand(path=m.group(1) if m else None)]


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")


def ai_requests(instruction: str, timeline: Timeline, *, library: Sequence[Asset] = ()) -> list[O.Op]:
    """The AI-feature requests in a first-cut prompt ("30-second promo with captions, cut to the
    beat"): voiceover, captions, beat sync, brand — in that order. Other words are ignored
    (the composer reads them)."""
    masked, quotes = _mask(instruction.strip())
    found: list[O.Op] = []
    # sentence by sentence too: "Create a 20s promo with captions. Title: Maple Lane." (a label's colon in
    # the same clause read the captions as words given, and none were made from the speech)
    pieces = [x for piece in _clauses(masked) for x in _SENTENCE_END.split(piece) if x.strip()]
    for piece in pieces:
        c = _ctx(piece, quotes, timeline, tuple(library) or tuple(timeline.assets), ())
        c.first_cut = True
        for h in (_h_voiceover, _h_short_captions, _h_auto_captions, _h_beats, _h_brand):
            try:
                ops = h(c)
            except (_Cannot, _Ambiguous):
                ops = None
            if ops:
                found += [o for o in ops if o not in found]
                break
    order = {O.Voiceover: 0, O.AutoCaptions: 1, O.CutToBeat: 2, O.UseBrand: 3}
    found.sort(key=lambda o: order.get(type(o), 9))
    if any(isinstance(o, O.Voiceover) for o in found):
        found = [o for o in found if not isinstance(o, O.AutoCaptions)] if any(
            isinstance(o, O.Voiceover) and o.captions for o in found) else found
    return found
