"""Input limits for drafts and timelines: the one place they are defined.

`Limits` holds the bounds with their defaults; the service reads each from a
``REELFORGE_<FIELD>`` environment variable (see `reelforge.service.config`) and docs/security.md
lists them. Checks are pure and cheap, and name the offending field in draft notation
(``t[2].sg[7].m.text``) so a client can find it:

- `check_draft_size` runs on the raw parsed JSON *before* any model is built (counts and text
  lengths only, O(size of the input)), so an 80,000-segment draft is refused in milliseconds;
- `check_timeline` runs on a built timeline (from a draft or a chat session) before anything
  is queued: duration, frame size, fps, track and segment counts, text length.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from reelforge.errors import InvalidTimeline


class Limits(BaseModel):
    """Bounds on what a client may ask for. Each field is set by ``REELFORGE_<FIELD>``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_json_bytes: int = Field(1024**2, gt=0, description="size of a JSON request body, bytes")
    max_json_depth: int = Field(32, ge=4, description="nesting depth of a JSON request body")
    max_tracks: int = Field(32, gt=0, description="tracks in one draft or timeline")
    max_track_segments: int = Field(1000, gt=0, description="segments on one track")
    max_segments: int = Field(2000, gt=0, description="segments on all tracks together")
    max_text_chars: int = Field(1000, gt=0, description="characters in one text segment")
    # all texts together: each is measured at several sizes whenever the layout changes, and drawn
    # (900 captions of 1,000 characters took ~200 s of CPU for a 3-credit draft render); 30 minutes
    # of speech captioned is ~25,000
    max_total_text_chars: int = Field(50_000, gt=0, description="characters in all text segments together")
    max_duration_ms: int = Field(30 * 60_000, gt=0, description="length of a timeline, ms")
    max_frame_side: int = Field(3840, ge=16, description="output width and height, pixels")
    max_fps: int = Field(60, ge=1, description="output frame rate")


DEFAULT = Limits()


def from_env() -> Limits:
    """The limits with each ``REELFORGE_<FIELD>`` that is set in the environment."""
    found = {n: os.environ[env_name(n)] for n in Limits.model_fields if os.environ.get(env_name(n))}
    return Limits.model_validate(found) if found else DEFAULT


def env_name(field: str) -> str:
    return "REELFORGE_" + field.upper()


def _over(where: str, what: str, limit: int, field: str) -> InvalidTimeline:
    return InvalidTimeline(f"{where}: {what}; the limit is {limit} ({env_name(field)})")


def check_draft_size(draft: Any, limits: Limits = DEFAULT) -> None:
    """Counts and text lengths of a raw draft (any JSON value), before it is parsed further.

    Only what is cheap and certain is checked here; wrong types are left to the draft model,
    which reports them with their location.
    """
    if not isinstance(draft, Mapping):
        return
    tracks = draft.get("t")
    if not isinstance(tracks, list):
        return
    if len(tracks) > limits.max_tracks:
        raise _over("t", f"{len(tracks)} tracks", limits.max_tracks, "max_tracks")
    total = chars = 0
    for ti, track in enumerate(tracks):
        segs = track.get("sg") if isinstance(track, Mapping) else None
        if not isinstance(segs, list):
            continue
        if len(segs) > limits.max_track_segments:
            raise _over(f"t[{ti}].sg", f"{len(segs)} segments on one track",
                        limits.max_track_segments, "max_track_segments")
        total += len(segs)
        if total > limits.max_segments:
            raise _over("t", f"more than {limits.max_segments} segments in all",
                        limits.max_segments, "max_segments")
        for si, seg in enumerate(segs):
            meta = seg.get("m") if isinstance(seg, Mapping) else None
            text = meta.get("text") if isinstance(meta, Mapping) else None
            if isinstance(text, str) and len(text) > limits.max_text_chars:
                raise _over(f"t[{ti}].sg[{si}].m.text", f"{len(text)} characters",
                            limits.max_text_chars, "max_text_chars")
            chars += len(text) if isinstance(text, str) else 0
            if chars > limits.max_total_text_chars:
                raise _over("t", f"more than {limits.max_total_text_chars} characters of text in all",
                            limits.max_total_text_chars, "max_total_text_chars")


def check_timeline(timeline, limits: Limits = DEFAULT) -> None:
    """Raise `InvalidTimeline` naming the field when a built timeline is over a limit."""
    tl = timeline
    if tl.duration > limits.max_duration_ms:
        raise _over("d", f"{tl.duration} ms long", limits.max_duration_ms, "max_duration_ms")
    for key, value in (("w", tl.width), ("h", tl.height)):
        if value > limits.max_frame_side:
            raise _over(f"m.{key}", f"{value} px", limits.max_frame_side, "max_frame_side")
    if tl.fps > limits.max_fps:
        raise _over("m.fps", f"{tl.fps} fps", limits.max_fps, "max_fps")
    check_counts(tl, limits)
    chars = 0
    for ti, track in enumerate(tl.tracks):
        for si, seg in enumerate(track.segments):
            text = getattr(seg, "text", None)
            if text is not None and len(text) > limits.max_text_chars:
                raise _over(f"t[{ti}].sg[{si}].m.text", f"{len(text)} characters",
                            limits.max_text_chars, "max_text_chars")
            chars += len(text or "")
    if chars > limits.max_total_text_chars:
        raise _over("t", f"{chars} characters of text in all", limits.max_total_text_chars, "max_total_text_chars")


def check_counts(timeline, limits: Limits = DEFAULT) -> None:
    """The track and segment counts of `check_timeline` alone: what a first cut is checked for
    before its pictures are analysed (each costs ~18 ms of CPU)."""
    tl = timeline
    if len(tl.tracks) > limits.max_tracks:
        raise _over("t", f"{len(tl.tracks)} tracks", limits.max_tracks, "max_tracks")
    total = 0
    for ti, track in enumerate(tl.tracks):
        n = len(track.segments)
        if n > limits.max_track_segments:
            raise _over(f"t[{ti}].sg", f"{n} segments on one track", limits.max_track_segments,
                        "max_track_segments")
        total += n
    if total > limits.max_segments:
        raise _over("t", f"{total} segments in all", limits.max_segments, "max_segments")
