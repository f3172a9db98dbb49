"""What one account (token) may keep on the server: at most ``max_sessions_per_account``
sessions and ``max_storage_bytes_per_account`` bytes of uploaded media.

* **Sessions** are counted when one is created (`check_sessions`, inside the transaction that
  inserts it): one more past the limit is `TooManySessions` (403, code 1003) and nothing is
  created.
* **Storage** is the sum of the account's stored assets' sizes (rows of ``assets``: every
  upload, URL fetch or MCP file that went into a session's library) plus the files the server
  made from them and keeps with them (`derived_bytes`: each session's ``work/`` folder —
  upright copies of rotated photos, downscaled copies of large pictures, generated
  voiceovers, title and logo cards), measured on disk. A chat edit that makes such files past
  the limit is refused (`check_made`: 413, code 4002, nothing kept). Renders are not counted:
  exports are bounded by credits, and previews by their per-hour allowance and a retention
  (only the newest ``previews_kept_per_session`` of a session are kept,
  `reelforge.service.projects.prune_previews`), and an upload must not fail because of an
  export the user never sees as "stored media".
  An upload is bounded twice: while streaming, by the room the account had when it began
  (`room`; the request stops at the first byte past it, the partial file removed), and at
  commit (`reserve`), where the assets' rows are inserted in the same transaction that sums
  the account's usage. That transaction first locks the account (`credits.lock`: ``SELECT ...
  FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so two uploads racing for the
  last room are decided one after the other and cannot both slip past.
* ``DELETE /v1/sessions/{id}`` frees room under both.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

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


def derived_bytes_of(session_dir: Path) -> int:
    """Bytes of the files in a session's ``work/`` folder that are not also one of its stored
    files (ingest hard-links an upload there under a well-formed name: those bytes are already
    counted by the asset's row); each file once, however many names it has."""
    seen: set[tuple[int, int]] = set()
    try:
        with os.scandir(session_dir) as it:
            for entry in it:
                if entry.is_file(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    seen.add((st.st_dev, st.st_ino))
    except OSError:
        return 0
    total = 0
    for root, _dirs, files in os.walk(session_dir / "work"):
        for name in files:
            try:
                st = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            key = (st.st_dev, st.st_ino)
            if stat.S_ISREG(st.st_mode) and key not in seen:
                seen.add(key)
                total += st.st_size
    return total


def derived_bytes(ctx: Context, s: Session, account_id: str) -> int:
    """Bytes of the files the server made in the account's sessions (their ``work/`` folders)."""
    ids = s.execute(select(ProjectSession.id).where(ProjectSession.owner == account_id)).scalars().all()
    return sum(derived_bytes_of(ctx.storage.media / sid) for sid in ids)


def used_bytes(s: Session, account_id: str, ctx: Context | None = None) -> int:
    """The account's stored bytes: its assets' rows, and with ``ctx`` the derived files too."""
    stored = int(s.execute(select(func.coalesce(func.sum(StoredAsset.size), 0))
                           .join(ProjectSession, ProjectSession.id == StoredAsset.session_id)
                           .where(ProjectSession.owner == account_id)).scalar_one())
    return stored + (derived_bytes(ctx, s, account_id) if ctx is not None else 0)


def room(ctx: Context, account_id: str) -> int:
    """Bytes the account may still store (may be 0); a bound for an upload while it streams."""
    with ctx.db.tx() as s:
        return max(0, ctx.settings.max_storage_bytes_per_account - used_bytes(s, account_id, ctx))


def files_in(folder: Path) -> set[str]:
    """Names of what is in ``folder`` now (to find what an edit made)."""
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def check_made(ctx: Context, account_id: str, folder: Path, before: set[str]) -> None:
    """After an edit that may have made files in the session's ``folder`` (a voiceover, a
    card): when it made any and the account is now past its limit, raise `StorageFull` (the
    edit is then not saved). The files stay (an upload of the same session may be putting
    its copies there at the same moment) and keep counting until the session is deleted; so
    an account goes past its limit by one edit's files at most."""
    made = files_in(folder) - before
    if not made:
        return
    with ctx.db.tx() as s:
        used = used_bytes(s, account_id, ctx)
    limit = ctx.settings.max_storage_bytes_per_account
    if used > limit:
        raise StorageFull(f"this edit makes files (a voiceover, a card) that take the account past its storage "
                          f"limit of {human_size(limit)} ({human_size(used)} with them; "
                          f"REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT); {FREE_ROOM}")


def full(settings: Settings, used: int | None = None) -> StorageFull:
    limit = settings.max_storage_bytes_per_account
    have = f" ({human_size(used)} in use)" if used is not None else ""
    return StorageFull(f"this upload would take the account past its storage limit of {human_size(limit)}"
                       f"{have} (REELFORGE_MAX_STORAGE_BYTES_PER_ACCOUNT); {FREE_ROOM}")


def stored_asset_ids(ctx: Context, session_id: str) -> set[str]:
    """The asset ids (content addresses) the session's stored files hold."""
    with ctx.db.tx() as s:
        return set(s.scalars(select(StoredAsset.asset_id).where(StoredAsset.session_id == session_id)))


def reserve(ctx: Context, account_id: str, session_id: str, pairs: Sequence) -> list[str]:
    """Record ingested assets (``[(Asset, Received)]``) in the session if the account has room
    for them all, in one transaction under the account lock; the new rows' ids. Raises
    `StorageFull` (nothing recorded) past the limit, `NotFound` if the session is gone."""
    from reelforge.errors import NotFound, shown

    adding = sum(int(r.size) for _, r in pairs)
    ids: list[str] = []
    with ctx.db.tx() as s:
        credits.lock(s, account_id)
        row = s.get(ProjectSession, session_id)
        if row is None or row.owner != account_id:
            raise NotFound(f"session {shown(session_id)} not found")
        used = used_bytes(s, account_id, ctx)   # the new files' derived copies are on disk already
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
