"""Synthetic test signals written with the standard library (no extra needed)."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np


def write_wav(path: Path, audio: np.ndarray, sr: int) -> Path:
    pcm = np.clip(audio, -1.0, 1.0)
    data = (pcm * 32767).astype("<i2").tobytes()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(data)
    return path


def click_track(bpm: float, seconds: float = 16.0, sr: int = 44100, start: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """A metronome: 1 kHz clicks with a 6 ms decay. Returns (audio, click times in seconds)."""
    n = int(seconds * sr)
    x = np.zeros(n, np.float32)
    t = np.arange(int(0.03 * sr)) / sr
    click = (np.sin(2 * np.pi * 1000 * t) * np.exp(-t / 0.006)).astype(np.float32)
    times = np.arange(start, seconds - 0.1, 60.0 / bpm)
    for tt in times:
        i = int(round(tt * sr))
        m = min(click.size, n - i)
        x[i : i + m] += click[:m]
    return 0.5 * x, times


def drum_loop(bpm: float, seconds: float = 16.0, sr: int = 22050, start: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Kick on the beat, noisy hi-hat on the off-beat, a bass drone and background noise."""
    n = int(seconds * sr)
    rng = np.random.default_rng(0)
    t = np.arange(n) / sr
    x = (0.05 * rng.standard_normal(n) + 0.2 * np.sin(2 * np.pi * 55 * t)).astype(np.float32)
    per = 60.0 / bpm
    times = np.arange(start, seconds - 0.5, per)
    kt = np.arange(int(0.15 * sr)) / sr
    kick = np.sin(2 * np.pi * (60 + 100 * np.exp(-kt / 0.02)) * kt) * np.exp(-kt / 0.05)
    hl = int(0.03 * sr)
    for tt in times:
        i = int(tt * sr)
        x[i : i + kick.size] += kick[: n - i]
        j = int((tt + per / 2) * sr)
        if j < n:
            hat = 0.3 * rng.standard_normal(hl) * np.exp(-np.arange(hl) / sr / 0.01)
            x[j : j + hl] += hat[: n - j]
    return 0.3 * x / np.abs(x).max(), times


def kick_hat_loop(bpm: float, phase: float, seed: int, seconds: float = 20.0, sr: int = 22050,
                  noisy: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """A dance loop: kick on every beat from ``phase`` seconds, a noise hi-hat half-way between
    (clean, or over a bass drone and background noise). Returns (audio, kick times in seconds)."""
    rng = np.random.default_rng(seed)
    n = int(seconds * sr)
    t = np.arange(n) / sr
    x = np.zeros(n, np.float32)
    if noisy:
        x += (0.05 * rng.standard_normal(n) + 0.2 * np.sin(2 * np.pi * 55 * t)).astype(np.float32)
    per = 60.0 / bpm
    times = np.arange(phase, seconds - 0.05, per)
    kt = np.arange(int(0.15 * sr)) / sr
    kick = np.sin(2 * np.pi * (60 + 100 * np.exp(-kt / 0.02)) * kt) * np.exp(-kt / 0.05)
    hl = int(0.03 * sr)
    for tt in times:
        i = int(round(tt * sr))
        m = min(kick.size, n - i)
        x[i : i + m] += kick[:m]
        j = int(round((tt + per / 2) * sr))
        if j < n:
            hat = 0.3 * rng.standard_normal(hl) * np.exp(-np.arange(hl) / sr / 0.01)
            m = min(hl, n - j)
            x[j : j + m] += hat[:m]
    return (0.5 * x / np.abs(x).max()).astype(np.float32), times


def sung_melody(bpm: float, seconds: float = 12.0, sr: int = 22050) -> np.ndarray:
    """A voice-like melody without words: a vibrato sawtooth through "ah" formants, one note a
    beat, over `drum_loop` at the same tempo (music that a speech detector may take for a voice)."""
    beat = 60.0 / bpm
    n_beat = int(beat * sr)
    t = np.arange(n_beat) / sr
    notes = (220, 247, 262, 294, 330, 294, 262, 247)
    freqs = np.fft.rfftfreq(n_beat, 1 / sr)
    shape = sum(np.exp(-0.5 * ((freqs - fc) / bw) ** 2) for fc, bw in ((700, 130), (1220, 90), (2600, 160)))
    out = []
    for k in range(int(seconds / beat)):
        f = notes[k % len(notes)] * (2 if k % 16 >= 8 else 1)
        phase = 2 * np.pi * np.cumsum(f * (1 + 0.01 * np.sin(2 * np.pi * 5.5 * t))) / sr
        saw = sum(np.sin(h * phase) / h for h in range(1, 20))
        note = np.fft.irfft(np.fft.rfft(saw) * shape, n_beat) * np.minimum(1, t / 0.03) * np.exp(-t * 1.5)
        out.append(note)
    voice = np.concatenate(out)
    drums, _ = drum_loop(bpm, seconds=voice.size / sr, sr=sr)
    mix = 0.5 * voice / np.abs(voice).max() + 0.5 * drums[: voice.size] / np.abs(drums).max()
    return (0.9 * mix / np.abs(mix).max()).astype(np.float32)
