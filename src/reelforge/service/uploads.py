"""Getting files in: multipart uploads streamed to disk, and URL downloads.

Both write to ``media/<session>/.incoming/<random>.part`` in fixed-size chunks (constant
memory), count bytes as they arrive and abort past the limit (`FileTooLarge`, 4002) with the
partial file removed. Then the content is probed by `reelforge.media.ingest` (4001 with the
supported list when it is not media), and only then moved to ``media/<session>/<asset-id>.<ext>``.
Any failure removes every partial of the request; the session is not touched.

URL fetching refuses non-http(s) schemes and hosts resolving to private, loopback,
link-local, multicast, reserved or unspecified addresses (every resolved address is checked,
and again after each redirect) unless ``url_allowlist`` names the host or a CIDR containing
the address. Known limit: the address is resolved for the check and again by the HTTP client
(a DNS-rebinding window); put an egress proxy in front for hostile networks.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx
from python_multipart import MultipartParser
from python_multipart.multipart import parse_options_header
from starlette.requests import Request

from reelforge.errors import FileTooLarge, ReelforgeError
from reelforge.service.config import Settings
from reelforge.service.errors import BadRequest, UrlFetchFailed, UrlNotAllowed
from reelforge.service.storage import Storage

CHUNK = 256 * 1024
MAX_FIELD_BYTES = 64 * 1024
DRAIN_LIMIT = 64 * 1024**2  # after an abort, read (and drop) at most this much more


@dataclass
class Received:
    path: Path          # the .part file
    name: str           # display name from the client (never used for a path)
    size: int
    source_url: str | None = None


def remove(items: list[Received]) -> None:
    for r in items:
        try:
            r.path.unlink(missing_ok=True)
        except OSError:  # pragma: no cover
            pass


def display_name(raw: str | None, fallback: str) -> str:
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    name = "".join(ch for ch in name if ch.isprintable())[:200]
    return name or fallback


def too_large(name: str, limit: int) -> FileTooLarge:
    from reelforge.media.formats import human_size

    return FileTooLarge(f"{name}: file is larger than the {human_size(limit)} limit")


# -- multipart --------------------------------------------------------------------------

class _Parts:
    """python-multipart callbacks: file parts go to disk, small fields to memory."""

    def __init__(self, storage: Storage, session_id: str, limit: int) -> None:
        self.storage, self.session_id, self.limit = storage, session_id, limit
        self.files: list[Received] = []
        self.fields: dict[str, list[str]] = {}
        self._hname = b""
        self._hvalue = b""
        self._headers: dict[bytes, bytes] = {}
        self._fh = None
        self._current: Received | None = None
        self._field: tuple[str, bytearray] | None = None

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self._begin, "on_header_field": self._hf, "on_header_value": self._hv,
            "on_header_end": self._he, "on_headers_finished": self._hdone,
            "on_part_data": self._data, "on_part_end": self._end,
        }

    def _begin(self) -> None:
        self._headers = {}
        self._hname = self._hvalue = b""

    def _hf(self, data: bytes, start: int, end: int) -> None:
        self._hname += data[start:end]

    def _hv(self, data: bytes, start: int, end: int) -> None:
        self._hvalue += data[start:end]

    def _he(self) -> None:
        self._headers[self._hname.lower()] = self._hvalue
        self._hname = self._hvalue = b""

    def _hdone(self) -> None:
        _, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        field = params.get(b"name", b"").decode("utf-8", "replace")
        filename = params.get(b"filename")
        if filename is not None:
            name = display_name(filename.decode("utf-8", "replace"), f"upload-{len(self.files) + 1}")
            path = self.storage.incoming(self.session_id)
            self._current = Received(path=path, name=name, size=0)
            self.files.append(self._current)
            self._fh = open(path, "wb")  # noqa: SIM115 - closed in _end/close
        else:
            self._field = (field, bytearray())

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._current is not None:
            n = end - start
            self._current.size += n
            if self._current.size > self.limit:
                raise too_large(self._current.name, self.limit)
            self._fh.write(data[start:end])
        elif self._field is not None:
            self._field[1].extend(data[start:end])
            if len(self._field[1]) > MAX_FIELD_BYTES:
                raise BadRequest(f"form field {self._field[0]!r} is too long")

    def _end(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self._current = None
        if self._field is not None:
            name, value = self._field
            self.fields.setdefault(name, []).append(value.decode("utf-8", "replace"))
            self._field = None

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


async def receive_multipart(request: Request, storage: Storage, session_id: str,
                            limit: int) -> tuple[list[Received], dict[str, list[str]]]:
    """Stream a multipart body to disk; returns the files and the plain form fields."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if not boundary:
        raise BadRequest("multipart body without a boundary")
    parts = _Parts(storage, session_id, limit)
    parser = MultipartParser(boundary, parts.callbacks())
    stream = request.stream()
    try:
        async for chunk in stream:
            for i in range(0, len(chunk), CHUNK):
                parser.write(chunk[i:i + CHUNK])
        parser.finalize()
    except BaseException as exc:
        parts.close()
        remove(parts.files)
        if isinstance(exc, ReelforgeError):
            await _drain(stream)
            raise
        if isinstance(exc, Exception):
            raise BadRequest(f"malformed multipart body: {exc}") from exc
        raise
    parts.close()
    return parts.files, parts.fields


async def _drain(stream) -> None:
    """Read and drop the rest of the body so the client gets the error response cleanly."""
    seen = 0
    try:
        async for chunk in stream:
            seen += len(chunk)
            if seen > DRAIN_LIMIT:
                break
    except Exception:  # pragma: no cover - client went away
        pass


# -- URLs -------------------------------------------------------------------------------

def _allowed_by_list(host: str, addrs: list[ipaddress._BaseAddress], allow: list[str]) -> bool:
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


def _public(addr: ipaddress._BaseAddress) -> bool:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return addr.is_global and not (addr.is_multicast or addr.is_private or addr.is_loopback
                                   or addr.is_link_local or addr.is_reserved or addr.is_unspecified)


def check_url(url: str, allow: list[str]) -> None:
    """Raise `UrlNotAllowed` unless ``url`` is http(s) to public addresses (or allow-listed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UrlNotAllowed(f"{url}: only http and https URLs are fetched")
    host = parts.hostname
    if not host:
        raise UrlNotAllowed(f"{url}: no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise UrlNotAllowed(f"{url}: bad port") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UrlFetchFailed(f"{url}: cannot resolve {host} ({exc.strerror})") from None
    addrs = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    if _allowed_by_list(host, addrs, allow):
        return
    bad = sorted({str(a) for a in addrs if not _public(a)})
    if bad:
        raise UrlNotAllowed(f"{url}: {host} resolves to a non-public address ({', '.join(bad)}); "
                            "add it to REELFORGE_URL_ALLOWLIST to allow it")


def fetch_url(url: str, settings: Settings, storage: Storage, session_id: str) -> Received:
    """Download one URL to a .part file (blocking; run it in a thread)."""
    limit = settings.url_limit
    deadline = time.monotonic() + settings.url_timeout
    current = url
    path = storage.incoming(session_id)
    timeout = httpx.Timeout(min(30.0, settings.url_timeout))
    try:
        with httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False) as client:
            for _ in range(settings.url_max_redirects + 1):
                check_url(current, settings.url_allowlist)
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise UrlFetchFailed(f"{url}: redirect without a location")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise UrlFetchFailed(f"{url}: HTTP {resp.status_code}")
                    name = _name_from(resp, current)
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limit:
                        raise too_large(name, limit)
                    size = 0
                    with open(path, "wb") as fh:
                        for chunk in resp.iter_bytes(CHUNK):
                            size += len(chunk)
                            if size > limit:
                                raise too_large(name, limit)
                            if time.monotonic() > deadline:
                                raise UrlFetchFailed(f"{url}: took longer than {settings.url_timeout:g} s")
                            fh.write(chunk)
                    return Received(path=path, name=name, size=size, source_url=url)
            raise UrlFetchFailed(f"{url}: more than {settings.url_max_redirects} redirects")
    except httpx.TimeoutException:
        path.unlink(missing_ok=True)
        raise UrlFetchFailed(f"{url}: timed out") from None
    except httpx.HTTPError as exc:
        path.unlink(missing_ok=True)
        raise UrlFetchFailed(f"{url}: {type(exc).__name__}: {exc}") from None
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _name_from(resp: httpx.Response, url: str) -> str:
    disp = resp.headers.get("content-disposition")
    if disp:
        _, params = parse_options_header(disp)
        if b"filename" in params:
            return display_name(params[b"filename"].decode("utf-8", "replace"), "download")
    return display_name(unquote(urlsplit(url).path), "download")


def fetch_urls(urls: list[str], settings: Settings, storage: Storage, session_id: str) -> list[Received]:
    got: list[Received] = []
    try:
        for u in urls:
            if not isinstance(u, str) or not u.strip():
                raise BadRequest("urls must be a list of non-empty strings")
            got.append(fetch_url(u.strip(), settings, storage, session_id))
    except BaseException:
        remove(got)
        raise
    return got


# -- ingest -----------------------------------------------------------------------------

def ingest_received(items: list[Received], storage: Storage, session_id: str, limit: int,
                    pixel_limits=None) -> list:
    """Probe every received file (all or nothing) and move each to its final place.

    Returns ``[(Asset, Received)]``; on any error every .part file is removed and the error
    (4001/4002; 4001 also for pictures over ``pixel_limits``) propagates.
    """
    from reelforge.media.ingest import ingest_many
    from reelforge.timeline import replace

    try:
        assets = ingest_many([r.path for r in items], names=[r.name for r in items],
                             workdir=storage.workdir(session_id), max_bytes=limit,
                             limits=pixel_limits)
    except BaseException:
        remove(items)
        raise
    out = []
    for asset, r in zip(assets, items, strict=True):
        ext = _ext_for(asset)
        final = storage.asset_path(session_id, asset.id, ext)
        if Path(asset.path) == r.path:
            os.replace(r.path, final)
            asset = replace(asset, path=str(final))
        else:  # ingest made a derived copy (upright photo); keep the original too
            os.replace(r.path, final)
        out.append((asset, r))
    return out


def _ext_for(asset) -> str:
    """Extension from the probed format (a whitelist), not from the client's name."""
    from reelforge.media.formats import extension_for_format

    return extension_for_format(getattr(asset, "format", "") or "") or "." + str(asset.kind.value)[:5]
