"""The compact "draft" form of a timeline (DESIGN.md): the wire form agents speak.

    {"d": 30000, "m": {"w": 1920, "h": 1080, "fps": 30},
     "t": [{"tt": 0, "m": {"role": "main"}, "sg": [{"s": 0, "d": 6000, "src": "a3f", "n": "shoe.jpg",
                                                    "in": 0, "m": {"motion": "zoom-in", ...}}]}, ...]}

`to_draft` writes exactly the documented keys (plus the known optional segment metadata
keys below when they differ from their defaults); `from_draft` ignores unknown keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from reelforge.errors import InvalidTimeline
from reelforge.timeline.model import (
    ROLE_KIND,
    Asset,
    AudioSegment,
    Role,
    TextSegment,
    Timeline,
    Track,
    TrackKind,
    VideoSegment,
    _explain,
)

TRACK_TYPE = {TrackKind.VIDEO: 0, TrackKind.AUDIO: 1, TrackKind.TEXT: 7}
TRACK_KIND = {v: k for k, v in TRACK_TYPE.items()}

# draft "m" key -> segment field, per segment kind. Keys listed first are always written.
_VIDEO_META = {"motion": "motion", "transition": "transition", "td": "transition_ms",
               "speed": "speed", "mute": "mute", "vol": "volume", "fit": "fit", "focus": "focus", "subj": "subject",
               "pos": "position", "scale": "scale", "opacity": "opacity"}
_VIDEO_ALWAYS = ("motion", "transition", "td")
_AUDIO_META = {"vol": "volume", "duck": "duck", "fi": "fade_in_ms", "fo": "fade_out_ms", "loop": "loop"}
_AUDIO_ALWAYS = ("vol",)
_TEXT_META = {"text": "text", "pos": "position", "size": "size", "color": "color",
              "bg": "background", "bold": "bold", "fi": "fade_in_ms", "fo": "fade_out_ms",
              "shot": "shot"}
_TEXT_ALWAYS = ("text", "pos")

_META = {VideoSegment: (_VIDEO_META, _VIDEO_ALWAYS), AudioSegment: (_AUDIO_META, _AUDIO_ALWAYS),
         TextSegment: (_TEXT_META, _TEXT_ALWAYS)}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value.value if hasattr(value, "value") else value


def _segment_meta(seg) -> dict[str, Any]:
    mapping, always = _META[type(seg)]
    defaults = type(seg).model_fields
    out: dict[str, Any] = {}
    for key, field in mapping.items():
        value = getattr(seg, field)
        if key in always or value != defaults[field].default:
            out[key] = _plain(value)
    return out


def to_draft(timeline: Timeline) -> dict[str, Any]:
    """Compact draft dict of a timeline."""
    tracks = []
    for track in timeline.tracks:
        segs = []
        for seg in track.segments:
            item: dict[str, Any] = {"s": seg.start, "d": seg.duration}
            if not isinstance(seg, TextSegment):
                item.update({"src": seg.src, "n": seg.name, "in": seg.in_ms})
            item["m"] = _segment_meta(seg)
            segs.append(item)
        tracks.append({"tt": TRACK_TYPE[track.kind], "m": {"role": track.role.value}, "sg": segs})
    meta: dict[str, Any] = {"w": timeline.width, "h": timeline.height, "fps": timeline.fps}
    if timeline.style != Timeline.model_fields["style"].default:
        meta["style"] = timeline.style
    return {"d": timeline.duration, "m": meta, "t": tracks}


def _default_role(kind: TrackKind, index: int) -> Role:
    return {TrackKind.VIDEO: Role.MAIN if index == 0 else Role.OVERLAY,
            TrackKind.AUDIO: Role.VOICE if index == 0 else Role.MUSIC,
            TrackKind.TEXT: Role.TITLE if index == 0 else Role.CAPTION}[kind]


def from_draft(draft: Mapping[str, Any], assets: Iterable[Asset] = (),
               base: Timeline | None = None) -> Timeline:
    """Timeline from a compact draft. ``assets`` (or ``base.assets``) resolve ``src`` ids.

    Fields the draft does not carry (background, loudness) come from ``base`` when given.
    Unknown keys are ignored. Raises `InvalidTimeline` with a readable message.
    """
    try:
        return _from_draft(draft, tuple(assets) or (base.assets if base else ()), base)
    except ValidationError as exc:
        raise InvalidTimeline(_explain(exc)) from exc
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, InvalidTimeline):
            raise
        raise InvalidTimeline(f"invalid draft: {exc!r}") from exc


def _from_draft(draft: Mapping[str, Any], assets: tuple[Asset, ...], base: Timeline | None) -> Timeline:
    if not isinstance(draft, Mapping):
        raise InvalidTimeline("invalid draft: expected a JSON object")
    meta = draft.get("m") or {}
    used = set()
    tracks = []
    per_kind: dict[TrackKind, int] = {}
    for ti, t in enumerate(draft.get("t") or []):
        kind = TRACK_KIND.get(t.get("tt"))
        if kind is None:
            raise InvalidTimeline(f"invalid draft: track {ti} has unknown type tt={t.get('tt')!r} (0 video, 1 audio, 7 text)")
        index = per_kind.get(kind, 0)
        per_kind[kind] = index + 1
        role_name = (t.get("m") or {}).get("role")
        try:
            role = Role(role_name) if role_name else _default_role(kind, index)
        except ValueError:
            raise InvalidTimeline(f"invalid draft: track {ti} has unknown role {role_name!r}") from None
        if ROLE_KIND[role] is not kind:
            raise InvalidTimeline(f"invalid draft: role {role.value} does not belong on a {kind.value} track")
        cls = {TrackKind.VIDEO: VideoSegment, TrackKind.AUDIO: AudioSegment, TrackKind.TEXT: TextSegment}[kind]
        mapping = _META[cls][0]
        segs = []
        for si, sg in enumerate(t.get("sg") or []):
            fields: dict[str, Any] = {"id": f"{kind.value[0]}{ti + 1}-{si + 1}", "start": sg["s"], "duration": sg["d"]}
            if cls is not TextSegment:
                fields.update(src=sg["src"], name=sg.get("n") or "", in_ms=sg.get("in", 0))
                used.add(sg["src"])
            for key, value in (sg.get("m") or {}).items():
                if key in mapping:
                    fields[mapping[key]] = value
            segs.append(cls.model_validate(fields))
        tracks.append(Track(id=f"{role.value}-{ti + 1}", kind=kind, role=role, segments=tuple(segs)))
    known = {a.id for a in assets}
    missing = sorted(used - known)
    if missing:
        raise InvalidTimeline(f"invalid draft: unknown asset id(s) {', '.join(missing)}")
    extra: dict[str, Any] = {}
    if base is not None:
        extra = {"background": base.background, "loudness": base.loudness, "style": base.style}
    if isinstance(meta.get("style"), str):
        extra["style"] = meta["style"]
    return Timeline.model_validate({
        "duration": draft["d"],
        "width": meta.get("w", base.width if base else 1920),
        "height": meta.get("h", base.height if base else 1080),
        "fps": meta.get("fps", base.fps if base else 30),
        "assets": tuple(a for a in assets if a.id in used) if base is None else assets,
        "tracks": tuple(tracks),
        **extra,
    })
