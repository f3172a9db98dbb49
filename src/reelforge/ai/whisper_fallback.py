"""faster-whisper's temperature fallback, reporting the temperature of the text it returns.

When every temperature of the ladder fails its checks (too repetitive, or too improbable),
faster-whisper 1.2 keeps the attempt with the best average log-probability, often the
beam search at 0.0, but labels the segment with the *last* temperature tried (1.0). The
speech guard reads that label to drop text only produced by sampling hot ("guessed"), so the
mislabel dropped half-right beam-search text: on the Mandarin bench's tuning set the CER went
from 0.667 to 0.568 once each segment carried the temperature of its own text.

`choose` is the ladder itself (pure: the decoding is passed in); `TrueTemperatureMixin` plugs
it into ``WhisperModel.generate_with_fallback``, deciding one temperature at a time through
faster-whisper's own method so that everything else (prompt, options, scores) stays theirs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

# (generation result, average log-probability, temperature, compression ratio), as faster-whisper
Attempt = tuple[Any, float, float, float]


def choose(decode: Callable[[float], Attempt], temperatures: Sequence[float], *,
           compression_ratio_threshold: float | None, log_prob_threshold: float | None,
           no_speech_threshold: float | None) -> Attempt:
    """Decode at each temperature until one passes faster-whisper's checks; when none does,
    the attempt with the best average log-probability among those not too repetitive (else
    among all). The returned attempt carries its own temperature."""
    attempts: list[Attempt] = []
    for temperature in temperatures:
        result, avg_logprob, _, ratio = decode(temperature)
        attempt = (result, avg_logprob, temperature, ratio)
        attempts.append(attempt)
        fallback = compression_ratio_threshold is not None and ratio > compression_ratio_threshold
        if log_prob_threshold is not None and avg_logprob < log_prob_threshold:
            fallback = True
            if no_speech_threshold is not None and result.no_speech_prob > no_speech_threshold:
                fallback = False  # silence: faster-whisper skips it later, no need to sample
        if not fallback:
            return attempt
    calm = [a for a in attempts if compression_ratio_threshold is None or a[3] <= compression_ratio_threshold]
    return max(calm or attempts, key=lambda a: a[1])


class TrueTemperatureMixin:
    """Mixed into ``faster_whisper.WhisperModel``: segments report the temperature of their text."""

    def generate_with_fallback(self, encoder_output, prompt, tokenizer, options):  # noqa: ANN001
        one = super().generate_with_fallback  # type: ignore[misc]

        def decode(temperature: float) -> Attempt:
            return one(encoder_output, prompt, tokenizer, dataclasses.replace(options, temperatures=[temperature]))

        return choose(decode, options.temperatures,
                      compression_ratio_threshold=options.compression_ratio_threshold,
                      log_prob_threshold=options.log_prob_threshold,
                      no_speech_threshold=options.no_speech_threshold)
