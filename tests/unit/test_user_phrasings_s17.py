"""First instructions and edits as people type them (user test s17)."""

from __future__ import annotations

import pytest

from reelforge.planner.apply import apply
from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role, Timeline

from .edit_cases import LIBRARY, sample_timeline

TL = sample_timeline()


def _named(**names: str) -> Timeline:
    """The sample timeline with some shots renamed (``img2="grace_hopper.jpg"``)."""
    data = sample_timeline().model_dump(mode="json")
    for seg in data["tracks"][0]["segments"]:
        seg["name"] = names.get(seg["src"], seg["name"])
    return Timeline.model_validate(data)


# -- a file name of several words typed with spaces: "swap grace hopper and coffee" was "the same shot" ------
@pytest.mark.parametrize(("said", "ops"), [
    ("swap grace hopper and shoe", [{"a": {"name": "grace_hopper.jpg"}, "b": {"name": "shoe"}, "op": "swap_segments"}]),
    ("swap shoe and grace hopper", [{"a": {"name": "shoe"}, "b": {"name": "grace_hopper.jpg"}, "op": "swap_segments"}]),
    ("move grace hopper to the start", [{"op": "move_segment", "target": {"name": "grace_hopper.jpg"}, "to_index": 0}]),
    ("remove grace-hopper", [{"op": "remove_segment", "target": {"name": "grace_hopper.jpg"}}]),
])
def test_a_name_of_several_words_is_one_shot(said, ops):
    tl = _named(img2="grace_hopper.jpg")
    edit = plan_edit(said, tl, library=LIBRARY)
    got = [{k: v for k, v in op.items() if k in ("op", "a", "b", "target", "to_index")} for op in dump_ops(edit.ops)]
    got = [{k: ({"name": v["name"]} if isinstance(v, dict) and "name" in v else v) for k, v in op.items()} for op in got]
    assert got == ops, edit.reply


def test_one_word_of_a_name_still_names_its_shot():
    edit = plan_edit("move hopper to the end", _named(img2="grace_hopper.jpg"), library=LIBRARY)
    assert [op["target"]["name"] for op in dump_ops(edit.ops)] == ["hopper"], edit.reply


# -- real words of ads were "corrected": "swipe up" read as "wipe" (a wipe transition), "mellow" as "yellow" --
@pytest.mark.parametrize("word", ["swipe", "preorder", "mellow"])
def test_words_of_ads_are_not_corrected(word):
    from reelforge.planner.typos import correct

    assert correct(f"{word} up to shop") == (f"{word} up to shop", [])


def test_swipe_up_in_a_first_instruction_is_no_wipe_transition():
    from reelforge.planner import plan

    from .test_compose import img

    p = plan("new arrivals this week! swipe up to shop", [img("coffee.jpg", 1), img("rocket.jpg", 2)])
    segs = p.timeline.track(Role.MAIN).segments
    assert not any("wipe" in s.transition.value for s in segs), [s.transition for s in segs]
    assert not any("as 'wipe'" in n for n in p.notes), p.notes


# -- a text's words typed without quotes or "to": "make the title summer sale" was not understood ------------
@pytest.mark.parametrize(("said", "role", "words"), [
    ("make the title summer sale", "title", "Summer Sale"), ("make the title winter deals", "title", "Winter Deals"),
    ("make the headline fresh bread daily", "title", "Fresh Bread Daily"),
    ("summer sale as the title", "title", "Summer Sale"), ("make the title Sparkle", "title", "Sparkle"),
    ("make the cta order now", "cta", "Order now"), ("use order now as the call to action", "cta", "Order now"),
    ("make the call to action swipe up to shop", "cta", "Swipe up to shop"), ("shop now as the cta", "cta", "Shop now"),
    ("make the button say buy now", "cta", "Buy now"),
])
def test_words_made_a_text(said, role, words):
    edit = plan_edit(said, TL, library=LIBRARY)
    ops = dump_ops(edit.ops)
    assert len(ops) == 1 and ops[0]["op"] == "update_text" and ops[0]["text"] == words, edit.reply
    after = apply(TL, edit.ops, library=LIBRARY)
    assert [s.text for s in after.track(Role(role)).segments] == [words]


@pytest.mark.parametrize("said", ["make the title more fun", "make the title fancier", "make the title nicer",
                                  "make the title lovely", "make the cta better",
                                  "use the second photo as the title", "make the title the same as the cta"])
def test_a_look_asked_of_a_text_is_not_its_words(said):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not any(o.get("text") for o in dump_ops(edit.ops)), edit.reply


@pytest.mark.parametrize(("said", "kept"), [
    ("make the title bigger", "size"), ("make the title slide in", "entrance"), ("make the cta red", "color"),
    ("make the title stay for 5 seconds", "timing"), ("make the title pop out", "bold"),
])
def test_a_look_of_a_text_stays_a_look(said, kept):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert ops and kept in ops[0] and "text" not in ops[0], ops


# -- music asked for by its feel: "use more upbeat music" was not understood, "音乐欢快一点" a speed refusal ----
@pytest.mark.parametrize("said", ["use more upbeat music", "make the music happier", "make the music more mellow",
                                  "pick a calmer song", "can you find some epic music", "the music is too sad",
                                  "音乐欢快一点"])
def test_music_by_its_feel_is_answered(said):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not edit.ops
    assert "jazz.mp3" in edit.reply and ("by its feel" in edit.reply or "按感觉" in edit.reply), edit.reply


@pytest.mark.parametrize(("said", "factor"), [("make the music softer", 0.5), ("make the music louder", 1.5)])
def test_music_levels_stay_levels(said, factor):
    assert dump_ops(plan_edit(said, TL, library=LIBRARY).ops) == [{"factor": factor, "op": "set_volume"}]


@pytest.mark.parametrize(("said", "style"), [("make it more fun", "playful"), ("make it fun", "playful"),
                                             ("make it more playful", "playful"), ("活泼一点", "playful"),
                                             ("make it more upbeat", "bold"), ("it should feel upbeat", "bold")])
def test_a_mood_is_a_look(said, style):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert ops[0] == {"op": "set_style", "style": style}, ops


# -- what an export is: "as mov" was not understood, "the audio only" too ---------------------------------
@pytest.mark.parametrize(("said", "says"), [("as mov", "a GIF or another format"), ("in .mov", "a GIF or another format"),
                                            ("the audio only", "the sound alone"), ("export as an mp3", "the sound alone"),
                                            ("只导出音频", "不单独导出声音")])
def test_what_an_export_is_said(said, says):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not edit.ops and says in edit.reply, edit.reply


def test_music_only_on_a_shot_is_not_a_sound_export():
    assert "sound alone" not in plan_edit("put the music only on the last shot", TL, library=LIBRARY).reply


# -- first instructions: copy as people type it ------------------------------------------------------------
def _texts(instruction):
    from reelforge.planner import plan

    from .test_compose import img

    tl = plan(instruction, [img("coffee.jpg", 1), img("chelsea.jpg", 2), img("motorcycle.png", 3)]).timeline
    return {tr.role.value: [s.text for s in tr.segments] for tr in tl.tracks if tr.role in (Role.TITLE, Role.CTA, Role.CAPTION)}


@pytest.mark.parametrize(("instruction", "title", "cta"), [
    # the exclaimed line and the call to action typed as sentences ("Highlights" / "Shop now", or no text at all)
    ("Instagram story: new arrivals this week! swipe up to shop", "New Arrivals This Week", "Swipe up to shop"),
    ("new arrivals this week! swipe up to shop, with text overlays", "New Arrivals This Week", "Swipe up to shop"),
    ("Fresh bread every morning! Visit us today.", "Fresh bread every morning", "Visit us today"),
])
def test_the_lines_an_instruction_exclaims_are_its_text(instruction, title, cta):
    texts = _texts(instruction)
    assert texts["title"] == [title] and texts["cta"] == [cta], texts


@pytest.mark.parametrize("instruction", ["make it pop! with text overlays", "please make a video! with text overlays",
                                         "order the photos by date, with text overlays"])
def test_an_exclaimed_instruction_is_no_line_to_show(instruction):
    texts = _texts(instruction)
    assert not any(w in " ".join(texts.get("title", []) + texts.get("cta", [])).lower()
                   for w in ("pop", "please", "order the")), texts


@pytest.mark.parametrize(("instruction", "title"), [
    ("make a video for linkedin announcing our new hire Grace", "Welcome, Grace"),  # "Linkedin Announcing our New Hire"
    ("welcome Sam to the team!", "Welcome, Sam"), ("a video welcoming our new colleagues", "Welcome to the Team"),
    ("做个视频欢迎新同事小王加入", "欢迎加入"),
    ("a tiktok for my cat cafe with text overlays", "Cat Cafe"),  # "Highlights"
    ("an instagram post for our summer menu with text overlays", "Summer Menu"),
    ("promo for our new arrivals with text overlays", "New Arrivals"),  # "Arrivals"
    ("promo for our new Urban Dreams sneakers with text overlays", "Urban Dreams Sneakers"),
    ("promo for The Daily Grind with text overlays", "The Daily Grind"),  # "Daily Grind"
])
def test_what_the_video_is_about_titles_it(instruction, title):
    assert _texts(instruction)["title"] == [title]


def test_a_tagline_goes_under_the_name_it_is_for():
    """"… for the Velo X motorcycle with the tagline 'Ride the future'" was titled "Ride the future" alone."""
    texts = _texts("product launch video for the Velo X motorcycle with the tagline 'Ride the future'")
    assert texts["title"] == ["Velo X Motorcycle"] and texts["caption"] == ["Ride the future"], texts
    assert _texts("a promo with the slogan 'Brewed for you'")["title"] == ["Brewed for you"]


# -- a shot shown again: "repeat the first photo at the end" MOVED it there ---------------------------------
@pytest.mark.parametrize(("said", "where"), [
    ("repeat the first photo at the end", "end"), ("add the first photo again at the end", "end"),
    ("在结尾再放一次第一张图片", "end"), ("repeat the second image at the start", "start"),
    ("show the beach photo again after the city", "after city"),
])
def test_a_shot_shown_again_is_a_copy_where_asked(said, where):
    edit = plan_edit(said, TL, library=LIBRARY)
    after = apply(TL, edit.ops, library=LIBRARY)
    before_names = [s.name for s in TL.track(Role.MAIN).segments]
    names = [s.name for s in after.track(Role.MAIN).segments]
    assert len(names) == len(before_names) + 1, edit.reply  # nothing moved away
    assert names[:-1] == before_names if where == "end" else True
    if where == "end":
        assert names[-1] == before_names[0]
    elif where == "start":
        assert names[0] == before_names[1] and names[1:] == before_names
    else:
        assert names[names.index("city.jpg") + 1] == "beach.jpg"


def test_moving_a_shot_still_moves_it():
    edit = plan_edit("move the first photo to the end", TL, library=LIBRARY)
    assert [o["op"] for o in dump_ops(edit.ops)] == ["move_segment"]


# -- transitions that are not offered: "use a zoom transition" became crossfades, "already" ------------------
@pytest.mark.parametrize(("said", "says"), [("use a zoom transition", "no zoom transition"),
                                            ("add some glitch transitions", "no glitch transition"),
                                            ("用旋转转场", "没有旋转转场")])
def test_a_transition_not_offered_is_named(said, says):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not edit.ops and says in edit.reply and ("slide" in edit.reply or "滑动" in edit.reply), edit.reply


# -- loops: "make the video loop" was not understood -----------------------------------------------------
@pytest.mark.parametrize(("said", "says"), [("make the video loop", "loop it themselves"),
                                            ("make it loop seamlessly", "repeat the first photo at the end"),
                                            ("loop the music", "longer than the video"), ("循环播放", "自动循环")])
def test_a_loop_is_answered(said, says):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not edit.ops and says in edit.reply, edit.reply


# -- "N seconds in": "start the clip 1 second in" set the clip's LENGTH to 1 s --------------------------------
@pytest.mark.parametrize(("said", "op"), [
    ("start the clip 1 second in", {"op": "set_in_point", "in_ms": 1000}),
    ("start the street clip 2 seconds in", {"op": "set_in_point", "in_ms": 2000}),
    ("start the clip two seconds into it", {"op": "set_in_point", "in_ms": 2000}),
    ("play the clip 1.5 seconds in", {"op": "set_in_point", "in_ms": 1500}),
    ("start the music 3 seconds in", {"op": "set_audio_timing", "start_ms": 3000}),
    ("bring in the music two seconds in", {"op": "set_audio_timing", "start_ms": 2000}),
    ("bring the music in at 2 seconds", {"op": "set_audio_timing", "start_ms": 2000}),
    ("skip the first second of the clip", {"op": "trim_segment", "head_ms": 1000}),
])
def test_seconds_in_is_a_time(said, op):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert len(ops) == 1 and {k: ops[0].get(k) for k in op} == op, ops


@pytest.mark.parametrize(("said", "start"), [("start the title 2 seconds in", 2000), ("show the cta 20 seconds in", 20000)])
def test_a_text_seconds_in_starts_then(said, start):
    """"show the cta 20 seconds in" showed it for the last 20 s."""
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert ops[0]["op"] == "update_text" and ops[0]["timing"]["start_ms"] == start, ops


def test_a_colour_asked_of_one_clip_says_it_is_the_whole_video_s():
    edit = plan_edit("make the clip black and white", TL, library=LIBRARY)
    assert dump_ops(edit.ops) == [{"op": "set_grade", "saturation": 0.0}] and "whole video" in edit.reply
    assert "whole video" not in plan_edit("make the video black and white", TL, library=LIBRARY).reply


# -- moods and pace in a first instruction: "温馨一点" / "cozy" were dropped, a pace beside a length silently --
def _first(instruction, n=5):
    from reelforge.planner import plan

    from .test_compose import img

    return plan(instruction, [img(f"p{i}.jpg", i) for i in range(n)])


@pytest.mark.parametrize("instruction", ["a cozy video", "a heartwarming mother's day video",
                                         "用这些照片做一个母亲节视频，温馨一点"])
def test_cozy_is_warm_colour(instruction):
    p = _first(instruction)
    assert p.timeline.grade.warmth > 0
    assert not any("understand" in n or "Not applied" in n for n in p.notes), p.notes


@pytest.mark.parametrize(("instruction", "says"), [
    ("vertical, 15 seconds, fast paced", "Fast pace: the length sets about 3 s for each of 5 images"),
    ("a calm 10 second video", "Calm pace: the length sets about 2 s"),
    ("竖屏，15秒，节奏快一点", "节奏快：时长决定每张图片约3秒"),
])
def test_a_pace_the_length_overrules_is_said(instruction, says):
    from reelforge.planner.notes_zh import to_zh

    notes = _first(instruction).notes
    assert any(says in n or says in to_zh(n) for n in notes), notes


@pytest.mark.parametrize("instruction", ["a calm 40 second video", "fast paced 8 second video", "vertical, fast paced"])
def test_a_pace_the_length_keeps_is_not_remarked(instruction):
    assert not any(" pace: the length sets" in n for n in _first(instruction).notes)


# -- audio roles by what is in the files: "sentence.wav" alone became background music --------------------
def test_a_file_of_speech_is_the_voiceover_whatever_its_name():
    from reelforge.planner.audio_roles import classify_audio, unhinted_audio

    from .test_compose import aud

    said, bed, named = aud("sentence.wav", 9000), aud("track01.mp3", 60000), aud("voiceover.mp3", 8000)
    assert unhinted_audio([said, bed, named]) == [said, bed]
    roles = classify_audio([said], "a promo", {said.id: 0.98})
    assert roles.voice == (said,) and roles.music is None
    assert "'sentence.wav' is the voiceover (98% speech)" in roles.notes[0]
    roles = classify_audio([bed, said], "a promo", {said.id: 0.97, bed.id: 0.03})
    assert roles.voice == (said,) and roles.music == bed
    # the speech measure beats the lengths: a long speech file and a short bed
    long_talk, short_bed = aud("a.wav", 90000), aud("b.wav", 15000)
    roles = classify_audio([long_talk, short_bed], "", {long_talk.id: 0.9, short_bed.id: 0.05})
    assert roles.voice == (long_talk,) and roles.music == short_bed
    # unmeasured or in between (a song with vocals): as before, by the names and lengths
    assert classify_audio([said], "a promo", {said.id: 0.4}).music == said
    assert classify_audio([said], "a promo").music == said
    # "no voiceover" still leaves the speech out
    assert classify_audio([said], "no voiceover", {said.id: 0.98}).voice == ()


@pytest.mark.parametrize(("said", "change"), [
    ("make the cta bounce", {"entrance": "scale"}), ("make the title bouncy", {"entrance": "scale"}),
    ("capitalize the title", {"text": "URBAN DREAMS"}), ("the title in caps", {"text": "URBAN DREAMS"}),
])
def test_text_looks_as_typed(said, change):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert len(ops) == 1 and {k: ops[0].get(k) for k in change} == change, ops


# -- from the fresh10 first run ------------------------------------------------------------------------
@pytest.mark.parametrize(("said", "span"), [("从第20秒开始音乐静音", (20000, 30000)), ("第20秒以后音乐静音", (20000, 30000))])
def test_from_a_second_on_is_to_the_end(said, span):
    """"从第20秒开始音乐静音" muted the music for 0-20 s (read as "the music starts at 20 s")."""
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert ops == [{"op": "set_volume", "volume": 0.0, "span": {"start_ms": span[0], "end_ms": span[1]}}], ops


def test_the_music_starting_at_a_second_is_still_a_start():
    assert dump_ops(plan_edit("音乐从第20秒开始", TL, library=LIBRARY).ops) == [{"op": "set_audio_timing", "start_ms": 20000}]


@pytest.mark.parametrize(("said", "ops"), [("undo that", [{"op": "undo"}]), ("undo the last change", [{"op": "undo"}]),
                                           ("撤销刚才的修改", [{"op": "undo"}]),
                                           ("speed the clip up to double", [{"op": "set_speed", "speed": 2.0}])])
def test_fresh10_misses(said, ops):
    assert dump_ops(plan_edit(said, TL, library=LIBRARY).ops) == ops


# -- a tagline row and given captions on one picture made overlapping captions: the first cut failed --------
@pytest.mark.parametrize("n", [1, 3])
def test_a_row_under_the_title_and_given_captions_share_the_caption_track(n):
    from reelforge.planner import plan

    from .test_compose import img

    p = plan("brand: Luna Cafe\nslogan: coffee at night\ncaptions: espresso, latte\ncta: visit us",
             [img(f"p{i}.jpg", i) for i in range(n)])
    caps = p.timeline.track(Role.CAPTION).segments
    assert caps[0].text == "Coffee at night" and caps[0].start == 0
    assert all(a.end <= b.start for a, b in zip(caps, caps[1:], strict=False)), [(c.text, c.start, c.end) for c in caps]
    assert "Espresso" in [c.text for c in caps]


def test_a_first_cut_the_model_refuses_is_an_error_reply_not_a_crash(monkeypatch):
    from reelforge.planner import compose
    from reelforge.session import Session
    from reelforge.timeline.model import Track

    from .test_compose import img

    def broken(*a, **k):  # a planner bug: a track the model refuses
        Track.model_validate({"id": "x", "kind": "text", "role": "caption", "segments": [
            {"id": "a", "kind": "text", "start": 0, "duration": 2000, "text": "a"},
            {"id": "b", "kind": "text", "start": 1000, "duration": 2000, "text": "b"}]})

    monkeypatch.setattr(compose, "plan", broken)
    s = Session.new()
    s.library = (img("p.jpg", 1),)
    reply = s.handle("a video")
    assert reply.status == "error" and "could not be built" in reply.message and s.timeline is None


def test_audio_roles_heard_are_said_in_chinese_too():
    from reelforge.planner.notes_zh import to_zh

    said = to_zh("Audio roles from what is in the files: 'track01.m4a' is music (3% speech), "
                 "'sentence.wav' is the voiceover (100% speech).")
    assert said == "按音频内容判断用途：「track01.m4a」是背景音乐（3%是人声），「sentence.wav」是旁白（100%是人声）。"
    assert to_zh("Audio roles from the file names: 'vo.wav' is the voiceover, 'bgm.mp3' the music.") == \
        "按文件名判断音频用途：「vo.wav」是旁白，「bgm.mp3」是背景音乐。"
