"""Credits: reserve (freeze) up front, charge on success, release on failure.

Cost rule (`cost_for`):
    units = number of *started* 10-second blocks of output  (ceil(duration_s / 10), at least 1)
    cost  = units           when the output's short side is <= 1080 px (720p, 1080p, 1080x1920 ...)
    cost  = units * 2       above 1080p (1440p, 4K)
    times each started 30 frames a second (50, 60 fps: twice the frames to make, so 2x; a
    draft's 120 fps 4x)
    previews (``/preview``, draft quality) cost 0.
  e.g. a 30 s 1080p export costs 3 credits, a 30 s 4K export 6, a 30 s 1080p60 export 6, a 5 s
  vertical clip 1.

Every change is one conditional UPDATE checked by rowcount, so balances never go negative and
concurrent exports on one account cannot overspend: the database serialises the UPDATEs and
an UPDATE whose ``available >= cost`` condition fails changes nothing. (On PostgreSQL a
concurrent UPDATE of the same row waits for the first to commit and re-checks the condition on
the new row, READ COMMITTED; on SQLite ``BEGIN IMMEDIATE`` serialises writers.)
"""

from __future__ import annotations

import math

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reelforge.errors import NoCredits
from reelforge.service.db import Account

BLOCK_MS = 10_000


def cost_for(duration_ms: int, width: int, height: int, *, fps: int = 30, preview: bool = False) -> int:
    if preview:
        return 0
    units = max(1, math.ceil(duration_ms / BLOCK_MS))
    return units * (2 if min(width, height) > 1080 else 1) * max(1, math.ceil(fps / 30))


def balance(s: Session, account_id: str) -> dict[str, int]:
    acc = s.execute(select(Account).where(Account.id == account_id)).scalar_one()
    return {"available": acc.available, "frozen": acc.frozen, "total": acc.available + acc.frozen}


def lock(s: Session, account_id: str) -> None:
    """Serialise this transaction with others on the same account until it ends: a row lock
    (``SELECT ... FOR UPDATE``) on PostgreSQL; on SQLite ``BEGIN IMMEDIATE`` already holds
    the database write lock and FOR UPDATE is not emitted. Use it before read-then-insert
    logic (e.g. the idempotent client render id) that one conditional UPDATE cannot cover."""
    s.execute(select(Account.id).where(Account.id == account_id).with_for_update())


def reserve(s: Session, account_id: str, cost: int) -> None:
    """Freeze ``cost`` credits or raise `NoCredits` (nothing changed)."""
    if cost <= 0:
        return
    res = s.execute(
        update(Account)
        .where(Account.id == account_id, Account.available >= cost)
        .values(available=Account.available - cost, frozen=Account.frozen + cost)
    )
    if res.rowcount != 1:
        have = balance(s, account_id)["available"]
        raise NoCredits(f"not enough credits: this export costs {cost}, {have} available")


def charge(s: Session, account_id: str, cost: int) -> None:
    """Spend credits frozen by `reserve`."""
    if cost <= 0:
        return
    res = s.execute(
        update(Account).where(Account.id == account_id, Account.frozen >= cost)
        .values(frozen=Account.frozen - cost)
    )
    if res.rowcount != 1:  # pragma: no cover - guarded by the render state machine
        raise RuntimeError(f"charge of {cost} on {account_id}: not frozen")


def release(s: Session, account_id: str, cost: int) -> None:
    """Give frozen credits back."""
    if cost <= 0:
        return
    res = s.execute(
        update(Account).where(Account.id == account_id, Account.frozen >= cost)
        .values(frozen=Account.frozen - cost, available=Account.available + cost)
    )
    if res.rowcount != 1:  # pragma: no cover
        raise RuntimeError(f"release of {cost} on {account_id}: not frozen")
