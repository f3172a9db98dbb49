"""Every target of issue 11 on one first cut per frame size (marked photos, a Piper voiceover,
music), as bench/quality.py's ``targets`` section measures them."""

from __future__ import annotations

import pytest

from ._targets import TARGETS, run_case

pytestmark = [pytest.mark.render, pytest.mark.slow]


@pytest.mark.parametrize("aspect", ["9:16", "1:1", "16:9"])
def test_a_first_cut_meets_every_target(tmp_path, aspect):
    """1:1 and 16:9 missed one until the clean look's captions dropped their plate: the cat's
    face fills those frames, and a two-line caption's plate hid 13.6 % of its eyes and nose."""
    case = run_case(tmp_path / aspect.replace(":", "x"), aspect)
    assert set(case.figures) == set(TARGETS)
    assert not case.failed(), {k: case.figures[k] for k in case.failed()}
    assert len(case.shots) == 5 and all(s.visible is not None for s in case.shots), [(s.name, s.fit, s.visible) for s in case.shots]
    assert "Shop now" in case.read and "Orbit Coffee" in case.read  # drawn and read back
