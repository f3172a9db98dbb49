"""Where a music bed plays from (pure): its silent lead-in skipped, its loop without the silent ends.

The session measures where a music file's sound starts and ends (`reelforge.ai.sound`, once per
asset); `music_bed` turns that into the music segment's in-point and loop end: the music starts
where its sound does (no dead air at the top of the video) and a loop repeats only the part with
sound (no gap of tail + lead-in silence each time it comes round). Silences under
`MIN_SILENCE_MS` are left alone: they are part of the music's timing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reelforge.timeline.summary import fmt_seconds

MIN_SILENCE_MS = 250
"""A silent lead-in or tail shorter than this is kept."""
PAD_MS = 20
"""Silence kept next to the sound (one measuring frame: the first sound may start inside it)."""


@dataclass(frozen=True)
class Bed:
    """Where the music plays from (``in_ms``, also where each loop restarts) and where a loop wraps
    (``end_ms``; None = the source's end)."""

    in_ms: int = 0
    end_ms: int | None = None

    def sound_ms(self, source_ms: int) -> int:
        """How long the part that plays (and loops) is."""
        return (self.end_ms if self.end_ms is not None else source_ms) - self.in_ms

    def segment_fields(self) -> dict[str, int | None]:
        """The `AudioSegment` fields that place it."""
        return {"in_ms": self.in_ms, "loop_start_ms": self.in_ms, "loop_end_ms": self.end_ms}


def music_bed(sound: tuple[int, int] | None, source_ms: int) -> Bed:
    """The bed of a source ``source_ms`` long whose sound runs ``sound = (start_ms, end_ms)``
    (None: not measured, or no sound at all: played whole)."""
    if sound is None or source_ms <= 0:
        return Bed()
    start, end = max(0, sound[0]), min(source_ms, sound[1])
    if end <= start:
        return Bed()
    lead = start - PAD_MS
    in_ms = lead if lead >= MIN_SILENCE_MS else 0
    out = end + PAD_MS
    end_ms = out if source_ms - out >= MIN_SILENCE_MS else None
    return Bed(in_ms, end_ms)


def bed_notes(bed: Bed, source_ms: int, *, looped: bool) -> list[str]:
    """What the plan says about the bed: where it starts, and what a loop repeats."""
    out = []
    if bed.in_ms:
        out.append(f"starts {fmt_seconds(bed.in_ms)} s into the track, where the music comes in")
    if looped:
        if bed.in_ms or bed.end_ms is not None:
            out.append(f"looped ({fmt_seconds(bed.sound_ms(source_ms))} s with sound, of {fmt_seconds(source_ms)} s;"
                       " the silent " + ("ends are" if bed.in_ms and bed.end_ms is not None else
                                         "lead-in is" if bed.in_ms else "tail is") + " left out of the loop)")
        else:
            out.append(f"looped ({fmt_seconds(source_ms)} s long)")
    return out



def looped_beats(beat_times_ms: Sequence[int], in_ms: int, loop_start_ms: int, loop_end_ms: int | None,
                 source_ms: int, play_ms: int) -> list[int]:
    """Beats measured on a source, as a looped segment plays them: in the source's own time
    unrolled over the loop (the time played plus the in-point, the clock `BeatSync` offsets by
    start - in-point). A beat at ``t`` inside the loop comes again at ``t + k * loop length``; a
    beat in a silent tail left out of the loop is dropped."""
    end = min(loop_end_ms, source_ms) if loop_end_ms is not None else source_ms
    length = end - loop_start_ms
    first = [t for t in beat_times_ms if in_ms <= t < end]
    if length <= 0:
        return first
    body = [t for t in beat_times_ms if loop_start_ms <= t < end]
    out = list(first)
    k = 1
    while body and body[0] + k * length - in_ms < play_ms:
        out += [t + k * length for t in body if t + k * length - in_ms < play_ms]
        k += 1
    return out
