"""Every target of issue 11 on one 9:16 first cut (marked photos, a Piper voiceover, music), as
bench/quality.py's ``targets`` section measures it for all three frame sizes."""

from __future__ import annotations

import pytest

from ._targets import TARGETS, run_case

pytestmark = [pytest.mark.render, pytest.mark.slow]


def test_a_vertical_first_cut_meets_every_target(tmp_path):
    case = run_case(tmp_path / "9x16", "9:16")
    assert set(case.figures) == set(TARGETS)
    assert not case.failed(), {k: case.figures[k] for k in case.failed()}
    assert len(case.shots) == 5 and all(s.visible is not None for s in case.shots)
    assert "Shop now" in case.read and "Orbit Coffee" in case.read  # drawn and read back
