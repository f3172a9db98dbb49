"""The embedded MCP server is the application core (`reelforge.service.core.Core`) that
``reelforge serve`` runs: its sessions are rows in the core's database, its media in the core's
storage, and the core reads local paths only for a local caller."""

from __future__ import annotations

import pytest

from reelforge.errors import MediaError
from reelforge.service.config import Settings
from reelforge.service.core import Core

from .conftest import text_of
from .test_mcp_stdio import run_client


def _core(data_dir, *, local_files: bool = False) -> Core:
    return Core.open(Settings(data_dir=data_dir, embedded_worker=False), local_files=local_files)


@pytest.fixture
def photo(tmp_path):
    from PIL import Image

    p = tmp_path / "shot.jpg"
    Image.new("RGB", (640, 360), (40, 90, 160)).save(p)
    return p


def test_embedded_mcp_sessions_live_in_the_core(tmp_path, photo):
    data = tmp_path / "mcp"

    async def body(client):
        sid = (await client.call_tool("create_session", {"name": "core"})).structured_content["session_id"]
        added = await client.call_tool("add_assets", {"session_id": sid, "sources": [str(photo)]})
        assert not added.is_error, text_of(added)
        reply = await client.call_tool("instruct", {"session_id": sid,
                                                    "instruction": "a 4-second video with the title 'Hi'"})
        assert not reply.is_error, text_of(reply)
        return sid

    sid = run_client(data, body)

    core = _core(data)   # the same database the MCP server wrote, opened as `reelforge serve` would
    try:
        who = core.local_account()
        assert sid in [s["id"] for s in core.list_sessions(who)]
        state = core.state(who, sid)
        assert [m["name"] for m in state["media"]] == ["shot.jpg"]
        assert state["draft"]["d"] == 4000
        assert (data / "reelforge.db").is_file()
        assert list((data / "media" / sid).glob("*.jpg"))          # the core's storage layout
    finally:
        core.close()
    assert photo.is_file()                                          # a copy was ingested, not the file


def test_core_reads_local_paths_only_for_the_local_user(tmp_path, photo):
    remote = _core(tmp_path / "data")
    try:
        who = remote.local_account()
        sid = remote.create_session(who, "remote")["id"]
        with pytest.raises(MediaError) as existing:
            remote.receive(sid, [str(photo)])
        with pytest.raises(MediaError) as missing:
            remote.receive(sid, [str(tmp_path / "no.jpg")])
        assert existing.value.message == missing.value.message     # tells nothing about the path
        assert remote.state(who, sid)["media"] == []
    finally:
        remote.close()

    local = _core(tmp_path / "data", local_files=True)
    try:
        who = local.local_account()
        out = local.add_assets(who, sid, local.receive(sid, [str(photo)]))
        assert [a["name"] for a in out["assets"]] == ["shot.jpg"]
        with pytest.raises(MediaError, match="file not found"):
            local.receive(sid, [str(tmp_path / "no.jpg")])
    finally:
        local.close()


def test_presets_take_aspect_at_resolution():
    from reelforge.service.errors import BadRequest
    from reelforge.service.renders import frame_for

    assert frame_for("9:16@720p", 1920, 1080) == (720, 1280)
    assert frame_for("vertical@1080p", 1920, 1080) == (1080, 1920)
    assert frame_for("720p", 1080, 1920) == (720, 1280)
    with pytest.raises(BadRequest, match="3:2@720p"):
        frame_for("3:2@720p", 1920, 1080)
