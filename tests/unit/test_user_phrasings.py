"""Instructions as people type them (user test s9): each was "did not understand", a question, or
done wrong. Pure planning on the sample timeline (and small variants of it), applied to check the
result, with the reply saying what was done."""

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


def _with_learn_more():
    """The sample with its call to action saying "Learn more" and a caption "Learn more about us"."""
    tracks = []
    for tr in TL.tracks:
        if tr.role is Role.CTA:
            tr = tr.model_copy(update={"segments": (tr.segments[0].model_copy(update={"text": "Learn more"}),)})
        tracks.append(tr)
    cap = Track(id="caption-1", kind="text", role=Role.CAPTION, segments=(
        TextSegment(id="c1", start=10000, duration=3000, text="Made in Lisbon", position="bottom"),))
    return t_replace(TL, tracks=(*tracks, cap))


def _plan(text, tl=TL):
    return plan_edit(text, tl, library=LIBRARY)


# -- 1. the call to action's words -------------------------------------------------------------------
@pytest.mark.parametrize(("text", "words"), [
    ("cta: Shop now", "Shop now"), ("CTA: Buy today", "Buy today"), ("call to action: Order today", "Order today"),
    ("change learn more to Buy now", "Buy now"), ("replace 'Learn more' with 'Buy now'", "Buy now"),
    ("change the learn more button to Buy now", "Buy now"), ("把“Learn more”改成“立即购买”", "立即购买"),
    ("行动号召：立即购买", "立即购买"),
])
def test_cta_words(text, words):
    tl = _with_learn_more()
    plan = _plan(text, tl)
    assert plan.status == "ok", plan.reply
    new = apply(tl, plan.ops, library=LIBRARY)
    assert new.track(Role.CTA).segments[0].text == words
    assert new.track(Role.TITLE).segments[0].text == "Urban Dreams"
    assert new.track(Role.CAPTION).segments[0].text == "Made in Lisbon"
    assert words in plan.reply


def test_words_are_changed_in_whichever_text_says_them():
    tl = _with_learn_more()
    new = apply(tl, _plan("change lisbon to Porto", tl).ops, library=LIBRARY)
    assert new.track(Role.CAPTION).segments[0].text == "Made in Porto"
    new = apply(tl, _plan("replace 'Urban Dreams' with 'City Nights'", tl).ops, library=LIBRARY)
    assert new.track(Role.TITLE).segments[0].text == "City Nights"
    assert new.track(Role.CTA).segments[0].text == "Learn more"
    # no text says it: not a text change (the shot is replaced as before)
    assert dump_ops(_plan("replace the shoe photo with surf.mp4", tl).ops) == [
        {"target": {"name": "shoe"}, "asset_id": "vid2", "op": "replace_source"}]


def test_a_cta_label_adds_one_when_there_is_none():
    tl = t_replace(TL, tracks=tuple(t for t in TL.tracks if t.role is not Role.CTA))
    plan = _plan("CTA: Buy today", tl)
    new = apply(tl, plan.ops, library=LIBRARY)
    cta = new.track(Role.CTA).segments[0]
    assert (cta.text, cta.end) == ("Buy today", TL.duration)


# -- 2. no music over the opening --------------------------------------------------------------------
@pytest.mark.parametrize(("text", "says"), [
    ("music off for the first 3 secs", "start the music at 3 seconds"),
    ("no music for the first 3 seconds", "start the music at 3 seconds"),
    ("前3秒不要音乐", "音乐从第3秒开始"),
])
def test_no_music_over_the_opening(text, says):
    plan = _plan(text)
    assert plan.status == "ok", plan.reply
    new = apply(TL, plan.ops, library=LIBRARY)
    music = new.track(Role.MUSIC).segments
    assert [(s.start, s.end, s.volume) for s in music] == [(0, 3000, 0.0), (3000, 30000, 0.35)]
    assert says in plan.reply  # the other reading, said
    # that other reading does what the reply says
    later = apply(TL, _plan("start the music at 3 seconds").ops, library=LIBRARY).track(Role.MUSIC).segments
    assert (later[0].start, later[0].in_ms) == (3000, 0)


# -- 3. a video clip's own sound, the clip named by its file's words, position or kind ----------------
def _with_recording():
    """The sample with its fifth shot a screen recording (two video clips)."""
    from reelforge.timeline import Asset, AssetKind

    rec = Asset(id="vid3", path="/m/screen_recording.mp4", name="screen_recording.mp4", kind=AssetKind.VIDEO,
                width=1920, height=1080, duration_ms=8000, fps=30, has_audio=True)
    segs = list(TL.track(Role.MAIN).segments)
    segs[4] = segs[4].model_copy(update={"src": "vid3", "name": "screen_recording.mp4"})
    tracks = tuple(t.model_copy(update={"segments": tuple(segs)}) if t.role is Role.MAIN else t for t in TL.tracks)
    return t_replace(TL, assets=(*TL.assets, rec), tracks=tracks), (*LIBRARY, rec)


@pytest.mark.parametrize(("text", "muted", "says"), [
    ("mute the screen recording", ["screen_recording.mp4"], 'muted the clip "screen_recording.mp4"'),
    ("mute the recording", ["screen_recording.mp4"], 'muted the clip "recording"'),
    ("mute screen_recording.mp4", ["screen_recording.mp4"], "screen_recording.mp4"),
    ("mute video 2", ["screen_recording.mp4"], "second clip"),
    ("mute the street clip", ["street.mp4"], 'clip "street"'),
    ("把录屏静音", ["screen_recording.mp4"], "「screen_recording.mp4」静音"),
    ("mute the clips", ["street.mp4", "screen_recording.mp4"], "the clips"),
])
def test_mute_one_clip(text, muted, says):
    tl, lib = _with_recording()
    plan = plan_edit(text, tl, library=lib)
    assert plan.status == "ok", plan.reply
    new = apply(tl, plan.ops, library=lib)
    assert [s.name for s in new.track(Role.MAIN).segments if s.mute] == muted
    assert says in plan.reply.lower() if says.isascii() else says in plan.reply


def test_mute_the_clip_asks_which_when_there_are_two():
    tl, lib = _with_recording()
    plan = plan_edit("mute the clip", tl, library=lib)
    assert plan.status == "ambiguous" and "street.mp4" in plan.reply and "screen_recording.mp4" in plan.reply


def test_the_screen_recording_is_the_only_clip_when_there_is_one():
    plan = _plan("mute the screen recording")
    new = apply(TL, plan.ops, library=LIBRARY)
    assert [s.name for s in new.track(Role.MAIN).segments if s.mute] == ["street.mp4"]
    assert "The only video clip is street.mp4" in plan.reply


# -- 4. a recording in the project as the voiceover, replacing the one there --------------------------
@pytest.mark.parametrize("text", ["add narration_fast.wav as voiceover", "use narration_fast.wav as the voiceover",
                                  "replace the voiceover with narration_fast.wav", "用narration_fast.wav做配音"])
def test_a_file_replaces_the_voiceover(text):
    from reelforge.timeline import Asset, AssetKind

    nf = Asset(id="nar2", path="/m/narration_fast.wav", name="narration_fast.wav", kind=AssetKind.AUDIO,
               duration_ms=20000, has_audio=True)
    plan = plan_edit(text, TL, library=(*LIBRARY, nf))
    assert plan.status == "ok", plan.reply
    new = apply(TL, plan.ops, library=(*LIBRARY, nf))
    assert [(s.name, s.start) for s in new.track(Role.VOICE).segments] == [("narration_fast.wav", 0)]
    # the reply in the instruction's language (the file name glued to the Chinese words made it English)
    said = "原来的旁白（vo.mp3）已被替换" if text.startswith("用") else "It replaces the old voiceover (vo.mp3)"
    assert said in plan.reply, plan.reply
    assert new.track(Role.MUSIC).segments[0].duck


def test_the_voiceover_already_there_is_said():
    plan = _plan("use vo.mp3 as the voiceover")
    assert plan.status == "unknown" and "already the voiceover" in plan.reply


def test_a_real_session_replaces_its_voiceover(tmp_path):
    import wave

    import numpy as np
    from PIL import Image

    from reelforge.session import Session

    Image.new("RGB", (320, 180), (200, 50, 50)).save(tmp_path / "red.png")
    for name, f in (("narration.wav", 220), ("narration_fast.wav", 330)):
        x = (0.3 * np.sin(2 * np.pi * f * np.arange(48000 * 2) / 48000) * 32767).astype(np.int16)
        with wave.open(str(tmp_path / name), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(48000)
            w.writeframes(x.tobytes())
    s = Session.new()
    s.add_assets([tmp_path / "red.png", tmp_path / "narration.wav", tmp_path / "narration_fast.wav"],
                 workdir=tmp_path / "media")
    s.handle("a 4 second video")
    s.handle("use narration.wav as the voiceover")
    assert [x.name for x in s.timeline.track(Role.VOICE).segments] == ["narration.wav"]
    reply = s.handle("add narration_fast.wav as voiceover")
    assert [x.name for x in s.timeline.track(Role.VOICE).segments] == ["narration_fast.wav"]
    assert "replaces the old voiceover (narration.wav)" in reply.message


# -- 7. deeper ducking, not a lower bed -----------------------------------------------------------------
def test_duck_deeper_step_by_step_and_capped():
    tl = TL
    depths = []
    for _ in range(5):
        plan = _plan("duck the music more", tl)
        if plan.status != "ok":
            break
        tl = apply(tl, plan.ops, library=LIBRARY)
        depths.append(tl.track(Role.MUSIC).segments[0].duck_depth)
    assert depths == [1.5, 2.25, 3.38, 4.0]
    assert "as far as it can" in plan.reply
    assert tl.track(Role.MUSIC).segments[0].volume == 0.35  # the bed's level is not touched
    # music not ducked yet: first it ducks
    plain = apply(TL, [__import__("reelforge.planner.ops", fromlist=["SetDuck"]).SetDuck(on=False)])
    assert dump_ops(_plan("make the music quieter when the voice talks", plain).ops) == [{"op": "set_duck"}]


# -- 6. the letters' look: bold, bigger, smaller, within the sizes there are -----------------------------
def _with_captions():
    segs = tuple(TextSegment(id=f"c{i}", start=4000 * i + 1000, duration=3000, text=f"line {i}", position="bottom",
                             size="large") for i in range(3))
    return t_replace(TL, tracks=(*TL.tracks, Track(id="caption-1", kind="text", role=Role.CAPTION, segments=segs)))


def test_smaller_captions_and_bold_text():
    tl = _with_captions()
    new = apply(tl, _plan("smaller captions", tl).ops, library=LIBRARY)
    assert {s.size.value for s in new.track(Role.CAPTION).segments} == {"medium"}
    assert new.track(Role.TITLE).segments[0].size.value == "large"  # the title keeps its size
    new = apply(tl, _plan("make the text bold", tl).ops, library=LIBRARY)
    texts = [s for t in new.tracks for s in t.segments if isinstance(s, TextSegment)]
    assert len(texts) == 5 and all(s.bold and s.weight == 800 for s in texts)
    new = apply(new, _plan("make the text not bold", tl).ops, library=LIBRARY)
    assert not any(s.bold or s.weight for t in new.tracks for s in t.segments if isinstance(s, TextSegment))


def test_bigger_at_the_largest_size_is_said():
    tl = apply(TL, _plan("make the title huge").ops, library=LIBRARY)
    plan = _plan("bigger text", tl)
    assert "'Urban Dreams' is already at the largest size" in plan.reply
    plan = _plan("字大一点", tl)
    assert "「Urban Dreams」已经是最大字号了" in plan.reply


def test_a_bold_weight_is_drawn_heavier_than_the_style():
    """The drawn weight: 800 for bold in the clean style (semi-bold 600); the bold style's 900 stays."""
    from pathlib import Path

    from reelforge.render.compile import text_specs

    new = apply(TL, _plan("make the text bold").ops, library=LIBRARY)
    assert {s.bold for s, _ in text_specs(TL, 640, 360, Path("."))} == {600}
    assert {s.bold for s, _ in text_specs(new, 640, 360, Path("."))} == {800}
    bold_style = apply(new, _plan("bold style").ops, library=LIBRARY)
    assert {s.bold for s, _ in text_specs(bold_style, 640, 360, Path("."))} == {900}


# -- 9. look words of a first instruction: applied when one fits, else said ------------------------------


def _first(text):
    from reelforge.planner.compose import plan
    from reelforge.timeline import Asset, AssetKind

    pics = [Asset(id=f"i{i}", path=f"/m/p{i}.jpg", name=f"p{i}.jpg", kind=AssetKind.IMAGE, width=1600, height=1200)
            for i in range(3)]
    return plan(text, pics)


def test_cinematic_is_a_look_with_fades_from_and_to_black():
    p = _first("a cinematic 15 second video")
    assert (p.timeline.style, p.timeline.fade_in_ms, p.timeline.fade_out_ms) == ("minimal", 1000, 1000)
    assert any("'Cinematic' is read as the minimal look" in n for n in p.notes)
    p = _first("做一个电影感的视频")
    assert p.timeline.fade_out_ms == 1000
    p = _first("a cinematic video in bold style")
    assert p.timeline.style == "bold" and p.timeline.fade_in_ms == 1000


def test_big_readable_text_and_words_not_applied_are_said():
    plain = _first("promo with the title 'Summer Sale' and the caption 'Fresh every day'")
    big = _first("dreamy promo with big readable text, the title 'Summer Sale' and the caption 'Fresh every day'")
    sizes = {s.text: s.size.value for t in plain.timeline.tracks for s in t.segments if isinstance(s, TextSegment)}
    bigger = {s.text: s.size.value for t in big.timeline.tracks for s in t.segments if isinstance(s, TextSegment)}
    order = ["small", "medium", "large", "xlarge"]
    assert bigger and all(order.index(bigger[k]) == min(3, order.index(v) + 1) for k, v in sizes.items() if k in bigger)
    assert any(n.startswith("Big readable text") for n in big.notes)
    assert any(n.startswith("Not applied: 'dreamy'") for n in big.notes)
    assert not any("Not applied" in n for n in plain.notes)
    retro = _first("retro promo with the title 'Summer Sale'")  # a colour look now: applied, not "not applied"
    assert not any("Not applied" in n for n in retro.notes) and retro.timeline.grade.warmth > 0
    moody = _first("dark and moody promo with the title 'Summer Sale'")  # a colour look since s18
    assert not any("Not applied" in n for n in moody.notes) and moody.timeline.grade.look == "moody"


def test_the_ending_named_with_no_call_to_action_yet_adds_one():
    # a first cut with only a title: "the ending" is a new call to action at the end, not the title
    from reelforge.planner.rules import plan_edit
    from reelforge.timeline import replace

    from .edit_cases import LIBRARY, sample_timeline

    tl = sample_timeline()
    tl = replace(tl, tracks=tuple(t for t in tl.tracks if t.role.value != "cta"))
    for text in ("把结尾改成“立即下单”", "change the ending to 'Order now'"):
        p = plan_edit(text, tl, library=LIBRARY)
        assert p.status == "ok", p.reply
        (op,) = p.ops
        assert op.op == "add_text" and op.role == "cta" and op.text in ("立即下单", "Order now"), op


def test_a_music_file_that_already_plays_is_said_in_the_instructions_language():
    from reelforge.planner.parse import is_chinese
    from reelforge.planner.rules import plan_edit

    from .edit_cases import LIBRARY, sample_timeline

    assert is_chinese("音乐换成bgm.mp3") and is_chinese("音乐换成咖啡.mp3") and not is_chinese("use 咖啡.mp3 first")
    p = plan_edit("音乐换成bgm.mp3", sample_timeline(), library=LIBRARY)
    assert not p.ops and p.reply.startswith("「bgm.mp3」已经是背景音乐了"), p.reply
    p = plan_edit("use bgm.mp3 as the music", sample_timeline(), library=LIBRARY)
    assert not p.ops and p.reply.startswith("'bgm.mp3' is already the music"), p.reply


def test_shorter_keeps_speech_captions_where_they_were_said():
    # a 20 s cut whose last caption ends with the video, shortened to 15 s: that caption slid to
    # 12.4 s over the ones before it and the edit failed ("segments out of order"); "make it
    # shorter, like 15 seconds" took 15 s off instead of going to 15 s
    from reelforge.planner import ops as O
    from reelforge.planner.apply import apply
    from reelforge.planner.rules import plan_edit
    from reelforge.timeline.model import Role

    from .edit_cases import LIBRARY, sample_timeline

    lib = LIBRARY
    tl = apply(sample_timeline(), [O.SetTotalDuration(duration_ms=20000)], library=lib)
    cues = [O.Cue(start_ms=a, end_ms=b, text=f"line {i}") for i, (a, b) in
            enumerate([(0, 1000), (1410, 5530), (5920, 9340), (9680, 12160), (12690, 14930), (15240, 16900),
                       (17400, 20000)])]
    tl = apply(tl, [O.SetCaptions(cues=cues)], library=lib)
    p = plan_edit("make it shorter, like 15 seconds", tl, library=LIBRARY)
    assert [o.model_dump(exclude_defaults=True) for o in p.ops] == [{"duration_ms": 15000}] and p.ops[0].op == "set_total_duration"
    short = apply(tl, p.ops, library=lib)
    caps = [s for t in short.tracks if t.role is Role.CAPTION for s in t.segments]
    assert [(c.text, c.start, c.end) for c in caps] == [
        ("line 0", 0, 1000), ("line 1", 1410, 5530), ("line 2", 5920, 9340), ("line 3", 9680, 12160),
        ("line 4", 12690, 14930)]
    cta = [s for t in short.tracks if t.role is Role.CTA for s in t.segments]
    assert cta and cta[0].end == 15000  # a call to action still ends with the video


def test_one_change_to_every_caption_is_said_once():
    # "the first caption: colour #FFD400; the second caption: colour #FFD400; …" seven times
    from reelforge.planner import ops as O
    from reelforge.planner.apply import apply
    from reelforge.planner.rules import plan_edit

    from .edit_cases import LIBRARY, sample_timeline

    cues = [O.Cue(start_ms=i * 4000, end_ms=i * 4000 + 3000, text=f"line {i}") for i in range(6)]
    tl = apply(sample_timeline(), [O.SetCaptions(cues=cues)], library=LIBRARY)
    p = plan_edit("make the captions yellow", tl, library=LIBRARY)
    assert len(p.ops) == 6 and p.reply == "All 6 captions: colour yellow.", p.reply
    p = plan_edit("把字幕改成红色", tl, library=LIBRARY)
    assert p.reply == "全部6条字幕：颜色改为红色。", p.reply
    p = plan_edit("make the title red", tl, library=LIBRARY)
    assert p.reply == "The first title: colour red.", p.reply


def test_a_text_saying_a_planner_word_is_not_taken_for_it():
    """'change the music to jazz.mp3' with a caption "Live music tonight" is the music, not the caption."""
    tl = _with_learn_more()
    tracks = tuple(t.model_copy(update={"segments": (t.segments[0].model_copy(update={"text": "Live music tonight"}),)})
                   if t.role is Role.CAPTION else t for t in tl.tracks)
    tl = t_replace(tl, tracks=tracks)
    assert dump_ops(_plan("change the music to jazz.mp3", tl).ops) == [{"asset_id": "jazz1", "op": "replace_music"}]
    assert dump_ops(_plan("change music to Jazz", tl).ops) == [{"asset_id": "jazz1", "op": "replace_music"}]
    new = apply(tl, _plan("change tonight to Friday", tl).ops, library=LIBRARY)
    assert new.track(Role.CAPTION).segments[0].text == "Live music Friday"


def test_a_logo_on_the_video_keeps_its_corner_size_and_opacity_but_for_what_is_said():
    # "make the logo smaller" moved a top-right logo to the bottom right at the default size
    from reelforge.planner.apply import apply
    from reelforge.planner.rules import plan_edit
    from reelforge.timeline.model import Role

    from .edit_cases import LIBRARY, sample_timeline

    tl = apply(sample_timeline(), plan_edit("add logo.png in the top right", sample_timeline(), library=LIBRARY).ops,
               library=LIBRARY)

    def logo_after(text: str):
        p = plan_edit(text, tl, library=LIBRARY)
        (seg,) = apply(tl, p.ops, library=LIBRARY).track(Role.LOGO).segments
        return seg.position.value, seg.scale, seg.opacity

    assert logo_after("make the logo smaller") == ("top-right", 0.105, 1.0)
    assert logo_after("把logo调大一点") == ("top-right", 0.21, 1.0)
    assert logo_after("make the logo more transparent") == ("top-right", 0.15, 0.6)
    assert logo_after("logo at 80% opacity") == ("top-right", 0.15, 0.8)
    assert logo_after("move the logo to the bottom left") == ("bottom-left", 0.15, 1.0)
    p = plan_edit("make the logo more transparent", tl, library=LIBRARY)
    assert "60% opaque" in p.reply, p.reply


def test_the_voiceover_already_playing_is_said_in_the_instructions_language():
    p = plan_edit("把vo.mp3作为旁白", TL, library=LIBRARY)
    assert not p.ops and p.reply.startswith("「vo.mp3」已经是旁白了"), p.reply
    p = plan_edit("use vo.mp3 as the voiceover", TL, library=LIBRARY)
    assert not p.ops and p.reply.startswith("'vo.mp3' is already the voiceover"), p.reply


@pytest.mark.parametrize("instruction", [
    'a video, title "Bean There", captions "Fresh every morning" and "Main Street"',
    'a video with the captions "Fresh every morning", "Main Street"',
    "标题“豆子在这”，字幕“每天早上新鲜烘焙”和“主街”",
])
def test_a_list_of_quoted_captions_is_all_captions(instruction):
    # 'captions "A" and "B"': the second was made the call to action (its own label was two
    # quotes back), so "make the captions red" changed only the first
    p = _first(instruction)
    caps = [s.text for t in p.timeline.tracks if t.role.value == "caption" for s in t.segments]
    ctas = [s.text for t in p.timeline.tracks if t.role.value == "cta" for s in t.segments]
    assert len(caps) == 2 and not set(caps) & set(ctas), (caps, ctas)


@pytest.mark.parametrize(("instruction", "per_still", "said"), [
    ("tiktok ad for my bakery, upbeat, end with 'Order now'", 2500, "(a fast pace, as asked)"),
    ("a fast-paced promo", 2500, "(a fast pace, as asked)"),
    ("a calm, relaxing promo", 4500, "(a calm pace, as asked)"),
    ("做一个快节奏的视频", 2500, "（节奏快，按要求）"),
    ("舒缓的宣传视频", 4500, "（节奏舒缓，按要求）"),
    ("a promo with upbeat music", 3500, ""),  # the music's kind, not the cut's
    ("a promo with calm piano music", 3500, ""),
    ("a 12 second fast-paced promo", None, ""),  # a length given: it decides
])
def test_a_pace_word_sets_the_stills_length_when_no_length_is_given(instruction, per_still, said):
    # "upbeat", "fast-paced", "快节奏", "calm" were not read: every still 3.5 s
    from reelforge.planner.notes_zh import to_zh

    p = _first(instruction)
    length = next(n for n in p.notes if n.startswith("Length"))
    if per_still is None:
        assert length == "Length: 12 s, as asked."
        return
    assert f"so {per_still / 1000:g} s for each of 3 images" in length
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in instruction)
    assert said in (to_zh(length) if zh else length)


@pytest.mark.parametrize("instruction", ["a promo with bold text and the title 'Fresh'", "标题是「新鲜」，粗体字"])
def test_bold_text_in_the_first_instruction(instruction):
    # "bold text" was not read: the clean style's semi-bold (600) letters
    p = _first(instruction)
    texts = [s for t in p.timeline.tracks for s in t.segments if isinstance(s, TextSegment)]
    assert texts and all(s.weight == 800 for s in texts)
    assert "Bold text: every text in a heavy weight (800)." in p.notes
    plain = _first("a promo with the title 'Fresh'")
    assert all(s.weight is None for t in plain.timeline.tracks for s in t.segments if isinstance(s, TextSegment))


def test_no_motion_after_a_music_change_is_no_motion():
    # after "make the music quieter", "no motion" was read as the correction "no, <value>" of the
    # music ("make the music motion") and turned the motion ON for every still
    from reelforge.planner.rules import plan_edit

    from .edit_cases import LIBRARY, sample_timeline

    first = plan_edit("make the music quieter", sample_timeline(), library=LIBRARY)
    plan = plan_edit("no motion", sample_timeline(), library=LIBRARY, memory=first.memory)
    assert [o.model_dump(exclude_none=True) for o in plan.ops] == [{"op": "set_motion", "motion": "none"}]
    first = plan_edit("make the title red", sample_timeline(), library=LIBRARY)
    again = plan_edit("no, blue", sample_timeline(), library=LIBRARY, memory=first.memory)
    assert [o.color for o in again.ops] == ["#1E6BFF"]  # a correction after a comma is still one


def test_a_shot_that_is_not_there_stops_an_edit_of_every_shot():
    # "no zoom on the dog" (no dog) turned the motion off for every still
    from reelforge.planner.rules import plan_edit

    from .edit_cases import LIBRARY, sample_timeline

    for text in ("no zoom on the dog", "use a wipe into the dog photo"):
        plan = plan_edit(text, sample_timeline(), library=LIBRARY)
        assert plan.status == "unknown" and not plan.ops and "no 'dog'" in plan.reply, (text, plan.reply)
    assert plan_edit("no zoom on the beach photo", sample_timeline(), library=LIBRARY).ops[0].target.name == "beach"


@pytest.mark.parametrize("text", ["静音", "mute", "no sound", "视频静音", "mute the video"])
def test_mute_alone_mutes_the_sound_of_a_video_of_stills(text):
    # "静音" was not understood; "视频静音" with no clips failed with the English "there are no
    # video clips on the timeline (only stills)"
    from reelforge.planner.apply import apply
    from reelforge.planner.compose import plan
    from reelforge.planner.rules import plan_edit
    from reelforge.timeline import Asset, AssetKind

    pics = [Asset(id=f"i{i}", path=f"/m/p{i}.jpg", name=f"p{i}.jpg", kind=AssetKind.IMAGE, width=1600, height=1200)
            for i in range(3)]
    song = Asset(id="m1", path="/m/song.mp3", name="song.mp3", kind=AssetKind.AUDIO, duration_ms=30000)
    tl = plan("a 10 second promo with music", [*pics, song]).timeline
    edit = plan_edit(text, tl)
    assert edit.status == "ok", edit.reply
    assert all(s.volume == 0 for t in apply(tl, edit.ops).tracks if t.role.value == "music" for s in t.segments)
