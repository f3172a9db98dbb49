"""Auto-captions: Whisper base (faster-whisper, int8 CPU) on synthesised speech; cue layout; SRT/VTT."""

from __future__ import annotations

import pytest

from reelforge.ai.captions import (
    CaptionLine,
    Transcript,
    Word,
    caption_lines,
    to_srt,
    to_vtt,
    width,
    word_error_rate,
)


@pytest.mark.slow
def test_transcribe_synthesised_sentence(spoken_sentence):
    pytest.importorskip("faster_whisper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.captions import transcribe

    path, info, script = spoken_sentence
    tr = transcribe(path)  # language detected
    assert tr.language == "en"
    wer = word_error_rate(script, tr.text)
    assert wer <= 0.25, (wer, tr.text)
    starts = [w.start_ms for w in tr.words]
    assert starts == sorted(starts)
    assert all(0 <= w.start_ms <= w.end_ms <= info.duration_ms + 200 for w in tr.words)
    lines = caption_lines(tr)
    assert lines and all(len(c.text.split("\n")) <= 2 for c in lines)
    assert all(len(row) <= 32 for c in lines for row in c.text.split("\n"))
    assert lines[0].start_ms < 500 and lines[-1].end_ms >= info.duration_ms - 800


def _words(text: str, step: int = 300) -> list[Word]:
    return [Word(i * step, i * step + step - 50, w) for i, w in enumerate(text.split())]


def test_caption_lines_english_layout():
    text = ("Our new running shoe is lighter than ever, with a foam sole that gives back energy "
            "on every stride. Order today and get free shipping worldwide.")
    cues = caption_lines(_words(text))
    assert " ".join(c.text.replace("\n", " ") for c in cues) == text
    for c in cues:
        rows = c.text.split("\n")
        assert len(rows) <= 2 and all(len(r) <= 32 for r in rows), c.text
    # a sentence end closes a cue
    assert any(c.text.endswith("stride.") for c in cues)
    # cues are ordered and never overlap
    assert all(a.end_ms <= b.start_ms for a, b in zip(cues, cues[1:], strict=False))


def test_caption_lines_pause_breaks_cue():
    words = [Word(0, 300, "Hello"), Word(350, 700, "there"), Word(2000, 2400, "friend")]
    cues = caption_lines(words)
    assert [c.text for c in cues] == ["Hello there", "friend"]
    assert cues[0].end_ms <= 2000


def test_caption_lines_chinese_by_characters():
    tr = Transcript(words=(Word(0, 2000, "欢迎光临我们的咖啡店今天所有饮品"), Word(2000, 3000, "一律八折。")),
                    language="zh")
    cues = caption_lines(tr, max_chars=16)
    joined = "".join(c.text.replace("\n", "") for c in cues)
    assert joined == "欢迎光临我们的咖啡店今天所有饮品一律八折。"
    assert all(width(r) <= 16 for c in cues for r in c.text.split("\n") if not r.endswith("。"))
    assert all(" " not in c.text for c in cues)


def test_srt_and_vtt():
    lines = [CaptionLine(0, 1500, "Hello there"), CaptionLine(1500, 3723_456, "two\nlines")]
    srt = to_srt(lines)
    assert srt.startswith("1\n00:00:00,000 --> 00:00:01,500\nHello there\n\n2\n")
    assert "01:02:03,456" in srt
    vtt = to_vtt(lines)
    assert vtt.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nHello there\n")


def test_word_error_rate():
    assert word_error_rate("Try it free today.", "try it free today") == 0.0
    assert word_error_rate("a b c d", "a x c") == 0.5
    assert word_error_rate("你好世界", "你好") == 0.5


def test_ass_karaoke_and_libass_accepts_it(tmp_path):
    import re
    import subprocess

    from reelforge.ai.captions import to_ass

    words = [Word(0, 300, "Hello"), Word(350, 700, "there,"), Word(800, 1200, "friend."), Word(1500, 1800, "你好")]
    cues = caption_lines(words, max_chars=12)
    ass = to_ass(cues, 320, 180)
    assert "PlayResX: 320" in ass and "Noto Sans CJK SC" in ass
    first = [line for line in ass.splitlines() if line.startswith("Dialogue:")][0]
    assert first.endswith(r"{\k30}Hello {\k40}there,\N{\k50}friend.")
    ks = sum(int(k) for k in re.findall(r"\\k(\d+)", first))
    assert ks * 10 == cues[0].end_ms - cues[0].start_ms
    plain = to_ass(cues, highlight=None)
    assert r"\k" not in plain
    imageio_ffmpeg = pytest.importorskip("imageio_ffmpeg")
    from reelforge.render.fonts import latin_font

    sub = tmp_path / "c.ass"
    sub.write_text(ass, encoding="utf-8")
    proc = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i",
                           "color=c=gray:s=320x180:d=1", "-vf", f"subtitles={sub}:fontsdir={latin_font().parent}",
                           "-frames:v", "5", str(tmp_path / "out.mp4")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.slow
def test_silence_and_noise_give_no_words_quickly(tmp_path):
    pytest.importorskip("faster_whisper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    import time

    import numpy as np

    from reelforge.ai.captions import load_model, transcribe

    from ._signals import write_wav

    load_model()
    rng = np.random.default_rng(0)
    for name, audio in (("silence", np.zeros(16000 * 3, np.float32)),
                        ("noise", 0.05 * rng.standard_normal(16000 * 3).astype(np.float32))):
        t0 = time.perf_counter()
        tr = transcribe(write_wav(tmp_path / f"{name}.wav", audio, 16000))
        assert tr.words == (), (name, tr.text)
        assert time.perf_counter() - t0 < 15, name  # no temperature-fallback loop over silence
        assert caption_lines(tr) == []


def test_no_audio_stream(tmp_path):
    import av

    from reelforge.ai.captions import transcribe
    from reelforge.errors import UnsupportedMedia

    from ._clips import write_clip

    clip = write_clip(tmp_path / "c.mp4", 1)
    silent_video = tmp_path / "v.mp4"
    with av.open(str(clip)) as src, av.open(str(silent_video), "w") as dst:
        vin = src.streams.video[0]
        vout = dst.add_stream_from_template(vin)
        for packet in src.demux(vin):
            if packet.dts is None:
                continue
            packet.stream = vout
            dst.mux(packet)
    with pytest.raises(UnsupportedMedia, match="no sound"):
        transcribe(silent_video)


def test_align_script_keeps_script_text_and_times():
    from reelforge.ai.captions import align_script

    heard = Transcript(words=(Word(0, 200, "Fresh"), Word(200, 640, "coffee"), Word(640, 1000, "every"),
                              Word(1000, 1380, "morning"), Word(1400, 1700, "delivered"), Word(1700, 2000, "to"),
                              Word(2000, 2200, "you"), Word(2200, 2600, "door.")), language="en", duration_ms=3000)
    aligned = align_script("Fresh coffee, every single morning, delivered to your door. Thanks!", heard)
    assert [w.text for w in aligned.words] == ["Fresh", "coffee,", "every", "single", "morning,", "delivered",
                                               "to", "your", "door.", "Thanks!"]
    starts = [w.start_ms for w in aligned.words]
    assert starts == sorted(starts)
    assert all(a.end_ms <= b.start_ms for a, b in zip(aligned.words, aligned.words[1:], strict=False))
    assert aligned.words[7].start_ms == 2000 and aligned.words[-1].end_ms <= 3000
    zh = Transcript(words=(Word(0, 600, "您好"), Word(700, 1500, "欢迎来到"), Word(1500, 2200, "我们的餐厅。")),
                    language="zh", duration_ms=2500)
    out = align_script("你好，欢迎来到我们的商店。", zh)
    assert "".join(w.text for w in out.words) == "你好，欢迎来到我们的商店。"
    assert out.words[2].text == "欢" and out.words[2].start_ms == 700


@pytest.mark.slow
def test_tts_voiceover_captions_use_the_script(spoken_sentence):
    pytest.importorskip("faster_whisper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.captions import align_script, transcribe

    path, info, script = spoken_sentence
    cues = caption_lines(align_script(script, transcribe(path, "en")))
    assert " ".join(c.text.replace("\n", " ") for c in cues) == script
    assert cues[-1].end_ms <= info.duration_ms + 200


@pytest.mark.slow
def test_transcribe_a_clips_own_speech(spoken_sentence, tmp_path):
    pytest.importorskip("faster_whisper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.captions import transcribe

    from ._clips import clip_with_sound

    path, _, script = spoken_sentence
    clip = clip_with_sound(tmp_path / "talking.mp4", path)
    tr = transcribe(clip, "en")
    assert word_error_rate(script, tr.text) <= 0.25, tr.text
