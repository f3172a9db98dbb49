"""Helpers for tests that run servers in subprocesses: free ports, waiting for them to come up."""

from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path


def _port_block() -> range:
    """Ports this test process hands out: below the kernel's ephemeral range (so no client
    connection's local port is ever handed to a server) and disjoint between xdist workers and
    runs (so two servers never get the same port before either has bound it)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    n = int(worker) if worker.isdigit() else 0
    start = 20000 + (n % 8) * 1500
    return range(start, start + 1500)


_block = _port_block()
_next_port = itertools.islice(itertools.cycle(_block), os.getpid() % len(_block), None)  # runs side by side start apart


def free_port() -> int:
    """A port no other server of this test run is given, checked free right now."""
    for _ in range(1500):
        port = next(_next_port)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in this test process's block")


def tail(log: Path, chars: int = 6000) -> str:
    return log.read_text(errors="replace")[-chars:] if log.exists() else ""


def wait_up(what: str, ok: Callable[[], bool], proc: subprocess.Popen, log: Path, timeout: float = 60,
            every: float = 0.1) -> None:
    """Poll ``ok()`` until it is true (errors count as 'not up yet'); `RuntimeError` with the end
    of ``log`` when ``proc`` exits first or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited early (code {proc.returncode}):\n{tail(log)}")
        try:
            if ok():
                return
        except Exception:  # noqa: BLE001 - not up yet
            pass
        time.sleep(every)
    raise RuntimeError(f"{what} did not come up:\n{tail(log)}")


def stop(proc: subprocess.Popen | None, sig: int = signal.SIGINT, timeout: float = 30) -> None:
    """Send ``sig`` and wait up to ``timeout`` seconds, then kill; nothing if it has already ended."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def reset_peak_rss(pid: int | str = "self") -> None:
    """Start a new high-water mark of resident memory (Linux: ``5`` to ``clear_refs``)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def rss_mb(pid: int | str = "self", field: str = "VmRSS") -> float:
    """Resident memory of a process in MB (``field="VmHWM"``: the peak since the last reset)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for process {pid}")
