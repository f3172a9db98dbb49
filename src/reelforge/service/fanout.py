"""An export fanned out over the queue: one task per chunk, any worker takes any chunk.

    reelforge.render (run_render, jobs.py)  claims the export, then `fan_out`:
        plans the chunks (`reelforge.render.chunked.prepare`), records one ``render_chunks``
        row per chunk (+ one for the audio, idx -1), marks those already in the chunk cache
        done (reused), enqueues a `run_chunk` task for each of the others, schedules `watch`
    reelforge.render.chunk (run_chunk)      claims one chunk row, renders it into the shared
        chunk cache (``<data_dir>/chunks``), marks it done, then `maybe_join`
    maybe_join                              the worker that finishes the last chunk claims the
        join (stage rendering -> finalizing, a conditional UPDATE: once), links the chunks,
        joins them by stream copy, verifies, completes the export and charges it (once)
    reelforge.render.watch (watch)          every `WATCH_EVERY` s while the export runs: a chunk
        (or the join) held by a dead worker goes back on the queue, so a worker killed
        mid-export costs only the chunk it held

Liveness of a holder: on this host its pid (a SIGKILLed worker is seen at once); elsewhere its
heartbeat (``updated``, written every `HEARTBEAT_EVERY` s while rendering) younger than
`CHUNK_STALE_SECONDS`. Credits and progress stay per export; progress is the share of frames
in chunks done.
"""

from __future__ import annotations

import logging
import os
import socket
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from reelforge import owners
from reelforge.errors import RenderCancelled
from reelforge.service import live
from reelforge.service.context import Context
from reelforge.service.db import Render, RenderChunk, now

log = logging.getLogger("reelforge.service.fanout")

AUDIO = -1
WATCH_EVERY = 2.0
HEARTBEAT_EVERY = 0.5
CHUNK_STALE_SECONDS = 30.0  # a holder on another host with no heartbeat this long is dead
REQUEUE_QUEUED_AFTER = 60.0  # a chunk queued this long is enqueued again (a lost task)

_active: set[tuple[str, int | str]] = set()  # what this process is working on right now


def worker_id() -> str:
    from reelforge.service.jobs import WORKER_ID

    return WORKER_ID


def chunk_cache(ctx: Context):
    """``<data_dir>/chunks``, or the host's own (the embedded MCP server shares the CLI's)."""
    from reelforge.render.cache import ChunkCache

    if ctx.extra.get("chunk_cache") is not None:
        return ctx.extra["chunk_cache"]
    return ChunkCache(ctx.storage.root / "chunks", cap_bytes=int(ctx.settings.chunk_cache_mb * 1024**2))


def _workdir() -> tempfile.TemporaryDirectory:
    from reelforge.render.runner import WORKDIR_PREFIX

    return tempfile.TemporaryDirectory(prefix=f"{WORKDIR_PREFIX}{owners.tag()}.")


def _timeline(row: Render):
    from reelforge.timeline import Timeline

    return Timeline.from_json(row.timeline)


def fan_out(ctx: Context, jobs: Any, row: Render) -> None:
    """Plan and record the chunks of a claimed export and put the missing ones on the queue."""
    from reelforge.render.chunked import audio_key, prepare
    from reelforge.render.runner import _check_sources

    timeline = _timeline(row)
    _check_sources(timeline)
    with ctx.db.tx() as s:
        have = s.execute(select(RenderChunk).where(RenderChunk.render_id == row.id)).scalars().all()
    early = None
    if have:  # run again (recovery): the plan stands; what is not done goes back on the queue
        todo = [c.idx for c in have if c.status != "done"]
        with ctx.db.tx() as s:
            s.execute(update(RenderChunk).where(RenderChunk.render_id == row.id, RenderChunk.status != "done")
                      .values(status="queued", worker=None, updated=now()))
    else:
        cache = chunk_cache(ctx)
        early = live.start_head_audio(ctx, jobs, row, timeline, cache) if row.kind == "preview" else None
        with _workdir() as tmp:
            tasks = prepare(timeline, quality=row.quality, workdir=Path(tmp))
            akey, _ = audio_key(timeline, Path(tmp) / "audio")
        rows = [RenderChunk(render_id=row.id, idx=t.index, first=t.first, end=t.end, key=t.key,
                            reused=cache.get(t.key) is not None, attempts=0, updated=now())
                for t in tasks]
        rows.append(RenderChunk(render_id=row.id, idx=AUDIO, first=0, end=0, key=akey,
                                reused=cache.get(akey, ".m4a") is not None, attempts=0, updated=now()))
        for r in rows:
            r.status = "done" if r.reused else "queued"
        with ctx.db.tx() as s:
            s.add_all(rows)
            s.execute(update(Render).where(Render.id == row.id).values(
                chunks=len(tasks), chunks_reused=sum(1 for r in rows if r.reused and r.idx != AUDIO),
                updated=now()))
        todo = [r.idx for r in rows if r.status == "queued"]
        log.info("export %s: %d chunks, %d reused", row.id, len(tasks), len(tasks) + 1 - len(todo))
    head = (AUDIO, 0) if row.kind == "preview" and not have else ()
    for idx in sorted(todo, key=lambda i: i in head):  # a preview's head last: rendered here now
        jobs.enqueue_chunk(row.id, idx, row.kind)
    jobs.watch(row.id)
    _progress(ctx, row.id)
    if row.kind == "preview":
        live.head(ctx, jobs, row.id, [i for i in todo if i in head], early if head else None)
    maybe_join(ctx, jobs, row.id)


def _progress(ctx: Context, render_id: str) -> None:
    with ctx.db.tx() as s:
        chunks = s.execute(select(RenderChunk.first, RenderChunk.end, RenderChunk.status)
                           .where(RenderChunk.render_id == render_id, RenderChunk.idx != AUDIO)).all()
        total = sum(b - a for a, b, _ in chunks) or 1
        done = sum(b - a for a, b, st in chunks if st == "done")
        s.execute(update(Render).where(Render.id == render_id, Render.status == "running",
                                       Render.stage == "rendering")
                  .values(progress=round(0.95 * done / total, 4), updated=now()))


def run_chunk(ctx: Context, jobs: Any, render_id: str, idx: int) -> None:
    """The queue task for one chunk (or the audio, idx -1)."""
    from reelforge.render.chunked import prepare, render_audio, render_chunk

    if jobs.cancel.is_set():  # shutting down: hand it back untouched for another worker
        jobs.enqueue_chunk(render_id, idx)
        return
    me = worker_id()
    with ctx.db.tx() as s:
        claimed = s.execute(
            update(RenderChunk).where(RenderChunk.render_id == render_id, RenderChunk.idx == idx,
                                      RenderChunk.status == "queued")
            .values(status="running", worker=me, attempts=RenderChunk.attempts + 1, updated=now())
        ).rowcount
        chunk = s.get(RenderChunk, (render_id, idx)) if claimed else None
        row = s.get(Render, render_id) if claimed else None
    if chunk is None:
        return  # done, or taken by another worker (a duplicate delivery)
    if row is None or row.status != "running":
        _release(ctx, chunk, me)
        return
    _active.add((render_id, idx))
    last = [0.0]

    def beat(_fraction: float) -> None:
        t = time.monotonic()
        if t - last[0] < HEARTBEAT_EVERY:
            return
        last[0] = t
        with ctx.db.tx() as s:
            s.execute(update(RenderChunk).where(RenderChunk.render_id == render_id, RenderChunk.idx == idx,
                                                RenderChunk.worker == me).values(updated=now()))
            s.execute(update(Render).where(Render.id == render_id, Render.status == "running")
                      .values(updated=now()))

    try:
        timeline = _timeline(row)
        cache = chunk_cache(ctx)
        with _workdir() as tmp:
            if idx == AUDIO:
                render_audio(timeline, cache, Path(tmp), cancel=jobs.cancel)
            else:
                [task] = prepare(timeline, quality=row.quality, workdir=Path(tmp),
                                 chunks=[(chunk.first, chunk.end)])
                if task.key != chunk.key:
                    log.warning("chunk %s/%d: key differs from the plan's (another renderer version?)",
                                render_id, idx)
                    with ctx.db.tx() as s:
                        s.execute(update(RenderChunk).where(RenderChunk.render_id == render_id,
                                                            RenderChunk.idx == idx).values(key=task.key))
                render_chunk(task, cache, cancel=jobs.cancel, progress=beat)
        with ctx.db.tx() as s:
            s.execute(update(RenderChunk).where(RenderChunk.render_id == render_id, RenderChunk.idx == idx,
                                                RenderChunk.status == "running", RenderChunk.worker == me)
                      .values(status="done", updated=now()))
    except BaseException as exc:  # noqa: BLE001 - every failure is recorded
        from reelforge.service.jobs import _reason, fail

        if isinstance(exc, RenderCancelled) and jobs.cancel.is_set():
            _release(ctx, chunk, me)
            jobs.enqueue_chunk(render_id, idx, row.kind)
        elif chunk.attempts >= ctx.settings.chunk_attempts:
            log.warning("chunk %s/%d failed for good: %s", render_id, idx, exc)
            fail(ctx, render_id, f"chunk {idx} failed: {_reason(exc)}")
        else:
            log.warning("chunk %s/%d failed, trying again: %s", render_id, idx, exc)
            _release(ctx, chunk, me)
            jobs.enqueue_chunk(render_id, idx, row.kind)
        if not isinstance(exc, Exception):
            raise
        return
    finally:
        _active.discard((render_id, idx))
    _progress(ctx, render_id)
    if row.kind == "preview":
        try:
            live.publish(ctx, render_id)
        except Exception:  # noqa: BLE001 - the preview itself still completes; its stream stops short
            log.exception("preview %s: live fragments failed", render_id)
    maybe_join(ctx, jobs, render_id)


def _release(ctx: Context, chunk: RenderChunk, holder: str | None) -> bool:
    """Put a running chunk back to queued (only if ``holder`` still holds it)."""
    with ctx.db.tx() as s:
        return bool(s.execute(
            update(RenderChunk).where(RenderChunk.render_id == chunk.render_id, RenderChunk.idx == chunk.idx,
                                      RenderChunk.status == "running", RenderChunk.worker == holder)
            .values(status="queued", worker=None, updated=now())).rowcount)


def maybe_join(ctx: Context, jobs: Any, render_id: str) -> None:
    """Join the export if every chunk is done and nobody joins it yet (claimed once)."""
    me = worker_id()
    with ctx.db.tx() as s:
        pending = s.execute(select(func.count()).select_from(RenderChunk).where(
            RenderChunk.render_id == render_id, RenderChunk.status != "done")).scalar_one()
        if pending:
            return
        claimed = s.execute(
            update(Render).where(Render.id == render_id, Render.status == "running", Render.stage == "rendering")
            .values(stage="finalizing", progress=0.96, worker=me, updated=now())).rowcount
    if not claimed:
        return
    _active.add((render_id, "join"))
    try:
        _join(ctx, jobs, render_id)
    except BaseException as exc:  # noqa: BLE001 - every failure is recorded
        from reelforge.service.jobs import _reason, fail

        if isinstance(exc, RenderCancelled) and jobs.cancel.is_set():
            with ctx.db.tx() as s:  # another worker joins it (watch)
                s.execute(update(Render).where(Render.id == render_id, Render.stage == "finalizing",
                                               Render.worker == me).values(stage="rendering", updated=now()))
        else:
            log.warning("export %s: join failed: %s", render_id, exc)
            fail(ctx, render_id, _reason(exc))
        if not isinstance(exc, Exception):
            raise
    finally:
        _active.discard((render_id, "join"))


def _join(ctx: Context, jobs: Any, render_id: str) -> None:
    from reelforge.render.chunked import assemble, prepare
    from reelforge.service.jobs import complete

    with ctx.db.tx() as s:
        row = s.get(Render, render_id)
    timeline = _timeline(row)
    out = ctx.storage.render_path(row.download_key)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{owners.tag()}.{uuid.uuid4().hex[:8]}.part")
    try:
        with _workdir() as tmp:
            tasks = prepare(timeline, quality=row.quality, workdir=Path(tmp))
            assemble(timeline, chunk_cache(ctx), tasks, partial, workdir=Path(tmp), cancel=jobs.cancel)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    complete(ctx, row, out)


def _holder_alive(worker: str | None, updated: float, what: tuple[str, int | str]) -> bool:
    if not worker:
        return False
    if worker == worker_id():
        return what in _active
    host, _, pid = worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    return time.time() - updated < CHUNK_STALE_SECONDS


def watch(ctx: Context, jobs: Any, render_id: str, *, again: bool = True) -> None:
    """Put chunks (and a join) held by dead workers back on the queue; reschedule while running."""
    with ctx.db.tx() as s:
        row = s.get(Render, render_id)
        chunks = s.execute(select(RenderChunk).where(RenderChunk.render_id == render_id)).scalars().all()
    if row is None or row.status != "running":
        return
    t = time.time()
    for c in chunks:
        if c.status == "running" and not _holder_alive(c.worker, c.updated, (render_id, c.idx)):
            if _release(ctx, c, c.worker):
                log.info("chunk %s/%d: worker %s is gone, back on the queue", render_id, c.idx, c.worker)
                jobs.enqueue_chunk(render_id, c.idx, row.kind)
        elif c.status == "queued" and t - c.updated > REQUEUE_QUEUED_AFTER:
            with ctx.db.tx() as s:  # its task may have been lost with a worker: one more (claims are once)
                s.execute(update(RenderChunk).where(RenderChunk.render_id == render_id, RenderChunk.idx == c.idx,
                                                    RenderChunk.status == "queued").values(updated=now()))
            jobs.enqueue_chunk(render_id, c.idx, row.kind)
    if row.stage == "finalizing" and not _holder_alive(row.worker, row.updated, (render_id, "join")):
        with ctx.db.tx() as s:
            s.execute(update(Render).where(Render.id == render_id, Render.stage == "finalizing",
                                           Render.worker == row.worker, Render.status == "running")
                      .values(stage="rendering", updated=now()))
    if chunks:
        maybe_join(ctx, jobs, render_id)
    if again:
        jobs.watch(render_id)


def has_chunks(ctx: Context, render_id: str) -> bool:
    with ctx.db.tx() as s:
        return s.execute(select(func.count()).select_from(RenderChunk)
                         .where(RenderChunk.render_id == render_id)).scalar_one() > 0
