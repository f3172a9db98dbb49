"""What the MCP tools talk to: one interface, two implementations.

- `EmbeddedBackend`: the application core (`reelforge.service.core.Core`) in this process, the
  same code ``reelforge serve`` runs: a SQLite database, queue, media and renders under the
  data dir, an in-process render worker, the local account (credits are not counted). URLs go
  through the one SSRF-guarded fetcher; local paths only when the caller is the local user
  (stdio).
- `RemoteBackend` (`reelforge.mcp.remote`): a running ``reelforge serve`` through its ``/v1``
  HTTP API.

Both raise `reelforge.errors.ReelforgeError` (remote errors carry the API's code and message),
which the server turns into MCP tool errors. Every result is plain JSON-able data.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from reelforge.errors import MediaError, NotFound, ReelforgeError, RenderError, WaitExpired, shown

QUALITIES = ("draft", "standard", "high")
ASPECTS = ("16:9", "9:16", "1:1", "4:5")
RESOLUTIONS = ("720p", "1080p")
PRESET_HELP = "16:9, 9:16, 1:1 or 4:5 (optionally with @720p or @1080p, e.g. '9:16@720p'), or 720p / 1080p"
REMOTE_PATHS = ("files on the server are not read over MCP HTTP: give http(s) URLs "
                "(or run `reelforge mcp` over stdio for local files)")

Progress = Callable[[float, str], None]
NO_LIVE = ("no live stream here: nothing serves HTTP in this MCP server (stdio); the preview is the "
           "local file at `path` once status is completed (rendered_ms: how much is rendered so far)")


def playable_note(label: str, rendered_ms: int | None, duration_ms: int | None, live_url: str | None) -> str:
    """A preview's progress message: how much of it plays already, and where."""
    if not rendered_ms or not duration_ms:
        return label
    where = f" at {live_url}" if live_url else ""
    return f"{label}: {rendered_ms / 1000:.1f} s of {duration_ms / 1000:.1f} s playable{where}"


def default_data_dir() -> Path:
    """``$REELFORGE_MCP_DATA``, else ``$XDG_DATA_HOME/reelforge/mcp`` (``~/.local/share/...``)."""
    env = os.environ.get("REELFORGE_MCP_DATA")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(base) / "reelforge" / "mcp"


class ApiError(ReelforgeError):
    """An error answered by a remote reelforge service, with its code."""

    def __init__(self, code: int, message: str, http_status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.http_status = http_status


def error_code(exc: ReelforgeError) -> int:
    """The API code of an error: the same table the HTTP service uses."""
    if isinstance(exc, ApiError):
        return exc.code
    from reelforge.service.errors import status_and_code

    return status_and_code(exc)[1]


def parse_preset(preset: str | None) -> tuple[str | None, str | None]:
    """``"9:16@720p"`` -> ("9:16", "720p"); ``"720p"`` -> (None, "720p"); None -> (None, None)."""
    if preset is None or not str(preset).strip():
        return None, None
    text = str(preset).strip().lower().replace(" ", "")
    aspect, _, resolution = text.partition("@")
    if aspect in RESOLUTIONS and not resolution:
        return None, aspect
    if aspect not in ASPECTS or (resolution and resolution not in RESOLUTIONS):
        raise ReelforgeError(f"unknown preset {shown(preset)!r}: use {PRESET_HELP}")
    return aspect, resolution or None


def check_quality(quality: str) -> str:
    if quality not in QUALITIES:
        raise ReelforgeError(f"unknown quality {shown(quality)!r}: use one of {', '.join(QUALITIES)}")
    return quality


def is_url(source: str) -> bool:
    return urlparse(source).scheme.lower() in ("http", "https")


def asset_info(asset: Any) -> dict[str, Any]:
    data = asset.model_dump(mode="json") if hasattr(asset, "model_dump") else dict(asset)
    keep = ("id", "name", "kind", "width", "height", "duration_ms", "has_audio", "size_bytes", "format")
    return {k: data.get(k) for k in keep if k in data}


def local_file(src: str) -> Path:
    """``src`` as a path (``~`` expanded); `MediaError` unless it is an existing file."""
    p = Path(src).expanduser()
    if not p.is_file():
        raise MediaError(f"file not found: {src}" if not p.exists() else f"not a file: {src}")
    return p


def media_facts(info: Any, path: Path) -> dict[str, Any]:
    facts: dict[str, Any] = {"size_bytes": path.stat().st_size}
    for key in ("width", "height", "duration", "fps", "vcodec", "acodec"):
        v = getattr(info, key, None)
        if v is not None:
            facts[key if key != "duration" else "duration_s"] = round(v, 3) if isinstance(v, float) else v
    return facts


class Backend(Protocol):
    mode: str

    def create_session(self, name: str | None = None) -> dict[str, Any]: ...
    def list_sessions(self) -> list[dict[str, Any]]: ...
    def delete_session(self, session_id: str) -> dict[str, Any]: ...
    def add_assets(self, session_id: str, sources: list[str]) -> dict[str, Any]: ...
    def instruct(self, session_id: str, text: str) -> dict[str, Any]: ...
    def get_state(self, session_id: str) -> dict[str, Any]: ...
    def timeline_json(self, session_id: str) -> str: ...
    def start_preview(self, session_id: str) -> dict[str, Any]: ...
    def preview(self, session_id: str, progress: Progress | None = None) -> dict[str, Any]: ...
    def start_export(self, session_id: str, preset: str | None, quality: str,
                     output: str | None = None) -> dict[str, Any]: ...
    def export_status(self, job_id: str) -> dict[str, Any]: ...
    def export_timeline(self, session_id: str, fmt: str) -> bytes: ...
    def credits(self) -> dict[str, Any]: ...
    def close(self) -> None: ...


def preview_wait_seconds(caller: Any) -> float:
    """How long preview(wait=true) waits: the service's ``preview_wait_seconds`` (the bound of
    HTTP ``POST /v1/sessions/{id}/preview?wait=``), 300 s for a backend without settings."""
    core = getattr(caller, "core", None)
    settings = getattr(getattr(core, "ctx", None), "settings", None)
    return float(getattr(settings, "preview_wait_seconds", PREVIEW_WAIT))


def preview_wait_expired(job_id: str, stage: str, limit: float) -> WaitExpired:
    return WaitExpired(f"the preview did not finish within {limit:g} s (it is {stage}); it goes on: poll "
                       f"export_status with job_id {job_id}, or call preview with wait=false")


PREVIEW_WAIT = 300.0      # seconds preview(wait=true) waits at most (HTTP ?wait= allows 300 too)


def write_if_changed(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        part = path.with_name(f".{path.name}.part")
        part.write_bytes(data)
        part.replace(path)
    return path


def service_preset(preset: str | None) -> str | None:
    """An MCP preset as the core's preset name (``9:16``, ``720p``, ``9:16@720p``)."""
    aspect, resolution = parse_preset(preset)
    if aspect and resolution:
        return f"{aspect}@{resolution}"
    return aspect or resolution


class EmbeddedBackend:
    """The application core on this machine: ``data_dir`` holds its SQLite database, queue,
    media and renders; renders run on an in-process worker."""

    mode = "embedded"

    def __init__(self, data_dir: str | os.PathLike[str] | None = None, *, local_files: bool = False) -> None:
        from reelforge.service.config import Settings
        from reelforge.service.core import Core

        # local_files: the caller is the local user (MCP over stdio) and may name files on this
        # machine; over HTTP it is not, and only URLs are accepted.
        self.local_files = local_files
        self.data_dir = (Path(data_dir).expanduser() if data_dir else default_data_dir()).resolve()
        # its own SQLite database and queue, whatever a `reelforge serve` on this machine uses
        # The local user renders on their own machine: previews are not rationed as on a shared
        # service (which limits free work per account).
        settings = Settings(data_dir=self.data_dir, queue="sqlite", database_url=None, embedded_worker=True,
                            preview_concurrency=4, preview_seconds_per_hour=1e9, preview_max_seconds=86400)
        self.core = Core.open(settings, local_files=local_files)
        from reelforge.render.cache import default_cache

        # exports re-render only the chunks an edit changed (the CLI's cache)
        self.core.ctx.extra["chunk_cache"] = default_cache()
        self.core.start()
        self.who = self.core.local_account()
        self.base: str | None = None   # download links only where the service serves them (service_mount)
        self._outputs = self.data_dir / "outputs.json"
        self._outputs_lock = threading.Lock()

    def with_base(self, base: str | None) -> EmbeddedBackend:
        """This backend giving download links on ``base`` (``reelforge mcp --http``: the URL the
        caller reached it at, or ``REELFORGE_PUBLIC_BASE_URL``)."""
        import copy

        view = copy.copy(self)
        public = self.core.ctx.settings.public_base_url
        view.base = public.rstrip("/") if public else base
        return view

    # -- sessions ---------------------------------------------------------------------
    def create_session(self, name: str | None = None) -> dict[str, Any]:
        row = self.core.create_session(self.who, name or "mcp project", "en", {"source": "reelforge-mcp"})
        return {"session_id": row["id"], "name": row["name"], "mode": self.mode}

    def list_sessions(self) -> list[dict[str, Any]]:
        return [{"session_id": r["id"], "name": r["name"], "created": r["created"]}
                for r in self.core.list_sessions(self.who)]

    def delete_session(self, session_id: str) -> dict[str, Any]:
        """As ``DELETE /v1/sessions/{id}``: the session with its media, renders, transcripts and
        the cached chunks no other render uses; a render in flight is discarded and its frozen
        credits come back (1002 when it is not the caller's)."""
        self.core.delete_session(self.who, session_id)
        return {"session_id": session_id, "deleted": True}

    def add_assets(self, session_id: str, sources: list[str]) -> dict[str, Any]:
        sources = [str(s).strip() for s in sources]
        if not sources:
            raise MediaError("give at least one file path or http(s) URL")
        if not self.local_files and any(not is_url(s) and "://" not in s for s in sources):
            raise MediaError(REMOTE_PATHS)   # the same words whether the path exists or not
        self.core.check_session(self.who, session_id)
        out = self.core.add_assets(self.who, session_id, self.core.receive(session_id, sources, self.who),
                                   skill={"source": "reelforge-mcp"})
        return {"session_id": session_id, "added": [asset_info(a) for a in out["assets"]],
                "media": [asset_info(a) for a in out["media"]]}

    def instruct(self, session_id: str, text: str) -> dict[str, Any]:
        if not str(text).strip():
            raise ReelforgeError("the instruction is empty: say what to make or change")
        result = self.core.instruct(self.who, session_id, text, skill={"source": "reelforge-mcp"})
        out: dict[str, Any] = {"session_id": session_id}
        for field in ("intent", "status", "message", "changed", "summary", "version"):
            out[field] = result.get(field)
        if result.get("ops"):
            out["ops"] = result["ops"]
        if out["intent"] == "credits":
            out["message"] = self.credits()["message"]
        if isinstance(result.get("export"), dict):   # "export" queued a render: hand its job over
            out["export"] = self._record(result["export"])
        return out

    def get_state(self, session_id: str) -> dict[str, Any]:
        state = self.core.state(self.who, session_id)
        return {"session_id": session_id, "summary": state["summary"], "version": state["version"],
                "media": [asset_info(a) for a in state["media"]], "draft": state["draft"],
                "timeline": state["timeline"]}

    def timeline_json(self, session_id: str) -> str:
        state = self.core.state(self.who, session_id)
        if state["timeline"] is None:
            raise NotFound(f"session {session_id} has no timeline yet: send an instruction first")
        return json.dumps(state["timeline"], indent=2, ensure_ascii=False)

    def _require_timeline(self, session_id: str) -> None:
        if self.core.state(self.who, session_id)["timeline"] is None:
            raise ReelforgeError(f"session {session_id} has no timeline yet: add media and send an "
                                 "instruction first")

    # -- renders ----------------------------------------------------------------------
    def start_preview(self, session_id: str) -> dict[str, Any]:
        """Queue a draft render (free); its record at once, with its live stream where one is
        served (`_live`)."""
        self._require_timeline(session_id)
        view = self.core.export(self.who, session_id, preview=True)
        return {**self._record(view), **self._live(view)}

    def preview(self, session_id: str, progress: Progress | None = None) -> dict[str, Any]:
        """A draft render on the worker (free); waits for it. Progress messages say how much
        is playable, and where, while it renders."""
        job = self.start_preview(session_id)
        view = self.preview_view(job["job_id"])
        limit = preview_wait_seconds(self)
        deadline = time.monotonic() + limit
        while view["status"] not in ("completed", "failed"):
            if time.monotonic() >= deadline:
                raise preview_wait_expired(view["id"], view.get("stage") or view["status"], limit)
            if progress is not None:
                progress(view["progress"] / 100, playable_note(f"preview {view['stage']}", view.get("rendered_ms"),
                                                               view.get("duration_ms"), job.get("live_url")))
            time.sleep(0.3)
            view = self.preview_view(view["id"])
        return self.finish_preview(session_id, view)

    def preview_view(self, job_id: str) -> dict[str, Any]:
        """The preview's status document (the MCP tool polls this between sleeps on its own
        event loop, so a waiting call holds no thread)."""
        return self.core.export_status(self.who, job_id)

    def finish_preview(self, session_id: str, view: dict[str, Any]) -> dict[str, Any]:
        """The tool result of a finished preview (`RenderError` when it failed)."""
        from reelforge.render import verify

        if view["status"] == "failed":
            raise RenderError(view["error"] or "the preview failed")
        path = self.core.export_file(self.who, view["id"])
        return {"session_id": session_id, "job_id": view["id"], "kind": "preview", **self._where(path),
                **media_facts(verify(path), path), **self._links(view), **self._live(view)}

    def start_export(self, session_id: str, preset: str | None = None, quality: str = "standard",
                     output: str | None = None) -> dict[str, Any]:
        check_quality(quality)
        preset = service_preset(preset)
        if output and not self.local_files:
            raise ReelforgeError("output_path is accepted only over stdio: over HTTP the export is kept by "
                                 "the server (use `reelforge serve`'s HTTP API to download it remotely)")
        target = Path(output).expanduser().resolve() if output else None
        if target is not None and target.suffix.lower() != ".mp4":
            raise ReelforgeError(f"output must end in .mp4: {output}")
        self._require_timeline(session_id)
        view = self.core.export(self.who, session_id, preset=preset, quality=quality)
        if target is not None:
            self._remember_output(view["id"], target)
        return self._record(view)

    def export_status(self, job_id: str) -> dict[str, Any]:
        from reelforge.render import verify

        view = self.core.export_status(self.who, job_id)
        record = self._record(view)
        if record["status"] == "completed":
            path = self.core.export_file(self.who, job_id)
            target = self._output_of(job_id)
            if target is not None:
                if not target.exists() or target.stat().st_size != path.stat().st_size:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    part = target.with_name(f".{target.name}.part")
                    shutil.copyfile(path, part)
                    part.replace(target)
                path = target
            record.update(self._where(path))
            record.update(media_facts(verify(path), path))
            if view.get("captions") and not self.base:   # SRT and WebVTT of the on-screen captions, beside the MP4
                files = {fmt: write_if_changed(path.with_suffix("." + fmt),
                                               self.core.export_captions(self.who, job_id, fmt))
                         for fmt in ("srt", "vtt")}
                record["captions"] = {fmt: self._where(p)["path"] or self._where(p)["file"]
                                      for fmt, p in files.items()}
            record["transcript"] = self._transcript(view, job_id, path)
            record.update(chunks=view["chunks"], chunks_reused=view["chunks_reused"])
            record.update(self._links(view))
        record.update(self._live(view))
        return record

    def _live(self, view: dict[str, Any]) -> dict[str, Any]:
        """A preview's live stream (the fragmented MP4 that plays while it renders) and how
        much of it is playable (``rendered_ms``). Where this server serves HTTP (inside
        ``reelforge serve``, ``reelforge mcp --http``) a link on it wanting the same bearer
        token, like ``download_url``; over stdio nothing serves HTTP, so no link: the preview
        is the local file at ``path`` once completed. Exports have none."""
        if view.get("kind") != "preview":
            return {}
        out: dict[str, Any] = {"rendered_ms": view.get("rendered_ms")}
        if self.base:
            out["live_url"] = f"{self.base.rstrip('/')}/v1/exports/{view['id']}/live.mp4"
            out["live_auth"] = "Authorization: Bearer <the token of this MCP connection>"
        else:
            out["live_url"] = None
            out["live"] = NO_LIVE
        return out

    def _transcript(self, view: dict[str, Any], job_id: str, video: Path) -> dict[str, Any]:
        """What the voiceover says, as SRT and WebVTT (made by the worker after the render):
        for the local user the files are written beside the MP4 (``<name>.transcript.srt``);
        over HTTP their names only (the links are in ``transcript_urls``)."""
        t = view.get("transcript") or {"status": "none", "reason": None, "cues": 0}
        out: dict[str, Any] = {"status": t["status"], "reason": t.get("reason"), "cues": t.get("cues", 0)}
        if t["status"] == "ready" and not self.base:   # (in the service: transcript_urls)
            for fmt in ("srt", "vtt"):
                p = write_if_changed(video.with_name(f"{video.stem}.transcript.{fmt}"),
                                     self.core.export_transcript(self.who, job_id, fmt))
                out[fmt] = self._where(p)["path"] or self._where(p)["file"]
        return out

    def _links(self, view: dict[str, Any]) -> dict[str, Any]:
        """Download links of a finished render on the service that runs this MCP server: they
        want the caller's own bearer token (another token gets 404), never a server path."""
        if not self.base or view.get("status") != "completed":
            return {}
        root = f"{self.base.rstrip('/')}/v1/exports/{view['id']}"
        out: dict[str, Any] = {"download_url": f"{root}/download",
                               "download_auth": "Authorization: Bearer <the token of this MCP connection>"}
        if view.get("captions"):
            out["caption_urls"] = {fmt: f"{root}/captions.{fmt}" for fmt in ("srt", "vtt")}
        if (view.get("transcript") or {}).get("status") == "ready":
            out["transcript_urls"] = {fmt: f"{root}/transcript.{fmt}" for fmt in ("srt", "vtt")}
        return out

    def _where(self, path: Path) -> dict[str, Any]:
        """Where a made file is: its path for the local user (stdio); over HTTP only its name,
        never a path on the server."""
        if self.local_files:
            return {"path": str(path)}
        if self.base:   # inside `reelforge serve`: the links say how to get it
            return {"path": None, "file": path.name}
        return {"path": None, "file": path.name,
                "note": "kept on the MCP server; over HTTP no server path is shown (run `reelforge serve` "
                        "and use its HTTP API, or MCP over stdio, to get the file)"}

    @staticmethod
    def _record(view: dict[str, Any]) -> dict[str, Any]:
        error = {"code": 5001, "message": view["error"]} if view.get("error") else None
        return {"job_id": view["id"], "session_id": view["session_id"], "kind": view.get("kind", "export"),
                "status": view["status"],
                "progress": round(min(max(view["progress"] / 100, 0.0), 1.0), 3), "preset": view["preset"],
                "quality": view["quality"], "frame": [view["width"], view["height"]], "path": None,
                "error": error}

    def _remember_output(self, job_id: str, target: Path) -> None:
        with self._outputs_lock:
            try:
                saved = json.loads(self._outputs.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                saved = {}
            saved[job_id] = str(target)
            tmp = self._outputs.with_suffix(".tmp")
            tmp.write_text(json.dumps(saved, indent=2), encoding="utf-8")
            tmp.replace(self._outputs)

    def _output_of(self, job_id: str) -> Path | None:
        with self._outputs_lock:
            try:
                saved = json.loads(self._outputs.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
        return Path(saved[job_id]) if isinstance(saved, dict) and job_id in saved else None

    def export_timeline(self, session_id: str, fmt: str) -> bytes:
        return self.core.export_timeline(self.who, session_id, fmt)

    def credits(self) -> dict[str, Any]:
        return {"mode": self.mode, "unlimited": True, "available": None, "frozen": 0, "total": None,
                "message": "embedded mode renders locally: exports cost no credits"}

    def close(self) -> None:
        self.core.close()


def make_backend(url: str | None = None, data_dir: str | os.PathLike[str] | None = None, *,
                 local_files: bool = False) -> Backend:
    """The remote backend for ``url``, else the embedded one; ``local_files`` only for stdio."""
    if url:
        from reelforge.mcp.remote import RemoteBackend

        return RemoteBackend(url, data_dir=data_dir, local_files=local_files)
    return EmbeddedBackend(data_dir, local_files=local_files)


__all__ = ["Backend", "EmbeddedBackend", "ApiError", "make_backend", "error_code", "parse_preset",
           "default_data_dir", "PRESET_HELP"]
