"""Exports and previews: create (reserve credits + row + enqueue), look up, describe.

A render renders a *snapshot* of the timeline taken when it is created (stored in the row):
later edits to the session do not change an export already queued. A preset changes the
output frame of that one export only (the session is not edited).

Previews are free, so they are limited (docs/security.md): at most ``preview_concurrency``
queued or rendering per account, ``preview_seconds_per_hour`` seconds of preview video per
account per hour (429 with ``Retry-After`` past either), and only the first
``preview_max_seconds`` of the timeline is rendered (`first_part`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from reelforge.errors import InvalidTimeline, NotFound, RateLimited, shown
from reelforge.service import credits, limits, projects
from reelforge.service.auth import Principal
from reelforge.service.context import Context
from reelforge.service.db import ProjectSession, Render, clean, lookup_key, now
from reelforge.service.errors import BadRequest
from reelforge.service.storage import new_id, new_key

QUALITIES = ("draft", "standard", "high")


def preset_names() -> list[str]:
    from reelforge.timeline import PRESETS

    return [*PRESETS, "480p", "720p", "1080p", "1440p", "4k"]


def frame_for(preset: str, width: int, height: int) -> tuple[int, int]:
    """Output frame for a preset name: a platform preset (16:9, 9:16, 1:1, 4:5, 720p, 4k), a
    resolution name applied to the timeline's own aspect (480p ... 4k), or both as
    ``aspect@resolution`` (``9:16@720p``)."""
    from reelforge.timeline import PRESETS, aspect_of, frame_size

    key = preset.strip().lower().replace(" ", "")
    aliases = {"landscape": "16:9", "youtube": "16:9", "vertical": "9:16", "tiktok": "9:16",
               "reels": "9:16", "shorts": "9:16", "square": "1:1", "portrait": "4:5",
               "instagram": "4:5", "2160p": "4k"}
    if "@" in key:
        aspect, _, resolution = key.partition("@")
        aspect = aliases.get(aspect, aspect)
        try:
            return frame_size(aspect, aliases.get(resolution, resolution))
        except (KeyError, ValueError):
            raise BadRequest(f"unknown preset {shown(preset)!r}; use one of: {', '.join(preset_names())}, "
                             "or aspect@resolution (9:16@720p)") from None
    key = aliases.get(key, key)
    if key in PRESETS and key not in ("720p", "4k"):
        p = PRESETS[key]
        return p.width, p.height
    if key in ("480p", "720p", "1080p", "1440p", "4k"):
        aspect = aspect_of(width, height)
        try:
            return frame_size(aspect if aspect in ("16:9", "9:16", "1:1", "4:5") else "16:9", key)
        except KeyError:
            pass
    if key in PRESETS:
        p = PRESETS[key]
        return p.width, p.height
    raise BadRequest(f"unknown preset {shown(preset)!r}; use one of: {', '.join(preset_names())}")


def create(ctx: Context, who: Principal, session_id: str, *, preset: str | None = None,
           quality: str = "standard", draft: dict | None = None, client_ref: str | None = None,
           preview: bool = False, callback_url: str | None = None) -> Render:
    from reelforge.interop.subtitles import caption_cues
    from reelforge.service import transcripts, webhooks
    from reelforge.timeline import from_draft, replace
    from reelforge.timeline.limits import check_timeline

    if not isinstance(quality, str | None) or not isinstance(preset, str | None):
        raise BadRequest("preset and quality must be strings")
    limits = ctx.settings.limits
    quality = (quality or "standard").lower()
    if quality not in QUALITIES:
        raise BadRequest(f"unknown quality {shown(quality)!r}; use one of: {', '.join(QUALITIES)}")
    if preview:
        quality = "draft"
    row, sess = projects.load(ctx, who, session_id)
    tl = sess.timeline
    if draft is not None:
        if not isinstance(draft, dict):
            raise BadRequest("draft must be a JSON object")
        if tl is not None:
            tl = from_draft(draft, base=tl, limits=limits)
        else:
            tl = from_draft(draft, assets=projects.library_of(sess), limits=limits)
        if not any(track.segments for track in tl.tracks):
            # e.g. {"d": 1000}: a draft without its tracks would queue (and charge) a blank video
            raise InvalidTimeline("invalid draft: t: no track has a segment, so there is nothing "
                                  "to render; send the tracks (t) with their segments (sg), "
                                  "e.g. the draft from the session's state")
    if tl is None:
        raise BadRequest("nothing to export yet: upload assets and describe the video in the chat first")
    if preset:
        w, h = frame_for(preset, tl.width, tl.height)
        if (w, h) != (tl.width, tl.height):
            tl = replace(tl, width=w, height=h)
    if preview:
        tl = first_part(tl, int(ctx.settings.preview_max_seconds * 1000))
    check_timeline(tl, limits)  # drafts, chat-made timelines and presets alike, before queueing
    cost = credits.cost_for(tl.duration, tl.width, tl.height, fps=tl.fps, preview=preview)
    client_ref = clean(client_ref, 100) or None
    callback = None if preview else webhooks.callback_for(ctx, who.account_id, callback_url)
    transcript_state, transcript_info = transcripts.initial(tl, "preview" if preview else "export")
    render = Render(id=new_id(), owner=who.account_id, session_id=row.id, kind="preview" if preview else "export",
                    client_ref=client_ref, status="queued", stage="queued", progress=0.0, cost=cost,
                    preset=clean(preset, 32), quality=quality, width=tl.width, height=tl.height,
                    duration_ms=tl.duration, timeline=tl.to_json(indent=None),
                    download_key=new_key(), attempts=0, created=now(), updated=now(),
                    captions=len(caption_cues(tl)), callback_url=callback,
                    webhook_state="pending" if callback else None,
                    transcript_state=transcript_state, transcript_info=transcript_info)
    with ctx.db.tx() as s:
        # one render creation at a time per account, so a retried request with the same
        # client id cannot insert twice (PostgreSQL READ COMMITTED would let both miss it)
        credits.lock(s, who.account_id)
        if s.get(ProjectSession, row.id) is None:
            # deleted since it was loaded (DELETE takes the same lock): the insert would break
            # the session foreign key (a 500)
            raise NotFound(f"session {shown(session_id)} not found")
        if client_ref:
            taken = s.execute(select(Render).where(Render.owner == who.account_id,
                                                   Render.client_ref == client_ref)).scalars().first()
            if taken is not None and taken.status == "failed":
                # the same id sent again after its render failed: a new try (it answered the failure
                # again, so a client could never retry under its own id); the failed one keeps its own id
                taken.client_ref = None
            elif taken is not None:
                if taken.session_id != row.id:
                    raise BadRequest(f"render id {client_ref!r} is already used by another session")
                return taken  # a retried request: idempotent, charged once
        if preview:
            _preview_allowed(s, ctx, who.account_id, tl.duration)
        credits.reserve(s, who.account_id, cost)   # 2001 before any work
        s.add(render)
    ctx.jobs.enqueue(render.id, render.kind)
    if preview:   # previews are not counted as stored bytes: a session keeps only its newest few
        projects.prune_previews(ctx, row.id, ctx.settings.previews_kept_per_session)
    return render


def _preview_allowed(s, ctx: Context, account_id: str, duration_ms: int) -> None:
    """Raise `RateLimited` past the account's preview limits (inside the render transaction,
    after `credits.lock`, so racing requests are counted one after the other)."""
    settings = ctx.settings
    active = s.execute(select(func.count()).select_from(Render).where(
        Render.owner == account_id, Render.kind == "preview",
        Render.status.in_(("queued", "running")))).scalar_one()
    if active >= settings.preview_concurrency:
        raise RateLimited(f"{active} preview(s) of this account already queued or rendering "
                          f"(at most {settings.preview_concurrency} at once); try again when it is done",
                          retry_after=10)
    limits.take(s, f"preview-seconds:{account_id}", duration_ms / 1000,
                settings.preview_seconds_per_hour, limits.HOUR,
                what=f"{settings.preview_seconds_per_hour:g} seconds of preview video per hour")


def first_part(tl, ms: int):
    """The first ``ms`` of a timeline (capped previews): later segments are dropped, one that
    runs past the end is shortened (fades clipped), or dropped when shortening would break
    its track (a transition into a shortened segment)."""
    from reelforge.timeline import replace

    if tl.duration <= ms:
        return tl

    def shortened(seg):
        if seg.end <= ms:
            return seg
        left = ms - seg.start
        changes = {"duration": left}
        for name in ("fade_in_ms", "fade_out_ms"):
            if hasattr(seg, name):
                changes[name] = min(getattr(seg, name), left)
        try:
            return replace(seg, **changes)
        except (InvalidTimeline, ValueError):
            return None

    tracks = []
    for track in tl.tracks:
        kept = [seg for seg in track.segments if seg.start < ms]
        try:
            cut = [x for x in (shortened(seg) for seg in kept) if x is not None]
            tracks.append(replace(track, segments=tuple(cut)))
        except (InvalidTimeline, ValueError):
            tracks.append(replace(track, segments=tuple(seg for seg in kept if seg.end <= ms)))
    return replace(tl, duration=ms, tracks=tuple(tracks))


def get(ctx: Context, who: Principal, render_id: str) -> Render:
    if not lookup_key(render_id):
        raise NotFound(f"export {shown(render_id)} not found")
    with ctx.db.tx() as s:
        # its own id first, then a client's id for it (a client id equal to another render's id
        # found either of the two)
        row = s.execute(select(Render).where(Render.owner == who.account_id, Render.id == render_id)).scalars().first() \
            or s.execute(select(Render).where(Render.owner == who.account_id, Render.client_ref == render_id)
                         .order_by(Render.created.desc())).scalars().first()
    if row is None:
        raise NotFound(f"export {shown(render_id)} not found")
    return row


def wait(ctx: Context, who: Principal, render_id: str, seconds: float) -> Render:
    """Poll until the render finishes or ``seconds`` pass (blocking; run in a thread)."""
    import time

    deadline = time.monotonic() + max(0.0, seconds)
    row = get(ctx, who, render_id)
    while row.status not in ("completed", "failed") and time.monotonic() < deadline:
        time.sleep(0.25)
        row = get(ctx, who, render_id)
    return row


def by_key(ctx: Context, key: str) -> Render | None:
    if not lookup_key(key):
        return None
    with ctx.db.tx() as s:
        return s.execute(select(Render).where(Render.download_key == key)).scalar_one_or_none()


def list_for(ctx: Context, who: Principal, session_id: str) -> list[Render]:
    with ctx.db.tx() as s:
        projects.get_row(s, who, session_id)
        return list(s.execute(select(Render).where(Render.session_id == session_id)
                              .order_by(Render.created.desc())).scalars().all())


def file_url(base: str, row: Render, ext: str = "mp4") -> str:
    return f"{base.rstrip('/')}/files/{row.download_key}.{ext}"


def caption_links(row: Render, base: str) -> dict[str, str] | None:
    """Unguessable links of the export's caption files (SRT, WebVTT), once it is completed and
    when its timeline has on-screen captions."""
    if row.status != "completed" or not row.captions:
        return None
    return {"srt": file_url(base, row, "srt"), "vtt": file_url(base, row, "vtt")}


def caption_text(row: Render, fmt: str) -> str:
    """The SRT (``fmt="srt"``) or WebVTT (``"vtt"``) of the export's own timeline's captions;
    `NotFound` while it is not completed or when it has none."""
    from reelforge.interop.handoff import caption_file
    from reelforge.timeline import Timeline

    if row.status != "completed":
        raise NotFound(f"export {row.id} is not ready (status {row.status})")
    text = caption_file(Timeline.from_json(row.timeline), fmt)
    if text is None:
        raise NotFound(f"export {row.id} has no on-screen captions")
    return text


def transcript_links(row: Render, base: str) -> dict[str, str]:
    """Unguessable links of the transcript files (shown only once they exist)."""
    root = f"{base.rstrip('/')}/files/{row.download_key}"
    return {"srt": f"{root}/transcript.srt", "vtt": f"{root}/transcript.vtt"}


def view(row: Render, base: str, ctx: Context | None = None) -> dict[str, Any]:
    """The status document of an export or preview (``ctx`` lets a preview say how much of it
    is already playable from its live stream)."""
    from reelforge.service import live, transcripts, webhooks

    done = row.status == "completed"
    if row.kind != "preview":
        rendered = None
    elif done:
        rendered = row.duration_ms
    else:
        rendered = live.rendered_ms(ctx, row) if ctx is not None else 0
    return {
        "id": row.id,
        "export_id": row.id,
        "render_id": row.client_ref or row.id,
        "session_id": row.session_id,
        "kind": row.kind,
        "status": row.status,
        "stage": row.stage,
        "progress": round(row.progress * 100, 1),
        "error": row.error,
        "cost": row.cost,
        "preset": row.preset,
        "quality": row.quality,
        "width": row.width,
        "height": row.height,
        "duration_ms": row.duration_ms,
        "chunks": row.chunks or 0,  # video chunks of the export, and of them reused from
        "chunks_reused": row.chunks_reused or 0,  # earlier exports (0 until it is planned)
        "download_url": file_url(base, row) if done else None,
        "live_url": live.live_url(base, row),
        "rendered_ms": rendered,
        "captions": caption_links(row, base),
        "transcript": transcripts.view(row, transcript_links(row, base)),
        "webhook": webhooks.view_of(row),
        "status_url": f"{base.rstrip('/')}/v1/exports/{row.id}",
        "events_url": f"{base.rstrip('/')}/v1/exports/{row.id}/events",
        "created": row.created,
        "finished": row.finished,
    }

