"""Render jobs on Huey: SqliteHuey (a file in the data dir) by default, RedisHuey when
``REELFORGE_QUEUE`` is a ``redis://`` URL. The same task code runs in the embedded consumer
(threads inside ``serve``) and in ``reelforge worker`` (a separate process).

A job's life (the row in ``renders`` is the truth, the queue only carries ids):

    queued -> (claimed: status running) rendering -> finalizing -> completed   (credits charged)
                                                                -> failed      (credits released, error kept)

* Claiming is a conditional UPDATE (``status='queued'``), so a job delivered twice runs once.
* The claimed export is **fanned out** (`reelforge.service.fanout`): its chunks are tasks of
  their own (``reelforge.render.chunk``) that any worker takes; chunks already in the chunk
  cache are reused; the worker finishing the last chunk joins them (stage ``finalizing``),
  completes the export and charges it once. A watcher task (``reelforge.render.watch``) puts
  the chunk of a dead worker back on the queue. Progress is the share of frames done.
* Shutdown (``serve`` stopping, or ``reelforge worker`` getting SIGINT/SIGTERM): the running
  chunk is cancelled and goes back to ``queued`` and onto the queue (SqliteHuey persists it;
  on Redis another worker picks it up); the export keeps running.
* Startup recovery (``recover``), decided: a fanned-out export left ``running`` gets its dead
  workers' chunks requeued; one left ``running`` before it was fanned out (same host and its
  pid is gone, or no progress written for ``STALE_SECONDS``) is **requeued** while it has had
  fewer than ``requeue_attempts`` runs, otherwise marked failed with the reason and its
  credits released. ``queued`` rows missing from the queue (crash between commit and
  enqueue) are enqueued again.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import socket
import threading
import time
from typing import Any

from huey import RedisHuey, SqliteHuey
from sqlalchemy import select, update

from reelforge.service import credits, fanout, transcripts, webhooks
from reelforge.service.config import Settings
from reelforge.service.context import Context
from reelforge.service.db import Database, Render, clean, now
from reelforge.service.storage import Storage

log = logging.getLogger("reelforge.service.jobs")

TASK_NAME = "reelforge.render"
PRIORITY = {"export": 10, "preview": 0}  # paid work first (free previews are also rate-limited)
CHUNK_TASK = "reelforge.render.chunk"
WATCH_TASK = "reelforge.render.watch"
TRANSCRIPT_TASK = "reelforge.render.transcript"
TRANSCRIPT_PRIORITY = 5  # after paid exports, before free previews
STALE_SECONDS = 600.0
PROGRESS_EVERY = 0.5
# longest wait between two looks at an idle SQLite queue (Redis blocks instead): a preview's
# first seconds are due ~1 s after the request, so a job must not wait a whole second to start
IDLE_POLL = 0.1
_SIGNALS = tuple(getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n))
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}"

_runtime: dict[str, Any] = {}


def make_huey(settings: Settings):
    if settings.queue.startswith(("redis://", "rediss://", "unix://")):
        try:
            import redis  # noqa: F401
        except ImportError:
            raise RuntimeError("REELFORGE_QUEUE is a Redis URL but the redis package is missing: "
                               "pip install 'reelforge[scale]'") from None
        return RedisHuey("reelforge", url=settings.queue, results=False)
    if settings.queue != "sqlite":
        raise RuntimeError(f"REELFORGE_QUEUE must be 'sqlite' or a redis:// URL, not {settings.queue!r}")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("reelforge", filename=str(settings.data_dir / "queue.db"), results=False)


class Jobs:
    """The queue, the render task registered on it, and (optionally) an embedded consumer."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.huey = make_huey(ctx.settings)
        self.task = self.huey.task(name=TASK_NAME)(run_render)
        self.chunk_task = self.huey.task(name=CHUNK_TASK)(run_chunk)
        self.watch_task = self.huey.task(name=WATCH_TASK)(run_watch)
        self.transcript_task = self.huey.task(name=TRANSCRIPT_TASK)(run_transcript)
        self.consumer = None
        self.cancel = threading.Event()
        _runtime["ctx"] = ctx
        _runtime["jobs"] = self

    def enqueue(self, render_id: str, kind: str | None = None) -> None:
        """Queue a render; exports go before previews where the queue keeps priorities
        (SQLite; plain Redis lists keep arrival order). ``kind`` saves a lookup."""
        if not getattr(self.huey.storage, "priority", False):
            self.task(render_id)
            return
        if kind is None:
            with self.ctx.db.tx() as s:
                kind = s.execute(select(Render.kind).where(Render.id == render_id)).scalar_one_or_none()
        self.task(render_id, priority=PRIORITY.get(kind or "export", 0))

    def enqueue_chunk(self, render_id: str, idx: int, kind: str = "export") -> None:
        if getattr(self.huey.storage, "priority", False):
            self.chunk_task(render_id, idx, priority=PRIORITY.get(kind, 0))
        else:
            self.chunk_task(render_id, idx)

    def enqueue_transcript(self, render_id: str) -> None:
        if getattr(self.huey.storage, "priority", False):
            self.transcript_task(render_id, priority=TRANSCRIPT_PRIORITY)
        else:
            self.transcript_task(render_id)

    def watch(self, render_id: str, delay: float | None = None) -> None:
        from reelforge.service.fanout import WATCH_EVERY

        self.watch_task.schedule((render_id,), delay=WATCH_EVERY if delay is None else delay)

    def pending_ids(self) -> set[str]:
        ids = set()
        try:
            for t in self.huey.pending():
                if t.args and getattr(t, "name", TASK_NAME) == TASK_NAME:
                    ids.add(t.args[0])
        except Exception:  # pragma: no cover - best effort
            log.exception("cannot list pending jobs")
        return ids

    def start_consumer(self) -> None:
        self.consumer = self.huey.create_consumer(
            workers=self.ctx.settings.worker_threads, worker_type="thread", periodic=False,
            initial_delay=0.1, backoff=1.15, max_delay=IDLE_POLL, check_worker_health=False)
        # Consumer.start() installs its own SIGINT/SIGTERM/SIGHUP handlers; the host (uvicorn)
        # owns signals, so put its handlers back.
        saved = {sig: signal.getsignal(sig) for sig in _SIGNALS}
        self.consumer.start()
        for sig, handler in saved.items():
            if handler is not None:
                signal.signal(sig, handler)

    def stop(self) -> None:
        self.cancel.set()
        if self.consumer is not None:
            self.consumer.stop(graceful=True)
            self.consumer = None


# -- the task ---------------------------------------------------------------------------

def run_render(render_id: str) -> None:
    ctx: Context = _runtime["ctx"]
    jobs: Jobs = _runtime["jobs"]
    if jobs.cancel.is_set():  # shutting down: hand it back untouched for another worker
        jobs.enqueue(render_id)
        return
    with ctx.db.tx() as s:
        claimed = s.execute(
            update(Render).where(Render.id == render_id, Render.status == "queued")
            .values(status="running", stage="rendering", progress=0.0, worker=WORKER_ID,
                    attempts=Render.attempts + 1, started=now(), updated=now())
        ).rowcount
        row = s.get(Render, render_id) if claimed else None
    if row is None:
        log.info("render %s not claimable (gone or already taken)", render_id)
        return
    try:
        fanout.fan_out(ctx, jobs, row)
    except BaseException as exc:  # noqa: BLE001 - every failure is recorded
        from reelforge.errors import RenderCancelled

        if isinstance(exc, RenderCancelled) and jobs.cancel.is_set():
            requeue_or_fail(ctx, row.id, "interrupted by worker shutdown", enqueue=jobs.enqueue)
        else:
            log.warning("render %s failed: %s", render_id, exc)
            fail(ctx, row.id, _reason(exc))
        if not isinstance(exc, Exception):
            raise


def _reason(exc: BaseException) -> str:
    msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    tail = getattr(exc, "stderr_tail", "")
    if tail:
        msg = f"{msg}\n{tail[-800:]}"
    return msg


def run_chunk(render_id: str, idx: int) -> None:
    fanout.run_chunk(_runtime["ctx"], _runtime["jobs"], render_id, int(idx))


def run_watch(render_id: str) -> None:
    fanout.watch(_runtime["ctx"], _runtime["jobs"], render_id)


def run_transcript(render_id: str) -> None:
    transcripts.make(_runtime["ctx"], render_id)


def complete(ctx: Context, row: Render, out) -> None:
    """Record a finished export and charge it (once: only a running row completes)."""
    with ctx.db.tx() as s:
        done = s.execute(
            update(Render).where(Render.id == row.id, Render.status == "running")
            .values(status="completed", stage="completed", progress=1.0, output_path=str(out),
                    finished=now(), updated=now(), error=None)
        ).rowcount
        if done:
            credits.charge(s, row.owner, row.cost)
        gone = not done and s.get(Render, row.id) is None
    if gone:  # its session was deleted while it rendered (projects.delete_session): discard it
        try:
            os.unlink(out)
        except OSError:
            pass
        return
    if done:
        if row.transcript_state == "pending" and ctx.jobs is not None:
            ctx.jobs.enqueue_transcript(row.id)   # after the MP4 is out: never delays it
        webhooks.finished(ctx, row.id)


_PATH = re.compile(r"(?<![\w:/.~-])/(?:[^\s'\"():,/]+/)+([^\s'\"():,/]*)")


def without_paths(text: str) -> str:
    """``text`` with every absolute file path cut to its last part: a render's error is shown
    to the client (status document, MCP, webhook) and must not name where the server keeps
    files (``source file for 'a.jpg' not found: /srv/data/media/<id>/work/x.jpg``, ffmpeg's
    own lines). URLs keep their paths."""
    return _PATH.sub(lambda m: m.group(1) or "…", text)


def fail(ctx: Context, render_id: str, reason: str) -> None:
    reason = without_paths(reason)
    with ctx.db.tx() as s:
        row = s.get(Render, render_id, with_for_update=True)  # vs a racing finish elsewhere
        if row is None or row.status in ("completed", "failed"):
            return
        s.execute(update(Render).where(Render.id == render_id)
                  .values(status="failed", stage="failed", error=clean(reason, 4000),
                          finished=now(), updated=now()))
        credits.release(s, row.owner, row.cost)
    webhooks.finished(ctx, render_id)
    if row.output_path:
        try:
            os.unlink(row.output_path)
        except OSError:
            pass


def requeue_or_fail(ctx: Context, render_id: str, why: str, *, enqueue) -> None:
    with ctx.db.tx() as s:
        row = s.get(Render, render_id, with_for_update=True)  # vs a racing finish elsewhere
        if row is None or row.status != "running":  # finished, or already requeued by another
            return
        if row.attempts >= ctx.settings.requeue_attempts:
            again = False
        else:
            again = True
            s.execute(update(Render).where(Render.id == render_id)
                      .values(status="queued", stage="queued", progress=0.0, worker=None,
                              updated=now(), error=None))
    if again:
        enqueue(render_id)
        log.info("render %s requeued (%s)", render_id, why)
    else:
        fail(ctx, render_id, f"{why}; gave up after {row.attempts} attempts")


def _alive(worker: str | None, updated: float) -> bool:
    if not worker:
        return False
    host, _, pid = worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        if int(pid) == os.getpid():
            return False  # this process has not started a worker yet: a previous incarnation
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return time.time() - updated < STALE_SECONDS * 6
    return time.time() - updated < STALE_SECONDS


def recover(ctx: Context, jobs: Jobs) -> None:
    """Requeue or fail renders orphaned by a dead process; enqueue lost queued rows."""
    with ctx.db.tx() as s:
        running = s.execute(select(Render.id, Render.worker, Render.updated)
                            .where(Render.status == "running")).all()
        queued = s.execute(select(Render.id).where(Render.status == "queued")).scalars().all()
    for rid, worker, updated in running:
        if fanout.has_chunks(ctx, rid):  # fanned out: only dead workers' chunks go back
            fanout.watch(ctx, jobs, rid)
        elif not _alive(worker, updated):
            requeue_or_fail(ctx, rid, f"worker {worker} died while rendering", enqueue=jobs.enqueue)
    webhooks.recover(ctx)  # deliveries a stopped process left pending
    transcripts.recover(ctx, jobs.enqueue_transcript)
    if queued:
        pending = jobs.pending_ids()
        for rid in queued:
            if rid not in pending:
                jobs.enqueue(rid)


def open_context(settings: Settings) -> Context:
    storage = Storage(settings.data_dir)
    storage.ensure()
    db = Database(settings.db_url)
    db.upgrade()
    return Context(settings=settings, db=db, storage=storage)


def run_worker(settings: Settings | None = None) -> None:
    """``reelforge worker``: consume the shared queue in this process until interrupted."""
    settings = settings or Settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    ctx = open_context(settings)
    jobs = Jobs(ctx)
    ctx.jobs = jobs
    recover(ctx, jobs)
    from reelforge.service.storage import sweep_incoming

    sweep_incoming(ctx.storage)
    consumer = jobs.huey.create_consumer(
        workers=settings.worker_threads, worker_type="thread", periodic=False,
        initial_delay=0.1, backoff=1.15, max_delay=IDLE_POLL, shutdown_timeout=60)
    jobs.consumer = consumer
    huey_signal = consumer._handle_signal

    def on_signal(signum, frame) -> None:
        # SIGINT/SIGTERM (e.g. a service manager stopping this machine's worker): cancel the
        # running render so it goes back on the shared queue now (``requeue_or_fail``) instead
        # of staying "running" until some process's startup recovery finds it stale; then
        # stop gracefully (huey's SIGTERM alone would exit with the render thread mid-way).
        jobs.cancel.set()
        restart = signum == getattr(signal, "SIGHUP", None)
        huey_signal(signum if restart else consumer._graceful_sig, frame)

    consumer._handle_signal = on_signal  # installed by consumer.start() inside run()
    try:
        consumer.run()  # main thread: signal handlers are ours (above)
    finally:
        jobs.cancel.set()
        webhooks.stop(ctx)
        ctx.db.dispose()
