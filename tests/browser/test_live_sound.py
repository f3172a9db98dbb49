"""A preview's live stream sounds like the finished preview from its first sample, in Debian's
Chromium: the stream's init carries the audio track's edit list (the AAC encoder's priming),
so Chromium's decoder sees the same packets from the same start and takes the priming off.
Real server, real render, Chromium's own decoder (decodeAudioData)."""

from __future__ import annotations

import time

import pytest

from .. import _http as httpx
from ..service.conftest import auth, chat, new_session, new_token, upload
from .test_web import open_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COMPARE = """async ([a, b]) => {
    const ctx = new OfflineAudioContext(2, 48000, 48000);
    const decode = async (url) => ctx.decodeAudioData(await (await fetch(url)).arrayBuffer());
    const [x, y] = [await decode(a), await decode(b)];
    const out = {rate: [x.sampleRate, y.sampleRate], length: [x.length, y.length], channels: []};
    const n = Math.min(x.length, y.length);
    for (let c = 0; c < Math.min(x.numberOfChannels, y.numberOfChannels); c++) {
        const p = x.getChannelData(c), q = y.getChannelData(c);
        let differ = 0, first = -1, max = 0, energy = 0;
        for (let i = 0; i < n; i++) {
            const d = Math.abs(p[i] - q[i]);
            if (d > 0) { differ++; if (first < 0) first = i; }
            if (d > max) max = d;
            if (i < 1024) energy += p[i] * p[i];
        }
        out.channels.push({differ, first, max, head_rms: Math.sqrt(energy / 1024)});
    }
    return out;
}"""


def test_live_sound_is_the_finished_sound_from_the_first_sample(browser, start_server, media):
    server = start_server()
    base = server.url
    token = new_token(base)
    sid = new_session(base, token)
    assert upload(base, token, sid, [*media["images"], media["voiceover"], media["music"]]).status_code == 201
    chat(base, token, sid, "make a 10-second video with these")
    view = httpx.post(f"{base}/v1/sessions/{sid}/preview", headers=auth(token)).json()
    deadline = time.monotonic() + 900
    while view["status"] not in ("completed", "failed"):
        assert time.monotonic() < deadline, view
        time.sleep(0.5)
        view = httpx.get(f"{base}/v1/exports/{view['id']}", headers=auth(token)).json()
    assert view["status"] == "completed", view
    # the live stream of a finished preview is still its fragments (kept an hour), not the file
    live = httpx.get(view["live_url"]).content
    assert b"moof" in live[:4096] and live != httpx.get(view["download_url"]).content

    ctx, page, errors = open_page(browser, base)
    try:
        got = page.evaluate(COMPARE, [view["live_url"], view["download_url"]])
    finally:
        ctx.close()
    assert got["rate"] == [48000, 48000], got
    # the same length (the priming taken off both), within the last AAC frame's padding
    assert abs(got["length"][0] - got["length"][1]) < 1024, got
    assert len(got["channels"]) == 2, got
    for ch in got["channels"]:
        assert ch["head_rms"] > 0, got      # there is sound in the first 21 ms (a fade-in) to compare
        assert ch["differ"] == 0, got       # sample for sample, from the first one
    assert not errors, errors
