"""The core imports without the ai extra; a missing extra gives a clear, typed error."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reelforge.ai import INSTALL_HINT, AIExtraMissing, require
from reelforge.errors import ReelforgeError


def test_importing_ai_loads_no_heavy_dependency():
    code = ("import sys, reelforge, reelforge.ai, reelforge.ai.beats, reelforge.ai.highlights, "
            "reelforge.ai.reframe, reelforge.ai.captions, reelforge.ai.tts\n"
            "heavy = [m for m in ('cv2', 'faster_whisper', 'ctranslate2', 'piper', 'onnxruntime') if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_missing_module_raises_reelforge_error():
    with pytest.raises(AIExtraMissing) as info:
        require("reelforge_no_such_module", "captions", package="faster-whisper")
    assert isinstance(info.value, ReelforgeError) and isinstance(info.value, ImportError)
    assert INSTALL_HINT in str(info.value) and "faster-whisper" in str(info.value)


def test_missing_whisper_extra(monkeypatch):
    import reelforge.ai.captions as cap

    monkeypatch.setitem(sys.modules, "faster_whisper", None)  # import fails like an absent package
    cap._model.cache_clear()
    try:
        with pytest.raises(AIExtraMissing, match=r"reelforge\[ai\]"):
            cap.load_model()
    finally:
        cap._model.cache_clear()


def test_saliency_reframe_works_without_opencv(monkeypatch):
    import numpy as np

    import reelforge.ai.reframe as rf

    monkeypatch.setitem(sys.modules, "cv2", None)
    rf._face_cascade.cache_clear()
    try:
        img = np.full((200, 400, 3), 120, np.uint8)
        img[60:120, 320:380] = np.random.default_rng(0).integers(0, 255, (60, 60, 3))
        box = rf.subject_box(img)
        assert box.source == "saliency" and box.x > 250
        with pytest.raises(AIExtraMissing):
            rf.subject_box(img, faces="require")
    finally:
        rf._face_cascade.cache_clear()


def test_lazy_public_names_resolve():
    import reelforge.ai as ai

    for name in ai._EXPORTS:
        assert getattr(ai, name) is not None, name


def test_capabilities_lists_every_feature():
    from reelforge.ai import capabilities

    caps = capabilities()
    assert {"beats", "captions", "tts.en", "tts.other", "reframe.faces"} <= set(caps)
    assert all(isinstance(v, str) and v for v in caps.values())


def test_missing_piper_extra(monkeypatch, tmp_path):
    import reelforge.ai.tts as tts

    monkeypatch.setitem(sys.modules, "piper", None)
    tts._piper_voice.cache_clear()
    try:
        with pytest.raises(AIExtraMissing, match=r"piper-tts.*reelforge\[ai\]"):
            tts.synthesize("hello", tmp_path / "x.wav", "en")
    finally:
        tts._piper_voice.cache_clear()
