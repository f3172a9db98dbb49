"""The one URL fetcher: SSRF guard, size and time limits, a bounded pool off the request path.

Every remote surface (HTTP uploads, MCP ``add_assets`` with a URL) downloads through here.

* **SSRF guard** (`check_url`): only http(s); every address the host resolves to must be
  public (not private, loopback, link-local, multicast, reserved or unspecified) unless
  ``allowlist`` names the host or a CIDR holding it; checked again after every redirect.
  **No DNS rebinding**: the host is resolved once, by the check, and the connection goes to
  an address that check returned (`Pins`, an httpcore network backend: the client never
  resolves a name itself), with the URL's host still in the ``Host`` header and, for HTTPS,
  in SNI and the certificate check. A name that answers a public address to the check and
  127.0.0.1 afterwards gets no connection to 127.0.0.1. Webhooks connect the same way.
* **Limits** (`FetchLimits`): bytes (checked against ``Content-Length`` and while
  streaming), redirects, and a *total deadline* per URL that covers waiting for a slot,
  connecting and reading.
* **Off the request path** (`Fetcher`): downloads run on a small process-wide pool of their
  own threads (``workers``), at most ``per_host`` at once to one host (the rest wait in
  order without holding a thread), at most ``max_waiting`` waiting (`RateLimited`, 429,
  beyond). A web handler awaits `Fetcher.fetch_all` without tying up a server thread, so a
  host that accepts connections and never answers stalls only the requests that asked for it.

`fetch` is the blocking primitive (one URL to one file); `download` is the convenience for
a caller with no event loop (CLI, MCP): one URL into a folder, through the shared pool.
"""

from __future__ import annotations

import asyncio
import ipaddress
import secrets
import socket
import threading
import time
import unicodedata
from collections import deque
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpcore
import httpx

from reelforge.errors import (
    FileTooLarge,
    MediaError,
    RateLimited,
    UrlFetchFailed,
    UrlNotAllowed,
)
from reelforge.media.formats import MAX_FILE_BYTES, human_size

CHUNK = 256 * 1024
READ_TIMEOUT = 30.0  # longest single wait on the network, whatever the deadline
MIN_TIME_LEFT = 1.0  # a waiting download with less time than this left is failed, not started


@dataclass(frozen=True)
class FetchLimits:
    allowlist: tuple[str, ...] = ()
    """Hosts or CIDRs fetched even when private/loopback (``REELFORGE_URL_ALLOWLIST``)."""
    max_bytes: int = MAX_FILE_BYTES
    deadline: float = 60.0
    """Seconds for one URL in total: waiting for a slot, connecting, redirects, reading."""
    max_redirects: int = 5


@dataclass
class Fetched:
    path: Path
    name: str        # display name (Content-Disposition or the URL's last segment), never a path
    size: int
    url: str


def display_name(raw: str | None, fallback: str) -> str:
    """A client-given file name reduced to a printable last segment, for display only. Read as
    NFKC first ("．．／x.png" is "../x.png": "x.png"); one of dots alone ("..") is no name (it was
    written as a media reference into editor hand-off files)."""
    name = unicodedata.normalize("NFKC", raw or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    name = "".join(ch for ch in name if ch.isprintable())[:200]
    return name if name.strip(". ") else fallback


def too_large(name: str, limit: int) -> FileTooLarge:
    return FileTooLarge(f"{name}: file is larger than the {human_size(limit)} limit")


# -- the guard --------------------------------------------------------------------------

def _allowed_by_list(host: str, addrs: list, allow: tuple[str, ...] | list[str]) -> bool:
    host = host.lower().strip("[]")
    nets = []
    for entry in allow:
        e = entry.strip().lower()
        if not e:
            continue
        if e == host:
            return True
        try:
            nets.append(ipaddress.ip_network(e, strict=False))
        except ValueError:
            continue
    return bool(addrs) and all(any(a in n for n in nets) for a in addrs)


def _public(addr) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    if isinstance(addr, ipaddress.IPv6Address) and addr.sixtofour is not None and not _public(addr.sixtofour):
        return False  # 6to4 (2002::/16) routes to the IPv4 address inside it: 2002:7f00:1:: is 127.0.0.1
    return addr.is_global and not (addr.is_multicast or addr.is_private or addr.is_loopback
                                   or addr.is_link_local or addr.is_reserved or addr.is_unspecified)


def _host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@dataclass(frozen=True)
class Checked:
    """A URL that passed `check_url`: its host as the HTTP client sends it (IDNA, no
    brackets) and the addresses the check resolved and allowed, in resolver order."""

    host: str
    addrs: tuple[str, ...]


def check_url(url: str, allow: tuple[str, ...] | list[str] = ()) -> Checked:
    """Raise `UrlNotAllowed` (4003) unless ``url`` is http(s) to public addresses (or
    allow-listed); `UrlFetchFailed` (4004) when the host does not resolve. The host is the one
    httpx parses from ``url`` (the client that connects), resolved once; connect only to the
    returned addresses (`Pins`)."""
    try:
        parts = httpx.URL(url)
        host = parts.raw_host.decode("ascii")
        scheme = parts.scheme
    except (httpx.InvalidURL, ValueError, TypeError, UnicodeError):
        raise UrlNotAllowed(f"{url[:200]}: not a valid URL") from None
    if scheme not in ("http", "https"):
        raise UrlNotAllowed(f"{url[:200]}: only http and https URLs are fetched")
    if not host:
        raise UrlNotAllowed(f"{url[:200]}: no host")
    port = parts.port if parts.port is not None else (443 if scheme == "https" else 80)  # (":0" is no default)
    if not 0 < port < 65536:
        raise UrlNotAllowed(f"{url[:200]}: bad port")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise UrlFetchFailed(f"{url[:200]}: cannot resolve {host} ({reason})") from None
    found = [info[4][0] for info in infos if info[0] in (socket.AF_INET, socket.AF_INET6)]
    addrs = [ipaddress.ip_address(a.split("%", 1)[0]) for a in found]
    if not addrs:
        raise UrlFetchFailed(f"{url[:200]}: cannot resolve {host} (no address)")
    checked = Checked(host=host.lower(), addrs=tuple(dict.fromkeys(found)))
    if _allowed_by_list(host, addrs, allow):
        return checked
    bad = sorted({str(a) for a in addrs if not _public(a)})
    if bad:
        raise UrlNotAllowed(f"{url[:200]}: {host} resolves to a non-public address ({', '.join(bad)}); "
                            "add it to REELFORGE_URL_ALLOWLIST to allow it")
    return checked


# -- connecting only to checked addresses -------------------------------------------------

class Pins:
    """Which addresses each host may be connected to: filled by `check_url` results, read by
    the network backends below. A host not pinned is never connected to."""

    def __init__(self) -> None:
        self._by_host: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def add(self, checked: Checked) -> None:
        with self._lock:
            self._by_host[checked.host] = checked.addrs

    def of(self, host: str) -> tuple[str, ...]:
        with self._lock:
            addrs = self._by_host.get(host.lower().strip("[]"), ())
        if not addrs:
            raise httpcore.ConnectError(f"{host}: not checked by the URL guard; not connected")
        return addrs


class _PinnedBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, to a pinned address of the host instead of a fresh lookup;
    the host name still goes to TLS (SNI, certificate) and the Host header."""

    def __init__(self, pins: Pins) -> None:
        self.pins, self.inner = pins, httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        error: Exception | None = None
        for addr in self.pins.of(host):
            try:
                return self.inner.connect_tcp(addr, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error  # type: ignore[misc]

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class _AsyncPinnedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, pins: Pins) -> None:
        self.pins, self.inner = pins, httpcore.AnyIOBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        error: Exception | None = None
        for addr in self.pins.of(host):
            try:
                return await self.inner.connect_tcp(addr, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error  # type: ignore[misc]

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are never fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def pinned_client(pins: Pins) -> httpx.Client:
    """An httpx client (no redirects, no proxies from the environment) that connects only to
    the addresses in ``pins``."""
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                              network_backend=_PinnedBackend(pins))
    return httpx.Client(transport=transport, follow_redirects=False, trust_env=False)


def pinned_async_client(pins: Pins) -> httpx.AsyncClient:
    """`pinned_client` for asyncio (webhooks)."""
    transport = httpx.AsyncHTTPTransport(trust_env=False)
    transport._pool = httpcore.AsyncConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                                   network_backend=_AsyncPinnedBackend(pins))
    return httpx.AsyncClient(transport=transport, follow_redirects=False, trust_env=False)


# -- one download -----------------------------------------------------------------------

def fetch(url: str, dest: Path, limits: FetchLimits = FetchLimits(), *,
          deadline: float | None = None) -> Fetched:
    """Download ``url`` to the file ``dest`` (blocking). ``deadline`` is a `time.monotonic`
    instant (default: now + ``limits.deadline``). On any error ``dest`` is removed and a
    `MediaError` (4002/4003/4004) is raised."""
    end = deadline if deadline is not None else time.monotonic() + limits.deadline
    current = url

    def remaining() -> float:
        left = end - time.monotonic()
        if left <= 0:
            raise UrlFetchFailed(f"{url[:200]}: took longer than {limits.deadline:g} s")
        return min(left, READ_TIMEOUT)

    try:
        pins = Pins()
        with pinned_client(pins) as client:
            for _ in range(limits.max_redirects + 1):
                pins.add(check_url(current, limits.allowlist))
                with client.stream("GET", current, headers={"Accept-Encoding": "identity"},
                                   timeout=httpx.Timeout(remaining())) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise UrlFetchFailed(f"{url[:200]}: redirect without a location")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise UrlFetchFailed(f"{url[:200]}: HTTP {resp.status_code}")
                    coding = resp.headers.get("content-encoding", "").strip().lower()
                    if coding not in ("", "identity"):
                        # a few KB of stacked gzip decode to gigabytes, before any size check could run
                        raise UrlFetchFailed(f"{url[:200]}: the server sent it compressed (Content-Encoding: "
                                             f"{coding[:40]}); media files are fetched as they are")
                    name = _name_from(resp, current)
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                        raise too_large(name, limits.max_bytes)
                    size = 0
                    with open(dest, "wb") as fh:
                        for chunk in resp.iter_raw(CHUNK):  # the bytes sent, never decoded
                            size += len(chunk)
                            if size > limits.max_bytes:
                                raise too_large(name, limits.max_bytes)
                            remaining()
                            fh.write(chunk)
                    return Fetched(path=dest, name=name, size=size, url=url)
            raise UrlFetchFailed(f"{url[:200]}: more than {limits.max_redirects} redirects")
    except httpx.TimeoutException:
        dest.unlink(missing_ok=True)
        raise UrlFetchFailed(f"{url[:200]}: timed out") from None
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        dest.unlink(missing_ok=True)
        if isinstance(exc, MediaError):
            raise
        raise UrlFetchFailed(f"{url[:200]}: {type(exc).__name__}: {str(exc)[:200]}") from None
    except BaseException:
        dest.unlink(missing_ok=True)
        raise


def _name_from(resp: httpx.Response, url: str) -> str:
    from python_multipart.multipart import parse_options_header

    disp = resp.headers.get("content-disposition")
    if disp:
        _, params = parse_options_header(disp)
        if b"filename" in params:
            return display_name(params[b"filename"].decode("utf-8", "replace"), "download")
    return display_name(unquote(urlsplit(url).path), "download")


# -- the pool ---------------------------------------------------------------------------

@dataclass
class _Job:
    url: str
    host: str
    dest: Path
    limits: FetchLimits
    deadline: float
    future: Future = field(default_factory=Future)


class Fetcher:
    """A bounded pool for `fetch`: ``workers`` threads, ``per_host`` downloads at once to one
    host, ``max_waiting`` jobs waiting; each job keeps its own total deadline."""

    def __init__(self, workers: int = 8, per_host: int = 2, max_waiting: int = 256) -> None:
        self.workers, self.per_host, self.max_waiting = max(1, workers), max(1, per_host), max_waiting
        self._lock = threading.Condition()
        self._waiting: deque[_Job] = deque()
        self._active: dict[str, int] = {}
        self._threads: list[threading.Thread] = []

    def submit(self, url: str, dest: Path, limits: FetchLimits = FetchLimits()) -> Future:
        """Queue one download; the future gives a `Fetched` or raises a `MediaError`."""
        job = _Job(url=url, host=_host_of(url), dest=dest, limits=limits,
                   deadline=time.monotonic() + limits.deadline)
        with self._lock:
            if len(self._waiting) >= self.max_waiting:
                raise RateLimited(f"too many URL downloads waiting ({self.max_waiting}); "
                                  "try again in a minute", retry_after=60)
            self._waiting.append(job)
            if len(self._threads) < self.workers:
                t = threading.Thread(target=self._run, name=f"reelforge-fetch-{len(self._threads)}",
                                     daemon=True)
                self._threads.append(t)
                t.start()
            self._lock.notify_all()
        return job.future

    def _next(self) -> _Job:
        """The first waiting job whose host has a free slot (expired jobs fail on the way)."""
        with self._lock:
            while True:
                now = time.monotonic()
                for job in list(self._waiting):
                    if job.deadline - MIN_TIME_LEFT <= now:  # too late to start it
                        self._waiting.remove(job)
                        job.future.set_exception(UrlFetchFailed(
                            f"{job.url[:200]}: took longer than {job.limits.deadline:g} s "
                            f"(waiting for a download slot for {job.host or 'the host'})"))
                        continue
                    if self._active.get(job.host, 0) < self.per_host:
                        self._waiting.remove(job)
                        self._active[job.host] = self._active.get(job.host, 0) + 1
                        return job
                soonest = min((j.deadline for j in self._waiting), default=now + 5.0)
                self._lock.wait(timeout=max(0.05, soonest - now))

    def _run(self) -> None:
        while True:
            job = self._next()
            try:
                if job.future.set_running_or_notify_cancel():
                    try:
                        job.future.set_result(fetch(job.url, job.dest, job.limits, deadline=job.deadline))
                    except BaseException as exc:  # noqa: BLE001 - handed to the waiter
                        job.future.set_exception(exc)
            finally:
                with self._lock:
                    self._active[job.host] -= 1
                    if not self._active[job.host]:
                        del self._active[job.host]
                    self._lock.notify_all()

    async def fetch_all(self, urls: list[str], dests: list[Path],
                        limits: FetchLimits = FetchLimits()) -> list[Fetched]:
        """Download every URL (concurrently, within the pool's limits), all or nothing: on
        any failure the files already fetched are removed and the first error (in URL
        order) is raised. Waits without holding a thread."""
        futures: list[Future] = []
        try:
            for u, d in zip(urls, dests, strict=True):
                futures.append(self.submit(u, d, limits))
            # the deadline holds for the caller even if a read overruns it (+ a little grace)
            results = await asyncio.wait_for(
                asyncio.gather(*(asyncio.wrap_future(f) for f in futures), return_exceptions=True),
                timeout=limits.deadline + 2.0)
        except TimeoutError:
            for f in futures:
                f.cancel()
                f.add_done_callback(_discard)
            raise UrlFetchFailed(f"{urls[0][:200]}: took longer than {limits.deadline:g} s") from None
        except BaseException:  # refused (429) or the caller went away: keep nothing
            for f in futures:
                f.cancel()
                f.add_done_callback(_discard)
            raise
        return _all_or_nothing(list(results))

    def fetch_all_blocking(self, urls: list[str], dests: list[Path],
                           limits: FetchLimits = FetchLimits()) -> list[Fetched]:
        """`fetch_all` for a caller without an event loop (MCP tools, the Python API): the
        same concurrency and all-or-nothing rule, waiting on this thread."""
        futures: list[Future] = []
        try:
            for u, d in zip(urls, dests, strict=True):
                futures.append(self.submit(u, d, limits))
            _, pending = wait(futures, timeout=limits.deadline + 2.0)
        except BaseException:  # refused (429) or interrupted: keep nothing
            _drop(futures)
            raise
        if pending:
            _drop(futures)
            raise UrlFetchFailed(f"{urls[0][:200]}: took longer than {limits.deadline:g} s")
        return _all_or_nothing([f.exception() or f.result() for f in futures])


def _all_or_nothing(results: list) -> list[Fetched]:
    """The fetched files, or (removing them) the first error in URL order."""
    errors = [r for r in results if isinstance(r, BaseException)]
    if errors:
        for r in results:
            if isinstance(r, Fetched):
                r.path.unlink(missing_ok=True)
        raise errors[0]
    return results


def _drop(futures: list[Future]) -> None:
    """Cancel what has not started; remove what was or will be fetched."""
    for f in futures:
        f.cancel()
        f.add_done_callback(_discard)


def _discard(future: Future) -> None:
    if not future.cancelled() and future.exception() is None:
        future.result().path.unlink(missing_ok=True)


_shared: Fetcher | None = None
_shared_lock = threading.Lock()


def shared_fetcher(workers: int = 8, per_host: int = 2) -> Fetcher:
    """The process-wide pool (made on first use with these sizes)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Fetcher(workers=workers, per_host=per_host)
        return _shared


def download(url: str, directory: str | Path, limits: FetchLimits = FetchLimits()) -> Fetched:
    """Blocking: fetch one URL into ``directory`` through the shared pool (the guard and
    limits included). The file is ``<random>.part``; ``Fetched.name`` is the display name."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{secrets.token_hex(12)}.part"
    return shared_fetcher().submit(url, dest, limits).result()
