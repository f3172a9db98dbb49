"""Legible text on any picture: a soft backdrop behind a text only where its picture needs one.

A white title with a soft shadow and a thin outline reads well on most photographs, but over a
white product, a page or a bright sky it is white on near-white. For every text drawn with the
shadow treatment, `scrims` looks at what the frame shows under the text's box while it is on
screen (each still shot it overlaps, at the text's first, middle and last frame, through the
shot's own view path: cover crop, slow zoom or pan, a picture shown whole over its fill) and
measures the background's light at its 75th percentile. Where light text meets a light
background (or dark text a dark one), the text gets a soft backdrop of the opposite colour,
just opaque enough to bring that background to a readable level (`backdrop_alpha`); the
backdrop sits inside the text's drawn box, so the layout is unchanged.

Texts over video clips keep their shadow (no frame is decoded here), and a text the user set
to no background (``TextBackground.NONE``) or a box keeps it.

The pictures are read once, small (`SAMPLE_SIDE`), and remembered per file; everything else is
arithmetic on those arrays.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from reelforge.media.shown import as_shown
from reelforge.render import framing
from reelforge.timeline.model import Fit, Role, TextBackground, Timeline, TrackKind, VideoSegment

SAMPLE_SIDE = 480  # pictures are read at most this wide/high
GRID = 8  # the frame is looked at in cells of GRID x GRID output pixels
LIGHT_TEXT = 0.5  # text luma (0-1) from which a text counts as light
# the background (its 75th percentile of luma, 0-1) a light text still reads on without help,
# and the level the backdrop brings it down to (white text on luma 0.42 is ~4.5:1, WCAG AA)
LIGHT_LIMIT, LIGHT_GOAL = 0.58, 0.42
DARK_LIMIT, DARK_GOAL = 0.42, 0.62  # mirrored for dark text (a light backdrop)
MIN_ALPHA, MAX_ALPHA = 0.30, 0.70


def luma_of(color: str) -> float:
    """Rec. 709 luma (0-1) of ``#RRGGBB[AA]``."""
    c = color.lstrip("#")
    r, g, b = (int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def backdrop_alpha(text_luma: float, background: float) -> float:
    """How opaque the backdrop behind a text must be (0 = none) for text of ``text_luma`` over a
    background whose light (75th percentile for light text, 25th for dark) is ``background``.
    A dark backdrop at alpha a turns luma L into L (1 - a); a light one into L + (1 - L) a."""
    if text_luma >= LIGHT_TEXT:
        if background <= LIGHT_LIMIT:
            return 0.0
        a = 1 - LIGHT_GOAL / background
    else:
        if background >= DARK_LIMIT:
            return 0.0
        a = (DARK_GOAL - background) / (1 - background)
    return min(MAX_ALPHA, max(MIN_ALPHA, a))


@lru_cache(maxsize=32)
def _picture(path: str, size: int, mtime: int, bg: float) -> np.ndarray:
    """Luma (0-255, uint8: a cached picture is ~0.2 MB) of a picture as shown (upright,
    transparency over the background), at most `SAMPLE_SIDE` on its long side."""
    from PIL import Image

    with Image.open(path) as im:
        im.draft("RGB", (SAMPLE_SIDE, SAMPLE_SIDE))
        im = as_shown(im, "L", (round(bg * 255),) * 3)
        im.thumbnail((SAMPLE_SIDE, SAMPLE_SIDE))
        return np.asarray(im, dtype=np.uint8)


def _load(path: str, bg: float) -> np.ndarray | None:
    try:
        st = os.stat(path)
        return _picture(path, st.st_size, st.st_mtime_ns, bg)
    except (OSError, ValueError, SyntaxError):  # unreadable: no opinion, the text keeps its look
        return None


def _resample(pic: np.ndarray, x0: float, y0: float, x1: float, y1: float, ow: int, oh: int) -> np.ndarray:
    """The part [x0, x1) x [y0, y1) of ``pic`` (its own pixels) at ow x oh, nearest sample, as
    luma 0-1 (``pic`` in 0-255, or already 0-1 when float); points outside the picture are NaN."""
    xs = x0 + (np.arange(ow) + 0.5) * (x1 - x0) / ow
    ys = y0 + (np.arange(oh) + 0.5) * (y1 - y0) / oh
    ix, iy = np.floor(xs).astype(int), np.floor(ys).astype(int)
    ok_x = (ix >= 0) & (ix < pic.shape[1])
    ok_y = (iy >= 0) & (iy < pic.shape[0])
    out = np.full((oh, ow), np.nan, dtype=np.float32)
    got = pic[np.ix_(iy[ok_y], ix[ok_x])]
    out[np.ix_(ok_y, ok_x)] = got / 255 if pic.dtype == np.uint8 else got
    return out


def _composed(pic: np.ndarray, fit: Fit, bw: int, bh: int, bg: float,
              place: tuple[float, float, float, float]) -> np.ndarray:
    """A contained/blurred frame of bw x bh (in cells): the picture whole in the middle of
    ``place`` (x, y, w, h in cells: where the renderer puts it) over the background colour or,
    for a blurred fill, over its own cover-scaled copy (blur keeps the light of each region,
    which is what is measured)."""
    ph, pw = pic.shape
    px, py, pw_box, ph_box = place
    k = min(pw_box / pw, ph_box / ph)
    cw, ch = pw * k, ph * k
    ox, oy = px + (pw_box - cw) / 2, py + (ph_box - ch) / 2
    front = _resample(pic, -ox / k, -oy / k, (bw - ox) / k, (bh - oy) / k, bw, bh)
    if fit is Fit.BLUR:
        kc = max(bw / pw, bh / ph)
        sx, sy = (pw - bw / kc) / 2, (ph - bh / kc) / 2
        back = _resample(pic, sx, sy, sx + bw / kc, sy + bh / kc, bw, bh)
    else:
        back = np.full((bh, bw), bg, dtype=np.float32)
    return np.where(np.isnan(front), back, front)


def _shot_view(tl: Timeline, seg: VideoSegment, q: float, w: int, h: int) -> np.ndarray | None:
    """What the frame shows of still shot ``seg`` at ``q`` (0-1) of its length: luma in cells of
    `GRID` px, or None (a clip, an unknown size, an unreadable picture)."""
    from reelforge.render.stills import (
        card_box,
        card_crop,
        shown_by_every_view,
        still_path,
        whole_view,
    )

    asset = tl.asset(seg.src)
    if asset.kind != "image" or not asset.width or not asset.height:
        return None
    bg = luma_of(seg.backdrop or tl.background)
    pic = _load(str(asset.path), bg)
    if pic is None:
        return None
    gw, gh = max(1, w // GRID), max(1, h // GRID)
    e = framing.ease(q)
    if seg.fit is Fit.COVER:
        path = still_path(seg, seg.motion, asset.width, asset.height, w, h, subject=True)
        sx, sy = pic.shape[1] / asset.width, pic.shape[0] / asset.height
        src = pic
    else:
        bw, bh, path = whole_view(seg.motion, w, h, seg.motion_amount)  # the renderer's own frame, path and placement
        x, y, pw_, ph_ = shown_by_every_view(path) if path.moves else (0, 0, bw, bh)
        if seg.fit is Fit.CONTAIN and seg.scale < 1:
            x, y, pw_, ph_ = card_box((x, y, pw_, ph_), seg.scale)
        crop = card_crop(seg)
        if crop is not None:  # the card shows only the picture's visible part
            ph, pw = pic.shape
            pic = pic[int(crop[1] * ph):max(int(crop[1] * ph) + 1, round(crop[3] * ph)),
                      int(crop[0] * pw):max(int(crop[0] * pw) + 1, round(crop[2] * pw))]
        src = _composed(pic, seg.fit, max(1, bw // GRID), max(1, bh // GRID), bg,
                        (x / GRID, y / GRID, pw_ / GRID, ph_ / GRID))
        sx, sy = src.shape[1] / bw, src.shape[0] / bh
    a, b = path.start, path.end
    x, y = a.x + (b.x - a.x) * e, a.y + (b.y - a.y) * e
    vw, vh = a.w + (b.w - a.w) * e, a.h + (b.h - a.h) * e
    view = _resample(src, x * sx, y * sy, (x + vw) * sx, (y + vh) * sy, gw, gh)
    return np.where(np.isnan(view), bg, view)


def _main_stills(tl: Timeline) -> list[VideoSegment]:
    main = next((t for t in tl.tracks if t.kind is TrackKind.VIDEO and t.role is Role.MAIN), None)
    return [s for s in (main.segments if main else ()) if isinstance(s, VideoSegment)]


def background_light(tl: Timeline, w: int, h: int, box: tuple[float, float, float, float], start: int,
                     end: int, *, dark_text: bool = False) -> float | None:
    """The light (0-1) behind ``box`` (px of a w x h frame) from ``start`` to ``end`` ms: the brightest
    75th percentile of its luma (`_piecewise_light`) over the still shots on screen then (the
    darkest 25th for dark text), or None when no still shot is on screen under it."""
    x0, y0 = max(0, int(box[0] // GRID)), max(0, int(box[1] // GRID))
    x1, y1 = min(w // GRID, int(-(-box[2] // GRID))), min(h // GRID, int(-(-box[3] // GRID)))
    if x1 <= x0 or y1 <= y0:
        return None
    worst = None
    for seg in _main_stills(tl):
        a, b = max(start, seg.start), min(end, seg.end)
        if a >= b:
            continue
        for t in (a, (a + b) / 2, b):
            view = _shot_view(tl, seg, (t - seg.start) / max(1, seg.duration), w, h)
            if view is None:
                continue
            v = _piecewise_light(view[y0:y1, x0:x1], dark_text)
            worst = v if worst is None else (min(worst, v) if dark_text else max(worst, v))
    return worst


def _piecewise_light(cells: np.ndarray, dark_text: bool) -> float:
    """The light behind a text: its 75th percentile (25th for dark text) in each piece of the
    box about as wide as it is high, the brightest piece's (darkest's). A bright patch under a
    word or two (a spoon, a white strap) loses those words even when the line as a whole is on
    a darker picture, which a percentile of the whole box does not see."""
    h, w = cells.shape
    n = max(1, round(w / max(1, h)))
    pieces = [p for p in np.array_split(cells, n, axis=1) if p.size]
    q = 25 if dark_text else 75
    values = [float(np.percentile(p, q)) for p in pieces]
    return min(values) if dark_text else max(values)


def scrims(tl: Timeline, w: int, h: int, placed: Iterable[tuple[str, str, TextBackground, tuple[float, float, float, float],
                                                 int, int]]) -> dict[str, int]:
    """Backdrop alpha (0-255) per text id, for texts that need one: ``placed`` holds (id,
    colour, background, box, start ms, end ms) of each text as laid out in a w x h frame."""
    out: dict[str, int] = {}
    for seg_id, color, background, box, start, end in placed:
        if background is not TextBackground.SHADOW:
            continue
        tluma = luma_of(color)
        light = background_light(tl, w, h, box, start, end, dark_text=tluma < LIGHT_TEXT)
        if light is None:
            continue
        a = backdrop_alpha(tluma, light)
        if a > 0:
            out[seg_id] = round(a * 255)
    return out


def clear_cache() -> None:
    _picture.cache_clear()


__all__ = ["backdrop_alpha", "background_light", "clear_cache", "luma_of", "scrims"]
