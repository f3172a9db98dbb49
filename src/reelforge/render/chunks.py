"""Chunk planning and chunk identity (pure).

An export is cut into chunks of output frames ``[first, end)``; each is rendered on its own
(`reelforge.render.compile.compile_chunk`) and the chunks are joined by stream copy. Each
chunk is its own encode, so it starts with an IDR frame and no frame refers across a join
(closed GOPs).

Where to cut: at shot boundaries (a main-track segment that starts with a cut, or the first
frame after a transition), so an edit of one shot's motion or focus touches only that shot's
chunks and no transition is rendered twice; a shot longer than ``max_s`` is split evenly, and
shots shorter than ``min_s`` are merged with the next; the first chunk is at most ``head_s``
long. Why these lengths (measured on the reference job, ``bench/render.py`` and
``bench/make.py``): every chunk but the last pays its post-roll (8 frames at the standard
quality, ~9 % more x264 work with 3 s chunks: 4.2 s CPU of the job's 49 s of chunk encoding)
and the fixed cost of a process (~0.15 s: start, decoding the still, x264's start-up), so a shot
of up to 6.5 s is one chunk; longer ones make a one-word text edit re-render more frames, so the
first chunk, where titles and the live preview's first fragment are, stays at 3 s.

The key of a chunk is a hash of everything its frames depend on: the compiled command for
that range (the graph holds only what is on screen there: sources and in-points, motion,
focus, text, logo, frame size, fps, encoder settings), the content of each source file
(its SHA-256, not its path or modification time: a source written again with the same bytes,
copied or touched keeps its chunks), the text drawn (with its fitted font size), the ffmpeg
build and `RENDERER_VERSION`. Paths of the temporary work folder are left out, so the same
range of the same timeline gets the same key in any export.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
from collections.abc import Iterable
from pathlib import Path

from reelforge.render.compile import RenderCommand, TextOverlay, total_frames
from reelforge.render.text import text_lines
from reelforge.timeline.model import Role, Timeline, TrackKind, Transition, VideoSegment

# bump when a change to the renderer changes the pixels of a chunk (old cached chunks then miss)
RENDERER_VERSION = "chunks-3"
MIN_CHUNK_S = 2.0
MAX_CHUNK_S = 6.5
HEAD_CHUNK_S = 3.0
# frames encoded before and after each chunk and dropped, by quality: a post-roll as long as
# x264's lookahead (veryfast 10, medium 40) ends a chunk as a whole render goes on; with each
# join's two IDR frames (`compile.join_keyframes`) a pre-roll buys nothing (measured:
# bench/seams.py, README "Chunked exports")
ROLLS: dict[str, tuple[int, int]] = {"draft": (0, 0), "standard": (0, 8), "high": (0, 40)}


def shot_boundaries(timeline: Timeline) -> list[int]:
    """Output frames where a chunk may start without cutting a shot or a transition."""
    fps = timeline.fps
    total = total_frames(timeline)
    main = next((t for t in timeline.tracks if t.kind is TrackKind.VIDEO and t.role is Role.MAIN), None)
    segs = [s for s in (main.segments if main else ()) if isinstance(s, VideoSegment)]
    out = set()
    prev_end = None
    for seg in segs:
        fs = (seg.start * fps + 500) // 1000
        fe = (seg.end * fps + 500) // 1000
        if prev_end is not None and seg.transition is not Transition.CUT and prev_end > fs:
            out.add(prev_end)  # the first frame after the transition
        else:
            out.add(fs)
            if prev_end is not None and prev_end < fs:
                out.add(prev_end)  # a gap starts
        prev_end = fe
    return sorted(b for b in out if 0 < b < total)


def plan_chunks(timeline: Timeline, *, min_s: float = MIN_CHUNK_S, max_s: float = MAX_CHUNK_S,
                head_s: float = HEAD_CHUNK_S) -> list[tuple[int, int]]:
    """The chunks of ``timeline`` as ``[(first, end), ...]`` covering every output frame."""
    total = total_frames(timeline)
    lo, hi = max(1, round(min_s * timeline.fps)), max(1, round(max_s * timeline.fps))
    head = max(lo, round(head_s * timeline.fps))
    chunks: list[tuple[int, int]] = []
    start = 0
    for cut in [*shot_boundaries(timeline), total]:
        length = cut - start
        if length < lo and cut != total:
            continue  # too short: runs on into the next shot
        k = max(1, math.ceil(length / hi))
        edges = [start + round(j * length / k) for j in range(k + 1)]
        chunks += list(zip(edges, edges[1:], strict=False))
        start = cut
    if len(chunks) > 1 and chunks[-1][1] - chunks[-1][0] < lo // 2:
        # a sliver at the end: join it to the chunk before
        (a, _), (_, b) = chunks[-2], chunks[-1]
        chunks[-2:] = [(a, b)]
    a, b = chunks[0]
    if b - a > head and b - a - head >= lo:  # a short first chunk, if what is left is long enough
        chunks[:1] = [(a, a + head), (a + head, b)]
    return chunks


_DIGESTS: dict[tuple, str] = {}


def _file_identity(path: Path) -> list:
    """[size, sha256] of a source file; the digest is remembered per (file, size, mtime), so
    a worker hashes each source once however many chunks and exports use it."""
    try:
        st = os.stat(path)
    except OSError:
        return [str(path), None]
    memo = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    digest = _DIGESTS.get(memo)
    if digest is None:
        try:
            with open(path, "rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
        except OSError:
            return [str(path), None]
        if len(_DIGESTS) > 4096:
            _DIGESTS.clear()
        _DIGESTS[memo] = digest
    return [st.st_size, digest]


def chunk_key(cmd: RenderCommand, fitted: Iterable[TextOverlay], *, workdir: Path,
              extra: str = "") -> str:
    """Content address of a chunk command (see the module docstring). ``fitted`` holds the
    command's overlays with their final font sizes; ``workdir`` is where the command's
    temporary files live (left out of the key)."""
    work = str(workdir)
    texts = {str(s.path): f"<text{i}>" for i, s in enumerate(cmd.overlays)}
    media = {str(p) for p in cmd.media}
    argv = []
    for arg in cmd.argv[1:]:  # not the ffmpeg path (its version is below)
        if arg == str(cmd.output):
            arg = "<out>"
        elif arg in texts:
            arg = texts[arg]
        elif arg in media:
            arg = json.dumps(_file_identity(Path(arg)))
        argv.append(arg.replace(work, "<work>"))
    by_id = {s.segment_id: s for s in fitted}
    text = [{**{k: (str(v) if isinstance(v, Path | os.PathLike) else v)
                for k, v in dataclasses.asdict(by_id.get(s.segment_id, s)).items()
                if k not in ("path", "segment_id")},
             # the lines it is drawn in: a change of where lines break draws other pixels from the same words
             "lines": text_lines(by_id.get(s.segment_id, s), by_id.get(s.segment_id, s).font_px)}
            for s in cmd.overlays]
    doc = {"v": RENDERER_VERSION, "ffmpeg": _ffmpeg_identity(cmd.argv[0]), "argv": argv,
           "graph": cmd.filter_graph.replace(work, "<work>"), "text": text, "extra": extra}
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()[:40]


def _ffmpeg_identity(exe: str) -> list:
    """The ffmpeg build by file name and size (the bundled binary's name carries its version;
    hashing 170 MB in every process would cost more than a chunk)."""
    try:
        return [Path(exe).name, os.stat(exe).st_size]
    except OSError:
        return [Path(exe).name, None]
