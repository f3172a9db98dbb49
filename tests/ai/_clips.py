"""Small generated video clips (PyAV encoder, so no ffmpeg binary is needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def write_clip(path: Path, seconds: float, *, moving: tuple[float, float] | None = None,
               loud: tuple[float, float] | None = None, fps: int = 10, size: tuple[int, int] = (160, 96)) -> Path:
    """A still textured picture; a square moves during ``moving`` (s, e); a tone plays during ``loud``."""
    import av

    w, h = size
    rng = np.random.default_rng(3)
    base = (rng.integers(60, 200, (h // 8, w // 8, 3), dtype=np.uint8)
            .repeat(8, axis=0).repeat(8, axis=1))
    sr = 16000
    with av.open(str(path), "w") as c:
        vs = c.add_stream("libx264", rate=fps)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        a_s = c.add_stream("aac", rate=sr)
        a_s.layout = "mono"
        n = int(seconds * fps)
        for i in range(n):
            t = i / fps
            img = base.copy()
            if moving and moving[0] <= t < moving[1]:
                x = int((t - moving[0]) / (moving[1] - moving[0]) * (w - 24))
                img[30:54, x:x + 24] = (250, 30, 30)
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            for p in vs.encode(frame):
                c.mux(p)
        for p in vs.encode():
            c.mux(p)
        tt = np.arange(int(seconds * sr)) / sr
        audio = 0.003 * rng.standard_normal(tt.size)
        if loud:
            on = (tt >= loud[0]) & (tt < loud[1])
            audio[on] += 0.4 * np.sin(2 * np.pi * 330 * tt[on])
        pcm = audio.astype(np.float32)[None, :]
        block = 1024
        for k in range(0, pcm.shape[1], block):
            fr = av.AudioFrame.from_ndarray(np.ascontiguousarray(pcm[:, k:k + block]), format="fltp", layout="mono")
            fr.sample_rate = sr
            fr.pts = k
            for p in a_s.encode(fr):
                c.mux(p)
        for p in a_s.encode():
            c.mux(p)
    return path


def clip_with_sound(path: Path, wav: Path, fps: int = 5, size: tuple[int, int] = (160, 96)) -> Path:
    """A still video carrying ``wav`` as its AAC soundtrack (a clip 'with its own speech')."""
    import wave

    import av

    with wave.open(str(wav), "rb") as w:
        sr = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float32) / 32768
    w_, h_ = size
    seconds = pcm.size / sr
    with av.open(str(path), "w") as c:
        vs = c.add_stream("libx264", rate=fps)
        vs.width, vs.height, vs.pix_fmt = w_, h_, "yuv420p"
        a_s = c.add_stream("aac", rate=sr)
        a_s.layout = "mono"
        img = np.full((h_, w_, 3), 90, np.uint8)
        for i in range(int(seconds * fps) + 1):
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            for p in vs.encode(frame):
                c.mux(p)
        for p in vs.encode():
            c.mux(p)
        block = 1024
        for k in range(0, pcm.size, block):
            fr = av.AudioFrame.from_ndarray(np.ascontiguousarray(pcm[None, k:k + block]), format="fltp", layout="mono")
            fr.sample_rate = sr
            fr.pts = k
            for p in a_s.encode(fr):
                c.mux(p)
        for p in a_s.encode():
            c.mux(p)
    return path
