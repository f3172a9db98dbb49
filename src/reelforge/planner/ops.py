"""The closed, typed set of edit operations both planners emit.

Every op is a frozen Pydantic model with a literal ``op`` field; `Op` is their discriminated
union and `parse_ops` validates a list of plain dicts (e.g. from an LLM tool call) into ops.
`reelforge.planner.apply.apply(timeline, ops)` is the one place that executes them.

Conventions
- Times are integer milliseconds.
- Segments are addressed by a `Target`: a track role plus one of ``index`` (0-based, negative
  counts from the end: -1 = the last), ``name`` (part of the source file name or of the text),
  ``at_ms`` (the segment showing at that time) or ``id``. ``kind`` narrows the index to stills
  ("the second image") or clips ("the last clip").
- Volumes are linear gains (1.0 = unchanged). Planners convert % and dB before emitting.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from reelforge.errors import PlanError
from reelforge.timeline.model import (
    Fit,
    Motion,
    Position,
    Role,
    TextBackground,
    TextSize,
    Transition,
)

Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$", description="#RRGGBB")]
Ms = Annotated[int, Field(ge=0, description="milliseconds")]
PositiveMs = Annotated[int, Field(gt=0, description="milliseconds, > 0")]


class _Op(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Target(_Op):
    """Which segment an op acts on. Exactly one of index/name/at_ms/id should be set."""

    role: Role = Field(Role.MAIN, description="track role: main (video), title, caption, cta, music, voice, overlay, logo")
    index: int | None = Field(None, description="0-based position on the track; -1 = last, -2 = second to last")
    kind: Literal["image", "video"] | None = Field(
        None, description="count only stills (image) or only moving clips (video) when using index")
    name: str | None = Field(None, description="part of the source file name, or of the text for text tracks")
    at_ms: Ms | None = Field(None, description="the segment visible at this time on the timeline")
    id: str | None = Field(None, description="segment id")

    def describe(self) -> str:
        what = {"image": "image", "video": "clip"}.get(self.kind or "", "segment" if self.role is Role.MAIN else self.role.value)
        if self.id is not None:
            return f"segment {self.id}"
        if self.name is not None:
            return f'the {what} "{self.name}"'
        if self.at_ms is not None:
            return f"the {what} at {fmt_ms(self.at_ms)}"
        if self.index is not None:
            return f"the {ordinal(self.index)} {what}"
        return f"the {what}"


def fmt_ms(ms: int) -> str:
    s = ms / 1000
    return f"{s:g}s"


def ordinal(index: int) -> str:
    if index == -1:
        return "last"
    if index < 0:
        return f"{ordinal(-index - 1)}-to-last" if index != -2 else "second-to-last"
    n = index + 1
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
             7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}
    if n in words:
        return words[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Timing(_Op):
    """When a text shows. ``anchor="end"`` places it so it ends with the video."""

    start_ms: Ms = 0
    duration_ms: PositiveMs | None = Field(None, description="None = until the end of the video")
    anchor: Literal["start", "end"] = "start"


# -- segments on the main track ------------------------------------------------------------
class AddSegment(_Op):
    op: Literal["add_segment"] = "add_segment"
    asset_id: str = Field(min_length=1, description="id of an asset in the media library")
    after: Target | None = None
    before: Target | None = None
    duration_ms: PositiveMs | None = Field(None, description="None = the clip's length, or 3 s for a still")


class RemoveSegment(_Op):
    op: Literal["remove_segment"] = "remove_segment"
    target: Target


class MoveSegment(_Op):
    op: Literal["move_segment"] = "move_segment"
    target: Target
    to_index: int | None = Field(None, description="final 0-based position; -1 = the end")
    after: Target | None = None
    before: Target | None = None


class SwapSegments(_Op):
    op: Literal["swap_segments"] = "swap_segments"
    a: Target
    b: Target


class ReverseOrder(_Op):
    op: Literal["reverse_order"] = "reverse_order"


class ReplaceSource(_Op):
    op: Literal["replace_source"] = "replace_source"
    target: Target
    asset_id: str = Field(min_length=1)


class TrimSegment(_Op):
    """Cut time off the head and/or tail of a segment (the source in-point moves for a head trim)."""

    op: Literal["trim_segment"] = "trim_segment"
    target: Target
    head_ms: Ms = 0
    tail_ms: Ms = 0


class SetSegmentDuration(_Op):
    op: Literal["set_segment_duration"] = "set_segment_duration"
    target: Target
    duration_ms: PositiveMs


class SetTotalDuration(_Op):
    """Make the whole video this long; the main track is refit proportionally."""

    op: Literal["set_total_duration"] = "set_total_duration"
    duration_ms: PositiveMs


class FitToVoice(_Op):
    """Make the video as long as the voiceover (plus a short tail)."""

    op: Literal["fit_to_voice"] = "fit_to_voice"


class SetSpeed(_Op):
    op: Literal["set_speed"] = "set_speed"
    target: Target | None = Field(None, description="None = every video clip")
    speed: float = Field(ge=0.25, le=4.0)


class SetClipAudio(_Op):
    op: Literal["set_clip_audio"] = "set_clip_audio"
    target: Target | None = Field(None, description="None = every clip")
    mute: bool


# -- text --------------------------------------------------------------------------------------
TextRole = Literal["title", "caption", "cta"]


class AddText(_Op):
    op: Literal["add_text"] = "add_text"
    text: str = Field(min_length=1)
    role: TextRole = "title"
    timing: Timing = Timing()
    position: Position | None = None
    size: TextSize | None = None
    color: Color | None = None
    background: TextBackground | None = None


class UpdateText(_Op):
    op: Literal["update_text"] = "update_text"
    target: Target = Target(role=Role.TITLE, index=0)
    text: str | None = Field(None, min_length=1)
    position: Position | None = None
    size: TextSize | None = None
    color: Color | None = None
    background: TextBackground | None = None
    timing: Timing | None = None


class RemoveText(_Op):
    op: Literal["remove_text"] = "remove_text"
    target: Target | None = Field(None, description="None = every text segment of `role`")
    role: TextRole | None = Field(None, description="with no target: remove all text of this role (None = all text)")


# -- audio -------------------------------------------------------------------------------------
AudioRole = Literal["music", "voice", "main", "sfx"]


class SetVolume(_Op):
    """Set (``volume``) or scale (``factor``) the gain of a track's audio. main = the clips' own sound."""

    op: Literal["set_volume"] = "set_volume"
    role: AudioRole = "music"
    volume: float | None = Field(None, ge=0.0, le=4.0, description="linear gain to set")
    factor: float | None = Field(None, gt=0.0, le=16.0, description="multiply the current gain")


class SetFade(_Op):
    op: Literal["set_fade"] = "set_fade"
    role: AudioRole = "music"
    fade_in_ms: Ms | None = None
    fade_out_ms: Ms | None = None


class SetDuck(_Op):
    op: Literal["set_duck"] = "set_duck"
    on: bool = True


class RemoveTrack(_Op):
    op: Literal["remove_track"] = "remove_track"
    role: Role


class ReplaceMusic(_Op):
    op: Literal["replace_music"] = "replace_music"
    asset_id: str = Field(min_length=1)


# -- look ------------------------------------------------------------------------------------
class SetTransition(_Op):
    op: Literal["set_transition"] = "set_transition"
    target: Target | None = Field(None, description="the segment the transition leads INTO; None = all")
    kind: Transition
    duration_ms: Ms | None = Field(None, description="None = keep / 500 ms default")


class SetMotion(_Op):
    op: Literal["set_motion"] = "set_motion"
    target: Target | None = Field(None, description="None = every still")
    motion: Motion | Literal["auto"] = Field(description="'none' = off; 'auto' = vary the Ken Burns moves")


class SetFrame(_Op):
    op: Literal["set_frame"] = "set_frame"
    aspect: Literal["16:9", "9:16", "1:1", "4:5"] | None = None
    resolution: Literal["480p", "720p", "1080p", "1440p", "4k"] | None = None


class SetFit(_Op):
    op: Literal["set_fit"] = "set_fit"
    target: Target | None = None
    fit: Fit


class SetBackground(_Op):
    """Colour (or blur) behind a source that does not fill the frame."""

    op: Literal["set_background"] = "set_background"
    color: Color | None = None
    blur: bool = False


class AddLogo(_Op):
    op: Literal["add_logo"] = "add_logo"
    asset_id: str = Field(min_length=1)
    position: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "bottom-right"
    scale: float = Field(0.15, gt=0.0, le=1.0)
    opacity: float = Field(1.0, ge=0.0, le=1.0)


class Undo(_Op):
    op: Literal["undo"] = "undo"


class Redo(_Op):
    op: Literal["redo"] = "redo"


OP_TYPES: tuple[type[_Op], ...] = (
    AddSegment, RemoveSegment, MoveSegment, SwapSegments, ReverseOrder, ReplaceSource, TrimSegment,
    SetSegmentDuration, SetTotalDuration, FitToVoice, SetSpeed, SetClipAudio, AddText, UpdateText,
    RemoveText, SetVolume, SetFade, SetDuck, RemoveTrack, ReplaceMusic, SetTransition, SetMotion,
    SetFrame, SetFit, SetBackground, AddLogo, Undo, Redo,
)

Op = Annotated[AddSegment | RemoveSegment | MoveSegment | SwapSegments | ReverseOrder | ReplaceSource | TrimSegment | SetSegmentDuration | SetTotalDuration | FitToVoice | SetSpeed | SetClipAudio | AddText | UpdateText | RemoveText | SetVolume | SetFade | SetDuck | RemoveTrack | ReplaceMusic | SetTransition | SetMotion | SetFrame | SetFit | SetBackground | AddLogo | Undo | Redo, Field(discriminator="op")]

_OPS = TypeAdapter(list[Op])
_OP = TypeAdapter(Op)


class OpList(BaseModel):
    """The LLM tool's argument object."""

    model_config = ConfigDict(extra="forbid")
    ops: list[Op] = Field(description="edit operations, applied in order")


def parse_op(data: Any) -> Op:
    try:
        return _OP.validate_python(data)
    except ValidationError as exc:
        raise PlanError(f"invalid edit op: {_brief(exc)}") from exc


def parse_ops(data: Any) -> list[Op]:
    """Validate plain data (a list of dicts) into ops, raising `PlanError` with a short reason."""
    try:
        return _OPS.validate_python(data)
    except ValidationError as exc:
        raise PlanError(f"invalid edit ops: {_brief(exc)}") from exc


def dump_ops(ops: list[Op] | tuple[Op, ...]) -> list[dict[str, Any]]:
    """Ops as plain JSON-able dicts (defaults left out: compact and comparable)."""
    return [o.model_dump(mode="json", exclude_defaults=True) | {"op": o.op} for o in ops]


def ops_json_schema() -> dict[str, Any]:
    """JSON Schema of ``{"ops": [...]}`` — the parameters of the LLM tool."""
    return OpList.model_json_schema()


def _brief(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"])
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)
