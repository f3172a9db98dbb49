"""Ken Burns motion as whole-pixel crops of an oversampled still (pure: numbers and filter text).

A moving still is scaled once to ``k`` times the size its views need (`oversample`; along
the axes it moves on), so a whole-pixel crop of that picture is a 1/k-pixel step of the output. Each frame then crops
its view (`views`: the eased path of `reelforge.render.framing`, rounded at that scale) and
takes the nearest pixel of it for each output pixel (``neighbor``, see `filters`). The per-frame crop sizes and offsets travel as
data in the graph (a ``sendcmd`` in front of the ``crop``), computed here from the frame
index, so a chunk starting mid-shot makes exactly the frames a whole render makes.

Why not ``perspective``: it moves by 1/256 px but resamples every pixel through a per-pixel
table in plain C, ~22 ms a 1080p frame on this machine, more than x264 spends encoding it
(~18 ms). A 1/5-1/10 px crop plus a point-sampled downscale is ~5 ms, and the measured jitter (phase
correlation, `reelforge.render.quality`) stays under the 0.25 px target. The price is memory:
the oversampled still (under `MAX_PIXELS`, at most ~96 MB of 4:2:0 per moving shot; ~35 MB
for a 1080p pan, which is enlarged along its axis only), and all of a timeline's together
within `BUDGET_PIXELS`; a shot left without room moves by ``perspective``.
"""

from __future__ import annotations

import math

from reelforge.render import framing

OVERSAMPLE = 10  # crop steps of 1/10 output px where the view is tightest, memory permitting
MIN_OVERSAMPLE = 5  # coarser steps jitter: 0.30 px measured at 4 on a noisy 1080p zoom, 0.18 at 5
# (those figures, and the ones in `filters`, were read before `quality` refined its shifts)
MAX_PIXELS = 64_000_000  # one oversampled still, luma pixels (x1.5 bytes in 4:2:0)
# all of a timeline's oversampled stills together: ffmpeg keeps a looped frame until the whole
# graph ends, so a whole render holds every moving shot's picture at once (~180 MB of 4:2:0)
BUDGET_PIXELS = 120_000_000


def least_pixels(start: framing.Rect, end: framing.Rect, base_w: int, base_h: int) -> int:
    """Pixels of the oversampled picture at `MIN_OVERSAMPLE` steps on the axes the view moves
    along (``start``/``end`` on a base_w x base_h picture)."""
    mx, my = _moving_axes(start, end)
    return (MIN_OVERSAMPLE if mx else 1) * (MIN_OVERSAMPLE if my else 1) * base_w * base_h


def _moving_axes(start: framing.Rect, end: framing.Rect) -> tuple[bool, bool]:
    """Whether the view moves (or changes size) across, and down."""
    return start.x != end.x or start.w != end.w, start.y != end.y or start.h != end.h


def oversample(start: framing.Rect, end: framing.Rect, base_w: int, base_h: int, w: int, h: int,
               cap: int = MAX_PIXELS) -> tuple[int, int] | None:
    """How many times the base picture is enlarged across and down (``start``/``end`` in base
    pixels): an axis the view moves along gets 1/OVERSAMPLE-px steps of the output where the
    view is tightest; an axis it does not move along is not enlarged (a pan is 1-D), and the
    larger factor gives way until the picture fits ``cap`` (a 1080p zoom: 5 x 5 under
    `MAX_PIXELS`). None when an axis that moves would get fewer than `MIN_OVERSAMPLE`."""
    def want(moves: bool, out: int, tight: float) -> int:
        return math.ceil(OVERSAMPLE * max(1.0, out / max(tight, 1e-9)) - 1e-9) if moves else 1

    mx, my = _moving_axes(start, end)
    kx, ky = want(mx, w, min(start.w, end.w)), want(my, h, min(start.h, end.h))
    while kx * ky * base_w * base_h > cap and max(kx, ky) > 1:
        if kx >= ky:
            kx -= 1
        else:
            ky -= 1
    if (mx and kx < MIN_OVERSAMPLE) or (my and ky < MIN_OVERSAMPLE):
        return None
    return kx, ky


def views(start: framing.Rect, end: framing.Rect, n: int, first: int, count: int, k: tuple[int, int],
          size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """(w, h, x, y) crops of the ``k``-times (across, down) picture of ``size`` for shot frames
    ``first .. first + count - 1`` of an ``n``-frame shot (``start``/``end`` in base pixels)."""
    last = max(1, n - 1)
    (kx, ky), (kw, kh) = k, size
    out = []
    for i in range(first, first + count):
        e = framing.ease(i / last)
        x, y = start.x + (end.x - start.x) * e, start.y + (end.y - start.y) * e
        vw, vh = start.w + (end.w - start.w) * e, start.h + (end.h - start.h) * e
        cw, ch = min(kw, max(2, round(vw * kx))), min(kh, max(2, round(vh * ky)))
        # the crop's centre, not its corner, rounded: a zoom's size steps then move it by half steps
        cx = min(max(0, round((x + vw / 2) * kx - cw / 2)), kw - cw)
        cy = min(max(0, round((y + vh / 2) * ky - ch / 2)), kh - ch)
        out.append((cw, ch, cx, cy))
    return out


def filters(crops: list[tuple[int, int, int, int]], name: str, fps: int, w: int, h: int) -> list[str]:
    """Per-frame filters: a ``sendcmd`` that sets the crop before each frame, the crop, the scale.

    The stream's frame ``i`` has timestamp ``i / fps``; its command fires half a frame before.
    The crop is scaled down by point sampling (``neighbor``): each output pixel takes the
    oversampled picture's pixel nearest to it, a 1/k-px position of a picture already smooth at
    that scale (`stills._view_filters` band-limits it to the output's resolution before enlarging it),
    so the frame is the picture resampled at 1/k-px accuracy. It reads one row of the picture per
    output row: ~5 ms a 1080p frame from a 5x5 picture, where ``fast_bilinear`` (a tent over k
    rows), used before, took ~10 ms and ``bilinear`` (an area average both ways) ~27 ms; on the
    reference job the moving frames' filters went from 9.4 to 5.3 s of CPU. The motion's steps
    are the crop's whichever way it is scaled, so the jitter does not change (measured, `quality`)."""
    target = f"crop@{name}"
    cmds = []
    prev = crops[0]
    for i, cur in enumerate(crops[1:], 1):
        sets = [f"{target} {key} {v}" for key, v, old in zip("whxy", cur, prev, strict=True) if v != old]
        if sets:
            cmds.append(f"{(i - 0.5) / fps:.6f} " + ",".join(sets) + ";")
        prev = cur
    cw, ch, cx, cy = crops[0]
    out = [f"sendcmd=c='{' '.join(cmds)}'"] if cmds else []
    return [*out, f"{target}=w={cw}:h={ch}:x={cx}:y={cy}:exact=1",
            f"scale={w}:{h}:flags=neighbor"]
