"""MCP over HTTP needs a bearer token (issue 12 item 8), against real ``python -m reelforge.mcp
--http`` processes on loopback: 401 without or with a wrong token, the environment key works,
no start without a key (unless explicitly insecure, and then on loopback only), and in remote
mode a caller's own service token works and keeps callers apart."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import httpx
import pytest

from .._procs import free_port
from .conftest import McpHttp, mcp_command, mcp_http_server, run_mcp, text_of

INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                   "clientInfo": {"name": "probe", "version": "0"}}}
HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


def post_initialize(url: str, token: str | None) -> httpx.Response:
    headers = dict(HEADERS)
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    with httpx.Client(timeout=60) as client:
        return client.post(url, json=INIT, headers=headers)


def test_http_refuses_callers_without_the_key(mcp_http):
    assert post_initialize(mcp_http.url, None).status_code == 401
    wrong = post_initialize(mcp_http.url, mcp_http.key[:-1] + ("x" if mcp_http.key[-1] != "x" else "y"))
    assert wrong.status_code == 401
    assert "Bearer" in wrong.headers.get("www-authenticate", "")
    assert post_initialize(mcp_http.url, mcp_http.key).status_code == 200

    # the SDK client with a wrong token gets nowhere; with the key it works
    with pytest.raises(Exception):  # noqa: B017 - the SDK raises its own error for a 401
        run_mcp(mcp_http, lambda c: c.list_tools(), token="not-the-key-" + uuid.uuid4().hex, timeout=60)
    created = run_mcp(mcp_http, lambda c: c.call_tool("create_session", {"name": "keyed"}))
    assert not created.is_error and created.structured_content["session_id"]


def _start_fails(tmp_path, *extra: str, key: str | None = None) -> tuple[int, str, int]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "REELFORGE_MCP_KEY"}
    if key is not None:
        env["REELFORGE_MCP_KEY"] = key
    done = subprocess.run(mcp_command(port, tmp_path / "refused", *extra), env=env,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stderr, port


def test_http_will_not_start_without_a_key(tmp_path):
    code, err, port = _start_fails(tmp_path)
    assert code == 2 and "REELFORGE_MCP_KEY" in err
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/mcp", timeout=5)
    code, err, _ = _start_fails(tmp_path, key="short")                     # a key too short to be secret
    assert code == 2 and "at least 16 characters" in err
    code, err, _ = _start_fails(tmp_path, "--insecure-no-auth", "--host", "0.0.0.0")
    assert code == 2 and "loopback only" in err


def test_insecure_flag_serves_loopback_without_a_token(tmp_path):
    with mcp_http_server(tmp_path, "--insecure-no-auth") as server:
        assert server.key is None
        created = run_mcp(server, lambda c: c.call_tool("create_session", {}))
    assert not created.is_error


@pytest.mark.service
def test_remote_mode_takes_the_callers_service_token(reelforge_serve, tmp_path):
    def token(client_id: str) -> str:
        resp = httpx.post(reelforge_serve + "/v1/auth/anonymous-token",
                          headers={"X-Client-Id": client_id}, timeout=60)
        assert resp.status_code == 200, resp.text
        return resp.json()["token"]

    alice, bob = token(f"alice-{uuid.uuid4().hex}"), token(f"bob-{uuid.uuid4().hex}")
    key = "k-" + uuid.uuid4().hex
    with mcp_http_server(tmp_path, "--url", reelforge_serve, key=key, name="mcp-remote") as server:
        assert post_initialize(server.url, None).status_code == 401
        assert post_initialize(server.url, "rf_" + uuid.uuid4().hex).status_code == 401   # not a service token
        as_alice, as_bob = McpHttp(server.url, alice), McpHttp(server.url, bob)
        created = run_mcp(as_alice, lambda c: c.call_tool("create_session", {"name": "alice's"}))
        assert not created.is_error, text_of(created)
        sid = created.structured_content["session_id"]
        seen_by_bob = run_mcp(as_bob, lambda c: c.call_tool("get_state", {"session_id": sid}))
        seen_by_alice = run_mcp(as_alice, lambda c: c.call_tool("get_state", {"session_id": sid}))
        # the environment key works too, as the MCP server's own service account
        by_key = run_mcp(server, lambda c: c.call_tool("create_session", {"name": "the server's own"}))
        assert not by_key.is_error, text_of(by_key)
        seen_by_key = run_mcp(server, lambda c: c.call_tool("get_state", {"session_id": sid}))

    # the session lives in alice's service account, not in one the MCP server made for itself
    own = httpx.get(reelforge_serve + "/v1/sessions", headers={"Authorization": f"Bearer {alice}"}, timeout=60)
    assert sid in {s["id"] for s in own.json()["sessions"]}
    assert by_key.structured_content["session_id"] not in {s["id"] for s in own.json()["sessions"]}
    assert seen_by_key.is_error and "error 1002" in text_of(seen_by_key)
    assert seen_by_bob.is_error and "error 1002" in text_of(seen_by_bob)
    assert not seen_by_alice.is_error and seen_by_alice.structured_content["session_id"] == sid


def test_a_connection_that_never_finishes_its_request_head_is_closed(tmp_path):
    """``reelforge mcp --http`` closes a connection that has not sent its request line and
    headers within REELFORGE_HEADER_SECONDS (2 s here; 30 by default), as ``reelforge serve``
    does: one sending a header byte now and then (slow-loris) was kept open for ever."""
    import socket
    import time

    key = uuid.uuid4().hex
    with mcp_http_server(tmp_path, key=key, env={"REELFORGE_HEADER_SECONDS": "2"}) as server:
        port = int(server.url.rsplit(":", 1)[1].split("/", 1)[0])
        with socket.create_connection(("127.0.0.1", port), timeout=120) as conn:
            conn.sendall(b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            t0 = time.monotonic()
            closed = False
            while time.monotonic() - t0 < 90:  # a byte of header every second: never complete
                try:
                    conn.sendall(b"X")
                except OSError:  # the server closed it
                    closed = True
                    break
                conn.settimeout(1)
                try:
                    if conn.recv(1024) == b"":
                        closed = True
                        break
                except TimeoutError:
                    pass
                except OSError:  # closed with a reset (unsent bytes were pending): closed all the same
                    closed = True
                    break
            assert closed, "the connection was still open after 90 s"
        # a complete request is served as before
        assert post_initialize(server.url, key).status_code == 200


@pytest.mark.parametrize("value", ["abc", "0"])
def test_an_unusable_header_deadline_stops_the_start_with_one_line(tmp_path, value):
    """``REELFORGE_HEADER_SECONDS`` that is no positive number: ``reelforge serve`` and ``reelforge
    mcp`` (HTTP and embedded stdio) refuse to start with one line naming it, exit 2 (serve printed
    pydantic's traceback; ``mcp --http`` used 30 s without a word)."""
    env = {**os.environ, "REELFORGE_HEADER_SECONDS": value, "REELFORGE_MCP_KEY": uuid.uuid4().hex}
    for argv in (mcp_command(free_port(), tmp_path / "m"),
                 [*mcp_command(free_port(), tmp_path / "m")[:3], "--data-dir", str(tmp_path / "m")],  # stdio
                 [sys.executable, "-m", "reelforge", "serve", "--port", str(free_port()), "--data-dir", str(tmp_path / "s")]):
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert done.returncode == 2, (argv, done.stderr[-2000:])
        assert "REELFORGE_HEADER_SECONDS" in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
