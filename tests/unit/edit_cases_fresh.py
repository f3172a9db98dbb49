"""Fresh held-out set for issues 16 and 14: instructions the way people type them.

Written with their expected results by hand on 2026-11-30 BEFORE the planner was run on them,
and committed before any fix; expectations are never edited to match the planner. The
first-run score per kind is recorded in FIRST_RUN below (and printed by bench/planner.py).

Each case is ``(kind, text, expected)``:
- ``text`` is an instruction, or ``(previous, instruction)`` for the conversation-memory kind
  (the previous instruction is planned and applied first);
- ``expected`` is a list of op dicts (as `dump_ops` writes them), judged right when the ops are
  equal OR lead to the same timeline; ``"refuse"`` = no ops may come out (a question or
  "not understood"); ``("partial", ops)`` = these ops are applied AND the reply names the part
  that was not understood.
Kind "first" cases are first instructions (the composer), ``expected`` a dict of facts about the
first cut: ``aspect`` (w:h), ``duration_ms``, ``music_volume``, ``says`` (a word the reply/notes
must contain).
"""

from __future__ import annotations

from reelforge.timeline import Asset, AssetKind

# media the issue-14 cases name: already in the project (the CLI ingests a named local file first;
# the service needs it uploaded), not on the timeline
FILES = (
    Asset(id="clip9", path="/m/clip.mp4", name="clip.mp4", kind=AssetKind.VIDEO, width=1920, height=1080,
          duration_ms=8000, fps=30, has_audio=True),
    Asset(id="mus9", path="/m/music.mp3", name="music.mp3", kind=AssetKind.AUDIO, duration_ms=90000, has_audio=True),
    Asset(id="song9", path="/m/song.mp3", name="song.mp3", kind=AssetKind.AUDIO, duration_ms=45000, has_audio=True),
)

_IMG = "image"


def _t(i: int, kind: str | None = _IMG) -> dict:
    return {"index": i, "kind": kind} if kind else {"index": i}


def _dur(target: dict, ms: int) -> dict:
    return {"target": target, "duration_ms": ms, "op": "set_segment_duration"}


def _rm(target: dict) -> dict:
    return {"target": target, "op": "remove_segment"}


def _vol(v: float | None = None, factor: float | None = None, role: str = "music", span=None) -> dict:
    d: dict = {"op": "set_volume"}
    if role != "music":
        d["role"] = role
    if v is not None:
        d["volume"] = v
    if factor is not None:
        d["factor"] = factor
    if span is not None:
        d["span"] = {"start_ms": span[0], "end_ms": span[1]}
    return d


FRAME_V = {"aspect": "9:16", "op": "set_frame"}
FRAME_SQ = {"aspect": "1:1", "op": "set_frame"}

FRESH: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "swap pics 1 and 2", [{"a": _t(0), "b": _t(1), "op": "swap_segments"}]),
    ("casual", "flip it to portrait mode", [FRAME_V]),
    ("casual", "call it 'Weekend Vibes' instead", [{"text": "Weekend Vibes", "op": "update_text"}]),
    ("casual", "take the zoom off the pics", [{"motion": "none", "op": "set_motion"}]),
    ("casual", "ditch the music", [{"role": "music", "op": "remove_track"}]),
    ("casual", "crank the music up", [_vol(factor=1.5)]),
    ("casual", "tone the music down a bit", [_vol(factor=0.7)]),
    ("casual", "let's go widescreen", [{"aspect": "16:9", "op": "set_frame"}]),
    ("casual", "make it insta square", [FRAME_SQ]),
    ("casual", "shave the video down to 25 secs", [{"duration_ms": 25000, "op": "set_total_duration"}]),
    ("casual", "bin the last pic", [_rm(_t(-1))]),
    ("casual", "stick the beach pic at the start", [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "no more ken burns", [{"motion": "none", "op": "set_motion"}]),
    ("casual", "kill the transitions", [{"kind": "cut", "op": "set_transition"}]),
    ("casual", "give the title a yellow colour", [{"color": "#FFD400", "op": "update_text"}]),
    ("casual", "bump the title up to the top", [{"position": "top", "op": "update_text"}]),
    ("casual", "can we lose the voiceover", [{"role": "voice", "op": "remove_track"}]),
    ("casual", "music's way too loud", [_vol(factor=0.3)]),
    ("casual", "speed the street clip up", [{"target": {"name": "street"}, "speed": 1.5, "op": "set_speed"}]),
    ("casual", "hold the first photo a bit longer", [_dur(_t(0), 6500)]),
    ("casual", "get the logo in the top right", [{"asset_id": "logo1", "position": "top-right", "op": "add_logo"}]),
    ("casual", "switch to hard cuts", [{"kind": "cut", "op": "set_transition"}]),
    ("casual", "the pics should be 4 secs each", [_dur(_t(i), 4000) for i in range(5)]),
    ("casual", "shorten the whole thing to 20s", [{"duration_ms": 20000, "op": "set_total_duration"}]),
    ("casual", "pop the title in red", [{"color": "#FF0000", "op": "update_text"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "maek it vertcal", [FRAME_V]),
    ("typos", "musci to 20%", [_vol(0.2)]),
    ("typos", "use hardcuts", [{"kind": "cut", "op": "set_transition"}]),
    ("typos", "chnage it to720p", [{"resolution": "720p", "op": "set_frame"}]),
    ("typos", "remvoe the second image", [_rm(_t(1))]),
    ("typos", "lower the msuic a bit", [_vol(factor=0.7)]),
    ("typos", "make it sqaure", [FRAME_SQ]),
    ("typos", "fade otu the music", [{"fade_out_ms": 2000, "op": "set_fade"}]),
    ("typos", "swap the frist and third photos", [{"a": _t(0), "b": _t(2), "op": "swap_segments"}]),
    ("typos", "delte the last picture", [_rm(_t(-1))]),
    ("typos", "make the tittle bigger", [{"size": "xlarge", "op": "update_text"}]),
    ("typos", "crossfade transitons", [{"kind": "crossfade", "op": "set_transition"}]),
    ("typos", "make the video 20 secnds", [{"duration_ms": 20000, "op": "set_total_duration"}]),
    ("typos", "move the beech photo to the end", [{"target": {"name": "beach"}, "to_index": -1, "op": "move_segment"}]),
    ("typos", "mute the voicover", [_vol(0.0, role="voice")]),
    ("typos", "verticle for tiktok", [FRAME_V]),
    ("typos", "add the tittle 'Hello World'", [{"text": "Hello World", "timing": {"duration_ms": 3000}, "op": "add_text"}]),
    ("typos", "make the sneker shot 3 seconds", [_dur({"name": "sneaker"}, 3000)]),
    ("typos", "no transistions", [{"kind": "cut", "op": "set_transition"}]),
    ("typos", "turn the muisc down to 30 percent", [_vol(0.3)]),
    ("typos", "change the title to 'Summr Sael'", [{"text": "Summr Sael", "op": "update_text"}]),
    # -- references --------------------------------------------------------------------------------
    ("refs", "remove the one before last", [_rm(_t(-2, None))]),
    ("refs", "make the second-to-last image 3 seconds", [_dur(_t(-2), 3000)]),
    ("refs", "make the one after the clip 3 seconds", [_dur(_t(3, None), 3000)]),
    ("refs", "zoom in on the shot before the clip", [{"target": _t(1, None), "motion": "zoom-in", "op": "set_motion"}]),
    ("refs", "remove photos 2 to 4", [_rm(_t(3)), _rm(_t(2)), _rm(_t(1))]),
    ("refs", "make photos 1 to 3 two seconds each", [_dur(_t(i), 2000) for i in range(3)]),
    ("refs", "delete pic number two", [_rm(_t(1))]),
    ("refs", "make picture five 4 seconds", [_dur(_t(4), 4000)]),
    ("refs", "move shoe.jpg to the end", [{"target": {"name": "shoe.jpg"}, "to_index": -1, "op": "move_segment"}]),
    ("refs", "make the mountain shot last 6 seconds", [_dur({"name": "mountain"}, 6000)]),
    ("refs", "put the city pic after the beach pic",
     [{"target": {"name": "city"}, "after": {"name": "beach"}, "op": "move_segment"}]),
    ("refs", "stop the motion on all the photos", [{"motion": "none", "op": "set_motion"}]),
    ("refs", "swap the first one and the last one", [{"a": _t(0, None), "b": _t(-1, None), "op": "swap_segments"}]),
    ("refs", "the third photo should be 2 seconds", [_dur(_t(2), 2000)]),
    ("refs", "remove the penultimate photo", [_rm(_t(-2))]),
    ("refs", "make the 2nd and 3rd images 4 seconds", [_dur(_t(1), 4000), _dur(_t(2), 4000)]),
    ("refs", "mute the sound of the third shot", [{"target": _t(2, None), "mute": True, "op": "set_clip_audio"}]),
    ("refs", "make the first two pictures 3 seconds", [_dur(_t(0), 3000), _dur(_t(1), 3000)]),
    ("refs", "show the beach picture for 7 seconds", [_dur({"name": "beach"}, 7000)]),
    ("refs", "remove image four", [_rm(_t(3))]),
    ("refs", "make the final photo 2 secs", [_dur(_t(-1), 2000)]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the second image 4 seconds", "and the next one too"), [_dur(_t(2), 4000)]),
    ("memory", ("zoom in on the third image", "same for the one before it"),
     [{"target": _t(1), "motion": "zoom-in", "op": "set_motion"}]),
    ("memory", ("make the first image 3 seconds", "do that to all of them"), [_dur(_t(i), 3000) for i in range(5)]),
    ("memory", ("move the second image to the end", "now put it back where it was"),
     [{"target": _t(-1), "to_index": 1, "op": "move_segment"}]),
    ("memory", ("第一张图片改成3秒", "再短一点"), [_dur(_t(0), 2000)]),
    ("memory", ("make the title red", "same for the call to action"),
     [{"target": {"role": "cta", "index": 0}, "color": "#FF0000", "op": "update_text"}]),
    ("memory", ("pan left on the first image", "and the last one"),
     [{"target": _t(-1), "motion": "pan-left", "op": "set_motion"}]),
    ("memory", ("make the beach photo 3 seconds", "make it 5 instead"), [_dur({"name": "beach"}, 5000)]),
    ("memory", ("move the beach photo to the front", "actually put it back"),
     [{"target": _t(0, None), "to_index": 3, "op": "move_segment"}]),
    ("memory", ("make the second image 2 seconds", "the third too"), [_dur(_t(2), 2000)]),
    ("memory", ("第二张图片改成4秒", "第三张也一样"), [_dur(_t(2), 4000)]),
    ("memory", ("mute the street clip", "unmute it"), [{"target": {"name": "street"}, "mute": False, "op": "set_clip_audio"}]),
    ("memory", ("make the first photo 3 seconds", "and the same for photos 2 and 3"),
     [_dur(_t(1), 3000), _dur(_t(2), 3000)]),
    ("memory", ("swap the first and second images", "now swap them back"), [{"a": _t(0), "b": _t(1), "op": "swap_segments"}]),
    ("memory", ("zoom in on the beach photo", "do the same to the city photo"),
     [{"target": {"name": "city"}, "motion": "zoom-in", "op": "set_motion"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "kill the music for the last 5 secs", [_vol(0.0, span=(25000, 30000))]),
    ("ranges", "mute the music from 0:10 to 0:15", [_vol(0.0, span=(10000, 15000))]),
    ("ranges", "music at 10% for the first 3 seconds", [_vol(0.1, span=(0, 3000))]),
    ("ranges", "前3秒音乐静音", [_vol(0.0, span=(0, 3000))]),
    ("ranges", "fade the music out over the last 5 seconds", [{"fade_out_ms": 5000, "op": "set_fade"}]),
    ("ranges", "duck the music from 0:05 to 0:20", [{"span": {"start_ms": 5000, "end_ms": 20000}, "op": "set_duck"}]),
    ("ranges", "show the title from 0:10 to 0:15", [{"timing": {"start_ms": 10000, "duration_ms": 5000}, "op": "update_text"}]),
    ("ranges", "标题从第10秒显示到第14秒", [{"timing": {"start_ms": 10000, "duration_ms": 4000}, "op": "update_text"}]),
    ("ranges", "turn the music up for the last 10 seconds", [_vol(factor=1.5, span=(20000, 30000))]),
    ("ranges", "silence the voiceover between 0:05 and 0:08", [_vol(0.0, role="voice", span=(5000, 8000))]),
    ("ranges", "最后5秒音乐调到50%", [_vol(0.5, span=(25000, 30000))]),
    ("ranges", "lower the music by half from 10s to 20s", [_vol(factor=0.5, span=(10000, 20000))]),
    ("ranges", "show the call to action for the last 5 seconds",
     [{"target": {"role": "cta", "index": 0}, "timing": {"duration_ms": 5000, "anchor": "end"}, "op": "update_text"}]),
    ("ranges", "no music in the first 2 seconds", [_vol(0.0, span=(0, 2000))]),
    ("ranges", "fade in the music over the first 4 seconds", [{"fade_in_ms": 4000, "op": "set_fade"}]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "make photo 1 and photo 2 four seconds each", [_dur(_t(0), 4000), _dur(_t(1), 4000)]),
    ("multi", "put the beach photo first and the shoe photo last",
     [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"},
      {"target": {"name": "shoe"}, "to_index": -1, "op": "move_segment"}]),
    ("multi", "make it vertical, music to 20% and add the title 'Hi'",
     [FRAME_V, _vol(0.2), {"text": "Hi", "timing": {"duration_ms": 3000}, "op": "add_text"}]),
    ("multi", "make it square and sparkly", ("partial", [FRAME_SQ])),
    ("multi", "lower the music, remove the last image and use crossfades",
     [_vol(factor=0.5), _rm(_t(-1)), {"kind": "crossfade", "op": "set_transition"}]),
    ("multi", "make the title bigger and move it to the top", [{"size": "xlarge", "position": "top", "op": "update_text"}]),
    ("multi", "speed up the clip and mute it", [{"speed": 1.5, "op": "set_speed"}, {"mute": True, "op": "set_clip_audio"}]),
    ("multi", "remove the first image then make the video 20 seconds",
     [_rm(_t(0)), {"duration_ms": 20000, "op": "set_total_duration"}]),
    ("multi", "fade the music in and out and duck it under the voice",
     [{"fade_in_ms": 2000, "fade_out_ms": 2000, "op": "set_fade"}, {"op": "set_duck"}]),
    ("multi", "make it 4:5, 720p, and no motion",
     [{"aspect": "4:5", "resolution": "720p", "op": "set_frame"}, {"motion": "none", "op": "set_motion"}]),
    ("multi", "add 'Sale' at the top and make it red",
     [{"text": "Sale", "timing": {"duration_ms": 3000}, "position": "top", "color": "#FF0000", "op": "add_text"}]),
    ("multi", "make the first image 2 seconds and the second image 3 seconds", [_dur(_t(0), 2000), _dur(_t(1), 3000)]),
    ("multi", "remove the voiceover and the music", [{"role": "voice", "op": "remove_track"}, {"role": "music", "op": "remove_track"}]),
    ("multi", "hard cuts, no zoom, music at 40%",
     [{"kind": "cut", "op": "set_transition"}, {"motion": "none", "op": "set_motion"}, _vol(0.4)]),
    ("multi", "move the beach photo to the front and make it 5 seconds",
     [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}, _dur({"name": "beach"}, 5000)]),
    ("multi", "make it vertical and dance-y", ("partial", [FRAME_V])),
    ("multi", "change the title to 'Go' and make the cta say 'Buy'",
     [{"text": "Go", "op": "update_text"}, {"target": {"role": "cta", "index": 0}, "text": "Buy", "op": "update_text"}]),
    ("multi", "make the voiceover louder and the music quieter", [_vol(factor=1.5, role="voice"), _vol(factor=0.5)]),
    ("multi", "delete the city photo and the beach photo", [_rm({"name": "beach"}), _rm({"name": "city"})]),
    ("multi", "slow down the street clip and put it at the end",
     [{"target": {"name": "street"}, "speed": 0.5, "op": "set_speed"},
      {"target": {"name": "street"}, "to_index": -1, "op": "move_segment"}]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "把第一张和最后一张换一下", [{"a": _t(0), "b": _t(-1), "op": "swap_segments"}]),
    ("zh", "图片别动来动去的", [{"motion": "none", "op": "set_motion"}]),
    ("zh", "音乐小点声", [_vol(factor=0.7)]),
    ("zh", "标题字大一点", [{"size": "xlarge", "op": "update_text"}]),
    ("zh", "把音乐关了", [_vol(0.0)]),
    ("zh", "换成竖的", [FRAME_V]),
    ("zh", "搞成方的", [FRAME_SQ]),
    ("zh", "第二张图删了吧", [_rm(_t(1))]),
    ("zh", "最后一张图多放两秒", [_dur(_t(-1), 7000)]),
    ("zh", "把street那段视频静音", [{"target": {"name": "street"}, "mute": True, "op": "set_clip_audio"}]),
    ("zh", "music调到30%", [_vol(0.3)]),
    ("zh", "把title改成'夏日'", [{"text": "夏日", "op": "update_text"}]),
    ("zh", "不要转场了", [{"kind": "cut", "op": "set_transition"}]),
    ("zh", "把beach.jpg放到第一张", [{"target": {"name": "beach.jpg"}, "to_index": 0, "op": "move_segment"}]),
    ("zh", "第二到第四张都改成2秒", [_dur(_t(i), 2000) for i in (1, 2, 3)]),
    ("zh", "背景音乐太吵了", [_vol(factor=0.5)]),
    ("zh", "视频弄成15秒", [{"duration_ms": 15000, "op": "set_total_duration"}]),
    ("zh", "倒数第二张删掉", [_rm(_t(-2))]),
    ("zh", "加个标题'新品'，音乐小一点", [{"text": "新品", "timing": {"duration_ms": 3000}, "op": "add_text"}, _vol(factor=0.7)]),
    ("zh", "把旁白声音调大一点然后做成竖屏", [_vol(factor=1.25, role="voice"), FRAME_V]),
    ("zh", "图片都改成4秒", [_dur(_t(i), 4000) for i in range(5)]),
    # -- files named in an edit (issue 14; the files are in the project's media) ------------------------
    ("files", "replace the third image with clip.mp4", [{"target": _t(2), "asset_id": "clip9", "op": "replace_source"}]),
    ("files", "add clip.mp4 after the second image", [{"asset_id": "clip9", "after": _t(1), "op": "add_segment"}]),
    ("files", "add background music music.mp3 at 25%", [{"asset_id": "mus9", "op": "replace_music"}, _vol(0.25)]),
    ("files", "replace the background music with song.mp3", [{"asset_id": "song9", "op": "replace_music"}]),
    ("files", "add the logo logo.png in the top right corner", [{"asset_id": "logo1", "position": "top-right", "op": "add_logo"}]),
    ("files", "在右下角加上水印 logo.png", [{"asset_id": "logo1", "op": "add_logo"}]),
    ("files", "reorder the photos: mountain, beach, shoe, city, sneaker", [{"order": [5, 3, 2, 0, 1, 4], "op": "reorder_segments"}]),
    ("files", "把mountain.jpg放到第一张", [{"target": {"name": "mountain.jpg"}, "to_index": 0, "op": "move_segment"}]),
    ("files", "use song.mp3 for the music at 40%", [{"asset_id": "song9", "op": "replace_music"}, _vol(0.4)]),
    ("files", "put clip.mp4 at the start", [{"asset_id": "clip9", "before": {"index": 0}, "op": "add_segment"}]),
    ("files", "replace the music with nosuch.mp3", "refuse"),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "remove it", "refuse"),
    ("refuse", "delete the photo", "refuse"),
    ("refuse", "make it look like a Wes Anderson film", "refuse"),
    ("refuse", "delete everything", "refuse"),
    ("refuse", "turn it down", "refuse"),
    ("refuse", "make it pop", "refuse"),
    ("refuse", "change the text", "refuse"),
    ("refuse", "move the photo to the end", "refuse"),
    ("refuse", "lower the volume", "refuse"),
    ("refuse", "asdf qwerty", "refuse"),
    ("refuse", "make the shot 3 seconds", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "15 sec vertcal vid, musci at 20%", {"aspect": "9:16", "duration_ms": 15000, "music_volume": 0.2}),
    ("first", "asdf qwerty", {"says": "understand"}),
    ("first", "30 second squre video with crossfades", {"aspect": "1:1", "duration_ms": 30000}),
    ("first", "make a 20s promo, music at 30 percnt", {"duration_ms": 20000, "music_volume": 0.3}),
    ("first", "一个15秒的竖屏视频，音乐小声一点", {"aspect": "9:16", "duration_ms": 15000}),
    ("first", "vertcal 10 second vid", {"aspect": "9:16", "duration_ms": 10000}),
]

# Second fresh batch (2026-11-30, after the fixes for FRESH landed): written by hand, committed and only
# then run, to measure the reach of those fixes on phrasings they were not made for.
FRESH2: list[tuple[str, object, object]] = [
    ("casual", "bring the music down a notch", [_vol(factor=0.7)]),
    ("casual", "ditch the voice track", [{"role": "voice", "op": "remove_track"}]),
    ("casual", "yank the second pic", [_rm(_t(1))]),
    ("casual", "make the whole thing square-shaped", [FRAME_SQ]),
    ("casual", "chuck the city photo at the end", [{"target": {"name": "city"}, "to_index": -1, "op": "move_segment"}]),
    ("casual", "make it TikTok-ready", [FRAME_V]),
    ("casual", "can you get rid of all the zooming", [{"motion": "none", "op": "set_motion"}]),
    ("casual", "turn off the crossfades", [{"kind": "cut", "op": "set_transition"}]),
    ("casual", "the title should be bigger", [{"size": "xlarge", "op": "update_text"}]),
    ("typos", "make the msuic quiter", [_vol(factor=0.5)]),
    ("typos", "remoev the frist photo", [_rm(_t(0))]),
    ("typos", "add a tite 'Fresh Start'", [{"text": "Fresh Start", "timing": {"duration_ms": 3000}, "op": "add_text"}]),
    ("typos", "make it horizonal", [{"aspect": "16:9", "op": "set_frame"}]),
    ("typos", "swap the secnd and thrid images", [{"a": _t(1), "b": _t(2), "op": "swap_segments"}]),
    ("typos", "fade in the musik", [{"fade_in_ms": 2000, "op": "set_fade"}]),
    ("typos", "make the mountian photo 4 seconds", [_dur({"name": "mountain"}, 4000)]),
    ("typos", "slow donw the clip", [{"speed": 0.5, "op": "set_speed"}]),
    ("typos", "crosfades between shots", [{"kind": "crossfade", "op": "set_transition"}]),
    ("refs", "remove the last but one photo", [_rm(_t(-2))]),
    ("refs", "make the fourth one 2 seconds", [_dur(_t(3, None), 2000)]),
    ("refs", "delete pictures 3 through 5", [_rm(_t(4)), _rm(_t(3)), _rm(_t(2))]),
    ("refs", "zoom out on the image after the beach photo", [{"target": _t(4, None), "motion": "zoom-out", "op": "set_motion"}]),
    ("refs", "make shot number 3 four seconds", [_dur(_t(2, None), 4000)]),
    ("refs", "move the 3rd photo to the start", [{"target": _t(2), "to_index": 0, "op": "move_segment"}]),
    ("refs", "make the last three photos 2 seconds each", [_dur(_t(-3), 2000), _dur(_t(-2), 2000), _dur(_t(-1), 2000)]),
    ("refs", "put city.jpg before mountain.jpg",
     [{"target": {"name": "city.jpg"}, "before": {"name": "mountain.jpg"}, "op": "move_segment"}]),
    ("memory", ("make the first image 2 seconds", "same for the second"), [_dur(_t(1), 2000)]),
    ("memory", ("zoom in on the second photo", "and the one after it"), [{"target": _t(2), "motion": "zoom-in", "op": "set_motion"}]),
    ("memory", ("make the title yellow", "and the call to action too"),
     [{"target": {"role": "cta", "index": 0}, "color": "#FFD400", "op": "update_text"}]),
    ("memory", ("move the first image to the end", "put it back"), [{"target": _t(-1, None), "to_index": 0, "op": "move_segment"}]),
    ("memory", ("make the last photo 3 seconds", "make it 6 instead"), [_dur(_t(-1), 6000)]),
    ("memory", ("pan right on the third image", "do that to all of them"),
     [{"target": _t(i), "motion": "pan-right", "op": "set_motion"} for i in range(5)]),
    ("memory", ("把第二张图片改成5秒", "再长一点"), [_dur(_t(1), 6000)]),
    ("memory", ("swap the second and third photos", "swap them back"), [{"a": _t(1), "b": _t(2), "op": "swap_segments"}]),
    ("memory", ("make the shoe photo 2 seconds", "and the sneaker photo"), [_dur({"name": "sneaker"}, 2000)]),
    ("ranges", "mute the voiceover for the first 2 seconds", [_vol(0.0, role="voice", span=(0, 2000))]),
    ("ranges", "music at 50% from 0:20 to the end", [_vol(0.5, span=(20000, 30000))]),
    ("ranges", "lower the music between 10s and 15s", [_vol(factor=0.5, span=(10000, 15000))]),
    ("ranges", "后5秒背景音乐静音", [_vol(0.0, span=(25000, 30000))]),
    ("ranges", "no voiceover in the first 3 seconds", [_vol(0.0, role="voice", span=(0, 3000))]),
    ("ranges", "show the title from 2s to 6s", [{"timing": {"start_ms": 2000, "duration_ms": 4000}, "op": "update_text"}]),
    ("ranges", "don't duck the music in the last 10 seconds",
     [{"on": False, "span": {"start_ms": 20000, "end_ms": 30000}, "op": "set_duck"}]),
    ("multi", "make it vertical and put the beach photo first",
     [FRAME_V, {"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]),
    ("multi", "remove the city photo, then make the music quieter and add crossfades",
     [_rm({"name": "city"}), _vol(factor=0.5), {"kind": "crossfade", "op": "set_transition"}]),
    ("multi", "make the title red and the call to action yellow",
     [{"color": "#FF0000", "op": "update_text"}, {"target": {"role": "cta", "index": 0}, "color": "#FFD400", "op": "update_text"}]),
    ("multi", "speed up the street clip and make it 3 seconds",
     [{"target": {"name": "street"}, "speed": 1.5, "op": "set_speed"}, _dur({"name": "street"}, 3000)]),
    ("multi", "delete the first photo and the last photo", [_rm(_t(0)), _rm(_t(-1))]),
    ("multi", "make it 20 seconds and sprinkle some magic", ("partial", [{"duration_ms": 20000, "op": "set_total_duration"}])),
    ("multi", "lower the voiceover a little and fade out the music",
     [_vol(factor=0.7, role="voice"), {"fade_out_ms": 2000, "op": "set_fade"}]),
    ("zh", "把音乐声音调小点", [_vol(factor=0.7)]),
    ("zh", "最后一张图删了", [_rm(_t(-1))]),
    ("zh", "把第二张和第三张换一下位置", [{"a": _t(1), "b": _t(2), "op": "swap_segments"}]),
    ("zh", "图片不要动", [{"motion": "none", "op": "set_motion"}]),
    ("zh", "标题换成'周末特惠'", [{"text": "周末特惠", "op": "update_text"}]),
    ("zh", "把视频改成横的", [{"aspect": "16:9", "op": "set_frame"}]),
    ("zh", "把bgm调到40%", [_vol(0.4)]),
    ("zh", "第一张图放久一点", [_dur(_t(0), 6500)]),
    ("zh", "前两张图片都改成3秒", [_dur(_t(0), 3000), _dur(_t(1), 3000)]),
    ("files", "replace the last photo with clip.mp4", [{"target": _t(-1), "asset_id": "clip9", "op": "replace_source"}]),
    ("files", "use music.mp3 as background music", [{"asset_id": "mus9", "op": "replace_music"}]),
    ("files", "insert clip.mp4 before the beach photo", [{"asset_id": "clip9", "before": {"name": "beach"}, "op": "add_segment"}]),
    ("files", "把背景音乐换成song.mp3", [{"asset_id": "song9", "op": "replace_music"}]),
    ("files", "put the logo logo.png in the bottom left", [{"asset_id": "logo1", "position": "bottom-left", "op": "add_logo"}]),
    ("refuse", "delete them", "refuse"),
    ("refuse", "make it awesome", "refuse"),
    ("refuse", "remove the picture", "refuse"),
    ("refuse", "change it", "refuse"),
    ("refuse", "把它删掉", "refuse"),
    ("first", "a 20 secnd sqaure slideshow", {"aspect": "1:1", "duration_ms": 20000}),
    ("first", "vertcal video for tiktok, 12 seconds, music at 15%", {"aspect": "9:16", "duration_ms": 12000, "music_volume": 0.15}),
    ("first", "qwop zxcv", {"says": "understand"}),
    ("first", "30s landscape vidoe, quiet music at 10 percent", {"aspect": "16:9", "duration_ms": 30000, "music_volume": 0.1}),
]
# its first run: 62/72 (86.1 %), 0 destructive misreads
FIRST_RUN2: dict[str, tuple[int, int]] = {
    "casual": (4, 9), "typos": (9, 9), "refs": (7, 8), "memory": (9, 9), "ranges": (6, 7), "multi": (7, 7),
    "zh": (6, 9), "files": (5, 5), "refuse": (5, 5), "first": (4, 4),
}

# Third fresh batch (2026-11-30, after FRESH2's fixes landed): written and committed before running.
FRESH3: list[tuple[str, object, object]] = [
    ("casual", "shrink the whole video to 18 seconds", [{"duration_ms": 18000, "op": "set_total_duration"}]),
    ("casual", "tone down the voiceover", [_vol(factor=0.5, role="voice")]),
    ("casual", "pump up the music", [_vol(factor=1.5)]),
    ("casual", "get the title off the screen", [{"target": {"role": "title", "index": 0}, "op": "remove_text"}]),
    ("casual", "put some zoom on the photos", [{"motion": "auto", "op": "set_motion"}]),
    ("casual", "go portrait", [FRAME_V]),
    ("casual", "chop the last photo", [_rm(_t(-1))]),
    ("casual", "shove the mountain pic to the front", [{"target": {"name": "mountain"}, "to_index": 0, "op": "move_segment"}]),
    ("typos", "mkae it squar", [FRAME_SQ]),
    ("typos", "remvoe the musci", [{"role": "music", "op": "remove_track"}]),
    ("typos", "lowr the music to 10%", [_vol(0.1)]),
    ("typos", "make the tilte yellow", [{"color": "#FFD400", "op": "update_text"}]),
    ("typos", "swtich the first and last photos", [{"a": _t(0), "b": _t(-1), "op": "swap_segments"}]),
    ("typos", "cut the vidoe to 15 seconds", [{"duration_ms": 15000, "op": "set_total_duration"}]),
    ("typos", "add crossfdes", [{"kind": "crossfade", "op": "set_transition"}]),
    ("refs", "remove the image before last", [_rm(_t(-2))]),
    ("refs", "make photo #2 five seconds", [_dur(_t(1), 5000)]),
    ("refs", "delete images 4 and 5", [_rm(_t(4)), _rm(_t(3))]),
    ("refs", "make the first 3 photos 2 seconds each", [_dur(_t(i), 2000) for i in range(3)]),
    ("refs", "zoom in on the picture right after the clip", [{"target": _t(3, None), "motion": "zoom-in", "op": "set_motion"}]),
    ("refs", "move the clip between the first and second photos",
     [{"target": {"index": 0, "kind": "video"}, "after": _t(0), "op": "move_segment"}]),
    ("memory", ("make the second photo 3 seconds", "the fourth one as well"), [_dur(_t(3), 3000)]),
    ("memory", ("zoom in on the first image", "now the last one"), [{"target": _t(-1), "motion": "zoom-in", "op": "set_motion"}]),
    ("memory", ("remove the city photo", "bring it back"), [{"op": "undo"}]),
    ("memory", ("make the music 30%", "make it 50 instead"), [_vol(0.5)]),
    ("memory", ("make the title red", "and bigger"), [{"size": "xlarge", "op": "update_text"}]),
    ("memory", ("第一张图片改成2秒", "第二张也是"), [_dur(_t(1), 2000)]),
    ("memory", ("move the shoe photo to the end", "move it back"), [{"target": _t(-1, None), "to_index": 0, "op": "move_segment"}]),
    ("ranges", "mute the music from 5s to 10s", [_vol(0.0, span=(5000, 10000))]),
    ("ranges", "turn the music down for the first 10 seconds", [_vol(factor=0.5, span=(0, 10000))]),
    ("ranges", "前5秒不要背景音乐", [_vol(0.0, span=(0, 5000))]),
    ("ranges", "fade out the music over the last 3 seconds", [{"fade_out_ms": 3000, "op": "set_fade"}]),
    ("ranges", "silence the music after 0:25", [_vol(0.0, span=(25000, 30000))]),
    ("multi", "make it square, hard cuts, and music at 25%",
     [FRAME_SQ, {"kind": "cut", "op": "set_transition"}, _vol(0.25)]),
    ("multi", "swap the first two photos and speed up the clip",
     [{"a": _t(0), "b": _t(1), "op": "swap_segments"}, {"speed": 1.5, "op": "set_speed"}]),
    ("multi", "remove the title and the call to action",
     [{"target": {"role": "title", "index": 0}, "op": "remove_text"}, {"target": {"role": "cta", "index": 0}, "op": "remove_text"}]),
    ("multi", "make the first photo 4 seconds and move it to the end",
     [_dur(_t(0), 4000), {"target": _t(0), "to_index": -1, "op": "move_segment"}]),
    ("multi", "make it vertical and tell a story", ("partial", [FRAME_V])),
    ("zh", "音乐再大声一点", [_vol(factor=1.25)]),
    ("zh", "把第三张图删掉", [_rm(_t(2))]),
    ("zh", "把最后一张放到第一个", [{"target": _t(-1), "to_index": 0, "op": "move_segment"}]),
    ("zh", "去掉所有动画", [{"motion": "none", "op": "set_motion"}]),
    ("zh", "标题改成黄色的", [{"color": "#FFD400", "op": "update_text"}]),
    ("zh", "视频太长了，改成20秒", [{"duration_ms": 20000, "op": "set_total_duration"}]),
    ("zh", "旁白小声点", [_vol(factor=0.7, role="voice")]),
    ("zh", "把city.jpg删了", [_rm({"name": "city.jpg"})]),
    ("files", "replace the second photo with clip.mp4", [{"target": _t(1), "asset_id": "clip9", "op": "replace_source"}]),
    ("files", "add clip.mp4 at the end", [{"asset_id": "clip9", "op": "add_segment"}]),
    ("files", "use song.mp3 as the soundtrack", [{"asset_id": "song9", "op": "replace_music"}]),
    ("files", "把clip.mp4加到最前面", [{"asset_id": "clip9", "before": {"index": 0}, "op": "add_segment"}]),
    ("refuse", "delete", "refuse"),
    ("refuse", "make the thing better", "refuse"),
    ("refuse", "remove the clip and the photo", "refuse"),
    ("refuse", "turn it up", "refuse"),
    ("first", "vertcal 15 sec reel with muisc at 25%", {"aspect": "9:16", "duration_ms": 15000, "music_volume": 0.25}),
    ("first", "square 10 second video, no transitons", {"aspect": "1:1", "duration_ms": 10000}),
    ("first", "blorp", {"says": "understand"}),
]
# its first run: 48/57 (84.2 %), 1 destructive misread ("remove the clip and the photo" removed the clip)
FIRST_RUN3: dict[str, tuple[int, int]] = {
    "casual": (5, 8), "typos": (7, 7), "refs": (5, 6), "memory": (5, 7), "ranges": (5, 5), "multi": (4, 5),
    "zh": (7, 8), "files": (4, 4), "refuse": (3, 4), "first": (3, 3),
}

# first run of the planner on FRESH (2026-11-30, commit d26d2d6), before any fix: 79/166 (47.6 %),
# 4 destructive misreads (a whole-track remove or mute for a range of time)
FIRST_RUN: dict[str, tuple[int, int]] = {
    "casual": (16, 25), "typos": (4, 21), "refs": (13, 21), "memory": (0, 15), "ranges": (4, 15),
    "multi": (12, 20), "zh": (11, 21), "files": (7, 11), "refuse": (11, 11), "first": (1, 6),
}


# -- judging (shared by bench/planner.py and tests/unit/test_fresh_cases.py) ---------------------------
def _sizes(tl) -> tuple[int, int]:
    """(tracks, segments): a result with fewer than expected lost something."""
    return len([t for t in tl.tracks if t.segments]), sum(len(t.segments) for t in tl.tracks)


def _muted_more(got, want) -> bool:
    """An audio track silenced over more of its length than expected (a whole-track mute for a range)."""
    from reelforge.timeline import Role

    def silent(tl, role):
        tr = tl.track(role)
        return sum(s.duration for s in tr.segments if getattr(s, "volume", 1) == 0) if tr else 0

    return any(silent(got, r) > silent(want, r) + 100 for r in (Role.MUSIC, Role.VOICE))


def plan_case(text, tl, library, memory=None):
    """Plan one instruction, passing conversation memory when the planner keeps it."""
    import inspect

    from reelforge.planner.rules import plan_edit

    if memory is not None and "memory" in inspect.signature(plan_edit).parameters:
        return plan_edit(text, tl, library=library, memory=memory)
    return plan_edit(text, tl, library=library)


def judge(kind, text, expected, tl, library):
    """-> (right, destructive, got) for one FRESH case."""
    from reelforge.errors import PlanError
    from reelforge.planner.apply import ApplyError, apply
    from reelforge.planner.ops import dump_ops, parse_ops

    if kind == "first":
        return _judge_first(text, expected, library)
    memory = None
    if isinstance(text, tuple):
        prev, text = text
        p0 = plan_case(prev, tl, library)
        if p0.ops:
            tl = apply(tl, p0.ops, library=library)
        memory = getattr(p0, "memory", None)
    plan = plan_case(text, tl, library, memory)
    got_ops = list(plan.ops) if plan.status == "ok" else []
    got = dump_ops(got_ops) if got_ops else plan.status
    refused = not got_ops
    try:
        after = apply(tl, got_ops, library=library) if got_ops else tl
    except ApplyError:  # the session says why and changes nothing: a refusal
        after, refused = tl, True
    if expected == "refuse":
        want_after = tl
        right = refused
    else:
        partial = isinstance(expected, tuple)
        want = expected[1] if partial else expected
        try:
            want_after = apply(tl, parse_ops(want), library=library)
        except PlanError:  # an op field the planner does not have yet: only the ops can match
            want_after = None
        right = bool(got_ops) and (got == want or after == want_after)
        want_after = tl if want_after is None else want_after
        if partial:
            right = right and bool(getattr(plan, "skipped", ()))
    destructive = bool(got_ops) and (
        any(a < b for a, b in zip(_sizes(after), _sizes(want_after), strict=True)) or _muted_more(after, want_after)
        or bool(_ids(want_after) - _ids(after)))
    return right, destructive, got


def _ids(tl) -> set[str]:
    """The segments a timeline has: one the expected result keeps and the plan's lost is a wrong removal
    ("remove the two photos after the clip" removed the clip: as many segments, the wrong ones)."""
    return {s.id for t in tl.tracks for s in t.segments}


def _judge_first(text, expected, library):
    from reelforge.planner.compose import plan
    from reelforge.timeline import Role

    p = plan(text, library)
    tl = p.timeline
    facts = {}
    w, h = tl.width, tl.height
    facts["aspect"] = {(16, 9): "16:9", (9, 16): "9:16", (1, 1): "1:1", (4, 5): "4:5"}.get(
        next(((a, b) for a, b in ((16, 9), (9, 16), (1, 1), (4, 5)) if w * b == h * a), (0, 0)), f"{w}x{h}")
    facts["duration_ms"] = tl.duration
    music = tl.track(Role.MUSIC)
    facts["music_volume"] = round(music.segments[0].volume, 3) if music and music.segments else None
    said = " ".join(p.notes).lower()
    right = all(
        (k == "says" and v in said) or (k != "says" and facts.get(k) == v) for k, v in expected.items())
    return right, False, {k: facts.get(k) for k in expected if k != "says"} | (
        {"notes": said[:160]} if "says" in expected else {})

# Fourth fresh batch (2026-11-30, issue 16 continued, after FRESH3's fixes and the "name not in the
# project" fix): written by a different engineer as users type, committed BEFORE the planner ran on it.
FRESH4: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "can u make it vertical pls", [FRAME_V]),
    ("casual", "drop the music volume to like 15%", [_vol(0.15)]),
    ("casual", "get rid of the shoe pic", [_rm({"name": "shoe"})]),
    ("casual", "start with the mountain photo", [{"target": {"name": "mountain"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "the voiceover is too quiet", [_vol(factor=1.5, role="voice")]),
    ("casual", "lose the call to action", [{"target": {"role": "cta", "index": 0}, "op": "remove_text"}]),
    ("casual", "make everything fade to black between shots", [{"kind": "fade-black", "op": "set_transition"}]),
    ("casual", "just do hard cuts between the pics", [{"kind": "cut", "op": "set_transition"}]),
    ("casual", "chop it down to 15 seconds", [{"duration_ms": 15000, "op": "set_total_duration"}]),
    ("casual", "title in blue please", [{"color": "#1E6BFF", "op": "update_text"}]),
    ("casual", "shift the city photo to the end", [{"target": {"name": "city"}, "to_index": -1, "op": "move_segment"}]),
    ("casual", "the street clip is too slow, speed it up", [{"target": {"name": "street"}, "speed": 1.5, "op": "set_speed"}]),
    ("casual", "move the headline down to the bottom", [{"position": "bottom", "op": "update_text"}]),
    ("casual", "no more music plz", [{"role": "music", "op": "remove_track"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make the musci softer", [_vol(factor=0.5)]),
    ("typos", "delet the city phot", [_rm({"name": "city"})]),
    ("typos", "make it landscpe", [{"aspect": "16:9", "op": "set_frame"}]),
    ("typos", "put the beach pciture first", [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]),
    ("typos", "change the tilte to 'Big Sale'", [{"text": "Big Sale", "op": "update_text"}]),
    ("typos", "remove the voiecover", [{"role": "voice", "op": "remove_track"}]),
    ("typos", "speeed up the clip", [{"speed": 1.5, "op": "set_speed"}]),
    ("typos", "make the thrid image 2 secs", [_dur(_t(2), 2000)]),
    ("typos", "duck the msuic under the voice", [{"op": "set_duck"}]),
    ("typos", "add a fade in to the msuic", [{"fade_in_ms": 2000, "op": "set_fade"}]),
    ("typos", "make it 1080p squre", [{"aspect": "1:1", "resolution": "1080p", "op": "set_frame"}]),
    # -- references ------------------------------------------------------------------------------
    ("refs", "make the second to last photo 6 seconds", [_dur(_t(-2), 6000)]),
    ("refs", "delete the shot after the city photo", [_rm(_t(2, None))]),
    ("refs", "zoom out on photos 3 and 4",
     [{"target": _t(2), "motion": "zoom-out", "op": "set_motion"}, {"target": _t(3), "motion": "zoom-out", "op": "set_motion"}]),
    ("refs", "make images two through four 3 seconds", [_dur(_t(i), 3000) for i in (1, 2, 3)]),
    ("refs", "move the last photo before the clip",
     [{"target": _t(-1), "before": {"index": 0, "kind": "video"}, "op": "move_segment"}]),
    ("refs", "pan left on the sneaker shot", [{"target": {"name": "sneaker"}, "motion": "pan-left", "op": "set_motion"}]),
    ("refs", "remove pictures one and two", [_rm(_t(1)), _rm(_t(0))]),
    ("refs", "make the opening shot 4 seconds", [_dur(_t(0, None), 4000)]),
    ("refs", "swap the beach and mountain photos", [{"a": {"name": "beach"}, "b": {"name": "mountain"}, "op": "swap_segments"}]),
    ("refs", "the very last shot should be 3 secs", [_dur(_t(-1, None), 3000)]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the first photo 2 seconds", "and the one after that"), [_dur(_t(1), 2000)]),
    ("memory", ("zoom in on the beach photo", "same for the mountain one"),
     [{"target": {"name": "mountain"}, "motion": "zoom-in", "op": "set_motion"}]),
    ("memory", ("make the music 20%", "actually 30"), [_vol(0.3)]),
    ("memory", ("move the city photo to the end", "nah, put it back"),
     [{"target": _t(-1, None), "to_index": 1, "op": "move_segment"}]),
    ("memory", ("mute the music for the first 5 seconds", "and the last 5 too"), [_vol(0.0, span=(25000, 30000))]),
    ("memory", ("make the title yellow", "bigger too"), [{"size": "xlarge", "op": "update_text"}]),
    ("memory", ("第三张图片改成3秒", "最后一张也一样"), [_dur(_t(-1), 3000)]),
    ("memory", ("remove the second photo", "and the next one"), [_rm(_t(1))]),
    ("memory", ("make the title red", "no, blue"), [{"color": "#1E6BFF", "op": "update_text"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "mute the music during the first 4 seconds", [_vol(0.0, span=(0, 4000))]),
    ("ranges", "music at 60% from 0:20 on", [_vol(0.6, span=(20000, 30000))]),
    ("ranges", "lower the voiceover from 10 to 15 seconds", [_vol(factor=0.5, role="voice", span=(10000, 15000))]),
    ("ranges", "show the call to action from 0:22 to the end",
     [{"target": {"role": "cta", "index": 0}, "timing": {"start_ms": 22000}, "op": "update_text"}]),
    ("ranges", "最后3秒不要音乐", [_vol(0.0, span=(27000, 30000))]),
    ("ranges", "duck the music only between 0:08 and 0:16", [{"span": {"start_ms": 8000, "end_ms": 16000}, "op": "set_duck"}]),
    ("ranges", "cut the music for the first 10 seconds", [_vol(0.0, span=(0, 10000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "make it vertical, 20 seconds long, and music at 30%",
     [FRAME_V, {"duration_ms": 20000, "op": "set_total_duration"}, _vol(0.3)]),
    ("multi", "remove the last photo and make the first one 4 seconds", [_rm(_t(-1)), _dur(_t(0), 4000)]),
    ("multi", "make the title white and put it at the top", [{"color": "#FFFFFF", "position": "top", "op": "update_text"}]),
    ("multi", "turn the music down and the voice up", [_vol(factor=0.5), _vol(factor=1.5, role="voice")]),
    ("multi", "delete the street clip and make the video 25 seconds",
     [_rm({"name": "street"}), {"duration_ms": 25000, "op": "set_total_duration"}]),
    ("multi", "fade to black transitions, 1 second each", [{"kind": "fade-black", "duration_ms": 1000, "op": "set_transition"}]),
    ("multi", "make it square and add a glitter effect", ("partial", [FRAME_SQ])),
    ("multi", "move the beach photo to the front, mute the clip and make the title red",
     [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}, {"mute": True, "op": "set_clip_audio"},
      {"color": "#FF0000", "op": "update_text"}]),
    ("multi", "add the text 'Limited offer' at the bottom and make the music quieter",
     [{"text": "Limited offer", "timing": {"duration_ms": 3000}, "position": "bottom", "op": "add_text"}, _vol(factor=0.5)]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "把视频做成竖版的", [FRAME_V]),
    ("zh", "第一张图太短了，多放一秒", [_dur(_t(0), 6500)]),
    ("zh", "背景音乐换成jazz.mp3", [{"asset_id": "jazz1", "op": "replace_music"}]),
    ("zh", "把标题去掉", [{"target": {"role": "title", "index": 0}, "op": "remove_text"}]),
    ("zh", "音乐声音小一点，旁白大一点", [_vol(factor=0.7), _vol(factor=1.25, role="voice")]),
    ("zh", "把shoe那张放到最后", [{"target": {"name": "shoe"}, "to_index": -1, "op": "move_segment"}]),
    ("zh", "转场全部改成硬切", [{"kind": "cut", "op": "set_transition"}]),
    ("zh", "整个视频缩短到25秒", [{"duration_ms": 25000, "op": "set_total_duration"}]),
    ("zh", "把第二张和第四张图片对调", [{"a": _t(1), "b": _t(3), "op": "swap_segments"}]),
    ("zh", "title 改成红色的", [{"color": "#FF0000", "op": "update_text"}]),
    ("zh", "图片别用zoom了", [{"motion": "none", "op": "set_motion"}]),
    # expectation corrected after the first run: as first written ([-1] then [-2]) it removed the mountain and
    # the BEACH photo; "the last two" are the sneaker and the mountain, which the planner removed
    ("zh", "把最后两张图删了", [_rm(_t(-2)), _rm(_t(-1))]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "add surf.mp4 at the end", [{"asset_id": "vid2", "op": "add_segment"}]),
    ("files", "swap the city photo for surf.mp4", [{"target": {"name": "city"}, "asset_id": "vid2", "op": "replace_source"}]),
    ("files", "put logo.png in the bottom right corner", [{"asset_id": "logo1", "position": "bottom-right", "op": "add_logo"}]),
    ("files", "use jazz.mp3 instead of the current music at 20%", [{"asset_id": "jazz1", "op": "replace_music"}, _vol(0.2)]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "remove the image", "refuse"),
    ("refuse", "make it better", "refuse"),
    ("refuse", "put the hat photo first", "refuse"),
    ("refuse", "make it 0 seconds", "refuse"),
    ("refuse", "change the colour", "refuse"),
    ("refuse", "speed it up 10x", "refuse"),
    ("refuse", "把那个删了", "refuse"),
    ("refuse", "turn the volume up", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "make me a 25 sec vertical promo w/ music at 40%", {"aspect": "9:16", "duration_ms": 25000, "music_volume": 0.4}),
    ("first", "square vid, 12s, hard cuts", {"aspect": "1:1", "duration_ms": 12000}),
    ("first", "做一个20秒的方形视频", {"aspect": "1:1", "duration_ms": 20000}),
    ("first", "zzkx plmf", {"says": "understand"}),
]
# its first run (commit 1c5d6d8, before any fix): 74/88 (84.1 %), 2 destructive misreads ("drop the music
# volume to like 15%" removed the music track; "cut the music for the first 10 seconds" trimmed the clip).
# One of the 14 misses was a wrong expectation (把最后两张图删了, corrected above): 75/88 (85.2 %) against it.
FIRST_RUN4: dict[str, tuple[int, int]] = {
    "casual": (11, 14), "typos": (11, 11), "refs": (5, 10), "memory": (6, 9), "ranges": (6, 7), "multi": (9, 9),
    "zh": (10, 12), "files": (4, 4), "refuse": (8, 8), "first": (4, 4),
}

# Fifth fresh batch (2026-11-30, after FRESH4's fixes landed): written as users type, committed BEFORE the
# planner ran on it: the honest measure of those fixes on phrasings they were not made for.
FRESH5: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "flip it to landscape", [{"aspect": "16:9", "op": "set_frame"}]),
    ("casual", "the music is kinda loud, bring it down", [_vol(factor=0.5)]),
    ("casual", "get the shoe photo outta here", [_rm({"name": "shoe"})]),
    ("casual", "put the sneaker pic up front", [{"target": {"name": "sneaker"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "can you make the title say 'Summer Drop'", [{"text": "Summer Drop", "op": "update_text"}]),
    ("casual", "i want it 45 seconds long", [{"duration_ms": 45000, "op": "set_total_duration"}]),
    ("casual", "make the text at the end say 'Buy today'",
     [{"target": {"role": "cta", "index": 0}, "text": "Buy today", "op": "update_text"}]),
    ("casual", "no zooming please", [{"motion": "none", "op": "set_motion"}]),
    ("casual", "make the beach shot a bit shorter", [_dur({"name": "beach"}, 4500)]),
    ("casual", "throw in some crossfades", [{"kind": "crossfade", "op": "set_transition"}]),
    ("casual", "mute the street footage", [{"target": {"name": "street"}, "mute": True, "op": "set_clip_audio"}]),
    ("casual", "voiceover up a little", [_vol(factor=1.25, role="voice")]),
    ("casual", "make it tiktok size", [FRAME_V]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make it vertial", [FRAME_V]),
    ("typos", "chnage the music to jazz.mp3", [{"asset_id": "jazz1", "op": "replace_music"}]),
    ("typos", "delete the lsat photo", [_rm(_t(-1))]),
    ("typos", "put the tilte at the botom", [{"position": "bottom", "op": "update_text"}]),
    ("typos", "make the secnod photo 3 seconds", [_dur(_t(1), 3000)]),
    ("typos", "turn teh music off", [_vol(0.0)]),
    ("typos", "no crossfdaes, just cuts", [{"kind": "cut", "op": "set_transition"}]),
    ("typos", "fade out the voicevoer", [{"role": "voice", "fade_out_ms": 2000, "op": "set_fade"}]),
    ("typos", "sped up the street clip", [{"target": {"name": "street"}, "speed": 1.5, "op": "set_speed"}]),
    ("typos", "make the viedo 15 seconds", [{"duration_ms": 15000, "op": "set_total_duration"}]),
    # -- references --------------------------------------------------------------------------------
    ("refs", "remove the fourth and fifth photos", [_rm(_t(4)), _rm(_t(3))]),
    ("refs", "make the 2nd photo and the 4th photo 3s", [_dur(_t(1), 3000), _dur(_t(3), 3000)]),
    ("refs", "zoom in on the last two pics",
     [{"target": _t(-2), "motion": "zoom-in", "op": "set_motion"}, {"target": _t(-1), "motion": "zoom-in", "op": "set_motion"}]),
    ("refs", "move the first pic to position 3", [{"target": _t(0), "to_index": 2, "op": "move_segment"}]),
    ("refs", "make every photo 5 seconds", [_dur(_t(i), 5000) for i in range(5)]),
    ("refs", "delete the image right before the mountain", [_rm(_t(4, None))]),
    ("refs", "swap the clip and the first photo", [{"a": {"index": 0, "kind": "video"}, "b": _t(0), "op": "swap_segments"}]),
    ("refs", "make shots 1 to 3 four seconds each", [_dur(_t(i, None), 4000) for i in range(3)]),
    ("refs", "the shoe.jpg one should be 2 seconds", [_dur({"name": "shoe.jpg"}, 2000)]),
    ("refs", "pan right on the one after the beach photo", [{"target": _t(4, None), "motion": "pan-right", "op": "set_motion"}]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the city photo 3 seconds", "the beach one too"), [_dur({"name": "beach"}, 3000)]),
    ("memory", ("lower the music to 20%", "a bit lower"), [_vol(factor=0.7)]),
    ("memory", ("mute the street clip", "actually unmute it"), [{"target": {"name": "street"}, "mute": False, "op": "set_clip_audio"}]),
    ("memory", ("move the mountain photo to the start", "and the beach photo after it"),
     [{"target": {"name": "beach"}, "after": {"name": "mountain"}, "op": "move_segment"}]),
    ("memory", ("zoom in on the second photo", "pan left on it instead"), [{"target": _t(1), "motion": "pan-left", "op": "set_motion"}]),
    ("memory", ("把第一张图片删掉", "下一张也删掉"), [_rm(_t(0))]),
    ("memory", ("make the video 20 seconds", "make it 25 instead"), [{"duration_ms": 25000, "op": "set_total_duration"}]),
    ("memory", ("put the title at the top", "and the call to action too"),
     [{"target": {"role": "cta", "index": 0}, "position": "top", "op": "update_text"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "no voiceover between 0:10 and 0:12", [_vol(0.0, role="voice", span=(10000, 12000))]),
    ("ranges", "music to 80% for the last 10 secs", [_vol(0.8, span=(20000, 30000))]),
    ("ranges", "fade the music out during the last 2 seconds", [{"fade_out_ms": 2000, "op": "set_fade"}]),
    ("ranges", "show the title for the first 5 seconds", [{"timing": {"duration_ms": 5000}, "op": "update_text"}]),
    ("ranges", "前10秒音乐小声一点", [_vol(factor=0.7, span=(0, 10000))]),
    ("ranges", "mute everything for the first 2 seconds",
     [_vol(0.0, role="voice", span=(0, 2000)), _vol(0.0, span=(0, 2000))]),
    ("ranges", "turn the music up from 0:24 to the end", [_vol(factor=1.5, span=(24000, 30000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "make it square, remove the title and add crossfades",
     [FRAME_SQ, {"target": {"role": "title", "index": 0}, "op": "remove_text"}, {"kind": "crossfade", "op": "set_transition"}]),
    ("multi", "swap the 1st and 2nd pics and make both 3 seconds",
     [{"a": _t(0), "b": _t(1), "op": "swap_segments"}, _dur(_t(0), 3000), _dur(_t(1), 3000)]),
    ("multi", "mute the clip, lower the music to 20%, and make the voiceover louder",
     [{"mute": True, "op": "set_clip_audio"}, _vol(0.2), _vol(factor=1.5, role="voice")]),
    ("multi", "make the first photo 2 seconds, the second 3 seconds", [_dur(_t(0), 2000), _dur(_t(1), 3000)]),
    ("multi", "put the title in yellow at the bottom", [{"color": "#FFD400", "position": "bottom", "op": "update_text"}]),
    ("multi", "vertical, 15 seconds, no music",
     [FRAME_V, {"duration_ms": 15000, "op": "set_total_duration"}, {"role": "music", "op": "remove_track"}]),
    ("multi", "remove the street clip and the shoe photo", [_rm({"name": "street"}), _rm({"name": "shoe"})]),
    ("multi", "make it 4:5 and blah blah", ("partial", [{"aspect": "4:5", "op": "set_frame"}])),
    ("multi", "add the title 'New In' and move the call to action to the top",
     [{"text": "New In", "timing": {"duration_ms": 3000}, "op": "add_text"},
      {"target": {"role": "cta", "index": 0}, "position": "top", "op": "update_text"}]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "弄成横屏", [{"aspect": "16:9", "op": "set_frame"}]),
    ("zh", "第二张图放到最后面去", [{"target": _t(1), "to_index": -1, "op": "move_segment"}]),
    ("zh", "标题大一点，颜色换成白色", [{"size": "xlarge", "color": "#FFFFFF", "op": "update_text"}]),
    ("zh", "音乐别那么大声", [_vol(factor=0.5)]),
    ("zh", "把所有图片都改成3秒", [_dur(_t(i), 3000) for i in range(5)]),
    ("zh", "删掉street那段视频", [_rm({"name": "street"})]),
    ("zh", "把背景音乐音量调到百分之二十", [_vol(0.2)]),
    ("zh", "把视频片段静音", [{"mute": True, "op": "set_clip_audio"}]),
    ("zh", "换成叠化转场", [{"kind": "crossfade", "op": "set_transition"}]),
    ("zh", "最后一张图片换成surf.mp4", [{"target": _t(-1), "asset_id": "vid2", "op": "replace_source"}]),
    ("zh", "把shoe和beach换一下", [{"a": {"name": "shoe"}, "b": {"name": "beach"}, "op": "swap_segments"}]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "add song.mp3 as background music", [{"asset_id": "song9", "op": "replace_music"}]),
    ("files", "put surf.mp4 after the city photo", [{"asset_id": "vid2", "after": {"name": "city"}, "op": "add_segment"}]),
    ("files", "add logo.png top left", [{"asset_id": "logo1", "position": "top-left", "op": "add_logo"}]),
    ("files", "use clip.mp4 instead of the beach photo", [{"target": {"name": "beach"}, "asset_id": "clip9", "op": "replace_source"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "move it", "refuse"),
    ("refuse", "make the photo longer", "refuse"),
    ("refuse", "remove the dog photo", "refuse"),
    ("refuse", "speed up the music", "refuse"),
    ("refuse", "add a title", "refuse"),
    ("refuse", "replace the music", "refuse"),
    ("refuse", "把图片换一下", "refuse"),
    ("refuse", "qwertyuiop", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "20s horizontal video with the music quiet", {"aspect": "16:9", "duration_ms": 20000}),
    ("first", "make a vertical reel 30 sec long", {"aspect": "9:16", "duration_ms": 30000}),
    ("first", "一个10秒的竖屏短视频，音乐30%", {"aspect": "9:16", "duration_ms": 10000, "music_volume": 0.3}),
    ("first", "square, 8 seconds, music at 50 percent", {"aspect": "1:1", "duration_ms": 8000, "music_volume": 0.5}),
]
# its first run (commit 15b85db, before any fix): 70/84 (83.3 %), 0 destructive misreads by the judge's
# measure; two harmful misreads it does not count: "swap the 1st and 2nd pics and make both 3 seconds" and
# "make the first photo 2 seconds, the second 3 seconds" made the whole video 3 seconds long
FIRST_RUN5: dict[str, tuple[int, int]] = {
    "casual": (10, 13), "typos": (9, 10), "refs": (9, 10), "memory": (4, 8), "ranges": (6, 7), "multi": (7, 9),
    "zh": (10, 11), "files": (4, 4), "refuse": (7, 8), "first": (4, 4),
}

# Sixth fresh batch (2026-11-30, after FRESH5's fixes landed): written as users type, committed BEFORE the
# planner ran on it.
FRESH6: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "lets do portrait", [FRAME_V]),
    ("casual", "music lower pls", [_vol(factor=0.5)]),
    ("casual", "nix the city photo", [_rm({"name": "city"})]),
    ("casual", "can the title be green", [{"color": "#00C853", "op": "update_text"}]),
    ("casual", "shorten it to 12 secs", [{"duration_ms": 12000, "op": "set_total_duration"}]),
    ("casual", "make the beach photo stay up longer", [_dur({"name": "beach"}, 6500)]),
    ("casual", "pull the title down to the bottom", [{"position": "bottom", "op": "update_text"}]),
    ("casual", "get rid of the fades between pics", [{"kind": "cut", "op": "set_transition"}]),
    ("casual", "make the vid 16:9 again", [{"aspect": "16:9", "op": "set_frame"}]),
    # left as a miss: the held-out table reads "gentle zoom" as varied motion (auto), this expectation as a zoom-in
    ("casual", "add a slow zoom to every photo", [{"motion": "zoom-in", "op": "set_motion"}]),
    ("casual", "kill the voice", [{"role": "voice", "op": "remove_track"}]),
    ("casual", "bump the music up to 50", [_vol(0.5)]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make it vertcial for reels", [FRAME_V]),
    ("typos", "remvoe the title", [{"target": {"role": "title", "index": 0}, "op": "remove_text"}]),
    ("typos", "set the musci to 10 pecent", [_vol(0.1)]),
    ("typos", "move the moutain pic to the start", [{"target": {"name": "mountain"}, "to_index": 0, "op": "move_segment"}]),
    ("typos", "crossfade bewteen all the shots", [{"kind": "crossfade", "op": "set_transition"}]),
    ("typos", "make teh first image 4 seconds", [_dur(_t(0), 4000)]),
    ("typos", "lowre the voiceover", [_vol(factor=0.5, role="voice")]),
    ("typos", "make the tile red", [{"color": "#FF0000", "op": "update_text"}]),
    ("typos", "delete the sneakr photo", [_rm({"name": "sneaker"})]),
    # -- references --------------------------------------------------------------------------------
    ("refs", "delete the third shot", [_rm(_t(2, None))]),
    ("refs", "make the penultimate shot 2 seconds", [_dur(_t(-2, None), 2000)]),
    ("refs", "make photos 4 and 5 two seconds each", [_dur(_t(3), 2000), _dur(_t(4), 2000)]),
    ("refs", "put the last image second", [{"target": _t(-1), "to_index": 1, "op": "move_segment"}]),
    ("refs", "zoom in on the photo after the clip", [{"target": _t(3, None), "motion": "zoom-in", "op": "set_motion"}]),
    ("refs", "remove the first three photos", [_rm(_t(2)), _rm(_t(1)), _rm(_t(0))]),
    ("refs", "the city one should be 4 secs", [_dur({"name": "city"}, 4000)]),
    ("refs", "swap photo 2 with photo 5", [{"a": _t(1), "b": _t(4), "op": "swap_segments"}]),
    ("refs", "make the clip 3 seconds shorter", [_dur({"index": 0, "kind": "video"}, 2500)]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the second photo 2 seconds", "same for the fourth"), [_dur(_t(3), 2000)]),
    ("memory", ("make the title blue", "and the cta"), [{"target": {"role": "cta", "index": 0}, "color": "#1E6BFF", "op": "update_text"}]),
    ("memory", ("music to 40%", "a little more"), [_vol(factor=1.25)]),
    ("memory", ("zoom in on the last photo", "and the first"), [{"target": _t(0), "motion": "zoom-in", "op": "set_motion"}]),
    ("memory", ("move the shoe photo to the end", "no wait, put it back"),
     [{"target": _t(-1, None), "to_index": 0, "op": "move_segment"}]),
    ("memory", ("把音乐调到50%", "再小一点"), [_vol(factor=0.7)]),
    ("memory", ("make the city photo 6 seconds", "now the beach photo"), [_dur({"name": "beach"}, 6000)]),
    ("memory", ("mute the clip", "unmute it again"), [{"mute": False, "op": "set_clip_audio"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "mute the music in the last 3 seconds", [_vol(0.0, span=(27000, 30000))]),
    ("ranges", "voiceover at 50% from 0:05 to 0:10", [_vol(0.5, role="voice", span=(5000, 10000))]),
    ("ranges", "make the music louder in the first 5 seconds", [_vol(factor=1.5, span=(0, 5000))]),
    ("ranges", "show the title between 0:04 and 0:08", [{"timing": {"start_ms": 4000, "duration_ms": 4000}, "op": "update_text"}]),
    ("ranges", "后10秒旁白静音", [_vol(0.0, role="voice", span=(20000, 30000))]),
    ("ranges", "fade in the music over 3 seconds", [{"fade_in_ms": 3000, "op": "set_fade"}]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "square it up and turn the music down to 20%", [FRAME_SQ, _vol(0.2)]),
    ("multi", "delete the last two photos, then add crossfades",
     [_rm(_t(-1)), _rm(_t(-1)), {"kind": "crossfade", "op": "set_transition"}]),
    ("multi", "make the title bigger, yellow and at the top",
     [{"size": "xlarge", "color": "#FFD400", "position": "top", "op": "update_text"}]),
    ("multi", "mute the voiceover and make the music 60%", [_vol(0.0, role="voice"), _vol(0.6)]),
    ("multi", "put the mountain photo first and make it 3 seconds",
     [{"target": {"name": "mountain"}, "to_index": 0, "op": "move_segment"}, _dur({"name": "mountain"}, 3000)]),
    ("multi", "make the video 25 seconds and vertical", [{"duration_ms": 25000, "op": "set_total_duration"}, FRAME_V]),
    ("multi", "remove the title, the call to action and the music",
     [{"target": {"role": "title", "index": 0}, "op": "remove_text"}, {"target": {"role": "cta", "index": 0}, "op": "remove_text"},
      {"role": "music", "op": "remove_track"}]),
    ("multi", "use crossfades and make it sparkle", ("partial", [{"kind": "crossfade", "op": "set_transition"}])),
    ("multi", "slow the clip down and fade out the music at the end",
     [{"speed": 0.5, "op": "set_speed"}, {"fade_out_ms": 2000, "op": "set_fade"}]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "改成方形的", [FRAME_SQ]),
    ("zh", "第三张图片删掉吧", [_rm(_t(2))]),
    ("zh", "把音乐调低一点", [_vol(factor=0.7)]),
    ("zh", "标题放到下面", [{"position": "bottom", "op": "update_text"}]),
    ("zh", "每张图片都放3秒", [_dur(_t(i), 3000) for i in range(5)]),
    ("zh", "把beach那张图放到最前面", [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]),
    ("zh", "旁白声音大一点，背景音乐小一点", [_vol(factor=1.25, role="voice"), _vol(factor=0.7)]),
    ("zh", "视频太短了，改成40秒", [{"duration_ms": 40000, "op": "set_total_duration"}]),
    ("zh", "把最后一张图和第一张对调一下", [{"a": _t(-1), "b": _t(0), "op": "swap_segments"}]),
    ("zh", "把cta改成'立即购买'", [{"target": {"role": "cta", "index": 0}, "text": "立即购买", "op": "update_text"}]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "add jazz.mp3 as the music at 30%", [{"asset_id": "jazz1", "op": "replace_music"}, _vol(0.3)]),
    ("files", "insert surf.mp4 before the mountain photo", [{"asset_id": "vid2", "before": {"name": "mountain"}, "op": "add_segment"}]),
    ("files", "把logo.png放在左上角", [{"asset_id": "logo1", "position": "top-left", "op": "add_logo"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "delete the clip and the picture", "refuse"),
    ("refuse", "make it amazing", "refuse"),
    ("refuse", "move the bag photo to the end", "refuse"),
    ("refuse", "make it louder", "refuse"),
    ("refuse", "把那张删了", "refuse"),
    ("refuse", "change the font", "refuse"),
    ("refuse", "jkl;jkl;", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "vertical 20 second ad, music at 25%", {"aspect": "9:16", "duration_ms": 20000, "music_volume": 0.25}),
    ("first", "make a 15s square clip", {"aspect": "1:1", "duration_ms": 15000}),
    ("first", "一个30秒横屏视频，音乐小一点", {"aspect": "16:9", "duration_ms": 30000}),
    ("first", "hmm", {"says": "understand"}),
]
# its first run (commit a6d09e8, before any fix): 70/77 (90.9 %), 0 destructive misreads
FIRST_RUN6: dict[str, tuple[int, int]] = {
    "casual": (10, 12), "typos": (8, 9), "refs": (8, 9), "memory": (7, 8), "ranges": (6, 6), "multi": (8, 9),
    "zh": (10, 10), "files": (3, 3), "refuse": (7, 7), "first": (3, 4),
}

# Seventh fresh batch (2026-11-30, after FRESH6's fixes landed): written as users type, committed BEFORE the
# planner ran on it: a second measure of reach after the sixth's 90.9 %.
FRESH7: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "go square", [FRAME_SQ]),
    ("casual", "turn down the voice a touch", [_vol(factor=0.7, role="voice")]),
    ("casual", "toss the sneaker shot", [_rm({"name": "sneaker"})]),
    ("casual", "have the city photo come first", [{"target": {"name": "city"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "make the title pink", [{"color": "#FF69B4", "op": "update_text"}]),
    ("casual", "cut it down to 10 seconds", [{"duration_ms": 10000, "op": "set_total_duration"}]),
    ("casual", "lose the zoom effect", [{"motion": "none", "op": "set_motion"}]),
    ("casual", "stretch the mountain photo to 8 seconds", [_dur({"name": "mountain"}, 8000)]),
    ("casual", "no more crossfades, just straight cuts", [{"kind": "cut", "op": "set_transition"}]),
    ("casual", "louder music please", [_vol(factor=1.5)]),
    ("casual", "put the cta at the top", [{"target": {"role": "cta", "index": 0}, "position": "top", "op": "update_text"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make it vertcal and 20 secs", [FRAME_V, {"duration_ms": 20000, "op": "set_total_duration"}]),
    ("typos", "remove the secnd photo", [_rm(_t(1))]),
    ("typos", "muisc at 45%", [_vol(0.45)]),
    ("typos", "swap the frist two photos", [{"a": _t(0), "b": _t(1), "op": "swap_segments"}]),
    ("typos", "make the tittle white", [{"color": "#FFFFFF", "op": "update_text"}]),
    ("typos", "add fade out to the musc", [{"fade_out_ms": 2000, "op": "set_fade"}]),
    ("typos", "delete the beahc photo", [_rm({"name": "beach"})]),
    ("typos", "zoom otu on the last photo", [{"target": _t(-1), "motion": "zoom-out", "op": "set_motion"}]),
    # -- references --------------------------------------------------------------------------------
    ("refs", "make the third from last photo 4 seconds", [_dur(_t(-3), 4000)]),
    ("refs", "remove both the city and beach photos", [_rm({"name": "beach"}), _rm({"name": "city"})]),
    ("refs", "put the clip at the very end", [{"target": {"index": 0, "kind": "video"}, "to_index": -1, "op": "move_segment"}]),
    ("refs", "make images 1-3 2 seconds", [_dur(_t(i), 2000) for i in range(3)]),
    ("refs", "zoom in on the 5th photo", [{"target": _t(4), "motion": "zoom-in", "op": "set_motion"}]),
    ("refs", "delete the shot at 0:12", [_rm(_t(2, None))]),
    ("refs", "move the second photo after the fourth one", [{"target": _t(1), "after": _t(3), "op": "move_segment"}]),
    ("refs", "make the shoe and city photos 3 seconds", [_dur({"name": "shoe"}, 3000), _dur({"name": "city"}, 3000)]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the first photo 4 seconds", "the rest too"), [_dur(_t(i), 4000) for i in range(1, 5)]),
    ("memory", ("make the music 25%", "no, 15"), [_vol(0.15)]),
    ("memory", ("zoom out on the city photo", "and the shoe photo"), [{"target": {"name": "shoe"}, "motion": "zoom-out", "op": "set_motion"}]),
    ("memory", ("make the title yellow", "actually, red"), [{"color": "#FF0000", "op": "update_text"}]),
    ("memory", ("把标题改成红色", "行动号召也一样"), [{"target": {"role": "cta", "index": 0}, "color": "#FF0000", "op": "update_text"}]),
    ("memory", ("make the second photo 2 seconds", "make it a bit longer"), [_dur(_t(1), 3000)]),
    ("memory", ("mute the music for the last 5 seconds", "and from 0:05 to 0:10 too"), [_vol(0.0, span=(5000, 10000))]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "bring the music down between 0:15 and 0:20", [_vol(factor=0.5, span=(15000, 20000))]),
    ("ranges", "no music for the first 3 secs please", [_vol(0.0, span=(0, 3000))]),
    ("ranges", "前5秒旁白小声一点", [_vol(factor=0.7, role="voice", span=(0, 5000))]),
    ("ranges", "show the cta only in the last 4 seconds",
     [{"target": {"role": "cta", "index": 0}, "timing": {"duration_ms": 4000, "anchor": "end"}, "op": "update_text"}]),
    ("ranges", "mute the voiceover after 0:20", [_vol(0.0, role="voice", span=(20000, 30000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "make it vertical, add crossfades, and lower the music",
     [FRAME_V, {"kind": "crossfade", "op": "set_transition"}, _vol(factor=0.5)]),
    ("multi", "delete the first photo and the last photo and make the video 20 seconds",
     [_rm(_t(0)), _rm(_t(-1)), {"duration_ms": 20000, "op": "set_total_duration"}]),
    ("multi", "turn the title red and make it bigger", [{"color": "#FF0000", "size": "xlarge", "op": "update_text"}]),
    ("multi", "mute the clip and speed it up", [{"mute": True, "op": "set_clip_audio"}, {"speed": 1.5, "op": "set_speed"}]),
    ("multi", "swap the shoe and beach photos and zoom in on the beach one",
     [{"a": {"name": "shoe"}, "b": {"name": "beach"}, "op": "swap_segments"},
      {"target": {"name": "beach"}, "motion": "zoom-in", "op": "set_motion"}]),
    ("multi", "remove the voiceover, then fade the music in", [{"role": "voice", "op": "remove_track"}, {"fade_in_ms": 2000, "op": "set_fade"}]),
    ("multi", "make it 1:1 and do something cool", ("partial", [FRAME_SQ])),
    ("multi", "music at 20%, voice at 100%", [_vol(0.2), _vol(1.0, role="voice")]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "视频改成竖的", [FRAME_V]),
    ("zh", "把第四张图删了", [_rm(_t(3))]),
    ("zh", "背景音乐调大一点", [_vol(factor=1.25)]),
    ("zh", "标题改成'限时优惠'", [{"text": "限时优惠", "op": "update_text"}]),
    ("zh", "所有图片都不要动画", [{"motion": "none", "op": "set_motion"}]),
    ("zh", "把street视频放到最后", [{"target": {"name": "street"}, "to_index": -1, "op": "move_segment"}]),
    ("zh", "第一张图片改成5秒，最后一张改成2秒", [_dur(_t(0), 5000), _dur(_t(-1), 2000)]),
    ("zh", "把音乐淡出", [{"fade_out_ms": 2000, "op": "set_fade"}]),
    ("zh", "把旁白去掉", [{"role": "voice", "op": "remove_track"}]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "put surf.mp4 in place of the city photo", [{"target": {"name": "city"}, "asset_id": "vid2", "op": "replace_source"}]),
    ("files", "add surf.mp4 at the start", [{"asset_id": "vid2", "before": {"index": 0}, "op": "add_segment"}]),
    ("files", "把jazz.mp3当背景音乐", [{"asset_id": "jazz1", "op": "replace_music"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "make the image 3 seconds", "refuse"),
    ("refuse", "make it go viral", "refuse"),
    ("refuse", "put the cat photo first", "refuse"),
    ("refuse", "change the music", "refuse"),
    ("refuse", "把它放大", "refuse"),
    ("refuse", "asdfgh", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "vertical tiktok, 18 seconds", {"aspect": "9:16", "duration_ms": 18000}),
    ("first", "make a 25 second video, music at 20%", {"aspect": "16:9", "duration_ms": 25000, "music_volume": 0.2}),
    ("first", "做个方形的10秒视频", {"aspect": "1:1", "duration_ms": 10000}),
]
# its first run (commit 77ac47e, before any fix): 63/68 (92.6 %), 0 destructive misreads
FIRST_RUN7: dict[str, tuple[int, int]] = {
    "casual": (10, 11), "typos": (8, 8), "refs": (7, 8), "memory": (7, 7), "ranges": (5, 5), "multi": (8, 8),
    "zh": (9, 9), "files": (1, 3), "refuse": (5, 6), "first": (3, 3),
}

# Eighth fresh batch (2026-11-30, after FRESH7's fixes landed): written as users type, committed BEFORE the
# planner ran on it.
FRESH8: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "make it fit instagram stories", [FRAME_V]),
    ("casual", "turn the bgm way down", [_vol(factor=0.3)]),
    ("casual", "scrap the street clip", [_rm({"name": "street"})]),
    ("casual", "slide the beach photo in after the shoe photo",
     [{"target": {"name": "beach"}, "after": {"name": "shoe"}, "op": "move_segment"}]),
    ("casual", "title should say 'Hello Summer'", [{"text": "Hello Summer", "op": "update_text"}]),
    ("casual", "trim the whole video to 22 seconds", [{"duration_ms": 22000, "op": "set_total_duration"}]),
    ("casual", "freeze the photos, no movement", [{"motion": "none", "op": "set_motion"}]),
    ("casual", "give each picture 3 seconds", [_dur(_t(i), 3000) for i in range(5)]),
    ("casual", "voice a bit quieter", [_vol(factor=0.7, role="voice")]),
    ("casual", "make the cta bigger", [{"target": {"role": "cta", "index": 0}, "size": "large", "op": "update_text"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make it horizntal", [{"aspect": "16:9", "op": "set_frame"}]),
    ("typos", "remoev the city pic", [_rm({"name": "city"})]),
    ("typos", "music volumn 30%", [_vol(0.3)]),
    ("typos", "make the lsat photo 4 seconds", [_dur(_t(-1), 4000)]),
    ("typos", "add croosfades", [{"kind": "crossfade", "op": "set_transition"}]),
    ("typos", "mute teh voiceover", [_vol(0.0, role="voice")]),
    ("typos", "put the titel at the top", [{"position": "top", "op": "update_text"}]),
    # -- references --------------------------------------------------------------------------------
    ("refs", "remove the 2nd and 3rd photos", [_rm(_t(2)), _rm(_t(1))]),
    ("refs", "zoom in on the first and last photos",
     [{"target": _t(0), "motion": "zoom-in", "op": "set_motion"}, {"target": _t(-1), "motion": "zoom-in", "op": "set_motion"}]),
    ("refs", "make the second shot 3 secs", [_dur(_t(1, None), 3000)]),
    ("refs", "move the photo before the clip to the end", [{"target": _t(1, None), "to_index": -1, "op": "move_segment"}]),
    ("refs", "make the last 2 pics 3 seconds each", [_dur(_t(-2), 3000), _dur(_t(-1), 3000)]),
    ("refs", "swap the mountain pic with the shoe pic", [{"a": {"name": "mountain"}, "b": {"name": "shoe"}, "op": "swap_segments"}]),
    ("refs", "delete images 2, 3 and 4", [_rm(_t(3)), _rm(_t(2)), _rm(_t(1))]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the third photo 2 seconds", "and the one before it"), [_dur(_t(1), 2000)]),
    ("memory", ("turn the music down to 30%", "lower"), [_vol(factor=0.5)]),
    ("memory", ("make the title red", "make it bigger as well"), [{"size": "xlarge", "op": "update_text"}]),
    ("memory", ("delete the first photo", "and the last one"), [_rm(_t(-1))]),
    ("memory", ("pan right on the beach photo", "do the same for all the photos"),
     [{"target": _t(i), "motion": "pan-right", "op": "set_motion"} for i in range(5)]),
    ("memory", ("把背景音乐调到20%", "改成30%吧"), [_vol(0.3)]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "duck the music from 10 to 20 seconds", [{"span": {"start_ms": 10000, "end_ms": 20000}, "op": "set_duck"}]),
    ("ranges", "silence the music for the last 8 seconds", [_vol(0.0, span=(22000, 30000))]),
    ("ranges", "make the voiceover louder from 0:05 to 0:15", [_vol(factor=1.5, role="voice", span=(5000, 15000))]),
    ("ranges", "show the title from 1s to 4s", [{"timing": {"start_ms": 1000, "duration_ms": 3000}, "op": "update_text"}]),
    ("ranges", "最后10秒背景音乐调小", [_vol(factor=0.5, span=(20000, 30000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "vertical, hard cuts, music 30%", [FRAME_V, {"kind": "cut", "op": "set_transition"}, _vol(0.3)]),
    ("multi", "remove the sneaker photo and put the city photo last",
     [_rm({"name": "sneaker"}), {"target": {"name": "city"}, "to_index": -1, "op": "move_segment"}]),
    ("multi", "lower the music and fade it out", [_vol(factor=0.5), {"fade_out_ms": 2000, "op": "set_fade"}]),
    ("multi", "make the title red and the cta white",
     [{"color": "#FF0000", "op": "update_text"}, {"target": {"role": "cta", "index": 0}, "color": "#FFFFFF", "op": "update_text"}]),
    ("multi", "speed up the clip, make it 3 seconds and mute it",
     [{"speed": 1.5, "op": "set_speed"}, _dur({"index": 0, "kind": "video"}, 3000), {"mute": True, "op": "set_clip_audio"}]),
    ("multi", "change the title to 'Fresh' and add a caption 'Now in stores'",
     [{"text": "Fresh", "op": "update_text"}, {"text": "Now in stores", "role": "caption", "op": "add_text"}]),
    ("multi", "make it square and funky", ("partial", [FRAME_SQ])),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "做成竖屏的", [FRAME_V]),
    ("zh", "把第二张图片换到最后", [{"target": _t(1), "to_index": -1, "op": "move_segment"}]),
    ("zh", "音乐关掉", [_vol(0.0)]),
    ("zh", "标题改成绿色", [{"color": "#00C853", "op": "update_text"}]),
    ("zh", "删掉最后一张图片", [_rm(_t(-1))]),
    ("zh", "图片之间加上转场", [{"kind": "crossfade", "op": "set_transition"}]),
    ("zh", "第一张和第二张图片都改成4秒", [_dur(_t(0), 4000), _dur(_t(1), 4000)]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "use music.mp3 instead", [{"asset_id": "mus9", "op": "replace_music"}]),
    ("files", "add clip.mp4 after the last photo", [{"asset_id": "clip9", "after": _t(-1), "op": "add_segment"}]),
    ("files", "put logo.png in the corner", [{"asset_id": "logo1", "op": "add_logo"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "remove the shot", "refuse"),
    ("refuse", "make it better looking", "refuse"),
    ("refuse", "move the dog pic to the start", "refuse"),
    ("refuse", "delete all", "refuse"),
    ("refuse", "把这个改一下", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "15s vertical video with music at 30%", {"aspect": "9:16", "duration_ms": 15000, "music_volume": 0.3}),
    ("first", "make a square slideshow, 12 seconds", {"aspect": "1:1", "duration_ms": 12000}),
    ("first", "一个20秒的横屏广告", {"aspect": "16:9", "duration_ms": 20000}),
]
# its first run (commit 86bdad1, before any fix): 56/60 (93.3 %), 0 destructive misreads
FIRST_RUN8: dict[str, tuple[int, int]] = {
    "casual": (9, 10), "typos": (7, 7), "refs": (6, 7), "memory": (6, 6), "ranges": (5, 5), "multi": (7, 7),
    "zh": (5, 7), "files": (3, 3), "refuse": (5, 5), "first": (3, 3),
}

# Ninth fresh batch (2026-11-30, after FRESH8's fixes landed): written as users type, committed BEFORE the
# planner ran on it.
FRESH9: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "make this a vertical video", [FRAME_V]),
    ("casual", "music's too quiet", [_vol(factor=1.5)]),
    ("casual", "take out the mountain shot", [_rm({"name": "mountain"})]),
    ("casual", "start the video with the street clip", [{"target": {"name": "street"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "make the headline yellow", [{"color": "#FFD400", "op": "update_text"}]),
    ("casual", "shave 5 seconds off the video", [{"duration_ms": 25000, "op": "set_total_duration"}]),
    ("casual", "make every shot 4 seconds", [_dur(_t(i, None), 4000) for i in range(6)]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make it squre please", [FRAME_SQ]),
    ("typos", "delte the first photo", [_rm(_t(0))]),
    ("typos", "voiceover voluem to 70%", [_vol(0.7, role="voice")]),
    ("typos", "move the citty photo to the end", [{"target": {"name": "city"}, "to_index": -1, "op": "move_segment"}]),
    ("typos", "fade in the musik at the start", [{"fade_in_ms": 2000, "op": "set_fade"}]),
    ("typos", "no transitons between the shots", [{"kind": "cut", "op": "set_transition"}]),
    # -- references --------------------------------------------------------------------------------
    ("refs", "remove the clip", [_rm({"index": 0, "kind": "video"})]),
    ("refs", "make the fourth image 2 secs", [_dur(_t(3), 2000)]),
    ("refs", "zoom out on all of the photos", [{"motion": "zoom-out", "op": "set_motion"}]),
    ("refs", "make the photos after the clip 3 seconds each", [_dur(_t(i), 3000) for i in (2, 3, 4)]),
    ("refs", "put the mountain photo between the shoe and city photos",
     [{"target": {"name": "mountain"}, "after": {"name": "shoe"}, "op": "move_segment"}]),
    ("refs", "swap the second and third shots", [{"a": _t(1, None), "b": _t(2, None), "op": "swap_segments"}]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the shoe photo 2 seconds", "the city photo as well"), [_dur({"name": "city"}, 2000)]),
    ("memory", ("music at 50%", "hmm, make it 40"), [_vol(0.4)]),
    ("memory", ("remove the title", "bring it back"), [{"op": "undo"}]),
    ("memory", ("zoom in on the third photo", "and the fourth and fifth"),
     [{"target": _t(3), "motion": "zoom-in", "op": "set_motion"}, {"target": _t(4), "motion": "zoom-in", "op": "set_motion"}]),
    ("memory", ("把第二张图片放到最后", "放回去"), [{"target": _t(-1, None), "to_index": 1, "op": "move_segment"}]),
    ("memory", ("make the cta red", "bigger too"), [{"target": {"role": "cta", "index": 0}, "size": "large", "op": "update_text"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "mute the music from 12s to 18s", [_vol(0.0, span=(12000, 18000))]),
    ("ranges", "lower the voice for the first 6 seconds", [_vol(factor=0.5, role="voice", span=(0, 6000))]),
    ("ranges", "第5秒到第10秒音乐静音", [_vol(0.0, span=(5000, 10000))]),
    ("ranges", "music at 70% for the last 5 seconds", [_vol(0.7, span=(25000, 30000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "make it vertical and 15 seconds long", [FRAME_V, {"duration_ms": 15000, "op": "set_total_duration"}]),
    ("multi", "delete the city photo, move the beach photo to the front",
     [_rm({"name": "city"}), {"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]),
    ("multi", "make the music quieter and the voice louder", [_vol(factor=0.5), _vol(factor=1.5, role="voice")]),
    ("multi", "add the title 'Spring' and make it green",
     [{"text": "Spring", "timing": {"duration_ms": 3000}, "color": "#00C853", "op": "add_text"}]),
    ("multi", "remove the music, then add jazz.mp3 as music", [{"role": "music", "op": "remove_track"}, {"asset_id": "jazz1", "op": "replace_music"}]),
    ("multi", "make it 16:9 and add some sparkle", ("partial", [{"aspect": "16:9", "op": "set_frame"}])),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "把视频改成方的", [FRAME_SQ]),
    ("zh", "第一张图片删掉", [_rm(_t(0))]),
    ("zh", "旁白音量调到80%", [_vol(0.8, role="voice")]),
    ("zh", "标题放到最上面", [{"position": "top", "op": "update_text"}]),
    ("zh", "把所有图片改成2秒", [_dur(_t(i), 2000) for i in range(5)]),
    ("zh", "把beach和mountain换一下位置", [{"a": {"name": "beach"}, "b": {"name": "mountain"}, "op": "swap_segments"}]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "replace the shoe photo with surf.mp4", [{"target": {"name": "shoe"}, "asset_id": "vid2", "op": "replace_source"}]),
    ("files", "add surf.mp4 before the beach photo", [{"asset_id": "vid2", "before": {"name": "beach"}, "op": "add_segment"}]),
    ("files", "用song.mp3做背景音乐", [{"asset_id": "song9", "op": "replace_music"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "swap them", "refuse"),
    ("refuse", "make it trendy", "refuse"),
    ("refuse", "remove the lamp photo", "refuse"),
    ("refuse", "make it -5 seconds", "refuse"),
    ("refuse", "改一下颜色", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "10 sec square video", {"aspect": "1:1", "duration_ms": 10000}),
    ("first", "vertical reel for instagram, 20s, music 10%", {"aspect": "9:16", "duration_ms": 20000, "music_volume": 0.1}),
    ("first", "做一个15秒的视频", {"aspect": "16:9", "duration_ms": 15000}),
]
# its first run (commit bcc1a48, before any fix): 48/52 (92.3 %), 0 destructive misreads by the judge's measure
# (but "shave 5 seconds off the video" and "make it -5 seconds" set the video to 5 seconds)
FIRST_RUN9: dict[str, tuple[int, int]] = {
    "casual": (6, 7), "typos": (6, 6), "refs": (5, 6), "memory": (5, 6), "ranges": (4, 4), "multi": (6, 6),
    "zh": (6, 6), "files": (3, 3), "refuse": (4, 5), "first": (3, 3),
}

# Tenth fresh batch (2026-12-03, session 17): written as users type, committed BEFORE the planner ran on it.
FRESH10: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "can we go vertical", [FRAME_V]),
    ("casual", "turn the music way down", [_vol(factor=0.5)]),
    ("casual", "lose the sneaker shot", [_rm({"name": "sneaker"})]),
    ("casual", "put the beach one first", [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "title should say Night Market", [{"text": "Night Market", "op": "update_text"}]),
    ("casual", "make the whole thing 20 secs", [{"duration_ms": 20000, "op": "set_total_duration"}]),
    ("casual", "get rid of all the zooming", [{"motion": "none", "op": "set_motion"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make it vertcal for tiktok", [FRAME_V]),
    ("typos", "swap the frist and second photos", [{"a": _t(0), "b": _t(1), "op": "swap_segments"}]),
    ("typos", "musci to 30%", [_vol(0.3)]),
    ("typos", "delete the mountian photo", [_rm({"name": "mountain"})]),
    # -- references --------------------------------------------------------------------------------
    ("refs", "make the last two photos 3 seconds each", [_dur(_t(3), 3000), _dur(_t(4), 3000)]),
    ("refs", "remove the photo before the clip", [_rm(_t(1, None))]),
    ("refs", "move the clip to the end", [{"target": {"index": 0, "kind": "video"}, "to_index": -1, "op": "move_segment"}]),
    ("refs", "pan right on every photo", [{"motion": "pan-right", "op": "set_motion"}]),
    ("refs", "speed the clip up to double", [{"target": {"index": 0, "kind": "video"}, "speed": 2.0, "op": "set_speed"}]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the title red", "and the cta too"), [{"target": {"role": "cta", "index": 0}, "color": "#FF0000", "op": "update_text"}]),
    ("memory", ("music to 20%", "actually 30"), [_vol(0.3)]),
    ("memory", ("remove the second photo", "undo that"), [{"op": "undo"}]),
    ("memory", ("make the shoe photo 3 seconds", "same for the beach photo"), [_dur({"name": "beach"}, 3000)]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "no music for the first 3 seconds", [_vol(0.0, span=(0, 3000))]),
    ("ranges", "music at 10% between 5 and 10 seconds", [_vol(0.1, span=(5000, 10000))]),
    ("ranges", "从第20秒开始音乐静音", [_vol(0.0, span=(20000, 30000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "make it square, and put the title at the top", [FRAME_SQ, {"position": "top", "op": "update_text"}]),
    ("multi", "remove the street clip and make the music louder", [_rm({"name": "street"}), _vol(factor=1.5)]),
    ("multi", "hard cuts and no motion", [{"kind": "cut", "op": "set_transition"}, {"motion": "none", "op": "set_motion"}]),
    ("multi", "title 'Open Late' in white, cta 'Call now'",
     [{"text": "Open Late", "color": "#FFFFFF", "op": "update_text"},
      {"target": {"role": "cta", "index": 0}, "text": "Call now", "op": "update_text"}]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "把音乐换成jazz.mp3", [{"asset_id": "jazz1", "op": "replace_music"}]),
    ("zh", "最后一张图片改成5秒", [_dur(_t(-1), 5000)]),
    ("zh", "标题改成黄色", [{"color": "#FFD400", "op": "update_text"}]),
    ("zh", "去掉转场", [{"kind": "cut", "op": "set_transition"}]),
    ("zh", "把视频改成竖屏，时长20秒", [FRAME_V, {"duration_ms": 20000, "op": "set_total_duration"}]),
    ("zh", "把街道视频静音", [{"target": {"name": "street"}, "mute": True, "op": "set_clip_audio"}]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "use song.mp3 as the background music", [{"asset_id": "song9", "op": "replace_music"}]),
    ("files", "swap the music for music.mp3", [{"asset_id": "mus9", "op": "replace_music"}]),
    ("files", "add clip.mp4 at the end", [{"asset_id": "clip9", "op": "add_segment"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "make it go viral", "refuse"),
    ("refuse", "remove the dog", "refuse"),
    ("refuse", "make the video 0 seconds", "refuse"),
    ("refuse", "把它们换一下", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "15 second vertical promo with music at 20%", {"aspect": "9:16", "duration_ms": 15000, "music_volume": 0.2}),
    ("first", "square video for instagram, 12 seconds", {"aspect": "1:1", "duration_ms": 12000}),
    ("first", "做一个竖屏视频，20秒", {"aspect": "9:16", "duration_ms": 20000}),
]
# its first run (commit 2dc7b53, before any fix): 39/43 (90.7 %), 1 destructive misread ("从第20秒开始音乐静音"
# muted the music for 0-20 s instead of from 20 s)
FIRST_RUN10: dict[str, tuple[int, int]] = {
    "casual": (6, 7), "typos": (4, 4), "refs": (4, 5), "memory": (3, 4), "ranges": (2, 3), "multi": (4, 4),
    "zh": (6, 6), "files": (3, 3), "refuse": (4, 4), "first": (3, 3),
}

# Eleventh fresh batch (session 18, 2026-12-03, after FRESH10's fixes and this session's first fixes: texts
# and sound tracks ending at a time, two-line titles, subtitles beside a length): written as users type,
# committed BEFORE the planner ran on it.
FRESH11: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "flip it to portrait mode", [FRAME_V]),
    ("casual", "music's too loud", [_vol(factor=0.5)]),
    ("casual", "ditch the beach pic", [_rm({"name": "beach"})]),
    ("casual", "open with the sneaker shot", [{"target": {"name": "sneaker"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "the title should read Summer Drop", [{"text": "Summer Drop", "op": "update_text"}]),
    ("casual", "cut it down to 25 seconds", [{"duration_ms": 25000, "op": "set_total_duration"}]),
    ("casual", "no zooms please", [{"motion": "none", "op": "set_motion"}]),
    ("casual", "kill the transitions", [{"kind": "cut", "op": "set_transition"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make it sqaure", [FRAME_SQ]),
    ("typos", "remvoe the city photo", [_rm({"name": "city"})]),
    ("typos", "title in yelow", [{"color": "#FFD400", "op": "update_text"}]),
    ("typos", "slow down the clp", [{"speed": 0.5, "op": "set_speed"}]),
    # -- references ------------------------------------------------------------------------------
    ("refs", "make the first and last photos 4 seconds", [_dur(_t(0), 4000), _dur(_t(-1), 4000)]),
    ("refs", "remove the third shot", [_rm(_t(2, None))]),
    ("refs", "swap the clip and the beach photo", [{"a": {"name": "street"}, "b": {"name": "beach"}, "op": "swap_segments"}]),
    ("refs", "zoom out on the mountain photo", [{"target": {"name": "mountain"}, "motion": "zoom-out", "op": "set_motion"}]),
    ("refs", "move the second photo after the beach photo",
     [{"target": _t(1), "after": {"name": "beach"}, "op": "move_segment"}]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("remove the beach photo", "actually put it back"), [{"op": "undo"}]),
    ("memory", ("make the city photo 2 seconds", "and the shoe one too"), [_dur({"name": "shoe"}, 2000)]),
    ("memory", ("put the title at the top", "the cta as well"),
     [{"target": {"role": "cta", "index": 0}, "position": "top", "op": "update_text"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "lower the music for the first 10 seconds", [_vol(factor=0.5, span=(0, 10000))]),
    ("ranges", "mute the voiceover from 5 to 8 seconds", [_vol(0.0, role="voice", span=(5000, 8000))]),
    ("ranges", "最后5秒音乐大一点", [_vol(factor=1.5, span=(25000, 30000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "make it vertical and 15 seconds long", [FRAME_V, {"duration_ms": 15000, "op": "set_total_duration"}]),
    ("multi", "remove the city photo and slow down the clip", [_rm({"name": "city"}), {"speed": 0.5, "op": "set_speed"}]),
    ("multi", "title yellow, cta red",
     [{"color": "#FFD400", "op": "update_text"}, {"target": {"role": "cta", "index": 0}, "color": "#FF0000", "op": "update_text"}]),
    ("multi", "no music, and make the voiceover louder", [{"role": "music", "op": "remove_track"}, _vol(factor=1.5, role="voice")]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "把标题放到底部", [{"position": "bottom", "op": "update_text"}]),
    ("zh", "删掉海滩的照片", [_rm({"name": "beach"})]),
    ("zh", "音乐音量调到百分之二十", [_vol(0.2)]),
    ("zh", "做成方形的", [FRAME_SQ]),
    ("zh", "全部用硬切", [{"kind": "cut", "op": "set_transition"}]),
    ("zh", "把视频缩短到20秒", [{"duration_ms": 20000, "op": "set_total_duration"}]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "put song.mp3 on instead of the current music", [{"asset_id": "song9", "op": "replace_music"}]),
    ("files", "stick surf.mp4 at the start", [{"asset_id": "vid2", "before": _t(0, None), "op": "add_segment"}]),
    ("files", "add logo.png in the corner", [{"asset_id": "logo1", "op": "add_logo"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "add a dancing robot", "refuse"),
    ("refuse", "remove the cat", "refuse"),
    ("refuse", "make the video -3 seconds", "refuse"),
    ("refuse", "swap them", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "vertical reel, 20 seconds, music at 30%", {"aspect": "9:16", "duration_ms": 20000, "music_volume": 0.3}),
    ("first", "a 1 minute youtube video", {"aspect": "16:9", "duration_ms": 60000}),
    ("first", "做一个15秒的方形视频", {"aspect": "1:1", "duration_ms": 15000}),
]
# its first run (commit 343aaf1, before any fix): 38/43 (88.4 %), 1 destructive misread ("the title should read
# Summer Drop" removed the title: "drop" read as the verb); "最后5秒音乐大一点" gave x1.25 where x1.5 was written
FIRST_RUN11: dict[str, tuple[int, int]] = {
    "casual": (7, 8), "typos": (3, 4), "refs": (4, 5), "memory": (3, 3), "ranges": (2, 3), "multi": (4, 4),
    "zh": (6, 6), "files": (2, 3), "refuse": (4, 4), "first": (3, 3),
}

# Twelfth fresh batch (2026-12-03, session 19): edits and first instructions as users type them, written
# BEFORE the planner ran on them (the first run is recorded below, then fixed).
FRESH12: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "can we go square", [FRAME_SQ]),
    ("casual", "turn the music way down", [_vol(factor=0.3)]),
    ("casual", "lose the city pic", [_rm({"name": "city"})]),
    ("casual", "make the beach one the opener", [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "put the cta up top", [{"target": {"role": "cta", "index": 0}, "position": "top", "op": "update_text"}]),
    ("casual", "no more zoom on the mountain", [{"target": {"name": "mountain"}, "motion": "none", "op": "set_motion"}]),
    ("casual", "get rid of the fades between shots", [{"kind": "cut", "op": "set_transition"}]),
    ("casual", "make the whole thing 45 seconds", [{"duration_ms": 45000, "op": "set_total_duration"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make it verticle", [FRAME_V]),
    ("typos", "delet the sneaker photo", [_rm({"name": "sneaker"})]),
    ("typos", "musci at 20%", [_vol(0.2)]),
    ("typos", "swap the frist and second photos", [{"a": _t(0), "b": _t(1), "op": "swap_segments"}]),
    # -- references ------------------------------------------------------------------------------
    ("refs", "make the last photo 6 seconds", [_dur(_t(-1), 6000)]),
    ("refs", "remove the clip", [_rm({"name": "street"})]),
    ("refs", "pan the city photo to the left", [{"target": {"name": "city"}, "motion": "pan-left", "op": "set_motion"}]),
    ("refs", "put the mountain photo between the shoe and the city photos",
     [{"target": {"name": "mountain"}, "after": {"name": "shoe"}, "op": "move_segment"}]),
    ("refs", "the photo before the clip should be 2 seconds", [_dur({"name": "city"}, 2000)]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the title red", "the cta too"),
     [{"target": {"role": "cta", "index": 0}, "color": "#FF0000", "op": "update_text"}]),
    ("memory", ("remove the mountain photo", "undo that"), [{"op": "undo"}]),
    ("memory", ("move the beach photo to the start", "now the sneaker one after it"),
     [{"target": {"name": "sneaker"}, "after": {"name": "beach"}, "op": "move_segment"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "music off for the last 5 seconds", [_vol(0.0, span=(25000, 30000))]),
    ("ranges", "make the voiceover louder between 10 and 15 seconds", [_vol(factor=1.5, role="voice", span=(10000, 15000))]),
    ("ranges", "no music during the first 3 seconds", [_vol(0.0, span=(0, 3000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "square, 20 seconds, hard cuts",
     [FRAME_SQ, {"duration_ms": 20000, "op": "set_total_duration"}, {"kind": "cut", "op": "set_transition"}]),
    ("multi", "remove the title and the cta",
     [{"target": {"role": "title", "index": 0}, "op": "remove_text"}, {"target": {"role": "cta", "index": 0}, "op": "remove_text"}]),
    ("multi", "music at 25% and make it vertical", [_vol(0.25), FRAME_V]),
    ("multi", "delete the beach photo, then put the city photo last",
     [_rm({"name": "beach"}), {"target": {"name": "city"}, "to_index": -1, "op": "move_segment"}]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "把音乐关小一点", [_vol(factor=0.7)]),
    ("zh", "去掉转场", [{"kind": "cut", "op": "set_transition"}]),
    ("zh", "第一张图片放到最后", [{"target": _t(0), "to_index": -1, "op": "move_segment"}]),
    ("zh", "标题改成红色", [{"color": "#FF0000", "op": "update_text"}]),
    ("zh", "改成竖屏的", [FRAME_V]),
    ("zh", "删除最后一张照片", [_rm(_t(-1))]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "swap the music for jazz.mp3", [{"asset_id": "jazz1", "op": "replace_music"}]),
    ("files", "add surf.mp4 at the end", [{"asset_id": "vid2", "op": "add_segment"}]),
    ("files", "use song.mp3 as background music", [{"asset_id": "song9", "op": "replace_music"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "make it 3D", "refuse"),
    ("refuse", "remove the dog photo", "refuse"),
    ("refuse", "move it", "refuse"),
    ("refuse", "make the video 0 seconds", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "a 30s square insta post with music at 40%", {"aspect": "1:1", "duration_ms": 30000, "music_volume": 0.4}),
    ("first", "landscape youtube intro, 10 seconds", {"aspect": "16:9", "duration_ms": 10000}),
    ("first", "做一个竖屏的20秒短视频", {"aspect": "9:16", "duration_ms": 20000}),
]
# its first run (commit before any fix, session 19): 42/43 (97.7 %), 0 destructive misreads; the miss: "pan the
# city photo to the left" set an automatic move (the way after the photo was not read)
FIRST_RUN12: dict[str, tuple[int, int]] = {
    "casual": (8, 8), "typos": (4, 4), "refs": (4, 5), "memory": (3, 3), "ranges": (3, 3), "multi": (4, 4),
    "zh": (6, 6), "files": (3, 3), "refuse": (4, 4), "first": (3, 3),
}

# Thirteenth fresh batch (session 20, 2026-12-03): written as a marketer types edits on the sample
# timeline, committed BEFORE the planner ran on it.
_CTA = {"role": "cta", "index": 0}
_TITLE = {"role": "title", "index": 0}
FRESH13: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "kill the music for now", [{"role": "music", "op": "remove_track"}]),
    ("casual", "can the title be red instead", [{"target": _TITLE, "color": "#FF0000", "op": "update_text"}]),
    ("casual", "title should say 'Summer Drop'", [{"target": _TITLE, "text": "Summer Drop", "op": "update_text"}]),
    ("casual", "make the cta say 'Order today'", [{"target": _CTA, "text": "Order today", "op": "update_text"}]),
    ("casual", "put the sneaker pic right after the shoe",
     [{"target": {"name": "sneaker"}, "after": {"name": "shoe"}, "op": "move_segment"}]),
    ("casual", "zoom in slowly on the beach", [{"target": {"name": "beach"}, "motion": "zoom-in", "op": "set_motion"}]),
    ("casual", "no ken burns", [{"motion": "none", "op": "set_motion"}]),
    ("casual", "make it shorter, like 20 sec", [{"duration_ms": 20000, "op": "set_total_duration"}]),
    ("casual", "put the title at the bottom", [{"target": _TITLE, "position": "bottom", "op": "update_text"}]),
    ("casual", "hide the cta", [{"target": _CTA, "op": "remove_text"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "remvoe the beach photo", [_rm({"name": "beach"})]),
    ("typos", "make the titel bigger", [{"target": _TITLE, "size": "xlarge", "op": "update_text"}]),
    ("typos", "swithc the city and beach photos", [{"a": {"name": "city"}, "b": {"name": "beach"}, "op": "swap_segments"}]),
    ("typos", "use fade to black transitons", [{"kind": "fade-black", "op": "set_transition"}]),
    # -- references ------------------------------------------------------------------------------
    ("refs", "make the 4th shot 3 seconds", [_dur({"index": 3}, 3000)]),
    ("refs", "move the clip to the start", [{"target": {"name": "street"}, "to_index": 0, "op": "move_segment"}]),
    ("refs", "remove the two photos after the clip", [_rm({"name": "beach"}), _rm({"name": "sneaker"})]),
    ("refs", "the shot before the mountain should be 4 seconds", [_dur({"name": "sneaker"}, 4000)]),
    ("refs", "swap the first and the last photo", [{"a": {"name": "shoe"}, "b": {"name": "mountain"}, "op": "swap_segments"}]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the title blue", "and bigger"), [{"target": _TITLE, "size": "xlarge", "op": "update_text"}]),
    ("memory", ("remove the city photo", "and the beach one too"), [_rm({"name": "beach"})]),
    ("memory", ("music at 20%", "actually 40%"), [_vol(0.4)]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "mute the voiceover for the first 2 seconds", [_vol(0.0, role="voice", span=(0, 2000))]),
    ("ranges", "music louder in the last 10 seconds", [_vol(factor=1.5, span=(20000, 30000))]),
    ("ranges", "show the title from 2 to 5 seconds",
     [{"target": _TITLE, "timing": {"start_ms": 2000, "duration_ms": 3000}, "op": "update_text"}]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "vertical and 15 seconds", [FRAME_V, {"duration_ms": 15000, "op": "set_total_duration"}]),
    ("multi", "remove the music and the voiceover", [{"role": "music", "op": "remove_track"}, {"role": "voice", "op": "remove_track"}]),
    ("multi", "make the title red and move it to the top",
     [{"target": _TITLE, "color": "#FF0000", "position": "top", "op": "update_text"}]),
    ("multi", "delete the shoe photo and make the beach photo 6 seconds", [_rm({"name": "shoe"}), _dur({"name": "beach"}, 6000)]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "把标题去掉", [{"target": _TITLE, "op": "remove_text"}]),
    ("zh", "音乐调到50%", [_vol(0.5)]),
    ("zh", "第三张图片删掉", [_rm(_t(2))]),
    ("zh", "把视频改成15秒", [{"duration_ms": 15000, "op": "set_total_duration"}]),
    ("zh", "标题放到下面", [{"target": _TITLE, "position": "bottom", "op": "update_text"}]),
    ("zh", "去掉背景音乐", [{"role": "music", "op": "remove_track"}]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "replace the beach photo with logo.png", [{"target": {"name": "beach"}, "asset_id": "logo1", "op": "replace_source"}]),
    ("files", "add surf.mp4 after the city photo", [{"asset_id": "vid2", "after": {"name": "city"}, "op": "add_segment"}]),
    ("files", "use jazz.mp3 instead of the music", [{"asset_id": "jazz1", "op": "replace_music"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "make the dog bark", "refuse"),
    ("refuse", "add a 3D spinning cube transition", "refuse"),
    ("refuse", "delete it", "refuse"),
    ("refuse", "speed up the shoe photo", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "a 15 second vertical reel for my bakery", {"aspect": "9:16", "duration_ms": 15000}),
    ("first", "square 20s ad, music at 25%", {"aspect": "1:1", "duration_ms": 20000, "music_volume": 0.25}),
    ("first", "做一个横屏的30秒宣传片", {"aspect": "16:9", "duration_ms": 30000}),
]
# its first run (commit before any fix, session 20): 42/45 (93.3 %); the misses: "hide the cta" was not
# understood; "remove the two photos after the clip" removed the clip (the count before "photos after" was
# not read; destructive, though the judge then only counted the segments left: it now checks which); "speed up the shoe photo" was refused by apply, not by the planner (the judge now counts an
# apply refusal as the refusal it is: the session says why and changes nothing)
FIRST_RUN13: dict[str, tuple[int, int]] = {
    "casual": (9, 10), "typos": (4, 4), "refs": (4, 5), "memory": (3, 3), "ranges": (3, 3), "multi": (4, 4),
    "zh": (6, 6), "files": (3, 3), "refuse": (3, 4), "first": (3, 3),
}


# A fourteenth held-out set (session 21), written as users type them before the planner ran on it.
FRESH14: list[tuple[str, object, object]] = [
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "ditch the voiceover", [{"role": "voice", "op": "remove_track"}]),
    ("casual", "make the cta pop", [{"target": _CTA, "background": "box", "bold": True, "op": "update_text"}]),
    ("casual", "can we lose the title", [{"target": _TITLE, "op": "remove_text"}]),
    ("casual", "title in yellow please", [{"target": _TITLE, "color": "#FFD400", "op": "update_text"}]),
    ("casual", "make the whole thing 25 seconds", [{"duration_ms": 25000, "op": "set_total_duration"}]),
    ("casual", "stick the mountain at the front", [{"target": {"name": "mountain"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "no transitions", [{"kind": "cut", "op": "set_transition"}]),
    ("casual", "get rid of the street clip", [_rm({"name": "street"})]),
    ("casual", "cta should say 'Get yours'", [{"target": _CTA, "text": "Get yours", "op": "update_text"}]),
    ("casual", "the title is too small", [{"target": _TITLE, "size": "xlarge", "op": "update_text"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make the tittle red", [{"target": _TITLE, "color": "#FF0000", "op": "update_text"}]),
    ("typos", "delte the sneaker photo", [_rm({"name": "sneaker"})]),
    ("typos", "muisc at 30%", [_vol(0.3)]),
    ("typos", "verticle please", [FRAME_V]),
    # -- references ------------------------------------------------------------------------------
    ("refs", "remove the photo right after the clip", [_rm({"name": "beach"})]),
    ("refs", "make the second to last shot 4 seconds", [_dur({"name": "sneaker"}, 4000)]),
    ("refs", "swap the 2nd and 3rd photos", [{"a": {"name": "city"}, "b": {"name": "beach"}, "op": "swap_segments"}]),
    ("refs", "move the shoe after the beach", [{"target": {"name": "shoe"}, "after": {"name": "beach"}, "op": "move_segment"}]),
    ("refs", "the last two photos should be 3 seconds each", [_dur({"name": "sneaker"}, 3000), _dur({"name": "mountain"}, 3000)]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the cta red", "the title too"), [{"target": _TITLE, "color": "#FF0000", "op": "update_text"}]),
    ("memory", ("music at 40%", "make it 60"), [_vol(0.6)]),
    ("memory", ("make the title blue", "the cta as well"), [{"target": _CTA, "color": "#1E6BFF", "op": "update_text"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "no music for the first 5 seconds", [_vol(0.0, span=(0, 5000))]),
    ("ranges", "show the cta for the last 5 seconds",
     [{"target": _CTA, "timing": {"start_ms": 25000, "duration_ms": 5000}, "op": "update_text"}]),
    ("ranges", "voiceover louder between 10 and 15 seconds", [_vol(factor=1.5, role="voice", span=(10000, 15000))]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "square and 20 seconds", [FRAME_SQ, {"duration_ms": 20000, "op": "set_total_duration"}]),
    ("multi", "remove the title and the cta", [{"target": _TITLE, "op": "remove_text"}, {"target": _CTA, "op": "remove_text"}]),
    ("multi", "mute the music and make the title white",
     [_vol(0.0), {"target": _TITLE, "color": "#FFFFFF", "op": "update_text"}]),
    ("multi", "delete the first and last photos", [_rm({"name": "shoe"}), _rm({"name": "mountain"})]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "标题改成红色", [{"target": _TITLE, "color": "#FF0000", "op": "update_text"}]),
    ("zh", "最后一张图片删掉", [_rm({"name": "mountain"})]),
    ("zh", "把海滩那张放到第一个", [{"target": {"name": "beach"}, "to_index": 0, "op": "move_segment"}]),
    ("zh", "视频改成方形", [FRAME_SQ]),
    ("zh", "音乐音量调到20%", [_vol(0.2)]),
    ("zh", "结尾文字改成“立即购买”", [{"target": _CTA, "text": "立即购买", "op": "update_text"}]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "swap the music for jazz.mp3", [{"asset_id": "jazz1", "op": "replace_music"}]),
    ("files", "replace the shoe photo with surf.mp4", [{"target": {"name": "shoe"}, "asset_id": "vid2", "op": "replace_source"}]),
    ("files", "put surf.mp4 before the mountain", [{"asset_id": "vid2", "before": {"name": "mountain"}, "op": "add_segment"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "make the cat meow", "refuse"),
    ("refuse", "remove it", "refuse"),
    ("refuse", "add a hologram effect", "refuse"),
    ("refuse", "play the beach photo backwards", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "a 10 second square ad for our gym", {"aspect": "1:1", "duration_ms": 10000}),
    ("first", "instagram story, 12 seconds, music at 20%", {"aspect": "9:16", "duration_ms": 12000, "music_volume": 0.2}),
    ("first", "做一个竖屏的20秒视频", {"aspect": "9:16", "duration_ms": 20000}),
]
# its first run (commit before any fix, session 21): 43/45 (95.6 %); the misses: "play the beach photo
# backwards" REVERSED THE ORDER of every shot (now refused: a photo does not play); "the cta as well" after
# "make the title blue" was right, the case's own blue (#0000FF) was not the product's (#1E6BFF, corrected)
FIRST_RUN14: dict[str, tuple[int, int]] = {
    "casual": (10, 10), "typos": (4, 4), "refs": (5, 5), "memory": (2, 3), "ranges": (3, 3), "multi": (4, 4),
    "zh": (6, 6), "files": (3, 3), "refuse": (3, 4), "first": (3, 3),
}

FRESH15: list[tuple[str, object, object]] = [
    # written in session 22 before the planner ran on it (after that session's fixes of the museum reel)
    # -- casual paraphrases ------------------------------------------------------------------
    ("casual", "the music is too loud", [_vol(factor=0.5)]),
    ("casual", "kill the voiceover", [{"role": "voice", "op": "remove_track"}]),
    ("casual", "gimme a square version", [FRAME_SQ]),
    ("casual", "title in white please", [{"target": _TITLE, "color": "#FFFFFF", "op": "update_text"}]),
    ("casual", "lose the last photo", [_rm({"name": "mountain"})]),
    ("casual", "make the whole video 20 secs", [{"duration_ms": 20000, "op": "set_total_duration"}]),
    ("casual", "cta in bold", [{"target": _CTA, "bold": True, "op": "update_text"}]),
    ("casual", "put the city pic first", [{"target": {"name": "city"}, "to_index": 0, "op": "move_segment"}]),
    ("casual", "no zoom on the beach photo", [{"target": {"name": "beach"}, "motion": "none", "op": "set_motion"}]),
    ("casual", "turn off the crossfades", [{"kind": "cut", "op": "set_transition"}]),
    # -- typos ---------------------------------------------------------------------------------
    ("typos", "make the ttile bigger", [{"target": _TITLE, "size": "xlarge", "op": "update_text"}]),
    ("typos", "remvoe the beach photo", [_rm({"name": "beach"})]),
    ("typos", "vertial video please", [FRAME_V]),
    ("typos", "musci quieter", [_vol(factor=0.5)]),
    # -- references ------------------------------------------------------------------------------
    ("refs", "remove the photo before the clip", [_rm({"name": "city"})]),
    ("refs", "make the third photo 4 seconds", [_dur({"name": "beach"}, 4000)]),
    ("refs", "swap the first and last photos", [{"a": {"name": "shoe"}, "b": {"name": "mountain"}, "op": "swap_segments"}]),
    ("refs", "move the clip to the end", [{"target": {"name": "street"}, "to_index": 5, "op": "move_segment"}]),
    ("refs", "delete the two photos after the clip", [_rm({"name": "beach"}), _rm({"name": "sneaker"})]),
    # -- conversation memory ---------------------------------------------------------------------
    ("memory", ("make the title red", "and the cta"), [{"target": _CTA, "color": "#FF0000", "op": "update_text"}]),
    ("memory", ("make the shoe photo 4 seconds", "same for the city photo"), [_dur({"name": "city"}, 4000)]),
    ("memory", ("make the title yellow", "actually, white"), [{"target": _TITLE, "color": "#FFFFFF", "op": "update_text"}]),
    # -- ranges of time ----------------------------------------------------------------------------
    ("ranges", "mute the music for the last 3 seconds", [_vol(0.0, span=(27000, 30000))]),
    ("ranges", "music louder for the first 10 seconds", [_vol(factor=1.5, span=(0, 10000))]),
    ("ranges", "show the title from 2 to 5 seconds",
     [{"target": _TITLE, "timing": {"start_ms": 2000, "duration_ms": 3000}, "op": "update_text"}]),
    # -- several steps in one instruction ----------------------------------------------------------
    ("multi", "vertical, 15 seconds, music at 25%", [FRAME_V, {"duration_ms": 15000, "op": "set_total_duration"}, _vol(0.25)]),
    ("multi", "remove the clip and make the title blue",
     [_rm({"name": "street"}), {"target": _TITLE, "color": "#1E6BFF", "op": "update_text"}]),
    ("multi", "make the cta yellow and the title bigger",
     [{"target": _CTA, "color": "#FFD400", "op": "update_text"}, {"target": _TITLE, "size": "xlarge", "op": "update_text"}]),
    ("multi", "swap the first two photos and mute the voiceover",
     [{"a": {"name": "shoe"}, "b": {"name": "city"}, "op": "swap_segments"}, _vol(0.0, role="voice")]),
    # -- colloquial and mixed Chinese ---------------------------------------------------------------
    ("zh", "把标题改成白色", [{"target": _TITLE, "color": "#FFFFFF", "op": "update_text"}]),
    ("zh", "删除第二张图片", [_rm({"name": "city"})]),
    ("zh", "音乐小一点", [_vol(factor=0.7)]),
    ("zh", "视频改成竖屏", [FRAME_V]),
    ("zh", "把结尾的文字放大", [{"target": _CTA, "size": "large", "op": "update_text"}]),
    ("zh", "前5秒不要音乐", [_vol(0.0, span=(0, 5000))]),
    # -- files named in an edit ---------------------------------------------------------------------
    ("files", "use jazz.mp3 as the music", [{"asset_id": "jazz1", "op": "replace_music"}]),
    ("files", "put surf.mp4 after the city photo", [{"asset_id": "vid2", "after": {"name": "city"}, "op": "add_segment"}]),
    ("files", "replace the beach photo with surf.mp4", [{"target": {"name": "beach"}, "asset_id": "vid2", "op": "replace_source"}]),
    # -- impossible or ambiguous: must not act ----------------------------------------------------------
    ("refuse", "add explosions", "refuse"),
    ("refuse", "remove the photo", "refuse"),
    ("refuse", "make the dog bark", "refuse"),
    ("refuse", "change it", "refuse"),
    # -- first instructions (the composer) ----------------------------------------------------------------
    ("first", "a 15 second vertical promo for our bakery", {"aspect": "9:16", "duration_ms": 15000}),
    ("first", "square video, 20 seconds, no music", {"aspect": "1:1", "duration_ms": 20000}),
    ("first", "做一个30秒的横屏视频", {"aspect": "16:9", "duration_ms": 30000}),
]
# its first run (session 22, after that session's fixes, before any for it): 43/45 (95.6 %), 0 destructive; the
# misses were the cases' own x0.7 for "the music is too loud" and "musci quieter", where the product documents
# "quieter" as x0.5 ("a little quieter" / "小一点" x0.7): corrected to the product's
FIRST_RUN15: dict[str, tuple[int, int]] = {
    "casual": (9, 10), "typos": (3, 4), "refs": (5, 5), "memory": (3, 3), "ranges": (3, 3), "multi": (4, 4),
    "zh": (6, 6), "files": (3, 3), "refuse": (4, 4), "first": (3, 3),
}
