"""Filters that keep a transcript to what is in the audio (pure: no model needed)."""

from dataclasses import dataclass

from reelforge.ai.captions import Word, drop_loops
from reelforge.ai.speech_guard import judge_segment, repeated_runs, silent


@dataclass
class Seg:
    text: str
    avg_logprob: float = -0.3
    no_speech_prob: float = 0.05
    compression_ratio: float = 1.2


def _texts(words):
    return "".join(w.text for w in words)


def test_loops_lose_their_copies_and_keep_the_first():
    looped = [Word(i * 100, i * 100 + 90, t) for i, t in enumerate(["他", "每天", "寂寂", "寂寂", "寂寂", "寂寂", "寂寂"])]
    assert _texts(drop_loops(looped)) == "他每天寂"
    phrase = [Word(i * 100, i * 100 + 90, t) for i, t in enumerate(["祥祥,"] * 5)]
    assert _texts(drop_loops(phrase)) == "祥,"  # one character ten times: one stays
    english = [Word(i * 100, i * 100 + 90, t) for i, t in enumerate("thank you thank you thank you thank you".split())]
    assert _texts(drop_loops(english)) == "thankyou"


def test_speech_that_repeats_a_little_is_kept():
    for text in ("加油，加油！", "哈哈哈，太好了", "天天开心，看看这个", "谢谢谢谢大家", "走走走"):
        words = [Word(i * 100, i * 100 + 90, ch) for i, ch in enumerate(text)]
        assert _texts(drop_loops(words)) == text
    assert repeated_runs(["no", "no", "no", "really"]) == [False] * 4
    assert repeated_runs(["只要", "祇宏", "只要", "祇宏", "只要", "祇宏"]) == [False] * 2 + [True] * 4
    assert repeated_runs(list("新鹏鹏鹏鹏鹏")) == [False, False, True, True, True, True]


def test_segments_not_heard_as_speech_are_dropped():
    assert judge_segment(Seg("欢迎光临")).keep
    assert not judge_segment(Seg("Thank you.", avg_logprob=-0.9, no_speech_prob=0.7)).keep  # Whisper's rule
    assert not judge_segment(Seg("请不吝点赞 订阅 转发 打赏支持明镜与点点栏目", no_speech_prob=0.3)).keep
    assert judge_segment(Seg("Thank you.", avg_logprob=-0.2, no_speech_prob=0.01)).keep  # said clearly
    assert not judge_segment(Seg("口口口", avg_logprob=-2.0)).keep
    assert not judge_segment(Seg(" ... ")).keep
    # only produced by sampling hot (temperature fallback) and still improbable: a guess
    guess = Seg(" make sure to be aware of your heart", avg_logprob=-1.2)
    guess.temperature = 1.0
    assert not judge_segment(guess).keep
    guess.temperature = 0.0
    assert judge_segment(guess).keep
    # every temperature looped (compression ratio over faster-whisper's 2.4): hiss gave "我偷偷看你…"
    assert judge_segment(Seg("我偷偷看你", avg_logprob=-0.2, no_speech_prob=0.87, compression_ratio=12.5)).reason == "looped"
    assert judge_segment(Seg("欢迎光临，欢迎光临", compression_ratio=2.3)).keep


def test_silent_spans():
    active = [False] * 50 + [True] * 20 + [False] * 200  # 10 ms frames: sound at 0.5-0.7 s
    assert silent(active, 1500, 1900, 10)
    assert not silent(active, 700, 900, 10)  # within the margin of the sound
    assert not silent([], 0, 1000, 10)  # unknown: keep
