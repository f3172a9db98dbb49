"""The main job as the user waits: `reelforge make` from the files to the finished MP4,
against a plain x264 encode of the same frames, in one run (issue 13 item 5).

Reference job: five noisy 1080p photos made from the sample photos scikit-image and
scikit-learn ship (upscaled to 1920x1080 with Lanczos, Gaussian noise sigma 6, JPEG q92: real
texture for x264, unlike clean drawings), a spoken voiceover (espeak-ng, or Piper with
``--voice piper``), music at ``--bpm``; the instruction asks for a 30 s video with a title,
captions and a call to action. Everything `make` does is inside the timed span: probing,
subject detection, planning, text drawing, loudness, the render, the join. The chunk cache
starts empty (``REELFORGE_CACHE`` is a fresh folder).

Baselines, both with the product's standard preset and crf and 48 kHz AAC of silence:
* ``same frames``: the job's own video frames, decoded beforehand to raw yuv420p (untimed),
  encoded by one plain ffmpeg (x264 only: what the frames cost to encode);
* ``testsrc2``: 900 frames of ffmpeg's test pattern (the baseline of ``bench/render.py``).

    python bench/make.py [--runs 1] [--voice espeak|piper] [--bpm 100] [--stages] [--json]
                         [--against REV]

``--against REV`` also times the `make` of an earlier commit (its ``src`` from ``git archive``)
in every run, the two alternating (which goes first swaps each run): on a shared machine, a
change is judged by the two ratios of the same runs, not by runs made at different times.

Both source trees are byte-compiled before the runs, as an install leaves them (pip writes the
``.pyc`` files at install, Python on first import): where ``PYTHONDONTWRITEBYTECODE`` is set, as
on our CI machines, every `make` would otherwise compile all of its modules again (~0.5 s CPU).

``--stages`` also times each stage of the same job in-process (probe + subject analysis,
planning, chunk compile, chunk renders, audio, join, checks); a separate run, not in the ratio.
Target: make / same-frames encode <= 1.2.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
W, H, FPS, SECONDS, RATE = 1920, 1080, 30, 30, 48000
PROMPT = ('make a 30 second promo called "Urban Dreams" with captions, music and the voiceover; '
          'end with "Shop now at example.com"')
LINES = ("Urban Dreams. A city that never sleeps, and a bag that keeps up with it. "
         "Made from recycled sailcloth, stitched by hand, and tested on ten thousand commutes. "
         "It carries your laptop, your lunch and your plans for the evening. "
         "Light enough for every day, tough enough for every year. Shop now at example dot com.")


def _photos(d: Path) -> list[Path]:
    """Five 1920x1080 photos with real texture and sensor-like noise."""
    from PIL import Image
    from skimage import data
    from sklearn.datasets import load_sample_images

    china, flower = load_sample_images().images
    pics = {"astronaut": data.astronaut(), "coffee": data.coffee(), "rocket": data.rocket(),
            "china": china, "flower": flower}
    rng = np.random.default_rng(13)
    out = []
    for name, arr in pics.items():
        p = d / f"{name}.jpg"
        out.append(p)
        if p.exists():
            continue
        im = Image.fromarray(np.asarray(arr)[..., :3])
        k = max(W / im.width, H / im.height)
        im = im.resize((round(im.width * k), round(im.height * k)), Image.LANCZOS)
        x, y = (im.width - W) // 2, (im.height - H) // 2
        a = np.asarray(im.crop((x, y, x + W, y + H))).astype(np.float32)
        a += rng.normal(0, 6, a.shape[:2] + (1,)) + rng.normal(0, 2, a.shape)
        Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).save(p, quality=92)
    return out


def _voice(d: Path, kind: str) -> Path:
    p = d / f"voice_{kind}.wav"
    if p.exists():
        return p
    if kind == "piper":
        from piper import PiperVoice  # type: ignore[import-not-found]

        # the voice's model has its config beside it (onnxruntime ships test .onnx files too)
        model = next(m for m in Path(sys.prefix).rglob("*.onnx") if Path(f"{m}.json").exists())
        voice = PiperVoice.load(str(model))
        with wave.open(str(p), "wb") as f:
            voice.synthesize_wav(LINES, f)
    else:
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "-w", str(p), LINES], check=True)
    return p


def _music(d: Path, bpm: float) -> Path:
    from reelforge.media.samples import _encode_audio
    from reelforge.media.samples import _music as music

    p = d / f"music_{bpm:g}.m4a"
    if not p.exists():
        _encode_audio(music(32.0, bpm=bpm), p)
    return p


def _ffmpeg() -> str:
    from reelforge.media.ffmpeg import ffmpeg_exe

    return ffmpeg_exe()


def _timed(argv: list[str], env: dict | None = None) -> dict:
    """Run argv in a fresh process; wall time and the CPU of it and its children."""
    child = [sys.executable, __file__, "--exec", json.dumps(argv)]
    res = subprocess.run(child, capture_output=True, text=True, env=env, check=False)
    if res.returncode != 0:
        raise SystemExit(f"{argv[:3]} failed:\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def _exec(argv: list[str]) -> None:
    t0 = time.perf_counter()
    res = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    wall = time.perf_counter() - t0
    if res.returncode != 0:
        print(res.stderr[-3000:], file=sys.stderr)
        raise SystemExit(res.returncode)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": wall, "cpu_seconds": kids.ru_utime + kids.ru_stime,
                      "peak_mb": kids.ru_maxrss / 1024}))


def _encode(inputs: list[str], out: Path) -> list[str]:
    from reelforge.render.compile import QUALITIES

    q = QUALITIES["standard"]
    return [_ffmpeg(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error", *inputs,
            "-f", "lavfi", "-i", f"anullsrc=r={RATE}:cl=stereo", "-frames:v", str(FPS * SECONDS),
            "-t", str(SECONDS), "-c:v", "libx264", "-preset", q.preset, "-crf", str(q.crf),
            "-pix_fmt", "yuv420p", "-r", str(FPS), "-c:a", "aac", "-ar", str(RATE), "-b:a", "192k",
            "-movflags", "+faststart", str(out)]


def _archive(rev: str, dest: Path) -> Path:
    """The ``src`` folder of commit ``rev`` of this checkout, written under ``dest``."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=tar, check=True)
    return dest / "src"


def _make_argv(files: list[Path], out: Path) -> list[str]:
    return [sys.executable, "-m", "reelforge", "make", *map(str, files), "-p", PROMPT, "-o", str(out)]


def stages(files: list[Path], work: Path) -> dict[str, tuple[float, float]]:
    """The same job stage by stage, in this process: (wall, cpu) seconds per stage, cpu counting
    this process and the ffmpeg processes the stage ran."""
    from reelforge import api
    from reelforge.render.cache import ChunkCache
    from reelforge.render.chunked import assemble, prepare, render_audio, render_chunk

    shutil.rmtree(work / "cache-stages", ignore_errors=True)
    os.environ["REELFORGE_CACHE"] = str(work / "cache-stages")
    t: dict[str, tuple[float, float]] = {}

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    class stage:
        def __init__(self, name: str) -> None:
            self.name = name

        def __enter__(self) -> None:
            self.t0, self.c0 = time.perf_counter(), cpu()

        def __exit__(self, *exc: object) -> None:
            t[self.name] = (time.perf_counter() - self.t0, cpu() - self.c0)

    with stage("probe"):
        session = api.new_project(files).session
    with stage("plan (subject analysis, layout)"):
        session.handle(PROMPT)
    tl = session.timeline
    store = ChunkCache(work / "cache-stages" / "chunks")
    wd = work / "stages"
    wd.mkdir(exist_ok=True)
    with stage("compile chunks"):
        tasks = prepare(tl, quality="standard", workdir=wd)
    with stage("audio (loudness measure + mix)"):
        render_audio(tl, store, wd / "audio")
    with stage(f"video chunks, one at a time ({len(tasks)})"):
        for task in tasks:
            render_chunk(task, store)
    with stage("join + verify"):
        assemble(tl, store, tasks, wd / "out.mp4", workdir=wd)
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--voice", default="espeak", choices=("espeak", "piper"))
    ap.add_argument("--bpm", type=float, default=100.0)
    ap.add_argument("--stages", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", help="folder to keep the sources and outputs in")
    ap.add_argument("--against", metavar="REV", help="also time the make of this commit, alternating")
    ap.add_argument("--exec", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.exec:
        _exec(json.loads(args.exec))
        return
    sys.path.insert(0, str(ROOT / "src"))
    with tempfile.TemporaryDirectory(prefix="reelforge-make-bench-") as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        files = [*_photos(work), _voice(work, args.voice), _music(work, args.bpm)]
        trees = {"make": ROOT / "src"}
        if args.against:
            trees["against"] = _archive(args.against, work / "against")
        for src in trees.values():  # as installed: modules compiled once, not on every run
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True,
                           stdout=subprocess.DEVNULL)
        res: dict[str, list[dict]] = {**{k: [] for k in trees}, "same_frames": [], "testsrc2": []}
        for i in range(args.runs):
            out = work / f"make{i}.mp4"
            for name, src in (trees.items() if i % 2 == 0 else reversed(trees.items())):
                shutil.rmtree(work / "cache", ignore_errors=True)  # an empty chunk cache: nothing reused
                env = {**os.environ, "REELFORGE_CACHE": str(work / "cache"),
                       "PYTHONPATH": str(src) + os.pathsep + os.environ.get("PYTHONPATH", "")}
                res[name].append(_timed(_make_argv(files, out if name == "make" else work / "against.mp4"), env))
            raw = work / "frames.yuv"
            subprocess.run([_ffmpeg(), "-v", "error", "-y", "-i", str(out), "-f", "rawvideo",
                            "-pix_fmt", "yuv420p", str(raw)], check=True)
            res["same_frames"].append(_timed(_encode(
                ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{W}x{H}", "-framerate", str(FPS),
                 "-i", str(raw)], work / "plain_same.mp4")))
            raw.unlink()
            res["testsrc2"].append(_timed(_encode(["-f", "lavfi", "-i", f"testsrc2=s={W}x{H}:r={FPS}"],
                                                  work / "plain_testsrc2.mp4")))
            for k, v in res.items():
                print(f"run {i + 1}/{args.runs} {k:>11}: {v[-1]['seconds']:6.2f} s wall, "
                      f"{v[-1]['cpu_seconds']:6.2f} s cpu, peak {v[-1]['peak_mb']:.0f} MB", file=sys.stderr)

        def med(k: str, key: str = "seconds") -> float:
            return statistics.median(r[key] for r in res[k])

        summary = {
            "runs": args.runs, "voice": args.voice, "bpm": args.bpm,
            "make_s": round(med("make"), 2), "same_frames_encode_s": round(med("same_frames"), 2),
            "testsrc2_encode_s": round(med("testsrc2"), 2),
            "ratio_make_to_same_frames": round(med("make") / med("same_frames"), 3),
            "ratio_make_to_testsrc2": round(med("make") / med("testsrc2"), 3),
            "cpu_s": {k: round(med(k, "cpu_seconds"), 2) for k in res},
            "cpu_ratio_make_to_same_frames": round(med("make", "cpu_seconds") / med("same_frames", "cpu_seconds"), 3),
            "peak_mb_make": round(max(r["peak_mb"] for r in res["make"])),
        }
        if args.against:
            summary["against"] = {
                "rev": args.against, "make_s": round(med("against"), 2),
                "ratio_to_same_frames": round(med("against") / med("same_frames"), 3),
                "cpu_ratio_to_same_frames": round(med("against", "cpu_seconds") / med("same_frames", "cpu_seconds"), 3)}
        if args.stages:
            summary["stages_s"] = {k: [round(w, 2), round(c, 2)] for k, (w, c) in stages(files, work).items()}
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"reelforge make, end to end:        {summary['make_s']:6.2f} s (cpu {summary['cpu_s']['make']:.1f} s)")
    print(f"plain encode of the same frames:   {summary['same_frames_encode_s']:6.2f} s "
          f"(cpu {summary['cpu_s']['same_frames']:.1f} s)")
    print(f"plain encode of testsrc2:          {summary['testsrc2_encode_s']:6.2f} s")
    print(f"make / same-frames encode: {summary['ratio_make_to_same_frames']:.2f} (target <= 1.2; "
          f"cpu {summary['cpu_ratio_make_to_same_frames']:.2f}), make / testsrc2: "
          f"{summary['ratio_make_to_testsrc2']:.2f}; peak {summary['peak_mb_make']} MB (largest process)")
    if "against" in summary:
        a = summary["against"]
        print(f"make of {a['rev']} in the same runs: {a['make_s']:6.2f} s, / same-frames encode "
              f"{a['ratio_to_same_frames']:.2f} (cpu {a['cpu_ratio_to_same_frames']:.2f})")
    for k, (w, c) in summary.get("stages_s", {}).items():
        print(f"  stage {k:40} {w:6.2f} s wall {c:6.2f} s cpu")


if __name__ == "__main__":
    main()
