"""The session's timeline for editors from the API (issue 15 item 1, "the same from the API"):
every format read back with OpenTimelineIO's adapters; media named by file name, never a server
path; another account gets "not found"."""

from __future__ import annotations

import pytest

from .. import _http as httpx
from .conftest import auth, new_session, new_token, session_with_cut

pytestmark = pytest.mark.service

ADAPTERS = {"otio": "otio_json", "xml": "fcp_xml", "fcpxml": "fcpx_xml", "edl": "cmx_3600"}


@pytest.mark.parametrize("fmt", list(ADAPTERS))
def test_timeline_files_read_back_without_server_paths(lean_server, media_dir, fmt):
    import opentimelineio as otio

    base = lean_server.url
    token, sid = session_with_cut(base, media_dir, "a 6-second promo with text overlays")
    r = httpx.get(f"{base}/v1/sessions/{sid}/timeline.{fmt}", headers=auth(token))
    assert r.status_code == 200, r.text
    assert f'filename="reelforge-{sid[:8]}.{fmt}"' in r.headers["content-disposition"]
    data = r.content
    assert str(lean_server.data_dir).encode() not in data and b"/tmp" not in data and b"file://" not in data
    state = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    fps = state["draft"]["m"]["fps"]
    extra = {"rate": fps} if fmt == "edl" else {}
    ot = otio.adapters.read_from_string(data.decode(), adapter_name=ADAPTERS[fmt], **extra)
    video = [t for t in ot.tracks if t.kind == otio.schema.TrackKind.Video][0]
    clips = [c for c in video if isinstance(c, otio.schema.Clip)]
    main = next(t for t in state["draft"]["t"] if t["tt"] == 0)
    assert len(clips) == len(main["sg"])
    names = {m["name"] for m in state["media"]}
    for clip in clips:
        url = getattr(clip.media_reference, "target_url", None)
        if url is not None:
            assert url.rsplit("/", 1)[-1] in names, url
            assert "/" not in url.replace("file://", ""), url   # a bare file name
    # the clips' record times are the draft's, within a frame
    for i, seg in enumerate(main["sg"]):
        rng = video.range_of_child_at_index(video.index(clips[i]))
        assert abs(rng.start_time.to_seconds() * 1000 - seg["s"]) <= 1000 / fps + 1


def test_timeline_file_errors(lean_server, media_dir):
    base = lean_server.url
    token, sid = session_with_cut(base, media_dir, "a 6-second promo")
    other = new_token(base)
    r = httpx.get(f"{base}/v1/sessions/{sid}/timeline.otio", headers=auth(other))
    assert (r.status_code, r.json()["code"]) == (404, 1002)
    r = httpx.get(f"{base}/v1/sessions/{sid}/timeline.mov", headers=auth(token))
    assert (r.status_code, r.json()["code"]) == (422, 1)
    empty = new_session(base, token)
    r = httpx.get(f"{base}/v1/sessions/{empty}/timeline.edl", headers=auth(token))
    assert (r.status_code, r.json()["code"]) == (404, 1002) and "no timeline yet" in r.json()["message"]
    r = httpx.get(f"{base}/v1/sessions/{sid}/timeline.xml")
    assert r.status_code == 401


@pytest.mark.parametrize("fmt", list(ADAPTERS))
def test_timeline_files_with_control_characters_in_a_title(lean_server, media_dir, fmt):
    """A title said in the chat may hold any Unicode JSON can spell: U+0001, NUL, ESC, U+FFFF.
    Every editor's file is still written (the FCP 7 writer answered 500 with a
    traceback: XML cannot hold them), reads back with OpenTimelineIO; the session's own title keeps its text."""
    import opentimelineio as otio

    base = lean_server.url
    token, sid = session_with_cut(base, media_dir, "a 6-second promo")
    # raw JSON so the escapes reach the server as written
    body = '{"text": "add the title \\"a\\u0001b\\u0000c\\u001b[31m\\uffff\\" for 2 seconds"}'
    with httpx.stream("POST", f"{base}/v1/sessions/{sid}/chat", content=body.encode(),
                      headers=auth(token, **{"Content-Type": "application/json"})) as r:
        assert r.status_code == 200
        r.read()
    state = httpx.get(f"{base}/v1/sessions/{sid}/state", headers=auth(token)).json()
    texts = [sg["m"]["text"] for t in state["draft"]["t"] if t["tt"] == 7 for sg in t["sg"]]
    assert any("\x01" in t for t in texts), texts
    r = httpx.get(f"{base}/v1/sessions/{sid}/timeline.{fmt}", headers=auth(token))
    assert r.status_code == 200, r.text
    extra = {"rate": state["draft"]["m"]["fps"]} if fmt == "edl" else {}
    otio.adapters.read_from_string(r.content.decode(), adapter_name=ADAPTERS[fmt], **extra)
    assert "Traceback" not in lean_server.log()
