"""Demo and test media, generated locally (no network) and deterministically.

- `write_demo_assets(directory)`: five 1920x1080 JPEG "product shots" (distinct gradient
  backgrounds, a product silhouette on a lit floor, no text in the picture), each named for the
  brand and the product it shows (``01-aurora-glass-bottle.jpg``…), so the title made from the
  names is the brand ("Aurora") and the captions agree with the pictures ("Glass Bottle"), a speech-like
  ``voiceover.mp3`` and a ``music.mp3`` bed (I–V–vi–IV chords, bass, plucked arpeggio and a
  soft kick at 100 BPM), both ``seconds`` long. Audio is synthesised with numpy and encoded
  with the bundled ffmpeg (libmp3lame).
- `write_test_image`, `write_test_video`, `write_test_audio`: small real files of any
  supported kind for tests (Pillow / the bundled ffmpeg).

Every writer goes through a temporary name and a rename, so no partial file is left behind.
"""

from __future__ import annotations

import math
import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from reelforge.errors import MediaError

SAMPLE_RATE = 44100
_SEED = 20261125


@dataclass(frozen=True)
class DemoAssets:
    """Paths of the generated demo assets. Iterating yields every path (images first)."""

    images: list[Path] = field(default_factory=list)
    voiceover: Path = Path("voiceover.mp3")
    music: Path = Path("music.mp3")

    @property
    def paths(self) -> list[Path]:
        return [*self.images, self.voiceover, self.music]

    def __iter__(self) -> Iterator[Path]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


# -- public: demo assets -------------------------------------------------------------------------
_THEMES = [
    # name, gradient top, gradient bottom, gradient angle (deg), product, product colour, label
    ("aurora-glass-bottle", (255, 168, 92), (72, 52, 140), 90, "bottle", (34, 30, 48), "Glass Bottle"),
    ("aurora-steel-watch", (120, 220, 235), (10, 70, 140), 60, "watch", (245, 248, 250), "Steel Watch"),
    ("aurora-ceramic-mug", (196, 230, 150), (22, 92, 60), 120, "mug", (250, 236, 210), "Ceramic Mug"),
    ("aurora-desk-lamp", (250, 214, 150), (176, 70, 40), 30, "lamp", (60, 28, 20), "Desk Lamp"),
    ("aurora-neon-phone", (40, 10, 70), (230, 40, 150), 150, "phone", (16, 230, 230), "Neon Phone"),
]


def write_demo_assets(directory: str | os.PathLike[str], *, images: int = 5,
                      seconds: float = 30) -> DemoAssets:
    """Write ``images`` product shots (``01-aurora-glass-bottle.jpg``...), ``voiceover.mp3`` and
    ``music.mp3`` (``seconds`` long each) into ``directory``; same bytes on every run."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(images):
        theme = _THEMES[i % len(_THEMES)]
        round_ = i // len(_THEMES)
        stem = f"{i + 1:02d}-{theme[0]}" + (f"-{round_ + 1}" if round_ else "")
        path = out / f"{stem}.jpg"
        _atomic(path, lambda tmp, t=theme, r=round_, n=i + 1: _product_shot(t, r, n).save(
            tmp, "JPEG", quality=90))
        paths.append(path)
    voice = out / "voiceover.mp3"
    _encode_audio(_speech(seconds), voice)
    music = out / "music.mp3"
    _encode_audio(_music(seconds), music)
    return DemoAssets(images=paths, voiceover=voice, music=music)


# -- public: test media ----------------------------------------------------------------------------
def write_test_image(path: str | os.PathLike[str], size: tuple[int, int] = (64, 48),
                     color: str | tuple[int, int, int] = (40, 120, 200), exif_orientation: int | None = None,
                     *, marker: str | tuple[int, int, int] | None = None) -> Path:
    """A solid ``color`` picture of ``size`` (width, height) *as stored*; the format follows the
    extension (jpg/jpeg, png, gif, webp, bmp, tiff). ``exif_orientation`` (1-8) is written as
    the EXIF orientation tag (JPEG, PNG, WebP). ``marker`` paints the top-left quarter
    (``w//4`` x ``h//4``) of the stored pixels, so tests can see where a corner went."""
    from PIL import Image

    p = Path(path)
    im = Image.new("RGB", size, _rgb(color))
    if marker is not None:
        w, h = size
        im.paste(_rgb(marker), (0, 0, max(1, w // 4), max(1, h // 4)))
    fmt = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WEBP",
           ".bmp": "BMP", ".tif": "TIFF", ".tiff": "TIFF"}.get(p.suffix.lower(), "PNG")
    kwargs: dict = {}
    if fmt == "JPEG":
        kwargs["quality"] = 95
    if fmt == "WEBP":
        kwargs["quality"] = 90
    if exif_orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = int(exif_orientation)
        kwargs["exif"] = exif.tobytes()
    _atomic(p, lambda tmp: im.save(tmp, fmt, **kwargs))
    return p


def write_test_video(path: str | os.PathLike[str], size: tuple[int, int] = (160, 90),
                     seconds: float = 1.0, fps: int = 10, rotate: int | None = None,
                     audio: bool = True) -> Path:
    """A small moving test pattern (ffmpeg ``testsrc2``) with an optional 440 Hz tone.

    Codecs follow the extension: mp4/mov/mkv/m4v -> H.264 + AAC, webm -> VP8 + Opus,
    avi -> MPEG-4 + MP3, gif / webp -> animation (no sound). ``size`` should be even.
    ``rotate`` (clockwise degrees, 90/180/270, mp4/mov) stores a display matrix the way a
    phone does: the pixels stay as they are and players turn them."""
    p = Path(path)
    ext = p.suffix.lower()
    w, h = size
    args = ["-f", "lavfi", "-i", f"testsrc2=size={w}x{h}:rate={fps}:duration={seconds}"]
    with_audio = audio and ext not in (".gif", ".webp")
    if with_audio:
        args += ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=44100:duration={seconds}"]
    if ext in (".mp4", ".mov", ".mkv", ".m4v"):
        args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
        args += ["-c:a", "aac", "-b:a", "64k"] if with_audio else []
    elif ext == ".webm":
        args += ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k"]
        args += ["-c:a", "libopus", "-b:a", "48k"] if with_audio else []
    elif ext == ".avi":
        args += ["-c:v", "mpeg4", "-q:v", "6"]
        args += ["-c:a", "libmp3lame", "-b:a", "64k"] if with_audio else []
    elif ext == ".gif":
        args += ["-c:v", "gif"]
    elif ext == ".webp":
        args += ["-c:v", "libwebp_anim", "-loop", "0", "-quality", "60"]
    else:
        args += ["-c:v", "mpeg4"]
        args += ["-c:a", "aac"] if with_audio else []
    if with_audio:
        args += ["-shortest"]
    fmt_flag = {".mkv": "matroska", ".m4v": "mp4", ".webp": "webp", ".gif": "gif"}

    def encode(tmp: Path) -> None:
        out_fmt = ["-f", fmt_flag.get(ext, ext.lstrip(".") or "mp4")]
        if not rotate:
            _ffmpeg([*args, *out_fmt, str(tmp)])
            return
        plain = tmp.with_name(tmp.name + ".plain" + ext)
        try:
            _ffmpeg([*args, *out_fmt, str(plain)])
            # ffmpeg's -display_rotation is counter-clockwise
            _ffmpeg(["-display_rotation:v:0", str(-int(rotate) % 360), "-i", str(plain),
                     "-c", "copy", *out_fmt, str(tmp)])
        finally:
            plain.unlink(missing_ok=True)

    _atomic(p, encode)
    return p


def write_test_audio(path: str | os.PathLike[str], seconds: float = 1.0,
                     kind: str = "tone") -> Path:
    """Audio of ``kind`` ``"tone"`` (440 Hz), ``"speech"`` (speech-like voice) or ``"music"``
    (the demo bed); codec from the extension: mp3, wav, m4a, aac (ADTS), ogg, opus, flac."""
    if kind == "tone":
        t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
        samples = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    elif kind == "speech":
        samples = _speech(seconds)
    elif kind == "music":
        samples = _music(seconds)
    else:
        raise ValueError(f"unknown audio kind {kind!r} (tone, speech, music)")
    p = Path(path)
    _encode_audio(samples, p)
    return p


# -- pictures ---------------------------------------------------------------------------------------
def _rgb(color: str | tuple[int, int, int]) -> tuple[int, int, int]:
    if isinstance(color, str):
        from PIL import ImageColor

        return ImageColor.getrgb(color)[:3]
    return tuple(int(c) for c in color[:3])  # type: ignore[return-value]


def _product_shot(theme, round_: int, number: int):
    from PIL import Image, ImageDraw, ImageFilter

    _, top, bottom, angle, product, pcolor, _label = theme
    W, H = 1920, 1080
    # background: angled two-colour gradient with a soft vignette
    a = math.radians(angle + 17 * round_)
    ys, xs = np.mgrid[0:H, 0:W].astype(np.float32)
    t = (xs - W / 2) * math.cos(a) / W + (ys - H / 2) * math.sin(a) / H + 0.5
    t = np.clip(t, 0, 1)[..., None]
    c1 = np.array(top, np.float32)
    c2 = np.array(bottom, np.float32)
    img = c1 * (1 - t) + c2 * t
    r2 = ((xs - W * 0.5) / W) ** 2 + ((ys - H * 0.45) / H) ** 2
    img *= (1.0 - 0.55 * np.clip(r2 * 2.2, 0, 1))[..., None]
    im = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")

    # a light pool behind the product and a floor shadow
    glow = Image.new("L", (W, H), 0)
    g = ImageDraw.Draw(glow)
    cx, cy = W // 2 + (number % 2) * 220 - 110, 520
    g.ellipse((cx - 380, cy - 380, cx + 380, cy + 380), fill=110)
    glow = glow.filter(ImageFilter.GaussianBlur(90))
    im = Image.composite(Image.new("RGB", (W, H), (255, 250, 240)), im, glow)
    shadow = Image.new("L", (W, H), 0)
    ImageDraw.Draw(shadow).ellipse((cx - 260, 820, cx + 260, 880), fill=150)
    shadow = shadow.filter(ImageFilter.GaussianBlur(18))
    im = Image.composite(Image.new("RGB", (W, H), (10, 10, 14)), im, shadow)

    d = ImageDraw.Draw(im)
    accent = tuple(255 - c for c in pcolor)
    if product == "bottle":
        d.rounded_rectangle((cx - 120, 420, cx + 120, 850), radius=60, fill=pcolor)
        d.rectangle((cx - 45, 300, cx + 45, 430), fill=pcolor)
        d.rounded_rectangle((cx - 55, 260, cx + 55, 310), radius=12, fill=accent)
        d.rectangle((cx - 120, 560, cx + 120, 680), fill=accent)
    elif product == "watch":
        d.rounded_rectangle((cx - 70, 240, cx + 70, 820), radius=30, fill=(40, 44, 52))
        d.ellipse((cx - 190, 340, cx + 190, 720), fill=pcolor)
        d.ellipse((cx - 160, 370, cx + 160, 690), fill=(20, 40, 70))
        d.line((cx, 530, cx, 420), fill=pcolor, width=10)
        d.line((cx, 530, cx + 80, 560), fill=pcolor, width=8)
    elif product == "mug":
        d.rounded_rectangle((cx - 170, 460, cx + 150, 850), radius=40, fill=pcolor)
        d.ellipse((cx + 90, 540, cx + 270, 740), outline=pcolor, width=40)
        d.ellipse((cx - 170, 430, cx + 150, 500), fill=(120, 80, 50))
    elif product == "lamp":
        d.polygon([(cx - 220, 560), (cx + 220, 560), (cx + 120, 300), (cx - 120, 300)], fill=pcolor)
        d.rectangle((cx - 18, 560, cx + 18, 820), fill=pcolor)
        d.rounded_rectangle((cx - 150, 810, cx + 150, 860), radius=20, fill=pcolor)
        d.ellipse((cx - 60, 540, cx + 60, 600), fill=(255, 236, 160))
    else:  # phone
        d.rounded_rectangle((cx - 170, 220, cx + 170, 860), radius=48, fill=(18, 18, 24))
        d.rounded_rectangle((cx - 150, 250, cx + 150, 830), radius=32, fill=pcolor)
        d.ellipse((cx - 70, 440, cx + 70, 580), fill=(230, 40, 150))

    # no words burned into the picture: the caption (from the file name, which names the
    # product drawn) is the only text, so nothing shows twice
    return im


# -- sound ------------------------------------------------------------------------------------------
_VOWELS = [(730, 1090), (270, 2290), (530, 1840), (570, 840), (300, 870), (640, 1190), (490, 1350)]


def _speech(seconds: float, sr: int = SAMPLE_RATE) -> np.ndarray:
    """Voiced syllables (4-6 a second) on a gliding pitch with formant-shaped harmonics, short
    noise consonants, grouped into 1.5-3 s phrases separated by pauses."""
    rng = np.random.default_rng(_SEED)
    n = int(seconds * sr)
    out = np.zeros(n, np.float32)
    t = 0.3
    while t < seconds - 0.6:
        phrase_end = min(t + rng.uniform(1.5, 3.0), seconds - 0.3)
        base = rng.uniform(115, 140)
        pos = 0
        while t < phrase_end - 0.1:
            dur = rng.uniform(0.13, 0.24)
            i0, i1 = int(t * sr), min(int((t + dur) * sr), n)
            m = i1 - i0
            if m <= 16:
                break
            tt = np.arange(m) / sr
            decl = 1.0 - 0.12 * pos / 12  # pitch declines along the phrase
            f0a = base * decl * rng.uniform(0.95, 1.12)
            f0b = f0a * rng.uniform(0.88, 1.08)
            f0 = f0a + (f0b - f0a) * tt / dur
            phase = 2 * np.pi * np.cumsum(f0) / sr
            f1, f2 = _VOWELS[int(rng.integers(len(_VOWELS)))]
            k = np.arange(1, int(3800 / f0a) + 1)
            freqs = k * f0a
            gain = (np.exp(-(((freqs - f1) / 160) ** 2)) + 0.6 * np.exp(-(((freqs - f2) / 220) ** 2))
                    + 0.04) / k ** 0.7
            voiced = (gain[:, None] * np.sin(k[:, None] * phase[None, :])).sum(axis=0)
            env = np.sin(np.pi * np.arange(m) / m) ** 0.7
            syl = voiced * env * rng.uniform(0.6, 1.0)
            if rng.random() < 0.6:  # consonant: a short breathy burst at the onset
                c = min(int(0.035 * sr), m)
                noise = np.diff(rng.standard_normal(c + 1)) * 0.25
                syl[:c] += noise * np.linspace(1, 0, c)
            out[i0:i1] += syl.astype(np.float32)
            t += dur + rng.uniform(0.015, 0.06)
            pos += 1
        t += rng.uniform(0.35, 0.8)  # pause between phrases
    return _normalise(out, 0.7)


_NOTE = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def _hz(note: str, octave: int) -> float:
    return 440.0 * 2 ** ((_NOTE[note] + 12 * (octave + 1) - 69) / 12)


def _music(seconds: float, sr: int = SAMPLE_RATE, bpm: float = 100.0) -> np.ndarray:
    """I–V–vi–IV in C (a bar each): warm pad, bass on the beat, plucked eighth-note arpeggio,
    a soft kick on every beat and a faint hat on the off-beats; short fades at both ends."""
    n = int(seconds * sr)
    out = np.zeros(n, np.float32)
    beat = 60.0 / bpm
    bar = 4 * beat
    chords = [("C", "E", "G"), ("G", "B", "D"), ("A", "C", "E"), ("F", "A", "C")]
    t_all = np.arange(n) / sr
    rng = np.random.default_rng(_SEED + 1)
    # pad: each bar, the chord with a slow swell and a little overlap
    nbars = int(math.ceil(seconds / bar))
    for b in range(nbars):
        chord = chords[b % 4]
        i0 = int(b * bar * sr)
        i1 = min(int((b + 1) * bar * sr + 0.15 * sr), n)
        if i0 >= n:
            break
        tt = t_all[i0:i1] - b * bar
        env = np.minimum(1.0, tt / 0.35) * np.minimum(1.0, np.maximum(0.0, (bar + 0.15 - tt) / 0.3))
        pad = np.zeros(i1 - i0)
        for note in chord:
            f = _hz(note, 4)
            pad += np.sin(2 * np.pi * f * tt) + 0.25 * np.sin(4 * np.pi * f * tt)
            pad += 0.6 * np.sin(2 * np.pi * f * 1.003 * tt)  # gentle chorus
        out[i0:i1] += (0.05 * pad * env).astype(np.float32)
        # bass on each beat
        fb = _hz(chord[0], 2)
        for q in range(4):
            j0 = int((b * bar + q * beat) * sr)
            if j0 >= n:
                break
            j1 = min(j0 + int(beat * sr), n)
            tb = np.arange(j1 - j0) / sr
            env_b = np.exp(-tb * 3.5) * np.minimum(1.0, tb / 0.008)  # 8 ms attack: no click
            out[j0:j1] += (0.22 * np.sin(2 * np.pi * fb * tb) * env_b).astype(np.float32)
        # plucked arpeggio, eighth notes
        arp = [chord[0], chord[1], chord[2], chord[1]] * 2
        for e, note in enumerate(arp):
            j0 = int((b * bar + e * beat / 2) * sr)
            if j0 >= n:
                break
            j1 = min(j0 + int(0.5 * sr), n)
            tp = np.arange(j1 - j0) / sr
            f = _hz(note, 5)
            pluck = (np.sin(2 * np.pi * f * tp) + 0.3 * np.sin(6 * np.pi * f * tp)) * np.exp(-tp * 7)
            pluck *= np.minimum(1.0, tp / 0.004)
            out[j0:j1] += (0.07 * pluck).astype(np.float32)
    # kick on every beat, hat on the off-beats
    klen = int(0.3 * sr)
    tk = np.arange(klen) / sr
    kick = np.sin(2 * np.pi * np.cumsum(45 + 75 * np.exp(-tk * 30)) / sr) * np.exp(-tk * 11)
    hlen = int(0.05 * sr)
    hat = np.diff(rng.standard_normal(hlen + 1)) * np.exp(-np.arange(hlen) / sr * 90)
    nbeats = int(seconds / beat) + 1
    for q in range(nbeats):
        j0 = int(q * beat * sr)
        if j0 < n:
            m = min(klen, n - j0)
            out[j0:j0 + m] += (0.45 * kick[:m]).astype(np.float32)
        h0 = int((q + 0.5) * beat * sr)
        if h0 < n:
            m = min(hlen, n - h0)
            out[h0:h0 + m] += (0.035 * hat[:m]).astype(np.float32)
    fade = min(int(1.0 * sr), n // 4)
    if fade:
        ramp = np.linspace(0, 1, fade, dtype=np.float32)
        out[:fade] *= ramp
        out[n - fade:] *= ramp[::-1]
    return _normalise(out, 0.6)


def _normalise(x: np.ndarray, peak: float) -> np.ndarray:
    m = float(np.max(np.abs(x))) if x.size else 0.0
    return (x * (peak / m) if m > 0 else x).astype(np.float32)


# -- ffmpeg plumbing ---------------------------------------------------------------------------------
_AUDIO_CODEC = {
    ".mp3": ["-c:a", "libmp3lame", "-b:a", "128k", "-f", "mp3"],
    ".wav": ["-c:a", "pcm_s16le", "-f", "wav"],
    ".m4a": ["-c:a", "aac", "-b:a", "96k", "-f", "ipod"],
    ".aac": ["-c:a", "aac", "-b:a", "96k", "-f", "adts"],
    ".ogg": ["-c:a", "libvorbis", "-f", "ogg"],
    ".opus": ["-c:a", "libopus", "-f", "opus"],
    ".flac": ["-c:a", "flac", "-f", "flac"],
}


def _encode_audio(samples: np.ndarray, path: Path, sr: int = SAMPLE_RATE) -> None:
    codec = _AUDIO_CODEC.get(path.suffix.lower())
    if codec is None:
        raise ValueError(f"no audio encoder for {path.suffix!r} (use one of {sorted(_AUDIO_CODEC)})")
    data = np.ascontiguousarray(samples, dtype="<f4").tobytes()
    _atomic(path, lambda tmp: _ffmpeg(
        ["-f", "f32le", "-ar", str(sr), "-ac", "1", "-i", "pipe:0", "-map_metadata", "-1",
         "-fflags", "+bitexact", "-flags:a", "+bitexact", *codec, str(tmp)], stdin=data))


def _ffmpeg(args: list[str], stdin: bytes | None = None) -> None:
    from reelforge.media.ffmpeg import ffmpeg_exe

    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    if stdin is None:
        cmd.append("-nostdin")
    cmd += args
    proc = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace")[-600:]
        raise MediaError(f"could not write test media with ffmpeg: {tail.strip()}")


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
