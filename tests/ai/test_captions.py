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
    # every word, in order (a comma that ends a cue is not shown)
    assert " ".join(c.text.replace("\n", " ") for c in cues).replace(",", "") == text.replace(",", "")
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


def test_a_cue_that_starts_a_sentence_starts_with_a_capital():
    # small recognisers often give the first word in lower case; a cue carrying on a sentence
    # (after a comma or a pause) keeps its word as it is
    words = _words("urban dreams. a city that never sleeps, and a bag that keeps up with it, "
                   "stitched by hand. made to last")
    cues = caption_lines(words, max_chars=20, max_lines=1)
    texts = [c.text for c in cues]
    assert texts[0] == "Urban dreams."
    assert texts[1].startswith("A city")
    assert "sleeps, and a bag" in texts and "that keeps up with" in texts, texts  # carrying on
    assert texts[-1] == "Made to last"
    assert cues[0].words[0].text == "Urban"  # the words (for the highlight) read as the text


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


def test_snap_to_speech_moves_starts_forward_only():
    from reelforge.ai.captions import snap_to_speech

    active = [False] * 100 + [True] * 50 + [False] * 50 + [True] * 50  # 10 ms frames
    words = [Word(600, 1300, "early"), Word(1300, 1450, "on"), Word(1600, 2300, "late")]
    out = snap_to_speech(words, active)
    assert [w.start_ms for w in out] == [980, 1300, 1980]  # 20 ms lead before the sound
    assert [w.end_ms for w in out] == [1300, 1450, 2300] and [w.text for w in out] == ["early", "on", "late"]
    stretched = [Word(600, 1900, "door."), Word(1900, 2300, "Try")]  # runs into the pause after it
    assert [(w.start_ms, w.end_ms) for w in snap_to_speech(stretched, active)] == [(980, 1520), (1980, 2300)]
    assert snap_to_speech(words, []) == words  # no activity (decode failed): unchanged
    assert snap_to_speech(words, [True] * 300) == words  # sound throughout (music): unchanged


def test_unheard_spans_are_sound_no_word_covers():
    from reelforge.ai.captions import unheard_spans

    active = [True] * 90 + [False] * 20 + [True] * 200 + [False] * 100 + [True] * 40  # 10 ms frames
    words = [Word(1100, 1500, "This"), Word(1500, 3100, "Friday.")]
    assert unheard_spans(active, words) == [(0, 950)]  # the opening no word is on (0.9 s of sound)
    assert unheard_spans(active, [Word(0, 900, "Museum"), *words]) == []
    assert unheard_spans(active, words, min_ms=1000) == []  # the 0.4 s at the end is too short anyway
    assert unheard_spans([False] * 400, []) == [] and unheard_spans([], words) == []


@pytest.mark.slow
def test_a_voiceover_that_starts_with_the_file_is_heard_from_its_first_word(tmp_path):
    """User test s22: espeak-ng (en-us+m3) "Museum Late is back. This Friday, …" came out of
    Whisper base from "This Friday" at 1.06 s: the event's name, said first, was in no caption and
    in no transcript. Sound with no word on it, that the voice-activity model calls speech, is
    heard again after half a second of silence."""
    import shutil
    import subprocess

    from reelforge.ai.captions import transcribe

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng (Debian) not installed")
    wav = tmp_path / "vo.wav"
    subprocess.run(["espeak-ng", "-v", "en-us+m3", "-s", "165", "-w", str(wav),
                    "Museum Late is back. This Friday, the Science Hall stays open until midnight. "
                    "Look deep into the universe, stand under a real rocket, and meet an astronaut. "
                    "Ancient coins, temples from across the world, and live music all night. "
                    "Tickets are twelve dollars."], check=True)
    words = transcribe(wav, "en").words
    assert words[0].start_ms < 400 and "museum" in [w.text.lower() for w in words[:3]], words[:4]
    said = " ".join(w.text.lower() for w in words)
    assert "friday" in said and "astronaut" in said and said.count("friday") == 1, said


@pytest.mark.slow
@pytest.mark.parametrize("voice", ["piper", "espeak-ng"])
def test_cues_start_with_the_speech_not_before(tmp_path, voice):
    """After silence (the start, a pause between sentences) a cue appears within 0.1 s of the
    first word's sound: Whisper's own word times start ~0.4 s early there."""
    import shutil
    import subprocess

    import numpy as np

    from reelforge.ai import tts
    from reelforge.ai._audio import decode_mono, frame_rms
    from reelforge.ai.captions import transcribe

    from ._signals import write_wav

    lines = ("Fresh coffee every morning, delivered to your door.", "Try it free today, no strings attached.")
    if voice == "piper":
        pytest.importorskip("piper", reason="needs the ai extra")
        said = [tts._piper_audio(line, 1.0) for line in lines]
        sr = said[0][1]
        first, second = (tts.limit_peak(a) for a, _ in said)
    else:
        if shutil.which("espeak-ng") is None:
            pytest.skip("espeak-ng (Debian) not installed")
        sr = 22050
        for k, line in enumerate(lines):
            subprocess.run(["espeak-ng", "-v", "en-gb", "-w", str(tmp_path / f"e{k}.wav"), line], check=True)
        first, second = (tts.limit_peak(decode_mono(tmp_path / f"e{k}.wav", sr)) for k in range(2))
    quiet = [np.zeros(int(s * sr), np.float32) for s in (1.2, 1.6, 0.5)]
    path = write_wav(tmp_path / "paused.wav", np.concatenate([quiet[0], first, quiet[1], second, quiet[2]]), sr)
    # where the sound starts after each silence, measured on the file itself
    rms = frame_rms(decode_mono(path, 16000), 160, 160)
    on = rms > 0.02 * rms.max()
    onsets_ms = [10 * i for i in range(1, on.size) if on[i] and not on[max(0, i - 40):i].any()]
    assert len(onsets_ms) == 2, onsets_ms
    cues = caption_lines(transcribe(path, "en"))
    starts = [c.start_ms for c in cues]
    for onset in onsets_ms:  # the cue that begins each stretch of speech
        first = min(starts, key=lambda s: abs(s - onset))
        assert abs(first - onset) <= 100, (onset, starts)
    assert starts[0] >= onsets_ms[0] - 100  # nothing on screen before anyone speaks


ZH_LINES = ["欢迎来到我们的商店，今天所有商品都打八折。", "这款手表防水，电池可以用两年。",
            "我们的咖啡来自云南，味道很香。", "周末天气很好，我们一起去公园散步吧。"]


@pytest.mark.slow
def test_mandarin_voiceover_reads_back_in_simplified_characters(tmp_path):
    """Mandarin from the espeak-ng voice `say` uses, transcribed: simplified characters, the
    words that were said (character error rate), and never the old steering prompt."""
    import shutil

    pytest.importorskip("faster_whisper", reason="needs the ai extra")
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng (Debian) not installed")
    from reelforge.ai.captions import transcribe
    from reelforge.ai.tts import synthesize

    rates = []
    for k, line in enumerate(ZH_LINES):
        synthesize(line, tmp_path / f"zh{k}.wav", "zh")
        text = transcribe(tmp_path / f"zh{k}.wav", "zh").text
        assert "以下是" not in text and "普通话" not in text, text
        assert not set(text) & set("們這說來時會國對開關為與點學見麼當還經過"), text  # simplified only
        rates.append(word_error_rate(line, text))
    # measured 0.32 on the six known sentences, 0.53 on 24 held out (bench/mandarin.py); goal 0.25 not met
    assert sum(rates) / len(rates) <= 0.45, rates


@pytest.mark.slow
def test_speech_whisper_cannot_read_gives_no_invented_text(tmp_path):
    """espeak-ng's plain `cmn` voice reads tone numbers as English ("men five"): whatever
    Whisper makes of it, the old prompt ("以下是普通话…") must not come back as the transcript,
    and no phrase is repeated over and over."""
    import re
    import shutil
    import subprocess

    pytest.importorskip("faster_whisper", reason="needs the ai extra")
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng (Debian) not installed")
    from reelforge.ai.captions import transcribe

    wav = tmp_path / "cmn.wav"
    subprocess.run(["espeak-ng", "-v", "cmn", "-w", str(wav), "欢迎光临，今天打八折。"], check=True)
    text = transcribe(wav, "zh").text
    assert "以下是" not in text and "普通话" not in text, text
    assert not re.search(r"([\u4e00-\u9fff]{3,})(?:[,，、 ]*\1){2,}", text), text


@pytest.mark.slow
def test_no_text_from_silence_or_music(tmp_path):
    """Nothing is written where nothing is said: silence and hiss, also with the speech detector
    (VAD) off so that the guards behind it are what is tested (on silence without VAD Whisper
    base writes " You"), and wordless sung music at two tempos with the language detected or
    given. (Music with the VAD off is not guarded: once in three runs Whisper wrote "暗露暗露暇暗…"
    on the 128 BPM song.)"""
    pytest.importorskip("faster_whisper", reason="needs the ai extra")
    import numpy as np

    from reelforge.ai.captions import transcribe

    from ._signals import sung_melody, write_wav

    sr = 22050
    cases = {"silence": np.zeros(8 * sr, np.float32),
             "hiss": np.random.default_rng(0).normal(0, 0.003, 8 * sr).astype(np.float32),
             "song90": sung_melody(90, sr=sr), "song128": sung_melody(128, sr=sr)}
    for name, audio in cases.items():
        path = write_wav(tmp_path / f"{name}.wav", audio, sr)
        runs = ((None, True), ("en", False), ("zh", False)) if name in ("silence", "hiss") else \
            ((None, True), ("zh", True), ("en", True))
        for language, vad in runs:
            words = transcribe(path, language, vad=vad).words
            assert not words, (name, language, vad, [w.text for w in words])


def test_a_cue_ending_at_a_comma_shows_none():
    # "Fresh from the lab, precision you can trust," stayed on screen with its comma
    words = _words("Fresh from the lab, precision you can trust, every single time we test.")
    cues = caption_lines(words, max_chars=24)
    assert len(cues) >= 2 and not any(c.text.rstrip().endswith((",", "，", ";")) for c in cues), [c.text for c in cues]
    assert cues[-1].text.endswith("test.")
    zh = caption_lines([Word(0, 400, "新鲜出炉，"), Word(400, 800, "品质保证，"), Word(3000, 3400, "欢迎品尝。")])
    assert [c.text for c in zh][0].endswith("品质保证") or not zh[0].text.endswith("，"), [c.text for c in zh]


@pytest.mark.slow
def test_a_brand_named_on_screen_is_heard_as_spelled(tmp_path):
    """User test s23: espeak-ng (en-gb+f3) "Wander East Tours. … at wander east dot com" came out of
    Whisper base as "One -deleased tours. … at one -deleased .com", under the title "Wander East
    Tours" and a call to action ending "wandereast.com". Told the names on screen, the words that
    sound like them are written as spelled; the other words stay as heard, and a name the voice
    does not say changes nothing."""
    import shutil
    import subprocess

    from reelforge.ai.captions import transcribe

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng (Debian) not installed")
    wav = tmp_path / "vo.wav"
    subprocess.run(["espeak-ng", "-v", "en-gb+f3", "-s", "160", "-w", str(wav),
                    "Wander East Tours. Twelve days through temples, gardens and quiet tea houses. "
                    "Small groups, local guides, and never a rush. Here is what our travellers say. "
                    "Book before January and save twenty percent, at wander east dot com."], check=True)
    told = transcribe(wav, "en", names=("Wander East Tours", "wandereast.com")).text
    assert told.startswith("Wander East Tours.") and "wandereast.com" in told.replace(" .com", ".com"), told
    assert "temples" in told and "travellers" in told, told
    plain = transcribe(wav, "en").text
    assert transcribe(wav, "en", names=("Northwind Labs", "northwind.io")).text == plain
