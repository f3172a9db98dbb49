"""Slots for long-lived streams (an export's progress events) and instructions being handled:
at most ``per_account`` open for one account and ``total`` in the process; past either
`RateLimited` (429 with ``Retry-After``). A stream costs a database read every 0.25 s for as
long as it is open (and an export can stay queued for hours), an instruction a thread and up to
seconds of CPU (a first cut, a voiceover): without a bound one token could start thousands and
hold the server's CPU and threads (docs/security.md).

    slot = take(ctx, "export-events", who.account_id)    # 429 when full
    ... stream; finally: slot.release()                  # also when dropped unstarted
"""

from __future__ import annotations

import threading
from collections import Counter

from reelforge.errors import RateLimited
from reelforge.service.context import Context

_lock = threading.Lock()
_open: dict[str, Counter] = {}


class Slot:
    """One open stream; given back once by `release` (or when garbage-collected)."""

    def __init__(self, kind: str, account_id: str) -> None:
        self.kind, self.account_id = kind, account_id
        self._released = False

    def release(self) -> None:
        with _lock:
            if self._released:
                return
            self._released = True
            counts = _open[self.kind]
            counts[self.account_id] -= 1
            counts["*"] -= 1
            if counts[self.account_id] <= 0:
                del counts[self.account_id]

    def __del__(self) -> None:
        self.release()


# kind -> what is counted, its state, what to do instead (the account's limit), and (the server's)
_SAID = {"chat": ("instructions", "being handled", "wait for an answer before sending the next", "try again shortly"),
         "mcp-video": ("video reads", "in flight", "wait for one to finish or fetch the video by its download_url",
                       "try again shortly or fetch the video by its download_url")}
_STREAMS = ("progress streams", "open", "close one or poll the status URL", "try again shortly or poll the status URL")


def _count(n: int, things: str) -> str:
    return f"{n} {things[:-1] if n == 1 else things}"  # "1 instruction", "2 progress streams"


def take(ctx: Context, kind: str, account_id: str, *, per_account: int, total: int) -> Slot:
    what, state, instead, later = _SAID.get(kind, _STREAMS)
    with _lock:
        counts = _open.setdefault(kind, Counter())
        mine = counts[account_id]
        if mine >= per_account:
            raise RateLimited(f"{_count(mine, what)} of this account {'is' if mine == 1 else 'are'} {state} "
                              f"(at most {per_account} at once); {instead}", retry_after=5)
        if counts["*"] >= total:
            raise RateLimited(f"{_count(counts['*'], what)} {'is' if counts['*'] == 1 else 'are'} {state} on this server "
                              f"(at most {total}); {later}", retry_after=5)
        counts[account_id] += 1
        counts["*"] += 1
    return Slot(kind, account_id)


def open_count(kind: str, account_id: str | None = None) -> int:
    with _lock:
        return _open.get(kind, Counter())[account_id or "*"]
