"""Where the sound is in an audio file: the silent lead-in and tail of a music bed (numpy + the ffmpeg program).

`sound_span` is the pure part: on a loudness envelope (dB per frame), the first and last frame
within `RELATIVE_DB` of the loudest one; `body_start` then moves the start past a long quiet
intro (`QUIET_DB` under the rest). `measure_sound` decodes the file at a low rate
(8 kHz mono, 20 ms frames: a 3-minute song is 9,000 frames) and applies it. What to do with the
span (skip the lead-in, loop without the silent ends) is `reelforge.planner.bed`'s.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reelforge.ai._audio import frame_rms
from reelforge.errors import UnsupportedMedia, reason
from reelforge.media.ffmpeg import ffmpeg_exe

SR = 8000
FRAME_MS = 20
RELATIVE_DB = 40.0
"""A frame counts as sound within this many dB of the track's loudest frame (RMS)."""
FLOOR_DB = -80.0
"""...and above this many dBFS (dither and hum under it are silence whatever the track's level)."""
DECODE_TIMEOUT_S = 120
QUIET_DB = 20.0
"""A lead-in this many dB under the track's body (the 90th percentile of its 1 s loudness) is a
quiet intro: a pad or room tone under a promo's first seconds sounds like dead air."""
MIN_QUIET_MS = 2000
"""...skipped when at least this long (a shorter soft start is part of the music's timing)."""
BODY_WINDOW_MS = 1000


@dataclass(frozen=True)
class Sound:
    """The sounding part of a file: ``start_ms``..``end_ms`` of ``duration_ms`` (the decoded length)."""

    start_ms: int
    end_ms: int
    duration_ms: int

    @property
    def span(self) -> tuple[int, int]:
        return self.start_ms, self.end_ms


def sound_span(db: np.ndarray, frame_ms: int = FRAME_MS, *, relative_db: float = RELATIVE_DB,
               floor_db: float = FLOOR_DB) -> tuple[int, int] | None:
    """``(start_ms, end_ms)`` of the frames louder than both ``floor_db`` and the loudest frame
    less ``relative_db``; None when no frame is (a silent file). ``db[i]`` is the level of the
    frame from ``i * frame_ms``."""
    if db.size == 0:
        return None
    loud = db > max(floor_db, float(db.max()) - relative_db)
    if not loud.any():
        return None
    idx = np.nonzero(loud)[0]
    return int(idx[0]) * frame_ms, (int(idx[-1]) + 1) * frame_ms


def body_start(db: np.ndarray, start_ms: int, frame_ms: int = FRAME_MS, *, quiet_db: float = QUIET_DB,
               min_quiet_ms: int = MIN_QUIET_MS) -> int:
    """Where the music comes in after a quiet intro that starts at ``start_ms``: the first frame
    as loud as its body less ``quiet_db`` (the body: the 90th percentile of its loudness over
    `BODY_WINDOW_MS` windows), when that is at least ``min_quiet_ms`` later; else ``start_ms``.
    A song with a 14 s pad at -36 dB before its beat played that pad under the whole voiceover
    (5 s of it alone at -40 dB RMS in a 20 s first cut)."""
    w = max(1, BODY_WINDOW_MS // frame_ms)
    first = start_ms // frame_ms
    if db.size - first < 2 * w:
        return start_ms
    energy = np.power(10.0, db[first:].astype(np.float64) / 10)
    c = np.concatenate([[0.0], np.cumsum(energy)])
    level = 10 * np.log10(np.maximum((c[w:] - c[:-w]) / w, 1e-12))  # the window from each frame
    floor = float(np.percentile(level, 90)) - quiet_db
    loud = np.nonzero(level >= floor)[0]
    if loud.size == 0:
        return start_ms
    # the first frame of that window at the body's level (a kick, the first chord)
    i = int(loud[0])
    frames = np.nonzero(db[first + i:first + i + w] >= floor)[0]
    at = (first + i + (int(frames[0]) if frames.size else 0)) * frame_ms
    return at if at - start_ms >= min_quiet_ms else start_ms


def decode_low(path: str | Path, sr: int = SR) -> np.ndarray:
    """The first audio stream of ``path`` as mono float32 at ``sr`` Hz, decoded by the ffmpeg
    program: 3 minutes of MP3 in 0.6-1.1 s against 1.2-1.6 s through PyAV's frame-by-frame
    resampling (`_audio.decode_mono`), on a 2-core machine under a load of 13."""
    argv = [ffmpeg_exe(), "-nostdin", "-v", "error", "-i", str(path), "-map", "0:a:0", "-vn", "-ac", "1",
            "-ar", str(sr), "-f", "f32le", "-"]
    try:
        done = subprocess.run(argv, capture_output=True, check=False, timeout=DECODE_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UnsupportedMedia(f"{Path(path).name}: audio cannot be decoded ({reason(exc)})") from exc
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no audio"]
        raise UnsupportedMedia(f"{Path(path).name}: audio cannot be decoded ({why[0]})")
    return np.frombuffer(done.stdout, np.float32)


def measure_sound(path: str | Path) -> Sound | None:
    """Where the sound starts and ends in ``path`` (None: no sound at all). Decodes the whole file
    once at 8 kHz mono (`decode_low`)."""
    db, duration_ms = _frame_db(path)
    span = sound_span(db)
    if span is None:
        return None
    return Sound(body_start(db, span[0]), min(span[1], duration_ms), duration_ms)


PAUSE_DB = 30.0
"""A frame of a voice is a pause this many dB under its loud frames (the 95th percentile)."""
MIN_PAUSE_MS = 120


def pauses_in(db: np.ndarray, frame_ms: int = FRAME_MS, *, under_db: float = PAUSE_DB,
              min_ms: int = MIN_PAUSE_MS) -> list[tuple[int, int]]:
    """The pauses of a voice (start_ms, end_ms): runs of frames ``under_db`` under its loud frames,
    at least ``min_ms`` long (pure)."""
    if db.size == 0:
        return []
    quiet = db < max(float(np.percentile(db, 95)) - under_db, FLOOR_DB)
    out, run = [], None
    for i, q in enumerate([*quiet.tolist(), False]):
        if q and run is None:
            run = i
        elif not q and run is not None:
            if (i - run) * frame_ms >= min_ms:
                out.append((run * frame_ms, i * frame_ms))
            run = None
    return out


def measure_pauses(path: str | Path) -> list[tuple[int, int]]:
    """Where a voiceover pauses (`pauses_in`), decoded once at 8 kHz mono."""
    return pauses_in(_frame_db(path)[0])


def _frame_db(path: str | Path) -> tuple[np.ndarray, int]:
    """The loudness of ``path`` in dB per `FRAME_MS` frame (RMS, decoded at 8 kHz mono: `decode_low`)
    and its decoded length in ms."""
    pcm = decode_low(path, SR)
    hop = SR * FRAME_MS // 1000
    return 20 * np.log10(np.maximum(frame_rms(pcm, hop, hop), 1e-10)), int(round(1000 * pcm.size / SR))
