"""Consecutive chunks through one encoder (`reelforge.render.stream`): real ffmpeg, real photos.

The pieces are cached as chunks, a run that stops before a cached chunk joins it without a
seam, and a failure or a cancel anywhere in the run stops both processes, caches nothing and
leaves no pipe or piece behind."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest

from reelforge.errors import RenderCancelled, RenderError
from reelforge.render.cache import ChunkCache
from reelforge.render.chunked import export, prepare, runs
from reelforge.render.stream import render_run
from reelforge.render.verify import count_frames

from ._chunk_helpers import photos, psnr_per_frame, rich_timeline

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def timeline(media, tmp_path_factory):
    return rich_timeline(photos(tmp_path_factory.mktemp("photos")), media)


@pytest.fixture(scope="module")
def one_by_one(timeline, tmp_path_factory):
    """The export with every chunk rendered alone, and its cache."""
    d = tmp_path_factory.mktemp("alone")
    cache = ChunkCache(d / "cache")
    return export(timeline, d / "alone.mp4", cache=cache, streamed=False), cache


def test_a_run_before_a_cached_chunk_joins_it_without_a_seam(timeline, one_by_one, tmp_path):
    """Two middle chunks missing: they go through one encoder with the post-roll of a chunk
    rendered alone (the next chunk is another encode's), and the export matches the one whose
    chunks were all rendered alone: the same frames but around the joins, >= 45 dB there."""
    first, cache = one_by_one
    tasks = prepare(timeline, quality="standard", workdir=tmp_path / "p")
    assert len(tasks) >= 4
    for t in tasks[1:3]:
        cache.discard(t.key)
    groups = runs([t for t in tasks if cache.get(t.key) is None])
    assert [[t.index for t in g] for g in groups] == [[1, 2]]
    res = export(timeline, tmp_path / "again.mp4", cache=cache, streamed=True, parallel=1)
    assert (res.chunks, res.rendered) == (len(tasks), 2)
    assert count_frames(res.path) == count_frames(first.path) == 480
    psnr = psnr_per_frame(first.path, res.path, tmp_path)
    joins = [t.first for t in tasks[1:4]]
    near = {f for j in joins for f in range(j - 3, j + 3)}
    assert min(psnr) >= 45, [round(p, 1) for p in psnr]
    assert all(p >= 99 for f, p in enumerate(psnr) if f not in near), \
        [(f, round(p, 1)) for f, p in enumerate(psnr) if p < 99]


def test_each_piece_is_its_chunk(timeline, tmp_path):
    """The whole plan in one run: one cached piece a chunk, each with its chunk's frames and an
    IDR first frame, starting at time 0; the run's folder (pipes, pieces) is gone."""
    import av

    tasks = prepare(timeline, quality="standard", workdir=tmp_path / "w")
    store = ChunkCache(tmp_path / "cache")
    seen: list[int] = []
    render_run(tasks, store, joins=[t.first for t in tasks], quality="standard", progress=seen.append)
    for t in tasks:
        path = store.get(t.key)
        assert path is not None, t.index
        with av.open(str(path)) as f:
            v = f.streams.video[0]
            packets = [p for p in f.demux(v) if p.size]
            assert len(packets) == t.frames
            assert packets[0].is_keyframe and min(p.pts for p in packets) == 0
    assert seen and seen[-1] == sum(t.frames for t in tasks)
    assert not list((tmp_path / "w").glob("run*"))


def _broken(task, **cmd_changes):
    return dataclasses.replace(task, cmd=dataclasses.replace(task.cmd, **cmd_changes))


def test_a_chunk_that_fails_stops_the_run_and_caches_nothing(timeline, tmp_path):
    tasks = prepare(timeline, quality="standard", workdir=tmp_path / "w")[:3]
    tasks[1] = _broken(tasks[1], filter_graph="this is not a filter graph")
    store = ChunkCache(tmp_path / "cache")
    t0 = time.monotonic()
    with pytest.raises(RenderError, match=r"chunk 1: ffmpeg failed") as err:
        render_run(tasks, store, joins=[t.first for t in tasks], quality="standard")
    assert err.value.stderr_tail
    assert time.monotonic() - t0 < 120  # nothing waited on a pipe nobody writes
    assert store.entries() == []
    assert not list((tmp_path / "w").glob("run*"))


def test_an_encoder_that_fails_stops_the_run(timeline, tmp_path):
    """The first chunk's process writes a file with no picture: the encoder fails, the picture
    process that waits on its pipe is killed, the encoder's error is the one reported."""
    from reelforge.media.ffmpeg import ffmpeg_exe

    tasks = prepare(timeline, quality="standard", workdir=tmp_path / "w")[:2]
    silent = (ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
              "-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono", "-t", "1", "-map", "0:a")
    tasks[0] = _broken(tasks[0], graph_argv=silent)
    store = ChunkCache(tmp_path / "cache")
    t0 = time.monotonic()
    with pytest.raises(RenderError, match="encoder|chunk 0"):
        render_run(tasks, store, joins=[t.first for t in tasks], quality="standard")
    assert time.monotonic() - t0 < 120
    assert store.entries() == []
    assert not list((tmp_path / "w").glob("run*"))


def test_cancel_stops_a_run(timeline, tmp_path):
    tasks = prepare(timeline, quality="standard", workdir=tmp_path / "w")
    store = ChunkCache(tmp_path / "cache")
    stop = threading.Event()
    t0 = time.monotonic()
    with pytest.raises(RenderCancelled):
        render_run(tasks, store, joins=[t.first for t in tasks], quality="standard", cancel=stop,
                   progress=lambda n: n > 30 and stop.set())
    assert time.monotonic() - t0 < 120
    assert store.entries() == []
    assert not list((tmp_path / "w").glob("run*"))


def test_a_run_takes_two_chunks_or_more_that_follow_each_other(timeline, tmp_path):
    tasks = prepare(timeline, quality="standard", workdir=tmp_path / "w")
    store = ChunkCache(tmp_path / "cache")
    joins = [t.first for t in tasks]
    for bad, why in (([tasks[0]], "two chunks or more"), ([tasks[0], tasks[2]], "follow each other")):
        with pytest.raises(ValueError, match=why):
            render_run(bad, store, joins=joins, quality="standard")
    rolled = prepare(timeline, quality="standard", workdir=tmp_path / "r", pre_roll=4)
    with pytest.raises(ValueError, match="without a pre-roll"):
        render_run(rolled[1:3], store, joins=joins, quality="standard")
    assert store.entries() == []
