"""Ingest: validate a file, probe its content and describe it as a timeline `Asset`.

Policy
- **Size**: an empty file is refused (`UnsupportedMedia`); a file over ``max_bytes``
  (default `MAX_FILE_BYTES`, 500 MB) is refused with `FileTooLarge` (code 4002) before any
  decoding. The message names the file, its size and the limit.
- **Content decides, the name only vetoes**: the file is probed (decoded) and must be one of
  the supported formats (`SUPPORTED_FORMATS`). The extension is not trusted: a real PNG named
  ``.jpg`` is accepted as a PNG image, a text file named ``.jpg`` is refused. A file with no
  extension or an unfamiliar one is accepted when its content is a supported format. Only an
  extension that plainly says "not media" (``.txt``, ``.exe``, ``.zip``, ``.pdf``... see
  `NON_MEDIA_EXTENSIONS`) is refused without looking further. The extension checked is that
  of ``name`` when given (an upload stored under a temporary name keeps its real name).
- **Photos are made upright once**: a photo whose EXIF orientation is not "upright" is written
  as an upright copy (EXIF orientation applied to the pixels, tag dropped) and ``Asset.path``
  points at the copy; ``width``/``height`` are the upright size and ``rotation`` is 0.
- **Huge photos are downscaled once**: a still photo whose long side exceeds
  `DOWNSCALE_ABOVE` (4096 px) is resampled (Lanczos) so its long side is `DOWNSCALE_TO`
  (3840 px — 4K UHD output stays sharp) in the same pass. Animated GIF/WebP are never touched.
- **Pixel bombs**: pictures over 50 megapixels and video frames over 8K are refused from
  their headers, before decoding (`reelforge.media.limits`; ``limits`` changes the caps).
- Copies go to ``workdir`` (default: a ``.reelforge`` folder next to the file, or a
  ``reelforge-cache`` folder in the system temp dir when that is not writable), are named by
  the content hash (so re-ingesting reuses them), and are written to a temporary name and
  renamed, so an error never leaves a partial file behind.
- ``Asset.id`` is the first 12 hex digits of the SHA-256 of the original content (stable:
  the same bytes always get the same id, whatever their name).
- **Misleading names**: when the file name would send ffmpeg to the wrong reader (MP3 bytes
  named ``.jpg``), ``Asset.path`` points at a link named ``<id>.<right extension>`` in
  ``workdir`` (a hard link, or a copy across file systems), so the renderer decodes it correctly.
- **Videos** keep their rotation: ``rotation`` records the clockwise degrees from the display
  matrix and ``width``/``height`` are the display size (portrait clips come out portrait).

Only `reelforge.errors` types leave this module.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import uuid
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reelforge.errors import FileTooLarge, MediaError, ReelforgeError, UnsupportedMedia, reason
from reelforge.media.formats import (
    EXTENSION_FORMAT,
    MAX_FILE_BYTES,
    NON_MEDIA_EXTENSIONS,
    SUPPORTED_FORMATS,
    extension_for_format,
    human_size,
    supported_list,
)
from reelforge.media.limits import DOWNSCALE_ABOVE, DOWNSCALE_TO, PixelLimits, decode_slot
from reelforge.media.probe import MediaInfo, probe
from reelforge.timeline.model import Asset, AssetKind

_CHUNK = 1024 * 1024
MAX_LISTED = 20
"""Bad files named one by one in a combined error; the rest are counted (the message stays short)."""


@dataclass(frozen=True)
class _Checked:
    path: Path
    name: str
    info: MediaInfo
    digest: str


def ingest(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    workdir: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    limits: PixelLimits | None = None,
) -> Asset:
    """Validate and probe one file; return its `Asset` (see the module docstring for policy).

    Raises `FileTooLarge` (4002), `UnsupportedMedia` (4001: empty, damaged, not a supported
    format, or larger than the pixel ``limits``; the message lists the supported formats or
    the limit) or `MediaError` (4001: missing/unreadable).
    """
    checked = _check(Path(path), name, max_bytes, limits)
    return _materialize(checked, workdir)


def ingest_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    names: Sequence[str | None] | None = None,
    workdir: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    limits: PixelLimits | None = None,
) -> list[Asset]:
    """Ingest several files, all or nothing: every file is checked first, and if any is bad
    one error names each bad file and why (`FileTooLarge` when they are all too large,
    otherwise `UnsupportedMedia`; a single path raises its own error); the error's
    ``failures`` attribute holds
    ``[(file name, error), ...]``. No copy is written unless every file passed."""
    path_list = [Path(p) for p in paths]
    name_list = list(names) if names is not None else [None] * len(path_list)
    if len(name_list) != len(path_list):
        raise ValueError("names must match paths one to one")
    checked: list[_Checked] = []
    failures: list[tuple[str, MediaError]] = []
    for p, n in zip(path_list, name_list, strict=True):
        try:
            checked.append(_check(p, n, max_bytes, limits))
        except MediaError as exc:
            failures.append((n or p.name, exc))
    if failures:
        raise _combined(failures, total=len(path_list))
    created: list[Path] = []
    assets: list[Asset] = []
    try:
        for c in checked:
            asset = _materialize(c, workdir, created=created)
            assets.append(asset)
    except BaseException:
        for f in created:
            _unlink(f)
        raise
    return assets


@dataclass(frozen=True)
class Gathered:
    """Files to add, from paths that may name folders (`gather`)."""

    files: list[Path]
    from_folders: frozenset[Path]  # the files a folder gave (not named one by one)
    left_out: list[str]  # files in those folders that are no media (hidden files not counted)


def _natural(p: Path) -> list[object]:
    """Sort key: "img2" before "img10", as file managers order them."""
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", p.name.casefold())]


def gather(paths: Iterable[str | os.PathLike[str]], *, besides: Iterable[str | os.PathLike[str]] = ()) -> Gathered:
    """Expand folders into the media files directly inside them, in natural name order (hidden
    files and the files in ``besides`` — the output being written — skipped, other files listed
    in ``left_out``); files stay where they are in the list."""
    files: list[Path] = []
    found: set[Path] = set()
    left: list[str] = []
    mine = {Path(b).resolve() for b in besides}
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            files.append(p)
            continue
        inside = sorted((f for f in p.iterdir() if f.is_file() and not f.name.startswith(".")
                         and f.resolve() not in mine), key=_natural)
        media = [f for f in inside if f.suffix.lower() in EXTENSION_FORMAT]
        left += [f.name for f in inside if f.suffix.lower() not in EXTENSION_FORMAT]
        files += media
        found.update(media)
    return Gathered(files, frozenset(found), left)


def _combined(failures: list[tuple[str, MediaError]], *, total: int) -> MediaError:
    if total == 1:  # one file: its own error says it best
        err = failures[0][1]
        err.failures = failures  # type: ignore[attr-defined]
        return err
    lines = [f"- {msg_name}: {reason_only(exc.message, msg_name)}" for msg_name, exc in failures[:MAX_LISTED]]
    if len(failures) > MAX_LISTED:
        lines.append(f"- ... and {len(failures) - MAX_LISTED} more")
    text = f"{len(failures)} of {total} files could not be added:\n" + "\n".join(lines)
    if all(isinstance(e, FileTooLarge) for _, e in failures):
        err: MediaError = FileTooLarge(text)
    else:
        err = UnsupportedMedia(text + f"\nSupported formats: {supported_list()}")
    err.failures = failures  # type: ignore[attr-defined]
    return err


def reason_only(message: str, name: str) -> str:
    """What is wrong with a file, from its error's message: without its name and the formats list."""
    first = message.split("\n")[0]
    cut = first.split(" Supported formats:")[0]
    prefix = f"{name}: "
    return cut[len(prefix):] if cut.startswith(prefix) else cut


# -- checks (no writes) ----------------------------------------------------------------------
def _check(path: Path, name: str | None, max_bytes: int, limits: PixelLimits | None = None) -> _Checked:
    label = name or path.name or str(path)
    try:
        if not path.exists():
            raise MediaError(f"{label}: file not found")
        if not path.is_file():
            raise MediaError(f"{label}: not a file")
        size = path.stat().st_size
    except OSError as exc:
        raise MediaError(f"{label}: cannot be read ({exc.strerror or exc})") from exc
    if size == 0:
        raise UnsupportedMedia(f"{label}: the file is empty. Supported formats: {supported_list()}")
    if size > max_bytes:
        have, limit = human_size(size), human_size(max_bytes)
        if have == limit:  # rounding hides the difference: show exact bytes
            have, limit = f"{size} bytes", f"{max_bytes} bytes"
        raise FileTooLarge(
            f"{label}: the file is too large ({have}, {size} bytes); "
            f"the limit is {limit} per file"
        )
    ext = Path(label).suffix.lower()
    if ext in NON_MEDIA_EXTENSIONS:
        raise UnsupportedMedia(
            f"{label}: '{ext}' files are not media. Supported formats: {supported_list()}"
        )
    try:
        info = probe(path, limits=limits)
    except MediaError as exc:
        raise type(exc)(_rename(exc.message, path.name, label)) from exc
    except Exception as exc:  # defensive: probe should only raise MediaError
        raise UnsupportedMedia(
            f"{label}: not a readable media file. Supported formats: {supported_list()}"
        ) from exc
    if info.format not in SUPPORTED_FORMATS:
        raise UnsupportedMedia(
            f"{label}: {info.format or 'this'} content is not supported. "
            f"Supported formats: {supported_list()}"
        )
    try:
        digest = _sha256(path)
    except OSError as exc:
        raise MediaError(f"{label}: cannot be read ({exc.strerror or exc})") from exc
    return _Checked(path=path, name=label, info=info, digest=digest)


def _rename(message: str, stored: str, label: str) -> str:
    if stored != label and message.startswith(stored):
        return label + message[len(stored):]
    return message


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


# -- writes (upright / downscaled photo copies) -------------------------------------------------
def _needs_copy(info: MediaInfo) -> bool:
    if info.kind != "image":
        return False
    return info.exif_orientation != 1 or max(info.width, info.height) > DOWNSCALE_ABOVE


def _materialize(c: _Checked, workdir, *, created: list[Path] | None = None) -> Asset:
    info = c.info
    asset_id = c.digest[:12]
    path, width, height, rotation = c.path, info.width, info.height, info.rotation
    fmt = info.format
    if info.kind == "image":
        rotation = 0  # photos: orientation is applied (below) or was already upright
        if _needs_copy(info):
            path, width, height, fmt = _upright_copy(c, workdir, created)
    if info.misnamed:
        path = _well_named_link(c, workdir, created)
    kind = AssetKind(info.kind)
    try:
        return Asset(
            id=asset_id, path=os.path.abspath(path), name=c.name, kind=kind, width=width, height=height,
            duration_ms=info.duration_ms if kind is not AssetKind.IMAGE else 0,
            fps=info.fps, has_audio=info.has_audio, rotation=rotation,
            size_bytes=info.size_bytes, format=fmt,
        )
    except ReelforgeError:
        raise
    except Exception as exc:  # pydantic validation: should not happen with probed values
        raise UnsupportedMedia(f"{c.name}: could not be described ({reason(exc)})") from exc


def _default_workdir(src: Path) -> Path:
    beside = src.resolve().parent / ".reelforge"
    try:
        beside.mkdir(exist_ok=True)
        if os.access(beside, os.W_OK):
            return beside
    except OSError:
        pass
    tmp = Path(tempfile.gettempdir()) / "reelforge-cache"
    tmp.mkdir(exist_ok=True)
    return tmp


def _upright_copy(c: _Checked, workdir, created: list[Path] | None) -> tuple[Path, int, int, str]:
    """Write (or reuse) the upright/downscaled copy; returns (path, width, height, format).
    ``Asset.format`` then describes the copy.

    The copy is a JPEG (quality 92, ICC profile kept) unless the picture is a PNG or has
    transparency, in which case it is a PNG."""
    from PIL import Image

    info = c.info
    try:
        out_dir = Path(workdir) if workdir is not None else _default_workdir(c.path)
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MediaError(f"{c.name}: cannot create the work folder ({exc.strerror or exc})") from exc
    stem = f"{c.digest[:12]}-upright"
    for suffix, fmt in ((".jpg", "jpeg"), (".png", "png")):
        cached = out_dir / (stem + suffix)
        if cached.is_file():
            try:
                with Image.open(cached) as im:
                    im.verify()
                with Image.open(cached) as im:
                    return cached, im.size[0], im.size[1], fmt
            except Exception:
                _unlink(cached)  # damaged cache entry: write it again
    tmp: Path | None = None
    try:
        with decode_slot(info.coded_width * info.coded_height):
            img, icc = _decode_downscaled(c.path)
        alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
        as_png = info.format == "png" or alpha
        suffix, fmt = (".png", "png") if as_png else (".jpg", "jpeg")
        fd, tmp_name = tempfile.mkstemp(prefix=".ingest-", suffix=suffix, dir=out_dir)
        os.close(fd)
        tmp = Path(tmp_name)
        extra = {"icc_profile": icc} if icc else {}
        if as_png:
            img.save(tmp, "PNG", **extra)
        else:
            if img.mode not in ("RGB", "L"):
                img = img.convert("RGB")
            img.save(tmp, "JPEG", quality=92, **extra)
        w, h = img.size
        os.chmod(tmp, 0o644)
        target = out_dir / (stem + suffix)
        os.replace(tmp, target)
    except BaseException as exc:
        if tmp is not None:
            _unlink(tmp)
        if isinstance(exc, Exception):
            raise MediaError(f"{c.name}: could not write the upright copy ({_short(exc)})") from exc
        raise
    if created is not None:
        created.append(target)
    return target, w, h, fmt


def _decode_downscaled(path: Path):
    """The picture upright and at most `DOWNSCALE_TO` on its long side, decoded once at the
    least memory: a JPEG at 1/2 or 1/4 scale when that still covers the target (libjpeg's
    draft), the resize first reduced by whole factors (``reducing_gap``), and the EXIF rotation
    applied to the small result (no full-size copy). Returns (image, ICC profile)."""
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Image.open(path) as im:
            icc = im.info.get("icc_profile")
            if im.format == "JPEG" and max(im.size) > DOWNSCALE_ABOVE * 2:
                scale = max(im.size) / DOWNSCALE_TO
                im.draft("RGB", (int(im.size[0] / scale) + 1, int(im.size[1] / scale) + 1))
            im.load()
            orientation = im.getexif().get(0x0112, 1)
            img = im
            if max(img.size) > DOWNSCALE_ABOVE:
                alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
                if img.mode not in ("RGB", "RGBA", "L", "LA"):
                    img = img.convert("RGBA" if alpha else "RGB")
                ratio = DOWNSCALE_TO / max(img.size)
                new = (max(1, round(img.size[0] * ratio)), max(1, round(img.size[1] * ratio)))
                img = img.resize(new, Image.Resampling.LANCZOS, reducing_gap=3.0)
            if orientation not in (None, 1):
                img.getexif()[0x0112] = orientation  # a resized copy has no EXIF of its own
                img = ImageOps.exif_transpose(img)
            elif img is im:
                img = im.copy()  # outlives the file (an upright picture within the size)
    return img, icc


def _well_named_link(c: _Checked, workdir, created: list[Path] | None) -> Path:
    """A hard link (or, across file systems, a copy) named ``<id>.<right extension>`` in the
    work folder, for content whose file name would send ffmpeg to the wrong reader."""
    import shutil

    ext = extension_for_format(c.info.format) or f".{c.info.format}"
    try:
        out_dir = Path(workdir) if workdir is not None else _default_workdir(c.path)
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{c.digest[:12]}{ext}"
        if target.is_file() and target.stat().st_size == c.info.size_bytes:
            return target
        _unlink(target)
        tmp = out_dir / f".ingest-{uuid.uuid4().hex}{ext}"
        _unlink(tmp)
        try:
            try:
                os.link(c.path, tmp)  # survives the original being moved or deleted
            except OSError:
                shutil.copyfile(c.path, tmp)
            os.replace(tmp, target)
        except BaseException:
            _unlink(tmp)
            raise
    except OSError as exc:
        raise MediaError(f"{c.name}: could not link the file into the work folder ({_short(exc)})") from exc
    if created is not None:
        created.append(target)
    return target


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text[:160]


def _unlink(p: Path) -> None:
    try:
        p.unlink()
    except OSError:
        pass
