"""MCP sessions on `/mcp` of `reelforge serve` are capped per account: one token opened 7,996
sessions in 89 s and then every other account's ``initialize`` got 503 ("Too many open
sessions", the SDK's cap for the whole process) until they idled out 30 minutes later. Past
``REELFORGE_MCP_SESSIONS_PER_ACCOUNT`` an opening request is 429 with ``Retry-After`` and a
JSON-RPC error naming the setting; other accounts are not affected; a session's room comes back
when it is ended (DELETE) or has been idle for ``REELFORGE_MCP_SESSION_IDLE_SECONDS``."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .. import _http as httpx
from .conftest import auth, new_token, start_server

pytestmark = pytest.mark.service

IDLE = 30   # long enough that no session idles out before the idle check, under load
HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}


@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("srv"), "mcp-sessions", worker=False,
                       REELFORGE_MCP_SESSIONS_PER_ACCOUNT="3", REELFORGE_MCP_SESSION_IDLE_SECONDS=str(IDLE))
    yield srv
    srv.stop()


def _open(base: str, token: str) -> httpx.Response:
    return httpx.post(base + "/mcp", headers={**HEADERS, **auth(token)}, json=INIT)


def test_mcp_sessions_are_capped_per_account(capped):
    base = capped.url
    token = new_token(base)
    opened = [_open(base, token) for _ in range(3)]
    assert [r.status_code for r in opened] == [200] * 3, [r.text for r in opened]

    r = _open(base, token)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0, r.text
    error = r.json()["error"]
    assert error["message"].startswith("error 429: this account has 3 MCP sessions open (at most 3, "
                                       "REELFORGE_MCP_SESSIONS_PER_ACCOUNT)"), error
    assert "mcp-session-id" not in r.headers

    # another account is not affected
    other = new_token(base)
    assert _open(base, other).status_code == 200

    # ending one gives its room back
    sid = opened[0].headers["mcp-session-id"]
    r = httpx.delete(base + "/mcp", headers={**HEADERS, **auth(token), "mcp-session-id": sid,
                                             "mcp-protocol-version": "2025-06-18"})
    assert r.status_code == 200, r.text
    assert _open(base, token).status_code == 200
    assert _open(base, token).status_code == 429

    # opening at once cannot overshoot
    racer = new_token(base)
    with ThreadPoolExecutor(10) as pool:
        codes = sorted(r.status_code for r in pool.map(lambda _: _open(base, racer), range(10)))
    assert codes == [200] * 3 + [429] * 7, codes

    # idle sessions are ended and give their room back
    deadline = time.monotonic() + IDLE + 60
    while (r := _open(base, token)).status_code != 200:
        assert time.monotonic() < deadline, r.text
        time.sleep(1)
    assert r.status_code == 200
