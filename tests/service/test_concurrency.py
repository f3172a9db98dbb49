"""Concurrent exports on one token: exactly the affordable number is accepted."""

from __future__ import annotations

import sqlite3
import threading

import httpx
import pytest

from .conftest import auth, chat, new_session, new_token, small_files, upload

pytestmark = pytest.mark.service


def test_parallel_exports_never_overspend(lean_server, media_dir):
    base = lean_server.url  # 10 starter credits, no worker: reservations only
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, small_files(media_dir)).status_code == 201
    done = chat(base, token, sid, "make a 30-second video")[-1]["json"]
    assert done["state"]["draft"]["d"] == 30000  # 3 credits per export at 1080p
    results: list[httpx.Response] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def export():
        barrier.wait()
        r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"preset": "16:9"},
                       headers=auth(token), timeout=60)
        with lock:
            results.append(r)

    threads = [threading.Thread(target=export) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results)
    assert codes == [202] * 3 + [402] * 5, [r.text for r in results]
    assert all(r.json()["code"] == 2001 for r in results if r.status_code == 402)
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).json() == \
        {"available": 1, "frozen": 9, "total": 10}
    db = sqlite3.connect(lean_server.data_dir / "reelforge.db")
    assert db.execute("select count(*) from renders where session_id=?", (sid,)).fetchone()[0] == 3
    assert db.execute("select min(available), min(frozen) from accounts").fetchone() >= (0, 0)


def test_parallel_4k_exports_cost_double(lean_server, media_dir):
    base = lean_server.url
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, small_files(media_dir)).status_code == 201
    chat(base, token, sid, "make a 20-second video")
    results = []

    def export():
        results.append(httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"preset": "4k"},
                                  headers=auth(token), timeout=60))

    threads = [threading.Thread(target=export) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    accepted = [r.json() for r in results if r.status_code == 202]
    assert len(accepted) == 2 and all(a["cost"] == 4 for a in accepted)
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).json() == \
        {"available": 2, "frozen": 8, "total": 10}
