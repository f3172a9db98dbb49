"""Which segment an op names (`resolve`): by id, by part of its name or words, by the time it
shows, by position, or the only one there is, among the tracks of a role (and of a kind: images
or video clips); with the words the refusals use for segments and roles."""

from __future__ import annotations

from typing import Any

from reelforge.planner import ops as O
from reelforge.planner.apply_state import ApplyError, State, WorkTrack
from reelforge.timeline.model import AssetKind, Role, TextSegment


def kind_of(st: State, seg: Any) -> str | None:
    """"image" or "video" by the segment's source; None for text or a source not in the library."""
    src = getattr(seg, "src", None)
    a = st.library.get(src) if src else None
    if a is None:
        return None
    return "image" if a.kind is AssetKind.IMAGE else "video"


def label(seg: Any, st: State) -> str:
    """A segment as a refusal names it: its words in quotes, or its file name."""
    if isinstance(seg, TextSegment):
        return f'"{seg.text}"'
    return seg.name or (st.library[seg.src].name if seg.src in st.library else seg.src)


def resolve(st: State, target: O.Target) -> tuple[WorkTrack, int]:
    """(track, index) of the one segment ``target`` names, or an `ApplyError` saying why not."""
    tracks = st.tracks_of(target.role)
    what = target.describe()
    if not tracks or not any(t.segs for t in tracks):
        raise ApplyError(f"there is no {role_word(target.role)} to change")
    pool = [(t, i) for t in tracks for i in range(len(t.segs))]
    if target.kind is not None:
        pool = [(t, i) for t, i in pool if kind_of(st, t.segs[i]) == target.kind]
        if not pool:
            raise ApplyError(f"there are no {'images' if target.kind == 'image' else 'video clips'} on the timeline")
    if len(tracks) > 1:
        pool.sort(key=lambda p: (p[0].segs[p[1]].start, st.tracks.index(p[0])))
    if target.id is not None:
        for t, i in pool:
            if t.segs[i].id == target.id:
                return t, i
        raise ApplyError(f"there is no segment {target.id}")
    if target.name is not None:
        key = target.name.casefold()
        hits = [(t, i) for t, i in pool if key in _searchable(t.segs[i], st)]
        if not hits:
            names = ", ".join(label(t.segs[i], st) for t, i in pool[:8])
            raise ApplyError(f'nothing called "{target.name}" on the timeline (there is: {names})')
        if len(hits) > 1:
            names = ", ".join(f"{n + 1}. {label(t.segs[i], st)}" for n, (t, i) in enumerate(hits))
            raise ApplyError(f'"{target.name}" matches {len(hits)} segments ({names}); which one?')
        return hits[0]
    if target.at_ms is not None:
        hits = [(t, i) for t, i in pool if t.segs[i].start <= target.at_ms < t.segs[i].end]
        if not hits:
            raise ApplyError(f"nothing is showing at {O.fmt_ms(target.at_ms)}")
        return hits[-1]  # during a transition the incoming segment wins
    if target.index is not None:
        n = len(pool)
        i = target.index
        if not -n <= i < n:
            noun = {"image": "image", "video": "clip"}.get(target.kind or "", "segment")
            raise ApplyError(f"there {'is' if n == 1 else 'are'} only {n} {noun}{'' if n == 1 else 's'}, so there is no {O.ordinal(i)} one")
        return pool[i]
    if len(pool) == 1:
        return pool[0]
    raise ApplyError(f"which {what.removeprefix('the ')}? there are {len(pool)}")


def _searchable(seg: Any, st: State) -> str:
    parts = [seg.id]
    if isinstance(seg, TextSegment):
        parts.append(seg.text)
    else:
        parts.append(seg.name)
        a = st.library.get(seg.src)
        if a is not None:
            parts.append(a.name)
    return " ".join(parts).casefold()


def role_word(role: Role) -> str:
    """A track role in words ("call to action")."""
    return {Role.MAIN: "image or clip", Role.MUSIC: "music", Role.VOICE: "voiceover", Role.TITLE: "title",
            Role.CAPTION: "caption", Role.CTA: "call to action", Role.LOGO: "logo",
            Role.OVERLAY: "overlay", Role.SFX: "sound effect"}[role]


def main_index(st: State, target: O.Target) -> int:
    """The position on the main track of the shot ``target`` names."""
    if target.role is not Role.MAIN:
        raise ApplyError(f"{target.describe()} is not on the main video track")
    tr, i = resolve(st, target)
    return i
