"""A voiceover the video's end cuts mid-word stops at its last pause instead (marketer pass, session
42: "a 6 second teaser" of a 10 s voiceover stopped on a word at 6.0 s, with a pause at 5.0-5.3 s).
Pure parts on numbers; the session's on a real espeak-ng voice."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from reelforge.ai.sound import pauses_in
from reelforge.planner.bed import voice_end_in_pause
from reelforge.timeline.model import Role


def test_pauses_are_runs_well_under_the_voice():
    db = np.array([-20.0] * 10 + [-70.0] * 8 + [-20.0] * 5 + [-70.0] * 3 + [-22.0] * 10)  # 20 ms frames
    assert pauses_in(db) == [(200, 360)]  # the 60 ms gap is between syllables, not a pause


@pytest.mark.parametrize(("out_ms", "end"), [(6000, 5250), (5100, None), (9860, None), (8000, None)])
def test_the_voice_stops_a_little_into_its_last_pause_before_the_cut(out_ms, end):
    pauses = [(1660, 2000), (5000, 5300)]
    # cut at 6.0 s: 0.25 s into the pause at 5.0 s; cut inside a pause or at the file's end: as it is;
    # no pause within 1.5 s before the cut: as it is
    assert voice_end_in_pause(0, out_ms, 9870, pauses) == end


def test_a_short_teaser_of_a_longer_voiceover_stops_at_a_pause(tmp_path):
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng (Debian) not installed")
    from PIL import Image

    from reelforge.ai.sound import measure_pauses
    from reelforge.session import Session

    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(tmp_path / "voiceover.wav"),
                    "Fresh bread every morning. Our bakers start at four, so you can start your day with something "
                    "warm. Come by Main Street and say hello."], check=True)
    for i, c in enumerate([(200, 120, 40), (40, 90, 200)]):
        Image.new("RGB", (640, 360), c).save(tmp_path / f"shot{i}.png")
    s = Session.new()
    s.add_assets([tmp_path / "shot0.png", tmp_path / "shot1.png", tmp_path / "voiceover.wav"], workdir=tmp_path / "m")
    r = s.handle("a 4.5 second teaser")
    voice = s.timeline.track(Role.VOICE).segments[0]
    pauses = measure_pauses(tmp_path / "voiceover.wav")
    assert voice.end < 4500 and any(a <= voice.in_ms + voice.duration <= b for a, b in pauses), (voice, pauses)
    assert f"The voiceover stops at {round(voice.end / 1000, 1):g} s, at a pause" in r.message
    r = s.handle("make it 12 seconds")  # longer again: more of it is heard
    assert s.timeline.track(Role.VOICE).segments[0].end > 4500, r.message
