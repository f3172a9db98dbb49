"""Multipart uploads are bounded part by part: the number of file parts, the number of plain
form fields and their bytes in all (each is held in memory until the request ends). Past a
bound the request is refused at once with 413 naming the setting, and a long list of bad
files is cut short in the error message."""

from __future__ import annotations

from pathlib import Path

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .._procs import reset_peak_rss, rss_mb
from .conftest import auth, new_session, new_token, upload

pytestmark = pytest.mark.service

MB = 1024 * 1024
BOUNDARY = "F0rmB0undary"


def _post(base: str, token: str, sid: str, body) -> httpx.Response:
    return httpx.post(f"{base}/v1/sessions/{sid}/assets", content=body, timeout=120,
                      headers=auth(token, **{"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}))


def _field(name: str, value: bytes) -> bytes:
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n".encode()
            + value + b"\r\n")


def _file(name: str, data: bytes = b"") -> bytes:
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"


END = f"--{BOUNDARY}--\r\n".encode()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_form_field_bytes_are_bounded_while_streaming(main_server, media_dir):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, [media_dir / "shot1.jpg"]).status_code == 201  # warm up
    value = b"\xff" * (60 * 1024)  # each field under the 64 KB per-field cap
    count = 40 * MB // len(value)  # 40 MB of fields in all (a few, over and over)

    def body():
        for i in range(count):
            yield _field(f"f{i % 8}", value)
        yield END

    pid = main_server.proc.pid
    reset_peak_rss(pid)
    before = rss_mb(pid)
    r = _post(base, token, sid, body())
    grew = rss_mb(pid, "VmHWM") - before
    assert r.status_code == 413 and r.json()["code"] == 1, r.text
    assert "REELFORGE_UPLOAD_MAX_FIELD_BYTES" in r.json()["message"]
    assert grew < 20, f"server memory peak grew by {grew:.0f} MB for 40 MB of form fields"
    st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    assert [m["name"] for m in st["media"]] == ["shot1.jpg"]


def test_form_field_count_is_bounded(main_server):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    r = _post(base, token, sid, b"".join(_field("x", b"1") for _ in range(65)) + END)
    assert r.status_code == 413 and r.json()["code"] == 1, r.text
    assert r.json()["message"] == ("more than 64 form fields in one upload request "
                                   "(REELFORGE_UPLOAD_MAX_FIELDS)")


def test_file_parts_are_bounded_and_leave_nothing(main_server):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    r = _post(base, token, sid, b"".join(_file(f"e{i}.jpg") for i in range(1001)) + END)
    assert r.status_code == 413 and r.json()["code"] == 1, r.text
    assert r.json()["message"] == "more than 1000 files in one upload request (REELFORGE_UPLOAD_MAX_FILES)"
    assert not list((main_server.data_dir / "media" / sid).rglob("*.part"))


def test_long_lists_of_bad_files_are_cut_short(main_server):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    r = _post(base, token, sid, b"".join(_file(f"empty{i}.jpg") for i in range(300)) + END)
    assert r.status_code == 415 and r.json()["code"] == 4001, r.text
    message = r.json()["message"]
    assert message.startswith("300 of 300 files could not be added:")
    assert "- empty19.jpg: the file is empty" in message and "empty20.jpg" not in message
    assert "- ... and 280 more" in message
    assert len(message) < 3000, len(message)
