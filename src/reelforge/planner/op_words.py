"""Edit ops in plain words, for replies: `describe` says an op in English ("music volume to 20%"),
`describe_zh` in Chinese (an op it has no words for falls back to the English); `grade_words` says a
colour setting (also used by a first cut's notes).

The ops themselves are `reelforge.planner.ops`; this module imports them, never the other way round.
The words the op models carry stay there, as the planners' and `apply`'s messages use them too:
a target's (`Target.describe`), and the `fmt_ms` and `ordinal` it is built from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reelforge.planner.bed import music_bed
from reelforge.planner.ops import Op, Target, Timing, fmt_ms, ordinal
from reelforge.timeline.model import GRADE_LOOKS, MOTION_AMOUNT, Role, TextBackground, Transition

_LOOK_WORDS = {"vintage": ("vintage look (muted, warm, softer contrast)", "复古色调（低饱和、暖色、柔和对比）"),
               "sepia": ("sepia", "怀旧棕色"),
               "moody": ("moody look (darker, cooler, more contrast, muted)", "暗调（更暗、偏冷、对比更强、低饱和）")}


def grade_words(g: Any, *, zh: bool = False) -> str:
    """A colour setting in words ("black and white, brighter (+0.08)"); fields left None are skipped."""
    for name, look in GRADE_LOOKS.items():
        if all(getattr(g, k, None) == v for k, v in look.items()):
            return _LOOK_WORDS[name][1 if zh else 0]
    parts = []
    if g.saturation is not None:
        if g.saturation == 0:
            parts.append("黑白" if zh else "black and white")
        elif g.saturation == 1:
            parts.append("原本的色彩" if zh else "colours as shot")
        else:
            parts.append(f"饱和度{g.saturation:.0%}" if zh else f"saturation {g.saturation:.0%}")
    if g.brightness is not None:
        if g.brightness == 0:
            parts.append("原本的亮度" if zh else "brightness as shot")
        else:
            word = ("更亮" if g.brightness > 0 else "更暗") if zh else ("brighter" if g.brightness > 0 else "darker")
            parts.append(f"{word} ({g.brightness:+.2f})")
    if g.contrast is not None:
        parts.append(f"对比度{g.contrast:.0%}" if zh else
                     ("contrast as shot" if g.contrast == 1 else f"contrast {g.contrast:.0%}"))
    for axis, as_shot, up, down in (("warmth", ("原本的色温", "white balance as shot"), ("暖色调", "warmer"), ("冷色调", "cooler")),
                                    ("tint", ("原本的色调", "tint as shot"), ("偏粉", "pinker"), ("偏绿", "greener"))):
        if (v := getattr(g, axis, None)) is not None:
            word = as_shot if v == 0 else up if v > 0 else down
            parts.append(word[0 if zh else 1] + ("" if v == 0 else f" ({v:+.2f})"))
    return ("，" if zh else ", ").join(parts)


def _pct(v: float) -> str:
    return f"{round(v * 100):d}%"


def _timing_words(t: Timing | None) -> str:
    if t is None:
        return ""
    if t.anchor == "end":
        return f" for the last {fmt_ms(t.duration_ms or 3000)}"
    if t.duration_ms is None:
        return " throughout" if t.start_ms == 0 else f" from {fmt_ms(t.start_ms)} to the end"
    if t.start_ms == 0:
        return f" for the first {fmt_ms(t.duration_ms)}"
    return f" from {fmt_ms(t.start_ms)} to {fmt_ms(t.start_ms + t.duration_ms)}"


def describe(op: Op, names: Mapping[str, str] | None = None) -> str:
    """One short English phrase for an op ("music volume to 20%"); ``names`` maps asset ids to file names."""
    o: Any = op

    def an(asset_id: str) -> str:
        return (names or {}).get(asset_id, asset_id)
    role_words = {"music": "music", "voice": "voiceover", "main": "clips' own sound", "sfx": "sound effects"}
    match o.op:
        case "add_segment":
            where = f" after {o.after.describe()}" if o.after else f" before {o.before.describe()}" if o.before else " at the end"
            return f"added {an(o.asset_id)}{where}"
        case "remove_segment":
            return f"removed {o.target.describe()}"
        case "move_segment":
            if o.after:
                dest = f"after {o.after.describe()}"
            elif o.before:
                dest = f"before {o.before.describe()}"
            else:
                dest = "to the end" if o.to_index in (None, -1) else "to the start" if o.to_index == 0 else \
                    f"to position {o.to_index + 1}" if o.to_index > 0 else f"to the {ordinal(o.to_index)} place"
            return f"moved {o.target.describe()} {dest}"
        case "swap_segments":
            return f"swapped {o.a.describe()} and {o.b.describe()}"
        case "reverse_order":
            return "reversed the order of the shots"
        case "reorder_segments":
            return "new order of the shots: " + ", ".join(str(i + 1) for i in o.order)
        case "replace_source":
            return f"replaced {o.target.describe()} with {an(o.asset_id)}"
        case "trim_segment":
            parts = [f"{fmt_ms(o.head_ms)} off the start"] if o.head_ms else []
            parts += [f"{fmt_ms(o.tail_ms)} off the end"] if o.tail_ms else []
            return f"trimmed {' and '.join(parts) or 'nothing'} of {o.target.describe()}"
        case "trim_video":
            parts = [f"the first {fmt_ms(o.head_ms)}"] if o.head_ms else []
            parts += [f"the last {fmt_ms(o.tail_ms)}"] if o.tail_ms else []
            return f"cut {' and '.join(parts) or 'nothing'} of the video"
        case "set_segment_duration":
            return f"{o.target.describe()} now lasts {fmt_ms(o.duration_ms)}"
        case "set_total_duration":
            kept = " and ".join(t.describe() for t in o.keep)
            return f"video length set to {fmt_ms(o.duration_ms)}" + (f", {kept} kept as it was" if kept else "")
        case "fit_to_voice":
            return "video length fitted to the voiceover"
        case "set_speed":
            return f"{o.target.describe() if o.target else 'video clips'} at {o.speed:g}x speed"
        case "set_clip_audio":
            what = o.target.describe("clip") if o.target else "the clips"
            return f"{'muted' if o.mute else 'kept the sound of'} {what}"
        case "place_in_voice":
            return f"{o.target.describe('clip')} played at {fmt_ms(o.at_ms)}, the voiceover pausing for it"
        case "place_at_words":
            return f"{o.target.describe('clip')} played where the voiceover says \"{o.words}\""
        case "add_text":
            when = f" over {o.shot.describe('shot')}" if o.shot else _timing_words(o.timing)
            box = f" on a {_colour(o.box_color, COLOR_EN)} box" if o.box_color else ""
            # its look when one was asked for ("add 50% OFF in big red letters": said, not only done)
            look = [x for x in (o.size.value if o.size is not None and o.size.value != "medium" else None,
                                _colour(o.color, COLOR_EN) if o.color and not o.box_color else None) if x]
            looks = f" ({', '.join(look)})" if look else ""
            return f'added {"call to action" if o.role == "cta" else o.role} "{o.text}"{looks}{box}{when}'
        case "update_text":
            changes = []
            if o.text:  # a line break said as " / " (the reply is one line)
                changes.append(f'text to "{" / ".join(o.text.splitlines())}"')
            if o.position:
                changes.append(f"position {o.position.value}")
            if o.size:
                changes.append(f"size {o.size.value}")
            if o.box_color:  # "white box" (a box said by its colour: not "background box" too)
                changes.append(f"{_colour(o.box_color, COLOR_EN)} box")
            if o.color:  # beside a box's colour: the letters'
                changes.append(f"{'text' if o.box_color else 'colour'} {_colour(o.color, COLOR_EN)}")
            if o.background is TextBackground.NONE:
                changes.append("plain letters (no shadow, outline or box)")
            elif o.background and not (o.box_color and o.background is TextBackground.BOX):
                changes.append(f"background {o.background.value}")
            if o.bold is not None:
                changes.append("bold" if o.bold else "regular weight")
            for ms, way in ((o.fade_in_ms, "in"), (o.fade_out_ms, "out")):
                if ms is not None:
                    changes.append(f"fades {way} over {fmt_ms(ms)}" if ms else f"no fade {way}")
            if o.entrance:
                changes.append({"fade": "fades in", "slide": "slides up into place", "scale": "scales in"}[o.entrance])
            if o.timing:
                changes.append("shown" + _timing_words(o.timing))
            return f"{_by_words(o.target, names).describe()}: {', '.join(changes) or 'unchanged'}"
        case "remove_text":
            return f"removed {_by_words(o.target, names).describe() if o.target else (o.role or 'all') + ' text'}"
        case "set_volume":
            when = f" from {fmt_ms(o.span.start_ms)} to {fmt_ms(o.span.end_ms)}" if o.span else ""
            whose = role_words[o.role] if o.target is None else f"{o.target.name or o.target.describe()}'s own sound"
            if o.volume is not None:
                if o.volume == 0 and o.span:
                    return f"{whose} muted{when}"
                return f"{whose} volume to {_pct(o.volume)}{when}"
            return f"{whose} {'louder' if (o.factor or 1) > 1 else 'quieter'} (x{o.factor:.2f}){when}"
        case "set_fade":
            parts = []
            if o.fade_in_ms is not None:
                parts.append(f"fade-in {fmt_ms(o.fade_in_ms)}")
            if o.fade_out_ms is not None:
                parts.append(f"fade-out {fmt_ms(o.fade_out_ms)}")
            return f"{role_words[o.role]} {' and '.join(parts)}"
        case "set_duck":
            when = f" from {fmt_ms(o.span.start_ms)} to {fmt_ms(o.span.end_ms)} only" if o.span else ""
            if o.on and o.depth is not None:
                how = "the usual amount" if o.depth == 1 else f"{o.depth:g}x the usual depth"
                return f"music ducks under the voice by {how}{when}"
            return f"music ducks under the voice{when}" if o.on else f"music no longer ducks under the voice{when}"
        case "remove_track":
            return f"removed the {o.role.value} track"
        case "replace_music":
            lead = music_bed(o.sound, o.sound[1]).in_ms if o.sound else 0
            where = f", from {fmt_ms(lead)} in, where the music comes in" if lead else ""
            return f"music replaced with {an(o.asset_id)}{where}"
        case "set_transition":
            where = f"into {o.target.describe()}" if o.target else "between all shots"
            length = f" ({fmt_ms(o.duration_ms)})" if o.duration_ms and o.kind is not Transition.CUT else ""
            if o.kind is Transition.CUT:
                return f"a hard cut {where}" if o.target else f"hard cuts {where}"
            return f"{o.kind.value} transition{'' if o.target else 's'} {where}{length}"
        case "set_motion":
            what = o.target.describe() if o.target else "the stills"
            m = o.motion if isinstance(o.motion, str) else o.motion.value
            return f"motion off for {what}" if m == "none" else f"motion {m} on {what}"
        case "set_motion_amount":
            what = o.target.describe() if o.target else "the stills"
            if o.amount is not None:
                return f"zooms and pans of {what} now move {_pct(o.amount)} of the view (the usual: {_pct(MOTION_AMOUNT)})"
            return f"zooms and pans of {what} go {'further' if o.factor > 1 else 'less far'} ({o.factor:g}x)"
        case "set_frame":
            size = " ".join(x for x in (o.aspect, o.resolution) if x)
            return "frame " + ", ".join(x for x in (size, o.fps and f"{o.fps} fps") if x)
        case "set_fit":
            what = {"cover": "fills the frame (cropped)", "contain": "shown whole (not cropped)",
                    "blur": "shown whole on a blurred copy"}[o.fit.value]
            if o.target is None:
                what = what.replace("fills", "fill")
            return f"{o.target.describe() if o.target else 'all shots'} {what}"
        case "set_background":
            return "blurred background" if o.blur else f"background colour {o.color}"
        case "set_caption_mode":
            return "captions burned into the picture" if o.burn else \
                "captions as separate SRT/WebVTT files, not burned in"
        case "add_logo":
            seen = f", {_pct(o.opacity)} opaque" if o.opacity < 1 else ""
            return f"logo {an(o.asset_id)} at the {o.position} ({_pct(o.scale)} wide{seen}){_timing_words(o.timing)}"
        case "set_captions":
            n = len(o.cues)
            return f"captions: {n} line{'s' if n != 1 else ''} ({'from the script' if o.source == 'script' else 'auto'})"
        case "add_voiceover":
            return f"voiceover {an(o.asset_id)} on the voice track"
        case "set_focus":
            what = o.target.describe() if o.target else "all shots"
            return f"centre crop for {what}" if o.fx is None else f"smart crop for {what} (keeps the subject in frame)"
        case "call_shot":  # a guess by the order the files came in: said as one (``names`` maps the shot's id too)
            return f"'{o.said}' taken to be {an(o.target.id) if o.target.id in (names or {}) else o.target.describe()}"
        case "set_backdrop":
            on = {"#FFFFFF": "white", "#121212": "black"}.get(o.color or "", o.color or "the background")
            return f"{o.target.describe()} on {on}" + (f", {_pct(o.room)} of the frame" if o.room < 1 else "")
        case "set_style":
            return f"{o.style} style"
        case "set_grade":
            return "colour: " + grade_words(o)
        case "set_video_fade":
            parts = []
            if o.fade_in_ms is not None:
                parts.append(f"fades in from black over {fmt_ms(o.fade_in_ms)}" if o.fade_in_ms
                             else "no fade from black at the start")
            if o.fade_out_ms is not None:
                parts.append(f"fades to black over the last {fmt_ms(o.fade_out_ms)}" if o.fade_out_ms
                             else "no fade to black at the end")
            return "the picture " + " and ".join(parts) if all(p.startswith("f") for p in parts) else "; ".join(parts)
        case "beat_sync":
            bpm = f" ({o.bpm:g} BPM)" if o.bpm else ""
            return f"cuts on the beat{bpm}"
        case "set_in_point":
            length = f", {fmt_ms(o.duration_ms)} long" if o.duration_ms else ""
            return f"{o.target.describe()} plays from {fmt_ms(o.in_ms)} of its source{length}"
        case "set_audio_timing":
            word = "music" if o.role == "music" else "voiceover"
            parts = []
            if o.start_ms is not None:
                parts.append(f"starts at {fmt_ms(o.start_ms)}")
            elif o.by_ms:
                parts.append(f"plays {fmt_ms(abs(o.by_ms))} {'later' if o.by_ms > 0 else 'earlier'}")
            if o.from_ms is not None:
                parts.append(f"plays from {fmt_ms(o.from_ms)} of its source")
            if o.end_ms is not None:
                parts.append(f"plays until {fmt_ms(o.end_ms)}")
            return f"{word} {' and '.join(parts)}"
        case "apply_brand":
            return f"brand kit {o.brand.get('name', '')!s} applied".replace("  ", " ")
        case "auto_captions":
            return "captions from the speech" + (", one short line each" if o.lines == 1 else "")
        case "voiceover":
            return "voiceover" + (f' saying "{o.text[:40]}"' if o.text else f" from {o.script_file}") + \
                (" with captions" if o.captions else "")
        case "smart_reframe":
            return "smart crop (keep the subject in frame)" if o.on else "centre crop"
        case "cut_to_beat":
            return "cuts on the beat"
        case "use_highlight":
            what = o.target.describe() if o.target else "the clips"
            return f"best {o.seconds:g}s of {what}" if o.seconds else f"best part of {what}"
        case "trim_silence":
            return f"silence trimmed from the {role_words[o.role]}"
        case "use_brand":
            return "brand kit"
        case "undo":
            return "undo"
        case "redo":
            return "redo"
    return o.op


def _by_words(t: Target, names: Mapping[str, str] | None) -> Target:
    """A text targeted by its id, said by its words when ``names`` has them ("the caption "Before"",
    not "segment given1")."""
    if t.id is not None and t.role is not Role.MAIN and names and t.id in names:
        return t.model_copy(update={"id": None, "name": names[t.id]})
    return t


def _t_zh(t: Target) -> str:
    noun = {"image": "张图片", "video": "段视频片段"}.get(t.kind or "", "个镜头")
    if t.role is not Role.MAIN:
        noun = {Role.TITLE: "标题", Role.CAPTION: "字幕", Role.CTA: "行动号召", Role.MUSIC: "背景音乐",
                Role.VOICE: "旁白"}.get(t.role, t.role.value)
        return noun if t.index in (None, 0) and t.name is None else f"{noun}「{t.name}」" if t.name else f"第{t.index + 1}条{noun}" if (t.index or 0) >= 0 else f"最后一条{noun}"
    if t.name is not None:
        return f"「{t.name}」"
    if t.at_ms is not None:
        return f"{fmt_ms(t.at_ms)}处的镜头"
    if t.index is None:
        return noun[1:]
    if t.index == -1:
        return f"最后一{noun}"
    if t.index < 0:
        return f"倒数第{-t.index}{noun}"
    return f"第{t.index + 1}{noun}"


TRANSITION_ZH = {"crossfade": "叠化", "fade-black": "黑场过渡", "slide-left": "向左滑动", "slide-right": "向右滑动",
                  "wipe-left": "向左擦除", "wipe-right": "向右擦除"}
_POS_ZH = {"top": "顶部", "center": "中间", "bottom": "底部", "top-left": "左上角", "top-right": "右上角",
           "bottom-left": "左下角", "bottom-right": "右下角", "center-left": "左侧", "center-right": "右侧"}


_SIZE_ZH = {"small": "小号", "medium": "中号", "large": "大号", "xlarge": "特大号"}
_BG_ZH = {"box": "底框", "shadow": "阴影", "none": "无"}
COLOR_EN = {"#FF0000": "red", "#FFFFFF": "white", "#000000": "black", "#FFD400": "yellow", "#1E6BFF": "blue",
             "#00C853": "green", "#FF8C00": "orange", "#FF69B4": "pink", "#8E44AD": "purple", "#808080": "grey",
             "#FFD700": "gold", "#C0C0C0": "silver", "#111111": "near-black", "#F2E8D0": "beige", "#008080": "teal",
             "#40E0D0": "turquoise", "#800000": "maroon", "#800020": "burgundy", "#FF00FF": "magenta", "#00FFFF": "cyan",
             "#B57EDC": "lavender", "#E1AD01": "mustard", "#36454F": "charcoal", "#8B4513": "brown"}
_COLOR_ZH = {"#FF0000": "红色", "#FFFFFF": "白色", "#000000": "黑色", "#FFD400": "黄色", "#1E6BFF": "蓝色",
             "#00C853": "绿色", "#FF8C00": "橙色", "#FF69B4": "粉色", "#8E44AD": "紫色", "#808080": "灰色",
             "#FFD700": "金色", "#C0C0C0": "银色", "#111111": "近黑色", "#F2E8D0": "米色"}


def _colour(hex_color: str, names: Mapping[str, str]) -> str:
    """A colour's name, also for a deeper shade of a named one (a pink box is a shade deeper for
    white letters: `reelforge.planner.rules.text_look.box_shade`); else the hex itself."""
    h = hex_color.upper()
    if h in names:
        return names[h]
    try:
        rgb = [int(h[i:i + 2], 16) for i in (1, 3, 5)]
    except ValueError:
        return hex_color
    for named, name in names.items():
        base = [int(named[i:i + 2], 16) for i in (1, 3, 5)]
        f = max(rgb) / max(max(base), 1)
        if 0.8 <= f < 1 and all(abs(int(b * f) - v) <= 2 for b, v in zip(base, rgb, strict=True)):
            return name
    return hex_color


def _timing_zh(t: Timing | None) -> str:
    if t is None:
        return ""
    if t.anchor == "end":
        return f"（最后{fmt_ms(t.duration_ms or 3000)}）"
    if t.duration_ms is None:
        return "（全程）" if t.start_ms == 0 else f"（{fmt_ms(t.start_ms)}起）"
    if t.start_ms == 0:
        return f"（前{fmt_ms(t.duration_ms)}）"
    return f"（{fmt_ms(t.start_ms)}-{fmt_ms(t.start_ms + t.duration_ms)}）"


def describe_zh(op: Op, names: Mapping[str, str] | None = None) -> str:
    """一句中文说明；少见的操作用英文。"""
    o: Any = op
    roles = {"music": "背景音乐", "voice": "旁白", "main": "视频原声", "sfx": "音效"}

    def an(asset_id: str) -> str:
        return (names or {}).get(asset_id, asset_id)

    match o.op:
        case "add_segment":
            where = f"{_t_zh(o.after)}后面" if o.after else f"{_t_zh(o.before)}前面" if o.before else "最后"
            return f"在{where}加入了{an(o.asset_id)}"
        case "replace_source":
            return f"把{_t_zh(o.target)}换成了{an(o.asset_id)}"
        case "replace_music":
            lead = music_bed(o.sound, o.sound[1]).in_ms if o.sound else 0
            return f"背景音乐换成了{an(o.asset_id)}" + (f"，从有声音的{fmt_ms(lead)}处开始" if lead else "")
        case "trim_segment":
            parts = ([f"开头{fmt_ms(o.head_ms)}"] if o.head_ms else []) + ([f"结尾{fmt_ms(o.tail_ms)}"] if o.tail_ms else [])
            return f"剪掉了{_t_zh(o.target)}的{'和'.join(parts)}"
        case "trim_video":
            parts = ([f"开头{fmt_ms(o.head_ms)}"] if o.head_ms else []) + ([f"最后{fmt_ms(o.tail_ms)}"] if o.tail_ms else [])
            return f"剪掉了视频的{'和'.join(parts)}"
        case "remove_segment":
            return f"删除了{_t_zh(o.target)}"
        case "move_segment":
            dest = (f"移到{_t_zh(o.after)}后面" if o.after else f"移到{_t_zh(o.before)}前面" if o.before
                    else "移到最后" if o.to_index in (None, -1) else "移到最前面" if o.to_index == 0
                    else f"移到第{o.to_index + 1}个位置" if o.to_index > 0 else f"移到倒数第{-o.to_index}个")
            return f"把{_t_zh(o.target)}{dest}"
        case "swap_segments":
            return f"交换了{_t_zh(o.a)}和{_t_zh(o.b)}"
        case "set_total_duration":
            kept = "和".join(_t_zh(t) for t in o.keep)
            return f"视频时长改为{fmt_ms(o.duration_ms)}" + (f"，{kept}保持不变" if kept else "")
        case "set_segment_duration":
            return f"{_t_zh(o.target)}改为{fmt_ms(o.duration_ms)}"
        case "set_volume":
            when = f"{fmt_ms(o.span.start_ms)}到{fmt_ms(o.span.end_ms)}的" if o.span else ""
            whose = f"{_t_zh(o.target)}的原声" if o.target is not None else roles[o.role]
            if o.volume is not None:
                if o.volume == 0 and o.span:
                    return f"{when}{whose}静音"
                return f"{when}{whose}音量调到{_pct(o.volume)}"
            return f"{when}{whose}{'调大' if (o.factor or 1) > 1 else '调小'}（x{o.factor:.2f}）"
        case "set_frame":
            return "画面改为" + " ".join(x for x in (o.aspect, o.resolution, o.fps and f"{o.fps}帧/秒") if x)
        case "add_text":
            role = {"title": "标题", "caption": "字幕", "cta": "行动号召"}[o.role]
            box = f"{_colour(o.box_color, _COLOR_ZH)}底框的" if o.box_color else ""
            return (f"在{_t_zh(o.shot)}上添加了{box}{role}「{o.text}」" if o.shot
                    else f"添加了{box}{role}「{o.text}」{_timing_zh(o.timing)}")
        case "update_text":
            parts = []
            if o.text:
                parts.append(f"文字改为「{' / '.join(o.text.splitlines())}」")
            if o.position:
                parts.append(f"位置改到{_POS_ZH.get(o.position.value, o.position.value)}")
            if o.size:
                parts.append(f"字号改为{_SIZE_ZH.get(o.size.value, o.size.value)}")
            if o.box_color:
                parts.append(f"底框改为{_colour(o.box_color, _COLOR_ZH)}")
            if o.color:
                parts.append(f"{'文字' if o.box_color else '颜色'}改为{_colour(o.color, _COLOR_ZH)}")
            if o.background is TextBackground.NONE:
                parts.append("去掉阴影、描边和底框")
            elif o.background and not (o.box_color and o.background is TextBackground.BOX):
                parts.append(f"背景改为{_BG_ZH.get(o.background.value, o.background.value)}")
            if o.bold is not None:
                parts.append("加粗" if o.bold else "不加粗")
            for ms, way in ((o.fade_in_ms, "淡入"), (o.fade_out_ms, "淡出")):
                if ms is not None:
                    parts.append(f"{way}{fmt_ms(ms)}" if ms else f"不{way}")
            if o.entrance:
                parts.append({"fade": "淡入出现", "slide": "从下往上滑入", "scale": "放大出现"}[o.entrance])
            if o.timing:
                parts.append("显示时间" + _timing_zh(o.timing))
            return f"{_t_zh(_by_words(o.target, names))}：{'，'.join(parts) or '未变'}"
        case "remove_text":
            # ("字幕删了" said "删除了文字": which kind went, when one did)
            every = {"title": "标题", "caption": "全部字幕", "cta": "行动号召"}.get(o.role or "", "文字")
            return f"删除了{_t_zh(_by_words(o.target, names)) if o.target else every}"
        case "set_transition":
            into = f"进入{_t_zh(o.target)}的" if o.target else ""
            if o.kind is Transition.CUT:
                return f"去掉了{into}转场（硬切）"
            length = f"，{fmt_ms(o.duration_ms)}" if o.duration_ms else ""
            return f"{into}转场改为{TRANSITION_ZH.get(o.kind.value, o.kind.value)}{length}"
        case "remove_track":
            return f"删除了{ {Role.MUSIC: '背景音乐', Role.VOICE: '旁白', Role.LOGO: '水印'}.get(o.role, o.role.value)}"
        case "set_fade":
            parts = ([f"淡入{fmt_ms(o.fade_in_ms)}"] if o.fade_in_ms is not None else []) + \
                    ([f"淡出{fmt_ms(o.fade_out_ms)}"] if o.fade_out_ms is not None else [])
            return f"{roles[o.role]}{'、'.join(parts)}"
        case "set_duck":
            when = f"（仅{fmt_ms(o.span.start_ms)}到{fmt_ms(o.span.end_ms)}）" if o.span else ""
            if o.on and o.depth is not None:
                return f"人声时背景音乐压得{'和平常一样' if o.depth == 1 else f'更低（平常的{o.depth:g}倍）'}{when}"
            return f"人声时压低背景音乐{when}" if o.on else f"关闭了音乐闪避{when}"
        case "set_motion":
            what = _t_zh(o.target) if o.target else ""
            return f"{what}去掉了动画" if (o.motion if isinstance(o.motion, str) else o.motion.value) == "none" \
                else f"{what}加上了动画"
        case "set_motion_amount":
            how = f"改为{_pct(o.amount)}" if o.amount is not None else ("加大" if o.factor > 1 else "减小")
            return f"{_t_zh(o.target) if o.target else ''}动画幅度{how}"
        case "add_logo":
            seen = f"，不透明度{_pct(o.opacity)}" if o.opacity < 1 else ""
            return f"水印{an(o.asset_id)}放在{_POS_ZH.get(o.position, o.position)}（宽{_pct(o.scale)}{seen}）{_timing_zh(o.timing)}"
        case "set_speed":
            return f"{_t_zh(o.target) if o.target else '视频片段'}播放速度改为{o.speed:g}倍"
        case "set_clip_audio":
            what = _t_zh(o.target) if o.target else "视频片段"
            return f"{what}静音" if o.mute else f"保留{what}的原声"
        case "place_in_voice":
            return f"{_t_zh(o.target)}在{fmt_ms(o.at_ms)}播放，旁白在此暂停"
        case "place_at_words":
            return f"{_t_zh(o.target)}在旁白说“{o.words}”处播放"
        case "fit_to_voice":
            return "视频时长已按旁白调整"
        case "reverse_order":
            return "镜头顺序已倒过来"
        case "reorder_segments":
            return "镜头顺序改为" + "、".join(str(i + 1) for i in o.order)
        case "set_background":
            return "背景模糊" if o.blur else f"背景颜色改为{o.color}"
        case "set_caption_mode":
            return "字幕烧录到画面中" if o.burn else "字幕单独输出为SRT/WebVTT文件，不烧录到画面"
        case "set_fit":
            return {"cover": "画面填满（裁切）", "contain": "完整显示画面（不裁切）", "blur": "背景模糊"}[o.fit.value]
        case "set_captions" | "auto_captions":
            n = len(o.cues) if o.op == "set_captions" else 0
            return f"添加了自动字幕（{n}条）" if n else "根据语音添加字幕" + ("，每条一行" if getattr(o, "lines", 2) == 1 else "")
        case "add_voiceover":
            return f"旁白用{an(o.asset_id)}"
        case "voiceover":
            return "添加了配音" + ("和字幕" if getattr(o, "captions", False) else "")
        case "call_shot":
            return f"「{o.said}」按顺序认作{an(o.target.id) if o.target.id in (names or {}) else _t_zh(o.target)}"
        case "set_backdrop":
            on = {"#FFFFFF": "白底", "#121212": "黑底"}.get(o.color or "", "背景色")
            return f"{o.target.describe()}放在{on}上" + (f"（占画面{_pct(o.room)}）" if o.room < 1 else "")
        case "set_focus" | "smart_reframe":
            on = o.fx is not None if o.op == "set_focus" else o.on
            return "智能裁剪（主体保持在画面中）" if on else "居中裁剪"
        case "set_style":
            from reelforge.timeline.styles import get_style

            return f"改为{get_style(o.style).label_zh}风格"
        case "set_video_fade":
            parts = []
            if o.fade_in_ms is not None:
                parts.append(f"画面从黑场淡入（{fmt_ms(o.fade_in_ms)}）" if o.fade_in_ms else "去掉了开头的黑场淡入")
            if o.fade_out_ms is not None:
                parts.append(f"画面在最后{fmt_ms(o.fade_out_ms)}淡出到黑场" if o.fade_out_ms else "去掉了结尾的黑场淡出")
            return "，".join(parts)
        case "beat_sync" | "cut_to_beat":
            return "镜头切换对齐音乐节拍（卡点）"
        case "set_grade":
            return "画面颜色：" + grade_words(o, zh=True)
        case "set_in_point":
            length = f"，时长{fmt_ms(o.duration_ms)}" if o.duration_ms else ""
            return f"{_t_zh(o.target)}从素材的第{fmt_ms(o.in_ms)}开始播放{length}"
        case "use_highlight":
            return "使用视频最精彩的部分"
        case "set_audio_timing":
            word = "背景音乐" if o.role == "music" else "旁白"
            parts = []
            if o.start_ms is not None:
                parts.append(f"从第{o.start_ms / 1000:g}秒开始")
            elif o.by_ms:
                parts.append(f"{'推迟' if o.by_ms > 0 else '提前'}{abs(o.by_ms) / 1000:g}秒")
            if o.from_ms is not None:
                parts.append(f"从{word}本身的第{o.from_ms / 1000:g}秒播放")
            if o.end_ms is not None:
                parts.append(f"播放到第{o.end_ms / 1000:g}秒")
            return word + "，".join(parts)
        case "trim_silence":
            return "去掉了旁白首尾的静音"
        case "apply_brand" | "use_brand":
            return "套用了品牌包"
    return describe(op, names)
