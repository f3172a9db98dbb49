"""A deadline on a request's head: uvicorn's HTTP protocol with a timer from the moment a
connection opens (or its next request starts arriving) until the request line and headers
are complete.

uvicorn ends an idle keep-alive connection (``timeout_keep_alive``), but a connection that
sends nothing, or sends its headers a byte now and then, is kept for ever: each holds a socket
and a file descriptor, and a few thousand of them shut the service for everybody (slow-loris).
Past ``header_seconds`` such a connection is closed. Bodies have their own bound
(`bodies.idle_bounded`).

A head is also bounded in size: h11 refuses an *incomplete* head past 16 KiB, but parses a
complete one of any size that arrives at once (a 100 KB header line, 5,000 headers: each
parsed, kept and walked by every layer above). Past ``MAX_HEAD_BYTES`` the client gets 431
and the connection is closed."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

MAX_HEAD_BYTES = 16 * 1024  # request line and headers (Node's limit; nginx takes 4 x 8 KiB lines)
LINGER_SECONDS = 2.0  # after a 431, how long what the client still sends is read and dropped
DRAIN_BYTES = 1024 * 1024  # ... and how much of it at most


def _head_too_large() -> bytes:
    body = json.dumps({"code": 431, "message": f"the request line and headers are over {MAX_HEAD_BYTES // 1024} KiB; "
                                                "send fewer or shorter headers"}).encode()
    return (b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\n"
            b"connection: close\r\ncontent-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


class HeadDeadlineProtocol(H11Protocol):
    header_seconds: float = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None
        self._head_bytes = 0  # of the head now owed, received so far
        self._refused = False  # answered 431: the rest is drained, then the connection closed
        self._drained = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._watch_head()

    def data_received(self, data: bytes) -> None:
        if self._refused:
            self._drained += len(data)
            if self._drained > DRAIN_BYTES:
                self.transport.close()
            return
        if self._owes_head():
            end = data.find(b"\r\n\r\n")  # a terminator split between two reads counts a few bytes more
            self._head_bytes += len(data) if end < 0 else end + 4
            if self._head_bytes > MAX_HEAD_BYTES:
                self._refuse_head()
                return
        super().data_received(data)
        self._watch_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def _refuse_head(self) -> None:
        """431, then a lingering close: what the client is still sending is read and dropped
        for a moment (closing with unread bytes would reset the connection, and the client could
        lose the answer)."""
        self._stop_head_timer()
        self._refused = True
        if self.transport.is_closing():
            return
        self.transport.write(_head_too_large())
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER_SECONDS, self.transport.close)

    def _owes_head(self) -> bool:
        return self.conn.their_state is h11.IDLE and (self.cycle is None or self.cycle.response_complete)

    def _watch_head(self) -> None:
        """Armed while the client owes a request head (h11: they are IDLE), off once it came."""
        if self._owes_head():
            if self._head_timer is None:
                self._head_timer = self.loop.call_later(self.header_seconds, self._head_expired)
        else:
            self._head_bytes = 0  # the next request's head is counted from its first byte
            self._stop_head_timer()

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_expired(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def protocol(header_seconds: float) -> type[HeadDeadlineProtocol]:
    return type("HeadDeadline", (HeadDeadlineProtocol,), {"header_seconds": header_seconds})
