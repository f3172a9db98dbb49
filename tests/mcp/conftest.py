"""Fixtures for the MCP tests: free ports and subprocesses (a real `reelforge serve`, the MCP
server over streamable HTTP)."""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .._procs import free_port, stop, wait_up


@dataclass(frozen=True)
class McpHttp:
    """A running ``reelforge mcp --http``: its /mcp URL and the bearer token to send."""

    url: str
    key: str | None = None


def run_mcp(target, body, timeout: float = 300, token: str | None = None):
    """Connect an MCP client to ``target`` (stdio server parameters, a URL or an `McpHttp`,
    whose key is sent unless ``token`` is given), hand it to ``body`` (async) and return its
    result."""
    import anyio
    from mcp import Client

    if isinstance(target, McpHttp):
        token = token if token is not None else target.key
        target = target.url

    async def main():
        with anyio.fail_after(timeout):
            if isinstance(target, str) and token:
                import httpx2
                from mcp.client.streamable_http import streamable_http_client

                http = httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"},
                                          timeout=httpx2.Timeout(60, read=300))
                async with http, Client(streamable_http_client(target, http_client=http),
                                        read_timeout_seconds=240) as client:
                    return await body(client)
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


def mcp_command(port: int, data_dir, *extra: str) -> list[str]:
    return [sys.executable, "-m", "reelforge.mcp", "--http", "--port", str(port), "--data-dir", str(data_dir),
            *extra]


@contextlib.contextmanager
def mcp_http_server(tmp_path, *extra: str, key: str | None = None, name: str = "mcp-http",
                    env: dict[str, str] | None = None):
    """``python -m reelforge.mcp --http [extra]`` on a free loopback port, with ``key`` (if
    any) as ``REELFORGE_MCP_KEY`` and ``env`` added to the environment; yields an `McpHttp`,
    stops it on exit."""
    port = free_port()
    log = tmp_path / f"{name}.log"
    env = {**{k: v for k, v in os.environ.items() if k != "REELFORGE_MCP_KEY"}, **(env or {})}
    env["HF_HUB_OFFLINE"] = "1"
    if key:
        env["REELFORGE_MCP_KEY"] = key
    with open(log, "wb") as fh:
        proc = subprocess.Popen(mcp_command(port, tmp_path / f"{name}-data", *extra),
                                stdout=fh, stderr=subprocess.STDOUT, env=env)

    def listening() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True

    try:
        wait_up("MCP HTTP server", listening, proc, log)
        yield McpHttp(f"http://127.0.0.1:{port}/mcp", key)
    finally:
        stop(proc, signal.SIGTERM, 15)


@pytest.fixture
def mcp_http(tmp_path):
    """`python -m reelforge.mcp --http` (embedded, with a REELFORGE_MCP_KEY) on a free port."""
    with mcp_http_server(tmp_path, key=secrets.token_urlsafe(24)) as server:
        yield server
