"""Handlers for the look: transitions, Ken Burns motion, background and fit, the logo."""

from __future__ import annotations

import re
from dataclasses import replace

from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import time_words as TW
from reelforge.planner.file_names import name_tokens
from reelforge.planner.grade_words import _COLOUR_BACK, _NO_GRADE, AS_SHOT, grade_change
from reelforge.planner.rules.refs import (
    _ADD,
    _MUSIC,
    _ORD_FULL,
    _REMOVE,
    _TEXT_WORD,
    _VOICE,
    _Ambiguous,
    _Cannot,
    _Ctx,
    _find_asset,
    _find_targets,
    _has,
    _main_seg,
    _maybe_target,
    _named_shot_ids,
    _ord_index,
)
from reelforge.planner.rules.shots import _ALL_BUT, _by_name_or_place, _paced
from reelforge.planner.rules.text_look import color_in
from reelforge.timeline.model import (
    MOTION_AMOUNT,
    MOTION_AMOUNT_MAX,
    MOTION_AMOUNT_MIN,
    AssetKind,
    Fit,
    Motion,
    Position,
    Role,
    Transition,
    motion_amount_within,
)

_LOGO_OFF = (_REMOVE + r"|^(?:please\s+)?hide\b|\bhide\s+the\s+(?:corner|small|little)\s+(?:one|logo)\b|\b(?:don'?t|do\s+not)\s+(?:show|need|want|put)\b|"
             r"\bno\s+(?:logo|watermark)\b|\bwithout\s+(?:the\s+|a\s+|our\s+)?(?:logo|watermark)\b|隐藏|不要|去掉|别")


def _logo_hidden_for(c: _Ctx) -> list[O.Op] | None:
    """"remove the logo for the last 5 seconds", "no logo in the first 3 seconds", "hide the logo at
    the end": the logo shows the rest of the time (it was removed altogether, or shown ONLY then);
    "don't show the logo until the end": only at the end. None when no time is said."""
    t = c.t
    if not _has(_LOGO_OFF, t):
        return None
    total = c.tl.duration
    shots = c.main_segs()
    if shots and _has(r"\b(?:during|on|over|in|for)\s+the\s+(?:end\s+card|end\s+screen|outro|(?:last|final)\s+(?:shot|picture|pic|"
                      r"photo|slide|scene|card)|logo\s+(?:card|shot|at\s+the\s+end))\b|(?:结尾|最后)(?:那张|一张|的)?(?:logo|画面|镜头)", t):
        # "hide the corner one during the end card": up to where the last shot comes in (it showed ONLY then)
        t = f"remove the logo for the last {max(100, total - shots[-1].start) / 1000:g} seconds"
    until = re.search(r"\b(?:until|till|before)\b|直到|之前", t)
    # "remove the logo from the end", "… until the end": at the end (no range of time was read)
    r = TW.parse_time_range(re.sub(r"\b(?:from|until|till|before)\s+the\s+(?:very\s+)?end\b", "at the end", t), total)
    if r is None or r.kind in (TW.RangeKind.ALL, TW.RangeKind.POINT):
        return None
    logos = [s for tr in c.tl.tracks_by_role(Role.LOGO) for s in tr.segments]
    if not logos:
        raise _Cannot("没有水印" if c.zh else "there is no logo")
    logo = logos[0]
    if until and r.kind is TW.RangeKind.END:  # "don't show the logo until the end": then only
        timing = O.Timing(duration_ms=r.end_ms - r.start_ms, anchor="end")
    elif r.kind is TW.RangeKind.END or (r.end_ms >= total and r.start_ms > 0):  # the rest: up to where it goes
        timing = O.Timing(start_ms=0, duration_ms=max(1, r.start_ms))
    elif r.kind is TW.RangeKind.START or r.start_ms == 0:  # from where it comes back
        timing = O.Timing(start_ms=r.end_ms)
    else:
        raise _Cannot("水印只能整段显示，或从某时开始、到某时结束" if c.zh else
                      "a logo shows in one stretch: say e.g. 'no logo in the first 3 seconds' or 'remove the logo "
                      "for the last 5 seconds'")
    if timing.start_ms >= total or (timing.duration_ms or total) < 100:
        raise _Cannot("那样水印就完全不显示了；要去掉水印请说“去掉水印”" if c.zh else
                      "then the logo would not show at all; say 'remove the logo' to take it off")
    return [O.AddLogo(asset_id=logo.src, position=logo.position.value, scale=logo.scale,  # type: ignore[arg-type]
                      opacity=logo.opacity, timing=timing)]


_RX_QR = re.compile(r"\bqr(?:[\s-]?codes?)?\b|二维码", re.I)


def _h_logo(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    from reelforge.planner.rules.text_refs import text_role

    if _RX_QR.search(t) and not c.quotes and not text_role(t) and _has(_ADD + r"|\b(?:show|put|place|need|want|include)\b|能不能|可以", t):
        # "can you add a qr code", "能不能加个二维码": the QR picture given, in a corner as a logo is; none
        # is made here (it was not understood)
        asset = _find_asset(c, t, (AssetKind.IMAGE,))
        qrs = [a for a in c.library if a.kind is AssetKind.IMAGE and _RX_QR.search(a.name.replace("_", " "))]
        if asset is None and len(qrs) == 1:
            asset = qrs[0]
        if asset is None:
            raise _Cannot("二维码需要先上传它的图片（例如 qr.png），再说“把qr.png放在右下角”" if c.zh else
                          "I cannot make a QR code; upload its picture (e.g. qr.png) and say 'add qr.png in the "
                          "bottom right corner'")
        return _logo_ops(c, t, asset)
    if not _has(r"\b(?:logo|watermark|brand\s+mark)\b|水印|标志|台标|logo", t):
        # "add badge.png in the top right corner": a picture in a corner is an overlay, not a shot
        if not (_has(_ADD, t) and _has(r"\bcorners?\b|(?:左上|右上|左下|右下)角|角落", t)):
            return None
        asset = _find_asset(c, t, (AssetKind.IMAGE,))
        return None if asset is None else _logo_ops(c, t, asset)
    if _has(r"\b(?:replace|instead\s+of)\b|换成|替换", t) and _find_targets(c):
        return None  # "replace the mountain photo with logo.png" replaces a shot
    if _has(r"\b(?:pop|slide|fade|zoom|scale|fly|bounce|spin)s?\s+(?:\w+\s+){0,2}?(?:in|on|out)\b|\banimat\w*|"
            r"\bpops?\s+up\b|弹出|滑入|淡入|淡出|动画", t) and not _has(r"\b(?:add|put|use|place)\b|加上?|添加", t):
        # "make the logo pop in": a logo shows as it is, throughout or when set (it re-added the logo)
        raise _Cannot("水印没有出场动画：它全程显示，或只在设定的时间显示（例如“把logo放在最后3秒”）" if c.zh else
                      "a logo has no entrance of its own: it shows throughout, or when set (e.g. 'only show the "
                      "logo at the end')")
    if _RX_TEXT_BY_LOGO.search(t):
        return _text_by_logo(c)
    moving = _has(r"\b(?:first|last|to\s+the\s+(?:end|start|front|beginning)|before|after|longer|shorter)\b|"
                  r"放到|移到|最前|最后", t)
    shot = next((s for s in c.main_segs() if re.search(r"logo|watermark|水印", s.name.lower())), None)
    if not c.tl.tracks_by_role(Role.LOGO) and shot is not None and _has(r"\b(?:bigger|larger|huge|tiny|small|too\s+small)\b|"
                                                                        r"大一点|大一些|放大|太小", t):
        # "can the logo be bigger its tiny" with the logo as the last shot (it was not understood)
        raise _Cannot(f"{shot.name}是视频里的一个镜头（{shot.start / 1000:g}-{shot.end / 1000:g}秒），完整显示在画面中间；说“{shot.name}铺满画面”"
                      f"会放大到铺满（边缘会被裁掉），或说“{shot.name}放在右上角”全程显示为角标" if c.zh else
                      f"{shot.name} is a shot of its own ({shot.start / 1000:g}-{shot.end / 1000:g} s), shown whole in the middle "
                      f"of the frame; say 'make {shot.name} fill the frame' (its edges are cropped) or 'add {shot.name} in the "
                      "top right' for a corner logo throughout")
    if (not c.tl.tracks_by_role(Role.LOGO) and (moving or not _has(_ADD, t)) and _find_targets(c) and shot is not None):
        return None  # the logo is a shot of the video: "put the logo first" moves it (it added a watermark)
    if (hidden := _logo_hidden_for(c)) is not None:
        return hidden
    if _has(_REMOVE, t) or _has(r"^(?:please\s+)?hide\b|\b(?:don'?t|do\s+not)\s+(?:show|need|want)\b|隐藏", t) and not _has(
            r"\b(?:until|till|before|after|first|last|at|from|for|during|in|on)\b|直到|之前|之后|前|后", t):
        return [O.RemoveTrack(role=Role.LOGO)]  # ("hide the logo" added one)
    asset = _find_asset(c, t, (AssetKind.IMAGE,))
    if asset is None:
        logos = [a for a in c.library if a.kind is AssetKind.IMAGE and re.search(r"logo|watermark|brand|水印", a.name.lower())]
        if len(logos) == 1:
            asset = logos[0]
        else:
            raise _Cannot("add the logo image to the project first (upload it), then say where to put it")
    return _logo_ops(c, t, asset)


_RX_TEXT_BY_LOGO = re.compile(rf"{_TEXT_WORD}.{{0,40}}\b(?:under|below|beneath|above|over|beside|next\s+to|near|by)\s+"
                              r"(?:the\s+)?(?:logo|watermark)\b|(?:标题|字幕|文字).{0,10}(?:logo|水印|标志)(?:下面|上面|旁边)")


def _text_by_logo(c: _Ctx) -> list[O.Op]:
    """"put the title under the logo": the text to the row the logo is in (top or bottom), never a new
    logo or a logo shot (it added one, or the logo file as a shot)."""
    from reelforge.planner.rules.text_refs import text_role, text_target

    logo = next((s for tr in c.tl.tracks_by_role(Role.LOGO) for s in tr.segments), None)
    if logo is None:
        raise _Cannot("视频上还没有水印；可以说“右上角加上logo.png”" if c.zh else
                      "there is no logo on the video yet; add one with e.g. 'add logo.png in the top right'")
    row = Position.TOP if logo.position in (Position.TOP_LEFT, Position.TOP_RIGHT, Position.TOP) else Position.BOTTOM
    role = text_role(c.t)
    c.notes.append("文字按行排：和水印在同一行（顶部或底部）。" if c.zh else
                   f"Text goes in rows: the {row.value} one, with the logo.")
    if role is Role.CAPTION:  # every caption
        return [O.UpdateText(target=O.Target(role=Role.CAPTION, index=i), position=row)
                for i in range(len(c.text_segs(Role.CAPTION)))] or [O.UpdateText(target=text_target(c, role), position=row)]
    return [O.UpdateText(target=text_target(c, role), position=row)]


_CORNERS = {Position.TOP_LEFT: "top-left", Position.TOP_RIGHT: "top-right", Position.BOTTOM_LEFT: "bottom-left",
            Position.BOTTOM_RIGHT: "bottom-right", Position.TOP: "top-right", Position.BOTTOM: "bottom-right",
            Position.CENTER_LEFT: "top-left", Position.CENTER_RIGHT: "top-right"}
_SMALLER = r"\b(?:smaller|tinier|shrink|less\s+big)\b|小一点|小点|调小|缩小|更小"
_BIGGER = r"\b(?:bigger|larger|enlarge|more\s+visible)\b|大一点|大点|调大|放大|更大"
_FAINTER = r"\b(?:(?:more\s+)?transparent|fainter|faint|subtle|see[\s-]?through|lighter)\b|透明|淡一点|淡一些|淡点"
_SOLID = r"\b(?:opaque|solid|less\s+transparent|not\s+transparent)\b|不透明"


def _logo_ops(c: _Ctx, t: str, asset) -> list[O.Op]:
    """The logo in a corner; a logo already on the video keeps its corner, size and opacity but
    for what is said ("make the logo smaller" moved a top-right logo to the bottom right at the
    default size)."""
    cur = next((s for tr in c.tl.tracks_by_role(Role.LOGO) for s in tr.segments), None)
    pos = P.parse_position(t)
    corner = _CORNERS.get(pos) if pos is not None else None  # type: ignore[arg-type]
    if corner is None:
        corner = _CORNERS.get(cur.position, "bottom-right") if cur is not None else "bottom-right"  # type: ignore[union-attr]
    scale = cur.scale if cur is not None else 0.15  # type: ignore[union-attr]
    opacity = cur.opacity if cur is not None else 1.0  # type: ignore[union-attr]
    pct = P.parse_percent(t)
    if pct and _has(r"\bopacity\b|不透明度", t):
        opacity = max(0.05, min(1.0, pct))
    elif pct and _has(_FAINTER, t):  # "50% transparent"
        opacity = max(0.05, min(1.0, 1 - pct))
    elif pct:
        scale = max(0.02, min(1.0, pct))
    elif _has(r"\btoo\s+(?:small|tiny)\b|\b(?:it'?s|its|is)\s+tiny\b|太小|有点小|小了", t):
        scale = min(0.5, round(scale * 1.4, 3))  # "logo太小了" made it smaller (its "小")
    elif _has(r"\btoo\s+(?:big|large|huge)\b|太大|有点大|大了", t):
        scale = max(0.04, round(scale * 0.7, 3))
    elif _has(_SMALLER, t):
        scale = max(0.04, round(scale * 0.7, 3))
    elif _has(_BIGGER, t):
        scale = min(0.5, round(scale * 1.4, 3))
    elif _has(r"\b(?:small|tiny)\b|小", t):
        scale = 0.1
    elif _has(r"\b(?:big|large)\b|大", t):
        scale = 0.25
    if not pct and _has(_FAINTER, t) and not _has(_SOLID, t):
        opacity = max(0.15, round(opacity * 0.6, 3))
    elif _has(_SOLID, t):
        opacity = 1.0
    r = TW.parse_time_range(t, c.tl.duration)  # "only at the end", "for the first 2 seconds", "throughout"
    timing = None if r is None else O.Timing() if r.kind is TW.RangeKind.ALL else \
        O.Timing(duration_ms=r.end_ms - r.start_ms, anchor="end") if r.kind is TW.RangeKind.END else \
        O.Timing(start_ms=r.start_ms, duration_ms=(r.end_ms - r.start_ms) or None)
    return [O.AddLogo(asset_id=asset.id, position=corner, scale=scale, opacity=opacity, timing=timing)]  # type: ignore[arg-type]


_RX_NTH_TRANSITION = re.compile(rf"\b(?P<o>{_ORD_FULL})\s+(?:transition|cut|crossfade|fade)\b"
                                r"|(?P<zo>最后|倒数第\s*[一二两三\d]|第\s*[一二两三四五六七八九十\d]+)\s*(?:一)?\s*(?:个|处)?\s*(?:转场|过渡)")


def _transition_target(c: _Ctx, t: str) -> O.Target | None:
    """The shot a transition leads into: "into the third photo", "between the first and second
    photos" / "between the first two photos" / "between the clip and the beach photo" (the later
    of two neighbours), "the last transition"; None = every transition."""
    if nth := _RX_NTH_TRANSITION.search(t):  # "make the last transition a fade to black", "最后一个转场"
        word = nth.group("o") or nth.group("zo").replace(" ", "")
        if word in ("last", "final", "closing", "ending", "outro", "最后"):
            return O.Target(index=-1)
        k = _ord_index(word)
        if k is not None and k >= 0 and k + 1 < len(c.main_segs()):
            return O.Target(index=k + 1)  # the first transition leads into the second shot
    m = re.search(r"\b(?:into|before|to)\s+(.*)$|(?:到|进入)\s*(.*)$", t)
    if m:
        refs = _find_targets(c, m.group(0))
        if refs:
            return refs[0].target
    between = re.search(r"\bbetween\s+(.*)$", t)
    if between:
        segs = c.main_segs()
        at = {s.id: i for i, s in enumerate(segs)}
        found = {at[s.id] for r in _find_targets(c, between.group(1)) for tg in r.all
                 if (s := _main_seg(c, tg)) is not None}
        clips = c.count("video")
        if re.search(r"\bthe\s+(?:video\s+)?clip\b", between.group(1)) and len(clips) == 1:
            found.add(at[clips[0].id])  # "between the clip and the beach photo"
        if len(found) == 2:
            a, b = sorted(found)
            if b - a != 1:
                raise _Cannot("those two shots are not next to each other: a transition joins neighbouring shots")
            return O.Target(index=b)
    return None


# "a different transition": each kind gives way to one that looks unlike it
_NEXT_TRANSITION = {Transition.CUT: Transition.CROSSFADE, Transition.CROSSFADE: Transition.SLIDE_LEFT,
                    Transition.SLIDE_LEFT: Transition.WIPE_LEFT, Transition.SLIDE_RIGHT: Transition.WIPE_LEFT,
                    Transition.WIPE_LEFT: Transition.FADE_BLACK, Transition.WIPE_RIGHT: Transition.FADE_BLACK,
                    Transition.FADE_BLACK: Transition.CROSSFADE}


_OTHER_TRANSITION = re.compile(
    r"\b(?P<k>zoom|spin|spinning|whip(?:[\s-]pan)?|glitch|swirl|cube|flip|morph|ripple|page[\s-]turn|iris|circle|"
    r"push|dip|luma|light[\s-]leak|film[\s-]burn|shake|bounce|rotate|rotation|sparkly|sparkle|sparkling|glitter|glittery|"
    r"star|stars|heart|hearts|flash|3d)\s+(?:in\s+|out\s+)?transitions?\b|"
    r"(?P<zk>缩放|旋转|故障|翻转|翻页|抖动|推拉|光效)转场")


def _h_transition(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(r"\bslide\s+(?!transitions?\b|in\b|out\b)", t) and _find_targets(c) and _has(r"\b(?:after|before|to|between)\b", t):
        return None  # "slide the beach photo in after the shoe photo" is a move
    if _has(r"\b(?:slide|pop|scale|zoom)s?\s+(?:the\s+)?(?:it|them|title|titles|captions?|texts?|cta|call\s+to\s+action|"
            r"words|headline|button)\s+(?:\w+\s+)?(?:in|on|up)\b", t) and not _has(r"\btransitions?\b|转场", t):
        return None  # "slide the title in", "…and slide it in": how a text comes in (`_h_text_motion`)
    if _has(r"\b(?:title|titles|captions?|texts?|cta|call\s+to\s+action|headline|button)\s+(?:\w+\s+)?"
            r"(?:slides?|sliding)\b", t) and not _has(r"\btransitions?\b|转场", t):
        return None  # "make the title slide from left to right": the title's entrance, not the shots' transitions
    if _has(r"\bslides?\b", t) and not _has(r"\btransitions?\b|转场", t) \
            and any("slide" in t[r.start:r.end] for r in _find_targets(c)):
        return None  # "remove the slides" with slide_title.png, slide_agenda.png: those pictures (it made hard cuts)
    if _has(r"\b(?:zoom(?:s|ing)?|pan(?:s|ning)?|motion|ken\s+burns|movement)\b", t) and not _has(r"\btransitions?\b|转场", t):
        return None  # "no zoom on the slides please": the stills' motion (`_h_motion`), the slides are pictures
    if _has(r"\bcuts\b.{0,24}\btoo\s+(?:fast|quick|rapid|frequent|slow)\b", t) and not _has(r"\btransitions?\b|转场", t):
        return None  # "the cuts are too fast": the pace (`_h_speed`), not "hard cuts"
    spec = P.parse_transition(t)
    generic = _has(r"\btransitions?\b|转场|过渡|切换效果", t)
    if spec is None and not generic:
        return None
    if spec is None and (m := _OTHER_TRANSITION.search(t)):
        # "use a zoom transition", "旋转转场": named, not offered (it became crossfades, "already")
        kind = m.group("k") or m.group("zk")
        raise _Cannot(f"没有{kind}转场；可用的转场：叠化、黑场过渡、左右滑动、左右擦除，或硬切" if c.zh else
                      f"there is no {kind} transition; the transitions are crossfade, fade through black, slide and "
                      "wipe (left or right), or hard cuts: say e.g. 'slide transitions'")
    if spec is None and _has(r"\b(?:fun|funky|playful|cool|fancy|fancier|dynamic|exciting|more\s+interesting|livelier)\s+"
                             r"transitions?\b|(?:好玩|有趣|酷炫|炫酷|炫|动感)(?:一点|一些)?的?转场|转场(?:再|更)?(?:炫|酷|好玩|有趣|动感)一?[点些]", t):
        return [O.SetTransition(kind=Transition.SLIDE_LEFT)]  # "fun transitions" (not understood): the playful look's
    if spec is None:
        durs = TW.find_durations(t)
        if not durs:
            if _has(_REMOVE, t):  # "remove the last transition": that one only
                return [O.SetTransition(target=_transition_target(c, t), kind=Transition.CUT)]
            if _has(r"\b(?:smooth|smoother|soft|softer)\b|柔和|平滑", t):
                if _has(r"\b(?:slower|longer|gentler|slow\s+down)\b|慢一点|慢点|更慢|长一点|延长", t):
                    # "转场慢一点 柔和点": crossfades, longer than now ("already a crossfade")
                    held = [s.transition_ms for s in c.main_segs()[1:] if s.transition is not Transition.CUT and s.transition_ms]
                    return [O.SetTransition(kind=Transition.CROSSFADE, duration_ms=min(2000, (max(held) if held else 500) * 3 // 2))]
                return [O.SetTransition(kind=Transition.CROSSFADE)]
            quicker = _has(r"\b(?:faster|quicker|shorter|snappier|tighter|speed\s+up)\b|快一点|快点|更快|短一点|缩短", t)
            if quicker or _has(r"\b(?:slower|longer|gentler|slow\s+down)\b|慢一点|慢点|更慢|长一点|延长", t):
                # "make the transitions faster": half (or half again) the length they have now
                now = [s for s in c.main_segs() if s.transition is not Transition.CUT and s.transition_ms]
                if not now:
                    raise _Cannot("the shots cut straight to each other: there is no transition to make faster or slower")
                kinds = [s.transition for s in now]
                ms = max(s.transition_ms for s in now)
                return [O.SetTransition(kind=max(set(kinds), key=kinds.count),
                                        duration_ms=max(100, ms // 2) if quicker else min(2000, ms * 3 // 2))]
            if _has(r"\b(?:change|different|another|other|switch|new|swap|try)\b|换个|换一个|换一种|换种|换下|换一下|别的|其他|不同", t):
                # "change the transitions", "use a different transition", "换个转场": the next kind in turn
                target = _transition_target(c, t)
                shots = c.main_segs()[1:]
                if target is not None and target.index is not None and 0 < target.index < len(shots) + 1:
                    shots = [shots[target.index - 1]]  # "change the transition into the third photo"
                kinds = [s.transition for s in shots]
                now = max(set(kinds), key=kinds.count) if kinds else Transition.CUT
                held = [s.transition_ms for s in shots if s.transition_ms]
                return [O.SetTransition(target=target, kind=_NEXT_TRANSITION.get(now, Transition.CROSSFADE),
                                        duration_ms=max(held) if held else None)]
            if _has(r"\b(?:add|use|want|need|put|insert|include|with|some)\b|加上|加|用|要|添加", t):
                # "add transitions", "图片之间加上转场": the kind already used, else crossfades
                kinds = [s.transition for s in c.main_segs() if s.transition is not Transition.CUT]
                return [O.SetTransition(kind=max(set(kinds), key=kinds.count) if kinds else Transition.CROSSFADE)]
            return None
        kinds = [s.transition for s in c.main_segs() if s.transition is not Transition.CUT]
        kind = max(set(kinds), key=kinds.count) if kinds else Transition.CROSSFADE
        return [O.SetTransition(kind=kind, duration_ms=durs[0].ms)]
    if (spec.transition is Transition.FADE_BLACK and not _has(r"\btransitions?\b|\bbetween\b|\bshots\b|转场|之间", t)
            and _has(r"\bat\s+the\s+(?:very\s+)?(?:end|start|beginning)\b|\b(?:end|start|open|close|finish)s?\s+(?:it\s+)?with\b|"
                     r"\b(?:ending|opening)\b|结尾|开头|片尾|片头|最后", t)
            and not _find_targets(c)):
        # "use a fade to black at the end" set every transition to a fade through black
        raise _Cannot("a fade from or to black at the very start or end of the video is not something I can do "
                      "yet; I can fade the music out ('fade out the music over 2 seconds') or fade through black "
                      "between all shots ('fade through black')")
    target = _transition_target(c, t)
    if spec.transition is not Transition.CUT and _has(_REMOVE + r"|\b(?:turn|switch)\s+off\b|\bno\s+(?:more\s+)?|\bwithout\b|\bdisable\b|不要|去掉|关掉|取消", t):
        return [O.SetTransition(target=target, kind=Transition.CUT)]  # "turn off the crossfades"
    ms = spec.duration_ms
    if ms is None and spec.transition is not Transition.CUT:
        near = [d.ms for d in TW.find_durations(t) if d.ms <= 5000]
        ms = near[0] if near else None
    return [O.SetTransition(target=target, kind=spec.transition, duration_ms=ms)]


# "pan the city photo to the left": the way, after what pans (up to five words); "from right to left"
# goes left ("pan right to left on the city photo" panned right)
_PAN_TO = r"\bpan(?:s|ning)?\s+(?:[\w.'-]+\s+){0,5}?(?:to\s+(?:the\s+)?|towards?\s+(?:the\s+)?)?"


def _pan_from(a: str, b: str, zh: str) -> str:
    """A pan said by where it starts and ends ("pan … from right to left"; "pan" before or after)."""
    way = rf"\b(?:from\s+)?(?:the\s+)?{a}\s+to\s+(?:the\s+)?{b}\b"
    return rf"\bpan(?:s|ning)?\b.*?{way}|{way}.*?\bpan(?:s|ning)?\b|{zh}"


_MOTION_WORDS = [
    (r"\bzoom(?:ing|s)?\s*in(?:to)?\b|\bpush\s+in(?:to)?\b|放大|推近|推进", Motion.ZOOM_IN),  # ("zoom into the cat": auto)
    (r"\bzoom(?:ing)?\s*out\b|\bpull\s+(?:out|back)\b|缩小|拉远", Motion.ZOOM_OUT),
    (_pan_from("right", "left", "从右(?:往|向|到)左"), Motion.PAN_LEFT),
    (_pan_from("left", "right", "从左(?:往|向|到)右"), Motion.PAN_RIGHT),
    (_pan_from("bottom", "top", "从下(?:往|向|到)上"), Motion.PAN_UP),
    (_pan_from("top", "bottom", "从上(?:往|向|到)下"), Motion.PAN_DOWN),
    (_PAN_TO + r"left(?:wards?)?\b|向左(?:平移|移动|摇)", Motion.PAN_LEFT),
    (_PAN_TO + r"right(?:wards?)?\b|向右(?:平移|移动|摇)", Motion.PAN_RIGHT),
    (_PAN_TO + r"up(?:wards?)?\b|向上(?:平移|移动|摇)", Motion.PAN_UP),
    (_PAN_TO + r"down(?:wards?)?\b|向下(?:平移|移动|摇)", Motion.PAN_DOWN),
]


def _h_motion(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(_TEXT_WORD, t) and not _has(r"\bmotion\b", t) or _has(r"\bslow[\s-]?mo(?:tion)?\b|慢动作", t):
        return None
    if _has(r"那句|那行|的字(?![体号])|显眼|醒目", t):
        return None  # "把298起那句放大", "满减的字 要显眼一点 放大": a text bigger (the pictures zoomed in)
    want = P.wants_motion(t)
    if want is not False and _has(_REMOVE + r"|\b(?:turn|switch)\s+off\b", t) and _has(r"\b(?:zoom(?:s|ing)?|motion|ken\s+burns|pan(?:s|ning)?|movements?|animations?)\b|动画|动效|缩放", t):
        want = False  # "get rid of all the zooming"
    if want is not False and _has(r"\b(?:don'?t|do\s+not|doesn'?t)\s+(?:like|want|love|need)\s+(?:the\s+|all\s+the\s+|that\s+|this\s+)?"
                                  r"(?:zoom(?:s|ing)?|motion|panning|pans|moving|movement|ken\s+burns)\b|\bhate\s+(?:the\s+)?zoom|"
                                  r"\b(?:pictures?|photos?|images?|pics?|stills?)\s+(?:stay|be|remain|keep)\s+still\b|"
                                  r"\bkeep\s+(?:the\s+)?(?:pictures?|photos?|images?|pics?|stills?)\s+still\b|"
                                  r"不喜欢(?:这个|那个)?(?:缩放|动画|晃动|推拉)|图片(?:不要|别)动", t):
        want = False  # "I don't like the zooming, it makes me dizzy" ("motion auto"), "can the pictures stay still?"
    specific = next((m for rx, m in _MOTION_WORDS if _has(rx, t)), None) if want is not False else None
    ask = P.motion_ask(t) if want is not False else None
    if ask is not None:
        return _motion_amount(c, ask, specific)
    if want is not False and _has(r"\bslow\s+(?:\w+\s+){0,2}down\b|\b(?:slower|faster|quicker|speed)\b|\btoo\s+(?:fast|quick|slow)\b|"
                                  r"慢一点|快一点|速度|太快|太慢", t) \
            and _has(r"\b(?:zoom(?:s|ing)?|pan(?:s|ning)?|motion|movements?|ken\s+burns)\b|缩放|推拉|平移|动画", t):
        # a zoom or pan runs over its whole shot: slower is less far (or a longer shot)
        raise _Cannot("say 'slower zoom' or 'faster zoom' (a move runs over its whole shot, so a slower one goes less "
                      "far), or make the shot longer (e.g. 'make the first photo 5 seconds')" if not c.zh else
                      "可以说“缩放慢一点”或“缩放快一点”，或把镜头加长（例如“第一张图片5秒”）")
    if want is None and specific is None and not _has(r"\banimate\b|\bmovement\b|\bmove\s+more\b|动起来|动画|动效", t):
        return None
    if specific is Motion.ZOOM_OUT and _has(r"缩小", t) and not _has(r"图|照片|画面|镜头|motion|效果", t):
        return None
    targets = [x for r in _find_targets(c) for x in r.all] or [None]  # "zoom out on photos 3 and 4": each
    if targets == [None] and _has(_ALL_BUT, t) and (
            m := re.search(rf"\b(?:except|but|other\s+than|apart\s+from|besides)\s+(?:for\s+)?(?:the\s+)?(?P<o>{_ORD_FULL})\b", t)):
        # "every photo except the first a zoom": the bare ordinal counts what "every photo" counts
        targets = [x for r in _find_targets(c, f"the {m.group('o')} photo") for x in r.all] or [None]
    if targets != [None] and _has(_ALL_BUT, t):
        # "give every photo except the first a zoom", "除了第一张都去掉动画": the other stills
        targets = _all_stills_but(c, targets)  # type: ignore[arg-type]
    if targets == [None] and _has(r"\b(?:on|to)\s+(?:it|them|that(?:\s+one)?|this(?:\s+one)?)\b|把它|把它们|把这个|把那个", t):
        raise _Ambiguous("是哪张图片？例如说“把第二张图片放大”。" if c.zh else
                         "Which shot? Say e.g. 'zoom in on the second photo' or its name.")  # "把它放大", nothing said before
    motion = Motion.NONE if want is False else specific or "auto"
    return [O.SetMotion(target=x, motion=motion) for x in targets]


def _motion_amount(c: _Ctx, ask: P.MotionAsk, specific: Motion | None) -> list[O.Op] | None:
    """How far the stills' moves go: "subtler zoom", "stronger Ken Burns on the rocket", "slower
    pans", "a 20% zoom". Stills that do not move yet get a move first when asked for more."""
    named = [x for r in _find_targets(c) for x in r.all]
    segs = [s for s in c.main_segs() if s.id in set(_named_shot_ids(c, named))] if named else list(c.main_segs())
    stills = [s for s in segs if c.asset_kind(s) == "image"]
    if named and not stills:
        return None  # "make the clip slower": a clip's own speed
    if not stills:
        raise _Cannot("视频里没有图片（缩放和平移只用于图片）" if c.zh else "there are no photos to move (zooms and pans move stills)")
    if ask.amount is not None and not MOTION_AMOUNT_MIN <= ask.amount <= MOTION_AMOUNT_MAX:
        lo, hi, usual = (round(v * 100) for v in (MOTION_AMOUNT_MIN, MOTION_AMOUNT_MAX, MOTION_AMOUNT))
        raise _Cannot(f"缩放和平移的幅度可以是画面的{lo}%到{hi}%（通常是{usual}%）" if c.zh else
                      f"a zoom or pan can go {lo}-{hi} % of the view ({usual} % is the usual)")
    moving = [s for s in stills if s.motion is not Motion.NONE]
    targets: list[O.Target | None] = list(named) or [None]
    ops: list[O.Op] = []
    if not moving:
        if ask.factor is not None and ask.factor < 1:
            raise _Cannot("现在图片没有动画；说“加上动画”可以加上缓慢的缩放或平移" if c.zh else
                          "no picture moves now; 'add motion' gives them a slow zoom or pan")
        ops = [O.SetMotion(target=x, motion=specific or "auto") for x in targets]
        if ask.amount is None:
            return ops  # "more zoom" on stills that do not move: the usual move (its own ask goes further)
    elif named and specific is not None and any(s.motion is not specific for s in moving):
        ops = [O.SetMotion(target=x, motion=specific) for x in targets]  # "zoom in more on the rocket" (it panned)
    now = sorted({s.motion_amount for s in moving}) or [MOTION_AMOUNT]
    amount = ask.amount
    if amount is None and len(now) == 1:
        amount = motion_amount_within(now[0] * (ask.factor or 1.0))
    if amount is not None and not ops and now == [amount]:
        pct = round(amount * 100)
        if ask.factor is not None and ask.factor > 1:
            raise _Cannot(f"缩放和平移已经是最大幅度（{pct}%）" if c.zh else f"the zooms and pans already go as far as they can ({pct} %)")
        if ask.factor is not None:
            raise _Cannot(f"缩放和平移已经是最小幅度（{pct}%）" if c.zh else f"the zooms and pans are already as gentle as they go ({pct} %)")
        raise _Cannot(f"缩放和平移已经是{pct}%" if c.zh else f"the zooms and pans already go {pct} % of the view")
    ops += [O.SetMotionAmount(target=x, amount=amount, factor=None if amount is not None else ask.factor) for x in targets]
    if ask.by_speed:
        slower = (ask.factor or 1.0) < 1
        c.notes.append(f"缩放或平移贯穿整个镜头，所以{'慢' if slower else '快'}一点就是幅度{'小' if slower else '大'}一点"
                       f"（镜头{'加长' if slower else '缩短'}也会变{'慢' if slower else '快'}）。" if c.zh else
                       f"A zoom or pan runs over its whole shot, so a {'slower' if slower else 'faster'} one goes "
                       f"{'less far' if slower else 'further'} (a {'longer' if slower else 'shorter'} shot "
                       f"{'slows' if slower else 'speeds'} it too).")
    return ops


def _all_stills_but(c: _Ctx, named: list[O.Target]) -> list[O.Target]:
    """The stills other than the shots named (motion moves stills only), each by its name or place."""
    keep = set(_named_shot_ids(c, named))
    rest = [s for s in c.main_segs() if c.asset_kind(s) == "image" and s.id not in keep]
    if not rest:
        raise _Cannot("那就没有别的图片了" if c.zh else "there are no other photos")
    c.complement = True
    return [_by_name_or_place(c, s) for s in rest]


def _h_style(c: _Ctx) -> list[O.Op] | None:
    """A named look: "bold style", "简约风格" (`reelforge.timeline.styles`)."""
    from reelforge.timeline.styles import style_in

    name = style_in(c.t)
    if name and _has(r"^(?:please\s+)?(?:remove|undo|drop|lose|ditch|get\s+rid\s+of|no\s+more|turn\s+off)\b|"
                     r"^(?:把)?(?:去掉|不要|取消)", c.t):
        # "drop the bold look", "no more playful style" SET that style: back to the default (clean)
        if name == "clean":
            raise _Cannot("简洁是默认风格；可以换成“醒目风格”“简约风格”或“活泼风格”" if c.zh else
                          "clean is the default look; say 'bold', 'minimal' or 'playful style' for another")
        return [O.SetStyle(style="clean")]
    if name:
        return [O.SetStyle(style=name)]  # type: ignore[arg-type]
    return _h_font(c)


def _h_font(c: _Ctx) -> list[O.Op] | None:
    """"use a different font", "serif font", "换个字体", "text font looks a bit cheap, something more elegant like a
    serif": one typeface is bundled, said plainly (it was "not understood", or "Which text?"), unless a named look
    is asked for with it (`_h_style`)."""
    from reelforge.timeline.styles import style_in

    if _has(_TEXT_EFFECT, c.t) and not style_in(c.t):
        # "make the text glitchy/punk looking" ("Which text?"): no such letters, said with what there is
        raise _Cannot("文字没有故障、霓虹、3D之类的特效；可以换风格：“醒目风格”（粗大有冲击力）、“活泼风格”、“简约风格”，或说“文字加粗”"
                      if c.zh else
                      "there are no glitch, neon, 3D or distressed letters; a style changes how the text looks and moves: "
                      "'bold style' (heavy, punchy), 'playful style', 'minimal style', or 'make the text bold'")
    if _has(_OTHER_FONT, c.t) and not style_in(c.t) and not _has(_FONT_LOOK, c.t):
        raise _Cannot("只带了一种字体（思源黑体 / Noto Sans，含中日韩文字和表情）；可以换风格改变字重和动画："
                      "“醒目风格”“简约风格”“活泼风格”，或说“文字加粗”" if c.zh else
                      "one typeface is bundled (Noto Sans, with Chinese, Japanese, Korean and emoji); a style "
                      "changes its weight and animation: 'bold style', 'minimal style', 'playful style', or "
                      "'make the text bold'")
    return None


# a mood asked for in words: the look and the pace that make it (said in the reply, one undo step)
# "make it more cinematic", "电影感": a film's grade beside the look and the pace (`_h_mood`)
_CINEMATIC = re.compile(r"\b(?:cinematic|filmic|film[\s-]like|movie[\s-]like|like\s+a\s+(?:movie|film|trailer))\b|电影感|大片感|电影质感")
CINEMATIC_GRADE = {"saturation": 0.85, "contrast": 1.15, "warmth": 0.15}
_MOODS = (
    (_CINEMATIC, "minimal", "slower", "minimal style, slower pictures and a film grade (more contrast, softer colour, "
     "a little warm)", "简约风格，图片节奏放慢，电影调色（对比度高一点，颜色柔和，偏暖）"),
    (re.compile(r"\b(?:more\s+)?(?:exciting|energetic|dynamic|punchy|punchier|livelier|lively|hype|high[\s-]energy|upbeat)\b|"
                r"\bmore\s+(?:energy|impact|punch)\b|有活力|动感|更有冲击力|燃一点|嗨一点"), "bold", "faster",
     "bold style and quicker pictures", "醒目风格，图片节奏加快"),
    (re.compile(r"\b(?:more\s+(?:fun|playful|cute|cheerful)|funner|funnier|playful|cuter|quirky|whimsical|light[\s-]?hearted)\b|"
                r"^(?:make\s+it|it\s+should\s+(?:be|feel)|(?:it\s+)?(?:looks?|feels?))\s+(?:fun|cute|cheerful)\b|"
                r"(?:好玩|可爱|俏皮|活泼|有趣)(?:一点|一些)"), "playful", None, "playful style (bouncy text, slides)", "活泼风格（跳动的文字，滑动转场）"),
    (re.compile(r"\b(?:calmer|relaxing|relaxed|chill|soothing|peaceful|gentler|more\s+calm)\b|平静|舒缓|安静一点|温柔"),
     "minimal", "slower", "minimal style and slower pictures", "简约风格，图片节奏放慢"),
    # "its too much going on, tone it down, less bouncy": quieter text and transitions, the pace kept
    (re.compile(r"\b(?:tone\s+(?:it|things|everything)\s+down|less\s+(?:bouncy|busy|flashy|hectic|chaotic|going\s+on)|"
                r"too\s+(?:much\s+going\s+on|busy|flashy|hectic|chaotic)|calm\s+(?:it|things)\s+down)\b|"
                r"(?<!颜色)(?<!颜色别)(?<!颜色不要)(?<!颜色有点)太花了?|太乱了?|太闹了?|收敛一点|别那么跳"),  # ("颜色别太花": its colours)
     "minimal", None, "minimal style (slow crossfades, quiet text)", "简约风格（慢叠化，文字安静）"),
    (re.compile(r"\b(?:elegant|classy|premium|luxurious|luxury|sophisticated|high[\s-]end|upscale)\b|高级|优雅|大气|高端"),
     "minimal", None, "minimal style (slow crossfades, quiet text)", "简约风格（慢叠化，文字安静）"),
    (re.compile(r"\b(?:professional|corporate|business[\s-]?like|polished|serious)\b|专业|商务|正式"),
     "clean", None, "clean style", "简洁风格"),
)
_FEEL = (r"\b(?:upbeat|chill|chilled|sad|happy|happier|energetic|slow|slower|fast|faster|calm|calmer|boring|cheesy|dark|"
         r"mellow|hype|fun|vibes?|feel|feels|mood|depressing|sleepy|exciting|lively|livelier|intense|aggressive|soft|"
         r"romantic|cozy|cosy|dramatic|epic|cheerful|gloomy)\b|欢快|悲伤|伤感|节奏|风格|感觉|氛围|轻快|热闹|安静|土")
_MOOD_ASK = re.compile(r"^(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:make\s+(?:it|the\s+(?:video|ad|reel))|it\s+(?:should|needs\s+to)\s+"
                       r"(?:be|look|feel)|(?:it\s+)?(?:looks?|feels?)|more|less|a\s+bit|too)\b|^(?:让|把)?(?:视频|整体|画面)?(?:更|再|要|需要)?")


def _h_mood(c: _Ctx) -> list[O.Op] | None:
    """"make it more exciting", "more professional", "make it feel calmer", "高级一点", "更有活力": a look
    and a pace (it was not understood)."""
    from reelforge.planner.rules.refs import _TEXT_WORD

    t = c.t
    if not _MOOD_ASK.search(t):
        return None
    voiced = {s.src for tr in c.tl.tracks_by_role(Role.VOICE) for s in tr.segments}
    songs = [a for a in c.library if a.kind is AssetKind.AUDIO and a.name and a.id not in voiced]
    said = set(re.findall(r"[a-z0-9]{4,}", re.sub(r"-", "", t)))
    # a song named by a word of its file name, with a word of how it feels ("swap it for the party room one" names the
    # party room, not 'kids party song.mp3')
    named = [a for a in songs if said & name_tokens(a.name)] if _has(_FEEL, t) else []
    if named or _has(r"\b(?:music|song|track|beat|bgm)\b|音乐|配乐|歌", t) and _has(
            r"\b(?:swap|switch|change|replace)\b.{0,30}\b(?:something|another|a\s+different|other)\b|换(?:一|个)", t):
        # "the lofi is too chill honestly, swap it for something more upbeat": the song, not the video's look
        # (it set a style and new picture lengths twice)
        have = ", ".join(f"'{a.name}'" for a in songs[:4]) or "none"
        raise _Cannot(f"音乐就是你加的文件（{have}），它的风格改不了；加一首别的歌，再说“用X.mp3做背景音乐”" if c.zh else
                      f"the music is the song you added ({have}) and its feel cannot be changed; add another song and say "
                      "e.g. 'use upbeat.mp3 as the music'")
    if _has(_TEXT_WORD + r"|\b(?:music|song|voice\w*|font)\b|音乐|旁白", t):
        return None
    if _has(r"\b(?:first|last|at\s+the\s+(?:start|end|beginning)|go\s+(?:first|last)|after|before)\b", t) \
            and _has(r"\b(?:is|are|'s|looks?)\s+(?:so\s+|way\s+|much\s+)?(?:cuter|funnier|nicer|better|prettier)\b", t):
        return None  # "the ballet babies at the end is cuter": why there, not a look for the video
    for rx, style, pace, said, said_zh in _MOODS:
        if rx.search(t):
            if style == "clean" and c.tl.style == "clean":
                style, said, said_zh = "minimal", "minimal style (slow crossfades, quiet text)", "简约风格（慢叠化，文字安静）"
            ops: list[O.Op] = [O.SetStyle(style=style)]  # type: ignore[arg-type]
            voice_end = max((seg.end for tr in c.tl.tracks_by_role(Role.VOICE) for seg in tr.segments), default=0)
            if pace == "faster" and voice_end >= c.tl.duration - 1000:
                # (quicker pictures would end the video before the voiceover does: "more energetic" cut it off)
                pace, said, said_zh = None, f"{style} style", f"{'醒目' if style == 'bold' else style}风格"
                c.notes.append("图片节奏不变：视频长度跟着旁白。" if c.zh else
                               "The pictures keep their pace: the video runs as long as the voiceover.")
            if pace and c.count("image"):
                ops += _paced(c, pace) or []
            if rx is _CINEMATIC:
                ops.append(O.SetGrade(**CINEMATIC_GRADE))
            c.notes.append(f"理解为：{said_zh}（说“撤销”可恢复）。" if c.zh else f"Read as: {said} (say 'undo' to go back).")
            return ops
    return None


# what a text rule does for a font ("change the font to bold", "font bigger", "字体加粗"): its weight, size or colour
_FONT_LOOK = (r"\b(?:bold|bolder|thick|thicker|heavy|heavier|thin|thinner|light|lighter|bigger|smaller|larger|size|"
              r"colou?r|red|white|black|yellow|blue|green|orange|pink|purple|gr[ae]y|gold)\b|加粗|变粗|粗一点|大一点|小一点|颜色|"
              r"[红白黑黄蓝绿橙粉紫灰金]色")
# letters with an effect there is none of: "make the text glitchy/punk looking", "neon text", "字幕加霓虹效果"
_TEXT_EFFECT = (r"\b(?:glitch(?:y|ed)?|grunge|grungy|punk|graffiti|neon|3d|chrome|metallic|distressed|glowing|glow)(?:\s*/\s*\w+)?\s+"
                r"(?:font|text|letters|lettering|title|captions?)\b|"
                r"\b(?:make|turn)\s+(?:the\s+)?(?:text|title|captions?|letters|words|cta)\s+(?:\w+\s+)?(?:glitch(?:y|ed)?|grungy|punk|neon|"
                r"3d|chrome|metallic|distressed|glowing)\b(?!\s+(?:green|pink|yellow|blue|orange|purple|red))|"
                r"(?:字|标题)[^，,。]{0,6}?(?:故障|霓虹|发光|3D|立体|金属|涂鸦)(?:效果|风|感)?|(?:故障|霓虹|发光|立体|金属|涂鸦)(?:效果|风|感)?的?(?:字|标题|文字)")
_OTHER_FONT = (r"\b(?:same|one|a\s+single|consistent)\s+(?:fonts?|typefaces?)\b|统一字体|同一种?字体|"
               r"\b(?:different|another|other|new|nicer|fancier|serif|sans[\s-]?serif|script|handwritten|handwriting|"
               r"cursive|monospaced?|typewriter|italic|comic|elegant|modern|classic)\s+(?:fonts?|typefaces?)\b|"
               r"\b(?:change|switch|swap)\s+(?:the\s+)?(?:fonts?|typefaces?)\b(?!\s+(?:colou?rs?|size|sizes|weight))|"
               r"\bfonts?\s+to\s+(?!(?:red|white|black|yellow|blue|green|orange|pink|purple|gr[ae]y|gold|bigger|smaller|bold)\b)\w+|"
               r"\b(?:brush|calligraphy|brush[\s-]?stroke)\s*(?:style\s+)?(?:fonts?|typefaces?|lettering|letters)?\b|"
               r"\bfonts?\s+(?:is|looks|feels)\s+(?:too\s+)?\w+|"
               # "Can the font be more script/elegant?" (not understood)
               r"\b(?:fonts?|typefaces?|lettering)\s+(?:be|look|feel)\s+(?:more\s+|less\s+|a\s+(?:bit|little)\s+(?:more\s+)?)?[a-z]+|"
               r"换(?:个|一个|一种|种|下|一下)?字体|字体换|字体太|(?:宋体|楷体|衬线|手写体?|艺术字|毛笔字|书法字|书法体)")


# a picture said to look soft ("the first photo is too blurry", "the gift picture looks pixelated",
# "第一张图片太模糊了"): its own quality, not the blurred fill behind it
_LOOKS_SOFT = re.compile(
    r"\b(?:is|are|looks?|seems?|'s|gets?)\s+(?:a\s+(?:bit|little)\s+|too\s+|really\s+|very\s+|so\s+|kind\s+of\s+|"
    r"kinda\s+|quite\s+|super\s+|all\s+)?(?:blurry|blurred|fuzzy|out\s+of\s+focus|pixelated|pixell?y|grainy|soft|"
    r"low[\s-]?(?:res|resolution|quality)|blocky|jagged)\b|"
    r"\b(?:blurry|pixelated|fuzzy|grainy|low[\s-]?res|low[\s-]quality)\s+(?:photo|picture|image|pic|shot)s?\b|"
    r"(?:太|有点|很|好|比较|特别)(?:模糊|糊|不清楚|不清晰)|像素(?:太|很|有点)?低|(?<!不要)(?<!别)模糊了")
_FILL_WORDS = r"\b(?:background|backdrop|fill|edges?|sides?|bars?|behind)\b|背景|两边|边缘"


def _h_looks_soft(c: _Ctx) -> list[O.Op] | None:
    """"the gift picture looks pixelated", "the first photo is too blurry": how much that picture is
    enlarged and what makes it sharp (it was read as the blurred fill: "'gift.png' has no blurred
    background", or as a pixelate effect). With a remove verb the removal handlers take it."""
    from reelforge.render.checks import MAX_UPSCALE, upscale_factor

    t = c.t
    if not _LOOKS_SOFT.search(t) or _has(_FILL_WORDS, t) or _has(_REMOVE + r"|删|去掉|不要|\bskip\b|\blater\s+(?:bit|part)\b", t):
        return None  # ("skip the first few secs where my hand is blurry": the clip's in-point)
    if _has(r"\b(?:at|in)\s+the\s+(?:start|beginning|end)\b|\bstart\s+(?:it|the\s+\w+)\s+.{0,20}\blater\b|开头|前面几秒", t):
        return None  # "the rehearsal bit is blurry at the start, start it later": a part of the clip, its focus (not enlarged)
    named = _maybe_target(c)
    seg = _main_seg(c, named) if named is not None else None
    assets = {a.id: a for a in (*c.library, *c.tl.assets)}
    shots = [seg] if seg is not None else list(c.main_segs())
    found = []
    for x in shots:
        a = assets.get(getattr(x, "src", None))
        if a is not None and a.width and a.height:
            found.append((x, a, upscale_factor(x, a.width, a.height, c.tl.width, c.tl.height)))
    soft = [f for f in found if f[2] > MAX_UPSCALE]
    if not soft:
        if seg is not None and found:
            x, a, k = found[0]
            fill = "; the blurred fill behind it is meant to be soft (say 'no blur' for a plain background)" \
                if x.fit is Fit.BLUR else ""
            raise _Cannot(f"'{a.name}' ({a.width}x{a.height}) is enlarged {k:.1f}x, within what stays sharp{fill}; a "
                          "sharper original would help, or say 'remove it'" if not c.zh else
                          f"「{a.name}」（{a.width}x{a.height}）放大了{k:.1f}倍，仍在清晰范围内；换一张更清晰的原图，或说“删掉它”")
        raise _Cannot("no picture is enlarged enough to look soft; name the one you mean, e.g. 'the first photo "
                      "looks blurry'" if not c.zh else "没有图片被放大到会发虚的程度；请说是哪一张，例如“第一张图片太模糊了”")
    said = "; ".join(f"'{a.name}' is {a.width}x{a.height}, enlarged {k:.1f}x to fill the {c.tl.width}x{c.tl.height} "
                     "frame" for _, a, k in soft)
    first = soft[0][1].name
    if c.zh:
        said = "；".join(f"「{a.name}」只有{a.width}x{a.height}，放大了{k:.1f}倍来铺满{c.tl.width}x{c.tl.height}的画面"
                        for _, a, k in soft)
        raise _Cannot(f"{said}，所以发虚。换一张更大的原图会清晰（上传后说“把{first}换成……”），或说“删掉{first}”")
    it = "they look" if len(soft) > 1 else "it looks"
    raise _Cannot(f"{said}, so {it} soft. A larger original is sharp (add it, then say 'replace {first} with "
                  f"…'), or say 'remove {first}'")


def _h_background(c: _Ctx) -> list[O.Op] | None:
    t = re.sub(_MUSIC, " ", c.t)
    if _LOOKS_SOFT.search(t) and not _has(_FILL_WORDS, t):
        return None  # "the first photo is too blurry, remove it": the picture, not its fill
    if _has(r"\bblack\s+(?:bars?|borders?|edges?|sides?)\b|黑边", t) and _has(
            r"\b(?:tiny|small|(?:get\s+rid|rid)\s+of|remove|no|without|hate|ugly|everywhere|colou?red|fill|instead|"
            r"background)\b|去掉|不要|难看|太小", t) and not _has(r"\bcinema|电影感|遮幅", t):
        # "screenshots look tiny with black bars everywhere, put them on a colored background", "get rid of the
        # black bars": the picture over a blurred copy of itself instead of bars (it was read as asking for bars)
        return [O.SetBackground(blur=True)]
    if _has(_ADD + r"|\bwith\b|\bgive\s+it\b|\bwant\b", t) and _has(
            r"\b(?:black\s+bars?|letter[\s-]?box(?:ed|ing)?|cinema(?:scope)?\s+bars?|widescreen\s+bars?)\b|"
            r"(?:上下)?黑边|遮幅|宽银幕", t) and not _has(r"\bblur|模糊", t):
        raise _Cannot("还不能加上下黑边（遮幅）；说“要有电影感”会用电影调色、放慢节奏" if c.zh else
                      "letterbox bars are not available yet; 'make it cinematic' gives a film grade and a slower pace")
    if _has(r"\b(?:it'?s|its|it\s+is|is|looks?|too|so)\s+(?:a\s+bit\s+|a\s+little\s+|too\s+|so\s+|really\s+|kinda\s+)?blurr?y\b|"
            r"(?:太|有点|很)模糊了?$", t) and not _has(r"\bbackground\b|背景", t):
        return None  # "get rid of IMG_2207 its blurry": the picture is, it goes (it was read as its background blur)
    off = _has(_REMOVE + r"|\bno\b|\bwithout\b|\bturn\s+off\b|\bun-?blur|不要|去掉|取消", t)
    named = _maybe_target(c) if off and _has(r"\bblur(?:red|ry)?\b|模糊", t) else None
    if _has(r"\bblur(?:red|ry)?\b|模糊", t) and (named is not None or _has(
            r"\bbackground\b|\bbars?\b|\bedges?\b|\bsides?\b|背景|两边|边缘|黑边", t)):
        if off:
            # "remove the background blur" turned the blur ON: the blurred shots shown whole on the plain
            # background instead (the ones that fill the frame stay as they are); "no blur on the
            # flowers": that one (it was not understood)
            blurred = [i for i, x in enumerate(c.main_segs()) if x.fit is Fit.BLUR
                       and (named is None or (seg := _main_seg(c, named)) is not None and x.id == seg.id)]
            if not blurred and named is not None and (seg := _main_seg(c, named)) is not None:
                raise _Cannot(f"「{seg.name}」没有模糊背景" if c.zh else f"'{seg.name}' has no blurred background")
            if not blurred:
                raise _Cannot("no picture has a blurred background now" if not c.zh else "现在没有图片用模糊背景")
            c.notes.append("不再模糊；要裁切铺满可以说“铺满画面”，或换颜色如“背景改成白色”。" if c.zh else
                           "No more blur; say 'fill the frame' to crop the pictures to the frame instead, or e.g. "
                           "'white background'.")
            return [O.SetFit(target=O.Target(index=i), fit=Fit.CONTAIN) for i in blurred]
        if (shot := _maybe_target(c)) is not None:
            # "blur the background of the second photo": that one shown whole over a blurred fill (it set
            # the blur behind every shot that does not fill the frame, which changed nothing it showed)
            return [O.SetFit(target=shot, fit=Fit.BLUR)]
        return [O.SetBackground(blur=True)]
    if _has(r"\bbackground\b|背景|底色", t):
        col = color_in(t)
        if col:
            return [O.SetBackground(color=col)]
        return None
    if _has(r"\b(?:letterbox(?:ed|ing)?|pillarbox(?:ed)?|fit\s+(?:the\s+)?whole|show\s+the\s+whole|don'?t\s+crop|no\s+crop(?:ping)?|without\s+cropping|uncropped)\b|完整显示|不要裁剪|不裁剪|留黑边", t):
        return [O.SetFit(target=_maybe_target(c), fit=Fit.CONTAIN)]
    if _has(r"\b(?:pictures?|photos?|images?|pics?|shots?)\s+(?:is|are|looks?|seems?)\s+(?:a\s+bit\s+|too\s+|really\s+|so\s+|way\s+)*"
            r"(?:small|tiny)\b|(?:图片|照片|画面)(?:有点|太|好|显得)?小了?$", t) and not _has(_TEXT_WORD, t):
        # "the pictures are too small": shown whole on a background, they fill the frame instead
        small = [i for i, x in enumerate(c.main_segs()) if x.fit is not Fit.COVER]
        if not small:
            raise _Cannot("图片已经铺满画面了；可以说“放大”让镜头推近" if c.zh else
                          "the pictures already fill the frame; say 'zoom in' to move in closer")
        if len(small) == len(c.main_segs()):
            return [O.SetFit(target=None, fit=Fit.COVER)]
        return [O.SetFit(target=O.Target(index=i), fit=Fit.COVER) for i in small]
    if _has(r"\b(?:fill\s+the\s+(?:frame|screen)|crop\s+to\s+fill|no\s+(?:black\s+)?bars|remove\s+the\s+(?:black\s+)?bars|full\s*screen|zoom\s+to\s+fill)\b|填满|铺满|去掉黑边|不要黑边|全屏", t):
        return [O.SetFit(target=_maybe_target(c), fit=Fit.COVER)]
    return None


# -- the pictures' colour ----------------------------------------------------------------------
_NOT_PICTURES = rf"{_TEXT_WORD}|\b(?:background|logo|watermark|font|music|song|voice\w*|sound|audio)\b|背景|水印|音乐|声音|旁白"
def _h_grade(c: _Ctx) -> list[O.Op] | None:
    """The pictures' colour: "make it black and white", "back to colour", "a bit brighter",
    "more contrast", "make the colours pop", "warmer", "cooler tones", "vintage look", "sepia",
    "黑白", "亮一点", "对比度高一点", "暖色调", "复古"."""
    t = c.t
    if _has(_NOT_PICTURES, t):
        return None  # "make the title black and white", "white background": not the pictures
    g = c.tl.grade
    if _has(_NO_GRADE, t):
        return [O.SetGrade(**AS_SHOT)]
    if _has(_COLOUR_BACK, t) and (g.saturation != 1.0 or not _has(r"彩色", t)):
        if g.saturation == 1.0:
            raise _Cannot("已经是彩色的了" if c.zh else "the video is already in colour")
        if g.saturation == 0 and g.warmth > 0:  # out of sepia: its tint goes with it
            return [O.SetGrade(saturation=1.0, warmth=0.0)]
        return [O.SetGrade(saturation=1.0)]
    change = grade_change(t, g)
    if change and (any(r.target.index is not None or r.target.name is not None for r in _find_targets(c))
                   or _has(r"\b(?:at|in)\s+the\s+(?:start|beginning|end)\b|\b(?:first|last)\s+\d+\s*(?:s|secs?|seconds?)\b|开头|结尾|前\d+秒|"
                           r"\b(?:only\s+)?(?:this|that|the|one)\s+(?:video\s+)?(?:clip|photo|image|picture|pic|shot|still)\b(?!s)|"
                           r"这张|那张|这段|那段|这个镜头", t)):
        if _has(r"\bso\s+(?:that\s+)?the\s+\w+|\bonly\b|\bjust\b|\bnot\s+the\s+(?:others?|rest)\b|\bthe\s+rest\b|\bstands?\s+out\b|"
                r"\bpops?\b|只|其他|其余", t):
            # "make the before pic a bit black and white so the after pops": one shot against the others, which a
            # colour of the whole video cannot give (every picture went black and white)
            raise _Cannot("还不能单独给一个镜头调色：颜色对整段视频生效；说“整个视频黑白”可全部改" if c.zh else
                          "one shot cannot have its own colour yet: the colour is the whole video's (say e.g. 'make it "
                          "black and white' for all of it)")
        # "make the coffee photo black and white": said, since every picture changes (it did so silently)
        c.notes.append("颜色对整段视频生效：每张画面都一样（还不能单独调一张）。" if c.zh else
                       "The colour is the whole video's: every picture changes (one shot cannot have its own yet).")
    return [O.SetGrade(**change)] if change else None


# -- the picture's fade from and to black at the video's ends ------------------------------------
_VIDEO_FADE_MS = 1000
_PICTURE = (r"\b(?:video|picture|pictures|screen|visuals?|image|whole\s+thing|everything|film|movie)\b|"
            r"\b(?:to|from|into|out\s+of)\s+black\b|画面|视频|黑场|黑屏|变黑")


def _h_video_fade(c: _Ctx) -> list[O.Op] | None:
    """"fade out the video at the end", "fade to black at the end", "fade in from black",
    "结尾画面淡出", "开头从黑场淡入": the picture (text and logos with it) fades from/to black at the
    video's very start/end. Between shots is a transition; the music or voice is `_h_fade`'s."""
    t = c.t
    if _has(_MUSIC + "|" + _VOICE + r"|音乐|配乐|旁白", t) and not _has(r"\b(?:video|picture|screen)\b|画面|视频", t):
        return None  # "the music ends too abruptly": the music's fade (`_h_fade`), not the picture's
    if _has(r"\b(?:end|ending|finish|outro)\s+(?:is|feels|seems)\s+(?:too\s+|a\s+bit\s+|so\s+|really\s+|very\s+|kinda\s+)?"
            r"(?:abrupt|sudden|harsh|rushed)|\bends\s+(?:too\s+|so\s+)?(?:abruptly|suddenly)|(?:结尾|\bending\s*)(?:太|有点)?(?:突然|生硬|仓促)|"
            r"结束得太突然", t):  # ("the end feels rushed", "ending 有点突然": not understood)
        t = "add a fade out at the end"  # "the ending is too abrupt": the picture and the music fade out
        c = replace(c, raw=t, t=t)  # "the ending" is no shot here
    if not _has(r"\bfad(?:e|es|ed|ing)\b|\bfade[\s-]?(?:in|out)\b|淡入|淡出|渐入|渐出|渐隐|渐显", t):
        return None
    if _has(r"cross[\s-]?fade|\bthrough\s+black\b|\bbetween\b|\btransitions?\b|\bshots\b|"
            r"\beach\b|\bevery\b|转场|过渡|之间|切换|每", t):
        return None
    from reelforge.planner.rules.audio import _audio_role

    # "add a fade out at the end", "结尾淡出": nothing named, so the whole video, picture and music
    bare = (not _has(_PICTURE, t) and _audio_role(t) is None and not _find_targets(c)
            and _has(r"\b(?:at\s+the\s+(?:very\s+)?(?:end|start|beginning)|ending|opening)\b|结尾|开头|片尾|片头|"
                     # "end with a fade", "open the video with a fade in"
                     r"\b(?:end|finish|close|start|open|begin)s?\s+(?:it\s+|the\s+(?:video|ad|reel)\s+)?with\b", t))
    music = c.tl.track(Role.MUSIC)
    if not bare and not (music and music.segments) and re.fullmatch(
            r"(?:please\s+)?(?:add\s+)?(?:an?\s+|some\s+)?(?:fade|fades|fading)(?:[\s-]*(?:in|out))?(?:\s+and\s+(?:fade\s+)?(?:in|out))?|"
            r"(?:加个?)?(?:淡入淡出|淡入|淡出)(?:效果)?", t):
        bare = True  # "fade in and out", "淡出" with no music to fade: the picture's (it answered "there is no music")
    if not _has(_PICTURE, t) and not bare:
        return None
    if _audio_role(t) is not None and not _has(r"\b(?:video|picture|screen)\b|画面", t):
        return None  # "fade out the music at the end" (the sound's own fades)
    if _find_targets(c) and not _has(r"\b(?:to|from|into|out\s+of)\s+black\b|黑场|黑屏", t):
        return None  # "fade in the second image": a shot, not the video's ends
    off = _has(r"\bno\s+(?:\w+\s+){0,2}fades?\b|\bwithout\s+(?:a\s+|the\s+)?fades?\b|"
               r"\b(?:remove|drop|delete|don'?t|do\s+not|stop|turn\s+off)\b.{0,30}\bfad|不要.{0,6}(?:淡|黑场)|去掉.{0,6}(?:淡|黑场)|取消.{0,6}(?:淡|黑场)", t)
    both = _has(r"\bin\s+and\s+out\b|\bout\s+and\s+in\b|淡入淡出|首尾|开头和结尾|头尾", t)
    fin = both or _has(r"\bfad(?:e|es|ed|ing)[\s-]*in\b|\bfade\s+(?:\w+\s+){1,3}in\b|\bfrom\s+black\b|\bout\s+of\s+black\b|"
                       r"\b(?:at\s+the\s+(?:very\s+)?(?:start|beginning)|opening|(?:open|start|begin)s?(?:\s+it|\s+the\s+(?:video|ad|reel))?\s+with)\b|"
                       r"淡入|渐入|渐显|开头|片头|开始", t)
    fout = both or _has(r"\bfad(?:e|es|ed|ing)[\s-]*out\b|\bfade\s+(?:\w+\s+){1,3}out\b|\b(?:to|into)\s+black\b|"
                        r"\b(?:at\s+the\s+(?:very\s+)?end|ending|(?:close|end|finish)(?:s|es)?(?:\s+it|\s+the\s+(?:video|ad|reel))?\s+with)\b|"
                        r"淡出|渐出|渐隐|结尾|片尾|最后|结束", t)
    if not fin and not fout:
        fin = fout = True
    durs = [d.ms for d in TW.find_durations(t) if 0 < d.ms <= 10_000]
    ms = 0 if off else durs[0] if durs else _VIDEO_FADE_MS
    if ms * (2 if fin and fout else 1) > c.tl.duration:
        raise _Cannot(f"the video is only {c.tl.duration / 1000:g}s long: a fade can be at most "
                      f"{c.tl.duration / (2000 if fin and fout else 1000):g}s")
    ops: list[O.Op] = [O.SetVideoFade(fade_in_ms=ms if fin else None, fade_out_ms=ms if fout else None)]
    if bare and not off and music and music.segments:
        # the music fades with the picture (at least as long), where it plays at that end
        first, last = music.segments[0], music.segments[-1]
        fade_in = ms if fin and first.start == 0 and first.fade_in_ms < ms else None
        fade_out = ms if fout and last.end >= c.tl.duration and last.fade_out_ms < ms else None
        if fade_in is not None or fade_out is not None:
            ops.append(O.SetFade(role="music", fade_in_ms=fade_in, fade_out_ms=fade_out))
    elif fout and ms and not off:
        if music and music.segments and not music.segments[-1].fade_out_ms and music.segments[-1].end >= c.tl.duration:
            c.notes.append("背景音乐没有淡出；要一起淡出可以说“音乐淡出”。" if c.zh else
                           "The music does not fade with it: say 'fade out the music' for that too.")
    return ops


def _h_shot_fade(c: _Ctx) -> list[O.Op] | None:
    """"fade in the second image", "fade out the last photo", "第二张图片淡入": one shot's picture, never
    the music (it faded the music in). The first shot fades in from black and the last out to black
    (`SetVideoFade`); a shot in between dissolves in from the one before it (or out into the one after)."""
    t = c.t
    if not _has(r"\bfad(?:e|es|ed|ing)\b|淡入|淡出|渐入|渐出|渐隐|渐显", t):
        return None
    if _has(r"cross[\s-]?fade|\btransitions?\b|\bbetween\b|转场|过渡|之间", t):
        return None
    from reelforge.planner.rules.audio import SHOT_VERB, _audio_role

    if _has(SHOT_VERB, t):
        return None  # "swap the skin fade close up with the 2nd pic": a file's name says "fade" (a shot to move)

    if _audio_role(t) is not None:
        return None
    refs = _find_targets(c)
    if not refs:
        return None
    target = refs[0].target
    seg = _main_seg(c, target)
    segs = list(c.main_segs())
    if seg is None or seg not in segs:
        return None
    i = segs.index(seg)
    fout = _has(r"\bfad(?:e|es|ed|ing)[\s-]*out\b|\bfade\s+(?:\w+\s+){1,3}out\b|淡出|渐出|渐隐", t)
    fin = not fout or _has(r"\bfad(?:e|es|ed|ing)[\s-]*in\b|\bfade\s+(?:\w+\s+){1,3}in\b|淡入|渐入|渐显", t)
    ops: list[O.Op] = []
    if fin:
        if i == 0:
            ops.append(O.SetVideoFade(fade_in_ms=_VIDEO_FADE_MS))
        else:
            ops.append(_dissolve(c, segs[i], O.Target(index=i)))
    if fout:
        if i == len(segs) - 1:
            ops.append(O.SetVideoFade(fade_out_ms=_VIDEO_FADE_MS))
        else:
            ops.append(_dissolve(c, segs[i + 1], O.Target(index=i + 1)))
    ops = [o for o in ops if o is not None]
    if not ops:
        which = seg.name or "that shot"
        raise _Cannot(f"'{which}' already dissolves {'in from the shot before' if fin else 'out into the next'} "
                      "(a crossfade); say e.g. 'make the transitions slower' for a longer fade")
    return ops


def _dissolve(c: _Ctx, seg, target: O.Target) -> O.Op | None:
    if seg.transition is not Transition.CUT and seg.transition_ms:
        return None  # it already dissolves in
    return O.SetTransition(target=target, kind=Transition.CROSSFADE)


_EFFECTS = (r"\b(?:vignett\w*|(?:film\s+)?grain\w*|noise\s+effect|light\s+leaks?|lens\s+flares?|vhs|glow(?:ing|y)?|"
            r"chromatic\s+aberration|rgb\s+split|bokeh|particles?|sparkles?\s+effect|snow\s+effect|shake|camera\s+shake|"
            r"motion\s+blur|tilt[\s-]?shift|fisheye|mirror\s+effect|kaleidoscope|pixelat\w*|halftone|cartoon\s+effect|"
            r"old\s+tv|crt|scan\s?lines|datamosh\w*)\b|暗角|胶片颗粒|颗粒感|漏光|光晕|镜头光晕|抖动效果|故障效果|像素化")


def _h_effects(c: _Ctx) -> list[O.Op] | None:
    """"add a vignette", "add film grain", "add light leaks", "add a vhs effect", "加个暗角": named, and
    what there is instead (they were "not understood")."""
    m = re.search(_EFFECTS, c.t)
    if m is None:
        return None
    rest = c.t[:m.start()] + " " + c.t[m.end():]
    rest = re.sub(r"\b(warm|cool|cold|moody|retro|vintage)\s*$", r"\1 look", re.sub(r"\blooking\b", "look", rest).strip())
    if (change := grade_change(rest, c.tl.grade)) and not _has(_NOT_PICTURES, c.t):
        # "can it be more 70s looking, like film grain warm": the colour said beside it (it refused all of it)
        c.notes.append(f"没有「{m.group(0)}」这类特效，只调了颜色。" if c.zh else
                       f"There is no {m.group(0)} effect; the colour changed as asked.")
        return [O.SetGrade(**change)]
    if c.zh:
        raise _Cannot(f"没有「{m.group(0)}」这类特效；可以调色，例如“复古一点”“暖色调”“黑白”“对比度高一点”“亮一点”")
    raise _Cannot(f"there is no {m.group(0)} effect; the picture's look changes by colour: e.g. 'make it look vintage', "
                  "'warmer', 'black and white', 'more contrast', 'brighter'")
