"""Attacker pass 5 against a real server: what an internet client can send that the earlier
passes did not cover. Each test failed on the code before its fix."""

from __future__ import annotations

import hashlib
import json
import socket
import sqlite3

import pytest

from .. import _http as httpx
from ..mcp.conftest import McpHttp, run_mcp, text_of
from .conftest import at_once, auth, new_session, new_token, start_server

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    """No worker: an accepted export stays queued, so what was queued can be counted."""
    s = start_server(tmp_path_factory.mktemp("srv"), "pass5", worker=False)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def account(srv):
    token = new_token(srv.url)
    return token, new_session(srv.url, token)


def queued_renders(srv, token: str) -> int:
    db = sqlite3.connect(srv.data_dir / "reelforge.db")
    try:
        return db.execute("select count(*) from renders r join tokens t on t.account_id = r.owner "
                          "where t.token_hash = ?",
                          (hashlib.sha256(token.encode()).hexdigest(),)).fetchone()[0]
    finally:
        db.close()


def test_a_long_id_in_the_path_is_not_echoed_back(srv, account):
    # a 60,000-character session or export id was quoted whole in the 404 (60 KB answers); such a
    # request line is now refused as a whole (431, over the 16 KiB head), so 12,000 characters
    token, _ = account
    assert httpx.get(srv.url + "/v1/sessions/" + "z" * 60_000, headers=auth(token)).status_code == 431
    long_id = "z" * 12_000
    for method, path in (("GET", f"/v1/sessions/{long_id}"), ("DELETE", f"/v1/sessions/{long_id}"),
                         ("GET", f"/v1/sessions/{long_id}/state"),
                         ("GET", f"/api/state/nemo_agent/me/{long_id}/latest"),
                         ("GET", f"/v1/exports/{long_id}"),
                         ("GET", f"/api/render/proxy/lambda/{long_id}")):
        r = httpx.request(method, srv.url + path, headers=auth(token))
        assert r.status_code == 404, (path[:40], r.text[:200])
        assert r.json()["code"] == 1002
        assert len(r.content) < 300, (path[:40], len(r.content))
        assert "(12000 characters)" in r.json()["message"], r.text
    r = httpx.post(f"{srv.url}/v1/sessions/{long_id}/chat", json={"text": "hi"}, headers=auth(token))
    assert r.status_code == 404 and len(r.content) < 300, r.text[:200]
    # a short unknown id is still named in full
    r = httpx.get(f"{srv.url}/v1/sessions/nosuchsession", headers=auth(token))
    assert r.json() == {"code": 1002, "message": "session nosuchsession not found"}


@pytest.mark.parametrize("bad", [{"d": 1000}, {"d": 1000, "m": {"w": 1280, "h": 720, "fps": 30}},
                                 {"d": 1000, "t": []}, {"d": 1000, "t": [{"tt": 7, "sg": []}]}])
def test_a_draft_with_nothing_on_it_is_422_not_queued(srv, account, bad):
    # {"d": 1000} was accepted (202), queued and its credit frozen: a blank video
    token, sid = account
    for path, body in ((f"/v1/sessions/{sid}/exports", {"draft": bad}),
                       ("/api/render/proxy/lambda", {"session_id": sid, "draft": bad})):
        r = httpx.post(srv.url + path, json=body, headers=auth(token))
        assert r.status_code == 422, (path, r.text)
        assert r.json()["code"] == 1 and r.json()["message"].startswith(
            "invalid draft: t: no track has a segment"), r.text
    assert httpx.get(f"{srv.url}/v1/credits", headers=auth(token)).json() == \
        {"available": 100, "frozen": 0, "total": 100}
    assert queued_renders(srv, token) == 0


def test_mcp_tool_errors_do_not_echo_huge_arguments(srv, account):
    # export(preset='x' * 100000) over MCP was answered with all 100,000 characters quoted
    token, sid = account
    huge = "x" * 100_000

    async def calls(client):
        return [await client.call_tool("export", {"session_id": sid, "preset": huge, "wait": False}),
                await client.call_tool("get_state", {"session_id": huge})]

    for result in run_mcp(McpHttp(srv.url + "/mcp", token), calls):
        assert result.is_error and len(text_of(result)) < 400, text_of(result)[:200]
        assert "(100000 characters)" in text_of(result), text_of(result)[:200]


TEXT_ONLY = {"d": 1000, "m": {"w": 640, "h": 360, "fps": 25},
             "t": [{"tt": 7, "sg": [{"s": 0, "d": 1000, "m": {"text": "race"}}]}]}


def test_an_export_racing_the_sessions_delete_is_404_not_500(srv):
    # the export loaded the session, the DELETE removed it, the export's insert then broke the
    # session foreign key: 500 "internal error" (seen in 1 of 8 racing exports)
    token = new_token(srv.url)
    statuses = []
    for _ in range(15):
        sid = new_session(srv.url, token)

        turns = iter(range(6))   # one of the six threads deletes, the others export

        def call(sid=sid, turns=turns):
            if next(turns) == 0:
                return httpx.delete(f"{srv.url}/v1/sessions/{sid}", headers=auth(token))
            return httpx.post(f"{srv.url}/v1/sessions/{sid}/exports", json={"draft": TEXT_ONLY},
                              headers=auth(token))

        results = at_once(6, call)
        statuses += [r.status_code for r in results]
        assert all(r.status_code in (202, 204, 404) for r in results), [r.text for r in results]
        assert httpx.get(f"{srv.url}/v1/sessions/{sid}", headers=auth(token)).status_code == 404
    # every export that got in was removed with its session, its credits given back
    assert httpx.get(f"{srv.url}/v1/credits", headers=auth(token)).json() == \
        {"available": 100, "frozen": 0, "total": 100}
    assert queued_renders(srv, token) == 0
    assert 404 in statuses


def test_the_web_page_has_a_content_security_policy(srv):
    # the page and its script were served without any CSP, nosniff or framing policy
    for path in ("/", "/app.js", "/style.css"):
        r = httpx.get(srv.url + path)
        assert r.status_code == 200, path
        csp = r.headers.get("content-security-policy", "")
        for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'",
                          "base-uri 'none'", "frame-ancestors 'none'"):
            assert directive in csp, (path, csp)
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, csp
        assert r.headers.get("x-content-type-options") == "nosniff", path
        assert r.headers.get("x-frame-options") == "DENY", path
        assert r.headers.get("referrer-policy") == "no-referrer", path
    # the API is not the page: its JSON answers carry no page policy
    assert "content-security-policy" not in httpx.get(srv.url + "/health").headers


@pytest.fixture(scope="module")
def impatient(tmp_path_factory):
    """A body may pause 2 s at most (REELFORGE_BODY_IDLE_SECONDS; 30 by default), a request's
    head may take 2 s (REELFORGE_HEADER_SECONDS; 30 by default)."""
    s = start_server(tmp_path_factory.mktemp("srv"), "impatient", worker=False,
                     REELFORGE_BODY_IDLE_SECONDS="2", REELFORGE_HEADER_SECONDS="2")
    yield s
    s.stop()


def _stalled_request(srv, head: str, first_part: bytes) -> bytes:
    """Send a request's head and the start of its body, then nothing: what the server answers
    before it closes the connection (a 120 s deadline; b"" if it never answers)."""
    with socket.create_connection(("127.0.0.1", srv.port), timeout=120) as conn:
        conn.sendall(head.encode() + b"\r\n\r\n" + first_part)
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except TimeoutError:
            pass
    return answer


def test_a_body_that_stops_arriving_is_408_and_the_connection_closed(impatient):
    # a client sending a declared body slowly (or never) held its connection and request open
    # for ever: 50 such connections were all still open a minute later
    token = new_token(impatient.url)
    sid = new_session(impatient.url, token)
    head = (f"POST {{path}} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: {ctype}\r\nContent-Length: 100000")
    json_head = head.format(path=f"/v1/sessions/{sid}/chat", ctype="application/json")
    answer = _stalled_request(impatient, json_head, b'{"text": "make a vid')
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    body = json.loads(answer.split(b"\r\n\r\n", 1)[1])
    assert body["code"] == 408 and "REELFORGE_BODY_IDLE_SECONDS" in body["message"], body
    # an upload that stalls half-way: 408 too, and its partial file is removed
    up_head = head.format(path=f"/v1/sessions/{sid}/assets", ctype="multipart/form-data; boundary=XyZ")
    part = (b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="half.jpg"\r\n'
            b"Content-Type: image/jpeg\r\n\r\n" + b"\xff\xd8\xff" + b"x" * 20000)
    answer = _stalled_request(impatient, up_head, part)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["code"] == 408
    left = [p for p in (impatient.data_dir / "media").rglob("*") if p.is_file()] \
        if (impatient.data_dir / "media").exists() else []
    assert left == [], left
    # a body sent without pauses is read as before; the server stays healthy
    r = httpx.post(f"{impatient.url}/v1/sessions/{sid}/chat", json={"text": "hello"},
                   headers=auth(token))
    assert r.status_code == 200
    assert httpx.get(f"{impatient.url}/health").json()["status"] == "ok"


def _multipart(*parts: tuple[bytes, bytes]) -> tuple[bytes, str]:
    out = b"".join(b"--XyZ\r\n" + head + b"\r\n\r\n" + data + b"\r\n" for head, data in parts)
    return out + b"--XyZ--\r\n", "multipart/form-data; boundary=XyZ"


def test_file_parts_without_a_plain_filename_are_files(srv, media_dir):
    # a file part with no filename (Node's form-data given a Buffer) was read as a form field:
    # "form field 'file' is too long" for a photo, "no file or URL in the request" for a small
    # one; a filename*=UTF-8''... name (RFC 6266) was dropped the same way
    token = new_token(srv.url)
    photo = (media_dir / "shot1.jpg").read_bytes()
    cases = [(b'Content-Disposition: form-data; name="file"\r\nContent-Type: image/jpeg', "upload-1"),
             (b'Content-Disposition: form-data; name="file"\r\nContent-Type: application/octet-stream',
              "upload-1"),
             (b"Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''%E4%B8%AD%E6%96%87.jpg",
              "\u4e2d\u6587.jpg")]
    for head, name in cases:
        sid = new_session(srv.url, token)
        raw, ctype = _multipart((head, photo))
        r = httpx.post(f"{srv.url}/v1/sessions/{sid}/assets", content=raw,
                       headers=auth(token, **{"Content-Type": ctype}))
        assert r.status_code == 201, (head, r.text)
        assert [a["name"] for a in r.json()["assets"]] == [name], r.text
    # a plain text field stays a field; a big one without a filename says how to send a file
    sid = new_session(srv.url, token)
    raw, ctype = _multipart((b'Content-Disposition: form-data; name="file"', b"x" * 100_000))
    r = httpx.post(f"{srv.url}/v1/sessions/{sid}/assets", content=raw,
                   headers=auth(token, **{"Content-Type": ctype}))
    assert r.status_code == 400 and 'filename="photo.jpg"' in r.json()["message"], r.text


def _closed_by_server(conn: socket.socket) -> bool:
    """Whether the server closes ``conn`` (read until it does; False at a 120 s deadline)."""
    conn.settimeout(120)
    try:
        while conn.recv(65536):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def test_a_request_head_that_never_ends_is_cut_off(impatient):
    # a connection that sent nothing, or its headers a few bytes at a time, was kept for ever
    # (10 such connections were all open 40 s later): each holds a socket and a descriptor
    silent = socket.create_connection(("127.0.0.1", impatient.port))
    partial = socket.create_connection(("127.0.0.1", impatient.port))
    partial.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
    # after a whole request on a kept-alive connection, a next one that stalls half-way
    kept = socket.create_connection(("127.0.0.1", impatient.port), timeout=120)
    kept.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    assert kept.recv(65536).startswith(b"HTTP/1.1 200")
    kept.sendall(b"GET /health HTTP/1.1\r\nHo")
    for conn in (silent, partial, kept):
        with conn:
            assert _closed_by_server(conn)
    # whole requests are served as before, on new connections and kept-alive ones
    with httpx.Client() as client:
        for _ in range(3):
            assert client.get(f"{impatient.url}/health").json()["status"] == "ok"


def test_a_clip_in_point_past_its_end_is_422_not_a_failed_render(srv, tmp_path):
    # {"in": 1000000000} on a 3-second clip was accepted (202), queued with its credits
    # reserved, and failed in the worker: 'chunk 0 has 0 frames instead of 50'
    from reelforge.media import write_test_video

    clip = tmp_path / "clip.mp4"
    write_test_video(clip, seconds=3)
    token = new_token(srv.url)
    sid = new_session(srv.url, token)
    r = httpx.post(f"{srv.url}/v1/sessions/{sid}/assets", files=[("file", ("clip.mp4", clip.read_bytes()))],
                   headers=auth(token))
    assert r.status_code == 201, r.text
    asset = r.json()["assets"][0]
    length = asset["duration_ms"]

    def draft(in_ms: int) -> dict:
        return {"d": 2000, "m": {"w": 640, "h": 360, "fps": 25},
                "t": [{"tt": 0, "sg": [{"s": 0, "d": 2000, "src": asset["id"], "n": "clip.mp4", "in": in_ms}]}]}

    for in_ms in (10**9, length, length - 1):
        for path, body in ((f"/v1/sessions/{sid}/exports", {"draft": draft(in_ms)}),
                           ("/api/render/proxy/lambda", {"session_id": sid, "draft": draft(in_ms)})):
            r = httpx.post(srv.url + path, json=body, headers=auth(token))
            assert r.status_code == 422, (in_ms, r.text)
            assert r.json()["message"] == (f"invalid draft: t[0].sg[0].in: {in_ms} ms is at or past the "
                                           f"end of clip.mp4 ({length} ms long)"), r.text
    assert queued_renders(srv, token) == 0
    # an in-point that leaves the clip a frame or more is accepted as before
    r = httpx.post(f"{srv.url}/v1/sessions/{sid}/exports", json={"draft": draft(length - 1000)},
                   headers=auth(token))
    assert r.status_code == 202, r.text


def _send_head(srv, head: bytes) -> bytes:
    """Send a whole request head at once; what the server answers before it closes (or 30 s)."""
    with socket.create_connection(("127.0.0.1", srv.port), timeout=120) as conn:
        conn.sendall(head)
        conn.settimeout(30)
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer and b"connection: close" not in answer.lower():
                    break  # a kept-alive answer: enough read
        except TimeoutError:
            pass
    return answer


def test_a_huge_request_head_is_431_and_the_connection_closed(srv):
    # a complete head arriving at once was parsed whatever its size (h11 bounds only an
    # incomplete one): a 100 KB header line and 5,000 headers were answered 200
    one_line = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 100_000 + b"\r\n\r\n"
    many = b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(5000)) + b"\r\n"
    for head in (one_line, many):
        answer = _send_head(srv, head)
        assert answer.startswith(b"HTTP/1.1 431"), answer[:200]
        body = json.loads(answer.split(b"\r\n\r\n", 1)[1])
        assert body["code"] == 431 and "16 KiB" in body["message"], body
    # a head sent a few KB at a time is counted whole
    with socket.create_connection(("127.0.0.1", srv.port), timeout=120) as conn:
        conn.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        for _ in range(10):
            try:
                conn.sendall(b"X-Pad: " + b"b" * 4000 + b"\r\n")
            except OSError:
                break  # closed by the server
        conn.settimeout(30)
        assert conn.recv(65536).startswith(b"HTTP/1.1 431")
    # a usual large head (an 8 KB cookie) is served, on a kept-alive connection twice
    normal = b"GET /health HTTP/1.1\r\nHost: x\r\nCookie: c=" + b"z" * 8000 + b"\r\n\r\n"
    with socket.create_connection(("127.0.0.1", srv.port), timeout=120) as conn:
        for _ in range(2):
            conn.sendall(normal)
            answer = b""
            while b'"status"' not in answer:
                chunk = conn.recv(65536)
                assert chunk, answer
                answer += chunk
            assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert httpx.get(f"{srv.url}/health").json()["status"] == "ok"
