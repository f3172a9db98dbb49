"""A small test set of pictures with an off-centre subject (ground-truth boxes known)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    size: tuple[int, int]
    subject: tuple[int, int, int, int]  # x, y, w, h
    out: tuple[int, int]  # output frame the picture is reframed to
    kind: str  # "face" or "detail"


def _background(w: int, h: int, seed: int, noise: float = 4.0) -> Image.Image:
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w]
    base = np.stack([120 + 60 * xx / w, 140 + 40 * yy / h, 170 - 50 * xx / w], axis=2)
    base += noise * rng.standard_normal((h, w, 1))  # sensor-like grain everywhere
    return Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))


def _detail_patch(img: Image.Image, box: tuple[int, int, int, int], seed: int) -> None:
    """A busy object: random coloured shapes and fine stripes."""
    rng = np.random.default_rng(seed)
    x, y, w, h = box
    d = ImageDraw.Draw(img)
    for _ in range(60):
        px, py = x + rng.integers(0, w), y + rng.integers(0, h)
        r = int(rng.integers(4, max(5, min(w, h) // 6)))
        col = tuple(int(c) for c in rng.integers(0, 256, 3))
        box2 = [max(x, px - r), max(y, py - r), min(x + w, px + r), min(y + h, py + r)]
        (d.ellipse if rng.random() < 0.5 else d.rectangle)(box2, fill=col)
    for i in range(0, w, 6):
        d.line([x + i, y, x + i, y + h // 5], fill=(20, 20, 20), width=2)


def _face(img: Image.Image, box: tuple[int, int, int, int]) -> None:
    """A grey-scale cartoon face the frontal-face Haar cascade detects (blurred shapes)."""
    x, y, w, h = box
    s = w
    layer = Image.new("L", (w, h), 0)
    mask = Image.new("L", (w, h), 0)
    d, m = ImageDraw.Draw(layer), ImageDraw.Draw(mask)
    cx, cy = w // 2, int(h * 0.5)

    def ell(draw, c, r, fill):
        draw.ellipse([c[0] - r[0], c[1] - r[1], c[0] + r[0], c[1] + r[1]], fill=fill)

    ell(d, (cx, cy), (int(s * 0.38), int(s * 0.5)), 200)
    ell(m, (cx, cy), (int(s * 0.42), int(s * 0.54)), 255)
    for dx in (-1, 1):
        ex, ey = cx + dx * int(s * 0.16), cy - int(s * 0.12)
        ell(d, (ex, ey - int(s * 0.09)), (int(s * 0.1), int(s * 0.025)), 70)
        ell(d, (ex, ey), (int(s * 0.09), int(s * 0.045)), 50)
    ell(d, (cx, cy + int(s * 0.05)), (int(s * 0.04), int(s * 0.1)), 225)
    ell(d, (cx, cy + int(s * 0.15)), (int(s * 0.07), int(s * 0.025)), 140)
    ell(d, (cx, cy + int(s * 0.28)), (int(s * 0.14), int(s * 0.035)), 80)
    layer = layer.filter(ImageFilter.GaussianBlur(s * 0.02))
    img.paste(Image.merge("RGB", (layer, layer, layer)), (x, y), mask)


# name, source size, subject box, output frame, kind
SPECS = [
    ("landscape-detail-right", (1600, 900), (1260, 300, 260, 260), (1080, 1920), "detail"),
    ("landscape-detail-left", (1600, 900), (60, 520, 240, 240), (1080, 1920), "detail"),
    ("portrait-detail-top", (900, 1600), (330, 60, 260, 260), (1920, 1080), "detail"),
    ("wide-detail-corner", (1920, 1080), (1650, 120, 180, 180), (1080, 1080), "detail"),
    ("landscape-face-right", (1600, 900), (1280, 250, 220, 286), (1080, 1920), "face"),
    ("landscape-face-left", (1600, 1000), (70, 120, 200, 260), (1080, 1080), "face"),
    ("portrait-face-bottom", (1200, 1600), (480, 1200, 240, 312), (1920, 1080), "face"),
    ("square-face-right", (1200, 1200), (900, 480, 200, 260), (1080, 1920), "face"),
]


def make_set(directory: Path) -> list[Case]:
    cases = []
    for i, (name, size, box, out, kind) in enumerate(SPECS):
        img = _background(*size, seed=i)
        if kind == "face":
            _face(img, box)
        else:
            _detail_patch(img, box, seed=i)
        path = directory / f"{name}.jpg"
        img.save(path, quality=90)
        cases.append(Case(name, path, size, box, out, kind))
    return cases
