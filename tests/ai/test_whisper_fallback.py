"""The temperature ladder reports the temperature of the text it returns (reelforge.ai.whisper_fallback)."""

from types import SimpleNamespace

from reelforge.ai.speech_guard import judge_segment
from reelforge.ai.whisper_fallback import choose

LIMITS = dict(compression_ratio_threshold=2.4, log_prob_threshold=-1.0, no_speech_threshold=0.6)


def _ladder(outcomes):
    """decode(temperature) returning the given (text, avg_logprob, ratio, no_speech) per temperature."""
    tried = []

    def decode(t):
        text, lp, ratio, ns = outcomes[t]
        tried.append(t)
        return SimpleNamespace(text=text, no_speech_prob=ns), lp, 1.0, ratio

    return decode, tried


def test_first_passing_temperature_is_kept():
    decode, tried = _ladder({0.0: ("a", -1.3, 1.0, 0.0), 0.2: ("b", -0.8, 1.1, 0.0), 0.4: ("c", -0.1, 1.0, 0.0)})
    result, lp, t, _ = choose(decode, (0.0, 0.2, 0.4), **LIMITS)
    assert (result.text, lp, t, tried) == ("b", -0.8, 0.2, [0.0, 0.2])


def test_all_failing_keeps_the_best_with_its_own_temperature():
    # faster-whisper 1.2 labels this with the last temperature (0.4): the guard then took the
    # beam search's text for a hot guess and dropped it
    decode, tried = _ladder({0.0: ("beam", -1.2, 1.0, 0.0), 0.2: ("s1", -1.6, 1.0, 0.0), 0.4: ("s2", -1.4, 1.0, 0.0)})
    result, lp, t, ratio = choose(decode, (0.0, 0.2, 0.4), **LIMITS)
    assert (result.text, lp, t) == ("beam", -1.2, 0.0) and tried == [0.0, 0.2, 0.4]
    seg = SimpleNamespace(text=result.text, avg_logprob=lp, no_speech_prob=0.0, compression_ratio=ratio, temperature=t)
    assert judge_segment(seg).keep
    hot = SimpleNamespace(text="make sure", avg_logprob=-1.2, no_speech_prob=0.0, compression_ratio=1.0, temperature=1.0)
    assert judge_segment(hot).reason == "guessed"


def test_repetitive_attempts_lose_to_calm_ones_even_when_more_probable():
    decode, _ = _ladder({0.0: ("loop", -0.2, 3.5, 0.0), 0.2: ("calm", -1.3, 1.2, 0.0)})
    result, _, t, _ = choose(decode, (0.0, 0.2), **LIMITS)
    assert (result.text, t) == ("calm", 0.2)
    decode, _ = _ladder({0.0: ("loop", -0.2, 3.5, 0.0), 0.2: ("loop2", -0.9, 2.9, 0.0)})
    assert choose(decode, (0.0, 0.2), **LIMITS)[0].text == "loop"  # all repetitive: the most probable


def test_silence_stops_the_ladder():
    decode, tried = _ladder({0.0: ("", -1.8, 0.0, 0.9), 0.2: ("x", -0.5, 1.0, 0.0)})
    assert choose(decode, (0.0, 0.2), **LIMITS)[2] == 0.0 and tried == [0.0]
