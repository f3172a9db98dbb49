"""CLI commands of the AI features: captions, say, beats, batch, make --brand; clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from reelforge import ai
from reelforge.cli import app

SCRIPT = "Fresh coffee every morning, delivered to your door. Try it free today."
runner = CliRunner()


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REELFORGE_CACHE": str(cwd / ".cache"), "COLUMNS": "200", "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "reelforge", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=env)


def _images(d: Path, n: int = 2) -> list[Path]:
    out = []
    for i in range(n):
        p = d / f"shot{i + 1}.jpg"
        Image.new("RGB", (320, 180), (60 * i + 40, 120, 200)).save(p)
        out.append(p)
    return out


@pytest.fixture(scope="module")
def sentence(tmp_path_factory) -> Path:
    pytest.importorskip("piper")
    path = tmp_path_factory.mktemp("say") / "sentence.wav"
    ai.synthesize(SCRIPT, path, "en")
    return path


@pytest.mark.slow
def test_captions_srt(sentence, tmp_path):
    proc = run("captions", str(sentence), "--srt", "-o", "vo.srt", "--language", "en", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    srt = (tmp_path / "vo.srt").read_text()
    assert srt.startswith("1\n00:00:0") and "-->" in srt
    text = " ".join(line for line in srt.splitlines() if line and not line[0].isdigit())
    assert ai.word_error_rate(SCRIPT, text) <= 0.25
    assert "caption" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_captions_vtt_to_stdout_and_say(tmp_path):
    pytest.importorskip("piper")
    proc = run("say", "Hello and welcome.", "-o", "vo.wav", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    with av.open(str(tmp_path / "vo.wav")) as c:
        assert 0.5 < c.duration / 1e6 < 4
        peak = max(float(np.abs(f.to_ndarray()).max()) for f in c.decode(audio=0)) / 32768
    assert 20 * np.log10(peak) <= -1.0, f"peak {20 * np.log10(peak):.2f} dBFS: no headroom"
    proc = run("captions", "vo.wav", "--vtt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("WEBVTT") and "welcome" in proc.stdout.lower()


def test_missing_file_is_one_line_not_a_traceback(tmp_path):
    for args in (["captions", "nope.wav", "--srt"], ["beats", "nope.mp3"], ["say", "@nope.txt"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 2, res.output
        assert "not found" in res.output and "nope" in res.output
        assert "Traceback" not in res.output


def test_missing_ai_extra_names_the_install(monkeypatch, tmp_path):
    def missing(*a, **k):
        raise ai.AIExtraMissing("captions (speech recognition)", "faster-whisper")
    monkeypatch.setattr(ai, "transcribe", missing)
    monkeypatch.setattr(ai, "synthesize", missing)
    wav = tmp_path / "a.wav"
    wav.write_bytes(b"RIFF")
    for args in (["captions", str(wav)], ["say", "hi", "-o", str(tmp_path / "x.wav")]):
        res = runner.invoke(app, args)
        assert res.exit_code == 2
        lines = [x for x in res.output.splitlines() if x.strip()]
        assert len(lines) == 1 and "pip install 'reelforge[ai]'" in lines[0], res.output


def test_beats_of_a_click_track(tmp_path):
    sr = 22050
    x = np.zeros(int(8 * sr), np.float32)
    t = np.arange(int(0.03 * sr)) / sr
    click = np.sin(2 * np.pi * 1000 * t) * np.exp(-t / 0.006)
    for k in np.arange(0.5, 7.9, 0.5):
        i = int(k * sr)
        x[i:i + click.size] += click[: x.size - i]
    import wave

    path = tmp_path / "click.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sr)
        w.writeframes((np.clip(0.5 * x, -1, 1) * 32767).astype("<i2").tobytes())
    res = runner.invoke(app, ["beats", str(path), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert abs(data["bpm"] - 120) <= 1


@pytest.mark.slow
def test_batch_csv_one_video_per_row_with_brand(tmp_path):
    shots = _images(tmp_path, 2)
    (tmp_path / "rows.csv").write_text("name,assets,title\n"
                                       f"red,{shots[0].name};{shots[1].name},Red Sale\n"
                                       f"blue,{shots[1].name},Blue Days\n")
    (tmp_path / "brand.json").write_text(json.dumps({"name": "Acme", "cta": "Shop at acme.com"}))
    proc = run("batch", "rows.csv", "-p", 'a 2-second video with the title "{title}"', "-o", "out",
               "--brand", "brand.json", "-q", "draft", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 made, 0 failed, 2 jobs" in proc.stdout
    for name in ("red", "blue"):
        with av.open(str(tmp_path / "out" / f"{name}.mp4")) as c:
            assert c.streams.video and 1.5 < c.duration / 1e6 < 3.5
    assert "Brand kit" in proc.stderr  # each summary shows the brand


def test_make_dry_run_with_brand_and_captions_request(tmp_path):
    shots = _images(tmp_path, 2)
    (tmp_path / "brand.json").write_text(json.dumps({"name": "Acme", "cta": "Shop at acme.com"}))
    res = runner.invoke(app, ["make", *map(str, shots), "-p", "a 4-second promo", "--brand",
                              str(tmp_path / "brand.json"), "--dry-run"])
    assert res.exit_code == 0, res.output
    assert "Brand kit" in res.output and "Shop at acme.com" in res.output


@pytest.mark.slow
def test_make_with_transcript_hears_the_voice_once(sentence, tmp_path, monkeypatch):
    """`make --transcript` ran the speech model twice on the same voiceover: once for the first
    cut's copy, once for the transcript files. The transcript now reads what the session heard."""
    from reelforge.ai import captions

    calls = []
    real = captions.transcribe

    def counted(*a, **k):
        calls.append(a[0])
        return real(*a, **k)

    monkeypatch.setattr(captions, "transcribe", counted)
    monkeypatch.setattr(ai, "transcribe", counted, raising=False)
    monkeypatch.setenv("REELFORGE_CACHE", str(tmp_path / ".cache"))
    shots = _images(tmp_path)
    voice = tmp_path / "voiceover.wav"
    voice.write_bytes(sentence.read_bytes())
    result = runner.invoke(app, ["make", *map(str, shots), str(voice), "-p", "a promo with text overlays",
                                 "-o", str(tmp_path / "out.mp4"), "--transcript"])
    assert result.exit_code == 0, result.output
    srt = (tmp_path / "out.transcript.srt").read_text()
    assert "-->" in srt, result.output
    assert ai.word_error_rate(SCRIPT, " ".join(
        line for line in srt.splitlines() if line and not line[0].isdigit() and "-->" not in line)) <= 0.3
    assert len(calls) == 1, calls
