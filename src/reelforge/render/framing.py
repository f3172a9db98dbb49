"""Where the frame looks in a picture: the cover window, the zoom target and the pan path (pure).

Every shot is described by two view rectangles in source pixels, ``start`` and ``end``, of the
output's aspect; the renderer eases from one to the other (`ease`). A subject box, when known,
stays whole inside both, and so inside every frame between them (a rectangle interpolated
between two rectangles that contain a box contains it too):

* **still**: one window, the largest of the output's aspect, centred on the subject and
  pushed back inside the picture;
* **zoom**: from that window to one ``1 + amount`` times smaller (less when the subject would
  not fit), centred on the subject as far as the picture allows;
* **pan**: a window ``1 + amount`` times smaller travels ``amount`` of its width (or height)
  along the axis, only over positions where the subject stays inside (shorter, or not at all,
  when there is no room).

``amount`` is the segment's ``motion_amount`` (12 % unless the user asked for a subtler or a
stronger move).

`crop_holds` says whether a window of the output's aspect can hold the subject: all of a precise
box's core (a face), or the core and at least `KEEP` of a loose (saliency) box, which is only an
estimate of how far the subject reaches; when it cannot, the shot is shown whole over a blurred
fill instead (the planner's job). A box larger than the view is not chased: with a core that
fits (a face), a moving shot zooms out from a view on the core to the widest view; otherwise the
view stays centred on it, no zoom or pan that would give up more of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reelforge.timeline.model import MOTION_AMOUNT, Motion, VideoSegment

ZOOM = PAN = MOTION_AMOUNT  # the usual move: a slow zoom covers 12 % over the shot, a pan travels 12 % of its window
MARGIN = 0.04  # room kept around a subject box, as a share of its size on each side
KEEP = 0.92  # the least share of a loose subject box a crop must keep (measured: docs/framing.md)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def contains(self, other: Rect, tol: float = 1e-6) -> bool:
        return (other.x >= self.x - tol and other.y >= self.y - tol
                and other.x + other.w <= self.x + self.w + tol and other.y + other.h <= self.y + self.h + tol)

    def union(self, other: Rect) -> Rect:
        x0, y0 = min(self.x, other.x), min(self.y, other.y)
        x1 = max(self.x + self.w, other.x + other.w)
        y1 = max(self.y + self.h, other.y + other.h)
        return Rect(x0, y0, x1 - x0, y1 - y0)


@dataclass(frozen=True)
class Path:
    """The view at the first and the last frame of a shot (source pixels)."""

    start: Rect
    end: Rect

    @property
    def moves(self) -> bool:
        return self.start != self.end

    @property
    def span(self) -> Rect:
        return self.start.union(self.end)


def ease(q: float) -> float:
    """Sine ease-in-out: still at both ends, no sudden change of speed anywhere."""
    import math

    return 0.5 - 0.5 * math.cos(math.pi * min(max(q, 0.0), 1.0))


CARD_LOGO = (0.6, 0.4)  # most of the frame's width and height a logo shown whole on its backdrop fills
CARD_OBJECT = (0.8, 0.7)  # the same for a product cut out (an e-commerce picture keeps room around it)


def card_room(src_w: float, src_h: float, box: tuple[float, float, float, float], out_w: int, out_h: int,
              most: tuple[float, float]) -> float:
    """The share of the frame (`VideoSegment.scale`) a picture shown whole may fill so that its
    visible part ``box`` (shares of the picture) spans at most ``most`` of the frame's width and
    height: a logo end card keeps space around the logo instead of touching the frame's edges.

    >>> card_room(800, 800, (0.0625, 0.0625, 0.9375, 0.9375), 1080, 1920, CARD_LOGO)
    0.68
    >>> card_room(1000, 250, (0, 0, 1, 1), 1920, 1080, CARD_LOGO)
    0.6
    """
    if src_w <= 0 or src_h <= 0:
        return 1.0
    k = min(out_w / src_w, out_h / src_h)
    bw, bh = (box[2] - box[0]) * src_w * k, (box[3] - box[1]) * src_h * k
    room = min(1.0, most[0] * out_w / max(bw, 1.0), most[1] * out_h / max(bh, 1.0))
    return max(0.2, math.floor(room * 100) / 100)


def subject_rect(src_w: float, src_h: float, subject: tuple[float, float, float, float] | None,
                 focus: tuple[float, float] | None = None, margin: float = MARGIN) -> Rect | None:
    """The subject box (x0, y0, x1, y1 as shares) in source pixels, with ``margin`` around it and
    clipped to the picture;
    a focus point alone gives a zero-size box (the view is centred on it); None without either."""
    if subject is not None:
        x0, y0, x1, y1 = subject
        mx, my = (x1 - x0) * margin, (y1 - y0) * margin
        x0, y0 = max(0.0, x0 - mx), max(0.0, y0 - my)
        x1, y1 = min(1.0, x1 + mx), min(1.0, y1 + my)
        return Rect(x0 * src_w, y0 * src_h, (x1 - x0) * src_w, (y1 - y0) * src_h)
    if focus is not None and tuple(focus) != (0.5, 0.5):
        return Rect(focus[0] * src_w, focus[1] * src_h, 0.0, 0.0)
    return None


def largest(src_w: float, src_h: float, aspect: float) -> tuple[float, float]:
    """The largest window of ``aspect`` (w/h) inside the picture."""
    if src_w / src_h > aspect:
        return src_h * aspect, src_h
    return src_w, src_w / aspect


def holds(src_w: float, src_h: float, aspect: float, subject: Rect | None) -> bool:
    """Whether some window of ``aspect`` inside the picture holds the whole subject."""
    if subject is None:
        return True
    cw, ch = largest(src_w, src_h, aspect)
    return subject.w <= cw + 1e-6 and subject.h <= ch + 1e-6


def crop_holds(src_w: float, src_h: float, aspect: float, subject: Rect | None, core: Rect | None = None,
               keep: float = KEEP) -> bool:
    """Whether the largest window of ``aspect`` holds the ``core`` whole and ``keep`` of the
    ``subject`` box's area (``keep=1``: all of it; ``keep=0``: the core alone)."""
    if subject is None:
        return True
    cw, ch = largest(src_w, src_h, aspect)
    if core is not None and not holds(src_w, src_h, aspect, core):
        return False
    kept = min(1.0, cw / subject.w if subject.w else 1.0) * min(1.0, ch / subject.h if subject.h else 1.0)
    return kept >= keep - 1e-9


def _place(size: float, span: float, lo_edge: float, hi_edge: float, centre: float) -> float:
    """Offset of a window of ``size`` inside [0, span], centred on ``centre`` but keeping
    [lo_edge, hi_edge] inside when it can."""
    x = centre - size / 2
    if hi_edge - lo_edge <= size:
        x = min(max(x, hi_edge - size), lo_edge)
    return min(max(x, 0.0), max(0.0, span - size))


HEADROOM = 1 / 3  # a move with no subject found: the share of the height it gives up that is taken above


def window(src_w: float, src_h: float, w: float, h: float, subject: Rect | None) -> Rect:
    """A ``w`` x ``h`` window on the subject (centred as the picture's edges allow)."""
    if subject is None:
        return Rect((src_w - w) / 2, (src_h - h) / 2, w, h)
    x = _place(w, src_w, subject.x, subject.x + subject.w, subject.cx)
    y = _place(h, src_h, subject.y, subject.y + subject.h, subject.cy)
    return Rect(x, y, w, h)


def _closer(full: Rect, w: float, h: float) -> Rect:
    """A smaller view inside ``full`` when no subject was found: centred across, on the upper third
    down. A zoom or pan then gives up twice as much below as above, where people's heads (a face cut
    at the picture's top edge, too small or turned away for the detectors) are not."""
    return Rect(full.x + (full.w - w) / 2, full.y + (full.h - h) * HEADROOM, w, h)


def _shrink(cw: float, ch: float, k: float, subject: Rect | None) -> float:
    """The largest factor <= k by which the window may shrink and still hold the subject."""
    if subject is None or k <= 1:
        return max(1.0, k)
    room = min(cw / subject.w if subject.w else k, ch / subject.h if subject.h else k)
    return max(1.0, min(k, room))


def _fits(w: float, h: float, r: Rect) -> bool:
    return r.w <= w + 1e-6 and r.h <= h + 1e-6


def _reveal(src_w: float, src_h: float, cw: float, ch: float, motion: Motion, subject: Rect, core: Rect,
            amount: float) -> Path:
    """A subject box larger than the largest window whose core fits: that window centred on the
    box as far as it can while holding the core; a moving shot zooms out to it from a window up
    to ``1 + amount`` smaller on the core (the core whole in every frame, the most of the box at
    the end)."""
    x = _place(cw, src_w, core.x, core.x + core.w, subject.cx)
    y = _place(ch, src_h, core.y, core.y + core.h, subject.cy)
    wide = Rect(x, y, cw, ch)
    k = _shrink(cw, ch, 1 + amount, core)
    if motion is Motion.NONE or k <= 1 + 1e-6:
        return Path(wide, wide)
    return Path(window(src_w, src_h, cw / k, ch / k, core), wide)


def plan(src_w: float, src_h: float, out_w: int, out_h: int, motion: Motion,
         subject: Rect | None = None, core: Rect | None = None, amount: float = MOTION_AMOUNT) -> Path:
    """The view path of one shot (see the module doc); ``amount``: how far its move goes."""
    aspect = out_w / out_h
    cw, ch = largest(src_w, src_h, aspect)
    if subject is not None and core is not None and not _fits(cw, ch, subject) and _fits(cw, ch, core):
        return _reveal(src_w, src_h, cw, ch, motion, subject, core, amount)
    full = window(src_w, src_h, cw, ch, subject)
    if motion in (Motion.ZOOM_IN, Motion.ZOOM_OUT):
        k = _shrink(cw, ch, 1 + amount, subject)
        tight = window(src_w, src_h, cw / k, ch / k, subject) if subject is not None else _closer(full, cw / k, ch / k)
        return Path(full, tight) if motion is Motion.ZOOM_IN else Path(tight, full)
    if motion is Motion.NONE:
        return Path(full, full)
    k = _shrink(cw, ch, 1 + amount, subject)
    vw, vh = cw / k, ch / k
    home = window(src_w, src_h, vw, vh, subject) if subject is not None else _closer(full, vw, vh)
    horizontal = motion in (Motion.PAN_LEFT, Motion.PAN_RIGHT)
    size, span = (vw, src_w) if horizontal else (vh, src_h)
    at = home.x if horizontal else home.y
    # positions that keep the view inside the picture and the subject inside the view
    lo, hi = 0.0, span - size
    if subject is not None:
        s0, s1 = (subject.x, subject.x + subject.w) if horizontal else (subject.y, subject.y + subject.h)
        lo, hi = max(lo, s1 - size), min(hi, s0)
        if lo > hi:  # the subject is larger than the view: stay centred on it
            lo = hi = min(max(at, 0.0), span - size)
    travel = min(amount * size, max(0.0, hi - lo))
    a = min(max(at - travel / 2, lo), max(lo, hi - travel))
    b = a + travel
    if motion in (Motion.PAN_LEFT, Motion.PAN_UP):  # the view travels left/up
        a, b = b, a
    if horizontal:
        return Path(Rect(a, home.y, vw, vh), Rect(b, home.y, vw, vh))
    return Path(Rect(home.x, a, vw, vh), Rect(home.x, b, vw, vh))


def shot_plan(seg: VideoSegment, src_w: float, src_h: float, out_w: int, out_h: int,
              motion: Motion | None = None) -> Path:
    """`plan` for a cover shot's picture with its subject box (or focus point) and, with a
    subject, its core, as the renderer, the text layout and the checks all read them.
    ``motion``: the segment's own unless given."""
    box = subject_rect(src_w, src_h, seg.subject, seg.focus)
    core = subject_rect(src_w, src_h, seg.core) if seg.subject and seg.core else None
    return plan(src_w, src_h, out_w, out_h, seg.motion if motion is None else motion, box, core, seg.motion_amount)


MIN_TRAVEL = 0.25  # the least share of its amount a still's move must travel to count as a move
# what a move with no room tries instead, in turn: the other axis first (a portrait picture in a
# landscape crop has no room across but may have some up and down), then the zooms, then the pans
_INSTEAD = {
    Motion.PAN_RIGHT: (Motion.PAN_DOWN, Motion.PAN_UP, Motion.ZOOM_IN, Motion.ZOOM_OUT),
    Motion.PAN_LEFT: (Motion.PAN_UP, Motion.PAN_DOWN, Motion.ZOOM_OUT, Motion.ZOOM_IN),
    Motion.PAN_DOWN: (Motion.PAN_RIGHT, Motion.PAN_LEFT, Motion.ZOOM_IN, Motion.ZOOM_OUT),
    Motion.PAN_UP: (Motion.PAN_LEFT, Motion.PAN_RIGHT, Motion.ZOOM_OUT, Motion.ZOOM_IN),
    Motion.ZOOM_IN: (Motion.ZOOM_OUT, Motion.PAN_RIGHT, Motion.PAN_DOWN, Motion.PAN_LEFT, Motion.PAN_UP),
    Motion.ZOOM_OUT: (Motion.ZOOM_IN, Motion.PAN_LEFT, Motion.PAN_UP, Motion.PAN_RIGHT, Motion.PAN_DOWN),
}


def travel(path: Path) -> float:
    """How far a view path moves: the most its centre travels or its size changes, as a share of
    the wider view (a 12 % pan: 0.12; a zoom closing 12 %: 0.107; a still: 0)."""
    a, b = path.start, path.end
    w, h = max(a.w, b.w, 1e-9), max(a.h, b.h, 1e-9)
    return max(abs(a.cx - b.cx) / w, abs(a.cy - b.cy) / h, abs(a.w - b.w) / w, abs(a.h - b.h) / h)


def moving_motion(seg: VideoSegment, src_w: float, src_h: float, out_w: int, out_h: int) -> Motion:
    """The move a cropped still (cover) can make in a ``out_w`` x ``out_h`` frame: its own when its
    view travels at least `MIN_TRAVEL` of its amount, else the first move that does (`_INSTEAD`),
    else its own if it moves at all, else none. A pan has no room along an axis the crop already
    fills, and a subject as large as the crop holds every move still (`plan`): Grace Hopper's
    512x600 portrait in 16:9 (her head box taller than the crop) was labelled "pan-right" and
    held still."""
    own = seg.motion
    if own is Motion.NONE:
        return own
    need = seg.motion_amount * MIN_TRAVEL
    moved = travel(shot_plan(seg, src_w, src_h, out_w, out_h))
    if moved >= need - 1e-9:
        return own
    for m in _INSTEAD.get(own, ()):
        if travel(shot_plan(seg, src_w, src_h, out_w, out_h, m)) >= need - 1e-9:
            return m
    return own if moved > 1e-6 else Motion.NONE
