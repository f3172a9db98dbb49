"""``?access_token=`` is for the GET streams a browser opens without headers (export events,
the live preview) and nothing else; and the access log never shows a token."""

from __future__ import annotations

import time

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, new_session, new_token

pytestmark = pytest.mark.service


def test_query_token_only_on_get_streams_and_never_logged(lean_server):
    base = lean_server.url
    token = new_token(base)
    sid = new_session(base, token)
    q = f"access_token={token}"
    # elsewhere a token in the URL is no token at all (1001), whatever the method
    for method, path in (("POST", "/v1/sessions"), ("GET", "/v1/credits"), ("GET", f"/v1/sessions/{sid}/state"),
                         ("POST", f"/v1/sessions/{sid}/undo"), ("GET", "/api/credits/balance/simple")):
        r = httpx.request(method, f"{base}{path}?{q}", json={} if method == "POST" else None)
        assert r.status_code == 401 and r.json()["code"] == 1001, (method, path, r.text)
    # the streams take it: the caller is known, the export is not theirs to see (1002, not 1001)
    for path in ("/v1/exports/nope/events", "/v1/exports/nope/live.mp4"):
        r = httpx.get(f"{base}{path}?{q}")
        assert r.status_code == 404 and r.json()["code"] == 1002, (path, r.text)
        assert httpx.get(f"{base}{path}?access_token=wrong").status_code == 401
    # the header still works everywhere
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).status_code == 200
    deadline = time.monotonic() + 30
    while "live.mp4?access_token=" not in (log := lean_server.log_path.read_text(errors="replace")) \
            and time.monotonic() < deadline:
        time.sleep(0.2)  # the access log is written as the answers go out
    assert "/v1/exports/nope/events?access_token=***" in log, log[-2000:]
    assert token not in log
