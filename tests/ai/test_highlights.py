"""Highlights pick the moving / loud part of a clip; silence is trimmed off a voiceover."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.ai.highlights import activity, best_window, trim_silence

from ._clips import write_clip
from ._signals import write_wav


def test_best_window_finds_the_motion(tmp_path):
    clip = write_clip(tmp_path / "static_then_motion.mp4", 10, moving=(6.0, 8.0))
    in_ms, score = best_window(clip, 2)
    assert abs(in_ms - 6000) <= 500, in_ms
    # the first seconds (what a naive trim would use) score far lower
    act = activity(clip)
    assert act.motion[act.times_ms < 5500].max() < 0.05
    assert score > 0.3


def test_best_window_finds_the_loud_part_of_a_still_clip(tmp_path):
    clip = write_clip(tmp_path / "loud.mp4", 10, loud=(2.0, 4.0))
    in_ms, _ = best_window(clip, 2)
    assert abs(in_ms - 2000) <= 500, in_ms


def test_window_longer_than_clip(tmp_path):
    clip = write_clip(tmp_path / "short.mp4", 3, moving=(1.0, 2.0))
    assert best_window(clip, 5)[0] == 0
    with pytest.raises(ValueError):
        best_window(clip, 0)


def test_trim_silence(tmp_path):
    sr = 16000
    t = np.arange(5 * sr) / sr
    audio = 0.0005 * np.random.default_rng(0).standard_normal(t.size)
    speech = (t >= 1.2) & (t < 3.7)
    audio[speech] += 0.3 * np.sin(2 * np.pi * 220 * t[speech]) * (1 + np.sin(2 * np.pi * 3 * t[speech])) / 2
    start, end = trim_silence(write_wav(tmp_path / "vo.wav", audio, sr))
    assert 1000 <= start <= 1200 and 3700 <= end <= 3900, (start, end)
    silent = write_wav(tmp_path / "silent.wav", np.zeros(sr, np.float32), sr)
    assert trim_silence(silent) == (0, 1000)


def test_best_windows_non_overlapping(tmp_path):
    from reelforge.ai.highlights import best_windows

    clip = write_clip(tmp_path / "two_bursts.mp4", 12, moving=(2.0, 4.0))
    clip2 = write_clip(tmp_path / "burst_and_loud.mp4", 12, moving=(2.0, 4.0), loud=(8.0, 10.0))
    one = best_windows(clip, 2, 1)
    assert len(one) == 1 and abs(one[0][0] - 2000) <= 500
    two = best_windows(clip2, 2, 2)
    assert len(two) == 2 and abs(two[0][0] - 2000) <= 500 and abs(two[1][0] - 8000) <= 500
    assert two[1][0] - two[0][0] >= 2000
