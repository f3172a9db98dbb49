"""Pixel limits, checked from headers before anything is decoded.

A few hundred bytes can declare a 13000x13000 picture (a "pixel bomb"); decoding it would
allocate gigabytes. So the size is read first — Pillow's lazy ``Image.open`` for pictures,
the container/codec parameters for video — and refused above the cap with `UnsupportedMedia`
(4001, the limit in the message). Every FFmpeg decoder is also opened with ``max_pixels`` set
to the cap (`av_options`), so a size the header hides still cannot allocate more.

Defaults: 50 megapixels for a still picture, 8K (8192x4320, 35.4 megapixels; no side over 8192)
for video and animations. The service sets them from ``REELFORGE_MAX_IMAGE_PIXELS`` /
``REELFORGE_MAX_VIDEO_PIXELS``.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reelforge.errors import UnsupportedMedia

MAX_IMAGE_PIXELS = 50_000_000
"""Largest still picture accepted (50 megapixels)."""
MAX_VIDEO_PIXELS = 8192 * 4320
"""Largest video frame accepted (8K DCI, 35.4 megapixels)."""
MAX_VIDEO_SIDE = 8192
"""No video frame side longer than this (H.264 level 6.2 tops out at 8192)."""
MAX_ANIMATION_PIXELS = 300_000_000
"""Decoded pixels summed over an animation's frames (GIF/WebP/APNG): frames x canvas, since
every frame is decoded onto the whole canvas (a 1x1 frame on an 8000x4000 canvas costs 32
megapixels). About 1 s of CPU at the limit."""
MAX_ANIMATION_FRAMES = 3000
"""Frames of one animation (each costs its decode and bookkeeping, however small)."""
LARGE_DECODE_PIXELS = 16_000_000
"""Decodes of at least this many pixels take a slot of `decode_slot` (small ones never wait)."""
DOWNSCALE_ABOVE = 4096
"""Photos whose long side is larger than this many pixels are downscaled at ingest..."""
DOWNSCALE_TO = 3840
"""...to exactly this long side (keeps 4K UHD output sharp)."""


@dataclass(frozen=True)
class PixelLimits:
    image: int = MAX_IMAGE_PIXELS
    video: int = MAX_VIDEO_PIXELS
    video_side: int = MAX_VIDEO_SIDE
    animation: int = MAX_ANIMATION_PIXELS
    animation_frames: int = MAX_ANIMATION_FRAMES

    @property
    def decoder_cap(self) -> int:
        """``max_pixels`` for FFmpeg decoders: the larger of the two caps."""
        return max(self.image, self.video)


DEFAULT = PixelLimits()

_slots = threading.BoundedSemaphore(1)


def set_decode_concurrency(n: int) -> None:
    """How many large picture decodes (`decode_slot`) run at once in this process."""
    global _slots
    _slots = threading.BoundedSemaphore(max(1, int(n)))


@contextmanager
def decode_slot(pixels: int) -> Iterator[None]:
    """Hold one of the process's few slots while decoding ``pixels`` (when large): a decoded
    49-megapixel picture takes 150-200 MB, so N uploads at once must not decode N of them at
    once. The rest of an upload (streaming, hashing, moving) does not wait."""
    if pixels < LARGE_DECODE_PIXELS:
        yield
        return
    slots = _slots
    with slots:
        try:
            yield
        finally:
            _trim()


def _trim() -> None:
    """Hand the freed pixel buffers back to the system (glibc keeps a thread's freed memory in
    that thread's arena: decodes on N server threads would otherwise each keep their peak)."""
    global _malloc_trim
    if _malloc_trim is None:
        try:
            import ctypes

            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim = None


def av_options(limits: PixelLimits, *, opening: bool = False) -> dict[str, str]:
    """Options for ``av.open(..., options=...)`` (``opening``) and for a stream's
    ``codec_context.options`` before decoding: decoders refuse frames above the cap, use one
    thread, and while FFmpeg reads the stream info they skip decoding where they can."""
    options = {"max_pixels": str(limits.decoder_cap), "threads": "1"}
    if opening:
        options["skip_frame"] = "all"
    return options


def _mp(pixels: int) -> str:
    return f"{pixels / 1e6:.1f}".rstrip("0").rstrip(".") + " megapixels"


def image_too_large(label: str, width: int, height: int, limits: PixelLimits) -> UnsupportedMedia:
    return UnsupportedMedia(
        f"{label}: the picture is {width}x{height} ({_mp(width * height)}); "
        f"the limit is {_mp(limits.image)} for still images")


MIN_PICTURE_SIDE = 2  # a 1-pixel side cannot be panned or zoomed (ffmpeg wrote no frame at all)


def check_picture_side(label: str, width: int, height: int) -> None:
    """Refuse a picture too thin to show (a 1x1 tracking pixel, a 1 px line): it was accepted and
    every export of it failed with ffmpeg's own words."""
    if min(width, height) < MIN_PICTURE_SIDE:
        raise UnsupportedMedia(f"{label}: the picture is {width}x{height} px, too small to show "
                               f"(at least {MIN_PICTURE_SIDE} px each way)")


def check_video_size(label: str, width: int, height: int, limits: PixelLimits) -> None:
    """Refuse a video (or animation) frame above the cap."""
    if width * height > limits.video or max(width, height) > limits.video_side:
        raise UnsupportedMedia(
            f"{label}: the video frame is {width}x{height} ({_mp(width * height)}); the limit is "
            f"{_mp(limits.video)} with no side over {limits.video_side} px (8K)")


def video_size_unknown(label: str, limits: PixelLimits) -> UnsupportedMedia:
    return UnsupportedMedia(
        f"{label}: the video cannot be decoded within the limit of {_mp(limits.video)} "
        f"(no side over {limits.video_side} px), or it is damaged")


def check_picture_header(path: Path, label: str, limits: PixelLimits) -> tuple[int, int] | None:
    """Read a picture's size from its header (no pixel data) and refuse it above the cap.

    Returns (width, height), or None when Pillow does not recognise the file (then FFmpeg,
    with ``max_pixels``, decides)."""
    found = picture_header(path, label, limits)
    return found[:2] if found is not None else None


def picture_header(path: Path, label: str, limits: PixelLimits) -> tuple[int, int, int] | None:
    """`check_picture_header`, returning (width, height, frames)."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DecompressionBombWarning: we decide below
        try:
            with Image.open(path) as im:
                width, height = im.size
                frames = picture_frames(im, path, limits.animation_frames)
        except Image.DecompressionBombError as exc:
            # Pillow refuses above twice its own limit before we see the size; its message
            # has the pixel count ("Image size (256000000 pixels) exceeds limit of ...")
            found = re.search(r"\((\d+) pixels\)", str(exc))
            size = _mp(int(found.group(1))) if found else \
                f"larger than {_mp(2 * (Image.MAX_IMAGE_PIXELS or 0))}"
            raise UnsupportedMedia(
                f"{label}: the picture is {size}; the limit is {_mp(limits.image)} for still images") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            return None
    if frames > 1:
        check_animation(label, width, height, frames, limits)
    elif width * height > limits.image:
        raise image_too_large(label, width, height, limits)
    return width, height, frames


def check_animation(label: str, width: int, height: int, frames: int, limits: PixelLimits) -> None:
    """Refuse an animation whose decoding would cost too much: too many frames, or frames x
    canvas over the budget (each frame is decoded onto the whole canvas)."""
    check_video_size(label, width, height, limits)
    if frames > limits.animation_frames:
        raise UnsupportedMedia(
            f"{label}: the animation has more than {limits.animation_frames} frames; the limit is "
            f"{limits.animation_frames} frames (REELFORGE_MAX_ANIMATION_FRAMES)")
    if frames * width * height > limits.animation:
        raise UnsupportedMedia(
            f"{label}: the animation has {frames} frames of {width}x{height} "
            f"({_mp(frames * width * height)} in all); the limit is {_mp(limits.animation)} "
            "(REELFORGE_MAX_ANIMATION_PIXELS)")


def picture_frames(im, path: Path, cap: int) -> int:
    """Frames of a picture file, counting at most ``cap + 1``. Pillow's ``n_frames`` reads a
    GIF to its end (a 2 MB GIF can hold 100,000 frames), so GIF frames are counted on FFmpeg's
    demuxer (packets, nothing decoded) and the count stops past the cap; APNG and WebP keep
    their count in a header."""
    if im.format not in ("GIF", "WEBP", "PNG"):
        return 1
    if im.format == "GIF":
        try:
            import av

            with av.open(str(path), format="gif") as container:
                stream = container.streams.video[0]
                count = 0
                for packet in container.demux(stream):
                    if packet.size:
                        count += 1
                        if count > cap:
                            break
                return max(1, count)
        except Exception:  # FFmpeg cannot read it: Pillow decides (its errors, its count)
            pass
    return int(getattr(im, "n_frames", 1) or 1)
