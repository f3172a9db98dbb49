"""Instructions as people type them after a first cut (user test s10): each was not understood, a
question, or done wrong (often destructively: "add 5 seconds" made a 30 s video 5 s long). Pure
planning on the sample timeline (30 s), applied to check the result."""

from __future__ import annotations

import pytest

from reelforge.planner.apply import apply
from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role
from reelforge.timeline import replace as t_replace
from reelforge.timeline.model import TextSegment, Track

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()


def _plan(text, tl=TL):
    return plan_edit(text, tl, library=LIBRARY)


# -- 1. an amount of time added or taken off is an amount, not the new length ------------------------
@pytest.mark.parametrize(("text", "ms"), [
    ("add 5 more seconds", 35000), ("add five more seconds", 35000), ("5 more seconds please", 35000),
    ("add 5 seconds", 35000), ("add 5 seconds to the video", 35000), ("remove 5 seconds", 25000),
    ("再长5秒", 35000), ("再加5秒", 35000), ("多加5秒", 35000), ("再短3秒", 27000), ("短3秒", 27000),
    ("make it 5 seconds longer", 35000), ("make it 20 seconds", 20000), ("改成20秒", 20000),
])
def test_total_length_by_an_amount(text, ms):
    plan = _plan(text)
    assert plan.status == "ok", plan.reply
    assert dump_ops(plan.ops) == [{"duration_ms": ms, "op": "set_total_duration"}]


@pytest.mark.parametrize(("text", "ms"), [
    ("add 2 seconds to the first photo", 7500), ("第一张图片加2秒", 7500), ("set the first photo to 3 seconds", 3000),
    ("第一张图片改成3秒", 3000),
])
def test_shot_length_by_an_amount(text, ms):
    plan = _plan(text)
    assert dump_ops(plan.ops) == [{"target": {"index": 0, "kind": "image"}, "duration_ms": ms,
                                   "op": "set_segment_duration"}]


# -- 2. fading one shot fades that shot's picture, never the music --------------------------------------
def _all_cuts():
    return apply(TL, plan_edit("hard cuts", TL, library=LIBRARY).ops, library=LIBRARY)


def test_fading_in_a_shot_in_the_middle_dissolves_it_in():
    tl = _all_cuts()
    plan = _plan("fade in the second image", tl)
    assert dump_ops(plan.ops) == [{"target": {"index": 1}, "kind": "crossfade", "op": "set_transition"}]
    new = apply(tl, plan.ops, library=LIBRARY)
    main = new.track(Role.MAIN).segments
    assert main[1].transition.value == "crossfade" and main[2].transition.value == "cut"
    assert new.track(Role.MUSIC).segments[0] == tl.track(Role.MUSIC).segments[0]


@pytest.mark.parametrize(("text", "op"), [
    ("fade in the first photo", {"fade_in_ms": 1000, "op": "set_video_fade"}),
    ("fade out the last photo", {"fade_out_ms": 1000, "op": "set_video_fade"}),
    ("第一张图片淡入", {"fade_in_ms": 1000, "op": "set_video_fade"}),
])
def test_fading_the_first_or_last_shot_fades_the_picture(text, op):
    assert dump_ops(_plan(text).ops) == [op]


@pytest.mark.parametrize(("text", "says"), [
    ("fade in the second image", "already dissolves in"), ("fade out the 2nd photo", "already dissolves out"),
    ("第二张图片淡入", "已经从前一个镜头叠化进入"),
])
def test_a_shot_that_already_dissolves_is_said_not_the_music_faded(text, says):
    plan = _plan(text)
    assert plan.ops == () and says in plan.reply


def test_fading_the_music_is_still_the_music():
    assert dump_ops(_plan("fade in the music").ops) == [{"fade_in_ms": 2000, "op": "set_fade"}]


# -- 3. "X instead of Y", "replace Y with X": the transition asked for is X -------------------------------
@pytest.mark.parametrize(("text", "kind"), [
    ("use cuts instead of crossfades", "cut"), ("cuts instead of fades", "cut"), ("replace the crossfades with cuts", "cut"),
    ("crossfades instead of cuts", "crossfade"), ("replace the hard cuts with dissolves", "crossfade"),
    ("swap the crossfades for wipes", "wipe-left"), ("把叠化换成硬切", "cut"), ("转场改成叠化", "crossfade"),
])
def test_the_transition_asked_for_not_the_one_it_replaces(text, kind):
    assert dump_ops(_plan(text).ops) == [{"kind": kind, "op": "set_transition"}]


# -- 4. a text placed past the end, or at no time at all, is said (it was clamped or put throughout) ------
@pytest.mark.parametrize(("text", "says"), [
    ("add caption 'hi' from 1e30s to 1e31s", "'1e30s' is not a time I can read"),
    ("add the title 'x' at 99999999:00", "The video is 30s long: 99999999:00 is past its end"),
    ("add text 'Sale' at 45s", "45s is past its end"),
    ("在第40秒加字幕“hi”", "视频只有30s长：40秒已经超过结尾"),
])
def test_a_time_past_the_end_is_said(text, says):
    plan = _plan(text)
    assert plan.ops == () and says in plan.reply, plan.reply


@pytest.mark.parametrize(("text", "timing"), [
    ("add the caption 'hi' at 0:12", {"start_ms": 12000, "duration_ms": 3000}),
    ("add the caption 'hi' from 25s to 40s", {"start_ms": 25000, "duration_ms": 5000}),  # starts inside: kept
])
def test_a_time_inside_the_video_still_places_the_text(text, timing):
    assert dump_ops(_plan(text).ops)[0]["timing"] == timing


# -- 5. a text past the text limit is refused before any work on it ------------------------------------
@pytest.mark.parametrize(("text", "says"), [
    ("add the title '" + ("Big summer sale " * 700)[:9950] + "'",
     "That text is 9,950 characters long; a text on screen can have at most 1,000 (REELFORGE_MAX_TEXT_CHARS)."),
    ("把标题改成“" + "夏季大促" * 300 + "”", "这段文字有1200个字符；屏幕上的一段文字最多1000个字符"),
])
def test_a_text_past_the_limit_is_refused_before_it_is_applied(monkeypatch, text, says):
    import reelforge.session as S

    s = S.Session(library=LIBRARY, timeline=TL, version=1)

    def never(*a, **k):
        raise AssertionError("applied (and laid out) a text the limit refuses")

    monkeypatch.setattr(S, "apply", never)
    r = s.handle(text)
    assert r.status == "error" and not r.changed and says in r.message, r.message
    assert s.timeline == TL


# -- 6. the "!" of an unquoted text is part of it ------------------------------------------------------
@pytest.mark.parametrize(("text", "role", "words"), [
    ("call to action: Order today!", "cta", "Order today!"), ("cta: Buy now!", "cta", "Buy now!"),
    ("title: Summer Sale!", "title", "Summer Sale!"), ("change the cta to Order today!", "cta", "Order today!"),
    ("title: Red Sale!", "title", "Red Sale!"), ("行动号召：立即购买！", "cta", "立即购买！"),
])
def test_an_exclamation_mark_stays_in_the_text(text, role, words):
    new = apply(TL, _plan(text).ops, library=LIBRARY)
    assert new.track(Role(role)).segments[0].text == words


@pytest.mark.parametrize(("text", "op"), [
    ("change the title to red!", {"color": "#FF0000", "op": "update_text"}),
    ("change the title to the top!", {"position": "top", "op": "update_text"}),
])
def test_a_look_with_an_exclamation_mark_is_still_a_look(text, op):
    assert dump_ops(_plan(text).ops) == [op]


# -- 7. a caption named by its words, or by its place in Chinese, is that one caption ------------------
def _with_captions():
    cap = Track(id="caption-1", kind="text", role=Role.CAPTION, segments=(
        TextSegment(id="c1", start=1000, duration=3000, text="Eye Pan", position="bottom"),
        TextSegment(id="c2", start=6000, duration=3000, text="Lens Kit", position="bottom"),
        TextSegment(id="c3", start=12000, duration=3000, text="Street life", position="bottom")))
    return t_replace(TL, tracks=(*TL.tracks, cap))


@pytest.mark.parametrize(("text", "changed", "field", "value"), [
    ("swap the eye pan caption for 'Modern equipment'", "c1", "text", "Modern equipment"),
    ("replace the eye pan caption with 'Modern equipment'", "c1", "text", "Modern equipment"),
    ("change the lens kit caption to red", "c2", "color", "#FF0000"),
    ("make the street life caption bigger", "c3", "size", "large"),
    ("把Eye Pan字幕改成“现代设备”", "c1", "text", "现代设备"),
    ("第二条字幕改成“X”", "c2", "text", "X"),
    ("最后一条字幕改成红色", "c3", "color", "#FF0000"),
])
def test_one_caption_by_its_words_or_place(text, changed, field, value):
    tl = _with_captions()
    plan = _plan(text, tl)
    assert plan.status == "ok", plan.reply
    new = apply(tl, plan.ops, library=LIBRARY)
    before = {s.id: s for s in tl.track(Role.CAPTION).segments}
    after = {s.id: s for s in new.track(Role.CAPTION).segments}
    assert str(getattr(after[changed], field)).lower().endswith(str(value).lower())
    assert [i for i in before if before[i] != after[i]] == [changed]


def test_every_caption_when_none_is_named():
    tl = _with_captions()
    new = apply(tl, _plan("字幕改成黄色", tl).ops, library=LIBRARY)
    assert {s.color for s in new.track(Role.CAPTION).segments} == {"#FFD400"}


def test_to_say_is_not_part_of_the_new_words():
    tl = _with_captions()
    new = apply(tl, _plan("edit the eye pan text to say Modern equipment", tl).ops, library=LIBRARY)
    assert new.track(Role.CAPTION).segments[0].text == "Modern equipment"


# -- 8. a call to action added where one already is changes its words (it was cut to ~1 s under a second) ----
@pytest.mark.parametrize(("text", "words"), [
    ("add the text 'Order now' at the end", "Order now"), ("add 'Order now' at the end", "Order now"),
    ("add the cta 'Order now'", "Order now"), ("结尾加上“立即下单”", "立即下单"),
])
def test_a_new_call_to_action_over_the_old_one_replaces_its_words(text, words):
    plan = _plan(text)
    new = apply(TL, plan.ops, library=LIBRARY)
    (cta,) = new.track(Role.CTA).segments
    old = TL.track(Role.CTA).segments[0]
    assert (cta.text, cta.start, cta.end) == (words, old.start, old.end)
    assert "undo" in plan.reply or "撤销" in plan.reply


def test_another_call_to_action_is_added_when_asked_for():
    plan = _plan("add another call to action 'Order now' at the end")
    assert dump_ops(plan.ops) == [{"text": "Order now", "role": "cta", "timing": {"duration_ms": 3000, "anchor": "end"},
                                   "op": "add_text"}]


# -- 9. "lower the music when someone speaks" on music already ducked ducks it further (it changed nothing) ----
@pytest.mark.parametrize("text", ["lower the music when someone speaks", "turn the music down while the narrator talks",
                                  "bring the music down when she speaks", "人声时压低音乐"])
def test_lowering_ducked_music_under_the_voice_goes_further(text):
    new = apply(TL, _plan(text).ops, library=LIBRARY)
    (music,) = new.track(Role.MUSIC).segments
    assert music.duck and music.duck_depth == pytest.approx(1.5)
    assert music.volume == TL.track(Role.MUSIC).segments[0].volume


def test_lowering_music_that_does_not_duck_turns_ducking_on():
    tl = apply(TL, _plan("don't duck").ops, library=LIBRARY)
    new = apply(tl, _plan("lower the music when someone speaks", tl).ops, library=LIBRARY)
    (music,) = new.track(Role.MUSIC).segments
    assert music.duck and music.duck_depth == pytest.approx(1.0)


# -- 10. a text moved in time ("to 5 seconds" set the VIDEO to 5 s; "to the start/end" was not understood) ----
@pytest.mark.parametrize(("text", "op"), [
    ("move the title up to the start", {"timing": {"duration_ms": 3000}, "op": "update_text"}),
    ("move the title to the end", {"timing": {"duration_ms": 3000, "anchor": "end"}, "op": "update_text"}),
    ("move the cta to the start", {"target": {"role": "cta", "index": 0}, "timing": {"duration_ms": 3000},
                                   "op": "update_text"}),
    ("move the title to 5 seconds", {"timing": {"start_ms": 5000, "duration_ms": 3000}, "op": "update_text"}),
    ("move the title to 0:05", {"timing": {"start_ms": 5000, "duration_ms": 3000}, "op": "update_text"}),
    ("make the title appear later", {"timing": {"start_ms": 1000, "duration_ms": 3000}, "op": "update_text"}),
    ("标题晚一点出现", {"timing": {"start_ms": 1000, "duration_ms": 3000}, "op": "update_text"}),
    ("make the cta appear 2 seconds earlier", {"target": {"role": "cta", "index": 0},
                                              "timing": {"duration_ms": 5000, "anchor": "end"}, "op": "update_text"}),
    ("move the title to the top", {"position": "top", "op": "update_text"}),
])
def test_a_text_moved_in_time(text, op):
    plan = _plan(text)
    assert dump_ops(plan.ops) == [op]
    assert apply(TL, plan.ops, library=LIBRARY).duration == TL.duration


def test_a_text_moved_past_the_end_is_said():
    plan = _plan("move the title to 1:30")
    assert plan.ops == () and "1:30 is past its end" in plan.reply


# -- 11. pace: the pictures' lengths ("faster pace" sped the one video clip up, "节奏快一点" was not understood) ----
def _stills_only():
    tl = TL
    while any(s.src == "vid1" for s in tl.track(Role.MAIN).segments):
        tl = apply(tl, _plan("remove street.mp4", tl).ops, library=LIBRARY)
    return tl


@pytest.mark.parametrize(("text", "quicker"), [
    ("faster pace", True), ("quicker cuts", True), ("节奏快一点", True), ("shorter shots", True),
    ("make the shots shorter", True), ("节奏慢一点", False), ("make it slower paced", False),
])
def test_pace_changes_every_picture(text, quicker):
    plan = _plan(text)
    ops = dump_ops(plan.ops)
    assert [o["op"] for o in ops] == ["set_segment_duration"] * 5, ops
    assert all((o["duration_ms"] < 5500) == quicker for o in ops)


@pytest.mark.parametrize(("text", "quicker"), [("slower", False), ("speed it up", True), ("slow it down", False)])
def test_speed_words_with_only_pictures_change_their_pace(text, quicker):
    tl = _stills_only()
    ops = dump_ops(_plan(text, tl).ops)
    assert ops and all(o["op"] == "set_segment_duration" and (o["duration_ms"] < 5500) == quicker for o in ops), ops


def test_speed_words_with_a_clip_still_change_its_speed():
    assert dump_ops(_plan("slower").ops) == [{"speed": 0.5, "op": "set_speed"}]


# -- 12. a text added without quotes: its words, without where and when ------------------------------------
@pytest.mark.parametrize(("text", "words", "start"), [
    ("add a caption saying Free shipping at 10s", "Free shipping", 10000),  # was "ing Free shipping at 10s"
    ("add text Free shipping for 3 seconds at 10s", "Free shipping", 10000),  # asked "Which text?"
    ("add a title that says Summer Sale at 12s", "Summer Sale", 12000),
    ("add a caption to say Hello there at 5s", "Hello there", 5000),
])
def test_unquoted_words_of_a_new_text(text, words, start):
    plan = _plan(text)
    new = apply(TL, plan.ops, library=LIBRARY)
    added = [s for tr in new.tracks if tr.kind == "text" for s in tr.segments if s.text == words]
    assert len(added) == 1 and added[0].start == start, plan.reply
    assert "Urban Dreams" in [s.text for s in new.track(Role.TITLE).segments]


# -- 13. muting a clip by its place counts the video clips ("mute the second clip" muted the second SHOT, a photo) ----
@pytest.mark.parametrize(("text", "says"), [
    ("mute the second clip", "There is only one video clip (street.mp4), so there is no second one; say e.g. "
                             "'mute street.mp4' or 'mute the video'"),
    ("mute video 2", "There is only one video clip (street.mp4), so there is no second one"),
    ("第二段视频静音", "只有1段视频片段（street.mp4），没有第2段"),
])
def test_a_clip_that_is_not_there_is_said_with_the_one_that_is(text, says):
    plan = _plan(text)
    assert plan.ops == () and says in plan.reply, plan.reply


@pytest.mark.parametrize("text", ["mute clip 1", "mute the video", "mute the street clip"])
def test_muting_the_one_clip_mutes_it(text):
    new = apply(TL, _plan(text).ops, library=LIBRARY)
    clip = next(s for s in new.track(Role.MAIN).segments if s.src == "vid1")
    assert clip.mute


def test_a_still_is_said_to_have_no_sound():
    tl = _stills_only()
    plan = _plan("mute the second clip", tl)
    assert plan.ops == () and "no video clips on the timeline (only stills)" in plan.reply


# -- 14. mixed Chinese and English text edits ------------------------------------------------------------
@pytest.mark.parametrize(("text", "role", "words"), [
    ("把cta改成Buy now", "cta", "Buy now"),  # not understood
    ("把title改成Big Sale", "title", "Big Sale"),  # made the title LARGE ('Big')
    ("加个结尾文字：立即购买", "cta", "立即购买"),  # not understood
])
def test_mixed_language_text_edits(text, role, words):
    plan = _plan(text)
    new = apply(TL, plan.ops, library=LIBRARY)
    assert new.track(Role(role)).segments[0].text == words
    assert new.track(Role(role)).segments[0].size == TL.track(Role(role)).segments[0].size


# -- 15. "remove the background blur" turned the blur ON -------------------------------------------------
@pytest.mark.parametrize("text", ["remove the background blur", "no blurred background", "不要模糊背景"])
def test_removing_the_blur_shows_the_blurred_shots_whole(text):
    from reelforge.timeline.model import Fit

    tl = apply(TL, _plan("blurred background").ops, library=LIBRARY)
    main = tl.track(Role.MAIN)
    segs = (main.segments[0].model_copy(update={"fit": Fit.COVER}), *main.segments[1:])
    tl = t_replace(tl, tracks=tuple(tr.model_copy(update={"segments": segs}) if tr.role is Role.MAIN else tr
                                    for tr in tl.tracks))
    new = apply(tl, _plan(text, tl).ops, library=LIBRARY)
    fits = [s.fit.value for s in new.track(Role.MAIN).segments]
    assert fits == ["cover"] + ["contain"] * (len(fits) - 1)


def test_removing_a_blur_that_is_not_there_is_said():
    plan = _plan("remove the background blur")
    assert plan.ops == () and "No picture has a blurred background now" in plan.reply


# -- 16. how far a zoom goes ("less zoom" reset every still to varied moves; since session 16 it is set) -----
@pytest.mark.parametrize(("text", "amount"), [
    ("less zoom", 0.06), ("more zoom", 0.24), ("the zoom is too much", 0.06), ("缩放小一点", 0.06),
])
def test_how_far_a_zoom_goes_is_set_not_guessed(text, amount):
    plan = _plan(text)
    assert dump_ops(plan.ops) == [{"amount": amount, "op": "set_motion_amount"}], plan.reply


def test_more_zoom_on_still_pictures_turns_motion_on():
    tl = apply(TL, _plan("no zoom").ops, library=LIBRARY)
    assert dump_ops(_plan("more zoom", tl).ops) == [{"motion": "auto", "op": "set_motion"}]


# -- 17. "put the captions at the top" with captions there moves them (it made new ones from the speech) ----
def test_putting_the_captions_somewhere_moves_the_ones_there():
    tl = _with_captions()
    plan = _plan("put the captions at the top", tl)
    assert {o["op"] for o in dump_ops(plan.ops)} == {"update_text"}
    new = apply(tl, plan.ops, library=LIBRARY)
    assert [s.position.value for s in new.track(Role.CAPTION).segments] == ["top"] * 3
    assert [s.text for s in new.track(Role.CAPTION).segments] == ["Eye Pan", "Lens Kit", "Street life"]


def test_captions_with_none_there_still_come_from_the_speech():
    assert dump_ops(_plan("add captions at the bottom").ops) == [{"op": "auto_captions"}]


# -- 18. a shot and where it goes, with no verb ----------------------------------------------------------
@pytest.mark.parametrize(("text", "name", "to"), [
    ("the beach one first", "beach", 0), ("beach photo first", "beach", 0), ("the shoe one last", "shoe", -1),
    ("the beach one at the end", "beach", -1),
])
def test_a_shot_named_with_where_it_goes(text, name, to):
    assert dump_ops(_plan(text).ops) == [{"target": {"name": name}, "to_index": to, "op": "move_segment"}]


# -- 19. two number words side by side are two numbers ("make pic two three seconds" made it 5 s) ----------
@pytest.mark.parametrize(("text", "ms"), [("make pic two three seconds", 3000), ("make photo two 3 seconds", 3000)])
def test_a_shot_number_then_its_length_in_words(text, ms):
    assert dump_ops(_plan(text).ops) == [{"target": {"index": 1, "kind": "image"}, "duration_ms": ms,
                                          "op": "set_segment_duration"}]


def test_compound_number_words_still_read():
    from reelforge.planner import time_words as TW

    assert [TW.find_durations(t)[0].ms for t in ("thirty-five seconds", "twenty five seconds", "one hundred and twenty "
                                                "seconds", "two hundred seconds", "a hundred seconds")] == \
        [35000, 25000, 120000, 200000, 100000]


# -- 20. "改成黄色的": a colour, not the words "黄色的" --------------------------------------------------
@pytest.mark.parametrize(("text", "color"), [("标题改成黄色的", "#FFD400"), ("title 改成红色的", "#FF0000")])
def test_a_colour_with_de_is_a_colour(text, color):
    assert dump_ops(_plan(text).ops) == [{"color": color, "op": "update_text"}]


def test_gentle_zoom_added_is_still_motion():
    # the stills move already: "gentle" says how far (since session 16; it had re-varied the moves)
    assert dump_ops(_plan("add some gentle zoom to the photos").ops) == [{"amount": 0.06, "op": "set_motion_amount"}]
    still = apply(TL, _plan("no zoom").ops, library=LIBRARY)
    assert dump_ops(_plan("add some gentle zoom to the photos", still).ops) == [
        {"motion": "auto", "op": "set_motion"}, {"amount": 0.06, "op": "set_motion_amount"}]
