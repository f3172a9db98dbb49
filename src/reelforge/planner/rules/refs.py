"""What an instruction points at, and the clause it is read in.

The vocabulary of shots ("the second image", "photos 2 to 4", "the one before last", "第三张",
"the one after the clip", names with or without extensions), the clause context `_Ctx`, and the
splitting of an instruction into clauses with its quotes masked. Used by every handler.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reelforge.planner import numerals as N
from reelforge.planner import ops as O
from reelforge.planner import parse as P
from reelforge.planner import time_words as TW
from reelforge.planner.facts import typed_facts
from reelforge.planner.quotes import CURLY_QUOTED, SINGLE_QUOTED
from reelforge.planner.zh_nouns import zh_patterns
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    Role,
    TextSegment,
    Timeline,
    VideoSegment,
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
_NOUN_VID = r"(?:video[\s-]?clips?|videos|footage|movies?|time[\s-]?lapses?|slo[\s-]?mo|video(?!\s+(?:length|duration)))"
_NOUN_ANY = r"(?:clips?|shots?|segments?|scenes?|ones?|items?)"
_NOUN = rf"(?:{_NOUN_VID}|{_NOUN_IMG}|{_NOUN_ANY})"
_SMALL_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"

_RX_ORD = re.compile(rf"\b(?:the\s+)?(?P<ord>{_ORD_FULL})\b(?:\s+(?P<noun>{_NOUN}))?")
_RX_NUMBERED = re.compile(rf"\b(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clip|shot|segment|scene|slide)\s*(?:number\s+|no\.?\s*|#\s*)?(?P<num>{_SMALL_NUM})\b(?!\s*(?:s\b|sec|second|%|x\b|db))")
# "the middle photo", "中间那张": the one in the middle of its kind (asked when there are two)
_RX_MIDDLE = re.compile(rf"\b(?:the\s+)?(?:very\s+)?(?:middle|center|centre|central)\s+(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clip|shot|segment|scene|one)\b"
                        r"|(?:最)?中间\s*(?:的|那|这)?\s*(?:一)?\s*(?:(?P<cl>张|个|段|幅)\s*(?P<zn>图片|图|照片|视频|片段|镜头)?|(?P<zn2>图片|照片|视频|片段|镜头))")
_RX_GROUP = re.compile(rf"\b(?:the\s+)?(?P<end>first|last|final|opening)\s+(?P<n>two|three|four|five|six|\d+)"
                       rf"(?:\s+(?P<noun>{_NOUN})|(?=\s*$|\s*[,.;!]|\s+(?:and|but|only|too|as\s+well)\b))")  # "… but the first two"
_RX_ZH_GROUP = re.compile(r"(?P<end>前|最后|后)\s*(?P<n>[两二三四五六\d])\s*(?P<cl>张|个|段|幅)\s*(?P<noun>图片|图|照片|片段|视频|镜头)?")
_RX_LIST = re.compile(rf"\b(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clips|shots|segments|scenes)\s+(?P<nums>{_SMALL_NUM}(?:\s*(?:,|and|&)\s*{_SMALL_NUM})+)\b(?!\s*(?:s\b|secs?\b|seconds?\b|%|:))")
_RX_SPAN_REF = re.compile(rf"\b(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clips|shots|segments|scenes)\s+(?P<a>{_SMALL_NUM})\s*(?:to|through|thru|-|–)\s*(?P<b>{_SMALL_NUM})\b(?!\s*(?:s\b|secs?\b|seconds?\b|%|:))")
_RX_ZH_SPAN_REF = re.compile(r"第\s*(?P<a>[一二两三四五六七八九十\d]+)\s*(?:张|个|段|幅)?\s*(?:到|至|-)\s*第?\s*(?P<b>[一二两三四五六七八九十\d]+)\s*(?P<cl>张|个|段|幅)\s*(?P<noun>图片|图|照片|片段|视频|镜头)?")
# "the one after the clip", "the shot before the beach photo": a neighbour of another reference
_RX_NEIGHBOUR = re.compile(r"\bthe\s+(?:one|shot|image|photo|picture|pic|segment|scene|slide)\s+(?:right\s+|just\s+|directly\s+|immediately\s+)?(?P<rel>after|before|following|preceding)\s+")
# "the photos after the clip", "all the shots before the beach photo": every one of that kind on that side
# ("the two photos after the clip": the nearest two; "everything after the flowers": every shot there,
# it removed the flowers)
_RX_NEIGHBOURS = re.compile(r"\b(?:(?:all\s+)?the\s+(?:(?P<n>two|three|four|five|six|\d)\s+)?(?P<noun>ones|shots|images|photos|pictures|"
                            r"pics|segments|scenes|slides|clips)|(?P<every>everything|anything|(?:all\s+)?the\s+rest|"
                            r"whatever(?:\s+comes)?))\s+(?:right\s+|just\s+|directly\s+|immediately\s+)?"
                            r"(?P<rel>after|before|following|preceding)\s+")
_RX_MORE_AT = re.compile(r"\s*(?:,|and|&|和|、)\s*(?P<tv>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds|秒)\b)")
_RX_AT = re.compile(r"\b(?:at|@)\s+(?P<tv>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds)\b)")
_ZH_ORD = r"(?:倒数第\s*[一二两三四五六七八九十\d]+|第\s*[一二两三四五六七八九十\d]+|最后|最後|末|头|首)"
_RX_ZH = re.compile(rf"(?P<ord>{_ZH_ORD})\s*一?\s*(?P<cl>张|个|段|幅|条|帧|部)?\s*(?P<noun>图片|图|照片|相片|片段|视频|镜头|画面|素材|场景)?")
_RX_ZH_AT = re.compile(r"(?:在\s*)?(?P<tv>\d{1,2}:[0-5]\d|\d+(?:\.\d+)?\s*秒)\s*(?:(?:处|时|的地方|那里|位置)(?:的)?|的(?=片段|镜头|图片|画面|照片))")
_RX_GENERIC = re.compile(rf"\b(?:the|this|that|a|an)\s+(?P<noun>{_NOUN_VID}|{_NOUN_IMG}|clip|shot|segment|scene)\b(?!\s*(?:number|no\.|#|\d+(?!\.?\d*\s*(?:s\b|secs?\b|seconds?\b|%|x\b|秒))))")
_RX_ZH_GENERIC = re.compile(r"(?:这|那)\s*(?:张|个|段|幅)\s*(?P<noun>图片|图|照片|视频|片段|镜头)?|(?<![第一二三四五六七八九十\d])(?P<noun2>图片|照片|视频片段)")

_MUSIC = r"(?:background\s+music|music|bgm|soundtrack|song|backing\s+track|背景音乐|背景乐|音乐|配乐|歌曲|歌)"
_VOICE = r"(?:voice[\s-]?over|voice|narration|narrator|vo|旁白|配音|解说|人声|口播)"
_CLIPSOUND = r"(?:(?:clip|video|footage)(?:'s|s')?\s+(?:own\s+)?(?:sound|audio)|(?:sound|audio)\s+(?:of|from|in)\s+the\s+(?:video\s+)?clips?|original\s+(?:sound|audio)|clip\s+audio|原声|视频声音|片段声音|视频的声音)"
_TEXT_WORD = r"(?:titles?|headlines?|headings?|captions?|subtitles?|texts?|overlays?|cta|call[\s-]to[\s-]action|tagline|slogan|labels|names|标题|字幕|文字|文案|口号|行动号召)"
_ADD = r"(?:\badd(?:ing)?\b|\binsert\b|\bput\b|\bappend\b|\binclude\b|\bplace\b|\bshow\b|\bdisplay\b|\bwrite\b|添加|加上|加入|插入|加个|加一个|加一段|加|新增|放上(?![面边方])|写上|显示)"
_REMOVE = r"(?:\bremove\b|\bdelete\b|(?<!\bthe\s)(?<!\ba\s)(?<!\bhit\s)(?<!\bhits\s)\bdrop\b(?!\s+(?:is|hits|comes|kicks|starts|at)\b)|\bget\s+rid\s+of\b|\btake\s+(?:out|away|off)\b|\bcut\s+out\b|\bkill\b|\bditch\b|\blose\b|\bbin\b|\bscrap\b|\btrash\b|\btoss\b|\bnuke\b|\byank\b|\baxe\b|\bnix\b|\bchop\b|\bget\s+(?:\w+\s+){1,3}off\b|\bget\s+(?:\w+\s+){1,3}(?:outta|out\s+of)\s+(?:here|there)\b|\bkick\s+out\b|\boff\s+(?:the\s+)?screen\b|\bno\s+more\b|删除|删掉|去掉|去除|移除|拿掉|不要|取消|删了|删)"
# "less music", "more voice": the level of that sound
_SOUND_NOUN = r"(?=(?:of\s+)?(?:the\s+)?(?:background\s+)?(?:music|bgm|song|voice|voiceover|voice-over|narration|narrator)\b)"
_LOUDER = r"(?:\bmore\s+" + _SOUND_NOUN + r"|too\s+(?:quiet|soft|low|faint)|" \
    r"\b(?:is|'s|sounds?|seems?)\s+(?:(?:kinda|kind\s+of|a\s+(?:bit|little)|pretty|really|very|way|super|so)\s+)?(?:quiet|soft|faint|weak)\b|hard\s+to\s+hear|can'?t\s+(?:really\s+)?hear|barely\s+(?:hear|audible)|听不清|听不见|太小声|声音太小|louder|raise|increase|boost|turn\s+up|up\b|higher|more\s+volume|大声|调大|增大|提高|加大|大一点|大点|响一点|响亮)"
_QUIETER = r"(?:\bless\s+" + _SOUND_NOUN + r"|\bdrop(?=\s+(?:the\s+)?(?:\w+\s+)?(?:volume|level)\b)|(?:别|不要|不用|没)(?:那么|这么|太)?(?:大声|响|吵)|quieter|lower|reduce|decrease|turn\s+down|down\b|softer|less\s+loud|not\s+so\s+loud|too\s+loud|\b(?:is|'s|are|sounds?|seems?)\s+(?:(?:kinda|kind\s+of|a\s+(?:bit|little|tad)|pretty|really|very|way|super|so|quite|rather|fairly|bit)\s+)?loud\b(?!er)|\b(?:make|keep|have|put|set|want|need)\b[^,.;]{0,30}?\b(?:very|really|super|nice\s+and|extra|quite|real)\s+(?:quiet|soft|low)\b|(?:volume|level)\s+(?:is\s+)?(?:way\s+|a\s+bit\s+)?too\s+high|调小|减小|降低|小一点|小点|轻一点|小声|太吵|太大声|低一点|调低)"


def _check_time(c: _Ctx, text: str | None = None) -> None:
    """Raise `_Cannot` when the clause places something at a time past the video's end ("at
    99999999:00") or at something that is not a time ("from 1e30s to 1e31s"): said, never clamped to
    the end or read as "throughout"."""
    bad = TW.time_past_end(c.t if text is None else text, c.tl.duration)
    if bad is None:
        return
    total = f"{c.tl.duration / 1000:g}s"
    if re.search(r"\de", bad):
        raise _Cannot(f"'{bad}' is not a time I can read; say e.g. 'from 0:05 to 0:08' (the video is {total} long)")
    raise _Cannot(f"the video is {total} long: {bad} is past its end; say a time before {total}, or 'at the end'")


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
    complement: bool = False  # the ops act on all but the shots named ("every photo except the first")
    first_cut: bool = False  # read for a first cut's requests (`ai_requests`), not as an edit

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
    n = N.parse_ordinal(word.replace("-", " "))
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
        if (not m.group("noun") and m.group("ord") not in ("intro", "outro", "opening", "closing", "ending")
                and re.match(r"\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|half|few|couple|second|sec|s\b|time)", after)):
            continue  # ("make the intro 2 seconds": the intro is a shot, never a range of time)
        if m.group("noun") is None and re.match(r"\s*(?:title|caption|text|music|transition|fade|cta)", after):
            continue
        if m.group("noun") is None and m.group("ord") in ("opening", "closing") and re.match(r"\s*(?:hours|times?|date|day)\b", after):
            continue  # "drop the opening hours": a text's words (it removed the first shot)
        if re.search(r"(?:\d|\b(?:a|one|half|each|per|every|1st))\s*$", t[:m.start("ord")]) and m.group("ord") == "second":
            continue  # "1 second", "a second": a length, not a position
        if (m.group("noun") is None and m.group("ord") in ("first", "last") and not re.match(r"the\s", m.group(0))
                and re.search(r"\b(?!the\b|and\b|or\b|&|to\b|at\b|is\b|be\b|between\b|of\b|on\b|into\b|after\b|before\b)[a-z]{2,}\s+$", t[:m.start()])
                and not re.search(r"\b(?:swap|switch|exchange|delete|remove|drop)\b", t)):
            continue  # "put the scarf first": where it goes, not which one
        if m.group("ord") in ("opening", "closing", "ending") and not m.group("noun") and re.search(
                r"(?:\b(?:we|we're|were|we’re|they're|i'm|is|are|be|been|will|now|also|stop|keep)\s+|n't\s+|\bnot\s+)$",
                t[:m.start("ord")], re.I):
            continue  # "we're closing sundays from next month", "is opening soon": a verb, not the last or first shot
        if m.group("ord") in ("intro", "outro", "opening", "closing", "ending") and any(
                re.search(rf"(?<![a-z]){m.group('ord')}(?![a-z])", s.name.lower()) for s in c.main_segs()):
            continue  # "start with the intro clip" with "hr manager intro.mp4": that file, not the first shot
        idx = _ord_index(m.group("ord"))
        if idx is None:
            continue
        noun = m.group("noun")
        if noun and re.fullmatch(r"(?:seconds?|secs?)", noun):
            continue
        ref = _TRef(O.Target(index=idx, kind=_noun_kind(noun)), m.start() + offset, m.end() + offset)
        if not noun or re.fullmatch(r"ones?", noun):  # "the fourth one": the kind named nearby
            bare.add(ref.start)
        found.append(ref)
    for m in _RX_MIDDLE.finditer(t):
        kind = _noun_kind(m.group("noun") or m.group("zn") or m.group("zn2")) or ("image" if m.group("cl") in ("张", "幅") else None)
        found.append(_TRef(_middle(c, kind), m.start() + offset, m.end() + offset))
    for m in _RX_GROUP.finditer(t):
        n = int(N.parse_number(m.group("n")) or 0)
        kind = _noun_kind(m.group("noun"))
        idx = list(range(n)) if m.group("end") in ("first", "opening") else list(range(-n, 0))
        if n >= 2:
            ts = [O.Target(index=i, kind=kind) for i in idx]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_ZH_GROUP.finditer(t):
        n = int(N.parse_number(m.group("n")) or 0)
        kind = _noun_kind(m.group("noun")) or ("image" if m.group("cl") in ("张", "幅") else None)
        idx = list(range(n)) if m.group("end") == "前" else list(range(-n, 0))
        if n >= 2:
            ts = [O.Target(index=i, kind=kind) for i in idx]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_LIST.finditer(t):
        nums = [int(N.parse_number(x) or 0) for x in re.findall(_SMALL_NUM, m.group("nums"))]
        kind = _noun_kind(m.group("noun"))
        if all(k >= 1 for k in nums):
            ts = [O.Target(index=k - 1, kind=kind) for k in nums]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_SPAN_REF.finditer(t):
        a, b = int(N.parse_number(m.group("a")) or 0), int(N.parse_number(m.group("b")) or 0)
        if 1 <= a < b <= 50:
            ts = [O.Target(index=k - 1, kind=_noun_kind(m.group("noun"))) for k in range(a, b + 1)]
            found.append(_TRef(ts[0], m.start() + offset, m.end() + offset, tuple(ts[1:])))
    for m in _RX_ZH_SPAN_REF.finditer(t):
        a, b = N.parse_number(m.group("a")), N.parse_number(m.group("b"))
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
    for m in _RX_NEIGHBOURS.finditer(t):
        inner = _find_targets(c, t[m.end():], m.end() + offset)
        clip = re.match(r"(?:the|that)\s+(?:video\s+)?clip\b", t[m.end():])
        seg = _main_seg(c, inner[0].target) if inner else c.count("video")[0] if clip and len(c.count("video")) == 1 else None
        if seg is None:
            continue
        end = inner[0].end if inner else m.end() + clip.end() + offset  # type: ignore[union-attr]
        segs = c.main_segs()
        at = next(k for k, x in enumerate(segs) if x.id == seg.id)
        side = range(at + 1, len(segs)) if m.group("rel") in ("after", "following") else range(0, at)
        kind = _noun_kind(m.group("noun"))
        picked = [k for k in side if kind is None or c.asset_kind(segs[k]) == kind]
        if m.group("n"):  # "the two photos after the clip": the nearest two (it removed the clip)
            n = int(N.parse_number(m.group("n")) or 0)
            if len(picked) < n:
                raise _Cannot(f"there {'is' if len(picked) == 1 else 'are'} only {len(picked)} {m.group('noun') or 'shots'} "
                              f"{m.group('rel')} that")
            picked = picked[:n] if m.group("rel") in ("after", "following") else picked[-n:]
        if not picked:  # "remove everything after the last photo" removed that photo
            side_word = "after" if m.group("rel") in ("after", "following") else "before"
            raise _Cannot(f"「{seg.name}」{'后面' if side_word == 'after' else '前面'}没有别的镜头" if c.zh else
                          f"nothing comes {side_word} {seg.name}")
        if picked:
            ts = [O.Target(index=k) for k in picked]
            found.append(_TRef(ts[0], m.start() + offset, end, tuple(ts[1:])))
    for m in _RX_NUMBERED.finditer(t):
        n = N.parse_number(m.group("num"))
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
            ms = TW.parse_time_value_ms(m.group("tv"))
            if ms is None:
                continue
            more: list[O.Target] = []
            end = m.end()
            while nxt := _RX_MORE_AT.match(t, end):  # "at 0:05 and 0:12"
                v = TW.parse_time_value_ms(nxt.group("tv"))
                if v is None:
                    break
                more.append(O.Target(at_ms=v))
                end = nxt.end()
            found.append(_TRef(O.Target(at_ms=ms), m.start() + offset, end + offset, tuple(more)))
    # names of shots on the timeline
    file_of: dict[int, str] = {}  # where a word of a file's name starts: that file
    for r in _runs_of_one_name(t, c.main_segs(), offset):
        if not any(x.start < r.end and r.start < x.end for x in found):
            found.append(r)
            file_of[r.start] = r.target.name or ""
    stems = _stems(c.main_segs())
    files_of: dict[str, list[str]] = {}
    for stem, full in stems:
        files_of.setdefault(stem, []).append(full)
    for stem, full in stems:
        # a name in the plural is that shot ("swap the coins and the bricks" for brick.png); a
        # name of several words as typed with spaces is the whole name ("grace hopper" for
        # grace_hopper.jpg, not the shot twice)
        words = re.split(r"[^a-z0-9\u4e00-\u9fff]+", full.rsplit(".", 1)[0])
        spaced = r"[\s_-]+".join(map(re.escape, words)) if stem == full.rsplit(".", 1)[0] and len(words) > 1 else None
        on = r"(?<!on )(?<!off )" if stem == "screen" else ""  # ("on screen" is where text shows: no file "screen_home.png")
        rx = rf"(?<![a-z0-9_.]){re.escape(full)}(?![a-z0-9_])|(?<![a-z0-9_.]){on}{re.escape(stem)}(?:e?s)?(?![a-z0-9_])"
        if re.fullmatch(r"[a-z]{6,}", stem):  # "the key art" for keyart_4k.png: a name run together, said as two words
            rx += "|" + "|".join(rf"(?<![a-z0-9_.]){stem[:i]}[\s-]{stem[i:]}(?:e?s)?(?![a-z0-9_])" for i in range(3, len(stem) - 2))
        for m in re.finditer(rf"(?<![a-z0-9_.])(?P<spaced>{spaced})(?![a-z0-9_])|{rx}" if spaced else rx, t):
            whole = m.group(0) == full or (spaced is not None and m.group("spaced") is not None)
            if whole:  # a file's whole name over the words read in it before ("final FINAL v3.mp4": no "final" shot)
                a, b = m.start() + offset, m.end() + offset
                found = [r for r in found if r.end <= a or r.start >= b or r.end - r.start >= b - a]
            if _colour_said(t, m):
                continue  # "put the title in blue": the colour (it moved the title over blue-sneaker.jpg)
            if not any(r.start <= m.start() + offset < r.end for r in found):
                plural = len(m.group(0)) > len(stem) or re.match(r"\s+(?:pics|photos|pictures|images|shots|ones|clips|stills)\b", t[m.end():])
                several = files_of[stem] if not whole and len(files_of[stem]) > 1 and plural else []
                if several:  # "the slides" for slide_title.png and slide_agenda.png: both (it asked which)
                    found.append(_TRef(O.Target(name=several[0]), m.start() + offset, m.end() + offset,
                                       tuple(O.Target(name=f) for f in several[1:])))
                    continue
                # (a word the name does not hold, "drone" for DJI_0034.MP4, names the file whole)
                found.append(_TRef(O.Target(name=full if whole or stem not in full else stem), m.start() + offset, m.end() + offset))
                file_of[m.start() + offset] = full
        if c.zh:  # "把咖啡那张放第一个" for coffee.jpg: the Chinese word for what the name says
            for pattern in zh_patterns(stem):
                for m in re.finditer(pattern, t):
                    if not any(r.start <= m.start() + offset < r.end for r in found):
                        found.append(_TRef(O.Target(name=stem if stem in full else full), m.start() + offset, m.end() + offset))
    # "the DSC one", "the IMG pic": the file(s) a camera named so ("remove the DSC one" for DSC00417.jpg was not
    # understood: a camera's letters alone name nothing)
    for m in _RX_CAMERA_ONE.finditer(t):
        made = [s.name.lower() for s in c.main_segs() if s.name.lower().startswith(m.group("cam").lower())]
        if made and not any(r.start <= m.start() + offset < r.end for r in found):
            found.append(_TRef(O.Target(name=made[0]), m.start() + offset, m.end() + offset,
                               tuple(O.Target(name=f) for f in made[1:])))
    # a picture called by the name on it ("put Luna first" for the shot captioned "Luna")
    for k, name in _captioned(c):
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w])", t):
            if not any(r.start <= m.start() + offset < r.end for r in found):
                found.append(_TRef(O.Target(index=k), m.start() + offset, m.end() + offset))
    # a shot called by what the first instruction called it ("swap the peony one and the roses" for IMG_7710.jpg,
    # listed as "then the peonies")
    for s in c.main_segs():
        for rx in _said_keys(s.said):
            for m in re.finditer(rx, t):
                if not any(r.start <= m.start() + offset < r.end for r in found):
                    found.append(_TRef(O.Target(name=s.name.lower()), m.start() + offset, m.end() + offset))
    found.sort(key=lambda r: r.start)
    # drop overlaps (keep the longest at a position); words of one file's name said together are that file
    # once ("the screen recording" for screen recording dashboard.mp4 changed the shot twice)
    out: list[_TRef] = []
    for r in found:
        if out and r.start in file_of and file_of.get(out[-1].start) == file_of[r.start] and not t[out[-1].end - offset:r.start - offset].strip():
            out[-1] = _TRef(out[-1].target, out[-1].start, r.end, out[-1].more)
            continue
        if out and r.start < out[-1].end:
            if r.end - r.start > out[-1].end - out[-1].start:
                out[-1] = r
            continue
        out.append(r)
    # an ordinal said before a name several files share is the nth of them ("remove the second rehearsal photograph"
    # for rehearsal_act1.jpg and rehearsal_act2.jpg: it removed the second shot and both rehearsal ones)
    for i in range(len(out) - 1, 0, -1):
        first, named = out[i - 1], out[i]
        shared = files_of.get(named.target.name or "", []) if named.target.name else []
        if first.target.index is not None and first.target.name is None and not first.more and len(shared) > 1 \
                and not t[first.end - offset:named.start - offset].strip() and -len(shared) <= first.target.index < len(shared):
            in_order = [s.name.lower() for s in c.main_segs() if s.name.lower() in shared]
            out[i - 1:i + 1] = [_TRef(O.Target(name=in_order[first.target.index]), first.start, named.end)]
    # ordinals without a noun take the kind of the nearest one that has it ("swap the first and third images")
    kinds = [r.target.kind for r in out if r.target.kind]
    if kinds:
        out = [(_TRef(r.target.model_copy(update={"kind": kinds[0]}), r.start, r.end, r.more)
                if r.target.index is not None and r.target.kind is None and r.start in bare else r) for r in out]
    return out


_RUN_EDGE_STOP = {"a", "an", "at", "the", "and", "of", "in", "on", "to", "for", "with", "my", "our", "me", "by", "from", "is",
                  "img", "dsc", "vid", "final", "copy", "new", "jpg", "png", "mp4", "mov"}


def _runs_of_one_name(t: str, segs: Sequence[VideoSegment], offset: int) -> list[_TRef]:
    """Words of one file's name said together that no other name holds together ("the blue sneaker shot" for
    02-blue-sneaker.jpg beside 01-red-sneaker.jpg and 04-sneaker-side.jpg: it asked which "sneaker")."""
    names = {s.name.lower(): [w for w in re.split(r"[^a-z0-9\u4e00-\u9fff]+", s.name.lower().rsplit(".", 1)[0])
                              if w and not w.isdigit()] for s in segs if s.name}
    out: list[_TRef] = []
    for full, words in names.items():
        for n in range(len(words), 1, -1):
            for i in range(len(words) - n + 1):
                run = words[i:i + n]
                if run[0] in _RUN_EDGE_STOP or run[-1] in _RUN_EDGE_STOP:
                    continue  # ("at the" of "live at the lexington.mov" is no name: "add a fade out at the end")
                if any(o != full and any(ws[k:k + n] == run for k in range(len(ws) - n + 1)) for o, ws in names.items()):
                    continue
                rx = r"(?<![a-z0-9_.])" + r"[\s_-]+".join(map(re.escape, run)) + r"(?:e?s)?(?![a-z0-9_])"
                for m in re.finditer(rx, t):
                    if not any(r.start < m.end() + offset and m.start() + offset < r.end for r in out):
                        out.append(_TRef(O.Target(name=full), m.start() + offset, m.end() + offset))
    return out


def _colour_said(t: str, m: re.Match[str]) -> bool:
    """Whether the word ``m`` of a file's name is said as a colour: "in red", "to blue" ending the clause."""
    from reelforge.planner.rules.text_look import RX_COLOR

    return RX_COLOR.fullmatch(m.group(0)) is not None and re.search(r"\b(?:in|to|into)\s+$", t[:m.start()]) is not None \
        and re.fullmatch(r"(?:\s+(?:please|pls|instead|too|letters|text|font|colou?r))*\s*[.!]*\s*", t[m.end():]) is not None


_SAID_FILLER = re.compile(r"那张|这张|那段|这段|那个|的|视频|图片|照片|图")


def _said_keys(said: str) -> list[str]:
    """Patterns for the words a shot was called by (`VideoSegment.said`): each word that is no word of the
    planner's, in the singular or the plural ("peonies", "peony"); in Chinese, the words less "那张", "的".

    >>> _said_keys("peonies"), _said_keys("shelf of bags")[0], _said_keys("采茶那张")
    (['(?<![a-z])peon(?:y|ies)(?![a-z])'], '(?<![a-z])shel(?:f|ves)(?:e?s)?(?![a-z])', ['采茶'])
    """
    from reelforge.planner import typos as T

    said = said.lower().strip()
    if not said:
        return []
    if P.CJK.search(said):
        key = _SAID_FILLER.sub("", said).strip()
        return [re.escape(key)] if len(key) >= 2 else []
    out = []
    for w in re.findall(r"[a-z]{4,}", said):
        if w in T.VOCAB or w in _NOT_NAMES or w in _STOP_STEMS or w in ("with", "from", "that", "this", "where", "over"):
            continue
        if w.endswith("ies"):
            out.append(rf"(?<![a-z]){w[:-3]}(?:y|ies)(?![a-z])")
        elif w.endswith("f"):
            out.append(rf"(?<![a-z]){w[:-1]}(?:f|ves)(?:e?s)?(?![a-z])")
        else:
            base = _singular(w) or w
            out.append(rf"(?<![a-z]){re.escape(base)}(?:e?s)?(?![a-z])")
    return out


def _captioned(c: _Ctx) -> list[tuple[int, str]]:
    """(index on the main track, the name in its caption, lowercased) of each shot whose own caption is
    a short name ("Whiskers", "Living room"): a name given to one picture only, of letters, that no
    file name or word of the planner already means, and no fact for the viewer ("remove free parking"
    removed the picture under the caption "Free parking")."""
    segs = c.main_segs()
    at = {s.id: k for k, s in enumerate(segs)}
    named: dict[str, list[int]] = {}
    for _, s in c.text_segs(Role.CAPTION):
        name = " ".join(N.normalize(s.text).split()).strip(".!")
        if (s.shot in at and 3 <= len(name) <= 30 and len(name.split()) <= 3 and re.fullmatch(r"[^\W\d_][\w' -]*", name)
                and name not in _NOT_NAMES and not re.fullmatch(_NOUN, name) and not typed_facts(s.text)):
            named.setdefault(name, []).append(at[s.shot])
    return [(ks[0], name) for name, ks in named.items() if len(set(ks)) == 1]


_RX_CAMERA_ONE = re.compile(r"(?i)\b(?P<cam>dsc|dscn|dscf|img|pxl|mvi|gopr|dji|vid)[\s_-]?(?:ones?|pics?|photos?|pictures?|images?|shots?|"
                            r"files?|clips?)\b")
_STOP_STEMS = {"img", "image", "photo", "pic", "picture", "clip", "video", "the", "and", "jpg", "png", "mp4",
               "mov", "mp3", "wav", "file", "final", "new", "copy", "dsc", "vid", "music", "voice", "shot",
               "图片", "照片", "视频", "片段", "镜头", "画面", "素材", "音乐", "背景", "最后", "第一", "开头", "结尾"}


def _singular(word: str) -> str | None:
    """"flowers" -> "flower", "boxes" -> "box", "berries" -> "berry": a name in the plural is said in
    the singular too ("show the whole flower" for flowers.jpg went to every shot). None when not plural."""
    if len(word) < 4 or not word.isascii() or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(?:x|z|ch|sh|ss)es$", word):  # "boxes", "watches", "glasses"
        return word[:-2]
    return word[:-1]


def _plural(word: str) -> str | None:
    """"peony" -> "peonies", "box" -> "boxes", "cake" -> "cakes": a name said in the plural ("pic of the
    peonies first" for peony bouquet.jpg was "no 'peonies' in the project"). None for a word that is no noun's."""
    if len(word) < 3 or not word.isascii() or not word.isalpha() or word.endswith("s"):
        return None
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(?:x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def _ing_stems(word: str) -> list[str]:
    """"twirling" -> ["twirl"], "baking" -> ["bak", "bake"], "running" -> ["run"]: the verb a name says in its -ing
    form, as people call the shot ("the twirl clip" was "I did not understand")."""
    if not (word.isascii() and word.isalpha() and word.endswith("ing") and len(word) >= 7):
        return []
    base = word[:-3]
    if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiousl":
        return [base[:-1]]
    return [base, base + "e"] if not base.endswith("e") else [base]


# what a camera's own file prefix says its footage is: "the drone bit", "航拍那段" for DJI_0034.MP4
_MAKER_SAYS = {"dji": ("drone", "aerial", "航拍", "无人机"), "gopr": ("gopro",), "gx": ("gopro",), "gh": ("gopro",),
               "screenshot": ("screenshot", "截图"), "insta360": ("360",)}


def _stems(segs: Sequence[VideoSegment | Asset]) -> list[tuple[str, str]]:
    out = []
    seen = set()
    for s in segs:
        full = s.name.lower()
        if not full:
            continue
        base = full.rsplit(".", 1)[0]
        words = re.split(r"[^a-z0-9\u4e00-\u9fff]+", base)
        # Chinese run together with digits or letters is two words ("招生海报2026.jpg" is 招生海报, and "海报那张" names it)
        words += [p for w in words if re.search(r"[\u4e00-\u9fff]", w) and re.search(r"[a-z0-9]", w)
                  for p in re.split(r"(?<=[\u4e00-\u9fff])(?=[a-z0-9])|(?<=[a-z0-9])(?=[\u4e00-\u9fff])", w) if p]
        if (maker := re.match(r"[a-z]+", base)) and maker.group(0) in _MAKER_SAYS:
            words += _MAKER_SAYS[maker.group(0)]
        # a Chinese name of four or more characters is said by its first or last two too ("航拍那段": 泳池航拍.mp4)
        # (and by its first three, "剥橙子那段" for 剥橙子特写.mp4)
        halves = [x for w in words if re.fullmatch(r"[\u4e00-\u9fff]{4,}", w) for x in (w[:2], w[-2:], w[:3])]
        verbs = [x for w in words for x in _ing_stems(w)]  # "the twirl clip" for me twirling.MOV
        for word in [base, *words, *filter(None, map(_singular, words)), *filter(None, map(_plural, words)), *halves,
                     *verbs]:
            # (two Chinese characters name a thing: "口播.mp4", "冰粉.jpg", "丝巾.jpg")
            if (len(word) >= 3 or len(word) == 2 and re.fullmatch(r"[\u4e00-\u9fff]{2}", word)) and word not in _STOP_STEMS and not word.isdigit() and (word, full) not in seen:
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
        if not (m.group("noun") or m.group("noun2")) and re.search(r"[这那]\s*段", m.group(0)) and c.count("video") \
                and not re.search(_MUSIC + "|" + _VOICE, t):  # ("音乐从1分钟开始 那段好听": that part of the song)
            return "video"  # "擦玻璃那段": 段 counts clips (a picture is a 张)
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


def _middle(c: _Ctx, kind: str | None) -> O.Target:
    """The shot in the middle of those of its kind; with an even number there are two, so ask."""
    segs = c.count(kind)
    if len(segs) % 2:
        return O.Target(index=len(segs) // 2, kind=kind)  # type: ignore[arg-type]
    if not segs:
        raise _Cannot("there is nothing on the timeline to pick the middle of")
    a, b = segs[len(segs) // 2 - 1], segs[len(segs) // 2]
    n = len(segs) // 2
    if c.zh:
        raise _Ambiguous(f"共有{len(segs)}个，中间有两个：第{n}个（{a.name}）和第{n + 1}个（{b.name}）。是哪一个？")
    noun = {"image": "images", "video": "video clips"}.get(kind or "", "shots")
    raise _Ambiguous(f"There are {len(segs)} {noun}, so two are in the middle: the {O.ordinal(n - 1)} ({a.name}) and the "
                     f"{O.ordinal(n)} ({b.name}). Which one? Say e.g. 'the {O.ordinal(n)}' or its name.")


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
        said = re.search(rf"(?<![a-z0-9_.]){re.escape(stem)}(?![a-z0-9_])", t) or (
            c.zh and any(re.search(p, t) for p in zh_patterns(stem)))  # "换成火箭的" for rocket.jpg
        if said:
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


def _maybe_target(c: _Ctx) -> O.Target | None:
    refs = _find_targets(c)
    return refs[0].target if refs else None


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


def _one_shot(c: _Ctx, refs: list) -> O.Target | None:
    """The one shot of the main track ``refs`` name (several words of one name, "the urban street
    photo", are one shot; a word that names several shots defers to one that names one), else None."""
    refs = [r for r in refs if r.target.role is Role.MAIN]
    if len(refs) == 1:
        return refs[0].target
    # "the blue sneaker photo": "blue" is one shot, "sneaker" several of them, that one among them
    found = [(r.target, seg) for r in refs if (seg := _main_seg(c, r.target)) is not None]
    return found[0][0] if found and len({id(seg) for _, seg in found}) == 1 else None


def _named_shot_ids(c: _Ctx, named: list[O.Target]) -> list[str]:
    """The ids of the main-track shots ``named``, or `_Cannot` naming the first that is not there."""
    ids = []
    for x in named:
        seg = _main_seg(c, x)
        if seg is None and x.name is not None and len(alike := [s.name for s in c.main_segs() if x.name in s.name.lower()]) > 1:
            # "only use one kitchen pic": two shots are called so ("there is no shot 'kitchen'" was said)
            raise _Ambiguous(("哪一个？" + "、".join(alike[:6]) + "。说出文件名，例如“删掉" + alike[0] + "”") if c.zh else
                             "Which one? " + ", ".join(f"'{n}'" for n in alike[:6])
                             + f". Say it by its file name, e.g. 'remove {alike[0]}'.")
        if seg is None:
            raise _Cannot(f"there is no {x.describe('shot').removeprefix('the ')} in the video" if not c.zh else
                          "视频里没有这个镜头")
        ids.append(seg.id)
    return ids


# ---------------------------------------------------------------------------------------------
_QUOTE_RX = re.compile(rf"\"([^\"\n]+)\"|“([^”\n]+)”|「([^」\n]+)」|『([^』\n]+)』|《([^》\n]+)》|«\s*([^»\n]+?)\s*»|„([^“”\n]+)[“”]|"
                       rf"{CURLY_QUOTED}|{SINGLE_QUOTED}")  # (« » and „ “: the title showed «Grand Opening» with its marks)
# (a comma in a number is none: "68,400 miles", "$18,400 raised" were cut in two)
_SPLIT_RX = re.compile(r"\s*(?:(?:,(?!(?<=\d,)\d{3}(?!\d))|[;，；。!！])+\s*(?:and\s+|then\s+|also\s+|然后|并且|再|并|同时)?|"
                       # a list's items, numbered or on lines of their own: "3 things: 1) … 2) …", "1. … 2. …",
                       # "- … \n- …" (only the first item was done, and the rest dropped without a word)
                       r"\s*\n[\s\-•*·]*(?:(?:and|then|also)\s+)?|"
                       # a full stop between sentences ("too busy w all the text. drop the address line"), not after
                       # an initial or a short title ("Dr. Osei", "St. Louis", "e.g. this")
                       r"(?<!\b(?-i:[A-Z]))(?<!\b[DdMmSsJj][rts])(?<!\b[Mm]rs)(?<!\bvs)(?<!\b[Nn]o)(?<!\b[Aa]ve)(?<!\be\.g)(?<!\bi\.e)(?<!\d)"
                       r"\.+\s+(?=[A-Za-z\u4e00-\u9fff])|\s+\+\s+(?=[A-Za-z\u4e00-\u9fff])|\s+and\s+then\s+|\s+then\s+|\s+and\s+also\s+|\s+and\s+(?!(?:\d|one|two|three|four|five|six|white|out)\b)|\s+also\s+|然后|并且|同时|另外|"
                       r"\s+(?=(?:so(?:\s+that)?|because|cuz|coz)\s+(?:ppl|people|folks|we|they|you|u|i|he|she|everyone|viewers?|customers?)\b))\s*", re.I)


# "call to action: Order today!", "title: Summer Sale!", "cta - order today" (a dash for the colon), "change
# the cta to Order today!": the unquoted
# words of a text, read as if quoted (the "!" was taken for the end of a sentence and dropped)
_LABEL = (r"(?:cta|call[\s-]to[\s-]action|title|headline|heading|caption|subtitle|tagline|slogan|end\s+card|button|"
          r"行动号召|标题|字幕|口号|标语|结尾文字)")
_RX_LABELLED = re.compile(rf"^(\s*{_LABEL}(?:\s*[:：]|\s+[-–—]{{1,2}}\s)\s*)([^\"“”‘’'「」,;，；\n]*[^\"“”‘’'「」,;，；\s!！?？.。]\s*[!！?？]*)\s*\.?$", re.I)
_NOT_LABEL_WORDS = re.compile(r"(?i)^(?:at|to|on|in|from|for|until|over|under|with|by|off|remove|delete|\d+(?:\.\d+)?\s*"
                        r"(?:s|secs?|seconds?|%)?$)\b")
_SAYS_LABEL = re.compile(rf"\b{_LABEL}\b", re.I)
_SAYS_VERB = re.compile(r"\b(?:to|say|says|read|reads|into)\s+", re.I)
_NOT_SAID = "\"“”‘’'「」,;，；\n"  # (no character of the words a label is set to)


def _says_bang(text: str) -> tuple[str, str] | None:
    """"… the title to Grand Opening!": what comes before the words a label is set to, and the words (with their "!"),
    as ``^(.*\\bLABEL\\b.*?\\b(?:to|say|says|read|reads|into)\\s+)([^"“”‘’'「」,;，；\\n]*[^"“”‘’'「」,;，；\\s!！?？.。]
    \\s*[!！?？]+)\\s*$`` (re.I) matched them. That pattern tried every label with every "to" after it, each checking
    the rest of the text: "title to " * 1110 + ",!" cost 55 s of CPU (the regex holds the GIL: the server stopped).
    The same reading: the words' start is after the last character they cannot hold; the last label on the first line
    with a "to" after it (on its line) whose words can start there, and the first such "to"."""
    end = len(text.rstrip())
    bangs = end
    while bangs and text[bangs - 1] in "!！?？":
        bangs -= 1
    last = len(text[:bangs].rstrip()) - 1  # the words' last character
    if bangs == end or last < 0 or text[last] in _NOT_SAID or text[last] in "!！?？.。":
        return None
    start = max(text.rfind(c, 0, last) for c in _NOT_SAID) + 1
    verbs = [m.span() for m in _SAYS_VERB.finditer(text) if start <= m.end() <= last]  # (the words start at its end)
    verb_starts = [v[0] for v in verbs]
    line = text.find("\n") % (len(text) + 1)  # (the label is on the first line: ".*" before it)
    labels: list[int] = []
    for m in _SAYS_LABEL.finditer(text):
        if m.start() >= line:
            break
        labels.append(m.end())
    for after in reversed(labels):  # (".*?" after it: its "to" on the line it ends on)
        k = bisect.bisect_left(verb_starts, after)
        if k < len(verbs) and verb_starts[k] < (line if after <= line else text.find("\n", after) % (len(text) + 1)):
            return text[:verbs[k][1]], text[verbs[k][1]:end]
    return None


def _a_look(words: str) -> bool:
    """"red!", "the top!", "bigger!": a colour, place or size, not the words of a text."""
    from reelforge.planner.rules.text_look import color_in

    w = re.sub(r"[!！?？\s]+$", "", words.strip().lower())
    colour = color_in(w)
    return len(w.split()) <= 2 and (colour is not None and len(w.split()) == 1 or bool(re.fullmatch(
        r"(?:the\s+)?(?:top|bottom|center|centre|middle|left|right|(?:top|bottom|upper|lower)[\s-](?:left|right))|"
        r"(?:a\s+bit\s+|much\s+|way\s+)?(?:bold|italic|bigger|smaller|larger|large|small|medium|huge|tiny|xl|"
        r"normal|regular|the\s+(?:start|end|beginning))", w)))


def _mask(text: str) -> tuple[str, list[str]]:
    quotes: list[str] = []
    said = m.groups() if (m := _RX_LABELLED.match(text)) else _says_bang(text)
    if said and re.fullmatch(r"(?i)none|no|nothing|n/?a|-|无|没有|不要", said[1].strip(" .!")):
        text = f"remove the {said[0].strip(' :：')}"  # "title: none": no title (it said "none")
    elif said and not _QUOTE_RX.search(text) and not _a_look(said[1]) and not _NOT_LABEL_WORDS.match(said[1].strip()):
        words = said[1].strip()  # "cta: order today" -> "Order today", as a line on screen starts
        text = f"{said[0]}\"{words[:1].upper() + words[1:]}\""

    def sub(m: re.Match[str]) -> str:
        quotes.append(next(g for g in m.groups() if g is not None).strip())
        return f"\x00{len(quotes) - 1}\x00"

    return _QUOTE_RX.sub(sub, text), quotes


# a space after a Chinese clause that ends like one ("配音大声点 bgm再小点": it read both as the voice's)
# the words that keep a part of a shot in Chinese ("只要前8秒", "保留后面一半"), read by the clause splitter and the rules
ZH_KEEP = r"(?:只要|只留|只用|保留)"
_ZH_SPACE_SPLIT = re.compile(r"(?<=[点些了吧啦呀哦掉下好行大小快慢长短高低亮暗])\s+(?=[\u4e00-\u9fffA-Za-z])|"
                             rf"(?<=[\u4e00-\u9fff])\s+(?={ZH_KEEP}(?:前|后))")  # ("放最后 只要前面6秒")


# a numbered list's marks, read only in a list that starts at 1 ("Version 2. Now faster" is one caption)
_LIST_START = re.compile(r"(?:^|[:：\n])\s*\(?1\s*[.)、]\s*\S")
_LIST_MARK = re.compile(r"(?:^|(?<=\s)|(?<=[:：]))\(?[1-9]\d?\s*[.)、]\s*(?=[A-Za-z\u4e00-\u9fff])")


def _clauses(masked: str) -> list[str]:
    if _LIST_START.search(masked):  # "3 things: 1) … 2) …", "1. … 2. …", "1、… 2、…": one clause each
        masked = _LIST_MARK.sub("\n", masked)
    parts = [p for p in _SPLIT_RX.split(masked) if p and p.strip(" ,.;，。；()（）!！?？")]  # (")" after "(keep her audio!")
    parts = [q for p in parts for q in (_ZH_SPACE_SPLIT.split(p) if re.search(r"[\u4e00-\u9fff]{2}", p) else [p])]
    return parts or [masked]


def _names_a_file(words: str, assets: tuple[Asset, ...]) -> bool:
    """``words`` are one picture's or clip's file name ("rocket" for rocket.jpg, "urban street" for
    05-urban-street.jpg, its numbers aside), or two or more words of it ("sneaker side"); one word of a
    longer name is not ("no red" after "make the title red" removed 01-red-sneaker.jpg)."""
    said = set(words.split())
    for a in assets:
        if a.name and a.kind is not AssetKind.AUDIO:
            name = {w for w in re.findall(r"[a-z0-9]+", a.name.lower().rsplit(".", 1)[0]) if not w.isdigit()}
            if said == name or (len(said) >= 2 and said <= name):
                return True
    return False


def _ctx(piece: str, quotes: list[str], tl: Timeline, library: tuple[Asset, ...], new: tuple[Asset, ...]) -> _Ctx:
    files = {a.name.lower() for a in (*library, *tl.assets) if a.name}
    idx = [int(i) for i in re.findall(r"\x00(\d+)\x00", piece)]
    qs = [quotes[i] for i in idx if quotes[i].lower() not in files]
    raw = re.sub(r"\x00(\d+)\x00", lambda m: f'"{quotes[int(m.group(1))]}"', piece)
    # a quoted file name is media ("add 'surf.mp4' after …"); other quotes are text
    t = re.sub(r"\x00(\d+)\x00", lambda m: f" {quotes[int(m.group(1))]} " if quotes[int(m.group(1))].lower() in files
               else " «q» ", piece)
    t = N.normalize(t)
    # "the phone screen is lighting up": lit, no "up" to turn the sound up by
    t = re.sub(r"\b(?:light(?:s|ing|ed)?|lit)\s+up\b", "lit", t)
    t = re.sub(r"\bthe\s+final\s+(?:cut|video|version|edit|product)\b", "the video", t)  # editors' words for the whole
    # "the hook" is the opening line, a title
    t = re.sub(r"\bthe\s+(?:opening\s+)?hook(?:\s+(?:text|line))?\b", "the title", t)
    # "swap 2 and 3": the shots in those places ("swap the 2nd and 3rd shots"; it was not understood)
    t = re.sub(r"^(?P<v>swap|switch)\s+#?(?P<a>[1-9]\d?)\s*(?:and|&|with)\s*#?(?P<b>[1-9]\d?)(?=\s*(?:pls|please)?\s*[.!]*$)",
               lambda m: f"{m['v']} the {O.ordinal(int(m['a']) - 1)} and {O.ordinal(int(m['b']) - 1)} shots", t)
    # "different music pls", "can we try another song": the music changed (it was not understood)
    t = re.sub(r"^(?:(?:can|could)\s+(?:we|i|you)\s+)?(?:(?:get|have|try|use|want|need)\s+)?(?:a\s+)?(?:different|another|other|new)\s+"
               r"(?:music|song|track|bgm|tune|background\s+music)(?=\s*(?:pls|please|maybe)?\s*[?.!]*$)", "change the music", t)
    if (gone := re.fullmatch(r"(?:no|without|skip|lose)\s+(?:the\s+)?(?P<x>[a-z][a-z0-9 ]{1,40}?)"
                             r"(?:\s+(?:photo|pic|picture|image|shot|clip|one))?(?:\s+(?:pls|please))?\s*[.!]*", t)) \
            and _names_a_file(gone["x"], (*library, *tl.assets)):
        t = f"remove the {gone['x']}"  # "no rocket", "no urban street pls": that shot goes (it was not understood)
    # "make the title last 5 seconds", "the cta should last 3 s": how long it stays, not the video's
    # last seconds (the title was moved to the end)
    t = re.sub(r"\b(?P<w>(?:make|let|have)\s+(?:the\s+)?(?:titles?|captions?|subtitles?|cta|call\s+to\s+action|texts?|tagline|"
               r"headline|words)|(?:titles?|captions?|subtitles?|cta|call\s+to\s+action|texts?|tagline|headline|words)\s+"
               r"(?:should|must|will|can|needs?\s+to|has\s+to))\s+last(?=\s+(?:for\s+)?(?:about\s+|around\s+)?\d)",
               r"\g<w> stay", t)

    # mixed Chinese and English ("把title改成…", "music调到30%"): English words get their word boundaries
    t = re.sub(r"(?<=[\u4e00-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u4e00-\u9fff])", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    return _Ctx(raw=raw, t=t, quotes=qs, tl=tl, library=library, new_assets=new, zh=P.is_chinese(piece))


# ---------------------------------------------------------------------------------------------
# a name that points at nothing in the project ("put the scarf first" with no scarf)
_MEDIA_EXT = r"(?:jpe?g|png|gif|webp|mp4|mov|avi|webm|mkv|mp3|wav|m4a|aac)"
_RX_FILE = re.compile(rf"(?<![\w.])([a-z0-9][\w-]*\.{_MEDIA_EXT})(?![\w])")
# "the scarf photo", "the scarf first", "the scarf and …", "把scarf放到…": a word where a shot's name goes
_RX_NAMED = re.compile(
    rf"\bthe\s+([a-z][a-z0-9_-]{{1,30}})(?=\s+(?:{_NOUN}|first|last|to|at|before|after|and|or|in|on|between|"
    rf"\d+\s*(?:s|secs?|seconds?)\b)\b|\s*[,.;!?]|\s*$)|把\s*([a-z][a-z0-9_-]{{1,30}})\s*(?:那张|这张|那段|这段|图片|照片|视频)?\s*(?=放|移|挪|删|去|换|改|调)|"
    # "the smiling patient photo", "the box of dumplings pic": two words before what it is
    rf"\bthe\s+([a-z][a-z0-9_-]{{2,30}}\s+(?:of\s+(?:the\s+)?)?[a-z][a-z0-9_-]{{2,30}})(?=\s+(?:photo|pic|picture|image|shot|clip|video)s?\b|"
    rf"\s+(?:first|last)\s*[.!]*\s*$)")  # ("put the shop front first" with no shop front: not understood)
_NOT_NAMES = frozenset("""
whole entire other others same new old rest current main thing things stuff way bit lot one ones two three four five
six seven eight nine ten next previous following remaining opening closing intro outro ending beginning middle end
start front back whole everything all both each every this that these those it them first second third fourth fifth
last final penultimate sound volume level speed length duration frame screen video vid vids timeline project movie
reel montage slideshow edit cut version colour color font size text words wording line lines letters brightness
opener closer finale intro outro opening closing lead others rest remainder way
us uk usa eu states world
""".split())  # ("some backers are in the US": a country, no picture)


def _a_text_holds(c: _Ctx, word: str) -> bool:
    """Whether a text on screen holds what ``word`` calls it by ("the date": 'This Friday, 7pm')."""
    from reelforge.planner.text_kinds import STANDS_IN, holds, kind_called

    kind = kind_called(f"the {word}")
    texts = [s.text for t in c.tl.tracks if t.kind.value == "text" for s in t.segments]
    return kind is not None and any(holds(k, x) for k in (kind, STANDS_IN.get(kind)) if k for x in texts)


def _unknown_word(c: _Ctx, word: str, stems: set[str], names: list[str], on_pictures: set[str]) -> bool:
    """Whether ``word`` names nothing the project or the planner knows."""
    from reelforge.planner import typos as T

    return not (word in stems or re.sub(r"e?s$", "", word) in stems or word in _NOT_NAMES or word in T.VOCAB
                or T.known(word) or N.parse_ordinal(word) or re.fullmatch(_NOUN, word) or any(word in n for n in names)
                or word in on_pictures or word in ("the", "a", "an", "my", "our", "this", "that"))


def _absent(c: _Ctx) -> str | None:
    """A file name or a shot's name that matches nothing in the project ("the scarf", "scarf.jpg"),
    so the reply can say so instead of acting on the rest as if all was said."""
    from reelforge.planner import typos as T

    t = c.t
    names = [a.name.lower() for a in (*c.library, *c.tl.assets) if a.name]
    for m in _RX_FILE.finditer(t):
        if m.group(1) not in names:
            return m.group(1)
    stems = {w for w, _ in _stems([*c.main_segs(), *c.library, *c.tl.assets])}
    named = _find_targets(c)
    on_pictures = {w for _, name in _captioned(c) for w in name.split()}  # the names on the pictures, once
    for m in _RX_NAMED.finditer(t):
        w = re.escape(m.group(1) or m.group(2) or m.group(3))
        if named and (m.group(1) or m.group(3)) and not re.search(rf"(?:\band|\bor|,)\s+(?:the\s+)?{w}\b|\b{w}\s+(?:{_NOUN_IMG}|{_NOUN_VID}|clips?|shots?)\b|"
                                   rf"\b{w}(?:\s+{_NOUN})?(?:\s+(?:first|last))?\s*(?:,|\band\b|\bor\b)", t):
            continue  # beside a shot that is there, a name only in a list with it or before "photo"/"clip"
        word = m.group(1) or m.group(2) or m.group(3)
        if m.group(3) and not all(_unknown_word(c, w, stems, names, on_pictures) for w in word.split() if w not in ("of", "the")):
            continue  # ("the second kitchen photo", "the blue sneaker photo": a word of a name or the planner's)
        if any(re.search(rx, word) for s in c.main_segs() for rx in _said_keys(s.said)):
            continue  # what the first instruction called a shot ("the peonies")
        if (word in stems or re.sub(r"e?s$", "", word) in stems or word[:-1] in stems or word in _NOT_NAMES or word in T.VOCAB or T.known(word) or N.parse_ordinal(word)
                or re.fullmatch(_NOUN, word) or re.fullmatch(_MUSIC + "|" + _VOICE + "|" + _TEXT_WORD, word)
                or any(word in n for n in names) or _a_text_holds(c, word)
                or word in on_pictures):
            continue
        return word
    return None
