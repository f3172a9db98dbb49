"""What one account (token) may keep on the server: at most ``max_sessions_per_account``
sessions and ``max_storage_bytes_per_account`` bytes of uploaded media.

* **Sessions** are counted when one is created (`check_sessions`, inside the transaction that
  inserts it): one more past the limit is `TooManySessions` (403, code 1003) and nothing is
  created.
* **Storage** is the sum of the account's stored assets' sizes (rows of ``assets``: every
  upload, URL fetch or MCP file that went into a session's library). Renders are not counted:
  exports are already bounded by credits and previews by their per-hour allowance, and an
  upload must not fail because of an export the user never sees as "stored media".
  An upload is bounded twice: while streaming, by the room the account had when it began
  (`room`; the request stops at the first byte past it, the partial file removed), and at
  commit (`reserve`), where the assets' rows are inserted in the same transaction that sums
  the account's usage. That transaction first locks the account (`credits.lock`: ``SELECT ...
  FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so two uploads racing for the
  last room are decided one after the other and cannot both slip past.
* ``DELETE /v1/sessions/{id}`` frees room under both.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reelforge.media.formats import human_size
from reelforge.service import credits
from reelforge.service.config import Settings
from reelforge.service.context import Context
from reelforge.service.db import ProjectSession, StoredAsset, now
from reelforge.service.errors import StorageFull, TooManySessions
from reelforge.service.storage import new_id

FREE_ROOM = "delete sessions you no longer need (DELETE /v1/sessions/{id}) to free room"


def session_count(s: Session, account_id: str) -> int:
    return s.execute(select(func.count()).select_from(ProjectSession)
                     .where(ProjectSession.owner == account_id)).scalar_one()


def check_sessions(s: Session, settings: Settings, account_id: str) -> None:
    """Raise `TooManySessions` when the account holds its limit of sessions (call after
    `credits.lock` in the transaction that inserts the new one)."""
    have = session_count(s, account_id)
    limit = settings.max_sessions_per_account
    if have >= limit:
        raise TooManySessions(f"this account already has {have} sessions, the limit is {limit} "
                              f"(REELFORGE_MAX_SESSIONS_PER_ACCOUNT); {FREE_ROOM}")


def used_bytes(s: Session, account_id: str) -> int:
    return int(s.execute(select(func.coalesce(func.sum(StoredAsset.size), 0))
                         .join(ProjectSession, ProjectSession.id == StoredAsset.session_id)
                         .where(ProjectSession.owner == account_id)).scalar_one())


def room(ctx: Context, account_id: str) -> int:
    """Bytes the account may still store (may be 0); a bound for an upload while it streams."""
    with ctx.db.tx() as s:
        return max(0, ctx.settings.max_storage_bytes_per_account - used_bytes(s, account_id))


def full(settings: Settings, used: int | None = None) -> StorageFull:
    limit = settings.max_storage_bytes_per_account
    have = f" ({human_size(used)} in use)" if used is not None else ""
    return StorageFull(f"this upload would take the account past its storage limit of {human_size(limit)}"
                       f"{have} (REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT); {FREE_ROOM}")


def reserve(ctx: Context, account_id: str, session_id: str, pairs: Sequence) -> list[str]:
    """Record ingested assets (``[(Asset, Received)]``) in the session if the account has room
    for them all, in one transaction under the account lock; the new rows' ids. Raises
    `StorageFull` (nothing recorded) past the limit, `NotFound` if the session is gone."""
    from reelforge.errors import NotFound

    adding = sum(int(r.size) for _, r in pairs)
    ids: list[str] = []
    with ctx.db.tx() as s:
        credits.lock(s, account_id)
        row = s.get(ProjectSession, session_id)
        if row is None or row.owner != account_id:
            raise NotFound(f"session {session_id} not found")
        used = used_bytes(s, account_id)
        if used + adding > ctx.settings.max_storage_bytes_per_account:
            raise full(ctx.settings, used)
        for asset, received in pairs:
            ids.append(new_id())
            s.add(StoredAsset(id=ids[-1], session_id=session_id, asset_id=asset.id,
                              path=asset.path, name=asset.name, kind=asset.kind.value,
                              size=received.size, source_url=received.source_url, created=now()))
    return ids


def unreserve(ctx: Context, ids: Sequence[str]) -> None:
    """Take back rows of `reserve` (the edit that was to use them failed)."""
    if not ids:
        return
    from sqlalchemy import delete

    with ctx.db.tx() as s:
        s.execute(delete(StoredAsset).where(StoredAsset.id.in_(list(ids))))
