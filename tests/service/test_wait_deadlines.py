"""Nothing a client waits on stays open for ever: an export's progress stream and a preview's
live stream end after REELFORGE_MAX_STREAM_SECONDS (the SSE stream with a final ``expired``
event), and the MCP preview tool's wait ends after REELFORGE_PREVIEW_WAIT_SECONDS (the bound
of HTTP ``?wait=``) with error 408 naming the job to poll. The server here has no worker, so
every preview stays queued."""

from __future__ import annotations

import json
import time

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from ..mcp.conftest import McpHttp, run_mcp, text_of
from .conftest import auth, session_with_cut, sse, start_server

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def idle_server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("srv"), "idle", worker=False,
                       REELFORGE_MAX_STREAM_SECONDS="2", REELFORGE_PREVIEW_WAIT_SECONDS="2")
    yield srv
    srv.stop()


def test_progress_and_live_streams_end_at_their_lifetime(idle_server, media_dir):
    base = idle_server.url
    token, sid = session_with_cut(base, media_dir, "make a 6-second video")
    view = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token)).json()
    assert view["status"] == "queued", view
    events = []
    deadline = time.monotonic() + 90   # heartbeats keep an endless stream alive: stop reading here
    with httpx.stream("GET", f"{base}/v1/exports/{view['id']}/events", headers=auth(token)) as r:
        assert r.status_code == 200
        for e in sse(r):
            events.append(e)
            if time.monotonic() > deadline:
                break
    named = [e["event"] for e in events if e.get("event")]
    assert named[0] == "progress" and named[-1] == "expired", named[-5:]
    last = json.loads(events[-1]["data"])
    assert last["id"] == view["id"] and last["status"] == "queued"
    assert any("REELFORGE_MAX_STREAM_SECONDS" in (e.get("comment") or "") for e in events)
    # the export goes on; the status URL still answers
    assert httpx.get(f"{base}/v1/exports/{view['id']}", headers=auth(token)).json()["status"] == "queued"
    # the live stream of the queued preview sends nothing while it waits: it ends too (a read
    # would wait 30 s for a byte if it did not)
    with httpx.stream("GET", view["live_url"], timeout=httpx.Timeout(30.0, connect=30.0)) as live:
        assert live.status_code == 200
        assert live.read() == b""


def test_mcp_preview_wait_has_the_http_deadline(idle_server, media_dir):
    base = idle_server.url
    token, sid = session_with_cut(base, media_dir, "make a 6-second video")
    result = run_mcp(McpHttp(base + "/mcp", token),
                     lambda c: c.call_tool("preview", {"session_id": sid, "wait": True}), timeout=120)
    text = text_of(result)
    assert result.is_error, text
    assert text.startswith("error 408: the preview did not finish within 2 s (it is queued)"), text
    job = text.split("job_id ", 1)[1].split(",", 1)[0]
    status = run_mcp(McpHttp(base + "/mcp", token), lambda c: c.call_tool("export_status", {"job_id": job}))
    assert not status.is_error and '"queued"' in text_of(status), text_of(status)
    # HTTP ?wait= is capped to the same setting: the unfinished preview comes back
    r = httpx.post(f"{base}/v1/sessions/{sid}/preview?wait=120", headers=auth(token))
    assert r.status_code in (202, 429), r.text
