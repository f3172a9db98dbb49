"""Batch mode: one instruction over a folder or a CSV of rows -> one video job per row.

Sources
* a **CSV** file: one row per video. Columns: ``name`` (optional; else ``row-N``),
  ``assets`` (paths separated by ``;`` or ``|``, relative to the CSV), ``instruction``
  (optional; else the shared one), ``output`` (optional file name), and any other column is a
  value for ``{placeholders}`` in the instruction, e.g. ``title`` for
  ``'30-second promo with the title "{title}"'``.
* a **folder**: each sub-folder holding media is one job (its files in name order); a folder
  with media files and no sub-folders makes one job per file.

`load_batch` returns plain `BatchJob` data; `run_batch(jobs, make)` calls ``make(job)`` (the
caller's "ingest + plan + render" function, returning the output path) for each job, keeps
going past failures, and returns a `BatchReport` whose `table()` is the summary to print.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reelforge.errors import ReelforgeError

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_RESERVED = {"name", "assets", "instruction", "output"}


class BatchError(ReelforgeError, ValueError):
    """The batch source cannot be read or makes no job."""

    code = 3003
    http_status = 422


@dataclass(frozen=True)
class BatchJob:
    name: str
    assets: tuple[str, ...]
    instruction: str
    output: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchResult:
    job: BatchJob
    ok: bool
    output: str = ""
    seconds: float = 0.0
    error: str = ""


@dataclass(frozen=True)
class BatchReport:
    results: tuple[BatchResult, ...]

    @property
    def ok(self) -> int:
        return sum(r.ok for r in self.results)

    @property
    def failed(self) -> int:
        return len(self.results) - self.ok

    def table(self) -> str:
        """A plain-text summary table, one line per job, then totals."""
        rows = [("#", "name", "status", "seconds", "output / error")]
        for i, r in enumerate(self.results, 1):
            rows.append((str(i), r.job.name, "ok" if r.ok else "FAILED", f"{r.seconds:.1f}",
                         r.output if r.ok else r.error))
        widths = [max(len(row[c]) for row in rows) for c in range(4)]
        lines = ["  ".join(cell.ljust(widths[c]) if c < 4 else cell for c, cell in enumerate(row)).rstrip()
                 for row in rows]
        lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 14)
        lines.append(f"{self.ok} made, {self.failed} failed, {len(self.results)} jobs")
        return "\n".join(lines)


def _media_exts() -> frozenset[str]:
    try:
        from reelforge.media.formats import SUPPORTED_EXTENSIONS

        return frozenset(e.lower().lstrip(".") for e in SUPPORTED_EXTENSIONS)
    except ImportError:  # pragma: no cover - media is part of the core
        return frozenset("mp4 mov avi webm mkv jpg jpeg png gif webp mp3 wav m4a aac".split())


def fill(instruction: str, values: dict[str, str]) -> str:
    """Replace ``{key}`` with the row's value; unknown placeholders raise `BatchError`."""
    def sub(m: re.Match) -> str:
        key = m.group(1)
        if key not in values:
            raise BatchError(f"the instruction uses {{{key}}} but the row has no {key!r} column")
        return values[key]

    return _PLACEHOLDER.sub(sub, instruction)


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w\-.]+", "-", name, flags=re.UNICODE).strip("-.")
    return cleaned or "video"


def load_batch(source: str | Path, instruction: str = "", *, out_dir: str | Path | None = None) -> list[BatchJob]:
    """Jobs from a CSV file or a folder (see the module doc). ``instruction`` is the shared one."""
    source = Path(source)
    out_root = Path(out_dir) if out_dir else (source.parent if source.is_file() else source) / "out"
    if source.is_file() and source.suffix.lower() in (".csv", ".tsv"):
        jobs = _from_csv(source, instruction, out_root)
    elif source.is_dir():
        jobs = _from_folder(source, instruction, out_root)
    else:
        raise BatchError(f"{source}: expected a CSV file or a folder of media")
    if not jobs:
        raise BatchError(f"{source.name}: no job found (no rows / no media files)")
    seen: set[str] = set()
    for j in jobs:
        if j.output in seen:
            raise BatchError(f"two jobs would write {Path(j.output).name}: give the rows distinct names")
        seen.add(j.output)
    return jobs


def _from_csv(path: Path, shared: str, out_root: Path) -> list[BatchJob]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise BatchError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    if not reader.fieldnames or "assets" not in [f.strip().lower() for f in reader.fieldnames]:
        raise BatchError(f"{path.name}: needs an 'assets' column (paths separated by ';')")
    jobs = []
    for n, raw in enumerate(reader, 1):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        name = row.get("name") or f"row-{n}"
        assets = []
        for part in re.split(r"[;|]", row.get("assets", "")):
            part = part.strip()
            if not part:
                continue
            p = Path(part)
            p = p if p.is_absolute() else path.parent / p
            if not p.exists():
                raise BatchError(f"{path.name} row {n} ({name}): asset {part!r} not found")
            assets.append(str(p.resolve()))
        if not assets:
            raise BatchError(f"{path.name} row {n} ({name}): no assets")
        values = {k: v for k, v in row.items() if k not in _RESERVED}
        template = row.get("instruction") or shared
        if not template:
            raise BatchError(f"{path.name} row {n} ({name}): no instruction (give one for all rows or a column)")
        out_name = row.get("output") or f"{_safe_name(name)}.mp4"
        jobs.append(BatchJob(name=name, assets=tuple(assets), instruction=fill(template, {"name": name, **values}),
                             output=str(out_root / out_name), values=values))
    return jobs


def _from_folder(folder: Path, shared: str, out_root: Path) -> list[BatchJob]:
    if not shared:
        raise BatchError("a folder batch needs an instruction for all its videos")
    exts = _media_exts()

    def media(d: Path) -> list[Path]:
        return sorted(p for p in d.iterdir() if p.is_file() and p.suffix.lower().lstrip(".") in exts)

    subdirs = sorted(d for d in folder.iterdir() if d.is_dir() and d.resolve() != out_root.resolve() and media(d))
    groups = [(d.name, media(d)) for d in subdirs] or [(p.stem, [p]) for p in media(folder)]
    return [BatchJob(name=name, assets=tuple(str(p.resolve()) for p in files),
                     instruction=fill(shared, {"name": name}), output=str(out_root / f"{_safe_name(name)}.mp4"))
            for name, files in groups]


def run_batch(jobs: list[BatchJob], make: Callable[[BatchJob], str | Path],
              progress: Callable[[int, int, BatchJob], None] | None = None) -> BatchReport:
    """Run ``make(job)`` for each job (each its own render); failures are recorded, not raised."""
    results = []
    for i, job in enumerate(jobs):
        if progress:
            progress(i, len(jobs), job)
        t0 = time.perf_counter()
        try:
            out = make(job)
            results.append(BatchResult(job, True, str(out), time.perf_counter() - t0))
        except ReelforgeError as exc:
            results.append(BatchResult(job, False, "", time.perf_counter() - t0, exc.message))
        except (OSError, ValueError) as exc:
            results.append(BatchResult(job, False, "", time.perf_counter() - t0, f"{type(exc).__name__}: {exc}"))
    return BatchReport(tuple(results))
