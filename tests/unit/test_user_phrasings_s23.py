"""User tests of session 23: a tour operator's reel (9:16, an espeak-ng en-gb+f3 voiceover,
music at 92 bpm, three photos and a testimonial clip with the traveller's own speech) typed as
a marketer types it."""

from __future__ import annotations

import pytest

from reelforge.planner import ops as O
from reelforge.planner import plan
from reelforge.planner.apply import apply
from reelforge.planner.compose import clips_keep_sound
from reelforge.planner.notes_zh import to_zh
from reelforge.planner.rules import caption_mode, plan_edit
from reelforge.timeline import Role

from .test_compose import BGM, aud, clip, img

TOUR = [img("pagoda_sunrise.jpg", 1), img("tea_house.jpg", 2), clip("testimonial.mp4", 5_000),
        aud("voiceover.wav", 15_000), BGM]


def _video(p):
    return next(tr for tr in p.timeline.tracks if tr.role is Role.MAIN).segments


def test_a_clip_named_in_the_instruction_keeps_its_speech():
    # the first cut muted the testimonial under "keep the traveller's own voice on the testimonial clip"
    p = plan("Make a 30 second Instagram reel for Wander East Tours. Use the voiceover and music, keep the "
             "traveller's own voice on the testimonial clip, add captions", TOUR)
    testimonial = next(s for s in _video(p) if s.name == "testimonial.mp4")
    assert not testimonial.mute
    assert any("'testimonial.mp4' keeps its own sound, as asked" in n for n in p.notes)
    assert not any("muted so it does not talk over" in n for n in p.notes)


def test_with_a_voiceover_a_clip_is_still_muted_unless_asked():
    p = plan("Make a 30 second reel for Wander East Tours with captions", TOUR)
    assert next(s for s in _video(p) if s.name == "testimonial.mp4").mute
    assert any("muted so it does not talk over the voiceover" in n for n in p.notes)


def test_a_kept_clip_comes_after_the_voiceover_and_the_video_holds_both():
    # given first, the testimonial spoke over the voiceover's first sentences
    p = plan("keep the clip's sound", [clip("testimonial.mp4", 5_000), img("tea_house.jpg", 2),
                                        aud("voiceover.wav", 12_000)])
    video = _video(p)
    assert [s.name for s in video] == ["tea_house.jpg", "testimonial.mp4"]
    assert video[-1].start == 12_000 and p.timeline.duration == 17_000 and not video[-1].mute
    note = next(n for n in p.notes if "keeps its own sound" in n)
    assert note.endswith("It comes after the voiceover (12-17 s), so the two voices do not talk at once."), note
    assert "Pictures in the order given, testimonial.mp4 after the voiceover: tea_house.jpg, testimonial.mp4." in p.notes
    assert to_zh(note).endswith("放在旁白之后（12-17秒），两个声音不会同时说话。")
    assert any(n.startswith("Length: 17 s, the voiceover and then testimonial.mp4 with its own sound") for n in p.notes)


def test_a_kept_clip_that_cannot_come_after_the_voiceover_is_said_with_its_times():
    p = plan("a 12 second video, keep the clip's sound", [clip("testimonial.mp4", 5_000), img("tea_house.jpg", 2),
                                                          aud("voiceover.wav", 12_000)])
    note = next(n for n in p.notes if "keeps its own sound" in n)
    assert "plays under the voiceover (" in note and "'mute testimonial.mp4'" in note, note


@pytest.mark.parametrize(("text", "keep"), [
    ("keep the clip's sound", True),
    ("keep the original audio of the interview", True),
    ("use the clips' own audio", True),
    ("with the sound of the video clip", True),
    ("unmute the clips", True),
    ("don't mute the interview clip", True),
    ("保留视频原声", True),
    ("原声保留", True),
    ("use my own voice recording as the voiceover", False),
    ("keep my own voice, it is the voiceover", False),
    ("keep the music", False),
    ("keep the clips short", False),
    ("keep it under 30 seconds with a voiceover", False),
])
def test_what_asks_a_clip_to_keep_its_sound(text, keep):
    assert clips_keep_sound(text) is keep


@pytest.mark.parametrize(("text", "burn"), [
    # "own" in another phrase sent the captions to files: none was on the picture
    ("keep the traveller's own voice on the testimonial clip, add captions", None),
    ("captions please, and the interview keeps its own voice", None),
    ("captions as their own file", False),
    ("captions in their own srt files", False),
    ("captions as a separate file, not burned in", False),
    ("captions burned in", True),
])
def test_where_the_captions_go(text, burn):
    assert caption_mode(text) is burn


def _tour_cut():
    p = plan("a 30 second reel, keep the clip's sound", TOUR)
    return p.timeline, [*TOUR]


@pytest.mark.parametrize(("text", "factor", "volume"), [
    ("make the testimonial louder", 1.5, None),
    ("the testimonial is too quiet", 1.5, None),
    ("turn down the testimonial a bit", 0.7, None),
    ("testimonial volume to 150%", None, 1.5),
    ("把testimonial的声音调大", 1.5, None),
])
def test_one_clips_own_sound_is_made_louder_or_quieter(text, factor, volume):
    # "make the testimonial louder" was not understood
    tl, lib = _tour_cut()
    r = plan_edit(text, tl, library=lib)
    assert r.status == "ok", r.reply
    (op,) = r.ops
    assert isinstance(op, O.SetVolume) and op.role == "main" and op.target is not None
    assert (op.factor, op.volume) == (factor, volume)
    after = apply(tl, r.ops, library=lib)
    clip = next(s for s in after.track(Role.MAIN).segments if s.name == "testimonial.mp4")
    assert clip.volume == pytest.approx(factor or volume)
    assert "own sound" in r.reply or "原声" in r.reply


def test_a_still_named_for_its_sound_is_refused_with_what_to_say():
    tl, lib = _tour_cut()
    r = plan_edit("make the pagoda louder", tl, library=lib)
    assert not r.ops and "still picture" in r.reply and "music louder" in r.reply


def test_a_clips_own_speech_captions_move_with_the_clip():
    # moving the testimonial left its captions behind, over another picture
    tl, lib = _tour_cut()
    clip = next(s for s in tl.track(Role.MAIN).segments if s.name == "testimonial.mp4")
    cues = [O.Cue(start_ms=clip.start + 200, end_ms=clip.start + 2000, text="Best trip of my life.", shot=clip.id),
            O.Cue(start_ms=500, end_ms=2500, text="Twelve days through temples.")]
    tl = apply(tl, [O.SetCaptions(cues=cues)], library=lib)
    moved = apply(tl, plan_edit("move the testimonial to the start", tl, library=lib).ops, library=lib)
    clip = next(s for s in moved.track(Role.MAIN).segments if s.name == "testimonial.mp4")
    caps = {c.text: c for c in moved.track(Role.CAPTION).segments}
    assert clip.start == 0 and caps["Best trip of my life."].start == clip.start + 200
    assert caps["Twelve days through temples."].start == 500  # the voiceover's stay with the voice


@pytest.mark.parametrize("text", ["move the testimonial up", "put the testimonial down at the end",
                                  "remove the blur from the pagoda photo"])
def test_up_and_down_of_a_named_clip_are_its_place_not_its_sound(text):
    tl, lib = _tour_cut()
    r = plan_edit(text, tl, library=lib)
    assert not any(isinstance(o, O.SetVolume) for o in r.ops), r.ops


def test_the_kept_sound_note_in_chinese_and_no_talk_over_for_a_crossfade():
    p = plan("给Wander East Tours做一个横屏宣传视频，20秒，配上旁白和音乐，保留视频原声", TOUR)
    note = next(n for n in p.notes if "own sound" in n)
    assert "plays under the voiceover" not in note  # the clip comes in on the voice's last half second
    assert to_zh(note) == "「testimonial.mp4」按要求保留原声，背景音乐在原声处自动压低。放在旁白之后（15-20秒），两个声音不会同时说话。"
    under = next(n for n in plan("keep the clip's sound", [clip("a.mp4", 5_000), clip("b.mp4", 5_000),
                                                            aud("voiceover.wav", 12_000)]).notes if "own sound" in n)
    # (clips alone: nothing to put before them, they play under the voiceover)
    assert to_zh(under) == ("「a.mp4」、「b.mp4」按要求保留原声，背景音乐在原声处自动压低。它与旁白重叠（0-5秒；4.5-9.5秒）："
                            "可以说“把a.mp4移到最后”或“a.mp4静音”。")


def _cut_with_voice_captions():
    p = plan("keep the clip's sound", [img("pagoda.jpg", 1), img("tea.jpg", 2), img("flower.jpg", 3),
                                        clip("testimonial.mp4", 5_000), aud("voiceover.wav", 15_000)])
    lib = [img("pagoda.jpg", 1), img("tea.jpg", 2), img("flower.jpg", 3), clip("testimonial.mp4", 5_000),
           aud("voiceover.wav", 15_000)]
    tl = p.timeline
    t = next(s for s in tl.track(Role.MAIN).segments if s.name == "testimonial.mp4")
    cues = [O.Cue(start_ms=8_000, end_ms=9_800, text="Here is what our travellers say."),
            O.Cue(start_ms=10_500, end_ms=13_000, text="Book before January."),
            O.Cue(start_ms=t.start + 300, end_ms=t.start + 2_000, text="Best trip of my life.", shot=t.id)]
    return apply(tl, [O.SetCaptions(cues=cues)], library=lib), lib


def test_the_voiceover_pauses_for_a_clip_placed_in_it():
    # the testimonial after "Here is what our travellers say.", the voice going on after it
    tl, lib = _cut_with_voice_captions()
    assert tl.duration == 20_000
    out = apply(tl, [O.PlaceInVoice(target=O.Target(name="testimonial"), at_ms=10_100)], library=lib)
    shots = out.track(Role.MAIN).segments
    t = next(s for s in shots if s.name == "testimonial.mp4")
    assert t.start == 10_100 and t.duration == 5_000 and not t.mute
    assert out.duration == 20_000 and shots[-1].end == 20_000  # it was after the voiceover: the same length
    assert [s.name for s in shots][-1] != "testimonial.mp4"
    voice = out.track(Role.VOICE).segments
    assert [(v.start, v.end, v.in_ms) for v in voice] == [(0, 10_100, 0), (15_100, 20_000, 10_100)]
    caps = {c.text: c for c in out.track(Role.CAPTION).segments}
    assert caps["Here is what our travellers say."].start == 8_000  # before the pause: as it was
    assert caps["Book before January."].start == 15_500  # said after the clip
    assert caps["Best trip of my life."].start == t.start + 300  # the clip's own, with it


def test_a_clip_under_the_voiceover_placed_in_a_pause_makes_the_video_longer():
    p = plan("a 15 second reel", [img("pagoda.jpg", 1), clip("testimonial.mp4", 5_000), img("tea.jpg", 2),
                                  aud("voiceover.wav", 15_000), BGM])
    lib = [img("pagoda.jpg", 1), clip("testimonial.mp4", 5_000), img("tea.jpg", 2), aud("voiceover.wav", 15_000), BGM]
    tl = apply(p.timeline, [O.AddText(role="cta", text="Book now", timing=O.Timing(anchor="end", duration_ms=3_000))],
               library=lib)
    out = apply(tl, [O.PlaceInVoice(target=O.Target(name="testimonial"), at_ms=7_000)], library=lib)
    assert out.duration == 20_000
    assert next(s for s in out.track(Role.MAIN).segments if s.name == "testimonial.mp4").start == 7_000
    assert [(s.start, s.end) for s in out.track(Role.CTA).segments] == [(17_000, 20_000)]  # still at the end
    assert out.track(Role.MUSIC).segments[-1].end == 20_000


def test_a_still_or_a_time_outside_the_voice_is_refused():
    from reelforge.planner.apply_state import ApplyError

    tl, lib = _cut_with_voice_captions()
    with pytest.raises(ApplyError, match="still picture"):
        apply(tl, [O.PlaceInVoice(target=O.Target(name="pagoda"), at_ms=5_000)], library=lib)
    with pytest.raises(ApplyError, match="cannot pause at"):
        apply(tl, [O.PlaceInVoice(target=O.Target(name="testimonial"), at_ms=17_000)], library=lib)


def test_a_kept_clip_plays_whole_after_the_voiceover_among_crossfaded_stills():
    # even shares gave the testimonial 4.0 of its 4.9 s (its first second was then cut as a highlight)
    p = plan("a reel, keep the clip's sound", [img("a.jpg", 1), clip("t.mp4", 4_859), img("b.jpg", 2), img("c.jpg", 3),
                                               aud("voiceover.wav", 9_640)])
    video = _video(p)
    assert (video[-1].name, video[-1].start, video[-1].duration) == ("t.mp4", 9_640, 4_859)
    assert p.timeline.duration == 9_640 + 4_859


def _stage_heard(tl, lib, words):
    """The session's AI stage with the voiceover's transcript already heard (its cache, as a first cut
    leaves it): what it does with the words, no model run."""
    from reelforge.ai.captions import Transcript, Word
    from reelforge.session import Session

    s = Session.new()
    s.library = list(lib)
    stage = s.stage
    stage.names = ()
    voice = tl.track(Role.VOICE).segments[0].src
    stage.cache[("lang", voice)] = ("en", 0.99)
    stage.cache[("tr", voice, "en", ())] = Transcript(
        words=tuple(Word(a, b, t) for t, a, b in words), language="en", language_probability=0.99,
        duration_ms=15_000)
    return stage


@pytest.mark.parametrize("handover", ["say.", "say,"])  # Whisper heard a comma there in one Piper voice
def test_the_voiceover_pauses_where_it_hands_over_to_the_clip(handover):
    lib = [img("pagoda.jpg", 1), img("tea.jpg", 2), clip("testimonial.mp4", 5_000), aud("voiceover.wav", 15_000)]
    tl = plan("keep the clip's sound", lib).timeline
    words = [("Twelve", 0, 400), ("days", 400, 900), ("of", 900, 1000), ("temples.", 1000, 1800),
             ("Here", 2200, 2400), ("is", 2400, 2500), ("what", 2500, 2700), ("our", 2700, 2800),
             ("travelers", 2800, 3400), (handover, 3400, 3800), ("Book", 4100, 4400), ("before", 4400, 4800),
             ("January.", 4800, 5600)]
    ops, notes = _stage_heard(tl, lib, words).voice_pauses(tl)
    assert isinstance(ops[0], O.PlaceInVoice) and ops[0].at_ms == 3_950  # in the pause after "say"
    assert notes == ['testimonial.mp4 plays where the voiceover says "Here is what our travelers say." (3.95s); '
                     'the voiceover goes on after it.']


@pytest.mark.parametrize("said", ["Here's the deal, twelve days of temples.", "Meet our guides. Book now."])
def test_no_pause_without_words_handing_over(said):
    lib = [img("pagoda.jpg", 1), img("tea.jpg", 2), clip("testimonial.mp4", 5_000), aud("voiceover.wav", 15_000)]
    tl = plan("keep the clip's sound", lib).timeline
    words = [(w, 500 * i, 500 * i + 400) for i, w in enumerate(said.split())]
    assert _stage_heard(tl, lib, words).voice_pauses(tl) == ([], [])


def test_the_shots_around_the_pause_keep_even_lengths():
    # a 30 s cut of four photos: the pause at 10.7 s took the one photo before it to 11 s
    lib = [img("a.jpg", 1), img("b.jpg", 2), img("c.jpg", 3), img("d.jpg", 4), clip("t.mp4", 5_000),
           aud("voiceover.wav", 15_000)]
    tl = plan("a 30 second video, keep the clip's sound", lib).timeline
    out = apply(tl, [O.PlaceInVoice(target=O.Target(name="t.mp4"), at_ms=10_700)], library=lib)
    shots = out.track(Role.MAIN).segments
    assert [s.name for s in shots] == ["a.jpg", "b.jpg", "t.mp4", "c.jpg", "d.jpg"]
    assert max(s.duration for s in shots if s.name != "t.mp4") < 8_000 and out.duration == 30_000


def _paused():
    tl, lib = _cut_with_voice_captions()
    return apply(tl, [O.PlaceInVoice(target=O.Target(name="testimonial"), at_ms=10_100)], library=lib), lib


def _voice(tl):
    return [(v.start, v.end, v.in_ms) for v in tl.track(Role.VOICE).segments]


def _caption(tl, words):
    return next((c for c in tl.track(Role.CAPTION).segments if words in c.text), None)


def test_edits_keep_the_voiceover_paused_for_its_clip_or_whole_again():
    tl, lib = _paused()
    # the clip removed: the voice whole again (its end was cut off with the video's), its captions back
    out = apply(tl, plan_edit("remove the testimonial", tl, library=lib).ops, library=lib)
    assert _voice(out) == [(0, 15_000, 0)] and out.duration >= 15_000
    assert _caption(out, "Book before").start == 10_500 and _caption(out, "Best trip") is None
    # muted: the same, and its own captions go (its speech is not heard)
    out = apply(tl, plan_edit("mute the testimonial", tl, library=lib).ops, library=lib)
    assert _voice(out) == [(0, 15_000, 0)] and _caption(out, "Best trip") is None
    # moved by the user: the voice whole, the clip where it was put
    out = apply(tl, plan_edit("move the testimonial to the end", tl, library=lib).ops, library=lib)
    assert _voice(out) == [(0, 15_000, 0)] and out.track(Role.MAIN).segments[-1].name == "testimonial.mp4"
    # other shots swapped: the pause stays
    out = apply(tl, plan_edit("swap the first and second photos", tl, library=lib).ops, library=lib)
    assert _voice(out) == _voice(tl) == [(0, 10_100, 0), (15_100, 20_000, 10_100)]
    # the video made longer: paused anew at the same words, the captions after it with it
    out = apply(tl, plan_edit("make it 30 seconds", tl, library=lib).ops, library=lib)
    clip = next(s for s in out.track(Role.MAIN).segments if s.name == "testimonial.mp4")
    assert out.duration == 30_000 and clip.start == 10_100 and _voice(out) == [(0, 10_100, 0), (15_100, 20_000, 10_100)]
    assert _caption(out, "Book before").start == 15_500 and _caption(out, "Best trip").start == clip.start + 300
    # fit to the voiceover: no piece grows over the next (it broke the timeline)
    out = apply(tl, plan_edit("fit to the voiceover", tl, library=lib).ops, library=lib)
    assert _voice(out) == [(0, 10_100, 0), (15_100, 20_000, 10_100)]


def test_a_caption_changed_or_removed_after_the_pause_stays_so():
    tl, lib = _paused()
    out = apply(tl, plan_edit('change the caption "Book before January." to "Book by Jan 31."', tl, library=lib).ops,
                library=lib)
    assert _caption(out, "Book by Jan 31").start == 15_500 and _caption(out, "Book before") is None
    out = apply(tl, plan_edit('remove the caption "Book before January."', tl, library=lib).ops, library=lib)
    assert _caption(out, "Book before") is None and _voice(out) == _voice(tl)


def test_a_month_or_a_day_the_voice_says_is_no_product_name():
    # Piper "Twelve days … Book before January and save twenty percent." titled the video "January"
    from reelforge.ai.captions import Transcript, Word
    from reelforge.ai.copywriting import product_name

    def heard(text):
        return Transcript(words=tuple(Word(400 * i, 400 * i + 300, w) for i, w in enumerate(text.split())),
                          language="en", language_probability=0.99, duration_ms=400 * len(text.split()))

    assert product_name(heard("Twelve days through temples. Book before January and save 20%.")) is None
    assert product_name(heard("Join us this Friday at the Science Hall.")) == "Science Hall"
    assert product_name(heard("Meet Aurora. Aurora lights up your January.")) == "Aurora"


@pytest.mark.parametrize(("text", "words"), [
    # "not understood", or read as a new voiceover saying the words, or as a title of them
    ("move the testimonial after 'here is what our travellers say'", "here is what our travellers say"),
    ("play the testimonial when the voiceover says our travellers", "our travellers"),
    ("put the testimonial right after the voiceover says 'twelve days'", "twelve days"),
    ("把testimonial放在旁白说“听听我们的旅客怎么说”之后", "听听我们的旅客怎么说"),
])
def test_a_clip_is_played_where_the_voiceover_says_some_words(text, words):
    tl, lib = _tour_cut()
    r = plan_edit(text, tl, library=lib)
    assert r.status == "ok" and len(r.ops) == 1, (r.reply, r.ops)
    (op,) = r.ops
    assert isinstance(op, O.PlaceAtWords) and op.words == words and op.target.name == "testimonial"


@pytest.mark.parametrize(("text", "kind"), [
    ("move the testimonial after the pagoda", O.MoveSegment),
    ("add a voiceover saying 'Hello there'", O.Voiceover),
])
def test_other_words_after_a_clip_are_not_its_place_in_the_voice(text, kind):
    tl, lib = _tour_cut()
    assert [type(o) for o in plan_edit(text, tl, library=lib).ops] == [kind]


def test_the_stage_finds_the_words_and_pauses_the_voice_after_them():
    from reelforge.ai_stage import AIFailed

    lib = [img("pagoda.jpg", 1), img("tea.jpg", 2), clip("testimonial.mp4", 5_000), aud("voiceover.wav", 15_000)]
    tl = plan("a reel", lib).timeline  # the clip muted under the voiceover
    words = [("Twelve", 0, 400), ("days", 400, 900), ("of", 900, 1000), ("temples.", 1000, 1800),
             ("Here", 2200, 2400), ("is", 2400, 2500), ("what", 2500, 2700), ("our", 2700, 2800),
             ("travelers", 2800, 3400), ("say.", 3400, 3800), ("Book", 4100, 4400), ("now.", 4400, 4800)]
    stage = _stage_heard(tl, lib, words)
    ops = stage.resolve(tl, [O.PlaceAtWords(target=O.Target(name="testimonial"), words="our travellers")])
    assert [type(o) for o in ops][:2] == [O.SetClipAudio, O.PlaceInVoice]  # heard again, then placed
    assert ops[1].at_ms == 3_950  # at the break after the clause ("… say."), not mid-sentence
    with pytest.raises(AIFailed, match="does not say"):
        stage.resolve(tl, [O.PlaceAtWords(target=O.Target(name="testimonial"), words="purple elephants")])


@pytest.mark.parametrize("text", ["put the title after 'Welcome'", "show the price after 'Book now'"])
def test_texts_placed_after_quoted_words_are_no_clip_in_the_voice(text):
    tl, lib = _tour_cut()
    assert not any(isinstance(o, O.PlaceAtWords) for o in plan_edit(text, tl, library=lib).ops)


@pytest.mark.parametrize("lib", [
    [img("a.jpg", 1), img("b.jpg", 2), img("c.jpg", 3), clip("t.mp4", 25_000), aud("voiceover.wav", 2_000)],
    [img("a.jpg", 1), clip("t.mp4", 5_000), aud("voiceover.wav", 500)],
    [img("a.jpg", 1), clip("broll.mp4", 20_000, has_audio=False), clip("t.mp4", 5_000), aud("voiceover.wav", 8_000)],
])
def test_a_kept_clip_after_a_short_voiceover_leaves_every_still_a_picture(lib):
    p = plan("a reel, keep the clip's sound", lib)
    video = _video(p)
    assert video[-1].name == "t.mp4" and all(s.duration >= 1_000 for s in video)
    assert p.timeline.duration == video[-1].end
