"""Rule edit planner: a follow-up instruction (English or Chinese) -> typed edit ops.

``plan_edit(instruction, timeline)`` is offline and deterministic. It splits combined
instructions ("make it vertical and lower the music", "…，然后…") into clauses, plans each
with an ordered list of handlers, and answers with an `EditPlan`:

- ``ok``: ops to apply; a clause that was not understood is named in the reply and in
  ``skipped``, the rest applied (one undo step for the whole instruction);
- ``ambiguous``: a clause names something that matches several segments ("remove the image"
  with five images); no ops, the reply asks which;
- ``unknown``: nothing was understood; the reply says what the planner can do.

Before the rules run, typos outside quotes are corrected (`planner.typos`) and follow-ups are
read against the conversation memory (`planner.memory`). The handlers live by subject in
``refs`` (what an instruction points at), ``audio``, ``text``, ``shots``, ``look`` and ``ai``.

Segments are addressed by position ("the second image", "the last clip", "第三张"), by name
("the sneaker photo", "shoe.jpg"), or by time ("the shot at 0:12"). "image/photo/picture"
count stills, "video clip/footage" count moving clips, "clip/shot/segment/scene" count all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from pydantic import ValidationError

from reelforge.planner import memory as M
from reelforge.planner import numerals as N
from reelforge.planner import op_words as W
from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import time_words as TW
from reelforge.planner import typos as T
from reelforge.planner.file_names import caption_from_name, is_file_junk, name_tokens
from reelforge.planner.rules.ai import (
    _h_auto_captions,
    _h_beats,
    _h_brand,
    _h_caption_mode,
    _h_highlight,
    _h_reframe,
    _h_short_captions,
    _h_silence,
    _h_voiceover,
    ai_requests,
    caption_mode,
)
from reelforge.planner.rules.answers import _h_answers
from reelforge.planner.rules.audio import (
    _audio_role,
    _h_audio_cut_to,
    _h_audio_starts_on_shot,
    _h_audio_timing,
    _h_captions_sync,
    _h_clip_audio,
    _h_duck,
    _h_fade,
    _h_fit_music,
    _h_fit_voice,
    _h_music_track,
    _h_other_sound,
    _h_sound_effects,
    _h_sound_speed,
    _h_voice_file,
    _h_voice_kind,
    _h_volume,
)
from reelforge.planner.rules.beyond import _h_beyond
from reelforge.planner.rules.corrections import (
    as_change,
    fact_not_shown,
    priced_thing_not_shown,
    said_first,
)
from reelforge.planner.rules.fact_values import KIND_WORD
from reelforge.planner.rules.look import (
    _h_background,
    _h_effects,
    _h_font,
    _h_grade,
    _h_logo,
    _h_looks_soft,
    _h_mood,
    _h_motion,
    _h_shot_fade,
    _h_style,
    _h_transition,
    _h_video_fade,
)
from reelforge.planner.rules.refs import (
    _MUSIC,
    _NOUN,
    _ORD_FULL,
    _SPLIT_RX,
    _VOICE,
    ZH_KEEP,
    _absent,
    _Ambiguous,
    _Cannot,
    _clauses,
    _Ctx,
    _ctx,
    _find_targets,
    _generic,
    _has,
    _mask,
    _ord_index,
)
from reelforge.planner.rules.shots import (
    _ALL_BUT,
    _h_add_segment,
    _h_asks,
    _h_cut_at,
    _h_cut_clip_before,
    _h_dislike,
    _h_duplicate,
    _h_end_on,
    _h_even_shots,
    _h_export_asks,
    _h_frame,
    _h_history,
    _h_hold_end,
    _h_in_point,
    _h_keep_only,
    _h_keep_part,
    _h_move,
    _h_move_to_time,
    _h_place_at_words,
    _h_remove_segment,
    _h_reorder,
    _h_replace,
    _h_reverse,
    _h_segment_duration,
    _h_speed,
    _h_swap,
    _h_total_duration,
    _h_total_keeping,
    _h_trim,
    _h_trim_edge,
    _h_use_not,
    _h_zh_side_remove,
    _reorder_by_names,
    asks_about_video,
)
from reelforge.planner.rules.text import (
    _RX_LESS_TEXT,
    _h_end_words,
    _h_less_text,
    _h_name_captions,
    _h_row_part_off,
    _h_text,
    _h_text_needs_words,
    _h_text_not_shown,
    _h_text_out_of_the_way,
    _h_text_under_text,
    _h_text_under_title,
    _h_text_with_text,
)
from reelforge.planner.rules.text_look import (
    C_EN,
    _h_text_case,
    _h_text_emoji,
    _h_text_lines,
    _h_text_look_off,
    _h_text_outline,
    _h_text_punctuation,
    _h_text_space,
    _h_text_stand_out,
    _h_text_strike,
)
from reelforge.planner.rules.text_refs import named_run, text_role
from reelforge.planner.rules.text_time import (
    _h_caption_hold,
    _h_text_cut_to,
    _h_text_ends,
    _h_text_motion,
    _h_text_on_shot,
    _h_text_repeat,
)
from reelforge.planner.rules.text_words import (
    _h_made_words,
    _h_swap_texts,
    _h_text_words,
    _h_translate,
    _h_written_as,
    names_for_pictures,
)
from reelforge.planner.text_kinds import UnplacedDay
from reelforge.timeline.model import Asset, AssetKind, Role, TextSegment, Timeline, TrackKind

__all__ = ["EditPlan", "plan_edit", "ai_requests", "caption_mode", "CAPABILITIES", "CAPABILITIES_ZH"]

Status = Literal["ok", "ambiguous", "unknown"]


@dataclass(frozen=True)
class EditPlan:
    status: Status
    ops: tuple[O.Op, ...] = ()
    reply: str = ""
    understood: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # parts of the instruction not understood (the rest is applied)
    fixes: tuple[str, ...] = ()  # typo corrections made, as "wrong->right"
    memory: dict | None = None  # the conversation memory after this instruction (see planner.memory)
    note: str = ""  # what the reply adds after the changes: parts not understood, typos read


CAPABILITIES_ZH = (
    "画面：竖屏、方形、横屏、720p", "时长：改成20秒、按旁白长度",
    "镜头：删除/移动/交换/替换第二张图片，把第二张图片放到最后，第一张图片改成3秒，视频片段加速、静音",
    "文字：添加标题「春季大促」前3秒、标题放到顶部、标题改成红色、去掉标题",
    "声音：背景音乐调到20%、背景音乐调小一点、音乐淡出、音乐从第5秒开始、去掉背景音乐、关闭闪避",
    "效果：转场改成叠化、硬切、去掉动画、背景模糊、黑白、亮一点、右上角加logo", "撤销 / 重做",
)

CAPABILITIES = (
    "shape and size: 'make it vertical for TikTok', 'square', '720p' / '竖屏'",
    "length: 'make it 20 seconds', 'fit to the voiceover' / '改成20秒'",
    "shots: 'remove / move / swap / replace the second image', 'add surf.mp4 after the third', "
    "'make the first image 3 seconds', 'speed up the clip', 'mute the clip' / '把第二张图片放到最后'",
    "text: \"add the title 'Spring Sale' for the first 3 seconds\", 'move the title to the top', "
    "'make the caption red', 'remove the title' / '添加标题「春季大促」'",
    "sound: 'music to 20%', 'lower the music by 6 dB', 'fade out the music', 'don't duck', "
    "'remove the music', 'use jazz.mp3 as the music', 'start the music at 5 seconds' / '把背景音乐调小一点'",
    "look: 'crossfade transitions', 'hard cuts', 'no motion', 'blurred background', 'black and white', "
    "'add the logo in the top right' / '转场改成叠化'",
    "undo / redo / 撤销 / 重做",
)


# ---------------------------------------------------------------------------------------------
# handlers: each returns a list of ops, or None when the clause is not theirs
Handler = Callable[[_Ctx], "list[O.Op] | None"]


_HANDLERS: tuple[Handler, ...] = (
    _h_place_at_words,  # "… after the voiceover says 'X'": no text to add, no voiceover to make
    _h_asks,  # "how long is it now?": answered, before any rule reads its words as a change
    _h_answers,  # "how many pics are in it", "现在第三张是哪张": answered too
    _h_beyond,  # "remove the girl in the back", "打码", "make steam come off the tacos": what it cannot do, said
    _h_font,  # "text font looks a bit cheap, something more elegant like a serif": one typeface (not "Which text?")
    _h_text_out_of_the_way, _h_text_punctuation, _h_text_look_off, _h_text_strike, _h_swap_texts, _h_written_as, _h_text_words, _h_text_outline, _h_name_captions, _h_text_repeat, _h_text_ends, _h_text_on_shot, _h_text_cut_to, _h_audio_cut_to, _h_audio_starts_on_shot, _h_history, _h_export_asks, _h_text_space, _h_text_emoji, _h_text_motion, _h_short_captions, _h_text_lines, _h_translate, _h_brand, _h_silence, _h_voiceover, _h_caption_mode, _h_auto_captions, _h_reframe, _h_beats, _h_highlight,
    _h_keep_part,  # (before the sound rules: "口播只要前8秒" keeps a part of the clip 口播.mp4, no voiceover)
    _h_sound_effects, _h_sound_speed, _h_logo, _h_other_sound, _h_music_track, _h_voice_file, _h_duck, _h_video_fade, _h_shot_fade, _h_fade, _h_clip_audio, _h_volume, _h_audio_timing, _h_voice_kind, _h_captions_sync, _h_fit_voice, _h_fit_music, _h_caption_hold, _h_less_text, _h_text_stand_out, _h_text_under_title, _h_text_under_text, _h_text_with_text, _h_text_case, _h_row_part_off, _h_text,
    _h_style, _h_mood, _h_transition, _h_looks_soft, _h_background, _h_grade, _h_motion, _h_speed, _h_reverse, _h_reorder, _h_swap, _h_replace, _h_move_to_time, _h_use_not, _h_end_on, _h_duplicate, _h_move,
    _h_add_segment, _h_total_keeping, _h_keep_only, _h_hold_end, _h_in_point, _h_trim_edge, _h_cut_clip_before, _h_cut_at, _h_trim, _h_zh_side_remove, _h_remove_segment, _h_even_shots, _h_segment_duration, _h_frame, _h_total_duration,
    _h_end_words, _h_made_words, _h_text_needs_words, _h_effects, _h_dislike, _h_text_not_shown,  # last: once nothing else has read the clause
)


def _plan_clause(c: _Ctx) -> list[O.Op] | None:
    for h in _HANDLERS:
        ops = h(c)
        if ops:
            return ops
    return None


@dataclass
class _Result:
    text: str
    ops: list[O.Op] | None = None
    question: str | None = None
    cannot: str | None = None
    absent: str | None = None  # a name in the clause that is not in the project (the rest was acted on)
    notes: list[str] = field(default_factory=list)  # what the reply adds about what was done (`_Ctx.notes`)
    kept: str | None = None  # a clause saying what not to do (`_prohibited`): what it names ("the captions"), or ""

    @property
    def ok(self) -> bool:
        return bool(self.ops)


# "keep her voice but lower the music", "lower the music but keep the voice loud", "保留人声，音乐小一点": what
# stays is no change (read as one clause it lowered the VOICE); only the rest is planned
_KEPT = (r"(?:the\s+|her\s+|his\s+|my\s+|our\s+|their\s+|its\s+)?(?P<k>voice\w*|narration|vocals?|speech|music|song|"
         r"soundtrack|title|captions?|subtitles?|text|logo|photos?|pictures?|images?|clips?|colou?rs?|transitions?|"
         # ("remove the last photo but keep the shop now text": it removed the call to action)
         r"length|pace|order|cta|call\s+to\s+action|end\s+(?:text|card|screen)|(?:[\w'-]+\s+){1,3}(?:text|line|caption))(?:\s+(?:as\s+(?:it\s+is|they\s+are|is)|the\s+same|unchanged|there|on|loud|clear|"
         r"audible|in|going|readable|legible|visible|on\s+screen))?")  # ("… and keep the text readable": it is)
_RX_KEEP_FIRST = re.compile(rf"^\s*(?:please\s+)?(?:keep|leave|don'?t\s+(?:touch|change))\s+{_KEPT}\s*(?:,\s*)?(?:but|and|,)\s+(?=\S)", re.I)
_RX_KEEP_LAST = re.compile(rf"(?:,\s*|\s+)(?:but|and)\s+(?:please\s+)?(?:keep|leave|don'?t\s+(?:touch|change))\s+{_KEPT}\s*[.!]?\s*$", re.I)
_RX_ADD_THAT = re.compile(r"(?i)^\s*(?P<x>[a-z][\w' -]{1,30}?\s*[$€£]\d[\d.,]*(?:\s*(?:each|per\s+\w+|/\w+))?|"
                          r"(?!(?:make|put|move|change|remove|cut|show|take|drop|swap|set|use|turn|give|let)\b)"
                          r"[a-z][\w' -]{0,30}?\b\d{1,4}\b[\w' -]{0,30}?)\s*,?\s*"  # ("only 20 seats left, add that")
                          r"(?:(?:pls|please)\s+)?(?:add\s+(?:that|this|it|them)(?:\s+(?:in|too|as\s+well))?|put\s+(?:that|this|it)\s+in)"
                          r"(?:\s*,\s*(?P<y>[^,.;!?\x00]{2,30}?))?\s*[.!]*\s*$")
_RX_ZH_ADD_LINE = re.compile(
    r"^\s*(?:(?:挺好的?|好的?|不错|可以|嗯)[\s，,。！!]*)?(?:能不能|可不可以|可以|帮我|麻烦)?(?:再)?(?:加|添|补)(?:一句|个|一个|一行|上|一下)"
    r"(?:我们的)?(?:价格|价钱)?\s*[:：]?[\s，,]*(?P<x>(?!(?:logo|LOGO|转场|标题|字幕|音乐|滤镜|动画|特效|水印|背景|片头|片尾|表情|emoji|"
    r"旁白|配音|声音|黑边|边框|贴纸|电话|手机|网址|微信|地址|邮箱|二维码|暗角|颗粒|胶片|光斑|漏光|滤镜|马赛克|阴影|描边|底框|"
    r"淡入|淡出|动效|音效|倒计时|黑白|复古|慢动作|倍速|加速|减速|模糊))"
    # (nor a look or a sound said whole: "加个黑白效果", "加个欢快的音乐")
    r"(?![^。！!？?\x00]*(?:效果|特效|风格|滤镜|动画|转场|音乐|音效|声音|镜头|画面|图片|照片|视频|片段)\s*[。！!]*\s*$)[^\s，,。！!？?\x00][^。！!？?\x00]{0,48}?)\s*[。！!]*\s*$")
_RX_WE_OFFER = re.compile(r"(?i)^\s*(?:(?:and|also|plus|oh\s+and|oh)\s+)*(?:(?:that|say\s+that|put\s+that)\s+)?(?:i|we)\s+(?:also\s+)?"
                          r"(?:do|offer|provide|sell|fix|install|repair|service|cover)\s+(?P<x>[^.?!\"“”]*?(?:[$€£]\s?\d|\b24/7\b)"
                          r"[^.?!\"“”]*?)\s*[.!]*\s*$|"
                          # "Also mention free parking and toilets on site": those words on screen
                          r"^\s*(?:(?:and|also|plus|pls|please|can\s+you|could\s+you)\s+)*mention\s+(?:that\s+)?"
                          r"(?:we\s+have\s+|there(?:'s|\s+is|\s+are)\s+)?(?P<m>[^.?!\"“”\x00]{3,80}?)(?:\s+too|\s+as\s+well)?\s*[.!]*\s*$")


def _we_offer(m: re.Match[str]) -> str:
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+and\s+(?=[a-z])", m.group("x") or m.group("m")) if p.strip()]
    return "add " + " · ".join(p[:1].upper() + p[1:] for p in parts) + " at the end"


_RX_MUSIC_FEEL_ASKED = re.compile(
    r"(?i)(?P<said>\b(?:the\s+)?(?:music|song|track|bgm)\s+(?:is|feels|sounds|'s)\s+(?:a\s+(?:bit|little)\s+|too\s+|kinda\s+|so\s+|"
    r"really\s+|quite\s+)?(?:sad|slow|boring|depressing|dull|cheesy|gloomy|sleepy|dark|mellow))\s*[.,!?;]+\s*"
    r"(?:(?:is\s+there\s+|do\s+you\s+have\s+|can\s+(?:we|you|i)\s+(?:get|have|use|try)\s+)?(?:anything|something)\s+)"
    r"(?P<feel>(?:more\s+)?(?:upbeat|happier|happy|faster|energetic|livelier|lively|fun|cheerful))\s*\??\s*$")
_RX_KEEP_SENTENCE = re.compile(rf"^\s*(?:(?:ok(?:ay)?|nvm|never\s*mind|fine|actually)[\s,.!]+)*(?:keep|leave)\s+{_KEPT}\s*[.!;]+\s+(?=\S)", re.I)
_RX_KEEP_ZH = re.compile(r"^\s*(?:保留|留着|别动|不要动)(?:她|他|我|我们)?的?(?:声音|人声|旁白|配音|音乐|标题|字幕|画面|图片)\s*[，,]\s*(?:但是?|只)?(?:把)?")


# "the first half is boring, cut it", "the last photo is pointless - remove it": what is faulted, cut
_RX_FAULT_THEN_CUT = re.compile(
    r"(?i)^\s*(?P<x>(?:the|this|that|my)\s+[^,;.!?]{1,40}?)\s+(?:is|are|'s|looks?|feels?|seems?)\s+"
    r"(?:a\s+bit\s+|kind\s+of\s+|kinda\s+|so\s+|too\s+|really\s+|very\s+|pretty\s+|super\s+)?"
    r"(?:boring|dull|slow|pointless|useless|unnecessary|not\s+needed|bad|ugly|weird|awkward|off|wrong|too\s+long|meh|"
    r"shaky|blurry|blurred|grainy|dark|out\s+of\s+focus|crooked|wonky|terrible|awful)"
    r"\s*(?:[,;.!-]+\s*|\s+(?:so|and)\s+)(?:so\s+|just\s+|please\s+|can\s+you\s+)?"
    r"(?P<v>cut|remove|delete|drop|lose|ditch|trim)\s+(?:it|them|that|this)(?:\s+out)?\s*[.!]?\s*$")
# "leave it out", "leave the walkthrough out", "take it out": removed
_RX_LEAVE_OUT = re.compile(r"(?i)\b(?:leave|keep|take)\s+(?P<x>it|them|that|this|the\s+[^,;.!?\x00]{1,40}?)\s+out\b(?!\s+of\b)")


_RX_LENGTH_STATED = re.compile(r"(?i)^\s*(?:the\s+)?(?P<x>[^,;.\x00]{2,40}?)\s+(?:is|was|runs?)\s+(?:about\s+|around\s+)?"
                               r"(?P<n>\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)(?:\s+long)?\s*[,;.]\s*(?P<rest>.*\bit\b.*)$")


_NOT_A_SOUND_NAME = frozenset({"music", "song", "track", "audio", "sound", "final", "mix", "master", "edit", "version", "voice",
                                "voiceover", "take", "loop", "clip", "full", "short", "long", "intro", "outro", "background",
                                "instrumental", "vocals", "free", "royalty", "copy", "new", "the", "and", "bgm", "raw",
                                "narration", "narrator", "recording", "memo"})


def _sound_said(text: str, tl: Timeline) -> str:
    """A word of the music's or the voiceover's file name said for it ("jingle's too long, cut it to 3 sec"
    for intro jingle.mp3, "the banjo thing"): 'the music' / 'the voiceover', so the sound rules read it (the
    fade went to the voiceover). Words that name a shot or a text on screen stay."""
    # "…太大了盖住校长讲话了", "…压住人声了": why (the voice is covered), no request of its own
    # (only after a complaint said before it: "音乐盖住了人声" alone is the complaint)
    # ("古筝声音太大 听不清我说话": it turned the music UP)
    text = re.sub(r"(?<=[太大响吵了点些])[，,\s]*(?:都)?(?:(?:盖住|压住|盖过|压过|挡住)了?|(?:都)?听不(?:清|见|到)楚?)"
                  r"[\u4e00-\u9fff]{0,6}(?:讲话|说话|声音|人声|旁白|口播|说的话|说什么)了?"
                  r"(?=$|[，,。！!\s])", "", text)
    shots = {w for s in (tl.track(Role.MAIN).segments if tl.track(Role.MAIN) else ())
             for w in re.findall(r"[a-z]{3,}", s.name.lower())}
    for role, said in ((Role.MUSIC, "the music"), (Role.VOICE, "the voiceover")):
        track = tl.track(role)
        for seg in (track.segments if track else ())[:1]:
            zh_said = "背景音乐" if role is Role.MUSIC else "旁白"
            for word in set(re.findall(r"[\u4e00-\u9fff]{2,4}", seg.name)) - {"音乐", "背景", "配乐", "旁白", "录音", "口播"}:
                # "古筝声音太大了盖住校长讲话了" for 古筝 高山流水.mp3: the music (not understood)
                text = re.sub(rf"{word}(?:的)?(?:声音|音量|音乐)?(?=(?:太|有点|有些|稍微|再|小|大|轻|响|吵|低|高|调|降|关|去掉|删))",
                              zh_said, text)
            for word in set(re.findall(r"[a-z]{4,}", seg.name.lower().rsplit(".", 1)[0])) - _NOT_A_SOUND_NAME - shots:
                # (only where it stands for the sound: "jingle's", "the banjo thing", "the jingle is", "lower the
                # jingle"; not "the summer sale" for summer vibes.mp3)
                text = re.sub(rf"(?i)\b(?:the\s+)?{word}'s\b(?=\s+(?:too|so|way|a\s+bit|kinda|not|really|very|pretty|quite|super|"
                              rf"still|only|just|long|short|loud|quiet|soft|off|over|done|cut|ending|starting|playing)\b)", f"{said} is", text)
                text = re.sub(rf"(?i)\b(?:the\s+)?{word}'s\b", said, text)  # "the jingle's volume": the music volume
                text = re.sub(rf"(?i)\b(?:the\s+|that\s+|this\s+)?{word}(?:\s+(?:thing|one|track|song|music|bit|part))?"
                              rf"(?=\s*(?:$|[,.;!?)]|\s(?:is|was|sounds?|feels?|seems?|needs?|should|runs?|starts?|plays?|"
                              rf"ends?|goes|comes|kicks|hits|gets|has|at|to|from|down|up|lower|louder|quieter|softer|a\s+bit|"
                              rf"too|so|way|kinda|please|pls)\b))(?!\.\w)", said, text)
    return text


# "The office tour is too long, 5 seconds is enough": that shot's length (it shortened the clip by a third and set
# the VIDEO to 5 s)
_RX_TOO_LONG_ENOUGH = re.compile(
    r"(?i)^\s*(?P<x>(?:the\s+|that\s+|this\s+|my\s+|our\s+)?[\w' -]{2,40}?)\s+(?:is|'s|feels|seems)\s+"
    r"(?:way\s+|a\s+bit\s+|kinda\s+|a\s+little\s+|much\s+)?too\s+(?:long|short)\s*[,.;!]*\s*"
    r"(?:(?:just|only|maybe|like)\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)\s*"
    r"(?:is\s+(?:enough|plenty|fine|good|all\s+we\s+need)|max|tops|(?:would|will|should)\s+do)\b(?P<rest>.*)$")


# words to show typed without quotes: "my name is Margaret Hale, put that at the start", "her name should show under
# her photo: Dr. Anita Patel, DDS", "add our google reviews 4.9 stars ⭐ 300+ reviews" (each was not understood)
_MY_NAME_PUT = re.compile(
    r"(?i)^(?:also\s+|and\s+|oh\s+)?my\s+name\s+is\s+(?P<n>(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}))\s*[,.]?\s*"
    r"(?:(?:pls|please|can\s+you|could\s+you)\s+)?(?:put|add|show|have)\s+(?:that|it|this|my\s+name)\s+"
    r"(?P<w>at\s+the\s+(?:start|beginning|end)|first|last|on\s+the\s+first\s+\w+)\s*[.!]?\s*$")
_NAME_UNDER_PHOTO = re.compile(
    r"(?i)^(?:(?:her|his|their|my|the\s+doctor'?s|the\s+owner'?s)\s+)name\s+(?:should|must|needs\s+to|can)\s+(?:show|be|go|appear)\s+"
    r"(?:under|on|over|below|with)\s+(?:her|his|their|my|the)\s+(?:photo|pic|picture|headshot|portrait)\s*[:,-]\s*"
    r"(?P<n>(?-i:[A-Z])[^\n\x00]{2,60}?)\s*[.!]?\s*$")
_REVIEWS = re.compile(
    r"(?i)^(?:pls\s+|please\s+|can\s+you\s+)?add\s+(?:our|the|my)?\s*(?P<site>google|yelp|tripadvisor|facebook|trustpilot)?\s*"
    r"(?:reviews?|ratings?)\s*:?\s*(?P<r>[1-5](?:\.\d)?)\s*(?:stars?)?\s*(?:⭐|★)*\s*[,·-]?\s*(?:from\s+|with\s+|and\s+)?"
    r"(?:(?P<c>\d[\d,]*\+?)\s*(?:reviews?|ratings?))?\s*[.!?]?\s*$")  # ("add our google reviews 4.9 stars ⭐": no count)


# "also say Rewild Furniture on the end with @rewildfurniture" (not understood): those words at the end
_SAY_ON_END = re.compile(r"(?i)^\s*(?:(?:also|and|pls|please|then)\s+|(?:can|could)\s+(?:you|u)\s+)*(?:say|write)\s+"
                         r"(?P<w>(?!(?:the|a|an|it|that|this|something|anything|more|less|so)\b)[^\n]{1,60}?)\s+"
                         r"(?:on|at)\s+the\s+(?:very\s+)?end(?:\s+card)?(?:\s+(?:with|and|plus)\s+(?P<w2>[^\n]{1,40}?))?\s*[.!?]*\s*$")
# "swap the two flash sheets round", "写真样片那两张换一下顺序": the two shots whose names say it (it asked which one)
_SWAP_THE_TWO = re.compile(r"(?i)^\s*(?:(?:pls|please|can\s+(?:you|u)|could\s+(?:you|u))\s+)?(?:swap|switch|flip|reverse)\s+(?:the\s+)?"
                           r"(?:two|2|both)\s+(?P<x>[a-z][\w' -]{1,30}?)\s*(?:round|around|over|the\s+other\s+way)?\s*[.!?]*\s*$|"
                           r"^\s*(?:把)?(?P<zx>[^\s，,。]{1,10}?)(?:的)?(?:那|这)?两(?:张|个|段)(?:图片|照片|视频)?\s*(?:换一下|交换一下?|调换一下?|"
                           r"对调一下?|互换一下?|换个)(?:顺序|位置)?\s*[。！!]*\s*$")


def _two_shots_called(tl: Timeline, said: str | None) -> tuple[int, int] | None:
    """The places of the two main-track shots whose file names hold every word of ``said`` ("flash sheets": flash
    sheet 1.jpg and flash sheet 2.jpg; in Chinese the longest part of it two names hold: "写真样片" for 样片1.jpg and
    样片2.jpg), else None."""
    main = tl.track(Role.MAIN)
    if main is None or not said:
        return None
    names = [seg.name.lower() for seg in main.segments]
    if P.is_chinese(said):
        parts = sorted({said[i:j] for i in range(len(said)) for j in range(i + 2, len(said) + 1)}, key=len, reverse=True)
        hits = next(([k for k, n in enumerate(names) if p in n] for p in parts
                     if sum(p in n for n in names) >= 2), [])
    else:
        words = [re.sub(r"(?i)(?<=[a-z]{3})s$", "", w) for w in re.findall(r"[\w']+", said.lower())]
        hits = [k for k, n in enumerate(names) if all(w in n for w in words)]
    return (hits[0], hits[1]) if len(hits) == 2 else None


# "字挡住山了 往下挪挪", "the text is covering the mountains, move it down a bit", "move all the text up": every text a
# band that way (the captions went to the top, the rest to the bottom; or it asked which of five)
_TEXT_COVERS_MOVE = re.compile(r"(?i)^\s*(?:(?:the\s+)?(?:text|texts|words|writing)\s+(?:is\s+|are\s+)?(?:covering|covers|blocks|blocking|hides|"
                               r"hiding)\b(?![^,.;!\n]{0,60}?\b(?:in|on|over)\s+the\s+[\w' -]{0,30}?(?:photo|picture|image|pic|shot|clip|video|one)\b)"
                               r"[^,.;!\n]{1,60}[,.;!]+\s*(?:(?:so|pls|please|can\s+(?:you|u))\s+)*move\s+(?:it|them)|"
                               r"(?:(?:pls|please|can\s+(?:you|u))\s+)*move\s+(?:all\s+)?(?:the\s+|of\s+the\s+)?(?:text|texts|words|writing))"
                               r"\s+(?:a\s+(?:bit|little)\s+)?(?P<d>down|up|lower|higher)(?:\s+(?:a\s+bit|a\s+little|pls|please))?\s*[.!]*\s*$")
_TEXT_COVERS_MOVE_ZH = re.compile(r"^\s*(?:(?:字|文字|文案)(?:把)?(?:挡住|遮住|盖住|挡)了?[^，,。\s]{0,10}?了?[，,\s]+|把?(?:字|文字|文案)(?:都|全部)?)"
                                  r"(?:往|向)(?P<d>下|上)(?:挪|移|放|调)(?:挪|一?点|一下|一些|些)?\s*[。！!]*\s*$")
# "字幕颜色跟标题一样就行": the colour of the other kind, named (not understood)
_SAME_COLOUR_ZH = re.compile(r"^\s*(?P<a>字幕|标题|行动号召|按钮)的?颜色(?:跟|和|与|同)(?P<b>字幕|标题|行动号召|按钮)的?(?:颜色)?"
                             r"(?:一样|相同|一致)(?:就行|就好|就可以)?了?吧?\s*[。！!]*\s*$")
_ROLE_ZH_WORD = {"字幕": Role.CAPTION, "标题": Role.TITLE, "行动号召": Role.CTA, "按钮": Role.CTA}
# "呃 字幕有点挡住奶茶了 往上挪挪": that kind of text that way (the complaint was answered, "往上挪挪" not understood)
_KIND_COVERS_MOVE_ZH = re.compile(r"^\s*(?:(?:呃|额|嗯|emm+)[\s，,]*)?(?P<k>字幕|标题)(?:有点|有些)?(?:把)?(?:挡住|遮住|盖住|挡)了?"
                                  r"[^，,。\s]{0,10}?了?[，,\s]+(?:往|向)(?P<d>下|上)(?:挪|移|放|调)(?:挪|一?点|一下|一些|些)?\s*[。！!]*\s*$")


# each kind of text as the rules read it, in English and Chinese
_TEXT_KIND_SAID = {Role.TITLE: ("the title", "标题"), Role.CTA: ("the call to action", "行动号召"), Role.CAPTION: ("the captions", "字幕")}


def _texts_one_band(tl: Timeline, way: str) -> str | None:
    """Each kind of text not yet at the edge of the frame ``way`` goes a band further that way, as the rules read it
    ("move the title to the bottom and …"); None when all are there."""
    down = way in ("down", "lower", "下")
    step = {"top": "center", "center": "bottom"} if down else {"bottom": "center", "center": "top"}
    zh = P.is_chinese(way)
    zh_band = {"top": "顶部", "center": "中间", "bottom": "底部"}
    said = []
    for role, (en, zh_word) in _TEXT_KIND_SAID.items():
        bands = {seg.position.value.split("-")[0] for tr in tl.tracks if tr.role is role for seg in tr.segments
                 if isinstance(seg, TextSegment)}
        if len(bands) == 1 and (band := bands.pop()) in step:
            said.append(f"{zh_word}放到{zh_band[step[band]]}" if zh else f"move {en} to the {step[band]}")
    return ("，" if zh else " and ").join(said) or None


# "text at the bottom gets covered by facebook's buttons, move it up a bit": the texts placed at the bottom, by kind
# (its first half was read as "put the text at the bottom", the second asked which of five texts)
_BOTTOM_COVERED = re.compile(r"(?i)^\s*(?:the\s+)?(?:text|texts|words|writing|captions?|subtitles?)\s+(?:at|on|near|along)\s+the\s+bottom\b"
                             r"[^,.;!\n]{0,80}?\b(?:covered|hidden|blocked|cut\s+off|under)\b[^,.;!\n]{0,60}[,.;!]+\s*"
                             r"(?:(?:so|pls|please|can\s+(?:you|u))\s+)*move\s+(?:it|them|that)\s+(?P<way>up)(?P<rest>[^\n]{0,30})$")
# "put BEFORE and AFTER on the cracked and fixed pics": a caption each, in turn (it was not understood)
_TWO_LABELS = re.compile(r"^\s*(?:(?:pls|please|can\s+(?:you|u))\s+)?(?i:put|add|write|label)\s+"
                         r"(?P<a>(?-i:[A-Z][A-Z0-9!'’ ]{1,20}?)|(?i:before))\s+(?i:and|&)\s+(?P<b>(?-i:[A-Z][A-Z0-9!'’ ]{1,20}?)|(?i:after))\s+"
                         r"(?i:on|over)\s+(?i:the)\s+(?P<x>[\w' -]{2,30}?)\s+(?i:and|&)\s+(?:(?i:the)\s+)?(?P<y>[\w' -]{2,30}?)\s+"
                         r"(?P<n>(?i:pics|photos|pictures|images|shots|ones))\s*[.!]*\s*$")
# "洗前那张加字 洗前", "洗前洗后两张上面加字 洗前 洗后": a caption on each picture named, in turn (not understood; "加字幕
# 洗前" made captions from the voice)
_LABELS_ZH = re.compile(r"^\s*(?P<x>[^\s，,。]{1,16}?)(?:两张|这两张|那两张|那张|这张|那段|这段|的图|图片|照片)(?:图片|照片)?(?:上面|上|里)?"
                        r"(?:分别|各)?(?:加|写|打)(?:个|上|一下|一个|一行)?(?:字幕|文字|字)\s*[:：]?\s+(?P<w>[^，,。\s]{1,20}(?:\s+[^，,。\s]{1,20})?)"
                        r"\s*[。！]*\s*$")


# "加个字幕 前20名报名送教材": a caption of those words (it made captions from the voice)
_CAPTION_WORDS_ZH = re.compile(r"^\s*(?:再)?(?:加|添加|加上)(?:个|一个|一条|一行|条)?字幕\s+(?P<w>[^\s：:].{1,39}?)\s*[。！]*\s*$")
# "加个 title 在开头: Lumière Films": a title at the start, its words after the colon (said in Chinese, "开头加个标题：…"
# is read already)
_TITLE_AT_START_ZH = re.compile(r"^\s*(?:(?:加|添加|加上)(?:个|一个)?\s*(?:title|headline)\s*(?:在)?\s*(?:开头|最前面|片头)?|"
                                r"(?:在)?(?:开头|最前面|片头)\s*(?:加|添加|加上)(?:个|一个)?\s*(?:title|headline))\s*[:：]\s*"
                                r"(?P<w>[^\s:：][^\n]{0,39}?)\s*$", re.I)


def _labels_zh(m: re.Match[str], tl: Timeline) -> str | None:
    """The captions `_LABELS_ZH` reads, said one picture at a time with the words quoted; None unless the
    pictures are named by their files' names, one word for each."""
    main = tl.track(Role.MAIN)
    stems = [re.sub(r"\.[A-Za-z0-9]{2,4}$", "", s.name) for s in (main.segments if main else []) if s.name]
    said, words = m.group("x"), m.group("w").split()
    shots = next(([a, said[len(a):]] for a in stems if said.startswith(a) and said[len(a):] in stems), None) \
        if len(words) == 2 else ([said] if said in stems else None)
    if not shots or len(shots) != len(words):
        return None
    return "，".join(f"{x}那张加个字幕“{w}”" for x, w in zip(shots, words, strict=True))


_WRITE_IT_ZH = re.compile(r"^\s*(?:那就|那|就|那你就|帮我|直接)\s*写(?:上|成)?\s*[:：]?\s*(?P<w>[^\s，,。！!？?吧]{2,30})\s*(?:吧)?\s*[。！!]*\s*$")
_MAKE_TEXT_SAY = re.compile(r"(?i)^\s*(?:(?P<can>can|could)\s+(?:you\s+|u\s+)?(?:make\s+|have\s+)?|(?:pls\s+|please\s+)?(?:make|have|let)\s+)"
                            r"the\s+(?P<k>title|headline|end|end\s+card)\s+(?:say|read)\s*:?\s+"
                            r"(?P<w>(?!(?:something|anything|more|less|bigger|smaller|it|that)\b)[^\n]{1,60}?)\s*[?.]*\s*$")


_RX_KIND_BIT = re.compile(rf"(?i)\b(?P<v>(?:change|replace|swap|switch|update|edit)\s+)(?:the\s+)?(?P<k>{KIND_WORD})\s+"
                          r"(?:bit|part|bit\s+of\s+text|line)\b(?=\s+(?:to|with|for|into)\b)")


def _words_given(text: str, tl: Timeline) -> str:
    """An instruction that types the words to show without quotes, said with them (`_MY_NAME_PUT`, …)."""
    if re.search(r"[\"“”‘]|(?:^|\s)'", text):  # (words quoted already; "O'Hale" is no quote)
        return text
    if m := _MY_NAME_PUT.match(text):
        return f"add the caption “{m.group('n')}” {m.group('w')}"
    if (m := _NAME_UNDER_PHOTO.match(text)) and (main := tl.track(Role.MAIN)) is not None:
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", m.group("n"))}
        shot = [s for s in main.segments if words & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", s.name)}]
        if len(shot) == 1 and (i := main.segments.index(shot[0])) < 10:  # "Dr Patel headshot.jpg"
            return f"add the caption “{m.group('n')}” on the {O.ordinal(i)} shot"
    if m := _MAKE_TEXT_SAY.match(text):
        # "make the title say SECOND SKIN VINTAGE POP UP" (its "pop up" made the title scale in), "can the end say see u
        # there x" (not understood): those words, the title's in its place, at the end a line more
        if m.group("k").lower() in ("title", "headline"):
            return f"change the title to “{m.group('w')}”"
        if m.group("can"):  # ("make the ending say order now": the call to action's words, as before)
            return f"add “{m.group('w')}” at the end"
    if (m := _TEXT_COVERS_MOVE.match(text) or _TEXT_COVERS_MOVE_ZH.match(text)) and (moved := _texts_one_band(tl, m.group("d"))):
        return moved
    if m := _KIND_COVERS_MOVE_ZH.match(text):
        return f"{m.group('k')}往{m.group('d')}挪一点"
    if (m := _SAME_COLOUR_ZH.match(text)) and (like := tl.track(_ROLE_ZH_WORD[m.group("b")])) is not None and like.segments:
        return f"{m.group('a')}颜色改成{like.segments[0].color.lower()}"  # type: ignore[union-attr]
    if (m := _SWAP_THE_TWO.match(text)) and (two := _two_shots_called(tl, m.group("x") or m.group("zx"))):
        return f"swap the {O.ordinal(two[0])} shot and the {O.ordinal(two[1])} shot" if not P.is_chinese(text) else \
            f"把第{two[0] + 1}个镜头和第{two[1] + 1}个镜头交换"
    if m := _BOTTOM_COVERED.match(text):
        low = sorted({_TEXT_KIND_SAID[tr.role][0] for tr in tl.tracks if tr.role in _TEXT_KIND_SAID for seg in tr.segments
                      if isinstance(seg, TextSegment) and seg.position.value.startswith("bottom")})
        if low:
            return " and ".join(f"move {k} {m.group('way')}{m.group('rest')}" for k in low)
    if m := _TWO_LABELS.match(text):
        one = re.sub(r"(?i)s$", "", m.group("n")) if m.group("n").lower() != "ones" else "photo"
        return (f"add the caption “{m.group('a').strip()}” on the {m.group('x').strip()} {one} and add the caption "
                f"“{m.group('b').strip()}” on the {m.group('y').strip()} {one}")
    if (m := _LABELS_ZH.match(text)) and (said := _labels_zh(m, tl)):
        return said
    if m := _TITLE_AT_START_ZH.match(text):
        return f"开头加标题“{m.group('w')}”"  # "加个 title 在开头: Lumière Films" (it moved the title to the end)
    if (m := _RX_ZH_ADD_LINE.match(text)) and re.search(r"视频|图片|照片|音乐|字幕|镜头|画面|秒", m.group("x")):
        # "再加一句 到店出示视频送酸梅汤一杯": the line quoted, so that its words are no instructions (with "视频" in it it
        # was not understood)
        return "结尾加一句“" + " · ".join(x for x in re.split(r"[\s，,、]+", m.group("x")) if x) + "”"
    if m := _CAPTION_WORDS_ZH.match(text):
        return f"加字幕“{m.group('w')}”"  # "加个字幕 前20名报名送教材" (it made captions from the voice, and failed)
    if m := _WRITE_IT_ZH.match(text):
        # "那就写 德清县莫干山镇劳岭村" after a map it cannot draw (not understood)
        return f"结尾加上「{m.group('w')}」" if P.is_chinese(text) else f"add “{m.group('w')}” at the end"
    if m := _SAY_ON_END.match(text):
        return f"add “{m.group('w')}{' · ' + m.group('w2') if m.group('w2') else ''}” at the end"
    if m := _REVIEWS.match(text):
        site = f" on {m.group('site').capitalize()}" if m.group("site") else ""
        count = f" · {m.group('c')} reviews" if m.group("c") else ""
        return f"add “⭐ {m.group('r')}{site}{count}” somewhere"
    return text


_RX_CLIP_CALLED = re.compile(r"(?i)\bthe\s+(?P<w>(?:[a-z][\w'-]*\s+){1,3}?)(?:video|vid|clip|footage)\b(?!\s*(?:clips?|\.\w))|"
                             r"\bthe\s+(?:video|vid|clip|footage)\s+(?P<w2>of\s+(?:me|us|him|her|them|the)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)|"
                             # "magic trick video first pls!!": a clause that places it
                             r"^\s*(?P<w3>(?:[a-z][\w'-]*\s+){1,3}?)(?:video|vid|clip|footage)\s+(?=first\b|last\b|at\s+the\s+(?:start|end)\b)")
_NOT_A_CLIP_NAME = frozenset("whole entire full final new old other same first second third last next previous this that "
                             "music promo finished main short long vertical square horizontal".split())


def _names_nothing(said: str, names: list[str], *, ignored: tuple[str, ...], stop: frozenset[str]) -> bool:
    """Whether the words of ``said`` (``ignored`` ones aside) call a shot by what it shows: none is in a file name of
    ``names``, none is a word of the planner's (``stop``)."""
    words = [w for w in re.findall(r"[a-z][\w'-]*", said.lower()) if w not in ignored]
    return bool(words) and not any(w in stop for w in words) and not any(w in n for w in words for n in names)


def _one_clip_named(text: str, names: list[str], clip: str = "clip") -> str:
    """``text`` with "the <words> video" / "the clip of me <doing>" said as "the clip" (or "the <clip>": the one
    clip whose file name says nothing) when no file name holds those words (they can only mean it)."""
    def said(m: re.Match[str]) -> str:
        if not _names_nothing(m.group("w") or m.group("w2") or m.group("w3") or "", names,
                              ignored=("of", "me", "us", "him", "her", "them", "the", "a", "my", "our"), stop=_NOT_A_CLIP_NAME):
            return m.group(0)
        return f"put the {clip} " if m.group("w3") else f"the {clip}"
    return _RX_CLIP_CALLED.sub(said, text)


_RX_PICTURE_CALLED = re.compile(r"(?i)(?<!\bis\s)(?<!'s\s)(?<!\bits\s)(?<!\bwas\s)\bthe\s+(?P<w>(?:[a-z][\w'-]*\s+){1,3}?)"
                                r"(?:photo|pic|picture|image)\b(?!\s*(?:s\b|\.\w))")  # (not "it's the wow shot": why)


_NOT_A_PICTURE_NAME = _NOT_A_CLIP_NAME | {"before", "after", "cover", "logo", "end", "start", "closing", "opening", "your"}


def _one_picture_unnamed(text: str, name: str, names: list[str]) -> str:
    """``text`` with "the <words> photo" said as the one picture whose file name says nothing, when no file name holds
    those words and none of them is an ordinal or a word of the planner's ("the second photo", "the last pic")."""
    def said(m: re.Match[str]) -> str:
        if not _names_nothing(m.group("w"), names, ignored=("of", "the", "a", "my", "our"), stop=_NOT_A_PICTURE_NAME) \
                or any(N.parse_ordinal(w) is not None for w in m.group("w").lower().split()):
            return m.group(0)
        return f"the {name}"
    return _RX_PICTURE_CALLED.sub(said, text)


_RX_PART_OF_IT = re.compile(r"(?i)\b((?:use|keep|show|want|need)\s+(?:only\s+|just\s+)?the\s+(?:first|last|opening|final)\s+"
                            r"(?:\d+(?:\.\d+)?|\w+)\s*(?:seconds?|secs?|s)\s+of\s+)it\b")


def _length_enough(text: str) -> str:
    """"the office tour is too long, 5 seconds is enough": "make the office tour 5 seconds"."""
    m = _RX_TOO_LONG_ENOUGH.match(text)
    return f"make {m.group('x')} {m.group('n')} seconds{m.group('rest')}" if m else text


# "use the bit of the ep1 clip where we both laugh, it's around 1:02": where in the clip, not how long (it made the
# clip 62 s long)
_RX_BIT_AROUND = re.compile(
    # ("use the bit of the live clip around 1:15", "can the crowd singing bit from the live clip be in, its near the end
    # like 1:15": the clip was set 75 s LONG)
    r"(?i)^\s*(?:(?:can|could)\s+(?:we|you|u)\s+|pls\s+|please\s+)?(?:(?:use|show|play|take|start\s+with|go\s+with|include|"
    r"put\s+in|add)\s+|(?:can|could)\s+(?=the\b))"
    r"the\s+(?:[\w' -]{1,30}?\s+)?(?:bit|part|moment|section|piece|clip\s+part)\s+(?:of|in|from)\s+"
    r"(?P<x>the\s+[\w' .-]{0,40}?(?:clip|video|vid|footage|recording)|the\s+[\w' .-]{1,40}?)"
    r"(?:\s+be\s+(?:in|used|included|added)\b|\s+(?:where|when)\b)?[^:]*?"
    r"(?:it'?s|it\s+is|is|that'?s)?\s*(?:around|about|at|near|like|roughly|approx(?:imately)?)\s+(?P<t>\d{1,2}:\d{2})\b"
    r"(?P<rest>.*)$")


_RX_BIT_EDGE = re.compile(r"(?i)^\s*(?:just\s+|only\s+)?(?:use|keep|show)\s+the\s+(?:bit|part|moment|section)\s+(?:where|when)\s+"
                          r"[^,;\x00]{1,60},\s*(?:like|maybe|probably|prob|around|about|so|i\s+think)?\s*(?:the\s+)?"
                          r"(?P<e>first|last)\s+(?P<n>\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)\b\s*[.!]*\s*$")
_RX_SAY_AT_END = re.compile(r"(?i)^\s*(?:and\s+|also\s+|then\s+)?(?:(?:at|in)\s+the\s+(?:very\s+)?end,?\s+(?:say|show|write|put|have\s+it\s+say)"
                            r"|end\s+(?:it\s+|the\s+video\s+)?(?:with|on))\s+(?P<q>\x00\d+\x00)\s*[.!]*\s*$")


def _ends_with_quoted(text: str) -> str:
    """"and at the end say 'See you Saturday!'", "end with 'See you Saturday!'": words added at the end (the
    first changed the row under the call to action, the place lost; the second was not understood); "also
    end with 'Follow @x'": one more line at the end, the call to action kept (it was replaced). Read of the
    whole instruction and of each clause ("make it 15 seconds and end with 'Buy today'" left the end out)."""
    text = _RX_SAY_AT_END.sub(lambda m: f"add {m.group('q')} at the end", text)
    return re.sub(r"(?i)^(\s*)(?:also|and|plus)\s+end\s+(?:it\s+|the\s+video\s+)?(?:with|on)\s+(\x00\d+\x00)"
                  r"(?=\s*(?:too|as\s+well)?\s*[.!]*\s*$)", r"\1add \2 at the end", text)


def _as_typed(text: str) -> str:
    """A message as the rules read it, from how it was typed: a discourse word or a reason left out, a line
    asked for without quotes said as one added at the end, a question answered with the rest (each was not
    understood, or read as something else: the last shot removed, the music turned up)."""
    # "配音听不太清 音乐小声点": why the music goes down (the voice was turned down); alone, the music quieter
    text = re.sub(r"^\s*(?:配音|旁白|人声|解说|说话声?)(?:有点|有些)?听不(?:太)?清(?:楚)?[了啊呀]?(?:[\s，,。!！]+(?=\S)|\s*$)",
                  lambda m: "" if m.end() < len(text) else "背景音乐小一点", text)
    # "too long, nobody watches 45 secs. 30 max": the length it has, said as why (it set 45 s, "already"), and the
    # one wanted with no unit (seconds, the video's length being what is spoken of)
    if re.search(r"(?i)\btoo\s+long\b|\blength\b|\bshorter\b|\bsecs?\b|\bseconds?\b", text):
        text = re.sub(r"(?i)\b(?:nobody|no\s*one|no-one|people\s+don'?t|ppl\s+dont)\s+(?:watch(?:es)?|wants?|sits?\s+through)\s+"
                      r"(?:a\s+)?\d+\s*(?:s|secs?|seconds?)\b(?:\s+(?:videos?|of\s+(?:anything|video)))?\s*[.!,;]*", " ", text)
        text = re.sub(r"(?i)(?<![\w$£€¥.:])(\d{1,3})\s+(max|maximum|tops|at\s+most)\b", r"\1 seconds \2", text)
    # "drop the venue exterior photo, it looks dated", "drop the opening hours, they change too much": why, after
    # what is asked (read as part of the shot's name: "Nothing called venue_outside.jpg")
    text = re.sub(r"(?i)(?<=\w)\s*[,;.]\s*(?:it|that|this|they|its|it'?s|they'?re)\s*(?:'s|’s|\s+is|\s+are|\s+looks?|\s+seems?|\s+change)?\s+"
                  r"(?:a\s+bit\s+|too\s+|so\s+|really\s+|kinda\s+|pretty\s+|way\s+too\s+)?(?:dated|old|outdated|ugly|boring|cheesy|weird|"
                  r"blurry|dark|busy|cluttered|much|often|off)(?:\s+(?:now|too\s+much|anyway))?\s*[.!]*$", "", text)
    # "字也往上挪挪": "字往上挪一点" (a doubled verb is "a little"; "也" ties it to what came before)
    text = re.sub(r"(挪|移)\1(?=$|[\s，,。！!吧])", r"\1一点", text)
    text = re.sub(r"(?<![\u4e00-\u9fff])(字|文字|字幕|标题)也(?=往|再)", r"\1", text)
    # "私教上课那段放前面", "把门头放到前面去": to the very front (not understood; "放到X前面" is before X)
    text = re.sub(r"(?<=\S)(?P<v>放|放到|挪到|移到)前面(?:去)?(?:吧)?(?=$|[\s，,。！!])", r"\g<v>最前面", text)
    # "电话放最后", "把地址放到最后": that text at the end ("最后" is where a picture goes; it was not understood)
    text = re.sub(r"(^|[\s，,]|\band\s)把?\s*(?P<k>电话(?:号码)?|地址|网址|官网|微信号?|联系方式|营业时间|优惠码)(?:那行字?|那句话?)?"
                  r"\s*放(?:到|在)?最后(?:面)?(?:吧)?(?=$|[\s，,。！!])", r"\1\g<k>放到结尾", text)
    # "the logo should be on the end card", "logo on the end card only": shown at the end only (it stayed throughout)
    text = re.sub(r"(?i)^\s*(?:(?:the|my|our)\s+)?logo\s+(?:should\s+(?:be|go|only\s+be)\s+|(?:needs|has)\s+to\s+be\s+|can\s+(?:it|you)\s+)?"
                  r"(?:only\s+)?(?:on|in|at)\s+the\s+(?:end\s*card|ending|outro|end)(?:\s+only)?(?:\s+(?:pls|please))?\s*[.!?]*$",
                  "only show the logo at the end", text)
    # "…前3秒不要音乐 有炒菜的声音好听": why (the clip's own sound is nice), no sound effect asked for
    text = re.sub(r"(?<=\S)[\s，,]+(?:因为)?(?:有|能听到)[\u4e00-\u9fff]{1,8}的?声音(?:很|挺|比较|更)?好听[了啊呀呢]?\s*[。！!]?$", "", text)
    # "music should start quiet and build up", "音乐开头小声 慢慢变大": a long fade-in (the music was turned up)
    text = re.sub(r"(?i)^\s*(?:(?:the|can\s+the)\s+)?(?:music|song|track|bgm)\s+(?:should\s+|needs\s+to\s+|to\s+)?(?:start|begin)s?\s+"
                  r"(?:off\s+)?(?:quiet(?:ly)?|soft(?:ly)?|low|quieter)\s+(?:and\s+|then\s+)*(?:build|grow|swell|get\s+louder|ramp|rise)s?"
                  r"(?:\s+up)?(?:\s+(?:slowly|gradually))?\s*[.!?]*$", "fade the music in over 6 seconds", text)
    text = re.sub(r"^\s*(?:背景)?音乐(?:开头|一开始|刚开始)(?:小声|轻一点|小一点)[\s，,]*(?:然后|再)?(?:慢慢|逐渐)?(?:变大|变响|大起来)\s*[。！]?$",
                  "背景音乐淡入6秒", text)
    # "no call out fee should say FREE call out actually, people read that better": the new words, without the
    # afterthought and the reason (both were written on screen)
    text = re.sub(r"(?i)(\bshould\s+(?:say|read|be)\s+\S.*?)(?:\s+actually)?\s*,\s*(?:people|they|customers|clients|folks|"
                  r"it|that|everyone|parents)\s+(?:will\s+|would\s+)?(?:read|like|get|understand|notice|prefer|respond)s?\b.*$",
                  r"\1", text)
    text = re.sub(r"(?i)(\bshould\s+(?:say|read|be)\s+\S.*?)\s+actually\s*[.!]*$", r"\1", text)
    # "the twirl clip should be the very first thing": the first ("very" was looked for as a shot's name)
    text = re.sub(r"(?i)\bthe\s+very\s+(first|last|start|end|beginning|top|bottom)\b", r"the \1", text)
    # "can it be more warm and tasty looking": warmer (not understood)
    text = re.sub(r"(?i)\bmore\s+(warm|cool|bright|dark)\b", lambda m: {"warm": "warmer", "cool": "cooler",
                  "bright": "brighter", "dark": "darker"}[m.group(1).lower()], text)
    # "feels a bit slow. speed it up": quicker cuts (it looked for a clip to speed up and found a still)
    text = re.sub(r"(?i)^\s*(?:it\s+)?(?:feels?|seems?|is)\s+(?:a\s+bit\s+|a\s+little\s+|kinda\s+|too\s+|really\s+|so\s+|quite\s+)?"
                  r"(?:slow|sluggish|draggy)\b[\s.!,]*(?:(?:can\s+you\s+)?(?:speed\s+it\s+up|make\s+it\s+(?:faster|snappier|quicker))"
                  r"(?:\s+(?:pls|please|a\s+bit))?[\s.!]*)?$", "faster cuts", text)
    # "music a touch lower under the voice, and fade it out at the end": the music fades ("it" faded the picture)
    text = re.sub(r"(?i)\b(music|song|bgm|track)\b([^.;!?]*?),?\s+(?:and\s+)?fade\s+it\s+out\b", r"\1\2 and fade the music out", text)
    # "need the handle on the end @mamalinsdumplings": that handle added at the end (there was "no 'handle'")
    text = re.sub(r"(?i)^\s*(?:i\s+|we\s+)?(?:need|want|put|add)\s+(?:the|my|our)\s+(?:handle|insta(?:gram)?|ig|tiktok|website|site|"
                  r"number|phone(?:\s+number)?|email)\s+(?:on|at)\s+the\s+end\s*:?\s+(?P<x>[@\w][\w.@/-]+)\s*[.!]*$",
                  lambda m: f"add {m.group('x')} at the end", text)
    # "开头加个大标题 洱海边的云栖小院": that title, without quotes (it said the title "already was" at the start)
    text = re.sub(r"^\s*(?:开头|片头|最前面)?(?:再)?(?:加|添|加上|放)(?:个|一个)?(?:大|醒目的?)?标题\s+"
                  r"(?P<x>(?!\x00)[^\s，,。！!？?\x00][^，,。！!？?\x00]{0,24}?)\s*[。！!]*$", lambda m: f"add the title {m.group('x')}", text)
    # "title should be Dave's Bike Fix with the apostrophe", "… Paws & Suds with the & sign not 'and'", "title: Get
    # Muddy! instead": how the new words are spelled, the old ones named, "instead" (each was written on screen, the
    # quoted 'and' as the whole title)
    text = re.sub(r"(?i)\s+(?:with|using)\s+(?:the|an?)\s+(?:&|ampersand|apostrophe|hyphen|dash|exclamation|accent)"
                  r"(?:\s+(?:sign|symbol|mark|letter))?(?=\s*(?:,|\bnot\b|\binstead\b|[.!]*\s*$))", "", text)
    text = re.sub(r"(?i)(?<=\w)[\s,]+(?:not|instead\s+of)\s+(?:the\s+word\s+|an?\s+)?\x00\d+\x00\s*[.!]*\s*$", "", text)
    text = re.sub(r"(?i)(?<=\S)\s+instead(?:\s+(?:pls|please))?\s*[.!]*\s*$", "", text)
    # "can the clinic tour be muted, you can hear the drill": that clip's sound off, the reason left out (it was read as
    # muted colours)
    text = re.sub(r"(?i)^\s*(?:can|could)\s+(?:we\s+|you\s+|u\s+)?(?:have\s+|make\s+)?the\s+(?P<x>[\w' .-]{2,40}?)\s+"
                  r"(?:be\s+)?(?:muted|silent|silenced|on\s+mute|without\s+(?:its\s+)?sound|have\s+no\s+sound)\b.*$",
                  lambda m: f"mute the {m.group('x')}", text)
    # "undo the vintage thing its too brown", "no vintage": that look off (a plain undo took back the change
    # before; "no vintage" made it vintage)
    text = re.sub(r"(?i)^\s*(?:undo|remove|drop|lose|ditch|get\s+rid\s+of|no(?:\s+more)?|take\s+off)\s+(?:the\s+|that\s+)?"
                  r"(?P<x>vintage|sepia|retro|film|cinematic|black\s+(?:and|&)\s+white|b\s*&\s*w|b/w)"
                  r"(?:\s+(?:thing|look|filter|effect|grade|colou?rs?|vibe|style))?\b.*$",
                  lambda m: f"remove the {m.group('x')} look", text)
    # "price changed - offers over £320,000", "the date has changed to …": that fact's new words (not understood)
    text = re.sub(r"(?i)^\s*(?:the\s+)?(?P<k>price|date|time|hours|address|number|phone\s+number|website)\s+(?:has\s+|is\s+)?"
                  r"(?:changed|updated|moved)\s*[-:,–—]+\s*(?:(?:it'?s|its|now)\s+)?(?P<v>(?!to\b)\S.*)$",  # ("… changed to X" is read as it was)
                  lambda m: f"change the {m.group('k')} to {m.group('v')}", text)
    # "店内环境那段太长了 剪到10秒左右": that clip to 10 s (the second half cut the video to 10 s)
    # ("烤串视频太长了 只要前面10秒": its first 10 s)
    text = re.sub(r"^\s*(?P<x>[^\s，,。！]{1,16}?(?:那段|那个视频|视频|片段))(?:有点|太|也太)?长了?[\s，,]+"
                  r"(?:(?:就|帮我)?(?:剪|截|改)(?:到|成)|只(?:要|留|用)(?:前面?|开头)的?)\s*"
                  r"(?P<n>\d{1,3})\s*秒(?:左右|就行|吧|就够了?)?\s*$", r"\g<x>剪到\g<n>秒", text)
    # "婚纱照价格改成 5299起 儿童写真不变": what stays the same is no words (it was written on screen)
    text = re.sub(r"(?<=\S)[\s，,]+[^\s，,。]{1,8}(?:不变|不用改|不改|保持不变)\s*$", "", text)
    # "8折改成 85折 我算错了 8折要亏", "…改成 啤酒第二扎半价 老板说送不起😂": the new words, not the reason after them
    text = re.sub(r"(?P<x>(?:改成|改为|换成|换为)\s*[^\s，,。]+?)[\s，,。]+(?=[^\s]*(?:我|老板|因为|算错|写错|弄错|搞错|记错|要亏|"
                  r"送不起|哈哈|sorry|😂|🤣))[^\n]*$", r"\g<x>", text)
    # "年卡价格改一下 1888": changed to it
    text = re.sub(r"(?P<x>[\u4e00-\u9fff]{1,8}?(?:价格|价钱|价|时间|地址|电话))改一下\s*(?P<v>[\d¥￥][\d.,:：元块起]*)\s*$",
                  r"\g<x>改成\g<v>", text)
    # "婚纱照价格改成5299起": the price of that thing, its name kept ("婚纱照4999起" became "5299起")
    text = re.sub(r"^\s*(?P<x>[\u4e00-\u9fff]{2,8}?)的?(?:价格|价钱|售价)(?P<v>改成|改为|换成)\s*(?P<n>[¥￥]?\d[\d.]*\s*(?:元起|起))\s*$",
                  lambda m: f"{m.group('x')}价格{m.group('v')}{m.group('x')}{m.group('n')}", text)
    # "change the date its thurs 21st now not 14th, got moved": the correction, without its frame and reason
    text = re.sub(r"(?i)^\s*(?:change|fix|update)\s+the\s+(?:date|time|day)\s*,?\s*(?=(?:it'?s|its)\s+.+\bnot\b)", "", text)
    text = re.sub(r"(?i)(\bnot\s+[^,]+?)\s*,\s*(?:it\s+)?(?:got|has\s+been|was)\s+(?:moved|changed|rescheduled|pushed\s+back)\s*[.!]*\s*$",
                  r"\1", text)
    # "start w the wheel clip not the mugs": that shot first (not understood)
    text = re.sub(r"(?i)^\s*(?:can\s+(?:we|you|u)\s+)?start\s+(?:w/?|with)\s+the\s+(?P<x>[\w' .-]{2,40}?)(?:\s*,?\s*(?:not|instead\s+of)\s+the\s+[\w' .-]{2,40})?"
                  r"\s*[?.!]*\s*$", lambda m: f"put the {m.group('x')} first", text)
    # "put the wheel clip before the photos": before the first of them ("Which image?")
    text = re.sub(r"(?i)\b(?P<v>put|move|place)\s+the\s+(?P<x>[\w' .-]{2,40}?)\s+before\s+(?:all\s+)?the\s+(?P<k>photos|pics|pictures|images|stills)\b",
                  lambda m: f"{m.group('v')} the {m.group('x')} before the first {m.group('k')[:-1]}", text)
    # "drone shot should be first, it's the wow shot", "pic of the peonies first pls its our best seller": why
    text = re.sub(r"(?i)(\b(?:first|last|at\s+the\s+(?:start|end|beginning))\b(?:\s+(?:pls|please))?)\s*[,.;!-]*\s*(?:it'?s|its|that'?s|thats)\s+"
                  r"(?:the|our|my|a)\s+[\w' ]{1,24}?\s*[.!]*\s*$", r"\1", text)
    # "Please add captions of what Dr Patel says in the voiceover": the speech's captions (read as a voiceover to write)
    text = re.sub(r"(?i)^\s*(?:(?:please|pls|can\s+(?:you|u)|could\s+(?:you|u))\s+)?(?:add|put|show|do)\s+(?:the\s+)?(?:captions|subtitles|subs)\s+"
                  r"(?:of|for)\s+what\s+[\w .'-]{1,30}?\s+(?:says?|said|is\s+saying)\b.*$", "add captions of the voiceover", text)
    # "the tickets line is tiny", "字是不是太小了 老人看不清": bigger (not understood)
    text = re.sub(r"(?i)^\s*(?:the\s+)?(?P<x>[\w' £$@.-]{1,30}?)(?:\s+(?P<k>line|text|writing|words|caption|captions|title|cta))?\s+"
                  r"(?:is|are|'s|looks?)\s+(?:way\s+|so\s+|too\s+|a\s+bit\s+|really\s+|kinda\s+|very\s+)*(?:tiny|small|too\s+small|"
                  r"hard\s+to\s+read|unreadable)\s*[.!]*\s*$",
                  lambda m: m.group(0) if re.search(r"(?i)\b(?:pictures?|photos?|images?|pics?|videos?|clips?|logo|frame|it|shots?)$",
                                                    m.group("x")) and not m.group("k") else  # (what is shown: as it was read)
                  f"make the {m.group('x')} bigger" if m.group("x").lower() in ("text", "writing", "words", "captions", "caption",
                                                                                 "title", "cta") else
                  f"make the {m.group('x')} {'text' if m.group('k') in (None, 'line') else m.group('k')} bigger", text)
    text = re.sub(r"^\s*(?P<x>字|文字|字幕|标题)(?:是不是|好像|感觉|有点|有些)?(?:太|有点)?小了?[吗啊呀]?[？?]*(?:[\s，,]+[^，,。]{0,10}看不清[楚]?[了吧啊]?)?\s*$",
                  r"\g<x>大一点", text)
    # "remove the caption about delivery, too much writing": why (it took the verb and removed every text)
    text = re.sub(r"(?i)(?<=\S)\s*[,;.!-]+\s*(?:there'?s\s+|it'?s\s+|its\s+)?(?:way\s+|far\s+|just\s+)?(?:too\s+much|so\s+much|a\s+lot\s+of)\s+"
                  r"(?:text|writing|words|info|going\s+on)(?:\s+on\s+(?:screen|it))?\s*[.!]*\s*$", "", text)
    # "remove the caption about delivery": the caption that says it ("Which text?")
    text = re.sub(r"(?i)\bthe\s+(?P<k>caption|text|line)\s+(?:about|saying|that\s+says)\s+(?:the\s+)?(?P<x>[a-z]{3,20})\b",
                  r"the \g<x> \g<k>", text)
    # "use the before after clip first": a name (its "before" was read as a place: not understood)
    text = re.sub(r"(?i)\bthe\s+before\s*(?:and|&|\+)?\s*after\s+(clip|video|vid|pic|photo|picture|shot|one)\b", r"the before/after \1", text)
    text = re.sub(r"(?i)^\s*use\s+the\s+(?P<x>[\w' ./-]{2,40}?)\s+(?P<w>first|last)(?:\s+(?:pls|please))?\s*[.!]*\s*$",
                  lambda m: f"put the {m.group('x')} {m.group('w')}", text)
    # "pic of the peonies first pls": that shot first (not understood)
    text = re.sub(r"(?i)^\s*(?:the\s+)?(?:pic|photo|picture|image|shot|clip|video|vid)\s+(?:of|with)\s+the\s+(?P<x>[\w' .-]{2,40}?)\s+"
                  r"(?P<w>first|last|at\s+the\s+(?:start|end))(?:\s+(?:pls|please))?\s*[.!]*\s*$",
                  lambda m: f"put the {m.group('x')} {'last' if m.group('w') in ('last', 'at the end') else 'first'}", text)
    # "can the title be Mother's Day at Petal & Stem": what it should be (not understood)
    text = re.sub(r"(?i)^\s*(?:can|could)\s+(?:we\s+|you\s+|u\s+)?(?:make\s+|have\s+)?(?:the\s+)?(?P<r>title|headline|cta|call\s+to\s+action)"
                  r"\s+(?:be|say|read)\s+(?P<x>\S.*?)\s*\?*\s*$", lambda m: f"the {m.group('r')} should be {m.group('x')}", text)
    # "no sorry i meant hard cuts, fades look cheesy": why, not the music's fades too
    text = re.sub(r"(?i)\b(hard\s+cuts?|straight\s+cuts?|no\s+(?:fades|transitions|crossfades))\s*[,.;!-]+\s*(?:the\s+|those\s+)?"
                  r"(?:fades?|crossfades?|transitions?|dissolves?)\s+(?:look|looks|are|feel|feels|seem|seems)\s+(?:a\s+bit\s+|so\s+|kinda\s+|too\s+)?"
                  r"\w+\s*[.!]*\s*$", r"\1", text)
    # "can the van be at the end with the number": that shot last (the call to action "already was" at the end)
    text = re.sub(r"(?i)^\s*(?:can|could)\s+(?:we\s+(?:have|put)\s+|you\s+put\s+)?the\s+(?P<x>(?!title|cta|call|text|caption|logo|music|"
                  r"song|voice)[\w' -]{2,30}?)\s+(?:be|go)\s+(?:at\s+the\s+end|last)(?:\s+with\s+the\s+(?:number|phone|cta|call\s+to\s+"
                  r"action|website|address|details|info))?\s*\??\s*$", lambda m: f"put the {m.group('x')} at the end", text)
    # "抖音上不能放微信号 会限流 还是去掉吧": the WeChat ID out, why said around it (it read 抖音 as the frame)
    text = re.sub(r"^.*?(?:不能|不要|别|不让)(?:放|留|显示|出现|写)?(?:上)?微信号?.*?(?:去掉|删掉|拿掉|删了|不要了)吧?[。！!]*$", "去掉微信号", text)
    # "the live clip audio is clashing with the song": that clip's own sound off (it "kept the sound of the clip")
    text = re.sub(r"(?i)^\s*(?:the\s+)?(?P<x>[\w' -]{2,30}?)(?:'s)?\s+(?:audio|sound)\s+(?:is\s+|keeps\s+)?(?:clashing|clashes|fighting|"
                  r"competing|messing)\s+with\s+the\s+(?:song|music|track|beat|bgm)\b.*$", lambda m: f"mute the {m.group('x')}", text)
    # "the writing is hard to read on the orange truck pic": the picture's colour, not the text's (it turned every text orange)
    text = re.sub(r"(?i)\b((?:hard|difficult|impossible)\s+to\s+(?:read|see)|can'?t\s+(?:read|see)\s+(?:it|them)|unreadable|not\s+readable)"
                  r"(\s+(?:on|over|against)\s+(?:the|that|this|my)\s+)(?:bright\s+|dark\s+|light\s+)?(?:orange|red|yellow|white|black|"
                  r"blue|green|pink|purple|gr[ae]y|brown|gold|beige)\s+", r"\1\2", text)
    # "perfect. can i also get a 16:9 one": praise before the ask ("I did not understand 'perfect'")
    text = re.sub(r"(?i)^\s*(?:(?:perfect|great|awesome|nice|amazing|brilliant|lovely|cool|love\s+it|looks?\s+(?:great|good|amazing|"
                  r"perfect|lovely)|that'?s\s+(?:great|perfect|better|lovely|amazing|brilliant)|thanks?(?:\s+you)?|ty|ok(?:ay)?|"
                  r"好的|好|可以|不错|很好)(?:\s+(?:thanks?|ty))?\s*[,.!，。！]+\s*)+(?=\S)", "", text)
    text = re.sub(r"^\s*(?:好的|好|可以|不错|行|嗯+|好吧)[\s，,。!！]+(?=\S)", "", text)  # "好的 微信号在上面吗", "行 多长时间"
    # (a mark after it: "cool tones please", "nice and slow" are asks)
    # "nvm. last thing take out the sunday hours", "one more thing: …": how the message goes on, no shot (it removed
    # the last one)
    text = _RX_ONE_MORE_THING.sub(" ", text)
    # "15 seconds is too short for all that text lol make it 25": why it is too short, no text to change ("Which text?")
    text = re.sub(r"(?i)\b(too\s+(?:short|long|fast|quick))\s+(?:for|to\s+(?:read|fit|show))\s+(?:all\s+)?(?:of\s+)?"
                    r"(?:that|the|this|these|those|my)?\s*(?:text|words|captions|info|information|writing)\b", r"\1", text)
    # "and that i do boiler servicing £75, emergency callouts 24/7" (after "put my number on it"): what the business
    # offers, shown with the call to action (not understood)
    text = _RX_WE_OFFER.sub(_we_offer, text)
    # "the writing goes off the edge", "too much writing": the text
    text = re.sub(r"(?i)\bwriting\b", "text", text)
    # "prices are gone too fast i cant read them": the captions too fast (not understood)
    text = re.sub(r"(?i)^\s*(?:the\s+)?(?:prices?|words?|text|info|captions?|deals?|offers?|facts?)\s+(?:are|is|go|goes)\s+"
                    r"(?:gone\s+|going\s+|off\s+|away\s+)?too\s+(?:fast|quick(?:ly)?)\b.*$", "the captions are too fast", text)
    # "kids cuts $20 add that, under 12": that priced thing added at the end (the "$20" went into the hours' row)
    text = _RX_ADD_THAT.sub(lambda m: f"add {m.group('x').strip()}{' (' + m.group('y').strip() + ')' if m.group('y') else ''} "
                              "at the end", text)
    # "title in orange like our logo": the colour said, the logo only what it is like (it resized the logo)
    text = re.sub(r"(?i)(?<=[a-z])\s+(?:like|to\s+match|matching|same\s+as)\s+(?:our|the|my)\s+logo(?:'s)?(?:\s+colou?rs?)?\b",
                    "", text)
    # "能不能加一句 通过率98%", "挺好的 再加个 名额有限 每月只招20个", "能不能加个我们的价格 生椰西瓜冰16 杨枝甘露18": a line
    # added at the end, as "结尾加一句：…" is (not understood)
    text = _RX_ZH_ADD_LINE.sub(lambda m: "结尾加一句：" + " · ".join(x for x in re.split(r"[\s，,、]+", m.group("x")) if x), text)
    # "… too short lol make it 25": a laugh between two thoughts ends the first
    text = re.sub(r"(?i)(?<=[a-z0-9])\s+(?:lol|lmao|haha\w*)\s+(?=[a-z])", ", ", text)
    # "how long is it now? needs to be under 30 sec": the rest says the length and is answered with it (it SET 30 s)
    text = re.sub(r"(?i)^\s*how\s+long\s+is\s+(?:it|the\s+(?:video|ad|reel))(?:\s+now)?\s*\?+\s+(?=\S)", "", text)
    # "体验课改成19.9 9.9的活动结束了": the new number, then why (it wrote the reason into the call to action)
    text = re.sub(r"((?:改成|改为|换成|变成)\s*\d+(?:\.\d+)?\s*(?:元|块)?)\s+[^\s，,。]*?(?:了|啦|呢|哦)[。！!]*$", r"\1", text)
    return text


_TIME_IN = r"(?P<t>\d{1,2}:\d{2}|\d{1,3}\s*(?:s|secs?|seconds?)\b)"
# where a clip is to start, said with the part wanted (session 33's batch: each changed the clip's LENGTH or, "just use
# the kitchen bit", removed every other shot)
_RX_CLIP_FROM = (
    # "walkthrough is too long, just use the kitchen bit from 0:40"
    re.compile(r"(?i)^\s*(?P<x>(?:the\s+)?[\w' .-]{1,40}?)(?:\s+is|'s)?\s+(?:way\s+|a\s+bit\s+)?too\s+long,?\s+"
               r"(?:just|only)\s+(?:use|keep|want|show)\s+the\s+[\w' -]{0,30}?(?:bit|part|section|moment)\s+"
               rf"(?:from|at|around|after)\s+(?:like\s+|about\s+|around\s+)?{_TIME_IN}\s*[.!]*\s*$"),
    # "the wrapping clip, only the bit where i tie the ribbon, its near the end like from 18s"
    re.compile(r"(?i)^\s*(?P<x>the\s+[\w' .-]{1,40}?(?:clip|video|vid|footage)),?\s+(?:just\s+|only\s+)?(?:the\s+)?"
               r"(?:bit|part|section)\s+(?:where|when)\b[^,]*,\s*(?:it'?s\s+|its\s+)?(?:(?:near|at|towards)\s+the\s+end\s+)?"
               rf"(?:like\s+|about\s+|around\s+)?(?:from\s+)?{_TIME_IN}\s*[.!]*\s*$"),
    # "the class flow clip, start it from like 10 sec in, first bit is me setting up the camera": the reason after
    # (its "first bit" made the first picture 10 s long)
    re.compile(r"(?i)^\s*(?P<x>the\s+[\w' .-]{1,40}?),\s*start\s+it\s+(?:from|at)\s+(?:like\s+|about\s+|around\s+)?"
               rf"{_TIME_IN}(?:\s+in)?\s*(?:,.*)?$"),
)
# "包花那个视频 只要后面扎丝带那段 大概30秒开始": that clip from 30 s (it was made 30 s long)
_RX_ZH_CLIP_FROM = re.compile(r"^\s*(?P<x>[^\s，,。]{1,12}?(?:那个|这个)?(?:视频|片段|那段))[\s，,]*只要[^\s，,。]{0,14}[\s，,]*"
                              r"(?:大概|大约|差不多|从)?\s*(?P<t>\d{1,3})\s*秒(?:左右)?开始\s*$")


def _clip_from(text: str) -> str:
    """Where a clip is to start, said with the part wanted: "use <the clip> from <time>"."""
    for rx in _RX_CLIP_FROM:
        if m := rx.match(text):
            x = m.group("x").strip()
            return f"use {x if x.lower().startswith('the ') else 'the ' + x} from {m.group('t')}"
    if m := _RX_ZH_CLIP_FROM.match(text):
        return f"{m.group('x')}从{m.group('t')}秒开始"
    return text


def _bit_around(text: str) -> str:
    """"use the bit of the ep1 clip where we both laugh, it's around 1:02": "use the ep1 clip from 1:02"."""
    m = _RX_BIT_AROUND.match(text)
    return f"use {m.group('x')} from {m.group('t')}{m.group('rest')}" if m else text


# "make it shorter pls like by a third", "cut it down by half": the video's length less that part (it shortened the
# third shot)
_RX_SHORTER_BY_PART = re.compile(r"(?i)\b(?:make\s+(?:it|the\s+video)\s+shorter|shorten\s+(?:it|the\s+video)|cut\s+(?:it|the\s+video)"
                                 r"(?:\s+down)?|trim\s+(?:it|the\s+video))\s+(?:(?:pls|please|like|maybe|about|roughly)\s+)*by\s+"
                                 r"(?P<p>a\s+third|one\s+third|a\s+quarter|half|a\s+half)\b")


def _shorter_by_part(m: re.Match[str], tl: Timeline) -> str:
    keep = {"a third": 2 / 3, "one third": 2 / 3, "a quarter": 3 / 4, "half": 1 / 2, "a half": 1 / 2}[" ".join(m["p"].lower().split())]
    return f"make it {round(tl.duration * keep / 1000, 1):g} seconds"


def _length_stated(text: str, tl: Timeline) -> str:
    """"the screen recording is 25 seconds, only use 8 sec of it from the middle": a clip's own length said
    before what to do with "it" is no change (it set the clip to 25 s): the rest, "it" said as the clip."""
    m = _RX_LENGTH_STATED.match(text)
    if m is None:
        return text
    words = set(re.findall(r"[a-z0-9]{3,}", m.group("x").lower()))
    n = float(m.group("n")) * 1000
    for a in tl.assets:
        if a.kind is AssetKind.VIDEO and a.duration_ms and abs(a.duration_ms - n) <= 1500 \
                and words & set(re.findall(r"[a-z0-9]{3,}", a.name.lower())):
            return re.sub(r"(?i)\bit\b", f"the {m.group('x')}", m.group("rest"), count=1)
    return text


def _zh_said_plainly(text: str, tl: Timeline, lib: tuple[Asset, ...], new: tuple[Asset, ...]) -> str:
    """A Chinese clause as the rules read it: a text said by its words and 那个字 ("第二杯半价那个字 换成红色的": that
    text; the shots were asked about, "的字" made every text red), a picture faulted then taken out ("招生简章那张图字太小
    … 去掉吧": that picture; every text went), a correction without what is said around it ("哦不对 活动是到3月20号
    写错了"; "不对，绿色" still corrects the last change), when without what ("口播的时候 剥橙子声音太吵了": the clip;
    the voiceover was turned down, while "旁白的时候音乐再小一点" ducks the music)."""
    for said in {x for texts in _texts_shown(tl) for t in texts for x in t.split(" · ") if P.CJK.search(x) and len(x) >= 2}:
        text = re.sub(rf"{re.escape(said)}\s*(?:那个|这个|那几个|这几个|的)?(?:字|文字)(?![幕体号])(?=.*(?:换成|改成|变成|改为))", said, text)
    if (zh_cut := _RX_ZH_FAULT_THEN_CUT.match(text)) and _find_targets(_ctx(zh_cut.group("x"), [], tl, lib, new)):
        text = f"把{zh_cut.group('x')}删掉"
    text = re.sub(r"^\s*(?:哦|噢|啊|诶|欸|哎呀|哎)?\s*(?:不对|等等|等一下|对了)[，,！!。\s]+(?=[^\d]*\d)|"
                  r"[，,\s]*(?:我|之前|刚才|原来|上次)?(?:写错了|搞错了|弄错了|打错了|写错啦|说错了|看错了)[。！!]*\s*$", "", text)
    if not re.search(r"音乐|配乐|bgm|BGM|歌", text):
        text = re.sub(r"^\s*(?:在)?[\u4e00-\u9fff]{1,6}的时候[\s，,]+(?=\S)", "", text)
    return text


_RX_FIRST_WAY = re.compile(r"(?i)^(?P<a>.*?\b(?:cut|trim|make|move|put|set|turn|lower|raise|drop|remove|shorten|mute)\b.*?)\s*,?\s+or\s+"
                           r"(?:just\s+|maybe\s+|even\s+)?(?:fade|cut|trim|make|move|put|set|turn|lower|raise|drop|remove|shorten|mute|"
                           r"duck)\b.*$")


def _first_way(text: str) -> str:
    """Of two ways offered, the first: "cut it to 3 sec or fade it under her voice" (the fade went to the voiceover)."""
    return _RX_FIRST_WAY.sub(r"\g<a>", text)


# "招生简章那张图字太小 手机上看不清 去掉吧": the picture named goes (it removed every text: "字" and "去掉")
_RX_ZH_FAULT_THEN_CUT = re.compile(r"^\s*(?:把)?(?P<x>[^\s，,。]{1,10}?)(?:那张|这张|那段|这段|那个|这个)(?:图|图片|照片|视频|片段)?"
                                   r"[^。]*?[\s，,](?:就|那就|还是)?(?:去掉|删掉|删了|拿掉|不要了|不用了)(?:吧|了|算了)?\s*[。！!]?\s*$")


def _fault_cut(m: re.Match[str]) -> str:
    """`_RX_FAULT_THEN_CUT` as one instruction: "cut the first half"; too long and trimmed: shorter."""
    if re.search(r"too\s+long", m.group(0), re.I) and m.group("v").lower() in ("trim", "cut"):
        return f"make {m.group('x')} shorter"
    return f"{m.group('v')} {m.group('x')}"


def _without_keeps(text: str) -> str:
    """``text`` without a clause that only says what stays, when something else is asked ("keep the
    music but make it quieter": "it" is then the music)."""
    first = _RX_KEEP_FIRST.match(text)
    out = text
    if first:
        out = text[first.end():]
        out = re.sub(r"\b(?:it|them)\b(?!\s+(?:vertical|square|horizontal|landscape|portrait|wide|\d|longer|shorter|"
                     r"faster|slower|for\b))", f"the {first.group('k')}", out, count=1, flags=re.I)
    out = _RX_KEEP_ZH.sub("", _RX_KEEP_LAST.sub("", out, count=1), count=1)
    out = _RX_DONT_CUT.sub("", out, count=1)
    return out if out.strip() else text


# "cut it to 30s but don't cut off jordan": what must stay whole (it set Jordan's photo to 30 s); a
# length is never kept by cutting into the voiceover anyway (the reply says when it is)
_RX_DONT_CUT = re.compile(r"(?:\s*,\s*|\s+)(?:but|and|just)\s+(?:please\s+)?(?:don'?t|do\s+not|dont)\s+cut\s+(?:off|out|into)?\s*"
                          r"\S.*?\s*[.!]?\s*$|\s*,?\s+without\s+cutting\s+(?:off\s+)?\S.*?\s*[.!]?\s*$", re.I)


MAX_CLAUSE = 400  # characters: no instruction people type has a longer clause; longer text is not read
MAX_CLAUSES = 24  # parts of one instruction


# a complaint is the change that answers it: "the transitions are too fast" -> "make the transitions slower",
# "标题出现得太晚了" -> "标题早一点" (tried when the clause as said is not understood)
_OPPOSITE = {"fast": "slower", "quick": "slower", "slow": "faster", "long": "shorter", "short": "longer", "late": "earlier",
             "early": "later", "loud": "quieter", "quiet": "louder", "soft": "louder", "big": "smaller", "large": "smaller",
             "small": "bigger", "tiny": "bigger", "dark": "brighter", "bright": "darker"}
_OPPOSITE_ZH = {"快": "慢", "慢": "快", "长": "短", "短": "长", "晚": "早", "早": "晚", "吵": "小", "响": "小", "大声": "小",
                "小声": "大", "大": "小", "小": "大", "暗": "亮", "亮": "暗"}
_COMPLAINT = re.compile(
    rf"^(?:(?:i\s+think|honestly|hmm|ok|okay)\s*,?\s+)?(?P<x>.+?)\s+(?:is|are|'s|feels?|seems?|looks?|comes?\s+in|appears?|"
    rf"shows?\s+up|starts?|goes|go|moves?|plays?)\s+(?:a\s+(?:bit|little)\s+|way\s+|much\s+|far\s+|kind\s+of\s+|still\s+)?"
    rf"too\s+(?P<adj>{'|'.join(_OPPOSITE)})(?:\s+for\s+(?:\w+\s*){{1,3}})?\s*[.!]?$")  # ("… too long for instagram")
_COMPLAINT_ZH = re.compile(rf"^(?P<x>.+?)(?:出现得|显示得|播放得|变得|切得|走得|得)?(?:有点|太|过于|有些)(?P<adj>{'|'.join(sorted(_OPPOSITE_ZH, key=len, reverse=True))})了?[。！!]?$")


_GOES_TOO_SOON = re.compile(r"^(?P<x>.+?)\s+(?:disappears?|goes\s+away|vanishes|leaves|is\s+gone|fades\s+(?:out|away))\s+"
                            r"(?:way\s+|a\s+bit\s+|much\s+|kind\s+of\s+)?(?:too\s+(?:fast|quickly|quick|soon|early)|so\s+(?:fast|quickly)|"
                            # "the offer text goes away before I can read it" (it removed the offer)
                            r"before\s+(?:i|you|we|people|anyone|they|u)\s+(?:can|could|get\s+to|have\s+time\s+to)\s+(?:read|see)(?:\s+it|\s+them)?)"
                            r"\s*[.!]?$")
_GOES_TOO_SOON_ZH = re.compile(r"^(?P<x>.+?)(?:消失|不见|没)得?(?:太|有点)(?:快|早)了?[。！!]?$|^(?P<y>.+?)多显示一会儿?[。！!]?$")


# "start the music 3 seconds in", "show the cta 20 seconds in", "start the clip 1 second in": at that time
# (into the video, or into a clip's own footage: the in-point rule reads "start the clip at 1 second" so)
_SECONDS_IN = re.compile(r"(?i)^(?P<x>\s*(?:please\s+)?(?:start|begin|bring|show|play)\s+.+?)\s+(?P<n>(?:\d+(?:\.\d+)?|an?|one|"
                         r"two|three|four|five|six|seven|eight|nine|ten)\s*(?:s|secs?|seconds?))\s+in(?:to\s+(?:it|the\s+\w+))?\s*[.!]?\s*$")


_RX_SHOULD_SAY = re.compile(
    r"(?i)^\s*(?P<x>(?:the|this|that|my)\s+(?:\w+\s+){0,3}?(?:title|caption|subtitle|cta|call\s+to\s+action|text|button|headline))"
    r"\s+(?:is|'s|reads|says)\s+(?:wrong|incorrect|misspelled|a\s+typo|not\s+right|off)\s*[,;.:!-]*\s*"
    r"(?:it\s+)?(?:should|must|needs\s+to)\s+(?:say|read|be)\s+(?P<y>.+?)\s*[.!]?$")
# "fix the first caption: Museum Late is back", "fix the typo in the title: Urban Dreams", "correct the cta to …"
_RX_FIX_TEXT = re.compile(
    r"(?i)^\s*(?:please\s+)?(?:fix|correct|repair)\s+(?:the\s+(?:typo|spelling|mistake|error)s?\s+in\s+)?"
    r"(?P<x>(?:the|this|that|my)\s+(?:\w+\s+){0,3}?(?:title|caption|subtitle|cta|call\s+to\s+action|text|button|headline))"
    r"\s*(?:[:：]|\s+to\s+(?:say\s+|read\s+)?|,\s*it\s+should\s+(?:say|read|be)\s+)\s*(?P<y>\S.*?)\s*[.!]?$")
_RX_TYPO = re.compile(r"(?i)\b(?:typo|spelling|misspell\w*|mistake|error)s?\b")


def _fix_text(m: re.Match[str], tl: Timeline) -> str:
    """`_RX_FIX_TEXT` as one change: the text's new words ("change the first caption to …"); a typo
    given as a word or two ("fix the typo in the second caption: January") is that word of the text
    spelt anew ("change Januray to January"), never the whole caption replaced by the one word (left
    as said when no word of it is near)."""
    x, y = m.group("x"), m.group("y")
    if not _RX_TYPO.search(m.group(0)) or len(y.split()) > 2 or "\x00" in y:
        return f"change {x} to {y}"
    from difflib import SequenceMatcher

    role = text_role(x)
    segs = sorted((s for t in tl.tracks if t.kind is TrackKind.TEXT and (role is None or t.role is role)
                   for s in t.segments), key=lambda s: s.start)
    ord_m = re.search(_ORD_FULL, x)
    k = _ord_index(ord_m.group(0)) if ord_m else (0 if len(segs) == 1 else None)
    if k is None or not -len(segs) <= k < len(segs):
        return m.group(0)
    words = re.findall(r"[\w'’-]+", segs[k].text)
    near = max(words, key=lambda w: SequenceMatcher(None, w.casefold(), y.casefold()).ratio(), default=None)
    if near is None or near == y or SequenceMatcher(None, near.casefold(), y.casefold()).ratio() < 0.6:
        return m.group(0)
    return f"change {near} to {y}"


_RX_SHOW_LONGER_ZH = re.compile(r"^(?P<x>.+?)(?:多放|多停|多留|多显示|多展示)(?:一会儿?|几秒钟?|一下|一点)?[。！!]?$")
_RX_SCREEN_TIME = re.compile(
    r"^(?P<x>.+?)\s+(?:needs|should\s+(?:get|have)|deserves|could\s+use|wants|gets|has)\s+(?:a\s+bit\s+|a\s+little\s+|way\s+|"
    r"much\s+|a\s+lot\s+)?(?P<m>more|less)\s+(?:screen\s*)?time(?:\s+on\s+screen)?\s*[.!]?$")
_RX_TOO_CLOSE = re.compile(
    r"^(?P<x>.+?)\s+(?:is|are|'s|looks?|feels?|seems?)\s+(?:a\s+bit\s+|a\s+little\s+|way\s+|kind\s+of\s+|much\s+)?"
    r"(?:too\s+(?:zoomed(?:\s+in)?|tight|close(?:\s+up)?|(?P<crop>cropped))|(?P<cut>cut\s+off))\s*[.!]?$")
# "the first photo should be the second one", "make the cat photo the third one": a place in the order
_RX_BE_PLACE = re.compile(
    rf"^(?:make\s+)?(?P<x>(?:the\s+)?(?:\w+\s+){{0,2}}?(?:photo|picture|image|pic|shot|clip|one))\s+"
    rf"(?:should\s+(?:be|come|go)\s+|the\s+)(?:the\s+)?(?P<ord>{_ORD_FULL})(?:\s+(?:one|photo|picture|image|pic|shot|clip))?\s*[.!]?$")


# "the captions are covering the rocket", "the text covers her face", "字幕挡住了火箭": those texts
# moved out of the way (`text._h_text_out_of_the_way`)
_TEXT_WHO = (r"(?:the\s+|this\s+|that\s+|my\s+|our\s+)?(?:\w+\s+)?(?:captions?|subtitles?|texts?|words|title|headline|cta|"
             r"call\s+to\s+action|overlays?|button|line)")
_RX_COVERS = re.compile(
    rf"^(?P<x>{_TEXT_WHO}(?:\s+(?:on|over|in)\s+the\s+(?:\w+\s+){{0,3}}?(?:photo|picture|image|pic|shot|clip|one))?)"
    r"\s+(?:is\s+|are\s+)?(?:still\s+)?(?:covering|covers?|hid(?:es|ing)|hide|block(?:s|ing)?|"
    r"(?:sits?|sitting|is|are)\s+(?:right\s+)?(?:on|over)(?:\s+top\s+of)?|in\s+front\s+of)\s+"
    r"(?!(?:top\s+of\s+)?(?:the\s+|a\s+)?(?:whole\s+|entire\s+)?(?:captions?|subtitles?|texts?|title|headline|cta|"
    r"call\s+to\s+action|logo|button|screen|frame|video|picture|everything)\b)"
    r"(?P<y>.+?)\s*[.!]?$")
_RX_MOVE_DIR_TAIL = re.compile(r"[,.;]?\s*(?:so\s+|pls\s+|please\s+|can\s+you\s+)?(?:(?:move|put|shift|push)\s+(?:it|them|the\s+text|"
                               r"the\s+captions?|the\s+words)|(?:can|could)\s+(?:it|they)\s+(?:go|be|sit|move))\s+(?:a\s+bit\s+)?"
                               r"(?P<d>down|up|lower|higher|to\s+the\s+(?:bottom|top)|up\s+top|at\s+the\s+(?:bottom|top)|on\s+top)"
                               r"(?:\s+(?:a\s+bit|pls|please|instead))?\s*[.!?]*$")  # ("…, can it go up top?")
_RX_IN_THE_WAY = re.compile(rf"^(?P<x>{_TEXT_WHO})\s+(?:is|are)\s+(?:a\s+bit\s+|kind\s+of\s+)?in\s+the\s+way\s*[.!]?$")
_RX_COVERS_ZH = re.compile(r"^(?P<x>字幕|标题|文字|文案|行动号召|字)(?:把)?(?:挡住|遮住|盖住|挡)了?(?P<y>.*?)(?:的脸|的?脸|人脸)?了?[。！!]?$")


_RX_COVERS_ON_ZH = re.compile(r"^(?P<shot>[^\s，,。]{1,10}?)(?:里|上|中)(?:的|面的?)?(?P<x>字幕|标题|文字|文案|字)(?:把)?[^\s，,。]{0,8}?"
                              r"(?:挡住|遮住|盖住|挡)了?[^\s，,。]{0,8}?了?[。！!]?$")


def _out_of_the_way(text: str) -> str:
    """``text`` said as the change it asks for when it is a text covering something ("the captions
    are covering the rocket": "move the captions on the rocket out of the way"), else as it is."""
    t = N.normalize(text)
    if (tail := _RX_MOVE_DIR_TAIL.search(t)) and (m := _RX_COVERS.match(t[:tail.start()])):
        # "text is covering my face in the try on clip, move it down": that way (it moved every text elsewhere)
        where = re.search(r"\b(?:on|over|in)\s+(the\s+[\w' -]{1,30}?(?:photo|picture|image|pic|shot|clip|one|video))\b", m.group("y"))
        x = m.group("x") + (f" on {where.group(1)}" if where and not re.search(r"\s(?:on|over|in)\s+the\s", m.group("x")) else "")
        way = tail.group("d")
        return f"move {x} {'down' if way in ('down', 'lower') or 'bottom' in way else 'up'}"
    if m := _RX_COVERS.match(t):
        y = re.sub(r"(?:'s|s')\s+(?:face|head|eyes|nose)$|\s*\b(?:face|head|eyes|nose)$", "", m.group("y")).strip()
        if re.fullmatch(r"(?:the|her|his|their|its|my|our|a|an|everything|it|them)?", y) \
                or re.search(r"\s(?:on|over|in)\s+the\s", m.group("x")):  # "… covering her face", "the text on the …"
            return f"move {m.group('x')} out of the way"
        y = y if re.match(r"(?:the|my|our)\b", y) else f"the {y}"
        return f"move {m.group('x')} on {y} out of the way"
    if m := _RX_IN_THE_WAY.match(t):
        return f"move {m.group('x')} out of the way"
    if m := _RX_COVERS_ZH.match(text.strip()):
        return f"把{m.group('y')}上的{m.group('x')}移开" if m.group("y") else f"把{m.group('x')}移开"
    if m := _RX_COVERS_ON_ZH.match(text.strip()):
        # "合照里字把阿姨脸挡住了", "合照上的字挡住了脸": the texts on that shot (not understood, or a general answer)
        return f"把{m.group('shot')}上的{m.group('x')}移开"
    return text


def _answer_to(piece: str) -> str | None:
    """The change that answers a complaint (``piece`` masked, quotes as placeholders), or None."""
    t = N.normalize(piece)
    if m := _RX_SHOW_LONGER_ZH.match(piece.strip()):  # "猫那张多放一会"
        return f"{m.group('x')}长一点"
    if m := _RX_SCREEN_TIME.match(t):  # "the cat needs more screen time"
        return f"give {m.group('x')} {m.group('m')} time"
    if m := _RX_TOO_CLOSE.match(t):  # "the coffee photo is too zoomed in" / "… too cropped"
        bare = re.sub(r"^(?:the|my|our|this|that)\s+", "", m.group("x"))
        return f"show the whole {bare}" if m.group("crop") or m.group("cut") else f"less zoom on {m.group('x')}"
    if m := _RX_BE_PLACE.match(t):
        return f"move {m.group('x')} to {m.group('ord')} place" if m.group("ord") != "last" else f"move {m.group('x')} to the end"
    if m := _GOES_TOO_SOON.match(t):  # "the title disappears too fast": on screen longer
        return f"keep {m.group('x')} on screen longer"
    if m := _GOES_TOO_SOON_ZH.match(piece.strip()):  # "标题消失得太快", "标题多显示一会"
        return f"{m.group('x') or m.group('y')}显示久一点"
    if m := _COMPLAINT.match(t):
        return f"make {m.group('x')} {_OPPOSITE[m.group('adj')]}"
    if m := _COMPLAINT_ZH.match(piece.strip()):
        return f"{m.group('x')}{_OPPOSITE_ZH[m.group('adj')]}一点"
    return None


def _text_by_its_words(piece: str, tl: Timeline) -> str | None:
    """``piece`` with a text named by some of its words ("the 30% off should be bigger", "make the
    summer sale red", "把全场8折改成红色": two or more words, or one with a digit) said as that text
    ("the call to action should be bigger"), or None when no single text is named so."""
    t = piece.casefold()
    zh = P.is_chinese(piece)
    found: dict[str, tuple[Role, int, str]] = {}
    for tr in tl.tracks:
        if tr.kind is not TrackKind.TEXT or tr.role not in _TEXT_WORDS:
            continue
        for i, seg in enumerate(tr.segments):
            if m := named_run(t, seg.text):
                found[seg.id] = (tr.role, i if len(tr.segments) > 1 else -99, piece[:m.start()] + "\x01" + piece[m.end():])
    if len(found) != 1:
        return None
    role, i, marked = next(iter(found.values()))
    en, zh_word = _TEXT_WORDS[role]
    if zh:
        name = (f"第{i + 1}个" if i >= 0 else "") + zh_word
        return marked.replace("\x01", name)
    name = (f"{O.ordinal(i)} " if i >= 0 else "") + en
    said = re.sub(r"(?i)\bthe\s+\x01", "\x01", marked)
    return said.replace("\x01", f"the {name}")


_TEXT_WORDS = {Role.TITLE: ("title", "标题"), Role.CAPTION: ("caption", "字幕"), Role.CTA: ("call to action", "行动号召")}


# "after the voice ends", "when the voiceover stops", "旁白结束后": the time the voiceover ends
_VOICE_ENDS = re.compile(
    r"(?P<when>\b(?:after|once|when|as\s+soon\s+as|from\s+when|till|until)\s+)(?:the\s+|our\s+|my\s+)?"
    r"(?:voice[\s-]?over|voice|narration|narrator|speaker|talking|speech|vo)\s+"
    r"(?:ends|finishes|stops|is\s+(?:done|over|finished)|has\s+(?:ended|finished|stopped))\b|"
    r"(?P<zh>旁白|配音|人声|解说)(?:说完|结束|讲完)(?P<zh_when>以?后|之后|时|的时候)")


# "keep the title on screen till the end", "show the cta until the end": a text's end at the video's
_TEXT_TO_END = re.compile(
    r"(?i)^(?!.*\b(?:don'?t|do\s+not|never|not|no|hide|hidden)\b)"  # "don't show the title until the end": only then
    r"(?=.*\b(?:title|cta|call\s+to\s+action|captions?|texts?|button|tagline|subtitle)\b)"
    r"(?=.*\b(?:stay|stays|show|keep|last|remain|visible|up|display|hold)\b)(?P<head>.*?\b)(?:un)?til+\s+the\s+(?:very\s+)?end"
    r"(?:\s+of\s+(?:the\s+)?(?:video|reel|clip))?\b")


# "no music while he talks", "mute the music during the voiceover", "说话的时候不要音乐": the voiceover's
# time (it removed or muted the whole music); a level said so ("too loud when she talks") ducks instead
_WHILE_SPEAKING = re.compile(
    r"\b(?:while|when|whenever|as)\s+(?:he|she|they|someone|i|we|the\s+(?:voice[\s-]?over|voice|narrator|speaker|"
    r"presenter|host|narration))\s+(?:talks|speaks|narrates|is\s+(?:talking|speaking|on)|are\s+(?:talking|speaking)|"
    r"am\s+(?:talking|speaking))\b|\b(?:during|over|under)\s+the\s+(?:voice[\s-]?over|narration|voice|talking|speech)\b|"
    r"(?:说话|讲话|旁白|人声|解说)(?:的时候|时|期间)")
_ABSENT = re.compile(r"\b(?:no|mute[ds]?|silence[ds]?|kill|turn\s+off|switch\s+off|cut|remove|without|stop)\b|不要|静音|关掉|去掉|没有", re.I)


def _times_said(piece: str, tl: Timeline) -> str:
    """``piece`` with the times it names by what happens then said in seconds: the moment the
    voiceover ends ("music louder after the voice ends" -> "… after 7.84s"; it turned the whole music
    up) and a text kept "till the end" ("show the cta until the end": not understood), or as it was."""
    if m := _TEXT_TO_END.search(piece):
        piece = f"{m.group('head')}until {tl.duration / 1000:g} seconds{piece[m.end():]}"
    voice = tl.track(Role.VOICE)
    if voice is not None and voice.segments and _ABSENT.search(piece) and (w := _WHILE_SPEAKING.search(piece)):
        a, b = (f"{x / 1000:.2f}".rstrip("0").rstrip(".") for x in (voice.segments[0].start, voice.segments[-1].end))
        said = f"{a}秒到{b}秒" if P.is_chinese(w.group(0)) else f"from {a}s to {b}s"
        piece = piece[:w.start()] + said + piece[w.end():]
    m = _VOICE_ENDS.search(piece)
    if m is None or voice is None or not voice.segments:
        return piece
    at = f"{max(s.end for s in voice.segments) / 1000:.2f}".rstrip("0").rstrip(".")
    if m.group("zh"):
        if re.match(r"\s*(?:，|,)?\s*(?:视频|片子|整个视频)?\s*(?:就|也)?\s*(?:结束|停止|停)", piece[m.end():]):
            return f"视频在{at}秒结束"  # "旁白结束后视频就结束"
        said = f"{at}秒" + ("以后" if "后" in m.group("zh_when") else "时")
    else:
        word = m.group("when").strip().lower()
        said = {"till": "until", "when": "at", "as soon as": "at", "from when": "from"}.get(word, "after" if word == "once" else word) + f" {at}s"
    return piece[:m.start()] + said + piece[m.end():]


# what a Chinese text said whole is asked: its size, colour, place ("第二杯半价 放大点", "电话号码 往上挪")
_EN_TEXT_LOOK = re.compile(r"(?i)\s+(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|way\s+|much\s+|even\s+|more\s+)?(?:bigger|larger|smaller|"
                           r"bold(?:er)?|brighter|(?:in\s+)?(?:red|yellow|white|black|blue|green|orange|pink|purple|gold)|"
                           r"higher|lower|(?:further\s+)?(?:up|down))(?:\s+(?:pls|please|too|as\s+well))?\s*[.!]*")
_ZH_TEXT_LOOK = re.compile(r"\s*(?:再|要|调|改)?(?:放大|大一?[点些]|缩小|小一?[点些]|加粗|[红黄白黑蓝绿橙粉紫金]色|颜色|显眼|醒目|往上|往下|"
                           r"上移|下移|挪)")


def _text_said_whole(said: str, tl: Timeline | None) -> str:
    """"第二杯半价 放大点 要红色": a text on screen said whole, unquoted and unnamed as a text, before
    a word of its look, is that text ("第二杯半价那句 放大点"; the pictures zoomed in); so in English, said
    first ("first session free bigger": its words were set to "First session free bigger")."""
    if tl is None:
        return said
    if not P.CJK.search(said):
        for text in sorted({x.text.strip() for t in tl.tracks if t.kind is TrackKind.TEXT for x in t.segments}, key=len, reverse=True):
            lead = re.match(rf"(?i)\s*(?:the\s+)?{re.escape(text)}(?:\s+(?:bit|part|line|one|text))?(?=\s)", said)
            if len(text.split()) >= 2 and lead and _EN_TEXT_LOOK.fullmatch(said[lead.end():]):
                rest = said[lead.end():]
                if way := re.search(r"(?i)\b(higher|up|lower|down)\b", rest):
                    return f"move {text} {'up' if way.group(1).lower() in ('higher', 'up') else 'down'}"
                return f"make {text}{rest}"
        return said
    for text in sorted({x.text.strip() for t in tl.tracks if t.kind is TrackKind.TEXT for x in t.segments}, key=len, reverse=True):
        if len(text) < 3 or not P.CJK.search(text) or (at := said.find(text)) < 0:
            continue
        end = at + len(text)
        if _ZH_TEXT_LOOK.match(said, end) and not re.match(r"那句|那行|的字|这句|这行", said[end:]):
            return said[:end] + "那句" + said[end:]
    return said


# "五一涨价那句不要了 改成 节假日价格请咨询", "五一涨价那句删掉": the line named by words only one part of a row holds
_ZH_SENTENCE_OFF = re.compile(r"^\s*(?P<x>[^，,。\s]{2,12}?)(?:那句|这句|那行|这行|那条)(?:话)?(?:不要了?|去掉|删了|删掉|别要了|拿掉)"
                              r"(?:[\s，,]*(?:改成|换成|写成|改为)\s*(?P<y>[^，,。\s][^，,。]*?))?\s*[。！]*\s*$")


def _sentence_of_a_row_zh(said: str, tl: Timeline | None) -> str:
    """`_ZH_SENTENCE_OFF` said as the change of that part alone ("去掉…", "把…改成…"; it removed the whole row, a
    room's price and the phone with it); as it is when no one part of a row holds the words."""
    m = _ZH_SENTENCE_OFF.match(said)
    if m is None or tl is None:
        return said
    parts = [p for t in tl.tracks if t.kind is TrackKind.TEXT for x in t.segments if " · " in x.text
             for p in x.text.split(" · ") if m.group("x") in p]
    if len(parts) != 1:
        return said
    return f"把{parts[0]}改成{m.group('y')}" if m.group("y") else f"去掉{parts[0]}"


def _texts_shown(tl: Timeline) -> tuple[list[str], list[str]]:
    """The words on screen: the titles' apart (a title "Black Friday" is no date to correct)."""
    texts = [(tr.role, s.text) for tr in tl.tracks if tr.kind is TrackKind.TEXT for s in tr.segments]
    return [t for r, t in texts if r is not Role.TITLE], [t for r, t in texts if r is Role.TITLE]


# a word of manners after what is asked (the handlers read their words to the end: "put the clip first pls" was not understood)
_POLITE_TAIL = re.compile(r"(?i)(?:[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|ty|cheers|x+|ta)\b)+[\s.!]*$")


def _run(piece: str, quotes: list[str], tl: Timeline, lib: tuple[Asset, ...], new: tuple[Asset, ...]) -> _Result:
    piece = _times_said(piece, tl)
    if m := _SECONDS_IN.match(piece):
        words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
        n = re.sub(r"^[a-z]+\b", lambda w: str(words.get(w.group(0).lower(), w.group(0))), m.group("n").strip(), flags=re.I)
        r = _run_as_said(f"{m.group('x')} at {n}", quotes, tl, lib, new)
        if r.ok:
            r.text = piece.strip()
            return r
    r = _run_as_said(piece, quotes, tl, lib, new)
    if not r.ok and r.question is None and r.cannot is None and (bare := _POLITE_TAIL.sub("", piece)) != piece and bare.strip():
        again = _run_as_said(bare, quotes, tl, lib, new)  # "put the clip first pls", "… please", "… thanks x"
        if again.ok or again.question is not None or again.cannot is not None:
            again.text = r.text
            return again
    if not r.ok and r.question is None and r.cannot is None and (answer := _answer_to(piece)) is not None:
        again = _run_as_said(answer, quotes, tl, lib, new)
        if again.ok:
            again.text = r.text
            return again
    shown = _texts_shown(tl) if not r.ok else ([], [])
    if not r.ok and r.question is None and (change := as_change(piece, *shown)) is not None:
        again = _run_as_said(change, quotes, tl, lib, new)  # "doors at 8pm instead": "change the doors to 8pm"
        if again.ok or again.cannot is not None:  # (or why not: "move it to monday" on "Dec 12-14")
            again.text = r.text
            return again
    if not r.ok and r.question is None and r.cannot is None and (priced := priced_thing_not_shown(piece, *shown)) is not None:
        # "2hr is £170 now sorry" with no 2hr price on screen (the first cut left it out): shown at the end, said so
        thing, value = priced
        zh = P.is_chinese(piece)
        if zh and re.fullmatch(r"\d[\d.]*", value):
            value += "元"
        words = f"{thing} {value}"
        asked = f"结尾加上\x00{len(quotes)}\x00" if zh else f"add \x00{len(quotes)}\x00 at the end"
        again = _run_as_said(asked, [*quotes, words], tl, lib, new)
        if again.ok:
            again.text = r.text
            again.notes = [*again.notes, f"画面上原来没有「{thing}」的文字，所以加在了结尾。" if zh else
                           f"No text showed the {thing} price, so it is added at the end."]
            return again
        r.cannot = (f"画面上没有写「{thing}」的文字；要加上可以说“加字幕「{words}」”" if zh else
                    f"no text on screen says '{thing}'; to show it, say e.g. \"add the caption '{words}'\"")
    # not understood, or read as the whole picture's colour ("make the 20% off pop more" turned the
    # saturation up): a text named by some of its words, said as that text
    graded = r.ok and all(isinstance(o, O.SetGrade) for o in r.ops or ())
    if (not r.ok and r.question is None or graded) and (named := _text_by_its_words(piece, tl)) is not None:
        again = _run_as_said(named, quotes, tl, lib, new) if named != piece else r  # once: no second rewording
        if again.ok:
            again.text = r.text
            return again
    if not r.ok and r.question is None and r.cannot is None and (kind := fact_not_shown(piece, *shown)):
        # "it's at Central Park now" with no venue shown: said so, and how to show one
        r.cannot = (f"画面上没有{kind}；要显示可以说“加字幕「…」”" if P.is_chinese(piece) else
                    f"no {kind} is shown on screen; to show one say e.g. \"add the caption '…'\"")
    return r


def _run_as_said(piece: str, quotes: list[str], tl: Timeline, lib: tuple[Asset, ...], new: tuple[Asset, ...]) -> _Result:
    c = _ctx(piece, quotes, tl, lib, new)
    r = _Result(text=c.raw)
    if len(c.t) > MAX_CLAUSE:  # bounded work for any input (the service takes 10,000 characters)
        r.text = c.raw[:60].rstrip() + "…"
        return r
    try:
        r.ops = _plan_clause(c)
    except _Ambiguous as exc:
        r.question = str(exc)
    except (_Cannot, UnplacedDay) as exc:
        r.cannot = str(exc)
    except ValidationError as exc:  # a value past an op's bounds ("music to 99999%"): said, not raised
        if any(O.NO_VISIBLE in e["msg"] for e in exc.errors()):
            r.cannot = f"{O.NO_VISIBLE}: put the words to show in quotes"
        else:
            r.cannot = f"that is out of range ({O.brief(exc)})"
    if r.ok and _has(_ALL_BUT, c.t) and not c.complement and any(not isinstance(o, O.RemoveSegment) for o in r.ops or []):
        # "remove the motion from every photo except the first", "remove all the text except the
        # title": the handlers act on what "except" names (the opposite of what was asked); only
        # shots are kept this way (`_h_keep_only`), for the rest the user names what to change
        r.ops = None
        r.question = ("还不能做“除了…以外全部”的修改；请直接说要改哪些，例如“第二张和第三张图片去掉动画”“去掉行动号召”。"
                      if c.zh else "I cannot yet change everything except some: name what it is for, "
                                   "e.g. 'no motion on the second and third photos', 'remove the call to action'.")
    if r.ok:
        r.notes = list(c.notes)
    if r.question is None and r.cannot is None and (a := _absent(c)) is not None:
        named = any(t.name for o in r.ops or [] for t in M.targets_of(o))
        # "no zoom on the dog" with no dog: an op that may name a shot but names none would act on all
        every_shot = any("target" in type(o).model_fields and getattr(o, "target", None) is None for o in r.ops or [])
        if r.ok and named:  # "put the scarf first and the shoe last" with no scarf: the shoe moves, the reply says
            r.absent = a
        elif not r.ok or "." in a or every_shot:  # "make scarf.jpg 3 seconds" is not the video's length
            r.ops, r.cannot = None, _absent_said(a, c)
    return r


def _absent_said(word: str, c: _Ctx) -> str:
    """No file is called ``word``: said with the shots there are when their names say nothing of what they show
    ("put BEFORE on the dirty one" with IMG_4412.jpg …: the pictures are known by their names, not what is in them)."""
    shots = list(c.main_segs())
    if "." in word or not shots or not any(is_file_junk(s.name.rsplit(".", 1)[0]) for s in shots):
        return f"there is no '{word}' in the project"
    names = ", ".join(f"{k + 1}. {s.name}" for k, s in enumerate(shots[:8]))
    return (f"there is no '{word}' in the project (I know the pictures by their file names, not by what they show: "
            f"{names}); say e.g. 'the second picture' or part of its name")


def _run_remembering(piece: str, quotes: list[str], tl: Timeline, lib: tuple[Asset, ...], new: tuple[Asset, ...],
                     mem: M.Memory, in_turn: bool) -> _Result:
    """Plan a clause, reading it against the conversation memory: a follow-up ("and the next one
    too", "put it back"), or "it" meaning the thing last referred to."""
    zh = P.is_chinese(piece)
    raw = _ctx(piece, quotes, tl, lib, new).raw
    if asks_about_video(N.normalize(piece)):
        return _run(piece, quotes, tl, lib, new)  # a question is answered, never a follow-up of the last change
    if not mem.empty and re.match(r"\s*no\s+[a-z]", N.normalize(piece)):
        # "no motion", "no text": a negation of its own, not the correction "no, red" of the last change
        r = _run(piece, quotes, tl, lib, new)
        if r.ok:
            return r
    if not mem.empty:
        def find(ref: str) -> list[O.Target]:
            return [x for r in _find_targets(_ctx(ref, quotes, tl, lib, new)) for x in r.all]

        got = M.follow_up(N.normalize(re.sub(r"\x00\d+\x00", " ", piece)), mem, tl, lib, find, zh)
        if isinstance(got, list):
            return _Result(text=raw, ops=got)
        if isinstance(got, str):
            r = _run(got, quotes, tl, lib, new)
            if r.ok:
                r.text = raw
                return r
    swapped = M.resolve_pronoun(piece, mem, zh) if not mem.empty else None
    if swapped is not None and in_turn:  # "…and make it 5 seconds": "it" is what the clause before named
        r = _run(swapped, quotes, tl, lib, new)
        if r.ok:
            r.text = raw
            return r
    r = _run(piece, quotes, tl, lib, new)
    fits = (O.SetSpeed, O.SetClipAudio) if (mem.target or {}).get("kind") == "video" else (O.SetMotion, O.SetTransition, O.SetFit)
    if r.ok and swapped is not None and not in_turn and all(isinstance(o, fits) and o.target is None for o in r.ops or []):
        # "pan left on it instead": "it" is the photo just changed, not every photo
        r2 = _run(swapped, quotes, tl, lib, new)
        if r2.ok and [type(o) for o in r2.ops or []] == [type(o) for o in r.ops or []] \
                and all(getattr(o, "target", None) is not None for o in r2.ops or []):
            r2.text = raw
            return r2
    if not r.ok and swapped is not None and not in_turn:
        r2 = _run(swapped, quotes, tl, lib, new)
        if r2.ok:
            r2.text = raw
            return r2
    return r


_REASON = re.compile(r"^it\s+(?:crops|cuts\s+off|covers|hides|blocks)\s+(?:the|her|his|their|our|my)\b|"
                     r"^(?:i\s+)?(?:liked|preferred|loved)\s+(?:it|that|the\s+old\s+one)\s+(?:better\s+)?(?:before|more)?\s*[.!]*$|"  # "undo that, liked it before"
                     r"^(?:the\s+)?(?:tiktok|instagram|insta|ig|reels?|youtube|facebook|fb)\s+(?:buttons?|icons?|ui)\s+(?:cover|covers|hide|hides|block|blocks)\b|"
                     r"^(?:(?:kinda|sort\s+of|kind\s+of)\s+)?like\s+(?:a|an|the|those|that|on|in)\s+[\w' -]{2,30}$|"  # "…, like a street sign"
                     r"^(?:put|show|add|include|write)\s+(?:the|a|that)\s+(?:date|day)(?:\s+(?:on|in)\s+(?:it|there))?\s*[.!]*$|"  # "its tuesday the 9th, put the date"
                     r"^(?:so(?:\s+that)?|because|cause|cuz|coz|since)\s+(?:ppl|people|folks|we|they|you|u|i|he|she|it|its|it's|"
                     r"the|everyone|everybody|nobody|no\s+one|viewers?|customers?|my|our|her|his|their)\b|"
                     r"^(?:因为|比较|这样|好让|让人|更加?)[\u4e00-\u9fff]|"
                     # "颜色再红一点 有食欲", "颜色太黄了 正常一点": what the colour change is for
                     r"^(?:更|很|看着|看起来)?(?:有食欲|好吃|诱人)(?:一?[点些])?$|^(?:颜色)?(?:正常|自然)一?[点些]$|"
                     r"^(?:更|再)?(?:柔和|平滑|顺滑)(?:一?[点些])?$|^(?:要|更|再)?(?:显眼|醒目|清楚|明显)(?:一?[点些])?$|"
                     r"^(?:my|our|the)\s+(?:partner|boss|wife|husband|mum|mom|dad|manager|client|team|owner|landlord)\s+"
                     r"(?:says?|said|wants?|thinks?|hates?|doesn'?t\s+like|didn'?t\s+like)\b[^\n]{0,60}$|^(?:to|so\s+it)\s+match(?:es)?\s+(?:the|our|my)\s+[\w' -]{2,30}$|^(?:有|太|好|很)(?:风声|杂音|噪音|吵)了?$|^(?:那段|这段|那里|那儿)?(?:好听|好看)(?:的|啊|呀|些|一些)?$|"
                     r"^(?:前面|开头|后面|结尾)?(?:太|有点|很)?(?:晃|抖|糊|模糊|虚)(?:得)?(?:厉害|太厉害|很|了)?$|"
                     # "开业改4月10号了 装修没弄完", "…, the fit-out isn't finished": why a date moved
                     r"^[\u4e00-\u9fff]{0,4}?(?:还|都)?(?:没|没有)(?:弄|做|搞|装|修|准备|收拾)?(?:完|好)(?:呢|啊)?了?$|"
                     r"^[\u4e00-\u9fff]{1,4}?还?没(?:到|来)(?:呢)?$|"
                     r"^(?:不想|不用|没必要|不需要)(?:写|放|显示|要|加)?了?$|"  # ("地址去掉吧 不想写")
                     r"^(?:the\s+|our\s+)?[a-z][\w' -]{0,24}\s+(?:isn'?t|aren'?t|wasn'?t|is\s+not|are\s+not|not)\s+(?:finished|done|"
                     r"ready|complete)(?:\s+yet)?\s*[.!]*$")
# "地址太长了 就写 滨江星光大道", "地址就写 滨江星光大道": that text's new words (the video was cut to 8 s)
_ZH_WRITE_ONLY = re.compile(r"^\s*(?P<k>地址|标题|字幕|文字|文案|店名|名字|电话|网址)(?:太长了?|字太多了?|(?:写|改)?短一[点些])?"
                            r"[\s，,]*(?:就|只)(?:写|要|留|保留)\s*[:：]?\s*(?P<v>[^，,。\s][^，,。]*?)\s*(?:就行|就好|就可以)?了?\s*[。！]*$")
# "only nails", "just the food", "只要美甲的": what is to stay, said with what goes
_ONLY_THESE = re.compile(r"(?i)^(?:only|just)\s+(?:the\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?$|^只(?:要|放|留)[\u4e00-\u9fff]{1,6}的?$")
# "…别放了 太乱", "drop it, too busy": a complaint, said after a removal, is why it goes
_WHY_IT_GOES = re.compile(r"^(?:太|有点|有些|很|好|特别|真)(?:乱|杂|花|丑|土|暗|糊|挤|多余|难看|奇怪|重复|啰嗦)了?[啊呀吧哈]*$|"
                        r"^(?:(?:it'?s|its|it\s+is|they'?re|they\s+are|looks?|too|kinda|so|a\s+bit|way)\s+)+"
                        r"(?:busy|messy|cluttered|ugly|dark|blurry|boring|cheesy|much|random|samey|repetitive)\s*[.!]*$")
# "…, its part of the vibe", "…, it is the same thing twice": why, said after what (read before it is planned)
_RX_SO_IT = re.compile(r"(?i)(?<=\w)\s+(?=(?:so(?:\s+that)?|because|cause|cuz|coz)\s+(?:it|its|it'?s|the\s+(?:file|video|upload))\s+"
                       r"(?:uploads?|loads?|downloads?|sends?|plays?|works?|fits?|is|isn'?t|will|won'?t|can|looks?|gets?)\b)")
_WHY_SAID = re.compile(r"^(?:so(?:\s+that)?|because|cause|cuz|coz|since)\s+(?:it|its|it'?s|the\s+(?:file|video|upload))\s+"
                       # "make it 720p so it uploads faster": why (every picture got shorter for "faster")
                       r"(?:uploads?|loads?|downloads?|sends?|plays?|works?|fits?|is|isn'?t|will|won'?t|can|looks?|gets?)\b|"
                       r"^(?:it'?s|its|it\s+is|that'?s)\s+(?:part\s+of|the\s+whole|all\s+part\s+of)\s+(?:the\s+)?(?:vibe|mood|feel|"
                       r"charm|point|fun|story)\b|^(?:it'?s|it\s+is|its|they'?re|they\s+are|that'?s)\s+(?:basically\s+|just\s+)?"
                       r"(?:the\s+)?same\s+(?:thing|shot|picture|pic|one|view)s?(?:\s+twice)?\s*[.!]*$|"
                       # "the second pic show longer, it flies by": why
                       r"^(?:it|they|that|this)\s+(?:flies|fly|goes|go|zips?|whizz(?:es)?|rush(?:es)?)\s+(?:by|past)"
                       r"(?:\s+(?:way\s+|too\s+|so\s+)?(?:fast|quick(?:ly)?))?\s*[.!]*$|"
                       # "ribs are $19 now, meat prices man 😤", "…, inflation lol": why the price changed
                       r"^(?:[a-z]+\s+){0,2}(?:prices?|costs?|inflation|suppliers?)(?:\s+(?:man|mate|dude|lol|ugh|smh|tho|though|"
                       r"innit|went\s+up|going\s+up|are\s+(?:crazy|mad|insane|wild)|is\s+(?:crazy|mad|insane|wild)|rising|up))*"
                       r"(?:\s+(?:in|on|since|this|last|from)\s+[a-z]+){0,2}\W*$|"  # ("prices went up in jan")
                       # "…, were out of fish this week", "sold out": why it goes
                       r"^(?:we'?re|were|we\s+are|we\s+ran|we\s+have\s+run|ran|all|they'?re|it'?s|its)?\s*(?:out\s+of|sold\s+out|run\s+out)"
                       r"\b[\w\s']{0,30}[.!]*$|"
                       # "…, sorry", "…, thanks!": manners
                       r"^(?:(?:so|very|really)\s+)?(?:sorry|sry|soz|thanks|thank\s+you|thx|ty|lol|haha|cheers|my\s+bad|谢谢|麻烦了|辛苦了)[.!！。]*$|"
                       # "…, I'm 67 I can't read that quick": who asks and why
                       r"^(?:i'?m|i\s+am)\s+\d{1,3}\b.*\b(?:can'?t|cannot|can\s+not)\s+(?:read|see|follow|keep\s+up)\b|"
                       r"^(?:i|people|viewers|my\s+\w+)\s+(?:can'?t|cannot|can\s+not)\s+(?:read|see|follow|keep\s+up)\b.*$")
# "put the day on the date, …": the change the value after it makes
_VALUE_LEAD = re.compile(r"^(?:pls\s+|please\s+)?(?:put|add|show|include|write)\s+(?:the\s+)?(?:day|weekday|year|time)\s+"
                         r"(?:on|in|to|with|into)\s+(?:the\s+)?(?:date|day|time|line)\s*[.!]*$|"
                         # "价格改一下 五一涨价了 468起": which fact, then its new value
                         r"^(?:价格|价钱|电话|号码|地址|时间|日期|文字|字幕|标题)(?:要|得|需要)?(?:改一下|改下|换一下|更新一下|调整一下|改改)$")
# "…合并一下", "merge them", "combine the captions": fewer texts with the same words (it removed the captions)
_MERGE_TEXTS = re.compile(r"合并|并成|\b(?:merge|combine)\b|\bput\s+them\s+together\b")
# "mute the finish line clip, music only": what is left to hear after the clause before, no target of its verb
# (it muted the music too)
_WHAT_STAYS = re.compile(r"^(?:the\s+)?(?:music|song|bgm|voice(?:over)?|voice-over|narration|vo|title|captions?|colou?rs?|length|"
                         # "…, the voice is fine": what stays (it fitted the video to the voiceover)
                         r"pace|order|text|transitions?)\s+(?:is|are|sounds?|looks?)\s+(?:fine|good|ok|okay|great|perfect|right)"
                         r"(?:\s+(?:as\s+is|now|tho|though))?\s*[.!]*$|"
                         r"^(?:(?:the\s+)?(?:music|song|bgm|voice(?:over)?|narration|vo)\s+only|(?:only|just)\s+(?:the\s+)?"
                         r"(?:music|song|bgm|voice(?:over)?|narration|vo)|只(?:要|留|有|听)?(?:背景)?(?:音乐|配音|旁白|人声))\s*[.!。！]*$")
# "the code should be on screen longer, ppl need time to screenshot it": why, said after what ("screenshot" asked
# for captions from the speech)
_PEOPLE_NEED = re.compile(r"^(?:ppl|people|folks|viewers?|customers?|everyone|they)\s+(?:need|needs|want|wants|have\s+to|"
                          r"has\s+to|gotta|should|can'?t|cannot|won'?t|will|might)\b")
# a length stated, not asked for: "it's only a minute", "its just 8 seconds", "that's like 2 min"
_STATED = re.compile(r"^(?:it'?s|its|it\s+is|that'?s|thats|they'?re|the\s+song\s+is|the\s+track\s+is)\s+(?:only|just|about|like|barely|"
                     r"around)\s+(?:a\s+|an\s+)?(?:\d+(?:\.\d+)?|one|two|three|half|a)?\s*(?:minutes?|mins?|seconds?|secs?|s)\b[\s.!?]*$")
_SONG_KIND = re.compile(r"(?:something|anything|a\s+song|one|a\s+track)(?:\s+(?:more|less|a\s+bit|really|very|kinda|super))?"
                        r"\s+[a-z-]+(?:\s+[a-z-]+)?\s*[.!]*$|(?:more|less)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:one|song|music)\s*$")


# "口播太长了 只要前8秒", "跑步机那个太长了 剪到4秒": a part or a length of the shot the clause before named
_ZH_PART = re.compile(rf"\s*(?:{ZH_KEEP}(?:前|后)|(?:剪到|剪成|缩到|缩短到|改成|改为|留|只留|保留|留个|留下)\s*[\d一二两三四五六七八九十.]+\s*秒(?:就行|就好|就够了?|就可以了?|吧)?\s*$)")


_RX_COLOUR_AFTER = re.compile(r"(?i)^\s*(?:like|maybe|say|in|make\s+it|with|something\s+like)?\s*(?:a\s+|in\s+)?(?P<c>[a-z]+)"
                              r"(?:\s+(?:one|maybe|or\s+something|please|pls))?\s*[.!?]*$")


def _colour_after(piece: str, before: _Result) -> list[O.Op] | None:
    """A colour said after a clause that changed texts ("…, like yellow"): those texts in it; else None."""
    from reelforge.planner.rules.text_look import color_in

    m = _RX_COLOUR_AFTER.match(piece)
    colour = color_in(m.group("c").lower()) if m else None
    ops = before.ops or []
    if colour is None or not ops or not all(isinstance(o, O.UpdateText) for o in ops):
        return None
    return [o.model_copy(update={"color": colour}) for o in ops]


_RX_FIRST_PART = re.compile(rf"^\s*{ZH_KEEP}前面?(?P<n>[\d.]+|[一二两三四五六七八九十]+)\s*秒(?:就行|就好|就够了?)?\s*[。！]?$|"
                            r"^\s*(?:(?:but\s+)?(?:only|just)\s+(?:use\s+|keep\s+)?)?(?:the\s+)?first\s+(?P<en>[\d.]+)\s*(?:s|secs?|seconds?)"
                            r"(?:\s+of\s+it)?\s*[.!]?$", re.I)


def _first_part_of_added(piece: str, results: list[_Result]) -> bool:
    """"还是加上老板讲话吧 放最后 只要前面6秒", "add the interview clip, only the first 6 sec": how much of the clip this
    turn adds (it set the VIDEO to 6 s): that clip's length, on its add; True when so."""
    m = _RX_FIRST_PART.match(piece)
    if m is None:
        return False
    n = N.parse_number(m.group("n") or m.group("en"))
    for r in reversed(results):
        for k, o in enumerate(r.ops or []):
            if isinstance(o, O.AddSegment) and n:
                r.ops[k] = o.model_copy(update={"duration_ms": int(n * 1000)})  # type: ignore[index]
                return True
    return False


def _it_as_named(piece: str, before: str, quotes: list[str], tl: Timeline, lib: tuple[Asset, ...],
                 new: tuple[Asset, ...]) -> str | None:
    """``piece`` with its "it" said as the one shot the clause ``before`` named by name, when that clause was
    not carried out (nothing was remembered from it), else None. Chinese says no "it": "口播太长了 只要前8秒"
    keeps a part of the shot the clause before named."""
    zh_part = _ZH_PART.match(piece) is not None
    if not re.search(r"(?i)\bit\b", piece) and not zh_part:
        return None
    if not zh_part and (sound := re.match(r"(?i)\s*(?:the\s+)?(?P<s>music|song|voiceover|voice|vo|narration)\b", before)):
        return re.sub(r"(?i)\bit\b", f"the {sound.group('s').lower()}", piece, count=1)  # "the music is too long, cut it to 3 sec"
    said = _ctx(before, quotes, tl, lib, new)
    refs = _find_targets(said)
    names = {r.target.name for r in refs}
    if not refs and (_generic(said) == "video" or re.search(r"\bclip\b", said.t) and len(said.count("video")) == 1):
        refs, names = [None], {"clip"}  # "dana's clip is too long, cut it to just the first 10 sec": the one clip
    if len(refs) != 1 or len(names) != 1 or not (name := names.pop()):
        return None
    return f"{name}{piece}" if zh_part else re.sub(r"(?i)\bit\b", f"the {name}", piece, count=1)


_NOT_THE_OTHER = re.compile(r"(?i)(?:but\s+)?(?:not|rather\s+than|instead\s+of)\s+(?:a\s+)?(?:square|vertical|horizontal|landscape|"
                            r"portrait|wide(?:screen)?|16:9|9:16|1:1|4:5)|不要(?:方形|竖屏|横屏)|不是(?:方形|竖屏|横屏)")
# "don't make it vertical", "dont remove the dog pic", "别删字幕": what is NOT to be done (it was done: the "don't"
# was read past, and "don't remove the captions, just make them smaller" removed them); nothing of the clause is
# carried out and the reply says so. Not "don't make it so loud" (less of it), nor "don't show / use / duck / loop /
# crop / cut off the faces", which say how the video should be.
_RX_PROHIBITED = re.compile(
    r"(?i)^\s*(?:(?:but|and|so|ok|okay|please|pls|plz|just|also|oh|and\s+please)\s+)*(?:don'?t|dont|do\s+not|never)\s+"
    r"(?:ever\s+)?(?P<what>(?:make|remove|delete|cut(?!\s+(?:off|out|into))|add|change|touch|put|move|turn|swap|drop|"
    r"shorten|lengthen|replace|lower|raise|increase|decrease|reduce|boost|mute|speed|slow|take|trim|get\s+rid\s+of|rotate|flip|resize|"
    r"shrink|enlarge|reorder|rearrange)\b(?!.*\b(?:so|too|that)\s+(?:\w+\s+)?(?:loud|quiet|big|small|long|short|fast|slow|"
    r"bright|dark|busy|much|many)\b).*?)\s*[.!]*\s*$")
_ZH_PROHIBITED = re.compile(r"^\s*(?:但是?|不过)?(?:千万)?(?:别|不要|不用)(?:再|给我)?(?P<what>(?:删|去掉|改|加|动|换|调|剪|移|放大|缩小)\S*?)"
                            r"[吧啊哦呀]*\s*[。！!.]*\s*$")


# "don't make the music so loud", "the title shouldn't be that big": the other way (not understood)
_OTHER_WAY = {"loud": "quieter", "quiet": "louder", "big": "smaller", "small": "bigger", "long": "shorter", "short": "longer",
              "fast": "slower", "slow": "faster", "bright": "darker", "dark": "brighter"}
_RX_NOT_SO = re.compile(
    r"(?i)\b(?:(?:don'?t|dont|do\s+not)\s+make\s+(?P<x>(?:it|them|(?:the|my|our)\s+[\w' -]+?))|"
    r"(?P<y>it|they|(?:the|my|our)\s+[\w' -]+?)\s+(?:shouldn'?t|should\s+not|doesn'?t\s+need\s+to|don'?t\s+need\s+to|"
    r"needn'?t)\s+be)\s+(?:so|that|this|too)\s+(?P<a>loud|quiet|big|small|long|short|fast|slow|bright|dark)\b")


def _not_so(text: str) -> str:
    """``text`` with "don't make X so loud" said as "make X quieter"."""
    def other(m: re.Match) -> str:
        x = m.group("x") or {"they": "them"}.get(m.group("y").lower(), m.group("y"))
        return f"make {x} {_OTHER_WAY[m.group('a').lower()]}"
    text = _RX_NOT_SO.sub(other, text)
    # "do not use crossfades", "i don't want any music": none of them (the crossfades "already were")
    return _RX_DONT_USE.sub(lambda m: f"no {m.group('x')}", text)


_RX_DONT_USE = re.compile(r"(?i)\b(?:(?:i|we)\s+)?(?:don'?t|dont|do\s+not)\s+(?:use|want|need)\s+(?:any\s+|the\s+)?(?P<x>"
                          r"(?:cross-?fades?|transitions?|dissolves?|fades?|slides?|wipes?|music|background\s+music|bgm|"
                          r"zooms?|motion|ken\s+burns|captions?|subtitles?|logo|title|voice-?over|narration)\b)"
                          # (what is not wanted, said whole: "i don't want the captions so big" is their size)
                          r"(?=\s*(?:at\s+all|anymore|any\s+more|pls|please|thanks)?\s*[.!]*\s*(?:$|,|;))")


# "title yellow captions white cta red": a colour for each text, said without commas (the title's colour went to the
# call to action and red was lost)
_COLOUR_WORDS = r"(?:red|yellow|white|black|blue|green|orange|pink|purple|gold|golden|grey|gray|navy|teal|brown|beige|cream)"
_TEXT_ROLE_WORDS = r"(?:the\s+)?(?:title|captions?|subtitles?|cta|call\s+to\s+action|logo|end\s+text)"
_RX_LOOKS_RUN_ON = re.compile(rf"(?i)\b({_TEXT_ROLE_WORDS}\s+(?:in\s+)?{_COLOUR_WORDS})\s+(?=(?:and\s+)?{_TEXT_ROLE_WORDS}\s+"
                              rf"(?:in\s+)?{_COLOUR_WORDS}\b)")
# "add 50% OFF in big red letters", "put 'Sale' in red": the words, then their look (the look was written on screen
# with them, or read as the shot named "red")
_LOOK_WORD = rf"(?:big|bigger|large|huge|small|tiny|bold|thick|{_COLOUR_WORDS})"
_RX_ADD_IN_LOOK = re.compile(rf"(?i)^(?P<add>\s*(?:please\s+|pls\s+)?(?:add|put|show|write)\s+)(?P<x>\S.*?)\s+in\s+(?:a\s+)?"
                             rf"(?P<look>{_LOOK_WORD}(?:(?:\s*,\s*|\s+and\s+|\s+){_LOOK_WORD}){{0,2}})"
                             rf"(?:\s+(?:letters|text|font|type|writing|colou?r))?(?=\s*[.!]*\s*$)")
def _add_in_look(masked: str, quotes: list[str]) -> str:
    """"add 50% OFF in big red letters" as "add "50% OFF", make it big and red" (the words quoted, as
    unquoted words followed by a look were not read as one text)."""
    m = _RX_ADD_IN_LOOK.match(masked)
    if m is None:
        return masked
    x = m.group("x").strip()
    # only words to show: quoted, or with a figure, a price or a word in capitals ("50% OFF"); never a thing of
    # the video ("put the video in black and white", "add a title in red", "add a border in red")
    shown = "\x00" in x or bool(re.search(r"\d|[$€£¥%]|\b[A-Z]{2,}\b", x))
    if not shown or re.match(r"(?i)(?:the|a|an|it|them|this|that|my|our|every|all|each)\b", x) \
            or re.search(r"(?i)\b(?:button|box|banner|badge|bar|background|border|outline|title|captions?|subtitles?|"
                         r"text|cta|video|photos?|pictures?|images?|shots?|clips?|logo|card|price)\b", re.sub(r"\x00\d+\x00", "", x)) \
            or re.search(r"(?i)\bblack\s*(?:and|&)\s*white\b", m.group("look") + masked[m.end():]):
        return masked  # ("add a shop now button in red": a red box)
    words = m.group("x").strip()
    if "\x00" not in words:
        quotes.append(words)
        words = f"\x00{len(quotes) - 1}\x00"
    # (not "bold": a text added takes no weight of its own, and "make it bold" set the whole video's bold style)
    said = [w for w in re.findall(_LOOK_WORD, m.group("look"), re.I) if w.lower() not in ("bold", "thick")]
    if not said:
        return masked
    look = ", ".join(said)
    return f"{m.group('add')}{words}, make it {look}{masked[m.end():]}"


_RX_TO_FOR_TOO = re.compile(r"(?i)\b(?P<w>is|are|was|its|it's|way|much|bit|little|kinda|abit|just)\s+to\s+(?=(?:loud|quiet|soft|long|short|"
                            r"big|small|fast|slow|dark|bright|busy|much|many|low|high|quick|tiny|huge|early|late)\b(?!\s+(?:it|them|this|that|the|a|an|down|up|out|things|everything|my|our|your)\b))")


_SOUND_WORD = r"(?P<x>music|song|bgm|background\s+music|voice-?over|voice|narration|vo)"
_FIRST_OF_ALL: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    # "the voiceover starts too early, start it at 1 second": the time said (it was moved to 3 s for "too early")
    (re.compile(r"(?i)^\s*(?P<x>(?:the\s+)?(?:voice-?over|voice|vo|narration|music|song|bgm))\s+(?:starts?|comes?\s+in|begins?|kicks?\s+in)\s+"
                r"(?:way\s+|a\s+bit\s+|kinda\s+)?too\s+(?:early|late|soon)\s*[,.;]?\s*(?:so\s+|pls\s+|please\s+|just\s+)?"
                r"(?P<v>start|have|make|move|bring)\s+it\s+"), lambda m: f"{m['v']} {m['x']} "),
    # "start with the trail shot and end with the hero shot": two places (the end was not read)
    (re.compile(r"(?i)\s+and\s+(?=end\s+(?:with|on)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:shot|photo|pic|picture|image|clip|one)\b)"),
     lambda m: ", "),
    # "use only 3s to 8s of the unboxing video", "only use the unboxing clip from 3 to 8 seconds": that part of the source
    # (the clip was cut to its first 3 s, or made 8 s long)
    (re.compile(r"(?i)\b(?P<v>use|take|keep)\s+(?P<o>(?:only|just)\s+)?(?:from\s+)?(?P<a>\d{1,3}(?:\.\d+)?)\s*(?:s|secs?|seconds?)?\s*"
                r"(?:to|-|–|until|till)\s*(?P<b>\d{1,3}(?:\.\d+)?)\s*(?:s|secs?|seconds?)\s+(?=of\s+(?:the\s+|my\s+|our\s+)?\w)"),
     lambda m: f"{m['v']} {m['o'] or ''}{_clock(m['a'])} to {_clock(m['b'])} "),
    (re.compile(r"(?i)\b(?P<v>use|take|keep)\s+(?P<x>(?:only\s+|just\s+)?(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:clip|video|footage))\s+"
                r"from\s+(?P<a>\d{1,3}(?:\.\d+)?)\s*(?:s|secs?|seconds?)?\s*(?:to|-|–|until|till)\s*(?P<b>\d{1,3}(?:\.\d+)?)\s*"
                r"(?:s|secs?|seconds?)\b"),
     lambda m: f"{m['v']} {_clock(m['a'])} to {_clock(m['b'])} of {m['x']}"),
    # "yeet the last pic", "nuke the music": removed (not understood)
    (re.compile(r"(?i)^(\s*)(?:yeet|nuke|axe)\b(?=\s+(?:the|that|this|those|these|my|all)\b)"), lambda m: f"{m[1]}remove"),
    # "can we hear the music a little more", "i want to hear the voice more": louder (not understood)
    (re.compile(r"(?i)\bhear\s+(?:the\s+)?(?P<x>music|song|bgm|voice-?over|voice|narration|vo)\s+(?P<m>a\s+(?:little|bit)\s+|a\s+lot\s+|much\s+)?"
                r"more\b"), lambda m: f"make the {m['x']} {m['m'] or ''}louder"),
    # "everything's good except the end text, make it say 'Get yours'": that text (it answered "cannot change everything
    # except some")
    (re.compile(r"(?i)^\s*(?:everything|all|it)(?:'s|\s+is|\s+looks)\s+(?:good|fine|great|perfect|ok|okay)\s+(?:except|but)\s+(?:for\s+)?"
                r"(?P<x>the\s+[\w ]{2,30}?)\s*[,:;-]\s*(?:just\s+|pls\s+|please\s+)?(?P<rest>\S.*)$"),
     lambda m: re.sub(r"(?i)\b(?:it|them)\b", m["x"], m["rest"], count=1)),
    # "all text in brand orange #F28C28": the colour (it answered about brand kit files)
    (re.compile(r"(?i)\bbrand\s+(?=(?:colou?r\s+)?(?:[a-z]+\s+)?#[0-9a-f]{6}\b)"), lambda m: ""),
    # "left align the captions", "align the title to the right": a side of the frame (it made captions from the speech)
    (re.compile(r"(?i)\b(?P<s>left|right)[\s-]+align(?:ed)?\s+(?:the\s+|all\s+the\s+)?(?P<x>captions?|subtitles?|title|text|cta)\b|"
                r"\balign\s+(?:the\s+|all\s+the\s+)?(?P<x2>captions?|subtitles?|title|text|cta)\s+(?:to\s+the\s+)?(?P<s2>left|right)\b"),
     lambda m: f"move the {m['x'] or m['x2']} to the " + (f"{m['s'] or m['s2']} side" if (m['x'] or m['x2']).lower() == "title"
                                                             else f"bottom {m['s'] or m['s2']}")),
]


def _clock(n: str) -> str:
    """Seconds said as a number as a source time the in-point rules read ("3" -> "0:03", "75" -> "1:15")."""
    v = float(n)
    return f"{int(v // 60)}:{v % 60:05.2f}".replace(".00", "") if v % 1 else f"{int(v // 60)}:{int(v % 60):02d}"


def _said_first_of_all(text: str) -> str:
    """``text`` with the ways of `_FIRST_OF_ALL` said as the rules read them, before any other rewording
    (a later one read "start it at 1 second" as a part of a clip)."""
    for rx, say in _FIRST_OF_ALL:
        text = rx.sub(say, text)
    return text


_RX_HOW_SAID = re.compile(r"(?i)^\s*(?:(?:lowkey|low-key|highkey|ngl|tbh|imo|honestly)\b[\s,]*)+(?=\S)")
_PLAIN_SAYINGS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    # "make it fit the voiceover": the length ("'voiceover.mp3' is already the voiceover")
    (re.compile(r"(?i)\b(?:make\s+)?(?:it|the\s+video)\s+fit\s+(?:to\s+)?(?:the\s+)?(?:voice-?over|narration|vo)\b"),
     lambda m: "fit it to the voiceover"),
    # "music volume 50", "set the music volume to 0.2": that level (0.2 of full is 20 %)
    (re.compile(rf"(?i)\b(?:set\s+)?(?:the\s+)?{_SOUND_WORD}(?:'s)?\s+(?:volume|level)\s+(?:to\s+|at\s+|=\s*)?"
                r"(?P<n>\d{1,3}(?:\.\d+)?)\s*(?P<pc>%|percent)?(?=\s*[.!]*\s*$|\s*,)"),
     lambda m: f"{m['x']} to {_level_said(m['n'], bool(m['pc']))}%"),
    # "double the music volume", "halve the voice volume": twice / half as loud
    (re.compile(rf"(?i)\b(?P<v>double|halve|half)\s+(?:the\s+)?{_SOUND_WORD}(?:'s)?\s+(?:volume|level)\b"),
     lambda m: f"make the {m['x']} {'twice' if m['v'].lower() == 'double' else 'half'} as loud"),
    # "drop the music by half", "cut the voice by a third", "halve the music", "music at half": quieter by that much
    # (the first removed the music track; the others were not understood)
    (re.compile(rf"(?i)\b(?:drop|cut|reduce|bring\s+down|turn\s+down|knock\s+down)\s+(?:the\s+)?{_SOUND_WORD}(?:'s)?"
                r"(?:\s+(?:volume|level))?\s+by\s+(?P<by>half|a\s+half|a\s+third|a\s+quarter|\d{1,2}\s*%)"),
     lambda m: f"lower the {m['x']} by {_PART_SAID.get(m['by'].lower(), m['by'])}"),
    (re.compile(rf"(?i)^\s*(?:halve|half)\s+(?:the\s+)?{_SOUND_WORD}\s*[.!]*\s*$|^\s*(?:the\s+)?{_SOUND_WORD.replace('<x>', '<y>')}"
                r"\s+(?:at|to)\s+half(?:\s+(?:volume|level))?\s*[.!]*\s*$"),
     lambda m: f"make the {m['x'] or m['y']} half as loud"),
    # "音乐小一半": half as loud
    (re.compile(r"(?P<x>背景音乐|音乐|配乐|旁白|配音)(?:声音|音量)?(?:小|低)一半(?:声)?"), lambda m: f"{m['x']}音量减半"),
    # "portrait mode pls": 9:16
    (re.compile(r"(?i)^\s*(?:make\s+it\s+|switch\s+to\s+|go\s+)?portrait\s+mode\b"), lambda m: "make it vertical"),
    # "last photo out", "the 2nd pic out": removed
    (re.compile(r"(?i)^\s*(?P<x>(?:the\s+)?(?:first|last|second|third|fourth|fifth|\d(?:st|nd|rd|th))\s+(?:photo|pic|picture|image|shot|clip))"
                r"\s+out\b"), lambda m: f"remove {m['x']}"),
    # "put the end text at the top", "make the closing line red": the call to action (not understood, or every text)
    (re.compile(r"(?i)\b(?:the\s+)?(?:end|ending|closing|final)\s+(?:text|line|message|words)\b(?!\s+(?:say|says|read|reads|to)\b)"),
     lambda m: "the call to action"),  # ("make the end message say Come in today" is read as it is)
    # "should be TrailPack with a capital P": how it is spelled, no part of the words (the title read "TrailPack with
    # a capital P")
    (re.compile(r"(?i)\s*[-,(]?\s*\bwith\s+(?:a\s+)?(?:capital|big|upper\s*-?case|lower\s*-?case|small)\s+[a-z]\b\)?(?=\s*[.!]*\s*$)"),
     lambda m: m.group(0) if re.match(r"(?i)\s*(?:spell|capitali[sz]e|write)\b", m.string) else ""),
    # "not that yellow, more like orange", "no wait, bottom was better": the last change with that instead (not understood)
    (re.compile(r"(?i)^\s*not\s+(?:that|this|the)\s+\w+(?:\s+\w+)?\s*,?\s*(?:more\s+like|rather|like|make\s+it|but)\s+(?:a\s+|an\s+)?"
                r"(?P<v>[\w#-]+)(?:\s+(?:one|colou?r|please|pls))?\s*[.!]*\s*$|"
                r"^\s*(?:(?:no|nope|wait|actually|hmm+|ugh)[\s,.!]*)+(?:the\s+)?(?P<w>\w+)\s+(?:was|looked)\s+better(?:\s+before)?\s*[.!]*\s*$"),
     lambda m: f"no, {m['v']}" if m['v'] else "undo"),  # ("bottom was better": as it was before the last change)
    # "make the photos slide instead of fade": the transitions (the music's fades were changed)
    (re.compile(r"(?i)\bmake\s+(?:the\s+|all\s+the\s+)?(?:photos?|pics?|pictures?|images?|shots?|slides?|transitions?)\s+"
                r"(?P<k>slide|wipe|cut|fade|dissolve)(?:\s+(?:in|over|across))?(?:\s+instead(?:\s+of\s+(?:a\s+)?\w+)?)?\s*[.!]*\s*$"),
     lambda m: {"slide": "slide transitions", "wipe": "wipe transitions", "cut": "hard cuts"}.get(m["k"].lower(), "crossfade transitions")),
    # "just the hero shot and the trail shot, no others": only those (not understood)
    (re.compile(r"(?i)^\s*(?:just|only)\s+(?P<x>the\s+[^,;.!?]+?(?:shots?|photos?|pics?|pictures?|images?|clips?|ones))"
                r"(?:\s*,?\s*(?:no\s+others|nothing\s+else|(?:drop|lose|cut|remove)\s+the\s+rest))?\s*[.!]*\s*$"),
     lambda m: f"only use {m['x']}"),
    # "make that end bit 5 seconds": the end card (the video was cut to 5 s)
    # (not "the final part of the song": that part of something else)
    (re.compile(r"(?i)\b(?:that|the)\s+(?:end|ending|final)\s+(?:bit|part|section)\b(?!\s+of\b)"), lambda m: "the end card"),
    # "delete that text at the end": the call to action (it was cut to end at 27 s, the last caption too)
    (re.compile(r"(?i)\b(?P<v>delete|remove|drop|get\s+rid\s+of|lose|take\s+out|kill)\s+(?:that|the)\s+(?:text|words|line|writing)\s+"
                r"(?:at|in)\s+the\s+(?:very\s+)?end\b"), lambda m: f"{m['v']} the call to action"),
    # "that last caption is too long, shorten it to 'Laptop ready'": its new words (the video was cut to 24 s)
    (re.compile(r"(?i)^\s*(?:that|the)\s+(?P<x>(?:[\w'-]+\s+){0,2}(?:caption|title|text|line|cta))\s+is\s+(?:way\s+|a\s+bit\s+|kinda\s+)?"
                r"too\s+long\s*[,.;]?\s*(?:so\s+|pls\s+|please\s+|just\s+|can\s+you\s+)?(?:shorten|cut|trim|change)\s+(?:it|that)\s+"
                r"(?:down\s+)?to\s+(?P<q>\x00\d+\x00)"), lambda m: f"change the {m['x']} to {m['q']}"),
    # "the end should say order now", "the ending should read 'Book today'": the call to action's words (not understood)
    (re.compile(r"(?i)\b(?:the\s+)?(?:very\s+)?(?:end|ending|end\s+card|end\s+screen|outro)\s+(?=(?:should|must|needs?\s+to|has\s+to)\s+"
                r"(?:say|read)\b)"), lambda m: "the cta "),
    # "no cta", "no need for the call to action", "without captions": that text removed
    (re.compile(r"(?i)^\s*(?:no\s+need\s+for|(?:we\s+)?(?:don'?t|dont)\s+need|no|without)\s+(?:the\s+|a\s+|any\s+)?"
                r"(?P<x>cta|call\s+to\s+action|captions?|subtitles?|end\s+text|logo)(?=\s*(?:pls|please|thanks)?\s*[.!]*\s*$)"),
     lambda m: "remove the " + ("call to action" if m["x"].lower() in ("cta", "end text") else m["x"])),
]


_PART_SAID = {"a half": "half", "a third": "33%", "a quarter": "25%"}


def _level_said(n: str, percent: bool) -> str:
    """A level as a percentage: "0.2" of full is 20, "50" is 50."""
    v = float(n)
    return f"{v:g}" if percent or v > 1 else f"{v * 100:g}"


def _said_plainly(text: str) -> str:
    """``text`` with the ways of `_PLAIN_SAYINGS` said as the rules read them (each was not understood)."""
    for rx, say in _PLAIN_SAYINGS:
        text = rx.sub(say, text)
    return text


def _prohibited(piece: str) -> str | None:
    """What a clause says not to do ("make it vertical" of "don't make it vertical"), else None."""
    m = _RX_PROHIBITED.match(piece) or _ZH_PROHIBITED.match(piece)
    return m.group("what") if m else None


_NOT_UNDERSTOOD = re.compile(r"I did not understand|没有理解")  # as `_unknown` words a part it could not read


# "a crossfade between the clip and the beach photo": the two shots a transition joins, one clause (the
# second shot was a part not understood, and every transition changed)
_RX_BETWEEN_SHOTS = re.compile(r"(?i)(\b(?:transitions?|cuts?|crossfades?|fades?|wipes?|slides?|dissolves?|black|photos?|"
                               r"pictures?|pics?|images?|shots?|clips?|ones|everything)\b[^,;.]*?"
                               r"\bbetween\s+[^,;.]+?)\s+and\s+(?!(?:\d|one|two|three|four|five|six|seven|eight|nine|ten))")


# "fade out the music between 20 and 25 seconds" was split at "and 25" and set the video to 25 s
_RX_BETWEEN_TIMES = re.compile(r"(?i)\bbetween\s+(\d+(?:\.\d+)?(?:\s*(?:s|secs?|seconds?))?)\s+and\s+"
                               r"(?=\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b)")


def plan_edit(instruction: str, timeline: Timeline, *, library: Sequence[Asset] = (),
              new_assets: Sequence[Asset] = (), memory: M.Memory | dict | None = None) -> EditPlan:
    """Plan one (possibly combined) instruction against the current timeline (see `_plan_edit`).

    When a part is not understood as written, a common word one letter from a planner word is read
    as that word ("make the tile red": 'tile' as 'title') and kept if more is understood that way."""
    plan = _plan_edit(instruction, timeline, library=library, new_assets=new_assets, memory=memory)
    if shown := _fixes_shown(plan):
        # "add a caption saying maple scone": the words to show are as typed (it showed "Maple scene")
        literal = _plan_edit(instruction, timeline, library=library, new_assets=new_assets, memory=memory, keep=shown)
        if literal.status == "ok":
            return literal
    if plan.status == "ambiguous" or (plan.status == "ok" and not plan.skipped) or len(instruction) > MAX_CLAUSE:
        return plan
    if plan.status == "unknown" and not _NOT_UNDERSTOOD.search(plan.reply):
        return plan  # every part was answered with a reason ("a zoom runs over its shot"): no guessing at typos
    lib = tuple(library) or tuple(timeline.assets)
    fixed, fixes = T.correct_outside_quotes(instruction, [a.name for a in (*lib, *timeline.assets) if a.name], loose=True)
    if not fixes:
        return plan
    again = _plan_edit(fixed, timeline, library=library, new_assets=new_assets, memory=memory)
    if again.status != "ok" or (plan.status == "ok" and len(again.skipped) >= len(plan.skipped)):
        return plan
    note = _typo_note(fixes, P.is_chinese(instruction))
    return replace(again, reply=again.reply + note, note=(again.note + note).strip(),
                   fixes=again.fixes + tuple(f"{f.wrong}->{f.right}" for f in fixes))


def _names(lib: Sequence[Asset], timeline: Timeline) -> dict[str, str]:
    """What a reply calls things by id: files by their names, texts by their words."""
    return {**{a.id: a.name for a in (*lib, *timeline.assets)},
            **{s.id: s.text for t in timeline.tracks if t.kind is TrackKind.TEXT for s in t.segments}}


def _with_names_first(ops: list[O.Op], rest: str, after: EditPlan | None, names: dict[str, str], *, zh: bool,
                      memory: dict) -> EditPlan:
    """The plan of the pictures' names (``ops``) and of the rest of the instruction (``after``): both when
    the rest is understood, else the names and which words were not."""
    said = tuple(W.describe(o, names) for o in ops)
    reply = ("；".join(W.describe_zh(o, names) for o in ops) + "。") if zh else ("; ".join(said) + ".")
    reply = reply[:1].upper() + reply[1:]
    if after is not None and after.status == "ok":
        return replace(after, ops=tuple(ops) + after.ops, reply=f"{reply} {after.reply}", understood=said + after.understood)
    left = (rest.strip(" ,.;:，。；："),) if after is not None else ()
    left = tuple(x if len(x) <= 60 else x[:60].rstrip() + "…" for x in left)  # (a reply stays short)
    note = "".join(f"没看懂「{x}」。" if zh else f" I did not understand '{x}'." for x in left)
    return EditPlan("ok", tuple(ops), f"{reply}{note}", said, skipped=left, note=note.strip(), memory=memory)


def _plan_edit(instruction: str, timeline: Timeline, *, library: Sequence[Asset] = (),
               new_assets: Sequence[Asset] = (), memory: M.Memory | dict | None = None,
               keep: tuple[str, ...] = (), names_read: bool = False) -> EditPlan:
    """Plan one (possibly combined) instruction against the current timeline.

    ``library`` is the session's media (for "use jazz.mp3 as the music"); ``new_assets`` the
    ones just added, which "this clip" / "the new image" refer to; ``memory`` what the last
    instruction referred to and changed (`EditPlan.memory` of the previous turn).
    Parts that are understood are planned even when another part is not (``skipped`` names it).
    """
    lib = tuple(library) or tuple(timeline.assets)
    new = tuple(new_assets)
    mem = memory if isinstance(memory, M.Memory) else M.Memory.from_dict(memory)
    zh = P.is_chinese(instruction)
    if not names_read and (named := names_for_pictures(instruction, timeline)) is not None:
        # "label the photos Kitchen, Garden and View": one list across the commas that part the clauses
        ops, rest = named
        after = _plan_edit(rest, timeline, library=library, new_assets=new_assets, memory=memory, names_read=True) \
            if rest.strip(" ,.;:，。；：") else None
        return _with_names_first(ops, rest, after, _names(lib, timeline), zh=zh,
                                 memory=M.remember(mem, list(ops), timeline, lib).to_dict())
    if (advice := advice_asked(instruction)) is not None:  # "海报那张字太小看不清 要不要去掉？": asked, not told
        return _unknown([], [_Result(text=instruction, cannot=advice)], zh=zh)
    masked, quotes = _mask(_words_given(instruction.strip(), timeline))
    masked = _RX_HOW_SAID.sub("", masked)  # "lowkey the end card should say dm us" (read "lower the …")
    masked = _said_first_of_all(masked)
    if not masked.strip():
        return _unknown([], [], zh=zh)
    shown = [w for texts in _texts_shown(timeline) for t in texts for w in re.findall(r"[A-Za-z][\w'-]+", t)]
    # (the words on screen are words too: "wine is $5 now" on "Mulled wine $4" was read "wipe is $5 now")
    masked, fixes = T.correct(masked, [*(a.name for a in (*lib, *timeline.assets) if a.name), *keep, *shown])
    whole = _reorder_by_names(masked, timeline, lib) if "\x00" not in masked else None
    if whole:
        names = {a.id: a.name for a in (*lib, *timeline.assets)}
        main = timeline.track(Role.MAIN)
        shots = [main.segments[i].name for i in whole[0].order] if main else []  # type: ignore[union-attr]
        reply = ("新的顺序：" + "、".join(shots) + "。") if zh else ("New order: " + ", ".join(shots) + ".")
        return EditPlan("ok", tuple(whole), reply + _typo_note(fixes, zh), tuple(W.describe(o, names) for o in whole),
                        fixes=tuple(f"{f.wrong}->{f.right}" for f in fixes),
                        memory=M.remember(mem, whole, timeline, lib).to_dict())
    masked = _RX_BETWEEN_SHOTS.sub(r"\1 & ", _without_keeps(masked))  # one clause, not two
    masked = _RX_LEAVE_OUT.sub(lambda m: f"remove {m.group('x')}", masked)  # "… is way too shaky, leave it out"
    # "make the words bigger and yellow": one look for the same texts (read as two, "and yellow" went only to the
    # texts that grew: a title at the largest size stayed white)
    masked = re.sub(rf"(?i)\b(bigger|smaller|larger|bolder|bold)\s+and\s+(?=(?:{C_EN})(?:\s*[.!]*\s*$|\s*,))", r"\1 ", masked)
    # "开头用写福字的视频", "结尾放门头那张": that shot first / last (as "用写福字的视频开头" is read)
    masked = re.sub(r"^(\s*)(?:开头|开场|第一个)(?:先)?(?:用|放)(?P<x>[^，,。！\s]{1,16}?的?(?:视频|片段|图片|照片|那张|那段|那个))"
                    r"(?:[\s，,]+(?:最|很|比较|特别|更)[^\s，,。！]{1,8})?\s*$",  # ("开头用涮毛肚那段 最有食欲": why)
                    r"\1把\g<x>放到开头", masked)
    masked = re.sub(r"^(\s*)(?:结尾|最后一个)(?:用|放)(?P<x>[^，,。！\s]{1,16}?的?(?:视频|片段|图片|照片|那张|那段|那个))\s*$",
                    r"\1把\g<x>放到最后", masked)
    masked = _RX_FAULT_THEN_CUT.sub(_fault_cut, masked)  # "… is boring, cut it"
    masked = _zh_said_plainly(masked, timeline, lib, new)
    masked = _length_stated(masked, timeline)  # "the screen recording is 25 seconds, only use 8 sec of it …"
    masked = _RX_SHORTER_BY_PART.sub(lambda m: _shorter_by_part(m, timeline), masked)  # "shorter … by a third"
    masked = _length_enough(masked)  # "the office tour is too long, 5 seconds is enough"
    # "put 'Every step counts' somewhere near the start": near the start (its "somewhere" put it over the second shot)
    masked = re.sub(r"(?i)\bsomewhere\s+(?=(?:near|at|towards?|in|around)\s+the\s+(?:start|beginning|end)\b)", "", masked)
    if re.search(r"音乐|配乐|背景乐|bgm", masked, re.I):
        # "音乐开头淡入 然后整体小一点": the music's level overall ("整体小一点" was not understood)
        masked = re.sub(r"(然后|再|并且|同时|[，,\s])(?:整体|总体|全部|整个)(?=(?:再)?(?:小|低|轻|大|高|响)(?:一?点|一些|声))", r"\1音乐", masked)
    kinds = {a.id: a.kind for a in (*lib, *timeline.assets)}
    main = timeline.track(Role.MAIN)
    if main is not None and sum(kinds.get(x.src) is AssetKind.VIDEO for x in main.segments) == 1 \
            and sum(k is AssetKind.VIDEO for k in kinds.values()) == 1:
        # "the magic video", "the clip of me washing" with one clip in the project, whose file name says neither: that
        # clip (it was "There is no 'magic'")
        masked = _one_clip_named(masked, [a.name.lower() for a in (*lib, *timeline.assets) if a.name])
    elif main is not None and len(blank := [x for x in main.segments if kinds.get(x.src) is AssetKind.VIDEO
                                            and caption_from_name(x.name) is None]) == 1:
        # "the bootcamp vid … skip the first 10 secs" beside "boxing pads.mp4": IMG_9921.MOV, the one clip whose name
        # says nothing (it cut the first 10 s of the video)
        masked = _one_clip_named(masked, [a.name.lower() for a in (*lib, *timeline.assets) if a.name],
                                 blank[0].name.rsplit(".", 1)[0] + " clip")  # (".MOV" said is an export format)
    if main is not None and len(blank := [x for x in main.segments if kinds.get(x.src) is AssetKind.IMAGE
                                           and caption_from_name(x.name) is None]) == 1:
        # "swap cards flatlay and the table photo" with IMG_6620.jpg the one picture whose name says nothing: that one
        masked = _one_picture_unnamed(masked, blank[0].name, [a.name.lower() for a in (*lib, *timeline.assets) if a.name])
    if (mem.target or {}).get("kind") in (None, "video") and main is not None \
            and sum(kinds.get(x.src) is AssetKind.VIDEO for x in main.segments) == 1:
        # "ok just use the first 8 seconds of it then" after a message about the one clip (not understood, so nothing
        # to refer to): that clip's, not the video's (it cut the video to 8 s, the voiceover with it)
        masked = _RX_PART_OF_IT.sub(r"\g<1>the clip", masked)
    masked = _bit_around(masked)  # "use the bit of the ep1 clip where we both laugh, it's around 1:02"
    masked = _clip_from(masked)  # "walkthrough is too long, just use the kitchen bit from 0:40"
    # "just use the bit where he shakes, like the last 5 sec": that part of the clip (not understood)
    masked = _RX_BIT_EDGE.sub(lambda m: f"only use the {m.group('e')} {m.group('n')} sec of the clip", masked)
    masked = _ends_with_quoted(masked)
    # "Add 'Se habla español' to the end", "最后加个'团购…'": at the end (both were a second title at 3-6 s)
    masked = re.sub(r"(?i)^(\s*(?:please\s+)?(?:add|put|stick|tack)\s+\x00\d+\x00\s+)(?:on\s+)?to\s+the\s+(?:very\s+)?end\b", r"\1at the end",
                    masked)
    masked = re.sub(r"^(\s*)最后(?=(?:再)?(?:加|放|写|打)(?:个|上|一个|一句|一行)?\s*\x00\d+\x00)", r"\1结尾", masked)
    masked = _as_typed(masked)  # how people go on, say why, add lines and laugh (session 32's batch)
    masked = _not_so(masked)  # "don't make the music so loud": quieter
    # "去掉结尾那句", "结尾那句改成…": the call to action (its time was cut to the last second, or to 3 s); "最后那行字不要了"
    # too (no text said "最后"; "最后一句" may be the voiceover's)
    ending_line = r"(?:(?:结尾|片尾)(?:那|的)?(?:句话?|行字?|段字)|最后(?:那|的)(?:句话?|行字?)|最后一行字?)"
    masked = re.sub(rf"{ending_line}(?=\s*(?:去掉|删掉|删了|不要了?|改成|换成|改为|变成|大|小|$))|"
                    rf"(?<=去掉|删掉|删除|拿掉){ending_line}", "行动号召", masked)
    # "字太多了 只留标题吧": what is kept says what goes (the complaint alone took the captions, the call to action stayed)
    masked = re.sub(r"^\s*(?:字|文字|字幕)(?:有点|有些)?太多了?[，,。\s]+(?=只(?:留|保留|要|剩)下?(?:标题|字幕|行动号召))", "", masked)
    masked = _RX_TO_FOR_TOO.sub(r"\g<w> too ", masked)  # "the music is to loud" (not understood)
    masked = _RX_LOOKS_RUN_ON.sub(r"\1, ", masked)  # "title yellow captions white cta red": one look each
    masked = _add_in_look(masked, quotes)  # "add 50% OFF in big red letters"
    masked = _said_plainly(masked)  # "music volume 50", "no cta", "last photo out", "portrait mode pls"
    masked = _sound_said(masked, timeline)  # "jingle's too long" for intro jingle.mp3: the music
    # "the piano is a bit sad. anything more upbeat?": the music's feel, asked after (it made the video bold and quicker)
    masked = _RX_MUSIC_FEEL_ASKED.sub(r"\g<said>, use \g<feel> music", masked)
    # "ok nvm keep the piano. its 1,495 now not 1450 …": a sentence saying what stays, before what changes (the
    # music got louder: "… we put prices up")
    masked = _RX_KEEP_SENTENCE.sub("", masked, count=1)
    masked = _first_way(masked)  # "cut it to 3 sec or fade it under her voice"
    # "字用黄色的 红底上看不清": why (the picture behind is red), not a red box and bigger letters
    masked = re.sub(r"[\s，,]*(?:在)?[\u4e00-\u9fff]{1,4}(?:底|背景|图)上(?:看不清楚?|不清楚|看不见|看不到)[了啊呀]?(?=$|[\s，,。])", "", masked)
    # "字幕颜色换成黄色 白色看不清": why the colour changes (the captions grew too)
    masked = re.sub(r"(?<=\S)[\s，,]*(?:白色|白字|黑色|黑字|红色|红字|颜色|原来的颜色)(?:的字)?(?:太浅了?|太淡了?)?"
                    r"(?:看不清楚?|不清楚|看不见|看不到|不明显)[了啊呀]?(?=$|[\s，,。])", "", masked)
    # "change price bit to SOLD - more coming soon": the text holding the price (not understood)
    masked = _RX_KIND_BIT.sub(r"\g<v>the \g<k>", masked)
    masked = _text_said_whole(masked, timeline)  # "第二杯半价 放大点 要红色", "first session free bigger": that text's look
    masked = _sentence_of_a_row_zh(masked, timeline)  # "五一涨价那句不要了 改成 …": that part of its row
    masked = re.sub(r"(?i)\bbox\s+office\b", "boxoffice", masked)  # (a place to call, not a box behind the text)
    # "地址去掉吧 不想写": that kind of fact taken off, said object first (not understood)
    masked = re.sub(r"^\s*(日期|时间|营业时间|价格|网址|地址|电话|邮箱|优惠码|微信号?)(?:就)?(?:去掉|删掉|删了|拿掉|不要了?|不用了?)(?:吧|了)*"
                    r"(?=\s|[，,。]|$)", r"去掉\1", masked)
    # "字别用白色 换米色那种": the letters' new colour (not understood)
    masked = re.sub(r"^\s*(字|文字|字幕)(?:的颜色)?(?:别用|不要用?|别)[\u4e00-\u9fff]{1,3}色[\s，,]*(?:换|换成|用|改成|改用|换个)?\s*"
                    r"(?P<c>[\u4e00-\u9fff]{1,3}色)(?:那种|的|吧)*\s*$", r"\1改成\g<c>", masked)
    # "put the music back but very quiet": back, then how loud (the level was dropped)
    masked = re.sub(r"(?i)\b((?:put|bring|add)\s+(?:the\s+)?(music|song|track|bgm)\s+back)\s+but\s+(?:make\s+it\s+|have\s+it\s+|keep\s+it\s+)?"
                    r"(?=(?:\w+\s+)?(?:quiet|quieter|soft|softer|low|lower|louder)\b)", r"\1, make the \2 ", masked)
    # "the first caption is wrong, it should say 'Ready?'": one change of its words
    masked = _RX_SHOULD_SAY.sub(lambda m: f"change {m.group('x')} to {m.group('y')}", masked)
    masked = _ZH_WRITE_ONLY.sub(lambda m: f"{m.group('k')}改成{m.group('v')}", masked)  # "地址太长了 就写 滨江星光大道"
    masked = _RX_FIX_TEXT.sub(lambda m: _fix_text(m, timeline), masked)  # "fix the first caption: …"
    masked = said_first(masked, *_texts_shown(timeline))  # "new number: 555-0199", "its 7:30 not 7": corrections
    masked = _out_of_the_way(masked)  # "the captions are covering the rocket": moved out of its way
    masked = _RX_BETWEEN_TIMES.sub(r"from \1 to ", masked)  # "between 20 and 25 seconds": one range
    masked = _RX_SO_IT.sub(", ", masked)  # "make it 720p so it uploads faster": what, then why
    pieces = _clauses(masked)
    seps = _SPLIT_RX.findall(masked)
    # "don't remove the music but lower it a lot": what not to do, then what to do (all of it was left as it was)
    for k in range(len(pieces) - 1, -1, -1):
        if _prohibited(pieces[k]) is not None and (but := re.search(r"(?i)\s+but\s+(?:(?:just|instead|rather)\s+)?(?=\S)",
                                                                    pieces[k])):
            pieces[k:k + 1] = [pieces[k][:but.start()], pieces[k][but.end():]]
            seps[k:k] = [", "]
    if len(pieces) > 1 and _INTERJECTION.fullmatch(pieces[0].strip()):
        # "no, blue", "不对，蓝色": the word before the comma says the next part corrects the last change
        pieces = [f"{pieces[0].strip()} {pieces[1]}", *pieces[2:]]
        seps = seps[1:]
    if len(pieces) > 1:  # "make it vertical, not square": the second part says what the first already did
        said_not = [i for i, p in enumerate(pieces) if _NOT_THE_OTHER.fullmatch(p.strip(" .!"))]
        if said_not and len(said_not) < len(pieces):
            gone = {max(0, i - 1) for i in said_not}  # the separator before each (after the first)
            seps = [x for j, x in enumerate(seps) if j not in gone]
            pieces = [p for i, p in enumerate(pieces) if i not in said_not]
    unread = len(pieces) > MAX_CLAUSES
    pieces = pieces[:MAX_CLAUSES]
    results: list[_Result] = []
    joined: list[str] = []
    turn_mem = mem
    turn_ops: list[O.Op] | None = None  # the last clause's ops, remembered when a later clause refers back
    in_turn = False
    reworded = timeline  # with the new words of texts reworded earlier in this turn (`_with_new_words`)
    said_verb: str | None = None  # the last verb said this turn: "remove the title, the cta and the music"
    for i, piece in enumerate(pieces):
        if joined and (unit := _RX_SECONDS_SAID.search(N.normalize(joined[-1]))) and _RX_BARE_NUMBER_END.search(piece) \
                and not _RX_NOT_A_LENGTH.search(piece):
            # "make the cat photo 5 seconds and the temple 2": seconds too (the second took the first's 5 s)
            piece = f"{piece.rstrip()} {unit.group('u')}"
        if results and results[-1].ok and (back := _RX_TAKEN_BACK.match(piece)):
            # "把丝巾那张删了 不对 删试穿1", "make the title red? never mind, make it blue": the wish before is taken
            # back (it was carried out); its shots stay what "it" means
            results.pop()
            joined.pop()
            piece = piece[back.end():]
        if (within := _RX_TAKEN_BACK_WITHIN.search(piece)) is not None:
            # "再来个黑白的感觉?算了 还是彩色", "make the title red? never mind, make it blue": the rest; what was taken
            # back still says what "it" is
            if (gone := _run(within.group("gone"), quotes, timeline, lib, new)).ok:
                turn_ops, in_turn = list(gone.ops or []), True
            piece = piece[within.end():]
        if not piece.strip():
            continue
        if (what := _prohibited(piece)) is not None:
            said = _ctx(what, quotes, timeline, lib, new).raw
            named = re.match(r"(?i)\S+(?:\s+(?:rid\s+of|up|down|out|off|around))?\s+(?P<x>(?:the|my|our|that|this)\s+(?:[\w'-]+\s+)"
                             r"{0,2}?(?:title|captions?|subtitles?|text|cta|call\s+to\s+action|music|song|voice-?over|voice|logo|"
                             r"photos?|pics?|pictures?|images?|shots?|clips?|transitions?)s?)\b", what)
            results.append(_Result(text=piece, cannot=f"不{said}：照你说的，这部分保持不变" if P.is_chinese(piece) else
                                   f"left as it is: you said not to {said}", kept=named.group("x") if named else ""))
            joined.append(piece)
            continue
        if results and results[-1].kept and not re.search(r"(?i)\bmake\s+it\s+(?:\d|vertical|square|horizontal|portrait|"
                                                          r"landscape|shorter|longer|\w+\s+seconds?)", piece):
            # "don't remove the captions, just make them smaller": the captions ("…, make it 20 seconds": the video)
            piece = re.sub(r"(?i)\b(?:them|it)\b", results[-1].kept, piece, count=1)
        if results and results[-1].ok and (looked := _colour_after(piece, results[-1])):
            results[-1].ops = looked  # "make the pay line stand out more, like yellow": that text yellow too
            joined[-1] += " " + piece
            continue
        if results and (_first_part_of_added(piece, results) or (
                re.fullmatch(r"\s*(?:放|放在|放到)?最后(?:面)?(?:吧)?\s*|\s*(?:at\s+the\s+end|last)\s*", piece)
                and any(isinstance(o, O.AddSegment) and o.after is None and o.before is None
                        for r in results for o in (r.ops or [])))):  # ("加上老板讲话吧 放最后": added at the end already)
            joined[-1] += " " + piece
            continue
        piece = _ends_with_quoted(_PLACE_SAID.sub(_place_said, piece))  # "the book cover should be first": "put the book cover first"
        piece = _not_used_zh(piece, timeline, lib)  # "老板讲话那个不用": "把老板讲话删掉"
        if results and results[-1].ok and (offer := _more_words(piece, results[-1].ops or [])):
            # "add the title summer sale, 50% off": an offer after words added without quotes is more of them
            sep = seps[i - 1] if i - 1 < len(seps) else " "
            m = _run(joined[-1] + sep + piece, quotes, timeline, lib, new)
            if m.ok and len(m.ops or []) == len(results[-1].ops or []) and \
                    any(offer.lower() in (getattr(o, "text", None) or "").lower() for o in m.ops or []):
                results[-1] = m
                joined[-1] = joined[-1] + sep + piece
                continue
        if results and _STATED.match(N.normalize(piece)):
            # "is the banjo thing long enough? it's only a minute": what it is, said with the question (the last
            # picture, "it" in memory, was set to 60 s)
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            continue
        if results and _MERGE_TEXTS.search(N.normalize(piece)) and (
                (results[-1].ok and all(isinstance(o, O.RemoveText) for o in results[-1].ops or []))
                or (results[-1].question and _RX_LESS_TEXT.search(N.normalize(results[-1].text)))):
            # "字太多了 看不过来 合并一下": fewer lines with every fact kept, not the captions removed
            zh = P.is_chinese(piece)
            results[-1] = _Result(text=joined[-1], cannot=(
                "还不能自动把几条字幕合并成一条；可以说“把第二条字幕改成「…」”写成一条，再“去掉第三条字幕”" if zh else
                "captions are not merged for you yet: say e.g. \"change the second caption to '…'\" with both in it, "
                "then 'remove the third caption'"))
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            continue
        if results and results[-1].ok and (_WHAT_STAYS.match(N.normalize(piece)) or _PEOPLE_NEED.match(N.normalize(piece))
                                           or _WHY_SAID.match(N.normalize(piece))):
            # (read before the piece is planned: nothing of it is carried out)
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            continue
        if results and _SONG_KIND.match(N.normalize(piece)) and re.search(r"(?i)\b(?:music|song|track|tune|beat)s?\b|音乐|歌",
                                                                       joined[-1]):
            # "add some music, something chill": the kind of music asked for, said with it (it set a calm
            # style and slower pictures)
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            continue
        if results and not results[-1].ok and results[-1].question is None and _bare_value(piece) \
                and not re.search(r"(?:seconds?|secs?|\d\s*s|minutes?|mins?|秒|分钟)\s*(?:long)?\s*[.!。！]?\s*$", N.normalize(piece)):
            # "start the music where the melody comes in, like 0:12": the value of the clause before, read with it
            # (alone it set the video to 12 s); not understood with it either, it is no length of its own
            sep = seps[i - 1] if i - 1 < len(seps) else " "
            m = _run(joined[-1] + sep + piece, quotes, timeline, lib, new)
            joined[-1] = joined[-1] + sep + piece
            results[-1] = m if m.ok or m.question or m.cannot else _Result(text=_ctx(joined[-1], quotes, timeline, lib, new).raw)
            continue
        if results and results[-1].ok and _bare_value(piece):
            # "…transitions, 1 second" / "…quieter, about 20%": a bare value belongs to the clause before
            sep = seps[i - 1] if i - 1 < len(seps) else " "
            m = _run(joined[-1] + sep + piece, quotes, timeline, lib, new)
            if m.ok and O.dump_ops(m.ops or []) != O.dump_ops(results[-1].ops or []) or m.cannot:
                # (a refusal with it stands: "needs to be longer … like 10s" of an 11 s shot is no 10 s video)
                results[-1] = m
                joined[-1] = joined[-1] + sep + piece
                continue
            if not re.search(r"(?:seconds?|secs?|\d\s*s|minutes?|mins?|秒|分钟)\s*(?:long)?\s*[.!。！]?\s*$", N.normalize(piece)):
                # a stray value ("0:12", "20%") after a clause it does not fit: ask, do not guess
                results.append(_Result(text=_ctx(piece, quotes, timeline, lib, new).raw))
                joined.append(piece)
                continue
            # "make it vertical, 30 seconds": a length on its own is the video's length
        if results and results[-1].ok and (said_len := _RX_IT_A_LENGTH.match(N.normalize(piece))) \
                and results[-1].ops and all(isinstance(o, (O.AddText, O.UpdateText, O.SwapSegments, O.MoveSegment))
                                        for o in results[-1].ops):
            ms = round(float(said_len.group("n")) * 1000)
            if ms >= max(_TEXT_LENGTH_MAX_MS, timeline.duration / 3):
                # "end with 'Buy today' and make it 15 seconds": the video's length, not the text's (the call to
                # action was shown for the last 15 s)
                piece = f"make the video {said_len.group('n')} seconds"
            elif len(results[-1].ops) == 1 and isinstance(added := results[-1].ops[0], O.AddText) and added.shot is None:
                # "add the title 'Sale' and make it 5 seconds": the new text's (the video was cut to 5 s)
                results[-1].ops = [added.model_copy(update={"timing": added.timing.model_copy(update={"duration_ms": ms})})]
                joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
                continue
        if turn_ops is not None and M.may_refer(piece):
            turn_mem = M.remember(mem, turn_ops, timeline, lib)
            turn_ops = None
        r = _run_remembering(piece, quotes, reworded, lib, new, turn_mem, in_turn)
        if results and results[-1].cannot and results[-1].kept is None and r.ok \
                and re.search(r"\b(?:it|that|them)\b", N.normalize(piece)) \
                and (_audio_role(N.normalize(joined[-1])) in ("voice", "music") or _names_a_song(joined[-1], lib)) \
                and not _names_a_thing(_ctx(piece, quotes, timeline, lib, new)):
            # "my dad says his voice is too slow, can you speed it up a little": "it" is the voice the clause
            # before was refused for (the video clips were sped up)
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            continue
        if results and (not results[-1].ok or _ZH_PART.match(piece)) and results[-1].kept is None \
                and (said_it := _it_as_named(piece, joined[-1], quotes, timeline, lib, new)) \
                and ((r2 := _run(said_it, quotes, timeline, lib, new)).ok or r2.cannot):
            # (a refusal for the shot named stands: "cut it to the first 10 sec" of an 8 s clip is not the video's)
            r2.text = r.text  # "walkthrough clip has wind noise, mute it": the clip (it muted the voiceover)
            r = r2
            if not results[-1].ok and results[-1].question is None and results[-1].cannot is None:
                # the clause naming it says what, not something else to do: "the music is too long, cut it to 3 sec"
                sep = seps[i - 1] if i - 1 < len(seps) else " "
                results.pop()
                piece = joined.pop() + sep + piece
        if results and results[-1].ok and results[-1].ops and _WHY_IT_GOES.match(N.normalize(piece)) \
                and all(isinstance(o, (O.RemoveSegment, O.RemoveText, O.RemoveTrack)) for o in results[-1].ops):
            # "菜单那张别放了 太乱", "drop the menu pic, too busy": why it goes (it made the style minimal)
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            continue
        if not r.ok and r.question is None and r.cannot is None and results and results[-1].ok \
                and _REASON.match(N.normalize(piece)):
            # "put the collar closeup first, so ppl can recognize him", "…吧 比较吸引人": why, not what
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            continue
        if results and results[-1].ok and (r2 := _with_turn_targets(piece, joined[-1], results[-1].ops or [], quotes,
                                                                    timeline, lib, new)) is not None:
            r = r2  # "swap the 1st and 2nd pics and make both 3 seconds", "…, the second 3 seconds"
        if not r.ok and results and results[-1].ok and _complete(results[-1].ops or []) \
                and (verb := _lead_verb(joined[-1]) or said_verb) and not _lead_verb(piece) \
                and _names_a_thing(_ctx(piece, quotes, timeline, lib, new)):
            # "put the beach photo first and the shoe photo last": the second part has its own target
            r2 = _run_remembering(f"{verb} {piece}", quotes, timeline, lib, new, turn_mem, in_turn)
            if r2.ok or r2.question:  # a question ("remove … and the photo": which?) is asked, never dropped
                r2.text = r.text
                r = r2
        if results and r.ok and not results[-1].ok and results[-1].question is None and results[-1].cannot is None \
                and _VALUE_LEAD.match(N.normalize(joined[-1])):
            # "put the day on the date, FRI march 13": what to do, then the value that does it (read together they
            # wrote "On the date, FRI the second caption" over the date)
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            r.text = joined[-1]
            results[-1] = r
            continue
        if results and not results[-1].ok and results[-1].question is None and r.ok and r.ops \
                and all(isinstance(o, O.RemoveSegment) for o in r.ops) and _ONLY_THESE.match(N.normalize(joined[-1])):
            # "only nails, take out the chair pic": what stays, said before what goes (read as one, the nail
            # clip went too)
            results[-1] = r
            joined[-1] += (seps[i - 1] if i - 1 < len(seps) else " ") + piece
            continue
        if results and (not r.ok or not results[-1].ok) and results[-1].kept is None:
            sep = seps[i - 1] if i - 1 < len(seps) else " "
            merged_text = joined[-1] + sep + piece
            m = _run(merged_text, quotes, timeline, lib, new)
            # a part refused with a reason ("add a vignette": there is none) stays refused, said beside the rest
            refused = bool(results[-1].cannot) and r.ok and not m.absent  # (a name not in the project is said either way)
            # and a part done, beside one refused with a reason, keeps what it did when the two are read together
            # ("地址不要了 然后logo放大一点" with no logo, read as one, removed the logo instead of the address)
            kept = not results[-1].ok or not r.cannot or all(o in (m.ops or []) for o in results[-1].ops or [])
            contributes = m.ok and not refused and kept and (
                not results[-1].ok or O.dump_ops(m.ops or []) != O.dump_ops(results[-1].ops or []))
            if contributes or (m.question and not r.ok) or (m.cannot and not r.ok and not results[-1].ok):
                results[-1] = m
                joined[-1] = merged_text
                if m.ok:
                    turn_ops = list(m.ops or [])
                continue
        if not r.ok and results and results[-1].ok and (verb := _lead_verb(joined[-1]) or said_verb) and not _lead_verb(piece):
            # "remove the voiceover and the music", "put the beach photo first and the shoe photo last"
            r2 = _run_remembering(f"{verb} {piece}", quotes, timeline, lib, new, turn_mem, in_turn)
            if r2.ok or r2.question:
                r2.text = r.text
                r = r2
        if r.ok and results and results[-1].ok:
            r.ops = _onto_new_text(results[-1].ops or [], r.ops or [], timeline, lib)
        results.append(r)
        joined.append(piece)
        said_verb = _lead_verb(piece) or said_verb
        if r.ok:
            turn_ops = list(r.ops or [])
            in_turn = True
            reworded = _with_new_words(reworded, r.ops or [], lib)
    if unread:
        results.append(_Result(text=f"… (only the first {MAX_CLAUSES} parts are read)"))
    for before, r in zip(results, results[1:], strict=False):
        if r.ok and not before.ok and before.cannot and re.search(r"\bno '|没有「|不知道「", before.cannot) \
                and re.match(r"(?i)\s*(?:and\s+|so\s+|pls\s+|please\s+)?(?:let|make|have|keep|leave)\s+(?:it|them)\b", r.text):
            # "the bw one is too short, let it stay longer": "it" is the picture not found (the call to action was held
            # longer instead)
            r.ops, r.cannot = None, before.cannot
    ops = _tidy([op for r in results for op in (r.ops or [])])
    versions = _versions_note(results, ops, zh)  # "a vertical and a square version": one frame at a time
    versions = versions or _another_version_note(results, ops, timeline, zh)  # "can i also get a 16:9 one"
    names = _names(lib, timeline)
    understood = [W.describe(op, names) for op in ops]
    fixed = tuple(f"{f.wrong}->{f.right}" for f in fixes)
    questions = [r.question for r in results if r.question]
    if questions:
        return EditPlan("ambiguous", (), questions[0], tuple(understood), fixes=fixed)
    problems = [r for r in results if not r.ok]
    problems += [_Result(text=r.absent or "", cannot=f"there is no '{r.absent}' in the project") for r in results if r.ok and r.absent]
    if problems and not ops:
        plan = _unknown(understood, problems, zh=zh)
        return EditPlan(plan.status, (), plan.reply + _typo_note(fixes, zh), plan.understood, fixes=fixed)
    memory_out = M.remember(mem, ops, timeline, lib).to_dict()
    skipped = tuple(p.text.strip() for p in problems)
    if zh:
        reply = "；".join(_grouped(ops, names, zh=True)) + "。"
    else:
        reply = "; ".join(_grouped(ops, names, zh=False))
        reply = reply[:1].upper() + reply[1:] + "."
    said = list(dict.fromkeys(n for r in results if r.ok for n in r.notes)) + versions  # (a note said once)
    note = ("".join(" " + n for n in said) + (" " + _skipped_note(problems, zh) if problems else "")
            + _typo_note(fixes, zh))
    return EditPlan("ok", tuple(ops), reply + note, tuple(understood), skipped=skipped, fixes=fixed,
                    memory=memory_out, note=note.strip())


def _grouped(ops: list[O.Op], names: dict[str, str], *, zh: bool) -> list[str]:
    """Each op in words, the same change to every text of a kind said once ("all 7 captions:
    colour yellow", not "the first caption: colour yellow; the second caption: …" seven times)."""
    describe = W.describe_zh if zh else W.describe
    out: list[str] = []
    i = 0
    while i < len(ops):
        o = ops[i]
        run = [o]
        if isinstance(o, O.UpdateText) and o.target is not None and o.target.index == 0:
            same = o.model_dump(exclude={"target"})
            while (i + len(run) < len(ops) and isinstance(nxt := ops[i + len(run)], O.UpdateText)
                   and nxt.target is not None and nxt.target.role == o.target.role
                   and nxt.target.index == len(run) and nxt.model_dump(exclude={"target"}) == same):
                run.append(nxt)
        if len(run) < 3 and (words := _new_words_run(ops, i)):
            first = " / ".join(ops[i].text.split("\n"))  # type: ignore[union-attr]
            role = ops[i].target.role.value if ops[i].target.role else "text"  # type: ignore[union-attr]
            if zh:
                out.append(f"{words}条{ROLE_ZH.get(role, '文字')}的文字改了（第一条现在是「{first}」）")
            else:
                out.append(f"{words} {ROLE_PLURAL.get(role, 'texts')}' words changed (the first now reads \"{first}\")")
            i += words
            continue
        if len(run) >= 3:
            change = describe(o, names).split("：" if zh else ": ", 1)[-1]
            role = o.target.role.value if o.target.role else "text"
            if zh:
                out.append(f"全部{len(run)}条{ROLE_ZH.get(role, '文字')}：{change}")
            else:
                out.append(f"all {len(run)} {ROLE_PLURAL.get(role, 'texts')}: {change}")
        else:
            out += [describe(x, names) for x in run]
        i += len(run)
    return out


ROLE_PLURAL = {"title": "titles", "caption": "captions", "cta": "calls to action"}
ROLE_ZH = {"title": "标题", "caption": "字幕", "cta": "行动号召"}


def _new_words_run(ops: list[O.Op], i: int) -> int:
    """How many ops from ``i`` on give texts of one kind new words and change nothing else (three or
    more, said once: "6 captions' words changed"), else 0."""
    def words_only(o: O.Op) -> bool:
        return (isinstance(o, O.UpdateText) and o.target is not None and o.text is not None
                and not o.model_dump(exclude={"target", "text", "op"}, exclude_none=True))

    if not words_only(ops[i]):
        return 0
    n = 1
    while i + n < len(ops) and words_only(ops[i + n]) and ops[i + n].target.role == ops[i].target.role:  # type: ignore[union-attr]
        n += 1
    return n if n >= 3 else 0


# where a shot goes said as what it should be ("book cover should be first", "the poster should be the last
# thing", "先放院子"): the move it asks for (they were not understood)
_PLACE_SAID = re.compile(r"(?i)^\s*(?:the\s+)?(?P<x>(?!(?:it|this|that|they|them|title|captions?|music|text)\b)[^\x00,;]{2,40}?)\s+"
                         r"(?:should|must|needs?\s+to|has\s+to|can)\s+(?:be|go|come|appear|show)\s+(?P<w>first|last|"
                         r"(?:the\s+)?(?:first|last|final)\s+(?:thing|one|shot|pic|photo)|at\s+the\s+(?:start|beginning|end)|"
                         r"right\s+(?:after|before)\s+the\s+[^\x00,;]{2,30}?)(?:\s*$|(?=\s*[,;.!])|"
                         r"\s+(?:it'?s|its|because|cuz|since|as\s+it'?s)\s+(?:the\s+|a\s+|so\s+|really\s+)?(?:best|nicest|"
                         r"strongest|favou?rite|prettiest|cutest|good|great|better)\b.*$)|"
                         r"^\s*先放(?P<zx>[^\s，,。]{1,12}?)\s*$|^\s*最后(?:再)?放(?P<zl>[^\s，,。]{1,12}?)\s*$|"
                         # "goat clip somewhere in the middle": the middle place
                         r"^\s*(?:the\s+|then\s+(?:the\s+)?)?(?P<mx>(?!(?:it|this|that|they|them|title|captions?|music|text|put|move|place|"
                         r"bring|make|have|get)\b)"
                         r"[^\x00,;]{2,40}?)\s+(?:somewhere\s+)?in\s+the\s+middle\s*$|"
                         # "boss fight near the end": the shot before the last
                         r"^\s*(?:the\s+|then\s+(?:the\s+)?)?(?P<nx>(?!(?:it|this|that|they|them|title|captions?|music|text)\b)"
                         # ("theres a kids face in the magic video near the end": where something is, no move)
                         r"(?!(?:there|here)(?:'?s|\s+is|\s+are)\b|(?:i|we|you|he|she)\s)"
                         r"[^\x00,;]{2,40}?)\s+(?:near|towards?|close\s+to)\s+the\s+end\s*$|"
                         r"^\s*(?:用|拿|以)(?P<zy>[^\s，,。]{1,12}?)(?:那个|那段|这个|这段)?(?:视频|片段|图片|照片)?(?P<zw>开头|开场|结尾|收尾)\s*$")


_RX_NOT_USED_ZH = re.compile(r"^\s*(?:(?P<x>[^\s，,。]{1,12}?)(?:那个|那段|那张|这个|这段|这张)?(?:就)?(?:不用了?|不要了?|不需要了?|别用了?|"
                             r"别放了?|不放了?|不用放了?)|(?:不用|不要|别用|别放|不放)(?P<y>[^\s，,。]{1,12}?)(?:那个|那段|那张|这个|这段|这张)?)"
                             r"\s*[。！]?\s*$")


def _not_used_zh(piece: str, tl: Timeline, lib: tuple[Asset, ...]) -> str:
    """"老板讲话那个不用", "不要丝巾那张": the shot named is removed, said as the rules read it; else as it is
    (only a name of a shot on screen: "不要转场" stays the transitions')."""
    # ("不要菜单那张 太乱了": why, after it)
    m = _RX_NOT_USED_ZH.match(re.sub(r"[\s，,]+(?:太|有点|有些|很|好|特别|真)[\u4e00-\u9fff]{1,3}了?[啊呀吧]*\s*$", "", piece))
    if m is None:
        return piece
    name = m.group("x") or m.group("y")
    if re.search(r"声音|原声|声$|音乐|字幕|转场|特效|动画", name):
        return piece  # "航拍声音不要": the aerial clip's sound, not the clip
    return f"把{name}删掉" if _find_targets(_ctx(name, [], tl, lib, ())) else piece


def _place_said(m: re.Match[str]) -> str:
    if m.group("mx"):
        return f"put the {m.group('mx')} in the middle"
    if m.group("nx"):
        return f"put the {m.group('nx')} second to last"
    if m.group("zx"):
        return f"把{m.group('zx')}放到最前面"
    if m.group("zl"):
        return f"把{m.group('zl')}放到最后"  # "最后放阿姨团队合照"
    if m.group("zy"):  # "用口播那个视频开头", "以门头结尾"
        return f"把{m.group('zy')}放到{'最前面' if m.group('zw') in ('开头', '开场') else '最后'}"
    w = m.group("w").lower()
    where = "first" if re.search(r"first|start|beginning", w) and not w.startswith("right") else \
        "last" if not w.startswith("right") else w
    return f"put the {m.group('x')} {where}"


# a wish taken back before the one meant ("black and white? nah never mind, just brighter", "黑白?算了 还是彩色"):
# it was carried out with the rest
_RX_TAKEN_BACK = re.compile(r"(?i)^\s*(?:(?:nah|no|hmm+|actually|ok|oh)[,.!\s]+)*(?:算了|不要了|还是不要了|不对|说错了|搞错了|"
                            r"never\s*mind|nvm|scratch\s+that|forget\s+(?:it|that))(?:吧|啦)?\s*[,，。.!！]*\s*")
_RX_TAKEN_BACK_WITHIN = re.compile(r"(?i)^(?P<gone>.*\S)\s*(?:[?？!！,，。.]\s*|\s+)(?:(?:nah|no|hmm+|actually|ok|oh)[,.!\s]+)*"
                                   r"(?:算了|不要了|还是不要了|never\s*mind|nvm|scratch\s+that|forget\s+(?:it|that))(?:吧|啦)?\s*[,，。.!！]*\s*")
_RX_ONE_MORE_THING = re.compile(r"(?i)(?:^|(?<=[.!?]\s)|(?<=[.!?]))\s*(?:(?:and|ok|okay|oh|also|ah)[,\s]+)*"
                                r"(?:(?:one|a|the)\s+)?(?:last|final|more|other|another)\s+thing(?:\s+is)?\s*[,:.!-]*\s+(?=\S)")
_INTERJECTION = re.compile(r"(?:no|nope|nah|actually|wait|sorry|oops|whoops|oh|ah|also|btw|hmm+|um+|uh+|ok|okay|well|不对|不是|错了|算了)", re.I)
_LEAD_VERB = re.compile(r"^\s*(?:please\s+)?(put|move|make|remove|delete|drop|swap|mute|unmute|set|change|turn|add|place|"
                        r"show|speed\s+up|slow\s+down|fade|lower|raise|zoom\s+in\s+on|zoom\s+out\s+on)\b", re.I)


_RX_BOTH = re.compile(r"\b(?:both(?:\s+of\s+them)?|them\s+both|each\s+of\s+them|the\s+two\s+of\s+them)\b|两张都|两个都|它们俩|它俩")
_RX_BARE_ORD = re.compile(rf"\bthe\s+(?P<ord>{_ORD_FULL})\b(?!\s+(?:{_NOUN}|(?:two|three|four|five|\d+)\s+{_NOUN}))")


# a length in seconds said in a clause, and a clause that ends on a number with no unit of its own
# "make it 15 seconds" after a text was changed or shots were swapped: a length no text or still is shown for is
# the video's
_RX_IT_A_LENGTH = re.compile(r"(?i)^\s*(?:and\s+|then\s+)?(?:make|cut|trim|keep)\s+it\s+(?:to\s+|down\s+to\s+)?"
                             r"(?P<n>\d+(?:\.\d+)?)\s*(?:s|secs?|seconds?)(?:\s+long)?\s*[.!]*\s*$")
_TEXT_LENGTH_MAX_MS = 8000
_RX_SECONDS_SAID = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?P<u>seconds?|secs?|s)\b")
# a setting with a number of its own, not a length ("the font size 48", "the music 30", "that one 2")
_RX_NOT_A_LENGTH = re.compile(r"(?i)\b(?:music|song|bgm|track|voice|voiceover|narration|font|size|brightness|volume|contrast|"
                              r"saturation|speed|level|opacity|zoom|fps|percent|(?:that|this)\s+one|it)\b")
_RX_BARE_NUMBER_END = re.compile(r"(?i)^(?:and\s+)?(?:the|that|this|my|our)\b[^\d]*?\s(?<![\d.])\d+(?:\.\d+)?\s*[.!]?\s*$")


def _with_turn_targets(piece: str, before: str, ops: list[O.Op], quotes: list[str], tl: Timeline,
                       lib: tuple[Asset, ...], new: tuple[Asset, ...]) -> _Result | None:
    """A clause that leans on the shots the clause before it named: "both" / "each of them" (every one of
    them), or a bare ordinal of the same kind ("make the first photo 2 seconds, the second 3 seconds")."""
    named = list(dict.fromkeys(t for o in ops for t in M.targets_of(o) if t.role is Role.MAIN))
    if not named:
        return None
    verb = "" if _lead_verb(piece) else (_lead_verb(before) or "")
    if _RX_BOTH.search(piece) and len(named) >= 2:
        first = M.phrase(M.Memory(target=named[0].model_dump(mode="json", exclude_none=True)))
        if first is None:
            return None
        r = _run(f"{verb} {_RX_BOTH.sub(first, piece, count=1)}", quotes, tl, lib, new)
        if not r.ok or not all(M.targets_of(o) == [named[0]] or M.targets_of(o) == [] for o in r.ops or []):
            return None
        r.ops = [o.model_copy(update={"target": t}) if M.targets_of(o) else o for t in named for o in r.ops or []]
        r.text = _ctx(piece, quotes, tl, lib, new).raw
        return r
    kind = named[-1].kind
    m = _RX_BARE_ORD.search(N.normalize(piece))
    if m and kind and verb:
        noun = "photo" if kind == "image" else "video clip"
        text = N.normalize(piece)
        r = _run(f"{verb} {text[:m.end()]} {noun}{text[m.end():]}", quotes, tl, lib, new)
        if r.ok and any(M.targets_of(o) for o in r.ops or []):
            r.text = _ctx(piece, quotes, tl, lib, new).raw
            return r
    return None


def _names_a_song(piece: str, lib: tuple[Asset, ...]) -> bool:
    """The clause names an audio file by a word of its name ("the lofi" for Lo-fi Morning Beat.mp3)."""
    words = set(re.findall(r"[a-z0-9]{4,}", re.sub(r"-", "", N.normalize(piece))))
    return any(words & name_tokens(a.name) for a in lib if a.kind is AssetKind.AUDIO and a.name)


def _names_a_thing(c: _Ctx) -> bool:
    """A shot, a text or a track: something a carried verb can act on."""
    return bool(_find_targets(c)) or text_role(c.t) is not None or _has(_MUSIC + "|" + _VOICE, c.t)


def _complete(ops: list[O.Op]) -> bool:
    """Every shot these ops name is named in full (by name, or a position with its kind): the clause
    did not leave a bare ordinal for the next one to finish ("delete the first and second images")."""
    ts = [t for o in ops for t in M.targets_of(o)]
    return bool(ts) and all(t.role is not Role.MAIN or t.name or t.id or (t.index is not None and t.kind) for t in ts)


def _lead_verb(piece: str) -> str | None:
    m = _LEAD_VERB.match(piece)
    return m.group(1) if m else None


def _with_new_words(tl: Timeline, ops: list[O.Op], lib: tuple[Asset, ...]) -> Timeline:
    """``tl`` with the texts' new words of ``ops`` when that is all they change: "add a party emoji to
    the title, and put the title on two lines" breaks the title with its emoji (each was worked out
    from the old words, and the second undid the first)."""
    if not ops or not all(isinstance(o, O.UpdateText) and o.text is not None for o in ops):
        return tl
    from reelforge.planner.apply import ApplyError, apply

    try:
        return apply(tl, ops, library=lib)
    except ApplyError:
        return tl


def _onto_new_text(before: list[O.Op], ops: list[O.Op], tl: Timeline, lib: Sequence[Asset]) -> list[O.Op]:
    """"add 'Sale' at the top and make it red": "it" is the text just added, not the old title (called by
    its place, as the memory of an added text calls it, or not called)."""
    added = [o for o in before if isinstance(o, O.AddText)]
    if not added:
        return ops
    a = added[-1]
    at = M.added_text(a, tl, lib)
    called = (O.UpdateText.model_fields["target"].default, O.Target(role=Role(a.role), index=at["index"]))
    out = []
    for o in ops:
        if isinstance(o, O.UpdateText) and o.target in called and o.text is None:
            o = o.model_copy(update={"target": O.Target(role=Role(a.role), name=a.text)})
        out.append(o)
    return out


def _fixes_shown(plan: EditPlan) -> tuple[str, ...]:
    """The words as typed whose correction ends up in the words of a text on screen."""
    shown = " ".join(str(getattr(op, "text", "") or "") for op in plan.ops)
    return T.landed_on_screen(((wrong, right) for wrong, _, right in (p.partition("->") for p in plan.fixes)), shown)


def _typo_note(fixes: list[T.Correction], zh: bool) -> str:
    s = T.said(fixes, zh)
    return f" {s}" if s and not zh else s


def _few(items: list[str], n: int = 5) -> list[str]:
    """At most ``n`` of them (a reply stays short), each once."""
    items = list(dict.fromkeys(items))
    return items[:n] + ([f"… +{len(items) - n}"] if len(items) > n else [])


def _skipped_note(problems: list[_Result], zh: bool) -> str:
    cannot = [p.cannot for p in problems if p.cannot][:3]
    lost = _few([p.text.strip() for p in problems if not p.cannot])
    parts = []
    if zh:
        if lost:
            parts.append("没有理解" + "、".join(f"「{x}」" for x in lost) + "，这部分没有修改。")
        parts += [_zh(c) + "。" for c in cannot]
        return "".join(parts)
    if lost:
        parts.append("I did not understand " + ", ".join(f"'{x}'" for x in lost) + ", so that part was left out.")
    parts += [c[:1].upper() + c[1:] + "." for c in cannot]
    return " ".join(parts)


_BARE_FILLER = re.compile(r"\b(?:about|around|roughly|approximately|approx|maybe|like|say|please|just|only|each|long|"
                         r"or\s+so|ish)\b|大约|大概|左右|差不多|吧|就|请|[~≈]")


def _more_words(piece: str, ops: list[O.Op]) -> str | None:
    """The offer a clause only is ("50% off", "$5 off") after an op that put unquoted words on
    screen: the rest of those words, not a text of its own (it is kept only if the words take it)."""
    from reelforge.planner.ending import offer_in

    words = [o.text for o in ops if isinstance(o, (O.AddText, O.UpdateText)) and o.text]
    offer = offer_in(piece)
    if (len(words) == 1 and "\x00" not in piece and offer is not None
            and len(N.normalize(piece).strip(" .!").split()) <= 5 and offer.lower() not in words[0].lower()):
        return offer
    return None


def _bare_value(piece: str) -> bool:
    """True when the clause is only a value: "1 second", "about 20%", "-6 dB", "三秒"."""
    t = N.normalize(piece)
    rest = t
    for d in reversed(TW.find_durations(t)):
        rest = rest[:d.start] + " " + rest[d.end:]
    rest = re.sub(r"[+-]?\s*\d+(?:\.\d+)?\s*(?:%|percent|db|decibels?|x|分贝)|百分之\S+", " ", rest)
    rest = _BARE_FILLER.sub(" ", rest)
    return rest != t and not re.sub(r"[\s,.;!?，。；！？]+", "", rest)


_RX_VERSIONS = re.compile(r"\bversions?\b|\bboth\b|\beach\b|\bcuts\b|各|两个版本|两版|分别|两种")


def _versions_note(results: list[_Result], ops: list[O.Op], zh: bool) -> list[str]:
    """"give me a vertical and a square version": a project has one frame, so the first one asked for
    is made (``ops`` changed in place) and the reply says how to get the other (the last one won,
    without a word)."""
    asked = [o.aspect for r in results for o in (r.ops or []) if isinstance(o, O.SetFrame) and o.aspect]
    if asked and len(set(asked)) < 2:  # "竖屏和方形各做一个", "vertical and square versions": one clause
        said = [a for r in results if r.ok and _RX_VERSIONS.search(N.normalize(r.text)) for a in P.aspects_in(r.text)]
        asked = [asked[0], *[a for a in said if a != asked[0]]]
    if len(set(asked)) < 2:
        return []
    first, other = asked[0], next(a for a in asked if a != asked[0])
    for i, o in enumerate(ops):
        if isinstance(o, O.SetFrame):
            ops[i] = o.model_copy(update={"aspect": first})
    return [f"一次只能是一种画面：先做成了{first}；导出后说“改成{other}”再导出另一版（每次导出的文件都会保留）。" if zh else
            f"One frame at a time: made it {first}; export it, then say 'make it {other}' and export again for the "
            "other version (each export keeps its own file)."]


_RX_ANOTHER = re.compile(r"(?i)\b(?:also|as\s+well|another|one\s+more|second|extra|separate)\b|\btoo\b(?=\s*(?:[.!?,]|$))|再做一个|再来一个|也发|也要|另一个|另外一个|"
                         r"还要一个|再出一个|也做一个")


def _another_version_note(results: list[_Result], ops: list[O.Op], tl: Timeline, zh: bool) -> list[str]:
    """"can i also get a 16:9 one for my website", "再做一个横版的": the one video's frame changes, so the reply says
    how to keep the other (it changed the frame in place without a word)."""
    from reelforge.timeline.presets import aspect_of

    lengths = [o.duration_ms for o in ops if isinstance(o, O.SetTotalDuration)]
    if len(lengths) == 1 and lengths[0] != tl.duration and any(
            _RX_ANOTHER.search(r.text) for r in results if r.ok and any(isinstance(o, O.SetTotalDuration) for o in r.ops or [])):
        # "can you also do a 6 sec one for a story ad" (the video became 6 s without a word)
        was, now = f"{tl.duration / 1000:g}", f"{lengths[0] / 1000:g}"
        return [f"一个项目一次只有一个版本：现在改成了{now}秒，原来的{was}秒版先导出再改就都留下了（每次导出的文件都会保留），"
                f"或者说“撤销”回到{was}秒。" if zh else
                f"A project holds one version at a time: it is {now} s now; the {was} s version is kept if you export it "
                f"before changing it (each export keeps its own file), or say 'undo' to get it back."]
    asked = [o.aspect for o in ops if isinstance(o, O.SetFrame) and o.aspect]
    before = aspect_of(tl.width, tl.height)
    if len(set(asked)) != 1 or asked[0] == before or not any(
            _RX_ANOTHER.search(r.text) for r in results if r.ok and any(isinstance(o, O.SetFrame) for o in r.ops or [])):
        return []
    return [f"一个项目一次只有一种画面：现在改成了{asked[0]}，原来的{before}版先导出再改就都留下了（每次导出的文件都会保留），"
            f"或者说“撤销”回到{before}。" if zh else
            f"A project has one frame at a time: it is {asked[0]} now; the {before} version is kept if you export it before "
            f"changing the frame (each export keeps its own file), or say 'undo' to get it back."]


def _tidy(ops: list[O.Op]) -> list[O.Op]:
    """Drop repeated ops and merge neighbouring frame changes ("720p and vertical")."""
    out: list[O.Op] = []
    for op in ops:
        if out and op == out[-1] and not isinstance(op, (O.Undo, O.Redo)):  # "undo the last two changes": two
            continue
        if out and isinstance(op, O.SetFrame) and isinstance(out[-1], O.SetFrame):
            prev = out[-1]
            out[-1] = O.SetFrame(aspect=op.aspect or prev.aspect, resolution=op.resolution or prev.resolution,
                                 fps=op.fps or prev.fps)
            continue
        if out and isinstance(op, O.SetSegmentDuration) and isinstance(out[-1], O.SetSegmentDuration) \
                and op.target == out[-1].target:
            out[-1] = op  # "跑步机那个太长了 剪到4秒": the length said, not a step and then it
            continue
        if out and isinstance(op, O.SetTotalDuration) and isinstance(out[-1], O.SetTotalDuration):
            out[-1] = op  # "it's too long, 15 seconds is fine": the length said, not a step and then it
            continue
        if out and isinstance(op, O.SetVolume) and isinstance(prev := out[-1], O.SetVolume) and op.factor and prev.factor \
                and (op.role, op.span, op.target) == (prev.role, prev.span, prev.target) and (op.factor > 1) == (prev.factor > 1):
            continue  # "the voiceover is a bit quiet, bump it up": one step louder, said twice (it took two)
        added = next((i for i, o in enumerate(out) if isinstance(o, O.AddText) and isinstance(op, O.UpdateText)
                      and op.bold is None and op.target.name == o.text and op.target.role.value == o.role), None)
        if added is not None and isinstance(op, O.UpdateText):  # "add 'Sale' … and make it red": one new text
            a = out[added]
            upd = {k: getattr(op, k) for k in ("text", "position", "size", "color", "background", "timing")
                   if getattr(op, k) is not None}
            out[added] = a.model_copy(update=upd)
            continue
        out.append(op)
    return out


# "…要不要去掉？", "should we drop the poster?": advice asked about a change, not the change (every text was removed)
RX_ADVICE = re.compile(r"^(?P<head>.*?)[\s，,]*(?:要不要|该不该|需不需要|是不是(?:应该|该|要)|用不用)(?:把)?(?P<thing>[^\s，,。？?]{0,10}?)"
                       r"(?P<verb>去掉|删掉|删了|拿掉|换掉|剪掉|放大|加长|缩短)(?:呢|啊)?\s*[？?吗]+\s*$|"
                       r"^(?P<ehead>.*?)[\s,]*\b(?:[Ss]hould|[Ss]hall)\s+(?:[Ii]|we)\s+(?P<everb>remove|drop|delete|cut|lose|ditch)\s+"
                       r"(?P<ething>it|that|them|the\s+[\w' -]{1,30}?)\s*\?+\s*$")
_ADVICE_THING = re.compile(r"(?P<x>[^\s，,。]{1,10}?)(?:那张|这张|那段|这段|那个|这个)")


def advised_change(question: str) -> str | None:
    """The change advice is asked about ("海报那张字太小看不清 要不要去掉？": "把海报那张去掉"; "the poster is hard
    to read, should we remove it?": "remove the poster"), as an instruction; None when no advice is asked."""
    m = RX_ADVICE.match(question.strip())
    if m is None:
        return None
    if m.group("verb"):
        named = _ADVICE_THING.search(m.group("head") or "")
        thing = m.group("thing") or (named.group(0) if named else "")
        return f"把{thing}{m.group('verb')}" if thing else m.group("verb")
    thing = m.group("ething")
    if thing.lower() in ("it", "that", "them"):
        named = re.search(r"(?i)\bthe\s+[\w' -]{1,30}?\b(?:pic|picture|photo|image|shot|clip|video|text|caption|title|logo)s?\b",
                          m.group("ehead") or "")
        thing = named.group(0) if named else thing
    return f"{m.group('everb').lower()} {thing}"


def advice_asked(instruction: str) -> str | None:
    """The answer to advice asked about a change (`advised_change`): nothing is changed, and the reply
    says how to ask for it; None when the instruction asks for no advice."""
    if (do := advised_change(instruction)) is None:
        return None
    if P.is_chinese(instruction):
        return f"这是在问我：要这样做就说“{do}”（或说“那就这样吧”）"
    return f"that is a question: to do it say '{do}' (or 'yes, do it')"


def _unknown(understood: list[str], problems: list[_Result], *, zh: bool = False) -> EditPlan:
    cannot = [p.cannot for p in problems if p.cannot][:3]
    lost = _few([p.text.strip() for p in problems if not p.cannot])
    if zh:
        cannot = [_zh(c) for c in cannot]
    parts = [cannot[0][:1].upper() + cannot[0][1:] + ("。" if zh else ".")] if cannot else []
    if zh:
        if lost:
            parts.append("没有理解" + "、".join(f"「{x}」" for x in lost) + "。")
        if understood:
            parts.append("已理解：" + "；".join(understood) + "，但为稳妥起见没有做任何修改。")
        else:
            parts.append("没有做任何修改。")
        if lost or not cannot:  # a reasoned answer says what to do; the list is for words not understood
            parts.append("可以这样说：" + " · ".join(CAPABILITIES_ZH))
        return EditPlan("unknown", (), " ".join(parts), tuple(understood))
    if lost:
        parts.append("I did not understand " + ", ".join(f"'{x}'" for x in lost) + ".")
    if understood:
        parts.append("I understood: " + "; ".join(understood) + " — but changed nothing, to be safe.")
    else:
        parts.append("Nothing was changed.")
    if lost or not cannot:  # a reasoned answer says what to do; the list is for words not understood
        parts.append("I can change: " + " · ".join(CAPABILITIES))
    return EditPlan("unknown", (), " ".join(parts), tuple(understood))


_WORD_ZH = {"images": "图片", "image": "图片", "video clips": "视频片段", "video clip": "视频片段", "shots": "镜头",
            "shot": "镜头", "title": "标题", "caption": "字幕", "call to action": "行动号召", "text": "文字"}
_CANNOT_ZH: list[tuple[str, str]] = [
    (r"'(.+)' on screen shows no weekday, so which date (.+) is is not known; say the date, e\.g\. .*",
     r"画面上的「\1」没有写星期几，不知道\2是哪一天；请说具体日期，比如“把\1改成…”"),
    (r"speed can be between .*", "速度可以在0.25到4倍之间"),
    (r"there are only (\d+) shots", r"只有\1个镜头"),
    (r"replace it with which file\?.*", "换成哪个文件？先把它加入项目，再说例如“把第二张换成surf.mp4”"),
    (r"that would remove every shot.*", "这样会删掉所有镜头；视频至少要有一个镜头"),
    (r"which music\?.*", "换成哪首音乐？先把音频文件加入项目，再说例如“把背景音乐换成jazz.mp3”"),
    (r"'(.+)' is already the music", r"「\1」已经是背景音乐了"),
    (r"'(.+)' is already the voiceover", r"「\1」已经是旁白了"),
    (r"a pause \(a black or held frame\) is not something I can add yet.*fade to black.*",
     "还不能加停顿（黑场或定格）；可以说“最后一张图片延长1秒”或“结尾淡出”"),
    (r"a pause \(a black or held frame\) is not something I can add yet.*",
     "还不能加停顿（黑场或定格）；可以说“第一张图片延长1秒”“音乐从第1秒开始”或“视频淡入”"),
    (r"what should the voice say\?.*", "配音要说什么？请放在引号里，例如：配音“欢迎光临”"),
    (r"what should the text say\?.*", "文字要写什么？请放在引号里，例如：添加标题「春季大促」"),
    (r"there is no '(.+?)' in the project \(I know the pictures by their file names, not by what they show: (.+)\); say .*",
     r"项目里没有「\1」（我只认得文件名，看不出画面内容：\2）；可以说“第二张”或文件名的一部分"),
    (r"there is no '(.+)' in the project", r"项目里没有「\1」"),
    (r"the video is (\S+) long: (.+) is past its end.*", r"视频只有\1长：\2已经超过结尾；请说\1以内的时间，或“在结尾”"),
    (r"'(.+)' is not a time I can read.*", r"「\1」不是能读懂的时间；请说例如“从5秒到8秒”"),
    (r"'(.+)' already dissolves in from the shot before.*", r"「\1」已经从前一个镜头叠化进入；要淡得更慢可以说“转场慢一点”"),
    (r"'(.+)' already dissolves out into the next.*", r"「\1」已经叠化到下一个镜头；要淡得更慢可以说“转场慢一点”"),
    (r"add the logo image to the project first.*", "先把logo图片加入项目（上传），再说放在哪里"),
    (r"there (?:are|is) no (images|image|video clips|video clip|shots|shot) (?:on the timeline|to take highlights from)",
     "时间线上没有{0}"),
    (r"there is no (title|caption|call to action|text) yet.*", "还没有{0}"),
]


def _zh(msg: str) -> str:
    """A reason the rules give, in Chinese (the reply follows the instruction's language)."""
    for rx, zh in _CANNOT_ZH:
        m = re.fullmatch(rx, msg.strip().rstrip("."))
        if m:
            if "{0}" in zh:
                return zh.format(_WORD_ZH.get(m.group(1), m.group(1)))
            return m.expand(zh) if "\\" in zh else zh
    return msg
