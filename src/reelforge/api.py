"""The Python API: the same steps the command line takes, as typed functions.

    import reelforge

    project = reelforge.make(["a.jpg", "b.jpg", "vo.mp3", "music.mp3"],
                             "a 30-second promo with text overlays", output="promo.mp4")
    project.tell("make it vertical for TikTok")          # -> Reply(status, message, summary, ...)
    project.render("promo-vertical.mp4")
    project.save("promo.reel.json")
    project.export_timeline("promo.otio")                 # or .xml / .fcpxml / .edl

    project = reelforge.open_project("promo.reel.json")
    reelforge.render_video("promo.reel.json", "again.mp4")  # a project, a timeline JSON or an Editly spec

The caller is the local user: instructions may name files on this machine (a script, a brand
kit, a new clip). Errors are `reelforge.errors.ReelforgeError` subclasses with a ``code`` and a
one-line ``message``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from reelforge.errors import InvalidTimeline, PlanError
from reelforge.session import Reply, Session, media_cache
from reelforge.timeline.model import Timeline

PathLike = str | os.PathLike[str]
Progress = Callable[[float], None]


class Project:
    """A project: media library, timeline and history (undo/redo), saved as one JSON file."""

    def __init__(self, session: Session, path: Path | None = None) -> None:
        self.session = session
        self.path = path

    @property
    def timeline(self) -> Timeline | None:
        return self.session.timeline

    @property
    def summary(self) -> str:
        """The one-glance line: ``Timeline (3 tracks): 1. Video: ... 2. BGM: ... 3. Title: ...``."""
        return _summary(self.session)

    def add(self, files: Iterable[PathLike]) -> list[str]:
        """Add media files to the library (probed; all or nothing); returns their names."""
        return [a.name for a in self.session.add_assets(list(files), workdir=media_cache())]

    def tell(self, instruction: str) -> Reply:
        """Make the first cut or change the timeline ("music to 20%", "把第二张图片放到最后").
        Never raises for a bad instruction: the reply's ``status`` says what happened."""
        return self.session.handle(instruction)

    def undo(self) -> Reply:
        return self.session.undo()

    def redo(self) -> Reply:
        return self.session.redo()

    def render(self, output: PathLike = "out.mp4", *, quality: str = "standard",
               progress: Progress | None = None) -> Path:
        """Render the timeline to an MP4 (atomic output; in chunks, as `render_video`)."""
        return render_video(self._timeline(), output, quality=quality, progress=progress)

    def export_timeline(self, path: PathLike) -> Path:
        """Write the cut for a video editor: .otio, .xml (FCP 7), .fcpxml or .edl."""
        from reelforge.interop import otio

        return otio.write(self._timeline(), path)

    def save(self, path: PathLike | None = None) -> Path:
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("give a path: this project has not been saved yet")
        self.path = self.session.save(target)
        return self.path

    def _timeline(self) -> Timeline:
        if self.session.timeline is None:
            raise PlanError("there is no timeline yet: tell the project what to make first")
        return self.session.timeline


def new_project(files: Iterable[PathLike] = (), *, brand: PathLike | None = None) -> Project:
    """An empty project (optionally with media — a folder gives its media files, in name order —
    and a brand kit), ready for a first instruction."""
    from reelforge.media.ingest import gather

    session = Session.new(local_files=True)
    if brand is not None:
        session.brand_path = str(Path(brand).resolve())
    project = Project(session)
    files = gather(files).files
    if files:
        project.add(files)
    return project


def make(files: Iterable[PathLike], instruction: str, output: PathLike | None = "out.mp4", *,
         quality: str = "standard", brand: PathLike | None = None, save: PathLike | None = None,
         progress: Progress | None = None) -> Project:
    """The main job: files and one instruction to a first cut, rendered to ``output`` (skip the
    render with ``output=None``). Raises `PlanError` when no cut could be made."""
    project = new_project(files, brand=brand)
    reply = project.tell(instruction)
    if project.timeline is None:
        raise PlanError(reply.message)
    if save is not None:
        project.save(save)
    if output is not None:
        project.render(output, quality=quality, progress=progress)
    return project


def open_project(path: PathLike) -> Project:
    """A project saved by `Project.save` or ``reelforge make --save``."""
    return Project(Session.load(path, local_files=True), Path(path))


def load_timeline(path: PathLike) -> Timeline:
    """The timeline in a project file, a timeline JSON or an Editly spec."""
    from reelforge.interop import editly

    path = Path(path)
    if path.suffix.lower() == ".json5":
        return editly.to_timeline(editly.load_spec(path), path.parent, workdir=media_cache()).timeline
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except ValueError:  # UnicodeDecodeError and JSONDecodeError both are
        raise InvalidTimeline(f"{path.name} is not a project, timeline or Editly spec") from None
    if isinstance(data, dict) and "tracks" in data:
        return Timeline.from_json(text)
    if editly.looks_like_editly(data):
        return editly.to_timeline(data, path.parent, workdir=media_cache()).timeline
    session = Session.from_json(text)
    if session.timeline is None:
        raise InvalidTimeline(f"{path.name} has no timeline yet")
    return session.timeline


def render_video(source: Timeline | PathLike, output: PathLike = "out.mp4", *, quality: str = "standard",
           progress: Progress | None = None) -> Path:
    """Render a timeline, or the file holding one (project, timeline JSON, Editly spec), as
    ``reelforge make`` and the service do: in chunks (`reelforge.render.chunked.export`) kept in
    the chunk cache (`reelforge.render.cache.default_cache`), so rendering again after an edit
    renders only what changed, and one 1080p chunk's ffmpeg at a time keeps the memory under
    ~500 MB (the single-process render held every moving picture at once: ~720 MB for the
    30 s reference job)."""
    from reelforge.render.cache import default_cache
    from reelforge.render.chunked import export

    timeline = source if isinstance(source, Timeline) else load_timeline(source)
    return export(timeline, output, quality=quality, cache=default_cache(), progress=progress).path


def export_timeline(source: Timeline | PathLike, path: PathLike) -> Path:
    """Write a timeline (or the one in a file) for a video editor: .otio, .xml, .fcpxml, .edl."""
    from reelforge.interop import otio

    timeline = source if isinstance(source, Timeline) else load_timeline(source)
    return otio.write(timeline, path)


def _summary(session: Session) -> str:
    from reelforge.timeline.summary import summarize

    return summarize(session.timeline) if session.timeline is not None else ""


__all__ = ["Project", "Reply", "export_timeline", "load_timeline", "make", "new_project", "open_project", "render_video"]
