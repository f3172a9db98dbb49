"""Progressive previews on a real server (issue 13 step 4): the preview's fragmented MP4 is
served while it renders; its first fragment arrives before the render is finished and plays."""

from __future__ import annotations

import time

import av
import pytest

from reelforge.render.fragments import boxes

from .. import _http as httpx
from .conftest import auth, new_token, session_with_cut, wait_export


def _first_fragment(blocks) -> tuple[bytes, bytes, float]:
    """Read the stream until its init and first moof/mdat are whole: (those bytes, the bytes
    read past them, when)."""
    data = b""
    for block in blocks:
        data += block
        if "mdat" in [k for k, _, _ in boxes(data)]:
            end = max(o + s for _, o, s in boxes(data))
            return data[:end], data[end:], time.monotonic()
    raise AssertionError(f"the stream ended before a whole fragment: {len(data)} bytes")


@pytest.mark.slow
def test_preview_streams_while_it_renders(main_server, media_dir, tmp_path):
    base = main_server.url
    token, sid = session_with_cut(base, media_dir, "make a 30-second video")
    t0 = time.monotonic()
    r = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token))
    assert r.status_code == 202, r.text
    view = r.json()
    assert view["live_url"].endswith(".mp4") and "/files/live/" in view["live_url"]
    assert view["rendered_ms"] == 0 and view["duration_ms"] == 30000
    with httpx.stream("GET", view["live_url"]) as s:
        assert s.status_code == 200 and s.headers["content-type"] == "video/mp4"
        blocks = s.iter_bytes()
        first, more, t_first = _first_fragment(blocks)
        # the render is still going when the first seconds are here (condition, not timing)
        status = httpx.get(f"{base}/v1/exports/{view['id']}", headers=auth(token)).json()
        assert status["status"] != "completed", status
        assert 0 < status["rendered_ms"] < status["duration_ms"], status
        rest = more + b"".join(blocks)
    print(f"first fragment {t_first - t0:.2f} s after the request")
    frag = tmp_path / "first.mp4"
    frag.write_bytes(first)
    with av.open(str(frag)) as f:  # the first fragment alone is a playable file
        v = f.streams.video[0]
        frames = list(f.decode(video=0))
    assert v.codec_context.name == "h264" and len(frames) >= 30
    assert frames[-1].time > 0.9
    # the whole stream: every frame of the preview, in order, with its sound
    whole = tmp_path / "live.mp4"
    whole.write_bytes(first + rest)
    with av.open(str(whole)) as f:
        pts = [fr.time for fr in f.decode(video=0)]
    with av.open(str(whole)) as f:
        samples = sum(fr.samples for fr in f.decode(audio=0))
    assert len(pts) == 900 and pts == sorted(pts), (len(pts), pts[:5])
    assert abs(samples / 48000 - 30) < 0.2
    done = wait_export(base, token, view["id"])
    assert done["status"] == "completed" and done["rendered_ms"] == 30000
    assert httpx.get(done["download_url"]).status_code == 200  # the finished file as before
    # the stream of a finished preview is still whole, and ends
    again = httpx.get(view["live_url"])
    assert again.status_code == 200 and len(again.content) == len(first + rest)


def test_live_stream_is_scoped(main_server, media_dir):
    base = main_server.url
    token, sid = session_with_cut(base, media_dir, "make a 6-second video")
    view = httpx.post(f"{base}/v1/sessions/{sid}/preview?wait=120", headers=auth(token)).json()
    assert view["status"] == "completed", view
    own = httpx.get(f"{base}/v1/exports/{view['id']}/live.mp4", headers=auth(token))
    assert own.status_code == 200 and own.content[4:8] == b"ftyp"
    other = new_token(base)
    r = httpx.get(f"{base}/v1/exports/{view['id']}/live.mp4", headers=auth(other))
    assert r.status_code == 404 and r.json()["code"] == 1002
    for bad in ("nope", "../../reelforge", "%2e%2e%2freelforge.db", "a" * 300):
        r = httpx.get(f"{base}/files/live/{bad}.mp4")
        assert r.status_code == 404, (bad, r.status_code)


def test_exports_have_no_live_stream(lean_server, media_dir):
    base = lean_server.url  # no worker: the export stays queued
    token, sid = session_with_cut(base, media_dir, "make a 6-second video")
    exp = httpx.post(f"{base}/v1/sessions/{sid}/exports", headers=auth(token), json={}).json()
    assert exp["kind"] == "export" and exp["live_url"] is None and exp["rendered_ms"] is None
    r = httpx.get(f"{base}/v1/exports/{exp['id']}/live.mp4", headers=auth(token))
    assert r.status_code == 404 and "only previews" in r.json()["message"]
    # a queued preview already names its live stream; nothing is playable yet
    pre = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token)).json()
    assert pre["live_url"] and pre["rendered_ms"] == 0


def test_failed_preview_ends_its_stream(main_server, media_dir):
    base = main_server.url
    token, sid = session_with_cut(base, media_dir, "make a 6-second video")
    for f in (main_server.data_dir / "media" / sid).glob("*.jpg"):
        f.unlink()  # its pictures are gone: the render fails before any frame
    view = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token)).json()
    with httpx.stream("GET", view["live_url"]) as s:
        # the stream ends (it does not hang) and holds no picture, or the failure is said at once
        body = s.read()
        assert s.status_code in (200, 404), s.status_code
    assert b"mdat" not in body
    if s.status_code == 404:
        assert "failed" in s.json()["message"]
    done = wait_export(base, token, view["id"])
    assert done["status"] == "failed" and done["error"], done
    assert done["rendered_ms"] == 0
    r = httpx.get(view["live_url"])
    assert r.status_code == 404 and r.json()["code"] == 1002 and "failed" in r.json()["message"], r.text


def test_live_streams_are_bounded(tmp_path, media_dir):
    from .conftest import start_server

    srv = start_server(tmp_path, "one-stream", worker=False, REELFORGE_LIVE_STREAMS="1")
    try:
        base = srv.url
        token, sid = session_with_cut(base, media_dir, "make a 6-second video")
        view = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token)).json()
        with httpx.stream("GET", view["live_url"]) as held:  # no worker: it waits for fragments
            assert held.status_code == 200
            r = httpx.get(view["live_url"])
            assert r.status_code == 429 and r.json()["code"] == 429 and "Retry-After" in r.headers, r.text
        # the slot comes back when the watcher goes away
        deadline = time.monotonic() + 60
        while True:
            with httpx.stream("GET", view["live_url"]) as again:
                if again.status_code == 200:
                    break
            assert time.monotonic() < deadline, "the closed stream's slot never came back"
            time.sleep(0.5)
    finally:
        srv.stop()


def test_a_live_stream_that_is_never_read_ends_at_its_deadline(tmp_path, media_dir):
    """The stream's time limit was checked only between fragments, and the server waited in a
    send to a client that never reads for as long as that client stayed: four such clients held
    a process's live streams (and an account's) for good. The deadline now holds during a
    blocked send too, and the slot comes back."""
    import socket

    from reelforge.media.samples import _ffmpeg

    from .conftest import new_session, start_server, upload

    srv = start_server(tmp_path, "stall", REELFORGE_LIVE_STREAMS="1", REELFORGE_MAX_STREAM_SECONDS="5")
    try:
        base = srv.url
        noise = tmp_path / "noise.mp4"   # noise: fragments of megabytes, more than socket buffers hold
        _ffmpeg(["-f", "lavfi", "-i", "color=c=gray:s=640x360:d=12:r=25,noise=alls=100:allf=t+u",
                 "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-pix_fmt", "yuv420p", str(noise)])
        token = new_token(base)
        sid = new_session(base, token)
        assert upload(base, token, sid, [noise]).status_code == 201
        r = httpx.post(f"{base}/v1/sessions/{sid}/chat", json={"text": "make a 12 second video"},
                       headers=auth(token), timeout=300)
        assert r.status_code == 200
        view = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token)).json()
        done = wait_export(base, token, view["id"], timeout=600)
        assert done["status"] == "completed", done
        live = sum(p.stat().st_size for p in (srv.data_dir / "live" / view["id"]).glob("*.mp4"))
        assert live > 8_000_000, live

        stalled = socket.socket()
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.connect(("127.0.0.1", srv.port))
        path = view["live_url"].removeprefix(base)
        stalled.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n\r\n".encode())
        try:
            assert stalled.recv(12, socket.MSG_PEEK) == b"HTTP/1.1 200"   # and never read further
            r = httpx.get(view["live_url"])
            assert r.status_code == 429, r.status_code
            # 5 s of stream and 5 s of grace; never, before
            deadline = time.monotonic() + 90
            while (code := httpx.get(view["live_url"]).status_code) != 200:
                assert time.monotonic() < deadline, f"the stalled stream kept its slot: {code}"
                time.sleep(1)
        finally:
            stalled.close()
    finally:
        srv.stop()
