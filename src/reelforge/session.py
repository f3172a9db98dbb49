"""A conversational editing session: media library + timeline + history, one JSON project file.

    s = Session.new()                          # or Session.load("promo.reel.json")
    s.add_assets(["a.jpg", "b.jpg", "vo.mp3"])  # ingest into the library
    r = s.handle("30-second promo with text overlays")   # first instruction composes
    r = s.handle("music to 20% and make it vertical")    # later ones edit
    r.intent, r.status, r.message, r.changed, r.summary, r.version
    s.undo(); s.redo(); s.save("promo.reel.json")

`handle` never raises for a bad instruction: it answers with a `Reply` whose ``status`` says
what happened — ``ok`` (changed, or nothing to change), ``ambiguous`` (a question, nothing
changed), ``unknown`` (not understood: what was understood and what it can do), ``error``
(understood but impossible, e.g. "remove the tenth image" with five). Export, credits, state and
upload are answered with their intent so the shell (CLI, service, MCP) acts on them; "make it
vertical and export" applies the edit, then answers with intent ``export``.

``version`` counts changes to the timeline (edits, undo and redo alike) and never goes back.
The session keeps the library, the timeline and the history; the model runs that turn
request ops ("add captions", "cut to the beat") into data ops live in `reelforge.ai_stage`
(``session.stage``). It imports only the planner, the timeline, media and that stage.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reelforge.ai_stage import AIFailed, AIStage, compact_ops
from reelforge.errors import PlanError, ReelforgeError
from reelforge.planner import op_words as W
from reelforge.planner import ops as O
from reelforge.planner.apply import ApplyError, apply
from reelforge.planner.apply_segments import voice_left
from reelforge.planner.bed import music_bed
from reelforge.planner.file_names import is_logo_name
from reelforge.planner.notes_zh import error_zh, to_zh
from reelforge.planner.parse import is_chinese
from reelforge.planner.router import Intent, export_quality, mask_quotes, route, split_export
from reelforge.planner.sequence import read_order
from reelforge.planner.time_words import parse_duration_ms
from reelforge.timeline import limits
from reelforge.timeline.model import Asset, AssetKind, Fit, Role, TextSegment, Timeline, TrackKind
from reelforge.timeline.summary import summarize

log = logging.getLogger(__name__)

PROJECT_FORMAT = "reelforge-project"
# a shot named by what the subject detector can tell is in it: a cat's face, a person's face
CONTENT_LOOKS = 24  # pictures an instruction may have the subject detector look at (~0.1-0.3 s each)
_CAT_WORDS = {"cat", "cats", "kitten", "kitty", "猫", "小猫", "猫咪"}
_CONTENT_WORDS = r"(?:cats?|kitten|kitty|person|woman|man|lady|guy|girl|boy|face|portrait)"
_CONTENT_REF = re.compile(
    rf"\bthe\s+(?P<w>{_CONTENT_WORDS})(?:'s)?\s+(?:photo|picture|image|pic|shot|one|slide)\b|"
    rf"\bthe\s+(?:photo|picture|image|pic|shot|one|slide)\s+(?:of|with)\s+(?:the\s+|a\s+|an\s+)?(?P<w2>{_CONTENT_WORDS})\b|"
    r"(?:那张)?有(?P<zw2>猫|小猫|猫咪|人|女人|男人|人物|人脸)的(?:那张)?(?:照片|图片|图)?|"
    r"(?P<zw>猫|小猫|猫咪|女人|男人|人物|人像|人脸)的?(?:那张)?(?:照片|图片)", re.I)
_MUSIC_SAID = re.compile(r"(?i)\b(?:music|song|songs|track|tune|bgm|soundtrack)\b|音乐|歌|配乐")
_TURN_IT = re.compile(r"(?i)^\s*(?:(?:ok(?:ay)?|fine|alright|then|so|well|hmm+|ah|oh)[\s,.!]+)*(?:just\s+|can\s+(?:you|u)\s+|pls\s+|please\s+)?"
                      r"(?:lower|quieten|soften|turn\s+down|turn\s+up|raise|boost|mute)\s+(?P<it>it)(?:\s+(?:down|up))?"
                      r"(?:\s+(?:then|a\s+bit|a\s+little|a\s+lot|pls|please|instead))*\s*[.!]*\s*$|"
                      r"^\s*(?:那|那就|好吧)?[，,\s]*(?:把)?(?P<it2>它)(?:调小|调低|小声|关小|调大)(?:一?点|一些)?(?:吧)?\s*[。！!]*\s*$")
# "yes" to a question asked ("undoing it removes the whole video"): do it
_CONFIRM = re.compile(r"(?i)^\s*(?:yes|yeah|yep|yup|ok(?:ay)?|sure|confirm(?:ed)?|do\s+it|go\s+ahead|yes\s+please)"
                      r"(?:[\s,.!]+(?:please|pls|do\s+it|remove\s+it|go\s+ahead))*\s*[.!]*\s*$|^\s*(?:是的?|对|确定|好的?|嗯|可以)[。！!]*\s*$")
# "yes, do it", "那就去掉吧": what was just asked about, done
_DO_IT = re.compile(r"(?i)^\s*(?:(?:ok(?:ay)?|yes|yeah|yep|sure|fine|alright|then|so)[\s,.!]+)*(?:do\s+it|go\s+ahead|"
                    r"(?:remove|drop|delete|cut|lose|ditch)\s+(?:it|them))(?:\s+then)?(?:\s+(?:pls|please))?\s*[.!]*\s*$|"
                    r"^\s*(?:好|行|嗯|好的|可以)?[，,\s]*(?:那就|那|就)?(?:这样|去掉|删掉|删了|拿掉|换掉|剪掉|放大)(?:它)?(?:吧|了)?[。！!]*\s*$")
# "no I meant the music", "sorry i meant the voice", "不对 我说的是音乐": the last change was meant for another thing
_EN_ORD = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d{1,2}(?:st|nd|rd|th)"
_MEANT = re.compile(
    r"(?i)^\s*(?:(?:no|nope|nah|sorry|oops|wait|not\s+that(?:\s+one)?|wrong\s+one|my\s+bad)[\s,.!]*)*"
    r"(?:i\s+meant|i\s+mean|meant|i\s+was\s+talking\s+about)\s+(?:the\s+)?(?:(?P<x>music|song|bgm|background\s+music|"
    r"voice-?over|voice|narration|vo|title|captions?|subtitles?|cta|call\s+to\s+action|end\s+text|logo)|"
    # "sorry wrong one, I meant the 4th" after "remove the 2nd photo": that shot (not understood)
    rf"(?P<es>{_EN_ORD})(?:\s+(?:one|photo|pic|picture|image|shot|clip))?)\s*[.!]*\s*$|"
    r"^\s*(?:不对|不是|错了)?[，,。\s]*我?(?:说的是|是说|指的是)(?:(?P<z>背景音乐|音乐|配乐|旁白|配音|人声|标题|字幕|结尾|行动号召|logo|水印)|"
    # "第一张图时间短一点" then "不对 我是说第二张": that picture (it was not understood)
    r"(?P<zs>(?:倒数)?第\s*[一二两三四五六七八九十\d]+\s*[张个段]|最后一\s*[张个段])(?:图片?|照片|镜头|片段|视频)?)"
    r"[吧啊呀。！!.]*\s*$")
# "perfect, thanks!", "looks good", "hmmm ok", "好的 谢谢": nothing to do (read by `_is_thanks`: words taken off one by one,
# no nested repeats, so a long run of "ok!" costs what its length does)
_THANKS_WORDS = re.compile(r"\b(?:thank\s+you|love\s+it|looks?\s+(?:good|great|perfect|amazing)|that'?s\s+(?:good|great|perfect|it)|"
                           r"all\s+good|so\s+much|a\s+lot|okay|ok|k|cool|nice|great|perfect|awesome|amazing|thanks|thank|thx|ty|"
                           r"cheers|hm+|yay|wow)\b|好的|谢谢|谢了|多谢|可以|不错|完美|很好|太好了|棒|好|[啦了呀哈啊]|👍|🙏|❤️|😍")


def _is_thanks(text: str) -> bool:
    t = text.lower().strip()
    return 0 < len(t) <= 80 and bool(_THANKS_WORDS.search(t)) and not re.sub(r"[\s!.,~?？！。，]+", "", _THANKS_WORDS.sub("", t))


_WHAT_CHANGED = re.compile(r"(?i)^\s*(?:(?:wait|hmm+|so|um+)[\s,]+)?(?:what\s+(?:did|have)\s+you\s+(?:just\s+)?(?:change|do|done)|"
                           r"what\s+changed|what\s+was\s+(?:the\s+)?(?:last\s+)?change)\s*\?*\s*$|^\s*(?:你|刚才)?(?:改了什么|刚才改了啥|改了啥)[？?]*\s*$")
# a shot by its place in English, as the change said it ("remove the 2nd photo")
_EN_SHOT_ORD = re.compile(rf"(?i)\bthe\s+(?P<o>{_EN_ORD})\s+(?:one|photo|pic|picture|image|shot|clip|slide)s?\b")
# "i said the 3rd not the 2nd", "not the captions, the end text": the one meant, said another way
_SAID_NOT = re.compile(rf"(?i)^\s*(?:no\s*,?\s*)?i\s+said\s+(?:the\s+)?(?P<a>(?:{_EN_ORD})(?:\s+one)?|[a-z][\w ]{{1,20}}?)\s*,?\s+not\s+"
                       r"(?:the\s+)?[\w ]{1,20}?\s*[.!]*\s*$|"
                       r"^\s*(?:no\s*,?\s*)?not\s+(?:the\s+)?[a-z][\w ]{1,20}?\s*,\s*(?:i\s+meant\s+)?(?:the\s+)?(?P<b>[a-z][\w ]{1,20}?)\s*[.!]*\s*$")
# "no the other way", "wrong way", "反了": the last change the other way
_OTHER_WAY = re.compile(r"(?i)^\s*(?:(?:no|nope|nah|oops|wait|sorry|ugh)[\s,.!]*)*(?:(?:the\s+)?other\s+way(?:\s+(?:round|around))?|"
                        r"wrong\s+way|the\s+opposite|opposite)\s*[.!]*\s*$|^\s*(?:不对|错了)?[，,\s]*(?:反了|反过来|方向反了)[吧啊。！!]*\s*$")
_OPPOSITE_WORDS = {"louder": "quieter", "quieter": "louder", "bigger": "smaller", "smaller": "bigger", "larger": "smaller",
                   "longer": "shorter", "shorter": "longer", "faster": "slower", "slower": "faster", "higher": "lower",
                   "lower": "higher", "up": "down", "down": "up", "brighter": "darker", "darker": "brighter",
                   "warmer": "cooler", "cooler": "warmer", "more": "less", "less": "more", "softer": "louder",
                   "大": "小", "小": "大", "快": "慢", "慢": "快", "长": "短", "短": "长", "高": "低", "低": "高", "亮": "暗", "暗": "亮"}
_OPPOSITES = re.compile(r"(?i)\b(?:louder|quieter|bigger|smaller|larger|longer|shorter|faster|slower|higher|lower|up|down|"
                        r"brighter|darker|warmer|cooler|more|less|softer)\b|(?<=[调放变再])[大小快慢长短高低亮暗]")


def _flip(word: str) -> str:
    said = _OPPOSITE_WORDS[word.lower()]
    return said.capitalize() if word[:1].isupper() else said


def _said_as_meant(text: str) -> str:
    """"i said the 3rd not the 2nd", "not the captions, the end text" as `_MEANT` reads them ("I meant the …")."""
    m = _SAID_NOT.match(text)
    return f"I meant the {m.group('a') or m.group('b')}" if m else text


# a shot by its place in Chinese ("第一张", "倒数第二个", "最后一段"), as `_MEANT` says the one meant
_ZH_SHOT_ORD = re.compile(r"(?:倒数)?第\s*[一二两三四五六七八九十\d]+\s*[张个段]|最后一\s*[张个段]")
_NAMED_ROLE_EN = re.compile(r"(?i)\b(?:(?P<music>music|song|bgm)|(?P<voiceover>voice-?over|voice|narration|vo)|(?P<title>title)|"
                            r"(?P<captions>captions?|subtitles?)|(?P<ending>cta|call\s+to\s+action|end\s+text)|(?P<logo>logo))\b")
_NAMED_ROLE_ZH = re.compile(r"(?P<music>背景音乐|音乐|配乐)|(?P<voiceover>旁白|配音|人声)|(?P<title>标题)|(?P<captions>字幕)|"
                            r"(?P<ending>行动号召|结尾那句)|(?P<logo>logo|水印)")
_ROLE_WORD_EN = {"music": "music", "voiceover": "voiceover", "title": "title", "captions": "captions",
                 "ending": "call to action", "logo": "logo", "caption": "captions", "cta": "call to action", "voice": "voiceover"}
_ROLE_WORD_ZH = {"music": "音乐", "voiceover": "旁白", "title": "标题", "captions": "字幕", "ending": "行动号召", "logo": "logo"}


_ROLE_PUT_BACK = {"title": Role.TITLE, "captions": Role.CAPTION, "caption": Role.CAPTION, "subtitles": Role.CAPTION,
                  "cta": Role.CTA, "call to action": Role.CTA, "end text": Role.CTA, "end": Role.CTA, "ending": Role.CTA,
                  "logo": Role.LOGO, "music": Role.MUSIC,
                  "song": Role.MUSIC, "voiceover": Role.VOICE, "voice": Role.VOICE, "标题": Role.TITLE, "字幕": Role.CAPTION,
                  "音乐": Role.MUSIC, "背景音乐": Role.MUSIC, "旁白": Role.VOICE, "配音": Role.VOICE}


_MEANT_WORDS = {"background music": "music", "结尾": "ending"}  # (words of `_MEANT` the role patterns do not hold)


def _meant_role(word: str) -> str | None:
    """The thing a correction names, as `_NAMED_ROLE_EN`'s group names it."""
    word = " ".join(word.lower().split())
    if word in _MEANT_WORDS:
        return _MEANT_WORDS[word]
    m = _NAMED_ROLE_EN.fullmatch(word) or _NAMED_ROLE_ZH.fullmatch(word)
    return m.lastgroup if m else None


# "actually no put the 3 for 2 back", "bring back the opening hours", "把满减加回来": a text just removed, wanted again
_PUT_BACK = re.compile(r"(?i)^\s*(?:(?:actually|no|nah|wait|hmm+|ok(?:ay)?|oh|sorry|nvm|never\s*mind|on\s+second\s+thought)[\s,.!]+)*"
                       r"(?:(?:please|pls|can\s+(?:you|u)|could\s+(?:you|u))\s+)?(?:(?:put|add|bring)\s+(?:the\s+|that\s+)?(?P<x>[^\n]{1,60}?)"
                       r"\s+back(?:\s+(?:in|on|up))?|(?:bring\s+back|restore)\s+(?:the\s+|that\s+)?(?P<x2>[^\n]{1,60}?))"
                       r"(?:\s+(?:please|pls|thanks))?(?:[\s,]+(?:tho|though|as|because|cos|cuz|since|that'?s|thats|it'?s|its)\b[^\n]{0,40})?"
                       r"\s*[.!?]*\s*$|"
                       r"^\s*(?:算了|还是|不对)?[，,\s]*把?(?P<x3>[^\n]{1,30}?)(?:加回来|加回去|放回来|放回去|恢复一下|恢复)(?:吧)?\s*[。！!]*\s*$|"
                       # "算了 还是下午茶吧😂" right after "下午茶改成 送晚餐一次": the words as they were
                       r"^\s*(?:算了|不过|那|嗯)?[，,\s]*还是(?:用|写|改回)?(?P<x4>[^\s，,。！!吧]{2,20})吧?\s*[^\w\s]*\s*$")
# "put the price back but just say from £60", "把价格加回来 但是只写60元起": what it is to say now
_BUT_SAY = re.compile(r"(?i)[\s,]+but\s+(?:just\s+|only\s+)?(?:(?:have|make)\s+it\s+)?(?:say|says|saying|read|reads)\s+"
                      r"(?P<new>[^\n]{1,80}?)(?:\s+(?:pls|please|thanks|thx))?\s*[.!]*$|[，,\s]*(?:但是?|不过)\s*(?:只)?(?:写|改成|换成)\s*(?P<zh>[^\n]{1,40}?)[。！!]*$")
_PUT_BACK_NOUN = re.compile(r"(?i)\s+(?:bit|part|line|text|caption|one|thing)s?$|(?:那句|那行|的字|文字|那个)$")
# what is put back that is no text's words ("put the music back" beside a caption "Live music Fridays")
_NOT_WORDS = re.compile(r"(?i)^(?:the\s+|my\s+|our\s+)?(?:music|song|voice|voiceover|sound|audio|logo|clip|video|photo|pic|picture|"
                        r"image|shot|transitions?|motion|zoom|colou?rs?|grade|filter|title|captions?|cta|call\s+to\s+action)$|"
                        r"^(?:it|that|this|them|those|these|everything|all)$|"  # ("nvm put it back": "it" in "Visit us today")
                        r"^(?:音乐|配音|声音|logo|视频|图片|照片|转场|标题|字幕)$")
# a media file named in an instruction: quoted (spaces allowed) or a bare path
_NAMED_FILE = re.compile(r"\"([^\"\n]+\.\w{2,4})\"|“([^”\n]+\.\w{2,4})”|'([^'\n]+\.\w{2,4})'"
                         r"|(?<![\w/.~-])((?:~|\.{1,2})?[\w./~\\-]*\w\.[A-Za-z0-9]{2,4})(?![\w/])")
PROJECT_VERSION = 1
MAX_UNDO = O.MAX_HISTORY  # one number with the planner's ("start over" asks for every step)


@dataclass(frozen=True)
class Reply:
    intent: Intent
    status: str  # ok | ambiguous | unknown | error | nothing
    message: str
    changed: bool = False
    ops: tuple[O.Op, ...] = ()
    summary: str = ""
    version: int = 0
    notes: tuple[str, ...] = ()  # the planner's notes on each decision of a first cut
    quality: str | None = None  # the export quality the message asked for ("export in high quality")

    def to_dict(self) -> dict[str, Any]:
        return {"intent": self.intent.value, "status": self.status, "message": self.message,
                "changed": self.changed, "ops": O.dump_ops(self.ops), "summary": self.summary,
                "version": self.version, "notes": list(self.notes),
                **({"quality": self.quality} if self.quality else {})}


@dataclass(frozen=True)
class HistoryEntry:
    """One handled instruction: what was said, how it was routed, the ops and the resulting version."""

    text: str
    intent: str
    ops: tuple[dict[str, Any], ...]
    version: int
    status: str = "ok"
    changed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "intent": self.intent, "ops": list(self.ops), "version": self.version,
                "status": self.status, "changed": self.changed}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HistoryEntry:
        return cls(text=d["text"], intent=d["intent"], ops=tuple(d.get("ops") or ()), version=int(d["version"]),
                   status=d.get("status", "ok"), changed=bool(d.get("changed", False)))


def media_cache() -> Path:
    """Where generated and ingested media is kept when no folder is given (must outlive one
    command): ``$REELFORGE_CACHE``, else ``$XDG_CACHE_HOME/reelforge/media`` (``~/.cache/...``)."""
    base = os.environ.get("REELFORGE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "reelforge", "media")
    Path(base).mkdir(parents=True, exist_ok=True)
    return Path(base)


@dataclass
class Session:
    library: tuple[Asset, ...] = ()
    timeline: Timeline | None = None
    version: int = 0
    history: list[HistoryEntry] = field(default_factory=list)
    undo_stack: list[Timeline | None] = field(default_factory=list)
    redo_stack: list[Timeline | None] = field(default_factory=list)
    new_asset_ids: list[str] = field(default_factory=list)
    last_reply: Reply | None = field(default=None, compare=False, repr=False)
    # AI features: where generated media goes, the brand kit, smart crop on/off
    media_dir: str | None = None
    brand_path: str | None = None
    smart_crop: bool = True
    base_dir: str | None = field(default=None, compare=False, repr=False)  # the project file's folder
    # May instructions name files on this machine (a script, a brand kit)? Only when the caller is
    # the local user (CLI, MCP over stdio). Never saved with the project: a remote surface (HTTP,
    # MCP over HTTP) loads sessions with the default and so never reads a server path.
    local_files: bool = field(default=False, compare=False, repr=False)
    # what the last instruction referred to and changed ("and the next one too"): planner.memory data
    memory: dict[str, Any] = field(default_factory=dict)
    _zh: bool = field(default=False, compare=False, repr=False)
    _stage: Any = field(default=None, compare=False, repr=False)
    # files added before the first cut whose bytes the library already has (under their own
    # names): the first cut's notes say they were used once
    _copies: list[Asset] = field(default_factory=list, compare=False, repr=False)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def new(cls, *, local_files: bool = False) -> Session:
        return cls(local_files=local_files)

    @property
    def stage(self) -> AIStage:
        """The model runs (`reelforge.ai_stage`): request ops in, data ops out."""
        if self._stage is None:
            self._stage = AIStage(self)
        return self._stage

    def find_brand(self, path: str | None = None) -> Path | None:
        return self.stage.find_brand(path)

    # -- media ------------------------------------------------------------------------------
    def add_assets(self, paths: Iterable[str | os.PathLike[str]], workdir: str | os.PathLike[str] | None = None,
                   *, names: Sequence[str | None] | None = None, instruction: str | None = None) -> list[Asset]:
        """Ingest files (all or nothing) into the library. They become "the new/this clip" for the
        next instruction; with ``instruction`` ("add this clip after the second image") that
        instruction is handled right away and its reply kept in ``last_reply``."""
        from reelforge.media import ingest_many

        if workdir is not None:
            self.media_dir = str(workdir)
        assets = self.add_ingested(ingest_many(list(paths), names=names, workdir=workdir))
        if instruction:
            self.last_reply = self.handle(instruction)
        return assets

    def add_ingested(self, assets: Iterable[Asset]) -> list[Asset]:
        """Put already-ingested assets into the library (the service ingests uploads itself)."""
        added = []
        known = {a.id for a in self.library}
        lib = list(self.library)
        for a in assets:
            if a.id not in known:
                lib.append(a)
                known.add(a.id)
            elif self.timeline is None:
                self._copies.append(a)  # the same bytes again: the library keeps one, the first cut says so
            if a.id in self.new_asset_ids:
                self.new_asset_ids.remove(a.id)
            self.new_asset_ids.append(a.id)
            added.append(a)
        self.library = tuple(lib)
        return added

    def _new_assets(self) -> tuple[Asset, ...]:
        by_id = {a.id: a for a in self.library}
        return tuple(by_id[i] for i in self.new_asset_ids if i in by_id)

    # -- the conversation --------------------------------------------------------------------
    def handle(self, text: str) -> Reply:
        """Route and act on one message. Never raises for a bad instruction."""
        text = _tidy(text)
        self._zh = is_chinese(text)  # the reply and its summary follow the instruction's language
        if not text:
            return self._reply(Intent.EDIT, "unknown", "Say what to make or change, e.g. 'music to 20%' or "
                               "'make it vertical for TikTok'.")
        intent = route(text)
        if intent is not Intent.UNDO and self._first_cut_confirmed(text):
            return self._record(text, self.undo())  # "yes" to "undoing it removes the whole video"
        if intent is Intent.UNDO:
            return self._record(text, self._undo_after_nothing() or self._first_cut_asked() or self.undo())
        if intent is Intent.REDO:
            return self._record(text, self.redo())
        if intent is Intent.EXPORT:
            return self._record(text, self._export_reply(is_chinese(text), export_quality(text)))
        if intent is Intent.CREDITS:
            return self._reply(intent, "ok", "Credits are kept by the service: it answers with available, "
                               "frozen and total. Exports made locally cost nothing.")
        if intent is Intent.STATE:
            return self._reply(intent, "ok", self._summary() or "No timeline yet: add media and say what to make.")
        if intent is Intent.UPLOAD:
            from reelforge.media import supported_list

            return self._reply(intent, "ok", f"Send the files to add them to the media library ({supported_list()}).")
        if self.timeline is not None and (said := self._small_talk(text)) is not None:
            return self._record(text, said)
        edit_text, export = split_export(text)
        reply = self._edit(edit_text or text)
        if export and reply.status == "ok":
            exp = self._export_reply(is_chinese(text), export_quality(text))
            reply = Reply(Intent.EXPORT, exp.status, f"{reply.message} {exp.message}".strip(), reply.changed,
                          reply.ops, reply.summary, self.version, quality=exp.quality)
        return self._record(text, reply)

    def _edit(self, text: str) -> Reply:
        if self.timeline is None:
            return self._compose(text)
        added: list[Asset] = []
        if self.local_files:  # "replace the third image with clip.mp4": a local file joins the media first
            try:
                added = self._ingest_named(text)
            except ReelforgeError as exc:
                zh = is_chinese(text)
                return self._reply(Intent.EDIT, "error", f"{exc.message} " + ("没有做任何修改。" if zh else "Nothing was changed."))
        reply = self._plan_and_apply(text)
        if added:
            names = ", ".join(a.name for a in added)
            note = f"已把{names}加入素材库。" if is_chinese(text) else f"Added {names} to the project's media."
            reply = replace(reply, message=f"{note} {reply.message}")
        return reply

    def _ingest_named(self, text: str) -> list[Asset]:
        """Local media files an instruction names that the library does not have yet, ingested.
        Only for the local user (``local_files``); a remote caller's names must match uploaded assets."""
        from reelforge.media import SUPPORTED_EXTENSIONS, ingest_many

        have = {a.name.lower() for a in self.library if a.name}
        paths: list[Path] = []
        for m in _NAMED_FILE.finditer(text):
            name = next(g for g in m.groups() if g)
            if Path(name).suffix.lower() not in SUPPORTED_EXTENSIONS or Path(name).name.lower() in have:
                continue
            p = Path(name).expanduser()
            if not p.is_absolute():
                p = next((Path(b) / p for b in (self.base_dir, os.getcwd()) if b and (Path(b) / p).is_file()), p)
            if p.is_file() and p not in paths:
                paths.append(p)
        if not paths:
            return []
        return self.add_ingested(ingest_many([str(p) for p in paths], workdir=self.media_dir or media_cache()))

    def _by_content(self, text: str) -> str:
        """"the cat photo", "the photo of the woman", "猫的照片": the one shot whose detected subject is a
        cat's face (or a person's face), named by its file instead, so the rules find it (they know file
        names, not what is in the pictures). Unchanged when a file name says the word, or when no shot, or
        more than one, shows it."""
        m = _CONTENT_REF.search(text)
        if m is None or self.timeline is None or (main := self.timeline.track(Role.MAIN)) is None:
            return text
        word = next(g for g in (m.group("w"), m.group("w2"), m.group("zw"), m.group("zw2")) if g).lower()
        if any(word in (a.name or "").lower() for a in self.library):
            return text
        wanted = {"cat"} if word in _CAT_WORDS else {"face", "profile"}
        by_id = {a.id: a for a in (*self.library, *self.timeline.assets)}
        unseen = {s.src for s in main.segments if ("subject", s.src) not in self.stage.cache}
        if len(unseen) > CONTENT_LOOKS:  # bounded work for one instruction (the first cut has looked already)
            return text
        hits: dict[str, Asset] = {}
        for seg in main.segments:
            a = by_id.get(seg.src)
            if a is None or a.kind is not AssetKind.IMAGE or a.id in hits:
                continue
            found = self.stage.subject_of(a)
            if found is not None and found.source in wanted:
                hits[a.id] = a
                if len(hits) > 1:
                    return text  # more than one shows it: the rules ask which
        if len(hits) != 1:
            return text
        return text[:m.start()] + f'"{next(iter(hits.values())).name}"' + text[m.end():]

    def _plan_and_apply(self, text: str, *, history: bool = True) -> Reply:
        if (said := _BUT_SAY.search(text)) and _PUT_BACK.match(text[:said.start()]) and self.timeline is not None:
            return self._put_back_saying(text[:said.start()], (said.group("new") or said.group("zh")).strip(" '\"‘’“”「」"))
        if (back := self._put_back(text)) is not None:
            return back
        if (other := self._meant_other(_said_as_meant(text))) is not None:
            return other
        if (other := self._other_way(text)) is not None:
            return other
        text = self._it_the_music(text)
        text = self._advice_taken(text)
        new_assets = self._new_assets()
        try:
            plan = _planner()(self._by_content(text), self.timeline, library=self.library, new_assets=new_assets,
                              memory=self.memory or None)
        except ReelforgeError as exc:  # a planner must not raise, but never let it escape
            return self._reply(Intent.EDIT, "error", exc.message)
        if plan.status != "ok" or not plan.ops:
            return self._reply(Intent.EDIT, plan.status if plan.status != "ok" else "unknown", plan.reply)
        ops = list(plan.ops)
        history_ops = [o for o in ops if isinstance(o, (O.Undo, O.Redo))]
        if history and history_ops and len(history_ops) == len(ops):
            if len(ops) == 1 and isinstance(ops[0], O.Undo) and (held := self._undo_after_nothing()) is not None:
                return held
            return self._steps(ops)
        if history and history_ops and isinstance(ops[0], O.Undo):
            return self._undo_then(text, [o for o in ops if isinstance(o, O.Undo)])
        ops = [o for o in ops if not isinstance(o, (O.Undo, O.Redo))]
        zh = is_chinese(text)
        if (long := _text_too_long(ops, zh)) is not None:  # refused before any layout work on it
            return self._reply(Intent.EDIT, "error", long, ops=tuple(ops))
        try:
            if any(isinstance(o, O.REQUEST_TYPES + (O.SetFrame, O.AddSegment, O.ReplaceSource, O.ReplaceMusic))
                   for o in ops):
                ops = self.stage.resolve(self.timeline, ops)
                if not ops:
                    return self._reply(Intent.EDIT, "ok", _nothing_msg(plan.reply, zh))
            new = apply(self.timeline, ops, library=self.library)
            new, voice_kept = _voice_kept_whole(self.timeline, new, ops, self.library, zh)
            new, look_ops, looks = _caption_look(text, new, self.library, plan.ops)
            new, room, moved = self._make_room(new, ops)
            _within_limits(new)
        except (ApplyError, AIFailed) as exc:
            status = "ambiguous" if exc.message.rstrip().endswith("?") else "error"
            msg = exc.message[:1].upper() + exc.message[1:]
            if zh and (said := error_zh(exc.message)) != exc.message:
                return self._reply(Intent.EDIT, status, f"{said}{'' if said.endswith(('？', '。')) else '。'}没有做任何修改。", ops=tuple(ops))
            tail = "没有做任何修改。" if zh else "Nothing was changed."
            return self._reply(Intent.EDIT, status, f"{msg}{'' if msg.endswith(('.', '?')) else '.'} {tail}",
                               ops=tuple(ops))
        if new == self.timeline:
            if plan.memory is not None:  # "title bigger" (already largest) … "no, smaller": still the title
                self.memory = dict(plan.memory)
            if moved:  # a move asked for has no room in the frame: why the shot stays as it was
                return self._reply(Intent.EDIT, "ok", " ".join(to_zh(w) if zh else w for w in moved),
                                   ops=tuple(ops))
            aside = _centred_aside(new, ops)
            said = _nothing_msg(plan.reply, zh) + (f"{'' if zh else ' '}{to_zh(aside) if zh else aside}" if aside else "")
            return self._reply(Intent.EDIT, "ok", said, ops=tuple(ops))
        before = set(_warnings(self.timeline))
        fresh = [w for w in _warnings(new) if w not in before] + moved
        fresh += _length_change(self.timeline, new, ops, zh)
        paused = self.stage.voice_ends_in_pauses(new, self.timeline)
        fresh += _voice_cut(self.timeline, new, zh) + voice_kept + _stops_at_pause(new, paused, zh)
        fresh += self._voices_stacked(self.timeline, paused, zh)
        new = paused
        fresh += _size_capped(self.timeline, new, zh)
        self._commit(new)
        if plan.memory is not None:
            self.memory = dict(plan.memory)
        used = {s.src for t in new.tracks for s in t.segments if hasattr(s, "src")}
        self.new_asset_ids = [i for i in self.new_asset_ids if i not in used]
        names = {a.id: a.name for a in self.library}
        # the new music starts after its silent lead-in: say so
        measured = any(isinstance(o, O.ReplaceMusic) and o.sound and music_bed(o.sound, o.sound[1]).in_ms for o in ops)
        if any(isinstance(o, O.REQUEST_TYPES) for o in plan.ops) or len(ops) != len(plan.ops) or measured:
            # say what the models found, not only what was asked
            said = [(W.describe_zh if zh else W.describe)(o, names) for o in compact_ops(ops, new)]
            prefix = ("；".join(said) + "。") if zh else ("; ".join(said)[:1].upper() + "; ".join(said)[1:] + ".")
            if getattr(plan, "note", ""):  # parts not understood, typos read
                prefix = f"{prefix}{'' if zh else ' '}{plan.note}"
        else:
            prefix = plan.reply if plan.reply else "Done."
        if looks:
            prefix = f"{prefix}{'' if zh else ' '}{_as_asked(looks, zh)}"
        if fresh:  # what the render will do that the user should know (a frozen clip, tiny text)
            prefix = (f"{prefix}{''.join(to_zh(w) for w in fresh)}" if zh and prefix.endswith("。")
                      else f"{prefix} {' '.join(to_zh(w) if zh else w for w in fresh)}")
        return self._reply(Intent.EDIT, "ok", prefix, changed=True, ops=(*ops, *look_ops, *room))

    def apply_ops(self, ops: Sequence[O.Op], text: str = "") -> Reply:
        """Apply already-planned ops (e.g. from an agent) as one undoable change."""
        if self.timeline is None:
            return self._reply(Intent.EDIT, "error", "There is no timeline yet: say what to make first.")
        try:
            ops = self.stage.resolve(self.timeline, list(ops))
            new = apply(self.timeline, list(ops), library=self.library)
            new, room, moved = self._make_room(new, ops)
            _within_limits(new)
            ops = [*ops, *room]
        except (ApplyError, AIFailed) as exc:
            return self._record(text, self._reply(Intent.EDIT, "error", exc.message, ops=tuple(ops)))
        if new == self.timeline:
            return self._record(text, self._reply(Intent.EDIT, "ok", "Nothing to change.", ops=tuple(ops)))
        before = set(_warnings(self.timeline))
        fresh = [w for w in _warnings(new) if w not in before] + moved  # e.g. a caption too short to read
        self._commit(new)
        names = {a.id: a.name for a in (*self.library, *self.timeline.assets)}
        msg = "; ".join(W.describe(o, names) for o in ops)
        msg = msg[:1].upper() + msg[1:] + "." + "".join(f" {w}" for w in fresh)
        return self._record(text, self._reply(Intent.EDIT, "ok", msg, changed=True, ops=tuple(ops)))

    def _compose(self, text: str) -> Reply:
        from reelforge.planner.audio_roles import music_of, unhinted_audio
        from reelforge.planner.compose import plan

        if not self.library:
            return self._reply(Intent.EDIT, "error", "Add images, clips or audio first, then say what to make.")
        try:
            speech = self.stage.speech_shares(unhinted_audio([a for a in self.library if a.kind is AssetKind.AUDIO]))
            music = music_of(text, self.library, speech)
            sound = self.stage.sounds([music] if music is not None else [])
            # "…, the cat photo 6 seconds": that shot's length, not the video's (it made a 6 s video)
            shot_lengths = _shot_length_clauses(text)
            composed = _without(text, shot_lengths)
            p = plan(composed, self.library, copies=self._copies, sound=sound, speech=speech)
        except PlanError as exc:
            return self._reply(Intent.EDIT, "error", exc.message)
        except ValueError as exc:  # a first cut the model refuses (a planner bug): said, never a crash
            log.exception("first cut failed for %r", text[:200])
            return self._reply(Intent.EDIT, "error", "The first cut could not be built from this instruction "
                               f"({str(exc).splitlines()[0][:160]}); nothing was changed. Try wording it "
                               "differently, and please report it.")
        tl = p.timeline
        notes = list(p.notes)
        tl, order_ops = _order_asked(text, tl, self.library)
        # the voiceover does not reorder what the user placed
        self.stage.order_asked = any(not isinstance(o, O.CallShot) for o in order_ops)
        if order_ops:  # "…, start with the cat photo": the order asked for, not the order given
            names = {s.id: s.name for s in tl.track(Role.MAIN).segments}
            said = ("；" if self._zh else "; ").join((W.describe_zh if self._zh else W.describe)(o, names)
                                                    for o in order_ops)
            asked = f"按要求排序：{said}。" if self._zh else f"Order as asked: {said[:1].lower() + said[1:]}."
            notes = [asked if n.startswith("Pictures in the order given") else n for n in notes]
        tl, asked_ops, asked = _fades_asked(text, tl, self.library)
        # "…, background colour navy": the colour behind pictures that do not fill the frame (it was dropped)
        if (colour := background_colour(text)) is not None:
            bg_op = O.SetBackground(color=colour)
            tl = apply(tl, [bg_op], library=self.library)
            asked_ops, asked = [*asked_ops, bg_op], [*asked, f"background colour {colour}"]
        tl, song_ops, song = _clause_edits(text, tl, self.library, _SONG_POINT_CLAUSE, (O.SetAudioTiming,))
        # "…use the clip from 0:25 to 0:45 of the wav", "…the gameplay clip 0:20-0:35": that part of the source
        tl, part_ops, part = _clause_edits(text, tl, self.library, _SOURCE_PART_CLAUSE, (O.SetInPoint,))
        if any(o.target.role is Role.VOICE for o in part_ops if isinstance(o, O.SetInPoint)) \
                and parse_duration_ms(text) is None:  # the video was the whole recording's length: now the part's
            voice = tl.track(Role.VOICE)
            part_ops.append(O.SetTotalDuration(duration_ms=max(s.end for s in voice.segments) + 500))  # type: ignore[union-attr]
            tl = apply(tl, part_ops[-1:], library=self.library)
            notes = [re.sub(r"^Length: [\d.]+ s, the length of the voiceover", f"Length: {tl.duration / 1000:g} s, the length "
                            "of the voiceover", n) for n in notes]
        song_ops, song = [*song_ops, *part_ops], [*song, *part]
        # "…老板讲话那个不用", "…don't use the soundcheck clip": that shot left out; "…no soundcheck audio": muted
        was, shots_were = tl.duration, len(tl.track(Role.MAIN).segments) if tl.track(Role.MAIN) else 0
        tl, gone_ops, gone = _clause_edits(text, tl, self.library, _NOT_USED_CLAUSE, (O.RemoveSegment,))
        if only := _ONLY_THESE.search(text):
            # "…, just the hero shot and the trail shot, no others": the rest left out (every shot was used)
            tl, kept_ops, kept = _clause_edits(f"only use {only.group('x')}", tl, self.library, re.compile("."),
                                               (O.RemoveSegment,), whole=True)
            gone_ops, gone = [*gone_ops, *kept_ops], [*gone, *kept]
        if gone_ops and tl.duration < was:  # the length asked for stays: the other shots share the time
            length = was
            if (i := next((k for k, n in enumerate(notes) if re.match(r"Length: [\d.]+ s — ", n)), None)) is not None:
                # no length was asked: the pictures left keep the time each had ("…, just the hero shot and the trail
                # shot": two pictures made a 21 s video)
                length = round(was * len(tl.track(Role.MAIN).segments) / max(1, shots_were))
                notes[i] = f"Length: {length / 1000:g} s — no length given, the time of each picture kept for the " \
                           f"{len(tl.track(Role.MAIN).segments)} used."
            keep_length = [O.SetTotalDuration(duration_ms=length)]
            tl = apply(tl, keep_length, library=self.library)
            gone_ops += keep_length
        # ("先放摇奶茶那个视频 声音去掉": the clip named in the clause before, one clause)
        said_with = re.sub(r"(视频|片段|那段|那个)\s+(?=(?:声音|原声)(?:去掉|不要|关了|关掉))", r"\1", text)
        # ("then the foam clip (mute it the pressure washer is sooo loud)": that clip)
        # ("the loading timelapse (the final FINAL v3 one, mute it)": the one named inside)
        said_with = re.sub(r"(?i)\((?:the\s+)?(?P<n>[^,()]{2,40}?)\s+one,\s*mute\s+it\)", lambda m: f", mute the {m.group('n')}", said_with)
        said_with = re.sub(r"(?i)\b(the\s+[\w' -]{1,30}?\s+(?:clip|video|footage|time-?lapse))\s*\((?:[^)]*?,\s*)?\s*(?:pls\s+|please\s+)?"
                           r"mute\s+it\b[^)]*\)", lambda m: f"{m.group(1)}, mute {m.group(1)}", said_with)
        if sum(1 for a in self.library if a.kind is AssetKind.VIDEO) == 1:
            # ("then the video of me arranging (no sound pleaseee, the radio is on)", "师傅洗空调的视频（声音不要 太吵了）":
            # the one clip, whatever the words around it)
            said_with = re.sub(r"(?i)\b(?:clip|video|vid|footage|time-?lapse)\b[^(（]{0,40}?\s*[(（]\s*(?:no\s+(?:sound|audio)|"
                               r"(?:sound|audio)\s+off|without\s+(?:sound|audio)|muted?)\b[^)）]*[)）]", "clip, mute the clip", said_with)
            said_with = re.sub(r"(?:视频|片段)\s*[(（]\s*(?:声音|原声)(?:不要|去掉|关了|关掉)[^)）]*[)）]", "视频，那段视频的声音去掉", said_with)
        tl, mute_ops, muted = _clause_edits(said_with, tl, self.library, _CLIP_SOUND_CLAUSE, (O.SetClipAudio,))
        asked_ops = [*asked_ops, *song_ops, *gone_ops, *mute_ops]
        asked = [*asked, *song, *gone, *muted]  # "…use our song from the chorus (starts ~1:02)"
        keep: list[O.Op] = []
        if shot_lengths:  # each read by the edit rules on the cut; the others share the rest of its length
            was = tl.duration
            tl, length_ops, said = _clause_edits(", ".join(shot_lengths), tl, self.library, re.compile(r"."),
                                                 (O.SetSegmentDuration,))
            if length_ops and tl.duration != was:
                keep = _others_to_length(tl, was, [o.target for o in length_ops])
                tl = apply(tl, keep, library=self.library) if keep else tl
            asked_ops, asked = [*asked_ops, *length_ops], [*asked, *said]
        if asked:
            notes.append(_as_asked(asked, self._zh))
        if keep:
            notes.append(f"其余镜头按比例缩短，视频仍为{tl.duration / 1000:g}秒。" if self._zh else
                         f"The other shots share the rest: the video stays {tl.duration / 1000:g} s.")
        try:  # before the AI step analyses every picture (2,000 pictures: ~37 s of CPU, then refused)
            _within_limits(tl, counts_only=True)
        except ApplyError as exc:
            return self._reply(Intent.EDIT, "error", exc.message)
        extra, more_notes = self.stage.first_cut(tl, text)
        notes = _drop_replaced_copy(notes, extra)
        if any(isinstance(o, O.PlaceInVoice) for o in extra):  # the clip is no longer after the voiceover
            notes = [_AFTER_THE_VOICE.sub("", n) for n in notes if not _ORDER_AFTER_THE_VOICE.match(n)]
        if extra:
            try:
                tl = apply(tl, extra, library=self.library)
                notes += more_notes
            except ApplyError as exc:  # the first cut stands; say what did not work
                notes.append(f"AI step skipped: {exc.message}")
        elif more_notes:
            notes += more_notes
        # "…, title at the top", "…, make the captions yellow": the texts' look, once they all exist
        tl, look_ops, looks = _clause_edits(text, tl, self.library, _TEXT_LOOK_CLAUSE, (O.UpdateText,))
        # "…, '50% off' halfway through", "'Sale' at 10 seconds": a quoted text shown when asked (it
        # was placed as the composer places texts: the last one with the ending)
        tl, timed_ops, timed = _clause_edits(text, tl, self.library, _TEXT_TIME_CLAUSE, (O.UpdateText, O.AddText),
                                             rewrite=_shown_again)
        look_ops, looks = [*look_ops, *timed_ops], [*looks, *timed]
        if looks:
            notes.append(_as_asked(looks, self._zh))
        tl, room, moved = self._make_room(tl, first_cut=True)
        notes += moved
        try:
            _within_limits(tl)
        except ApplyError as exc:
            return self._reply(Intent.EDIT, "error", exc.message)
        extra = [*order_ops, *asked_ops, *keep, *extra, *look_ops, *room]
        paused = self.stage.voice_ends_in_pauses(tl)
        notes += _warnings(tl) + _stops_at_pause(tl, paused, self._zh)
        tl = paused
        self._commit(tl)
        self.new_asset_ids = []
        self._copies = []
        if self._zh:  # the reply follows the instruction's language (notes of an unknown form stay English)
            notes = [to_zh(n) for n in notes]
            message = "已生成初剪。" + "".join(n if n.endswith("。") else n + " " for n in notes)
        else:
            message = f"Made a first cut. {' '.join(notes)}"
        reply = self._reply(Intent.EDIT, "ok", message.strip(), changed=True, ops=tuple(extra))
        return replace(reply, notes=tuple(notes))

    def _make_room(self, tl: Timeline, ops: Sequence[O.Op] = (), *, first_cut: bool = False,
                   ) -> tuple[Timeline, list[O.Op], list[str]]:
        """``tl`` with its pictures framed to leave room for their text (`AIStage.text_room_ops`)
        and its cropped stills given a move that has room in the frame, or held still
        (`AIStage.motion_room_ops`; ``ops``: the edit's, a motion asked for there is the user's from
        now on), the ops that did it and the notes saying so; as it is with smart crop off, or when
        that cannot be worked out."""
        if not self.smart_crop:
            return tl, [], []
        try:
            room = self.stage.text_room_ops(tl)
            tl = apply(tl, room, library=self.library) if room else tl
        except ReelforgeError:  # a timeline the layout cannot read is the render's to report (as `_warnings`)
            return tl, [], []
        try:
            moves, notes = self.stage.motion_room_ops(
                tl, forget=first_cut or any(isinstance(o, O.SetMotion) for o in ops))
            return (apply(tl, moves, library=self.library) if moves else tl), [*room, *moves], notes
        except ReelforgeError:
            return tl, room, []

    def _export_reply(self, zh: bool = False, quality: str | None = None) -> Reply:
        if self.timeline is None:
            return self._reply(Intent.EXPORT, "error", "还没有可以导出的视频：先添加素材，再说要做什么。" if zh
                               else "Nothing to export yet: add media and say what to make.")
        size = f"{self.timeline.width}x{self.timeline.height}, {O.fmt_ms(self.timeline.duration)}"
        if quality:
            size += {"high": "，高画质", "draft": "，草稿画质"}[quality] if zh else f", {quality} quality"
        reply = self._reply(Intent.EXPORT, "ok", f"可以导出了（{size}）。" if zh else f"Ready to export ({size}).")
        return replace(reply, quality=quality)

    # -- history --------------------------------------------------------------------------
    def _commit(self, new: Timeline | None) -> None:
        if new is not None:  # (what the timeline before had, done then, is not measured again)
            new = self.stage.voice_ends_in_pauses(self.stage.loops_on_the_beat(new, self.timeline), self.timeline)
        self.undo_stack.append(self.timeline)
        del self.undo_stack[:-MAX_UNDO]
        self.redo_stack.clear()
        self.timeline = new
        self.version += 1

    def _steps(self, ops: list[O.Op]) -> Reply:
        """Undo/redo steps asked for at once ("undo the last two changes", "start over"): taken until
        the history runs out, never back past the first cut (a single "undo" may undo it)."""
        if len(ops) == 1:
            return self.undo() if isinstance(ops[0], O.Undo) else self.redo()
        done, last = 0, None
        for o in ops:
            if isinstance(o, O.Undo) and (not self.undo_stack or self.undo_stack[-1] is None):
                break
            r = self.undo() if isinstance(o, O.Undo) else self.redo()
            if r.status != "ok":
                break
            done, last = done + 1, r
        if last is None and isinstance(ops[0], O.Undo) and self.undo_stack:  # only the first cut is left to undo
            return self._reply(Intent.UNDO, "nothing", "已经是初剪了；要连初剪一起撤销，请说“撤销”。" if self._zh else
                               "This is already the first cut; say 'undo' to remove it too.")
        if last is None:
            return self.undo() if isinstance(ops[0], O.Undo) else self.redo()
        back = isinstance(ops[0], O.Undo)
        if self._zh:
            said = f"已{'撤销' if back else '重做'}{done}步修改。" if done > 1 else last.message
        elif done == 1:
            said = last.message
        else:
            said = f"Undid the last {done} changes." if back else f"Redid {done} changes."
        if back and len(ops) > done:
            said += "已回到初剪。" if self._zh else " Back to the first cut."
        return self._reply(Intent.UNDO if back else Intent.REDO, "ok", said, changed=True)

    def _voices_stacked(self, old: Timeline | None, new: Timeline, zh: bool) -> list[str]:
        """A clip that speaks, keeping its sound, moved under the voiceover by this edit ("put the interview first":
        the two voices talked at once and the reply said nothing): said, with what to say to part them."""
        voice = [(s.start, s.end) for t in new.tracks_by_role(Role.VOICE) for s in t.segments if s.volume > 0]
        main = new.track(Role.MAIN)
        if not voice or main is None:
            return []

        def under(tl: Timeline | None, seg_id: str) -> int:
            seg = next((s for s in (tl.track(Role.MAIN).segments if tl and tl.track(Role.MAIN) else ()) if s.id == seg_id), None)
            if seg is None or seg.mute or seg.volume <= 0:
                return 0
            spans = [(s.start, s.end) for t in tl.tracks_by_role(Role.VOICE) for s in t.segments if s.volume > 0]  # type: ignore[union-attr]
            return sum(max(0, min(seg.end, b) - max(seg.start, a)) for a, b in spans)

        moved = [s for s in main.segments if not s.mute and s.volume > 0 and new.asset(s.src).kind is AssetKind.VIDEO
                 and new.asset(s.src).has_audio and under(new, s.id) >= under(old, s.id) + 1000]
        talking = self.stage.speech_shares([new.asset(s.src) for s in moved]) if moved else {}  # (measured once a file)
        out = []
        for seg in moved:
            if talking.get(seg.src, 1.0) >= 0.5:
                a = max(seg.start, min(x for x, y in voice if y > seg.start))
                b = min(seg.end, max(y for x, y in voice if x < seg.end))
                out.append(f"「{seg.name}」现在带着原声在旁白下面播放（{a / 1000:g}-{b / 1000:g}秒），两个声音会同时说话："
                           f"可以说“{seg.name}静音”，或把它放到旁白之后。" if zh else
                           f"'{seg.name}' now plays its own sound under the voiceover ({a / 1000:g}-{b / 1000:g} s), so two "
                           f"voices talk at once: say 'mute {seg.name}', or move it after the voiceover.")
        return out

    def _small_talk(self, text: str) -> Reply | None:
        """"perfect, thanks!", "looks good", "好的 谢谢": answered, nothing changed; "what did you change": the
        last change said again (each was 'I did not understand' with the list of what can be said)."""
        if _is_thanks(text):
            return self._reply(Intent.EDIT, "nothing", "好的。要成片请说“导出”，或者接着说要改什么。" if self._zh else
                               "Glad it works. Say 'export' for the MP4, or tell me what to change next.")
        if _WHAT_CHANGED.match(text):
            done = [h for h in self.history if h.changed]
            if not done:
                return self._reply(Intent.EDIT, "nothing", "还没有修改过。" if self._zh else "Nothing has been changed yet.")
            return self._reply(Intent.EDIT, "nothing", f"上一次修改：「{done[-1].text[:80]}」（第{done[-1].version}版）。" if self._zh
                               else f"The last change was {done[-1].text[:80]!r} (version {done[-1].version}); say 'undo' "
                               "to take it back.")
        return None

    def _other_way(self, text: str) -> Reply | None:
        """"no the other way", "反了" right after a change that went one way ("music louder"): that change taken
        back and made the other way (it was not understood). None otherwise."""
        last = self.history[-1] if self.history else None
        if not _OTHER_WAY.match(text) or last is None or not last.changed or not self.undo_stack \
                or self.undo_stack[-1] is None:
            return None
        flipped = _OPPOSITES.sub(lambda m: _flip(m.group(0)), last.text)
        if flipped == last.text:
            return self._reply(Intent.EDIT, "nothing", f"「{last.text[:40]}」没有方向可以反过来。" if self._zh else
                               f"{last.text[:60]!r} has no other way to go; say what you want instead.")
        self.undo()
        reply = self._plan_and_apply(flipped, history=False)
        if not reply.changed:
            self.redo()
            return reply
        took = f"撤销了「{last.text[:40]}」，改为：" if self._zh else f"Took back {last.text[:60]!r} and did the other way: "
        return replace(reply, message=took + reply.message)

    def _meant_other(self, text: str) -> Reply | None:
        """"no I meant the music", "不对 我说的是音乐" right after a change: that change taken back and
        made to the thing meant ("标题小一点" then "我说的是音乐": the music quieter). It wrote "我说的是
        音乐" as the title, or fitted the video to the voiceover for "sorry i meant the voice". None when
        the message is no such correction, or the last change named nothing to swap."""
        m = _MEANT.match(text)
        last = self.history[-1] if self.history else None
        if m is None or last is None or not last.changed or not self.undo_stack or self.undo_stack[-1] is None:
            return None
        if m.group("es"):  # "sorry wrong one, I meant the 4th" after "remove the 2nd photo": the same change to that shot
            said_shot = _EN_SHOT_ORD.search(last.text)
            if said_shot is None:
                return None
            if said_shot.group("o").lower() == m.group("es").lower():
                return self._reply(Intent.EDIT, "nothing", f"That was the {m.group('es')}: {last.text[:60]!r}.")
            self.undo()
            reply = self._plan_and_apply(last.text[:said_shot.start("o")] + m.group("es") + last.text[said_shot.end("o"):],
                                         history=False)
            if not reply.changed:
                self.redo()
                return self._reply(Intent.EDIT, "nothing", f"Kept {last.text[:60]!r}: it cannot be done to the {m.group('es')}.")
            return replace(reply, message=f"Took back {last.text[:60]!r} and did it to the {m.group('es')}: " + reply.message)
        if m.group("zs"):  # "不对 我是说第二张" after "第一张图时间短一点": the same change to that shot
            said_shot = _ZH_SHOT_ORD.search(last.text)
            if said_shot is None:
                return None
            if said_shot.group(0) == (ord_meant := _ZH_SHOT_ORD.match(m.group("zs")).group(0)):  # type: ignore[union-attr]
                return self._reply(Intent.EDIT, "nothing", f"「{last.text[:40]}」改的就是它。")
            self.undo()
            reply = self._plan_and_apply(last.text[:said_shot.start()] + ord_meant + last.text[said_shot.end():],
                                         history=False)
            if not reply.changed:
                self.redo()
                return self._reply(Intent.EDIT, "nothing", f"「{last.text[:40]}」保留了：对{ord_meant}做不了。")
            return replace(reply, message=f"撤销了「{last.text[:40]}」，改为：" + reply.message)
        meant = _meant_role(m.group("x") or m.group("z"))
        zh = is_chinese(last.text)
        said = _NAMED_ROLE_ZH.search(last.text) if zh else _NAMED_ROLE_EN.search(last.text)
        if meant is None or said is None:
            return None
        if said.lastgroup == meant:
            return self._reply(Intent.EDIT, "nothing", f"「{last.text[:40]}」改的就是它。" if self._zh else
                               f"That was the {meant}: {last.text[:60]!r}.")
        again = last.text[:said.start()] + (_ROLE_WORD_ZH if zh else _ROLE_WORD_EN)[meant] + last.text[said.end():]
        if meant in ("music", "voiceover") and not zh:  # "make the title smaller" -> the music quieter
            again = re.sub(r"(?i)\b(?:smaller|tinier)\b", "quieter", re.sub(r"(?i)\b(?:bigger|larger)\b", "louder", again))
        self.undo()
        reply = self._plan_and_apply(again, history=False)
        if not reply.changed:  # not something the thing meant takes: the change stays, and the reply says so
            self.redo()
            return self._reply(Intent.EDIT, "nothing", f"「{last.text[:40]}」保留了：对{_ROLE_WORD_ZH[meant]}做不了。" if self._zh
                               else f"Kept {last.text[:60]!r}: it is nothing the {meant} can take ({again!r} was not understood).")
        took = f"撤销了「{last.text[:40]}」，改为：" if self._zh else \
            f"Took back {last.text[:60]!r} and did it to the {_ROLE_WORD_EN.get(meant, meant)}: "
        return replace(reply, message=took + reply.message)

    def _it_the_music(self, text: str) -> str:
        """"ok just lower it then" right after a message about the music that changed nothing ("the music is annoying
        can i use something else? i dont have any other songs"): "it" is the music (it was not understood)."""
        last = self.history[-1] if self.history else None
        if last is None or last.changed or not _MUSIC_SAID.search(last.text) or not (m := _TURN_IT.match(text)):
            return text
        g = "it" if m.group("it") else "it2"
        return text[:m.start(g)] + ("音乐" if g == "it2" else "the music") + text[m.end(g):]

    def _advice_taken(self, text: str) -> str:
        """"那就去掉吧", "yes, do it" right after advice asked about a change that changed nothing ("海报那张字太小看
        不清 要不要去掉？"): that change (`rules.advised_change`); else the text as it is."""
        from reelforge.planner.rules import advised_change

        last = self.history[-1] if self.history else None
        if last is None or last.changed or not _DO_IT.match(text) or (do := advised_change(last.text)) is None:
            return text
        return do

    def _put_back(self, text: str) -> Reply | None:
        """"actually no put the 3 for 2 back", "把满减加回来" right after the change that removed the text
        saying it: that change taken back, and said so (it was not understood). None otherwise: a text still
        on screen, or one removed earlier than the last change, is left to the rules."""
        m = _PUT_BACK.match(text)
        if m is None or self.timeline is None:
            return None
        words = _PUT_BACK_NOUN.sub("", " ".join((m.group("x") or m.group("x2") or m.group("x3") or m.group("x4")).split())).casefold()
        if (role := _ROLE_PUT_BACK.get(re.sub(r"^(?:the|my|our)\s+", "", words))) is not None:
            return self._role_put_back(role)
        if len(words) < 2 or _NOT_WORDS.match(words):
            return None

        def saying(tl: Timeline) -> list[Any]:
            return [seg for t in tl.tracks for seg in t.segments
                    if getattr(seg, "text", None) and words in " ".join(seg.text.split()).casefold()]

        if shown := saying(self.timeline):
            # "put the ages back tho thats important" with "Ages 3-10" still on screen (not understood): said where
            where = "；".join(f"「{x.text}」在{x.start / 1000:g}-{x.end / 1000:g}秒" for x in shown) if self._zh else \
                "; ".join(f"'{x.text}' at {x.start / 1000:g}-{x.end / 1000:g} s" for x in shown)
            return self._reply(Intent.EDIT, "nothing", f"还在画面上：{where}。" if self._zh else f"It is still on screen: {where}.")
        if not self.undo_stack or (before := self.undo_stack[-1]) is None or not (gone := saying(before)):
            return None
        quoted = "、".join(f"「{g.text}」" for g in gone) if self._zh else ", ".join(f"'{g.text}'" for g in gone)
        return self._undo_putting_back(quoted, quoted)

    def _undo_putting_back(self, what_zh: str, what_en: str) -> Reply:
        """The last change taken back, said as putting ``what`` back (`_put_back`, `_role_put_back`)."""
        last = next((h for h in reversed(self.history) if h.changed), None)
        self.undo()
        if self._zh:
            said = f"已恢复{what_zh}（撤销了上一步修改{f'「{last.text[:40]}」' if last else ''}）。"
        else:
            said = f"Put {what_en} back (took back the last change{f', {last.text[:60]!r}' if last else ''})."
        return self._reply(Intent.EDIT, "ok", said, changed=True)

    def _role_put_back(self, role: Role) -> Reply | None:
        """"put the title back", "bring back the music" right after the change that took it out: that change
        taken back (it asked for the title's words, or said there was no title). None otherwise."""
        had = self.undo_stack[-1] if self.undo_stack else None
        if self.timeline is None or had is None or any(t.segments for t in self.timeline.tracks_by_role(role)):
            return None
        if not any(t.segments for t in had.tracks_by_role(role)):
            return self._text_put_back(role)
        return self._undo_putting_back("", f"the {_ROLE_WORD_EN.get(role.value, role.value)}")

    def _text_put_back(self, role: Role) -> Reply | None:
        """The title (or captions, call to action) taken out some changes ago, put back as it was then, the
        changes since kept ("remove the title", "music lower", "put the title back" asked for the title's words)."""
        if role not in (Role.TITLE, Role.CAPTION, Role.CTA) or self.timeline is None:
            return None
        was = next((tl for tl in reversed(self.undo_stack) if tl is not None and any(
            t.segments for t in tl.tracks_by_role(role))), None)
        shots = lambda tl: [(x.start, x.end) for t in tl.tracks_by_role(Role.MAIN) for x in t.segments]  # noqa: E731
        if was is None or shots(was) != shots(self.timeline):  # (its times were for other shots: asked, not guessed)
            return None
        end = self.timeline.duration
        ops: list[O.Op] = [O.AddText(text=x.text, role=role.value, timing=O.Timing(start_ms=x.start, duration_ms=x.duration),
                                     position=x.position, size=x.size, color=x.color, background=x.background)
                           for t in was.tracks_by_role(role) for x in t.segments if x.start < end]
        if not ops:
            return None
        try:
            tl = apply(self.timeline, ops, library=self.library)
        except ApplyError:
            return None
        self._commit(tl)
        texts = "、".join(f"「{o.text}」" for o in ops) if self._zh else ", ".join(f"'{o.text}'" for o in ops)  # type: ignore[attr-defined]
        return self._reply(Intent.EDIT, "ok", f"已恢复{texts}，之后的修改保留。" if self._zh else
                           f"Put {texts} back as it was; the changes since stay.", changed=True, ops=tuple(ops))

    def _put_back_saying(self, back: str, words: str) -> Reply:
        """"put the price back but just say from £60": the text put back (`_put_back`, or the planner's
        undo of the change that took it out) now says ``words``. Where no one text came back, the
        putting back is all that is done, and the reply says so."""
        before = self.timeline
        reply = self._put_back(back) or self._plan_and_apply(back)
        if not reply.changed or self.timeline is None or before is None:
            return reply
        was = {x.id: x.text for t in before.tracks if t.kind is TrackKind.TEXT for x in t.segments}
        came = [(t.role, x) for t in self.timeline.tracks if t.kind is TrackKind.TEXT for x in t.segments
                if was.get(x.id) != x.text]
        if len(came) != 1:
            return replace(reply, message=reply.message + (f"（「{words}」没有写上：恢复的不止一行字。）" if self._zh else
                                                           f" ('{words}' was not written: more than one text came back.)"))
        role, seg = came[0]
        new_words = words[:1].upper() + words[1:] if seg.text[:1].isupper() else words
        op = O.UpdateText(target=O.Target(role=role, id=seg.id), text=new_words)
        try:
            tl = apply(self.timeline, [op], library=self.library)
        except ApplyError as exc:
            return replace(reply, message=f"{reply.message} {exc.message}")
        self._commit(tl)
        said = (f"已恢复，现在写「{new_words}」（原来是「{seg.text}」）。" if self._zh else
                f"Put it back, now saying '{new_words}' (it said '{seg.text}').")
        return self._reply(Intent.EDIT, "ok", said, changed=True, ops=(op,))

    def _undo_then(self, text: str, undos: list[O.Op]) -> Reply:
        """"撤销一下 还是横的吧", "undo that and make the title red": the undo first, then the rest of
        the message planned again on the timeline it brought back (it was planned on the one before,
        and the undo was dropped: only the rest was done). The rest already true there ("还是横的",
        landscape again after undoing "vertical") adds nothing to the reply."""
        undone = self._undo_after_nothing() or self._steps(undos)
        if undone.status not in ("ok", "nothing") or self.timeline is None:
            return undone
        then = self._plan_and_apply(text, history=False)
        if then.status == "ok" and then.changed:
            return replace(then, message=f"{undone.message} {then.message}")
        if undone.status == "ok" and then.status in ("nothing", "ok"):
            return undone
        return replace(undone, message=f"{undone.message} {then.message}")

    _FIRST_CUT_ASK = ("This is the first cut: undoing it removes the whole video. Say 'yes' or 'undo' again to remove "
                      "it, or say what to change.")
    _FIRST_CUT_ASK_ZH = "这是初剪：撤销会删除整个视频。确定要删除请说“确定”或再说一次“撤销”，或者直接说要改什么。"

    def _first_cut_asked(self) -> Reply | None:
        """An undo that would take the first cut itself, asked first (said again, it goes): one undo too
        many left no video, and the next edit made a new first cut from its words alone (title, call to
        action and music level gone, and nothing to redo)."""
        if not self.undo_stack or self.undo_stack[-1] is not None:
            return None
        last = self.history[-1] if self.history else None
        if last is not None and last.intent == Intent.UNDO.value and last.status == "nothing" and not last.changed:
            return None  # asked already: this undo takes it
        return self._reply(Intent.UNDO, "nothing", self._FIRST_CUT_ASK_ZH if self._zh else self._FIRST_CUT_ASK)

    def _first_cut_confirmed(self, text: str) -> bool:
        """"yes" / "ok" / "确定" right after `_first_cut_asked` (it was not understood)."""
        last = self.history[-1] if self.history else None
        return (last is not None and last.intent == Intent.UNDO.value and last.status == "nothing"
                and bool(self.undo_stack) and self.undo_stack[-1] is None and _CONFIRM.match(text) is not None)

    def _undo_after_nothing(self) -> Reply | None:
        """An undo said right after a message that changed nothing ("sparkly transitions?" refused, then "too
        much, go back to what it was"): what it takes back is that message, so nothing is undone; the change
        before it is named, and an undo said again takes it (it took that change back without a word)."""
        if not self.history or not self.undo_stack:
            return None
        last = self.history[-1]
        if last.changed or last.intent != Intent.EDIT.value:
            return None
        before = next((h for h in reversed(self.history) if h.changed), None)
        if before is None:
            return None
        first = before is self.history[0]  # ("how long is it?", then "undo": it removed the first cut, the whole video)
        if self._zh:
            said = (f"上一句「{last.text[:40]}」没有改动任何内容，所以没有撤销。" +
                    ("再往前就是初剪本身：要撤销初剪（删除整个视频），请再说一次“撤销”。" if first else
                     f"再往前的修改是「{before.text[:40]}」：要撤销它，请再说一次“撤销”。"))
        else:
            said = (f"Your last message ('{last.text[:60]}') changed nothing, so nothing was undone. " +
                    ("Before it is the first cut itself: say 'undo' again to remove it (the whole video)." if first else
                     f"The change before it was '{before.text[:60]}': say 'undo' again to take that back."))
        return self._reply(Intent.UNDO, "nothing", said)

    def undo(self) -> Reply:
        if not self.undo_stack:
            return self._reply(Intent.UNDO, "nothing", "没有可撤销的修改。" if self._zh else "Nothing to undo.")
        self.redo_stack.append(self.timeline)
        self.timeline = self.undo_stack.pop()
        self.version += 1
        if self._zh:
            said = "已撤销上一步修改。" if self.timeline else "已撤销初剪：现在没有时间线。"
        else:
            said = "Undid the last change." if self.timeline else "Undid the first cut: there is no timeline now."
        return self._reply(Intent.UNDO, "ok", said, changed=True)

    def redo(self) -> Reply:
        if not self.redo_stack:
            return self._reply(Intent.REDO, "nothing", "没有可重做的修改。" if self._zh else "Nothing to redo.")
        self.undo_stack.append(self.timeline)
        self.timeline = self.redo_stack.pop()
        self.version += 1
        return self._reply(Intent.REDO, "ok", "已重做这一步修改。" if self._zh else "Redid the change.", changed=True)

    def _record(self, text: str, reply: Reply) -> Reply:
        self.history.append(HistoryEntry(text=text, intent=reply.intent.value, ops=tuple(O.dump_ops(reply.ops)),
                                         version=self.version, status=reply.status, changed=reply.changed))
        return reply

    def summary(self) -> str:
        """The one-glance line every reply carries (AI features included, in the session's
        language); "" without a timeline."""
        return self._summary()

    def _summary(self) -> str:
        if self.timeline is None:
            return ""
        extra = ai_features(self.timeline, zh=self._zh)
        return summarize(self.timeline, zh=self._zh) + (f" · {('；' if self._zh else '; ').join(extra)}" if extra else "")

    def _reply(self, intent: Intent, status: str, message: str, *, changed: bool = False,
               ops: tuple[O.Op, ...] = ()) -> Reply:
        return Reply(intent, status, message, changed, ops, self._summary(), self.version)

    # -- persistence ------------------------------------------------------------------------
    def to_json(self, indent: int | None = 2) -> str:
        def tl(t: Timeline | None) -> Any:
            return None if t is None else t.model_dump(mode="json")

        doc = {
            "format": PROJECT_FORMAT,
            "format_version": PROJECT_VERSION,
            "version": self.version,
            "library": [a.model_dump(mode="json") for a in self.library],
            "timeline": tl(self.timeline),
            "history": [h.to_dict() for h in self.history],
            "undo": [tl(t) for t in self.undo_stack],
            "redo": [tl(t) for t in self.redo_stack],
            "new_assets": list(self.new_asset_ids),
        }
        if self.memory:
            doc["memory"] = self.memory
        settings = {k: v for k, v in (("media_dir", self.media_dir), ("brand_path", self.brand_path)) if v}
        if not self.smart_crop:
            settings["smart_crop"] = False
        if settings:
            doc["settings"] = settings
        return json.dumps(doc, ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Session:
        from pydantic import ValidationError

        from reelforge.errors import InvalidTimeline

        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise InvalidTimeline(f"not a project file: {exc}") from exc
        if not isinstance(doc, dict) or doc.get("format") != PROJECT_FORMAT:
            raise InvalidTimeline("not a reelforge project file")
        if doc.get("format_version") != PROJECT_VERSION:
            raise InvalidTimeline(f"unsupported project file version {doc.get('format_version')!r}")

        def tl(d: Any) -> Timeline | None:
            return None if d is None else Timeline.model_validate(d)

        try:
            return cls(
                library=tuple(Asset.model_validate(a) for a in doc.get("library") or ()),
                timeline=tl(doc.get("timeline")),
                version=int(doc.get("version", 0)),
                history=[HistoryEntry.from_dict(h) for h in doc.get("history") or ()],
                undo_stack=[tl(t) for t in doc.get("undo") or ()],
                redo_stack=[tl(t) for t in doc.get("redo") or ()],
                new_asset_ids=list(doc.get("new_assets") or ()),
                memory=dict(doc.get("memory") or {}),
                media_dir=(doc.get("settings") or {}).get("media_dir"),
                brand_path=(doc.get("settings") or {}).get("brand_path"),
                smart_crop=bool((doc.get("settings") or {}).get("smart_crop", True)),
            )
        except (ValidationError, KeyError, TypeError) as exc:
            raise InvalidTimeline(f"damaged project file: {exc}") from exc

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the project atomically (temp file in the same folder, then rename)."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(self.to_json())
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, p)
            self.base_dir = str(p.resolve().parent)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return p

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, local_files: bool = False) -> Session:
        s = cls.from_json(Path(path).read_bytes())  # bytes: a non-UTF-8 file is "not a project", not a crash
        s.base_dir = str(Path(path).resolve().parent)
        s.local_files = local_files
        return s

def _nothing_msg(reply: str, zh: bool) -> str:
    return (f"无需修改：{reply.rstrip('。')}（本来就是这样）。" if zh
            else f"Nothing to change: {reply.rstrip('.')} — it already was.")


def ai_features(tl: Timeline, *, zh: bool = False) -> list[str]:
    """The AI features visible on a timeline, for the summary line (in Chinese with ``zh``, as
    the summary it follows: "智能裁剪：3个镜头", not "Smart crop: 3 shots" after a Chinese line)."""
    out = []
    for t in tl.tracks_by_role(Role.CAPTION):
        if t.id.startswith("captions") and t.segments:
            n = len(t.segments)
            out.append(f"自动字幕：{n}条" if zh else f"Captions: {n} line{'s' if n != 1 else ''} (auto)")
    voice = [s for t in tl.tracks_by_role(Role.VOICE) for s in t.segments]
    if any(s.name == "tts.wav" for s in voice):
        out.append("配音：语音合成" if zh else "Voiceover: tts")
    main = tl.track(Role.MAIN)
    focused = [s for s in (main.segments if main else ()) if getattr(s, "focus", None) is not None]
    # a shot shown whole over a blurred fill is not cropped: counted apart, not as a smart crop
    cropped = sum(1 for s in focused if getattr(s, "fit", None) is Fit.COVER)
    if cropped:
        out.append(f"智能裁剪：{cropped}个镜头" if zh else f"Smart crop: {cropped} shot{'s' if cropped != 1 else ''}")
    if len(focused) > cropped:
        whole = len(focused) - cropped
        out.append(f"完整显示：{whole}个镜头" if zh else f"Shown whole: {whole} shot{'s' if whole != 1 else ''}")
    if any(s.id.startswith("brand-") for t in tl.tracks for s in t.segments):
        out.append("品牌套件" if zh else "Brand kit")
    return out


# a clause of a first instruction that places a picture: "start with the cat photo", "the flowers last",
# "first photo should be the cat", "猫的照片放最前面"
_ORDER_CLAUSE = re.compile(r"\b(?:start|open|begin|end|finish|close)s?\s+(?:with|on)\b|\b(?:first|last|opener|closer)\b|"
                           # "…, put the pictures in reverse order" (it was left out)
                           r"\breverse\s+(?:the\s+)?order\b|\bin\s+reverse(?:\s+order)?\b|\breversed\b|倒序|顺序反过来|"
                           r"\b(?:near|towards?)\s+the\s+end\b|\bin\s+the\s+middle\b|"
                           r"\bat\s+the\s+(?:start|end|beginning)\b|\b(?:before|after)\s+the\b|最前|最后|开头|结尾|先放|^\s*先用", re.I)
# (Chinese typed on a phone parts clauses with spaces: "… 用口播那个视频开头 要有她说话的声音 配字幕 20秒就行")
_CLAUSE_SPLIT = re.compile(r"\s*(?:[,;，；。！!\n]|\.(?:\s|$)|\s+and\s+|\s+then\s+)\s*|(?<=[\u4e00-\u9fff\w])\s+(?=[\u4e00-\u9fff]|\d+\s*(?:秒|分钟))", re.I)


# the composer's words for a clip put after the voiceover (`AIStage.voice_pauses` may place it inside)
_AFTER_THE_VOICE = re.compile(r" (?:It comes|They come) after the voiceover \([\d.]+-[\d.]+ s\), so the two voices do not "
                              r"talk at once\.")
_ORDER_AFTER_THE_VOICE = re.compile(r"Pictures in the order given, .+ after the voiceover: ")


def _order_asked(text: str, tl: Timeline, library: Sequence[Asset]) -> tuple[Timeline, list[O.Op]]:
    """A first cut with the pictures placed as its instruction asks ("a promo, start with the cat
    photo": the composer keeps the order given): only moves are taken ("end with 'Shop now'" is the
    call to action's); a logo asked for at the end stays the last shot ("… the red mustang last … logo at
    the end pls")."""
    text = re.sub(r"(?i)\s+(?:w/?|with)\s+(?:the\s+|our\s+|its\s+)?logo\b", "", text)  # "open on the key art w logo": the order
    text = re.sub(r"\s*[(（][^)）]{0,80}[)）]", "", text)  # "goat clip somewhere in the middle (kids laughing is cute keep it)"
    # "顺序：先放机器人视频，然后两张上课照片，最后…", "order: van pic, then …": the label of the list (it was not read)
    text = re.sub(r"(?im)^\s*(?:顺序|排序|镜头顺序)\s*[:：]\s*", "", text)
    # ("order: cracked pic, the repair vid, fixed pic, …": a list by commas alone is read after its label)
    text = re.sub(r"(?im)^\s*(?:order|sequence|running\s+order)\s*[:：]\s*", "order: ", text)
    text = re.sub(r"(?i)(\bat\s+the\s+(?:very\s+)?end)\s+(?:w/?|with)\s+.*?(?=\s*[,;]|\s+\.|\.\s|\.?$)", r"\1", text)  # "van pic at the end w phone …"
    main = tl.track(Role.MAIN)
    assets = [tl.asset(s.src) for s in main.segments] if main is not None else []
    listed, called = read_order(text, [a.name or "" for a in assets], [a.kind is AssetKind.VIDEO for a in assets])
    if listed is not None or called:  # "start with the shop front, then the peonies, then the video …": the list read whole
        # (and what it called the shots whose names do not say it: "swap the peony one and the roses" later)
        ops: list[O.Op] = [O.CallShot(target=O.Target(id=main.segments[k].id), said=w[:80])  # type: ignore[union-attr]
                           for k, w in called.items()]
        if listed is not None:
            ops.append(O.ReorderSegments(order=listed))
        try:
            tl = apply(tl, ops, library=library)
        except ApplyError:  # (never seen: the list's reading is left out, the cut stands as composed)
            ops = []
    else:
        tl, ops = _clause_edits(text, tl, library, _ORDER_CLAUSE, (O.MoveSegment, O.SwapSegments, O.ReorderSegments,
                                                                   O.ReverseOrder))[:2]
    shots = tl.track(Role.MAIN).segments if tl.track(Role.MAIN) else ()
    logo = next((k for k, s in enumerate(shots) if is_logo_name(s.name or "")), None)
    if ops and logo is not None and logo != len(shots) - 1 and _LOGO_AT_END.search(text):
        ops.append(O.MoveSegment(target=O.Target(index=logo), to_index=-1))
        tl = apply(tl, ops[-1:], library=library)
    return tl, ops


_LOGO_AT_END = re.compile(r"(?i)\b(?:end|finish|close)s?\s+(?:it\s+)?(?:with|on)\s+(?:the\s+|our\s+|my\s+)?logo\b|"
                          r"\blogo\s+at\s+the\s+(?:very\s+)?end\b|\blogo\s+(?:end|outro)\s*(?:card|screen)\b|(?:结尾|最后)(?:放|是|用)?(?:一张)?logo")


_ONLY_THESE = re.compile(r"(?i)\b(?:only\s+use|use\s+only|just\s+use|just|only)\s+(?P<x>the\s+[^,;.!?\n()—]+?"
                         r"(?:shots?|photos?|pics?|pictures?|images?|clips?|ones))(?=\s*(?:$|[,;.!?\n()—]|\s+no\s+others\b))")
_NOT_USED_CLAUSE = re.compile(r"(?<!声音)(?<!原声)(?:不用|不要|别用)|\b(?:don'?t|do\s+not)\s+use\s+the\b|\bleave\s+out\s+the\b|\bleave\s+the\s+\S+(?:\s+\S+)?\s+out\b", re.I)
_CLIP_SOUND_CLAUSE = re.compile(r"\bno\s+(?:\w+\s+){1,3}(?:audio|sound)\b|\bmute\s+the\b|静音|(?:声音|原声)(?:去掉|不要|关了|关掉)|"
                                # "…剥橙子那个视频原声留着", "keep the sizzle sound on the grill clip": that clip's sound kept
                                r"(?:原声|声音)(?:留着|保留|要留|开着)|保留(?:原声|声音)|\bkeep\s+(?:the\s+)?(?:\w+\s+)?(?:sound|audio)\s+(?:on|of|from|in)\b|"
                                r"(?:去掉|不要|关掉)(?:声音|原声)", re.I)
# "…, use our song from the chorus (starts ~1:02)", "音乐从副歌1:04开始": where in the song the music plays from
_SONG_POINT_CLAUSE = re.compile(r"\b(?:chorus|drop|hook|refrain)\b[^,;]{0,40}\d{1,2}:\d\d|(?:副歌|高潮)[^，,。]{0,8}\d{1,2}:\d\d", re.I)


_SOURCE_PART_CLAUSE = re.compile(r"(?<![\d.:])\d{1,2}:[0-5]\d\s*(?:to|-|–|—|until|till|thru|through)\s*\d{1,2}:[0-5]\d\b", re.I)


# "…, fade out at the end", "fade in from black", "结尾画面淡出": the picture's fades (the composer had none)
_FADE_CLAUSE = re.compile(r"\bfad(?:e|es|ed|ing)\s+(?:\w+\s+)?(?:in|out|to|from|into)\b|淡入|淡出|黑场", re.I)


# "…, title at the top", "captions in yellow", "字幕改成黄色": how a text looks, read once the texts exist
_TEXT_LOOK_CLAUSE = re.compile(  # (\A: searched unanchored, each start scanned the rest: quadratic)
    r"\A(?=.*\b(?:title|headline|captions?|subtitles?|cta|call\s+to\s+action|texts?)\b|.*(?:标题|字幕|文字))"
    r"(?=.*\b(?:top|bottom|middle|cent(?:er|re)|left|right|red|yellow|white|black|blue|green|orange|pink|purple|gold|"
    r"bigger|smaller|larger|bold|box(?:ed)?|outline)\b|.*(?:顶部|上面|下面|底部|中间|红色|黄色|白色|黑色|蓝色|绿色|大一点|小一点|加粗))"
    r"(?!.*\b(?:for|from|until|at\s+\d|after|before)\s+\d)", re.I)


# a quoted text and when in the video it shows: a time, a span, halfway ("in the middle" alone may
# be the middle of the frame: the look's clause reads it so)
_TEXT_TIME_CLAUSE = re.compile(  # (\A, as the look's)
    r"\A(?=.*['\"‘“「『])(?=.*(?:\b(?:at|after)\s+(?:the\s+)?\d+(?:\.\d+)?\s*(?:s|secs?|seconds?)\b|\bfrom\s+\d|"
    r"\bhalfway\b|\bmid-?way\b|\bmiddle\s+of\s+the\s+(?:video|clip|ad)\b|第\s*\d+\s*秒|视频中间|一半的时候))", re.I)


# the words asking for captions to be made ("add yellow captions", "加黄色字幕"), left out to read their look
_MAKE_CAPTIONS = re.compile(r"\b(?:add|put|turn\s+on|generate|create|include|give\s+(?:it|me))\b\s*(?:some\s+)?|"
                            r"(?:加上|添加|加)(?=[^，。,]*字幕)", re.I)


def _caption_look(text: str, tl: Timeline, library: Sequence[Asset],
                  asked: Sequence[O.Op]) -> tuple[Timeline, list[O.Op], list[str]]:
    """An edit that made the speech captions ("add yellow captions", "captions in yellow with a black
    box" when there were none) and says how they look: that look, once they exist (the look was
    dropped). Nothing otherwise."""
    if not any(isinstance(o, O.AutoCaptions) for o in asked) or not _TEXT_LOOK_CLAUSE.search(text):
        return tl, [], []
    return _clause_edits(_MAKE_CAPTIONS.sub("", text), tl, library, _TEXT_LOOK_CLAUSE, (O.UpdateText,))


# a colour said of the background: "background colour navy", "on a navy background", "background: white",
# "背景用蓝色" (not "red sneakers on a white background"'s red, nor "no black background")
# (the words before "background" from a word's start: from each letter of a long word it scanned the rest, quadratic)
_BACKGROUND_COLOUR = re.compile(r"\bbackground\s*(?:colou?r\s+)?(?:is\s+|to\s+|in\s+|of\s+|should\s+be\s+|=\s*|[:：]\s*)?"
                                r"(?P<after>[a-z-]+(?:\s+[a-z-]+)?)|(?<![a-z-])(?P<before>[a-z-]+(?:\s+[a-z-]+)?)\s+background\b|"
                                r"背景(?:色|颜色)?(?:用|是|改成|换成|为|[:：])?(?P<zh>[\u4e00-\u9fff]{1,3}?)色?(?![\u4e00-\u9fff])", re.I)
_NO_BACKGROUND = re.compile(r"\b(?:no|not|without|don'?t|never)\b[^,.;]{0,20}\bbackground\b|(?:不要|别用|不用)[^，,。]{0,8}背景", re.I)


def background_colour(text: str) -> str | None:
    """The background colour a first instruction names, or None."""
    from reelforge.planner.rules.text_look import color_in

    text = mask_quotes(text)  # quoted words are text only ("titled 'Black Background Sale'")
    if _NO_BACKGROUND.search(text):
        return None
    for m in _BACKGROUND_COLOUR.finditer(text):
        if m.group("before"):  # the words right before "background": the last one names it ("navy blue", not "red sneakers on a white")
            words = m.group("before").split()
            said = " ".join(words[-2:]) if len(words) == 2 and color_in(words[0]) and color_in(words[1]) else words[-1]
        else:
            said = m.group("after") or m.group("zh") or ""
        if said and not re.search(r"(?i)\bmusic\b|音乐", said) and (colour := color_in(said.lower())):
            return colour
    return None


def _fades_asked(text: str, tl: Timeline, library: Sequence[Asset]) -> tuple[Timeline, list[O.Op], list[str]]:
    """A first cut with the picture's fade from or to black its instruction asks for ("a promo,
    fade out at the end" made none): only those fades are taken."""
    return _clause_edits(text, tl, library, _FADE_CLAUSE, (O.SetVideoFade,))


# a clause giving one shot its length: a picture named or counted, and a length ("the cat photo 6 seconds",
# "make the first photo 5 s"), not every photo's ("3 seconds each") or the video's
_SHOT_LENGTH_CLAUSE = re.compile(
    r"(?=.*\b(?:photo|photos|pic|pics|picture|image|shot|clip|slide)\b|.*(?:张|图片|照片|镜头))"
    r"(?=.*(?:\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds?)\b|\d+\s*秒))"
    r"(?!.*\b(?:each|every|all|per|video|whole|total|overall|reel|ad)\b|.*(?:每|所有|全部|视频))"
    # ("Could we get a short (15-20s) clip of the Trailpack": "a … clip" is the video asked for, not a shot of it)
    r"(?!.*\b(?:a|an)\s+(?:(?:short|quick|little|small|brief|fun)\s+)?(?:\(?[\d.]+(?:\s*-\s*[\d.]+)?\s*(?:s|secs?|seconds?)\)?[\s-]+)?"
    r"(?:clip|slide\s*show)\b)", re.I)


def _without(text: str, clauses: Sequence[str]) -> str:
    """``text`` less ``clauses`` (and the separators they leave doubled or trailing)."""
    for clause in clauses:
        text = text.replace(clause, " ", 1)
    # (atomic: "make , , , , … x" backtracked exponentially, a first instruction of 80 characters never ended)
    return re.sub(r"(?>(?:\s*[,;，；]\s*)+)(?=\s*$)|\s*([,;，；])(?>(?:\s*[,;，；])+)", r"\1", text).strip()


def _shot_length_clauses(text: str) -> list[str]:
    """The clauses of a first instruction that give one shot its length (`_SHOT_LENGTH_CLAUSE`),
    kept from the composer, which took the length as the video's."""
    return [c for c in _CLAUSE_SPLIT.split(text or "")[1:] if c and _SHOT_LENGTH_CLAUSE.match(c)]


def _as_asked(replies: Sequence[str], zh: bool) -> str:
    """The note for clauses of a first instruction done as edits, in the rules' own words."""
    if zh:
        return f"按要求：{'；'.join(replies)}。"
    said = "; ".join(r[:1].lower() + r[1:] for r in replies)
    return f"As asked: {said}."


def _others_to_length(tl: Timeline, total: int, given: Sequence[O.Target]) -> list[O.Op]:
    """The other shots' lengths, in proportion, for the video to be ``total`` long again after
    ``given`` shots got their own ("a 20 second promo, make the first photo 5 seconds"). Empty when
    they cannot (each keeps a second)."""
    from reelforge.planner.apply_state import State
    from reelforge.planner.apply_targets import main_index

    segs = list(tl.track(Role.MAIN).segments)
    st = State.of(tl, ())
    pinned = set()
    for g in given:
        try:
            pinned.add(main_index(st, g))
        except ApplyError:
            return []
    free = [k for k in range(len(segs)) if k not in pinned]
    have = sum(segs[k].duration for k in free)
    want = have + total - tl.duration
    if not free or want < 1000 * len(free):
        return []
    new = {k: round(segs[k].duration * want / have) for k in free}
    new[free[-1]] += want - sum(new.values())  # the rounding, on the last
    return list(O.shot_lengths([s.duration for s in segs], new))


# the clauses of one kind a first instruction's reader takes: each is read by the whole edit planner (3-4 ms with 3
# pictures), and a chat of 333 "start with the a, then the b" clauses cost 1 s of CPU ("mute the a, " * 832: 1.5 s);
# more than this many orders, removals or text times in one message is no instruction a person types
_MOST_CLAUSES = 24


def _clause_edits(text: str, tl: Timeline, library: Sequence[Asset], clause_rx: re.Pattern[str],
                  kinds: tuple[type, ...], rewrite: Callable[[list[O.Op], Timeline, str], tuple[list[O.Op], str]] | None = None,
                  *, whole: bool = False) -> tuple[Timeline, list[O.Op], list[str]]:
    """The clauses of a first instruction that ``clause_rx`` finds, read by the edit rules; a
    clause's ops are taken when all of them are of ``kinds`` (after ``rewrite(ops, tl, reply)``,
    which may change them and their reply, when given). Also the rules' reply to each taken.
    ``whole``: ``text`` is one clause ("only use the hero shot and the trail shot")."""
    from reelforge.planner import rules

    ops: list[O.Op] = []
    replies: list[str] = []
    read = 0
    for clause in [text] if whole else _CLAUSE_SPLIT.split(text or ""):
        if not clause or not clause_rx.search(clause):
            continue
        if (read := read + 1) > _MOST_CLAUSES:
            break
        try:
            plan = rules.plan_edit(clause, tl, library=library)
        except Exception:  # noqa: BLE001 - a clause the rules cannot read leaves the cut as composed
            continue
        found = list(plan.ops)
        reply = plan.reply
        if rewrite is not None and found:
            found, reply = rewrite(found, tl, reply)
        if plan.status != "ok" or not found or not all(isinstance(o, kinds) for o in found):
            continue
        try:
            tl = apply(tl, found, library=library)
        except ApplyError:
            continue
        ops += found
        replies.append(reply.rstrip("。.") if reply else "")
    return tl, ops, replies


def _shown_again(ops: list[O.Op], tl: Timeline, reply: str) -> tuple[list[O.Op], str]:
    """A text the first cut already shows, added again at a time ("show '50% off' from 8 to 12
    seconds" after the composer made it the call to action): that text shown then instead; and
    one it does not show, moved to a time ("「五折」在第10秒出现"): that text added then."""
    shown = {t.text.casefold(): tr.role for tr in tl.tracks for t in tr.segments if isinstance(t, TextSegment)}
    out: list[O.Op] = []
    for o in ops:
        if isinstance(o, O.AddText) and o.shot is None and o.text.casefold() in shown:
            o = O.UpdateText(target=O.Target(role=shown[o.text.casefold()], name=o.text), position=o.position,
                             timing=o.timing)
        elif (isinstance(o, O.UpdateText) and o.timing is not None and o.text is None and o.target.name
              and o.target.name.casefold() not in shown):
            o = O.AddText(text=o.target.name, role="caption", timing=o.timing, position=o.position)
        else:
            out.append(o)
            continue
        out.append(o)
        reply = (W.describe_zh if re.search(r"[\u4e00-\u9fff]", reply) else W.describe)(o, {})
    return out, reply


def _planner():
    """The LLM planner when configured by the environment, else the rule planner."""
    from reelforge.planner import llm, rules

    if llm.LLMConfig.from_env() is not None:
        return llm.plan_edit
    return rules.plan_edit


_MADE_UP = "Text made up for you: "


def _drop_replaced_copy(notes: list[str], extra: Sequence[O.Op]) -> list[str]:
    """The composer's notes less what the voiceover's words replaced: its captions replace "no
    captions" and the file-name captions (and what was said of one left out), its title and call to
    action the made-up ones, its order the order given."""
    captions = any(isinstance(o, O.SetCaptions) for o in extra)
    title = any(isinstance(o, O.UpdateText) and o.target.role == Role.TITLE for o in extra)
    cta = any(isinstance(o, O.UpdateText) and o.target.role == Role.CTA for o in extra)
    reordered = any(isinstance(o, O.ReorderSegments) for o in extra)  # the pictures follow the voiceover
    out = []
    for n in notes:
        if reordered and n.startswith("Pictures in the order given"):
            continue
        if captions and n.startswith(("No captions", "No caption from")):  # (the speech captions them)
            continue
        if captions and n.startswith("The caption '") and " is left out: " in n:  # a file-name caption: replaced too
            continue
        if n.startswith(_MADE_UP) and (captions or title or cta):
            body, _, tail = n[len(_MADE_UP):].partition(". Put your own words")
            parts = [p for p in body.split("; ")
                     if not (captions and p.endswith("from the file names")) and not (title and p.startswith("title "))
                     and not (cta and p.startswith("call to action "))]
            if not parts:
                continue
            n = _MADE_UP + "; ".join(parts) + (". Put your own words" + tail if tail else "")
        out.append(n)
    return out


def _centred_aside(tl: Timeline, ops: Sequence[O.Op]) -> str | None:
    """A text asked to the centre that is there already in the timeline but drawn to one side by the
    layout: where it shows and why (`reelforge.render.checks.off_centre`)."""
    from reelforge.planner.apply_state import State
    from reelforge.planner.apply_targets import resolve
    from reelforge.render.checks import off_centre

    for o in ops:
        if isinstance(o, O.UpdateText) and o.position is not None and o.position.value == "center":
            try:
                tr, i = resolve(State.of(tl, ()), o.target)
                return off_centre(tl, tr.segs[i].id)
            except (ApplyError, ReelforgeError):
                return None
    return None


def _warnings(tl: Timeline | None) -> list[str]:
    """`reelforge.render.checks.warnings`, never failing an edit (a timeline the checks cannot
    read is the render's to report)."""
    if tl is None:
        return []
    from reelforge.render.checks import warnings

    try:
        return warnings(tl)
    except ReelforgeError:
        return []


def _text_too_long(ops: Sequence[O.Op], zh: bool) -> str | None:
    """A text an edit puts on screen that is past the text limit, said in plain words before the edit
    is applied: a 9,970-character title took 1.5 s of applying and fitting before the limit refused
    it as "t[3].sg[0].m.text: 9950 characters"."""
    most = limits.from_env().max_text_chars
    n = max((len(t) for o in ops if isinstance(t := getattr(o, "text", None), str)), default=0)
    if n <= most:
        return None
    if zh:
        return f"这段文字有{n}个字符；屏幕上的一段文字最多{most}个字符（{limits.env_name('max_text_chars')}）。没有做任何修改。"
    return (f"That text is {n:,} characters long; a text on screen can have at most {most:,} "
            f"({limits.env_name('max_text_chars')}). Nothing was changed.")


def _within_limits(tl: Timeline, *, counts_only: bool = False) -> None:
    """Raise `ApplyError` when a timeline is past the limits a render would refuse it for
    (`reelforge.timeline.limits`, ``REELFORGE_<FIELD>``): "make it 99999999999 seconds" is
    refused when it is said, not kept for every export and editor hand-off to trip on.
    ``counts_only``: its tracks and segments alone (`limits.check_counts`)."""
    bounds = limits.from_env()
    if counts_only:
        try:
            limits.check_counts(tl, bounds)
        except ReelforgeError as exc:
            raise ApplyError(f"that is past a limit: {exc.message}") from exc
        return
    if tl.duration > bounds.max_duration_ms:
        ms = bounds.max_duration_ms
        most = f"{ms / 60_000:g} minutes" if ms % 60_000 == 0 else f"{ms / 1000:g} seconds"
        raise ApplyError(f"the video can be at most {most} long ({limits.env_name('max_duration_ms')})")
    try:
        limits.check_timeline(tl, bounds)
    except ReelforgeError as exc:
        raise ApplyError(f"that is past a limit: {exc.message}") from exc


def _size_capped(old: Timeline, new: Timeline, zh: bool) -> list[str]:
    """The texts made larger by this edit that are drawn smaller than their new size asks for
    (two lines at most, inside the safe zone): "bigger text" says so instead of seeming ignored."""
    from reelforge.render.checks import capped_texts
    from reelforge.timeline.model import TextSegment

    was = {s.id: s.size for t in old.tracks for s in t.segments if isinstance(s, TextSegment)}
    order = list(type(next(iter(was.values()))) if was else [])
    grown = {s.id for t in new.tracks for s in t.segments if isinstance(s, TextSegment)
             and s.id in was and order.index(s.size) > order.index(was[s.id])}
    if not grown:
        return []
    try:
        return capped_texts(new, grown, zh=zh)
    except ReelforgeError:
        return []


def _stops_at_pause(cut: Timeline, paused: Timeline, zh: bool) -> list[str]:
    """What `AIStage.voice_ends_in_pauses` changed, said: the voiceover stops at a pause, not mid-word."""
    was = {s.id: s.end for t in cut.tracks_by_role(Role.VOICE) for s in t.segments}
    return [f"旁白在{round(s.end / 1000, 1):g}秒的停顿处结束，不在词中间截断。" if zh else
            f"The voiceover stops at {round(s.end / 1000, 1):g} s, at a pause, not mid-word."
            for t in paused.tracks_by_role(Role.VOICE) for s in t.segments if was.get(s.id, s.end) != s.end]


def _voice_cut(old: Timeline, new: Timeline, zh: bool) -> list[str]:
    """The voiceover cut off by this edit ("make it 10 seconds", "remove the last two photos" under
    a 14.6 s voiceover: it stopped mid-sentence and the reply said nothing)."""
    was = {s.id: s.duration for t in old.tracks_by_role(Role.VOICE) for s in t.segments}
    out = []
    pieces = [s for t in new.tracks_by_role(Role.VOICE) for s in t.segments]
    for seg in pieces:
        try:
            # a voiceover paused for a clip goes on in its next piece: this one ends there, not cut off
            runs = voice_left(seg, pieces, new.asset(seg.src).duration_ms or 0)
        except KeyError:
            continue
        if seg.duration < runs - VOICE_CUT_MS and was.get(seg.id, 0) >= min(runs - VOICE_CUT_MS, old.duration):
            if zh:
                out.append(f"旁白长{round(runs / 1000, 1):g}秒，现在在{round(seg.end / 1000, 1):g}秒处被截断（说“按旁白长度”可完整保留）。")
            else:
                out.append(f"The voiceover runs {round(runs / 1000, 1):g} s and is now cut off at {round(seg.end / 1000, 1):g} s: "
                           "say 'fit to the voiceover' to hear all of it.")
    return out


def _tidy(text: str | None) -> str:
    """A message as its words: runs of spaces one space, blank lines one line break, a mark repeated more than
    three times three ("!!!!!!"). What a person types keeps its meaning; what a script sends stops costing the
    rules' patterns time that grows with the run's length cubed ("make" + 400 spaces took 2.8 s, 10,000 never
    ended: a chat message held a worker)."""
    text = re.sub(r"[ \t\f\v\u00a0\u2000-\u200b\u3000]+", " ", text or "")
    text = re.sub(r" ?(?:\r?\n ?)+", "\n", text)
    return re.sub(r"([^\w\s])\1{3,}", r"\1\1\1", text).strip()


VOICE_CUT_MS = 300  # a voiceover's tail this short is room tone, not words
_CLIP_EDITS = (O.SetInPoint, O.TrimSegment, O.SetSpeed)


def _voice_kept_whole(old: Timeline, new: Timeline, ops: Sequence[O.Op], library: Sequence[Asset],
                      zh: bool) -> tuple[Timeline, list[str]]:
    """``new`` as long as ``old`` again when an edit of a clip's footage alone (its part, its speed) would cut
    the voiceover off ("only the bit … 0:08 to 0:16", "speed it up a lot": the video shrank under its 24 s
    voiceover, which stopped mid-sentence); the clips edited keep their new length, the other shots take up
    the time. ``new`` as it is when that cannot be done or the voice was not whole before."""
    if not ops or not all(isinstance(o, _CLIP_EDITS) for o in ops) or new.duration >= old.duration:
        return new, []
    if not _voice_cut(old, new, False) or _voice_cut(old, old, False):
        return new, []
    keep = [o.target for o in ops if getattr(o, "target", None) is not None]
    try:
        fitted = apply(new, [O.SetTotalDuration(duration_ms=old.duration, keep=keep)], library=library)
    except ApplyError:
        return new, []
    if _voice_cut(old, fitted, False):
        return new, []
    secs, short = f"{old.duration / 1000:g}", f"{max(1, round(new.duration / 1000))}"
    return fitted, [f"其他镜头加长了，视频仍是{secs}秒，旁白完整保留（要更短请说“改成{short}秒”）。" if zh else
                    f"The other shots take up the time, so the video stays {secs} s and the voiceover plays whole "
                    f"(say 'make it {short} seconds' for the shorter one, without the end of the voiceover)."]


def _length_change(old: Timeline, new: Timeline, ops: Sequence[O.Op], zh: bool) -> list[str]:
    """The video's new length, when an edit changed it without being asked to ("remove the
    moon photo" made a 30 s video 25.08 s, and the reply only said the photo went)."""
    if new.duration == old.duration or any(isinstance(o, (O.SetTotalDuration, O.FitToVoice)) for o in ops):
        return []
    was, now = old.duration / 1000, new.duration / 1000
    if zh:
        return [f"视频时长从{was:g}秒变为{now:g}秒（说“改成{round(was):g}秒”可恢复）。"]
    return [f"The video is now {now:g} s long (it was {was:g} s; say 'make it {round(was):g} seconds' to keep the length)."]
