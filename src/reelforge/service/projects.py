"""Sessions in the database: ownership, loading/saving the `reelforge.session.Session`
project JSON, and the state view.

Edits are serialised per session (an in-process lock) and saved with an optimistic
``revision`` check, so two server processes on one database cannot lose each other's edits
(the loser retries on the fresh project).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import and_, delete, or_, select, update

from reelforge.errors import NotFound, ReelforgeError, shown
from reelforge.service import credits, quotas
from reelforge.service.auth import Principal
from reelforge.service.context import Context
from reelforge.service.db import (
    ProjectSession,
    Render,
    RenderChunk,
    StoredAsset,
    clean,
    lookup_key,
    now,
)
from reelforge.service.storage import new_id

T = TypeVar("T")

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


class Conflict(ReelforgeError):
    """The session kept changing under a save (another server process editing it)."""

    code = 1
    http_status = 409


def lock_for(session_id: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(session_id, threading.Lock())


def _new_session():
    from reelforge.session import Session

    return Session.new()


def _load_session(text: str):
    from reelforge.session import Session

    return Session.from_json(text)


def row_view(row: ProjectSession) -> dict[str, Any]:
    return {"id": row.id, "session_id": row.id, "name": row.name, "language": row.language,
            "created": row.created, "updated": row.updated, "revision": row.revision}


def create(ctx: Context, who: Principal, name: str, language: str,
           skill: dict[str, str | None]) -> dict[str, Any]:
    sess = _new_session()
    row = ProjectSession(id=new_id(), owner=who.account_id, name=clean(name or "project", 200),
                         language=clean(language or "en", 16), project=sess.to_json(), revision=0,
                         skill_source=clean(skill.get("source"), 200),
                         skill_version=clean(skill.get("version"), 200),
                         skill_platform=clean(skill.get("platform"), 200), created=now(), updated=now())
    with ctx.db.tx() as s:
        credits.lock(s, who.account_id)  # racing creates are counted one after the other
        quotas.check_sessions(s, ctx.settings, who.account_id)
        s.add(row)
    return row_view(row)


def list_own(ctx: Context, who: Principal) -> list[dict[str, Any]]:
    """Every session of the account, newest first (bounded by ``max_sessions_per_account``)."""
    out: list[dict[str, Any]] = []
    cursor = None
    while True:
        page, cursor = list_page(ctx, who, LIST_MAX, cursor)
        out += page
        if cursor is None:
            return out


LIST_DEFAULT = 50
LIST_MAX = 200


def _cursor(row: ProjectSession) -> str:
    raw = json.dumps([row.created, row.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _uncursor(cursor: str) -> tuple[float, str]:
    from reelforge.service.errors import BadRequest

    try:
        if len(cursor) > 200:
            raise ValueError(cursor)
        created, sid = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(created, int | float) or not isinstance(sid, str) or not lookup_key(sid):
            raise ValueError(cursor)
        return float(created), sid
    except (ValueError, TypeError, RecursionError):
        raise BadRequest("invalid cursor: pass the `next` value of the previous page as it is") from None


def list_page(ctx: Context, who: Principal, limit: int = LIST_DEFAULT,
              cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the account's sessions, newest first, and the cursor of the next page
    (None on the last). Keyset pagination on (created, id): a session created or deleted
    between pages neither repeats nor hides another."""
    limit = max(1, min(int(limit), LIST_MAX))
    q = select(ProjectSession).where(ProjectSession.owner == who.account_id)
    if cursor:
        created, sid = _uncursor(cursor)
        q = q.where(or_(ProjectSession.created < created,
                        and_(ProjectSession.created == created, ProjectSession.id < sid)))
    q = q.order_by(ProjectSession.created.desc(), ProjectSession.id.desc()).limit(limit + 1)
    with ctx.db.tx() as s:
        rows = list(s.execute(q).scalars().all())
    more = len(rows) > limit
    rows = rows[:limit]
    return [row_view(r) for r in rows], (_cursor(rows[-1]) if more else None)


def get_row(s, who: Principal, session_id: str) -> ProjectSession:
    row = s.get(ProjectSession, session_id) if lookup_key(session_id) else None
    if row is None or row.owner != who.account_id:
        raise NotFound(f"session {shown(session_id)} not found")
    return row


def load(ctx: Context, who: Principal, session_id: str):
    """(row, Session) for a session the caller owns (1002 otherwise)."""
    with ctx.db.tx() as s:
        row = get_row(s, who, session_id)
    return row, _load_session(row.project)


def edit(ctx: Context, who: Principal, session_id: str, fn: Callable[[Any], T],
         skill: dict[str, str | None] | None = None) -> T:
    """Run ``fn(session)`` under the session lock and save the result; returns fn's value.

    Runs to completion whatever happens to the HTTP request that asked for it."""
    with lock_for(session_id):
        for _ in range(5):
            row, sess = load(ctx, who, session_id)
            # files the session makes itself (voiceovers, brand cards) live with its media, and
            # count against the account's storage: past it the edit is refused, nothing kept
            work = ctx.storage.workdir(session_id)
            sess.media_dir = str(work)
            before = quotas.files_in(work)
            result = fn(sess)
            quotas.check_made(ctx, who.account_id, work, before)
            values: dict[str, Any] = {"project": sess.to_json(), "revision": row.revision + 1,
                                      "updated": now()}
            for key in ("source", "version", "platform"):
                if skill and skill.get(key):
                    values[f"skill_{key}"] = clean(skill[key], 200)
            with ctx.db.tx() as s:
                res = s.execute(update(ProjectSession)
                                .where(ProjectSession.id == session_id,
                                       ProjectSession.revision == row.revision)
                                .values(**values))
            if res.rowcount == 1:
                return result
        raise Conflict(f"session {session_id} kept changing; try again")


def delete_session(ctx: Context, who: Principal, session_id: str) -> int:
    """Delete a session the caller owns (1002 otherwise) with its assets' and renders' rows
    and files; returns how many files and folders were removed.

    Its renders go with it: a queued or running one gets its reserved credits back (it never
    completes: the worker finds no row to claim or to complete, and a file it still writes is
    removed by `jobs.complete`). Chunks in the shared chunk cache are keyed by content and may
    be another render's too: only those no other render's plan names are removed."""
    with lock_for(session_id):  # no edit of this process is half-way through it
        with ctx.db.tx() as s:
            credits.lock(s, who.account_id)
            row = get_row(s, who, session_id)
            renders = s.execute(select(Render).where(Render.session_id == row.id)
                                .with_for_update()).scalars().all()  # vs a finish racing this
            assets = s.execute(select(StoredAsset.path).where(StoredAsset.session_id == row.id)).scalars().all()
            ids = [r.id for r in renders]
            for r in renders:
                if r.status in ("queued", "running"):
                    credits.release(s, r.owner, r.cost)
            chunks = s.execute(select(RenderChunk.key, RenderChunk.idx)
                               .where(RenderChunk.render_id.in_(ids))).all() if ids else []
            if ids:
                s.execute(delete(RenderChunk).where(RenderChunk.render_id.in_(ids)))
                s.execute(delete(Render).where(Render.id.in_(ids)))
            s.execute(delete(StoredAsset).where(StoredAsset.session_id == row.id))
            s.execute(delete(ProjectSession).where(ProjectSession.id == row.id))
            keys = {k for k, _ in chunks}
            shared = set(s.execute(select(RenderChunk.key).where(RenderChunk.key.in_(keys))).scalars()) \
                if keys else set()
    with _locks_guard:
        _locks.pop(session_id, None)
    removed = _remove_files([p for p in assets if p])
    removed += _remove_render_files(ctx, renders, chunks, shared)
    d = ctx.storage.session_dir(session_id)
    if d.exists():
        shutil.rmtree(d, ignore_errors=True)
        removed += 1
    return removed


def _remove_files(files: list[str]) -> int:
    removed = 0
    for p in dict.fromkeys(files):
        try:
            os.unlink(p)
            removed += 1
        except FileNotFoundError:
            pass
        except OSError:  # pragma: no cover - logged by nobody: best effort
            pass
    return removed


def _remove_render_files(ctx: Context, renders: list, chunks: list, shared: set) -> int:
    """The files of renders whose rows are gone: outputs, transcripts, live fragments, and the
    cached chunks (``chunks``: (key, idx)) whose key is not in ``shared`` (another render's)."""
    from reelforge.service import transcripts

    files = []
    for r in renders:
        if r.output_path:
            files.append(r.output_path)
        files.append(str(ctx.storage.render_path(r.download_key)))
        files += [str(p) for p in transcripts.paths(ctx, r.download_key).values()]
    removed = _remove_files(files)
    # rendered chunks are cached by content: drop those no other render's plan names (an export
    # fanned out meanwhile that counted on one renders it again, as after a cache eviction)
    from reelforge.service.fanout import AUDIO, chunk_cache

    if chunks:
        cache = chunk_cache(ctx)
        for key, idx in chunks:
            if key not in shared:
                try:
                    cache.discard(key, ".m4a" if idx == AUDIO else ".mp4")
                    removed += 1
                except (OSError, ValueError):
                    pass
    for r in renders:
        d = ctx.storage.root / "live" / r.id
        if d.exists():
            shutil.rmtree(d, ignore_errors=True)
            removed += 1
    return removed


def prune_previews(ctx: Context, session_id: str, keep: int) -> int:
    """Keep a session's newest ``keep`` previews (queued, rendering or finished); remove the
    older finished ones, rows and files (a preview is a draft to look at, not a result: its
    status URL then answers 404). Returns how many previews went."""
    with ctx.db.tx() as s:
        rows = s.execute(select(Render).where(Render.session_id == session_id, Render.kind == "preview")
                         .order_by(Render.created.desc(), Render.id.desc())).scalars().all()
        old = [r for r in rows[max(0, keep):] if r.status in ("completed", "failed")]
        if not old:
            return 0
        ids = [r.id for r in old]
        old = s.execute(select(Render).where(Render.id.in_(ids), Render.status.in_(("completed", "failed")))
                        .with_for_update()).scalars().all()
        ids = [r.id for r in old]
        chunks = s.execute(select(RenderChunk.key, RenderChunk.idx)
                           .where(RenderChunk.render_id.in_(ids))).all() if ids else []
        if ids:
            s.execute(delete(RenderChunk).where(RenderChunk.render_id.in_(ids)))
            s.execute(delete(Render).where(Render.id.in_(ids)))
        keys = {k for k, _ in chunks}
        shared = set(s.execute(select(RenderChunk.key).where(RenderChunk.key.in_(keys))).scalars()) \
            if keys else set()
    _remove_render_files(ctx, list(old), list(chunks), shared)
    return len(old)


def add_assets(sess, assets: list) -> list:
    """Put already-ingested assets into the session's media library."""
    return list(sess.add_ingested(assets))


def library_of(sess) -> list:
    return list(sess.library)


def media_info(sess) -> list[dict[str, Any]]:
    out = []
    for a in library_of(sess):
        out.append({"id": a.id, "name": a.name, "kind": a.kind.value, "width": a.width,
                    "height": a.height, "duration_ms": a.duration_ms, "fps": a.fps,
                    "has_audio": a.has_audio, "size_bytes": a.size_bytes, "format": a.format})
    return out


def summary_of(sess) -> str:
    """The same line the session's replies carry (so state and reply agree)."""
    if sess.timeline is None:
        return "Timeline is empty: upload assets and describe the video you want."
    return sess.summary()


def public_timeline(tl) -> dict[str, Any]:
    """The timeline as a client sees it: each asset's file is named by its asset name, never by
    its path on the server (renders find assets by id in the session's own library)."""
    data = json.loads(tl.to_json())
    for asset in data.get("assets", ()):
        asset["path"] = asset.get("name") or asset["id"]
    return data


def state(ctx: Context, who: Principal, session_id: str) -> dict[str, Any]:
    from reelforge.timeline import to_draft

    row, sess = load(ctx, who, session_id)
    tl = sess.timeline
    return {
        "session_id": row.id,
        "name": row.name,
        "revision": row.revision,
        "version": sess.version,
        "summary": summary_of(sess),
        "timeline": public_timeline(tl) if tl is not None else None,
        "draft": to_draft(tl) if tl is not None else None,
        "media": media_info(sess),
        "can_undo": bool(sess.undo_stack),
        "can_redo": bool(sess.redo_stack),
    }

