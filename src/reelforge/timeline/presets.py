"""Output frame presets: platforms and aspect ratios mapped to a frame size.

Pure data, shared by the planner (which picks one) and the renderer (which obeys the
timeline's width/height). Sizes are even so yuv420p needs no padding.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    name: str
    width: int
    height: int
    label: str

    @property
    def aspect(self) -> str:
        return ASPECT_OF.get((self.width, self.height), f"{self.width}:{self.height}")


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset("16:9", 1920, 1080, "Landscape 16:9 (YouTube) 1920x1080"),
        Preset("9:16", 1080, 1920, "Vertical 9:16 (TikTok, Reels, Shorts) 1080x1920"),
        Preset("1:1", 1080, 1080, "Square 1:1 1080x1080"),
        Preset("4:5", 1080, 1350, "Portrait 4:5 (Instagram feed) 1080x1350"),
        Preset("720p", 1280, 720, "Landscape 720p 1280x720"),
        Preset("4k", 3840, 2160, "Landscape 4K 3840x2160"),
    )
}

FRAME_RATES = (24, 25, 30, 50, 60)  # what a user may ask for ("60fps", "24 fps"); 30 unless asked

ASPECT_OF = {(1920, 1080): "16:9", (1280, 720): "16:9", (3840, 2160): "16:9",
             (1080, 1920): "9:16", (720, 1280): "9:16", (2160, 3840): "9:16",
             (1080, 1080): "1:1", (720, 720): "1:1", (2160, 2160): "1:1",
             (1080, 1350): "4:5", (576, 720): "4:5", (1728, 2160): "4:5"}

# aspect ratio -> (w, h) units
ASPECTS: dict[str, tuple[int, int]] = {"16:9": (16, 9), "9:16": (9, 16), "1:1": (1, 1), "4:5": (4, 5)}

# the short side of the frame for each named resolution
RESOLUTIONS: dict[str, int] = {"480p": 480, "720p": 720, "1080p": 1080, "1440p": 1440, "4k": 2160}


def frame_size(aspect: str = "16:9", resolution: str = "1080p") -> tuple[int, int]:
    """Frame size for an aspect ratio at a named resolution (short side), both even.

    >>> frame_size("9:16", "1080p")
    (1080, 1920)
    >>> frame_size("4:5", "1080p")
    (1080, 1350)
    """
    aw, ah = ASPECTS[aspect]
    short = RESOLUTIONS[resolution]
    if aw >= ah:
        h = short
        w = round(short * aw / ah / 2) * 2
    else:
        w = short
        h = round(short * ah / aw / 2) * 2
    return w, h


def aspect_of(width: int, height: int) -> str:
    """Name the aspect of a frame size, or 'W:H' when it is none of the presets."""
    for name, (aw, ah) in ASPECTS.items():
        if width * ah == height * aw:
            return name
    return ASPECT_OF.get((width, height), f"{width}:{height}")


def resolution_of(width: int, height: int) -> str:
    short = min(width, height)
    for name, px in RESOLUTIONS.items():
        if px == short:
            return name
    return f"{short}p"
