"""MCP ``delete_session`` at /mcp of `reelforge serve`: the same as HTTP DELETE
/v1/sessions/{id} — the session, its media files and its renders go, a queued export is
discarded and its frozen credits come back, only the owner can do it (1002 otherwise)."""

from __future__ import annotations

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from ..mcp.conftest import McpHttp, run_mcp, text_of
from .conftest import auth, chat, new_session, new_token, upload

pytestmark = pytest.mark.service


def _delete(base: str, token: str, sid: str):
    return run_mcp(McpHttp(base + "/mcp", token),
                   lambda c: c.call_tool("delete_session", {"session_id": sid}))


def test_mcp_delete_session_is_http_delete(lean_server, media_dir):
    base, data = lean_server.url, lean_server.data_dir   # no worker: an export stays queued
    alice, bob = new_token(base), new_token(base)
    sid = new_session(base, alice)
    assert upload(base, alice, sid, [media_dir / "shot1.jpg"]).status_code == 201
    chat(base, alice, sid, "make a 6-second video")
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={}, headers=auth(alice))
    assert r.status_code == 202, r.text
    eid = r.json()["id"]
    before = httpx.get(f"{base}/v1/credits", headers=auth(alice)).json()
    assert before["frozen"] == 1
    assert (data / "media" / sid).is_dir()

    # another account, or a session that is not there: 1002, nothing removed
    for token, target in ((bob, sid), (alice, "not-a-session")):
        result = _delete(base, token, target)
        assert result.is_error and text_of(result).startswith("error 1002"), text_of(result)
    assert httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(alice)).status_code == 200

    result = _delete(base, alice, sid)
    assert not result.is_error, text_of(result)
    assert result.structured_content == {"session_id": sid, "deleted": True}
    assert httpx.get(f"{base}/v1/credits", headers=auth(alice)).json() == \
        {"available": before["total"], "frozen": 0, "total": before["total"]}
    assert httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(alice)).status_code == 404
    assert httpx.get(f"{base}/v1/exports/{eid}", headers=auth(alice)).status_code == 404
    assert not (data / "media" / sid).exists()
    listed = run_mcp(McpHttp(base + "/mcp", alice), lambda c: c.call_tool("list_sessions", {}))
    assert sid not in text_of(listed)
    again = _delete(base, alice, sid)
    assert again.is_error and text_of(again).startswith("error 1002"), text_of(again)


def test_remote_mcp_delete_session_calls_the_service(lean_server, tmp_path):
    """``reelforge mcp --http --url <serve>``: the tool is the service's DELETE."""
    from ..mcp.conftest import mcp_http_server

    base = lean_server.url
    alice = new_token(base)
    sid = new_session(base, alice)
    with mcp_http_server(tmp_path, "--url", base, key="k-remote-delete-0123456789", name="mcp-remote-del") as server:
        result = run_mcp(McpHttp(server.url, alice), lambda c: c.call_tool("delete_session", {"session_id": sid}))
        assert not result.is_error, text_of(result)
        assert httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(alice)).status_code == 404
        again = run_mcp(McpHttp(server.url, alice), lambda c: c.call_tool("delete_session", {"session_id": sid}))
    assert again.is_error and text_of(again).startswith("error 1002"), text_of(again)
