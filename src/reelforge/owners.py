"""Work that must not outlive the process that started it.

* `child_options()`: `subprocess.Popen` keyword arguments for a helper process (ffmpeg) that
  dies with its parent: its own process group (so it can be killed as a group and a terminal's
  Ctrl-C reaches only us, who then stop it) and, on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``
  set in the child before ``exec``. Caveat of PDEATHSIG: it fires when the *thread* that
  started the child ends; our renders run ffmpeg synchronously on the thread that started it.
* `tag()`: ``<host hash>-<pid>``, put in the names of temporary files (render ``.part``
  outputs, upload ``.part`` files, render work folders) so that a sweep at startup can tell
  the leftovers of a dead process (`is_stale`) from files a live one is still writing,
  even on storage shared by several machines.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
import signal
import socket
import sys
import time
from typing import Any

_PR_SET_PDEATHSIG = 1


def _load_prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.prctl
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    fn.restype = ctypes.c_int
    return fn


_prctl = _load_prctl()  # resolved once, here: the child only calls it (no imports after fork)


def child_options() -> dict[str, Any]:
    """Popen kwargs: own process group, and killed (SIGKILL) when this process dies."""
    options: dict[str, Any] = {}
    if os.name == "posix":
        options["process_group"] = 0
    if _prctl is not None:
        parent = os.getpid()
        prctl = _prctl

        def die_with_parent() -> None:  # runs in the child between fork and exec
            prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            if os.getppid() != parent:  # the parent died before the line above
                os._exit(1)

        options["preexec_fn"] = die_with_parent
    return options


def kill_group(proc) -> None:
    """SIGKILL a child started with `child_options` and its process group."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError, OSError):
        proc.kill()


def _host() -> str:
    return hashlib.sha1(socket.gethostname().encode()).hexdigest()[:8]


def tag() -> str:
    """``<host hash>-<pid>`` of this process, for temporary file names."""
    return f"{_host()}-{os.getpid()}"


def is_stale(name: str, mtime: float, *, max_age: float = 6 * 3600, startup: bool = True) -> bool:
    """Whether a temporary file named with `tag` (anywhere in ``name``, between dots or
    dashes) was left behind by a process that is gone: one of this host whose pid is no
    longer alive (or is this process at ``startup``, before it wrote anything: a previous
    incarnation with a recycled pid); otherwise (another host, no tag) once it is older
    than ``max_age`` seconds."""
    host = _host()
    for part in name.replace(".", " ").replace("_", " ").split():
        if part.startswith(host + "-"):
            pid = part[len(host) + 1:].split("-", 1)[0]
            if pid.isdigit():
                return _gone(int(pid), startup)
    return time.time() - mtime > max_age


def _gone(pid: int, startup: bool) -> bool:
    if pid == os.getpid():
        return startup
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
