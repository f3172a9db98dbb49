"""URL ingestion: a local file server is refused unless the allow-list names it."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, new_session, new_token

pytestmark = pytest.mark.service


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", "/shot1.jpg")
            self.end_headers()
            return
        if self.path.startswith("/to-metadata"):
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture(scope="module")
def file_server(media_dir):
    handler = functools.partial(_Handler, directory=str(media_dir))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_urls_fetched_with_allow_list(lean_server, file_server):
    base = lean_server.url  # REELFORGE_URL_ALLOWLIST=127.0.0.1
    token = new_token(base)
    sid = new_session(base, token)
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token), timeout=60,
                   json={"urls": [f"{file_server}/shot2.jpg", f"{file_server}/voice.mp3",
                                  f"{file_server}/redirect"]})
    assert r.status_code == 201, r.text
    kinds = sorted(a["kind"] for a in r.json()["assets"])
    assert kinds == ["audio", "image", "image"]
    names = sorted(a["name"] for a in r.json()["assets"])
    assert "shot2.jpg" in names and "voice.mp3" in names
    # a redirect to a link-local address is re-checked and refused, even with the allow-list
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token),
                   json={"urls": [f"{file_server}/to-metadata"]})
    assert r.status_code == 400 and r.json()["code"] == 4003, r.text
    # 404 from the remote server
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token),
                   json={"urls": [f"{file_server}/missing.png"]})
    assert r.status_code == 400 and r.json()["code"] == 4004
    st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    assert len(st["media"]) == 3


def test_private_urls_refused_without_allow_list(main_server, file_server):
    base = main_server.url  # no allow-list
    token = new_token(base)
    sid = new_session(base, token)
    for url in (f"{file_server}/shot1.jpg", "http://localhost:9/x.png", "http://10.1.2.3/a.jpg",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]:80/a.png",
                "file:///etc/passwd", "ftp://example.com/a.mp4"):
        r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token), json={"urls": [url]})
        assert r.status_code == 400 and r.json()["code"] == 4003, (url, r.text)
    st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    assert st["media"] == []
    assert not list((main_server.data_dir / "media" / sid).rglob("*.part"))
