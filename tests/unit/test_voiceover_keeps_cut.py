"""A voiceover added to a cut the user has been shaping does not shrink it to the voice (user
test s8: 'add a voiceover saying "…"' cut a 7 s video with a title, captions and a call to action
down to 3.2 s, the call to action then over the title); a longer voice still lengthens it."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from reelforge import ai
from reelforge.session import Session
from reelforge.timeline import Role

from .edit_cases import ASSETS, sample_timeline


@pytest.fixture(autouse=True)
def _no_llm(monkeypatch):
    monkeypatch.delenv("REELFORGE_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("REELFORGE_LLM_MODEL", raising=False)


def _fake_tts(monkeypatch, seconds):
    def synthesize(text, out, language=None, **k):
        t = np.arange(int(22050 * seconds)) / 22050
        pcm = (0.3 * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2")
        with wave.open(str(out), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(22050)
            w.writeframes(pcm.tobytes())
        return out
    monkeypatch.setattr(ai, "synthesize", synthesize)


def _session(tmp_path):
    s = Session(library=ASSETS, timeline=sample_timeline(), media_dir=str(tmp_path))
    assert s.handle("remove the voiceover").changed
    return s


def test_a_short_voiceover_keeps_the_length_of_the_cut(tmp_path, monkeypatch):
    _fake_tts(monkeypatch, 3.0)
    s = _session(tmp_path)
    r = s.handle('add a voiceover saying "Fresh bread every morning."')
    assert r.changed, r.message
    assert s.timeline.track(Role.VOICE).segments and s.timeline.duration == 30000
    assert "fitted" not in r.message


def test_a_voiceover_longer_than_the_cut_still_lengthens_it(tmp_path, monkeypatch):
    _fake_tts(monkeypatch, 40.0)
    s = _session(tmp_path)
    r = s.handle('add a voiceover saying "Fresh bread every morning."')
    assert r.changed, r.message
    assert s.timeline.duration >= 40000
