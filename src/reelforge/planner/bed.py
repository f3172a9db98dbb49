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


BAR_BEATS = 4
MIN_LOOP_BARS = 2
"""A loop shorter than this many bars is left as it is (too little music to shorten)."""
STEADY_BEAT = 0.3
"""Beat confidence (`reelforge.ai.beats`) from which a loop is cut on the beat: measured 0.91-0.94 on
drum-and-bass beds at 72-160 BPM, 0.04 on an ambient pad and on noise."""
MAX_ALIGNED_LOOP_MS = 90_000
"""A longer loop (a whole song) comes round like a playlist repeating: left as it is, and not held
in memory (`reelforge.render.audio_graph` keeps a partial loop's samples, ~23 MB a minute)."""


def loop_end_on_the_beat(beat_times_ms: Sequence[int], confidence: float, loop_start_ms: int,
                         end_ms: int) -> int | None:
    """Where a loop from ``loop_start_ms`` that would wrap at ``end_ms`` wraps on the beat: after a
    whole number of bars counted from the first beat heard, so the music comes round in time (a
    32 s bed at 100 BPM wrapped a third of a beat early). None to leave it as it is: no steady
    beat, too short or too long a loop, or already on the beat (within 5 ms)."""
    if confidence < STEADY_BEAT or end_ms - loop_start_ms > MAX_ALIGNED_LOOP_MS:
        return None
    beats = [t for t in beat_times_ms if t >= loop_start_ms]
    if len(beats) < 2:
        return None
    # the wrap lands a bar (from the first beat heard) after the beat before it, shifted back by
    # the lead from the loop's start to that first beat: the beat goes on at its own spacing (a
    # wrap already on the beat stays where it is: the beat it stands for may lie past it)
    lead = beats[0] - loop_start_ms
    ends = [beats[k] - lead for k in range(BAR_BEATS * MIN_LOOP_BARS, len(beats), BAR_BEATS)]
    ends = [e for e in ends if e <= end_ms + 5]
    if not ends or abs(ends[-1] - end_ms) <= 5:
        return None
    return ends[-1]


END_IN_PAUSE_MS = 1500
"""How far before a cut the voice may stop instead, at its last pause."""
PAUSE_TAIL_MS = 250
"""How far into the pause it stops (its cut's fade-out falls in the pause, not on the last word)."""


def voice_end_in_pause(in_ms: int, out_ms: int, source_ms: int, pauses: Sequence[tuple[int, int]]) -> int | None:
    """Where a voice cut at ``out_ms`` of its file (mid-word: "a 6 second teaser" of a 10 s
    voiceover stopped on a word at 6.0 s) stops instead: a little into its last pause within
    `END_IN_PAUSE_MS` before the cut (file time). None when the cut is in a pause already, the
    file ends there, or no pause is near enough."""
    if out_ms >= source_ms - 50 or any(a <= out_ms <= b for a, b in pauses):
        return None
    near = [(a, b) for a, b in pauses if out_ms - END_IN_PAUSE_MS <= a < out_ms and a > in_ms + 500]
    if not near:
        return None
    a, b = near[-1]
    return min(b, a + PAUSE_TAIL_MS, out_ms)
