"""Subject detection (media.subject, default install) on real photographs with marked subjects."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.media.subject import find_subject

from ..render._photos import write_photos


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    return write_photos(tmp_path_factory.mktemp("photos"))


def test_each_marked_subject_is_found_where_it_is(photos):
    from PIL import Image

    for p in photos:
        found = find_subject(p.path)
        if p.subject is None:
            continue  # the galaxy field: whatever it finds, the framing only has to be smooth
        assert found is not None, p.name
        w, h = Image.open(p.path).size
        x0, y0, x1, y1 = (v * s for v, s in zip(found.box, (w, h, w, h), strict=True))
        cx, cy = (p.subject[0] + p.subject[2]) / 2, (p.subject[1] + p.subject[3]) / 2
        assert x0 <= cx <= x1 and y0 <= cy <= y1, (p.name, found, p.subject)  # on the subject
    by = {p.name: find_subject(p.path) for p in photos if p.name in ("astronaut", "grace_hopper")}
    assert {s.source for s in by.values()} == {"face"}


def test_subjects_found_a_few_at_once_are_the_ones_found_one_by_one(photos):
    """The session finds a cut's subjects in threads (`AIStage.find_subjects`); each thread has
    its own cascades, so the answers are exactly those of one picture at a time."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [p.path for p in photos] * 2
    alone = [find_subject(p) for p in paths]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(find_subject, paths)) == alone
    assert sum(s is not None and s.source == "face" for s in alone) >= 4


def test_no_part_of_a_flat_or_noisy_picture_is_taken_for_a_subject():
    assert find_subject(np.full((300, 500, 3), 128, np.uint8)) is None
    rng = np.random.default_rng(1)
    noise = find_subject(rng.integers(0, 256, (300, 500, 3), dtype=np.uint8))
    if noise is not None:  # no single subject: at most "the whole picture", never a part of it
        x0, y0, x1, y1 = noise.box
        assert (x1 - x0) * (y1 - y0) >= 0.8


def _shown(box, view) -> float:
    x0, y0, x1, y1 = box
    ix = max(0.0, min(x1, view.x + view.w) - max(x0, view.x))
    iy = max(0.0, min(y1, view.y + view.h) - max(y0, view.y))
    return ix * iy / ((x1 - x0) * (y1 - y0))


def test_a_crop_is_chosen_whenever_it_keeps_the_marked_subject(photos):
    """The planner's crop-or-blurred-fill choice (framing.crop_holds on the detected subject) and
    the view paths, against the boxes marked by hand: every crop keeps >= 90 % of the subject in
    every view of every motion; pictures whose subject no crop can hold go to a blurred fill."""
    from PIL import Image

    from reelforge.render import framing
    from reelforge.timeline.model import Motion

    crops: dict[str, set[str]] = {}
    for p in photos:
        found = find_subject(p.path)
        w, h = Image.open(p.path).size
        for aspect, (ow, oh) in {"9:16": (1080, 1920), "1:1": (1080, 1080), "16:9": (1920, 1080)}.items():
            if found is not None and not framing.crop_holds(
                    w, h, ow / oh, framing.subject_rect(w, h, found.box, margin=0),
                    framing.subject_rect(w, h, found.core, margin=0), keep=0.0 if found.precise else framing.KEEP):
                continue
            crops.setdefault(aspect, set()).add(p.name)
            if p.subject is None:
                continue
            box = framing.subject_rect(w, h, found.box) if found else None
            for motion in Motion:
                path = framing.plan(w, h, ow, oh, motion, box)
                for q in (0.0, 0.25, 0.5, 0.75, 1.0):
                    e = framing.ease(q)
                    view = framing.Rect(*(a + (b - a) * e for a, b in zip(
                        (path.start.x, path.start.y, path.start.w, path.start.h),
                        (path.end.x, path.end.y, path.end.w, path.end.h), strict=True)))
                    assert _shown(p.subject, view) >= 0.9, (p.name, aspect, motion, q)
    # no 9:16 crop can keep 90 % of these: the cat's face, the pagoda, the dahlia, the motorcycle
    assert not crops["9:16"] & {"chelsea", "china", "flower", "motorcycle"}
    # a face is precise: Grace Hopper's head box is wider than a 9:16 crop, her face is not
    assert {"astronaut", "grace_hopper"} <= crops["9:16"]
    assert {"chelsea", "coffee", "rocket", "flower", "grace_hopper", "motorcycle"} <= crops["16:9"]
    assert sum(len(v) for v in crops.values()) >= 18  # of 30 (measured: docs/framing.md)
