"""The AI features through the session, with the real models on tiny inputs.

The session runs the model, the result travels as data in an op (set_captions, add_voiceover,
set_focus, beat_sync, set_in_point), so undo/redo never run a model again.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from PIL import Image

from reelforge import ai
from reelforge.planner import follow_speech
from reelforge.planner import ops as O
from reelforge.planner.follow_speech import phrase_start
from reelforge.session import Session
from reelforge.timeline import Role

from ._clips import write_clip
from ._images import make_set
from ._signals import click_track, write_wav
from .conftest import SCRIPT

pytestmark = pytest.mark.slow


def _images(d, n=3, size=(320, 180)):
    paths = []
    for i in range(n):
        p = d / f"shot{i + 1}.jpg"
        Image.new("RGB", size, (40 * i + 30, 90, 160)).save(p)
        paths.append(p)
    return paths


def _session(tmp_path, files, prompt):
    s = Session.new()
    s.add_assets(files, workdir=tmp_path / "media")
    r = s.handle(prompt)
    assert r.changed, r.message
    return s


def _forbid_models(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("a model ran again")
    for name in ("transcribe", "synthesize", "detect_beats", "focus_point", "video_focus", "best_window"):
        monkeypatch.setattr(ai, name, boom, raising=False)


def test_add_captions_transcribes_the_voiceover(tmp_path, spoken_sentence, monkeypatch):
    wav, info, script = spoken_sentence
    s = _session(tmp_path, [*_images(tmp_path), wav], "a short promo")
    r = s.handle("add captions")
    assert r.status == "ok" and r.changed, r.message
    caps = s.timeline.track(Role.CAPTION).segments
    assert caps and all(c.position.value == "bottom" and c.size.value == "large" for c in caps)
    assert all(len(line) <= 34 for c in caps for line in c.text.split("\n"))
    assert all(c.text.count("\n") <= 1 for c in caps)
    heard = " ".join(c.text.replace("\n", " ") for c in caps)
    assert ai.word_error_rate(script, heard) <= 0.25, heard
    assert f"Captions: {len(caps)} line" in r.summary and "(auto)" in r.summary
    assert [o.op for o in r.ops] == ["set_captions"]
    # the result is data: undo/redo and a reload never run the model again
    _forbid_models(monkeypatch)
    s.undo()
    assert s.timeline.track(Role.CAPTION) is None
    s.redo()
    assert s.timeline.track(Role.CAPTION).segments == caps
    again = Session.from_json(s.to_json())
    assert again.timeline == s.timeline
    # captions are ordinary text afterwards
    r = s.handle("make the captions yellow")
    assert r.changed and {c.color for c in s.timeline.track(Role.CAPTION).segments} == {"#FFD400"}
    assert s.handle("remove captions").changed and s.timeline.track(Role.CAPTION) is None


def test_voiceover_from_text_refits_and_captions_follow_the_script(tmp_path):
    pytest.importorskip("piper")
    s = _session(tmp_path, _images(tmp_path, 1), "a promo")  # 3.5 s: the voice is longer
    before = s.timeline.duration
    r = s.handle(f'add a voiceover saying "{SCRIPT}" with captions')
    assert r.status == "ok", r.message
    voice = s.timeline.track(Role.VOICE).segments
    assert len(voice) == 1
    asset = s.timeline.asset(voice[0].src)
    assert 2500 <= asset.duration_ms <= 9000  # ~4.4 s of speech
    assert voice[0].duration == asset.duration_ms
    assert s.timeline.duration == asset.duration_ms + 500 != before  # refit to the voice
    caps = s.timeline.track(Role.CAPTION).segments
    words = " ".join(c.text.replace("\n", " ") for c in caps)
    assert ai.word_error_rate(SCRIPT, words) == 0.0  # the script's own words, heard timings
    assert "Voiceover: tts" in r.summary
    assert [o.op for o in r.ops][:2] == ["add_voiceover", "fit_to_voice"]


def test_voiceover_does_not_refit_when_a_length_was_asked(tmp_path):
    pytest.importorskip("piper")
    s = _session(tmp_path, _images(tmp_path), "a 12-second promo")
    r = s.handle("add a voiceover saying 'Hello there.'")
    assert r.status == "ok", r.message
    assert s.timeline.duration == 12000
    assert "fit_to_voice" not in [o.op for o in r.ops]


def test_cut_to_the_beat_puts_cuts_on_beats(tmp_path):
    audio, times = click_track(120, seconds=14.0, sr=22050, start=0.5)
    music = write_wav(tmp_path / "click.wav", audio, 22050)
    s = _session(tmp_path, [*_images(tmp_path, 4), music], "a 12-second video with background music")
    r = s.handle("cut to the beat")
    assert r.status == "ok", r.message
    main = s.timeline.track(Role.MAIN).segments
    assert s.timeline.duration == 12000 and main[-1].end == 12000
    music_seg = s.timeline.track(Role.MUSIC).segments[0]
    beats_on_tl = times * 1000 + music_seg.start - music_seg.in_ms
    for seg in main[1:]:
        assert seg.transition.value == "cut"
        assert np.min(np.abs(beats_on_tl - seg.start)) <= 30, seg.start
    assert s.handle("卡点").status == "ok"


def test_vertical_cut_of_an_off_centre_subject_gets_a_focus_near_it(tmp_path):
    case = next(c for c in make_set(tmp_path) if c.name == "landscape-detail-right")
    s = _session(tmp_path, [case.path], "a vertical video for TikTok")
    seg = s.timeline.track(Role.MAIN).segments[0]
    x, y, w, h = case.subject
    fx, fy = (x + w / 2) / case.size[0], (y + h / 2) / case.size[1]
    assert seg.focus is not None
    assert abs(seg.focus[0] - fx) < 0.12 and abs(seg.focus[1] - fy) < 0.2, (seg.focus, fx, fy)
    assert "Smart crop: 1 shot" in s.handle("status").message
    # a cover crop at render time keeps the subject inside the frame
    crop = ai.crop_for_focus(*case.size, 1080, 1920, *seg.focus)
    assert crop[0] <= x and x + w <= crop[0] + crop[2]
    # centre crop turns it off, smart crop on again
    assert s.handle("centre crop").changed and s.timeline.track(Role.MAIN).segments[0].focus is None
    assert s.handle("智能裁剪").changed and s.timeline.track(Role.MAIN).segments[0].focus is not None


def test_frame_change_reframes(tmp_path):
    case = next(c for c in make_set(tmp_path) if c.name == "landscape-face-right")
    s = _session(tmp_path, [case.path], "a video")  # 16:9 like the photo: the zoom/pan target only
    seg = s.timeline.track(Role.MAIN).segments[0]
    assert seg.subject is not None and seg.fit.value == "cover"
    r = s.handle("make it vertical")
    # the subject box is the picture's own: a new frame re-plans only the fit (a crop still holds it)
    assert [o.op for o in r.ops] == ["set_frame"]
    seg = s.timeline.track(Role.MAIN).segments[0]
    assert seg.fit.value == "cover"
    assert seg.focus[0] > 0.7  # the face is on the right
    x, y, w, h = case.subject
    x0, y0, x1, y1 = seg.subject
    assert x0 * case.size[0] <= x + w / 2 <= x1 * case.size[0]  # the box is on the face


def test_reframe_without_faces_degrades_to_saliency(tmp_path, monkeypatch):
    from reelforge.media import subject

    monkeypatch.setattr(subject, "faces", lambda rgb: None)
    case = next(c for c in make_set(tmp_path) if c.name == "landscape-detail-left")
    s = _session(tmp_path, [case.path], "a vertical video")
    assert s.timeline.track(Role.MAIN).segments[0].focus is not None  # saliency still finds the detail


def test_missing_ai_extra_is_one_clear_reply(tmp_path, spoken_sentence, monkeypatch):
    wav, _, _ = spoken_sentence
    s = _session(tmp_path, [*_images(tmp_path), wav], "a promo")
    before = s.timeline

    def missing(*a, **k):
        raise ai.AIExtraMissing("captions (speech recognition)", "faster-whisper")
    monkeypatch.setattr(ai, "transcribe", missing)
    r = s.handle("加字幕")
    assert r.status == "error" and not r.changed
    assert "pip install 'reelforge[ai]'" in r.message
    assert s.timeline == before


def test_highlights_pick_the_moving_part(tmp_path):
    clip = write_clip(tmp_path / "long.mp4", 10.0, moving=(6.0, 9.0), fps=10)
    s = _session(tmp_path, [clip], "a 3-second video")
    seg = s.timeline.track(Role.MAIN).segments[0]
    assert 5000 <= seg.in_ms <= 7000, seg.in_ms  # the first cut takes the active part
    r = s.handle("use the best 2 seconds of the clip")
    assert r.status == "ok", r.message
    seg = s.timeline.track(Role.MAIN).segments[0]
    assert seg.duration == 2000 and 5500 <= seg.in_ms <= 7500, seg


def test_the_best_seconds_of_a_clip_shorter_than_asked_say_it_plays_in_full(tmp_path):
    """"the best 8 seconds" of a 4 s clip that already plays whole answered "it already was"."""
    clip = write_clip(tmp_path / "interview.mp4", 4.0, moving=(1.0, 3.0), fps=10)
    s = _session(tmp_path, [clip, *_images(tmp_path, 2)], "a 10-second video")
    r = s.handle("use the best 8 seconds of the interview")  # its slot was shorter: now all of it
    assert r.status == "ok" and s.timeline.track(Role.MAIN).segments[0].duration == 4000, r.message
    before = s.timeline
    r = s.handle("trim the interview to the best 8 seconds")
    assert r.status == "error" and not r.changed and s.timeline == before
    assert "interview.mp4 is only 4s long and already plays in full" in r.message
    assert s.handle("use the best 2 seconds of the interview").status == "ok"  # a shorter part still works
    assert s.timeline.track(Role.MAIN).segments[0].duration == 2000


def test_trim_the_silence_of_the_voiceover(tmp_path):
    sr = 22050
    t = np.arange(int(2.0 * sr)) / sr
    tone = 0.3 * np.sin(2 * np.pi * 220 * t)
    audio = np.concatenate([np.zeros(sr), tone, np.zeros(int(1.5 * sr))])
    vo = write_wav(tmp_path / "vo.wav", audio, sr)
    s = _session(tmp_path, [*_images(tmp_path), vo], "a promo with voiceover")
    r = s.handle("trim the silence")
    assert r.status == "ok", r.message
    v = s.timeline.track(Role.VOICE).segments[0]
    assert 800 <= v.in_ms <= 1000 and 2000 <= v.duration <= 2400, v
    assert s.timeline.duration == v.duration + 500


def test_use_my_brand(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (64, 64), (255, 90, 31)).save(logo)
    (tmp_path / "brand.json").write_text(json.dumps({
        "name": "Aurora", "logo": "logo.png", "cta": "Shop now at aurora.run",
        "intro": {"text": "Aurora", "duration_ms": 1000}}))
    s = _session(tmp_path, _images(tmp_path), "a 6-second promo")
    s.base_dir = str(tmp_path)
    s.local_files = True  # the local user (CLI): the project folder's brand.json is theirs
    r = s.handle("use my brand")
    assert r.status == "ok", r.message
    tl = s.timeline
    assert tl.duration == 7000 and tl.track(Role.MAIN).segments[0].id == "brand-intro"
    assert tl.track(Role.LOGO) is not None and tl.track(Role.CTA).segments[0].text == "Shop now at aurora.run"
    assert "Brand kit" in r.summary
    assert [o.op for o in r.ops] == ["apply_brand"]
    assert O.parse_ops(O.dump_ops(r.ops)) == list(r.ops)


def test_a_clip_added_into_a_short_slot_plays_its_active_part(tmp_path):
    long = write_clip(tmp_path / "long.mp4", 10.0, moving=(6.0, 9.0), fps=10)
    s = _session(tmp_path, _images(tmp_path, 2), "a 6-second video")
    s.add_assets([long], workdir=tmp_path / "media")
    r = s.handle("add long.mp4 at the end")
    assert r.status == "ok", r.message
    seg = s.timeline.track(Role.MAIN).segments[-1]
    assert seg.in_ms == 0 and seg.duration == 10000  # plays in full: nothing to choose
    r = s.handle("make the clip 3 seconds")
    assert r.status == "ok"
    assert s.handle("use the best part of the clip").status == "ok"
    seg = s.timeline.track(Role.MAIN).segments[-1]
    assert seg.duration == 3000 and 5000 <= seg.in_ms <= 7000, seg


def test_voiceover_from_a_script_file_next_to_the_project(tmp_path):
    pytest.importorskip("piper")
    (tmp_path / "script.txt").write_text("Fresh coffee every morning. Try it free today.\n")
    s = _session(tmp_path, _images(tmp_path), "a promo")
    s.save(tmp_path / "promo.reel.json")
    s = Session.load(tmp_path / "promo.reel.json", local_files=True)
    r = s.handle("voiceover from script.txt with captions")
    assert r.status == "ok", r.message
    caps = [c.text for c in s.timeline.track(Role.CAPTION).segments]
    assert caps == ["Fresh coffee every morning.", "Try it free today."]
    assert s.handle("voiceover from missing.txt").status == "error"


def test_mandarin_voiceover_with_captions(tmp_path):
    import shutil

    if not (shutil.which("espeak-ng") or shutil.which("espeak")):
        pytest.skip("needs espeak-ng for Mandarin")
    s = _session(tmp_path, _images(tmp_path), "一个宣传视频")
    r = s.handle("配音“欢迎光临，新品上市”并加字幕")
    assert r.status == "ok", r.message
    voice = s.timeline.track(Role.VOICE).segments[0]
    assert 1000 <= voice.duration <= 6000
    caps = s.timeline.track(Role.CAPTION).segments
    # every character in order (a cue that ends at the comma does not show it)
    assert "".join(c.text for c in caps).replace("\n", "").replace("，", "") == "欢迎光临新品上市"
    assert caps[-1].end >= voice.duration * 0.6  # spread over the speech, not bunched up


def test_first_cut_copy_comes_from_what_the_voiceover_says(tmp_path):
    """With the ai extra and a voiceover: the title is the product the voice names and the
    captions its key phrases, timed to when they are said; no camera file names on screen."""
    pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.tts import synthesize

    script = ("Meet Bluebird, the lightest running shoe we have ever made. Breathable mesh keeps your feet cool. "
              "Bluebird comes in five bold colours.")
    vo = tmp_path / "voiceover.wav"
    synthesize(script, vo, "en")
    shots = []
    for i in range(3):
        p = tmp_path / f"IMG_{4021 + i}.jpg"
        Image.new("RGB", (320, 180), (40 * i + 30, 90, 160)).save(p)
        shots.append(p)
    s = Session.new()
    s.add_assets([*shots, vo], workdir=tmp_path / "media")
    r = s.handle("a promo with text overlays")
    assert r.changed, r.message
    tl = s.timeline
    # the name as the speech model heard it: "Bluebird", or "Blue Bird" (seen once in CI, the model's
    # decoding under load; the letters are the name either way)
    letters = lambda text: "".join(ch for ch in text.lower() if ch.isalnum())  # noqa: E731
    assert letters(tl.track(Role.TITLE).segments[0].text) == "bluebird", tl.track(Role.TITLE).segments[0].text
    caps = tl.track(Role.CAPTION).segments
    assert caps, r.message
    for c in caps:
        assert "img" not in c.text.lower() and not any(ch.isdigit() for ch in c.text)
        assert 1 <= len(c.text.split()) <= 4 and "bluebird" not in letters(c.text)
    said = " ".join(c.text.lower() for c in caps)
    assert "lightest" in said or "running" in said or "mesh" in said, said
    assert any("Text from what the voiceover says" in n for n in r.notes)


def test_the_voiceover_is_heard_once_beside_the_subject_search(tmp_path, monkeypatch):
    """The first cut's look at the voiceover and its transcription run in a background thread
    while the pictures' subjects are found, once each, and the copy comes from them."""
    pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    import threading

    from reelforge.ai import captions
    from reelforge.ai.tts import synthesize

    vo = tmp_path / "voiceover.wav"
    synthesize("Meet Bluebird, the lightest running shoe we have ever made.", vo, "en")
    calls: list[tuple[str, str]] = []
    for mod, name in ((ai, "transcribe"), (captions, "detect_language")):
        real = getattr(mod, name)

        def spy(*a, _real=real, _name=name, **k):
            calls.append((_name, threading.current_thread().name))
            return _real(*a, **k)
        monkeypatch.setattr(mod, name, spy)
    s = Session.new()
    s.add_assets([*_images(tmp_path), vo], workdir=tmp_path / "media")
    r = s.handle("a promo with text overlays")
    assert r.changed, r.message
    assert calls == [("detect_language", "reelforge-speech"), ("transcribe", "reelforge-speech")], calls
    letters = "".join(ch for ch in s.timeline.track(Role.TITLE).segments[0].text.lower() if ch.isalnum())
    assert letters == "bluebird", r.message
    tr = s.stage.heard(str(next(a.path for a in s.library if a.kind.value == "audio")))
    assert tr is not None and any("lightest" in w.text.lower() for w in tr.words)


def test_centre_crop_undoes_the_blurred_fills_it_chose(tmp_path):
    from ..render._photos import write_photos

    # a photo whose subject no 9:16 crop holds (which ones do changes as detection improves: the
    # coffee cup did until GrabCut tightened its box), so the plan fits it over a blurred fill
    for photo in write_photos(tmp_path / "p", ["camera", "china", "coffee"]):
        s = _session(tmp_path / photo.name, [photo.path], "a vertical video")
        seg = s.timeline.track(Role.MAIN).segments[0]
        if seg.fit.value == "blur":
            break
    assert seg.fit.value == "blur" and seg.subject is not None, "no photo was given a blurred fill"
    assert s.handle("centre crop").changed
    seg = s.timeline.track(Role.MAIN).segments[0]
    assert seg.fit.value == "cover" and seg.subject is None and seg.focus is None


def test_a_first_cut_caption_keeps_the_noun_of_what_the_voice_says(tmp_path):
    """espeak-ng's en-us+m7 voice (new-user round 5), heard by faster-whisper: "Built for the
    open road." was captioned "Built for the Open" (the densest four words, the road cut off);
    now "Open Road", shown from when "open" is said."""
    import shutil
    import subprocess

    vo = tmp_path / "voice_m7.wav"
    subprocess.run([shutil.which("espeak-ng") or "espeak-ng", "-v", "en-us+m7", "-s", "155", "-w", str(vo),
                    "Meet the Voyager bike. Built for the open road. Light, quick and ready when you are. "
                    "Ride one this weekend."], check=True)
    s = _session(tmp_path, [*_images(tmp_path, 4), vo], "a 12-second ad for the Voyager bike with text overlays")
    caps = [c.text for c in s.timeline.track(Role.CAPTION).segments]
    assert "Open Road" in caps, caps
    assert not any(c.endswith(("the Open", "Open")) and "Road" not in c for c in caps), caps


def test_no_first_cut_caption_repeats_the_title_the_instruction_gave(tmp_path):
    """espeak-ng's en-sc voice says "Northwind Labs." and faster-whisper hears "not windlabs.":
    under the title 'Northwind Labs' (from the instruction) the first caption read "Windlabs"
    (new-user round 5). A caption saying (part of) the title again is left out; the next key
    phrase takes the shot."""
    import re
    import shutil
    import subprocess

    vo = tmp_path / "voice_scottish.wav"
    subprocess.run([shutil.which("espeak-ng") or "espeak-ng", "-v", "en-sc", "-s", "150", "-w", str(vo),
                    "Northwind Labs. Precision imaging for every lab. From tissue to the deep sky, see every "
                    "detail. Book your demo today."], check=True)
    s = _session(tmp_path, [*_images(tmp_path, 5), vo], "vertical 20-second promo for Northwind Labs with text overlays")
    assert s.timeline.track(Role.TITLE).segments[0].text == "Northwind Labs"
    caps = [c.text for c in s.timeline.track(Role.CAPTION).segments]
    title = "northwindlabs"
    for c in caps:
        letters = re.sub(r"\W|_", "", c.lower())
        assert not (letters in title and 2 * len(letters) >= len(title)) and title not in letters, caps


def test_a_title_named_without_quotes_survives_the_voiceovers_copy(tmp_path):
    """"标题是城市之光，结尾写关注我们" / "the title is City Lights, end with follow us" with a voiceover
    naming its product: the title and ending the instruction gave stay (the voiceover's name replaced
    the title, and the unquoted ending was dropped); captions still come from what is said."""
    pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.tts import synthesize

    vo = tmp_path / "voiceover.wav"
    synthesize("Meet Bluebird, the lightest running shoe we have ever made. Breathable mesh keeps your feet cool.",
               vo, "en")
    for text, title, cta in (("a 12 second promo, the title is City Lights, end with follow us", "City Lights",
                              "Follow us"),
                             ("做一个12秒的宣传视频，标题是城市之光，结尾写关注我们", "城市之光", "关注我们")):
        s = _session(tmp_path / title, [*_images(tmp_path, 3), vo], text)
        tl = s.timeline
        assert [x.text for x in tl.track(Role.TITLE).segments] == [title]
        assert [x.text for x in tl.track(Role.CTA).segments] == [cta]
        assert tl.track(Role.CAPTION) is not None and tl.track(Role.CAPTION).segments  # from the speech


def test_a_quoted_ending_keeps_only_itself_from_the_voiceovers_copy(tmp_path):
    """"… with captions, end with 'Order online at sweetcrumbs.com'" over a voiceover (s17): the one
    quote made the whole cut keep its file-name captions ("Chelsea", "Motorcycle" in a bakery reel).
    The quoted text keeps the track it became; the captions still come from what is said, and none
    repeats the quote. Quoted captions stay as typed."""
    pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.tts import synthesize

    vo = tmp_path / "voiceover.wav"
    synthesize("Meet Bluebird, the lightest running shoe we have ever made. Breathable mesh keeps your feet cool.",
               vo, "en")
    shots = []
    for i, name in enumerate(("chelsea", "motorcycle", "grace_hopper")):
        p = tmp_path / f"{name}.jpg"
        Image.new("RGB", (320, 180), (40 * i + 30, 60, 160)).save(p)
        shots.append(p)
    s = _session(tmp_path / "cta", [*shots, vo],
                 "a 12 second reel for Bluebird with captions, end with 'Order online at bluebird.com'")
    tl = s.timeline
    assert [x.text for x in tl.track(Role.CTA).segments] == ["Order online at bluebird.com"]
    caps = [x.text for x in tl.track(Role.CAPTION).segments]
    assert caps and not any(n in c.lower() for c in caps for n in ("chelsea", "motorcycle", "hopper")), caps
    assert not any("order" in c.lower() for c in caps), caps
    s = _session(tmp_path / "caps", [*shots, vo], "a 12 second reel with captions 'Light' and 'Cool'")
    assert [x.text for x in s.timeline.track(Role.CAPTION).segments][:2] == ["Light", "Cool"]


def test_a_brief_s_words_and_an_occasion_s_greeting_survive_the_voiceovers_copy(tmp_path):
    """A brief of labelled fields ("text: coming soon", "product: … tagline: …") is the words to show,
    as quoted text is: the voiceover's key phrases took the place of "coming soon" (s15). A birthday's
    greeting stays the title, not the name the voice says."""
    pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.tts import synthesize

    vo = tmp_path / "voiceover.wav"
    synthesize("Meet Bluebird, the lightest running shoe we have ever made. Breathable mesh keeps your feet cool.",
               vo, "en")
    for text, texts in (("quick teaser, text: coming soon", {Role.TITLE: ["Coming Soon"]}),
                        ("product: AeroBottle. tagline: stay cold 24h. cta: order today",
                         {Role.TITLE: ["AeroBottle"], Role.CAPTION: ["Stay cold 24h"], Role.CTA: ["Order today"]})):
        tl = _session(tmp_path / str(len(texts)), [*_images(tmp_path, 3), vo], text).timeline
        got = {tr.role: [x.text for x in tr.segments] for tr in tl.tracks if tr.role in (Role.TITLE, Role.CAPTION, Role.CTA)}
        assert got == texts, text
    tl = _session(tmp_path / "bday", [*_images(tmp_path, 3), vo], "birthday video for mom with captions").timeline
    assert [x.text for x in tl.track(Role.TITLE).segments] == ["Happy Birthday, Mom"]


def test_audio_roles_come_from_what_the_files_hold(tmp_path):
    """"sentence.wav" (speech) alone was background music at 80 %, its name saying nothing; with a
    "track01.wav" drum loop beside it the shorter file was the voice by length only. The voice-
    activity model of the ai extra tells them apart (a music bed ~3 % speech, a voice ~100 %)."""
    pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.tts import synthesize

    from ._signals import drum_loop

    talk = tmp_path / "sentence.wav"
    synthesize("Fresh bread every morning. Come and see us on Main Street this weekend.", talk, "en")
    audio, _ = drum_loop(96, seconds=6.0)
    bed = write_wav(tmp_path / "track01.wav", audio, 22050)
    assert ai.speech_share(talk) > 0.6 and ai.speech_share(bed) < 0.2
    s = _session(tmp_path / "one", [*_images(tmp_path, 2), talk], "a promo")
    assert [x.name for x in s.timeline.track(Role.VOICE).segments] == ["sentence.wav"]
    assert s.timeline.track(Role.MUSIC) is None
    # the bed is shorter than the voice: by length alone they were swapped
    s = _session(tmp_path / "two", [*_images(tmp_path, 2), talk, bed], "a promo")
    assert [x.name for x in s.timeline.track(Role.VOICE).segments] == ["sentence.wav"]
    assert [x.name for x in s.timeline.track(Role.MUSIC).segments] == ["track01.wav"]


def _cafe(tmp_path):
    """Photos scikit-image and scikit-learn ship, named as a user would, in a folder's name order."""
    from skimage import data
    from sklearn.datasets import load_sample_images

    pics = {"coffee.jpg": data.coffee(), "delivery.jpg": data.rocket(), "flowers.jpg": load_sample_images().images[1],
            "shop_cat.jpg": data.chelsea()}
    paths = []
    for name, arr in pics.items():
        Image.fromarray(np.asarray(arr)[..., :3]).save(tmp_path / name, quality=90)
        paths.append(tmp_path / name)
    return paths


CAFE_SCRIPT = ("Fresh espresso, pulled the slow way, every single morning. Our shop cat Chelsea keeps the window "
               "seat warm for you. Fresh flowers on every table, and we deliver across town by bike.")


def _cafe_voice(tmp_path, voice: str):
    """CAFE_SCRIPT spoken by Piper or by espeak-ng (en-us), as a WAV in ``tmp_path``."""
    import shutil
    import subprocess

    vo = tmp_path / "voiceover.wav"
    if voice == "piper":
        pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
        from reelforge.ai.tts import synthesize

        synthesize(CAFE_SCRIPT, vo, "en")
    else:
        subprocess.run([shutil.which("espeak-ng") or "espeak-ng", "-v", "en-us", "-s", "150", "-w", str(vo),
                        CAFE_SCRIPT], check=True)
    return vo


@pytest.mark.parametrize("voice", ["piper", "espeak-ng en-us"])
def test_the_pictures_follow_what_the_voiceover_says(tmp_path, voice):
    """User test s19: a folder's photos came in name order (coffee, delivery, flowers, shop_cat),
    and the cat showed while the voice spoke of the delivery bike. Each picture the voice names is
    now on screen when it is said; an order asked for is kept."""
    vo = _cafe_voice(tmp_path, voice)
    photos = _cafe(tmp_path)
    s = Session.new()
    s.add_assets([*photos, vo], workdir=tmp_path / "media")
    r = s.handle("a promo for Hopper's Cafe with captions")
    assert r.changed, r.message
    main = s.timeline.track(Role.MAIN).segments
    by_id = {a.id: a.name for a in s.library}
    assert [by_id[seg.src] for seg in main] == ["coffee.jpg", "shop_cat.jpg", "flowers.jpg", "delivery.jpg"], r.notes
    note = next(n for n in r.notes if n.startswith("Pictures follow the voiceover"))
    assert "shop_cat.jpg when it says 'shop'" in note and "delivery.jpg when it says 'deliver" in note, note
    # each named picture is on screen while its word is said
    heard = s.stage.heard(str(vo)) or ai.transcribe(vo)
    spoken = [(w.start_ms, w.text) for w in heard.words]
    clauses = []
    for seg in main[1:]:
        stem = {"shop_cat.jpg": "shop", "flowers.jpg": "flowers", "delivery.jpg": "deliver"}[by_id[seg.src]]
        word = next(w for w in heard.words if w.text.strip(".,").lower().startswith(stem))
        # on screen through its word, coming in before it is said
        assert seg.start <= word.start_ms and word.end_ms <= seg.end, (seg.name, word.start_ms, seg.start, seg.end)
        clauses.append((seg, phrase_start(spoken, word.start_ms)))
    # and from the start of the clause naming it ("Our shop cat…"): a caption of that clause sits over
    # that picture (cut evenly, "Our shop cat…" ran on over the flowers). Two clauses closer than the
    # shortest shot cannot both be: the later one may come in after its clause starts (Piper's timing
    # varies from run to run: "…every table, and we deliver" 1.4 s after "Fresh flowers")
    for k, (seg, clause) in enumerate(clauses):
        close = k > 0 and clause - clauses[k - 1][1] < follow_speech.MIN_CUT_MS + follow_speech.LEAD_MS
        assert seg.start <= clause or close, (seg.name, clause, seg.start)
    assert sum(seg.start <= clause for seg, clause in clauses) >= 2, clauses
    # "in this order": the order given stays
    kept = _session(tmp_path, [*photos, vo], "a promo for Hopper's Cafe with captions, in this order")
    by_id = {a.id: a.name for a in kept.library}
    assert [by_id[seg.src] for seg in kept.timeline.track(Role.MAIN).segments] == [p.name for p in photos]


@pytest.mark.parametrize("voice", ["piper", "espeak-ng en-us"])
def test_pictures_given_in_the_voices_order_keep_it_and_come_in_as_named(tmp_path, voice):
    """User test s21 (a holiday gift reel): photos given in an order of the user's that the voice
    also follows were cut evenly, so each came in seconds after it was named (the cat at 11.1 s,
    said at ~9 s). The order stays and the cuts come as the voice names them."""
    vo = _cafe_voice(tmp_path, voice)
    photos = {p.name: p for p in _cafe(tmp_path)}
    given = [photos[n] for n in ("coffee.jpg", "shop_cat.jpg", "flowers.jpg", "delivery.jpg")]  # not name order
    s = Session.new()
    s.add_assets([*given, vo], workdir=tmp_path / "media")
    r = s.handle("a promo for Hopper's Cafe with captions")
    main = s.timeline.track(Role.MAIN).segments
    by_id = {a.id: a.name for a in s.library}
    assert [by_id[seg.src] for seg in main] == [p.name for p in given]
    assert len({seg.duration for seg in main}) > 1, "cut evenly"
    heard = s.stage.heard(str(vo)) or ai.transcribe(vo)
    on = 0
    for seg in main[1:]:
        stem = {"shop_cat.jpg": "shop", "flowers.jpg": "flowers", "delivery.jpg": "deliver"}[by_id[seg.src]]
        word = next(w for w in heard.words if w.text.strip(".,").lower().startswith(stem))
        on += seg.start <= word.start_ms and word.end_ms <= seg.end
    assert on == 3, [(by_id[x.src], x.start, x.end) for x in main]
    assert any(n.startswith("Cuts follow the voiceover") for n in r.notes), r.notes
    # given in an order the voice does not follow (the reverse): cut evenly, as given (following the
    # one it could held an unnamed first photo for half the video)
    rev = Session.new()
    rev.add_assets([*reversed(given), vo], workdir=tmp_path / "media2")
    r = rev.handle("a promo for Hopper's Cafe with captions")
    segs = rev.timeline.track(Role.MAIN).segments
    durations = [x.duration for x in segs]
    # (even, but for cuts moved out from under a caption, each by at most half a shot: session 36)
    moved = any(n.startswith("Cuts moved so no text runs across one") for n in r.notes)
    assert max(durations) - min(durations) <= ((max(durations) + min(durations)) / 2 if moved else 100), (durations, r.notes)
    assert max(durations) < rev.timeline.duration / 2, durations  # no photo held for half the video
    assert not any(n.startswith("Cuts follow the voiceover") for n in r.notes), r.notes


def test_captions_asked_with_a_look_are_made_with_it(tmp_path):
    """User test s21: "add yellow captions" / "captions in yellow with a black box" on a cut without
    captions made white ones (the look was dropped, and not said)."""
    vo = _cafe_voice(tmp_path, "espeak-ng en-us")
    s = _session(tmp_path, [*_cafe(tmp_path), vo], "a promo for Hopper's Cafe")
    assert s.timeline.track(Role.CAPTION) is None or not s.timeline.track(Role.CAPTION).segments
    r = s.handle("add yellow captions")
    caps = s.timeline.track(Role.CAPTION).segments
    assert r.changed and len(caps) >= 3, r.message
    assert {c.color for c in caps} == {"#FFD400"} and "As asked" in r.message, r.message
    s.handle("undo")
    r = s.handle("captions in yellow with a black box")
    caps = s.timeline.track(Role.CAPTION).segments
    assert caps and {(c.color, c.background.value, c.box_color) for c in caps} == {("#FFD400", "box", "#000000")}, r.message


@pytest.mark.parametrize("voice", ["piper", "espeak-ng en-us"])
def test_the_captions_are_too_long_gives_short_cues(tmp_path, voice):
    """User test s20: "the captions are too long" / "one line captions" were not understood. The
    speech's captions are cut again into one-line cues (16:9), each on screen a second or more,
    the words all kept; on 9:16 two short lines; typed captions are the user's and are not cut."""
    vo = _cafe_voice(tmp_path, voice)
    s = _session(tmp_path, [*_images(tmp_path, 3), vo], "a promo with captions")
    before = [c.text for c in s.timeline.track(Role.CAPTION).segments]
    assert any("\n" in c for c in before)  # two-line cues to start with
    r = s.handle("the captions are too long")
    assert r.changed, r.message
    cues = s.timeline.track(Role.CAPTION).segments
    assert len(cues) > len(before)
    assert all("\n" not in c.text and len(c.text) <= 32 for c in cues), [c.text for c in cues]
    def words(texts):  # (a comma ending a cue is left off it)
        return re.sub(r"[^\w\s'-]", "", " ".join(texts).lower()).split()

    # no word added, and none lost but those the title or call to action on screen says with it (a
    # cue of "Fresh espresso," alone under the title "Fresh Espresso" is left out, `_says_title`:
    # whether it is depends on where the voice's words fall, which varies from run to run)
    shown = {w for r in (Role.TITLE, Role.CTA) for t in s.timeline.tracks_by_role(r) for seg in t.segments
             for w in words([seg.text])}
    kept, said = words(c.text for c in cues), words(before)
    it = iter(said)
    assert all(w in it for w in kept), (kept, said)  # the cues' words, in the voice's order
    lost = list(said)
    for w in kept:
        lost.remove(w)
    assert set(lost) <= shown, (lost, shown)
    assert len(kept) >= 0.8 * len(said), (kept, said)
    assert sum(c.duration >= 1000 for c in cues) >= len(cues) - 1, [(c.text, c.duration) for c in cues]
    # on 9:16: two short lines of at most 18 columns
    s.handle("make it vertical")
    s.handle("one line captions")
    tall = s.timeline.track(Role.CAPTION).segments
    assert all(len(line) <= 18 for c in tall for line in c.text.split("\n")), [c.text for c in tall]


def test_the_one_picture_of_a_person_comes_in_as_the_voice_says_meet(tmp_path):
    """User test s22: a museum reel's photos in name order (IMG_4412.jpg, coins, deep_field, rocket,
    temple); the voice says "… stand under a real rocket, and meet an astronaut. Ancient coins,
    temples …". The astronaut, named by nothing the voice says, opened the video and the five
    named pictures were placed greedily (the temple, said last, went first). The one picture of a
    person (a face found, a camera's file name) comes in at "meet"; the named ones keep the order
    they are said in."""
    import shutil
    import subprocess

    from skimage import data
    from sklearn.datasets import load_sample_images

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng (Debian) not installed")
    pics = {"IMG_4412.jpg": data.astronaut(), "coins.png": data.coins(), "deep_field.jpg": data.hubble_deep_field(),
            "rocket.jpg": data.rocket(), "temple.jpg": load_sample_images().images[0]}
    paths = []
    for name, arr in pics.items():
        Image.fromarray(np.asarray(arr)).convert("RGB").save(tmp_path / name, quality=90)
        paths.append(tmp_path / name)
    vo = tmp_path / "vo.wav"
    subprocess.run(["espeak-ng", "-v", "en-us+m3", "-s", "165", "-w", str(vo),
                    "Museum Late is back. This Friday, the Science Hall stays open until midnight. Look deep into "
                    "the universe, stand under a real rocket, and meet an astronaut. Ancient coins, temples from "
                    "across the world, and live music all night. Tickets are twelve dollars."], check=True)
    s = Session.new()
    s.add_assets([*paths, vo], workdir=tmp_path / "media")
    r = s.handle("Instagram story for our Museum Late event, captions from the voiceover")
    assert r.changed, r.message
    by_id = {a.id: a.name for a in s.library}
    order = [by_id[seg.src] for seg in s.timeline.track(Role.MAIN).segments]
    assert order == ["deep_field.jpg", "rocket.jpg", "IMG_4412.jpg", "coins.png", "temple.jpg"], (order, r.notes)
    note = next(n for n in r.notes if n.startswith("Pictures follow the voiceover"))
    assert "IMG_4412.jpg when it says 'meet'" in note, note


def test_a_clip_kept_with_its_speech_beside_the_voiceover_is_captioned_too(tmp_path):
    """User test s23: "keep the traveller's own voice on the testimonial clip, add captions" muted the
    clip (a voiceover muted every clip) and its words were in no caption. Now the clip keeps its
    sound, its speech is captioned where it plays, and the voiceover's captions stay."""
    from reelforge.ai.tts import synthesize

    from ._clips import clip_with_sound

    said = tmp_path / "said.wav"
    synthesize("Honestly, the best trip of my life. The guides made every day feel easy.", said, "en")
    testimonial = clip_with_sound(tmp_path / "testimonial.mp4", said)
    vo = tmp_path / "voiceover.wav"
    synthesize("Twelve days through temples, gardens and quiet tea houses. Here is what our travellers say.",
               vo, "en")
    s = _session(tmp_path, [*_images(tmp_path, 2), testimonial, vo],
                 "a 20 second reel, keep the traveller's own voice on the testimonial clip, add captions")
    clip = next(seg for seg in s.timeline.track(Role.MAIN).segments if seg.name == "testimonial.mp4")
    assert not clip.mute
    caps = s.timeline.track(Role.CAPTION).segments
    on_clip = " ".join(c.text.replace("\n", " ") for c in caps if c.start >= clip.start - 100).lower()
    assert "trip of my life" in on_clip and "guides" in on_clip, on_clip
    assert "temples" in " ".join(c.text.replace("\n", " ") for c in caps).lower()


def test_the_voiceover_pauses_for_the_clip_it_introduces(tmp_path):
    """User test s23: the voiceover says "Here is what our travellers say." and goes on with the offer;
    a testimonial clip keeping its own speech is played there, the voiceover pausing for it (it
    spoke over the voice, then came after all of it)."""
    from reelforge.ai.tts import synthesize

    from ._clips import clip_with_sound

    said = tmp_path / "said.wav"
    synthesize("Honestly, the best trip of my life. The guides made every day feel easy.", said, "en")
    testimonial = clip_with_sound(tmp_path / "b_testimonial.mp4", said)
    vo = tmp_path / "voiceover.wav"
    synthesize("Twelve days through temples, gardens and quiet tea houses. Here is what our travellers say. "
               "Book before January and save twenty percent.", vo, "en")
    images = _images(tmp_path, 3)
    s = Session.new()
    s.add_assets([images[0], testimonial, *images[1:], vo], workdir=tmp_path / "media")
    r = s.handle("a reel, keep the clip's sound, add captions")
    assert r.changed and "b_testimonial.mp4 plays where the voiceover says" in r.message, r.message
    assert "after the voiceover (" not in r.message  # the composer's place for it is not said
    clip = next(seg for seg in s.timeline.track(Role.MAIN).segments if seg.name == "b_testimonial.mp4")
    voice = s.timeline.track(Role.VOICE).segments
    assert len(voice) == 2 and voice[0].end == clip.start and voice[1].start == clip.end, (voice, clip)
    assert voice[1].in_ms == voice[0].duration  # the voice goes on where it paused
    caps = s.timeline.track(Role.CAPTION).segments
    text = [c.text.replace("\n", " ").lower() for c in caps]
    intro = next(c for c, t in zip(caps, text, strict=True) if "travel" in t)
    offer = next(c for c, t in zip(caps, text, strict=True) if "january" in t)
    own = [c for c, t in zip(caps, text, strict=True) if "trip of my life" in t or "guides" in t]
    assert intro.end <= clip.start < own[0].start and own[-1].end <= clip.end <= offer.start, text
    assert s.timeline.duration >= voice[1].end


def test_a_web_address_in_the_row_under_the_offer_is_captioned_as_shown(tmp_path):
    """User test s24: a Piper voiceover's "Use code MOM20 at bloom and co dot com" was captioned
    "bloomandcode.com" under the row "Until May 12 · Use code MOM20 · Order at bloomandco.com" (the
    names listened for came from the title and the call to action only, not their rows)."""
    pytest.importorskip("piper", reason="needs the ai extra: pip install 'reelforge[ai]'")
    from reelforge.ai.tts import synthesize

    vo = tmp_path / "voiceover.wav"
    synthesize("This Mother's Day, say it with flowers. Twenty percent off all bouquets until May twelfth. "
               "Use code MOM20 at bloom and co dot com.", vo, "en")
    s = _session(tmp_path, [*_images(tmp_path, 2), vo],
                 "a 20 second Instagram reel for Mother's Day: 20% off all bouquets until May 12, use code MOM20, "
                 "order at bloomandco.com, add captions")  # (20 s: the address is said before the end card shows it)
    said = " ".join(c.text for t in s.timeline.tracks if t.role is Role.CAPTION for c in t.segments
                    if c.id.startswith("cap"))
    assert "bloomandco.com" in said and "bloomandcode" not in said and "www" not in said, said
    assert "flowers" in said, said


def test_a_speaking_clip_longer_than_its_slot_starts_with_its_speech(tmp_path):
    """The marketer's session 43: a kept testimonial longer than its slot played its 'most active' part (from
    0.83 s: the customer's "Hello" dropped, her last word cut) and the notes did not say it was cut. A clip
    heard speaking starts where it starts, and the notes say how much of it plays."""
    import wave

    from reelforge.ai.tts import synthesize

    from ._clips import write_av

    said = tmp_path / "said.wav"
    synthesize("Hello, I am Grace. We roast every bean by hand, every single morning, and we have always done it "
               "this way, since the day we opened.", said, "en")
    with wave.open(str(said), "rb") as w:
        sr, pcm = w.getframerate(), np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(np.float32) / 32768
    fps, size = 10, (160, 96)
    n = int(pcm.size / sr * fps) + 1

    def frames():  # still while she starts, busy at the end: what "most active" picks
        for i in range(n):
            img = np.full((size[1], size[0], 3), 90, np.uint8)
            if i > n * 0.6:
                x = (i * 13) % (size[0] - 24)
                img[30:54, x:x + 24] = (250, 30, 30)
            yield img

    clip = write_av(tmp_path / "interview.mp4", frames(), fps=fps, size=size, audio=pcm, sr=sr)
    s = Session.new()
    s.add_assets([*_images(tmp_path, 3), clip], workdir=tmp_path / "media")
    r = s.handle("a 10 second reel, keep the interview's own voice")
    seg = next(x for x in s.timeline.track(Role.MAIN).segments if x.name == "interview.mp4")
    assert seg.in_ms == 0, (seg, r.notes)
    assert any(n.startswith("interview.mp4 plays its first ") for n in r.notes), r.notes
