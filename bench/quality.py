"""Quality figures on real photographs, per case. Sections are independent; run all or some:

    python bench/quality.py            # every section
    python bench/quality.py text       # one section
    python bench/quality.py targets    # every target of issue 11 on one first cut per frame size

text: scikit-image's astronaut, cat, coffee cup and rocket with subject cores annotated, rendered in
9:16, 1:1 and 16:9 for every named style, measured on the frames (tests/render/_text_quality.py):
text pixels outside the safe zone, the most of a subject core covered, overlaps, lines, OCR.

framing: the ten photographs of tests/data/subjects.json (subjects marked once) planned as a user
gets them (subject detection, crop or blurred fill, zoom/pan in turn) in 9:16, 1:1 and 16:9 at the
presets' full size (``--scale 0.5`` for half), measured per shot on the rendered frames
(tests/render/_photos.py, reelforge.render.quality): crop or blurred fill, the least share of the
marked subject on screen over four frames, the motion's frame-to-frame jitter (px; target < 0.25),
and per frame size how many shots got a full-bleed crop.

targets: every target of issue 11 re-checked on the output of one first cut per frame size (five
marked photos, a Piper voiceover, music; half size unless ``--scale``): subject visible, jitter,
text overlaps, safe zone, lines, file names on screen, text over a subject, shortest text,
loudness and true peak (tests/render/_targets.py); prints each figure against its target.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def text_section() -> None:
    from reelforge.timeline.styles import STYLES
    from tests.render._text_quality import run_cases

    with tempfile.TemporaryDirectory() as d:
        for f in run_cases(Path(d), styles=tuple(STYLES)):
            print(f.row())


def framing_section(scale: float = 1.0) -> None:
    from tests.render._photos import ASPECTS, render_framing

    worst_vis, worst_jit = 1.0, 0.0
    with tempfile.TemporaryDirectory() as d:
        for aspect in ASPECTS:
            _, shots = render_framing(Path(d) / aspect.replace(":", "x"), aspect, scale=scale)
            for f in shots:
                vis = "   -  " if f.visible is None else f"{f.visible:6.1%}"
                jit = "  -  " if f.jitter is None else f"{f.jitter:5.3f}"
                print(f"{aspect:>5} {f.name:24} {f.fit:5} {f.motion:9} subject visible {vis}  jitter {jit} px")
                if f.visible is not None:
                    worst_vis = min(worst_vis, f.visible)
                if f.jitter is not None:
                    worst_jit = max(worst_jit, f.jitter)
            crops = sum(f.fit == "cover" for f in shots)
            print(f"{aspect:>5} full-bleed crops: {crops} of {len(shots)} ({crops / len(shots):.0%}); "
                  f"the rest over a blurred fill")
    print(f"worst: subject visible {worst_vis:.1%} (target >= 90 %), jitter {worst_jit:.3f} px (target < 0.25)")


def targets_section(scale: float = 0.5) -> None:
    from tests.render._targets import TARGETS, run

    missed = []
    with tempfile.TemporaryDirectory() as d:
        for case in run(Path(d), scale=scale):
            print(f"-- {case.aspect}: " + ", ".join(f"{s.name} {s.fit} {s.motion}" for s in case.shots))
            for k, v in case.figures.items():
                ok = TARGETS[k][1](v)
                print(f"{case.aspect:>5} {k:38} {v:9.3f}  target {TARGETS[k][0]:26} {'ok' if ok else 'MISSED'}")
                if not ok:
                    missed.append(f"{case.aspect} {k}")
            print(f"{case.aspect:>5} OCR read back: {case.read}")
    print(f"targets missed: {'; '.join(missed) if missed else 'none'}")


SECTIONS = {"text": text_section, "framing": framing_section, "targets": targets_section}

if __name__ == "__main__":
    args = sys.argv[1:]
    scale = None
    if "--scale" in args:  # framing and targets at a fraction of the presets' size
        i = args.index("--scale")
        scale = float(args[i + 1])
        del args[i:i + 2]
    for name in args or list(SECTIONS):
        print(f"== {name}", flush=True)
        if name == "framing":
            framing_section(scale or 1.0)
        elif name == "targets":
            targets_section(scale or 0.5)
        else:
            SECTIONS[name]()
