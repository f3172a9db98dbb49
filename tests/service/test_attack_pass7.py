"""What a seventh attacker's pass over the running service found (session 41), each fixed."""

from __future__ import annotations

import json

import pytest

from .. import _http as httpx
from .conftest import auth, new_session, new_token, start_server, upload
from .test_attack_pass5 import queued_renders

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    """No worker: an accepted export stays queued, so what was queued can be counted."""
    s = start_server(tmp_path_factory.mktemp("srv"), "pass7", worker=False)
    yield s
    s.stop()


def test_a_draft_playing_a_file_on_the_wrong_kind_of_track_is_422_before_queueing(srv, media_dir):
    """An audio file on a video track, or a picture on an audio track, was accepted (202), queued
    with credits reserved and failed in the worker, the second with ffmpeg's own words ("Stream
    specifier ':a' …"); an audio in-point past the file's end rendered silence."""
    token = new_token(srv.url)
    sid = new_session(srv.url, token)
    r = upload(srv.url, token, sid, [media_dir / "shot1.jpg", media_dir / "voice.mp3"])
    assert r.status_code == 201, r.text
    ids = {a["name"]: a for a in r.json()["assets"]}
    shot, voice = ids["shot1.jpg"], ids["voice.mp3"]

    def draft(video: dict, audio: dict | None = None) -> dict:
        tracks = [{"tt": 0, "sg": [{"s": 0, "d": 2000, **video}]}]
        if audio:
            tracks.append({"tt": 1, "m": {"role": "voice"}, "sg": [{"s": 0, "d": 2000, **audio}]})
        return {"d": 2000, "m": {"w": 640, "h": 360, "fps": 25}, "t": tracks}

    wrong = {
        "voice on a video track": (draft({"src": voice["id"], "n": "voice.mp3"}),
                                   "invalid draft: t[0].sg[0].src: voice.mp3 is an audio file; "
                                   "a video track needs a picture or a clip"),
        "picture on an audio track": (draft({"src": shot["id"]}, {"src": shot["id"], "n": "shot1.jpg"}),
                                      "invalid draft: t[1].sg[0].src: shot1.jpg is a picture; "
                                      "an audio track needs an audio file or a clip with sound"),
        "audio in-point past its end": (draft({"src": shot["id"]}, {"src": voice["id"], "in": 10**9}),
                                        f"invalid draft: t[1].sg[0].in: 1000000000 ms is at or past the end "
                                        f"of voice.mp3 ({voice['duration_ms']} ms long)"),
    }
    for what, (body, said) in wrong.items():
        for path, payload in ((f"/v1/sessions/{sid}/exports", {"draft": body}),
                              ("/api/render/proxy/lambda", {"session_id": sid, "draft": body})):
            r = httpx.post(srv.url + path, json=payload, headers=auth(token))
            assert r.status_code == 422, (what, path, r.text)
            assert r.json() == {"code": 1, "message": said}, (what, r.text)
    assert queued_renders(srv, token) == 0
    # the same tracks with the right files are accepted as before
    r = httpx.post(f"{srv.url}/v1/sessions/{sid}/exports", headers=auth(token),
                   json={"draft": draft({"src": shot["id"]}, {"src": voice["id"], "in": 1000})})
    assert r.status_code == 202, r.text


@pytest.fixture(scope="module")
def one_chat(tmp_path_factory):
    s = start_server(tmp_path_factory.mktemp("srv-chat"), "pass7-chat", worker=False,
                     REELFORGE_CHATS_PER_ACCOUNT="1")
    yield s
    s.stop()


@pytest.mark.slow
def test_an_account_past_its_instructions_at_once_gets_429_and_others_go_on(one_chat, media_dir):
    """Eight long voiceovers sent at once by one account held every other account's voiceover
    for 79 s (one thread each, one voice for the process); an account now has at most
    ``chats_per_account`` instructions handled at once, the next one a 429 before any stream."""
    from .conftest import chat, session_with_cut, sse

    base = one_chat.url
    token, sid = session_with_cut(base, media_dir, "a 6 second promo")
    long_text = "Our bags are made from recycled sailcloth, stitched by hand and tested on commutes. " * 11  # ~950 characters
    first = httpx.stream("POST", f"{base}/v1/sessions/{sid}/chat", headers=auth(token),
                         json={"text": f'add a voiceover saying "{long_text}"'}, timeout=600)
    r = first.__enter__()
    try:
        assert r.status_code == 200
        events = sse(r)
        next(events)  # the stream has started: the instruction is being handled
        second = httpx.post(f"{base}/v1/sessions/{sid}/chat", headers=auth(token), json={"text": "music to 20%"})
        assert second.status_code == 429, second.text
        assert second.json()["code"] == 429 and "at most 1 at once" in second.json()["message"], second.text
        assert second.headers.get("Retry-After") == "5"
        # another account is not held: its instruction is answered while the first still runs
        other, osid = session_with_cut(base, media_dir, "a 6 second promo")
        got = chat(base, other, osid, "music to 20%")
        assert any(e.get("event") == "done" or (e.get("json") or {}).get("status") == "ok" for e in got), got
        rest = list(events)
    finally:
        first.__exit__(None, None, None)
    answers = [json.loads(e["data"]) for e in rest if e.get("data")]
    assert [a["status"] for a in answers if "status" in a] == ["ok"], answers[-1]  # the voiceover was made
    # the slot was given back: the account's next instruction is handled
    assert chat(base, token, sid, "music to 20%")


def test_a_client_render_id_can_be_used_again_after_its_render_failed(srv, media_dir):
    """The same id sent again with a corrected draft answered the old failure, so a client could
    never retry under its own id; and an id equal to another render's own id found either."""
    import sqlite3

    from .conftest import session_with_cut

    token, sid = session_with_cut(srv.url, media_dir, "make a 6-second video")
    h = auth(token)
    lam = f"{srv.url}/api/render/proxy/lambda"
    assert httpx.post(lam, headers=h, json={"id": "try-1", "session_id": sid}).status_code == 202
    db = sqlite3.connect(srv.data_dir / "reelforge.db")
    try:
        first = db.execute("select id from renders where client_ref = 'try-1'").fetchone()[0]
        with db:  # as the worker leaves a render that failed
            db.execute("update renders set status = 'failed', stage = 'failed' where id = ?", (first,))
        again = httpx.post(lam, headers=h, json={"id": "try-1", "session_id": sid})
        assert again.status_code == 202 and again.json()["data"]["id"] == "try-1", again.text
        rows = db.execute("select id, status, client_ref from renders where id = ? or client_ref = 'try-1'",
                          (first,)).fetchall()
        assert sorted(r[1] for r in rows) == ["failed", "queued"] and len({r[0] for r in rows}) == 2, rows
        polled = httpx.get(f"{lam}/try-1", headers=h).json()
        assert polled["data"]["status"] != "failed", polled  # the new try, not the old failure
        # a retry of a render still on its way is the same render, charged once
        same = httpx.post(lam, headers=h, json={"id": "try-1", "session_id": sid})
        assert same.status_code == 202
        assert db.execute("select count(*) from renders where client_ref = 'try-1'").fetchone()[0] == 1
        # a client id that is another render's own id: that render's own id wins
        other = httpx.post(lam, headers=h, json={"id": first, "session_id": sid})
        assert other.status_code == 202
        assert httpx.get(f"{srv.url}/v1/exports/{first}", headers=h).json()["status"] == "failed"
    finally:
        db.close()
