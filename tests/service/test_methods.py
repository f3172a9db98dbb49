"""HTTP methods on the API's paths are the API's, not the web page's static files': HEAD works
wherever GET does (headers only; a stream is not run), and any other method is 405 with every
method the path serves in ``Allow``, as JSON ``{"code", "message"}``."""

from __future__ import annotations

import time

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, session_with_cut

pytestmark = pytest.mark.service


def test_head_and_405_follow_the_api_routes(lean_server, media_dir):
    base = lean_server.url  # no worker: an export stays queued, its event stream never ends
    token, sid = session_with_cut(base, media_dir, "make a 6-second video")
    h = auth(token)
    export = httpx.post(f"{base}/v1/sessions/{sid}/exports", headers=h, json={})
    assert export.status_code == 202, export.text
    eid = export.json()["id"]

    for path in ("/health", "/v1/credits", f"/v1/sessions/{sid}/state", f"/v1/exports/{eid}"):
        got = httpx.get(base + path, headers=h)
        head = httpx.head(base + path, headers=h)
        assert head.status_code == 200 and head.content == b"", (path, head.status_code)
        assert head.headers["content-type"] == got.headers["content-type"] == "application/json"
        assert head.headers["content-length"] == got.headers["content-length"], path
    assert httpx.head(f"{base}/v1/sessions/nope/state", headers=h).status_code == 404
    assert httpx.head(f"{base}/v1/credits").status_code == 401
    # the progress stream of a queued export: its headers, at once, and nothing left running
    started = time.monotonic()
    head = httpx.head(f"{base}/v1/exports/{eid}/events", headers=h, timeout=60)
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/event-stream")
    assert time.monotonic() - started < 30
    assert httpx.get(base + "/health").status_code == 200

    for method, path, allow in (("GET", f"/v1/sessions/{sid}/chat", "POST"),
                                ("DELETE", "/v1/sessions", "GET, POST, HEAD"),
                                ("PUT", f"/v1/sessions/{sid}/state", "GET, HEAD"),
                                ("OPTIONS", f"/v1/sessions/{sid}/assets", "POST"),
                                ("POST", "/health", "GET, HEAD")):
        r = httpx.request(method, base + path, headers=h)
        assert r.status_code == 405 and r.headers["allow"] == allow, (method, path, r.status_code, r.headers)
        assert r.json() == {"code": 405, "message": f"method {method} not allowed here; allowed: {allow}"}
    # the web page is still the static files'
    assert httpx.get(base + "/").status_code == 200
    assert httpx.head(base + "/").status_code == 200
    assert httpx.get(base + "/no-such-page").json() == {"code": 404, "message": "Not Found"}
    assert "server error" not in lean_server.log() and "Traceback" not in lean_server.log()
