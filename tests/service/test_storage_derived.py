"""What the server makes from an account's media counts too (REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT):
an upright copy of a rotated photo is stored bytes, and a session keeps only its newest
previews (REELFORGE_PREVIEWS_KEPT_PER_SESSION), so neither fills the disk uncounted."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, chat, new_session, new_token, start_server, upload

pytestmark = pytest.mark.service


def _rotated_jpeg(path, size=(640, 360), color=(30, 120, 200)) -> int:
    """A photo whose EXIF says 'turn me 90 degrees' (ingest keeps an upright copy of it)."""
    img = Image.new("RGB", size, color)
    for x in range(0, size[0], 16):      # some detail, so the copy is not tiny
        for y in range(0, size[1], 16):
            img.putpixel((x, y), ((x * 7) % 255, (y * 5) % 255, (x + y) % 255))
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95, exif=exif)
    path.write_bytes(buf.getvalue())
    return len(buf.getvalue())


def _copy_bytes(path, tmp_path) -> int:
    """What the server's ingest writes for ``path`` besides it (same code, a scratch folder)."""
    from reelforge.media.ingest import ingest

    work = tmp_path / "scratch-work"
    work.mkdir(parents=True, exist_ok=True)
    asset = ingest(path, workdir=work)
    assert asset.path != str(path.resolve())   # an upright copy was made
    return sum(p.stat().st_size for p in work.iterdir())


def test_upright_copies_count_against_the_account(tmp_path, media_dir):
    photo = tmp_path / "turned.jpg"
    size = _rotated_jpeg(photo)
    copy = _copy_bytes(photo, tmp_path)
    small = media_dir / "shot1.jpg"
    extra = small.stat().st_size
    assert extra < copy, (extra, copy)
    # room for the photo, its copy and a little: not for another picture as large as `small`
    srv = start_server(tmp_path, "derived", worker=False,
                       REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT=str(size + copy + extra // 2))
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        r = upload(base, token, sid, [photo])
        assert r.status_code == 201, r.text
        r = upload(base, token, sid, [small])
        # before: only uploaded bytes counted (size + extra fits), the copy was free
        assert r.status_code == 413 and r.json()["code"] == 4002, r.text
        assert "REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT" in r.json()["message"]
        # another account is not affected; deleting the session frees the room
        other = new_token(base)
        assert upload(base, other, new_session(base, other), [small]).status_code == 201
        assert httpx.delete(f"{base}/v1/sessions/{sid}", headers=auth(token)).status_code == 204
        assert upload(base, token, new_session(base, token), [small]).status_code == 201
    finally:
        srv.stop()


def test_a_session_keeps_only_its_newest_previews(tmp_path, media_dir):
    srv = start_server(tmp_path, "previews", REELFORGE_PREVIEWS_KEPT_PER_SESSION="2")
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        assert upload(base, token, sid, [media_dir / "shot1.jpg"]).status_code == 201
        chat(base, token, sid, "make a 2-second video")
        made = []
        for _ in range(4):
            r = httpx.post(f"{base}/v1/sessions/{sid}/preview?wait=240", headers=auth(token))
            assert r.status_code == 202 and r.json()["status"] == "completed", r.text
            made.append(r.json())
        for old in made[:2]:
            assert httpx.get(f"{base}/v1/exports/{old['id']}", headers=auth(token)).status_code == 404
            assert httpx.get(old["download_url"]).status_code == 404
        for new in made[2:]:
            assert httpx.get(f"{base}/v1/exports/{new['id']}", headers=auth(token)).json()["status"] == "completed"
            assert httpx.get(new["download_url"]).status_code == 200
        listed = httpx.get(f"{base}/v1/sessions/{sid}/exports", headers=auth(token)).json()["exports"]
        assert sorted(e["id"] for e in listed) == sorted(e["id"] for e in made[2:])
        assert len(list((srv.data_dir / "renders").glob("*.mp4"))) == 2
    finally:
        srv.stop()


def test_generated_voiceovers_count_against_the_account(tmp_path, media_dir):
    """Each spoken voiceover is a file kept in the session; past the account's limit an edit
    that makes one is refused (code 4002), nothing saved."""
    picture = media_dir / "shot1.jpg"
    srv = start_server(tmp_path, "voices", worker=False,
                       REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT=str(picture.stat().st_size + 150_000))
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        assert upload(base, token, sid, [picture]).status_code == 201
        chat(base, token, sid, "make a 5-second video")
        done = chat(base, token, sid, 'add a voiceover saying "welcome to our little shop"')[-1]
        assert done["event"] == "done" and done["json"]["changed"], done
        before = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
        long = " ".join(["fresh coffee and warm bread every single morning at the corner shop"] * 6)
        events = chat(base, token, sid, f'add a voiceover saying "{long}"')
        errors = [e["json"] for e in events if e.get("event") == "error"]
        assert errors and errors[0]["code"] == 4002, [e.get("data", "")[:200] for e in events]
        assert "REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT" in errors[0]["message"]
        after = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
        assert after["version"] == before["version"] and after["summary"] == before["summary"]
        # deleting the session frees the room
        assert httpx.delete(f"{base}/v1/sessions/{sid}", headers=auth(token)).status_code == 204
        sid = new_session(base, token)
        assert upload(base, token, sid, [picture]).status_code == 201
    finally:
        srv.stop()


def test_a_refused_upload_leaves_the_same_picture_already_there(tmp_path, media_dir):
    """Uploading a picture the session already has, with another whose copy takes the account
    past its limit, is refused at commit; the refusal removed the files of the *accepted*
    upload of that picture (its file name and its upright copy were named by content, the
    same for both), so the session's first cut then failed to render."""
    first, other = tmp_path / "first.jpg", tmp_path / "other.jpg"
    x_first = _rotated_jpeg(first)
    x_other = _rotated_jpeg(other, size=(800, 450), color=(200, 90, 30))
    y_first, y_other = _copy_bytes(first, tmp_path / "a"), _copy_bytes(other, tmp_path / "b")
    # the second request passes the streaming check (its bytes fit the room) but not the
    # commit, where the new copy counts too (the picture sent again is stored once, not counted)
    assert x_first < y_other
    limit = 2 * x_first + y_first + x_other + (y_other - x_first) // 2
    srv = start_server(tmp_path, "refused", REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT=str(limit))
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        assert upload(base, token, sid, [first]).status_code == 201
        r = upload(base, token, sid, [first, other])
        assert r.status_code == 413 and r.json()["code"] == 4002, r.text
        chat(base, token, sid, "make a 2-second video")
        r = httpx.post(f"{base}/v1/sessions/{sid}/preview?wait=240", headers=auth(token))
        assert r.status_code == 202 and r.json()["status"] == "completed", r.text
    finally:
        srv.stop()
