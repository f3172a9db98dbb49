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

This module is the entry point: `apply` runs each op's handler on a working `State` (and puts
captions back over their shots when an op moved them), `find_segment` resolves a target. The
handlers and what they stand on live next to it; none of them imports this module:
- `reelforge.planner.apply_state`: `ApplyError`, the working `State` (built from and back into
  a `Timeline`) and the length rules: packing the main track, refitting it to a total,
  retiming the other tracks when the length changes;
- `reelforge.planner.apply_targets`: which segment a `Target` names (`resolve`);
- `reelforge.planner.apply_segments`: shots on the main track (add, remove, move, swap,
  reorder, replace, trim, durations, in-point, speed, clip sound, total length, fit to the
  voice, beat sync) and the same segment edits on other tracks, removing a track;
- `reelforge.planner.apply_text`: titles, captions and calls to action, captions from speech,
  and captions following their shots when the shots move;
- `reelforge.planner.apply_sound`: volume (over a range of time too), fades, ducking, the
  music bed, the voiceover, moving a sound track in time;
- `reelforge.planner.apply_look`: frame, fit, background, focus, motion, transitions, colour
  grade, fades to black, style, logo and brand kit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reelforge.planner import apply_look as look
from reelforge.planner import apply_segments as segments
from reelforge.planner import apply_sound as sound
from reelforge.planner import apply_text as text
from reelforge.planner import op_words as W
from reelforge.planner import ops as O
from reelforge.planner.apply_state import ApplyError, State
from reelforge.planner.apply_targets import resolve
from reelforge.timeline.model import Asset, Timeline

__all__ = ["ApplyError", "apply", "find_segment"]


def apply(timeline: Timeline, ops: Iterable[O.Op], *, library: Sequence[Asset] = ()) -> Timeline:
    """Apply ``ops`` in order and return the new, validated timeline.

    ``library`` supplies assets that ops may bring in (add_segment, replace_source,
    replace_music, add_logo) when they are not on the timeline yet.
    """
    st = State.of(timeline, library)
    for op in ops:
        handler = _HANDLERS.get(type(op))
        if handler is None:
            if isinstance(op, (O.Undo, O.Redo)):
                raise ApplyError(f"{op.op} is handled by the session, not applied to a timeline")
            if isinstance(op, O.REQUEST_TYPES):
                raise ApplyError(f"{W.describe(op)} runs a model: the session turns it into data first")
            raise ApplyError(f"unknown op {op!r}")
        anchors = text.caption_anchors(st)
        main_before = text.main_spans(st)
        pauses = segments.voice_pauses(st) if not isinstance(op, O.PlaceInVoice) else []
        named = segments.named_shots(st, op) if pauses else set()
        handler(st, op)
        if anchors and text.main_spans(st) != main_before:
            text.reanchor_captions(st, anchors, main_before)
        if pauses:
            segments.keep_pauses(st, pauses, named)
    return st.build()


# the handler of each op: handler(state, op) changes the state in place
_HANDLERS: dict[type, Any] = {
    O.AddSegment: segments.add_segment, O.RemoveSegment: segments.remove_segment,
    O.MoveSegment: segments.move_segment, O.SwapSegments: segments.swap_segments,
    O.ReverseOrder: segments.reverse_order, O.ReorderSegments: segments.reorder_segments,
    O.ReplaceSource: segments.replace_source, O.TrimSegment: segments.trim_segment, O.TrimVideo: segments.trim_video,
    O.SetSegmentDuration: segments.set_segment_duration, O.SetTotalDuration: segments.set_total_duration,
    O.FitToVoice: segments.fit_to_voice, O.SetSpeed: segments.set_speed, O.SetClipAudio: segments.set_clip_audio,
    O.PlaceInVoice: segments.place_in_voice,
    O.RemoveTrack: segments.remove_track, O.SetInPoint: segments.set_in_point, O.BeatSync: segments.beat_sync,
    O.AddText: text.add_text, O.UpdateText: text.update_text, O.RemoveText: text.remove_text,
    O.SetCaptionMode: text.set_caption_mode, O.SetCaptions: text.set_captions,
    O.SetVolume: sound.set_volume, O.SetFade: sound.set_fade, O.SetDuck: sound.set_duck,
    O.ReplaceMusic: sound.replace_music, O.AddVoiceover: sound.add_voiceover, O.SetAudioTiming: sound.set_audio_timing,
    O.SetTransition: look.set_transition, O.SetMotion: look.set_motion, O.SetMotionAmount: look.set_motion_amount,
    O.SetFrame: look.set_frame, O.SetFit: look.set_fit, O.SetBackground: look.set_background,
    O.AddLogo: look.add_logo, O.SetStyle: look.set_style, O.SetFocus: look.set_focus, O.SetBackdrop: look.set_backdrop, O.CallShot: look.call_shot, O.SetGrade: look.set_grade,
    O.SetVideoFade: look.set_video_fade, O.ApplyBrand: look.apply_brand_kit,
}


def find_segment(timeline: Timeline, target: O.Target, library: Sequence[Asset] = ()) -> Any:
    """The segment a target names on this timeline (raises `ApplyError` like the ops do)."""
    st = State.of(timeline, library)
    tr, i = resolve(st, target)
    return tr.segs[i]
