"""Where the ffmpeg binary lives: the static build bundled by the ``imageio-ffmpeg`` wheel.

That build has libx264, aac and the filters the renderer uses, but no fontconfig (text is
drawn with Pillow, see `reelforge.render.text`) and no ffprobe (probing uses PyAV). It lives
in `media` because both the sample writer here and the renderer (which depends on media) run it.
"""

from __future__ import annotations

from functools import lru_cache

from reelforge.errors import RenderError


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the bundled ffmpeg executable."""
    try:
        import imageio_ffmpeg
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise RenderError("imageio-ffmpeg is not installed; it provides the ffmpeg binary") from exc
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as exc:  # pragma: no cover
        raise RenderError(f"no ffmpeg binary found: {exc}") from exc
