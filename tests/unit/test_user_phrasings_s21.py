"""Instructions as people type them (user test s21, a holiday gift reel in 9:16): a picture said to
look blurry or pixelated (read as the blurred fill: "'gift.png' has no blurred background"), a text
named by its words asked to "pop" (the whole video's saturation went up), and a text put over a
shot ("put the title over the coffee shot instead" was not understood)."""

from __future__ import annotations

import re

import pytest

from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role, TextBackground

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()  # 30 s: shoe, city, street.mp4, beach, sneaker, mountain; title 'Urban Dreams', cta 'Shop now'
# the shoe photo as a small picture: 400x300, enlarged 4.8x to fill the 1920x1080 frame
SMALL = tuple(a.model_copy(update={"width": 400, "height": 300}) if a.name == "shoe.jpg" else a for a in LIBRARY)
SMALL_TL = TL.model_copy(update={"assets": [a.model_copy(update={"width": 400, "height": 300}) if a.name == "shoe.jpg"
                                            else a for a in TL.assets]})


def _plan(said, tl=TL, library=LIBRARY):
    return plan_edit(said, tl, library=library)


# -- a picture that looks soft ------------------------------------------------------------------
@pytest.mark.parametrize("said", ["the first photo is too blurry, remove it", "the shoe photo is blurry, delete it",
                                  "第一张图片太模糊了，删掉"])
def test_a_blurry_picture_asked_away_is_removed(said):
    p = _plan(said)
    assert p.status == "ok", p.reply  # it answered "'shoe.jpg' has no blurred background"
    tl = apply(TL, p.ops, library=LIBRARY)
    assert [s.name for s in tl.track(Role.MAIN).segments][0] == "city.jpg"


@pytest.mark.parametrize("said", ["the shoe photo looks pixelated", "the first photo is blurry",
                                  "the first picture looks a bit soft"])
def test_a_picture_said_to_look_soft_is_answered_with_its_size(said):
    p = _plan(said, SMALL_TL, library=SMALL)
    assert p.status != "ok" and not p.ops
    # at least 1920/400 = 4.8x (more at the tightest view of its zoom), as the first cut's warning says
    k = float(re.search(r"enlarged (\d+\.\d)x", p.reply).group(1))
    assert "400x300" in p.reply and k >= 4.8 and "remove shoe.jpg" in p.reply, p.reply
    assert "pixelated effect" not in p.reply and "blurred background" not in p.reply


def test_a_sharp_enough_picture_said_to_look_soft_says_so():
    p = _plan("the city photo looks blurry")
    assert p.status != "ok" and "1920x1080" in p.reply and "within what stays sharp" in p.reply, p.reply
    zh = _plan("第一张图片太模糊了", SMALL_TL, library=SMALL)
    assert "400x300" in zh.reply and "放大了5.4倍" in zh.reply, zh.reply


def test_the_fill_said_too_blurry_is_still_the_fill():
    p = _plan("the background is too blurry")
    assert all(isinstance(o, O.SetBackground) for o in p.ops), p.ops


# -- a text named by its words, asked to pop ------------------------------------------------------
@pytest.mark.parametrize(("said", "role"), [("make the shop now pop more", Role.CTA),
                                            ("make urban dreams pop", Role.TITLE)])
def test_a_text_named_by_its_words_pops_not_the_colours(said, role):
    p = _plan(said)
    assert p.status == "ok" and not any(isinstance(o, O.SetGrade) for o in p.ops), p.ops
    tl = apply(TL, p.ops, library=LIBRARY)
    seg = tl.track(role).segments[0]
    assert seg.background is TextBackground.BOX and seg.bold


def test_make_it_pop_is_still_the_colours():
    assert [type(o) for o in _plan("make it pop").ops] == [O.SetGrade]


# -- a text over a shot ---------------------------------------------------------------------------
@pytest.mark.parametrize("said", ["put the title over the beach shot instead", "show the title during the beach photo",
                                  "the title should be on the beach photo", "put the title on the fourth shot"])
def test_a_text_put_over_a_shot_shows_while_it_does(said):
    p = _plan(said)
    assert p.status == "ok", p.reply
    tl = apply(TL, p.ops, library=LIBRARY)
    title = tl.track(Role.TITLE).segments[0]
    beach = next(s for s in tl.track(Role.MAIN).segments if s.name == "beach.jpg")
    assert (title.start, title.end) == (beach.start + beach.transition_ms, beach.end), (title.start, title.end)


def test_the_cta_over_a_shot_and_a_place_stays_a_place():
    tl = apply(TL, _plan("show the cta on the city photo").ops, library=LIBRARY)
    cta = tl.track(Role.CTA).segments[0]
    assert (cta.start, cta.end) == (5500, 10500)
    for said in ("put the title on top", "show the title for 5 seconds"):
        assert not any(o.timing and o.timing.start_ms for o in _plan(said).ops if isinstance(o, O.UpdateText)), said


def test_captions_looked_for_before_any_exist_say_how_to_make_them():
    p = _plan("captions in yellow")  # none yet (the session makes "add yellow captions" and gives them the look)
    assert p.status != "ok" and "add yellow captions" in p.reply, p.reply
    assert "加上黄色字幕" in _plan("字幕改成黄色").reply


# -- a quoted title after the captions were asked for ----------------------------------------------
@pytest.mark.parametrize(("said", "title", "captions"), [
    ("做一个方形的节日促销视频，加字幕，标题“节日礼物指南”，结尾写“本周八折”", "节日礼物指南", ()),
    ("加字幕，标题是“早餐”", "早餐", ()),
    ("字幕是“好吃”，标题“早餐”", "早餐", ("好吃",)),
    ('a promo with captions, title "Holiday Gift Guide"', "Holiday Gift Guide", ()),
    ('a reel with subtitles "A" and "B", title "C"', "C", ("A", "B")),
])
def test_a_quote_is_the_text_its_nearest_label_names(said, title, captions):
    """"加字幕，标题“节日礼物指南”" made the quoted title a caption (the caption label's run of
    non-word characters spanned "，标题") and the voice's name the title; the speech captions were lost."""
    from reelforge.planner.on_screen import words_to_show

    w = words_to_show(said, [])
    assert (w.title, w.captions) == (title, captions)


# -- punctuation off the captions (every caption was removed) ------------------------------------
def _captioned():
    cues = [O.Cue(start_ms=0, end_ms=3000, text="Fresh coffee, every morning."),
            O.Cue(start_ms=3000, end_ms=6000, text="Visit example.com!"),
            O.Cue(start_ms=6000, end_ms=9000, text="Hopper's Cafe: 2.5x the flavour?"),
            O.Cue(start_ms=9000, end_ms=12000, text="早上好，来杯咖啡。")]
    return apply(TL, [O.SetCaptions(cues=cues)], library=LIBRARY)


@pytest.mark.parametrize(("said", "want"), [
    ("remove the punctuation from the captions",
     ["Fresh coffee every morning", "Visit example.com", "Hopper's Cafe 2.5x the flavour", "早上好来杯咖啡"]),
    ("字幕去掉标点", ["Fresh coffee every morning", "Visit example.com", "Hopper's Cafe 2.5x the flavour", "早上好来杯咖啡"]),
    ("no full stops in the captions",
     ["Fresh coffee, every morning", "Visit example.com!", "Hopper's Cafe: 2.5x the flavour?", "早上好，来杯咖啡"]),
])
def test_punctuation_taken_off_keeps_the_words(said, want):
    tl = _captioned()
    p = _plan(said, tl)
    assert p.status == "ok", p.reply
    out = apply(tl, p.ops, library=LIBRARY)
    assert [c.text for c in out.track(Role.CAPTION).segments] == want
    assert out.track(Role.TITLE).segments[0].text == "Urban Dreams"
    if said.startswith("remove"):
        assert p.reply.startswith("4 captions' words changed"), p.reply  # said once, not four times


def test_a_gift_named_in_chinese_is_the_gift_photo():
    lib = tuple(a.model_copy(update={"name": "gift.jpg"}) if a.name == "city.jpg" else a for a in LIBRARY)
    tl = TL.model_copy(update={
        "assets": [a.model_copy(update={"name": "gift.jpg"}) if a.name == "city.jpg" else a for a in TL.assets],
        "tracks": [t.model_copy(update={"segments": [s.model_copy(update={"name": "gift.jpg"}) if getattr(s, "name", "") == "city.jpg"
                                                     else s for s in t.segments]}) for t in TL.tracks]})
    p = plan_edit("把礼物那张去掉", tl, library=lib)
    assert p.status == "ok", p.reply  # it asked which of the shots
    assert "gift.jpg" not in [s.name for s in apply(tl, p.ops, library=lib).track(Role.MAIN).segments]


# -- a fitness ad on the beat (s21): times said by the voiceover, the pace, the video's start cut --------
@pytest.mark.parametrize(("said", "want"), [
    ("the music should be louder after the voice ends", (24000, 30000)),
    ("旁白结束后音乐大一点", (24000, 30000)),
])
def test_music_louder_after_the_voice_ends_is_that_span(said, want):
    p = _plan(said)
    assert p.status == "ok", p.reply
    spans = [(o.span.start_ms, o.span.end_ms) for o in p.ops if isinstance(o, O.SetVolume) and o.span]
    assert spans == [want], p.ops  # it turned the whole music up


@pytest.mark.parametrize("said", ["end the video when the voice ends", "cut the video when the narration stops"])
def test_the_video_ended_when_the_voice_ends(said):
    p = _plan(said)
    assert list(p.ops) == [O.TrimVideo(tail_ms=6000)], p.ops
    assert apply(TL, p.ops, library=LIBRARY).duration == 24000


@pytest.mark.parametrize("said", ["the cuts are too fast", "cuts too quick", "the shots change too fast"])
def test_cuts_too_fast_is_the_pace_not_the_transitions(said):
    p = _plan(said)
    assert p.status == "ok" and all(isinstance(o, O.SetSegmentDuration) for o in p.ops), p.ops
    stills = [s for s in apply(TL, p.ops, library=LIBRARY).track(Role.MAIN).segments if s.name != "street.mp4"]
    assert all(s.duration > 5500 for s in stills)  # a third longer (it answered "already hard cuts")


def test_the_start_cut_off_takes_the_voice_and_its_captions_with_it():
    cues = [O.Cue(start_ms=1000, end_ms=4000, text="Welcome."), O.Cue(start_ms=6000, end_ms=9000, text="Fresh shoes."),
            O.Cue(start_ms=12000, end_ms=15000, text="Shop now.")]
    tl = apply(TL, [O.SetCaptions(cues=cues)], library=LIBRARY)
    out = apply(tl, [O.TrimVideo(head_ms=8000)], library=LIBRARY)
    voice = out.track(Role.VOICE).segments[0]
    assert (voice.start, voice.in_ms, voice.duration) == (0, 8000, 16000)  # it played its first 8 s still
    assert [(c.start, c.end, c.text) for c in out.track(Role.CAPTION).segments] == [(0, 1000, "Fresh shoes."),
                                                                                  (4000, 7000, "Shop now.")]
    assert out.track(Role.TITLE).segments[0].start == 0  # the opening title stays the opening
    assert out.duration == 22000


def test_the_end_said_is_kept_when_the_shot_across_it_is_too_short_to_keep():
    # the street clip comes in at 10.5 s: ending at 11.2 s leaves it 0.7 s, so it goes, and the city photo
    # before it holds to 11.2 s ("end the video at 8 seconds" made a 7.29 s video)
    out = apply(TL, [O.TrimVideo(tail_ms=18800)], library=LIBRARY)
    assert out.duration == 11200 and [s.name for s in out.track(Role.MAIN).segments] == ["shoe.jpg", "city.jpg"]


def test_a_text_set_to_the_centre_but_drawn_aside_is_said_so():
    from reelforge.render.checks import off_centre
    from reelforge.session import _centred_aside

    # the mountain's subject fills the middle of the frame: the call to action over it goes to one side
    main = TL.track(Role.MAIN)
    segs = [s.model_copy(update={"subject": (0.3, 0.2, 0.7, 0.9), "core": (0.35, 0.25, 0.65, 0.85)})
            if s.name == "mountain.jpg" else s for s in main.segments]
    tl = TL.model_copy(update={"tracks": [t.model_copy(update={"segments": segs}) if t.role is Role.MAIN else t
                                          for t in TL.tracks]})
    cta = tl.track(Role.CTA).segments[0]
    said = off_centre(tl, cta.id)
    assert said is not None and "shows to the" in said and "Shop now" in said
    assert _centred_aside(tl, _plan("center the cta", tl).ops) == said
    assert off_centre(TL, TL.track(Role.CTA).segments[0].id) is None  # nothing in the way: centred


@pytest.mark.parametrize("said", ["make the captions appear word by word", "tiktok style captions", "字幕逐字出现"])
def test_word_by_word_captions_are_the_shortest_cues_said_so(said):
    p = _plan(said)
    assert [type(o) for o in p.ops] == [O.AutoCaptions] and p.ops[0].lines == 1
    assert "not one word at a time" in p.reply or "不能一个字一个字" in p.reply, p.reply


# -- noted in s20 and not understood then ------------------------------------------------------------
@pytest.mark.parametrize("said", ["the first photo should be the second one", "make the first photo the second one"])
def test_a_shot_said_to_be_at_a_place_moves_there(said):
    p = _plan(said)
    assert p.status == "ok", p.reply
    assert [s.name for s in apply(TL, p.ops, library=LIBRARY).track(Role.MAIN).segments][:2] == ["city.jpg", "shoe.jpg"]


def test_a_faulted_part_then_cut_it_is_cut():
    p = _plan("the first half is boring, cut it")
    assert list(p.ops) == [O.TrimVideo(head_ms=15000)], p.ops
    p = _plan("the last photo is pointless, remove it")
    assert "mountain.jpg" not in [s.name for s in apply(TL, p.ops, library=LIBRARY).track(Role.MAIN).segments]
    p = _plan("the beach photo is too long, trim it")  # shorter, not "trim the beach photo" (not understood)
    beach = next(s for s in apply(TL, p.ops, library=LIBRARY).track(Role.MAIN).segments if s.name == "beach.jpg")
    assert beach.duration < 5500, p.reply


@pytest.mark.parametrize(("said", "word"), [("trim the end", "end"), ("cut the beginning a bit", "start")])
def test_trimming_an_edge_without_an_amount_asks_how_much(said, word):
    p = _plan(said)
    assert p.status == "ambiguous" and f"How much of the {word}?" in p.reply and "30 s long" in p.reply, p.reply


def test_the_title_hidden_for_the_last_second_is_its_own_last_second():
    p = _plan("hide the title for the last second")  # the video's last second showed no title: "no text shows then"
    title = apply(TL, p.ops, library=LIBRARY).track(Role.TITLE).segments[0]
    assert (title.start, title.end) == (0, 2000), p.reply


def test_a_caption_named_by_some_of_its_words_goes_over_a_shot():
    tl = _captioned()
    p = _plan("put the every morning caption on the beach photo", tl)
    assert p.status == "ok", p.reply  # "Which text? There are 4"
    cap = next(c for c in apply(tl, p.ops, library=LIBRARY).track(Role.CAPTION).segments if "every morning" in c.text)
    assert (cap.start, cap.end) == (15500, 20500)
    again = _plan("put the every morning caption on the first photo", tl)
    assert again.status != "ok" and "already shows over that shot" in again.reply, again.reply


@pytest.mark.parametrize("said", ["play the beach photo backwards", "play the first picture in reverse"])
def test_a_photo_played_backwards_is_refused_not_the_order_reversed(said):
    p = _plan(said)
    assert p.status != "ok" and not p.ops and "does not play" in p.reply, p.reply  # FRESH14: every shot's order reversed
    assert [type(o) for o in _plan("reverse the order").ops] == [O.ReverseOrder]


@pytest.mark.parametrize("said", ["need a vertical video for ig stories with these pics", "a reel for instagram stories",
                                  "a video for youtube shorts", "an ad for the fb feed"])
def test_where_it_is_posted_is_not_what_it_is_about(said):
    """"…for ig stories…" was titled 'Ig Stories' over a voiceover naming Maple Lane Gifts."""
    from reelforge.planner.on_screen import subject_of

    assert subject_of(said) is None
    assert subject_of("a video for Xavier Bakery") == "Xavier Bakery"


# -- a row under the title beside the captions of what is said ----------------------------------------
def _spoken():
    cues = [O.Cue(start_ms=100, end_ms=1400, text="Ready to go further?"),
            O.Cue(start_ms=1600, end_ms=3300, text="Join us this January."),
            O.Cue(start_ms=4000, end_ms=6000, text="Real coaches.")]
    return apply(TL, [O.SetCaptions(cues=cues)], library=LIBRARY)


def test_a_subtitle_under_the_title_keeps_the_spoken_captions():
    tl = _spoken()
    p = _plan("add a subtitle under the title saying 'New year, new you'", tl)
    assert p.status == "ok" and "takes the place" not in p.reply, p.reply
    out = apply(tl, p.ops, library=LIBRARY)
    texts = sorted((s.start, s.text) for t in out.tracks_by_role(Role.CAPTION) for s in t.segments)
    # the two spoken captions shown with the title stay (they were removed), the row shows with the title
    assert texts == [(0, "New year, new you"), (100, "Ready to go further?"), (1600, "Join us this January."),
                     (4000, "Real coaches.")]
    # made again from the speech, the captions keep the row
    again = apply(out, [O.SetCaptions(cues=[O.Cue(start_ms=200, end_ms=2000, text="Hello.")])], library=LIBRARY)
    assert sorted(s.text for t in again.tracks_by_role(Role.CAPTION) for s in t.segments) == ["Hello.", "New year, new you"]


def test_captions_asked_in_a_sentence_beside_a_brief_s_labels_are_made():
    from reelforge.planner.rules import ai_requests

    asked = ai_requests("Create a 20s promo with captions. Title: Maple Lane Gifts. Subtitle: Handmade in Vermont.", TL)
    assert [type(o) for o in asked] == [O.AutoCaptions]  # file-name captions were made instead
    assert ai_requests("Product: AeroBottle. Tagline: stay cold. Captions: Cold, Light", TL) == []


# -- a cafe owner's edits (s21) ---------------------------------------------------------------------
def test_screen_time_said_is_the_shot_s_length():
    for said, longer in (("the beach photo needs more screen time", True), ("the beach photo could use less time", False)):
        p = _plan(said)
        beach = next(s for s in apply(TL, p.ops, library=LIBRARY).track(Role.MAIN).segments if s.name == "beach.jpg")
        assert (beach.duration > 5500) if longer else (beach.duration < 5500), (said, p.reply)


def test_a_text_kept_until_the_end_or_a_time_keeps_its_start():
    title = apply(TL, _plan("keep the title on screen till the end").ops, library=LIBRARY).track(Role.TITLE).segments[0]
    assert (title.start, title.end) == (0, 30000)
    p = _plan("show the cta until 29 seconds")  # the cta (27-30 s) showed from 0:00 to 29 s
    cta = apply(TL, p.ops, library=LIBRARY).track(Role.CTA).segments[0]
    assert (cta.start, cta.end) == (27000, 29000), p.reply
    same = _plan("show the cta until the end")  # (the planner says the change; the session, that nothing changed)
    assert apply(TL, same.ops, library=LIBRARY) == TL, same.reply


@pytest.mark.parametrize(("said", "op"), [("the beach photo is too zoomed in", O.SetMotionAmount),
                                          ("the beach photo is too cropped", O.SetFit),
                                          ("the beach photo is cut off", O.SetFit)])
def test_a_picture_too_close_or_cut_off(said, op):
    p = _plan(said)
    assert p.status == "ok" and [type(o) for o in p.ops] == [op], p.reply


def test_a_chill_video_is_a_calm_pace():
    from reelforge.planner.compose import _pace

    assert _pace("a chill vibe video") == "a calm" and _pace("a laid-back cafe reel") == "a calm"
    assert _pace("a snappy 15 second reel") == "a fast"


def test_chinese_edits_on_an_english_named_reel():
    p = _plan("海滩那张多放一会")  # not understood
    beach = next(s for s in apply(TL, p.ops, library=LIBRARY).track(Role.MAIN).segments if s.name == "beach.jpg")
    assert beach.duration > 5500, p.reply
    p = _plan("城市那张放到山后面")  # a one-character name before 后面 at the clause's end
    assert p.status == "ok", p.reply
    assert [s.name for s in apply(TL, p.ops, library=LIBRARY).track(Role.MAIN).segments][-1] == "city.jpg"
    assert list(_plan("旁白结束后视频就结束").ops) == [O.TrimVideo(tail_ms=6000)]


def test_the_closing_text_shown_after_a_time_stays_to_the_end():
    cta = apply(TL, _plan("show the cta after the voiceover ends").ops, library=LIBRARY).track(Role.CTA).segments[0]
    assert (cta.start, cta.end) == (24000, 30000)  # (24-28 s: it left the video's last 2 s without it)
    title = apply(TL, _plan("make the title appear after 1 second").ops, library=LIBRARY).track(Role.TITLE).segments[0]
    assert (title.start, title.end) == (1000, 4000)


@pytest.mark.parametrize("said", ["no music while he talks", "no music during the voiceover", "mute the music while she speaks",
                                  "turn off the music while he is talking", "说话的时候不要音乐", "no music from 0s to 24s"])
def test_no_music_while_the_voice_talks_is_the_voice_s_time(said):
    """They REMOVED the music track (or muted all of it); "from 0s to …" was not read as a range."""
    p = _plan(said)
    assert list(p.ops) == [O.SetVolume(role="music", volume=0.0, span=O.Span(start_ms=0, end_ms=24000))], p.ops
    assert [type(o) for o in _plan("the music is too loud when she talks").ops] == [O.SetDuck]  # a level: deeper ducking


@pytest.mark.parametrize("said", ["make the captions match the voice", "the captions are out of sync", "captions are late",
                                  "字幕对不上"])
def test_captions_out_of_sync_are_made_again_from_the_speech(said):
    p = _plan(said)  # "match the voice" fitted the VIDEO to the voiceover; the others were not understood
    assert [type(o) for o in p.ops] == [O.AutoCaptions], p.ops
    assert [type(o) for o in _plan("fit to the voiceover").ops] == [O.FitToVoice]


def test_a_text_said_wrong_gets_the_words_it_should_say():
    p = _plan("the title is misspelled, it should read 'Urban Dreams Club'")  # two clauses, neither understood
    assert apply(TL, p.ops, library=LIBRARY).track(Role.TITLE).segments[0].text == "Urban Dreams Club", p.reply
    p = _plan("the cta is wrong - it should say 'Order today'")
    assert apply(TL, p.ops, library=LIBRARY).track(Role.CTA).segments[0].text == "Order today", p.reply


# -- a 15 s ad's length as people say it (s21) ---------------------------------------------------------
@pytest.mark.parametrize(("said", "want"), [("make it twice as long", 60000), ("half as long please", 15000),
                                            ("halve the length", 15000), ("视频时长减半", 15000),
                                            ("make the ad shorter", 24000), ("the ad is too long for instagram", 24000),
                                            ("the reel is too short", 38000)])
def test_the_video_s_length_said_by_how_it_compares(said, want):
    p = _plan(said)
    assert list(p.ops) == [O.SetTotalDuration(duration_ms=want)], (said, p.reply)  # not understood, or made square


def test_a_keep_clause_about_the_text_leaves_the_rest_to_do():
    p = _plan("make it 9:16 and keep the text readable")  # asked "Which text?" and did nothing
    assert [type(o) for o in p.ops] == [O.SetFrame], p.reply
