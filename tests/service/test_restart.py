"""A queued export survives a server restart and completes afterwards."""

from __future__ import annotations

import os
import sqlite3

import pytest

from reelforge.render import verify

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import (
    Server,
    auth,
    session_with_cut,
    wait_export,
)

pytestmark = pytest.mark.service


def queue_draft_export(base: str, media_dir, seconds: int) -> tuple[str, str, str]:
    """A new account and session with the small files, a ``seconds``-long 720p cut and a draft
    export of it accepted: (token, session id, export id)."""
    token, sid = session_with_cut(base, media_dir, f"make a {seconds}-second 720p video")
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"quality": "draft"}, headers=auth(token))
    assert r.status_code == 202, r.text
    return token, sid, r.json()["id"]


def test_queued_export_completes_after_restart(tmp_path, media_dir):
    srv = Server(data_dir=tmp_path / "restart", worker=False).start()
    try:
        base = srv.url
        token, sid, eid = queue_draft_export(base, media_dir, 4)
        assert httpx.get(f"{base}/v1/exports/{eid}", headers=auth(token)).json()["status"] == "queued"
    finally:
        srv.stop()
    db = sqlite3.connect(srv.data_dir / "reelforge.db")
    assert db.execute("select status from renders where id=?", (eid,)).fetchone() == ("queued",)
    db.close()

    srv.start(worker=True)  # same data dir, new port, embedded worker on
    try:
        base = srv.url
        done = wait_export(base, token, eid)
        assert done["status"] == "completed", done
        r = httpx.get(f"{base}/v1/exports/{eid}/download", headers=auth(token))
        assert r.status_code == 200
        out = tmp_path / "after-restart.mp4"
        out.write_bytes(r.content)
        info = verify(out)
        assert abs(info.duration - 4.0) < 0.5 and info.vcodec == "h264"
        # nothing else was lost either
        assert [s["id"] for s in httpx.get(f"{base}/v1/sessions", headers=auth(token)).json()["sessions"]] == [sid]
        st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
        assert st["draft"]["d"] == 4000 and len(st["media"]) == 5
        assert httpx.get(f"{base}/v1/credits", headers=auth(token)).json() == \
            {"available": 99, "frozen": 0, "total": 99}
        key = done["download_url"].rsplit("/", 1)[1]
    finally:
        srv.stop()
    srv.start(worker=False)  # and a finished render is still there after another restart
    try:
        r = httpx.get(f"{srv.url}/files/{key}")
        assert r.status_code == 200 and r.content == out.read_bytes()
        assert httpx.get(f"{srv.url}/v1/exports/{eid}", headers=auth(token)).json()["status"] == "completed"
    finally:
        srv.stop()


def test_render_orphaned_by_a_dead_process_is_requeued(tmp_path, media_dir):
    """A row left 'running' by a process that died is requeued at startup and completes."""
    srv = Server(data_dir=tmp_path / "orphan", worker=False).start()
    try:
        token, _, eid = queue_draft_export(srv.url, media_dir, 2)
    finally:
        srv.stop()
    # simulate a worker that claimed the job (taking it off the queue) and then died
    from huey import SqliteHuey

    SqliteHuey("reelforge", filename=str(srv.data_dir / "queue.db")).flush()
    db = sqlite3.connect(srv.data_dir / "reelforge.db")
    with db:
        db.execute("update renders set status='running', stage='rendering', attempts=1, worker=? where id=?",
                   (f"{os.uname().nodename}:999999", eid))
    db.close()
    srv.start(worker=True)
    try:
        done = wait_export(srv.url, token, eid)
        assert done["status"] == "completed", done
    finally:
        srv.stop()


def test_separate_worker_process_consumes_the_queue(tmp_path, media_dir):
    """`reelforge worker` (run_worker) in another process renders what the API queued."""
    import signal
    import subprocess
    import sys

    srv = Server(data_dir=tmp_path / "split", worker=False).start()
    worker = None
    try:
        base = srv.url
        token, _, eid = queue_draft_export(base, media_dir, 2)
        env = {k: v for k, v in os.environ.items() if not k.startswith("REELFORGE_")}
        env["REELFORGE_DATA_DIR"] = str(srv.data_dir)
        worker = subprocess.Popen(
            [sys.executable, "-c", "from reelforge.service.jobs import run_worker; run_worker()"],
            env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        done = wait_export(base, token, eid)
        assert done["status"] == "completed", done
        assert httpx.get(f"{base}/v1/exports/{eid}/download", headers=auth(token)).status_code == 200
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGINT)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
        srv.stop()


def test_render_interrupted_by_shutdown_runs_again_after_restart(tmp_path, media_dir):
    srv = Server(data_dir=tmp_path / "midway", worker=True).start()
    try:
        base = srv.url
        token, _, eid = queue_draft_export(base, media_dir, 30)
        import time

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            st = httpx.get(f"{base}/v1/exports/{eid}", headers=auth(token)).json()
            if st["status"] != "queued":
                break
            time.sleep(0.05)
        assert st["status"] == "running", st
    finally:
        srv.stop()  # mid-render: the chunk being rendered is cancelled, put back on the queue
    db = sqlite3.connect(srv.data_dir / "reelforge.db")
    row = db.execute("select status, attempts, frozen from renders join accounts on accounts.id = renders.owner "
                     "where renders.id=?", (eid,)).fetchone()
    chunks = [c for (c,) in db.execute("select status from render_chunks where render_id=?", (eid,))]
    db.close()
    # the export stays running (fanned out); no chunk is left held by the stopped process
    assert row == ("running", 1, 3), row
    assert chunks and "running" not in chunks and "queued" in chunks, chunks
    srv.start(worker=True)
    try:
        done = wait_export(srv.url, token, eid)
        assert done["status"] == "completed", done
        assert httpx.get(f"{srv.url}/v1/credits", headers=auth(token)).json() == \
            {"available": 97, "frozen": 0, "total": 97}
    finally:
        srv.stop()
