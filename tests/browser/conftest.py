"""Browser tests: Debian's Chromium driven by Playwright for Python against a real
``reelforge serve`` subprocess (free port, temporary data dir). Screenshots go to
``test-output/browser/`` (or ``$REELFORGE_TEST_OUTPUT/browser``)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .._procs import free_port, stop, wait_up

CHROMIUM = os.environ.get("REELFORGE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def out_dir() -> Path:
    base = Path(os.environ.get("REELFORGE_TEST_OUTPUT") or ROOT / "test-output")
    d = base / "browser"
    d.mkdir(parents=True, exist_ok=True)
    return d


class Server:
    def __init__(self, data_dir: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        exe = shutil.which("reelforge")
        cmd = [exe] if exe else [sys.executable, "-m", "reelforge.cli"]
        cmd += ["serve", "--host", "127.0.0.1", "--port", str(self.port), "--data-dir", str(data_dir)]
        self.log = open(data_dir.parent / f"serve-{self.port}.log", "wb")
        full_env = {**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})}
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, env=full_env)
        try:
            wait_up("reelforge serve", lambda: httpx.get(self.url + "/health", timeout=1).status_code == 200,
                    self.proc, data_dir.parent / f"serve-{self.port}.log")
        except RuntimeError:
            self.stop()
            raise

    def log_text(self) -> str:
        self.log.flush()
        return (self.data_dir.parent / f"serve-{self.port}.log").read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        stop(self.proc, signal.SIGTERM, 15)
        self.log.close()


@pytest.fixture(scope="module")
def start_server(tmp_path_factory):
    started: list[Server] = []

    def start(**env: str) -> Server:
        base = tmp_path_factory.mktemp("serve")
        (base / "data").mkdir()
        server = Server(base / "data", env={f"REELFORGE_{k.upper()}": str(v) for k, v in env.items()})
        started.append(server)
        return server

    yield start
    for s in started:
        s.stop()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def media(tmp_path_factory):
    """Small real inputs: three photos, a voiceover and a music bed (10 s), and a text file
    named like a photo (rejected by content)."""
    from reelforge.media import write_demo_assets

    d = tmp_path_factory.mktemp("web-media")
    demo = write_demo_assets(d, images=3, seconds=10)
    fake = d / "notes.jpg"
    fake.write_text("shopping list: milk, eggs, bread\n" * 40)
    return {"images": demo.images, "voiceover": demo.voiceover, "music": demo.music, "fake": fake}
