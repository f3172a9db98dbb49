"""The voiceover's transcript of an export as caption files (SRT, WebVTT).

Computed once per export, by a worker, after the render (a queue task of its own, so the MP4
is ready as soon as it is encoded): speech recognition (the ``ai`` extra, faster-whisper) over
the voiceover segments of the export's own timeline snapshot, cue times on the export's clock.
The files are stored beside the MP4 (``renders/<key>.transcript.srt`` / ``.vtt``).

The state is on the export row (``transcript_state``), and the status document says it:

    pending      the export is rendering, or the transcript is queued / being made
    ready        the files exist (links in the status document)
    none         nothing to transcribe: no voiceover, a preview, or no speech found
    unavailable  speech recognition is not installed here (the ``ai`` extra)
    failed       recognition ran and failed (the reason is kept)

Never an empty file: without cues there is no file and the reason says why.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from reelforge.service.context import Context
from reelforge.service.db import Render, clean, now

log = logging.getLogger("reelforge.service.transcripts")

FORMATS = ("srt", "vtt")
STALE_SECONDS = 900.0   # a claim older than this (its worker died) is taken again at startup
NO_VOICE = "the export has no voiceover"
PREVIEW = "previews carry no transcript files (export the video to get them)"
NO_SPEECH = "no speech could be made out in the voiceover"
MIN_SPEECH = 0.5   # Whisper's confidence that the voice is speech (below: music, mumbling)


def has_voiceover(tl) -> bool:
    from reelforge.timeline.model import Role

    return any(t.segments for t in tl.tracks_by_role(Role.VOICE))


def initial(tl, kind: str) -> tuple[str, str | None]:
    """(state, info JSON) of a new render: ``pending`` when there is a voiceover to transcribe."""
    if kind == "preview":
        return "none", json.dumps({"reason": PREVIEW})
    if not has_voiceover(tl):
        return "none", json.dumps({"reason": NO_VOICE})
    return "pending", None


def missing_extra() -> str | None:
    """Why speech recognition cannot run here, or None when it can (nothing heavy imported)."""
    from reelforge import ai

    have = ai.capabilities()["captions"]
    if have.startswith("missing"):
        return f"speech recognition (the ai extra) is not installed on the server: {ai.INSTALL_HINT}"
    return None


def paths(ctx: Context, key: str) -> dict[str, Path]:
    return {fmt: ctx.storage.transcript_path(key, fmt) for fmt in FORMATS}


def _info(row: Render) -> dict[str, Any]:
    try:
        data = json.loads(row.transcript_info or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def _set(ctx: Context, render_id: str, state: str, **info: Any) -> bool:
    """Record the transcript's state; False when the export is gone (its session deleted)."""
    if "reason" in info and info["reason"] is not None:
        info["reason"] = clean(str(info["reason"]), 1000)
    with ctx.db.tx() as s:
        return bool(s.execute(update(Render).where(Render.id == render_id)
                              .values(transcript_state=state, transcript_info=json.dumps(info),
                                      updated=now())).rowcount)


def make(ctx: Context, render_id: str) -> str | None:
    """The queue task: claim a completed export's pending transcript and make its files.
    Returns the state it ends in (None when there was nothing to claim)."""
    with ctx.db.tx() as s:
        claimed = s.execute(
            update(Render).where(Render.id == render_id, Render.status == "completed",
                                 Render.transcript_state == "pending")
            .values(transcript_state="running", transcript_info=json.dumps({"at": time.time()}))
        ).rowcount
        row = s.get(Render, render_id) if claimed else None
    if row is None:
        return None
    why = missing_extra()
    if why:
        _set(ctx, render_id, "unavailable", reason=why)
        return "unavailable"
    try:
        cues = cues_of(row.timeline)
    except Exception as exc:  # noqa: BLE001 - every failure is recorded on the export
        from reelforge.ai import AIExtraMissing

        if isinstance(exc, ImportError):   # AIExtraMissing, or a model package that will not import
            from reelforge import ai

            why = exc.message if isinstance(exc, AIExtraMissing) else (
                f"speech recognition (the ai extra) is not installed on the server ({exc}): {ai.INSTALL_HINT}")
            _set(ctx, render_id, "unavailable", reason=why)
            return "unavailable"
        log.warning("transcript of %s failed: %s", render_id, exc)
        _set(ctx, render_id, "failed", reason=getattr(exc, "message", None) or str(exc) or type(exc).__name__)
        return "failed"
    if not cues:
        _set(ctx, render_id, "none", reason=NO_SPEECH)
        return "none"
    files = paths(ctx, row.download_key)
    write(files, cues)
    if not _set(ctx, render_id, "ready", cues=len(cues)):  # deleted meanwhile: discard the files
        for f in files.values():
            f.unlink(missing_ok=True)
        return None
    return "ready"


def cues_of(timeline_json: str) -> list[tuple[int, int, str]]:
    """Transcript cues of a timeline snapshot, inside its duration, in time order."""
    from reelforge.interop.subtitles import transcript_cues
    from reelforge.timeline import Timeline

    tl = Timeline.from_json(timeline_json)
    out = []
    for a, b, text in transcript_cues(tl, heard=heard_cached):
        a, b = max(0, a), min(b, tl.duration)
        if b > a and text.strip():
            out.append((a, b, text))
    return out


def heard_cached(path: str) -> Any:
    """`reelforge.interop.subtitles.hear` of a voice file, kept beside it
    (``<file>.heard.json``, valid while its size and mtime hold): a session exported again
    after an edit does not transcribe the same voiceover again."""
    from reelforge.ai.captions import Transcript, Word
    from reelforge.interop.subtitles import hear

    src = Path(path)
    st = src.stat()
    stamp = [st.st_size, st.st_mtime_ns, MIN_SPEECH]
    memo = src.with_name(src.name + ".heard.json")
    try:
        data = json.loads(memo.read_text(encoding="utf-8"))
        if data.get("stamp") == stamp:
            tr = data.get("transcript")
            return None if tr is None else Transcript(
                words=tuple(Word(*w) for w in tr["words"]), language=tr["language"],
                language_probability=tr["language_probability"], duration_ms=tr["duration_ms"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    tr = hear(path, MIN_SPEECH)
    body = None if tr is None else {
        "words": [[w.start_ms, w.end_ms, w.text, w.probability] for w in tr.words], "language": tr.language,
        "language_probability": tr.language_probability, "duration_ms": tr.duration_ms}
    try:
        _write_text(memo, json.dumps({"stamp": stamp, "transcript": body}))
    except OSError:   # read-only media: it only costs the next export a transcription
        pass
    return tr


def write(files: dict[str, Path], cues: list[tuple[int, int, str]]) -> None:
    from reelforge.interop.subtitles import to_srt, to_vtt

    for fmt, path in files.items():
        _write_text(path, to_srt(cues) if fmt == "srt" else to_vtt(cues))


def _write_text(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all (a reader never sees half a file)."""
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    part.write_text(text, encoding="utf-8")
    os.replace(part, path)


def text(ctx: Context, row: Render, fmt: str) -> str:
    """The SRT or WebVTT text of the export's transcript; `NotFound` (saying why) otherwise."""
    from reelforge.errors import NotFound

    if row.status != "completed":
        raise NotFound(f"export {row.id} is not ready (status {row.status})")
    state = row.transcript_state
    if state != "ready":
        raise NotFound(f"export {row.id} has no transcript file: {reason(row) or state}")
    try:
        return paths(ctx, row.download_key)[fmt].read_text(encoding="utf-8")
    except OSError:
        raise NotFound(f"export {row.id}: its transcript file is gone") from None


def reason(row: Render) -> str | None:
    if row.status == "failed" and row.transcript_state != "none":
        return "the export failed"
    if row.transcript_state in ("pending", "running"):
        return ("made after the render" if row.status != "completed"
                else "being made by a worker (speech recognition)")
    return _info(row).get("reason")


def view(row: Render, urls: dict[str, str] | None) -> dict[str, Any]:
    """The ``transcript`` part of an export's status document."""
    state = row.transcript_state
    if state is None:   # made before transcripts existed
        return {"status": "none", "reason": "made before transcript files existed", "cues": 0,
                "srt": None, "vtt": None}
    if state == "running":
        state = "pending"
    if row.status == "failed":
        state = "none"
    ready = state == "ready" and row.status == "completed"
    return {"status": state, "reason": None if ready else reason(row),
            "cues": int(_info(row).get("cues") or 0) if ready else 0,
            "srt": urls["srt"] if ready and urls else None,
            "vtt": urls["vtt"] if ready and urls else None}


def recover(ctx: Context, enqueue) -> int:
    """At startup: queue the transcripts of completed exports left pending (lost from the
    queue) or claimed by a worker that died. Returns how many were queued."""
    cutoff = time.time() - STALE_SECONDS
    with ctx.db.tx() as s:
        rows = s.execute(select(Render.id, Render.transcript_state, Render.transcript_info).where(
            Render.status == "completed", Render.transcript_state.in_(("pending", "running")))).all()
    queued = 0
    for rid, state, info in rows:
        if state == "running":
            try:
                at = float(json.loads(info or "{}").get("at") or 0)
            except (ValueError, AttributeError, TypeError):
                at = 0.0
            if at > cutoff:
                continue
            with ctx.db.tx() as s:
                s.execute(update(Render).where(Render.id == rid, Render.transcript_state == "running")
                          .values(transcript_state="pending"))
        enqueue(rid)
        queued += 1
    return queued
