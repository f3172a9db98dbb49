"""render.text.balanced_wrap: at most two lines of about equal width, no word alone on a line of
a caption of four or more words (real font metrics, the bundled Noto Sans)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

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


def test_chinese_two_lines_break_at_a_space_or_mark_rather_than_inside_a_word():
    # "· 滨" / "江江南大道…" split the street's name; the separators are where it reads
    text = "7月6号 · 0571-86612200 · 滨江江南大道588号恒鼎中心5楼"
    width = int(_width("滨江江南大道588号恒鼎中心5楼", 57, False)) + 2
    assert balanced_wrap(text, 57, False, width) == ["7月6号 · 0571-86612200 ·", "滨江江南大道588号恒鼎中心5楼"]
    assert balanced_wrap("深度保洁 新房开荒 家电清洗 上门服务", 59, False, 600) == ["深度保洁 新房开荒", "家电清洗 上门服务"]
    # no line opens on a closing mark or ends on an opening one, when a break inside a word fits
    lines = balanced_wrap("今天下单立减50元（限前100名）欢迎选购", 59, False, 600)
    assert len(lines) == 2 and not lines[0].endswith("（") and not lines[1].startswith(("）", "，"))
    # a mixed-script name breaks where the script changes
    assert balanced_wrap("PowerHouse健身", 108, True, 700) == ["PowerHouse", "健身"]


def test_a_caption_shrinks_a_little_to_keep_a_chinese_word_whole():
    from reelforge.render.compile import TextOverlay
    from reelforge.render.text import _pad, fit_font_px, text_lines
    from reelforge.timeline.model import Position, TextBackground

    text = "7月6号 · 0571-86612200 · 滨江江南大道588号恒鼎中心5楼"
    spec = TextOverlay(segment_id="c", path=Path("c.png"), text=text, frame_width=1080, frame_height=1920, font_px=59,
                       max_width=0, color="#FFFFFF", bold=False, background=TextBackground.NONE, align="center",
                       position=Position.BOTTOM, max_lines=2, min_font_px=38, outline_px=4)
    spec = dataclasses.replace(spec, max_width=int(_width("滨江江南大道588号恒鼎中心5楼", 56, False)) + 2 * _pad(spec, 56) + 1)
    size = fit_font_px(spec)
    assert 50 <= size < 59
    assert text_lines(spec, size) == ["7月6号 · 0571-86612200", "滨江江南大道588号恒鼎中心5楼"]
    # where no break at a word's edge fits within the shrink allowed, the size is kept
    solid = dataclasses.replace(spec, text="春季新品限时优惠全场八折欢迎到店品尝")
    assert fit_font_px(solid) == 59 and len(text_lines(solid, 59)) == 2


def test_a_number_and_its_unit_end_a_chinese_phrase():
    # "满59元小区" / "内免费送货" split "小区内"; after "59元" the phrase ends
    width = int(_width("小区内免费送货", 59, True)) + 2
    assert balanced_wrap("满59元小区内免费送货", 59, True, width) == ["满59元", "小区内免费送货"]


def _linear_fit(spec) -> int:
    """`fit_font_px` as it was: every size from the largest down, 6 % a step, until one fits."""
    from reelforge.render.text import HARD_FLOOR_PX, _fits, _size_that_keeps_words

    size = spec.font_px
    while size > HARD_FLOOR_PX and not _fits(spec, size):
        size = max(HARD_FLOOR_PX, int(size * 0.94))
    return _size_that_keeps_words(spec, size)


WORDS = ("Urban Dreams city never sleeps recycled sailcloth stitched tested commutes Shop now example.com "
         "50% off · 夏日 特卖 城市之梦 立即购买 supercalifragilistic").split()


@pytest.mark.parametrize("seed", range(3))
def test_the_fitted_size_is_the_one_every_size_in_turn_finds_measuring_few(seed, monkeypatch):
    """A halving search over the sizes finds the size the one-by-one search did (90 texts, short
    and long, every slot and look), measuring a 1,000-character text ~6 times instead of ~30, and
    not at all again for the same text and slot: each chat edit laid out every text of the session
    again, ~0.4 s a long text (a hostile client's 8 long captions: 8 s a message)."""
    import random

    from reelforge.render import text as T
    from reelforge.render.compile import TextOverlay
    from reelforge.timeline.model import Position, TextBackground

    rnd = random.Random(seed)
    for _ in range(30):
        spec = TextOverlay(
            segment_id="x", path=Path("x.png"), text=" ".join(rnd.choice(WORDS) for _ in range(rnd.choice([1, 3, 8, 20]))),
            frame_width=1920, frame_height=1080, font_px=rnd.choice([28, 56, 96, 120]),
            max_width=rnd.choice([300, 900, 1700]), color="#FFFFFF", bold=rnd.choice([True, False, 800]),
            background=rnd.choice(list(TextBackground)), align="center", position=Position.BOTTOM,
            max_lines=rnd.choice([0, 1, 2, 3]), min_font_px=rnd.choice([0, 32]), max_height=rnd.choice([0, 120, 300]),
            outline_px=rnd.choice([0, 4]))
        assert T.fit_font_px(spec) == _linear_fit(spec), spec.text
    measured = []
    real = T._fits
    monkeypatch.setattr(T, "_fits", lambda spec, size, lines=None: measured.append(size) or real(spec, size, lines))
    long = TextOverlay(segment_id=f"long{seed}", path=Path("l.png"), text=" ".join(rnd.choice(WORDS) for _ in range(200))[:1000],
                       frame_width=1920, frame_height=1080, font_px=60, max_width=1600, color="#FFFFFF", bold=True,
                       background=TextBackground.BOX, align="center", position=Position.BOTTOM, max_lines=2,
                       min_font_px=32)
    size = T.fit_font_px(long)
    assert size == T.HARD_FLOOR_PX and len(measured) <= 7, measured  # two lines of 1,000 characters: never fits
    assert T.fit_font_px(dataclasses.replace(long, segment_id="again", path=Path("b.png"), color="#FF0000")) == size
    assert len(measured) <= 7  # the same text in the same slot: not measured again
