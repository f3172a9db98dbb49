"""Data-dir layout. Paths are built from server-made ids only; client file names never
decide a path (they are kept as display names in the database).

    <data_dir>/reelforge.db          metadata (SQLite default)
    <data_dir>/queue.db              SqliteHuey queue
    <data_dir>/media/<session>/<asset-id>-<random>.<ext>   one per upload (asset id: content digest)
    <data_dir>/media/<session>/.incoming/<owner>.<random>.part   uploads while streaming
    <data_dir>/media/<session>/work/                     ingest's derived files
    <data_dir>/renders/<key>.mp4
    <data_dir>/renders/<key>.transcript.srt|.vtt   the voiceover's transcript (service.transcripts)
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

from reelforge import owners

_SAFE_ID = re.compile(r"^[A-Za-z0-9_-]{1,80}$")
_SAFE_EXT = re.compile(r"^\.[a-z0-9]{1,5}$")


def _check(part: str) -> str:
    if not _SAFE_ID.match(part):
        raise ValueError(f"unsafe path component {part!r}")
    return part


class Storage:
    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir)
        self.media = self.root / "media"
        self.renders = self.root / "renders"

    def ensure(self) -> None:
        for d in (self.root, self.media, self.renders):
            d.mkdir(parents=True, exist_ok=True)

    def session_dir(self, session_id: str) -> Path:
        return self.media / _check(session_id)

    def incoming(self, session_id: str) -> Path:
        d = self.session_dir(session_id) / ".incoming"
        d.mkdir(parents=True, exist_ok=True)
        return d / f"{owners.tag()}.{secrets.token_hex(12)}.part"

    def workdir(self, session_id: str) -> Path:
        d = self.session_dir(session_id) / "work"
        d.mkdir(parents=True, exist_ok=True)
        return d

    def asset_path(self, session_id: str, asset_id: str, ext: str) -> Path:
        ext = ext.lower()
        if not _SAFE_EXT.match(ext):
            ext = ".bin"
        return self.session_dir(session_id) / f"{_check(asset_id)}{ext}"

    def render_path(self, key: str) -> Path:
        return self.renders / f"{_check(key)}.mp4"

    def transcript_path(self, key: str, fmt: str) -> Path:
        if fmt not in ("srt", "vtt"):
            raise ValueError(f"unknown caption format {fmt!r}")
        return self.renders / f"{_check(key)}.transcript.{fmt}"


INGEST_TEMP_AGE = 3600.0  # ingest's own temporaries (.ingest-*) live seconds; an hour is stale


def sweep_incoming(storage: Storage, max_age: float = 6 * 3600) -> int:
    """Remove what a dead process left half-written: upload ``.part`` files, ingest's
    temporaries in session work folders, partial render outputs and render work folders.

    A file tagged by a process of this host (`reelforge.owners.tag`) goes as soon as that
    process is gone; others (another machine on shared storage, untagged) once older than
    ``max_age`` seconds — live uploads keep their mtime fresh. Run at startup."""
    from reelforge.render.runner import sweep_stale

    removed = sweep_stale(storage.renders, max_age=max_age)
    for part in storage.media.glob("*/.incoming/*.part"):
        try:
            if owners.is_stale(part.name, part.stat().st_mtime, max_age=max_age):
                part.unlink()
                removed += 1
        except OSError:
            pass
    cutoff = time.time() - INGEST_TEMP_AGE
    for tmp in storage.media.glob("*/work/.ingest-*"):
        try:
            if tmp.stat().st_mtime < cutoff:
                tmp.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def new_key() -> str:
    """An unguessable download key (192 bits)."""
    return secrets.token_urlsafe(24)


def new_id() -> str:
    return secrets.token_hex(16)
