"""Conversation memory: the last thing referred to and the last change.

It lets follow-ups lean on the previous instruction, the way people talk:
"and the next one too", "same for the one before it", "do that to all of them", "the third
too", "第三张也一样" (repeat the last change on another target); "now put it back where it was"
(undo a move), "swap them back"; "make it 5 instead" (the last change with another value);
"再短一点", "even shorter" (the last comparative again, on the same thing); and "it"/"them" in
"unmute it" (the thing last referred to).

`Memory` is plain data (`to_dict`/`from_dict`), kept by the Session between turns and saved in
the project file. `follow_up` reads a clause against it and returns either ops or a rewritten
clause for the rules to plan; `remember` makes the memory of a planned change. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reelforge.planner import ops as O
from reelforge.planner.op_words import COLOR_EN
from reelforge.planner.text_kinds import KIND_WORD_EN, KIND_WORD_ZH, holds, kind_called
from reelforge.timeline.model import Asset, AssetKind, Role, Timeline


@dataclass(frozen=True)
class Memory:
    ops: tuple[dict[str, Any], ...] = ()  # the last change, as `dump_ops` writes it
    target: dict[str, Any] | None = None  # the last thing referred to (a `Target`, main-track items by index+kind)
    name: str | None = None  # its file-name stem, when it was named
    moved: tuple[str, int] | None = None  # the last move: (segment id, its main-track index before)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"ops": list(self.ops)}
        if self.target is not None:
            d["target"] = self.target
        if self.name:
            d["name"] = self.name
        if self.moved:
            d["moved"] = list(self.moved)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Memory:
        if not d:
            return cls()
        moved = d.get("moved")
        return cls(ops=tuple(d.get("ops") or ()), target=d.get("target"), name=d.get("name"),
                    moved=(str(moved[0]), int(moved[1])) if moved else None)

    @property
    def empty(self) -> bool:
        return not self.ops and self.target is None


# -- what the memory holds after a change ---------------------------------------------------------
def _main(tl: Timeline) -> list[Any]:
    tr = tl.track(Role.MAIN)
    return list(tr.segments) if tr else []


def _kind_of(seg: Any, lib: dict[str, Asset]) -> str:
    a = lib.get(getattr(seg, "src", ""))
    return "video" if a is not None and a.kind is AssetKind.VIDEO else "image"


def _locate(tl: Timeline, target: O.Target, library: Sequence[Asset]) -> tuple[Any, int] | None:
    """The main-track segment a target names and its index on the track (None if not one)."""
    from reelforge.planner.apply import ApplyError, find_segment

    if target.role is not Role.MAIN:
        return None
    try:
        seg = find_segment(tl, target, library)
    except (ApplyError, Exception):  # noqa: BLE001 - an unresolvable target is simply not remembered
        return None
    for i, s in enumerate(_main(tl)):
        if s.id == seg.id:
            return seg, i
    return None


def targets_of(op: O.Op) -> list[O.Target]:
    """The segment targets an op names (target, a/b, after/before)."""
    return _targets(op)


def _targets(op: O.Op) -> list[O.Target]:
    out = []
    fields = type(op).model_fields
    for f in ("target", "a", "b", "after", "before"):
        t = getattr(op, f) if f in fields else None
        if isinstance(t, O.Target):
            out.append(t)
    return out


def remember(prev: Memory, ops: Sequence[O.Op], tl: Timeline, library: Sequence[Asset]) -> Memory:
    """Memory after ``ops`` were planned against ``tl`` (the timeline before they apply)."""
    if not ops:
        return prev
    lib = {a.id: a for a in (*library, *tl.assets)}
    target: dict[str, Any] | None = None
    name = None
    moved = None
    for op in ops:
        ts = _targets(op)
        if ts:
            t = ts[0]
            hit = _locate(tl, t, library)
            if hit is not None:
                seg, i = hit
                kind = _kind_of(seg, lib)
                same = [s for s in _main(tl) if _kind_of(s, lib) == kind]
                k = next(j for j, s in enumerate(same) if s.id == seg.id)
                target = {"index": k, "kind": kind}
                name = _stem(getattr(seg, "name", "")) if t.name else None
                if isinstance(op, O.MoveSegment):
                    moved = (seg.id, i)
            else:
                target = t.model_dump(mode="json", exclude_defaults=True)
        elif isinstance(op, O.AddText):  # "add 'New drop' at 5 seconds" … "make it bold": that text
            target = added_text(op, tl, library)
        elif isinstance(op, (O.SetVolume, O.SetFade)):
            target = {"role": op.role}
        elif isinstance(op, (O.SetClipAudio, O.SetSpeed)):
            vids = [s for s in _main(tl) if _kind_of(s, lib) == "video"]
            target = {"index": 0, "kind": "video"} if len(vids) == 1 else target
    dumped = tuple(O.dump_ops(list(ops)))
    return Memory(ops=dumped, target=target, name=name, moved=moved)


def added_text(op: O.AddText, tl: Timeline, library: Sequence[Asset]) -> dict[str, Any]:
    """The memory of a text being added: its role and its place among the texts of that role by start
    (the order the rules count them in)."""
    if op.shot is not None:
        hit = _locate(tl, op.shot, library)
        start = hit[0].start if hit else 0
    elif op.timing.anchor == "end":
        start = tl.duration - (op.timing.duration_ms or tl.duration)
    else:
        start = op.timing.start_ms
    role = Role(op.role)
    same = [s for t in tl.tracks_by_role(role) for s in t.segments]
    return {"role": op.role, "index": sum(s.start < start for s in same), "added": True}


def _stem(name: str) -> str | None:
    base = name.lower().rsplit(".", 1)[0]
    return base or None


# -- words for the thing remembered ------------------------------------------------------------
_ROLE_EN = {"title": "the title", "cta": "the call to action", "caption": "the caption", "music": "the music",
            "voice": "the voiceover", "main": "the clip's sound", "logo": "the logo"}
_ROLE_ZH = {"title": "标题", "cta": "行动号召", "caption": "字幕", "music": "背景音乐", "voice": "旁白", "logo": "水印"}
_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_ZH_N = "一二三四五六七八九十"


def phrase(mem: Memory, zh: bool = False) -> str | None:
    """Words the rules read for the thing last referred to: "the second image", "第二张图片"."""
    t = mem.target
    if not t:
        return None
    role = t.get("role", "main")
    if role != "main":
        return (_text_at(role, t.get("index"), zh) if t.get("added") else None) or (_ROLE_ZH if zh else _ROLE_EN).get(role)
    kind = t.get("kind")
    noun = {"image": ("photo", "图片"), "video": ("video clip", "视频片段")}.get(kind or "", ("shot", "镜头"))
    if mem.name:
        return f"{mem.name}{noun[1]}" if zh else f"the {mem.name} {noun[0]}"
    i = t.get("index")
    if i is None:
        return None
    if zh:
        cl = "张" if kind == "image" else "段" if kind == "video" else "个"
        if i == -1:
            return f"最后一{cl}{noun[1]}"
        if i < 0:
            return f"倒数第{_ZH_N[-i - 1]}{cl}{noun[1]}" if -i <= 10 else None
        return f"第{_ZH_N[i]}{cl}{noun[1]}" if i < 10 else None
    if i == -1:
        return f"the last {noun[0]}"
    if i < 0:
        return f"the {_ORD[-i - 1]}-to-last {noun[0]}" if -i <= 10 else None
    return f"the {_ORD[i]} {noun[0]}" if i < 10 else None


def _text_at(role: str, index: int | None, zh: bool) -> str | None:
    """A title, caption or call to action by its place among its kind ("the second title", "第二条标题"):
    the one just added, where "the title" is the first (after "add the text 'New drop' at 5 s", "make it
    bold" was not understood)."""
    if role not in ("title", "caption", "cta") or index is None or not 0 <= index < 10:
        return None
    if zh:
        return f"第{_ZH_N[index]}条{_ROLE_ZH[role]}"
    return f"the {_ORD[index]} {'cta' if role == 'cta' else role}"


# -- reading a follow-up ------------------------------------------------------------------------
FindTargets = Callable[[str], list[O.Target]]

_REPEAT = re.compile(
    r"^(?:and|also|plus|now|then|ok|okay)?\s*(?:(?:do\s+)?(?:the\s+)?same\s+(?:thing\s+)?(?:for|to|with|on)\s+|"
    r"do\s+(?:that|this|it)\s+(?:again\s+)?(?:to|for|on|with)\s+|(?:and|also)\s+)(?P<ref>.+?)"
    r"(?:\s+(?:too|as\s+well|also))?\s*[.!]?$"
    r"|^(?P<ref2>.+?)\s+(?:too|as\s+well)\s*[.!]?$"
    r"|^(?:now|next|then)\s*,?\s+(?P<ref3>the\s+.+?|(?:photos?|images?|pics?|shots?)\s+\S+)\s*[.!]?$")
_REPEAT_ZH = re.compile(r"^(?:还有|再把|把)?(?P<ref>.+?)(?:也一样|也这样|也是|也要|也改|同样|一样|也(?:删掉|删了|删除|去掉|拿掉|静音|放大|缩小))(?:吧|的|处理)?[。！]?$"
                        r"|^(?:同样|一样)(?:处理|改)?\s*(?P<ref2>.+?)[。！]?$")
_ALL = re.compile(r"^(?:all\s+(?:of\s+)?(?:them|those|these|the\s+\w+)|them\s+all|every\s+(?:one|other\s+one)|each\s+(?:one|of\s+them)|"
                  r"the\s+rest(?:\s+of\s+them)?|the\s+others)$|^(?:所有|全部|其他|其余|每一?[张个段]).*$")
_NEXT = re.compile(r"^(?:the\s+)?(?:next|following)(?:\s+(?:one|image|photo|pic|picture|shot|clip))?$|^(?:the\s+)?(?:one|shot|image|photo|pic)\s+(?:after|following)\s+(?:it|that|this|that\s+one)$|^下一[张个段]$|^后面(?:那|一)[张个段]$")
_PREV = re.compile(r"^(?:the\s+)?(?:previous|preceding)(?:\s+(?:one|image|photo|pic|picture|shot|clip))?$|^(?:the\s+)?(?:one|shot|image|photo|pic)\s+before\s+(?:it|that|this|that\s+one)$|^上一[张个段]$|^前面(?:那|一)[张个段]$")
_BACK = re.compile(r"\b(?:put|move|bring|place|set)\s+(?:it|them|that|this)\s+back\b|\bback\s+where\s+it\s+was\b|\bput\s+back\b|"
                   r"放回(?:去|原处|原来的位置|原位)|移回(?:去|原处)|还原位置")
_SWAP_BACK = re.compile(r"\b(?:swap|switch|flip)\s+(?:them|those|it)\s+back\b|换回(?:来|去)")
_INSTEAD = re.compile(r"^(?:(?:no|nope|nah|wait|sorry|oops|hmm+|um+|uh+|ok|okay|well),?\s*|actually,?\s*|make\s+(?:it|that)\s+|change\s+(?:it|that)\s+to\s+)*"
                      r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>%|percent|s|secs?|seconds?|x)?\s*(?:instead|then|rather)?\s*[.!]?$"
                      r"|^(?:改成|换成|那就)?(?P<n2>\d+(?:\.\d+)?)\s*(?P<u2>%|秒|倍)?(?:吧|好了)?$")
_MORE = re.compile(r"^(?:(?:a\s+(?:bit|little)\s+|much\s+|even\s+|still\s+)*(?:more|less)(?:\s+please)?|"
                   r"(?:(?:and|also|plus)\s+)?(?:make\s+(?:it|them)\s+)?(?P<mod>even\s+|a\s+(?:bit|little|touch|tad)\s+|still\s+|much\s+)?(?P<cmp>shorter|longer|louder|quieter|softer|lower|higher|bigger|smaller|faster|slower)(?:\s+still)?(?:\s+(?:too|as\s+well|also))?(?:\s+please)?|"
                   r"再(?P<zh>短|长|大|小|快|慢|大声|小声|久)(?:一)?(?:点|些)(?:儿)?(?:吧)?|还要再?(?P<zh2>短|长|大|小|快|慢)(?:一)?(?:点|些))[.!。！]?$")
# "no, blue", "actually, at the top", "blue instead", "不对，蓝色": the last change with another word
_CORRECT = re.compile(r"^(?:(?:no|nope|nah|actually|wait|sorry|oops|hmm|i\s+meant?)\b[,\s]*)+(?:make\s+(?:it|that)\s+|i\s+meant?\s+)?"
                      r"(?P<v>[a-z#][\w#-]*(?:\s+[a-z][\w-]*){0,2}?)(?:\s+(?:instead|then|rather|please))?$"
                      r"|^(?:make\s+(?:it|that)\s+)?(?P<v2>[a-z#][\w#-]*(?:\s+[a-z][\w-]*){0,2}?)\s+instead$"
                      # ("不对 还是西瓜冰放第一个吧": an instruction of its own, not the last change's new words)
                      r"|^(?:不对|不是|错了|算了)[，,\s]*(?:还是|换成|改成|要|用)?"
                      r"(?P<zh>(?![^，,。！\s]*(?:放|移|挪|删|去掉|换到|加|调|剪|第[一二三四五六七八九十\d]+个?$))[^，,。！\s]{1,8}?)"
                      r"(?:吧|好了|的)?$")
_COLOUR_NAMED = {name: hex_color for hex_color, name in COLOR_EN.items()} | {"gray": "#808080"}
_GO_BACK_TO = re.compile(
    r"^(?:(?:no|nope|nah|hmm+|ok|okay|ugh)\b[,\s]*)?(?:(?:the\s+)?[a-z]+\s+(?:looks?|is|was|looked|seems)\s+(?:so\s+|really\s+|kinda\s+)?"
    r"(?:bad|ugly|awful|terrible|weird|off|wrong|meh|cheap|tacky|too\s+much)\s*[,.]?\s*)?"
    r"(?:go|switch|change|turn|put)\s+(?:it\s+|them\s+|that\s+|those\s+)?back\s+to\s+(?P<v>[a-z#][\w#-]*)"
    r"(?:\s*[,.]?\s*(?:but|and)\s+keep\s+(?:it|them|those|the\s+\w+)\s+\w+)?$")
# "actually no music at all", "wait, no captions": an instruction of its own, not a correction of the last
_NO_THING = re.compile(r"\b(?:no|without)\s+(?:more\s+|the\s+)?(?:music|songs?|soundtrack|bgm|voice\w*|narration|text|titles?|"
                       r"captions?|subtitles?|logo|watermark|transitions?|motion|zoom|fades?|sound|audio|effects?|cta|"
                       r"call\s+to\s+action|ending|intro|outro)\b|\bat\s+all\b")
_VERB = re.compile(r"(?:remove|delete|drop|cut|kill|undo|redo|put|move|make|add|swap|change|replace|use|mute|lose|ditch|"
                   r"the\s+(?:first|second|third|fourth|fifth|last|next|previous|other)|删|去掉|撤销)\b")
_PRONOUN = re.compile(r"\b(?:it|them|that\s+one|this\s+one)\b|它们|它")


def follow_up(text: str, mem: Memory, tl: Timeline, library: Sequence[Asset], find: FindTargets,
              zh: bool = False) -> list[O.Op] | str | None:
    """Ops for a follow-up clause (normalised text), a clause to plan instead, or None."""
    if mem.empty:
        return None
    t = text.strip(" ,.;!?。！，")
    # "nah yellow looks bad go back to white but keep them big": a correction of the last change ("no, white")
    t = _GO_BACK_TO.sub(lambda m: f"no {m.group('v')}", t)
    last = O.parse_ops(list(mem.ops)) if mem.ops else []
    if last and all(isinstance(o, (O.MoveSegment, O.SwapSegments, O.ReorderSegments, O.RemoveSegment)) for o in last) \
            and re.search(r"\b(?:music|song|voice|voiceover|vo|bgm|audio|sound)\b|音乐|配音|旁白|声音", t):
        return None  # "…can the music come up a bit for the ending" after a shot moved: the music's, no second move
    if _BACK.search(t) and mem.moved:
        seg_id, idx = mem.moved
        segs = _main(tl)
        name = next((x.name for x in segs if x.id == seg_id), None)
        # by its name when that is its alone (the reply said "Moved segment v3"), else by id
        one = name and sum(1 for x in segs if x.name == name) == 1
        return [O.MoveSegment(target=O.Target(name=name) if one else O.Target(id=seg_id), to_index=idx)]
    if (_BACK.search(t) or _BRING_BACK.search(t)) and last and all(
            isinstance(o, (O.RemoveSegment, O.RemoveText, O.RemoveTrack)) for o in last):
        return [O.Undo()]  # "put it back" after a removal: the removal undone
    if (m := _FACT_BACK.search(t)) and last and all(isinstance(o, (O.UpdateText, O.RemoveText)) for o in last) \
            and any(holds(kind_called(m.group(0)) or "", o.target.name or "") for o in last if o.target is not None):
        # "put the website back" after "drop the website" took it out of its row, "put the price back" after
        # the price was changed or removed: the last change, which was to a text holding it, undone
        return [O.Undo()]
    if _SWAP_BACK.search(t):
        swaps = [o for o in last if isinstance(o, O.SwapSegments)]
        if swaps:
            return list(swaps)
    m = _INSTEAD.match(t)
    if m and last:
        redone = _with_value(last[-1], float(m.group("n") or m.group("n2")), m.group("u") or m.group("u2"))
        if redone is not None:
            return [redone]
    m = _CORRECT.match(t) if not _NO_THING.search(t) else None
    if m and len(last) > 1 and all(isinstance(o, O.UpdateText) and o.color for o in last) \
            and (colour := _COLOUR_NAMED.get((m.group("v") or m.group("v2") or "").lower())):
        # "make the words bigger and yellow" … "no, white": every text that turned yellow (only the last one did)
        return [O.UpdateText(target=o.target, color=colour) for o in last]  # type: ignore[union-attr]
    if m and last and not _PRONOUN.search(m.group("v") or m.group("v2") or "") and not _VERB.match(m.group("v") or m.group("v2") or "") \
            and (p := phrase(mem, zh)) is not None:
        if m.group("zh"):
            return f"把{p}改成{m.group('zh')}"
        return f"make {p} {m.group('v') or m.group('v2')}"
    m = _MORE.match(t)
    if m:
        p = phrase(mem, zh or bool(m.group("zh") or m.group("zh2")))
        if p is None or not _same_kind_of_change(m.group(0), last):
            return None
        if m.group("zh") or m.group("zh2"):
            return f"{p}{m.group('zh') or m.group('zh2')}一点"
        if m.group("cmp"):  # "a bit lower": the size of the step too
            mod = (m.group("mod") or "").strip()
            return f"make {p} {mod + ' ' if mod.startswith(('a ', 'much')) else ''}{m.group('cmp')}"
        cmp = _more_of(last, "less" not in m.group(0))  # "a little more": more of the last change
        if cmp is None:
            return None
        small = re.search(r"\ba\s+(?:bit|little)\b", m.group(0))
        return f"make {p} {'a little ' if small else ''}{cmp}"
    ref = _repeat_ref(t)
    if ref is not None and last:
        return _repeat(last, ref, mem, tl, library, find)
    return None


_REFERS = re.compile(r"\b(?:it|them|that|this|one|too|same|also|again|back|instead|more|less|even|still|rest|others|"
                     r"shorter|longer|louder|quieter|bigger|smaller|faster|slower|and|then|actually|now)\b|"
                     r"它|也|同样|一样|再|还|回|其他|其余|\d")


def may_refer(text: str) -> bool:
    """Cheap test: could this clause lean on what came before? (else the memory is not worked out)"""
    return _REFERS.search(text.lower()) is not None


_FACT_BACK = re.compile(rf"\b(?:put|bring|add|get)\s+(?:the\s+)?(?:{KIND_WORD_EN})\s+back\b|^把?{KIND_WORD_ZH}(?:加回来|放回去|恢复)", re.I)
_BRING_BACK = re.compile(r"\b(?:bring|get|add)\s+(?:it|them|that|this)\s+back\b|\bundelete\b|加回来|恢复")
_CHANGE_WORDS = [
    (re.compile(r"short|long|短|长|久"), (O.SetSegmentDuration, O.SetTotalDuration, O.TrimSegment)),
    (re.compile(r"loud|quiet|soft|lower|higher|大声|小声"), (O.SetVolume,)),
    (re.compile(r"fast|slow|快|慢"), (O.SetSpeed,)),
    (re.compile(r"big|small|大|小"), (O.UpdateText, O.SetVolume)),
    (re.compile(r"more|less"), (O.SetSegmentDuration, O.SetTotalDuration, O.SetVolume, O.SetSpeed, O.UpdateText)),
]


def _more_of(last: list[O.Op], more: bool) -> str | None:
    """The comparative that continues the last change ("music to 40%" + "more" = louder; after "quieter", quieter)."""
    op = last[-1] if last else None
    if isinstance(op, O.SetVolume):
        down = op.factor is not None and op.factor < 1
        return ("quieter" if down else "louder") if more else ("louder" if down else "quieter")
    if isinstance(op, (O.SetSegmentDuration, O.SetTotalDuration)):
        return "longer" if more else "shorter"
    if isinstance(op, O.SetSpeed):
        slow = op.speed < 1
        return ("slower" if slow else "faster") if more else ("faster" if slow else "slower")
    if isinstance(op, O.UpdateText) and op.size is not None:
        return "bigger" if more else "smaller"
    return None


def _same_kind_of_change(words: str, last: list[O.Op]) -> bool:
    """"再短一点" continues a change of length, not a swap that happened to come last."""
    for rx, kinds in _CHANGE_WORDS:
        if rx.search(words):
            return any(isinstance(o, kinds) for o in last)
    return False


def resolve_pronoun(text: str, mem: Memory, zh: bool = False) -> str | None:
    """The clause with "it"/"them"/"它" read as the thing last referred to (None: nothing to do)."""
    p = phrase(mem, zh)
    if p is None or not _PRONOUN.search(text):
        return None
    return _PRONOUN.sub(p, text, count=1)


def _repeat_ref(t: str) -> str | None:
    for rx in (_REPEAT, _REPEAT_ZH):
        m = rx.match(t)
        if m:
            ref = (m.group("ref") or m.group("ref2") or (m.groupdict().get("ref3") or "")).strip()
            if ref:
                return ref
    return None


_AUDIO_ROLE = {"voice": "voice", "voiceover": "voice", "voice-over": "voice", "voice over": "voice", "narration": "voice",
               "narrator": "voice", "旁白": "voice", "配音": "voice", "人声": "voice", "music": "music",
               "background music": "music", "song": "music", "背景音乐": "music", "音乐": "music",
               "clips": "main", "clip sound": "main", "clips' sound": "main", "原声": "main"}
_PLACE = re.compile(r"\b(?:first|last|start|beginning|end|front|back|second|third|fourth|fifth|penultimate)\b|"
                    r"\b(?:to|at)\s+(?:the\s+)?(?:position|place|slot|\d)|最前|最后|开头|结尾|第[一二三四五六七八九十\d]")
_RELATIVE = re.compile(r"^(?P<x>.+?)\s+(?:right\s+|just\s+)?(?P<rel>after|behind|before|in\s+front\s+of|next\s+to)\s+"
                       r"(?:it|that(?:\s+one)?|this(?:\s+one)?|them)$")


def _span_of(ref: str, tl: Timeline) -> O.Span | None:
    """A range of time named by a follow-up ("the last 5", "from 0:10 to 0:15"), seconds when unsaid."""
    from reelforge.planner import time_words as TW

    text = re.sub(r"(\d)\s*$", r"\1 seconds", ref)
    r = TW.parse_time_range(text, tl.duration)
    if r is None or not r.explicit or r.kind not in (TW.RangeKind.SPAN, TW.RangeKind.START, TW.RangeKind.END, TW.RangeKind.AFTER):
        return None
    if r.end_ms <= r.start_ms or (r.start_ms <= 0 and r.end_ms >= tl.duration):
        return None
    return O.Span(start_ms=r.start_ms, end_ms=r.end_ms)


def _with_value(op: O.Op, n: float, unit: str | None) -> O.Op | None:
    u = (unit or "").strip()
    if isinstance(op, O.SetSegmentDuration) and u in ("", "s", "sec", "secs", "second", "seconds", "秒") and 0 < n <= 600:
        return op.model_copy(update={"duration_ms": int(n * 1000)})
    if isinstance(op, O.SetTotalDuration) and u in ("", "s", "sec", "secs", "second", "seconds", "秒") and 0 < n <= 600:
        return op.model_copy(update={"duration_ms": int(n * 1000)})
    if isinstance(op, O.SetVolume) and u in ("", "%", "percent") and 0 <= n <= 400:
        return op.model_copy(update={"volume": round(n / 100, 4), "factor": None})
    if isinstance(op, O.SetSpeed) and u in ("", "x", "倍") and 0.25 <= n <= 4:
        return op.model_copy(update={"speed": n})
    return None


def _repeat(last: list[O.Op], ref: str, mem: Memory, tl: Timeline, library: Sequence[Asset],
            find: FindTargets) -> list[O.Op] | None:
    t = mem.target or {}
    kind = t.get("kind")
    new: list[O.Target] = []
    role_words = {"title": Role.TITLE, "标题": Role.TITLE, "call to action": Role.CTA, "cta": Role.CTA,
                  "行动号召": Role.CTA, "caption": Role.CAPTION, "captions": Role.CAPTION, "字幕": Role.CAPTION}
    bare = re.sub(r"^(?:the|a)\s+", "", ref)
    audio = _AUDIO_ROLE.get(bare)
    if audio is not None and last and all(isinstance(o, (O.SetVolume, O.SetFade)) for o in last):
        # "make the music quieter" … "the voice too": the same change to that track
        return [o.model_copy(update={"role": audio}) for o in last if not (audio == "main" and isinstance(o, O.SetFade))] or None
    if any(isinstance(o, O.MoveSegment) for o in last) and _PLACE.search(ref):
        return None  # "put the coffee first" … "and the rocket last": a place of its own, not the last one again
    rel = _RELATIVE.match(ref)
    if rel and any(isinstance(o, O.MoveSegment) for o in last):
        # "move the mountain photo to the start" … "and the beach photo after it": placed next to that one
        moved = [x for x in find(rel.group("x")) if x.role is Role.MAIN]
        seg = next((x for x in _main(tl) if mem.moved and x.id == mem.moved[0]), None)
        name = mem.name or (_stem(seg.name) if seg is not None and getattr(seg, "name", "") else None)
        anchor = O.Target(name=name) if name else O.Target(id=mem.moved[0]) if mem.moved else None
        if not moved or anchor is None:
            return None
        side = "before" if rel.group("rel") in ("before", "in front of") else "after"
        return [O.MoveSegment(target=moved[0], **{side: anchor})]
    if last and all(getattr(o, "span", None) is not None for o in last):
        span = _span_of(ref, tl)  # "mute the music for the first 5 seconds" … "and the last 5 too"
        if span is not None:
            return [o.model_copy(update={"span": span}) for o in last]
    if _NEXT.match(ref) or _PREV.match(ref):
        i = t.get("index")
        if i is None:
            return None
        step = 1 if _NEXT.match(ref) else -1
        if step == 1 and i >= 0 and last and all(isinstance(o, O.RemoveSegment) for o in last):
            step = 0  # the one after a removed shot has moved into its place
        j = i + step
        if (i >= 0 > j) or (i < 0 <= j):
            return None
        new = [O.Target(index=j, kind=kind)]
    elif _ALL.match(ref):
        lib = {a.id: a for a in (*library, *tl.assets)}
        n = len([s for s in _main(tl) if kind is None or _kind_of(s, lib) == kind])
        new = [O.Target(index=k, kind=kind) for k in range(n)]
    elif bare in role_words:
        new = [O.Target(role=role_words[bare], index=0)]
    else:
        new = find(ref)
        if not new:
            return None
        # "the third too": a bare ordinal counts what was counted before
        new = [x.model_copy(update={"kind": kind}) if x.index is not None and x.kind is None and kind else x
               for x in new]
    out: list[O.Op] = []
    for op in last:
        if isinstance(op, O.UpdateText) and new[0].role in (Role.TITLE, Role.CTA, Role.CAPTION):
            out += [op.model_copy(update={"target": x}) for x in new]
        elif getattr(op, "target", None) is not None or isinstance(op, (O.SetMotion, O.SetSpeed, O.SetClipAudio)):
            if new[0].role is not Role.MAIN:
                return None
            if isinstance(op, (O.RemoveSegment, O.MoveSegment)) and len(new) > 1:
                return None  # never repeat a removal or a move on several things at once without asking
            out += [op.model_copy(update={"target": x}) for x in new]
        else:
            return None
    return out or None
