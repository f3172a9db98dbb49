"""The bundled font files, found inside their wheels (no system fonts, no fontconfig).

Fallback order for a character: Noto Sans (Latin, Greek, Cyrillic) -> Noto Sans CJK
(Chinese, Japanese, Korean) -> Noto Emoji (monochrome outlines, so they take the text
colour) -> Noto Sans Symbols.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reelforge.errors import RenderError


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RenderError(f"font package {name!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True)
class FontFile:
    path: Path
    variable: bool  # has a weight axis (bold by axis, not by stroking)


@lru_cache(maxsize=1)
def font_chain() -> tuple[FontFile, ...]:
    """Font files in fallback order. Raises `RenderError` if one is missing."""
    noto = _package_dir("manimgx_fonts")
    cjk = _package_dir("noto_cjk_sans_otc")
    chain = (
        FontFile(noto / "NotoSans[wght].ttf", True),
        FontFile(cjk / "NotoSansCJK-Regular.ttc", False),
        FontFile(noto / "NotoEmoji[wght].ttf", True),
        FontFile(noto / "NotoSansSymbols[wght].ttf", True),
    )
    for f in chain:
        if not f.path.is_file():
            raise RenderError(f"bundled font file missing: {f.path}")
    return chain


def latin_font() -> Path:
    return font_chain()[0].path


def cjk_font() -> Path:
    return font_chain()[1].path
