"""Intent router: what kind of request is this message, before any planning.

`route(text)` returns one `Intent`. Export, credits, state, upload, undo and redo are
recognised by their phrases (English and Chinese) only when the rest of the message carries no
edit; anything else is an EDIT for the planner.

Mixed messages: "make it vertical and export" / "export it vertical" is an edit *and* an
export. `route` calls it EDIT (the edit must happen first) and `split_export(text)` returns
``(edit_text, True)``; the session applies the edit, then answers with intent EXPORT so the
shell renders the edited timeline.
"""

from __future__ import annotations

import re
from enum import StrEnum

from reelforge.planner.quotes import CURLY_QUOTED, SINGLE_QUOTED


class Intent(StrEnum):
    EXPORT = "export"
    CREDITS = "credits"
    STATE = "state"
    UPLOAD = "upload"
    UNDO = "undo"
    REDO = "redo"
    EDIT = "edit"


_EXPORT = re.compile(
    r"\b(?:export(?:\s+(?:it|this|the\s+video|the\s+file|now|again))?|download(?:\s+(?:it|link|the\s+video))?|"
    r"render(?:\s+(?:it|this|the\s+video|again))?|"
    r"(?:send|give|get)\s+(?:me\s+)?(?:the\s+|my\s+)?(?:final\s+)?(?:video|file|mp4|result)|"
    r"save\s+(?:it\s+)?as\s+(?:an?\s+)?mp4|publish(?:\s+it)?|i(?:'|’)?m\s+done|finali[sz]e(?:\s+it)?)\b"
    r"|导出|下载|渲染|输出视频|生成视频|发给我|给我视频|把视频发",
    re.I)
# the export's quality said with it ("export in high quality", "导出高画质"): a setting of the
# export, not an edit of the timeline
_QUALITY = re.compile(
    r"\b(?:in|at|with|as)?\s*(?:(?P<high>high(?:est)?|best|max(?:imum)?|top|full)\s+quality|"
    r"(?P<draft>low|draft|preview|fast)\s+quality|(?:as\s+)?an?\s+(?:quick\s+)?(?P<draft2>draft|preview))\b"
    r"|(?P<high_zh>最?高画质|高质量|最高质量)|(?P<draft_zh>草稿|预览版)",
    re.I)
_CREDITS = re.compile(
    r"\b(?:credits?|balance|quota|how\s+much\s+(?:can\s+i|do\s+i\s+have))\b|积分|余额|额度|点数",
    re.I)
_STATE = re.compile(
    r"\b(?:status|state|show\s+(?:me\s+)?(?:the\s+)?(?:tracks?|timeline|project|summary|draft)|"
    r"what(?:'|’)?s\s+(?:in\s+)?(?:the\s+)?(?:timeline|project|video)|what\s+is\s+(?:in\s+)?(?:the\s+)?(?:timeline|project)|"
    r"(?:current\s+)?(?:timeline|summary|tracks)|where\s+are\s+we|list\s+(?:the\s+)?(?:tracks|clips|segments))\b"
    r"|状态|时间线|时间轴|轨道|当前进度|现在什么样",
    re.I)
_UPLOAD = re.compile(r"\b(?:upload(?:ing)?|attach)\b|上传|传文件", re.I)
_UNDO = re.compile(
    # "actually go back to how it was before", "put it back the way it was": the last change undone
    r"\b(?:go|put\s+it|change\s+it)\s+back\s+(?:to\s+)?(?:how|the\s+way|what)\s+it\s+(?:was|looked)(?:\s+before)?\b|"
    r"\b(?:undo|revert|go\s+back|take\s+(?:that|it)\s+back|cancel\s+(?:that|the\s+last(?:\s+(?:change|edit))?))\b|"
    # "scrap the last change", "delete my last edit", "lose that change": undone (it removed the last shot)
    r"\b(?:scrap|scratch|delete|remove|drop|ditch|discard|lose|bin|forget|cancel|reverse|get\s+rid\s+of)\s+(?:the|that|my|your|this)\s+"
    r"(?:last\s+|latest\s+|previous\s+|most\s+recent\s+)?(?=(?:(?:\d|two|three|four|five|couple\s+of|few)\s+)?(?:changes?|edits?)\b)"
    r"|撤销|撤回|回退|取消上一步|返回上一步",
    re.I)
# "undo the last two changes", "undo everything", "撤销两步": more than one step (the edit planner's)
# "undo twice", "undo undo", "undo 2", "go back to the original": more than one step too (only one was undone)
_MANY_UNDOS = re.compile(r"\b(?:undo|revert)\s+(?:that\s+|it\s+)?(?:twice|thrice|two\s+times|three\s+times)\b|^\W*(?:undo\W+){1,5}undo\W*$|"
                         r"^\W*undo\s+(?:x\s*)?(?:[2-9]|[1-9]\d)\s*(?:x|times)?\W*$|"
                         # ("go back to the original music": that one thing, not every change)
                         r"\bback\s+to\s+(?:the\s+)?original(?:\s+(?:one|version|cut|video))?\s*[.!]*\s*$", re.I)
_STEPS = re.compile(r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|couple\s+of|few)\s+(?:more\s+)?"
                    r"(?:changes?|steps?|edits?|things|moves?)\b|\b(?:everything|it\s+all|all\s+(?:of\s+)?(?:it|the\s+changes|"
                    r"my\s+changes|changes|edits))\b|^\W*all\W*$|全部|所有|[两二三四五六七八九十\d]\s*(?:步|次)", re.I)
_REDO = re.compile(r"\b(?:redo|re-do|do\s+it\s+again|reapply)\b|重做|恢复|还原", re.I)

# filler that may surround an intent phrase without making it an edit
_FILLER = re.compile(
    r"\b(?:please|pls|can|could|would|will|you|i|me|my|we|us|our|it|this|that|the|a|an|now|then|"
    r"and|also|just|ok|okay|thanks|thank|let|let's|lets|want|to|do|have|how|many|much|what|what's|"
    r"whats|is|are|show|check|see|get|current|currently|left|remaining|last|change|edit|step|"
    r"again|one|more|time|video|file|project|final|for|of|in|on|please|hey|so|far|there|here|"
    r"files|some|new|media|more|asset|assets|y|mp4|link|give|ready|looks|good|great|done|all|"
    r"with|as|account|present|is|latest|version|too)\b"
    r"|请|帮我|帮忙|一下|吧|呢|吗|了|的|我|我的|你|把|给|现在|当前|还有|多少|查看|看看|看|显示|视频|一个|下|个|再|文件|素材|剩余|还剩",
    re.I)
_PUNCT = re.compile(r"[\s,.!?;:'\"，。！？；：、…~\-—()（）]+")

# vocabulary that means the message also asks for an edit
_EDITY = re.compile(
    r"\b(?:add|remove|delete|drop|make|set|change|move|put|swap|replace|trim|cut|shorten|lengthen|"
    r"vintage|sepia|retro|cinematic|black\s+(?:and|&)\s+white|b&w|"  # ("undo the vintage thing": that look)
    r"speed|slow|faster|slower|mute|unmute|titles?|texts?|captions?|burn(?:ed|t)?|music|volume|louder|quieter|softer|"
    r"fade|transition|crossfade|vertical|horizontal|square|portrait|landscape|tiktok|reels?|shorts|"
    r"youtube|instagram|720p|1080p|4k|seconds?|secs?|minutes?|duration|longer|shorter|image|images|"
    r"photo|picture|clip|clips|logo|watermark|background|blur|zoom|motion|ken\s+burns|voice|voiceover|"
    r"duck|after|before|first|second|third|last|cta|call\s+to\s+action|bigger|smaller|colou?r|"
    r"red|white|black|yellow|blue|green|top|bottom|centre|center|fps|frame\s*rate|frames\s+per\s+second|"
    r"hd|full\s*hd|fhd|uhd|qhd|2k|1440p|480p|subtitles?|gif|mov|webm|avi|mkv|prores|wmv|mp3|wav|audio\s+only|"
    r"only\s+the\s+(?:audio|sound))\b"
    r"|\b\d+\s*fps\b|\b\d+p\d+\b|\b(?:9|16|1|4|3|21)\s*[:：x×]\s*(?:16|9|1|5|4|3)\b"
    r"|\d+\s*(?:s|%|x|db)\b|竖|横|方形|音乐|音量|声音|标题|字幕|文字|秒|图|片段|镜头|转场|静音|加速|减速|放慢|"
    r"删除|删掉|去掉|添加|加上|加个|换成|替换|移到|放到|交换|调|改|水印|背景|淡入|淡出|抖音|快手|小红书|帧|高清|超清|蓝光",
    re.I)


_QUOTED = re.compile(rf"\"[^\"\n]*\"|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』|《[^》\n]*》|{CURLY_QUOTED}|{SINGLE_QUOTED}")


def mask_quotes(text: str) -> str:
    """Quoted text replaced by a neutral word (same for every quote): commands inside quotes are content."""
    return _QUOTED.sub(" «q» ", text)


def _rest(pattern: re.Pattern[str], text: str) -> str:
    rest = pattern.sub(" ", text)
    if pattern is _EXPORT:
        rest = _QUALITY.sub(" ", rest)
    rest = _FILLER.sub(" ", rest)
    return _PUNCT.sub("", rest)


def route(text: str) -> Intent:
    """The intent of one message. Deterministic; microseconds."""
    t = mask_quotes(text.strip())
    if not t:
        return Intent.EDIT
    for intent, pattern in ((Intent.UNDO, _UNDO), (Intent.REDO, _REDO), (Intent.CREDITS, _CREDITS),
                            (Intent.UPLOAD, _UPLOAD), (Intent.EXPORT, _EXPORT), (Intent.STATE, _STATE)):
        if pattern.search(t):
            if intent in (Intent.UNDO, Intent.REDO) and (_STEPS.search(pattern.sub(" ", t)) or _MANY_UNDOS.search(t)):
                return Intent.EDIT
            if intent is Intent.EXPORT:  # what is left once the export is said: an edit, or nothing
                return Intent.EXPORT if split_export(text)[0] == "" else Intent.EDIT
            rest = _rest(pattern, t)
            if not rest or not _EDITY.search(pattern.sub(" ", t)):
                return intent
    return Intent.EDIT


def export_quality(text: str) -> str | None:
    """The quality an export message asks for: ``"high"`` for "export in high quality" / "导出
    高画质", ``"draft"`` for "export a quick draft"; None when it names none."""
    m = _QUALITY.search(mask_quotes(text))
    if m is None:
        return None
    return "high" if m.group("high") or m.group("high_zh") else "draft"


def split_export(text: str) -> tuple[str, bool]:
    """``("make it vertical", True)`` for "make it vertical and export"; ``(text, False)`` otherwise."""
    if not _EXPORT.search(mask_quotes(text)):
        return text, False
    quoted: list[str] = []

    def keep(m: re.Match[str]) -> str:
        quoted.append(m.group(0))
        return f"\x00{len(quoted) - 1}\x00"

    rest = _QUALITY.sub(" ", _EXPORT.sub(" ", _QUOTED.sub(keep, text)))
    rest = re.sub(r"(?:\b(?:and|then|also|please)\b|然后|并且|再|并|和)\s*[,，]?\s*$", " ", rest.strip(" ,，.。!！"), flags=re.I)
    rest = re.sub(r"^\s*(?:and|then|please)\b|^\s*(?:然后|并且|再)", " ", rest, flags=re.I)
    rest = re.sub(r"^\s*(?:it|this|the\s+video)\b", " ", rest, flags=re.I)
    # "export with music" / "export it with the sound": what every export has, not an edit (it was
    # "not understood", and nothing was exported)
    rest = re.sub(r"^\s*(?:with|including)\s+(?:the\s+)?(?:background\s+)?(?:music|sound|audio)\s*$", " ", rest, flags=re.I)
    rest = rest.strip(" ,，.。!！")
    if not rest or not _EDITY.search(rest):
        return "", True
    rest = re.sub(r"\x00(\d+)\x00", lambda m: quoted[int(m.group(1))], rest)
    return rest, True
