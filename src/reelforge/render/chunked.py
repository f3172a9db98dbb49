"""Chunked export: the picture in content-addressed chunks, the sound in one pass, one join.

    export(timeline, out, cache=ChunkCache(dir))            -> ExportResult(path, chunks, reused, ...)

1. `prepare` compiles every chunk of `plan_chunks` (pure graphs) and keys it (`chunk_key`).
2. `render_chunk` renders a chunk that is not in the cache (video only, its own closed GOPs)
   and stores it; a cached chunk is reused as it is.
3. `render_audio` renders the programme audio over the whole timeline (mixed once to a WAV,
   loudness measured over the whole mix, as in a whole render), cached under the key of its
   graph, so a text or picture edit reuses it and a sound edit re-renders only it.
4. `join` concatenates the chunks by stream copy (concat demuxer) and muxes the audio:
   one moov at the front (``+faststart``).

The service runs steps 2 on any worker (`reelforge.service.jobs`); `export` runs them here,
a few at once. `reelforge.render.runner.render` stays the whole, single-process render.
"""

from __future__ import annotations

import ctypes
import dataclasses
import gc
import os
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reelforge import owners
from reelforge.errors import InvalidTimeline, RenderCancelled, RenderError
from reelforge.render.cache import ChunkCache
from reelforge.render.chunks import ROLLS, chunk_key, plan_chunks
from reelforge.render.compile import (
    QUALITIES,
    RenderCommand,
    TextOverlay,
    _head,
    compile_audio,
    compile_chunk,
    compile_mix,
)
from reelforge.render.graph import escape_value
from reelforge.render.runner import (
    PEAK_RETRIES,
    WORKDIR_PREFIX,
    _cancelled,
    _run,
    _start,
    measure_loudness,
    peak_safe,
)
from reelforge.render.stream import render_run
from reelforge.render.text import draw_overlay, fitted_specs
from reelforge.render.trim import keep_frames
from reelforge.render.verify import verify
from reelforge.timeline.model import Timeline

Progress = Callable[[float], Any]

@dataclass(frozen=True)
class ChunkTask:
    index: int
    first: int
    end: int
    key: str
    cmd: RenderCommand
    texts: tuple[TextOverlay, ...]  # the overlays of this chunk with their fitted font sizes
    workdir: Path

    @property
    def frames(self) -> int:
        return self.end - self.first

    def write_files(self) -> None:
        """What the chunk's ffmpeg reads besides the sources: its text pictures, its graph."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        for spec in self.texts:
            draw_overlay(spec)
        self.cmd.filter_script.write_text(self.cmd.filter_graph, encoding="utf-8")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    chunks: int  # video chunks in the export
    reused: int  # of them taken from the cache
    audio_reused: bool

    @property
    def rendered(self) -> int:
        return self.chunks - self.reused

    def summary(self) -> str:
        return f"{self.reused} of {self.chunks} chunks reused"


def prepare(timeline: Timeline, *, quality: str, workdir: Path,
            chunks: list[tuple[int, int]] | None = None,
            pre_roll: int | None = None, post_roll: int | None = None) -> list[ChunkTask]:
    """Compile and key every chunk of ``timeline`` (``workdir`` gets one folder per chunk):
    those of `plan_chunks`, or ``chunks`` (some of them). ``pre_roll``/``post_roll``: frames
    encoded before/after each chunk and dropped (default: `ROLLS` of the quality)."""
    if quality not in QUALITIES:
        raise InvalidTimeline(f"unknown quality {quality!r}; use one of {', '.join(QUALITIES)}")
    pre, post = ROLLS.get(quality, (0, 0))
    pre = pre if pre_roll is None else pre_roll
    post = post if post_roll is None else post_roll
    plan = plan_chunks(timeline)
    starts = [a for a, _ in plan]  # GOP starts of the whole render, also inside the rolls
    tasks = []
    fitted: dict[str, int] | None = None
    for i, (a, b) in enumerate(chunks or plan):
        work = workdir / f"chunk{i:04d}"
        cmd = compile_chunk(timeline, work / "chunk.mp4", (a, b), quality=quality, workdir=work,
                            pre_roll=pre, post_roll=post, keyframes=starts)
        if fitted is None:  # caption sizes are fitted over the whole track: once per export
            fitted = {s.segment_id: s.font_px for s in fitted_specs(cmd.text_context)}
        texts = tuple(dataclasses.replace(s, font_px=fitted[s.segment_id]) for s in cmd.overlays)
        key = chunk_key(cmd, texts, workdir=work)
        tasks.append(ChunkTask(i, a, b, key, cmd, texts, work))
    return tasks


def render_chunk(task: ChunkTask, cache: ChunkCache, *, cancel: Any = None,
                 progress: Progress | None = None) -> tuple[Path, bool]:
    """The chunk's file in the cache, rendering it first if needed; (path, reused)."""
    hit = cache.get(task.key)
    if hit is not None:
        return hit, True
    task.write_files()
    cmd = task.cmd
    try:
        ran = _run(cmd, total_us=cmd.duration_ms * 1000, progress=progress, cancel=cancel)
        if cmd.keep is not None:  # drop the pre-roll (and post-roll); checks the count itself
            encoded = cmd.output.with_name("encoded.mp4")
            os.replace(cmd.output, encoded)
            try:
                keep_frames(encoded, cmd.output, *cmd.keep, cmd.fps)
            finally:
                encoded.unlink(missing_ok=True)
        elif ran.frames != task.frames:
            raise RenderError(f"chunk {task.index} has {ran.frames} frames instead of {task.frames}",
                              command=cmd.argv)
        return cache.put(task.key, cmd.output), False
    finally:
        cmd.output.unlink(missing_ok=True)


def audio_key(timeline: Timeline, workdir: Path) -> tuple[str, RenderCommand]:
    cmd = compile_audio(timeline, workdir / "audio.m4a", workdir=workdir)
    return chunk_key(cmd, (), workdir=workdir, extra="audio"), cmd


def render_audio(timeline: Timeline, cache: ChunkCache, workdir: Path, *,
                 cancel: Any = None) -> tuple[Path, bool]:
    """The programme audio (AAC in MP4) from the cache, rendering it first if needed."""
    workdir.mkdir(parents=True, exist_ok=True)
    key, _ = audio_key(timeline, workdir)
    hit = cache.get(key, ".m4a")
    if hit is not None:
        return hit, True
    mix = compile_mix(timeline, workdir / "mix.wav", workdir=workdir)
    try:
        if mix is not None:  # mixed once: the loudness passes and the encode read this file
            mix.filter_script.write_text(mix.filter_graph, encoding="utf-8")
            _run(mix, total_us=0, progress=None, cancel=cancel)
        mixed = mix.output if mix is not None else None
        loud = measure_loudness(timeline, workdir, cancel, mixed=mixed)
        cmd = compile_audio(timeline, workdir / "audio.m4a", workdir=workdir, loudness=loud, mixed=mixed)
        try:
            for attempt in range(1 + PEAK_RETRIES):
                cmd.filter_script.write_text(cmd.filter_graph, encoding="utf-8")
                _run(cmd, total_us=0, progress=None, cancel=cancel)
                if loud is None or attempt == PEAK_RETRIES:
                    break
                # over -1 dBTP once encoded: again under a lower ceiling (`runner.peak_safe`)
                again = peak_safe(timeline, cmd.output, workdir, loud, cancel, mixed=mixed)
                if again is None:
                    break
                loud = again
                cmd = compile_audio(timeline, workdir / "audio.m4a", workdir=workdir, loudness=loud, mixed=mixed)
            return cache.put(key, cmd.output, ".m4a"), False
        finally:
            cmd.output.unlink(missing_ok=True)
    finally:
        if mix is not None:
            mix.output.unlink(missing_ok=True)


def join(chunks: list[Path], audio: Path, output: Path, *, duration_ms: int, workdir: Path,
         frames: list[tuple[int, int]], fps: int, cancel: Any = None) -> Path:
    """Concatenate ``chunks`` by stream copy, mux ``audio``, one moov at the front.

    ``frames`` (each chunk's first and end frame) and ``fps`` give each chunk its exact length
    in the listing: read from its file, a chunk's length comes from its edit list in whole
    milliseconds (118 frames: 3.933 s), and every frame after that join came 0.3 ms early (the
    file's average rate then read 30.0005 fps, not 30)."""
    listing = workdir / "chunks.txt"
    lines = ["ffconcat version 1.0\n"]
    for p, (a, b) in zip(chunks, frames, strict=True):
        # each join at its exact time, in whole microseconds (the demuxer's unit): lengths as
        # differences of rounded join times, so no rounding adds up over many chunks
        lines += [f"file {escape_value(str(p))}\n", f"duration {round(b * 1e6 / fps) - round(a * 1e6 / fps)}us\n"]
    listing.write_text("".join(lines), encoding="utf-8")
    argv = [*_head(), "-f", "concat", "-safe", "0", "-i", str(listing), "-i", str(audio),
            "-map", "0:v:0", "-map", "1:a:0", "-c", "copy", "-movflags", "+faststart",
            "-t", f"{duration_ms / 1000:.3f}", "-f", "mp4",
            "-progress", "pipe:1", "-nostats", str(output)]
    cmd = RenderCommand(argv=argv, filter_graph="", filter_script=listing, overlays=(),
                        total_frames=0, duration_ms=duration_ms, width=0, height=0, fps=0,
                        output=output)
    _run(cmd, total_us=0, progress=None, cancel=cancel)
    return output


def assemble(timeline: Timeline, store: ChunkCache, tasks: list[ChunkTask], output: Path, *,
             workdir: Path, cancel: Any = None) -> Path:
    """Join the cached chunks of ``tasks`` and the cached audio into ``output`` and check it.

    The entries are hard-linked first, so the cache evicting meanwhile (its cap, other
    exports) cannot take one away mid-join; one already gone is rendered again here."""
    files = [_linked(store, t.key, ".mp4", workdir / f"join{t.index:04d}.mp4",
                     lambda t=t: render_chunk(t, store, cancel=cancel)) for t in tasks]
    akey, _ = audio_key(timeline, workdir / "audio")
    audio = _linked(store, akey, ".m4a", workdir / "audio.m4a",
                    lambda: render_audio(timeline, store, workdir / "audio", cancel=cancel))
    join(files, audio, output, duration_ms=timeline.duration, workdir=workdir,
         frames=[(t.first, t.end) for t in tasks], fps=timeline.fps, cancel=cancel)
    info = verify(output)
    if abs(info.duration - timeline.duration / 1000) > 0.25:
        raise RenderError(f"joined {info.duration:.2f} s instead of {timeline.duration / 1000:.2f} s")
    return output


def _linked(store: ChunkCache, key: str, suffix: str, dest: Path, make: Callable[[], Any]) -> Path:
    for _ in range(3):
        if store.link_to(key, dest, suffix):
            return dest
        make()
    raise RenderError(f"a rendered chunk keeps vanishing from the cache (cap {store.cap_bytes} bytes too small?)")


# a chunk's ffmpeg at its peak, per output pixel: ~360 MB at 1920x1080 (x264 veryfast's frame
# buffers, lookahead and threads ~240 MB, the filter graph ~120 MB), measured with /usr/bin/time
CHUNK_BYTES_PER_PIXEL = 175
# a streamed run (`stream.render_run`) at its peak: the encoder's ffmpeg (~310 MB at 1080p, a
# plain encode's) and one chunk's picture ffmpeg (up to ~310 MB for a chunk crossfading two
# oversampled stills): ~620 MB at 1080p for the reference job, sampled every 50 ms
RUN_BYTES_PER_PIXEL = 300
# streamed runs paid off from 1080p up (the reference job: its export 4 % and `make` 8 % less
# wall time); at 720p and below, where two chunks render at once, they were as fast or slower
STREAM_MIN_PIXELS = 1920 * 1080
DEFAULT_MEMORY_MB = 480  # for the chunk ffmpegs: the export's 600 MB less this Python process


def _memory_budget() -> float:
    try:
        return float(os.environ.get("REELFORGE_RENDER_MEMORY_MB", "")) * 1024**2
    except ValueError:
        return DEFAULT_MEMORY_MB * 1024**2


def streams(width: int = 1920, height: int = 1080) -> bool:
    """Whether an export at this frame size renders its chunks through one encoder
    (`stream.render_run`): from 1080p up, when a run fits in ``$REELFORGE_RENDER_MEMORY_MB``
    (a run takes ~130 MB more than a chunk rendered alone: the encoder's own process and the
    frames between the two). Not with the default budget (480, which keeps an export's
    processes within 600 MB); 640 is enough at 1080p."""
    pixels = width * height
    return pixels >= STREAM_MIN_PIXELS and _memory_budget() >= pixels * RUN_BYTES_PER_PIXEL


def default_parallel(width: int = 1920, height: int = 1080, *, streamed: bool = False) -> int:
    """Chunks (or, ``streamed``, runs of chunks) rendered at once on this machine: as many as
    the cores (x264 and the filter graph are each only partly parallel, so two processes keep
    two cores busier than one), but only as many as fit in ``$REELFORGE_RENDER_MEMORY_MB``
    (default 480) at this frame size: one at 1080p, up to three chunks at 720p."""
    per_pixel = RUN_BYTES_PER_PIXEL if streamed else CHUNK_BYTES_PER_PIXEL
    fit = int(_memory_budget() // max(1, width * height * per_pixel))
    return max(1, min(4, os.cpu_count() or 1, fit))


def _return_freed_memory() -> None:
    """Give the heap that planning freed (decoded pictures, subject analysis, text drawing)
    back to the system before the chunk ffmpegs start: glibc keeps freed memory in its arenas,
    and an export's processes count together (a 120 s export: this process 112 -> 84 MB at
    the peak, all processes 599 -> 570 MB, bench/render.py)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def runs(missing: list[ChunkTask], workers: int = 1) -> list[list[ChunkTask]]:
    """The chunks to render, as groups that each go through one encoder (`stream.render_run`):
    chunks that follow each other share one; with several ``workers``, the longest group is
    halved until each worker has one. Chunks with a pre-roll go alone."""
    groups: list[list[ChunkTask]] = []
    for t in missing:
        g = groups[-1] if groups else None
        if g is not None and g[-1].end == t.first and t.cmd.keep is None and g[-1].cmd.keep is None:
            g.append(t)
        else:
            groups.append([t])
    while len(groups) < workers:
        longest = max(groups, key=lambda g: (len(g) > 1, sum(t.frames for t in g)), default=None)
        if longest is None or len(longest) < 2:
            break
        i = groups.index(longest)
        half = sum(t.frames for t in longest) / 2
        cut = min(range(1, len(longest)), key=lambda k: abs(sum(t.frames for t in longest[:k]) - half))
        groups[i:i + 1] = [longest[:cut], longest[cut:]]
    return groups


def export(timeline: Timeline, output: str | Path, *, quality: str = "standard",
           cache: ChunkCache | None = None, progress: Progress | None = None, cancel: Any = None,
           parallel: int | None = None, streamed: bool | None = None) -> ExportResult:
    """Render ``timeline`` to ``output`` in chunks, reusing cached ones. Without ``cache`` the
    chunks live in a temporary folder (nothing is reused). Chunks that follow each other go
    through one encoder (`stream.render_run`) when ``streamed`` (default: when that fits the
    memory budget, `streams`); else each alone, as a worker of the service renders them.
    Raises like `render`."""
    output, partial = _start(timeline, output, quality)
    with tempfile.TemporaryDirectory(prefix=f"{WORKDIR_PREFIX}{owners.tag()}.") as tmp:
        work = Path(tmp)
        store = cache or ChunkCache(work / "cache", cap_bytes=1 << 62)
        try:
            tasks = prepare(timeline, quality=quality, workdir=work)
            _return_freed_memory()
            total = sum(t.frames for t in tasks)
            done: dict[int, float] = {}
            lock = threading.Lock()

            def report(index: int, frames: float) -> None:
                if progress is None:
                    return
                with lock:
                    done[index] = frames
                    progress(min(0.99, 0.97 * sum(done.values()) / total))

            def one(group: list[ChunkTask]) -> None:
                if _cancelled(cancel):
                    raise RenderCancelled("render cancelled")
                # a group's frames are counted under its first chunk's index
                first, frames = group[0], sum(t.frames for t in group)
                if len(group) == 1:
                    render_chunk(first, store, cancel=cancel, progress=lambda f: report(first.index, f * frames))
                else:
                    render_run(group, store, joins=[t.first for t in tasks], quality=quality, cancel=cancel,
                               progress=lambda n: report(first.index, min(n, frames)))
                report(first.index, frames)

            if streamed is None:
                streamed = streams(timeline.width, timeline.height)
            workers = parallel or default_parallel(timeline.width, timeline.height, streamed=streamed)
            missing = [t for t in tasks if store.get(t.key) is None]
            rendering = {t.index for t in missing}
            done.update({t.index: t.frames for t in tasks if t.index not in rendering})  # the cache's are done
            if progress is not None and done:
                progress(min(0.99, 0.97 * sum(done.values()) / total))
            # the sound (a small process) beside the chunks, outside their memory budget
            with ThreadPoolExecutor(max_workers=1) as sound, ThreadPoolExecutor(max_workers=workers) as pool:
                audio_job = sound.submit(render_audio, timeline, store, work / "audio", cancel=cancel)
                list(pool.map(one, runs(missing, workers) if streamed else [[t] for t in missing]))
                _, audio_reused = audio_job.result()
            assemble(timeline, store, tasks, partial, workdir=work, cancel=cancel)
            os.replace(partial, output)
        except KeyboardInterrupt:
            partial.unlink(missing_ok=True)
            raise RenderCancelled("render interrupted") from None
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    if progress is not None:
        progress(1.0)
    return ExportResult(output, len(tasks), len(tasks) - len(missing), audio_reused)
