"""Chat text never names a file on the server (issue 12, item 1): a script or brand kit path in
an instruction is refused before the file system is touched, the same way whether the path
exists or not, on /v1 and on the compatibility /run_sse route."""

from __future__ import annotations

import json

import httpx
import pytest

from .conftest import auth, chat, session_with_cut

pytestmark = pytest.mark.service


def _done(events: list[dict]) -> dict:
    return next(e["json"] for e in events if e.get("event") == "done")


@pytest.mark.parametrize("template", [
    "add a voiceover reading {} with captions",
    "voiceover from {}",
    "apply my brand kit {}",
])
def test_chat_never_reads_a_server_file(main_server, media_dir, tmp_path, template):
    base = main_server.url
    secret = tmp_path / "secret.txt"
    secret.write_text("the launch codes are 0000")
    kit = tmp_path / "kit.json"
    kit.write_text(json.dumps({"name": "Leaked", "cta": "the launch codes are 0000"}))
    token, sid = session_with_cut(base, media_dir, "a 6-second video")
    before = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token), timeout=60).json()

    target = kit if "brand" in template else secret
    answers = []
    for path in (target, tmp_path / "missing.txt", "../../../../etc/hostname.txt"):
        done = _done(chat(base, token, sid, template.format(path)))
        assert done["changed"] is False
        assert "launch codes" not in json.dumps(done)
        answers.append(done["message"].replace(str(path), "X"))
    assert answers[0] == answers[1] == answers[2]  # nothing tells an existing path from a missing one

    after = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token), timeout=60).json()
    assert after["draft"] == before["draft"] and after["media"] == before["media"]


def test_run_sse_never_reads_a_server_file(main_server, media_dir, tmp_path):
    base = main_server.url
    secret = tmp_path / "secret.txt"
    secret.write_text("the launch codes are 0000")
    token, sid = session_with_cut(base, media_dir, "a 6-second video")
    body = {"session_id": sid, "new_message": {"role": "user", "parts": [
        {"text": f"add a voiceover reading {secret} with captions"}]}}
    with httpx.stream("POST", f"{base}/run_sse", json=body, headers=auth(token), timeout=120) as r:
        assert r.status_code == 200
        text = r.read().decode()
    assert "launch codes" not in text
    assert "never read" in text


def test_state_names_no_server_path(main_server, media_dir):
    base = main_server.url
    token, sid = session_with_cut(base, media_dir, "a 6-second video")
    state = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token), timeout=60).json()
    text = json.dumps(state)
    assert str(main_server.data_dir.resolve()) not in text and str(main_server.data_dir) not in text
    assert {a["path"] for a in state["timeline"]["assets"]} <= {m["name"] for m in state["media"]}


def test_a_failed_render_names_no_server_path(main_server, media_dir):
    """A render that fails because a source file is gone said where the server keeps it
    ("source file for 'shot1.jpg' not found: /…/media/<session>/<id>.jpg") in the status
    document; now only the file's own name."""
    base = main_server.url
    token, sid = session_with_cut(base, media_dir, "make a 6-second video")
    for f in (main_server.data_dir / "media" / sid).rglob("*.jpg"):
        f.unlink()
    r = httpx.post(f"{base}/v1/sessions/{sid}/preview?wait=240", headers=auth(token), timeout=300)
    assert r.status_code == 202, r.text
    view = r.json()
    assert view["status"] == "failed" and "not found" in view["error"], view
    data = str(main_server.data_dir.resolve())
    for text in (view["error"], httpx.get(view["status_url"], headers=auth(token), timeout=60).text):
        assert data not in text and str(main_server.data_dir) not in text and "/media/" not in text, text
