"""A phone clip stored landscape with a display matrix is framed as it is shown (user test r2: a
portrait rocket launch stored 1920x1080 with a -90 degree matrix, in a 16:9 promo, was cropped to
a middle band -- the nose and the pad cut, no note -- while a truly portrait clip in the same video
was shown whole over a blurred fill: the subject was found on the stored, unturned pixels, so the
tall rocket read as a wide band that a 16:9 crop holds)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.media.samples import _ffmpeg
from reelforge.render import render
from reelforge.session import Session
from reelforge.timeline import replace

pytestmark = pytest.mark.render

BACK, ROCKET, NOSE = (25, 45, 95), (235, 235, 225), (220, 60, 40)


def _phone_clip(tmp_path):
    """A 720x1280 upright picture of a tall white "rocket" (red nose at the top), stored turned
    90 degrees counter-clockwise (1280x720) with a matrix saying turn it back, as phones do."""
    rng = np.random.default_rng(0)
    a = np.clip(np.full((1280, 720, 3), BACK) + rng.integers(-4, 5, (1280, 720, 3)), 0, 255).astype(np.uint8)
    im = Image.fromarray(a)
    d = ImageDraw.Draw(im)
    d.rectangle((300, 80, 420, 1200), fill=ROCKET)
    d.polygon([(300, 80), (360, 20), (420, 80)], fill=NOSE)
    im.save(tmp_path / "upright.png")
    raw, phone = tmp_path / "raw.mp4", tmp_path / "rocket_phone.mp4"
    _ffmpeg(["-loop", "1", "-framerate", "10", "-i", str(tmp_path / "upright.png"), "-vf",
             "transpose=2,format=yuv420p", "-t", "2", "-an", "-c:v", "libx264", "-preset", "ultrafast", str(raw)])
    _ffmpeg(["-display_rotation:v:0", "-90", "-i", str(raw), "-c", "copy", str(phone)])
    return phone


def test_subject_of_a_rotated_clip_is_found_as_shown(tmp_path):
    from reelforge.ai.reframe import frame_at
    from reelforge.media.subject import video_subject

    clip = _phone_clip(tmp_path)
    assert frame_at(clip).shape == (1280, 720, 3)  # (reframe's focus reads the clip as shown too)
    s = video_subject(clip)
    x0, y0, x1, y1 = s.box
    # the rocket as shown: x 300-420 of 720, y 20-1200 of 1280 (stored, it lies across the frame)
    assert abs(x0 - 300 / 720) < 0.03 and abs(x1 - 421 / 720) < 0.03, s
    assert y0 < 0.05 and y1 > 0.9, s


def test_rotated_portrait_clip_is_shown_whole_in_16_9(tmp_path):
    clip = _phone_clip(tmp_path)
    s = Session.new()
    (asset,) = s.add_assets([clip], workdir=tmp_path / "media")
    assert (asset.width, asset.height) == (720, 1280)
    reply = s.handle("a 2-second 16:9 720p video of this clip")
    (shot,) = [seg for t in s.timeline.tracks for seg in t.segments if getattr(seg, "src", None) == asset.id]
    assert shot.fit.value == "blur", (shot.fit, shot.subject)
    assert "shown whole over a blurred fill" in reply.message, reply.message
    tl = replace(s.timeline, width=320, height=180)
    out = render(tl, tmp_path / "out.mp4", quality="draft")
    raw = _frame(out, 1.0)
    # shown whole: the clip is 101 px wide in the middle of the frame, nose near the top and the
    # rocket's foot above the bottom, the picture's own background above and below them
    # (0.14x: the nose 3-11 px from the top, the body to 169 px); cropped, the body filled the column
    col = raw[:, 157:164].astype(int).mean(axis=1)  # the rocket's column, middle of the frame
    white = np.abs(col - ROCKET).sum(axis=1) < 60
    assert white[16:165].all(), "the rocket's body is in the middle"
    assert not white[:6].any() and not white[-6:].any(), "its nose and foot are on screen, not cut"
    assert np.abs(col[6:10] - NOSE).sum(axis=1).max() < 90, col[:12]  # the red nose


def _frame(path, at: float) -> np.ndarray:
    import subprocess

    out = subprocess.run([ffmpeg_exe(), "-v", "error", "-ss", str(at), "-i", str(path), "-frames:v", "1",
                          "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(out, np.uint8).reshape(180, 320, 3)
