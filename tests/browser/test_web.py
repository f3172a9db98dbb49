"""The web page in a real browser against a real ``reelforge serve``.

Desktop (a 1280x800 laptop screen): upload real files (one of them a text file named .jpg,
rejected in one plain sentence while the others go in), send the seed instruction with the
keyboard, see the tracks, edit, undo/redo, quick preview, export 9:16 and download the MP4,
then probe it with PyAV; chat, preview and timeline are in view together, and after a reload
the conversation and the export's download link come back.
Phone (375 px): the same page fits with the chat first, works, and a user without credits
gets a clear message.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from reelforge.render import verify

pytestmark = pytest.mark.browser

SEED = "combine these images and audio into a 10-second promotional video with text overlays"
ROOT = Path(__file__).resolve().parents[2]
T = 180_000  # ms: renders share 2 busy cores


def open_page(browser, url, **context):
    ctx = browser.new_context(accept_downloads=True, **context)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # the page runs under its Content-Security-Policy: anything it refuses is a failure too
    page.on("console", lambda m: errors.append(m.text)
            if m.type == "error" and "Content Security Policy" in m.text else None)
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    return ctx, page, errors


def wait_js(page, expression: str, timeout: float = 30_000) -> None:
    """``page.wait_for_function`` without eval inside the page, which the page's
    Content-Security-Policy refuses (no 'unsafe-eval'): ``expression`` is polled through
    ``page.evaluate`` (DevTools evaluation, which the policy does not govern)."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout / 1000:g} s: {expression}")
        page.wait_for_timeout(100)


def watch_working(page):
    """Record every text the 'working' indicator shows (it can come and go quickly)."""
    page.evaluate("""() => {
        window.__working = [];
        const el = document.querySelector('#working');
        const note = () => { if (!el.hidden) window.__working.push(document.querySelector('#working-text').textContent); };
        new MutationObserver(note).observe(el, {attributes: true, childList: true, subtree: true, characterData: true});
    }""")


def track_texts(page) -> list[str]:
    return page.locator("#timeline .seg").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")


def test_desktop_upload_chat_preview_export_download(browser, start_server, media, out_dir):
    server = start_server(heartbeat_seconds="0.2")
    ctx, page, errors = open_page(browser, server.url, viewport={"width": 1280, "height": 800})
    try:
        credits_before = int(page.locator("#credits").get_attribute("data-available"))
        assert page.locator("#credits").inner_text() == f"Credits: {credits_before}"

        # 1. upload: five real files and one impostor, each with its own progress row
        files = [*media["images"], media["voiceover"], media["music"], media["fake"]]
        page.set_input_files("#file-input", [str(f) for f in files])
        wait_js(page, "document.querySelectorAll('#uploads .upload.done, #uploads .upload.failed').length === 6",
                      timeout=60_000)
        assert page.locator("#uploads .upload.done").count() == 5
        rejected = page.locator("#uploads .upload.failed")
        assert rejected.count() == 1
        assert rejected.get_attribute("data-name") == "notes.jpg"
        reason = rejected.locator(".reason").inner_text()
        # one plain sentence with the supported formats: no repeat of the name shown beside it,
        # no decoder jargon; and it reads as failed, not as a full progress bar
        assert "mp4" in reason and "jpg" in reason and reason.count(".") <= 3, reason
        assert "notes.jpg" not in reason and "Invalid data" not in reason and "decod" not in reason, reason
        assert "failed" in rejected.locator(".state").inner_text()
        assert rejected.locator("progress").is_hidden()
        wait_js(page, "document.querySelectorAll('#media .thumb').length === 5")
        assert page.locator("#media .thumb.image img").count() == 3   # thumbnails of the photos
        assert page.locator("#media .thumb.audio").count() == 2
        # whole file names under the thumbnails, not "01-glass-bott…"
        labels = page.locator("#media .thumb .label").evaluate_all(
            "els => els.map(e => [e.firstChild.textContent, e.scrollWidth <= e.clientWidth + 1])")
        assert all(fits for _, fits in labels), labels
        assert {name for name, _ in labels} == {f.name for f in files[:5]}, labels
        page.screenshot(path=str(out_dir / "01-uploaded.png"), full_page=True)

        # 2. the seed instruction, typed and sent with Enter; the reply streams in
        watch_working(page)
        page.focus("#chat-input")
        page.keyboard.type(SEED)
        page.keyboard.press("Enter")
        page.wait_for_selector("#chat-log .msg.assistant .summary-line", timeout=T)
        reply = page.locator("#chat-log .msg.assistant").last.inner_text()
        assert "Timeline (" in reply
        assert page.locator(".examples").is_hidden()   # the starter chips go once used
        working = page.evaluate("window.__working")
        assert working, "the working indicator never showed"
        # the reply counts as finished once the timeline shows it (after the summary line appears)
        page.wait_for_selector("#working", state="hidden", timeout=T)
        assert page.locator("#chat-input").input_value() == ""

        # 3. tracks: video, audio and text, laid out to scale with labels
        page.wait_for_selector("#timeline .track.video .seg")
        kinds = set(page.locator("#timeline .track").evaluate_all("els => els.map(e => e.dataset.kind)"))
        assert kinds == {"video", "audio", "text"}
        labels = track_texts(page)
        assert any(re.search(r"01-aurora-glass-bottle\.jpg · 0s–", t) for t in labels), labels
        assert any("vol " in t for t in labels), labels
        assert any(t.startswith("“") for t in labels), labels       # a text overlay
        # the last video segment ends at the right edge (to scale)
        last_video = page.locator("#timeline .track.video .seg").last
        assert "–10s" in last_video.get_attribute("aria-label")
        left = float(last_video.evaluate("e => parseFloat(e.style.left) + parseFloat(e.style.width)"))
        assert left == pytest.approx(100, abs=0.5)
        assert "Timeline (" in page.locator("#summary").inner_text()
        page.screenshot(path=str(out_dir / "02-timeline.png"), full_page=True)
        # on a 1280x800 screen the chat, the preview and the timeline are in view together
        for sel in ("#chat-input", "#chat-log", "#preview-video", "#timeline .track.video", "#timeline .track.audio"):
            box = page.locator(sel).first.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= 800, (sel, box)

        # 4. an edit, then undo and redo
        page.fill("#chat-input", "lower the music to 20%")
        page.click("#send")
        wait_js(page, "[...document.querySelectorAll('#timeline .seg')].some(e => e.getAttribute('aria-label').includes('vol 20%'))",
                      timeout=T)
        chat_text = page.locator("#chat-log").inner_text()
        assert "set_volume" not in chat_text and "⚙" not in chat_text, chat_text   # no internal op names
        assert page.locator("#undo").is_enabled()
        page.click("#undo")
        wait_js(page, "![...document.querySelectorAll('#timeline .seg')].some(e => e.getAttribute('aria-label').includes('vol 20%'))")
        page.click("#redo")
        wait_js(page, "[...document.querySelectorAll('#timeline .seg')].some(e => e.getAttribute('aria-label').includes('vol 20%'))")

        # Chinese works too: it lowers the music further
        music = page.locator("#timeline .track[data-role='music'] .seg").first
        assert "vol 20%" in music.get_attribute("aria-label")
        page.fill("#chat-input", "把背景音乐调小一点")
        page.click("#send")
        wait_js(page, "!document.querySelector(\"#timeline .track[data-role='music'] .seg\").getAttribute('aria-label').includes('vol 20%')",
                      timeout=T)
        assert not page.locator("#chat-log .msg.assistant").last.evaluate("e => e.classList.contains('error')")
        # one rounding everywhere: the reply's summary and the track show the same music %
        # (24.5 % is where rounding half up and half to even part ways)
        page.fill("#chat-input", "music to 24.5%")
        page.click("#send")
        wait_js(page, "document.querySelectorAll('#chat-log .msg.user').length === 4 && !document.querySelector('[data-streaming]')",
                      timeout=T)
        said = re.search(r"BGM: [^)]*?(\d+)%\)", page.locator("#chat-log .msg.assistant .summary-line").last.inner_text())
        shown = re.search(r"vol (\d+)%", music.get_attribute("aria-label"))
        assert said and shown and said.group(1) == shown.group(1), (said.group(0), shown.group(0))

        # a look from the style picker: an ordinary edit, answered in the chat, kept by the page
        assert page.locator("#look").is_enabled() and page.locator("#look").input_value() == "clean"
        page.select_option("#look", "bold")
        wait_js(page, "[...document.querySelectorAll('#chat-log .msg.assistant')].some(e => e.textContent.includes('Bold style'))",
                      timeout=T)
        wait_js(page, "document.querySelector('#look').value === 'bold' && !document.querySelector('#look').disabled",
                      timeout=T)

        # 5. quick preview in the <video>
        page.click("#preview-btn")
        wait_js(page, "document.querySelector('#preview-status').textContent.startsWith('Preview ready')",
                      timeout=T)
        wait_js(page, "document.querySelector('#preview-video').readyState >= 1", timeout=30_000)
        duration = page.evaluate("document.querySelector('#preview-video').duration")
        assert duration == pytest.approx(10.0, abs=0.3)
        page.screenshot(path=str(out_dir / "03-preview.png"), full_page=True)

        # 6. export 9:16 at 720p (draft quality keeps the test quick), progress, download;
        # the preview takes the chosen shape
        assert page.evaluate("(() => { const b = document.querySelector('#preview-video').getBoundingClientRect(); return b.width > b.height; })()")
        page.select_option("#aspect", "9:16")
        assert page.evaluate("(() => { const b = document.querySelector('#preview-video').getBoundingClientRect(); return b.height > 1.5 * b.width; })()")
        page.select_option("#resolution", "720p")
        page.select_option("#quality", "draft")
        watch_progress = "window.__progress = []; new MutationObserver(() => window.__progress.push(document.querySelector('#export-progress').value)).observe(document.querySelector('#export-status'), {childList: true, characterData: true, subtree: true})"
        page.evaluate(f"() => {{ {watch_progress} }}")
        page.click("#export-btn")
        page.wait_for_selector("#export-progress:not([hidden])", timeout=60_000)
        page.wait_for_selector("#download:not([hidden])", timeout=T)
        assert page.evaluate("document.querySelector('#export-progress').value") == 100
        assert page.locator("#export-status").inner_text().startswith("Done: 720×1280, 10s (draft quality")
        wait_js(page, f"Number(document.querySelector('#credits').dataset.available) < {credits_before}",
                      timeout=60_000)
        page.screenshot(path=str(out_dir / "04-exported.png"), full_page=True)
        if os.environ.get("REELFORGE_DOCS_SCREENSHOT"):
            shutil.copy(out_dir / "04-exported.png", ROOT / "docs" / "screenshots" / "web.png")

        with page.expect_download() as dl:
            page.click("#download")
        target = out_dir / "export.mp4"
        dl.value.save_as(str(target))
        info = verify(target)
        assert info.vcodec == "h264" and info.acodec == "aac"
        assert (info.width, info.height) == (360, 640)          # 9:16, draft quality's 360 px short side
        assert info.duration == pytest.approx(10.0, abs=0.3)
        assert target.stat().st_size > 10_000
        assert page.locator("#media .thumb").count() == 5

        # the export's on-screen captions as subtitle files, next to the MP4
        assert page.locator("#captions-srt").is_visible() and page.locator("#captions-vtt").is_visible()
        with page.expect_download() as dl:
            page.click("#captions-vtt")
        vtt = out_dir / "export.vtt"
        dl.value.save_as(str(vtt))
        cues = vtt.read_text(encoding="utf-8")
        assert cues.startswith("WEBVTT") and cues.count(" --> ") >= 1, cues
        assert dl.value.suggested_filename.endswith(".vtt")
        # the voiceover's transcript is made after the render: its links, or a note saying why not
        wait_js(page, "!document.querySelector('#transcript-note').textContent.includes('being made')",
                      timeout=T)
        note = page.locator("#transcript-note").inner_text()
        assert page.locator("#transcript-srt").is_visible() or note.startswith("No transcript file: "), note
        page.locator(".downloads").screenshot(path=str(out_dir / "04b-downloads.png"))

        # 7. a reload brings back the conversation and the finished export with its link;
        # the footer shows no raw project id
        messages = page.locator("#chat-log .msg").all_inner_texts()
        href = page.get_attribute("#download", "href")
        srt_href = page.get_attribute("#captions-srt", "href")
        page.reload()
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        page.wait_for_selector("#download:not([hidden])", timeout=60_000)
        assert page.get_attribute("#download", "href") == href
        assert page.get_attribute("#captions-srt", "href") == srt_href and srt_href.endswith(".srt")
        assert page.locator("#export-status").inner_text().startswith("Done: 720×1280")
        assert page.locator("#chat-log .msg").all_inner_texts() == messages
        assert page.locator(".examples").is_hidden()
        session = page.evaluate("localStorage.getItem('reelforge.session')")
        assert session and session not in page.locator("footer").inner_text()
        page.screenshot(path=str(out_dir / "05-reloaded.png"))
        assert not errors, errors
    finally:
        ctx.close()


def test_phone_width_and_no_credits_message(browser, start_server, media, out_dir):
    server = start_server(starter_credits="0")
    ctx, page, errors = open_page(browser, server.url, viewport={"width": 375, "height": 812},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        assert page.locator("#credits").inner_text() == "Credits: 0"
        page.set_input_files("#file-input", [str(media["images"][0]), str(media["images"][1]), str(media["music"])])
        wait_js(page, "document.querySelectorAll('#uploads .upload.done').length === 3", timeout=60_000)
        page.locator(".example").first.click()        # one-click starter instruction
        page.wait_for_selector("#timeline .track.video .seg", timeout=T)
        # nothing sticks out sideways at 375 px
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, width
        for sel in ("#chat-input", "#send", "#export-btn", "#preview-btn", "#timeline"):
            box = page.locator(sel).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 + 0.5, (sel, box)
        # the chat comes first on a phone, and the starter chips have gone after one was used
        assert page.locator("#chat-input").bounding_box()["y"] < page.locator("#dropzone").bounding_box()["y"]
        assert page.locator(".examples").is_hidden()
        page.screenshot(path=str(out_dir / "05-phone.png"), full_page=True)

        # keyboard: the file picker and the chat are reachable with Tab, focus is visible
        page.locator("#new-session").focus()
        seen = []
        for _ in range(12):
            page.keyboard.press("Tab")
            seen.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
        assert "file-input" in seen, seen

        # an export with no credits is refused with a clear message (2001), nothing starts
        page.click("#export-btn")
        page.wait_for_selector("#notice:not([hidden])", timeout=60_000)
        notice = page.locator("#notice-text").inner_text()
        assert "out of credits" in notice, notice
        assert page.locator("#download").is_hidden()
        page.screenshot(path=str(out_dir / "06-phone-no-credits.png"), full_page=True)

        # the token is gone but the client id stays: a second starter token is refused (429)
        page.evaluate("localStorage.removeItem('reelforge.token')")
        page.reload()
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_selector("#notice:not([hidden])", timeout=60_000)
        notice = page.locator("#notice-text").inner_text()
        assert "already received its free starter token" in notice, notice
        assert not errors, errors
    finally:
        ctx.close()


def test_a_file_over_the_servers_limit_is_refused_with_that_limit(browser, start_server, media, tmp_path):
    # the page said "larger than 500 MB, the limit for one file" to every 4002/413, whatever the server's limit
    # (REELFORGE_MAX_UPLOAD_BYTES) or its reason (the account's storage full)
    server = start_server(max_upload_bytes="1000000")
    big = tmp_path / "big.jpg"
    big.write_bytes(os.urandom(1_500_000))
    ctx, page, errors = open_page(browser, server.url)
    try:
        page.set_input_files("#file-input", [str(big), str(media["images"][0])])
        wait_js(page, "document.querySelectorAll('#uploads .reason').length === 1 && "
                      "document.querySelectorAll('#uploads .upload.done').length === 1", timeout=60_000)
        said = page.locator("#uploads .reason").inner_text()
        from reelforge.media.formats import human_size

        assert f"larger than the {human_size(1_000_000)} limit" in said and "500 MB" not in said, said
        assert "big.jpg" not in said, said
        assert not errors, errors
    finally:
        ctx.close()
