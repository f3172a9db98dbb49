"""Text quality measured on rendered frames of real photographs (scikit-image's samples), shared
by tests/render/test_render_layout.py and bench/quality.py.

The same timeline is rendered with and without its text tracks; the pixels that differ are the
text (and its box/shadow). On each sampled frame: changed pixels outside the safe zone, the share
of each annotated subject core they cover, overlaps between the texts on screen, lines per text,
OCR read-back, file-name strings read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from reelforge.planner import plan
from reelforge.render import framing, render
from reelforge.render.compile import text_specs
from reelforge.render.layout import intersection, safe_zone
from reelforge.render.text import text_lines
from reelforge.timeline import TrackKind, replace
from reelforge.timeline.model import Asset, AssetKind, Role

from ._render_helpers import frames_at, ocr_white_text

# subject cores annotated once (x0, y0, x1, y1 as shares of the photo)
PHOTOS = {
    "astronaut": (0.33, 0.10, 0.55, 0.36),  # the face
    "chelsea": (0.30, 0.12, 0.68, 0.75),  # the cat's head
    "coffee": (0.22, 0.15, 0.72, 0.80),  # the cup
    "rocket": (0.41, 0.08, 0.53, 0.92),  # the rocket on its tower
}
FRAMES = {"9:16": (540, 960), "1:1": (720, 720), "16:9": (960, 540)}
JUNK = re.compile(r"(?i)\b(?:img|dsc|pxl)[_\s]?\d|[a-z0-9]_[a-z0-9]|\d{3,}|\.(?:png|jpe?g)\b")


def write_photos(d: Path) -> list[Asset]:
    from PIL import Image
    from skimage import data

    out = []
    for i, name in enumerate(PHOTOS):
        arr = getattr(data, name)()
        p = d / f"{name}.png"
        Image.fromarray(arr).save(p)
        out.append(Asset(id=f"p{i}", path=str(p), name=p.name, kind=AssetKind.IMAGE, width=arr.shape[1],
                         height=arr.shape[0]))
    return out


def timeline_for(assets: list[Asset], aspect: str, style: str = "clean"):
    tl = plan(f"{style} style 10-second promo for Orbit Coffee with text overlays", assets).timeline
    w, h = FRAMES[aspect]
    tracks = []
    for t in tl.tracks:
        if t.role is Role.MAIN:
            segs = tuple(s.model_copy(update={"subject": PHOTOS[s.name.split(".")[0]]}) for s in t.segments)
            t = t.model_copy(update={"segments": segs})
        tracks.append(t)
    return replace(tl, width=w, height=h, tracks=tuple(tracks))


def subject_now(tl, seg, ms: float, w: int, h: int):
    """The annotated subject (no margin) in the frame at ``ms``: through the view the renderer
    eases between (framing's first and last view, sine-eased like compile)."""
    a = tl.asset(seg.src)
    path = framing.plan(a.width, a.height, w, h, seg.motion, framing.subject_rect(a.width, a.height, seg.subject),
                        framing.subject_rect(a.width, a.height, seg.core) if seg.subject and seg.core else None)
    q = min(1.0, max(0.0, (ms - seg.start) / max(1, seg.duration)))
    e = framing.ease(q)
    v = framing.Rect(*(s0 + (s1 - s0) * e for s0, s1 in zip(
        (path.start.x, path.start.y, path.start.w, path.start.h), (path.end.x, path.end.y, path.end.w, path.end.h),
        strict=True)))
    x0, y0, x1, y1 = seg.subject
    kx, ky = w / v.w, h / v.h
    return ((x0 * a.width - v.x) * kx, (y0 * a.height - v.y) * ky, (x1 * a.width - v.x) * kx, (y1 * a.height - v.y) * ky)


@dataclass
class Figures:
    case: str
    sampled: int = 0
    outside_px: int = 0
    max_subject_share: float = 0.0
    overlaps: int = 0
    max_lines: int = 0
    read: dict[str, str] = field(default_factory=dict)
    junk: list[str] = field(default_factory=list)

    def row(self) -> str:
        return (f"{self.case:<18} frames={self.sampled:<3} outside_px={self.outside_px:<5} "
                f"subject_cover={self.max_subject_share:6.1%} overlaps={self.overlaps} max_lines={self.max_lines} "
                f"ocr_ok={sum(ok_read(k, v) for k, v in self.read.items())}/{len(self.read)} junk={len(self.junk)}")


def ok_read(expected: str, got: str) -> bool:
    """At least half of the text's words (3+ letters) read back (OCR over a photo misses a letter
    now and then: "Goffee")."""
    words = re.findall(r"[a-z]{3,}", expected.lower())
    return bool(words) and 2 * sum(w in got.lower() for w in words) >= len(words)


def measure(tl, workdir: Path, case: str) -> Figures:
    """Render ``tl`` with and without text and measure every text point on sampled frames."""
    with_text = render(tl, workdir / f"{case}.mp4")
    bare = replace(tl, tracks=tuple(t for t in tl.tracks if t.kind is not TrackKind.TEXT))
    without = render(bare, workdir / f"{case}-bare.mp4")
    w, h = tl.width, tl.height
    laid = text_specs(tl, w, h, workdir)
    specs = {sp.segment_id: sp for sp, _ in laid}
    slots = [sl for _, sl in laid]
    texts = {s.id: s for t in tl.tracks for s in t.segments if t.kind is TrackKind.TEXT}
    times = sorted({round((sl.start + min(sl.end, sl.start + 1500)) / 2000, 3) for sl in slots}
                   | {round(sl.end / 1000 - 0.25, 3) for sl in slots})
    fig = Figures(case)
    fa, fb = frames_at(with_text, times), frames_at(without, times)
    sx0, sy0, sx1, sy1 = safe_zone(w, h)
    main = tl.track(Role.MAIN).segments
    for t, a, b in zip(times, fa, fb, strict=True):
        ms = t * 1000
        mask = np.abs(a.astype(int) - b.astype(int)).max(axis=2) > 40
        fig.sampled += 1
        ys, xs = np.nonzero(mask)
        fig.outside_px += int(((xs < sx0 - 1) | (xs > sx1 + 1) | (ys < sy0 - 1) | (ys > sy1 + 1)).sum())
        for seg in main:
            if seg.start + seg.transition_ms <= ms < seg.end - 300:
                x0, y0, x1, y1 = (int(v) for v in subject_now(tl, seg, ms, w, h))
                core = mask[y0:y1, x0:x1]
                if core.size:
                    fig.max_subject_share = max(fig.max_subject_share, float(core.mean()))
        on = [sl for sl in slots if sl.start <= ms < sl.end - 100]
        boxes = []
        for sl in on:
            spec = specs[sl.id]
            boxes.append(sl.box)
            fig.max_lines = max(fig.max_lines, len(text_lines(spec, spec.font_px)))
            x0, y0, x1, y1 = (int(v) for v in sl.box)
            # OCR the white pixels the text changed (not white parts of the photo)
            near = _dilate(mask[y0:y1, x0:x1], 3)
            crop = np.where(near[..., None], a[y0:y1, x0:x1], 0).astype(np.uint8)
            if sl.id not in fig.read and ms > sl.start + 400 and crop.size:
                got = " ".join(ocr_white_text(crop, 6).split())
                fig.read[texts[sl.id].text] = got
                if JUNK.search(got):
                    fig.junk.append(got)
        fig.overlaps += sum(intersection(p, q) > 0 for i, p in enumerate(boxes) for q in boxes[i + 1:])
    return fig


def _dilate(mask: np.ndarray, r: int) -> np.ndarray:
    """``mask`` grown by ``r`` pixels (the anti-aliased glyph edges the difference misses)."""
    p = np.pad(mask, r)
    out = np.zeros_like(mask)
    for dy in range(2 * r + 1):
        for dx in range(2 * r + 1):
            out |= p[dy:dy + mask.shape[0], dx:dx + mask.shape[1]]
    return out


def run_cases(workdir: Path, styles=("clean",), aspects=tuple(FRAMES)) -> list[Figures]:
    assets = write_photos(workdir)
    return [measure(timeline_for(assets, aspect, style), workdir, f"{style}-{aspect.replace(':', 'x')}")
            for style in styles for aspect in aspects]
