"""Pure Timeline -> Timeline helpers that put the AI results on a timeline.

They take the data the analysis functions return (caption cues, beat times, in-points) and
return a new validated timeline; nothing here loads a model or touches a file, so the planner
can call them from its ops and tests can run them without the ``ai`` extra.
"""

from __future__ import annotations

from reelforge.ai.beats import BeatInfo, beat_cut_points
from reelforge.timeline.model import (
    AudioSegment,
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
    replace,
)

CAPTION_TRACK_ID = "captions"


def _validated(tl: Timeline) -> Timeline:
    return build(**tl.model_dump())


def caption_segments(lines, *, offset_ms: int = 0, limit_ms: int | None = None,
                     position: Position = Position.BOTTOM, size: TextSize = TextSize.LARGE,
                     color: str = "#FFFFFF", background: TextBackground = TextBackground.BOX,
                     prefix: str = "cap") -> tuple[TextSegment, ...]:
    """Text segments for caption cues (``CaptionLine``s), shifted by ``offset_ms`` (where the speech
    starts on the timeline) and cut at ``limit_ms``. Social-video style: large, boxed, bottom."""
    out: list[TextSegment] = []
    last_end = 0
    for i, cue in enumerate(lines, 1):
        start = max(cue.start_ms + offset_ms, last_end)
        end = cue.end_ms + offset_ms
        if limit_ms is not None:
            end = min(end, limit_ms)
        if end - start < 100 or not cue.text.strip():
            continue
        out.append(TextSegment(id=f"{prefix}{i}", start=start, duration=end - start, text=cue.text,
                               position=position, size=size, color=color, background=background,
                               bold=True, fade_in_ms=0, fade_out_ms=0))
        last_end = end
    return tuple(out)


def add_captions(timeline: Timeline, lines, *, offset_ms: int = 0, **style) -> Timeline:
    """The timeline with its caption track replaced by these cues (the track is added if absent)."""
    taken = {s.id for t in timeline.tracks if t.id != CAPTION_TRACK_ID for s in t.segments}
    prefix = "cap"
    while any(i.startswith(prefix) for i in taken):
        prefix += "c"
    segs = caption_segments(lines, offset_ms=offset_ms, limit_ms=timeline.duration, prefix=prefix, **style)
    tracks = [t for t in timeline.tracks if t.role is not Role.CAPTION]
    if segs:
        tracks.append(Track(id=CAPTION_TRACK_ID, kind=TrackKind.TEXT, role=Role.CAPTION, segments=segs))
    return _validated(replace(timeline, tracks=tuple(tracks)))


def music_offset_ms(timeline: Timeline) -> int | None:
    """Timeline time of the music's 0 ms (start minus in-point), or None without music."""
    track = timeline.track(Role.MUSIC)
    if not track or not track.segments:
        return None
    seg = track.segments[0]
    assert isinstance(seg, AudioSegment)
    return seg.start - seg.in_ms


def beat_sync(timeline: Timeline, beats: BeatInfo, *, min_segment_ms: int = 500,
              offset_ms: int | None = None) -> Timeline:
    """Main-track pictures re-timed so every change lands on a beat, same span and order.

    The main track's span (first start to last end) is kept; the music's placement gives the
    beat offset unless ``offset_ms`` is given. Changes become hard cuts (a crossfade would blur
    the beat). Clips keep their in-points; a clip shorter than its new slot is left as is.
    """
    main = timeline.track(Role.MAIN)
    if main is None or len(main.segments) < 2:
        return timeline
    if offset_ms is None:
        offset_ms = music_offset_ms(timeline) or 0
    segs = list(main.segments)
    span_start, span_end = segs[0].start, max(s.end for s in segs)
    shifted = [t + offset_ms - span_start for t in beats.beat_times_ms]
    bounds = beat_cut_points(shifted, len(segs), span_end - span_start, min_segment_ms=min_segment_ms)
    new = []
    for seg, a, b in zip(segs, bounds, bounds[1:], strict=False):
        assert isinstance(seg, VideoSegment)
        new.append(seg.model_copy(update={"start": span_start + a, "duration": b - a,
                                          "transition": Transition.CUT, "transition_ms": 0}))
    tracks = tuple(t.model_copy(update={"segments": tuple(new)}) if t.id == main.id else t
                   for t in timeline.tracks)
    return _validated(replace(timeline, tracks=tracks))


def set_in_point(timeline: Timeline, segment_id: str, in_ms: int) -> Timeline:
    """A clip's in-point moved (e.g. to `highlights.best_window`), clamped to its source length."""
    tracks = []
    for t in timeline.tracks:
        segs = []
        for s in t.segments:
            if s.id == segment_id and isinstance(s, VideoSegment | AudioSegment):
                src = timeline.asset(s.src)
                room = src.duration_ms - int(s.duration * getattr(s, "speed", 1.0)) if src.duration_ms else in_ms
                s = s.model_copy(update={"in_ms": max(0, min(in_ms, max(0, room)))})
            segs.append(s)
        tracks.append(t.model_copy(update={"segments": tuple(segs)}))
    return _validated(replace(timeline, tracks=tuple(tracks)))
