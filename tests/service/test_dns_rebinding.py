"""No DNS rebinding: a URL fetch (upload by URL) and a webhook connect to the address the SSRF
guard checked, never to what a second lookup of the name answers.

The resolver is ours: host names ending ``.rebind.test`` answer 127.0.0.2 (allow-listed as the
"public" address here) to the guard (`reelforge.media.fetch.check_url`) and 127.0.0.1 (not
allowed) to any other lookup — what an attacker's DNS server with a zero TTL does between the
check and the connection. Two real HTTP servers share one port: the allowed one on 127.0.0.2,
the forbidden one on 127.0.0.1, which must never be asked anything. In the service's process the
resolver comes from a ``sitecustomize`` module on its PYTHONPATH."""

from __future__ import annotations

import http.server
import os
import socket
import sys
import threading
import time

import pytest

from reelforge.errors import UrlFetchFailed
from reelforge.media import fetch as fetcher

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, chat, new_session, new_token, start_server, upload

pytestmark = pytest.mark.service

RESOLVER = '''
import socket, sys

_real = socket.getaddrinfo


def _rebinding(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if isinstance(name, str) and name.lower().endswith(".rebind.test"):
        guard = sys._getframe(1).f_code.co_name == "check_url"
        return _real("127.0.0.2" if guard else "127.0.0.1", *args, **kwargs)
    return _real(host, *args, **kwargs)


socket.getaddrinfo = _rebinding
'''


class Site:
    """A loopback HTTP server on ``host``:``port`` serving ``picture`` at any GET path
    (``/go/<name>`` redirects to ``http://<name>:<port>/shot.jpg``), recording requests."""

    def __init__(self, host: str, port: int, picture: bytes) -> None:
        self.hits: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):  # noqa: N802
                outer.hits.append("GET " + self.headers.get("host", "") + self.path)
                if self.path.startswith("/go/"):
                    self.send_response(302)
                    here = self.server.server_address[1]
                    self.send_header("location", f"http://{self.path[4:]}:{here}/shot.jpg")
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("content-type", "image/jpeg")
                self.send_header("content-length", str(len(picture)))
                self.end_headers()
                self.wfile.write(picture)

            def do_POST(self):  # noqa: N802
                self.rfile.read(int(self.headers.get("content-length") or 0))
                outer.hits.append("POST " + self.headers.get("host", "") + self.path)
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()

        self.server = http.server.ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def sites(media_dir):
    """(allowed site on 127.0.0.2, forbidden site on 127.0.0.1), on one port."""
    for _ in range(20):
        allowed = Site("127.0.0.2", 0, (media_dir / "shot1.jpg").read_bytes())
        port = allowed.server.server_address[1]
        try:
            forbidden = Site("127.0.0.1", port, (media_dir / "shot2.jpg").read_bytes())
        except OSError:
            allowed.close()
            continue
        yield allowed, forbidden, port
        allowed.close()
        forbidden.close()
        return
    raise AssertionError("no port free on both 127.0.0.1 and 127.0.0.2")


@pytest.fixture
def rebinding_dns(monkeypatch):
    space: dict = {}
    exec(RESOLVER, space)  # noqa: S102 - the test's own resolver, as the server gets it
    monkeypatch.setattr(socket, "getaddrinfo", space["_rebinding"])


def test_fetch_connects_to_the_checked_address(sites, rebinding_dns, tmp_path, media_dir):
    allowed, forbidden, port = sites
    limits = fetcher.FetchLimits(allowlist=("127.0.0.2/32",), deadline=30)
    got = fetcher.fetch(f"http://a.rebind.test:{port}/shot.jpg", tmp_path / "a.jpg", limits)
    assert got.path.read_bytes() == (media_dir / "shot1.jpg").read_bytes()   # the allowed site's
    assert any(h == f"GET a.rebind.test:{port}/shot.jpg" for h in allowed.hits), allowed.hits  # Host kept
    # a redirect to another such name is checked and pinned the same way
    got = fetcher.fetch(f"http://b.rebind.test:{port}/go/c.rebind.test", tmp_path / "b.jpg", limits)
    assert got.path.read_bytes() == (media_dir / "shot1.jpg").read_bytes()
    assert f"GET c.rebind.test:{port}/shot.jpg" in allowed.hits, allowed.hits
    assert forbidden.hits == [], forbidden.hits
    # the address the guard refuses is refused, whatever a later lookup would say
    with pytest.raises(Exception) as err:
        fetcher.fetch(f"http://127.0.0.1:{port}/shot.jpg", tmp_path / "c.jpg", limits)
    assert err.value.code == 4003
    assert forbidden.hits == []


def test_pins_refuse_a_host_not_checked(tmp_path):
    with fetcher.pinned_client(fetcher.Pins()) as client, pytest.raises(Exception) as err:
        client.get("http://127.0.0.1:9/")
    assert "not checked" in str(err.value)
    assert not isinstance(err.value, UrlFetchFailed)


@pytest.fixture(scope="module")
def rebinding_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rebind")
    (tmp / "resolver").mkdir()
    (tmp / "resolver" / "sitecustomize.py").write_text(RESOLVER)
    path = os.pathsep.join([str(tmp / "resolver"), *filter(None, [os.environ.get("PYTHONPATH")]),
                            *[p for p in sys.path if p.endswith("src")][:1]])
    srv = start_server(tmp, "srv", PYTHONPATH=path, REELFORGE_URL_ALLOWLIST="127.0.0.2/32",
                       REELFORGE_WEBHOOK_TIMEOUT="10", REELFORGE_WEBHOOK_ATTEMPTS="1")
    yield srv
    srv.stop()


def test_upload_by_url_connects_to_the_checked_address(rebinding_server, sites, media_dir):
    allowed, forbidden, port = sites
    base = rebinding_server.url
    token = new_token(base)
    sid = new_session(base, token)
    before = len(allowed.hits)
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token),
                   json={"urls": [f"http://d.rebind.test:{port}/shot.jpg",
                                  f"http://e.rebind.test:{port}/go/f.rebind.test"]})
    assert forbidden.hits == [], forbidden.hits   # before: the picture of 127.0.0.1 was taken
    assert r.status_code == 201, r.text
    assert len(allowed.hits) == before + 3, allowed.hits


@pytest.mark.slow
def test_webhook_connects_to_the_checked_address(rebinding_server, sites, media_dir):
    allowed, forbidden, port = sites
    base = rebinding_server.url
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, [media_dir / "shot1.jpg"]).status_code == 201
    chat(base, token, sid, "make a 2-second video")
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", headers=auth(token),
                   json={"preset": "480p", "quality": "draft",
                         "callback_url": f"http://hook.rebind.test:{port}/hook/{sid}"})
    assert r.status_code == 202, r.text
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        hook = httpx.get(f"{base}/v1/exports/{r.json()['id']}", headers=auth(token)).json().get("webhook")
        if hook and hook["state"] != "pending":
            break
        time.sleep(0.3)
    assert forbidden.hits == [], forbidden.hits
    assert hook["state"] == "delivered", hook
    assert f"POST hook.rebind.test:{port}/hook/{sid}" in allowed.hits, allowed.hits
