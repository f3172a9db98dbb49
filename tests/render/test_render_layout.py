"""Text on real photographs (scikit-image's astronaut, cat, coffee cup and rocket, subject cores
annotated in _text_quality.PHOTOS), rendered in 9:16, 1:1 and 16:9 and measured on the frames:
0 text pixels outside the safe zone, 0 overlaps, <= 2 lines, every text read back with OCR, 0
file-name strings on screen, <= 10 % of any subject core covered. Each named style is rendered
and read back too (9:16). bench/quality.py prints the same figures for every style and frame."""

from __future__ import annotations

import pytest

from reelforge.timeline.styles import STYLES

from ._text_quality import FRAMES, ok_read, run_cases

pytestmark = [pytest.mark.render, pytest.mark.slow]


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("layout"))


@pytest.mark.parametrize("i", range(len(FRAMES)))
def test_text_layout_on_real_photos(figures, i):
    f = figures[i]
    assert f.sampled >= 6
    assert f.outside_px <= 20, f.row()
    assert f.max_subject_share <= 0.10, f.row()
    assert f.overlaps == 0 and f.max_lines <= 2, f.row()
    assert not f.junk, f.row()
    assert f.read and all(ok_read(k, v) for k, v in f.read.items()), (f.row(), f.read)


@pytest.mark.parametrize("style", sorted(set(STYLES) - {"clean"}))
def test_each_style_renders_and_reads_back(style, tmp_path):
    (f,) = run_cases(tmp_path, styles=(style,), aspects=("9:16",))
    assert f.overlaps == 0 and f.outside_px <= 20 and f.max_subject_share <= 0.10, f.row()
    assert f.read and all(ok_read(k, v) for k, v in f.read.items()), (f.row(), f.read)
