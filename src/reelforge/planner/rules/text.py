"""Handlers for adding, changing and removing text on screen (titles, captions and calls to action):
a text with its words, look, place and time in one clause (`_h_text`), the words the video ends on
("end with follow us"), a text asked for without words, less text, captions from the pictures' file
names, a line under the title.

Which text a clause means is read in `text_refs`; a text's look (colours, boxes, sizes, restyling)
in `text_look`; its time on screen, fades and entrance in `text_time`; its words typed in other
forms ("cta: Shop now", "change learn more to Buy now") in `text_words`."""

from __future__ import annotations

import re
from collections.abc import Callable

from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import time_words as TW
from reelforge.planner.apply_text import CUE_ID
from reelforge.planner.ending import (
    capitalised,
    contact_cta,
    contact_in,
    ending_words,
    offer_in,
    title_case,
)
from reelforge.planner.rules.refs import (
    _ADD,
    _ORD_FULL,
    _REMOVE,
    _RX_AT,
    _TEXT_WORD,
    _ZH_ORD,
    _Ambiguous,
    _Cannot,
    _Ctx,
    _ctx,
    _find_targets,
    _has,
)
from reelforge.planner.rules.text_look import (
    BOX_OFF,
    NEXT_COLOUR,
    OTHER_COLOUR,
    RX_ALL_TEXT_LOOK,
    RX_ZH_LETTERS,
    WHITE,
    bold_in,
    box_color_in,
    color_in,
    letters_on,
    nudge,
    nudged,
    size_in,
    size_limit_note,
    styling,
)
from reelforge.planner.rules.text_refs import (
    RX_TEXT_PLURAL,
    RX_TEXT_WHERE,
    lookup_text,
    text_by_id,
    text_called,
    text_meant,
    text_of_kind,
    text_role,
    text_target,
    texts_named,
    texts_on_shot,
    texts_said,
    without_when_said,
)
from reelforge.planner.rules.text_time import timing_in
from reelforge.planner.rules.text_words import (
    RX_WHERE_TAIL,
    _h_made_words,
    bare_words,
    facts_added,
    looks_cta,
    unquoted_words,
    words_after_colon,
)
from reelforge.planner.text_kinds import (
    CLOCK_RANGE,
    HANDLE,
    KIND_EN,
    KIND_ZH,
    RX_KIND,
    holds,
    kind_called,
    with_new,
    without,
)
from reelforge.timeline.model import (
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
)

# "change the ending to …", "把结尾改成…": the call to action, named by where it is
_RX_ENDING = re.compile(r"(?:结尾|片尾)(?=(?:的?(?:文字|文案|字))?\s*(?:改成|改为|换成|变成))|(?:结尾|片尾|最后)的?(?=按钮)|"
                        r"\b(?:ending|(?:end|closing|final)\s+(?:text|line|card|screen|message|words|button))\b")

_RX_MOVE_TO_TIME = re.compile(r"\b(?:(?:up|back|down|over)\s+)?(?:to|till|until)\s+(?=(?:the\s+)?(?:very\s+)?(?:start|beginning|end)\b|"
                              r"\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b)")


def _cta_there(c: _Ctx, timing: O.Timing) -> TextSegment | None:
    """The one call to action on screen where a new one would go, unless a second one is asked for."""
    if _has(r"\b(?:another|second|extra|also|too|as\s+well|both)\b|再加|另一个|第二个|也", c.t):
        return None
    total = c.tl.duration
    dur = timing.duration_ms or total - timing.start_ms
    a = total - dur if timing.anchor == "end" else timing.start_ms
    b = min(total, a + dur)
    hits = [s for _, s in c.text_segs(Role.CTA) if s.start < b and a < s.end]
    return hits[0] if len(hits) == 1 else None


# "to / on / over / during the third shot", "在第三张图片上", "给咖啡那张图": the text goes over that shot
_RX_OVER_SHOT_BEFORE = re.compile(r"(?:\b(?:to|on|onto|over|during|across|with|under|for|in|into)\s+(?:the\s+)?|(?:在|给|为)\s*)$")


# "caption the cat 'Meet Chelsea'", "label the second shot 'Sale'": a caption over that shot (it
# went over the whole video, or changed a caption already there)
_RX_CAPTION_SHOT = re.compile(r"^(?:please\s+)?(?:caption|label|tag)\s+(?:the\s+|this\s+|that\s+)?$", re.I)


def _text_shot(c: _Ctx) -> O.Target | None:
    """The one shot a new text is put over ("add the caption 'Fresh' to the third photo"), if
    the instruction names one that way; a time ("at 5s") is a time, not a shot."""
    for r in _find_targets(c):
        if r.target.at_ms is not None or r.more:
            continue
        if _RX_OVER_SHOT_BEFORE.search(c.t[:r.start]) or _RX_CAPTION_SHOT.match(c.t[:r.start]) or (
                # "第二张图片加字幕“专业检测”": the shot first, then what goes on it (it was over the whole video)
                not c.t[:r.start].strip() and re.match(r"\s*(?:那张|这张|那段|这段|的)?\s*(?:上|里)?\s*(?:加上?|添加|配上?|放上?)",
                                                       c.t[r.end:])):
            return r.target
    return None


# "change the date to Saturday 8pm", "日期改成周六晚8点": a text called by what it holds, new words
_RX_RENAME_KIND = re.compile(rf"\b(?:(?:change|update|edit|set|switch|correct|fix)\s+{KIND_EN}\s+(?:to|into|as)|"
                             # "make the offer 60% off", "make the price $15": a value of that kind (not "bigger")
                             r"make\s+the\s+(?:offer|discount|price|code|promo\s+code)(?=\s+(?:[$€£¥\d]|(?-i:[A-Z0-9]{3,})\b)))"
                             rf"\s*:?\s+(?P<x>\S.*)$|"
                             rf"{KIND_ZH}\s*(?:改成|改为|换成|变成)\s*(?P<zx>\S.*)$", re.I)
_RX_RENAME = re.compile(  # ("change the second caption to Hello there": a text by its place too)
    rf"\b(?:change|rename|set|switch|update|edit)\s+(?:the\s+)?(?:{_ORD_FULL}\s+)?(?:(?:end|closing|final)\s+)?(?:title|headline|heading|"
    r"caption|subtitle|cta|call[\s-]to[\s-]action|text|tagline|slogan|ending|line|card|screen|message|words)(?:'s)?\s+(?:text\s+|words?\s+|wording\s+)?(?:to|into|as)\s*:?\s+(?:say\s+|read\s+)?(?P<x>\S.*)$|"
    r"\breplace\s+(?:the\s+)?(?:title|headline|heading|caption|cta|call[\s-]to[\s-]action|tagline|slogan)(?:'s)?\s+"
    r"(?:text\s+|words?\s+)?with\s*:?\s+(?!(?:a|an|the|one|another|something|anything|my|our|your)\b)(?P<rx>\S.*)$|"
    r"(?:标题|字幕|结尾|行动号召|文字|文案|口号|(?<![a-z])(?:cta|title|caption|call[\s-]to[\s-]action))(?:的?(?:文字|内容))?\s*"
    r"(?:改成|改为|换成|变成|改叫)\s*(?P<zx>\S.*)$", re.I)


# "the title should say Urban Dreams 2026", "make the caption read Free returns": its new words
_RX_SHOULD_SAY = re.compile(r"\b(?:should|must|to|will)\s+(?:say|read)\s*:?\s+(\S.*)$|"
                            r"^(?:make|have|let)\s+the\s+\w+(?:\s+\w+)?\s+(?:say|read)\s*:?\s+(\S.*)$", re.I)
# "the title should be Bean There" (its words; "should be bigger" is a look, `_given_words`)
_RX_SHOULD_BE = re.compile(r"\b(?:title|headline|cta|call[\s-]to[\s-]action|tagline)\s+(?:should|must|needs?\s+to|has\s+to|"
                           r"is\s+going\s+to|can)\s+be\s*:?\s+(\S.*)$", re.I)


def _given_words(words: str) -> bool:
    """Whether what a text "should be" is its words ("Bean There"), not a look, place or time
    ("bigger", "at the top", "red", "3 seconds", "on screen longer", "the shop name")."""
    words = words.strip(" .!'\"")
    first = words.split()[0].lower() if words.split() else ""
    return bool(words) and not styling(words) and not P.parse_position(words.lower()) \
        and first not in ("on", "at", "in", "shown", "visible", "longer", "shorter", "the", "our", "my", "a", "an",
                          "more", "less", "much", "bit", "little", "way", "smaller", "bigger", "larger", "same")


# words given to a text, which are no verbs of the clause ("make the title Drop Zone", "set the cta to
# Kill the lights", "use chop house as the title" removed the text)
_GIVEN_TO = r"(?:title|headline|heading|caption|subtitle|cta|call[\s-]to[\s-]action|button|text|tagline|slogan)"
_RX_WORDS_GIVEN = re.compile(
    rf"^(?:make|set|change|rename|switch|update|turn)\s+(?:the\s+)?{_GIVEN_TO}\s+(?:to\s+|into\s+|as\s+)?\S.*$|"
    rf"\b(?:the\s+)?{_GIVEN_TO}\s+(?:should|must|will|could|can|has\s+to|needs\s+to)\s+be\s+\S.*$|"
    rf"^use\s+\S.*?\s+as\s+(?:the\s+|our\s+|my\s+)?{_GIVEN_TO}\b|\bcall\s+it\s+\S.*$|^{_GIVEN_TO}\s*[:：-]\s*\S.*$",
    re.I)


def _verbs(t: str) -> str:
    """The clause with the words given to a text taken out: what is left says what to do."""
    t = re.sub(r"\bdrop[\s-]?shadows?\b", "shadow", _RX_SHOULD_SAY.sub(" ", t))  # a "drop shadow" drops nothing
    m = _RX_WORDS_GIVEN.search(t)
    if m is None or _has(r"^(?:make|set|turn)\s+(?:the\s+)?\w+(?:\s+\w+)?\s+(?:go\s+away|disappear|gone|off)\b", t):
        return t
    noun = re.search(_GIVEN_TO, m.group(0), re.I)
    verb = m.group(0).split()[0] if re.match(r"(?:make|set|change|rename|switch|update|turn|use)\b", m.group(0), re.I) else ""
    return f"{t[:m.start()]} {verb} the {noun.group(0) if noun else ''} "


# "make sure it doesnt say 21", "it shouldn't read 21+": a check of the words, no words to write
_NOT_SAY = re.compile(r"\b(?:does\s*n'?t|doesnt|does\s+not|do\s*n'?t|dont|should\s*n'?t|shouldnt|never|not)\s+"
                      r"(?:say|read)s?\b")  # ("don't show the title" hides it)


# "the 'roasted monday' text should show up …": the words quoted name a text on screen, they are no new one
_QUOTE_NAMES_TEXT = re.compile(r"\b(?:the\s+)?«q»\s+(?:text|title|caption|line|words|bit|one|part)\b|"
                               r"^\s*(?:the\s+)?«q»\s+(?:should|needs?\s+to|has\s+to|must|is|goes|comes)\b")


# "'Free shipping' should appear at 15s", "「五折」在第10秒出现", "第12秒出现“包邮”": the quoted words shown then
_RX_QUOTE_APPEARS = re.compile(r"«q»\s*(?:(?:should|will|must|needs?\s+to|has\s+to|to)\s+)?"
                               r"(?:appears?|shows?\s+up|pops?\s+up|comes?\s+(?:up|in|on))\b|"
                               r"«q»[^«»,，.。]{0,12}?(?:出现|弹出)|(?:出现|弹出)\s*«q»")
_RX_APPEAR_VERB = re.compile(r"appears?|shows?\s+up|pops?\s+up|comes?\s+(?:up|in|on)|出现|弹出")


# names said together, a couple's or a duo's: "Emily & Jason", "张伟&李婷"
_NAMES_TEXT = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:&|\+|and)\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|"
                         r"[\u4e00-\u9fff]{2,3}\s*[&＆和、]\s*[\u4e00-\u9fff]{2,3}")


def _h_text(c: _Ctx) -> list[O.Op] | None:
    if len(c.quotes) == 1 and _QUOTE_NAMES_TEXT.search(c.t):
        said = c.quotes[0].casefold().strip(" .!")
        words = set(re.findall(r"\w+", said))
        held = [(r, s) for r, s in c.text_segs(None)
                if said and (said in s.text.casefold() or words <= set(re.findall(r"\w+", s.text.casefold())))]
        if len(held) == 1 and not _has(r"\b(?:add|write|new|another|put\s+(?:in|up))\b", c.t):
            role, seg = held[0]  # (it added "roasted monday" as a second title)
            k = [s.id for _, s in c.text_segs(role)].index(seg.id)
            if (timing := timing_in(c, None)) is None and _has(
                    r"\bfirst\s+thing\b|\b(?:at|from)\s+the\s+(?:very\s+)?(?:start|beginning)\b|\bright\s+away\b", c.t):
                # "'first class free' should be the first thing ppl see": from the start, as long as it shows
                timing = O.Timing(duration_ms=max(seg.duration, 3000))
            if timing is not None:
                return [O.UpdateText(target=O.Target(role=role, index=k), timing=timing)]
            if _has(r"\b(?:show\s+up|appear|come\s+(?:in|up|on)|pop\s+up|when|while)\b", c.t):
                raise _Ambiguous(f"The {role.value} \"{seg.text}\" shows {seg.start / 1000:g}-{seg.end / 1000:g} s; say when "
                                 "it should, e.g. 'show it for the first 3 seconds' or 'from 2 to 5 seconds'.")
    if _NOT_SAY.search(c.t) and not c.quotes:
        shown = [s.text for _, s in c.text_segs(None)]
        raise _Cannot(("画面上的文字：" if c.zh else "the words on screen: ")
                      + " / ".join(f"'{x}'" for x in shown[:6]) if shown else
                      ("画面上没有文字" if c.zh else "there is no text on screen"))
    # "the text is too small", "the title is hard to read", "字幕太小了": a size up ("too small" set SMALL)
    t = re.sub(r"\btoo\s+(?:small|tiny)\b|\bhard\s+to\s+read\b|\b(?:can'?t|cannot)\s+read\b|太小了?|看不清楚?",
               " bigger ", c.t)
    t = re.sub(r"\btoo\s+(?:big|large|huge)\b|太大了?", " smaller ", t)
    # "the subs are too low (the tiktok buttons cover them)": up, away from the edge ("too low" was not understood)
    t = re.sub(r"\b(?P<w>(?:the\s+|my\s+|our\s+)?(?:subs|subtitles|captions?|titles?|texts?|words|cta|call\s+to\s+action))\s+"
               r"(?:is|are|sits?|sit)\s+(?:way\s+|much\s+|a\s+bit\s+|a\s+little\s+|kinda\s+|kind\s+of\s+)?too\s+(?P<d>low|high)\b"
               r"(?:\s+(?:up|down)\b)?",   # "a bit too high up": down, not up
               lambda m: f"move {m['w']} {'up' if m['d'] == 'low' else 'down'}", t)
    # "标题太靠上了", "字幕太低了": the other way ("靠上" alone moved it up)
    t = re.sub(r"(?<=标题|字幕|文字|文案|按钮)(?:的?位置)?(?:有点|有些|稍微)?太(?:靠上|高|上面|往上)了?", "往下一点", t)
    t = re.sub(r"(?<=标题|字幕|文字|文案|按钮)(?:的?位置)?(?:有点|有些|稍微)?太(?:靠下|低|下面|往下)了?", "往上一点", t)
    t = re.sub(r"\bsubs\b", "subtitles", t)
    # "王工那张加个名字 “首席设计师 王建国”": a name on that picture is a caption of it (it was a title at 3-6 s)
    t = re.sub(r"(?<=加)(?:个|上|一个)?(?:名字|姓名|名牌|人名|介绍)(?=\s*«q»)", "个字幕", t)
    # "第5秒的时候出个字“新品上市”": those words added then (not understood)
    t = re.sub(r"(?:出|冒|弹)(?:个|一个|一行|一句)(?:字|文字)(?=\s*«q»)", "加个字", t)
    if c.quotes and _has(r"\b(?:call|name|rename|title)\s+(?:it|the\s+(?:video|ad|reel|thing))\b|(?:标题)?(?:叫做?|命名为|起名)", t):
        # "call it 'Weekend Vibes' instead": the title
        if c.text_segs(Role.TITLE):
            return [O.UpdateText(target=text_target(c, Role.TITLE), text=c.quotes[-1])]
        return [O.AddText(text=c.quotes[-1], timing=O.Timing(duration_ms=3000))]
    role = text_role(t)
    caption_shot = bool(c.quotes) and re.match(r"(?:please\s+)?(?:caption|label|tag)\s", t, re.I) is not None \
        and _text_shot(c) is not None  # "caption the cat 'Meet Chelsea'": a new caption over that shot
    if caption_shot:
        role = Role.CAPTION
    if role is not None and _has(r"\b(?:move|shift|put|bring|push|slide|drag)\b|移到|挪到|放到", t):
        # "move the title (up) to the start / end / 0:05": when it shows ("to 5 seconds" set the VIDEO to 5 s)
        t = _RX_MOVE_TO_TIME.sub("at ", t)
    # "字幕改成黄色": every caption (Chinese has no plural), unless one is named by its words ("把Eye Pan字幕改成…")
    plural = RX_TEXT_PLURAL.search(t) is not None or (c.zh and role is Role.CAPTION
                                                       and texts_named(c, c.text_segs(role)) is None
                                                      # ("第二个caption删掉" removed every caption)
                                                      and not re.search(rf"{_ZH_ORD}\s*一?\s*(?:个|条|句|段)?\s*(?:字幕|captions?|subtitles?)", t)
                                                      # "删除字幕「门头」": the one saying it (every caption went)
                                                      and not any(q.casefold() == s.text.casefold() for q in c.quotes
                                                                  for _, s in c.text_segs(role)))
    has_text_word = role is not None or _has(r"\b(?:texts?|overlays?|words?|tagline|slogan)\b|文字|文案|口号|那句|那行|的字(?![体号])|字(?:体|号)?(?=再|大|小|改|换|放|调|的?颜色|变|加粗|粗|细|用|\s*(?:bigger|smaller)\b)|"
                                             r"(?:所有|全部|画面上)的?字(?!幕)", t) \
        or (c.zh and RX_ZH_LETTERS.search(t) is not None and box_color_in(t)[0] is not None) \
        or (_has(r"\b(?:fonts?|typeface|lettering)\b", t) and (bold_in(t) is not None or size_in(t) is not None
                                                                  or color_in(t) is not None)) \
        or (not c.quotes and _has(_ADD, t) and (contact_in(c.raw) or offer_in(c.raw) or facts_added(c.raw)) is not None) \
        or text_of_kind(t, c.text_segs(None)) is not None  # "add our website www.example.com", "add 30% off"; "the date"
    if not has_text_word and not c.quotes:
        if c.zh and (said := re.fullmatch(r"(?:去掉|删掉|删除|拿掉|不要)(?P<k>日期|时间|营业时间|价格|网址|地址|电话|邮箱|优惠码|微信号?)"
                                          r"(?:吧|了)?(?:\s+[\u4e00-\u9fff]{1,8})?", t.strip(" 。！!"))):
            # "地址去掉吧" with no address on screen (not understood): there is none
            raise _Cannot(f"画面上没有{said.group('k')}；画面上的文字：" + " / ".join(f"「{s.text}」" for _, s in c.text_segs(None)[:6]))
        if _has(BOX_OFF, t) and (boxed := [(r, s) for r, s in c.text_segs(None) if s.background is TextBackground.BOX]):
            # "remove the box", "去掉底框": the boxes behind the letters (it answered "there is no 'box'")
            every = c.text_segs(None)
            return [O.UpdateText(target=text_by_id(every, r, s), background=TextBackground.SHADOW,
                                 color=letters_on(c, None, None, s.color, off=True)) for r, s in boxed]
        if _has(BOX_OFF, t) and c.text_segs(None):
            raise _Cannot("没有文字带底框" if c.zh else "no text has a box")
        return None
    names_existing = any(q.casefold() == part.casefold() for q in c.quotes for _, s in c.text_segs(None)
                         for part in s.text.split(" · "))
    if len(c.quotes) == 1 and not names_existing and (said := _RX_QUOTE_APPEARS.search(t)) \
            and timing_in(c, None) is not None:
        # "'Free shipping' appears at 15s", "「五折」在第10秒出现", "第12秒出现“包邮”": words not on
        # screen yet, shown then (they were not understood)
        verb = _RX_APPEAR_VERB.search(t, said.start(), said.end())
        assert verb is not None
        t = f"{t[:verb.start()]}{'显示' if P.CJK.search(verb.group(0)) else 'show'}{t[verb.end():]}"
    if not has_text_word and c.quotes and not _has(_ADD, t) and not names_existing:
        return None
    box_off = _has(BOX_OFF, t)  # "remove the box from the title": the box goes, the title stays
    # remove ("the title should read Summer Drop": the words it is to say are no verbs)
    verbs = _verbs(t)
    if (_has(_REMOVE + r"|\bno\s+(?:more\s+)?(?:text|titles?|captions?|overlays?)\b|"
             # "cut the title" (not "cut the title to 2 seconds", "cut the title short")
             r"\bcut\s+(?:out\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?:titles?|captions?|subtitles?|cta|texts?|call\s+to\s+action|"
             r"headline|tagline)\b(?![^,.;]*\b(?:shorter|short|down|to|by|at|from|until|till|after|before)\b)|"
             # "don't show the title", "we don't need the captions" (not "don't show the title until 2 s")
             r"\b(?:don'?t|do\s+not)\s+(?:show|need|want)\b(?![^,.;]*\b(?:until|till|before|after|first|at|from|"
             r"on|over|bigger|smaller|so|too)\b)|"
             # "hide the cta", "hide the captions at the end" (not "hide the title until 2 s")
             r"\bhide\b(?![^,.;]*\b(?:until|till|before|after|behind|under)\b)|"
             r"\b(?:go|goes)\s+away\b(?![^,.;]*\b(?:too|before)\b)|\bdisappear\b(?![^,.;]*\b(?:too|before)\b)|\btake\s+(?:the\s+|that\s+|this\s+)?\w+(?:\s+\w+)?\s+(?:off|out|away|down)\b", verbs)
            and not box_off
            and not _has(r"\b(?:replace|change|rename)\b|改成|换成", t)):
        if not c.quotes and _has(r"\b(?:(?:the\s+)?couple(?:'?s)?\s+)?names\b|人名|名字", t):
            # "把 couple names 去掉吧": the text that is names ("Emily & Jason"; it removed the first caption, a price)
            every = c.text_segs(None)
            named = [(r, s) for r, s in every if _NAMES_TEXT.fullmatch(s.text.strip())]
            if len(named) == 1:
                return [O.RemoveText(target=text_by_id(every, *named[0]))]
        on = texts_on_shot(c, role)
        if on is not None:  # "no text on the first shot": that shot's, not every text
            if not on:
                raise _Cannot("那张上没有文字" if c.zh else "there is no text on that shot")
            every = c.text_segs(None)
            return [O.RemoveText(target=text_by_id(every, r, s)) for r, s in on]
        if (cleared := _texts_off_for(c, role)) is not None:
            return cleared
        # "hmm too busy w all the text. drop the address line": the sentence that asks (its "all"
        # is a complaint, and removed every text)
        sentences = [p for p in re.split(r"(?<=[.!?])\s+|[\n。！？]", t) if p.strip()]
        asks = [p for p in sentences if _has(_REMOVE, p)]
        if len(sentences) > 1 and len(asks) == 1:
            t = asks[0]
            plural = RX_TEXT_PLURAL.search(t) is not None
            if not plural and text_role(t) is None and text_meant(t, c.text_segs(None)) is None \
                    and not _has(r"\b(?:texts?|overlays?|words?|writing|all|every)\b|文字|字", t):
                # "too much text tbh. drop the 3 for 2 bit" with no such text on screen (it removed every text)
                raise _Cannot("画面上没有这句文字" if c.zh else f"no text on screen says '{_what_dropped(t)}'")
        if role is None and (kind := kind_called(t)) and kind not in ("when",) \
                and not any(holds(kind, s.text) for _, s in c.text_segs(None)):
            # "too busy w all the text. drop the address line" with no address on screen (it removed every text)
            said = RX_KIND.search(t)
            word = " ".join((said.group(0) if said else "").split()).lower()
            raise _Cannot(f"画面上没有写{word or '这一项'}的文字" if c.zh else
                          f"no text on screen shows {('the ' + word.removeprefix('the ')) if word else 'that'}")
        if not plural and (meant := text_meant(t, c.text_segs(role))) is not None:
            every = c.text_segs(None)
            kind = kind_called(t) if text_called(t, c.text_segs(role)) is None else None
            if kind and ((rest := kind == "when" and without_when_said(t, meant[1].text) or None) is not None
                         or (rest := without(kind, meant[1].text)) is not None):
                # "remove the website" from "Tickets $12 at sciencehall.org": the address goes, the rest stays
                c.notes.append("只去掉了那部分（说“撤销”可恢复）。" if c.zh else "Only that part went (say 'undo' to have it back).")
                return [O.UpdateText(target=text_by_id(every, *meant), text=rest)]
            return [O.RemoveText(target=text_by_id(every, *meant))]  # "remove the date": that one
        if role is None and not plural and (named := re.search(r"(?P<x>[^，,。\s]{2,12}?)(?:那句|这句|那行|这行|那条)", t)) \
                and not _has(r"所有|全部|都", t):
            # "国庆那句删掉" with no such line: none goes (it removed every text)
            raise _Cannot(f"画面上没有「{named.group('x')}」那句；画面上的文字：" + " / ".join(
                f"「{s.text}」" for _, s in c.text_segs(None)[:6]))
        if plural or _has(r"\ball\b|\bevery\b|所有|全部|\bno\s+(?:more\s+)?(?:text|titles|captions|overlays)\b", t) or (role is None and not c.quotes and not _has(rf"\b(?:the|this|that)\s+(?:{_ORD_FULL}\s+)?(?:text|overlay)\b", t)):
            return [O.RemoveText(role=role.value if role else None)]  # type: ignore[arg-type]
        return [O.RemoveText(target=text_target(c, role))]
    existing = c.text_segs(role)
    new_text = None
    verb_add = (_has(_ADD, t) or caption_shot) and not _has(r"\b(?:change|rename|edit|update|replace|make\s+the|set\s+the)\b|改成|改为|换成|修改|更改", t)
    adding = verb_add and (bool(c.quotes) or not existing or unquoted_words(c.raw, t) is not None
                           or role is Role.CAPTION and re.search(r"字幕\s*[:：]", c.raw) is not None)  # ("加字幕：新品上市")
    if c.quotes and adding:
        new_text = c.quotes[-1]
    elif c.quotes:
        if len(c.quotes) >= 2:
            new_text = c.quotes[-1]
        elif (role is not None and (_RX_RENAME.search(c.raw) or _RX_SHOULD_SAY.search(c.raw))
              and any(c.quotes[0].casefold() == s.text.casefold() for _, s in c.text_segs(role))):
            # "change the title to 'Urban Dreams'" with that title there: said, not "I did not understand"
            word = {Role.TITLE: "标题", Role.CAPTION: "字幕", Role.CTA: "行动号召"}.get(role, "文字") if c.zh else \
                {Role.CTA: "call to action"}.get(role, role.value)
            raise _Cannot(f"{word}已经是「{c.quotes[0]}」" if c.zh else f'the {word} already says "{c.quotes[0]}"')
        elif not (existing and any(c.quotes[0].casefold() == s.text.casefold() for _, s in existing)):
            new_text = c.quotes[0]
            if (kind := kind_called(t)) and (meant := text_meant(t, existing)) is not None \
                    and (part := with_new(kind, meant[1].text, new_text)) is not None:
                # 'change the spots to "Sold out"' on "At The Clay Room · Only 12 spots left": that part
                return [O.UpdateText(target=text_by_id(c.text_segs(None), *meant), text=part)]
    else:
        words = unquoted_words(c.raw, t) if adding else None
        zh = re.search(r"(?:标题|字幕|结尾|片尾|行动号召|按钮|文字|文案)\s*[:：]\s*(\S.*)$", c.raw)
        if words:
            # "add the title summer sale": a title typed in passing, in a title's capitals
            new_text = title_case(words) if role is Role.TITLE and words[1:] == words[1:].lower() else words
        elif zh and role is not None:  # "加个结尾：立即购买", "加个标题：夏日特惠": its words (the one there, or a new one)
            # ("开头加标题：暑假来学编程吧！ 显示3秒": how long it shows is no words)
            new_text = re.sub(r"[\s，,]*(?:显示|出现|停留|持续)\s*[\d一二两三四五六七八九十.]+\s*秒钟?[。！]?$", "",
                              zh.group(1).strip()).strip("“”「」'\"")
        elif ((kren := _RX_RENAME_KIND.search(c.raw)) and not styling(kren.group("x") or kren.group("zx"))
              and (not TW.find_durations(kren.group("x") or kren.group("zx"))  # "change the time to 20 seconds"
                   or CLOCK_RANGE.fullmatch((kren.group("x") or kren.group("zx")).strip()))  # ("营业时间改成9:00-21:00")
              and (meant := text_meant(t, existing)) is not None):
            # "change the date to Saturday 8pm", "日期改成周六晚8点": the text holding it, new words
            words = (kren.group("x") or kren.group("zx")).strip().strip("'\"“”「」").rstrip(".!。！")
            kind = kind_called(t)  # "change the code to CANDLE20" on "Use code GLOW50": that part only
            part = with_new(kind, meant[1].text, words) if kind else None
            return [O.UpdateText(target=text_by_id(c.text_segs(None), *meant), text=part or capitalised(words))]
        elif role is not None and (ren := _RX_RENAME.search(c.raw)) and not styling(ren.group("x") or ren.group("rx") or ren.group("zx")):
            # "change the title to Summer Drop", "把标题改成城市之光": new words, nothing else (with no
            # title yet, that title)
            words = (ren.group("x") or ren.group("rx") or ren.group("zx")).strip().strip("'\"“”「」").rstrip(".!。！")
            if role is Role.TITLE and words == words.lower() and not P.CJK.search(words):
                words = title_case(words)  # "change the title to summer drop": a title's capitals
            else:
                words = capitalised(words)  # "change the cta to order now": as a line on screen starts
            if existing:
                return [O.UpdateText(target=text_target(c, role), text=words)]
            new_text = words
        elif role is not None and ((said := _RX_SHOULD_SAY.search(c.raw))
                                   or ((said := _RX_SHOULD_BE.search(c.raw)) and _given_words(said.group(1)))):
            # "the title should say Urban Dreams 2026", "make the caption read Free returns", "title
            # should be Bean There" (with no title yet, that title)
            new_text = (said.group(1) or said.group(2)).strip().strip("'\"").rstrip(".!?？")
            new_text = title_case(new_text) if role is Role.TITLE and new_text == new_text.lower() else capitalised(new_text)
    position = P.parse_position(t)
    box, rest = box_color_in(t)  # "a white box behind the title": the box's colour, not the letters'
    color = color_in(re.sub(r"背景|background|box", " ", rest)) if not _has(r"\bbackground\s+(?:colou?r\s+)?(?:to\s+)?\w+|背景色", rest) else None
    if color is None and box is None and _has(OTHER_COLOUR, t):
        # "change the title colour", "标题换个颜色": no colour named, so the accent in turn (white <-> yellow)
        now = [s.color.upper() for _, s in c.text_segs(role)] or [WHITE]
        color = NEXT_COLOUR.get(max(set(now), key=now.count), WHITE)
        c.notes.append("要指定颜色可以说“标题改成红色”。" if c.zh else "Say a colour to choose it, e.g. 'make the title red'.")
    bg = None
    if box_off:
        bg = TextBackground.SHADOW  # the letters keep their soft shadow, as a text without a box has
    elif box is not None:
        bg = TextBackground.BOX
    elif _has(r"\b(?:box|boxed|background\s+box|banner|label)\b|底框|背景框|文字背景|加框", t):
        bg = TextBackground.BOX
    elif _has(r"\bshadow\b|阴影", t):
        bg = TextBackground.SHADOW
    elif _has(r"\bno\s+(?:box|shadow|background)\b|去掉(?:底框|阴影)", t):
        bg = TextBackground.NONE
    if adding or (new_text is not None and not existing):
        if new_text is None:
            raise _Cannot("what should the text say? put it in quotes, e.g. \"add the title 'Spring Sale'\"")
        shot = _text_shot(c)
        if shot is not None:  # over one picture: a caption, unless another kind was named
            return [O.AddText(text=new_text, role=(role or Role.CAPTION).value, shot=shot,  # type: ignore[arg-type]
                              position=position, size=size_in(t), color=letters_on(c, box, color, WHITE, adding=True),
                              background=bg, box_color=box)]
        r = role or (Role.CAPTION if not c.quotes and new_text == facts_added(c.raw) else Role.TITLE)  # (facts: a caption)
        if role is None and c.text_segs(Role.TITLE) and _has(r"\b(?:somewhere|anywhere|some\s*where|wherever|too|also|as\s+well)\b|"
                                                             r"随便|哪里都行|也加", t):
            # "add 'free parking' somewhere": a line more, not a second title after the first; over a picture that
            # shows none yet (between the title's and the ending's)
            captioned = {s.shot for _, s in c.text_segs(Role.CAPTION) if s.shot} | {
                sh.id for sh in c.main_segs() for _, s in c.text_segs(None) if sh.start <= s.start < sh.end}
            free = [k for k, sh in enumerate(c.main_segs()) if sh.id not in captioned]
            if not free and len(c.main_segs()) > 2:
                free = [len(c.main_segs()) // 2]  # every picture has one: the middle one's time is shared with it
            if free and timing_in(c, None) is None:
                return [O.AddText(text=new_text, role=Role.CAPTION.value, shot=O.Target(index=free[0]),  # type: ignore[arg-type]
                                  position=position, size=size_in(t), color=letters_on(c, box, color, WHITE, adding=True),
                                  background=bg, box_color=box)]
            r = Role.CAPTION
        offer = offer_in(c.raw)
        address = contact_in(c.raw)
        contact = (address is not None and new_text in (address, contact_cta(c.raw, address))
                   or (offer is not None and new_text == capitalised(offer)))  # with the ending
        if role is None and (looks_cta(new_text) or contact):
            # "add 'Shop now' at the end", "add our website www.example.com": the ending's
            tm = timing_in(c, None)
            if tm is None or tm.anchor == "end":
                r = Role.CTA
        default = {Role.TITLE: O.Timing(duration_ms=3000), Role.CAPTION: O.Timing(),
                   Role.CTA: O.Timing(duration_ms=3000, anchor="end")}[r]
        timing = timing_in(c, default) or default
        if (r is Role.CTA and (contact or role is None) or r is Role.TITLE and role is None and timing.anchor == "end") \
                and (same := _cta_there(c, timing)) is not None and (contact or r is Role.TITLE or _fact_lost(same.text, new_text)):
            # "add our website www.example.com" beside "Shop now": shown with it, a row below (as a line
            # under the title is), where changing the ending's words would lose them ("add 'do not chase him,
            # just call'" over "Call 512-555-0199": a line of its own, not joined to the date's row)
            return _row_under(c, same, new_text, position, size_in(t), color, bg, box)
        if r is Role.CTA and (same := _cta_there(c, timing)) is not None:
            # "add the text 'Order now' at the end" over "Shop now": a second call to action on top of the
            # first (which was cut to ~1 s); the ending's words are what is meant
            if same.text.casefold() == new_text.casefold():
                if not (position or size_in(t) or color or box):
                    raise _Cannot(f"结尾已经是「{same.text}」" if c.zh else  # "add a shop now button" with one there
                                  f'the video already ends on "{same.text}"')
                # "add a red shop now button" with one there: its look, its words as they are
                return [O.UpdateText(target=text_by_id(c.text_segs(None), Role.CTA, same), position=position,
                                     size=size_in(t, same.size), color=letters_on(c, box, color, same.color),
                                     background=bg, box_color=box)]
            if _RX_BEFORE_END.search(t):
                # "add 'Late clinics Tuesdays till 8pm' before the CTA": a caption just before it (it took its words)
                span = min(3000, same.start)
                if span >= 1000:
                    return [O.AddText(text=new_text, role=Role.CAPTION.value,  # type: ignore[arg-type]
                                      timing=O.Timing(start_ms=same.start - span, duration_ms=span), position=position,
                                      size=size_in(t), color=letters_on(c, box, color, WHITE, adding=True),
                                      background=bg, box_color=box)]
            if _fact_lost(same.text, new_text) or _has(r"\b(?:also|too|as\s+well)\b|也要?|还要", c.raw.replace(new_text, " ")):
                # "add £22 per person to the end card" over "Opens 1st April - book at …": a row under it (its words
                # took the ending's place and lost the date and the website); "also end with 'Follow @…'" too
                return _row_under(c, same, new_text, position, size_in(t), color, bg, box)
            c.notes.append("那里已经有行动号召，直接改了它的文字，没有再叠加一个（说“撤销”可恢复）。" if c.zh else
                           "A second call to action would have covered it, so its words were changed "
                           f"(say 'undo' to get \"{same.text}\" back).")
            return [O.UpdateText(target=text_by_id(c.text_segs(None), Role.CTA, same), text=new_text,
                                 position=position, size=size_in(t, same.size), color=letters_on(c, box, color, same.color),
                                 background=bg, box_color=box)]
        if r is Role.TITLE:  # one title at a time: the one on screen then gives way (say so: it went without a word)
            total = c.tl.duration
            a = total - (timing.duration_ms or total) if timing.anchor == "end" else timing.start_ms
            b = min(total, a + (timing.duration_ms or total - a))
            titles = [s for _, s in c.text_segs(Role.TITLE)]
            over = [s for s in titles if s.start < b and a < s.end]
            if role is None and any(s.start <= a < s.end for s in over):
                # "add 'Open 7am-9pm' (the whole time)" over the opening title: no title was named, so it
                # follows the titles shown then rather than taking their place (they went unasked)
                after, chain = a, []
                while nxt := [s for s in titles if s.start <= after < s.end]:
                    chain += nxt
                    after = max(s.end for s in nxt)
                if timing_in(c, None) is None:  # no time said: the default span, after them
                    b = min(total, after + (b - a))
                if b - after >= MIN_AFTER_TITLE_MS and not any(s.start < b and after < s.end for s in titles):
                    names = "、".join(f"「{s.text}」" for s in chain) if c.zh else ", ".join(f'"{s.text}"' for s in chain)
                    c.notes.append(f"在标题{names}之后显示（{after / 1000:g}秒到{b / 1000:g}秒）：同一时间只有一个标题；"
                                   "说“把标题换成……”可从头显示。" if c.zh else
                                   f"Shown after the title{'s' if len(chain) > 1 else ''} {names} "
                                   f"({after / 1000:g}-{b / 1000:g}s): one title at a "
                                   "time; say 'replace the title with …' to show it from the start.")
                    timing, over = O.Timing(start_ms=after, duration_ms=b - after), []
                elif len(chain) == 1 and a <= chain[0].start and _has(r"\b(?:at|in)\s+the\s+(?:very\s+)?(?:beginning|start)\b", t):
                    # "add 'New for 2025' at the very beginning": no room after the title, so a row under it (it took the
                    # title's place)
                    title = chain[0]
                    c.notes.append(f"和标题同时显示，在它下面一行（{title.start / 1000:g}-{title.end / 1000:g}秒）。" if c.zh else
                                   f"Shown with the title, a row below it ({title.start / 1000:g}-{title.end / 1000:g}s).")
                    return [O.AddText(text=new_text, role=Role.CAPTION.value,  # type: ignore[arg-type]
                                      timing=O.Timing(start_ms=title.start, duration_ms=title.duration),
                                      position=position or nudged(title.position, 1), size=size_in(t) or TextSize.MEDIUM,
                                      color=letters_on(c, box, color, WHITE, adding=True), background=bg, box_color=box)]
            gone = [s.text for s in over]
            if gone:
                names = "、".join(f"「{x}」" for x in gone) if c.zh else ", ".join(f'"{x}"' for x in gone)
                c.notes.append(f"它取代了那时的标题{names}（说“撤销”可恢复）。" if c.zh else
                               f"It takes the place of the title {names} shown then (say 'undo' to get it back).")
        return [O.AddText(text=new_text, role=r.value, timing=timing,  # type: ignore[arg-type]
                          position=position, size=size_in(t), color=letters_on(c, box, color, WHITE, adding=True),
                          background=bg, box_color=box)]
    on = texts_on_shot(c, role)
    bold = bold_in(t)
    every_caption = (role is Role.CAPTION and not _has(r"\b(?:this|that|one)\s+caption\b", t) and not _RX_AT.search(t)
                     and texts_named(c, existing) is None)  # "make the caption text smaller": the captions' look
    if ((role is None and (RX_ALL_TEXT_LOOK.search(t) or (box is not None and RX_ZH_LETTERS.search(t))) or every_caption)
            and not plural and not c.quotes and on is None
            and (bold is not None or color is not None or box is not None or bg is not None
                 or _has(r"\b(?:bigger|larger|smaller|huge|tiny)\b|大一点|大点|小一点|小点|放大|缩小|更大|更小", t))
            and not re.search(rf"\b{_ORD_FULL}\s+{_TEXT_WORD}|{_ZH_ORD}\s*一?\s*(?:个|条|句|段)?\s*(?:标题|字幕|文字|captions?|subtitles?)", t)
            and not RX_TEXT_WHERE.search(t) and text_meant(t, c.text_segs(None)) is None):
        every = c.text_segs(None)
        if (kind := kind_called(t)) and role is None and (held := [(r, s) for r, s in every if holds(kind, s.text)]) \
                and len(held) < len(every):
            # "make the price text yellow w a black box": the texts with a price (every text was made so)
            return [O.UpdateText(target=text_by_id(every, r, s), size=size_in(t, s.size), bold=bold,
                                 color=letters_on(c, box, color, s.color, off=box_off), background=bg, box_color=box)
                    for r, s in held]
        plural = True  # "make the text bold", "bigger text", "make the text white", "add a shadow to the text", "字大一点", "红底白字": every text's letters
        # (and "make the caption smaller" with three: the captions' look, as "字幕小一点" is, not one to be named)
    if plural and not (on and len(on) == 1) and not any(q.casefold() == s.text.casefold() for q in c.quotes for _, s in existing):
        # "make the captions yellow" / "所有字幕放到顶部": every text of that kind
        if not existing and role is Role.CAPTION and _has(r"\b(?:bigger|larger|too\s+small|tiny)\b|大一?点|太小|看不清", t) \
                and c.text_segs(None) \
                and not (c.tl.track(Role.VOICE) is not None and color is not None):
            # "captions r too small for tiktok" with no captions: the words on screen ("there is no caption yet")
            existing = c.text_segs(None)
            c.notes.append("没有字幕，改的是画面上的文字。" if c.zh else "There are no captions: the words on screen changed.")
        if not existing:
            voice = c.tl.track(Role.VOICE)
            if role is Role.CAPTION and voice is not None and voice.segments:
                # "captions in yellow" with none yet: how to have them made with that look
                raise _Cannot("还没有字幕；说“加上黄色字幕”可根据旁白生成字幕并设成那样" if c.zh else
                              "there are no captions yet; say e.g. 'add yellow captions' to make them from the "
                              "voiceover with that look")
            word = {Role.TITLE: "title", Role.CAPTION: "caption", Role.CTA: "call to action"}.get(role, "text")  # type: ignore[arg-type]
            raise _Cannot(f"there is no {word} yet")
        step = nudge(t) if position is None else 0
        if not any(x is not None for x in (new_text, position, size_in(t), color, bg, box, bold)) and not step:
            return None
        counts: dict[Role, int] = {}
        out: list[O.Op] = []
        for r, seg in existing:
            i = counts.get(r, 0)
            counts[r] = i + 1
            op = O.UpdateText(target=O.Target(role=r, index=i), text=new_text,
                              position=position or (nudged(seg.position, step) if step else None),
                              size=size_in(t, seg.size), color=letters_on(c, box, color, seg.color, off=box_off),
                              background=bg, box_color=box, bold=bold)
            if op.size == seg.size and not op.model_dump(exclude={"op", "target", "size"}, exclude_none=True):
                continue  # "bigger text" on a text at the largest size already: nothing to say it changed
            out.append(op)
        size_limit_note(c, t, [s for _, s in existing])
        if not out:
            raise _Cannot(" ".join(c.notes[-1:]).rstrip(".。") or "nothing to change")
        return out
    if on is not None and len(on) == 1:  # "move the caption on the coffee photo to the top"
        target = text_by_id(c.text_segs(None), *on[0])
    else:
        if role is not None and not c.text_segs(role) and (made := _h_made_words(c)):
            return made  # "make the title Bean There" with no title yet: that title
        target = text_target(c, role)
    cur = lookup_text(c, target)
    step = nudge(t) if position is None else 0
    if step and cur is not None:  # "move the title down": one row lower, on its side
        position = nudged(cur.position, step)
        if position == cur.position:
            edge = ("顶部" if step < 0 else "底部") if c.zh else ("top" if step < 0 else "bottom")
            c.notes.append(f"它已经在{edge}了。" if c.zh else f"It is already at the {edge}.")
    if RX_TEXT_WHERE.search(t):  # "make the text at the end yellow": that text, not a new place or time
        t = RX_TEXT_WHERE.sub(lambda m: f" {m.group('word') or ''} ", t)
        position = P.parse_position(t)
    t = _RX_ENDING.sub(" ", t)  # "把结尾改成…": the ending names the text, it is no time
    # "标题晚2秒出现", "make the title appear 2 seconds later": an amount later, not the first 2 seconds
    by_amount = re.search(rf"(?:晚|早|推迟|延后|提前)\s*{TW.ZTV}|{TW.TV}\s+(?:later|earlier|sooner)\b", t) is not None
    timing = None if by_amount else timing_in(c, None, t)
    if (timing is not None and cur is not None and timing.start_ms == 0 and timing.duration_ms
            and 0 < cur.start < timing.duration_ms and _has(r"\b(?:until|till|up\s+to)\b", t)):
        # "show the cta until 19 seconds": it ends then, from where it starts (it showed from 0:00)
        timing = O.Timing(start_ms=cur.start, duration_ms=timing.duration_ms - cur.start)
    if (timing is not None and cur is not None and timing.start_ms > 0 and timing.duration_ms is None
            and not _has(r"\b(?:end|onwards?|throughout|rest)\b|结尾|最后|之后一直", t)
            and cur.end < c.tl.duration - 1):
        # "make the title appear after 1 second": later, for as long as it was on (a text that ends the
        # video, "show the cta after the voice ends", stays to the end)
        timing = O.Timing(start_ms=timing.start_ms, duration_ms=min(cur.duration, c.tl.duration - timing.start_ms))
    later = by_amount or _has(r"\b(?:later|earlier|sooner)\b|晚一点|晚点|早一点|早点|晚些|早些", t)
    if timing is None and cur is not None and later:
        # "make the title appear later", "make the cta appear 2 seconds earlier", "标题晚一点出现": a second
        # (or what is said) later or earlier; a text that ends with the video keeps its end
        by = next((d.ms for d in TW.find_durations(t)), 1000)
        earlier = _has(r"\b(?:earlier|sooner)\b|早|提前", t)
        if cur.end >= c.tl.duration - 1:
            d = cur.duration + by if earlier else max(1000, cur.duration - by)
            timing = O.Timing(duration_ms=min(d, c.tl.duration), anchor="end")
        else:
            if earlier and cur.start == 0:  # "标题早一秒出现" for a title on from the start: nothing earlier
                raise _Cannot("它已经从视频开头就显示了" if c.zh else "it is already on screen from the start")
            start = max(0, cur.start - by) if earlier else min(cur.start + by, c.tl.duration - min(cur.duration, 1000))
            timing = O.Timing(start_ms=start, duration_ms=min(cur.duration, c.tl.duration - start))
    if timing is None:
        durs = [d for d in TW.find_durations(t) if d.ms <= c.tl.duration]
        # "title for 5 seconds", "make the title 5 seconds", "change the title to 5 seconds": the text's
        # time on screen (the last was read as the whole video's length)
        if durs and _has(r"\bfor\b|\blast|\bstay|\bshow|\bkeep|\bmake\b|\bchange\b|\bset\b|显示|持续|停留|保持|秒", t) \
                and cur is not None and not _has(r"\blonger\b|\bshorter\b", t):
            timing = (O.Timing(duration_ms=durs[0].ms, anchor="end") if cur.end >= c.tl.duration - 1  # keeps its end
                      else O.Timing(start_ms=cur.start, duration_ms=durs[0].ms))
    longer = _has(r"\blonger\b|\bmore\s+time\b|长一点|久一点|延长|多停|停久|多放|多留|多显示|多待", t)
    shorter = _has(r"\bshorter\b|短一点|缩短", t)
    if timing is not None and cur is not None and (longer or shorter) and not TW.find_durations(t):
        timing = None  # "can the website stay on screen longer at the end", "结尾的电话多停几秒": longer where it
        # ends (it was set to the last 3 s, shorter)
    if timing is None and cur is not None and (longer or shorter):
        # "show the title longer", "make the title 3 seconds longer": a call to action at the end stays at the end
        by = next((d.ms for d in TW.find_durations(t)), max(1000, cur.duration // (2 if longer else 3)))
        at_end = cur.end >= c.tl.duration - 1
        room = cur.end if at_end else c.tl.duration - cur.start
        d = min(cur.duration + by, room) if longer else max(1000, cur.duration - by)
        timing = O.Timing(duration_ms=d, anchor="end") if at_end else O.Timing(start_ms=cur.start, duration_ms=d)
    if timing is not None and timing.start_ms == 0 and timing.anchor == "start" and timing.duration_ms is None and cur and not _has(r"throughout|whole|entire|全程|整个|从头到尾|始终|一直", t):
        timing = None
    size = size_in(t, cur.size if cur else None)
    if not any(x is not None for x in (new_text, position, size, color, bg, box, timing, bold)):
        return None
    if cur is not None:
        size_limit_note(c, t, [cur])
        color = letters_on(c, box, color, cur.color, off=box_off)
    return [O.UpdateText(target=target, text=new_text, position=position, size=size, color=color,
                         background=bg, box_color=box, timing=timing, bold=bold)]


def _h_end_words(c: _Ctx) -> list[O.Op] | None:
    """"end with follow us", "结尾加个关注我们": those words as the call to action at the end (the
    one there changes its words, as "add 'Follow us' at the end" does)."""
    if c.quotes:
        return None
    files = frozenset(a.name.casefold() for a in (*c.library, *c.tl.assets) if a.name)
    words = ending_words(c.raw, zh=c.zh, files=files)
    if words is None or color_in(words) is not None or re.sub(r"\W", "", words) == "":
        return None
    said = "在结尾加上\x000\x00" if c.zh else "add the call to action \x000\x00 at the end"
    again = _ctx(said, [words], c.tl, c.library, c.new_assets)
    ops = _h_text(again)
    c.notes.extend(again.notes)
    return ops


_RX_ADD_BARE = re.compile(
    r"^\s*(?:please\s+)?(?:add|insert|put\s+in)\s+(?:an?|another|one\s+more|a\s+new|some)\s+"
    r"(?P<w>cta|call[\s-]to[\s-]action|title|headline|caption|subtitle|text|(?:end|closing|outro)[\s-]?(?:card|screen)|"
    r"title[\s-]card)(?:\s+(?:at|to|in|on|for)\b.*)?\s*[.!]?\s*$|"
    # "add the website at the end", "add our phone number": which words, it cannot know
    r"^\s*(?:please\s+)?(?:add|put|show|include)\s+(?:the|our|my|a)\s+(?P<web>website|web\s+address|url|link|phone\s+number|"
    r"email(?:\s+address)?|handle|instagram|hashtag|address|promo\s+code|discount\s+code|price)(?:\s+(?:at|to|in|on)\b.*)?\s*[.!]?\s*$|"
    r"^\s*(?:请)?(?:在(?:结尾|开头|最后|片尾))?(?:加|添加|加上)(?:个|一个|一句)?(?P<zw>行动号召|标题|结尾文字|片尾文字)\s*[。！!]?\s*$", re.I)


def _what_dropped(t: str) -> str:
    """The words a removal names: "drop the 3 for 2 bit" -> "3 for 2"."""
    words = re.sub(r"^\W*(?:please\s+|pls\s+|can\s+you\s+|and\s+)*(?:drop|remove|delete|lose|cut|take\s+out|get\s+rid\s+of)\s+"
                   r"(?:the\s+|that\s+|this\s+)?", "", t.strip())
    return re.sub(r"\s+(?:bit|part|line|one|thing)\b.*$|[\s.!?]+$", "", words) or t.strip()


_RX_DROP_LINE = re.compile(r"^\W*(?:please\s+|pls\s+|can\s+you\s+)?(?:remove|drop|delete|lose|cut|take\s+out|get\s+rid\s+of)\s+"
                           r"(?:the\s+|that\s+)?(?P<w>[^\s,.;!?]+(?:\s+[^\s,.;!?]+){0,4}?)\s+(?:line|bit|part|sentence)\b")


def _h_text_not_shown(c: _Ctx) -> list[O.Op] | None:
    """"remove the pizza+beer line", "take out the cake stall bit" with no text saying it (the first cut left it
    out): said so (they were not understood). Read last, once nothing else took the clause."""
    m = _RX_DROP_LINE.match(c.t)
    if m is None or c.quotes:
        return None
    segs = c.text_segs(None)
    words = m.group("w")
    if text_meant(c.t, segs) is not None or any(words.casefold() in s.text.casefold() for _, s in segs):
        return None
    raise _Cannot(f"no text on screen says '{words}', so there is nothing to take out")


def _h_text_needs_words(c: _Ctx) -> list[O.Op] | None:
    """"add a call to action", "加个标题": a text with nothing to say; the reply asks for the words."""
    m = _RX_ADD_BARE.match(c.raw)
    if m is None or c.quotes:
        return None
    if c.zh:
        eg = "添加标题「春季大促」前3秒" if m.group("zw") == "标题" else "在结尾加上「立即购买」"
        raise _Cannot(f"{m.group('zw')}写什么？把文字放在引号里，例如“{eg}”")
    if web := m.group("web"):
        eg = next((v for k, v in (("phone", "+1 555 0100"), ("email", "hello@example.com"), ("handle", "@example"),
                                  ("instagram", "@example"), ("hashtag", "#summer"), ("code", "SAVE20"), ("price", "$49"))
                   if k in web), "example.com")
        raise _Cannot(f"what is the {web}? Put it in quotes, e.g. \"add '{eg}' at the end\"")
    role = text_role(m.group("w").lower()) or Role.TITLE
    word, eg = {Role.CTA: ("call to action", "add 'Shop now' at the end"),
                Role.CAPTION: ("caption", "add the caption 'Free shipping' on the second photo")}.get(
        role, ("title", "add the title 'Spring Sale' for the first 3 seconds"))
    raise _Cannot(f"what should the {word} say? Put the words in quotes, e.g. \"{eg}\"")


# "只留标题吧", "keep only the title": that kind of text, the others gone
_RX_KEEP_ONLY_TEXT = re.compile(r"^只(?:留|保留|要|剩)下?(?P<k>标题|字幕|行动号召)(?:就行|就好|就可以)?了?吧?$|"
                                r"^(?:(?:just|only)\s+(?:keep|leave)|keep\s+only|leave\s+only)\s+the\s+(?P<e>title|captions|cta|call\s+to\s+action)$")
_RX_LESS_TEXT = re.compile(r"^(?:(?:please\s+)?(?:use|show|put|have|want)\s+)?(?:a\s+(?:bit|little)\s+)?(?:less|fewer)\s+"
                           r"(?:text|words|writing|captions)(?:\s+on\s+(?:the\s+)?screen)?$|"
                           r"^(?:there'?s|there\s+is|it\s+has|it'?s)?\s*(?:way\s+)?too\s+much\s+(?:text|writing|words)(?:\s+on\s+(?:the\s+)?screen)?$|"
                           r"^(?:there'?s|there\s+are|it\s+has)?\s*(?:way\s+)?too\s+many\s+(?:captions|subtitles|texts|words)(?:\s+on\s+(?:the\s+)?screen)?$|"
                           r"^(?:is\s+there|is\s+it|isn'?t\s+(?:there|it)|does\s+it\s+have)\s+(?:way\s+|a\s+bit\s+)?too\s+much\s+(?:text|writing|words)"
                           r"(?:\s+on\s+(?:the\s+)?screen)?\s*\??$|"
                           # "字是不是太多了" (asked, not understood)
                           r"^(?:字|文字|字幕)(?:是不是|会不会)?(?:太多了?|有点多了?|多了)(?:吗|呢|啊)?[?？]?$|^少(?:一?点|些)(?:字|文字|字幕)$")


def _h_less_text(c: _Ctx) -> list[O.Op] | None:
    """"less text", "too much text", "字太多了": the captions go, the title and the call to action stay
    (it asked "which text?")."""
    if m := _RX_KEEP_ONLY_TEXT.match(c.t.strip(" .!。！")):
        # "字太多了 只留标题吧", "只保留标题": the other texts go (the call to action stayed, "只留标题吧" not understood)
        keep = text_role(m.group("k") or m.group("e"))
        gone = [r for r in (Role.TITLE, Role.CAPTION, Role.CTA) if r is not keep and c.text_segs(r)]
        if not gone:
            raise _Cannot("画面上已经只有它了" if c.zh else "it is the only text on screen already")
        kept = {Role.TITLE: ("标题", "title"), Role.CAPTION: ("字幕", "captions"), Role.CTA: ("行动号召", "call to action")}[keep or Role.TITLE]
        c.notes.append(f"只留下了{kept[0]}（说“撤销”可恢复）。" if c.zh else f"Only the {kept[1]} left (say 'undo' to have the rest back).")
        return [O.RemoveText(role=r.value) for r in gone]  # type: ignore[arg-type]
    if not _RX_LESS_TEXT.search(c.t):
        return None
    if captions := c.text_segs(Role.CAPTION):
        # the facts the user typed (a price, the dates, the address under the call to action) are theirs to take
        # out; what a file's name or the speech gave goes
        from reelforge.planner.file_names import caption_from_name

        made = {caption_from_name(seg.name) for seg in c.main_segs()} - {None}
        typed = [s for _, s in captions if not s.id.startswith(CUE_ID) and s.text not in made]
        if len(typed) == len(captions):
            said = "、".join(f"「{s.text}」" for s in typed[:6]) if c.zh else ", ".join(f"'{s.text}'" for s in typed[:6])
            raise _Ambiguous(f"字幕都是你写的信息：{said}。说“去掉第二条字幕”删掉其中一条，或“去掉所有字幕”全部删掉。" if c.zh else
                             f"The captions are the facts you typed: {said}. Say which to drop, e.g. 'remove the second "
                             "caption', or 'remove all captions'.")
        if typed:
            c.notes.append("你写的信息保留（说“去掉所有字幕”可全部删掉）。" if c.zh else
                           "The facts you typed stay (say 'remove all captions' to drop them too).")
            return [O.RemoveText(target=text_by_id(captions, Role.CAPTION, s)) for _, s in captions if s not in typed]
        c.notes.append("标题和行动号召保留（说“撤销”可恢复字幕）。" if c.zh else
                       "The title and the call to action stay (say 'undo' to bring the captions back).")
        return [O.RemoveText(role=Role.CAPTION.value)]  # type: ignore[arg-type]
    left = c.text_segs(None)
    if not left:
        raise _Cannot("画面上已经没有文字了" if c.zh else "there is no text on screen")
    raise _Ambiguous("只剩标题和行动号召了：说“去掉标题”或“去掉行动号召”。" if c.zh else
                     "Only the title and the call to action are left: say 'remove the title' or 'remove the call to action'.")


_RX_NAME_CAPTIONS = re.compile(
    r"\b(?:caption|label|name|title)\s+(?:each|every|all\s+the|the)\s+(?:photo|picture|image|pic|shot|product)s?\b"
    r"|\b(?:add|put|give)\s+(?:an?\s+)?(?:captions?|labels?)\s+(?:to|on|for|under|over)\s+(?:each|every|all\s+the)\s+"
    r"(?:photo|picture|image|pic|shot|product)s?\b"
    r"(?:\s+with\s+(?:its|their)\s+names?)?|\b(?:add|show|put)\s+(?:the\s+)?(?:file\s+)?names\s+(?:as\s+captions|on\s+(?:each|every|the))\b|"
    r"\bwith\s+(?:its|their)\s+names?\b|(?:给|为)?每张(?:图片|照片|图)?(?:都)?(?:加上?|配上|标上|写上)(?:它的)?名字|加上(?:图片|产品)?名(?:字|称)")


def _h_name_captions(c: _Ctx) -> list[O.Op] | None:
    """"caption each photo with its name", "label each photo", "每张图片加上名字": a caption over each shot
    from its file name, as a first cut makes them (it transcribed the speech, or was not understood)."""
    if not _RX_NAME_CAPTIONS.search(c.t) or c.quotes:
        return None
    from reelforge.planner.file_names import caption_from_name

    segs = c.main_segs()
    named = [(seg, caption_from_name(seg.name)) for seg in segs]
    once = {seg.name for seg in segs if sum(s.name == seg.name for s in segs) == 1}
    ops: list[O.Op] = [O.AddText(text=words, role=Role.CAPTION.value,  # type: ignore[arg-type]
                                 shot=O.Target(name=seg.name) if seg.name in once else O.Target(id=seg.id))
                       for seg, words in named if words]
    if not ops:
        raise _Cannot("文件名说明不了画面内容（例如 IMG_0001）；请用引号写出每条字幕" if c.zh else
                      "the file names say nothing about the pictures (e.g. IMG_0001): put each caption's words in "
                      "quotes, e.g. \"add the caption 'Fresh brew' over the coffee photo\"")
    left = [seg.name for seg, words in named if not words]
    if left:
        c.notes.append(("没有名字可用：" if c.zh else "No name to show for: ") + ", ".join(left[:5]) + ("。" if c.zh else "."))
    return ops


MIN_AFTER_TITLE_MS = 2000  # a text asked for over the opening title follows it when this much time is left

# the names of the line under a title: "加个副标题“始于1998”", "add a tagline …"
_UNDER_TITLE_LINE = r"副标题|口号|标语|广告语|\bsub-?heading\b|\bsubhead\b|\bsub-title\b|\btag\s*line\b|\bslogan\b"
_RX_UNDER_TITLE = re.compile(r"\b(?:under(?:neath)?|below|beneath)\s+(?:the\s+)?(?:title|headline)\b|标题(?:的)?(?:下面|下方|底下)|"
                             r"\ba\s+subtitle\s*(?:[:：]|saying\b|that\s+(?:says|reads)\b|reading\b)|" + _UNDER_TITLE_LINE)
# what a line under the title is, when its words are not given: "put the date under the title"
_RX_UNDER_TITLE_WHAT = re.compile(r"\b(?:the\s+|our\s+)?(?P<w>date|day|time|hours|price|address|website|location|venue)\b|"
                                  r"(?P<z>日期|时间|价格|地址|网址|地点)")


_UNDER_TITLE_EG = {"price": ("$12", "12元"), "价格": ("$12", "12元"), "address": ("12 Elm St", "长安街12号"),
                   "location": ("12 Elm St", "长安街12号"), "venue": ("12 Elm St", "长安街12号"),
                   "地址": ("12 Elm St", "长安街12号"), "地点": ("12 Elm St", "长安街12号"),
                   "website": ("example.com", "example.com"), "网址": ("example.com", "example.com")}
_OTHER_BAND = {Position.BOTTOM: Position.TOP, Position.TOP: Position.BOTTOM, Position.CENTER: Position.BOTTOM}


def _h_text_out_of_the_way(c: _Ctx) -> list[O.Op] | None:
    """"move the captions on the rocket out of the way" (what "the captions are covering the
    rocket", "字幕挡住了火箭" mean): the texts shown over that shot (or the texts named) go to the
    other band of the frame: top for bottom, bottom for top or the middle (a face is most often
    above the middle)."""
    t = c.t
    if not _has(r"\bout\s+of\s+the\s+way\b|移开|挪开|让开", t):
        return None
    role = text_role(t)
    on = texts_on_shot(c, role)
    if on is None and c.zh and (m := re.match(r"把(.+?)上的", c.raw)):
        on = texts_on_shot(_ctx(f"the text on the {m.group(1)}", c.quotes, c.tl, c.library, c.new_assets), role)
    named = re.search(r"\bon\s+the\s+(.+?)\s+out\s+of\s+the\s+way\b|把(.+?)上的", c.raw)
    if on is None and named:  # "the text covers the astronaut's face" with no astronaut by name: not every text
        what = named.group(1) or named.group(2)
        raise _Cannot(f"不知道「{what}」是哪张画面；可以说“第一张图片上的字幕挡住了脸”" if c.zh else
                      f"which picture is the {what}? Say e.g. 'the text on the first photo is covering the face'")
    segs = on if on is not None else texts_said(c, role)
    if not segs:
        raise _Cannot("那张画面上没有文字" if c.zh else "no text shows over it")
    every = c.text_segs(None)
    ops = [O.UpdateText(target=text_by_id(every, r, s), position=_OTHER_BAND.get(s.position, Position.TOP))
           for r, s in segs]
    where = {o.position for o in ops}
    band = {Position.TOP: ("top", "顶部"), Position.BOTTOM: ("bottom", "底部")}.get(next(iter(where)), ("", ""))
    band = band if len(where) == 1 and band[0] else ("other side", "另一侧")
    c.notes.append(f"移到了画面{band[1]}。" if c.zh else
                   f"Moved to the {band[0]} of the frame, out of its way (say 'undo' to put it back).")
    return ops


# "add 'Free entry for members' under the tickets", "put 'Members free' below the call to action"
_RX_UNDER_TEXT = re.compile(r"\b(?:under(?:neath)?|below|beneath)\s+(?:the\s+)?(?P<ref>[\w' $%.-]{2,40}?)\s*[.!]?$")


# "put the date with the title instead", "show the website with the call to action": a row of that text
_RX_WITH_TEXT = re.compile(r"\b(?:put|show|move|have)\s+(?P<x>.+?)\s+(?:with|under|below|beneath)\s+(?:the\s+)?"
                           r"(?P<y>title|headline|cta|call[\s-]to[\s-]action|button)(?:\s+(?:instead|too|then))?\s*[.!]?$")


def _h_text_with_text(c: _Ctx) -> list[O.Op] | None:
    """"put the date with the title instead": that text shown when the title is, a row under it
    (as the first cut puts a tagline or an address), where it was the call to action's row."""
    if c.quotes or not (m := _RX_WITH_TEXT.search(c.t)):
        return None
    every = c.text_segs(None)
    meant = text_meant(m.group("x"), every)
    role = Role.TITLE if m.group("y") in ("title", "headline") else Role.CTA
    anchor = next((s for r, s in every if r is role), None)
    if meant is None or anchor is None or meant[1] is anchor or meant[0] is not Role.CAPTION:
        return None
    seg = meant[1]
    c.notes.append(f"和「{anchor.text}」同时显示，在它下面一行。" if c.zh else
                   f'Shown with "{anchor.text}", a row below it ({anchor.start / 1000:g}-{anchor.end / 1000:g}s).')
    return [O.UpdateText(target=text_by_id(every, Role.CAPTION, seg),
                         timing=O.Timing(start_ms=anchor.start, duration_ms=anchor.duration),
                         position=nudged(anchor.position, 1))]


_RX_BEFORE_END = re.compile(r"\b(?:before|just\s+before|right\s+before|ahead\s+of)\s+(?:the\s+)?(?:cta|call\s+to\s+action|"
                            r"end\s*card|ending|outro)\b|(?:结尾|行动号召)(?:之?前)")


def _row_under(c: _Ctx, same: TextSegment, words: str, position, size, color, bg, box) -> list[O.Op]:
    """``words`` shown with the call to action ``same``, a row below it (or joined to the row it has)."""
    if (joined := _onto_row(c, same, words)) is not None:
        return joined  # (a second row at that time took the first one's place: "结尾加一句 …" lost the address)
    c.notes.append(f"和结尾的「{same.text}」同时显示，在它下面一行。" if c.zh else
                   f'Shown with the call to action "{same.text}", a row below it.')
    # the row ends with the video when its call to action does, so a length said with it moves both
    # ("make it 20 seconds and end with www.x.com": the row stayed at 26 s, past the new end)
    timing = (O.Timing(duration_ms=same.duration, anchor="end") if same.end >= c.tl.duration - 1 else
              O.Timing(start_ms=same.start, duration_ms=same.duration))
    return [O.AddText(text=words, role=Role.CAPTION.value,  # type: ignore[arg-type]
                      timing=timing,
                      position=position or nudged(same.position, 1), size=size or TextSize.MEDIUM,
                      color=letters_on(c, box, color, WHITE, adding=True), background=bg, box_color=box)]


def _fact_lost(shown: str, words: str) -> bool:
    """Whether ``words`` in place of ``shown`` would lose a fact it holds ("add 'do not chase him, just call'"
    over "Call 512-555-0199" lost the number; "add 'order ahead at crumbandco.com.au' at the end" over
    "@crumbandco" lost the handle)."""
    return any(holds(kind, shown) and not holds(kind, words) for kind in ("phone", "web", "mail", "price", "place", "wechat", "when")) \
        or any(h.group(0).casefold() not in words.casefold() for h in HANDLE.finditer(shown))


def _onto_row(c: _Ctx, seg: TextSegment, words: str) -> list[O.Op] | None:
    """``words`` added to the row already shown with ``seg`` (a caption with its very time, not one
    of the speech's), after a dot, or None when it has none: a second row on that time took the
    first one's place ("add our website …" lost 'This Friday, 7pm to midnight')."""
    every = c.text_segs(None)
    row = next(((r, s) for r, s in every if r is Role.CAPTION and (s.start, s.end) == (seg.start, seg.end)
                and not s.id.startswith(CUE_ID)), None)  # (``seg`` itself when it is a row: "under the date")
    if row is None:
        return None
    c.notes.append(f"加在「{row[1].text}」那一行后面。" if c.zh else f'Added to the row "{row[1].text}" under it.')
    return [O.UpdateText(target=text_by_id(every, *row), text=f"{row[1].text} · {words}")]


def _h_text_under_text(c: _Ctx) -> list[O.Op] | None:
    """"add 'Free entry for members' under the tickets" (it was added as a second title): quoted
    words shown with a text named by its kind or its words, a row right under it."""
    if not c.quotes or not _has(_ADD, c.t) or not (m := _RX_UNDER_TEXT.search(c.t)):
        return None
    ref = m.group("ref")
    if re.fullmatch(r"(?:title|headline|heading)s?", ref):
        return None  # `_h_text_under_title`'s
    every = c.text_segs(None)
    if re.fullmatch(r"cta|call[\s-]to[\s-]action|button|ending|end\s+card", ref):
        hits = [(r, s) for r, s in every if r is Role.CTA]
        target = hits[-1] if hits else None
    else:
        target = text_meant(f"the {ref} text", every)
    if target is None:
        return None
    r, seg = target
    if (joined := _onto_row(c, seg, c.quotes[-1])) is not None:
        return joined
    c.notes.append(f"和「{seg.text}」同时显示，在它下面一行。" if c.zh else
                   f"Shown with \"{seg.text}\", a row below it ({seg.start / 1000:g}-{seg.end / 1000:g}s).")
    return [O.AddText(text=c.quotes[-1], role=Role.CAPTION.value,  # type: ignore[arg-type]
                      timing=O.Timing(start_ms=seg.start, duration_ms=seg.duration),
                      position=nudged(seg.position, 1), size=TextSize.MEDIUM)]


def _h_text_under_title(c: _Ctx) -> list[O.Op] | None:
    """"put 'Since 1998' under the title", "add a subtitle under the title saying Since 1998", "标题下面加一行
    “始于1998”": a line shown with the title, a row below it (it replaced the title, or ran all video long)."""
    t = c.t
    if not _RX_UNDER_TITLE.search(t) or not _has(_ADD + r"|放|\bsubtitle\b|" + _UNDER_TITLE_LINE, t):
        return None
    words = c.quotes[-1] if c.quotes else (unquoted_words(c.raw, t) or words_after_colon(c.raw))
    titles = c.text_segs(Role.TITLE)
    if words is None and titles and (what := _RX_UNDER_TITLE_WHAT.search(t)):
        if text_of_kind(t, c.text_segs(Role.CAPTION)) is not None:
            return None  # "show the date under the title" with a date row: that one moves (`_h_text_with_text`)
        # "put the date under the title": which date is not said
        eg, zh_eg = _UNDER_TITLE_EG.get(what.group("w") or what.group("z"), ("Friday 7pm", "周五晚7点"))
        raise _Cannot(f"标题下面要写什么{what.group('z') or ''}？例如：标题下面加“{zh_eg}”" if c.zh else
                      f"what {what.group('w')} should the line under the title say? For example: "
                      f"add '{eg}' under the title")
    if words is None or not titles or any(q.casefold() == s.text.casefold() for q in c.quotes for _, s in titles):
        return None  # "move the caption under the title" (no new words): the text handler's
    title = titles[0][1]
    under = [(r, s) for r, s in c.text_segs(Role.CAPTION) if s.start < title.end and title.start < s.end]
    if under and _has(r"改成|改为|换成|\b(?:change|rename|replace|update)\b", t):
        # "副标题改成“百年老店”": the line there gets the new words (it added a second one)
        return [O.UpdateText(target=text_by_id(c.text_segs(None), *under[0]), text=words)]
    c.notes.append(f"和标题同时显示，在它下面一行（{title.start / 1000:g}-{title.end / 1000:g}秒）。" if c.zh else
                   f"Shown with the title, a row below it ({title.start / 1000:g}-{title.end / 1000:g}s).")
    # (the captions of what is said stay: the row goes on a track of its own, `apply_text._rows_track`)
    gone = [s.text for _, s in c.text_segs(Role.CAPTION) if s.start < title.end and title.start < s.end
            and not s.id.startswith(CUE_ID)]
    if gone:  # one caption at a time: the one shown with the title gives way
        names = "、".join(f"「{x}」" for x in gone) if c.zh else ", ".join(f'"{x}"' for x in gone)
        c.notes.append(f"它取代了那时的字幕{names}（说“撤销”可恢复）。" if c.zh else
                       f"It takes the place of the caption {names} shown then (say 'undo' to get it back).")
    return [O.AddText(text=RX_WHERE_TAIL.sub("", words).strip() or words, role=Role.CAPTION.value,  # type: ignore[arg-type]
                      timing=O.Timing(start_ms=title.start, duration_ms=title.duration),
                      position=nudged(title.position, 1), size=TextSize.MEDIUM)]


def _h_row_part_off(c: _Ctx) -> list[O.Op] | None:
    """"remove no cover", 'take out "no cover"' on the row "Doors 7pm · No cover": that part goes and the
    row stays (it removed the whole caption, or was not understood)."""
    if not _has(_REMOVE + r"|\b(?:don'?t|do\s+not)\s+(?:show|need|want)\b|\bhide\b|\b(?:scratch|strike)\s+(?:the|that)\b",
                _verbs(c.t)):
        return None
    if _has(r"\b(?:photos?|pictures?|images?|pics?|shots?|clips?|scenes?|videos?)\b|图片|照片|视频", c.t):
        return None  # "remove the pepper photo": a shot, whatever a text says
    row = _row_part_named(c)
    if row is not None:
        return [row]
    return _text_named_off(c)


# "take out the fish tacos, were out of fish this week": what goes, up to a reason or a comma
_RX_TAKE_OUT = re.compile(r"\b(?:remove|take\s+out|take\s+off|delete|drop|get\s+rid\s+of|lose)\s+(?:the\s+)?(?P<p>[a-z][\w'&$£€.-]*"
                          r"(?:\s+[a-z$£€\d][\w'&$£€.-]*){1,5}?)\s*(?:[,.;!]|$|\s+(?:pls|please|bc|because|cause|cuz|coz|since|as|we|"
                          r"were|we're|its|it's|sold|too)\b)")


def _text_named_off(c: _Ctx) -> list[O.Op] | None:
    """The one text a removal names by two or more of its words when no shot's file name holds them all ("take out
    the fish tacos" on "Fri fish tacos $4": it removed tacos_al_pastor.jpg)."""
    m = _RX_TAKE_OUT.search(c.t)
    if m is None or c.zh:
        return None
    said = bare_words(m.group("p"))
    words = set(said.split())
    if len(words) < 2 or any(words <= set(re.split(r"[^a-z0-9]+", s.name.lower())) for s in c.main_segs() if s.name):
        return None
    every = c.text_segs(None)
    hits = [(r, s) for r, s in every if re.search(rf"(?<!\w){re.escape(said)}(?!\w)", bare_words(s.text))]
    return [O.RemoveText(target=text_by_id(every, *hits[0]))] if len(hits) == 1 else None


def _row_part_named(c: _Ctx) -> O.UpdateText | None:
    """The one part of a row of facts a clause names by its words, quoted or not, as that row without
    it; None when no single part is named."""
    said = bare_words(c.t.replace("«q»", " ".join(c.quotes)))

    def in_said(words: str) -> bool:  # (Chinese words have no spaces around them: "去掉节假日另议")
        lead, tail = ("" if P.CJK.match(words[:1]) else r"(?<!\w)"), ("" if P.CJK.match(words[-1:]) else r"(?!\w)")
        return bool(words) and re.search(rf"{lead}{re.escape(words)}{tail}", said) is not None

    every = c.text_segs(None)
    named = []
    for r, s in every:
        # (a row of facts, or two said with "&": "remove full time" from "Full time & part time")
        parts = s.text.split(" · ") if " · " in s.text else s.text.split(" & ") if r is not Role.TITLE else [s.text]
        if " · " not in s.text and any(len(p.split()) < 2 for p in parts):
            continue  # ("Salt & Pepper" is a name, not two facts)
        # (a part named by its words, or by its first two of more: "scratch the open house")
        said_parts = [i for i, part in enumerate(parts) if in_said(bare_words(part))
                      or len(words := bare_words(part).split()) > 2 and in_said(" ".join(words[:2]))]
        if len(parts) > 1 and len(said_parts) == 1:
            named.append((r, s, [p for i, p in enumerate(parts) if i != said_parts[0]]))
    if len(named) != 1:
        return None
    r, s, kept = named[0]
    c.notes.append("只去掉了那部分（说“撤销”可恢复）。" if c.zh else "Only that part went (say 'undo' to have it back).")
    return O.UpdateText(target=text_by_id(every, r, s), text=capitalised((" · " if " · " in s.text else " & ").join(kept)))


def _texts_off_for(c: _Ctx, role: Role | None) -> list[O.Op] | None:
    """"no captions in the last 5 seconds", "remove the captions from the end", "no text in the first
    3 seconds", "no title in the first second": the texts only then (every one of them was removed).
    A text wholly inside the time goes; one across its edge keeps the part outside. None when no
    range of time is said."""
    total = c.tl.duration
    said = re.sub(r"\b(?:from|until|till)\s+the\s+(?:very\s+)?end\b", "at the end", c.t)
    said = re.sub(r"\b(first|last)\s+second\b(?!\s+(?:to|from)\b)", r"\1 1 second", said)  # "no title in the first second"
    r = TW.parse_time_range(said, total)
    if r is None or r.kind in (TW.RangeKind.ALL, TW.RangeKind.POINT):
        return None
    every = c.text_segs(None)
    segs = c.text_segs(role)
    ops = _cut_out(every, segs, lambda seg: (r.start_ms, r.end_ms))
    edge = re.search(r"\b(first|last)\s+(?=\d)", said)
    if not ops and edge and role in (Role.TITLE, Role.CTA):
        # "hide the title for the last second": the title's own last second (the video's showed no title)
        n = r.end_ms - r.start_ms
        ops = _cut_out(every, segs, lambda seg: (seg.start, seg.start + n) if edge.group(1) == "first"
                       else (seg.end - n, seg.end))
    if not ops:
        raise _Cannot("那段时间没有文字" if c.zh else "no text shows then")
    return ops


def _cut_out(every: list, segs: list, span: Callable[[TextSegment], tuple[int, int]]) -> list[O.Op]:
    """The texts ``segs`` with the time ``span(seg)`` (start, end) taken out: a text wholly inside goes,
    one across its edge keeps the longer part outside."""
    ops: list[O.Op] = []
    for rl, seg in segs:
        lo, hi = span(seg)
        if seg.end <= lo or seg.start >= hi:
            continue
        target = text_by_id(every, rl, seg)
        before, after = lo - seg.start, seg.end - hi
        if before <= 0 and after <= 0:
            ops.append(O.RemoveText(target=target))
        elif before >= after:
            ops.append(O.UpdateText(target=target, timing=O.Timing(start_ms=seg.start, duration_ms=before)))
        else:
            ops.append(O.UpdateText(target=target, timing=O.Timing(start_ms=hi, duration_ms=after)))
    return ops
