"""What remote surfaces (HTTP API, MCP) hand out: a timeline file for an editor and caption
files, as bytes, never naming a file on this machine (media references are the assets' file
names: the receiver has the originals).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from reelforge.timeline.model import Timeline

TIMELINE_FORMATS = {"otio": "application/json", "xml": "application/xml",
                    "fcpxml": "application/xml", "edl": "text/plain; charset=utf-8"}
CAPTION_FORMATS = {"srt": "application/x-subrip; charset=utf-8", "vtt": "text/vtt; charset=utf-8"}


def timeline_file(tl: Timeline, fmt: str, *, name: str = "reelforge") -> bytes:
    """The timeline as ``.otio`` / ``.xml`` (FCP 7) / ``.fcpxml`` / ``.edl`` bytes, media
    references by file name only."""
    from reelforge.interop.otio import InteropError, write

    fmt = fmt.lower().lstrip(".")
    if fmt not in TIMELINE_FORMATS:
        raise InteropError(f"unknown timeline format {fmt!r}; use one of: {', '.join(TIMELINE_FORMATS)}")
    with tempfile.TemporaryDirectory(prefix="reelforge-handoff-") as tmp:
        path = write(tl, Path(tmp) / f"{name}.{fmt}", media_root="")
        data = path.read_bytes()
    # the temporary folder is the only path the adapters ever saw; make sure none leaked
    if tmp.encode() in data:  # pragma: no cover - would be an adapter change
        raise InteropError("the timeline file named a server path; refusing to hand it out")
    return data


def caption_file(tl: Timeline, fmt: str) -> str | None:
    """SRT (``srt``) or WebVTT (``vtt``) text of the on-screen captions; None without any."""
    from reelforge.interop.subtitles import caption_cues, to_srt, to_vtt

    cues = caption_cues(tl)
    if not cues:
        return None
    return to_srt(cues) if fmt == "srt" else to_vtt(cues)
