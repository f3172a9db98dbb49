"""The credit cost rule (`reelforge.service.credits.cost_for`): duration, frame size, frame rate."""

from __future__ import annotations

import pytest

from reelforge.service.credits import cost_for


@pytest.mark.parametrize(("ms", "w", "h", "fps", "cost"), [
    (30_000, 1920, 1080, 30, 3), (30_000, 3840, 2160, 30, 6), (5_000, 1080, 1920, 30, 1),
    (30_000, 1920, 1080, 24, 3), (30_000, 1920, 1080, 25, 3),
    (30_000, 1920, 1080, 50, 6), (30_000, 1920, 1080, 60, 6),  # twice the frames, twice the credits
    (30_000, 1920, 1080, 120, 12), (30_000, 3840, 2160, 60, 12),
])
def test_cost(ms, w, h, fps, cost):
    assert cost_for(ms, w, h, fps=fps) == cost


def test_previews_are_free_at_any_rate():
    assert cost_for(30_000, 1920, 1080, fps=120, preview=True) == 0
