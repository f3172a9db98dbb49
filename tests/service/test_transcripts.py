"""The voiceover's transcript as caption files (issue 15 item 2): made by the worker after the
render, stored beside the export, listed in the status document with links, read back here.

Real voices (Piper's English voice and espeak-ng), real photos (scikit-image), a real server
with its worker, real speech recognition (faster-whisper, the ``ai`` extra)."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from .. import _http as httpx
from .conftest import auth, chat, new_session, new_token, start_server, wait_export

pytestmark = [pytest.mark.service, pytest.mark.slow]

PIPER_TEXT = "Fresh coffee every morning. Visit our little shop on Main Street today."
ESPEAK_TEXT = "The garden market opens on Saturday. Bring your friends and family."


def _photos(d: Path) -> list[Path]:
    from PIL import Image
    from skimage import data

    out = []
    for i, name in enumerate(("coffee", "astronaut", "rocket"), 1):
        p = d / f"{i:02d}-{name}.jpg"
        Image.fromarray(getattr(data, name)()).convert("RGB").save(p, quality=90)
        out.append(p)
    return out


@pytest.fixture(scope="module")
def voiced(tmp_path_factory):
    from reelforge.ai.tts import synthesize

    d = tmp_path_factory.mktemp("voiced")
    photos = _photos(d)
    piper = d / "voiceover.wav"
    synthesize(PIPER_TEXT, piper, "en")
    espeak = d / "espeak" / "voiceover.wav"
    espeak.parent.mkdir()
    subprocess.run(["espeak-ng", "-v", "en-us+f3", "-s", "150", "-w", str(espeak), ESPEAK_TEXT],
                   check=True, capture_output=True, timeout=120)
    return photos, piper, espeak


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("srv"), "transcripts")
    yield srv
    srv.stop()


def _export(base: str, token: str, files: list[Path], text: str) -> dict:
    sid = new_session(base, token)
    r = httpx.post(f"{base}/v1/sessions/{sid}/assets", headers=auth(token),
                   files=[("files", (p.name, p.read_bytes())) for p in files])
    assert r.status_code == 201, r.text
    chat(base, token, sid, text)
    r = httpx.post(f"{base}/v1/sessions/{sid}/exports", headers=auth(token), json={"quality": "draft"})
    assert r.status_code == 202, r.text
    first = r.json()
    assert first["transcript"]["status"] in ("pending", "none")
    done = wait_export(base, token, first["id"], timeout=600)
    assert done["status"] == "completed", done
    return done


def _settled(base: str, token: str, export_id: str, timeout: float = 600) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        view = httpx.get(f"{base}/v1/exports/{export_id}", headers=auth(token)).json()
        if view["transcript"]["status"] != "pending" or time.monotonic() > deadline:
            return view
        time.sleep(0.5)


def _cues(srt: str) -> list[tuple[float, float, str]]:
    out = []
    for block in srt.strip().split("\n\n"):
        lines = block.splitlines()
        m = re.match(r"(\d+):(\d+):(\d+),(\d+) --> (\d+):(\d+):(\d+),(\d+)", lines[1])
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, m.groups())
        out.append((h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000,
                    " ".join(lines[2:])))
    return out


@pytest.mark.parametrize("voice", ["piper", "espeak"])
def test_transcript_files_of_a_voiceover(server, voiced, voice):
    photos, piper, espeak = voiced
    base, token = server.url, new_token(server.url)
    vo, said = (piper, PIPER_TEXT) if voice == "piper" else (espeak, ESPEAK_TEXT)
    done = _export(base, token, [*photos, vo], "a short promo of these photos with the voiceover")
    view = _settled(base, token, done["id"])
    info = view["transcript"]
    assert info["status"] == "ready", (info, server.log())
    assert info["reason"] is None and info["cues"] >= 1
    srt = httpx.get(info["srt"]).text          # the unguessable link, as the page uses it
    vtt = httpx.get(info["vtt"]).text
    same = httpx.get(f"{base}/v1/exports/{done['id']}/transcript.srt", headers=auth(token))
    assert same.status_code == 200 and same.text == srt
    assert same.headers["content-type"].startswith("application/x-subrip")
    assert vtt.startswith("WEBVTT\n")
    cues = _cues(srt)
    assert len(cues) == info["cues"]
    words = " ".join(c[2] for c in cues).lower()
    expected = {"piper": ("coffee", "morning", "shop"), "espeak": ("garden", "market", "saturday")}[voice]
    found = [w for w in expected if w in words]
    assert len(found) >= 2, words
    duration = done["duration_ms"] / 1000
    for (a, b, _), nxt in zip(cues, cues[1:] + [None], strict=True):
        assert 0 <= a < b <= duration + 1e-3
        if nxt is not None:
            assert b <= nxt[0] + 1e-3       # in time order, never overlapping
    # nothing names a server path; another account gets "not found"
    assert str(server.data_dir) not in srt + vtt + str(view)
    other = new_token(base)
    r = httpx.get(f"{base}/v1/exports/{done['id']}/transcript.vtt", headers=auth(other))
    assert (r.status_code, r.json()["code"]) == (404, 1002)
    # stored beside the export, once
    stored = sorted(p.name for p in (server.data_dir / "renders").glob("*.transcript.*"))
    assert any(n.endswith(".transcript.srt") for n in stored)
    # what the voice file says is kept beside it, so the next export of the session reuses it
    assert list((server.data_dir / "media").rglob("*.heard.json"))


def test_no_voiceover_says_why(server, voiced):
    photos, _, _ = voiced
    base, token = server.url, new_token(server.url)
    done = _export(base, token, photos, "a 6-second slideshow of these photos")
    info = done["transcript"]
    assert info == {"status": "none", "reason": "the export has no voiceover", "cues": 0,
                    "srt": None, "vtt": None}
    r = httpx.get(f"{base}/v1/exports/{done['id']}/transcript.srt", headers=auth(token))
    assert r.status_code == 404 and "no voiceover" in r.json()["message"]


def test_without_the_ai_extra_the_status_says_why(tmp_path, voiced):
    """A server where faster-whisper cannot be imported: the export completes, the transcript
    is 'unavailable' with the install hint, and there is no file (never an empty one)."""
    photos, piper, _ = voiced
    stub = tmp_path / "stub" / "faster_whisper"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('faster-whisper is hidden for this test')\n")
    import os

    path = os.pathsep.join([str(stub.parent), os.environ.get("PYTHONPATH", "")])
    srv = start_server(tmp_path, "noai", PYTHONPATH=path)
    try:
        token = new_token(srv.url)
        done = _export(srv.url, token, [*photos, piper], "a short promo of these photos with the voiceover")
        view = _settled(srv.url, token, done["id"])
        info = view["transcript"]
        assert info["status"] == "unavailable", (info, srv.log())
        assert "reelforge[ai]" in info["reason"] and info["srt"] is None
        r = httpx.get(f"{srv.url}/v1/exports/{done['id']}/transcript.vtt", headers=auth(token))
        assert r.status_code == 404 and "not installed" in r.json()["message"]
        assert not list((srv.data_dir / "renders").glob("*.transcript.*"))
    finally:
        srv.stop()
