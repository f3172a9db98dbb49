"""Pixel bombs for the limit tests: small files that declare (and really hold) huge pictures.

All are written in constant memory: nothing here builds the picture in memory."""

from __future__ import annotations

import io
import struct
import subprocess
import zlib
from pathlib import Path


def _gray_jpeg_header(width: int, height: int) -> bytes:
    """The header (up to and including the SOS segment) of a grayscale baseline JPEG made by
    libjpeg with its standard Huffman tables, with the frame size set to width x height."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (8, 8), 128).save(buf, "JPEG", quality=75)  # standard tables, no optimize
    data = bytearray(buf.getvalue())
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    sos = data.find(b"\xff\xda")
    length = struct.unpack(">H", data[sos + 2:sos + 4])[0]
    return bytes(data[:sos + 2 + length])


def jpeg_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes: a JPEG whose header says width x height over an 8x8 scan."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (8, 8), 128).save(buf, "JPEG", quality=50)
    data = bytearray(buf.getvalue())
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def write_gray_jpeg(path: Path, width: int, height: int) -> Path:
    """A real, fully decodable mid-gray JPEG of width x height (multiples of 32): every 8x8
    block is 'DC unchanged, end of block' = 6 bits with the standard tables, so 4 blocks are
    the 3 bytes 0x28 0xA2 0x8A (no 0xFF to stuff). 16000x16000 is 3 MB on disk."""
    assert width % 32 == 0 and height % 8 == 0
    blocks = (width // 8) * (height // 8)
    with open(path, "wb") as fh:
        fh.write(_gray_jpeg_header(width, height))
        row = b"\x28\xa2\x8a" * (width // 32)  # one row of blocks
        for _ in range(height // 8):
            fh.write(row)
        assert blocks % 4 == 0
        fh.write(b"\xff\xd9")
    return path


def write_png(path: Path, width: int, height: int) -> Path:
    """A real RGB PNG of width x height (all black), written row by row."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    z = zlib.compressobj(9)
    row = b"\x00" + bytes(3 * width)
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        out = bytearray()
        for _ in range(height):
            out += z.compress(row)
        out += z.flush()
        fh.write(chunk(b"IDAT", bytes(out)))
        fh.write(chunk(b"IEND", b""))
    return path


def write_mjpeg_mp4(path: Path, jpeg: Path, seconds: int = 2) -> Path:
    """An MP4 whose video frames are ``jpeg`` (stream copy: ffmpeg does not re-encode)."""
    from reelforge.media.ffmpeg import ffmpeg_exe

    subprocess.run([ffmpeg_exe(), "-y", "-v", "error", "-loop", "1", "-framerate", "1",
                    "-t", str(seconds), "-i", str(jpeg), "-c:v", "copy", str(path)],
                   check=True, stdin=subprocess.DEVNULL)
    return path


def write_gif(path: Path, width: int, height: int, frames: int) -> Path:
    """An animated GIF of ``frames`` 1x1 frames on a ``width`` x ``height`` canvas: a few bytes
    a frame, each decoded onto the whole canvas."""
    out = bytearray(b"GIF89a" + struct.pack("<HH", width, height) + b"\xf0\x00\x00" + b"\x00\x00\x00\xff\xff\xff")
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    for k in range(frames):
        out += b"\x21\xf9\x04\x08\x0a\x00\x00\x00"  # graphic control: restore to background, 0.1 s
        out += b"\x2c" + struct.pack("<HHHH", k % width, 0, 1, 1) + b"\x00"
        out += b"\x02\x02\x44\x01\x00"  # LZW, minimum code size 2: clear, pixel 0, end
    out += b"\x3b"
    path.write_bytes(bytes(out))
    return path
