"""planner.compose: instruction + assets -> first-cut timeline. Pure, no media needed."""

from __future__ import annotations

import doctest

import pytest

from reelforge.errors import PlanError
from reelforge.planner import compose as C
from reelforge.planner import file_names, on_screen, plan, slots
from reelforge.timeline import Timeline, to_draft
from reelforge.timeline.model import (
    Asset,
    AssetKind,
    Motion,
    Position,
    Role,
    TextSegment,
    Transition,
    VideoSegment,
)

PROMO = "combine these images and audio into a 30-second promotional video with text overlays"


def img(name: str, i: int = 0) -> Asset:
    return Asset(id=f"img{i}-{name}", path=f"/m/{name}", name=name, kind=AssetKind.IMAGE, width=1920, height=1080)


def aud(name: str, ms: int) -> Asset:
    return Asset(id=f"aud-{name}", path=f"/m/{name}", name=name, kind=AssetKind.AUDIO, duration_ms=ms)


def clip(name: str, ms: int, has_audio: bool = True) -> Asset:
    return Asset(id=f"clip-{name}", path=f"/m/{name}", name=name, kind=AssetKind.VIDEO, width=1920,
                 height=1080, duration_ms=ms, fps=30, has_audio=has_audio)


def session_after(files, first: str, *edits: str):
    """A session over ``files`` (placeholder assets: no media is read) after its first instruction, and the
    replies to ``edits`` in turn, as a user gets them."""
    from reelforge.session import Session

    s = Session.new()
    s.add_ingested(files)
    s.handle(first)
    return s, [s.handle(e) for e in edits]


IMAGES = [img(n, i) for i, n in enumerate(
    ["01-red-sneaker.jpg", "02-blue-sneaker.jpg", "IMG_0003.jpg", "04-sneaker-side.jpg", "05-urban-street.jpg"])]
VO = aud("voiceover.mp3", 28_000)
BGM = aud("bgm.mp3", 20_000)


def roles(tl: Timeline) -> list[str]:
    return [t.role.value for t in tl.tracks]


def texts(tl: Timeline, role: Role) -> list[TextSegment]:
    t = tl.track(role)
    return list(t.segments) if t else []


def assert_valid(tl: Timeline) -> None:
    # round-trips through JSON (re-validates every rule) and the draft form
    assert Timeline.from_json(tl.to_json()) == tl
    to_draft(tl)
    for track in tl.tracks:
        for seg in track.segments:
            assert 0 <= seg.start < seg.end <= tl.duration


def assert_no_overlap(segs) -> None:
    for a, b in zip(segs, segs[1:], strict=False):
        assert b.start >= a.end, (a, b)


def test_reference_promo():
    p = plan(PROMO, [*IMAGES, VO, BGM])
    tl = p.timeline
    assert_valid(tl)
    assert tl.duration == 30_000
    assert (tl.width, tl.height, tl.fps) == (1920, 1080, 30)
    assert roles(tl) == ["main", "voice", "music", "title", "caption", "cta"]
    main = tl.track(Role.MAIN).segments
    assert [s.src for s in main] == [a.id for a in IMAGES]
    assert main[0].start == 0 and main[-1].end == 30_000
    for prev, seg in zip(main, main[1:], strict=False):
        assert seg.transition is Transition.CROSSFADE and seg.transition_ms == 500
        assert seg.start == prev.end - 500
    assert main[0].transition is Transition.CUT
    assert all(s.motion is not Motion.NONE for s in main)
    assert len({s.motion for s in main}) >= 2
    durations = [s.duration for s in main]
    assert max(durations) - min(durations) < 5  # equal shares, remainder on the last
    voice = tl.track(Role.VOICE).segments[0]
    assert (voice.src, voice.start, voice.duration, voice.volume) == (VO.id, 0, 28_000, 1.0)
    music = tl.track(Role.MUSIC).segments[0]
    assert music.src == BGM.id and music.start == 0 and music.duration == 30_000
    assert music.volume == 0.35 and music.duck and music.loop
    assert (music.fade_in_ms, music.fade_out_ms) == (500, 1500)
    title = texts(tl, Role.TITLE)
    assert len(title) == 1 and (title[0].start, title[0].end) == (0, 3000)
    assert title[0].position is Position.CENTER
    caps = texts(tl, Role.CAPTION)
    assert [c.text for c in caps] == ["Red Sneaker", "Blue Sneaker", "Sneaker Side", "Urban Street"]
    assert all(c.position is Position.BOTTOM for c in caps)
    assert_no_overlap(caps)
    cta = texts(tl, Role.CTA)
    assert [c.text for c in cta] == ["Shop now"]
    assert (cta[0].start, cta[0].end) == (26_000, 30_000)
    assert caps[0].start >= title[0].end and caps[-1].end <= cta[0].start
    # each caption lies inside its picture's slot
    by_src = {s.src: s for s in main}
    for c, a in zip(caps, [IMAGES[0], IMAGES[1], IMAGES[3], IMAGES[4]], strict=True):
        assert by_src[a.id].start <= c.start and c.end <= by_src[a.id].end
    assert p.summary.startswith("Timeline (6 tracks): 1. Video: 5 images (0-30s)")
    assert "BGM: bgm (0-30s, 35%)" in p.summary
    assert any("Length: 30 s" in n for n in p.notes)
    assert any("made up" in n for n in p.notes)


def test_never_invents_camera_names():
    p = plan(PROMO, [img(f"IMG_{1230 + i}.JPG", i) for i in range(4)])
    all_text = [s.text for t in p.timeline.tracks for s in t.segments if isinstance(s, TextSegment)]
    assert all_text and not any("IMG" in t or "1230" in t for t in all_text)
    assert texts(p.timeline, Role.CAPTION) == []
    assert any("No captions" in n for n in p.notes)


def test_title_from_subject():
    p = plan("make a promotional video for Urban Dreams sneakers with text overlays", IMAGES)
    assert texts(p.timeline, Role.TITLE)[0].text == "Urban Dreams Sneakers"


def test_title_from_file_theme():
    p = plan("with captions", IMAGES)
    assert texts(p.timeline, Role.TITLE)[0].text == "Sneaker"
    assert texts(p.timeline, Role.CTA)[0].text == "Learn more"


@pytest.mark.parametrize(("instruction", "size"), [
    ("make it vertical for TikTok", (1080, 1920)),
    ("square for Instagram", (1080, 1080)),
    ("Instagram portrait", (1080, 1350)),
    ("in 720p", (1280, 720)),
    ("4K landscape", (3840, 2160)),
    ("竖屏", (1080, 1920)),
    ("", (1920, 1080)),
])
def test_frame(instruction, size):
    tl = plan(instruction, IMAGES).timeline
    assert (tl.width, tl.height) == size


def test_no_duration_follows_voiceover():
    p = plan("make a video", [*IMAGES, VO, BGM])
    assert p.timeline.duration == 28_000
    assert p.timeline.track(Role.MUSIC).segments[0].duration == 28_000
    assert any("voiceover" in n and "Length" in n for n in p.notes)


def test_no_audio_uses_seconds_per_image():
    p = plan("make a slideshow", IMAGES)
    tl = p.timeline
    assert tl.duration == 5 * 3500
    assert roles(tl) == ["main"]
    assert_valid(tl)
    assert any("3.5 s for each of 5 images" in n for n in p.notes)


def test_per_image_length():
    assert plan("4 seconds per image", IMAGES).timeline.duration == 20_000
    assert plan("每张图片2秒", IMAGES).timeline.duration == 10_000


def test_chinese_instruction():
    p = plan("把这些图片做成30秒的竖屏宣传视频，加字幕", [*IMAGES, VO, BGM])
    tl = p.timeline
    assert_valid(tl)
    assert tl.duration == 30_000 and (tl.width, tl.height) == (1080, 1920)
    assert texts(tl, Role.CTA)[0].text == "立即购买"
    assert texts(tl, Role.TITLE)


def test_quoted_text_verbatim():
    instr = "30 seconds with the title 'Urban Dreams' and captions, end with “Shop the drop!”"
    tl = plan(instr, [*IMAGES, VO]).timeline
    assert texts(tl, Role.TITLE)[0].text == "Urban Dreams"
    assert texts(tl, Role.CTA)[0].text == "Shop the drop!"
    assert [c.text for c in texts(tl, Role.CAPTION)][:2] == ["Red Sneaker", "Blue Sneaker"]


def test_quoted_captions_in_order():
    instr = 'add "Urban Dreams", "Comfort", "Style", "Get yours"'
    tl = plan(instr, IMAGES[:3]).timeline
    assert texts(tl, Role.TITLE)[0].text == "Urban Dreams"
    assert [c.text for c in texts(tl, Role.CAPTION)] == ["Comfort", "Style"]
    assert texts(tl, Role.CTA)[0].text == "Get yours"


def test_only_quoted_title_no_invention():
    tl = plan("add the title 'Spring Sale'", IMAGES).timeline
    assert roles(tl) == ["main", "title"]
    assert texts(tl, Role.TITLE)[0].text == "Spring Sale"


def test_no_text_unless_asked():
    assert roles(plan("30 seconds", IMAGES).timeline) == ["main"]


def test_music_level_stated():
    tl = plan("30-second promo, music at 20%", [*IMAGES, VO, BGM]).timeline
    assert tl.track(Role.MUSIC).segments[0].volume == 0.2


def test_music_alone_louder_and_not_ducked():
    tl = plan("30 seconds", [*IMAGES, BGM]).timeline
    m = tl.track(Role.MUSIC).segments[0]
    assert m.volume == 0.8 and not m.duck


def test_hard_cuts_and_no_motion():
    tl = plan("30 seconds, hard cuts, no motion", IMAGES).timeline
    main = tl.track(Role.MAIN).segments
    assert all(s.transition is Transition.CUT and s.transition_ms == 0 for s in main)
    assert all(s.motion is Motion.NONE for s in main)
    assert [s.duration for s in main] == [6000] * 5
    assert_valid(tl)


def test_remainder_goes_to_last():
    tl = plan("10 seconds, hard cuts", IMAGES[:3]).timeline
    assert [s.duration for s in tl.track(Role.MAIN).segments] == [3333, 3333, 3334]


def test_no_images_raises():
    with pytest.raises(PlanError, match="image or video"):
        plan(PROMO, [VO, BGM])
    with pytest.raises(PlanError):
        plan(PROMO, [])


def test_unnamed_audio_pair_shorter_is_voice():
    a, b = aud("track1.mp3", 60_000), aud("track2.mp3", 25_000)
    p = plan("make a video", [*IMAGES, a, b])
    tl = p.timeline
    assert tl.track(Role.VOICE).segments[0].src == b.id
    assert tl.track(Role.MUSIC).segments[0].src == a.id
    assert tl.duration == 25_000
    assert any("shorter" in n and "track2.mp3" in n for n in p.notes)


def test_single_unnamed_audio():
    a = aud("audio.mp3", 20_000)
    assert plan("make a video", [*IMAGES, a]).timeline.track(Role.MUSIC) is not None
    tl = plan("make a video with this narration", [*IMAGES, a]).timeline
    assert tl.track(Role.VOICE).segments[0].src == a.id


def test_hint_plus_unknown():
    a = aud("recording.mp3", 20_000)
    tl = plan("x", [*IMAGES, aud("bgm.mp3", 50_000), a]).timeline
    assert tl.track(Role.VOICE).segments[0].src == a.id


def test_chinese_file_name_hints():
    tl = plan("做视频", [*IMAGES, aud("配乐.mp3", 10_000), aud("旁白.mp3", 40_000)]).timeline
    assert tl.track(Role.VOICE).segments[0].name == "旁白.mp3"
    assert tl.track(Role.MUSIC).segments[0].name == "配乐.mp3"


def test_voice_trimmed_to_stated_length():
    p = plan("20 seconds", [*IMAGES, aud("vo.mp3", 28_000)])
    v = p.timeline.track(Role.VOICE).segments[0]
    assert v.duration == 20_000
    assert any("cut off" in n for n in p.notes)


def test_clips_fill_slots_from_start():
    c1, c2 = clip("city.mp4", 4000), clip("beach.mp4", 60_000)
    tl = plan("20 seconds", [IMAGES[0], c1, c2]).timeline
    main = tl.track(Role.MAIN).segments
    assert_valid(tl)
    assert main[1].src == c1.id and main[1].duration == 4000 and main[1].in_ms == 0
    assert main[2].duration <= 60_000 and main[-1].end == 20_000
    assert main[1].motion is Motion.NONE and main[0].motion is not Motion.NONE


def test_clips_without_duration_use_own_length_capped():
    tl = plan("make a video", [clip("a.mp4", 8000), clip("b.mp4", 40_000)]).timeline
    assert tl.duration == 8000 + 15_000 - 500  # less the crossfade overlap
    assert_valid(tl)


def test_clips_too_short_for_stated_length():
    p = plan("60 seconds", [clip("a.mp4", 5000), clip("b.mp4", 5000)])
    assert p.timeline.duration < 60_000
    assert any("only add up" in n for n in p.notes)
    assert_valid(p.timeline)


def test_clip_sound_muted_under_voice():
    tl = plan("x", [clip("a.mp4", 5000), VO]).timeline
    assert tl.track(Role.MAIN).segments[0].mute


def test_many_images_short_video_stays_valid():
    many = [img(f"p{i}.jpg", i) for i in range(40)]
    tl = plan("5 seconds", many).timeline
    assert_valid(tl)
    assert tl.duration == 5000


def test_length_clamped():
    p = plan("make it 2 hours long, 200 minutes", IMAGES)
    assert p.timeline.duration == C.MAX_TOTAL_MS
    assert any("capped" in n for n in p.notes)


def test_deterministic_ids():
    a = plan(PROMO, [*IMAGES, VO, BGM])
    b = plan(PROMO, [*IMAGES, VO, BGM])
    assert a == b
    ids = [s.id for t in a.timeline.tracks for s in t.segments]
    assert ids[:5] == ["v1", "v2", "v3", "v4", "v5"] and "a1" in ids and "t1" in ids


def test_duplicate_assets_reused():
    tl = plan("x", [IMAGES[0], IMAGES[0], IMAGES[1]]).timeline
    assert len(tl.assets) == 2
    assert len(tl.track(Role.MAIN).segments) == 3


def test_custom_transition():
    tl = plan("30 seconds, fade through black, 1-second transitions", IMAGES).timeline
    seg = tl.track(Role.MAIN).segments[1]
    assert isinstance(seg, VideoSegment) and seg.transition is Transition.FADE_BLACK


@pytest.mark.parametrize(("instruction", "cta"), [
    ("a promo", "Shop now"), ("summer sale video", "Shop the sale"), ("webinar teaser", "Register now"),
    ("a trip video", "Learn more"), ("做成宣传视频", "立即购买"), ("旅行视频", "了解更多"),
])
def test_call_to_action(instruction, cta):
    assert on_screen.call_to_action(instruction) == cta


def test_copy_follows_the_main_language_not_a_chinese_style_word():
    p = plan("10 second instagram reel, 简约风格, with text overlays, title 'Eight shots, ten seconds'",
             [*IMAGES, BGM])
    assert texts(p.timeline, Role.CTA)[0].text == "Learn more"
    assert on_screen.call_to_action("app promo, 简约风格") == "Download now"
    assert on_screen.call_to_action("做一个App宣传视频") == "立即下载"


@pytest.mark.parametrize("instruction", [
    "10 second instagram reel, title 'Eight shots, a long headline to test wrapping of the title'",
    "a happy birthday video", "our apple orchard",
])
def test_app_inside_a_word_is_not_an_app(instruction):
    # user test s7 item 7: "wr-app-ing" in the title made the call to action "Download now"
    assert on_screen.call_to_action(instruction) == "Learn more"


def test_doctests():
    for module in (C, file_names, on_screen, slots):
        assert doctest.testmod(module).failed == 0, module.__name__


@pytest.mark.parametrize(("instruction", "subject"), [
    ("make a promotional video for Urban Dreams sneakers with text overlays", "Urban Dreams Sneakers"),
    ("make a video for my bakery with text overlays", "Bakery"),
    ("video of our trip to Japan", "Trip to Japan"),
    ("a 30-second promo video for the summer sale, vertical", "Summer Sale"),
    ("为城市之梦运动鞋做一个宣传视频", "城市之梦运动鞋"),
    ("a promo video for TikTok", None),
    ("video for 30 seconds", None),
    ("video for these photos", None),
    ("给这些照片配上音乐做成视频", None),
    ("combine these images and audio into a 30-second promotional video with text overlays", None),
    # an apostrophe inside a name is no quote (the title was 'Hopper', 'Joe', 'McDonald')
    ("make a vertical instagram reel for Hopper's Cafe with captions and upbeat music", "Hopper's Cafe"),
    ("a promo for Hopper’s Cafe", "Hopper’s Cafe"),
    ("a 15 second ad for McDonald's", "McDonald's"),
    ("a reel for O'Reilly's Pub", "O'Reilly's Pub"),
    ("a promo for 'Summer Sale' with music", None),  # quoted: the quote reader's
    ("tiktok for hoppers cafe pls, captions, no music", "Hoppers Cafe"),  # was 'Hoppers Cafe Pls'
    ("a promo for Joe's Pizza please", "Joe's Pizza"),
])
def test_subject_of(instruction, subject):
    assert on_screen.subject_of(instruction) == subject


@pytest.mark.parametrize(("name", "caption"), [
    ("02-red-sneaker.jpg", "Red Sneaker"), ("beach_sunset-2.jpg", "Beach Sunset"), ("IMG_0001.JPG", None),
    ("DSC_0042.JPG", None), ("shot1.png", None), ("PXL_20240101_123456789.jpg", None),
    ("WhatsApp Image 2024-01-01 at 10.22.33.jpeg", None), ("photo-2024-05-01.jpg", None),
    ("红色运动鞋.jpg", "红色运动鞋"), ("productHero.png", "Product Hero"),
    # user test s7 item 10: words about the file, not the picture, never reach the screen
    ("exif_rot6_hopper.jpg", "Hopper"), ("clip_noaudio.mp4", None), ("beachNoAudio.mp4", "Beach"),
    ("tiny_chelsea_200x150.jpg", "Chelsea"), ("huge_flower_6000x4000.jpg", "Flower"),
    ("cmyk_coffee.jpg", "Coffee"), ("bottle_cutout_alpha.png", "Bottle"), ("city_final_v2_copy.jpg", "City"),
    ("logo.png", None), ("acme-logo-white.png", None), ("brandIcon.png", None), ("品牌水印.png", None),
    ("iconic-view.jpg", "Iconic View"),
    ("产品图1.png", None), ("产品图2.png", None), ("图片02.jpg", None), ("照片3.jpg", None),
    ("红色运动鞋2.jpg", "红色运动鞋"),
    # user test s8: the picture's shape is not what it shows ("Rocket Tall" was on screen)
    ("rocket_tall.jpg", "Rocket"), ("city-wide.jpg", "City"), ("mountain_landscape_16x9.jpg", "Mountain"),
    # user test s9: a pixel-density suffix was on screen ("Hero Shot@2x"); "new" that is part of
    # the name was dropped ("Arrivals", "York Skyline"), as a version word it still goes
    ("hero-shot@2x.png", "Hero"), ("red-sneaker@3x.png", "Red Sneaker"), ("banner@1.5x.jpg", "Banner"),
    ("new-arrivals-thumbnail.jpg", "New Arrivals"), ("NewArrivals.png", "New Arrivals"),
    ("new-york-skyline.jpg", "New York Skyline"), ("beach_new.jpg", "Beach"), ("new_final_beach.jpg", "Beach"),
    ("new_photo.jpg", None), ("new.jpg", None),
])
def test_caption_from_name(name, caption):
    assert file_names.caption_from_name(name) == caption


@pytest.mark.parametrize(("instruction", "title"), [
    ("做一个15秒的竖屏宣传视频，标题是'城市之光'，背景音乐小一点", "城市之光"),  # ASCII quotes in Chinese
    ("做一个15秒的竖屏宣传视频，标题是“城市之光”，背景音乐小一点", "城市之光"),
    ("做一个15秒的竖屏宣传视频，标题是城市之光，背景音乐小一点", "城市之光"),
    ("竖屏宣传视频，标题：城市之光", "城市之光"),
    ("宣传视频，标题就叫城市之光吧", "城市之光"),
    ("标题是城市之光的竖屏宣传视频", "城市之光"),
    ("a 15-second promo, title: City Lights", "City Lights"),
    ("a 15-second promo titled City Lights with music at 20%", "City Lights"),
    ("a promo titled city lights, vertical", "City Lights"),
    ("a promo titled Love in Paris for TikTok", "Love in Paris"),
])
def test_title_from_the_instruction(instruction, title):
    p = plan(instruction, [img("产品图1.png", 1), img("coffee.jpg", 2), BGM])
    assert [s.text for s in texts(p.timeline, Role.TITLE)] == [title]
    assert not any("stock phrase" in n for n in p.notes)


@pytest.mark.parametrize("instruction", [
    "a promo with titles and captions", "promo, the title is too small", "宣传视频，标题要大一点，加字幕",
    "promo with a title at the top and text overlays", "promo, title: none", "宣传视频，标题：无",
])
def test_title_words_that_give_no_title(instruction):
    assert on_screen.title_in(instruction) is None


def test_no_english_file_name_captions_in_a_chinese_video():
    files = [img("产品图1.png", 1), img("红色运动鞋.jpg", 2), img("coffee.jpg", 3), img("logo.png", 4)]
    p = plan("做一个15秒的竖屏宣传视频，加上文字", files)
    assert [s.text for s in texts(p.timeline, Role.CAPTION)] == ["红色运动鞋"]
    assert any("No caption from 'coffee.jpg'" in n for n in p.notes)
    assert not any("say nothing about the pictures" in n for n in p.notes)
    # the same names in an English video: the English one is a caption
    p = plan("a 15-second promo with text overlays", files)
    assert [s.text for s in texts(p.timeline, Role.CAPTION)] == ["红色运动鞋", "Coffee"]
    # nor does a theme of English names title a Chinese video
    p = plan("做一个宣传视频，加上文字", [img("01-red-sneaker.jpg", 1), img("02-blue-sneaker.jpg", 2)])
    assert texts(p.timeline, Role.TITLE)[0].text == "新品上市"


def test_a_byte_identical_copy_is_used_once_and_said():
    a = img("产品图1.png", 1)
    same = a.model_copy(update={"name": "sk_china.jpg", "path": "/m/sk_china.jpg"})  # same bytes, same id
    p = plan("a promo", [a, img("coffee.jpg", 2), BGM], copies=[same, a])
    assert [s.src for s in p.timeline.track(Role.MAIN).segments] == [a.id, "img2-coffee.jpg"]
    assert [x.id for x in p.timeline.assets].count(a.id) == 1
    assert "产品图1.png and sk_china.jpg are the same picture: used once." in p.notes
    assert "产品图1.png was given twice: used once." in p.notes
    assert not any("used once" in n for n in plan("a promo", [a, img("coffee.jpg", 2)]).notes)


def test_instagram_note_and_music_level_without_music():
    p = plan("for Instagram, music at 30%", IMAGES)
    assert (p.timeline.width, p.timeline.height) == (1080, 1080)
    assert any("square feed post" in n for n in p.notes)
    assert any("no music file" in n for n in p.notes)


def test_title_for_three_seconds_is_not_the_length():
    tl = plan("add the title 'Go' for 3 seconds", [*IMAGES, VO]).timeline
    assert tl.duration == 28_000


def test_quoted_file_names_are_not_text():
    tl = plan("use 'bgm.mp3' as the music", [*IMAGES, BGM]).timeline
    assert roles(tl) == ["main", "music"]
    tl = plan('with captions, music "bgm.mp3"', [*IMAGES, BGM]).timeline
    assert texts(tl, Role.TITLE)[0].text != "bgm.mp3"


def test_stock_title_when_nothing_names_the_subject():
    p = plan("a promo with text overlays", [img("IMG_1.jpg", 1), img("IMG_2.jpg", 2)])
    assert texts(p.timeline, Role.TITLE)[0].text == "Discover Something New"
    assert any("stock phrase" in n for n in p.notes)


@pytest.mark.parametrize(("instruction", "music", "voice"), [
    ("30-second promo, 背景音乐小一点", 0.35 * 0.7, 1.0),
    ("宣传视频，音乐大声点", 0.35 * 1.5, 1.0),
    ("宣传视频，人声清楚一些", 0.35 * 0.7, 1.0),
    ("30-second promo, make the music a little quieter", 0.35 * 0.7, 1.0),
    ("promo with the music louder", 0.35 * 1.5, 1.0),
    ("promo, make the voice clearer", 0.35 * 0.7, 1.0),
    ("promo, voiceover louder", 0.35, 1.5),
    ("promo, music at 20% and a bit quieter voice", 0.20, 0.7),  # an absolute level wins for its role
    ("promo with background music and a voiceover", 0.35, 1.0),  # naming both roles is not a level
])
def test_relative_levels_in_first_instruction(instruction, music, voice):
    tl = plan(instruction, [*IMAGES[:2], VO, BGM]).timeline
    assert tl.track(Role.MUSIC).segments[0].volume == pytest.approx(music, abs=1e-3)
    assert tl.track(Role.VOICE).segments[0].volume == pytest.approx(voice, abs=1e-3)


def test_relative_levels_match_the_edit_factors():
    from reelforge.planner.rules import plan_edit

    tl = plan("promo", [*IMAGES[:2], VO, BGM]).timeline
    for phrase in ("背景音乐小一点", "音乐大声点", "music quieter"):
        (op,) = plan_edit(phrase, tl).ops
        assert C.relative_levels(phrase)[0] == pytest.approx(op.factor)
    notes = " ".join(plan("宣传视频，背景音乐小一点", [*IMAGES[:2], VO, BGM]).notes)
    assert "Music at 24% (35% x0.7, as asked)" in notes


JUNK_NAMES = ["IMG_1234.JPG", "DSC_0042_edit.jpg", "PXL_20240101_123456789.jpg", "20240501_123000.jpg",
              "Screenshot 2024-05-01 at 10.22.33.png", "IMG_2041 copy.heic", "video_2024_05.mp4", "my_photo_2.png",
              "WhatsApp Image 2024-01-01 at 12.00.00.jpeg", "DSCN0001.JPG", "MVIMG_20230101_101010.jpg"]


@pytest.mark.parametrize("aspect", ["", "vertical ", "square "])
def test_no_file_name_junk_on_screen(aspect):
    assets = [img(n, i) for i, n in enumerate([*JUNK_NAMES, "hubble_deep_field.png", "02-red-sneaker.jpg"])]
    tl = plan(f"{aspect}promo with text overlays and captions", assets).timeline
    shown = [s.text for t in tl.tracks if t.kind.value == "text" for s in t.segments]
    assert shown and not any(file_names.is_file_junk(t) for t in shown), shown
    assert "Hubble Deep Field" in shown and "Red Sneaker" in shown
    for junk in ("IMG", "DSC", "PXL", "_", ".jpg", "2024"):
        assert not any(junk.lower() in t.lower() for t in shown), (junk, shown)


def test_a_brand_the_names_share_is_the_title_and_leaves_the_captions():
    assets = [img(n, i) for i, n in enumerate(["01-aurora-glass-bottle.jpg", "02-aurora-steel-watch.jpg",
                                                "03-aurora-mug.jpg"])]
    tl = plan("promo with text overlays", assets).timeline
    assert texts(tl, Role.TITLE)[0].text == "Aurora"
    # the brand leaves a caption only when two words remain
    assert [s.text for s in texts(tl, Role.CAPTION)] == ["Glass Bottle", "Steel Watch", "Aurora Mug"]


@pytest.mark.parametrize("instruction", [
    "Quick 15 sec teaser for our coffee launch, punchy cuts, end card 'Pre-order now'",
    "15s teaser, end screen: 'Pre-order now'",
    "teaser with the ending 'Pre-order now'",
])
def test_an_end_card_is_the_call_to_action(instruction):
    # "end card 'Pre-order now'" became the opening title (0-3 s)
    tl = plan(instruction, IMAGES).timeline
    ctas = [s for t in tl.tracks if t.role is Role.CTA for s in t.segments]
    titles = [s.text for t in tl.tracks if t.role is Role.TITLE for s in t.segments]
    assert [s.text for s in ctas] == ["Pre-order now"] and ctas[0].end == tl.duration
    assert "Pre-order now" not in titles


@pytest.mark.parametrize("instruction,music", [
    ("shorts w/ subtitles + music low", 0.5), ("shorts with quiet music", 0.5), ("keep the music down", 0.5),
    ("not too loud music", 0.5), ("the music is too loud", 0.5), ("loud music", 1.5),
    ("soft piano music", 1.0), ("background music", 1.0), ("upbeat music", 1.0),
])
def test_music_level_words_in_a_first_instruction(instruction, music):
    # "music low", "quiet music", "not too loud" left the bed at its default level
    assert C.relative_levels(instruction)[0] == music
