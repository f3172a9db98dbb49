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

import unicodedata
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from reelforge.errors import PlanError
from reelforge.planner.bed import music_bed
from reelforge.timeline.model import (
    GRADE_LOOKS,
    MOTION_AMOUNT,
    MOTION_AMOUNT_MAX,
    MOTION_AMOUNT_MIN,
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


def _visible(text: str) -> str:
    """A text to draw must show something: only spaces and invisible characters (zero-width
    spaces, joiners, direction marks, a byte-order mark) were taken and "Added" as a title that
    drew nothing."""
    if not any(not unicodedata.category(ch).startswith(("C", "Z", "M")) for ch in text):
        raise ValueError(NO_VISIBLE)
    return text


NO_VISIBLE = "the text has no visible character"
BOLD_WEIGHT = 800  # "make the text bold", "bold text": heavier than the clean style's semi-bold
ShownText = Annotated[str, AfterValidator(_visible)]  # (empty too: nothing visible)


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

    def describe(self, noun: str = "segment") -> str:
        what = {"image": "image", "video": "clip"}.get(self.kind or "", noun if self.role is Role.MAIN else self.role.value)
        if self.id is not None:
            return f"segment {self.id}"
        if self.name is not None:
            return f'the {what} "{" / ".join(self.name.splitlines())}"'
        if self.at_ms is not None:
            return f"the {what} at {fmt_ms(self.at_ms)}"
        if self.index is not None:
            return f"the {ordinal(self.index)} {what}"
        return f"the {what}"


def fmt_ms(ms: int) -> str:
    s = ms / 1000
    return f"{s:g}s"


_LOOK_WORDS = {"vintage": ("vintage look (muted, warm, softer contrast)", "复古色调（低饱和、暖色、柔和对比）"),
               "sepia": ("sepia", "怀旧棕色")}


def grade_words(g: Any, *, zh: bool = False) -> str:
    """A colour setting in words ("black and white, brighter (+0.08)"); fields left None are skipped."""
    for name, look in GRADE_LOOKS.items():
        if all(getattr(g, k, None) == v for k, v in look.items()):
            return _LOOK_WORDS[name][1 if zh else 0]
    parts = []
    if g.saturation is not None:
        if g.saturation == 0:
            parts.append("黑白" if zh else "black and white")
        elif g.saturation == 1:
            parts.append("原本的色彩" if zh else "colours as shot")
        else:
            parts.append(f"饱和度{g.saturation:.0%}" if zh else f"saturation {g.saturation:.0%}")
    if g.brightness is not None:
        if g.brightness == 0:
            parts.append("原本的亮度" if zh else "brightness as shot")
        else:
            word = ("更亮" if g.brightness > 0 else "更暗") if zh else ("brighter" if g.brightness > 0 else "darker")
            parts.append(f"{word} ({g.brightness:+.2f})")
    if g.contrast is not None:
        parts.append(f"对比度{g.contrast:.0%}" if zh else
                     ("contrast as shot" if g.contrast == 1 else f"contrast {g.contrast:.0%}"))
    if getattr(g, "warmth", None) is not None:
        if g.warmth == 0:
            parts.append("原本的色温" if zh else "white balance as shot")
        else:
            word = ("暖色调" if g.warmth > 0 else "冷色调") if zh else ("warmer" if g.warmth > 0 else "cooler")
            parts.append(f"{word} ({g.warmth:+.2f})")
    return ("，" if zh else ", ").join(parts)


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


class ReorderSegments(_Op):
    """New order of the main track: 0-based current positions; unlisted shots follow in their order."""

    op: Literal["reorder_segments"] = "reorder_segments"
    order: list[Annotated[int, Field(ge=0)]] = Field(min_length=1)


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
    text: ShownText
    role: TextRole = "title"
    timing: Timing = Timing()
    shot: Target | None = Field(None, description="show it while this main-track shot is on screen (instead "
                                                  "of `timing`); a caption then moves, trims and goes with that shot")
    position: Position | None = None
    size: TextSize | None = None
    color: Color | None = None
    background: TextBackground | None = None
    box_color: Color | None = Field(None, description="colour of the box behind the text (a box is drawn: "
                                                      "background box unless another is given)")


class UpdateText(_Op):
    op: Literal["update_text"] = "update_text"
    target: Target = Target(role=Role.TITLE, index=0)
    text: ShownText | None = None
    position: Position | None = None
    size: TextSize | None = None
    color: Color | None = None
    background: TextBackground | None = None
    box_color: Color | None = Field(None, description="colour of the box behind the text (a box is drawn: "
                                                      "background box unless another is given); None = keep")
    timing: Timing | None = None
    bold: bool | None = Field(None, description="True: a heavy weight (800, or the style's when heavier); "
                                                "False: regular weight; None = keep")
    fade_in_ms: Ms | None = Field(None, le=5000, description="how long the text takes to come in (0 = at once); None = keep")
    fade_out_ms: Ms | None = Field(None, le=5000, description="how long it takes to go; None = keep")
    entrance: Literal["fade", "slide", "scale"] | None = Field(None, description="how it comes in: fades, slides up "
                                                                                  "or scales in; None = keep")


class RemoveText(_Op):
    op: Literal["remove_text"] = "remove_text"
    target: Target | None = Field(None, description="None = every text segment of `role`")
    role: TextRole | None = Field(None, description="with no target: remove all text of this role (None = all text)")


# -- audio -------------------------------------------------------------------------------------
AudioRole = Literal["music", "voice", "main", "sfx"]


class Span(_Op):
    """A range of timeline time ("for the last 5 seconds", "from 0:10 to 0:15", "前3秒")."""

    start_ms: Ms
    end_ms: PositiveMs


class SetVolume(_Op):
    """Set (``volume``) or scale (``factor``) the gain of a track's audio. main = the clips' own sound.
    With ``span`` only that range of time changes (the track's segments are split at its ends)."""

    op: Literal["set_volume"] = "set_volume"
    role: AudioRole = "music"
    volume: float | None = Field(None, ge=0.0, le=4.0, description="linear gain to set")
    factor: float | None = Field(None, gt=0.0, le=16.0, description="multiply the current gain")
    span: Span | None = Field(None, description="only this range of time (music/voice); None = the whole track")


class SetFade(_Op):
    op: Literal["set_fade"] = "set_fade"
    role: AudioRole = "music"
    fade_in_ms: Ms | None = None
    fade_out_ms: Ms | None = None


class SetDuck(_Op):
    """Duck the music under the voice; with ``span``, only in that range of time (and not elsewhere)."""

    op: Literal["set_duck"] = "set_duck"
    on: bool = True
    depth: float | None = Field(None, ge=0.5, le=4.0, description="how far the music steps back under the voice: "
                                                                 "1 = the usual, higher = further; None = keep")
    span: Span | None = Field(None, description="only this range of time; None = the whole track")


class RemoveTrack(_Op):
    op: Literal["remove_track"] = "remove_track"
    role: Role


class ReplaceMusic(_Op):
    op: Literal["replace_music"] = "replace_music"
    asset_id: str = Field(min_length=1)
    sound: tuple[Ms, Ms] | None = Field(
        None, description="where the music's sound starts and ends in its file, ms (the session measures it): "
                          "the bed starts where the sound does and loops without the silent ends; None = whole")


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


class SetMotionAmount(_Op):
    """How far the stills' zooms and pans go ("subtler zoom", "stronger Ken Burns"): ``amount``
    the share a zoom's view shrinks or a pan's travels over the shot (0.12 = the usual), or
    ``factor`` times each one's own; the direction of each move is kept."""

    op: Literal["set_motion_amount"] = "set_motion_amount"
    target: Target | None = Field(None, description="None = every still that moves")
    amount: float | None = Field(None, ge=MOTION_AMOUNT_MIN, le=MOTION_AMOUNT_MAX)
    factor: float | None = Field(None, gt=0.0, le=4.0, description="e.g. 0.5 = half as far, 2 = twice as far")

    @model_validator(mode="after")
    def _one(self) -> SetMotionAmount:
        if (self.amount is None) == (self.factor is None):
            raise ValueError("give amount or factor")
        return self


class SetFrame(_Op):
    op: Literal["set_frame"] = "set_frame"
    aspect: Literal["16:9", "9:16", "1:1", "4:5"] | None = None
    resolution: Literal["480p", "720p", "1080p", "1440p", "4k"] | None = None
    fps: Literal[24, 25, 30, 50, 60] | None = Field(None, description="frames per second (30 unless asked)")


class SetFit(_Op):
    op: Literal["set_fit"] = "set_fit"
    target: Target | None = None
    fit: Fit


class SetBackground(_Op):
    """Colour (or blur) behind a source that does not fill the frame."""

    op: Literal["set_background"] = "set_background"
    color: Color | None = None
    blur: bool = False


class SetCaptionMode(_Op):
    """Captions drawn on the picture, or delivered only as SRT/WebVTT files beside the export."""

    op: Literal["set_caption_mode"] = "set_caption_mode"
    burn: bool = Field(description="True: burned into the picture; False: separate files only")


class AddLogo(_Op):
    op: Literal["add_logo"] = "add_logo"
    asset_id: str = Field(min_length=1)
    position: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "bottom-right"
    scale: float = Field(0.15, gt=0.0, le=1.0)
    opacity: float = Field(1.0, ge=0.0, le=1.0)
    timing: Timing | None = Field(None, description="when it shows; None = as it does now (a new logo: the whole video)")


# -- AI results, carried as data -------------------------------------------------------------
# The session runs the models (side effects at the edge) and emits these with the results, so
# `apply` stays pure and undo/redo never re-run a model.
Share = Annotated[float, Field(ge=0.0, le=1.0)]


class Cue(_Op):
    """One caption cue on the timeline (already shifted to timeline time)."""

    start_ms: Ms
    end_ms: PositiveMs
    text: str = Field(min_length=1, description="at most two lines, joined by a newline")


class CaptionStyle(_Op):
    position: Position = Position.BOTTOM
    size: TextSize = TextSize.LARGE
    color: Color = "#FFFFFF"
    background: TextBackground = TextBackground.BOX


class SetCaptions(_Op):
    """Replace the caption track with these cues (social style: bottom, large, boxed)."""

    op: Literal["set_captions"] = "set_captions"
    cues: list[Cue] = Field(min_length=1)
    style: CaptionStyle = CaptionStyle()
    source: Literal["voice", "clip", "script"] = "voice"


class AddVoiceover(_Op):
    """Put an audio asset on the voice track (replacing the voiceover there), from ``start_ms``."""

    op: Literal["add_voiceover"] = "add_voiceover"
    asset_id: str = Field(min_length=1)
    start_ms: Ms = 0
    volume: float = Field(1.0, ge=0.0, le=4.0)


class SetFocus(_Op):
    """Subject centre of pictures as shares of the source frame (a cover crop keeps it in view);
    fx/fy None = centre crop."""

    op: Literal["set_focus"] = "set_focus"
    target: Target | None = Field(None, description="None = every shot on the main track")
    fx: Share | None = None
    fy: Share | None = None
    box: tuple[Share, Share, Share, Share] | None = Field(
        None, description="the subject box (x0, y0, x1, y1) as shares of the source: crops, zooms and pans keep it whole")
    core: tuple[Share, Share, Share, Share] | None = Field(
        None, description="the part of the subject box that is surely it (a face), as shares of the source: text keeps "
                          "off it (None = the whole box)")
    fit: Fit | None = Field(None, description="cover, or blur when no crop of the frame's shape can hold the subject")


class SetStyle(_Op):
    """A named look for the whole video: text weight and animation, caption box, transitions
    (see `reelforge.timeline.styles`)."""

    op: Literal["set_style"] = "set_style"
    style: Literal["clean", "bold", "minimal", "playful"]


class SetGrade(_Op):
    """The pictures' colour for the whole video (text and logos keep theirs): the values given
    are set, the rest kept. ("make it black and white", "a bit brighter", "more contrast", "warmer",
    "vintage look")"""

    op: Literal["set_grade"] = "set_grade"
    saturation: float | None = Field(None, ge=0.0, le=3.0, description="0 = black and white, 1 = as shot")
    brightness: float | None = Field(None, ge=-0.5, le=0.5, description="0 = as shot; +0.1 a little brighter")
    contrast: float | None = Field(None, ge=0.25, le=3.0, description="1 = as shot")
    warmth: float | None = Field(None, ge=-1.0, le=1.0, description="white balance: 0 = as shot; +0.3 a little "
                                                                    "warmer (amber), -0.3 a little cooler (blue)")


class SetVideoFade(_Op):
    """The picture fades in from black at the video's start and/or out to black at its end, text and
    logos with it (``0`` = no fade; None = keep). The sound's fades are `SetFade`'s."""

    op: Literal["set_video_fade"] = "set_video_fade"
    fade_in_ms: Ms | None = Field(None, le=60_000)
    fade_out_ms: Ms | None = Field(None, le=60_000)

    @model_validator(mode="after")
    def _one(self) -> SetVideoFade:
        if self.fade_in_ms is None and self.fade_out_ms is None:
            raise ValueError("give fade_in_ms or fade_out_ms")
        return self


class BeatSync(_Op):
    """Re-time the main track so picture changes land on these beats (hard cuts, same length)."""

    op: Literal["beat_sync"] = "beat_sync"
    beat_times_ms: list[Annotated[int, Field(ge=0)]] = Field(min_length=1, description="beats in the music's own time")
    offset_ms: int = Field(0, description="timeline time of the music's 0 ms")
    bpm: float | None = Field(None, gt=0)


class SetInPoint(_Op):
    """Where a clip (or the voiceover) starts in its source, and optionally how long it plays."""

    op: Literal["set_in_point"] = "set_in_point"
    target: Target
    in_ms: Ms
    duration_ms: PositiveMs | None = None


class SetAudioTiming(_Op):
    """When a sound track plays: where its sound starts on the timeline (``start_ms``, or ``by_ms``
    later; negative: earlier) and/or from where in its source (``from_ms``). Its pieces move
    together; the music still ends with the video, and captions timed to the voice move with it.
    ("start the music at 5 seconds", "delay the voiceover by 1 second", "start the song from 0:30")"""

    op: Literal["set_audio_timing"] = "set_audio_timing"
    role: Literal["music", "voice"] = "music"
    start_ms: Ms | None = Field(None, description="the track's sound starts at this time of the video")
    by_ms: int | None = Field(None, ge=-3_600_000, le=3_600_000,
                              description="or: the track plays this much later (negative: earlier)")
    from_ms: Ms | None = Field(None, description="the track plays from this point of its source")

    @model_validator(mode="after")
    def _one_start(self) -> SetAudioTiming:
        if self.start_ms is not None and self.by_ms is not None:
            raise ValueError("give start_ms or by_ms, not both")
        if self.start_ms is None and self.by_ms is None and self.from_ms is None:
            raise ValueError("give start_ms, by_ms or from_ms")
        return self


class ApplyBrand(_Op):
    """A brand kit (validated `reelforge.ai.brand.Brand` data) with its ingested card/logo assets."""

    op: Literal["apply_brand"] = "apply_brand"
    brand: dict[str, Any]
    logo_asset_id: str | None = None
    intro_asset_id: str | None = None
    outro_asset_id: str | None = None


# -- requests the session turns into the data ops above (they run a model) --------------------
class AutoCaptions(_Op):
    op: Literal["auto_captions"] = "auto_captions"
    language: str | None = Field(None, description="en, zh, ...; None = detect")


class Voiceover(_Op):
    op: Literal["voiceover"] = "voiceover"
    text: str | None = Field(None, min_length=1, description="what the voice says")
    script_file: str | None = Field(None, min_length=1, description="a text file with the script")
    language: str | None = None
    captions: bool = False


class SmartReframe(_Op):
    op: Literal["smart_reframe"] = "smart_reframe"
    on: bool = True


class CutToBeat(_Op):
    op: Literal["cut_to_beat"] = "cut_to_beat"


class UseHighlight(_Op):
    op: Literal["use_highlight"] = "use_highlight"
    target: Target | None = Field(None, description="None = every clip longer than its slot")
    seconds: float | None = Field(None, gt=0, le=600, description="None = keep the slot's length")


class TrimSilence(_Op):
    op: Literal["trim_silence"] = "trim_silence"
    role: Literal["voice", "music"] = "voice"


class UseBrand(_Op):
    op: Literal["use_brand"] = "use_brand"
    path: str | None = Field(None, description="brand file; None = the session's / project folder's")


MAX_HISTORY = 50  # steps of history a session keeps (so the most undos an instruction can ask for)


class Undo(_Op):
    op: Literal["undo"] = "undo"


class Redo(_Op):
    op: Literal["redo"] = "redo"


OP_TYPES: tuple[type[_Op], ...] = (
    AddSegment, RemoveSegment, MoveSegment, SwapSegments, ReverseOrder, ReorderSegments, ReplaceSource, TrimSegment,
    SetSegmentDuration, SetTotalDuration, FitToVoice, SetSpeed, SetClipAudio, AddText, UpdateText,
    RemoveText, SetVolume, SetFade, SetDuck, RemoveTrack, ReplaceMusic, SetTransition, SetMotion, SetMotionAmount,
    SetFrame, SetFit, SetBackground, SetCaptionMode, AddLogo, SetCaptions, AddVoiceover, SetFocus, SetStyle, SetGrade, SetVideoFade, BeatSync,
    SetInPoint, SetAudioTiming, ApplyBrand, AutoCaptions, Voiceover, SmartReframe, CutToBeat, UseHighlight, TrimSilence,
    UseBrand, Undo, Redo,
)
# ops the session resolves (by running a model) into data ops before anything is applied
REQUEST_TYPES: tuple[type[_Op], ...] = (AutoCaptions, Voiceover, SmartReframe, CutToBeat, UseHighlight, TrimSilence,
                                        UseBrand)

Op = Annotated[AddSegment | RemoveSegment | MoveSegment | SwapSegments | ReverseOrder | ReorderSegments | ReplaceSource | TrimSegment | SetSegmentDuration | SetTotalDuration | FitToVoice | SetSpeed | SetClipAudio | AddText | UpdateText | RemoveText | SetVolume | SetFade | SetDuck | RemoveTrack | ReplaceMusic | SetTransition | SetMotion | SetMotionAmount | SetFrame | SetFit | SetBackground | SetCaptionMode | AddLogo | SetCaptions | AddVoiceover | SetFocus | SetStyle | SetGrade | SetVideoFade | BeatSync | SetInPoint | SetAudioTiming | ApplyBrand | AutoCaptions | Voiceover | SmartReframe | CutToBeat | UseHighlight | TrimSilence | UseBrand | Undo | Redo, Field(discriminator="op")]

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
        raise PlanError(f"invalid edit op: {brief(exc)}") from exc


def parse_ops(data: Any) -> list[Op]:
    """Validate plain data (a list of dicts) into ops, raising `PlanError` with a short reason."""
    try:
        return _OPS.validate_python(data)
    except ValidationError as exc:
        raise PlanError(f"invalid edit ops: {brief(exc)}") from exc


def dump_ops(ops: list[Op] | tuple[Op, ...]) -> list[dict[str, Any]]:
    """Ops as plain JSON-able dicts (defaults left out: compact and comparable)."""
    return [o.model_dump(mode="json", exclude_defaults=True) | {"op": o.op} for o in ops]


def ops_json_schema() -> dict[str, Any]:
    """JSON Schema of ``{"ops": [...]}`` — the parameters of the LLM tool."""
    return OpList.model_json_schema()


def brief(exc: ValidationError) -> str:
    """A validation error in a line: where and what, for the first three problems."""
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err["loc"])
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


# -- plain words ------------------------------------------------------------------------------
def _pct(v: float) -> str:
    return f"{round(v * 100):d}%"


def _timing_words(t: Timing | None) -> str:
    if t is None:
        return ""
    if t.anchor == "end":
        return f" for the last {fmt_ms(t.duration_ms or 3000)}"
    if t.duration_ms is None:
        return " throughout" if t.start_ms == 0 else f" from {fmt_ms(t.start_ms)} to the end"
    if t.start_ms == 0:
        return f" for the first {fmt_ms(t.duration_ms)}"
    return f" from {fmt_ms(t.start_ms)} to {fmt_ms(t.start_ms + t.duration_ms)}"


def describe(op: Op, names: Mapping[str, str] | None = None) -> str:
    """One short English phrase for an op ("music volume to 20%"); ``names`` maps asset ids to file names."""
    o: Any = op

    def an(asset_id: str) -> str:
        return (names or {}).get(asset_id, asset_id)
    role_words = {"music": "music", "voice": "voiceover", "main": "clips' own sound", "sfx": "sound effects"}
    match o.op:
        case "add_segment":
            where = f" after {o.after.describe()}" if o.after else f" before {o.before.describe()}" if o.before else " at the end"
            return f"added {an(o.asset_id)}{where}"
        case "remove_segment":
            return f"removed {o.target.describe()}"
        case "move_segment":
            if o.after:
                dest = f"after {o.after.describe()}"
            elif o.before:
                dest = f"before {o.before.describe()}"
            else:
                dest = "to the end" if o.to_index in (None, -1) else "to the start" if o.to_index == 0 else f"to position {o.to_index + 1}"
            return f"moved {o.target.describe()} {dest}"
        case "swap_segments":
            return f"swapped {o.a.describe()} and {o.b.describe()}"
        case "reverse_order":
            return "reversed the order of the shots"
        case "reorder_segments":
            return "new order of the shots: " + ", ".join(str(i + 1) for i in o.order)
        case "replace_source":
            return f"replaced {o.target.describe()} with {an(o.asset_id)}"
        case "trim_segment":
            parts = [f"{fmt_ms(o.head_ms)} off the start"] if o.head_ms else []
            parts += [f"{fmt_ms(o.tail_ms)} off the end"] if o.tail_ms else []
            return f"trimmed {' and '.join(parts) or 'nothing'} of {o.target.describe()}"
        case "set_segment_duration":
            return f"{o.target.describe()} now lasts {fmt_ms(o.duration_ms)}"
        case "set_total_duration":
            return f"video length set to {fmt_ms(o.duration_ms)}"
        case "fit_to_voice":
            return "video length fitted to the voiceover"
        case "set_speed":
            return f"{o.target.describe() if o.target else 'video clips'} at {o.speed:g}x speed"
        case "set_clip_audio":
            what = o.target.describe("clip") if o.target else "the clips"
            return f"{'muted' if o.mute else 'kept the sound of'} {what}"
        case "add_text":
            when = f" over {o.shot.describe('shot')}" if o.shot else _timing_words(o.timing)
            box = f" on a {_COLOR_EN.get(o.box_color.upper(), o.box_color)} box" if o.box_color else ""
            return f'added {"call to action" if o.role == "cta" else o.role} "{o.text}"{box}{when}'
        case "update_text":
            changes = []
            if o.text:  # a line break said as " / " (the reply is one line)
                changes.append(f'text to "{" / ".join(o.text.splitlines())}"')
            if o.position:
                changes.append(f"position {o.position.value}")
            if o.size:
                changes.append(f"size {o.size.value}")
            if o.box_color:  # "white box" (a box said by its colour: not "background box" too)
                changes.append(f"{_COLOR_EN.get(o.box_color.upper(), o.box_color)} box")
            if o.color:  # beside a box's colour: the letters'
                changes.append(f"{'text' if o.box_color else 'colour'} {_COLOR_EN.get(o.color.upper(), o.color)}")
            if o.background and not (o.box_color and o.background is TextBackground.BOX):
                changes.append(f"background {o.background.value}")
            if o.bold is not None:
                changes.append("bold" if o.bold else "regular weight")
            for ms, way in ((o.fade_in_ms, "in"), (o.fade_out_ms, "out")):
                if ms is not None:
                    changes.append(f"fades {way} over {fmt_ms(ms)}" if ms else f"no fade {way}")
            if o.entrance:
                changes.append({"fade": "fades in", "slide": "slides up into place", "scale": "scales in"}[o.entrance])
            if o.timing:
                changes.append("shown" + _timing_words(o.timing))
            return f"{o.target.describe()}: {', '.join(changes) or 'unchanged'}"
        case "remove_text":
            return f"removed {o.target.describe() if o.target else (o.role or 'all') + ' text'}"
        case "set_volume":
            when = f" from {fmt_ms(o.span.start_ms)} to {fmt_ms(o.span.end_ms)}" if o.span else ""
            if o.volume is not None:
                if o.volume == 0 and o.span:
                    return f"{role_words[o.role]} muted{when}"
                return f"{role_words[o.role]} volume to {_pct(o.volume)}{when}"
            return f"{role_words[o.role]} {'louder' if (o.factor or 1) > 1 else 'quieter'} (x{o.factor:.2f}){when}"
        case "set_fade":
            parts = []
            if o.fade_in_ms is not None:
                parts.append(f"fade-in {fmt_ms(o.fade_in_ms)}")
            if o.fade_out_ms is not None:
                parts.append(f"fade-out {fmt_ms(o.fade_out_ms)}")
            return f"{role_words[o.role]} {' and '.join(parts)}"
        case "set_duck":
            when = f" from {fmt_ms(o.span.start_ms)} to {fmt_ms(o.span.end_ms)} only" if o.span else ""
            if o.on and o.depth is not None:
                how = "the usual amount" if o.depth == 1 else f"{o.depth:g}x the usual depth"
                return f"music ducks under the voice by {how}{when}"
            return f"music ducks under the voice{when}" if o.on else f"music no longer ducks under the voice{when}"
        case "remove_track":
            return f"removed the {o.role.value} track"
        case "replace_music":
            lead = music_bed(o.sound, o.sound[1]).in_ms if o.sound else 0
            where = f", from {fmt_ms(lead)} in, where the music comes in" if lead else ""
            return f"music replaced with {an(o.asset_id)}{where}"
        case "set_transition":
            where = f"into {o.target.describe()}" if o.target else "between all shots"
            length = f" ({fmt_ms(o.duration_ms)})" if o.duration_ms and o.kind is not Transition.CUT else ""
            return f"{o.kind.value} transitions {where}{length}" if o.kind is not Transition.CUT else f"hard cuts {where}"
        case "set_motion":
            what = o.target.describe() if o.target else "the stills"
            m = o.motion if isinstance(o.motion, str) else o.motion.value
            return f"motion off for {what}" if m == "none" else f"motion {m} on {what}"
        case "set_motion_amount":
            what = o.target.describe() if o.target else "the stills"
            if o.amount is not None:
                return f"zooms and pans of {what} now move {_pct(o.amount)} of the view (the usual: {_pct(MOTION_AMOUNT)})"
            return f"zooms and pans of {what} go {'further' if o.factor > 1 else 'less far'} ({o.factor:g}x)"
        case "set_frame":
            size = " ".join(x for x in (o.aspect, o.resolution) if x)
            return "frame " + ", ".join(x for x in (size, o.fps and f"{o.fps} fps") if x)
        case "set_fit":
            what = {"cover": "fills the frame (cropped)", "contain": "shown whole (not cropped)",
                    "blur": "shown whole on a blurred copy"}[o.fit.value]
            if o.target is None:
                what = what.replace("fills", "fill")
            return f"{o.target.describe() if o.target else 'all shots'} {what}"
        case "set_background":
            return "blurred background" if o.blur else f"background colour {o.color}"
        case "set_caption_mode":
            return "captions burned into the picture" if o.burn else \
                "captions as separate SRT/WebVTT files, not burned in"
        case "add_logo":
            seen = f", {_pct(o.opacity)} opaque" if o.opacity < 1 else ""
            return f"logo {an(o.asset_id)} at the {o.position} ({_pct(o.scale)} wide{seen}){_timing_words(o.timing)}"
        case "set_captions":
            n = len(o.cues)
            return f"captions: {n} line{'s' if n != 1 else ''} ({'from the script' if o.source == 'script' else 'auto'})"
        case "add_voiceover":
            return f"voiceover {an(o.asset_id)} on the voice track"
        case "set_focus":
            what = o.target.describe() if o.target else "all shots"
            return f"centre crop for {what}" if o.fx is None else f"smart crop for {what} (keeps the subject in frame)"
        case "set_style":
            return f"{o.style} style"
        case "set_grade":
            return "colour: " + grade_words(o)
        case "set_video_fade":
            parts = []
            if o.fade_in_ms is not None:
                parts.append(f"fades in from black over {fmt_ms(o.fade_in_ms)}" if o.fade_in_ms
                             else "no fade from black at the start")
            if o.fade_out_ms is not None:
                parts.append(f"fades to black over the last {fmt_ms(o.fade_out_ms)}" if o.fade_out_ms
                             else "no fade to black at the end")
            return "the picture " + " and ".join(parts) if all(p.startswith("f") for p in parts) else "; ".join(parts)
        case "beat_sync":
            bpm = f" ({o.bpm:g} BPM)" if o.bpm else ""
            return f"cuts on the beat{bpm}"
        case "set_in_point":
            length = f", {fmt_ms(o.duration_ms)} long" if o.duration_ms else ""
            return f"{o.target.describe()} plays from {fmt_ms(o.in_ms)} of its source{length}"
        case "set_audio_timing":
            word = "music" if o.role == "music" else "voiceover"
            parts = []
            if o.start_ms is not None:
                parts.append(f"starts at {fmt_ms(o.start_ms)}")
            elif o.by_ms:
                parts.append(f"plays {fmt_ms(abs(o.by_ms))} {'later' if o.by_ms > 0 else 'earlier'}")
            if o.from_ms is not None:
                parts.append(f"plays from {fmt_ms(o.from_ms)} of its source")
            return f"{word} {' and '.join(parts)}"
        case "apply_brand":
            return f"brand kit {o.brand.get('name', '')!s} applied".replace("  ", " ")
        case "auto_captions":
            return "captions from the speech"
        case "voiceover":
            return "voiceover" + (f' saying "{o.text[:40]}"' if o.text else f" from {o.script_file}") + \
                (" with captions" if o.captions else "")
        case "smart_reframe":
            return "smart crop (keep the subject in frame)" if o.on else "centre crop"
        case "cut_to_beat":
            return "cuts on the beat"
        case "use_highlight":
            what = o.target.describe() if o.target else "the clips"
            return f"best {o.seconds:g}s of {what}" if o.seconds else f"best part of {what}"
        case "trim_silence":
            return f"silence trimmed from the {role_words[o.role]}"
        case "use_brand":
            return "brand kit"
        case "undo":
            return "undo"
        case "redo":
            return "redo"
    return o.op


def _t_zh(t: Target) -> str:
    noun = {"image": "张图片", "video": "段视频片段"}.get(t.kind or "", "个镜头")
    if t.role is not Role.MAIN:
        noun = {Role.TITLE: "标题", Role.CAPTION: "字幕", Role.CTA: "行动号召", Role.MUSIC: "背景音乐",
                Role.VOICE: "旁白"}.get(t.role, t.role.value)
        return noun if t.index in (None, 0) and t.name is None else f"{noun}「{t.name}」" if t.name else f"第{t.index + 1}条{noun}" if (t.index or 0) >= 0 else f"最后一条{noun}"
    if t.name is not None:
        return f"「{t.name}」"
    if t.at_ms is not None:
        return f"{fmt_ms(t.at_ms)}处的镜头"
    if t.index is None:
        return noun[1:]
    if t.index == -1:
        return f"最后一{noun}"
    if t.index < 0:
        return f"倒数第{-t.index}{noun}"
    return f"第{t.index + 1}{noun}"


_TRANSITION_ZH = {"crossfade": "叠化", "fade-black": "黑场过渡", "slide-left": "向左滑动", "slide-right": "向右滑动",
                  "wipe-left": "向左擦除", "wipe-right": "向右擦除"}
_POS_ZH = {"top": "顶部", "center": "中间", "bottom": "底部", "top-left": "左上角", "top-right": "右上角",
           "bottom-left": "左下角", "bottom-right": "右下角", "center-left": "左侧", "center-right": "右侧"}


_SIZE_ZH = {"small": "小号", "medium": "中号", "large": "大号", "xlarge": "特大号"}
_BG_ZH = {"box": "底框", "shadow": "阴影", "none": "无"}
_COLOR_EN = {"#FF0000": "red", "#FFFFFF": "white", "#000000": "black", "#FFD400": "yellow", "#1E6BFF": "blue",
             "#00C853": "green", "#FF8C00": "orange", "#FF69B4": "pink", "#8E44AD": "purple", "#808080": "grey",
             "#FFD700": "gold", "#C0C0C0": "silver", "#111111": "near-black"}
_COLOR_ZH = {"#FF0000": "红色", "#FFFFFF": "白色", "#000000": "黑色", "#FFD400": "黄色", "#1E6BFF": "蓝色",
             "#00C853": "绿色", "#FF8C00": "橙色", "#FF69B4": "粉色", "#8E44AD": "紫色", "#808080": "灰色",
             "#FFD700": "金色", "#C0C0C0": "银色", "#111111": "近黑色"}


def _timing_zh(t: Timing | None) -> str:
    if t is None:
        return ""
    if t.anchor == "end":
        return f"（最后{fmt_ms(t.duration_ms or 3000)}）"
    if t.duration_ms is None:
        return "（全程）" if t.start_ms == 0 else f"（{fmt_ms(t.start_ms)}起）"
    if t.start_ms == 0:
        return f"（前{fmt_ms(t.duration_ms)}）"
    return f"（{fmt_ms(t.start_ms)}-{fmt_ms(t.start_ms + t.duration_ms)}）"


def describe_zh(op: Op, names: Mapping[str, str] | None = None) -> str:
    """一句中文说明；少见的操作用英文。"""
    o: Any = op
    roles = {"music": "背景音乐", "voice": "旁白", "main": "视频原声", "sfx": "音效"}

    def an(asset_id: str) -> str:
        return (names or {}).get(asset_id, asset_id)

    match o.op:
        case "add_segment":
            where = f"{_t_zh(o.after)}后面" if o.after else f"{_t_zh(o.before)}前面" if o.before else "最后"
            return f"在{where}加入了{an(o.asset_id)}"
        case "replace_source":
            return f"把{_t_zh(o.target)}换成了{an(o.asset_id)}"
        case "replace_music":
            lead = music_bed(o.sound, o.sound[1]).in_ms if o.sound else 0
            return f"背景音乐换成了{an(o.asset_id)}" + (f"，从有声音的{fmt_ms(lead)}处开始" if lead else "")
        case "trim_segment":
            parts = ([f"开头{fmt_ms(o.head_ms)}"] if o.head_ms else []) + ([f"结尾{fmt_ms(o.tail_ms)}"] if o.tail_ms else [])
            return f"剪掉了{_t_zh(o.target)}的{'和'.join(parts)}"
        case "remove_segment":
            return f"删除了{_t_zh(o.target)}"
        case "move_segment":
            dest = (f"移到{_t_zh(o.after)}后面" if o.after else f"移到{_t_zh(o.before)}前面" if o.before
                    else "移到最后" if o.to_index in (None, -1) else "移到最前面" if o.to_index == 0
                    else f"移到第{o.to_index + 1}个位置")
            return f"把{_t_zh(o.target)}{dest}"
        case "swap_segments":
            return f"交换了{_t_zh(o.a)}和{_t_zh(o.b)}"
        case "set_total_duration":
            return f"视频时长改为{fmt_ms(o.duration_ms)}"
        case "set_segment_duration":
            return f"{_t_zh(o.target)}改为{fmt_ms(o.duration_ms)}"
        case "set_volume":
            when = f"{fmt_ms(o.span.start_ms)}到{fmt_ms(o.span.end_ms)}的" if o.span else ""
            if o.volume is not None:
                if o.volume == 0 and o.span:
                    return f"{when}{roles[o.role]}静音"
                return f"{when}{roles[o.role]}音量调到{_pct(o.volume)}"
            return f"{when}{roles[o.role]}{'调大' if (o.factor or 1) > 1 else '调小'}（x{o.factor:.2f}）"
        case "set_frame":
            return "画面改为" + " ".join(x for x in (o.aspect, o.resolution, o.fps and f"{o.fps}帧/秒") if x)
        case "add_text":
            role = {"title": "标题", "caption": "字幕", "cta": "行动号召"}[o.role]
            box = f"{_COLOR_ZH.get(o.box_color.upper(), o.box_color)}底框的" if o.box_color else ""
            return (f"在{_t_zh(o.shot)}上添加了{box}{role}「{o.text}」" if o.shot
                    else f"添加了{box}{role}「{o.text}」{_timing_zh(o.timing)}")
        case "update_text":
            parts = []
            if o.text:
                parts.append(f"文字改为「{' / '.join(o.text.splitlines())}」")
            if o.position:
                parts.append(f"位置改到{_POS_ZH.get(o.position.value, o.position.value)}")
            if o.size:
                parts.append(f"字号改为{_SIZE_ZH.get(o.size.value, o.size.value)}")
            if o.box_color:
                parts.append(f"底框改为{_COLOR_ZH.get(o.box_color.upper(), o.box_color)}")
            if o.color:
                parts.append(f"{'文字' if o.box_color else '颜色'}改为{_COLOR_ZH.get(o.color.upper(), o.color)}")
            if o.background and not (o.box_color and o.background is TextBackground.BOX):
                parts.append(f"背景改为{_BG_ZH.get(o.background.value, o.background.value)}")
            if o.bold is not None:
                parts.append("加粗" if o.bold else "不加粗")
            for ms, way in ((o.fade_in_ms, "淡入"), (o.fade_out_ms, "淡出")):
                if ms is not None:
                    parts.append(f"{way}{fmt_ms(ms)}" if ms else f"不{way}")
            if o.entrance:
                parts.append({"fade": "淡入出现", "slide": "从下往上滑入", "scale": "放大出现"}[o.entrance])
            if o.timing:
                parts.append("显示时间" + _timing_zh(o.timing))
            return f"{_t_zh(o.target)}：{'，'.join(parts) or '未变'}"
        case "remove_text":
            return f"删除了{_t_zh(o.target) if o.target else '文字'}"
        case "set_transition":
            if o.kind is Transition.CUT:
                return "去掉了转场（硬切）"
            length = f"，{fmt_ms(o.duration_ms)}" if o.duration_ms else ""
            return f"转场改为{_TRANSITION_ZH.get(o.kind.value, o.kind.value)}{length}"
        case "remove_track":
            return f"删除了{ {Role.MUSIC: '背景音乐', Role.VOICE: '旁白', Role.LOGO: '水印'}.get(o.role, o.role.value)}"
        case "set_fade":
            parts = ([f"淡入{fmt_ms(o.fade_in_ms)}"] if o.fade_in_ms is not None else []) + \
                    ([f"淡出{fmt_ms(o.fade_out_ms)}"] if o.fade_out_ms is not None else [])
            return f"{roles[o.role]}{'、'.join(parts)}"
        case "set_duck":
            when = f"（仅{fmt_ms(o.span.start_ms)}到{fmt_ms(o.span.end_ms)}）" if o.span else ""
            if o.on and o.depth is not None:
                return f"人声时背景音乐压得{'和平常一样' if o.depth == 1 else f'更低（平常的{o.depth:g}倍）'}{when}"
            return f"人声时压低背景音乐{when}" if o.on else f"关闭了音乐闪避{when}"
        case "set_motion":
            what = _t_zh(o.target) if o.target else ""
            return f"{what}去掉了动画" if (o.motion if isinstance(o.motion, str) else o.motion.value) == "none" \
                else f"{what}加上了动画"
        case "set_motion_amount":
            how = f"改为{_pct(o.amount)}" if o.amount is not None else ("加大" if o.factor > 1 else "减小")
            return f"{_t_zh(o.target) if o.target else ''}动画幅度{how}"
        case "add_logo":
            seen = f"，不透明度{_pct(o.opacity)}" if o.opacity < 1 else ""
            return f"水印{an(o.asset_id)}放在{_POS_ZH.get(o.position, o.position)}（宽{_pct(o.scale)}{seen}）{_timing_zh(o.timing)}"
        case "set_speed":
            return f"{_t_zh(o.target) if o.target else '视频片段'}播放速度改为{o.speed:g}倍"
        case "set_clip_audio":
            what = _t_zh(o.target) if o.target else "视频片段"
            return f"{what}静音" if o.mute else f"保留{what}的原声"
        case "fit_to_voice":
            return "视频时长已按旁白调整"
        case "reverse_order":
            return "镜头顺序已倒过来"
        case "reorder_segments":
            return "镜头顺序改为" + "、".join(str(i + 1) for i in o.order)
        case "set_background":
            return "背景模糊" if o.blur else f"背景颜色改为{o.color}"
        case "set_caption_mode":
            return "字幕烧录到画面中" if o.burn else "字幕单独输出为SRT/WebVTT文件，不烧录到画面"
        case "set_fit":
            return {"cover": "画面填满（裁切）", "contain": "完整显示画面（不裁切）", "blur": "背景模糊"}[o.fit.value]
        case "set_captions" | "auto_captions":
            n = len(o.cues) if o.op == "set_captions" else 0
            return f"添加了自动字幕（{n}条）" if n else "根据语音添加字幕"
        case "add_voiceover":
            return f"旁白用{an(o.asset_id)}"
        case "voiceover":
            return "添加了配音" + ("和字幕" if getattr(o, "captions", False) else "")
        case "set_focus" | "smart_reframe":
            on = o.fx is not None if o.op == "set_focus" else o.on
            return "智能裁剪（主体保持在画面中）" if on else "居中裁剪"
        case "set_style":
            from reelforge.timeline.styles import get_style

            return f"改为{get_style(o.style).label_zh}风格"
        case "set_video_fade":
            parts = []
            if o.fade_in_ms is not None:
                parts.append(f"画面从黑场淡入（{fmt_ms(o.fade_in_ms)}）" if o.fade_in_ms else "去掉了开头的黑场淡入")
            if o.fade_out_ms is not None:
                parts.append(f"画面在最后{fmt_ms(o.fade_out_ms)}淡出到黑场" if o.fade_out_ms else "去掉了结尾的黑场淡出")
            return "，".join(parts)
        case "beat_sync" | "cut_to_beat":
            return "镜头切换对齐音乐节拍（卡点）"
        case "set_grade":
            return "画面颜色：" + grade_words(o, zh=True)
        case "set_in_point":
            length = f"，时长{fmt_ms(o.duration_ms)}" if o.duration_ms else ""
            return f"{_t_zh(o.target)}从素材的第{fmt_ms(o.in_ms)}开始播放{length}"
        case "use_highlight":
            return "使用视频最精彩的部分"
        case "set_audio_timing":
            word = "背景音乐" if o.role == "music" else "旁白"
            parts = []
            if o.start_ms is not None:
                parts.append(f"从第{o.start_ms / 1000:g}秒开始")
            elif o.by_ms:
                parts.append(f"{'推迟' if o.by_ms > 0 else '提前'}{abs(o.by_ms) / 1000:g}秒")
            if o.from_ms is not None:
                parts.append(f"从{word}本身的第{o.from_ms / 1000:g}秒播放")
            return word + "，".join(parts)
        case "trim_silence":
            return "去掉了旁白首尾的静音"
        case "apply_brand" | "use_brand":
            return "套用了品牌包"
    return describe(op, names)
