"""What one account (token) may keep on the server: a session limit, a storage limit, deleting
a session (with its files) to free room, and the session list a page at a time."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import (
    at_once,
    auth,
    chat,
    new_session,
    new_token,
    small_files,
    start_server,
    upload,
    wait_export,
)

pytestmark = pytest.mark.service

SESSIONS = 3


def sizes(media_dir: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in small_files(media_dir)}


@pytest.fixture(scope="module")
def caps_server(tmp_path_factory, media_dir):
    """No worker, 3 sessions per account, and room for shot1 plus one of shot2/shot3 (not both,
    not the voiceover)."""
    s = sizes(media_dir)
    cap = s["shot1.jpg"] + s["shot2.jpg"] + s["shot3.jpg"] - 1
    assert s["shot1.jpg"] + s["voice.mp3"] > cap  # the voiceover does not fit beside shot1
    srv = start_server(tmp_path_factory.mktemp("srv"), "caps", worker=False,
                       REELFORGE_MAX_SESSIONS_PER_ACCOUNT=str(SESSIONS),
                       REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT=str(cap),
                       REELFORGE_URL_ALLOWLIST="127.0.0.1")
    srv.cap = cap
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def file_server(media_dir):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(media_dir))
    handler.log_message = lambda *a: None
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def listed(base: str, token: str) -> list[str]:
    r = httpx.get(f"{base}/v1/sessions", headers=auth(token))
    assert r.status_code == 200, r.text
    return [s["id"] for s in r.json()["sessions"]]


def parts_left(data_dir: Path) -> list[Path]:
    return list((data_dir / "media").glob("*/.incoming/*.part"))


def test_session_limit_refuses_one_more_and_delete_frees_room(caps_server):
    base = caps_server.url
    token = new_token(base)
    sids = [new_session(base, token) for _ in range(SESSIONS)]
    r = httpx.post(f"{base}/v1/sessions", json={"name": "one too many"}, headers=auth(token))
    assert r.status_code == 403, r.text
    assert r.json()["code"] == 1003
    assert f"the limit is {SESSIONS}" in r.json()["message"]
    assert "REELFORGE_MAX_SESSIONS_PER_ACCOUNT" in r.json()["message"]
    assert "DELETE /v1/sessions/" in r.json()["message"]
    # the compatibility route is the same core
    r = httpx.post(f"{base}/api/tasks/me/with-session/nemo_agent", json={"task_name": "project"},
                   headers=auth(token))
    assert r.status_code == 403 and r.json()["code"] == 1003, r.text
    assert sorted(listed(base, token)) == sorted(sids)  # nothing was created
    # another account is not affected
    other = new_token(base)
    new_session(base, other)
    # deleting one makes room for exactly one
    assert httpx.delete(f"{base}/v1/sessions/{sids[0]}", headers=auth(token)).status_code == 204
    again = new_session(base, token)
    assert sorted(listed(base, token)) == sorted([*sids[1:], again])
    assert httpx.post(f"{base}/v1/sessions", json={}, headers=auth(token)).status_code == 403


def test_session_limit_holds_against_racing_creates(caps_server):
    base = caps_server.url
    token = new_token(base)
    results = at_once(8, lambda: httpx.post(f"{base}/v1/sessions", json={"name": "race"}, headers=auth(token)))
    codes = sorted(r.status_code for r in results)
    assert codes == [201] * SESSIONS + [403] * (8 - SESSIONS), [r.text for r in results]
    assert len(listed(base, token)) == SESSIONS


def test_storage_limit_refuses_past_it_keeps_the_session(caps_server, media_dir, file_server):
    base, data = caps_server.url, caps_server.data_dir
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, [media_dir / "shot1.jpg"]).status_code == 201

    # the voiceover would take the account past its limit: refused while streaming
    r = upload(base, token, sid, [media_dir / "voice.mp3"])
    assert r.status_code == 413, r.text
    body = r.json()
    assert body["code"] == 4002
    assert "storage limit" in body["message"] and "REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT" in body["message"]
    # ... and by URL, and by the compatibility route
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token),
                   json={"urls": [f"{file_server}/voice.mp3"]})
    assert r.status_code == 413 and r.json()["code"] == 4002, r.text
    r = upload(base, token, sid, [media_dir / "voice.mp3"], "/api/upload-video/nemo_agent/me/{sid}")
    assert r.status_code == 413 and r.json()["code"] == 4002, r.text
    # a second session of the same account counts against the same limit
    sid2 = new_session(base, token)
    assert upload(base, token, sid2, [media_dir / "voice.mp3"]).status_code == 413
    assert not parts_left(data), parts_left(data)
    # the session is intact: shot1 only, its file in place
    media = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()["media"]
    assert [m["name"] for m in media] == ["shot1.jpg"]
    assert len([p for p in (data / "media" / sid).iterdir() if p.is_file()]) == 1
    assert not [p for p in (data / "media" / sid2).glob("*") if p.is_file()]

    # two uploads racing for the last room: each fits alone, not both
    files = iter([media_dir / "shot2.jpg", media_dir / "shot3.jpg"])
    lock = threading.Lock()

    def one() -> httpx.Response:
        with lock:
            path = next(files)
        return upload(base, token, sid, [path])

    results = at_once(2, one)
    assert sorted(r.status_code for r in results) == [201, 413], [r.text for r in results]
    media = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()["media"]
    assert len(media) == 2
    assert not parts_left(data)

    # other accounts are not affected
    other = new_token(base)
    osid = new_session(base, other)
    assert upload(base, other, osid, [media_dir / "shot2.jpg", media_dir / "shot3.jpg"]).status_code == 201

    # deleting the session frees its room
    two = [media_dir / "shot2.jpg", media_dir / "shot3.jpg"]
    assert upload(base, token, sid2, two).status_code == 413
    assert httpx.delete(f"{base}/v1/sessions/{sid}", headers=auth(token)).status_code == 204
    r = upload(base, token, sid2, two)
    assert r.status_code == 201, r.text


def test_delete_needs_the_owner_and_releases_a_queued_export(caps_server, media_dir):
    base, data = caps_server.url, caps_server.data_dir  # no worker: an export stays queued
    alice, bob = new_token(base), new_token(base)
    sid = new_session(base, alice)
    assert upload(base, alice, sid, [media_dir / "shot1.jpg"]).status_code == 201
    chat(base, alice, sid, "make a 6-second video")
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={}, headers=auth(alice))
    assert r.status_code == 202, r.text
    eid = r.json()["id"]
    before = httpx.get(f"{base}/v1/credits", headers=auth(alice)).json()
    assert before["frozen"] == 1

    for token, path in ((bob, f"/v1/sessions/{sid}"), (alice, "/v1/sessions/not-a-session")):
        r = httpx.delete(base + path, headers=auth(token))
        assert r.status_code == 404 and r.json()["code"] == 1002, r.text
    assert httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(alice)).status_code == 200
    assert (data / "media" / sid).is_dir()
    assert httpx.delete(f"{base}/v1/sessions/{sid}").status_code == 401

    r = httpx.delete(f"{base}/v1/sessions/{sid}", headers=auth(alice))
    assert r.status_code == 204 and r.content == b""
    assert httpx.get(f"{base}/v1/credits", headers=auth(alice)).json() == \
        {"available": before["total"], "frozen": 0, "total": before["total"]}
    assert httpx.get(f"{base}/v1/exports/{eid}", headers=auth(alice)).status_code == 404
    assert not (data / "media" / sid).exists()
    assert httpx.delete(f"{base}/v1/sessions/{sid}", headers=auth(alice)).status_code == 404


def test_session_list_pages_walk_every_session_once(caps_server):
    base = caps_server.url
    token = new_token(base)
    made = [new_session(base, token, f"s{i}") for i in range(SESSIONS)]
    first = httpx.get(f"{base}/v1/sessions", headers=auth(token)).json()
    assert [s["id"] for s in first["sessions"]] == made[::-1]  # newest first
    assert first["next"] is None
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params = {"limit": 1} | ({"cursor": cursor} if cursor else {})
        page = httpx.get(f"{base}/v1/sessions", params=params, headers=auth(token)).json()
        assert len(page["sessions"]) == 1, page
        seen += [s["id"] for s in page["sessions"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == made[::-1]
    two = httpx.get(f"{base}/v1/sessions", params={"limit": 2}, headers=auth(token)).json()
    rest = httpx.get(f"{base}/v1/sessions", params={"limit": 2, "cursor": two["next"]},
                     headers=auth(token)).json()
    assert [s["id"] for s in two["sessions"] + rest["sessions"]] == made[::-1] and rest["next"] is None
    for bad in ({"limit": 0}, {"limit": 201}, {"cursor": "not-a-cursor"}, {"cursor": "x" * 300}):
        r = httpx.get(f"{base}/v1/sessions", params=bad, headers=auth(token))
        assert r.status_code in (400, 422) and r.json()["code"] == 1, (bad, r.text)
    # another account's cursor shows nothing of this one
    other = new_token(base)
    r = httpx.get(f"{base}/v1/sessions", params={"cursor": two["next"]}, headers=auth(other))
    assert r.json() == {"sessions": [], "next": None}


@pytest.fixture(scope="module")
def render_server(tmp_path_factory):
    """An embedded worker, its own data dir (its renders folder holds this module's only)."""
    srv = start_server(tmp_path_factory.mktemp("srv"), "caps-render")
    yield srv
    srv.stop()


def test_delete_removes_files_and_a_render_in_flight(render_server, media_dir):
    base, data = render_server.url, render_server.data_dir
    alice, bob = new_token(base), new_token(base)
    files = small_files(media_dir)
    # bob's session and alice's other session must come through untouched
    bob_sid = new_session(base, bob)
    assert upload(base, bob, bob_sid, files[:2]).status_code == 201
    keep = new_session(base, alice)
    assert upload(base, alice, keep, files[:3]).status_code == 201
    chat(base, alice, keep, "make a 6-second video")

    # an export deleted with its session while it is queued or rendering
    gone = new_session(base, alice)
    assert upload(base, alice, gone, files).status_code == 201
    chat(base, alice, gone, "make a 6-second video")
    r = httpx.post(f"{base}/v1/sessions/{gone}/exports", json={}, headers=auth(alice))
    assert r.status_code == 202, r.text
    in_flight = r.json()["id"]
    assert httpx.delete(f"{base}/v1/sessions/{gone}", headers=auth(alice)).status_code == 204
    assert httpx.get(f"{base}/v1/credits", headers=auth(alice)).json()["frozen"] == 0
    assert not (data / "media" / gone).exists()
    assert httpx.get(f"{base}/v1/exports/{in_flight}", headers=auth(alice)).status_code == 404

    # the worker goes on: the other session's export completes (after the deleted one's tasks)
    r = httpx.post(f"{base}/v1/sessions/{keep}/exports", json={}, headers=auth(alice))
    assert r.status_code == 202, r.text
    done = wait_export(base, alice, r.json()["id"], timeout=900)
    assert done["status"] == "completed", done
    key = done["download_url"].rsplit("/", 1)[1].removesuffix(".mp4")
    output = data / "renders" / f"{key}.mp4"
    assert output.is_file()
    assert sorted(p.name for p in (data / "renders").glob("*.mp4")) == [output.name]  # nothing of the deleted one
    assert httpx.get(f"{base}/v1/credits", headers=auth(alice)).json() == {"available": 99, "frozen": 0, "total": 99}

    # deleting the session with a finished export removes its media and the MP4
    media = [p for p in (data / "media" / keep).iterdir() if p.is_file()]
    assert len(media) == 3
    assert httpx.delete(f"{base}/v1/sessions/{keep}", headers=auth(bob)).status_code == 404
    assert output.is_file() and all(p.exists() for p in media)
    cached = {p for p in (data / "chunks").rglob("*") if p.suffix in (".mp4", ".m4a")}
    assert cached
    assert httpx.delete(f"{base}/v1/sessions/{keep}", headers=auth(alice)).status_code == 204
    assert not output.exists()
    # its rendered chunks (keyed by content, named by no other render) go too
    assert {p for p in (data / "chunks").rglob("*") if p.suffix in (".mp4", ".m4a")} < cached
    assert not any(p.exists() for p in media) and not (data / "media" / keep).exists()
    assert httpx.get(done["download_url"]).status_code == 404
    assert httpx.get(f"{base}/v1/sessions/{keep}/state", headers=auth(alice)).status_code == 404
    assert listed(base, alice) == []

    # bob's session is untouched
    state = httpx.get(f"{base}/v1/sessions/{bob_sid}/state", headers=auth(bob)).json()
    assert len(state["media"]) == 2
    assert len([p for p in (data / "media" / bob_sid).iterdir() if p.is_file()]) == 2
    log = render_server.log()
    assert "Traceback" not in log and "internal error" not in log, log


def test_mcp_meets_the_same_limits(caps_server, media_dir, file_server):
    from ..mcp.conftest import McpHttp, run_mcp, text_of

    base, data = caps_server.url, caps_server.data_dir
    token = new_token(base)
    sids = [new_session(base, token) for _ in range(SESSIONS)]
    result = run_mcp(McpHttp(base + "/mcp", token), lambda c: c.call_tool("create_session", {"name": "more"}))
    assert result.is_error and text_of(result).startswith("error 1003"), text_of(result)
    assert sorted(listed(base, token)) == sorted(sids)
    assert upload(base, token, sids[0], [media_dir / "shot1.jpg"]).status_code == 201
    result = run_mcp(McpHttp(base + "/mcp", token),
                     lambda c: c.call_tool("add_assets", {"session_id": sids[1],
                                                          "sources": [f"{file_server}/voice.mp3"]}))
    assert result.is_error and text_of(result).startswith("error 4002"), text_of(result)
    assert "storage limit" in text_of(result)
    assert not [p for p in (data / "media" / sids[1]).glob("*") if p.is_file()]
    assert not parts_left(data)


@pytest.fixture(scope="module")
def file_cap_server(tmp_path_factory, media_dir):
    """A per-file limit under the voiceover's size, an account with room to spare."""
    voice = sizes(media_dir)["voice.mp3"]
    srv = start_server(tmp_path_factory.mktemp("srv-file-cap"), "file-cap", worker=False,
                       REELFORGE_MAX_UPLOAD_BYTES=str(voice - 1),
                       REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT=str(50 * voice),
                       REELFORGE_URL_ALLOWLIST="127.0.0.1")
    yield srv
    srv.stop()


def test_a_url_past_the_file_limit_says_so_not_that_the_account_is_full(file_cap_server, media_dir, file_server):
    """It answered "this upload would take the account past its storage limit" for an empty
    account; an upload of the same file says the file is too large."""
    base = file_cap_server.url
    token = new_token(base)
    sid = new_session(base, token)
    by_url = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token),
                        json={"urls": [f"{file_server}/voice.mp3"]})
    sent = upload(base, token, sid, [media_dir / "voice.mp3"])
    for r in (by_url, sent):
        assert r.status_code == 413 and r.json()["code"] == 4002, r.text
        assert "larger than" in r.json()["message"] and "storage limit" not in r.json()["message"], r.text
    assert not parts_left(file_cap_server.data_dir)


@pytest.fixture
def endless_host():
    """Serves 48 MB at any path, without a length, counting the bytes the client took."""
    sent: list[int] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "video/mp4")
            self.end_headers()   # HTTP/1.0, no Content-Length: the body ends when the connection does
            block, n = b"\0" * 65536, 0
            try:
                for _ in range(48 * 16):
                    self.wfile.write(block)
                    n += len(block)
            except OSError:
                pass
            sent.append(n)

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", sent
    srv.shutdown()
    srv.server_close()


def test_mcp_url_imports_stop_at_the_accounts_room_as_over_http(caps_server, endless_host):
    """Over HTTP a URL import stops at its first byte past the account's room; MCP
    ``add_assets`` fetched each URL whole (8 URLs wrote 593 MB against a 2 MB limit) and was
    refused only when the files were committed."""
    from ..mcp.conftest import McpHttp, run_mcp, text_of

    base, data = caps_server.url, caps_server.data_dir
    host, sent = endless_host
    token = new_token(base)
    sid = new_session(base, token)
    urls = [f"{host}/clip{i}.mp4" for i in range(2)]
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token), json={"urls": urls})
    assert r.status_code == 413 and r.json()["code"] == 4002 and "storage limit" in r.json()["message"], r.text
    result = run_mcp(McpHttp(base + "/mcp", token),
                     lambda c: c.call_tool("add_assets", {"session_id": sid, "sources": urls}))
    assert result.is_error and text_of(result).startswith("error 4002"), text_of(result)
    assert "storage limit" in text_of(result)
    deadline = time.monotonic() + 60
    while len(sent) < 4:   # each download's handler notes what it sent once the client has gone
        assert time.monotonic() < deadline, sent
        time.sleep(0.1)
    # the room is a few KB; what socket buffers took besides is far less than the 48 MB each
    assert max(sent) < 16 * 2**20, sent
    assert not [p for p in (data / "media" / sid).glob("*") if p.is_file()]
    assert not parts_left(data)
