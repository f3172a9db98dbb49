"""Sessions in the database: ownership, loading/saving the `reelforge.session.Session`
project JSON, and the state view.

Edits are serialised per session (an in-process lock) and saved with an optimistic
``revision`` check, so two server processes on one database cannot lose each other's edits
(the loser retries on the fresh project).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select, update

from reelforge.errors import NotFound, ReelforgeError
from reelforge.service.auth import Principal
from reelforge.service.context import Context
from reelforge.service.db import ProjectSession, StoredAsset, clean, lookup_key, now
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
        s.add(row)
    return row_view(row)


def list_own(ctx: Context, who: Principal) -> list[dict[str, Any]]:
    with ctx.db.tx() as s:
        rows = s.execute(select(ProjectSession).where(ProjectSession.owner == who.account_id)
                         .order_by(ProjectSession.created.desc())).scalars().all()
        return [row_view(r) for r in rows]


def get_row(s, who: Principal, session_id: str) -> ProjectSession:
    row = s.get(ProjectSession, session_id) if lookup_key(session_id) else None
    if row is None or row.owner != who.account_id:
        raise NotFound(f"session {session_id} not found")
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
            # files the session makes itself (voiceovers, brand cards) live with its media
            sess.media_dir = str(ctx.storage.workdir(session_id))
            result = fn(sess)
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


def record_assets(ctx: Context, session_id: str, pairs: list) -> None:
    with ctx.db.tx() as s:
        for asset, received in pairs:
            s.add(StoredAsset(id=new_id(), session_id=session_id, asset_id=asset.id,
                              path=asset.path, name=asset.name, kind=asset.kind.value,
                              size=received.size, source_url=received.source_url, created=now()))


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

