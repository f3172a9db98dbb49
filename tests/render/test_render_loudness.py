"""Loudness on target with real speech: a Piper voiceover over music (espeak-ng without the ai
extra), rendered and measured on the output (ITU-R BS.1770 with pyloudnorm, true peak 4x
oversampled). Speech peaks high above its loudness, so the gain to -14 LUFS needs the true-peak
limiter, which took 1.7 LU off (-15.7 LUFS) until the mix was measured again after it."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import replace

from ._photos import write_photos
from ._render_helpers import decode_audio
from ._targets import PROMPT, music, true_peak_db, voice

pytestmark = pytest.mark.render


def test_a_voiceover_over_music_lands_on_minus_14_lufs_under_minus_1_dbtp(tmp_path):
    """The first cut's own mix (voice, ducked music, fades), rendered small."""
    import pyloudnorm

    from reelforge.render.runner import measure_loudness

    photos = write_photos(tmp_path / "photos", ["coffee"])
    s = Session.new()
    s.add_assets([photos[0].path, voice(tmp_path), music(tmp_path)], workdir=tmp_path / "media")
    s.handle(PROMPT.format(word="vertical"))
    tl = replace(s.timeline, width=180, height=320)
    measured = measure_loudness(tl, tmp_path)
    assert measured is not None and measured.makeup_db > 0.5  # the limiter's share, put back
    samples, rate = decode_audio(render(tl, tmp_path / "mix.mp4"))
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert loudness == pytest.approx(-14.0, abs=0.7)  # -15.7 before
    assert true_peak_db(samples) <= -1.0
