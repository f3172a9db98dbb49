"""Every target of issue 11 measured on the output of one first cut per frame size: real photos
with their subjects marked (tests/data/subjects.json), a spoken voiceover (Piper, else
espeak-ng) and music, planned as a user gets them (subject detection, crop or blurred fill,
title, captions timed to the speech, call to action), rendered, then measured on its frames and
its sound. Shared by bench/quality.py (``targets``) and tests/render/test_render_targets.py.

On the frames: the least share of each marked subject on screen (`quality.shot_figures`), the
motion's jitter, and -- from the same cut rendered without its text tracks, the changed pixels
being the text -- text pixels outside the safe zone, overlapping text boxes, lines per text,
file-name strings read back by OCR, the most of a marked subject the texts cover; from the
layout, the shortest time a text is on screen; on the sound, integrated loudness (ITU-R
BS.1770, pyloudnorm) and the true peak (4x oversampled).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._photos import ASPECTS, write_photos
from ._render_helpers import decode_audio, frames_at, ocr_white_text
from ._text_quality import JUNK  # IMG_/DSC_/PXL_ prefixes, digit runs, underscores, extensions

NAMES = ["astronaut", "chelsea", "coffee", "rocket", "grace_hopper"]
SCRIPT = ("Orbit Coffee. Roasted at dawn, poured with care, and shared with the people you love. "
          "Every cup tells a story. Find yours today at Orbit Coffee.")
PROMPT = ('a 16-second {word} promo called "Orbit Coffee" with captions, music and the voiceover; '
          'end with "Shop now"')
TARGETS = {  # figure: (target text, check)
    "subject visible (least, any shot)": (">= 90 %", lambda v: v >= 0.9),
    "jitter (most, any moving shot)": ("< 0.25 px", lambda v: v < 0.25),
    "text overlaps": ("0", lambda v: v == 0),
    "text px outside the safe zone": ("0 (<= 20 px antialiasing)", lambda v: v <= 20),
    "lines per text (most)": ("<= 2", lambda v: v <= 2),
    "file names read on screen": ("0", lambda v: v == 0),
    "subject core covered by text (most)": ("<= 10 %", lambda v: v <= 0.10),
    "shortest text on screen": (">= 1 s", lambda v: v >= 1.0),
    "loudness": ("-14 +- 1 LUFS", lambda v: abs(v + 14) <= 1),
    "true peak": ("<= -1 dBTP", lambda v: v <= -1.0),
}


@dataclass
class CaseFigures:
    aspect: str
    reply: str = ""
    shots: list = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)
    read: dict[str, str] = field(default_factory=dict)

    def failed(self) -> list[str]:
        return [k for k, v in self.figures.items() if not TARGETS[k][1](v)]


def voice(d: Path) -> Path:
    """The script spoken by Piper's bundled voice (`reelforge.ai.tts`; espeak-ng without the ai
    extra)."""
    p = d / "voiceover.wav"
    if p.exists():
        return p
    try:
        from reelforge.ai.tts import synthesize

        synthesize(SCRIPT, p, "en")
    except Exception:  # noqa: BLE001 - no ai extra: the robotic voice
        subprocess.run([shutil.which("espeak-ng") or "espeak-ng", "-v", "en-us", "-s", "150", "-w", str(p), SCRIPT],
                       check=True)
    return p


def music(d: Path, bpm: float = 112.0) -> Path:
    from reelforge.media.samples import _encode_audio, _music

    p = d / f"music_{bpm:g}.m4a"
    if not p.exists():
        _encode_audio(_music(18.0, bpm=bpm), p)
    return p


def true_peak_db(samples: np.ndarray) -> float:
    """dBTP: the sample peak after 4x oversampling (ITU-R BS.1770-4 annex 2)."""
    from scipy.signal import resample_poly

    up = resample_poly(samples.astype(np.float64), 4, 1, axis=0)
    return float(20 * np.log10(max(1e-9, np.abs(up).max())))


def _frame_box(seg, asset, box, ms: float, w: int, h: int) -> tuple[int, int, int, int]:
    """A marked box (source pixels) in the output frame at ``ms``: through the eased view of a
    cover crop, or the contained picture of a blurred fill."""
    from reelforge.render import framing
    from reelforge.timeline.model import Fit

    x0, y0, x1, y1 = box
    if seg.fit is Fit.COVER:
        path = framing.shot_plan(seg, asset.width, asset.height, w, h)
        e = framing.ease(min(1.0, max(0.0, (ms - seg.start) / max(1, seg.duration))))
        v = [a + (b - a) * e for a, b in zip((path.start.x, path.start.y, path.start.w, path.start.h),
                                             (path.end.x, path.end.y, path.end.w, path.end.h), strict=True)]
        kx, ky = w / v[2], h / v[3]
        r = ((x0 - v[0]) * kx, (y0 - v[1]) * ky, (x1 - v[0]) * kx, (y1 - v[1]) * ky)
    else:  # whole picture, centred (the zoom of a contained shot is ignored: a small error)
        k = min(w / asset.width, h / asset.height)
        ox, oy = (w - asset.width * k) / 2, (h - asset.height * k) / 2
        r = (ox + x0 * k, oy + y0 * k, ox + x1 * k, oy + y1 * k)
    return (max(0, int(r[0])), max(0, int(r[1])), min(w, int(r[2])), min(h, int(r[3])))


def run_case(d: Path, aspect: str, scale: float = 0.5) -> CaseFigures:
    import pyloudnorm

    from reelforge.render import render
    from reelforge.render.compile import text_specs
    from reelforge.render.layout import hold_texts, intersection, safe_zone
    from reelforge.render.quality import shot_figures
    from reelforge.render.text import text_lines
    from reelforge.session import Session
    from reelforge.timeline import TrackKind, replace
    from reelforge.timeline.model import Role

    d.mkdir(parents=True, exist_ok=True)
    photos = write_photos(d.parent / "photos", NAMES)
    s = Session.new()
    assets = s.add_assets([*(p.path for p in photos), voice(d.parent), music(d.parent)], workdir=d / "media")
    word, (w0, h0) = ASPECTS[aspect]
    reply = s.handle(PROMPT.format(word=word))
    w, h = round(w0 * scale / 2) * 2, round(h0 * scale / 2) * 2
    tl = replace(s.timeline, width=w, height=h)
    out = render(tl, d / "cut.mp4")
    bare = render(replace(tl, tracks=tuple(t for t in tl.tracks if t.kind is not TrackKind.TEXT)), d / "bare.mp4")
    boxes = {a.id: p.subject for a, p in zip(assets, photos, strict=False)}
    fig = CaseFigures(aspect, reply.message)
    fig.shots = shot_figures(str(out), tl, boxes)
    vis = [f.visible for f in fig.shots if f.visible is not None]
    jit = [f.jitter for f in fig.shots if f.jitter is not None]
    fig.figures["subject visible (least, any shot)"] = min(vis) if vis else 0.0
    fig.figures["jitter (most, any moving shot)"] = max(jit) if jit else 0.0

    laid = text_specs(tl, w, h, d)
    held, _ = hold_texts(tl)
    texts = {x.id: x for t in held.tracks for x in t.segments if t.kind is TrackKind.TEXT}
    specs = {sp.segment_id: sp for sp, _ in laid}
    slots = [sl for _, sl in laid]
    times = sorted({round((sl.start + min(sl.end, sl.start + 1500)) / 2000, 3) for sl in slots}
                   | {round(sl.end / 1000 - 0.25, 3) for sl in slots})
    sx0, sy0, sx1, sy1 = safe_zone(w, h)
    main = tl.track(Role.MAIN).segments
    outside = overlaps = lines = junk = 0
    cover = 0.0
    for t, a, b in zip(times, frames_at(out, times), frames_at(bare, times), strict=True):
        ms = t * 1000
        mask = np.abs(a.astype(int) - b.astype(int)).max(axis=2) > 40
        ys, xs = np.nonzero(mask)
        outside += int(((xs < sx0 - 1) | (xs > sx1 + 1) | (ys < sy0 - 1) | (ys > sy1 + 1)).sum())
        for seg in main:
            box = boxes.get(seg.src)
            if box is not None and seg.start + seg.transition_ms <= ms < seg.end - 300:
                x0, y0, x1, y1 = _frame_box(seg, tl.asset(seg.src), box, ms, w, h)
                core = mask[y0:y1, x0:x1]
                if core.size:
                    cover = max(cover, float(core.mean()))
        on = [sl for sl in slots if sl.start <= ms < sl.end - 100]
        for sl in on:
            lines = max(lines, len(text_lines(specs[sl.id], specs[sl.id].font_px)))
            x0, y0, x1, y1 = (int(v) for v in sl.box)
            if sl.id not in fig.read and ms > sl.start + 400:
                crop = np.where(mask[y0:y1, x0:x1, None], a[y0:y1, x0:x1], 0).astype(np.uint8)
                got = " ".join(ocr_white_text(crop, 6).split())
                fig.read[texts[sl.id].text] = got
                junk += bool(JUNK.search(got))
        overlaps += sum(intersection(p.box, q.box) > 0 for i, p in enumerate(on) for q in on[i + 1:])
    fig.figures["text overlaps"] = overlaps
    fig.figures["text px outside the safe zone"] = outside
    fig.figures["lines per text (most)"] = lines
    fig.figures["file names read on screen"] = junk
    fig.figures["subject core covered by text (most)"] = cover
    fig.figures["shortest text on screen"] = min((sl.end - sl.start) / 1000 for sl in slots) if slots else 0.0

    samples, rate = decode_audio(out)
    fig.figures["loudness"] = float(pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64)))
    fig.figures["true peak"] = true_peak_db(samples)
    return fig


def run(d: Path, aspects=tuple(ASPECTS), scale: float = 0.5) -> list[CaseFigures]:
    return [run_case(d / a.replace(":", "x"), a, scale) for a in aspects]
