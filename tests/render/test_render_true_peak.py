"""True peak under -1 dBTP with music that has real transients: a 128 bpm drum loop (a pitched
kick, a noisy snare, noise hats, a square bass, a pad) under an espeak-ng voiceover, as a first cut mixes it. The
gain to -14 LUFS drives it into the limiter; limited at the 48 kHz sample rate, the peaks
between samples were left over the ceiling (+0.04 dBTP in the mix, -0.55 dBTP in the encoded
file of a 20 s first cut). Limited 4x oversampled, the mix stays under -1.4 dBTP, but the AAC
encode adds its own overshoot (-0.32 dBTP): the export measures its encoded audio and, when it is
over -1 dBTP, encodes it again under a ceiling lowered by the excess (the whole render: its
audio encoded again and muxed with its video as it is)."""

from __future__ import annotations

import shutil
import subprocess
import wave

import numpy as np
import pytest

from reelforge.render import render
from reelforge.render.chunked import export
from reelforge.session import Session
from reelforge.timeline import replace

from ._photos import write_photos
from ._render_helpers import decode_audio
from ._targets import true_peak_db

pytestmark = pytest.mark.render

RATE = 44100  # a CD-rate song, resampled to 48 kHz in the mix


def drum_loop(seconds: float, bpm: float = 128.0) -> np.ndarray:
    """Kick on every beat, a noisy snare on the off beats, hats on the eighths, a square bass
    line and a quiet pad: peaks ~20 dB over its loudness, many of them between samples."""
    rng = np.random.default_rng(1)
    n, beat = int(seconds * RATE), 60.0 / bpm
    y = np.zeros((n, 2))
    for b in range(int(seconds / beat) + 1):
        i = int(b * beat * RATE)
        k = min(int(0.5 * RATE), n - i)
        if k <= 0:
            break
        t = np.arange(k) / RATE
        y[i:i + k] += (0.8 * np.sin(2 * np.pi * np.cumsum(50 + 100 * np.exp(-t * 30)) / RATE)
                       * np.exp(-t * 8))[:, None]
        if b % 2:
            y[i:i + k] += (0.3 * (rng.standard_normal(k) * 0.5 + np.sin(2 * np.pi * 190 * t))
                           * np.exp(-t * 20))[:, None]
        for half in (0.0, 0.5):
            j = int((b + half) * beat * RATE)
            h = min(int(0.1 * RATE), n - j)
            if h > 0:
                for ch, level in ((0, 0.7), (1, 0.5)):
                    noise = np.diff(rng.standard_normal(h), prepend=0.0)
                    y[j:j + h, ch] += level * 0.3 * noise * np.exp(-np.arange(h) / RATE * 60)
        m = min(int(beat * RATE), n - i)
        tb = np.arange(m) / RATE
        f = (55.0, 65.4, 73.4, 49.0)[(b // 4) % 4]
        y[i:i + m] += (0.15 * np.sign(np.sin(2 * np.pi * f * tb)) * np.exp(-tb * 3))[:, None]
    t = np.arange(n) / RATE
    for k, f in enumerate((220.0, 277.2, 329.6)):
        y[:, k % 2] += 0.05 * np.sin(2 * np.pi * f * t)
    return y / np.abs(y).max() * 0.9


@pytest.mark.parametrize("path", ["export", "render"])
def test_a_transient_drum_loop_under_a_voice_keeps_its_true_peak_under_minus_1_dbtp(tmp_path, path):
    """Both renders: the chunked export (the CLI, the Python API, the service) and the whole,
    single-process one (`reelforge.render.render`)."""
    import pyloudnorm

    espeak = shutil.which("espeak-ng")
    assert espeak, "espeak-ng is installed by the CI script"
    vo = tmp_path / "voice_over.wav"
    subprocess.run([espeak, "-v", "en-sc", "-s", "150", "-w", str(vo),
                    "Northwind Labs. Precision imaging for every lab. "
                    "From tissue to the deep sky, see every detail. Book your demo today."], check=True)
    song = tmp_path / "music_128bpm.wav"
    with wave.open(str(song), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((drum_loop(24.0) * 32767).astype("<i2").tobytes())
    photos = write_photos(tmp_path / "photos", ["coffee"])
    s = Session.new()
    s.add_assets([photos[0].path, vo, song], workdir=tmp_path / "media")
    s.handle("a vertical 20-second promo")
    tl = replace(s.timeline, width=180, height=320)
    out = export(tl, tmp_path / "out.mp4").path if path == "export" else render(tl, tmp_path / "out.mp4")
    samples, rate = decode_audio(out)
    assert true_peak_db(samples) <= -1.0  # -0.45 dBTP before (-0.32 limited 4x oversampled alone)
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert loudness == pytest.approx(-14.0, abs=1.0)
