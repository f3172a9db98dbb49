"""Timeline -> one ffmpeg command, as data. Pure: no I/O, no font metrics, no probing.

The graph, per kind of source:

* **Stills** are decoded once (a single-frame image input, never ``-loop 1``, which would
  decode a 12 MP JPEG for every frame), cropped once to the part the shot shows and scaled
  once so its tightest view is at the output's resolution, repeated with ``loop=size=1`` and
  given exact timestamps (``setpts=N/fps/TB``). What the frame shows is planned by
  `reelforge.render.framing` as a view rectangle at the first and last frame (the subject box
  whole in both); a moving view eases between them (sine ease-in-out) as whole-pixel crops
  of the still oversampled 5-10x, i.e. 1/5-1/10 px steps of the output, each scaled to the
  frame (`reelforge.render.motion`). Crops at the output's own scale (and ``zoompan``) step
  by whole pixels: measured 0.9-1.8 px of frame-to-frame jitter against 0.04-0.2 px now;
  ``perspective`` moved as smoothly at ~3.5x the CPU (~22 ms a 1080p frame).
* **Clips** are input-seeked (``-ss``/``-t`` before ``-i``; ffmpeg autorotates by the display
  matrix), retimed with ``setpts`` for speed, resampled with ``fps``, fitted, and padded by
  cloning the last frame if the source runs out.
* **Focus**: a segment's ``subject`` box (or its ``focus`` point; shares of the source) places
  the cover crop, the zoom target and the pan path (`framing.plan`); clips use the focus point
  for their cover crop. Without either, the centre.
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
* **Audio**: every segment is trimmed, gained, faded and delayed to its start; ducked music
  goes through ``sidechaincompress`` keyed by the (padded, split) voice and clip sound; everything is mixed
  with ``amix=normalize=0``, padded/trimmed to the exact duration, then brought to the target
  loudness (see `compile_loudness_probe` and `LoudnessMeasure`).

All times are integer frames at the output rate; seconds appear only as argument text.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reelforge.errors import InvalidTimeline
from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.render import framing, motion
from reelforge.render.layout import Slot, band_box, safe_zone, timeline_layout
from reelforge.timeline.model import (
    AssetKind,
    AudioSegment,
    Fit,
    Grade,
    Motion,
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
    loop_position,
)
from reelforge.timeline.styles import entrance_ms, get_style

SAMPLE_RATE = 48000
ZOOM = framing.ZOOM
TRUE_PEAK = -1.0  # dBTP ceiling after loudness gain
LIMIT_OVERSAMPLE = 4  # the true-peak limiter's oversampling (ITU-R BS.1770's true peak is 4x)

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
class LoudnessMeasure:
    """Integrated loudness (LUFS) and true peak (dBTP) of the mixed audio (the measure pass)."""

    input_i: float
    input_tp: float
    makeup_db: float = 0.0  # what the true-peak limiter takes off the loudness, measured after it
    # the limiter's ceiling (dBTP of the mix): half a dB under TRUE_PEAK for the AAC encode's own
    # overshoot, lowered further when the encoded file still came out over it (`chunked.render_audio`)
    ceiling_db: float = TRUE_PEAK - 0.5

    @classmethod
    def from_metadata(cls, text: str) -> LoudnessMeasure:
        """Read the file ``ebur128=metadata=1`` + ``ametadata=mode=print`` writes.

        It holds ``key=value`` lines per audio frame; the last ``lavfi.r128.I`` is the
        integrated loudness of the whole programme, the last ``lavfi.r128.true_peak`` its
        (linear) true peak so far, i.e. overall.
        """
        values: dict[str, str] = {}
        for line in text.splitlines():
            key, sep, value = line.strip().partition("=")
            if sep and key in ("lavfi.r128.I", "lavfi.r128.true_peak"):
                values[key] = value
        if "lavfi.r128.I" not in values:
            raise ValueError("no integrated loudness in the measurement")
        peak = float(values.get("lavfi.r128.true_peak", "1"))
        tp = 20 * math.log10(peak) if peak > 0 else float("-inf")
        return cls(input_i=float(values["lavfi.r128.I"]), input_tp=tp)

    def gain_db(self, target: float) -> float:
        if not math.isfinite(self.input_i) or self.input_i < -70:
            return 0.0  # silence: nothing to normalise
        return max(-30.0, min(30.0, target - self.input_i + self.makeup_db))


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

    @property
    def duration_s(self) -> float:
        return self.duration_ms / 1000


# -- helpers -----------------------------------------------------------------------------

def _even(x: float) -> int:
    return max(2, int(round(x / 2)) * 2)


def _s(ms: int | float) -> str:
    """Milliseconds as ffmpeg seconds text."""
    return f"{ms / 1000:.3f}"


def _num(x: float) -> str:
    return f"{x:.6g}"


def escape_value(value: str) -> str:
    """Quote any text as one filter option value (both levels of ffmpeg's escaping).

    The option parser unescapes ``\\ ' :``; the graph parser honours single quotes, inside
    which only ``'`` needs care. Used for file paths; user text never enters the graph.
    """
    inner = value.replace("\\", "\\\\").replace("'", "\\'").replace(":", "\\:")
    return "'" + inner.replace("'", "'\\''") + "'"


def _q(expr: str) -> str:
    """Quote a filter option value that contains commas (expressions never contain quotes)."""
    if "'" in expr or "\\" in expr:
        raise InvalidTimeline(f"unsafe filter expression {expr!r}")
    return f"'{expr}'"


def _hex(color: str) -> str:
    return "0x" + color.lstrip("#")[:6]


def output_size(timeline: Timeline, quality: str) -> tuple[int, int]:
    q = _quality(quality)
    w, h = timeline.width, timeline.height
    if q.max_short_side and min(w, h) > q.max_short_side:
        k = q.max_short_side / min(w, h)
        w, h = _even(w * k), _even(h * k)
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


# -- the graph builder -------------------------------------------------------------------

class _Graph:
    """Collects inputs and filter chains; checks that every label is consumed exactly once."""

    def __init__(self, max_pixels: int = 0) -> None:
        self.max_pixels = max_pixels  # decoders refuse larger frames (a size the probe did not see)
        self.inputs: list[list[str]] = []
        self.media: list[Path] = []
        self._keys: dict[str, int] = {}
        self.chains: list[str] = []
        self._n = 0
        self._produced: set[str] = set()
        self._consumed: set[str] = set()

    def input(self, key: str, args: list[str], path: str | Path, *, media: bool = True) -> int:
        if key in self._keys:
            return self._keys[key]
        cap = ["-max_pixels", str(self.max_pixels)] if media and self.max_pixels else []
        self.inputs.append([*cap, *args, "-i", str(path)])
        if media:
            self.media.append(Path(path))
        self._keys[key] = len(self.inputs) - 1
        return self._keys[key]

    def chain(self, ins: list[str], filters: list[str], hint: str, outs: int = 1) -> list[str]:
        for ref in ins:
            if ref in self._consumed:
                raise InvalidTimeline(f"internal graph error: stream {ref} used twice")
            if ":" not in ref and ref not in self._produced:
                raise InvalidTimeline(f"internal graph error: unknown stream {ref}")
            self._consumed.add(ref)
        labels = []
        for _ in range(outs):
            self._n += 1
            labels.append(f"{hint}{self._n}")
        self._produced.update(labels)
        body = ",".join(f for f in filters if f) or ("anull" if hint.startswith("a") else "null")
        self.chains.append("".join(f"[{r}]" for r in ins) + body + "".join(f"[{o}]" for o in labels))
        return labels

    def one(self, ins: list[str], filters: list[str], hint: str) -> str:
        return self.chain(ins, filters, hint)[0]

    def finish(self, outputs: list[str]) -> str:
        dangling = self._produced - self._consumed - set(outputs)
        if dangling:
            raise InvalidTimeline(f"internal graph error: unused streams {sorted(dangling)}")
        return ";\n".join(self.chains) + "\n"


@dataclass
class _Ctx:
    tl: Timeline
    g: _Graph
    width: int
    height: int
    fps: int
    total_frames: int
    # the output frames [lo, hi) of the timeline this graph renders (a chunk); whole by default
    window: tuple[int, int] | None = None
    # the largest oversampled picture each moving still may have, by segment id (`_oversample_caps`)
    oversample_px: dict[str, int] = field(default_factory=dict)

    def cap_of(self, seg_id: str) -> int:
        return self.oversample_px.get(seg_id, motion.MAX_PIXELS)

    @property
    def lo(self) -> int:
        return self.window[0] if self.window else 0

    @property
    def hi(self) -> int:
        return self.window[1] if self.window else self.total_frames

    def clip(self, first: int, end: int) -> tuple[int, int] | None:
        """Timeline frames [first, end) cut to the window, or None when outside it."""
        a, b = max(first, self.lo), min(end, self.hi)
        return (a, b) if b > a else None

    def cut(self, label: str, first: int, end: int, hint: str = "win") -> str:
        """A stream of timeline frames [first, end) cut down to the window (a no-op inside it)."""
        a, b = self.clip(first, end) or (first, first)
        if (a, b) == (first, end):
            return label
        return self.g.one([label], [f"trim=start_frame={a - first}:end_frame={b - first}",
                                    "setpts=PTS-STARTPTS"], hint)

    def frame(self, ms: int) -> int:
        """The frame at ``ms`` (rounded to nearest), so segment edges never drift."""
        return (ms * self.fps + 500) // 1000

    def frames(self, seg: VideoSegment | TextSegment, what: str = "segment") -> tuple[int, int]:
        """(first, end) frames of ``seg``; `InvalidTimeline` when it covers no whole frame."""
        fs, fe = self.frame(seg.start), self.frame(seg.end)
        if fe - fs <= 0:
            raise InvalidTimeline(f"{what} {seg.id} is shorter than one frame at {self.fps} fps")
        return fs, fe

    def bg(self) -> str:
        return _hex(self.tl.background)


# -- video -------------------------------------------------------------------------------

Focus = tuple[float, float]


def _focus(seg: VideoSegment) -> Focus | None:
    """The segment's subject centre, or None for the centre (so centred graphs stay as they were)."""
    if seg.focus is None or tuple(seg.focus) == (0.5, 0.5):
        return None
    return float(seg.focus[0]), float(seg.focus[1])


def _cover_crop(w: int, h: int, focus: Focus | None) -> str:
    """``crop`` to w x h after a cover scale: centred, or centred on the focus and clamped to
    the picture (crop evaluates iw/ih on the scaled picture, so no source size is needed)."""
    if focus is None:
        return f"crop={w}:{h}"
    fx, fy = focus
    x = f"min(max(iw*{_num(fx)}-{w / 2:g},0),iw-{w})"
    y = f"min(max(ih*{_num(fy)}-{h / 2:g},0),ih-{h})"
    return f"crop=w={w}:h={h}:x={_q(x)}:y={_q(y)}"


def _fit_filters(fit: Fit, w: int, h: int, bg: str, focus: Focus | None = None) -> list[str]:
    if fit is Fit.CONTAIN:
        return [f"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2:out_range=tv",
                f"pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color={bg}"]
    return [f"scale={w}:{h}:force_original_aspect_ratio=increase:force_divisible_by=2:out_range=tv",
            _cover_crop(w, h, focus)]


def _fitted(c: _Ctx, src: str, fit: Fit, w: int, h: int, pre: list[str], focus: Focus | None = None,
            inner: tuple[int, int, int, int] | None = None) -> str:
    """Fit a stream into w x h. Blur: a blurred cover copy behind a contained copy. ``inner``
    (x, y, w, h): where a contained picture goes (default: the whole frame), e.g. the part of a
    moving still's composed frame that every view of it shows."""
    if fit is Fit.COVER or (fit is Fit.CONTAIN and inner is None):
        return c.g.one([src], [*pre, *_fit_filters(fit, w, h, c.bg(), focus), "setsar=1"], "fit")
    ix, iy, iw, ih = inner or (0, 0, w, h)
    contain = f"scale={iw}:{ih}:force_original_aspect_ratio=decrease:force_divisible_by=2:out_range=tv"
    if fit is Fit.CONTAIN:
        return c.g.one([src], [*pre, contain, f"pad={w}:{h}:{ix}+({iw}-iw)/2:{iy}+({ih}-ih)/2:color={c.bg()}",
                               "setsar=1"], "fit")
    a, b = c.g.chain([src], [*pre, "split=2"], "bsp", outs=2)
    small_w, small_h = _even(w / 8), _even(h / 8)
    back = c.g.one([a], [*_fit_filters(Fit.COVER, small_w, small_h, c.bg(), focus),
                         "boxblur=4:2", f"scale={w}:{h}:flags=bilinear", "setsar=1"], "bbg")
    front = c.g.one([b], [contain, "setsar=1"], "bfg")
    at = "overlay=(W-w)/2:(H-h)/2" if inner is None else f"overlay={ix}+({iw}-w)/2:{iy}+({ih}-h)/2"
    return c.g.one([back, front], [at, "setsar=1"], "blr")


def _shown_by_every_view(path: framing.Path) -> tuple[int, int, int, int]:
    """(x, y, w, h): the part of a composed frame that every view of ``path`` shows (the tight
    end of a zoom, what a pan never leaves), whole pixels inside it. A contained or blurred still
    goes there, so its motion never crops the picture it promises whole (a logo's end letters, a
    page's line ends were cut by the 12 % zoom)."""
    a, b = path.start, path.end
    x0, y0 = max(a.x, b.x), max(a.y, b.y)
    x1, y1 = min(a.x + a.w, b.x + b.w), min(a.y + a.h, b.y + b.h)
    x, y = math.ceil(x0), math.ceil(y0)
    return x, y, max(2, _even(math.floor(x1) - x - 1)), max(2, _even(math.floor(y1) - y - 1))


def _lerp(a: float, b: float, e: str) -> str:
    return _num(a) if abs(b - a) < 1e-9 else f"{_num(a)}+{_num(b - a)}*{e}"


def _view_filters(path: framing.Path, src_w: float, src_h: float, w: int, h: int, n: int,
                  offset: int, *, fps: int = 30, count: int = 0, name: str = "mv",
                  cap: int = motion.MAX_PIXELS) -> tuple[list[str], list[str]]:
    """(once, per frame) filters that show ``path`` (source pixels) in a w x h frame.

    Once, on the single decoded picture: crop to the part any frame shows (as shares of
    ``iw``/``ih``, so a ``-lowres`` decode crops alike) and scale it so the tightest view is
    at the output's resolution; a moving view ``k`` times larger still (`motion.oversample`).
    Per frame, for a moving view: whole-pixel crops of that picture along the eased path,
    i.e. 1/k-px steps of the output, scaled to w x h (`reelforge.render.motion`): shot frames
    ``offset .. offset + count - 1`` (to the shot's end when ``count`` is 0). Whole-pixel
    crops at the output's own scale made every slow zoom or pan step by 1-2 px.
    """
    span = path.span
    if path.moves:
        x0, y0, x1, y1 = _moving_box(path, src_w, src_h)
    else:
        x0, y0, x1, y1 = span.x, span.y, span.x + span.w, span.y + span.h
    once = []
    if (x0, y0, x1, y1) != (0, 0, src_w, src_h):
        once.append(f"crop=w={_q(f'iw*{_num((x1 - x0) / src_w)}')}:h={_q(f'ih*{_num((y1 - y0) / src_h)}')}"
                    f":x={_q(f'iw*{_num(x0 / src_w)}')}:y={_q(f'ih*{_num(y0 / src_h)}')}:exact=1")
    if not path.moves:
        return [*once, f"scale={w}:{h}:out_range=tv"], []
    a, b, bw, bh = _base_views(path, x0, y0, x1, y1, w)
    over = motion.oversample(a, b, bw, bh, w, h, cap)
    if over is None:  # no room for an oversampled picture: perspective (same path, ~3.5x the CPU)
        once.append(f"scale={bw}:{bh}:out_range=tv")
        return once, _perspective(a, b, bw, bh, w, h, n, offset)
    size = (bw * over[0], bh * over[1])
    if (x1 - x0) * (y1 - y0) > bw * bh:  # a larger source: first down to the output's resolution,
        once.append(f"scale={bw}:{bh}")  # so the per-frame point sampling has nothing finer to alias
    once.append(f"scale={size[0]}:{size[1]}:out_range=tv")
    crops = motion.views(a, b, n, offset, count or n - offset, over, size)
    return once, motion.filters(crops, name, fps, w, h)


def _moving_box(path: framing.Path, src_w: float, src_h: float) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1): the whole source pixels any frame of a moving view shows, one more
    on each side (the picture that is oversampled)."""
    span = path.span
    return (max(0.0, math.floor(span.x) - 1), max(0.0, math.floor(span.y) - 1),
            min(src_w, math.ceil(span.x + span.w) + 1), min(src_h, math.ceil(span.y + span.h) + 1))


def _base_views(path: framing.Path, x0: float, y0: float, x1: float, y1: float,
                w: int) -> tuple[framing.Rect, framing.Rect, int, int]:
    """A moving view's first and last view on its base picture (the part [x0, x1) x [y0, y1)
    of the source at `_base_scale`), and that picture's size."""
    k = _base_scale(path, w)
    bw, bh = _even((x1 - x0) * k), _even((y1 - y0) * k)
    kx, ky = bw / (x1 - x0), bh / (y1 - y0)

    def base(r: framing.Rect) -> framing.Rect:
        return framing.Rect((r.x - x0) * kx, (r.y - y0) * ky, r.w * kx, r.h * ky)

    return base(path.start), base(path.end), bw, bh


def _oversampled_px(path: framing.Path, src_w: float, src_h: float, w: int, h: int, cap: int) -> int | None:
    """Luma pixels of a moving view's oversampled picture under ``cap`` (as `_view_filters`
    builds it), or None when it moves by ``perspective``."""
    a, b, bw, bh = _base_views(path, *_moving_box(path, src_w, src_h), w)
    over = motion.oversample(a, b, bw, bh, w, h, cap)
    return None if over is None else bw * over[0] * bh * over[1]


def _perspective(a: framing.Rect, b: framing.Rect, bw: int, bh: int, w: int, h: int, n: int,
                 offset: int) -> list[str]:
    """Per-frame ``perspective`` (1/256 px, linear) along the eased path from view ``a`` to
    ``b`` (base px), then the top-left w x h: the motion when no oversampled picture fits."""
    last = max(1, n - 1)
    frame = "in-1" if offset == 0 else f"in+{offset - 1}"  # perspective's ``in`` counts from 1
    e = f"(0.5-0.5*cos(PI*min(({frame})/{last},1)))"
    vx, vy = _lerp(a.x, b.x, e), _lerp(a.y, b.y, e)
    # the output's corners come from the view scaled by base/frame (the frame is its top-left)
    right = f"{vx}+{_lerp(a.w * bw / w, b.w * bw / w, e)}"
    bottom = f"{vy}+{_lerp(a.h * bh / h, b.h * bh / h, e)}"
    persp = (f"perspective=x0={_q(vx)}:y0={_q(vy)}:x1={_q(right)}:y1={_q(vy)}"
             f":x2={_q(vx)}:y2={_q(bottom)}:x3={_q(right)}:y3={_q(bottom)}"
             ":interpolation=linear:sense=source:eval=frame")
    return [persp, f"crop={w}:{h}:0:0"]


def _name(c: _Ctx, hint: str) -> str:
    """A filter instance name unique in this graph (and the same in every compile of it)."""
    c.g._n += 1
    return f"{hint}{c.g._n}"


def _base_scale(path: framing.Path, w: int) -> float:
    """Base px per source px for a moving view: the tightest view at the output's resolution,
    but never enlarging the source beyond what the widest view needs (a source smaller than
    the zoom's tight end gains nothing from a larger base, and the oversampled picture's
    memory grows with the base)."""
    tight, wide = w / min(path.start.w, path.end.w), w / max(path.start.w, path.end.w)
    return max(wide, min(tight, 1.0))


def _still_path(seg: VideoSegment, motion: Motion, src_w: float, src_h: float, w: int, h: int,
                subject: bool) -> framing.Path:
    if subject:
        return framing.shot_plan(seg, src_w, src_h, w, h, motion)
    return framing.plan(src_w, src_h, w, h, motion, amount=seg.motion_amount)


def _base_size(motion: Motion, w: int, h: int, amount: float = ZOOM) -> tuple[int, int]:
    """A contained/blurred frame composed larger than the frame, for the motion to move in."""
    return _whole_view(motion, w, h, amount)[:2]


def _whole_view(motion: Motion, w: int, h: int, amount: float = ZOOM) -> tuple[int, int, framing.Path]:
    """(composed width, height, view path) of a contained or blurred still: the frame composed
    larger than the output for its motion to move in (``amount``: the segment's
    ``motion_amount``). A zoom: ``1 + amount`` times larger both ways, the view from the whole
    of it to the middle (`framing.plan`). A pan: larger along its axis only, by half the amount
    of the frame, the view the frame's own size from one end to the other: the picture (placed
    inside what every view shows, `_shown_by_every_view`) keeps its full size across the pan
    and gives up only that share along it (a 12 % pan of a composed frame 12 % larger both ways
    cut its top and bottom and, placed whole, shrank it 12 %)."""
    if motion is Motion.NONE:
        return w, h, framing.Path(framing.Rect(0, 0, w, h), framing.Rect(0, 0, w, h))
    if motion in (Motion.ZOOM_IN, Motion.ZOOM_OUT):
        bw, bh = _even(w * (1 + amount)), _even(h * (1 + amount))
        return bw, bh, framing.plan(bw, bh, w, h, motion, amount=amount)
    across = motion in (Motion.PAN_LEFT, Motion.PAN_RIGHT)
    drift = amount / 2  # a picture shown whole drifts by half the amount of the frame
    bw, bh = (_even(w * (1 + drift)), h) if across else (w, _even(h * (1 + drift)))
    a, b = framing.Rect(0, 0, w, h), framing.Rect(bw - w, bh - h, w, h)
    # pan-right/down: the view travels right/down, so the picture moves left/up
    return bw, bh, framing.Path(a, b) if motion in (Motion.PAN_RIGHT, Motion.PAN_DOWN) else framing.Path(b, a)


def _is_jpeg(path: str, fmt: str) -> bool:
    return fmt.lower() == "jpeg" or (not fmt and Path(path).suffix.lower() in (".jpg", ".jpeg"))


def _jpeg_lowres(path: str, aw: int, ah: int, bw: int, bh: int, fmt: str = "") -> int:
    """How many halvings the JPEG decoder may skip (``-lowres``) and still cover bw x bh.

    Decoding a 24 MP photo at 1/2 or 1/4 size in the DCT domain is several times cheaper
    than decoding it whole and scaling it down. ``aw``/``ah`` are the display size; a
    rotation applied after decoding turns both halved sides alike, so the check holds.
    """
    if not aw or not ah or not _is_jpeg(path, fmt):
        return 0  # other decoders refuse -lowres outright
    need = max(bw / aw, bh / ah)
    k = 0
    while k < 3 and need * 2 ** (k + 1) <= 1.0:
        k += 1
    return k


def _still(c: _Ctx, seg: VideoSegment, n: int, w: int, h: int, *, motion: bool = True,
           alpha: bool = False, extra: list[str] | None = None,
           parts: list[tuple[int, int]] | None = None) -> list[str]:
    """A still as one stream per part ``(first, end)`` (frames within the segment).

    The picture is decoded and fitted once; a one-frame ``split`` feeds each part's own
    ``loop``, so no part costs more than its frames.
    """
    asset = c.tl.asset(seg.src)
    mo = seg.motion if motion else Motion.NONE
    lowres = _jpeg_lowres(asset.path, asset.width, asset.height, *_still_need(seg, mo, asset, w, h), asset.format)
    args = ["-lowres", str(lowres)] if lowres else []
    idx = c.g.input(f"still:{asset.id}:{seg.id}", [*args, "-framerate", str(c.fps)], asset.path)
    pix = "yuva420p" if alpha else "yuv420p"
    parts = parts or [(0, n)]
    src = f"{idx}:v" if alpha or _is_jpeg(asset.path, asset.format) else _opaque(c, f"{idx}:v")
    if alpha:
        base = c.g.one([src], [f"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2",
                                      "setsar=1", *(extra or []), f"format={pix}"], "img")
        view: tuple[framing.Path, float, float] | None = None
    elif seg.fit is Fit.COVER and asset.width and asset.height:
        # the view path is planned on the picture itself (subject box or focus point)
        path = _still_path(seg, mo, asset.width, asset.height, w, h, subject=True)
        once = _view_filters(path, asset.width, asset.height, w, h, n, 0, count=1, cap=c.cap_of(seg.id))[0]
        base = c.g.one([src], [*once, "setsar=1", f"format={pix}"], "img")
        view = (path, asset.width, asset.height)
    else:
        # contain/blur (or an unknown size): the composed frame, made larger for the motion
        bw, bh, path = _whole_view(mo, w, h, seg.motion_amount)
        fitted = _fitted(c, src, seg.fit, bw, bh, [], _focus(seg), _shown_by_every_view(path) if path.moves else None)
        once = _view_filters(path, bw, bh, w, h, n, 0, count=1, cap=c.cap_of(seg.id))[0] if path.moves else []
        base = c.g.one([fitted], [*once, f"format={pix}"], "img")
        view = (path, bw, bh)
    # one moving stream per part, each from the one oversampled picture (one frame, split, so
    # shared, not copied): a single stream for the whole shot split into its parts queued every
    # frame of the first part on one split output while the transition pulled the other (up to
    # ~250 MB at 1080p for an 81-frame part, measured, depending on which branch ran first)
    bases = c.g.chain([base], [f"split={len(parts)}"], "isp", outs=len(parts)) if len(parts) > 1 else [base]
    out = []
    for b, (first, end) in zip(bases, parts, strict=True):
        moving = _view_filters(view[0], view[1], view[2], w, h, n, first, fps=c.fps, count=end - first,
                                name=_name(c, "mv"), cap=c.cap_of(seg.id))[1] if view else []
        out.append(c.g.one([b], [
            f"loop=loop={end - first - 1}:size=1:start=0",
            f"setpts=N/({c.fps}*TB)",
            f"fps={c.fps}",
            *moving,
            "setsar=1",
            f"trim=end_frame={end - first}",
            # pin the format: otherwise xfade/concat may negotiate yuv444p, which makes the
            # zoom scale twice the chroma and adds a 444->420 conversion of every frame
            f"format={pix}",
        ], "still"))
    return out


def _opaque(c: _Ctx, src: str) -> str:
    """A picture shown as a shot, its transparency (a product cut-out's) over the video's
    background colour (a JPEG has none: not called). Left alone, the encoder dropped the alpha
    and showed whatever colour the file keeps under transparent pixels (green, in one), and a
    soft shadow as a solid black bar."""
    fg, under = c.g.chain([src], ["format=rgba", "split=2"], "cut", outs=2)
    bg = c.g.one([under], [f"drawbox=x=0:y=0:w=iw:h=ih:color={c.bg()}@1:t=fill:replace=1"], "cbg")
    return c.g.one([bg, fg], ["overlay=format=rgb"], "opq")


def _still_need(seg: VideoSegment, mo: Motion, asset, w: int, h: int) -> tuple[int, int]:
    """The size (source-shaped) the decoded picture must at least have for this shot."""
    if seg.fit is Fit.COVER and asset.width and asset.height:
        path = _still_path(seg, mo, asset.width, asset.height, w, h, subject=True)
        k = _base_scale(path, w)
        return _even(asset.width * k), _even(asset.height * k)
    return _base_size(mo, w, h, seg.motion_amount)


def _atempo(speed: float) -> list[str]:
    out = []
    while speed > 2.0:
        out.append("atempo=2")
        speed /= 2
    while speed < 0.5:
        out.append("atempo=0.5")
        speed /= 0.5
    if abs(speed - 1) > 1e-6:
        out.append(f"atempo={_num(speed)}")
    return out


def _clip_input(c: _Ctx, seg: VideoSegment) -> int:
    asset = c.tl.asset(seg.src)
    span = seg.duration * seg.speed
    return c.g.input(f"clip:{seg.id}", ["-ss", _s(seg.in_ms), "-t", _s(span)], asset.path)


def _clip(c: _Ctx, seg: VideoSegment, n: int, w: int, h: int, *, scale_only: bool = False,
          extra: list[str] | None = None, parts: list[tuple[int, int]] | None = None) -> list[str]:
    """A clip as one stream per part ``(first, end)``, each starting at timestamp 0."""
    idx = _clip_input(c, seg)
    pre = [f"setpts=(PTS-STARTPTS)/{_num(seg.speed)}", f"fps={c.fps}"]
    pad = [f"tpad=stop_mode=clone:stop_duration={_s(seg.duration + 1000)}", f"trim=end_frame={n}"]
    if scale_only:
        whole = c.g.one([f"{idx}:v"], [*pre, f"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2",
                                       "setsar=1", *(extra or []), "format=yuva420p", *pad], "clip")
    else:
        fitted = _fitted(c, f"{idx}:v", seg.fit, w, h, pre, _focus(seg))
        whole = c.g.one([fitted], ["format=yuv420p", *pad], "clip")
    if not parts or parts == [(0, n)]:
        return [whole]
    outs = c.g.chain([whole], [f"split={len(parts)}"], "csp", outs=len(parts))
    return [c.g.one([o], [f"trim=start_frame={a}:end_frame={b}", "setpts=PTS-STARTPTS"], "cpart")
            for o, (a, b) in zip(outs, parts, strict=True)]


def _gap(c: _Ctx, frames: int) -> str:
    """A stretch of background colour, as a graph source."""
    src = (f"color=c={c.bg()}:s={c.width}x{c.height}:r={c.fps}:d={_num(frames / c.fps + 1)},"
           f"format=yuv420p,setsar=1,trim=end_frame={frames}")
    c.g._n += 1
    label = f"gap{c.g._n}"
    c.g.chains.append(f"{src}[{label}]")
    c.g._produced.add(label)
    return label


def _concat(c: _Ctx, labels: list[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    return c.g.one(labels, [f"concat=n={len(labels)}:v=1:a=0"], "cat")


def _transition(c: _Ctx, kind: Transition, tail: str, head: str, frames: int) -> str:
    """The ``frames`` frames of a transition from ``tail`` (the end of one segment) to ``head``.

    A crossfade is the head fading in (alpha) over the tail: 4:2:0 throughout. ``xfade`` has
    no 4:2:0 formats, so it converts both inputs to 4:4:4 and back (measured on 1080p frames:
    ~9.6 ms a frame for xfade, ~2.4 ms for the overlay). Same ramp: frame k shows k/frames of
    the head. The other transitions need xfade.
    """
    d = _num(frames / c.fps)
    if kind is Transition.CROSSFADE:
        head = c.g.one([head], ["format=yuva420p", f"fade=t=in:st=0:d={d}:alpha=1"], "xin")
        return c.g.one([tail, head], ["overlay=format=yuv420:eof_action=pass", "format=yuv420p"], "xf")
    # back to limited-range 4:2:0 at once: ffmpeg negotiates full range for xfade's output, and
    # the concat after it then converted the whole range to full when the range started in it
    # (a chunk or its pre-roll starting inside a slide: 29 dB off the whole render)
    return c.g.one([tail, head], [f"xfade=transition={XFADE[kind]}:duration={d}:offset=0",
                                  "format=pix_fmts=yuv420p:color_ranges=tv"], "xf")


def _main_video(c: _Ctx, track: Track | None) -> str:
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
        streams = ([] if not ranges else _still(c, seg, n, c.width, c.height, parts=ranges)
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
                body = c.g.one([body], [*shift, f"fade=t=in:st=0:d={_num(d)}:color={c.bg()}",
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
    enable = f"between(t,{_num(fs / fps)},{_num((fe - 0.5) / fps)})"
    return f"overlay=x={_q(x)}:y={_q(y)}:eof_action=pass:enable={_q(enable)}"


def _overlay_track(c: _Ctx, base: str, track: Track) -> str:
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
        w = _even(c.width * seg.scale)
        h = c.height  # width is the share of the frame; height only capped by the frame
        fade = [f"format=rgba,colorchannelmixer=aa={_num(seg.opacity)}"] if seg.opacity < 1 else []
        if asset.kind is AssetKind.IMAGE:
            ov = _still(c, seg, n, w, h, motion=False, alpha=True, extra=fade, parts=part)[0]
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
_LAST_SPECS: list[tuple[Timeline, int, int, list[tuple[TextOverlay, Slot]]]] = []


def text_specs(timeline: Timeline, width: int, height: int, workdir: Path) -> list[tuple[TextOverlay, Slot]]:
    """Every text of ``timeline`` the layout keeps, as (overlay, slot), in drawing order, after
    `layout.hold_texts` (a merged text keeps its first part's id). Each text is first fitted to the largest slot a band offers (at most two lines, shrinking the font;
    one size per caption track), then laid out with its drawn size (`reelforge.render.layout`)."""
    last = _LAST_SPECS[-1] if _LAST_SPECS else None
    if last is None or last[0] is not timeline or last[1:3] != (width, height):
        last = (timeline, width, height, _text_specs(timeline, width, height))
        _LAST_SPECS[:] = [last]  # the timeline is frozen: the same object lays out the same
    return [(dataclasses.replace(s, path=workdir / s.path.name), slot) for s, slot in last[3]]


def _text_specs(timeline: Timeline, width: int, height: int) -> list[tuple[TextOverlay, Slot]]:
    from reelforge.render.layout import hold_texts
    from reelforge.render.legibility import scrims
    from reelforge.render.text import block_size, fitted_specs

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
                segment_id=seg.id, path=Path(f"text_{len(raw):02d}.png"), text=seg.text.upper() if shout else seg.text,
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
    specs = fitted_specs(raw)
    lay = timeline_layout(timeline, width, height, {s.segment_id: block_size(s, s.font_px) for s in specs})
    placed = [(s, lay.slots[s.segment_id]) for s in specs if s.segment_id in lay.slots]
    backdrops = scrims(timeline, width, height, [(s.segment_id, s.color, s.background, slot.box, slot.start, slot.end) for s, slot in placed])
    return [(dataclasses.replace(s, scrim=backdrops.get(s.segment_id, 0)), slot) for s, slot in placed]


def _text_overlays(c: _Ctx, base: str, workdir: Path) -> tuple[str, list[TextOverlay]]:
    look = get_style(c.tl.style)
    specs: list[TextOverlay] = []
    for spec, slot in text_specs(c.tl, c.width, c.height, workdir):
        fs, fe = c.frame(slot.start), c.frame(slot.end)
        if fe - fs <= 0:
            raise InvalidTimeline(f"text {spec.segment_id} is shorter than one frame at {c.fps} fps")
        # about the centre of its slot (the column's centre unless a subject pushed it aside),
        # so a scale-in grows in place
        x = f"{_num((slot.box[0] + slot.box[2]) / 2)}-w/2"
        y = f"{_num((slot.box[1] + slot.box[3]) / 2)}-h/2"
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
        # timestamps are timeline time (a window's frames only), shifted to its clock at the end
        filters = ["format=rgba", f"loop=loop={win[1] - win[0] - 1}:size=1:start=0",
                   f"setpts=(N+{win[0]})/({c.fps}*TB)"]
        r0, rd = _num(start), _num(max(fi, 1 / c.fps))  # the entrance ramps 0 -> 1: (t - r0) / rd

        if entrance == "scale" and fi > 0:
            # scale-in from 70 %, per frame on the small text picture only (eval=frame)
            k = f"(0.7+0.3*min(1,max(0,(t-{r0})/{rd})))"
            filters.append(f"scale=w={_q(f'2*trunc(iw*{k}/2)')}:h={_q(f'2*trunc(ih*{k}/2)')}:eval=frame")
        elif entrance == "slide" and fi > 0:
            # rises 4 % of the frame into place (overlay's t is the window's clock)
            tg = f"(t+{c.lo}/{c.fps})" if c.lo else "t"
            y = f"{y}+{round(c.height * 0.04)}*(1-min(1,max(0,({tg}-{r0})/{rd})))"
        filters.append("format=yuva420p")
        if fi > 0:
            filters.append(f"fade=t=in:st={_num(start)}:d={_num(fi)}:alpha=1")
        if fo > 0:
            filters.append(f"fade=t=out:st={_num(end - fo)}:d={_num(fo)}:alpha=1")
        if c.lo:
            filters.append(f"setpts=PTS-{c.lo}/({c.fps}*TB)")
        ov = c.g.one([f"{idx}:v"], filters, "txt")
        base = c.g.one([base, ov], [_overlay(x, y, fs - c.lo, fe - c.lo, c.fps)], "tov")
    return base, specs


# chroma steps of the full warm grade (warmth 1): blue-difference down, red-difference up, in
# the proportion of a tungsten-ish amber (a white wall under 3200 K light against 6500 K)
WARM_CB, WARM_CR = -14, 10


def _grade_filters(grade: Grade) -> list[str]:
    """``eq`` for contrast, brightness and saturation; black and white sets the chroma planes to
    their neutral value exactly (``eq`` at saturation 0 left them one step off: a green cast).
    Warmth shifts the two chroma planes (a table lookup on quarter-size planes: nearly free),
    so a warm black and white is sepia."""
    out = []
    sat = grade.saturation if grade.saturation > 0 else 1.0
    if (grade.contrast, grade.brightness, sat) != (1.0, 0.0, 1.0):
        out.append(f"eq=contrast={_num(grade.contrast)}:brightness={_num(grade.brightness)}:saturation={_num(sat)}")
    cb, cr = round(WARM_CB * grade.warmth), round(WARM_CR * grade.warmth)
    if grade.saturation == 0:
        out.append(f"lutyuv=u={128 + cb}:v={128 + cr}")
    elif cb or cr:
        out.append(f"lutyuv=u={_q(f'clip(val{cb:+d},16,240)')}:v={_q(f'clip(val{cr:+d},16,240)')}")
    return out


def _fade_frames(ms: int, fps: int, total: int) -> int:
    """Frames a fade of ``ms`` covers (at most the whole video); under two frames is no fade."""
    n = min(total, (ms * fps + 500) // 1000)
    return n if n >= 2 else 0


def _picture_fades(c: _Ctx, base: str) -> str:
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


def _video(c: _Ctx, workdir: Path) -> tuple[str, list[TextOverlay]]:
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


# -- audio -------------------------------------------------------------------------------

_AFMT = f"aformat=sample_fmts=fltp:sample_rates={SAMPLE_RATE}:channel_layouts=stereo"


def _afades(fade_in_ms: int, fade_out_ms: int, dur_ms: int) -> list[str]:
    out = []
    if fade_in_ms:
        out.append(f"afade=t=in:st=0:d={_s(min(fade_in_ms, dur_ms))}")
    if fade_out_ms:
        fo = min(fade_out_ms, dur_ms)
        out.append(f"afade=t=out:st={_s(dur_ms - fo)}:d={_s(fo)}")
    return out


def _audio_source(c: _Ctx, seg: AudioSegment) -> tuple[str, list[str]]:
    """An audio segment's source from its in-point, at least ``seg.duration`` long (the caller
    trims it), and the filters that put it in the mix format. A loop of the whole file repeats with
    ``-stream_loop`` (which restarts at the file's start, whatever ``-ss`` says). A loop of part of
    the file (a music bed without its silent lead-in or tail: ``loop_start_ms``..``loop_end_ms``)
    plays from the in-point to the loop end, then repeats that part, held in memory by ``aloop``
    (~23 MB a minute of it)."""
    asset = c.tl.asset(seg.src)
    source_ms = asset.duration_ms
    if not seg.loop or not source_ms:
        args = ["-stream_loop", "-1"] if seg.loop else []
        args += ["-ss", _s(seg.in_ms)] if seg.in_ms else []
        args += [] if seg.loop else ["-t", _s(seg.duration)]
        return f"{c.g.input(f'audio:{seg.id}', args, asset.path)}:a", [_AFMT]
    end = min(seg.loop_end_ms, source_ms) if seg.loop_end_ms is not None else source_ms
    in_ms = loop_position(seg.in_ms, seg.loop_start_ms, end, source_ms)
    if end - in_ms >= seg.duration:  # it never comes round
        args = [*(["-ss", _s(in_ms)] if in_ms else []), "-t", _s(seg.duration)]
        return f"{c.g.input(f'audio:{seg.id}', args, asset.path)}:a", [_AFMT]
    if seg.loop_start_ms == 0 and end == source_ms:
        args = ["-stream_loop", "-1", *(["-ss", _s(in_ms)] if in_ms else [])]
        return f"{c.g.input(f'audio:{seg.id}', args, asset.path)}:a", [_AFMT]
    body_ms = end - seg.loop_start_ms
    body = c.g.input(f"audio:{seg.id}:loop", [*(["-ss", _s(seg.loop_start_ms)] if seg.loop_start_ms else []),
                                               "-t", _s(body_ms)], asset.path)
    samples = (body_ms * SAMPLE_RATE + 999) // 1000
    looped = c.g.one([f"{body}:a"], [_AFMT, f"atrim=end_sample={samples}", "asetpts=PTS-STARTPTS",
                                     f"aloop=loop=-1:size={samples}"], "aloop")
    if in_ms == seg.loop_start_ms:
        return looped, []
    head = c.g.input(f"audio:{seg.id}", [*(["-ss", _s(in_ms)] if in_ms else []), "-t", _s(end - in_ms)], asset.path)
    first = c.g.one([f"{head}:a"], [_AFMT, "asetpts=PTS-STARTPTS"], "ahead")
    return c.g.one([first, looped], ["concat=n=2:v=0:a=1"], "asrc"), []


def _mix(c: _Ctx, labels: list[str], hint: str) -> str | None:
    if not labels:
        return None
    if len(labels) == 1:
        return labels[0]
    return c.g.one(labels, [f"amix=inputs={len(labels)}:normalize=0:duration=longest:dropout_transition=0",
                            _AFMT], hint)


def _audio_mix(c: _Ctx) -> str | None:
    """The mixed programme audio (padded/trimmed to the exact duration), or None if silent."""
    voice: list[str] = []
    ducked: list[str] = []
    depth = 1.0  # how far the ducked music steps back (the deepest of its pieces)
    clips: list[str] = []  # the clips' own sound (ducked music steps back under it too)
    plain: list[str] = []
    for track in c.tl.tracks:
        for seg in track.segments:
            if isinstance(seg, AudioSegment):
                src, fmt = _audio_source(c, seg)
                label = c.g.one([src], [
                    *fmt, f"atrim=duration={_s(seg.duration)}", "asetpts=PTS-STARTPTS",
                    f"volume={_num(seg.volume)}", *_afades(seg.fade_in_ms, seg.fade_out_ms, seg.duration),
                    f"adelay=delays={seg.start}:all=1" if seg.start else "",
                ], "aud")
                if track.role is Role.VOICE:
                    voice.append(label)
                elif track.role is Role.MUSIC and seg.duck:
                    ducked.append(label)
                    depth = max(depth, seg.duck_depth)
                else:
                    plain.append(label)
            elif (isinstance(seg, VideoSegment) and not seg.mute and seg.volume > 0
                  and c.tl.asset(seg.src).kind is AssetKind.VIDEO and c.tl.asset(seg.src).has_audio):
                idx = _clip_input(c, seg)
                label = c.g.one([f"{idx}:a"], [
                    _AFMT, "asetpts=PTS-STARTPTS", *_atempo(seg.speed),
                    f"atrim=duration={_s(seg.duration)}", f"volume={_num(seg.volume)}",
                    f"adelay=delays={seg.start}:all=1" if seg.start else "",
                ], "cla")
                clips.append(label)
    vmix = _mix(c, voice, "avo")
    cmix = _mix(c, clips, "acl")
    music = _mix(c, ducked, "amu")
    streams: list[str] = []
    if music and (vmix or cmix):
        # ducked music steps back under the voice and under the clips' own sound;
        # sidechaincompress stops with its shorter input: pad the key forever
        keys = []
        if vmix:
            vmix, key = c.g.chain([vmix], ["asplit=2"], "avs", outs=2)
            keys.append(key)
        if cmix:
            cmix, key = c.g.chain([cmix], ["asplit=2"], "acs", outs=2)
            keys.append(key)
        key = c.g.one([_mix(c, keys, "akm")], ["apad"], "akey")
        music = c.g.one([music, key], [
            f"sidechaincompress=threshold={_num(0.02 / depth ** 2)}:ratio=8:attack=20:release={_num(400 / depth)}:knee=4:makeup=1"],
            "duck")
    streams += [s for s in (vmix, music, cmix) if s]
    streams += plain
    if not streams:
        return None
    total = _s(c.tl.duration)
    mixed = _mix(c, streams, "amix") if len(streams) > 1 else streams[0]
    return c.g.one([mixed], [_AFMT, "asetpts=N/SR/TB", f"apad=whole_dur={total}", f"atrim=duration={total}",
                             "asetpts=PTS-STARTPTS"], "aprog")


def _finish_audio(c: _Ctx, mixed: str | None, loudness: LoudnessMeasure | None) -> str:
    total = _s(c.tl.duration)
    if mixed is None:
        c.g._n += 1
        label = f"asil{c.g._n}"
        c.g.chains.append(f"anullsrc=r={SAMPLE_RATE}:cl=stereo,atrim=duration={total}[{label}]")
        c.g._produced.add(label)
        return c.g.one([label], [_AFMT], "aout")
    if loudness is None:
        # no measurement (e.g. a dry compile): single-pass loudnorm, roughly on target
        norm = [f"loudnorm=I={_num(c.tl.loudness)}:TP={_num(TRUE_PEAK)}:LRA=11",
                f"aresample={SAMPLE_RATE}"]
    else:
        norm = _gain_chain(loudness, c.tl.loudness)
    return c.g.one([mixed], [*norm, _AFMT], "aout")


def _gain_chain(loudness: LoudnessMeasure, target: float) -> list[str]:
    """A plain gain to the target plus a true-peak-safe limiter. loudnorm's linear mode would
    silently fall back to dynamic mode whenever the gain pushes the true peak over the ceiling
    (typical for speech at -14 LUFS) and then misses by ~1.5 LU. The limiter takes loudness off
    too (-1.7 LU on a Piper voiceover): `LoudnessMeasure.makeup_db`, measured after it, puts it back.
    The limiter runs 4x oversampled (`LIMIT_OVERSAMPLE`): at the programme's rate it holds the
    samples under its ceiling but not the peaks between them, and a drum loop's kicks and hats
    then came out at +0.04 dBTP from a -1.5 dBFS ceiling (-0.55 dBTP after the AAC encode);
    oversampled, -1.46 dBTP and -1.16 dBTP (~0.2 s more a 20 s mix)."""
    gain = loudness.gain_db(target)
    limit = 10 ** (loudness.ceiling_db / 20)
    norm = [f"volume={gain:.2f}dB"]
    if limits(loudness, target):
        norm += [f"aresample={SAMPLE_RATE * LIMIT_OVERSAMPLE}",
                 f"alimiter=limit={limit:.4f}:attack=2:release=80:level=0:latency=1",
                 f"aresample={SAMPLE_RATE}"]
    return norm


def limits(loudness: LoudnessMeasure, target: float) -> bool:
    """Whether the gain to ``target`` needs the true-peak limiter."""
    return loudness.input_tp + loudness.gain_db(target) > loudness.ceiling_db


# -- public ------------------------------------------------------------------------------

def total_frames(timeline: Timeline) -> int:
    """Frames in the output (the duration rounded to the nearest frame)."""
    return (timeline.duration * timeline.fps + 500) // 1000


def _context(timeline: Timeline, quality: str, window: tuple[int, int] | None = None, *,
             chunk_motion: bool = False) -> _Ctx:
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
    shots = _moving_stills(timeline, width, height)
    caps = _chunk_caps(timeline, shots, width, height) if chunk_motion else _oversample_caps(shots, width, height)
    return _Ctx(timeline, _Graph(cap), width, height, fps, total, window, caps)


def _moving_stills(timeline: Timeline, w: int, h: int) -> list[tuple[str, framing.Path, float, float]]:
    """Stills of the main track whose view moves, with their view path and the size it is
    planned on (the same for a whole render and every chunk of it, so both pick the same
    motion filters)."""
    main = next((t for t in timeline.tracks if t.kind is TrackKind.VIDEO and t.role is Role.MAIN), None)
    out = []
    for seg in (main.segments if main else ()):
        if not isinstance(seg, VideoSegment) or seg.motion is Motion.NONE:
            continue
        asset = timeline.asset(seg.src)
        if asset.kind is not AssetKind.IMAGE:
            continue
        if seg.fit is Fit.COVER and asset.width and asset.height:
            path = _still_path(seg, seg.motion, asset.width, asset.height, w, h, subject=True)
            if path.moves:
                out.append((seg.id, path, float(asset.width), float(asset.height)))
        else:
            bw, bh, path = _whole_view(seg.motion, w, h, seg.motion_amount)
            out.append((seg.id, path, float(bw), float(bh)))
    return out


def _oversample_caps(shots: list[tuple[str, framing.Path, float, float]], w: int, h: int) -> dict[str, int]:
    """Each moving still's cap on its oversampled picture, all of them within
    `motion.BUDGET_PIXELS`. First every shot gets `motion.MIN_OVERSAMPLE` steps, those that
    cost least first (pans, enlarged along one axis, cost a fifth of a zoom), while the budget
    lasts; then what is left raises them towards the steps they ask for, again cheapest first,
    so pans, whose steps show most (x264's ``veryfast`` adds its own error to a pan's), get
    theirs. A shot left without `motion.MIN_OVERSAMPLE` steps moves by ``perspective`` (as
    smooth, ~4x the CPU). The order before (an equal share each, what pans left to zooms in
    timeline order) held the 16:9 framing timeline's pans at 5 steps: 0.276 px of jitter."""
    least = {}
    for sid, path, sw, sh in shots:
        a, b, bw, bh = _base_views(path, *_moving_box(path, sw, sh), w)
        least[sid] = motion.least_pixels(a, b, bw, bh)
    order = sorted(shots, key=lambda s: least[s[0]])  # (stable: timeline order among equals)
    caps, left = {}, motion.BUDGET_PIXELS
    for sid, *_ in order:
        fits = least[sid] <= min(left, motion.MAX_PIXELS)
        caps[sid] = least[sid] if fits else 0
        left -= least[sid] if fits else 0
    for sid, path, sw, sh in order:
        if caps[sid]:
            cap = min(motion.MAX_PIXELS, caps[sid] + left)
            px = _oversampled_px(path, sw, sh, w, h, cap) or 0
            left -= px - least[sid]
            caps[sid] = px
    return caps


def _chunk_caps(timeline: Timeline, shots: list[tuple[str, framing.Path, float, float]],
                w: int, h: int) -> dict[str, int]:
    """Each moving still's cap when the timeline is rendered in chunks (`chunks.plan_chunks`).

    A chunk's ffmpeg holds only the stills it shows, so those (its rolls included: the
    longest of `chunks.ROLLS`) share `motion.BUDGET_PIXELS` (`_oversample_caps`), not the whole
    timeline's stills; a still that several chunks show gets the smallest of its caps, so it
    moves by the same filter in each of them. On the reference job this turns the last zoom
    from ``perspective`` into a crop of an oversampled picture."""
    from reelforge.render.chunks import ROLLS, plan_chunks  # (chunks imports this module)

    if not shots:
        return {}
    fps = timeline.fps
    main = next(t for t in timeline.tracks if t.kind is TrackKind.VIDEO and t.role is Role.MAIN)
    shown = {seg.id: ((seg.start * fps + 500) // 1000, (seg.end * fps + 500) // 1000) for seg in main.segments}
    before, after = (max(r[i] for r in ROLLS.values()) for i in (0, 1))
    caps: dict[str, int] = {}
    for lo, hi in plan_chunks(timeline):
        group = [s for s in shots if shown[s[0]][0] < hi + after and shown[s[0]][1] > lo - before]
        for sid, cap in _oversample_caps(group, w, h).items():
            caps[sid] = min(cap, caps.get(sid, cap))
    return caps


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
    ``chunk_motion``: each moving still moves by the filter the chunks use (`_chunk_caps`),
    so the frames are theirs. This one process then holds every oversampled picture at once
    (ffmpeg keeps a looped still to the end of the graph): more memory than a whole render's
    own budget when many stills move.
    """
    output = Path(output)
    work = Path(workdir) if workdir is not None else output.parent
    c = _context(timeline, quality, chunk_motion=chunk_motion)
    vout, specs = _video(c, work)
    aout = _finish_audio(c, _audio_mix(c), loudness)
    graph = c.g.finish([vout, aout])
    script = work / "graph.txt"
    argv = [*_head()]
    for args in c.g.inputs:
        argv += args
    argv += ["-/filter_complex", str(script), "-map", f"[{vout}]", "-map", f"[{aout}]",
             *video_codec_args(quality, c.fps), *_force_keyframes(join_keyframes(keyframes)), *AUDIO_CODEC_ARGS,
             "-movflags", "+faststart", "-t", _s(timeline.duration),
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
    argv += ["-/filter_complex", str(script), "-map", f"[{vout}]", "-an",
             *video_codec_args(quality, c.fps), *_force_keyframes(keys), *drop,
             "-frames:v", str(c.hi - c.lo), "-f", "mp4", *_PROGRESS, str(output)]
    used = [s for s in specs if f"text:{s.segment_id}" in c.g._keys]
    return RenderCommand(argv=argv, filter_graph=graph, filter_script=script, overlays=tuple(used),
                         total_frames=c.hi - c.lo, duration_ms=round((c.hi - c.lo) * 1000 / c.fps),
                         width=c.width, height=c.height, fps=c.fps, output=output,
                         media=tuple(dict.fromkeys(c.g.media)), text_context=tuple(specs), keep=keep)


def _mixed(c: _Ctx, mixed: str | Path | None) -> str | None:
    """The programme mix: built from the timeline, or read back from ``mixed`` (`compile_mix`)."""
    if mixed is None:
        return _audio_mix(c)
    idx = c.g.input("audio:mix", [], mixed, media=False)
    return c.g.one([f"{idx}:a"], [_AFMT], "amixed")


def compile_mix(timeline: Timeline, output: str | Path, *, workdir: str | Path) -> RenderCommand | None:
    """The programme mix before its loudness gain, as 32-bit float WAV (no clipping, no codec),
    or None when the timeline is silent. A chunked export mixes once and measures and encodes
    that file (``mixed=`` of `compile_loudness_probe` and `compile_audio`): the sources are
    decoded, ducked and mixed once instead of once a pass. The file takes ~23 MB a minute of
    programme, in the export's temporary folder, until the encode has read it."""
    output = Path(output)
    c = _context(timeline, "draft")
    mixed = _audio_mix(c)
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
    aout = _finish_audio(c, _mixed(c, mixed), loudness)
    graph = c.g.finish([aout])
    script = Path(workdir) / "audio_out_graph.txt"
    argv = [*_head()]
    for args in c.g.inputs:
        argv += args
    argv += ["-/filter_complex", str(script), "-map", f"[{aout}]", "-vn", *AUDIO_CODEC_ARGS,
             "-t", _s(timeline.duration), "-f", "mp4", *_PROGRESS, str(output)]
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
    mix = _mixed(c, mixed)
    if mix is None:
        return None
    report = Path(workdir) / "loudness.txt"
    gain = _gain_chain(applied, timeline.loudness) if applied is not None else []
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
