"""Small generated video clips (PyAV encoder, so no ffmpeg binary is needed)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np


def write_clip(path: Path, seconds: float, *, moving: tuple[float, float] | None = None,
               loud: tuple[float, float] | None = None, fps: int = 10, size: tuple[int, int] = (160, 96)) -> Path:
    """A still textured picture; a square moves during ``moving`` (s, e); a tone plays during ``loud``."""
    w, h = size
    rng = np.random.default_rng(3)
    base = (rng.integers(60, 200, (h // 8, w // 8, 3), dtype=np.uint8)
            .repeat(8, axis=0).repeat(8, axis=1))
    sr = 16000

    def frames():
        for i in range(int(seconds * fps)):
            t = i / fps
            img = base.copy()
            if moving and moving[0] <= t < moving[1]:
                x = int((t - moving[0]) / (moving[1] - moving[0]) * (w - 24))
                img[30:54, x:x + 24] = (250, 30, 30)
            yield img

    tt = np.arange(int(seconds * sr)) / sr
    audio = 0.003 * rng.standard_normal(tt.size)
    if loud:
        on = (tt >= loud[0]) & (tt < loud[1])
        audio[on] += 0.4 * np.sin(2 * np.pi * 330 * tt[on])
    return write_av(path, frames(), fps=fps, size=size, audio=audio.astype(np.float32), sr=sr)


def clip_with_sound(path: Path, wav: Path, fps: int = 5, size: tuple[int, int] = (160, 96)) -> Path:
    """A still video carrying ``wav`` as its AAC soundtrack (a clip 'with its own speech')."""
    import wave

    with wave.open(str(wav), "rb") as w:
        sr = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float32) / 32768
    w_, h_ = size
    img = np.full((h_, w_, 3), 90, np.uint8)
    frames = (img for _ in range(int(pcm.size / sr * fps) + 1))
    return write_av(path, frames, fps=fps, size=size, audio=pcm, sr=sr)


def write_av(path: Path, frames: Iterable[np.ndarray], *, fps: int, size: tuple[int, int],
             audio: np.ndarray | None = None, sr: int = 16000) -> Path:
    """H.264 from RGB ``frames`` (HxWx3 uint8) and, when given, mono float ``audio`` as AAC."""
    import av

    w, h = size
    with av.open(str(path), "w") as c:
        vs = c.add_stream("libx264", rate=fps)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        a_s = None
        if audio is not None:
            a_s = c.add_stream("aac", rate=sr)
            a_s.layout = "mono"
        for i, img in enumerate(frames):
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            for p in vs.encode(frame):
                c.mux(p)
        for p in vs.encode():
            c.mux(p)
        if a_s is not None and audio is not None:
            block = 1024
            for k in range(0, audio.size, block):
                fr = av.AudioFrame.from_ndarray(np.ascontiguousarray(audio[None, k:k + block]), format="fltp",
                                                layout="mono")
                fr.sample_rate = sr
                fr.pts = k
                for p in a_s.encode(fr):
                    c.mux(p)
            for p in a_s.encode():
                c.mux(p)
    return path
