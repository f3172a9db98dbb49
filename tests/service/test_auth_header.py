"""Only ``Authorization: Bearer <token>`` authenticates: a bare token, or the token under
another scheme, is 401 code 1001 on the v1 and the compatibility routes alike."""

from __future__ import annotations

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, new_session, new_token

pytestmark = pytest.mark.service


def test_bare_token_is_refused_everywhere(lean_server):
    base = lean_server.url
    token = new_token(base)
    sid = new_session(base, token)
    paths = (("GET", "/v1/credits"), ("POST", "/v1/sessions"), ("GET", f"/v1/sessions/{sid}/state"),
             ("GET", "/api/credits/balance/simple"), ("GET", f"/api/state/nemo_agent/me/{sid}/latest"),
             ("GET", "/v1/exports/nope/events"))
    for header in (token, f"Token {token}", f"Basic {token}", f"{token} Bearer", "Bearer"):
        for method, path in paths:
            r = httpx.request(method, base + path, headers={"Authorization": header},
                              json={} if method == "POST" else None)
            assert r.status_code == 401, (header[:12], method, path, r.status_code, r.text)
            assert r.json()["code"] == 1001, (header[:12], path, r.text)
    # the documented form still works, whatever the scheme's case
    for header in (f"Bearer {token}", f"bearer {token}", f"BEARER   {token}"):
        r = httpx.get(base + "/v1/credits", headers={"Authorization": header})
        assert r.status_code == 200, (header[:12], r.text)
    assert httpx.get(base + "/api/credits/balance/simple", headers=auth(token)).status_code == 200
