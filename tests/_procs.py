"""Helpers for tests that run servers in subprocesses: free ports, waiting for them to come up."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
