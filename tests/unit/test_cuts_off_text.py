"""A first cut's cuts kept from under its texts (`planner.follow_speech.cuts_off_text`): a caption
timed to the speech or the call to action runs across no cut when a moment without text is near,
so each text stays over one picture (where the layout can find a place clear of its subject)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from reelforge.planner.follow_speech import MIN_CUT_MS, cuts_off_text
from reelforge.session import Session
from reelforge.timeline import Role


def _cuts(lengths: list[int], transitions: list[int]) -> list[int]:
    """When each shot comes in (the middle of its crossfade)."""
    start, out = 0, []
    for k, (n, t) in enumerate(zip(lengths, transitions, strict=True)):
        out.append(start + t // 2)
        start += n - (transitions[k + 1] if k + 1 < len(lengths) else 0)
    return out


def test_a_cut_under_a_caption_moves_into_the_nearest_pause():
    lengths, fades = [3600] * 5, [0, 500, 500, 500, 500]
    captions = [(20, 3200), (3560, 5040), (5550, 8990)]  # "…and shared with the people you love." "Every cup…"
    new = cuts_off_text(lengths, fades, captions)
    assert new is not None and sum(new) == sum(lengths)  # the video keeps its length
    cuts = _cuts(new, fades)
    assert 5040 <= cuts[2] <= 5550  # the third picture comes in between the two captions
    assert cuts[1] == 3350 and cuts[3:] == [9550, 12650]  # the others stay
    for c in cuts[1:]:
        assert not any(a + 150 < c < b - 150 for a, b in captions)


def test_the_call_to_action_comes_in_with_the_last_picture():
    lengths, fades = [3600] * 5, [0, 500, 500, 500, 500]
    new = cuts_off_text(lengths, fades, [(0, 3000), (12000, 16000)])  # title, "Shop now"
    assert new is not None
    assert _cuts(new, fades)[-1] == 11750  # the crossfade ends as the call to action comes in
    assert new[:3] == lengths[:3]


@pytest.mark.parametrize(("texts", "why"), [
    ([(0, 3000), (9000, 10000)], "no text runs across a cut"),
    ([(0, 16000)], "one text on all along: no cut avoids it"),
    ([(5000, 12000)], "the nearest moment without text is over half a shot away"),
])
def test_cuts_stay(texts, why):
    assert cuts_off_text([4000] * 4, [0, 0, 0, 0], texts) is None, why


def test_no_shot_gets_too_short():
    # the pause nearest the cut at 3000 is at 1200: the first shot would be 1.2 s
    new = cuts_off_text([3000] * 4, [0, 0, 0, 0], [(0, 1100), (1300, 4500)])
    assert new is None or min(new) >= MIN_CUT_MS


def _photos(d: Path, n: int = 5) -> list[Path]:
    rng = np.random.default_rng(7)
    out = []
    for i in range(n):
        p = d / f"shot_{'abcde'[i]}.jpg"
        Image.fromarray(rng.integers(0, 255, (360, 640, 3), dtype=np.uint8)).save(p)
        out.append(p)
    return out


def _mid_cuts(s: Session) -> list[int]:
    return [x.start + x.transition_ms // 2 for x in s.timeline.track(Role.MAIN).segments]


def test_first_cut_brings_the_call_to_action_in_with_the_last_picture(tmp_path):
    s = Session.new()
    s.add_assets(_photos(tmp_path), workdir=tmp_path / "m")
    reply = s.handle("a 16 second promo called 'Orbit Coffee', end with 'Shop now'")
    cta = s.timeline.track(Role.CTA).segments[0]
    shots = s.timeline.track(Role.MAIN).segments
    assert s.timeline.duration == 16000
    assert shots[-1].start + shots[-1].transition_ms == cta.start  # the crossfade is over as it comes in
    assert "no text runs across" in reply.message


def test_shots_given_their_length_keep_it(tmp_path):
    s = Session.new()
    s.add_assets(_photos(tmp_path), workdir=tmp_path / "m")
    s.handle("3 seconds each, end with 'Shop now'")
    cta = s.timeline.track(Role.CTA).segments[0]
    assert len({x.duration for x in s.timeline.track(Role.MAIN).segments}) == 1  # as asked, the text runs across
    assert any(cta.start < c < cta.end for c in _mid_cuts(s))
