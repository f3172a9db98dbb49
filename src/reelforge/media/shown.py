"""A decoded picture as the video shows it: upright, transparency over the background, 8 bits.

Analysis (subject detection, text legibility, reframing) reads pictures with Pillow, where
ffmpeg draws them. Pillow's ``convert("RGB")`` clips 16- and 32-bit pixels at 255 instead of
scaling them, so a 16-bit PNG (scanners, microscopes, camera raw exports) read as almost
white: no subject found, dark text chosen over a picture the video shows mid-grey.
"""

from __future__ import annotations

import numpy as np

_WIDE = ("I;16", "I;16L", "I;16B", "I;16N", "I", "F")


def as_shown(im, mode: str = "RGB", background: tuple[int, int, int] = (0, 0, 0)):
    """``im`` (an open Pillow image, JPEG draft already set) upright, over ``background`` where
    transparent, in ``mode`` ("RGB" or "L") with 8-bit levels scaled from wider ones."""
    from PIL import Image, ImageOps

    im = ImageOps.exif_transpose(im)
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        back = Image.new("RGBA", im.size, (*background, 255))
        im = Image.alpha_composite(back, im.convert("RGBA"))
    elif im.mode in _WIDE:
        im = Image.fromarray(_eight_bit(np.asarray(im)))
    return im.convert(mode)


def _eight_bit(arr: np.ndarray) -> np.ndarray:
    """Wide grey levels to 0-255: floats as shares of 1 (or of 255 when above 1), integers as
    16-bit (or 8-bit when nothing is above 255)."""
    if arr.dtype.kind == "f":
        peak = 255.0 if float(arr.max(initial=0)) > 1.0 else 1.0
        return np.clip(arr / peak * 255.0 + 0.5, 0, 255).astype(np.uint8)
    arr = arr.astype(np.int64)
    if int(arr.max(initial=0)) > 255:
        arr = arr // 257
    return np.clip(arr, 0, 255).astype(np.uint8)


CLEAR_SHARE = 0.02  # least share of see-through pixels for a picture to be shown on a backdrop of its own
LIGHT_BACKDROP, DARK_BACKDROP = "#FFFFFF", "#121212"


def _luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG relative luminance (0-1) of sRGB values 0-255."""
    c = rgb / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


def backdrop_for(path) -> str | None:
    """The plain colour a picture with transparency (a logo, a product cut out) is shown on:
    white, unless what it shows is light (a white logo), then near-black, whichever contrasts
    more with its visible pixels (WCAG contrast of their mean luminance). None for a picture
    that has no transparency (or almost none): it covers its own background."""
    from PIL import Image, ImageOps

    with Image.open(path) as im:
        if not (im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)):
            return None
        im = ImageOps.exif_transpose(im)
        im.thumbnail((256, 256))
        arr = np.asarray(im.convert("RGBA"), dtype=np.float64)
    alpha = arr[:, :, 3] / 255.0
    if float((alpha < 0.5).mean()) < CLEAR_SHARE or float(alpha.sum()) < 1.0:
        return None
    lum = float((_luminance(arr[:, :, :3]) * alpha).sum() / alpha.sum())
    on_light = 1.05 / (lum + 0.05)
    on_dark = (lum + 0.05) / (float(_luminance(np.array([[0x12] * 3], dtype=np.float64))[0]) + 0.05)
    return LIGHT_BACKDROP if on_light >= on_dark else DARK_BACKDROP
