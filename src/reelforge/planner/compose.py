"""The first cut: assets + one instruction -> a `Plan` (timeline, notes, summary).

Pure and deterministic: no I/O, the same input always gives the same timeline (ids too).

Rules, in the order they are applied
- Frame from the aspect/platform and resolution in the instruction (default 16:9, 1080p), 30 fps.
- Audio roles: file-name hints first (voice/vo/narration/旁白… vs music/bgm/song/配乐…). With no
  hints, how much of each is speech when the caller measured it (``speech``: the ai extra's
  voice-activity model) — mostly speech is the voiceover, little the music; else two files -> the
  shorter is the voiceover, the longer the music; one file -> music unless the instruction
  mentions a voiceover/narration. Every guess becomes a note.
- Length: stated -> that; else the voiceover's length; else 3.5 s per image plus each clip's own
  length (capped at 15 s); clamped to 1 s .. 10 min.
- A file given again under another name (the same bytes: ``copies``) is used once, with a note.
- Pictures keep the order given. Stills share the time equally (integer ms, the last one takes
  the remainder); clips play from their start and are trimmed to their slot (never stretched).
- Transitions: 0.5 s crossfades unless the instruction asks otherwise ("hard cuts"…).
- Motion on stills: zoom-in, zoom-out, pan in turn, unless "no motion"/"static".
- Voice at 100 % from 0; music over the whole video, looped when shorter, 35 % and ducked
  under a voice (80 % without one) unless a level is stated, fades in 0.5 s / out 1.5 s. With its
  sound measured (``sound``), the music starts where it comes in (after a silent or quiet lead-in) and a loop leaves out its
  silent lead-in and tail (`reelforge.planner.bed`).
- Text when asked ("with text overlays", "captions", "字幕", or quoted text): quoted text verbatim,
  a title named without quotes ("title: City Lights", "标题是城市之光") as given; otherwise a title from the instruction's subject or the file names' common theme, captions from
  meaningful file names, and a call to action fitting the kind of video, in the instruction's
  language. Title 0-3 s (centre, large), captions at the bottom in the middle of their picture's
  time, call to action in the last 4 s.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reelforge.errors import PlanError
from reelforge.planner import brief as B
from reelforge.planner import occasion as OC
from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import typos as T
from reelforge.planner.bed import bed_notes, music_bed
from reelforge.planner.ending import (
    MONTH,
    SMALL_WORDS,
    WEEKDAY,
    capitalise_dates,
    capitalised,
    contact_cta,
    contact_in,
    deadline_in,
    ending_words,
    headline_in,
    is_discount,
    is_reach,
    offer_in,
    priced_items,
    title_case,
)
from reelforge.planner.grade_words import first_cut_grade
from reelforge.timeline.model import (
    MOTION_AMOUNT,
    Asset,
    AssetKind,
    AudioSegment,
    Fit,
    Grade,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
    motion_amount_within,
)
from reelforge.timeline.presets import FRAME_RATES, frame_size
from reelforge.timeline.styles import get_style, look_of_word, style_in
from reelforge.timeline.summary import fmt_seconds, human_name, summarize

__all__ = ["Plan", "plan", "classify_audio", "AudioRoles"]

FPS = 30
DEFAULT_ASPECT = "16:9"
DEFAULT_RESOLUTION = "1080p"
SECONDS_PER_IMAGE_MS = 3500
CLIP_CAP_MS = 15_000
MIN_TOTAL_MS = 1_000
MAX_TOTAL_MS = 10 * 60_000
DEFAULT_TRANSITION_MS = 500
TITLE_MS = 3_000
CTA_MS = 4_000
MIN_CAPTION_MS = 1_200
MUSIC_WITH_VOICE = 0.35
MUSIC_ALONE = 0.8
MUSIC_FADE_IN_MS = 500
MUSIC_FADE_OUT_MS = 1_500
MOTION_CYCLE = (Motion.ZOOM_IN, Motion.ZOOM_OUT, Motion.PAN_RIGHT,
                Motion.ZOOM_IN, Motion.ZOOM_OUT, Motion.PAN_LEFT)


@dataclass(frozen=True)
class Plan:
    """A first cut: the timeline, plain-English notes on every guess, and the summary line."""

    timeline: Timeline
    notes: tuple[str, ...]
    summary: str


# --------------------------------------------------------------------------------------
# audio roles
# --------------------------------------------------------------------------------------

_VOICE_HINT = re.compile(
    r"(?<![a-z])(?:voice|voices|vo|voiceover|voice over|narration|narrator|narrated|speech|spoken|"
    r"speaker|dialogue|dialog|commentary|tts)(?![a-z])|旁白|配音|解说|口播|人声|录音")
_MUSIC_HINT = re.compile(
    r"(?<![a-z])(?:music|bgm|song|songs|soundtrack|beat|beats|instrumental|lofi|lo fi|melody|"
    r"jingle|backing|background|score|ost|theme)(?![a-z])|音乐|配乐|背景乐|歌曲|伴奏|纯音乐")


def title_size(text: str) -> TextSize:
    """A title's size: extra large when it is short enough to stand on one or two lines."""
    return TextSize.XLARGE if len(text) <= 24 else TextSize.LARGE


def _hint_text(asset: Asset) -> str:
    name = P.normalize(asset.name or asset.path)
    name = re.sub(r"\.[a-z0-9]{1,5}$", "", name)
    return re.sub(r"[_\-.]+", " ", name)


@dataclass(frozen=True)
class AudioRoles:
    voice: tuple[Asset, ...]
    music: Asset | None
    unused: tuple[Asset, ...]
    notes: tuple[str, ...]


# "no music", "without background music", "不要背景音乐"; "music only", "no voiceover", "不要旁白"
_NO_MUSIC = re.compile(r"\b(?:no|without)\s+(?:any\s+)?(?:background\s+)?(?:music|bgm|soundtrack|songs?)\b(?!\s+(?:fades?|ducking))|"
                       r"(?:不要|不用|不加|无|没有|去掉)(?:背景)?(?:音乐|配乐|bgm)", re.I)
_NO_VOICE = re.compile(r"\b(?:no|without)\s+(?:any\s+|the\s+)?(?:voice[\s-]?overs?|voice|narration|narrator|vo|talking|speech)\b|"
                       r"\bmusic\s+only\b|\bonly\s+(?:the\s+)?(?:background\s+)?music\b|\bjust\s+(?:the\s+)?music\b|"
                       r"(?:不要|不用|不加|无|没有|去掉)(?:旁白|配音|解说|人声)|只(?:要|用|放)(?:背景)?音乐", re.I)


SPEECH_VOICE = 0.6  # a file at least this much speech (voice-activity share) is a voiceover
SPEECH_MUSIC = 0.2  # and one at most this much is music


def unhinted_audio(audio: Sequence[Asset]) -> list[Asset]:
    """The audio files whose names say neither voiceover nor music (what ``speech`` is measured for)."""
    return [a for a in audio if bool(_VOICE_HINT.search(_hint_text(a))) == bool(_MUSIC_HINT.search(_hint_text(a)))]


def classify_audio(audio: Sequence[Asset], instruction: str = "",
                   speech: Mapping[str, float] | None = None) -> AudioRoles:
    """Tell the voiceover(s) from the music. See the module docstring for the rules."""
    voices: list[Asset] = []
    musics: list[Asset] = []
    unknown: list[Asset] = []
    no_voice, no_music = _NO_VOICE.search(instruction or "") is not None, _NO_MUSIC.search(instruction or "") is not None
    for a in audio:
        hint = _hint_text(a)
        is_voice, is_music = bool(_VOICE_HINT.search(hint)), bool(_MUSIC_HINT.search(hint))
        if is_voice and not is_music:
            voices.append(a)
        elif is_music and not is_voice:
            musics.append(a)
        else:
            unknown.append(a)
    notes: list[str] = []
    hinted = [f"'{a.name}' is the voiceover" for a in voices] + [f"'{a.name}' the music" for a in musics]
    if hinted:
        notes.append("Audio roles from the file names: " + ", ".join(hinted) + ".")
    heard = [a for a in unknown if speech and a.id in speech
             and (speech[a.id] >= SPEECH_VOICE or speech[a.id] <= SPEECH_MUSIC)]
    if heard:  # "sentence.wav", "track01.mp3": what is in them, not their names
        said = []
        for a in heard:
            unknown.remove(a)
            is_speech = speech[a.id] >= SPEECH_VOICE  # type: ignore[index]
            (voices if is_speech else musics).append(a)
            said.append(f"'{a.name}' is {'the voiceover' if is_speech else 'music'} ({speech[a.id]:.0%} speech)")  # type: ignore[index]
        notes.append("Audio roles from what is in the files: " + ", ".join(said) + ".")

    if unknown:
        if not voices and not musics:
            if len(unknown) >= 2:
                ordered = sorted(unknown, key=lambda a: (a.duration_ms, unknown.index(a)))
                voice, music = ordered[0], ordered[-1]
                voices.append(voice)
                musics.append(music)
                unknown = [a for a in unknown if a is not voice and a is not music]
                notes.append(
                    f"No file name says which audio is which, so the shorter one, '{voice.name}' "
                    f"({fmt_seconds(voice.duration_ms)} s), is taken as the voiceover and the longer one, "
                    f"'{music.name}' ({fmt_seconds(music.duration_ms)} s), as the music. "
                    "Say so if it is the other way round.")
            else:
                only = unknown.pop()
                if P.mentions_voiceover(instruction) and not no_voice:
                    voices.append(only)
                    notes.append(f"'{only.name}' is used as the voiceover, since the instruction mentions one.")
                else:
                    musics.append(only)
                    notes.append(f"'{only.name}' is used as background music (its name does not say, and the "
                                 "instruction mentions no voiceover).")
        elif voices and not musics:
            music = unknown.pop(0)
            musics.append(music)
            notes.append(f"'{music.name}' is used as the music, since '{voices[0].name}' is the voiceover.")
        elif musics and not voices:
            voice = unknown.pop(0)
            voices.append(voice)
            notes.append(f"'{voice.name}' is used as the voiceover, since '{musics[0].name}' is the music.")
    left: list[Asset] = []
    if no_music and musics:  # "no music", "不要背景音乐": the music file stays in the project, out of the video
        notes.append("No music, as asked: " + ", ".join(f"'{a.name}'" for a in musics) + " left out.")
        left, musics = musics, []
    if no_voice and voices:  # "music only", "no voiceover", "不要旁白"
        notes.append("No voiceover, as asked: " + ", ".join(f"'{a.name}'" for a in voices) + " left out.")
        left, voices = [*left, *voices], []
    music = musics[0] if musics else None
    unused = tuple(unknown) + tuple(musics[1:]) + tuple(left)
    if len(musics) > 1:
        notes.append(f"Only one music bed is used ('{music.name}'); "
                     + ", ".join(f"'{a.name}'" for a in musics[1:]) + " left out.")
    if unknown:
        notes.append("Not used (role unclear): " + ", ".join(f"'{a.name}'" for a in unknown) + ".")
    if len(voices) > 1:
        notes.append("Voiceover files play one after another: " + ", ".join(f"'{a.name}'" for a in voices) + ".")
    return AudioRoles(tuple(voices), music, unused, tuple(notes))


# --------------------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------------------

_GENERIC_WORDS = {
    "img", "image", "images", "dsc", "dscn", "dscf", "dcim", "pxl", "mvimg", "vid", "video", "mov",
    "gopr", "gopro", "photo", "photos", "pic", "pics", "picture", "shot", "shots", "clip", "clips",
    "untitled", "copy", "final", "edit", "edited", "export", "scan", "screenshot", "screen", "frame",
    "file", "new", "slide", "still", "asset", "media", "whatsapp", "wa", "snapchat", "signal",
    "portrait", "pano", "burst", "cover", "mvi", "p", "v", "version", "draft", "raw", "jpeg", "jpg",
    "png", "take", "sample", "demo", "test", "camera", "cam", "iphone", "android", "at", "am", "pm",
    "hdr", "bokeh", "original", "resized", "small", "large", "hq", "lq", "fullsize", "el",
    "图片", "照片", "图", "截图", "视频", "素材", "未命名",
}
# Words that describe the file, not what is in it: how it was processed or stored (EXIF,
# rotation, sound, size, alpha, versions). They never reach the screen.
_TECH_WORDS = {
    "exif", "meta", "metadata", "rot", "rotated", "rotate", "orientation", "upright", "flipped", "mirrored",
    "audio", "noaudio", "nosound", "mute", "muted", "unmuted", "audioless", "soundless",
    "tiny", "huge", "small", "large", "thumb", "thumbs", "thumbnail", "hires", "highres", "lowres", "res",
    "hd", "fhd", "uhd", "fullhd", "compressed", "optimized", "optimised", "scaled", "upscaled", "downscaled",
    "crop", "cropped", "resized", "vertical", "horizontal", "panorama", "panoramic",
    "tall", "wide", "widescreen", "ultrawide", "landscape", "letterbox", "letterboxed", "pillarbox",
    "copy", "final", "edit", "edited", "ver", "version", "rev", "old", "latest", "backup", "bak", "tmp",
    "temp", "wip", "draft", "fixed", "updated", "approved", "v",
    "alpha", "transparent", "transparency", "rgba", "rgb", "srgb", "cmyk", "grayscale", "greyscale", "bw",
    "cutout", "nobg", "sdr", "hdr",
}
# Chinese generic nouns for a picture or an asset ("产品图1" says only "product picture 1").
_ZH_GENERIC_NAME = re.compile(r"^(?:产品|商品|新品|宣传|封面|主|详情|配|示例|样|海报)?(?:图|图片|照片|相片|截图|视频|素材|"
                         r"配图|图像|影像|镜头|片段)$|^(?:产品|商品|新品|素材|未命名|新建)$")
_LOGO_NAME = re.compile(r"(?<![a-z])(?:logos?|logotype|watermark|favicon|icons?|emblem)(?![a-z])|商标|徽标|水印|图标|标志|台标")


def caption_from_name(filename: str) -> str | None:
    """A short caption from a meaningful file name, or None for camera/generic names.

    >>> caption_from_name("02-red-sneaker.jpg"), caption_from_name("IMG_0001.JPG"), caption_from_name("shot1.png")
    ('Red Sneaker', None, None)
    """
    if is_logo_name(filename):
        return None  # a logo is not a shot to caption
    words = _meaningful_words(filename)
    if not words:
        return None
    text = title_case(" ".join(words[:6]))[:40].strip()
    return None if is_file_junk(text) else text


_FILE_JUNK = re.compile(r"(?i)(?:^|\b)(?:img|dsc[nf]?|pxl|mvimg|vid|gopr|dcim)[_\-\s]*\d|_|\d{3,}|"
                        r"\.(?:jpe?g|png|gif|webp|heic|mp4|mov|m4v|avi|webm|mkv|mp3|wav|m4a|aac)\b")


def is_file_junk(text: str) -> bool:
    """True when on-screen text looks like a file name: a camera prefix (IMG_/DSC_/PXL_…), an
    underscore, a run of 3+ digits or a file extension. Made-up text is never shown like that.

    >>> is_file_junk("IMG_0042"), is_file_junk("photo.jpg"), is_file_junk("Red Sneaker")
    (True, True, False)
    """
    return bool(_FILE_JUNK.search(text))


def is_logo_name(filename: str) -> bool:
    """True when a file name says the picture is a logo, watermark or icon.

    >>> is_logo_name("logo.png"), is_logo_name("acmeLogo-white.png"), is_logo_name("品牌水印.png"), is_logo_name("iconic-view.jpg")
    (True, True, True, False)
    """
    name = re.sub(r"([a-z])([A-Z])", r"\1 \2", human_name(filename))
    return _LOGO_NAME.search(name.lower()) is not None


def _meaningful_words(filename: str) -> list[str]:
    name = re.sub(r"@\d(?:\.\d)?x\b", " ", human_name(filename), flags=re.IGNORECASE)  # hero@2x: a pixel density
    raw = [t for t in re.split(r"[\s\-.,()\[\]{}+]+", name) if t]
    words: list[str] = []
    for k, token in enumerate(raw):
        if token.lower() != "new" and (token.lower() in _GENERIC_WORDS or token.lower() in _TECH_WORDS):
            continue  # "WhatsApp", "NoAudio" as a whole
        parts = re.sub(r"([a-z])([A-Z])", r"\1 \2", token).split()  # camelCase -> camel Case
        for i, w in enumerate(parts):
            lw = w.lower()
            pair = {lw + p.lower() for p in parts[i + 1:i + 2]} | {p.lower() + lw for p in parts[max(0, i - 1):i]}
            if pair & _TECH_WORDS:
                continue  # "beachNoAudio": No + Audio
            if re.fullmatch(r"[a-z]*\d[\w]*", lw) and not re.fullmatch(r"\d+(?:st|nd|rd|th|k|s)", lw):
                continue  # IMG0001, 20240101, v2, shot1, rot6, 200x150, hex ids
            if P.CJK.search(w):  # no spaces in Chinese: 红色运动鞋2 is "红色运动鞋 2", 产品图1 "产品图 1"
                w = lw = re.sub(r"\d+", "", w)
            nxt = parts[i + 1] if i + 1 < len(parts) else (raw[k + 1] if k + 1 < len(raw) else "")
            if lw == "new" and _content_word(nxt):
                words.append(w)  # "NewArrivals", "new-york": part of the name
                continue
            if lw in _GENERIC_WORDS or lw in _TECH_WORDS or _ZH_GENERIC_NAME.match(w):
                continue
            if re.fullmatch(r"[0-9a-f]{6,}", lw):
                continue
            words.append(w)
    meaningful = [w for w in words if w.lower() not in SMALL_WORDS and (len(w) >= 3 or P.is_chinese(w))]
    return words if meaningful else []


def _content_word(token: str) -> bool:
    """A word of a file name that may say what the picture shows (no number, file or generic word)."""
    t = token.lower()
    return (len(t) >= 3 and t.isalpha() and t not in _GENERIC_WORDS and t not in _TECH_WORDS
            and t not in SMALL_WORDS)


_SUBJECT_RX = P._rx(
    r"\b(?:video|promo|promotional\s+(?:video|clip|film)|ad|advert|advertisement|commercial|clip|reel|"
    r"slideshow|slide\s+show|teaser|trailer|montage|film|story|showcase|spot|announcement|launch|campaign|intro|opener|"
    r"tiktok|short|post)s?\s+"
    # "a promo video with text overlays for our coffee shop": what it comes with, then what it is for
    r"(?:(?:with|using)\s+(?:[\w'-]+\s+){1,4}?(?=(?:for|about|promoting|advertising)\s))?"
    r"(?:for|about|of|showcasing|featuring|introducing|presenting|announcing|on|promoting|advertising)\s+"
    r"(?P<s>.+)")
_SUBJECT_STOP = P._rx(
    r"\s+on\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|"
    r"\s+(?:this|next)\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|week|month)|\s+(?:today|tomorrow|tonight)\b|"
    r"\s+(?:with|in|at|using|from|that|which|and\s+(?:make|add|use|put|set|export|render)|to\s+be|"
    r"set\s+to|for\s+(?:tiktok|instagram|youtube|reels|shorts|facebook|social)|lasting|about\s+\d)\b|"
    r"[,.;:!?()\"“”'‘’]|\s+\d")
_PLATFORM_WORDS = P._rx(
    r"^(?:tiktok|instagram|insta|youtube|reels?|shorts|facebook|social(?:\s+media)?|twitter|linkedin|"
    r"these|them|it|this|that|my|our|the|a|an|me|us|you)$")
_PLATFORM_LEAD = re.compile(
    r"(?:tiktok|instagram|insta|youtube|reels?|shorts|facebook|twitter|linkedin|pinterest|social(?:\s+media)?)\s+"
    r"(?:(?:announcing|showcasing|featuring|introducing|presenting|promoting|advertising|about|of|on)\s+)?")
# "our new Urban Dreams sneakers": the name; "our new arrivals", "the new menu": "new" is what they are;
# "The Daily Grind": a capital "The" mid-sentence is part of the name
_LEAD_WORDS = re.compile(r"^(?:(?:the|(?i:our|my|a|an|this|these)|(?i:new|brand[\s-]new|upcoming|latest)(?=\s+[A-Z0-9]))\s+)+")
# "为咖啡店做个视频", "介绍我们的新品奶茶，…" (the owner's 我们的 left out)
_ZH_SUBJECT_RX = P._rx(r"(?:为|给|关于|介绍|宣传|推广)(?:一下)?(?:我们|咱们|我家|本店|我)?的?"
                       r"(?P<s>[^，,。；;！!？?\s的]{2,14}?)(?:做|制作|拍|的|宣传|推广|视频|广告|[，,。；;！!？?\s]|$)")
_GENERIC_SUBJECT = P._rx(
    r"^(?:each|every|all|any|some|use|using|(?:the|these|those|my|our)\s+)?(?:photos?|images?|pictures?|clips?|files?|"
    r"assets?|shots?|videos?|music|audio|songs?|slides?|stills?|frames?|them|it)\b")
# "做一个30秒的咖啡店宣传视频", "做个奶茶店的宣传片": the thing named before 宣传/推广/广告
_ZH_SUBJECT_BEFORE_RX = re.compile(r"(?:的|个|条|支|部)(?P<s>[^，,。；;！!？?\s的\d]{2,10}?)的?(?:宣传|推广|广告)(?:视频|片|短片|短视频|片子)?")
_ZH_NOT_A_THING = re.compile(r"竖屏|横屏|方形|方屏|高清|短|小|简单|好看|漂亮|酷炫|产品|品牌|公司|企业|活动|促销|抖音|快手|小红书|"
                             r"视频号|b站|B站|微博|朋友圈|新品$")
_ZH_GENERIC = re.compile(r"这|那|图|照片|视频|音乐|素材|字幕|配音|旁白|秒|分钟")
_ZH_SUBJECT_NOT = re.compile(r"^(?:这些|它们|我们|我|你|图片|照片|视频|一个|一下|产品)$|^(?:做|制作|拍|弄|搞|剪|来|出|帮)")  # "给我做一个…": for me


# "… announcing our grand opening on Dec 12", "宣布12月12日盛大开业", "my bakery's grand opening this
# saturday": an announcement (or an opening) is said on screen
_ZH_NOT_A_NAME = re.compile(r"(?:我的|我们的)?(?:频道|账号|节目|公司|店铺?|品牌|视频号|博客)")
# an intro, an opener, a channel trailer: it shows its name (and only that, unless more is asked)
_INTRO = re.compile(r"\b(?:intro|opener|opening\s+(?:sequence|titles?)|channel\s+trailer|title\s+card|logo\s+reveal)s?\b|"
                    r"片头|开场动画", re.I)
_ANNOUNCED_RX = P._rx(r"\b(?:announc(?:e|es|ing)|to\s+announce|save\s+the\s+date\s+for)\s+(?P<s>.+)")
_EN_EVENT = re.compile(r"\b(?:grand\s+(?:re-?)?opening|re-?opening|opening\s+(?:day|night|party)|launch\s+(?:party|event|day)|"
                       r"open\s+house)\b", re.I)
_ANNOUNCE = P._rx(r"\bannounc(?:e|es|ing|ement)\b|\bsave\s+the\s+date\b|宣布|官宣|预告|即将开业|盛大开业|开业|开幕|"
                  + _EN_EVENT.pattern)
_SALE_EVENT = re.compile(r"双十一|双11|双十二|双12|618|年货节|黑五|(?:圣诞|新年|春节|年终|年中|夏季|冬季|周年|开学季|国庆|五一|中秋)"
                         r"(?:促销|大促|特卖|狂欢)|\b(?:black\s+friday|cyber\s+monday|boxing\s+day|prime\s+day|"
                         r"(?:christmas|xmas|holiday|summer|winter|spring|fall|autumn|easter|new\s+year'?s?|"
                         r"back[\s-]to[\s-]school|end[\s-]of[\s-]season|anniversary|clearance|flash)\s+sale)\b", re.I)
_ZH_EVENT = re.compile(r"盛大开业|隆重开业|开业大吉|新店开业|开业|开幕|新品发布|新品上市|上新|周年庆|店庆")
_DATE_RX = re.compile(rf"\b(?:on\s+)?(?P<d>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|"
                 rf"(?:this|next)\s+(?:{WEEKDAY}|weekend)|{WEEKDAY}|tomorrow|tonight)\b|"
                 r"(?P<z>\d{1,2}\s*月\s*\d{1,2}\s*[日号])", re.I | re.ASCII)


def event_date(instruction: str) -> str | None:
    """The date an announcement gives ("on Dec 12", "12月12日", "this saturday"), as written but
    for the capitals of a month or a day, for its call to action.

    >>> event_date("a promo announcing our grand opening on Dec 12!"), event_date("宣布12月12日开业")
    ('Dec 12', '12月12日')
    >>> event_date("grand opening this saturday"), event_date("open house sunday")
    ('this Saturday', 'Sunday')
    """
    m = _DATE_RX.search(unicodedata.normalize("NFKC", instruction or ""))
    if m is None:
        return None
    if m.group("z"):
        return re.sub(r"\s+", "", m.group("z"))
    return capitalise_dates(m.group("d"))


def see_you(when: str, *, zh: bool) -> str:
    """The call to action of an announcement dated ``when``: "See you on Dec 12", "See you this
    Saturday", "12月12日见"."""
    if zh:
        return f"{when}见"
    on = "" if re.match(r"(?i)(?:this|next|tomorrow|tonight)\b", when) else "on "
    return f"See you {on}{when}"


def subject_of(instruction: str) -> str | None:
    """The thing the video is about, as a title, if the instruction names it.

    >>> subject_of("make a promotional video for Urban Dreams sneakers with text overlays")
    'Urban Dreams Sneakers'
    >>> subject_of("vertical video for TikTok") is None
    True
    """
    raw = unicodedata.normalize("NFKC", instruction or "")
    m = _SUBJECT_RX.search(raw.lower()) or _ANNOUNCED_RX.search(raw.lower())
    if m:
        start = m.start("s")
        tail = raw[start:]
        if on := _PLATFORM_LEAD.match(tail.lower()):  # "a video for linkedin announcing our new hire"
            tail = tail[on.end():]
        cut = _SUBJECT_STOP.search(tail.lower())
        phrase = (tail[: cut.start()] if cut else tail).strip()
        lead = _LEAD_WORDS.match(phrase)
        if lead:
            phrase = phrase[lead.end():]
        words = phrase.split()[:5]
        # "my travel channel Wander Often", "our cafe Luna": the name typed after what it is
        run = len(words)
        while run > 0 and words[run - 1][:1].isupper():
            run -= 1
        if 0 < run < len(words) and words[0][:1].islower() and not any(w.lower() in SMALL_WORDS for w in words[:run]):
            words = words[run:]  # (not "trip to Japan", "launch of Beanline": those say what it is)
        phrase = " ".join(words)
        if (phrase and len(phrase) >= 2 and not _PLATFORM_WORDS.match(phrase.lower())
                and not _GENERIC_SUBJECT.match(phrase.lower()) and not P.find_durations(phrase)
                and not phrase[0].isdigit()):
            return title_case(phrase)
    for rx in (_ZH_SUBJECT_RX, _ZH_SUBJECT_BEFORE_RX):
        zm = rx.search(raw)
        if zm and not _ZH_SUBJECT_NOT.match(zm.group("s")) and not _ZH_GENERIC.search(zm.group("s")) \
                and not (rx is _ZH_SUBJECT_BEFORE_RX and _ZH_NOT_A_THING.search(zm.group("s"))):
            return zm.group("s")
    return None


_ZH_TITLE_RX = re.compile(r"(?:标题|片名|题目)(?:\s*(?:就?(?:是|为|叫做?|定为|写)|[:=])|\s+(?=[\u4e00-\u9fffA-Za-z0-9]))\s*(?P<t>[^\s,.;!?，。；！？、\n\"'“”‘’「」『』《》][^,.;!?，。；！？、\n\"“”‘’「」『』《》]{0,29})")
_ZH_TITLE_END = re.compile(r"(?:并且|而且|然后|同时|另外|再|并|的(?=视频|宣传|短片|广告|片子|竖屏|横屏|\d)|吧$).*$")
_EN_TITLE_RX = re.compile(
    r"(?i)\b(?:(?:title|headline|heading)\s*(?:[:=]|\s[-–—]\s|\s(?:is|should\s+be|reads?|says?|saying|of)\b)|"
    r"(?:titled|entitled|called|headlined))\s*(?P<t>[^\W_].{0,59})")
# "title Bean There, vertical", "with the title Bean There and music", "a promo named Bean There",
# "call it Bean There": no linking word, so only a run of Capitalised words is taken
_EN_TITLE_BARE_RX = re.compile(r"(?:(?i:\btitle|\bnamed|\bcall\s+it|\bname\s+it))\s+(?P<t>[A-Z0-9].{0,59})")
_TITLE_CAPS_WORD = re.compile(r"^(?:[A-Z0-9][\w'’&!-]*|&)$")
_NOT_A_TITLE = P._rx(  # "title is too small", "title at the top", "标题大一点": how it looks, not what it says
    r"^(?:too|very|a\s+bit|bigger|smaller|larger|at|on|in|to|from|for|with|and|it|this|that)\b|"
    r"^(?:big|small|large|huge|tiny|bold|centered|centred|top|bottom|left|right|middle|center|centre|"
    r"red|white|black|yellow|blue|green|the|a|an|none|no|nothing|empty|blank)$|"
    r"^(?:大|小|更大|更小|居中|加粗|红色|白色|黑色|黄色|什么|无|没有|不要|空)")


def _caps_run(words: list[str]) -> str | None:
    """The run of Capitalised words ``words`` starts with (small words between two of them
    kept: "Love in Paris"); None when the first is not one. A comma or full stop ends it."""
    if not words or not _TITLE_CAPS_WORD.match(words[0]) or words[0].isdigit():
        return None
    keep: list[str] = []
    for i, w in enumerate(words[:8]):
        bare = w.rstrip(",.;:!?")
        after = words[i + 1].rstrip(",.;:!?") if i + 1 < len(words) else ""
        if _TITLE_CAPS_WORD.match(bare) or (
                bare.lower() in SMALL_WORDS and keep and _TITLE_CAPS_WORD.match(after)
                and not _PLATFORM_WORDS.match(after.lower())):
            keep.append(bare)
            if bare != w:
                break  # "City Lights, 9:16": the comma ends it
        else:
            break
    return " ".join(keep)


def title_in(instruction: str) -> str | None:
    """A title the instruction gives without quotes: "标题是城市之光", "标题：城市之光",
    "title: City Lights", "titled City Lights with music". Quoted titles are `_label_quotes`'s.
    English: a run of Capitalised words (small words between them allowed), else the words up
    to the next clause ("with …", ",", a number).

    >>> title_in("做一个宣传视频，标题是城市之光，背景音乐小一点"), title_in("a promo titled City Lights with music")
    ('城市之光', 'City Lights')
    >>> title_in("title: summer vibes, vertical"), title_in("with titles and captions") is None
    ('Summer Vibes', True)
    """
    raw = unicodedata.normalize("NFKC", instruction or "")
    found: list[tuple[int, str]] = []
    zm = _ZH_TITLE_RX.search(raw)
    if zm:
        text = re.split(r"\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+", zm.group("t").strip())[0]
        text = _ZH_TITLE_END.sub("", text).strip()
        if text:
            found.append((zm.start(), text))
    em = _EN_TITLE_RX.search(raw)
    if em:
        tail = em.group("t")
        text = _caps_run(tail.split())
        if text is None:
            cut = _SUBJECT_STOP.search(tail.lower())
            text = title_case(" ".join((tail[: cut.start()] if cut else tail).split()[:6]))
        if text and not re.fullmatch(r"[\d\s.:%-]*", text):
            found.append((em.start(), text))
    elif bm := _EN_TITLE_BARE_RX.search(raw):
        text = _caps_run(bm.group("t").split())
        if text and not re.fullmatch(r"[\d\s.:%-]*", text):
            found.append((bm.start(), text))
    for _, text in sorted(found):
        text = text.strip(" -—:")
        if text and not _NOT_A_TITLE.match(text.lower()) and not _MEDIA_EXT.search(text):
            return text
    return None


def theme_of(names: Sequence[str]) -> str | None:
    """A title from what the file names share: the most common meaningful word in at least two
    of them (or the only meaningful name).

    >>> theme_of(["01-red-sneaker.jpg", "02-blue-sneaker.jpg", "IMG_3.jpg"])
    'Sneaker'
    >>> theme_of(["IMG_1.jpg", "IMG_2.jpg"]) is None
    True
    """
    per_name = [{w.lower() for w in _meaningful_words(n) if w.lower() not in SMALL_WORDS
                 and (len(w) >= 3 or P.is_chinese(w))} for n in names]
    per_name = [s for s in per_name if s]
    if not per_name:
        return None
    if len(names) == 1 and len(per_name) == 1:
        return caption_from_name(names[0])
    counts = Counter(w for s in per_name for w in s)
    best = sorted(counts.items(), key=lambda kv: (-kv[1], _first_index(names, kv[0]), kv[0]))
    if best and best[0][1] >= 2:
        return title_case(best[0][0])
    return None


def _first_index(names: Sequence[str], word: str) -> int:
    for i, n in enumerate(names):
        if word in n.lower():
            return i
    return len(names)


_CTA_TABLE: list[tuple[re.Pattern[str], str, str]] = [
    (P._rx(r"\b(?:hiring|job\s+openings?|careers?|join\s+our\s+team|apply\s+(?:now|today|online))\b|招聘|诚聘|招人|招募"),
     "Apply now", "立即投递"),
    (P._rx(r"\b(?:sale|sales|discount|deal|deals|offer|offers|clearance|black\s+friday)\b|\d+\s*%\s*off\b|促销|打折|优惠|特价|折扣|大促|秒杀"),
     "Shop the sale", "限时抢购"),
    (P._rx(r"\b(?:event|conference|webinar|workshop|concert|festival|meetup|summit|register|registration|class|course)\b|活动|报名|讲座|会议|课程|演唱会"),
     "Register now", "立即报名"),
    (P._rx(r"\b(?:apps?|download|install)\b|应用|下载"), "Download now", "立即下载"),
    (P._rx(r"\b(?:restaurant|cafe|café|menu|dish|food|bakery|bar)\b|餐厅|美食|菜单|咖啡"), "Visit us today", "欢迎光临"),
    (P._rx(r"\b(?:listing|property|apartment|house|home\s+tour|real\s+estate)\b|房源|看房|楼盘"), "Book a viewing", "预约看房"),
    (P._rx(r"\b(?:vlog|channel|subscribe|episode|tutorial|podcast)\b|频道|订阅|教程|关注"), "Subscribe for more", "关注我们"),
    (P._rx(r"\b(?:promo|promotional|promotion|product|products|ad|advert|advertisement|commercial|launch|shop|store|brand|collection|sneakers?|shoes?|fashion|merch)\b|宣传|推广|产品|广告|新品|品牌|上新|商品|带货"),
     "Shop now", "立即购买"),
]


def call_to_action(instruction: str) -> str:
    """A closing call to action fitting the kind of video, in the instruction's language.

    >>> call_to_action("30-second promo"), call_to_action("a trip video"), call_to_action("做成宣传视频")
    ('Shop now', 'Learn more', '立即购买')
    """
    t = P.normalize(instruction)
    zh = P.is_chinese(instruction)
    for rx, en, zh_text in _CTA_TABLE:
        if rx.search(t):
            return zh_text if zh else en
    return "了解更多" if zh else "Learn more"


_LISTING = re.compile(r"\b(?:listing|real\s+estate|property|for\s+sale|house|apartment|condo|open\s+house)\b|房源|楼盘|出售|出租",
                      re.ASCII)
_ROOMS = re.compile(r"(?i)\b(?P<bed>\d{1,2})\s*-?\s*(?:bed(?:room)?s?|bd|br)\b[\s,/|&+-]*(?:and\s+)?"
                    r"(?P<bath>\d{1,2}(?:\.5)?)\s*-?\s*(?:bath(?:room)?s?|ba)\b")
_AREA = re.compile(r"(?i)\b(?P<a>\d{1,3}(?:,\d{3})+|\d{2,6})\s*(?:sq\.?\s*ft\.?|sqft|square\s+feet|sq\.?\s*m|sqm|m²|平米|平方米)")
_ZH_ROOMS = re.compile(r"[一二两三四五六七八九\d]室[一二两三四五六七八九\d]厅(?:[一二两三四五六七八九\d]卫)?")


def listing_facts(text: str) -> str | None:
    """A listing's rooms and area as a line under its title: "3 bed 2 bath, 1,800 sq ft" ->
    "3 Bed · 2 Bath · 1,800 sq ft", "三室两厅 120平米" -> "三室两厅 · 120平米"; None without rooms.

    >>> listing_facts("listing video: 3 bed 2 bath, $450,000"), listing_facts("4br/3ba 2,100 sqft")
    ('3 Bed · 2 Bath', '4 Bed · 3 Bath · 2,100 sq ft')
    >>> listing_facts("出售三室两厅 120平米")
    '三室两厅 · 120平米'

    """
    parts: list[str] = []
    if m := _ROOMS.search(text or ""):
        parts += [f"{m.group('bed')} Bed", f"{m.group('bath')} Bath"]
    elif m := _ZH_ROOMS.search(text or ""):
        parts.append(m.group(0))
    if not parts:
        return None
    if a := _AREA.search(text or ""):
        unit = a.group(0)[len(a.group("a")):].strip()
        unit = "sq ft" if re.match(r"(?i)sq\.?\s*ft|sqft|square", unit) else unit
        parts.append(f"{a.group('a')} {unit}" if unit.isascii() else f"{a.group('a')}{unit}")
    return " · ".join(parts)


def _fallback_title(instruction: str) -> str:
    t = P.normalize(instruction)
    zh = P.is_chinese(instruction)
    if re.search(r"\b(?:sale|discount|deal|offer)s?\b|促销|打折|优惠|特价", t, re.ASCII) or is_discount(instruction):
        return "限时优惠" if zh else "Limited-Time Offer"
    if _LISTING.search(t):
        return "新房源" if zh else "Just Listed"
    if re.search(r"\b(?:promo|promotional|product|ad|advert|commercial|launch)\b|宣传|推广|产品|广告|新品", t, re.ASCII):
        return "新品上市" if zh else "Discover Something New"
    return "精彩瞬间" if zh else "Highlights"


_LABEL_TITLE = P._rx(r"(?:\btitle[sd]?|\bheading|\bheadline|\bcalled|\bnamed|(?:标题|片名|主题)(?:就?(?:是|为|叫做?))?)\W{0,12}$")
_LABEL_TAGLINE = P._rx(r"(?:\btag[\s-]?line|\bslogan|\bstrap[\s-]?line|\bmotto|口号|标语|广告语)\W{0,12}$")
_LABEL_CAPTION = P._rx(r"(?:\bcaptions?|\bsubtitles?|\blower\s+third|\btext\s+overlay|字幕|说明|文字)\W{0,12}$")
_LABEL_CTA = P._rx(r"(?:\bcta|\bcall[\s-]to[\s-]action|\bend(?:ing)?\s+(?:with|on)|\bclos(?:e|ing)\s+(?:with|on)|\boutro|\bbutton|"
                   r"\b(?:end|closing|final)\s+(?:card|screen|slate|frame|line|text)|\bending|\bsign[\s-]?off|"
                        r"\bat\s+the\s+end|\bfinish\s+with|结尾|最后|结束语|按钮|号召)[^\"'“‘「『《]{0,16}$")


def _label_quotes(instruction: str, quotes: list[str]) -> list[tuple[str, str | None]]:
    """Each quote with the role its preceding words name (title/caption/cta), or None."""
    out: list[tuple[str, str | None]] = []
    pos = 0
    low = instruction.lower()
    for q in quotes:
        at = instruction.find(q, pos)
        if at < 0:
            out.append((q, None))
            continue
        before = low[max(0, at - 40):max(0, at - 1)]
        between = low[pos:at]
        pos = at + len(q)
        if out and out[-1][1] == "caption" and _LIST_GLUE.fullmatch(between):
            out.append((q, "caption"))  # captions "A" and "B", 字幕“A”和“B”: the list goes on
        elif _LABEL_CTA.search(before):
            out.append((q, "cta"))
        elif _LABEL_TAGLINE.search(before):
            out.append((q, "tagline"))  # under the title (the title itself when nothing names the subject)
        elif _LABEL_CAPTION.search(before):
            out.append((q, "caption"))
        elif _LABEL_TITLE.search(before):
            out.append((q, "title"))
        else:
            out.append((q, None))
    return out


# what joins two quotes of one list: 'captions "A", "B" and "C"', '字幕“A”、“B”和“C”'
_LIST_GLUE = re.compile(r"""[\s"'“”‘’「」『』]*(?:,|，|、|;|；|&|\band\b|\bor\b|\bplus\b|和|与|及|跟)?[\s"'“”‘’「」『』]*""")

_GENERAL_TEXT = P._rx(r"\b(?:text|overlays?|captions?|captioned|subtitles?|on[\s-]screen)\b|字幕|文字|文案")


# --------------------------------------------------------------------------------------
# layout
# --------------------------------------------------------------------------------------


def _allocate(total: int, caps: list[int | None], t_in: list[int]) -> tuple[list[int], int]:
    """Display lengths for each picture so the track ends at ``total``.

    ``caps[i]`` is a clip's length (None for stills), ``t_in[i]`` the overlap into item i.
    Returns (durations, actual_total) — shorter than asked only when clips cannot fill it.
    """
    n = len(caps)
    span = total + sum(t_in)
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        if not free:
            break
        share = (span - sum(fixed.values())) // len(free)
        newly = [i for i in free if caps[i] is not None and caps[i] < share]  # type: ignore[operator]
        if not newly:
            break
        for i in newly:
            fixed[i] = caps[i]  # type: ignore[assignment]
    free = [i for i in range(n) if i not in fixed]
    durations = [0] * n
    for i, d in fixed.items():
        durations[i] = d
    if free:
        remaining = span - sum(fixed.values())
        share = remaining // len(free)
        for i in free:
            durations[i] = share
        durations[free[-1]] += remaining - share * len(free)
    actual = sum(durations) - sum(t_in)
    return durations, actual


def _favour_clips(durations: list[int], caps: list[int | None], still_max: int) -> list[int]:
    """``durations`` with what the stills hold past ``still_max`` moved to the clips that have
    footage left (``caps``: a clip's length, None for a still); the sum is kept.

    >>> _favour_clips([7500, 6000, 7500], [None, 6000, 15000], 4500)
    [4500, 6000, 10500]
    >>> _favour_clips([5000, 5000], [None, None], 4500)
    [5000, 5000]
    """
    stills = [i for i, cap in enumerate(caps) if cap is None]
    room = {i: cap - durations[i] for i, cap in enumerate(caps) if cap is not None and cap > durations[i]}
    excess = {i: durations[i] - still_max for i in stills if durations[i] > still_max}
    give = min(sum(excess.values()), sum(room.values()))
    if give <= 0:
        return durations
    out = list(durations)
    left = give
    for i, e in excess.items():  # each still gives its part of what moves
        take = min(e, left, round(give * e / sum(excess.values())))
        out[i] -= take
        left -= take
    moved = give - left
    for i, r in room.items():  # each clip takes what fits, in order
        put = min(r, moved)
        out[i] += put
        moved -= put
    if moved:  # rounding: back to a still
        out[stills[0]] += moved
    return out


def _title_of(a: Asset) -> str:
    return a.name or a.id


def _copies_notes(assets: Sequence[Asset], copies: Sequence[Asset]) -> list[str]:
    """A note for each copy: a file given with the same bytes (`Asset.id`) as one in ``assets``."""
    by_id = {a.id: a for a in assets}
    notes: list[str] = []
    for c in copies:
        seen = by_id.get(c.id)
        if seen is None:
            continue
        what = {AssetKind.IMAGE: "picture", AssetKind.VIDEO: "clip"}.get(c.kind, "audio file")
        if seen.name == c.name:
            notes.append(f"{_title_of(c)} was given twice: used once.")
        else:
            notes.append(f"{_title_of(seen)} and {_title_of(c)} are the same {what}: used once.")
    return notes


def music_of(instruction: str, assets: Sequence[Asset], speech: Mapping[str, float] | None = None) -> Asset | None:
    """The asset `plan` takes for the music bed (the one whose sound the caller measures)."""
    instruction, _ = T.correct_outside_quotes(instruction or "", [a.name for a in assets if a.name])
    return classify_audio([a for a in assets if a.kind is AssetKind.AUDIO], instruction, speech).music


def plan(instruction: str, assets: Sequence[Asset], *, copies: Sequence[Asset] = (),
         sound: Mapping[str, tuple[int, int]] | None = None, speech: Mapping[str, float] | None = None,
         keep: tuple[str, ...] = ()) -> Plan:
    """Compose a first cut from assets (in the order given) and one instruction.

    ``copies`` are files that were given too but have the same bytes as one of ``assets`` (a
    media library keeps one of each): they are not used again, and a note names each pair.
    An asset listed twice in ``assets`` is shown twice.

    ``sound`` maps an audio asset's id to where its sound starts and ends (ms), as measured by
    the caller (`reelforge.ai.sound`); without it the music plays from its start. ``speech`` maps
    an audio asset's id to the share of it that is speech (`reelforge.ai.speech_share`), for files
    whose names do not say what they are.
    Raises `PlanError` when there is no image or video clip to make a video from.
    """
    instruction = instruction or ""
    notes: list[str] = []
    instruction_as_typed = instruction
    # ``keep``: words left as typed, because their correction ended up on screen (see the end)
    instruction, fixes = T.correct_outside_quotes(instruction, [*(a.name for a in assets if a.name), *keep])
    if fixes:
        notes.append("Read " + ", ".join(f"'{f.wrong}' as '{f.right}'" for f in fixes) + ".")
    words = re.findall(r"[A-Za-z]{3,}", instruction)
    lost = T.unread(instruction)
    if not lost and words and not re.search(r"\d", instruction) and not any(T.known(w.lower()) for w in words):
        lost = T.content_words(words)  # "hmm", "hello there": English, but nothing to make a video from
    if lost and len(lost) * 2 >= len(words) and not P.is_chinese(instruction):
        notes.append("Did not understand " + ", ".join(f"'{w}'" for w in lost)
                     + ", so the first cut uses the defaults noted here; say what to change.")
    visuals = [a for a in assets if a.kind in (AssetKind.IMAGE, AssetKind.VIDEO)]
    audio = [a for a in assets if a.kind is AssetKind.AUDIO]
    # the settings are read outside the quotes and a brief's fields (the words to show are no
    # settings: "slogan: 30 seconds of calm" is no length); the text, whole
    said = P.outside_quotes(B.blank(instruction), {a.name.lower() for a in assets if a.name})
    if not visuals:
        got = f" (got {len(audio)} audio file{'s' if len(audio) != 1 else ''} only)" if audio else ""
        raise PlanError("Nothing to make a video from: add at least one image or video clip" + got + ".")
    # "mute the clips", "without the clips' sound", "视频静音" (it was kept, the music ducked under it)
    clips_muted = _MUTE_CLIPS.search(P.normalize(said)) is not None
    logo = _logo_file(visuals, said)
    if logo is not None:  # a logo given with the pictures is the logo, in a corner (it was a blurry 5x shot)
        visuals = [a for a in visuals if a is not logo]

    # -- frame -------------------------------------------------------------------------
    aspect = P.parse_aspect(said)
    resolution = P.parse_resolution(said)
    width, height = frame_size(aspect or DEFAULT_ASPECT, resolution or DEFAULT_RESOLUTION)
    if aspect is None and resolution is None:
        notes.append(f"Frame: {width}x{height} ({DEFAULT_ASPECT}, {DEFAULT_RESOLUTION}), the default; "
                     "say e.g. 'vertical for TikTok', 'square' or '720p' to change it.")
    else:
        notes.append(f"Frame: {width}x{height} ({aspect or DEFAULT_ASPECT}, {resolution or DEFAULT_RESOLUTION}).")
    said_fps = P.frame_rate_in(said)  # "60fps", "24 fps", "帧率25"
    fps = int(said_fps) if said_fps in FRAME_RATES else FPS
    if said_fps is not None and said_fps != fps:
        notes.append(f"Frame rate: {FPS} fps ({said_fps:g} fps is not offered: "
                     f"{', '.join(str(r) for r in FRAME_RATES)} fps are).")
    elif said_fps is not None:
        notes.append(f"Frame rate: {fps} fps, as asked" + (" (twice the frames of 30 fps: a longer export and twice "
                                                            "the credits)." if fps > 30 else "."))
    if aspect == "1:1" and re.search(r"\b(?:instagram|insta|ig)\b", P.normalize(said), re.ASCII):
        notes.append("'Instagram' is taken as a square feed post; say 'Instagram portrait' for 4:5 "
                     "or 'Reels' for 9:16.")

    # -- look ----------------------------------------------------------------------------
    asked_style = style_in(said, first_cut=True)
    cinematic = _CINEMATIC.search(P.normalize(said)) is not None
    look = get_style(asked_style or ("minimal" if cinematic else None))
    if cinematic and asked_style:
        notes.append(f"Look: {look.name} style (as asked); 'cinematic' adds a fade in from black and out to black.")
    elif cinematic:
        notes.append("'Cinematic' is read as the minimal look (slow 0.8 s crossfades, quiet text) with a fade in "
                     "from black and out to black.")
    else:
        notes.append(f"Look: {look.name} style" + (" (as asked)." if asked_style else
                     " (the default; say 'bold', 'minimal' or 'playful style' / '简约风格' to change it)."))
    big_text = _BIG_TEXT.search(P.normalize(said)) is not None
    unapplied = [w for w in _unapplied_style_words(said) if not (asked_style and look_of_word(w) == asked_style)]
    if unapplied:
        notes.append("Not applied: " + ", ".join(f"'{w}'" for w in unapplied) + " (there is no such look; the looks "
                     "are clean, bold, minimal and playful, and the colour can be changed: 'black and white', "
                     "'warmer', 'vintage look', 'brighter', 'more contrast').")

    # -- audio roles ---------------------------------------------------------------------
    roles = classify_audio(audio, said, speech)
    notes.extend(roles.notes)
    voice_ms = sum(a.duration_ms for a in roles.voice)

    # -- length ------------------------------------------------------------------------
    n_images = sum(a.kind is AssetKind.IMAGE for a in visuals)
    per_item = _per_item_ms(said)
    stated = P.parse_duration_ms(said)
    estimate_note = ""
    pace = _pace(said)
    per = per_item or look.seconds_per_image_ms + PACE_STEP_MS.get(pace, 0)
    per = max(PACE_MIN_MS, per) if pace else per
    clip_ms = sum(min(a.duration_ms, CLIP_CAP_MS) if a.duration_ms else per
                  for a in visuals if a.kind is AssetKind.VIDEO)
    estimated = n_images * per + clip_ms
    # "4 seconds per photo" with a shorter voiceover: the pictures' length, as asked (the voice's
    # length won without a word); a longer voiceover is not cut off, the pictures share its length
    per_item_wins = bool(per_item and n_images and voice_ms and estimated >= voice_ms)
    if stated:
        total = stated
        notes.append(f"Length: {fmt_seconds(total)} s, as asked.")
    elif voice_ms > 0 and not per_item_wins:
        total = voice_ms
        notes.append(f"Length: {fmt_seconds(total)} s, the length of the voiceover; give a length "
                     "(e.g. '30 seconds') to change it.")
        if per_item and n_images:
            notes.append(f"{fmt_seconds(per_item)} s for each image would end the video at {fmt_seconds(estimated)} s, "
                         f"before the voiceover ({fmt_seconds(voice_ms)} s), so the pictures share its length.")
    else:
        total = estimated
        parts = []
        if n_images:
            parts.append(f"{fmt_seconds(per)} s for each of {n_images} image{'s' if n_images != 1 else ''}"
                         + (f" ({pace} pace, as asked)" if pace and not per_item else ""))
        if clip_ms:
            parts.append(f"clips at their own length (at most {fmt_seconds(CLIP_CAP_MS)} s each)")
        if per_item_wins:
            estimate_note = (" and ".join(parts) + f", as asked; the voiceover ({fmt_seconds(voice_ms)} s) ends "
                             "before the video does.")
        else:
            estimate_note = "no length given and no voiceover, so " + " and ".join(parts) + "."
    each = max(0, total - clip_ms) / n_images if n_images else 0
    if pace and not per_item and n_images and (stated or (voice_ms > 0 and not per_item_wins)) \
            and (each > per + 250 if pace == "a fast" else each < per - 250):
        # "15 seconds, fast paced": the length decides how long each picture stays (said, not ignored)
        notes.append(f"{pace[2:].capitalize()} pace: the length sets about {fmt_seconds(round(each, -2))} s for each of "
                     f"{n_images} image{'s' if n_images != 1 else ''}; "
                     + ("more pictures or a shorter video cut faster." if pace == "a fast" else
                        "fewer pictures or a longer video stay longer."))
    if total > MAX_TOTAL_MS:
        notes.append(f"Length capped at {fmt_seconds(MAX_TOTAL_MS)} s (asked for {fmt_seconds(total)} s).")
        total = MAX_TOTAL_MS
    if total < MIN_TOTAL_MS:
        notes.append(f"Length raised to {fmt_seconds(MIN_TOTAL_MS)} s, the shortest video made.")
        total = MIN_TOTAL_MS

    # -- transitions ---------------------------------------------------------------------
    spec = P.parse_transition(said)
    transition = spec.transition if spec else look.transition
    t_ms = 0 if transition is Transition.CUT else (spec.duration_ms if spec and spec.duration_ms else
                                                   look.transition_ms or DEFAULT_TRANSITION_MS)
    n = len(visuals)
    if n > 1 and t_ms:
        slot = total // n
        if t_ms * 3 > slot:  # keep at least a third of each picture clear of transitions
            t_ms = (slot // 3) // 2 * 2
        if t_ms < 100:
            transition, t_ms = Transition.CUT, 0
    caps: list[int | None] = [
        (min(a.duration_ms, CLIP_CAP_MS) if estimate_note else a.duration_ms)
        if a.kind is AssetKind.VIDEO and a.duration_ms else None
        for a in visuals]
    t_in = [0] + [t_ms if _fits(caps[i - 1], t_ms) and _fits(caps[i], t_ms) else 0 for i in range(1, n)]
    stills = [i for i, cap in enumerate(caps) if cap is None]
    if estimate_note and stills and len(stills) < len(caps):
        # no length asked: each clip its own length (capped), the stills share the rest (their length and
        # the transitions' overlap); equal shares with the clips gave a still beside a long clip ~10 s
        span = total + sum(t_in) - sum(cap or 0 for cap in caps)
        share = span // len(stills)
        durations = [cap if cap is not None else share for cap in caps]
        durations[stills[-1]] += span - share * len(stills)
        actual = sum(durations) - sum(t_in)
    else:
        durations, actual = _allocate(total, caps, t_in)
        # a stated length with long clips: a still no longer than a still's length and its crossfades, the
        # rest to the clips with footage left (equal shares held a still 7.5 s of 20 s beside a 15 s clip)
        durations = _favour_clips(durations, caps, per + 2 * t_ms)
    if actual < total and estimate_note:
        total = actual  # clips at their own length, less the transitions' overlap
    elif actual < total:
        notes.append(f"The clips only add up to {fmt_seconds(actual)} s, so the video is {fmt_seconds(actual)} s "
                     f"instead of {fmt_seconds(total)} s (clips are not slowed down or repeated).")
        total = actual
    if estimate_note:
        notes.append(f"Length: {fmt_seconds(total)} s — {estimate_note}")
    if n > 1:
        if transition is Transition.CUT:
            notes.append("Transitions: hard cuts." if spec else f"Transitions: hard cuts ({look.name} style)."
                         if look.transition is Transition.CUT else "Transitions: cuts (pictures too short to blend).")
        else:
            how = "as asked" if spec else (f"the {look.name} style's; say 'hard cuts' for none" if asked_style
                                           else "the default; say 'hard cuts' for none")
            notes.append(f"Transitions: {fmt_seconds(t_ms)} s {transition.value} ({how}).")

    # -- motion --------------------------------------------------------------------------
    motion_wanted = P.wants_motion(said)
    use_motion = motion_wanted is not False
    ask = P.motion_ask(said) if use_motion else None
    motion_amount = MOTION_AMOUNT
    if ask is not None:
        motion_amount = motion_amount_within(ask.amount if ask.amount is not None else MOTION_AMOUNT * (ask.factor or 1.0))
    kinds = P.motion_kinds(said) if use_motion else None  # "slow pans", "zoom in on each photo"
    if n_images and kinds:
        moves = {(Motion.PAN_RIGHT, Motion.PAN_LEFT): "pan right and left in turn", (Motion.ZOOM_IN,): "zoom in",
                 (Motion.ZOOM_OUT,): "zoom out"}.get(kinds, "zoom in and out in turn")
        notes.append(f"Stills {moves}, as asked ({round(motion_amount * 100)} % of the view).")
    elif n_images and not use_motion:
        notes.append("Stills stay still, as asked.")
    elif n_images and motion_amount != MOTION_AMOUNT:
        how = "a subtle" if motion_amount < MOTION_AMOUNT else "a strong"
        notes.append(f"Stills get {how} zoom or pan in turn ({round(motion_amount * 100)} % of the view, as asked; "
                     f"the usual is {round(MOTION_AMOUNT * 100)} %).")
    elif n_images:
        notes.append("Stills get a slow zoom or pan in turn (say 'no motion' to keep them still, 'subtler zoom' or "
                     "'stronger zoom' to change how far they go).")

    voice_present = bool(roles.voice) and voice_ms >= 0
    rel_music, rel_voice = relative_levels(said)
    video_segs: list[VideoSegment] = []
    cursor = 0
    still_index = 0
    for i, (a, d) in enumerate(zip(visuals, durations, strict=True)):
        start = cursor - t_in[i]
        is_still = a.kind is AssetKind.IMAGE
        motion = Motion.NONE
        if is_still and use_motion:
            cycle = kinds or MOTION_CYCLE
            motion = cycle[still_index % len(cycle)]
        if is_still:
            still_index += 1
        tr = transition if t_in[i] else Transition.CUT
        video_segs.append(VideoSegment(
            id=f"v{i + 1}", start=start, duration=d, src=a.id, name=a.name, in_ms=0, motion=motion,
            motion_amount=motion_amount,
            transition=tr, transition_ms=t_in[i],
            mute=bool(a.kind is AssetKind.VIDEO and a.has_audio and (voice_present or clips_muted)),
        ))
        cursor = start + d
    if any(a.kind is AssetKind.VIDEO and a.has_audio for a in visuals) and voice_present:
        notes.append("The clips' own sound is muted so it does not talk over the voiceover.")
    elif any(a.kind is AssetKind.VIDEO and a.has_audio for a in visuals) and clips_muted:
        notes.append("The clips' own sound is muted, as asked.")
    tracks = [Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(video_segs))]

    # -- audio -----------------------------------------------------------------------------
    seg_no = 0
    if roles.voice:
        voice_vol = P.parse_voice_volume(said)
        if voice_vol is None and rel_voice != 1.0:
            voice_vol = rel_voice
        vsegs = []
        vcursor = 0
        for a in roles.voice:
            length = a.duration_ms or total
            d = min(length, total - vcursor)
            if d <= 0:
                notes.append(f"'{a.name}' does not fit in the {fmt_seconds(total)} s and is left out.")
                continue
            seg_no += 1
            vsegs.append(AudioSegment(id=f"a{seg_no}", start=vcursor, duration=d, src=a.id, name=a.name,
                                      volume=min(voice_vol if voice_vol is not None else 1.0, 4.0)))
            if d < length:
                notes.append(f"The voiceover '{a.name}' ({fmt_seconds(length)} s) is cut off at "
                             f"{fmt_seconds(total)} s; drop the length to keep all of it.")
            vcursor += d
        if voice_vol is not None and vsegs:
            notes.append(f"Voiceover at {round(min(voice_vol, 4.0) * 100)}%, as asked.")
        if vsegs:
            tracks.append(Track(id="voice", kind=TrackKind.AUDIO, role=Role.VOICE, segments=tuple(vsegs)))
    if roles.music is not None:
        m = roles.music
        asked = P.parse_music_volume(said)
        has_voice = len(tracks) > 1
        # clips that keep their own sound (no voiceover): the music steps back under it
        sounding = list(dict.fromkeys(a.name for a, s in zip(visuals, video_segs, strict=True)
                                      if not s.mute and a.kind is AssetKind.VIDEO and a.has_audio))
        vol = asked if asked is not None else (MUSIC_WITH_VOICE if has_voice else MUSIC_ALONE)
        relative = ""
        if asked is None and rel_music != 1.0:
            relative = f" ({round(vol * 100)}% x{rel_music:g}, as asked)"
            vol = round(vol * rel_music, 4)
        vol = max(0.0, min(vol, 4.0))
        bed = music_bed((sound or {}).get(m.id), m.duration_ms)
        loop = bool(m.duration_ms) and bed.sound_ms(m.duration_ms) < total
        fade_in = min(MUSIC_FADE_IN_MS, total // 4)
        fade_out = min(MUSIC_FADE_OUT_MS, total // 4)
        seg_no += 1
        tracks.append(Track(id="music", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
            AudioSegment(id=f"a{seg_no}", start=0, duration=total, src=m.id, name=m.name, volume=vol,
                         duck=has_voice or bool(sounding), loop=loop, fade_in_ms=fade_in, fade_out_ms=fade_out,
                         **bed.segment_fields()),)))
        level = f"{round(vol * 100)}%" + (" as asked" if asked is not None else relative)
        bits = [f"Music at {level}"]
        if has_voice:
            bits.append("ducked under the voiceover")
        elif sounding:
            bits.append("ducked under the clips' own sound (" + ", ".join(sounding) + "; say 'mute the clips' to "
                        "drop it)")
        bits += bed_notes(bed, m.duration_ms, looped=loop)
        notes.append(", ".join(bits) + f"; fades in {fmt_seconds(fade_in)} s and out {fmt_seconds(fade_out)} s.")

    if roles.music is None and P.parse_music_volume(said) is not None:
        notes.append("A music level was given, but there is no music file to apply it to.")

    # -- text ------------------------------------------------------------------------------
    text_tracks, text_notes = _text_tracks(instruction, visuals, video_segs, total, assets, look.caption_box)
    tracks.extend(text_tracks)
    notes.extend(text_notes)
    if logo is None and re.search(r"\b(?:logo|watermark)\b|水印", P.normalize(said)) \
            and not _LOGO_AS_SHOT.search(P.normalize(said)) and not any(_LOGO_FILE.search(a.name or "") for a in visuals):
        # "logo top right" with no logo image: said, not silently left out
        notes.append("No logo image was given: add one named like logo.png (it is used as the logo), or say "
                     "'add logo.png in the top right' once it is uploaded.")
    if logo is not None:
        corner = _logo_corner(said)
        tracks.append(Track(id="logo", kind=TrackKind.VIDEO, role=Role.LOGO, segments=(
            VideoSegment(id="l1", start=0, duration=total, src=logo.id, name=logo.name, position=corner,
                         scale=LOGO_SCALE, fit=Fit.CONTAIN, mute=True),)))
        notes.append(f"'{logo.name}' is the logo: {corner.value.replace('-', ' ')} corner, {LOGO_SCALE:.0%} wide, "
                     "throughout (say e.g. 'move the logo to the top left', 'make the logo smaller' or 'only show "
                     "the logo at the end').")

    # -- assets ----------------------------------------------------------------------------
    seen: set[str] = set()
    unique_assets = []
    for a in assets:
        if a.id not in seen:
            seen.add(a.id)
            unique_assets.append(a)
    notes.extend(_copies_notes(assets, copies))
    if n > 1:
        notes.append("Pictures in the order given: " + ", ".join(_title_of(a) for a in visuals) + ".")

    if big_text:  # "big readable text": every text a size larger
        tracks = [_each_text(tr, lambda s: {"size": _SIZE_UP[s.size]}) for tr in tracks]
        notes.append("Big readable text: every text one size larger (titles and calls to action extra large, "
                     "captions large).")
    if _BOLD_TEXT.search(P.normalize(said)) and any(_is_text_track(tr) for tr in tracks):
        # "bold text", "粗体字": heavy letters (as the edit "make the text bold"), the style's when heavier
        tracks = [_each_text(tr, lambda s: {"weight": O.BOLD_WEIGHT}) for tr in tracks]
        notes.append(f"Bold text: every text in a heavy weight ({max(O.BOLD_WEIGHT, look.weight)}).")
    fades = {"fade_in_ms": CINEMATIC_FADE_MS, "fade_out_ms": CINEMATIC_FADE_MS} if cinematic else {}
    grade = first_cut_grade(P.normalize(said))
    if grade:  # "in black and white", "warm tones", "复古色调": as an edit would set them
        notes.append(f"Colour: {O.grade_words(O.SetGrade(**grade))}.")
    timeline = build(width=width, height=height, fps=fps, duration=total, style=look.name, assets=tuple(unique_assets),
                     tracks=tuple(tracks), grade=Grade(**(grade or {})), **fades)
    shown = " ".join(seg.text for tr in timeline.tracks if _is_text_track(tr) for seg in tr.segments)
    kept = T.landed_on_screen(((f.wrong, f.right) for f in fixes), shown)
    if kept and not keep:  # a correction put a word on screen ("our scone shop" -> "Scene Shop"): as typed
        return plan(instruction_as_typed, assets, copies=copies, sound=sound, speech=speech, keep=kept)
    return Plan(timeline=timeline, notes=tuple(notes), summary=summarize(timeline))


_MUTE_CLIPS = re.compile(r"\b(?:mute|silence)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:video\s+)?(?:clips?|videos?|footage)\b|"
                         r"\b(?:without|no)\s+(?:the\s+)?(?:clips?'?|videos?'?|footage'?s?)\s*(?:own\s+)?(?:sound|audio)\b|"
                         r"\b(?:clips?|videos?|footage)\s+(?:muted|silent|on\s+mute|without\s+(?:their\s+|its\s+)?sound)\b|"
                         r"\bno\s+(?:original|clip)\s+(?:sound|audio)\b|(?:视频|片段)(?:原声)?静音|去掉(?:视频|片段)?原声|不要(?:视频|片段)?原声")
LOGO_SCALE = 0.15  # of the frame's width, as the edit "add the logo" places it
_LOGO_FILE = re.compile(r"(?:^|[^a-z])(?:logos?|watermark|brand[\s_-]?mark|logotype)(?:[^a-z]|$)|标志|水印", re.I)
# the logo asked for as a picture of its own: "end with our logo", "the logo as the last shot", "logo end card"
_LOGO_AS_SHOT = re.compile(r"\b(?:end|finish|close|start|open|begin)s?\s+(?:it\s+|the\s+video\s+)?(?:with|on)\s+(?:the\s+|our\s+|my\s+)?logo\b|"
                           r"\blogo\s+(?:as\s+(?:a|the)\s+(?:first|last|final|opening|closing)?\s*(?:shot|slide|frame|card|picture|image)|"
                           r"(?:end|intro|outro|title)\s*(?:card|screen|slate))\b|(?:结尾|最后|开头)(?:放|是|用)?(?:一张)?(?:logo|标志)")


def _logo_file(visuals: Sequence[Asset], said: str) -> Asset | None:
    """The image given to be the logo: named logo/watermark (a corner of the video, not a shot), when
    there are other pictures and the instruction does not ask for it as a picture of its own."""
    if _LOGO_AS_SHOT.search(P.normalize(said)):
        return None
    logos = [a for a in visuals if a.kind is AssetKind.IMAGE and _LOGO_FILE.search(a.name or "")]
    return logos[0] if len(logos) == 1 and len(visuals) > 1 else None


def _logo_corner(said: str) -> Position:
    """The corner the instruction gives the logo ("logo top left", "水印放在左上角"), else bottom right."""
    t = P.normalize(said)
    for clause in re.split(r"[,;.!?，。；！？]", t):
        if re.search(r"\b(?:logo|watermark)\b|水印|标志", clause):
            pos = P.parse_position(clause)
            if pos in (Position.TOP_LEFT, Position.TOP_RIGHT, Position.BOTTOM_LEFT, Position.BOTTOM_RIGHT):
                return pos
            if pos in (Position.TOP, Position.BOTTOM):
                return Position.TOP_RIGHT if pos is Position.TOP else Position.BOTTOM_RIGHT
    return Position.BOTTOM_RIGHT


# words a first instruction uses for a look that has no setting of its own
_CINEMATIC = re.compile(r"\b(?:cinematic|filmic|film[\s-]like|movie[\s-]like|like\s+a\s+(?:film|movie))\b|电影感|电影风|大片")
CINEMATIC_FADE_MS = 1000
_BIG_TEXT = re.compile(r"\b(?:big|large|larger|bigger|huge|readable|legible|easy[\s-]to[\s-]read)(?:\s+and)?\s+"
                       r"(?:(?:readable|legible|bold|clear)\s+)?(?:text|captions?|titles?|subtitles?|fonts?|letters|writing)\b|"
                       r"\b(?:text|captions?|subtitles?|fonts?)\s+(?:big|large|readable|legible)\b|大字|字大|大号字|字体大")
_UNAPPLIED = re.compile(r"\b(?:moody|dreamy|luxur(?:y|ious)|epic|dramatic|grunge|grungy|neon|glitchy?|"
                        r"lo-?fi|sleek|futuristic|gritty|y2k|vaporwave|edgy|atmospheric|"
                        r"cyberpunk|noir|vibey|aesthetic)\b|赛博朋克|高级感|氛围感")


def _unapplied_style_words(instruction: str) -> list[str]:
    """Look words of a first instruction the composer has no setting for ("retro", "moody"), once each."""
    return list(dict.fromkeys(m.group(0) for m in _UNAPPLIED.finditer(P.normalize(instruction))))


_SIZE_UP = {TextSize.SMALL: TextSize.MEDIUM, TextSize.MEDIUM: TextSize.LARGE, TextSize.LARGE: TextSize.XLARGE,
            TextSize.XLARGE: TextSize.XLARGE}


def _is_text_track(track) -> bool:
    segs = getattr(track, "segments", None)
    return bool(segs) and isinstance(segs[0], TextSegment)


# "fast-paced", "upbeat", "快节奏": shorter stills when no length is given; "calm", "舒缓": longer
_PACE_FAST = P._rx(r"\b(?:fast[\s-]?paced?|fast\s+pace|quick(?:er)?\s+(?:pace|cuts)|upbeat(?!\s+(?:music|song|track|tune))|"
                   r"energetic|snappy|high[\s-]energy|rapid[\s-]fire|punchy)\b|节奏快|快节奏|节奏感强|节奏明快|动感")
_PACE_SLOW = P._rx(r"\b(?:slow[\s-]?paced?|slow\s+pace|(?:calm|relaxed|relaxing|peaceful|serene)"
                   r"(?!\s+(?:music|song|track|tune|piano|guitar|beat))|leisurely|unhurried|gentle\s+pace)\b|"
                   r"节奏慢|慢节奏|舒缓(?!的?音乐)|悠闲|从容")
PACE_STEP_MS = {"a fast": -1000, "a calm": 1000}  # from the style's seconds per still (clean: 2.5 / 4.5 s)
PACE_MIN_MS = 2000


def _pace(instruction: str) -> str | None:
    t = P.normalize(instruction)
    fast, slow = _PACE_FAST.search(t) is not None, _PACE_SLOW.search(t) is not None
    return None if fast == slow else "a fast" if fast else "a calm"


_BOLD_TEXT = P._rx(r"\bbold\s+(?:text|letters|lettering|fonts?|type|titles?|captions?|words|writing)\b|"
                   r"\b(?:text|letters|fonts?|titles?|captions?)\s+(?:in\s+)?bold\b|粗体|字体?加粗|加粗字体?|大粗字")


def _each_text(track, update):
    """A text track with ``update(segment)`` (the fields to change) applied to every text; any
    other track (as built here: a Track or its dict) as it is."""
    if not _is_text_track(track):
        return track
    return track.model_copy(update={"segments": tuple(s.model_copy(update=update(s)) for s in track.segments)})


_LOUDER = (r"(?:\blouder\b|\bloud\b|\braise\b|\bincrease\b|\bboost\b|\bturn\s+up\b|大声|调大|增大|提高|加大|"
           r"大一点|大点|大一些|大些|响一点|响亮)")
# "quiet music", "music low", "keep the music down" ask for less of it too ("soft piano music" is a kind)
_QUIETER = (r"(?:\bnot\s+(?:too\s+|so\s+|very\s+)?loud\b|\btoo\s+loud\b|\bquieter\b|\blower\b|\breduce\b|\bdecrease\b|\bturn\s+down\b|\bsofter\b|\bquiet\b|\blow\b|"
            r"\bdown\b|\bin\s+the\s+background\b|\bquietly\b|\bsoftly\b|\bsubtle\b|\bgently\b|\bbarely\s+(?:there|audible)\b|调小|减小|降低|"
            r"小一点|小点|小一些|小些|轻一点|小声|低一点|调低|轻柔|轻轻)")
_CLEARER = r"(?:\bclearer\b|\bmore\s+clear(?:ly)?\b|\bclear\b|\bcrisper\b|清楚|清晰)"
_LITTLE = r"(?:\ba\s+(?:little|bit|touch)\b|\bslightly\b|\bsomewhat\b|一点|一些|稍微|有点|点儿|些)"
_MUCH = r"(?:\bmuch\b|\ba\s+lot\b|\bway\b|\bfar\b|很多|大幅|非常)"


def relative_levels(instruction: str) -> tuple[float, float]:
    """(music, voice) gain factors for relative level phrasings in a first instruction, with
    the same factors an edit uses: "music quieter"/"背景音乐小一点" -> music x0.7 (a little) or
    x0.5; "音乐大声点" -> x1.25 / x1.5; "voice clearer"/"人声清楚一些" lowers the music under it.
    Absolute levels ("music at 20%") are `parse.parse_music_volume`'s and win over these.

    >>> relative_levels("宣传视频，背景音乐小一点"), relative_levels("人声清楚一些"), relative_levels("promo")
    ((0.7, 1.0), (0.7, 1.0), (1.0, 1.0))
    >>> relative_levels("keep the interview's sound, music quietly under it")
    (0.5, 1.0)
    """
    music, voice = 1.0, 1.0
    for clause in re.split(r"[,;.!?，。；！？、]|\band\b|\bbut\b|并且|而且|同时", P.normalize(instruction)):
        is_music = re.search(P._MUSIC_WORDS, clause, re.ASCII) is not None
        is_voice = re.search(rf"(?<![a-z]){P._VOICE_WORDS}(?![a-z])", clause, re.ASCII) is not None
        if is_music == is_voice or re.search(r"\d\s*%|百分之|\bdb\b|分贝", clause, re.ASCII):
            continue  # no single role named, or an absolute level (parse_*_volume has it)
        little = re.search(_LITTLE, clause, re.ASCII) is not None
        much = re.search(_MUCH, clause, re.ASCII) is not None
        down = 0.7 if little else 0.3 if much else 0.5
        up = 1.25 if little else 2.0 if much else 1.5
        if is_voice and re.search(_CLEARER, clause, re.ASCII):
            music *= 0.7 if little or not much else 0.5  # a clearer voice: less music under it
        elif re.search(_QUIETER, clause, re.ASCII):
            music, voice = (music * down, voice) if is_music else (music, voice * down)
        elif re.search(_LOUDER, clause, re.ASCII):
            music, voice = (music * up, voice) if is_music else (music, voice * up)
    return round(music, 4), round(voice, 4)


def _fits(cap: int | None, t_ms: int) -> bool:
    return cap is None or cap >= 4 * t_ms


def _per_item_ms(instruction: str) -> int | None:
    """ "3 seconds per image", "each photo for 4s", "每张3秒" -> ms per picture."""
    t = P.normalize(instruction)
    for d in P.find_durations(t):
        before, after = t[max(0, d.start - 30):d.start], t[d.end:d.end + 20]
        if (re.search(r"(?:\b(?:each|every|per)\b[^,.;:]{0,24}|每[^，,。；;：]{0,8})$", before)
                or re.match(r"\s*(?:per|each|a\s+piece|apiece|for\s+each|every)\b", after)):
            return d.ms
    return None


_MEDIA_EXT = re.compile(r"\.(?:mp4|mov|avi|webm|mkv|m4v|jpe?g|png|gif|webp|heic|mp3|wav|m4a|aac|ogg|flac)$", re.I)


def _text_tracks(instruction: str, visuals: Sequence[Asset], segs: Sequence[VideoSegment],
                 total: int, assets: Sequence[Asset] = (),
                 caption_box: TextBackground = TextBackground.BOX) -> tuple[list[Track], list[str]]:
    # quoted file names ("use 'bgm.mp3' as the music") are references, not on-screen text
    names = {a.name.lower() for a in assets}
    for q in P.quoted_texts(instruction):
        if q.lower() in names or _MEDIA_EXT.search(q.strip()):
            instruction = instruction.replace(q, " ")
    zh = P.is_chinese(instruction)
    # "product: AeroBottle. tagline: stay cold 24h. cta: order today": a brief's fields, read first
    brief = B.read(instruction)
    instruction = B.blank(instruction, brief)
    quotes = P.quoted_texts(instruction)
    unquoted = instruction
    for q in quotes:
        unquoted = unquoted.replace(q, " ")
    # "end with follow us", "结尾写关注我们": the words the video ends on (a quoted ending is `_label_quotes`')
    ending = ending_words(unquoted, zh=zh, files=frozenset(names))
    # "with our instagram @beanthere", "call us at +1 555 123 4567": an address to show, at the end
    plain = P.outside_quotes(unquoted)  # what the words say themselves (read once for the readers below)
    contact = contact_in(plain)
    if contact and contact.lower() in names:
        contact = None
    # "a story for our summer sale. 30% off everything": the offer is what the video is for
    offer = offer_in(plain)
    # "pumpkin latte $5.50, maple scone $3": a caption each, and no one price the offer
    items = priced_items(plain)
    if items and offer and any(offer.removeprefix("only ").removeprefix("just ") in it for it in items):
        offer = None
    announced = _ANNOUNCE.search(P.normalize(plain)) is not None
    # "birthday video for mom", "we're hiring baristas": the occasion's own opening words; "an intro
    # for my channel Wander Often": its name
    greeting = OC.greeting(plain) or OC.hiring(plain) or OC.welcome(plain)
    intro = False
    if greeting is None and _INTRO.search(plain) and (name := subject_of(unquoted)) and name in unquoted \
            and not _ZH_NOT_A_NAME.fullmatch(name):
        greeting, intro = name, True  # as typed: a name ("an intro for my channel", "给我的频道做个片头" have none)
    if not (P.wants_text_overlays(instruction) or ending or title_in(unquoted) or contact or offer or announced
            or _SALE_EVENT.search(unquoted) or brief or greeting or items):
        return [], []
    notes: list[str] = []
    labelled = _label_quotes(instruction, quotes)
    title: str | None = next((q for q, r in labelled if r == "title"), None)
    cta: str | None = next((q for q, r in labelled if r == "cta"), None)
    captions_q: list[str] = [q for q, r in labelled if r == "caption"]
    named = title_in(unquoted) if title is None else None  # "标题是城市之光", "title: City Lights"
    if named:
        title = named
        unquoted = re.sub(re.escape(named), " ", unicodedata.normalize("NFKC", unquoted), flags=re.I)
        notes.append(f"Title from the instruction: '{named}'.")
    subtitle = brief.subtitle
    tagline = next((q for q, r in labelled if r == "tagline"), None)
    if subtitle is None and tagline:
        subtitle = tagline  # "launch video for the Velo X motorcycle with the tagline 'Ride the future'"
        if title is None and (said_name := subject_of(unquoted)) and said_name.lower() in unquoted.lower():
            title = said_name
            notes.append(f"Title from the instruction: '{said_name}', the tagline '{tagline}' under it.")
    from_brief: list[str] = []  # what the brief's fields gave, for the note
    if brief.title and title is None:
        title = title_case(brief.title) if brief.title.islower() else brief.title
        from_brief.append(f"title '{title}'")
    if brief and title is None and (said_name := subject_of(unquoted)) and said_name in unquoted:
        title = said_name  # "promo for Bean There Coffee. Slogan - Brewed for you": the name, the slogan under it
        notes.append(f"Title from the instruction: '{said_name}'.")
    if subtitle and title is None:
        title, subtitle = subtitle, None  # a tagline alone opens the video
        from_brief.append(f"title '{title}'")
    if subtitle:
        from_brief.append(f"'{subtitle}' under the title")
    if brief.cta and cta is None:
        cta = brief.cta
        from_brief.append(f"call to action '{cta}'")
    if brief.captions:
        captions_q.extend(brief.captions)
        from_brief.append("captions " + ", ".join(f"'{c}'" for c in brief.captions))
    if brief.lines:
        from_brief.append(", ".join(f"'{x}'" for x in brief.lines) + " with the call to action")
    if from_brief:
        notes.append("From the brief's fields: " + "; ".join(from_brief) + ".")
    if items and not captions_q:
        captions_q.extend(items)
        notes.append("Captions from the prices listed: " + ", ".join(f"'{x}'" for x in items) + ".")
    ending = ending if cta is None else None
    if ending:
        cta = ending
        unquoted = unquoted.replace(ending, " ")
        notes.append(f"Call to action from the instruction: '{ending}'.")
    under_cta: list[str] = list(brief.lines)  # rows under a call to action that does not say them
    if offer and not (ending and offer.lower() in ending.lower()):
        if cta is None:
            cta = capitalised(offer)
            notes.append(f"Call to action from the instruction: '{cta}'.")
        elif offer.lower() not in cta.lower():
            under_cta.append(offer)
            notes.append(f"'{offer}' is shown with the call to action, a row below it.")
    if offer and (until := deadline_in(plain)) and until.lower() not in (cta or "").lower():
        under_cta.append(until)  # "20% off everything, ends dec 24": when it ends, with it
        notes.append(f"'{until}' is shown with the call to action, a row below it.")
    if cta is None and announced and (when := event_date(unquoted)):
        cta = see_you(when, zh=zh)  # "… grand opening this Saturday": the date to keep
        notes.append(f"Call to action from the date it announces: '{cta}'.")
    if contact and cta is None:
        cta = contact_cta(plain, contact) or contact  # "apply at jobs.example.com": the words asking too
        notes.append(f"Call to action from the instruction: '{cta}'.")
    elif contact and contact not in (cta or ""):
        under_cta.append(contact)
        notes.append(f"'{contact}' is shown with the call to action, a row below it.")
    if contact:
        unquoted = unquoted.replace(contact, " ")
    if cta is None and under_cta:  # "price: $19": a line there is; an offer, then a phone or website (asks) first
        cta = next((x for x in under_cta if is_discount(x)), next((x for x in under_cta if is_reach(x)), under_cta[0]))
        under_cta.remove(cta)
    free = [q for q, r in labelled if r is None]
    if free and title is None:
        title = free.pop(0)
    if free:
        if cta is None:
            cta = free.pop()
        captions_q.extend(free)
    if quotes:
        notes.append("Quoted text used verbatim: " + ", ".join(f"'{q}'" for q in quotes) + ".")
    derive = (not (quotes or named or ending or contact or brief or greeting)
              or bool(_GENERAL_TEXT.search(P.normalize(unquoted))))

    invented: list[str] = []
    if title is None and greeting:
        title = greeting
        notes.append(f"Title for the {'intro' if intro else 'occasion'}: '{greeting}'"
                     + ("" if derive else "; say 'add a call to action' or 'add captions' for more text") + ".")
    if title is None and (headline := headline_in(plain)):
        title = headline  # "new arrivals this week! swipe up to shop": the line it exclaims
        notes.append(f"Title from the instruction: '{headline}'.")
    if title is None and derive:
        title = subject_of(unquoted)
        source = "from the instruction"
        if title is None and announced and (event := _ZH_EVENT.search(unquoted) or _EN_EVENT.search(unquoted)):
            title = event.group(0) if P.CJK.search(event.group(0)) else title_case(event.group(0))  # what it announces
        if title is None and (event := _SALE_EVENT.search(unquoted)):
            title = event.group(0) if P.CJK.search(event.group(0)) else title_case(event.group(0))  # "双十一活动"
        if title is None:
            title = theme_of([a.name for a in visuals])
            source = "from what the file names share"
            if title is not None and zh and not P.CJK.search(title):
                title = None  # an English file name does not title a Chinese video
        if title is not None and is_file_junk(title):
            title = None
        if title is None:
            title = _fallback_title(instruction)
            source = "a stock phrase: neither the instruction nor the file names say what it is about"
        invented.append(f"title '{title}' ({source})")
    if (title is None and (contact or ending or offer or brief) and not derive and (said_name := subject_of(unquoted))
            and (said_name in unquoted or announced)):
        title = said_name  # "a promo for Bean There, call us at …": the name as typed (or what it announces)
        notes.append(f"Title from the instruction: '{said_name}'.")
    if title is None and not derive and not ending and _LISTING.search(P.normalize(plain)):
        title = _fallback_title(instruction)  # "listing video: $450,000, 123 Main St": it still says what it is
        invented.append(f"title '{title}' (a listing's)")
    if subtitle is None and title and (facts := listing_facts(plain)):
        subtitle = facts  # "3 bed 2 bath, 1,800 sq ft": under the title
        notes.append(f"'{facts}' is shown under the title.")
    if title is None and not derive and announced and zh and (event := _ZH_EVENT.search(unquoted)):
        title = event.group(0)
        notes.append(f"Title from the instruction: '{title}'.")
    if cta is None and derive:
        cta = call_to_action(instruction)
        invented.append(f"call to action '{cta}'")
    cta_row = " · ".join(dict.fromkeys(x for x in under_cta if x.lower() not in (cta or "").lower())) or None

    # timing
    title_end = min(TITLE_MS, total // 2) if title else 0
    cta_len = min(CTA_MS, total - title_end) if cta else 0
    if cta and cta_len < 1000:
        notes.append(f"No room for the call to action '{cta}' in {fmt_seconds(total)} s.")
        cta, cta_len = None, 0
    cta_start = total - cta_len if cta else total

    tracks: list[Track] = []
    tid = 0
    if title:
        tid += 1
        tracks.append(Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
            TextSegment(id=f"t{tid}", start=0, duration=title_end, text=title, position=Position.CENTER,
                        size=title_size(title),
                        background=TextBackground.SHADOW),)))
    cap_segs: list[TextSegment] = []
    if title and subtitle:  # the brief's tagline: a row under the title, shown with it
        tid += 1
        cap_segs.append(TextSegment(id=f"t{tid}", start=0, duration=title_end, text=subtitle,
                                    position=Position.BOTTOM, size=TextSize.MEDIUM, background=caption_box))

    # captions: quoted ones in picture order, else from meaningful file names
    cap_texts: list[str | None]
    foreign: list[str] = []
    if captions_q:
        # fewer captions than pictures: the title's picture keeps the title alone
        skip = 1 if title and len(captions_q) < len(visuals) else 0
        cap_texts = [None] * skip + list(captions_q[: len(visuals)])
        cap_texts += [None] * max(0, len(visuals) - len(cap_texts))
        if len(captions_q) > len(visuals):
            notes.append(f"{len(captions_q) - len(visuals)} quoted caption(s) left over (more captions than pictures).")
    elif derive:
        cap_texts = [caption_from_name(a.name) for a in visuals]
        if zh:  # an English file name is not made into a caption of a Chinese video
            foreign = [a.name for a, c in zip(visuals, cap_texts, strict=True) if c and not P.CJK.search(c)]
            cap_texts = [c if c and P.CJK.search(c) else None for c in cap_texts]
            if foreign:
                notes.append("No caption from " + ", ".join(f"'{n}'" for n in foreign)
                             + ": the name is English and the video Chinese; quote the words to show.")
        lowered = (title or "").lower()
        cap_texts = [c if c and c.lower() != lowered else None for c in cap_texts]
        # a brand the names all start with is the title; the captions drop it ("Aurora Glass
        # Bottle" under the title "Aurora" reads "Glass Bottle")
        cap_texts = [c[len(title) + 1:] if c and title and c.lower().startswith(lowered + " ")
                     and len(c.split()) - len(title.split()) >= 2 else c for c in cap_texts]
    else:
        cap_texts = [None] * len(visuals)
    skipped = 0
    prev_end = 0
    for i, (seg, text) in enumerate(zip(segs, cap_texts, strict=True)):
        if not text:
            continue
        clear_start = seg.start + seg.transition_ms
        clear_end = segs[i + 1].start if i + 1 < len(segs) else seg.end
        lo = max(title_end + 200 if title_end else 0, prev_end)
        hi = cta_start - 200 if cta else total
        inset = (clear_end - clear_start) // 6
        start, end = max(clear_start + inset, lo), min(clear_end - inset, hi)
        if end - start < MIN_CAPTION_MS:  # squeezed by the title or CTA: use the whole clear part
            start, end = max(clear_start, lo), min(clear_end, hi)
        if end - start < MIN_CAPTION_MS:  # still too short: share the time with the title/CTA
            start, end = max(clear_start + inset, prev_end), clear_end - inset
        if end - start < MIN_CAPTION_MS:
            start, end = max(clear_start, prev_end), clear_end
        if end - start < min(MIN_CAPTION_MS, 500):
            skipped += 1
            continue
        if end - start < MIN_CAPTION_MS and not captions_q:
            skipped += 1
            continue
        tid += 1
        cap_segs.append(TextSegment(id=f"t{tid}", start=start, duration=end - start, text=text,
                                    position=Position.BOTTOM, size=TextSize.MEDIUM,
                                    background=caption_box, shot=seg.id))
        prev_end = end
    shot_caps = sum(c.shot is not None for c in cap_segs)
    if shot_caps and not captions_q:
        invented.append(f"{shot_caps} caption{'s' if shot_caps != 1 else ''} from the file names")
    if cta_row and cta:  # the row under the call to action has that time to itself
        kept = []
        for c in cap_segs:
            if c.end > cta_start - 200 and c.shot is not None:
                if cta_start - 200 - c.start < MIN_CAPTION_MS:
                    notes.append(f"The caption '{c.text}' is left out: the call to action and the line under it "
                                 "take the end.")
                    continue
                c = c.model_copy(update={"duration": cta_start - 200 - c.start})
            kept.append(c)
        cap_segs = kept
        tid += 1
        cap_segs.append(TextSegment(id=f"t{tid}", start=cta_start, duration=cta_len, text=cta_row,
                                    position=Position.BOTTOM, size=TextSize.MEDIUM, background=caption_box))
    if cap_segs:
        tracks.append(Track(id="caption", kind=TrackKind.TEXT, role=Role.CAPTION, segments=tuple(cap_segs)))
    if skipped:
        notes.append(f"{skipped} caption{'s' if skipped != 1 else ''} left out: "
                     "the picture is on screen too briefly to read one.")
    if derive and not captions_q and not any(cap_texts) and not foreign:
        notes.append("No captions: the file names say nothing about the pictures (e.g. IMG_0001).")
    if cta:
        tid += 1
        tracks.append(Track(id="cta", kind=TrackKind.TEXT, role=Role.CTA, segments=(
            TextSegment(id=f"t{tid}", start=cta_start, duration=cta_len, text=cta, position=Position.CENTER,
                        size=TextSize.LARGE, background=TextBackground.BOX),)))
    if invented:
        notes.append("Text made up for you: " + "; ".join(invented)
                     + ". Put your own words in quotes to use them instead.")
    return tracks, notes
