"""Measurements of rendered frames, for tests and bench/quality.py: motion jitter and how much
of a known subject a frame shows.

* `motion_jitter`: how unevenly the content moves. Consecutive frames are compared patch by
  patch with phase correlation (``cv2.phaseCorrelate``, sub-pixel); a patch's displacement
  over time should be a smooth curve, so the frame-to-frame change of its velocity (the second
  difference of the displacement) is the jitter. Whole-pixel stepping shows as 0.5-2 px; a
  sub-pixel eased move as a few hundredths.
* `locate`: where a source picture sits in an output frame (ORB features + a RANSAC
  similarity), so `visible_share` can tell how much of an annotated subject box is on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

PATCHES = 3  # patches per axis (a 3x3 grid); zooms move each patch differently


def _gray(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 3:
        frame = frame[..., 0] * 0.299 + frame[..., 1] * 0.587 + frame[..., 2] * 0.114
    return frame.astype(np.float32)


def patch_shifts(frames: Sequence[np.ndarray], patches: int = PATCHES) -> np.ndarray:
    """Per-patch displacement between consecutive frames: shape (len(frames)-1, patches², 2),
    (dx, dy) in pixels; NaN where a patch had too little texture to correlate."""
    import cv2

    grays = [_gray(f) for f in frames]
    h, w = grays[0].shape
    ph, pw = h // (patches + 1), w // (patches + 1)
    win = cv2.createHanningWindow((pw, ph), cv2.CV_32F)
    out = np.full((max(0, len(grays) - 1), patches * patches, 2), np.nan)
    for i in range(1, len(grays)):
        a, b = grays[i - 1], grays[i]
        k = 0
        for r in range(patches):
            for c in range(patches):
                y0 = int((r + 0.5) * h / (patches + 1))
                x0 = int((c + 0.5) * w / (patches + 1))
                pa, pb = a[y0:y0 + ph, x0:x0 + pw], b[y0:y0 + ph, x0:x0 + pw]
                if pa.std() > 2.0:
                    (dx, dy), resp = cv2.phaseCorrelate(pa, pb, win)
                    if resp > 0.1:
                        out[i - 1, k] = (dx, dy)
                k += 1
    return out


def motion_jitter(frames: Sequence[np.ndarray], patches: int = PATCHES) -> float:
    """RMS (px) of the second difference of each patch's displacement over consecutive frames
    (the frames of one moving shot, no cut or transition inside)."""
    s = patch_shifts(frames, patches)
    if len(s) < 2:
        return 0.0
    acc = np.diff(s, axis=0)  # change of velocity, per patch
    acc = acc[np.isfinite(acc).all(axis=2)]
    if not len(acc):
        return 0.0
    return float(np.sqrt(np.mean(np.sum(acc ** 2, axis=1))))


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
