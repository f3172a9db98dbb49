"""Instructions as people type them (user test s20), on the cafe project of s19 and the sample
timeline: the video cut at a time ("cut it off at 15 seconds" made a 20 s video 5 s long), the
middle photo, one transition taken away (it took them all), and what an edit that shortens the
video does to the voiceover and the captions (two merged cues shrank every caption to 8 px)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.render.compile import TextOverlay
from reelforge.render.layout import hold_texts
from reelforge.render.text import below_readable, fitted_specs
from reelforge.session import Session
from reelforge.timeline import (
    Position,
    Role,
    TextBackground,
    TextSegment,
    Track,
    TrackKind,
    Transition,
    build,
)

from .edit_cases import ASSETS, LIBRARY, sample_timeline

TL = sample_timeline()  # 30 s: shoe, city, street.mp4, beach, sneaker, mountain; 24 s voiceover


def _edit(said, tl=TL):
    p = plan_edit(said, tl, library=LIBRARY)
    assert p.status == "ok", p.reply
    return p, apply(tl, p.ops, library=LIBRARY)


def _names(tl):
    return [s.name for s in tl.track(Role.MAIN).segments]


# -- the video cut at a time --------------------------------------------------------------------
@pytest.mark.parametrize("said", [
    "remove everything after 20 seconds", "cut it off at 20 seconds", "end the video at 20 seconds",
    "cut everything after 0:20", "stop the video at 20s", "the video should end at 20 seconds",
    "20秒以后的都删掉", "视频在20秒结束",
])
def test_the_video_ends_where_it_is_said(said):
    p, tl = _edit(said)
    assert list(p.ops) == [O.TrimVideo(tail_ms=10000)]
    assert tl.duration == 20000  # "cut it off at 20 seconds" was read as 20 s off: a 10 s video
    # the shots that start after the cut are gone, the one across it ends there
    assert _names(tl) == ["shoe.jpg", "city.jpg", "street.mp4", "beach.jpg"]
    assert tl.track(Role.MAIN).segments[-1].end == 20000
    assert max(s.end for t in tl.tracks for s in t.segments) <= 20000


@pytest.mark.parametrize("said", ["remove everything before 8 seconds", "8秒以前的都删掉"])
def test_the_video_starts_where_it_is_said(said):
    p, tl = _edit(said)
    assert list(p.ops) == [O.TrimVideo(head_ms=8000)]
    segs = tl.track(Role.MAIN).segments
    # the shoe (0-5.5 s) goes; the city photo (5-10.5 s) keeps what was after 8 s: a still has no in-point
    assert _names(tl)[0] == "city.jpg" and segs[0].start == 0 and segs[0].transition is Transition.CUT
    assert segs[0].duration == 10500 - 8000
    assert tl.duration == 22000


def test_a_cut_into_a_clip_moves_its_in_point():
    _, tl = _edit("remove everything before 12 seconds")  # the street clip runs 10-15.5 s
    first = tl.track(Role.MAIN).segments[0]
    assert first.name == "street.mp4" and first.in_ms == 2000 and first.duration == 3500


@pytest.mark.parametrize(("said", "length"), [
    ("cut the last 7 seconds", 23000),  # the last shot is 5 s: it was refused ("would cut all of it")
    ("remove the first 7 seconds", 23000),
])
def test_a_cut_longer_than_the_shot_at_that_end_goes_across_shots(said, length):
    p, tl = _edit(said)
    assert len(p.ops) == 1 and isinstance(p.ops[0], O.TrimVideo)
    assert tl.duration == length


def test_a_cut_inside_the_last_shot_trims_that_shot_as_before():
    p, tl = _edit("cut the last 2 seconds")
    assert list(p.ops) == [O.TrimSegment(target=O.Target(index=-1), tail_ms=2000)]
    assert tl.duration == 28000


@pytest.mark.parametrize("said", ["end the music at 15 seconds", "remove the captions after 10 seconds"])
def test_a_sound_or_a_text_ending_at_a_time_is_not_the_video(said):
    p = plan_edit(said, TL, library=LIBRARY)
    assert not any(isinstance(o, O.TrimVideo) for o in p.ops)


def test_a_cut_past_the_end_or_of_everything_is_refused():
    assert plan_edit("remove everything after 45 seconds", TL, library=LIBRARY).status != "ok"
    p = plan_edit("remove everything after 0.5 seconds", TL, library=LIBRARY)
    with pytest.raises(Exception, match="at least 1s"):
        apply(TL, p.ops, library=LIBRARY)


# -- the middle photo ---------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["delete the middle photo", "remove the middle image", "删除中间那张图片",
                                  "删除中间的照片"])
def test_the_middle_photo_is_the_middle_one_of_the_photos(said):
    _, tl = _edit(said)  # five photos (and a clip): the third photo, beach.jpg
    assert "beach.jpg" not in _names(tl) and len(_names(tl)) == 5


def test_the_middle_of_an_even_number_is_asked():
    p = plan_edit("delete the middle shot", TL, library=LIBRARY)  # six shots: the third or the fourth?
    assert p.status == "ambiguous" and not p.ops
    assert "street.mp4" in p.reply and "beach.jpg" in p.reply


def test_the_middle_photo_moves_too():
    _, tl = _edit("move the middle photo to the end")
    assert _names(tl)[-1] == "beach.jpg"


# -- one transition taken away ------------------------------------------------------------------
@pytest.mark.parametrize(("said", "into"), [
    ("remove the last transition", 5), ("删除最后一个转场", 5), ("no transition into the third photo", 3),
    ("remove the transition between the shoe and the city", 1), ("去掉第二个转场", 2),
])
def test_one_transition_taken_away_leaves_the_others(said, into):
    p, tl = _edit(said)
    kinds = [s.transition for s in tl.track(Role.MAIN).segments]
    assert kinds[into] is Transition.CUT  # it made every join a hard cut
    assert [k for i, k in enumerate(kinds[1:], 1) if i != into] == [Transition.CROSSFADE] * 4
    assert "hard cut into" in p.reply.lower() or "进入" in p.reply


def test_removing_the_transitions_still_takes_them_all():
    _, tl = _edit("remove the transitions")
    assert {s.transition for s in tl.track(Role.MAIN).segments} == {Transition.CUT}


# -- what shortening does to the voiceover and the captions ----------------------------------
@pytest.mark.parametrize(("said", "zh"), [("make it 15 seconds", False), ("remove everything after 15 seconds", False),
                                          ("改成15秒", True)])
def test_a_voiceover_cut_off_by_an_edit_is_said(said, zh):
    s = Session(library=LIBRARY, timeline=sample_timeline())
    r = s.handle(said)
    assert r.changed, r.message
    assert s.timeline.duration == 15000
    said_cut = "旁白长24秒，现在在15秒处被截断" if zh else "The voiceover runs 24 s and is now cut off at 15 s"
    assert said_cut in r.message


def test_an_edit_that_keeps_the_voiceover_whole_says_nothing_of_it():
    s = Session(library=ASSETS, timeline=sample_timeline())
    r = s.handle("make it 28 seconds")
    assert r.changed and "voiceover" not in r.message.lower()


def test_merged_cues_wrap_anew():
    # two two-line speech cues merged (the second on screen 0.1 s before the video ended) kept
    # four lines, which fit two lines at no size: every caption of the track shrank to 8 px
    caps = Track(id="c", kind=TrackKind.TEXT, role=Role.CAPTION, segments=(
        TextSegment(id="c1", start=0, duration=2000, text="and we deliver\nacross town by bike"),
        TextSegment(id="c2", start=2000, duration=100, text="Hopper's Cafe, open\n7 days a week."),
        TextSegment(id="c3", start=2200, duration=100, text="欢迎来到\n咖啡店")))
    tl = build(width=1920, height=1080, fps=30, duration=2300, tracks=[caps])
    held, _ = hold_texts(tl)
    (merged,) = held.track(Role.CAPTION).segments
    assert merged.text == "and we deliver across town by bike Hopper's Cafe, open 7 days a week. 欢迎来到咖啡店"


def _overlay(i, text, group="captions:c"):
    return TextOverlay(segment_id=f"c{i}", path=Path(f"t{i}.png"), text=text, frame_width=1920, frame_height=1080,
                       font_px=81, max_width=1728, color="#FFFFFF", bold=True, background=TextBackground.NONE,
                       align="center", position=Position.BOTTOM, max_lines=2, min_font_px=38, max_height=310,
                       group=group)


def test_one_cue_too_long_for_a_readable_size_does_not_shrink_the_others():
    long = " ".join(["an overlong caption that nobody could read in two lines"] * 6)
    specs = fitted_specs([_overlay(1, "fresh flowers on every table"), _overlay(2, long),
                          _overlay(3, "Welcome to Hopper's Cafe")])
    assert [s.font_px for s in specs][0::2] == [81, 81]  # they were 8 px with it
    assert below_readable(specs[1], specs[1].font_px)  # it alone is small (and named by checks.small_texts)
    # cues that fit readably still share the smallest of their sizes
    mid = " ".join(["a caption a little too long"] * 4)
    specs = fitted_specs([_overlay(1, "short one"), _overlay(2, mid)])
    assert specs[0].font_px == specs[1].font_px < 81


# -- FRESH13's misses ---------------------------------------------------------------------------
@pytest.mark.parametrize(("said", "left"), [
    ("hide the cta", [Role.TITLE]), ("hide the title", [Role.CTA]),
])
def test_hide_a_text_removes_it(said, left):
    _, tl = _edit(said)  # it was not understood
    assert [r for r in (Role.TITLE, Role.CTA) if tl.track(r) and tl.track(r).segments] == left


def test_hide_a_photo_removes_it_and_hide_until_is_a_time():
    _, tl = _edit("hide the beach photo")
    assert "beach.jpg" not in _names(tl)
    _, tl = _edit("hide the title until 2 seconds")
    assert tl.track(Role.TITLE).segments[0].start == 2000


@pytest.mark.parametrize("said", ["hide the logo", "don't show the logo", "隐藏水印"])
def test_hide_the_logo_never_adds_one(said):
    p = plan_edit(said, TL, library=LIBRARY)  # "hide the logo" added logo.png in a corner
    assert not any(isinstance(o, O.AddLogo) for o in p.ops)


@pytest.mark.parametrize(("said", "gone"), [
    ("remove the two photos after the clip", {"beach.jpg", "sneaker.jpg"}),  # it removed the clip
    ("remove the 2 shots before the mountain", {"beach.jpg", "sneaker.jpg"}),
    ("delete the three photos after the clip", {"beach.jpg", "sneaker.jpg", "mountain.jpg"}),
])
def test_a_count_of_neighbours_takes_the_nearest(said, gone):
    _, tl = _edit(said)
    assert set(_names(TL)) - set(_names(tl)) == gone


def test_more_neighbours_than_there_are_is_said():
    p = plan_edit("remove the four photos after the clip", TL, library=LIBRARY)
    assert p.status != "ok" and not p.ops and "only 3" in p.reply


@pytest.mark.parametrize(("said", "title"), [
    ("给hoppers cafe做一个竖屏短视频，加字幕", "Hoppers Cafe"),  # it was titled 'hoppers'
    ("帮joe's pizza做个宣传片，加上文字", "Joe's Pizza"),  # not understood as a name at all
    ("为Nike做一个广告，加上文字", "Nike"), ("给城市咖啡做一个视频，加上文字", "城市咖啡"),
])
def test_a_latin_name_in_a_chinese_instruction_is_the_title_whole(said, title):
    from reelforge.planner import plan

    from .test_compose import IMAGES

    tl = plan(said, IMAGES).timeline
    assert [s.text for s in tl.track(Role.TITLE).segments] == [title]


def test_made_up_copy_follows_the_language_the_voice_speaks():
    # a Chinese instruction for a cafe whose voiceover is English: its call to action was 欢迎光临
    # under English captions, and the notes said no caption came from the English file names
    from reelforge.ai.captions import Transcript, Word
    from reelforge.ai_stage import AIStage
    from reelforge.planner import plan
    from reelforge.session import _drop_replaced_copy

    from .test_compose import IMAGES

    said = "给hoppers cafe做一个竖屏短视频，加字幕"
    tl = plan(said, IMAGES).timeline
    assert [s.text for s in tl.track(Role.CTA).segments] == ["欢迎光临"]
    english = Transcript(words=tuple(Word(i * 300, i * 300 + 250, w) for i, w in enumerate(
        "Welcome to Hopper's Cafe. Fresh espresso every morning.".split())), language="en", language_probability=0.97)
    assert AIStage._spoken_cta(tl, said, english).text == "Visit us today"
    chinese = Transcript(words=(Word(0, 900, "欢迎光临城市咖啡。"),), language="zh", language_probability=0.95)
    assert AIStage._spoken_cta(tl, said, chinese) is None  # already in its language
    given = "做一个宣传视频，加文字，结尾写关注我们"  # words given (the table would make them too) stay
    assert AIStage._spoken_cta(plan(given, IMAGES).timeline, given, english) is None
    notes = ["No caption from coffee.jpg: the name is English and the video Chinese; quote the words to show."]
    assert _drop_replaced_copy(notes, [O.SetCaptions(cues=[O.Cue(start_ms=0, end_ms=900, text="Welcome")])]) == []


@pytest.mark.parametrize("said", [
    "trim it to end at 20s",  # it set the length (every shot shrank) instead of cutting the end
    "stop at 20 seconds", "end at 20 seconds", "delete after 20 seconds", "everything after 20 seconds can go",
    "只要前20秒", "lose the last 10 seconds", "delete the last 10 seconds",
])
def test_more_ways_to_end_the_video_at_a_time(said):
    _, tl = _edit(said)
    assert tl.duration == 20000 and _names(tl)[:3] == ["shoe.jpg", "city.jpg", "street.mp4"]
    assert "mountain.jpg" not in _names(tl)  # cut off, not squeezed in


@pytest.mark.parametrize(("said", "op"), [
    ("remove the first half", O.TrimVideo(head_ms=15000)), ("keep only the first half", O.TrimVideo(tail_ms=15000)),
    ("remove the second half", O.TrimVideo(tail_ms=15000)), ("剪掉前一半", O.TrimVideo(head_ms=15000)),
    ("只保留后一半", O.TrimVideo(head_ms=15000)), ("cut the video in half", O.SetTotalDuration(duration_ms=15000)),
])
def test_halves_of_the_video(said, op):
    p, tl = _edit(said)
    assert list(p.ops) == [op]
    assert tl.duration <= 15500


# -- edits typed on the cafe reel (s20): a plural name said singular, "zoom into", "no blur on …",
# the music too loud when the voice talks --------------------------------------------------------------
def _cafe():
    from reelforge.planner import plan
    from reelforge.timeline import Fit

    from .test_compose import aud, img

    library = [img(n, i) for i, n in enumerate(["coffee.jpg", "flowers.jpg", "shop_cat.jpg"])] + [aud("music.mp3", 30000)]
    tl = plan("a 12 second promo", library).timeline
    segs = list(tl.track(Role.MAIN).segments)
    segs[1] = segs[1].model_copy(update={"fit": Fit.BLUR})  # the dahlia shown whole over a blurred fill
    return tl.model_copy(update={"tracks": tuple(t.model_copy(update={"segments": tuple(segs)}) if t.role is Role.MAIN
                                                  else t for t in tl.tracks)}), library


def test_a_plural_name_said_in_the_singular_is_that_shot():
    from reelforge.timeline import Fit

    tl, library = _cafe()
    p = plan_edit("show the whole flower", tl, library=library)  # it showed EVERY shot whole
    after = apply(tl, p.ops, library=library).track(Role.MAIN).segments
    assert [s.fit for s in after] == [Fit.COVER, Fit.CONTAIN, Fit.COVER]
    p = plan_edit("remove the flower", tl, library=library)
    assert [s.name for s in apply(tl, p.ops, library=library).track(Role.MAIN).segments] == ["coffee.jpg", "shop_cat.jpg"]


def test_zoom_into_is_a_zoom_in():
    tl, library = _cafe()
    p = plan_edit("zoom into the cat's face", tl, library=library)  # it set an automatic move
    assert [(o.op, getattr(o, "motion", None)) for o in p.ops] == [("set_motion", "zoom-in")]


@pytest.mark.parametrize("said", ["no blur on the flowers", "remove the blur from the flower photo"])
def test_no_blur_on_a_named_picture(said):
    from reelforge.timeline import Fit

    tl, library = _cafe()
    p = plan_edit(said, tl, library=library)  # not understood
    after = apply(tl, p.ops, library=library).track(Role.MAIN).segments
    assert after[1].fit is Fit.CONTAIN and after[0].fit is Fit.COVER
    assert "has no blurred background" in plan_edit("no blur on the coffee", tl, library=library).reply


@pytest.mark.parametrize("said", ["the music is too loud when she talks", "the music drowns the voice when he speaks",
                                  "说话的时候音乐太吵"])
def test_music_too_loud_while_the_voice_talks_ducks_deeper(said):
    p = plan_edit(said, TL, library=LIBRARY)  # it lowered all of the music
    assert [(o.op, o.depth) for o in p.ops] == [("set_duck", 1.5)]
    assert [o.op for o in plan_edit("the music is too loud", TL, library=LIBRARY).ops] == ["set_volume"]


@pytest.mark.parametrize("said", ["the captions are too long", "one line captions", "captions one line only",
                                  "shorter subtitles", "make the captions shorter", "字幕太长了", "字幕一行就好"])
def test_captions_too_long_asks_for_short_cues_from_the_speech(said):
    p = plan_edit(said, TL, library=LIBRARY)  # not understood
    assert [(o.op, o.lines) for o in p.ops] == [("auto_captions", 1)]
    # how long they stay is another thing
    assert not [o for o in plan_edit("show the captions longer", TL, library=LIBRARY).ops if o.op == "auto_captions"]


def test_typed_captions_are_not_cut_again():
    typed = apply(TL, [O.AddText(role=Role.CAPTION, text="Fresh every morning", timing=O.Timing(start_ms=4000, duration_ms=3000))],
                  library=LIBRARY)
    p = plan_edit("the captions are too long", typed, library=LIBRARY)
    assert p.status != "ok" and not p.ops and "your own words" in p.reply


def test_a_first_cut_asked_for_short_captions_asks_for_them():
    from reelforge.planner import plan
    from reelforge.planner.rules import ai_requests

    from .test_compose import IMAGES

    said = "tiktok for hoppers cafe with one-line captions"
    assert [(o.op, o.lines) for o in ai_requests(said, plan(said, IMAGES).timeline)] == [("auto_captions", 1)]
    said = "tiktok with captions"
    assert [(o.op, o.lines) for o in ai_requests(said, plan(said, IMAGES).timeline)] == [("auto_captions", 2)]


# -- the logo taken off for part of the video: it showed ONLY then, or went altogether -------------------
@pytest.mark.parametrize(("said", "shown"), [
    ("no logo in the first 3 seconds", (3000, 30000)),  # it showed the logo in the first 3 s only
    ("hide the logo at the end", (0, 27000)),  # the logo only at the end
    ("remove the logo for the last 5 seconds", (0, 25000)),  # the logo removed altogether
    ("remove the logo from the end", (0, 27000)),
    ("don't show the logo until the end", (27000, 30000)),  # throughout
    ("前3秒不要水印", (3000, 30000)), ("最后5秒不要水印", (0, 25000)),
])
def test_the_logo_off_for_a_time_shows_the_rest(said, shown):
    with_logo = apply(TL, [O.AddLogo(asset_id="logo1")], library=LIBRARY)
    _, tl = _edit(said, with_logo)
    (logo,) = tl.track(Role.LOGO).segments
    assert (logo.start, logo.end) == shown


def test_the_logo_off_for_a_time_without_a_logo_is_said():
    p = plan_edit("no logo in the first 3 seconds", TL, library=LIBRARY)
    assert p.status != "ok" and not p.ops and "no logo" in p.reply
    with_logo = apply(TL, [O.AddLogo(asset_id="logo1")], library=LIBRARY)
    _, tl = _edit("remove the logo", with_logo)
    assert tl.track(Role.LOGO) is None or not tl.track(Role.LOGO).segments


# -- texts taken off for part of the video: every one of them was removed ---------------------------------
def _captioned():
    cues = [O.Cue(start_ms=a, end_ms=b, text=t) for a, b, t in
            ((500, 4000, "Fresh every morning"), (5000, 9000, "Our shop cat"), (24000, 28500, "Open 7 days"))]
    return apply(TL, [O.SetCaptions(cues=cues)], library=LIBRARY)


def _texts_of(tl):
    return [(r.value, s.text, s.start, s.end) for r in (Role.TITLE, Role.CAPTION, Role.CTA) if tl.track(r)
            for s in tl.track(r).segments]


@pytest.mark.parametrize(("said", "gone", "kept"), [
    ("no captions in the last 8 seconds", ["Open 7 days"], ["Fresh every morning", "Our shop cat"]),
    ("remove the captions from the first 5 seconds", ["Fresh every morning"], ["Our shop cat", "Open 7 days"]),
    ("no captions between 10 and 20 seconds", [], ["Fresh every morning", "Our shop cat", "Open 7 days"]),  # none then: said
])
def test_captions_off_for_a_time_are_only_those(said, gone, kept):
    tl = _captioned()
    p = plan_edit(said, tl, library=LIBRARY)
    after = apply(tl, p.ops, library=LIBRARY) if p.ops else tl
    texts = [t for _, t, _, _ in _texts_of(after)]
    assert all(t in texts for t in kept) and not any(t in texts for t in gone), (p.reply, texts)
    if not gone:
        assert p.status != "ok" and "no text shows then" in p.reply.lower()


def test_no_text_for_a_time_keeps_the_part_outside():
    tl = _captioned()
    _, after = _edit("no text in the first 2 seconds", tl)
    texts = {t: (a, b) for _, t, a, b in _texts_of(after)}
    assert texts["Urban Dreams"] == (2000, 3000)  # the title (0-3 s) from 2 s; it was removed with all the rest
    assert texts["Fresh every morning"] == (2000, 4000) and texts["Shop now"] == (27000, 30000)
    _, after = _edit("hide the captions at the end", tl)  # the last 3 s: the one across it keeps its part before
    assert [(a, b) for r, t, a, b in _texts_of(after) if t == "Open 7 days"] == [(24000, 27000)]
    _, after = _edit("no title in the first second", tl)
    assert [(a, b) for r, _, a, b in _texts_of(after) if r == "title"] == [(1000, 3000)]


def test_a_chinese_picture_word_before_de_na_zhang():
    # "花的那张删掉" for flowers.jpg asked which shot (the "的" before "那张" hid the picture word)
    tl, library = _cafe()
    p = plan_edit("花的那张删掉", tl, library=library)
    assert [s.name for s in apply(tl, p.ops, library=library).track(Role.MAIN).segments] == ["coffee.jpg", "shop_cat.jpg"]


@pytest.mark.parametrize(("said", "size"), [
    ("make a reel, square, no music", (1080, 1080)),  # it was 9:16: the platform beat the shape said
    ("a square tiktok for the cafe", (1080, 1080)), ("youtube video but vertical", (1080, 1920)),
    ("抖音横屏视频", (1920, 1080)), ("a tiktok for the cafe", (1080, 1920)),
])
def test_the_shape_said_beats_the_platform(said, size):
    from reelforge.planner import plan

    from .test_compose import IMAGES

    tl = plan(said, IMAGES).timeline
    assert (tl.width, tl.height) == size


@pytest.mark.parametrize(("said", "fades"), [
    ("a promo, fade out at the end", (0, 1000)),  # the first cut had no fade
    ("a 20 second video that fades to black at the end", (0, 1000)),
    ("20 second video, fade in from black", (1000, 0)),
    ("做一个视频，结尾画面淡出", (0, 1000)),
    ("a promo with captions, music fades out at the end", (0, 0)),  # the music's (it does by default)
])
def test_a_first_instruction_s_picture_fades_are_made(said, fades):
    from .test_compose import IMAGES

    s = Session(library=IMAGES, smart_crop=False)
    r = s.handle(said)
    assert r.status == "ok", r.message
    assert (s.timeline.fade_in_ms, s.timeline.fade_out_ms) == fades
    if any(fades):
        assert any(n.startswith(("As asked", "按要求")) for n in r.notes), r.notes


@pytest.mark.parametrize(("said", "total", "shot"), [
    ("a promo, the 05-urban-street photo 6 seconds", 17500, ("05-urban-street.jpg", 6000)),  # a 6 s VIDEO
    ("a 20 second promo, make the first photo 5 seconds", 20000, ("01-red-sneaker.jpg", 5000)),
])
def test_a_first_instruction_s_shot_length_is_that_shot_s(said, total, shot):
    from .test_compose import IMAGES

    s = Session(library=IMAGES, smart_crop=False)
    r = s.handle(said)
    assert r.status == "ok", r.message
    segs = {x.name: x.duration for x in s.timeline.track(Role.MAIN).segments}
    assert segs[shot[0]] == shot[1] and abs(s.timeline.duration - total) <= 100, (segs, s.timeline.duration)
    assert any(n.startswith("As asked") for n in r.notes) and any("share the rest" in n for n in r.notes)


def test_each_photo_s_length_keeps_even_cuts():
    from reelforge.planner.compose import per_item_ms

    # the composer's reading of a length for each picture, which also keeps the cuts even
    for said in ("a promo, 3 seconds each photo", "a promo, each photo 3 seconds", "每张图片3秒", "a promo, 3 seconds a photo"):
        assert per_item_ms(said) == 3000, said
    assert per_item_ms("a 30 second promo with captions") is None


@pytest.mark.parametrize(("said", "role", "field", "value"), [
    ("a promo with text overlays, title at the top", Role.TITLE, "position", "top"),  # it stayed in the middle
    ("a 15 second tiktok with text overlays, title in red", Role.TITLE, "color", "#FF0000"),
    ("a promo with text overlays, make the call to action yellow", Role.CTA, "color", "#FFD400"),
])
def test_a_first_instruction_s_text_look_is_made(said, role, field, value):
    from .test_compose import IMAGES

    s = Session(library=IMAGES, smart_crop=False)
    r = s.handle(said)
    assert r.status == "ok", r.message
    (seg,) = s.timeline.track(role).segments
    got = getattr(seg, field)
    assert (got.value if hasattr(got, "value") else got) == value
    assert any(n.startswith("As asked") for n in r.notes), r.notes


@pytest.mark.parametrize(("said", "left"), [
    ("remove everything after the beach photo", ["shoe.jpg", "city.jpg", "street.mp4", "beach.jpg"]),  # it removed the beach
    ("delete everything before the beach photo", ["beach.jpg", "sneaker.jpg", "mountain.jpg"]),
])
def test_everything_on_one_side_of_a_shot(said, left):
    _, tl = _edit(said)
    assert _names(tl) == left
    assert tl.track(Role.MAIN).segments[0].transition is Transition.CUT  # the new first shot has nothing to come from


def test_nothing_on_that_side_is_said():
    p = plan_edit("remove everything after the mountain photo", TL, library=LIBRARY)  # it removed the mountain
    assert p.status != "ok" and not p.ops and "nothing comes after mountain.jpg" in p.reply.lower()


@pytest.mark.parametrize(("said", "left"), [
    ("城市那张后面的都删掉", ["shoe.jpg", "city.jpg"]),  # it removed the city photo
    ("海滩之前的都删掉", ["beach.jpg", "sneaker.jpg", "mountain.jpg"]),
    ("删掉海滩后面的所有图片", ["shoe.jpg", "city.jpg", "street.mp4", "beach.jpg"]),
])
def test_everything_on_one_side_of_a_shot_in_chinese(said, left):
    _, tl = _edit(said)
    assert _names(tl) == left


def test_a_chinese_note_keeps_an_apostrophe_inside_a_quoted_text():
    from reelforge.planner.notes_zh import to_zh

    zh = to_zh("The texts 'and we deliver across town by bike' and 'Hopper's Cafe, open 7 days a week.' are shown "
               "together from 10.1 s to 12.2 s: apart, each was on screen less than 1 s, too short to read.")
    assert "「Hopper's Cafe, open 7 days a week.」" in zh, zh  # it was cut to 「Hopper」


@pytest.mark.parametrize(("said", "left"), [
    ("remove all photos but the first two", ["shoe.jpg", "city.jpg", "street.mp4"]),  # "would remove every shot"
    ("remove all photos except the first two", ["shoe.jpg", "city.jpg", "street.mp4"]),
    ("keep only the beach photo", ["street.mp4", "beach.jpg"]),  # (the clip is no photo)
])
def test_all_but_a_group(said, left):
    _, tl = _edit(said)
    assert _names(tl) == left
    assert tl.track(Role.MAIN).segments[0].transition is Transition.CUT  # one shot left: nothing to come from


def test_a_travel_business_ends_on_book_now():
    from reelforge.planner.on_screen import call_to_action

    # the travel reel's voice said "Book with Orbit Travel today"; it ended on "Learn more"
    assert call_to_action("Explore ancient temples on our China tour. Book with Orbit Travel today.") == "Book now"
    assert call_to_action("a promo for our hotel") == "Book now" and call_to_action("我们的酒店宣传片") == "立即预订"
    assert call_to_action("a trip video") == "Learn more"  # a trip of one's own books nothing
