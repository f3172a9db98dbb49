"""Every error code, provoked for real."""

from __future__ import annotations

import os
import sqlite3

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import (
    SMALL_LIMIT,
    at_once,
    auth,
    chat,
    new_session,
    new_token,
    session_with_cut,
    small_files,
    upload,
)

pytestmark = pytest.mark.service


def test_400_missing_client_id_and_429_second_token(main_server):
    base = main_server.url
    r = httpx.post(f"{base}/v1/auth/anonymous-token")
    assert r.status_code == 400 and r.json() == {"code": 400, "message": "missing X-Client-Id header"}
    r = httpx.post(f"{base}/v1/auth/anonymous-token", headers={"X-Client-Id": "twice"})
    assert r.status_code == 200
    assert r.json()["credits"] == {"available": 100, "frozen": 0, "total": 100}
    r = httpx.post(f"{base}/v1/auth/anonymous-token", headers={"X-Client-Id": "twice"})
    assert r.status_code == 429 and r.json()["code"] == 429
    # the compat route shares the limit
    r = httpx.post(f"{base}/api/auth/anonymous-token", headers={"X-Client-Id": "twice"})
    assert r.status_code == 429 and r.json()["code"] == 429


def test_429_racing_requests_get_one_token(main_server):
    base = main_server.url
    codes = [r.status_code for r in at_once(6, lambda: httpx.post(f"{base}/v1/auth/anonymous-token",
                                                                   headers={"X-Client-Id": "racer"}))]
    assert sorted(codes) == [200] + [429] * 5


def test_1001_bad_and_expired_token(main_server):
    base = main_server.url
    for header in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        r = httpx.get(f"{base}/v1/credits", headers=header)
        assert r.status_code == 401 and r.json()["code"] == 1001, r.text
    token = new_token(base)
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).status_code == 200
    import hashlib

    db = sqlite3.connect(main_server.data_dir / "reelforge.db")
    with db:
        db.execute("update tokens set expires = 0 where token_hash = ?",
                   (hashlib.sha256(token.encode()).hexdigest(),))
    r = httpx.get(f"{base}/v1/credits", headers=auth(token))
    assert r.status_code == 401 and r.json() == {"code": 1001, "message": "token expired"}
    # the token itself is never stored
    dump = "\n".join(db.iterdump())
    assert token not in dump


def test_1002_isolation(main_server, media_dir):
    base = main_server.url
    alice, bob = new_token(base), new_token(base)
    sid = new_session(base, alice)
    assert upload(base, alice, sid, small_files(media_dir)).status_code == 201
    chat(base, alice, sid, "make a 3-second video")
    export = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"quality": "draft"},
                        headers=auth(alice)).json()
    eid = export["id"]
    assert httpx.get(f"{base}/v1/sessions", headers=auth(bob)).json() == {"sessions": [], "next": None}
    for method, path in [("GET", f"/v1/sessions/{sid}"), ("GET", f"/v1/sessions/{sid}/state"),
                         ("DELETE", f"/v1/sessions/{sid}"),
                         ("POST", f"/v1/sessions/{sid}/undo"), ("GET", f"/v1/sessions/{sid}/exports"),
                         ("POST", f"/v1/sessions/{sid}/exports"), ("POST", f"/v1/sessions/{sid}/preview"),
                         ("GET", f"/v1/exports/{eid}"), ("GET", f"/v1/exports/{eid}/download"),
                         ("GET", f"/v1/exports/{eid}/events"),
                         ("GET", f"/api/state/nemo_agent/me/{sid}/latest"),
                         ("GET", f"/api/render/proxy/lambda/{eid}")]:
        r = httpx.request(method, base + path, headers=auth(bob))
        assert r.status_code == 404 and r.json()["code"] == 1002, (path, r.text)
        assert sid not in r.text or "not found" in r.text
    r = httpx.post(f"{base}/v1/sessions/{sid}/chat", json={"text": "make it 2 seconds"}, headers=auth(bob))
    assert r.status_code == 404 and r.json()["code"] == 1002
    r = upload(base, bob, sid, small_files(media_dir)[:1])
    assert r.status_code == 404 and r.json()["code"] == 1002
    # guessing download keys finds nothing
    assert httpx.get(f"{base}/files/{'A' * 32}.mp4").status_code == 404


def test_4001_unsupported_and_corrupt(main_server, tmp_path):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    fake = tmp_path / "notes.jpg"
    fake.write_text("this is not a picture\n" * 20)
    r = upload(base, token, sid, [fake])
    assert r.status_code == 415 and r.json()["code"] == 4001, r.text
    msg = r.json()["message"]
    assert "notes.jpg" in msg and "Supported formats" in msg and all(f in msg for f in ("mp4", "png", "mp3"))
    broken = tmp_path / "clip.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + os.urandom(5000))
    r = upload(base, token, sid, [broken])
    assert r.status_code == 415 and r.json()["code"] == 4001, r.text
    st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    assert st["media"] == []
    sdir = main_server.data_dir / "media" / sid
    assert not [p for p in sdir.rglob("*") if p.is_file() and "work" not in p.parts]


def test_4002_oversized_upload_aborted_while_streaming(main_server, media_dir):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, small_files(media_dir)[:1]).status_code == 201
    before = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()

    def body():  # streamed, never held in memory here either
        yield (b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../big.mp4\"\r\n"
               b"Content-Type: video/mp4\r\n\r\n")
        chunk = os.urandom(64 * 1024)
        for _ in range(SMALL_LIMIT // len(chunk) + 16):
            yield chunk
        yield b"\r\n--XyZ--\r\n"

    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", content=body(), timeout=60,
                   headers=auth(token, **{"Content-Type": "multipart/form-data; boundary=XyZ"}))
    assert r.status_code == 413 and r.json()["code"] == 4002, r.text
    assert "big.mp4" in r.json()["message"]
    after = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    assert after == before
    sdir = main_server.data_dir / "media" / sid
    assert not list(sdir.rglob("*.part"))
    assert not list(main_server.data_dir.parent.rglob("big.mp4"))


def test_2001_no_credits_before_any_work(lean_server, media_dir):
    base = lean_server.url  # 10 starter credits
    token, sid = session_with_cut(base, media_dir, "make a 40-second video")  # 4 credits at 1080p
    ok = [httpx.post(f"{base}/v1/sessions/{sid}/exports", headers=auth(token)) for _ in range(2)]
    assert [r.status_code for r in ok] == [202, 202]
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", headers=auth(token))
    assert r.status_code == 402 and r.json()["code"] == 2001, r.text
    assert "costs 4" in r.json()["message"]
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).json() == \
        {"available": 2, "frozen": 8, "total": 10}
    # no render row was made for the refused export
    db = sqlite3.connect(lean_server.data_dir / "reelforge.db")
    assert db.execute("select count(*) from renders where session_id=?", (sid,)).fetchone()[0] == 2


def test_validation_errors_are_clear(main_server):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    r = httpx.post(f"{base}/v1/sessions/{sid}/chat", json={}, headers=auth(token))
    assert r.status_code == 422 and r.json()["code"] == 1 and "text" in r.json()["message"]
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"preset": "8:3"}, headers=auth(token))
    assert r.status_code == 400 and "nothing to export" in r.json()["message"]
    r = httpx.get(f"{base}/v1/nothing-here")
    assert r.status_code == 404 and set(r.json()) == {"code", "message"}
