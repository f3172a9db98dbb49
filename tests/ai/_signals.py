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
