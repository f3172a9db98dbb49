"""Audio decoding and small signal helpers shared by the analysis modules (numpy + PyAV only)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from reelforge.errors import UnsupportedMedia, reason

SR = 22050


def decode_mono(path: str | Path, sr: int = SR, *, max_seconds: float | None = None) -> np.ndarray:
    """Decode the first audio stream of ``path`` to mono float32 at ``sr`` Hz (PyAV)."""
    import av

    path = Path(path)
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError) as exc:  # type: ignore[attr-defined]
        raise UnsupportedMedia(f"{path.name}: cannot open for audio analysis ({reason(exc)})") from exc
    chunks: list[np.ndarray] = []
    got = 0
    limit = int(max_seconds * sr) if max_seconds else None
    with container:
        if not container.streams.audio:
            raise UnsupportedMedia(f"{path.name}: has no audio stream")
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=sr)
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    arr = out.to_ndarray().reshape(-1)
                    chunks.append(arr)
                    got += arr.size
                if limit is not None and got >= limit:
                    break
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
        except av.error.FFmpegError as exc:  # type: ignore[attr-defined]
            if not chunks:
                raise UnsupportedMedia(f"{path.name}: audio cannot be decoded ({reason(exc)})") from exc
    audio = np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)
    if limit is not None:
        audio = audio[:limit]
    return audio


def frame_rms(audio: np.ndarray, frame: int, hop: int) -> np.ndarray:
    """RMS of each ``frame``-sample window every ``hop`` samples (windows past the end are zero-padded)."""
    if audio.size == 0:
        return np.zeros(0, np.float32)
    n = 1 + max(0, (audio.size - 1) // hop)
    padded = np.zeros((n - 1) * hop + frame, np.float32)
    padded[: audio.size] = audio
    idx = np.arange(frame)[None, :] + hop * np.arange(n)[:, None]
    return np.sqrt(np.mean(padded[idx] ** 2, axis=1))
