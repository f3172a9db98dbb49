"""Hand-off to video editors through OpenTimelineIO.

`to_otio(tl)` writes the timeline as an OTIO timeline: video and audio tracks, clips with their
source ranges and references to the original files, transitions, text as a titles track
(generator clips carrying the text, style and position) and every reelforge setting an editor
has no field for (volume, ducking, motion, focus, fit) in ``metadata["reelforge"]``.
`write(tl, path)` picks the format from the extension through OpenTimelineIO's own adapters:
``.otio``, ``.xml`` (Final Cut Pro 7 XML: Premiere Pro, DaVinci Resolve), ``.fcpxml`` and ``.edl``
(CMX 3600). `from_otio(timeline, assets)` maps an OTIO timeline back (clips, source ranges,
order, gaps, dissolves) and names what it could not map.

Transitions: reelforge starts the incoming shot ``transition_ms`` before the outgoing one ends.
In OTIO (as in an EDL) the cut sits where the incoming shot starts, the transition runs
``out_offset`` after it, and the outgoing clip's range ends at the cut (the frames it shows under
the transition are its handle). Reading back accepts any split of a transition around its cut
(``in_offset`` before, ``out_offset`` after), so files from editors map too.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reelforge.errors import ReelforgeError
from reelforge.interop.tracks import lanes
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    AudioSegment,
    Role,
    TextSegment,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
)

NS = "reelforge"
FORMATS = {".otio": "otio_json", ".xml": "fcp_xml", ".fcpxml": "fcpx_xml", ".edl": "cmx_3600"}
TEXT_KIND = "reelforge.text"


class InteropError(ReelforgeError):
    code = 1


def _otio():
    try:
        import opentimelineio
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise InteropError("OpenTimelineIO is not installed: pip install opentimelineio") from exc
    return opentimelineio


def _rt(ms: float, fps: int, snap: bool = False):
    frames = ms * fps / 1000.0
    return _otio().opentime.RationalTime(math.floor(frames + 0.5) if snap else frames, fps)


def _range(start_ms: float, dur_ms: float, fps: int, snap: bool = False):
    """A range whose end is snapped on its own (not start + a rounded duration), so that
    ranges laid end to end stay end to end in whole frames."""
    start = _rt(start_ms, fps, snap)
    return _otio().opentime.TimeRange(start, _rt(start_ms + dur_ms, fps, snap) - start)


def _ms(t) -> int:
    return round(t.to_seconds() * 1000)


def _url(asset: Asset, media_root: str | None) -> str:
    """The media reference: the original file (absolute file URL), or just its name under
    ``media_root`` when the receiver has the originals elsewhere (the service's hand-off)."""
    if media_root is None:
        return Path(asset.path).resolve().as_uri()
    from reelforge.media.fetch import display_name

    name = display_name(asset.name, asset.id)  # (a name of a project made before names were cleaned: "..")
    return f"{media_root.rstrip('/')}/{name}" if media_root else name


def _fields(seg: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    data = seg.model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in skip}


# -- reelforge -> OTIO ------------------------------------------------------------------------

def to_otio(tl: Timeline, *, name: str = "reelforge", media_root: str | None = None, snap: bool = False):
    """The timeline as an ``opentimelineio.schema.Timeline`` (not written anywhere). ``snap``
    puts every time on a whole frame, as editors' formats (EDL, XML) require; without it times
    keep their milliseconds exactly."""
    otio = _otio()
    fps = tl.fps
    out = otio.schema.Timeline(name=name, global_start_time=otio.opentime.RationalTime(0, fps))
    out.metadata[NS] = {"width": tl.width, "height": tl.height, "fps": fps, "duration_ms": tl.duration,
                        "background": tl.background, "loudness": tl.loudness, "schema": tl.version}
    assets = {a.id: a for a in tl.assets}
    for track in tl.tracks:
        kind = otio.schema.TrackKind.Audio if track.kind is TrackKind.AUDIO else otio.schema.TrackKind.Video
        ot = otio.schema.Track(name=track.id, kind=kind)
        ot.metadata[NS] = {"role": track.role.value, "kind": track.kind.value}
        cursor = 0
        segs = list(track.segments)
        for i, seg in enumerate(segs):
            nxt = segs[i + 1] if i + 1 < len(segs) else None
            tail = nxt.transition_ms if isinstance(nxt, VideoSegment) and nxt.transition_ms else 0
            if seg.start > cursor:
                ot.append(otio.schema.Gap(duration=_range(cursor, seg.start - cursor, fps, snap).duration))
            ot.append(_clip(seg, tail, assets, fps, media_root, snap))
            cursor = seg.end - tail
            if tail:
                ot.append(otio.schema.Transition(
                    name=nxt.transition.value, in_offset=_rt(0, fps),
                    out_offset=_range(nxt.start, tail, fps, snap).duration,
                    transition_type=(otio.schema.TransitionTypes.SMPTE_Dissolve
                                     if nxt.transition in (Transition.CROSSFADE, Transition.FADE_BLACK)
                                     else otio.schema.TransitionTypes.Custom),
                    metadata={NS: {"transition": nxt.transition.value, "ms": tail}}))
        if cursor < tl.duration and track.segments:
            ot.append(otio.schema.Gap(duration=_range(cursor, tl.duration - cursor, fps, snap).duration))
        out.tracks.append(ot)
    return out


def _clip(seg: Any, tail: int, assets: dict[str, Asset], fps: int, media_root: str | None, snap: bool):
    """The OTIO clip of a segment, its last ``tail`` ms (under the transition out) left as handle."""
    otio = _otio()
    meta = {NS: _fields(seg)}
    dur = seg.duration - tail
    record = _range(seg.start, dur, fps, snap)  # where it plays: its length in (whole) frames
    if isinstance(seg, TextSegment):
        ref = otio.schema.GeneratorReference(
            name="text", generator_kind=TEXT_KIND, available_range=_range(0, dur, fps),
            parameters={"text": seg.text, "position": seg.position.value, "size": seg.size.value,
                        "color": seg.color, "background": seg.background.value, "bold": seg.bold})
        return otio.schema.Clip(name=seg.text[:60], media_reference=ref, metadata=meta,
                                source_range=otio.opentime.TimeRange(_rt(0, fps), record.duration))
    asset = assets[seg.src]
    speed = getattr(seg, "speed", 1.0)
    src_start = seg.in_ms
    src_dur = round(dur * speed)
    if asset.kind is AssetKind.IMAGE:  # a still has every frame: say so (FCP 7 XML wants a range)
        available = _range(0, src_start + round(seg.duration * speed) + 1000, fps, snap)
    else:
        available = _range(0, max(asset.duration_ms, src_start + src_dur), fps, snap)
    source = otio.opentime.TimeRange(_rt(src_start, fps, snap), otio.opentime.RationalTime(round(record.duration.value * speed), fps) if snap else _rt(src_dur, fps))
    info = asset.model_dump(mode="json")
    if media_root is not None:  # the receiver's copy, never where this machine keeps the file
        info["path"] = _url(asset, media_root)
    ref = otio.schema.ExternalReference(target_url=_url(asset, media_root), available_range=available,
                                        metadata={NS: {"asset": info}})
    clip = otio.schema.Clip(name=seg.name or asset.name, media_reference=ref, source_range=source, metadata=meta)
    if speed != 1.0:
        clip.effects.append(otio.schema.LinearTimeWarp(name="speed", time_scalar=speed))
    return clip


def write(tl: Timeline, path: str | Path, *, media_root: str | None = None) -> Path:
    """Write ``tl`` in the format its extension names (.otio, .xml, .fcpxml, .edl)."""
    path = Path(path)
    adapter = FORMATS.get(path.suffix.lower())
    if adapter is None:
        raise InteropError(f"{path.name}: unknown timeline format; use one of {', '.join(FORMATS)}")
    if adapter != "otio_json":
        tl = editor_safe(tl, one_line=adapter == "cmx_3600")
    ot = to_otio(tl, name=path.stem, media_root=media_root, snap=adapter != "otio_json")
    if adapter != "otio_json":
        ot = _for_editors(ot, adapter)
    if adapter == "fcpx_xml":
        # the FCPX writer looks each file up by an XPath predicate quoted with ' ("it's.jpg" was a
        # SyntaxError, a 500 of the service): the URL's own escape for it
        for clip in ot.find_clips():
            ref = clip.media_reference
            if hasattr(ref, "target_url") and "'" in (ref.target_url or ""):
                ref.target_url = ref.target_url.replace("'", "%27")
    path.parent.mkdir(parents=True, exist_ok=True)
    _otio().adapters.write_to_file(ot, str(path), adapter_name=adapter)
    return path


# Characters an XML 1.0 document cannot hold at all (not even escaped): C0 controls other than
# tab/newline/return, lone surrogates, U+FFFE/U+FFFF. A title may carry them (chat text and
# drafts are Unicode, and JSON can spell U+0001), and the FCP writers would otherwise write a
# file no reader accepts (FCP 7: the adapter re-parses its own output and fails).
_NOT_XML = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF], "\ufffd")
_LINE_BREAKS = {0x0A: " ", 0x0D: " ", 0x85: " ", 0x2028: " ", 0x2029: " "}


def _xml_text(value: str, one_line: bool) -> str:
    out = value.translate(_NOT_XML)
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in out):
        out = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in out)
    return out.translate(_LINE_BREAKS) if one_line else out


def editor_safe(tl: Timeline, *, one_line: bool = False) -> Timeline:
    """``tl`` with every string an editor's file can hold: characters XML cannot carry become
    U+FFFD, and with ``one_line`` (EDL, one event per line) line breaks become spaces, so a
    title can never start a line of its own in the file."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return _xml_text(value, one_line)
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    data = tl.model_dump(mode="json")
    cleaned = clean(data)
    return tl if cleaned == data else Timeline.model_validate(cleaned)


def _for_editors(ot, adapter: str):
    """What the editor formats can carry: text becomes markers on the main track (the FCP 7
    writer crashes on generator clips, FCPX cannot write them); an EDL holds one video track."""
    otio = _otio()
    ot = copy.deepcopy(ot)
    tracks = list(ot.tracks)
    main = next((t for t in tracks if t.kind == otio.schema.TrackKind.Video
                 and (t.metadata.get(NS) or {}).get("kind") == "video"), None)
    keep = []
    for t in tracks:
        if (t.metadata.get(NS) or {}).get("kind") == "text":
            if main is not None:
                for child in t:
                    if isinstance(child, otio.schema.Clip):
                        rng = t.range_of_child(child)
                        text = child.media_reference.parameters.get("text", child.name)
                        ot.tracks.markers.append(otio.schema.Marker(
                            name=text[:60], marked_range=rng, color="YELLOW", comment=text,
                            metadata={NS: {**dict(child.metadata.get(NS) or {}),
                                           "role": (t.metadata.get(NS) or {}).get("role", "title")}}))
            continue
        if adapter == "cmx_3600" and t.kind == otio.schema.TrackKind.Video and t is not main:
            continue
        keep.append(t)
    ot.tracks[:] = []
    for t in keep:
        ot.tracks.append(copy.deepcopy(t))
    return ot


# -- OTIO -> reelforge ------------------------------------------------------------------------

@dataclass
class Imported:
    timeline: Timeline
    skipped: list[str] = field(default_factory=list)  # what could not be mapped, for the reply


def read(path: str | Path, *, fps: int = 30):
    """Read any timeline file OpenTimelineIO has an adapter for (``fps``: an EDL's frame rate,
    which the file does not carry)."""
    path = Path(path)
    edl = path.suffix.lower() == ".edl"
    try:
        ot = _otio().adapters.read_from_file(str(path), **({"rate": fps} if edl else {}))
        if edl:
            _fix_edl_dissolves(ot, path.read_text(encoding="utf-8", errors="replace"))
        return ot
    except Exception as exc:  # noqa: BLE001 - adapters raise many kinds
        raise InteropError(f"{path.name}: not a timeline OpenTimelineIO can read ({type(exc).__name__}: {exc})") from exc


def media_paths(ot) -> list[str]:
    """Local files the timeline's clips refer to, in order of first use."""
    seen: list[str] = []
    for clip in ot.find_clips():
        p = _clip_path(clip)
        if p is not None and p not in seen:
            seen.append(p)
    return seen


def _clip_path(clip) -> str | None:
    otio = _otio()
    ref = clip.media_reference
    if not isinstance(ref, otio.schema.ExternalReference) or not ref.target_url:
        return None
    return _path_of(ref.target_url)


def _fix_edl_dissolves(ot, text: str) -> None:
    """The EDL reader gives a dissolve's incoming clip the outgoing clip's file; the EDL's own
    ``* TO CLIP NAME:`` / ``* TO CLIP:`` (or ``TO FILE``) comments say which file it is."""
    import re

    files: dict[str, str] = {}
    name = None
    for line in text.splitlines():
        m = re.match(r"\*\s*TO CLIP NAME:\s*(.+?)\s*$", line)
        if m:
            name = m.group(1)
            continue
        m = re.match(r"\*\s*TO (?:CLIP|FILE):\s*(.+?)\s*$", line)
        if m and name:
            files[name] = m.group(1)
            name = None
    for clip in ot.find_clips():
        ref = clip.media_reference
        if clip.name in files and isinstance(ref, _otio().schema.ExternalReference):
            clip.media_reference = _otio().schema.ExternalReference(
                target_url=files[clip.name], available_range=ref.available_range)


def _path_of(url: str) -> str:
    from urllib.parse import unquote, urlparse

    parts = urlparse(url)
    return unquote(parts.path) if parts.scheme in ("file", "") else url


def from_otio(ot, assets_by_path: dict[str, Asset], *, width: int = 1920, height: int = 1080,
              fps: int | None = None) -> Imported:
    """A reelforge timeline from an OTIO timeline; ``assets_by_path`` maps each media file to
    its ingested asset. reelforge's own metadata (when the file came from `to_otio`) restores
    every field; a file from elsewhere maps clips, source ranges, order, gaps and dissolves."""
    otio = _otio()
    head = ot.metadata.get(NS) or {}
    fps = int(fps or head.get("fps") or round(_rate_of(ot) or 30))
    width, height = int(head.get("width", width)), int(head.get("height", height))
    skipped: list[str] = []
    tracks: list[Track] = []
    used: dict[str, Asset] = {}
    roles_seen: dict[Role, int] = {}
    markers_text: list[TextSegment] = []
    for n, ot_track in enumerate(ot.tracks):
        tmeta = ot_track.metadata.get(NS) or {}
        is_audio = ot_track.kind == otio.schema.TrackKind.Audio
        kind = TrackKind(tmeta.get("kind") or ("audio" if is_audio else "video"))
        segs: list[Any] = []
        children = list(ot_track)
        for i, child in enumerate(children):
            if isinstance(child, otio.schema.Gap) or isinstance(child, otio.schema.Transition):
                continue
            if not isinstance(child, otio.schema.Clip):
                skipped.append(f"{type(child).__name__} {child.name!r} on track {ot_track.name or n + 1}")
                continue
            rng = ot_track.range_of_child_at_index(i)
            into = children[i - 1] if i and isinstance(children[i - 1], otio.schema.Transition) else None
            out = (children[i + 1] if i + 1 < len(children) and isinstance(children[i + 1], otio.schema.Transition)
                   else None)
            seg = _segment(child, rng, into, out, kind, assets_by_path, used, skipped)
            if seg is not None:
                segs.append(seg)
        if segs:
            role = Role(tmeta["role"]) if "role" in tmeta else _guess_role(kind, segs, used, roles_seen)
            roles_seen[role] = roles_seen.get(role, 0) + 1
            tracks.append(_track(ot_track.name or f"{role.value}-{n}", kind, role, segs, tracks))
    for holder in (ot.tracks, *ot.tracks):  # text handed to editors travels as markers
        for m in getattr(holder, "markers", ()):
            t = _marker_text(m, len(markers_text))
            if t is not None:
                markers_text.append(t)
    if not any(t.kind is TrackKind.TEXT for t in tracks):
        tracks += lanes(TrackKind.TEXT, markers_text)  # a track per role, more where two overlap
    end = max((s.end for t in tracks for s in t.segments), default=0)
    duration = int(head.get("duration_ms") or end)
    if duration <= 0:
        why = f": {'; '.join(skipped[:5])}" if skipped else ""
        raise InteropError(f"the timeline has no clips reelforge can use{why}")
    extra = {k: head[k] for k in ("background", "loudness") if k in head}
    tl = build(width=width, height=height, fps=fps, duration=max(duration, end), assets=tuple(used.values()),
               tracks=tuple(tracks), **extra)
    return Imported(tl, skipped)


def _rate_of(ot) -> float | None:
    for clip in ot.find_clips():
        if clip.source_range is not None:
            return clip.source_range.duration.rate
    return None


def _guess_role(kind: TrackKind, segs: list[Any], assets: dict[str, Asset], seen: dict[Role, int]) -> Role:
    """Roles for tracks written elsewhere: the first video track is the main one; an audio
    track is the voice or the music by its files' names (as a first cut tells them apart),
    else the first is the voice and the next the music."""
    if kind is TrackKind.TEXT:
        return Role.TITLE
    if kind is TrackKind.VIDEO:
        return Role.OVERLAY if seen.get(Role.MAIN) else Role.MAIN
    from reelforge.planner.audio_roles import MUSIC_HINT, VOICE_HINT, hint_text

    names = " ".join(hint_text(assets[s.src]) for s in segs if s.src in assets)
    for hint, role in ((VOICE_HINT, Role.VOICE), (MUSIC_HINT, Role.MUSIC)):
        if hint.search(names) and not seen.get(role):
            return role
    return next((r for r in (Role.VOICE, Role.MUSIC) if not seen.get(r)), Role.SFX)


def _track(name: str, kind: TrackKind, role: Role, segs: list[Any], done: list[Track]) -> Track:
    ids = {t.id for t in done}
    tid = name if name not in ids else f"{name}-{len(done)}"
    return Track(id=tid, kind=kind, role=role, segments=tuple(segs))


def _segment(clip, rng, into, out, kind: TrackKind, assets_by_path: dict[str, Asset], used: dict[str, Asset],
             skipped: list[str]):
    """One segment from a clip: a transition into it starts it ``in_offset`` before its cut
    (``head``); one out of it extends it ``out_offset`` past its end (``tail``)."""
    otio = _otio()
    meta = dict(clip.metadata.get(NS) or {})
    begin, end = rng.start_time, rng.end_time_exclusive()
    if into is not None:
        begin = begin - into.in_offset
    if out is not None:
        end = end + out.out_offset
    start, dur = _ms(begin), _ms(end) - _ms(begin)  # ms of frame times, never sums of rounded ms
    head = _ms(rng.start_time) - start
    ref = clip.media_reference
    if kind is TrackKind.TEXT or isinstance(ref, otio.schema.GeneratorReference):
        if meta.get("kind") == "text":
            return TextSegment.model_validate({**meta, "start": start, "duration": dur})
        params = getattr(ref, "parameters", {}) or {}
        text = params.get("text") or clip.name
        if not text:
            skipped.append(f"generator clip {clip.name!r}")
            return None
        return TextSegment(id=f"text-{start}", start=start, duration=dur, text=str(text))
    where = _clip_path(clip)
    if where is None:
        skipped.append(f"clip {clip.name!r} (no media file)")
        return None
    asset = assets_by_path.get(where)
    if asset is None:
        skipped.append(f"clip {clip.name!r} ({where} could not be read)")
        return None
    used[asset.id] = asset
    speed = 1.0
    for eff in clip.effects:
        if isinstance(eff, otio.schema.LinearTimeWarp):
            speed = float(eff.time_scalar)
        else:
            skipped.append(f"effect {eff.name or eff.effect_name!r} on {clip.name!r}")
    src_start = _ms(clip.source_range.start_time) if clip.source_range else 0
    in_ms = max(0, src_start - round(head * speed))
    t_in = _ms(rng.start_time + into.out_offset) - start if into is not None else 0
    if meta.get("kind") in ("video", "audio"):
        return (VideoSegment if meta["kind"] == "video" else AudioSegment).model_validate(
            {**meta, "start": start, "duration": dur, "src": asset.id, "in_ms": in_ms})
    base = {"id": f"{asset.id[:8]}-{start}", "start": start, "duration": dur, "src": asset.id,
            "name": asset.name, "in_ms": 0 if asset.kind is AssetKind.IMAGE else in_ms}
    if kind is TrackKind.AUDIO:
        return AudioSegment(**base)
    if into is not None:
        base.update(transition=Transition.CROSSFADE, transition_ms=t_in)
    if speed != 1.0:
        base["speed"] = speed
    return VideoSegment(**base)


def _marker_text(marker, n: int) -> tuple[Role, TextSegment] | None:
    meta = dict(marker.metadata.get(NS) or {})
    rng = marker.marked_range
    role = Role(meta.pop("role", "title"))
    if meta.get("kind") == "text":
        return role, TextSegment.model_validate({**meta, "start": _ms(rng.start_time), "duration": _ms(rng.duration)})
    text = marker.comment or marker.name
    if not text or _ms(rng.duration) <= 0:
        return None
    return role, TextSegment(id=f"marker-{n}", start=_ms(rng.start_time), duration=_ms(rng.duration), text=text)


def import_file(path: str | Path, *, workdir: str | Path | None = None, fps: int = 30) -> Imported:
    """A reelforge timeline from a timeline file on this machine: its media files are probed
    (`reelforge.media.ingest`), clips whose file is missing or unreadable are named in
    ``skipped``. For the local user only: it opens the files the timeline names."""
    from reelforge.errors import MediaError
    from reelforge.media import ingest

    path = Path(path)
    ot = read(path, fps=fps)
    assets: dict[str, Asset] = {}
    missing: list[str] = []
    for p in media_paths(ot):
        local = Path(p) if Path(p).is_absolute() else path.parent / p
        try:
            assets[p] = ingest(local, workdir=workdir)
        except (MediaError, OSError) as exc:
            missing.append(f"{p} ({getattr(exc, 'message', None) or exc})")
    try:
        result = from_otio(ot, assets, fps=fps if path.suffix.lower() == ".edl" else None)
    except InteropError as exc:
        if missing:
            exc.message += f" (could not read: {'; '.join(missing[:5])})"
        raise
    result.skipped[:0] = [f"media {m}" for m in missing]
    return result
