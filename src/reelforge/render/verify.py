"""Probe a rendered file with PyAV (the bundled ffmpeg has no ffprobe)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reelforge.errors import RenderError, reason


@dataclass(frozen=True)
class MediaInfo:
    path: Path
    duration: float  # seconds (container duration)
    width: int
    height: int
    vcodec: str
    pix_fmt: str
    fps: float
    acodec: str | None
    sample_rate: int
    channels: int


def verify(path: str | Path) -> MediaInfo:
    """Facts about a rendered MP4. Raises `RenderError` if it cannot be opened or has no video."""
    import av

    path = Path(path)
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise RenderError(f"{path.name} has no video stream")
            v = container.streams.video[0]
            a = container.streams.audio[0] if container.streams.audio else None
            if container.duration is not None:
                duration = container.duration / 1_000_000
            else:  # pragma: no cover - mp4 always has one
                duration = float(v.duration * v.time_base) if v.duration else 0.0
            rate = v.average_rate or v.base_rate
            return MediaInfo(
                path=path,
                duration=duration,
                width=v.codec_context.width,
                height=v.codec_context.height,
                vcodec=v.codec_context.name,
                pix_fmt=v.codec_context.pix_fmt or "",
                fps=float(rate) if rate else 0.0,
                acodec=a.codec_context.name if a is not None else None,
                sample_rate=a.codec_context.sample_rate if a is not None else 0,
                channels=a.codec_context.channels if a is not None else 0,
            )
    except av.error.FFmpegError as exc:
        raise RenderError(f"cannot read {path.name}: {reason(exc)}") from exc


def count_frames(path: str | Path) -> int:
    """Video frames in a file, from its packets (no decoding)."""
    import av

    path = Path(path)
    try:
        with av.open(str(path)) as f:
            return sum(1 for p in f.demux(f.streams.video[0]) if p.size)
    except (av.FFmpegError, IndexError, OSError) as exc:
        raise RenderError(f"unreadable video {path.name}: {reason(exc)}") from exc
