from __future__ import annotations

import pytest

from reelforge.errors import MediaError, UnsupportedMedia
from reelforge.media import MediaInfo, probe

from .conftest import EXPECTED, sample


@pytest.mark.parametrize("ext", sorted(EXPECTED))
def test_probe_each_supported_format(samples_dir, ext):
    info = probe(sample(samples_dir, ext))
    kind, fmt, has_audio = EXPECTED[ext]
    assert isinstance(info, MediaInfo)
    assert (info.kind, info.format, info.has_audio) == (kind, fmt, has_audio)
    assert info.supported
    if kind == "video":
        assert (info.width, info.height) == (64, 48)
        assert 900 <= info.duration_ms <= 1200
        assert info.fps == pytest.approx(10, abs=0.5)
        assert info.video_codec and info.audio_codec
    elif kind == "image":
        assert (info.width, info.height, info.duration_ms, info.frames) == (50, 30, 0, 1)
    else:
        assert (info.width, info.height) == (0, 0)
        assert 900 <= info.duration_ms <= 1200
        assert info.sample_rate == 44100 and info.audio_codec


def test_mp3_codec_has_its_canonical_name(samples_dir):
    assert probe(samples_dir / "sound.mp3").audio_codec == "mp3"


@pytest.mark.parametrize("ext", ["gif", "webp"])
def test_animated_gif_and_webp_are_video(samples_dir, ext):
    info = probe(samples_dir / f"anim.{ext}")
    assert (info.kind, info.format, info.has_audio) == ("video", ext, False)
    assert info.frames == 10 and info.duration_ms == 1000 and info.fps == pytest.approx(10)


def test_portrait_video_display_size(samples_dir):
    info = probe(samples_dir / "portrait.mp4")
    assert info.rotation == 90
    assert (info.coded_width, info.coded_height) == (64, 48)
    assert (info.width, info.height) == (48, 64) and info.is_portrait


def test_video_without_sound(samples_dir):
    info = probe(samples_dir / "silent.mp4")
    assert info.kind == "video" and not info.has_audio and info.audio_codec == ""


def test_missing_and_empty(tmp_path):
    with pytest.raises(MediaError, match="missing.mp4: file not found"):
        probe(tmp_path / "missing.mp4")
    (tmp_path / "empty.wav").write_bytes(b"")
    with pytest.raises(UnsupportedMedia, match="empty"):
        probe(tmp_path / "empty.wav")


def _ac3(path):
    """A second of AC-3 (readable by FFmpeg, not a format reelforge takes)."""
    import subprocess

    from reelforge.media.ffmpeg import ffmpeg_exe

    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=440:d=1", "-c:a", "ac3",
                    "-f", "ac3", str(path)], check=True)
    return path


def test_unsupported_but_readable_content_is_named(tmp_path):
    info = probe(_ac3(tmp_path / "a.ac3"))
    assert info.format == "ac3" and info.kind == "audio" and not info.supported


@pytest.mark.parametrize(("name", "fmt"), [("a.ogg", "ogg"), ("a.opus", "ogg"), ("a.flac", "flac")])
def test_ogg_opus_and_flac_audio_are_read(tmp_path, name, fmt):
    # "slow70.ogg: ogg content is not supported": Vorbis from editors and sound libraries, Opus voice
    # notes and musicians' FLAC are read like the other audio
    from reelforge.media.samples import write_test_audio

    info = probe(write_test_audio(tmp_path / name, 1.0))
    assert (info.format, info.kind, info.supported) == (fmt, "audio", True)
    assert abs(info.duration_ms - 1000) <= 10


@pytest.mark.parametrize(("rotate", "size"), [(180, (64, 48)), (270, (48, 64))])
def test_other_rotations(tmp_path, rotate, size):
    from reelforge.media.samples import write_test_video

    info = probe(write_test_video(tmp_path / "r.mov", (64, 48), 0.5, 10, rotate=rotate, audio=False))
    assert info.rotation == rotate and (info.width, info.height) == size


def test_non_square_pixels_give_the_display_width(tmp_path):
    from reelforge.media.samples import _ffmpeg

    out = tmp_path / "anamorphic.mp4"
    _ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=64x48:r=10:d=0.5", "-vf", "setsar=2",
             "-c:v", "libx264", "-pix_fmt", "yuv420p", str(out)])
    info = probe(out)
    assert (info.width, info.height, info.coded_width, info.pixel_format) == (128, 48, 64, "yuv420p")


def test_webm_without_a_length_in_its_header(tmp_path):
    """Browser MediaRecorder / streamed WebM has no duration: it is measured from the data."""
    import subprocess

    from reelforge.media.ffmpeg import ffmpeg_exe

    out = tmp_path / "recorded.webm"
    with out.open("wb") as fh:
        subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=64x48:r=10:d=2",
                        "-f", "lavfi", "-i", "sine=d=2", "-c:v", "libvpx", "-deadline", "realtime",
                        "-c:a", "libopus", "-f", "webm", "pipe:1"], stdout=fh, check=True, timeout=60)
    info = probe(out)
    assert info.format == "webm" and info.has_audio and 1900 <= info.duration_ms <= 2100


def test_a_header_s_impossible_timing_is_refused(tmp_path):
    """A second of video whose header says 12 hours (0.001 fps) was taken as a 12-hour clip, and a
    4 KB WAV saying 1 Hz as 2,000 s of sound: a picture every 20 s and a 1 Hz rate are refused, a
    slideshow video of a picture every 2 s and 8 kHz telephone audio are not."""
    import subprocess
    import wave

    from reelforge.media.ffmpeg import ffmpeg_exe

    for name, rate in (("slow.mp4", "0.05"), ("slides.mp4", "0.5")):
        subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", f"color=red:s=64x64:r={rate}:d=60",
                        "-c:v", "libx264", "-pix_fmt", "yuv420p", str(tmp_path / name)], check=True)
    for name, hz in (("one.wav", 1), ("phone.wav", 8000)):
        with wave.open(str(tmp_path / name), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(hz)
            w.writeframes(b"\x00\x10" * 2000)
    with pytest.raises(UnsupportedMedia, match=r"slow.mp4: each picture of the video lasts 20 s \(0.05 fps\)"):
        probe(tmp_path / "slow.mp4")
    with pytest.raises(UnsupportedMedia, match=r"one.wav: the audio's sample rate is 1 Hz"):
        probe(tmp_path / "one.wav")
    assert probe(tmp_path / "slides.mp4").fps == 0.5
    assert probe(tmp_path / "phone.wav").duration_ms == 250


def test_audio_with_more_channels_than_can_be_mixed_is_refused(tmp_path):
    """A 5 KB WAV whose header says 255 channels (or a real 32-channel one) was taken, and every export of
    it failed in the worker ("chunk -1 failed: … Failed to set option"): refused, 12 and 16 channels are not."""
    import wave

    for name, n in (("many.wav", 32), ("odd.wav", 17), ("atmos.wav", 12), ("sixteen.wav", 16)):
        with wave.open(str(tmp_path / name), "wb") as w:
            w.setnchannels(n)
            w.setsampwidth(2)
            w.setframerate(8000)
            w.writeframes(b"\x00\x10" * n * 2000)
    for name in ("many.wav", "odd.wav"):
        with pytest.raises(UnsupportedMedia, match=rf"{name}: the audio has \d+ channels; at most 16"):
            probe(tmp_path / name)
    assert probe(tmp_path / "atmos.wav").channels == 12 and probe(tmp_path / "sixteen.wav").duration_ms == 250
