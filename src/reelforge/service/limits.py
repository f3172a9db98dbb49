"""Abuse limits that count usage over time: fixed windows in the database.

`take(s, key, amount, limit, window)` adds ``amount`` to the usage of ``key`` in its current
window (which starts at the first use and lasts ``window`` seconds) or raises `RateLimited`
(429) with ``retry_after`` = the seconds until that window ends. Each step is one
conditional INSERT/UPDATE checked by rowcount, as for credits, so racing requests cannot
overshoot the limit (SQLite serialises writers; PostgreSQL re-checks the condition of a
waiting UPDATE). Runs inside the caller's transaction: a refused or rolled-back request
uses nothing.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reelforge.errors import RateLimited
from reelforge.service.db import RateWindow, now

HOUR = 3600.0
DAY = 86400.0


def ip_key(kind: str, address: str) -> str:
    """A key for a client address (hashed: the table never holds addresses)."""
    return f"{kind}:{hashlib.sha256(address.encode()).hexdigest()[:40]}"


def take(s: Session, key: str, amount: float, limit: float, window: float, *, what: str) -> None:
    """Use ``amount`` of ``limit`` per ``window`` seconds for ``key``, or raise `RateLimited`
    whose message says ``what`` the limit is (e.g. "10 anonymous tokens per IP address per day")."""
    t = now()
    if amount > limit:
        raise RateLimited(f"limit reached: {what}", retry_after=window)
    try:
        with s.begin_nested():
            s.add(RateWindow(key=key, window_start=t, used=amount))
        return
    except IntegrityError:
        pass
    # the window is over: start a new one with this use
    res = s.execute(update(RateWindow)
                    .where(RateWindow.key == key, RateWindow.window_start <= t - window)
                    .values(window_start=t, used=amount))
    if res.rowcount == 1:
        return
    res = s.execute(update(RateWindow)
                    .where(RateWindow.key == key, RateWindow.window_start > t - window,
                           RateWindow.used + amount <= limit)
                    .values(used=RateWindow.used + amount))
    if res.rowcount == 1:
        return
    start = s.execute(select(RateWindow.window_start).where(RateWindow.key == key)).scalar_one()
    wait = max(1.0, start + window - t)
    raise RateLimited(f"limit reached: {what}; try again in {_human(wait)}", retry_after=wait)


def _human(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
