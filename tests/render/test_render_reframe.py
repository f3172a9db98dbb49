"""Real renders of reframing: the focus-aware cover crop and rotated phone clips.

- A landscape 1920x1080 picture with a red disc at x = 85 % rendered to 9:16: with the
  segment's ``focus`` on the disc it is in every frame (static, zoom, pan, and the same
  picture as a clip); the centre crop loses it.
- A portrait phone clip (pixels stored landscape, a 90° display matrix) rendered to 9:16 and
  16:9 comes out upright and unstretched: the colour stored on its left edge (the top once
  turned) is at the top, the block stored at its top edge is on the right.
"""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reelforge.media import ingest
from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.render import render, verify
from reelforge.timeline import Fit, Motion, Role, Track, TrackKind, VideoSegment, build

from ._render_helpers import frames_at

pytestmark = pytest.mark.render

DISC = (1632, 540, 110)  # centre x (85 % of 1920), centre y, radius


def _red(frame: np.ndarray) -> np.ndarray:
    f = frame.astype(int)
    return (f[..., 0] > 160) & (f[..., 1] < 90) & (f[..., 2] < 90)


@pytest.fixture(scope="module")
def disc_sources(tmp_path_factory):
    d = tmp_path_factory.mktemp("focus")
    img = Image.new("RGB", (1920, 1080), (70, 110, 140))
    x, y, r = DISC
    ImageDraw.Draw(img).ellipse((x - r, y - r, x + r, y + r), fill=(230, 30, 30))
    still = d / "disc.png"
    img.save(still)
    small = d / "disc_small.png"
    img.resize((640, 360)).save(small)
    clip = d / "disc.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-loop", "1", "-framerate", "15", "-i", str(small),
                    "-t", "1.5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(clip)],
                   check=True)
    return ingest(still, workdir=d), ingest(clip, workdir=d)


def test_focus_keeps_an_off_centre_subject_in_a_vertical_frame(disc_sources, tmp_path):
    still, clip = disc_sources
    focus = (0.85, 0.5)
    segs = [
        VideoSegment(id="centre", start=0, duration=600, src=still.id),
        VideoSegment(id="static", start=600, duration=600, src=still.id, focus=focus),
        VideoSegment(id="zoom", start=1200, duration=900, src=still.id, focus=focus, motion=Motion.ZOOM_IN),
        VideoSegment(id="pan", start=2100, duration=900, src=still.id, focus=focus, motion=Motion.PAN_LEFT),
        VideoSegment(id="zoomout", start=3000, duration=900, src=still.id, focus=focus, motion=Motion.ZOOM_OUT),
        VideoSegment(id="clip", start=3900, duration=600, src=clip.id, focus=focus),
        VideoSegment(id="clip_centre", start=4500, duration=500, src=clip.id),
    ]
    tl = build(width=360, height=640, fps=15, duration=5000, assets=[still, clip],
               tracks=[Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(segs))])
    out = render(tl, tmp_path / "focus.mp4")
    info = verify(out)
    assert (info.width, info.height) == (360, 640)
    times = {"centre": 0.3, "static": 0.9, "zoom_a": 1.25, "zoom_b": 2.0, "pan_a": 2.15, "pan_b": 2.95,
             "zoomout_a": 3.05, "zoomout_b": 3.8, "clip": 4.2, "clip_centre": 4.8}
    frames = dict(zip(times, frames_at(out, list(times.values())), strict=True))
    disc_area = np.pi * (DISC[2] * 640 / 1080) ** 2  # the disc's size in the output
    for name, frame in frames.items():
        red = _red(frame)
        if name in ("centre", "clip_centre"):
            assert red.sum() < 20, name  # the centre crop loses the subject
            continue
        assert red.sum() > 0.8 * disc_area, (name, int(red.sum()), disc_area)  # whole disc in view
        ys, xs = np.nonzero(red)
        assert xs.min() > 2 and xs.max() < 357, name  # not cut by the frame's edges
        # and it is round: focus never stretches the picture
        assert (xs.max() - xs.min()) / (ys.max() - ys.min()) == pytest.approx(1.0, abs=0.08), name


# -- rotated phone clips -----------------------------------------------------------------------

RED, GREEN, BLUE = (220, 30, 30), (30, 200, 60), (40, 60, 210)


@pytest.fixture(scope="module")
def phone_clip(tmp_path_factory):
    """A 'portrait phone clip': 320x180 pixels stored landscape with a 90° clockwise display
    matrix (as phones write it), so it shows as 180x320. Stored: a red band on the left edge
    (-> the top once turned) and a green block at the top edge (-> the right side)."""
    d = tmp_path_factory.mktemp("phone")
    plain, rotated = d / "plain.mp4", d / "phone.mp4"
    pattern = ("color=c=0x283CD2:s=320x180:r=15:d=1.5,"
               "drawbox=x=0:y=0:w=60:h=180:color=0xDC1E1E:t=fill,"
               "drawbox=x=130:y=0:w=60:h=40:color=0x1EC83C:t=fill")
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", pattern, "-c:v", "libx264",
                    "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(plain)], check=True)
    # ffmpeg's display rotation is counter-clockwise: 270 ccw = 90 clockwise
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-display_rotation:v:0", "270", "-i", str(plain),
                    "-c", "copy", str(rotated)], check=True)
    asset = ingest(rotated, workdir=d)
    assert (asset.width, asset.height, asset.rotation) == (180, 320, 90)
    return asset


def _near(frame: np.ndarray, region, rgb, tol: float = 30) -> bool:
    mean = frame[region].reshape(-1, 3).mean(axis=0)
    return bool(np.abs(mean - np.array(rgb)).max() < tol)


def _render_phone(asset, tmp_path, w: int, h: int, **seg) -> np.ndarray:
    tl = build(width=w, height=h, fps=15, duration=1000, assets=[asset], tracks=[
        Track(id="m", kind=TrackKind.VIDEO, role=Role.MAIN, segments=(
            VideoSegment(id="p", start=0, duration=1000, src=asset.id, mute=True, **seg),))])
    out = render(tl, tmp_path / f"phone_{w}x{h}.mp4")
    info = verify(out)
    assert (info.width, info.height) == (w, h)
    return frames_at(out, [0.5])[0]


def test_rotated_clip_upright_in_vertical_frame(phone_clip, tmp_path):
    f = _render_phone(phone_clip, tmp_path, 360, 640)  # the same aspect: the whole picture, x2
    # stored left 60 of 320 px -> the top 60/320 of the height = 120 px here
    assert _near(f, np.s_[5:110, 20:340], RED)
    assert _near(f, np.s_[135:640, 20:250], BLUE)
    # stored top 40 px, x 130..190 -> right 40/180 of the width, rows 130..190 of 320
    assert _near(f, np.s_[275:370, 295:355], GREEN)
    assert _near(f, np.s_[275:370, 20:260], BLUE)
    # not stretched: the red band is exactly 120 px tall, the green block 80 px wide
    red_rows = np.nonzero(_red(f).mean(axis=1) > 0.5)[0]
    assert red_rows.min() <= 1 and red_rows.max() == pytest.approx(119, abs=3)
    green = (f[..., 1].astype(int) > 150) & (f[..., 0].astype(int) < 100)
    green_cols = np.nonzero(green.mean(axis=0) > 0.05)[0]
    assert green_cols.max() - green_cols.min() + 1 == pytest.approx(80, abs=4)
    assert green_cols.max() >= 356  # against the right edge


def test_rotated_clip_upright_in_landscape_frame(phone_clip, tmp_path):
    # contain: the whole upright picture, pillarboxed, 180x320 -> 202x360 (kept even)
    f = _render_phone(phone_clip, tmp_path, 640, 360, fit=Fit.CONTAIN)
    lit = f.astype(int).max(axis=2) > 40
    cols = np.nonzero(lit.mean(axis=0) > 0.5)[0]
    assert cols.max() - cols.min() + 1 == pytest.approx(360 * 180 / 320, abs=4)  # aspect kept
    assert abs((cols.min() + cols.max()) / 2 - 320) < 3
    left, right = cols.min(), cols.max()
    assert _near(f, np.s_[3:60, left + 5:right - 5], RED)  # the top of the picture at the top
    assert _near(f, np.s_[80:360, left + 5:left + 120], BLUE)
    assert _near(f, np.s_[150:200, right - 35:right - 5], GREEN)  # and its right side on the right
    # cover with the focus high up: the top band stays in a 16:9 crop of a portrait clip
    f = _render_phone(phone_clip, tmp_path, 640, 360, focus=(0.5, 0.05))
    assert _near(f, np.s_[5:200, 20:620], RED)
    assert _near(f, np.s_[230:360, 20:500], BLUE)


# -- anamorphic clips --------------------------------------------------------------------------


def test_anamorphic_clip_shown_with_its_pixel_aspect(tmp_path):
    """A clip stored 240x180 with 4:3 pixels (shown 320x180, as DV and some phones write it): a
    block stored 90x120 px is a square on screen, and stays one in the render (it came out 3/4
    as wide before: the sizes were fitted in stored pixels and the pixel aspect dropped)."""
    clip = tmp_path / "anamorphic.mp4"
    pattern = ("color=c=0x283CD2:s=240x180:r=15:d=1,"
               "drawbox=x=60:y=30:w=90:h=120:color=0xDC1E1E:t=fill,setsar=4/3")
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", pattern, "-c:v", "libx264",
                    "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(clip)], check=True)
    asset = ingest(clip, workdir=tmp_path)
    assert (asset.width, asset.height) == (320, 180)
    f = _render_phone(asset, tmp_path, 640, 360)  # the same aspect: the whole picture, x2
    red = _red(f)
    rows, cols = np.nonzero(red.mean(axis=1) > 0.2)[0], np.nonzero(red.mean(axis=0) > 0.2)[0]
    assert rows.max() - rows.min() + 1 == pytest.approx(240, abs=4)
    assert cols.max() - cols.min() + 1 == pytest.approx(240, abs=4)  # square, not 180 wide
    assert (cols.min() + cols.max()) / 2 == pytest.approx(280, abs=4)  # stored x 60..150 of 240
    assert _near(f, np.s_[20:340, 420:620], BLUE)
