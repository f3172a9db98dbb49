"""A first cut asked in Chinese is answered in Chinese (`reelforge.planner.notes_zh`): real first
cuts of scikit-image photographs with a voiceover and music (real planning, subject detection and
sound measurement; no render), each reply checked for English sentences; undo and redo too."""

from __future__ import annotations

import re
import wave

import numpy as np
import pytest

from reelforge.planner.notes_zh import to_zh
from reelforge.session import Session

RATE = 48000


def _wav(path, seconds: float, freq: float, gate: bool) -> None:
    t = np.arange(int(seconds * RATE)) / RATE
    x = 0.3 * np.sin(2 * np.pi * freq * t)
    if gate:  # speech-like bursts
        x *= (np.sin(2 * np.pi * 0.7 * t) > 0)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((x * 32767).astype("<i2").tobytes())


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    from PIL import Image
    from skimage import data

    d = tmp_path_factory.mktemp("zh")
    files = []
    for name in ("astronaut", "coffee", "rocket", "camera"):
        p = d / f"{name}.jpg"
        Image.fromarray(getattr(data, name)()).save(p, quality=90)
        files.append(p)
    _wav(d / "voiceover.wav", 9.0, 220, gate=True)
    _wav(d / "music.wav", 20.0, 330, gate=False)
    return files, [d / "voiceover.wav", d / "music.wav"]


def _english(message: str) -> list[str]:
    """Runs of three or more English words outside 「」 and file names."""
    bare = re.sub(r"「[^」]*」|[\w.-]+\.(?:jpg|png|wav|m4a|mp3|mp4)", "", message)
    return re.findall(r"[A-Za-z']+(?:[ ,;:()-]+[A-Za-z']+){2,}", bare)


@pytest.mark.parametrize("prompt,with_audio", [
    ("做一个15秒的竖屏宣传片，标题是“轨道咖啡”，加背景音乐", True),
    ("做一个方形视频", True),
    ("用这些图片做个抖音视频，硬切，音乐大一点", True),
    ("做一个30秒的产品介绍视频，结尾写“立即购买”，简约风格", False),
    ("做一个横屏视频，不要动画", False),
])
def test_a_chinese_first_cut_is_answered_in_chinese(media, tmp_path, prompt, with_audio):
    pictures, audio = media
    s = Session.new()
    s.add_assets([*pictures, *(audio if with_audio else [])], workdir=tmp_path / "m")
    r = s.handle(prompt)
    assert r.changed and r.message.startswith("已生成初剪。"), r.message
    assert not _english(r.message), (_english(r.message), r.message)
    assert all(not _english(n) for n in r.notes), r.notes
    assert "画面：" in r.message and "时长：" in r.message
    assert s.handle("撤销").message == Session._FIRST_CUT_ASK_ZH  # asked first: the whole video would go
    assert s.handle("撤销").message == "已撤销初剪：现在没有时间线。"
    assert s.handle("重做").message == "已重做这一步修改。"


def test_an_english_first_cut_stays_english(media, tmp_path):
    pictures, audio = media
    s = Session.new()
    s.add_assets([*pictures, *audio], workdir=tmp_path / "m")
    r = s.handle("make a square video with music")
    assert r.message.startswith("Made a first cut. Frame: 1080x1080"), r.message
    assert s.handle("undo").message.startswith("This is the first cut: undoing it removes the whole video.")
    assert s.handle("undo").message.startswith("Undid the first cut")


def test_notes_by_form():
    assert to_zh("Music at 44% (35% x1.25, as asked), ducked under the voiceover; fades in 0.5 s and out 1.5 s.") == \
        "背景音乐音量44%（35% x1.25，按要求），旁白时自动压低；淡入0.5秒，淡出1.5秒。"
    assert to_zh("Music at 30% as asked, looped (12 s with sound, of 14 s; the silent tail is left out of the loop); "
                 "fades in 0.5 s and out 1.5 s.") == \
        "背景音乐音量30%（按要求），循环播放（14秒中有声音的12秒，去掉了结尾的静音）；淡入0.5秒，淡出1.5秒。"
    assert to_zh("Text made up for you: title 'Orbit' (from the instruction); call to action 'Shop now'. "
                 "Put your own words in quotes to use them instead.") == \
        "为你拟定的文字：标题「Orbit」（取自指令）；行动号召「Shop now」。用引号写出你自己的文字即可替换。"
    assert to_zh("Subject detection found a face in a.jpg, b.jpg; a salient region in c.jpg.") == \
        "主体检测：a.jpg、b.jpg：人脸；c.jpg：显著主体。"
    assert to_zh("Transitions: 0.4 s slide-left (the playful style's; say 'hard cuts' for none).") == \
        "转场：0.4秒向左滑动（活泼风格的；说「硬切」可去掉）。"
    assert to_zh("Read 'vidoe' as 'video', 'muisc' as 'music'.") == "已把「vidoe」理解为「video」、「muisc」理解为「music」。"
    # a form not in the table stays as it was (no half translation)
    for note in ("Something new the planner says.", "Text made up for you: a jingle. Put your own words in quotes "
                 "to use them instead.", "Subject detection found a dog in d.jpg."):
        assert to_zh(note) == note


def test_a_chinese_edit_says_its_warnings_in_chinese(media, tmp_path):
    pictures, _ = media
    s = Session.new()
    s.add_assets(pictures, workdir=tmp_path / "m")
    assert s.handle("做一个15秒的竖屏视频").changed
    for edit in ("改成横屏", "第一张图片改成8秒"):
        r = s.handle(edit)
        assert r.changed and not _english(r.message), r.message
    assert "模糊背景" in s.handle("改成竖屏").message + s.handle("改成横屏").message  # a warning was said


@pytest.mark.parametrize("note", [
    "The text 'We open at seven.' is in the bottom part of the frame, not at the top: there it would cover "
    "the picture's subject or other text.",
    "The text 'Hi' is left out: every place for it is taken by other text while it would be on screen.",
    "The text 'Hi' starts at 3.5 s instead of 3 s so it does not cover other text.",
    "The text 'We open at seven.' was on screen 0.9 s, too short to read: it now shows from 7.9 s to 8.9 s.",
    "The texts 'A' and 'B' are shown together from 1 s to 2 s: apart, each was on screen less than 1 s, too short "
    "to read.",
    "The text 'Long' had to shrink to 20 px (1.9% of the frame) to fit in two lines, below the readable 30 px: "
    "shorten it.",
    "The captions are drawn at 40 px, not the 50 px their size asks for: that is as large as the longest fits in "
    "two lines inside the safe zone.",
    "'Hi there' is drawn at 40 px, not the 50 px its size asks for: that is as large as it fits in two lines "
    "inside the safe zone.",
    "The clip 'a.mp4' is 1.5 s shorter than its slot (2 s of 3.5 s): its last frame holds for the rest. Shorten "
    "its slot or slow it down to avoid the freeze.",
])
def test_the_render_checks_warnings_are_said_in_chinese(note):
    # "字幕放到上面" answered in Chinese, then "The text '…' is in the bottom part of the frame…" in English
    zh = to_zh(note)
    assert not _english(zh.replace("We open at seven.", "").replace("a.mp4", "")), zh
