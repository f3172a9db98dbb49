"""The words a video ends on, said without quotes (pure).

"end with follow us", "finish with Link in bio", "add follow us at the end", "结尾写关注我们",
"最后加一句关注我们": the call to action's words. Used by the first instruction (`compose`) and,
after every other reading has failed, by edits (`rules.text`). What follows "end with" must look
like words to show: "end with the coffee photo", "end with a fade", "结尾加个淡出", "end with our
logo" are things or effects of the video, never its words.
"""

from __future__ import annotations

import re

_MEDIA_EXT = r"\.(?:jpe?g|png|gif|webp|heic|mp4|mov|m4v|avi|webm|mkv|mp3|wav|m4a|aac|ogg|flac)"
_EN = (
    # "end with follow us", "end the video with: Link in bio", "…, finish with Subscribe for more"
    re.compile(r"(?:^|[,;.!]\s*|\band\s+|\bthen\s+)(?:please\s+)?(?:end|finish|close|wrap(?:\s+it)?\s+up)"
               r"(?:\s+(?:it|the\s+(?:video|ad|reel|clip|promo)))?\s+with\s*:?\s*(?P<x>[^,;.!?\n]+?)\s*(?=[,;.!?\n]|$)", re.I),
    # "add follow us at the end" (a clause of its own)
    re.compile(r"(?:^|[,;.!]\s*)(?:please\s+)?(?:add|put|show|write)\s+(?P<x>[^,;.!?\n]+?)\s+(?:at|to)\s+the\s+(?:very\s+)?end"
               r"(?:\s+of\s+(?:it|the\s+(?:video|ad|reel|promo)))?\s*(?=[,;.!?\n]|$)", re.I),
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
    r"水印|动画|特效|贴纸|表情|闪光|倒计时|滤镜|字幕|标题|模糊|缩放|秒|" + _MEDIA_EXT + "$", re.I)


def ending_words(text: str, *, zh: bool, files: frozenset[str] = frozenset()) -> str | None:
    """The call to action's words the text gives without quotes, its first letter a capital, or None
    (``files``: the project's file names, lower case, which are media, not words)."""
    for rx in ((_ZH,) if zh else _EN):
        for m in rx.finditer(text):
            words = m.group("x").strip().strip("'\"“”「」‘’").strip()
            if (2 <= len(words) <= 40 and len(words.split()) <= 6 and not _NOT_WORDS.search(words)
                    and words.casefold() not in files):
                return words if zh else capitalised(words)
    return None


def capitalised(words: str) -> str:
    """Words typed in passing ("end with shop now", "an end card that says follow us") as a line on
    screen starts: "Shop now"; words already capitalised, or without letters, as they are."""
    return words[0].upper() + words[1:] if words[:1].islower() else words
