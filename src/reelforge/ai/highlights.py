"""Highlights: the most active window of a clip, and the silent ends of a voiceover (numpy + PyAV).

`activity(video_path)` samples the clip at ~6 frames a second on a tiny grey copy (decoded and
scaled by FFmpeg through PyAV) and returns, on that time grid, the motion (mean absolute
frame difference), scene changes (a difference far above the clip's usual motion) and the
audio energy. `best_window` slides a window of the wanted length over that profile and returns
the in-point with the highest mean activity. `trim_silence` finds where the sound starts and
ends in a voiceover.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reelforge.ai._audio import decode_mono, frame_rms
from reelforge.errors import UnsupportedMedia, reason

SAMPLE_FPS = 6.0
GRID = (64, 36)
AUDIO_SR = 16000

# weights of the activity signals in a window's score
W_MOTION, W_AUDIO, W_SCENE = 0.6, 0.3, 0.1


@dataclass(frozen=True)
class Activity:
    """Per-sample activity of a clip; ``times_ms[i]`` is the time of sample ``i``."""

    times_ms: np.ndarray
    motion: np.ndarray  # 0..1, normalised by the clip's own range (robust)
    audio: np.ndarray  # 0..1, loudness in dB mapped from -60..0 dBFS; zeros when silent / no audio
    scene_changes_ms: tuple[int, ...]
    duration_ms: int

    @property
    def score(self) -> np.ndarray:
        cuts = np.zeros(self.times_ms.size, np.float32)
        for t in self.scene_changes_ms:
            cuts[int(np.argmin(np.abs(self.times_ms - t)))] = 1.0
        return W_MOTION * self.motion + W_AUDIO * self.audio + W_SCENE * cuts


def _video_samples(path: Path) -> tuple[np.ndarray, np.ndarray, int]:
    import av

    times: list[float] = []
    frames: list[np.ndarray] = []
    try:
        with av.open(str(path)) as c:
            if not c.streams.video:
                raise UnsupportedMedia(f"{path.name}: has no video stream")
            stream = c.streams.video[0]
            stream.thread_type = "AUTO"
            duration = float(c.duration or 0) / 1e6
            step = 1.0 / SAMPLE_FPS
            next_t = 0.0
            for frame in c.decode(stream):
                t = float(frame.time or 0.0)
                if t + 1e-6 < next_t:
                    continue
                small = frame.reformat(width=GRID[0], height=GRID[1], format="gray")
                frames.append(small.to_ndarray().astype(np.float32))
                times.append(t)
                next_t = t + step
    except av.error.FFmpegError as exc:  # type: ignore[attr-defined]
        if not frames:
            raise UnsupportedMedia(f"{path.name}: video cannot be decoded ({reason(exc)})") from exc
    if not frames:
        raise UnsupportedMedia(f"{path.name}: no video frames")
    duration_ms = int(round(1000 * max(duration, times[-1] + 1.0 / SAMPLE_FPS)))
    return np.asarray(times), np.stack(frames), duration_ms


def activity(video_path: str | Path) -> Activity:
    """Motion, scene changes and audio energy of a clip on a ~6 samples/s grid."""
    path = Path(video_path)
    times, frames, duration_ms = _video_samples(path)
    diff = np.zeros(len(frames), np.float32)
    if len(frames) > 1:
        diff[1:] = np.abs(np.diff(frames, axis=0)).mean(axis=(1, 2)) / 255.0
    # scene change: a jump far above the usual frame difference (and big in absolute terms)
    typical = float(np.median(diff[1:])) if diff.size > 1 else 0.0
    spread = float(np.percentile(diff[1:], 90)) if diff.size > 1 else 0.0
    cut_mask = (diff > max(0.12, 3 * spread + typical)) if diff.size else diff.astype(bool)
    cuts = tuple(int(round(1000 * times[i])) for i in np.nonzero(cut_mask)[0])
    motion = diff.copy()
    motion[cut_mask] = typical  # a cut is counted as a scene change, not as motion
    hi = float(np.percentile(motion, 98)) if motion.size else 0.0
    motion = np.clip(motion / hi, 0.0, 1.0) if hi > 1e-4 else np.zeros_like(motion)
    audio = np.zeros(times.size, np.float32)
    try:
        pcm = decode_mono(path, AUDIO_SR)
    except UnsupportedMedia:
        pcm = np.zeros(0, np.float32)
    if pcm.size:
        hop = int(AUDIO_SR / SAMPLE_FPS)
        rms = frame_rms(pcm, hop, hop)
        db = 20 * np.log10(np.maximum(rms, 1e-6))
        level = np.clip((db + 60.0) / 60.0, 0.0, 1.0)
        idx = np.clip((times * AUDIO_SR / hop).astype(int), 0, level.size - 1)
        audio = level[idx].astype(np.float32)
    return Activity(times_ms=np.round(times * 1000).astype(np.int64), motion=motion.astype(np.float32),
                    audio=audio, scene_changes_ms=cuts, duration_ms=duration_ms)


def best_window(video_path: str | Path, seconds: float) -> tuple[int, float]:
    """``(in_ms, score)`` of the most active ``seconds``-long window of a clip.

    Score is the mean activity (0..1) inside the window. A clip no longer than the window gives
    ``(0, score of the whole clip)``.
    """
    if seconds <= 0:
        raise ValueError("seconds must be positive")
    act = activity(video_path)
    return window_of(act, int(round(seconds * 1000)))


def window_of(act: Activity, window_ms: int) -> tuple[int, float]:
    """The best window of an `Activity` profile (see `best_window`)."""
    score = act.score
    if act.duration_ms <= window_ms or score.size == 0:
        return 0, round(float(score.mean()) if score.size else 0.0, 4)
    csum = np.concatenate([[0.0], np.cumsum(score)])
    best_in, best = 0, -1.0
    last_start = act.duration_ms - window_ms
    starts = act.times_ms[act.times_ms <= last_start]
    for k, start in enumerate(starts):
        end = start + window_ms
        j = int(np.searchsorted(act.times_ms, end, side="left"))
        n = j - k
        if n <= 0:
            continue
        value = (csum[j] - csum[k]) / n
        if value > best + 1e-9:
            best, best_in = value, int(start)
    return best_in, round(float(best), 4)


def best_windows(video_path: str | Path, seconds: float, count: int) -> list[tuple[int, float]]:
    """Up to ``count`` non-overlapping most active windows, in clip order: ``[(in_ms, score), ...]``."""
    if seconds <= 0 or count < 1:
        raise ValueError("seconds and count must be positive")
    act = activity(video_path)
    window_ms = int(round(seconds * 1000))
    if act.duration_ms <= window_ms:
        return [window_of(act, window_ms)]
    score = act.score
    csum = np.concatenate([[0.0], np.cumsum(score)])
    cands = []
    for k, start in enumerate(act.times_ms[act.times_ms <= act.duration_ms - window_ms]):
        j = int(np.searchsorted(act.times_ms, start + window_ms, side="left"))
        if j > k:
            cands.append(((csum[j] - csum[k]) / (j - k), int(start)))
    chosen: list[tuple[int, float]] = []
    for value, start in sorted(cands, key=lambda c: (-c[0], c[1])):
        if all(abs(start - s) >= window_ms for s, _ in chosen):
            chosen.append((start, round(float(value), 4)))
            if len(chosen) == count:
                break
    return sorted(chosen)


def trim_silence(audio_path: str | Path, *, threshold_db: float = -45.0, relative_db: float = 35.0,
                 pad_ms: int = 100) -> tuple[int, int]:
    """``(start_ms, end_ms)`` of the sound in a voiceover, without the silent head and tail.

    A 20 ms frame counts as sound when it is louder than ``threshold_db`` dBFS and within
    ``relative_db`` of the loudest frame. ``pad_ms`` of the silence is kept on both sides.
    A silent file gives ``(0, duration)`` (nothing to trim with confidence).
    """
    pcm = decode_mono(audio_path, AUDIO_SR)
    duration_ms = int(round(1000 * pcm.size / AUDIO_SR))
    hop = AUDIO_SR // 50
    rms = frame_rms(pcm, hop, hop)
    if rms.size == 0:
        return 0, duration_ms
    db = 20 * np.log10(np.maximum(rms, 1e-9))
    loud = db > max(threshold_db, float(db.max()) - relative_db)
    if not loud.any():
        return 0, duration_ms
    idx = np.nonzero(loud)[0]
    start = max(0, int(idx[0] * 20) - pad_ms)
    end = min(duration_ms, int((idx[-1] + 1) * 20) + pad_ms)
    return start, end
