"""Smart reframing keeps an off-centre subject in frame where a centre crop loses it."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.ai.reframe import Box, crop_for, smart_crop, subject_box

from ._images import make_set


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    return make_set(tmp_path_factory.mktemp("reframe"))


def _check(case):
    truth = Box(*case.subject)
    found = subject_box(case.path)
    centre = crop_for(*case.size, *case.out, None)
    smart = crop_for(*case.size, *case.out, found)
    return found, truth.visible_fraction(centre), truth.visible_fraction(smart)


def test_detail_subject_stays_in_frame(cases):
    for case in [c for c in cases if c.kind == "detail"]:
        found, centre, smart = _check(case)
        assert found.source == "saliency", case.name
        assert centre < 0.5, case.name  # the test set is built so a centre crop loses it
        assert smart >= 0.95, (case.name, smart)


def test_face_subject_stays_in_frame(cases):
    pytest.importorskip("cv2", reason="face detection needs the ai extra")
    for case in [c for c in cases if c.kind == "face"]:
        found, centre, smart = _check(case)
        assert found.source == "face", case.name
        assert Box(*case.subject).visible_fraction((found.x, found.y, found.w, found.h)) > 0.5
        assert centre < 0.5, case.name
        assert smart >= 0.95, (case.name, smart)


def test_featureless_and_busy_pictures_fall_back_to_centre():
    flat = np.full((300, 500, 3), 128, np.uint8)
    assert subject_box(flat).source == "center"
    rng = np.random.default_rng(1)
    busy = rng.integers(0, 256, (300, 500, 3), dtype=np.uint8)
    assert subject_box(busy, faces="off").source == "center"
    assert crop_for(500, 300, 1080, 1920, subject_box(flat)) == crop_for(500, 300, 1080, 1920)


def test_crop_geometry():
    # landscape to 9:16: full height, even width, pushed inside the picture
    x, y, w, h = crop_for(1600, 900, 1080, 1920, Box(1550, 0, 50, 50, "saliency"))
    assert (w, h) == (506, 900) and x + w == 1600 and y == 0
    # centre crop
    assert crop_for(1600, 900, 1080, 1920) == (547, 0, 506, 900)
    # same aspect: the whole picture
    assert crop_for(1920, 1080, 1920, 1080, Box(0, 0, 10, 10, "face")) == (0, 0, 1920, 1080)
    # portrait to 16:9: full width
    x, y, w, h = crop_for(900, 1600, 1920, 1080, Box(400, 100, 100, 100, "face"))
    assert w == 900 and h == 506 and y == 0
    with pytest.raises(ValueError):
        crop_for(0, 10, 10, 10)


def test_smart_crop_from_path(cases):
    case = cases[0]
    x, y, w, h = smart_crop(case.path, *case.out)
    assert Box(*case.subject).visible_fraction((x, y, w, h)) >= 0.95


def test_focus_point_matches_subject_crop(cases):
    from reelforge.ai.reframe import crop_for_focus, focus_point

    case = cases[0]
    fx, fy, source = focus_point(case.path)
    assert source == "saliency" and fx > 0.7
    crop = crop_for_focus(*case.size, *case.out, fx, fy)
    assert Box(*case.subject).visible_fraction(crop) >= 0.95
    assert crop_for_focus(1600, 900, 1080, 1920) == crop_for(1600, 900, 1080, 1920)


def test_video_focus_follows_the_subject(tmp_path):
    from reelforge.ai.reframe import video_focus

    from ._clips import write_av

    w, h = 320, 180
    rng = np.random.default_rng(0)

    def frames():
        for i in range(20):
            img = np.full((h, w, 3), 110, np.uint8)
            img[40:110, 240 + i % 3:300 + i % 3] = rng.integers(0, 255, (70, 60, 3))
            yield img

    path = write_av(tmp_path / "subject_right.mp4", frames(), fps=10, size=(w, h))
    fx, fy, source = video_focus(path)
    assert source == "saliency" and fx > 0.7 and 0.25 < fy < 0.6
