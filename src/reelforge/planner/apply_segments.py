"""Segment ops: the shots of the main track and the same edits on the other tracks' segments.

On the main track: add, remove, move, swap, reverse and reorder shots, replace a picture, trim,
resize, play from another point (in-point), speed, the clips' own sound, the video's total
length, fit to the voiceover, cut on the music's beats. Remove, trim, resize, replace the source
and the in-point work on any track's segment too (a caption, the voiceover, the music); and
`remove_track` removes a whole track.

Length rules: adding, removing, trimming or resizing a shot changes the video's length;
reordering, swapping and replacing a source keep it (the main track is refit, `State.relayout_main`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reelforge.planner import ops as O
from reelforge.planner.apply_state import (
    AUTO_MOTIONS,
    MIN_SEGMENT_MS,
    ApplyError,
    State,
    WorkTrack,
    available,
    fix_fades,
    pack,
)
from reelforge.planner.apply_targets import kind_of, label, main_index, resolve, role_word
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    AudioSegment,
    Motion,
    Role,
    TextSegment,
    Transition,
    VideoSegment,
)

DEFAULT_STILL_MS = 3000
VOICE_TAIL_MS = 500


def _new_video_seg(st: State, asset: Asset, duration: int | None) -> VideoSegment:
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


def add_segment(st: State, op: O.AddSegment) -> None:
    asset = st.asset(op.asset_id)
    main = st.track(Role.MAIN) or st.add_track(Role.MAIN)
    seg = _new_video_seg(st, asset, op.duration_ms)
    if op.after is not None:
        pos = main_index(st, op.after) + 1
    elif op.before is not None:
        pos = main_index(st, op.before)
    else:
        pos = len(main.segs)
    main.segs.insert(pos, seg)
    if len(main.segs) == 1:
        main.segs[0] = seg.model_copy(update={"transition": Transition.CUT, "transition_ms": 0})
    st.relayout_main(keep_total=False)


def remove_segment(st: State, op: O.RemoveSegment) -> None:
    tr, i = resolve(st, op.target)
    if tr.role is Role.MAIN and len(tr.segs) == 1:
        raise ApplyError("that is the only shot; the video needs at least one")
    del tr.segs[i]
    if tr.role is Role.MAIN:
        _normalise_first(tr)  # (the new first shot kept the crossfade from the one removed)
        was = st.duration
        st.relayout_main(keep_total=False)
        firsts = {}  # each recording from where it first plays (a voiceover paused for a clip plays on whole)
        for s in sorted((s for t in st.tracks_of(Role.VOICE) for s in t.segs), key=lambda s: s.in_ms):
            firsts.setdefault(s.src, s)
        voice_end = max((s.start + a.duration_ms - s.in_ms for s in firsts.values()
                         if (a := st.library.get(s.src)) is not None and a.duration_ms), default=0)
        if st.duration < voice_end <= was:
            # the voiceover played whole before: the others share the time ("use the drone picture and not the drone
            # video" cut the dad's voiceover off at 16.5 s of 21)
            try:
                st.refit_main(voice_end)
            except ApplyError:
                pass  # (the clips have not the footage: the shorter video stands, its reply says the voice is cut)


def remove_track(st: State, op: O.RemoveTrack) -> None:
    if op.role is Role.MAIN:
        raise ApplyError("the main video track cannot be removed")
    found = st.tracks_of(op.role)
    if not found:
        raise ApplyError(f"there is no {role_word(op.role)} to remove")
    st.tracks = [t for t in st.tracks if t.role is not op.role]
    if op.role is Role.VOICE:  # the captions of what it said go with it (they stayed over a silent video)
        for t in st.tracks_of(Role.CAPTION):
            t.segs = [s for s in t.segs if not voice_cue(s)]
        st.tracks = [t for t in st.tracks if t.role is not Role.CAPTION or t.segs]


def voice_cue(seg: Any) -> bool:
    """Whether ``seg`` is a caption of the voiceover's speech (`apply_text.set_captions`): a clip's
    own speech is anchored to its shot, the captions typed are not cues."""
    from reelforge.planner.apply_text import CUE_ID

    return seg.id.startswith(CUE_ID) and not seg.shot


def move_segment(st: State, op: O.MoveSegment) -> None:
    main = st.main()
    i = main_index(st, op.target)
    seg = main.segs[i]
    n = len(main.segs)
    if op.after is not None or op.before is not None:
        ref = main_index(st, op.after if op.after is not None else op.before)  # type: ignore[arg-type]
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


def _normalise_first(main: WorkTrack) -> None:
    """The first shot has nothing to transition from: give its transition to the new second."""
    if not main.segs:
        return
    first = main.segs[0]
    if first.transition is not Transition.CUT:
        if len(main.segs) > 1 and main.segs[1].transition is Transition.CUT:
            main.segs[1] = main.segs[1].model_copy(update={"transition": first.transition, "transition_ms": first.transition_ms})
        main.segs[0] = first.model_copy(update={"transition": Transition.CUT, "transition_ms": 0})


def swap_segments(st: State, op: O.SwapSegments) -> None:
    main = st.main()
    i, j = main_index(st, op.a), main_index(st, op.b)
    if i == j:
        raise ApplyError("those are the same shot")
    a, b = main.segs[i], main.segs[j]
    # the transitions belong to the positions, the pictures move
    main.segs[i] = b.model_copy(update={"transition": a.transition, "transition_ms": a.transition_ms})
    main.segs[j] = a.model_copy(update={"transition": b.transition, "transition_ms": b.transition_ms})
    st.relayout_main(keep_total=True)


def reverse_order(st: State, op: O.ReverseOrder) -> None:
    main = st.main()
    trans = [(s.transition, s.transition_ms) for s in main.segs]
    main.segs = [s.model_copy(update={"transition": t, "transition_ms": tm})
                 for s, (t, tm) in zip(reversed(main.segs), trans, strict=True)]
    st.relayout_main(keep_total=True)


def reorder_segments(st: State, op: O.ReorderSegments) -> None:
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


def replace_source(st: State, op: O.ReplaceSource) -> None:
    tr, i = resolve(st, op.target)
    asset = st.asset(op.asset_id)
    seg = tr.segs[i]
    if isinstance(seg, TextSegment):
        raise ApplyError("text has no media to replace; change its words instead")
    if isinstance(seg, VideoSegment):
        if asset.kind is AssetKind.AUDIO:
            raise ApplyError(f"{asset.name} is audio and cannot replace a picture")
        upd: dict[str, Any] = {"src": asset.id, "name": asset.name, "in_ms": 0, "speed": 1.0}
        if tr.role is Role.MAIN:  # the old picture's backdrop and room were its own
            upd.update(backdrop=None, scale=1.0)
        if asset.kind is AssetKind.VIDEO:
            upd["motion"] = Motion.NONE
        elif seg.motion is Motion.NONE and tr.role is Role.MAIN and any(s.motion is not Motion.NONE for s in tr.segs):
            upd["motion"] = AUTO_MOTIONS[i % len(AUTO_MOTIONS)]
        tr.segs[i] = seg.model_copy(update=upd)
        if tr.role is Role.MAIN:
            cap = available(tr.segs[i], st.library)
            if cap is not None and cap < tr.segs[i].duration:
                tr.segs[i] = tr.segs[i].model_copy(update={"duration": cap})
            st.relayout_main(keep_total=True)
    else:
        if asset.kind is not AssetKind.AUDIO and not asset.has_audio:
            raise ApplyError(f"{asset.name} has no sound")
        tr.segs[i] = seg.model_copy(update={"src": asset.id, "name": asset.name, "in_ms": 0})


def trim_segment(st: State, op: O.TrimSegment) -> None:
    tr, i = resolve(st, op.target)
    seg = tr.segs[i]
    d = seg.duration - op.head_ms - op.tail_ms
    if d < MIN_SEGMENT_MS:
        raise ApplyError(f"{op.target.describe()} is only {O.fmt_ms(seg.duration)} long; that would cut all of it")
    upd: dict[str, Any] = {"duration": d}
    if op.head_ms and not isinstance(seg, TextSegment) and kind_of(st, seg) != "image":  # a still has no in-point
        speed = getattr(seg, "speed", 1.0)
        upd["in_ms"] = seg.in_ms + int(op.head_ms * speed)
    if tr.role is not Role.MAIN and op.head_ms:
        upd["start"] = seg.start + op.head_ms
    tr.segs[i] = _fix_video(fix_fades(seg.model_copy(update=upd)))
    if tr.role is Role.MAIN:
        st.relayout_main(keep_total=False)


def trim_video(st: State, op: O.TrimVideo) -> None:
    """Keep the video from ``head_ms`` to its end less ``tail_ms``: the shots wholly outside go,
    the one across each cut is trimmed (a shot left under a second goes as well)."""
    tr = st.main()
    total = tr.segs[-1].end
    lo, hi = op.head_ms, total - op.tail_ms
    if hi - lo < O.MIN_KEPT_SHOT_MS:
        raise ApplyError(f"that would leave {O.fmt_ms(max(0, hi - lo))} of the {O.fmt_ms(total)} video; "
                         f"it needs at least {O.fmt_ms(O.MIN_KEPT_SHOT_MS)}")
    if op.tail_ms:  # shots whose own part (after the transition into them) starts too late go
        while len(tr.segs) > 1 and tr.segs[-1].start + tr.segs[-1].transition_ms > hi - O.MIN_KEPT_SHOT_MS:
            del tr.segs[-1]
        last = tr.segs[-1]
        # the end where it was asked: the shot across it trimmed, or, when what was left of that one was
        # too short to keep, a still before it held to there ("end the video at 8 seconds" made it 7.29 s)
        if last.end > hi or kind_of(st, last) == "image":
            tr.segs[-1] = _fix_video(fix_fades(last.model_copy(update={"duration": max(MIN_SEGMENT_MS, hi - last.start)})))
    if op.head_ms:  # shots whose part before the next one's transition ends too early go
        drop = 0
        while drop + 1 < len(tr.segs) and tr.segs[drop + 1].start < lo + O.MIN_KEPT_SHOT_MS:
            drop += 1
        first = tr.segs[drop]
        del tr.segs[:drop]
        cut = lo - first.start
        if cut > 0 or kind_of(st, first) == "image":  # (a still after a dropped sliver starts where asked)
            upd: dict[str, Any] = {"duration": max(MIN_SEGMENT_MS, first.duration - cut)}
            if kind_of(st, first) != "image":
                upd["in_ms"] = first.in_ms + int(cut * getattr(first, "speed", 1.0))
            tr.segs[0] = _fix_video(fix_fades(first.model_copy(update=upd)))
    if op.head_ms:
        _shift_left(st, lo)
    _normalise_first(tr)
    st.relayout_main(keep_total=False)


# what plays at a time of the video moves with it when its start is cut off: the voice and what it
# says, sound effects, overlays (the music bed starts again from its own start, the title stays the
# video's opening, the call to action its end)
_FOLLOW_THE_CUT = (Role.VOICE, Role.SFX, Role.CAPTION, Role.OVERLAY)
MIN_TEXT_LEFT_MS = 300  # a caption left shorter than this by the cut goes


def _shift_left(st: State, lo: int) -> None:
    """The segments of `_FOLLOW_THE_CUT` tracks ``lo`` ms earlier: those wholly before go, one across it
    keeps its part after ("remove everything before 5 seconds" kept the voiceover's first 5 s and the
    captions of them, over other pictures)."""
    for t in st.tracks:
        if t.role not in _FOLLOW_THE_CUT:
            continue
        out = []
        for x in t.segs:
            if x.end <= lo:
                continue
            if x.start >= lo:
                out.append(x.model_copy(update={"start": x.start - lo}))
                continue
            cut = lo - x.start
            if isinstance(x, TextSegment) and x.duration - cut < MIN_TEXT_LEFT_MS:
                continue
            upd: dict[str, Any] = {"start": 0, "duration": x.duration - cut}
            if isinstance(x, (AudioSegment, VideoSegment)):
                upd["in_ms"] = x.in_ms + int(cut * getattr(x, "speed", 1.0))
            out.append(fix_fades(x.model_copy(update=upd)))
        t.segs = out


def _fix_video(s: Any) -> Any:
    if isinstance(s, VideoSegment) and s.transition_ms * 2 > s.duration:
        return s.model_copy(update={"transition_ms": s.duration // 2})
    return s


def set_segment_duration(st: State, op: O.SetSegmentDuration) -> None:
    tr, i = resolve(st, op.target)
    seg = tr.segs[i]
    d = op.duration_ms
    if isinstance(seg, VideoSegment):
        cap = available(seg, st.library)
        if cap is not None and d > cap:
            raise ApplyError(f"{label(seg, st)} only has {O.fmt_ms(cap)} of footage")
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
    tr.segs[i] = _fix_video(fix_fades(seg.model_copy(update={"duration": d})))
    if tr.role is Role.MAIN:
        st.relayout_main(keep_total=False)


def set_in_point(st: State, op: O.SetInPoint) -> None:
    tr, i = resolve(st, op.target)
    seg = tr.segs[i]
    if isinstance(seg, TextSegment):
        raise ApplyError("text has no source to play from")
    a = st.library.get(seg.src)
    speed = getattr(seg, "speed", 1.0)
    d = op.duration_ms or seg.duration
    if a is not None and a.kind is AssetKind.IMAGE:
        raise ApplyError(f"{label(seg, st)} is a still image; it has no in-point")
    if a is not None and a.duration_ms:
        if op.in_ms >= a.duration_ms:
            raise ApplyError(f"{label(seg, st)} is only {O.fmt_ms(a.duration_ms)} long")
        d = min(d, max(MIN_SEGMENT_MS, int((a.duration_ms - op.in_ms) / speed)))
    in_ms = op.in_ms
    if a is not None and a.duration_ms:
        in_ms = max(0, min(in_ms, a.duration_ms - int(d * speed)))
    if tr.role is not Role.MAIN:
        d = max(1, min(d, st.duration - seg.start))
    tr.segs[i] = _fix_video(fix_fades(seg.model_copy(update={"in_ms": in_ms, "duration": d})))
    if tr.role is Role.MAIN:
        st.relayout_main(keep_total=False)


def set_total_duration(st: State, op: O.SetTotalDuration) -> None:
    main = st.track(Role.MAIN)
    keep = frozenset(i for t in op.keep for tr, i in [resolve(st, t)] if tr is main)
    if main is not None and op.duration_ms > st.duration:
        # a clip played from a part chosen in its source ("use 0:20-0:26") keeps that part when the video grows
        # (it played 0:20-0:28 after "30s exactly"), while other shots can take the time
        chosen = frozenset(k for k, s in enumerate(main.segs) if isinstance(s, VideoSegment) and s.in_ms > 0
                           and (a := st.library.get(s.src)) is not None and a.kind is AssetKind.VIDEO)
        if len(keep | chosen) < len(main.segs):
            keep |= chosen
    st.refit_main(op.duration_ms, keep)


def fit_to_voice(st: State, op: O.FitToVoice) -> None:
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
    # let cut voice segments grow back to their full length (a piece paused for a clip up to where the
    # voice goes on: it overlapped the next)
    for t in st.tracks_of(Role.VOICE):
        new = []
        for s in t.segs:
            a = st.library.get(s.src)
            if a is not None and a.duration_ms:
                want = min(voice_left(s, t.segs, a.duration_ms), st.duration - s.start)
                if want > s.duration:
                    s = s.model_copy(update={"duration": want})
            new.append(s)
        t.segs = new


def voice_left(seg: Any, pieces: Sequence[Any], source_ms: int) -> int:
    """How much of its file a voice piece may play: to the file's end, or to where a later piece of
    the same file goes on (a voiceover paused for a clip, `place_in_voice`)."""
    goes_on = [s.in_ms for s in pieces if s.src == seg.src and s.in_ms > seg.in_ms]
    return min([source_ms, *goes_on]) - seg.in_ms


def _clip_targets(st: State, target: O.Target | None, *, video_only: bool) -> list[tuple[WorkTrack, int]]:
    if target is not None:
        return [resolve(st, target)]
    main = st.main()
    out = [(main, i) for i, s in enumerate(main.segs) if not video_only or kind_of(st, s) == "video"]
    if not out:
        raise ApplyError("there are no video clips on the timeline (only stills)")
    return out


def set_speed(st: State, op: O.SetSpeed) -> None:
    for tr, i in _clip_targets(st, op.target, video_only=True):
        seg = tr.segs[i]
        if not isinstance(seg, VideoSegment):
            raise ApplyError("speed applies to video clips")
        if kind_of(st, seg) == "image":
            raise ApplyError(f"{label(seg, st)} is a still image; change how long it shows instead")
        d = max(MIN_SEGMENT_MS, round(seg.duration * seg.speed / op.speed))
        seg = seg.model_copy(update={"speed": op.speed, "duration": d})
        cap = available(seg, st.library)
        if cap is not None and seg.duration > cap:
            seg = seg.model_copy(update={"duration": cap})
        tr.segs[i] = _fix_video(seg)
    if st.track(Role.MAIN) is not None:
        st.relayout_main(keep_total=False)


def set_clip_audio(st: State, op: O.SetClipAudio) -> None:
    for tr, i in _clip_targets(st, op.target, video_only=op.target is None):
        seg = tr.segs[i]
        if not isinstance(seg, VideoSegment):
            raise ApplyError("only video clips have their own sound")
        tr.segs[i] = seg.model_copy(update={"mute": op.mute})


# -- AI results (data computed by the session) ------------------------------------------------
def place_in_voice(st: State, op: O.PlaceInVoice) -> None:
    """The clip at ``op.at_ms``, the voiceover paused there for its length (`O.PlaceInVoice`): the
    voice after it, and the captions timed to that voice, play the clip's length later; the shots
    before it are fitted to end there, the ones after share the rest."""
    from reelforge.planner.apply_state import refit
    from reelforge.planner.apply_text import CUE_ID

    main = st.main()
    i = main_index(st, op.target)
    clip = main.segs[i]
    if kind_of(st, clip) != "video":
        raise ApplyError(f"{label(clip, st)} is a still picture: the voiceover pauses for a clip with its own sound")
    voice = [s for t in st.tracks_of(Role.VOICE) for s in t.segs]
    if not voice:
        raise ApplyError("there is no voiceover to pause")
    at, length = op.at_ms, clip.duration
    voice_end = max(s.end for s in voice)
    if not 0 < at < voice_end:
        raise ApplyError(f"the voiceover plays from 0 to {O.fmt_ms(voice_end)}: it cannot pause at {O.fmt_ms(at)}")
    old_total = st.duration
    total = max(old_total, voice_end + length)  # (a clip after the voiceover: the same length)
    rest = [s for k, s in enumerate(main.segs) if k != i]
    # as many shots before the pause as keep the shots' lengths even on both sides (the nearest cut
    # held one photo 11 s)
    left, right = at, total - at - length
    ks = [k for k in range(len(rest) + 1) if (k > 0) == (left >= MIN_SEGMENT_MS)
          and (k < len(rest)) == (right >= MIN_SEGMENT_MS)] or [len(rest)]
    k = min(ks, key=lambda k: abs((left / k if k else 0) - (right / (len(rest) - k) if k < len(rest) else 0)))
    before, after = rest[:k], rest[k:]
    clip = clip.model_copy(update={"transition": Transition.CUT if not before else clip.transition})
    lead = clip.transition_ms if before and clip.transition is not Transition.CUT else 0
    lib = st.library
    if before:
        before = refit(before, at + lead, lib)
    if after:
        tail = after[0].transition_ms if after[0].transition is not Transition.CUT else 0
        after = refit(after, total - (at + length) + tail, lib)
    segs = [*before, clip, *after]
    pack(segs)
    if segs[-1].end != total and segs[-1].duration + total - segs[-1].end >= MIN_SEGMENT_MS:
        segs[-1] = segs[-1].model_copy(update={"duration": segs[-1].duration + total - segs[-1].end})
    main.segs = segs
    st.duration = segs[-1].end
    for t in st.tracks:  # what ended with the video (the music, the call to action) ends with it still
        if t.role not in (Role.MAIN, Role.VOICE) and st.duration != old_total:
            t.segs = [_ending_at(s, old_total, st.duration) for s in t.segs]
    for t in st.tracks_of(Role.VOICE):  # the voice cut at the pause, the rest after the clip
        out: list[Any] = []
        for s in t.segs:
            if s.end <= at:
                out.append(s)
            elif s.start >= at:
                out.append(s.model_copy(update={"start": s.start + length}))
            else:
                head = at - s.start
                out.append(fix_fades(s.model_copy(update={"duration": head, "fade_out_ms": 0})))
                out.append(fix_fades(s.model_copy(update={"id": st.new_id("a"), "start": at + length, "in_ms": s.in_ms + head,
                                                          "duration": s.duration - head, "fade_in_ms": 0})))
        t.segs = [s if s.end <= st.duration else s.model_copy(update={"duration": st.duration - s.start})
                  for s in out if s.start < st.duration]
    for t in st.tracks_of(Role.CAPTION):  # what the voice says after the pause, said later
        t.segs = [s.model_copy(update={"start": s.start + length}) if s.id.startswith(CUE_ID) and not s.shot
                  and s.start >= at else s for s in t.segs]


@dataclass(frozen=True)
class VoicePause:
    """The voiceover paused for a clip (`place_in_voice`): the piece before, the piece after as it was
    (and the speech captions in it), the clip."""

    track: str
    before: str
    after: Any
    clip: str
    captions: tuple[tuple[str, Any], ...]  # (caption track id, caption) of the speech after the pause


def voice_pauses(st: State) -> list[VoicePause]:
    """The pauses of the voiceover: two pieces of one file, the second going on where the first
    stops, apart in time, with a clip starting where the first ends."""
    from reelforge.planner.apply_text import CUE_ID

    main = st.track(Role.MAIN)
    out = []
    for t in st.tracks_of(Role.VOICE):
        segs = sorted(t.segs, key=lambda s: s.start)
        for a, b in zip(segs, segs[1:], strict=False):
            if a.src != b.src or b.in_ms != a.in_ms + a.duration or b.start <= a.end:
                continue
            clip = next((c for c in (main.segs if main else ()) if abs(c.start - a.end) <= 100), None)
            if clip is not None:
                said = tuple((tr.id, c) for tr in st.tracks_of(Role.CAPTION) for c in tr.segs
                             if c.id.startswith(CUE_ID) and not c.shot and b.start - 50 <= c.start < b.end)
                out.append(VoicePause(t.id, a.id, b, clip.id, said))
    return out


# ops by which the user places, removes or silences a clip: its pause in the voiceover goes with it
_PLACING = (O.MoveSegment, O.SwapSegments, O.ReorderSegments, O.ReverseOrder, O.RemoveSegment, O.SetClipAudio)


def named_shots(st: State, op: O.Op) -> set[str]:
    """The ids of the shots an op places, removes or silences by name (all of them for a reorder)."""
    if not isinstance(op, _PLACING):
        return set()
    if isinstance(op, (O.ReorderSegments, O.ReverseOrder)) or isinstance(op, O.SetClipAudio) and op.target is None:
        return {s.id for s in st.main().segs} if st.track(Role.MAIN) else set()
    out = set()
    for field in ("target", "a", "b"):
        target = getattr(op, field, None)
        if isinstance(target, O.Target):
            try:
                tr, i = resolve(st, target)
                out.add(tr.segs[i].id)
            except ApplyError:
                continue
    return out


def keep_pauses(st: State, pauses: list[VoicePause], named: set[str]) -> None:
    """After an op, each pause of the voiceover (`voice_pauses`, taken before it) as its clip now
    stands: where the clip still starts at the pause, the voice goes on after it; else the voice is
    whole again, then paused anew for the clip at the same words (an op that retimed the shots moved
    it off), unless the op placed, removed or muted that clip (``named``: `named_shots`) or the
    video is too short for both. The piece after is never lost to an op that cut the video's end (it
    was), its speech captions go with it, and a clip's own captions give way to the voice's."""
    from reelforge.planner import apply_text as text

    for p in pauses:
        t = next((x for x in st.tracks_of(Role.VOICE) if x.id == p.track), None)
        a = next((s for s in t.segs if s.id == p.before), None) if t else None
        if t is None or a is None:
            continue
        at = a.end
        clip = next((c for c in st.main().segs if c.id == p.clip), None) if st.track(Role.MAIN) else None
        held = clip is not None and not clip.mute and abs(clip.start - at) <= 100
        # the piece after: right after the clip where it still stands at the pause, else back on the voice
        goes_on = clip.end if held else at  # type: ignore[union-attr]
        t.segs = [s for s in t.segs if s.id != p.after.id]
        k = t.segs.index(a)
        if held and goes_on < st.duration - MIN_SEGMENT_MS:
            t.segs.insert(k + 1, p.after.model_copy(update={"start": goes_on,
                                                             "duration": min(p.after.duration, st.duration - goes_on)}))
        elif not held:
            t.segs[k] = a.model_copy(update={"duration": a.duration + max(0, min(p.after.duration, st.duration - at))})
        ids = {c.id for _, c in p.captions}
        for tr in st.tracks_of(Role.CAPTION):
            now = {c.id: c for c in tr.segs}
            tr.segs = [c for c in tr.segs if c.id not in ids]
            for tid, old in p.captions:
                # as the op left it (a new text kept), or as it was where an op cutting the video's end
                # dropped it with the voice (a caption the user removed stays removed)
                c = now.get(old.id) or (old if old.start >= st.duration else None)
                if tid == tr.id and c is not None:
                    tr.segs.append(c.model_copy(update={"start": old.start - p.after.start + goes_on}))
        if clip is None or clip.mute:
            for tr in st.tracks_of(Role.CAPTION):  # its speech, no longer heard
                tr.segs = [c for c in tr.segs if c.shot != p.clip]
        elif not held and clip.id not in named and at + clip.duration + (t.segs[k].end - at) <= st.duration:
            anchors, before = text.caption_anchors(st), text.main_spans(st)  # the shots retimed: paused anew
            place_in_voice(st, O.PlaceInVoice(target=O.Target(id=clip.id), at_ms=at))
            text.reanchor_captions(st, anchors, before)
    _voice_captions_first(st)


def _voice_captions_first(st: State) -> None:
    """Captions in time order, none over another: where a clip's own speech meets the voiceover's
    captions, the voiceover's stay; others start where the one before ends (or go if too short)."""
    for tr in st.tracks_of(Role.CAPTION):
        out: list[Any] = []
        for c in sorted(tr.segs, key=lambda c: (c.start, c.shot is not None)):
            if c.start >= st.duration - MIN_SEGMENT_MS // 2:
                continue
            c = c if c.end <= st.duration else c.model_copy(update={"duration": st.duration - c.start})
            if out and c.start < out[-1].end:
                if out[-1].shot is not None and c.shot is None:
                    out.pop()
                elif c.shot is not None or c.end - out[-1].end < MIN_SEGMENT_MS:
                    continue
                else:
                    c = c.model_copy(update={"start": out[-1].end, "duration": c.end - out[-1].end})
            out.append(c)
        tr.segs = out


def _ending_at(s: Any, old_end: int, new_end: int) -> Any:
    if s.end != old_end:
        return s
    if isinstance(s, AudioSegment):  # the music plays on to the new end
        return s.model_copy(update={"duration": s.duration + new_end - old_end})
    return s.model_copy(update={"start": s.start + new_end - old_end})


def beat_sync(st: State, op: O.BeatSync) -> None:
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
        cap = available(seg, st.library)
        if cap is not None and seg.duration > cap and seg.in_ms:  # slide the clip's window back to fit
            a_ = st.library[seg.src]
            seg = seg.model_copy(update={"in_ms": max(0, a_.duration_ms - int(seg.duration * seg.speed))})
        segs.append(seg)
    main.segs = segs
    pack(main.segs)
