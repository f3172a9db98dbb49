"""reelforge.owners: helper processes die with their parent; stale temp files are told apart."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from reelforge import owners

_PARENT = """
import subprocess, sys, time
from reelforge.owners import child_options
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], **child_options())
print(child.pid, flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_child_dies_with_a_parent_killed_by_sigkill():
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        child = int(parent.stdout.readline())
        assert _alive(child)
        assert os.getpgid(child) == child  # its own process group
    finally:
        parent.kill()  # SIGKILL: no handler, no cleanup code runs in the parent
        parent.wait()
    deadline = time.monotonic() + 60
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the child outlived its SIGKILLed parent"


def test_tagged_files_are_stale_only_when_their_process_is_gone():
    now = time.time()
    mine = owners.tag()
    assert not owners.is_stale(f".k.mp4.{mine}.ab12.part", now, startup=False)
    assert owners.is_stale(f".k.mp4.{mine}.ab12.part", now, startup=True)  # a previous incarnation
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = mine.split("-")[0]
    assert owners.is_stale(f"{host}-{dead.pid}.0f0f.part", now)
    assert not owners.is_stale(f"{host}-{os.getppid()}.0f0f.part", now)  # alive
    # another machine's file, or an untagged one: by age only
    assert not owners.is_stale("0badc0de-1.0f0f.part", now - 60)
    assert owners.is_stale("0badc0de-1.0f0f.part", now - 7 * 3600)
    assert owners.is_stale("untagged.part", now - 7 * 3600, max_age=6 * 3600)


def test_cancel_kills_a_silent_ffmpeg():
    """A cancel stops ffmpeg even while it prints nothing (no progress line to notice it on)."""
    import threading
    from types import SimpleNamespace

    from reelforge.errors import RenderCancelled
    from reelforge.media.ffmpeg import ffmpeg_exe
    from reelforge.render.runner import _run

    cmd = SimpleNamespace(argv=[ffmpeg_exe(), "-nostdin", "-v", "error", "-re", "-f", "lavfi",
                                "-i", "anullsrc", "-f", "null", "-"])  # runs forever, silently
    stop = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            _run(cmd, total_us=0, progress=None, cancel=stop)
        except BaseException as exc:  # noqa: BLE001
            outcome.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    time.sleep(1.0)
    assert t.is_alive()
    stop.set()
    t.join(timeout=60)
    assert not t.is_alive(), "ffmpeg kept running after the cancel"
    assert len(outcome) == 1 and isinstance(outcome[0], RenderCancelled)


def test_sweeps_remove_only_what_dead_processes_left(tmp_path):
    """Render outputs (`runner.sweep_stale`) and chunk-cache entries (`ChunkCache.sweep_stale`):
    a dead writer's .part goes, a live writer's stays, an old untagged one goes."""
    from reelforge.render.cache import ChunkCache
    from reelforge.render.runner import sweep_stale

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = owners.tag().split("-")[0]
    live_tag, dead_tag = f"{host}-{os.getppid()}", f"{host}-{dead.pid}"
    (tmp_path / "renders").mkdir()
    (tmp_path / "chunks" / "ab").mkdir(parents=True)
    old = time.time() - 7 * 3600
    made = {}
    for folder, stem in (("renders", ".k.mp4"), ("chunks/ab", ".ab12cd34ef56ab78.mp4")):
        for label, tag in (("dead", dead_tag), ("live", live_tag)):
            p = tmp_path / folder / f"{stem}.{tag}.0f0f.part"
            p.write_bytes(b"x")
            made[(folder, label)] = p
        p = tmp_path / folder / f"{stem}.0f0f.part"  # untagged (an older version), 7 h old
        p.write_bytes(b"x")
        os.utime(p, (old, old))
        made[(folder, "untagged")] = p
    assert sweep_stale(tmp_path / "renders") >= 2
    assert ChunkCache(tmp_path / "chunks").sweep_stale() == 2
    for (folder, label), p in made.items():
        assert p.exists() == (label == "live"), (folder, label)
