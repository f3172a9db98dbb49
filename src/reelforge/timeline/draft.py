"""The compact "draft" form of a timeline (DESIGN.md): the wire form agents speak.

    {"d": 30000, "m": {"w": 1920, "h": 1080, "fps": 30},
     "t": [{"tt": 0, "m": {"role": "main"}, "sg": [{"s": 0, "d": 6000, "src": "a3f", "n": "shoe.jpg",
                                                    "in": 0, "m": {"motion": "zoom-in", ...}}]}, ...]}

`to_draft` writes exactly the documented keys (plus the known optional segment metadata
keys below when they differ from their defaults); `from_draft` ignores unknown keys. Input is
read through the typed `Draft` model and checked against `limits.Limits`, so any JSON value
either becomes a timeline or raises `InvalidTimeline` naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reelforge.errors import InvalidTimeline
from reelforge.timeline.limits import DEFAULT, Limits, check_draft_size, check_timeline
from reelforge.timeline.model import (
    MOTION_AMOUNT_MAX,
    MOTION_AMOUNT_MIN,
    ROLE_KIND,
    Asset,
    AssetKind,
    AudioSegment,
    Fit,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
)

TRACK_TYPE = {TrackKind.VIDEO: 0, TrackKind.AUDIO: 1, TrackKind.TEXT: 7}
TRACK_KIND = {v: k for k, v in TRACK_TYPE.items()}

# draft "m" key -> segment field, per segment kind. Keys listed first are always written.
_VIDEO_META = {"motion": "motion", "mamt": "motion_amount", "transition": "transition", "td": "transition_ms",
               "speed": "speed", "mute": "mute", "vol": "volume", "fit": "fit", "lock": "fit_locked", "focus": "focus", "subj": "subject",
               "pos": "position", "scale": "scale", "opacity": "opacity", "bd": "backdrop", "said": "said"}
_VIDEO_ALWAYS = ("motion", "transition", "td")
_AUDIO_META = {"vol": "volume", "duck": "duck", "dd": "duck_depth", "fi": "fade_in_ms", "fo": "fade_out_ms", "loop": "loop",
               "ls": "loop_start_ms", "le": "loop_end_ms"}
_AUDIO_ALWAYS = ("vol",)
_TEXT_META = {"text": "text", "pos": "position", "size": "size", "color": "color",
              "bg": "background", "bc": "box_color", "bold": "bold", "wt": "weight", "fi": "fade_in_ms", "fo": "fade_out_ms",
              "ent": "entrance",
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
    if not timeline.grade.neutral:
        # (an axis at 0 left out: drafts from before it was there read the same)
        meta["grade"] = timeline.grade.model_dump(exclude={k for k in ("warmth", "tint") if not getattr(timeline.grade, k)})
    return {"d": timeline.duration, "m": meta, "t": tracks}


def _default_role(kind: TrackKind, index: int) -> Role:
    return {TrackKind.VIDEO: Role.MAIN if index == 0 else Role.OVERLAY,
            TrackKind.AUDIO: Role.VOICE if index == 0 else Role.MUSIC,
            TrackKind.TEXT: Role.TITLE if index == 0 else Role.CAPTION}[kind]


# -- the typed wire form ----------------------------------------------------------------
# What a client may send, as models: the published JSON Schema of a draft (the API documents
# it, the property tests generate from it) and the first check of any draft, which reports a
# wrong type with its place (``t.0.sg.3.m.motion``). ``null`` means "not given" throughout.
# Bounds that depend on configuration (counts, lengths, duration) live in `limits`.

class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", allow_inf_nan=False)


class DraftGrade(_In):
    saturation: float | None = Field(None, ge=0.0, le=3.0, description="0 = black and white, 1 = as shot")
    brightness: float | None = Field(None, ge=-0.5, le=0.5, description="0 = as shot")
    contrast: float | None = Field(None, ge=0.25, le=3.0, description="1 = as shot")
    warmth: float | None = Field(None, ge=-1.0, le=1.0, description="+1 warm, -1 cool, 0 = as shot")
    tint: float | None = Field(None, ge=-1.0, le=1.0, description="+1 pink, -1 green, 0 = as shot")


class DraftFrame(_In):
    w: int | None = Field(None, ge=16, le=7680, multiple_of=2, description="output width, px")
    h: int | None = Field(None, ge=16, le=7680, multiple_of=2, description="output height, px")
    fps: int | None = Field(None, ge=1, le=120, description="output frame rate")
    style: str | None = Field(None, max_length=32, description="look of text and layout")
    grade: DraftGrade | None = Field(None, description="the pictures' colour")


class DraftSegmentMeta(_In):
    """Kind-specific segment fields; a key that does not apply to the segment's kind is ignored."""

    motion: Motion | None = None
    mamt: float | None = Field(None, ge=MOTION_AMOUNT_MIN, le=MOTION_AMOUNT_MAX,
                               description="how far the motion goes: the share a zoom's view shrinks or a pan's travels "
                                           "(0.12 = the usual)")
    transition: Transition | None = None
    td: int | None = Field(None, ge=0, description="transition duration, ms")
    speed: float | None = None
    mute: bool | None = None
    vol: float | None = Field(None, description="linear gain, 1.0 = unchanged")
    fit: Fit | None = None
    lock: bool | None = Field(None, description="the fit is the user's: framing leaves it")
    focus: tuple[float, float] | None = None
    subj: tuple[float, float, float, float] | None = None
    pos: Position | None = None
    scale: float | None = None
    opacity: float | None = None
    bd: str | None = Field(None, pattern=r"^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$",
                           description="the plain colour under a picture's transparency (a logo end card)")
    said: str | None = Field(None, max_length=80, description="what the user called the shot (\"the peonies\")")
    duck: bool | None = None
    dd: float | None = Field(None, ge=0.5, le=4.0, description="how far ducked music steps back (1 = the usual)")
    fi: int | None = Field(None, ge=0, description="fade in, ms")
    fo: int | None = Field(None, ge=0, description="fade out, ms")
    loop: bool | None = None
    ls: int | None = Field(None, ge=0, description="where each repeat of a loop starts in the source, ms")
    le: int | None = Field(None, ge=0, description="where a loop wraps back to ls, ms (none = the source's end)")
    wt: int | None = Field(None, ge=100, le=900, description="font weight asked for (none = the style's)")
    text: str | None = Field(None, min_length=1)
    size: TextSize | None = None
    color: str | None = None
    bg: TextBackground | None = None
    bc: str | None = Field(None, description="colour of a text's box, #RRGGBB or #RRGGBBAA (none = the usual dark box)")
    bold: bool | None = None
    ent: Literal["fade", "slide", "scale"] | None = Field(None, description="how a text comes in (none = the style's)")
    shot: str | None = Field(None, max_length=200)


class DraftSegment(_In):
    s: int = Field(ge=0, description="start on the timeline, ms")
    d: int = Field(gt=0, description="duration, ms")
    src: str | None = Field(None, min_length=1, max_length=200, description="asset id (video and audio)")
    n: str | None = Field(None, max_length=1000, description="original file name")
    in_: int | None = Field(None, alias="in", ge=0, description="in-point in the source, ms")
    m: DraftSegmentMeta | None = None


class DraftTrackMeta(_In):
    role: Role | None = None


class DraftTrack(_In):
    tt: Literal[0, 1, 7] = Field(description="0 video, 1 audio, 7 text")
    m: DraftTrackMeta | None = None
    sg: list[DraftSegment] | None = None


class Draft(_In):
    """The compact draft as a client sends it (unknown keys ignored)."""

    d: int = Field(gt=0, description="total duration, ms")
    m: DraftFrame | None = None
    t: list[DraftTrack] | None = Field(None, description="tracks, bottom layer first")


def draft_schema() -> dict[str, Any]:
    """JSON Schema of the draft a client may send."""
    return Draft.model_json_schema()


def parse_draft(draft: Any, limits: Limits = DEFAULT) -> Draft:
    """A raw draft (any JSON value) checked against ``limits`` and typed; `InvalidTimeline`
    naming the field otherwise."""
    if isinstance(draft, Draft):
        return draft
    if not isinstance(draft, Mapping):
        raise InvalidTimeline("invalid draft: expected a JSON object")
    check_draft_size(draft, limits)
    try:
        return Draft.model_validate(draft)
    except ValidationError as exc:
        raise InvalidTimeline(_explain_draft(exc)) from None


def from_draft(draft: Mapping[str, Any] | Draft, assets: Iterable[Asset] = (),
               base: Timeline | None = None, limits: Limits = DEFAULT) -> Timeline:
    """Timeline from a compact draft. ``assets`` (or ``base.assets``) resolve ``src`` ids.

    Fields the draft does not carry (background, loudness) come from ``base`` when given.
    Unknown keys are ignored. Raises `InvalidTimeline` with a readable message naming the
    field, for any input (wrong types and shapes included) and past ``limits``.
    """
    typed = parse_draft(draft, limits)
    timeline = _from_draft(typed, tuple(assets) or (base.assets if base else ()), base)
    check_timeline(timeline, limits)
    _check_frames(timeline)
    return timeline


def _check_frames(tl: Timeline) -> None:
    """The video and each picture or text in it must cover a whole frame, as the render counts them
    (nearest frame of each edge): a draft 1 ms long, or a segment of ``"d": true``, was queued
    (credits reserved) and failed in the worker ("shorter than one frame")."""
    def frame(ms: int) -> int:
        return (ms * tl.fps + 500) // 1000

    if frame(tl.duration) <= 0:
        raise InvalidTimeline(f"invalid draft: d: {tl.duration} ms is shorter than one frame at {tl.fps} fps")
    for ti, track in enumerate(tl.tracks):
        if track.kind is TrackKind.AUDIO:
            continue
        for si, seg in enumerate(track.segments):
            if frame(seg.end) - frame(seg.start) <= 0:
                raise InvalidTimeline(f"invalid draft: t[{ti}].sg[{si}].d: {seg.duration} ms is shorter than one "
                                      f"frame at {tl.fps} fps")


def _given(model: BaseModel) -> dict[str, Any]:
    """The fields a client set to something (``null`` counts as not given)."""
    return {k: getattr(model, k) for k in model.model_fields_set if getattr(model, k) is not None}


_SEG_KEYS = {"start": "s", "duration": "d", "src": "src", "name": "n", "in_ms": "in"}


def _where(loc: tuple, prefix: str = "", keys: Mapping[str, str] | None = None) -> str:
    """``("t", 0, "sg", 3, "m", "motion")`` -> ``t[0].sg[3].m.motion``."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif keys is not None and part in keys:
            out += ("." if out else "") + keys[part]
        else:
            out += ("." if out else "") + str(part)
    return out or "draft"


def _explain_draft(exc: ValidationError, prefix: str = "", keys: Mapping[str, str] | None = None) -> str:
    parts = []
    for err in exc.errors()[:5]:
        msg = err["msg"].removeprefix("Value error, ")
        parts.append(f"{_where(tuple(err['loc']), prefix, keys)}: {msg}")
    return "invalid draft: " + "; ".join(parts)


def _build(where: str, build, *args, keys: Mapping[str, str] | None = None, **kwargs):
    try:
        return build(*args, **kwargs)
    except ValidationError as exc:
        raise InvalidTimeline(_explain_draft(exc, where, keys)) from None


def _check_in_point(where: str, in_ms: int, asset: Asset | None, frame_ms: int) -> None:
    """A video clip's in-point must leave at least one frame of the clip: past its end the
    render was queued (credits reserved) and failed in the worker ('chunk 0 has 0 frames')."""
    if asset is None or asset.kind is not AssetKind.VIDEO or not asset.duration_ms:
        return
    if asset.duration_ms - in_ms < frame_ms:
        raise InvalidTimeline(f"invalid draft: {where}.in: {in_ms} ms is at or past the end of "
                              f"{asset.name or asset.id} ({asset.duration_ms} ms long)")


_TRACK_TAKES = {TrackKind.VIDEO: (AssetKind.IMAGE, AssetKind.VIDEO), TrackKind.AUDIO: (AssetKind.AUDIO, AssetKind.VIDEO)}


def _check_source(where: str, kind: TrackKind, in_ms: int, asset: Asset | None, frame_ms: int) -> None:
    """What a segment plays must suit its track and leave something to play: an audio file on a
    video track, a picture on an audio track or an audio in-point past the file's end were queued
    (credits reserved) and failed in the worker with ffmpeg's words, or rendered silence."""
    if asset is None:
        return  # an unknown id: said once for all of them
    label = asset.name or asset.id
    if asset.kind not in _TRACK_TAKES[kind]:
        wants = "a picture or a clip" if kind is TrackKind.VIDEO else "an audio file or a clip with sound"
        what = {AssetKind.IMAGE: "a picture", AssetKind.AUDIO: "an audio file", AssetKind.VIDEO: "a clip"}[asset.kind]
        raise InvalidTimeline(f"invalid draft: {where}.src: {label} is {what}; "
                              f"{'an audio' if kind is TrackKind.AUDIO else 'a video'} track needs {wants}")
    if kind is TrackKind.AUDIO and asset.kind is AssetKind.VIDEO and asset.has_audio is False:
        raise InvalidTimeline(f"invalid draft: {where}.src: {label} has no sound; an audio track needs sound")
    if kind is TrackKind.VIDEO:
        _check_in_point(where, in_ms, asset, frame_ms)
    elif asset.duration_ms and in_ms >= asset.duration_ms:
        raise InvalidTimeline(f"invalid draft: {where}.in: {in_ms} ms is at or past the end of "
                              f"{label} ({asset.duration_ms} ms long)")


def _from_draft(draft: Draft, assets: tuple[Asset, ...], base: Timeline | None) -> Timeline:
    meta = draft.m or DraftFrame()
    used: set[str] = set()
    by_id = {a.id: a for a in assets}
    frame_ms = -(-1000 // (meta.fps or (base.fps if base else 30)))   # one output frame, rounded up
    tracks = []
    per_kind: dict[TrackKind, int] = {}
    for ti, t in enumerate(draft.t or []):
        kind = TRACK_KIND[t.tt]
        index = per_kind.get(kind, 0)
        per_kind[kind] = index + 1
        role = (t.m.role if t.m else None) or _default_role(kind, index)
        if ROLE_KIND[role] is not kind:
            raise InvalidTimeline(f"invalid draft: t[{ti}].m.role: role {role.value} does not "
                                  f"belong on a {kind.value} track")
        cls = {TrackKind.VIDEO: VideoSegment, TrackKind.AUDIO: AudioSegment, TrackKind.TEXT: TextSegment}[kind]
        mapping = _META[cls][0]
        segs = []
        for si, sg in enumerate(t.sg or []):
            where = f"t[{ti}].sg[{si}]"
            fields: dict[str, Any] = {"id": f"{kind.value[0]}{ti + 1}-{si + 1}", "start": sg.s, "duration": sg.d}
            if cls is not TextSegment:
                if not sg.src:
                    raise InvalidTimeline(f"invalid draft: {where}.src: an asset id is required "
                                          f"on a {kind.value} track")
                fields.update(src=sg.src, name=sg.n or "", in_ms=sg.in_ or 0)
                used.add(sg.src)
                _check_source(where, kind, sg.in_ or 0, by_id.get(sg.src), frame_ms)
            for key, value in _given(sg.m or DraftSegmentMeta()).items():
                if key in mapping:
                    fields[mapping[key]] = value
            keys = {**_SEG_KEYS, **{f: "m." + k for k, f in mapping.items()}}
            segs.append(_build(where, cls.model_validate, fields, keys=keys))
        tracks.append(_build(f"t[{ti}]", Track, id=f"{role.value}-{ti + 1}", kind=kind, role=role,
                             segments=tuple(segs)))
    known = {a.id for a in assets}
    missing = sorted(used - known)
    if missing:
        raise InvalidTimeline(f"invalid draft: unknown asset id(s) {', '.join(missing)}")
    extra: dict[str, Any] = {}
    if base is not None:
        extra = {"background": base.background, "loudness": base.loudness, "style": base.style,
                 "grade": base.grade, "fade_in_ms": base.fade_in_ms, "fade_out_ms": base.fade_out_ms}
    if meta.style is not None:
        extra["style"] = meta.style
    if meta.grade is not None:
        extra["grade"] = {k: v for k, v in meta.grade.model_dump().items() if v is not None}
    return _build("", Timeline.model_validate, {
        "duration": draft.d,
        "width": meta.w or (base.width if base else 1920),
        "height": meta.h or (base.height if base else 1080),
        "fps": meta.fps or (base.fps if base else 30),
        "assets": tuple(a for a in assets if a.id in used) if base is None else assets,
        "tracks": tuple(tracks),
        **extra,
    })
