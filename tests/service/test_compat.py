"""The compatibility routes, used the way an agent written for the hosted service would:
only the base URL changes."""

from __future__ import annotations

import json
import sqlite3
import time

import pytest

from reelforge.render import verify

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import small_files, sse

pytestmark = pytest.mark.service

SKILL = {"X-Skill-Source": "test-agent", "X-Skill-Version": "1.2.3", "X-Skill-Platform": "pytest"}


def test_agent_flow_on_compat_routes(main_server, media_dir, tmp_path):
    base = main_server.url
    # 1. token
    r = httpx.post(f"{base}/api/auth/anonymous-token", headers={"X-Client-Id": "agent-flow-1", **SKILL})
    assert r.status_code == 200, r.text
    assert r.json()["code"] == 0
    token = r.json()["data"]["token"]
    h = {"Authorization": f"Bearer {token}", **SKILL}
    # 2. session
    r = httpx.post(f"{base}/api/tasks/me/with-session/nemo_agent", headers=h,
                   json={"task_name": "project", "language": "en"})
    assert r.status_code == 200 and r.json()["code"] == 0, r.text
    sid = r.json()["data"]["session_id"]
    # 3. upload
    files = [("file", (p.name, p.read_bytes())) for p in small_files(media_dir)]
    r = httpx.post(f"{base}/api/upload-video/nemo_agent/me/{sid}", headers=h, files=files, timeout=60)
    assert r.status_code == 200 and r.json()["code"] == 0, r.text
    assert len(r.json()["data"]["assets"]) == 5
    # 4. chat over SSE
    body = {"app_name": "nemo_agent", "user_id": "me", "session_id": sid,
            "new_message": {"role": "user", "parts": [{"text": "make a 6-second 720p video with the title 'Hello'"}]},
            "streaming": True}
    with httpx.stream("POST", f"{base}/run_sse", json=body, timeout=60,
                      headers={**h, "Accept": "text/event-stream"}) as resp:
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("text/event-stream")
        events = [json.loads(e["data"]) for e in sse(resp) if e.get("data")]
    assert events[-1]["turnComplete"] is True
    assert events[-1]["content"]["parts"][0]["text"]
    partial_text = "".join(p["text"] for e in events if e.get("partial")
                           for p in e["content"]["parts"] if "text" in p)
    assert partial_text == events[-1]["content"]["parts"][0]["text"]
    assert any("functionCall" in p for e in events for p in e["content"]["parts"])
    # 5. credits
    r = httpx.get(f"{base}/api/credits/balance/simple", headers=h)
    assert r.json() == {"code": 0, "message": "success",
                        "data": {"available": 100, "frozen": 0, "total": 100}}
    # 6. state
    r = httpx.get(f"{base}/api/state/nemo_agent/me/{sid}/latest", headers=h)
    data = r.json()["data"]
    draft = data["draft"]
    assert draft["d"] == 6000 and (draft["m"]["w"], draft["m"]["h"]) == (1280, 720)
    assert len(data["media"]) == 5
    # the agent edits the draft itself: change the title text
    for t in draft["t"]:
        for sg in t["sg"]:
            if sg.get("m", {}).get("text") == "Hello":
                sg["m"]["text"] = "Hello Agent"
    # 7. export with a render id + the draft, then poll
    r = httpx.post(f"{base}/api/render/proxy/lambda", headers=h,
                   json={"id": "render-abc-1", "session_id": sid, "draft": draft})
    assert r.status_code == 202 and r.json()["code"] == 0, r.text
    assert r.json()["data"]["id"] == "render-abc-1"
    # a retried request with the same render id is the same render, charged once
    again = httpx.post(f"{base}/api/render/proxy/lambda", headers=h,
                       json={"id": "render-abc-1", "session_id": sid, "draft": draft})
    assert again.json()["data"]["export_id"] == r.json()["data"]["export_id"]
    deadline = time.monotonic() + 150
    while time.monotonic() < deadline:
        r = httpx.get(f"{base}/api/render/proxy/lambda/render-abc-1", headers=h)
        status = r.json()["data"]
        if status["status"] in ("completed", "failed"):
            break
        time.sleep(0.3)
    assert status["status"] == "completed", status
    # 8. download and probe
    r = httpx.get(status["download_url"], timeout=60)
    assert r.status_code == 200
    out = tmp_path / "agent.mp4"
    out.write_bytes(r.content)
    info = verify(out)
    assert abs(info.duration - 6.0) < 0.5
    assert (info.width, info.height) == (1280, 720)
    assert info.vcodec == "h264" and info.acodec == "aac"
    # credits charged: 6 s at 720p = 1
    r = httpx.get(f"{base}/api/credits/balance/simple", headers=h)
    assert r.json()["data"] == {"available": 99, "frozen": 0, "total": 99}
    # the export rendered the agent's draft, the X-Skill-* headers were recorded
    db = sqlite3.connect(main_server.data_dir / "reelforge.db")
    tl = json.loads(db.execute("select timeline from renders where client_ref='render-abc-1'").fetchone()[0])
    texts = [s.get("text") for t in tl["tracks"] for s in t["segments"]]
    assert "Hello Agent" in texts
    row = db.execute("select skill_source, skill_version, skill_platform from sessions where id=?",
                     (sid,)).fetchone()
    assert row == ("test-agent", "1.2.3", "pytest")


def test_compat_without_skill_headers_and_errors(main_server):
    base = main_server.url
    r = httpx.post(f"{base}/api/auth/anonymous-token", headers={"X-Client-Id": "agent-plain"})
    token = r.json()["data"]["token"]
    h = {"Authorization": f"Bearer {token}"}
    sid = httpx.post(f"{base}/api/tasks/me/with-session/nemo_agent", headers=h,
                     json={"task_name": "p"}).json()["data"]["session_id"]
    # same error bodies as /v1
    r = httpx.get(f"{base}/api/state/nemo_agent/me/nope/latest", headers=h)
    assert r.status_code == 404 and r.json()["code"] == 1002
    r = httpx.get(f"{base}/api/credits/balance/simple", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["code"] == 1001
    r = httpx.post(f"{base}/run_sse", headers=h, json={"session_id": sid, "new_message": {"parts": []}})
    assert r.status_code == 400 and "parts[0].text" in r.json()["message"]
    r = httpx.get(f"{base}/api/render/proxy/lambda/unknown", headers=h)
    assert r.status_code == 404 and r.json()["code"] == 1002
