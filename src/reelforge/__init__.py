"""reelforge: assets + a plain-language instruction -> a ready-to-publish MP4.

The Python API (the same steps as the command line; see `reelforge.api`)::

    import reelforge

    project = reelforge.make(["a.jpg", "b.jpg", "vo.mp3"], "a 15-second promo", output="promo.mp4")
    project.tell("make it vertical")
    project.render("vertical.mp4")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = ("Project", "Reply", "export_timeline", "load_timeline", "make", "new_project", "open_project", "render_video")

if TYPE_CHECKING:  # static names for type checkers; imported lazily at run time (no import cycle)
    from reelforge.api import (  # noqa: F401
        Project,
        Reply,
        export_timeline,
        load_timeline,
        make,
        new_project,
        open_project,
        render_video,
    )


def __getattr__(name: str) -> Any:
    if name in _API:
        from reelforge import api

        return getattr(api, name)
    raise AttributeError(f"module 'reelforge' has no attribute {name!r}")


__all__ = [*_API, "__version__"]
