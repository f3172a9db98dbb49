"""Progressive previews: a draft preview playable while it renders (issue 13 step 4).

    fan_out (preview)  starts the sound of the first chunk's span as soon as it claims the
                       preview (`start_head_audio`), then renders the first chunk itself and
                       the whole audio beside it (`head`); the other chunks go on the queue as
                       for an export
    run_chunk          after each chunk (or the audio) of a preview: `publish`
    publish            every done chunk without its fragment gets one: the chunk's frames and
                       the audio of its span as a self-contained fragmented MP4 file,
                       ``<data_dir>/live/<render id>/<idx>.mp4`` (`reelforge.render.fragments`)
    stream             the HTTP body of ``/files/live/<key>.mp4`` and ``/v1/exports/<id>/live.mp4``:
                       the fragments in order as they appear; it ends after the last one, when
                       the render fails, or after `STREAM_SECONDS`

The finished preview is joined as before (``download_url``); the fragments are swept an
hour after their render finished (`sweep`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.responses import StreamingResponse

from reelforge.errors import RateLimited
from reelforge.service.context import Context
from reelforge.service.db import Render, RenderChunk

log = logging.getLogger("reelforge.service.live")

AUDIO = -1
POLL = 0.1  # how often a stream looks for the next fragment (a stat)
STATUS_EVERY = 0.5  # and reads the render's state
STREAM_SECONDS = 900.0  # a stream never stays open longer
CUT_AFTER = 5.0  # a stream blocked in a send (its client does not read) is cut this long after its deadline
KEEP_SECONDS = 3600.0  # fragments of a finished preview are kept this long
BLOCK = 256 * 1024

_open = 0
_lock = threading.Lock()


def live_dir(ctx: Context, render_id: str) -> Path:
    from reelforge.service.storage import _check

    return ctx.storage.root / "live" / _check(render_id)


def fragment_path(ctx: Context, render_id: str, idx: int) -> Path:
    return live_dir(ctx, render_id) / f"{idx:04d}.mp4"


def _fps(row: Render) -> int:
    try:
        return int(json.loads(row.timeline).get("fps") or 30)
    except (TypeError, ValueError, AttributeError):
        return 30


def _chunks(ctx: Context, render_id: str) -> list[RenderChunk]:
    with ctx.db.tx() as s:
        return list(s.execute(select(RenderChunk).where(RenderChunk.render_id == render_id)
                              .order_by(RenderChunk.idx)).scalars().all())


# -- worker side ------------------------------------------------------------------------

class HeadAudio:
    """The sound of a preview's first chunk, being made in a thread (`start_head_audio`)."""

    def __init__(self, timeline, seconds: float, workdir: Path, cancel) -> None:
        self.path: Path | None = None
        self.thread = threading.Thread(target=self._run, args=(timeline, seconds, workdir, cancel),
                                       name="preview-head-audio", daemon=True)
        self.thread.start()

    def _run(self, timeline, seconds: float, workdir: Path, cancel) -> None:
        from reelforge.render.fragments import head_audio

        try:
            self.path = head_audio(timeline, seconds, workdir, cancel=cancel)
        except Exception:  # noqa: BLE001 - then the first fragment waits for the whole audio
            log.exception("preview head audio failed")


def start_head_audio(ctx: Context, jobs, row: Render, timeline, cache) -> HeadAudio | None:
    """Start the sound of a preview's first chunk at once, before its chunks are compiled and
    keyed (~0.1-0.2 s), unless its whole audio is cached already."""
    from reelforge.render.chunked import audio_key
    from reelforge.render.chunks import plan_chunks
    from reelforge.service.fanout import _workdir

    try:
        with _workdir() as tmp:
            key, _ = audio_key(timeline, Path(tmp))
        if cache.get(key, ".m4a") is not None:
            return None
        end = plan_chunks(timeline)[0][1]
        return HeadAudio(timeline, end / timeline.fps + 0.1, live_dir(ctx, row.id) / ".head", jobs.cancel)
    except Exception:  # noqa: BLE001 - the preview renders regardless
        log.exception("preview %s: head audio not started", row.id)
        return None


def head(ctx: Context, jobs, render_id: str, todo: list[int], early: HeadAudio | None = None) -> None:
    """Make a preview's first fragment as soon as possible, in this worker: its first chunk
    here while the sound of its span is made beside it (``early``, `fragments.head_audio`),
    then the whole audio pass in that thread. Both are queued too (claims are once)."""
    from reelforge.service.fanout import run_chunk

    try:
        sweep(ctx)
        publish(ctx, render_id)  # chunks reused from the cache are playable at once
    except Exception:  # noqa: BLE001 - the preview renders regardless
        log.exception("preview %s: live fragments failed", render_id)
    head_sound: list[Path] = []

    def sound() -> None:
        if early is not None:
            early.thread.join()
            if early.path is not None and 0 in todo:
                head_sound.append(early.path)
        if AUDIO in todo:
            run_chunk(ctx, jobs, render_id, AUDIO)

    side = threading.Thread(target=sound, name=f"preview-audio-{render_id[:8]}", daemon=True)
    side.start()
    if 0 in todo:
        run_chunk(ctx, jobs, render_id, 0)
        _wait_for(head_sound, side)
        if head_sound:
            try:
                publish(ctx, render_id, head_audio=head_sound[0])
            except Exception:  # noqa: BLE001
                log.exception("preview %s: live fragments failed", render_id)
    side.join()
    if early is not None:
        early.thread.join()
        shutil.rmtree(live_dir(ctx, render_id) / ".head", ignore_errors=True)


def _wait_for(box: list, thread: threading.Thread, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not box and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)


def publish(ctx: Context, render_id: str, *, head_audio: Path | None = None) -> int:
    """Make the missing fragments of a preview's done chunks (once its audio is done, or the
    first one from ``head_audio``); returns how many were made. Idempotent and safe to run in
    several workers at once."""
    from reelforge.render.fragments import make_fragment
    from reelforge.service.fanout import _workdir, chunk_cache

    with ctx.db.tx() as s:
        row = s.get(Render, render_id)
    if row is None or row.kind != "preview" or row.status != "running":
        return 0
    chunks = _chunks(ctx, render_id)
    audio = next((c for c in chunks if c.idx == AUDIO), None)
    video = [c for c in chunks if c.idx != AUDIO]
    whole = audio is not None and audio.status == "done"
    if not whole and head_audio is None:
        return 0
    todo = [c for c in video if c.status == "done" and (whole or c.idx == 0)
            and not fragment_path(ctx, render_id, c.idx).exists()]
    if not todo:
        return 0
    cache, fps, last = chunk_cache(ctx), _fps(row), max(c.idx for c in video)
    made = 0
    with _workdir() as tmp:
        work = Path(tmp)
        sound = work / "audio.m4a"
        if whole and not cache.link_to(audio.key, sound, ".m4a"):
            log.warning("preview %s: its audio left the chunk cache; no live fragments", render_id)
            return 0
        for c in todo:
            pic = work / f"{c.idx:04d}.mp4"
            if not cache.link_to(c.key, pic):
                continue  # evicted meanwhile: the join renders it again; the stream ends there
            make_fragment(pic, sound if whole else head_audio, (c.first, c.end), fps,
                          fragment_path(ctx, render_id, c.idx), last=c.idx == last)
            made += 1
    return made


def sweep(ctx: Context, keep_seconds: float = KEEP_SECONDS) -> int:
    """Remove the fragments of previews finished more than ``keep_seconds`` ago (or gone)."""
    root = ctx.storage.root / "live"
    if not root.is_dir():
        return 0
    removed = 0
    cutoff = time.time() - keep_seconds
    for d in root.iterdir():
        with ctx.db.tx() as s:
            row = s.get(Render, d.name)
        if row is None or (row.finished is not None and row.finished < cutoff):
            shutil.rmtree(d, ignore_errors=True)
            removed += 1
    return removed


# -- what a status document says ---------------------------------------------------------

def rendered_ms(ctx: Context, row: Render) -> int:
    """How much of a preview is playable from its start (ms): its leading fragments."""
    if row.status == "completed":
        return row.duration_ms
    end = 0
    for c in _chunks(ctx, row.id):
        if c.idx == AUDIO:
            continue
        if not fragment_path(ctx, row.id, c.idx).exists():
            break
        end = c.end
    return min(row.duration_ms, round(end * 1000 / _fps(row)))


def live_url(base: str, row: Render) -> str | None:
    if row.kind != "preview":
        return None
    return f"{base.rstrip('/')}/files/live/{row.download_key}.mp4"


# -- serving -----------------------------------------------------------------------------

def _state(ctx: Context, render_id: str) -> tuple[str, int | None]:
    """(status, number of video chunks or None while not planned)."""
    with ctx.db.tx() as s:
        row = s.get(Render, render_id)
        if row is None:
            return "failed", None
        n = len([c for c in s.execute(select(RenderChunk.idx).where(
            RenderChunk.render_id == render_id, RenderChunk.idx != AUDIO)).scalars().all()])
    return row.status, (n or None)


def response(ctx: Context, row: Render, finished):
    """The HTTP response of a preview's live stream: the growing fragmented MP4 (ended after
    ``max_stream_seconds``, 15 minutes at most, even while a send is blocked), or once its
    fragments are swept ``finished(row)`` (the finished file). `NotFound` for an export or a
    failed preview, `RateLimited` past ``settings.live_streams`` watchers."""
    from reelforge.errors import NotFound

    if row.kind != "preview":
        raise NotFound(f"export {row.id} has no live stream (only previews do)")
    if row.status == "failed":
        raise NotFound(f"preview {row.id} failed: {row.error or 'unknown error'}")
    if row.status == "completed" and not fragment_path(ctx, row.id, 0).exists():
        return finished(row)
    return _LiveResponse(open_stream(ctx, row), media_type="video/mp4",
                         headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


def _seconds(ctx: Context) -> float:
    return min(STREAM_SECONDS, ctx.settings.max_stream_seconds)


class _LiveResponse(StreamingResponse):
    """A `StreamingResponse` whose lifetime holds while a send is blocked: the stream checks
    its deadline between fragments, but a client that never reads leaves the server waiting in
    ``send`` on a full socket, so the whole response runs under a cancel scope with the same
    deadline and its slot is given back when that ends it. (Before, four such clients held a
    process's live streams for good.)"""

    def __init__(self, body: _Body, **kwargs) -> None:
        super().__init__(body, **kwargs)
        self.live = body

    async def __call__(self, scope, receive, send) -> None:
        try:
            # a stream being read ends cleanly at its deadline, between fragments; this cuts one
            # whose send is blocked a moment later
            with anyio.move_on_after(self.live.seconds + CUT_AFTER):
                await super().__call__(scope, receive, send)
        finally:
            await self.live.aclose()


def open_stream(ctx: Context, row: Render) -> AsyncIterator[bytes]:
    """The progressive body of a preview (`RateLimited` past ``settings.live_streams`` open)."""
    from reelforge.service import streams

    global _open
    per_account = ctx.settings.live_streams_per_account
    if streams.open_count("live", row.owner) >= per_account:
        # one account cannot take every stream of the process (they are held up to 15 minutes)
        raise RateLimited(f"{per_account} live previews of this account are being watched at once "
                          f"(at most {per_account}); close one and try again", retry_after=5)
    with _lock:
        if _open >= ctx.settings.live_streams:
            raise RateLimited(f"{_open} live previews are being watched at once (at most "
                              f"{ctx.settings.live_streams}); try again shortly", retry_after=5)
        _open += 1  # given back when the body ends, fails, is cancelled or dropped (`_Body`)
    try:
        slot = streams.take(ctx, "live", row.owner, per_account=per_account, total=ctx.settings.live_streams)
    except BaseException:
        with _lock:
            _open -= 1
        raise
    return _Body(_stream(ctx, row.id, _seconds(ctx)), slot, _seconds(ctx))


class _Body:
    """The stream's async iterator; holds its slot until closed, even if never iterated."""

    def __init__(self, gen, slot=None, seconds: float = STREAM_SECONDS) -> None:
        self._gen = gen
        self._slot = slot
        self._released = False
        self.seconds = seconds

    def __aiter__(self):
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self._gen.__anext__()
        except BaseException:
            self.release()
            raise

    async def aclose(self) -> None:
        self.release()
        await self._gen.aclose()

    def release(self) -> None:
        global _open
        with _lock:
            if not self._released:
                self._released = True
                _open -= 1
        if self._slot is not None:
            self._slot.release()

    def __del__(self) -> None:
        self.release()


async def _stream(ctx: Context, render_id: str, seconds: float) -> AsyncIterator[bytes]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    idx, n, checked = 0, None, 0.0
    while loop.time() < deadline:
        if n is not None and idx >= n:
            return  # every fragment sent
        path = fragment_path(ctx, render_id, idx)
        if path.exists():
            for part in await run_in_threadpool(_parts, path, idx == 0):
                for i in range(0, len(part), BLOCK):
                    yield part[i:i + BLOCK]
            idx += 1
            continue
        if loop.time() - checked >= STATUS_EVERY:
            status, n = await run_in_threadpool(_state, ctx, render_id)
            checked = loop.time()
            if status == "failed":
                return  # the status document says why
            if status == "completed" and not path.exists():
                return  # its fragments are gone (swept): the finished file is the way
            continue
        await asyncio.sleep(POLL)


def _parts(path: Path, first: bool) -> list[bytes]:
    from reelforge.render.fragments import stream_boxes

    return stream_boxes(path.read_bytes(), first=first)

