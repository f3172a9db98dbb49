"""Smart reframing: find the subject of a picture and place an aspect-changing crop around it.

`subject_box` looks for faces first (OpenCV's bundled Haar cascade, on a copy downscaled to
at most 480 px — the ``ai`` extra), otherwise for the most detailed region (a saliency map
mixing local gradient energy and the spectral residual, numpy only), otherwise the centre.
`crop_for` turns a subject box into the largest crop of the output's aspect that keeps the
subject inside (and as centred as the picture's edges allow). Both work in source pixels of
the picture as displayed (EXIF orientation applied when loading from a path).

Faces need OpenCV (opencv-contrib-python-headless, a core dependency); without it `subject_box` still works
from saliency unless ``faces="require"`` is passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np

from reelforge.errors import UnsupportedMedia, reason
from reelforge.media.shown import as_shown

DETECT_MAX_SIDE = 480
SALIENCY_SIDE = 96


@dataclass(frozen=True)
class Box:
    """A rectangle in source pixels; ``source`` says how it was found."""

    x: int
    y: int
    w: int
    h: int
    source: Literal["face", "saliency", "center"] = "center"
    score: float = 0.0

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def inside(self, crop: tuple[int, int, int, int], tolerance: int = 0) -> bool:
        """True when this box lies within ``crop`` = (x, y, w, h) (give or take ``tolerance`` px)."""
        x, y, w, h = crop
        return (self.x >= x - tolerance and self.y >= y - tolerance
                and self.x + self.w <= x + w + tolerance and self.y + self.h <= y + h + tolerance)

    def visible_fraction(self, crop: tuple[int, int, int, int]) -> float:
        """Share of this box's area that falls inside ``crop``."""
        x, y, w, h = crop
        ix = max(0, min(self.x + self.w, x + w) - max(self.x, x))
        iy = max(0, min(self.y + self.h, y + h) - max(self.y, y))
        area = self.w * self.h
        return (ix * iy) / area if area else 0.0


# -- loading -------------------------------------------------------------------------------
def load_rgb(image: str | Path | np.ndarray) -> np.ndarray:
    """An HxWx3 uint8 array from a path (EXIF-upright, via Pillow) or an array (gray/RGB/RGBA)."""
    return _load(image)[0]


def _load(image: str | Path | np.ndarray, max_side: int | None = None) -> tuple[np.ndarray, tuple[int, int]]:
    """(pixels, (display width, display height)); a JPEG may decode smaller when ``max_side`` is set."""
    if isinstance(image, np.ndarray):
        arr = image
        if arr.ndim == 2:
            arr = np.repeat(arr[:, :, None], 3, axis=2)
        if arr.ndim != 3 or arr.shape[2] not in (3, 4):
            raise ValueError(f"expected an HxW or HxWx3/4 array, got shape {arr.shape}")
        arr = arr[:, :, :3]
        if arr.dtype != np.uint8:
            arr = np.clip(arr * (255.0 if arr.max() <= 1.0 else 1.0), 0, 255).astype(np.uint8)
        arr = np.ascontiguousarray(arr)
        return arr, (arr.shape[1], arr.shape[0])
    from PIL import Image, UnidentifiedImageError

    path = Path(image)
    try:
        with Image.open(path) as im:
            w, h = im.size
            try:
                orient = im.getexif().get(0x0112, 1)
            except Exception:  # noqa: BLE001 - EXIF is advisory
                orient = 1
            if orient in (5, 6, 7, 8):
                w, h = h, w
            if max_side:
                im.draft("RGB", (max_side, max_side))  # JPEG: decode at a reduced scale
            arr = np.asarray(as_shown(im))
    except (UnidentifiedImageError, OSError) as exc:
        raise UnsupportedMedia(f"{path.name}: not a readable picture ({reason(exc)})") from exc
    return arr, (w, h)


def frame_at(video_path: str | Path, at_ms: int | None = None) -> np.ndarray:
    """One decoded RGB frame of a video (the middle one by default), via PyAV, as displayed."""
    import av

    from reelforge.media.probe import upright_rgb

    path = Path(video_path)
    try:
        with av.open(str(path)) as c:
            stream = c.streams.video[0]
            duration = float(c.duration or 0) / 1e6
            target = (at_ms / 1000.0) if at_ms is not None else duration / 2
            if target > 0 and stream.time_base:
                c.seek(int(target / float(stream.time_base)), stream=stream, backward=True)
            last = None
            for frame in c.decode(stream):
                last = frame
                if frame.time is None or frame.time >= target - 1e-3:
                    break
            if last is None:
                raise UnsupportedMedia(f"{path.name}: no video frame")
            return upright_rgb(last)  # as displayed (a phone clip's display matrix applied)
    except (av.error.FFmpegError, IndexError) as exc:  # type: ignore[attr-defined]
        raise UnsupportedMedia(f"{path.name}: cannot decode a frame ({reason(exc)})") from exc


def _downscale(rgb: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    h, w = rgb.shape[:2]
    f = min(1.0, max_side / max(h, w))
    if f >= 1.0:
        return rgb, 1.0
    from PIL import Image

    small = Image.fromarray(rgb).resize((max(1, round(w * f)), max(1, round(h * f))), Image.BILINEAR)
    return np.asarray(small), f


def _gray(rgb: np.ndarray) -> np.ndarray:
    return (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114).astype(np.float32)


# -- faces ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _face_cascade():
    from reelforge.ai import require

    cv2 = require("cv2", "face detection for smart reframing", package="opencv-contrib-python-headless")
    from reelforge.ai import AIExtraMissing

    folder = getattr(getattr(cv2, "data", None), "haarcascades", None)
    path = Path(folder or "") / "haarcascade_frontalface_default.xml"
    if not hasattr(cv2, "CascadeClassifier") or not path.is_file():
        # OpenCV 5 moved the Haar cascades out of the main package
        raise AIExtraMissing("face detection", "OpenCV's Haar cascades",
                             hint="pip install 'opencv-contrib-python-headless>=4.9,<5'")
    cascade = cv2.CascadeClassifier(str(path))
    if cascade.empty():
        raise AIExtraMissing("face detection", "a readable Haar face cascade",
                             hint="pip install --force-reinstall 'opencv-contrib-python-headless>=4.9,<5'")
    return cv2, cascade


def detect_faces(rgb: np.ndarray) -> list[Box]:
    """Frontal faces in an RGB array (coordinates of that array), largest first."""
    cv2, cascade = _face_cascade()
    small, f = _downscale(rgb, DETECT_MAX_SIDE)
    gray = cv2.equalizeHist(_gray(small).astype(np.uint8))
    min_side = max(24, int(min(gray.shape) * 0.08))  # faces under ~8% of the short side do not steer a crop
    found = cascade.detectMultiScale(gray, scaleFactor=1.15, minNeighbors=5, minSize=(min_side, min_side))
    boxes = [Box(int(x / f), int(y / f), int(w / f), int(h / f), "face", 1.0) for x, y, w, h in found]
    return sorted(boxes, key=lambda b: b.w * b.h, reverse=True)


# -- saliency ------------------------------------------------------------------------------
def _box_blur(a: np.ndarray, k: int) -> np.ndarray:
    if k <= 1:
        return a
    kern = np.ones(k, np.float32) / k
    a = np.apply_along_axis(lambda r: np.convolve(r, kern, mode="same"), 1, a)
    return np.apply_along_axis(lambda c: np.convolve(c, kern, mode="same"), 0, a)


def saliency_map(rgb: np.ndarray, side: int = SALIENCY_SIDE) -> np.ndarray:
    """A coarse map (max side ``side``) of where the detail is: gradient energy x spectral residual."""
    small, _ = _downscale(rgb, side * 2)
    g = _gray(small) / 255.0
    gy, gx = np.gradient(g)
    energy = np.hypot(gx, gy)
    # spectral residual (Hou & Zhang 2007) on the same grid
    spec = np.fft.fft2(g)
    logamp = np.log(np.abs(spec) + 1e-8)
    resid = logamp - _box_blur(logamp, 3)
    sr = np.abs(np.fft.ifft2(np.exp(resid + 1j * np.angle(spec)))) ** 2
    k = max(3, (min(g.shape) // 12) | 1)
    energy = _box_blur(energy, k)
    sr = _box_blur(sr.astype(np.float32), k)
    sal = _norm(energy) * 0.7 + _norm(sr) * 0.3
    # downscale to the coarse grid by averaging 2x2 blocks
    h2, w2 = (sal.shape[0] // 2) * 2, (sal.shape[1] // 2) * 2
    sal = sal[:h2, :w2].reshape(h2 // 2, 2, w2 // 2, 2).mean(axis=(1, 3))
    return _norm(sal)


def _norm(a: np.ndarray) -> np.ndarray:
    lo, hi = float(a.min()), float(a.max())
    return (a - lo) / (hi - lo) if hi > lo else np.zeros_like(a)


def _grow(mask: np.ndarray, seed: tuple[int, int]) -> np.ndarray:
    """The 8-connected component of ``mask`` containing ``seed`` (iterative dilation)."""
    region = np.zeros_like(mask)
    region[seed] = True
    while True:
        d = region.copy()
        d[1:, :] |= region[:-1, :]
        d[:-1, :] |= region[1:, :]
        d[:, 1:] |= region[:, :-1]
        d[:, :-1] |= region[:, 1:]
        d[1:, 1:] |= region[:-1, :-1]
        d[:-1, :-1] |= region[1:, 1:]
        d[1:, :-1] |= region[:-1, 1:]
        d[:-1, 1:] |= region[1:, :-1]
        d &= mask
        if (d == region).all():
            return region
        region = d


def salient_box(rgb: np.ndarray) -> Box | None:
    """The bounding box of the most detailed region, or None on a featureless picture."""
    h, w = rgb.shape[:2]
    sal = saliency_map(rgb)
    if sal.max() <= 0:
        return None
    # a picture with detail everywhere has no single subject: mean close to the peak
    contrast = 1.0 - float(sal.mean())
    if contrast < 0.45:
        return None
    seed = np.unravel_index(int(np.argmax(sal)), sal.shape)
    region = _grow(sal >= 0.5, seed)
    ys, xs = np.nonzero(region)
    sy, sx = h / sal.shape[0], w / sal.shape[1]
    x0, x1 = int(xs.min() * sx), int(min(w, (xs.max() + 1) * sx))
    y0, y1 = int(ys.min() * sy), int(min(h, (ys.max() + 1) * sy))
    return Box(x0, y0, max(1, x1 - x0), max(1, y1 - y0), "saliency", round(contrast, 3))


# -- public --------------------------------------------------------------------------------
def subject_box(image: str | Path | np.ndarray, *,
                faces: Literal["auto", "require", "off"] = "auto") -> Box:
    """Where the subject of a picture is, in display pixels of the picture.

    Faces first (all faces at least a quarter the size of the largest, as one box), else the
    most detailed region, else the whole picture (``source="center"``).
    """
    rgb, (W, H) = _load(image, max_side=DETECT_MAX_SIDE * 2)
    h, w = rgb.shape[:2]
    sx, sy = W / w, H / h

    def scaled(b: Box) -> Box:
        if sx == 1.0 and sy == 1.0:
            return b
        return Box(int(b.x * sx), int(b.y * sy), int(b.w * sx), int(b.h * sy), b.source, b.score)

    if faces != "off":
        from reelforge.ai import AIExtraMissing

        try:
            found = detect_faces(rgb)
        except AIExtraMissing:
            if faces == "require":
                raise
            found = []
        if found:
            big = found[0].w * found[0].h
            keep = [b for b in found if b.w * b.h >= big / 4]
            x0, y0 = min(b.x for b in keep), min(b.y for b in keep)
            x1, y1 = max(b.x + b.w for b in keep), max(b.y + b.h for b in keep)
            return scaled(Box(x0, y0, x1 - x0, y1 - y0, "face", float(len(keep))))
    box = salient_box(rgb)
    if box is not None:
        return scaled(box)
    return Box(0, 0, W, H, "center", 0.0)


def crop_for(src_w: int, src_h: int, out_w: int, out_h: int,
             subject: Box | None = None) -> tuple[int, int, int, int]:
    """The largest ``out_w:out_h`` crop of a ``src_w x src_h`` picture that keeps ``subject`` in.

    Returns ``(x, y, w, h)`` in source pixels (even sizes). The crop is centred on the subject,
    then pushed back inside the picture; a subject larger than the crop is centred. With no
    subject (or a ``"center"`` one) this is the plain centre crop.
    """
    if min(src_w, src_h, out_w, out_h) <= 0:
        raise ValueError("sizes must be positive")
    target = out_w / out_h
    if src_w / src_h > target:  # source wider: full height, narrower width
        ch = src_h
        cw = min(src_w, int(round(src_h * target)))
    else:
        cw = src_w
        ch = min(src_h, int(round(src_w / target)))
    cw -= cw % 2
    ch -= ch % 2
    cw, ch = max(2, cw), max(2, ch)
    if subject is None or subject.source == "center":
        cx, cy = src_w / 2, src_h / 2
    else:
        cx, cy = subject.cx, subject.cy
    x = int(round(cx - cw / 2))
    y = int(round(cy - ch / 2))
    x = min(max(0, x), src_w - cw)
    y = min(max(0, y), src_h - ch)
    return x, y, cw, ch


def smart_crop(image: str | Path | np.ndarray, out_w: int, out_h: int) -> tuple[int, int, int, int]:
    """`crop_for` of the picture's own size and its `subject_box`."""
    box = subject_box(image)
    w, h = _load(image, max_side=64)[1] if not isinstance(image, np.ndarray) else (image.shape[1], image.shape[0])
    return crop_for(w, h, out_w, out_h, box)


def focus_point(image: str | Path | np.ndarray) -> tuple[float, float, str]:
    """``(fx, fy, source)``: the subject's centre as fractions of the picture (0..1).

    This is all `crop_for` needs, for any output aspect: store it on a segment/asset and
    compute ``crop_for_focus(src_w, src_h, out_w, out_h, fx, fy)`` when compiling the render.
    A picture with no subject gives ``(0.5, 0.5, "center")``.
    """
    box = subject_box(image)
    if box.source == "center":
        return 0.5, 0.5, "center"
    if isinstance(image, np.ndarray):
        w, h = image.shape[1], image.shape[0]
    else:
        w, h = _load(image, max_side=64)[1]
    return round(box.cx / w, 4), round(box.cy / h, 4), box.source


def crop_for_focus(src_w: int, src_h: int, out_w: int, out_h: int,
                   fx: float = 0.5, fy: float = 0.5) -> tuple[int, int, int, int]:
    """`crop_for` with the subject given as a focus point (fractions of the picture)."""
    if not (0.0 <= fx <= 1.0 and 0.0 <= fy <= 1.0):
        raise ValueError("focus point must be within 0..1")
    cx, cy = fx * src_w, fy * src_h
    return crop_for(src_w, src_h, out_w, out_h, Box(int(cx), int(cy), 0, 0, "saliency"))


def video_focus(video_path: str | Path, samples: int = 3) -> tuple[float, float, str]:
    """`focus_point` of a clip: the median subject centre over ``samples`` frames spread
    through it (faces on any frame win over saliency)."""
    import av

    path = Path(video_path)
    try:
        with av.open(str(path)) as c:
            duration_ms = int(float(c.duration or 0) / 1000)
    except av.error.FFmpegError as exc:  # type: ignore[attr-defined]
        raise UnsupportedMedia(f"{path.name}: cannot be decoded ({reason(exc)})") from exc
    points: dict[str, list[tuple[float, float]]] = {"face": [], "saliency": []}
    for k in range(samples):
        at = int(duration_ms * (k + 1) / (samples + 1)) if duration_ms else None
        frame = frame_at(path, at)
        fx, fy, source = focus_point(frame)
        if source in points:
            points[source].append((fx, fy))
    for source in ("face", "saliency"):
        if points[source]:
            xs, ys = zip(*points[source], strict=True)
            return round(float(np.median(xs)), 4), round(float(np.median(ys)), 4), source
    return 0.5, 0.5, "center"
