"""Honest warnings about a timeline before it is rendered: what the render will do that the user
would want to know. Pure apart from font metrics (no ffmpeg, no decoding).

* a clip shorter than its slot (its last frame is held for the rest);
* a text that had to shrink below a readable size to fit its layout slot;
* a text the layout had to start later, or leave out, so it would not cover another.
"""

from __future__ import annotations

from pathlib import Path

from reelforge.render.compile import text_specs
from reelforge.timeline.model import AssetKind, TextSegment, Timeline, TrackKind, VideoSegment

__all__ = ["warnings", "short_clips", "small_texts", "layout_notes"]

HOLD_TOLERANCE_MS = 100  # a held last frame shorter than this goes unnoticed


def _fmt(ms: float) -> str:
    return f"{ms / 1000:.1f}".rstrip("0").rstrip(".") + " s"


def short_clips(timeline: Timeline) -> list[str]:
    """Clips whose source runs out before their slot ends."""
    out = []
    for track in timeline.tracks:
        if track.kind is not TrackKind.VIDEO:
            continue
        for seg in track.segments:
            if not isinstance(seg, VideoSegment):
                continue
            try:
                asset = timeline.asset(seg.src)
            except KeyError:
                continue
            if asset.kind is not AssetKind.VIDEO or not asset.duration_ms:
                continue
            have = (asset.duration_ms - seg.in_ms) / seg.speed
            missing = seg.duration - have
            if missing > HOLD_TOLERANCE_MS:
                out.append(f"The clip '{seg.name or asset.name}' is {_fmt(missing)} shorter than its slot "
                           f"({_fmt(max(0.0, have))} of {_fmt(seg.duration)}): its last frame holds for the rest. "
                           "Shorten its slot or slow it down to avoid the freeze.")
    return out


def small_texts(timeline: Timeline) -> list[str]:
    """Texts drawn below the readable size to fit their slot, named with the size they got."""
    out = []
    short = min(timeline.width, timeline.height)
    for spec, _ in text_specs(timeline, timeline.width, timeline.height, Path(".")):
        if spec.min_font_px and spec.font_px < spec.min_font_px:
            share = spec.font_px / short
            out.append(f"The text '{_clip(spec.text)}' had to shrink to {spec.font_px} px "
                       f"({share:.1%} of the frame) to fit in two lines, below the readable "
                       f"{spec.min_font_px} px: shorten it.")
    return out


def _clip(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def layout_notes(timeline: Timeline) -> list[str]:
    """Texts the layout delayed or left out so two never cover each other."""
    slots = {slot.id: slot for _, slot in text_specs(timeline, timeline.width, timeline.height, Path("."))}
    texts = {s.id: s for t in timeline.tracks for s in t.segments if isinstance(s, TextSegment)}
    out = []
    for sid, seg in texts.items():
        if sid not in slots:
            out.append(f"The text '{_clip(seg.text)}' is left out: every place for it is taken by other "
                       "text while it would be on screen.")
    for slot in slots.values():
        seg = texts[slot.id]
        if slot.start != seg.start:
            out.append(f"The text '{_clip(seg.text)}' starts at {_fmt(slot.start)} instead of "
                       f"{_fmt(seg.start)} so it does not cover other text.")
    return out


def warnings(timeline: Timeline) -> list[str]:
    """Every warning above, in order: clips, text size, layout."""
    return [*short_clips(timeline), *small_texts(timeline), *layout_notes(timeline)]

