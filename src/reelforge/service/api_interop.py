"""Routes that hand work to other tools (issue 15): the session's timeline as an editor's file,
an export's caption files (SRT, WebVTT) and the account's webhook settings.

Nothing returned here names a file on the server: timeline files reference media by file
name; caption files carry text only.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body
from fastapi.responses import Response

from reelforge.errors import NotFound
from reelforge.interop.handoff import CAPTION_FORMATS, TIMELINE_FORMATS
from reelforge.service import renders
from reelforge.service.api_v1 import Ctx, Who
from reelforge.service.core import core_of
from reelforge.service.schemas import AUTHED, BODY, WebhookIn, WebhookSettings, errors

router = APIRouter(prefix="/v1", tags=["hand-off"])
files_router = APIRouter(tags=["files"])


def _file_response(media: dict[str, str], description: str) -> dict:
    content = {}
    for value in media.values():
        kind = value.split(";")[0]
        content[kind] = {"schema": {"type": "object"} if kind == "application/json" else {"type": "string"}}
    return {200: {"description": description, "content": content}}


TimelineFormat = Literal["otio", "xml", "fcpxml", "edl"]
CaptionFormat = Literal["srt", "vtt"]


@router.get("/sessions/{session_id}/timeline.{fmt}", response_class=Response,
            summary="The session's timeline for an editor: .otio, .xml (FCP 7), .fcpxml, .edl",
            responses={**_file_response(TIMELINE_FORMATS, "the timeline file; media referenced "
                                        "by file name"), **errors(*AUTHED, 404, 422)})
def timeline_file(ctx: Ctx, who: Who, session_id: str, fmt: TimelineFormat) -> Response:
    data = core_of(ctx).export_timeline(who, session_id, fmt)
    return Response(data, media_type=TIMELINE_FORMATS[fmt], headers={
        "Content-Disposition": f'attachment; filename="reelforge-{session_id[:8]}.{fmt}"'})


def _caption_file(row, text: str, fmt: str, kind: str = "") -> Response:
    """An SRT/WebVTT download named after the export (``kind``: e.g. ".transcript")."""
    return Response(text.encode("utf-8"), media_type=CAPTION_FORMATS[fmt], headers={
        "Content-Disposition": f'attachment; filename="reelforge-{row.id[:8]}{kind}.{fmt}"'})


def _captions(row, fmt: str) -> Response:
    return _caption_file(row, renders.caption_text(row, fmt), fmt)


@router.get("/exports/{export_id}/captions.{fmt}", response_class=Response,
            summary="The export's on-screen captions as SRT or WebVTT",
            responses={**_file_response(CAPTION_FORMATS, "the caption file"), **errors(*AUTHED, 404, 422)})
def export_captions(ctx: Ctx, who: Who, export_id: str, fmt: CaptionFormat) -> Response:
    return _captions(renders.get(ctx, who, export_id), fmt)


def _transcript(ctx, row, fmt: str) -> Response:
    from reelforge.service import transcripts

    return _caption_file(row, transcripts.text(ctx, row, fmt), fmt, ".transcript")


@router.get("/exports/{export_id}/transcript.{fmt}", response_class=Response,
            summary="The voiceover's transcript as SRT or WebVTT (made after the render)",
            responses={**_file_response(CAPTION_FORMATS, "the caption file"), **errors(*AUTHED, 404, 422)})
def export_transcript(ctx: Ctx, who: Who, export_id: str, fmt: CaptionFormat) -> Response:
    return _transcript(ctx, renders.get(ctx, who, export_id), fmt)


@files_router.get("/files/{key}/transcript.{fmt}", response_class=Response,
                  summary="Unguessable URL of an export's voiceover transcript (SRT or WebVTT)",
                  responses={**_file_response(CAPTION_FORMATS, "the caption file"), **errors(404, 422)})
def transcript_by_key(ctx: Ctx, key: str, fmt: CaptionFormat) -> Response:
    row = renders.by_key(ctx, key)
    if row is None:
        raise NotFound("file not found")
    return _transcript(ctx, row, fmt)


def _by_key(ctx, key: str, fmt: str) -> Response:
    row = renders.by_key(ctx, key)
    if row is None:
        raise NotFound("file not found")
    return _captions(row, fmt)


@files_router.get("/files/{key}.srt", response_class=Response, summary="Unguessable URL of an export's SRT captions",
                  responses={**_file_response({"srt": CAPTION_FORMATS["srt"]}, "SRT"), **errors(404)})
def srt_by_key(ctx: Ctx, key: str) -> Response:
    return _by_key(ctx, key, "srt")


@files_router.get("/files/{key}.vtt", response_class=Response, summary="Unguessable URL of an export's WebVTT captions",
                  responses={**_file_response({"vtt": CAPTION_FORMATS["vtt"]}, "WebVTT"), **errors(404)})
def vtt_by_key(ctx: Ctx, key: str) -> Response:
    return _by_key(ctx, key, "vtt")


@router.get("/account/webhook", response_model=WebhookSettings, responses=errors(*AUTHED),
            summary="The account's webhook settings and signing secret")
def get_webhook(ctx: Ctx, who: Who) -> dict:
    return core_of(ctx).webhook(who)


@router.put("/account/webhook", response_model=WebhookSettings, responses=errors(*AUTHED, *BODY),
            summary="Set the default callback URL of this account's exports (and rotate the secret)")
def put_webhook(ctx: Ctx, who: Who, body: Annotated[WebhookIn, Body()]) -> dict:
    return core_of(ctx).set_webhook(who, body.url or None, rotate_secret=body.rotate_secret)
