"""Bearer tokens for MCP over HTTP.

Over stdio the caller is whoever launched the process; over HTTP anyone who can reach the port
could call the tools, so every request must carry ``Authorization: Bearer <token>`` (401
otherwise, from the SDK's `RequireAuthMiddleware`). Two kinds of token are accepted:

- **a key from the environment**, ``REELFORGE_MCP_KEY`` (comma-separated for rotation; each at
  least ``MIN_KEY_LENGTH`` characters). Whoever holds it acts as the MCP server itself
  (embedded sessions, or the server's own service token in remote mode).
- **a service token** (remote mode, ``--url``): the caller's ``reelforge serve`` token, checked
  against that service (``GET /v1/credits``) and then used for the caller's own calls, so each
  caller sees only their own sessions, renders and credits.

Without either, ``reelforge mcp --http`` refuses to start unless ``--insecure-no-auth`` is
given, and that only binds to a loopback address (local development).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import time

from mcp.server.auth.provider import AccessToken
from mcp.server.auth.settings import AuthSettings

KEY_ENV = "REELFORGE_MCP_KEY"
MIN_KEY_LENGTH = 16
KEY_CLIENT = "mcp-key"          # AccessToken.client_id of a caller holding the environment key
SERVICE_CLIENT = "service"      # AccessToken.client_id of a caller holding a service token
CACHE_SECONDS = 60.0
CACHE_SIZE = 1024


class AuthConfigError(ValueError):
    """The server cannot start with this configuration (the message says why): no usable key
    for --http, or an unusable REELFORGE_* setting."""


def env_keys(environ: dict[str, str] | None = None) -> list[str]:
    """The keys in ``REELFORGE_MCP_KEY``; `AuthConfigError` when one is too short to be a secret."""
    raw = (environ if environ is not None else os.environ).get(KEY_ENV, "")
    keys = [k.strip() for k in raw.split(",") if k.strip()]
    short = [k for k in keys if len(k) < MIN_KEY_LENGTH]
    if short:
        raise AuthConfigError(f"{KEY_ENV}: each key needs at least {MIN_KEY_LENGTH} characters "
                              "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')")
    return keys


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _matches(token: str, keys: list[str]) -> bool:
    # compare every key in constant time (no early exit that tells which one was close)
    found = False
    for key in keys:
        found |= hmac.compare_digest(token.encode(), key.encode())
    return found


class KeyVerifier:
    """Accepts the environment key(s) only."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = list(keys)

    async def verify_token(self, token: str) -> AccessToken | None:
        if self.keys and _matches(token, self.keys):
            return AccessToken(token=token, client_id=KEY_CLIENT, scopes=[])
        return None


class ServiceTokenVerifier(KeyVerifier):
    """The environment key(s), or a token the ``reelforge serve`` at ``base_url`` accepts.

    A token the service accepted is remembered (by its sha256) for ``CACHE_SECONDS``, so a
    burst of tool calls costs one check; refused tokens are not remembered."""

    def __init__(self, base_url: str, keys: list[str], *, timeout: float = 10.0) -> None:
        super().__init__(keys)
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        self._ok: dict[str, float] = {}

    async def verify_token(self, token: str) -> AccessToken | None:
        found = await super().verify_token(token)
        if found is not None:
            return found
        if not token or len(token) > 512:
            return None
        digest = hashlib.sha256(token.encode()).hexdigest()
        t = time.monotonic()
        if self._ok.get(digest, 0.0) > t:
            return AccessToken(token=token, client_id=SERVICE_CLIENT, scopes=[])
        if not await self._service_accepts(token):
            self._ok.pop(digest, None)
            return None
        if len(self._ok) >= CACHE_SIZE:
            self._ok = {k: v for k, v in self._ok.items() if v > t}
            if len(self._ok) >= CACHE_SIZE:
                self._ok.clear()
        self._ok[digest] = t + CACHE_SECONDS
        return AccessToken(token=token, client_id=SERVICE_CLIENT, scopes=[])

    async def _service_accepts(self, token: str) -> bool:
        import httpx

        try:
            async with httpx.AsyncClient(timeout=self.timeout, trust_env=False) as client:
                resp = await client.get(self.base + "/v1/credits",
                                        headers={"Authorization": f"Bearer {token}"})
        except httpx.HTTPError:
            return False
        return resp.status_code == 200


def http_auth(*, host: str, port: int, url: str | None, insecure: bool,
              environ: dict[str, str] | None = None) -> tuple[KeyVerifier | None, AuthSettings | None]:
    """The token verifier and SDK auth settings for ``--http``; (None, None) only for an
    explicitly insecure loopback server. `AuthConfigError` when the server must not start."""
    keys = env_keys(environ)
    if url:
        verifier: KeyVerifier = ServiceTokenVerifier(url, keys)
    elif keys:
        verifier = KeyVerifier(keys)
    elif insecure:
        if not is_loopback(host):
            raise AuthConfigError(f"--insecure-no-auth binds to loopback only (127.0.0.1, ::1), not {host}")
        return None, None
    else:
        raise AuthConfigError(
            f"MCP over HTTP needs a bearer token: set {KEY_ENV} (callers send 'Authorization: Bearer "
            "<key>'), or run with --url <reelforge serve> so callers use their service tokens; "
            "--insecure-no-auth (loopback only) is for local development")
    issuer = url.rstrip("/") if url else f"http://{host}:{port}"
    # resource_server_url stays unset: there is no OAuth authorization server to advertise
    return verifier, AuthSettings(issuer_url=issuer, resource_server_url=None)
