"""Questions about the video as it stands, answered and nothing changed: how many pictures, which one is
the third, how long a shot shows, whether a clip still has its sound ("how many pics are in it right now",
"现在第三张是哪张", "how long is each after pic showing", "does the soundcheck clip still have sound?").
They were not understood, or read as changes."""

from __future__ import annotations

import re

from reelforge.planner import ops as O
from reelforge.planner.rules.refs import (
    _ORD_FULL,
    _ZH_ORD,
    _Cannot,
    _Ctx,
    _find_targets,
    _main_seg,
    _ord_index,
)
from reelforge.planner.rules.text_words import bare_words
from reelforge.timeline.model import Role

_RX_HOW_MANY = re.compile(r"^(?:how\s+many\s+(?P<what>pics?|pictures?|photos?|images?|shots?|clips?|videos?|scenes?)\b.*\?*|"
                          r"(?:现在)?(?:一共|总共)?(?:有)?(?:几|多少)(?P<zwhat>张|个|段)(?:图片|照片|镜头|片段|视频)?[了吗呢]?[?？]*)\s*[?？.。]*$")
_RX_WHICH = re.compile(rf"^(?:what'?s|what\s+is|which\s+(?:one\s+)?is)\s+(?:the\s+)?(?P<ord>{_ORD_FULL})\s+(?:one|shot|pic|photo|"
                       rf"picture|image|clip)(?:\s+(?:now|right\s+now|rn))?\s*\?*$|"
                       rf"^(?:现在)?(?P<zord>{_ZH_ORD})\s*(?:张|个|段)(?:图片|照片|镜头)?是哪(?:张|个|段)[了吗呢]?\s*[?？]*$")
_RX_HOW_LONG_SHOT = re.compile(r"^how\s+long\s+(?:is|does|do|are)\s+(?P<what>.+?)\s+(?:showing|shown|on\s+screen|stay(?:ing)?(?:\s+up)?|last)?\s*\?*$|"
                               r"^(?P<zwhat>.+?)(?:显示|停留|放)?(?:多久|多长时间|几秒)[了吗呢]?\s*[?？]*$")
_RX_HAS_SOUND = re.compile(r"^(?:does|do|is|are)\s+(?P<what>.+?)\s+(?:still\s+)?(?:have|has)\s+(?:(?:its|their|any)\s+)?(?:own\s+)?"
                           r"(?:sound|audio)\s*\?*$|^(?:is|are)\s+(?P<what2>.+?)\s+(?:still\s+)?(?:muted|silent)\s*\?*$|"
                           r"^(?P<zwhat>.+?)(?:还)?有(?:没有)?声音(?:吗|嘛|没)?\s*[?？]*$")


_RX_LONG_ENOUGH = re.compile(r"\b(?:is|will)\s+(?:the\s+|my\s+|our\s+|this\s+)?(?P<what>[\w' -]{1,40}?)\s+(?:be\s+)?long\s+enough\b|"
                             r"(?:音乐|歌|配乐|bgm|背景音乐)(?:的?长度)?(?:够长吗|够不够长?|够吗|够用吗|够不够用)", re.I)


def _music_seg(c: _Ctx):
    """The music's (first) segment, or None when the video has no music."""
    music = c.tl.track(Role.MUSIC)
    return music.segments[0] if music is not None and music.segments else None


def _music_long_enough(c: _Ctx) -> str | None:
    """"is the banjo thing long enough? it's only a minute": how long the music runs against the video."""
    seg = _music_seg(c)
    if seg is None:
        return None
    source = next((a for a in c.tl.assets if a.id == seg.src), None)
    runs = (source.duration_ms or 0) if source is not None else 0
    video = c.tl.duration
    if c.zh:
        if runs >= video - seg.start or not runs:
            return f"够：视频{video / 1000:g}秒，背景音乐「{seg.name}」{runs / 1000:g}秒，从头到尾都有音乐"
        return (f"视频{video / 1000:g}秒，背景音乐「{seg.name}」只有{runs / 1000:g}秒：" +
                ("它循环播放，从头到尾都有音乐" if seg.loop else f"它在{(seg.start + runs) / 1000:g}秒处结束"))
    if runs >= video - seg.start or not runs:
        return (f"yes: the video is {video / 1000:g} s and the music ({seg.name}) runs {runs / 1000:g} s, "
                "so it plays under all of it")
    return (f"the video is {video / 1000:g} s and the music ({seg.name}) runs {runs / 1000:g} s: " +
            ("it loops, so it plays under all of it" if seg.loop else f"it ends at {(seg.start + runs) / 1000:g} s"))


# what a question may open on ("so", "quick q:")
_ASK_LEAD = r"^(?:(?:so|and|hey|quick\s+q(?:uestion)?)[\s,:]+)?"
# "what music is on it at the moment and how loud", "which song did you use?", "用的什么音乐": the music and its level
# "is it ok to use on instagram?" (it made the video square), "can we post this song on tiktok?": the licence is not known
_RX_ALLOWED_ON = re.compile(_ASK_LEAD + r"(?:is\s+(?:it|this|that|the\s+(?:music|song|track))|can\s+(?:i|we|u|you)\s+(?:use|post|put)\s+"
                            r"(?:it|(?:this|that|the)(?:\s+(?:music|song|track))?))\s+(?:ok(?:ay)?\s+|fine\s+|allowed\s+|legal\s+|safe\s+)?"
                            r"(?:to\s+(?:use|post|put)\s+)?(?:it\s+)?(?:on|for|in)\s+(?:insta(?:gram)?|ig|tiktok|youtube|facebook|fb|reels)\b"
                            r"[^?]{0,40}\?+\s*$", re.I)
_RX_WHAT_MUSIC = re.compile(_ASK_LEAD + r"(?:what'?s\s+the\s+(?:music|song|track|tune)\s+called|what\s+is\s+the\s+(?:music|song|track)\s+called|"
                            r"(?:what'?s|what\s+is)\s+the\s+name\s+of\s+the\s+(?:music|song|track))\b.*$|"
                            + _ASK_LEAD + r"(?:what|which)\s+(?:music|song|track|bgm|tune)\s+"
                            r"(?:is\s+(?:on|in|playing|this|that|used|it)|are\s+(?:you|we)\s+using|did\s+(?:you|u)\s+(?:use|put|pick)|"
                            r"is\s+it)\b.*$|^(?:用的是?|放的是?)(?:什么|哪首)(?:音乐|歌|背景音乐|bgm)|^(?:背景音乐|音乐|bgm)是(?:什么|哪首)", re.I)


def _music_said(c: _Ctx) -> str:
    """The music under the video and how loud it plays ("calm piano bed.mp3 at 35%, ducked under the voiceover")."""
    seg = _music_seg(c)
    if seg is None:
        return "现在没有背景音乐" if c.zh else "there is no music; say e.g. 'use song.mp3 as the music'"
    level = f"{seg.volume * 100:.0f}%"
    if c.zh:
        return f"背景音乐是「{seg.name}」，音量{level}" + ("，有旁白时自动压低" if seg.duck else "")
    return (f"the music is {seg.name} at {level}" + (", ducked under the voiceover" if seg.duck else "")
            + "; say e.g. 'music to 20%' to change it")


# "is the insta handle on the end?", "did you put our number in?": whether a fact is on screen, and where (the
# first was read as "insta": the frame went square)
_RX_IS_SHOWN = re.compile(
    _ASK_LEAD + r"(?:is|are|did\s+(?:you|u)\s+(?:put|add|include)|have\s+(?:you|u)\s+(?:put|added|included)|"
    r"can\s+(?:people|ppl|they|viewers|customers|everyone|you|u|we)\s+(?:see|read|find))\s+"
    r"(?:the\s+|my\s+|our\s+)?(?P<what>(?:insta(?:gram)?|ig|tiktok)\s+(?:handle|name|account)|handle|"
    r"(?:(?:ticket|tickets|booking|sign[\s-]?up|order|menu|registration|rsvp|donation)\s+)?(?:website|site|page|link)|web\s+address|"
    r"(?:phone\s+)?number|phone|address|prices?|hours|opening\s+hours|e-?mail|logo|venue|"
    r"(?:opening\s+|event\s+|start\s+|new\s+)?(?:date|dates|day|time|times)|offer|discount|deal|promo\s+code|code|location)\s*"
    r"(?:(?:shown|showing|visible|included|displayed|written|up)\s+)?"
    r"(?:(?:on|in|at)\s+)?(?:(?:the\s+)?(?:very\s+)?end(?:\s+(?:card|screen|frame|slide))?|(?:the\s+)?(?:last|final|closing)\s+(?:screen|frame|slide|shot|card)|"
    r"there|it|in|on|the\s+video|(?:on\s+)?screen|anywhere)?(?:\s+(?:now|still|right\s+now))?\s*\?+"
    # (and why it is asked: "is the instagram handle on there? ppl need to find us" made the video square)
    r"\s*(?:[^?\n]{0,60}[.!]*)?$", re.I)
# "微信号在上面吗", "地址有吗", "电话放上去了吗": whether a text shows it
_RX_IS_SHOWN_ZH = re.compile(r"^(?P<what>微信号?|电话(?:号码)?|手机号(?:码)?|地址|价格|网址|日期|时间|营业时间|优惠|二维码|logo)\s*"
                             r"(?:有|在|放)?(?:在)?(?:上面|视频里|视频上|里面|画面上|上去|最后|结尾|开头|片尾)?(?:有|放了|加了|写了|显示|出现)?(?:了)?"
                             r"(?:吗|没有|没|么)[？?]*$", re.I)
# what a question names -> the kind of text that shows it (an English one by its last word, a Chinese one whole)
_SHOWN_KIND = {"handle": "handle", "name": "handle", "account": "handle", "website": "web", "site": "web", "address": "place",
               "number": "phone", "phone": "phone", "price": "price", "prices": "price", "hours": "when", "mail": "mail",
               "date": "when", "dates": "when", "day": "when", "time": "when", "times": "when", "discount": "offer",
               "deal": "offer", "link": "web", "page": "web", "location": "place", "venue": "place",
               "微信": "wechat", "微信号": "wechat", "电话": "phone", "电话号码": "phone", "手机号": "phone", "手机号码": "phone", "地址": "place", "价格": "price", "网址": "web",
               "日期": "when", "时间": "when", "营业时间": "when", "优惠": "offer"}


def _is_shown(c: _Ctx, what: str) -> str:
    """Where the texts showing ``what`` are, said ("yes: '@petalandstem' at 25-29 s, the end"), or that none does."""
    from reelforge.planner.text_kinds import holds

    word = what.lower().split()[-1].replace("e-mail", "mail").replace("email", "mail")
    if word == "logo":
        logos = [s for tr in c.tl.tracks if tr.role is Role.LOGO for s in tr.segments]
        return (f"yes: the logo shows {logos[0].start / 1000:g}-{logos[0].end / 1000:g} s" if logos else
                "no: there is no logo; say e.g. 'add logo.png in the top right'")
    kind = _SHOWN_KIND.get(what) or _SHOWN_KIND.get(word, word)
    if c.zh:
        found = [s for _, s in c.text_segs(None) if holds(kind, s.text)]
        return ("有：" + "；".join(f"「{s.text}」在{s.start / 1000:g}-{s.end / 1000:g}秒" for s in found) if found else
                f"没有：画面上没有{what}；说“在结尾加上……”可以加上")
    found = [s for _, s in c.text_segs(None)
             if (re.search(r"@\w", s.text) if kind == "handle" else holds(kind, s.text))
             and (word not in ("time", "times") or re.search(r"(?i)\d\s*[ap]\.?m\b|\d:\d\d|noon|midnight", s.text))]
    # (a start time is a clock time: "Sunday 8 June" answered "is the start time on there?")
    if not found:
        return f"no: no text on screen shows the {what.lower()}; say e.g. \"add '...' at the end\" to show it"
    total = c.tl.duration
    return "yes: " + "; ".join(f"'{s.text}' at {s.start / 1000:g}-{s.end / 1000:g} s" + (", the end" if s.end >= total - 100 else "")
                               for s in found)


# "do we still say 6pm BST?": whether a text says those words (they were written on screen with the rest)
_RX_SAYS_WORDS = re.compile(_ASK_LEAD + r"(?:do|does)\s+(?:we|it|the\s+(?:video|end|ending|caption|title))\s+(?:still\s+)?"
                            r"(?:say|show|mention|have)\s+(?P<w>[^?\n]{1,60}?)\s*\?+\s*$", re.I)


def _says_words(c: _Ctx, words: str) -> str:
    """Which texts say ``words`` (compared as `bare_words`), or that none does."""
    said = bare_words(words)
    found = [s for _, s in c.text_segs(None) if said and said in bare_words(s.text)]
    if not found:
        return f"no: no text on screen says '{words}'"
    return "yes: " + "; ".join(f"'{s.text}' at {s.start / 1000:g}-{s.end / 1000:g} s" for s in found)


# "what's the music volume?", "how loud is the voiceover", "音乐现在多大声？": its level, nothing changed (the music was turned up;
# "音乐现在是多大声" too)
_RX_HOW_LOUD = re.compile(
    _ASK_LEAD + r"(?:(?:what'?s|what\s+is|whats)\s+(?:the\s+)?(?P<a>music|song|bgm|voice-?over|voice|narration|vo)(?:'s)?\s+"
    r"(?:volume|level)(?:\s+(?:now|right\s+now|at))?|how\s+loud\s+is\s+(?:the\s+)?(?P<b>music|song|bgm|voice-?over|voice|narration|vo)"
    r"(?:\s+(?:now|right\s+now))?|(?:what'?s|what\s+is)\s+the\s+volume\s+of\s+the\s+(?P<c>music|song|voice-?over|voice)|"
    r"(?P<d>music|voice-?over)\s+(?:volume|level)|what\s+(?:volume|level)\s+is\s+the\s+(?P<e>music|voice-?over|voice)(?:\s+at)?)\s*\?+\s*$|"
    r"^(?:现在)?(?P<z>背景音乐|音乐|配乐|旁白|配音|人声)(?:现在)?(?:的)?(?:音量)?(?:有|是)?(?:多大声?|多少|是多少|多大)(?:啊|呢|呀)?\s*[?？]*$")


def _how_loud(c: _Ctx, word: str) -> str:
    """The level of the music or the voiceover as it stands (each piece when they differ)."""
    music = word.lower() in ("music", "song", "bgm", "背景音乐", "音乐", "配乐")
    role = Role.MUSIC if music else Role.VOICE
    name = ("背景音乐" if music else "旁白") if c.zh else ("the music" if music else "the voiceover")
    segs = [x for t in c.tl.tracks_by_role(role) for x in t.segments]
    if not segs:
        return f"没有{name}" if c.zh else f"there is no {name.removeprefix('the ')}"
    levels = sorted({round(x.volume * 100) for x in segs})
    if len(levels) == 1:
        level = f"{levels[0]}%"
    else:
        level = ("、" if c.zh else ", ").join(f"{round(x.volume * 100)}%（{x.start / 1000:g}-{x.end / 1000:g}秒）" if c.zh else
                                               f"{round(x.volume * 100)}% at {x.start / 1000:g}-{x.end / 1000:g} s" for x in segs)
    ducked = music and any(getattr(x, "duck", False) for x in segs)
    if c.zh:
        return f"{name}音量{level}" + ("，旁白说话时会自动压低" if ducked else "") + ("；可以说“音乐调到20%”" if music else "；可以说“旁白调到80%”")
    return (f"{name} plays at {level}" + (", ducked under the voice" if ducked else "")
            + f"; say e.g. '{'music to 20%' if music else 'voiceover to 80%'}' to change it")


# "when does the title go away?", "when do the captions come in", "what does the end say", "does it have captions?",
# "标题什么时候消失": when the texts of a kind show and what they say (the title was removed; the question was
# answered "no")
_TEXT_KIND = (r"(?P<what>(?:the\s+)?(?:title|headline|captions?|subtitles?|subs|cta|call\s+to\s+action|end(?:ing)?\s+(?:text|card|line|"
              r"message|screen)|end(?:ing)?|text|words|overlays?))")
_RX_TEXT_WHEN = re.compile(_ASK_LEAD + r"(?:when|at\s+what\s+(?:time|point)|how\s+long)\s+(?:does|do|is|are|will)\s+" + _TEXT_KIND +
                           r"\s+(?:go\s+away|disappear|vanish|end|stop|finish|come\s+(?:in|on|up)|appear|show(?:\s+up)?|start|pop\s+up|"
                           r"on(?:\s+screen)?|shown|showing|stay(?:\s+(?:up|on))?|last)\s*\?*\s*$|"
                           r"^(?P<zwhat>标题|字幕|结尾(?:的?文字)?|行动号召)(?:是)?(?:什么时候|几秒)(?:消失|出现|结束|开始|显示)(?:的)?[了吗呢]?\s*[?？]*$",
                           re.I)
_RX_TEXT_SAYS = re.compile(_ASK_LEAD + r"(?:what\s+(?:does|do)\s+" + _TEXT_KIND + r"\s+say|(?:what'?s|what\s+is)\s+" + _TEXT_KIND.replace("what", "what2")
                           + r"(?:\s+say(?:ing)?)?)(?:\s+(?:now|right\s+now|rn|atm|again))?\s*\?*\s*$|"
                           r"^(?P<zwhat>标题|字幕|结尾(?:的?文字)?|行动号召)(?:现在)?(?:写的是|是|写了)(?:什么|啥)[了吗呢]?\s*[?？]*$", re.I)
_RX_HAS_TEXT = re.compile(_ASK_LEAD + r"(?:does|do)\s+(?:it|the\s+video|we)\s+(?:still\s+)?(?:have|has)\s+(?:any\s+)?"
                          r"(?P<what>captions?|subtitles?|subs|a\s+title|titles?|a\s+cta|a\s+call\s+to\s+action|text|overlays?)"
                          r"(?:\s+(?:now|right\s+now|rn|atm|on\s+it|yet))?\s*\?+\s*$", re.I)
# "how long is it atm?", "how long is the video now", "视频多长": the video's length (not understood)
_RX_VIDEO_LENGTH = re.compile(_ASK_LEAD + r"(?:how\s+long\s+is\s+(?:it|the\s+video|this|the\s+whole\s+thing)|what'?s\s+the\s+"
                              r"(?:length|duration|total\s+length)(?:\s+of\s+(?:it|the\s+video))?)(?:\s+(?:now|right\s+now|rn|atm|"
                              r"at\s+the\s+moment|currently|in\s+total|total))?\s*\?*\s*$|"
                              r"^(?:现在)?(?:视频|这个视频)?(?:现在)?(?:有)?(?:多长|多长时间|几秒)[了吗呢啊]?\s*[?？]*$", re.I)
# "which photo comes first?", "what's first": the first shot (not understood)
_RX_WHICH_FIRST = re.compile(_ASK_LEAD + r"(?:which|what)\s+(?:photo|pic|picture|image|shot|clip|one)\s+(?:comes|is|goes)\s+"
                             r"(?P<ord>first|last)\s*\?*\s*$|^what'?s\s+(?P<ord2>first|last)\s*\?*\s*$", re.I)


def _texts_of(c: _Ctx, what: str) -> tuple[str, list]:
    """The texts a question calls ``what`` (a kind of text), and the word for them."""
    from reelforge.planner.rules.text_refs import text_role

    w = what.lower()
    role = Role.CTA if re.search(r"\bend|结尾", w) else text_role(w)
    if role is None:
        return ("文字" if c.zh else "texts"), [s for _, s in c.text_segs(None)]
    word = {Role.TITLE: ("标题", "title"), Role.CAPTION: ("字幕", "captions"), Role.CTA: ("结尾文字", "call to action")}
    return word.get(role, ("文字", "texts"))[0 if c.zh else 1], [s for _, s in c.text_segs(role)]


def _when_shown(c: _Ctx, what: str) -> str:
    word, segs = _texts_of(c, what)
    if not segs:
        return f"没有{word}" if c.zh else f"there is no {word}"
    if c.zh:
        return "；".join(f"「{s.text}」{s.start / 1000:.1f}-{s.end / 1000:.1f}秒" for s in segs[:8])
    return "; ".join(f"'{s.text}' shows {s.start / 1000:.1f}-{s.end / 1000:.1f} s" for s in segs[:8]) + \
        (f"; say e.g. 'show the {word} for the {'last' if segs[0].end >= c.tl.duration - 100 else 'first'} 4 seconds' to "
         "change it" if len(segs) == 1 else "")


# "is the voiceover cut off at the end?", "does the music stop early?": whether it plays whole (a 3 s fade-out was added)
_RX_CUT_OFF = re.compile(_ASK_LEAD + r"(?:is|does|did)\s+(?:the\s+)?(?P<a>voice-?over|voice|vo|narration|music|song|bgm)\s+(?:get\s+)?"
                         r"(?:cut\s+off|cut|end\s+(?:too\s+)?early|stop\s+(?:too\s+)?early|end\s+before\s+the\s+video)"
                         r"(?:\s+(?:at\s+the\s+end|now|still))?\s*\?+\s*$|"
                         r"^(?P<z>旁白|配音|音乐|背景音乐)(?:是不是|有没有)?(?:被)?(?:截断|切掉|剪掉|没放完)(?:了)?[吗嘛]?\s*[?？]*$", re.I)


def _cut_off(c: _Ctx, word: str) -> str:
    """Whether the voiceover (or the music) plays to its own end, and where it stops."""
    music = word.lower() in ("music", "song", "bgm", "音乐", "背景音乐")
    segs = [x for t in c.tl.tracks_by_role(Role.MUSIC if music else Role.VOICE) for x in t.segments]
    name = ("背景音乐" if music else "旁白") if c.zh else ("the music" if music else "the voiceover")
    if not segs:
        return f"没有{name}" if c.zh else f"there is no {name.removeprefix('the ')}"
    last = max(segs, key=lambda x: x.end)
    source = next((a for a in c.tl.assets if a.id == last.src), None)
    full = (source.duration_ms or 0) - last.in_ms if source is not None else 0
    if getattr(last, "loop", False) or not full or last.duration >= full - 100:
        return (f"没有：{name}完整播放，到{last.end / 1000:g}秒结束" if c.zh else
                f"no: {name} plays to its end, at {last.end / 1000:g} s")
    return (f"是的：{name}在{last.end / 1000:g}秒停下，还剩{(full - last.duration) / 1000:.1f}秒没播；说“按旁白长度”可以完整播放" if c.zh
            else f"yes: {name} stops at {last.end / 1000:g} s with {(full - last.duration) / 1000:.1f} s of it unplayed; say "
                 f"'{'fit to the voiceover' if not music else 'make it ' + str(round((last.start + full) / 1000)) + ' seconds'}' "
                 "to hear all of it")


def _h_answers(c: _Ctx) -> list[O.Op] | None:
    t = c.t.strip()
    shots = c.main_segs()
    if m := _RX_CUT_OFF.match(t):
        raise _Cannot(_cut_off(c, m.group("a") or m.group("z")))
    if m := (_RX_TEXT_WHEN.match(t) or _RX_TEXT_SAYS.match(t)):
        raise _Cannot(_when_shown(c, m.group("what") or m.groupdict().get("what2") or m.group("zwhat")))
    if m := _RX_HAS_TEXT.match(t):
        word, segs = _texts_of(c, m.group("what"))
        raise _Cannot(f"yes: {len(segs)} ({'; '.join(repr(s.text) for s in segs[:6])})" if segs else f"no: there is no {word}")
    if _RX_VIDEO_LENGTH.match(t):
        raise _Cannot(f"视频现在{c.tl.duration / 1000:g}秒，{len(shots)}个镜头" if c.zh else
                      f"the video is {c.tl.duration / 1000:g} s long, {len(shots)} shots")
    if (m := _RX_WHICH_FIRST.match(t)) and shots:
        s = shots[0 if (m.group("ord") or m.group("ord2")).lower() == "first" else -1]
        raise _Cannot(f"{s.name} ({s.start / 1000:.1f}-{s.end / 1000:.1f}s)")
    if m := _RX_HOW_LOUD.match(t):
        raise _Cannot(_how_loud(c, next(g for g in m.groups() if g)))
    if (m := _RX_SAYS_WORDS.match(c.raw.strip())) and not c.zh:
        raise _Cannot(_says_words(c, m.group("w")))
    if _RX_WHAT_MUSIC.match(t):
        raise _Cannot(_music_said(c))
    if _RX_ALLOWED_ON.match(t):
        raise _Cannot("whether a song may be used on a platform depends on its licence, which reelforge cannot see: music you "
                      "made or licensed for social use is fine; a commercial track may be muted by the platform. The video "
                      "itself is an ordinary MP4 that the platform takes as it is")
    if (m := _RX_IS_SHOWN.match(t)) and not c.zh:
        raise _Cannot(_is_shown(c, m.group("what")))
    if (m := _RX_IS_SHOWN_ZH.match(t)) and c.zh:
        raise _Cannot(_is_shown(c, m.group("what")))
    if (m := _RX_LONG_ENOUGH.search(t)) and (m.group("what") is None or not _shots_said(c, m.group("what"))) \
            and (said := _music_long_enough(c)):
        raise _Cannot(said)
    if m := _RX_HOW_MANY.match(t):
        kind = m.group("what") or ""
        images = [s for s in shots if c.asset_kind(s) == "image"]
        clips = [s for s in shots if c.asset_kind(s) == "video"]
        if c.zh:
            raise _Cannot(f"现在有{len(images)}张图片、{len(clips)}段视频，共{len(shots)}个镜头")
        if kind.startswith("clip") or kind.startswith("video"):
            raise _Cannot(f"{len(clips)} clip{'s' if len(clips) != 1 else ''} (and {len(images)} picture"
                          f"{'s' if len(images) != 1 else ''}), {len(shots)} shots in all")
        raise _Cannot(f"{len(images)} picture{'s' if len(images) != 1 else ''} and {len(clips)} clip"
                      f"{'s' if len(clips) != 1 else ''}, {len(shots)} shots in all")
    if (m := _RX_WHICH.match(t)) and (i := _ord_index(m.group("ord") or m.group("zord") or "")) is not None \
            and -len(shots) <= i < len(shots):
        s = shots[i]
        raise _Cannot(f"第{i % len(shots) + 1}个镜头是{s.name}（{s.start / 1000:.1f}-{s.end / 1000:.1f}秒）" if c.zh else
                      f"shot {i % len(shots) + 1} is {s.name} ({s.start / 1000:.1f}-{s.end / 1000:.1f}s)")
    if (m := _RX_HOW_LONG_SHOT.match(t)) and (named := _shots_said(c, m.group("what") or m.group("zwhat"))):
        said = "；".join(f"{s.name}{s.duration / 1000:.1f}秒" for s in named) if c.zh else \
            "; ".join(f"{s.name}: {s.duration / 1000:.1f} s" for s in named)
        raise _Cannot(said)
    if (m := _RX_HAS_SOUND.match(t)) and (named := [s for s in _shots_said(c, m.group("what") or m.group("what2") or m.group("zwhat"))
                                                    if c.asset_kind(s) == "video"]):
        said = []
        for s in named:
            on = s.volume > 0 and not s.mute
            said.append((f"{s.name}的声音{'开着' if on else '已静音'}") if c.zh else
                        f"{s.name} {'plays its own sound' if on else 'is muted'}")
        raise _Cannot("；".join(said) if c.zh else "; ".join(said))
    return None


def _shots_said(c: _Ctx, what: str) -> list:
    """The shots a question names: as a change would name them, else every one whose file name holds a
    word said ("each after pic": biscuit after.jpg and mochi after.jpg)."""
    out = []
    for r in _find_targets(c):
        for target in r.all:
            seg = _main_seg(c, target)
            if seg is not None and seg not in out:
                out.append(seg)
    if out:
        return out
    words = {w for w in re.findall(r"[a-z0-9]{3,}|[\u4e00-\u9fff]{2,}", what.lower())} - _NOT_NAME_WORDS
    return [s for s in c.main_segs() if words & set(re.findall(r"[a-z0-9]{3,}|[\u4e00-\u9fff]{2,}", s.name.lower()))]


_NOT_NAME_WORDS = {"each", "every", "the", "pic", "pics", "photo", "photos", "picture", "pictures", "image", "images",
                   "clip", "clips", "shot", "shots", "one", "ones", "video", "still", "now", "right", "jpg", "png", "mp4",
                   "mov", "图片", "照片", "镜头", "视频", "片段", "现在"}
