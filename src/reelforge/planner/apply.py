"""Apply edit ops to a timeline: a pure, deterministic ``Timeline -> Timeline`` function.

Invariants kept after every op (and re-checked by validating the result through the model):
- the main track is contiguous from 0: segment ``i`` starts where ``i-1`` ends minus its own
  transition (transitions never exceed half of either neighbour);
- the timeline lasts exactly as long as the main track (when there is one);
- nothing on any track runs past the end: text and other segments are clipped, segments that
  spanned the whole video (music bed, logo, "throughout" text) are refit to the new length,
  and segments that ended with the video stay anchored to the end.

Length rules: adding, removing, trimming or resizing a segment changes the total; reordering,
swapping, replacing a source and changing transitions keep it (the main track is refit).
Errors are `ApplyError` with a message meant for the user; the input timeline is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import cycle
from typing import Any

from pydantic import ValidationError

from reelforge.errors import InvalidTimeline, PlanError
from reelforge.planner import ops as O
from reelforge.planner.bed import music_bed
from reelforge.timeline.model import (
    MOTION_AMOUNT_MAX,
    MOTION_AMOUNT_MIN,
    ROLE_KIND,
    Asset,
    AssetKind,
    AudioSegment,
    Fit,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
    Timeline,
    TrackKind,
    Transition,
    VideoSegment,
    _explain,
    loop_position,
    motion_amount_within,
)
from reelforge.timeline.presets import ASPECTS, aspect_of, frame_size, resolution_of

MIN_SEGMENT_MS = 100
DEFAULT_STILL_MS = 3000
DEFAULT_TEXT_MS = 3000
DEFAULT_TRANSITION_MS = 500
VOICE_TAIL_MS = 500
AUTO_MOTIONS = (Motion.ZOOM_IN, Motion.PAN_RIGHT, Motion.ZOOM_OUT, Motion.PAN_LEFT)
TEXT_DEFAULTS = {"title": (Position.CENTER, TextSize.LARGE), "caption": (Position.BOTTOM, TextSize.MEDIUM),
                 "cta": (Position.BOTTOM, TextSize.LARGE)}


class ApplyError(PlanError):
    """An op cannot be applied to this timeline; the message says why in plain words."""


def apply(timeline: Timeline, ops: Iterable[O.Op], *, library: Sequence[Asset] = ()) -> Timeline:
    """Apply ``ops`` in order and return the new, validated timeline.

    ``library`` supplies assets that ops may bring in (add_segment, replace_source,
    replace_music, add_logo) when they are not on the timeline yet.
    """
    st = _State.of(timeline, library)
    for op in ops:
        handler = _HANDLERS.get(type(op))
        if handler is None:
            if isinstance(op, (O.Undo, O.Redo)):
                raise ApplyError(f"{op.op} is handled by the session, not applied to a timeline")
            if isinstance(op, O.REQUEST_TYPES):
                raise ApplyError(f"{O.describe(op)} runs a model: the session turns it into data first")
            raise ApplyError(f"unknown op {op!r}")
        anchors = _caption_anchors(st)
        main_before = _main_spans(st)
        handler(st, op)
        if anchors and _main_spans(st) != main_before:
            _reanchor_captions(st, anchors, main_before)
    return st.build()


# ---------------------------------------------------------------------------------------------
# captions follow their pictures
def _main_spans(st: _State) -> dict[str, tuple[int, int]]:
    tr = st.track(Role.MAIN)
    return {s.id: (s.start, s.duration) for s in tr.segs} if tr else {}


def _row_spans(st: _State) -> set[tuple[int, int]]:
    """The (start, end) of every title and call to action: a caption with one of them is a row of
    that text ("@cafe_luna" under "Visit us today"), shown with it, not with a picture."""
    return {(s.start, s.end) for r in (Role.TITLE, Role.CTA) for t in st.tracks_of(r) for s in t.segs}


def _caption_anchors(st: _State) -> dict[str, tuple[Any, str, str]]:
    """Caption segment id -> (the caption, its track id, the one shot whose time contains it)."""
    tr = st.track(Role.MAIN)
    if tr is None:
        return {}
    out = {}
    shots = {s.id for s in tr.segs}
    rows = _row_spans(st)
    for t in st.tracks_of(Role.CAPTION):
        for c in t.segs:
            if c.shot in shots:  # its picture, as the planner marked it
                out[c.id] = (c, t.id, c.shot)
                continue
            if c.id.startswith(CUE_ID) or (c.start, c.end) in rows:  # said by the voice / a row: not a picture's
                continue
            inside = [s.id for s in tr.segs if s.start <= c.start and c.end <= s.end]
            if len(inside) == 1:
                out[c.id] = (c, t.id, inside[0])
    return out


def _reanchor_captions(st: _State, anchors: dict[str, tuple[Any, str, str]],
                       before: dict[str, tuple[int, int]]) -> None:
    """After the shots moved or changed length, put each anchored caption back over its shot
    (same relative place and share of the shot; dropped with its shot). Captions that were not
    inside one shot keep what the op did to them."""
    main = st.track(Role.MAIN)
    now = {s.id: s for s in main.segs} if main else {}
    rows = _row_spans(st)
    spill: list[Any] = []
    for t in list(st.tracks_of(Role.CAPTION)):
        current = {c.id: c for c in t.segs}  # what the op made of each caption (its style, its words)
        out = [c for c in t.segs if c.id not in anchors]
        for orig, track_id, shot_id in anchors.values():
            shot = now.get(shot_id)
            if track_id != t.id or shot is None:  # its picture was removed
                continue
            old_start, old_dur = before[shot_id]
            k = shot.duration / old_dur
            start = shot.start + round((orig.start - old_start) * k)
            start = max(0, min(start, shot.end - 1, st.duration - 1))
            dur = max(1, min(round(orig.duration * k), shot.end - start, st.duration - start))
            cap = current.get(orig.id, orig)  # an op that cut it short (a shorter video) does not lose it
            out.append(_fix_fades(cap.model_copy(update={"start": start, "duration": dur})))
        out.sort(key=lambda c: (c.start, c.id))
        tidy: list[Any] = []
        for c in out:  # captions never overlap on a track
            if tidy and c.start < tidy[-1].end and (tidy[-1].start, tidy[-1].end) in rows and (c.start, c.end) not in rows:
                spill.append(c)  # a row under the title keeps its time; a picture's caption moved under it keeps its own
                continue
            if tidy and c.start < tidy[-1].end:
                d = c.start - tidy[-1].start
                if d <= 0:
                    continue
                tidy[-1] = _fix_fades(tidy[-1].model_copy(update={"duration": d}))
            tidy.append(c)
        t.segs = tidy
    if spill:  # on a caption track of their own: the layout shows them with the row, nothing cut or lost
        extra = st.add_track(Role.CAPTION)
        extra.segs = sorted(spill, key=lambda c: c.start)
    # a caption track left empty (its captions went with their pictures) goes too: the summary
    # listed "Caption: (empty)"
    st.tracks = [t for t in st.tracks if t.segs or t.role is not Role.CAPTION]


# ---------------------------------------------------------------------------------------------
# working state
@dataclass
class _Tr:
    id: str
    kind: TrackKind
    role: Role
    segs: list[Any]


@dataclass
class _State:
    base: Timeline
    duration: int
    width: int
    height: int
    background: str
    assets: list[Asset]
    library: dict[str, Asset]
    tracks: list[_Tr]
    used_ids: set[str] = field(default_factory=set)
    style: str = ""  # the named look ("" = the base timeline's)
    grade: dict[str, float] = field(default_factory=dict)  # colour fields set by ops
    video_fade: dict[str, int] = field(default_factory=dict)  # the picture's fades from/to black set by ops

    @classmethod
    def of(cls, tl: Timeline, library: Sequence[Asset]) -> _State:
        lib = {a.id: a for a in library}
        for a in tl.assets:
            lib.setdefault(a.id, a)
        tracks = [_Tr(t.id, t.kind, t.role, list(t.segments)) for t in tl.tracks]
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

    def track(self, role: Role) -> _Tr | None:
        for t in self.tracks:
            if t.role is role:
                return t
        return None

    def tracks_of(self, role: Role) -> list[_Tr]:
        return [t for t in self.tracks if t.role is role]

    def add_track(self, role: Role) -> _Tr:
        tr = _Tr(self.new_id(f"{role.value}-"), ROLE_KIND[role], role, [])
        if role is Role.MAIN:
            self.tracks.insert(0, tr)
        else:
            self.tracks.append(tr)
        return tr

    def main(self) -> _Tr:
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
        _pack(tr.segs)
        end = tr.segs[-1].end
        if keep_total and end != self.duration:
            self.refit_main(self.duration)
        elif end != self.duration:
            self.set_duration(end)

    def refit_main(self, total: int) -> None:
        tr = self.track(Role.MAIN)
        if tr is None or not tr.segs:
            self.set_duration(total)
            return
        tr.segs = _refit(tr.segs, total, self.library)
        self.set_duration(total)

    def set_duration(self, new: int) -> None:
        old = self.duration
        if new <= 0:
            raise ApplyError("the video cannot be shorter than a frame")
        self.duration = new
        for t in self.tracks:
            if t.role is Role.MAIN:
                continue
            out = []
            for s in t.segs:
                s2 = _retime(s, old, new, self.library, t.role)
                if s2 is not None:
                    out.append(s2)
            t.segs = out


def _pack(segs: list[Any]) -> None:
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


def _available(seg: VideoSegment, lib: dict[str, Asset]) -> int | None:
    """Longest this clip can run (source left after the in-point, at its speed); None = no limit."""
    a = lib.get(seg.src)
    if a is None or a.kind is AssetKind.IMAGE or a.duration_ms <= 0:
        return None
    return max(MIN_SEGMENT_MS, int((a.duration_ms - seg.in_ms) / seg.speed))


def _refit(segs: list[Any], total: int, lib: dict[str, Asset]) -> list[Any]:
    """Scale main-track durations so the packed track ends exactly at ``total``."""
    n = len(segs)
    if total < n * MIN_SEGMENT_MS:
        raise ApplyError(f"{O.fmt_ms(total)} is too short for {n} shots")
    segs = list(segs)
    for _ in range(6):
        overlap = sum(s.transition_ms for s in segs[1:] if s.transition is not Transition.CUT)
        want = total + overlap
        caps = [_available(s, lib) for s in segs]
        durs = _distribute(want, [s.duration for s in segs], caps)
        if durs is None:
            raise ApplyError(f"the clips only have enough footage for about {O.fmt_ms(sum(c or 0 for c in caps))}")
        segs = [s.model_copy(update={"duration": d}) if d != s.duration else s for s, d in zip(segs, durs, strict=True)]
        _pack(segs)
        end = segs[-1].end
        if end == total:
            return segs
    # transitions kept shrinking: absorb the rest into the longest uncapped segment
    diff = total - segs[-1].end
    i = max(range(n), key=lambda k: (caps[k] is None, segs[k].duration))
    d = segs[i].duration + diff
    if d < MIN_SEGMENT_MS:
        raise ApplyError(f"{O.fmt_ms(total)} is too short for these shots")
    segs[i] = segs[i].model_copy(update={"duration": d})
    _pack(segs)
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


def _retime(s: Any, old: int, new: int, lib: dict[str, Asset], role: Role) -> Any | None:
    """A non-main segment after the video's length changes from ``old`` to ``new``."""
    if old == new:
        return s
    if s.start == 0 and s.end == old:  # spanned the whole video: span it again
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
        return _fix_fades(s.model_copy(update=upd))
    # ended with the video: stay at the end (a title or call to action; a caption keeps its time with
    # the words it shows: slid to the new end, the last caption of a 20 s cut shortened to 15 s landed
    # over the captions before it, and the edit failed as an invalid timeline)
    if s.end == old and s.start > 0 and (isinstance(s, TextSegment) or role is Role.LOGO) and role is not Role.CAPTION:
        start = max(0, new - s.duration)
        return _fix_fades(s.model_copy(update={"start": start, "duration": min(s.duration, new)}))
    if s.start >= new:
        return None
    if s.end > new:
        return _fix_fades(s.model_copy(update={"duration": new - s.start}))
    return s


def _fix_fades(s: Any) -> Any:
    if isinstance(s, (AudioSegment, TextSegment)):
        fi = min(s.fade_in_ms, s.duration // 2)
        fo = min(s.fade_out_ms, s.duration // 2)
        if (fi, fo) != (s.fade_in_ms, s.fade_out_ms):
            return s.model_copy(update={"fade_in_ms": fi, "fade_out_ms": fo})
    return s


# ---------------------------------------------------------------------------------------------
# finding segments
def _kind_of(st: _State, seg: Any) -> str | None:
    src = getattr(seg, "src", None)
    a = st.library.get(src) if src else None
    if a is None:
        return None
    return "image" if a.kind is AssetKind.IMAGE else "video"


def _label(seg: Any, st: _State) -> str:
    if isinstance(seg, TextSegment):
        return f'"{seg.text}"'
    return seg.name or (st.library[seg.src].name if seg.src in st.library else seg.src)


def resolve(st: _State, target: O.Target) -> tuple[_Tr, int]:
    tracks = st.tracks_of(target.role)
    what = target.describe()
    if not tracks or not any(t.segs for t in tracks):
        raise ApplyError(f"there is no {_role_word(target.role)} to change")
    pool = [(t, i) for t in tracks for i in range(len(t.segs))]
    if target.kind is not None:
        pool = [(t, i) for t, i in pool if _kind_of(st, t.segs[i]) == target.kind]
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
            names = ", ".join(_label(t.segs[i], st) for t, i in pool[:8])
            raise ApplyError(f'nothing called "{target.name}" on the timeline (there is: {names})')
        if len(hits) > 1:
            names = ", ".join(f"{n + 1}. {_label(t.segs[i], st)}" for n, (t, i) in enumerate(hits))
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


def _searchable(seg: Any, st: _State) -> str:
    parts = [seg.id]
    if isinstance(seg, TextSegment):
        parts.append(seg.text)
    else:
        parts.append(seg.name)
        a = st.library.get(seg.src)
        if a is not None:
            parts.append(a.name)
    return " ".join(parts).casefold()


def _role_word(role: Role) -> str:
    return {Role.MAIN: "image or clip", Role.MUSIC: "music", Role.VOICE: "voiceover", Role.TITLE: "title",
            Role.CAPTION: "caption", Role.CTA: "call to action", Role.LOGO: "logo",
            Role.OVERLAY: "overlay", Role.SFX: "sound effect"}[role]


def _main_index(st: _State, target: O.Target) -> int:
    if target.role is not Role.MAIN:
        raise ApplyError(f"{target.describe()} is not on the main video track")
    tr, i = resolve(st, target)
    return i


# ---------------------------------------------------------------------------------------------
# handlers: segments
def _new_video_seg(st: _State, asset: Asset, duration: int | None) -> VideoSegment:
    if asset.kind is AssetKind.AUDIO:
        raise ApplyError(f"{asset.name} is audio; it can be the music or the voiceover, not a shot")
    if duration is None:
        duration = asset.duration_ms if asset.kind is AssetKind.VIDEO and asset.duration_ms > 0 else DEFAULT_STILL_MS
    if asset.kind is AssetKind.VIDEO and asset.duration_ms > 0:
        duration = min(duration, asset.duration_ms)
    main = st.track(Role.MAIN)
    like = main.segs[-1] if main and main.segs else None
    fields: dict[str, Any] = {"id": st.new_id("v"), "start": 0, "duration": max(MIN_SEGMENT_MS, duration),
                              "src": asset.id, "name": asset.name}
    if like is not None:
        if like.fit_locked:  # the user's fit goes on to the new shot; the framing picks the others'
            fields["fit"], fields["fit_locked"] = like.fit, True
        # the same transition, no longer than half the new shot (a 1 s shot after 1.5 s fades)
        span = min(like.transition_ms, fields["duration"] // 2)
        if like.transition is not Transition.CUT and span > 0:
            fields["transition"] = like.transition
            fields["transition_ms"] = span
    if asset.kind is AssetKind.IMAGE and like is not None and any(s.motion is not Motion.NONE for s in main.segs):
        fields["motion"] = AUTO_MOTIONS[len(main.segs) % len(AUTO_MOTIONS)]
    return VideoSegment(**fields)


def _add_segment(st: _State, op: O.AddSegment) -> None:
    asset = st.asset(op.asset_id)
    main = st.track(Role.MAIN) or st.add_track(Role.MAIN)
    seg = _new_video_seg(st, asset, op.duration_ms)
    if op.after is not None:
        pos = _main_index(st, op.after) + 1
    elif op.before is not None:
        pos = _main_index(st, op.before)
    else:
        pos = len(main.segs)
    main.segs.insert(pos, seg)
    if len(main.segs) == 1:
        main.segs[0] = seg.model_copy(update={"transition": Transition.CUT, "transition_ms": 0})
    st.relayout_main(keep_total=False)


def _remove_segment(st: _State, op: O.RemoveSegment) -> None:
    tr, i = resolve(st, op.target)
    if tr.role is Role.MAIN and len(tr.segs) == 1:
        raise ApplyError("that is the only shot; the video needs at least one")
    del tr.segs[i]
    if tr.role is Role.MAIN:
        st.relayout_main(keep_total=False)


def _move_segment(st: _State, op: O.MoveSegment) -> None:
    main = st.main()
    i = _main_index(st, op.target)
    seg = main.segs[i]
    n = len(main.segs)
    if op.after is not None or op.before is not None:
        ref = _main_index(st, op.after if op.after is not None else op.before)  # type: ignore[arg-type]
        if ref == i:
            raise ApplyError("a shot cannot move next to itself")
        ref_id = main.segs[ref].id
        del main.segs[i]
        r = next(k for k, s in enumerate(main.segs) if s.id == ref_id)
        main.segs.insert(r + 1 if op.after is not None else r, seg)
    else:
        to = op.to_index if op.to_index is not None else -1
        if not -n <= to < n:
            raise ApplyError(f"there are only {n} shots")
        to = to % n
        del main.segs[i]
        main.segs.insert(to, seg)
    _normalise_first(main)
    st.relayout_main(keep_total=True)


def _normalise_first(main: _Tr) -> None:
    """The first shot has nothing to transition from: give its transition to the new second."""
    if not main.segs:
        return
    first = main.segs[0]
    if first.transition is not Transition.CUT and len(main.segs) > 1:
        second = main.segs[1]
        if second.transition is Transition.CUT:
            main.segs[1] = second.model_copy(update={"transition": first.transition, "transition_ms": first.transition_ms})
        main.segs[0] = first.model_copy(update={"transition": Transition.CUT, "transition_ms": 0})


def _swap(st: _State, op: O.SwapSegments) -> None:
    main = st.main()
    i, j = _main_index(st, op.a), _main_index(st, op.b)
    if i == j:
        raise ApplyError("those are the same shot")
    a, b = main.segs[i], main.segs[j]
    # the transitions belong to the positions, the pictures move
    main.segs[i] = b.model_copy(update={"transition": a.transition, "transition_ms": a.transition_ms})
    main.segs[j] = a.model_copy(update={"transition": b.transition, "transition_ms": b.transition_ms})
    st.relayout_main(keep_total=True)


def _reverse(st: _State, op: O.ReverseOrder) -> None:
    main = st.main()
    trans = [(s.transition, s.transition_ms) for s in main.segs]
    main.segs = [s.model_copy(update={"transition": t, "transition_ms": tm})
                 for s, (t, tm) in zip(reversed(main.segs), trans, strict=True)]
    st.relayout_main(keep_total=True)


def _reorder(st: _State, op: O.ReorderSegments) -> None:
    main = st.main()
    n = len(main.segs)
    bad = [i + 1 for i in op.order if i >= n]
    if bad:
        raise ApplyError(f"there are only {n} shots (no shot {bad[0]})")
    if len(set(op.order)) != len(op.order):
        raise ApplyError("each shot can appear only once in the new order")
    order = list(op.order) + [i for i in range(n) if i not in op.order]
    trans = [(s.transition, s.transition_ms) for s in main.segs]
    main.segs = [main.segs[i].model_copy(update={"transition": t, "transition_ms": tm})
                 for i, (t, tm) in zip(order, trans, strict=True)]
    st.relayout_main(keep_total=True)


def _replace_source(st: _State, op: O.ReplaceSource) -> None:
    tr, i = resolve(st, op.target)
    asset = st.asset(op.asset_id)
    seg = tr.segs[i]
    if isinstance(seg, TextSegment):
        raise ApplyError("text has no media to replace; change its words instead")
    if isinstance(seg, VideoSegment):
        if asset.kind is AssetKind.AUDIO:
            raise ApplyError(f"{asset.name} is audio and cannot replace a picture")
        upd: dict[str, Any] = {"src": asset.id, "name": asset.name, "in_ms": 0, "speed": 1.0}
        if asset.kind is AssetKind.VIDEO:
            upd["motion"] = Motion.NONE
        elif seg.motion is Motion.NONE and tr.role is Role.MAIN and any(s.motion is not Motion.NONE for s in tr.segs):
            upd["motion"] = AUTO_MOTIONS[i % len(AUTO_MOTIONS)]
        tr.segs[i] = seg.model_copy(update=upd)
        if tr.role is Role.MAIN:
            cap = _available(tr.segs[i], st.library)
            if cap is not None and cap < tr.segs[i].duration:
                tr.segs[i] = tr.segs[i].model_copy(update={"duration": cap})
            st.relayout_main(keep_total=True)
    else:
        if asset.kind is not AssetKind.AUDIO and not asset.has_audio:
            raise ApplyError(f"{asset.name} has no sound")
        tr.segs[i] = seg.model_copy(update={"src": asset.id, "name": asset.name, "in_ms": 0})


def _trim(st: _State, op: O.TrimSegment) -> None:
    tr, i = resolve(st, op.target)
    seg = tr.segs[i]
    d = seg.duration - op.head_ms - op.tail_ms
    if d < MIN_SEGMENT_MS:
        raise ApplyError(f"{op.target.describe()} is only {O.fmt_ms(seg.duration)} long; that would cut all of it")
    upd: dict[str, Any] = {"duration": d}
    if op.head_ms and not isinstance(seg, TextSegment) and _kind_of(st, seg) != "image":  # a still has no in-point
        speed = getattr(seg, "speed", 1.0)
        upd["in_ms"] = seg.in_ms + int(op.head_ms * speed)
    if tr.role is not Role.MAIN and op.head_ms:
        upd["start"] = seg.start + op.head_ms
    tr.segs[i] = _fix_video(_fix_fades(seg.model_copy(update=upd)))
    if tr.role is Role.MAIN:
        st.relayout_main(keep_total=False)


def _fix_video(s: Any) -> Any:
    if isinstance(s, VideoSegment) and s.transition_ms * 2 > s.duration:
        return s.model_copy(update={"transition_ms": s.duration // 2})
    return s


def _set_seg_duration(st: _State, op: O.SetSegmentDuration) -> None:
    tr, i = resolve(st, op.target)
    seg = tr.segs[i]
    d = op.duration_ms
    if isinstance(seg, VideoSegment):
        cap = _available(seg, st.library)
        if cap is not None and d > cap:
            raise ApplyError(f"{_label(seg, st)} only has {O.fmt_ms(cap)} of footage")
    if isinstance(seg, AudioSegment):
        a = st.library.get(seg.src)
        if a is not None and a.duration_ms and d > a.duration_ms - seg.in_ms and not seg.loop:
            d = a.duration_ms - seg.in_ms
    if tr.role is not Role.MAIN:
        d = min(d, st.duration - seg.start)
        nxt = tr.segs[i + 1].start if i + 1 < len(tr.segs) else None
        if nxt is not None:
            d = min(d, nxt - seg.start)
        if d <= 0:
            raise ApplyError("there is no room for that")
    tr.segs[i] = _fix_video(_fix_fades(seg.model_copy(update={"duration": d})))
    if tr.role is Role.MAIN:
        st.relayout_main(keep_total=False)


def _set_total(st: _State, op: O.SetTotalDuration) -> None:
    st.refit_main(op.duration_ms)


def _fit_to_voice(st: _State, op: O.FitToVoice) -> None:
    voices = [s for t in st.tracks_of(Role.VOICE) for s in t.segs]
    if not voices:
        raise ApplyError("there is no voiceover to fit to")
    end = max(s.end for s in voices)
    # the voice may have been cut by an earlier shortening: use its full source length
    full = []
    for s in voices:
        a = st.library.get(s.src)
        src_left = (a.duration_ms - s.in_ms) if a is not None and a.duration_ms else s.duration
        full.append(s.start + src_left)
    target = max(end, max(full)) + VOICE_TAIL_MS
    st.refit_main(target)
    # let cut voice segments grow back to their full length
    for t in st.tracks_of(Role.VOICE):
        new = []
        for s in t.segs:
            a = st.library.get(s.src)
            if a is not None and a.duration_ms:
                want = min(a.duration_ms - s.in_ms, st.duration - s.start)
                if want > s.duration:
                    s = s.model_copy(update={"duration": want})
            new.append(s)
        t.segs = new


def _clip_targets(st: _State, target: O.Target | None, *, video_only: bool) -> list[tuple[_Tr, int]]:
    if target is not None:
        return [resolve(st, target)]
    main = st.main()
    out = [(main, i) for i, s in enumerate(main.segs) if not video_only or _kind_of(st, s) == "video"]
    if not out:
        raise ApplyError("there are no video clips on the timeline (only stills)")
    return out


def _set_speed(st: _State, op: O.SetSpeed) -> None:
    for tr, i in _clip_targets(st, op.target, video_only=True):
        seg = tr.segs[i]
        if not isinstance(seg, VideoSegment):
            raise ApplyError("speed applies to video clips")
        if _kind_of(st, seg) == "image":
            raise ApplyError(f"{_label(seg, st)} is a still image; change how long it shows instead")
        d = max(MIN_SEGMENT_MS, round(seg.duration * seg.speed / op.speed))
        seg = seg.model_copy(update={"speed": op.speed, "duration": d})
        cap = _available(seg, st.library)
        if cap is not None and seg.duration > cap:
            seg = seg.model_copy(update={"duration": cap})
        tr.segs[i] = _fix_video(seg)
    if st.track(Role.MAIN) is not None:
        st.relayout_main(keep_total=False)


def _set_clip_audio(st: _State, op: O.SetClipAudio) -> None:
    for tr, i in _clip_targets(st, op.target, video_only=op.target is None):
        seg = tr.segs[i]
        if not isinstance(seg, VideoSegment):
            raise ApplyError("only video clips have their own sound")
        tr.segs[i] = seg.model_copy(update={"mute": op.mute})


# -- text ------------------------------------------------------------------------------------------
def _span(st: _State, timing: O.Timing) -> tuple[int, int]:
    total = st.duration
    if timing.anchor == "end":
        d = min(timing.duration_ms or DEFAULT_TEXT_MS, total)
        return total - d, d
    start = timing.start_ms
    if start >= total:
        raise ApplyError(f"the video is only {O.fmt_ms(total)} long; {O.fmt_ms(start)} is past the end")
    d = timing.duration_ms if timing.duration_ms is not None else total - start
    return start, min(d, total - start)


def _shot(st: _State, target: O.Target) -> VideoSegment:
    """The main-track shot ``target`` names."""
    tr, i = resolve(st, target.model_copy(update={"role": Role.MAIN}))
    if tr.role is not Role.MAIN:
        raise ApplyError(f"{target.describe()} is not a shot")
    return tr.segs[i]


def _shot_span(st: _State, shot: VideoSegment) -> tuple[int, int]:
    """(start, duration) of a text over ``shot``: its clear part (after the transition into it,
    before the next shot starts), a sixth in from each end when that leaves a readable span, as
    the first cut places its captions."""
    from reelforge.planner.compose import MIN_CAPTION_MS

    main = st.main()
    i = next(k for k, s in enumerate(main.segs) if s.id == shot.id)
    lo = shot.start + shot.transition_ms
    hi = main.segs[i + 1].start if i + 1 < len(main.segs) else shot.end
    inset = (hi - lo) // 6
    if hi - lo - 2 * inset >= MIN_CAPTION_MS:
        lo, hi = lo + inset, hi - inset
    return lo, max(1, min(hi, st.duration) - lo)


def _place_text(tr: _Tr, seg: TextSegment) -> None:
    """Insert ``seg``; what the same track showed in that time gives way to it."""
    out = []
    for s in tr.segs:
        if s.end <= seg.start or s.start >= seg.end:
            out.append(s)
            continue
        if s.start < seg.start:
            out.append(_fix_fades(s.model_copy(update={"duration": seg.start - s.start})))
        if s.end > seg.end:
            out.append(_fix_fades(s.model_copy(update={"start": seg.end, "duration": s.end - seg.end,
                                                        "id": s.id + "b" if s.start < seg.start else s.id})))
    out.append(seg)
    out.sort(key=lambda s: s.start)
    tr.segs = out


def _add_text(st: _State, op: O.AddText) -> None:
    role = Role(op.role)
    tr = st.track(role) or st.add_track(role)
    shot = None
    if op.shot is not None:
        shot = _shot(st, op.shot)
        start, d = _shot_span(st, shot)
        if role is Role.CAPTION:  # one caption to a shot: the one it had gives way whole (words said: in part)
            tr.segs = [s for s in tr.segs if s.id.startswith(CUE_ID)
                       or not (s.shot == shot.id or shot.start <= s.start and s.end <= shot.end)]
    else:
        start, d = _span(st, op.timing)
    from reelforge.planner.compose import title_size
    from reelforge.timeline.styles import get_style

    pos, size = TEXT_DEFAULTS[op.role]
    fields: dict[str, Any] = {"id": st.new_id("t"), "start": start, "duration": d, "text": op.text,
                              "position": op.position or pos,
                              "size": op.size or (title_size(op.text) if role is Role.TITLE else size)}
    if shot is not None and role is Role.CAPTION:
        fields["shot"] = shot.id
    if op.color:
        fields["color"] = op.color
    if op.box_color:
        fields["box_color"] = op.box_color
    if op.background:
        fields["background"] = op.background
    elif op.box_color:  # a box asked for by its colour
        fields["background"] = TextBackground.BOX
    elif role is Role.CAPTION:  # as the first cut's captions: the look's box (a bare outline read poorly)
        fields["background"] = get_style(st.style or st.base.style).caption_box
    _place_text(tr, _fix_fades(TextSegment(**fields)))


def _update_text(st: _State, op: O.UpdateText) -> None:
    if op.target.role not in (Role.TITLE, Role.CAPTION, Role.CTA):
        raise ApplyError("only text can be restyled")
    tr, i = resolve(st, op.target)
    seg = tr.segs[i]
    upd: dict[str, Any] = {}
    for name in ("text", "position", "size", "color", "background", "fade_in_ms", "fade_out_ms", "entrance"):
        v = getattr(op, name)
        if v is not None:
            upd[name] = v
    if op.entrance is not None and not seg.fade_in_ms and op.fade_in_ms is None:
        upd["fade_in_ms"] = 300  # an entrance is played over the text's fade-in: a text shown at once gets one
    if op.box_color is not None:  # a box asked for by its colour: drawn, unless another background is said
        upd["box_color"] = op.box_color
        upd.setdefault("background", TextBackground.BOX)
    if op.bold is not None:
        upd["bold"], upd["weight"] = op.bold, (O.BOLD_WEIGHT if op.bold else None)
    if op.timing is not None:
        upd["start"], upd["duration"] = _span(st, op.timing)
    old = (seg.start, seg.end)
    seg = _fix_fades(seg.model_copy(update=upd))
    if op.timing is None:
        tr.segs[i] = seg
        return
    del tr.segs[i]
    _place_text(tr, seg)
    if tr.role in (Role.TITLE, Role.CTA) and (seg.start, seg.end) != old:
        # its rows (a tagline under the title, a website under the call to action) show with it still
        for t in st.tracks_of(Role.CAPTION):
            for row in [c for c in t.segs if (c.start, c.end) == old]:
                t.segs.remove(row)
                _place_text(t, _fix_fades(row.model_copy(update={"start": seg.start, "duration": seg.duration})))


def _remove_text(st: _State, op: O.RemoveText) -> None:
    if op.target is not None:
        tr, i = resolve(st, op.target)
        if tr.kind is not TrackKind.TEXT:
            raise ApplyError(f"{op.target.describe()} is not text")
        del tr.segs[i]
        if not tr.segs:
            st.tracks.remove(tr)
        return
    roles = [Role(op.role)] if op.role else [Role.TITLE, Role.CAPTION, Role.CTA]
    found = [t for t in st.tracks if t.role in roles and t.segs]
    if not found:
        shown = [f'{_role_word(t.role)} "{seg.text}"' for t in st.tracks if t.kind is TrackKind.TEXT for seg in t.segs]
        there = f"; the texts are: {', '.join(shown[:4])}{' …' if len(shown) > 4 else ''}" if shown else ""
        raise ApplyError(f"there is no {_role_word(roles[0]) if len(roles) == 1 else 'text'} to remove{there}")
    st.tracks = [t for t in st.tracks if t.role not in roles]


# -- audio ---------------------------------------------------------------------------------------
def _audio_segs(st: _State, role_name: str) -> list[tuple[_Tr, int]]:
    role = Role(role_name)
    if role is Role.MAIN:
        main = st.main()
        out = [(main, i) for i, s in enumerate(main.segs) if _kind_of(st, s) == "video"]
        if not out:
            raise ApplyError("the shots are stills; they have no sound of their own")
        return out
    out = [(t, i) for t in st.tracks_of(role) for i in range(len(t.segs))]
    if not out:
        raise ApplyError(f"there is no {_role_word(role)} in this video")
    return out


def _split_audio(st: _State, role_name: str, span: O.Span) -> list[tuple[_Tr, int]]:
    """Cut the track's segments at the span's ends; the pieces inside the span (in order).
    A piece keeps its source position (in-point moves on), the first keeps the fade-in, the last the fade-out."""
    if role_name == "main":
        raise ApplyError("a range of time works on the music or the voiceover, not the clips' own sound")
    lo, hi = max(0, span.start_ms), min(st.duration, span.end_ms)
    if hi - lo < 100:
        raise ApplyError("that range of time is outside the video")
    lib = st.library
    inside: list[tuple[_Tr, int]] = []
    for tr in st.tracks_of(Role(role_name)):
        segs: list[Any] = []
        for s in tr.segs:
            cuts = sorted({c for c in (lo, hi) if s.start < c < s.end})
            if not cuts:
                segs.append(s)
                continue
            edges = [s.start, *cuts, s.end]
            src_len = getattr(lib.get(s.src), "duration_ms", 0) or 0
            for k, (a, b) in enumerate(zip(edges, edges[1:], strict=False)):
                in_ms = s.in_ms + (a - s.start)
                if s.loop and src_len:
                    in_ms = loop_position(in_ms, s.loop_start_ms, s.loop_end_ms, src_len)
                segs.append(s.model_copy(update={
                    "id": s.id if k == 0 else st.new_id(f"{s.id}-"), "start": a, "duration": b - a, "in_ms": in_ms,
                    "fade_in_ms": min(s.fade_in_ms, (b - a) // 2) if k == 0 else 0,
                    "fade_out_ms": min(s.fade_out_ms, (b - a) // 2) if k == len(edges) - 2 else 0}))
        tr.segs[:] = segs
        inside += [(tr, i) for i, s in enumerate(tr.segs) if lo <= s.start and s.end <= hi]
    if not inside:
        raise ApplyError(f"there is no {_role_word(Role(role_name))} from {O.fmt_ms(lo)} to {O.fmt_ms(hi)}")
    return inside


def _merge_audio(tr: _Tr) -> None:
    """Join neighbouring pieces of one source that play on without a break and sound the same."""
    out: list[Any] = []
    for s in tr.segs:
        p = out[-1] if out else None
        if (p is not None and p.src == s.src and p.end == s.start and not s.loop and not p.loop
                and p.in_ms + p.duration == s.in_ms and (p.volume, p.duck) == (s.volume, s.duck)
                and not p.fade_out_ms and not s.fade_in_ms):
            out[-1] = p.model_copy(update={"duration": p.duration + s.duration, "fade_out_ms": s.fade_out_ms})
        else:
            out.append(s)
    tr.segs[:] = out


def _set_volume(st: _State, op: O.SetVolume) -> None:
    if op.volume is None and op.factor is None:
        raise ApplyError("say how loud, e.g. 'music to 30%'")
    for tr, i in (_split_audio(st, op.role, op.span) if op.span else _audio_segs(st, op.role)):
        s = tr.segs[i]
        v = op.volume if op.volume is not None else s.volume * op.factor  # type: ignore[operator]
        v = round(min(4.0, max(0.0, v)), 4)
        upd: dict[str, Any] = {"volume": v}
        if op.role == "main" and v > 0 and s.mute:
            upd["mute"] = False
        tr.segs[i] = s.model_copy(update=upd)
    if op.role != "main":
        for tr in st.tracks_of(Role(op.role)):
            _merge_audio(tr)


def _set_fade(st: _State, op: O.SetFade) -> None:
    if op.role == "main":
        raise ApplyError("fades apply to the music or the voiceover")
    for tr, i in _audio_segs(st, op.role):
        s = tr.segs[i]
        upd = {}
        # a track cut into pieces (a range of time at another level) fades in on its first, out on its last
        if op.fade_in_ms is not None and (i == 0 or tr.segs[i - 1].end < s.start):
            upd["fade_in_ms"] = min(op.fade_in_ms, s.duration // 2)
        if op.fade_out_ms is not None and (i == len(tr.segs) - 1 or tr.segs[i + 1].start > s.end):
            upd["fade_out_ms"] = min(op.fade_out_ms, s.duration // 2)
        tr.segs[i] = s.model_copy(update=upd)


def _set_duck(st: _State, op: O.SetDuck) -> None:
    if op.depth is not None:
        for tr, i in _audio_segs(st, "music"):
            tr.segs[i] = tr.segs[i].model_copy(update={"duck_depth": op.depth})
    if op.span is not None:
        inside = set(map(lambda x: (id(x[0]), x[1]), _split_audio(st, "music", op.span)))
        for tr, i in _audio_segs(st, "music"):  # only there: elsewhere the other way
            tr.segs[i] = tr.segs[i].model_copy(update={"duck": op.on if (id(tr), i) in inside else not op.on})
        for tr in st.tracks_of(Role.MUSIC):
            _merge_audio(tr)
        return
    for tr, i in _audio_segs(st, "music"):
        tr.segs[i] = tr.segs[i].model_copy(update={"duck": op.on})
    for tr in st.tracks_of(Role.MUSIC):
        _merge_audio(tr)


def _remove_track(st: _State, op: O.RemoveTrack) -> None:
    if op.role is Role.MAIN:
        raise ApplyError("the main video track cannot be removed")
    found = st.tracks_of(op.role)
    if not found:
        raise ApplyError(f"there is no {_role_word(op.role)} to remove")
    st.tracks = [t for t in st.tracks if t.role is not op.role]


def _replace_music(st: _State, op: O.ReplaceMusic) -> None:
    asset = st.asset(op.asset_id)
    if asset.kind is AssetKind.IMAGE or (asset.kind is AssetKind.VIDEO and not asset.has_audio):
        raise ApplyError(f"{asset.name} has no sound to use as music")
    old = [s for t in st.tracks_of(Role.MUSIC) for s in t.segs]
    proto = old[0] if old else None
    has_voice = any(t.segs for t in st.tracks_of(Role.VOICE))
    bed = music_bed(op.sound, asset.duration_ms)
    loop = asset.duration_ms > 0 and bed.sound_ms(asset.duration_ms) < st.duration
    seg = AudioSegment(
        id=st.new_id("a"), start=0, duration=st.duration, src=asset.id, name=asset.name,
        volume=proto.volume if proto else (0.3 if has_voice else 0.8),
        fade_in_ms=proto.fade_in_ms if proto else 0,
        fade_out_ms=proto.fade_out_ms if proto else min(1500, st.duration // 2),
        duck=proto.duck if proto else has_voice, loop=loop, **bed.segment_fields())
    tracks = st.tracks_of(Role.MUSIC)
    if tracks:
        tracks[0].segs = [_fix_fades(seg)]
        st.tracks = [t for t in st.tracks if t.role is not Role.MUSIC or t is tracks[0]]
    else:
        st.add_track(Role.MUSIC).segs = [_fix_fades(seg)]


# -- look ----------------------------------------------------------------------------------------
def _set_transition(st: _State, op: O.SetTransition) -> None:
    main = st.main()
    if op.target is not None:
        idx = [_main_index(st, op.target)]
        if idx[0] == 0 and op.kind is not Transition.CUT:
            raise ApplyError("the first shot has nothing before it to transition from")
    else:
        idx = list(range(1, len(main.segs)))
        if not idx:
            raise ApplyError("there is only one shot, so there is nothing to transition between")
    for i in idx:
        s = main.segs[i]
        if op.kind is Transition.CUT:
            upd: dict[str, Any] = {"transition": Transition.CUT, "transition_ms": 0}
        else:
            ms = op.duration_ms if op.duration_ms is not None else (s.transition_ms or DEFAULT_TRANSITION_MS)
            if ms <= 0:
                upd = {"transition": Transition.CUT, "transition_ms": 0}
            else:
                limit = min(s.duration, main.segs[i - 1].duration) // 2
                upd = {"transition": op.kind, "transition_ms": min(ms, limit)}
        main.segs[i] = s.model_copy(update=upd)
    st.relayout_main(keep_total=True)


def _set_motion(st: _State, op: O.SetMotion) -> None:
    if op.target is not None:
        targets = [resolve(st, op.target)]
    else:
        main = st.main()
        targets = [(main, i) for i, s in enumerate(main.segs) if _kind_of(st, s) == "image"]
        if not targets:
            raise ApplyError("there are no still images to move (motion applies to stills)")
    auto = cycle(AUTO_MOTIONS)
    for tr, i in targets:
        s = tr.segs[i]
        if not isinstance(s, VideoSegment):
            raise ApplyError("motion applies to pictures")
        m = next(auto) if op.motion == "auto" else Motion(op.motion)
        tr.segs[i] = s.model_copy(update={"motion": m})


def _set_motion_amount(st: _State, op: O.SetMotionAmount) -> None:
    if op.target is not None:
        targets = [resolve(st, op.target)]
        tr, i = targets[0]
        if not isinstance(tr.segs[i], VideoSegment) or _kind_of(st, tr.segs[i]) != "image":
            raise ApplyError("motion applies to pictures")
        if tr.segs[i].motion is Motion.NONE:
            raise ApplyError(f"{op.target.describe()} does not move: say e.g. 'zoom in on it' first")
    else:
        main = st.main()
        targets = [(main, i) for i, s in enumerate(main.segs)
                   if _kind_of(st, s) == "image" and isinstance(s, VideoSegment) and s.motion is not Motion.NONE]
        if not targets:
            raise ApplyError("no picture moves: say 'add motion' or 'zoom in' first")
    changed = False
    for tr, i in targets:
        s = tr.segs[i]
        want = op.amount if op.amount is not None else s.motion_amount * (op.factor or 1.0)
        amount = motion_amount_within(want)
        changed |= amount != s.motion_amount
        tr.segs[i] = s.model_copy(update={"motion_amount": amount})
    if changed:
        return
    if op.factor and op.factor > 1:
        raise ApplyError(f"the zooms and pans already go as far as they can ({MOTION_AMOUNT_MAX * 100:.0f} %)")
    if op.factor:
        raise ApplyError(f"the zooms and pans are already as gentle as they go ({MOTION_AMOUNT_MIN * 100:.0f} %)")
    raise ApplyError("the zooms and pans already go that far")


def _set_frame(st: _State, op: O.SetFrame) -> None:
    if op.aspect is None and op.resolution is None and op.fps is None:
        raise ApplyError("say which shape, size or frame rate, e.g. 'vertical', '720p' or '60 fps'")
    if op.fps is not None:
        st.base = st.base.model_copy(update={"fps": op.fps})
        if op.aspect is None and op.resolution is None:
            return
    aspect = op.aspect or aspect_of(st.width, st.height)
    res = op.resolution or resolution_of(st.width, st.height)
    if aspect in ASPECTS and res in ("480p", "720p", "1080p", "1440p", "4k"):
        w, h = frame_size(aspect, res)
    elif aspect in ASPECTS:
        w, h = frame_size(aspect, "1080p")
    else:  # an unusual current shape: scale it to the asked resolution
        short = {"480p": 480, "720p": 720, "1080p": 1080, "1440p": 1440, "4k": 2160}[res]
        k = short / min(st.width, st.height)
        w, h = round(st.width * k / 2) * 2, round(st.height * k / 2) * 2
    st.width, st.height = w, h


def _set_fit(st: _State, op: O.SetFit) -> None:
    targets = [resolve(st, op.target)] if op.target is not None else [(st.main(), i) for i in range(len(st.main().segs))]
    for tr, i in targets:
        s = tr.segs[i]
        if not isinstance(s, VideoSegment):
            raise ApplyError("fit applies to pictures")
        tr.segs[i] = s.model_copy(update={"fit": op.fit, "fit_locked": True})


def _set_background(st: _State, op: O.SetBackground) -> None:
    if op.color is None and not op.blur:
        raise ApplyError("say which background, e.g. 'white background' or 'blurred background'")
    main = st.track(Role.MAIN)
    if op.color is not None:
        st.background = op.color.upper()
    fit = Fit.BLUR if op.blur else Fit.CONTAIN
    if main is not None:
        main.segs = [s.model_copy(update={"fit": fit, "fit_locked": True}) for s in main.segs]


def _set_caption_mode(st: _State, op: O.SetCaptionMode) -> None:
    st.base = st.base.model_copy(update={"burn_captions": op.burn})


def _add_logo(st: _State, op: O.AddLogo) -> None:
    asset = st.asset(op.asset_id)
    if asset.kind is AssetKind.AUDIO:
        raise ApplyError(f"{asset.name} is audio, not a picture")
    tr = st.track(Role.LOGO) or st.add_track(Role.LOGO)
    start, duration = (tr.segs[0].start, tr.segs[0].duration) if tr.segs else (0, st.duration)
    if op.timing is not None:  # "only show the logo at the end", "logo for the first 2 seconds"
        t = op.timing
        duration = min(t.duration_ms or st.duration - t.start_ms, st.duration)
        start = st.duration - duration if t.anchor == "end" else t.start_ms
        if start >= st.duration or duration < MIN_SEGMENT_MS:
            raise ApplyError("that range of time is outside the video")
        duration = min(duration, st.duration - start)
    tr.segs = [VideoSegment(id=st.new_id("l"), start=start, duration=duration, src=asset.id, name=asset.name,
                            position=Position(op.position), scale=op.scale, opacity=op.opacity, fit=Fit.CONTAIN,
                            mute=True)]


# -- AI results (data computed by the session) ------------------------------------------------
CAPTION_TRACK_ID = "captions"
CUE_ID = "cap"  # the ids of captions timed to speech (`_set_captions`): never anchored to a shot


def _set_captions(st: _State, op: O.SetCaptions) -> None:
    st.tracks = [t for t in st.tracks if t.role is not Role.CAPTION]
    segs: list[TextSegment] = []
    last_end = 0
    for cue in sorted(op.cues, key=lambda c: c.start_ms):
        start = max(cue.start_ms, last_end)
        end = min(cue.end_ms, st.duration)
        if end - start < MIN_SEGMENT_MS or not cue.text.strip():
            continue
        segs.append(TextSegment(id=st.new_id(CUE_ID), start=start, duration=end - start, text=cue.text.strip(),
                                position=op.style.position, size=op.style.size, color=op.style.color,
                                background=op.style.background, bold=True, fade_in_ms=0, fade_out_ms=0))
        last_end = end
    if not segs:
        raise ApplyError("none of the captions falls inside the video")
    tid = CAPTION_TRACK_ID if CAPTION_TRACK_ID not in st.used_ids else st.new_id("captions-")
    st.used_ids.add(tid)
    st.tracks.append(_Tr(tid, TrackKind.TEXT, Role.CAPTION, segs))


def _add_voiceover(st: _State, op: O.AddVoiceover) -> None:
    asset = st.asset(op.asset_id)
    if asset.kind is AssetKind.IMAGE or (asset.kind is AssetKind.VIDEO and not asset.has_audio):
        raise ApplyError(f"{asset.name} has no sound to use as a voiceover")
    if op.start_ms >= st.duration:
        raise ApplyError(f"the video is only {O.fmt_ms(st.duration)} long")
    length = asset.duration_ms or st.duration
    d = max(1, min(length, st.duration - op.start_ms))
    seg = AudioSegment(id=st.new_id("a"), start=op.start_ms, duration=d, src=asset.id, name=asset.name,
                       volume=op.volume)
    tracks = st.tracks_of(Role.VOICE)
    if tracks:
        tracks[0].segs = [seg]
        st.tracks = [t for t in st.tracks if t.role is not Role.VOICE or t is tracks[0]]
    else:
        st.add_track(Role.VOICE).segs = [seg]
    for t in st.tracks_of(Role.MUSIC):  # music steps back under a voice
        t.segs = [m.model_copy(update={"duck": True}) for m in t.segs]


def _set_grade(st: _State, op: O.SetGrade) -> None:
    st.grade.update({k: v for k, v in op.model_dump(exclude={"op"}).items() if v is not None})


def _set_video_fade(st: _State, op: O.SetVideoFade) -> None:
    if op.fade_in_ms is not None:
        st.video_fade["fade_in_ms"] = op.fade_in_ms
    if op.fade_out_ms is not None:
        st.video_fade["fade_out_ms"] = op.fade_out_ms


def _set_style(st: _State, op: O.SetStyle) -> None:
    """A named look: the style's caption box on every caption, its transitions between shots
    (the shots keep their lengths; the video its length)."""
    from reelforge.timeline.styles import get_style

    look = get_style(op.style)
    st.style = look.name
    for t in st.tracks_of(Role.CAPTION):
        t.segs = [c.model_copy(update={"background": look.caption_box}) for c in t.segs]
    main = st.track(Role.MAIN)
    if main is not None and len(main.segs) > 1:
        _set_transition(st, O.SetTransition(kind=look.transition, duration_ms=look.transition_ms or None))


def _set_focus(st: _State, op: O.SetFocus) -> None:
    if (op.fx is None) != (op.fy is None):
        raise ApplyError("a focus point needs both fx and fy")
    targets = [resolve(st, op.target)] if op.target is not None else [(st.main(), i) for i in range(len(st.main().segs))]
    focus = None if op.fx is None else (round(op.fx, 4), round(op.fy, 4))  # type: ignore[arg-type]
    box = None if op.box is None or focus is None else tuple(round(v, 4) for v in op.box)
    core = None if op.core is None or box is None else tuple(round(v, 4) for v in op.core)
    for b in (box, core):
        if b is not None and not (b[0] < b[2] and b[1] < b[3]):
            raise ApplyError("a subject box needs x0 < x1 and y0 < y1")
    for tr, i in targets:
        s = tr.segs[i]
        if not isinstance(s, VideoSegment):
            raise ApplyError("a focus point applies to pictures")
        update: dict = {"focus": focus, "subject": box, "core": core}
        if op.fit is not None:  # the framing's choice, not the user's
            update["fit"], update["fit_locked"] = op.fit, False
        tr.segs[i] = s.model_copy(update=update)


def _beat_sync(st: _State, op: O.BeatSync) -> None:
    from reelforge.ai.beats import beat_cut_points  # numpy only (core install)

    main = st.main()
    n = len(main.segs)
    if n < 2:
        raise ApplyError("there is only one shot, so there is nothing to cut on the beat")
    beats = sorted({t + op.offset_ms for t in op.beat_times_ms if 0 < t + op.offset_ms < st.duration})
    if not beats:
        raise ApplyError("the music has no beats inside the video")
    try:
        bounds = beat_cut_points(list(beats), n, st.duration, min_segment_ms=max(MIN_SEGMENT_MS, 300))
    except ValueError as exc:
        raise ApplyError(f"cannot cut {n} shots on these beats ({exc})") from exc
    segs = []
    for seg, a, b in zip(main.segs, bounds, bounds[1:], strict=False):
        seg = seg.model_copy(update={"start": a, "duration": b - a, "transition": Transition.CUT, "transition_ms": 0})
        cap = _available(seg, st.library)
        if cap is not None and seg.duration > cap and seg.in_ms:  # slide the clip's window back to fit
            a_ = st.library[seg.src]
            seg = seg.model_copy(update={"in_ms": max(0, a_.duration_ms - int(seg.duration * seg.speed))})
        segs.append(seg)
    main.segs = segs
    _pack(main.segs)


def _set_in_point(st: _State, op: O.SetInPoint) -> None:
    tr, i = resolve(st, op.target)
    seg = tr.segs[i]
    if isinstance(seg, TextSegment):
        raise ApplyError("text has no source to play from")
    a = st.library.get(seg.src)
    speed = getattr(seg, "speed", 1.0)
    d = op.duration_ms or seg.duration
    if a is not None and a.kind is AssetKind.IMAGE:
        raise ApplyError(f"{_label(seg, st)} is a still image; it has no in-point")
    if a is not None and a.duration_ms:
        if op.in_ms >= a.duration_ms:
            raise ApplyError(f"{_label(seg, st)} is only {O.fmt_ms(a.duration_ms)} long")
        d = min(d, max(MIN_SEGMENT_MS, int((a.duration_ms - op.in_ms) / speed)))
    in_ms = op.in_ms
    if a is not None and a.duration_ms:
        in_ms = max(0, min(in_ms, a.duration_ms - int(d * speed)))
    if tr.role is not Role.MAIN:
        d = max(1, min(d, st.duration - seg.start))
    tr.segs[i] = _fix_video(_fix_fades(seg.model_copy(update={"in_ms": in_ms, "duration": d})))
    if tr.role is Role.MAIN:
        st.relayout_main(keep_total=False)


def _set_audio_timing(st: _State, op: O.SetAudioTiming) -> None:
    """Move a sound track in time and/or play it from another point of its source: all its
    pieces together. Pieces moved past either end of the video are cut there; a music bed that
    ended with the video still does (a looped bed, or as far as its source goes); captions timed
    to the voice move with the voice."""
    role = Role(op.role)
    tracks = [t for t in st.tracks_of(role) if t.segs]
    if not tracks:
        raise ApplyError(f"there is no {_role_word(role)} in this video")
    word = _role_word(role)
    first = min((s for t in tracks for s in t.segs), key=lambda s: s.start)
    to_end = max(s.end for t in tracks for s in t.segs) >= st.duration
    delta = op.start_ms - first.start if op.start_ms is not None else op.by_ms or 0
    if first.start + delta >= st.duration - MIN_SEGMENT_MS:
        raise ApplyError(f"the video is {O.fmt_ms(st.duration)} long: the {word} would start after it ends")
    skip = 0 if op.from_ms is None else op.from_ms - first.in_ms  # source time skipped (<0: replayed)

    def source_ms(seg: AudioSegment) -> int | None:
        a = st.library.get(seg.src)
        return a.duration_ms if a is not None and a.duration_ms else None

    if op.from_ms is not None:
        length = source_ms(first)
        if length is not None and op.from_ms >= length:
            raise ApplyError(f"{_label(first, st)} is only {O.fmt_ms(length)} long")
    for tr in tracks:
        out: list[Any] = []
        for seg in tr.segs:
            a, b, in_ms = seg.start + delta, seg.end + delta, seg.in_ms + skip
            if a < 0:  # moved earlier than the start: what falls before 0 is cut
                in_ms, a = in_ms - a, 0
            b = min(b, st.duration)
            upd: dict[str, Any] = {}
            length = source_ms(seg)
            if length is not None:
                if seg.loop:
                    in_ms = loop_position(in_ms, seg.loop_start_ms, seg.loop_end_ms, length)
                elif in_ms + (b - a) > length:
                    if role is Role.MUSIC:  # a bed plays on to its end: round again
                        upd["loop"] = True
                    else:
                        b = a + length - in_ms
            if b - a < MIN_SEGMENT_MS or in_ms < 0:
                continue
            out.append(_fix_fades(seg.model_copy(update={**upd, "start": a, "duration": b - a, "in_ms": in_ms})))
        tr.segs[:] = out
    if to_end and delta < 0 and role is Role.MUSIC:  # the bed still ends with the video
        tr = max(tracks, key=lambda t: t.segs[-1].end if t.segs else -1)
        if tr.segs and tr.segs[-1].end < st.duration:
            last = tr.segs[-1]
            room = st.duration - last.start
            if not last.loop and source_ms(last) is not None:
                room = min(room, source_ms(last) - last.in_ms)  # type: ignore[operator]
            tr.segs[-1] = last.model_copy(update={"duration": max(last.duration, room)})
    if not any(t.segs for t in tracks):
        raise ApplyError(f"none of the {word} would be left inside the video")
    if role is Role.VOICE and (delta or skip):
        _move_cues(st, delta - skip)


def _move_cues(st: _State, by: int) -> None:
    """Captions timed to the voice move with it (cut at the video's ends)."""
    for tr in st.tracks_of(Role.CAPTION):
        out: list[Any] = []
        for seg in tr.segs:
            if not seg.id.startswith(CUE_ID):
                out.append(seg)
                continue
            a, b = max(0, seg.start + by), min(st.duration, seg.end + by)
            if b - a >= MIN_SEGMENT_MS:
                out.append(_fix_fades(seg.model_copy(update={"start": a, "duration": b - a})))
        tr.segs[:] = out
    st.tracks = [t for t in st.tracks if t.role is not Role.CAPTION or t.segs]


def _apply_brand(st: _State, op: O.ApplyBrand) -> None:
    from reelforge.ai.brand import Brand, apply_brand  # pure (Pillow only for cards, not used here)

    try:
        brand = Brand.model_validate(op.brand)
    except ValidationError as exc:
        raise ApplyError(f"invalid brand kit: {_explain(exc)}") from exc
    logo = st.asset(op.logo_asset_id) if op.logo_asset_id else None
    intro = st.asset(op.intro_asset_id) if op.intro_asset_id else None
    outro = st.asset(op.outro_asset_id) if op.outro_asset_id else None
    try:
        new = apply_brand(st.build(), brand, logo_asset=logo, intro_asset=intro, outro_asset=outro)
    except (InvalidTimeline, ValueError) as exc:
        raise ApplyError(f"the brand kit does not fit this video ({exc})") from exc
    fresh = _State.of(new, list(st.library.values()))
    st.duration, st.width, st.height, st.background = fresh.duration, fresh.width, fresh.height, fresh.background
    st.assets, st.tracks = fresh.assets, fresh.tracks
    st.used_ids |= fresh.used_ids
    # a kit applied again after the shots moved (its old outro card first after "reverse the
    # order") leaves a gap where the old card was: the shots close up from 0
    st.relayout_main(keep_total=False)


_HANDLERS: dict[type, Any] = {
    O.AddSegment: _add_segment, O.RemoveSegment: _remove_segment, O.MoveSegment: _move_segment,
    O.SwapSegments: _swap, O.ReverseOrder: _reverse, O.ReorderSegments: _reorder, O.ReplaceSource: _replace_source,
    O.TrimSegment: _trim, O.SetSegmentDuration: _set_seg_duration, O.SetTotalDuration: _set_total,
    O.FitToVoice: _fit_to_voice, O.SetSpeed: _set_speed, O.SetClipAudio: _set_clip_audio,
    O.AddText: _add_text, O.UpdateText: _update_text, O.RemoveText: _remove_text,
    O.SetVolume: _set_volume, O.SetFade: _set_fade, O.SetDuck: _set_duck, O.RemoveTrack: _remove_track,
    O.ReplaceMusic: _replace_music, O.SetTransition: _set_transition, O.SetMotion: _set_motion, O.SetMotionAmount: _set_motion_amount,
    O.SetFrame: _set_frame, O.SetFit: _set_fit, O.SetBackground: _set_background, O.AddLogo: _add_logo,
    O.SetCaptionMode: _set_caption_mode, O.SetStyle: _set_style,
    O.SetCaptions: _set_captions, O.AddVoiceover: _add_voiceover, O.SetFocus: _set_focus, O.BeatSync: _beat_sync,
    O.SetInPoint: _set_in_point, O.SetGrade: _set_grade, O.SetVideoFade: _set_video_fade, O.SetAudioTiming: _set_audio_timing, O.ApplyBrand: _apply_brand,
}


def find_segment(timeline: Timeline, target: O.Target, library: Sequence[Asset] = ()) -> Any:
    """The segment a target names on this timeline (raises `ApplyError` like the ops do)."""
    st = _State.of(timeline, library)
    tr, i = resolve(st, target)
    return tr.segs[i]
