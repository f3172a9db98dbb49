"""A music bed with a silent lead-in and tail, rendered for real: the first cut (the session
measures the file, the planner places the bed, ffmpeg renders) has sound from the first second and
no gap where the loop comes round. Before, the 2 s lead-in was dead air at the start and the
tail + lead-in (2.5 s) again at every loop."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import Role, replace

from ._render_helpers import _write_wav, decode_audio, rms_db, window

pytestmark = pytest.mark.render

RATE = 48000
LEAD_S, SOUND_S, TAIL_S = 2.0, 2.5, 0.5


def _bed_with_silent_ends(path) -> None:
    """2 s of silence, 2.5 s of a chord pulsing at 120 BPM, 0.5 s of silence."""
    t = np.arange(int(SOUND_S * RATE)) / RATE
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6)) / 3
    pulse = 0.6 + 0.4 * np.exp(-8 * (t % 0.5))  # never silent between beats
    sound = 0.4 * chord * pulse
    x = np.concatenate([np.zeros(int(LEAD_S * RATE)), sound, np.zeros(int(TAIL_S * RATE))])
    _write_wav(path, np.stack([x, x], axis=1))


def test_a_bed_with_silent_ends_sounds_from_the_start_and_through_its_loops(tmp_path):
    from PIL import Image

    Image.new("RGB", (320, 180), (40, 70, 220)).save(tmp_path / "blue.png")
    _bed_with_silent_ends(tmp_path / "music_lead.wav")
    s = Session.new()
    s.add_assets([tmp_path / "blue.png", tmp_path / "music_lead.wav"], workdir=tmp_path / "media")
    reply = s.handle("an 8-second video, no motion")
    m = s.timeline.track(Role.MUSIC).segments[0]
    assert (m.in_ms, m.loop, m.loop_start_ms, m.loop_end_ms) == (1980, True, 1980, 4520)
    assert "starts 1.98 s into the track, where the music comes in" in reply.message
    samples, rate = decode_audio(render(replace(s.timeline, width=320, height=180), tmp_path / "bed.mp4"))
    mono = samples.mean(axis=1)
    level = rms_db(window(mono, rate, 1.0, 2.0))
    assert level > -30  # loudness-normalised music
    # the first second: the 0.5 s fade-in, then the music at its level (it was silence)
    assert rms_db(window(mono, rate, 0.1, 0.5)) > level - 12
    assert rms_db(window(mono, rate, 0.5, 1.0)) > level - 3
    # every 100 ms from 0.5 s to the fade-out (6.5 s): no gap, also where the loop comes round
    # (2.54 s and 5.08 s: 20 ms of silence kept on each side of the sound)
    lows = [rms_db(window(mono, rate, a, a + 0.1)) for a in np.arange(0.5, 6.4, 0.05)]
    assert min(lows) > level - 6, f"quietest 100 ms: {min(lows):.1f} dB against {level:.1f} dB"


def test_a_song_with_a_long_quiet_intro_starts_where_the_music_comes_in(tmp_path):
    """New-user round 5: a song whose first 14 s are a soft pad (24 dB under its beat) played
    that pad under the voiceover and 5 s of it alone (-40 dB RMS) in a 20 s first cut. Here 6 s
    of pad before 6 s of a pulsing chord: the bed starts at the chord."""
    from PIL import Image

    Image.new("RGB", (320, 180), (40, 70, 220)).save(tmp_path / "blue.png")
    t = np.arange(int(6.0 * RATE)) / RATE
    pad = 0.01 * np.sin(2 * np.pi * 220.0 * t) * np.minimum(1.0, t / 2)  # 24 dB under, fading in
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6)) / 3
    body = 0.4 * chord * (0.6 + 0.4 * np.exp(-8 * (t % 0.5)))
    x = np.concatenate([pad, body])
    _write_wav(tmp_path / "song.wav", np.stack([x, x], axis=1))
    s = Session.new()
    s.add_assets([tmp_path / "blue.png", tmp_path / "song.wav"], workdir=tmp_path / "media")
    reply = s.handle("an 8-second video, no motion")
    m = s.timeline.track(Role.MUSIC).segments[0]
    assert 5900 <= m.in_ms <= 6000 and m.loop_start_ms == m.in_ms, m  # 0.46 s before (where the pad became audible)
    assert "into the track, where the music comes in" in reply.message
    samples, rate = decode_audio(render(replace(s.timeline, width=320, height=180), tmp_path / "song.mp4"))
    mono = samples.mean(axis=1)
    level = rms_db(window(mono, rate, 1.0, 2.0))
    assert level > -30
    lows = [rms_db(window(mono, rate, a, a + 0.1)) for a in np.arange(0.5, 6.4, 0.05)]
    assert min(lows) > level - 6, f"quietest 100 ms: {min(lows):.1f} dB against {level:.1f} dB"
