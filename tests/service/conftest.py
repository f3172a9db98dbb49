"""Service tests run the real server (uvicorn in a subprocess on a free port, its own data
dir) and talk to it with a real HTTP client."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .._procs import free_port, stop, wait_up

HEARTBEAT = 0.2
SMALL_LIMIT = 2 * 1024 * 1024


@dataclass
class Server:
    data_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    worker: bool = True
    port: int = 0
    proc: subprocess.Popen | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, worker: bool | None = None) -> Server:
        if worker is not None:
            self.worker = worker
        self.port = free_port()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("REELFORGE_")}
        # every test's client is 127.0.0.1: lift the per-address token limit (tests of that
        # limit set their own)
        env.update({"REELFORGE_HEARTBEAT_SECONDS": str(HEARTBEAT),
                    "REELFORGE_ANON_TOKENS_PER_IP_PER_DAY": "1000000", **self.env})
        args = [sys.executable, "-m", "reelforge.service", "--port", str(self.port),
                "--data-dir", str(self.data_dir)]
        if not self.worker:
            args.append("--no-worker")
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}-server-{self.port}.log"
        log = open(self.log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(args, env=env, cwd=self.data_dir.parent, stdout=log,
                                     stderr=subprocess.STDOUT)
        wait_up("server", lambda: httpx.get(self.url + "/health", timeout=1).status_code == 200,
                self.proc, self.log_path)
        return self

    def stop(self) -> None:
        stop(self.proc)
        self.proc = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:] if self.log_path else ""


def start_server(tmp: Path, name: str, worker: bool = True, **env: str) -> Server:
    return Server(data_dir=tmp / name, env=env, worker=worker).start()


@pytest.fixture(scope="session")
def main_server(tmp_path_factory) -> Iterator[Server]:
    """Embedded worker, small upload limit (2 MB), no URL allow-list."""
    srv = start_server(tmp_path_factory.mktemp("srv"), "main",
                       REELFORGE_MAX_UPLOAD_BYTES=str(SMALL_LIMIT))
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def lean_server(tmp_path_factory) -> Iterator[Server]:
    """No worker (nothing renders), 10 starter credits, 127.0.0.1 allow-listed for URLs."""
    srv = start_server(tmp_path_factory.mktemp("srv"), "lean", worker=False,
                       REELFORGE_STARTER_CREDITS="10", REELFORGE_URL_ALLOWLIST="127.0.0.1")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory) -> Path:
    """Small real media files."""
    from reelforge.media import write_test_audio, write_test_image

    d = tmp_path_factory.mktemp("media")
    colors = [(200, 60, 40), (40, 160, 90), (40, 90, 200)]
    for i, c in enumerate(colors, 1):
        write_test_image(d / f"shot{i}.jpg", size=(480, 270), color=c)
    write_test_audio(d / "voice.mp3", seconds=6, kind="speech")
    write_test_audio(d / "bgm.mp3", seconds=6, kind="music")
    return d


def small_files(media_dir: Path) -> list[Path]:
    return sorted(media_dir.glob("shot*.jpg")) + [media_dir / "voice.mp3", media_dir / "bgm.mp3"]


# -- client helpers ---------------------------------------------------------------------

def auth(token: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **extra}


_counter = iter(range(10**9))


def new_token(base: str, client_id: str | None = None) -> str:
    cid = client_id or f"test-{os.getpid()}-{time.time_ns()}-{next(_counter)}"
    r = httpx.post(base + "/v1/auth/anonymous-token", headers={"X-Client-Id": cid})
    assert r.status_code == 200, r.text
    return r.json()["token"]


def new_session(base: str, token: str, name: str = "test") -> str:
    r = httpx.post(base + "/v1/sessions", json={"name": name}, headers=auth(token))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def upload(base: str, token: str, sid: str, paths: list[Path], path_fmt: str = "/v1/sessions/{sid}/assets") -> httpx.Response:
    files = [("files", (p.name, p.read_bytes())) for p in paths]
    return httpx.post(base + path_fmt.format(sid=sid), files=files, headers=auth(token), timeout=60)


def session_with_cut(base: str, media_dir: Path, text: str) -> tuple[str, str]:
    """A new account and session holding the small files, and ``text`` said to it (the first
    cut): (token, session id)."""
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, small_files(media_dir)).status_code == 201
    chat(base, token, sid, text)
    return token, sid


def sse(response: httpx.Response) -> Iterator[dict]:
    """Parse a streamed SSE response into {"event", "data", "comment", "t"} dicts."""
    event: dict = {}
    for line in response.iter_lines():
        if line == "":
            if event:
                event.setdefault("event", "message" if "data" in event else None)
                event["t"] = time.monotonic()
                yield event
            event = {}
            continue
        if line.startswith(":"):
            yield {"event": None, "comment": line[1:].strip(), "t": time.monotonic()}
            continue
        key, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if key == "data":
            event["data"] = (event.get("data", "") + "\n" + value) if "data" in event else value
        elif key == "event":
            event["event"] = value
    if event:
        yield event


def chat(base: str, token: str, sid: str, text: str) -> list[dict]:
    with httpx.stream("POST", f"{base}/v1/sessions/{sid}/chat", json={"text": text},
                      headers=auth(token), timeout=120) as r:
        assert r.status_code == 200, r.read()
        events = list(sse(r))
    for e in events:
        if e.get("data") is not None:
            e["json"] = json.loads(e["data"])
    return events


def wait_export(base: str, token: str, export_id: str, timeout: float = 150) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = httpx.get(f"{base}/v1/exports/{export_id}", headers=auth(token))
        assert r.status_code == 200, r.text
        body = r.json()
        if body["status"] in ("completed", "failed"):
            return body
        time.sleep(0.3)
    raise AssertionError(f"export {export_id} did not finish: {body}")


def at_once(n: int, call: Callable[[], httpx.Response]) -> list[httpx.Response]:
    """``call()`` from ``n`` threads released together; the responses, in finishing order."""
    results: list[httpx.Response] = []
    lock = threading.Lock()
    barrier = threading.Barrier(n)

    def run() -> None:
        barrier.wait()
        r = call()
        with lock:
            results.append(r)

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def parallel_exports_never_overspend(base: str, media_dir: Path) -> str:
    """8 simultaneous 3-credit exports on a new 10-credit account: exactly 3 are accepted, the
    rest get 402 (code 2001), 1 credit stays available. Returns the session id."""
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, small_files(media_dir)).status_code == 201
    done = chat(base, token, sid, "make a 30-second video")[-1]["json"]
    assert done["state"]["draft"]["d"] == 30000  # 3 credits per export at 1080p
    results = at_once(8, lambda: httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"preset": "16:9"},
                                            headers=auth(token), timeout=60))
    codes = sorted(r.status_code for r in results)
    assert codes == [202] * 3 + [402] * 5, [r.text for r in results]
    assert all(r.json()["code"] == 2001 for r in results if r.status_code == 402)
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).json() == \
        {"available": 1, "frozen": 9, "total": 10}
    return sid
