"""Honest warnings about a timeline before it is rendered: what the render will do that the user
would want to know. Pure apart from font metrics (no ffmpeg, no decoding).

* a clip shorter than its slot (its last frame is held for the rest);
* a text that had to shrink below a readable size to fit its layout slot;
* a text shorter than 1 s on screen, lengthened or merged with its neighbour;
* a text the layout had to start later, or leave out, so it would not cover another;
* a picture or clip enlarged more than `MAX_UPSCALE` times to fill its place (it looks soft);
* a shot shown whole over a blurred fill because no crop of the frame's shape holds its subject,
  or because, cropped, its subject would fill the frame under the text on it;
* a still on screen so long that it reads as a frozen frame.
"""

from __future__ import annotations

from pathlib import Path

from reelforge.render.compile import text_specs
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    Fit,
    Motion,
    Role,
    TextSegment,
    Timeline,
    TrackKind,
    VideoSegment,
)

__all__ = ["warnings", "long_stills", "short_clips", "small_texts", "layout_notes", "upscaled", "blurred_fills",
           "text_over_subjects", "text_over_shot", "text_sizes"]

MAX_UPSCALE = 2.5  # enlarged more than this, a source looks visibly soft

HOLD_TOLERANCE_MS = 100  # a held last frame shorter than this goes unnoticed
# a still longer than this looks stuck: without motion, or even with a slow zoom across it
STILL_MS, MOVING_STILL_MS = 6_000, 10_000


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


def capped_texts(timeline: Timeline, ids: set[str], *, zh: bool = False) -> list[str]:
    """The texts among ``ids`` drawn smaller than their size asks for (at most two lines in the
    safe zone's column: a long text at a large size shrinks to fit), said in a sentence each."""
    from reelforge.render.compile import TEXT_SCALE

    segs = {s.id: s for t in timeline.tracks for s in t.segments if isinstance(s, TextSegment) and s.id in ids}
    captions = {s.id for t in timeline.tracks if t.role is Role.CAPTION for s in t.segments}
    short = min(timeline.width, timeline.height)
    out = []
    capped = []
    fits = {s.segment_id: s.font_px for s, _ in text_specs(timeline, timeline.width, timeline.height, Path("."),
                                                             fitted=True)}
    for spec, _ in text_specs(timeline, timeline.width, timeline.height, Path(".")):
        seg = segs.get(spec.segment_id)
        if seg is None:
            continue
        asked = max(8, round(short * TEXT_SCALE[seg.size]))
        if spec.font_px < asked * 0.97:
            capped.append((seg, spec.font_px, asked))
    group = [c for c in capped if c[0].id in captions]
    if len(group) >= 2:  # the captions share one size: one sentence for them all
        px, asked = min(c[1] for c in group), max(c[2] for c in group)
        if any(c[1] < fits.get(c[0].id, c[1]) for c in group):  # stepped down to keep off a subject
            out.append(f"字幕画出来是{px}px，不是{asked}px：再大就会挡住画面的主体。" if zh else
                       f"The captions are drawn at {px} px, not the {asked} px their size asks for: any larger, "
                       "they would cover a picture's subject.")
        else:
            out.append(f"字幕按这个字号放不下（最长的一条最多两行、在安全区内），画出来是{px}px，不是{asked}px。" if zh else
                       f"The captions are drawn at {px} px, not the {asked} px their size asks for: that is as "
                       "large as the longest fits in two lines inside the safe zone.")
        capped = [c for c in capped if c not in group]
    for seg, px, asked in capped:
        if px < fits.get(seg.id, px):
            out.append(f"「{_clip(seg.text)}」画出来是{px}px，不是{asked}px：再大就会挡住画面的主体。" if zh else
                       f"'{_clip(seg.text)}' is drawn at {px} px, not the {asked} px its size asks for: any "
                       "larger, it would cover a picture's subject.")
            continue
        out.append(f"「{_clip(seg.text)}」按这个字号放不下（最多两行、在安全区内），画出来是{px}px，"
                   f"不是{asked}px。" if zh else
                   f"'{_clip(seg.text)}' is drawn at {px} px, not the {asked} px its size asks for: "
                   "that is as large as it fits in two lines inside the safe zone.")
    return out


def _clip(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def layout_notes(timeline: Timeline) -> list[str]:
    """Texts lengthened or merged to stay on screen at least 1 s, and texts the layout delayed or
    left out so two never cover each other."""
    from reelforge.render.layout import band_of_position, hold_texts, preferred_band

    laid = text_specs(timeline, timeline.width, timeline.height, Path("."))
    fits = {s.segment_id: s.font_px for s, _ in text_specs(timeline, timeline.width, timeline.height, Path("."),
                                                             fitted=True)}
    slots = {slot.id: slot for _, slot in laid}
    timeline, held = hold_texts(timeline)
    texts = {s.id: s for t in timeline.tracks for s in t.segments if isinstance(s, TextSegment)}
    roles = {s.id: t.role.value for t in timeline.tracks for s in t.segments}
    out = list(held)
    if any(s.font_px < fits.get(s.segment_id, 0) for s, _ in laid):  # `compile._captions_off_subjects`
        out.append("The captions are drawn smaller than their size so they keep off the subject of the pictures "
                   "they are over.")
    for slot in slots.values():
        # a place asked for (a title "at the top"; not a role's own place) the layout could not keep
        seg = texts[slot.id]
        asked = band_of_position(seg.position.value)
        if seg.position.value != "center" and asked != preferred_band(roles[slot.id]) and slot.band != asked:
            out.append(f"The text '{_clip(seg.text)}' is in the {slot.band} part of the frame, not at the "
                       f"{asked}: there it would cover the picture's subject or other text.")
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


OFF_CENTRE = 0.08  # a text whose middle is this share of the width off the column's sits to one side


def off_centre(timeline: Timeline, text_id: str) -> str | None:
    """How the text ``text_id`` sits to one side of the frame's text column, when the layout moved it
    there (to keep a subject's core clear), else None: "centre the cta" answered "it already was"
    while the call to action showed at the left of a rocket."""
    from reelforge.render.layout import safe_zone

    slot = next((slot for _, slot in text_specs(timeline, timeline.width, timeline.height, Path("."))
                 if slot.id == text_id), None)
    if slot is None:
        return None
    x0, _, x1, _ = safe_zone(timeline.width, timeline.height)
    middle, column = (slot.box[0] + slot.box[2]) / 2, (x0 + x1) / 2
    if abs(middle - column) <= OFF_CENTRE * timeline.width:
        return None
    text = next((s.text for t in timeline.tracks for s in t.segments if s.id == text_id), "")
    return (f"The text '{_clip(text)}' is set to the centre, but shows to the {'left' if middle < column else 'right'}: "
            "in the middle it would cover the picture's subject.")


def _main_shots(timeline: Timeline):
    for track in timeline.tracks:
        if track.kind is not TrackKind.VIDEO or track.role.value != "main":
            continue
        for seg in track.segments:
            if not isinstance(seg, VideoSegment):
                continue
            try:
                asset = timeline.asset(seg.src)
            except KeyError:
                continue
            if asset.width and asset.height and asset.kind is not AssetKind.AUDIO:
                yield seg, asset


def upscale_factor(seg: VideoSegment, src_w: int, src_h: int, width: int, height: int) -> float:
    """How many times the source is enlarged at the shot's tightest view (pure geometry)."""
    from reelforge.render import framing

    if seg.fit is Fit.COVER:
        path = framing.shot_plan(seg, src_w, src_h, width, height)
        return width / min(path.start.w, path.end.w)
    # contained or over a blurred fill: the picture's largest size is the frame's (its motion moves
    # around it, never enlarges it past that: `reelforge.render.stills.shown_by_every_view`)
    return min(width / src_w, height / src_h)


def upscaled(timeline: Timeline) -> list[str]:
    """Sources enlarged more than `MAX_UPSCALE` times, named with their size and the factor: one
    note each, or one for all when three or more are (eight phone photos made eight notes alike)."""
    found: dict[str, tuple[Asset, float]] = {}
    for seg, asset in _main_shots(timeline):
        k = upscale_factor(seg, asset.width, asset.height, timeline.width, timeline.height)
        if k > MAX_UPSCALE and asset.id not in found:
            found[asset.id] = (asset, k)
    frame = f"{timeline.width}x{timeline.height}"
    if len(found) >= 3:
        ks = sorted(round(k, 1) for _, k in found.values())
        each = ", ".join(f"'{a.name}' ({a.width}x{a.height}, {k:.1f}x)" for a, k in found.values())
        return [f"{len(found)} pictures are enlarged {ks[0]:.1f}-{ks[-1]:.1f}x to fill the {frame} frame, so they "
                f"will look soft: {each}; larger originals would be sharp."]
    return [f"'{a.name}' ({a.width}x{a.height}) is enlarged {k:.1f}x to fill the {frame} frame, so it will look "
            "soft: a larger original would be sharp." for a, k in found.values()]


def text_sizes(timeline: Timeline) -> dict[str, tuple[int, int]]:
    """Each text's drawn size (segment id -> w, h px) at the font size its words fit, as laid out
    before captions step down to keep off a subject (`text_specs`' ``fitted``)."""
    from reelforge.render.text import block_size

    return {s.segment_id: block_size(s, s.font_px)
            for s, _ in text_specs(timeline, timeline.width, timeline.height, Path("."), fitted=True)}


MIN_COVER_MS = 400  # how long a text must be on screen with a picture to count as covering it


def text_over_subjects(timeline: Timeline, sizes: dict[str, tuple[int, int]] | None = None) -> dict[str, float]:
    """The most of each main-track picture's subject core (by segment id) that the texts laid out
    over it cover at once, as the layout places them at the sizes their words fit (`text_sizes`:
    the framing decides with the captions at that size, before they step down to keep off a
    subject): 0 where no text is on screen with it. ``sizes`` (`text_sizes`, of this timeline or
    one that differs only in its pictures' framing) skips drawing the texts again: the layout alone."""
    from reelforge.render.layout import (
        covered_share,
        hold_texts,
        on_screen,
        subject_boxes,
        timeline_layout,
    )

    w, h = timeline.width, timeline.height
    if sizes is None:
        slots = [slot for _, slot in text_specs(timeline, w, h, Path("."), fitted=True)]
    else:
        held, _ = hold_texts(timeline)
        slots = list(timeline_layout(held, w, h, sizes).slots.values())
    main = timeline.track(Role.MAIN)
    shots = main.segments if main is not None else ()
    by_id = {a.id: a for a in timeline.assets}
    out: dict[str, float] = {}
    for k, seg in enumerate(shots):
        asset = by_id.get(getattr(seg, "src", None))
        if getattr(seg, "subject", None) is None or asset is None or asset.kind is not AssetKind.IMAGE \
                or not asset.width:
            continue
        t0, t1 = on_screen(shots, k)  # as the layout sees it
        # a text that only comes in as the shot goes (its fade-in over the crossfade: 130 ms of "关注我们" over
        # the rocket) does not cover it: bigger, it had the rocket shown whole on a blur (marketer pass, s42)
        on = [sl for sl in slots if min(sl.end, t1) - max(sl.start, t0) >= MIN_COVER_MS]
        boxes = subject_boxes(seg, asset.width, asset.height, w, h) if on else []
        out[seg.id] = max((sum(covered_share(sl.box, box) for sl in on) for box in boxes), default=0.0)
    return out


def text_over_shot(timeline: Timeline, sizes: dict[str, tuple[int, int]], shot_id: str,
                   fits: dict[str, Fit]) -> float:
    """`text_over_subjects` of one shot with the pictures' fits changed as ``fits`` says, worked
    out from only what is on screen with it and its texts (the pictures and texts overlapping them): trying a
    framing on a long timeline costs that shot's texts, not the timeline's."""
    shot = next(s for s, _ in _main_shots(timeline) if s.id == shot_id)
    # and what is on screen with those texts: a caption running on past the shot is placed
    # around the call to action that comes in as it ends (left out, the trial put it elsewhere,
    # found the subject clear, and the framing flipped between crop and fill on every edit)
    texts = [x for tr in timeline.tracks if tr.kind is TrackKind.TEXT for x in tr.segments
             if x.start < shot.end and shot.start < x.end]
    lo, hi = min([shot.start, *(x.start for x in texts)]), max([shot.end, *(x.end for x in texts)])

    def near(x) -> bool:
        return x.start < hi and lo < x.end

    tracks = tuple(tr.model_copy(update={"segments": tuple(
        x.model_copy(update={"fit": fits[x.id]}) if x.id in fits else x for x in tr.segments if near(x))})
        for tr in timeline.tracks)
    used = {x.src for tr in tracks for x in tr.segments if isinstance(x, VideoSegment)}
    local = timeline.model_copy(update={"tracks": tracks, "assets": tuple(a for a in timeline.assets if a.id in used)})
    return text_over_subjects(local, sizes).get(shot_id, 0.0)


def crop_stretches(src_w: int, src_h: int, w: int, h: int) -> bool:
    """Whether filling a w x h frame with this picture would enlarge it past `MAX_UPSCALE`
    while showing it whole needs under a third of that: a 218x872 strip in 16:9 was cropped to
    a sliver and enlarged 8.8x (blocky) where the whole of it needs 1.24x. The framing shows
    such a picture whole over a blurred fill."""
    cover, whole = max(w / src_w, h / src_h), min(w / src_w, h / src_h)
    return cover > MAX_UPSCALE and cover >= 3 * whole


def blurred_fills(timeline: Timeline) -> list[str]:
    """Shots the framing put over a blurred fill, with the measured widths that decided it."""
    from reelforge.render import framing

    out = []
    w, h = timeline.width, timeline.height
    aspect = w / h
    for seg, asset in _main_shots(timeline):
        if seg.fit is not Fit.BLUR or seg.fit_locked:  # the user's blur: no reason to give
            continue
        if asset.width and asset.height and crop_stretches(asset.width, asset.height, w, h):
            cw, ch = framing.largest(asset.width, asset.height, aspect)
            kept = cw / asset.width if cw < asset.width else ch / asset.height
            out.append(f"'{seg.name or asset.name}' ({asset.width}x{asset.height}) is shown whole over a blurred "
                       f"fill: filling the {w}x{h} frame would keep {kept:.0%} of it, enlarged "
                       f"{max(w / asset.width, h / asset.height):.1f}x.")
            continue
        if seg.subject is None:
            continue
        box = framing.subject_rect(asset.width, asset.height, seg.subject)
        cw, ch = framing.largest(asset.width, asset.height, aspect)
        if box is None:
            continue
        if framing.holds(asset.width, asset.height, aspect, box):  # a crop holds it: made room for text
            out.append(f"'{seg.name or asset.name}' is shown whole over a blurred fill: cropped, its subject "
                       "would fill the frame under the text on it.")
            continue
        if box.w > cw:
            why = f"its subject spans {box.w / asset.width:.0%} of its width, a crop can keep {cw / asset.width:.0%}"
        else:
            why = f"its subject spans {box.h / asset.height:.0%} of its height, a crop can keep {ch / asset.height:.0%}"
        out.append(f"'{seg.name or asset.name}' is shown whole over a blurred fill: {why}.")
    return out


def long_stills(timeline: Timeline) -> list[str]:
    """Pictures held so long they read as a frozen frame (three photos for a 60 s video, or one
    photo beside two short clips: 15 s of one still picture, without a word)."""
    out = []
    for seg, asset in _main_shots(timeline):
        still = seg.motion is Motion.NONE
        if asset.kind is AssetKind.IMAGE and seg.duration > (STILL_MS if still else MOVING_STILL_MS):
            out.append(f"'{seg.name or asset.name}' stays on screen {_fmt(seg.duration)}"
                       f"{' without motion' if still else ''}: it may look frozen; more pictures or a "
                       "shorter video would keep it moving.")
    return out


def warnings(timeline: Timeline) -> list[str]:
    """Every warning above, in order: clips, long stills, text size, layout, enlarged sources, blurred fills."""
    return [*short_clips(timeline), *long_stills(timeline), *small_texts(timeline), *layout_notes(timeline),
            *upscaled(timeline), *blurred_fills(timeline)]

