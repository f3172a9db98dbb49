"""Sound ops: the level of the music, the voiceover or the clips' own sound (the whole track, or a
range of time: the track is cut there and the pieces joined back when they sound the same), fades,
ducking under the voice, a new music bed (looped when its sound is shorter than the video), a
voiceover (data computed by the session), and moving a sound track in time or in its source.
"""

from __future__ import annotations

from typing import Any

from reelforge.planner import ops as O
from reelforge.planner.apply_state import MIN_SEGMENT_MS, ApplyError, State, WorkTrack, fix_fades
from reelforge.planner.apply_targets import kind_of, label, main_index, role_word
from reelforge.planner.apply_text import move_cues
from reelforge.planner.bed import music_bed
from reelforge.timeline.model import AssetKind, AudioSegment, Role, loop_position


def _audio_segs(st: State, role_name: str) -> list[tuple[WorkTrack, int]]:
    role = Role(role_name)
    if role is Role.MAIN:
        main = st.main()
        out = [(main, i) for i, s in enumerate(main.segs) if kind_of(st, s) == "video"]
        if not out:
            raise ApplyError("the shots are stills; they have no sound of their own")
        return out
    out = [(t, i) for t in st.tracks_of(role) for i in range(len(t.segs))]
    if not out:
        raise ApplyError(f"there is no {role_word(role)} in this video")
    return out


def _split_audio(st: State, role_name: str, span: O.Span) -> list[tuple[WorkTrack, int]]:
    """Cut the track's segments at the span's ends; the pieces inside the span (in order).
    A piece keeps its source position (in-point moves on), the first keeps the fade-in, the last the fade-out."""
    if role_name == "main":
        raise ApplyError("a range of time works on the music or the voiceover, not the clips' own sound")
    lo, hi = max(0, span.start_ms), min(st.duration, span.end_ms)
    if hi - lo < 100:
        raise ApplyError("that range of time is outside the video")
    lib = st.library
    inside: list[tuple[WorkTrack, int]] = []
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
        raise ApplyError(f"there is no {role_word(Role(role_name))} from {O.fmt_ms(lo)} to {O.fmt_ms(hi)}")
    return inside


def _merge_audio(tr: WorkTrack) -> None:
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


def set_volume(st: State, op: O.SetVolume) -> None:
    if op.volume is None and op.factor is None:
        raise ApplyError("say how loud, e.g. 'music to 30%'")
    places = _split_audio(st, op.role, op.span) if op.span else _audio_segs(st, op.role)
    if op.target is not None and op.role == "main":  # one clip's own sound ("make the testimonial louder")
        at = main_index(st, op.target)
        places = [(tr, i) for tr, i in places if i == at]
        if not places:
            raise ApplyError(f"{op.target.describe()} is a still picture: it has no sound of its own")
    for tr, i in places:
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


def set_fade(st: State, op: O.SetFade) -> None:
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


def set_duck(st: State, op: O.SetDuck) -> None:
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


def replace_music(st: State, op: O.ReplaceMusic) -> None:
    asset = st.asset(op.asset_id)
    if asset.kind is AssetKind.IMAGE or (asset.kind is AssetKind.VIDEO and not asset.has_audio):
        raise ApplyError(f"{asset.name} has no sound to use as music")
    old = sorted((s for t in st.tracks_of(Role.MUSIC) for s in t.segs), key=lambda s: s.start)
    proto = old[0] if old else None
    has_voice = any(t.segs for t in st.tracks_of(Role.VOICE))
    bed = music_bed(op.sound, asset.duration_ms)
    loop = asset.duration_ms > 0 and bed.sound_ms(asset.duration_ms) < st.duration
    seg = AudioSegment(
        id=st.new_id("a"), start=0, duration=st.duration, src=asset.id, name=asset.name,
        volume=proto.volume if proto else (0.3 if has_voice else 0.8),
        fade_in_ms=proto.fade_in_ms if proto else 0,
        fade_out_ms=old[-1].fade_out_ms if old else min(1500, st.duration // 2),  # the last piece's (the first had none)
        duck=proto.duck if proto else has_voice, loop=loop, **bed.segment_fields())
    segs = [fix_fades(seg)]
    if len({round(s.volume, 4) for s in old}) > 1 and not loop:
        # "music louder at the end", then another song: the new one plays on through the same pieces, at
        # their levels (the louder ending and the fade-out were lost)
        first = old[0].start
        segs = [fix_fades(p.model_copy(update={"id": st.new_id("a"), "src": asset.id, "name": asset.name,
                                               "in_ms": bed.in_ms + p.start - first, "loop": False,
                                               "loop_start_ms": 0, "loop_end_ms": None})) for p in old]
    tracks = st.tracks_of(Role.MUSIC)
    if tracks:
        tracks[0].segs = segs
        st.tracks = [t for t in st.tracks if t.role is not Role.MUSIC or t is tracks[0]]
    else:
        st.add_track(Role.MUSIC).segs = segs


# -- AI results (data computed by the session) ------------------------------------------------
def add_voiceover(st: State, op: O.AddVoiceover) -> None:
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


STOP_FADE_MS = 1000  # a sound stopped mid-way fades out over at least this (a cut clicks)


def _stop_at(tracks: list[Any], end_ms: int, word: str) -> None:
    """Cut a sound track's pieces at ``end_ms``: later pieces go, the one playing then ends there,
    fading out (its own fade-out, at least ``STOP_FADE_MS``)."""
    first = min(s.start for t in tracks for s in t.segs) if any(t.segs for t in tracks) else 0
    if end_ms - first < MIN_SEGMENT_MS:
        raise ApplyError(f"the {word} starts at {O.fmt_ms(first)}: it cannot stop at {O.fmt_ms(end_ms)}")
    for tr in tracks:
        out: list[Any] = []
        for seg in tr.segs:
            if seg.start + MIN_SEGMENT_MS > end_ms:
                continue
            if seg.end > end_ms:
                seg = seg.model_copy(update={"duration": end_ms - seg.start,
                                             "fade_out_ms": max(seg.fade_out_ms, STOP_FADE_MS)})
            out.append(fix_fades(seg))
        tr.segs[:] = out


def set_audio_timing(st: State, op: O.SetAudioTiming) -> None:
    """Move a sound track in time and/or play it from another point of its source: all its
    pieces together. Pieces moved past either end of the video are cut there; a music bed that
    ended with the video still does (a looped bed, or as far as its source goes) unless it is told
    to stop (``end_ms``); captions timed to the voice move with the voice."""
    role = Role(op.role)
    tracks = [t for t in st.tracks_of(role) if t.segs]
    if not tracks:
        raise ApplyError(f"there is no {role_word(role)} in this video")
    word = role_word(role)
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
            raise ApplyError(f"{label(first, st)} is only {O.fmt_ms(length)} long")
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
            out.append(fix_fades(seg.model_copy(update={**upd, "start": a, "duration": b - a, "in_ms": in_ms})))
        tr.segs[:] = out
    on_to_end = op.end_ms is not None and op.end_ms >= st.duration  # "let the music play to the end"
    if (to_end and delta < 0 and role is Role.MUSIC) or on_to_end:  # the bed (still) ends with the video
        tr = max(tracks, key=lambda t: t.segs[-1].end if t.segs else -1)
        if tr.segs and tr.segs[-1].end < st.duration:
            last = tr.segs[-1]
            room, loop = st.duration - last.start, last.loop
            if not last.loop and source_ms(last) is not None and last.in_ms + room > source_ms(last):  # type: ignore[operator]
                if role is Role.MUSIC and on_to_end:
                    loop = True  # asked to play on: the bed goes round again
                else:
                    room = source_ms(last) - last.in_ms  # type: ignore[operator]
            tr.segs[-1] = fix_fades(last.model_copy(update={"duration": max(last.duration, room), "loop": loop}))
    elif op.end_ms is not None:
        _stop_at(tracks, op.end_ms, word)
    if not any(t.segs for t in tracks):
        raise ApplyError(f"none of the {word} would be left inside the video")
    if role is Role.VOICE and (delta or skip):
        move_cues(st, delta - skip)
