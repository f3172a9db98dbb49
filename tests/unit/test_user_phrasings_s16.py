"""First instructions and edits as people type them (user test s16)."""

from __future__ import annotations

import pytest

from reelforge.planner import plan
from reelforge.planner.apply import apply
from reelforge.planner.on_screen import subject_of
from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.timeline import Role

from .edit_cases import LIBRARY, sample_timeline
from .test_compose import BGM, img

TL = sample_timeline()


@pytest.mark.parametrize(("said", "subject"), [
    # what the video comes with, then what it is for: the title had been "Discover Something New"
    ("make a promo video with text overlays for our coffee shop", "Coffee Shop"),
    ("promo video with captions for our scone shop", "Scone Shop"),
    ("a 30-second promotional video with text overlays for Urban Dreams sneakers", "Urban Dreams Sneakers"),
    ("a video with music and text for my bakery", "Bakery"),
    ("make a promo video for our space museum with text overlays", "Space Museum"),
])
def test_the_subject_after_what_the_video_comes_with(said, subject):
    assert subject_of(said) == subject


@pytest.mark.parametrize("said", ["a video with text overlays for tiktok", "a promo with captions for instagram",
                                  "a video with these photos"])
def test_no_subject_where_none_is_said(said):
    assert subject_of(said) is None


# -- the frame rate ("60fps" was answered "cannot be changed yet"; in a first instruction, ignored) ----------
@pytest.mark.parametrize(("said", "fps"), [("60fps", 60), ("make it 24 fps", 24), ("帧率改成25", 25),
                                           ("export at 1080p60", 60), ("higher frame rate", 60), ("50 fps please", 50)])
def test_a_frame_rate_is_set(said, fps):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert dump_ops(edit.ops) == [{"fps": fps, "op": "set_frame"}], edit.reply
    assert apply(TL, edit.ops, library=LIBRARY).fps == fps


def test_a_frame_rate_with_a_shape_is_one_change():
    edit = plan_edit("make it vertical and 60 fps", TL, library=LIBRARY)
    assert dump_ops(edit.ops) == [{"aspect": "9:16", "fps": 60, "op": "set_frame"}]
    assert "twice the credits" in edit.reply


@pytest.mark.parametrize(("said", "says"), [("29.97 fps", "29.97 fps is not offered"), ("30 fps", "already 30 fps"),
                                            ("change the frame rate", "say e.g. '60 fps'")])
def test_a_frame_rate_that_changes_nothing_is_said(said, says):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not edit.ops and says in edit.reply


@pytest.mark.parametrize(("said", "fps", "note"), [
    ("a 60fps vertical promo", 60, "twice the credits"), ("做一个竖屏视频，帧率60", 60, "twice"),
    ("a 15s promo at 24 fps", 24, "24 fps, as asked"), ("a 48fps video", 30, "48 fps is not offered"),
])
def test_a_first_cut_at_the_frame_rate_said(said, fps, note):
    p = plan(said, [img("a.jpg", 1), img("b.jpg", 2), BGM])
    assert p.timeline.fps == fps and any(note in n for n in p.notes), p.notes


# -- a reasoned answer is not followed by the whole list of what can be said ------------------------------
@pytest.mark.parametrize(("said", "answer", "zh"), [("29.97 fps", "29.97 fps is not offered", False),
                                                    ("reverse the clip", "cannot be played backwards", False),
                                                    ("帧率改成48", "没有48帧/秒", True)])
def test_a_reasoned_answer_stands_alone(said, answer, zh):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not edit.ops and answer in edit.reply
    assert ("可以这样说" if zh else "I can change") not in edit.reply and len(edit.reply) < 300, edit.reply


@pytest.mark.parametrize(("said", "zh"), [("make it sparkle", False), ("让它闪闪发光", True)])
def test_words_not_understood_get_the_list(said, zh):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert not edit.ops and ("可以这样说" if zh else "I can change") in edit.reply


# -- a button's colour is its box's; a button asked for with its words keeps them ---------------------------
@pytest.mark.parametrize(("said", "op"), [
    # the colour went to the letters, and the same words were "changed" with a note
    ("add a red shop now button", {"target": {"role": "cta", "name": "Shop now"}, "background": "box",
                                   "box_color": "#FF0000", "op": "update_text"}),
    ("add a shop now button in red", {"target": {"role": "cta", "name": "Shop now"}, "background": "box",
                                      "box_color": "#FF0000", "op": "update_text"}),
    # the words were dropped: only the box was made red
    ("add a red button saying order now", {"target": {"role": "cta", "name": "Shop now"}, "text": "Order now",
                                           "background": "box", "box_color": "#FF0000", "op": "update_text"}),
    ("add a blue subscribe button", {"target": {"role": "cta", "name": "Shop now"}, "text": "Subscribe",
                                     "background": "box", "box_color": "#1E6BFF", "op": "update_text"}),
])
def test_a_coloured_button(said, op):
    edit = plan_edit(said, TL, library=LIBRARY)
    assert dump_ops(edit.ops) == [op], edit.reply
    if "text" not in op:
        assert "text to" not in edit.reply and "words were changed" not in edit.reply, edit.reply


# -- a dash for the colon of a label ("cta - order today" was not understood) ----------------------------
@pytest.mark.parametrize(("said", "op"), [
    ("cta - order today", {"target": {"role": "cta", "index": 0}, "text": "Order today", "op": "update_text"}),
    ("title — Summer Sale", {"text": "Summer Sale", "op": "update_text"}),
    ("title - none", {"target": {"role": "title", "index": 0}, "op": "remove_text"}),
])
def test_a_label_with_a_dash(said, op):
    assert dump_ops(plan_edit(said, TL, library=LIBRARY).ops) == [op]


def test_a_hyphenated_word_is_no_label():
    assert "Button" not in str(dump_ops(plan_edit("make the cta-button red", TL, library=LIBRARY).ops))


# -- a row under the call to action stays with it when the pictures move (it went with the last picture) ------
def test_a_row_under_the_ending_stays_with_it():
    tl = apply(TL, plan_edit("add our website www.example.com", TL, library=LIBRARY).ops, library=LIBRARY)
    cta = tl.track(Role.CTA).segments[0]
    row = next(s for t in tl.tracks_by_role(Role.CAPTION) for s in t.segments if "example.com" in s.text)
    assert (row.start, row.end) == (cta.start, cta.end)
    for said in ("move the last photo to the start", "swap the first and last images"):
        moved = apply(tl, plan_edit(said, tl, library=LIBRARY).ops, library=LIBRARY)
        row = next(s for t in moved.tracks_by_role(Role.CAPTION) for s in t.segments if "example.com" in s.text)
        cta = moved.track(Role.CTA).segments[0]
        assert (row.start, row.end) == (cta.start, cta.end), said


def test_a_row_follows_its_text_when_that_is_retimed():
    tl = apply(TL, plan_edit("add our website www.example.com", TL, library=LIBRARY).ops, library=LIBRARY)
    for said in ("show the call to action for the last 6 seconds", "make the cta appear 2 seconds earlier"):
        tl = apply(tl, plan_edit(said, tl, library=LIBRARY).ops, library=LIBRARY)
        cta = tl.track(Role.CTA).segments[0]
        row = next(s for t in tl.tracks_by_role(Role.CAPTION) for s in t.segments if "example.com" in s.text)
        assert (row.start, row.end) == (cta.start, cta.end), (said, cta.start, row.start)


# -- a Chinese subject named before 宣传/推广/广告 (the title fell back to a word of the voice: "Bean") -------
@pytest.mark.parametrize(("said", "subject"), [
    ("帮我做一个30秒的咖啡店宣传视频，竖屏，加字幕", "咖啡店"), ("做个奶茶店的宣传片", "奶茶店"),
    ("帮我做一个新品奶茶的推广视频", "新品奶茶"), ("做一条15秒的火锅店广告", "火锅店"),
    ("给我做一个咖啡店的宣传视频", "咖啡店"),
])
def test_a_chinese_subject_before_what_the_video_is(said, subject):
    assert subject_of(said) == subject


@pytest.mark.parametrize("said", ["做一个竖屏的宣传视频", "给我做一个抖音宣传视频", "做一个产品宣传视频", "做一个公司宣传片",
                                  "做个简短的宣传视频"])
def test_no_chinese_subject_where_none_is_named(said):
    assert subject_of(said) is None


# -- words of a text as typed: a tagline "saying", a title with its offer, a caption's words ----------------
@pytest.mark.parametrize(("said", "text", "role"), [
    ("add a tagline saying small batch, big heart", "Small batch, big heart", "caption"),  # was "which text?"
    ("add a slogan that reads stay cold all day", "Stay cold all day", "caption"),
    ("add the title summer sale, 50% off", "Summer Sale, 50% Off", "title"),  # the title was "50% off"
    ("add the title summer sale", "Summer Sale", "title"),  # not understood; typed in passing: title case
    ("add a caption new menu", "New menu", "caption"),  # captions from the speech
    ("add the caption new menu, 20% off today", "New menu, 20% off today", "caption"),
])
def test_the_words_of_a_text_as_typed(said, text, role):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert len(ops) == 1 and ops[0]["op"] == "add_text" and ops[0]["text"] == text, ops
    assert ops[0].get("role", "title") == role


@pytest.mark.parametrize("said", ["add captions", "add a caption", "add the title back"])
def test_no_words_there(said):
    assert "add_text" not in str(dump_ops(plan_edit(said, TL, library=LIBRARY).ops))


def test_a_picture_s_caption_moved_under_the_title_does_not_cut_its_row():
    """'remove the astronaut' with a price under the title: the next picture's caption moved under
    the title and cut the price to a fraction of a second (then merged with another caption)."""
    tl = apply(TL, plan_edit("label each photo", TL, library=LIBRARY).ops, library=LIBRARY)
    tl = apply(tl, plan_edit("put the price $4.50 under the title", tl, library=LIBRARY).ops, library=LIBRARY)
    title = tl.track(Role.TITLE).segments[0]
    captions = [s for t in tl.tracks_by_role(Role.CAPTION) for s in t.segments]
    moved = apply(tl, plan_edit("remove the first photo", tl, library=LIBRARY).ops, library=LIBRARY)
    price = [s for t in moved.tracks_by_role(Role.CAPTION) for s in t.segments if s.text == "$4.50"]
    assert [(s.start, s.end) for s in price] == [(title.start, title.end)]
    after = {s.text for t in moved.tracks_by_role(Role.CAPTION) for s in t.segments}
    assert len(captions) >= 4 and {s.text for s in captions} - after <= {"Shoe"}  # only the removed picture's goes


# -- an intro shows its name; a name typed after what it is is the title ------------------------------------
@pytest.mark.parametrize(("said", "texts"), [
    ("youtube intro for my travel channel Wander Often", [("title", "Wander Often")]),  # had no text at all
    ("intro video for our cafe Luna, vertical", [("title", "Luna")]),
    ("给“小林日记”频道做个片头", [("title", "小林日记")]),
    ("an intro for my channel", []),  # no name: nothing made up ("Channel")
    ("给我的频道做个片头", []),
])
def test_an_intro_shows_its_name(said, texts):
    p = plan(said, [img("a.jpg", 1), img("b.jpg", 2), BGM])
    got = [(t.role.value, s.text) for t in p.timeline.tracks if t.kind.value == "text" for s in t.segments]
    assert got == texts
    assert not any("Did not understand" in n for n in p.notes)


@pytest.mark.parametrize(("said", "subject"), [
    ("a promo for our cafe Luna", "Luna"), ("a promo for my bakery Sweet Crumbs", "Sweet Crumbs"),
    ("video of our trip to Japan", "Trip to Japan"), ("make a promotional video for Urban Dreams sneakers", "Urban Dreams Sneakers"),
])
def test_a_name_typed_after_what_it_is(said, subject):
    assert subject_of(said) == subject


# -- the slideshow's pace and the pictures' motion, as people say them --------------------------------------
@pytest.mark.parametrize(("said", "longer"), [
    ("the slideshow is too fast", True), ("slow down the slideshow", True),  # slowed the one clip to 0.5x
    ("speed up the slideshow", False), ("the slideshow is too slow", False),
    ("the photos go by too fast", True), ("the pictures are moving too fast", True), ("图片切换太快了", True),
])
def test_the_slideshow_s_pace(said, longer):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert ops and all(o["op"] == "set_segment_duration" for o in ops), ops
    before = [s.duration for s in TL.track(Role.MAIN).segments if s.src.startswith("img")]
    assert all((o["duration_ms"] > b) == longer for o, b in zip(ops, before, strict=False))


@pytest.mark.parametrize(("said", "amount"), [("can the zoom be more subtle", 0.06), ("the photos move too much", 0.06),
                                              ("can the zoom be more dramatic", 0.24), ("the photos barely move", 0.24),
                                              ("the pictures zoom too fast", 0.06)])
def test_the_motion_as_people_say_it(said, amount):
    assert dump_ops(plan_edit(said, TL, library=LIBRARY).ops) == [{"amount": amount, "op": "set_motion_amount"}]


def test_bigger_text_at_the_largest_size_says_so_and_changes_nothing_else():
    """'字体大一点' said '标题：字号改为特大号' and then that the title already was the largest."""
    tl = TL
    for _ in range(4):
        edit = plan_edit("bigger text", tl, library=LIBRARY)
        if not edit.ops:
            break
        assert all(o.size is not None for o in edit.ops)
        sizes = {o.target.role: o.size for o in edit.ops}
        tl = apply(tl, edit.ops, library=LIBRARY)
        assert all(s.size == sizes[r] for r in sizes for s in tl.track(r).segments[:1])
    assert not edit.ops and "already at the largest size" in edit.reply and "size xlarge" not in edit.reply


@pytest.mark.parametrize(("said", "text"), [("change the title to summer drop", "Summer Drop"),
                                            ("change the title to Summer Drop 2026", "Summer Drop 2026"),
                                            ("change the cta to order now", "Order now"),  # was "order now"
                                            ("把标题改成城市之光", "城市之光"), ("change the title to 'summer drop'", "summer drop")])
def test_new_words_typed_in_passing_start_as_a_line_on_screen_does(said, text):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert len(ops) == 1 and ops[0]["text"] == text


# -- "the ending" with a length is the last shot, as "the intro" is the first ---------------------------------
@pytest.mark.parametrize(("said", "op"), [
    ("make the ending 3 seconds longer", {"target": {"index": -1}, "duration_ms": 8000, "op": "set_segment_duration"}),
    ("extend the ending by 2 seconds", {"target": {"index": -1}, "duration_ms": 7000, "op": "set_segment_duration"}),
    ("make the ending say order now", {"target": {"role": "cta", "index": 0}, "text": "Order now", "op": "update_text"}),
    ("make the end card longer", {"target": {"role": "cta", "index": 0}, "timing": {"duration_ms": 4500, "anchor": "end"},
                                  "op": "update_text"}),
])
def test_the_ending(said, op):
    assert dump_ops(plan_edit(said, TL, library=LIBRARY).ops) == [op]


@pytest.mark.parametrize("said", ["add a caption to every photo", "add captions to each picture"])
def test_a_caption_to_each_picture_is_its_name(said):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)  # it made captions from the speech
    assert ops and all(o["op"] == "add_text" and o["role"] == "caption" and "shot" in o for o in ops)


@pytest.mark.parametrize("said", ["add captions", "add captions from the voiceover to every shot", "auto captions on every shot"])
def test_captions_from_the_speech_still(said):
    assert dump_ops(plan_edit(said, TL, library=LIBRARY).ops) == [{"op": "auto_captions"}]


# -- a first cut with the moves it names ("slow pans" made zooms and pans in turn) ---------------------------
@pytest.mark.parametrize(("said", "moves", "amount"), [
    ("30 second video, each photo 5 seconds, slow pans", ["pan-right", "pan-left"], 0.12),
    ("zoom in on each photo", ["zoom-in", "zoom-in"], 0.12), ("slow zoom out", ["zoom-out", "zoom-out"], 0.12),
    ("subtle pans", ["pan-right", "pan-left"], 0.06), ("做个视频，图片缓慢平移", ["pan-right", "pan-left"], 0.12),
    ("ken burns effect, but subtle", ["zoom-in", "zoom-out"], 0.06), ("make the zoom really dramatic", ["zoom-in", "zoom-out"], 0.24),
    ("promo for our pan-fried dumplings", ["zoom-in", "zoom-out"], 0.12),  # a frying pan is no camera move
    ("pots and pans sale video", ["zoom-in", "zoom-out"], 0.12),
])
def test_a_first_cut_moves_as_said(said, moves, amount):
    p = plan(said, [img("a.jpg", 1), img("b.jpg", 2), BGM])
    main = p.timeline.tracks[0].segments
    assert [s.motion.value for s in main] == moves and {s.motion_amount for s in main} == {amount}


@pytest.mark.parametrize("said", ["结尾按钮改成红色", "make the end button red", "结尾的按钮大一点"])
def test_the_end_button_is_named_by_where_it_is_not_retimed(said):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)  # "结尾" was read as "for the last 3 s" too
    assert len(ops) == 1 and ops[0]["target"]["role"] == "cta" and "timing" not in ops[0], ops


@pytest.mark.parametrize(("said", "text", "color"), [
    ("add the title Summer Sale, make it red", "Summer Sale", "#FF0000"),  # the title read "Summer Sale, make it red"
    ("add the title Summer Sale and make it red", "Summer Sale", "#FF0000"),
    ("add the title Summer Sale, 50% off, make it red", "Summer Sale, 50% off", "#FF0000"),
    ("add a caption saying make your day", "Make your day", None),
])
def test_words_end_where_the_next_ask_starts(said, text, color):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)
    assert len(ops) == 1 and ops[0]["text"] == text and ops[0].get("color") == color, ops


def test_an_offer_after_a_website_is_kept():
    texts = [o["text"] for o in dump_ops(plan_edit("add our website www.example.com, 20% off", TL, library=LIBRARY).ops)]
    assert texts == ["www.example.com", "20% off"]


@pytest.mark.parametrize(("said", "entrance"), [("slide the title in", "slide"), ("pop the cta in", "scale"),
                                                ("make the title bigger and slide it in", "slide")])
def test_sliding_a_text_in_is_its_entrance_not_a_transition(said, entrance):
    ops = dump_ops(plan_edit(said, TL, library=LIBRARY).ops)  # it made every transition a slide
    assert "set_transition" not in str(ops) and ops[-1]["entrance"] == entrance


@pytest.mark.parametrize(("said", "fps"), [("change fps to 24", 24), ("set the fps to 60", 60), ("fps 25", 25)])
def test_fps_said_first(said, fps):
    assert dump_ops(plan_edit(said, TL, library=LIBRARY).ops) == [{"fps": fps, "op": "set_frame"}]


@pytest.mark.parametrize(("said", "amount"), [("the zoom is very subtle", 0.24), ("the zoom is really intense", 0.06)])
def test_a_complaint_about_the_motion_said_as_a_statement(said, amount):
    assert dump_ops(plan_edit(said, TL, library=LIBRARY).ops) == [{"amount": amount, "op": "set_motion_amount"}]


@pytest.mark.parametrize(("said", "answer"), [("make it smoother", "60 fps"), ("更流畅一点", "帧率改成60"),
                                              ("make the logo pop in", "no entrance"), ("fade the logo in", "no entrance")])
def test_asks_with_two_readings_or_none_are_answered(said, answer):
    edit = plan_edit(said, TL, library=LIBRARY)  # "make the logo pop in" re-added the logo; "smoother" was not understood
    assert not edit.ops and answer in edit.reply
