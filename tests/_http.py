"""httpx for the tests, with timeouts sized for a loaded 2-core machine.

httpx's default is 5 s per read, which a busy CI machine exceeds on plain API calls (the
server shares its two cores with ffmpeg renders and other tests). Test modules import this
as ``from .. import _http as httpx``: everything httpx offers is here, and the request
helpers and clients default to :data:`TIMEOUT` unless a call passes its own ``timeout``.
Tests still wait on *conditions* with deadlines; this only keeps a single call from failing
because the machine is slow.
"""
from __future__ import annotations

import functools
from typing import Any

import httpx as _httpx
from httpx import *  # noqa: F403  (the shim offers all of httpx)

TIMEOUT = _httpx.Timeout(180.0, connect=60.0)


def _long(fn):
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any):
        kwargs.setdefault("timeout", TIMEOUT)
        return fn(*args, **kwargs)
    return call


request = _long(_httpx.request)
get = _long(_httpx.get)
post = _long(_httpx.post)
put = _long(_httpx.put)
patch = _long(_httpx.patch)
delete = _long(_httpx.delete)
head = _long(_httpx.head)
options = _long(_httpx.options)
stream = _long(_httpx.stream)
Client = _long(_httpx.Client)
AsyncClient = _long(_httpx.AsyncClient)
