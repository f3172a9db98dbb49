"""One layout for every text and logo of a timeline, per frame size. Pure: boxes in, slots out.

Rules (issue 11):

* Everything sits inside the platform **safe zone**: on tall frames (9:16 and the like) x within
  6-86 % of the width (clear of the button rail) and y within 8-78 % of the height (clear of
  the description text); on other frames a 5 % margin all round (`safe_zone`).
* Texts share **one column**, the safe zone's width, and are centred on it, so a title and the
  captions line up (only when no centred place clears a subject does a text go to the column's
  left or right edge, the edge the texts on screen with it took, if any).
* The column is cut into three **bands** (top, middle, bottom). Each text is drawn to fit a band
  (`reelforge.render.text`: at most two balanced lines, the font shrinks until it fits); with
  its drawn size known it goes to its role's place (captions on the bottom band's lower edge,
  titles and calls to action mid-frame, or the band its position names), else the nearest row
  down the column that is free. Two texts on screen at once never overlap (a 1 % gap between).
* A place where the texts on screen together would cover more than `MAX_SUBJECT_SHARE` of the
  core of a subject on screen at the time (a face, the product), or of the middle half of its
  box (a head box's face, a salient region's heart), is passed over; so is one a logo sits in.
  Among the places on the column that clear the core, one clear of the subject's whole box too
  is preferred (a caption above a rocket's nose cone rather than on it, below a chin rather than
  on it); the column's edges still come only when no place on it clears the core.
  When nothing clears the subject, the place covering least of its middle, then of all of it, is
  taken (and `Slot.subject_share` says how much).
* A caption shown exactly with a title or a call to action (a tagline under the title, a website
  under the call to action) is a **row** of it: the two are placed as one block, the row right
  under its text, wherever the block has to go (a website meant under "Visit us today" ended up
  above it when a rocket pushed both off its core).
* When every place is taken at that time, the text waits until one frees up (it keeps at least
  `MIN_TEXT_MS` on screen) or, failing that, is left out; both are reported.
* Every text stays on screen at least `MIN_TEXT_MS`, however it was timed (the planner, the
  user, the speech): before the layout, `hold_texts` lengthens a shorter one into the free time
  on its track, or merges it with its neighbour (words kept, in order), and says so.

The layout never moves a text in time unless it has to, and never drops or reorders its words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in frame pixels

BANDS = ("top", "middle", "bottom")
MAX_SUBJECT_SHARE = 0.10  # a text may cover at most 10 % of a subject's core
# planned with room to spare: the encoded frame spills a pixel or two around each text's box
PLAN_SUBJECT_SHARE = 0.085
CLEAR_SHARE = 0.005  # covers nothing of a subject, to a few pixels: preferred wherever it is
MIN_TEXT_MS = 1000  # every text stays at least this long on screen
BAND_GAP = 0.02  # space between bands, share of the safe zone's height

# role -> the band it prefers, then the order of the others
_PREFERRED = {"title": "middle", "cta": "middle", "caption": "bottom"}
_FALLBACK = {"top": ("top", "middle", "bottom"), "middle": ("middle", "top", "bottom"),
             "bottom": ("bottom", "top", "middle")}


def is_tall(width: int, height: int) -> bool:
    """9:16-like frames (the platform UI covers the right edge and the bottom)."""
    return height >= 1.5 * width


def safe_zone(width: int, height: int) -> Box:
    """The rectangle text and logos stay in (pixels)."""
    if is_tall(width, height):
        return width * 0.06, height * 0.08, width * 0.86, height * 0.78
    return width * 0.05, height * 0.05, width * 0.95, height * 0.95


@lru_cache(maxsize=64)  # asked for every candidate place of every text
def band_box(band: str, width: int, height: int) -> Box:
    """The slot of a band: the column's width, a third of the safe zone's height less a gap."""
    x0, y0, x1, y1 = safe_zone(width, height)
    gap = (y1 - y0) * BAND_GAP
    h = ((y1 - y0) - 2 * gap) / 3
    i = BANDS.index(band)
    top = y0 + i * (h + gap)
    # whole pixels, inside the safe zone
    return math.ceil(x0), math.ceil(top), math.floor(x1), math.floor(top + h)


def area(b: Box) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def intersection(a: Box, b: Box) -> float:
    return area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


def covered_share(text: Box, subject: Box) -> float:
    """How much of ``subject`` the ``text`` box covers (0..1)."""
    a = area(subject)
    return intersection(text, subject) / a if a else 0.0


@dataclass(frozen=True)
class Span:
    """Something on screen from ``start`` to ``end`` (ms) over ``box`` (pixels): a subject core or
    a logo."""

    start: int
    end: int
    box: Box


@dataclass(frozen=True)
class TextItem:
    """A text to place: its id, role (title/caption/cta/...), time and wished-for band."""

    id: str
    role: str
    start: int
    end: int
    band: str | None = None  # from the segment's position; None = the role's default
    size: tuple[float, float] | None = None  # the drawn text's (w, h) in pixels, when known


@dataclass(frozen=True)
class Slot:
    """Where a text goes: its box (its band's, or for a text of known size the text's own box),
    the band it is in, and its (possibly later) start."""

    id: str
    band: str
    box: Box
    start: int
    end: int
    subject_share: float = 0.0  # the most of any subject core it covers
    extent_share: float = 0.0  # the most of any subject's whole box it covers


@dataclass(frozen=True)
class Layout:
    slots: dict[str, Slot]
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())


def preferred_band(role: str) -> str:
    """The band a text of ``role`` goes to when its position names none."""
    return _PREFERRED.get(role, "bottom")


def band_of_position(position: str) -> str:
    """"top-left" -> top, "center" -> middle, "bottom-right" -> bottom."""
    if position.startswith("top"):
        return "top"
    if position.startswith("bottom"):
        return "bottom"
    return "middle"


_ORDER = {"title": 0, "cta": 1, "caption": 2}


def lay_out(width: int, height: int, texts: Iterable[TextItem], subjects: Sequence[Span] = (),
            logos: Sequence[Span] = (), extents: Sequence[Span] = ()) -> Layout:
    """Give every text a band (see the module docstring). Titles and calls to action are placed
    first, then the rest in time order. ``extents``: the subjects' whole boxes (``subjects``
    are their cores), which a place clear of them is preferred to."""
    items = sorted(texts, key=lambda t: (_ORDER.get(t.role, 3), t.start, t.id))
    rows = _rows(items)
    in_rows = {r.id for rs in rows.values() for r in rs}
    # a caption's own place (the bottom) is kept for it where it can be: a title pushed off a
    # subject goes above it, so the two read top to bottom
    reserved = [Span(t.start, t.end, _candidate_boxes(t, width, height)[0][1]) for t in items
                if t.role == "caption" and t.size is not None and t.id not in in_rows]
    placed: list[Slot] = []
    dropped: list[str] = []
    notes: list[str] = []
    gap = height * TEXT_GAP
    for t in items:
        if t.id in in_rows:
            continue  # placed with its text
        parts = [t, *rows.get(t.id, ())]
        block = t if len(parts) == 1 else replace(t, size=_block_size(parts, width, height, gap))
        keep_off = reserved if t.role != "caption" else []
        slot = _place(block, width, height, placed, subjects, [*logos, *keep_off], extents) if keep_off else None
        if slot is None or slot.subject_share > PLAN_SUBJECT_SHARE:
            slot = _place(block, width, height, placed, subjects, logos, extents)
        if slot is None:
            dropped.extend(p.id for p in parts)
            continue
        if slot.start != t.start:
            notes.append(f"text {t.id} waits until {slot.start / 1000:g}s so it does not cover another")
        placed.extend(_split(slot, parts, width, height, gap) if len(parts) > 1 else [slot])
    return Layout({s.id: s for s in placed}, tuple(dropped), tuple(notes))


def _rows(items: Sequence[TextItem]) -> dict[str, list[TextItem]]:
    """Captions shown exactly with a title or a call to action, by that text's id (both of known size)."""
    leads = {}
    for t in items:
        if t.role in ("title", "cta") and t.size is not None:
            leads.setdefault((t.start, t.end), t)
    out: dict[str, list[TextItem]] = {}
    for t in items:
        lead = leads.get((t.start, t.end)) if t.role == "caption" and t.size is not None else None
        if lead is not None:
            out.setdefault(lead.id, []).append(t)
    return out


def _fit(size: tuple[float, float], width: int, height: int) -> tuple[float, float]:
    """A text's drawn size, no larger than the safe zone."""
    x0, y0, x1, y1 = safe_zone(width, height)
    return min(size[0], x1 - x0), min(size[1], y1 - y0)


def _block_size(parts: Sequence[TextItem], width: int, height: int, gap: float) -> tuple[float, float]:
    sizes = [_fit(p.size, width, height) for p in parts if p.size]
    return max(w for w, _ in sizes), sum(h for _, h in sizes) + gap * (len(sizes) - 1)


def _split(slot: Slot, parts: Sequence[TextItem], width: int, height: int, gap: float) -> list[Slot]:
    """The slots of a text and its rows, top to bottom inside the block's slot, on the block's
    side of the column (centred, or flush with the edge it was pushed to)."""
    x0, _, x1, _ = safe_zone(width, height)
    bx0, y, bx1, _ = slot.box
    centred = abs((bx0 + bx1) - (x0 + x1)) <= 2
    out = []
    for p in parts:
        w, h = _fit(p.size, width, height)  # type: ignore[arg-type]
        left = (bx0 + bx1 - w) / 2 if centred else bx0 if bx0 + bx1 < x0 + x1 else bx1 - w
        out.append(Slot(p.id, _band_at(y + h / 2, width, height), (left, y, left + w, y + h), slot.start, p.end,
                        slot.subject_share, slot.extent_share))
        y += h + gap
    return out


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


SCAN_STEP = 0.02  # share of the safe zone's height between candidate positions of a sized text
TEXT_GAP = 0.01  # share of the frame's height kept between two texts


def _candidate_boxes(t: TextItem, width: int, height: int) -> list[tuple[str, Box]]:
    """Where a text may go, best first: its band (and the other bands, in the role's order); a
    text of known size is anchored to its band's edge (top, middle, bottom), then tried at every
    step down the safe zone nearest that place first, centred on the one column."""
    first = t.band or _PREFERRED.get(t.role, "bottom")
    if t.size is None:
        return [(band, band_box(band, width, height)) for band in _FALLBACK[first]]
    x0, y0, x1, y1 = safe_zone(width, height)
    w, h = _fit(t.size, width, height)
    cx = (x0 + x1) / 2

    def at(top: float, left: float | None = None) -> Box:
        top = min(max(top, y0), y1 - h)
        left = cx - w / 2 if left is None else left
        return left, top, left + w, top + h

    bx = band_box(first, width, height)
    home = at({"top": bx[1], "middle": (bx[1] + bx[3] - h) / 2}.get(first, bx[3] - h))
    # then the rows nearest home: a title pushed off a face stays near the middle (and so above
    # the captions), a caption near the bottom
    step = max(1.0, (y1 - y0) * SCAN_STEP)
    n = int((y1 - y0 - h) // step) + 1
    scan = sorted((y0 + i * step for i in range(n)), key=lambda y: abs(y - home[1]))
    centred = [(first, home)] + [(_band_at(y + h / 2, width, height), at(y)) for y in scan]
    # last resort, for a subject no centred place clears (a tall narrow rocket): the column's
    # left or right edge, same rows
    sides = [(band, at(box[1], left)) for left in (x0, x1 - w) for band, box in centred]
    return centred + sides


def _band_at(y: float, width: int, height: int) -> str:
    return min(BANDS, key=lambda b: abs((band_box(b, width, height)[1] + band_box(b, width, height)[3]) / 2 - y))


def _grow(b: Box, by: float) -> Box:
    return b[0] - by, b[1] - by, b[2] + by, b[3] + by


def _place(t: TextItem, width: int, height: int, placed: Sequence[Slot], subjects: Sequence[Span],
           logos: Sequence[Span], extents: Sequence[Span] = ()) -> Slot | None:
    options = _candidate_boxes(t, width, height)
    gap = height * TEXT_GAP
    # only what is on screen while this text may be (it can start later, never end later): the
    # checks below run for every candidate place, so a long timeline's layout stays linear
    placed, logos, subjects, extents = ([x for x in xs if _overlaps(t.start, t.end, x.start, x.end)]
                                        for xs in (placed, logos, subjects, extents))

    def candidates(start: int) -> list[tuple[float, int, str, Box]]:
        out = []
        for rank, (band, box) in enumerate(options):
            if any(_overlaps(start, t.end, s.start, s.end) and intersection(_grow(box, gap), s.box) > 0
                   for s in placed):
                continue
            if any(_overlaps(start, t.end, lg.start, lg.end) and intersection(_grow(box, gap), lg.box) > 0
                   for lg in logos):
                continue
            # what this text covers of each subject on screen with it, plus what the texts already
            # placed over that subject at the same time cover (the limit is for all of them)
            share = max((covered_share(box, s.box) + sum(covered_share(p.box, s.box) for p in placed
                                                         if _overlaps(start, t.end, p.start, p.end)
                                                         and _overlaps(p.start, p.end, s.start, s.end))
                         for s in subjects if _overlaps(start, t.end, s.start, s.end)), default=0.0)
            # the middle of a subject box matters most (a head box's face; a salient region's
            # heart): a place must clear it too
            middle = max((covered_share(box, _middle(s.box)) for s in subjects
                          if _overlaps(start, t.end, s.start, s.end)), default=0.0)
            share = max(share, middle)
            # and of the whole subject (a rocket's nose cone above its core, a chin below a face)
            whole = max((covered_share(box, e.box) for e in extents if _overlaps(start, t.end, e.start, e.end)),
                        default=0.0)
            out.append((share, rank, band, box, middle, whole))
            if share <= CLEAR_SHARE and whole <= CLEAR_SHARE:
                break  # the best place that covers no subject at all
        return out

    found = candidates(t.start)
    start = t.start
    if not found:
        # wait for the earliest end of a text in the way, keeping MIN_TEXT_MS on screen
        for later in sorted({s.end for s in placed if t.start < s.end < t.end}):
            if t.end - later < min(MIN_TEXT_MS, t.end - t.start):
                break
            found = candidates(later)
            if found:
                start = later
                break
    if not found:
        return None
    # a place covering nothing of a subject's core, on the column before its edges, and then one
    # clear of the whole subject too; else the first within the limit (a thin rocket crossed by
    # a caption loses more of itself than its core shows)
    x0, _, x1, _ = safe_zone(width, height)

    def off_column(b: Box) -> bool:
        return abs((b[0] + b[2]) - (x0 + x1)) > 2

    def side(b: Box) -> int:
        return 0 if not off_column(b) else (-1 if b[0] + b[2] < x0 + x1 else 1)

    # texts already at an edge while this one is on screen: the same edge, so they line up
    # (a caption at the right edge and a call to action at the left were three columns with
    # the centred title)
    edges = {side(p.box) for p in placed if _overlaps(start, t.end, p.start, p.end)} - {0}

    def other_edge(b: Box) -> bool:
        return bool(edges) and side(b) != 0 and side(b) not in edges

    clear = [c for c in found if c[0] <= PLAN_SUBJECT_SHARE]
    share, _, band, box, _, whole = min(clear, key=lambda c: (c[0] > CLEAR_SHARE, off_column(c[3]), other_edge(c[3]),
                                                               c[5] > CLEAR_SHARE, c[1])) if clear else \
        min(found, key=lambda c: (round(c[4], 2), round(c[0], 2), c[1]))
    return Slot(t.id, band, box, start, t.end, share, whole)


def _middle(b: Box) -> Box:
    """The middle half (each way) of a box."""
    w, h = (b[2] - b[0]) / 4, (b[3] - b[1]) / 4
    return b[0] + w, b[1] + h, b[2] - w, b[3] - h


def subject_in_frame(src_w: int, src_h: int, width: int, height: int, subject: Box,
                     focus: tuple[float, float] | None = None, fit: str = "cover", zoom: float = 0.0,
                     room: float = 1.0) -> Box:
    """Where a subject box (shares of the source) lands in the output frame (pixels) for a cover
    crop centred on ``focus`` (or the centre) or a contained fit (within the middle ``room`` of
    the frame: a logo end card). ``zoom`` (e.g. 0.12 for a slow zoom) widens it to the union
    over the motion: the box at full zoom about the frame centre."""
    x0, y0, x1, y1 = subject
    if src_w <= 0 or src_h <= 0:
        box = (x0 * width, y0 * height, x1 * width, y1 * height)
    elif fit == "contain":
        k = min(width / src_w, height / src_h) * room
        sw, sh = src_w * k, src_h * k
        ox, oy = (width - sw) / 2, (height - sh) / 2
        box = (ox + x0 * sw, oy + y0 * sh, ox + x1 * sw, oy + y1 * sh)
    else:
        k = max(width / src_w, height / src_h)
        sw, sh = src_w * k, src_h * k
        fx, fy = focus or (0.5, 0.5)
        ox = min(max(fx * sw - width / 2, 0.0), max(0.0, sw - width))
        oy = min(max(fy * sh - height / 2, 0.0), max(0.0, sh - height))
        box = (x0 * sw - ox, y0 * sh - oy, x1 * sw - ox, y1 * sh - oy)
    if zoom:
        cx, cy, k = width / 2, height / 2, 1 + zoom
        z = (cx + (box[0] - cx) * k, cy + (box[1] - cy) * k, cx + (box[2] - cx) * k, cy + (box[3] - cy) * k)
        box = (min(box[0], z[0]), min(box[1], z[1]), max(box[2], z[2]), max(box[3], z[3]))
    return (max(0.0, box[0]), max(0.0, box[1]), min(float(width), box[2]), min(float(height), box[3]))


# -- from a timeline ------------------------------------------------------------------------

def _secs(ms: float) -> str:
    return f"{ms / 1000:.1f}".rstrip("0").rstrip(".") + " s"


def _quote(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return "'" + (text if len(text) <= n else text[: n - 1] + "…") + "'"


def hold_spans(spans: Sequence[tuple[int, int]], total: int, least: int = MIN_TEXT_MS) -> list[tuple[int, int, int]]:
    """Times for a track's texts (``spans``: (start, end), in order, not overlapping) so that each
    lasts at least ``least`` ms inside [0, ``total``]: a short one first takes the free time after
    it, then before it; when its neighbours leave too little, it is merged with the next one (the
    last with the one before). Returns (start, end, first index) per kept text: merged texts are
    consecutive runs, each row covering the inputs from its first index to the next row's."""
    rows = [(a, b, i) for i, (a, b) in enumerate(spans)]
    least = min(least, total)
    i = 0
    while i < len(rows):
        a, b, k = rows[i]
        if b - a >= least:
            i += 1
            continue
        after = rows[i + 1][0] if i + 1 < len(rows) else total
        before = rows[i - 1][1] if i else 0
        end = min(after, a + least)
        start = max(before, end - least)
        if end - start >= least:
            rows[i] = (start, end, k)
            i += 1
        elif i + 1 < len(rows):  # merge with the next, then look at the merged one again
            rows[i:i + 2] = [(a, rows[i + 1][1], k)]
        elif i:  # the last: merge with the one before
            rows[i - 1:i + 1] = [(rows[i - 1][0], b, rows[i - 1][2])]
            i -= 1
        else:  # alone on a track shorter than that
            rows[i] = (start, end, k)
            i += 1
    return rows


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"


def _joined(texts: Iterable[str]) -> str:
    """Texts merged into one, their line breaks dropped so it wraps anew: two two-line cues kept
    four lines, which no font size fits in two, and every caption of the track shrank with it."""
    one = " ".join(" ".join(t.split()) for t in texts)
    return re.sub(rf"(?<=[{_CJK}]) (?=[{_CJK}])", "", one)


def hold_texts(timeline):
    """``timeline`` with every text on screen at least `MIN_TEXT_MS` (`hold_spans` on each text
    track; a merged text joins the words of the texts it replaces and keeps the first one's id and
    look), and one note per change for the plan and the reply. Unchanged when nothing is short."""
    from reelforge.timeline.model import TextSegment, TrackKind, replace

    notes: list[str] = []
    tracks = []
    for track in timeline.tracks:
        segs = [s for s in track.segments if isinstance(s, TextSegment)]
        if track.kind is not TrackKind.TEXT or all(s.duration >= MIN_TEXT_MS for s in segs):
            tracks.append(track)
            continue
        rows = hold_spans([(s.start, s.end) for s in segs], timeline.duration)
        firsts = [k for _, _, k in rows] + [len(segs)]
        out = []
        for (a, b, k), nxt in zip(rows, firsts[1:], strict=True):
            group = segs[k:nxt]
            seg = group[0]
            if len(group) > 1:
                words = _joined(g.text for g in group)
                notes.append(f"The texts {' and '.join(_quote(g.text) for g in group)} are shown together from "
                             f"{_secs(a)} to {_secs(b)}: apart, each was on screen less than "
                             f"{_secs(MIN_TEXT_MS)}, too short to read.")
                seg = replace(seg, start=a, duration=b - a, text=words)
            elif (a, b) != (seg.start, seg.end):
                notes.append(f"The text {_quote(seg.text)} was on screen {_secs(seg.duration)}, too short to "
                             f"read: it now shows from {_secs(a)} to {_secs(b)}.")
                seg = replace(seg, start=a, duration=b - a)
            out.append(seg)
        tracks.append(replace(track, segments=tuple(out)))
    if not notes:
        return timeline, ()
    return replace(timeline, tracks=tuple(tracks)), tuple(notes)


def _view_box(view, subject: Box, width: int, height: int) -> Box:
    """A subject box (source pixels) as seen through a view rectangle (source pixels)."""
    kx, ky = width / view.w, height / view.h
    return ((subject[0] - view.x) * kx, (subject[1] - view.y) * ky,
            (subject[2] - view.x) * kx, (subject[3] - view.y) * ky)


def subject_boxes(seg, src_w: int, src_h: int, width: int, height: int, *, still: bool = True,
                  whole: bool = False) -> list[Box]:
    """Where a shot's subject core (``seg.core``, else its box; ``whole``: its box) sits in the
    frame (pixels): for a covered still, through the
    view `reelforge.render.framing` plans at its first and last frame (and their union, which
    holds it in between); otherwise through the cover crop on its focus point (clips) or the
    contained picture. Clipped to the frame."""
    from reelforge.render import framing
    from reelforge.render.stills import card_crop

    part = seg.subject if whole else seg.core or seg.subject  # text keeps off the core; the view follows the box
    x0, y0, x1, y1 = part
    fit = seg.fit.value
    if still and fit == "cover" and src_w > 0 and src_h > 0:
        box = (x0 * src_w, y0 * src_h, x1 * src_w, y1 * src_h)
        path = framing.shot_plan(seg, src_w, src_h, width, height)
        a, b = _view_box(path.start, box, width, height), _view_box(path.end, box, width, height)
        boxes = [a, b, (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))] if path.moves else [a]
    else:
        zoom = seg.motion_amount if seg.motion.value != "none" else 0.0  # how far its motion shifts the subject
        mode = "contain" if fit != "cover" else "cover"
        room = seg.scale if fit == "contain" else 1.0
        crop = card_crop(seg)
        if crop is not None:  # the card shows only the picture's visible part
            cw, ch = crop[2] - crop[0], crop[3] - crop[1]
            src_w, src_h = round(src_w * cw), round(src_h * ch)
            part = ((x0 - crop[0]) / cw, (y0 - crop[1]) / ch, (x1 - crop[0]) / cw, (y1 - crop[1]) / ch)
        boxes = [subject_in_frame(src_w, src_h, width, height, part, seg.focus, mode, z, room)
                 for z in {0.0, zoom}]
    return [(max(0.0, b[0]), max(0.0, b[1]), min(float(width), b[2]), min(float(height), b[3])) for b in boxes]


def on_screen(shots: Sequence, k: int) -> tuple[int, int]:
    """When shot ``k`` of a main track is the picture a text covers (ms): from the middle of its
    fade in to the middle of the next shot's (half-faded, the outgoing or incoming picture is not
    what a text covers)."""
    seg = shots[k]
    nxt = shots[k + 1] if k + 1 < len(shots) else None
    return seg.start + seg.transition_ms // 2, seg.end - getattr(nxt, "transition_ms", 0) // 2


def overlay_box(position: str, width: int, height: int, ow: float, oh: float) -> Box:
    """The box of a ``ow`` x ``oh`` overlay (a logo) at ``position`` inside the safe zone."""
    x0, y0, x1, y1 = safe_zone(width, height)
    x = x0 if position.endswith("left") else x1 - ow if position.endswith("right") else (x0 + x1 - ow) / 2
    y = y0 if position.startswith("top") else y1 - oh if position.startswith("bottom") else (y0 + y1 - oh) / 2
    return x, y, x + ow, y + oh


def timeline_layout(timeline, width: int | None = None, height: int | None = None,
                    sizes: dict[str, tuple[float, float]] | None = None) -> Layout:
    """The layout of ``timeline``'s texts in a ``width`` x ``height`` frame (default: its own):
    subject cores come from the main track's ``core`` (else ``subject``) boxes, logos from overlay/logo tracks;
    ``sizes`` (segment id -> drawn (w, h)) lets texts take their own box instead of a band."""
    from reelforge.timeline.model import Role, TextSegment, TrackKind, VideoSegment

    w, h = width or timeline.width, height or timeline.height
    subjects: list[Span] = []
    extents: list[Span] = []
    logos: list[Span] = []
    texts: list[TextItem] = []
    by_id = {a.id: a for a in timeline.assets}
    for track in timeline.tracks:
        if track.role is Role.CAPTION and not getattr(timeline, "burn_captions", True):
            continue  # captions delivered as files only
        for k, seg in enumerate(track.segments):
            if isinstance(seg, TextSegment):
                band = band_of_position(seg.position.value) if seg.position.value != "center" or \
                    track.role.value not in _PREFERRED else None
                texts.append(TextItem(seg.id, track.role.value, seg.start, seg.end, band,
                                      (sizes or {}).get(seg.id)))
            elif isinstance(seg, VideoSegment) and track.kind is TrackKind.VIDEO:
                asset = by_id.get(seg.src)
                aw, ah = (asset.width, asset.height) if asset else (0, 0)
                if track.role is Role.MAIN:
                    if seg.subject is not None:
                        start, end = on_screen(track.segments, k)
                        still = asset is not None and asset.kind.value == "image"
                        for box in subject_boxes(seg, aw, ah, w, h, still=still):
                            subjects.append(Span(start, end, box))
                        for box in subject_boxes(seg, aw, ah, w, h, still=still, whole=True):
                            extents.append(Span(start, end, box))
                else:
                    ow = w * seg.scale
                    oh = ow * ah / aw if aw and ah else ow
                    logos.append(Span(seg.start, seg.end, overlay_box(seg.position.value, w, h, ow, min(oh, h))))
    return lay_out(w, h, texts, subjects, logos, extents)
