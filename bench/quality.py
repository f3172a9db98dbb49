"""Quality figures on real photographs, per case. Sections are independent; run all or some:

    python bench/quality.py            # every section
    python bench/quality.py text       # one section

text: scikit-image's astronaut, cat, coffee cup and rocket with subject cores annotated, rendered in
9:16, 1:1 and 16:9 for every named style, measured on the frames (tests/render/_text_quality.py):
text pixels outside the safe zone, the most of a subject core covered, overlaps, lines, OCR.
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


SECTIONS = {"text": text_section}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(SECTIONS):
        print(f"== {name}")
        SECTIONS[name]()
