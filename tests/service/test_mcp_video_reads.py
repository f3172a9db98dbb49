"""MCP ``resources/read`` of an export's video is a base64 blob of up to 16 MB in one JSON
message, held whole several times until its answer is sent: 40 parallel reads of one 10.6 MB
export with one token took `reelforge serve` from 1.47 GB to 2.97 GB. Reads in flight are
bounded per account (``REELFORGE_MCP_VIDEO_READS_PER_ACCOUNT``) and per process
(``REELFORGE_MCP_VIDEO_READS``): past either the read is an MCP error naming the limit; a read
counts until its HTTP answer has been sent, so a client that never reads its answer holds its
slot only until it goes away."""

from __future__ import annotations

import base64
import json
import socket
import time

import pytest

from .. import _http as httpx
from .conftest import auth, chat, new_session, new_token, start_server, upload, wait_export

pytestmark = pytest.mark.service

MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json",
               "mcp-protocol-version": "2025-06-18"}


@pytest.fixture(scope="module")
def reads_server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("srv"), "video-reads",
                       REELFORGE_MCP_VIDEO_READS_PER_ACCOUNT="1", REELFORGE_MCP_VIDEO_READS="1")
    yield srv
    srv.stop()


def _answer(r: httpx.Response) -> dict:
    assert r.status_code == 200, r.text[:300]
    if r.headers["content-type"].startswith("text/event-stream"):
        data = [line[5:] for line in r.text.splitlines() if line.startswith("data:") and line[5:].strip()]
        return json.loads(data[-1])
    return r.json()


def _mcp_session(base: str, token: str) -> dict[str, str]:
    """Headers of an initialized MCP session on ``/mcp`` for ``token``."""
    r = httpx.post(base + "/mcp", headers={**MCP_HEADERS, **auth(token)}, json={
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}})
    headers = {**MCP_HEADERS, **auth(token), "mcp-session-id": r.headers["mcp-session-id"]}
    assert "result" in _answer(r)
    r = httpx.post(base + "/mcp", headers=headers, json={"jsonrpc": "2.0", "method": "notifications/initialized"})
    assert r.status_code == 202, r.text
    return headers


def _read_video(base: str, headers: dict[str, str], export_id: str) -> dict:
    r = httpx.post(base + "/mcp", headers=headers, json={
        "jsonrpc": "2.0", "id": 2, "method": "resources/read",
        "params": {"uri": f"reelforge://exports/{export_id}/video.mp4"}}, timeout=120)
    return _answer(r)


def _big_export(base: str, token: str, tmp_path) -> tuple[str, int]:
    """An export of a few MB (noise does not compress): more than the kernel buffers a stalled
    reader's answer can sit in."""
    from reelforge.media.samples import _ffmpeg

    noise = tmp_path / "noise.mp4"
    _ffmpeg(["-f", "lavfi", "-i", "color=c=gray:s=640x360:d=3:r=25,noise=alls=100:allf=t+u",
             "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-pix_fmt", "yuv420p", str(noise)])
    sid = new_session(base, token)
    assert upload(base, token, sid, [noise]).status_code == 201
    chat(base, token, sid, "make a 2 second video")
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"preset": "720p", "quality": "high"},
                   headers=auth(token))
    assert r.status_code == 202, r.text
    done = wait_export(base, token, r.json()["id"], timeout=600)
    assert done["status"] == "completed", done
    size = httpx.head(f"{base}/v1/exports/{done['id']}/download", headers=auth(token)).headers["content-length"]
    return done["id"], int(size)


def test_video_reads_in_flight_are_bounded_per_account_and_process(reads_server, tmp_path):
    base = reads_server.url
    token = new_token(base)
    export_id, size = _big_export(base, token, tmp_path)
    assert size > 6_000_000, size  # its base64 answer cannot all sit in socket buffers
    mine = _mcp_session(base, token)

    # a client that asks for the video and never reads the answer
    stalled = socket.socket()
    stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stalled.connect(("127.0.0.1", reads_server.port))
    body = json.dumps({"jsonrpc": "2.0", "id": 7, "method": "resources/read",
                       "params": {"uri": f"reelforge://exports/{export_id}/video.mp4"}}).encode()
    head = "".join(f"{k}: {v}\r\n" for k, v in mine.items())
    stalled.sendall(f"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:{reads_server.port}\r\n{head}Content-Length: {len(body)}\r\n\r\n".encode()
                    + body)
    try:
        deadline = time.monotonic() + 120
        while b'"blob"' not in (start := stalled.recv(4096, socket.MSG_PEEK)):  # until the blob is being sent
            assert time.monotonic() < deadline, f"the read's answer did not start: {start[-400:]!r}"
            time.sleep(0.1)

        refused = _read_video(base, _mcp_session(base, token), export_id)
        assert refused.get("error"), str(refused)[:300]
        assert refused["error"]["message"] == (
            "error 429: 1 video read of this account is in flight (at most 1 at once); wait for one to finish "
            "or fetch the video by its download_url"), refused

        other = _mcp_session(base, new_token(base))
        refused = _read_video(base, other, export_id)
        assert refused["error"]["message"] == (
            "error 429: 1 video read is in flight on this server (at most 1); try again shortly or fetch "
            "the video by its download_url"), refused
    finally:
        stalled.close()

    # the slot comes back when the stalled client goes away
    deadline = time.monotonic() + 60
    while True:
        got = _read_video(base, mine, export_id)
        if "result" in got or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    blob = got["result"]["contents"][0]["blob"]
    download = httpx.get(f"{base}/v1/exports/{export_id}/download", headers=auth(token))
    assert base64.b64decode(blob) == download.content
    # another account's read now gets as far as the ownership check
    assert _read_video(base, other, export_id)["error"]["message"].startswith("error 1002:")
