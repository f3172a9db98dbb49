"""Pixel bombs uploaded to a real server are refused from their headers: 4001 with the
limit in the message, and the server's resident memory peak grows by less than 200 MB."""

from __future__ import annotations

import httpx
import pytest

from .._bombs import jpeg_declaring, write_gif, write_gray_jpeg, write_mjpeg_mp4, write_png
from .._procs import reset_peak_rss, rss_mb
from .conftest import at_once, auth, new_session, new_token, start_server, upload

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


def _cpu_seconds(pid: int) -> float:
    import os
    from pathlib import Path

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_animations_bounded_by_frames_and_decoded_pixels(tmp_path, media_dir):
    bombs = tmp_path / "bombs"
    bombs.mkdir()
    write_gif(bombs / "canvas.gif", 8000, 4000, 62)   # 1.5 KB: 62 x 32 megapixels to decode
    write_gif(bombs / "frames.gif", 64, 64, 3001)     # 60 KB: 3001 frames
    write_gif(bombs / "fine.gif", 320, 240, 20)
    srv = start_server(tmp_path, "anim")
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        assert upload(base, token, sid, [media_dir / "shot1.jpg"]).status_code == 201  # warm up
        for name, says in (("canvas.gif", "62 frames of 8000x4000 (1984 megapixels in all); the limit "
                                          "is 300 megapixels (REELFORGE_MAX_ANIMATION_PIXELS)"),
                           ("frames.gif", "more than 3000 frames; the limit is 3000 frames "
                                          "(REELFORGE_MAX_ANIMATION_FRAMES)")):
            cpu = _cpu_seconds(srv.proc.pid)
            r = upload(base, token, sid, [bombs / name])
            spent = _cpu_seconds(srv.proc.pid) - cpu
            assert r.status_code == 415 and r.json()["code"] == 4001, (name, r.text)
            assert says in r.json()["message"], (name, r.json())
            assert spent < 1.0, f"{name}: {spent:.1f} s of server CPU to refuse"
        r = upload(base, token, sid, [bombs / "fine.gif"])
        assert r.status_code == 201 and r.json()["assets"][0]["duration_ms"] == 2000, r.text
    finally:
        srv.stop()


def test_parallel_large_pictures_do_not_multiply_memory(tmp_path, media_dir):
    """Three uploads at once of a 7000x7000 PNG (49 megapixels, 150 KB): probed without a full
    decode, decoded once for the downscaled copy, one large decode at a time in the process."""
    import os

    png = write_png(tmp_path / "big.png", 7000, 7000).read_bytes()
    srv = start_server(tmp_path, "big")
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        assert upload(base, token, sid, [media_dir / "shot1.jpg"]).status_code == 201  # warm up
        pid = srv.proc.pid
        reset_peak_rss(pid)
        before = rss_mb(pid)

        def one(i: int):
            data = png + os.urandom(16)  # a different file each (ingest caches by content)
            return lambda: httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token),
                                      files={"file": (f"big{i}.png", data, "image/png")}, timeout=300)

        calls = iter([one(i) for i in range(3)])
        results = at_once(3, lambda: next(calls)())
        grew = rss_mb(pid, "VmHWM") - before
        assert [r.status_code for r in results] == [201] * 3, [r.text[:300] for r in results]
        assert all(r.json()["assets"][0]["width"] == 3840 for r in results)
        assert grew < 600, f"3 parallel 49-megapixel uploads: server memory peak grew by {grew:.0f} MB"
    finally:
        srv.stop()
