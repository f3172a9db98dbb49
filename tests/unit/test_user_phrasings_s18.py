"""Edits as people type them (user test s18). Pure planning on the sample timeline (30 s: the title
"Urban Dreams" 0-3 s, the call to action "Shop now" 27-30 s), applied to check the result."""

from __future__ import annotations

import pytest

from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()


def _texts(tl):
    return {s.text: (s.start, s.end) for tr in tl.tracks if tr.role in (Role.TITLE, Role.CAPTION, Role.CTA)
            for s in tr.segments}


def _after(said, tl=TL):
    plan = plan_edit(said, tl, library=LIBRARY)
    assert plan.status == "ok", plan.reply
    return _texts(apply(tl, plan.ops, library=LIBRARY)), plan.reply


def _long_title():
    """The title on screen for the whole video."""
    return apply(TL, plan_edit("show the title throughout", TL, library=LIBRARY).ops, library=LIBRARY)


# -- a text going away at a time: it was SHOWN from then on ("hide the title from 10 seconds": 10-13 s) -----
@pytest.mark.parametrize("said", [
    "make the title disappear at 2 seconds", "end the title at 2 seconds", "stop showing the title at 2s",
    "hide the title at 2s", "the title should go away after 2 seconds", "remove the title after 2 seconds",
    "标题2秒后消失", "标题在第2秒消失",
])
def test_a_text_goes_away_then(said):
    texts, _ = _after(said)
    assert texts["Urban Dreams"] == (0, 2000)
    assert texts["Shop now"] == (27000, 30000)


@pytest.mark.parametrize("said", ["hide the title from 10 seconds", "从第10秒开始标题隐藏", "从第10秒开始隐藏标题"])
def test_a_long_text_hidden_from_a_time_ends_then(said):
    texts, _ = _after(said, _long_title())
    assert texts["Urban Dreams"] == (0, 10000)


@pytest.mark.parametrize(("said", "says"), [
    ("hide the title from 10 seconds", "0s-3s only, not at 10s"),
    ("从第10秒开始标题隐藏", "只在0s-3s显示"),
    ("hide the title at 0.5s", "under a second"),
])
def test_a_text_not_on_screen_then_is_said_so(said, says):
    plan = plan_edit(said, TL, library=LIBRARY)
    assert not plan.ops and says in plan.reply
    assert "Urban Dreams" in plan.reply


def test_several_texts_hidden_after_a_time_end_or_go():
    texts, _ = _after("hide all text after 20 seconds", _long_title())
    assert texts == {"Urban Dreams": (0, 20000)}  # "Shop now" (27-30 s) was on only after 20 s


def test_a_text_hidden_for_the_first_seconds_comes_in_then():
    texts, _ = _after("hide the title for the first 2 seconds", _long_title())
    assert texts["Urban Dreams"] == (2000, 30000)


@pytest.mark.parametrize(("said", "title"), [
    ("show the title at the end", (27000, 30000)), ("end with the title at 25 seconds", (25000, 28000)),
    ("show the title until 2 seconds", (0, 2000)),
])
def test_showing_a_text_at_a_time_still_moves_it(said, title):
    texts, _ = _after(said)
    assert texts["Urban Dreams"] == title


# -- where a sound track plays: stopped, bounded, brought back ------------------------------------------------
def _music(tl):
    return [(s.start, s.end, s.volume) for s in tl.track(Role.MUSIC).segments]


def _run(*said):
    tl, plan = TL, None
    for x in said:
        plan = plan_edit(x, tl, library=LIBRARY)
        assert plan.status == "ok", (x, plan.reply)
        tl = apply(tl, plan.ops, library=LIBRARY)
    return tl, plan


@pytest.mark.parametrize(("said", "span"), [
    ("stop the music at 20 seconds", (0, 20000)), ("the music should end at 20s", (0, 20000)),
    ("cut the music at 20s", (0, 20000)), ("end the music at 0:25", (0, 25000)), ("音乐在20秒停止", (0, 20000)),
    ("音乐20秒后停", (0, 20000)), ("music only for the first 10 seconds", (0, 10000)), ("music until 0:20", (0, 20000)),
    ("背景音乐只放前10秒", (0, 10000)), ("music only in the last 10 seconds", (20000, 30000)),
    ("音乐只在最后10秒", (20000, 30000)), ("music from 10s", (10000, 30000)),
    ("music only between 5 and 20 seconds", (5000, 20000)), ("put the music only on the last shot", (25000, 30000)),
])
def test_music_plays_only_where_said(said, span):
    tl, _ = _run(said)
    music = _music(tl)
    assert (music[0][0], music[-1][1]) == span
    if span[1] < 30000:
        assert tl.track(Role.MUSIC).segments[-1].fade_out_ms >= 1000  # it fades, never clicks off


def test_the_voiceover_stops_when_said():
    tl, _ = _run("stop the voiceover at 15 seconds")
    assert tl.track(Role.VOICE).segments[-1].end == 15000


@pytest.mark.parametrize("back", ["bring the music back", "let the music play to the end", "恢复背景音乐"])
def test_stopped_music_is_brought_back_to_the_end(back):
    tl, _ = _run("stop the music at 20 seconds", back)
    assert _music(tl) == [(0, 30000, 0.35)]


@pytest.mark.parametrize("back", ["unmute the music", "bring the music back", "恢复背景音乐"])
def test_muted_music_is_brought_back_at_its_level(back):
    tl, _ = _run("mute the music for the first 5 seconds", back)
    assert _music(tl) == [(0, 30000, 0.35)]


def test_music_playing_throughout_is_said_so():
    plan = plan_edit("bring the music back", TL, library=LIBRARY)
    assert not plan.ops and "already plays 0-30s at 35%" in plan.reply


@pytest.mark.parametrize(("said", "fade"), [
    ("fade the music out at 25 seconds", 5000), ("fade out the music at 0:26", 4000), ("音乐在第25秒淡出", 5000),
    ("fade the music out over 3 seconds", 3000), ("fade the music out for 4 seconds", 4000),
])
def test_a_fade_out_at_a_time_starts_then(said, fade):
    tl, plan = _run(said)
    assert tl.track(Role.MUSIC).segments[-1].fade_out_ms == fade  # "at 25 seconds" was a 25 s fade


@pytest.mark.parametrize("said", ["make the title two lines", "make the title 2 lines", "split the title into two lines",
                                  "break the title into 2 lines", "a two line title", "add a line break to the title"])
def test_a_title_on_two_lines_as_typed(said):
    texts, _ = _after(said)
    assert "Urban\nDreams" in texts


def test_a_text_on_one_line_again():
    tl, _ = _run("make the title two lines", "make the title one line")
    assert "Urban Dreams" in _texts(tl)


# -- subtitles asked for beside the video's length: "a 20 second reel … with subtitles" gave 1 key phrase ----------
@pytest.mark.parametrize("said", ["a 20 second reel for my bakery with subtitles", "a 20-second reel with captions",
                                  "a reel of 30 seconds with subtitles", "a 15s promo with subtitles", "带字幕的面包店视频"])
def test_subtitles_beside_a_length_are_the_speech(said):
    from reelforge.planner import ops as O
    from reelforge.planner.rules import ai_requests

    assert any(isinstance(o, O.AutoCaptions) for o in ai_requests(said, TL, library=LIBRARY))


@pytest.mark.parametrize("said", ["show the captions for 3 seconds", "make the captions stay 2 seconds longer"])
def test_how_long_captions_stay_is_no_new_captions(said):
    from reelforge.planner import ops as O
    from reelforge.planner.rules import ai_requests

    assert not any(isinstance(o, O.AutoCaptions) for o in ai_requests(said, TL, library=LIBRARY))


# -- a text's new words that hold a verb: "the title should read Summer Drop" REMOVED the title (FRESH11) --------
@pytest.mark.parametrize(("said", "words"), [
    ("the title should read Summer Drop", "Summer Drop"), ("the title should say Drop Everything", "Drop Everything"),
    ("make the title Drop Zone", "Drop Zone"), ("set the title to Drop Zone", "Drop Zone"),
    ("use drop zone as the title", "Drop Zone"), ("title: Kill Bill", "Kill Bill"),
])
def test_words_given_to_a_text_are_no_verbs(said, words):
    texts, _ = _after(said)
    assert words in texts and "Shop now" in texts


@pytest.mark.parametrize(("said", "gone"), [
    ("make the title go away", "Urban Dreams"), ("take the title off", "Urban Dreams"), ("take the cta down", "Shop now"),
    ("drop the title", "Urban Dreams"), ("make the title disappear", "Urban Dreams"),
])
def test_a_text_taken_away_as_said(said, gone):
    texts, _ = _after(said)  # "make the title go away" set its words to "Go Away"; "take the title off" was not understood
    assert gone not in texts and len(texts) == 1


# -- FRESH11's other misses ---------------------------------------------------------------------------------------
def test_the_first_and_last_photos_both_change():
    """"make the first and last photos 4 seconds" changed the last only ("make … first" read as where it goes)."""
    tl, _ = _run("make the first and last photos 4 seconds")
    images = [s for s in tl.track(Role.MAIN).segments if not s.src.startswith("vid")]
    assert images[0].duration == 4000 and images[-1].duration == 4000


@pytest.mark.parametrize(("said", "first"), [("stick surf.mp4 at the start", "vid2"), ("slap surf.mp4 at the start", "vid2")])
def test_a_file_stuck_on_is_added(said, first):
    tl, _ = _run(said)
    assert tl.track(Role.MAIN).segments[0].src == first


@pytest.mark.parametrize(("typed", "word"), [("slow down the clp", "clip"), ("mke it vertical", "make")])
def test_a_three_letter_word_missing_a_vowel_is_read(typed, word):
    plan = plan_edit(typed, TL, library=LIBRARY)
    assert plan.ops and f"as '{word}'" in plan.reply


@pytest.mark.parametrize("word", ["pls", "plz", "thx", "btw", "fps", "bpm", "cta", "srt", "vid", "bgm", "lol"])
def test_short_words_people_type_are_left_alone(word):
    from reelforge.planner.typos import correct

    assert correct(f"make it vertical {word}", ["shoe.jpg"])[1] == []


# -- a part of a text's look taken away: "remove the shadow / outline / bold from the title" REMOVED the title ----
@pytest.mark.parametrize(("said", "field", "value"), [
    ("remove the shadow from the title", "background", "none"), ("drop the shadow from the title", "background", "none"),
    ("no shadow on the title", "background", "none"), ("去掉标题的阴影", "background", "none"),
    ("remove the outline from the title", "background", "none"), ("remove the bold from the title", "bold", False),
    ("unbold the title", "bold", False), ("the title shouldn't be bold", "bold", False), ("标题不要加粗", "bold", False),
    ("remove the fade from the title", "fade_in_ms", 0),
])
def test_a_part_of_a_texts_look_taken_away(said, field, value):
    tl = apply(TL, plan_edit("make the title bold", TL, library=LIBRARY).ops, library=LIBRARY)
    after, _ = _run_on(tl, said)
    title = after.track(Role.TITLE).segments
    assert [s.text for s in title] == ["Urban Dreams"]  # the title stays
    got = getattr(title[0], field)
    assert (got.value if hasattr(got, "value") else got) == value


def _run_on(tl, said):
    plan = plan_edit(said, tl, library=LIBRARY)
    assert plan.status == "ok", plan.reply
    return apply(tl, plan.ops, library=LIBRARY), plan


@pytest.mark.parametrize("said", ["add a drop shadow to the text", "add a shadow to the text"])
def test_a_shadow_for_the_text_is_for_every_text(said):
    tl, _ = _run_on(TL, said)
    assert all(s.background.value == "shadow" for r in (Role.TITLE, Role.CTA) for s in tl.track(r).segments)


# -- effects there are none of, said beside the rest; a voiceover put later -------------------------------------
@pytest.mark.parametrize("said", ["add a vignette", "add film grain", "add light leaks", "add a vhs effect", "加个暗角"])
def test_an_effect_there_is_none_of_is_named(said):
    plan = plan_edit(said, TL, library=LIBRARY)
    assert not plan.ops and ("no " in plan.reply or "没有" in plan.reply) and "did not understand" not in plan.reply


def test_an_effect_refused_beside_a_change_is_said_not_dropped():
    plan = plan_edit("add a vignette and make it warmer", TL, library=LIBRARY)
    assert plan.ops and plan.skipped == ("add a vignette",) and "no vignette effect" in plan.reply


def test_the_voiceover_put_later():
    tl, _ = _run("put the voiceover later")
    assert tl.track(Role.VOICE).segments[0].start > 0


@pytest.mark.parametrize(("said", "title"), [
    ("标题晚2秒出现", (2000, 5000)), ("标题晚两秒出现", (2000, 5000)), ("标题推迟1秒", (1000, 4000)),
    ("make the title appear 2 seconds later", (2000, 5000)),
])
def test_a_text_later_by_an_amount(said, title):
    texts, _ = _after(said)  # "标题晚2秒出现" showed the title for the first 2 s
    assert texts["Urban Dreams"] == title


@pytest.mark.parametrize("said", ["add a black screen at the start", "start with a black screen", "开头加个黑屏"])
def test_a_black_screen_is_answered(said):
    plan = plan_edit(said, TL, library=LIBRARY)
    assert not plan.ops and ("fade in from black" in plan.reply or "淡入" in plan.reply)


def test_captions_put_higher_with_none_there_is_said_so():
    plan = plan_edit("字幕放上面一点", TL, library=LIBRARY)  # "放上" read as "put on": it asked for the words
    assert not plan.ops and "还没有字幕" in plan.reply


# -- which voice speaks; a video as long as its music ------------------------------------------------------------
@pytest.mark.parametrize("said", ["make the voice female", "use a male voice", "can the narrator be a woman", "换个女声",
                                  "make the voice deeper"])
def test_which_voice_speaks_is_answered(said):
    plan = plan_edit(said, TL, library=LIBRARY)  # "make the voice female" fitted the video to the voiceover
    assert not plan.ops and ("joe" in plan.reply)


@pytest.mark.parametrize("said", ["make the video as long as the song", "fit the video to the music",
                                  "end when the music ends", "视频和音乐一样长"])
def test_the_video_as_long_as_its_music(said):
    tl, _ = _run(said)
    assert tl.duration == 60000  # bgm.mp3 is 60 s and starts with the video


@pytest.mark.parametrize(("said", "way"), [("end on a black screen", "fade to black at the end"), ("结尾加个黑屏", "结尾淡出")])
def test_a_black_screen_at_the_end_is_answered_with_a_fade_out(said, way):
    plan = plan_edit(said, TL, library=LIBRARY)
    assert not plan.ops and way in plan.reply


@pytest.mark.parametrize("said", ["标题早一秒出现", "make the title appear earlier"])
def test_a_text_on_from_the_start_cannot_come_earlier(said):
    plan = plan_edit(said, TL, library=LIBRARY)  # it "changed" the title to the same times
    assert not plan.ops and ("from the start" in plan.reply or "开头" in plan.reply)


# -- one transition, not all of them; "between 20 and 25 seconds" is one range -----------------------------------
def _transitions(tl):
    return [s.transition.value for s in tl.track(Role.MAIN).segments[1:]]


@pytest.mark.parametrize(("said", "at", "kind"), [
    ("make the last transition a fade to black", 4, "fade-black"),
    ("no transition between the first two photos", 0, "cut"),
    ("hard cut between the first and second photos", 0, "cut"),
    ("put a crossfade between the clip and the beach photo", 2, "crossfade"),
    ("make the first transition a wipe", 0, "wipe-left"),
    ("remove the crossfade between the first and second photos", 0, "cut"),
])
def test_one_transition_changes_not_all(said, at, kind):
    tl, _ = _run("hard cuts") if kind != "cut" else (TL, None)
    before = _transitions(tl)
    after, _ = _run_on(tl, said)  # they changed every transition
    now = _transitions(after)
    assert now[at] == kind and [x for i, x in enumerate(now) if i != at] == [x for i, x in enumerate(before) if i != at]


def test_a_transition_between_shots_apart_is_said_so():
    plan = plan_edit("fade through black between the shoe and the beach photo", TL, library=LIBRARY)
    assert not plan.ops and "not next to each other" in plan.reply


@pytest.mark.parametrize("said", ["fade out the music between 20 and 25 seconds", "fade out the music from 20 to 25 seconds"])
def test_a_fade_out_over_a_span(said):
    tl, _ = _run(said)  # "between 20 and 25 seconds" set the VIDEO to 25 s
    assert tl.duration == 30000
    last = tl.track(Role.MUSIC).segments[-1]
    assert (last.end, last.fade_out_ms) == (25000, 5000)


@pytest.mark.parametrize("said", ["make every photo the same length", "space the photos evenly", "每张图片时间一样长"])
def test_photos_the_same_length_keep_the_video_length(said):
    tl, _ = _run(said)  # not understood
    images = [s.duration for s in tl.track(Role.MAIN).segments if s.src.startswith("img")]
    assert len(set(images)) == 1 and tl.duration == TL.duration


def test_photos_already_the_same_length_are_said_so():
    tl, _ = _run("make every photo the same length")
    plan = plan_edit("space the photos evenly", tl, library=LIBRARY)
    assert not plan.ops and "already" in plan.reply


@pytest.mark.parametrize("said", ["play the clip and the music at the same time", "show both photos at the same time",
                                  "start the clip at the same time as the voiceover"])
def test_at_the_same_time_makes_no_lengths_equal(said):
    plan = plan_edit(said, TL, library=LIBRARY)
    assert not any(o.op == "set_segment_duration" for o in plan.ops)


@pytest.mark.parametrize("said", ["cut to the music", "sync the photos with the music", "make the photos change with the music"])
def test_shots_with_the_music_are_cut_to_its_beat(said):
    plan = plan_edit(said, TL, library=LIBRARY)  # the first reading of "fit … to the music" set the video to 60 s
    assert [o.op for o in plan.ops] == ["cut_to_beat"]


@pytest.mark.parametrize("said", ["add the title 'Sale' with no fade", "add the title 'Sale' without animation"])
def test_a_new_text_without_a_look_is_added_not_the_old_one_changed(said):
    plan = plan_edit(said, TL, library=LIBRARY)
    assert any(o.op == "add_text" and o.text == "Sale" for o in plan.ops), plan.reply
