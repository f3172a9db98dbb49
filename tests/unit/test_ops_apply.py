"""Edit ops and their pure application: examples plus Hypothesis properties.

Properties: applying any valid op sequence keeps every invariant — positive durations, the
main track contiguous from 0 with transitions overlapping exactly, the total equal to the main
track's end, nothing past the end, no overlaps — and is deterministic and pure.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reelforge.errors import PlanError, ReelforgeError
from reelforge.planner import ops as O
from reelforge.planner.apply import ApplyError, apply
from reelforge.timeline import Fit, Motion, Role, TextSegment, Timeline, Transition

from .edit_cases import LIBRARY, check_invariants, sample_timeline

TL = sample_timeline()


def main(tl: Timeline):
    return tl.track(Role.MAIN).segments


def names(tl: Timeline) -> list[str]:
    return [s.name for s in main(tl)]


# -- examples --------------------------------------------------------------------------------
def test_schema_and_round_trip_of_ops():
    schema = O.ops_json_schema()
    assert schema["properties"]["ops"]["type"] == "array"
    ops = [O.SetVolume(role="music", volume=0.2), O.AddText(text="Hi", timing=O.Timing(duration_ms=3000)),
           O.MoveSegment(target=O.Target(index=1, kind="image"), to_index=-1)]
    assert O.parse_ops(O.dump_ops(ops)) == ops
    with pytest.raises(PlanError):
        O.parse_ops([{"op": "explode"}])
    with pytest.raises(PlanError):
        O.parse_ops([{"op": "set_volume", "volume": -1}])


def test_apply_is_pure():
    before = TL.to_json()
    apply(TL, [O.SetFrame(aspect="9:16"), O.RemoveSegment(target=O.Target(index=0))])
    assert TL.to_json() == before


def test_vertical():
    new = apply(TL, [O.SetFrame(aspect="9:16")])
    assert (new.width, new.height) == (1080, 1920)
    assert apply(TL, [O.SetFrame(aspect="9:16", resolution="720p")]).width == 720


def test_remove_shortens_and_refits_other_tracks():
    new = apply(TL, [O.RemoveSegment(target=O.Target(index=1, kind="image"))])
    assert names(new) == ["shoe.jpg", "street.mp4", "beach.jpg", "sneaker.jpg", "mountain.jpg"]
    assert new.duration == 25000
    assert new.track(Role.MUSIC).segments[0].end == 25000  # music spans the whole again
    assert new.track(Role.CTA).segments[0].end == 25000  # stays anchored to the end
    assert new.track(Role.TITLE).segments[0].end == 3000
    check_invariants(new)


def test_move_keeps_length_and_first_shot_has_no_transition():
    new = apply(TL, [O.MoveSegment(target=O.Target(index=-1), to_index=0)])
    assert names(new)[0] == "mountain.jpg" and new.duration == 30000
    assert main(new)[0].transition is Transition.CUT and main(new)[1].transition is Transition.CROSSFADE
    check_invariants(new)


def test_move_after_and_swap_and_reverse():
    new = apply(TL, [O.MoveSegment(target=O.Target(index=1, kind="image"), after=O.Target(index=3, kind="image"))])
    assert names(new) == ["shoe.jpg", "street.mp4", "beach.jpg", "sneaker.jpg", "city.jpg", "mountain.jpg"]
    new = apply(TL, [O.SwapSegments(a=O.Target(index=0), b=O.Target(name="sneaker"))])
    assert names(new)[0] == "sneaker.jpg" and names(new)[4] == "shoe.jpg"
    new = apply(TL, [O.ReverseOrder()])
    assert names(new) == list(reversed(names(TL)))
    check_invariants(new)


def test_reorder():
    new = apply(TL, [O.ReorderSegments(order=[5, 0])])
    assert names(new) == ["mountain.jpg", "shoe.jpg", "city.jpg", "street.mp4", "beach.jpg", "sneaker.jpg"]
    assert new.duration == 30000 and main(new)[0].transition is Transition.CUT
    check_invariants(new)
    with pytest.raises(ApplyError, match="only 6 shots"):
        apply(TL, [O.ReorderSegments(order=[9])])
    with pytest.raises(ApplyError, match="only once"):
        apply(TL, [O.ReorderSegments(order=[1, 1])])


def test_targets_by_time_name_and_errors():
    new = apply(TL, [O.RemoveSegment(target=O.Target(at_ms=12000))])
    assert "street.mp4" not in names(new)
    with pytest.raises(ApplyError, match="only 5 images"):
        apply(TL, [O.RemoveSegment(target=O.Target(index=9, kind="image"))])
    with pytest.raises(ApplyError, match="which one"):
        apply(TL, [O.RemoveSegment(target=O.Target(name="jpg"))])
    with pytest.raises(ApplyError, match="no caption"):
        apply(TL, [O.RemoveText(target=O.Target(role=Role.CAPTION, index=0))])
    assert issubclass(ApplyError, ReelforgeError) and issubclass(ApplyError, ValueError)


def test_total_duration_refits_main_exactly():
    for total in (7000, 15000, 29999, 60000):
        new = apply(TL, [O.SetTotalDuration(duration_ms=total)])
        assert new.duration == total
        check_invariants(new)
    with pytest.raises(ApplyError):
        apply(TL, [O.SetTotalDuration(duration_ms=300)])


def test_clip_cannot_outrun_its_footage():
    with pytest.raises(ApplyError, match="footage"):
        apply(TL, [O.SetSegmentDuration(target=O.Target(index=0, kind="video"), duration_ms=20000)])
    new = apply(TL, [O.SetSpeed(target=O.Target(index=0, kind="video"), speed=2.0)])
    clip = main(new)[2]
    assert clip.speed == 2.0 and clip.duration == 2750


def test_fit_to_voice():
    new = apply(TL, [O.FitToVoice()])
    assert new.duration == 24500
    check_invariants(new)


def test_text_ops():
    new = apply(TL, [O.AddText(text="Spring Sale", timing=O.Timing(duration_ms=3000))])
    titles = new.track(Role.TITLE).segments
    assert [t.text for t in titles] == ["Spring Sale"]  # replaces what the title showed then
    new = apply(TL, [O.AddText(text="Free shipping", role="caption", timing=O.Timing(start_ms=10000, duration_ms=4000))])
    cap = new.track(Role.CAPTION).segments[0]
    assert (cap.start, cap.end, cap.position.value) == (10000, 14000, "bottom")
    new = apply(TL, [O.UpdateText(target=O.Target(role=Role.TITLE, index=0), color="#FF0000", position="top",
                                  timing=O.Timing(anchor="end", duration_ms=2000))])
    t = new.track(Role.TITLE).segments[0]
    assert (t.color, t.position.value, t.start, t.end) == ("#FF0000", "top", 28000, 30000)
    assert isinstance(t, TextSegment)
    new = apply(TL, [O.RemoveText()])
    assert not any(tr.role in (Role.TITLE, Role.CTA) for tr in new.tracks)


def test_audio_ops():
    new = apply(TL, [O.SetVolume(role="music", volume=0.2), O.SetFade(role="music", fade_in_ms=1000),
                     O.SetDuck(on=False)])
    m = new.track(Role.MUSIC).segments[0]
    assert (m.volume, m.fade_in_ms, m.duck) == (0.2, 1000, False)
    new = apply(TL, [O.SetVolume(role="voice", factor=0.5)])
    assert new.track(Role.VOICE).segments[0].volume == 0.5
    new = apply(TL, [O.RemoveTrack(role=Role.MUSIC)])
    assert new.track(Role.MUSIC) is None
    new = apply(TL, [O.ReplaceMusic(asset_id="jazz1")], library=LIBRARY)
    m = new.track(Role.MUSIC).segments[0]
    assert m.src == "jazz1" and m.loop and m.volume == 0.35 and m.end == 30000
    assert "bgm1" not in {a.id for a in new.assets} and "jazz1" in {a.id for a in new.assets}
    new = apply(TL, [O.SetClipAudio(mute=True)])
    assert main(new)[2].mute


def test_look_ops():
    new = apply(TL, [O.SetTransition(kind=Transition.CUT)])
    assert all(s.transition is Transition.CUT for s in main(new)) and new.duration == 30000
    new = apply(TL, [O.SetTransition(kind=Transition.FADE_BLACK, duration_ms=1000)])
    assert all(s.transition_ms == 1000 for s in main(new)[1:]) and new.duration == 30000
    check_invariants(new)
    new = apply(TL, [O.SetMotion(motion=Motion.NONE)])
    assert all(s.motion is Motion.NONE for s in main(new))
    new = apply(TL, [O.SetBackground(color="#ffffff")])
    assert new.background == "#FFFFFF" and all(s.fit is Fit.CONTAIN for s in main(new))
    new = apply(TL, [O.AddLogo(asset_id="logo1", position="top-right")], library=LIBRARY)
    logo = new.track(Role.LOGO).segments[0]
    assert logo.position.value == "top-right" and logo.end == 30000


def test_add_and_replace_from_library():
    new = apply(TL, [O.AddSegment(asset_id="vid2", after=O.Target(index=1, kind="image"))], library=LIBRARY)
    assert names(new)[2] == "surf.mp4" and new.duration == 35500
    with pytest.raises(ApplyError, match="no media"):
        apply(TL, [O.AddSegment(asset_id="nope")], library=LIBRARY)
    new = apply(TL, [O.ReplaceSource(target=O.Target(index=0), asset_id="logo1")], library=LIBRARY)
    assert names(new)[0] == "logo.png"
    with pytest.raises(ApplyError, match="audio"):
        apply(TL, [O.ReplaceSource(target=O.Target(index=0), asset_id="jazz1")], library=LIBRARY)


def test_undo_is_not_applied_here():
    with pytest.raises(ApplyError):
        apply(TL, [O.Undo()])


# -- properties --------------------------------------------------------------------------------
kinds = st.sampled_from([None, "image", "video"])
targets = st.one_of(
    st.builds(O.Target, index=st.integers(-7, 6), kind=kinds),
    st.builds(O.Target, name=st.sampled_from(["shoe", "city", "street", "beach", "sneaker", "mountain", "surf"])),
    st.builds(O.Target, at_ms=st.integers(0, 40000)),
)
text_targets = st.builds(O.Target, role=st.sampled_from([Role.TITLE, Role.CTA, Role.CAPTION]), index=st.integers(-2, 1))
timings = st.builds(O.Timing, start_ms=st.integers(0, 35000), duration_ms=st.one_of(st.none(), st.integers(1, 20000)),
                    anchor=st.sampled_from(["start", "end"]))
ms = st.integers(0, 4000)
ops = st.one_of(
    st.builds(O.RemoveSegment, target=targets),
    st.builds(O.MoveSegment, target=targets, to_index=st.integers(-7, 6)),
    st.builds(O.MoveSegment, target=targets, after=targets),
    st.builds(O.SwapSegments, a=targets, b=targets),
    st.just(O.ReverseOrder()),
    st.builds(O.ReorderSegments, order=st.lists(st.integers(0, 7), min_size=1, max_size=7)),
    st.builds(O.ReplaceSource, target=targets, asset_id=st.sampled_from(["vid2", "logo1", "img3"])),
    st.builds(O.TrimSegment, target=targets, head_ms=ms, tail_ms=ms),
    st.builds(O.SetSegmentDuration, target=targets, duration_ms=st.integers(1, 12000)),
    st.builds(O.SetTotalDuration, duration_ms=st.integers(1, 90000)),
    st.just(O.FitToVoice()),
    st.builds(O.SetSpeed, target=st.one_of(st.none(), targets), speed=st.floats(0.25, 4.0)),
    st.builds(O.SetClipAudio, target=st.one_of(st.none(), targets), mute=st.booleans()),
    st.builds(O.AddText, text=st.sampled_from(["Hi", "春季大促"]), role=st.sampled_from(["title", "caption", "cta"]),
              timing=timings),
    st.builds(O.UpdateText, target=text_targets, text=st.one_of(st.none(), st.just("New")), timing=st.one_of(st.none(), timings)),
    st.builds(O.RemoveText, role=st.sampled_from([None, "title", "caption", "cta"])),
    st.builds(O.SetVolume, role=st.sampled_from(["music", "voice", "main"]), volume=st.floats(0, 4)),
    st.builds(O.SetVolume, role=st.sampled_from(["music", "voice"]), factor=st.floats(0.01, 16)),
    st.builds(O.SetFade, fade_in_ms=st.one_of(st.none(), ms), fade_out_ms=st.one_of(st.none(), ms)),
    st.builds(O.SetVideoFade, fade_in_ms=st.one_of(st.just(0), ms), fade_out_ms=st.one_of(st.none(), ms)),
    st.builds(O.SetDuck, on=st.booleans()),
    st.builds(O.SetDuck, depth=st.floats(0.5, 4.0)),
    st.builds(O.RemoveTrack, role=st.sampled_from([Role.MUSIC, Role.VOICE, Role.TITLE, Role.LOGO, Role.MAIN])),
    st.just(O.ReplaceMusic(asset_id="jazz1")),
    st.builds(O.SetTransition, target=st.one_of(st.none(), targets), kind=st.sampled_from(list(Transition)),
              duration_ms=st.one_of(st.none(), st.integers(0, 3000))),
    st.builds(O.SetMotion, target=st.one_of(st.none(), targets), motion=st.sampled_from([*Motion, "auto"])),
    st.builds(O.SetFrame, aspect=st.sampled_from([None, "16:9", "9:16", "1:1", "4:5"]),
              resolution=st.sampled_from([None, "480p", "720p", "1080p", "4k"])),
    st.builds(O.SetFit, target=st.one_of(st.none(), targets), fit=st.sampled_from(list(Fit))),
    st.builds(O.SetBackground, color=st.sampled_from([None, "#FFFFFF", "#123456"]), blur=st.booleans()),
    st.builds(O.AddLogo, asset_id=st.just("logo1")),
    st.builds(O.AddSegment, asset_id=st.sampled_from(["vid2", "logo1", "img1"]),
              after=st.one_of(st.none(), targets)),
    # AI results carried as data
    st.builds(O.SetCaptions, cues=st.lists(st.builds(
        lambda a, d, t: O.Cue(start_ms=a, end_ms=a + d, text=t), st.integers(0, 40000), st.integers(1, 6000),
        st.sampled_from(["Fresh coffee", "every morning\ndelivered", "欢迎光临"])), min_size=1, max_size=8)),
    st.builds(O.AddVoiceover, asset_id=st.sampled_from(["jazz1", "vo1", "vid2", "img1"]), start_ms=st.integers(0, 35000)),
    st.builds(O.SetFocus, target=st.one_of(st.none(), targets), fx=st.floats(0, 1), fy=st.floats(0, 1)),
    st.builds(O.SetFocus, target=st.one_of(st.none(), targets)),
    st.builds(O.BeatSync, beat_times_ms=st.lists(st.integers(0, 60000), min_size=1, max_size=80),
              offset_ms=st.integers(-5000, 5000)),
    st.builds(O.SetInPoint, target=st.one_of(targets, st.just(O.Target(role=Role.VOICE, index=0))),
              in_ms=st.integers(0, 30000), duration_ms=st.one_of(st.none(), st.integers(1, 20000))),
    st.builds(O.ApplyBrand, brand=st.sampled_from([{"name": "Acme", "cta": "Shop at acme.com"}, {"name": "B"},
                                                 {"name": "C", "intro": {"text": "Hi", "duration_ms": 1000},
                                                  "outro": {"text": "Bye"}}]),
              logo_asset_id=st.sampled_from([None, "logo1"]), intro_asset_id=st.sampled_from([None, "img1"]), outro_asset_id=st.sampled_from([None, "img2"])),
)


TL_CAPTIONED = apply(TL, [O.AddText(text=f"Caption {i}", role="caption",
                                    timing=O.Timing(start_ms=1000 + i * 5000, duration_ms=2500)) for i in range(6)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([TL, TL_CAPTIONED]), st.lists(ops, min_size=1, max_size=6))
def test_any_op_sequence_keeps_the_timeline_valid(start, seq):
    tl = start
    for op in seq:
        try:
            nxt = apply(tl, [op], library=LIBRARY)
        except ApplyError as exc:
            assert exc.message  # a readable refusal, never another exception
            continue
        assert nxt == apply(tl, [op], library=LIBRARY)  # deterministic
        check_invariants(nxt)
        tl = nxt


@settings(max_examples=60, deadline=None)
@given(st.lists(ops, min_size=1, max_size=4))
def test_ops_survive_json(seq):
    assert O.parse_ops(json.loads(json.dumps(O.dump_ops(seq)))) == seq


def test_captions_follow_their_pictures():
    tl = apply(TL, [O.AddText(text="Beach day", role="caption", timing=O.Timing(start_ms=16000, duration_ms=2000))])
    moved = apply(tl, [O.MoveSegment(target=O.Target(name="beach"), to_index=0)])
    beach = main(moved)[0]
    cap = moved.track(Role.CAPTION).segments[0]
    assert beach.name == "beach.jpg" and beach.start <= cap.start and cap.end <= beach.end
    assert cap.start - beach.start == 16000 - 15000
    shorter = apply(tl, [O.SetTotalDuration(duration_ms=15000)])
    cap = shorter.track(Role.CAPTION).segments[0]
    beach = main(shorter)[3]
    assert beach.start <= cap.start and cap.end <= beach.end
    gone = apply(tl, [O.RemoveSegment(target=O.Target(name="beach"))])
    assert gone.track(Role.CAPTION) is None  # its last caption gone, the track too


def _captions(tl: Timeline) -> list[TextSegment]:
    return [s for t in tl.tracks_by_role(Role.CAPTION) for s in t.segments]


def test_a_text_put_over_a_shot_shows_in_its_clear_part_and_goes_with_it():
    # v2 runs 5.0-10.5 s, crossfading in over 5.0-5.5 and out from 10.0: its clear part is
    # 5.5-10.0 s, a sixth in from each end 6.25-9.25 s
    new = apply(TL, [O.AddText(text="Fresh air", role="caption", shot=O.Target(index=1))], library=LIBRARY)
    check_invariants(new)
    (cap,) = _captions(new)
    assert (cap.start, cap.end, cap.shot) == (6250, 9250, "v2")
    # moved to the end, the caption goes with its shot
    moved = apply(new, [O.MoveSegment(target=O.Target(index=1), to_index=-1)], library=LIBRARY)
    v2 = next(s for s in main(moved) if s.id == "v2")
    (cap,) = _captions(moved)
    assert v2.start <= cap.start and cap.end <= v2.end and cap.shot == "v2"
    # a second text over the same shot shares its time: the first half the one there, the second the new
    # one (both with the shot, neither lost, never both at once)
    again = apply(new, [O.AddText(text="Clean water", role="caption", shot=O.Target(name="city"))], library=LIBRARY)
    check_invariants(again)
    first, second = _captions(again)
    assert [(c.text, c.shot) for c in (first, second)] == [("Fresh air", "v2"), ("Clean water", "v2")]
    assert (first.start, first.end, second.end) == (5500, 7750, 10000)
    assert second.start == first.end
    # a caption the file's name made gives way whole to the one added
    named = apply(TL, [O.AddText(text="City", role="caption", shot=O.Target(index=1))], library=LIBRARY)
    named = apply(named, [O.AddText(text="Clean water", role="caption", shot=O.Target(index=1))], library=LIBRARY)
    assert [(c.text, c.shot) for c in _captions(named)] == [("Clean water", "v2")]
    # a title over a shot takes the shot's time but belongs to no shot; a shot that is not there is an error
    titled = apply(TL, [O.AddText(text="Summer", shot=O.Target(index=-1))], library=LIBRARY)
    summer = next(s for s in titled.track(Role.TITLE).segments if s.text == "Summer")
    assert 25500 <= summer.start and summer.end <= 30000 and summer.shot is None
    with pytest.raises(ApplyError):
        apply(TL, [O.AddText(text="Nowhere", role="caption", shot=O.Target(index=9))], library=LIBRARY)


def test_a_fit_the_user_asks_for_is_locked_and_new_shots_take_it():
    filled = apply(TL, [O.SetFit(fit=Fit.CONTAIN, target=O.Target(index=0))], library=LIBRARY)
    assert main(filled)[0].fit_locked and not main(filled)[1].fit_locked
    blurred = apply(TL, [O.SetBackground(blur=True)], library=LIBRARY)
    assert all(s.fit is Fit.BLUR and s.fit_locked for s in main(blurred))
    added = apply(blurred, [O.AddSegment(asset_id="vid2")], library=LIBRARY)
    assert main(added)[-1].fit is Fit.BLUR and main(added)[-1].fit_locked
    # the framing's own fit (a focus op with a fit) is not the user's: unlocked, and not passed on
    framed = apply(blurred, [O.SetFocus(target=O.Target(index=-1), fx=0.5, fy=0.5, box=(0.2, 0.2, 0.8, 0.8),
                                        fit=Fit.COVER)], library=LIBRARY)
    assert not main(framed)[-1].fit_locked
    after = apply(framed, [O.AddSegment(asset_id="vid2")], library=LIBRARY)
    assert main(after)[-1].fit is Fit.COVER and not main(after)[-1].fit_locked
    # the lock survives the compact draft
    from reelforge.timeline.draft import from_draft, to_draft

    again = from_draft(to_draft(blurred), base=blurred)
    assert [s.fit_locked for s in main(again)] == [s.fit_locked for s in main(blurred)]


def test_captions_timed_to_the_voice_stay_with_the_voice_when_shots_move():
    # "Order yours" is said at 6-8 s, inside the second shot (5.0-10.5 s): moving that shot to the
    # end must not take the words away from when they are said
    said = apply(TL, [O.SetCaptions(cues=[O.Cue(start_ms=6000, end_ms=8000, text="Order yours")])], library=LIBRARY)
    moved = apply(said, [O.MoveSegment(target=O.Target(index=1), to_index=-1)], library=LIBRARY)
    cue = moved.track(Role.CAPTION).segments[0]
    assert (cue.text, cue.start, cue.end) == ("Order yours", 6000, 8000)
    # a caption made for a picture still goes with it
    both = apply(moved, [O.AddText(text="City", role="caption", shot=O.Target(name="city"))], library=LIBRARY)
    back = apply(both, [O.MoveSegment(target=O.Target(name="city"), to_index=0)], library=LIBRARY)
    city = next(s for s in main(back) if s.name == "city.jpg")
    caps = {c.text: c for c in back.track(Role.CAPTION).segments}
    assert city.start <= caps["City"].start and caps["City"].end <= city.end
    assert (caps["Order yours"].start, caps["Order yours"].end) == (6000, 8000)


def test_removing_the_voiceover_takes_the_captions_of_what_it_said():
    """The captions of the voice's speech went on over a silent video after "remove the voiceover";
    a caption typed for a picture and one of a clip's own speech (anchored to its shot) stay."""
    clip = next(s for s in main(TL) if s.name.endswith(".mp4"))
    cues = [O.Cue(start_ms=6000, end_ms=8000, text="Order yours"),
            O.Cue(start_ms=clip.start + 100, end_ms=clip.start + 1500, text="Hello there", shot=clip.id)]
    spoken = apply(TL, [O.SetCaptions(cues=cues), O.AddText(text="City", role="caption", shot=O.Target(name="city"))],
                   library=LIBRARY)

    def captions(tl: Timeline) -> set[str]:
        return {c.text for t in tl.tracks_by_role(Role.CAPTION) for c in t.segments}

    assert captions(spoken) == {"Order yours", "Hello there", "City"}
    gone = apply(spoken, [O.RemoveTrack(role=Role.VOICE)], library=LIBRARY)
    assert gone.track(Role.VOICE) is None
    assert captions(gone) == {"Hello there", "City"}
    only = apply(apply(TL, [O.SetCaptions(cues=cues[:1])], library=LIBRARY), [O.RemoveTrack(role=Role.VOICE)],
                 library=LIBRARY)
    assert not only.tracks_by_role(Role.CAPTION)  # no empty caption track left behind
    assert captions(apply(spoken, [O.RemoveTrack(role=Role.MUSIC)], library=LIBRARY)) == captions(spoken)


def test_texts_added_by_an_edit_look_like_the_first_cuts():
    from reelforge.timeline import TextBackground, TextSize

    new = apply(TL, [O.AddText(text="Free shipping", role="caption", timing=O.Timing(start_ms=10000, duration_ms=4000)),
                     O.AddText(text="Spring Sale", timing=O.Timing(start_ms=4000, duration_ms=3000)),
                     O.AddText(text="A much longer title that wraps over lines", timing=O.Timing(start_ms=15000, duration_ms=3000))],
                library=LIBRARY)
    cap = new.track(Role.CAPTION).segments[0]
    assert cap.background is TextBackground.SHADOW  # the clean look's captions: an outline, no plate, as a first cut's
    sizes = {s.text: s.size for s in new.track(Role.TITLE).segments}
    assert sizes["Spring Sale"] is TextSize.XLARGE and sizes["A much longer title that wraps over lines"] is TextSize.LARGE
    bold = apply(apply(TL, [O.SetStyle(style="bold")], library=LIBRARY),
                 [O.AddText(text="Free shipping", role="caption")], library=LIBRARY)
    assert bold.track(Role.CAPTION).segments[0].background is TextBackground.BOX  # the bold look's solid box


@pytest.mark.parametrize(("look", "background"), [("clean", "shadow"), ("bold", "box"), ("minimal", "shadow"),
                                                  ("playful", "box")])
def test_captions_of_the_speech_take_the_looks_caption_box(look, background):
    """Captions set from a voice or a script (`SetCaptions`) with no background of their own are
    drawn as the look's captions are (they were always boxed: a dark plate over the clean look's
    close-ups hid a cat's nose and mouth); one given stays."""
    cues = [O.Cue(start_ms=1000, end_ms=3000, text="Roasted at dawn")]
    styled = apply(TL, [O.SetStyle(style=look)], library=LIBRARY)
    got = apply(styled, [O.SetCaptions(cues=cues)], library=LIBRARY).track(Role.CAPTION).segments[0]
    assert got.background.value == background
    given = apply(styled, [O.SetCaptions(cues=cues, style=O.CaptionStyle(background="none"))], library=LIBRARY)
    assert given.track(Role.CAPTION).segments[0].background.value == "none"


def test_a_brand_kit_applied_again_after_a_reverse_leaves_no_gap():
    """Found by the property test above: the old outro card first after "reverse the order", a
    second kit removed it and left the shots starting at 1.5 s (or with a gap after its intro)."""
    kit = {"name": "C", "intro": {"text": "Hi", "duration_ms": 1000}, "outro": {"text": "Bye"}}
    tl = apply(TL, [O.ApplyBrand(brand=kit, outro_asset_id="img2"), O.ReverseOrder()], library=LIBRARY)
    for again in (O.ApplyBrand(brand={"name": "Acme", "cta": "Shop at acme.com"}),
                  O.ApplyBrand(brand=kit, intro_asset_id="img1")):
        check_invariants(apply(tl, [again], library=LIBRARY))


def test_video_fade_is_set_kept_and_cleared():
    new = apply(TL, [O.SetVideoFade(fade_out_ms=1000), O.SetFrame(aspect="9:16"), O.RemoveSegment(target=O.Target(index=0))])
    assert (new.fade_in_ms, new.fade_out_ms) == (0, 1000)
    new = apply(new, [O.SetVideoFade(fade_in_ms=500)])
    assert (new.fade_in_ms, new.fade_out_ms) == (500, 1000)
    new = apply(new, [O.SetVideoFade(fade_in_ms=0, fade_out_ms=0)])
    assert (new.fade_in_ms, new.fade_out_ms) == (0, 0)
    with pytest.raises(PlanError):
        O.parse_op({"op": "set_video_fade"})


@pytest.mark.parametrize(("text", "note"), [("remove the voiceover", "Its captions went with it."),
                                            ("删除旁白", "它的字幕也一起删除了。"),
                                            ("music only", "Its captions went with it.")])
def test_the_reply_says_the_voiceovers_captions_went_with_it(text, note):
    from reelforge.planner.rules import plan_edit

    said = apply(TL, [O.SetCaptions(cues=[O.Cue(start_ms=6000, end_ms=8000, text="Order yours")])], library=LIBRARY)
    plan = plan_edit(text, said, library=LIBRARY)
    assert plan.ops == (O.RemoveTrack(role=Role.VOICE),) and note in plan.reply
    assert note not in plan_edit(text, TL, library=LIBRARY).reply  # no captions of it: nothing to say
