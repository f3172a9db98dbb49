"""The quick preview plays while it renders (issue 13 step 4): in Debian's Chromium, the page's
<video> starts on the preview's live stream (a growing fragmented MP4, no JavaScript player)
and has decoded frames and a moving clock before the preview job is finished; once it is, the
finished file takes the stream's place and is offered as a link."""

from __future__ import annotations

import pytest

from .. import _http as httpx
from .test_web import T, open_page, wait_js

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RECORD = """() => {
    window.__live = null;
    const v = document.querySelector('#preview-video');
    const note = () => {
        if (window.__live || v.readyState < 2 || !(v.currentTime > 0) || !v.src.includes('/files/live/')) return;
        window.__live = {at: Date.now() / 1000, readyState: v.readyState, currentTime: v.currentTime,
                         muted: v.muted, status: document.querySelector('#preview-status').textContent};
    };
    for (const e of ['timeupdate', 'playing', 'progress']) v.addEventListener(e, note);
}"""


def test_preview_plays_before_it_is_rendered(browser, start_server, media, out_dir):
    server = start_server(heartbeat_seconds="0.2")
    ctx, page, errors = open_page(browser, server.url, viewport={"width": 1280, "height": 800})
    try:
        page.set_input_files("#file-input", [str(f) for f in [*media["images"], media["voiceover"], media["music"]]])
        wait_js(page, "document.querySelectorAll('#uploads .upload.done').length === 5", timeout=60_000)
        page.focus("#chat-input")
        page.keyboard.type("make a 30-second video with these")
        page.keyboard.press("Enter")
        page.wait_for_selector("#chat-log .msg.assistant .summary-line", timeout=T)
        wait_js(page, "!document.querySelector('#preview-btn').disabled", timeout=T)

        page.evaluate(RECORD)
        page.click("#preview-btn")
        wait_js(page, "window.__live !== null", timeout=T)
        live = page.evaluate("window.__live")
        page.screenshot(path=str(out_dir / "live-01-playing-while-rendering.png"), full_page=True)
        wait_js(page, "document.querySelector('#preview-status').textContent.startsWith('Preview ready')",
                      timeout=T)
        render_id = page.evaluate("document.querySelector('#preview-video').dataset.renderId")
        token = page.evaluate("localStorage.getItem('reelforge.token')")
        done = httpx.get(f"{server.url}/v1/exports/{render_id}",
                         headers={"Authorization": f"Bearer {token}"}).json()
        assert done["status"] == "completed" and done["duration_ms"] == 30000, done
        # it played (decoded frames, a moving clock) before the job was finished
        assert live["readyState"] >= 2 and live["currentTime"] > 0 and live["muted"], live
        assert live["at"] < done["finished"], (live, done["finished"])
        assert not live["status"].startswith("Preview ready"), live
        # then the finished file: seekable, its whole length, offered as a link
        wait_js(page, "document.querySelector('#preview-video').readyState >= 1", timeout=60_000)
        video = page.evaluate("(() => { const v = document.querySelector('#preview-video'); "
                              "return {src: v.src, duration: v.duration}; })()")
        assert video["src"] == done["download_url"] and video["duration"] == pytest.approx(30.0, abs=0.3), video
        assert page.locator("#preview-file").is_visible()
        assert page.locator("#preview-file").get_attribute("href") == done["download_url"]
        page.screenshot(path=str(out_dir / "live-02-finished.png"), full_page=True)
        assert not errors, errors
        print(f"playing {live['currentTime']:.2f} s in, {done['finished'] - live['at']:.2f} s before the preview finished")
    finally:
        ctx.close()
