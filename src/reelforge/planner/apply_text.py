"""Text ops: add, change (words, style, timing) and remove titles, captions and calls to action;
captions timed to speech (`set_captions`, data computed by the session) and whether captions are
burned into the picture.

Captions follow their pictures: `apply` notes which shot each caption belongs to before an op
(`caption_anchors`) and, when the op moved or resized shots, puts each one back over its shot
(`reanchor_captions`). A caption that is a row of a title or call to action (same start and end)
stays with that text instead, and captions timed to the voice (ids starting with `CUE_ID`) stay
with the voice.
"""

from __future__ import annotations

from typing import Any

from reelforge.planner import ops as O
from reelforge.planner.apply_state import MIN_SEGMENT_MS, ApplyError, State, WorkTrack, fix_fades
from reelforge.planner.apply_targets import resolve, role_word
from reelforge.planner.file_names import caption_from_name
from reelforge.timeline.model import (
    Position,
    Role,
    TextBackground,
    TextSegment,
    TextSize,
    TrackKind,
    VideoSegment,
)
from reelforge.timeline.styles import get_style

DEFAULT_TEXT_MS = 3000
TEXT_DEFAULTS = {"title": (Position.CENTER, TextSize.LARGE), "caption": (Position.BOTTOM, TextSize.MEDIUM),
                 "cta": (Position.BOTTOM, TextSize.LARGE)}
CAPTION_TRACK_ID = "captions"
_READ_MS = 1000  # a caption cut shorter than this is not read (the layout's least time on screen)
CUE_ID = "cap"  # the ids of captions timed to speech (`set_captions`): never anchored to a shot
GIVEN_ID = "given"  # the ids of captions the first instruction gave (quoted, listed names): speech captions keep them
NAMED_PICTURE_ID = GIVEN_ID + "pic"  # … of those that name their picture ("label the photos Kitchen, Garden"): they go with it


def _span(st: State, timing: O.Timing) -> tuple[int, int]:
    total = st.duration
    if timing.anchor == "end":
        d = min(timing.duration_ms or DEFAULT_TEXT_MS, total)
        return total - d, d
    start = timing.start_ms
    if start >= total:
        raise ApplyError(f"the video is only {O.fmt_ms(total)} long; {O.fmt_ms(start)} is past the end")
    d = timing.duration_ms if timing.duration_ms is not None else total - start
    return start, min(d, total - start)


def _shot(st: State, target: O.Target) -> VideoSegment:
    """The main-track shot ``target`` names."""
    tr, i = resolve(st, target.model_copy(update={"role": Role.MAIN}))
    if tr.role is not Role.MAIN:
        raise ApplyError(f"{target.describe()} is not a shot")
    return tr.segs[i]


def _shot_span(st: State, shot: VideoSegment, *, inset: bool = True) -> tuple[int, int]:
    """(start, duration) of a text over ``shot``: its clear part (after the transition into it,
    before the next shot starts), a sixth in from each end when that leaves a readable span, as
    the first cut places its captions."""
    from reelforge.planner.compose import MIN_CAPTION_MS

    main = st.main()
    i = next(k for k, s in enumerate(main.segs) if s.id == shot.id)
    lo = shot.start + shot.transition_ms
    hi = main.segs[i + 1].start if i + 1 < len(main.segs) else shot.end
    margin = (hi - lo) // 6 if inset else 0
    if hi - lo - 2 * margin >= MIN_CAPTION_MS:
        lo, hi = lo + margin, hi - margin
    return lo, max(1, min(hi, st.duration) - lo)


def _place_text(tr: WorkTrack, seg: TextSegment) -> None:
    """Insert ``seg``; what the same track showed in that time gives way to it."""
    out = []
    for s in tr.segs:
        if s.end <= seg.start or s.start >= seg.end:
            out.append(s)
            continue
        if s.start < seg.start:
            out.append(fix_fades(s.model_copy(update={"duration": seg.start - s.start})))
        if s.end > seg.end:
            out.append(fix_fades(s.model_copy(update={"start": seg.end, "duration": s.end - seg.end,
                                                        "id": s.id + "b" if s.start < seg.start else s.id})))
    out.append(seg)
    out.sort(key=lambda s: s.start)
    tr.segs = out


def _rows_track(st: State, start: int, end: int) -> WorkTrack | None:
    """Where a row of the title or the call to action (``start``-``end``: that text's time) goes when
    the captions of what is said run then: a caption track of its own, so it shows with them instead
    of taking their place ("add a subtitle under the title" removed the spoken words' captions)."""
    if (start, end) not in _row_spans(st):
        return None

    def busy(t: WorkTrack) -> bool:  # words said, or a picture's caption, shown in that time
        return any((c.id.startswith(CUE_ID) or c.shot is not None) and c.start < end and start < c.end for c in t.segs)

    said = [t for t in st.tracks_of(Role.CAPTION) if busy(t)]
    if not said:
        return None
    # (a picture's caption shown then stays too: "add tickets at velvetkeys.com" took the place of "Doors 7pm")
    own = next((t for t in st.tracks_of(Role.CAPTION) if not busy(t) and not any(c.id.startswith(CUE_ID) for c in t.segs)),
               None)
    if own is not None:
        return own
    tr = st.add_track(Role.CAPTION)
    st.tracks.remove(tr)  # before the captions' track: laid out first, nearest the title
    st.tracks.insert(st.tracks.index(said[0]), tr)
    return tr


def add_text(st: State, op: O.AddText) -> None:
    role = Role(op.role)
    tr = st.track(role) or st.add_track(role)
    shot = None
    if op.shot is not None:
        shot = _shot(st, op.shot)
        start, d = _shot_span(st, shot)
        if role is Role.CAPTION:
            start, d = _make_room(st, tr, shot, start, d)
            tr = _beside(st, tr, start, start + d)  # (no room for halves: the caption there stays)
    else:
        start, d = _span(st, op.timing)
    from reelforge.planner.compose import title_size

    pos, size = TEXT_DEFAULTS[op.role]
    fields: dict[str, Any] = {"id": st.new_id("t"), "start": start, "duration": d, "text": op.text,
                              "position": op.position or pos,
                              "size": op.size or (title_size(op.text) if role is Role.TITLE else size)}
    if shot is not None and role is Role.CAPTION:
        fields["shot"] = shot.id
    if op.color:
        fields["color"] = op.color
    if op.box_color:
        fields["box_color"] = op.box_color
    if op.background:
        fields["background"] = op.background
    elif op.box_color:  # a box asked for by its colour
        fields["background"] = TextBackground.BOX
    elif role is Role.CAPTION:  # as the first cut's captions: the look's box (a bare outline read poorly)
        fields["background"] = get_style(st.style or st.base.style).caption_box
    if role is Role.CAPTION and shot is None:
        tr = _rows_track(st, start, start + d) or _beside(st, tr, start, start + d)
    _place_text(tr, fix_fades(TextSegment(**fields)))


def _make_room(st: State, tr: WorkTrack, shot: VideoSegment, start: int, d: int) -> tuple[int, int]:
    """Room for a caption added to ``shot`` (its span ``start`` + ``d``): a caption made from the file's name
    gives way to it whole; one the user's words gave (a fact, a price) keeps the first half of the span and
    the new one takes the second ("加个字幕在颁奖那张 '…'" took the place of "2680一期12节课"), where each half
    still reads, else both show at once; the rows under the title or the call to action stay. Returns the new
    caption's span."""
    from reelforge.planner.compose import MIN_CAPTION_MS

    rows = _row_spans(st)
    named = caption_from_name(shot.name) if shot.name else None
    whole = _shot_span(st, shot, inset=False)  # (two captions share all of the shot's time)
    kept: list[TextSegment] = []
    for s in tr.segs:
        if s.id.startswith(CUE_ID) or (s.start, s.end) in rows \
                or not (s.shot == shot.id or shot.start <= s.start and s.end <= shot.end):
            kept.append(s)  # words said (they give way in part), another shot's caption, a row of the ending
        elif s.text != named and whole[1] // 2 >= MIN_CAPTION_MS:
            start, half = whole[0], whole[1] // 2
            kept.append(fix_fades(s.model_copy(update={"start": start, "duration": half})))
            start, d = start + half, whole[1] - half
            whole = (start, d)
        elif s.text != named:
            kept.append(s)  # no room for halves: both shown at once, one above the other (it was dropped)
    tr.segs = kept
    return start, d


def _beside(st: State, tr: WorkTrack, start: int, end: int) -> WorkTrack:
    """The caption track a caption added for ``start``-``end`` goes on: ``tr``, or, when captions on
    it show then, one where none does, so that they stay ("add the caption 'New arrivals'" took the
    place of "At Town Square" and "Free entry", without a word)."""
    if not any(s.start < end and start < s.end for s in tr.segs):
        return tr
    free = next((t for t in st.tracks_of(Role.CAPTION) if not any(s.start < end and start < s.end for s in t.segs)), None)
    return free or st.add_track(Role.CAPTION)


def update_text(st: State, op: O.UpdateText) -> None:
    if op.target.role not in (Role.TITLE, Role.CAPTION, Role.CTA):
        raise ApplyError("only text can be restyled")
    tr, i = resolve(st, op.target)
    seg = tr.segs[i]
    upd: dict[str, Any] = {}
    for name in ("text", "position", "size", "color", "background", "fade_in_ms", "fade_out_ms", "entrance"):
        v = getattr(op, name)
        if v is not None:
            upd[name] = v
    if op.entrance is not None and not seg.fade_in_ms and op.fade_in_ms is None:
        upd["fade_in_ms"] = 300  # an entrance is played over the text's fade-in: a text shown at once gets one
    if op.box_color is not None:  # a box asked for by its colour: drawn, unless another background is said
        upd["box_color"] = op.box_color
        upd.setdefault("background", TextBackground.BOX)
    if op.bold is not None:
        upd["bold"], upd["weight"] = op.bold, (O.BOLD_WEIGHT if op.bold else None)
    if op.timing is not None:
        upd["start"], upd["duration"] = _span(st, op.timing)
    old = (seg.start, seg.end)
    seg = fix_fades(seg.model_copy(update=upd))
    if op.timing is None:
        tr.segs[i] = seg
        return
    del tr.segs[i]
    _place_text(tr, seg)
    if tr.role in (Role.TITLE, Role.CTA) and (seg.start, seg.end) != old:
        # its rows (a tagline under the title, a website under the call to action) show with it still
        for t in list(st.tracks_of(Role.CAPTION)):
            for row in [c for c in t.segs if (c.start, c.end) == old]:
                t.segs.remove(row)
                moved = fix_fades(row.model_copy(update={"start": seg.start, "duration": seg.duration}))
                _place_text(_free_caption_track(st, t, moved.start, moved.end), moved)


def _free_caption_track(st: State, tr: WorkTrack, start: int, end: int) -> WorkTrack:
    """``tr``, or when it shows other captions in ``start``-``end`` a caption track free then (a new one,
    laid out beside ``tr``): a row that follows its call to action over the whole video shows with the
    other captions ("电话号码…一直显示" removed "4-12岁" and "10节课1580")."""
    def free(t: WorkTrack) -> bool:
        return not any(c.start < end and start < c.end for c in t.segs)

    if free(tr):
        return tr
    other = next((t for t in st.tracks_of(Role.CAPTION) if t is not tr and free(t)), None)
    if other is not None:
        return other
    new = st.add_track(Role.CAPTION)
    st.tracks.remove(new)
    st.tracks.insert(st.tracks.index(tr), new)
    return new


def remove_text(st: State, op: O.RemoveText) -> None:
    if op.target is not None:
        tr, i = resolve(st, op.target)
        if tr.kind is not TrackKind.TEXT:
            raise ApplyError(f"{op.target.describe()} is not text")
        del tr.segs[i]
        if not tr.segs:
            st.tracks.remove(tr)
        return
    roles = [Role(op.role)] if op.role else [Role.TITLE, Role.CAPTION, Role.CTA]
    found = [t for t in st.tracks if t.role in roles and t.segs]
    if not found:
        shown = [f'{role_word(t.role)} "{seg.text}"' for t in st.tracks if t.kind is TrackKind.TEXT for seg in t.segs]
        there = f"; the texts are: {', '.join(shown[:4])}{' …' if len(shown) > 4 else ''}" if shown else ""
        raise ApplyError(f"there is no {role_word(roles[0]) if len(roles) == 1 else 'text'} to remove{there}")
    st.tracks = [t for t in st.tracks if t.role not in roles]


def set_caption_mode(st: State, op: O.SetCaptionMode) -> None:
    st.base = st.base.model_copy(update={"burn_captions": op.burn})


# -- AI results (data computed by the session) ------------------------------------------------
def set_captions(st: State, op: O.SetCaptions) -> None:
    """The captions of what is said, on their own track: they take the place of every caption but a
    row of the title or the call to action (a brief's "Subtitle: Handmade in Vermont" was lost when
    the speech was captioned) and those the instruction gave ("label the photos Kitchen, Garden and
    View" lost its names): these go to the top of the frame, the speech having the bottom."""
    rows = _row_spans(st)
    for t in st.tracks_of(Role.CAPTION):
        t.segs = [c if not c.id.startswith(GIVEN_ID) or c.position is not op.style.position else
                  c.model_copy(update={"position": Position.TOP})
                  for c in t.segs if not c.id.startswith(CUE_ID) and ((c.start, c.end) in rows or c.id.startswith(GIVEN_ID))]
    st.tracks = [t for t in st.tracks if t.role is not Role.CAPTION or t.segs]
    segs: list[TextSegment] = []
    last_end = 0
    background = op.style.background or get_style(st.style or st.base.style).caption_box
    for cue in sorted(op.cues, key=lambda c: c.start_ms):
        start = max(cue.start_ms, last_end)
        end = min(cue.end_ms, st.duration)
        if end - start < MIN_SEGMENT_MS or not cue.text.strip():
            continue
        segs.append(TextSegment(id=st.new_id(CUE_ID), start=start, duration=end - start, text=cue.text.strip(),
                                position=op.style.position, size=op.style.size, color=op.style.color,
                                background=background, bold=True, fade_in_ms=0, fade_out_ms=0,
                                shot=cue.shot))
        last_end = end
    if not segs:
        raise ApplyError("none of the captions falls inside the video")
    tid = CAPTION_TRACK_ID if CAPTION_TRACK_ID not in st.used_ids else st.new_id("captions-")
    st.used_ids.add(tid)
    st.tracks.append(WorkTrack(tid, TrackKind.TEXT, Role.CAPTION, segs))


def move_cues(st: State, by: int) -> None:
    """Captions timed to the voice move with it (cut at the video's ends)."""
    for tr in st.tracks_of(Role.CAPTION):
        out: list[Any] = []
        for seg in tr.segs:
            if not seg.id.startswith(CUE_ID):
                out.append(seg)
                continue
            a, b = max(0, seg.start + by), min(st.duration, seg.end + by)
            if b - a >= MIN_SEGMENT_MS:
                out.append(fix_fades(seg.model_copy(update={"start": a, "duration": b - a})))
        tr.segs[:] = out
    st.tracks = [t for t in st.tracks if t.role is not Role.CAPTION or t.segs]


# ---------------------------------------------------------------------------------------------
# captions follow their pictures
def main_spans(st: State) -> dict[str, tuple[int, int]]:
    """Shot id -> (start, duration): `apply` compares them before and after an op."""
    tr = st.track(Role.MAIN)
    return {s.id: (s.start, s.duration) for s in tr.segs} if tr else {}


def _row_spans(st: State) -> set[tuple[int, int]]:
    """The (start, end) of every title and call to action: a caption with one of them is a row of
    that text ("@cafe_luna" under "Visit us today"), shown with it, not with a picture."""
    return {(s.start, s.end) for r in (Role.TITLE, Role.CTA) for t in st.tracks_of(r) for s in t.segs}


def caption_anchors(st: State) -> dict[str, tuple[Any, str, str]]:
    """Caption segment id -> (the caption, its track id, the one shot whose time contains it)."""
    tr = st.track(Role.MAIN)
    if tr is None:
        return {}
    out = {}
    shots = {s.id for s in tr.segs}
    rows = _row_spans(st)
    for t in st.tracks_of(Role.CAPTION):
        for c in t.segs:
            if c.shot in shots:  # its picture, as the planner marked it
                out[c.id] = (c, t.id, c.shot)
                continue
            if c.id.startswith(CUE_ID) or (c.start, c.end) in rows:  # said by the voice / a row: not a picture's
                continue
            inside = [s.id for s in tr.segs if s.start <= c.start and c.end <= s.end]
            if len(inside) == 1:
                out[c.id] = (c, t.id, inside[0])
    return out


def _rehomed(orphans: list[Any], placed: list[Any], shots: list[Any], duration: int, busy: list[tuple[int, int]],
             beside: list[Any] | None = None) -> list[Any]:
    """The captions whose picture was removed ("手术室那张 删掉" took "24小时急诊" with it; "the 4th pic is blurry take it
    out" took "Only 12 spots"), each over the nearest shot that shows no text (``busy``: the title's and the call to
    action's times), in its middle; else said with the nearest caption ("All vegan meals · Only 12 spots") while the
    two read on two lines; else over the nearest shot all the same, put in ``beside`` (a track of its own: the
    layout stacks it with the text there; "remove the 2023 start line photo" took "Start 7:30am at Riverside Park
    east gate" with it). ``placed`` (the track's other captions) may have one of them joined."""
    def over_nearest(cap: Any, among: list[Any]) -> Any:  # in the middle of the shot nearest it, 60 % of that shot at most
        middle = (cap.start + cap.end) / 2
        shot = min(among, key=lambda s: abs((s.start + s.end) / 2 - middle))
        dur = min(cap.duration, round(shot.duration * 0.6))
        start = min(shot.start + (shot.duration - dur) // 2, duration - dur)
        return fix_fades(cap.model_copy(update={"start": start, "duration": dur, "shot": shot.id}))

    long_enough = [s for s in shots if s.duration >= 2 * MIN_SEGMENT_MS]
    out: list[Any] = []
    for cap in sorted(orphans, key=lambda c: c.start):
        taken = [(c.start, c.end) for c in [*placed, *out]] + busy
        free = [s for s in long_enough if not any(a < s.end and s.start < b for a, b in taken)]
        if free:
            out.append(over_nearest(cap, free))
            continue
        middle = (cap.start + cap.end) / 2
        near = [k for k, c in enumerate(placed) if c.shot is not None and len(c.text) + len(cap.text) + 3 <= JOINED_CHARS]
        if near:
            k = min(near, key=lambda k: abs((placed[k].start + placed[k].end) / 2 - middle))
            placed[k] = placed[k].model_copy(update={"text": f"{placed[k].text} · {cap.text}"})
        elif beside is not None and long_enough:
            beside.append(over_nearest(cap, long_enough))
    return out


JOINED_CHARS = 48  # two facts said together still read on two lines (as a first cut joins them)


def reanchor_captions(st: State, anchors: dict[str, tuple[Any, str, str]],
                       before: dict[str, tuple[int, int]]) -> None:
    """After the shots moved or changed length, put each anchored caption back over its shot
    (same relative place and share of the shot; dropped with its shot). Captions that were not
    inside one shot keep what the op did to them."""
    main = st.track(Role.MAIN)
    now = {s.id: s for s in main.segs} if main else {}
    rows = _row_spans(st)
    spill: list[Any] = []
    named = {caption_from_name(a.name) for a in st.library.values() if a.name} - {None}
    for t in list(st.tracks_of(Role.CAPTION)):
        current = {c.id: c for c in t.segs}  # what the op made of each caption (its style, its words)
        out = [c for c in t.segs if c.id not in anchors]
        orphans = []
        for orig, track_id, shot_id in anchors.values():
            shot = now.get(shot_id)
            if track_id == t.id and shot is None and orig.id.startswith(GIVEN_ID) and not orig.id.startswith(NAMED_PICTURE_ID) \
                    and current.get(orig.id, orig).text not in named:
                orphans.append(current.get(orig.id, orig))  # its picture was removed: a fact the first instruction typed
                # stays (a caption put on that picture, "Beach day", goes with it)
            if track_id != t.id or shot is None:  # its picture was removed
                continue
            old_start, old_dur = before[shot_id]
            k = shot.duration / old_dur
            start = shot.start + round((orig.start - old_start) * k)
            start = max(0, min(start, shot.end - 1, st.duration - 1))
            dur = max(1, min(round(orig.duration * k), shot.end - start, st.duration - start))
            cap = current.get(orig.id, orig)  # an op that cut it short (a shorter video) does not lose it
            out.append(fix_fades(cap.model_copy(update={"start": start, "duration": dur})))
        if orphans:
            busy = [(x.start, x.end) for tr in st.tracks if tr.role in (Role.TITLE, Role.CTA) for x in tr.segs]
            out += _rehomed(orphans, out, main.segs if main else [], st.duration, busy, spill)
        out.sort(key=lambda c: (c.start, c.id))
        tidy: list[Any] = []
        for c in out:  # captions never overlap on a track
            if tidy and c.start < tidy[-1].end and (tidy[-1].start, tidy[-1].end) in rows and (c.start, c.end) not in rows:
                spill.append(c)  # a row under the title keeps its time; a picture's caption moved under it keeps its own
                continue
            if tidy and c.start < tidy[-1].end and (c.start, c.end) in rows and (tidy[-1].start, tidy[-1].end) not in rows \
                    and c.start - tidy[-1].start < _READ_MS:
                # a picture's caption the call to action's row now starts over ("38一份" cut to 0.14 s when the last
                # clip went): kept whole beside it, as above
                spill.append(tidy.pop())
            if tidy and c.start < tidy[-1].end:
                d = c.start - tidy[-1].start
                if d <= 0:
                    continue
                tidy[-1] = fix_fades(tidy[-1].model_copy(update={"duration": d}))
            tidy.append(c)
        t.segs = tidy
    if spill:  # on a caption track of their own: the layout shows them with the row, nothing cut or lost
        extra = st.add_track(Role.CAPTION)
        extra.segs = sorted(spill, key=lambda c: c.start)
    # a caption track left empty (its captions went with their pictures) goes too: the summary
    # listed "Caption: (empty)"
    st.tracks = [t for t in st.tracks if t.segs or t.role is not Role.CAPTION]
