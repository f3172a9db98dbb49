"""Service settings, read from the environment (prefix ``REELFORGE_``) or given in code.

Every field can be set as ``REELFORGE_<NAME>`` (e.g. ``REELFORGE_DATA_DIR``,
``REELFORGE_URL_ALLOWLIST=127.0.0.1,10.0.0.0/8``, ``REELFORGE_QUEUE=redis://host:6379/0``,
``REELFORGE_DATABASE_URL=postgresql+psycopg://user:pw@host/db``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from reelforge.timeline.limits import Limits, env_name

ENV_PREFIX = "REELFORGE_"


def _default_max_upload() -> int:
    try:
        from reelforge.media.formats import MAX_FILE_BYTES
    except ImportError:  # pragma: no cover - media not installed yet
        return 500 * 1024**2
    return MAX_FILE_BYTES


class Settings(BaseModel):
    """Explicit arguments win, then ``REELFORGE_<FIELD>`` environment variables, then defaults.
    (Plain pydantic: no extra dependency.)"""

    model_config = ConfigDict(extra="ignore", validate_default=True)

    data_dir: Path = Field(Path("./reelforge-data"), description="database, queue, media and renders")
    host: str = "127.0.0.1"
    port: int = 8000
    public_base_url: str | None = Field(None, description="base of download links; default http://host:port")

    # auth and credits
    starter_credits: int = Field(100, ge=0)
    token_ttl_days: float = Field(7, gt=0)
    anon_tokens_per_ip_per_day: int = Field(10, ge=0, description="anonymous tokens one IP address gets per day")

    # what one account keeps on the server (reelforge.service.quotas)
    max_sessions_per_account: int = Field(
        200, ge=1, description="sessions one account (token) keeps at once; DELETE /v1/sessions/{id} frees room")
    max_storage_bytes_per_account: int = Field(
        5 * 1024**3, ge=1, description="bytes of media one account keeps in all its sessions: uploads and the "
                                       "files made from them (upright copies, voiceovers, cards); 5 GiB; "
                                       "renders are not counted (previews: previews_kept_per_session)")

    # previews (free, so limited)
    preview_concurrency: int = Field(1, ge=0, description="previews queued or rendering at once per account")
    preview_seconds_per_hour: float = Field(600, ge=0, description="seconds of preview video per account per hour")
    preview_wait_seconds: float = Field(
        300, gt=0, le=300, description="longest a preview wait blocks: HTTP ?wait= (capped to it) and the MCP "
                                       "preview tool with wait=true (error 408 past it; the render goes on)")
    previews_kept_per_session: int = Field(
        3, ge=1, description="a session keeps its newest N previews; older finished ones (file and status) are "
                             "removed when a new one is made")
    preview_max_seconds: float = Field(60, gt=0, description="a preview renders at most this many seconds (the start)")
    live_streams: int = Field(32, ge=1, description="previews' live streams open at once per process (then 429)")
    live_streams_per_account: int = Field(4, ge=1, description="previews' live streams open at once per "
                                                               "account (then 429)")
    event_streams_per_account: int = Field(8, ge=1, description="export progress streams (SSE) open at once "
                                                                "per account (then 429)")
    event_streams: int = Field(256, ge=1, description="export progress streams (SSE) open at once per process (then 429)")
    chats_per_account: int = Field(2, ge=1, description="instructions (chat, /run_sse, MCP instruct) handled at once "
                                                        "per account (then 429): a first cut or a voiceover holds a "
                                                        "CPU for seconds")
    chats: int = Field(16, ge=1, description="instructions handled at once per process (then 429)")
    mcp_video_reads_per_account: int = Field(
        2, ge=1, description="MCP resources/read of an export's video (a base64 blob of up to 16 MB, held "
                             "whole several times until it is sent) in flight at once per account (then an "
                             "error 429)")
    mcp_sessions_per_account: int = Field(
        16, ge=1, description="MCP sessions (/mcp of serve) open at once per account; one more initialize is "
                              "429 (the SDK's 10,000 per process were one token's to take)")
    mcp_session_idle_seconds: float = Field(
        1800, gt=0, description="an MCP session with no request in flight for this long is ended (its id then "
                                "answers 404) and gives its room back")
    mcp_video_reads: int = Field(6, ge=1, description="MCP video resource reads in flight at once per process")
    max_stream_seconds: float = Field(
        1800, gt=0, description="longest an export progress stream (SSE) or a preview's live stream stays open; "
                                "the SSE stream then ends with an `expired` event (reconnect or poll)")

    # uploads
    header_seconds: float = Field(
        30, gt=0, description="longest a connection may take to send a request's line and headers (from "
                              "when it opens, or when its next request starts); then it is closed")
    body_idle_seconds: float = Field(
        30, gt=0, description="longest a request body may pause (no bytes arriving) before the request is "
                              "answered 408 and its connection closed (uploads too: the partial file is removed)")
    max_upload_bytes: int = Field(default_factory=_default_max_upload, gt=0)
    url_allowlist: list[str] = Field(
        default_factory=list, description="hosts or CIDRs fetched even when private/loopback")
    url_max_bytes: int | None = Field(None, description="default: max_upload_bytes")
    url_timeout: float = Field(60.0, gt=0, description="seconds for one URL in total (waiting, connecting, reading)")
    url_max_redirects: int = 5
    url_workers: int = Field(8, ge=1, description="URL downloads at once (the fetcher's own pool)")
    url_per_host: int = Field(2, ge=1, description="URL downloads at once to one host")
    url_max_per_request: int = Field(20, ge=1, description="URLs in one upload request")
    upload_max_files: int = Field(1000, ge=1, description="file parts in one multipart upload request")
    upload_max_fields: int = Field(64, ge=1, description="non-file form fields in one multipart upload request")
    upload_max_field_bytes: int = Field(256 * 1024, ge=1024,
                                        description="bytes of all non-file form fields of one upload request")
    max_image_pixels: int = Field(50_000_000, gt=0, description="largest still picture (pixels)")
    max_video_pixels: int = Field(8192 * 4320, gt=0, description="largest video frame (pixels; 8K)")
    max_animation_pixels: int = Field(300_000_000, gt=0,
                                      description="an animation's frames x canvas, pixels (GIF/WebP/APNG)")
    max_animation_frames: int = Field(3000, gt=0, description="frames of one animation")
    image_decode_concurrency: int = Field(1, ge=1, description="large pictures (16+ MP) decoded at once per process")

    # jobs
    queue: str = Field("sqlite", description="'sqlite' (file in the data dir) or a redis:// URL")
    embedded_worker: bool = True
    worker_threads: int = Field(1, ge=1)
    requeue_attempts: int = Field(2, ge=1, description="runs a job gets before an interrupted one is failed")
    chunk_cache_mb: float = Field(4096, gt=0, description="rendered chunks kept for re-exports (MB, in the data dir)")
    chunk_attempts: int = Field(3, ge=1, description="runs one chunk of an export gets before the export fails")

    # webhooks (reelforge.service.webhooks)
    webhook_timeout: float = Field(10.0, gt=0, description="seconds for one delivery attempt in total")
    webhook_attempts: int = Field(6, ge=1, description="delivery attempts before a webhook is marked failed")
    webhook_backoff: float = Field(5.0, gt=0, description="seconds before the first retry; x4 for each next one")
    webhook_concurrency: int = Field(16, ge=1, description="deliveries in flight at once per process")

    # database
    database_url: str | None = Field(None, description="default: sqlite file in the data dir")

    # input bounds: each field of `Limits` is its own variable, e.g. REELFORGE_MAX_SEGMENTS
    limits: Limits = Field(default_factory=Limits, description="draft/timeline and JSON body limits")

    # chat
    heartbeat_seconds: float = Field(10.0, gt=0, description="SSE heartbeat comment interval while working")

    @model_validator(mode="before")
    @classmethod
    def _from_env(cls, data: Any) -> Any:
        data = dict(data or {})
        for name in cls.model_fields:
            if name not in data:
                value = os.environ.get(ENV_PREFIX + name.upper())
                if value is not None and value != "":
                    data[name] = value
        if "limits" not in data:
            found = {n: os.environ[env_name(n)] for n in Limits.model_fields if os.environ.get(env_name(n))}
            if found:
                data["limits"] = found
        return data

    @field_validator("url_allowlist", mode="before")
    @classmethod
    def _split(cls, value):
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                import json

                return json.loads(text)
            return [v.strip() for v in text.split(",") if v.strip()]
        return value

    @field_validator("data_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return Path(value).expanduser().resolve()

    @property
    def db_url(self) -> str:
        url = self.database_url or f"sqlite:///{self.data_dir / 'reelforge.db'}"
        # plain postgres URLs mean the psycopg 3 driver (reelforge[scale])
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url

    @property
    def pixel_limits(self):
        from reelforge.media.limits import PixelLimits

        return PixelLimits(image=self.max_image_pixels, video=self.max_video_pixels,
                           animation=self.max_animation_pixels, animation_frames=self.max_animation_frames)

    @property
    def form_limits(self):
        from reelforge.service.uploads import FormLimits

        return FormLimits(files=self.upload_max_files, fields=self.upload_max_fields,
                          field_bytes=self.upload_max_field_bytes)

    @property
    def url_limits(self):
        from reelforge.media.fetch import FetchLimits

        return FetchLimits(allowlist=tuple(self.url_allowlist), max_bytes=self.url_limit,
                           deadline=self.url_timeout, max_redirects=self.url_max_redirects)

    @property
    def url_limit(self) -> int:
        return self.url_max_bytes or self.max_upload_bytes

    @property
    def base_url(self) -> str:
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}"


def settings_problem(exc: ValidationError) -> str:
    """Why the settings were refused, named by the environment variables a user sets
    ("REELFORGE_HEADER_SECONDS: Input should be greater than 0 (got '0')") instead of a traceback."""
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        name = env_name(loc[1]) if loc[:1] == ["limits"] and len(loc) > 1 else ENV_PREFIX + "_".join(loc).upper()
        got = repr(err.get("input"))
        out.append(f"{name}: {err['msg']} (got {got[:60] + '...' if len(got) > 60 else got})")
    return "; ".join(out)
