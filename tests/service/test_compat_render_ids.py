"""A client render id on ``POST /api/render/proxy/lambda`` is polled back in a URL path, so it
must be a path segment as it is: 1-100 of ``A-Z a-z 0-9 . _ -``. Anything else is 422 before a
credit is reserved (it used to be queued, charged, cut to 100 characters, and never found)."""

from __future__ import annotations

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, session_with_cut

pytestmark = pytest.mark.service

BAD = ["x/y", "../z", " ", "\u200fabc", "a b", "a" * 101, ".", "..", "id?q=1", "%2e%2e"]


def test_bad_render_ids_are_refused_before_credits(lean_server, media_dir):
    base = lean_server.url  # no worker: accepted renders stay queued, their credits frozen
    token, sid = session_with_cut(base, media_dir, "make a 6-second video")
    h = auth(token)
    for bad in BAD:
        r = httpx.post(f"{base}/api/render/proxy/lambda", headers=h, json={"id": bad, "session_id": sid})
        assert r.status_code == 422 and r.json()["code"] == 1, (bad, r.text)
        assert "a client render id is 1-100 characters of A-Z, a-z, 0-9" in r.json()["message"], r.text
    for key in ("render_id", "renderId"):
        r = httpx.post(f"{base}/api/render/proxy/lambda", headers=h, json={key: "x/y", "session_id": sid})
        assert r.status_code == 422, (key, r.text)
    assert httpx.get(f"{base}/v1/credits", headers=h).json() == {"available": 10, "frozen": 0, "total": 10}

    good = "Render_1.v2-" + "z" * 88  # 100 characters
    for ref in (good, 12345):
        r = httpx.post(f"{base}/api/render/proxy/lambda", headers=h, json={"id": ref, "session_id": sid})
        assert r.status_code == 202 and r.json()["data"]["id"] == str(ref), r.text
        polled = httpx.get(f"{base}/api/render/proxy/lambda/{ref}", headers=h)
        assert polled.status_code == 200 and polled.json()["data"]["id"] == str(ref), polled.text
