"""Attacker pass 6 against a real server (session 40): what a hostile client sent that the
earlier passes did not cover. Each test failed on the code before its fix."""

from __future__ import annotations

import json

import pytest

from .. import _http as httpx
from .conftest import auth, new_session, new_token, start_server, upload

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    s = start_server(tmp_path_factory.mktemp("srv"), "pass6", worker=False)
    yield s
    s.stop()


def test_a_multipart_boundary_over_the_parsers_limit_is_400_not_500(srv):
    # a 257-byte boundary raised in the parser's constructor, outside the error mapping: 500
    token = new_token(srv.url)
    sid = new_session(srv.url, token)
    boundary = "B" * 257
    r = httpx.post(f"{srv.url}/v1/sessions/{sid}/assets", content=f"--{boundary}--\r\n".encode(),
                   headers={**auth(token), "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 400, r.text
    assert r.json()["code"] == 1 and "malformed multipart body" in r.json()["message"], r.text
    assert httpx.get(f"{srv.url}/v1/sessions/{sid}/state", headers=auth(token)).status_code == 200


def test_a_multipart_body_cut_before_its_closing_boundary_is_400(srv, media_dir):
    # the part cut off was probed as a file and answered 415 "not a readable media file"
    token = new_token(srv.url)
    sid = new_session(srv.url, token)
    body = (b'--XyZ\r\nContent-Disposition: form-data; name="files"; filename="shot1.jpg"\r\n'
            b"Content-Type: image/jpeg\r\n\r\n" + (media_dir / "shot1.jpg").read_bytes()[:1500])
    r = httpx.post(f"{srv.url}/v1/sessions/{sid}/assets", content=body,
                   headers={**auth(token), "Content-Type": "multipart/form-data; boundary=XyZ"})
    assert r.status_code == 400, r.text
    assert r.json() == {"code": 1, "message": "malformed multipart body: it ends before its closing boundary"}
    assert not list((srv.data_dir / "media" / sid).glob("*.jpg"))
    whole = body + (media_dir / "shot1.jpg").read_bytes()[1500:] + b"\r\n--XyZ--\r\n"
    r = httpx.post(f"{srv.url}/v1/sessions/{sid}/assets", content=whole,
                   headers={**auth(token), "Content-Type": "multipart/form-data; boundary=XyZ"})
    assert r.status_code == 201, r.text


def test_a_compressed_request_body_is_415_saying_so(srv):
    # a gzip JSON body was answered 400 "There was an error parsing the body"
    import gzip

    token = new_token(srv.url)
    r = httpx.post(f"{srv.url}/v1/sessions", content=gzip.compress(b'{"name": "zipped"}'),
                   headers={**auth(token), "Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert r.status_code == 415, r.text
    assert r.json() == {"code": 1, "message": "request bodies are not accepted compressed (Content-Encoding: gzip): "
                                              "send them as they are"}
    r = httpx.post(f"{srv.url}/v1/sessions", json={"name": "plain"}, headers=auth(token))
    assert r.status_code == 201, r.text


class _Mcp:
    """A raw MCP-over-HTTP caller: its token, and the session its ``initialize`` opened."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url + "/mcp"
        self.headers = {**auth(token), "Accept": "application/json, text/event-stream",
                        "Content-Type": "application/json"}
        r = self.post({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                       "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                                  "clientInfo": {"name": "pass6", "version": "1"}}})
        assert r.status_code == 200, r.text
        self.sid = r.headers["mcp-session-id"]
        self.headers["Mcp-Session-Id"] = self.sid
        assert self.post({"jsonrpc": "2.0", "method": "notifications/initialized"}).status_code == 202

    def post(self, body: dict, **headers: str):
        return httpx.post(self.url, content=json.dumps(body), headers={**self.headers, **headers})

    def tools(self, **headers: str):
        return self.post({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}, **headers)


def test_an_mcp_session_serves_only_the_account_that_opened_it(srv):
    # every token was the same principal to the MCP SDK: Bob's token with Alice's session id
    # listed tools on her session and ended it (DELETE 200; her next call 404)
    alice, bob = _Mcp(srv.url, new_token(srv.url)), _Mcp(srv.url, new_token(srv.url))
    hers = {**bob.headers, "Mcp-Session-Id": alice.sid}
    assert httpx.post(bob.url, content=json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}),
                      headers=hers).status_code == 404
    assert httpx.delete(bob.url, headers=hers).status_code == 404
    r = alice.tools()
    assert r.status_code == 200 and "export" in r.text, r.text[:300]
    assert bob.tools().status_code == 200  # his own session is his


def test_a_draft_of_many_long_texts_is_422_not_minutes_of_cpu(srv):
    # 900 captions of 1,000 characters (under the 1 MiB body and every per-text limit) were queued
    # for 3 credits and took ~200 s of the service's CPU to lay out and draw
    token = new_token(srv.url)
    sid = new_session(srv.url, token)
    segs = [{"s": i * 100, "d": 100, "m": {"text": f"{i:03d} " + "lorem ipsum " * 83}} for i in range(60)]
    draft = {"d": 6000, "m": {"w": 640, "h": 360, "fps": 25}, "t": [{"tt": 7, "sg": segs}]}
    for path, body in ((f"/v1/sessions/{sid}/exports", {"draft": draft}),
                       ("/api/render/proxy/lambda", {"session_id": sid, "draft": draft})):
        r = httpx.post(srv.url + path, json=body, headers=auth(token))
        assert r.status_code == 422, (path, r.text[:300])
        assert r.json()["code"] == 1 and "REELFORGE_MAX_TOTAL_TEXT_CHARS" in r.json()["message"], r.text[:300]
    assert httpx.get(f"{srv.url}/v1/credits", headers=auth(token)).json()["frozen"] == 0


def test_the_same_file_uploaded_again_is_stored_and_counted_once(srv, media_dir):
    # 13 uploads of one file were 13 files and 13 rows against the account's storage, and one
    # asset in the session's media (the copies could only go with the whole session)
    import sqlite3

    token = new_token(srv.url)
    sid = new_session(srv.url, token)
    shot = media_dir / "shot1.jpg"
    for files in ([shot, shot], [shot]):
        r = upload(srv.url, token, sid, files)
        assert r.status_code == 201, r.text
        assert len(r.json()["media"]) == 1 and r.json()["assets"][0]["name"] == "shot1.jpg"
    db = sqlite3.connect(srv.data_dir / "reelforge.db")
    try:
        rows = db.execute("select count(*), sum(size) from assets where session_id = ?", (sid,)).fetchone()
    finally:
        db.close()
    assert rows == (1, shot.stat().st_size), rows
    kept = [p for p in (srv.data_dir / "media" / sid).rglob("*") if p.is_file() and p.suffix == ".jpg"]
    assert len(kept) == 1, kept
