"""`quality.motion_jitter` reads the content's true jitter: a real photograph moved along a known
path by exact sub-pixel resampling (Lanczos) is measured against that path's own second
difference. Phase correlation alone read a perfectly smooth pan as ~0.2 px (its sub-pixel peak
is pulled to whole pixels), most of the 0.25 px target; see `reelforge.render.quality`."""

import cv2
import numpy as np
import pytest
from skimage import data

from reelforge.render import quality

W, H, N = 640, 360, 40


def _frames(xs: np.ndarray) -> list[np.ndarray]:
    src = cv2.resize(data.astronaut(), (800, 800), interpolation=cv2.INTER_LANCZOS4)
    return [cv2.warpAffine(src, np.float32([[1, 0, -x], [0, 1, -30]]), (W, H), flags=cv2.INTER_LANCZOS4)
            for x in xs]


def _eased(dist: float = 40.0) -> np.ndarray:
    t = np.linspace(0, 1, N)
    return 20 + dist * t * t * (3 - 2 * t)


def _true_jitter(xs: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(np.diff(xs, 2)))))


@pytest.mark.parametrize("name, xs", [
    ("smooth eased pan", _eased()),
    ("whole-pixel steps", np.round(_eased())),
    ("1/5 px steps", np.round(_eased() * 5) / 5),
    ("0.1 px noise", _eased() + np.random.default_rng(1).normal(0, 0.1, N)),
])
def test_jitter_reads_the_paths_own_second_difference(name, xs):
    measured = quality.motion_jitter(_frames(xs))
    truth = _true_jitter(xs)
    assert measured is not None
    # the frames' own resampler places them to 1/32 px (OpenCV's warp tables)
    assert abs(measured - truth) < 0.05 + 0.1 * truth, (name, measured, truth)


def test_a_contiguous_patch_is_not_windowed_in_place():
    """cv2.phaseCorrelate multiplies a contiguous float32 input by its window in place: the
    measurement must not change the frames it is given."""
    frames = _frames(_eased()[:6])
    before = [f.copy() for f in frames]
    quality.patch_shifts(frames)
    assert all(np.array_equal(a, b) for a, b in zip(frames, before, strict=True))
