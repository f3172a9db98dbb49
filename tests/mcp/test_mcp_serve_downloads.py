"""MCP inside `reelforge serve` (streamable HTTP at /mcp, the callers' service tokens): a remote
caller fetches the MP4, the preview and the caption/transcript files it made through what the
tools return — links on the same server wanting the same token, with Range support — and never
sees a server path. Real SDK client, real server, real renders, probed."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from .. import _http as httpx
from .conftest import McpHttp, run_mcp, text_of

pytestmark = [pytest.mark.service, pytest.mark.slow]

SAID = "Fresh coffee every morning. Visit our little shop on Main Street today."


def _token(base: str) -> str:
    r = httpx.post(base + "/v1/auth/anonymous-token", headers={"X-Client-Id": f"mcp-{uuid.uuid4().hex}"})
    assert r.status_code == 200, r.text
    return r.json()["token"]


async def _session_with_a_cut(c, base: str, token: str, inputs: list[Path], name: str) -> str:
    """A session made over MCP whose media come by the HTTP API (same account, same session:
    MCP over HTTP reads no server file), with a first cut; its id."""
    created = await c.call_tool("create_session", {"name": name})
    assert not created.is_error, text_of(created)
    sid = created.structured_content["session_id"]
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers={"Authorization": f"Bearer {token}"},
                   files=[("files", (p.name, p.read_bytes())) for p in inputs])
    assert r.status_code == 201, r.text
    said = await c.call_tool("instruct", {"session_id": sid,
                                          "instruction": "a short promo of these photos with the voiceover"})
    assert not said.is_error, text_of(said)
    return sid


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    from PIL import Image
    from skimage import data

    from reelforge.ai.tts import synthesize

    d = tmp_path_factory.mktemp("mcp-inputs")
    out = []
    for i, name in enumerate(("coffee", "chelsea"), 1):
        p = d / f"{i:02d}-{name}.jpg"
        Image.fromarray(getattr(data, name)()).convert("RGB").save(p, quality=90)
        out.append(p)
    synthesize(SAID, d / "voiceover.wav", "en")
    return [*out, d / "voiceover.wav"]


def test_a_remote_mcp_caller_downloads_what_it_made(reelforge_serve, inputs, tmp_path):
    from reelforge.render import verify

    base = reelforge_serve
    alice, bob = _token(base), _token(base)
    mcp = McpHttp(base + "/mcp", alice)

    async def make(c):
        sid = await _session_with_a_cut(c, base, alice, inputs, "coffee promo")
        preview = await c.call_tool("preview", {"session_id": sid})
        done = await c.call_tool("export", {"session_id": sid, "quality": "draft"})
        # the result links its files as MCP resources; reading them gives the bytes / the text
        links = {b.uri: b for b in done.content if b.type == "resource_link"}
        read = {}
        for uri in links:
            got = await c.read_resource(uri)
            read[uri] = got.contents[0]
        return sid, preview, done, links, read

    sid, preview, done, links, read = run_mcp(mcp, make, timeout=900)
    assert not preview.is_error, text_of(preview)
    assert not done.is_error, text_of(done)
    result = done.structured_content
    assert result["status"] == "completed" and result["path"] is None
    url = result["download_url"]
    assert url.startswith(base + "/v1/exports/") and url.endswith("/download")
    # nothing a remote caller gets names a file on the server
    everything = text_of(done) + str(result) + text_of(preview) + str(preview.structured_content)
    assert "/tmp" not in everything and "renders/" not in everything

    # the MP4, with the same token: whole, and by byte ranges
    own = {"Authorization": f"Bearer {alice}"}
    r = httpx.get(url, headers=own)
    assert r.status_code == 200 and r.headers["content-type"] == "video/mp4"
    assert r.headers.get("accept-ranges") == "bytes"
    mp4 = tmp_path / "export.mp4"
    mp4.write_bytes(r.content)
    info = verify(mp4)
    assert info.vcodec == "h264" and info.acodec == "aac" and info.duration > 1
    part = httpx.get(url, headers={**own, "Range": "bytes=100-1123"})
    assert part.status_code == 206 and part.content == r.content[100:1124]
    assert part.headers["content-range"] == f"bytes 100-1123/{len(r.content)}"
    # another token gets "not found", no token gets 401
    other = httpx.get(url, headers={"Authorization": f"Bearer {bob}"})
    assert (other.status_code, other.json()["code"]) == (404, 1002)
    assert httpx.get(url).status_code == 401

    # the preview, the same way
    pv = preview.structured_content
    r = httpx.get(pv["download_url"], headers=own)
    assert r.status_code == 200
    (tmp_path / "preview.mp4").write_bytes(r.content)
    assert verify(tmp_path / "preview.mp4").vcodec == "h264"
    assert httpx.get(pv["download_url"], headers={"Authorization": f"Bearer {bob}"}).status_code == 404

    # the voiceover's transcript files, returned once the worker made them
    assert result["transcript"]["status"] == "ready", result["transcript"]
    srt = httpx.get(result["transcript_urls"]["srt"], headers=own)
    assert srt.status_code == 200 and "coffee" in srt.text.lower()
    assert httpx.get(result["transcript_urls"]["vtt"], headers=own).text.startswith("WEBVTT")
    assert httpx.get(result["transcript_urls"]["srt"], headers={"Authorization": f"Bearer {bob}"}).status_code == 404
    if result.get("caption_urls"):
        assert httpx.get(result["caption_urls"]["srt"], headers=own).status_code == 200

    # the same files as MCP resources (resource_link blocks in the result, resources/read)
    import base64

    eid = result["job_id"]
    video = f"reelforge://exports/{eid}/video.mp4"
    assert links[video].mime_type == "video/mp4" and links[video].size == len(r_mp4 := mp4.read_bytes())
    assert base64.b64decode(read[video].blob) == r_mp4
    transcript = f"reelforge://exports/{eid}/transcript.vtt"
    assert read[transcript].text == httpx.get(result["transcript_urls"]["vtt"], headers=own).text
    # bob cannot read alice's resources
    async def peek(c):
        try:
            await c.read_resource(video)
        except Exception as exc:  # the SDK raises the server's error
            return str(exc)
        return "read"
    assert "1002" in run_mcp(McpHttp(base + "/mcp", bob), peek)

    # MCP over /mcp wants a service token
    r = httpx.post(base + "/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}},
                   headers={"Accept": "application/json, text/event-stream"})
    assert r.status_code == 401
    # and bob's MCP session does not see alice's session
    seen = run_mcp(McpHttp(base + "/mcp", bob), lambda c: c.call_tool("get_state", {"session_id": sid}))
    assert seen.is_error and "error 1002" in text_of(seen)


def test_remote_mode_over_http_hands_out_the_services_links(reelforge_serve, inputs, tmp_path):
    """`reelforge mcp --http --url <serve>`: the caller (with their service token) is not on the
    MCP server's machine, so nothing is downloaded there and no path is shown: the results carry
    the service's own links (the MP4, the transcript files)."""
    from reelforge.render import verify

    from .conftest import mcp_http_server

    base = reelforge_serve
    alice = _token(base)

    async def make(c):
        sid = await _session_with_a_cut(c, base, alice, inputs, "remote")
        done = await c.call_tool("export", {"session_id": sid, "quality": "draft"})
        return done, await c.call_tool("preview", {"session_id": sid, "wait": False})

    with mcp_http_server(tmp_path, "--url", base, key="k-" + uuid.uuid4().hex, name="mcp-remote-dl") as server:
        done, preview = run_mcp(McpHttp(server.url, alice), make, timeout=900)
    assert not done.is_error, text_of(done)
    assert "live_url" not in done.structured_content   # exports have no live stream
    # the preview's live stream: the service's own unguessable link, fetched from the service
    assert not preview.is_error, text_of(preview)
    live = preview.structured_content["live_url"]
    assert live.startswith(base + "/files/live/") and live.endswith(".mp4"), live
    assert isinstance(preview.structured_content["rendered_ms"], int)
    (tmp_path / "remote-live.mp4").write_bytes(_read_live(live))
    frames, sound, codec = _frames_and_sound(tmp_path / "remote-live.mp4")
    assert codec == "h264" and frames > 0 and sound > 1, (frames, sound)
    result = done.structured_content
    assert result["status"] == "completed" and result["path"] is None
    assert str(tmp_path) not in text_of(done) and "/tmp" not in str(result)
    assert not list((tmp_path / "mcp-remote-dl-data").rglob("*.mp4"))   # nothing fetched onto the MCP host
    r = httpx.get(result["download_url"])
    assert r.status_code == 200 and result["download_url"].startswith(base + "/files/")
    (tmp_path / "remote.mp4").write_bytes(r.content)
    info = verify(tmp_path / "remote.mp4")
    assert info.vcodec == "h264" and info.duration == pytest.approx(result["duration_s"], abs=0.3)
    assert result["transcript"]["status"] == "ready", result["transcript"]
    assert "coffee" in httpx.get(result["transcript_urls"]["srt"]).text.lower()


@pytest.fixture
def file_host(inputs):
    """The inputs served over HTTP on loopback (MCP over HTTP takes URLs, never server paths)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(inputs[0].parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_standalone_mcp_http_serves_its_downloads(inputs, file_host, tmp_path, monkeypatch):
    """`reelforge mcp --http` (embedded, REELFORGE_MCP_KEY): the results' download_url is on the
    MCP server itself, wants the same key, and serves byte ranges; a wrong key gets 401."""
    import base64

    from reelforge.render import verify

    from .conftest import mcp_http_server

    monkeypatch.setenv("REELFORGE_URL_ALLOWLIST", "127.0.0.1")
    key = "k-" + uuid.uuid4().hex

    async def make(c):
        sid = (await c.call_tool("create_session", {})).structured_content["session_id"]
        added = await c.call_tool("add_assets", {"session_id": sid,
                                                 "sources": [f"{file_host}/{p.name}" for p in inputs]})
        assert not added.is_error, text_of(added)
        said = await c.call_tool("instruct", {"session_id": sid,
                                              "instruction": "a short promo of these photos with the voiceover"})
        assert not said.is_error, text_of(said)
        done = await c.call_tool("export", {"session_id": sid, "quality": "draft"})
        eid = done.structured_content["job_id"]
        blob = (await c.read_resource(f"reelforge://exports/{eid}/video.mp4")).contents[0].blob
        return done, base64.b64decode(blob), await c.call_tool("preview", {"session_id": sid, "wait": False})

    with mcp_http_server(tmp_path, key=key, name="mcp-standalone") as server:
        done, blob, preview = run_mcp(server, make, timeout=900)
        assert not done.is_error, text_of(done)
        # the preview's live stream is served by the MCP server too, with the same key
        assert not preview.is_error, text_of(preview)
        live = preview.structured_content["live_url"]
        root = server.url.removesuffix("/mcp")
        assert live == f"{root}/v1/exports/{preview.structured_content['job_id']}/live.mp4", live
        assert httpx.get(live, headers={"Authorization": "Bearer wrong-" + key}).status_code == 401
        (tmp_path / "standalone-live.mp4").write_bytes(_read_live(live, {"Authorization": f"Bearer {key}"}))
        frames, sound, codec = _frames_and_sound(tmp_path / "standalone-live.mp4")
        assert codec == "h264" and frames > 0 and sound > 1, (frames, sound)
        export_live = httpx.get(f"{root}/v1/exports/{done.structured_content['job_id']}/live.mp4",
                                headers={"Authorization": f"Bearer {key}"})
        assert (export_live.status_code, export_live.json()["code"]) == (404, 1002)   # only previews stream
        result = done.structured_content
        root = server.url.removesuffix("/mcp")
        assert result["download_url"] == f"{root}/v1/exports/{result['job_id']}/download"
        assert result["path"] is None and str(tmp_path) not in text_of(done)
        own = {"Authorization": f"Bearer {key}"}
        r = httpx.get(result["download_url"], headers=own)
        assert r.status_code == 200 and r.content == blob
        part = httpx.get(result["download_url"], headers={**own, "Range": "bytes=0-511"})
        assert part.status_code == 206 and part.content == blob[:512]
        assert httpx.get(result["download_url"], headers={"Authorization": "Bearer wrong-" + key}).status_code == 401
        assert httpx.get(result["download_url"]).status_code == 401
        missing = httpx.get(f"{root}/v1/exports/{uuid.uuid4().hex}/download", headers=own)
        assert (missing.status_code, missing.json()["code"]) == (404, 1002)
        assert result["transcript"]["status"] == "ready", result["transcript"]
        srt = httpx.get(result["transcript_urls"]["srt"], headers=own)
        assert srt.status_code == 200 and "coffee" in srt.text.lower()
    (tmp_path / "standalone.mp4").write_bytes(r.content)
    assert verify(tmp_path / "standalone.mp4").vcodec == "h264"


def _frames_and_sound(path: Path) -> tuple[int, float, str]:
    """(video frames decoded, seconds of sound decoded, video codec) of an MP4 (PyAV)."""
    import av

    with av.open(str(path)) as c:
        codec = c.streams.video[0].codec_context.name
        frames = sum(1 for _ in c.decode(video=0))
    with av.open(str(path)) as c:
        seconds = sum(fr.samples / fr.sample_rate for fr in c.decode(audio=0))
    return frames, seconds, codec


def _read_live(url: str, headers: dict[str, str] | None = None) -> bytes:
    """The whole live stream: one response that grows as fragments appear and ends with the last."""
    with httpx.stream("GET", url, headers=headers or {}) as s:
        assert s.status_code == 200 and s.headers["content-type"] == "video/mp4", s.status_code
        return b"".join(s.iter_bytes())


def test_mcp_preview_plays_while_it_renders(reelforge_serve, inputs, tmp_path):
    """MCP at /mcp of `reelforge serve`: preview(wait=false) answers at once with the preview's
    live stream (a link on the same server wanting the same token) and how much of it plays;
    the stream decodes to every frame of the finished preview, with its sound; export_status
    carries both until the end (rendered_ms = the whole preview)."""
    import anyio

    base = reelforge_serve
    alice, bob = _token(base), _token(base)
    own = {"Authorization": f"Bearer {alice}"}

    async def start(c):
        sid = await _session_with_a_cut(c, base, alice, inputs, "live preview")
        return await c.call_tool("preview", {"session_id": sid, "wait": False})

    started = run_mcp(McpHttp(base + "/mcp", alice), start, timeout=900)
    assert not started.is_error, text_of(started)
    job = started.structured_content
    assert job["kind"] == "preview" and job["status"] in ("queued", "running"), job
    live = job["live_url"]
    assert live == f"{base}/v1/exports/{job['job_id']}/live.mp4", live
    assert isinstance(job["rendered_ms"], int) and "/tmp" not in str(job)

    assert httpx.get(live, headers={"Authorization": f"Bearer {bob}"}).status_code == 404
    assert httpx.get(live).status_code == 401
    stream = tmp_path / "live.mp4"
    stream.write_bytes(_read_live(live, own))
    frames, sound, codec = _frames_and_sound(stream)
    assert codec == "h264" and frames > 0 and sound > 1, (frames, sound)

    async def poll(c):
        for _ in range(1200):
            got = await c.call_tool("export_status", {"job_id": job["job_id"]})
            assert not got.is_error, text_of(got)
            if got.structured_content["status"] in ("completed", "failed"):
                return got.structured_content
            await anyio.sleep(0.5)
        raise AssertionError("the preview did not finish")

    done = run_mcp(McpHttp(base + "/mcp", alice), poll, timeout=900)
    assert done["status"] == "completed", done
    assert done["live_url"] == live and abs(done["rendered_ms"] - done["duration_s"] * 1000) < 100, done
    finished = tmp_path / "preview.mp4"
    finished.write_bytes(httpx.get(done["download_url"], headers=own).content)
    want_frames, want_sound, _ = _frames_and_sound(finished)
    assert frames == want_frames                       # the stream held every frame of the preview
    assert abs(sound - want_sound) < 0.05, (sound, want_sound)
