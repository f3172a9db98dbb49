"""Waiting for a render holds no server thread. ``POST /v1/sessions/{id}/preview?wait=<s>``
slept in a worker thread (``time.sleep`` polling) for up to 300 s; the server has ~40 such
threads for every plain route, so 40 waiting previews (one per account: 4 client addresses'
worth of anonymous tokens) stopped every other request, ``/health`` included, until they
timed out. Now the wait is on the event loop: the server answers while they wait."""

from __future__ import annotations

import threading
import time

import pytest

from .. import _http as httpx
from .conftest import auth, session_with_cut, start_server

pytestmark = pytest.mark.service

WAITERS = 48  # more than the server's worker threads (anyio's default: 40)


@pytest.fixture(scope="module")
def no_worker(tmp_path_factory):
    # no worker: previews stay queued; one account may queue many (the per-account bound is
    # not what this is about, and many accounts would only make the test slow)
    srv = start_server(tmp_path_factory.mktemp("srv"), "waits", worker=False,
                       REELFORGE_PREVIEW_CONCURRENCY="1000", REELFORGE_PREVIEW_SECONDS_PER_HOUR="1000000")
    yield srv
    srv.stop()


def test_waiting_previews_leave_the_server_answering(no_worker, media_dir):
    base = no_worker.url
    token, sid = session_with_cut(base, media_dir, "a 6-second promo")
    answers: list[int] = []
    lock = threading.Lock()

    def wait_for_preview() -> None:
        try:
            r = httpx.post(f"{base}/v1/sessions/{sid}/preview?wait=150", json={}, headers=auth(token),
                           timeout=300)
            code = r.status_code
        except httpx.HTTPError:
            code = -1
        with lock:
            answers.append(code)

    threads = [threading.Thread(target=wait_for_preview, daemon=True) for _ in range(WAITERS)]
    for t in threads:
        t.start()
    # every waiter's preview is queued (so each request is in its wait)
    deadline = time.monotonic() + 120
    while True:
        r = httpx.get(f"{base}/v1/sessions/{sid}/exports", headers=auth(token), timeout=300)
        assert r.status_code == 200
        if len(r.json()["exports"]) >= WAITERS:
            break
        assert time.monotonic() < deadline, len(r.json()["exports"])
        time.sleep(0.5)
    time.sleep(2)
    # the server still answers, well before any wait ends (150 s)
    started = time.monotonic()
    for path in ("/health", "/v1/credits"):
        try:
            r = httpx.get(base + path, headers=auth(token), timeout=60)
        except httpx.TimeoutException:
            pytest.fail(f"{path} did not answer within 60 s while {WAITERS} previews were waited for")
        assert r.status_code == 200, r.text
    assert time.monotonic() - started < 60
    assert not answers   # the waits are still waiting: each is a queued preview's wait


def test_waiting_mcp_previews_leave_the_server_answering(no_worker, media_dir):
    """The MCP ``preview`` tool (wait=true, the default) over /mcp: it slept in a worker thread
    until the preview finished, with no deadline, so 40 waiting calls stopped the service."""
    import anyio

    from ..mcp.conftest import McpHttp, run_mcp

    base = no_worker.url
    token, sid = session_with_cut(base, media_dir, "a 6-second promo")
    seen: dict[str, object] = {}

    def count() -> int:
        r = httpx.get(f"{base}/v1/sessions/{sid}/exports", headers=auth(token), timeout=300)
        assert r.status_code == 200
        return len(r.json()["exports"])

    def health() -> object:
        try:
            return httpx.get(f"{base}/health", timeout=60).status_code
        except httpx.TimeoutException:
            return "no answer within 60 s"

    async def body(client):
        async with anyio.create_task_group() as tg:
            for _ in range(WAITERS):
                tg.start_soon(client.call_tool, "preview", {"session_id": sid})
            with anyio.fail_after(120):
                while await anyio.to_thread.run_sync(count) < WAITERS:
                    await anyio.sleep(0.5)
            await anyio.sleep(2)
            seen["health"] = await anyio.to_thread.run_sync(health)
            tg.cancel_scope.cancel()

    run_mcp(McpHttp(base + "/mcp", token), body, timeout=400)
    assert seen["health"] == 200, seen
