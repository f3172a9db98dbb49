"""Renderer benchmark: the reference job against a plain encode of the same size.

Reference job: five stills with slow zoom and 0.5 s crossfades, a ~30 s voiceover at full
volume, music at 35 % ducked under it, three text overlays (title 0-3 s, caption mid-way,
CTA for the last 4 s), 1920x1080, 30 fps, 30 s. Run once with 1920x1080 photos and once
with 4000x3000 photos.

Baselines, both with the same encoder settings and no filters:
* ``plain``: ffmpeg encoding 900 frames of ``testsrc2`` (1920x1080, 30 fps) plus silent audio;
* ``raw``: ffmpeg encoding the job's own 900 frames, pre-decoded to a raw yuv420p file
  (same pictures, so it isolates what the graph costs over encoding itself; x264 spends
  noticeably more on zooming photos than on testsrc2).

Each measurement runs in a fresh Python process so the peak memory (``ru_maxrss`` of its
children, i.e. ffmpeg) belongs to that run alone. Prints the median of ``--runs`` runs.

    python bench/render.py [--runs 3] [--quality standard] [--json]

Targets: job/plain <= 1.5, ffmpeg peak <= 600 MB, 4000x3000 job <= 1.2 x the 1080p job.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

RATE = 48000
W, H, FPS, SECONDS = 1920, 1080, 30, 30


def _photo(path: Path, w: int, h: int, seed: int) -> None:
    """A photo-like picture: smooth colour fields, shapes, fine texture and sensor noise."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (6, 8, 3), dtype=np.uint8)
    img = Image.fromarray(small).resize((w, h), Image.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        r = int(rng.integers(w // 40, w // 8))
        color = tuple(int(c) for c in rng.integers(0, 255, 3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=color)
    img = img.filter(ImageFilter.GaussianBlur(w / 400))
    arr = np.asarray(img).astype(np.int16)
    # mild sensor-like grain (a downscaled phone photo has little per-pixel noise)
    arr += rng.integers(-4, 5, arr.shape[:2] + (1,), dtype=np.int16)
    Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).save(path, quality=90)


def _wav(path: Path, samples: np.ndarray) -> None:
    data = samples if samples.ndim == 2 else samples[:, None]
    pcm = (np.clip(data, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as f:
        f.setnchannels(pcm.shape[1])
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes(pcm.tobytes())


def _sources(d: Path) -> dict[str, list[Path] | Path]:
    d.mkdir(parents=True, exist_ok=True)
    photos = {}
    for label, (w, h) in {"1080": (1920, 1080), "12mp": (4000, 3000)}.items():
        photos[label] = []
        for i in range(5):
            p = d / f"photo_{label}_{i}.jpg"
            if not p.exists():
                _photo(p, w, h, i)
            photos[label].append(p)
    t = np.arange(int(29 * RATE)) / RATE
    voice = sum(np.sin(2 * np.pi * f * t) / k for k, f in enumerate((170, 340, 510, 850), 1))
    voice *= (0.5 + 0.5 * np.sin(2 * np.pi * 3.5 * t) ** 2) * (np.sin(2 * np.pi * 0.23 * t) > -0.3)
    _wav(d / "voice.wav", 0.3 * voice)
    t = np.arange(int(SECONDS * RATE)) / RATE
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6, 440.0)) / 4
    _wav(d / "music.wav", np.stack([0.4 * chord, 0.38 * chord], axis=1))
    return {"photos_1080": photos["1080"], "photos_12mp": photos["12mp"],
            "voice": d / "voice.wav", "music": d / "music.wav"}


def _timeline(photos: list[Path], voice: Path, music: Path, seconds: int = SECONDS):
    from PIL import Image

    from reelforge.timeline import (
        Asset,
        AssetKind,
        AudioSegment,
        Motion,
        Position,
        Role,
        TextSegment,
        TextSize,
        Track,
        TrackKind,
        Transition,
        VideoSegment,
        build,
    )

    assets = []
    for p in photos:
        with Image.open(p) as im:
            w, h = im.size
        assets.append(Asset(id=p.stem, path=str(p), name=p.name, kind=AssetKind.IMAGE, width=w, height=h))
    assets.append(Asset(id="voice", path=str(voice), name="voice.wav", kind=AssetKind.AUDIO,
                        duration_ms=29000, has_audio=True))
    assets.append(Asset(id="music", path=str(music), name="music.wav", kind=AssetKind.AUDIO,
                        duration_ms=30000, has_audio=True))
    total, td = seconds * 1000, 500
    n = len(photos) * max(1, seconds // SECONDS)  # longer jobs: the same shots again
    seg = (total + (n - 1) * td) // n  # 6400 ms each, overlapping by 0.5 s
    video = []
    for i in range(n):
        a = assets[i % len(photos)]
        start = i * (seg - td)
        dur = seg if i < n - 1 else total - start
        video.append(VideoSegment(
            id=f"v{i}", start=start, duration=dur, src=a.id,
            motion=Motion.ZOOM_IN if i % 2 == 0 else Motion.ZOOM_OUT,
            transition=Transition.CROSSFADE if i else Transition.CUT, transition_ms=td if i else 0))
    return build(
        width=W, height=H, fps=FPS, duration=total, assets=assets,
        tracks=[
            Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(video)),
            Track(id="vo", kind=TrackKind.AUDIO, role=Role.VOICE, segments=(
                AudioSegment(id="vo1", start=500, duration=total - 1000, src="voice", loop=seconds > SECONDS),)),
            Track(id="bgm", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
                AudioSegment(id="bgm1", start=0, duration=total, src="music", volume=0.35, loop=seconds > SECONDS,
                             duck=True, fade_in_ms=500, fade_out_ms=1500),)),
            Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
                TextSegment(id="t1", start=0, duration=3000, text="Urban Dreams", size=TextSize.XLARGE),)),
            Track(id="cap", kind=TrackKind.TEXT, role=Role.CAPTION, segments=(
                TextSegment(id="t2", start=13000, duration=5000, text="Designed for the city, built to last",
                            position=Position.BOTTOM, size=TextSize.MEDIUM),)),
            Track(id="cta", kind=TrackKind.TEXT, role=Role.CTA, segments=(
                TextSegment(id="t3", start=total - 4000, duration=4000, text="Shop now at example.com",
                            position=Position.CENTER, size=TextSize.LARGE),)),
        ],
    )


# -- one measurement, in a child process ---------------------------------------------------

def _child(kind: str, src_dir: str, out: str, quality: str) -> None:
    import resource

    t0 = time.perf_counter()
    if kind in ("plain", "raw"):
        from reelforge.media.ffmpeg import ffmpeg_exe
        from reelforge.render.compile import QUALITIES

        q = QUALITIES[quality]
        if kind == "plain":
            video = ["-f", "lavfi", "-i", f"testsrc2=s={W}x{H}:r={FPS}"]
        else:
            video = ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{W}x{H}", "-framerate", str(FPS),
                     "-i", str(Path(src_dir) / "job.yuv")]
        subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                        *video, "-f", "lavfi", "-i", f"anullsrc=r={RATE}:cl=stereo",
                        "-frames:v", str(FPS * SECONDS), "-t", str(SECONDS),
                        "-c:v", "libx264", "-preset", q.preset, "-crf", str(q.crf),
                        "-pix_fmt", "yuv420p", "-r", str(FPS), "-c:a", "aac", "-ar", str(RATE),
                        "-b:a", "192k", "-movflags", "+faststart", out], check=True)
    elif kind == "live":
        extra = _live_child(Path(src_dir), Path(out).parent)
    elif kind in CHUNKED:
        extra = _chunked_child(kind, Path(src_dir), Path(out), quality)
    else:
        from reelforge.render import render, verify

        src = _sources(Path(src_dir))
        tl = _timeline(src[f"photos_{kind}"], src["voice"], src["music"])
        render(tl, out, quality=quality)
        info = verify(out)
        assert abs(info.duration - SECONDS) < 0.1, info
    elapsed = time.perf_counter() - t0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": elapsed, "cpu_seconds": kids.ru_utime + kids.ru_stime,
                      "ffmpeg_peak_mb": kids.ru_maxrss / 1024, "python_peak_mb": me.ru_maxrss / 1024,
                      **(extra if kind in (*CHUNKED, "live") else {})}))


# chunked exports (issue 13): each in its own process too; "export" starts from an empty chunk
# cache and the three edits (EDITS) then reuse it; "first_chunk" is the first seconds of a draft preview
CHUNKED = ("export", "text_edit", "caption_edit", "audio_edit", "draft", "first_chunk", "export_120",
           "export_p1")
EDITS = ("text_edit", "caption_edit", "audio_edit")  # exported into the full export's cache


class _PeakRss:
    """Samples the summed RSS of this process and all its descendants (parallel ffmpegs add up)."""

    def __init__(self) -> None:
        import threading

        self.peak = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    @staticmethod
    def _tree_rss() -> int:
        import os

        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(d)] = int(fields[1])
            rss[int(d)] = int(fields[21]) * 4096
        me, total = os.getpid(), 0
        for pid in rss:
            p = pid
            while p and p != me and p in parents:
                p = parents[p]
            if p == me:
                total += rss[pid]
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._tree_rss())
            self._stop.wait(0.1)

    def stop(self) -> float:
        self._stop.set()
        self._t.join()
        return self.peak / 1024**2


def _edited(tl, kind: str):
    from reelforge.timeline import replace

    def with_track(track_id, change):
        return replace(tl, tracks=tuple(change(t) if t.id == track_id else t for t in tl.tracks))

    if kind == "text_edit":  # one word of the title
        return with_track("title", lambda t: replace(t, segments=(replace(t.segments[0], text="Urban Nights"),)))
    if kind == "caption_edit":  # one word of the caption mid-way (on screen 13-18 s, a shot's chunk or two)
        return with_track("cap", lambda t: replace(t, segments=(
            replace(t.segments[0], text="Designed for the city, made to last"),)))
    if kind == "audio_edit":  # the music louder
        return with_track("bgm", lambda t: replace(t, segments=(replace(t.segments[0], volume=0.5),)))
    return tl


def _chunked_child(kind: str, src_dir: Path, out: Path, quality: str) -> dict:
    import shutil

    from reelforge.render import verify
    from reelforge.render.cache import ChunkCache
    from reelforge.render.chunked import export, prepare, render_chunk

    src = _sources(src_dir)
    seconds = 120 if kind == "export_120" else SECONDS
    tl = _edited(_timeline(src["photos_1080"], src["voice"], src["music"], seconds), kind)
    cache_dir = src_dir / ("cache" if kind in ("export", *EDITS) else f"cache-{kind}")
    if kind not in EDITS:
        shutil.rmtree(cache_dir, ignore_errors=True)
    cache = ChunkCache(cache_dir)
    peak = _PeakRss()
    if kind == "first_chunk":
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            tasks = prepare(tl, quality="draft", workdir=Path(tmp))
            render_chunk(tasks[0], cache)
            return {"first_chunk_s": time.perf_counter() - t0, "first_chunk_video_s": tasks[0].frames / FPS,
                    "peak_tree_mb": peak.stop()}
    res = export(tl, out, quality="draft" if kind == "draft" else quality, cache=cache,
                 parallel=1 if kind == "export_p1" else None)
    info = verify(out)
    assert abs(info.duration - seconds) < 0.1, info
    return {"chunks": res.chunks, "reused": res.reused, "audio_reused": res.audio_reused,
            "peak_tree_mb": peak.stop()}


def _live_child(src_dir: Path, work: Path) -> dict:
    """Time to the first playable preview second, as a user of the service waits for it: a real
    ``reelforge.service`` (fresh data dir: nothing cached) with the job's 1080p photos, voice and
    music, a 30 s cut made in the chat; then POST /preview -> its live stream -> the first
    fragment decoded (PyAV). Also the whole preview, request to completed."""
    import io
    import os
    import shutil
    import socket

    import av
    import httpx

    from reelforge.render.fragments import boxes

    src = _sources(src_dir)
    data = work / "live-data"
    shutil.rmtree(data, ignore_errors=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("REELFORGE_")}
    log = open(work / "live-server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "reelforge.service", "--port", str(port), "--data-dir", str(data)],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    http = httpx.Client(timeout=httpx.Timeout(300.0))
    try:
        for _ in range(600):
            try:
                if http.get(base + "/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        token = http.post(base + "/v1/auth/anonymous-token", headers={"X-Client-Id": f"bench-{time.time_ns()}"}).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        sid = http.post(base + "/v1/sessions", json={"name": "bench"}, headers=auth).json()["id"]
        files = [("files", (p.name, p.read_bytes())) for p in [*src["photos_1080"], src["voice"], src["music"]]]
        assert http.post(f"{base}/v1/sessions/{sid}/assets", files=files, headers=auth).status_code == 201
        with http.stream("POST", f"{base}/v1/sessions/{sid}/chat", headers=auth,
                         json={"text": "make a 30-second video with the title 'Urban Dreams'"}) as r:
            r.read()
        def cpu() -> float:  # the server's own CPU and that of its finished children (ffmpeg)
            with open(f"/proc/{proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")

        c0 = cpu()
        t0 = time.perf_counter()
        view = http.post(f"{base}/v1/sessions/{sid}/preview", headers=auth).json()
        assert view.get("live_url"), view
        got = b""
        with http.stream("GET", view["live_url"]) as r:
            for block in r.iter_bytes():
                got += block
                if "mdat" in [k for k, _, _ in boxes(got)]:
                    break
        with av.open(io.BytesIO(got)) as f:
            frames = sum(1 for _ in f.decode(video=0))
        first = time.perf_counter() - t0
        assert frames > 0
        while True:
            done = http.get(f"{base}/v1/exports/{view['id']}", headers=auth).json()
            if done["status"] in ("completed", "failed"):
                break
            time.sleep(0.1)
        assert done["status"] == "completed", done
        return {"first_playable_s": first, "first_fragment_video_s": frames / FPS,
                "live_total_s": time.perf_counter() - t0, "live_duration_ms": done["duration_ms"],
                "live_cpu_s": cpu() - c0}
    finally:
        http.close()
        proc.terminate()
        proc.wait(30)
        log.close()


def _measure(kind: str, src_dir: Path, out_dir: Path, quality: str) -> dict:
    out = out_dir / f"{kind}.mp4"
    res = subprocess.run([sys.executable, __file__, "--child", kind, "--src", str(src_dir),
                          "--out", str(out), "--quality", quality],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def _raw_frames(src: dict, src_dir: Path, quality: str) -> None:
    """Pre-decode the 1080p job's frames to raw yuv420p (untimed) for the ``raw`` baseline."""
    from reelforge.media.ffmpeg import ffmpeg_exe
    from reelforge.render import render

    job = src_dir / "job.mp4"
    render(_timeline(src["photos_1080"], src["voice"], src["music"]), job, quality=quality)
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-i", str(job), "-f", "rawvideo",
                    "-pix_fmt", "yuv420p", str(src_dir / "job.yuv")], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quality", default="standard")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--kinds", default="", help="comma-separated subset of measurements (default: all)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--src", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.src, args.out, args.quality)
        return

    with tempfile.TemporaryDirectory(prefix="reelforge-bench-") as tmp:
        tmpd = Path(tmp)
        src_dir = tmpd / "src"
        src = _sources(src_dir)
        _raw_frames(src, src_dir, args.quality)
        kinds = ["plain", "raw", "1080", "12mp", *CHUNKED, "live"]
        if args.kinds:
            kinds = [k for k in kinds if k in args.kinds.split(",")]
        results: dict[str, list[dict]] = {k: [] for k in kinds}
        for i in range(args.runs):
            for kind in results:  # interleaved, so machine load hits all three alike
                r = _measure(kind, src_dir, tmpd, args.quality)
                results[kind].append(r)
                print(f"run {i + 1}/{args.runs} {kind:>5}: {r['seconds']:.2f} s "
                      f"(ffmpeg cpu {r['cpu_seconds']:.2f} s), "
                      f"ffmpeg peak {r['ffmpeg_peak_mb']:.0f} MB", file=sys.stderr)

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in results[kind])

    if args.kinds:
        print(json.dumps({k: {key: round(med(k, key), 3) for key in v[0] if isinstance(v[0][key], int | float)}
                          for k, v in results.items()}, indent=2))
        if {"plain", *CHUNKED} <= set(results):
            chunked = _chunked_summary(results, med)
            print(json.dumps(chunked, indent=2))
            _print_chunked(chunked)
        elif {"plain", "live"} <= set(results):
            live = _live_summary(results, med, med("plain", "seconds"))
            live["cpu_ratio_live_preview_to_plain"] = round(live["live_preview_cpu_s"] / med("plain", "cpu_seconds"), 3)
            print(json.dumps(live, indent=2))
            if "draft" in results:
                print(f"draft preview (in process): {med('draft', 'seconds') / med('plain', 'seconds'):.3f} "
                      f"vs plain encode in wall time (target <= 0.25), "
                      f"{med('draft', 'cpu_seconds') / med('plain', 'cpu_seconds'):.3f} in ffmpeg CPU time")
        return
    chunked = _chunked_summary(results, med)

    plain, job, big = med("plain", "seconds"), med("1080", "seconds"), med("12mp", "seconds")
    raw = med("raw", "seconds")
    cpu = {k: med(k, "cpu_seconds") for k in results}
    summary = {
        "runs": args.runs, "quality": args.quality,
        "plain_encode_s": round(plain, 2), "raw_same_frames_encode_s": round(raw, 2),
        "job_1080_s": round(job, 2), "job_12mp_s": round(big, 2),
        "ratio_job_to_plain": round(job / plain, 3), "ratio_job_to_raw_same_frames": round(job / raw, 3),
        "ratio_12mp_to_1080": round(big / job, 3),
        "ffmpeg_cpu_s": {k: round(v, 2) for k, v in cpu.items()},
        "cpu_ratio_job_to_plain": round(cpu["1080"] / cpu["plain"], 3),
        "cpu_ratio_job_to_raw_same_frames": round(cpu["1080"] / cpu["raw"], 3),
        "cpu_ratio_12mp_to_1080": round(cpu["12mp"] / cpu["1080"], 3),
        "ffmpeg_peak_mb_plain": round(max(r["ffmpeg_peak_mb"] for r in results["plain"])),
        "ffmpeg_peak_mb_1080": round(max(r["ffmpeg_peak_mb"] for r in results["1080"])),
        "ffmpeg_peak_mb_12mp": round(max(r["ffmpeg_peak_mb"] for r in results["12mp"])),
        "python_peak_mb": round(max(r["python_peak_mb"] for k in ("1080", "12mp") for r in results[k])),
    }
    summary["chunked"] = chunked
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"plain encode (900 frames 1920x1080): {plain:6.2f} s")
    print(f"plain encode of the job's own frames: {raw:6.2f} s   (raw yuv420p input)")
    print(f"reference job, 1920x1080 photos:      {job:6.2f} s   ratio {job / plain:.2f} vs testsrc2 "
          f"(target <= 1.5), {job / raw:.2f} vs same frames")
    print(f"reference job, 4000x3000 photos:      {big:6.2f} s   vs 1080p job {big / job:.2f} (target <= 1.2)")
    print(f"ffmpeg CPU time (user+sys, steadier than wall time on a shared machine): "
          f"plain {cpu['plain']:.1f} s, same frames {cpu['raw']:.1f} s, job {cpu['1080']:.1f} s, "
          f"12 MP job {cpu['12mp']:.1f} s -> ratios {summary['cpu_ratio_job_to_plain']:.2f} vs testsrc2, "
          f"{summary['cpu_ratio_job_to_raw_same_frames']:.2f} vs same frames, "
          f"12 MP/1080p {summary['cpu_ratio_12mp_to_1080']:.2f}")
    _print_chunked(chunked)
    print(f"peak memory ffmpeg: {summary['ffmpeg_peak_mb_1080']} MB (1080p photos), "
          f"{summary['ffmpeg_peak_mb_12mp']} MB (12 MP photos) (target <= 600); "
          f"python {summary['python_peak_mb']} MB")


def _chunked_summary(results: dict, med) -> dict:
    """Ratios of the chunked export (issue 13) and the projection for a 10-minute export."""
    plain, full = med("plain", "seconds"), med("export", "seconds")
    p1 = med("export_p1", "seconds")
    chunks_30 = results["export_p1"][0]["chunks"]
    per_chunk = p1 / chunks_30  # one worker, chunks one after another (incl. audio, join: upper bound)
    video_per_chunk = SECONDS / chunks_30
    long = med("export_120", "seconds")
    # 10 minutes: chunks = 600 s / the same span; audio and join grow linearly with length and
    # run once (audio in parallel with the chunks, the join after them), measured share below
    chunks_600 = round(600 / video_per_chunk)
    serial_600 = 20 * med("audio_edit", "seconds")  # audio + join + planning of 30 s, times 20
    projection = {n: round(math.ceil(chunks_600 / n) * per_chunk + serial_600, 1) for n in (1, 4, 20)}
    return {
        "plain_encode_s": round(plain, 2), "export_s": round(full, 2),
        "ratio_export_to_plain": round(full / plain, 3),
        "ratio_text_edit_to_export": round(med("text_edit", "seconds") / full, 3),
        "ratio_caption_edit_to_export": round(med("caption_edit", "seconds") / full, 3),
        "ratio_audio_edit_to_export": round(med("audio_edit", "seconds") / full, 3),
        "ratio_draft_to_plain": round(med("draft", "seconds") / plain, 3),
        "first_draft_chunk_s": round(med("first_chunk", "first_chunk_s"), 2),
        "first_draft_chunk_video_s": round(results["first_chunk"][0]["first_chunk_video_s"], 2),
        "ratio_120_to_30": round(long / full, 3),
        "peak_tree_mb_30": round(max(r["peak_tree_mb"] for r in results["export"])),
        "peak_tree_mb_120": round(max(r["peak_tree_mb"] for r in results["export_120"])),
        "chunks_30": results["export"][0]["chunks"],
        "reused_text_edit": results["text_edit"][0]["reused"],
        "reused_caption_edit": results["caption_edit"][0]["reused"],
        "reused_audio_edit": results["audio_edit"][0]["reused"],
        **_live_summary(results, med, plain),
        "one_worker_s_per_chunk": round(per_chunk, 2),
        "one_worker_video_s_per_s": round(SECONDS / p1, 3),
        "projected_600s_export_s": projection,
    }


def _live_summary(results: dict, med, plain: float) -> dict:
    """The progressive preview through the service (``live``), when it was measured."""
    if not results.get("live"):
        return {}
    return {"first_playable_preview_s": round(med("live", "first_playable_s"), 2),
            "first_playable_preview_s_max": round(max(r["first_playable_s"] for r in results["live"]), 2),
            "first_playable_preview_s_runs": [round(r["first_playable_s"], 2) for r in results["live"]],
            "first_fragment_video_s": round(results["live"][0]["first_fragment_video_s"], 2),
            "live_preview_s": round(med("live", "live_total_s"), 2),
            "ratio_live_preview_to_plain": round(med("live", "live_total_s") / plain, 3),
            "live_preview_cpu_s": round(med("live", "live_cpu_s"), 2)}


def _print_chunked(c: dict) -> None:
    print(f"chunked export (empty cache), {c['chunks_30']} chunks: {c['export_s']:6.2f} s   "
          f"ratio {c['ratio_export_to_plain']:.2f} vs plain encode")
    print(f"  text edit + export: {c['ratio_text_edit_to_export']:.2f} of a full export (target <= 0.30; "
          f"{c['reused_text_edit']}/{c['chunks_30']} chunks reused)")
    print(f"  caption edit + export: {c['ratio_caption_edit_to_export']:.2f} of a full export (target <= 0.30; "
          f"{c['reused_caption_edit']}/{c['chunks_30']} chunks reused)")
    print(f"  audio edit + export: {c['ratio_audio_edit_to_export']:.2f} of a full export (target <= 0.15; "
          f"{c['reused_audio_edit']}/{c['chunks_30']} chunks reused)")
    print(f"  draft preview: {c['ratio_draft_to_plain']:.2f} vs plain encode (target <= 0.25); first "
          f"{c['first_draft_chunk_video_s']:.1f} s of it ready after {c['first_draft_chunk_s']:.2f} s")
    if "first_playable_preview_s" in c:
        print(f"  progressive preview through the service: first {c['first_fragment_video_s']:.1f} s playable "
              f"{c['first_playable_preview_s']:.2f} s after the request (median; worst "
              f"{c['first_playable_preview_s_max']:.2f} s; target <= 2); whole preview {c['live_preview_s']:.1f} s "
              f"({c['ratio_live_preview_to_plain']:.2f} vs plain encode, one embedded worker)")
    print(f"  120 s vs 30 s: {c['ratio_120_to_30']:.2f} (target <= 4.2); peak memory (all processes) "
          f"{c['peak_tree_mb_30']} MB at 30 s, {c['peak_tree_mb_120']} MB at 120 s (target <= 600)")
    print(f"  one worker: {c['one_worker_s_per_chunk']:.2f} s a chunk ({c['one_worker_video_s_per_s']:.2f} s of "
          f"video a second); projected 10-minute export on 1/4/20 workers: "
          + ", ".join(f"{v} s" for v in c["projected_600s_export_s"].values()))


if __name__ == "__main__":
    main()
