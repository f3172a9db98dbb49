"""Getting files in: multipart uploads streamed to disk, and URL downloads.

Both write to ``media/<session>/.incoming/<owner>.<random>.part`` in fixed-size chunks
(constant memory), count bytes as they arrive and abort past the limit (`FileTooLarge`, 4002)
with the partial file removed. Then the content is probed by `reelforge.media.ingest` (4001
with the supported list when it is not media, or above the pixel limits), and only then moved
to ``media/<session>/<asset-id>-<random>.<ext>``. Any failure removes every partial of the request; the
session is not touched.

URLs are fetched by `reelforge.media.fetch` (the one fetcher: SSRF guard, limits, its own
bounded pool and a total deadline per URL).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

from python_multipart import MultipartParser
from python_multipart.multipart import MultipartState, parse_options_header
from starlette.requests import Request

from reelforge.errors import FileTooLarge, ReelforgeError, shown
from reelforge.media import fetch
from reelforge.media.fetch import check_url, display_name, too_large
from reelforge.service.config import Settings
from reelforge.service.errors import BadRequest, TooLarge
from reelforge.service.storage import Storage

__all__ = ["FormLimits", "Received", "Room", "final_path", "check_url", "check_url_count", "display_name", "fetch_urls", "ingest_received",
           "receive_multipart", "remove", "too_large"]

CHUNK = 256 * 1024
MAX_FIELD_BYTES = 64 * 1024
DRAIN_LIMIT = 64 * 1024**2  # after an abort, read (and drop) at most this much more


@dataclass(frozen=True)
class FormLimits:
    """Bounds on the parts of one multipart upload, checked as each part arrives: form fields
    are held in memory until the request ends and every file part is a file on disk, so
    their number (and the fields' bytes) must be bounded, not just each one's size."""

    files: int = 1000
    fields: int = 64
    field_bytes: int = 256 * 1024


@dataclass(frozen=True)
class Room:
    """The bytes an account may still store (`reelforge.service.quotas.room`) when an upload
    begins, and the error to raise past them: an upload stops at its first byte too many. The
    account's limit is checked again when the files are committed (`quotas.reserve`)."""

    bytes: int
    error: Callable[[], ReelforgeError]


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


# -- multipart --------------------------------------------------------------------------

_EXTENDED_FILENAME = re.compile(rb"""(?i)(?:^|;)\s*filename\*\s*=\s*"?([^";]*)""")


def part_filename(disposition: bytes, content_type: bytes, field: str) -> bytes | None:
    """The file name of a multipart part without a plain ``filename=`` (which
    python-multipart reads), or None for a form field. A part is a file when it names one as
    ``filename*=UTF-8''%e4%b8%ad.jpg`` (RFC 6266/5987; the parser drops it), or when it is sent
    with a media or octet-stream Content-Type, without any name (Node's form-data given a Buffer):
    its bytes are probed like any upload's and it is called ``upload-N``. Such parts were read
    as form fields: a photo was "form field 'file' is too long", a small one ignored ("no file
    or URL in the request")."""
    found = _EXTENDED_FILENAME.search(disposition)
    if found:
        charset, _, rest = found.group(1).decode("latin-1").partition("'")
        encoded = rest.partition("'")[2] if rest else charset
        try:
            return unquote(encoded, encoding=charset if rest else "utf-8", errors="replace").encode("utf-8")
        except LookupError:  # an unknown charset
            return unquote(encoded, errors="replace").encode("utf-8")
    kind = content_type.split(b";")[0].strip().lower()
    if kind.startswith((b"image/", b"video/", b"audio/")) or kind == b"application/octet-stream":
        return b""
    return None


class _Parts:
    """python-multipart callbacks: file parts go to disk, small fields to memory."""

    def __init__(self, storage: Storage, session_id: str, limit: int,
                 form: FormLimits | None = None, room: Room | None = None) -> None:
        self.storage, self.session_id, self.limit = storage, session_id, limit
        self.form = form or FormLimits()
        self.room = room
        self.total = 0
        self.files: list[Received] = []
        self.fields: dict[str, list[str]] = {}
        self.field_count = 0
        self.field_bytes = 0
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
        disposition = self._headers.get(b"content-disposition", b"")
        _, params = parse_options_header(disposition)
        field = params.get(b"name", b"").decode("utf-8", "replace")
        filename = params.get(b"filename")
        if filename is None:
            filename = part_filename(disposition, self._headers.get(b"content-type", b""), field)
        if filename is not None:
            if len(self.files) >= self.form.files:
                raise TooLarge(f"more than {self.form.files} files in one upload request "
                               "(REELFORGE_UPLOAD_MAX_FILES)")
            name = display_name(filename.decode("utf-8", "replace"), f"upload-{len(self.files) + 1}")
            path = self.storage.incoming(self.session_id)
            self._current = Received(path=path, name=name, size=0)
            self.files.append(self._current)
            self._fh = open(path, "wb")  # noqa: SIM115 - closed in _end/close
        else:
            self.field_count += 1
            if self.field_count > self.form.fields:
                raise TooLarge(f"more than {self.form.fields} form fields in one upload request "
                               "(REELFORGE_UPLOAD_MAX_FIELDS)")
            self._field = (field, bytearray())

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._current is not None:
            n = end - start
            self._current.size += n
            if self._current.size > self.limit:
                raise too_large(self._current.name, self.limit)
            self.total += n
            if self.room is not None and self.total > self.room.bytes:
                raise self.room.error()
            self._fh.write(data[start:end])
        elif self._field is not None:
            self.field_bytes += end - start
            if self.field_bytes > self.form.field_bytes:
                raise TooLarge(f"form fields of one upload request larger than {self.form.field_bytes} "
                               "bytes in all (REELFORGE_UPLOAD_MAX_FIELD_BYTES)")
            self._field[1].extend(data[start:end])
            if len(self._field[1]) > MAX_FIELD_BYTES:
                raise BadRequest(f"form field {shown(self._field[0])!r} is too long; a file needs a "
                                 'filename: Content-Disposition: form-data; name="file"; filename="photo.jpg"')

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


async def receive_multipart(request: Request, storage: Storage, session_id: str, limit: int,
                            form: FormLimits | None = None,
                            room: Room | None = None) -> tuple[list[Received], dict[str, list[str]]]:
    """Stream a multipart body to disk; returns the files and the plain form fields. A part
    over ``form``, or file bytes past the account's ``room``, end the request at once (413),
    before the rest of the body is parsed."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if not boundary:
        raise BadRequest("multipart body without a boundary")
    parts = _Parts(storage, session_id, limit, form, room)
    stream = request.stream()
    try:
        parser = MultipartParser(boundary, parts.callbacks())  # (refuses a boundary over 256 bytes)
        async for chunk in stream:
            for i in range(0, len(chunk), CHUNK):
                parser.write(chunk[i:i + CHUNK])
        parser.finalize()
        if parser.state is not MultipartState.END:  # (finalize does not check: a cut-off part was probed)
            raise BadRequest("malformed multipart body: it ends before its closing boundary")
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

def check_url_count(count: int, settings: Settings) -> None:
    """The per-request URL cap (``url_max_per_request``), for every surface that takes URLs
    (HTTP uploads, MCP ``add_assets``): checked before anything is fetched."""
    if count > settings.url_max_per_request:
        raise BadRequest(f"at most {settings.url_max_per_request} URLs per request")


async def fetch_urls(urls: list, settings: Settings, storage: Storage, session_id: str,
                     room: Room | None = None) -> list[Received]:
    """Download every URL through the one fetcher (`reelforge.media.fetch`): its SSRF guard,
    the size limit and a total deadline per URL, on its own bounded pool (at most
    ``url_workers`` at once, ``url_per_host`` to one host) — awaited without holding a server
    thread. All or nothing: on any error no file is kept."""
    for u in urls:
        if not isinstance(u, str) or not u.strip():
            raise BadRequest("urls must be a list of non-empty strings")
    check_url_count(len(urls), settings)
    pool = fetch.shared_fetcher(settings.url_workers, settings.url_per_host)
    clean = [u.strip() for u in urls]
    limits = url_limits_within(settings, room)
    dests = [storage.incoming(session_id) for _ in clean]
    try:
        got = await pool.fetch_all(clean, dests, limits)
    except FileTooLarge:
        raise_for_room(settings, room)
        raise
    return within_room(got, room)


def url_limits_within(settings: Settings, room: Room | None):
    """The fetch limits of ``settings`` with each URL stopped past the account's ``room``
    (`StorageFull` at once when there is none), for every surface that fetches URLs (HTTP
    uploads, MCP ``add_assets``)."""
    limits = settings.url_limits
    if room is not None and room.bytes < limits.max_bytes:
        if room.bytes <= 0:
            raise room.error()
        limits = replace(limits, max_bytes=room.bytes)
    return limits


def raise_for_room(settings: Settings, room: Room | None) -> None:
    """After a fetch stopped with `FileTooLarge`: the account's error when its room (not the
    file limit) was the bound that stopped it."""
    if room is not None and room.bytes < settings.url_limits.max_bytes:
        raise room.error() from None


def within_room(fetched: list, room: Room | None) -> list[Received]:
    """The fetched files as `Received`; all removed and `room.error()` when together they pass
    the room."""
    got = [Received(path=f.path, name=f.name, size=f.size, source_url=f.url) for f in fetched]
    if room is not None and sum(r.size for r in got) > room.bytes:
        remove(got)
        raise room.error()
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
        final = final_path(storage, session_id, asset)
        if Path(asset.path) == r.path:
            os.replace(r.path, final)
            asset = replace(asset, path=str(final))
        else:  # ingest made a derived copy (upright photo); keep the original too
            os.replace(r.path, final)
        r.path = final   # this upload's own file from now on (removed if the upload is refused)
        out.append((asset, r))
    return out


def final_path(storage: Storage, session_id: str, asset) -> Path:
    """Where `ingest_received` keeps the received file of ``asset``: its own name per upload
    (the asset id is the content's digest, so the same picture uploaded twice, or at once by
    two requests, must not share a file one of them may remove)."""
    import secrets

    return storage.asset_path(session_id, f"{asset.id}-{secrets.token_hex(6)}", _ext_for(asset))


def _ext_for(asset) -> str:
    """Extension from the probed format (a whitelist), not from the client's name."""
    from reelforge.media.formats import extension_for_format

    return extension_for_format(getattr(asset, "format", "") or "") or "." + str(asset.kind.value)[:5]
