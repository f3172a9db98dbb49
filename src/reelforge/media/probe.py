"""Probe a media file by decoding it (PyAV for containers/codecs, Pillow for photos).

`probe(path)` opens the file with PyAV, decodes at least one frame of each stream it reports
(so a damaged file fails here rather than in the render), and for still-image containers also
fully decodes the picture with Pillow (which catches truncated JPEGs that FFmpeg's decoder
would silently conceal) and reads its EXIF orientation.

Kind is decided from the content, never from the file name:

- an image container holding one frame (JPEG, PNG, single-frame GIF/WebP) -> ``"image"``
- an animated GIF / WebP / APNG, or any container with a (non cover-art) video stream -> ``"video"``
- audio streams only -> ``"audio"``

``width``/``height`` are the *displayed* size: the display matrix of a video stream (phone
portrait clips), a non-square sample aspect ratio, or the EXIF orientation of a photo is
applied (``coded_width``/``coded_height`` keep the stored pixel size). ``rotation`` is in clockwise
degrees (0/90/180/270) the stored picture must be turned to display upright — the same sense
as the legacy ``rotate`` tag; ffmpeg's CLI applies it by itself (autorotate) when decoding.

Pixel bombs: the picture or frame size is read from headers first and refused above the
`reelforge.media.limits` caps (4001), and every FFmpeg decoder opens with ``max_pixels`` set, so
probing never allocates more than the cap allows (see that module).

Only `reelforge.errors` types leave this module.
"""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass
from pathlib import Path

from reelforge.errors import MediaError, UnsupportedMedia, reason
from reelforge.media.formats import SUPPORTED_FORMATS, kind_of_format, supported_list
from reelforge.media.limits import (
    DEFAULT,
    DOWNSCALE_ABOVE,
    PixelLimits,
    av_options,
    check_animation,
    check_picture_side,
    check_video_size,
    decode_slot,
    image_too_large,
    picture_frames,
    picture_header,
    video_size_unknown,
)

# demuxers that hold still pictures (one picture per file, or an animation)
_IMAGE_DEMUXERS = {"image2", "gif", "apng", "webp", "image2pipe"}
# Pillow format name -> our format family
_PIL_FORMAT = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# EXIF orientation -> clockwise degrees to turn the stored picture upright
_EXIF_ROTATION = {1: 0, 2: 0, 3: 180, 4: 180, 5: 90, 6: 90, 7: 270, 8: 270}
_PIL_PIX_FMT = {"RGB": "rgb24", "RGBA": "rgba", "L": "gray", "LA": "ya8", "P": "pal8",
                "CMYK": "cmyk", "YCbCr": "yuv444p", "1": "monob", "I;16": "gray16"}
_WEBM_CODECS = {"vp8", "vp9", "av1", "opus", "vorbis"}
_MAX_PACKETS = 2000  # packets read while looking for the first decodable frame of each stream


@dataclass(frozen=True)
class MediaInfo:
    """What probing found. Sizes are as displayed (rotation / EXIF orientation applied)."""

    path: str
    format: str
    """Format family: one of ``SUPPORTED_FORMATS`` (``"mp4"``, ``"jpeg"``...) or the
    demuxer's/Pillow's name for something readable but unsupported (``"ogg"``, ``"bmp"``)."""
    kind: str
    """``"image"``, ``"video"`` or ``"audio"``."""
    width: int = 0
    height: int = 0
    duration_ms: int = 0
    fps: float = 0.0
    has_audio: bool = False
    has_video: bool = False
    rotation: int = 0
    video_codec: str = ""
    audio_codec: str = ""
    container: str = ""
    """The demuxer's name as FFmpeg reports it (``"mov,mp4,m4a,3gp,3g2,mj2"``)."""
    size_bytes: int = 0
    coded_width: int = 0
    coded_height: int = 0
    exif_orientation: int = 1
    """EXIF orientation tag of a photo (1 = upright, 6 = turn 90° clockwise, 8 = 270°...)."""
    frames: int = 0
    """Frames in an image file (1 for a still; >1 for an animation); 0 for other media."""
    sample_rate: int = 0
    channels: int = 0
    bit_rate: int = 0
    pixel_format: str = ""
    """Pixel format of the first decoded picture (``"yuv420p"``, ``"rgb24"``...)."""
    misnamed: bool = False
    """The file name misleads FFmpeg (e.g. MP3 bytes named ``.jpg``): opening the path by
    name picks the wrong reader, so the content was probed on its own. Ingest then points the
    asset at a correctly named link."""

    @property
    def supported(self) -> bool:
        return self.format in SUPPORTED_FORMATS and kind_of_format(self.format) is not None

    @property
    def is_portrait(self) -> bool:
        return self.height > self.width


def probe(path: str | Path, *, limits: PixelLimits | None = None) -> MediaInfo:
    """Decode enough of ``path`` to describe it. Raises `UnsupportedMedia` when the content
    cannot be read as media or is larger than ``limits`` (default: `limits.DEFAULT`),
    `MediaError` when the file does not exist."""
    p = Path(path)
    label = p.name
    try:
        if not p.is_file():
            raise MediaError(f"{label}: file not found")
        size = p.stat().st_size
    except OSError as exc:
        raise MediaError(f"{label}: cannot be read ({exc.strerror or exc})") from exc
    if size == 0:
        raise UnsupportedMedia(f"{label}: the file is empty. Supported formats: {supported_list()}")
    try:
        return _probe(p, size, limits or DEFAULT)
    except MediaError:
        raise
    except Exception as exc:  # PyAV / Pillow / OS errors of any shape
        raise UnsupportedMedia(
            f"{label}: not a readable media file ({_reason(exc)}). Supported formats: {supported_list()}"
        ) from exc


def _reason(exc: BaseException) -> str:
    # FFmpeg errors carry the file path and an errno in str(); the plain reason is enough
    text = (getattr(exc, "strerror", None) or str(exc)).strip() or type(exc).__name__
    return text if len(text) < 160 else text[:157] + "..."


def _probe(p: Path, size: int, limits: PixelLimits) -> MediaInfo:
    import av

    header = picture_header(p, p.name, limits)  # before any decoder sees the pixels
    if header is not None and header[2] == 1 and max(header[:2]) > DOWNSCALE_ABOVE:
        # A large still: ingest renders from its own downscaled copy, written by Pillow, so
        # Pillow alone checks it; FFmpeg would decode all of it once more just to open it.
        info = _probe_with_pillow(p, size, container_name="", limits=limits)
        if info is not None and info.kind == "image":
            return info
    options = av_options(limits, opening=True)
    try:
        container = av.open(str(p), metadata_errors="ignore", options=options)
    except Exception as exc:
        # not a container FFmpeg knows; Pillow may still read a picture (rare formats)
        info = _probe_with_pillow(p, size, container_name="", limits=limits)
        if info is not None:
            return info
        raise UnsupportedMedia(
            f"{p.name}: not a readable media file ({_reason(exc)}). Supported formats: {supported_list()}"
        ) from exc
    with container:
        if not _is_image_demuxer(container.format.name):
            return _probe_av(p, size, container, limits)
        try:
            return _probe_image(p, size, container, limits)
        except UnsupportedMedia as first_error:
            image_error = first_error
    # FFmpeg picked its image reader from the file name (``.jpg``) but the bytes are not a
    # picture: look again by content alone (a file object carries no name to go by).
    with p.open("rb") as fh:
        try:
            container = av.open(_Unnamed(fh), metadata_errors="ignore", options=options)
        except Exception:
            raise image_error from None
        with container:
            if _is_image_demuxer(container.format.name):
                raise image_error
            return dataclasses.replace(_probe_av(p, size, container, limits), misnamed=True)


class _Unnamed:
    """A file object without a ``name``, so FFmpeg probes the bytes, not the file name."""

    def __init__(self, fh) -> None:
        self._fh = fh

    def read(self, n: int = -1) -> bytes:
        return self._fh.read(n)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()

    def seekable(self) -> bool:
        return True


def _is_image_demuxer(demuxer: str) -> bool:
    names = set(demuxer.split(","))
    return bool(names & _IMAGE_DEMUXERS) or any(n.endswith("_pipe") for n in names)


# -- still images and animations ---------------------------------------------------------------
def _probe_image(p: Path, size: int, container, limits: PixelLimits) -> MediaInfo:
    """Image containers: Pillow decodes the whole picture (every frame of an animation) and
    reads EXIF; PyAV's decoder is the fallback for pictures Pillow does not know."""
    demuxer = container.format.name
    info = _probe_with_pillow(p, size, container_name=demuxer, limits=limits)
    if info is not None:
        return info
    stream = container.streams.video[0] if container.streams.video else None
    av_frame = None
    if stream is not None:
        try:
            stream.codec_context.options = av_options(limits)
            for frame in container.decode(stream):
                av_frame = frame
                break
        except Exception:
            av_frame = None
    if av_frame is None:
        raise UnsupportedMedia(
            f"{p.name}: the picture cannot be decoded (damaged, not an image, or larger than "
            f"{limits.image / 1e6:g} megapixels). Supported formats: {supported_list()}"
        )
    if av_frame.width * av_frame.height > limits.image:
        raise image_too_large(p.name, av_frame.width, av_frame.height, limits)
    check_picture_side(p.name, av_frame.width, av_frame.height)
    codec = _codec_name(stream)
    fmt = {"mjpeg": "jpeg"}.get(codec, codec)
    return MediaInfo(
        path=str(p), format=fmt, kind="image", width=av_frame.width, height=av_frame.height,
        has_video=True, video_codec=codec, container=demuxer, size_bytes=size,
        coded_width=av_frame.width, coded_height=av_frame.height, frames=1,
        pixel_format=_pix_fmt(av_frame),
    )


def _probe_with_pillow(p: Path, size: int, *, container_name: str,
                       limits: PixelLimits = DEFAULT) -> MediaInfo | None:
    """Fully decode a picture with Pillow; None when Pillow does not know the format.

    Raises `UnsupportedMedia` when Pillow knows the format but the data is damaged or the
    picture is larger than the limits (checked before decoding). A JPEG is decoded at 1/8
    scale (every byte is still read, so truncation shows; the memory is 1/64th)."""
    from PIL import Image, UnidentifiedImageError

    try:
        im = Image.open(p)
    except UnidentifiedImageError:
        return None
    with im, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DecompressionBombWarning, EXIF warnings
        fmt = _PIL_FORMAT.get(im.format or "", (im.format or "image").lower())
        try:
            frames = picture_frames(im, p, limits.animation_frames)
            orientation = 1
            try:
                if not _exif_needs_decode(im):
                    orientation = int(im.getexif().get(0x0112, 1) or 1)
            except Exception:
                orientation = 1
            if orientation not in _EXIF_ROTATION:
                orientation = 1
            coded_w, coded_h = im.size
            check_picture_side(p.name, coded_w, coded_h)
            if frames > 1:
                check_animation(p.name, coded_w, coded_h, frames, limits)
            elif coded_w * coded_h > limits.image:
                raise image_too_large(p.name, coded_w, coded_h, limits)
            pix_fmt = _PIL_PIX_FMT.get(im.mode, im.mode.lower())
            duration_ms = 0
            if frames > 1:
                with decode_slot(frames * coded_w * coded_h):
                    for i in range(frames):
                        im.seek(i)
                        im.load()
                        duration_ms += int(im.info.get("duration", 100) or 100)
            else:
                _verify_still(im, coded_w, coded_h)
        except Image.DecompressionBombError as exc:
            raise UnsupportedMedia(f"{p.name}: the picture is too large to decode safely ({reason(exc)})") from exc
        except UnsupportedMedia:
            raise  # (a ValueError too: said as it is, not as a damaged file)
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise UnsupportedMedia(
                f"{p.name}: the picture is damaged or truncated ({_reason(exc)}). "
                f"Supported formats: {supported_list()}"
            ) from exc
    rotation = _EXIF_ROTATION[orientation] if frames == 1 else 0
    w, h = (coded_h, coded_w) if rotation in (90, 270) else (coded_w, coded_h)
    animated = frames > 1
    codec = {"jpeg": "mjpeg"}.get(fmt, fmt)
    return MediaInfo(
        path=str(p), format=fmt, kind="video" if animated else "image", width=w, height=h,
        duration_ms=duration_ms if animated else 0,
        fps=round(frames * 1000 / duration_ms, 3) if animated and duration_ms else 0.0,
        has_video=True, rotation=rotation, video_codec=codec,
        container=container_name or fmt, size_bytes=size, coded_width=coded_w,
        coded_height=coded_h, exif_orientation=orientation if not animated else 1, frames=frames,
        pixel_format=pix_fmt,
    )


def _exif_needs_decode(im) -> bool:
    """True for a large PNG whose EXIF (if any) comes after the pixels: Pillow would decode the
    whole picture to look for it. Read as upright instead (an eXIf chunk belongs before IDAT)."""
    return im.format == "PNG" and "exif" not in im.info and max(im.size) > DOWNSCALE_ABOVE


def _verify_still(im, width: int, height: int) -> None:
    """Read every byte of a still picture, at the least memory: a JPEG is decoded at 1/8 scale
    (1/64th of the memory); a PNG too large to keep as it is only has its chunks checked (CRCs,
    through IEND: truncation shows), since ingest decodes it once anyway, for its downscaled
    copy; anything else is decoded, one large decode at a time in the process."""
    if im.format == "JPEG":
        im.draft(im.mode, (max(1, width // 8), max(1, height // 8)))
        with decode_slot(width * height // 64):
            im.load()
    elif im.format == "PNG" and max(width, height) > DOWNSCALE_ABOVE:
        im.verify()
    else:
        with decode_slot(width * height):
            im.load()


# -- audio/video containers --------------------------------------------------------------------
def _is_cover_art(stream) -> bool:
    import av

    try:
        return bool(stream.disposition & av.stream.Disposition.attached_pic)
    except Exception:
        return False


MIN_FPS = 0.1  # a slideshow video of a picture every 10 s is one; a picture an hour is a header's lie
MIN_SAMPLE_RATE = 4000  # telephone audio is 8 kHz
MAX_AUDIO_CHANNELS = 16  # 7.1.4 is 12; past 16 FFmpeg's resampler has no layout for some counts (17, 32: the render failed)


def _probe_av(p: Path, size: int, container, limits: PixelLimits) -> MediaInfo:
    demuxer = container.format.name
    videos = [s for s in container.streams.video if not _is_cover_art(s)]
    audios = list(container.streams.audio)
    if not videos and not audios:
        raise UnsupportedMedia(
            f"{p.name}: no picture or sound found in the file. Supported formats: {supported_list()}"
        )
    v = videos[0] if videos else None
    a = audios[0] if audios else None
    declared = (0, 0)
    if v is not None:
        declared = (int(v.codec_context.width or 0), int(v.codec_context.height or 0))
        if all(declared):
            check_video_size(p.name, *declared, limits)  # before decoding a frame
        v.codec_context.options = av_options(limits)

    first = _first_frames(container, [s for s in (v, a) if s is not None])
    if v is not None and first.get(v.index) is None:
        if not all(declared):
            raise video_size_unknown(p.name, limits)
        raise UnsupportedMedia(f"{p.name}: the video cannot be decoded (damaged or truncated)")
    if v is not None:
        check_video_size(p.name, first[v.index].width, first[v.index].height, limits)
    if a is not None and first.get(a.index) is None and v is None:
        raise UnsupportedMedia(f"{p.name}: the audio cannot be decoded (damaged or truncated)")
    has_audio = a is not None and first.get(a.index) is not None
    _check_not_truncated(p, size, [s for s in (v, a) if s is not None])

    duration_ms = _duration_ms(container, [s for s in (v, a) if s is not None])
    if "aac" in demuxer.split(",") and a is not None:
        # raw ADTS carries no length; FFmpeg's bitrate guess is off by ~10%: count the frames
        duration_ms = _counted_duration_ms(container, a) or duration_ms
    if duration_ms <= 0:
        # no length in the header (browser MediaRecorder WebM, streamed MKV): read it all
        duration_ms = _scanned_duration_ms(container, [s for s in (v, a) if s is not None])
        if duration_ms <= 0:
            raise UnsupportedMedia(f"{p.name}: the media has no length (damaged or truncated)")
    elif "avi" in demuxer.split(",") and v is not None and v.frames and v.average_rate:
        # AVI headers count the frames; FFmpeg's duration is what the data really holds
        announced = int(v.frames / float(v.average_rate) * 1000)
        if announced - duration_ms > max(1000, announced // 4):
            raise UnsupportedMedia(
                f"{p.name}: the file is truncated (it should last {announced / 1000:.1f} s, "
                f"the data stops at {duration_ms / 1000:.1f} s)"
            )
    last_ms = _last_packet_end_ms(container, [s for s in (v, a) if s is not None], duration_ms)
    if last_ms is not None and duration_ms - last_ms > max(1000, duration_ms // 4):
        raise UnsupportedMedia(
            f"{p.name}: the file is truncated (it should last {duration_ms / 1000:.1f} s, "
            f"the data stops at {last_ms / 1000:.1f} s)"
        )

    vcodec = _codec_name(v) if v is not None else ""
    acodec = _codec_name(a) if a is not None else ""
    fmt = _family(demuxer, container, p, has_video=v is not None, codecs={vcodec, acodec} - {""})

    width = height = coded_w = coded_h = rotation = 0
    fps = 0.0
    if v is not None:
        frame = first[v.index]
        coded_w, coded_h = frame.width, frame.height
        rotation = _rotation(frame)
        shown_w = _apply_sar(coded_w, frame, v)  # anamorphic sources (DV, some phones' slow-mo)
        width, height = (coded_h, shown_w) if rotation in (90, 270) else (shown_w, coded_h)
        rate = v.average_rate or v.guessed_rate or v.base_rate
        fps = round(float(rate), 3) if rate else 0.0
        fastest = max((float(r) for r in (v.average_rate, v.guessed_rate, v.base_rate) if r), default=0.0)
        if 0 < fastest < MIN_FPS:  # (a 14 KB second of video whose header says 12 hours: 0.001 fps;
            # a variable rate screen recording of a still screen has a base rate of its own)
            raise UnsupportedMedia(f"{p.name}: each picture of the video lasts {1 / fastest:.0f} s ({fastest:.3g} fps); "
                                   f"a video needs at least {MIN_FPS:g} fps (damaged, or not a video)")
    sample_rate = channels = 0
    if a is not None:
        sample_rate = int(a.codec_context.sample_rate or 0)
        channels = int(getattr(a.codec_context, "channels", 0) or 0)
        if 0 < sample_rate < MIN_SAMPLE_RATE:  # (a 4 KB WAV whose header says 1 Hz: 2,000 s of "sound")
            raise UnsupportedMedia(f"{p.name}: the audio's sample rate is {sample_rate} Hz; at least "
                                   f"{MIN_SAMPLE_RATE} Hz is sound (damaged, or not audio)")
        if channels > MAX_AUDIO_CHANNELS:  # (a 5 KB WAV saying 255 channels was taken, and no export of it rendered)
            raise UnsupportedMedia(f"{p.name}: the audio has {channels} channels; at most {MAX_AUDIO_CHANNELS} can be "
                                   "mixed (damaged, or not a sound track)")
    return MediaInfo(
        path=str(p), format=fmt, kind="video" if v is not None else "audio", width=width,
        height=height, duration_ms=duration_ms, fps=fps, has_audio=has_audio,
        has_video=v is not None, rotation=rotation, video_codec=vcodec, audio_codec=acodec,
        container=demuxer, size_bytes=size, coded_width=coded_w, coded_height=coded_h,
        sample_rate=sample_rate, channels=channels, bit_rate=int(container.bit_rate or 0),
        pixel_format=_pix_fmt(first[v.index]) if v is not None else "",
    )


def _pix_fmt(frame) -> str:
    try:
        return str(frame.format.name)
    except Exception:
        return ""


def _codec_name(stream) -> str:
    """The codec's canonical name (``"mp3"``, not the decoder's ``"mp3float"``)."""
    try:
        return str(stream.codec_context.codec.canonical_name or stream.codec_context.name)
    except Exception:
        return str(stream.codec_context.name)


def _first_frames(container, streams) -> dict:
    """Decode until every stream gave one frame (or the packet budget runs out)."""
    found: dict = {s.index: None for s in streams}
    seen = 0
    try:
        for packet in container.demux(streams):
            seen += 1
            idx = packet.stream.index
            if found.get(idx) is None:
                try:
                    frames = packet.decode()
                except Exception:
                    frames = []
                if frames:
                    found[idx] = frames[0]
            if all(f is not None for f in found.values()) or seen >= _MAX_PACKETS:
                break
        else:
            # end of file: flush decoders that buffer (B-frames, tiny clips)
            for s in streams:
                if found[s.index] is None:
                    try:
                        frames = s.codec_context.decode(None)
                    except Exception:
                        frames = []
                    if frames:
                        found[s.index] = frames[0]
    except Exception:
        pass  # a read error mid-way: whatever was found stays; missing frames are reported
    return found


def _check_not_truncated(p: Path, size: int, streams) -> None:
    """Where the container has an index (mp4/mov, avi, mkv cues), it must fit in the file."""
    end = 0
    for s in streams:
        try:
            entries = s.index_entries
            n = len(entries)
            if n:
                last = entries[n - 1]
                end = max(end, int(last.pos) + max(int(last.size), 0))
        except Exception:
            continue
    if end > size:
        raise UnsupportedMedia(
            f"{p.name}: the file is truncated (its index points {end - size} bytes past the end)"
        )


def _last_packet_end_ms(container, streams, duration_ms: int) -> int | None:
    """Seek near the announced end and read what is there: where the data really stops
    (ms from the start), or None when that cannot be told (no timestamps, seek refused)."""
    start_us = container.start_time if container.start_time not in (None, 0) else 0
    target_us = start_us + max(0, duration_ms - 2000) * 1000
    try:
        container.seek(target_us, backward=True, any_frame=False)
    except Exception:
        return None
    end = None
    seen = 0
    try:
        for packet in container.demux(streams):
            seen += 1
            if packet.pts is not None and packet.time_base is not None:
                t = float((packet.pts + (packet.duration or 0)) * packet.time_base)
                end = t if end is None else max(end, t)
            if seen > 20000:
                return None
    except Exception:
        pass  # a read error near the end: what was read before counts
    if seen == 0:
        return 0  # nothing at all past the seek point: the data ends before it
    if end is None:
        return None
    return int(round(end * 1000 - start_us / 1000))


def _scanned_duration_ms(container, streams) -> int:
    """Where the data ends, read packet by packet from the start (ms)."""
    try:
        container.seek(0, backward=True, any_frame=True)
    except Exception:
        pass
    start = end = None
    try:
        for packet in container.demux(streams):
            if packet.pts is None or packet.time_base is None:
                continue
            t0 = float(packet.pts * packet.time_base)
            t1 = float((packet.pts + (packet.duration or 0)) * packet.time_base)
            start = t0 if start is None else min(start, t0)
            end = t1 if end is None else max(end, t1)
    except Exception:
        pass  # damaged tail: what was read counts
    if start is None or end is None:
        return 0
    return int(round((end - start) * 1000))


def _counted_duration_ms(container, stream) -> int:
    try:
        container.seek(0, backward=True, any_frame=True, stream=stream)
        total = 0
        for packet in container.demux(stream):
            if packet.duration and packet.time_base is not None:
                total += packet.duration
        return int(round(float(total * stream.time_base) * 1000)) if total else 0
    except Exception:
        return 0


def _duration_ms(container, streams) -> int:
    if container.duration and container.duration > 0:
        return int(round(container.duration / 1000))  # AV_TIME_BASE is microseconds
    best = 0
    for s in streams:
        if s.duration and s.time_base:
            best = max(best, int(round(float(s.duration * s.time_base) * 1000)))
    return best


def _apply_sar(width: int, frame, stream) -> int:
    """Width as displayed when pixels are not square (sample aspect ratio != 1)."""
    sar = None
    for source in (frame, stream, stream.codec_context):
        try:
            sar = source.sample_aspect_ratio
        except Exception:
            sar = None
        if sar:
            break
    if not sar or sar <= 0 or sar == 1:
        return width
    shown = int(round(width * float(sar)))
    return shown + (shown % 2) if shown > 1 else width


def upright_rgb(frame):
    """A decoded video frame as an RGB array turned the way it is displayed (its display matrix
    applied, as ffmpeg's autorotate does when rendering): a phone clip stored landscape with a
    90-degree matrix comes out portrait, so what is found on it is in the clip's shown coordinates."""
    import numpy as np

    rgb = frame.to_ndarray(format="rgb24")
    turns = _rotation(frame) // 90
    return np.ascontiguousarray(np.rot90(rgb, -turns)) if turns else rgb


def _rotation(frame) -> int:
    """Clockwise degrees from the frame's display matrix (FFmpeg reports counter-clockwise)."""
    try:
        ccw = float(getattr(frame, "rotation", 0) or 0)
    except Exception:
        return 0
    return int(round(-ccw / 90.0)) % 4 * 90


def _family(demuxer: str, container, p: Path, *, has_video: bool, codecs: set[str]) -> str:
    names = demuxer.split(",")
    ext = p.suffix.lower()
    if "mov" in names:
        if not has_video:
            return "m4a"
        brand = str(container.metadata.get("major_brand", "")).strip().lower()
        if brand == "qt":
            return "mov"
        if brand.startswith("3g"):
            return "3gp"
        return "mov" if ext == ".mov" and not brand else "mp4"
    if "matroska" in names:
        if ext in (".mkv", ".webm"):
            return ext[1:]
        return "webm" if codecs <= _WEBM_CODECS else "mkv"
    if "aac" in names:
        return "aac"
    if "ogg" in names and has_video:
        return "ogv"  # (Theora video in Ogg: not read)
    return names[0]
