"""The renderer: Timeline -> one ffmpeg command (pure) -> one ffmpeg run -> verified MP4."""

from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.render.compile import QUALITIES, RenderCommand, TextOverlay, compile_render
from reelforge.render.runner import render
from reelforge.render.verify import MediaInfo, verify

__all__ = ["render", "compile_render", "verify", "ffmpeg_exe", "MediaInfo", "RenderCommand",
           "TextOverlay", "QUALITIES"]
