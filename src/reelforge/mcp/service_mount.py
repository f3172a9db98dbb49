"""MCP inside ``reelforge serve``: streamable HTTP at ``/mcp`` on the service's own port.

Callers authenticate with their service bearer token (the one the HTTP API takes), checked
in-process; each acts as their own account (sessions, exports, credits, the service's limits)
through `ServiceBackend`, the embedded backend over the service's `Core` (never local files).

Made files are fetched the way the rest of the service hands them out, with nothing naming a
server path: the tool results carry ``download_url`` (and caption / transcript URLs) on this
server, ``/v1/exports/{id}/...``, which want the *same* bearer token (another token gets 404;
ids are 128-bit random), served with HTTP Range support; plus MCP ``resource_link`` blocks to
``reelforge://exports/{id}/...`` resources readable over MCP itself (`reelforge.mcp.files`).
"""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import Any

import anyio.to_thread
from mcp.server.auth.provider import AccessToken
from mcp.server.auth.settings import AuthSettings

from reelforge.mcp import files
from reelforge.mcp.auth import SERVICE_CLIENT
from reelforge.mcp.backend import EmbeddedBackend

PATH = "/mcp"


class CoreTokenVerifier:
    """A bearer token is good when the service's own token table says so (not expired)."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx

    async def verify_token(self, token: str) -> AccessToken | None:
        """The token's account is its ``subject``: the MCP SDK serves a session only to the
        principal that opened it (without one, every token was the same principal and another
        account's token could use or end a session whose id it learnt)."""
        from reelforge.errors import BadToken
        from reelforge.service.auth import authenticate

        if not token or len(token) > 512:
            return None
        try:
            who = await anyio.to_thread.run_sync(lambda: authenticate(self.ctx, "Bearer " + token))
        except BadToken:
            return None
        return AccessToken(token=token, client_id=SERVICE_CLIENT, scopes=[], subject=f"account:{who.account_id}")


class ServiceBackend(EmbeddedBackend):
    """The MCP tools over the service's application core, as the caller's account."""

    mode = "service"

    def __init__(self, core: Any, base: str | None = None) -> None:  # noqa: D107 - no core of its own
        self.core = core
        self.local_files = False
        self.data_dir = Path(core.ctx.settings.data_dir)
        self.who = None
        self.base = base or core.base
        self._outputs = self.data_dir / "mcp-outputs.json"   # never written: output_path is refused
        self._outputs_lock = threading.Lock()

    def for_caller(self, token: str, base: str | None = None) -> ServiceBackend:
        from reelforge.service.auth import authenticate

        view = copy.copy(self)
        view.who = authenticate(self.core.ctx, "Bearer " + token)
        public = self.core.ctx.settings.public_base_url
        view.base = public.rstrip("/") if public else (base or self.base)
        return view

    def credits(self) -> dict[str, Any]:
        bal = self.core.credits(self._who())
        return {"mode": self.mode, "unlimited": False, **bal,
                "message": f"{bal['available']} credits available, {bal['frozen']} frozen, {bal['total']} total"}

    def _who(self):
        if self.who is None:
            from reelforge.errors import BadToken

            raise BadToken("missing bearer token")
        return self.who

    def close(self) -> None:  # the service owns the core
        pass


def mount(app: Any, core: Any) -> Any:
    """Serve MCP at ``/mcp`` of the FastAPI ``app`` over ``core``; returns the session manager
    (its ``run()`` must be entered in the app's lifespan)."""
    from reelforge.mcp.server import build_server

    settings = core.ctx.settings
    verifier = CoreTokenVerifier(core.ctx)
    server = build_server(ServiceBackend(core), token_verifier=verifier,
                          auth=AuthSettings(issuer_url=core.base, resource_server_url=None))
    mcp_app = server.streamable_http_app(streamable_http_path=PATH, host=settings.host,
                                         session_idle_timeout=settings.mcp_session_idle_seconds)
    mcp_app = _SessionCap(files.HoldReads(mcp_app), server.session_manager, verifier,
                          per_account=settings.mcp_sessions_per_account,
                          idle_seconds=settings.mcp_session_idle_seconds)
    app.add_middleware(_Dispatch, mcp_app=mcp_app)
    return server.session_manager


class _SessionCap:
    """ASGI before the SDK: a request opening an MCP session (POST without ``Mcp-Session-Id``) by
    an account that already has ``per_account`` sessions open or being opened is answered 429
    with ``Retry-After`` and a JSON-RPC error. Without it one token could open sessions up to the
    SDK's cap for the whole process (10,000), after which every other account's ``initialize``
    was 503 until they idled out. A session's room comes back when it is ended (DELETE) or has
    been idle for ``idle_seconds``."""

    def __init__(self, app: Any, manager: Any, verifier: CoreTokenVerifier, *, per_account: int,
                 idle_seconds: float) -> None:
        from collections import Counter

        self.app, self.manager, self.verifier = app, manager, verifier
        self.per_account, self.idle_seconds = per_account, idle_seconds
        self.opening: Counter[str] = Counter()   # subject -> opening requests not answered yet
        self.sessions: dict[str, str] = {}       # session id -> subject, of the sessions opened here

    def _open(self, subject: str) -> int:
        live = self.manager._server_instances   # the SDK forgets a session as it ends
        for sid in [sid for sid in self.sessions if sid not in live]:
            del self.sessions[sid]
        return sum(1 for owner in self.sessions.values() if owner == subject)

    def _opened(self, subject: str) -> None:
        self.opening[subject] -= 1
        if self.opening[subject] <= 0:
            del self.opening[subject]

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        headers = dict(scope.get("headers") or []) if scope["type"] == "http" else {}
        if scope["type"] != "http" or scope.get("method") != "POST" or b"mcp-session-id" in headers:
            await self.app(scope, receive, send)
            return
        # only an initialize opens a session: a client of the newer protocol may send its calls with no
        # session id (its 40 waiting previews counted as 40 sessions being opened, and the 17th was refused).
        # The body says which (a header naming the method is the client's word only)
        receive, opens = await _opens_session(receive)
        if not opens:
            await self.app(scope, receive, send)
            return
        scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        access = await self.verifier.verify_token(token.strip()) if scheme.lower() == "bearer" else None
        if access is None:   # the SDK answers 401
            await self.app(scope, receive, send)
            return
        subject = access.subject
        have = self._open(subject) + self.opening[subject]
        if have >= self.per_account:
            await _refuse(scope, receive, send, have, self.per_account, self.idle_seconds)
            return
        self.opening[subject] += 1   # no await since the count: racing opens see each other
        counted = False

        async def answer(message: dict) -> None:
            nonlocal counted
            if message["type"] == "http.response.start" and not counted:
                sid = dict(message.get("headers") or []).get(b"mcp-session-id")
                if message["status"] < 400 and sid:   # established: from opening to open at once
                    self.sessions[sid.decode("latin-1")] = subject
                    counted = True
                    self._opened(subject)
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            if not counted:
                self._opened(subject)


PEEK_BYTES = 1 << 20  # a request body read to see its method; past this it counts as opening a session


async def _opens_session(receive: Any) -> tuple[Any, bool]:
    """Whether a POST to /mcp without a session id is an ``initialize`` (alone or in a batch), read from
    its body; and a ``receive`` that gives the SDK the body again. A body that cannot be read as JSON
    counts as opening one (the SDK answers it with an error)."""
    import json

    messages, size, more = [], 0, True
    while more and size <= PEEK_BYTES:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    pending = list(messages)

    async def again() -> dict:
        return pending.pop(0) if pending else await receive()

    if more or size > PEEK_BYTES:
        return again, True
    try:
        body = json.loads(b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request"))
    except (ValueError, UnicodeDecodeError):
        return again, True
    calls = body if isinstance(body, list) else [body]
    return again, any(isinstance(c, dict) and c.get("method") == "initialize" for c in calls) or not calls


async def _refuse(scope: dict, receive: Any, send: Any, have: int, limit: int, idle_seconds: float) -> None:
    from starlette.responses import JSONResponse

    message = (f"error 429: this account has {have} MCP sessions open (at most {limit}, "
               "REELFORGE_MCP_SESSIONS_PER_ACCOUNT); end one (HTTP DELETE /mcp with its Mcp-Session-Id) or "
               f"wait: a session idle for {idle_seconds:g} s is ended")
    body = {"jsonrpc": "2.0", "id": None, "error": {"code": -32000, "message": message}}
    await JSONResponse(body, status_code=429, headers={"Retry-After": "30"})(scope, receive, send)


class _Dispatch:
    """ASGI: ``/mcp`` to the MCP app (its own auth, body limit and DNS-rebinding guard), the
    rest to the service."""

    def __init__(self, app: Any, mcp_app: Any) -> None:
        self.app = app
        self.mcp_app = mcp_app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and (scope["path"] == PATH or scope["path"].startswith(PATH + "/")):
            await self.mcp_app(scope, receive, send)
        else:
            await self.app(scope, receive, send)
