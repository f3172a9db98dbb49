"""Embedded MCP: a made file is shown by its path only to the local user (stdio); over HTTP the
results name no path on the server (issue 12: remote means untrusted)."""

from __future__ import annotations

import json
import time

import pytest

from reelforge.mcp.backend import EmbeddedBackend

pytestmark = pytest.mark.render


def test_results_over_http_carry_no_server_path(tmp_path):
    from reelforge.media import write_demo_assets

    demo = write_demo_assets(tmp_path / "demo", images=2, seconds=4)
    backend = EmbeddedBackend(tmp_path / "mcp-data", local_files=True)  # set up as the local user
    try:
        sid = backend.create_session("paths")["session_id"]
        backend.add_assets(sid, [str(p) for p in demo])
        assert backend.instruct(sid, "a 4-second promo with text overlays")["changed"]
        local = backend.start_export(sid, None, "draft")
        deadline = time.monotonic() + 300
        while (done := backend.export_status(local["job_id"]))["status"] not in ("completed", "failed"):
            assert time.monotonic() < deadline, done
            time.sleep(0.5)
        assert done["status"] == "completed" and done["path"].startswith(str(tmp_path))

        backend.local_files = False  # the same server, now answering a caller over HTTP
        remote = backend.export_status(local["job_id"])
        preview = backend.preview(sid)
        state = backend.get_state(sid)
        for result in (remote, preview, state, backend.create_session("other")):
            text = json.dumps(result)
            assert str(tmp_path) not in text and "/mcp-data" not in text, text[:400]
        assert remote["path"] is None and remote["file"].endswith(".mp4") and remote["duration_s"] > 3.5
        assert all(not v.startswith("/") for v in remote.get("captions", {}).values())
        assert preview["path"] is None and preview["file"].endswith(".mp4")
    finally:
        backend.close()


def test_an_unexpected_error_names_its_kind_not_its_text():
    """Attack pass, session 42: a bug's exception text went to the MCP client ("internal error
    (SyntaxError: invalid predicate)"); such text may name a path of the server."""
    from reelforge.mcp.server import unexpected

    said = str(unexpected(OSError(2, "No such file", "/srv/reelforge/data/secret/asset.jpg")))
    assert said.startswith("error 5000: internal error (FileNotFoundError") and "/srv" not in said and "No such" not in said
