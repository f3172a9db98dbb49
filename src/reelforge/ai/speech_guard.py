"""Keep a transcript to what is in the audio: filters for Whisper's inventions.

Whisper writes plausible text where it hears none (silence, music, a voice it cannot read):
a phrase repeated over and over ("祥祥,祥祥,祥祥…"), a stock line from its training subtitles
("Thank you for watching", "请不吝点赞 订阅 转发"), or words placed in a stretch of silence.
These pure functions take the recogniser's segments and words and drop such text; a caption
with a word missing is better than one with words nobody said.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# Whisper's own "no speech" rule (no_speech_prob over 0.6 with a poor average log-probability)
# applied to the segment that came out, and a log-probability below which a segment is noise.
NO_SPEECH_PROB = 0.6
NO_SPEECH_LOGPROB = -1.0
MIN_AVG_LOGPROB = -1.5
# A segment Whisper only produced by sampling hot (temperature fallback past this) and that is
# still improbable is a guess: on espeak-ng Mandarin such segments were English or random
# characters ("make sure to be aware of your heart" for 关注我们，每周都有新的视频).
GUESS_TEMPERATURE = 0.5
# faster-whisper's own limit for a repetitive decode: a segment above it comes out only when
# every temperature of the fallback looped (on hiss and sung music: "詞曲 詞 詞 詞…", or a few
# words ahead of the loop that are not in the audio either, "我偷偷看你" on hiss).
MAX_COMPRESSION_RATIO = 2.4

# Lines Whisper writes on non-speech because its training subtitles end with them; dropped
# when the segment is not confidently speech (normalised: lower case, no punctuation/spaces).
STOCK_LINES = frozenset({
    "you", "thankyou", "thankyouforwatching", "thanksforwatching", "pleasesubscribe", "subtitlesbyamaraorgcommunity",
    "字幕由amaraorg社区提供", "请不吝点赞订阅转发打赏支持明镜与点点栏目", "谢谢观看", "感谢观看", "谢谢大家", "字幕志愿者",
    "请订阅", "点赞订阅", "优优独播剧场yoyotelevisionseries", "中文字幕", "我们下期再见",
})


class Segment(Protocol):
    text: str
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float


@dataclass(frozen=True)
class Verdict:
    keep: bool
    reason: str = ""


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


def judge_segment(seg: Segment) -> Verdict:
    """Whether a recognised segment is speech that was heard, with the reason when not."""
    if seg.no_speech_prob > NO_SPEECH_PROB and seg.avg_logprob < NO_SPEECH_LOGPROB:
        return Verdict(False, "no speech")
    if seg.avg_logprob < MIN_AVG_LOGPROB:
        return Verdict(False, "not heard")
    if seg.compression_ratio > MAX_COMPRESSION_RATIO:
        return Verdict(False, "looped")
    if seg.avg_logprob < NO_SPEECH_LOGPROB and getattr(seg, "temperature", 0.0) > GUESS_TEMPERATURE:
        return Verdict(False, "guessed")
    key = _key(seg.text)
    if not key:
        return Verdict(False, "empty")
    if key in STOCK_LINES and (seg.no_speech_prob > 0.2 or seg.avg_logprob < -0.5):
        return Verdict(False, "stock line")
    return Verdict(True)


def repeated_runs(keys: Sequence[str], *, min_repeats: int = 3, max_n: int = 6) -> list[bool]:
    """Mark the copies in a loop: where a unit (n = 1) or a phrase of up to ``max_n`` units
    comes back ``min_repeats`` or more times in a row (two more for a single unit, so that
    "哈哈哈" and "谢谢谢谢" stay), every copy after the first is marked. A chant said three times ("加油，加油，
    加油") loses two copies: a missing word is the lesser harm than Whisper's loops, which on
    espeak-ng Mandarin came as often three times as more ("只要祇宏,只要祇宏,只要祇宏"). Empty keys (punctuation) between
    copies are ignored and marked with the run."""
    idx = [i for i, k in enumerate(keys) if k]
    seq = [keys[i] for i in idx]
    drop = [False] * len(keys)
    pos = 0
    while pos < len(seq):
        best_n, best_reps = 0, 1
        for n in range(1, max_n + 1):
            reps = 1
            while seq[pos + reps * n: pos + (reps + 1) * n] == seq[pos: pos + n] and pos + (reps + 1) * n <= len(seq):
                reps += 1
            need = min_repeats + (2 if n == 1 else 0)
            if reps >= need and reps * n > best_reps * max(best_n, 1):
                best_n, best_reps = n, reps
        if best_n:
            first_copy_end = pos + best_n
            run_end = pos + best_n * best_reps
            for j in range(first_copy_end, run_end):
                drop[idx[j]] = True
            for j in range(idx[first_copy_end - 1] + 1, idx[run_end - 1] + 1):  # punctuation inside
                drop[j] = True
            pos = run_end
        else:
            pos += 1
    return drop


def unit_keys(texts: Sequence[str]) -> list[str]:
    """Comparison keys of recognised words: alphanumerics only (punctuation gives ``""``)."""
    return [_key(t) for t in texts]


def silent(active: Sequence[bool], start_ms: int, end_ms: int, hop_ms: int, margin_ms: int = 100) -> bool:
    """Whether the frames of ``start_ms``-``end_ms`` (widened by ``margin_ms``) hold no sound."""
    if not active:
        return False
    i0 = max(0, (start_ms - margin_ms) // hop_ms)
    i1 = min(len(active), (end_ms + margin_ms) // hop_ms + 1)
    return i1 > i0 and not any(active[i0:i1])
