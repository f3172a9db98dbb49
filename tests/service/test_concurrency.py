"""Concurrent exports on one token: exactly the affordable number is accepted."""

from __future__ import annotations

import sqlite3

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import (
    at_once,
    auth,
    parallel_exports_never_overspend,
    session_with_cut,
)

pytestmark = pytest.mark.service


def test_parallel_exports_never_overspend(lean_server, media_dir):
    # 10 starter credits, no worker: reservations only
    sid = parallel_exports_never_overspend(lean_server.url, media_dir)
    db = sqlite3.connect(lean_server.data_dir / "reelforge.db")
    assert db.execute("select count(*) from renders where session_id=?", (sid,)).fetchone()[0] == 3
    assert db.execute("select min(available), min(frozen) from accounts").fetchone() >= (0, 0)


def test_parallel_4k_exports_cost_double(lean_server, media_dir):
    base = lean_server.url
    token, sid = session_with_cut(base, media_dir, "make a 20-second video")
    results = at_once(4, lambda: httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"preset": "4k"},
                                            headers=auth(token), timeout=60))
    accepted = [r.json() for r in results if r.status_code == 202]
    assert len(accepted) == 2 and all(a["cost"] == 4 for a in accepted)
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).json() == \
        {"available": 2, "frozen": 8, "total": 10}


def test_a_60fps_export_costs_double(lean_server, media_dir):
    """Twice the frames to make, twice the credits: a 20 s 1080p60 export costs 4, not 2 (a draft
    could set 60 fps, or 120, for the price of 30)."""
    base = lean_server.url
    token, sid = session_with_cut(base, media_dir, "make a 20-second video at 60 fps")
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={}, headers=auth(token), timeout=60)
    assert r.status_code == 202 and r.json()["cost"] == 4, r.text
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).json()["frozen"] == 4
