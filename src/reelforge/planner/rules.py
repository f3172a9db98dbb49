"""Rule edit planner: a follow-up instruction (English or Chinese) -> typed edit ops.

``plan_edit(instruction, timeline)`` is offline and deterministic. It splits combined
instructions ("make it vertical and lower the music", "…，然后…") into clauses, plans each
with an ordered list of handlers, and answers with an `EditPlan`:

- ``ok``: ops to apply (every clause understood);
- ``ambiguous``: a clause names something that matches several segments ("remove the image"
  with five images); no ops, the reply asks which;
- ``unknown``: some clause was not understood; no ops (a half-done edit is worse than a
  question), the reply says what was understood and what the planner can do.

Segments are addressed by position ("the second image", "the last clip", "第三张"), by name
("the sneaker photo", "shoe.jpg"), or by time ("the shot at 0:12"). "image/photo/picture"
count stills, "video clip/footage" count moving clips, "clip/shot/segment/scene" count all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from reelforge.planner import memory as M
from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import typos as T
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    Fit,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
    Timeline,
    Transition,
    VideoSegment,
)

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


CAPABILITIES_ZH = (
    "画面：竖屏、方形、横屏、720p", "时长：改成20秒、按旁白长度",
    "镜头：删除/移动/交换/替换第二张图片，把第二张图片放到最后，第一张图片改成3秒，视频片段加速、静音",
    "文字：添加标题「春季大促」前3秒、标题放到顶部、标题改成红色、去掉标题",
    "声音：背景音乐调到20%、背景音乐调小一点、音乐淡出、去掉背景音乐、关闭闪避",
    "效果：转场改成叠化、硬切、去掉动画、背景模糊、右上角加logo", "撤销 / 重做",
)

CAPABILITIES = (
    "shape and size: 'make it vertical for TikTok', 'square', '720p' / '竖屏'",
    "length: 'make it 20 seconds', 'fit to the voiceover' / '改成20秒'",
    "shots: 'remove / move / swap / replace the second image', 'add surf.mp4 after the third', "
    "'make the first image 3 seconds', 'speed up the clip', 'mute the clip' / '把第二张图片放到最后'",
    "text: \"add the title 'Spring Sale' for the first 3 seconds\", 'move the title to the top', "
    "'make the caption red', 'remove the title' / '添加标题「春季大促」'",
    "sound: 'music to 20%', 'lower the music by 6 dB', 'fade out the music', 'don't duck', "
    "'remove the music', 'use jazz.mp3 as the music' / '把背景音乐调小一点'",
    "look: 'crossfade transitions', 'hard cuts', 'no motion', 'blurred background', "
    "'add the logo in the top right' / '转场改成叠化'",
    "undo / redo / 撤销 / 重做",
)


class _Ambiguous(Exception):
    pass


class _Cannot(Exception):
    """Understood, but nothing in the project to act on (e.g. no such file)."""


# ---------------------------------------------------------------------------------------------
# vocabulary
_ORD_EN = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|penultimate|opening|intro|closing|ending|outro|\d+(?:st|nd|rd|th))"
_ORD_FULL = rf"(?:(?:second|third|\d+(?:nd|rd|th))[\s-]+(?:to|from)[\s-]+(?:the\s+)?last|next[\s-]+to[\s-]+last|one[\s-]+before[\s-]+(?:the\s+)?last|last[\s-]+but[\s-]+one|{_ORD_EN})"
_NOUN_IMG = r"(?:images?|photos?|pictures?|pics?|stills?|photographs?|slides?)"
_NOUN_VID = r"(?:video[\s-]?clips?|videos|footage|movies?|video(?!\s+(?:length|duration)))"
_NOUN_ANY = r"(?:clips?|shots?|segments?|scenes?|ones?|items?)"
_NOUN = rf"(?:{_NOUN_VID}|{_NOUN_IMG}|{_NOUN_ANY})"
_SMALL_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"

_RX_ORD = re.compile(rf"\b(?:the\s+)?(?P<ord>{_ORD_FULL})\b(?:\s+(?P<noun>{_NOUN}))?")
_RX_NUMBERED = re.compile(rf"\b(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clip|shot|segment|scene|slide)\s*(?:number\s+|no\.?\s*|#\s*)?(?P<num>{_SMALL_NUM})\b(?!\s*(?:s\b|sec|second|%|x\b|db))")
_RX_GROUP = re.compile(rf"\b(?:the\s+)?(?P<end>first|last|final|opening)\s+(?P<n>two|three|four|five|six|\d+)\s+(?P<noun>{_NOUN})")
_RX_ZH_GROUP = re.compile(r"(?P<end>前|最后|后)\s*(?P<n>[两二三四五六\d])\s*(?P<cl>张|个|段|幅)\s*(?P<noun>图片|图|照片|片段|视频|镜头)?")
_RX_LIST = re.compile(rf"\b(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clips|shots|segments|scenes)\s+(?P<nums>\d+(?:\s*(?:,|and|&)\s*\d+)+)\b")
_RX_SPAN_REF = re.compile(rf"\b(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clips|shots|segments|scenes)\s+(?P<a>\d+)\s*(?:to|through|thru|-|–)\s*(?P<b>\d+)\b(?!\s*(?:s\b|secs?\b|seconds?\b|%|:))")
_RX_ZH_SPAN_REF = re.compile(r"第\s*(?P<a>[一二两三四五六七八九十\d]+)\s*(?:张|个|段|幅)?\s*(?:到|至|-)\s*第?\s*(?P<b>[一二两三四五六七八九十\d]+)\s*(?P<cl>张|个|段|幅)\s*(?P<noun>图片|图|照片|片段|视频|镜头)?")
# "the one after the clip", "the shot before the beach photo": a neighbour of another reference
_RX_NEIGHBOUR = re.compile(r"\bthe\s+(?:one|shot|image|photo|picture|pic|segment|scene|slide)\s+(?:right\s+|just\s+|directly\s+|immediately\s+)?(?P<rel>after|before|following|preceding)\s+")
_RX_MORE_AT = re.compile(r"\s*(?:,|and|&|和|、)\s*(?P<tv>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds|秒)\b)")
_RX_AT = re.compile(r"\b(?:at|@)\s+(?P<tv>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds)\b)")
_ZH_ORD = r"(?:倒数第\s*[一二两三四五六七八九十\d]+|第\s*[一二两三四五六七八九十\d]+|最后|最後|末|头|首)"
_RX_ZH = re.compile(rf"(?P<ord>{_ZH_ORD})\s*一?\s*(?P<cl>张|个|段|幅|条|帧|部)?\s*(?P<noun>图片|图|照片|相片|片段|视频|镜头|画面|素材|场景)?")
_RX_ZH_AT = re.compile(r"(?:在\s*)?(?P<tv>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*秒)\s*(?:(?:处|时|的地方|那里|位置)(?:的)?|的(?=片段|镜头|图片|画面|照片))")
_RX_GENERIC = re.compile(rf"\b(?:the|this|that|a|an)\s+(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clip|shot|segment|scene)\b(?!\s*(?:number|no\.|#|\d+(?!\.?\d*\s*(?:s\b|secs?\b|seconds?\b|%|x\b|秒))))")
_RX_ZH_GENERIC = re.compile(r"(?:这|那)\s*(?:张|个|段|幅)\s*(?P<noun>图片|图|照片|视频|片段|镜头)?|(?<![第一二三四五六七八九十\d])(?P<noun2>图片|照片|视频片段)")

_COLORS = {
    "red": "#FF0000", "white": "#FFFFFF", "black": "#000000", "yellow": "#FFD400", "blue": "#1E6BFF",
    "green": "#00C853", "orange": "#FF8C00", "pink": "#FF69B4", "purple": "#8E44AD", "gray": "#808080",
    "grey": "#808080", "gold": "#FFD700", "golden": "#FFD700", "silver": "#C0C0C0", "navy": "#001F5B",
    "红色": "#FF0000", "白色": "#FFFFFF", "黑色": "#000000", "黄色": "#FFD400", "蓝色": "#1E6BFF",
    "绿色": "#00C853", "橙色": "#FF8C00", "粉色": "#FF69B4", "紫色": "#8E44AD", "灰色": "#808080",
    "金色": "#FFD700", "银色": "#C0C0C0", "红": "#FF0000", "白": "#FFFFFF", "黑": "#000000", "黄": "#FFD400",
    "蓝": "#1E6BFF", "绿": "#00C853",
}
_RX_COLOR = re.compile(r"#[0-9a-f]{6}\b|\b(?:" + "|".join(k for k in _COLORS if k.isascii()) + r")\b|"
                       + "|".join(sorted((k for k in _COLORS if not k.isascii()), key=len, reverse=True)))

_MUSIC = r"(?:background\s+music|music|bgm|soundtrack|song|backing\s+track|背景音乐|背景乐|音乐|配乐|歌曲|歌)"
_VOICE = r"(?:voice[\s-]?over|voice|narration|narrator|vo|旁白|配音|解说|人声|口播)"
_CLIPSOUND = r"(?:(?:clip|video|footage)(?:'s|s')?\s+(?:own\s+)?(?:sound|audio)|(?:sound|audio)\s+(?:of|from|in)\s+the\s+(?:video\s+)?clips?|original\s+(?:sound|audio)|clip\s+audio|原声|视频声音|片段声音|视频的声音)"
_TEXT_WORD = r"(?:titles?|headlines?|headings?|captions?|subtitles?|texts?|overlays?|cta|call[\s-]to[\s-]action|tagline|slogan|标题|字幕|文字|文案|口号|行动号召)"
_ADD = r"(?:\badd(?:ing)?\b|\binsert\b|\bput\b|\bappend\b|\binclude\b|\bplace\b|\bshow\b|\bdisplay\b|\bwrite\b|添加|加上|加入|插入|加个|加一个|加一段|加|新增|放上|写上|显示)"
_REMOVE = r"(?:\bremove\b|\bdelete\b|\bdrop\b|\bget\s+rid\s+of\b|\btake\s+(?:out|away|off)\b|\bcut\s+out\b|\bkill\b|\bditch\b|\blose\b|\bbin\b|\bscrap\b|\btrash\b|\btoss\b|\bnuke\b|\byank\b|\baxe\b|\bnix\b|\bno\s+more\b|删除|删掉|去掉|去除|移除|拿掉|不要|取消|删了|删)"
_LOUDER = r"(?:louder|raise|increase|boost|turn\s+up|up\b|higher|more\s+volume|大声|调大|增大|提高|加大|大一点|大点|响一点|响亮)"
_QUIETER = r"(?:quieter|lower|reduce|decrease|turn\s+down|down\b|softer|less\s+loud|not\s+so\s+loud|too\s+loud|调小|减小|降低|小一点|小点|轻一点|小声|太吵|太大声|低一点|调低)"


def _has(rx: str, t: str) -> bool:
    return re.search(rx, t) is not None


# ---------------------------------------------------------------------------------------------
@dataclass
class _Ctx:
    raw: str                  # the clause as written (quotes intact)
    t: str                    # normalised, quotes replaced by «q»
    quotes: list[str]
    tl: Timeline
    library: tuple[Asset, ...]
    new_assets: tuple[Asset, ...]
    zh: bool
    notes: list[str] = field(default_factory=list)

    # -- timeline facts --------------------------------------------------------------------
    def main_segs(self) -> tuple[VideoSegment, ...]:
        tr = self.tl.track(Role.MAIN)
        return tuple(tr.segments) if tr else ()

    def asset_kind(self, seg: VideoSegment) -> str:
        for a in (*self.tl.assets, *self.library):
            if a.id == seg.src:
                return "image" if a.kind is AssetKind.IMAGE else "video"
        return "image"

    def count(self, kind: str | None) -> list[VideoSegment]:
        return [s for s in self.main_segs() if kind is None or self.asset_kind(s) == kind]

    def text_segs(self, role: Role | None) -> list[tuple[Role, TextSegment]]:
        roles = [role] if role else [Role.TITLE, Role.CAPTION, Role.CTA]
        out = []
        for r in roles:
            for tr in self.tl.tracks_by_role(r):
                out.extend((r, s) for s in tr.segments)
        return out


def _noun_kind(noun: str | None) -> str | None:
    if not noun:
        return None
    n = noun.strip()
    if re.fullmatch(_NOUN_IMG, n) or n in ("图片", "图", "照片", "相片", "张", "幅"):
        return "image"
    if re.fullmatch(_NOUN_VID, n) or n in ("视频", "视频片段"):
        return "video"
    return None


def _ord_index(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.strip())
    word = {"opening": "first", "intro": "first", "closing": "last", "ending": "last", "outro": "last"}.get(word, word)
    if re.fullmatch(r"next[\s-]+to[\s-]+last|one[\s-]+before[\s-]+(?:the\s+)?last|last[\s-]+but[\s-]+one", word):
        return -2
    n = P.parse_ordinal(word.replace("-", " "))
    if n is None:
        return None
    return n - 1 if n > 0 else n


@dataclass
class _TRef:
    target: O.Target
    start: int
    end: int
    more: tuple[O.Target, ...] = ()  # "the first two images": the other targets of a group

    @property
    def all(self) -> tuple[O.Target, ...]:
        return (self.target, *self.more)


def _find_targets(c: _Ctx, text: str | None = None, offset: int = 0) -> list[_TRef]:
    """Segment references on the main track, left to right."""
    t = c.t if text is None else text
    found: list[_TRef] = []
    bare: set[int] = set()  # ordinals written without a noun
    for m in _RX_ORD.finditer(t):
        # "the first 3 seconds" is a time range, not a shot
        after = t[m.end():m.end() + 14]
        if not m.group("noun") and re.match(r"\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|half|few|couple|second|sec|s\b|time)", after):
            continue
        if m.group("noun") is None and re.match(r"\s*(?:title|caption|text|music|transition|fade|cta)", after):
            continue
        if re.search(r"(?:\d|\b(?:a|one|half|each|per|every|1st))\s*$", t[:m.start("ord")]) and m.group("ord") == "second":
            continue  # "1 second", "a second": a length, not a position
        idx = _ord_index(m.group("ord"))
        if idx is None:
            continue
        noun = m.group("noun")
        if noun and re.fullmatch(r"(?:seconds?|secs?)", noun):
            continue
        ref = _TRef(O.Target(index=idx, kind=_noun_kind(noun)), m.start() + offset, m.end() + offset)
        if not noun:
            bare.add(ref.start)
        found.append(ref)
    for m in _RX_GROUP.finditer(t):
        n = int(P.parse_number(m.group("n")) or 0)
        kind = _noun_kind(m.group("noun"))
        idx = list(range(n)) if m.group("end") in ("first", "opening") else list(range(-n, 0))
        if n >= 2:
            ts = [O.Target(index=i, kind=kind) for i in idx]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_ZH_GROUP.finditer(t):
        n = int(P.parse_number(m.group("n")) or 0)
        kind = _noun_kind(m.group("noun")) or ("image" if m.group("cl") in ("张", "幅") else None)
        idx = list(range(n)) if m.group("end") == "前" else list(range(-n, 0))
        if n >= 2:
            ts = [O.Target(index=i, kind=kind) for i in idx]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_LIST.finditer(t):
        nums = [int(x) for x in re.findall(r"\d+", m.group("nums"))]
        kind = _noun_kind(m.group("noun"))
        if all(k >= 1 for k in nums):
            ts = [O.Target(index=k - 1, kind=kind) for k in nums]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_SPAN_REF.finditer(t):
        a, b = int(m.group("a")), int(m.group("b"))
        if 1 <= a < b <= 50:
            ts = [O.Target(index=k - 1, kind=_noun_kind(m.group("noun"))) for k in range(a, b + 1)]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_ZH_SPAN_REF.finditer(t):
        a, b = P.parse_number(m.group("a")), P.parse_number(m.group("b"))
        if a and b and 1 <= a < b <= 50:
            kind = _noun_kind(m.group("noun")) or ("image" if m.group("cl") in ("张", "幅") else None)
            ts = [O.Target(index=k - 1, kind=kind) for k in range(int(a), int(b) + 1)]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_NEIGHBOUR.finditer(t):
        inner = _find_targets(c, t[m.end():], m.end() + offset)
        lead = re.match(r"(?:the|that)\s+", t[m.end():])
        at = m.end() + offset
        seg = (_main_seg(c, inner[0].target)
               if inner and inner[0].start in (at, at + (lead.end() if lead else 0)) else None)
        end = inner[0].end if seg is not None else 0
        clip = re.match(r"(?:the|that)\s+(?:video\s+)?clip\b", t[m.end():])
        if seg is None and clip and len(c.count("video")) == 1:  # "the one after the clip"
            seg, end = c.count("video")[0], m.end() + clip.end() + offset
        if seg is not None:
            i = next(k for k, x in enumerate(c.main_segs()) if x.id == seg.id) + (1 if m.group("rel") in ("after", "following") else -1)
            if 0 <= i < len(c.main_segs()):
                found.append(_TRef(O.Target(index=i), m.start() + offset, end))
    for m in _RX_NUMBERED.finditer(t):
        n = P.parse_number(m.group("num"))
        if n is None or int(n) < 1:
            continue
        found.append(_TRef(O.Target(index=int(n) - 1, kind=_noun_kind(m.group("noun"))), m.start() + offset, m.end() + offset))
    for m in _RX_ZH.finditer(t):
        if not (m.group("cl") or m.group("noun")) and not re.match(r"\s*[和与跟、]", t[m.end():m.end() + 2]) and m.group("ord") not in ("最后", "最後"):
            if not re.search(r"[和与跟、]\s*$", t[:m.start()]):
                continue
        if m.group("ord") in ("头", "首", "末") and not (m.group("cl") or m.group("noun")):
            continue
        if m.group("ord") in ("最后", "最後") and not (m.group("cl") or m.group("noun")):
            # "放到最后" is a destination, not a target
            continue
        idx = _ord_index(m.group("ord").replace(" ", ""))
        if idx is None:
            continue
        kind = _noun_kind(m.group("noun")) or ("image" if m.group("cl") in ("张", "幅") else None)
        found.append(_TRef(O.Target(index=idx, kind=kind), m.start() + offset, m.end() + offset))
    for rx in (_RX_AT, _RX_ZH_AT):
        for m in rx.finditer(t):
            ms = P.parse_time_value_ms(m.group("tv"))
            if ms is None:
                continue
            more: list[O.Target] = []
            end = m.end()
            while nxt := _RX_MORE_AT.match(t, end):  # "at 0:05 and 0:12"
                v = P.parse_time_value_ms(nxt.group("tv"))
                if v is None:
                    break
                more.append(O.Target(at_ms=v))
                end = nxt.end()
            found.append(_TRef(O.Target(at_ms=ms), m.start() + offset, end + offset, tuple(more)))
    # names of shots on the timeline
    for stem, full in _stems(c.main_segs()):
        for m in re.finditer(rf"(?<![a-z0-9_.]){re.escape(full)}(?![a-z0-9_])|(?<![a-z0-9_.]){re.escape(stem)}(?![a-z0-9_])", t):
            if not any(r.start <= m.start() + offset < r.end for r in found):
                found.append(_TRef(O.Target(name=stem if m.group(0) == stem else full), m.start() + offset, m.end() + offset))
    found.sort(key=lambda r: r.start)
    # drop overlaps (keep the longest at a position)
    out: list[_TRef] = []
    for r in found:
        if out and r.start < out[-1].end:
            if r.end - r.start > out[-1].end - out[-1].start:
                out[-1] = r
            continue
        out.append(r)
    # ordinals without a noun take the kind of the nearest one that has it ("swap the first and third images")
    kinds = [r.target.kind for r in out if r.target.kind]
    if kinds:
        out = [(_TRef(r.target.model_copy(update={"kind": kinds[0]}), r.start, r.end, r.more)
                if r.target.index is not None and r.target.kind is None and r.start in bare else r) for r in out]
    return out


_STOP_STEMS = {"img", "image", "photo", "pic", "picture", "clip", "video", "the", "and", "jpg", "png", "mp4",
               "mov", "mp3", "wav", "file", "final", "new", "copy", "dsc", "vid", "music", "voice", "shot"}


def _stems(segs: Sequence[VideoSegment | Asset]) -> list[tuple[str, str]]:
    out = []
    seen = set()
    for s in segs:
        full = s.name.lower()
        if not full:
            continue
        base = full.rsplit(".", 1)[0]
        for word in [base, *re.split(r"[^a-z0-9\u4e00-\u9fff]+", base)]:
            if len(word) >= 3 and word not in _STOP_STEMS and not word.isdigit() and (word, full) not in seen:
                seen.add((word, full))
                out.append((word, full))
    return out


def _generic(c: _Ctx, text: str | None = None) -> str | None:
    """'the image' / 'this clip' / '图片' without a position: the kind it names ('' = any)."""
    t = c.t if text is None else text
    m = _RX_GENERIC.search(t)
    if m:
        if m.group("noun") == "clip" and len(c.count("video")) == 1:
            return "video"  # "the clip" among photos and one video clip is that clip
        return _noun_kind(m.group("noun")) or ""
    m = _RX_ZH_GENERIC.search(t)
    if m:
        return _noun_kind(m.group("noun") or m.group("noun2")) or ""
    return None


_RX_ALL_SHOTS = re.compile(
    rf"\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+|my\s+|these\s+)?(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clips?|shots?|segments?|scenes?)\b"
    r"|\bthe\s+(?P<noun2>images|photos|pictures|pics|stills|photographs|slides|videos|video\s+clips)\b(?!\s*(?:\d|number))"
    r"|(?:所有|全部|每一?张|每一?段|每一?个)\s*的?\s*(?P<noun3>图片|照片|图|视频片段|视频|片段|镜头)"
    r"|(?<![前后两二三四五六七八九十\d张])(?P<noun4>图片|照片)(?:都|全都|全部)")


def _all_of(c: _Ctx, text: str | None = None) -> str | None:
    """'all the images' / 'the photos' / '所有图片': the kind they name ('' = every shot), else None."""
    t = c.t if text is None else text
    m = _RX_ALL_SHOTS.search(t)
    if not m:
        return None
    noun = m.group("noun") or m.group("noun2") or m.group("noun3") or m.group("noun4")
    return _noun_kind(noun) or ""


def _only(c: _Ctx, kind: str | None) -> O.Target:
    segs = c.count(kind)
    noun = {"image": "image", "video": "video clip"}.get(kind or "", "shot")
    if len(segs) == 1:
        return O.Target(index=0, kind=kind)  # type: ignore[arg-type]
    if not segs:
        raise _Cannot(f"there is no {noun} on the timeline")
    names = ", ".join(f"{i + 1}. {s.name}" for i, s in enumerate(segs[:10]))
    if c.zh:
        zh = {"image": ("张", "图片"), "video": ("段", "视频片段")}.get(kind or "", ("个", "镜头"))
        raise _Ambiguous(f"是哪一{zh[0]}{zh[1]}？共有{len(segs)}{zh[0]}：{names}。请说“第二{zh[0]}”或文件名。")
    raise _Ambiguous(f"Which {noun}? There are {len(segs)}: {names}. Say e.g. 'the second {noun}' or its name.")


# -- assets -------------------------------------------------------------------------------------
def _find_asset(c: _Ctx, text: str, kinds: tuple[AssetKind, ...]) -> Asset | None:
    pool = [a for a in (*c.library, *c.tl.assets) if a.kind in kinds]
    t = text
    for a in pool:  # full file names first
        if a.name and re.search(rf"(?<![a-z0-9_.]){re.escape(a.name.lower())}(?![a-z0-9_])", t):
            return a
    hits: dict[str, Asset] = {}
    for stem, full in _stems(pool):
        if re.search(rf"(?<![a-z0-9_.]){re.escape(stem)}(?![a-z0-9_])", t):
            for a in pool:
                if a.name.lower() == full:
                    hits[a.id] = a
    if len(hits) == 1:
        return next(iter(hits.values()))
    if re.search(r"\b(?:this|these|the\s+new|the\s+uploaded|the\s+latest|the\s+last\s+uploaded|it)\b|这个|这张|这段|新上传|刚上传|新的", t):
        fresh = [a for a in c.new_assets if a.kind in kinds]
        if fresh:
            return fresh[-1]
    return None


# -- small parsers --------------------------------------------------------------------------------
def _color(t: str) -> str | None:
    m = _RX_COLOR.search(t)
    if not m:
        return None
    word = m.group(0)
    return word.upper() if word.startswith("#") else _COLORS[word]


_SIZES = [TextSize.SMALL, TextSize.MEDIUM, TextSize.LARGE, TextSize.XLARGE]


def _size(t: str, current: TextSize | None = None) -> TextSize | None:
    if _has(r"\b(?:huge|giant|enormous|very\s+(?:big|large)|extra[\s-]?large|xl)\b|超大|特大|巨大", t):
        return TextSize.XLARGE
    if _has(r"\b(?:bigger|larger)\b|大一点|大点|放大|加大|更大", t):
        return _SIZES[min(3, _SIZES.index(current or TextSize.MEDIUM) + 1)]
    if _has(r"\bsmaller\b|小一点|小点|缩小|更小", t):
        return _SIZES[max(0, _SIZES.index(current or TextSize.MEDIUM) - 1)]
    if _has(r"\b(?:big|large)\b|大字|大号", t):
        return TextSize.LARGE
    if _has(r"\b(?:small|tiny)\b|小字|小号", t):
        return TextSize.SMALL
    if _has(r"\b(?:medium|normal\s+size|regular\s+size)\b|中号|正常大小", t):
        return TextSize.MEDIUM
    return None


def _timing(c: _Ctx, default: O.Timing | None, text: str | None = None) -> O.Timing | None:
    t = c.t if text is None else text
    r = P.parse_time_range(t, c.tl.duration)
    if r is None:
        return default
    if r.kind is P.RangeKind.ALL:
        return O.Timing()
    if r.kind is P.RangeKind.END:
        return O.Timing(duration_ms=r.duration_ms, anchor="end")
    if r.kind is P.RangeKind.AFTER:
        return O.Timing(start_ms=r.start_ms)
    return O.Timing(start_ms=r.start_ms, duration_ms=r.duration_ms)


# ---------------------------------------------------------------------------------------------
# handlers: each returns a list of ops, or None when the clause is not theirs
Handler = Callable[[_Ctx], "list[O.Op] | None"]


def _h_logo(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:logo|watermark|brand\s+mark)\b|水印|标志|台标|logo", t):
        return None
    if _has(r"\b(?:replace|instead\s+of)\b|换成|替换", t) and _find_targets(c):
        return None  # "replace the mountain photo with logo.png" replaces a shot
    if _has(_REMOVE, t):
        return [O.RemoveTrack(role=Role.LOGO)]
    asset = _find_asset(c, t, (AssetKind.IMAGE,))
    if asset is None:
        logos = [a for a in c.library if a.kind is AssetKind.IMAGE and re.search(r"logo|watermark|brand|水印", a.name.lower())]
        if len(logos) == 1:
            asset = logos[0]
        else:
            raise _Cannot("add the logo image to the project first (upload it), then say where to put it")
    pos = P.parse_position(t)
    corner = {Position.TOP_LEFT: "top-left", Position.TOP_RIGHT: "top-right", Position.BOTTOM_LEFT: "bottom-left",
              Position.BOTTOM_RIGHT: "bottom-right", Position.TOP: "top-right", Position.BOTTOM: "bottom-right",
              Position.CENTER_LEFT: "top-left", Position.CENTER_RIGHT: "top-right"}.get(pos, "bottom-right")  # type: ignore[arg-type]
    kw: dict = {}
    pct = P.parse_percent(t)
    if pct:
        kw["scale"] = max(0.02, min(1.0, pct))
    elif _has(r"\b(?:small|tiny)\b|小", t):
        kw["scale"] = 0.1
    elif _has(r"\b(?:big|large)\b|大", t):
        kw["scale"] = 0.25
    return [O.AddLogo(asset_id=asset.id, position=corner, **kw)]  # type: ignore[arg-type]


def _audio_role(t: str) -> str | None:
    if _has(_CLIPSOUND, t):
        return "main"
    m = re.search(_MUSIC, t)
    v = re.search(rf"(?<![a-z]){_VOICE}(?![a-z])", t)
    if m and v:
        return "music" if m.start() < v.start() else "voice"
    if m:
        return "music"
    if v:
        return "voice"
    return None


def _audio_span(c: _Ctx) -> O.Span | None:
    """A stated range of time for an audio change ("for the last 5 seconds", "from 0:10 to 0:15",
    "前3秒"); None when the words name the whole track."""
    r = P.parse_time_range(c.t, c.tl.duration)
    if r is None or not r.explicit or r.kind not in (P.RangeKind.SPAN, P.RangeKind.START, P.RangeKind.END,
                                                      P.RangeKind.AFTER, P.RangeKind.POINT):
        return None
    if r.kind is P.RangeKind.POINT and not _has(r"\bfor\s+\S+\s*(?:s|secs?|seconds?)\b|持续|秒钟", c.t):
        return None
    if r.start_ms <= 0 and r.end_ms >= c.tl.duration:
        return None
    return O.Span(start_ms=r.start_ms, end_ms=r.end_ms)


def _h_music_track(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    role = _audio_role(t)
    if role not in ("music", "voice"):
        return None
    if _has(rf"{_REMOVE}|\bno\s+(?:more\s+)?(?:background\s+music|music|voice[\s-]?over|narration|narrator|vo)\b|\bwithout\s+(?:the\s+)?(?:music|voice[\s-]?over|narration)\b|\bsilence\s+the\s+music\b", t) and not _has(r"\bduck|闪避|压低", t):
        if _has(r"\bno\s+(?:more\s+)?duck", t):
            return None
        span = _audio_span(c)
        if span is not None:  # "kill the music for the last 5 secs": silence that part, keep the track
            return [O.SetVolume(role=role, volume=0.0, span=span)]  # type: ignore[arg-type]
        return [O.RemoveTrack(role=Role.MUSIC if role == "music" else Role.VOICE)]
    if role == "music" and _has(r"\b(?:replace|swap|switch|change|use|set|try|add|put|play)\b|换成|换|替换|改用|用|加上?|添加|配上", t):
        asset = _find_asset(c, t, (AssetKind.AUDIO, AssetKind.VIDEO))
        if asset is not None and not (c.tl.track(Role.MUSIC) and any(getattr(s, "src", None) == asset.id for s in c.tl.track(Role.MUSIC).segments)):
            out: list[O.Op] = [O.ReplaceMusic(asset_id=asset.id)]
            pct = P.parse_percent(t)  # "add background music music.mp3 at 25%"
            if pct is not None and 0 <= pct <= 4:
                out.append(O.SetVolume(volume=round(pct, 4)))
            return out
        if _has(r"\b(?:replace|swap|switch|another|different|new)\b|换成|换一首|替换|换", t) and not _has(r"\d\s*%|百分|db|分贝|" + _LOUDER + "|" + _QUIETER, t):
            raise _Cannot("which music? add the audio file to the project first, then say e.g. 'use jazz.mp3 as the music'")
    return None


def _h_duck(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\bduck(?:s|ed|ing)?\b|闪避|避让|ducking|(?:人声|说话|旁白|配音).{0,6}(?:时|的时候).{0,6}(?:压低|降低|调低).{0,4}(?:音乐|背景音乐)|(?:压低|降低).{0,4}(?:音乐|背景音乐).{0,8}(?:人声|说话|旁白)|lower\s+the\s+music\s+(?:when|while|under)", t):
        return None
    off = _has(r"\b(?:no|don'?t|do\s+not|stop|disable|turn\s+off|without|never)\b.{0,12}duck|\bduck(?:ing)?\s+off\b|不要.{0,4}(?:闪避|避让|压低)|关闭.{0,4}(?:闪避|避让)|取消.{0,4}(?:闪避|避让)", t)
    return [O.SetDuck(on=not off, span=_audio_span(c))]


def _h_fade(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\bfad(?:e|es|ing)\b|淡入|淡出|渐入|渐出|渐强|渐弱", t):
        return None
    if _has(r"cross[\s-]?fade|through\s+black|to\s+black|between|transition|转场|过渡|黑场|切换", t):
        return None
    role = _audio_role(t) or "music"
    if role == "main":
        return None
    ms = None
    durs = P.find_durations(t)
    if durs:
        ms = durs[0].ms
    if _has(r"\bno\s+fades?\b|\bwithout\s+(?:a\s+)?fades?\b|\bremove\s+the\s+fades?\b|不要淡|去掉淡|取消淡", t):
        return [O.SetFade(role=role, fade_in_ms=0, fade_out_ms=0)]  # type: ignore[arg-type]
    obj = r"fade\s+(?:it|them|the\s+(?:background\s+)?(?:music|song|bgm|voice\w*|audio|sound|narration))\s+"
    both = _has(r"\bin\s+and\s+out\b|\bout\s+and\s+in\b|淡入淡出", t)
    fin = both or _has(rf"fad(?:e|es|ing)\s*[-]?\s*in\b|{obj}in\b|fade\s*up|淡入|渐入|渐强", t)
    fout = both or _has(rf"fad(?:e|es|ing)\s*[-]?\s*out\b|{obj}out\b|fade\s*down|淡出|渐出|渐弱|\bat\s+the\s+end\b", t)
    if not fin and not fout:
        fin = fout = True
    return [O.SetFade(role=role, fade_in_ms=(ms or 2000) if fin else None,  # type: ignore[arg-type]
                      fade_out_ms=(ms or 2000) if fout else None)]


def _h_volume(c: _Ctx) -> list[O.Op] | None:
    ops = _volume(c)
    if not ops:
        return ops
    span = _audio_span(c)
    if span is None:
        return ops
    return [o.model_copy(update={"span": span}) if isinstance(o, O.SetVolume) and o.role != "main" else o for o in ops]


def _volume(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    role = _audio_role(t)
    level_word = _has(r"\bvolume\b|\blevel\b|\bgain\b|音量|声音", t)
    if role is None:
        if not (level_word and (_has(_LOUDER + "|" + _QUIETER, t) or P.parse_percent(t) is not None)):
            return None
        voice = c.tl.track(Role.VOICE)
        music = c.tl.track(Role.MUSIC)
        if music and voice and c.zh:
            raise _Ambiguous("是背景音乐还是旁白？例如说“背景音乐调到30%”或“旁白大声一点”。")
        if music and voice:
            raise _Ambiguous("The music or the voiceover? Say e.g. 'music to 30%' or 'voiceover louder'.")
        role = "music" if music else "voice" if voice else "main"
    if role == "main" and _has(r"\b(?:mute|unmute|keep|silence)\b|静音|保留|关掉|关闭|去掉|不要", t):
        return None
    if role != "main" and _has(r"\bmute\b|\bsilence\b|\b(?:turn|switch)\s+(?:\w+\s+){0,3}off\b|\b(?:turn|switch)\s+off\b|静音|关掉|关闭|关了|关上", t):
        return [O.SetVolume(role=role, volume=0.0)]  # type: ignore[arg-type]
    db = P.parse_db(t)
    absolute = _has(r"\b(?:to|at|=)\s*[+-]?\s*\d+(?:\.\d+)?\s*(?:db|decibels?)\b|(?:到|为|成)\s*[+-]?\s*\d+(?:\.\d+)?\s*分贝", t)
    if db is not None:
        if absolute:
            return [O.SetVolume(role=role, volume=P.db_to_gain(db))]  # type: ignore[arg-type]
        return [O.SetVolume(role=role, factor=P.db_to_gain(db))]  # type: ignore[arg-type]
    pct = P.parse_percent(t)
    if pct is not None and not re.fullmatch(r"\s*(?:0?\.\d+|1(?:\.0+)?|0)\s*", t):
        if _has(r"\bby\s+\d+\s*%|\d+\s*%\s+(?:louder|quieter|lower|higher|more|less)|(?:降低|减少|调低|提高|增加|调高|加大)\s*(?:了)?\s*(?:\d+\s*%|百分之)", t):
            up = _has(_LOUDER, t)
            return [O.SetVolume(role=role, factor=round(1 + pct if up else max(0.01, 1 - pct), 4))]  # type: ignore[arg-type]
        return [O.SetVolume(role=role, volume=round(pct, 4))]  # type: ignore[arg-type]
    times = re.search(r"(\d+(?:\.\d+)?)\s*(?:x|times)\s+(louder|quieter|softer)", t)
    if times and float(times.group(1)) > 0:
        k = float(times.group(1))
        return [O.SetVolume(role=role, factor=round(k if times.group(2) == "louder" else 1 / k, 4))]  # type: ignore[arg-type]
    if _has(r"\btwice\s+as\s+loud\b|\bdouble\s+the\s+volume\b|两倍音量|音量加倍", t):
        return [O.SetVolume(role=role, factor=2.0)]  # type: ignore[arg-type]
    if _has(r"\bhalf\s+as\s+loud\b|\bhalve\s+the\s+volume\b|\bhalf\s+the\s+volume\b|音量减半", t):
        return [O.SetVolume(role=role, factor=0.5)]  # type: ignore[arg-type]
    little = _has(r"\b(?:a\s+(?:little|bit|touch|notch|smidge|hair)|slightly|a\s+tad|somewhat|a\s+little\s+bit)\b|一点|一些|稍微|有点|点儿|点声|(?<=[小大低高轻])点|些", t)
    much = _has(r"\b(?:much|a\s+lot|way|far|really|very)\b|很多|大幅|非常|太(?!吵|大声|响)", t)
    if _has(_QUIETER, t):
        return [O.SetVolume(role=role, factor=0.7 if little else 0.3 if much else 0.5)]  # type: ignore[arg-type]
    if _has(_LOUDER, t):
        return [O.SetVolume(role=role, factor=1.25 if little else 2.0 if much else 1.5)]  # type: ignore[arg-type]
    if _has(r"\b(?:full|normal|original)\s+volume\b|原始音量|正常音量", t):
        return [O.SetVolume(role=role, volume=1.0)]  # type: ignore[arg-type]
    return None


def _h_clip_audio(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    clipish = _has(_CLIPSOUND, t) or _has(rf"\b(?:mute|unmute|silence)\b.{{0,30}}\b(?:{_NOUN_VID}|clips?)\b|\b(?:sound|audio)\s+(?:of|from|in|on)\s+(?:the\s+)?(?:\w+\s+){{0,2}}(?:shot|clip|segment|scene)s?\b|(?:静音|关掉声音|去掉声音).{{0,8}}(?:视频|片段)|(?:视频|片段).{{0,8}}(?:静音|关掉声音|去掉声音|原声)", t)
    if not clipish:
        return None
    keep = _has(r"\b(?:keep|unmute|restore|bring\s+back|turn\s+on|with)\b|保留|恢复|打开|开启", t)
    mute = _has(r"\b(?:mute|silence|remove|drop|turn\s+off|no|without|kill)\b|静音|去掉|关掉|关闭|不要|删除", t)
    if not keep and not mute:
        return None
    target: O.Target | None = None
    refs = _find_targets(c)
    if refs:
        target = refs[0].target
    return [O.SetClipAudio(target=target, mute=mute and not keep)]


def _text_role(t: str) -> Role | None:
    if _has(r"\bcta\b|call[\s-]to[\s-]action|\bbutton\b|行动号召|结尾按钮", t):
        return Role.CTA
    if _has(r"\b(?:captions?|subtitles?|lower\s+thirds?)\b|字幕|说明文字", t):
        return Role.CAPTION
    if _has(r"\b(?:titles?|headlines?|headings?)\b|标题", t):
        return Role.TITLE
    return None


def _text_target(c: _Ctx, role: Role | None) -> O.Target:
    segs = c.text_segs(role)
    # a quote naming an existing text picks it
    for q in c.quotes:
        hits = [(r, s) for r, s in segs if q.casefold() == s.text.casefold()]
        if len(hits) == 1:
            return O.Target(role=hits[0][0], name=q)
    if not segs:
        word = {Role.TITLE: "title", Role.CAPTION: "caption", Role.CTA: "call to action"}.get(role, "text")  # type: ignore[arg-type]
        raise _Cannot(f"there is no {word} yet; add one with e.g. \"add the {word} 'Spring Sale'\"")
    if len(segs) == 1:
        r, s = segs[0]
        return O.Target(role=r, index=0)
    roles = {r for r, _ in segs}
    ord_m = re.search(rf"\b(?P<ord>{_ORD_FULL})\s+{_TEXT_WORD}|(?P<zh>{_ZH_ORD})\s*(?:个|条)?\s*(?:标题|字幕|文字)", c.t)
    if ord_m:
        idx = _ord_index(ord_m.group("ord") or ord_m.group("zh"))
        if idx is not None and len(roles) == 1:
            return O.Target(role=next(iter(roles)), index=idx)
    at = _RX_AT.search(c.t)
    if at and len(roles) == 1:
        ms = P.parse_time_value_ms(at.group("tv"))
        if ms is not None:
            return O.Target(role=next(iter(roles)), at_ms=ms)
    listing = ", ".join(f'"{s.text}" ({r.value}, {s.start / 1000:g}-{s.end / 1000:g}s)' for r, s in segs[:8])
    if c.zh:
        raise _Ambiguous(f"是哪段文字？共有{len(segs)}段：{listing}。")
    raise _Ambiguous(f"Which text? There are {len(segs)}: {listing}.")


_RX_TEXT_PLURAL = re.compile(
    r"\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:titles?|headlines?|captions?|subtitles?|texts?|text\s+overlays?|overlays?|ctas?)\b"
    r"|\b(?:titles|headlines|captions|subtitles|texts|overlays|ctas|calls[\s-]to[\s-]action)\b"
    r"|(?:所有|全部|每条|每一条|每句)\s*的?\s*(?:标题|字幕|文字|文案)")
# words that make a line a call to action ("Shop now", "Learn more", "立即购买")
_RX_CTA_TEXT = re.compile(
    r"\b(?:shop|buy|order|book|get|grab|claim|learn|discover|find\s+out|sign\s+up|join|subscribe|follow|download|"
    r"install|try|visit|call|register|donate|start|apply|save|tap|click|swipe|dm|message|contact|reserve|"
    r"pre-?order|link\s+in\s+bio)\b.{0,30}?(?:\bnow\b|\btoday\b|\bmore\b|\bfree\b|\bus\b|\bhere\b|\bbelow\b|\bup\b|!|$)"
    r"|立即|马上|现在就|赶快|赶紧|快来|点击|关注|订阅|购买|下单|抢购|预约|报名|了解更多|扫码|私信|咨询|领取|戳", re.I)


def _looks_cta(text: str) -> bool:
    return len(text) <= 60 and _RX_CTA_TEXT.search(text.strip()) is not None


def _h_text(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if c.quotes and _has(r"\b(?:call|name|rename|title)\s+(?:it|the\s+(?:video|ad|reel|thing))\b|(?:标题)?(?:叫做?|命名为|起名)", t):
        # "call it 'Weekend Vibes' instead": the title
        if c.text_segs(Role.TITLE):
            return [O.UpdateText(target=_text_target(c, Role.TITLE), text=c.quotes[-1])]
        return [O.AddText(text=c.quotes[-1], timing=O.Timing(duration_ms=3000))]
    role = _text_role(t)
    plural = _RX_TEXT_PLURAL.search(t) is not None or (c.zh and role is Role.CAPTION)
    has_text_word = role is not None or _has(r"\b(?:texts?|overlays?|words?|tagline|slogan)\b|文字|文案|口号|字(?:体|号)?(?=再|大|小|改|换|放|调|颜色|变)", t)
    if not has_text_word and not c.quotes:
        return None
    names_existing = any(q.casefold() == s.text.casefold() for q in c.quotes for _, s in c.text_segs(None))
    if not has_text_word and c.quotes and not _has(_ADD, t) and not names_existing:
        return None
    # remove
    if _has(_REMOVE + r"|\bno\s+(?:more\s+)?(?:text|titles?|captions?|overlays?)\b", t) and not _has(r"\b(?:replace|change|rename)\b|改成|换成", t):
        if plural or _has(r"\ball\b|\bevery\b|所有|全部|\bno\s+(?:more\s+)?(?:text|titles|captions|overlays)\b", t) or (role is None and not c.quotes and not _has(r"\b(?:the|this|that)\s+(?:text|overlay)\b", t)):
            return [O.RemoveText(role=role.value if role else None)]  # type: ignore[arg-type]
        return [O.RemoveText(target=_text_target(c, role))]
    existing = c.text_segs(role)
    new_text = None
    adding = _has(_ADD, t) and (bool(c.quotes) or not existing) and not _has(r"\b(?:change|rename|edit|update|replace|make\s+the|set\s+the)\b|改成|改为|换成|修改|更改", t)
    if c.quotes and adding:
        new_text = c.quotes[-1]
    elif c.quotes:
        if len(c.quotes) >= 2:
            new_text = c.quotes[-1]
        elif not (existing and any(c.quotes[0].casefold() == s.text.casefold() for _, s in existing)):
            new_text = c.quotes[0]
    else:
        m = re.search(r"(?:\bsays?|\bsaying|\bthat\s+reads|\breads|\bto)\s*:?\s*([^\s,.;].*)$", c.raw, re.I) if adding else None
        if m and adding and role is not None:
            new_text = m.group(1).strip().strip("'\"")
    position = P.parse_position(t)
    color = _color(re.sub(r"背景|background|box", " ", t)) if not _has(r"\bbackground\s+(?:colou?r\s+)?(?:to\s+)?\w+|背景色", t) else None
    bg = None
    if _has(r"\b(?:box|boxed|background\s+box|banner|label)\b|底框|背景框|文字背景|加框", t):
        bg = TextBackground.BOX
    elif _has(r"\bshadow\b|阴影", t):
        bg = TextBackground.SHADOW
    elif _has(r"\bno\s+(?:box|shadow|background)\b|去掉(?:底框|阴影)", t):
        bg = TextBackground.NONE
    if adding or (new_text is not None and not existing):
        if new_text is None:
            raise _Cannot("what should the text say? put it in quotes, e.g. \"add the title 'Spring Sale'\"")
        r = role or Role.TITLE
        if role is None and _looks_cta(new_text):
            # "add 'Shop now' at the end": a call to action belongs on the cta track
            tm = _timing(c, None)
            if tm is None or tm.anchor == "end":
                r = Role.CTA
        default = {Role.TITLE: O.Timing(duration_ms=3000), Role.CAPTION: O.Timing(),
                   Role.CTA: O.Timing(duration_ms=3000, anchor="end")}[r]
        return [O.AddText(text=new_text, role=r.value, timing=_timing(c, default) or default,  # type: ignore[arg-type]
                          position=position, size=_size(t), color=color, background=bg)]
    if plural and not any(q.casefold() == s.text.casefold() for q in c.quotes for _, s in existing):
        # "make the captions yellow" / "所有字幕放到顶部": every text of that kind
        if not existing:
            word = {Role.TITLE: "title", Role.CAPTION: "caption", Role.CTA: "call to action"}.get(role, "text")  # type: ignore[arg-type]
            raise _Cannot(f"there is no {word} yet")
        if not any(x is not None for x in (new_text, position, _size(t), color, bg)):
            return None
        counts: dict[Role, int] = {}
        out: list[O.Op] = []
        for r, seg in existing:
            i = counts.get(r, 0)
            counts[r] = i + 1
            out.append(O.UpdateText(target=O.Target(role=r, index=i), text=new_text, position=position,
                                    size=_size(t, seg.size), color=color, background=bg))
        return out
    target = _text_target(c, role)
    cur = _lookup_text(c, target)
    timing = _timing(c, None)
    if timing is None:
        durs = [d for d in P.find_durations(t) if d.ms <= c.tl.duration]
        if durs and _has(r"\bfor\b|\blast|\bstay|\bshow|\bkeep|显示|持续|停留|保持|秒", t) and cur is not None:
            timing = O.Timing(start_ms=cur.start, duration_ms=durs[0].ms)
    if timing is not None and timing.start_ms == 0 and timing.anchor == "start" and timing.duration_ms is None and cur and not _has(r"throughout|whole|entire|全程|整个|从头到尾|始终|一直", t):
        timing = None
    size = _size(t, cur.size if cur else None)
    if not any(x is not None for x in (new_text, position, size, color, bg, timing)):
        return None
    return [O.UpdateText(target=target, text=new_text, position=position, size=size, color=color,
                         background=bg, timing=timing)]


def _lookup_text(c: _Ctx, target: O.Target) -> TextSegment | None:
    segs = [s for _, s in c.text_segs(target.role)]
    if target.name is not None:
        for s in segs:
            if s.text.casefold() == target.name.casefold():
                return s
    if target.index is not None and -len(segs) <= target.index < len(segs):
        return segs[target.index]
    return None


def _h_transition(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    spec = P.parse_transition(t)
    generic = _has(r"\btransitions?\b|转场|过渡|切换效果", t)
    if spec is None and not generic:
        return None
    if spec is None:
        durs = P.find_durations(t)
        if not durs:
            if _has(_REMOVE, t):
                return [O.SetTransition(kind=Transition.CUT)]
            if _has(r"\b(?:smooth|smoother|soft|softer)\b|柔和|平滑", t):
                return [O.SetTransition(kind=Transition.CROSSFADE)]
            return None
        kinds = [s.transition for s in c.main_segs() if s.transition is not Transition.CUT]
        kind = max(set(kinds), key=kinds.count) if kinds else Transition.CROSSFADE
        return [O.SetTransition(kind=kind, duration_ms=durs[0].ms)]
    if spec.transition is not Transition.CUT and _has(_REMOVE + r"|\b(?:turn|switch)\s+off\b|\bno\s+(?:more\s+)?|\bwithout\b|\bdisable\b|不要|去掉|关掉|取消", t):
        return [O.SetTransition(kind=Transition.CUT)]  # "turn off the crossfades"
    target = None
    m = re.search(r"\b(?:into|before|to)\s+(.*)$|(?:到|进入)\s*(.*)$", t)
    if m:
        refs = _find_targets(c, m.group(0))
        if refs:
            target = refs[0].target
    between = re.search(r"\bbetween\s+(.*)$", t)
    if between and target is None:
        refs = _find_targets(c, between.group(1))
        if len(refs) >= 2:
            target = refs[1].target
    ms = spec.duration_ms
    if ms is None and spec.transition is not Transition.CUT:
        near = [d.ms for d in P.find_durations(t) if d.ms <= 5000]
        ms = near[0] if near else None
    return [O.SetTransition(target=target, kind=spec.transition, duration_ms=ms)]


_MOTION_WORDS = [
    (r"\bzoom(?:ing)?\s*in\b|\bpush\s+in\b|放大|推近|推进", Motion.ZOOM_IN),
    (r"\bzoom(?:ing)?\s*out\b|\bpull\s+(?:out|back)\b|缩小|拉远", Motion.ZOOM_OUT),
    (r"\bpan(?:ning)?\s+(?:to\s+the\s+)?left\b|向左(?:平移|移动|摇)", Motion.PAN_LEFT),
    (r"\bpan(?:ning)?\s+(?:to\s+the\s+)?right\b|向右(?:平移|移动|摇)", Motion.PAN_RIGHT),
    (r"\bpan(?:ning)?\s+up\b|向上(?:平移|移动|摇)", Motion.PAN_UP),
    (r"\bpan(?:ning)?\s+down\b|向下(?:平移|移动|摇)", Motion.PAN_DOWN),
]


def _h_motion(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(_TEXT_WORD, t) and not _has(r"\bmotion\b", t) or _has(r"\bslow[\s-]?mo(?:tion)?\b|慢动作", t):
        return None
    want = P.wants_motion(t)
    if want is not False and _has(_REMOVE + r"|\b(?:turn|switch)\s+off\b", t) and _has(r"\b(?:zoom(?:s|ing)?|motion|ken\s+burns|pan(?:s|ning)?|movements?|animations?)\b|动画|动效|缩放", t):
        want = False  # "get rid of all the zooming"
    specific = next((m for rx, m in _MOTION_WORDS if _has(rx, t)), None) if want is not False else None
    if want is None and specific is None and not _has(r"\banimate\b|\bmovement\b|\bmove\s+more\b|动起来|动画|动效", t):
        return None
    if specific is Motion.ZOOM_OUT and _has(r"缩小", t) and not _has(r"图|照片|画面|镜头|motion|效果", t):
        return None
    refs = _find_targets(c)
    target = refs[0].target if refs else None
    if want is False:
        return [O.SetMotion(target=target, motion=Motion.NONE)]
    return [O.SetMotion(target=target, motion=specific or "auto")]


def _h_background(c: _Ctx) -> list[O.Op] | None:
    t = re.sub(_MUSIC, " ", c.t)
    if _has(r"\bblur(?:red|ry)?\b|模糊", t) and _has(r"\bbackground\b|\bbars?\b|\bedges?\b|\bsides?\b|背景|两边|边缘|黑边", t):
        return [O.SetBackground(blur=True)]
    if _has(r"\bbackground\b|背景|底色", t):
        col = _color(t)
        if col:
            return [O.SetBackground(color=col)]
        return None
    if _has(r"\b(?:letterbox(?:ed|ing)?|pillarbox(?:ed)?|fit\s+(?:the\s+)?whole|show\s+the\s+whole|don'?t\s+crop|no\s+crop(?:ping)?|without\s+cropping|uncropped)\b|完整显示|不要裁剪|不裁剪|留黑边", t):
        return [O.SetFit(target=_maybe_target(c), fit=Fit.CONTAIN)]
    if _has(r"\b(?:fill\s+the\s+(?:frame|screen)|crop\s+to\s+fill|no\s+(?:black\s+)?bars|remove\s+the\s+(?:black\s+)?bars|full\s*screen|zoom\s+to\s+fill)\b|填满|铺满|去掉黑边|不要黑边|全屏", t):
        return [O.SetFit(target=_maybe_target(c), fit=Fit.COVER)]
    return None


def _maybe_target(c: _Ctx) -> O.Target | None:
    refs = _find_targets(c)
    return refs[0].target if refs else None


def _h_frame(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    aspect = P.parse_aspect(t)
    res = P.parse_resolution(t)
    if aspect is None and res is None:
        return None
    if aspect is not None and _has(r"\b(?:wipe|slide|pan)\b", t) and not _has(r"\b(?:make|format|ratio|aspect|for)\b", t):
        return None
    return [O.SetFrame(aspect=aspect, resolution=res)]  # type: ignore[arg-type]


def _h_speed(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    m = re.search(r"(?<![\d.])(\d+(?:\.\d+)?|[一二两三四])\s*(?:x|×|倍速?)(?![a-z\d])|(?:speed|速度)\s*(?:of\s+|to\s+|at\s+)?(\d+(?:\.\d+)?)\s*(?:x|×|倍)?", t)
    speed = None
    if m:
        speed = float(P.parse_number(m.group(1) or m.group(2)) or 1)
    elif _has(r"\bhalf[\s-]speed\b|\bslow[\s-]?mo(?:tion)?\b|慢动作|半速|慢放", t):
        speed = 0.5
    elif _has(r"\b(?:double|twice\s+the)\s+speed\b|\btwice\s+as\s+fast\b|两倍速|二倍速", t):
        speed = 2.0
    elif _has(r"\bnormal\s+speed\b|\breal[\s-]?time\b|正常速度|原速", t):
        speed = 1.0
    elif _has(r"\bspeed\s+(?:\w+\s+){0,3}up\b|\bspeed\s*up\b|\bfaster\b|\bquicken\b|加速|快一点|快点|加快", t):
        speed = 1.5
    elif _has(r"\bslow\s+(?:\w+\s+){0,3}down\b|\bslow\s*down\b|\bslower\b|减速|放慢|慢一点|慢点", t):
        speed = 0.5
    if speed is None:
        return None
    if not 0.25 <= speed <= 4:
        raise _Cannot("speed can be between 0.25x and 4x")
    if _has(r"\btransitions?\b|转场|music|音乐", t):
        return None
    refs = _find_targets(c)
    target = refs[0].target if refs else None  # "the clip" / "the video": every clip
    return [O.SetSpeed(target=target, speed=speed)]


def _h_fit_voice(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(rf"\b(?:fit|match|sync|align|adjust|trim|cut|extend|set|make)\b.{{0,40}}(?<![a-z]){_VOICE}(?![a-z])|"
            rf"\bas\s+long\s+as\s+(?:the\s+)?{_VOICE}|\bsame\s+length\s+as\s+(?:the\s+)?{_VOICE}|"
            r"(?:按|根据|配合|匹配|适配|对齐|跟|和|与)\s*(?:旁白|配音|解说)|(?:旁白|配音|解说).{0,6}(?:一样长|等长|长度|对齐)", t):
        if _has(r"\b(?:volume|louder|quieter|%|db)\b|音量|声音大|声音小", t):
            return None
        return [O.FitToVoice()]
    return None


def _h_reverse(c: _Ctx) -> list[O.Op] | None:
    if _has(r"\breverse\s+(?:the\s+)?order\b|\bin\s+reverse\s+order\b|\bbackwards\b|倒序|顺序反过来|反转顺序|颠倒顺序|倒过来", c.t):
        return [O.ReverseOrder()]
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
    refs = _find_targets(c)
    if len(refs) == 1:  # "swap the second image for surf.mp4" is a replacement
        m = re.search(r"\b(?:with|for)\b(.*)$|(?:和|与|跟|换成)(.*)$", c.t)
        asset = _find_asset(c, m.group(0), (AssetKind.IMAGE, AssetKind.VIDEO)) if m else None
        if asset is not None and asset.id not in {s.src for s in c.main_segs()}:
            return [O.ReplaceSource(target=refs[0].target, asset_id=asset.id)]
    flat = [x for r in refs for x in r.all]
    if len(flat) < 2:
        return None
    return [O.SwapSegments(a=flat[0], b=flat[1])]


_END = r"(?:(?:to|at)\s+the\s+(?:very\s+)?(?:end|back|last\s+position)|\blast\b|\bto\s+the\s+end\b|最后|末尾|结尾|最后面|最后一个位置)"
_START = r"(?:(?:to|at)\s+the\s+(?:very\s+)?(?:start|beginning|front|first\s+position)|\bfirst\b|最前|开头|最前面|第一个位置|第一位)"


def _h_move(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    m = re.search(r"\b(?:move|put|place|bring|send|shift|make|stick|pop|slot|shove|bump|drag|chuck|throw|stash|park)\b|(?:放到|移到|挪到|调到|放在|移动到|挪|移)", t)
    if not m:
        return None
    split = re.search(r"\s(?:to|after|before|behind|in\s+front\s+of|at\s+the)\s|放到|移到|挪到|调到|放在|移动到|(?<=[张个段图片])(?:后面|之后|前面|之前)", t[m.end():])
    if not m.group(0).isascii():
        split_at = m.start()
    elif not split:
        if _has(r"\b(?:first|last)\b", t[m.end():]) and len(_find_targets(c)) >= 1:
            split_at = m.end() + (re.search(r"\s(?:first|last)\s*$", t[m.end():]) or re.search(r"$", t[m.end():])).start()  # type: ignore[union-attr]
        else:
            return None
    else:
        split_at = m.end() + split.start()
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
    if re.match(r"\s*(?:after|behind)\b", tail) or re.search(r"(?:后面|之后|后边|后)\s*$", tail):
        refs = _find_targets(c, tail, split_at)
        if refs:
            return [O.MoveSegment(target=target, after=refs[0].target)]
    if re.match(r"\s*(?:before|in\s+front\s+of)\b", tail) or re.search(r"(?:前面|之前|前边|前)\s*$", tail):
        refs = _find_targets(c, tail, split_at)
        if refs:
            return [O.MoveSegment(target=target, before=refs[0].target)]
    if _has(_END, tail):
        return [O.MoveSegment(target=target, to_index=-1)]
    if _has(_START, tail):
        return [O.MoveSegment(target=target, to_index=0)]
    pm = re.search(rf"\bposition\s+(?:number\s+)?({_SMALL_NUM})\b|(?:第\s*([一二三四五六七八九十\d]+)\s*(?:个|张|段)?(?:位置|位)?)|\b({_ORD_EN})\s+(?:position|place|slot)\b|\bthe\s+({_ORD_EN})\b", tail)
    if pm:
        n = P.parse_number(pm.group(1) or pm.group(2) or "") if (pm.group(1) or pm.group(2)) else None
        idx = (int(n) - 1) if n else _ord_index(pm.group(3) or pm.group(4))
        if idx is not None:
            return [O.MoveSegment(target=target, to_index=idx)]
    return None


def _h_replace(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    m = re.search(r"\b(?:replace|swap\s+out|substitute)\b(?P<a>.*?)\b(?:with|by|for)\b(?P<b>.*)$|"
                  r"\buse\b(?P<b2>.*?)\b(?:instead\s+of|in\s+place\s+of|for)\b(?P<a2>.*)$|"
                  r"(?P<a3>.*?)(?:换成|替换成|替换为|换为|改成|改为|替换)(?P<b3>.*)$", t)
    if not m:
        return None
    a = m.group("a") or m.group("a2") or m.group("a3") or ""
    b = m.group("b") or m.group("b2") or m.group("b3") or ""
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
    if asset is None and m.group("b3") is not None and not _has(r"换成|替换", t):
        return None
    if asset is None:
        raise _Cannot("replace it with which file? add it to the project first and name it, e.g. 'replace the second image with surf.mp4'")
    return [O.ReplaceSource(target=target, asset_id=asset.id)]


def _h_add_segment(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(_ADD, t):
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


def _h_remove_segment(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(_REMOVE, t):
        return None
    if _has(r"\b(?:first|last)\s+(?:(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|half)\s*(?:s|sec|secs|seconds?)\b|second\b)|(?:前|后|最后)\s*[\d一二两三四五六七八九十]+\s*秒|\b(?:off|from)\s+the\s+(?:start|beginning|end)\b", t):
        return None  # a trim
    refs = _find_targets(c)
    if refs:
        targets = [x for r in refs for x in r.all]
        return [O.RemoveSegment(target=x) for x in _removal_order(targets)]
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


def _h_trim(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:trim|cut|shave|chop|remove|drop|take)\b|剪掉|裁掉|剪去|去掉|删掉|裁剪|剪", t):
        return None
    durs = P.find_durations(t)
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
    else:
        kind = _generic(c, stripped)
        vids = c.count("video")
        if kind in (None, "", "video") and len(vids) == 1:
            target = O.Target(index=0, kind="video")
        else:
            target = _only(c, kind or None)
    return [O.TrimSegment(target=target, head_ms=ms if head else 0, tail_ms=ms if tail else 0)]


def _h_segment_duration(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    durs = P.find_durations(t)
    each = _has(r"\b(?:each|every|all(?:\s+the)?|per|a)\s+(?:of\s+the\s+)?(?:images?|photos?|pictures?|pics?|stills?|shots?|clips?|slides?)\b|"
                r"\b(?:the\s+|all\s+)?(?:images|photos|pictures|pics|stills|slides)\b(?!\s*\d).{0,30}\beach\b|每张|每个|每段|每一张|所有图片|(?<![前后两二三四五六七八九十\d张])(?:图片|照片|图)(?:都|全都|全部)", t)
    if each and durs:
        kind = "image" if _has(r"images?|photos?|pictures?|pics?|stills?|slides?|张|图", t) else None
        n = len(c.count(kind))
        if n == 0:
            raise _Cannot("there are no images on the timeline")
        return [O.SetSegmentDuration(target=O.Target(index=i, kind=kind), duration_ms=durs[0].ms) for i in range(n)]
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
        absolute = _has(r"\bto\b|到|成|为", t)
        if _has(r"\b(?:longer|more|extend|add)\b|延长|加长|多", t) and cur is not None and not absolute:
            return [O.SetSegmentDuration(target=target, duration_ms=cur.duration + ms)]
        if _has(r"\b(?:shorter|less|shorten|reduce)\b|缩短|减少|少", t) and cur is not None and not absolute:
            return [O.SetSegmentDuration(target=target, duration_ms=max(100, cur.duration - ms))]
        targets = [x for r in refs for x in r.all]
        if len(targets) > 1 and len(durs) == 1:  # "make photo 1 and photo 2 four seconds each"
            return [O.SetSegmentDuration(target=x, duration_ms=ms) for x in targets]
        return [O.SetSegmentDuration(target=target, duration_ms=ms)]
    if cur is not None and _has(r"\blonger\b|延长|长一点|久一点", t):
        return [O.SetSegmentDuration(target=target, duration_ms=cur.duration + 1000)]
    if cur is not None and _has(r"\bshorter\b|缩短|短一点", t):
        return [O.SetSegmentDuration(target=target, duration_ms=max(500, cur.duration - 1000))]
    return None


def _main_seg(c: _Ctx, target: O.Target) -> VideoSegment | None:
    segs = list(c.main_segs())
    if target.kind:
        segs = [s for s in segs if c.asset_kind(s) == target.kind]
    if target.index is not None and -len(segs) <= target.index < len(segs):
        return segs[target.index]
    if target.name is not None:
        hits = [s for s in segs if target.name in s.name.lower()]
        return hits[0] if len(hits) == 1 else None
    if target.at_ms is not None:
        hits = [s for s in segs if s.start <= target.at_ms < s.end]
        return hits[-1] if hits else None
    return None


def _h_total_duration(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    total = c.tl.duration
    durs = P.find_durations(t)
    rel = re.search(r"\b(?:by|more|less|longer|shorter|extra)\b|缩短|延长|加长|减少|增加|多|少", t) and not _has(r"\bto\b|到|成|为", t)
    if durs and rel and _has(r"\b(?:shorter|shorten|less|cut|trim|reduce)\b|缩短|减少|少", t):
        return [O.SetTotalDuration(duration_ms=max(1000, total - durs[0].ms))]
    if durs and rel and _has(r"\b(?:longer|lengthen|extend|more|extra|add)\b|延长|加长|增加|多", t):
        return [O.SetTotalDuration(duration_ms=total + durs[0].ms)]
    ms = P.parse_duration_ms(t)
    if ms is not None:
        return [O.SetTotalDuration(duration_ms=ms)]
    if durs and _has(r"\b(?:length|long|duration|make\s+it|shorten|cut\s+(?:it\s+)?down|trim\s+(?:it\s+)?(?:down\s+)?to)\b|时长|长度|总长|改成|变成|缩短到|剪到", t):
        return [O.SetTotalDuration(duration_ms=durs[0].ms)]
    if _has(r"\b(?:make\s+it|the\s+video|video)\s+(?:a\s+(?:bit|little)\s+)?shorter\b|\bshorten\s+(?:it|the\s+video)\b|短一点|缩短一些|缩短视频|视频短一点", t):
        return [O.SetTotalDuration(duration_ms=max(1000, round(total * 0.8 / 1000) * 1000))]
    if _has(r"\b(?:make\s+it|the\s+video|video)\s+(?:a\s+(?:bit|little)\s+)?longer\b|\blengthen\s+(?:it|the\s+video)\b|长一点|延长一些|延长视频|视频长一点", t):
        return [O.SetTotalDuration(duration_ms=round(total * 1.25 / 1000) * 1000)]
    return None


# -- AI features (the session runs the models; these emit requests) ------------------------------
_CAPTION_NOUN = r"(?:captions?|subtitles?|subs|closed[\s-]captions?|cc)\b|字幕"


def _language(t: str) -> str | None:
    if _has(r"\b(?:in\s+)?(?:chinese|mandarin)\b|中文|普通话|汉语|国语", t):
        return "zh"
    if _has(r"\b(?:in\s+)?english\b|英文|英语", t):
        return "en"
    return None


def _h_auto_captions(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(_CAPTION_NOUN, t) or c.quotes or _has(r"\b(?:say(?:s|ing)?|reads?|that\s+says)\b", t):
        return None
    if _has(_REMOVE, t) or _has(r"\b(?:make|move|change|restyle|colou?r|bigger|smaller|larger)\b|改成|改为|放到|移到|调大|调小", t):
        return None
    auto = _has(r"\b(?:auto(?:matic)?(?:ally)?|generate|transcribe|burn(?:ed)?[\s-]?in|from\s+the\s+(?:speech|voice\w*|audio|narration))\b|自动|生成|识别|语音转", t)
    adding = _has(r"\b(?:add|put|turn\s+on|enable|include|show|want|need|with|give\s+it|caption\s+(?:it|the))\b|加上?|添加|加个|配上|打开|开启|显示|要", t)
    bare = re.fullmatch(r"(?:auto(?:matic)?[\s-]?)?(?:captions?|subtitles?|subs|cc)(?:\s+please)?|(?:自动)?字幕", t.strip(" .!。！")) is not None
    if not (auto or adding or bare):
        return None
    return [O.AutoCaptions(language=_language(t))]


_RX_SCRIPT_FILE = re.compile(r"(?<![\w/.-])([\w./\\-]+\.(?:txt|md))\b", re.I)


def _h_voiceover(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    voice = _has(r"\b(?:voice[\s-]?over|voice|narration|narrator|narrate|narrates|vo|tts|text[\s-]to[\s-]speech|read\s+(?:\w+\s+){0,3}?(?:out\s+loud|out|aloud))\b|配音|旁白|解说|口播|朗读|念", t)
    speak = _has(r"\b(?:say(?:s|ing)?|speak(?:s|ing)?|read(?:s|ing)?|narrat(?:e|es|ing)|announc(?:e|es|ing)|from|with\s+the\s+(?:script|text))\b|说|念|读|朗读|配音|旁白", t)
    if not voice or not speak:
        return None
    if _has(r"\b(?:volume|louder|quieter|fade|duck|mute|remove|delete|replace)\b|音量|删除|去掉|淡入|淡出", t):
        return None
    captions = _has(_CAPTION_NOUN, t)
    lang = _language(t)
    m = _RX_SCRIPT_FILE.search(c.raw)
    if m and not c.quotes:
        return [O.Voiceover(script_file=m.group(1), language=lang, captions=captions)]
    if not c.quotes:
        if _has(r"\b(?:add|make|generate|create)\b|加|添加|生成", t) and _has(r"\bsay(?:s|ing)?\b|说", t):
            raise _Cannot("what should the voice say? put it in quotes, e.g. add a voiceover saying \"Fresh coffee every morning\"")
        return None
    text = " ".join(c.quotes)
    return [O.Voiceover(text=text, language=lang, captions=captions)]


def _h_reframe(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(r"\b(?:cent(?:er|re)[\s-]?crop(?:ped|ping)?|crop\s+(?:from|in|at|to)\s+the\s+(?:cent(?:er|re)|middle)|"
            r"(?:no|turn\s+off|disable|without|stop)\s+(?:the\s+)?smart\s+(?:crop|reframe|reframing)(?:ping)?|"
            r"plain\s+crop)\b|居中裁剪|中心裁剪|关闭智能裁剪|不要智能裁剪", t):
        return [O.SmartReframe(on=False)]
    if _has(r"\bsmart[\s-]?(?:crop|reframe|reframing|framing|cropping)\b|\bauto[\s-]?(?:reframe|crop)\b|"
            r"\bkeep\s+(?:the\s+|my\s+|our\s+)?(?:subjects?|faces?|people|person|products?|main\s+subject)\s+(?:in\s+(?:the\s+)?(?:frame|shot|view|picture)|visible|centred|centered)\b|"
            r"\b(?:follow|track)\s+the\s+(?:subject|face|person|product)\b|\bcrop\s+(?:around|to)\s+the\s+(?:subject|face|faces|person|product)\b|"
            r"\bdon'?t\s+cut\s+off\s+(?:the\s+)?(?:faces?|heads?|subject|product)\b|智能裁剪|智能构图|智能重构|主体.{0,6}(?:画面|居中|保留)|人脸.{0,4}(?:画面|居中)|不要裁掉.{0,4}(?:人脸|脸|主体|产品)", t):
        return [O.SmartReframe(on=True)]
    return None


def _h_beats(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if _has(r"\b(?:cut|cuts|edit|sync|synced|time|timed|switch|change|match|align)\b.{0,30}\b(?:to|on|with)\s+(?:the\s+)?(?:beats?|rhythm|tempo|music'?s?\s+beat)\b|"
            r"\bbeat[\s-]?(?:sync(?:ed)?|matched|cut|cuts)\b|\b(?:match(?:es|ing)?|follow(?:s|ing)?|hit(?:s|ting)?)\s+(?:the\s+)?(?:beats?|rhythm|tempo)\b|\b(?:sync|time|match|align)\b.{0,20}\b(?:cuts|changes|shots|pictures|images|edits)\b.{0,12}\b(?:to|with)\s+(?:the\s+)?music\b|\bon\s+the\s+beat\b|\bto\s+the\s+beat\b|"
            r"卡点|踩点|跟着?(?:音乐)?节奏|节拍|按节奏", t):
        return [O.CutToBeat()]
    return None


def _h_highlight(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:best|most\s+(?:exciting|interesting|active|dynamic|action[\s-]packed)|highlights?|action[\s-]packed|liveliest)\b|精彩|高光|最好看|最有趣|最动感", t):
        return None
    if _has(r"\b(?:music|song|title|text|caption|transition)\b|音乐|标题|字幕", t):
        return None
    seconds = None
    durs = P.find_durations(t)
    if durs:
        seconds = durs[0].ms / 1000
    target = None
    stripped = t
    for d in reversed(durs):
        stripped = stripped[:d.start] + " " + stripped[d.end:]
    refs = _find_targets(c, stripped)
    if refs:
        target = refs[0].target
    else:
        vids = c.count("video")
        if not vids:
            raise _Cannot("there are no video clips to take highlights from")
        if len(vids) == 1:
            target = O.Target(index=0, kind="video")
        elif seconds is not None or _generic(c, stripped) not in (None, ""):
            target = _only(c, "video")
    return [O.UseHighlight(target=target, seconds=seconds)]


def _h_silence(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:silence|silences|silent\s+(?:parts?|bits?|gaps?|start|end|head|tail)|dead\s+air|pauses?\s+at\s+the\s+(?:start|end))\b|静音|空白|停顿", t):
        return None
    if not _has(r"\b(?:trim|cut|remove|drop|strip|delete|get\s+rid\s+of|skip)\b|去掉|剪掉|删掉|去除|裁掉", t):
        return None
    role = "music" if _audio_role(t) == "music" else "voice"
    return [O.TrimSilence(role=role)]  # type: ignore[arg-type]


def _h_brand(c: _Ctx) -> list[O.Op] | None:
    t = c.t
    if not _has(r"\b(?:brand(?:ing|ed)?|brand[\s-]?kit)\b|品牌", t):
        return None
    if _has(r"\blogo\b", t) and not _has(r"\bbrand(?:ing)?\s*kit\b|\bmy\s+brand\b", t):
        return None
    m = re.search(r"(?<![\w/.-])([\w./\\-]+\.(?:ya?ml|json))\b", c.raw, re.I)
    return [O.UseBrand(path=m.group(1) if m else None)]


def ai_requests(instruction: str, timeline: Timeline, *, library: Sequence[Asset] = ()) -> list[O.Op]:
    """The AI-feature requests in a first-cut prompt ("30-second promo with captions, cut to the
    beat"): voiceover, captions, beat sync, brand — in that order. Other words are ignored
    (the composer reads them)."""
    masked, quotes = _mask(instruction.strip())
    found: list[O.Op] = []
    for piece in _clauses(masked):
        c = _ctx(piece, quotes, timeline, tuple(library) or tuple(timeline.assets), ())
        for h in (_h_voiceover, _h_auto_captions, _h_beats, _h_brand):
            try:
                ops = h(c)
            except (_Cannot, _Ambiguous):
                ops = None
            if ops:
                found += [o for o in ops if o not in found]
                break
    order = {O.Voiceover: 0, O.AutoCaptions: 1, O.CutToBeat: 2, O.UseBrand: 3}
    found.sort(key=lambda o: order.get(type(o), 9))
    if any(isinstance(o, O.Voiceover) for o in found):
        found = [o for o in found if not isinstance(o, O.AutoCaptions)] if any(
            isinstance(o, O.Voiceover) and o.captions for o in found) else found
    return found


_HANDLERS: tuple[Handler, ...] = (
    _h_brand, _h_silence, _h_voiceover, _h_auto_captions, _h_reframe, _h_beats, _h_highlight,
    _h_logo, _h_music_track, _h_duck, _h_fade, _h_clip_audio, _h_volume, _h_fit_voice, _h_text,
    _h_transition, _h_background, _h_motion, _h_speed, _h_reverse, _h_reorder, _h_swap, _h_replace, _h_move,
    _h_add_segment, _h_trim, _h_remove_segment, _h_segment_duration, _h_frame, _h_total_duration,
)


# ---------------------------------------------------------------------------------------------
_QUOTE_RX = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”|「([^」\n]+)」|『([^』\n]+)』|《([^》\n]+)》|‘([^’\n]+)’|(?<![A-Za-z0-9_'])'([^'\n]*\S)'(?![A-Za-z0-9_])")
_SPLIT_RX = re.compile(r"\s*(?:[,;，；。!！]+\s*(?:and\s+|then\s+|also\s+|然后|并且|再|并|同时)?|\s+and\s+then\s+|\s+then\s+|\s+and\s+also\s+|\s+and\s+(?!(?:\d|one|two|three|four|five|six)\b)|\s+also\s+|然后|并且|同时|另外)\s*", re.I)


def _mask(text: str) -> tuple[str, list[str]]:
    quotes: list[str] = []

    def sub(m: re.Match[str]) -> str:
        quotes.append(next(g for g in m.groups() if g is not None).strip())
        return f"\x00{len(quotes) - 1}\x00"

    return _QUOTE_RX.sub(sub, text), quotes


def _clauses(masked: str) -> list[str]:
    parts = [p for p in _SPLIT_RX.split(masked) if p and p.strip(" ,.;，。；")]
    return parts or [masked]


def _ctx(piece: str, quotes: list[str], tl: Timeline, library: tuple[Asset, ...], new: tuple[Asset, ...]) -> _Ctx:
    files = {a.name.lower() for a in (*library, *tl.assets) if a.name}
    idx = [int(i) for i in re.findall(r"\x00(\d+)\x00", piece)]
    qs = [quotes[i] for i in idx if quotes[i].lower() not in files]
    raw = re.sub(r"\x00(\d+)\x00", lambda m: f'"{quotes[int(m.group(1))]}"', piece)
    # a quoted file name is media ("add 'surf.mp4' after …"); other quotes are text
    t = re.sub(r"\x00(\d+)\x00", lambda m: f" {quotes[int(m.group(1))]} " if quotes[int(m.group(1))].lower() in files
               else " «q» ", piece)
    t = P.normalize(t)
    # mixed Chinese and English ("把title改成…", "music调到30%"): English words get their word boundaries
    t = re.sub(r"(?<=[\u4e00-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u4e00-\u9fff])", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    return _Ctx(raw=raw, t=t, quotes=qs, tl=tl, library=library, new_assets=new, zh=P.is_chinese(piece))


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

    @property
    def ok(self) -> bool:
        return bool(self.ops)


def _run(piece: str, quotes: list[str], tl: Timeline, lib: tuple[Asset, ...], new: tuple[Asset, ...]) -> _Result:
    c = _ctx(piece, quotes, tl, lib, new)
    r = _Result(text=c.raw)
    try:
        r.ops = _plan_clause(c)
    except _Ambiguous as exc:
        r.question = str(exc)
    except _Cannot as exc:
        r.cannot = str(exc)
    return r


def _run_remembering(piece: str, quotes: list[str], tl: Timeline, lib: tuple[Asset, ...], new: tuple[Asset, ...],
                     mem: M.Memory, in_turn: bool) -> _Result:
    """Plan a clause, reading it against the conversation memory: a follow-up ("and the next one
    too", "put it back"), or "it" meaning the thing last referred to."""
    zh = P.is_chinese(piece)
    raw = _ctx(piece, quotes, tl, lib, new).raw
    if not mem.empty:
        def find(ref: str) -> list[O.Target]:
            return [x for r in _find_targets(_ctx(ref, quotes, tl, lib, new)) for x in r.all]

        got = M.follow_up(P.normalize(re.sub(r"\x00\d+\x00", " ", piece)), mem, tl, lib, find, zh)
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
    if not r.ok and swapped is not None and not in_turn:
        r2 = _run(swapped, quotes, tl, lib, new)
        if r2.ok:
            r2.text = raw
            return r2
    return r


def plan_edit(instruction: str, timeline: Timeline, *, library: Sequence[Asset] = (),
              new_assets: Sequence[Asset] = (), memory: M.Memory | dict | None = None) -> EditPlan:
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
    masked, quotes = _mask(instruction.strip())
    if not masked.strip():
        return _unknown([], [], zh=zh)
    masked, fixes = T.correct(masked, [a.name for a in (*lib, *timeline.assets) if a.name])
    whole = _reorder_by_names(masked, timeline, lib) if "\x00" not in masked else None
    if whole:
        names = {a.id: a.name for a in (*lib, *timeline.assets)}
        main = timeline.track(Role.MAIN)
        shots = [main.segments[i].name for i in whole[0].order] if main else []  # type: ignore[union-attr]
        reply = ("新的顺序：" + "、".join(shots) + "。") if zh else ("New order: " + ", ".join(shots) + ".")
        return EditPlan("ok", tuple(whole), reply + _typo_note(fixes, zh), tuple(O.describe(o, names) for o in whole),
                        fixes=tuple(f"{f.wrong}->{f.right}" for f in fixes),
                        memory=M.remember(mem, whole, timeline, lib).to_dict())
    pieces = _clauses(masked)
    seps = _SPLIT_RX.findall(masked)
    results: list[_Result] = []
    joined: list[str] = []
    turn_mem = mem
    turn_ops: list[O.Op] | None = None  # the last clause's ops, remembered when a later clause refers back
    in_turn = False
    for i, piece in enumerate(pieces):
        if results and results[-1].ok and _bare_value(piece):
            # "…transitions, 1 second" / "…quieter, about 20%": a bare value belongs to the clause before
            sep = seps[i - 1] if i - 1 < len(seps) else " "
            m = _run(joined[-1] + sep + piece, quotes, timeline, lib, new)
            if m.ok and O.dump_ops(m.ops or []) != O.dump_ops(results[-1].ops or []):
                results[-1] = m
                joined[-1] = joined[-1] + sep + piece
                continue
            if not re.search(r"(?:seconds?|secs?|\d\s*s|minutes?|mins?|秒|分钟)\s*(?:long)?\s*[.!。！]?\s*$", P.normalize(piece)):
                # a stray value ("0:12", "20%") after a clause it does not fit: ask, do not guess
                results.append(_Result(text=_ctx(piece, quotes, timeline, lib, new).raw))
                joined.append(piece)
                continue
            # "make it vertical, 30 seconds": a length on its own is the video's length
        if turn_ops is not None and M.may_refer(piece):
            turn_mem = M.remember(mem, turn_ops, timeline, lib)
            turn_ops = None
        r = _run_remembering(piece, quotes, timeline, lib, new, turn_mem, in_turn)
        if not r.ok and results and results[-1].ok and _complete(results[-1].ops or []) \
                and (verb := _lead_verb(joined[-1])) and not _lead_verb(piece) \
                and _find_targets(_ctx(piece, quotes, timeline, lib, new)):
            # "put the beach photo first and the shoe photo last": the second part has its own target
            r2 = _run_remembering(f"{verb} {piece}", quotes, timeline, lib, new, turn_mem, in_turn)
            if r2.ok:
                r2.text = r.text
                r = r2
        if results and (not r.ok or not results[-1].ok):
            sep = seps[i - 1] if i - 1 < len(seps) else " "
            merged_text = joined[-1] + sep + piece
            m = _run(merged_text, quotes, timeline, lib, new)
            contributes = m.ok and (not results[-1].ok or O.dump_ops(m.ops or []) != O.dump_ops(results[-1].ops or []))
            if contributes or (m.question and not r.ok) or (m.cannot and not r.ok and not results[-1].ok):
                results[-1] = m
                joined[-1] = merged_text
                if m.ok:
                    turn_ops = list(m.ops or [])
                continue
        if not r.ok and results and results[-1].ok and (verb := _lead_verb(joined[-1])) and not _lead_verb(piece):
            # "remove the voiceover and the music", "put the beach photo first and the shoe photo last"
            r2 = _run_remembering(f"{verb} {piece}", quotes, timeline, lib, new, turn_mem, in_turn)
            if r2.ok:
                r2.text = r.text
                r = r2
        if r.ok and results and results[-1].ok:
            r.ops = _onto_new_text(results[-1].ops or [], r.ops or [])
        results.append(r)
        joined.append(piece)
        if r.ok:
            turn_ops = list(r.ops or [])
            in_turn = True
    ops = _tidy([op for r in results for op in (r.ops or [])])
    names = {a.id: a.name for a in (*lib, *timeline.assets)}
    understood = [O.describe(op, names) for op in ops]
    fixed = tuple(f"{f.wrong}->{f.right}" for f in fixes)
    questions = [r.question for r in results if r.question]
    if questions:
        return EditPlan("ambiguous", (), questions[0], tuple(understood), fixes=fixed)
    problems = [r for r in results if not r.ok]
    if problems and not ops:
        plan = _unknown(understood, problems, zh=zh)
        return EditPlan(plan.status, (), plan.reply + _typo_note(fixes, zh), plan.understood, fixes=fixed)
    memory_out = M.remember(mem, ops, timeline, lib).to_dict()
    skipped = tuple(p.text.strip() for p in problems)
    if zh:
        reply = "；".join(O.describe_zh(op, names) for op in ops) + "。"
    else:
        reply = "; ".join(understood)
        reply = reply[:1].upper() + reply[1:] + "."
    if problems:
        reply += " " + _skipped_note(problems, zh)
    reply += _typo_note(fixes, zh)
    return EditPlan("ok", tuple(ops), reply, tuple(understood), skipped=skipped, fixes=fixed, memory=memory_out)


_LEAD_VERB = re.compile(r"^\s*(?:please\s+)?(put|move|make|remove|delete|drop|swap|mute|unmute|set|change|turn|add|place|"
                        r"show|speed\s+up|slow\s+down|fade|lower|raise|zoom\s+in\s+on|zoom\s+out\s+on)\b", re.I)


def _complete(ops: list[O.Op]) -> bool:
    """Every shot these ops name is named in full (by name, or a position with its kind): the clause
    did not leave a bare ordinal for the next one to finish ("delete the first and second images")."""
    ts = [t for o in ops for t in M.targets_of(o)]
    return bool(ts) and all(t.role is not Role.MAIN or t.name or t.id or (t.index is not None and t.kind) for t in ts)


def _lead_verb(piece: str) -> str | None:
    m = _LEAD_VERB.match(piece)
    return m.group(1) if m else None


def _onto_new_text(before: list[O.Op], ops: list[O.Op]) -> list[O.Op]:
    """"add 'Sale' at the top and make it red": "it" is the text just added, not the old title."""
    added = [o for o in before if isinstance(o, O.AddText)]
    if not added:
        return ops
    a = added[-1]
    out = []
    for o in ops:
        if isinstance(o, O.UpdateText) and o.target == O.UpdateText.model_fields["target"].default and o.text is None:
            o = o.model_copy(update={"target": O.Target(role=Role(a.role), name=a.text)})
        out.append(o)
    return out


def _typo_note(fixes: list[T.Correction], zh: bool) -> str:
    s = T.said(fixes, zh)
    return f" {s}" if s and not zh else s


def _skipped_note(problems: list[_Result], zh: bool) -> str:
    cannot = [p.cannot for p in problems if p.cannot]
    lost = [p.text.strip() for p in problems if not p.cannot]
    parts = []
    if zh:
        if lost:
            parts.append("没有理解" + "、".join(f"「{x}」" for x in lost) + "，这部分没有修改。")
        parts += [c + "。" for c in cannot]
        return "".join(parts)
    if lost:
        parts.append("I did not understand " + ", ".join(f"'{x}'" for x in lost) + ", so that part was left out.")
    parts += [c[:1].upper() + c[1:] + "." for c in cannot]
    return " ".join(parts)


_BARE_FILLER = re.compile(r"\b(?:about|around|roughly|approximately|approx|maybe|like|say|please|just|only|each|long|"
                         r"or\s+so|ish)\b|大约|大概|左右|差不多|吧|就|请|[~≈]")


def _bare_value(piece: str) -> bool:
    """True when the clause is only a value: "1 second", "about 20%", "-6 dB", "三秒"."""
    t = P.normalize(piece)
    rest = t
    for d in reversed(P.find_durations(t)):
        rest = rest[:d.start] + " " + rest[d.end:]
    rest = re.sub(r"[+-]?\s*\d+(?:\.\d+)?\s*(?:%|percent|db|decibels?|x|分贝)|百分之\S+", " ", rest)
    rest = _BARE_FILLER.sub(" ", rest)
    return rest != t and not re.sub(r"[\s,.;!?，。；！？]+", "", rest)


def _tidy(ops: list[O.Op]) -> list[O.Op]:
    """Drop repeated ops and merge neighbouring frame changes ("720p and vertical")."""
    out: list[O.Op] = []
    for op in ops:
        if out and op == out[-1]:
            continue
        if out and isinstance(op, O.SetFrame) and isinstance(out[-1], O.SetFrame):
            prev = out[-1]
            out[-1] = O.SetFrame(aspect=op.aspect or prev.aspect, resolution=op.resolution or prev.resolution)
            continue
        added = next((i for i, o in enumerate(out) if isinstance(o, O.AddText) and isinstance(op, O.UpdateText)
                      and op.target.name == o.text and op.target.role.value == o.role), None)
        if added is not None and isinstance(op, O.UpdateText):  # "add 'Sale' … and make it red": one new text
            a = out[added]
            upd = {k: getattr(op, k) for k in ("text", "position", "size", "color", "background", "timing")
                   if getattr(op, k) is not None}
            out[added] = a.model_copy(update=upd)
            continue
        out.append(op)
    return out


def _unknown(understood: list[str], problems: list[_Result], *, zh: bool = False) -> EditPlan:
    cannot = [p.cannot for p in problems if p.cannot]
    lost = [p.text.strip() for p in problems if not p.cannot]
    parts = [cannot[0][:1].upper() + cannot[0][1:] + "."] if cannot else []
    if zh:
        if lost:
            parts.append("没有理解" + "、".join(f"「{x}」" for x in lost) + "。")
        if understood:
            parts.append("已理解：" + "；".join(understood) + "，但为稳妥起见没有做任何修改。")
        else:
            parts.append("没有做任何修改。")
        parts.append("可以这样说：" + " · ".join(CAPABILITIES_ZH))
        return EditPlan("unknown", (), " ".join(parts), tuple(understood))
    if lost:
        parts.append("I did not understand " + ", ".join(f"'{x}'" for x in lost) + ".")
    if understood:
        parts.append("I understood: " + "; ".join(understood) + " — but changed nothing, to be safe.")
    else:
        parts.append("Nothing was changed.")
    parts.append("I can change: " + " · ".join(CAPABILITIES))
    return EditPlan("unknown", (), " ".join(parts), tuple(understood))
