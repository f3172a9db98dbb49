"""User tests of session 22: a museum's late-night event promo (9:16, an espeak-ng en-us+m3
voiceover, music at 120 bpm) typed as a marketer types it."""

from __future__ import annotations

import pytest

from reelforge.planner import ops as O
from reelforge.planner import plan
from reelforge.planner.apply import apply
from reelforge.planner.rules import plan_edit
from reelforge.planner.when import event_when
from reelforge.render.text import balanced_wrap
from reelforge.timeline import Role

from .edit_cases import LIBRARY, sample_timeline
from .test_compose import BGM, img


def _text_roles(instruction):
    p = plan(instruction, [img("coffee.jpg", 1), img("rocket.jpg", 2), BGM])
    return {tr.role: [s.text for s in tr.segments] for tr in p.timeline.tracks
            if tr.role in (Role.TITLE, Role.CAPTION, Role.CTA)}, p.notes


@pytest.mark.parametrize(("text", "when"), [
    ("story for our Museum Late event this Friday, 7pm to midnight", "This Friday, 7pm to midnight"),
    ("jazz night on Saturday at 8pm, tickets at the door", "Saturday at 8pm"),
    ("grand opening Sat Dec 12 at 10am", "Sat Dec 12 at 10am"),
    ("meetup next Tuesday 6:30-8:30pm at the library", "Next Tuesday 6:30-8:30pm"),
    ("workshop on March 3rd from 2 to 5pm", "March 3rd from 2 to 5pm"),
    ("doors 9pm on Friday the 13th", "9pm on Friday the 13th"),
    ("concert tonight 8 PM", "Tonight 8 PM"),
    ("本周五晚7点到午夜，科学馆夜场", "本周五晚7点到午夜"),
    ("12月12日晚上8点开业", "12月12日晚上8点"),
    ("周六下午两点半到五点的读书会", "周六下午两点半到五点"),
])
def test_an_events_day_and_time_are_read_as_typed(text, when):
    assert event_when(text) == when


@pytest.mark.parametrize("text", [
    "make it 30 seconds, title at 0:05", "sale ends sunday", "every Tuesday", "I sat 5 hours in the sun",
    "make a 7 second teaser", "下周三", "the sun 10 times brighter"])
def test_no_day_and_time_where_none_is_given(text):
    assert event_when(text) is None


def test_an_event_promo_shows_its_day_and_hours_with_the_call_to_action():
    """User test s22: 'Instagram story for our Museum Late event this Friday, 7pm to midnight …
    end with "Tickets $12 at sciencehall.org"' had the title and the tickets and nowhere the day
    or the hours."""
    texts, notes = _text_roles("Instagram story for our Museum Late event this Friday, 7pm to midnight. "
                               "Title 'Museum Late', music quiet under the voice, "
                               "end with 'Tickets $12 at sciencehall.org'")
    assert texts == {Role.TITLE: ["Museum Late"], Role.CTA: ["Tickets $12 at sciencehall.org"],
                     Role.CAPTION: ["This Friday, 7pm to midnight"]}
    assert any("'This Friday, 7pm to midnight' is shown with the call to action" in n for n in notes)


@pytest.mark.parametrize(("instruction", "cta"), [
    ("promo for our jazz night on Saturday at 8pm", "See you on Saturday at 8pm"),
    ("科学馆夜场宣传视频，本周五晚7点到午夜", "本周五晚7点到午夜见"),
])
def test_without_a_call_to_action_the_day_and_time_make_one(instruction, cta):
    texts, _ = _text_roles(instruction)
    assert texts.get(Role.CTA) == [cta], texts


def test_the_day_and_time_are_not_read_into_the_title():
    """'event promo for Museum Late on Fri Dec 12, 7-11pm, … end with "Book at sciencehall.org"' had
    no title ('Museum Late on Fri Dec' was its subject)."""
    texts, _ = _text_roles("event promo for Museum Late on Fri Dec 12, 7-11pm, square, bold style, "
                           "end with 'Book at sciencehall.org'")
    assert texts == {Role.TITLE: ["Museum Late"], Role.CAPTION: ["Fri Dec 12, 7-11pm"],
                     Role.CTA: ["Book at sciencehall.org"]}, texts


def test_a_chinese_promo_named_first_is_titled_with_its_name():
    """'科学馆夜场宣传视频，…' was titled with the stock phrase '新品上市' (a product launch)."""
    texts, _ = _text_roles("科学馆夜场宣传视频，本周五晚7点到午夜")
    assert texts[Role.TITLE] == ["科学馆夜场"], texts


def test_an_offers_end_is_not_shown_twice():
    texts, _ = _text_roles("summer sale, 20% off everything, ends sunday at midnight")
    rows = [t for t in texts.get(Role.CAPTION, []) if "unday" in t]
    assert len(rows) == 1 and rows[0].startswith("Ends Sunday"), texts


def test_a_two_line_text_breaks_after_its_comma():
    """The row 'This Friday, 7pm to midnight' read "This Friday, 7pm" / "to midnight"."""
    assert balanced_wrap("This Friday, 7pm to midnight", 48, True, 520) == ["This Friday,", "7pm to midnight"]
    assert balanced_wrap("Fresh espresso, pulled the slow way", 48, True, 520) == ["Fresh espresso,",
                                                                                  "pulled the slow way"]
    # no comma: the most even split, as before
    assert balanced_wrap("Tickets $12 at sciencehall.org", 48, True, 520) == ["Tickets $12", "at sciencehall.org"]


# -- edits typed on the museum reel -------------------------------------------------------------
TL = sample_timeline()  # 30 s: title 'Urban Dreams' (0-3 s), cta 'Shop now' at the end
SPOKEN = apply(TL, [O.SetCaptions(cues=[O.Cue(start_ms=4000, end_ms=6000, text="Urban streets, urban shoes."),
                                        O.Cue(start_ms=26000, end_ms=28000, text="Shop now at example dot com.")])],
               library=LIBRARY)


def _texts(tl):
    return {(t.role, s.text): s for t in tl.tracks if t.kind.value == "text" for s in t.segments}


@pytest.mark.parametrize(("said", "changed"), [
    ("make the shop text bigger", (Role.CTA, "Shop now")),  # every text was made bigger
    ("make the text that says shop bigger", (Role.CTA, "Shop now")),
    ("make the urban dreams text yellow", (Role.TITLE, "Urban Dreams")),
    ("make the dream text yellow", (Role.TITLE, "Urban Dreams")),
])
def test_a_text_called_by_a_word_of_it_is_the_one_changed(said, changed):
    """User test s22: "make the tickets text bigger" made the title, the call to action and all six
    captions bigger. The one text holding the word is meant; a caption of the speech saying it too
    ('Shop now at example dot com.') is not the text designed for the video."""
    p = plan_edit(said, SPOKEN, library=LIBRARY)
    assert p.status == "ok", p.reply
    before, after = _texts(SPOKEN), _texts(apply(SPOKEN, p.ops, library=LIBRARY))
    moved = {k for k in before if before[k].model_dump() != after[k].model_dump()}
    assert moved == {changed}, (moved, p.reply)


@pytest.mark.parametrize(("said", "changed"), [
    ("make the text yellow", {Role.TITLE, Role.CAPTION, Role.CTA}),  # every text, as before
    ("make the title text yellow", {Role.TITLE}),
    ("make the end text yellow", {Role.CTA}),
    ("make the first text yellow", {Role.TITLE}),
])
def test_words_that_say_which_text_call_no_text_by_its_words(said, changed):
    p = plan_edit(said, SPOKEN, library=LIBRARY)
    before, after = _texts(SPOKEN), _texts(apply(SPOKEN, p.ops, library=LIBRARY))
    assert {k[0] for k in before if before[k].model_dump() != after[k].model_dump()} == changed, p.reply


@pytest.mark.parametrize(("said", "row"), [
    ("add the date under the title: Friday 7pm to midnight", "Friday 7pm to midnight"),
    ("add a subtitle: Friday 7pm to midnight", "Friday 7pm to midnight"),
    ("add a subtitle saying Tonight only", "Tonight only"),
    ("日期放在标题下面：周五晚7点", "周五晚7点"),
])
def test_a_line_under_the_title_given_after_a_colon(said, row):
    """'日期放在标题下面：周五晚7点' moved the title to the bottom and retimed it (the 7点 read as
    a time); 'add the date under the title: …' and 'add a subtitle: …' were not understood."""
    p = plan_edit(said, TL, library=LIBRARY)
    assert p.status == "ok", p.reply
    tl = apply(TL, p.ops, library=LIBRARY)
    title = tl.track(Role.TITLE).segments[0]
    assert (title.start, title.end, title.position) == (0, 3000, TL.track(Role.TITLE).segments[0].position)
    rows = [s for s in tl.track(Role.CAPTION).segments if s.text == row]
    assert len(rows) == 1 and (rows[0].start, rows[0].end) == (title.start, title.end)


@pytest.mark.parametrize("said", ["put the date under the title", "标题下面放日期"])
def test_a_line_under_the_title_without_its_words_is_asked_for(said):
    p = plan_edit(said, TL, library=LIBRARY)
    assert not p.ops and ("Friday 7pm" in p.reply or "周五晚7点" in p.reply), p.reply


@pytest.mark.parametrize(("said", "colour"), [("make the white text yellow", "#FFD400"),
                                              ("make the white captions yellow", "#FFD400"),
                                              ("change the yellow title to red", None)])
def test_a_colour_naming_the_text_is_not_the_colour_it_gets(said, colour):
    """"make the white text yellow" made every text white (the first colour said)."""
    p = plan_edit(said, SPOKEN, library=LIBRARY)
    colours = {o.color for o in p.ops}
    assert p.ops and len(colours) == 1 and "#FFFFFF" not in colours and (colour is None or colours == {colour}), p.reply


def test_a_row_under_the_call_to_action_moves_with_it_when_the_length_changes():
    """User test s22: cut to follow the voiceover (shot lengths changed one by one), the row 'This
    Friday, 7pm to midnight' came in 1.5 s before its call to action and left 1.5 s before it (the
    call to action kept to the end, the row kept its time)."""
    cta = TL.track(Role.CTA).segments[0]
    tl = apply(TL, [O.AddText(text="This Friday, 7pm to midnight", role="caption",
                              timing=O.Timing(start_ms=cta.start, duration_ms=cta.duration))], library=LIBRARY)
    first = tl.track(Role.MAIN).segments[0]
    for d in (first.duration - 1500, first.duration + 700):
        tl = apply(tl, [O.SetSegmentDuration(target=O.Target(index=0), duration_ms=d)], library=LIBRARY)
        cta = tl.track(Role.CTA).segments[0]
        row = next(s for s in tl.track(Role.CAPTION).segments if s.text.startswith("This Friday"))
        assert (row.start, row.end) == (cta.start, cta.end) and cta.end == tl.duration


def test_doctests():
    import doctest

    from reelforge.planner import text_kinds, when

    for module in (when, text_kinds):
        assert doctest.testmod(module).failed == 0, module.__name__


# the museum's end card: the call to action with the event's day and hours in a row under it
_CTA = TL.track(Role.CTA).segments[0]
EVENT = apply(SPOKEN, [O.UpdateText(target=O.Target(role=Role.CTA, index=0), text="Tickets $12 at sciencehall.org"),
                       O.AddText(text="This Friday, 7pm to midnight", role="caption",
                                 timing=O.Timing(start_ms=_CTA.start, duration_ms=_CTA.duration))], library=LIBRARY)


@pytest.mark.parametrize(("said", "field", "value"), [
    ("make the date bigger", "size", "large"),
    ("move the date to the top", "position", "top"),
    ("把日期放大", "size", "large"),
    ("change the date to Saturday 8pm", "text", "Saturday 8pm"),
    ("日期改成周六晚8点", "text", "周六晚8点"),
])
def test_a_text_called_by_what_it_holds(said, field, value):
    """User test s22: "make the date bigger" was not understood, "move the date to the top"
    answered "there is no 'date' in the project", "日期改成周六晚8点" retimed the row to the last 3 s."""
    p = plan_edit(said, EVENT, library=LIBRARY)
    assert p.status == "ok", p.reply
    before, after = _texts(EVENT), _texts(apply(EVENT, p.ops, library=LIBRARY))
    row = (Role.CAPTION, "This Friday, 7pm to midnight")
    if field == "text":
        assert (Role.CAPTION, value) in after and row not in after
        assert (after[(Role.CAPTION, value)].start, after[(Role.CAPTION, value)].end) == (before[row].start, before[row].end)
    else:
        assert str(getattr(after[row], field).value) == value
        assert all(after[k] == before[k] for k in before if k != row)


@pytest.mark.parametrize(("said", "gone"), [("remove the date", (Role.CAPTION, "This Friday, 7pm to midnight")),
                                            ("remove the tickets text", (Role.CTA, "Tickets $12 at sciencehall.org"))])
def test_a_text_removed_by_what_it_holds_is_the_only_one_removed(said, gone):
    """"remove the date" removed every text of the video."""
    p = plan_edit(said, EVENT, library=LIBRARY)
    after = _texts(apply(EVENT, p.ops, library=LIBRARY))
    assert set(_texts(EVENT)) - set(after) == {gone}, p.reply


@pytest.mark.parametrize("said", ["the captions are covering the shoe", "the caption is covering the shoe photo",
                                  "the caption on the shoe photo covers the shoe", "字幕挡住了鞋子"])
def test_a_text_said_to_cover_a_picture_moves_out_of_its_way(said):
    """User test s22: "the captions are covering the rocket" and "字幕挡住了火箭" were not understood
    (or answered with how texts are placed): the captions over that picture go to the other band."""
    p = plan_edit(said, SPOKEN, library=LIBRARY)
    assert p.status == "ok", p.reply
    before, after = _texts(SPOKEN), _texts(apply(SPOKEN, p.ops, library=LIBRARY))
    cue = (Role.CAPTION, "Urban streets, urban shoes.")
    assert before[cue].position.value == "bottom" and after[cue].position.value == "top", p.reply
    assert all(after[k] == before[k] for k in before if k != cue)


def test_a_text_said_to_cover_a_picture_not_named_so_asks_which():
    p = plan_edit("the text covers the astronaut's face", SPOKEN, library=LIBRARY)
    assert not p.ops and "which picture is the astronaut" in p.reply.lower(), p.reply


@pytest.mark.parametrize(("said", "kind"), [
    ("change the time to 20 seconds", "set_total_duration"),  # "the time" alone is the video's length
    ("the title is on top of the caption", None),  # texts over each other: no picture to clear
    ("the captions cover the whole screen", None),
])
def test_what_a_text_kind_or_a_cover_does_not_take(said, kind):
    p = plan_edit(said, EVENT, library=LIBRARY)
    assert "which picture" not in p.reply.lower(), p.reply
    if kind:
        assert [o.op for o in p.ops] == [kind], p.reply


def test_a_line_under_the_title_asked_without_its_words_gets_an_example_of_its_kind():
    assert "'$12'" in plan_edit("add the price under the title", TL, library=LIBRARY).reply


@pytest.mark.parametrize(("instruction", "texts"), [
    # the words asking to go somewhere stay the call to action; the day and time a row under it
    ("we're hiring baristas, interviews Monday 9-11am, apply at jobs.example.com",
     {Role.TITLE: ["We're Hiring Baristas"], Role.CAPTION: ["Monday 9-11am"], Role.CTA: ["Apply at jobs.example.com"]}),
    ("webinar on March 3rd at 2pm EST, register at example.com",
     {Role.CAPTION: ["March 3rd at 2pm EST"], Role.CTA: ["Register at example.com"]}),  # (its time zone since s24)
    # a day and time alone asks for no made-up title or captions
    ("a promo for the 5K run on June 10, 8am start", {Role.CTA: ["See you on June 10, 8am"]}),
    # (the first class free is the offer it ends on, since session 24; the day and time a row under it)
    ("class every Tuesday at 6pm, first class free", {Role.CTA: ["First class free"],
                                                      Role.CAPTION: ["Every Tuesday at 6pm"]}),
    # (the event it opens on, typed before its days, is its title since session 24: no made-up one)
    ("christmas market Dec 12-14, 10am-6pm", {Role.TITLE: ["Christmas Market"], Role.CTA: ["See you on Dec 12-14, 10am-6pm"]}),
    ("周六晚上8点的音乐会宣传视频", {Role.TITLE: ["音乐会"], Role.CTA: ["周六晚上8点见"]}),  # (音乐会 is no "music")
])
def test_an_events_day_and_time_beside_the_other_words(instruction, texts):
    got, _ = _text_roles(instruction)
    assert got == texts


def test_a_sales_end_is_no_event():
    """"black friday sale, ends friday at midnight" is when the sale ends, not a day to see you."""
    got, _ = _text_roles("black friday sale, ends friday at midnight")
    assert got[Role.TITLE] == ["Black Friday"] and not any("See you" in t for t in got.get(Role.CTA, [])), got


def test_a_file_name_caption_left_out_is_not_said_once_the_speech_captions_the_video():
    """The museum reel's notes said "The caption 'Temple' is left out: the call to action …" under
    captions made from the voiceover: no file-name caption was on screen at all."""
    from reelforge.session import _drop_replaced_copy

    notes = ["Quoted text used verbatim: 'Museum Late'.",
             "The caption 'Temple' is left out: the call to action and the line under it take the end."]
    spoken = [O.SetCaptions(cues=[O.Cue(start_ms=0, end_ms=1000, text="Museum Late is back.")])]
    assert _drop_replaced_copy(notes, spoken) == notes[:1]
    assert _drop_replaced_copy(notes, []) == notes


@pytest.mark.parametrize(("said", "was", "now"), [
    ("change the second caption to Hello there", "Sale ends Januray 5", "Hello there"),  # (not understood unquoted)
    ("fix the first caption: Urban streets and shoes", "Urban streets, urban shoes.", "Urban streets and shoes"),
    ("fix the typo in the second caption: January", "Sale ends Januray 5", "Sale ends January 5"),  # the word only
])
def test_a_text_fixed_or_changed_by_its_place(said, was, now):
    """s22: "fix the first caption: Museum Late is back" and "change the first caption to …" (no
    quotes) were not understood; a typo given as one word is that word spelt anew, not the caption."""
    tl = apply(SPOKEN, [O.UpdateText(target=O.Target(role=Role.CAPTION, index=1), text="Sale ends Januray 5")],
               library=LIBRARY)
    p = plan_edit(said, tl, library=LIBRARY)
    assert p.status == "ok", p.reply
    texts = [s.text for s in apply(tl, p.ops, library=LIBRARY).track(Role.CAPTION).segments]
    assert now in texts and was not in texts, texts


def test_a_typo_with_no_word_near_it_changes_nothing():
    p = plan_edit("fix the typo in the title: Zebra", SPOKEN, library=LIBRARY)
    assert not p.ops, p.reply


@pytest.mark.parametrize(("said", "under"), [
    ("add 'Free entry for members' under the tickets", "Tickets $12 at sciencehall.org"),  # (a second title)
    ("put 'Members free' below the call to action", "Tickets $12 at sciencehall.org"),
    ("add 'Free' under the date", "Tickets $12 at sciencehall.org"),  # (the date is a row of the tickets)
])
def test_words_added_under_a_text_are_a_row_of_it(said, under):
    p = plan_edit(said, EVENT, library=LIBRARY)
    tl = apply(EVENT, p.ops, library=LIBRARY)
    texts = _texts(tl)
    ref = next(s for (_, t), s in texts.items() if t == under)
    # one row under the call to action: the date there already, the new words after it
    row = texts[(Role.CAPTION, f"This Friday, 7pm to midnight · {said.split(chr(39))[1]}")]
    assert (row.start, row.end) == (ref.start, ref.end), p.reply
    assert [s.text for s in tl.track(Role.TITLE).segments] == ["Urban Dreams"]
    assert len(texts) == len(_texts(EVENT)), texts  # no text lost


@pytest.mark.parametrize(("said", "copies"), [("show the date at the start too", 2), ("show the date at the start", 1)])
def test_a_text_shown_at_the_start_too_is_a_copy(said, copies):
    """"show the date at the start too" moved the date row to the start (it left the end card)."""
    p = plan_edit(said, EVENT, library=LIBRARY)
    dates = [s for s in apply(EVENT, p.ops, library=LIBRARY).track(Role.CAPTION).segments
             if s.text == "This Friday, 7pm to midnight"]
    assert len(dates) == copies and min(s.start for s in dates) == 0, p.reply


@pytest.mark.parametrize("said", ["add our website www.museum.org", "add 'See you there' at the end"])
def test_words_added_with_the_call_to_action_keep_the_row_there(said):
    """"add our website www.museum.org" beside the row 'This Friday, 7pm to midnight' replaced the
    row (one caption at a time): the row stays, the words after it."""
    p = plan_edit(said, EVENT, library=LIBRARY)
    rows = [s.text for s in apply(EVENT, p.ops, library=LIBRARY).track(Role.CAPTION).segments
            if s.text.startswith("This Friday")]
    assert len(rows) == 1 and rows[0].startswith("This Friday, 7pm to midnight · "), (rows, p.reply)


@pytest.mark.parametrize(("said", "left"), [("delete the website", "Tickets $12"),
                                            ("remove the price", "Tickets at sciencehall.org")])
def test_a_part_of_a_text_removed_by_what_it_holds_leaves_the_rest(said, left):
    """s22: "delete the website" removed the whole call to action 'Tickets $12 at sciencehall.org'."""
    p = plan_edit(said, EVENT, library=LIBRARY)
    assert [s.text for s in apply(EVENT, p.ops, library=LIBRARY).track(Role.CTA).segments] == [left], p.reply
    assert "undo" in p.reply


def test_a_text_that_is_only_what_is_removed_goes_whole():
    p = plan_edit("remove the date", EVENT, library=LIBRARY)
    assert "This Friday, 7pm to midnight" not in [s.text for s in apply(EVENT, p.ops, library=LIBRARY).track(Role.CAPTION).segments]


@pytest.mark.parametrize("said", ["put the date with the title instead", "show the date under the title"])
def test_a_row_moved_to_the_title(said):
    """s22: "put the date with the title instead" was not understood; "show the date under the
    title" asked which date though the date row was there."""
    p = plan_edit(said, EVENT, library=LIBRARY)
    tl = apply(EVENT, p.ops, library=LIBRARY)
    title = tl.track(Role.TITLE).segments[0]
    row = next(s for s in tl.track(Role.CAPTION).segments if s.text == "This Friday, 7pm to midnight")
    assert (row.start, row.end) == (title.start, title.end), p.reply
    assert [s.text for s in tl.track(Role.CTA).segments] == ["Tickets $12 at sciencehall.org"]
