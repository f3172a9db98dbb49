"""Handlers for the shots of the main track: frame, lengths, order (moves, swaps, reorder by
numbers or names), replacing, adding, trimming, removing, speed."""

from __future__ import annotations

import re

from reelforge.planner import numerals as N
from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import time_words as TW
from reelforge.planner.rules.refs import (
    _ADD,
    _MUSIC,
    _NOUN_IMG,
    _NOUN_VID,
    _ORD_EN,
    _REMOVE,
    _RX_ORD,
    _SMALL_NUM,
    _TEXT_WORD,
    _VOICE,
    ZH_KEEP,
    _all_of,
    _Ambiguous,
    _Cannot,
    _Ctx,
    _ctx,
    _find_asset,
    _find_targets,
    _generic,
    _has,
    _main_seg,
    _named_shot_ids,
    _noun_kind,
    _one_shot,
    _only,
    _ord_index,
    _TRef,
)
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    Role,
    Timeline,
    VideoSegment,
)
from reelforge.timeline.presets import FRAME_RATES

_RX_UNDO_N = re.compile(r"\b(?:undo|revert|take\s+back|scrap|scratch|delete|remove|drop|ditch|discard|lose|cancel|reverse|get\s+rid\s+of)\s+"
                        r"(?:the\s+|my\s+|your\s+)?(?:last\s+|previous\s+)?(?P<n>\d{1,2}|two|three|four|five|six|"
                        r"seven|eight|nine|ten|couple\s+of|few)\s+(?:changes?|steps?|edits?|things|moves?)\b|"
                        r"撤销(?:最近|最后|前)?的?(?P<zn>\d{1,2}|[两二三四五六七八九十])(?:步|次|个修改|处修改)")
_RX_START_OVER = re.compile(r"\b(?:(?<!\bthe\s)(?<!\bat\s)start\s+over(?!\s+(?:the|a|an|her|his|their|our|my|it|this|that)\b)|start\s+again\s+from\s+the\s+first\s+cut|undo\s+(?:everything|it\s+all|all(?:\s+(?:the|my))?"
                            r"(?:\s+(?:changes|edits))?)|back\s+to\s+the\s+(?:first|original)\s+(?:cut|version)|"
                            r"(?:go|take\s+it|put\s+it)\s+back\s+to\s+(?:the\s+)?original(?:\s+(?:one|version|cut|video))?\s*[.!]*\s*$)|"
                            r"全部撤销|撤销所有|撤销全部|回到初剪|回到最初|从头再来|重新来")


def _h_history(c: _Ctx) -> list[O.Op] | None:
    """"undo the last two changes", "撤销两步": that many steps back; "start over", "undo everything",
    "回到初剪": back to the first cut (each can be redone). Neither was understood."""
    t = c.t
    if _RX_START_OVER.search(t):
        return [O.Undo() for _ in range(O.MAX_HISTORY)]
    if re.fullmatch(r"\s*(?:(?:nvm|never\s*mind|nah|actually|hmm+|oh|wait|ok|ugh|um+|eh|no)[\s,.!]+)*"
                    r"(?:please\s+)?(?:undo|revert|take\s+back)(?:\s+(?:that|it|this|the\s+last\s+(?:one|change|edit|step)))?"
                    r"(?:\s+please)?\s*[.!]?\s*|\s*撤销(?:一下|刚才的?(?:修改)?|上一步)\s*[。！]?\s*|"
                    # "nvm put it back", "never mind, change it back", "还是改回来吧"
                    r"\s*(?:(?:nvm|never\s*mind|nah|actually|hmm+|oh|wait|ok)[\s,.!]+)*(?:put|change|switch|swap|set|turn)\s+(?:it|that|them|"
                    r"everything)\s+back(?:\s+(?:the\s+way\s+it\s+was|how\s+it\s+was|please|pls))?\s*[.!]*\s*|"
                    # "刚才那个改回去", "emmm 还是原来的颜色好看 改回去吧" (not understood)
                    r"\s*(?:(?:emm+|嗯+|呃|额|唔)[\s，,]*)?(?:还是原来的[\u4e00-\u9fff]{0,4}?好看?[了吧]?[\s，,。]*)?"
                    r"(?:算了|还是)?(?:(?:刚才|刚刚)(?:那个|的)?|那个|这个)?\s*(?:改回来|换回来|改回去|换回去|恢复原样|还原)(?:吧)?\s*[。！]?\s*", t):
        return [O.Undo()]  # "undo that" (a session routes it; the planner read it as not understood)
    if said := re.fullmatch(r"\W*(?:(?:undo\W+){1,5}undo|(?:undo|revert)\s+(?:that\s+|it\s+)?(?P<t>twice|thrice|two\s+times|"
                            r"three\s+times)|undo\s+(?:x\s*)?(?P<n>[2-9]|[1-9]\d)\s*(?:x|times)?)\W*", t):
        # "undo twice", "undo undo", "undo 2": that many steps (one was undone)
        n = int(said.group("n")) if said.group("n") else 3 if (said.group("t") or "").startswith(("thrice", "three")) \
            else 2 if said.group("t") else len(re.findall(r"undo", t))
        return [O.Undo() for _ in range(max(1, min(n, O.MAX_HISTORY)))]
    m = _RX_UNDO_N.search(t)
    if m is None:
        return None
    word = m.group("n") or m.group("zn")
    n = 2 if word.startswith("couple") else 3 if word == "few" else int(N.parse_number(word) or 1)
    return [O.Undo() for _ in range(max(1, min(n, O.MAX_HISTORY)))]



# what people say before a question ("love it 😍 is it under 30 secs?")
# (atomic and possessive: "!!!!…x" backtracked exponentially, 28 marks took 97 s)
_CHAT = (r"(?:(?>(?:ok(?:ay)?|perfect|great|cool|nice|so|and|hey|wait|hmm+|oh|um+|btw|also|sorry|love\s+it|lovely|amazing|awesome|thanks|thank\s+you|ty|"
         r"yes|yay|looks\s+(?:good|great|amazing))(?:[\s,.!]+|$))|(?>[^\w\s?？]+\s*))*+")
# "how long is it now?", "现在多长了": the video's length, asked
_RX_HOW_LONG = re.compile(r"^" + _CHAT + r"(?:how\s+long\s+is\s+(?:it|the\s+(?:video|reel|thing))"
                          r"(?:\s+(?:now|right\s+now|rn|currently))?|what'?s\s+the\s+(?:length|duration)(?:\s+now)?|how\s+many\s+seconds(?:\s+is\s+it)?(?:\s+now)?|"
                          r"what'?s\s+the\s+total\s+(?:length|duration|runtime)(?:\s+now)?|"
                          r"(?:(?:好了吗|好了没|好了没有|做好了吗|行了吗)[\s，,]*)?"  # ("好了吗 现在多长")
                          r"(?:现在|视频|现在视频|目前)?(?:一共|总共|总)?(?:多长|多长时间|多少秒|几秒钟?|时长是?多少|有多长|多久)了?[吗呢啊]?"
                          r"(?:[\s，,]*(?:现在|目前)[吗呢啊]?)?)"  # ("多长了现在")
                          r"(?:\s+(?:right\s+now|rn|currently|at\s+the\s+moment))?\s*[?？!.。]*$")
# "地址太长了", "地址写短一点": the words of that text, asked for anew
_RX_WORDS_TOO_LONG_ZH = re.compile(r"^(地址|标题|文字|文案|店名|名字|电话|网址)(?:太长|字太多|(?:写|改)(?:得)?短一?[点些])了?[吧啊]?$")
# "is it ok if it goes over 60 sec?", "can it be longer than a minute?": the length is theirs to choose
_RX_LONGER_OK = re.compile(r"^(?:is\s+it\s+(?:ok(?:ay)?|fine|alright)|can\s+(?:it|we|the\s+video)|would\s+it\s+be\s+(?:ok|fine))\b.*"
                           r"\b(?:over|longer|more\s+than|go\s+past|beyond|exceed)\b[^?]*\?")
# "can u get it under 45 sec", "keep it under a minute": the most it may last
_RX_UNDER = re.compile(r"\b(?:get|keep|make|bring|cut|trim|need|needs|have|has|should\s+be|must\s+be|be)\s+(?:it\s+|the\s+(?:video|reel|ad)\s+)?"
                       r"(?:down\s+)?(?:to\s+)?(?P<how>under|below|less\s+than|shorter\s+than|max(?:imum)?|at\s+most|no\s+(?:more|longer)\s+than|"
                       r"within)\s+(?P<n>\d{1,4}(?:\.\d+)?|an?|one)\s*(?P<u>s|secs?|seconds?|mins?|minutes?)\b")


# "cap it at 12 seconds", "limit the video to 30s": the most it may last
_RX_CAP = re.compile(r"\b(?:cap|limit)\s+(?:it|the\s+(?:video|reel|ad|length|whole\s+thing))\s+(?:at|to)\s+"
                     r"(?P<n>\d{1,4}(?:\.\d+)?|an?|one)\s*(?P<u>s|secs?|seconds?|mins?|minutes?)\b")


# "Shorter? 30 seconds max", "max 45 sec": the most it may last, said alone
_RX_MAX_ALONE = re.compile(r"^(?:(?:(?:make\s+it\s+)?shorter|too\s+long)\s*[?!.,]*\s*)?(?:(?:keep\s+it|it\s+should\s+be|should\s+be)\s+)?"
                           r"(?:(?P<n>\d{1,4})\s*(?P<u>s|secs?|seconds?|mins?|minutes?)\s+(?:max(?:imum)?|tops|at\s+most)|"
                           r"(?:max(?:imum)?|at\s+most)\s+(?P<n2>\d{1,4})\s*(?P<u2>s|secs?|seconds?|mins?|minutes?))\s*[.!]*$")
# "is it under 30 sec?", "is it over a minute?": the length, asked against a figure
_RX_IS_IT = re.compile(r"^" + _CHAT + r"is\s+(?:it|the\s+(?:video|reel|thing))\s+(?:still\s+|now\s+)?"
                       r"(?P<how>under|below|less\s+than|shorter\s+than|over|above|more\s+than|longer\s+than)\s+"
                       r"(?P<n>\d{1,4}(?:\.\d+)?|an?|one)\s*(?P<u>s|secs?|seconds?|mins?|minutes?)\b[^?]*\?*\s*$")
# "is it too long for tiktok?", "视频多长啊 抖音上会不会太长", "是不是有点长？现在多少秒": the length, asked
_RX_TOO_LONG_ASKED = re.compile(r"^" + _CHAT + r"(?:is\s+(?:it|the\s+(?:video|reel|thing))|isn'?t\s+it|will\s+it\s+be)\s+"
                                r"(?:a\s+bit\s+|too\s+|way\s+too\s+|kinda\s+)?(?:long|short)(?:\s+for\s+[\w ]{1,20})?\s*\?+\s*$|"
                                r"^[^，,。！!]{0,12}?(?:会不会|是不是|是否)(?:有点|有些|太|过于)?(?:长|短)[了吗啊呀呢]*[？?]?(?:[\s，,]*(?:现在|视频|现在视频)?"
                                r"(?:一共|总共)?(?:多长|多少秒|有多长)[了吗呢啊]*[？?]*)?\s*$|"
                                r"^(?:视频|现在)?(?:多长|多少秒)[啊呀了呢]*[\s，,]*[^，,。]{0,8}?(?:会不会|是不是)(?:有点|太)?(?:长|短)[了吗啊呀呢]*[？?]*\s*$")


# "what aspect ratio is it right now?", "what size is it", "现在是什么比例": the frame, asked
_RX_WHAT_FRAME = re.compile(r"^" + _CHAT + r"(?:what(?:'?s|\s+is)?\s+(?:the\s+)?(?:aspect\s+ratio|ratio|frame(?:\s+size)?|size|resolution|format|"
                            r"dimensions?)(?:\s+(?:is\s+it|of\s+(?:it|the\s+video)|now))?|(?:which|what)\s+(?:aspect\s+ratio|ratio|format)\s+is\s+it|"
                            r"is\s+it\s+(?:vertical|horizontal|landscape|portrait|square)|(?:现在|视频|现在视频)?是?(?:什么|几比几的?|哪种)(?:比例|尺寸|画幅|格式)的?|"
                            r"(?:现在|视频)?是(?:竖屏|横屏|方形|竖的|横的)吗|"
                            # "视频是竖的还是横的" (it made the video vertical)
                            r"(?:现在|视频|现在视频)?是?[竖横](?:的|屏|版)还是[横竖](?:的|屏|版))"
                            r"(?:\s+(?:right\s+now|rn|currently|now|at\s+the\s+moment))?\s*[?？!.。吗呢啊]*$")


def asks_about_video(t: str) -> bool:
    """Whether ``t`` (normalised) asks how long the video is or may be, for an answer, not a change."""
    t = t.strip()
    return bool(_RX_HOW_LONG.match(t) or _RX_LONGER_OK.match(t) or _RX_IS_IT.match(t) or _RX_TOO_LONG_ASKED.match(t)
                or _RX_WHAT_FRAME.match(t))


def _h_asks(c: _Ctx) -> list[O.Op] | None:
    """A question about the video ("how long is it now?", "is it ok if it goes over 60 sec?") answered,
    nothing changed (they were not understood, or the second set a clip to 60 s); "get it under 45 sec":
    the most it may last."""
    t = c.t.strip()
    total = c.tl.duration / 1000
    if m := _RX_IS_IT.match(t):
        figure = _seconds(m.group("n"), m.group("u"))
        under = m.group("how").split()[0] in ("under", "below", "less", "shorter")
        yes = total < figure if under else total > figure
        word = "under" if total < figure else "over" if total > figure else "exactly"
        if c.zh:
            raise _Cannot(f"视频现在{total:g}秒")
        raise _Cannot(f"{'yes' if yes else 'no'}: it is {total:g} s long, {word} {figure:g} s"
                      + ("" if yes else f"; say e.g. 'make it {figure:g} seconds' to change that"))
    if text := _RX_WORDS_TOO_LONG_ZH.match(t):  # "地址太长了": the address's words (the video was cut to 8 s)
        raise _Cannot(f"{text.group(1)}要写成什么？可以说“{text.group(1)}改成…”")
    if _RX_WHAT_FRAME.match(t):
        from reelforge.timeline.presets import aspect_of

        shape = aspect_of(c.tl.width, c.tl.height)
        raise _Cannot(f"现在是{shape}（{c.tl.width}x{c.tl.height}），{total:g}秒；改比例可以说“改成竖屏”" if c.zh else
                      f"it is {shape} ({c.tl.width}x{c.tl.height}), {total:g} s long; say e.g. 'make it vertical' to change that")
    if _RX_HOW_LONG.match(t) or _RX_TOO_LONG_ASKED.match(t):
        raise _Cannot(f"视频现在{total:g}秒（{c.tl.width}x{c.tl.height}）；改时长可以说“改成20秒”" if c.zh else
                      f"it is {total:g} s long ({c.tl.width}x{c.tl.height}); say e.g. 'make it 20 seconds' to change that")
    if _RX_LONGER_OK.match(t):
        raise _Cannot(f"yes: the length is yours to choose (it is {total:g} s now); say e.g. 'make it {total + 15:g} seconds' "
                      "or 'fit to the voiceover'")
    if m := _RX_MAX_ALONE.match(t):  # "30 seconds max": at most that
        most, strict = _seconds(m.group("n") or m.group("n2"), m.group("u") or m.group("u2")), False
    elif m := _RX_CAP.search(t):  # "cap it at 12 seconds" (it answered "nothing is showing at 12s")
        most, strict = _seconds(m.group("n"), m.group("u")), False
    elif (m := _RX_UNDER.search(t)) and not _has(_TEXT_WORD + "|" + _MUSIC + "|" + _VOICE, t):
        most = _seconds(m.group("n"), m.group("u"))
        strict = m.group("how").split()[0] in ("under", "below", "less", "shorter")  # (under 45: 44 s; at most 45: 45 s)
    else:
        return None
    if total <= most:
        raise _Cannot(f"it is {total:g} s long: already within {most:g} s")
    return [O.SetTotalDuration(duration_ms=int((most - (1 if strict and most > 5 else 0)) * 1000))]


def _seconds(n: str, unit: str) -> float:
    """"45" "sec" -> 45.0, "a" "minute" -> 60.0: a length said with its unit."""
    return (1.0 if n in ("a", "an", "one") else float(n)) * (60 if unit.startswith("m") else 1)


def _h_export_asks(c: _Ctx) -> list[O.Op] | None:
    """"make a gif", "60fps", "lower the quality so the file is smaller": what the export is, said (not
    understood before)."""
    t = c.t
    if _has(r"\b(?:gifs?|webm|prores|\.mov|mov\s+file|avi|mkv)\b|\b(?:as|in|to|into)\s+(?:an?\s+)?\.?(?:mov|wmv|flv)\b|动图", t) \
            and not _has(r"\b(?:sticker|emoji)\b|贴纸|表情", t):
        raise _Cannot("导出的是MP4（H.264视频、AAC声音），各平台都支持；不导出GIF或其他格式" if c.zh else
                      "exports are MP4 (H.264 video, AAC sound), which every platform takes; a GIF or another format "
                      "is not made")
    if _has(r"\bloop(?:s|ed|ing)?\b|\bseamless(?:ly)?\b.*\brepeat|循环", t) and not _has(r"\bloop\s*(?:back\s+)?to\b", t):
        if _has(_MUSIC + r"|音乐|歌", t):  # "loop the music": it repeats by itself when shorter than the video
            bed = c.tl.track(Role.MUSIC)
            if bed is None or not bed.segments:
                raise _Cannot("没有背景音乐可以循环" if c.zh else "there is no music to loop")
            looped = any(getattr(s, "loop", False) for s in bed.segments)
            raise _Cannot(("背景音乐比视频短，已经在循环播放" if looped else "背景音乐比视频长，不需要循环") if c.zh else
                          "the music already repeats to fill the video" if looped else
                          "the music is longer than the video: it plays once, nothing needs repeating")
        raise _Cannot("视频文件只播放一次，抖音、Instagram等会自动循环播放；想首尾衔接，可以说“在结尾再放一次第一张图片”" if c.zh else
                      "a video file plays once; TikTok, Reels and Shorts loop it themselves. For an end that leads "
                      "back into the start, say 'repeat the first photo at the end'")
    if _has(r"\b(?:the\s+)?(?:audio|sound)\s+only\b(?!\s+(?:on|in|for|during|at|under|over|when|while))|\bonly\s+the\s+(?:audio|sound)\b|\b(?:as|to|into)\s+(?:an?\s+)?(?:mp3|wav)\b|"
            r"只(?:要|导出)?(?:声音|音频)|导出(?:成)?(?:音频|mp3)", t):
        raise _Cannot("导出的是带画面和声音的MP4；不单独导出声音（字幕可以导出为SRT/WebVTT）" if c.zh else
                      "exports are MP4 with picture and sound; the sound alone is not exported (the captions "
                      "are, as SRT/WebVTT)")
    if _has(r"\b\d+\s*(?:fps|frames?\s+(?:a|per)\s+second)\b|\bframe\s*rate\b|\bfps\b|帧率|\d+\s*帧|\b(?:1080|720|2160|1440)p(?:24|25|30|50|60)\b", t):
        return _frame_rate(c, t)
    if _has(r"^(?:please\s+)?(?:make\s+(?:it|the\s+video|the\s+motion)\s+)?(?:a\s+bit\s+|more\s+)?smoother(?:\s+please)?[.!]?$|"
            r"^(?:更)?(?:流畅|顺滑)(?:一点|一些)?[。！]?$", t):
        raise _Cannot("更流畅可以是两件事：说“帧率改成60”（每秒画面更多），或“缩放幅度小一点”（动作更缓）" if c.zh else
                      "smoother can mean two things: say '60 fps' (more frames a second) or 'subtler zoom' (gentler moves)")
    if _has(r"\b(?:smaller|lighter)\s+(?:file|size)\b|\bfile\s+(?:size|is\s+too\s+big)\b|\bcompress\w*\b|\bbit\s*rate\b|"
            r"\b(?:lower|reduce|less)\s+(?:the\s+)?quality\b|文件太大|压缩|码率|文件小一点", t):
        raise _Cannot("画质在导出时选择：草稿（文件最小）、标准、高" if c.zh else
                      "the quality is chosen when you export: draft (the smallest file), standard or high")
    return None


def _frame_rate(c: _Ctx, t: str) -> list[O.Op]:
    """"60fps", "make it 24 fps", "帧率改成25": one of `FRAME_RATES`; another is said, not rounded."""
    fps = P.frame_rate_in(t)
    if _has(r"\b(?:higher|smoother|more)\s+(?:frame\s*rate|fps)\b|帧率(?:高|提高)", t) and fps is None:
        fps = 60.0  # "higher frame rate", "smoother frame rate"
    rates = ("、" if c.zh else ", ").join(str(r) for r in FRAME_RATES)
    if fps is None:
        raise _Cannot(f"帧率是{c.tl.fps}帧/秒；可以改成{rates}帧/秒，例如“帧率改成60”" if c.zh else
                      f"the frame rate is {c.tl.fps} fps; say e.g. '60 fps' or '24 fps' ({rates} fps are offered)")
    if fps not in FRAME_RATES:
        raise _Cannot(f"没有{fps:g}帧/秒；可以用{rates}帧/秒" if c.zh else
                      f"{fps:g} fps is not offered: {rates} fps are (the video is {c.tl.fps} fps)")
    if fps == c.tl.fps:
        raise _Cannot(f"已经是{c.tl.fps}帧/秒" if c.zh else f"the video is already {c.tl.fps} fps")
    if fps > 30:
        c.notes.append(f"{fps:g}帧/秒的画面数是30帧/秒的两倍：导出更慢，费用也是两倍。" if c.zh else
                       f"{fps:g} fps makes twice the frames of 30 fps: the export takes longer and costs twice the credits.")
    return [O.SetFrame(fps=int(fps))]  # type: ignore[arg-type]


def _h_frame(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    aspect = P.parse_aspect(t)
    res = P.parse_resolution(t)
    if aspect is None and res is None:
        if (m := re.search(r"(?<![\d:.])(\d{1,2})\s*:\s*(\d)(?![\d:])|(?<![\d:.])(\d{1,2})\s*:\s*(\d{1,2})\s*(?:ratio|aspect|format|frame)\b|"
                           r"(?<![\d:.])(\d{1,2})\s*:\s*(\d{1,2})(?=.{0,40}\b(?:can\s+(?:you|u)|make\s+it|change\s+it)\b)", t)):
            said = ":".join(g for g in m.groups() if g)
            raise _Cannot(f"{said}的画面还不支持；可以用9:16竖屏、4:5、1:1方形或16:9横屏" if c.zh else
                          f"{said} is not one of the frame shapes; 9:16, 4:5, 1:1 and 16:9 are (Pinterest takes 9:16 "
                          "and 1:1 too): say e.g. 'make it 4:5'")
        return None
    if aspect is not None and _has(r"\b(?:wipe|slide|pan)\b", t) and not _has(r"\b(?:make|format|ratio|aspect|for)\b", t):
        return None
    if res is None and _has(r"\b(?:buttons?|icons?|ui|interface|caption\s+bar|description|comments?|likes?)\b|按钮|界面", t) \
            and not _has(r"\b(?:make|format|ratio|aspect|vertical|horizontal|square|portrait|landscape|version)\b|竖屏|横屏|方形", t):
        return None  # "the tiktok buttons cover them": where the app draws over the video, not its shape
    if res is None and _has(r"\btoo\s+(?:long|short)\b|太长|太短", t) and not _has(
            r"\b(?:vertical|horizontal|square|portrait|landscape|wide|tall|\d+:\d+)\b|竖|横|方", t):
        return None  # "the ad is too long for instagram": its length (it was made square for the platform)
    typed = re.search(r"(?<![\d:.])(\d{1,2})\s*:\s*(\d{1,2})(?![\d:])", t)
    if aspect is not None and typed and f"{typed.group(1)}:{typed.group(2)}" != aspect:
        said = f"{typed.group(1)}:{typed.group(2)}"  # "小红书是3:4的 能改成3:4吗": the nearest, said (4:5 without a word)
        c.notes.append(f"{said}不是可选的画面比例，用了最接近的{aspect}。" if c.zh else
                       f"{said} is not one of the frame shapes: {aspect} is the nearest.")
    ops: list[O.Op] = [O.SetFrame(aspect=aspect, resolution=res)]  # type: ignore[arg-type]
    if _has(r"\b(?:secs?|seconds?|mins?|minutes?)\b|\d\s*s\b|秒|分钟", t) and (ms := TW.parse_duration_ms(t)):
        ops.append(O.SetTotalDuration(duration_ms=ms))  # "改成竖屏发抖音 一分钟": the length too (it was dropped)
    return ops


_PACE = (r"\bpac(?:e|ing|ed)\b|节奏|\b(?:quicker|faster|snappier|shorter|slower|longer)\s+(?:cuts|shots|edits)\b|"
         r"\b(?:cut|edit)\s+(?:it\s+|them\s+)?(?:a\s+(?:bit|little)\s+)?(?:quicker|faster|snappier)\b|"  # "cut it faster" (the clips sped up)
         # "Everything is too fast, I'm 67 I can't read that quick": the pictures' pace (the clips were slowed to 0.5x)
         r"\b(?:everything|it\s+all|the\s+whole\s+(?:thing|video)|all\s+of\s+it)\s+(?:is|'s|feels|goes|moves)\s+"
         r"(?:way\s+|a\s+bit\s+|much\s+|kinda\s+)?too\s+(?:fast|quick|rushed)\b|"
         r"\b(?:cuts|shots)\s+(?:a\s+(?:bit|little)\s+)?(?:quicker|faster|shorter|slower|longer)\b|"
         r"\bmake\s+the\s+(?:shots|cuts)\s+(?:a\s+(?:bit|little)\s+)?(?:quicker|faster|shorter|slower|longer)\b|"
         # "the slideshow is too fast", "slow down the slideshow", "the photos go by too fast"
         r"\b(?:slideshow|slide\s+show|slides)\b(?=.*\b(?:fast|quick|slow|slower|faster|quicker|speed)\b)|"
         r"\b(?:slow|speed)\s+(?:down|up)\s+(?:the\s+)?(?:slideshow|slide\s+show|slides)\b|"
         # "the cuts are too fast", "the shots change too fast" (read as the transitions: "already hard cuts")
         r"\b(?:cuts|shots|scenes)\s+(?:are\s+|come\s+|happen\s+|change\s+)?(?:a\s+bit\s+|way\s+|much\s+)?too\s+"
         r"(?:fast|quick|rapid|frequent|slow)\b|"
         r"\b(?:photos?|pictures?|images?|pics|stills)\s+(?:go\s+by|change|flip|are\s+moving|move\s+on|switch)\s+"
         r"(?:a\s+bit\s+|way\s+)?too\s+(?:fast|quick(?:ly)?|slow(?:ly)?)\b|图片(?:切换|换)得?太(?:快|慢)|"
         # "feels slow", "it drags", "the video is too slow": the pace of the whole, said as how it feels
         r"^(?:(?:it|this|the\s+(?:video|whole\s+thing|reel|edit|ad|cut))\s+|(?:it'?s|its)\s+)?(?:feels?|seems?|is|'s|looks?)?\s*"
         r"(?:a\s+(?:bit|little)\s+|kinda\s+|kind\s+of\s+|too\s+|so\s+|really\s+|way\s+too\s+|pretty\s+)?"
         r"(?:slow|sluggish|draggy)\s*[.!]*$|^(?:it\s+|the\s+(?:video|middle|reel)\s+)?drags(?:\s+(?:a\s+bit|in\s+the\s+middle))?\s*[.!]*$|"
         r"^(?:感觉|整体|视频)?(?:有点|有些|太)?(?:慢|拖沓|拖)了?$")


def _h_speed(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(_PACE, t) and not _has(r"\btransitions?\b|转场|" + _MUSIC + "|" + _VOICE, t) and not _find_targets(c):
        # "faster pace", "quicker cuts", "make the shots shorter", "节奏快一点": the pictures' lengths (it sped the
        # video clips up, or was not understood)
        return _paced(c, t)
    m = re.search(r"(?<![\d.])(\d+(?:\.\d+)?|[一二两三四])\s*(?:x|×|倍速?)(?![a-z\d])|(?:speed|速度)\s*(?:of\s+|to\s+|at\s+)?(\d+(?:\.\d+)?)\s*(?:x|×|倍)?|"
                  r"(?<![\w.])(?:x|×)\s?(\d+(?:\.\d+)?)(?![\w.])", t)  # ("sped up x2": it was 1.5x)
    speed = None
    little = _has(r"\b(?:a\s+(?:little|bit|touch|tad)|slightly|a\s+little\s+bit)\b|一点点|稍微|一点儿?", t)
    lot = _has(r"\b(?:a\s+lot|way|much|loads|really)\b|\btime[\s-]?lapse\b|很多|快很多", t)
    if m:
        speed = float(N.parse_number(m.group(1) or m.group(2) or m.group(3)) or 1)
    elif _has(r"\bnormal\s+speed\b|\breal[\s-]?time\b|正常速度|原速", t) or (
            _has(_REMOVE + r"|\bundo\b|\bno\s+more\b|\bwithout\b|\bturn\s+off\b|取消", t)
            and _has(r"\bspeed[\s-]?ups?\b|\bslow[\s-]?(?:mo(?:tion)?|down)\b|\bspeed\s+(?:change|effect)\b|慢动作|加速", t)):
        speed = 1.0  # "remove the speed up on the clip" sped it up again, "remove the slow motion" slowed it
    elif _has(r"\bhalf[\s-]speed\b|\bslow[\s-]?mo(?:tion)?\b|慢动作|半速|慢放", t):
        speed = 0.5
    elif _has(r"\b(?:double|twice\s+the)\s+speed\b|\btwice\s+as\s+fast\b|\bup\s+(?:to\s+)?(?:double|2x|twice)\b|"
              r"\b(?:double|2x)\s+(?:it|the\s+speed)\b|两倍速|二倍速", t):
        speed = 2.0
    elif _has(r"\bsp(?:ee|e)d\s+(?:\w+\s+){0,3}up\b|\bspeed\s*up\b|\bfaster\b|\bquicken\b|加速|快一点|快点|加快", t):
        # ("speed it up a lot like a timelapse" was 1.5x)
        speed = 3.0 if _has(r"\btime[\s-]?lapse\b", t) else 2.0 if lot else 1.25 if little and not lot else 1.5
    elif _has(r"\bslow\s+(?:\w+\s+){0,3}down\b|\bslow\s*down\b|\bslower\b|减速|放慢|慢一点|慢点", t):
        speed = 0.75 if little and not lot else 0.5  # ("slow it down a little so it looks dreamy" was 0.5x)
    if speed is None:
        return None
    if m is None and not c.count("video") and c.count("image") and not _find_targets(c) \
            and not _has(_MUSIC + "|" + _VOICE + r"|\btransitions?\b|转场", t):
        # "slower", "speed it up" with only pictures: their pace (it answered "there are no video clips")
        return _paced(c, t)
    if not 0.25 <= speed <= 4:
        raise _Cannot("speed can be between 0.25x and 4x")
    if _has(r"\btransitions?\b|转场", t):
        return None
    if m is None and _has(r"\b(?:photos|pictures|images|pics|stills|slides|shots)\b|图片|照片|节奏", t):
        return None  # "make the photos go faster": a still has no speed, its shot a length (below)
    if _has(_MUSIC + "|" + _VOICE, t) and not _find_targets(c):
        raise _Cannot("only video clips change speed; the music and the voiceover keep theirs")
    refs = _find_targets(c)
    if not refs and len(c.count("video")) > 1 and _has(r"\b(?:the|this|that)\s+(?:video\s+)?clip\b(?!s)|这段视频|这个视频片段|"
                                                       # a part named by what it shows ("the pleating part", "客人喝酒那段"):
                                                       # one clip, not every clip (both were sped up)
                                                       r"\bthe\s+(?!video\b|whole\b|clips?\b)[\w'-]+(?:\s+[\w'-]+)?\s+(?:part|bit|bits|"
                                                       r"section|clip|one|video|footage)\b(?!s)|"
                                                       r"[\u4e00-\u9fff]{2,8}(?:那段|那个视频|的视频|那个片段)", t):
        _only(c, "video")  # "slow down the clip" with two clips: which one? (it slowed both)
    target = refs[0].target if refs else None  # "the clips" / "the video": every clip
    if target is not None and target.index is not None and target.kind is None and c.count("video") \
            and _has(r"\b(?:clips?|videos?|footage)\b|视频|片段", t):
        # "make the second clip slow motion": only clips have a speed, so the second of the clips (it
        # took the second shot, a still, and refused)
        target = target.model_copy(update={"kind": "video"})
    return [O.SetSpeed(target=target, speed=speed)]


def _h_reverse(c: _Ctx) -> list[O.Op] | None:
    if _has(r"\bplay\w*\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:photos?|pictures?|images?|pics?|stills?)\s*(?:backwards?|in\s+reverse)\b"
            r"(?!\s+order)", c.t):
        # "play the beach photo backwards" reversed the ORDER of every shot
        raise _Cannot("照片没有播放过程，不能倒放；它的缩放可以反过来，例如“海滩那张改成拉远”" if c.zh else
                      "a photo does not play, so it cannot play backwards; its zoom can run the other way, e.g. "
                      "'zoom out on the beach photo'")
    if _has(r"\bplay\w*\s+(?:it|this|that|them|the\s+(?:\w+\s+)?(?:clips?|videos?|footage|shots?))?\s*(?:backwards?|in\s+reverse)\b|"
            r"\bplay\w*\s+the\s+\w+(?:\s+\w+)?\s+(?:backwards?|in\s+reverse)\b(?!\s+order)|"
            r"\b(?:reverse|rewind)\s+(?:the\s+)?(?:clips?|footage|playback)\b|倒放|倒着播放?|反向播放", c.t):
        # "play it backwards" reversed the ORDER of the shots
        raise _Cannot("还不能倒放视频片段；“倒序”是把镜头顺序反过来" if c.zh else
                      "a clip cannot be played backwards yet; 'reverse the order' puts the shots in reverse order")
    if _has(r"\breverse\s+(?:the\s+)?order\b|\bin\s+reverse\s+order\b|\bbackwards\b|倒序|顺序反过来|反转顺序|颠倒顺序|倒过来", c.t):
        return [O.ReverseOrder()]
    if _has(r"\b(?:shuffle|randomi[sz]e|mix\s+up)\b|\b(?:random|different|new)\s+order\b|打乱|随机(?:排序|顺序)|换个顺序", c.t):
        # "shuffle the photos": a new order with no shot where it was (the same for the same
        # video, so an undo and a redo agree): odd places first, then even
        n = len(c.main_segs())
        if n < 2:
            raise _Cannot("只有一个镜头，没有顺序可以打乱" if c.zh else "there is only one shot: nothing to shuffle")
        if n == 2:
            return [O.SwapSegments(a=O.Target(index=0), b=O.Target(index=1))]
        order = [*range(1, n, 2), *range(0, n, 2)]
        for i in range(n):  # an odd count leaves the last where it was: trade places with the one before
            if order[i] == i:
                order[i - 1], order[i] = order[i], order[i - 1]
        return [O.ReorderSegments(order=order)]
    return None


_RX_ORDER_NAMES = re.compile(
    r"^\s*(?:please\s+)?(?:re-?order|order|arrange|sequence|sort|put)\b(?P<what>[^:：]{0,40})[:：]\s*(?P<list>.+)$"
    r"|^(?P<zh>.{0,12}?)(?:顺序|排序|排列)(?:改成|改为|换成|调成|是|为)?\s*[:：]?\s*(?P<list2>.+)$", re.I)


def _reorder_by_names(instruction: str, tl: Timeline, lib: tuple[Asset, ...]) -> list[O.Op] | None:
    """"reorder the photos: scarf, hat, shoe, bag, watch" / "顺序改成：hat、shoe、bag": one new order.
    Named photos fill the photos' places in that order (clips stay where they are); with "shots"
    or no kind, the named ones come first and the rest follow in their order."""
    m = _RX_ORDER_NAMES.match(instruction)
    if not m:
        return None
    items = [x.strip(" .!。！") for x in re.split(r"\s*(?:,|，|、|;|；|->|→|\bthen\b|\band\b)\s*", m.group("list") or m.group("list2")) if x.strip(" .!。！")]
    if len(items) < 2:
        return None
    c = _ctx(instruction, [], tl, lib, ())
    main = list(c.main_segs())
    picked: list[int] = []
    for item in items:
        refs = _find_targets(_ctx(item, [], tl, lib, ()))
        seg = _main_seg(c, refs[0].target) if len(refs) == 1 else None
        if seg is None:
            return None
        i = next(k for k, x in enumerate(main) if x.id == seg.id)
        if i in picked:
            return None
        picked.append(i)
    kind = _noun_kind((re.search(rf"{_NOUN_IMG}|{_NOUN_VID}", m.group("what") or "") or re.search(r"图片|照片", m.group("zh") or "") or [None])[0])
    if kind is not None and all(c.asset_kind(main[i]) == kind for i in picked):
        slots = [k for k, x in enumerate(main) if c.asset_kind(x) == kind]
        rest = [k for k in slots if k not in picked]
        fill = iter(picked + rest)
        order = [next(fill) if k in slots else k for k in range(len(main))]
    else:
        order = picked + [k for k in range(len(main)) if k not in picked]
    if order == list(range(len(main))):
        return [O.ReorderSegments(order=order)]
    return [O.ReorderSegments(order=order)]


def _h_reorder(c: _Ctx) -> list[O.Op] | None:
    """"reorder the images 3, 1, 2", "order: 2 1 3", "顺序改成3,1,2"."""
    m = re.search(r"\b(?:re-?order|order|sequence|arrange)\b[^\d]{0,40}?((?:\d+\s*(?:,|，|、|\s|then|and|->|→)\s*){1,}\d+)|"
                  r"(?:顺序|排序|排列)[^\d]{0,10}?((?:\d+\s*(?:,|，|、|\s|->|→)\s*){1,}\d+)", c.t)
    if not m:
        return None
    nums = [int(x) for x in re.findall(r"\d+", m.group(1) or m.group(2))]
    n = len(c.main_segs())
    if any(k < 1 for k in nums) or len(set(nums)) != len(nums):
        return None
    if any(k > n for k in nums):
        raise _Cannot(f"there are only {n} shots")
    return [O.ReorderSegments(order=[k - 1 for k in nums])]


def _h_swap(c: _Ctx) -> list[O.Op] | None:
    if not _has(r"\b(?:swap|switch|exchange|trade|flip)\b|交换|互换|对调|调换|换一下|换个位置|调个位置|对换", c.t):
        return None
    pair = re.search(r"\b(?:the\s+)?(first|last)\s+(?:two|2)(?:\s+(?P<noun>images|photos|pictures|pics|clips|shots|slides))?\b|"
                     r"(?P<zh>前|最后|后)(?:两|2)(?P<zn>张|个|段)", c.t)
    if pair:  # "swap the first two", "switch the last two photos", "前两张换一下"
        kind = {"images": "image", "photos": "image", "pictures": "image", "pics": "image", "slides": "image",
                "张": "image"}.get(pair.group("noun") or pair.group("zn") or "")  # "clips"/"shots": any shot
        if len(c.count(kind or None)) < 2:
            raise _Cannot("there are not two of them to swap" if not c.zh else "不到两个，没法交换")
        first = (pair.group(1) or "") == "first" or pair.group("zh") == "前"
        a, b = (0, 1) if first else (-2, -1)
        return [O.SwapSegments(a=O.Target(index=a, kind=kind), b=O.Target(index=b, kind=kind))]  # type: ignore[arg-type]
    both = re.search(r"\b(?:the\s+two|the|both|these\s+two|those\s+two|these|those)\s+(?P<noun>images|photos|pictures|pics|"
                     r"slides|clips|shots)\b|\b(?:swap|switch|exchange|flip)\s+(?:them|the\s+two|these\s+two|both)"
                     r"(?:\s+(?:round|around|over))?\s*$|(?:两|2)\s*(?P<zn>张|个|段)\s*(?:图片|照片|图|视频|镜头)?", c.t)
    if both and not _find_targets(c):
        # "swap the two photos", "switch them", "交换两张图片" with two there: those two (was not understood)
        kind = {"images": "image", "photos": "image", "pictures": "image", "pics": "image", "slides": "image",
                "clips": "video", "张": "image", "段": "video"}.get(both.group("noun") or both.group("zn") or "")
        there = c.count(kind or None)
        if len(there) != 2:
            raise _Cannot(f"there are {len(there)}, not two: say which two, e.g. 'swap the first and third'" if not c.zh
                          else f"一共有{len(there)}个，不是两个：请说交换哪两个，例如“交换第一张和第三张”")
        return [O.SwapSegments(a=O.Target(index=0, kind=kind), b=O.Target(index=1, kind=kind))]  # type: ignore[arg-type]
    refs = _find_targets(c)
    if len(refs) == 1:  # "swap the second image for surf.mp4" is a replacement
        m = re.search(r"\b(?:with|for)\b(.*)$|(?:和|与|跟|换成)(.*)$", c.t)
        asset = _find_asset(c, m.group(0), (AssetKind.IMAGE, AssetKind.VIDEO)) if m else None
        if asset is not None and asset.id not in {s.src for s in c.main_segs()}:
            return [O.ReplaceSource(target=refs[0].target, asset_id=asset.id)]
    flat = [x for r in refs for x in r.all]
    if len(flat) == 1:  # "swap the clip and the first photo": the other one named without a position
        rest = c.t[:refs[0].start] + " " + c.t[refs[0].end:]
        kind = _generic(c, rest)
        if kind is not None:
            other = _only(c, kind or None)
            if other != flat[0]:
                flat.append(other)
    if len(flat) < 2:
        return None
    return [O.SwapSegments(a=flat[0], b=flat[1])]


_END = r"(?:(?:to|at)\s+the\s+(?:very\s+)?(?:end|back|last\s+position)|\blast\b|\bto\s+the\s+end\b|最后|末尾|结尾|最后面|最后一个位置)"
_START = r"(?:(?:to|at)\s+the\s+(?:very\s+)?(?:start|beginning|front|first\s+position)|\bup\s+front\b|\bfirst\b|最前|开头|最前面|第一个位置|第一位|(?<=放)第一(?:个|张|段)?$)"


_RX_MOVE_SPLIT = re.compile(r"\s(?:to|after|before|behind|between|in\s+front\s+of|at\s+the)\s|放到|移到|挪到|调到|放在|移动到|换到|搬到|拖到|放(?=第|最|[^，,。]{1,16}?(?:前面|后面|之前|之后))|"
                            r"(?<=[张个段图片])(?:后面|之后|前面|之前)")
# "have the city photo come first", "the beach photo should go last"
_RX_COMES = re.compile(r"^(?:(?:have|let|make)\s+)?(?P<x>.+?)\s+(?:(?:should\s+|must\s+|needs?\s+to\s+|to\s+)?(?:come|go|be|appear|play|show)(?:s)?\s+|the\s+)"
                       r"(?:(?P<first>first|at\s+the\s+(?:start|beginning|front)|opener|opening\s+shot)|"
                       r"(?P<last>last|at\s+the\s+end|closer|closing\s+shot|finale))(?:\s+(?:one|shot|photo|image|picture|clip|scene))?\s*$")
_RX_OPEN_WITH = re.compile(r"^(?:let'?s\s+|please\s+|(?:can|could)\s+(?:we|you)\s+|(?:can|could|should)\s+(?:the|this|my|our)\s+"
                           r"(?:video|ad|reel|promo|clip|thing)\s+)?(?:(?:start|open|begin|kick\s+off|lead)|"
                           r"(?P<end>end|finish|close|wrap\s+up))\s+(?:it\s+|the\s+(?:video|thing)\s+)?(?:with|on)\s+(?P<x>.+)$")


def _dest(c: _Ctx, tail: str, offset: int, kind: str | None = None) -> O.Target | None:
    """Where a move goes: a reference ("after the beach photo"), or "the clip" when only one fits.
    A bare ordinal counts the kind of the shot moved ("the second photo after the fourth one")."""
    refs = _find_targets(c, tail, offset)
    if refs:
        t = refs[0].target
        if t.index is not None and t.kind is None and kind and not re.search(rf"\b(?:{_NOUN_IMG}|{_NOUN_VID}|clips?|shots?)\b", tail):
            t = t.model_copy(update={"kind": kind})
        return t
    kind = _generic(c, tail)
    return _only(c, kind or None) if kind is not None else None


# a clip played where the voice says some words: "put the testimonial after 'here is what our travellers
# say'", "play the interview when the voiceover says our customers", "把采访放在旁白说“听听他们怎么说”之后"
_RX_AT_WORDS = re.compile(
    r"\b(?:right\s+|just\s+)?(?:after|when|where|once|as)\s+(?:the\s+)?(?:voice\s*-?over|voice|narrator|narration|vo|"
    r"she|he|they)\s+(?:says?|said|finishes\s+saying|mentions?|gets\s+to)\s+(?P<w>«q»|[^,.;«]{4,}?)\s*(?:[,.;!]|$)|"
    r"\b(?:right\s+|just\s+)?(?:after|when)\s+(?:the\s+(?:words?|line|sentence|phrase)\s+)?(?P<q>«q»)")
_RX_AT_WORDS_ZH = re.compile(r"(?:旁白|配音|她|他)说(?:完|到)?[“\"「『'](?P<w>[^”\"」』']+)[”\"」』']"
                             r"(?:之后|以后|后|的时候|时|那里|那儿|处|的地方)")


def _h_place_at_words(c: _Ctx) -> list[O.Op] | None:
    """A clip played where the voiceover says some words, the voice pausing for it."""
    m = _RX_AT_WORDS.search(c.t)
    zh = _RX_AT_WORDS_ZH.search(c.raw) if m is None else None
    if m is None and zh is None:
        return None
    if zh is not None:
        words = zh.group("w")
    else:
        w = m.group("w") or m.group("q")  # type: ignore[union-attr]
        quoted = c.quotes[c.t[:m.start("w" if m.group("w") else "q")].count("«q»")] if w == "«q»" else None  # type: ignore[union-attr]
        words = quoted if quoted is not None else w
    if re.search(r"\b(?:part|bit|section|moment|piece)\s+where\s+(?:she|he|they|it|we|i|the\s+\w+)\s+(?:says|said|talks|mentions|explains)\b", c.t):
        # "sarahs clip is too long, just the part where she says 3 bedroom in 4 hours": the clip's own words
        raise _Cannot("finding where in a clip someone says given words is not available yet; say the times, e.g. "
                      "'use 0:04 to 0:10 of the testimonial'" if not c.zh else "还不能按说的话找到片段里的位置；请说时间，例如“用第4到10秒”")
    shown = {s.name.lower() for s in c.main_segs()} | {t.text.lower() for _, t in c.text_segs(None)}
    if not words.strip() or words.strip().lower() in shown:
        return None  # "after 'Pagoda'": a picture or a text, not words said
    shots = [r.target for r in _find_targets(c) if r.target.role is Role.MAIN]
    clips = [t for t in shots if (seg := _main_seg(c, t)) is not None and c.asset_kind(seg) == "video"]
    if not shots and len(c.count("video")) == 1 and _has(r"\b(?:clip|video|footage)\b|视频|片段", c.t):
        # "play the clip after …" with one clip (not "put the title after 'Welcome'")
        clips = [O.Target(name=c.count("video")[0].name)]
    return [O.PlaceAtWords(target=clips[0], words=words.strip())] if clips else None


def _h_move(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if re.search(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half\s+a))\s*(?:-\s*)?second\b", t):
        return None  # "make the first photo 2 second": a length with its s left off, never "the second place"
    if re.search(r"\b(?:is|are|looks?|seems?|gets?|feels?)\s+(?:(?:a\s+bit|kinda|so|too|really|very)\s+)?[a-z]+\s+"
                 r"(?:at|in)\s+the\s+(?:start|beginning|end)\b", t) and not re.search(r"\b(?:put|move|place|bring|make)\b", t):
        return None  # "the rehearsal bit is blurry at the start": where in the clip it is so, no place to move it to
    if (alone := re.fullmatch(r"(?:then\s+)?(?:the\s+)?[\w' -]{2,30}?\s+(?P<w>first|last)\s*[.!]*", t)) and not _find_targets(c) \
            and re.search(rf"\b(?:{_NOUN_VID}|clip)\b", t) and len(c.count("video")) == 1:
        # "…, the nail pics, timelapse last": the one clip, called by what it is
        return [O.MoveSegment(target=O.Target(index=0, kind="video"), to_index=0 if alone.group("w") == "first" else -1)]
    opener = _RX_OPEN_WITH.search(t)
    if opener:  # "start with the mountain photo", "end on the beach shot"
        refs = _find_targets(c, opener.group("x"), opener.start("x"))
        if refs and refs[0].target.role is Role.MAIN:
            return [O.MoveSegment(target=refs[0].target, to_index=0 if opener.group("end") is None else -1)]
    bare = re.fullmatch(r"\s*(?:and\s+)?(?:the\s+)?(?P<x>[^\d]+?)\s+(?P<w>first|last|second|third|fourth|fifth|"
                        r"at\s+the\s+(?:start|beginning|end))\s*(?:please)?\s*[.!]?\s*", t)
    if bare and not _has(r"\b(?:move|put|place|make|swap|remove|delete|title|caption|text|cta|music|voice\w*)\b", t):
        # "the beach one first", "beach photo first", "the second photo first": no verb, a shot and where it goes
        refs = _find_targets(c, bare.group("x"), bare.start("x"))
        if len(refs) == 1 and refs[0].target.role is Role.MAIN and (refs[0].target.name is not None
                                                                    or refs[0].target.index is not None):
            w = bare.group("w")
            nth = {"second": 1, "third": 2, "fourth": 3, "fifth": 4}.get(w)  # "the china photo second"
            if nth is not None:
                return [O.MoveSegment(target=refs[0].target, to_index=nth)]
            return [O.MoveSegment(target=refs[0].target, to_index=0 if w == "first" or "start" in w or "beginning" in w else -1)]
    slot = re.fullmatch(r"\s*(?:the\s+)?(?P<w>first|last|opening|closing|final)\s+(?:photo|picture|image|pic|shot|one|clip|"
                        r"slide)\s+(?:should|must|has\s+to|needs\s+to|will)\s+be\s+(?:the\s+)?(?P<x>[^\d]+?)\s*(?:please)?\s*[.!]?\s*", t)
    if slot:  # "the first photo should be the beach photo": that one goes there
        target = _one_shot(c, _find_targets(c, slot.group("x"), slot.start("x")))
        if target is not None and (target.name is not None or target.id is not None):
            return [O.MoveSegment(target=target, to_index=0 if slot.group("w") in ("first", "opening") else -1)]
    rel = re.fullmatch(r"\s*(?:(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+|let'?s\s+have\s+|have\s+)?(?:the\s+)?"
                       r"(?P<x>[^\d]+?)\s+(?P<w>after|before|behind|in\s+front\s+of)\s+(?:the\s+)?(?P<y>[^\d]+?)"
                       r"\s*(?:please)?\s*[.!]?\s*", t)
    if rel and not _has(r"\b(?:move|put|place|swap|remove|delete|title|caption|text|cta|music|voice\w*|logo|fade\w*|"
                        r"transitions?|zoom|pan)\b", t):
        # "the beach photo after the city photo", "i want the flowers after the cat": no verb, a shot and its place
        x = _one_shot(c, _find_targets(c, rel.group("x"), rel.start("x")))
        y = _one_shot(c, _find_targets(c, rel.group("y"), rel.start("y")))
        if x is not None and y is not None and x != y:
            if rel.group("w") in ("after", "behind"):
                return [O.MoveSegment(target=x, after=y)]
            return [O.MoveSegment(target=x, before=y)]
    comes = _RX_COMES.search(t)
    if comes and re.search(r"\b(?:before|after|behind|between|next\s+to|in\s+front\s+of)\b", comes.group("x")):
        comes = None  # "move the first image before the last image": a place by another shot (below)
    if comes:  # "have the city photo come first", "make the second photo the last one"
        refs = _find_targets(c, comes.group("x"), comes.start("x"))
        if len(refs) == 1 and refs[0].target.role is Role.MAIN:
            return [O.MoveSegment(target=refs[0].target, to_index=0 if comes.group("first") else -1)]
    m = re.search(r"\b(?:move|put|place|bring|send|shift|make|stick|pop|slot|shove|bump|drag|chuck|throw|stash|park|slide|use|show|play)\b|(?:放到|移到|挪到|调到|放在|移动到|换到|搬到|拖到|放(?=第|最|[^，,。]{1,16}?(?:前面|后面|之前|之后))|挪|移)", t)
    if not m:
        return None
    ords = [o.span() for o in _RX_ORD.finditer(t)]  # "the second to last photo": not a "to" of a move
    splits = [x for x in _RX_MOVE_SPLIT.finditer(t, m.end()) if not any(a <= x.start() + 1 < b for a, b in ords)]
    if splits and re.match(r"\s(?:after|before)\s", splits[0].group(0)) \
            and (len(splits) > 1 or m.group(0) == "make") \
            and re.search(r"\bthe\s+(?:ones?|shots?|images?|photos?|pictures?|pics?|segments?|scenes?|slides?)\s*$", t[:splits[0].start()]):
        splits = splits[1:]  # "move the photo before the clip to the end", "make the photos after the clip 3 seconds"
    split = splits[0] if splits else None
    if not m.group(0).isascii():
        split_at = m.start()
    elif not split:
        named = bool(_find_targets(c)) or _generic(c, t[:m.end() + 40]) == "video"  # ("put the timelapse last": the one clip)
        if (mid := re.search(r"\s(?:somewhere\s+)?in\s+the\s+middle\s*$", t[m.end():])) and named:
            split_at = m.end() + mid.start()  # "put the goat clip in the middle"
        elif _has(rf"\b(?:{_ORD_EN}|up\s+front)\b", t[m.end():]) and named:
            # "put the scarf first", "put the last image second": the ordinal at the end is where it goes
            split_at = m.end() + (re.search(rf"\s(?:{_ORD_EN}|up\s+front)\s*$", t[m.end():]) or re.search(r"$", t[m.end():])).start()  # type: ignore[union-attr]
        else:
            return None
    else:
        split_at = split.start()
    head, tail = t[:split_at], t[split_at:]
    # Chinese "把第二张放到第四张后面": destination target is in the tail, before 后面/前面
    refs_head = _find_targets(c, head)
    if not refs_head:
        kind = _generic(c, head)
        if kind is None:
            return None
        target = _only(c, kind or None)
    else:
        target = refs_head[0].target
    if target.role is not Role.MAIN:
        return None
    between = re.match(r"\s*(?:to\s+)?(?:in\s+)?between\s+", tail)
    if between:  # "move the clip between the first and second photos": after the first of them
        refs = _find_targets(c, tail, split_at)
        if refs:
            return [O.MoveSegment(target=target, after=refs[0].target)]
    if re.match(r"\s*(?:after|behind)\b", tail) or re.search(r"(?:后面|之后|后边|后)\s*$", tail):
        if (dest := _dest(c, tail, split_at, target.kind)) is not None:
            return [O.MoveSegment(target=target, after=dest)]
    if re.match(r"\s*(?:before|in\s+front\s+of)\b", tail) or re.search(r"(?:前面|之前|前边|前)\s*$", tail):
        if (dest := _dest(c, tail, split_at, target.kind)) is not None:
            return [O.MoveSegment(target=target, before=dest)]
    if _has(r"\b(?:(?:second|2nd)[\s-]+(?:to[\s-]+|from[\s-]+(?:the[\s-]+)?)?last|penultimate|next[\s-]+to[\s-]+last)"
            r"(?:\s+(?:place|position|spot|slot|one))?\s*[.!]*$|倒数第(?:二|2)(?:个|位)?\s*$", t[m.end():]):
        return [O.MoveSegment(target=target, to_index=-2)]  # "put the boss fight second to last" (it went last)
    if _has(r"\b(?:somewhere\s+)?in\s+the\s+middle\b|(?:放)?(?:在)?中间", tail):
        n = len(c.main_segs())  # "put the goat clip in the middle": the middle place of the order
        return [O.MoveSegment(target=target, to_index=(n - 1) // 2)]
    if _has(_END, tail):
        return [O.MoveSegment(target=target, to_index=-1)]
    if _has(_START, tail):
        return [O.MoveSegment(target=target, to_index=0)]
    pm = re.search(rf"\bposition\s+(?:number\s+)?({_SMALL_NUM})\b|^\s*(?:in\s+)?({_ORD_EN})\s*$|(?:第\s*([一二三四五六七八九十\d]+)\s*(?:个|张|段)?(?:位置|位)?)|\b({_ORD_EN})\s+(?:position|place|slot)\b|\bthe\s+({_ORD_EN})\b", tail)
    if pm:
        n = N.parse_number(pm.group(1) or pm.group(3) or "") if (pm.group(1) or pm.group(3)) else None
        idx = (int(n) - 1) if n else _ord_index(pm.group(2) or pm.group(4) or pm.group(5))
        if idx is not None:
            return [O.MoveSegment(target=target, to_index=idx)]
    return None


def _h_replace(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    m = re.search(r"\b(?:replace|swap\s+out|substitute)\b(?P<a>.*?)\b(?:with|by|for)\b(?P<b>.*)$|"
                  r"\b(?:use\b(?P<b2>.*?)\b(?:instead\s+of|in\s+place\s+of|for)|(?:put|place|stick|drop|swap\s+in)\b(?P<b4>.*?)\b(?:instead\s+of|in\s+place\s+of))\b(?P<a2>.*)$|"
                  r"^(?P<a3>.*?)(?:换成|替换成|替换为|换为|改成|改为|替换)(?P<b3>.*)$", t)
    if not m:
        return None
    a = m.group("a") or m.group("a2") or m.group("a3") or ""
    b = m.group("b") or m.group("b2") or m.group("b4") or m.group("b3") or ""
    a_off = m.start("a") if m.group("a") is not None else m.start("a2") if m.group("a2") is not None else m.start("a3")
    refs = _find_targets(c, a, a_off)
    if not refs and _all_of(c, a) is not None:
        return None  # "所有图片改成2秒" / "make all the images …": not a replacement
    if not refs:
        kind = _generic(c, a)
        if kind is None:
            return None
        target = _only(c, kind or None)
    else:
        target = refs[0].target
    asset = _find_asset(c, b, (AssetKind.IMAGE, AssetKind.VIDEO))
    if asset is None and (m.group("b4") is not None or m.group("b3") is not None and not _has(r"换成|替换", t)):
        return None
    if asset is None:
        raise _Cannot("replace it with which file? add it to the project first and name it, e.g. 'replace the second image with surf.mp4'")
    shown = [s for s in c.main_segs() if s.src == asset.id]
    old = _main_seg(c, target)
    if len(shown) == 1 and old is not None and old.src != asset.id:
        # "use the class clip first instead of the studio pic", the clip already in the video: it moves
        # there (a replacement showed the same footage twice); with "first"/"last" the other stays
        order = [s.id for s in c.main_segs()]
        names = [s.name for s in c.main_segs()]

        def called(seg) -> O.Target:  # by its file name, as the reply says it, when that is one shot
            return O.Target(name=seg.name) if seg.name and names.count(seg.name) == 1 else O.Target(id=seg.id)

        at = 0 if _has(r"\bfirst\b|\bto\s+open\b|\bat\s+the\s+(?:start|beginning)\b|最前|开头", b) else \
            -1 if _has(r"\blast\b|\bat\s+the\s+end\b|最后|结尾", b) else None
        if at is not None:
            return [O.MoveSegment(target=called(shown[0]), to_index=at)]
        beside = {"after": called(old)} if order.index(shown[0].id) < order.index(old.id) else {"before": called(old)}
        return [O.MoveSegment(target=called(shown[0]), **beside), O.RemoveSegment(target=called(old))]
    return [O.ReplaceSource(target=target, asset_id=asset.id)]


# "actually end on the rings instead of the first dance", "open with the drone shot": that shot last (first)
_RX_END_ON = re.compile(r"^(?:(?:actually|ok|so|hmm+|wait|no)[\s,]+)*(?:let'?s\s+|can\s+(?:you|we)\s+|please\s+)?(?P<w>end|finish|close|"
                        r"start|open|begin)\s+(?:it\s+|the\s+video\s+)?(?:on|with)\s+(?P<x>.+?)(?:\s*,?\s+(?:instead(?:\s+of\s+.+)?|"
                        r"not\s+(?:on|with)?\s*.+|rather\s+than\s+.+))?\s*[.!]*$")


def _h_end_on(c: _Ctx) -> list[O.Op] | None:
    """"end on the rings instead of the first dance": the shot named goes last ("start with …": first)."""
    m = _RX_END_ON.match(c.t)
    if m is None or _has(_TEXT_WORD + r"|\blogo\b|\b(?:fade|black|music|song)\b|«q»", m.group("x")):
        return None  # "end with 'Shop now'", "end with a fade": a text's, a fade's
    refs = [x for r in _find_targets(c, m.group("x"), m.start("x")) for x in r.all]
    if len(refs) != 1 or _main_seg(c, refs[0]) is None:
        return None
    last = m.group("w") in ("end", "finish", "close")
    return [O.MoveSegment(target=refs[0], to_index=-1 if last else 0)]


_RX_USE_NOT = re.compile(r"^(?:please\s+|pls\s+|just\s+)?use\s+(?P<a>.+?)\s*,?\s+(?:and\s+)?(?:not|instead\s+of|rather\s+than)\s+"
                         r"(?P<b>.+?)\s*[.!]*$")
_VID_WORD = r"\b(?:video|vid|clip|footage)\b"


def _h_use_not(c: _Ctx) -> list[O.Op] | None:
    """"use the drone picture and not the drone video (it is the same thing twice)": the other one goes
    (a second copy of the picture was added, the clip kept)."""
    m = _RX_USE_NOT.match(c.t)
    if m is None:
        return None
    a = [x for r in _find_targets(c, m.group("a"), m.start("a")) for x in r.all]
    b = [x for r in _find_targets(c, m.group("b"), m.start("b")) for x in r.all]
    seg_a = _main_seg(c, a[0]) if len(a) == 1 else None
    seg_b = _main_seg(c, b[0]) if len(b) == 1 else None
    clips = c.count("video")
    if seg_b is not None and seg_a is not None and seg_a.id == seg_b.id and len(clips) == 1 \
            and _has(_VID_WORD, m.group("b")) and not _has(_VID_WORD, m.group("a")):
        seg_b = clips[0]  # "the drone video" beside "finished roof drone.JPG": the one clip
    if seg_a is None or seg_b is None or seg_a.id == seg_b.id:
        return None
    return [O.RemoveSegment(target=_by_name_or_place(c, seg_b))]


def _h_duplicate(c: _Ctx) -> list[O.Op] | None:
    """"duplicate the flower shot", "show the second photo twice", "复制第三张图片": the same
    picture again, right after it."""
    t = c.t
    if not _has(r"\b(?:duplicate|repeat|clone)\b|\bcopy\s+(?!the\s+(?:style|look|text|title|caption))|\btwice\b|复制|重复|"
                r"\b(?:add|show|put|use|include|bring)\b.*\b(?:again|once\s+more|a\s+second\s+time)\b|再(?:放|加|用)一(?:次|遍)", t):
        return None
    if _has(r"\b(?:is|are|'s)\s+(?:basically\s+|just\s+)?(?:the\s+)?same\s+(?:thing|shot|picture|pic|one|view)s?\s+twice\b|"
            r"\b(?:is|are)\s+(?:in\s+(?:it|there)\s+)?twice\b|\bshows?\s+up\s+twice\b", t):
        return None  # "it is the same thing twice": why one goes, no copy to add
    refs = _find_targets(c)
    seg = _main_seg(c, refs[0].target) if refs and refs[0].target.role is Role.MAIN else None
    if seg is None:
        return None
    # "repeat the first photo at the end" (it moved it there), "… again at the start", "… after the third"
    if _has(r"\b(?:at|to)\s+the\s+(?:very\s+)?end\b|最后|结尾", t):
        return [O.AddSegment(asset_id=seg.src, after=O.Target(index=-1), duration_ms=seg.duration)]
    if _has(r"\b(?:at|to)\s+the\s+(?:very\s+)?(?:start|beginning)\b|开头|最前", t):
        return [O.AddSegment(asset_id=seg.src, before=O.Target(index=0), duration_ms=seg.duration)]
    if len(refs) > 1 and refs[1].target.role is Role.MAIN and (where := re.search(r"\b(?:after|before)\b", t)):
        side = "after" if where.group(0) == "after" else "before"
        return [O.AddSegment(asset_id=seg.src, duration_ms=seg.duration, **{side: refs[1].target})]
    return [O.AddSegment(asset_id=seg.src, after=refs[0].target, duration_ms=seg.duration)]


def _h_add_segment(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(_ADD + r"|\b(?:stick|slap|pop|throw|tack|chuck|drop\s+in)\b", t):  # "stick surf.mp4 at the start"
        return None
    asset = _find_asset(c, t, (AssetKind.IMAGE, AssetKind.VIDEO))
    if asset is None:
        return None
    on_tl = {s.src for s in c.main_segs()}
    # "add the sneaker photo after ..." where it is already there is a move, not an add
    if asset.id in on_tl and asset not in c.new_assets:
        return None
    after = re.search(r"\b(?:after|behind|following)\b(.*)$|在(.*?)(?:后面|之后|后边|后)", t)
    before = re.search(r"\b(?:before|in\s+front\s+of|ahead\s+of)\b(.*)$|在(.*?)(?:前面|之前|前边|前)", t)
    if after:
        refs = _find_targets(c, after.group(0))
        if refs:
            return [O.AddSegment(asset_id=asset.id, after=refs[0].target)]
    if before:
        refs = _find_targets(c, before.group(0))
        if refs:
            return [O.AddSegment(asset_id=asset.id, before=refs[0].target)]
    if _has(r"\b(?:at|to)\s+the\s+(?:start|beginning|front)\b|\bfirst\b|开头|最前", t):
        return [O.AddSegment(asset_id=asset.id, before=O.Target(index=0))]
    return [O.AddSegment(asset_id=asset.id)]


_KEEP_ONLY = r"\b(?:use|keep|want|include|show)\s+only\b|\bonly\s+(?:use|keep|want|include|show)\b|\bjust\s+(?:use|keep|show)\b|只用|只保留|只要|只留|只放"
# "remove everything except …": a removal verb too (never "flip all the photos except the first")
_ALL_BUT = (r"\b(?:everything|every\s+\w+|all(?:\s+(?:the\s+)?\w+)?|the\s+(?:rest|others?)|other\s+\w+)\s+"
            r"(?:except|but|other\s+than|apart\s+from|besides)\b|\bexcept\s+(?:for\s+)?the\b|除了")
_SECONDS = r"\d\s*(?:s|secs?|seconds?|ms)\b|秒"


# "cut it to just the first 10 sec", "only use 8 sec of it", "只要前面6秒", "只要后面一半": the part kept, not cut
_RX_KEEP_PART = re.compile(
    r"\b(?:(?:cut|trim|chop|shorten)\s+(?:it|the\s+\w+(?:\s+\w+)?)\s+(?:down\s+)?to\s+(?:just\s+|only\s+)?|"
    r"(?:only|just)\s+(?:use\s+|keep\s+|show\s+|want\s+|need\s+)?|(?:use|keep|show)\s+(?:only|just)\s+|"
    r"(?:use|keep|play)\s+(?=(?:the\s+)?(?:first|last|final|opening)\s+[\d.]+\s*(?:seconds?|secs?|s)\s+of\b))"
    r"(?:the\s+)?(?P<edge>first|last|second|opening|final)\s+(?P<what>half|(?:\d[\d.]*\s*|\S+\s+)?(?:seconds?|secs?|s))\b|"
    rf"(?:{ZH_KEEP}|留)(?P<zedge>前|后)面?(?P<zwhat>一半|半段|[\d一二两三四五六七八九十.]+\s*秒)")


_RX_KEEP_MIDDLE = re.compile(r"\b(?:only|just)\s+(?:use|keep|want|need|show)?\s*(?P<what>[\d.]+\s*(?:s|secs?|seconds?))\s+"
                             r"(?:of\s+)?.*?\s*(?:from|in|out\s+of)\s+the\s+middle\b|中间(?P<zwhat>[\d.]+\s*秒)")


def _h_keep_part(c: _Ctx) -> list[O.Op] | None:
    """"cut it to just the first 10 sec", "only keep the last 5 seconds of the clip", "作品展示那段只要后面一半",
    "only use 8 sec of it from the middle": the part of the shot (or of the video) kept. It cut the first
    10 s away, or removed every other shot ("只要" read as "keep only these shots")."""
    if (mid := _RX_KEEP_MIDDLE.search(c.t)) and (refs := _find_targets(c)) and (seg := _main_seg(c, refs[0].target)):
        keep = TW.find_durations((mid.group("what") or mid.group("zwhat")).replace("秒", " 秒"))[0].ms
        if keep >= seg.duration:
            raise _Cannot(f"{seg.name}在视频里只有{seg.duration / 1000:g}秒" if c.zh else
                          f"{seg.name} shows for {seg.duration / 1000:g} s already")
        head = (seg.duration - keep) // 2
        return [O.TrimSegment(target=refs[0].target, head_ms=head, tail_ms=seg.duration - keep - head)]
    m = _RX_KEEP_PART.search(c.t)
    if m is None:
        return None
    head = (m.group("edge") or "") in ("first", "opening") or m.group("zedge") == "前"
    what = m.group("what") or m.group("zwhat")
    half = what in ("half", "一半", "半段")
    if not half and not TW.find_durations(what if m.group("what") else what.replace("秒", " 秒")):
        return None
    stripped = c.t[:m.start()] + " " + c.t[m.end():]
    refs = _find_targets(c, stripped)
    vids = [s for s in c.main_segs() if c.asset_kind(s) == "video"]
    total = c.tl.duration
    keep = total // 2 if half else TW.find_durations(what.replace("秒", " 秒"))[0].ms
    if refs:
        target = refs[0].target
    elif _has(_MUSIC + "|" + _VOICE, c.t):
        return None  # "only use the first 30 seconds of the song": the music's
    elif len(vids) == 1 and _has(r"\b(?:clip|footage)\b|片段|那段", c.t):
        target = O.Target(index=0, kind="video")
    elif _has(r"\b(?:it|video|whole\s+thing|reel)\b|视频", c.t) and keep < total:
        # "cut it to just the first 10 sec": the video's first 10 s are what is left (its first 10 s went)
        return [O.TrimVideo(tail_ms=total - keep) if head else O.TrimVideo(head_ms=total - keep)]
    else:
        return None
    seg = _main_seg(c, target)
    if seg is None:
        return None
    if half:
        keep = seg.duration // 2
    if head and not half and seg.in_ms > 0 and c.asset_kind(seg) == "video" \
            and _has(r"\bof\s+(?:the\s+|that\s+|this\s+)?(?:\w+\s+)?(?:clip|video|footage)\b", c.t):
        # "use the first 5 seconds of the clip": the clip's own first seconds (the shot started where the
        # first cut had found the most going on, 2.5 s in, and kept that)
        return [O.SetInPoint(target=target, in_ms=0, duration_ms=keep)]
    _no_longer_than_shown(c, seg, keep)
    return [O.SetSegmentDuration(target=target, duration_ms=keep) if head else
            O.TrimSegment(target=target, head_ms=seg.duration - keep)]


def _no_longer_than_shown(c: _Ctx, seg, keep: int) -> None:
    """A part kept as long as the shot or longer is said, never stretched ("the first 10 sec" of an 8 s clip)."""
    if keep >= seg.duration:
        raise _Cannot(f"{seg.name}在视频里只有{seg.duration / 1000:g}秒" if c.zh else
                      f"{seg.name} shows for {seg.duration / 1000:g} s already")


def _h_keep_only(c: _Ctx) -> list[O.Op] | None:
    """"use only the first three pictures", "keep only the beach and city photos", "remove
    everything except the first photo", "只用前三张图片", "除了第一张都删掉": the other shots go
    (of the kind named: "pictures" leaves the clips), never the ones named."""
    t = c.t
    if not (_has(_KEEP_ONLY, t) or (_has(_ALL_BUT, t) and _has(_REMOVE, t))) \
            or _has(_SECONDS + r"|\bhalf\b|一半|半段|\d{1,2}:[0-5]\d", t):
        return None  # "keep only the first 5 seconds of the clip", "只要后面一半" is a trim (`_h_keep_part`)
    refs = _find_targets(c)
    if not refs:
        return None
    targets = [x for r in refs for x in r.all]
    keep = _named_shot_ids(c, targets)
    kinds = {x.kind for x in targets}
    kind = kinds.pop() if len(kinds) == 1 else None
    if kind is None and _has(_NOUN_IMG, t) != _has(_NOUN_VID, t):  # "only keep the beach and city photos"
        kind = "image" if _has(_NOUN_IMG, t) else "video"
    pool = [s for s in c.main_segs() if kind is None or c.asset_kind(s) == kind]
    drop = [s for s in pool if s.id not in keep]
    if not drop:
        raise _Cannot("那些已经是仅有的镜头了" if c.zh else "those are already the only ones in the video")
    others = [s for s in c.main_segs() if s not in pool]
    if others:
        what = "、".join(s.name for s in others) if c.zh else ", ".join(s.name for s in others)
        c.notes.append(f"{what}不是图片，保留了。" if c.zh and kind == "image" else
                       f"{what} stay{'s' if len(others) == 1 else ''} (not {'a picture' if kind == 'image' else 'a clip'}"
                       f"{'' if len(others) == 1 else 's'}); say 'remove {others[0].name}' to drop "
                       f"{'it' if len(others) == 1 else 'them'}.")
    return [O.RemoveSegment(target=_by_name_or_place(c, s)) for s in reversed(drop)]


def _by_name_or_place(c: _Ctx, seg) -> O.Target:
    """A target the reply can name ("the image "city.jpg""): the file name when it is the shot's
    alone, else its place (removals run last first, so earlier places hold)."""
    name = seg.name.lower()
    segs = c.main_segs()
    if name and sum(name in s.name.lower() for s in segs) == 1:
        return O.Target(name=name, kind=c.asset_kind(seg))  # type: ignore[arg-type]
    return O.Target(index=[s.id for s in segs].index(seg.id))


# "cut the beach photo", "cut the second shot out": that shot goes ("cut the beach photo shorter / to 2
# seconds" is its length, "cut the music at 20s" the music's, "cut to the beat" the cuts')
_RX_CUT_SHOT = re.compile(
    r"^(?:please\s+)?cut\s+(?:out\s+)?(?:the|that|this)\s+(?!.*\b(?:shorter|short|down|to|by|at|in\s+half|half|from|"
    r"until|till|after|before|beats?|music|song|voice|voiceover|audio|sound|title|caption|captions|text|cta|length)\b)",
    re.I)


# "don't show the beach photo", "the motorcycle photo isn't needed", "we don't need delivery.jpg", "hide the
# beach photo": it goes
_RX_NOT_WANTED = re.compile(
    r"^(?:please\s+)?(?:(?:i|we)\s+)?(?:don'?t|do\s+not)\s+(?:show|use|include|need|want)\s+(?!.*\b(?:music|song|voice|"
    r"voiceover|audio|sound|title|caption|captions|text|cta|logo|transitions?|zoom|motion|fade)\b)|"
    r"\b(?:isn'?t|is\s+not|aren'?t|are\s+not)\s+needed\b|"
    # "hide the beach photo" (not "hide the title", "hide the logo until 2 s")
    r"^(?:please\s+)?hide\s+(?!.*\b(?:music|song|voice|voiceover|audio|sound|title|titles|caption|captions|text|texts|cta|"
    r"logo|call\s+to\s+action|headline|until|till|after|before|for|during|behind|under)\b)|"
    # "menu board pic is unreadable on a phone just cut it": the shot the sentence opens on (it made hard cuts)
    r"\b(?:is|are|looks?|'s)\b.*\b(?:just\s+|so\s+|pls\s+|please\s+)?(?:cut|lose|ditch|scrap|drop|remove|delete|kill)\s+"
    r"(?:it|that|this|that\s+one|this\s+one)(?:\s+out)?\s*(?:pls|please)?\s*[.!]*$", re.I)


_ZH_SIDE = r"(?P<rel>后面|之后|以后|后|前面|之前|以前|前)的?\s*(?:所有|全部)?的?\s*(?:图片|照片|镜头|画面|图)?"
_ZH_GONE_VERB = r"(?:删掉|删除|删了|去掉|不要了?)"
_RX_ZH_SIDE_REMOVE = re.compile(
    rf"^(?:把)?(?P<x>.+?)(?:那张|那个|这张|那段)?{_ZH_SIDE}\s*(?:都|全部|全)?\s*{_ZH_GONE_VERB}|"
    rf"^{_ZH_GONE_VERB}(?P<x2>.+?)(?:那张|那个|这张|那段)?{_ZH_SIDE.replace('rel', 'rel2')}")


def _h_zh_side_remove(c: _Ctx) -> list[O.Op] | None:
    """"猫那张后面的都删掉", "删掉花后面的所有图片", "花之前的都删掉": the shots on that side of the one
    named (it removed the cat, or said every shot would go). Times ("15秒以后的都删掉") are `_h_cut_at`'s."""
    m = _RX_ZH_SIDE_REMOVE.search(c.t) if c.zh else None
    if m is None:
        return None
    rel, end = (m.group("rel"), m.end("rel")) if m.group("x") else (m.group("rel2"), m.end("rel2"))
    refs = _find_targets(c, c.t[:end] + "的")  # (the picture word with what follows it: "猫那张后面的")
    seg = _main_seg(c, refs[0].target) if len(refs) == 1 else None
    if seg is None:
        return None
    segs = list(c.main_segs())
    at = next(k for k, s in enumerate(segs) if s.id == seg.id)
    after = rel in ("后面", "之后", "以后", "后")
    side = list(range(at + 1, len(segs))) if after else list(range(at))
    if not side:
        raise _Cannot(f"「{seg.name}」{'后面' if after else '前面'}没有别的镜头")
    return [O.RemoveSegment(target=O.Target(index=k)) for k in reversed(side)]  # (the last first: the rest keep their places)


def _h_remove_segment(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    cut = _RX_CUT_SHOT.match(t) is not None or _RX_NOT_WANTED.search(t) is not None
    if not (_has(_REMOVE, t) or cut):
        return None
    if _has(r"\b(?:gaps?|spaces?|pauses?|breaks?|black)\s+(?:in\s+)?between\b|\bbetween\b.{0,30}\b(?:gaps?|spaces?)\b", t):
        # "remove the gap between the photos" removed five of them
        raise _Cannot("镜头之间没有空隙：每个镜头都紧接着上一个（叠化时两者重叠）；不要转场请说“硬切”" if c.zh else
                      "there is no gap between the shots: each starts where the one before ends (a crossfade overlaps "
                      "them); say 'hard cuts' for no transitions")
    if _has(r"\b(?:first|last)\s+(?:(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|half)\s*(?:s|sec|secs|seconds?)\b|second\b)|(?:前|后|最后)\s*[\d一二两三四五六七八九十]+\s*秒|\b(?:off|from)\s+the\s+(?:start|beginning|end)\b", t):
        return None  # a trim
    if between := re.search(r"\b(?:photos?|pictures?|pics?|images?|shots?|clips?|ones?|everything|all)\s+(?:in\s+)?"
                            r"between\s+(?P<a>.+?)\s+(?:and|&)\s+(?P<b>.+)$", t):
        # "remove the photos between the city and the beach": the ones between them (it removed those two)
        a = _one_shot(c, _find_targets(c, between.group("a"), between.start("a")))
        b = _one_shot(c, _find_targets(c, between.group("b"), between.start("b")))
        segs = list(c.main_segs())
        ends = [segs.index(x) for x in (_main_seg(c, a) if a else None, _main_seg(c, b) if b else None) if x in segs]
        if len(ends) == 2:
            lo, hi = sorted(ends)
            if hi - lo < 2:
                raise _Cannot("它们之间没有别的镜头" if c.zh else "there is no shot between those two")
            return [O.RemoveSegment(target=_by_name_or_place(c, segs[i])) for i in range(hi - 1, lo, -1)]
    refs = _find_targets(c)
    if refs:
        targets = [x for r in refs for x in r.all]
        return [O.RemoveSegment(target=x) for x in _removal_order(targets)]
    if cut:  # "cut", "don't show" naming no shot: not a removal
        return None
    every = _all_of(c)
    if every is not None:  # "remove all the images": each of them, last first
        segs = c.count(every or None)
        if not segs:
            raise _Cannot(f"there are no {'images' if every == 'image' else 'video clips' if every == 'video' else 'shots'} on the timeline")
        if len(segs) == len(c.main_segs()):
            raise _Cannot("that would remove every shot; the video needs at least one")
        return [O.RemoveSegment(target=O.Target(index=i, kind=every or None)) for i in reversed(range(len(segs)))]  # type: ignore[arg-type]
    kind = _generic(c)
    if kind is not None:
        return [O.RemoveSegment(target=_only(c, kind or None))]
    return None


def _removal_order(targets: list[O.Target]) -> list[O.Target]:
    """Order removals so earlier ones do not shift later targets: positions from the start
    last-first, times latest-first, then positions from the end nearest-the-start first."""
    def key(x: O.Target) -> tuple[int, int]:
        if x.index is not None and x.index >= 0:
            return (0, -x.index)
        if x.at_ms is not None:
            return (1, -x.at_ms)
        if x.index is not None:
            return (2, x.index)
        return (3, 0)

    return sorted(targets, key=key) if len(targets) > 1 else targets


# "start the clip at 0:03", "play street.mp4 from 3 seconds in", "use the clip from 3s", "视频片段从第3秒开始":
# where in its source a clip plays from (it set the shot's LENGTH to 3 s, or was not understood)
_RX_IN_POINT = re.compile(
    r"\b(?:start|begin|play|use|run|cue)s?(?:\s+playing)?\b.{0,40}?\b(?:from|at)\s+(?:the\s+)?"
    r"(?P<tv>\d{1,2}:[0-5]\d(?:\.\d+)?|\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b)(?:\s+(?:in|into\s+(?:it|the\s+\w+)))?"
    r"(?!\s+(?:on|of)\s+the\s+(?:timeline|video))"
    r"|\b(?:should|must|to)\s+start\s+(?:from|at)\s+(?P<tv2>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b)"
    r"|从(?:素材的?|原视频的?)?(?:第?\s*(?P<zh>\d+(?:\.\d+)?)\s*秒|(?P<zt>\d{1,2}:[0-5]\d))(?:处)?(?:开始|起)(?:播放?|放)?")


def _tv_ms(tv: str) -> int:
    """A time `_RX_IN_POINT` or `_RX_MOVE_TO_TIME` matched ("0:03", "3s", "3.5 seconds") in ms; the
    parser has no zero length, and a time these patterns matched that it does not read is 0:00."""
    return TW.parse_time_value_ms(tv) or 0


# "use 0:20 to 0:35 of the gameplay clip", "the gameplay clip from 0:20 to 0:35": the part of its source a clip plays
# (it set the shot to 20 s)
_RX_IN_RANGE = re.compile(r"(?:\bfrom\s+|从)?(?P<a>\d{1,2}:[0-5]\d)\s*(?:to|-|–|—|until|till|thru|through|到|至|~)\s*"
                          r"(?P<b>\d{1,2}:[0-5]\d)(?!\d)"  # (not \b: "0:20那段" has no word's edge in it)
                          r"(?!\s+(?:on|of)\s+the\s+(?:timeline|video))|"
                          # "用那段 大概第10秒到第16秒": that part of the clip (it made the clip 10 s long)
                          r"(?:用|要|留)[^，,。\d]{0,8}?(?:大概|大约|差不多)?\s*(?:从)?第?\s*(?P<za>\d{1,3})\s*秒\s*(?:到|至|-|~)\s*第?\s*"
                          r"(?P<zb>\d{1,3})\s*秒")


# "start it a couple secs later", "start the rehearsal clip 2 seconds in": its source's start moved by that much
_RX_IN_LATER = re.compile(r"\b(?:start|begin|play)\s+(?:it|the\s+[\w' -]{1,40}?)\s+(?P<n>a\s+couple(?:\s+of)?|a\s+few|a|"
                          r"\d+(?:\.\d+)?|one|two|three|four|five)\s*(?:s|secs?|seconds?)?\s+(?P<w>later|earlier|sooner|further\s+in)\b")


# "use a later bit", "skip the first few secs where my hand is blurry": the clip from later in its footage
_RX_IN_SKIP = re.compile(r"\b(?:use|take|show|pick)\s+a\s+later\s+(?:bit|part|section|piece|moment|take)\b|"
                         r"\bskip\s+(?:the\s+)?first\s+(?P<n>a\s+couple(?:\s+of)?|couple(?:\s+of)?|few|\d+(?:\.\d+)?|one|two|three|"
                         r"four|five)?\s*(?:s|secs?|seconds?)\b")


def _clip_said(c: _Ctx) -> tuple[O.Target, VideoSegment] | None:
    """The clip the clause names, else the one clip there is; None when that is no clip."""
    refs = [x for f in _find_targets(c) for x in f.all]
    target = refs[0] if refs else O.Target(index=0, kind="video") if len(c.count("video")) == 1 else None
    seg = _main_seg(c, target) if target is not None else None
    return (target, seg) if target is not None and seg is not None and c.asset_kind(seg) == "video" else None


def _h_in_point(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if (later := _RX_IN_LATER.search(t)) and not _has(_MUSIC + "|" + _VOICE + "|" + _TEXT_WORD, t) \
            and (said := _clip_said(c)) is not None:
        n = later.group("n").lower()
        ms = 2000 if "couple" in n else 3000 if "few" in n else 1000 if n == "a" else int(float(N.parse_number(n) or 1) * 1000)
        step = -ms if later.group("w").lower() in ("earlier", "sooner") else ms
        return [O.SetInPoint(target=said[0], in_ms=max(0, said[1].in_ms + step), duration_ms=said[1].duration)]
    if (skip := _RX_IN_SKIP.search(t)) and not _has(_MUSIC + "|" + _VOICE + "|" + _TEXT_WORD, t) \
            and (said := _clip_said(c)) is not None:
        n = (skip.group("n") or "").lower()
        ms = 2000 if "couple" in n else 3000 if not n or n == "few" else int(float(N.parse_number(n) or 3) * 1000)
        return [O.SetInPoint(target=said[0], in_ms=said[1].in_ms + ms, duration_ms=said[1].duration)]
    if (r := _RX_IN_RANGE.search(t)) and not _has(_MUSIC + "|" + _TEXT_WORD, t):
        if r.group("za"):
            a, b = int(r.group("za")) * 1000, int(r.group("zb")) * 1000
        else:
            a, b = TW.parse_time_value_ms(r.group("a")) or 0, TW.parse_time_value_ms(r.group("b")) or 0
        voice = c.tl.track(Role.VOICE)
        if voice is not None and voice.segments and _has(_VOICE + r"|\b(?:wav|m4a|audio|recording|interview)\b|录音|音频", t):
            # "use the clip from 0:25 to 0:45 of the wav": that part of the voice recording
            if b > a:
                return [O.SetInPoint(target=O.Target(role=Role.VOICE, index=0), in_ms=a, duration_ms=b - a)]
        elif not _has(_VOICE, t) and b > a and (said := _clip_said(c)) is not None:
            return [O.SetInPoint(target=said[0], in_ms=a, duration_ms=b - a)]
    m = _RX_IN_POINT.search(t)
    if m is None or _has(_MUSIC + "|" + _VOICE + "|" + _TEXT_WORD + r"|\btransitions?\b|转场|\bmotion\b|\bzoom", t):
        return None  # the music's or voice's own timing is `_h_audio_timing`'s
    at = next((m.start(g) for g in ("tv", "tv2", "zh", "zt") if m.group(g)), len(t))
    refs = [x for r in _find_targets(c, t[:at]) for x in r.all]  # "at 0:03" is no shot "at 0:03"
    clips = c.count("video")
    if refs:
        target = refs[0]
    elif clips and _has(r"\b(?:clip|footage|video\s+clip)s?\b|片段|视频片段|[这那]\s*(?:段|个视频)", t):
        target = O.Target(index=0, kind="video") if len(clips) == 1 else _only(c, "video")
    else:
        return None  # "start the video at 0:03" with no clip named: not a source's in-point
    seg = _main_seg(c, target)
    if seg is None or c.asset_kind(seg) != "video":
        return None  # a still has no in-point; "start the coffee photo at 0:05" is the timeline's
    tv = m.group("tv") or m.group("tv2") or m.group("zt")  # ("猫那个视频从0:05开始": it made the clip 5 s long)
    return [O.SetInPoint(target=target, in_ms=_tv_ms(tv) if tv else round(float(m.group("zh")) * 1000))]


_RX_MOVE_TO_TIME = re.compile(
    r"\b(?:move|put|place|shift|slide|drag|bring)\b(?P<x>.{1,60}?)\b(?:to|at)\s+(?:the\s+)?"
    r"(?P<tv>\d{1,2}:[0-5]\d(?:\.\d+)?|\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b)(?:\s+(?:mark|on\s+the\s+timeline))?\s*$"
    r"|(?:把)?(?P<zx>.{1,30}?)(?:放到|移到|挪到)第?\s*(?P<ztv>\d+(?:\.\d+)?)\s*秒(?:处|的位置)?$")


def _h_move_to_time(c: _Ctx) -> list[O.Op] | None:
    """"move the clip to 0:10", "put the beach photo at 12 seconds", "把视频片段移到第10秒": the shot goes
    to the place in the order that starts nearest that time (it set the shot's LENGTH to 10 s)."""
    t = c.t
    m = _RX_MOVE_TO_TIME.search(t)
    if m is None or _has(_MUSIC + "|" + _VOICE + "|" + _TEXT_WORD + r"|\blogo\b", t):
        return None
    x = m.group("x") or m.group("zx")
    refs = [r.target for r in _find_targets(c, x) if r.target.role is Role.MAIN]
    if not refs and (kind := _generic(c, x)) is not None:  # "move the clip to 0:10"
        refs = [_only(c, kind or None)]
    if len(refs) != 1:
        return None
    seg = _main_seg(c, refs[0])
    if seg is None:
        return None
    ms = _tv_ms(m.group("tv")) if m.group("tv") else round(float(m.group("ztv")) * 1000)
    others = [s for s in c.main_segs() if s.id != seg.id]
    starts, pos = [], 0
    for i, s in enumerate(others):  # where each place in the order would start, about (transitions overlap)
        starts.append(max(0, pos - seg.transition_ms) if i else 0)
        pos += s.duration - (others[i + 1].transition_ms if i + 1 < len(others) else 0)
    starts.append(max(0, pos - seg.transition_ms))
    to = min(range(len(starts)), key=lambda i: (abs(starts[i] - ms), i))
    op = O.MoveSegment(target=refs[0], to_index=to if to < len(others) else -1)
    try:  # the reply says where it really starts (the shots around it keep the video's length)
        from reelforge.planner.apply import ApplyError, apply

        moved = next(s for s in apply(c.tl, [op], library=c.library).track(Role.MAIN).segments if s.id == seg.id)
    except (ApplyError, StopIteration):
        return [op]
    at = moved.start / 1000
    c.notes.append(f"它现在从{at:g}秒开始（镜头一个接一个，放在最接近的位置）。" if c.zh else
                   f"It now starts at {at:g}s (shots play one after another: the nearest place in the order).")
    return [op]


_TV = rf"(?:the\s+)?(?P<tv>{TW.TV})(?:\s+mark)?"  # a time, as the time readers write it ("15s", "0:15", "fifteen seconds")
_ZTV = rf"(?P<tv>{TW.ZTV})"
_REST = r"(?:everything|anything|all|whatever(?:\s+comes)?|the\s+rest|stuff|what(?:'s|\s+is|\s+comes))"
_CUT_VERB = r"\b(?:remove|cut|delete|drop|trim|chop|lose|get\s+rid\s+of|kill|ditch|scrap|axe)"
_THE_VIDEO = r"(?:it|the\s+(?:video|reel|ad|whole\s+thing))"
_ZH_GONE = r"\s*的?\s*(?:内容|部分|画面|镜头)?\s*(?:都|全部|全)?\s*(?:删掉|删除|删了|去掉|剪掉|不要了?)"
# where the video is to end: each pattern has the time as its group "tv"
_RX_END_AT = tuple(re.compile(p) for p in (
    rf"{_CUT_VERB}\s+(?:off\s+)?{_REST}\s+(?:after|past|beyond|from)\s+{_TV}",
    rf"\bcut\s+{_THE_VIDEO}\s+off\s+(?:at|after)\s+{_TV}",
    rf"\b(?:end|stop|finish|cut)s?\s+{_THE_VIDEO}\s+(?:at|after)\s+{_TV}",
    rf"\b(?:it|the\s+(?:video|reel|ad))\s+(?:should|must|needs?\s+to|has\s+to)\s+(?:end|stop|finish)\s+(?:at|after)\s+{_TV}",
    rf"\b(?:make|have)\s+it\s+(?:end|stop|finish)\s+(?:at|after)\s+{_TV}",
    rf"\b(?:to|so\s+(?:it|the\s+video)|it|the\s+video)\s+ends?\s+(?:at|after)\s+{_TV}",  # "trim it to end at 15s"
    rf"^(?:please\s+)?(?:just\s+)?(?:end|stop|finish)\s+(?:it\s+|there\s+)?(?:at|after)\s+{_TV}",  # "stop at 15 seconds"
    rf"{_CUT_VERB}\s+(?:it\s+|the\s+video\s+)?(?:after|past|beyond)\s+{_TV}",  # "delete after 15 seconds"
    rf"\b{_REST}\s+(?:after|past|beyond)\s+{_TV}\s+(?:can|should|must|has\s+to|needs\s+to)\s+go\b",
    rf"(?:只要|只保留|保留|留下)\s*前\s*{_ZTV}",
    rf"{_ZTV}\s*(?:以后|之后|后面|后){_ZH_GONE}",
    rf"(?:视频)?(?:在|到)\s*{_ZTV}\s*(?:处|的地方)?\s*(?:就)?(?:结束|停止|截止)",
))
# where it is to start
_RX_START_AT = tuple(re.compile(p) for p in (
    rf"{_CUT_VERB}\s+{_REST}\s+(?:before|up\s+to|until)\s+{_TV}",
    rf"\b(?:start|begin)s?\s+the\s+(?:video|reel|ad|whole\s+thing)\s+(?:at|from)\s+{_TV}",
    rf"{_ZTV}\s*(?:以前|之前|前面){_ZH_GONE}",
    rf"\b{_REST}\s+(?:before|up\s+to|until)\s+{_TV}\s+(?:can|should|must|has\s+to|needs\s+to)\s+go\b",
))
# "remove the first half", "keep only the second half", "cut the video in half", "剪掉前一半"
_RX_HALF = re.compile(
    rf"{_CUT_VERB}\s+(?:the\s+)?(?P<cut>first|second|last|back|front)\s+half\b|"
    r"\bkeep\s+(?:only\s+)?(?:just\s+)?(?:the\s+)?(?P<keep>first|second|last|back|front)\s+half\b|"
    r"\b(?:cut|chop|trim)\s+(?:it|the\s+(?:video|reel|ad|whole\s+thing))\s+in\s+half\b|"
    r"(?P<zcut>前|后)\s*一半\s*(?:都|全)?\s*(?:删掉|删除|删了|去掉|剪掉|不要了?)|"
    r"(?:剪掉|删掉|去掉|删除|不要)\s*(?:视频的?)?(?P<zcut2>前|后)\s*一半|"
    r"(?:只要|只保留|保留)\s*(?P<zkeep>前|后)\s*一半|(?:砍|剪|缩短)(?:掉)?一半")


_RX_TRIM_EDGE = re.compile(r"^(?:please\s+)?(?:trim|cut|shorten|tighten)\s+(?:down\s+)?(?:the\s+)?(?P<w>end|ending|start|"
                           r"beginning|intro|outro)(?:\s+(?:of\s+)?(?:the\s+)?(?:video|reel|it))?(?:\s+(?:a\s+bit|a\s+little))?\s*$")


# "cut the boring part of the clip at the start where im just standing there": how much is not said
_RX_TRIM_CLIP_EDGE = re.compile(r"^(?:please\s+)?(?:can\s+(?:you|u)\s+)?(?:trim|cut|shorten|skip|remove|lose)\s+(?:out\s+|off\s+)?"
                                r"(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:part|bit|section)?\b.{0,24}?\b(?:clip|video\s+clip)\b.{0,12}?"
                                r"\b(?P<w>end|ending|start|beginning)\b(?!.*\d)")


# "cut the end of the whatsapp clip, someone swears at the very end": that clip's edge (it removed the clip)
_RX_CLIP_EDGE_OF = re.compile(r"^(?:please\s+)?(?:can\s+(?:you|u)\s+)?(?:trim|cut|chop|lose|drop)\s+(?:off\s+)?the\s+"
                              r"(?:very\s+)?(?P<w>end|ending|start|beginning)\s+(?:of|off|from)\s+(?P<ref>.+)$")
EDGE_TRIM_MS = 2000  # what "cut the end of the clip" takes off when it says no amount


def _h_trim_edge(c: _Ctx) -> list[O.Op] | None:
    """"trim the end", "cut the beginning a bit": how much is not said: asked, with the ways to say it
    (it was not understood). "cut the end of the whatsapp clip": two seconds of that clip's end
    (its start: it starts two seconds later), said in the reply."""
    if (of := _RX_CLIP_EDGE_OF.match(c.t.strip(" .!"))) and (refs := _find_targets(c, of.group("ref"), of.start("ref"))):
        seg = _main_seg(c, refs[0].target) if len(refs) == 1 and len(refs[0].all) == 1 else None
        if seg is not None and isinstance(seg, VideoSegment) and c.tl.asset(seg.src).kind is AssetKind.VIDEO:
            if seg.duration < 2 * EDGE_TRIM_MS:
                raise _Cannot(f"{seg.name} plays {seg.duration / 1000:g} s: say how much to cut, e.g. 'cut the last second of it'")
            if of.group("w") in ("end", "ending"):
                return [O.TrimSegment(target=refs[0].target, tail_ms=EDGE_TRIM_MS)]
            return [O.TrimSegment(target=refs[0].target, head_ms=EDGE_TRIM_MS)]
    m = _RX_TRIM_EDGE.match(c.t.strip(" .!"))
    if m is None:
        if (edge := _RX_TRIM_CLIP_EDGE.match(c.t.strip(" .!"))) and len(clips := c.count("video")) == 1:
            end = edge.group("w") in ("end", "ending")
            raise _Ambiguous(f"How much of the {'end' if end else 'start'} of {clips[0].name}? E.g. 'cut the "
                             f"{'last' if end else 'first'} 3 seconds of the clip' (it is {clips[0].duration / 1000:g} s "
                             "long on the timeline).")
        return None
    end = m.group("w") in ("end", "ending", "outro")
    total = c.tl.duration / 1000
    if end:
        raise _Ambiguous(f"How much of the end? E.g. 'cut the last 2 seconds' or 'end the video at {max(1, total - 2):g} "
                         f"seconds' (it is {total:g} s long).")
    raise _Ambiguous("How much of the start? E.g. 'cut the first 2 seconds' or 'remove everything before 3 seconds' "
                     f"(it is {total:g} s long).")


# "can you cut it before that bit, about 0:25" (a kid's face near the end of the clip): the clip's own time
_RX_CUT_CLIP_BEFORE = re.compile(r"\bcut\s+(?:it|that|the\s+clip)\s+(?:off\s+)?(?:before|ahead\s+of|just\s+before)\s+"
                                 r"(?:(?:that|this|the)\s+(?:bit|part|moment|point)|there|that|this|it)?\s*,?\s*"
                                 r"(?:at\s+|about\s+|around\s+|like\s+|roughly\s+|~\s*)?(?P<tv>\d{1,2}:\d\d)\b")


def _h_cut_clip_before(c: _Ctx) -> list[O.Op] | None:
    """"cut it before that bit, about 0:25" said of the one clip: it ends before that time of its source (it set the
    video's length to 25 s); said so when the shot never reaches it."""
    m = _RX_CUT_CLIP_BEFORE.search(c.t)
    if m is None:
        return None
    clips = [s for s in c.main_segs() if c.asset_kind(s) == "video"]
    ms = TW.parse_time_value_ms(m.group("tv"))
    if len(clips) != 1 or ms is None:
        return None
    seg = clips[0]
    shown_to = seg.in_ms + round(seg.duration * seg.speed)
    if shown_to <= ms:
        raise _Cannot(f"{seg.name} shows {seg.in_ms / 1000:g}-{shown_to / 1000:g} s of its footage: what is at "
                      f"{ms / 1000:g} s is not in the video")
    if ms <= seg.in_ms + 1000:
        raise _Cannot(f"{seg.name} starts at {seg.in_ms / 1000:g} s of its footage: cutting it before {ms / 1000:g} s "
                      "leaves nothing; say 'remove the clip' to take it out")
    return [O.TrimSegment(target=O.Target(index=0, kind="video"), tail_ms=round((shown_to - ms) / seg.speed))]


def _h_cut_at(c: _Ctx) -> list[O.Op] | None:
    """"remove everything after 15 seconds", "cut it off at 0:15", "end the video at 15s",
    "15秒以后的都删掉", "remove everything before 5 seconds": the video ends (starts) there, across
    shots ("cut it off at 15 seconds" took 15 s off a 20 s video; the rest were not understood)."""
    t = c.t
    if not c.main_segs() or _has(_MUSIC + "|" + _VOICE + "|" + _TEXT_WORD + r"|\blogo\b", t):
        return None  # "end the music at 15 seconds", "remove the captions after 10 seconds": theirs
    if half := _RX_HALF.search(t):
        total = c.tl.duration
        word = half.group("cut") or half.group("keep") or half.group("zcut") or half.group("zcut2") or half.group("zkeep")
        if word is None:  # "cut the video in half": half as long
            return [O.SetTotalDuration(duration_ms=max(1000, total // 2))]
        first = word in ("first", "front", "前")
        keep = bool(half.group("keep") or half.group("zkeep"))
        return [O.TrimVideo(tail_ms=total - total // 2) if first == keep else O.TrimVideo(head_ms=total // 2)]
    end = next((m for rx in _RX_END_AT if (m := rx.search(t))), None)
    m = end or next((m for rx in _RX_START_AT if (m := rx.search(t))), None)
    if m is None:
        return None
    ms = TW.parse_time_value_ms(m.group("tv"))
    total = c.tl.duration
    if ms is None or ms <= 0:
        return None
    if ms >= total:
        raise _Cannot(f"the video is {total / 1000:g}s long: there is nothing after {ms / 1000:g}s" if end else
                      f"the video is {total / 1000:g}s long: {ms / 1000:g}s is past its end")
    return [O.TrimVideo(tail_ms=total - ms)] if end else [O.TrimVideo(head_ms=ms)]


def _h_trim(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:trim|cut|shave|chop|remove|drop|take|skip|delete|lose|kill|ditch|lop|scrap|axe)\b|\bget\s+rid\s+of\b|"
                r"剪掉|裁掉|剪去|去掉|删掉|裁剪|剪", t):
        return None
    durs = TW.find_durations(t)
    ms = durs[0].ms if durs else (1000 if _has(r"\b(?:first|last)\s+second\b|\ba\s+second\b", t) else None)
    if ms is None:
        return None
    head = _has(r"\b(?:off|from)\s+(?:the\s+)?(?:start|beginning|front|head)\b|\bfirst\s+(?:\S+\s+)?(?:seconds?|secs?|s)\b|\bfirst\s+second\b|开头|前\s*[\d一二两三四五六七八九十]+\s*秒|片头", t)
    tail = _has(r"\b(?:off|from)\s+(?:the\s+)?(?:end|back|tail)\b|\blast\s+(?:\S+\s+)?(?:seconds?|secs?|s)\b|\blast\s+second\b|结尾|末尾|(?:后|最后)\s*[\d一二两三四五六七八九十]+\s*秒", t)
    if not head and not tail:
        return None
    # the target is a segment named elsewhere in the clause
    stripped = re.sub(r"\b(?:first|last)\s+(?:\S+\s+)?(?:seconds?|secs?|s)\b|\b(?:first|last)\s+second\b", " ", t)
    refs = _find_targets(c, stripped)
    if refs:
        target = refs[0].target
    elif _has(_MUSIC + "|" + _VOICE + "|" + _TEXT_WORD, stripped):
        return None  # "cut the music for the first 10 seconds" is about the music, never the clip
    else:
        kind = _generic(c, stripped)
        vids = c.count("video")
        whole = (kind is None or re.search(r"\b(?:of|from|off)\s+(?:it|the\s+(?:whole\s+|entire\s+)?(?:video|thing|ad|reel))\b"
                                           r"(?!\s*clips?)|视频(?:的)?(?:开头|结尾)", stripped)) \
            and not re.search(r"\b(?:clips?|footage)\b|video\s+clips?|片段", stripped)
        if whole and head != tail and c.main_segs():
            # "remove the first 2 seconds", "cut the last 3 seconds of the video": the video's own start or end,
            # whatever shot is there (it trimmed the one video clip, the third shot); across shots when
            # that one is shorter ("cut the last 6 seconds" under a 4.4 s last shot was refused)
            edge = c.main_segs()[0 if head else -1]
            if ms > edge.duration - O.MIN_KEPT_SHOT_MS and len(c.main_segs()) > 1:
                return [O.TrimVideo(head_ms=ms) if head else O.TrimVideo(tail_ms=ms)]
            target = O.Target(index=0 if head else -1)
        elif kind in (None, "", "video") and len(vids) == 1:
            target = O.Target(index=0, kind="video")
        else:
            target = _only(c, kind or None)
    return [O.TrimSegment(target=target, head_ms=ms if head else 0, tail_ms=ms if tail else 0)]


_RX_SLOW_START = re.compile(r"\b(?:start|beginning|opening|intro|first\s+(?:shot|photo|image|scene))\s+(?:is|feels|seems|drags)\s+"
                            r"(?:on\s+)?(?:too\s+|a\s+bit\s+|way\s+too\s+|so\s+|really\s+)?(?:slow|long|boring)\b|"
                            r"\bstarts\s+(?:too\s+)?slow(?:ly)?\b|开头(?:太|有点)?(?:慢|长|拖)|"
                            # "it drags at the start", "slow start": the same (it was not understood)
                            r"\b(?:it\s+)?drags?\s+(?:a\s+bit\s+|a\s+little\s+)?(?:at|in)\s+the\s+(?:start|beginning)\b|"
                            r"\b(?:the\s+)?(?:start|beginning|intro)\s+drags\b|\bslow\s+start\b")


_RX_HOLD_END = re.compile(r"^(?:please\s+)?(?:hold|freeze|stay\s+on)\s+(?:on\s+)?(?:the\s+)?(?:last|final|end(?:ing)?)\s+"
                          r"(?:frame|shot|image|photo|picture)(?:\s+(?:for\s+)?(?P<n>.+?))?\s*(?:longer|a\s+(?:bit|little)(?:\s+longer)?)?\s*[.!]?$|"
                          r"^(?:最后|结尾)(?:一帧|的画面|一个镜头)?(?:停|定格|停留)(?P<zn>.*?)(?:一会儿?|久一点)?[。！]?$")


def _h_hold_end(c: _Ctx) -> list[O.Op] | None:
    """"hold the last frame", "hold the last shot for 2 seconds", "最后一帧停一会": the last shot longer
    (a still); a clip cannot hold its last frame yet, said plainly (it was "not understood", or "a pause
    is not something I can add")."""
    m = _RX_HOLD_END.match(c.t)
    if m is None or not c.main_segs():
        return None
    last = c.main_segs()[-1]
    if c.asset_kind(last) == "video":
        raise _Cannot("视频片段还不能停在最后一帧；可以在结尾放一张图片，或把前面的镜头加长" if c.zh else
                      "a clip cannot hold its last frame yet: end on a photo, or make the shots before it longer")
    durs = TW.find_durations(m.group("n") or m.group("zn") or "")
    more = durs[0].ms if durs else 1000
    return [O.SetSegmentDuration(target=O.Target(index=-1), duration_ms=last.duration + more)]


def _h_segment_duration(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _RX_SLOW_START.search(t) and c.main_segs():
        # "the start is too slow", "开头太拖": the first shot a quarter shorter, to the point sooner
        first = c.main_segs()[0]
        return [O.SetSegmentDuration(target=O.Target(index=0), duration_ms=max(1000, round(first.duration * 0.75 / 100) * 100))]
    durs = TW.find_durations(t)
    if durs and _has(r"\b\d{1,2}:\d{2}\b.{0,12}\bnot\s+\d|\bnot\s+\d{1,2}(?::\d{2})?\b.{0,12}\b\d{1,2}:\d{2}\b", t):
        return None  # "kids class is 10:30 now not 10": a time of day corrected, not a shot's length (630 s)
    each = _has(r"\b(?:each|every|all(?:\s+the)?|per|a)\s+(?:of\s+the\s+)?(?:images?|photos?|pictures?|pics?|stills?|shots?|clips?|slides?)\b|"
                r"\b(?:the\s+|all\s+)?(?:images|photos|pictures|pics|stills|slides)\b(?!\s*\d+\s*(?:(?:,|and|&|to|through|thru|-|–)\s*\d|$)).{0,30}\beach\b|每张|每个|每段|每一张|所有图片|(?<![前后两二三四五六七八九十\d张])(?:图片|照片|图)(?:都|全都|全部)", t)
    group = [x for r in _find_targets(c) for x in r.all]
    if each and durs and len(group) > 1:  # "make the photos after the clip 3 seconds each"
        return [O.SetSegmentDuration(target=x, duration_ms=durs[0].ms) for x in group]
    if (each or _has(r"^(?:make\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?:photos|pictures|images|pics|stills|slides)\b|图片节奏|照片节奏", t)) \
            and not durs and not _find_targets(c):
        return _paced(c, t)
    if each and durs:
        kind = "image" if _has(r"images?|photos?|pictures?|pics?|stills?|slides?|张|图", t) else None
        shots = c.count(kind)
        if not shots:
            raise _Cannot("there are no images on the timeline")
        ms = durs[0].ms
        cut = sum(max(0, s.duration - ms) for s in shots)
        if _has(r"\bmax\b|\bmaximum\b|\btops\b|\bat\s+most\b|\bno\s+(?:more|longer)\s+than\b|最多|不超过", t) \
                and c.tl.duration - cut < c.tl.duration / 2:
            # "every shot 1 sec max its tiktok": six shots of 1 s made the 15 s video 3.5 s long, its texts unreadable
            now, then = c.tl.duration / 1000, (c.tl.duration - cut) / 1000
            raise _Ambiguous(f"{len(shots)}个镜头每个{ms / 1000:g}秒，视频只剩{then:.1f}秒（现在{now:g}秒）。要这样就说“每个镜头{ms / 1000:g}秒”；"
                             "要保持时长，可以多加几张图片，或说“节奏快一点”" if c.zh else
                             f"{len(shots)} shots of at most {ms / 1000:g} s make the video {then:.1f} s long (it is {now:g} s). "
                             f"Say 'make every shot {ms / 1000:g} second{'s' if ms != 1000 else ''}' for that; to keep the length, add more pictures "
                             "or say 'faster pace'.")
        return [O.SetSegmentDuration(target=O.Target(index=i, kind=kind), duration_ms=ms) for i in range(len(shots))]
    refs = _find_targets(c, re.sub(r"\b(?:first|last)\s+(?:\d+|\w+)\s+(?:seconds?|secs?|s)\b", " ", t))
    # "the clip at 0:12 should be 5 seconds": a time that addresses a shot is not its length
    durs = [d for d in durs if not any(r.target.at_ms is not None and r.start <= d.start < r.end for r in refs)]
    refs = [r for r in refs if r.target.at_ms is None] or refs
    if not refs:
        if _has(r"\b(?:the|this|my|our)\s+(?:whole\s+|entire\s+|final\s+)?(?:video|movie|ad|reel)\b(?!\s*clips?)", t):
            return None  # "cut the video down to 20 seconds": the whole thing
        kind = _generic(c)
        if kind is None or not (durs or _has(r"\b(?:longer|shorter)\b|延长|缩短|长一点|短一点|久一点", t)):
            return None
        refs = [_TRef(_only(c, kind or None), 0, 0)]
    target = refs[0].target
    cur = _main_seg(c, target)
    if durs:
        ms = durs[0].ms
        # "set it to 3 s" is a length; "add 2 seconds to the first photo" / "第一张图片加2秒" an amount
        absolute = _has(rf"\bto\s+(?:be\s+|about\s+|around\s+|roughly\s+)?(?:\d|{_NUM_WORD}|last\b)|到|成|为|"
                        # "longer, like 10s", "needs to be longer … maybe 8 sec": where to go, not by how much
                        rf"\b(?:like|maybe|say|about|around|roughly|~)\s*(?:\d|{_NUM_WORD})", t) \
            and not _has(rf"\b(?:by|another|extra|more)\s+(?:like\s+|about\s+|around\s+)?(?:\d|{_NUM_WORD})", t)
        if _has(r"\b(?:longer|more|extend|add)\b|延长|加长|多|(?<![增添])加(?![上个一入])", t) and cur is not None and not absolute:
            return [O.SetSegmentDuration(target=target, duration_ms=cur.duration + ms)]
        if absolute and cur is not None and ms < cur.duration and _has(r"\blonger\b|延长|加长|长一点", t):
            raise _Cannot(f"「{cur.name}」已经有{cur.duration / 1000:g}秒了，比{ms / 1000:g}秒长；要多长请直接说，例如“改成{cur.duration // 1000 + 3}秒”"
                          if c.zh else f"{cur.name} runs {cur.duration / 1000:g} s already, longer than {ms / 1000:g} s; say how "
                          f"long, e.g. 'make it {cur.duration // 1000 + 3} seconds'")
        if absolute and cur is not None and ms > cur.duration and _has(r"\b(?:shorter|shorten|cut|trim|too\s+long)\b|缩短|剪到|剪成|太长", t):
            # "化妆那个视频太长了 剪到15秒左右" for a clip shown 5.9 s: cut to a length it is already under (it was
            # made 15 s long)
            raise _Cannot(f"「{cur.name}」在视频里只有{cur.duration / 1000:g}秒，已经比{ms / 1000:g}秒短了；要更短请说例如“改成"
                          f"{max(1, cur.duration // 2000)}秒”" if c.zh else
                          f"{cur.name} shows for {cur.duration / 1000:g} s, already under {ms / 1000:g} s; say e.g. 'make it "
                          f"{max(1, cur.duration // 2000)} seconds' to cut it further")
        if (_has(r"\b(?:shorter|less|shorten|reduce)\b|缩短|减少|少", t) or _has(r"\b(?:shave|take|cut|trim|knock|chop|lop)\b[^.]*\boff\b", t)) \
                and cur is not None and not absolute:  # "take 2 seconds off the first photo"
            return [O.SetSegmentDuration(target=target, duration_ms=max(100, cur.duration - ms))]
        targets = [x for r in refs for x in r.all]
        if len(targets) > 1 and len(durs) == 1:  # "make photo 1 and photo 2 four seconds each"
            return [O.SetSegmentDuration(target=x, duration_ms=ms) for x in targets]
        return [O.SetSegmentDuration(target=target, duration_ms=ms)]
    every = [(x, seg) for r in refs[:1] for x in r.all if (seg := _main_seg(c, x)) is not None]  # ("the after pics": each)
    if cur is not None and _has(_LONGEST, t) and len(every) == 1:
        # "the after pic should stay up longest", "make the after pic the longest" (not understood): a second
        # longer than the longest other shot
        others = [s.duration for s in c.main_segs() if s is not cur]
        if not others or cur.duration > max(others):
            raise _Cannot(f"「{cur.name}」已经是最长的镜头了（{cur.duration / 1000:g}秒）" if c.zh else
                          f"{cur.name} is the longest shot already ({cur.duration / 1000:g} s)")
        return [O.SetSegmentDuration(target=target, duration_ms=max(others) + 1000)]
    if cur is not None and _has(_LONGER, t):
        return [O.SetSegmentDuration(target=x, duration_ms=seg.duration + 1000) for x, seg in every]
    if cur is not None and _has(_SHORTER, t):
        return [O.SetSegmentDuration(target=x, duration_ms=max(500, seg.duration - 1000)) for x, seg in every]
    return None


_LONGEST = r"\b(?:the\s+)?longest\b|最长|最久"
_LONGER = (r"\blonger\b|\bmore\s+time\b|^(?:please\s+)?(?:lengthen|extend)\b|\b(?:stay|linger|hold)\s+(?:on\s+)?(?:it\s+)?(?:a\s+(?:bit|little)\s+)?longer\b|"
           r"延长|长一点|久一点|多停(?:一会儿?|一下|会儿?)?|停久一点|停留久一点|多留一会儿?")
_SHORTER = r"\bshorter\b|\bless\s+time\b|^(?:please\s+)?shorten\b|缩短|短一点"
_NUM_WORD = r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty)\b"


def _paced(c: _Ctx, t: str) -> list[O.Op] | None:
    """"each picture should be shorter", "make the photos go faster", "图片节奏快一点": every
    still a quarter shorter (or a third longer), never under a second."""
    too_fast = _has(r"\btoo\s+(?:fast|quick(?:ly)?|rushed|hectic)\b|太快", t)  # "the slideshow is too fast": slower
    too_slow = _has(r"\btoo\s+(?:slow(?:ly)?|sluggish|draggy)\b|太慢|^(?:(?:it|this|the\s+\w+(?:\s+thing)?)\s+|(?:it'?s|its)\s+)?"
                    r"(?:feels?|seems?|is|'s|looks?)?\s*(?:a\s+(?:bit|little)\s+|kinda\s+|kind\s+of\s+|so\s+|really\s+|pretty\s+)?"
                    r"(?:slow|sluggish|draggy)\s*[.!]*$|\bdrags\b|^(?:感觉|整体|视频)?(?:有点|有些)?(?:慢|拖沓|拖)了?$", t)
    quicker = not too_fast and (too_slow or _has(_SHORTER + r"|\b(?:faster|quicker|snappier)\b|\bspeed\s+(?:\w+\s+){0,2}up\b|"
                                                 r"快一点|快点|更快|加快|加速", t))
    if not (quicker or too_fast or _has(_LONGER + r"|\bslower\b|\bslow\s+(?:\w+\s+){0,2}down\b|慢一点|慢点|更慢|放慢|减速", t)):
        return None
    stills = c.count("image")
    if not stills:
        raise _Cannot("there are no pictures on the timeline")
    return [O.SetSegmentDuration(target=O.Target(index=i, kind="image"),
                                 duration_ms=max(1000, round(s.duration * (0.75 if quicker else 4 / 3) / 100) * 100))
            for i, s in enumerate(stills)]


# "add 5 more seconds", "5 extra seconds please"
_MORE_AMOUNT = re.compile(rf"(\d+(?:\.\d+)?|{_NUM_WORD})\s*(?:more|extra|additional)\s+(s|secs?|seconds?|mins?|minutes?)\b")
# a clause that is only an amount to add or take off: "add 5 seconds (to the video)", "remove 5 seconds",
# "再长5秒", "再加5秒", "短3秒" (each set the video TO that length)
_AMOUNT_VERB = re.compile(rf"\s*(?:please\s+)?(?:(?:add|remove|drop|lose|take)\s+(?:another\s+|an?\s+extra\s+)?"
                          rf"(?:\d+(?:\.\d+)?|{_NUM_WORD})\s*(?:more\s+|extra\s+)?(?:s|secs?|seconds?|mins?|minutes?)\b"
                          rf"(?:\s+(?:to|from|off|at)\s+(?:it|the\s+(?:video|end|start|beginning|ad|reel|whole\s+thing|length)))?\s*(?:please)?\s*[.!]?\s*$|"
                          r"(?:视频|整个视频)?(?:再|多)?(?:长|短|加|减)\s*(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*秒钟?\s*[。！]?\s*$)")
# the whole video, by the names people give it ("make the ad shorter", "the reel is too long")
_WHOLE_NOUN = r"(?:video|ad|advert|reel|promo|spot|teaser|trailer|montage|slideshow|vid|edit|story)"
_WHOLE = {"video", "whole", "entire", "final", "ad", "advert", "reel", "movie", "film", "thing", "edit", "cut", "promo",
          "spot", "story", "total", "length", "clip", "teaser", "trailer", "slideshow", "montage", "vid", "project"}


_RX_TIMES_AS_LONG = re.compile(
    r"\b(?:twice|double|2x|two\s+times|three\s+times|triple|3x|half)\s+(?:as\s+long|the\s+(?:length|duration))\b|"
    r"\b(?:double|halve)\s+(?:the\s+)?(?:length|duration)\b|"
    r"(?:视频)?(?:长度|时长)(?:翻倍|加倍|减半)|(?:缩短|减少)一半(?:的)?(?:时长|长度)?")
_HALF, _THREE = re.compile(r"half|halve|减半|一半"), re.compile(r"three|triple|3x")  # else twice


# what says a number is not the video's length: a question whether something is long enough ("is the banjo thing
# long enough? it's only a minute" set 60 s), a clock corrected or said of an event ("evening show is 5:30 not 6"
# set 330 s), a length said of a shot named ("drone bit is too short make it 6 secs", "航拍那段太长了 留5秒就行")
_NOT_THE_VIDEOS_LENGTH = re.compile(
    r"\blong\s+enough\b|够长|够不够|"
    r"\d{1,2}:\d\d\s*(?:am|pm)?\s*,?\s*(?:not|instead\s+of)\s+\d|"
    # "change 7:30 to 7pm": a clock time changed, not a length of 7 min 30 s (it set the video to 450 s)
    r"\bchange\s+\d{1,2}:\d\d\s+to\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\bchange\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\s+to\b|"
    r"\b(?:show|shows|class|event|party|doors|service|session|game|match|set|performance|screening|ceremony|kickoff|opening)\s+"
    r"(?:is|starts?|begins?|opens?|now)\s+(?:at\s+)?\d{1,2}(?::\d\d)?\b|"
    r"^(?:the\s+|that\s+|this\s+)?(?!(?:whole|entire|full|video|ad|reel|thing|it|overall)\b)[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s+"
    r"(?:bit|part|shot|clip|pic|photo|picture|section|segment|scene|footage)\s+(?:is|was|'s|looks|feels|needs|should)\b|"
    r"^[\u4e00-\u9fff]{1,8}(?:那段|那个|那张|这段|这个|这张)|"
    # "hip hop one only needs like 10 seconds", "烤串视频太长了 只要前面10秒": one clip, named by what it shows
    r"^(?:the\s+)?(?!(?:whole|entire|full|video|ad|reel|thing|it|overall|last|first|new|next|other)\b)[a-z][\w'-]*"
    r"(?:\s+[a-z][\w'-]*)?\s+one\s+(?:only\s+|just\s+)?(?:needs|should|is|was|could|can|has)\b|"
    r"^(?!这|整|我|你|现在|那个)[\u4e00-\u9fff]{1,8}(?:的)?(?:视频|片段)(?:太长|有点长|只要|只留|只用|剪)|"
    # "the music is too long, cut it to 3 sec": "it" is the music (the video was set to 3 s)
    r"^(?:the\s+)?(?:music|song|bgm|track|jingle|voice(?:over)?|vo|narration|title|caption|text|cta)\s+(?:is|'s|was|feels|seems|runs)\b", re.I)


# "shorten it to 20s for reels but keep the whatsapp part whole": the video's length, that shot's kept
_RX_KEEPING = re.compile(r"^(?P<head>.+?)\s*,?\s*(?:but|and|while|just)\s+keep(?:ing)?\s+(?P<ref>.+?)\s+(?:whole|as\s+(?:it\s+)?is|"
                         r"intact|full(?:\s+length)?|the\s+same(?:\s+length)?|untouched|the\s+way\s+it\s+is|uncut|complete)\s*[.!]*$")


def _h_total_keeping(c: _Ctx) -> list[O.Op] | None:
    """"make it 20s but keep the whatsapp part whole": the video that long, the shots named as they are
    (it made the clip 20 s, longer than its footage)."""
    m = _RX_KEEPING.match(c.t)
    if m is None or not TW.find_durations(m.group("head")) or _find_targets(c, m.group("head")):
        return None
    kept = [x for r in _find_targets(c, m.group("ref"), m.start("ref")) for x in r.all]
    if not kept:
        return None
    return [O.SetTotalDuration(duration_ms=TW.find_durations(m.group("head"))[0].ms, keep=kept)]


# a length in hours: "make it 2 hours", "an hour long", "改成两个小时"
_RX_HOURS_LONG = re.compile(r"^\s*(?:please\s+)?(?:make|set|change|turn)\s+(?:it|the\s+(?:video|length|whole\s+thing))\s+(?:to\s+)?"
                            r"(?:be\s+)?(?:about\s+)?(?P<n>\d+(?:\.\d+)?|an?|one|two|three)\s*-?\s*(?:hours?|hrs?)\b(?:\s+long\b)?\s*[.!]*$|"
                            r"^\s*(?:make\s+it\s+)?(?P<ln>\d+(?:\.\d+)?|an?|one|two|three)\s*-?\s*(?:hours?|hrs?)\s+long\b|"
                            r"(?:改成|变成|做成|改为|剪成)(?P<zn>\d+(?:\.\d+)?|一|两|二|三|半)个?(?:小时|钟头)")


def _h_total_duration(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _NOT_THE_VIDEOS_LENGTH.search(t):
        return None
    if _has(_TEXT_WORD + "|" + _MUSIC + "|" + _VOICE, t) and not _has(r"\b(?:video|whole\s+thing|everything|reel|ad|it)\b", t):
        return None  # "cut the title to 2 seconds", "the music should be 20 seconds": not the VIDEO's length
    m = re.match(r"\s*(?:please\s+)?make\s+the\s+((?:[a-z]+\s+){0,2}[a-z]+)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)", t)
    if m and not _WHOLE & set(m.group(1).split()):
        return None  # "make the scarf (photo) 3 seconds" with no scarf: not the whole video's length
    total = c.tl.duration
    if m := _RX_TIMES_AS_LONG.search(t):  # "make it twice as long", "half as long please", "视频长度减半"
        k = 0.5 if _HALF.search(m.group(0)) else 3.0 if _THREE.search(m.group(0)) else 2.0
        want = round(total * k / 100) * 100
        if want < 1000:
            raise _Cannot("那样视频不到1秒" if c.zh else "that would be less than a second")
        return [O.SetTotalDuration(duration_ms=want)]
    durs = TW.find_durations(t)
    if not durs and (hours := _RX_HOURS_LONG.search(t)):
        # "make it 2 hours", "3 hours long", "改成2小时": taken as asked, so the length cap says how long
        # it may be (hours are no duration phrase: "open 24 hours" is no length; it was not understood)
        n = hours.group("n") or hours.group("ln") or hours.group("zn")
        k = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "一": 1, "两": 2, "二": 2, "三": 3, "半": 0.5}.get(n)
        return [O.SetTotalDuration(duration_ms=round((k if k is not None else float(n)) * 3_600_000))]
    black = _has(r"\b(?:black|blank)\s+(?:screen|frames?|card|intro|outro)\b|黑屏|黑场", t) and \
        _has(r"\b(?:add|insert|put|start|starts|begin|begins|open|opens|end|ends|finish|finishes|with)\b|加|开头|结尾|开始", t)
    if (black or durs and _has(r"\b(?:pause|gap|break|breather|black\s+screen|blank\s+screen|silence|hold|of\s+black|"
                               r"black\s+frames?)\b|停顿|暂停|留白|黑屏|空白", t)) \
            and not _has(r"\b(?:length|duration)\b|时长", t):
        # "add a 1 second pause at the start" made the whole video 1 s long; "add a black screen at the start"
        if _has(r"\b(?:end|ends|finish|finishes|outro)\b|结尾|最后", t):
            raise _Cannot("a pause (a black or held frame) is not something I can add yet; say e.g. 'make the last "
                          "image 1 second longer' or 'fade to black at the end'")
        raise _Cannot("a pause (a black or held frame) is not something I can add yet; say e.g. 'make the first "
                      "image 1 second longer', 'start the music at 1 second' or 'fade in from black'")
    if durs and re.search(r"(?<![\w.])-\s*\d", t) and not _has(r"\d\s*-\s*\d", t):
        raise _Cannot("a length must be more than 0 seconds")  # "make it -5 seconds"
    # a change by an amount: "shorter by 10 seconds", "10 seconds shorter", "5 more seconds", "shave
    # 5 seconds off", "缩短5秒"; a length said beside "shorter" is where to go: "make it shorter,
    # like 15 seconds" (it took 15 s off a 20 s video)
    if not durs and (m := _MORE_AMOUNT.search(t)):  # "add 5 more seconds": no duration phrase to find
        durs = TW.find_durations(f"{m.group(1)} {m.group(2)}")
    amount = _AMOUNT_VERB.match(t) is not None  # "add 5 seconds", "remove 5 seconds", "再加5秒": by, not to
    if amount and not durs and (m := re.search(rf"\b({_NUM_WORD})\s*(?:more\s+|extra\s+)?(s|secs?|seconds?|mins?|minutes?)\b", t)):
        durs = TW.find_durations(f"{'one' if m.group(1) == 'a' else m.group(1)} {m.group(2)}")  # "add a second at the end"
    rel = amount or re.search(rf"\bby\s+(?:about\s+|around\s+|roughly\s+|another\s+)?(?:\d|{_NUM_WORD})|"
                    rf"(?:\d|{_NUM_WORD})\s*(?:more\s+|extra\s+)?(?:s|secs?|seconds?|mins?|minutes?)\s+"
                    r"(?:shorter|longer|less|more|extra|off)\b|\b(?:extra|another|more|less)\s+\d|"
                    rf"(?:\d|{_NUM_WORD})\s*(?:more|extra|additional|fewer)\s+(?:s|secs?|seconds?|mins?|minutes?)\b|"
                    r"\b(?:shave|take|cut|trim|knock|chop|lop)\b[^.]*\boff\b|"
                    r"(?:缩短|减少|延长|加长|增加|多|少|再短|再长|再加|多加)\s*(?:了)?\s*(?:\d|[一二两三四五六七八九十])", t) \
        and not _has(r"\bto\b(?!\s+(?:it|the\s+(?:video|end|ad|reel|whole\s+thing|length)))|到|成|为", t)
    if durs and rel and _has(r"\b(?:shave|take|cut|trim|knock|chop|lop)\b[^.]*\boff\b", t):
        return [O.SetTotalDuration(duration_ms=max(1000, total - durs[0].ms))]  # "shave 5 seconds off the video"
    if durs and rel and _has(r"\b(?:shorter|shorten|less|cut|trim|reduce|remove|drop|lose)\b|缩短|减少|少|短|减", t):
        return [O.SetTotalDuration(duration_ms=max(1000, total - durs[0].ms))]
    if durs and rel and _has(r"\b(?:longer|lengthen|extend|more|extra|add)\b|延长|加长|增加|多|长|加", t):
        return [O.SetTotalDuration(duration_ms=total + durs[0].ms)]
    ms = TW.parse_duration_ms(t)
    if ms is not None:
        return [O.SetTotalDuration(duration_ms=ms)]
    if durs and _has(r"\b(?:length|long|duration|make\s+it|shorter|longer|shorten|cut\s+(?:it\s+)?down|trim\s+(?:it\s+)?(?:down\s+)?to)\b|时长|长度|总长|改成|变成|缩短到|剪到", t):
        return [O.SetTotalDuration(duration_ms=durs[0].ms)]
    bare = re.search(r"\b(?:cut|trim|bring|get|shorten|chop)\s+(?:it|the\s+(?:video|whole\s+thing|thing|ad|reel))?\s*down\s+to\s+(\d{1,3})\s*$", t)
    if bare and 1 <= int(bare.group(1)) <= 600:  # "cut it down to 15": seconds, the unit people leave out
        return [O.SetTotalDuration(duration_ms=int(bare.group(1)) * 1000)]
    if _has(rf"\b(?:make\s+(?:it|the\s+whole\s+thing|everything)|(?:the\s+)?{_WHOLE_NOUN})\s+(?:a\s+(?:bit|little)\s+)?shorter\b|"
            rf"\bshorten\s+(?:it|the\s+{_WHOLE_NOUN})\b|^(?:it'?s|it\s+is|(?:the\s+)?{_WHOLE_NOUN}\s+is|(?:it'?s\s+)?way|a\s+bit)?\s*too\s+long\b|"
            r"短一点|缩短一些|缩短视频|视频短一点|^(?:这个)?(?:视频|整体|时间|总时长)?太长了?$|"
            r"^(?:(?:a\s+)?(?:bit|little|lot|touch)\s+|much\s+)?shorter(?:\s+please)?$", t):  # "shorter", "a bit shorter"
        return [O.SetTotalDuration(duration_ms=max(1000, round(total * 0.8 / 1000) * 1000))]
    if _has(rf"\b(?:make\s+(?:it|the\s+whole\s+thing|everything)|(?:the\s+)?{_WHOLE_NOUN})\s+(?:a\s+(?:bit|little)\s+)?longer\b|"
            rf"\blengthen\s+(?:it|the\s+{_WHOLE_NOUN})\b|^(?:it'?s|it\s+is|(?:the\s+)?{_WHOLE_NOUN}\s+is|(?:it'?s\s+)?way|a\s+bit)?\s*too\s+short\b|"
            r"长一点|延长一些|延长视频|视频长一点|^(?:这个)?(?:视频|整体|时间|总时长)?太短了?$|"
            r"^(?:(?:a\s+)?(?:bit|little|lot|touch)\s+|much\s+)?longer(?:\s+please)?$", t):
        return [O.SetTotalDuration(duration_ms=round(total * 1.25 / 1000) * 1000)]
    return None


_RX_DISLIKE = re.compile(r"^(?:i\s+)?(?:really\s+)?(?:don'?t|do\s+not|dont)\s+(?:really\s+)?(?:like|love|want)\s+(?P<x>.+?)\s*[.!]?$|"
                         r"^(?P<y>.+?)\s+(?:is|looks?)\s+(?:bad|ugly|boring|awful|terrible|off|wrong|weird|not\s+good)\s*[.!]?$|"
                         r"^(?:我)?不(?:太)?喜欢(?P<zx>.+?)[。！]?$|^(?P<zy>.+?)(?:不好看|很丑|太丑|不好|很无聊)了?[。！]?$")


def _h_dislike(c: _Ctx) -> list[O.Op] | None:
    """"I don't like the rocket picture", "the flower shot is boring", "不喜欢第二张图片": a question with
    the edits that answer it (tried last, once nothing else has read the clause)."""
    m = _RX_DISLIKE.match(c.t)
    if m is None:
        return None
    x = next(g for g in (m.group("x"), m.group("y"), m.group("zx"), m.group("zy")) if g)
    refs = [r.target for r in _find_targets(c, x) if r.target.role is Role.MAIN]
    if len(refs) == 1 and (seg := _main_seg(c, refs[0])) is not None:
        if c.zh:
            raise _Ambiguous(f"要删除「{seg.name}」、换成别的素材，还是缩短它？例如说“删除{seg.name}”、"
                             f"“把{seg.name}换成新图片.jpg”或“{seg.name}改成2秒”。")
        raise _Ambiguous(f"Remove {seg.name}, replace it, or make it shorter? Say e.g. 'remove {seg.name}', "
                         f"'replace {seg.name} with another.jpg' or 'make {seg.name} 2 seconds'.")
    from reelforge.planner.rules.text_refs import text_role

    if (role := text_role(x)) is not None and c.text_segs(role):
        # "i dont like the title": what to do with it, asked (it was not understood)
        word = {Role.TITLE: "标题", Role.CAPTION: "字幕", Role.CTA: "结尾文字"}.get(role, "文字") if c.zh else \
            {Role.CTA: "call to action", Role.CAPTION: "captions"}.get(role, role.value)
        if c.zh:
            raise _Ambiguous(f"要改{word}的文字、样式，还是去掉它？例如说“{word}改成……”、“{word}大一点”或“去掉{word}”。")
        raise _Ambiguous(f"New words, a new look, or none? Say e.g. 'change the {word} to …', 'make the {word} bigger' "
                         f"or 'remove the {word}'.")
    if _has(_MUSIC, x) and c.tl.track(Role.MUSIC) is not None:
        others = [a.name for a in c.library if a.kind is AssetKind.AUDIO and a.name
                  and a.id not in {s.src for tr in c.tl.tracks for s in tr.segments if hasattr(s, "src")}]
        use = f"use {others[0]} as the music" if others else "use another.mp3 as the music (upload it first)"
        raise _Ambiguous("换一首背景音乐（先上传），还是去掉音乐？例如说“去掉背景音乐”。" if c.zh else
                         f"Another music track, or none? Say e.g. '{use}' or 'remove the music'.")
    return None


_RX_EVEN = re.compile(r"\b(?:(?:the\s+)?same|equal|even)\s+(?:length|duration|time|amount\s+of\s+time)\b|\bevenly\b|\bequally\s+long\b|"
                      r"一样长|时间一样|时长一样|平均分配|均匀")
_RX_SHOT_NOUN = re.compile(r"\b(?P<img>photos?|pictures?|pics?|images?|stills?|slides?)\b|\b(?:shots?|clips?|segments?|scenes?)\b|"
                           r"(?P<zimg>图片|照片|每张)|镜头|片段")


def _h_even_shots(c: _Ctx) -> list[O.Op] | None:
    """"make every photo the same length", "space the photos evenly", "每张图片时间一样长": each the mean
    of their lengths, so the video keeps its length (not understood)."""
    # "at the same time", "the same length as the voiceover": no shots' lengths made equal
    t = re.sub(r"\bat\s+the\s+same\s+time\b|\b(?:the\s+)?same\s+(?:length|duration|time)\s+as\b.*", " ", c.t)
    noun = _RX_SHOT_NOUN.search(t)
    if not _RX_EVEN.search(t) or noun is None:
        return None
    kind = "image" if (noun.group("img") or noun.group("zimg")) else None
    segs = c.count("image") if kind else list(c.main_segs())
    if len(segs) < 2:
        raise _Cannot("只有一个镜头" if c.zh else "there is only one shot")
    each = round(sum(s.duration for s in segs) / len(segs) / 100) * 100
    if all(abs(s.duration - each) < 100 for s in segs):
        raise _Cannot(f"它们已经一样长了（各{each / 1000:g}秒）" if c.zh else f"they already are ({each / 1000:g}s each)")
    return [O.SetSegmentDuration(target=O.Target(index=i, kind=kind), duration_ms=each)
            for i, s in enumerate(segs) if abs(s.duration - each) >= 100]
