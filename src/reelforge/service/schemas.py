"""Typed request and response bodies of the HTTP API, and the error answers of each route.

These models are what /openapi.json publishes, so a schema-driven client (or schemathesis)
can check every answer. Handlers still build plain dicts; FastAPI validates them against
these models on the way out, so a drift between code and document fails loudly in tests.
Drafts and timelines are passed through as JSON objects and *documented* by their own schemas
(`timeline.draft.Draft`, `timeline.Timeline`): drafts are validated by `timeline.from_draft`
under the configured limits, cheaper checks first.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from reelforge.timeline import Timeline
from reelforge.timeline.draft import Draft


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every local ``$ref`` replaced by its definition (no cycles here), so it
    can sit inside another document."""
    defs = schema.get("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return walk({**defs[ref.split("/")[-1]], **{k: v for k, v in node.items() if k != "$ref"}})
            return {k: walk(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(schema)


DRAFT_SCHEMA = inline_refs(Draft.model_json_schema())
TIMELINE_SCHEMA = inline_refs(Timeline.model_json_schema())

DraftObject = Annotated[dict[str, Any], WithJsonSchema(DRAFT_SCHEMA)]
TimelineObject = Annotated[dict[str, Any], WithJsonSchema(TIMELINE_SCHEMA)]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- errors -----------------------------------------------------------------------------

class ErrorBody(_Out):
    """Every error answer: an API code (DESIGN.md error table) and a message for people."""

    code: int = Field(description="1 bad request · 400 missing client id · 402 plan · 429 rate "
                                  "limited · 1001 token · 1002 not found · 2001 credits · "
                                  "1003 session limit · 3001 plan · 4001-4004 media/URL "
                                  "(4002 also: account storage full)")
    message: str


_WHY = {400: "Bad request (code 1, 400, 4003 URL not allowed, 4004 URL fetch failed)",
        401: "Missing, invalid or expired token (code 1001)",
        403: "The account holds as many sessions as it may (code 1003): delete one first",
        402: "Not enough credits (code 2001) or not allowed for this plan (402)",
        404: "Not found, or not yours (code 1002)",
        409: "The session changed under this edit; try again (code 1)",
        413: "Body or file too large, or the account's storage is full (code 1 for JSON bodies, "
             "4002 for files and storage)",
        415: "Unsupported or undecodable media (code 4001)",
        422: "Invalid request body or over a documented limit (code 1, 3001)",
        429: "Rate limited (code 429)"}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry of a route answering these error statuses."""
    out: dict[int | str, dict[str, Any]] = {}
    for s in statuses:
        out[s] = {"model": ErrorBody, "description": _WHY[s]}
        if s == 429:
            out[s]["headers"] = {"Retry-After": {"description": "seconds until a retry can succeed",
                                                 "schema": {"type": "string", "pattern": "^[0-9]+$"}}}
    return out


def sse(description: str, events: list[str] | None = None,
        data: dict[str, Any] | None = None) -> dict[int | str, dict[str, Any]]:
    """The 200 ``text/event-stream`` answer of a streaming route: each event's name (when the
    route names them) and its ``data``, a JSON text (of ``data`` when given)."""
    payload: dict[str, Any] = {"type": "string", "contentMediaType": "application/json"}
    if data is not None:
        payload["contentSchema"] = data
    event: dict[str, Any] = {"type": "object", "required": ["data"],
                             "properties": {"data": payload, "id": {"type": "string"},
                                            "retry": {"type": "integer"}}}
    if events:
        event["properties"]["event"] = {"type": "string", "enum": events}
    return {200: {"description": description, "content": {"text/event-stream": {"schema": event}}}}


AUTHED = (401,)
BODY = (400, 413, 422)


# -- v1 responses -----------------------------------------------------------------------

class Credits(_Out):
    available: int
    frozen: int
    total: int


class TokenOut(_Out):
    token: str
    token_type: str
    expires_at: float
    credits: Credits


class SessionOut(_Out):
    id: str
    session_id: str
    name: str
    language: str
    created: float
    updated: float
    revision: int


class SessionList(_Out):
    sessions: list[SessionOut] = Field(description="newest first, at most `limit`")
    next: str | None = Field(None, description="cursor of the next page (pass as `?cursor=`); "
                                               "null on the last page")


class MediaInfo(_Out):
    id: str
    name: str
    kind: str
    width: int
    height: int
    duration_ms: int
    fps: float
    has_audio: bool
    size_bytes: int
    format: str


class SessionDetail(SessionOut):
    summary: str
    media: list[MediaInfo]


class UploadOut(_Out):
    session_id: str
    assets: list[MediaInfo] = Field(description="the assets this request added")
    media: list[MediaInfo] = Field(description="the whole library of the session")
    summary: str


class StateOut(_Out):
    session_id: str
    name: str
    revision: int
    version: int
    summary: str
    timeline: TimelineObject | None
    draft: DraftObject | None
    media: list[MediaInfo]
    can_undo: bool
    can_redo: bool


class HistoryOut(StateOut):
    message: str
    changed: bool
    status: str


class CaptionLinks(_Out):
    """Unguessable links of an export's caption files (the /v1 routes want the token)."""

    srt: str
    vtt: str


class TranscriptInfo(_Out):
    """The voiceover's transcript as caption files, made by a worker after the render."""

    status: Literal["pending", "ready", "none", "unavailable", "failed"] = Field(
        description="pending (rendering, or being transcribed) | ready | none (no voiceover, a "
                    "preview, no speech found) | unavailable (no speech recognition on the server) "
                    "| failed")
    reason: str | None = Field(description="why there is no file (yet); null when ready")
    cues: int = Field(description="caption cues in the files (0 until ready)")
    srt: str | None = Field(description="unguessable link of the SRT file, when ready")
    vtt: str | None = Field(description="unguessable link of the WebVTT file, when ready")


class WebhookAttempt(_Out):
    attempt: int
    at: float = Field(description="when it was made (UTC epoch seconds)")
    status_code: int | None = Field(description="the receiver's HTTP status; null when none came")
    error: str | None = Field(description="why it failed; null when delivered")
    ms: int = Field(description="how long it took")


class WebhookStatus(_Out):
    url: str
    state: Literal["pending", "delivered", "failed"]
    attempts: list[WebhookAttempt]


class WebhookSettings(_Out):
    url: str | None = Field(description="default callback URL of this account's exports")
    secret: str = Field(description="key of the HMAC-SHA256 signature (keep it secret)")
    signature_header: str = Field(description="header carrying t=<unix seconds>,v1=<hex>")
    signed_payload: str = Field(description="what is signed: the timestamp, a dot, the raw body")
    algorithm: str


class ExportView(_Out):
    id: str
    export_id: str
    render_id: str = Field(description="the client's render id when it gave one, else the id")
    session_id: str
    kind: str = Field(description="export | preview")
    status: str = Field(description="queued | running | completed | failed")
    stage: str
    progress: float = Field(description="percent")
    error: str | None
    cost: int
    preset: str | None
    quality: str
    width: int
    height: int
    duration_ms: int
    chunks: int = Field(description="video chunks of the export (0 until it is planned)")
    chunks_reused: int = Field(description="of them taken from earlier exports' chunks, not rendered again")
    download_url: str | None
    live_url: str | None = Field(None, description="previews: the preview as it renders, a fragmented MP4 "
                                 "streamed while it is written (plays in a <video> at once); null for exports")
    rendered_ms: int | None = Field(None, description="previews: how much of it, from the start, is playable "
                                    "from live_url so far (ms); null for exports")
    captions: CaptionLinks | None = Field(description="SRT and WebVTT of the on-screen captions, "
                                          "once completed (null without captions)")
    transcript: TranscriptInfo = Field(description="SRT and WebVTT of what the voiceover says "
                                       "(speech recognition, after the render), or why there are none")
    webhook: WebhookStatus | None = Field(description="the webhook's delivery (null without one)")
    status_url: str
    events_url: str
    created: float
    finished: float | None


class ExportList(_Out):
    exports: list[ExportView]


class Health(_Out):
    status: str
    worker: bool


# -- v1 requests ------------------------------------------------------------------------

class _In(BaseModel):
    model_config = ConfigDict(extra="ignore")


class SessionIn(_In):
    name: str = Field("project", max_length=200)
    language: str = Field("en", max_length=16)


MAX_INSTRUCTION_CHARS = 10_000
"""Longest instruction, in characters, on every surface (HTTP chat, /run_sse, MCP ``instruct``)."""


class ChatIn(_In):
    text: str = Field(min_length=1, max_length=MAX_INSTRUCTION_CHARS, description="the instruction")


class ExportIn(_In):
    preset: str | None = Field(None, max_length=32, description="16:9, 9:16, 1:1, 4:5, 720p, 1080p, 4k ... (default: the session's frame)")
    quality: str = Field("standard", max_length=16, description="draft | standard | high")
    draft: DraftObject | None = Field(None, description="optional compact draft to render instead of the session timeline")
    callback_url: str | None = Field(None, max_length=2000, description=(
        "webhook: POSTed the export's status document, signed, when it completes or fails "
        "(default: the account's, PUT /v1/account/webhook)"))


class WebhookIn(_In):
    url: str | None = Field(None, max_length=2000,
                            description="default callback URL (http(s), public address); null or empty clears it")
    rotate_secret: bool = Field(False, description="make a new signing secret (the old one stops working)")


class PreviewIn(_In):
    preset: str | None = Field(None, max_length=32)


class UrlsIn(_In):
    urls: list[str] = Field(description="http(s) URLs to download into the session")


UPLOAD_BODY = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "urls": {"type": "string", "description": "URLs, separated by spaces, commas or lines"}}}},
    "application/json": {"schema": inline_refs(UrlsIn.model_json_schema())}}}}


# -- compatibility routes ---------------------------------------------------------------

T = TypeVar("T")


class Envelope(_Out, Generic[T]):
    code: int = Field(description="0 on success")
    message: str
    data: T


class CompatToken(_Out):
    token: str
    access_token: str
    expires_at: float
    credits: Credits


class CompatSession(_Out):
    session_id: str
    task_id: str
    task_name: str
    language: str


class CompatState(_Out):
    session_id: str
    draft: DraftObject | None
    media: list[MediaInfo]
    media_info: list[MediaInfo]
    summary: str
    version: int


class CompatRender(_Out):
    id: str
    render_id: str
    export_id: str
    status: str = Field(description="queued | rendering | finalizing | completed | failed")
    progress: float
    error: str | None
    cost: int
    download_url: str | None
    url: str | None
    width: int
    height: int
    duration_ms: int
    captions: CaptionLinks | None
    transcript: TranscriptInfo
    webhook: WebhookStatus | None
    chunks: int = Field(description="video chunks of the export (0 until it is planned)")
    chunks_reused: int = Field(description="of them reused from earlier exports")


_Id = Annotated[str, Field(min_length=1, max_length=100)]


class CompatSessionIn(_In):
    task_name: str | None = Field(None, max_length=200)
    language: str | None = Field(None, max_length=16)


class _Part(_In):
    text: str | None = Field(None, max_length=MAX_INSTRUCTION_CHARS)


class _Message(_In):
    parts: list[_Part] | None = Field(None, max_length=100)


class RunSseIn(_In):
    """Agent-runner request; snake_case or camelCase keys."""

    session_id: _Id | None = None
    sessionId: _Id | None = None  # noqa: N815 - the wire name
    new_message: _Message | None = None
    newMessage: _Message | None = None  # noqa: N815

    def sid(self) -> str | None:
        return self.session_id or self.sessionId

    def text(self) -> str:
        msg = self.new_message or self.newMessage
        parts = (msg.parts if msg else None) or []
        return " ".join(p.text for p in parts if p.text).strip()


_DraftOrString = Annotated[dict[str, Any] | str, WithJsonSchema(
    {"anyOf": [DRAFT_SCHEMA, {"type": "string", "description": "the draft as a JSON string"}]})]


RENDER_REF = re.compile(r"[A-Za-z0-9._-]{1,100}")


def _render_ref(value: str | int) -> str | int:
    """A client render id is polled back in a URL path (``/api/render/proxy/lambda/<id>``), so
    it must be a path segment as it is: refused (422) before anything is reserved otherwise."""
    text = str(value)
    if text == "":
        return value  # no id (as if absent)
    if not RENDER_REF.fullmatch(text) or text in (".", ".."):
        raise ValueError("a client render id is 1-100 characters of A-Z, a-z, 0-9, '.', '_' and "
                         "'-' (not '.' or '..')")
    return value


_RenderRef = Annotated[str | int, AfterValidator(_render_ref), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": "^[A-Za-z0-9._-]{1,100}$"}, {"type": "integer"}],
     "description": "client render id (idempotency key): 1-100 of A-Z a-z 0-9 . _ -"})]


class CompatRenderIn(_In):
    session_id: _Id | None = None
    sessionId: _Id | None = None  # noqa: N815
    id: _RenderRef | None = None
    render_id: _RenderRef | None = None
    renderId: _RenderRef | None = None  # noqa: N815
    draft: _DraftOrString | None = None
    draft_json: _DraftOrString | None = None
    draftJson: _DraftOrString | None = None  # noqa: N815
    preset: str | None = Field(None, max_length=32)
    aspect: str | None = Field(None, max_length=32)
    quality: str | None = Field(None, max_length=16)
    callback_url: str | None = Field(None, max_length=2000, description="webhook URL (as /v1 exports)")
    callbackUrl: str | None = Field(None, max_length=2000)  # noqa: N815

    def sid(self) -> str | None:
        return self.session_id or self.sessionId

    def callback(self) -> str | None:
        return self.callback_url or self.callbackUrl

    def ref(self) -> str | None:
        for v in (self.id, self.render_id, self.renderId):
            if v not in (None, ""):
                return str(v)
        return None

    def the_draft(self) -> dict[str, Any] | str | None:
        for v in (self.draft, self.draft_json, self.draftJson):
            if v not in (None, ""):
                return v
        return None


CHAT_EVENTS = sse("Server-Sent Events: `tool` steps, `message` text pieces, then `done` (or `error`); "
                  "heartbeat comments while working", ["tool", "message", "done", "error"],
                  {"type": "object"})
EXPORT_EVENTS = sse("Server-Sent Events: `progress` on every change, then `done`; a stream open "
                    "longer than REELFORGE_MAX_STREAM_SECONDS (30 min) ends with `expired` instead",
                    ["progress", "done", "expired"], inline_refs(ExportView.model_json_schema()))
ADK_EVENTS = sse("Data-only Server-Sent Events shaped like ADK's Event; the last has "
                 "`turnComplete: true`", None, {"type": "object"})
