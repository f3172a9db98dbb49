"""The web page in a real browser against a real ``reelforge serve``.

Desktop: upload real files (one of them a text file named .jpg, rejected with the API's
reason while the others go in), send the seed instruction with the keyboard, see the tracks,
edit, undo/redo, quick preview, export 9:16 and download the MP4, then probe it with PyAV.
Phone (375 px): the same page fits, works, and a user without credits gets a clear message.
"""

from __future__ import annotations

import os
import re
import shutil
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
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return ctx, page, errors


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
    ctx, page, errors = open_page(browser, server.url, viewport={"width": 1366, "height": 900})
    try:
        credits_before = int(page.locator("#credits").get_attribute("data-available"))
        assert page.locator("#credits").inner_text() == f"Credits: {credits_before}"

        # 1. upload: five real files and one impostor, each with its own progress row
        files = [*media["images"], media["voiceover"], media["music"], media["fake"]]
        page.set_input_files("#file-input", [str(f) for f in files])
        page.wait_for_function("document.querySelectorAll('#uploads .upload.done, #uploads .upload.failed').length === 6",
                               timeout=60_000)
        assert page.locator("#uploads .upload.done").count() == 5
        rejected = page.locator("#uploads .upload.failed")
        assert rejected.count() == 1
        assert rejected.get_attribute("data-name") == "notes.jpg"
        reason = rejected.locator(".reason").inner_text()
        assert "notes.jpg" in reason and "mp4" in reason, reason   # the API's reason, listing formats
        page.wait_for_function("document.querySelectorAll('#media .thumb').length === 5")
        assert page.locator("#media .thumb.image img").count() == 3   # thumbnails of the photos
        assert page.locator("#media .thumb.audio").count() == 2
        page.screenshot(path=str(out_dir / "01-uploaded.png"), full_page=True)

        # 2. the seed instruction, typed and sent with Enter; the reply streams in
        watch_working(page)
        page.focus("#chat-input")
        page.keyboard.type(SEED)
        page.keyboard.press("Enter")
        page.wait_for_selector("#chat-log .msg.assistant .summary-line", timeout=T)
        reply = page.locator("#chat-log .msg.assistant").last.inner_text()
        assert "Timeline (" in reply
        working = page.evaluate("window.__working")
        assert working, "the working indicator never showed"
        assert page.locator("#working").is_hidden()
        assert page.locator("#chat-input").input_value() == ""

        # 3. tracks: video, audio and text, laid out to scale with labels
        page.wait_for_selector("#timeline .track.video .seg")
        kinds = set(page.locator("#timeline .track").evaluate_all("els => els.map(e => e.dataset.kind)"))
        assert kinds == {"video", "audio", "text"}
        labels = track_texts(page)
        assert any(re.search(r"01-glass-bottle\.jpg · 0s–", t) for t in labels), labels
        assert any("vol " in t for t in labels), labels
        assert any(t.startswith("“") for t in labels), labels       # a text overlay
        # the last video segment ends at the right edge (to scale)
        last_video = page.locator("#timeline .track.video .seg").last
        assert "–10s" in last_video.get_attribute("aria-label")
        left = float(last_video.evaluate("e => parseFloat(e.style.left) + parseFloat(e.style.width)"))
        assert left == pytest.approx(100, abs=0.5)
        assert "Timeline (" in page.locator("#summary").inner_text()
        page.screenshot(path=str(out_dir / "02-timeline.png"), full_page=True)

        # 4. an edit, then undo and redo
        page.fill("#chat-input", "lower the music to 20%")
        page.click("#send")
        page.wait_for_function("[...document.querySelectorAll('#timeline .seg')].some(e => e.getAttribute('aria-label').includes('vol 20%'))",
                               timeout=T)
        assert page.locator("#undo").is_enabled()
        page.click("#undo")
        page.wait_for_function("![...document.querySelectorAll('#timeline .seg')].some(e => e.getAttribute('aria-label').includes('vol 20%'))")
        page.click("#redo")
        page.wait_for_function("[...document.querySelectorAll('#timeline .seg')].some(e => e.getAttribute('aria-label').includes('vol 20%'))")

        # Chinese works too: one click on the 中文 starter lowers the music further
        music = page.locator("#timeline .track[data-role='music'] .seg").first
        assert "vol 20%" in music.get_attribute("aria-label")
        page.get_by_role("button", name="把背景音乐调小一点").click()
        page.wait_for_function("!document.querySelector(\"#timeline .track[data-role='music'] .seg\").getAttribute('aria-label').includes('vol 20%')",
                               timeout=T)
        assert not page.locator("#chat-log .msg.assistant").last.evaluate("e => e.classList.contains('error')")

        # a look from the style picker: an ordinary edit, answered in the chat, kept by the page
        assert page.locator("#look").is_enabled() and page.locator("#look").input_value() == "clean"
        page.select_option("#look", "bold")
        page.wait_for_function("[...document.querySelectorAll('#chat-log .msg.assistant')].some(e => e.textContent.includes('Bold style'))",
                               timeout=T)
        page.wait_for_function("document.querySelector('#look').value === 'bold' && !document.querySelector('#look').disabled",
                               timeout=T)

        # 5. quick preview in the <video>
        page.click("#preview-btn")
        page.wait_for_function("document.querySelector('#preview-status').textContent.startsWith('Preview ready')",
                               timeout=T)
        page.wait_for_function("document.querySelector('#preview-video').readyState >= 1", timeout=30_000)
        duration = page.evaluate("document.querySelector('#preview-video').duration")
        assert duration == pytest.approx(10.0, abs=0.3)
        page.screenshot(path=str(out_dir / "03-preview.png"), full_page=True)

        # 6. export 9:16 at 720p (draft quality keeps the test quick), progress, download
        page.select_option("#aspect", "9:16")
        page.select_option("#resolution", "720p")
        page.select_option("#quality", "draft")
        watch_progress = "window.__progress = []; new MutationObserver(() => window.__progress.push(document.querySelector('#export-progress').value)).observe(document.querySelector('#export-status'), {childList: true, characterData: true, subtree: true})"
        page.evaluate(f"() => {{ {watch_progress} }}")
        page.click("#export-btn")
        page.wait_for_selector("#export-progress:not([hidden])", timeout=10_000)
        page.wait_for_selector("#download:not([hidden])", timeout=T)
        assert page.evaluate("document.querySelector('#export-progress').value") == 100
        assert page.locator("#export-status").inner_text().startswith("Done: 720×1280, 10s (draft quality")
        page.wait_for_function(f"Number(document.querySelector('#credits').dataset.available) < {credits_before}",
                               timeout=10_000)
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
        page.wait_for_function("document.querySelectorAll('#uploads .upload.done').length === 3", timeout=60_000)
        page.locator(".example").first.click()        # one-click starter instruction
        page.wait_for_selector("#timeline .track.video .seg", timeout=T)
        # nothing sticks out sideways at 375 px
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, width
        for sel in ("#chat-input", "#send", "#export-btn", "#preview-btn", "#timeline"):
            box = page.locator(sel).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 + 0.5, (sel, box)
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
        page.wait_for_selector("#notice:not([hidden])", timeout=10_000)
        notice = page.locator("#notice-text").inner_text()
        assert "out of credits" in notice, notice
        assert page.locator("#download").is_hidden()
        page.screenshot(path=str(out_dir / "06-phone-no-credits.png"), full_page=True)

        # the token is gone but the client id stays: a second starter token is refused (429)
        page.evaluate("localStorage.removeItem('reelforge.token')")
        page.reload()
        page.wait_for_selector("body[data-ready='1']")
        page.wait_for_selector("#notice:not([hidden])", timeout=10_000)
        notice = page.locator("#notice-text").inner_text()
        assert "already received its free starter token" in notice, notice
        assert not errors, errors
    finally:
        ctx.close()
