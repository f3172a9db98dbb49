"""Pixel limits: sizes are read from headers and refused before any decoding."""

from __future__ import annotations

import pytest

from reelforge.errors import UnsupportedMedia
from reelforge.media import ingest, write_test_image
from reelforge.media.limits import PixelLimits
from reelforge.media.probe import probe

from .._bombs import jpeg_declaring, write_gray_jpeg, write_mjpeg_mp4, write_png
from .._procs import reset_peak_rss, rss_mb


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    d = tmp_path_factory.mktemp("bombs")
    (d / "declared.jpg").write_bytes(jpeg_declaring(13000, 13000))
    write_png(d / "huge.png", 12000, 12000)
    write_gray_jpeg(d / "gray16k.jpg", 16000, 16000)
    write_mjpeg_mp4(d / "gray16k.mp4", d / "gray16k.jpg")
    return d


@pytest.mark.parametrize("name, says", [
    ("declared.jpg", "13000x13000 (169 megapixels); the limit is 50 megapixels"),
    ("huge.png", "12000x12000 (144 megapixels); the limit is 50 megapixels"),
    # past twice Pillow's own limit it refuses before the size is read: its pixel count is used
    # (the message said "larger than 178.9 megapixels", Pillow's threshold, not the picture's size)
    ("gray16k.jpg", "the picture is 256 megapixels; the limit is 50 megapixels"),
    ("gray16k.mp4", "within the limit of 35.4 megapixels"),
])
def test_pixel_bombs_refused_before_decoding(bombs, name, says):
    reset_peak_rss()
    before = rss_mb()
    with pytest.raises(UnsupportedMedia) as err:
        ingest(bombs / name, workdir=bombs / "work")
    assert err.value.code == 4001
    assert says in err.value.message, err.value.message
    # decoding any of these would take 250-430 MB; the peak of this process barely moves
    assert rss_mb(field="VmHWM") - before < 100


def test_limits_are_settings(tmp_path):
    """A picture just over a configured cap is refused, one under it is read."""
    write_test_image(tmp_path / "p.jpg", size=(640, 480))
    assert probe(tmp_path / "p.jpg", limits=PixelLimits(image=640 * 480)).width == 640
    with pytest.raises(UnsupportedMedia, match="640x480 .* the limit is 0.3 megapixels"):
        probe(tmp_path / "p.jpg", limits=PixelLimits(image=640 * 480 - 1))


def test_video_over_8k_refused_from_its_header(tmp_path):
    """A real (decodable) MJPEG clip 8320 px wide: refused by the side limit, with its size."""
    write_gray_jpeg(tmp_path / "wide.jpg", 8320, 64)
    write_mjpeg_mp4(tmp_path / "wide.mp4", tmp_path / "wide.jpg")
    with pytest.raises(UnsupportedMedia, match=r"8320x64 .* no side over 8192 px"):
        probe(tmp_path / "wide.mp4")
    write_gray_jpeg(tmp_path / "ok.jpg", 8192, 64)
    write_mjpeg_mp4(tmp_path / "ok.mp4", tmp_path / "ok.jpg")
    info = probe(tmp_path / "ok.mp4")
    assert (info.kind, info.width, info.height) == ("video", 8192, 64)


def test_h264_frame_size_read_from_the_stream_header(tmp_path):
    """An H.264 MP4 8320 px wide (cheap: 16 px high) is refused from its parameter set, with
    the size in the message; 8192 px wide is read."""
    import subprocess

    from reelforge.media.ffmpeg import ffmpeg_exe

    for w in (8320, 8192):
        subprocess.run([ffmpeg_exe(), "-y", "-v", "error", "-f", "lavfi", "-i",
                        f"color=c=gray:s={w}x16:r=5", "-t", "1", "-c:v", "libx264", "-preset",
                        "ultrafast", "-pix_fmt", "yuv420p", str(tmp_path / f"w{w}.mp4")],
                       check=True, stdin=subprocess.DEVNULL)
    with pytest.raises(UnsupportedMedia, match=r"8320x16 .* no side over 8192 px"):
        probe(tmp_path / "w8320.mp4")
    info = probe(tmp_path / "w8192.mp4")
    assert (info.video_codec, info.width, info.height) == ("h264", 8192, 16)
