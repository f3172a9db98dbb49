"""A long caption costs seconds, not minutes: laying out a caption of a few hundred Chinese
characters (every character a break opportunity) measured both halves of every two-line
split at every font size tried: 300 characters took 36 s of CPU, 1,000 (the text limit) tens
of minutes, 9,960 (refused by the limit, after layout) hours, each one chat request."""

from __future__ import annotations

import time

import pytest

from .. import _http as httpx  # httpx with long timeouts (tests/_http.py)
from .conftest import auth, new_session, new_token, sse, start_server, upload

pytestmark = pytest.mark.service


def test_a_long_chinese_caption_is_laid_out_promptly(tmp_path, media_dir):
    srv = start_server(tmp_path, "longtext", worker=False)
    try:
        base = srv.url
        token = new_token(base)
        sid = new_session(base, token)
        assert upload(base, token, sid, [media_dir / "shot1.jpg", media_dir / "shot2.jpg"]).status_code == 201
        for text in ("make a 10-second video", "add the caption '" + "长" * 1000 + "'",
                     "add the caption '" + "长" * 3000 + "'"):
            deadline = time.monotonic() + 120   # heartbeats keep a stream alive: stop reading here
            names = []
            with httpx.stream("POST", f"{base}/v1/sessions/{sid}/chat", json={"text": text},
                              headers=auth(token)) as r:
                assert r.status_code == 200
                for e in sse(r):
                    names.append(e.get("event"))
                    if e.get("event") in ("done", "error") or time.monotonic() > deadline:
                        break
            assert "done" in names, (text[:40], names[-3:])
    finally:
        srv.stop()


def test_wrapping_a_long_line_measures_it_a_few_times(monkeypatch):
    from reelforge.render import text as T

    calls = {"n": 0}
    real = T._width

    def counted(*args):
        calls["n"] += 1
        return real(*args)

    monkeypatch.setattr(T, "_width", counted)
    lines = T.balanced_wrap("长" * 1000, 48, False, 900)
    assert "".join(lines) == "长" * 1000
    assert calls["n"] < 1000, calls   # was about 3,000 (each of 999 splits twice, then a wrap)
    calls["n"] = 0
    lines = T.wrap("x " + "a" * 3000, 48, False, 900)   # a word longer than the line is cut
    assert "".join(lines) == "x" + "a" * 3000 and calls["n"] < 1500, calls   # was about 100,000
