"""Consecutive chunks through one encoder: an export pays for one encode, not one per chunk.

Rendered alone (`chunked.render_chunk`), every chunk starts x264 again: its start-up, its
drain at the chunk's end and a post-roll of 8 frames. Here each chunk's ffmpeg only makes its
pictures and writes them raw into a named pipe (Matroska, so the frames keep their colour
tags), one chunk after the other; a single encoder reads the pipes in turn (concat demuxer),
forces the IDR frames the chunks have when rendered alone and cuts its output at the joins
(segment muxer). Each piece goes into the cache under its chunk's key. Its frames are those of
the chunk rendered alone but for the frame before a join, which is the whole render's here
(decoded, the pieces are a whole render's frames; a chunk rendered alone differs from them only
in that frame, by 44-51 dB). Measured on the reference job at 1080p (2-core machine,
alternating runs): its export 15.4 s against 16.1 s one by one, `make` 8 % faster; at 720p and
for drafts, where two chunks render at once, no faster (`chunked.streams` decides).

Only one chunk's pictures are made at a time, so memory stays flat, but it is two processes'
(x264 in the encoder, the chunk's stills and graph in the other): ~620 MB at 1080p against
~490 MB for a chunk rendered alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reelforge import owners
from reelforge.errors import RenderCancelled, RenderError
from reelforge.render.cache import ChunkCache
from reelforge.render.compile import compile_stream_encode, join_keyframes
from reelforge.render.graph import escape_value
from reelforge.render.runner import _cancelled, _kill, _Stderr
from reelforge.render.verify import count_frames

if TYPE_CHECKING:
    from reelforge.render.chunked import ChunkTask

GRACE_S = 10.0  # how long a picture process may take to exit once the encoder has


def render_run(tasks: Sequence[ChunkTask], store: ChunkCache, *, joins: Iterable[int],
               quality: str, cancel: Any = None, progress: Callable[[int], Any] | None = None) -> None:
    """Render ``tasks`` (consecutive chunks of one export, none cached, no pre-roll) through one
    encoder and put each into ``store``. ``joins``: the first frame of every chunk of the export
    (each gets its IDR frames, `compile.join_keyframes`). ``progress`` gets the frames encoded."""
    if len(tasks) < 2:
        raise ValueError("a streamed run takes two chunks or more")
    if any(t.cmd.keep is not None or not t.cmd.graph_argv for t in tasks):
        raise ValueError("a streamed run takes chunks without a pre-roll")
    if any(a.end != b.first for a, b in pairwise(tasks)):
        raise ValueError("a streamed run takes chunks that follow each other")
    start, last = tasks[0].first, tasks[-1]
    # the last chunk keeps its post-roll: the chunk after it comes from another encode
    counts = [t.frames for t in tasks[:-1]] + [last.cmd.total_frames]
    total = sum(counts)
    splits = [t.first - start for t in tasks[1:]] + ([last.end - start] if total > last.end - start else [])
    keys = {f - start for f in join_keyframes(joins) if start <= f < start + total}
    work = tasks[0].workdir.parent / f"run{tasks[0].index:04d}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    fps = last.cmd.fps
    try:
        lines = ["ffconcat version 1.0\n"]
        done = 0
        for t, n in zip(tasks, counts, strict=True):
            t.write_files()
            os.mkfifo(work / f"pictures{t.index:04d}.mkv")
            length_us = round((done + n) * 1e6 / fps) - round(done * 1e6 / fps)
            lines += [f"file {escape_value(str(work / f'pictures{t.index:04d}.mkv'))}\n", f"duration {length_us}us\n"]
            done += n
        listing = work / "pictures.txt"
        listing.write_text("".join(lines), encoding="utf-8")
        argv = compile_stream_encode(listing, work / "piece%04d.mp4", quality=quality, fps=fps,
                                     keyframes=keys, splits=splits)
        _encode(argv, tasks, counts, work, cancel, progress)
        pieces = sorted(work.glob("piece*.mp4"))
        if len(pieces) != len(splits) + 1:
            raise RenderError(f"the encoder cut {len(pieces)} pieces instead of {len(splits) + 1}", command=argv)
        pieces = pieces[:len(tasks)]  # a post-roll's piece is left out (removed with the folder)
        for t, piece in zip(tasks, pieces, strict=True):
            got = count_frames(piece)
            if got != t.frames:
                raise RenderError(f"chunk {t.index} has {got} frames instead of {t.frames}", command=argv)
        for t, piece in zip(tasks, pieces, strict=True):
            store.put(t.key, piece)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _encode(argv: list[str], tasks: Sequence[ChunkTask], counts: list[int], work: Path,
            cancel: Any, progress: Callable[[int], Any] | None) -> None:
    """Run the encoder and, one after the other, each chunk's picture process into its pipe.
    Whichever fails first is reported; the other is killed (a process whose partner died would
    otherwise wait on its pipe forever)."""
    encoder = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, **owners.child_options())
    enc_err = _Stderr(encoder.stderr)
    reader = threading.Thread(target=_frames, args=(encoder.stdout, progress), daemon=True)
    reader.start()
    picture: subprocess.Popen | None = None
    try:
        for t, n in zip(tasks, counts, strict=True):
            pic_argv = [*t.cmd.graph_argv, "-c:v", "rawvideo", "-frames:v", str(n),
                        "-f", "matroska", str(work / f"pictures{t.index:04d}.mkv")]
            picture = subprocess.Popen(pic_argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, **owners.child_options())
            pic_err = _Stderr(picture.stderr)
            _wait(picture, partner=encoder, cancel=cancel)
            pic_err.join()
            if encoder.poll() not in (None, 0):
                break
            if picture.returncode != 0:
                tail = pic_err.tail()
                raise RenderError(f"chunk {t.index}: ffmpeg failed with exit code {picture.returncode}: "
                                  f"{tail.splitlines()[-1] if tail else ''}", returncode=picture.returncode,
                                  command=pic_argv, stderr_tail=tail)
        _wait(encoder, partner=None, cancel=cancel)
        enc_err.join()
        if encoder.returncode != 0:
            tail = enc_err.tail()
            raise RenderError(f"the chunks' encoder failed with exit code {encoder.returncode}: "
                              f"{tail.splitlines()[-1] if tail else ''}", returncode=encoder.returncode,
                              command=argv, stderr_tail=tail)
    except KeyboardInterrupt:
        raise RenderCancelled("render interrupted", command=argv) from None
    finally:
        for proc in (picture, encoder):
            if proc is not None:
                _kill(proc)
        reader.join(timeout=5)


def _wait(proc: subprocess.Popen, *, partner: subprocess.Popen | None, cancel: Any) -> None:
    """Wait for ``proc`` to exit; raise on cancel; once ``partner`` (the encoder) has exited,
    give ``proc`` `GRACE_S` more, then kill it (it is blocked on a pipe nobody reads)."""
    while True:
        try:
            proc.wait(timeout=0.1)
            return
        except subprocess.TimeoutExpired:
            pass
        if _cancelled(cancel):
            raise RenderCancelled("render cancelled", command=proc.args)
        if partner is not None and partner.poll() is not None:
            try:
                proc.wait(timeout=GRACE_S)
            except subprocess.TimeoutExpired:
                _kill(proc)
            return


def _frames(pipe, progress: Callable[[int], Any] | None) -> None:
    """Drain the encoder's ``-progress`` report, passing on its frame counts."""
    for raw in iter(pipe.readline, b""):
        line = raw.decode("ascii", "replace").strip()
        if progress is not None and line.startswith("frame=") and line[6:].isdigit():
            progress(int(line[6:]))
    pipe.close()
