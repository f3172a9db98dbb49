"""No request waits on another's network: 50 URL uploads to a host that accepts connections and
never answers do not slow the rest of the API, other hosts still download, and each hanging
request ends at its deadline with 4004."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
import time

import httpx
import pytest

from .conftest import auth, new_session, new_token, start_server

pytestmark = [pytest.mark.service, pytest.mark.slow]

DEADLINE = 20  # REELFORGE_URL_TIMEOUT for this server


class Tarpit:
    """Accepts every connection and never sends a byte; counts connections open at once."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0), backlog=256)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.open = 0
        self.most_at_once = 0
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return  # closed
            with self._lock:
                self._conns.append(conn)
                self.accepted += 1
                self.open += 1
                self.most_at_once = max(self.most_at_once, self.open)
            threading.Thread(target=self._hold, args=(conn,), daemon=True).start()

    def _hold(self, conn: socket.socket) -> None:
        try:
            while conn.recv(65536):  # read the request, answer nothing, until the client hangs up
                pass
        except OSError:
            pass
        with self._lock:
            self.open -= 1

    def close(self) -> None:
        self.sock.close()
        with self._lock:
            for c in self._conns:
                c.close()


def test_hanging_host_does_not_stall_the_api(tmp_path, media_dir):
    pit = Tarpit()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(media_dir))
    files = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=files.serve_forever, daemon=True).start()
    srv = start_server(tmp_path, "tarpit", worker=False, REELFORGE_URL_TIMEOUT=str(DEADLINE),
                       REELFORGE_URL_ALLOWLIST="127.0.0.1,localhost")
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        answers: list[httpx.Response] = []

        def hang(i: int) -> None:
            answers.append(httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token),
                                      json={"urls": [f"http://127.0.0.1:{pit.port}/x{i}.jpg"]},
                                      timeout=300))

        started = time.monotonic()
        threads = [threading.Thread(target=hang, args=(i,)) for i in range(50)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while pit.open < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pit.open, "no URL fetch reached the hanging host"

        latencies = []
        with httpx.Client(timeout=60) as client:
            for _ in range(100):
                t0 = time.monotonic()
                r = client.get(f"{base}/v1/credits", headers=auth(token))
                latencies.append(time.monotonic() - t0)
                assert r.status_code == 200
        # another host still downloads while the hanging one holds its slots
        t0 = time.monotonic()
        r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token), timeout=120,
                       json={"urls": [f"http://localhost:{files.server_address[1]}/shot1.jpg"]})
        other_host = time.monotonic() - t0
        assert r.status_code == 201, r.text
        assert not answers, "a hanging request ended before its deadline"
        p99 = sorted(latencies)[98]
        assert p99 < 1.0, f"/v1/credits p99 {p99:.3f} s while 50 URL fetches hang"
        assert other_host < DEADLINE / 2, other_host

        for t in threads:
            t.join(timeout=DEADLINE * 4)
        took = time.monotonic() - started
        assert len(answers) == 50
        assert {(a.status_code, a.json()["code"]) for a in answers} == {(400, 4004)}, \
            {a.text for a in answers}
        assert took < DEADLINE * 3, took  # every request ended near its own deadline
        assert pit.most_at_once <= 2, pit.most_at_once  # the per-host limit (default 2)
        st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
        assert [m["name"] for m in st["media"]] == ["shot1.jpg"]
        assert not list((srv.data_dir / "media" / sid / ".incoming").glob("*.part"))
        print(f"credits p50 {sorted(latencies)[49] * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms; "
              f"other host {other_host:.2f} s; 50 hanging requests ended after {took:.1f} s")
    finally:
        srv.stop()
        files.shutdown()
        pit.close()
