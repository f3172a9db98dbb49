"""A first cut's notes in Chinese, for a first cut asked in Chinese.

The planner, the AI stage and the render checks write their notes in English (they are also the
plan's record in the API). A Chinese instruction gets its reply in Chinese: `to_zh` turns each
note of the forms a first cut gives into Chinese by pattern (`_TABLE`); file names and quoted
words are kept as they are, in 「」. A note no pattern knows stays in English (better than a
wrong translation); tests/unit/test_notes_zh.py checks that the first cuts people ask for get
no English sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reelforge.planner.op_words import TRANSITION_ZH
from reelforge.timeline.styles import STYLES

_STYLE_ZH = {name: s.label_zh for name, s in STYLES.items()}
_TEXT_ROLE_ZH = {"title": "标题", "call to action": "行动号召", "caption": "字幕", "captions": "字幕"}
_SIDE_ZH = {"width": "宽度", "height": "高度"}
_SUBJECT_ZH = {"a face": "人脸", "a face in profile": "侧脸", "a cat's face": "猫脸",
               "a cut-out (its opaque pixels)": "抠图主体（不透明部分）", "a salient region": "显著主体",
               "no single subject (centre)": "没有单一主体（取中心）"}
_SOUND_ZH = {"voiceover": "旁白", "music": "背景音乐", "clips' sound": "视频片段的声音"}
_MOVE_ZH = {"zooms in": "推近", "zooms out": "拉远", "pans left": "向左平移", "pans right": "向右平移",
            "pans up": "向上平移", "pans down": "向下平移", "zooming in": "推近", "zooming out": "拉远",
            "panning left": "向左平移", "panning right": "向右平移", "panning up": "向上平移", "panning down": "向下平移"}
_ASPECT_ZH = {"16:9": "横屏 16:9", "9:16": "竖屏 9:16", "1:1": "方形 1:1", "4:5": "竖版 4:5"}


def _q(names: str) -> str:
    """``'a.jpg', 'b.jpg'`` -> ``「a.jpg」、「b.jpg」`` (a list of quoted names as the notes write it)."""
    found = re.findall(r"'(.*?)'(?=,\s*'|\s+and\s+'|\s*$)", names)  # (an apostrophe inside a name stays: "Hopper's")
    return "、".join(f"「{n}」" for n in found) if found else names


def _said_zh(part: str) -> str:
    """One part of "Text from what the voiceover says: …" in Chinese."""
    if m := re.fullmatch(r"title '(.+)' \((the name it says|its first key phrase)\)", part):
        return f"标题「{m[1]}」（{'它说出的名字' if m[2] == 'the name it says' else '它的第一个关键词'}）"
    if m := re.fullmatch(r"title '(.+)' \(spelled as it says it\)", part):
        return f"标题「{m[1]}」（按旁白的写法）"
    if m := re.fullmatch(r"(\d+) captions? \(its key phrases, when they are said\)", part):
        return f"{m[1]}条字幕（它的关键词，在说到时出现）"
    if m := re.fullmatch(r"call to action '(.+)' \(what it speaks of\)", part):
        return f"行动号召「{m[1]}」（与它说的内容相符）"
    return part


def _list(names: str) -> str:
    """``a.jpg, b.jpg`` -> ``a.jpg、b.jpg``."""
    return "、".join(n.strip() for n in names.split(", "))


_GRADE_ZH = [
    (r"vintage look \(muted, warm, softer contrast\)", lambda m: "复古色调（低饱和、暖色、柔和对比）"),
    (r"sepia", lambda m: "怀旧棕色"),
    (r"black and white", lambda m: "黑白"),
    (r"saturation (\d+%)", lambda m: f"饱和度{m[1]}"),
    (r"brighter \((.+)\)", lambda m: f"更亮 ({m[1]})"),
    (r"darker \((.+)\)", lambda m: f"更暗 ({m[1]})"),
    (r"contrast (\d+%)", lambda m: f"对比度{m[1]}"),
    (r"warmer \((.+)\)", lambda m: f"暖色调 ({m[1]})"),
    (r"cooler \((.+)\)", lambda m: f"冷色调 ({m[1]})"),
]


_BAND_ZH = {"top": "上方", "middle": "中间", "bottom": "下方"}


def _grade_zh(words: str) -> str:
    """`op_words.grade_words` in English -> the same setting in Chinese, part by part."""
    out = []
    for part in [words] if words.startswith("vintage look") else words.split(", "):
        for rx, fn in _GRADE_ZH:
            m = re.fullmatch(rx, part)
            if m:
                out.append(fn(m))
                break
        else:
            out.append(part)
    return "，".join(out)


def _role_list(m: re.Match, item_rx: str, lead: str) -> str:
    """A list of "'a.wav' is the voiceover, 'b.mp3' the music" (``item_rx`` reads one: the name,
    the role, an optional share of speech) in Chinese after ``lead``; "" when an item is not of it."""
    parts = []
    for item in m.group(1).split(", '"):
        item = item if item.startswith("'") else "'" + item
        r = re.fullmatch(item_rx, item)
        if r is None:
            return ""
        share = f"（{r.group(3)}%是人声）" if r.lastindex and r.lastindex >= 3 and r.group(3) else ""
        parts.append(f"「{r.group(1)}」是{'旁白' if r.group(2).endswith('voiceover') else '背景音乐'}{share}")
    return lead + "，".join(parts) + "。"


def _roles(m: re.Match) -> str:
    return _role_list(m, r"'(.+)' (?:is )?the (voiceover|music)", "按文件名判断音频用途：")


def _heard_roles(m: re.Match) -> str:
    return _role_list(m, r"'(.+)' is (the voiceover|music) \((\d+)% speech\)", "按音频内容判断用途：")


def _music(m: re.Match) -> str:
    level, asked, rel, k, ducked, starts, looped, fin, fout = m.groups()
    why = f"（{rel}% x{k}，按要求）" if rel else ("（按要求）" if asked else "")
    bits = [f"背景音乐音量{level}%{why}"]
    if ducked:
        bits.append("旁白时自动压低" if "voiceover" in ducked else
                    "视频片段有原声时自动压低（说「视频静音」可去掉原声）")
    if starts:
        bits.append(f"从音轨第{starts}秒、音乐进入处播放")
    if looped:
        r = re.fullmatch(r"([\d.]+) s with sound, of ([\d.]+) s; the silent (ends are|lead-in is|tail is) "
                         r"left out of the loop", looped)
        if r:
            part = {"ends are": "首尾", "lead-in is": "开头", "tail is": "结尾"}[r[3]]
            bits.append(f"循环播放（{r[2]}秒中有声音的{r[1]}秒，去掉了{part}的静音）")
        elif (r := re.fullmatch(r"([\d.]+) s long", looped)):
            bits.append(f"循环播放（长{r[1]}秒）")
        else:
            return ""
    return "，".join(bits) + f"；淡入{fin}秒，淡出{fout}秒。"


_SOURCE_ZH = {"from the instruction": "取自指令", "from what the file names share": "取自文件名的共同部分",
              "a stock phrase: neither the instruction nor the file names say what it is about":
              "通用说法：指令和文件名都没有说明内容", "a listing's": "房源视频的标题"}


def _made_up(m: re.Match) -> str:
    parts = []
    for item in m.group(1).split("; "):
        if (r := re.fullmatch(r"(\d+) captions? from the file names", item)):
            parts.append(f"{r[1]}条字幕取自文件名")
            continue
        r = re.fullmatch(r"(title|call to action) '(.+?)'(?: \((.+)\))?", item)
        if r is None or (r[3] and r[3] not in _SOURCE_ZH):
            return ""
        parts.append(f"{_TEXT_ROLE_ZH[r[1]]}「{r[2]}」" + (f"（{_SOURCE_ZH[r[3]]}）" if r[3] else ""))
    return "为你拟定的文字：" + "；".join(parts) + "。用引号写出你自己的文字即可替换。"


def _brief(m: re.Match) -> str:
    parts = []
    for item in m.group(1).split("; "):
        if (r := re.fullmatch(r"(title|call to action) '(.+)'", item)):
            parts.append(f"{_TEXT_ROLE_ZH[r[1]]}「{r[2]}」")
        elif (r := re.fullmatch(r"'(.+)' under the title", item)):
            parts.append(f"标题下面一行「{r[1]}」")
        elif (r := re.fullmatch(r"captions (.+)", item)):
            parts.append(f"字幕{_q(r[1])}")
        elif (r := re.fullmatch(r"(.+) with the call to action", item)):
            parts.append(f"{_q(r[1])}和行动号召一起显示")
        else:
            return ""
    return "取自你写的各项：" + "；".join(parts) + "。"


def _subjects(m: re.Match) -> str:
    parts = []
    for item in m.group(1).split("; "):
        kind, _, names = item.partition(" in ")
        if kind not in _SUBJECT_ZH:
            return ""
        parts.append(f"{_list(names)}：{_SUBJECT_ZH[kind]}")
    return "主体检测：" + "；".join(parts) + "。"


def _transition(m: re.Match) -> str:
    secs, kind, how = m.groups()
    name = TRANSITION_ZH.get(kind, kind)
    if how == "as asked":
        return f"转场：{secs}秒{name}（按要求）。"
    if how == "the default; say 'hard cuts' for none":
        return f"转场：{secs}秒{name}（默认；说「硬切」可去掉）。"
    style = re.fullmatch(r"the (\w+) style's; say 'hard cuts' for none", how)
    if style and style.group(1) in _STYLE_ZH:
        return f"转场：{secs}秒{name}（{_STYLE_ZH[style.group(1)]}风格的；说「硬切」可去掉）。"
    return ""


def _skipped_reason(reason: str) -> str:
    reason = reason.rstrip(".")
    if reason.startswith("there is no speech to caption"):
        return "没有可配字幕的语音：请添加旁白（或说「添加旁白：“……”」）或带声音的视频片段"
    r = re.fullmatch(r"no speech could be made out in the (voiceover|music|clips' sound)", reason)
    if r:
        return f"{_SOUND_ZH[r.group(1)]}里听不出语音"
    r = re.fullmatch(r"the (voiceover|music|clips' sound)'s words could not be made out \(confidence (\d+)%\).*", reason)
    if r:
        return (f"{_SOUND_ZH[r.group(1)]}的字词听不清（置信度{r.group(2)}%），"
                "没有生成字幕：可以直接输入，例如：添加字幕“……”从0:02到0:05")
    return ""


def _skipped(m: re.Match) -> str:
    what, reason = m.groups()
    if what != "captions from the speech":
        return ""
    said = _skipped_reason(reason)
    return f"未生成语音字幕：{said}。" if said else ""


Rule = tuple[re.Pattern[str], Callable[[re.Match], str]]


def _r(pattern: str, fn: Callable[[re.Match], str]) -> Rule:
    return re.compile(pattern, re.S), fn


_TABLE: list[Rule] = [
    _r(r"Frame: (\d+)x(\d+) \(([\d:]+), (\w+)\), the default; say e\.g\. .*",
       lambda m: f"画面：{m[1]}x{m[2]}（{_ASPECT_ZH.get(m[3], m[3])}，{m[4]}），默认；说「竖屏」「方形」或「720p」可更改。"),
    _r(r"Frame: (\d+)x(\d+) \(([\d:]+), (\w+)\)\.",
       lambda m: f"画面：{m[1]}x{m[2]}（{_ASPECT_ZH.get(m[3], m[3])}，{m[4]}）。"),
    _r(r"Look: (\w+) style \(as asked\)\.", lambda m: f"风格：{_STYLE_ZH.get(m[1], m[1])}（按要求）。"),
    _r(r"Look: (\w+) style \(the default; .*\)\.",
       lambda m: f"风格：{_STYLE_ZH.get(m[1], m[1])}（默认；说「醒目风格」「简约风格」或「活泼风格」可更改）。"),
    _r(r"Look: (\w+) style \(as asked\); 'cinematic' adds a fade in from black and out to black\.",
       lambda m: f"风格：{_STYLE_ZH.get(m[1], m[1])}（按要求）；「电影感」另加从黑场淡入、淡出到黑场。"),
    _r(r"'Cinematic' is read as the minimal look \(slow 0\.8 s crossfades, quiet text\) with a fade in from black "
       r"and out to black\.", lambda m: "「电影感」按简约风格处理（0.8秒慢叠化、低调的文字），并从黑场淡入、淡出到黑场。"),
    _r(r"Big readable text: every text one size larger \(titles and calls to action extra large, captions large\)\.",
       lambda m: "大字：所有文字大一号（标题和行动号召特大，字幕大）。"),
    _r(r"Not applied: (.*) \(there is no such look; the looks are clean, bold, minimal and playful, and the colour "
       r"can be changed: 'black and white', 'warmer', 'vintage look', 'brighter', 'more contrast'\)\.",
       lambda m: f"未采用：{_q(m[1])}（没有这种风格；可选的风格有简洁、醒目、简约和活泼，颜色可以调：「黑白」「暖色调」"
                 "「复古」「亮一点」「对比度高一点」）。"),
    _r(r"Colour: (.*)\.", lambda m: f"画面颜色：{_grade_zh(m[1])}。"),
    # the layout's and the render checks' warnings (`reelforge.render.checks`), after an edit too
    _r(r"The text '(.*)' is in the (top|middle|bottom) part of the frame, not at the (top|middle|bottom): there it "
       r"would cover the picture's subject or other text\.",
       lambda m: f"文字「{m[1]}」放在画面{_BAND_ZH[m[2]]}，不是{_BAND_ZH[m[3]]}：放在那里会挡住画面主体或其他文字。"),
    _r(r"The text '(.*)' is set to the centre, but shows to the (left|right): in the middle it would cover the "
       r"picture's subject\.",
       lambda m: f"文字「{m[1]}」设为居中，但显示在{'左' if m[2] == 'left' else '右'}边：放在中间会挡住画面主体。"),
    _r(r"The captions are drawn smaller than their size so they keep off the subject of the pictures they are over\.",
       lambda m: "字幕画得比字号小一些，以免挡住画面的主体。"),
    _r(r"The text '(.*)' is left out: every place for it is taken by other text while it would be on screen\.",
       lambda m: f"文字「{m[1]}」没有显示：它出现的时候，所有位置都被其他文字占着。"),
    _r(r"The text '(.*)' starts at ([\d.]+) s instead of ([\d.]+) s so it does not cover other text\.",
       lambda m: f"文字「{m[1]}」从{m[2]}秒开始（原来是{m[3]}秒），以免挡住其他文字。"),
    _r(r"The text '(.*)' was on screen ([\d.]+) s, too short to read: it now shows from ([\d.]+) s to ([\d.]+) s\.",
       lambda m: f"文字「{m[1]}」只显示{m[2]}秒，来不及看：现在从{m[3]}秒显示到{m[4]}秒。"),
    _r(r"The texts (.*) are shown together from ([\d.]+) s to ([\d.]+) s: apart, each was on screen less than "
       r"([\d.]+) s, too short to read\.",
       lambda m: f"文字{_q(m[1])}一起从{m[2]}秒显示到{m[3]}秒：分开时每段都不到{m[4]}秒，来不及看。"),
    _r(r"The text '(.*)' had to shrink to (\d+) px \(([\d.]+%) of the frame\) to fit in two lines, below the "
       r"readable (\d+) px: shorten it\.",
       lambda m: f"文字「{m[1]}」要缩小到{m[2]}px（画面的{m[3]}）才能放进两行，小于易读的{m[4]}px：请缩短。"),
    _r(r"The captions are drawn at (\d+) px, not the (\d+) px their size asks for: that is as large as the longest "
       r"fits in two lines inside the safe zone\.",
       lambda m: f"字幕按这个字号放不下（最长的一条最多两行、在安全区内），画出来是{m[1]}px，不是{m[2]}px。"),
    _r(r"'(.*)' is drawn at (\d+) px, not the (\d+) px its size asks for: that is as large as it fits in two lines "
       r"inside the safe zone\.",
       lambda m: f"「{m[1]}」按这个字号放不下（最多两行、在安全区内），画出来是{m[2]}px，不是{m[3]}px。"),
    _r(r"The clip '(.*)' is ([\d.]+) s shorter than its slot \(([\d.]+) s of ([\d.]+) s\): its last frame holds for "
       r"the rest\. Shorten its slot or slow it down to avoid the freeze\.",
       lambda m: f"视频片段「{m[1]}」比它的位置短{m[2]}秒（{m[4]}秒里只有{m[3]}秒）：剩下的时间停在最后一帧。"
                 "缩短它的位置或放慢它，就不会定格。"),
    _r(r"Audio roles from the file names: (.*)\.", _roles),
    _r(r"Audio roles from what is in the files: (.*)\.", _heard_roles),
    _r(r"'(.+)' is used as the voiceover, since the instruction mentions one\.",
       lambda m: f"「{m[1]}」用作旁白（指令里提到了旁白）。"),
    _r(r"'(.+)' is the voiceover, as the instruction calls it, and '(.+)' the music\.",
       lambda m: f"「{m[1]}」用作旁白（指令里这样说），「{m[2]}」用作背景音乐。"),
    _r(r"No file name says which audio is which, so the shorter one, '(.+)' \(([\d.]+) s\), is taken as the voiceover "
       r"and the longer one, '(.+)' \(([\d.]+) s\), as the music\. Say so if it is the other way round\.",
       lambda m: f"文件名看不出哪个是旁白，所以把短的「{m[1]}」（{m[2]}秒）当作旁白，长的「{m[3]}」（{m[4]}秒）当作背景音乐；"
                 "反了的话请说一声。"),
    _r(r"'(.+)' is used as background music \(its name does not say, and the instruction mentions no voiceover\)\.",
       lambda m: f"「{m[1]}」用作背景音乐（文件名没有说明，指令里也没有提到旁白）。"),
    _r(r"'(.+)' is used as the music, since '(.+)' is the voiceover\.",
       lambda m: f"「{m[1]}」用作背景音乐，因为「{m[2]}」是旁白。"),
    _r(r"'(.+)' is used as the voiceover, since '(.+)' is the music\.",
       lambda m: f"「{m[1]}」用作旁白，因为「{m[2]}」是背景音乐。"),
    _r(r"Not used \(role unclear\): (.*)\.", lambda m: f"未使用（用途不明）：{_q(m[1])}。"),
    _r(r"No music, as asked: (.*) left out\.", lambda m: f"按要求不用背景音乐：{_q(m[1])}没有用上。"),
    _r(r"No voiceover, as asked: (.*) left out\.", lambda m: f"按要求不用旁白：{_q(m[1])}没有用上。"),
    _r(r"Length: ([\d.]+) s, as asked\.", lambda m: f"时长：{m[1]}秒（按要求）。"),
    _r(r"Length: ([\d.]+) s — no length given, the time of each picture kept for the (\d+) used\.",
       lambda m: f"时长：{m[1]}秒（没有指定时长，用到的{m[2]}张图片各自的时间不变）。"),
    _r(r"(.+): its most active ([\d.]+)s \(from ([\d.]+)s\)\.", lambda m: f"{m[1]}：用了动作最多的{m[2]}秒（从第{m[3]}秒起）。"),
    _r(r"(.+) plays its first ([\d.]+)s of ([\d.]+)s: its speech may stop mid-sentence; give it more time \(e\.g\. "
       r"'make the (.+) (\d+) seconds'\) to hear all of it\.",
       lambda m: f"{m[1]}只播放了前{m[2]}秒（共{m[3]}秒）：里面的话可能说到一半被截断；给它更多时间（例如“{m[1]}改成{m[5]}秒”）就能听完整。"),
    _r(r"Length: ([\d.]+) s, within the ([\d.]+)-([\d.]+) s asked\.", lambda m: f"时长：{m[1]}秒（在要求的{m[2]}-{m[3]}秒之内）。"),
    _r(r"Length: ([\d.]+) s, the voiceover and then (.+) with (?:its|their) own sound; .*",
       lambda m: f"时长：{m[1]}秒，先是旁白，然后是保留原声的{_list(m[2])}；说出时长（如「30秒」）可更改。"),
    _r(r"Length: ([\d.]+) s, the length of the voiceover; .*",
       lambda m: f"时长：{m[1]}秒，即旁白的长度；说出时长（如「30秒」）可更改。"),
    _r(r"Length: ([\d.]+) s — no length given and no voiceover, so ([\d.]+) s for each of (\d+) images?"
       r"(?: \((a fast|a calm) pace, as asked\))?\.",
       lambda m: f"时长：{m[1]}秒——没有指定时长，也没有旁白，{m[3]}张图片每张{m[2]}秒"
                 + ({"a fast": "（节奏快，按要求）", "a calm": "（节奏舒缓，按要求）"}.get(m[4], "")) + "。"),
    _r(r"Length: ([\d.]+) s — ([\d.]+) s for each of (\d+) images?(?: and clips at their own length \(at most [\d.]+ s each\))?, "
       r"as asked; the voiceover \(([\d.]+) s\) ends before the video does\.",
       lambda m: f"时长：{m[1]}秒——{m[3]}张图片每张{m[2]}秒（按要求）；旁白（{m[4]}秒）在视频结束前就结束了。"),
    _r(r"([\d.]+) s for each image would end the video at ([\d.]+) s, before the voiceover \(([\d.]+) s\), so the "
       r"pictures share its length\.",
       lambda m: f"每张图片{m[1]}秒的话视频在{m[2]}秒就结束了，比旁白（{m[3]}秒）短，所以图片平分旁白的长度。"),
    _r(r"Bold text: every text in a heavy weight \((\d+)\)\.", lambda m: f"粗体字：所有文字加粗（字重{m[1]}）。"),
    _r(r"(Fast|Calm) pace: the length sets about ([\d.]+) s for each of (\d+) images?; .*",
       lambda m: f"{'节奏快' if m[1] == 'Fast' else '节奏舒缓'}：时长决定每张图片约{m[2]}秒（{m[3]}张）；"
                 + ("图片多一些或视频短一些，切换就更快。" if m[1] == "Fast" else "图片少一些或视频长一些，每张停留更久。")),
    _r(r"Length capped at ([\d.]+) s \(asked for ([\d.]+) s\)\.",
       lambda m: f"时长限制为{m[1]}秒（要求的是{m[2]}秒）。"),
    _r(r"The title '(.+)' is the name the voiceover was heard to say, (\d+)% sure: if that is not it, say e\.g\. "
       r"'title \"Urban Dreams\"'\.",
       lambda m: f"标题「{m[1]}」是从旁白里听出的名字（把握{m[2]}%）：如果不对，可以说例如“标题改成「城市之梦」”。"),
    _r(r"A video of no length cannot be made: the length is chosen below\.", lambda m: "无法制作时长为0的视频：时长按下面的方式决定。"),
    _r(r"Length raised to ([\d.]+) s, the shortest video made\.", lambda m: f"时长提高到{m[1]}秒，这是最短的视频长度。"),
    _r(r"Transitions: hard cuts(?: \((\w+) style\))?\.",
       lambda m: f"转场：硬切（{_STYLE_ZH.get(m[1], m[1])}风格）。" if m[1] else "转场：硬切。"),
    _r(r"Transitions: cuts \(pictures too short to blend\)\.", lambda m: "转场：直接切换（画面太短，无法叠化）。"),
    _r(r"Transitions: ([\d.]+) s ([\w-]+) \((.+)\)\.", _transition),
    _r(r"Stills get a slow zoom or pan in turn \(say 'no motion' to keep them still, 'subtler zoom' or 'stronger zoom' to "
       r"change how far they go\)\.",
       lambda m: "图片依次缓慢推近或平移（说「去掉动画」可保持静止，「缩放幅度小一点」或「大一点」可调节幅度）。"),
    _r(r"Stills get a (subtle|strong) zoom or pan in turn \((\d+) % of the view, as asked; the usual is (\d+) %\)\.",
       lambda m: f"图片依次{'轻微' if m[1] == 'subtle' else '大幅'}推近或平移（按要求为画面的{m[2]}%，通常是{m[3]}%）。"),
    _r(r"Stills stay still, as asked\.", lambda m: "图片保持静止（按要求）。"),
    _r(r"Stills (pan right and left in turn|zoom in|zoom out|zoom in and out in turn), as asked \((\d+) % of the view\)\.",
       lambda m: "图片" + {"pan right and left in turn": "依次向右、向左平移", "zoom in": "都推近", "zoom out": "都拉远",
                          "zoom in and out in turn": "依次推近、拉远"}[m[1]] + f"（按要求，幅度为画面的{m[2]}%）。"),
    _r(r"Frame rate: (\d+) fps \(([\d.]+) fps is not offered: ([\d, ]+) fps are\)\.",
       lambda m: f"帧率：{m[1]}帧/秒（没有{m[2]}帧/秒；可以用{m[3].replace(', ', '、')}帧/秒）。"),
    _r(r"Frame rate: (\d+) fps, as asked( \(twice the frames of 30 fps: a longer export and twice the credits\))?\.",
       lambda m: f"帧率：{m[1]}帧/秒（按要求" + ("；画面数是30帧/秒的两倍，导出更慢，费用也是两倍）。" if m[2] else "）。")),
    _r(r"The clips' own sound is muted, as asked\.", lambda m: "视频片段的原声已按要求静音。"),
    _r(r"(.+) plays where the voiceover says \"(.+)\" \(([\d.]+)s\); the voiceover goes on after it\.",
       lambda m: f"「{m[1]}」在旁白说到“{m[2]}”处播放（{m[3]}秒），之后旁白继续。"),
    _r(r"(.+) keeps? (?:its|their) own sound, as asked; the music steps back under it\.(?: It plays under the "
       r"voiceover \((.+)\): say 'move (.+) to the end' or 'mute (.+)'\.)?(?: (?:It comes|They come) after the "
       r"voiceover \(([\d.]+)-([\d.]+) s\), so the two voices do not talk at once\.)?",
       lambda m: _q(m[1]) + "按要求保留原声，背景音乐在原声处自动压低。"
       + (f"它与旁白重叠（{m[2].replace(' s', '秒').replace('; ', '；')}）：可以说“把{m[3]}移到最后”或“{m[4]}静音”。"
          if m[2] else "") + (f"放在旁白之后（{m[5]}-{m[6]}秒），两个声音不会同时说话。" if m[5] else "")),
    _r(r"The clips' own sound is muted so it does not talk over the voiceover\.",
       lambda m: "视频片段的原声已静音，以免盖过旁白。"),
    _r(r"'(.+)' does not fit in the ([\d.]+) s and is left out\.",
       lambda m: f"「{m[1]}」放不进这{m[2]}秒，没有使用。"),
    _r(r"The voiceover '(.+)' \(([\d.]+) s\) is cut off at ([\d.]+) s; drop the length to keep all of it\.",
       lambda m: f"旁白「{m[1]}」（{m[2]}秒）在第{m[3]}秒处截断；不限定时长即可保留完整旁白。"),
    _r(r"Voiceover at (\d+)%, as asked\.", lambda m: f"旁白音量{m[1]}%（按要求）。"),
    _r(r"Music at (\d+)%( as asked| \((\d+)% x([\d.]+), as asked\))?(, ducked under the voiceover|"
       r", ducked under the clips' own sound \((?:.+); say 'mute the clips' to drop it\))?"
       r"(?:, starts ([\d.]+) s into the track, where the music comes in)?(?:, looped \((.+)\))?"
       r"; fades in ([\d.]+) s and out ([\d.]+) s\.", _music),
    _r(r"A music level was given, but there is no music file to apply it to\.",
       lambda m: "指定了音乐音量，但没有音乐文件可用。"),
    _r(r"Pictures in the order given, (.+) after the voiceover: (.*)\.",
       lambda m: f"画面按给出的顺序，{_list(m[1].replace(' and ', ', '))}放在旁白之后：{_list(m[2])}。"),
    _r(r"Pictures in the order given: (.*)\.", lambda m: f"画面按给出的顺序：{_list(m[1])}。"),
    _r(r"Pictures follow the voiceover: (.+) \(they came in name order; add 'in this order' to the instruction to keep it\): (.*)\.",
       lambda m: "画面跟着旁白走：" + "，".join(re.sub(r"^(.+) when it says '(.+)'$", r"说到“\2”时出现\1", x)
                                         for x in m[1].split(", ")) + f"（原本按文件名排序；要保留原顺序，请在指令里加上“按这个顺序”）：{_list(m[2])}。"),
    _r(r"Cuts follow the voiceover: (.+)\.",
       lambda m: "镜头切换跟着旁白：" + "，".join(re.sub(r"^(.+) when it says '(.+)'$", r"说到“\2”时出现\1", x)
                                            for x in m[1].split(", ")) + "。"),
    _r(r"Title from the instruction: '(.+)'\.", lambda m: f"标题取自指令：「{m[1]}」。"),
    _r(r"Text from what the voiceover says: (.+)\.", lambda m: "文字取自旁白所说：" + "；".join(_said_zh(x) for x in m[1].split("; ")) + "。"),
    _r(r"'(.+)' is the logo: (top left|top right|bottom left|bottom right) corner, (\d+)% wide, throughout \(.*\)\.",
       lambda m: f"「{m[1]}」用作水印：{ {'top left': '左上角', 'top right': '右上角', 'bottom left': '左下角', 'bottom right': '右下角'}[m[2]]}，"
                 f"宽{m[3]}%，全程显示（可以说“水印放到左上角”“水印小一点”或“水印只在最后3秒显示”）。"),
    _r(r"No logo image was given: .*", lambda m: "没有给出logo图片：加一张名为logo.png之类的图片（会用作水印），上传后也可以说“右上角加上logo.png”。"),
    _r(r"Call to action from the instruction: '(.+)'\.", lambda m: f"结尾的行动号召取自指令：「{m[1]}」。"),
    _r(r"From the brief's fields: (.+)\.", _brief),
    _r(r"Title for the (?:occasion|intro): '(.+?)'(; say 'add a call to action' or 'add captions' for more text)?\.",
       lambda m: f"标题按场合：「{m[1]}」" + ("；要更多文字可以说“加上行动号召”或“加字幕”" if m[2] else "") + "。"),
    _r(r"The caption '(.+)' is left out: the call to action and the line under it take the end\.",
       lambda m: f"字幕「{m[1]}」没有放：结尾由行动号召和它下面一行占用。"),
    _r(r"Captions from the prices listed: (.+)\.", lambda m: f"字幕取自列出的价格：{_q(m[1])}。"),
    _r(r"Captions from the facts typed: (.+)\.", lambda m: f"字幕取自指令里写的信息：{_q(m[1])}。"),
    _r(r"Also shown, as typed: (.+)\.", lambda m: f"也按原样显示了：{_q(m[1])}。"),
    _r(r"No room for (.+) over the pictures; add them with 'add the caption …' where you want them\.",
       lambda m: f"图片上放不下{_q(m[1])}；可以说“加字幕……”放到想要的位置。"),
    _r(r"The caption '(.+)' is shown with the one before it: the call to action and the line under it take the end\.",
       lambda m: f"字幕「{m[1]}」和前一条字幕一起显示：结尾由行动号召和它下面一行占用。"),
    _r(r"((?:'[^']*'(?:, )?)+) shown with the call to action, a row below it\.", lambda m: f"{_q(m[1])}和结尾的行动号召同时显示，在它下面一行。"),
    _r(r"Captions from the names given, one a picture in order: (.+)\.", lambda m: f"字幕取自给出的名字，按顺序每张图片一个：{_q(m[1])}。"),
    _r(r"Only the names on screen, as asked: '(.+)'\.", lambda m: f"按要求画面上只有名字：「{m[1]}」。"),
    _r(r"Only '(.+)' on screen, as asked\.", lambda m: f"按要求画面上只有「{m[1]}」。"),
    _r(r"The first picture is captioned '(.+)', the second '(.+)' \(say 'swap the captions' if it is the other way round\)\.",
       lambda m: f"第一张图片的字幕是「{m[1]}」，第二张是「{m[2]}」（如果反了，说“字幕对调”）。"),
    _r(r"'(.+)' is shown under the title\.", lambda m: f"「{m[1]}」显示在标题下面一行。"),
    _r(r"Call to action from the date it announces: '(.+)'\.", lambda m: f"结尾的行动号召取自宣布的日期：「{m[1]}」。"),
    _r(r"Call to action from the date it gives: '(.+)'\.", lambda m: f"结尾的行动号召取自指令里的日期：「{m[1]}」。"),
    _r(r"'(.+)' is shown with the call to action, a row below it\.", lambda m: f"「{m[1]}」和结尾的行动号召同时显示，在它下面一行。"),
    _r(r"Quoted text used verbatim: (.*)\.", lambda m: f"引号里的文字原样使用：{_q(m[1])}。"),
    _r(r"Text made up for you: (.+?)\. Put your own words in quotes to use them instead\.", _made_up),
    _r(r"No room for the call to action '(.+)' in ([\d.]+) s\.",
       lambda m: f"{m[2]}秒里放不下行动号召「{m[1]}」。"),
    _r(r"No caption from (.*): the name is English and the video Chinese; quote the words to show\.",
       lambda m: f"{_q(m[1])}没有生成字幕：文件名是英文，视频是中文；用引号写出要显示的文字即可。"),
    _r(r"No captions: the file names say nothing about the pictures \(e\.g\. IMG_0001\)\.",
       lambda m: "没有字幕：文件名（如 IMG_0001）说明不了画面内容。"),
    _r(r"Subject detection found (.*)\.", _subjects),
    _r(r"Captions: (\d+) lines? \(auto\)\.?", lambda m: f"自动字幕：{m[1]}条。"),
    _r(r"Captions go to SRT/WebVTT files beside the video, not burned in\.",
       lambda m: "字幕另存为 SRT/WebVTT 文件，不压进画面。"),
    _r(r"Skipped (.+?): (.*)", _skipped),
    _r(r"'(.+)' is shown whole over a blurred fill: its subject spans (\d+)% of its (width|height), "
       r"a crop can keep (\d+)%\.",
       lambda m: f"「{m[1]}」完整显示在模糊背景上：主体占画面{_SIDE_ZH[m[3]]}的{m[2]}%，裁剪最多只能保留{m[4]}%。"),
    _r(r"'(.+)' \((\d+)x(\d+)\) is shown whole over a blurred fill: filling the (\d+)x(\d+) frame would keep (\d+)% "
       r"of it, enlarged ([\d.]+)x\.",
       lambda m: f"「{m[1]}」（{m[2]}x{m[3]}）完整显示在模糊背景上：要填满{m[4]}x{m[5]}的画面只能保留{m[6]}%，"
                 f"还要放大{m[7]}倍。"),
    _r(r"'(.+)' (zooms in|zooms out|pans left|pans right|pans up|pans down) again: the (\d+)x(\d+) frame leaves it "
       r"room\.",
       lambda m: f"「{m[1]}」重新{_MOVE_ZH[m[2]]}：{m[3]}x{m[4]}的画面有空间移动了。"),
    _r(r"'(.+)' is held still: its subject fills the (\d+)x(\d+) frame's crop, so a pan or zoom would cut it\.",
       lambda m: f"「{m[1]}」保持静止：主体占满了{m[2]}x{m[3]}画面的裁剪范围，平移或缩放都会切掉它。"),
    _r(r"'(.+)' (zooms in|zooms out|pans left|pans right|pans up|pans down) instead of (zooming in|zooming out|"
       r"panning left|panning right|panning up|panning down): its crop of the (\d+)x(\d+) frame has no room for "
       r"that without cutting its subject\.",
       lambda m: f"「{m[1]}」改为{_MOVE_ZH[m[2]]}（不再{_MOVE_ZH[m[3]]}）：在{m[4]}x{m[5]}的画面里，裁剪后没有空间"
                 "这样移动而不切掉主体。"),
    _r(r"'(.+)' is shown whole over a blurred fill: cropped, its subject would fill the frame under the text on it\.",
       lambda m: f"「{m[1]}」完整显示在模糊背景上：裁剪后主体会占满画面，被上面的文字挡住。"),
    _r(r"(\d+) pictures are enlarged ([\d.]+)-([\d.]+)x to fill the (\d+)x(\d+) frame, so they will look soft: (.+); "
       r"larger originals would be sharp\.",
       lambda m: f"{m[1]}张图片要放大{m[2]}-{m[3]}倍才能填满{m[4]}x{m[5]}的画面，会显得模糊："
                 + "、".join(f"「{n}」（{w}x{h}，{k}倍）" for n, w, h, k in re.findall(r"'(.+?)' \((\d+)x(\d+), ([\d.]+)x\)", m[6]))
                 + "；换更大的原图会更清晰。"),
    _r(r"'(.+)' \((\d+)x(\d+)\) is enlarged ([\d.]+)x to fill the (\d+)x(\d+) frame, so it will look soft: "
       r"a larger original would be sharp\.",
       lambda m: f"「{m[1]}」（{m[2]}x{m[3]}）要放大{m[4]}倍才能填满{m[5]}x{m[6]}的画面，会显得模糊：换更大的原图会更清晰。"),
    _r(r"'(.+)' stays on screen ([\d.]+) s( without motion)?: it may look frozen; more pictures or a shorter video "
       r"would keep it moving\.",
       lambda m: f"「{m[1]}」{'静止' if m[3] else ''}停留{m[2]}秒，看起来可能像卡住了：多加几张图片或缩短视频会更生动。"),
    _r(r"The clip '(.+)' is ([\d.]+) s shorter than its slot \(([\d.]+) s of ([\d.]+) s\): its last frame holds "
       r"for the rest\. Shorten its slot or slow it down to avoid the freeze\.",
       lambda m: f"视频片段「{m[1]}」比它的位置短{m[2]}秒（{m[4]}秒里只有{m[3]}秒）：剩下的时间停在最后一帧。"
                 "缩短它的时长或放慢它可避免定格。"),
    _r(r"Read (.+)\.", lambda m: "已把" + "、".join(f"「{a}」理解为「{b}」" for a, b in
                                                  re.findall(r"'([^']*)' as '([^']*)'", m[1])) + "。"
       if re.fullmatch(r"(?:'[^']*' as '[^']*'(?:, )?)+", m[1]) else ""),
]


def to_zh(note: str) -> str:
    """``note`` in Chinese when it has a known form, else as it is."""
    text = note.strip()
    for rx, fn in _TABLE:
        m = rx.fullmatch(text)
        if m:
            said = fn(m)
            if said:
                return said
    return note


def is_translated(note: str) -> bool:
    return to_zh(note) != note


# -- the reasons an edit could not be made (`reelforge.planner.apply.ApplyError`), for a Chinese reply --
_ROLE_ZH = {"image or clip": "图片或视频片段", "music": "背景音乐", "voiceover": "旁白", "title": "标题", "caption": "字幕",
            "call to action": "行动号召", "logo": "logo", "overlay": "叠加画面", "sound effect": "音效", "text": "文字",
            "images": "图片", "video clips": "视频片段"}


def _role(word: str) -> str:
    return _ROLE_ZH.get(word, word)


def _secs(ms: str) -> str:
    """"12s" / "1.5s" (as `ops.fmt_ms` writes them) -> "12秒"."""
    return ms[:-1] + "秒" if ms.endswith("s") and ms[:-1].replace(".", "", 1).isdigit() else ms


_ERRORS: list[Rule] = [
    # "改成2小时": the length cap, in Chinese (it was said in English)
    _r(r"[Tt]he video can be at most ([\d.]+) (minutes|seconds) long \((\w+)\)\.?",
       lambda m: f"视频最长{m[1]}{'分钟' if m[2] == 'minutes' else '秒'}（{m[3]}）"),
    # "第二张上课照片和第一张换一下位置": which of the shots a name matches, asked in Chinese (it was asked in English)
    _r(r'"(.+?)" matches (\d+) segments \((.+)\); which one\?', lambda m: f"「{m[1]}」对应{m[2]}个镜头（{m[3]}）：是哪一个？"),
    # a model step that failed (`AIStage.run_request`): which step, and the kind of failure
    _r(r"[Cc]aptions from the speech did not work \((\w+)\)\.?", lambda m: f"按语音生成字幕没有成功（{m[1]}）"),
    _r(r"(.+?) did not work \((\w+)\)\.?", lambda m: f"这一步没有成功：{m[1]}（{m[2]}）"),
    _r(r"[Tt]he clip (.+?) is only (\S+) long and already plays in full\.?",
       lambda m: f"视频片段{m[1]}只有{_secs(m[2])}，已经完整播放了"),
    _r(r"[Tt]he shots are stills; they have no sound of their own\.?",
       lambda m: "画面都是图片，没有自己的声音；背景音乐和旁白可以说“背景音乐调大一点”“旁白大声一点”"),
    _r(r"[Tt]here is no (.+?) in this video\.?", lambda m: f"视频里没有{_role(m[1])}"),
    _r(r"[Tt]here is no (.+?) to remove; the texts are: (.+?)\.?",
       lambda m: f"没有{_role(m[1])}可以删除；画面上的文字有" + "、".join(
           f"{_role(r)}「{x}」" for r, x in re.findall(r'(\w[\w ]*?) "(.*?)"', m[2])) + ("等" if m[2].endswith("…") else "")),
    _r(r"[Tt]here is no (.+?) to (?:remove|change)\.?", lambda m: f"没有{_role(m[1])}可以修改"),
    _r(r"[Tt]here are no (images|video clips) on the timeline\.?", lambda m: f"时间线上没有{_role(m[1])}"),
    _r(r"[Tt]here are no video clips on the timeline \(only stills\)\.?", lambda m: "时间线上没有视频片段（只有图片）"),
    _r(r"[Tt]here are only (\d+) shots(?: \(no shot \d+\))?\.?", lambda m: f"只有{m[1]}个镜头"),
    _r(r"[Tt]here (?:is|are) only (\d+) (image|video clip|shot|segment|clip|caption|title|call to action)s?, so there is no "
       r"(\w+(?:-to-last)?) one\.?",
       lambda m: f"只有{m[1]}{ {'image': '张', 'video clip': '段', 'caption': '条'}.get(m[2], '个')}"
                 f"{_role(m[2] + 's') if m[2] in ('image', 'video clip') else _role(m[2])}，没有你说的那一个"),
    _r(r"[Tt]he video is only ([\d.]+s) long\.?", lambda m: f"视频只有{_secs(m[1])}长"),
    _r(r"(.+?) is only ([\d.]+s) long\.?", lambda m: f"{m[1]}只有{_secs(m[2])}长"),
    _r(r"(.+?) is a still image; it has no in-point\.?", lambda m: f"{m[1]}是图片，没有可以从中间开始播放的地方"),
    _r(r"(.+?) is a still image; change how long it shows instead\.?", lambda m: f"{m[1]}是图片；可以改它显示多久"),
    _r(r"[Tt]hat is the only shot; the video needs at least one\.?", lambda m: "这是唯一的镜头，视频至少要有一个镜头"),
    _r(r"[Tt]here is only one shot, so there is nothing to (?:transition between|cut on the beat)\.?",
       lambda m: "只有一个镜头，没有可以切换的地方"),
    _r(r"[Ss]peed applies to video clips\.?", lambda m: "速度只能用在视频片段上"),
    _r(r"[Mm]otion applies to pictures\.?", lambda m: "动画只能用在图片上"),
    _r(r"[Tt]here are no still images to move \(motion applies to stills\)\.?", lambda m: "没有图片可以加动画"),
    _r(r"[Ff]ades apply to the music or the voiceover\.?", lambda m: "淡入淡出只能用在背景音乐或旁白上"),
    _r(r"[Tt]here is no room for that\.?", lambda m: "放不下了"),
    _r(r"[Tt]here is no voiceover to fit to\.?", lambda m: "没有旁白可以对齐"),
    _r(r"[Tt]he music has no beats inside the video\.?", lambda m: "背景音乐在视频范围内没有节拍"),
    _r(r"[Tt]hose are the same shot\.?", lambda m: "这是同一个镜头"),
    _r(r"[Oo]nly video clips have their own sound\.?", lambda m: "只有视频片段有自己的声音"),
    _r(r"[Tt]he video has no images or clips yet\.?", lambda m: "视频里还没有图片或视频片段"),
    _r(r"[Tt]hat range of time is outside the video\.?", lambda m: "那段时间在视频之外"),
    _r(r"(.+?) is audio(?:, not a picture|; it can be the music or the voiceover, not a shot| and cannot replace a picture)\.?",
       lambda m: f"{m[1]}是音频，可以做背景音乐或旁白，不能当画面"),
]


def error_zh(message: str) -> str:
    """Why an edit could not be made, in Chinese when it has a known form, else as it is."""
    text = message.strip()
    if said := _skipped_reason(text[:1].lower() + text[1:]):  # a model step that found nothing to work on
        return said
    for rx, fn in _ERRORS:
        if m := rx.fullmatch(text):
            return fn(m)
    return message
