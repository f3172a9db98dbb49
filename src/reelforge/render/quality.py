"""Measurements of rendered frames, for tests and bench/quality.py: motion jitter and how much
of a known subject a frame shows.

* `motion_jitter`: how unevenly the content moves. Consecutive frames are compared patch by
  patch (3x3): phase correlation (``cv2.phaseCorrelate``) finds each patch's shift, a few
  Lucas-Kanade steps (`_refined`) refine it; a patch's displacement over time should be a smooth
  curve, so the frame-to-frame change of its velocity (the second difference of the
  displacement) is the jitter, per frame the median over the patches taken per axis. Patches
  without fine detail (a blurred fill, bokeh, sky) are left out: they give correlation noise,
  not motion. Why the refinement: phase correlation's sub-pixel peak is pulled towards whole
  pixels ("pixel locking"), and as a pan's shift crosses fractions that bias reads as motion:
  a photo moved along an exact Lanczos-resampled eased pan read 0.18-0.28 px with phase
  correlation alone, 0.097 with the refinement (the path's own second difference: 0.09;
  tests/unit/test_quality_jitter.py). Whole-pixel stepping reads ~0.85 px.
* `locate`: where a source picture sits in an output frame (ORB features + a RANSAC
  similarity), so `visible_share` can tell how much of an annotated subject box is on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

PATCHES = 3  # patches per axis (a 3x3 grid); zooms move each patch differently
MIN_DETAIL = 1.5  # mean |Laplacian| (grey levels) a patch needs to be measured


def _gray(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 3:
        frame = frame[..., 0] * 0.299 + frame[..., 1] * 0.587 + frame[..., 2] * 0.114
    return frame.astype(np.float32)


class _Shifts:
    """Per-patch displacement between consecutive frames, fed one frame at a time."""

    def __init__(self, patches: int = PATCHES) -> None:
        self.patches = patches
        self.prev: np.ndarray | None = None
        self.rows: list[np.ndarray] = []

    def add(self, frame: np.ndarray) -> None:
        import cv2

        g = _gray(frame)
        if self.prev is not None:
            h, w = g.shape
            n = self.patches
            ph, pw = h // (n + 1), w // (n + 1)
            win = cv2.createHanningWindow((pw, ph), cv2.CV_32F)
            row = np.full((n * n, 2), np.nan)
            for r in range(n):
                for c in range(n):
                    y0, x0 = int((r + 0.5) * h / (n + 1)), int((c + 0.5) * w / (n + 1))
                    # contiguous copies: `_refined`'s filters misread strided views of the frame
                    pa, pb = self.prev[y0:y0 + ph, x0:x0 + pw].copy(), g[y0:y0 + ph, x0:x0 + pw].copy()
                    # sub-pixel correlation needs fine detail: blurred or flat patches (a
                    # blurred fill, bokeh, sky) give noise, not motion, and are left out
                    if float(np.abs(cv2.Laplacian(pa, cv2.CV_32F)).mean()) >= MIN_DETAIL:
                        # copies again: phaseCorrelate windows a contiguous float32 input in place
                        (dx, dy), resp = cv2.phaseCorrelate(pa.copy(), pb.copy(), win)
                        if resp > 0.1:
                            row[r * n + c] = _refined(pa, pb, dx, dy)
            self.rows.append(row)
        self.prev = g

    def jitter(self) -> float | None:
        """RMS over frames of the change of velocity (the median over the measured patches,
        per axis: a median of lengths would keep every patch's noise as a floor); None when
        fewer than 5 frame pairs could be measured."""
        if len(self.rows) < 2:
            return None
        acc = np.diff(np.stack(self.rows), axis=0)  # change of velocity: (frame, patch, xy)
        per_frame = [float(np.hypot(*np.median(a[np.isfinite(a).all(axis=1)], axis=0)))
                     for a in acc if np.isfinite(a).all(axis=1).any()]
        if len(per_frame) < 5:
            return None
        return float(np.sqrt(np.mean(np.square(per_frame))))


def _refined(pa: np.ndarray, pb: np.ndarray, dx: float, dy: float) -> tuple[float, float]:
    """The shift of ``pb`` against ``pa``, refined from phase correlation's (dx, dy) by a few
    Gauss-Newton steps of Lucas-Kanade (``pb`` moved back by the estimate with a cubic
    resampler, the residual against ``pa`` solved on ``pa``'s gradients, away from the border)."""
    import cv2

    h, w = pa.shape
    m = 8 + int(max(abs(dx), abs(dy)))
    if h <= 4 * m or w <= 4 * m:
        return dx, dy
    a = cv2.GaussianBlur(pa, (0, 0), 1.0)
    b = cv2.GaussianBlur(pb, (0, 0), 1.0)
    gx = cv2.Sobel(a, cv2.CV_32F, 1, 0, ksize=3, scale=1 / 8)[m:-m, m:-m]
    gy = cv2.Sobel(a, cv2.CV_32F, 0, 1, ksize=3, scale=1 / 8)[m:-m, m:-m]
    hess = np.array([[np.sum(gx * gx), np.sum(gx * gy)], [np.sum(gx * gy), np.sum(gy * gy)]])
    if np.linalg.det(hess) <= 1e-6 * max(1.0, float(np.trace(hess))) ** 2:
        return dx, dy
    for _ in range(4):
        back = cv2.warpAffine(b, np.float32([[1, 0, -dx], [0, 1, -dy]]), (w, h), flags=cv2.INTER_CUBIC)
        err = (back - a)[m:-m, m:-m]
        step = np.linalg.solve(hess, [np.sum(gx * err), np.sum(gy * err)])
        dx, dy = dx - float(step[0]), dy - float(step[1])
        if abs(step[0]) + abs(step[1]) < 1e-3:
            break
    return dx, dy


def patch_shifts(frames: Sequence[np.ndarray], patches: int = PATCHES) -> np.ndarray:
    """Per-patch displacement between consecutive frames: shape (len(frames)-1, patches², 2),
    (dx, dy) in pixels; NaN where a patch had too little texture to correlate."""
    acc = _Shifts(patches)
    for f in frames:
        acc.add(f)
    return np.stack(acc.rows) if acc.rows else np.zeros((0, patches * patches, 2))


def motion_jitter(frames: Sequence[np.ndarray], patches: int = PATCHES) -> float | None:
    """RMS (px) over consecutive frames of the second difference of the content's displacement
    (per frame, the median over the patches with detail enough to measure, so a noisy patch
    does not count as motion); the frames of one moving shot, no cut or transition inside.
    None when too little of the picture has detail to measure."""
    acc = _Shifts(patches)
    for f in frames:
        acc.add(f)
    return acc.jitter()


@dataclass(frozen=True)
class Placement:
    """Where a source sits in a frame: frame = source * scale + (tx, ty); ``inliers`` matches."""

    scale: float
    tx: float
    ty: float
    inliers: int

    def frame_in_source(self, frame_w: int, frame_h: int) -> tuple[float, float, float, float]:
        """The frame's rectangle in source pixels (x, y, w, h)."""
        return (-self.tx / self.scale, -self.ty / self.scale, frame_w / self.scale, frame_h / self.scale)


def locate(source: np.ndarray, frame: np.ndarray, *, hint_scale: float | None = None) -> Placement | None:
    """Find ``source`` in ``frame`` (a crop/scale of it, maybe over a blurred copy of itself).

    The source is first brought near the frame's scale (``hint_scale``, else the cover scale)
    so ORB sees the same detail in both; returns None when fewer than 12 features agree.
    """
    import cv2

    sh, sw = source.shape[:2]
    fh, fw = frame.shape[:2]
    k0 = hint_scale or max(fw / sw, fh / sh)
    src = cv2.resize(source, (max(8, round(sw * k0)), max(8, round(sh * k0))), interpolation=cv2.INTER_AREA)
    a = _gray(src).astype(np.uint8)
    b = _gray(frame).astype(np.uint8)
    orb = cv2.ORB_create(nfeatures=3000, fastThreshold=10)
    ka, da = orb.detectAndCompute(a, None)
    kb, db = orb.detectAndCompute(b, None)
    if da is None or db is None or len(ka) < 8 or len(kb) < 8:
        return None
    matches = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True).match(da, db)
    if len(matches) < 12:
        return None
    pa = np.float32([ka[m.queryIdx].pt for m in matches])
    pb = np.float32([kb[m.trainIdx].pt for m in matches])
    m, inl = cv2.estimateAffinePartial2D(pa, pb, method=cv2.RANSAC, ransacReprojThreshold=3.0,
                                         maxIters=4000, confidence=0.999)
    if m is None or inl is None or int(inl.sum()) < 12:
        return None
    scale = float(np.hypot(m[0, 0], m[1, 0]))
    return Placement(scale=scale * k0, tx=float(m[0, 2]), ty=float(m[1, 2]), inliers=int(inl.sum()))


def visible_share(box: Sequence[float], placement: Placement, frame_w: int, frame_h: int) -> float:
    """Share of ``box`` = (x, y, w, h) in source pixels that the frame shows."""
    x, y, w, h = box
    fx, fy, fw, fh = placement.frame_in_source(frame_w, frame_h)
    ix = max(0.0, min(x + w, fx + fw) - max(x, fx))
    iy = max(0.0, min(y + h, fy + fh) - max(y, fy))
    return (ix * iy) / (w * h) if w * h > 0 else 0.0


# -- per shot of a rendered timeline ---------------------------------------------------------

@dataclass(frozen=True)
class ShotFigures:
    """What a rendered shot of a still measured: the least of its subject any sampled frame
    showed (None without a known subject, or when the picture could not be located), and the
    jitter of its motion (None for a still shot)."""

    name: str
    fit: str
    motion: str
    visible: float | None
    jitter: float | None
    frames: int


def shot_figures(video: str, timeline, subjects: dict[str, Sequence[float] | None], *,
                 samples: int = 4) -> list[ShotFigures]:
    """Measure every still on the main track of ``timeline`` in its render ``video``.

    ``subjects`` maps an asset id to its annotated subject box (x0, y0, x1, y1, source pixels of
    the picture as the asset's file holds it). Frames inside transitions are left out; visibility
    is sampled ``samples`` times through each shot, jitter over all its consecutive frames.
    """
    import av

    from reelforge.media.subject import load_rgb
    from reelforge.timeline.model import AssetKind, Fit, Motion, Role, VideoSegment

    main = timeline.track(Role.MAIN)
    segs = [s for s in (main.segments if main else ()) if isinstance(s, VideoSegment)]
    fps = timeline.fps
    spans = []
    for i, s in enumerate(segs):
        a = (s.start + s.transition_ms) * fps // 1000 + 1
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        b = (s.end - (nxt.transition_ms if nxt is not None else 0)) * fps // 1000 - 1
        spans.append((a, b))
    stills = [(s, ab) for s, ab in zip(segs, spans, strict=True)
              if timeline.asset(s.src).kind is AssetKind.IMAGE and ab[1] - ab[0] >= 3]
    owner: dict[int, int] = {}
    picks: dict[int, set[int]] = {}
    for i, (_, (a, b)) in enumerate(stills):
        owner.update({k: i for k in range(a, b)})
        picks[i] = {int(k) for k in np.linspace(a, b - 1, samples).round()}
    shifts = {i: _Shifts() for i in range(len(stills))}
    sampled: dict[int, list[np.ndarray]] = {i: [] for i in range(len(stills))}
    with av.open(video) as c:
        for k, frame in enumerate(c.decode(video=0)):
            i = owner.get(k)
            if i is None:
                continue
            rgb = frame.to_ndarray(format="rgb24")
            if stills[i][0].motion is not Motion.NONE:
                shifts[i].add(rgb)
            if k in picks[i]:
                sampled[i].append(rgb)
    out = []
    for i, (s, (a, b)) in enumerate(stills):
        asset = timeline.asset(s.src)
        jitter = shifts[i].jitter() if s.motion is not Motion.NONE else None
        box = subjects.get(asset.id)
        visible = None
        if box is not None:
            src = load_rgb(asset.path)
            x0, y0, x1, y1 = box
            shares = []
            # a picture shown whole (over its blurred fill) is at its contain scale, not the cover scale `locate`
            # starts from: ORB there found too few of its features once the captions had no plate (their
            # outlined letters add features of their own), and the shot's figure was lost in one CI run
            for f in sampled[i]:
                whole = min(f.shape[1] / src.shape[1], f.shape[0] / src.shape[0]) if s.fit is not Fit.COVER else None
                p = (whole and locate(src, f, hint_scale=whole)) or locate(src, f)
                if p is None:
                    shares = []
                    break
                shares.append(visible_share((x0, y0, x1 - x0, y1 - y0), p, f.shape[1], f.shape[0]))
            visible = min(shares) if shares else None
        out.append(ShotFigures(s.name or asset.name, s.fit.value, s.motion.value, visible, jitter, b - a))
    return out
