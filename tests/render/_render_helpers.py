"""Helpers for render tests: self-made sources and frame/audio decoding.

Kept out of conftest.py so tests can import them by a name no other test folder uses.

Images are solid or patterned colours; the "voice" is a harmonic tone in speech-like bursts
with gaps; the "music" is a steady chord. Assets are built by hand.
"""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.timeline import Asset, AssetKind

RATE = 48000
COLORS = {
    "red": (220, 40, 40),
    "green": (40, 190, 70),
    "blue": (40, 70, 220),
    "yellow": (230, 210, 40),
}
# voice bursts (seconds) inside a 6 s file
VOICE_ON = [(0.3, 1.8), (2.6, 3.6), (4.3, 5.7)]


def _write_wav(path: Path, samples: np.ndarray) -> None:
    data = np.clip(samples, -1, 1)
    if data.ndim == 1:
        data = data[:, None]
    pcm = (data * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(pcm.shape[1])
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


def _voice(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    tone = sum(np.sin(2 * np.pi * f * t) / k for k, f in enumerate((180, 360, 540, 900), 1))
    tone *= 0.5 + 0.5 * np.sin(2 * np.pi * 4 * t) ** 2  # syllable-ish wobble
    gate = np.zeros_like(t)
    for a, b in VOICE_ON:
        gate[(t >= a) & (t < b)] = 1.0
    return 0.3 * tone * gate


def _music(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    chord = sum(np.sin(2 * np.pi * f * t) for f in (261.6, 329.6, 392.0, 523.3)) / 4
    left = 0.4 * chord
    right = 0.4 * chord * (0.9 + 0.1 * np.sin(2 * np.pi * 0.5 * t))
    return np.stack([left, right], axis=1)


def _asset(path: Path, kind: AssetKind, **kw) -> Asset:
    return Asset(id=path.stem, path=str(path), name=path.name, kind=kind,
                 size_bytes=path.stat().st_size, **kw)


def make_media(d: Path) -> dict[str, Asset]:
    """Assets by name: red/green/blue/yellow (640x360 PNG), checker (JPEG 1280x720),
    portrait (600x1000 with a circle), voice (6 s WAV), music (8 s WAV), clip (3 s MP4)."""
    out: dict[str, Asset] = {}
    for name, rgb in COLORS.items():
        p = d / f"{name}.png"
        Image.new("RGB", (640, 360), rgb).save(p)
        out[name] = _asset(p, AssetKind.IMAGE, width=640, height=360)
    # a checkerboard with a marker, as JPEG (the common photo format)
    arr = np.zeros((720, 1280, 3), np.uint8)
    yy, xx = np.mgrid[0:720, 0:1280]
    arr[((yy // 80) + (xx // 80)) % 2 == 0] = (200, 200, 200)
    arr[((yy // 80) + (xx // 80)) % 2 == 1] = (60, 30, 120)
    p = d / "checker.jpg"
    Image.fromarray(arr).save(p, quality=92)
    out["checker"] = _asset(p, AssetKind.IMAGE, width=1280, height=720)
    # portrait: a white circle on dark blue, for the no-stretch test
    img = Image.new("RGB", (600, 1000), (20, 30, 90))
    ImageDraw.Draw(img).ellipse((150, 350, 450, 650), fill=(255, 255, 255))
    p = d / "portrait.png"
    img.save(p)
    out["portrait"] = _asset(p, AssetKind.IMAGE, width=600, height=1000)

    p = d / "voice.wav"
    _write_wav(p, _voice(6.0))
    out["voice"] = _asset(p, AssetKind.AUDIO, duration_ms=6000, has_audio=True)
    p = d / "music.wav"
    _write_wav(p, _music(8.0))
    out["music"] = _asset(p, AssetKind.AUDIO, duration_ms=8000, has_audio=True)

    p = d / "clip.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=s=480x270:r=25:d=3", "-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=48000:duration=3",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-shortest", str(p)], check=True)
    out["clip"] = _asset(p, AssetKind.VIDEO, width=480, height=270, duration_ms=3000, fps=25,
                         has_audio=True)
    return out


def frame_at(path: Path, t: float) -> np.ndarray:
    """The decoded RGB frame shown at time ``t`` (seconds)."""
    import av

    with av.open(str(path)) as c:
        s = c.streams.video[0]
        best = None
        for frame in c.decode(s):
            if frame.time is not None and frame.time > t + 1e-3:
                break
            best = frame
        assert best is not None
        return best.to_ndarray(format="rgb24")


def frames_at(path: Path, times: list[float]) -> list[np.ndarray]:
    """Frames at several times in one decode pass."""
    import av

    wanted = sorted(times)
    found: dict[float, np.ndarray] = {}
    with av.open(str(path)) as c:
        s = c.streams.video[0]
        prev = None
        i = 0
        for frame in c.decode(s):
            while i < len(wanted) and frame.time is not None and frame.time > wanted[i] + 1e-3:
                found[wanted[i]] = prev.to_ndarray(format="rgb24")
                i += 1
            if i >= len(wanted):
                break
            prev = frame
        while i < len(wanted):
            found[wanted[i]] = prev.to_ndarray(format="rgb24")
            i += 1
    return [found[t] for t in times]


def decode_audio(path: Path) -> tuple[np.ndarray, int]:
    """All audio as float32 (samples, channels) and the rate."""
    import av

    chunks = []
    with av.open(str(path)) as c:
        s = c.streams.audio[0]
        rate = s.codec_context.sample_rate
        resampler = av.AudioResampler(format="flt", layout="stereo", rate=rate)
        for frame in c.decode(s):
            for f in resampler.resample(frame):
                chunks.append(f.to_ndarray().reshape(-1, 2))
        for f in resampler.resample(None):
            chunks.append(f.to_ndarray().reshape(-1, 2))
    return np.concatenate(chunks).astype(np.float32), rate


def rms_db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(np.square(x))) + 1e-12))


def window(samples: np.ndarray, rate: int, a: float, b: float) -> np.ndarray:
    return samples[int(a * rate):int(b * rate)]


def ocr_white_text(img: np.ndarray, psm: int = 7, lang: str = "eng") -> str:
    """Tesseract's reading of the white text in ``img`` (binarised: white text, everything else
    (picture, shadow) black; doubled in size)."""
    import pytesseract

    mask = (img.min(axis=2) > 200).astype(np.uint8) * 255
    pil = Image.fromarray(255 - mask).resize((mask.shape[1] * 2, mask.shape[0] * 2))
    return pytesseract.image_to_string(pil, lang=lang, config=f"--psm {psm}")
