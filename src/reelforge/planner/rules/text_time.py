"""When a text is on screen and how it comes and goes: the time a clause gives a text ("for the
first 3 seconds", "after 1 second", "at the end"), a text shown again, captions held longer, and a
text's fades and entrance."""

from __future__ import annotations

import re

from reelforge.planner import ops as O
from reelforge.planner import time_words as TW
from reelforge.planner.rules.refs import _REMOVE, _Cannot, _check_time, _Ctx, _has
from reelforge.planner.rules.text_look import WHITE
from reelforge.planner.rules.text_refs import (
    RX_TEXT_PLURAL,
    TEXT_NOUN,
    lookup_text,
    text_by_id,
    text_meant,
    text_role,
    text_target,
    texts_said,
)
from reelforge.timeline.model import Role

# "after the first 2 seconds" (it read "the first 2 seconds"), "after the first second", "after a second"
_RX_AFTER_FIRST_N = re.compile(r"\bafter\s+(?:the\s+)?first\s+(?=\d)")
_RX_AFTER_A_SECOND = re.compile(r"\bafter\s+(?:the\s+first|a|one)\s+(?=second\b)")


def timing_in(c: _Ctx, default: O.Timing | None, text: str | None = None) -> O.Timing | None:
    t = c.t if text is None else text
    t = _RX_AFTER_A_SECOND.sub("after 1 ", _RX_AFTER_FIRST_N.sub("after ", t))
    _check_time(c, t)  # "at 99999999:00" was placed over the last 3 s, "from 1e30s to 1e31s" throughout
    r = TW.parse_time_range(t, c.tl.duration)
    if r is None:
        return default
    if r.kind is TW.RangeKind.ALL:
        return O.Timing()
    if r.kind is TW.RangeKind.END:
        return O.Timing(duration_ms=r.duration_ms, anchor="end")
    if r.kind is TW.RangeKind.AFTER:
        return O.Timing(start_ms=r.start_ms)
    return O.Timing(start_ms=r.start_ms, duration_ms=r.duration_ms)


_RX_CAPTION_HOLD = re.compile(
    r"\b(?:captions?|subtitles?|subs|text|texts|words|writing)\b.{0,40}\b(?:longer|(?:too|a\s+bit|a\s+little|bit|kinda|quite|so|very)\s+"
    r"(?:fast|quick(?:ly)?|short|brief(?:ly)?)|"
    r"(?:go|goes|disappear|vanish|flash|fly)\w*\s+(?:by\s+|away\s+)?(?:too\s+)?(?:fast|quick(?:ly)?|soon))\b|"
    r"\b(?:longer|more\s+time)\b.{0,30}\b(?:captions?|subtitles?)\b|"
    r"\b(?:show|keep|hold|leave)\s+(?:each|every|all|the)?\s*(?:of\s+the\s+)?(?:captions?|subtitles?)\b.{0,20}\bfor\s+(?P<n>\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)\b|"
    r"字幕.{0,8}(?:久一点|长一点|太快|太短|时间长一点|多停一会)")
_HOLD_STEP_MS = 1000


def _h_caption_hold(c: _Ctx) -> list[O.Op] | None:
    """"the captions are too fast", "show the captions longer", "show each caption for 3 seconds",
    "字幕显示久一点": every caption stays on longer (a second more, or as long as said), within its
    shot and never over the next caption; where there is no room after it, it starts earlier."""
    m = _RX_CAPTION_HOLD.search(c.t)
    if m is None or _has(r"\b(?:shorter|less\s+time)\b|短一点", c.t):
        return None
    caps = sorted(c.text_segs(Role.CAPTION), key=lambda rs: rs[1].start)
    if not caps:
        raise _Cannot("没有字幕" if c.zh else "there are no captions")
    want = round(float(m.group("n")) * 1000) if m.group("n") else None
    shots = {s.id: s for s in c.main_segs()}
    order = list(c.main_segs())
    every = c.text_segs(None)
    ops: list[O.Op] = []
    for i, (_, seg) in enumerate(caps):
        lo = caps[i - 1][1].end if i else 0
        hi = caps[i + 1][1].start if i + 1 < len(caps) else c.tl.duration
        shot = shots.get(seg.shot or "")
        if shot is not None:  # a caption of a shot stays on it, clear of the transitions
            k = order.index(shot)
            lo = max(lo, shot.start + shot.transition_ms)
            hi = min(hi, order[k + 1].start if k + 1 < len(order) else shot.end)
        target = want if want is not None else seg.duration + _HOLD_STEP_MS
        end = min(hi, seg.start + target)
        start = max(lo, min(seg.start, end - target))
        if end - start > seg.duration:
            ops.append(O.UpdateText(target=text_by_id(every, Role.CAPTION, seg),
                                    timing=O.Timing(start_ms=start, duration_ms=end - start)))
    if not ops:
        raise _Cannot("每条字幕已经占满了它的镜头；可以把图片放长一点，比如“每张图片4秒”" if c.zh else
                      "each caption already fills its shot: make the shots longer, e.g. 'each photo 4 seconds'")
    if len(ops) < len(caps):
        c.notes.append(f"{len(caps) - len(ops)}条字幕已经占满了它的镜头。" if c.zh else
                       f"{len(caps) - len(ops)} of the {len(caps)} captions already fill their shots.")
    return ops


_RX_TEXT_FADE = re.compile(r"\bfad(?:e|es|ing)\b|\bfade(?:in|out)\b|淡入|淡出|渐显|渐隐")
_RX_TEXT_ENTRANCE = re.compile(
    r"\b(?:slides?|sliding|scales?|zooms?|pops?|popping|bounces?|bouncing|fly|flies|flying|spins?|rises?|grows?)\s+"
    r"(?:\w+\s+){0,3}?(?:in|on|up|into\s+place)\b|\b(?:slides?|sliding|fly|flies|flying)\s+(?:in\s+)?from\b|"
    r"\b(?:typewriter|typing\s+effect|animates?|animated|animations?)\b|\b(?:bounce|bouncy|bouncing)\s*[.!]?\s*$|"
    r"滑入|滑进|滑上来|飞入|弹出|弹入|放大出现|打字机|动画|动起来")


def _h_text_motion(c: _Ctx) -> list[O.Op] | None:
    """"make the title fade in slowly", "no fade on the captions", "标题慢慢淡入": how a text comes and
    goes (it faded the MUSIC in); "make the title slide in", "字幕加个动画": said to be the look's (it
    made every transition a slide)."""
    t = c.t
    if not _has(TEXT_NOUN, t) or c.quotes or _has(r"\b(?:transitions?|music|song|voice\w*|audio|sound|video|picture|photos?|shots?)\b|"
                                                    r"转场|音乐|旁白|声音|画面|视频", t):
        return None  # ("add the title 'Sale' fading in slowly": a new text, the text handler's)
    fade, entrance = _RX_TEXT_FADE.search(t), _RX_TEXT_ENTRANCE.search(t)
    if (entrance or fade) and re.search(r"\b(?:say|says|saying|read|reads|called|named)\b",
                                        t[:(entrance or fade).start()]):  # type: ignore[union-attr]
        return None  # "make the title say SECOND SKIN VINTAGE POP UP": its words (it made the title scale in)
    if entrance and not fade:
        # "make the title slide in", "pop the cta in", "标题从下面滑入": that text's own entrance
        kind = ("slide" if _has(r"\b(?:slides?|sliding|fly|flies|flying|rises?|rising)\b|滑|飞入|升起", t) else
                "scale" if _has(r"\b(?:scales?|scaling|zooms?|zooming|pops?|popping|bounces?|bouncing|bouncy|grows?)\b|弹|放大", t) else
                "fade" if _has(r"\bno\s+(?:animation|effect)s?\b|\bwithout\s+(?:an?\s+)?animation\b|不要动画|去掉动画", t) else None)
        if kind is None:  # "typewriter", "spin in", "animate the title": not one that is made
            raise _Cannot("文字可以淡入、滑入或放大出现：例如说“标题滑入”或“标题弹出”" if c.zh else
                          "a text can fade in, slide up into place or scale in: say e.g. 'make the title slide in' "
                          "or 'make the title pop in'")
        segs = texts_said(c, text_role(t))
        every = c.text_segs(None)
        if kind == "slide" and _has(r"\b(?:left|right|side|sideways)\b|左|右|侧", t):
            c.notes.append("文字不能从侧面滑入。" if c.zh else "A text cannot slide in from the side.")
        return [O.UpdateText(target=text_by_id(every, r, s), entrance=kind) for r, s in segs]  # type: ignore[arg-type]
    if not fade:
        return None
    ins = _has(r"\bfad\w*(?:\s+[\w'-]+){0,5}?\s+in\b|\bfade[\s-]?in\b|淡入|渐显", t)
    outs = _has(r"\bfad\w*(?:\s+[\w'-]+){0,5}?\s+out\b|\bfade[\s-]?out\b|淡出|渐隐", t)
    way = None if ins == outs else "in" if ins else "out"
    none = _has(r"\bno\s+fades?\b|\bwithout\s+(?:a\s+)?fades?\b|\bdon'?t\s+fade\b|不要(?:淡入|淡出|渐显|渐隐)|去掉(?:淡入|淡出)", t)
    ms = 0 if none else 1200 if _has(r"\bslow(?:ly|er)?\b|\bgently\b|\bgradual(?:ly)?\b|慢|缓缓", t) \
        else 150 if _has(r"\bquick(?:ly|er)?\b|\bfast(?:er)?\b|\bsnappy\b|快", t) else 600
    segs = texts_said(c, text_role(t))
    every = c.text_segs(None)
    fi = ms if way in (None, "in") else None
    fo = ms if way in (None, "out") else None
    return [O.UpdateText(target=text_by_id(every, r, s), fade_in_ms=fi, fade_out_ms=fo) for r, s in segs]


_RX_REPEAT = re.compile(r"\brepeat\b|\b(?:show|bring|put)\s+(?:it|them|the\s+\w+(?:\s+\w+)?)\s+(?:back\s+)?again\b|"
                        r"\bagain\s+at\s+the\s+end\b|\bonce\s+more\b|再(?:显示|出现)一次|再出现|重复|"
                        # "show the date at the start too": a copy there (it MOVED the date to the start)
                        r"\b(?:show|put|add)\s+.{1,40}?\s+at\s+the\s+(?:start|beginning|end)\s+(?:too|as\s+well|also)\b|"
                        r"(?:开头|结尾)也(?:显示|放|加)")


def _h_text_repeat(c: _Ctx) -> list[O.Op] | None:
    """"repeat the title at the end", "标题在结尾再出现一次": the same words once more, at the end unless
    another time is said (it MOVED the title to the end)."""
    t = c.t
    role = text_role(t)
    if role is None and (meant := text_meant(t, c.text_segs(None))) is not None:
        role = meant[0]  # "show the date at the start too": the text holding the date
    if role is None or not _RX_REPEAT.search(t) or c.quotes:
        return None
    segs = texts_said(c, role, first_title=False)
    seg = segs[0][1] if role is Role.TITLE else segs[-1][1]
    default = O.Timing(duration_ms=min(seg.duration, 3000), anchor="end")
    timing = timing_in(c, default) or default
    return [O.AddText(text=seg.text, role=role.value, timing=timing, position=seg.position,  # type: ignore[arg-type]
                      size=seg.size, color=seg.color if seg.color.upper() != WHITE else None)]


# a text going away at a time ("hide the title after 10 seconds", "make the cta disappear at 25s", "end
# the title at 2 seconds", "标题2秒后消失", "从第10秒开始隐藏标题"): it was SHOWN from then on. "remove" and
# its kin count only with "after"/"from" ("remove the caption at 5 seconds" names the caption there)
_RX_GOES = re.compile(
    r"\b(?:disappear|vanish|fade\s+(?:out|away)|hid(?:e|es|ing|den)|go(?:es)?\s+away|go(?:es)?\s+off|come(?:s)?\s+off|"
    r"stop(?:s|ped)?(?:\s+showing)?|(?<!the\s)end(?:s|ed)?(?!\s+(?:card|screen|slate|with)\b)|gone|off\s+(?:the\s+)?screen|"
    r"(?:don'?t|do\s+not)\s+show)\b|"
    r"不再显示|不显示|消失|隐藏|结束|淡出|去掉|拿掉")
_RX_REMOVE_FROM = re.compile(_REMOVE + r"[^,.;，。]{0,40}\b(?:after|from|onwards?|past)\b|\bafter\b.{0,20}" + _REMOVE)
# "hide the title for the first 2 seconds", "don't show the title until 2 s": it comes in later
_RX_GOES_EARLY = re.compile(r"\bfor\s+the\s+first\b|\b(?:until|till|before)\b|前\s*\d")


def _h_text_ends(c: _Ctx) -> list[O.Op] | None:
    """"hide the title after 10 seconds", "make the cta disappear at 25s", "标题2秒后消失": the text ends
    then (it was shown from then on); a text over by then is said so, a text coming later is gone
    (several) or said to be (one). "hide the title for the first 2 seconds": it comes in then."""
    t = c.t
    role = text_role(t)
    if (role is None and not _has(TEXT_NOUN, t)) or c.quotes or not (_RX_GOES.search(t) or _RX_REMOVE_FROM.search(t)):
        return None
    _check_time(c, t)
    r = TW.parse_time_range(t, c.tl.duration)
    if r is None or r.kind not in (TW.RangeKind.AFTER, TW.RangeKind.POINT, TW.RangeKind.START):
        return None
    late = r.kind is TW.RangeKind.START and _RX_GOES_EARLY.search(t) is not None
    if r.kind is TW.RangeKind.START and not late:
        return None
    at = r.end_ms if late else r.start_ms
    plural = RX_TEXT_PLURAL.search(t) is not None
    every = c.text_segs(None)
    if plural:
        segs = c.text_segs(role)
    else:
        one = lookup_text(c, text_target(c, role))
        segs = [(rl, s) for rl, s in every if s is one]
    if not segs:
        raise _Cannot("画面上没有这样的文字" if c.zh else "there is no such text on screen")
    ops: list[O.Op] = []
    for rl, s in segs:
        keep = (max(at, s.start), s.end) if late else (s.start, min(at, s.end))
        if keep == (s.start, s.end):
            continue  # not on screen then: unchanged
        if keep[1] - keep[0] >= 1000:
            ops.append(O.UpdateText(target=text_by_id(every, rl, s),
                                    timing=O.Timing(start_ms=keep[0], duration_ms=keep[1] - keep[0])))
        elif plural:
            ops.append(O.RemoveText(target=text_by_id(every, rl, s)))
    if ops:
        return ops
    s = segs[0][1]
    span, when = f"{s.start / 1000:g}s-{s.end / 1000:g}s", f"{at / 1000:g}s"
    if (s.start >= at) if late else (s.end <= at):
        raise _Cannot(f"「{s.text}」只在{span}显示，{when}时不在画面上" if c.zh else
                      f'"{s.text}" is on screen {span} only, not at {when}')
    raise _Cannot(f"「{s.text}」在{span}显示，这样只剩不到一秒；要去掉它请说“删除”" if c.zh else
                  f'"{s.text}" is on screen {span}: that would leave under a second of it; say \'remove\' to take it away')


# "cut the title to 2 seconds", "trim the cta down to 3 s", "shorten the captions to 2 seconds": that
# text's time on screen (it made the VIDEO 2 s long); a call to action keeps its end, others their start
_RX_TEXT_CUT_TO = [re.compile(rx) for rx in (
    r"\b(?:cut|trim|shorten|chop)\s+(?:down\s+)?(?P<what>.+?)\s+(?:down\s+)?to\s+(?P<n>\S.*)$",
    # "the title should be 2 seconds"
    r"^(?P<what>(?:the\s+)?\w+(?:\s+\w+)?)\s+(?:should|must|needs\s+to)\s+(?:only\s+)?be\s+"
    r"(?P<n>\d\S*\s*(?:s|secs?|seconds?)(?:\s+long)?)\s*$",
)]


def _h_text_cut_to(c: _Ctx) -> list[O.Op] | None:
    m = next((m for rx in _RX_TEXT_CUT_TO if (m := rx.search(c.t))), None)
    if m is None or not _has(TEXT_NOUN, m.group("what")) or _has(r"\b(?:video|whole|everything|it)\b", m.group("what")):
        return None
    durs = TW.find_durations(m.group("n"))
    if not durs:
        return None
    ms = durs[0].ms
    every = c.text_segs(None)
    ops: list[O.Op] = []
    for r, s in texts_said(c, text_role(c.t)):
        if s.end - s.start <= ms:
            continue  # already that short
        start = s.end - ms if r is Role.CTA else s.start
        ops.append(O.UpdateText(target=text_by_id(every, r, s), timing=O.Timing(start_ms=start, duration_ms=ms)))
    if not ops:
        raise _Cannot("画面上的文字已经不超过这个时长" if c.zh else f"that text is on screen {ms / 1000:g} s or less already")
    return ops


# "put the title over the coffee shot instead", "show the cta on the last photo", "标题放在猫那张上":
# a text shown while that shot is (it was not understood)
_RX_TEXT_ON_SHOT = re.compile(
    r"\b(?:put|show|move|place|display|have|keep|bring|shift)\s+(?:the\s+|my\s+|our\s+)?(?P<what>[\w\s-]{2,30}?)\s+"
    r"(?:over|on(?:to)?|during|with|in|across)\s+(?:the\s+)?(?=\S)|"
    r"^(?:the\s+)?(?P<what2>[\w\s-]{2,30}?)\s+(?:should\s+(?:be|show|appear)|goes|belongs)\s+(?:over|on|during|with|in)\s+(?=\S)|"
    r"(?:把)?(?P<zh>标题|行动号召|按钮|结尾文字)\s*(?:放在|放到|移到|挪到|显示在|改到)(?=.+?(?:上|时|的时候))")
_RX_PLACE_WORDS = re.compile(
    r"\b(?:top|bottom|middle|cent(?:er|re)|left|right|corner|side|upper|lower|screen|frame|video|end|start|beginning|"
    r"second|seconds|sec|secs|\d+\s*s)\b|顶部|底部|上面|下面|中间|左|右|角|开头|结尾|秒")


def _h_text_on_shot(c: _Ctx) -> list[O.Op] | None:
    """"put the title over the coffee shot instead", "show the cta on the last photo", "标题放在猫那张上":
    that text on screen while the shot is (from when it is fully in to its end)."""
    from reelforge.planner.rules.refs import _find_targets, _main_seg

    m = _RX_TEXT_ON_SHOT.search(c.t)
    if m is None:
        return None
    what = m.group("what") or m.group("what2") or m.group("zh")
    role = text_role(what)
    if role is None or role is Role.CAPTION and RX_TEXT_PLURAL.search(what):
        return None
    rest = c.t[m.end():]
    if _RX_PLACE_WORDS.search(re.sub(r"\b(?:the\s+)?(?:\w+\s+)?(?:shot|photo|picture|image|pic|clip)\b", " ", rest)
                              if not c.zh else rest.split("上")[0]):
        return None  # "put the title on the top", "show the title for 3 seconds": a place or a time
    refs = [r for r in _find_targets(c) if r.end > m.end() and r.target.at_ms is None and not r.more]
    if not refs:
        return None
    shot = _main_seg(c, refs[0].target)
    if shot is None:
        return None
    target = text_target(c, role)
    seg = lookup_text(c, target)
    start = shot.start + min(shot.transition_ms, shot.duration // 3)
    length = max(1000, shot.end - start)
    if seg is not None and min(seg.end, shot.end) - max(seg.start, shot.start) >= 0.8 * seg.duration:
        said = " ".join(seg.text.split())
        raise _Cannot(f"「{said}」已经在那一段显示" if c.zh else f'"{said}" already shows over that shot')
    return [O.UpdateText(target=target, timing=O.Timing(start_ms=start, duration_ms=length))]
