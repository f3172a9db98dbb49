"""MCP at /mcp of `reelforge serve` meets the limits of the HTTP routes, from the same
definitions: the instruction length of chat (10,000 characters) and the URLs per upload
request (``REELFORGE_URL_MAX_PER_REQUEST``), refused before any work with the same words."""

from __future__ import annotations

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .._procs import free_port
from ..mcp.conftest import McpHttp, run_mcp, text_of
from .conftest import auth, new_session, new_token

pytestmark = pytest.mark.service


def _urls(n: int) -> list[str]:
    closed = free_port()  # nothing listens: a fetch would fail with 4004, not with the cap
    return [f"http://127.0.0.1:{closed}/{i}.jpg" for i in range(n)]


def test_mcp_add_assets_has_the_http_url_cap(lean_server):
    base = lean_server.url  # 127.0.0.1 allow-listed, the default cap of 20 URLs
    token = new_token(base)
    sid = new_session(base, token)
    urls = _urls(21)
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", json={"urls": urls}, headers=auth(token))
    assert r.status_code == 400 and r.json() == {"code": 1, "message": "at most 20 URLs per request"}
    result = run_mcp(McpHttp(base + "/mcp", token),
                     lambda c: c.call_tool("add_assets", {"session_id": sid, "sources": urls}))
    assert result.is_error and text_of(result) == "error 1: at most 20 URLs per request", text_of(result)
    # within the cap the URLs are fetched (and here fail: nothing listens)
    result = run_mcp(McpHttp(base + "/mcp", token),
                     lambda c: c.call_tool("add_assets", {"session_id": sid, "sources": urls[:20]}))
    assert result.is_error and text_of(result).startswith("error 4004"), text_of(result)


def test_mcp_instruct_has_the_chat_length_limit(lean_server):
    base = lean_server.url
    token = new_token(base)
    sid = new_session(base, token)
    long = "x " * 5000 + "y"  # 10,001 characters
    r = httpx.post(f"{base}/v1/sessions/{sid}/chat", json={"text": long}, headers=auth(token))
    assert r.status_code == 422 and r.json()["code"] == 1
    assert "text: String should have at most 10000 characters" in r.json()["message"]
    result = run_mcp(McpHttp(base + "/mcp", token),
                     lambda c: c.call_tool("instruct", {"session_id": sid, "instruction": long}))
    assert result.is_error, text_of(result)
    assert text_of(result).startswith(
        "error 1: instruct: instruction: String should have at most 10000 characters"), text_of(result)
    # /run_sse joins its message parts: the limit holds for the whole instruction
    r = httpx.post(f"{base}/run_sse", headers=auth(token),
                   json={"session_id": sid, "new_message": {"parts": [{"text": "x" * 6000}] * 2}})
    assert r.status_code == 422 and r.json() == {
        "code": 1, "message": "the instruction is 12001 characters; the limit is 10000"}


def test_mcp_add_assets_fetches_its_urls_at_once(lean_server, media_dir):
    """Over MCP, as over HTTP, the URLs of one call are fetched together (within the fetcher's
    bounds: two at once to one host), not one after another on the tool's thread."""
    import http.server
    import threading
    import time

    pictures = {f"/shot{i}.jpg": (media_dir / f"shot{i}.jpg").read_bytes() for i in (1, 2)}
    seen = {"active": 0, "most": 0}
    both = threading.Condition()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            with both:
                seen["active"] += 1
                seen["most"] = max(seen["most"], seen["active"])
                both.notify_all()
                deadline = time.monotonic() + 20  # a sequential fetcher never sends the second
                while seen["most"] < 2 and time.monotonic() < deadline:
                    both.wait(deadline - time.monotonic())
            jpeg = pictures[self.path]
            self.send_response(200)
            self.send_header("Content-Type", "image/jpeg")
            self.send_header("Content-Length", str(len(jpeg)))
            self.end_headers()
            self.wfile.write(jpeg)
            with both:
                seen["active"] -= 1

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        base = lean_server.url
        token = new_token(base)
        sid = new_session(base, token)
        urls = [f"http://127.0.0.1:{srv.server_address[1]}/{name}.jpg" for name in ("shot1", "shot2")]
        result = run_mcp(McpHttp(base + "/mcp", token),
                         lambda c: c.call_tool("add_assets", {"session_id": sid, "sources": urls}))
        assert not result.is_error, text_of(result)
        assert [m["name"] for m in result.structured_content["added"]] == ["shot1.jpg", "shot2.jpg"]
        assert seen["most"] == 2, seen
    finally:
        srv.shutdown()
        srv.server_close()
