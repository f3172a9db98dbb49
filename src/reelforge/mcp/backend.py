"""What the MCP tools talk to: one interface, two implementations.

- `EmbeddedBackend` runs everything in this process: `reelforge.session.Session` for the
  media library, timeline and history (one project file per session in the data dir) and
  `reelforge.render` for previews and exports (one background thread per export job).
  Credits are not counted locally.
- `RemoteBackend` drives a running ``reelforge serve`` through its ``/v1`` HTTP API with an
  anonymous token (client id and token are kept in the data dir so a restart reuses them).

Both raise `reelforge.errors.ReelforgeError` (remote errors carry the API's code and message),
which the server turns into MCP tool errors. Every result is plain JSON-able data.
"""

from __future__ import annotations

import json
import os
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urljoin, urlparse

from reelforge.errors import (
    FileTooLarge,
    MediaError,
    NotFound,
    ReelforgeError,
    RenderError,
)

QUALITIES = ("draft", "standard", "high")
ASPECTS = ("16:9", "9:16", "1:1", "4:5")
RESOLUTIONS = ("720p", "1080p")
PRESET_HELP = "16:9, 9:16, 1:1 or 4:5 (optionally with @720p or @1080p, e.g. '9:16@720p'), or 720p / 1080p"

Progress = Callable[[float, str], None]


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
    """The API code of an error: the same table the HTTP service uses when it is installed."""
    if isinstance(exc, ApiError):
        return exc.code
    try:
        from reelforge.service.errors import status_and_code
    except Exception:  # pragma: no cover - service extras missing
        return exc.code
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
        raise ReelforgeError(f"unknown preset {preset!r}: use {PRESET_HELP}")
    return aspect, resolution or None


def _check_quality(quality: str) -> str:
    if quality not in QUALITIES:
        raise ReelforgeError(f"unknown quality {quality!r}: use one of {', '.join(QUALITIES)}")
    return quality


def _is_url(source: str) -> bool:
    return urlparse(source).scheme.lower() in ("http", "https")


class Backend(Protocol):
    mode: str

    def create_session(self, name: str | None = None) -> dict[str, Any]: ...
    def list_sessions(self) -> list[dict[str, Any]]: ...
    def add_assets(self, session_id: str, sources: list[str]) -> dict[str, Any]: ...
    def instruct(self, session_id: str, text: str) -> dict[str, Any]: ...
    def get_state(self, session_id: str) -> dict[str, Any]: ...
    def timeline_json(self, session_id: str) -> str: ...
    def preview(self, session_id: str, progress: Progress | None = None) -> dict[str, Any]: ...
    def start_export(self, session_id: str, preset: str | None, quality: str,
                     output: str | None = None) -> dict[str, Any]: ...
    def export_status(self, job_id: str) -> dict[str, Any]: ...
    def credits(self) -> dict[str, Any]: ...
    def close(self) -> None: ...


# ----------------------------------------------------------------------------------------
# shared helpers
# ----------------------------------------------------------------------------------------

def _jsonable(value: Any) -> Any:
    """Enums, models, tuples and paths -> plain JSON values."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if hasattr(value, "value") and type(value).__module__ != "builtins" and isinstance(value.value, str | int):
        return value.value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def _asset_info(asset: Any) -> dict[str, Any]:
    data = _jsonable(asset)
    keep = ("id", "name", "kind", "width", "height", "duration_ms", "has_audio", "size_bytes", "format")
    return {k: data.get(k) for k in keep if k in data}


def _local_file(src: str) -> Path:
    """``src`` as a path (``~`` expanded); `MediaError` unless it is an existing file."""
    p = Path(src).expanduser()
    if not p.is_file():
        raise MediaError(f"file not found: {src}" if not p.exists() else f"not a file: {src}")
    return p


def download(url: str, directory: Path, *, max_bytes: int | None = None, timeout: float = 60.0,
             max_redirects: int = 5) -> Path:
    """Fetch an http(s) URL into ``directory`` (streamed, size-limited); returns the file.

    Every hop, redirects included, goes through the service's SSRF guard: private, loopback,
    link-local and reserved addresses are refused unless listed in ``REELFORGE_URL_ALLOWLIST``.
    """
    import httpx

    from reelforge.media.formats import MAX_FILE_BYTES, human_size
    from reelforge.service.uploads import check_url

    allow = [h for h in os.environ.get("REELFORGE_URL_ALLOWLIST", "").split(",") if h.strip()]
    limit = max_bytes or MAX_FILE_BYTES
    directory.mkdir(parents=True, exist_ok=True)
    name = Path(unquote(urlparse(url).path)).name or "download"
    name = "".join(c if c.isalnum() or c in "._-" else "_" for c in name)[-80:] or "download"
    target = directory / f"{uuid.uuid4().hex[:8]}-{name}"
    part = target.with_name(target.name + ".part")
    current = url
    try:
        with httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False) as client:
            for _ in range(max_redirects + 1):
                check_url(current, allow)
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise MediaError(f"could not download {url}: redirect without a location")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise MediaError(f"could not download {url}: HTTP {resp.status_code}")
                    size = 0
                    with open(part, "wb") as fh:
                        for chunk in resp.iter_bytes(1024 * 1024):
                            size += len(chunk)
                            if size > limit:
                                raise FileTooLarge(f"{name} from {url} is larger than the {human_size(limit)} limit")
                            fh.write(chunk)
                    part.replace(target)
                    return target
            raise MediaError(f"could not download {url}: more than {max_redirects} redirects")
    except httpx.HTTPError as exc:
        raise MediaError(f"could not download {url}: {type(exc).__name__}") from exc
    finally:
        part.unlink(missing_ok=True)


# ----------------------------------------------------------------------------------------
# embedded
# ----------------------------------------------------------------------------------------

class _Job:
    """An export running in a background thread; its record is mirrored to a JSON file."""

    def __init__(self, record: dict[str, Any], path: Path) -> None:
        self.record = record
        self.path = path
        self.lock = threading.Lock()

    def update(self, **changes: Any) -> None:
        with self.lock:
            self.record.update(changes)
            self.record["updated"] = time.time()
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.record, indent=2), encoding="utf-8")
            tmp.replace(self.path)

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return dict(self.record)


class EmbeddedBackend:
    """Sessions as project files under ``data_dir/sessions``; renders in this process."""

    mode = "embedded"

    def __init__(self, data_dir: str | os.PathLike[str] | None = None, *, local_files: bool = False) -> None:
        # local_files: the caller is the local user (MCP over stdio) and may name files on this
        # machine; over HTTP it is not, and only URLs are accepted.
        self.local_files = local_files
        self.data_dir = Path(data_dir).expanduser() if data_dir else default_data_dir()
        self.data_dir = self.data_dir.resolve()
        self.sessions_dir = self.data_dir / "sessions"
        self.exports_dir = self.data_dir / "exports"
        for d in (self.sessions_dir, self.exports_dir):
            d.mkdir(parents=True, exist_ok=True)
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._jobs: dict[str, _Job] = {}

    # -- sessions ---------------------------------------------------------------------
    def _dir(self, session_id: str) -> Path:
        sid = str(session_id).strip()
        if not sid or not all(c.isalnum() or c in "-_" for c in sid) or len(sid) > 64:
            raise NotFound(f"session {session_id!r} not found")
        return self.sessions_dir / sid

    def _project(self, session_id: str) -> Path:
        return self._dir(session_id) / "project.json"

    def _lock(self, session_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(session_id, threading.Lock())

    def _load(self, session_id: str):
        project = self._project(session_id)
        if not project.exists():
            raise NotFound(f"session {session_id!r} not found (create one with create_session)")
        from reelforge.session import Session

        return Session.load(project, local_files=self.local_files)

    def _save(self, session_id: str, session) -> None:
        session.save(self._project(session_id))

    def _meta(self, session_id: str) -> dict[str, Any]:
        meta = self._dir(session_id) / "meta.json"
        if meta.exists():
            return json.loads(meta.read_text(encoding="utf-8"))
        return {}

    def create_session(self, name: str | None = None) -> dict[str, Any]:
        from reelforge.session import Session

        sid = uuid.uuid4().hex[:12]
        folder = self._dir(sid)
        (folder / "media").mkdir(parents=True, exist_ok=True)
        session = Session.new(local_files=self.local_files)
        self._save(sid, session)
        meta = {"id": sid, "name": name or f"session {sid}", "created": time.time()}
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        return {"session_id": sid, "name": meta["name"], "mode": self.mode,
                "data_dir": str(folder)}

    def list_sessions(self) -> list[dict[str, Any]]:
        out = []
        for folder in sorted(self.sessions_dir.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True):
            if (folder / "project.json").exists():
                meta = self._meta(folder.name)
                out.append({"session_id": folder.name, "name": meta.get("name", folder.name),
                            "created": meta.get("created")})
        return out

    def add_assets(self, session_id: str, sources: list[str]) -> dict[str, Any]:
        if not sources:
            raise MediaError("give at least one file path or http(s) URL")
        folder = self._dir(session_id)
        with self._lock(session_id):
            session = self._load(session_id)
            paths: list[Path] = []
            downloaded: list[Path] = []
            try:
                for src in sources:
                    src = str(src).strip()
                    if _is_url(src):
                        p = download(src, folder / "downloads")
                        downloaded.append(p)
                        paths.append(p)
                        continue
                    if "://" in src:
                        raise MediaError(f"unsupported URL scheme in {src!r}: use http(s) URLs or local paths")
                    if not self.local_files:
                        raise MediaError("files on the server are not read over MCP HTTP: give http(s) URLs "
                                         "(or run `reelforge mcp` over stdio for local files)")
                    paths.append(_local_file(src).resolve())
                added = session.add_assets(paths, workdir=folder / "media")
            except BaseException:
                for p in downloaded:
                    p.unlink(missing_ok=True)
                raise
            self._save(session_id, session)
        return {"session_id": session_id, "added": [_asset_info(a) for a in added],
                "media": [_asset_info(a) for a in session.library]}

    def instruct(self, session_id: str, text: str) -> dict[str, Any]:
        if not str(text).strip():
            raise ReelforgeError("the instruction is empty: say what to make or change")
        with self._lock(session_id):
            session = self._load(session_id)
            reply = session.handle(text)
            self._save(session_id, session)
        out = {"session_id": session_id}
        for field in ("intent", "status", "message", "changed", "summary", "version"):
            out[field] = _jsonable(getattr(reply, field))
        if reply.ops:
            out["ops"] = _jsonable(list(reply.ops))
        return out

    def _state(self, session_id: str, session) -> dict[str, Any]:
        from reelforge.timeline import to_draft

        tl = session.timeline
        summary = None
        if tl is not None:
            from reelforge.timeline.summary import summarize

            summary = summarize(tl)
        return {
            "session_id": session_id,
            "summary": summary or "No timeline yet: add media and say what to make.",
            "version": session.version,
            "media": [_asset_info(a) for a in session.library],
            "draft": to_draft(tl) if tl is not None else None,
            "timeline": json.loads(tl.to_json()) if tl is not None else None,
        }

    def get_state(self, session_id: str) -> dict[str, Any]:
        with self._lock(session_id):
            session = self._load(session_id)
        return self._state(session_id, session)

    def timeline_json(self, session_id: str) -> str:
        with self._lock(session_id):
            session = self._load(session_id)
        if session.timeline is None:
            raise NotFound(f"session {session_id} has no timeline yet: send an instruction first")
        return session.timeline.to_json()

    def _timeline(self, session_id: str):
        with self._lock(session_id):
            session = self._load(session_id)
        if session.timeline is None:
            raise ReelforgeError(f"session {session_id} has no timeline yet: add media and send an instruction first")
        return session.timeline

    def preview(self, session_id: str, progress: Progress | None = None) -> dict[str, Any]:
        from reelforge.render import render, verify

        tl = self._timeline(session_id)
        out = self._dir(session_id) / "previews" / f"preview-{uuid.uuid4().hex[:6]}.mp4"
        out.parent.mkdir(parents=True, exist_ok=True)
        for old in out.parent.glob("preview-*.mp4"):
            old.unlink(missing_ok=True)
        render(tl, out, quality="draft", progress=(lambda f: progress(f, "rendering preview")) if progress else None)
        info = verify(out)
        return {"session_id": session_id, "path": str(out), **_media_facts(info, out)}

    # -- exports ----------------------------------------------------------------------
    def start_export(self, session_id: str, preset: str | None = None, quality: str = "standard",
                     output: str | None = None) -> dict[str, Any]:
        _check_quality(quality)
        aspect, resolution = parse_preset(preset)
        tl = _apply_preset(self._timeline(session_id), aspect, resolution)
        job_id = uuid.uuid4().hex[:12]
        if output and not self.local_files:
            raise ReelforgeError("output_path is accepted only over stdio: over HTTP the export is kept by "
                                 "the server and its path is returned")
        if output:
            target = Path(output).expanduser().resolve()
            if target.suffix.lower() != ".mp4":
                raise ReelforgeError(f"output must end in .mp4: {output}")
        else:
            target = self.exports_dir / f"{session_id}-{job_id}.mp4"
        target.parent.mkdir(parents=True, exist_ok=True)
        record = {"job_id": job_id, "session_id": session_id, "status": "queued", "progress": 0.0,
                  "preset": preset, "quality": quality, "frame": [tl.width, tl.height],
                  "path": None, "error": None, "created": time.time()}
        job = _Job(record, self.exports_dir / f"{job_id}.json")
        job.update()
        self._jobs[job_id] = job
        thread = threading.Thread(target=self._run_export, args=(job, tl, target, quality),
                                  name=f"export-{job_id}", daemon=True)
        thread.start()
        return job.snapshot()

    def _run_export(self, job: _Job, tl, target: Path, quality: str) -> None:
        from reelforge.render import verify
        from reelforge.render.cache import default_cache
        from reelforge.render.chunked import export

        job.update(status="running")
        last = [0.0]

        def on_progress(fraction: float) -> None:
            if fraction - last[0] >= 0.01:
                last[0] = fraction
                job.update(progress=round(min(max(fraction, 0.0), 1.0), 3))

        try:
            result = export(tl, target, quality=quality, progress=on_progress, cache=default_cache())
            info = verify(target)
        except ReelforgeError as exc:
            job.update(status="failed", error={"code": error_code(exc), "message": exc.message})
        except Exception as exc:  # pragma: no cover - unexpected
            job.update(status="failed", error={"code": 5000, "message": f"render failed: {exc}",
                                               "trace": traceback.format_exc(limit=3)})
        else:
            job.update(status="completed", progress=1.0, path=str(target), chunks=result.chunks,
                       chunks_reused=result.reused, **_media_facts(info, target))

    def export_status(self, job_id: str) -> dict[str, Any]:
        job = self._jobs.get(job_id)
        if job is not None:
            return job.snapshot()
        if not job_id or not all(c.isalnum() for c in job_id):
            raise NotFound(f"export {job_id!r} not found")
        saved = self.exports_dir / f"{job_id}.json"
        if not saved.exists():
            raise NotFound(f"export {job_id!r} not found")
        record = json.loads(saved.read_text(encoding="utf-8"))
        if record.get("status") in ("queued", "running"):
            # the process that ran it has gone away
            record["status"] = "failed"
            record["error"] = {"code": 5001, "message": "the export was interrupted (the MCP server stopped); export again"}
        return record

    def credits(self) -> dict[str, Any]:
        return {"mode": self.mode, "unlimited": True, "available": None, "frozen": 0, "total": None,
                "message": "embedded mode renders locally: exports cost no credits"}

    def close(self) -> None:
        pass


def _media_facts(info: Any, path: Path) -> dict[str, Any]:
    facts: dict[str, Any] = {"size_bytes": path.stat().st_size}
    for key in ("width", "height", "duration", "fps", "vcodec", "acodec"):
        v = getattr(info, key, None)
        if v is not None:
            facts[key if key != "duration" else "duration_s"] = round(v, 3) if isinstance(v, float) else v
    return facts


def _apply_preset(tl, aspect: str | None, resolution: str | None):
    """The timeline with its frame changed to the preset (unchanged when none is given)."""
    if aspect is None and resolution is None:
        return tl
    from reelforge.timeline import replace
    from reelforge.timeline.presets import aspect_of, frame_size, resolution_of

    if aspect is None:
        aspect = aspect_of(tl.width, tl.height)
        if aspect not in ASPECTS:
            aspect = "16:9"
    if resolution is None:
        resolution = resolution_of(tl.width, tl.height)
        if resolution not in RESOLUTIONS:
            resolution = "1080p"
    width, height = frame_size(aspect, resolution)
    return replace(tl, width=width, height=height)


# ----------------------------------------------------------------------------------------
# remote
# ----------------------------------------------------------------------------------------

class RemoteBackend:
    """Talks to ``reelforge serve`` at ``url`` through ``/v1`` with an anonymous token."""

    mode = "remote"

    def __init__(self, url: str, data_dir: str | os.PathLike[str] | None = None,
                 token: str | None = None, client_id: str | None = None,
                 transport: Any = None, *, local_files: bool = False) -> None:
        import httpx

        self.local_files = local_files  # as for EmbeddedBackend: only the stdio caller names local files
        self.base = url.rstrip("/")
        self.data_dir = (Path(data_dir).expanduser() if data_dir else default_data_dir()).resolve()
        self.downloads = self.data_dir / "downloads"
        self.downloads.mkdir(parents=True, exist_ok=True)
        self._state_file = self.data_dir / "remote.json"
        self._client_id = client_id
        self._token = token or os.environ.get("REELFORGE_TOKEN")
        self._fixed_token = False
        kwargs: dict[str, Any] = {"base_url": self.base, "timeout": httpx.Timeout(60.0, read=600.0),
                                  "headers": {"X-Skill-Source": "reelforge-mcp"}}
        if transport is not None:
            kwargs["transport"] = transport
        self.http = httpx.Client(**kwargs)
        self._lock = threading.Lock()

    # -- auth -------------------------------------------------------------------------
    def for_token(self, token: str) -> RemoteBackend:
        """This backend acting as the holder of ``token`` (a caller of MCP over HTTP who
        authenticated with their service token): same connection, their account, and no
        anonymous token of our own when theirs is refused."""
        import copy

        view = copy.copy(self)
        view._token = token
        view._fixed_token = True
        return view

    def _saved(self) -> dict[str, Any]:
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data.get(self.base, {}) if isinstance(data, dict) else {}

    def _remember(self, **values: Any) -> None:
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                data = {}
        except (OSError, ValueError):
            data = {}
        data.setdefault(self.base, {}).update(values)
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.chmod(tmp, 0o600)
        tmp.replace(self._state_file)

    def _auth(self, renew: bool = False) -> dict[str, str]:
        if self._fixed_token:
            if renew:
                raise ApiError(1001, "the service refused this token (invalid or expired)", 401)
            return {"Authorization": f"Bearer {self._token}"}
        with self._lock:
            if self._token and not renew:
                return {"Authorization": f"Bearer {self._token}"}
            saved = self._saved()
            if not renew and saved.get("token"):
                self._token = saved["token"]
                return {"Authorization": f"Bearer {self._token}"}
            client_id = self._client_id or saved.get("client_id") or f"mcp-{uuid.uuid4().hex}"
            resp = self.http.post("/v1/auth/anonymous-token", headers={"X-Client-Id": client_id})
            if resp.status_code == 429 and client_id == saved.get("client_id"):
                # this client id already got its token this week; a new install gets a new id
                client_id = f"mcp-{uuid.uuid4().hex}"
                resp = self.http.post("/v1/auth/anonymous-token", headers={"X-Client-Id": client_id})
            data = self._json(resp)
            token = data.get("token") or data.get("access_token")
            if not token:
                raise ApiError(1001, "the service did not return a token")
            self._token = token
            self._remember(client_id=client_id, token=token)
            return {"Authorization": f"Bearer {token}"}

    @staticmethod
    def _json(resp) -> Any:
        if resp.status_code >= 400:
            try:
                data = resp.json()
            except ValueError:
                data = None
            if isinstance(data, dict) and "message" in data:
                raise ApiError(int(data.get("code", resp.status_code)), str(data["message"]), resp.status_code)
            detail = data.get("detail") if isinstance(data, dict) else None
            raise ApiError(resp.status_code, str(detail or resp.text[:300] or resp.reason_phrase), resp.status_code)
        if not resp.content:
            return {}
        return resp.json()

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        import httpx

        try:
            resp = self.http.request(method, path, headers=self._auth(), **kwargs)
            if resp.status_code == 401:
                resp = self.http.request(method, path, headers=self._auth(renew=True), **kwargs)
        except httpx.HTTPError as exc:
            raise ApiError(5002, f"cannot reach the reelforge service at {self.base}: {exc}") from exc
        return self._json(resp)

    # -- tools ------------------------------------------------------------------------
    def create_session(self, name: str | None = None) -> dict[str, Any]:
        data = self._request("POST", "/v1/sessions", json={"name": name or "mcp project", "language": "en"})
        sid = data.get("id") or data.get("session_id")
        return {"session_id": sid, "name": data.get("name"), "mode": self.mode, "service": self.base}

    def list_sessions(self) -> list[dict[str, Any]]:
        data = self._request("GET", "/v1/sessions")
        items = data.get("sessions", data.get("items", [])) if isinstance(data, dict) else data
        return [{"session_id": s.get("id") or s.get("session_id"), **{k: v for k, v in s.items() if k != "id"}}
                for s in items]

    def add_assets(self, session_id: str, sources: list[str]) -> dict[str, Any]:
        if not sources:
            raise MediaError("give at least one file path or http(s) URL")
        urls = [s for s in sources if _is_url(str(s))]
        paths = []
        for src in sources:
            if _is_url(str(src)):
                continue
            if not self.local_files:
                raise MediaError("files on this machine are not read over MCP HTTP: give http(s) URLs "
                                 "(or run `reelforge mcp` over stdio for local files)")
            paths.append(_local_file(str(src)))
        added: list[Any] = []
        if paths:
            handles = [open(p, "rb") for p in paths]
            try:
                files = [("file", (p.name, fh, "application/octet-stream")) for p, fh in zip(paths, handles, strict=True)]
                data = self._request("POST", f"/v1/sessions/{session_id}/assets", files=files)
            finally:
                for fh in handles:
                    fh.close()
            added.extend(_assets_of(data))
        if urls:
            data = self._request("POST", f"/v1/sessions/{session_id}/assets", json={"urls": urls})
            added.extend(_assets_of(data))
        state = self.get_state(session_id)
        return {"session_id": session_id, "added": [_asset_info(a) for a in added], "media": state["media"]}

    def instruct(self, session_id: str, text: str) -> dict[str, Any]:
        """Send the instruction to the streaming chat route and collect the whole answer."""
        import httpx

        if not str(text).strip():
            raise ReelforgeError("the instruction is empty: say what to make or change")
        messages: list[str] = []
        final: dict[str, Any] = {}
        tools: list[Any] = []
        for attempt in (0, 1):
            try:
                with self.http.stream("POST", f"/v1/sessions/{session_id}/chat",
                                      json={"text": text},
                                      headers={**self._auth(renew=attempt == 1), "Accept": "text/event-stream"}) as resp:
                    if resp.status_code == 401 and attempt == 0:
                        continue
                    if resp.status_code >= 400:
                        resp.read()
                        self._json(resp)
                    for event, data in _sse_events(resp.iter_lines()):
                        payload = _loads(data)
                        if event == "message":
                            messages.append(payload.get("text") or payload.get("message") or ""
                                            if isinstance(payload, dict) else str(payload))
                        elif event == "tool":
                            tools.append(payload)
                        elif event == "error":
                            if isinstance(payload, dict):
                                raise ApiError(int(payload.get("code", 1)), str(payload.get("message", payload)))
                            raise ApiError(1, str(payload))
                        elif event == "done":
                            final = payload if isinstance(payload, dict) else {"message": payload}
                break
            except httpx.HTTPError as exc:
                raise ApiError(5002, f"cannot reach the reelforge service at {self.base}: {exc}") from exc
        out = {"session_id": session_id}
        reply = final.get("reply", final) if isinstance(final, dict) else {}
        for field in ("intent", "status", "message", "changed", "summary", "version", "ops"):
            if field in reply:
                out[field] = reply[field]
        if not out.get("message"):
            out["message"] = "".join(messages).strip()
        if "summary" not in out:
            out["summary"] = self.get_state(session_id).get("summary")
        started = final.get("export") if isinstance(final, dict) else None
        if isinstance(started, dict) and started.get("id"):
            # "export" in the chat starts a render on the service: hand its job over
            out["export"] = self._record(started, started["id"])
        return out

    def get_state(self, session_id: str) -> dict[str, Any]:
        data = self._request("GET", f"/v1/sessions/{session_id}/state")
        return {"session_id": session_id, "summary": data.get("summary"), "version": data.get("version"),
                "media": [_asset_info(a) for a in (data.get("media") or [])],
                "draft": data.get("draft"), "timeline": data.get("timeline")}

    def timeline_json(self, session_id: str) -> str:
        state = self.get_state(session_id)
        if not state.get("timeline"):
            raise NotFound(f"session {session_id} has no timeline yet: send an instruction first")
        return json.dumps(state["timeline"], indent=2, ensure_ascii=False)

    def _download(self, url: str, target: Path) -> Path:
        import httpx

        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        try:
            with self.http.stream("GET", url, headers=self._auth()) as resp:
                if resp.status_code >= 400:
                    resp.read()
                    self._json(resp)
                with open(part, "wb") as fh:
                    for chunk in resp.iter_bytes(1024 * 1024):
                        fh.write(chunk)
            part.replace(target)
        except httpx.HTTPError as exc:
            raise ApiError(5002, f"download from {self.base} failed: {exc}") from exc
        finally:
            part.unlink(missing_ok=True)
        return target

    def preview(self, session_id: str, progress: Progress | None = None) -> dict[str, Any]:
        """Ask the service for a draft render (free), wait for it, download it."""
        from reelforge.render import verify

        data = self._request("POST", f"/v1/sessions/{session_id}/preview", json={})
        job_id = data.get("id") or data.get("export_id")
        while True:
            record = self._record(data, job_id)
            if progress is not None:
                progress(record["progress"], f"preview {record['status']}")
            if record["status"] == "completed":
                break
            if record["status"] in ("failed", "cancelled"):
                err = record.get("error") or {}
                raise ApiError(int(err.get("code", 5001)), err.get("message", "the preview failed"))
            time.sleep(0.5)
            data = self._request("GET", f"/v1/exports/{job_id}")
        target = self.downloads / f"preview-{session_id}.mp4"
        self._download(record.get("url") or f"/v1/exports/{job_id}/download", target)
        info = verify(target)
        return {"session_id": session_id, "path": str(target), "url": record.get("url"),
                **_media_facts(info, target)}

    def start_export(self, session_id: str, preset: str | None = None, quality: str = "standard",
                     output: str | None = None) -> dict[str, Any]:
        """POST /v1/sessions/{sid}/exports. The API's presets are one name each (an aspect at
        1080p, or a resolution at the timeline's own aspect); another aspect at 720p is sent
        as the session's draft with the frame changed (the API renders a given draft)."""
        _check_quality(quality)
        aspect, resolution = parse_preset(preset)
        if output and not self.local_files:
            raise ReelforgeError("output_path is accepted only over stdio: over HTTP the export is kept by "
                                 "the server and its download URL is returned")
        if output and Path(output).suffix.lower() != ".mp4":
            raise ReelforgeError(f"output must end in .mp4: {output}")
        body: dict[str, Any] = {"quality": quality}
        if aspect and resolution and resolution != "1080p":
            state = self.get_state(session_id)
            draft = state.get("draft")
            from reelforge.timeline.presets import aspect_of, frame_size

            w, h = frame_size(aspect, resolution)
            if draft and aspect_of(draft["m"]["w"], draft["m"]["h"]) != aspect:
                body["draft"] = {**draft, "m": {**draft["m"], "w": w, "h": h}}
            else:
                body["preset"] = resolution
        elif aspect or resolution:
            body["preset"] = aspect or resolution
        data = self._request("POST", f"/v1/sessions/{session_id}/exports", json=body)
        job_id = data.get("id") or data.get("job_id") or data.get("export_id")
        self._remember(**{f"export:{job_id}": {"output": output, "session_id": session_id}})
        return self._record(data, job_id)

    def _record(self, data: dict[str, Any], job_id: str) -> dict[str, Any]:
        status = str(data.get("status", "queued")).lower()
        if status in ("done", "succeeded", "success", "complete"):
            status = "completed"
        if status in ("error",):
            status = "failed"
        # the API reports progress in percent
        progress = float(data.get("progress", 0.0) or 0.0) / 100.0
        record = {"job_id": job_id, "session_id": data.get("session_id"), "status": status,
                  "progress": round(min(max(progress, 0.0), 1.0), 3), "preset": data.get("preset"),
                  "quality": data.get("quality"), "frame": [data.get("width"), data.get("height")],
                  "path": None, "error": data.get("error")}
        url = data.get("download_url") or data.get("url")
        if url:
            record["url"] = _absolute(self.base, url)
        if record["error"] and not isinstance(record["error"], dict):
            text = str(record["error"])
            try:
                loaded = json.loads(text)
            except ValueError:
                loaded = None
            record["error"] = loaded if isinstance(loaded, dict) else {"code": data.get("code", 5001), "message": text}
        return record

    def export_status(self, job_id: str) -> dict[str, Any]:
        from reelforge.render import verify

        data = self._request("GET", f"/v1/exports/{job_id}")
        record = self._record(data, job_id)
        if record["status"] == "completed":
            saved = self._saved().get(f"export:{job_id}", {})
            target = Path(saved["output"]).expanduser() if saved.get("output") else self.downloads / f"{job_id}.mp4"
            if not target.exists():
                self._download(record.get("url") or f"/v1/exports/{job_id}/download", target)
            record["path"] = str(target)
            record.update(_media_facts(verify(target), target))
        return record

    def credits(self) -> dict[str, Any]:
        data = self._request("GET", "/v1/credits")
        return {"mode": self.mode, "unlimited": False, **data}

    def close(self) -> None:
        self.http.close()


def _absolute(base: str, url: str) -> str:
    return url if urlparse(url).scheme else base + (url if url.startswith("/") else "/" + url)


def _assets_of(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("assets", "added", "media", "items"):
            if isinstance(data.get(key), list):
                return data[key]
        if "id" in data:
            return [data]
    return []


def _loads(data: str) -> Any:
    try:
        return json.loads(data)
    except ValueError:
        return data


def _sse_events(lines):
    """Parse a text/event-stream into ``(event, data)`` pairs (comments are heartbeats)."""
    event, data = "message", []
    for line in lines:
        if line == "":
            if data:
                yield event, "\n".join(data)
            event, data = "message", []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "event":
            event = value
        elif field == "data":
            data.append(value)
    if data:
        yield event, "\n".join(data)


def make_backend(url: str | None = None, data_dir: str | os.PathLike[str] | None = None, *,
                 local_files: bool = False) -> Backend:
    """The remote backend for ``url``, else the embedded one; ``local_files`` only for stdio."""
    if url:
        return RemoteBackend(url, data_dir=data_dir, local_files=local_files)
    return EmbeddedBackend(data_dir, local_files=local_files)


__all__ = ["Backend", "EmbeddedBackend", "RemoteBackend", "ApiError", "make_backend", "error_code",
           "parse_preset", "default_data_dir", "RenderError"]
