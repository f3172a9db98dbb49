"""Captions drawn smaller to keep off a subject (`compile._captions_off_subjects`): the cat's face
filling a square frame left no room below it for two-line captions, which covered its nose
while the layout kept off the detected core (its eyes). Real photo, real subject detection, real
layout and text fitting (no render); the step rule itself on made-up layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.render.compile import TextOverlay, _captions_off_subjects, text_specs
from reelforge.render.layout import MAX_SUBJECT_SHARE, Layout, Slot
from reelforge.session import Session
from reelforge.timeline.model import Position, Role, TextBackground

from ..render._photos import write_photos

CAPTION = "Roasted at dawn, poured with care, and shared with the people you love"


def _cut(tmp_path, shape: str) -> Session:
    photo = write_photos(tmp_path / "photos", ["chelsea"])[0].path
    s = Session.new()
    s.add_assets([photo], workdir=tmp_path / "media")
    r = s.handle(f"a {shape} 6 second video with the caption '{CAPTION}'")
    assert r.changed, r.message
    return s, r.message


def _laid(s: Session, fitted: bool = False):
    tl = s.timeline
    return text_specs(tl, tl.width, tl.height, Path("."), fitted=fitted)


def test_square_captions_step_down_to_keep_off_the_cats_whole_face(tmp_path):
    s, said = _cut(tmp_path, "square")
    caps = {x.id for x in s.timeline.track(Role.CAPTION).segments}
    assert len(caps) == 1
    before = {sp.segment_id: (sp.font_px, sl) for sp, sl in _laid(s, fitted=True) if sp.segment_id in caps}
    after = {sp.segment_id: (sp.font_px, sl) for sp, sl in _laid(s) if sp.segment_id in caps}
    # at the size the words fit, a caption covers more than the limit of the cat's face box
    assert max(sl.extent_share for _, sl in before.values()) > MAX_SUBJECT_SHARE
    # stepped down: it keeps off it, still readable, never over the core
    assert max(sl.extent_share for _, sl in after.values()) <= MAX_SUBJECT_SHARE
    assert max(sl.subject_share for _, sl in after.values()) <= MAX_SUBJECT_SHARE
    px = next(iter(after.values()))[0]
    assert px < min(p for p, _ in before.values())
    spec = next(sp for sp, _ in _laid(s) if sp.segment_id in caps)
    assert px >= spec.min_font_px
    assert "drawn smaller than their size so they keep off the subject" in said


def test_asking_for_bigger_captions_says_why_they_stay_smaller(tmp_path):
    s, _ = _cut(tmp_path, "square")
    said = s.handle("make the captions bigger").message
    assert "any larger, it would cover a picture's subject" in said, said
    assert "fits in two lines" not in said


def test_captions_with_room_keep_their_size(tmp_path):
    # the same cat in 9:16 is shown whole over a blurred fill: room below it, no step
    s, said = _cut(tmp_path, "vertical")
    assert [sp.font_px for sp, _ in _laid(s)] == [sp.font_px for sp, _ in _laid(s, fitted=True)]
    assert "keep off the subject" not in said


def _spec(sid: str, px: int, group: str = "captions:c") -> TextOverlay:
    return TextOverlay(segment_id=sid, path=Path(f"{sid}.png"), text="a caption of some words", frame_width=1080,
                       frame_height=1080, font_px=px, max_width=960, color="#FFFFFF", bold=True,
                       background=TextBackground.BOX, align="center", position=Position.BOTTOM, min_font_px=38,
                       max_lines=2, group=group)


def _layout(shares: dict[str, tuple[float, float]]) -> Layout:
    return Layout({sid: Slot(sid, "bottom", (0, 0, 10, 10), 0, 1000, core, whole)
                   for sid, (core, whole) in shares.items()})


@pytest.mark.parametrize(("by_px", "want"), [
    # the first step that keeps off: 0.9 of 60
    ({54: (0.02, 0.08), 48: (0.01, 0.05)}, 54),
    # none keeps off: the one covering least
    ({54: (0.02, 0.30), 48: (0.02, 0.20), 42: (0.02, 0.25)}, 48),
    # a step covering less of the box but more of the core than the limit is not taken
    ({54: (0.15, 0.12), 48: (0.16, 0.11), 42: (0.04, 0.14)}, 42),
])
def test_the_step_rule(by_px, want):
    specs = [_spec("cap1", 60), _spec("cap2", 60), _spec("t1", 80, group="")]
    first = _layout({"cap1": (0.02, 0.35), "cap2": (0.0, 0.0), "t1": (0.5, 0.5)})

    def lay_out(tried):
        px = next(s.font_px for s in tried if s.segment_id == "cap1")
        assert {s.font_px for s in tried if s.group} == {px}  # the whole track, one size
        assert next(s.font_px for s in tried if s.segment_id == "t1") == 80  # a title never steps
        core, whole = by_px[px]
        return _layout({"cap1": (core, whole), "cap2": (0.0, 0.0), "t1": (0.5, 0.5)})

    specs, lay = _captions_off_subjects(specs, first, lay_out)
    assert {s.segment_id: s.font_px for s in specs} == {"cap1": want, "cap2": want, "t1": 80}


def test_no_step_when_the_captions_keep_off():
    specs = [_spec("cap1", 60)]
    first = _layout({"cap1": (0.05, 0.09)})

    def lay_out(tried):
        raise AssertionError("laid out again")

    assert _captions_off_subjects(specs, first, lay_out) == (specs, first)
