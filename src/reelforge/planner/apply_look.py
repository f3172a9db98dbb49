"""Look ops: the frame (shape, resolution, frame rate), how the pictures fill it (fit, background,
focus point and subject box), the stills' motion and how far it goes, the transitions between
shots, the colour grade, fades from and to black, a named style, the logo and a brand kit.
"""

from __future__ import annotations

from itertools import cycle
from typing import Any

from pydantic import ValidationError

from reelforge.errors import InvalidTimeline
from reelforge.planner import ops as O
from reelforge.planner.apply_state import AUTO_MOTIONS, MIN_SEGMENT_MS, ApplyError, State
from reelforge.planner.apply_targets import kind_of, main_index, resolve
from reelforge.timeline.model import (
    MOTION_AMOUNT_MAX,
    MOTION_AMOUNT_MIN,
    AssetKind,
    Fit,
    Motion,
    Position,
    Role,
    Transition,
    VideoSegment,
    _explain,
    motion_amount_within,
)
from reelforge.timeline.presets import ASPECTS, aspect_of, frame_size, resolution_of

DEFAULT_TRANSITION_MS = 500


def set_transition(st: State, op: O.SetTransition) -> None:
    main = st.main()
    if op.target is not None:
        idx = [main_index(st, op.target)]
        if idx[0] == 0 and op.kind is not Transition.CUT:
            raise ApplyError("the first shot has nothing before it to transition from")
    else:
        idx = list(range(1, len(main.segs)))
        if not idx:
            raise ApplyError("there is only one shot, so there is nothing to transition between")
    for i in idx:
        s = main.segs[i]
        if op.kind is Transition.CUT:
            upd: dict[str, Any] = {"transition": Transition.CUT, "transition_ms": 0}
        else:
            ms = op.duration_ms if op.duration_ms is not None else (s.transition_ms or DEFAULT_TRANSITION_MS)
            if ms <= 0:
                upd = {"transition": Transition.CUT, "transition_ms": 0}
            else:
                limit = min(s.duration, main.segs[i - 1].duration) // 2
                upd = {"transition": op.kind, "transition_ms": min(ms, limit)}
        main.segs[i] = s.model_copy(update=upd)
    st.relayout_main(keep_total=True)


def set_motion(st: State, op: O.SetMotion) -> None:
    if op.target is not None:
        targets = [resolve(st, op.target)]
    else:
        main = st.main()
        targets = [(main, i) for i, s in enumerate(main.segs) if kind_of(st, s) == "image"]
        if not targets:
            raise ApplyError("there are no still images to move (motion applies to stills)")
    auto = cycle(AUTO_MOTIONS)
    for tr, i in targets:
        s = tr.segs[i]
        if not isinstance(s, VideoSegment):
            raise ApplyError("motion applies to pictures")
        m = next(auto) if op.motion == "auto" else Motion(op.motion)
        tr.segs[i] = s.model_copy(update={"motion": m})


def set_motion_amount(st: State, op: O.SetMotionAmount) -> None:
    if op.target is not None:
        targets = [resolve(st, op.target)]
        tr, i = targets[0]
        if not isinstance(tr.segs[i], VideoSegment) or kind_of(st, tr.segs[i]) != "image":
            raise ApplyError("motion applies to pictures")
        if tr.segs[i].motion is Motion.NONE:
            raise ApplyError(f"{op.target.describe()} does not move: say e.g. 'zoom in on it' first")
    else:
        main = st.main()
        targets = [(main, i) for i, s in enumerate(main.segs)
                   if kind_of(st, s) == "image" and isinstance(s, VideoSegment) and s.motion is not Motion.NONE]
        if not targets:
            raise ApplyError("no picture moves: say 'add motion' or 'zoom in' first")
    changed = False
    for tr, i in targets:
        s = tr.segs[i]
        want = op.amount if op.amount is not None else s.motion_amount * (op.factor or 1.0)
        amount = motion_amount_within(want)
        changed |= amount != s.motion_amount
        tr.segs[i] = s.model_copy(update={"motion_amount": amount})
    if changed:
        return
    if op.factor and op.factor > 1:
        raise ApplyError(f"the zooms and pans already go as far as they can ({MOTION_AMOUNT_MAX * 100:.0f} %)")
    if op.factor:
        raise ApplyError(f"the zooms and pans are already as gentle as they go ({MOTION_AMOUNT_MIN * 100:.0f} %)")
    raise ApplyError("the zooms and pans already go that far")


def set_frame(st: State, op: O.SetFrame) -> None:
    if op.aspect is None and op.resolution is None and op.fps is None:
        raise ApplyError("say which shape, size or frame rate, e.g. 'vertical', '720p' or '60 fps'")
    if op.fps is not None:
        st.base = st.base.model_copy(update={"fps": op.fps})
        if op.aspect is None and op.resolution is None:
            return
    aspect = op.aspect or aspect_of(st.width, st.height)
    res = op.resolution or resolution_of(st.width, st.height)
    if aspect in ASPECTS and res in ("480p", "720p", "1080p", "1440p", "4k"):
        w, h = frame_size(aspect, res)
    elif aspect in ASPECTS:
        w, h = frame_size(aspect, "1080p")
    else:  # an unusual current shape: scale it to the asked resolution
        short = {"480p": 480, "720p": 720, "1080p": 1080, "1440p": 1440, "4k": 2160}[res]
        k = short / min(st.width, st.height)
        w, h = round(st.width * k / 2) * 2, round(st.height * k / 2) * 2
    st.width, st.height = w, h


def set_fit(st: State, op: O.SetFit) -> None:
    targets = [resolve(st, op.target)] if op.target is not None else [(st.main(), i) for i in range(len(st.main().segs))]
    for tr, i in targets:
        s = tr.segs[i]
        if not isinstance(s, VideoSegment):
            raise ApplyError("fit applies to pictures")
        tr.segs[i] = s.model_copy(update={"fit": op.fit, "fit_locked": True})


def set_background(st: State, op: O.SetBackground) -> None:
    if op.color is None and not op.blur:
        raise ApplyError("say which background, e.g. 'white background' or 'blurred background'")
    main = st.track(Role.MAIN)
    if op.color is not None:
        st.background = op.color.upper()
    fit = Fit.BLUR if op.blur else Fit.CONTAIN
    if main is not None:  # the colour asked for is every picture's, a logo's own backdrop too
        main.segs = [s.model_copy(update={"fit": fit, "fit_locked": True,
                                          **({"backdrop": st.background} if op.color is not None else {})})
                     for s in main.segs]


def add_logo(st: State, op: O.AddLogo) -> None:
    asset = st.asset(op.asset_id)
    if asset.kind is AssetKind.AUDIO:
        raise ApplyError(f"{asset.name} is audio, not a picture")
    tr = st.track(Role.LOGO) or st.add_track(Role.LOGO)
    start, duration = (tr.segs[0].start, tr.segs[0].duration) if tr.segs else (0, st.duration)
    if op.timing is not None:  # "only show the logo at the end", "logo for the first 2 seconds"
        t = op.timing
        duration = min(t.duration_ms or st.duration - t.start_ms, st.duration)
        start = st.duration - duration if t.anchor == "end" else t.start_ms
        if start >= st.duration or duration < MIN_SEGMENT_MS:
            raise ApplyError("that range of time is outside the video")
        duration = min(duration, st.duration - start)
    tr.segs = [VideoSegment(id=st.new_id("l"), start=start, duration=duration, src=asset.id, name=asset.name,
                            position=Position(op.position), scale=op.scale, opacity=op.opacity, fit=Fit.CONTAIN,
                            mute=True)]


def set_grade(st: State, op: O.SetGrade) -> None:
    st.grade.update({k: v for k, v in op.model_dump(exclude={"op"}).items() if v is not None})


def set_video_fade(st: State, op: O.SetVideoFade) -> None:
    if op.fade_in_ms is not None:
        st.video_fade["fade_in_ms"] = op.fade_in_ms
    if op.fade_out_ms is not None:
        st.video_fade["fade_out_ms"] = op.fade_out_ms


def set_style(st: State, op: O.SetStyle) -> None:
    """A named look: the style's caption box on every caption, its transitions between shots
    (the shots keep their lengths; the video its length)."""
    from reelforge.timeline.styles import get_style

    look = get_style(op.style)
    st.style = look.name
    for t in st.tracks_of(Role.CAPTION):
        t.segs = [c.model_copy(update={"background": look.caption_box}) for c in t.segs]
    main = st.track(Role.MAIN)
    if main is not None and len(main.segs) > 1:
        set_transition(st, O.SetTransition(kind=look.transition, duration_ms=look.transition_ms or None))


# -- AI results (data computed by the session) ------------------------------------------------
def set_focus(st: State, op: O.SetFocus) -> None:
    if (op.fx is None) != (op.fy is None):
        raise ApplyError("a focus point needs both fx and fy")
    targets = [resolve(st, op.target)] if op.target is not None else [(st.main(), i) for i in range(len(st.main().segs))]
    focus = None if op.fx is None else (round(op.fx, 4), round(op.fy, 4))  # type: ignore[arg-type]
    box = None if op.box is None or focus is None else tuple(round(v, 4) for v in op.box)
    core = None if op.core is None or box is None else tuple(round(v, 4) for v in op.core)
    for b in (box, core):
        if b is not None and not (b[0] < b[2] and b[1] < b[3]):
            raise ApplyError("a subject box needs x0 < x1 and y0 < y1")
    for tr, i in targets:
        s = tr.segs[i]
        if not isinstance(s, VideoSegment):
            raise ApplyError("a focus point applies to pictures")
        update: dict = {"focus": focus, "subject": box, "core": core}
        if op.fit is not None:  # the framing's choice, not the user's
            update["fit"], update["fit_locked"] = op.fit, False
        tr.segs[i] = s.model_copy(update=update)


def _update_shot(st: State, target: O.Target, refused: str, update) -> None:
    """The shot ``target`` names with the fields ``update(shot)`` gives; ``refused`` when it is no shot."""
    tr, i = resolve(st, target)
    s = tr.segs[i]
    if not isinstance(s, VideoSegment):
        raise ApplyError(refused)
    tr.segs[i] = s.model_copy(update=update(s))


def set_backdrop(st: State, op: O.SetBackdrop) -> None:
    def update(s: VideoSegment) -> dict:
        out: dict = {"backdrop": op.color.upper() if op.color else None, "scale": op.room}
        if op.room < 1 and s.motion in (Motion.PAN_LEFT, Motion.PAN_RIGHT, Motion.PAN_UP, Motion.PAN_DOWN):
            out["motion"] = Motion.ZOOM_IN  # a card stays in the middle: its slow move is a zoom, not a drift
        return out

    _update_shot(st, op.target, "a backdrop applies to pictures", update)


def call_shot(st: State, op: O.CallShot) -> None:
    _update_shot(st, op.target, "only a shot can be called by a name", lambda s: {"said": op.said.strip()})


def apply_brand_kit(st: State, op: O.ApplyBrand) -> None:
    from reelforge.ai.brand import Brand, apply_brand  # pure (Pillow only for cards, not used here)

    try:
        brand = Brand.model_validate(op.brand)
    except ValidationError as exc:
        raise ApplyError(f"invalid brand kit: {_explain(exc)}") from exc
    logo = st.asset(op.logo_asset_id) if op.logo_asset_id else None
    intro = st.asset(op.intro_asset_id) if op.intro_asset_id else None
    outro = st.asset(op.outro_asset_id) if op.outro_asset_id else None
    try:
        new = apply_brand(st.build(), brand, logo_asset=logo, intro_asset=intro, outro_asset=outro)
    except (InvalidTimeline, ValueError) as exc:
        raise ApplyError(f"the brand kit does not fit this video ({exc})") from exc
    fresh = State.of(new, list(st.library.values()))
    st.duration, st.width, st.height, st.background = fresh.duration, fresh.width, fresh.height, fresh.background
    st.assets, st.tracks = fresh.assets, fresh.tracks
    st.used_ids |= fresh.used_ids
    # a kit applied again after the shots moved (its old outro card first after "reverse the
    # order") leaves a gap where the old card was: the shots close up from 0
    st.relayout_main(keep_total=False)
