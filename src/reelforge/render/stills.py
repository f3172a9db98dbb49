"""Pictures in the filter graph (pure): any picture fitted to the frame, stills and their motion.

* **Stills** are decoded once (a single-frame image input, never ``-loop 1``, which would
  decode a 12 MP JPEG for every frame), cropped once to the part the shot shows and scaled
  once so its tightest view is at the output's resolution, repeated with ``loop=size=1`` and
  given exact timestamps (``setpts=N/fps/TB``). What the frame shows is planned by
  `reelforge.render.framing` as a view rectangle at the first and last frame (the subject box
  whole in both); a moving view eases between them (sine ease-in-out) as whole-pixel crops
  of the still oversampled 5-10x, i.e. 1/5-1/10 px steps of the output, each scaled to the
  frame (`reelforge.render.motion`). Crops at the output's own scale (and ``zoompan``) step
  by whole pixels: measured 0.9-1.8 px of frame-to-frame jitter against 0.04-0.2 px now;
  ``perspective`` moved as smoothly at ~3.5x the CPU (~22 ms a 1080p frame). See `still`.
* **Fit**: a picture covers the frame (scaled, then cropped), is contained in it (padded with
  the background colour) or is contained over a blurred cover copy of itself (`fit_stream`,
  which fits clips too). A contained or blurred still that moves is composed larger than the
  frame, and its motion moves inside that (`whole_view`).
* **Focus**: a segment's ``subject`` box (or its ``focus`` point; shares of the source) places
  the cover crop, the zoom target and the pan path (`framing.plan`); clips use the focus point
  for their cover crop. Without either, the centre.
* **Motion budget**: ffmpeg keeps a looped still to the end of the graph, so the oversampled
  pictures of one graph share `motion.BUDGET_PIXELS` (`oversample_caps`); in a chunked export
  each chunk's graph holds only its own stills (`chunk_caps`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from reelforge.render import framing, motion
from reelforge.render.graph import Ctx, even_px, ff_color, num, quoted
from reelforge.timeline.model import AssetKind, Fit, Motion, Role, Timeline, TrackKind, VideoSegment

ZOOM = framing.ZOOM


# -- fit and focus -----------------------------------------------------------------------

Focus = tuple[float, float]


def focus_of(seg: VideoSegment) -> Focus | None:
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
    x = f"min(max(iw*{num(fx)}-{w / 2:g},0),iw-{w})"
    y = f"min(max(ih*{num(fy)}-{h / 2:g},0),ih-{h})"
    return f"crop=w={w}:h={h}:x={quoted(x)}:y={quoted(y)}"


def _fit_filters(fit: Fit, w: int, h: int, bg: str, focus: Focus | None = None) -> list[str]:
    if fit is Fit.CONTAIN:
        return [f"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2:out_range=tv",
                f"pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color={bg}"]
    return [f"scale={w}:{h}:force_original_aspect_ratio=increase:force_divisible_by=2:out_range=tv",
            _cover_crop(w, h, focus)]


def fit_stream(c: Ctx, src: str, fit: Fit, w: int, h: int, pre: list[str], focus: Focus | None = None,
               inner: tuple[int, int, int, int] | None = None, color: str | None = None) -> str:
    """Fit a stream into w x h. Blur: a blurred cover copy behind a contained copy. ``inner``
    (x, y, w, h): where a contained picture goes (default: the whole frame), e.g. the part of a
    moving still's composed frame that every view of it shows. ``color``: around a contained
    picture (ffmpeg's 0xRRGGBB; default the timeline's background)."""
    bg = color or c.bg()
    if fit is Fit.COVER or (fit is Fit.CONTAIN and inner is None):
        return c.g.one([src], [*pre, *_fit_filters(fit, w, h, bg, focus), "setsar=1"], "fit")
    ix, iy, iw, ih = inner or (0, 0, w, h)
    contain = f"scale={iw}:{ih}:force_original_aspect_ratio=decrease:force_divisible_by=2:out_range=tv"
    if fit is Fit.CONTAIN:
        return c.g.one([src], [*pre, contain, f"pad={w}:{h}:{ix}+({iw}-iw)/2:{iy}+({ih}-ih)/2:color={bg}",
                               "setsar=1"], "fit")
    a, b = c.g.chain([src], [*pre, "split=2"], "bsp", outs=2)
    small_w, small_h = even_px(w / 8), even_px(h / 8)
    back = c.g.one([a], [*_fit_filters(Fit.COVER, small_w, small_h, c.bg(), focus),
                         "boxblur=4:2", f"scale={w}:{h}:flags=bilinear", "setsar=1"], "bbg")
    front = c.g.one([b], [contain, "setsar=1"], "bfg")
    at = "overlay=(W-w)/2:(H-h)/2" if inner is None else f"overlay={ix}+({iw}-w)/2:{iy}+({ih}-h)/2"
    return c.g.one([back, front], [at, "setsar=1"], "blr")


# -- a still and its motion --------------------------------------------------------------

def shown_by_every_view(path: framing.Path) -> tuple[int, int, int, int]:
    """(x, y, w, h): the part of a composed frame that every view of ``path`` shows (the tight
    end of a zoom, what a pan never leaves), whole pixels inside it. A contained or blurred still
    goes there, so its motion never crops the picture it promises whole (a logo's end letters, a
    page's line ends were cut by the 12 % zoom)."""
    a, b = path.start, path.end
    x0, y0 = max(a.x, b.x), max(a.y, b.y)
    x1, y1 = min(a.x + a.w, b.x + b.w), min(a.y + a.h, b.y + b.h)
    x, y = math.ceil(x0), math.ceil(y0)
    return x, y, max(2, even_px(math.floor(x1) - x - 1)), max(2, even_px(math.floor(y1) - y - 1))


def _lerp(a: float, b: float, e: str) -> str:
    return num(a) if abs(b - a) < 1e-9 else f"{num(a)}+{num(b - a)}*{e}"


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
        once.append(f"crop=w={quoted(f'iw*{num((x1 - x0) / src_w)}')}:h={quoted(f'ih*{num((y1 - y0) / src_h)}')}"
                    f":x={quoted(f'iw*{num(x0 / src_w)}')}:y={quoted(f'ih*{num(y0 / src_h)}')}:exact=1")
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
    bw, bh = even_px((x1 - x0) * k), even_px((y1 - y0) * k)
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
    persp = (f"perspective=x0={quoted(vx)}:y0={quoted(vy)}:x1={quoted(right)}:y1={quoted(vy)}"
             f":x2={quoted(vx)}:y2={quoted(bottom)}:x3={quoted(right)}:y3={quoted(bottom)}"
             ":interpolation=linear:sense=source:eval=frame")
    return [persp, f"crop={w}:{h}:0:0"]


def _base_scale(path: framing.Path, w: int) -> float:
    """Base px per source px for a moving view: the tightest view at the output's resolution,
    but never enlarging the source beyond what the widest view needs (a source smaller than
    the zoom's tight end gains nothing from a larger base, and the oversampled picture's
    memory grows with the base)."""
    tight, wide = w / min(path.start.w, path.end.w), w / max(path.start.w, path.end.w)
    return max(wide, min(tight, 1.0))


def still_path(seg: VideoSegment, motion: Motion, src_w: float, src_h: float, w: int, h: int,
               subject: bool) -> framing.Path:
    if subject:
        return framing.shot_plan(seg, src_w, src_h, w, h, motion)
    return framing.plan(src_w, src_h, w, h, motion, amount=seg.motion_amount)


def _base_size(motion: Motion, w: int, h: int, amount: float = ZOOM) -> tuple[int, int]:
    """A contained/blurred frame composed larger than the frame, for the motion to move in."""
    return whole_view(motion, w, h, amount)[:2]


def whole_view(motion: Motion, w: int, h: int, amount: float = ZOOM) -> tuple[int, int, framing.Path]:
    """(composed width, height, view path) of a contained or blurred still: the frame composed
    larger than the output for its motion to move in (``amount``: the segment's
    ``motion_amount``). A zoom: ``1 + amount`` times larger both ways, the view from the whole
    of it to the middle (`framing.plan`). A pan: larger along its axis only, by half the amount
    of the frame, the view the frame's own size from one end to the other: the picture (placed
    inside what every view shows, `shown_by_every_view`) keeps its full size across the pan
    and gives up only that share along it (a 12 % pan of a composed frame 12 % larger both ways
    cut its top and bottom and, placed whole, shrank it 12 %)."""
    if motion is Motion.NONE:
        return w, h, framing.Path(framing.Rect(0, 0, w, h), framing.Rect(0, 0, w, h))
    if motion in (Motion.ZOOM_IN, Motion.ZOOM_OUT):
        bw, bh = even_px(w * (1 + amount)), even_px(h * (1 + amount))
        return bw, bh, framing.plan(bw, bh, w, h, motion, amount=amount)
    across = motion in (Motion.PAN_LEFT, Motion.PAN_RIGHT)
    drift = amount / 2  # a picture shown whole drifts by half the amount of the frame
    bw, bh = (even_px(w * (1 + drift)), h) if across else (w, even_px(h * (1 + drift)))
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


def still(c: Ctx, seg: VideoSegment, n: int, w: int, h: int, *, motion: bool = True,
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
    backdrop = ff_color(seg.backdrop) if seg.backdrop else None
    src = f"{idx}:v" if alpha or _is_jpeg(asset.path, asset.format) else _opaque(c, f"{idx}:v", backdrop)
    if alpha:
        base = c.g.one([src], [f"scale={w}:{h}:force_original_aspect_ratio=decrease:force_divisible_by=2",
                                      "setsar=1", *(extra or []), f"format={pix}"], "img")
        view: tuple[framing.Path, float, float] | None = None
    elif seg.fit is Fit.COVER and asset.width and asset.height:
        # the view path is planned on the picture itself (subject box or focus point)
        path = still_path(seg, mo, asset.width, asset.height, w, h, subject=True)
        once = _view_filters(path, asset.width, asset.height, w, h, n, 0, count=1, cap=c.cap_of(seg.id))[0]
        base = c.g.one([src], [*once, "setsar=1", f"format={pix}"], "img")
        view = (path, asset.width, asset.height)
    else:
        # contain/blur (or an unknown size): the composed frame, made larger for the motion
        bw, bh, path = whole_view(mo, w, h, seg.motion_amount)
        inner = shown_by_every_view(path) if path.moves else None
        crop = card_crop(seg)
        if seg.fit is Fit.CONTAIN and seg.scale < 1:  # a card: the picture in the middle of the frame it may fill
            inner = card_box(inner or (0, 0, bw, bh), seg.scale)
        pre = [] if crop is None else [f"crop=iw*{num(crop[2] - crop[0])}:ih*{num(crop[3] - crop[1])}:"
                                       f"iw*{num(crop[0])}:ih*{num(crop[1])}"]
        fitted = fit_stream(c, src, seg.fit, bw, bh, pre, focus_of(seg), inner, backdrop)
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
                                name=c.g.name("mv"), cap=c.cap_of(seg.id))[1] if view else []
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


def card_box(inner: tuple[int, int, int, int], room: float) -> tuple[int, int, int, int]:
    """The middle ``room`` (each way) of a box (x, y, w, h), whole even pixels.

    >>> card_box((0, 0, 1080, 1920), 0.6)
    (216, 384, 648, 1152)
    """
    x, y, w, h = inner
    nw, nh = max(2, even_px(w * room)), max(2, even_px(h * room))
    return x + (w - nw) // 2, y + (h - nh) // 2, nw, nh


def card_crop(seg: VideoSegment) -> tuple[float, float, float, float] | None:
    """The part of a card's picture that is shown (x0, y0, x1, y1 as shares): its visible part
    (the subject box of a logo or a cut-out, its see-through margins left out, so the logo sits
    in the middle of the frame however the file was padded), or None for no card."""
    if seg.fit is not Fit.CONTAIN or seg.scale >= 1 or seg.subject is None:
        return None
    return tuple(seg.subject)  # type: ignore[return-value]


def _opaque(c: Ctx, src: str, color: str | None = None) -> str:
    """A picture shown as a shot, its transparency (a product cut-out's, a logo's) over
    ``color`` (0xRRGGBB: `VideoSegment.backdrop`), else the video's background colour (a JPEG
    has none: not called). Left alone, the encoder dropped the alpha and showed whatever colour
    the file keeps under transparent pixels (green, in one), and a soft shadow as a solid black
    bar."""
    fg, under = c.g.chain([src], ["format=rgba", "split=2"], "cut", outs=2)
    bg = c.g.one([under], [f"drawbox=x=0:y=0:w=iw:h=ih:color={color or c.bg()}@1:t=fill:replace=1"], "cbg")
    return c.g.one([bg, fg], ["overlay=format=rgb"], "opq")


def _still_need(seg: VideoSegment, mo: Motion, asset, w: int, h: int) -> tuple[int, int]:
    """The size (source-shaped) the decoded picture must at least have for this shot."""
    if seg.fit is Fit.COVER and asset.width and asset.height:
        path = still_path(seg, mo, asset.width, asset.height, w, h, subject=True)
        k = _base_scale(path, w)
        return even_px(asset.width * k), even_px(asset.height * k)
    return _base_size(mo, w, h, seg.motion_amount)


# -- the motion budget -------------------------------------------------------------------

def moving_stills(timeline: Timeline, w: int, h: int) -> list[tuple[str, framing.Path, float, float]]:
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
            path = still_path(seg, seg.motion, asset.width, asset.height, w, h, subject=True)
            if path.moves:
                out.append((seg.id, path, float(asset.width), float(asset.height)))
        else:
            bw, bh, path = whole_view(seg.motion, w, h, seg.motion_amount)
            out.append((seg.id, path, float(bw), float(bh)))
    return out


def oversample_caps(shots: list[tuple[str, framing.Path, float, float]], w: int, h: int) -> dict[str, int]:
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


def chunk_caps(timeline: Timeline, shots: list[tuple[str, framing.Path, float, float]],
               w: int, h: int, ranges: Iterable[tuple[int, int]]) -> dict[str, int]:
    """Each moving still's cap when the timeline is rendered in chunks: ``ranges`` are the
    output frames each chunk's ffmpeg makes, its rolls included (`chunks.plan_chunks`, the
    longest of `chunks.ROLLS`).

    A chunk's ffmpeg holds only the stills it shows, so those share `motion.BUDGET_PIXELS`
    (`oversample_caps`), not the whole timeline's stills; a still that several chunks show gets
    the smallest of its caps, so it moves by the same filter in each of them. On the reference
    job this turns the last zoom from ``perspective`` into a crop of an oversampled picture."""
    if not shots:
        return {}
    fps = timeline.fps
    main = next(t for t in timeline.tracks if t.kind is TrackKind.VIDEO and t.role is Role.MAIN)
    shown = {seg.id: ((seg.start * fps + 500) // 1000, (seg.end * fps + 500) // 1000) for seg in main.segments}
    caps: dict[str, int] = {}
    for lo, hi in ranges:
        group = [s for s in shots if shown[s[0]][0] < hi and shown[s[0]][1] > lo]
        for sid, cap in oversample_caps(group, w, h).items():
            caps[sid] = min(cap, caps.get(sid, cap))
    return caps
