"""render.text.balanced_wrap: at most two lines of about equal width, no word alone on a line of
a caption of four or more words (real font metrics, the bundled Noto Sans)."""

from __future__ import annotations

import pytest

from reelforge.render.text import _width, balanced_wrap, wrap


@pytest.mark.parametrize("text", [
    "This caption is a rather long sentence that has to wrap",
    "Our brand new collection",
    "Fresh sneakers for every city street",
    "Shop the spring collection new",
])
def test_two_balanced_lines_no_orphan(text):
    size, bold = 60, True
    full = _width(text, size, bold)
    max_width = int(full * 0.7)  # too narrow for one line, wide enough for two
    lines = balanced_wrap(text, size, bold, max_width)
    assert len(lines) == 2 and " ".join(lines) == text
    assert all(_width(line, size, bold) <= max_width for line in lines)
    assert all(len(line.split()) >= 2 for line in lines)  # 4+ words: no word alone
    w1, w2 = (_width(line, size, bold) for line in lines)
    greedy = wrap(text, size, bold, max_width)
    assert abs(w1 - w2) <= max(abs(_width(a, size, bold) - _width(b, size, bold))
                               for a, b in [greedy[:2]] if len(greedy) >= 2) + 1


def test_fits_on_one_line_stays_one_line_and_chinese_breaks_between_characters():
    assert balanced_wrap("Shop now", 60, True, 2000) == ["Shop now"]
    zh = balanced_wrap("春季新品限时优惠全场八折", 60, True, 400)
    assert len(zh) == 2 and "".join(zh) == "春季新品限时优惠全场八折"
    assert abs(len(zh[0]) - len(zh[1])) <= 1
