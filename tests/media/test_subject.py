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


def test_no_part_of_a_flat_or_noisy_picture_is_taken_for_a_subject():
    assert find_subject(np.full((300, 500, 3), 128, np.uint8)) is None
    rng = np.random.default_rng(1)
    noise = find_subject(rng.integers(0, 256, (300, 500, 3), dtype=np.uint8))
    if noise is not None:  # no single subject: at most "the whole picture", never a part of it
        x0, y0, x1, y1 = noise.box
        assert (x1 - x0) * (y1 - y0) >= 0.8
