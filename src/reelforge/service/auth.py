"""Bearer tokens. Only sha256 digests of tokens are stored.

Anonymous tokens: ``POST .../anonymous-token`` with ``X-Client-Id`` gives a new account with
the starter credits, valid ``token_ttl_days``. One per client id per TTL window: the
rate-limit row is claimed with an atomic insert-or-conditional-update, so two racing requests
cannot both get one. And at most ``anon_tokens_per_ip_per_day`` per client IP address (a new
client id each time does not get round it); both refusals are 429 with ``Retry-After``.
The address is the connection's peer as uvicorn reports it: behind a reverse proxy, run
uvicorn with ``--forwarded-allow-ips`` naming the proxy so ``X-Forwarded-For`` is used.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from reelforge.errors import BadToken, MissingClientId, RateLimited
from reelforge.service import limits
from reelforge.service.context import Context, get_ctx
from reelforge.service.db import Account, AnonymousIssue, Token, now
from reelforge.service.storage import new_id

DAY = 86400.0


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Principal:
    account_id: str
    token_id: str


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def issue_anonymous(ctx: Context, client_id: str | None, ip: str | None = None) -> dict:
    client_id = (client_id or "").strip()
    if not client_id:
        raise MissingClientId("missing X-Client-Id header")
    if len(client_id) > 200:
        raise MissingClientId("X-Client-Id is too long (200 characters at most)")
    ttl = ctx.settings.token_ttl_days * DAY
    t = now()
    # claim the rate-limit slot in its own transaction
    with ctx.db.tx() as s:
        try:
            with s.begin_nested():
                s.add(AnonymousIssue(client_id=client_id, issued_at=t, count=1))
        except IntegrityError:
            res = s.execute(
                update(AnonymousIssue)
                .where(AnonymousIssue.client_id == client_id, AnonymousIssue.issued_at <= t - ttl)
                .values(issued_at=t, count=AnonymousIssue.count + 1)
            )
            if res.rowcount != 1:
                last = s.execute(select(AnonymousIssue.issued_at)
                                 .where(AnonymousIssue.client_id == client_id)).scalar_one()
                raise RateLimited("an anonymous token was already issued for this client id "
                                  f"in the last {ctx.settings.token_ttl_days:g} days",
                                  retry_after=max(1.0, last + ttl - t)) from None
        if ip is not None:
            per_day = ctx.settings.anon_tokens_per_ip_per_day
            limits.take(s, limits.ip_key("anon-ip", ip), 1, per_day, limits.DAY,
                        what=f"{per_day} anonymous tokens per IP address per day")
        token = "rf_" + secrets.token_urlsafe(32)
        account = Account(id=new_id(), available=ctx.settings.starter_credits, frozen=0, created=t)
        s.add(account)
        s.flush()
        s.add(Token(id=new_id(), token_hash=digest(token), account_id=account.id,
                    client_id=client_id, created=t, expires=t + ttl))
    return {"token": token, "token_type": "bearer", "expires_at": t + ttl,
            "credits": {"available": account.available, "frozen": 0, "total": account.available}}


def authenticate(ctx: Context, header: str | None) -> Principal:
    if not header:
        raise BadToken("missing bearer token (Authorization: Bearer <token>)")
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        # a bare token (or another scheme) is refused: only "Bearer <token>" is the form
        raise BadToken("the Authorization header must be 'Bearer <token>'")
    token = value.strip()
    if not token:
        raise BadToken("missing bearer token")
    with ctx.db.tx() as s:
        row = s.execute(select(Token).where(Token.token_hash == digest(token))).scalar_one_or_none()
        if row is None:
            raise BadToken("invalid token")
        if row.expires <= now():
            raise BadToken("token expired")
        return Principal(account_id=row.account_id, token_id=row.id)


_bearer = HTTPBearer(auto_error=False, description="a token from POST /v1/auth/anonymous-token",
                     scheme_name="bearer")


def current(request: Request, ctx: Annotated[Context, Depends(get_ctx)],
            _scheme: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None) -> Principal:
    """FastAPI dependency: the caller, from ``Authorization: Bearer <token>`` (1001 otherwise).
    (``_scheme`` only puts the bearer scheme into the OpenAPI document; the header is read
    here, answers stay 1001.)"""
    return authenticate(ctx, request.headers.get("authorization"))


def current_for_stream(request: Request, ctx: Annotated[Context, Depends(get_ctx)],
                       _scheme: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None
                       ) -> Principal:
    """`current`, or ``?access_token=`` when there is no header: only on the GET streams a
    browser opens with ``EventSource`` or ``<video>``, which cannot set headers. Nowhere else,
    since query strings end up in logs (the service's own access log hides them,
    `app.HideTokens`)."""
    header = request.headers.get("authorization")
    token = request.query_params.get("access_token")
    if not header and token and request.method in ("GET", "HEAD"):
        header = "Bearer " + token
    return authenticate(ctx, header)
