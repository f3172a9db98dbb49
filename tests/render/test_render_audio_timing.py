"""When the music plays, said in chat and rendered for real: "start the music at 2 seconds" gives
silence before 2 s and the song after; "play the song from 0:03" starts it at its second part
(a song whose first 3 s are a 440 Hz tone and the rest 880 Hz, so what plays is known)."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import Role, replace

from ._render_helpers import RATE, _write_wav, decode_audio, rms_db, window

pytestmark = pytest.mark.render


def _two_part_song(path) -> None:
    t = np.arange(int(10 * RATE)) / RATE
    x = 0.4 * np.where(t < 3.0, np.sin(2 * np.pi * 440 * t), np.sin(2 * np.pi * 880 * t))
    _write_wav(path, np.stack([x, x], axis=1))


def _pitch(x: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(x.size)))
    return float(np.fft.rfftfreq(x.size, 1 / rate)[int(np.argmax(spectrum))])


def _six_seconds_with_the_song(tmp_path) -> Session:
    """A 6 s video of one still with the two-part song as its music."""
    from PIL import Image

    Image.new("RGB", (320, 180), (40, 70, 220)).save(tmp_path / "blue.png")
    _two_part_song(tmp_path / "song.wav")
    s = Session.new()
    s.add_assets([tmp_path / "blue.png", tmp_path / "song.wav"], workdir=tmp_path / "media")
    s.handle("a 6-second video, no motion")
    return s


def test_music_starts_when_said_and_from_where_said(tmp_path):
    s = _six_seconds_with_the_song(tmp_path)
    reply = s.handle("start the music at 2 seconds")
    assert "music starts at 2s" in reply.message.lower(), reply.message
    reply = s.handle("play the song from 0:03")
    assert "plays from 3s of its source" in reply.message, reply.message
    m = s.timeline.track(Role.MUSIC).segments[0]
    assert (m.start, m.in_ms) == (2000, 3000)
    samples, rate = decode_audio(render(replace(s.timeline, width=320, height=180), tmp_path / "out.mp4"))
    mono = samples.mean(axis=1)
    level = rms_db(window(mono, rate, 3.0, 4.5))
    assert level > -30  # the music, loudness-normalised
    assert rms_db(window(mono, rate, 0.1, 1.8)) < level - 40  # nothing before 2 s
    # from 0:03 of the song: its second part (880 Hz), not its start (440 Hz)
    assert abs(_pitch(window(mono, rate, 3.0, 4.5), rate) - 880) < 10


def test_music_stops_when_said_and_plays_on_when_brought_back(tmp_path):
    """"stop the music at 3 seconds": the music fades out and is silent after 3 s (it was not
    understood); "let the music play to the end" brings it back to the video's end."""
    s = _six_seconds_with_the_song(tmp_path)
    reply = s.handle("stop the music at 3 seconds")
    assert "music plays until 3s" in reply.message.lower(), reply.message
    m = s.timeline.track(Role.MUSIC).segments[-1]
    assert m.end == 3000 and m.fade_out_ms >= 1000
    small = replace(s.timeline, width=320, height=180)
    mono = decode_audio(render(small, tmp_path / "stopped.mp4"))
    level = rms_db(window(mono[0].mean(axis=1), mono[1], 0.5, 1.5))
    assert level > -30
    assert rms_db(window(mono[0].mean(axis=1), mono[1], 3.3, 5.7)) < level - 40  # silent after 3 s
    reply = s.handle("let the music play to the end")
    assert s.timeline.track(Role.MUSIC).segments[-1].end == 6000, reply.message
    samples, rate = decode_audio(render(replace(s.timeline, width=320, height=180), tmp_path / "back.mp4"))
    assert rms_db(window(samples.mean(axis=1), rate, 3.3, 4.5)) > -30  # playing again
