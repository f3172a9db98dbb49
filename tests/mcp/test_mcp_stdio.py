"""The MCP server through the SDK's own client over stdio (a real subprocess), embedded mode.

The seed workflow renders for real (draft quality) and the MP4 is probed with PyAV.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import anyio
import av
import pytest
from mcp.client.stdio import StdioServerParameters

from .conftest import run_mcp, text_of

SEED = "combine these images and audio into a 10-second promotional video with text overlays"
TOOLS = {"create_session", "list_sessions", "add_assets", "instruct", "get_state", "preview",
         "export", "export_status", "export_timeline", "get_credits", "delete_session"}


def server_params(data_dir: Path) -> StdioServerParameters:
    return StdioServerParameters(command=sys.executable,
                                 args=["-m", "reelforge.mcp", "--data-dir", str(data_dir)],
                                 # the test's media server is on loopback, which the SSRF guard
                                 # refuses unless allowed
                                 env={"HF_HUB_OFFLINE": "1", "REELFORGE_URL_ALLOWLIST": "127.0.0.1",
                                      **{k: os.environ[k] for k in ("PYTHONPATH",) if k in os.environ}})


def run_client(data_dir: Path, body):
    """Start the server over stdio, hand the connected client to ``body``, return its result."""
    return run_mcp(server_params(data_dir), body)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from reelforge.media import write_demo_assets

    return write_demo_assets(tmp_path_factory.mktemp("mcp-demo"), images=3, seconds=10)


def test_lists_tools_and_resources(tmp_path):
    async def body(client):
        tools = await client.list_tools()
        resources = await client.list_resources()
        templates = await client.list_resource_templates()
        schema = await client.read_resource("reelforge://schema/timeline")
        return tools, resources, templates, schema

    tools, resources, templates, schema = run_client(tmp_path, body)
    names = {t.name for t in tools.tools}
    assert TOOLS <= names
    export = next(t for t in tools.tools if t.name == "export")
    assert {"session_id", "preset", "quality", "wait"} <= set(export.input_schema["properties"])
    assert export.input_schema["required"] == ["session_id"]
    assert "reelforge://schema/timeline" in {str(r.uri) for r in resources.resources}
    assert "reelforge://sessions/{session_id}/timeline" in {t.uri_template for t in templates.resource_templates}
    doc = json.loads(schema.contents[0].text)
    assert doc["title"] == "Timeline" and "tracks" in doc["properties"]


@pytest.mark.render
def test_seed_workflow_exports_a_real_mp4(tmp_path, demo):
    progress: list[float] = []
    extra: dict = {}

    async def on_progress(value, total, message):
        progress.append(value / (total or 100))

    async def body(client):
        created = await client.call_tool("create_session", {"name": "seed"})
        assert not created.is_error, text_of(created)
        sid = created.structured_content["session_id"]
        added = await client.call_tool("add_assets", {
            "session_id": sid,
            "sources": [str(p) for p in [*demo.images, demo.voiceover, demo.music]]})
        assert not added.is_error, text_of(added)
        reply = await client.call_tool("instruct", {"session_id": sid, "instruction": SEED})
        assert not reply.is_error, text_of(reply)
        state = await client.call_tool("get_state", {"session_id": sid})
        timeline = await client.read_resource(f"reelforge://sessions/{sid}/timeline")
        started = time.monotonic()
        exported = await client.call_tool("export", {"session_id": sid, "quality": "draft", "preset": "16:9@720p"},
                                          progress_callback=on_progress)
        took = time.monotonic() - started
        handoff = await client.call_tool("export_timeline", {"session_id": sid, "format": "otio"})
        assert not handoff.is_error, text_of(handoff)
        edl = await client.call_tool("export_timeline", {"session_id": sid, "format": "edl",
                                                         "output_path": str(tmp_path / "cut.edl")})
        assert not edl.is_error, text_of(edl)
        extra["handoff"] = handoff.structured_content
        return added.structured_content, reply.structured_content, state.structured_content, timeline, exported, took

    added, reply, state, timeline, exported, took = run_client(tmp_path, body)

    assert len(added["added"]) == 5
    assert {a["kind"] for a in added["media"]} == {"image", "audio"}
    assert reply["changed"] is True
    assert reply["summary"].startswith("Timeline (")
    assert "Video" in reply["summary"]
    assert state["summary"] == reply["summary"]
    assert state["draft"]["d"] == 10_000
    track_types = {t["tt"] for t in state["draft"]["t"]}
    assert track_types == {0, 1, 7}, state["draft"]
    assert len(state["media"]) == 5

    doc = json.loads(timeline.contents[0].text)
    assert doc["duration"] == 10_000 and doc["tracks"]

    assert not exported.is_error, text_of(exported)
    result = exported.structured_content
    assert result["status"] == "completed"
    path = Path(result["path"])
    assert path.is_file() and path.suffix == ".mp4"
    assert progress and progress[-1] == pytest.approx(1.0)
    assert took < 240

    with av.open(str(path)) as container:
        v = container.streams.video[0]
        a = container.streams.audio[0]
        assert v.codec_context.name == "h264"
        assert a.codec_context.name == "aac"
        assert container.duration / 1e6 == pytest.approx(10.0, abs=0.3)
        # 720p 16:9 frame, or the draft quality's smaller frame of the same shape
        assert v.codec_context.width * 9 == v.codec_context.height * 16
    assert result["duration_s"] == pytest.approx(10.0, abs=0.3)
    assert result["chunks"] >= 1 and 0 <= result["chunks_reused"] <= result["chunks"]   # chunked export

    # caption files beside the MP4, of the export's own captions
    captions = [s["m"]["text"] for t in state["draft"]["t"] if t["m"].get("role") == "caption" for s in t["sg"]]
    assert captions, state["draft"]
    srt = Path(result["captions"]["srt"]).read_text(encoding="utf-8")
    vtt = Path(result["captions"]["vtt"]).read_text(encoding="utf-8")
    assert Path(result["captions"]["srt"]).parent == path.parent and vtt.startswith("WEBVTT")
    assert all(c.splitlines()[0] in srt and c.splitlines()[0] in vtt for c in captions)

    # the timeline for an editor: file names only, read back by OpenTimelineIO
    import opentimelineio as otio

    handoff = extra["handoff"]
    assert handoff["format"] == "otio" and str(tmp_path) not in handoff["content"]
    ot = otio.adapters.read_from_string(handoff["content"], adapter_name="otio_json")
    urls = {c.media_reference.target_url for c in ot.find_clips()
            if isinstance(c.media_reference, otio.schema.ExternalReference)}
    assert urls and urls <= {p.name for p in [*demo.images, demo.voiceover, demo.music]}, urls
    edl = (tmp_path / "cut.edl").read_text()
    assert "TITLE:" in edl and str(tmp_path) not in edl


@pytest.fixture
def http_dir(demo):
    """The demo folder served over HTTP on a free local port (for URL sources)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(demo.music.parent))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.render
def test_url_sources_preview_and_export_without_waiting(tmp_path, demo, http_dir):
    previews: list[float] = []

    async def on_progress(value, total, message):
        previews.append(value)

    async def body(client):
        sid = (await client.call_tool("create_session", {})).structured_content["session_id"]
        added = await client.call_tool("add_assets", {"session_id": sid, "sources": [
            f"{http_dir}/{demo.images[0].name}", str(demo.music)]})
        assert not added.is_error, text_of(added)
        assert [a["name"] for a in added.structured_content["added"]][1] == "music.mp3"
        assert added.structured_content["added"][0]["kind"] == "image"
        bad_url = await client.call_tool("add_assets", {"session_id": sid, "sources": [f"{http_dir}/missing.jpg"]})
        assert bad_url.is_error and "404" in text_of(bad_url)
        listed = (await client.call_tool("list_sessions", {})).structured_content["sessions"]
        assert sid in [s["session_id"] for s in listed]
        reply = await client.call_tool("instruct", {"session_id": sid,
                                                    "instruction": "a 4-second video with the title 'Hello'"})
        assert not reply.is_error, text_of(reply)
        preview = await client.call_tool("preview", {"session_id": sid}, progress_callback=on_progress)
        assert not preview.is_error, text_of(preview)
        with av.open(preview.structured_content["path"]) as c:
            assert min(c.streams.video[0].codec_context.width, c.streams.video[0].codec_context.height) <= 360
            assert c.duration / 1e6 == pytest.approx(4.0, abs=0.3)
        assert previews and previews[-1] == 100
        # over stdio nothing serves HTTP: no live stream link, and the result says what there is
        pv = preview.structured_content
        assert pv["live_url"] is None and "path" in pv["live"] and pv["rendered_ms"] == pytest.approx(4000, abs=300)
        job = await client.call_tool("export", {"session_id": sid, "quality": "draft", "wait": False,
                                                "output_path": str(tmp_path / "out" / "poll.mp4")})
        assert not job.is_error, text_of(job)
        job_id = job.structured_content["job_id"]
        assert job.structured_content["status"] in ("queued", "running")
        seen = set()
        for _ in range(400):
            status = (await client.call_tool("export_status", {"job_id": job_id})).structured_content
            seen.add(status["status"])
            if status["status"] in ("completed", "failed"):
                break
            await anyio.sleep(0.5)
        missing = await client.call_tool("export_status", {"job_id": "doesnotexist"})
        return status, seen, missing

    status, seen, missing = run_client(tmp_path, body)
    assert status["status"] == "completed", status
    assert Path(status["path"]) == tmp_path / "out" / "poll.mp4"
    with av.open(status["path"]) as container:
        assert container.duration / 1e6 == pytest.approx(4.0, abs=0.3)
    assert missing.is_error and "error 1002" in text_of(missing) and "not found" in text_of(missing)


def test_bad_arguments_are_clear_tool_errors(tmp_path, demo):
    fake = tmp_path / "notes.jpg"
    fake.write_text("this is not a picture\n" * 20)

    async def body(client):
        out = {}
        sid = (await client.call_tool("create_session", {})).structured_content["session_id"]
        out["missing"] = await client.call_tool("add_assets", {"session_id": sid,
                                                               "sources": [str(tmp_path / "nope.mp4")]})
        out["unsupported"] = await client.call_tool("add_assets", {"session_id": sid, "sources": [str(fake)]})
        out["mixed"] = await client.call_tool("add_assets", {"session_id": sid,
                                                             "sources": [str(demo.images[0]), str(fake)]})
        out["unknown_session"] = await client.call_tool("instruct", {"session_id": "no-such-session",
                                                                     "instruction": "make a video"})
        out["no_timeline"] = await client.call_tool("export", {"session_id": sid})
        out["bad_quality"] = await client.call_tool("export", {"session_id": sid, "quality": "ultra"})
        out["bad_preset"] = await client.call_tool("export", {"session_id": sid, "preset": "3:2"})
        out["state"] = await client.call_tool("get_state", {"session_id": sid})
        out["no_instruction"] = await client.call_tool("instruct", {"session_id": sid})
        out["empty_instruction"] = await client.call_tool("instruct", {"session_id": sid, "instruction": ""})
        out["blank_instruction"] = await client.call_tool("instruct", {"session_id": sid, "instruction": "  "})
        try:
            await client.read_resource("reelforge://sessions/no-such-session/timeline")
            out["resource"] = None
        except Exception as exc:  # MCPError
            out["resource"] = str(exc)
        out["long_name"] = await client.call_tool("create_session", {"name": "n" * 5000})
        try:  # an unknown URI is quoted cut, not echoed whole
            await client.read_resource("reelforge://nothing/" + "x" * 20000)
            out["long_uri"] = None
        except Exception as exc:  # MCPError
            out["long_uri"] = str(exc)
        return out

    out = run_client(tmp_path, body)
    # a name longer than the HTTP API takes is refused, not cut without a word
    assert out["long_name"].is_error and text_of(out["long_name"]).startswith("error 1: "), text_of(out["long_name"])
    assert "200" in text_of(out["long_name"]) and len(text_of(out["long_name"])) < 400
    assert out["long_uri"] and "Unknown resource: reelforge://nothing/xxx" in out["long_uri"], out["long_uri"]
    assert len(out["long_uri"]) < 400 and "(20020 characters)" in out["long_uri"], len(out["long_uri"])
    keys = ("missing", "unsupported", "mixed", "unknown_session", "no_timeline", "bad_quality", "bad_preset",
            "no_instruction", "empty_instruction", "blank_instruction")
    for key in keys:  # docs/mcp.md: every failure reads "error <code>: <message>"
        assert out[key].is_error, key
        assert text_of(out[key]).startswith("error "), (key, text_of(out[key]))
        assert "pydantic" not in text_of(out[key]) and "Error executing" not in text_of(out[key]), key
    assert text_of(out["no_instruction"]).startswith("error 1: ") and "instruction is missing" in \
        text_of(out["no_instruction"])
    for key in ("empty_instruction", "blank_instruction"):
        assert text_of(out[key]).startswith("error 1: ") and "instruction is empty" in text_of(out[key]), key

    assert "file not found" in text_of(out["missing"]) and "nope.mp4" in text_of(out["missing"])
    unsupported = text_of(out["unsupported"])
    assert "error 4001" in unsupported and "notes.jpg" in unsupported
    assert "mp4" in unsupported and "jpg" in unsupported  # lists the supported formats
    assert "notes.jpg" in text_of(out["mixed"])
    assert "error 1002" in text_of(out["unknown_session"]) and "no-such-session" in text_of(out["unknown_session"])
    assert "no timeline" in text_of(out["no_timeline"])
    assert "ultra" in text_of(out["bad_quality"])
    assert "3:2" in text_of(out["bad_preset"])
    # all or nothing: the good file of the mixed call was not added
    assert out["state"].structured_content["media"] == []
    assert out["resource"] and "1002" in out["resource"]
