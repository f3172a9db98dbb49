"""The working state the edit ops change, and the length rules it keeps (pure, no I/O).

`State` is a mutable copy of a timeline: its settings, the assets in use, the project's library
and each track as a `WorkTrack`, whose segments are a plain list the handlers change in place;
`State.build` validates it back into a `Timeline`. Lengths:
- `pack` re-packs the main track from 0 (contiguous starts, transitions clamped to half of both
  neighbours); `State.relayout_main` packs it and either refits it to the old total or adopts
  its end;
- `State.refit_main` scales the shots to a new total, proportionally and never past a clip's
  footage (`available`);
- `State.set_duration` retimes every other track when the video's length changes: segments
  that spanned the whole video span it again, titles and logos that ended with it stay at the
  end, the rest are clipped.

`ApplyError` is defined here because every handler module raises it; `reelforge.planner.apply`
exports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from reelforge.errors import InvalidTimeline, PlanError
from reelforge.planner import ops as O
from reelforge.planner.bed import END_IN_PAUSE_MS
from reelforge.timeline.model import (
    ROLE_KIND,
    Asset,
    AssetKind,
    AudioSegment,
    Motion,
    Role,
    TextSegment,
    Timeline,
    TrackKind,
    Transition,
    VideoSegment,
    _explain,
    loop_position,
)


class ApplyError(PlanError):
    """An op cannot be applied to this timeline; the message says why in plain words."""


MIN_SEGMENT_MS = 100  # the shortest segment an edit makes
# the moves stills are given in turn ("auto" motion; a new or replaced still when the others move)
AUTO_MOTIONS = (Motion.ZOOM_IN, Motion.PAN_RIGHT, Motion.ZOOM_OUT, Motion.PAN_LEFT)


@dataclass
class WorkTrack:
    """A track being edited: its segments as a list the handlers change in place."""

    id: str
    kind: TrackKind
    role: Role
    segs: list[Any]


@dataclass
class State:
    """The timeline being edited (`State.of` a timeline, `build` back into one) and the library
    its ops may bring media in from."""

    base: Timeline
    duration: int
    width: int
    height: int
    background: str
    assets: list[Asset]
    library: dict[str, Asset]
    tracks: list[WorkTrack]
    used_ids: set[str] = field(default_factory=set)
    style: str = ""  # the named look ("" = the base timeline's)
    grade: dict[str, float] = field(default_factory=dict)  # colour fields set by ops
    video_fade: dict[str, int] = field(default_factory=dict)  # the picture's fades from/to black set by ops

    @classmethod
    def of(cls, tl: Timeline, library: Sequence[Asset]) -> State:
        lib = {a.id: a for a in library}
        for a in tl.assets:
            lib.setdefault(a.id, a)
        tracks = [WorkTrack(t.id, t.kind, t.role, list(t.segments)) for t in tl.tracks]
        used = {t.id for t in tl.tracks} | {s.id for t in tl.tracks for s in t.segments}
        return cls(tl, tl.duration, tl.width, tl.height, tl.background, list(tl.assets), lib, tracks, used)

    # -- ids, assets, tracks ------------------------------------------------------------------
    def new_id(self, prefix: str) -> str:
        n = 1
        while f"{prefix}{n}" in self.used_ids:
            n += 1
        self.used_ids.add(f"{prefix}{n}")
        return f"{prefix}{n}"

    def asset(self, asset_id: str) -> Asset:
        a = self.library.get(asset_id)
        if a is None:
            raise ApplyError(f"no media with id {asset_id!r} in this project")
        if all(x.id != asset_id for x in self.assets):
            self.assets.append(a)
        return a

    def track(self, role: Role) -> WorkTrack | None:
        for t in self.tracks:
            if t.role is role:
                return t
        return None

    def tracks_of(self, role: Role) -> list[WorkTrack]:
        return [t for t in self.tracks if t.role is role]

    def add_track(self, role: Role) -> WorkTrack:
        tr = WorkTrack(self.new_id(f"{role.value}-"), ROLE_KIND[role], role, [])
        if role is Role.MAIN:
            self.tracks.insert(0, tr)
        else:
            self.tracks.append(tr)
        return tr

    def main(self) -> WorkTrack:
        tr = self.track(Role.MAIN)
        if tr is None or not tr.segs:
            raise ApplyError("the video has no images or clips yet")
        return tr

    def build(self) -> Timeline:
        used = {s.src for t in self.tracks for s in t.segs if not isinstance(s, TextSegment)}
        # keep the assets still referred to, in their original order
        assets = [a for a in self.assets if a.id in used]
        data = {
            "width": self.width, "height": self.height, "fps": self.base.fps, "duration": self.duration,
            "background": self.background, "loudness": self.base.loudness,
            # settings no op below changes are carried over (set_caption_mode changes base)
            "style": self.style or self.base.style, "burn_captions": self.base.burn_captions,
            "grade": {**self.base.grade.model_dump(), **self.grade},
            "fade_in_ms": self.video_fade.get("fade_in_ms", self.base.fade_in_ms),
            "fade_out_ms": self.video_fade.get("fade_out_ms", self.base.fade_out_ms),
            "assets": [a.model_dump() for a in assets],
            "tracks": [{"id": t.id, "kind": t.kind, "role": t.role,
                        "segments": [s.model_dump() for s in t.segs]} for t in self.tracks],
        }
        try:
            return Timeline.model_validate(data)
        except ValidationError as exc:  # a bug here, but say it in words
            raise ApplyError(f"that edit would break the timeline ({_explain(exc)})") from exc
        except InvalidTimeline as exc:
            raise ApplyError(str(exc)) from exc

    # -- lengths ------------------------------------------------------------------------------
    def relayout_main(self, *, keep_total: bool) -> None:
        """Re-pack the main track from 0; then either refit it to the old total or adopt its end."""
        tr = self.track(Role.MAIN)
        if tr is None:
            return
        if not tr.segs:
            # nothing left to show: keep the length, the background shows
            return
        pack(tr.segs)
        end = tr.segs[-1].end
        if keep_total and end != self.duration:
            self.refit_main(self.duration)
        elif end != self.duration:
            self.set_duration(end)

    def refit_main(self, total: int, keep: frozenset[int] = frozenset()) -> None:
        """The video ``total`` long, its shots scaled to fill it (those at positions ``keep`` as they are)."""
        tr = self.track(Role.MAIN)
        if tr is None or not tr.segs:
            self.set_duration(total)
            return
        tr.segs = refit(tr.segs, total, self.library, keep)
        self.set_duration(total)

    def set_duration(self, new: int) -> None:
        old = self.duration
        if new <= 0:
            raise ApplyError("the video cannot be shorter than a frame")
        self.duration = new
        # a caption shown exactly with a title or a call to action is a row of it: it moves with it
        rows_of = {(s.start, s.end) for t in self.tracks if t.role in (Role.TITLE, Role.CTA) for s in t.segs}
        for t in self.tracks:
            if t.role is Role.MAIN:
                continue
            if t.role is Role.MUSIC and (bed := _retime_bed(t.segs, old, new, self.library)) is not None:
                t.segs = bed
                continue
            out = []
            for s in t.segs:
                s2 = _retime(s, old, new, self.library, t.role,
                             row=t.role is Role.CAPTION and (s.start, s.end) in rows_of)
                if s2 is not None:
                    out.append(s2)
            t.segs = out


def pack(segs: list[Any]) -> None:
    """Contiguous starts with transitions clamped to half of both neighbours (in place)."""
    pos = 0
    for i, s in enumerate(segs):
        upd: dict[str, Any] = {}
        t_ms = s.transition_ms
        if s.transition is Transition.CUT:
            t_ms = 0
        limit = s.duration // 2 if i == 0 else min(s.duration, segs[i - 1].duration) // 2
        if i == 0:
            t_ms = min(t_ms, limit)
            start = 0
        else:
            t_ms = min(t_ms, limit)
            start = pos - t_ms
        if t_ms == 0 and s.transition is not Transition.CUT and i > 0:
            upd["transition"] = Transition.CUT
        if t_ms != s.transition_ms:
            upd["transition_ms"] = t_ms
        if start != s.start:
            upd["start"] = start
        if upd:
            s = s.model_copy(update=upd)
            segs[i] = s
        pos = s.end


def available(seg: VideoSegment, lib: dict[str, Asset]) -> int | None:
    """Longest this clip can run (source left after the in-point, at its speed); None = no limit."""
    a = lib.get(seg.src)
    if a is None or a.kind is AssetKind.IMAGE or a.duration_ms <= 0:
        return None
    return max(MIN_SEGMENT_MS, int((a.duration_ms - seg.in_ms) / seg.speed))


def refit(segs: list[Any], total: int, lib: dict[str, Asset], keep: frozenset[int] = frozenset()) -> list[Any]:
    """Scale main-track durations so the packed track ends exactly at ``total`` (the shots at
    positions ``keep`` keep their lengths: "shorten it to 20s but keep the whatsapp part whole")."""
    n = len(segs)
    if total < n * MIN_SEGMENT_MS:
        raise ApplyError(f"{O.fmt_ms(total)} is too short for {n} shots")
    segs = list(segs)
    keep = frozenset(k for k in keep if 0 <= k < n)
    if len(keep) == n:
        raise ApplyError("every shot keeps its length: there is nothing to make longer or shorter")
    for _ in range(6):
        overlap = sum(s.transition_ms for s in segs[1:] if s.transition is not Transition.CUT)
        want = total + overlap
        caps = [available(s, lib) for s in segs]
        free = [k for k in range(n) if k not in keep]
        part = _distribute(want - sum(segs[k].duration for k in keep), [segs[k].duration for k in free],
                           [caps[k] for k in free])
        durs = None if part is None else [segs[k].duration for k in range(n)]
        for k, d in zip(free, part or [], strict=False):
            durs[k] = d  # type: ignore[index]
        if part is None and keep:
            raise ApplyError(f"{O.fmt_ms(total)} is too short for the other shots beside those kept as they are")
        if durs is None:
            raise ApplyError(f"the clips only have enough footage for about {O.fmt_ms(sum(c or 0 for c in caps))}")
        segs = [s.model_copy(update={"duration": d}) if d != s.duration else s for s, d in zip(segs, durs, strict=True)]
        pack(segs)
        end = segs[-1].end
        if end == total:
            return segs
    # transitions kept shrinking: absorb the rest into the longest uncapped segment
    diff = total - segs[-1].end
    i = max((k for k in range(n) if k not in keep), key=lambda k: (caps[k] is None, segs[k].duration))
    d = segs[i].duration + diff
    if d < MIN_SEGMENT_MS:
        raise ApplyError(f"{O.fmt_ms(total)} is too short for these shots")
    segs[i] = segs[i].model_copy(update={"duration": d})
    pack(segs)
    if segs[-1].end != total:
        raise ApplyError("could not fit the shots to that length")
    return segs


def _distribute(want: int, durs: list[int], caps: list[int | None]) -> list[int] | None:
    """Proportional integer split of ``want`` over weights ``durs`` with per-item caps."""
    n = len(durs)
    out = [0] * n
    fixed = [False] * n
    remaining = want
    for _ in range(n + 1):
        free = [i for i in range(n) if not fixed[i]]
        if not free:
            return out if remaining == 0 else None
        weight = sum(durs[i] for i in free)
        raw = {i: remaining * durs[i] / weight if weight else remaining / len(free) for i in free}
        over = [i for i in free if caps[i] is not None and raw[i] > caps[i]]
        if over:
            for i in over:
                out[i] = caps[i]  # type: ignore[assignment]
                fixed[i] = True
                remaining -= caps[i]  # type: ignore[operator]
            continue
        floors = {i: int(raw[i]) for i in free}
        left = remaining - sum(floors.values())
        order = sorted(free, key=lambda i: (-(raw[i] - floors[i]), i))
        for i in order[:left]:
            floors[i] += 1
        for i in free:
            out[i] = max(MIN_SEGMENT_MS, floors[i])
        return out
    return None


def _retime(s: Any, old: int, new: int, lib: dict[str, Asset], role: Role, *, row: bool = False) -> Any | None:
    """A non-main segment after the video's length changes from ``old`` to ``new`` (``row``: a
    caption shown with a title or call to action, which it follows)."""
    if old == new:
        return s
    # a voiceover stopped at its last pause before the video's end (`bed.voice_end_in_pause`) spans it still: a
    # longer video hears more of it (it stayed 4.8 s in an 8 s video)
    stopped = role is Role.VOICE and s.start == 0 and new > old and old - END_IN_PAUSE_MS <= s.end < old
    if s.start == 0 and (s.end == old or stopped):  # spanned the whole video: span it again
        d = new
        upd: dict[str, Any] = {"duration": d}
        if isinstance(s, AudioSegment):
            a = lib.get(s.src)
            end = s.loop_end_ms if s.loop_end_ms is not None and role is Role.MUSIC else a.duration_ms if a else 0
            if a is not None and a.duration_ms > 0 and end - s.in_ms < d:
                if role is Role.MUSIC:
                    upd["loop"] = True
                elif not s.loop:
                    d = max(1, min(d, a.duration_ms - s.in_ms))
                    upd["duration"] = d
        return fix_fades(s.model_copy(update=upd))
    # ended with the video: stay at the end (a title or call to action; a caption keeps its time with
    # the words it shows: slid to the new end, the last caption of a 20 s cut shortened to 15 s landed
    # over the captions before it, and the edit failed as an invalid timeline)
    if s.end == old and s.start > 0 and (isinstance(s, TextSegment) or role is Role.LOGO) and (role is not Role.CAPTION
                                                                                               or row):
        start = max(0, new - s.duration)
        return fix_fades(s.model_copy(update={"start": start, "duration": min(s.duration, new)}))
    if s.start >= new:
        return None
    if s.end > new:
        return fix_fades(s.model_copy(update={"duration": new - s.start}))
    return s


def _retime_bed(segs: list[Any], old: int, new: int, lib: dict[str, Asset]) -> list[Any] | None:
    """A music bed in pieces ("music quieter at the end": 0-26 s and 26-30 s of one song) after the
    video's length changes from ``old`` to ``new``: still the whole video, each piece where it was
    from the nearer end (the quieter end and its fade-out stay the last 4 s) and the song going on
    through the cuts (each in-point moves with its piece; a piece running past the song's end loops).
    Before, a longer video went silent after the pieces and a shorter one lost the last piece.
    None when the track is no such bed (one piece, gaps, two songs): retimed piece by piece."""
    if len(segs) < 2 or old == new or not all(isinstance(x, AudioSegment) for x in segs):
        return None
    segs = sorted(segs, key=lambda x: x.start)
    first = segs[0]
    song = lib.get(first.src)
    source = song.duration_ms if song is not None else 0

    def at(in_ms: int) -> int:  # where the song is (a looped one comes round)
        return loop_position(in_ms, first.loop_start_ms, first.loop_end_ms, source) if first.loop and source else in_ms

    if first.start != 0 or segs[-1].end != old or len({x.src for x in segs}) != 1 \
            or any(b.start != a.end or at(a.in_ms + b.start - a.start) != at(b.in_ms) for a, b in zip(segs, segs[1:], strict=False)):
        return None
    cuts = [x.start for x in segs[1:]]
    # the last cut keeps its distance from the end when its piece is the end's ("quieter at the end": the last
    # 4 s of 30); every other cut stays at its time ("quieter from 10 to 20 seconds" stays 10-20 s)
    moved = [new - (old - c) if k == len(cuts) - 1 and 3 * (old - c) < old else c for k, c in enumerate(cuts)]
    if any(b - a < 500 for a, b in zip([0, *moved], [*moved, new], strict=True)):  # no room where they were: in proportion
        moved = [round(c * new / old) for c in cuts]
        if any(b - a < 100 for a, b in zip([0, *moved], [*moved, new], strict=True)):
            return None
    end = first.loop_end_ms if first.loop_end_ms is not None else source
    out = []
    for x, start, stop in zip(segs, [0, *moved], [*moved, new], strict=True):
        upd: dict[str, Any] = {"start": start, "duration": stop - start, "in_ms": first.in_ms + start}
        if end > 0 and first.in_ms + stop > end:
            upd.update(loop=True, loop_start_ms=first.loop_start_ms, loop_end_ms=first.loop_end_ms)
        out.append(fix_fades(x.model_copy(update=upd)))
    return out


def fix_fades(s: Any) -> Any:
    if isinstance(s, (AudioSegment, TextSegment)):
        fi = min(s.fade_in_ms, s.duration // 2)
        fo = min(s.fade_out_ms, s.duration // 2)
        if (fi, fo) != (s.fade_in_ms, s.fade_out_ms):
            return s.model_copy(update={"fade_in_ms": fi, "fade_out_ms": fo})
    return s
