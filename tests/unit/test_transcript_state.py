"""The ``transcript`` part of an export's status document, and MCP's resource links (pure)."""

from __future__ import annotations

import json

from reelforge.mcp import files
from reelforge.service import transcripts
from reelforge.service.db import Render

URLS = {"srt": "http://h/files/k/transcript.srt", "vtt": "http://h/files/k/transcript.vtt"}


def _row(status: str, state: str | None, **info) -> Render:
    return Render(id="e" * 32, status=status, transcript_state=state,
                  transcript_info=json.dumps(info) if info else None)


def test_states_and_reasons():
    ready = transcripts.view(_row("completed", "ready", cues=3), URLS)
    assert ready == {"status": "ready", "reason": None, "cues": 3, **URLS}
    pending = transcripts.view(_row("running", "pending"), URLS)
    assert pending["status"] == "pending" and pending["srt"] is None and "after the render" in pending["reason"]
    working = transcripts.view(_row("completed", "running", at=1.0), URLS)
    assert working["status"] == "pending" and "being made" in working["reason"]
    none = transcripts.view(_row("completed", "none", reason=transcripts.NO_VOICE), URLS)
    assert none == {"status": "none", "reason": "the export has no voiceover", "cues": 0, "srt": None, "vtt": None}
    failed_export = transcripts.view(_row("failed", "pending"), URLS)
    assert failed_export["status"] == "none" and failed_export["reason"] == "the export failed"
    old = transcripts.view(_row("completed", None), URLS)
    assert old["status"] == "none" and old["srt"] is None


def test_resource_links_of_a_result():
    done = {"job_id": "a" * 32, "status": "completed", "size_bytes": 1234,
            "captions": {"srt": "x.srt"}, "transcript": {"status": "ready"}}
    links = files.links(done)
    uris = [link.uri for link in links]
    assert uris[0] == f"reelforge://exports/{'a' * 32}/video.mp4" and links[0].size == 1234
    assert {u.rsplit("/", 1)[1] for u in uris} == {"video.mp4", "captions.srt", "captions.vtt",
                                                   "transcript.srt", "transcript.vtt"}
    assert files.links({**done, "status": "running"}) == []
    plain = {"job_id": "b" * 32, "status": "completed", "size_bytes": 10, "transcript": {"status": "none"}}
    assert [link.uri.rsplit("/", 1)[1] for link in files.links(plain)] == ["video.mp4"]
    wrapped = files.with_links(plain)
    assert wrapped.structured_content == plain and wrapped.content[0].type == "text"
    assert files.with_links(plain, enabled=False) is plain
