"""Fixtures for the MCP tests: free ports and subprocesses (a real `reelforge serve`, the MCP
server over streamable HTTP)."""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import signal
import socket
import subprocess
import sys

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .._procs import free_port, stop, wait_up


def run_mcp(target, body, timeout: float = 300):
    """Connect an MCP client to ``target`` (stdio server parameters or a URL), hand it to
    ``body`` (async) and return its result."""
    import anyio
    from mcp import Client

    async def main():
        with anyio.fail_after(timeout):
            async with Client(target, read_timeout_seconds=240) as client:
                return await body(client)
    # in a thread of its own: another plugin (Playwright's sync API) may own this thread's loop
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(anyio.run, main).result()


def text_of(result) -> str:
    return " ".join(getattr(c, "text", "") for c in result.content)


@pytest.fixture(scope="module")
def reelforge_serve(tmp_path_factory):
    """A real `reelforge serve` on a free port with a temporary data dir; yields its URL."""
    base = tmp_path_factory.mktemp("serve")
    port = free_port()
    exe = shutil.which("reelforge")
    cmd = ([exe] if exe else [sys.executable, "-m", "reelforge.cli"]) + [
        "serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(base / "data")]
    log = base / "serve.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT,
                                env={**os.environ, "HF_HUB_OFFLINE": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_up("reelforge serve", lambda: httpx.get(url + "/health", timeout=1).status_code == 200, proc, log)
        yield url
    finally:
        stop(proc, signal.SIGTERM, 15)


@pytest.fixture
def mcp_http(tmp_path):
    """`python -m reelforge.mcp --http` (embedded) on a free port; yields the /mcp URL."""
    port = free_port()
    log = tmp_path / "mcp-http.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "reelforge.mcp", "--http", "--port", str(port),
                                 "--data-dir", str(tmp_path / "mcp-data")],
                                stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, "HF_HUB_OFFLINE": "1"})

    def listening() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True

    try:
        wait_up("MCP HTTP server", listening, proc, log)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        stop(proc, signal.SIGTERM, 15)
