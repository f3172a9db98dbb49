"""A URL import reads the bytes the server sends, never a decoder's output: a few KB of stacked
gzip (``Content-Encoding: gzip, gzip``) decoded to gigabytes in the service before any size check
ran (3.4 GB peak for a 1.8 KB answer)."""

from __future__ import annotations

import gzip
import http.server
import threading

import pytest

from reelforge.errors import UrlFetchFailed
from reelforge.media import fetch as fetcher

BOMB = gzip.compress(gzip.compress(b"\0" * (64 << 20)))  # 64 MiB of zeros, packed twice: ~300 bytes
PLAIN = b"\x00\x00\x00\x18ftypmp42" + b"x" * 5000


class _Server(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        type(self).seen.append(self.headers.get("Accept-Encoding", ""))
        body, coding = {"/bomb.mp4": (BOMB, "gzip, gzip"), "/one.mp4": (gzip.compress(PLAIN), "gzip"),
                        "/plain.mp4": (PLAIN, None), "/identity.mp4": (PLAIN, "identity")}[self.path]
        self.send_response(200)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", str(len(body)))
        if coding:
            self.send_header("Content-Encoding", coding)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


LIMITS = fetcher.FetchLimits(allowlist=("127.0.0.1/32",), max_bytes=1 << 20, deadline=60)


@pytest.mark.parametrize("path", ["/bomb.mp4", "/one.mp4"])
def test_a_compressed_answer_is_refused_unread(site, tmp_path, path):
    dest = tmp_path / "got.part"
    with pytest.raises(UrlFetchFailed) as err:
        fetcher.fetch(site + path, dest, LIMITS)
    assert "Content-Encoding: gzip" in err.value.message and "compressed" in err.value.message
    assert err.value.code == 4004
    assert not dest.exists()


@pytest.mark.parametrize("path", ["/plain.mp4", "/identity.mp4"])
def test_an_answer_as_it_is_is_fetched_byte_for_byte(site, tmp_path, path):
    got = fetcher.fetch(site + path, tmp_path / "got.part", LIMITS)
    assert got.path.read_bytes() == PLAIN and got.size == len(PLAIN)
    assert _Server.seen[-1] == "identity"  # asked for the bytes as they are
