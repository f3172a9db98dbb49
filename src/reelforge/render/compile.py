"""Timeline -> one ffmpeg command, as data. Pure: no I/O, no font metrics, no probing.

The entry points build one filter graph each and the ffmpeg arguments around it: a whole
render (`compile_render`), the picture of a range of frames (`compile_chunk`), the programme
mix (`compile_mix`), the audio alone (`compile_audio`) and the loudness measure pass
(`compile_loudness_probe`). This module assembles the picture, on three modules below it
(none imports this one): `reelforge.render.graph` (the graph builder, which checks that every
stream label is produced and consumed once; the compile's context: output size, frame rate, a
chunk's window; the text of option values), `reelforge.render.stills` and
`reelforge.render.audio_graph`.

The graph, per kind of source:

* **Stills** are decoded, cropped and scaled once and moved along their planned view path by
  whole-pixel crops of an oversampled copy; the fit of any picture (cover, contain, blur), its
  focus and the memory budget of the moving stills are there too: `reelforge.render.stills`.
* **Clips** are input-seeked (``-ss``/``-t`` before ``-i``; ffmpeg autorotates by the display
  matrix), retimed with ``setpts`` for speed, resampled with ``fps``, fitted (`stills.fit_stream`,
  centred on the segment's focus point), and padded by cloning the last frame if the source
  runs out.
* The **main track** is a list of parts joined by one ``concat``: segment bodies, gaps (a
  ``color`` source of the background) and transitions of only the overlapping frames (tail of
  one segment, head of the next), placed at the segment's start: a crossfade is the head
  fading in (alpha) over the tail, the others an ``xfade``.
* **Overlay/logo tracks** are scaled to ``scale`` x frame width, made ``opacity``
  transparent and overlaid at their position within the safe margins.
* **Text** is drawn by `reelforge.render.text` into PNGs cropped to the text (compile only
  describes them: `TextOverlay`); each is looped for its duration, faded in/out on the alpha
  plane, and overlaid with ``enable`` at a position computed from the PNG's own size.
  Where each text goes is `reelforge.render.layout`'s job (one column in the platform safe
  zone, a band per text, off the subject, never two at once in one band); every text is drawn
  to fit its slot in at most two balanced lines. Text on a **caption** track is styled for
  social video: white on a dark box (or a heavy outline), one size for the whole track; fades
  shrink so short cues are readable (`text_fades`).
* **Audio**: every segment trimmed, gained, faded and delayed to its start, ducked music, the
  mix and its loudness: `reelforge.render.audio_graph` (see also `compile_loudness_probe`).

All times are integer frames at the output rate; seconds appear only as argument text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reelforge.errors import InvalidTimeline
from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.render.audio_graph import (
    SAMPLE_RATE,
    LoudnessMeasure,
    audio_mix,
    finish_audio,
    gain_chain,
    programme_mix,
)
from reelforge.render.graph import Ctx, Graph, clip_input, escape_value, even_px, num, quoted, secs
from reelforge.render.layout import Layout, Slot, band_box, safe_zone, timeline_layout
from reelforge.render.stills import (
    chunk_caps,
    fit_stream,
    focus_of,
    moving_stills,
    oversample_caps,
    still,
)
from reelforge.timeline.model import (
    AssetKind,
    Grade,
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
)
from reelforge.timeline.styles import entrance_ms, get_style

XFADE = {
    Transition.CROSSFADE: "fade",
    Transition.FADE_BLACK: "fadeblack",
    Transition.SLIDE_LEFT: "slideleft",
    Transition.SLIDE_RIGHT: "slideright",
    Transition.WIPE_LEFT: "wipeleft",
    Transition.WIPE_RIGHT: "wiperight",
}

# text size as a share of the frame's short side
TEXT_SCALE = {TextSize.SMALL: 0.04, TextSize.MEDIUM: 0.055, TextSize.LARGE: 0.075, TextSize.XLARGE: 0.10}


@dataclass(frozen=True)
class Quality:
    preset: str
    crf: int
    max_short_side: int | None  # None: the timeline's own frame size


QUALITIES: dict[str, Quality] = {
    # preview: small frame, fastest preset
    "draft": Quality("ultrafast", 28, 360),
    # veryfast/21: within the bench target (<= 1.5x a plain encode) and visually clean
    "standard": Quality("veryfast", 21, None),
    "high": Quality("medium", 18, None),
}


@dataclass(frozen=True)
class TextOverlay:
    """A text PNG to draw before running ffmpeg (see `reelforge.render.text.draw_overlay`)."""

    segment_id: str
    path: Path
    text: str
    frame_width: int
    frame_height: int
    font_px: int
    max_width: int
    color: str
    bold: bool | int  # True/False, or a style's weight (100..900)
    background: TextBackground
    align: str  # left | center | right
    position: Position
    # social captions (text on a caption track): at most ``max_lines`` lines, shrinking the font
    # no further than ``min_font_px``; cues of one ``group`` share one font size; a heavy
    # ``outline_px`` dark outline instead of the soft shadow; ``box_alpha`` for a dark box
    max_lines: int = 0
    min_font_px: int = 0
    max_height: int = 0  # the layout slot's height (0 = no limit)
    group: str = ""
    outline_px: int = 0
    box_alpha: int = 150
    box_color: str = ""  # #RRGGBB[AA] of the box (the text's own, else a caption style's); "" = black at box_alpha
    # a soft backdrop behind a shadowed text over a picture as light as it (0 = none; its
    # colour is the opposite of the text's): `reelforge.render.legibility`
    scrim: int = 0


@dataclass(frozen=True)
class RenderCommand:
    """Everything the runner needs: argv, the graph text and its script path, overlays to draw."""

    argv: list[str]
    filter_graph: str
    filter_script: Path
    overlays: tuple[TextOverlay, ...]
    total_frames: int
    duration_ms: int
    width: int
    height: int
    fps: int
    output: Path
    media: tuple[Path, ...] = field(default=())  # source files the command reads
    # every text spec of the timeline when ``overlays`` are only some (a chunk): caption
    # font sizes are fitted over the whole track
    text_context: tuple[TextOverlay, ...] = field(default=())
    # a chunk encoded with a pre-roll: the encoded frames ``[a, b)`` that are the chunk
    # (`reelforge.render.trim.keep_frames` drops the others); None: the file holds just the
    # chunk (a post-roll alone is dropped while it is written, `compile_chunk`)
    keep: tuple[int, int] | None = None
    # a chunk: its inputs and graph with the picture mapped, no encoder or output (a streamed
    # run of chunks, `reelforge.render.stream`, writes the raw pictures instead)
    graph_argv: tuple[str, ...] = ()

    @property
    def duration_s(self) -> float:
        return self.duration_ms / 1000


def output_size(timeline: Timeline, quality: str) -> tuple[int, int]:
    q = _quality(quality)
    w, h = timeline.width, timeline.height
    if q.max_short_side and min(w, h) > q.max_short_side:
        k = q.max_short_side / min(w, h)
        w, h = even_px(w * k), even_px(h * k)
    return w, h


def _quality(quality: str) -> Quality:
    try:
        return QUALITIES[quality]
    except KeyError:
        raise InvalidTimeline(f"unknown quality {quality!r}; use one of {', '.join(QUALITIES)}") from None


def _place(position: Position, width: int, height: int) -> tuple[str, str]:
    """Overlay x/y expressions for an overlay of size w x h (ffmpeg's own variables), inside the
    layout's safe zone (`reelforge.render.layout.safe_zone`), like `layout.overlay_box`."""
    x0, y0, x1, y1 = (round(v) for v in safe_zone(width, height))
    name = position.value
    x = f"{x0}" if name.endswith("left") else f"{x1}-w" if name.endswith("right") else f"{x0}+({x1 - x0}-w)/2"
    y = f"{y0}" if name.startswith("top") else f"{y1}-h" if name.startswith("bottom") else f"{y0}+({y1 - y0}-h)/2"
    return x, y


# -- video -------------------------------------------------------------------------------

# An anamorphic clip (pixels wider or narrower than square: DV, some phones' slow motion, a 960x720
# file shown as 1280x720) brought to square pixels before it is fitted: `scale` fits sizes in
# pixels and `setsar=1` would otherwise show it squeezed. A clip of square pixels passes through
# untouched (same size: no scaling, bit-identical frames).
SQUARE_PIXELS = ("scale=w='if(eq(sar,1),iw,2*trunc(iw*sar/2))':h=ih", "setsar=1")


def _clip(c: Ctx, seg: VideoSegment, n: int, w: int, h: int, *, scale_only: bool = False,
          extra: list[str] | None = None, parts: list[tuple[int, int]] | None = None) -> list[str]:
    """A clip as one stream per part ``(first, end)``, each starting at timestamp 0."""
    idx = clip_input(c, seg)
    pre = [f"setpts=(PTS-STARTPTS)/{num(seg.speed)}", f"fps={c.fps}", *SQUARE_PIXELS]
    pad = [f"tpad=stop_mode=clone:stop_duration={secs(seg.duration + 1000)}", f"trim=end_frame={n}"]
    if scale_only:
        whole = c.g.one([f"{idx}:v"], [*pre, f"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2",
                                       "setsar=1", *(extra or []), "format=yuva420p", *pad], "clip")
    else:
        fitted = fit_stream(c, f"{idx}:v", seg.fit, w, h, pre, focus_of(seg))
        whole = c.g.one([fitted], ["format=yuv420p", *pad], "clip")
    if not parts or parts == [(0, n)]:
        return [whole]
    outs = c.g.chain([whole], [f"split={len(parts)}"], "csp", outs=len(parts))
    return [c.g.one([o], [f"trim=start_frame={a}:end_frame={b}", "setpts=PTS-STARTPTS"], "cpart")
            for o, (a, b) in zip(outs, parts, strict=True)]


def _gap(c: Ctx, frames: int) -> str:
    """A stretch of background colour, as a graph source."""
    src = (f"color=c={c.bg()}:s={c.width}x{c.height}:r={c.fps}:d={num(frames / c.fps + 1)},"
           f"format=yuv420p,setsar=1,trim=end_frame={frames}")
    return c.g.source(src, "gap")


def _concat(c: Ctx, labels: list[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    return c.g.one(labels, [f"concat=n={len(labels)}:v=1:a=0"], "cat")


def _transition(c: Ctx, kind: Transition, tail: str, head: str, frames: int) -> str:
    """The ``frames`` frames of a transition from ``tail`` (the end of one segment) to ``head``.

    A crossfade is the head fading in (alpha) over the tail: 4:2:0 throughout. ``xfade`` has
    no 4:2:0 formats, so it converts both inputs to 4:4:4 and back (measured on 1080p frames:
    ~9.6 ms a frame for xfade, ~2.4 ms for the overlay). Same ramp: frame k shows k/frames of
    the head. The other transitions need xfade.
    """
    d = num(frames / c.fps)
    if kind is Transition.CROSSFADE:
        head = c.g.one([head], ["format=yuva420p", f"fade=t=in:st=0:d={d}:alpha=1"], "xin")
        return c.g.one([tail, head], ["overlay=format=yuv420:eof_action=pass", "format=yuv420p"], "xf")
    # back to limited-range 4:2:0 at once: ffmpeg negotiates full range for xfade's output, and
    # the concat after it then converted the whole range to full when the range started in it
    # (a chunk or its pre-roll starting inside a slide: 29 dB off the whole render)
    return c.g.one([tail, head], [f"xfade=transition={XFADE[kind]}:duration={d}:offset=0",
                                  "format=pix_fmts=yuv420p:color_ranges=tv"], "xf")


def _main_video(c: Ctx, track: Track | None) -> str:
    """The main track as a list of parts joined by ONE concat.

    Each segment is cut into head (the transition in), body and tail (the transition out);
    ``xfade`` only ever sees the overlapping frames of a tail and the next head, and the
    concat order puts each transition at its segment's start. Chaining xfade over whole
    segments instead sends every frame through every later xfade, and xfade has no 4:2:0
    formats, so each pass is a 4:2:0 -> 4:4:4 conversion (measured ~1.5 ms a 1080p frame;
    5 stills and 4 crossfades spent 2.7 s of CPU there against 0.8 s for this layout).
    """
    segs = [s for s in (track.segments if track else ()) if isinstance(s, VideoSegment)]
    spans = []
    for seg in segs:
        fs, fe = c.frames(seg)
        if c.tl.asset(seg.src).kind is AssetKind.AUDIO:
            raise InvalidTimeline(f"segment {seg.id}: {c.tl.asset(seg.src).name} is audio, not a picture")
        spans.append((fs, fe))
    # frames each segment shares with the one before it
    heads = [0] * len(segs)
    for i in range(1, len(segs)):
        if segs[i].transition is not Transition.CUT:
            heads[i] = max(0, spans[i - 1][1] - spans[i][0])
            if spans[i][0] < spans[i - 1][0]:
                raise InvalidTimeline(f"segment {segs[i].id}: transition longer than the previous segment")
    parts: list[str] = []
    cursor = 0  # timeline frame where the previous segment ended
    pos = 0  # output frames placed so far (the window is in output frames)
    pending_tail: str | None = None
    for i, seg in enumerate(segs):
        fs, fe = spans[i]
        n = fe - fs
        head = heads[i]
        tail = heads[i + 1] if i + 1 < len(segs) else 0
        if head + tail > n:
            raise InvalidTimeline(f"segment {seg.id}: its transitions overlap each other")
        gap = fs - cursor if not head and fs > cursor else 0
        t0 = pos + gap  # output frame of the segment's first frame
        b0, b1 = t0 + head, t0 + n - tail  # its body
        # the frames of the segment this graph needs (a window may want only some of them);
        # a transition is made whole and then cut, so its ramp is the whole render's ramp
        want: dict[str, tuple[int, int]] = {}
        if head and c.clip(t0, t0 + head):
            want["head"] = (0, head)
        body_win = c.clip(b0, b1) if b1 > b0 else None
        if body_win:
            want["body"] = (body_win[0] - t0, body_win[1] - t0)
        if tail and c.clip(b1, b1 + tail):
            want["tail"] = (n - tail, n)
        kind = c.tl.asset(seg.src).kind
        ranges = list(want.values())
        streams = ([] if not ranges else still(c, seg, n, c.width, c.height, parts=ranges)
                   if kind is AssetKind.IMAGE else _clip(c, seg, n, c.width, c.height, parts=ranges))
        got = dict(zip(want, streams, strict=True))
        if gap and (w := c.clip(pos, pos + gap)):
            parts.append(_gap(c, w[1] - w[0]))
        if "head" in got:
            assert pending_tail is not None
            xf = _transition(c, seg.transition, pending_tail, got["head"], head)
            parts.append(c.cut(xf, t0, t0 + head))
        pending_tail = None
        body = got.get("body")
        if body is not None:
            if i == 0 and seg.transition is not Transition.CUT and seg.transition_ms:
                # nothing to transition from: fade in from the background (a window starting
                # inside the body shifts the fade's clock by the frames it skips)
                d = min(c.frame(seg.transition_ms), n - tail) / c.fps
                skip = want["body"][0] - head
                shift = [f"setpts=PTS+{skip}/({c.fps}*TB)"] if skip else []
                body = c.g.one([body], [*shift, f"fade=t=in:st=0:d={num(d)}:color={c.bg()}",
                                        *(["setpts=PTS-STARTPTS"] if skip else [])], "fin")
            parts.append(body)
        pending_tail = got.get("tail")
        pos = b1
        cursor = fe
    if cursor < c.total_frames and (w := c.clip(pos, pos + c.total_frames - cursor)):
        parts.append(_gap(c, w[1] - w[0]))
    # exact frame timestamps: concat counts in microseconds and its rounding drifts, which
    # made overlays (text fades) pair with a neighbouring frame at a few places
    return c.g.one([_concat(c, parts)], [f"trim=end_frame={c.hi - c.lo}", f"settb=1/{c.fps}", "setpts=N"],
                   "main")


def _overlay(x: str, y: str, fs: int, fe: int, fps: int) -> str:
    """overlay limited to frames [fs, fe) by ``enable`` (outside it the frame passes through;
    measured: ~0.25 ms a 1080p frame, so slicing the stream around it is not worth it)."""
    enable = f"between(t,{num(fs / fps)},{num((fe - 0.5) / fps)})"
    return f"overlay=x={quoted(x)}:y={quoted(y)}:eof_action=pass:enable={quoted(enable)}"


def _overlay_track(c: Ctx, base: str, track: Track) -> str:
    for seg in track.segments:
        if not isinstance(seg, VideoSegment):
            continue
        fs, fe = c.frames(seg)
        n = fe - fs
        win = c.clip(fs, fe)
        if win is None:
            continue
        part = [(win[0] - fs, win[1] - fs)]
        asset = c.tl.asset(seg.src)
        w = even_px(c.width * seg.scale)
        h = c.height  # width is the share of the frame; height only capped by the frame
        fade = [f"format=rgba,colorchannelmixer=aa={num(seg.opacity)}"] if seg.opacity < 1 else []
        if asset.kind is AssetKind.IMAGE:
            ov = still(c, seg, n, w, h, motion=False, alpha=True, extra=fade, parts=part)[0]
        else:
            ov = _clip(c, seg, n, w, h, scale_only=True, extra=fade, parts=part)[0]
        ov = c.g.one([ov], [f"setpts=PTS+{win[0] - c.lo}/({c.fps}*TB)"], "ovt")
        x, y = _place(seg.position, c.width, c.height)
        base = c.g.one([base, ov], [_overlay(x, y, fs - c.lo, fe - c.lo, c.fps)], "ov")
    return base


# text fades
CAPTION_FADE_MAX_MS = 150  # a caption fades in/out quickly ...
CAPTION_FADE_SHARE = 0.10  # ... and each fade takes at most 10 % of the cue
TEXT_FADE_SHARE = 0.40  # any text: fades together take at most 40 % of its time


def text_fades(fade_in_ms: int, fade_out_ms: int, span_ms: float, *, caption: bool = False) -> tuple[float, float]:
    """Fade in/out durations (seconds) that leave the text fully readable for most of its time:
    together at most 40 % of it (captions: each at most 10 % and 150 ms)."""
    fi, fo = float(fade_in_ms), float(fade_out_ms)
    if caption:
        cap = min(CAPTION_FADE_MAX_MS, CAPTION_FADE_SHARE * span_ms)
        fi, fo = min(fi, cap), min(fo, cap)
    budget = TEXT_FADE_SHARE * span_ms
    if fi + fo > budget:
        k = budget / (fi + fo)
        fi, fo = fi * k, fo * k
    return fi / 1000, fo / 1000


READABLE_SHARE = 0.035  # text smaller than 3.5 % of the frame's short side is hard to read on a phone
TEXT_LINES = 2


# the last timeline's text layout: every chunk of an export compiles the same timeline, and
# laying its texts out (fitting, candidate places against subjects) is most of a compile
_Placed = list[tuple[TextOverlay, Slot]]
_LAST_SPECS: list[tuple[Timeline, int, int, _Placed, _Placed]] = []


def text_specs(timeline: Timeline, width: int, height: int, workdir: Path, *,
               fitted: bool = False) -> list[tuple[TextOverlay, Slot]]:
    """Every text of ``timeline`` the layout keeps, as (overlay, slot), in drawing order, after
    `layout.hold_texts` (a merged text keeps its first part's id). Each text is first fitted to
    the largest slot a band offers (at most two lines, shrinking the font; one size per caption
    track), then laid out with its drawn size (`reelforge.render.layout`); a caption track that
    covers a subject at that size steps down (`_captions_off_subjects`). ``fitted``: the layout
    before that step, at the sizes the words fit -- what the framing's trials hold fixed
    (`AIStage.text_room_ops`), so a trial and the whole layout agree whatever the framing."""
    last = _LAST_SPECS[-1] if _LAST_SPECS else None
    if last is None or last[0] is not timeline or last[1:3] != (width, height):
        last = (timeline, width, height, *_text_specs(timeline, width, height))
        _LAST_SPECS[:] = [last]  # the timeline is frozen: the same object lays out the same
    return [(dataclasses.replace(s, path=workdir / s.path.name), slot) for s, slot in last[4 if fitted else 3]]


def _text_specs(timeline: Timeline, width: int, height: int) -> tuple[_Placed, _Placed]:
    from reelforge.render.layout import hold_texts
    from reelforge.render.legibility import scrims
    from reelforge.render.text import block_size, drawable, fitted_specs

    timeline, _ = hold_texts(timeline)  # every text at least 1 s on screen (merged or lengthened)
    look = get_style(timeline.style)
    short = min(width, height)
    col = band_box("middle", width, height)
    raw: list[TextOverlay] = []
    for track in timeline.tracks:
        if track.kind is not TrackKind.TEXT:
            continue
        caption = track.role is Role.CAPTION
        if caption and not timeline.burn_captions:
            continue  # captions delivered as SRT/WebVTT files only
        for seg in track.segments:
            if not isinstance(seg, TextSegment):
                continue
            font_px = max(8, round(short * TEXT_SCALE[seg.size]))
            box = seg.background is TextBackground.BOX
            shout = look.uppercase and track.role in (Role.TITLE, Role.CTA)
            raw.append(TextOverlay(
                segment_id=seg.id, path=Path(f"text_{len(raw):02d}.png"),
                text=drawable(seg.text.upper() if shout else seg.text),
                frame_width=width, frame_height=height, font_px=font_px, max_width=int(col[2] - col[0]),
                color=seg.color, bold=max(look.weight, seg.weight or 0) if seg.bold else min(look.weight, 400),
                background=seg.background,
                align="center", position=seg.position, max_lines=TEXT_LINES,
                min_font_px=min(font_px, max(8, round(short * READABLE_SHARE))), max_height=int(col[3] - col[1]),
                group=f"captions:{track.id}" if caption else "",
                outline_px=max(2, round(font_px / 9)) if caption and not box else 0,
                box_alpha=190 if caption else 150,
                box_color=(seg.box_color or (look.box_color if caption else "")) if box else "",
            ))

    def lay_out(specs: list[TextOverlay]):
        return timeline_layout(timeline, width, height, {s.segment_id: block_size(s, s.font_px) for s in specs})

    fitted = fitted_specs(raw)
    first = lay_out(fitted)
    specs, lay = _captions_off_subjects(fitted, first, lay_out)
    placed = [(s, lay.slots[s.segment_id]) for s in specs if s.segment_id in lay.slots]
    backdrops = scrims(timeline, width, height, [(s.segment_id, s.color, s.background, slot.box, slot.start, slot.end) for s, slot in placed])
    placed = [(dataclasses.replace(s, scrim=backdrops.get(s.segment_id, 0)), slot) for s, slot in placed]
    return placed, [(s, first.slots[s.segment_id]) for s in fitted if s.segment_id in first.slots]


CAPTION_STEPS = (0.9, 0.8, 0.7)  # a caption track steps down to these shares of its size to keep off a subject


def _captions_off_subjects(specs: list[TextOverlay], lay: Layout, lay_out) -> tuple[list[TextOverlay], Layout]:
    """Smaller captions where, at their size, some caption covers more than the layout's limit
    of a subject's core or whole box wherever it goes (a cat's face filling a 1:1 frame leaves no
    room below it for two lines, and its detected core -- the eyes -- is not all a viewer looks
    at). The track steps down a `CAPTION_STEPS` size at a time, never below its readable size, to
    the first size at which every caption keeps off, else to the one covering least; never to
    one covering more of a core than its size did. Every caption of the track takes that size,
    so captions do not change size from cue to cue."""
    from reelforge.render.layout import MAX_SUBJECT_SHARE
    from reelforge.render.text import fitted_specs

    def shares(lay, group: str) -> tuple[float, float]:  # (of a core, of a core or a whole box)
        slots = [lay.slots[s.segment_id] for s in specs if s.group == group and s.segment_id in lay.slots]
        core = max((sl.subject_share for sl in slots), default=0.0)
        return core, max([core, *(sl.extent_share for sl in slots)])

    for group in sorted({s.group for s in specs if s.group}):
        core, least = shares(lay, group)
        if least <= MAX_SUBJECT_SHARE:
            continue
        best = specs, lay
        for step in CAPTION_STEPS:
            tried = fitted_specs([dataclasses.replace(s, font_px=max(s.min_font_px, round(s.font_px * step)))
                                  if s.group == group and s.font_px > s.min_font_px else s for s in specs])
            got = lay_out(tried)
            c, worst = shares(got, group)
            if worst < least and c <= max(core, MAX_SUBJECT_SHARE):
                least, best = worst, (tried, got)
            if least <= MAX_SUBJECT_SHARE:
                break
        specs, lay = best
    return specs, lay


def _text_overlays(c: Ctx, base: str, workdir: Path) -> tuple[str, list[TextOverlay]]:
    look = get_style(c.tl.style)
    specs: list[TextOverlay] = []
    for spec, slot in text_specs(c.tl, c.width, c.height, workdir):
        fs, fe = c.frame(slot.start), c.frame(slot.end)
        if fe - fs <= 0:
            raise InvalidTimeline(f"text {spec.segment_id} is shorter than one frame at {c.fps} fps")
        # about the centre of its slot (the column's centre unless a subject pushed it aside),
        # so a scale-in grows in place
        x = f"{num((slot.box[0] + slot.box[2]) / 2)}-w/2"
        y = f"{num((slot.box[1] + slot.box[3]) / 2)}-h/2"
        specs.append(spec)  # every spec, even outside a window: caption sizes are per track
        win = c.clip(fs, fe)
        if win is None:
            continue
        seg = next(s for t in c.tl.tracks for s in t.segments if s.id == spec.segment_id)
        caption = bool(spec.group)
        idx = c.g.input(f"text:{seg.id}", ["-framerate", str(c.fps)], spec.path, media=False)
        start, end = fs / c.fps, fe / c.fps
        entrance = seg.entrance or look.entrance  # the text's own ("make the title slide in"), else the look's
        fade_in = max(seg.fade_in_ms, entrance_ms(look, entrance)) if seg.fade_in_ms else 0
        fi, fo = text_fades(fade_in, seg.fade_out_ms, (end - start) * 1000, caption=caption)
        # timestamps are timeline time (a window's frames only), shifted to its clock at the end;
        # the picture is converted to the frame's format once, before it is repeated (converted
        # after the loop, every frame: ~10 % of a chunk's filter CPU), unless it scales in
        scale_in = entrance == "scale" and fi > 0
        filters = ["format=rgba", *([] if scale_in else ["format=yuva420p"]),
                   f"loop=loop={win[1] - win[0] - 1}:size=1:start=0", f"setpts=(N+{win[0]})/({c.fps}*TB)"]
        r0, rd = num(start), num(max(fi, 1 / c.fps))  # the entrance ramps 0 -> 1: (t - r0) / rd

        if scale_in:
            # scale-in from 70 %, per frame on the small text picture only (eval=frame)
            k = f"(0.7+0.3*min(1,max(0,(t-{r0})/{rd})))"
            filters += [f"scale=w={quoted(f'2*trunc(iw*{k}/2)')}:h={quoted(f'2*trunc(ih*{k}/2)')}:eval=frame",
                        "format=yuva420p"]
        elif entrance == "slide" and fi > 0:
            # rises 4 % of the frame into place (overlay's t is the window's clock)
            tg = f"(t+{c.lo}/{c.fps})" if c.lo else "t"
            y = f"{y}+{round(c.height * 0.04)}*(1-min(1,max(0,({tg}-{r0})/{rd})))"
        if fi > 0:
            filters.append(f"fade=t=in:st={num(start)}:d={num(fi)}:alpha=1")
        if fo > 0:
            filters.append(f"fade=t=out:st={num(end - fo)}:d={num(fo)}:alpha=1")
        if c.lo:
            filters.append(f"setpts=PTS-{c.lo}/({c.fps}*TB)")
        ov = c.g.one([f"{idx}:v"], filters, "txt")
        base = c.g.one([base, ov], [_overlay(x, y, fs - c.lo, fe - c.lo, c.fps)], "tov")
    return base, specs


# chroma steps of the full warm grade (warmth 1): blue-difference down, red-difference up, in
# the proportion of a tungsten-ish amber (a white wall under 3200 K light against 6500 K)
WARM_CB, WARM_CR = -14, 10
# and of the full pink tint (tint 1): both up, towards magenta (a green cast taken out is the same move)
TINT_CB, TINT_CR = 8, 12


def _grade_filters(grade: Grade) -> list[str]:
    """``eq`` for contrast, brightness and saturation; black and white sets the chroma planes to
    their neutral value exactly (``eq`` at saturation 0 left them one step off: a green cast).
    Warmth and tint shift the two chroma planes (a table lookup on quarter-size planes: nearly
    free), so a warm black and white is sepia."""
    out = []
    sat = grade.saturation if grade.saturation > 0 else 1.0
    if (grade.contrast, grade.brightness, sat) != (1.0, 0.0, 1.0):
        out.append(f"eq=contrast={num(grade.contrast)}:brightness={num(grade.brightness)}:saturation={num(sat)}")
    cb = round(WARM_CB * grade.warmth + TINT_CB * grade.tint)
    cr = round(WARM_CR * grade.warmth + TINT_CR * grade.tint)
    if grade.saturation == 0:
        out.append(f"lutyuv=u={128 + cb}:v={128 + cr}")
    elif cb or cr:
        out.append(f"lutyuv=u={quoted(f'clip(val{cb:+d},16,240)')}:v={quoted(f'clip(val{cr:+d},16,240)')}")
    return out


def _fade_frames(ms: int, fps: int, total: int) -> int:
    """Frames a fade of ``ms`` covers (at most the whole video); under two frames is no fade."""
    n = min(total, (ms * fps + 500) // 1000)
    return n if n >= 2 else 0


def _picture_fades(c: Ctx, base: str) -> str:
    """The video's fade in from black and out to black, after the text and logos (they fade with
    the picture). The first frame of a fade-in and the last of a fade-out are black. The fades
    run on the timeline's clock, so a chunk that starts inside one makes the frames a whole
    render makes there."""
    n_in = _fade_frames(c.tl.fade_in_ms, c.fps, c.total_frames)
    n_out = _fade_frames(c.tl.fade_out_ms, c.fps, c.total_frames)

    def sec(frames: int) -> str:  # floored to the microsecond ffmpeg keeps: a fade starts on its frame
        return f"{frames * 1_000_000 // c.fps / 1_000_000:.6f}"

    fades = []
    if n_in and c.clip(0, n_in):
        fades.append(f"fade=t=in:st=0:d={sec(n_in - 1)}")
    if n_out and c.clip(c.total_frames - n_out, c.total_frames):
        fades.append(f"fade=t=out:st={sec(c.total_frames - n_out)}:d={sec(n_out - 1)}")
    if not fades:
        return base
    if c.lo:  # on the timeline's clock while fading, back on the chunk's after
        fades = [f"setpts=PTS+{c.lo}/({c.fps}*TB)", *fades, f"setpts=PTS-{c.lo}/({c.fps}*TB)"]
    return c.g.one([base], fades, "vfade")


def _video(c: Ctx, workdir: Path) -> tuple[str, list[TextOverlay]]:
    video_tracks = [t for t in c.tl.tracks if t.kind is TrackKind.VIDEO]
    main = next((t for t in video_tracks if t.role is Role.MAIN), None)
    base = _main_video(c, main)
    if not c.tl.grade.neutral:  # the pictures only: logos and text keep their colours
        base = c.g.one([base], _grade_filters(c.tl.grade), "grade")
    for track in video_tracks:
        if track is not main:
            base = _overlay_track(c, base, track)
    base, specs = _text_overlays(c, base, workdir)
    base = _picture_fades(c, base)
    # limited range always: x264 signals the range of the first frame it gets, so a chunk
    # starting on a full-range frame would be flagged (and shown) differently from the rest
    return c.g.one([base], ["format=pix_fmts=yuv420p:color_ranges=tv"], "vout"), specs


# -- public ------------------------------------------------------------------------------

def total_frames(timeline: Timeline) -> int:
    """Frames in the output (the duration rounded to the nearest frame)."""
    return (timeline.duration * timeline.fps + 500) // 1000


def _context(timeline: Timeline, quality: str, window: tuple[int, int] | None = None, *,
             chunk_motion: bool = False) -> Ctx:
    if timeline.duration <= 0:
        raise InvalidTimeline("the timeline has no duration")
    width, height = output_size(timeline, quality)
    fps = timeline.fps
    total = total_frames(timeline)
    if total <= 0:
        raise InvalidTimeline("the timeline is shorter than one frame")
    if window is not None and not 0 <= window[0] < window[1] <= total:
        raise InvalidTimeline(f"frame range {window} is not inside the {total} frames of the timeline")
    from reelforge.media.limits import DEFAULT

    cap = max([DEFAULT.decoder_cap, *(a.width * a.height for a in timeline.assets)])
    shots = moving_stills(timeline, width, height)
    if chunk_motion:
        caps = chunk_caps(timeline, shots, width, height, _chunk_ranges(timeline)) if shots else {}
    else:
        caps = oversample_caps(shots, width, height)
    return Ctx(timeline, Graph(cap), width, height, fps, total, window, caps)


def _chunk_ranges(timeline: Timeline) -> list[tuple[int, int]]:
    """The output frames each chunk's ffmpeg makes in a chunked export of ``timeline``
    (`chunks.plan_chunks`), its rolls included: the longest of `chunks.ROLLS`, whatever the
    quality (`stills.chunk_caps`)."""
    from reelforge.render.chunks import ROLLS, plan_chunks  # (chunks imports this module)

    before, after = (max(r[i] for r in ROLLS.values()) for i in (0, 1))
    return [(lo - before, hi + after) for lo, hi in plan_chunks(timeline)]


# ffmpeg's AAC encoder with its "fast" coder: half the CPU of the default two-loop search
# (4.1 -> 2.1 s for 30 s of stereo); ffmpeg's documentation calls it "better and much faster at
# higher bitrates" (above 64 kbit/s; this is 192)
AUDIO_CODEC_ARGS = ("-c:a", "aac", "-aac_coder", "fast", "-ar", str(SAMPLE_RATE), "-ac", "2", "-b:a", "192k")
_PROGRESS = ("-progress", "pipe:1", "-stats_period", "0.25", "-nostats")


def video_codec_args(quality: str, fps: int) -> list[str]:
    """The H.264 encoder settings of a quality (whole renders and chunks alike).

    ``sync-lookahead=2``: the threaded lookahead buffers 2 frames instead of its default
    (frame threads + B-frames), ~13 MB less at 1080p; x264's output is bit-identical
    (checked), its speed within 2 %."""
    q = _quality(quality)
    return ["-c:v", "libx264", "-preset", q.preset, "-crf", str(q.crf), "-pix_fmt", "yuv420p",
            "-x264-params", "sync-lookahead=2", "-r", str(fps)]


def join_keyframes(joins: Iterable[int]) -> set[int]:
    """The frames made IDR for chunk joins at ``joins``: each join's first frame and the frame
    before it, in a chunk and in a whole render alike.

    Why two: x264 (1-pass CRF) gives a keyframe that follows a P frame the mean quantiser of
    the P frames before it (decaying by 0.95 a frame, so ~60 frames of memory that a chunk
    cannot rebuild without a long pre-roll), but a keyframe that follows a keyframe its
    quantiser from its own complexity. With the frame before each join an IDR too, a chunk's
    first GOP is encoded exactly as in a whole render, with no pre-roll: measured on the 16 s
    real-photo timeline, every frame of a chunked export is bit-identical to the whole render's
    except the last frame before each join (46.3-51.0 dB at 480p and 1080p; 44.4-45.0 on the
    plain pictures of the fan-out test: its QP still comes from that mean), against 43.6 dB
    near a join at 480p with an 8-frame pre-roll and one IDR (bench/seams.py). The price is one
    more I-frame per join (~30 KB at 480p, ~90 KB at 1080p)."""
    return {f for j in joins if j > 0 for f in (j - 1, j)}


def _force_keyframes(frames: Iterable[int]) -> list[str]:
    frames = sorted({int(f) for f in frames if int(f) > 0})
    if not frames:
        return []
    return ["-force_key_frames", "expr:" + "+".join(f"eq(n,{f})" for f in frames)]


def _head() -> list[str]:
    # one filter thread: slice-threaded filters competed with x264 for 2 cores and each thread's
    # scratch cost memory (a 1080p chunk with two crossing zooms: 474 -> 462 MB, 4.4 -> 3.6 s CPU)
    return [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-filter_complex_threads", "1"]


def compile_render(timeline: Timeline, output: str | Path, *, quality: str = "standard",
                   workdir: str | Path | None = None,
                   loudness: LoudnessMeasure | None = None,
                   keyframes: Sequence[int] = (), chunk_motion: bool = False) -> RenderCommand:
    """Compile ``timeline`` into one ffmpeg command writing ``output`` (pure; no I/O).

    ``workdir`` is where the runner writes the text PNGs and the filter script; ``loudness``
    is the result of the measure pass (`compile_loudness_probe`), without which a
    single-pass loudnorm is used (it lands ~1.5 LU off target; the measured path is
    within ±1 LU). ``keyframes``: a chunked export's joins (output frame numbers), given the
    same IDR frames as the chunks have there (`join_keyframes`), for comparing the two;
    ``chunk_motion``: each moving still moves by the filter the chunks use (`stills.chunk_caps`),
    so the frames are theirs. This one process then holds every oversampled picture at once
    (ffmpeg keeps a looped still to the end of the graph): more memory than a whole render's
    own budget when many stills move.
    """
    output = Path(output)
    work = Path(workdir) if workdir is not None else output.parent
    c = _context(timeline, quality, chunk_motion=chunk_motion)
    vout, specs = _video(c, work)
    aout = finish_audio(c, audio_mix(c), loudness)
    graph = c.g.finish([vout, aout])
    script = work / "graph.txt"
    argv = [*_head()]
    for args in c.g.inputs:
        argv += args
    argv += ["-/filter_complex", str(script), "-map", f"[{vout}]", "-map", f"[{aout}]",
             *video_codec_args(quality, c.fps), *_force_keyframes(join_keyframes(keyframes)), *AUDIO_CODEC_ARGS,
             "-movflags", "+faststart", "-t", secs(timeline.duration),
             "-f", "mp4", *_PROGRESS, str(output)]
    return RenderCommand(argv=argv, filter_graph=graph, filter_script=script, overlays=tuple(specs),
                         total_frames=c.total_frames, duration_ms=timeline.duration,
                         width=c.width, height=c.height, fps=c.fps, output=output,
                         media=tuple(dict.fromkeys(c.g.media)))


def compile_chunk(timeline: Timeline, output: str | Path, frames: tuple[int, int], *,
                  quality: str = "standard", workdir: str | Path | None = None,
                  pre_roll: int = 0, post_roll: int = 0, keyframes: Sequence[int] = ()) -> RenderCommand:
    """Compile the picture of output frames ``[first, end)`` alone (no audio) into ``output``.

    The graph holds only what is on screen in that range, on the range's own clock, and
    makes exactly the frames a whole render makes there (motion continues from the frame
    offset, transitions are made whole and cut, fades keep the timeline's clock). The
    encode is one closed GOP sequence, so chunks join by stream copy. ``overlays`` lists the
    text drawn in the range; ``text_context`` every text spec of the timeline (caption sizes
    are shared by a whole track, see `reelforge.render.text.fitted_specs`).

    ``keyframes``: the first frames of all the export's chunks. Every join gets its IDR frames
    (`join_keyframes`), so the range's first GOP is encoded as in a whole render.
    ``pre_roll``/``post_roll``: frames of the timeline before and after the range encoded too
    (as far as there are any) and dropped: a post-roll lets x264's lookahead choose the range's
    last frame types as a whole render does. A post-roll never reaches the file: the range ends
    at a join, an IDR frame, so every packet after it in decode order is the post-roll's, and
    the ``noise`` bitstream filter drops those (the same packets as cutting afterwards, without
    reading the file again). With a pre-roll, ``keep`` says which encoded frames are the chunk
    (`reelforge.render.trim` cuts them out afterwards).
    """
    output = Path(output)
    work = Path(workdir) if workdir is not None else output.parent
    first, end = int(frames[0]), int(frames[1])
    lo = max(0, first - max(0, pre_roll))
    hi = min(total_frames(timeline), end + max(0, post_roll)) if end > first else end
    c = _context(timeline, quality, (lo, hi), chunk_motion=True)
    joins = [first, *([end] if end < c.total_frames else []), *keyframes]
    keys = [f - lo for f in join_keyframes(joins) if lo <= f < hi]
    vout, specs = _video(c, work)
    graph = c.g.finish([vout])
    script = work / "graph.txt"
    argv = [*_head()]
    for args in c.g.inputs:
        argv += args
    keep = (first - lo, end - lo) if (lo, hi) != (first, end) else None
    drop: list[str] = []
    if keep is not None and keep[0] == 0:  # only a post-roll: its packets are dropped as written
        drop, keep = ["-bsf:v", f"noise=drop=gte(n\\,{end - lo})"], None
    argv += ["-/filter_complex", str(script), "-map", f"[{vout}]", "-an"]
    graph_argv = tuple(argv)
    argv += [*video_codec_args(quality, c.fps), *_force_keyframes(keys), *drop,
             "-frames:v", str(c.hi - c.lo), "-f", "mp4", *_PROGRESS, str(output)]
    used = [s for s in specs if c.g.has_input(f"text:{s.segment_id}")]
    return RenderCommand(argv=argv, filter_graph=graph, filter_script=script, overlays=tuple(used),
                         total_frames=c.hi - c.lo, duration_ms=round((c.hi - c.lo) * 1000 / c.fps),
                         width=c.width, height=c.height, fps=c.fps, output=output,
                         media=tuple(dict.fromkeys(c.g.media)), text_context=tuple(specs), keep=keep,
                         graph_argv=graph_argv)


def compile_stream_encode(listing: str | Path, pattern: str | Path, *, quality: str, fps: int,
                          keyframes: Iterable[int], splits: Sequence[int]) -> list[str]:
    """One H.264 encode of consecutive chunks' pictures (`reelforge.render.stream`).

    Reads the raw pictures that ``listing`` names (concat demuxer) to their end, forces the IDR
    frames ``keyframes`` (frame numbers from the run's first) and cuts the output before each
    frame of ``splits`` into MP4 files named by ``pattern`` (``%04d``), each starting at time 0
    with its B-frame delay in an edit list, as a chunk encoded alone does (``-avoid_negative_ts
    disabled``: the first file would otherwise start two frames late). No frame limit: an
    encoder stopping at its count could close a pipe while its writer still ends its file."""
    return [*_head(), "-f", "concat", "-safe", "0", "-i", str(listing),
            *video_codec_args(quality, fps), *_force_keyframes(keyframes),
            "-f", "segment", "-segment_format", "mp4", "-segment_frames", ",".join(map(str, splits)),
            "-reset_timestamps", "1", "-avoid_negative_ts", "disabled", *_PROGRESS, str(pattern)]


def compile_mix(timeline: Timeline, output: str | Path, *, workdir: str | Path) -> RenderCommand | None:
    """The programme mix before its loudness gain, as 32-bit float WAV (no clipping, no codec),
    or None when the timeline is silent. A chunked export mixes once and measures and encodes
    that file (``mixed=`` of `compile_loudness_probe` and `compile_audio`): the sources are
    decoded, ducked and mixed once instead of once a pass. The file takes ~23 MB a minute of
    programme, in the export's temporary folder, until the encode has read it."""
    output = Path(output)
    c = _context(timeline, "draft")
    mixed = audio_mix(c)
    if mixed is None:
        return None
    graph = c.g.finish([mixed])
    script = Path(workdir) / "mix_graph.txt"
    argv = [*_head()]
    for args in c.g.inputs:
        argv += args
    argv += ["-/filter_complex", str(script), "-map", f"[{mixed}]", "-vn", "-c:a", "pcm_f32le",
             "-f", "wav", str(output)]
    return RenderCommand(argv=argv, filter_graph=graph, filter_script=script, overlays=(),
                         total_frames=c.total_frames, duration_ms=timeline.duration,
                         width=c.width, height=c.height, fps=c.fps, output=output,
                         media=tuple(dict.fromkeys(c.g.media)))


def compile_audio(timeline: Timeline, output: str | Path, *, workdir: str | Path,
                  loudness: LoudnessMeasure | None = None, mixed: str | Path | None = None) -> RenderCommand:
    """The programme audio alone (the same mix and loudness as a whole render), as AAC in MP4;
    from the mix in ``mixed`` (`compile_mix`) when given."""
    output = Path(output)
    c = _context(timeline, "draft")
    aout = finish_audio(c, programme_mix(c, mixed), loudness)
    graph = c.g.finish([aout])
    script = Path(workdir) / "audio_out_graph.txt"
    argv = [*_head()]
    for args in c.g.inputs:
        argv += args
    argv += ["-/filter_complex", str(script), "-map", f"[{aout}]", "-vn", *AUDIO_CODEC_ARGS,
             "-t", secs(timeline.duration), "-f", "mp4", *_PROGRESS, str(output)]
    return RenderCommand(argv=argv, filter_graph=graph, filter_script=script, overlays=(),
                         total_frames=c.total_frames, duration_ms=timeline.duration,
                         width=c.width, height=c.height, fps=c.fps, output=output,
                         media=tuple(dict.fromkeys(c.g.media)))


def compile_loudness_probe(timeline: Timeline, *, workdir: str | Path,
                           applied: LoudnessMeasure | None = None,
                           mixed: str | Path | None = None) -> RenderCommand | None:
    """The audio-only measure pass: the same audio graph ending in ``ebur128`` (after the gain
    and limiter ``applied`` would give, to measure what the limiter takes off); on the mix in
    ``mixed`` (`compile_mix`) when given.

    Returns None when the timeline has no audio. The measurement is written as key=value
    lines to ``<workdir>/loudness.txt`` (`LoudnessMeasure.from_metadata`). ebur128 was
    chosen over ``loudnorm=print_format=json``: same integrated loudness (within 0.05 LU
    here), about 4x cheaper (0.19 s against 0.75 s for a 30 s voice + music mix, since
    loudnorm resamples to 192 kHz), and a structured file rather than text in the log.
    """
    c = _context(timeline, "draft")
    mix = programme_mix(c, mixed)
    if mix is None:
        return None
    report = Path(workdir) / "loudness.txt"
    gain = gain_chain(applied, timeline.loudness) if applied is not None else []
    aout = c.g.one([mix], [*gain, "ebur128=metadata=1:peak=true",
                             f"ametadata=mode=print:file={escape_value(str(report))}"], "ameas")
    graph = c.g.finish([aout])
    script = Path(workdir) / "audio_graph.txt"
    argv = [*_head()]
    for args in c.g.inputs:
        argv += args
    argv += ["-/filter_complex", str(script), "-map", f"[{aout}]", "-vn", "-f", "null", "-"]
    return RenderCommand(argv=argv, filter_graph=graph, filter_script=script, overlays=(),
                         total_frames=c.total_frames, duration_ms=timeline.duration,
                         width=c.width, height=c.height, fps=c.fps, output=report,
                         media=tuple(dict.fromkeys(c.g.media)))
