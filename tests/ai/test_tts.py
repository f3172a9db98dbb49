"""Voiceover from text: Piper (English, bundled voice) and espeak-ng (other languages)."""

from __future__ import annotations

import shutil
import wave

import numpy as np
import pytest

from reelforge.ai import AIExtraMissing
from reelforge.ai import tts as tts_mod


def _read(path):
    with wave.open(str(path), "rb") as w:
        sr = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float32) / 32768
    return pcm, sr


def _speech_like(pcm: np.ndarray, sr: int) -> None:
    frames = pcm[: pcm.size // (sr // 50) * (sr // 50)].reshape(-1, sr // 50)
    rms = np.sqrt((frames**2).mean(axis=1))
    assert rms.max() > 0.05, "too quiet"
    voiced = rms > 0.1 * rms.max()
    assert 0.4 < voiced.mean() < 0.98, voiced.mean()  # speech with pauses, not a tone or silence


@pytest.mark.slow
def test_english_voice_plausible_length(spoken_sentence):
    path, info, script = spoken_sentence
    words = len(script.split())
    assert info.engine == "piper" and info.sample_rate == 22050 and info.language == "en"
    assert 0.25 * words * 1000 <= info.duration_ms <= 0.6 * words * 1000, info.duration_ms
    pcm, sr = _read(path)
    assert sr == 22050 and abs(pcm.size / sr * 1000 - info.duration_ms) < 5
    _speech_like(pcm, sr)


@pytest.mark.slow
def test_english_48k_and_speed(tmp_path, spoken_sentence):
    _, normal, script = spoken_sentence
    fast = tts_mod.synthesize(script, tmp_path / "fast.wav", "en-US", speed=1.5, sample_rate=48000)
    pcm, sr = _read(tmp_path / "fast.wav")
    assert sr == 48000 and fast.sample_rate == 48000
    assert fast.duration_ms < 0.85 * normal.duration_ms


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng (Debian) not installed")
def test_mandarin_fallback_voice(tmp_path):
    text = "欢迎光临，今天所有咖啡打八折。"
    info = tts_mod.synthesize(text, tmp_path / "zh.wav", language=None)
    assert info.language == "zh" and info.engine == "espeak-ng"
    chars = 14
    assert 0.15 * chars * 1000 <= info.duration_ms <= 0.6 * chars * 1000, info.duration_ms
    _speech_like(*_read(tmp_path / "zh.wav"))


def _peak_dbfs(path) -> float:
    pcm, _ = _read(path)
    return 20 * np.log10(max(float(np.abs(pcm).max()), 1e-9))


@pytest.mark.slow
@pytest.mark.parametrize("text, language", [
    ("Fresh coffee every morning, delivered to your door. Try it free today!", "en"),   # Piper
    ("WOW! THIS IS THE LOUDEST SALE OF THE YEAR!", "en"),
    ("欢迎光临，今天所有咖啡打八折。", "zh"),                                             # espeak-ng cmn
    ("Guten Morgen und herzlich willkommen in unserem Laden!", "de"),                    # espeak-ng de
])
def test_voices_leave_headroom(tmp_path, text, language):
    """Voices peak at full scale on their own: the file keeps >= 1 dB of headroom, and is not
    made needlessly quiet either."""
    if language == "en":
        pytest.importorskip("piper", reason="needs the ai extra")
    elif shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng (Debian) not installed")
    for rate in (22050, 48000):
        tts_mod.synthesize(text, tmp_path / "v.wav", language, sample_rate=rate)
        assert -6.0 <= _peak_dbfs(tmp_path / "v.wav") <= -1.0, (language, rate, _peak_dbfs(tmp_path / "v.wav"))


def test_limit_peak_scales_down_only():
    loud = np.array([0.0, 1.0, -0.5], np.float32)
    out = tts_mod.limit_peak(loud)
    assert abs(20 * np.log10(np.abs(out).max()) - tts_mod.PEAK_DBFS) < 0.01
    quiet = np.array([0.1, -0.2], np.float32)
    assert np.array_equal(tts_mod.limit_peak(quiet), quiet)


def test_other_language_without_espeak_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(tts_mod, "espeak_exe", lambda: None)
    with pytest.raises(AIExtraMissing, match="espeak-ng"):
        tts_mod.synthesize("你好", tmp_path / "x.wav", "zh")


def test_bad_input(tmp_path):
    with pytest.raises(ValueError):
        tts_mod.synthesize("   ", tmp_path / "x.wav")
    with pytest.raises(ValueError):
        tts_mod.synthesize("hi", tmp_path / "x.wav", speed=5)


def test_language_names():
    assert tts_mod.normalize_language("English") == "en"
    assert tts_mod.normalize_language("zh-CN") == "zh"
    assert tts_mod.normalize_language("普通话") == "zh"
    assert tts_mod.guess_language("你好，世界") == "zh"
    assert tts_mod.guess_language("Hello world") == "en"


def test_a_long_sentence_is_voiced_in_pieces_cut_at_pauses_then_between_words():
    """Pure: where a sentence too long for one run of the voice is cut."""
    word = list("ðɪs ɪz ɐ wˈɜːd ")
    commas = (word * 6)[:-1] + [","] + [" "]
    sentence = commas * 5 + word * 30
    pieces = tts_mod._pieces(sentence, most=160)
    assert sum(pieces, []) == sentence  # nothing lost, nothing added, in order
    assert all(len(p) <= 160 for p in pieces)
    ends = [p[-1] for p in pieces[:-1]]
    assert ends[0] == ","  # after a pause mark while there is one in the window's last two thirds
    assert all(e in (",", " ") for e in ends), ends  # else between words, never inside one
    assert tts_mod._pieces(list("ʃɔːt."), most=160) == [list("ʃɔːt.")]


@pytest.mark.slow
def test_a_long_sentence_without_a_stop_costs_bounded_memory(tmp_path):
    """A 944-character sentence took a process from 140 MB to 1.3 GB (onnxruntime keeps what a run
    took); voiced in pieces, the peak stays near a short sentence's. Run in a child process so
    the measure is this text's alone."""
    import subprocess
    import sys

    code = (
        "import resource, sys\n"
        "from reelforge.ai import tts\n"
        "tts._piper_voice()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "info = tts.synthesize('hello there, this is a rather long sentence without a stop ' * 16, sys.argv[1])\n"
        "print(before // 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, info.duration_ms)\n")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "long.wav")], capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    before, after, ms = map(int, out.stdout.split())
    assert ms > 40_000, ms  # all of it was said
    assert after - before < 500, (before, after)  # MB; was ~1,130
    pcm, sr = _read(tmp_path / "long.wav")
    _speech_like(pcm, sr)
