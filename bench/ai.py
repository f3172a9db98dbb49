"""AI features benchmark: timings of each step on this machine (all offline, models from wheels).

Steps (inputs are generated, nothing is downloaded):

* ``tts``: Piper English voice, the reference voiceover script (~30 s of speech);
  reported as seconds of compute per second of speech (first call includes the voice load).
* ``captions``: faster-whisper base int8 on CPU over that voiceover; realtime factor =
  compute seconds / audio seconds (target <= 1.0 on 2 cores), model load timed apart; WER
  against the script.
* ``reframe``: `subject_box` + `crop_for` per picture, 1920x1080 and 4000x3000 JPEGs.
* ``beats``: `detect_beats` on a 60 s drum loop at 128 BPM.
* ``beats-sweep``: tempo and beat accuracy on kick-and-hi-hat loops, one a BPM from 70 to 180
  (a random fraction added), random phase, clean and over a drone with noise (222 loops of
  20 s): tempo within 1 % / exactly double or half / other, and the share of detected beats
  within 30 ms of a kick (worst loop and mean).
* ``highlights``: `best_window` over a 30 s 640x360 clip at 30 fps.
* ``session``: the wired features end to end through `Session.handle` (first cut with smart
  crop, voiceover request, captions request, beat sync, undo).

    python bench/ai.py [--json] [--skip tts,captions]

Thread count for the models: ``REELFORGE_AI_THREADS`` (default: min(4, cores)).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.ai helpers (signal and clip generators)

SCRIPT = (
    "Meet the new Aurora running shoe. It is lighter than anything we have made before, "
    "with a foam sole that gives back energy on every stride. The upper is knitted from "
    "recycled yarn, so it breathes on long summer runs and still holds your foot in the turns. "
    "Runners who tested it said their legs felt fresher after ten kilometres. "
    "Order today on our website and get free shipping and thirty days to return."
)


def _t(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def bench_tts(tmp: Path, results: dict) -> Path | None:
    from reelforge.ai import tts

    _, load = _t(tts._piper_voice)
    info, dt = _t(tts.synthesize, SCRIPT, tmp / "vo.wav", "en")
    results["tts"] = {"voice_load_s": round(load, 2), "speech_s": round(info.duration_ms / 1000, 2),
                      "compute_s": round(dt, 2),
                      "compute_per_speech_s": round(dt / (info.duration_ms / 1000), 3)}
    return tmp / "vo.wav"


def bench_captions(vo: Path, results: dict) -> None:
    from reelforge.ai import captions

    _, assemble = _t(captions.ensure_model)
    _, load = _t(captions.load_model)
    tr, dt = _t(captions.transcribe, vo, "en")
    _, dt_detect = _t(captions.transcribe, vo)
    audio_s = tr.duration_ms / 1000
    lines = captions.caption_lines(tr)
    results["captions"] = {
        "assemble_s": round(assemble, 2), "model_load_s": round(load, 2), "audio_s": round(audio_s, 2),
        "compute_s": round(dt, 2), "realtime_factor": round(dt / audio_s, 3),
        "realtime_factor_detect_language": round(dt_detect / audio_s, 3),
        "wer": round(captions.word_error_rate(SCRIPT, tr.text), 3), "cues": len(lines),
        "threads": int(os.environ.get("REELFORGE_AI_THREADS", "0")) or min(4, os.cpu_count() or 1),
    }


def bench_reframe(tmp: Path, results: dict) -> None:
    from PIL import Image

    from reelforge.ai.reframe import crop_for, subject_box
    from tests.ai._images import make_set

    cases = make_set(tmp)
    subject_box(cases[0].path)  # warm up (cascade load)
    out = {}
    for label, (w, h) in {"1920x1080": (1920, 1080), "4000x3000": (4000, 3000)}.items():
        src = Image.open(cases[4].path).resize((w, h))
        path = tmp / f"photo_{label}.jpg"
        src.save(path, quality=90)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            box = subject_box(path)
            crop_for(w, h, 1080, 1920, box)
            times.append(time.perf_counter() - t0)
        out[label] = {"ms_per_image": round(1000 * float(np.median(times)), 1), "found": box.source}
    kept = 0
    for c in cases:
        from reelforge.ai.reframe import Box

        kept += Box(*c.subject).visible_fraction(crop_for(*c.size, *c.out, subject_box(c.path))) >= 0.95
    out["test_set_kept"] = f"{kept}/{len(cases)}"
    results["reframe"] = out


def bench_beats(tmp: Path, results: dict) -> None:
    from reelforge.ai.beats import detect_beats
    from tests.ai._signals import drum_loop, write_wav

    audio, _ = drum_loop(128, seconds=60)
    path = write_wav(tmp / "loop.wav", audio, 22050)
    info, dt = _t(detect_beats, path)
    results["beats"] = {"audio_s": 60, "compute_s": round(dt, 3), "bpm": info.bpm, "beats": len(info.beat_times_ms)}


def bench_beats_sweep(results: dict) -> None:
    from reelforge.ai.beats import analyse
    from tests.ai._signals import kick_hat_loop

    rng = np.random.default_rng(99)
    kinds = {"within_1pct": 0, "double": 0, "half": 0, "other": 0}
    on_beat, started = [], time.perf_counter()
    for bpm in np.arange(70, 181) + rng.uniform(0, 1, 111):
        for noisy in (False, True):
            audio, kicks = kick_hat_loop(float(bpm), float(rng.uniform(0, 60 / bpm)), int(rng.integers(1 << 30)),
                                         noisy=noisy)
            info = analyse(audio, 22050)
            r = info.bpm / bpm
            kind = ("within_1pct" if abs(r - 1) <= 0.01 else "double" if abs(r - 2) <= 0.02
                    else "half" if abs(r - 0.5) <= 0.005 else "other")
            kinds[kind] += 1
            found = np.asarray(info.beat_times_ms, float) / 1000
            near = np.min(np.abs(found[:, None] - kicks[None, :]), axis=1) <= 0.030 if found.size else np.zeros(1)
            on_beat.append(float(np.mean(near)))
    results["beats-sweep"] = {"loops": len(on_beat), **kinds, "worst_on_beat": round(min(on_beat), 3),
                              "mean_on_beat": round(float(np.mean(on_beat)), 4),
                              "s_per_loop": round((time.perf_counter() - started) / len(on_beat), 2)}


def bench_highlights(tmp: Path, results: dict) -> None:
    from reelforge.ai.highlights import best_window, trim_silence
    from tests.ai._clips import write_clip

    clip = write_clip(tmp / "clip.mp4", 30, moving=(20.0, 24.0), fps=30, size=(640, 360))
    (in_ms, score), dt = _t(best_window, clip, 5)
    _, dt_trim = _t(trim_silence, clip)
    results["highlights"] = {"clip_s": 30, "compute_s": round(dt, 3), "in_ms": in_ms, "score": score,
                             "trim_silence_s": round(dt_trim, 3)}


def bench_session(tmp: Path, results: dict) -> None:
    """The wired features end to end through `Session.handle` (model + planning + apply), on
    tiny inputs: first cut with smart crop of 4 off-centre photos to 9:16, "add a voiceover
    saying …" (TTS + ingest + refit), "add captions" (Whisper on that voice), "cut to the beat"
    (120 BPM click track), undo (no model runs)."""
    from reelforge.session import Session
    from reelforge.timeline import Role
    from tests.ai._images import make_set
    from tests.ai._signals import click_track, write_wav

    (tmp / "shots").mkdir()
    shots = [c.path for c in make_set(tmp / "shots")[:4]]
    audio, _ = click_track(120, seconds=20.0, sr=22050)
    music = write_wav(tmp / "click.wav", audio, 22050)
    s = Session.new()
    s.add_assets([*shots, music], workdir=tmp / "media")
    _, dt = _t(s.handle, "a vertical video for TikTok with background music")
    out: dict = {"first_cut_smart_crop_s": round(dt, 2),
                 "shots_reframed": sum(1 for x in s.timeline.track(Role.MAIN).segments if x.focus is not None)}
    r, dt = _t(s.handle, 'add a voiceover saying "Fresh coffee every morning, delivered to your door."')
    out["voiceover_s"] = round(dt, 2) if r.status == "ok" else r.status
    r, dt = _t(s.handle, "add captions")
    out["captions_s"] = round(dt, 2) if r.status == "ok" else r.status
    cap = s.timeline.track(Role.CAPTION)
    out["caption_lines"] = len(cap.segments) if cap else 0
    r, dt = _t(s.handle, "cut to the beat")
    out["beat_sync_s"] = round(dt, 2) if r.status == "ok" else r.status
    _, dt = _t(s.handle, "undo")
    out["undo_ms"] = round(dt * 1000, 2)
    results["session"] = out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--skip", default="", help="comma-separated steps to skip")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    results: dict = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="reelforge-bench-ai-") as d:
        tmp = Path(d)
        vo = None
        if "tts" not in skip:
            vo = bench_tts(tmp, results)
        if "captions" not in skip and vo is not None:
            bench_captions(vo, results)
        if "reframe" not in skip:
            bench_reframe(tmp, results)
        if "beats" not in skip:
            bench_beats(tmp, results)
        if "beats-sweep" not in skip:
            bench_beats_sweep(results)
        if "highlights" not in skip:
            bench_highlights(tmp, results)
        if "session" not in skip:
            bench_session(tmp, results)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for step, values in results.items():
        if isinstance(values, dict):
            print(f"{step:11s} " + "  ".join(f"{k}={v}" for k, v in values.items()))
        else:
            print(f"{step:11s} {values}")


if __name__ == "__main__":
    main()
