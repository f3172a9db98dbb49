"""Issue 8's features reached through the API as ordinary edits: a spoken voiceover from text,
then captions transcribed from it, both visible in the state and kept with the session."""

from __future__ import annotations

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, chat, new_session, new_token, upload

pytestmark = [pytest.mark.service, pytest.mark.slow]

SCRIPT = "Fresh sneakers for every city street. Order yours today."


def test_voiceover_and_captions_through_chat(main_server, media_dir):
    pytest.importorskip("piper")
    pytest.importorskip("faster_whisper")
    base = main_server.url
    token = new_token(base)
    sid = new_session(base, token, "ai")
    images = sorted(media_dir.glob("shot*.jpg"))
    assert upload(base, token, sid, images).status_code == 201

    done = chat(base, token, sid, "make a promo video with these pictures")[-1]["json"]
    assert done["changed"] is True

    done = chat(base, token, sid, f'add a voiceover saying "{SCRIPT}"')[-1]["json"]
    assert done["changed"] is True, done["message"]
    st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    voice = [t for t in st["draft"]["t"] if t["m"]["role"] == "voice"]
    assert voice and voice[0]["sg"], st["summary"]
    spoken_ms = voice[0]["sg"][0]["d"]
    assert 2500 <= spoken_ms <= 8000  # ten words of speech
    # the synthesised file lives with the session's media, inside the data dir
    work = main_server.data_dir / "media" / sid / "work"
    assert any(p.suffix == ".wav" for p in work.rglob("*"))

    done = chat(base, token, sid, "add captions")[-1]["json"]
    assert done["changed"] is True, done["message"]
    st = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    captions = [sg["m"]["text"] for t in st["draft"]["t"] if t["m"]["role"] == "caption" for sg in t["sg"]]
    heard = " ".join(captions).lower()
    assert "sneakers" in heard and "today" in heard
    assert "Caption" in st["summary"]
