"""Webhooks: when an export completes or fails, POST its status document to a callback URL.

* **Which URL**: the export request's ``callback_url``, else the account's default
  (``PUT /v1/account/webhook``), fixed on the export when it is created.
* **Signed** as Stripe does: header ``Reelforge-Signature: t=<unix seconds>,v1=<hex>`` where
  ``<hex>`` is HMAC-SHA256 over ``"<t>.<raw body>"`` keyed with the account's secret (made on
  first use, shown by ``GET /v1/account/webhook``, rotated on request). `verify` is the
  receiver's check (constant-time compare, timestamp within a tolerance against replays).
* **Never to private addresses**: the URL passes the URL-ingestion guard
  (`reelforge.media.fetch.check_url`, ``REELFORGE_URL_ALLOWLIST``) when it is given and again
  before every attempt, and the attempt connects to an address that check resolved and
  allowed (`reelforge.media.fetch.Pins`: no second lookup, so no DNS rebinding); redirects are
  not followed; the receiver's answer body is never read.
* **Off the render path**: a finished render only hands the export id to this process's
  `Deliverer` (one asyncio loop in one thread; ``webhook_concurrency`` attempts in flight, each
  bounded by ``webhook_timeout`` in total), so a receiver that hangs holds no render worker and
  no API thread.
* **Retried with backoff**: any answer but 2xx, a timeout or a connection error is retried
  after ``webhook_backoff`` seconds, x4 each time, up to ``webhook_attempts`` attempts; every
  attempt (time, status code, error, duration) is appended to the export's ``webhook_log`` and
  shown in its status document; ``webhook_state`` ends ``delivered`` or ``failed``.
* **At least once**: deliveries still ``pending`` when a process stops are picked up by the
  next start (`recover`); receivers should treat the export id as an idempotency key.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from typing import Any

import httpx
from sqlalchemy import select, update

from reelforge.errors import MediaError, UrlNotAllowed
from reelforge.service.auth import Principal
from reelforge.service.context import Context
from reelforge.service.db import Account, Render, clean, now

log = logging.getLogger("reelforge.service.webhooks")

SIGNATURE_HEADER = "Reelforge-Signature"
EVENT_HEADER = "Reelforge-Event"
DELIVERY_HEADER = "Reelforge-Delivery"
TOLERANCE = 300
MAX_URL = 2000
BACKOFF_FACTOR = 4


# -- signing (pure) ---------------------------------------------------------------------

def sign(secret: str, timestamp: int, body: bytes) -> str:
    """Hex HMAC-SHA256 of ``"<timestamp>.<body>"`` keyed with ``secret``."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int | None = None) -> str:
    ts = int(time.time()) if timestamp is None else int(timestamp)
    return f"t={ts},v1={sign(secret, ts, body)}"


def verify(secret: str, header: str | None, body: bytes, *, tolerance: float = TOLERANCE,
           at: float | None = None) -> bool:
    """A receiver's check of ``Reelforge-Signature`` over the raw request body: some ``v1``
    matches and ``t`` is within ``tolerance`` seconds of ``at`` (default: now)."""
    if not header:
        return False
    ts, sigs = None, []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            ts = int(value)
        elif key == "v1":
            sigs.append(value)
    if ts is None or not sigs:
        return False
    if abs((time.time() if at is None else at) - ts) > tolerance:
        return False
    want = sign(secret, ts, body)
    return any(hmac.compare_digest(want, s) for s in sigs)


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


# -- URLs and account settings ------------------------------------------------------------

def check_callback(ctx: Context, url: object) -> str:
    """The callback URL, or `UrlNotAllowed` (4003) / `UrlFetchFailed` (4004): http(s) to public
    addresses only (or allow-listed), as for URL ingestion."""
    from reelforge.media.fetch import check_url

    if not isinstance(url, str):
        raise UrlNotAllowed("callback URL must be a string")
    url = url.strip()
    if len(url) > MAX_URL:
        raise UrlNotAllowed(f"callback URL longer than {MAX_URL} characters")
    if any(not ch.isprintable() or ch.isspace() for ch in url):
        raise UrlNotAllowed("callback URL contains spaces or control characters")
    check_url(url, tuple(ctx.settings.url_allowlist))
    return url


def _ensure_secret(s, account_id: str) -> str:
    acct = s.get(Account, account_id, with_for_update=True)
    if acct.webhook_secret is None:
        acct.webhook_secret = new_secret()
    return acct.webhook_secret


def account_view(ctx: Context, who: Principal) -> dict[str, Any]:
    with ctx.db.tx() as s:
        secret = _ensure_secret(s, who.account_id)
        url = s.get(Account, who.account_id).webhook_url
    return {"url": url, "secret": secret, "signature_header": SIGNATURE_HEADER,
            "signed_payload": "<t>.<raw body>", "algorithm": "HMAC-SHA256"}


def set_account(ctx: Context, who: Principal, url: str | None, *, rotate_secret: bool = False) -> dict[str, Any]:
    """Set (or clear, with None/"") the account's default callback URL; new secret on request."""
    checked = check_callback(ctx, url) if url else None
    with ctx.db.tx() as s:
        _ensure_secret(s, who.account_id)
        acct = s.get(Account, who.account_id)
        acct.webhook_url = checked
        if rotate_secret:
            acct.webhook_secret = new_secret()
    return account_view(ctx, who)


def callback_for(ctx: Context, account_id: str, requested: str | None) -> str | None:
    """The URL a new export will call back: the request's (checked now), else the account's."""
    if requested:
        return check_callback(ctx, requested)
    with ctx.db.tx() as s:
        return s.execute(select(Account.webhook_url).where(Account.id == account_id)).scalar_one_or_none()


# -- the status document's part -------------------------------------------------------------

def view_of(row: Render) -> dict[str, Any] | None:
    if not row.callback_url:
        return None
    try:
        attempts = json.loads(row.webhook_log or "[]")
    except ValueError:
        attempts = []
    return {"url": row.callback_url, "state": row.webhook_state, "attempts": attempts}


# -- delivery ------------------------------------------------------------------------------

def _prepare(ctx: Context, render_id: str) -> tuple[str, bytes, str, str] | None:
    """(url, body, secret, event) of a pending delivery of a finished export, else None."""
    from reelforge.service.renders import view

    with ctx.db.tx() as s:
        row = s.get(Render, render_id)
        if (row is None or row.webhook_state != "pending" or not row.callback_url
                or row.status not in ("completed", "failed")):
            return None
        secret = _ensure_secret(s, row.owner)
    doc = view(row, ctx.settings.base_url)
    doc.pop("webhook", None)
    event = f"export.{row.status}"
    body = json.dumps({"event": event, **doc}, separators=(",", ":")).encode()
    return row.callback_url, body, secret, event


def _record(ctx: Context, render_id: str, entry: dict[str, Any], *, ok: bool, final: bool) -> bool:
    """Append one attempt to the export; True when another attempt should follow."""
    with ctx.db.tx() as s:
        row = s.get(Render, render_id, with_for_update=True)
        if row is None or row.webhook_state != "pending":
            return False
        log_ = json.loads(row.webhook_log or "[]")
        log_.append(entry)
        state = "delivered" if ok else ("failed" if final or len(log_) >= ctx.settings.webhook_attempts
                                        else "pending")
        s.execute(update(Render).where(Render.id == render_id)
                  .values(webhook_log=json.dumps(log_), webhook_state=state))
    return state == "pending"


class Deliverer:
    """One asyncio loop in a daemon thread delivering this process's webhooks."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.loop = asyncio.new_event_loop()
        self.busy: set[str] = set()
        self._sem = asyncio.Semaphore(ctx.settings.webhook_concurrency)
        self.thread = threading.Thread(target=self.loop.run_forever, name="reelforge-webhooks", daemon=True)
        self.thread.start()

    def schedule(self, render_id: str) -> None:
        """Deliver the export's webhook soon (no-op while this process already is)."""
        def start() -> None:
            if render_id not in self.busy:
                self.busy.add(render_id)
                self.loop.create_task(self._deliver(render_id))
        self.loop.call_soon_threadsafe(start)

    async def _deliver(self, render_id: str) -> None:
        try:
            attempt = 0
            while True:
                attempt += 1
                async with self._sem:
                    again = await self._attempt(render_id, attempt)
                if not again:
                    return
                await asyncio.sleep(self.ctx.settings.webhook_backoff * BACKOFF_FACTOR ** (attempt - 1))
        except Exception:  # pragma: no cover - a bug: logged, the delivery stays pending
            log.exception("webhook delivery of %s stopped", render_id)
        finally:
            self.busy.discard(render_id)

    async def _attempt(self, render_id: str, attempt: int) -> bool:
        from reelforge.media.fetch import Pins, check_url

        prepared = await asyncio.to_thread(_prepare, self.ctx, render_id)
        if prepared is None:
            return False
        url, body, secret, event = prepared
        settings = self.ctx.settings
        started, code, error, final = time.monotonic(), None, None, False
        headers = {"Content-Type": "application/json", "User-Agent": "reelforge-webhooks",
                   SIGNATURE_HEADER: signature_header(secret, body), EVENT_HEADER: event,
                   DELIVERY_HEADER: f"{render_id}-{attempt}"}
        try:
            pins = Pins()
            pins.add(await asyncio.to_thread(check_url, url, tuple(settings.url_allowlist)))
            code = await asyncio.wait_for(post(url, body, headers, pins), settings.webhook_timeout)
            if not 200 <= code < 300:
                error = f"HTTP {code}"
        except UrlNotAllowed as exc:
            error, final = exc.message, True   # the address became private: never retried
        except MediaError as exc:
            error = exc.message
        except (TimeoutError, httpx.TimeoutException):
            error = f"timed out after {settings.webhook_timeout:g} s"
        except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        entry = {"attempt": attempt, "at": round(now(), 3), "status_code": code,
                 "error": clean(error, 300), "ms": round((time.monotonic() - started) * 1000)}
        return await asyncio.to_thread(_record, self.ctx, render_id, entry, ok=error is None, final=final)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


async def post(url: str, body: bytes, headers: dict[str, str], pins) -> int:
    """POST ``body`` to ``url``, connecting only to the addresses ``pins`` holds for its host
    (what `check_url` allowed); the answer's status code (its body is never read)."""
    from reelforge.media.fetch import pinned_async_client

    async with pinned_async_client(pins) as client:
        async with client.stream("POST", url, content=body, headers=headers) as resp:
            return resp.status_code


_guard = threading.Lock()


def deliverer(ctx: Context) -> Deliverer:
    with _guard:
        d = ctx.extra.get("webhooks")
        if d is None:
            d = ctx.extra["webhooks"] = Deliverer(ctx)
        return d


def finished(ctx: Context, render_id: str) -> None:
    """Called when a render completed or failed: start its delivery if it has a webhook."""
    try:
        with ctx.db.tx() as s:
            state = s.execute(select(Render.webhook_state).where(Render.id == render_id)).scalar_one_or_none()
        if state == "pending":
            deliverer(ctx).schedule(render_id)
    except Exception:  # never fails the render that finished
        log.exception("cannot schedule the webhook of %s", render_id)


def recover(ctx: Context) -> int:
    """Schedule the deliveries a stopped process left pending (finished exports only)."""
    with ctx.db.tx() as s:
        ids = s.execute(select(Render.id).where(Render.webhook_state == "pending",
                                                Render.status.in_(("completed", "failed")))).scalars().all()
    for rid in ids:
        deliverer(ctx).schedule(rid)
    return len(ids)


def stop(ctx: Context) -> None:
    d = ctx.extra.pop("webhooks", None)
    if d is not None:
        d.stop()
