"""The MCP tools over a running ``reelforge serve``: every call is its ``/v1`` HTTP API.

The MCP server holds an anonymous token of its own (client id and token kept in the data dir,
so a restart reuses them) or ``$REELFORGE_TOKEN``; over HTTP a caller who authenticated with
their own service token is served by `RemoteBackend.for_token` (their account, no token of
ours). Exports are queued on the service's workers, progress is polled and the finished MP4 is
downloaded into the data dir (or ``output_path``, stdio only).
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from reelforge.errors import MediaError, NotFound, ReelforgeError
from reelforge.mcp.backend import (
    PREVIEW_WAIT,
    ApiError,
    Progress,
    asset_info,
    check_quality,
    default_data_dir,
    is_url,
    local_file,
    media_facts,
    parse_preset,
    playable_note,
    preview_wait_expired,
)


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
        items: list[dict[str, Any]] = []
        params: dict[str, Any] = {"limit": 200}
        for _ in range(1000):  # pages of the service's list (`next`), bounded by its session limit
            data = self._request("GET", "/v1/sessions", params=params)
            items += data.get("sessions", data.get("items", [])) if isinstance(data, dict) else data
            cursor = data.get("next") if isinstance(data, dict) else None
            if not cursor:
                break
            params = {"limit": 200, "cursor": cursor}
        return [{"session_id": s.get("id") or s.get("session_id"), **{k: v for k, v in s.items() if k != "id"}}
                for s in items]

    def delete_session(self, session_id: str) -> dict[str, Any]:
        """``DELETE /v1/sessions/{id}`` on the service (204)."""
        from urllib.parse import quote

        self._request("DELETE", f"/v1/sessions/{quote(session_id, safe='')}")
        return {"session_id": session_id, "deleted": True}

    def add_assets(self, session_id: str, sources: list[str]) -> dict[str, Any]:
        if not sources:
            raise MediaError("give at least one file path or http(s) URL")
        urls = [s for s in sources if is_url(str(s))]
        paths = []
        for src in sources:
            if is_url(str(src)):
                continue
            if not self.local_files:
                raise MediaError("files on this machine are not read over MCP HTTP: give http(s) URLs "
                                 "(or run `reelforge mcp` over stdio for local files)")
            paths.append(local_file(str(src)))
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
        return {"session_id": session_id, "added": [asset_info(a) for a in added], "media": state["media"]}

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
                "media": [asset_info(a) for a in (data.get("media") or [])],
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

    def start_preview(self, session_id: str) -> dict[str, Any]:
        """Ask the service for a draft render (free); its record at once, with the service's
        ``live_url`` (the preview as it renders)."""
        return self._start_preview(session_id)[0]

    def _start_preview(self, session_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
        data = self._request("POST", f"/v1/sessions/{session_id}/preview", json={})
        return self._record(data, data.get("id") or data.get("export_id")), data

    def preview(self, session_id: str, progress: Progress | None = None) -> dict[str, Any]:
        """Ask the service for a draft render (free), wait for it, download it (stdio)."""
        from reelforge.render import verify

        record, data = self._start_preview(session_id)
        job_id = record["job_id"]
        deadline = time.monotonic() + PREVIEW_WAIT
        while True:
            record = self._record(data, job_id)
            if progress is not None:
                progress(record["progress"], playable_note(f"preview {record['status']}", record.get("rendered_ms"),
                                                           data.get("duration_ms"), record.get("live_url")))
            if record["status"] == "completed":
                break
            if record["status"] in ("failed", "cancelled"):
                err = record.get("error") or {}
                raise ApiError(int(err.get("code", 5001)), err.get("message", "the preview failed"))
            if time.monotonic() >= deadline:
                raise preview_wait_expired(job_id, record["status"], PREVIEW_WAIT)
            time.sleep(0.5)
            data = self._request("GET", f"/v1/exports/{job_id}")
        if not self.local_files:
            return {"session_id": session_id, **self._remote_files(record, data)}
        target = self.downloads / f"preview-{session_id}.mp4"
        self._download(record.get("url") or f"/v1/exports/{job_id}/download", target)
        info = verify(target)
        return {"session_id": session_id, "job_id": job_id, "kind": "preview", "path": str(target),
                "url": record.get("url"), "live_url": record.get("live_url"),
                "rendered_ms": record.get("rendered_ms"), **media_facts(info, target)}

    def start_export(self, session_id: str, preset: str | None = None, quality: str = "standard",
                     output: str | None = None) -> dict[str, Any]:
        """POST /v1/sessions/{sid}/exports. The API's presets are one name each (an aspect at
        1080p, or a resolution at the timeline's own aspect); another aspect at 720p is sent
        as the session's draft with the frame changed (the API renders a given draft)."""
        check_quality(quality)
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
        record = {"job_id": job_id, "session_id": data.get("session_id"), "kind": data.get("kind", "export"),
                  "status": status,
                  "progress": round(min(max(progress, 0.0), 1.0), 3), "preset": data.get("preset"),
                  "quality": data.get("quality"), "frame": [data.get("width"), data.get("height")],
                  "path": None, "error": data.get("error")}
        url = data.get("download_url") or data.get("url")
        if url:
            record["url"] = _absolute(self.base, url)
        if record["kind"] == "preview":   # the preview as it renders (the service's unguessable link)
            live = data.get("live_url")
            record["live_url"] = _absolute(self.base, live) if live else None
            record["rendered_ms"] = data.get("rendered_ms")
        if isinstance(data.get("captions"), dict):
            record["caption_urls"] = {k: _absolute(self.base, v) for k, v in data["captions"].items()}
        t = data.get("transcript")
        if isinstance(t, dict) and t.get("status"):
            record["transcript"] = {"status": t["status"], "reason": t.get("reason"), "cues": t.get("cues", 0)}
            if t["status"] == "ready" and t.get("srt") and t.get("vtt"):
                record["transcript_urls"] = {k: _absolute(self.base, t[k]) for k in ("srt", "vtt")}
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
        if record["status"] == "completed" and not self.local_files:
            return self._remote_files(record, data)
        if record["status"] == "completed":
            saved = self._saved().get(f"export:{job_id}", {})
            target = Path(saved["output"]).expanduser() if saved.get("output") else self.downloads / f"{job_id}.mp4"
            if not target.exists():
                self._download(record.get("url") or f"/v1/exports/{job_id}/download", target)
            record["path"] = str(target)
            record.update(media_facts(verify(target), target))
            if record.get("caption_urls"):   # the caption files beside the MP4, as embedded
                record["captions"] = {}
                for fmt, url in record["caption_urls"].items():
                    local = target.with_suffix("." + fmt)
                    if not local.exists():
                        self._download(url, local)
                    record["captions"][fmt] = str(local)
            if record.get("transcript_urls"):   # the voiceover's transcript, beside it too
                record["transcript"] = dict(record["transcript"])
                for fmt, url in record["transcript_urls"].items():
                    local = target.with_name(f"{target.stem}.transcript.{fmt}")
                    if not local.exists():
                        self._download(url, local)
                    record["transcript"][fmt] = str(local)
        return record

    @staticmethod
    def _remote_files(record: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
        """Over HTTP the caller is not on this machine: nothing is downloaded here and no path
        is shown; the service's own links are the way to the files (``download_url``, the
        unguessable link the service's status document gives; ``caption_urls``,
        ``transcript_urls``)."""
        record["download_url"] = record.get("url")
        record["file"] = f"reelforge-{record['job_id'][:8]}.mp4"
        record.update(width=data.get("width"), height=data.get("height"),
                      duration_s=round((data.get("duration_ms") or 0) / 1000, 3))
        return record

    def export_timeline(self, session_id: str, fmt: str) -> bytes:
        import httpx

        try:
            resp = self.http.get(f"/v1/sessions/{session_id}/timeline.{fmt}", headers=self._auth())
            if resp.status_code == 401:
                resp = self.http.get(f"/v1/sessions/{session_id}/timeline.{fmt}", headers=self._auth(renew=True))
        except httpx.HTTPError as exc:
            raise ApiError(5002, f"cannot reach the reelforge service at {self.base}: {exc}") from exc
        if resp.status_code >= 400:
            self._json(resp)
        return resp.content

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
