"""A size-capped, content-addressed store of rendered chunks (one folder, many processes).

``<root>/<key[:2]>/<key>.mp4`` with a ``<key>.json`` beside it holding the file's size and
SHA-256. Both are written under temporary names and renamed into place, the JSON last, so a
chunk without its JSON (a writer killed half-way) does not exist. `get` re-hashes the file and
drops an entry whose bytes do not match (corrupt, truncated), which then renders again.
A hit touches the file, and `put` evicts the least recently used entries until the folder is
under its cap. Entries are only ever replaced whole, so workers sharing the folder (the
service's data dir) need no lock; a reader that must keep a chunk while the cache may evict
it links it first (`link_to`). Temporary names carry the writer's `reelforge.owners.tag`, so
`sweep_stale` (run by `default_cache`) removes the half-written chunks of a dead process.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import uuid
from pathlib import Path

from reelforge import owners

DEFAULT_CAP_BYTES = 2 * 1024**3
_KEY = re.compile(r"^[0-9a-f]{16,64}$")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class ChunkCache:
    def __init__(self, root: str | Path, cap_bytes: int = DEFAULT_CAP_BYTES) -> None:
        self.root = Path(root)
        self.cap_bytes = int(cap_bytes)

    def _paths(self, key: str, suffix: str = ".mp4") -> tuple[Path, Path]:
        if not _KEY.match(key):
            raise ValueError(f"bad chunk key {key!r}")
        d = self.root / key[:2]
        return d / f"{key}{suffix}", d / f"{key}.json"

    def get(self, key: str, suffix: str = ".mp4") -> Path | None:
        """The cached file for ``key`` if it is whole, else None (a bad entry is removed)."""
        data, meta = self._paths(key, suffix)
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            size = data.stat().st_size
        except (OSError, ValueError):
            return None
        if size != info.get("bytes") or _sha256(data) != info.get("sha256"):
            self.discard(key, suffix)
            return None
        try:
            os.utime(data)
        except OSError:
            return None
        return data

    def put(self, key: str, src: Path, suffix: str = ".mp4") -> Path:
        """Move ``src`` into the cache under ``key`` and return its cached path."""
        data, meta = self._paths(key, suffix)
        data.parent.mkdir(parents=True, exist_ok=True)
        tmp = data.with_name(f".{data.name}.{owners.tag()}.{uuid.uuid4().hex[:8]}.part")
        shutil.move(str(src), tmp)
        info = {"bytes": tmp.stat().st_size, "sha256": _sha256(tmp)}
        os.replace(tmp, data)
        tmp_meta = meta.with_name(f".{meta.name}.{owners.tag()}.{uuid.uuid4().hex[:8]}.part")
        tmp_meta.write_text(json.dumps(info), encoding="utf-8")
        os.replace(tmp_meta, meta)
        self.evict(keep={data})
        return data

    def discard(self, key: str, suffix: str = ".mp4") -> None:
        for p in self._paths(key, suffix):
            p.unlink(missing_ok=True)

    def entries(self) -> list[tuple[float, int, Path]]:
        """(mtime, bytes, path) of every cached data file."""
        out = []
        if not self.root.is_dir():
            return out
        for sub in os.scandir(self.root):
            if not sub.is_dir():
                continue
            for e in os.scandir(sub.path):
                if e.name.endswith(".json") or e.name.startswith("."):
                    continue
                try:
                    st = e.stat()
                except OSError:
                    continue
                out.append((st.st_mtime, st.st_size, Path(e.path)))
        return out

    def sweep_stale(self) -> int:
        """Remove half-written entries (``.*.part``) whose writer is gone (`owners.is_stale`:
        a dead process of this host at once, others after 6 hours); returns how many."""
        removed = 0
        for part in self.root.glob("*/.*.part"):
            try:
                if owners.is_stale(part.name, part.stat().st_mtime, startup=False):
                    part.unlink()
                    removed += 1
            except OSError:
                pass
        return removed

    def size(self) -> int:
        return sum(b for _, b, _ in self.entries())

    def evict(self, keep: set[Path] = frozenset()) -> int:
        """Remove least recently used entries until under the cap; returns bytes freed."""
        entries = sorted(self.entries())
        total = sum(b for _, b, _ in entries)
        freed = 0
        for _, size, path in entries:
            if total <= self.cap_bytes:
                break
            if path in keep:
                continue
            path.with_name(path.name.rsplit(".", 1)[0] + ".json").unlink(missing_ok=True)
            path.unlink(missing_ok=True)
            total -= size
            freed += size
        return freed

    def link_to(self, key: str, dest: Path, suffix: str = ".mp4") -> bool:
        """Hard-link (or copy) a whole cached entry to ``dest``; False when it is missing or bad."""
        src = self.get(key, suffix)
        if src is None:
            return False
        try:
            os.link(src, dest)
        except OSError:
            try:
                shutil.copyfile(src, dest)
            except OSError:
                return False
        return True


def default_cache() -> ChunkCache:
    """The CLI's (and the embedded MCP server's) chunk cache: ``$REELFORGE_CACHE/chunks`` when
    that is set, else ``$XDG_CACHE_HOME/reelforge/chunks`` (``~/.cache/...``); capped at
    ``$REELFORGE_CHUNK_CACHE_MB`` (default 2048) MB."""
    base = os.environ.get("REELFORGE_CACHE")
    root = Path(base) / "chunks" if base else Path(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")) / "reelforge" / "chunks"
    try:
        cap = int(float(os.environ.get("REELFORGE_CHUNK_CACHE_MB", "")) * 1024**2)
    except ValueError:
        cap = DEFAULT_CAP_BYTES
    cache = ChunkCache(root, cap_bytes=cap)
    cache.sweep_stale()
    return cache
