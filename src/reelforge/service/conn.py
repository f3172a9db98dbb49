"""A deadline on a request's head: uvicorn's HTTP protocol with a timer from the moment a
connection opens (or its next request starts arriving) until the request line and headers
are complete.

uvicorn ends an idle keep-alive connection (``timeout_keep_alive``), but a connection that
sends nothing, or sends its headers a byte now and then, is kept for ever: each holds a socket
and a file descriptor, and a few thousand of them shut the service for everybody (slow-loris).
Past ``header_seconds`` such a connection is closed. Bodies have their own bound
(`bodies.idle_bounded`)."""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


class HeadDeadlineProtocol(H11Protocol):
    header_seconds: float = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._watch_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def _watch_head(self) -> None:
        """Armed while the client owes a request head (h11: they are IDLE), off once it came."""
        if self.conn.their_state is h11.IDLE and (self.cycle is None or self.cycle.response_complete):
            if self._head_timer is None:
                self._head_timer = self.loop.call_later(self.header_seconds, self._head_expired)
        else:
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
