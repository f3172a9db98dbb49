"""Caption files beside every export (SRT and WebVTT), and captions not burned in when asked."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from reelforge.interop.subtitles import caption_cues, to_srt, to_vtt
from reelforge.session import Session
from reelforge.timeline.model import Role


@pytest.fixture(scope="module")
def cut(tmp_path_factory):
    from reelforge.media import write_demo_assets

    d = tmp_path_factory.mktemp("capfiles")
    demo = write_demo_assets(d / "demo", images=3, seconds=8)
    s = Session.new(local_files=True)
    s.add_assets(list(demo), workdir=d / "media")
    assert s.handle("an 8-second promo with text overlays").changed
    return d, demo, s


def test_srt_and_vtt_of_the_captions(cut):
    _, _, s = cut
    caps = s.timeline.track(Role.CAPTION).segments
    cues = caption_cues(s.timeline)
    assert [c[2] for c in cues] == [seg.text for seg in caps]
    srt = to_srt(cues)
    first = caps[0]
    assert srt.startswith("1\n") and f"{first.text}\n" in srt
    h, m = divmod(first.start // 1000, 60)
    assert f"00:{h:02d}:{m:02d},{first.start % 1000:03d} --> " in srt
    vtt = to_vtt(cues)
    assert vtt.startswith("WEBVTT\n") and f".{first.start % 1000:03d} --> " in vtt and "," not in vtt.split("\n")[2]


def test_not_burned_in_leaves_the_picture_and_keeps_the_files(cut, tmp_path):
    from reelforge.render import render

    from ..render._render_helpers import frame_at

    _, _, s = cut
    burned = s.timeline
    r = s.handle("captions as a separate file, not burned in")
    assert r.status == "ok" and s.timeline.burn_captions is False, r.message
    files_only = s.timeline
    no_caps = files_only.model_copy(update={"tracks": tuple(t for t in files_only.tracks if t.role is not Role.CAPTION)})
    cap = burned.track(Role.CAPTION).segments[1]
    t = (cap.start + cap.end) / 2000
    a = frame_at(render(burned, tmp_path / "burned.mp4", quality="draft"), t).astype(int)
    b = frame_at(render(files_only, tmp_path / "files.mp4", quality="draft"), t).astype(int)
    c = frame_at(render(no_caps, tmp_path / "none.mp4", quality="draft"), t).astype(int)
    assert np.abs(b - c).mean() < 0.5            # nothing drawn for the captions...
    assert np.abs(a - b).mean() > 1.0            # ...where the burned-in render shows one
    assert caption_cues(files_only) == caption_cues(burned)  # the files still carry them
    assert s.handle("burn the captions in").changed and s.timeline.burn_captions is True


def test_cli_writes_caption_files_beside_the_video(cut, tmp_path):
    _, demo, _ = cut
    out = tmp_path / "promo.mp4"
    r = subprocess.run([sys.executable, "-m", "reelforge.cli", "make", *map(str, demo), "-p",
                        "an 8-second promo with text overlays, captions as separate files", "-o", str(out),
                        "-q", "draft"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    srt, vtt = out.with_suffix(".srt"), out.with_suffix(".vtt")
    assert srt.exists() and vtt.exists()
    assert "not burned in" in r.stderr
    body = srt.read_text()
    assert body.count(" --> ") >= 2 and vtt.read_text().startswith("WEBVTT")


def test_caption_files_show_each_caption_as_long_as_the_video_does():
    """A 0.84 s caption is held a second on screen (`hold_texts`); the files said 0.84 s."""
    from reelforge.timeline import build

    tl = build(width=640, height=360, fps=30, duration=6000, assets=[], tracks=[
        {"id": "c", "kind": "text", "role": "caption", "segments": [
            {"id": "c1", "kind": "text", "start": 1000, "duration": 2000, "text": "Long enough"},
            {"id": "c2", "kind": "text", "start": 3200, "duration": 840, "text": "Meet the makers"}]}])
    cues = caption_cues(tl)
    assert cues[1] == (3200, 4200, "Meet the makers"), cues
    assert "00:00:03,200 --> 00:00:04,200" in to_srt(cues)
