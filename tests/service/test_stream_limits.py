"""Export progress streams (``GET /v1/exports/{id}/events``) are bounded: each open one reads
the database four times a second for as long as the export is unfinished (a queued export can
wait for hours), so one token opening hundreds held a CPU core and slowed every other request
(800 streams: /health took 2.3 s). Past ``REELFORGE_EVENT_STREAMS_PER_ACCOUNT`` open streams an
account gets 429 with ``Retry-After``; another account is not affected; a slot comes back when
its client goes away."""

from __future__ import annotations

import contextlib
import time

import pytest

from .. import _http as httpx
from .conftest import auth, session_with_cut, start_server

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("srv"), "streams", worker=False,
                       REELFORGE_EVENT_STREAMS_PER_ACCOUNT="3", REELFORGE_EVENT_STREAMS="5",
                       REELFORGE_LIVE_STREAMS_PER_ACCOUNT="2")
    yield srv
    srv.stop()


def _queued_export(base: str, media_dir) -> tuple[str, str]:
    token, sid = session_with_cut(base, media_dir, "a 6-second promo")
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={}, headers=auth(token))
    assert r.status_code == 202, r.text
    return token, r.json()["id"]   # no worker: it stays queued


def _open(stack: contextlib.ExitStack, base: str, token: str, eid: str) -> httpx.Response:
    client = stack.enter_context(httpx.Client())
    return stack.enter_context(client.stream("GET", f"{base}/v1/exports/{eid}/events", headers=auth(token)))


def _once(base: str, token: str, eid: str) -> httpx.Response:
    """Open a stream and close it at once (its status and, for an error, its body)."""
    with httpx.stream("GET", f"{base}/v1/exports/{eid}/events", headers=auth(token)) as r:
        if r.status_code != 200:
            r.read()
    return r


def test_progress_streams_are_bounded_per_account_and_in_all(capped, media_dir):
    base = capped.url
    token, eid = _queued_export(base, media_dir)
    other, other_eid = _queued_export(base, media_dir)
    third, third_eid = _queued_export(base, media_dir)
    with contextlib.ExitStack() as stack:
        for _ in range(3):
            assert _open(stack, base, token, eid).status_code == 200
        r = _once(base, token, eid)
        assert r.status_code == 429, r.status_code
        assert r.json()["code"] == 429, r.text
        assert "Retry-After" in r.headers and "at most 3" in r.json()["message"]
        # the status URL still answers, and another account still gets its streams
        assert httpx.get(f"{base}/v1/exports/{eid}", headers=auth(token)).status_code == 200
        for _ in range(2):
            assert _open(stack, base, other, other_eid).status_code == 200
        # 5 open on the server: a third account waits too
        r = _once(base, third, third_eid)
        assert r.status_code == 429, r.status_code
    # every client went away: the slots come back (the server notices the disconnects)
    deadline = time.monotonic() + 120
    while True:
        with contextlib.ExitStack() as stack:
            codes = [_open(stack, base, token, eid).status_code for _ in range(3)]
        if codes == [200, 200, 200]:
            break
        assert time.monotonic() < deadline, codes
        time.sleep(1)
    assert "Traceback" not in capped.log()



def test_live_streams_are_bounded_per_account(capped, media_dir):
    """A preview's live stream is held up to 15 minutes and there are 32 per process: one
    account opening 32 on its own preview made every other account's live preview a 429."""
    base = capped.url

    def queued_preview() -> str:
        token, sid = session_with_cut(base, media_dir, "a 6-second promo")
        r = httpx.post(f"{base}/v1/sessions/{sid}/preview", json={}, headers=auth(token))
        assert r.status_code == 202, r.text
        return r.json()["live_url"]   # no worker: it stays queued, the stream waits

    mine, theirs = queued_preview(), queued_preview()
    with contextlib.ExitStack() as stack:
        for _ in range(2):
            client = stack.enter_context(httpx.Client())
            assert stack.enter_context(client.stream("GET", mine)).status_code == 200
        with httpx.stream("GET", mine) as r:
            code = r.status_code
            r.read()
        assert code == 429, code
        assert r.json()["code"] == 429 and "Retry-After" in r.headers, r.text
        with httpx.stream("GET", theirs) as r:
            assert r.status_code == 200
    deadline = time.monotonic() + 120
    while True:
        with httpx.stream("GET", mine) as r:
            if r.status_code == 200:
                break
        assert time.monotonic() < deadline, r.status_code
        time.sleep(1)
