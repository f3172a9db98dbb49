from __future__ import annotations

import os
import subprocess

import pytest
from PIL import Image

from reelforge.errors import FileTooLarge, MediaError, UnsupportedMedia
from reelforge.media import MAX_FILE_BYTES, ingest, ingest_many
from reelforge.media.samples import write_test_image, write_test_video
from reelforge.timeline.model import Asset, AssetKind

from .conftest import EXPECTED, files_in, sample

SUPPORTED_TEXT = "Video: mp4, mov, avi, webm, mkv; Images: jpg, jpeg, png, gif, webp"


def _copy(src, dst):
    dst.write_bytes(src.read_bytes())
    return dst


# -- every format ------------------------------------------------------------------------------
@pytest.mark.parametrize("ext", sorted(EXPECTED))
def test_ingest_each_supported_format(samples_dir, tmp_path, ext):
    src = sample(samples_dir, ext)
    asset = ingest(src, workdir=tmp_path / "work")
    kind, fmt, has_audio = EXPECTED[ext]
    assert isinstance(asset, Asset)
    assert asset.kind is AssetKind(kind) and asset.format == fmt and asset.has_audio is has_audio
    assert asset.name == src.name and asset.path == str(src) and os.path.isabs(asset.path)
    assert asset.size_bytes == src.stat().st_size
    assert len(asset.id) == 12 and int(asset.id, 16) >= 0
    if kind == "image":
        assert (asset.width, asset.height, asset.duration_ms) == (50, 30, 0)
    elif kind == "video":
        assert (asset.width, asset.height) == (64, 48) and 900 <= asset.duration_ms <= 1200
    else:
        assert 900 <= asset.duration_ms <= 1200
    assert files_in(tmp_path / "work") == []  # nothing to rewrite


def test_id_is_content_hash_and_name_is_kept(samples_dir, tmp_path):
    a = ingest(samples_dir / "still.png")
    b = ingest(_copy(samples_dir / "still.png", tmp_path / "other name.png"), name="Logo.png")
    assert a.id == b.id and b.name == "Logo.png"
    import hashlib

    assert a.id == hashlib.sha256((samples_dir / "still.png").read_bytes()).hexdigest()[:12]


def test_png_named_jpg_is_accepted_by_content(samples_dir, tmp_path):
    asset = ingest(_copy(samples_dir / "still.png", tmp_path / "photo.jpg"))
    assert asset.kind is AssetKind.IMAGE and asset.format == "png"


@pytest.mark.parametrize("fname", ["clip", "clip.dat", "clip.upload"])
def test_unknown_or_missing_extension_accepted_by_content(samples_dir, tmp_path, fname):
    asset = ingest(_copy(samples_dir / "clip.mp4", tmp_path / fname))
    assert asset.kind is AssetKind.VIDEO and asset.format == "mp4" and asset.name == fname


def test_name_decides_the_extension_check(samples_dir, tmp_path):
    stored = _copy(samples_dir / "sound.mp3", tmp_path / "tmp123")
    assert ingest(stored, name="voice.mp3").name == "voice.mp3"
    with pytest.raises(UnsupportedMedia, match=r"^notes\.txt: "):
        ingest(stored, name="notes.txt")


# -- photos: orientation and size -------------------------------------------------------------
@pytest.mark.parametrize(("orientation", "corner"),
                         [(6, "top-right"), (8, "bottom-left"), (3, "bottom-right")])
def test_exif_rotated_photo_gets_an_upright_copy(tmp_path, orientation, corner):
    src = write_test_image(tmp_path / "phone.jpg", (80, 40), "#0000ff", orientation, marker="#ff0000")
    work = tmp_path / "work"
    asset = ingest(src, workdir=work)
    upright = (80, 40) if orientation == 3 else (40, 80)
    assert (asset.width, asset.height, asset.rotation) == (*upright, 0)
    assert asset.name == "phone.jpg" and asset.path != str(src)
    assert files_in(work) == [work / os.path.basename(asset.path)]
    with Image.open(asset.path) as im:
        assert im.size == upright
        assert im.getexif().get(0x0112, 1) == 1
        rgb = im.convert("RGB")
        w, h = upright
        where = {"top-right": (w - 3, 2), "bottom-left": (2, h - 3), "bottom-right": (w - 3, h - 3)}[corner]
        elsewhere = (2, 2)
        r, g, b = rgb.getpixel(where)
        assert r > 200 and b < 60, (corner, rgb.getpixel(where))
        r, g, b = rgb.getpixel(elsewhere)
        assert b > 200 and r < 60
    # again: the cached copy is reused, nothing new is written
    again = ingest(src, workdir=work)
    assert again == asset and len(files_in(work)) == 1


def test_default_workdir_is_next_to_the_file(tmp_path):
    src = write_test_image(tmp_path / "p.jpg", (20, 10), "red", 6)
    asset = ingest(src)
    assert os.path.dirname(asset.path) == str(tmp_path / ".reelforge")


def test_4000x3000_photo_is_kept_as_is(tmp_path):
    src = write_test_image(tmp_path / "camera.jpg", (4000, 3000), "#808080")
    work = tmp_path / "work"
    asset = ingest(src, workdir=work)
    assert (asset.kind, asset.width, asset.height) == (AssetKind.IMAGE, 4000, 3000)
    assert asset.path == str(src) and files_in(work) == []
    size = src.stat().st_size
    with pytest.raises(FileTooLarge) as err:
        ingest(src, workdir=work, max_bytes=size - 1)
    assert err.value.code == 4002 and "camera.jpg" in err.value.message
    assert ingest(src, max_bytes=size).width == 4000  # exactly at the limit is fine


def test_huge_photo_is_downscaled_once_to_3840(tmp_path):
    src = write_test_image(tmp_path / "pano.png", (5000, 1000), "#208040", 8)
    asset = ingest(src, workdir=tmp_path / "work")
    # EXIF 8 turns it portrait; the long side becomes 3840
    assert (asset.width, asset.height) == (768, 3840)
    with Image.open(asset.path) as im:
        assert im.size == (768, 3840) and im.format == "PNG"


# -- video rotation ----------------------------------------------------------------------------
def test_portrait_video_records_rotation(samples_dir):
    asset = ingest(samples_dir / "portrait.mp4")
    assert (asset.kind, asset.rotation, asset.width, asset.height) == (AssetKind.VIDEO, 90, 48, 64)


def test_animated_gif_is_a_video_asset(samples_dir):
    asset = ingest(samples_dir / "anim.gif")
    assert asset.kind is AssetKind.VIDEO and asset.duration_ms == 1000 and not asset.has_audio


# -- bad input ---------------------------------------------------------------------------------
def _assert_4001(err, fname):
    assert type(err) is UnsupportedMedia and err.code == 4001
    assert fname in err.message and SUPPORTED_TEXT in err.message


def test_empty_file(tmp_path):
    p = tmp_path / "empty.mp4"
    p.write_bytes(b"")
    with pytest.raises(UnsupportedMedia) as err:
        ingest(p, workdir=tmp_path / "work")
    _assert_4001(err.value, "empty.mp4")
    assert "empty" in err.value.message


def test_truncated_jpeg(tmp_path):
    good = write_test_image(tmp_path / "good.jpg", (300, 200), "#ff8800", 6, marker="#000000")
    data = good.read_bytes()
    bad = tmp_path / "cut.jpg"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnsupportedMedia) as err:
        ingest(bad, workdir=tmp_path / "work")
    _assert_4001(err.value, "cut.jpg")
    assert files_in(tmp_path / "work") == []


@pytest.mark.parametrize("faststart", [False, True])
def test_truncated_mp4(tmp_path, faststart):
    src = write_test_video(tmp_path / "src.mp4", (64, 48), seconds=2.0, fps=10)
    if faststart:
        from reelforge.media.samples import _ffmpeg

        _ffmpeg(["-i", str(src), "-c", "copy", "-movflags", "+faststart", str(tmp_path / "fs.mp4")])
        src = tmp_path / "fs.mp4"
    data = src.read_bytes()
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnsupportedMedia) as err:
        ingest(bad, workdir=tmp_path / "work")
    assert err.value.code == 4001 and "broken.mp4" in err.value.message


def test_text_renamed_jpg(tmp_path):
    p = tmp_path / "holiday.jpg"
    p.write_text("this is not a picture\n" * 20)
    with pytest.raises(UnsupportedMedia) as err:
        ingest(p, workdir=tmp_path / "work")
    _assert_4001(err.value, "holiday.jpg")


@pytest.mark.parametrize("fname", ["readme.txt", "setup.exe"])
def test_non_media_extension(samples_dir, tmp_path, fname):
    p = _copy(samples_dir / "still.png", tmp_path / fname)  # even real media is refused
    with pytest.raises(UnsupportedMedia) as err:
        ingest(p, workdir=tmp_path / "work")
    _assert_4001(err.value, fname)


def test_unsupported_content(tmp_path):
    from .test_media_probe import _ac3

    p = _ac3(tmp_path / "song.ac3")
    with pytest.raises(UnsupportedMedia) as err:
        ingest(p)
    _assert_4001(err.value, "song.ac3")
    bmp = write_test_image(tmp_path / "pic.bmp", (8, 8), "red")
    with pytest.raises(UnsupportedMedia, match="pic.bmp: bmp content is not supported"):
        ingest(bmp)


def test_missing_file(tmp_path):
    with pytest.raises(MediaError) as err:
        ingest(tmp_path / "gone.mov")
    assert err.value.code == 4001 and "gone.mov" in err.value.message
    assert "not found" in err.value.message


def test_oversized_small_limit(samples_dir, tmp_path):
    src = samples_dir / "clip.mp4"
    size = src.stat().st_size
    with pytest.raises(FileTooLarge) as err:
        ingest(src, workdir=tmp_path / "work", max_bytes=1000)
    msg = err.value.message
    assert err.value.code == 4002 and err.value.http_status == 413
    assert msg.startswith("clip.mp4: the file is too large")
    assert str(size) in msg and "the limit is 1000 bytes per file" in msg
    assert files_in(tmp_path / "work") == []


def test_oversized_default_limit_with_a_sparse_file(tmp_path):
    big = tmp_path / "huge.mp4"
    subprocess.run(["truncate", "-s", "501M", str(big)], check=True)
    assert big.stat().st_size == 501 * 1024**2 > MAX_FILE_BYTES
    with pytest.raises(FileTooLarge) as err:
        ingest(big, workdir=tmp_path / "work")
    assert err.value.code == 4002
    assert "huge.mp4" in err.value.message and "501 MB" in err.value.message
    assert "the limit is 500 MB per file" in err.value.message
    assert files_in(tmp_path / "work") == []


def test_only_reelforge_errors_leave(tmp_path):
    p = tmp_path / "x.mp4"
    p.write_bytes(os.urandom(4096))
    with pytest.raises(UnsupportedMedia):
        ingest(p)
    d = tmp_path / "dir.jpg"
    d.mkdir()
    with pytest.raises(MediaError):
        ingest(d)


# -- many --------------------------------------------------------------------------------------
def test_ingest_many_ok(samples_dir, tmp_path):
    assets = ingest_many([samples_dir / "clip.mp4", samples_dir / "sound.mp3", samples_dir / "still.jpg"],
                         workdir=tmp_path / "work")
    assert [a.kind for a in assets] == [AssetKind.VIDEO, AssetKind.AUDIO, AssetKind.IMAGE]


def test_ingest_many_reports_every_bad_file(samples_dir, tmp_path):
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    text = tmp_path / "fake.jpg"
    text.write_text("hello")
    rotated = write_test_image(tmp_path / "rot.jpg", (20, 10), "red", 6)
    big = tmp_path / "clip.mp4"
    subprocess.run(["truncate", "-s", "300K", str(big)], check=True)
    work = tmp_path / "work"
    paths = [big, empty, text, tmp_path / "missing.wav", rotated, samples_dir / "sound.mp3"]
    with pytest.raises(UnsupportedMedia) as err:
        ingest_many(paths, workdir=work, max_bytes=200 * 1024)
    msg = err.value.message
    assert err.value.code == 4001 and msg.startswith("4 of 6 files could not be added")
    for fname in ("clip.mp4", "empty.png", "fake.jpg", "missing.wav"):
        assert f"- {fname}: " in msg
    assert "rot.jpg" not in msg and "sound.mp3" not in msg
    assert SUPPORTED_TEXT in msg
    assert [n for n, _ in err.value.failures] == ["clip.mp4", "empty.png", "fake.jpg", "missing.wav"]
    assert isinstance(err.value.failures[0][1], FileTooLarge)
    assert files_in(work) == []  # all or nothing: the good rotated photo was not written


def test_ingest_many_all_too_large(samples_dir):
    with pytest.raises(FileTooLarge) as err:
        ingest_many([samples_dir / "clip.mp4", samples_dir / "clip.mov"], max_bytes=10)
    assert err.value.code == 4002 and "clip.mp4" in err.value.message and "clip.mov" in err.value.message


# -- content vs. name: more cases ----------------------------------------------------------------
def test_mp3_named_jpg_gets_a_well_named_link(samples_dir, tmp_path):
    from reelforge.media.ffmpeg import ffmpeg_exe

    src = _copy(samples_dir / "sound.mp3", tmp_path / "cover.jpg")
    work = tmp_path / "work"
    asset = ingest(src, workdir=work)
    assert (asset.kind, asset.format, asset.name) == (AssetKind.AUDIO, "mp3", "cover.jpg")
    assert asset.path == str(work / f"{asset.id}.mp3")
    assert open(asset.path, "rb").read() == src.read_bytes()
    # the renderer's ffmpeg, given the asset path, picks the right reader
    run = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", asset.path, "-f", "null", "-"],
                         capture_output=True, timeout=30)
    assert run.returncode == 0, run.stderr


def test_jpeg_named_mp4_is_an_image(samples_dir, tmp_path):
    asset = ingest(_copy(samples_dir / "still.jpg", tmp_path / "clip.mp4"), workdir=tmp_path / "w")
    assert (asset.kind, asset.format, asset.width) == (AssetKind.IMAGE, "jpeg", 50)
    assert asset.path == str(tmp_path / "clip.mp4")


def test_upper_case_extension(samples_dir, tmp_path):
    asset = ingest(_copy(samples_dir / "still.webp", tmp_path / "SHOT.WEBP"))
    assert asset.format == "webp" and asset.name == "SHOT.WEBP"


@pytest.mark.parametrize("ext", ["mp3", "m4a"])
def test_cover_art_does_not_make_audio_a_video(samples_dir, tmp_path, ext):
    from reelforge.media.samples import _ffmpeg

    cover = write_test_image(tmp_path / "cover.jpg", (32, 32), "red")
    out = tmp_path / f"with-cover.{ext}"
    _ffmpeg(["-i", str(samples_dir / f"sound.{ext}"), "-i", str(cover), "-map", "0", "-map", "1",
             "-c", "copy", "-disposition:v:0", "attached_pic", str(out)])
    asset = ingest(out)
    assert (asset.kind, asset.format, asset.width, asset.has_audio) == (AssetKind.AUDIO, ext, 0, True)


def test_rotated_webp_with_alpha_keeps_transparency(tmp_path):
    src = tmp_path / "sticker.webp"
    im = Image.new("RGBA", (40, 20), (255, 0, 0, 0))
    im.paste((0, 255, 0, 255), (0, 0, 10, 5))
    exif = Image.Exif()
    exif[0x0112] = 6
    im.save(src, "WEBP", lossless=True, exif=exif.tobytes())
    asset = ingest(src, workdir=tmp_path / "work")
    assert (asset.width, asset.height, asset.format) == (20, 40, "png")
    with Image.open(asset.path) as out:
        assert out.mode == "RGBA" and out.getpixel((0, 0))[3] == 0
        assert out.getpixel((17, 2)) == (0, 255, 0, 255)  # top-left went to the top-right


def test_very_wide_jpeg_takes_the_fast_draft_path(tmp_path):
    src = write_test_image(tmp_path / "strip.jpg", (9000, 300), "#a0a0a0", marker="#ff0000")
    asset = ingest(src, workdir=tmp_path / "work")
    assert (asset.width, asset.height, asset.format) == (3840, 128, "jpeg")
    with Image.open(asset.path) as im:
        r, g, b = im.convert("RGB").getpixel((10, 10))
        assert r > 200 and g < 80


@pytest.mark.parametrize("ext", ["mkv", "webm", "mov", "avi", "mp3", "m4a"])
def test_truncated_files_of_other_formats(tmp_path, ext):
    from reelforge.media.samples import write_test_audio

    if ext in ("mp3", "m4a"):
        src = write_test_audio(tmp_path / f"src.{ext}", 4.0, kind="speech")
    else:
        src = write_test_video(tmp_path / f"src.{ext}", (64, 48), seconds=4.0, fps=10)
    assert ingest(src).duration_ms >= 3900  # the whole file is fine
    data = src.read_bytes()
    bad = tmp_path / f"half.{ext}"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnsupportedMedia) as err:
        ingest(bad, workdir=tmp_path / "work")
    assert err.value.code == 4001 and f"half.{ext}" in err.value.message


def test_ingest_many_single_bad_file_keeps_its_own_error(tmp_path):
    with pytest.raises(MediaError) as err:
        ingest_many([tmp_path / "nope.mp3"])
    assert err.value.message == "nope.mp3: file not found"
    assert [n for n, _ in err.value.failures] == ["nope.mp3"]


@pytest.mark.parametrize(("size", "fmt"), [((1, 1), "PNG"), ((1, 9), "JPEG"), ((9, 1), "GIF"), ((1, 1), "WEBP")])
def test_a_picture_one_pixel_thin_is_refused_with_its_size(tmp_path, size, fmt):
    # a 1x1 tracking pixel was accepted, and every export of it failed with ffmpeg's own words
    # ("Nothing was written into output file…"): a 1 px side cannot be zoomed or panned
    p = tmp_path / f"thin.{fmt.lower()}"
    Image.new("RGB", size, (200, 30, 30)).save(p, fmt)
    with pytest.raises(UnsupportedMedia) as err:
        ingest(p, workdir=tmp_path)
    assert err.value.message == (f"{p.name}: the picture is {size[0]}x{size[1]} px, too small to show "
                                 "(at least 2 px each way)")
    two = tmp_path / "two.png"
    Image.new("RGB", (2, 2), (200, 30, 30)).save(two)
    assert (ingest(two, workdir=tmp_path).width, ingest(two, workdir=tmp_path).height) == (2, 2)
