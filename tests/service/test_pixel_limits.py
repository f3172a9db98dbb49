"""Pixel bombs uploaded to a real server are refused from their headers: 4001 with the
limit in the message, and the server's resident memory peak grows by less than 200 MB."""

from __future__ import annotations

import httpx
import pytest

from .._bombs import jpeg_declaring, write_gray_jpeg, write_mjpeg_mp4, write_png
from .._procs import reset_peak_rss, rss_mb
from .conftest import auth, new_session, new_token, start_server, upload

pytestmark = pytest.mark.service


def test_pixel_bombs_refused_with_bounded_server_memory(tmp_path, media_dir):
    bombs = tmp_path / "bombs"
    bombs.mkdir()
    (bombs / "declared.jpg").write_bytes(jpeg_declaring(13000, 13000))  # a few hundred bytes
    write_png(bombs / "huge.png", 12000, 12000)                          # real, 430 MB of pixels
    write_gray_jpeg(bombs / "gray.jpg", 16000, 16000)                    # real, 3 MB on disk
    write_mjpeg_mp4(bombs / "gray.mp4", bombs / "gray.jpg")              # real 16000x16000 video
    srv = start_server(tmp_path, "pixels", REELFORGE_MAX_IMAGE_PIXELS="40000000")  # setting honoured
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        # warm up: the first upload imports the media stack
        assert upload(base, token, sid, [media_dir / "shot1.jpg"]).status_code == 201
        pid = srv.proc.pid
        for name, says in (("declared.jpg", "13000x13000 (169 megapixels); the limit is 40 megapixels"),
                           ("huge.png", "12000x12000 (144 megapixels); the limit is 40 megapixels"),
                           ("gray.jpg", "the limit is 40 megapixels"),
                           ("gray.mp4", "the limit of 35.4 megapixels")):
            reset_peak_rss(pid)
            before = rss_mb(pid)
            r = upload(base, token, sid, [bombs / name])
            grew = rss_mb(pid, "VmHWM") - before
            assert r.status_code == 415 and r.json()["code"] == 4001, (name, r.text)
            assert says in r.json()["message"], (name, r.json())
            assert grew < 200, f"{name}: server memory peak grew by {grew:.0f} MB"
        st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
        assert [m["name"] for m in st["media"]] == ["shot1.jpg"]  # nothing half-added
        assert not list((srv.data_dir / "media" / sid).rglob("*.part"))
    finally:
        srv.stop()
