"""A first cut past the segment limits is refused before its pictures are analysed: on a
session holding 2,000 small pictures one "make a video" cost ~40 s of CPU (the subject of every
picture found, ~18 ms each) and was then refused for ``REELFORGE_MAX_TRACK_SEGMENTS``, with
nothing kept, so every repeat cost it again."""

from __future__ import annotations

import io
import json
import os
import re
import time

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, new_session, new_token, sse, start_server

pytestmark = pytest.mark.service


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")   # the process's, and its children's


def _pictures(n: int) -> list[tuple[str, tuple[str, bytes, str]]]:
    from PIL import Image

    out = []
    for i in range(n):
        im = Image.new("RGB", (320, 180), ((i * 37) % 256, (i * 91) % 256, (i * 53 + i // 256) % 256))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=70)
        out.append(("files", (f"p{i:04d}.jpg", buf.getvalue(), "image/jpeg")))
    return out


def test_a_first_cut_past_the_segment_limit_is_refused_before_analysis(tmp_path):
    srv = start_server(tmp_path, "many", worker=False, REELFORGE_MAX_TRACK_SEGMENTS="100")
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        r = httpx.post(f"{base}/v1/sessions/{sid}/assets", files=_pictures(400), headers=auth(token), timeout=300)
        assert r.status_code == 201 and len(r.json()["assets"]) == 400, r.text[:300]
        for _ in range(2):   # nothing is kept: the second costs what the first did
            before = _cpu(srv.proc.pid)
            deadline = time.monotonic() + 300
            with httpx.stream("POST", f"{base}/v1/sessions/{sid}/chat", json={"text": "make a video"},
                              headers=auth(token)) as r:
                assert r.status_code == 200
                events = []
                for e in sse(r):
                    events.append(e)
                    if e.get("event") in ("done", "error") or time.monotonic() > deadline:
                        break
            spent = _cpu(srv.proc.pid) - before
            final = json.loads(events[-1]["data"])
            assert final["status"] == "error" and re.fullmatch(
                r"that is past a limit: t\[0\]\.sg: \d+ segments on one track; the limit is 100 "
                r"\(REELFORGE_MAX_TRACK_SEGMENTS\)", final["message"]), final["message"]
            assert spent < 3.0, spent   # ~7.5 s before (the subject of each of the 400 pictures found first)
    finally:
        srv.stop()
