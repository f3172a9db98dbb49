"""The MCP server over streamable HTTP, and the remote backend (``--url``) against a real
``reelforge serve``: same tools, the service's codes and messages, a real MP4 back."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import av
import pytest
from mcp.client.stdio import StdioServerParameters

from .conftest import run_mcp, text_of

SEED = "combine these images and audio into a 10-second promotional video with text overlays"


def test_streamable_http_transport(mcp_http):
    async def body(client):
        tools = await client.list_tools()
        created = await client.call_tool("create_session", {"name": "over http"})
        credits = await client.call_tool("get_credits", {})
        missing = await client.call_tool("get_state", {"session_id": "nope"})
        return tools, created, credits, missing

    tools, created, credits, missing = run_mcp(mcp_http, body)
    assert {"create_session", "add_assets", "instruct", "export", "export_status"} <= {t.name for t in tools.tools}
    assert not created.is_error and created.structured_content["session_id"]
    assert credits.structured_content["unlimited"] is True
    assert missing.is_error and "error 1002" in text_of(missing)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from reelforge.media import write_demo_assets

    return write_demo_assets(tmp_path_factory.mktemp("remote-demo"), images=3, seconds=10)


@pytest.mark.service
@pytest.mark.render
def test_remote_backend_against_reelforge_serve(reelforge_serve, demo, tmp_path):
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "reelforge.mcp", "--url", reelforge_serve, "--data-dir", str(tmp_path / "mcp")],
        env={"HF_HUB_OFFLINE": "1", **{k: os.environ[k] for k in ("PYTHONPATH",) if k in os.environ}})
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a picture\n" * 30)
    progress: list[float] = []

    async def on_progress(value, total, message):
        progress.append(value / (total or 100))

    async def body(client):
        out = {}
        out["credits0"] = (await client.call_tool("get_credits", {})).structured_content
        created = await client.call_tool("create_session", {"name": "remote"})
        assert not created.is_error, text_of(created)
        sid = created.structured_content["session_id"]
        out["bad_file"] = await client.call_tool("add_assets", {"session_id": sid, "sources": [str(fake)]})
        added = await client.call_tool("add_assets", {
            "session_id": sid, "sources": [str(p) for p in [*demo.images, demo.voiceover, demo.music]]})
        assert not added.is_error, text_of(added)
        out["added"] = added.structured_content
        reply = await client.call_tool("instruct", {"session_id": sid, "instruction": SEED})
        assert not reply.is_error, text_of(reply)
        out["reply"] = reply.structured_content
        out["state"] = (await client.call_tool("get_state", {"session_id": sid})).structured_content
        out["timeline"] = await client.read_resource(f"reelforge://sessions/{sid}/timeline")
        exported = await client.call_tool("export", {"session_id": sid, "quality": "draft", "preset": "9:16@720p"},
                                          progress_callback=on_progress)
        assert not exported.is_error, text_of(exported)
        out["export"] = exported.structured_content
        out["fcpxml"] = await client.call_tool("export_timeline", {"session_id": sid, "format": "fcpxml"})
        out["credits1"] = (await client.call_tool("get_credits", {})).structured_content
        out["unknown"] = await client.call_tool("instruct", {"session_id": "not-a-session", "instruction": "hi"})
        return out

    out = run_mcp(params, body)
    assert out["credits0"]["available"] == 100 and out["credits0"]["unlimited"] is False
    assert out["bad_file"].is_error
    assert "error 4001" in text_of(out["bad_file"]) and "notes.jpg" in text_of(out["bad_file"])
    assert len(out["added"]["added"]) == 5
    assert out["reply"]["summary"].startswith("Timeline (")
    assert out["state"]["draft"]["d"] == 10_000
    assert {t["tt"] for t in out["state"]["draft"]["t"]} == {0, 1, 7}
    assert '"tracks"' in out["timeline"].contents[0].text

    result = out["export"]
    assert result["status"] == "completed"
    assert result["frame"] == [720, 1280]                            # the 9:16 720p frame...
    assert (result["width"], result["height"]) == (360, 640)         # ...rendered at draft size
    path = Path(result["path"])
    with av.open(str(path)) as c:
        v = c.streams.video[0]
        assert (v.codec_context.width, v.codec_context.height) == (360, 640)   # draft quality: 360 px short side
        assert c.duration / 1e6 == pytest.approx(10.0, abs=0.3)
        assert c.streams.audio[0].codec_context.name == "aac"
    assert progress and progress[-1] == pytest.approx(1.0)
    assert out["credits1"]["available"] < 100
    # caption files: the service's links, downloaded beside the MP4
    assert set(result["caption_urls"]) == {"srt", "vtt"}
    srt = Path(result["captions"]["srt"])
    assert srt.parent == path.parent and srt.read_text(encoding="utf-8").startswith("1\n00:00:")
    # the timeline for an editor through the service's route: file names only
    fcpxml = out["fcpxml"].structured_content
    assert not out["fcpxml"].is_error and fcpxml["content"].lstrip().startswith("<?xml")
    assert demo.images[0].name in fcpxml["content"] and "/reelforge" not in fcpxml["content"]

    assert out["unknown"].is_error and "error 1002" in text_of(out["unknown"])


def test_mcp_over_http_never_reads_server_files(mcp_http, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the launch codes are 0000")
    photo = tmp_path / "shot.jpg"
    from PIL import Image

    Image.new("RGB", (320, 180), (90, 120, 160)).save(photo)

    async def body(client):
        sid = (await client.call_tool("create_session", {"name": "remote caller"})).structured_content["session_id"]
        existing = await client.call_tool("add_assets", {"session_id": sid, "sources": [str(photo)]})
        missing = await client.call_tool("add_assets", {"session_id": sid, "sources": [str(tmp_path / "no.jpg")]})
        ssrf = await client.call_tool("add_assets", {"session_id": sid, "sources": ["http://127.0.0.1:9/x.jpg"]})
        state = await client.call_tool("get_state", {"session_id": sid})
        return existing, missing, ssrf, state

    existing, missing, ssrf, state = run_mcp(mcp_http, body)
    assert ssrf.is_error and "error 4003" in text_of(ssrf) and "non-public" in text_of(ssrf)
    assert existing.is_error and missing.is_error
    assert "not read over MCP HTTP" in text_of(existing)
    # the same words whether the file exists or not
    assert text_of(existing).replace(str(photo), "X") == text_of(missing).replace(str(tmp_path / "no.jpg"), "X")
    assert state.structured_content["media"] == []
