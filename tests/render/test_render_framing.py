"""Framing and motion on real photographs, measured on the rendered frames.

Ten photographs that packages ship (tests/data/subjects.json: a portrait, a cat, a coffee
cup, a rocket on its pad, a pagoda, a flower, Grace Hopper, a galaxy field, a cameraman and a
motorcycle), subject boxes marked once by hand. Each is planned as a user gets it (subject detection, crop or blurred fill, slow
zoom/pan in turn) in 9:16, 1:1 and 16:9, rendered at half the preset's size, and every shot is
measured on its frames: the share of the marked subject on screen in four frames through the
shot (the picture located in each frame by ORB features), and the frame-to-frame jitter of the
motion (phase correlation).
"""

from __future__ import annotations

import re

import pytest

from ._photos import render_framing

pytestmark = [pytest.mark.render, pytest.mark.slow]


@pytest.mark.parametrize("aspect", ["9:16", "1:1", "16:9"])
def test_subject_stays_whole_and_motion_is_smooth(aspect, tmp_path):
    reply, shots = render_framing(tmp_path, aspect, scale=0.5, seconds=20)
    assert len(shots) == 10
    for shot in shots:
        if shot.name != "hubble_deep_field.jpg":  # the one picture without a single subject
            assert shot.visible is not None, f"{shot.name}: the picture was not found in its frames"
            assert shot.visible >= 0.9, shot
        if shot.motion == "none":  # no move keeps its subject whole in this crop: held still, and said
            assert (aspect, shot.name) == ("16:9", "grace_hopper.jpg"), shot  # (her head box is taller than the crop)
            assert f"'{shot.name}' is held still" in reply.message
            continue
        assert shot.jitter is not None, f"{shot.name}: nothing to measure the motion on"
        assert shot.jitter < 0.25, shot
    # the plan says what it measured: blurred fills with their widths, enlarged sources
    blurred = [s.name for s in shots if s.fit == "blur"]
    for name in blurred:
        assert f"'{name}' is shown whole over a blurred fill" in reply.message
    if aspect == "9:16":
        # shown whole over a blurred fill: 1080/451 = 2.39x at most (its zoom keeps the picture
        # inside the tightest view, never larger), under the 2.5x a note is for
        assert "'chelsea.jpg' (451x300" not in reply.message
    else:  # one note for all the pictures enlarged, when three or more are
        assert "'chelsea.jpg' (451x300) is enlarged" in reply.message or \
            re.search(r"pictures are enlarged [\d.-]+x to fill.*'chelsea\.jpg' \(451x300, [\d.]+x\)", reply.message)
    assert "Subject detection found a face in astronaut.jpg" in reply.message
