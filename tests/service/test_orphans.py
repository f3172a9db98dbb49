"""Nothing outlives its owner: ``kill -9`` of a real server mid-render takes its ffmpeg down,
the restart sweeps the work folder it left, and the export completes, charged once."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx
import pytest

from .conftest import Server, auth, wait_export
from .test_restart import queue_draft_export

pytestmark = [pytest.mark.service, pytest.mark.slow]


def _children(pid: int) -> list[int]:
    kids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(d.name))
    return kids


def _cmd(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _until(what: str, ok, timeout: float = 90.0, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = ok()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


def test_kill_9_mid_render_leaves_no_ffmpeg_and_no_partial(tmp_path, media_dir):
    import tempfile

    from reelforge.render.runner import WORKDIR_PREFIX

    srv = Server(data_dir=tmp_path / "crash", worker=True).start()
    renders = srv.data_dir / "renders"
    pid = srv.proc.pid

    def work_folders() -> list[Path]:  # render work folders (chunks render there) of this server
        return [p for p in Path(tempfile.gettempdir()).glob(f"{WORKDIR_PREFIX}*") if f"-{pid}." in p.name]

    try:
        token, _, eid = queue_draft_export(srv.url, media_dir, 30)
        # wait until a chunk renders: an ffmpeg child writing into the server's work folder
        ffmpeg = _until("the render's ffmpeg", lambda: [
            p for p in _children(pid) if "ffmpeg" in _cmd(p) and WORKDIR_PREFIX in _cmd(p)])
        assert httpx.get(f"{srv.url}/v1/exports/{eid}", headers=auth(token)).json()["status"] == "running"
    except BaseException:
        srv.stop()
        raise
    os.kill(pid, signal.SIGKILL)
    srv.proc.wait()
    t0 = time.monotonic()
    _until("ffmpeg to die with the server", lambda: not any(_alive(p) for p in ffmpeg), timeout=10)
    died_after = time.monotonic() - t0
    assert died_after < 5, died_after
    left = work_folders()  # what the crash left (usually the chunk's folder; the sweep's job)

    srv.start(worker=True)  # same data dir
    try:
        _until("the stale work folders to be swept", lambda: not any(p.exists() for p in left), timeout=60)
        done = wait_export(srv.url, token, eid, timeout=300)
        assert done["status"] == "completed", done
        assert httpx.get(f"{srv.url}/v1/credits", headers=auth(token)).json() == \
            {"available": 97, "frozen": 0, "total": 97}  # 30 s at 720p: 3 credits, charged once
        assert not list(renders.glob(".*.part"))
    finally:
        srv.stop()
