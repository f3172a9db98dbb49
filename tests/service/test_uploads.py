"""Uploads stream to disk in constant memory."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, new_session, new_token, upload

pytestmark = pytest.mark.service

MB = 1024 * 1024


def _peak_rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmHWM")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_large_upload_does_not_grow_server_memory(lean_server, media_dir):
    base = lean_server.url  # default 500 MB limit
    token = new_token(base)
    sid = new_session(base, token)
    # warm up: the first upload loads the probing libraries
    assert upload(base, token, sid, [media_dir / "shot1.jpg", media_dir / "voice.mp3"]).status_code == 201
    size = 64 * MB
    before = _peak_rss(lean_server.proc.pid)

    def body():
        yield (b"--B0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.mp4\"\r\n"
               b"Content-Type: video/mp4\r\n\r\n")
        chunk = os.urandom(MB)
        for _ in range(size // MB):
            yield chunk
        yield b"\r\n--B0undary--\r\n"

    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", content=body(), timeout=120,
                   headers=auth(token, **{"Content-Type": "multipart/form-data; boundary=B0undary"}))
    # random bytes are not a video: probed, refused, removed
    assert r.status_code == 415 and r.json()["code"] == 4001, r.text
    grown = _peak_rss(lean_server.proc.pid) - before
    assert grown < 16 * MB, f"server peak memory grew by {grown / MB:.1f} MB for a {size // MB} MB upload"
    assert not list((lean_server.data_dir / "media" / sid).rglob("*.part"))
    st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    assert len(st["media"]) == 2


def test_client_file_names_never_decide_paths(main_server, media_dir):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    data = (media_dir / "shot1.jpg").read_bytes()
    files = [("file", ("../../../escape.jpg", data)), ("file", ("/etc/cron.d/x.png", data)),
             ("file", ("..\\..\\win.jpg", (media_dir / "shot2.jpg").read_bytes()))]
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", files=files, headers=auth(token))
    assert r.status_code == 201, r.text
    names = sorted(a["name"] for a in r.json()["media"])
    assert names == ["escape.jpg", "win.jpg"]  # display names only (the same bytes twice = one asset)
    root = main_server.data_dir.parent
    assert not [p for p in root.rglob("*") if p.name in ("escape.jpg", "x.png", "win.jpg")]
    stored = sorted(p.name for p in (main_server.data_dir / "media" / sid).glob("*.jpg"))
    # server-made names: the content's digest and a per-upload part (each received file its own);
    # the same bytes twice are stored once
    assert len(stored) == 2 and all(re.fullmatch(r"[0-9a-f]{12}-[0-9a-f]{12}\.jpg", n) for n in stored), stored
