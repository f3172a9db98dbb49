"""render.layout: one layout for every text and logo, per frame size. Pure."""

from __future__ import annotations

import pytest

from reelforge.render.layout import (
    MAX_SUBJECT_SHARE,
    Span,
    TextItem,
    band_box,
    covered_share,
    intersection,
    lay_out,
    safe_zone,
    subject_in_frame,
)

FRAMES = [(1080, 1920), (1080, 1080), (1920, 1080)]


def test_safe_zone_per_frame():
    assert safe_zone(1080, 1920) == pytest.approx((64.8, 153.6, 928.8, 1497.6))  # x 6-86 %, y 8-78 %
    assert safe_zone(1920, 1080) == pytest.approx((96, 54, 1824, 1026))
    assert safe_zone(1080, 1080) == pytest.approx((54, 54, 1026, 1026))


@pytest.mark.parametrize(("w", "h"), FRAMES)
def test_bands_are_disjoint_and_inside_the_safe_zone(w, h):
    x0, y0, x1, y1 = safe_zone(w, h)
    boxes = [band_box(b, w, h) for b in ("top", "middle", "bottom")]
    for b in boxes:
        assert x0 <= b[0] and b[2] <= x1 and y0 <= b[1] and b[3] <= y1
    assert all(intersection(a, b) == 0 for i, a in enumerate(boxes) for b in boxes[i + 1:])


def _no_collisions(lay):
    slots = list(lay.slots.values())
    for i, a in enumerate(slots):
        for b in slots[i + 1:]:
            if a.start < b.end and b.start < a.end:
                assert intersection(a.box, b.box) == 0, (a, b)


@pytest.mark.parametrize(("w", "h"), FRAMES)
def test_title_caption_and_cta_never_collide(w, h):
    texts = [TextItem("title", "title", 0, 3000), TextItem("c1", "caption", 1000, 4000),
             TextItem("c2", "caption", 4000, 8000), TextItem("cta", "cta", 7000, 10000),
             TextItem("c3", "caption", 7500, 9500, band="middle")]
    lay = lay_out(w, h, texts)
    _no_collisions(lay)
    assert set(lay.slots) == {"title", "c1", "c2", "cta", "c3"}
    assert lay.slots["c1"].band == "bottom" and lay.slots["title"].band == "middle"
    assert lay.slots["c3"].band == "top"  # the middle is the call to action's


def test_text_waits_when_every_band_is_taken_and_keeps_a_second():
    texts = [TextItem(f"t{i}", "title" if i == 0 else "caption", 0, 2000 + 500 * i, band=b)
             for i, b in enumerate(("middle", "top", "bottom"))]
    texts.append(TextItem("late", "caption", 1000, 5000))
    lay = lay_out(1920, 1080, texts)
    _no_collisions(lay)
    assert lay.slots["late"].start == 2000 and lay.slots["late"].end == 5000  # when the title goes
    assert lay.notes
    # no room left for a whole second: left out, and said
    squeezed = lay_out(1920, 1080, [*texts[:3], TextItem("short", "caption", 1000, 2800)])
    assert "short" in squeezed.dropped


@pytest.mark.parametrize(("w", "h"), FRAMES)
def test_captions_move_off_the_subject(w, h):
    x0, y0, x1, y1 = band_box("bottom", w, h)
    face = Span(0, 5000, (w * 0.35, y0 + 10, w * 0.65, y1 - 10))  # a face in the bottom band
    lay = lay_out(w, h, [TextItem("c1", "caption", 500, 4000)], subjects=[face])
    slot = lay.slots["c1"]
    assert slot.band != "bottom" and covered_share(slot.box, face.box) <= MAX_SUBJECT_SHARE
    # a subject shown at another time does not move it
    later = Span(6000, 9000, face.box)
    assert lay_out(w, h, [TextItem("c1", "caption", 500, 4000)], subjects=[later]).slots["c1"].band == "bottom"


def test_logo_band_is_avoided():
    logo = Span(0, 10_000, (1600, 60, 1820, 200))  # top-right
    lay = lay_out(1920, 1080, [TextItem("c", "caption", 0, 3000, band="top")], logos=[logo])
    assert lay.slots["c"].band != "top"


def test_subject_in_frame_cover_crop():
    # a 4:3 picture into 9:16, centre crop: the middle third of the width is kept
    box = subject_in_frame(1600, 1200, 1080, 1920, (0.4, 0.4, 0.6, 0.6))
    assert box == pytest.approx((1080 / 2 - 0.1 * 2560, 0.4 * 1920, 1080 / 2 + 0.1 * 2560, 0.6 * 1920))
    # focused on the left edge: the crop stops at the picture's edge
    left = subject_in_frame(1600, 1200, 1080, 1920, (0.0, 0.4, 0.1, 0.6), focus=(0.05, 0.5))
    assert left[0] == 0 and left[2] == pytest.approx(256)
    # contain: letterboxed, nothing cut
    assert subject_in_frame(1000, 1000, 1920, 1080, (0, 0, 1, 1), fit="contain") == pytest.approx((420, 0, 1500, 1080))


@pytest.mark.parametrize(("w", "h"), FRAMES)
def test_sized_texts_slide_off_a_subject_that_fills_every_band(w, h):
    # a head from 12 % to 75 % (9:16: 62 %) of the height, in the middle: no band is clear of it,
    # but the rows below it are
    head = Span(0, 5000, (w * 0.3, h * 0.12, w * 0.7, h * (0.62 if h > w else 0.75)))
    size = (w * 0.4, h * 0.07)
    lay = lay_out(w, h, [TextItem("t", "title", 0, 3000, size=size), TextItem("c", "caption", 500, 4000, size=size)],
                  subjects=[head])
    for slot in lay.slots.values():
        assert covered_share(slot.box, head.box) <= MAX_SUBJECT_SHARE, slot
        x0, y0, x1, y1 = safe_zone(w, h)
        assert x0 <= slot.box[0] and slot.box[2] <= x1 and y0 <= slot.box[1] and slot.box[3] <= y1
        assert slot.box[2] - slot.box[0] == pytest.approx(size[0])
        assert (slot.box[0] + slot.box[2]) / 2 == pytest.approx((x0 + x1) / 2)  # one column
    _no_collisions(lay)


def test_texts_on_screen_together_share_the_subject_limit():
    # a tall narrow rocket: a caption and a call to action each under 10 %, together over it
    rocket = Span(0, 6000, (230, 30, 310, 930))
    size = (200, 80)
    lay = lay_out(540, 960, [TextItem("cta", "cta", 0, 6000, size=size), TextItem("c", "caption", 0, 6000, size=size)],
                  subjects=[rocket])
    assert sum(covered_share(s.box, rocket.box) for s in lay.slots.values()) <= MAX_SUBJECT_SHARE
    _no_collisions(lay)


def test_a_place_clear_of_the_whole_subject_is_preferred_to_one_clear_of_its_core():
    # 9:16, a rocket up the middle: its core from the pad to the upper stage, its box up to the
    # nose cone's tip. Searching up from a caption's place, the first row clear of the core sits
    # on the nose cone; a row above the tip clears the whole rocket, on the same column.
    core, box = Span(0, 6000, (250, 420, 290, 930)), Span(0, 6000, (245, 300, 295, 960))
    lay = lay_out(540, 960, [TextItem("c", "caption", 0, 6000, size=(200, 60))], subjects=[core], extents=[box])
    slot = lay.slots["c"]
    assert covered_share(slot.box, box.box) == 0.0 and slot.box[3] <= 300, slot
    assert (slot.box[0] + slot.box[2]) / 2 == pytest.approx(540 * 0.46)  # the column's centre
    # without the whole box known, the nose cone is where it went
    blind = lay_out(540, 960, [TextItem("c", "caption", 0, 6000, size=(200, 60))], subjects=[core]).slots["c"]
    assert covered_share(blind.box, box.box) > 0.0 and covered_share(blind.box, core.box) == 0.0


def test_the_column_comes_before_clearing_the_whole_subject():
    # the whole frame's height is the rocket's: a place on the column above its core still beats
    # one at the column's edge clear of all of it (texts line up on one column)
    core, box = Span(0, 6000, (250, 420, 290, 930)), Span(0, 6000, (245, 60, 295, 960))
    slot = lay_out(540, 960, [TextItem("c", "caption", 0, 6000, size=(200, 60))], subjects=[core],
                   extents=[box]).slots["c"]
    assert covered_share(slot.box, core.box) == 0.0
    assert (slot.box[0] + slot.box[2]) / 2 == pytest.approx(540 * 0.46)


# -- every text at least 1 s on screen, however it was timed ----------------------------------

def test_short_texts_take_the_free_time_after_then_before():
    from reelforge.render.layout import MIN_TEXT_MS, hold_spans

    assert MIN_TEXT_MS == 1000
    # room after: the end moves; no room after: the start moves back into the gap before
    assert hold_spans([(0, 2000), (3000, 3400), (5000, 6000)], 8000) == [(0, 2000, 0), (3000, 4000, 1),
                                                                        (5000, 6000, 2)]
    assert hold_spans([(0, 1000), (2000, 2300), (2500, 4000)], 8000) == [(0, 1000, 0), (1500, 2500, 1),
                                                                        (2500, 4000, 2)]
    # the end of the video counts as a neighbour
    assert hold_spans([(7700, 8000)], 8000) == [(7000, 8000, 0)]
    # long enough: untouched
    assert hold_spans([(0, 1000), (1000, 2500)], 3000) == [(0, 1000, 0), (1000, 2500, 1)]


def test_texts_with_no_room_are_merged_in_order():
    from reelforge.render.layout import hold_spans

    # speech-timed captions of 0.4 s back to back: merged until a second is reached
    rows = hold_spans([(0, 400), (400, 800), (800, 1200), (1200, 1600), (1600, 3000)], 3000)
    assert rows == [(0, 1200, 0), (1200, 3000, 3)]
    # the last one short, boxed in: merged with the one before
    assert hold_spans([(0, 1500), (1500, 1800)], 1800) == [(0, 1800, 0)]
    # a video shorter than a second: the text lasts the whole video
    assert hold_spans([(100, 300)], 600) == [(0, 600, 0)]


def test_a_timeline_s_short_texts_are_held_and_said():
    from reelforge.render.layout import hold_texts
    from reelforge.timeline import Role, TextSegment, Track, TrackKind, build

    caps = Track(id="c", kind=TrackKind.TEXT, role=Role.CAPTION, segments=(
        TextSegment(id="c1", start=1000, duration=300, text="Fresh", shot="s1"),
        TextSegment(id="c2", start=1300, duration=400, text="coffee", shot="s1"),
        TextSegment(id="c3", start=1700, duration=2000, text="every morning")))
    title = Track(id="t", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
        TextSegment(id="t1", start=4000, duration=500, text="Shop now"),))
    tl = build(width=1080, height=1920, fps=30, duration=6000, tracks=[caps, title])
    held, notes = hold_texts(tl)
    c = held.track(Role.CAPTION).segments
    # 'Fresh' takes the free second before it; 'coffee' has none and joins the next caption
    assert [(s.id, s.start, s.end, s.text, s.shot) for s in c] == [
        ("c1", 300, 1300, "Fresh", "s1"), ("c2", 1300, 3700, "coffee every morning", "s1")]
    assert all(s.duration >= 1000 for t in held.tracks for s in t.segments)
    (t1,) = held.track(Role.TITLE).segments
    assert (t1.start, t1.end) == (4000, 5000)
    assert any("'coffee' and 'every morning' are shown together from 1.3 s to 3.7 s" in n for n in notes)
    assert any("'Fresh' was on screen 0.3 s, too short to read: it now shows from 0.3 s to 1.3 s." in n
               for n in notes)
    assert any("'Shop now' was on screen 0.5 s, too short to read: it now shows from 4 s to 5 s." in n
               for n in notes)
    assert hold_texts(held) == (held, ())  # nothing short: unchanged, nothing said


def test_texts_sent_to_an_edge_take_the_same_edge():
    # user test s9, 16:9 (1920x1080): scikit-image's retina photo (its optic disc left of centre),
    # then a testsrc2 clip whose salient region is a tall band right of centre (boxes as the
    # first cut measured them). A caption asked 'at the top' for the whole video and the call to
    # action over the clip can take no centred place: the caption went to the right edge and the
    # call to action to the left, three columns with the centred title; now both on the left.
    disc = [Span(0, 4583, (244, 304, 460, 568)), Span(0, 4583, (273, 276, 515, 571))]
    disc_box = [Span(0, 4583, (160, 188, 656, 892)), Span(0, 4583, (179, 146, 735, 934))]
    band, band_box = Span(8916, 10666, (962, 65, 1278, 1015)), Span(8916, 10666, (944, 12, 1296, 1068))
    texts = [TextItem("title", "title", 0, 3000, size=(1014, 212)),
             TextItem("cta", "cta", 6666, 10666, size=(389, 175)),
             TextItem("cap", "caption", 0, 10666, band="top", size=(283, 128))]
    lay = lay_out(1920, 1080, texts, subjects=[*disc, band], extents=[*disc_box, band_box])
    cap, cta = lay.slots["cap"].box, lay.slots["cta"].box
    assert cap[0] == cta[0], (cap, cta)  # one edge
    assert all(covered_share(cap, s.box) == 0.0 for s in (*disc, band))  # on screen with both
    assert covered_share(cta, band.box) == 0.0  # on screen with the clip only
    _no_collisions(lay)


@pytest.mark.parametrize(("w", "h"), FRAMES)
def test_a_row_stays_right_under_its_text_wherever_the_two_go(w, h):
    """A website under the call to action (same time): placed as one block, the row right under
    it. A rocket up the middle of a 9:16 frame pushed the two apart and the website went above
    "Visit us today" (user test s16)."""
    rocket = Span(0, 6000, (w * 0.43, h * 0.3, w * 0.55, h * 0.97))
    nose = Span(0, 6000, (w * 0.42, h * 0.2, w * 0.56, h * 0.98))
    cta, row = TextItem("cta", "cta", 2000, 6000, size=(w * 0.4, h * 0.06)), TextItem("web", "caption", 2000, 6000,
                                                                                      size=(w * 0.3, h * 0.04))
    other = TextItem("c", "caption", 0, 1800, size=(w * 0.3, h * 0.04))
    lay = lay_out(w, h, [row, other, cta], subjects=[rocket], extents=[nose])
    a, b = lay.slots["cta"].box, lay.slots["web"].box
    assert 0 < b[1] - a[3] <= h * 0.011 + 1  # right under it, one gap between
    assert (a[0] + a[2]) / 2 == pytest.approx((b[0] + b[2]) / 2, abs=1) or a[0] == pytest.approx(b[0]) \
        or a[2] == pytest.approx(b[2])  # on one column, or flush with the edge the block went to
    for s in lay.slots.values():
        assert covered_share(s.box, rocket.box) <= MAX_SUBJECT_SHARE
    _no_collisions(lay)


def test_a_caption_at_another_time_is_no_row():
    lay = lay_out(1080, 1920, [TextItem("t", "title", 0, 3000, size=(400, 100)),
                               TextItem("c", "caption", 0, 2500, size=(300, 60))])
    assert lay.slots["c"].box[1] > lay.slots["t"].box[3] + 1920 * 0.05  # its own place (the bottom), not a row
