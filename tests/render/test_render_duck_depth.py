"""Deeper ducking, said in chat and heard for real: "duck the music more" / "make the music quieter
when the voice talks" take the music further down under the voice while the music between the
voice's bursts keeps its level (the bed is not lowered as a whole)."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.render import render
from reelforge.timeline import build

from ._render_helpers import VOICE_ON, decode_audio, window

pytestmark = pytest.mark.render


def _band_db(x: np.ndarray, rate: int, freqs: tuple[float, ...]) -> float:
    mono = x.mean(axis=1)
    spec = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    bins = np.fft.rfftfreq(len(mono), 1 / rate)
    return float(10 * np.log10(sum(spec[np.abs(bins - f) < 6].max() ** 2 for f in freqs) + 1e-12))


def _duck_db(tl, out) -> tuple[float, float]:
    """(how far the music's chord drops while the voice speaks, the chord's level between bursts)."""
    samples, rate = decode_audio(render(tl, out))
    chord = (261.6, 329.6, 392.0)
    voiced = window(samples, rate, VOICE_ON[0][0] + 0.5, VOICE_ON[0][1] - 0.1)
    gap = window(samples, rate, VOICE_ON[0][1] + 0.45, VOICE_ON[1][0] - 0.02)
    return _band_db(gap, rate, chord) - _band_db(voiced, rate, chord), _band_db(gap, rate, chord)


def test_duck_the_music_more(media, tmp_path):
    tl = build(width=160, height=90, fps=30, duration=3500, assets=[media["red"], media["voice"], media["music"]],
               tracks=[{"id": "m", "kind": "video", "role": "main", "segments": [
                   {"id": "v", "kind": "video", "start": 0, "duration": 3500, "src": "red"}]},
                       {"id": "vo", "kind": "audio", "role": "voice", "segments": [
                   {"id": "a1", "kind": "audio", "start": 0, "duration": 3500, "src": "voice"}]},
                       {"id": "bgm", "kind": "audio", "role": "music", "segments": [
                   {"id": "a2", "kind": "audio", "start": 0, "duration": 3500, "src": "music", "volume": 0.35,
                    "duck": True}]}])
    before, gap_before = _duck_db(tl, tmp_path / "before.mp4")
    plan = plan_edit("make the music quieter when the voice talks", tl)
    assert "Music ducks under the voice by 1.5x the usual depth" in plan.reply
    deeper = apply(tl, plan.ops)
    plan = plan_edit("duck the music more", deeper)
    deeper = apply(deeper, plan.ops)
    assert deeper.tracks[2].segments[0].volume == 0.35  # the bed's own level is kept
    after, gap_after = _duck_db(deeper, tmp_path / "after.mp4")
    assert before > 4  # it ducked before
    assert after > before + 4  # and now further
    assert abs(gap_after - gap_before) < 3  # between the bursts the music is as loud as before


def test_the_music_stays_down_through_a_pause_between_sentences(media, tmp_path):
    """A voice that pauses half a second between sentences and two seconds before its last: the
    music stayed down only ~0.4 s after each word (the compressor's release) and swelled ~9 dB in
    every short pause, pumping; it now holds through the short pause and comes back in the long
    one."""
    from reelforge.media import ingest

    from ._render_helpers import RATE, _write_wav

    on = [(0.3, 1.8), (2.3, 3.6), (5.6, 6.6)]  # pauses of 0.5 s and 2.0 s
    t = np.arange(int(8 * RATE)) / RATE
    gate = np.zeros_like(t)
    for a, b in on:
        gate[(t >= a) & (t < b)] = 1.0
    tone = sum(np.sin(2 * np.pi * f * t) / k for k, f in enumerate((180, 360, 540, 900), 1))  # the helpers' voice
    _write_wav(tmp_path / "paused.wav", 0.3 * tone * (0.5 + 0.5 * np.sin(2 * np.pi * 4 * t) ** 2) * gate)
    voice = ingest(tmp_path / "paused.wav", workdir=tmp_path)
    tl = build(width=160, height=90, fps=30, duration=8000, assets=[media["red"], voice, media["music"]],
               tracks=[{"id": "m", "kind": "video", "role": "main", "segments": [
                   {"id": "v", "kind": "video", "start": 0, "duration": 8000, "src": "red"}]},
                       {"id": "vo", "kind": "audio", "role": "voice", "segments": [
                   {"id": "a1", "kind": "audio", "start": 0, "duration": 8000, "src": voice.id}]},
                       {"id": "bgm", "kind": "audio", "role": "music", "segments": [
                   {"id": "a2", "kind": "audio", "start": 0, "duration": 8000, "src": "music", "volume": 0.35,
                    "duck": True}]}])
    samples, rate = decode_audio(render(tl, tmp_path / "paused.mp4"))
    chord = (261.6, 329.6, 392.0)

    def music_db(a: float, b: float) -> float:
        return _band_db(window(samples, rate, a, b), rate, chord)

    under = music_db(0.8, 1.7)  # under the first sentence
    short = music_db(1.85, 2.25)  # the half-second pause
    back = music_db(4.6, 5.5)  # the long pause, a second after the voice stopped
    assert back - under > 8, (under, back)  # it ducks, and comes back in the long pause
    assert short - under < 1.5, (under, short)  # and holds through the short one (it was 3.7 dB up here, ~9 with espeak)
