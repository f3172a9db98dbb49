"""Supported media formats and limits (DESIGN.md: Upload).

A *format* here is the family found by probing the content (``"jpeg"``, ``"mp4"``, ...);
an *extension* is what a file name ends with. Ingest decides by content; the extension
only serves to refuse names that are plainly not media (``.txt``, ``.exe``, ...).
"""

from __future__ import annotations

from types import MappingProxyType

MAX_FILE_BYTES = 500 * 1024**2
"""Largest accepted input file (500 MB)."""

#: format family -> kind, in the order people read them
FORMATS: MappingProxyType[str, str] = MappingProxyType({
    "mp4": "video", "mov": "video", "avi": "video", "webm": "video", "mkv": "video",
    "jpeg": "image", "png": "image", "gif": "image", "webp": "image",
    "mp3": "audio", "wav": "audio", "m4a": "audio", "aac": "audio", "ogg": "audio", "flac": "audio",
})

#: extension (lower case, with the dot) -> format family
EXTENSION_FORMAT: MappingProxyType[str, str] = MappingProxyType({
    ".mp4": "mp4", ".m4v": "mp4", ".mov": "mov", ".avi": "avi", ".webm": "webm", ".mkv": "mkv",
    ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".gif": "gif", ".webp": "webp",
    ".mp3": "mp3", ".wav": "wav", ".m4a": "m4a", ".aac": "aac",
    # Ogg (Vorbis from editors and sound libraries, Opus from voice notes) and FLAC (musicians' lossless)
    ".ogg": "ogg", ".oga": "ogg", ".opus": "ogg", ".flac": "flac",
})

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    ext for ext in EXTENSION_FORMAT if ext not in (".m4v", ".oga")
)
"""Extensions named in DESIGN.md, and Ogg/Opus/FLAC audio (``.m4v`` is also read as mp4 and
``.oga`` as Ogg, not advertised)."""

SUPPORTED_FORMATS: frozenset[str] = frozenset(FORMATS)

#: Extensions that say "this is not media": refused even before looking at the content.
NON_MEDIA_EXTENSIONS: frozenset[str] = frozenset({
    ".txt", ".md", ".csv", ".json", ".xml", ".html", ".htm", ".js", ".css", ".py", ".sh",
    ".bat", ".cmd", ".ps1", ".exe", ".dll", ".so", ".dylib", ".bin", ".msi", ".apk", ".app",
    ".jar", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".pdf", ".doc",
    ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".rtf", ".svg", ".ttf", ".otf", ".iso", ".dmg",
})

_KIND_TITLE = {"video": "Video", "image": "Images", "audio": "Audio"}
_DISPLAY_EXT = {
    "video": [".mp4", ".mov", ".avi", ".webm", ".mkv"],
    "image": [".jpg", ".jpeg", ".png", ".gif", ".webp"],
    "audio": [".mp3", ".wav", ".m4a", ".aac", ".ogg", ".opus", ".flac"],
}


def kind_of_format(fmt: str) -> str | None:
    """``"image"``, ``"video"`` or ``"audio"`` for a supported format family, else None."""
    return FORMATS.get(fmt)


def format_for_extension(ext: str) -> str | None:
    """The format family an extension promises (``".JPG"`` -> ``"jpeg"``), or None."""
    return EXTENSION_FORMAT.get(ext.lower())


def extension_for_format(fmt: str) -> str | None:
    """The usual extension (with the dot) of a supported format family (``"jpeg"`` -> ``".jpg"``,
    ``"mp4"`` -> ``".mp4"``), or None."""
    if fmt not in FORMATS:
        return None
    return "." + {"jpeg": "jpg"}.get(fmt, fmt)


def supported_list() -> str:
    """Human text listing the supported formats by kind, for error messages and help.

    ``Video: mp4, mov, avi, webm, mkv; Images: jpg, jpeg, png, gif, webp; Audio: mp3, wav, m4a, aac, ogg, opus, flac``
    """
    return "; ".join(
        f"{_KIND_TITLE[kind]}: " + ", ".join(e.lstrip(".") for e in exts)
        for kind, exts in _DISPLAY_EXT.items()
    )


def human_size(n: int) -> str:
    """``524288000`` -> ``"500 MB"``; ``1536`` -> ``"1.5 KB"`` (binary units, short)."""
    units = ["bytes", "KB", "MB", "GB", "TB"]
    value = float(n)
    for unit in units:
        if value < 1024 or unit == units[-1]:
            if unit == "bytes":
                return f"{int(value)} bytes"
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{text} {unit}"
        value /= 1024
    return f"{n} bytes"  # pragma: no cover
