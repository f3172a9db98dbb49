"""One exception hierarchy for the whole package.

Library code raises these; only the edges (CLI, HTTP service, MCP server) decide how to
show them. Each error carries the API error code from DESIGN.md so the service maps them
in one table. Members also inherit the matching built-in so callers can catch either.
"""

from __future__ import annotations

import re

# a file's path inside a decoder's or the OS's message: "[Errno 2] No such file or directory: '/srv/data/ab/x.mp3'"
_PATH_IN_MESSAGE = re.compile(r"(?<![\w.])(?:[A-Za-z]:)?(?:[/\\][^/\\\s'\"]+)+[/\\](?P<name>[^/\\\s'\"]+)")


def reason(exc: BaseException) -> str:
    """Why ``exc`` happened, as a message may say it to a client: a path in it cut to the file's
    name (an error answered over HTTP never says where the server keeps its files)."""
    return _PATH_IN_MESSAGE.sub(lambda m: m.group("name"), str(exc)) or type(exc).__name__


def shown(value: object, limit: int = 64) -> str:
    """A client-given id or name as an error message may quote it: control characters dropped,
    at most ``limit`` characters (a longer one is cut and its length said), so an answer never
    echoes a request's whole URL or body back (a 60 KB session id was answered in full)."""
    text = "".join(ch for ch in str(value) if ch.isprintable())
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


class ReelforgeError(Exception):
    """Base of every error reelforge raises on purpose."""

    code: int = 1
    http_status: int = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidTimeline(ReelforgeError, ValueError):
    """A timeline (or draft) breaks the model's rules."""

    code = 1
    http_status = 422


class MediaError(ReelforgeError, ValueError):
    """Base for problems with an input file."""

    code = 4001
    http_status = 415


class UnsupportedMedia(MediaError):
    """The file is not one of the supported formats, is empty or cannot be decoded."""


class FileTooLarge(MediaError):
    code = 4002
    http_status = 413


class UrlNotAllowed(MediaError):
    """A URL points at a private/loopback/link-local/reserved address or a refused scheme."""

    code = 4003
    http_status = 400


class UrlFetchFailed(MediaError):
    """A URL could not be downloaded (HTTP error, timeout, too many redirects)."""

    code = 4004
    http_status = 400


class RenderError(ReelforgeError, RuntimeError):
    """ffmpeg failed; carries the command and the tail of its stderr."""

    code = 5001
    http_status = 500

    def __init__(self, message: str, *, returncode: int | None = None,
                 command: list[str] | None = None, stderr_tail: str = "") -> None:
        super().__init__(message)
        self.returncode = returncode
        self.command = command or []
        self.stderr_tail = stderr_tail


class RenderCancelled(RenderError):
    """The render was stopped before it finished (interrupt, cancel, worker shutdown)."""


class PlanError(ReelforgeError, ValueError):
    """An instruction could not be turned into a plan (nothing usable in it)."""

    code = 3001
    http_status = 422


class BadToken(ReelforgeError, PermissionError):
    code = 1001
    http_status = 401


class NotFound(ReelforgeError, LookupError):
    code = 1002
    http_status = 404


class NoCredits(ReelforgeError):
    code = 2001
    http_status = 402


class ExportNotAllowed(ReelforgeError, PermissionError):
    code = 402
    http_status = 402


class RateLimited(ReelforgeError):
    """A limit on how much or how often was reached; ``retry_after`` is the number of seconds
    after which the same request can succeed (the HTTP ``Retry-After`` header)."""

    code = 429
    http_status = 429

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class WaitExpired(ReelforgeError, TimeoutError):
    """A caller's wait for a job ended at its deadline; the job itself goes on."""

    code = 408
    http_status = 408


class MissingClientId(ReelforgeError, ValueError):
    code = 400
    http_status = 400
