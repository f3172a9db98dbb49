"""Mandarin captions benchmark: character error rate (CER) of Whisper on the product's Mandarin voice.

Each sentence of bench/data/zh_sentences.json is spoken by `reelforge.ai.tts.synthesize`
(espeak-ng, the voice `reelforge say` uses in Chinese) and read back by
`reelforge.ai.captions.transcribe(path, "zh")` (Whisper base, the product's decoding and its
guards against invented text); the CER (`speech_score.word_error_rate`: per character,
punctuation dropped, Arabic numerals read as characters) is averaged over the ``known`` set
(the sentences the tests used before, tuned on), the ``tune`` set (written to choose decoding
settings on) and the ``held_out`` set (written before any setting was tried on it: the figure
to report). Also reported: how many transcripts hold a
loop (a phrase 4+ times in a row) or the old steering prompt ("以下是普通话").

    python bench/mandarin.py [--json] [--verbose] [--voice cmn-latn-pinyin+f2] [--wpm 140]

``--voice``/``--wpm`` try another espeak-ng voice or speed without editing tts.py.
Takes ~4-10 min on 2 cores (about 200 s of speech).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "zh_sentences.json"
LOOP = re.compile(r"(.{1,6}?)(?:[,，、 ]*\1){3,}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="print every sentence and what was heard")
    ap.add_argument("--voice", help="espeak-ng voice for Mandarin (default: the product's)")
    ap.add_argument("--wpm", type=int, help="espeak-ng words a minute at speed 1.0 (default: the product's)")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from reelforge.ai import captions, tts

    if args.voice:
        tts._ESPEAK_VOICE["zh"] = args.voice
    if args.wpm:
        tts._ESPEAK_WPM["zh"] = args.wpm
    data = json.loads(DATA.read_text(encoding="utf-8"))
    captions.load_model()
    results: dict = {"voice": tts._ESPEAK_VOICE["zh"], "wpm": tts._ESPEAK_WPM["zh"], "decode": captions.DECODE}
    started = time.perf_counter()
    speech_s = 0.0
    with tempfile.TemporaryDirectory(prefix="reelforge-bench-zh-") as d:
        for part in ("known", "tune", "held_out"):
            rates, loops, prompt = [], 0, 0
            for k, line in enumerate(data[part]):
                wav = Path(d) / f"{part}{k}.wav"
                speech_s += tts.synthesize(line, wav, "zh").duration_ms / 1000
                heard = captions.transcribe(wav, "zh").text
                rate = captions.word_error_rate(line, heard)
                rates.append(rate)
                loops += bool(LOOP.search(heard))
                prompt += "以下是" in heard or "普通话" in heard
                if args.verbose:
                    print(f"{rate:5.2f}  {line}  ->  {heard}", file=sys.stderr)
            results[part] = {"sentences": len(rates), "cer": round(sum(rates) / len(rates), 3),
                             "worst": round(max(rates), 3), "loops": loops, "prompt_echoes": prompt}
    results["speech_s"] = round(speech_s, 1)
    results["compute_s"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        for key, value in results.items():
            print(f"{key:>10}: {value}")


if __name__ == "__main__":
    main()
