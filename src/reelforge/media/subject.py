"""Find the subject of a picture: how far it reaches and its core (default install).

Detectors, in order, all from OpenCV's contrib build (``opencv-contrib-python-headless``, a
core dependency: Haar cascades and the saliency module ship inside the wheel, no model files):

1. **faces**: the frontal-face cascade, then the profile cascade (both ways round). The core is
   the face (10 % margin), the box the face grown to the head (hair above, chin below).
2. **cat faces**: the extended frontal cat-face cascade, grown likewise.
3. **plain background** (`plain`): a picture whose border is one colour (a silhouette, a product
   shot on white) has for subject what differs from that colour, wherever it reaches; exact,
   like a cut-out's opaque pixels (the saliency map's centre prior left out a horse's head).
4. **saliency**, when no face is found: two maps on a copy at most 240 px wide, each weighted
   by a centre prior, thresholded, and the component holding the most of the map kept:
   *colour distinctiveness* (Lab distance to the colours along the picture's border -- the
   background usually touches the border; this is what finds a rocket against its sky, where
   the spectral-residual map picked the launch lights) and OpenCV's *fine-grained static
   saliency* (centre-surround contrast; finds a flower on a blurred background), multiplied.
   The box is the region around the peak down to 15 % of it (at 40 % a cat's face that fills
   the picture reads as its middle), the core all that reaches 60 % of the peak, grown 25 %. Both are
   estimates (the box takes in the rocket's launch towers), so the framing treats them as loose.
   **GrabCut** seeded from them (`_object`) then narrows the region to the object inside it when
   the two agree: the rocket without its towers, the pagoda without its trees.
5. nothing (a featureless or evenly busy picture, e.g. a star field): ``None``, the centre.

Measured on ten photographs that packages ship (tests/data/subjects.json, bench/quality.py):
see docs/framing.md. CPU a picture: the cascades ~300 ms, saliency with GrabCut ~30 ms.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from reelforge.media.shown import as_shown

DETECT_SIDE = 480  # cascades run on a copy at most this wide
SALIENCY_SIDE = 240
SALIENT_LEVEL = 0.4  # share of the peak that counts as part of the salient region
EXTENT_LEVEL = 0.15  # share of the peak down to which the region around it is the subject's extent
CORE_LEVEL = 0.6  # share of the peak that is surely the subject (its core)...
CORE_GROW = 0.25  # ...grown by this share of its size each side (it under-reads: the rocket's pad)
FACE_MARGIN = 0.1  # room kept around a detected face, as a share of its size, in its core box
OBJECT_SIDE = 120  # GrabCut runs on a copy at most this wide (at 240 it took the coffee's table too)
OBJECT_CORE = 0.25  # least share of the salient core GrabCut must call the object (the cat: 0.17)
OBJECT_SHARE = 0.75  # least share of GrabCut's foreground in its largest piece (the cat: 0.60)
OBJECT_AREA = 0.01  # least share of the picture the object covers (the cameraman's tripod leg: 0.000)
OBJECT_INSET = 0.05  # an object's core: its box less this share of its size each side
WHOLE = 0.8  # a region or object over this share of the picture is no subject (it is the picture)

Source = Literal["face", "profile", "cat", "cutout", "plain", "saliency"]


Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Subject:
    """How far the subject reaches (``box``) and the part that is surely it (``core``), both as
    shares of the picture (x0, y0, x1, y1), and how it was found.

    A cascade's box is precise: the core is the face itself, the box the head around it. A
    saliency box is an estimate that errs both ways (it over-reads a rocket to its launch
    towers, under-reads a cat's face that fills the picture), so a crop must keep the core whole
    and most of the box (`reelforge.render.framing.crop_holds`)."""

    box: Box
    source: Source
    detail: str = ""
    core: Box | None = None  # None = the box itself

    @property
    def precise(self) -> bool:
        return self.source != "saliency"

    @property
    def centre(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.box
        return (x0 + x1) / 2, (y0 + y1) / 2


def load_rgb(image: str | Path | np.ndarray, max_side: int | None = None) -> np.ndarray:
    """An HxWx3 uint8 array from a path (EXIF-upright, via Pillow) or an array (gray/RGB/RGBA)."""
    if isinstance(image, np.ndarray):
        arr = image
        if arr.ndim == 2:
            arr = np.repeat(arr[:, :, None], 3, axis=2)
        arr = np.ascontiguousarray(arr[:, :, :3])
        if arr.dtype != np.uint8:
            arr = np.clip(arr * (255.0 if arr.max() <= 1.0 else 1.0), 0, 255).astype(np.uint8)
        return arr
    from PIL import Image

    with Image.open(image) as im:
        if max_side:
            im.draft("RGB", (max_side, max_side))  # JPEG: decode at a reduced scale
        # as the video shows it: over a plain background (black, the default)
        return np.asarray(as_shown(im))


def _has_alpha(im) -> bool:
    return im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)


def cutout(image: str | Path) -> Subject | None:
    """A cut-out's subject: the box of its opaque pixels (a product photographed for a shop,
    its background made transparent), when they fill less than `WHOLE` of the picture and more
    than `OBJECT_AREA`. Exact, so it is the core too. None for a picture without transparency."""
    from PIL import Image, ImageOps

    with Image.open(image) as im:
        if not _has_alpha(im):
            return None
        im = ImageOps.exif_transpose(im)
        im.thumbnail((DETECT_SIDE, DETECT_SIDE))
        alpha = np.asarray(im.convert("RGBA"))[:, :, 3]
    h, w = alpha.shape
    ys, xs = np.nonzero(alpha >= 128)
    if not len(xs):
        return None
    box = (xs.min() / w, ys.min() / h, (xs.max() + 1) / w, (ys.max() + 1) / h)
    if not OBJECT_AREA <= (box[2] - box[0]) * (box[3] - box[1]) <= WHOLE:
        return None
    return Subject(box=box, source="cutout", detail="its opaque pixels", core=box)


PLAIN_BORDER = 0.97  # least share of the border within PLAIN_NEAR of its median colour: a plain background
PLAIN_NEAR = 12.0  # RGB distance of a border pixel to the background colour that still counts as it
PLAIN_FAR = 40.0  # RGB distance from the background colour that makes a pixel part of the object
PLAIN_PIECE = 0.1  # a piece counts as the object's when it is at least this share of the largest


def plain(rgb: np.ndarray) -> Subject | None:
    """An object on a plain background (a silhouette, a product shot on white): its border is one
    colour (`PLAIN_BORDER` of it within `PLAIN_NEAR`), and the object is what differs from that
    colour (the largest piece and the pieces at least `PLAIN_PIECE` of it), wherever it reaches.
    Exact, like a cut-out's opaque pixels, so it is the core too, and it may span most of the
    picture (the saliency map's centre prior left out a horse's head and neck at the picture's
    edge, and a 1:1 crop cut them). None when the border is not one colour, or the object is a
    speck or everything."""
    import cv2

    small = _resize(rgb, SALIENCY_SIDE).astype(np.float32)
    h, w = small.shape[:2]
    b = max(1, min(h, w) // 60)
    border = np.concatenate([small[:b].reshape(-1, 3), small[-b:].reshape(-1, 3),
                             small[:, :b].reshape(-1, 3), small[:, -b:].reshape(-1, 3)])
    bg = np.median(border, axis=0)
    if float((np.linalg.norm(border - bg, axis=1) <= PLAIN_NEAR).mean()) < PLAIN_BORDER:
        return None
    far = (np.linalg.norm(small - bg, axis=2) > PLAIN_FAR).astype(np.uint8)
    far = cv2.morphologyEx(far, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(far)
    if n < 2:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    keep = stats[1:][areas >= PLAIN_PIECE * areas.max()]
    x0, y0 = int(keep[:, 0].min()), int(keep[:, 1].min())
    x1, y1 = int((keep[:, 0] + keep[:, 2]).max()), int((keep[:, 1] + keep[:, 3]).max())
    if float(keep[:, 4].sum()) < OBJECT_AREA * w * h or (x1 - x0) * (y1 - y0) >= 0.98 * w * h:
        return None
    box = (x0 / w, y0 / h, x1 / w, y1 / h)
    return Subject(box=box, source="plain", detail=f"object {float(keep[:, 4].sum()) / (w * h):.0%} of the picture",
                   core=box)


def _resize(rgb: np.ndarray, side: int) -> np.ndarray:
    import cv2

    h, w = rgb.shape[:2]
    f = min(1.0, side / max(h, w))
    if f >= 1.0:
        return rgb
    return cv2.resize(rgb, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)


_loaded = threading.local()


def _cascade(name: str):
    """The cascade, loaded once per thread: a CascadeClassifier keeps scratch state while it
    detects, so two threads (`reelforge.ai_stage` finds subjects a few at once) must not share one."""
    import cv2

    mine = _loaded.__dict__.setdefault("cascades", {})
    if name not in mine:
        path = Path(cv2.data.haarcascades) / f"haarcascade_{name}.xml"
        c = cv2.CascadeClassifier(str(path))
        if c.empty():
            raise RuntimeError(f"OpenCV cascade {path} did not load")
        mine[name] = c
    return mine[name]


def _grow(x: float, y: float, w: float, h: float, W: int, H: int) -> Box:
    """A face box grown to the head (more above for hair, a little below for the chin)."""
    x0, x1 = max(0.0, x - 0.3 * w), min(float(W), x + 1.3 * w)
    y0, y1 = max(0.0, y - 0.55 * h), min(float(H), y + 1.2 * h)
    return x0 / W, y0 / H, x1 / W, y1 / H


def _margin(x: float, y: float, w: float, h: float, W: int, H: int) -> Box:
    """A face box with `FACE_MARGIN` around it (its core: what a crop must keep)."""
    m = FACE_MARGIN
    return (max(0.0, x - m * w) / W, max(0.0, y - m * h) / H,
            min(float(W), x + (1 + m) * w) / W, min(float(H), y + (1 + m) * h) / H)


def _union(boxes) -> Box:
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _detect(gray: np.ndarray, name: str, neighbours: int, flip: bool = False) -> list[tuple[int, int, int, int]]:
    h, w = gray.shape
    side = max(24, int(min(h, w) * 0.08))  # faces under ~8 % of the short side do not steer a crop
    img = gray[:, ::-1] if flip else gray
    found = _cascade(name).detectMultiScale(np.ascontiguousarray(img), scaleFactor=1.12, minNeighbors=neighbours,
                                           minSize=(side, side))
    out = [tuple(int(v) for v in b) for b in found]
    return [(w - x - bw, y, bw, bh) for x, y, bw, bh in out] if flip else out  # type: ignore[misc]


def _iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ix = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)


EDGE_PAD = 0.25  # of the short side, around a picture looked at again for a face the frame cuts


def faces(rgb: np.ndarray) -> Subject | None:
    """Faces (frontal, else profile), else cat faces, as one head box; None when there is none.

    A face the frame cuts (a close-up from the eyebrows down, a testimonial's head against the
    top edge) is found in the picture padded with its own edges: the cascades need the face's
    outline, and missed Grace Hopper's face filling a clip's frame, so the call to action was
    drawn over her eyes."""
    import cv2

    small = _resize(rgb, DETECT_SIDE)
    h, w = small.shape[:2]
    gray = cv2.equalizeHist(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY))
    for name, source, neighbours, flips in (("frontalface_default", "face", 5, (False,)),
                                            ("profileface", "profile", 6, (False, True)),
                                            ("frontalcatface_extended", "cat", 4, (False,))):
        boxes = [b for f in flips for b in _detect(gray, name, neighbours, f)]
        if boxes and source == "face":  # a second cascade must agree (one alone finds faces in neck rings)
            boxes = _agreed(gray, boxes)
        if boxes:
            return _heads(boxes, source, w, h)
    pad = round(min(h, w) * EDGE_PAD)
    padded = cv2.copyMakeBorder(gray, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    boxes = _agreed(padded, _detect(padded, "frontalface_default", 5))
    # a face across the frame's edge (one inside it was looked for above: found only now, it is
    # the other scaling's mistake, a head on a coin), and not one made of the border alone
    cut = [(x - pad, y - pad, bw, bh) for x, y, bw, bh in boxes
           if (x < pad or y < pad or x + bw > pad + w or y + bh > pad + h)
           and x + bw > pad and y + bh > pad and x < pad + w and y < pad + h]
    return _heads(cut, "face", w, h) if cut else None


def _agreed(gray: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The frontal faces a second cascade finds too."""
    alt = _detect(gray, "frontalface_alt2", 3) if boxes else []
    return [b for b in boxes if any(_iou(b, a) > 0.3 for a in alt)]


def _heads(boxes: list[tuple[int, int, int, int]], source: str, w: int, h: int) -> Subject:
    """The head box around the biggest faces (a group shot: every big face), in shares of ``w`` x ``h``."""
    biggest = max(b[2] * b[3] for b in boxes)
    keep = [b for b in boxes if b[2] * b[3] >= biggest / 4]
    box, core = _union(_grow(*b, w, h) for b in keep), _union(_margin(*b, w, h) for b in keep)
    return Subject(box, source, f"{len(keep)} {source}{'s' if len(keep) != 1 else ''}", core)  # type: ignore[arg-type]


def _norm(m: np.ndarray) -> np.ndarray:
    lo, hi = float(m.min()), float(m.max())
    return (m - lo) / (hi - lo) if hi > lo else np.zeros_like(m)


def _centre_prior(h: int, w: int) -> np.ndarray:
    """exp(-(dx^2 + dy^2)) from the centre, in units of 0.45 of the side (an outer product)."""
    gx = np.exp(-(((np.arange(w, dtype=np.float32) - w / 2) / (0.45 * w)) ** 2))
    gy = np.exp(-(((np.arange(h, dtype=np.float32) - h / 2) / (0.45 * h)) ** 2))
    return np.outer(gy, gx)


def _border_distinct(small: np.ndarray) -> np.ndarray:
    """Lab distance of each pixel to the nearest of 8 colours found along the border."""
    import cv2

    lab = cv2.cvtColor(small, cv2.COLOR_RGB2Lab).astype(np.float32)
    h, w = lab.shape[:2]
    b = max(2, min(h, w) // 20)
    border = np.concatenate([lab[:b].reshape(-1, 3), lab[-b:].reshape(-1, 3),
                             lab[:, :b].reshape(-1, 3), lab[:, -b:].reshape(-1, 3)])
    k = min(8, len(border))
    crit = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 10, 1.0)
    cv2.setRNGSeed(1)  # k-means starts at random: the same picture always gives the same box
    _, _, centres = cv2.kmeans(border, k, None, crit, 1, cv2.KMEANS_PP_CENTERS)
    planes = cv2.split(lab)
    d2 = np.full((h, w), np.inf, np.float32)
    for c in centres:  # one centre and channel at a time: a fifth of the time of one (h*w, k, 3) array
        np.minimum(d2, sum(cv2.pow(p - float(v), 2) for p, v in zip(planes, c, strict=True)), out=d2)
    return np.sqrt(d2)


def _fine_grained(small: np.ndarray) -> np.ndarray:
    import cv2

    ok, m = cv2.saliency.StaticSaliencyFineGrained_create().computeSaliency(small)
    if not ok:
        return np.zeros(small.shape[:2], np.float32)
    return cv2.GaussianBlur(m.astype(np.float32), (0, 0), 3)


def _main_component(m: np.ndarray, threshold: float = 0.4) -> tuple[int, int, int, int] | None:
    """(x0, y0, x1, y1) of the thresholded component holding the most of the map."""
    import cv2

    mask = cv2.morphologyEx((m > threshold).astype(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask)
    if n < 2:
        return None
    mass = np.bincount(labels.ravel(), weights=m.ravel(), minlength=n)  # each component's share, one pass
    best = 1 + int(np.argmax(mass[1:]))
    x, y, w, h, _ = stats[best]
    return int(x), int(y), int(x + w), int(y + h)


def salient(rgb: np.ndarray) -> Subject | None:
    """The salient region (see the module doc), or None on a featureless or evenly busy picture."""
    import cv2

    small = _resize(rgb, SALIENCY_SIDE)
    h, w = small.shape[:2]
    if float(small.std()) < 4:
        return None
    distinct, grained = _norm(_border_distinct(small)), _norm(_fine_grained(small))
    m = distinct * np.sqrt(grained) * _centre_prior(h, w)
    m = _norm(cv2.GaussianBlur(m.astype(np.float32), (0, 0), max(1.5, min(h, w) / 50)))
    # detail spread evenly (no region stands out): no single subject
    if float(m.mean()) > 0.35 or float(np.percentile(m, 99)) - float(np.median(m)) < 0.3:
        return None
    b = _main_component(m, SALIENT_LEVEL)
    if b is None:
        return None
    # the contrast map alone often sees more of a large subject (the outer petals of a flower):
    # take its region too when it is centred on the same place and is not half the picture
    g = _main_component(_norm(grained * _centre_prior(h, w)), SALIENT_LEVEL)
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    if g is not None and g[0] <= cx <= g[2] and g[1] <= cy <= g[3] and (g[2] - g[0]) * (g[3] - g[1]) < 0.5 * w * h:
        b = (min(b[0], g[0]), min(b[1], g[1]), max(b[2], g[2]), max(b[3], g[3]))
    if (b[2] - b[0]) * (b[3] - b[1]) > WHOLE * w * h:
        return None  # everything stands out: no subject
    # the extent: the region around the peak down to a low level (a cat's face that fills the
    # picture reads as its middle at SALIENT_LEVEL); the core: all that is near the peak
    e = _main_component(m, EXTENT_LEVEL) or b
    box = (min(b[0], e[0]) / w, min(b[1], e[1]) / h, max(b[2], e[2]) / w, max(b[3], e[3]) / h)
    ys, xs = np.nonzero(m >= CORE_LEVEL)
    gx, gy = (xs.max() + 1 - xs.min()) * CORE_GROW, (ys.max() + 1 - ys.min()) * CORE_GROW
    core = (max(0.0, xs.min() - gx) / w, max(0.0, ys.min() - gy) / h,
            min(float(w), xs.max() + 1 + gx) / w, min(float(h), ys.max() + 1 + gy) / h)
    if (core[2] - core[0]) * (core[3] - core[1]) > WHOLE:
        # "surely the subject" all over (a noisy portrait cut at the nose): a crop has nothing to
        # follow, and a text anywhere would cover it; the centre, as for a busy picture
        return None
    found = Subject(box, "saliency", f"peak {float(m.max()):.2f}", tuple(float(v) for v in core))  # type: ignore[arg-type]
    return _object(small, found) or found


def _object(small: np.ndarray, found: Subject) -> Subject | None:
    """The object inside a salient region, when GrabCut (seeded: the salient core maybe the
    object, the rest of the box maybe background, outside the box background) separates one
    that agrees with the saliency: it takes in at least `OBJECT_CORE` of the core, is one piece
    (`OBJECT_SHARE` of the foreground) and not a speck (`OBJECT_AREA`). Its box is much tighter
    than the salient region where that region takes in the surroundings (the rocket's launch
    towers, the coffee's table, the trees beside the pagoda); None when they do not agree."""
    import cv2

    img = _resize(small, OBJECT_SIDE)
    h, w = img.shape[:2]
    bx0, by0, bx1, by1 = (round(v * s) for v, s in zip(found.box, (w, h, w, h), strict=True))
    cx0, cy0, cx1, cy1 = (round(v * s) for v, s in zip(found.core or found.box, (w, h, w, h), strict=True))
    if bx1 - bx0 < 4 or by1 - by0 < 4 or cx1 <= cx0 or cy1 <= cy0:
        return None
    mask = np.full((h, w), cv2.GC_BGD, np.uint8)
    mask[by0:by1, bx0:bx1] = cv2.GC_PR_BGD
    mask[cy0:cy1, cx0:cx1] = cv2.GC_PR_FGD
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.setRNGSeed(1)  # its colour models start from k-means: the same picture, the same object
    try:
        cv2.grabCut(cv2.cvtColor(img, cv2.COLOR_RGB2BGR), mask, None, bgd, fgd, 2, cv2.GC_INIT_WITH_MASK)
    except cv2.error:  # one colour only (no background or no foreground samples)
        return None
    fg = ((mask == cv2.GC_FGD) | (mask == cv2.GC_PR_FGD)).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(fg)
    if n < 2 or float(fg[cy0:cy1, cx0:cx1].mean()) < OBJECT_CORE:
        return None
    i = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, bw, bh, area = (int(v) for v in stats[i])
    if area < OBJECT_SHARE * float(fg.sum()) or not OBJECT_AREA * w * h <= area <= WHOLE * w * h:
        return None
    box = (x / w, y / h, (x + bw) / w, (y + bh) / h)
    dx, dy = OBJECT_INSET * bw / w, OBJECT_INSET * bh / h
    core = (box[0] + dx, box[1] + dy, box[2] - dx, box[3] - dy)
    return Subject(box, "saliency", f"{found.detail}, object {area / (w * h):.0%} of the picture", core)


def find_subject(image: str | Path | np.ndarray) -> Subject | None:
    """The subject of a picture (faces, cat faces, else saliency), or None for the centre."""
    if _ahead and not isinstance(image, np.ndarray):  # `prefetch` may have found it already
        ahead = _ahead.pop(_file_key(image), None)
        if ahead is not None:
            return ahead.result()
    return _find(image)


def load_cv2() -> None:
    """Import OpenCV in this thread before threads use it: its import swaps the module in
    ``sys.modules`` mid-way, so two threads importing it at once can see it without ``cv2.data``
    (seen in CI: "module 'cv2' has no attribute 'data'")."""
    import cv2
    import cv2.data  # noqa: F401


def _find(image: str | Path | np.ndarray) -> Subject | None:
    rgb = load_rgb(image, max_side=DETECT_SIDE * 2)
    return faces(rgb) or (None if isinstance(image, np.ndarray) else cutout(image)) or plain(rgb) or salient(rgb)


_ahead: dict[tuple[str, int, int], Future] = {}


def _file_key(path: str | Path) -> tuple[str, int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), -1, -1)
    return (os.path.realpath(path), st.st_size, st.st_mtime_ns)


def prefetch(paths: Iterable[str | Path]) -> None:
    """Start finding the subjects of the upright still pictures among ``paths`` in the
    background, a few at once, so `find_subject` of the same unchanged file takes the result.

    `reelforge make` calls this first: OpenCV works on the other core while Python loads the
    planner and probes the files (~0.7 s of the ~3 s before the first frame). Anything else
    (not a picture, over the pixel limit, or one ingest replaces by a copy: turned by its EXIF
    tag, or larger than `DOWNSCALE_ABOVE`) is left to the normal path."""
    from PIL import Image

    from reelforge.media.limits import DOWNSCALE_ABOVE, MAX_IMAGE_PIXELS

    todo = []
    for p in paths:
        try:
            with Image.open(p) as im:
                upright = im.getexif().get(0x0112, 1) == 1  # Orientation
                kept = max(im.size) <= DOWNSCALE_ABOVE and im.width * im.height <= MAX_IMAGE_PIXELS
                if upright and kept and getattr(im, "n_frames", 1) == 1:
                    todo.append(p)
        except (OSError, ValueError, Image.DecompressionBombError):
            continue
    if not todo:
        return
    load_cv2()
    pool = ThreadPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1), thread_name_prefix="subject")
    for p in todo:
        _ahead[_file_key(p)] = pool.submit(_find, p)
    pool.shutdown(wait=False)


def video_subject(path: str | Path, samples: int = 3) -> Subject | None:
    """The subject of a clip: the box around the subjects of ``samples`` frames spread through it
    (faces on any frame win over saliency)."""
    import av

    from reelforge.media.probe import upright_rgb

    found: list[Subject] = []
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        duration = float(c.duration or 0) / 1e6
        for k in range(samples):
            at = duration * (k + 1) / (samples + 1)
            if at > 0 and stream.time_base:
                c.seek(int(at / float(stream.time_base)), stream=stream, backward=True)
            frame = next(iter(c.decode(stream)), None)
            if frame is None:
                continue
            s = find_subject(upright_rgb(frame))  # (a phone clip's display matrix applied)
            if s is not None:
                found.append(s)
    best = [s for s in found if s.source != "saliency"] or found
    if not best:
        return None
    return Subject(_union(s.box for s in best), best[0].source, f"{len(best)} of {samples} frames",
                   _union(s.core or s.box for s in best))
