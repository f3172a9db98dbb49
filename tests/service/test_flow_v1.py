"""The whole /v1 flow against the real server, with a real standard-quality render."""

from __future__ import annotations

import json

import pytest

from reelforge.render import verify

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, chat, new_session, new_token, session_with_cut, sse, upload, wait_export

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from reelforge.media import write_demo_assets

    d = tmp_path_factory.mktemp("demo")
    got = write_demo_assets(d, images=3, seconds=8)
    return list(got)


def test_full_v1_flow(main_server, demo, tmp_path):
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token, "promo")

    r = upload(base, token, sid, demo)
    assert r.status_code == 201, r.text
    body = r.json()
    assert len(body["assets"]) == len(demo)
    assert {a["kind"] for a in body["assets"]} == {"image", "audio"}
    # stored under server-made names only
    stored = sorted(p.name for p in (main_server.data_dir / "media" / sid).glob("*.*"))
    assert stored and not any(p.startswith("0") or "voiceover" in p for p in stored)

    events = chat(base, token, sid, "make an 8-second promo video with the title 'Urban Dreams'")
    kinds = [e["event"] for e in events]
    assert kinds[0] == "tool" and kinds[-1] == "done"
    assert any(e.get("comment") == "heartbeat" for e in events)
    assert "message" in kinds
    # incremental: the first event arrived before the last one
    assert events[0]["t"] <= events[-1]["t"]
    done = events[-1]["json"]
    assert done["changed"] is True
    assert "Timeline" in done["summary"]
    assert done["state"]["draft"]["d"] == 8000
    text = "".join(e["json"]["text"] for e in events if e["event"] == "message")
    assert text == done["message"]

    st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    draft = st["draft"]
    assert draft["d"] == 8000 and draft["m"]["w"] == 1920 and draft["m"]["h"] == 1080
    assert {t["tt"] for t in draft["t"]} >= {0, 1}
    assert any(sg.get("m", {}).get("text") == "Urban Dreams" for t in draft["t"] for sg in t["sg"])
    assert st["timeline"]["duration"] == 8000
    assert len(st["media"]) == len(demo)
    assert st["summary"].startswith("Timeline")

    # export at standard quality, follow progress over SSE
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"preset": "16:9", "quality": "standard"},
                   headers=auth(token))
    assert r.status_code == 202, r.text
    export = r.json()
    assert export["cost"] == 1 and export["status"] == "queued"
    credits = httpx.get(f"{base}/v1/credits", headers=auth(token)).json()
    assert credits == {"available": 99, "frozen": 1, "total": 100}

    seen = []
    # (the token may also come as ?access_token= for browser EventSource clients)
    with httpx.stream("GET", f"{base}/v1/exports/{export['id']}/events?access_token={token}",
                      timeout=180) as resp:
        assert resp.status_code == 200
        beats = 0
        for ev in sse(resp):
            if ev.get("data"):
                seen.append((ev["event"], json.loads(ev["data"]), ev["t"]))
            elif ev.get("comment") == "heartbeat":
                beats += 1
    assert seen[-1][0] == "done" and seen[-1][1]["status"] == "completed", seen[-1]
    progress = [d["progress"] for k, d, _ in seen if k == "progress"]
    assert progress == sorted(progress) and progress[-1] == 100
    # streamed while rendering, not all at the end
    assert len(set(progress)) >= 2 and seen[-1][2] - seen[0][2] > 0.3
    assert beats >= 1  # heartbeats between progress events while the render works
    stages = [d["stage"] for k, d, _ in seen]
    assert "completed" in stages

    final = httpx.get(f"{base}/v1/exports/{export['id']}", headers=auth(token)).json()
    assert final["download_url"].endswith(".mp4")
    out = tmp_path / "out.mp4"
    r = httpx.get(f"{base}/v1/exports/{export['id']}/download", headers=auth(token))
    assert r.status_code == 200 and r.headers["content-type"] == "video/mp4"
    out.write_bytes(r.content)
    info = verify(out)
    assert abs(info.duration - 8.0) < 0.5
    assert (info.width, info.height) == (1920, 1080)
    assert info.vcodec == "h264" and info.acodec == "aac"
    # the unguessable URL serves the same bytes without a token
    r2 = httpx.get(final["download_url"].replace(final["download_url"].split("/files/")[0], base))
    assert r2.status_code == 200 and r2.content == r.content

    credits = httpx.get(f"{base}/v1/credits", headers=auth(token)).json()
    assert credits == {"available": 99, "frozen": 0, "total": 99}

    # list / get session
    listed = httpx.get(f"{base}/v1/sessions", headers=auth(token)).json()["sessions"]
    assert [s["id"] for s in listed] == [sid]
    got = httpx.get(f"{base}/v1/sessions/{sid}", headers=auth(token)).json()
    assert got["name"] == "promo" and len(got["media"]) == len(demo)


def test_edit_undo_redo_preview_and_preset(main_server, media_dir):
    base = main_server.url
    token, sid = session_with_cut(base, media_dir, "make a 4-second video")
    v1 = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    events = chat(base, token, sid, "lower the music to 20%")
    assert events[-1]["event"] == "done"
    v2 = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    assert v2["draft"] != v1["draft"]
    r = httpx.post(f"{base}/v1/sessions/{sid}/undo", headers=auth(token))
    assert r.status_code == 200 and r.json()["draft"] == v1["draft"]
    r = httpx.post(f"{base}/v1/sessions/{sid}/redo", headers=auth(token))
    assert r.status_code == 200 and r.json()["draft"] == v2["draft"]

    # preview: free, draft quality, a URL
    r = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token))
    assert r.status_code == 202, r.text
    assert r.json()["cost"] == 0 and r.json()["quality"] == "draft"
    done = wait_export(base, token, r.json()["id"])
    assert done["status"] == "completed", done
    assert httpx.get(f"{base}/files/{done['download_url'].rsplit('/', 1)[1]}").status_code == 200

    # a preset changes the output frame of that export only
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"preset": "9:16", "quality": "draft"},
                   headers=auth(token))
    assert r.status_code == 202, r.text
    assert (r.json()["width"], r.json()["height"]) == (1080, 1920)
    after = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    assert after["draft"]["m"]["w"] == 1920
    done = wait_export(base, token, r.json()["id"])
    assert done["status"] == "completed", done
    credits = httpx.get(f"{base}/v1/credits", headers=auth(token)).json()
    assert credits == {"available": 99, "frozen": 0, "total": 99}

    # "export" in the chat starts an export (the shell acts on the intent)
    events = chat(base, token, sid, "export")
    started = [e["json"]["export"] for e in events if e["event"] == "tool" and e["json"]["type"] == "export"]
    assert len(started) == 1 and started[0]["cost"] == 1
    assert events[-1]["json"]["intent"] == "export"
    done = wait_export(base, token, started[0]["id"])
    assert done["status"] == "completed", done

    # "credits" in the chat answers from the account
    done = chat(base, token, sid, "how many credits do I have left?")[-1]["json"]
    assert done["intent"] == "credits", done
    assert done["credits"] == {"available": 98, "frozen": 0, "total": 98}
    assert "98 available" in done["message"]

    # a preview can be awaited in one call
    r = httpx.post(f"{base}/v1/sessions/{sid}/preview?wait=60", headers=auth(token), timeout=90)
    assert r.status_code == 202 and r.json()["status"] == "completed"
    assert r.json()["download_url"]
    credits = httpx.get(f"{base}/v1/credits", headers=auth(token)).json()
    assert credits == {"available": 98, "frozen": 0, "total": 98}


def test_failed_render_records_why_and_releases_credits(main_server, media_dir):
    base = main_server.url
    token, sid = session_with_cut(base, media_dir, "make a 3-second video")
    for p in [p for p in (main_server.data_dir / "media" / sid).glob("*.*") if p.is_file()]:
        p.unlink()  # the sources vanish before the render
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", json={"quality": "draft"}, headers=auth(token))
    assert r.status_code == 202 and r.json()["cost"] == 1  # reserved (the failure may already be in)
    done = wait_export(base, token, r.json()["id"])
    assert done["status"] == "failed" and done["stage"] == "failed"
    assert done["error"] and done["download_url"] is None
    assert httpx.get(f"{base}/v1/credits", headers=auth(token)).json() == \
        {"available": 100, "frozen": 0, "total": 100}
    r = httpx.get(f"{base}/v1/exports/{done['id']}/download", headers=auth(token))
    assert r.status_code == 404 and r.json()["code"] == 1002


def test_chat_commits_after_disconnect(main_server, media_dir):
    from .conftest import small_files

    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, small_files(media_dir)).status_code == 201
    with httpx.stream("POST", f"{base}/v1/sessions/{sid}/chat", json={"text": "make a 5-second video"},
                      headers=auth(token)) as r:
        first = next(iter(sse(r)))
        assert first["event"] == "tool"
    # the client went away after the first event; the edit still lands
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
        if st["draft"]:
            break
        time.sleep(0.2)
    assert st["draft"] and st["draft"]["d"] == 5000


def test_chinese_instruction_streams_in_pieces(lean_server, media_dir):
    base = lean_server.url
    token, sid = session_with_cut(base, media_dir, "做一个10秒的视频")
    events = chat(base, token, sid, "把背景音乐调小一点")
    done = events[-1]["json"]
    pieces = [e["json"]["text"] for e in events if e["event"] == "message"]
    assert "".join(pieces) == done["message"] and done["message"]
    assert done["state"]["draft"]["d"] == 10000
