"""Real renders after conversational edits, probed with PyAV.

- "make it vertical … and move the first image to the end" -> a 1080x1920 file whose pictures
  come in the new order;
- "music to 20%" -> the music is measurably quieter relative to the voice than before.
"""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.render import render, verify
from reelforge.session import Session
from reelforge.timeline import Role

from ._render_helpers import COLORS, decode_audio, frames_at

pytestmark = pytest.mark.render


@pytest.fixture(autouse=True)
def _no_llm(monkeypatch):
    monkeypatch.delenv("REELFORGE_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("REELFORGE_LLM_MODEL", raising=False)


def _near(frame: np.ndarray, rgb, tol: float = 30.0) -> bool:
    h, w, _ = frame.shape
    centre = frame[h // 3: 2 * h // 3, w // 3: 2 * w // 3].reshape(-1, 3).mean(axis=0)
    return bool(np.all(np.abs(centre - np.array(rgb)) < tol))


def test_vertical_and_reorder_render(media, tmp_path):
    s = Session.new()
    s.add_ingested([media["red"], media["green"], media["blue"]])
    assert s.handle("a 2-second video with hard cuts and no motion").changed
    reply = s.handle("make it vertical for TikTok and move the first image to the end, then export")
    assert reply.changed and reply.intent.value == "export", reply.message
    assert [seg.src for seg in s.timeline.track(Role.MAIN).segments] == ["green", "blue", "red"]
    out = render(s.timeline, tmp_path / "vertical.mp4", quality="standard")
    info = verify(out)
    assert (info.width, info.height) == (1080, 1920)
    assert abs(info.duration - 2.0) < 0.15
    first, last = frames_at(out, [0.3, 1.7])
    assert _near(first, COLORS["green"]) and _near(last, COLORS["red"])


def _band_db(x: np.ndarray, rate: int, freqs) -> float:
    mono = x.mean(axis=1)
    spec = np.abs(np.fft.rfft(mono * np.hanning(len(mono)))) ** 2
    hz = np.fft.rfftfreq(len(mono), 1 / rate)
    power = sum(spec[(hz > f - 4) & (hz < f + 4)].sum() for f in freqs)
    return float(10 * np.log10(power + 1e-20))


MUSIC_HZ = (261.6, 329.6, 392.0, 523.3)
VOICE_HZ = (180.0, 360.0, 540.0, 900.0)


def test_music_to_20_percent_is_quieter(media, tmp_path):
    s = Session.new()
    s.add_ingested([media["red"], media["green"], media["voice"], media["music"]])
    assert s.handle("a short promo").changed
    before = s.timeline.track(Role.MUSIC).segments[0].volume
    render(s.timeline, tmp_path / "before.mp4", quality="draft")
    reply = s.handle("make the music quieter, about 20%")
    assert reply.changed and s.timeline.track(Role.MUSIC).segments[0].volume == 0.2 < before
    render(s.timeline, tmp_path / "after.mp4", quality="draft")
    a, rate = decode_audio(tmp_path / "before.mp4")
    b, _ = decode_audio(tmp_path / "after.mp4")
    # music relative to voice (immune to the final loudness normalisation's overall gain)
    rel_before = _band_db(a, rate, MUSIC_HZ) - _band_db(a, rate, VOICE_HZ)
    rel_after = _band_db(b, rate, MUSIC_HZ) - _band_db(b, rate, VOICE_HZ)
    expected = 20 * np.log10(0.2 / before)  # about -4.9 dB from 35 %
    print(f"music vs voice: {rel_before:.1f} dB -> {rel_after:.1f} dB (volume change {expected:.1f} dB)")
    assert rel_after - rel_before < expected / 2, (rel_before, rel_after, expected)


def _rms_db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(x.astype(np.float64) ** 2)) + 1e-9))


def test_music_muted_for_the_last_seconds_only(media, tmp_path):
    """Issue 16: "kill the music for the last 2 secs" silences that range and keeps the rest."""
    s = Session.new()
    s.add_ingested([media["red"], media["green"], media["music"]])
    assert s.handle("a 6-second video with hard cuts and no motion").changed
    reply = s.handle("kill the music for the last 2 secs")
    assert reply.changed, reply.message
    music = s.timeline.track(Role.MUSIC).segments
    assert [(m.start, m.end, m.volume == 0) for m in music] == [(0, 4000, False), (4000, 6000, True)]
    out = render(s.timeline, tmp_path / "muted-end.mp4", quality="draft")
    a, rate = decode_audio(out)
    played, muted = a[int(0.5 * rate):int(3.5 * rate)], a[int(4.3 * rate):int(5.8 * rate)]
    print(f"music: {_rms_db(played):.1f} dBFS before 4 s, {_rms_db(muted):.1f} dBFS after")
    assert _rms_db(played) > -40 and _rms_db(muted) < _rms_db(played) - 40
