"""Issue 16: typos, references, conversation memory, ranges of time, several steps, Chinese.

The fresh held-out set (`edit_cases_fresh.FRESH`, written before the planner saw it) is scored
per kind by bench/planner.py; here it must stay at or above the issue's targets, and the pieces
behind it are checked one by one.
"""

from __future__ import annotations

import json

from reelforge.planner import memory as M
from reelforge.planner import ops as O
from reelforge.planner.apply import apply
from reelforge.planner.ops import dump_ops
from reelforge.planner.rules import plan_edit
from reelforge.planner.typos import correct
from reelforge.session import Session
from reelforge.timeline import Role

from .edit_cases import LIBRARY, sample_timeline
from .edit_cases_fresh import (
    FILES,
    FRESH,
    FRESH2,
    FRESH3,
    FRESH4,
    FRESH5,
    FRESH6,
    FRESH7,
    FRESH8,
    FRESH9,
    FRESH10,
    FRESH11,
    FRESH12,
    FRESH13,
    FRESH14,
    FRESH15,
    judge,
)

TL = sample_timeline()
NAMES = [a.name for a in LIBRARY]


def test_fresh_sets_meet_the_targets():
    for cases in (FRESH, FRESH2, FRESH3, FRESH4, FRESH5, FRESH6, FRESH7, FRESH8, FRESH9, FRESH10, FRESH11, FRESH12, FRESH13, FRESH14, FRESH15):
        right = destructive = 0
        for kind, text, expected in cases:
            ok, bad, _ = judge(kind, text, expected, TL, LIBRARY + FILES)
            right += ok
            destructive += bad
        assert destructive == 0
        assert right / len(cases) >= 0.90, f"{right}/{len(cases)}"


def test_typos_are_fixed_and_named_but_quotes_never_touched():
    plan = plan_edit("maek it vertcal", TL, library=LIBRARY)
    assert dump_ops(plan.ops) == [{"aspect": "9:16", "op": "set_frame"}]
    assert "read 'maek' as 'make', 'vertcal' as 'vertical'" in plan.reply
    plan = plan_edit("change the title to 'Summr Sael'", TL, library=LIBRARY)
    assert dump_ops(plan.ops) == [{"text": "Summr Sael", "op": "update_text"}]
    assert plan.fixes == ()
    # real words and casual ones stay as written
    for text in ("make it sparkle", "lose the street clip", "slap our logo in the corner", "asdf qwerty"):
        assert correct(text, NAMES)[1] == [], text
    assert correct("move the beech photo", NAMES)[0] == "move the beach photo"  # asset names too


def test_range_of_time_silences_only_that_part():
    plan = plan_edit("kill the music for the last 5 secs", TL, library=LIBRARY)
    assert dump_ops(plan.ops) == [{"volume": 0.0, "span": {"start_ms": 25000, "end_ms": 30000}, "op": "set_volume"}]
    new = apply(TL, plan.ops, library=LIBRARY)
    music = new.track(Role.MUSIC).segments
    assert [(s.start, s.end, s.volume, s.in_ms) for s in music] == [(0, 25000, 0.35, 0), (25000, 30000, 0.0, 25000)]
    assert music[0].fade_out_ms == 0 and music[1].fade_out_ms == 1500  # the fade-out stays at the very end
    # the same level again joins the pieces back into one
    again = apply(new, [O.SetVolume(volume=0.35)], library=LIBRARY)
    assert len(again.track(Role.MUSIC).segments) == 1


def test_duck_only_in_a_range():
    plan = plan_edit("duck the music from 0:05 to 0:20", TL, library=LIBRARY)
    new = apply(TL, plan.ops, library=LIBRARY)
    assert [(s.start, s.end, s.duck) for s in new.track(Role.MUSIC).segments] == [
        (0, 5000, False), (5000, 20000, True), (20000, 30000, False)]


def test_several_steps_apply_and_the_unknown_part_is_named():
    plan = plan_edit("make it square and sparkly", TL, library=LIBRARY)
    assert plan.status == "ok" and dump_ops(plan.ops) == [{"aspect": "1:1", "op": "set_frame"}]
    assert plan.skipped == ("sparkly",) and "sparkly" in plan.reply
    plan = plan_edit("做成方形，然后加点闪光", TL, library=LIBRARY)
    assert plan.status == "ok" and "没有理解" in plan.reply and "I did not" not in plan.reply


def test_memory_is_plain_data_and_follows_the_conversation():
    s = Session(library=LIBRARY, timeline=TL)
    assert s.handle("make the second image 4 seconds").changed
    r = s.handle("and the next one too")
    assert r.changed and dump_ops(r.ops) == [
        {"target": {"index": 2, "kind": "image"}, "duration_ms": 4000, "op": "set_segment_duration"}]
    # saved with the project and read back
    again = Session.from_json(s.to_json())
    assert again.memory == s.memory and json.loads(json.dumps(again.memory)) == again.memory
    r = again.handle("same for the one before it")
    assert dump_ops(r.ops) == [{"target": {"index": 1, "kind": "image"}, "duration_ms": 4000, "op": "set_segment_duration"}]
    r = again.handle("move the beach photo to the front")
    order = [x.name for x in again.timeline.track(Role.MAIN).segments]
    assert order[0] == "beach.jpg"
    r = again.handle("now put it back where it was")
    assert [x.name for x in again.timeline.track(Role.MAIN).segments] == [x.name for x in TL.track(Role.MAIN).segments]


def test_zh_follow_up_shorter_again():
    s = Session(library=LIBRARY, timeline=TL)
    s.handle("第一张图片改成3秒")
    r = s.handle("再短一点")
    assert r.changed and s.timeline.track(Role.MAIN).segments[0].duration == 2000
    assert "图片" in r.message and "image" not in r.message


def test_memory_round_trip():
    m = M.Memory(ops=({"op": "set_duck"},), target={"role": "music"}, moved=("v2", 1))
    assert M.Memory.from_dict(m.to_dict()) == m


def test_never_delete_more_than_asked():
    for text in ("remove the music at the end", "drop the voiceover at 0:10", "去掉结尾的背景音乐"):
        plan = plan_edit(text, TL, library=LIBRARY)
        assert plan.status == "ambiguous" and plan.ops == (), text
    assert "静音" in plan_edit("去掉结尾的背景音乐", TL, library=LIBRARY).reply
    plan = plan_edit("no music in the first 2 seconds", TL, library=LIBRARY)
    assert dump_ops(plan.ops) == [{"volume": 0.0, "span": {"start_ms": 0, "end_ms": 2000}, "op": "set_volume"}]


def test_chinese_reasons_stay_chinese():
    for text in ("字幕放到底部", "把第二张换成abc.mp4", "做成竖屏，然后把音乐换一首"):
        reply = plan_edit(text, TL, library=LIBRARY).reply
        assert not any(w in reply for w in ("there ", "which ", "I can", "Nothing")), reply


def test_put_back_after_a_removal_is_an_undo_and_comparatives_continue_their_own_kind():
    s = Session(library=LIBRARY, timeline=TL)
    assert s.handle("remove the one before last").changed
    assert len(s.timeline.track(Role.MAIN).segments) == 5
    r = s.handle("now put it back where it was")
    assert r.changed and s.timeline == TL
    s.handle("swap the first and second images")
    r = s.handle("再短一点")  # a swap has no length to shorten again: "shorter" is the video's, as without memory
    assert [o.op for o in r.ops] == ["set_total_duration"]


def test_chinese_conversation_gets_chinese_replies_and_summary():
    s = Session(library=LIBRARY, timeline=TL)
    r = s.handle("标题大一点")
    assert r.message == "标题：字号改为特大号。" and r.summary.startswith("时间线（5条轨道）：1. 视频：5张图片、1段视频")
    r = s.handle("字大一点")  # every text's letters (it asked which of the two), in Chinese
    assert r.status == "ok" and "title" not in r.message and "行动号召：字号改为大号" in r.message
    assert "「Urban Dreams」已经是最大字号了" in r.message
    r = s.handle("导出")
    assert r.message.startswith("可以导出了") and r.summary.startswith("时间线")
    assert s.handle("make it vertical").summary.startswith("Timeline (5 tracks)")


def test_long_input_is_read_in_bounded_parts():
    """The service takes 10,000 characters: the planner reads at most 24 clauses of 400 characters
    and its reply stays short (cost: bench/planner.py prints the worst case)."""
    for text in (" and ".join(["remove"] * 2000)[:10000], ",".join(["x"] * 5000),
                 " ".join(["maek it vertcal musci"] * 500)[:10000], "把第一张换成" * 1600):
        plan = plan_edit(text, TL, library=LIBRARY)
        assert plan.status in ("unknown", "ambiguous", "ok") and len(plan.reply) < 2000
    plan = plan_edit(", ".join(["make it vertical"] * 40), TL, library=LIBRARY)
    assert dump_ops(plan.ops) == [{"aspect": "9:16", "op": "set_frame"}] and "first 24 parts" in plan.reply


def test_a_question_in_one_part_is_asked_not_dropped():
    plan = plan_edit("remove the clip and the photo", TL, library=LIBRARY)
    assert plan.status == "ambiguous" and plan.ops == () and "Which image" in plan.reply


def test_a_length_for_something_not_in_the_project_is_not_the_videos():
    plan = plan_edit("make the scarf 3 seconds", TL, library=LIBRARY)
    assert plan.ops == () and "scarf" in plan.reply
    assert dump_ops(plan_edit("make the video 20 seconds", TL, library=LIBRARY).ops) == [
        {"duration_ms": 20000, "op": "set_total_duration"}]


def test_first_and_last_after_a_name_are_where_it_goes():
    plan = plan_edit("put the scarf first and the shoe last", TL, library=LIBRARY)  # no scarf here
    assert dump_ops(plan.ops) == [{"target": {"name": "shoe"}, "to_index": -1, "op": "move_segment"}]
    plan = plan_edit("swap the first and third images", TL, library=LIBRARY)
    assert dump_ops(plan.ops) == [{"a": {"index": 0, "kind": "image"}, "b": {"index": 2, "kind": "image"}, "op": "swap_segments"}]


def test_next_one_after_a_removal_is_the_shot_that_followed_it():
    s = Session(library=LIBRARY, timeline=TL)
    assert s.handle("remove the second image").changed
    r = s.handle("and the next one too")
    names = [x.name for x in s.timeline.track(Role.MAIN).segments]
    assert r.changed and names == ["shoe.jpg", "street.mp4", "sneaker.jpg", "mountain.jpg"]


def test_a_name_not_in_the_project_is_said_never_dropped():
    # the rest is applied, and the reply names what is missing instead of acting as if all was done
    plan = plan_edit("put the scarf first and the shoe last", TL, library=LIBRARY)
    assert dump_ops(plan.ops) == [{"target": {"name": "shoe"}, "to_index": -1, "op": "move_segment"}]
    assert "no 'scarf' in the project" in plan.reply and plan.skipped == ("scarf",)
    plan = plan_edit("make the scarf and the shoe 3 seconds", TL, library=LIBRARY)
    assert "no 'scarf' in the project" in plan.reply
    for text in ("move the scarf to the end", "delete the scarf photo", "make scarf.jpg 3 seconds"):
        plan = plan_edit(text, TL, library=LIBRARY)
        assert plan.status == "unknown" and not plan.ops and "no 'scarf" in plan.reply, text
    plan = plan_edit("把scarf放到第一张", TL, library=LIBRARY)
    assert not plan.ops and "项目里没有「scarf」" in plan.reply
    # words that are not names stay quiet
    for text in ("make the whole thing 20 seconds", "put the beach photo first and the shoe photo last"):
        plan = plan_edit(text, TL, library=LIBRARY)
        assert plan.ops and "in the project" not in plan.reply, text


def _ops(text, tl=TL, memory=None):
    return dump_ops(plan_edit(text, tl, library=LIBRARY, memory=memory).ops)


def test_a_removal_verb_with_a_level_or_a_span_never_removes_the_track():
    assert _ops("drop the voiceover level to 50%") == [{"role": "voice", "volume": 0.5, "op": "set_volume"}]
    assert _ops("cut the music down a bit") == [{"factor": 0.7, "op": "set_volume"}]
    assert _ops("cut the music from 0:05 to 0:08") == [
        {"volume": 0.0, "span": {"start_ms": 5000, "end_ms": 8000}, "op": "set_volume"}]
    assert _ops("cut the music") == [{"role": "music", "op": "remove_track"}]
    assert _ops("i can barely hear the music") == [{"factor": 1.5, "op": "set_volume"}]


def test_references_in_words_and_places():
    assert _ops("delete photos two and three") == [{"target": {"index": 2, "kind": "image"}, "op": "remove_segment"},
                                                  {"target": {"index": 1, "kind": "image"}, "op": "remove_segment"}]
    assert len(_ops("make images one to three 2 seconds")) == 3
    assert _ops("pan right on images 1 and 5") == [
        {"target": {"index": i, "kind": "image"}, "motion": "pan-right", "op": "set_motion"} for i in (0, 4)]
    assert _ops("open with the beach shot") == [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]
    assert _ops("finish on the city photo") == [{"target": {"name": "city"}, "to_index": -1, "op": "move_segment"}]
    assert _ops("make the third to last image 2 seconds") == [
        {"target": {"index": -3, "kind": "image"}, "duration_ms": 2000, "op": "set_segment_duration"}]
    assert _ops("put the first photo after the clip") == [
        {"target": {"index": 0, "kind": "image"}, "after": {"index": 0, "kind": "video"}, "op": "move_segment"}]
    assert _ops("照片不要用推拉了") == [{"motion": "none", "op": "set_motion"}]


def test_corrections_and_ranges_follow_the_conversation():
    def after(first, text):
        p0 = plan_edit(first, TL, library=LIBRARY)
        tl = apply(TL, p0.ops, library=LIBRARY)
        return _ops(text, tl, p0.memory)

    assert after("make the call to action white", "no, yellow") == [
        {"target": {"role": "cta", "index": 0}, "color": "#FFD400", "op": "update_text"}]
    assert after("make the title red", "不对，绿色") == [{"color": "#00C853", "op": "update_text"}]
    assert after("make the call to action white", "no, remove it") == [
        {"target": {"role": "cta", "index": 0}, "op": "remove_text"}]
    assert after("music at 10% for the last 4 seconds", "and the first 3 too") == [
        {"volume": 0.1, "span": {"start_ms": 0, "end_ms": 3000}, "op": "set_volume"}]
    assert after("make the title red", "smaller too") == [{"size": "medium", "op": "update_text"}]


def test_a_clause_leans_on_the_shots_the_clause_before_named():
    assert _ops("swap the first and last photos and zoom in on both") == [
        {"a": {"index": 0, "kind": "image"}, "b": {"index": -1, "kind": "image"}, "op": "swap_segments"},
        {"target": {"index": 0, "kind": "image"}, "motion": "zoom-in", "op": "set_motion"},
        {"target": {"index": -1, "kind": "image"}, "motion": "zoom-in", "op": "set_motion"}]
    # a bare ordinal after a shot's length is the next shot's length, never the whole video's
    assert _ops("make the first photo 2 seconds and the last 4 seconds") == [
        {"target": {"index": 0, "kind": "image"}, "duration_ms": 2000, "op": "set_segment_duration"},
        {"target": {"index": -1, "kind": "image"}, "duration_ms": 4000, "op": "set_segment_duration"}]
    assert _ops("make the first photo 2 seconds, then mute the music for the first 3 seconds")[1] == {
        "volume": 0.0, "span": {"start_ms": 0, "end_ms": 3000}, "op": "set_volume"}


def test_more_ways_to_say_it():
    assert _ops("kick out the city photo") == [{"target": {"name": "city"}, "op": "remove_segment"}]
    assert _ops("move the beach photo up front") == [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]
    assert _ops("swap the clip and the last photo") == [
        {"a": {"index": -1, "kind": "image"}, "b": {"index": 0, "kind": "video"}, "op": "swap_segments"}]
    assert _ops("旁白不要那么吵") == [{"role": "voice", "factor": 0.5, "op": "set_volume"}]
    assert _ops("make the text at the end yellow") == [
        {"target": {"role": "cta", "index": 0}, "color": "#FFD400", "op": "update_text"}]
    assert _ops("remove the last text") == [{"target": {"role": "cta", "index": 0}, "op": "remove_text"}]  # not all text
    plan = plan_edit("slow down the voiceover", TL, library=LIBRARY)
    assert not plan.ops and "only video clips change speed" in plan.reply.lower()
    assert _ops("silence all the audio for the last 3 seconds") == [
        {"volume": 0.0, "span": {"start_ms": 27000, "end_ms": 30000}, "op": "set_volume"},
        {"role": "voice", "volume": 0.0, "span": {"start_ms": 27000, "end_ms": 30000}, "op": "set_volume"}]


def test_follow_ups_place_step_and_point():
    def after(first, text):
        p0 = plan_edit(first, TL, library=LIBRARY)
        tl = apply(TL, p0.ops, library=LIBRARY)
        return _ops(text, tl, p0.memory)

    assert after("move the city photo to the end", "and the shoe photo before it") == [
        {"target": {"name": "shoe"}, "before": {"name": "city"}, "op": "move_segment"}]
    assert after("turn the voiceover up to 80%", "a little higher") == [
        {"role": "voice", "factor": 1.25, "op": "set_volume"}]
    assert after("pan right on the first photo", "zoom out on it instead") == [
        {"target": {"index": 0, "kind": "image"}, "motion": "zoom-out", "op": "set_motion"}]
    assert after("把最后一张图片删掉", "第一张也删掉") == [{"target": {"index": 0, "kind": "image"}, "op": "remove_segment"}]


def test_the_sixth_batchs_causes():
    # the verb said once carries over a list of things
    assert _ops("mute the clip, the music and the voiceover") == [
        {"mute": True, "op": "set_clip_audio"}, {"volume": 0.0, "op": "set_volume"},
        {"role": "voice", "volume": 0.0, "op": "set_volume"}]
    assert _ops("voiceover down to 40") == [{"role": "voice", "volume": 0.4, "op": "set_volume"}]
    assert _ops("put the beach photo third") == [{"target": {"name": "beach"}, "to_index": 2, "op": "move_segment"}]
    plan = plan_edit("move the tilte to the top", TL, library=LIBRARY)  # a real word, one letter off
    assert dump_ops(plan.ops) == [{"position": "top", "op": "update_text"}]
    plan = plan_edit("make the tile yellow", TL, library=LIBRARY)
    assert dump_ops(plan.ops) == [{"color": "#FFD400", "op": "update_text"}] and "'tile' as 'title'" in plan.reply
    assert plan_edit("change the font", TL, library=LIBRARY).status == "unknown"  # not read as 'front'
    p0 = plan_edit("make the first photo 3 seconds", TL, library=LIBRARY)
    tl = apply(TL, p0.ops, library=LIBRARY)
    assert _ops("a bit less", tl, p0.memory) == [
        {"target": {"index": 0, "kind": "image"}, "duration_ms": 2000, "op": "set_segment_duration"}]


def test_a_first_instruction_with_nothing_to_read_says_so():
    from reelforge.planner.compose import plan

    assert any("did not understand 'hello'" in n.lower() for n in plan("hello there", LIBRARY).notes)
    assert not any("understand" in n for n in plan("make a 15s square clip", LIBRARY).notes)


def test_the_seventh_batchs_causes():
    assert _ops("the mountain photo should come first") == [
        {"target": {"name": "mountain"}, "to_index": 0, "op": "move_segment"}]
    assert _ops("move the first photo before the third one") == [
        {"target": {"index": 0, "kind": "image"}, "before": {"index": 2, "kind": "image"}, "op": "move_segment"}]
    assert _ops("stick surf.mp4 in place of the shoe photo") == [
        {"target": {"name": "shoe"}, "asset_id": "vid2", "op": "replace_source"}]
    assert _ops("用jazz.mp3作为背景音乐") == [{"asset_id": "jazz1", "op": "replace_music"}]
    for text in ("zoom in on it", "把它放大"):  # nothing said before: which one?
        assert plan_edit(text, TL, library=LIBRARY).status == "ambiguous", text


def test_words_that_are_not_names_are_not_said_missing():
    assert _ops("make the sneaker photo the opener") == [{"target": {"name": "sneaker"}, "to_index": 0, "op": "move_segment"}]
    for text in ("move the beach photo to the end of the slideshow", "make the shoe photo 3 seconds like the others"):
        plan = plan_edit(text, TL, library=LIBRARY)
        assert plan.ops and "in the project" not in plan.reply, text
    assert "no 'hat' in the project" in plan_edit("put the shoe photo after the hat photo", TL, library=LIBRARY).reply


def test_the_eighth_batchs_causes():
    assert _ops("slide the city photo in before the mountain photo") == [
        {"target": {"name": "city"}, "before": {"name": "mountain"}, "op": "move_segment"}]
    assert _ops("use slide transitions") == [{"kind": "slide-left", "op": "set_transition"}]
    assert _ops("move the photo after the clip to the start") == [{"target": {"index": 3}, "to_index": 0, "op": "move_segment"}]
    assert _ops("把最后一张图片搬到最前面") == [{"target": {"index": -1, "kind": "image"}, "to_index": 0, "op": "move_segment"}]
    assert _ops("add some transitions") == [{"kind": "crossfade", "op": "set_transition"}]


def test_the_ninth_batchs_causes():
    # lengths taken off are taken off, never the new length
    assert _ops("knock 10 seconds off the video") == [{"duration_ms": 20000, "op": "set_total_duration"}]
    assert _ops("take 2 seconds off the first photo") == [
        {"target": {"index": 0, "kind": "image"}, "duration_ms": 3500, "op": "set_segment_duration"}]
    plan = plan_edit("make it -3 seconds", TL, library=LIBRARY)
    assert not plan.ops and "more than 0 seconds" in plan.reply
    assert _ops("zoom in on the photos before the clip") == [
        {"target": {"index": i}, "motion": "zoom-in", "op": "set_motion"} for i in (0, 1)]
    assert len(_ops("make the pics 4 seconds each")) == 5
    p0 = plan_edit("music at 50%", TL, library=LIBRARY)
    assert _ops("ok, make it 20", apply(TL, p0.ops, library=LIBRARY), p0.memory) == [{"volume": 0.2, "op": "set_volume"}]
