"""Shared fixture timeline and the instruction -> expected-ops table for the edit planner.

The table is data: each case is ``(instruction, expected)`` where ``expected`` is a list of
op dicts as `reelforge.planner.ops.dump_ops` writes them (defaults left out), or the
strings ``"ambiguous"`` / ``"unknown"`` for instructions that must not produce ops.
"""

from __future__ import annotations

from reelforge.timeline import Asset, AssetKind, build

ASSETS = (
    Asset(id="img1", path="/m/shoe.jpg", name="shoe.jpg", kind=AssetKind.IMAGE, width=1600, height=1200),
    Asset(id="img2", path="/m/city.jpg", name="city.jpg", kind=AssetKind.IMAGE, width=1920, height=1080),
    Asset(id="vid1", path="/m/street.mp4", name="street.mp4", kind=AssetKind.VIDEO, width=1920, height=1080,
          duration_ms=12000, fps=30, has_audio=True),
    Asset(id="img3", path="/m/beach.jpg", name="beach.jpg", kind=AssetKind.IMAGE, width=1080, height=1350),
    Asset(id="img4", path="/m/sneaker.jpg", name="sneaker.jpg", kind=AssetKind.IMAGE, width=1200, height=1200),
    Asset(id="img5", path="/m/mountain.jpg", name="mountain.jpg", kind=AssetKind.IMAGE, width=3000, height=2000),
    Asset(id="vo1", path="/m/vo.mp3", name="vo.mp3", kind=AssetKind.AUDIO, duration_ms=24000, has_audio=True),
    Asset(id="bgm1", path="/m/bgm.mp3", name="bgm.mp3", kind=AssetKind.AUDIO, duration_ms=60000, has_audio=True),
)
# in the library but not on the timeline
EXTRA = (
    Asset(id="logo1", path="/m/logo.png", name="logo.png", kind=AssetKind.IMAGE, width=400, height=400),
    Asset(id="jazz1", path="/m/jazz.mp3", name="jazz.mp3", kind=AssetKind.AUDIO, duration_ms=20000, has_audio=True),
    Asset(id="vid2", path="/m/surf.mp4", name="surf.mp4", kind=AssetKind.VIDEO, width=1280, height=720,
          duration_ms=6000, fps=30, has_audio=True),
)
LIBRARY = ASSETS + EXTRA


def sample_timeline():
    """30 s, 16:9: five stills and one clip with crossfades, title, CTA, voiceover, music."""
    main = []
    pos = 0
    names = [("img1", "shoe.jpg", "zoom-in"), ("img2", "city.jpg", "pan-right"), ("vid1", "street.mp4", "none"),
             ("img3", "beach.jpg", "zoom-out"), ("img4", "sneaker.jpg", "pan-left"), ("img5", "mountain.jpg", "zoom-in")]
    durs = [5500, 5500, 5500, 5500, 5500, 5000]
    for i, ((src, name, motion), d) in enumerate(zip(names, durs, strict=True)):
        t = 0 if i == 0 else 500
        start = pos - t
        main.append({"id": f"v{i + 1}", "kind": "video", "start": start, "duration": d, "src": src, "name": name,
                     "motion": motion, "transition": "cut" if i == 0 else "crossfade", "transition_ms": t})
        pos = start + d
    assert pos == 30000, pos
    return build(
        duration=30000, assets=ASSETS,
        tracks=[
            {"id": "main-1", "kind": "video", "role": "main", "segments": main},
            {"id": "voice-1", "kind": "audio", "role": "voice", "segments": [
                {"id": "a1", "kind": "audio", "start": 0, "duration": 24000, "src": "vo1", "name": "vo.mp3"}]},
            {"id": "music-1", "kind": "audio", "role": "music", "segments": [
                {"id": "a2", "kind": "audio", "start": 0, "duration": 30000, "src": "bgm1", "name": "bgm.mp3",
                 "volume": 0.35, "duck": True, "fade_out_ms": 1500}]},
            {"id": "title-1", "kind": "text", "role": "title", "segments": [
                {"id": "t1", "kind": "text", "start": 0, "duration": 3000, "text": "Urban Dreams", "size": "large"}]},
            {"id": "cta-1", "kind": "text", "role": "cta", "segments": [
                {"id": "t2", "kind": "text", "start": 27000, "duration": 3000, "text": "Shop now",
                 "position": "bottom"}]},
        ],
    )


def turns(texts, tl=None, library=None):
    """Plan and apply ``texts`` one after another, each remembering the last (a conversation):
    the timeline after them and each turn's plan."""
    from reelforge.planner.apply import apply
    from reelforge.planner.rules import plan_edit

    tl = sample_timeline() if tl is None else tl
    library = LIBRARY if library is None else library
    mem, out = None, []
    for text in texts:
        plan = plan_edit(text, tl, library=library, memory=mem)
        tl = apply(tl, plan.ops, library=library) if plan.ops else tl
        mem = plan.memory or mem
        out.append(plan)
    return tl, out


def check_invariants(tl) -> None:
    """Every rule a timeline must keep after any edit (used by the property tests)."""
    import json

    from reelforge.timeline import Role, Timeline

    again = Timeline.model_validate(json.loads(tl.to_json()))
    assert again == tl
    main = tl.track(Role.MAIN)
    segs = main.segments if main else ()
    if segs:
        assert segs[0].start == 0
        for prev, seg in zip(segs, segs[1:], strict=False):
            assert seg.start == prev.end - seg.transition_ms
            assert seg.transition_ms * 2 <= min(seg.duration, prev.duration)
        assert segs[-1].end == tl.duration
    for track in tl.tracks:
        prev_end = None
        for seg in track.segments:
            assert seg.duration > 0 and seg.start >= 0
            assert seg.end <= tl.duration
            if track.role is not Role.MAIN and prev_end is not None:
                assert seg.start >= prev_end
            prev_end = seg.end


# (instruction, expected ops | 'ambiguous' | 'unknown'); expectations reviewed by hand
CASES: list[tuple[str, object]] = [
    ('make it vertical for TikTok', [{'aspect': '9:16', 'op': 'set_frame'}]),
    ('make it vertical', [{'aspect': '9:16', 'op': 'set_frame'}]),
    ('make it square', [{'aspect': '1:1', 'op': 'set_frame'}]),
    ('make it 16:9', [{'aspect': '16:9', 'op': 'set_frame'}]),
    ('make it landscape for YouTube', [{'aspect': '16:9', 'op': 'set_frame'}]),
    ('format it for Instagram Reels', [{'aspect': '9:16', 'op': 'set_frame'}]),
    ('4:5 for Instagram portrait', [{'aspect': '4:5', 'op': 'set_frame'}]),
    ('change the aspect ratio to 9:16', [{'aspect': '9:16', 'op': 'set_frame'}]),
    ('export size 720p', [{'resolution': '720p', 'op': 'set_frame'}]),
    ('make it 4K', [{'resolution': '4k', 'op': 'set_frame'}]),
    ('render in 1080p', [{'resolution': '1080p', 'op': 'set_frame'}]),
    ('make it vertical in 720p', [{'aspect': '9:16', 'resolution': '720p', 'op': 'set_frame'}]),
    ('做成竖屏', [{'aspect': '9:16', 'op': 'set_frame'}]),
    ('改成横屏', [{'aspect': '16:9', 'op': 'set_frame'}]),
    ('改成方形', [{'aspect': '1:1', 'op': 'set_frame'}]),
    ('抖音竖版', [{'aspect': '9:16', 'op': 'set_frame'}]),
    ('适配小红书', [{'aspect': '4:5', 'op': 'set_frame'}]),
    ('改成720p', [{'resolution': '720p', 'op': 'set_frame'}]),
    ('分辨率改成1080p', [{'resolution': '1080p', 'op': 'set_frame'}]),
    ('make it 20 seconds', [{'duration_ms': 20000, 'op': 'set_total_duration'}]),
    ('make the video 15 seconds long', [{'duration_ms': 15000, 'op': 'set_total_duration'}]),
    ('make it thirty seconds', [{'duration_ms': 30000, 'op': 'set_total_duration'}]),
    ('shorten it to 12 seconds', [{'duration_ms': 12000, 'op': 'set_total_duration'}]),
    ('cut it down to 10s', [{'duration_ms': 10000, 'op': 'set_total_duration'}]),
    ('make it a minute long', [{'duration_ms': 60000, 'op': 'set_total_duration'}]),
    ('make it 5 seconds shorter', [{'duration_ms': 25000, 'op': 'set_total_duration'}]),
    ('make it 10 seconds longer', [{'duration_ms': 40000, 'op': 'set_total_duration'}]),
    ('make it shorter', [{'duration_ms': 24000, 'op': 'set_total_duration'}]),
    ('make it longer', [{'duration_ms': 38000, 'op': 'set_total_duration'}]),
    ('视频改成20秒', [{'duration_ms': 20000, 'op': 'set_total_duration'}]),
    ('时长改成15秒', [{'duration_ms': 15000, 'op': 'set_total_duration'}]),
    ('改成一分钟', [{'duration_ms': 60000, 'op': 'set_total_duration'}]),
    ('缩短到十秒', [{'duration_ms': 10000, 'op': 'set_total_duration'}]),
    ('视频缩短5秒', [{'duration_ms': 25000, 'op': 'set_total_duration'}]),
    ('fit the video to the voiceover', [{'op': 'fit_to_voice'}]),
    ('match the length to the narration', [{'op': 'fit_to_voice'}]),
    ('make it as long as the voiceover', [{'op': 'fit_to_voice'}]),
    ('按旁白长度调整', [{'op': 'fit_to_voice'}]),
    ('和配音一样长', [{'op': 'fit_to_voice'}]),
    ('make the first image 3 seconds', [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}]),
    ('show the second photo for 4 seconds', [{'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 4000, 'op': 'set_segment_duration'}]),
    ('make the last image 2s long', [{'target': {'index': -1, 'kind': 'image'}, 'duration_ms': 2000, 'op': 'set_segment_duration'}]),
    ('make the video clip 4 seconds', [{'target': {'index': 0, 'kind': 'video'}, 'duration_ms': 4000, 'op': 'set_segment_duration'}]),
    ('make the first image longer', [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 6500, 'op': 'set_segment_duration'}]),
    ('make the second image shorter', [{'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 4500, 'op': 'set_segment_duration'}]),
    ('make the first image 2 seconds longer', [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 7500, 'op': 'set_segment_duration'}]),
    ('three seconds per image', [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}, {'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}, {'target': {'index': 2, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}, {'target': {'index': 3, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}, {'target': {'index': 4, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}]),
    ('each image 2 seconds', [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 2000, 'op': 'set_segment_duration'}, {'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 2000, 'op': 'set_segment_duration'}, {'target': {'index': 2, 'kind': 'image'}, 'duration_ms': 2000, 'op': 'set_segment_duration'}, {'target': {'index': 3, 'kind': 'image'}, 'duration_ms': 2000, 'op': 'set_segment_duration'}, {'target': {'index': 4, 'kind': 'image'}, 'duration_ms': 2000, 'op': 'set_segment_duration'}]),
    ('第一张图片改成3秒', [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}]),
    ('第二张显示五秒', [{'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 5000, 'op': 'set_segment_duration'}]),
    ('每张图片三秒', [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}, {'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}, {'target': {'index': 2, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}, {'target': {'index': 3, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}, {'target': {'index': 4, 'kind': 'image'}, 'duration_ms': 3000, 'op': 'set_segment_duration'}]),
    ('trim 2 seconds off the start of the video clip', [{'target': {'index': 0, 'kind': 'video'}, 'head_ms': 2000, 'op': 'trim_segment'}]),
    ('trim the last second of the video clip', [{'target': {'index': 0, 'kind': 'video'}, 'tail_ms': 1000, 'op': 'trim_segment'}]),
    ('cut the first 2 seconds of the clip', [{'target': {'index': 0, 'kind': 'video'}, 'head_ms': 2000, 'op': 'trim_segment'}]),
    ('剪掉视频片段开头2秒', [{'target': {'index': 0, 'kind': 'video'}, 'head_ms': 2000, 'op': 'trim_segment'}]),
    ('remove the second image', [{'target': {'index': 1, 'kind': 'image'}, 'op': 'remove_segment'}]),
    ('delete the last clip', [{'target': {'index': -1}, 'op': 'remove_segment'}]),
    ('remove the sneaker photo', [{'target': {'name': 'sneaker'}, 'op': 'remove_segment'}]),
    ('drop the beach image', [{'target': {'name': 'beach'}, 'op': 'remove_segment'}]),
    ('get rid of image 3', [{'target': {'index': 2, 'kind': 'image'}, 'op': 'remove_segment'}]),
    ('remove the shot at 0:12', [{'target': {'at_ms': 12000}, 'op': 'remove_segment'}]),
    ('remove the image', 'ambiguous'),
    ('remove the clip at 12s', [{'target': {'at_ms': 12000}, 'op': 'remove_segment'}]),
    # removals are ordered so that earlier ones do not shift later positions
    ('delete the first and second images', [{'target': {'index': 1, 'kind': 'image'}, 'op': 'remove_segment'}, {'target': {'index': 0, 'kind': 'image'}, 'op': 'remove_segment'}]),
    ('删除第三张', [{'target': {'index': 2, 'kind': 'image'}, 'op': 'remove_segment'}]),
    ('删掉最后一张图片', [{'target': {'index': -1, 'kind': 'image'}, 'op': 'remove_segment'}]),
    ('去掉第二张照片', [{'target': {'index': 1, 'kind': 'image'}, 'op': 'remove_segment'}]),
    ('把第一张删掉', [{'target': {'index': 0, 'kind': 'image'}, 'op': 'remove_segment'}]),
    ('删除图片', 'ambiguous'),
    ('move the second image to the end', [{'target': {'index': 1, 'kind': 'image'}, 'to_index': -1, 'op': 'move_segment'}]),
    ('move the sneaker photo to the front', [{'target': {'name': 'sneaker'}, 'to_index': 0, 'op': 'move_segment'}]),
    ('move the second image after the fourth image', [{'target': {'index': 1, 'kind': 'image'}, 'after': {'index': 3, 'kind': 'image'}, 'op': 'move_segment'}]),
    ('move the first image before the last image', [{'target': {'index': 0, 'kind': 'image'}, 'before': {'index': -1, 'kind': 'image'}, 'op': 'move_segment'}]),
    ('put the last image first', [{'target': {'index': -1, 'kind': 'image'}, 'to_index': 0, 'op': 'move_segment'}]),
    ('move image 2 to position 4', [{'target': {'index': 1, 'kind': 'image'}, 'to_index': 3, 'op': 'move_segment'}]),
    ('move the video clip to the start', [{'target': {'index': 0, 'kind': 'video'}, 'to_index': 0, 'op': 'move_segment'}]),
    ('move the beach photo to the end', [{'target': {'name': 'beach'}, 'to_index': -1, 'op': 'move_segment'}]),
    ('把第二张图片放到最后', [{'target': {'index': 1, 'kind': 'image'}, 'to_index': -1, 'op': 'move_segment'}]),
    ('把第三张移到第一张前面', [{'target': {'index': 2, 'kind': 'image'}, 'before': {'index': 0, 'kind': 'image'}, 'op': 'move_segment'}]),
    ('把最后一张放到最前面', [{'target': {'index': -1, 'kind': 'image'}, 'to_index': 0, 'op': 'move_segment'}]),
    ('把第一张放到第四张后面', [{'target': {'index': 0, 'kind': 'image'}, 'after': {'index': 3, 'kind': 'image'}, 'op': 'move_segment'}]),
    ('第二张放到最后', [{'target': {'index': 1, 'kind': 'image'}, 'to_index': -1, 'op': 'move_segment'}]),
    ('swap the first and third images', [{'a': {'index': 0, 'kind': 'image'}, 'b': {'index': 2, 'kind': 'image'}, 'op': 'swap_segments'}]),
    ('swap the first and second image', [{'a': {'index': 0, 'kind': 'image'}, 'b': {'index': 1, 'kind': 'image'}, 'op': 'swap_segments'}]),
    ('switch image 2 and image 5', [{'a': {'index': 1, 'kind': 'image'}, 'b': {'index': 4, 'kind': 'image'}, 'op': 'swap_segments'}]),
    ('swap the shoe photo and the city photo', [{'a': {'name': 'shoe'}, 'b': {'name': 'city'}, 'op': 'swap_segments'}]),
    ('exchange the first and last images', [{'a': {'index': 0, 'kind': 'image'}, 'b': {'index': -1, 'kind': 'image'}, 'op': 'swap_segments'}]),
    ('交换第一张和第二张', [{'a': {'index': 0, 'kind': 'image'}, 'b': {'index': 1, 'kind': 'image'}, 'op': 'swap_segments'}]),
    ('第一张和第三张互换', [{'a': {'index': 0, 'kind': 'image'}, 'b': {'index': 2, 'kind': 'image'}, 'op': 'swap_segments'}]),
    ('reverse the order', [{'op': 'reverse_order'}]),
    ('play the images in reverse order', [{'op': 'reverse_order'}]),
    ('顺序反过来', [{'op': 'reverse_order'}]),
    ('倒序', [{'op': 'reverse_order'}]),
    ('replace the second image with surf.mp4', [{'target': {'index': 1, 'kind': 'image'}, 'asset_id': 'vid2', 'op': 'replace_source'}]),
    ('replace the beach photo with surf.mp4', [{'target': {'name': 'beach'}, 'asset_id': 'vid2', 'op': 'replace_source'}]),
    ('use surf.mp4 instead of the third image', [{'target': {'index': 2, 'kind': 'image'}, 'asset_id': 'vid2', 'op': 'replace_source'}]),
    ('把第二张换成surf.mp4', [{'target': {'index': 1, 'kind': 'image'}, 'asset_id': 'vid2', 'op': 'replace_source'}]),
    ('把最后一张图片替换成surf.mp4', [{'target': {'index': -1, 'kind': 'image'}, 'asset_id': 'vid2', 'op': 'replace_source'}]),
    ('add surf.mp4 after the second image', [{'asset_id': 'vid2', 'after': {'index': 1, 'kind': 'image'}, 'op': 'add_segment'}]),
    ('add surf.mp4 at the end', [{'asset_id': 'vid2', 'op': 'add_segment'}]),
    ('insert surf.mp4 before the first image', [{'asset_id': 'vid2', 'before': {'index': 0, 'kind': 'image'}, 'op': 'add_segment'}]),
    ('add surf.mp4 at the beginning', [{'asset_id': 'vid2', 'before': {'index': 0}, 'op': 'add_segment'}]),
    ('在第二张后面加上surf.mp4', [{'asset_id': 'vid2', 'after': {'index': 1, 'kind': 'image'}, 'op': 'add_segment'}]),
    ('添加surf.mp4', [{'asset_id': 'vid2', 'op': 'add_segment'}]),
    ('speed up the clip', [{'speed': 1.5, 'op': 'set_speed'}]),
    ('slow down the video clip', [{'speed': 0.5, 'op': 'set_speed'}]),
    ('play the clip at 2x', [{'speed': 2.0, 'op': 'set_speed'}]),
    ('make the clip half speed', [{'speed': 0.5, 'op': 'set_speed'}]),
    ('slow motion for the video clip', [{'speed': 0.5, 'op': 'set_speed'}]),
    ('clip at normal speed', [{'speed': 1.0, 'op': 'set_speed'}]),
    ('视频片段加速', [{'speed': 1.5, 'op': 'set_speed'}]),
    ('放慢视频', [{'speed': 0.5, 'op': 'set_speed'}]),
    ('2倍速', [{'speed': 2.0, 'op': 'set_speed'}]),
    ('mute the clip', [{'mute': True, 'op': 'set_clip_audio'}]),
    ('mute the video clip', [{'mute': True, 'op': 'set_clip_audio'}]),
    ("remove the clip's sound", [{'mute': True, 'op': 'set_clip_audio'}]),
    ('keep the original sound', [{'mute': False, 'op': 'set_clip_audio'}]),
    ('unmute the clip', [{'mute': False, 'op': 'set_clip_audio'}]),
    ('视频静音', [{'mute': True, 'op': 'set_clip_audio'}]),
    ('保留原声', [{'mute': False, 'op': 'set_clip_audio'}]),
    ("add the title 'Spring Sale' for the first 3 seconds", [{'text': 'Spring Sale', 'timing': {'duration_ms': 3000}, 'op': 'add_text'}]),
    ('add the title "Urban Dreams"', [{'text': 'Urban Dreams', 'timing': {'duration_ms': 3000}, 'op': 'add_text'}]),
    ("add a caption 'Free shipping' at the bottom from 10s to 14s", [{'text': 'Free shipping', 'role': 'caption', 'timing': {'start_ms': 10000, 'duration_ms': 4000}, 'position': 'bottom', 'op': 'add_text'}]),
    ("add 'Buy now' at the end", [{'target': {'role': 'cta', 'name': 'Shop now'}, 'text': 'Buy now', 'op': 'update_text'}]),  # s10: the one there, not a second over it
    ('add a call to action "Shop today" at the end', [{'target': {'role': 'cta', 'name': 'Shop now'}, 'text': 'Shop today', 'op': 'update_text'}]),  # s10: the one there, not a second over it
    ("add the caption 'Limited offer' throughout", [{'text': 'Limited offer', 'role': 'caption', 'op': 'add_text'}]),
    ("add the title 'Hello' at 0:12", [{'text': 'Hello', 'timing': {'start_ms': 12000, 'duration_ms': 3000}, 'op': 'add_text'}]),
    # over one shot: a caption that goes with it (a time stays a time, above)
    ("add a caption 'Hello there' to the third shot", [{'text': 'Hello there', 'role': 'caption', 'shot': {'index': 2}, 'op': 'add_text'}]),
    ("add the caption 'Big sale' on shot 2", [{'text': 'Big sale', 'role': 'caption', 'shot': {'index': 1}, 'op': 'add_text'}]),
    ("put 'Fresh air' over the mountain picture", [{'text': 'Fresh air', 'role': 'caption', 'shot': {'name': 'mountain'}, 'op': 'add_text'}]),
    ("add the title 'Summer' on the last photo", [{'text': 'Summer', 'shot': {'index': -1, 'kind': 'image'}, 'op': 'add_text'}]),
    ("在第四张图片上加字幕'新品上市'", [{'text': '新品上市', 'role': 'caption', 'shot': {'index': 3, 'kind': 'image'}, 'op': 'add_text'}]),
    ("playfull style", [{'style': 'playful', 'op': 'set_style'}]),
    ("use the minimall look", [{'style': 'minimal', 'op': 'set_style'}]),
    ("第二张图片加字幕“专业检测”", [{'text': '专业检测', 'role': 'caption', 'shot': {'index': 1, 'kind': 'image'}, 'op': 'add_text'}]),
    ("第二张图片上加字幕“专业检测”", [{'text': '专业检测', 'role': 'caption', 'shot': {'index': 1, 'kind': 'image'}, 'op': 'add_text'}]),
    # texts by their shot; a later start keeps the length; words without quotes for a text that exists
    ("no text on the first shot", [{'target': {'role': 'title', 'name': 'Urban Dreams'}, 'op': 'remove_text'}]),
    ("remove the text from the last shot", [{'target': {'role': 'cta', 'name': 'Shop now'}, 'op': 'remove_text'}]),
    ("去掉第一张图片上的文字", [{'target': {'role': 'title', 'name': 'Urban Dreams'}, 'op': 'remove_text'}]),
    ("make the title appear after 1 second", [{'timing': {'start_ms': 1000, 'duration_ms': 3000}, 'op': 'update_text'}]),
    ("the title should say Urban Dreams 2026", [{'text': 'Urban Dreams 2026', 'op': 'update_text'}]),
    # a music file that already plays: said, in the instruction's language (a file name glued to
    # Chinese words left the sentence English: "音乐换成bgm.mp3")
    ("音乐换成bgm.mp3", "unknown"),
    ("use bgm.mp3 as the music", "unknown"),
    ("背景音乐换成jazz.mp3", [{'asset_id': 'jazz1', 'op': 'replace_music'}]),
    # a text one row up or down, on its side (the title is mid-frame)
    ("move the title down", [{'position': 'bottom', 'op': 'update_text'}]),
    ("put the title a bit higher", [{'position': 'top', 'op': 'update_text'}]),
    ("lower the title", [{'position': 'bottom', 'op': 'update_text'}]),
    ("标题往下一点", [{'position': 'bottom', 'op': 'update_text'}]),
    ("move the cta down a bit", [{'target': {'role': 'cta', 'index': 0}, 'position': 'bottom', 'op': 'update_text'}]),
    ("lower the music", [{'factor': 0.5, 'op': 'set_volume'}]),
    # a pause is not a length ("add a 1 second pause" made the video 1 s; "hold" was read as "gold")
    ("add a 1 second pause at the start", "unknown"),
    # s13: the last shot is a still, so holding it is showing it longer (a clip's last frame: answered plainly)
    ("hold the last frame for 2 seconds", [{'target': {'index': -1}, 'duration_ms': 7000, 'op': 'set_segment_duration'}]),
    ("开头停顿1秒", "unknown"),
    ("add 2 seconds of silence at the start of the music", [{'volume': 0.0, 'span': {'start_ms': 0, 'end_ms': 2000}, 'op': 'set_volume'}]),
    # the ending: the call to action, named by where it is ("结尾" is the text, not a time)
    ("change the ending to 'Order now'", [{'target': {'role': 'cta', 'index': 0}, 'text': 'Order now', 'op': 'update_text'}]),
    ("change the end text to Order now", [{'target': {'role': 'cta', 'index': 0}, 'text': 'Order now', 'op': 'update_text'}]),
    ("change the closing line to red", [{'target': {'role': 'cta', 'index': 0}, 'color': '#FF0000', 'op': 'update_text'}]),
    ("把结尾改成“立即下单”", [{'target': {'role': 'cta', 'index': 0}, 'text': '立即下单', 'op': 'update_text'}]),
    ("结尾文字改成“立即下单”", [{'target': {'role': 'cta', 'index': 0}, 'text': '立即下单', 'op': 'update_text'}]),
    ("make the ending slower", [{'target': {'index': -1}, 'speed': 0.5, 'op': 'set_speed'}]),
    # shots as people say it
    ("use the beach photo first", [{'target': {'name': 'beach'}, 'to_index': 0, 'op': 'move_segment'}]),
    ("duplicate the city photo", [{'asset_id': 'img2', 'after': {'name': 'city'}, 'duration_ms': 5500, 'op': 'add_segment'}]),
    ("show the shoe twice", [{'asset_id': 'img1', 'after': {'name': 'shoe'}, 'duration_ms': 5500, 'op': 'add_segment'}]),
    ("make the transitions faster", [{'kind': 'crossfade', 'duration_ms': 250, 'op': 'set_transition'}]),
    ("slow down the zoom", [{'amount': 0.06, 'op': 'set_motion_amount'}]),  # a zoom runs over its shot: slower is less far
    ("add a slow zoom to the first photo", [{'target': {'index': 0, 'kind': 'image'}, 'motion': 'auto', 'op': 'set_motion'}]),
    ("make the zoom slower", [{'amount': 0.06, 'op': 'set_motion_amount'}]),
    # a picture put in a corner is an overlay, whatever its name
    ("add beach.jpg in the top right corner", [{'asset_id': 'img3', 'position': 'top-right', 'op': 'add_logo'}]),
    ("在右上角加上beach.jpg", [{'asset_id': 'img3', 'position': 'top-right', 'op': 'add_logo'}]),
    # lengths as people leave the unit out, texts longer or shorter (a call to action keeps its end)
    ("cut it down to 15", [{'duration_ms': 15000, 'op': 'set_total_duration'}]),
    # a length said beside "shorter"/"longer" is the length to go to; an amount changes it by that
    ("make it shorter, like 20 seconds", [{'duration_ms': 20000, 'op': 'set_total_duration'}]),
    ("shorter please, around 20 seconds", [{'duration_ms': 20000, 'op': 'set_total_duration'}]),
    ("longer, about 40 seconds", [{'duration_ms': 40000, 'op': 'set_total_duration'}]),
    ("make it ten seconds shorter", [{'duration_ms': 20000, 'op': 'set_total_duration'}]),
    ("add another 5 seconds", [{'duration_ms': 35000, 'op': 'set_total_duration'}]),
    ("缩短5秒", [{'duration_ms': 25000, 'op': 'set_total_duration'}]),
    ("show the title longer", [{'timing': {'duration_ms': 4500}, 'op': 'update_text'}]),
    ("make the title 3 seconds longer", [{'timing': {'duration_ms': 6000}, 'op': 'update_text'}]),
    ("make the cta shorter", [{'target': {'role': 'cta', 'index': 0}, 'timing': {'duration_ms': 2000, 'anchor': 'end'}, 'op': 'update_text'}]),
    ("标题显示久一点", [{'timing': {'duration_ms': 4500}, 'op': 'update_text'}]),
    # Chinese words after a colon, unquoted: that text (not captions from the speech)
    ("加字幕：新品上市", [{'text': '新品上市', 'role': 'caption', 'op': 'add_text'}]),
    ("加个标题：夏日特惠", [{'text': '夏日特惠', 'op': 'update_text'}]),
    # "change the title to X": new words unless X is a look, a place or a time
    ("change the title to Summer Drop", [{'text': 'Summer Drop', 'op': 'update_text'}]),
    ("把标题改成城市之光", [{'text': '城市之光', 'op': 'update_text'}]),
    ("change the title to Red Sale", [{'text': 'Red Sale', 'op': 'update_text'}]),
    ("change the title to red", [{'color': '#FF0000', 'op': 'update_text'}]),
    ("把标题改成红色", [{'color': '#FF0000', 'op': 'update_text'}]),
    ("change the title to the top", [{'position': 'top', 'op': 'update_text'}]),
    ("change the title to 5 seconds", [{'timing': {'duration_ms': 5000}, 'op': 'update_text'}]),  # not the video's length
    ("make the cta 4 seconds", [{'target': {'role': 'cta', 'index': 0}, 'timing': {'duration_ms': 4000, 'anchor': 'end'}, 'op': 'update_text'}]),
    # pacing in words: every still a quarter shorter (a third longer); one shot a second more or less
    ("each picture should be shorter", [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 2, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 3, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 4, 'kind': 'image'}, 'duration_ms': 3800, 'op': 'set_segment_duration'}]),
    ("make the photos go faster", [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 2, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 3, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 4, 'kind': 'image'}, 'duration_ms': 3800, 'op': 'set_segment_duration'}]),
    ("图片节奏快一点", [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 1, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 2, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 3, 'kind': 'image'}, 'duration_ms': 4100, 'op': 'set_segment_duration'}, {'target': {'index': 4, 'kind': 'image'}, 'duration_ms': 3800, 'op': 'set_segment_duration'}]),
    ("more time on the beach photo", [{'target': {'name': 'beach'}, 'duration_ms': 6500, 'op': 'set_segment_duration'}]),
    ("less time on the city photo", [{'target': {'name': 'city'}, 'duration_ms': 4500, 'op': 'set_segment_duration'}]),
    ('add a caption "New arrivals" from 5s to 9s in yellow', [{'text': 'New arrivals', 'role': 'caption', 'timing': {'start_ms': 5000, 'duration_ms': 4000}, 'color': '#FFD400', 'op': 'add_text'}]),
    ("add a big red title 'SALE'", [{'text': 'SALE', 'timing': {'duration_ms': 3000}, 'size': 'large', 'color': '#FF0000', 'op': 'add_text'}]),
    ("add the title 'Welcome' at the top for the first five seconds", [{'text': 'Welcome', 'timing': {'duration_ms': 5000}, 'position': 'top', 'op': 'add_text'}]),
    ('添加标题「春季大促」前3秒', [{'text': '春季大促', 'timing': {'duration_ms': 3000}, 'op': 'add_text'}]),
    ('加字幕「限时优惠」在底部', [{'text': '限时优惠', 'role': 'caption', 'position': 'bottom', 'op': 'add_text'}]),
    ('在结尾加上「立即购买」', [{'target': {'role': 'cta', 'name': 'Shop now'}, 'text': '立即购买', 'op': 'update_text'}]),  # s10: the one there, not a second over it
    ('添加文字“新品上市”', [{'text': '新品上市', 'timing': {'start_ms': 3000, 'duration_ms': 3000}, 'op': 'add_text'}]),
    ("加一个标题'夏日特惠'全程显示", [{'text': '夏日特惠', 'op': 'add_text'}]),
    ("change the title to 'City Nights'", [{'text': 'City Nights', 'op': 'update_text'}]),
    ('rename the title to "Summer"', [{'text': 'Summer', 'op': 'update_text'}]),
    ("change 'Shop now' to 'Buy today'", [{'target': {'role': 'cta', 'name': 'Shop now'}, 'text': 'Buy today', 'op': 'update_text'}]),
    ('move the title to the top', [{'position': 'top', 'op': 'update_text'}]),
    ('move the title to the bottom', [{'position': 'bottom', 'op': 'update_text'}]),
    ('put the call to action at the top', [{'target': {'role': 'cta', 'index': 0}, 'position': 'top', 'op': 'update_text'}]),
    ('make the title bigger', [{'size': 'xlarge', 'op': 'update_text'}]),
    ('make the title smaller', [{'size': 'medium', 'op': 'update_text'}]),
    ('make the title red', [{'color': '#FF0000', 'op': 'update_text'}]),
    ('make the title bigger and red', [{'size': 'xlarge', 'color': '#FF0000', 'op': 'update_text'}]),
    ('make the title yellow with a box', [{'color': '#FFD400', 'background': 'box', 'op': 'update_text'}]),
    ('show the title for 5 seconds', [{'timing': {'duration_ms': 5000}, 'op': 'update_text'}]),
    ('show the title at the end', [{'timing': {'duration_ms': 3000, 'anchor': 'end'}, 'op': 'update_text'}]),
    ('keep the title throughout', [{'timing': {}, 'op': 'update_text'}]),
    ('把标题改成「城市之夜」', [{'text': '城市之夜', 'op': 'update_text'}]),
    ('标题放到顶部', [{'position': 'top', 'op': 'update_text'}]),
    ('标题改成红色', [{'color': '#FF0000', 'op': 'update_text'}]),
    ('标题大一点', [{'size': 'xlarge', 'op': 'update_text'}]),
    ('字幕放到底部', 'unknown'),
    ('remove the title', [{'target': {'role': 'title', 'index': 0}, 'op': 'remove_text'}]),
    ('delete the call to action', [{'target': {'role': 'cta', 'index': 0}, 'op': 'remove_text'}]),
    ('remove all text', [{'op': 'remove_text'}]),
    ('remove the text', 'ambiguous'),
    ('no text', [{'op': 'remove_text'}]),
    ('去掉标题', [{'target': {'role': 'title', 'index': 0}, 'op': 'remove_text'}]),
    ('删除所有文字', [{'op': 'remove_text'}]),
    ('music to 20%', [{'volume': 0.2, 'op': 'set_volume'}]),
    ('make the music quieter, about 20%', [{'volume': 0.2, 'op': 'set_volume'}]),
    ('lower the music to 35%', [{'volume': 0.35, 'op': 'set_volume'}]),
    ('set the music volume to 50%', [{'volume': 0.5, 'op': 'set_volume'}]),
    ('make the music louder', [{'factor': 1.5, 'op': 'set_volume'}]),
    ('make the music a bit quieter', [{'factor': 0.7, 'op': 'set_volume'}]),
    ('make the music much quieter', [{'factor': 0.3, 'op': 'set_volume'}]),
    ('make the voice clearer', [{'factor': 0.5, 'op': 'set_volume'}]),  # less music under it
    ('人声清楚一些', [{'factor': 0.7, 'op': 'set_volume'}]),
    ('lower the music by 6 dB', [{'factor': 0.5012, 'op': 'set_volume'}]),
    ('music to -12 dB', [{'volume': 0.2512, 'op': 'set_volume'}]),
    ('turn the voiceover up', [{'role': 'voice', 'factor': 1.5, 'op': 'set_volume'}]),
    ('make the voice louder', [{'role': 'voice', 'factor': 1.5, 'op': 'set_volume'}]),
    ('voiceover to 120%', [{'role': 'voice', 'volume': 1.2, 'op': 'set_volume'}]),
    ('mute the music', [{'volume': 0.0, 'op': 'set_volume'}]),
    ('turn down the volume', 'ambiguous'),
    ('background music at 30 percent', [{'volume': 0.3, 'op': 'set_volume'}]),
    ('把背景音乐调小一点', [{'factor': 0.7, 'op': 'set_volume'}]),
    ('背景音乐调到20%', [{'volume': 0.2, 'op': 'set_volume'}]),
    ('音乐大声点', [{'factor': 1.5, 'op': 'set_volume'}]),
    ('音乐降低6分贝', [{'factor': 0.5012, 'op': 'set_volume'}]),
    ('旁白声音大一点', [{'role': 'voice', 'factor': 1.25, 'op': 'set_volume'}]),
    ('配音音量调到80%', [{'role': 'voice', 'volume': 0.8, 'op': 'set_volume'}]),
    ('背景音乐静音', [{'volume': 0.0, 'op': 'set_volume'}]),
    ('fade out the music', [{'fade_out_ms': 2000, 'op': 'set_fade'}]),
    ('fade in the music', [{'fade_in_ms': 2000, 'op': 'set_fade'}]),
    ('fade the music in and out', [{'fade_in_ms': 2000, 'fade_out_ms': 2000, 'op': 'set_fade'}]),
    ('fade out the music over 3 seconds', [{'fade_out_ms': 3000, 'op': 'set_fade'}]),
    ('add a 2 second fade in to the music', [{'fade_in_ms': 2000, 'op': 'set_fade'}]),
    ('no fades on the music', [{'fade_in_ms': 0, 'fade_out_ms': 0, 'op': 'set_fade'}]),
    ('音乐淡出', [{'fade_out_ms': 2000, 'op': 'set_fade'}]),
    ('背景音乐淡入3秒', [{'fade_in_ms': 3000, 'op': 'set_fade'}]),
    ('duck the music under the voice', [{'op': 'set_duck'}]),
    ("don't duck the music", [{'on': False, 'op': 'set_duck'}]),
    ('stop ducking', [{'on': False, 'op': 'set_duck'}]),
    ('人声时压低背景音乐', [{'depth': 1.5, 'op': 'set_duck'}]),  # s10: already ducked: further
    ('关闭闪避', [{'on': False, 'op': 'set_duck'}]),
    ('remove the music', [{'role': 'music', 'op': 'remove_track'}]),
    ('no music', [{'role': 'music', 'op': 'remove_track'}]),
    ('drop the background music', [{'role': 'music', 'op': 'remove_track'}]),
    ('remove the voiceover', [{'role': 'voice', 'op': 'remove_track'}]),
    ('去掉背景音乐', [{'role': 'music', 'op': 'remove_track'}]),
    ('不要音乐', [{'role': 'music', 'op': 'remove_track'}]),
    ('删除旁白', [{'role': 'voice', 'op': 'remove_track'}]),
    ('use jazz.mp3 as the music', [{'asset_id': 'jazz1', 'op': 'replace_music'}]),
    ('replace the music with jazz.mp3', [{'asset_id': 'jazz1', 'op': 'replace_music'}]),
    ('change the music to jazz', [{'asset_id': 'jazz1', 'op': 'replace_music'}]),
    ('把背景音乐换成jazz.mp3', [{'asset_id': 'jazz1', 'op': 'replace_music'}]),
    ('crossfade transitions', [{'kind': 'crossfade', 'op': 'set_transition'}]),
    ('use crossfades', [{'kind': 'crossfade', 'op': 'set_transition'}]),
    ('hard cuts', [{'kind': 'cut', 'op': 'set_transition'}]),
    ('no transitions', [{'kind': 'cut', 'op': 'set_transition'}]),
    ('fade through black between shots', [{'kind': 'fade-black', 'op': 'set_transition'}]),
    ('slide transitions', [{'kind': 'slide-left', 'op': 'set_transition'}]),
    ('wipe transitions', [{'kind': 'wipe-left', 'op': 'set_transition'}]),
    ('1 second transitions', [{'kind': 'crossfade', 'duration_ms': 1000, 'op': 'set_transition'}]),
    ('make the transitions 1 second', [{'kind': 'crossfade', 'duration_ms': 1000, 'op': 'set_transition'}]),
    ('1-second crossfades', [{'kind': 'crossfade', 'duration_ms': 1000, 'op': 'set_transition'}]),
    ('crossfade into the third image', [{'target': {'index': 2, 'kind': 'image'}, 'kind': 'crossfade', 'op': 'set_transition'}]),
    ('转场改成叠化', [{'kind': 'crossfade', 'op': 'set_transition'}]),
    ('去掉转场', [{'kind': 'cut', 'op': 'set_transition'}]),
    ('硬切', [{'kind': 'cut', 'op': 'set_transition'}]),
    ('转场1秒', [{'kind': 'crossfade', 'duration_ms': 1000, 'op': 'set_transition'}]),
    ('no motion', [{'motion': 'none', 'op': 'set_motion'}]),
    ('turn off the Ken Burns effect', [{'motion': 'none', 'op': 'set_motion'}]),
    ('keep the images static', [{'motion': 'none', 'op': 'set_motion'}]),
    ('add motion to the images', [{'motion': 'auto', 'op': 'set_motion'}]),
    ('zoom in on the first image', [{'target': {'index': 0, 'kind': 'image'}, 'motion': 'zoom-in', 'op': 'set_motion'}]),
    ('pan left on the second image', [{'target': {'index': 1, 'kind': 'image'}, 'motion': 'pan-left', 'op': 'set_motion'}]),
    ('去掉动画', [{'motion': 'none', 'op': 'set_motion'}]),
    ('加上动效', [{'motion': 'auto', 'op': 'set_motion'}]),
    ('blurred background', [{'blur': True, 'op': 'set_background'}]),
    ('blur the background', [{'blur': True, 'op': 'set_background'}]),
    ('white background', [{'color': '#FFFFFF', 'op': 'set_background'}]),
    ('make the background black', [{'color': '#000000', 'op': 'set_background'}]),
    ('letterbox the images', [{'fit': 'contain', 'op': 'set_fit'}]),
    ("don't crop the images", [{'fit': 'contain', 'op': 'set_fit'}]),
    ('fill the frame', [{'fit': 'cover', 'op': 'set_fit'}]),
    ('背景模糊', [{'blur': True, 'op': 'set_background'}]),
    ('背景改成白色', [{'color': '#FFFFFF', 'op': 'set_background'}]),
    ('填满画面', [{'fit': 'cover', 'op': 'set_fit'}]),
    ('add the logo in the top right corner', [{'asset_id': 'logo1', 'position': 'top-right', 'op': 'add_logo'}]),
    ('add logo.png as a watermark', [{'asset_id': 'logo1', 'op': 'add_logo'}]),
    ('put a small logo in the bottom left', [{'asset_id': 'logo1', 'position': 'bottom-left', 'scale': 0.1, 'op': 'add_logo'}]),
    ('remove the logo', [{'role': 'logo', 'op': 'remove_track'}]),
    ('加上水印', [{'asset_id': 'logo1', 'op': 'add_logo'}]),
    ('右上角加logo', [{'asset_id': 'logo1', 'position': 'top-right', 'op': 'add_logo'}]),
    ('去掉水印', [{'role': 'logo', 'op': 'remove_track'}]),
    ('make it vertical and lower the music', [{'aspect': '9:16', 'op': 'set_frame'}, {'factor': 0.5, 'op': 'set_volume'}]),
    ("make it square, then add the title 'Hi'", [{'aspect': '1:1', 'op': 'set_frame'}, {'text': 'Hi', 'timing': {'duration_ms': 3000}, 'op': 'add_text'}]),
    ('remove the second image and make the music quieter', [{'target': {'index': 1, 'kind': 'image'}, 'op': 'remove_segment'}, {'factor': 0.5, 'op': 'set_volume'}]),
    ('music to 20% and fade it out', [{'volume': 0.2, 'op': 'set_volume'}, {'fade_out_ms': 2000, 'op': 'set_fade'}]),
    ('make it 20 seconds and use crossfades', [{'duration_ms': 20000, 'op': 'set_total_duration'}, {'kind': 'crossfade', 'op': 'set_transition'}]),
    ('swap the first and second images then remove the last image', [{'a': {'index': 0, 'kind': 'image'}, 'b': {'index': 1, 'kind': 'image'}, 'op': 'swap_segments'}, {'target': {'index': -1, 'kind': 'image'}, 'op': 'remove_segment'}]),
    ('做成竖屏，然后把背景音乐调小一点', [{'aspect': '9:16', 'op': 'set_frame'}, {'factor': 0.7, 'op': 'set_volume'}]),
    ('删除第三张并且添加标题「你好」', [{'target': {'index': 2, 'kind': 'image'}, 'op': 'remove_segment'}, {'text': '你好', 'timing': {'duration_ms': 3000}, 'op': 'add_text'}]),
    ('把第二张图片放到最后，音乐调到30%', [{'target': {'index': 1, 'kind': 'image'}, 'to_index': -1, 'op': 'move_segment'}, {'volume': 0.3, 'op': 'set_volume'}]),
    # issue 16: the understood part is applied and the rest named (was 'unknown': nothing applied)
    ('make it vertical and make it sparkle', [{'aspect': '9:16', 'op': 'set_frame'}]),
    ('make it sparkle', 'unknown'),
    ('do something cool', 'unknown'),
    ('make it more magical', 'unknown'),
    ('hello', 'unknown'),
    ('what do you think?', 'unknown'),
    ('让它更酷', 'unknown'),
    ('加点特效', 'unknown'),
    ('asdf qwer', 'unknown'),
    ('remove it', 'unknown'),
    ('make it better', 'unknown'),
]

# more phrasings (second review round)
CASES += [
    ('move the title to the centre', [{'position': 'center', 'op': 'update_text'}]),
    ('change the cta colour to yellow', [{'target': {'role': 'cta', 'index': 0}, 'color': '#FFD400', 'op': 'update_text'}]),
    # the box's colour is its own (it was read as the letters': white text on the default dark box)
    ('make the title white on a black box', [{'color': '#FFFFFF', 'background': 'box', 'box_color': '#000000', 'op': 'update_text'}]),
    ("add the title 'Launch' from 10s to 14s", [{'text': 'Launch', 'timing': {'start_ms': 10000, 'duration_ms': 4000}, 'op': 'add_text'}]),
    ("put the text 'Limited time' throughout at the top", [{'text': 'Limited time', 'timing': {'start_ms': 3000, 'duration_ms': 27000}, 'position': 'top', 'op': 'add_text'}]),
    ('move the shot at 0:12 to the end', [{'target': {'at_ms': 12000}, 'to_index': -1, 'op': 'move_segment'}]),
    ('remove whatever is showing at 0:05', [{'target': {'at_ms': 5000}, 'op': 'remove_segment'}]),
    ('reorder: put the beach photo first', [{'target': {'name': 'beach'}, 'to_index': 0, 'op': 'move_segment'}]),
    ('make the intro image 4 seconds', [{'target': {'index': 0, 'kind': 'image'}, 'duration_ms': 4000, 'op': 'set_segment_duration'}]),
    ('slide transitions of 0.8 seconds', [{'kind': 'slide-left', 'duration_ms': 800, 'op': 'set_transition'}]),
    ('wipe right between shots', [{'kind': 'wipe-right', 'op': 'set_transition'}]),
    ('use fade to black transitions, 1 second', [{'kind': 'fade-black', 'duration_ms': 1000, 'op': 'set_transition'}]),
    ('music at -6dB', [{'volume': 0.5012, 'op': 'set_volume'}]),
    ('music louder by 3 dB', [{'factor': 1.4125, 'op': 'set_volume'}]),
    ('turn the voiceover down a bit', [{'role': 'voice', 'factor': 0.7, 'op': 'set_volume'}]),
    ("don't duck the music under the voiceover", [{'on': False, 'op': 'set_duck'}]),
    ('keep the music ducked', [{'op': 'set_duck'}]),
    ('replace the music with jazz', [{'asset_id': 'jazz1', 'op': 'replace_music'}]),
    ('swap the music for jazz.mp3', [{'asset_id': 'jazz1', 'op': 'replace_music'}]),
    ('fit it to the voiceover length', [{'op': 'fit_to_voice'}]),
    ('set the length to 1 minute', [{'duration_ms': 60000, 'op': 'set_total_duration'}]),
    ('make it one and a half minutes', [{'duration_ms': 90000, 'op': 'set_total_duration'}]),
    ('speed the clip up to 1.5x', [{'speed': 1.5, 'op': 'set_speed'}]),
    ('play the video clip at half speed', [{'speed': 0.5, 'op': 'set_speed'}]),
    ('mute the original audio', [{'mute': True, 'op': 'set_clip_audio'}]),
    ('make it for YouTube Shorts', [{'aspect': '9:16', 'op': 'set_frame'}]),
    ('1:1 square please', [{'aspect': '1:1', 'op': 'set_frame'}]),
    ('output in 4K', [{'resolution': '4k', 'op': 'set_frame'}]),
    ('background color red', [{'color': '#FF0000', 'op': 'set_background'}]),
    ('make the background blurred', [{'blur': True, 'op': 'set_background'}]),
    ('add a watermark in the bottom right corner', [{'asset_id': 'logo1', 'op': 'add_logo'}]),
    ('put the logo top right, small', [{'asset_id': 'logo1', 'position': 'top-right', 'scale': 0.1, 'op': 'add_logo'}]),
    ('在0:12的片段删掉', [{'target': {'at_ms': 12000}, 'op': 'remove_segment'}]),
    ('把第二张和第四张换一下位置', [{'a': {'index': 1, 'kind': 'image'}, 'b': {'index': 3, 'kind': 'image'}, 'op': 'swap_segments'}]),
    ('把标题移到底部', [{'position': 'bottom', 'op': 'update_text'}]),
    ('添加字幕「限时抢购」从10秒到14秒', [{'text': '限时抢购', 'role': 'caption', 'timing': {'start_ms': 10000, 'duration_ms': 4000}, 'op': 'add_text'}]),
    ('在最后3秒加上「立即购买」', [{'target': {'role': 'cta', 'name': 'Shop now'}, 'text': '立即购买', 'op': 'update_text'}]),  # s10: the one there, not a second over it
    ('背景音乐调大一点', [{'factor': 1.25, 'op': 'set_volume'}]),
    ('背景音乐降低3分贝', [{'factor': 0.7079, 'op': 'set_volume'}]),
    ('旁白调到百分之一百二十', [{'role': 'voice', 'volume': 1.2, 'op': 'set_volume'}]),
    ('音乐淡入两秒', [{'fade_in_ms': 2000, 'op': 'set_fade'}]),
    ('不要闪避', [{'on': False, 'op': 'set_duck'}]),
    ('把背景音乐换成jazz', [{'asset_id': 'jazz1', 'op': 'replace_music'}]),
    ('转场改成黑场过渡', [{'kind': 'fade-black', 'op': 'set_transition'}]),
    ('转场时长0.8秒', [{'kind': 'crossfade', 'duration_ms': 800, 'op': 'set_transition'}]),
    ('不要缩放效果', [{'motion': 'none', 'op': 'set_motion'}]),
    ('背景用白色', [{'color': '#FFFFFF', 'op': 'set_background'}]),
    ('在左上角加上水印', [{'asset_id': 'logo1', 'position': 'top-left', 'op': 'add_logo'}]),
    ('视频加速两倍', [{'speed': 2.0, 'op': 'set_speed'}]),
    ('视频片段静音', [{'mute': True, 'op': 'set_clip_audio'}]),
    ('把视频改成30秒', [{'duration_ms': 30000, 'op': 'set_total_duration'}]),
    ('按配音长度调整视频', [{'op': 'fit_to_voice'}]),
    ('make the caption text smaller', 'unknown'),
    ('把字幕改成黄色', 'unknown'),
    ('crossfades, 0.8s', [{'kind': 'crossfade', 'duration_ms': 800, 'op': 'set_transition'}]),
    ('make it vertical, 30 seconds', [{'aspect': '9:16', 'op': 'set_frame'}, {'duration_ms': 30000, 'op': 'set_total_duration'}]),
    ('make it shorter and fade out the music', [{'duration_ms': 24000, 'op': 'set_total_duration'}, {'fade_out_ms': 2000, 'op': 'set_fade'}]),
    ('调小音量', 'ambiguous'),
    ('改一下文字', 'ambiguous'),
    ("make it vertical and move the first image to the end, then add the title 'New'", [{'aspect': '9:16', 'op': 'set_frame'}, {'target': {'index': 0, 'kind': 'image'}, 'to_index': -1, 'op': 'move_segment'}, {'text': 'New', 'timing': {'duration_ms': 3000}, 'op': 'add_text'}]),
]

CASES += [
    ("remove the first two images", [{"target": {"index": 1, "kind": "image"}, "op": "remove_segment"},
                                     {"target": {"index": 0, "kind": "image"}, "op": "remove_segment"}]),
    ("delete the last two images", [{"target": {"index": -2, "kind": "image"}, "op": "remove_segment"},
                                    {"target": {"index": -1, "kind": "image"}, "op": "remove_segment"}]),
    ("remove images 2 and 3", [{"target": {"index": 2, "kind": "image"}, "op": "remove_segment"},
                               {"target": {"index": 1, "kind": "image"}, "op": "remove_segment"}]),
    ("删除前两张图片", [{"target": {"index": 1, "kind": "image"}, "op": "remove_segment"},
                     {"target": {"index": 0, "kind": "image"}, "op": "remove_segment"}]),
    ("remove the shots at 0:05 and 0:12", [{"target": {"at_ms": 12000}, "op": "remove_segment"},
                                           {"target": {"at_ms": 5000}, "op": "remove_segment"}]),
    ("make it vertical, 0:12", [{"aspect": "9:16", "op": "set_frame"}]),  # issue 16: '0:12' named as not understood
    ("add 'surf.mp4' after the second image", [{"asset_id": "vid2", "after": {"index": 1, "kind": "image"}, "op": "add_segment"}]),
    ("turn the music off", [{"volume": 0.0, "op": "set_volume"}]),
    ("make the voice 2x louder", [{"role": "voice", "factor": 2.0, "op": "set_volume"}]),
    ("reorder the shots 3, 1, 2", [{"order": [2, 0, 1], "op": "reorder_segments"}]),
    ("put them in the order 2 1 3 6 5 4", [{"order": [1, 0, 2, 5, 4, 3], "op": "reorder_segments"}]),
    ("顺序改成3,1,2", [{"order": [2, 0, 1], "op": "reorder_segments"}]),
    ("reorder the images 9, 1", "unknown"),
    # lead's review: a time that addresses a shot is not its length; plurals mean all; CTA text goes on the cta track
    ("the clip at 0:12 should be 5 seconds", [{"target": {"at_ms": 12000}, "duration_ms": 5000, "op": "set_segment_duration"}]),
    ("make the shot at 0:12 3 seconds long", [{"target": {"at_ms": 12000}, "duration_ms": 3000, "op": "set_segment_duration"}]),
    ("12秒处的镜头改成4秒", [{"target": {"at_ms": 12000}, "duration_ms": 4000, "op": "set_segment_duration"}]),
    ("remove the captions", [{"role": "caption", "op": "remove_text"}]),
    ("remove all captions", [{"role": "caption", "op": "remove_text"}]),
    ("remove the titles", [{"role": "title", "op": "remove_text"}]),
    ("删除所有字幕", [{"role": "caption", "op": "remove_text"}]),
    ("去掉字幕", [{"role": "caption", "op": "remove_text"}]),
    ("delete all the images", [{"target": {"index": i, "kind": "image"}, "op": "remove_segment"} for i in (4, 3, 2, 1, 0)]),
    ("remove all the shots", "unknown"),
    ("所有图片改成2秒", [{"target": {"index": i, "kind": "image"}, "duration_ms": 2000, "op": "set_segment_duration"} for i in range(5)]),
    ("make all text bigger", [{"size": "xlarge", "op": "update_text"},
                              {"target": {"role": "cta", "index": 0}, "size": "large", "op": "update_text"}]),
    ("所有文字改成黄色", [{"color": "#FFD400", "op": "update_text"},
                      {"target": {"role": "cta", "index": 0}, "color": "#FFD400", "op": "update_text"}]),
    ("add 'Shop now' at the end", "unknown"),  # s10: not a second over it; s15: it already ends so, said
    ("add 'Follow us for more'", [{'target': {'role': 'cta', 'name': 'Shop now'}, 'text': 'Follow us for more', 'op': 'update_text'}]),  # s10: the one there, not a second over it
    ("add the title 'Shop now'", [{"text": "Shop now", "timing": {"duration_ms": 3000}, "op": "add_text"}]),
    ("add 'Summer vibes' at the end", [{"text": "Summer vibes", "role": "caption", "timing": {"duration_ms": 3000, "anchor": "end"}, "position": "bottom", "size": "medium", "op": "add_text"}]),  # s14: a row with the call to action there (s43: ending with it)
    ("结尾加上「立即购买」", [{'target': {'role': 'cta', 'name': 'Shop now'}, 'text': '立即购买', 'op': 'update_text'}]),  # s10: the one there, not a second over it
    ("make the clip 3 seconds", [{"target": {"index": 0, "kind": "video"}, "duration_ms": 3000, "op": "set_segment_duration"}]),
    ("make the clip shorter", [{"target": {"index": 0, "kind": "video"}, "duration_ms": 4500, "op": "set_segment_duration"}]),
    ("remove the clip", [{"target": {"index": 0, "kind": "video"}, "op": "remove_segment"}]),
    ("make the shot 3 seconds", "ambiguous"),
    # AI features: requests the session resolves by running a model (see docs/ai.md)
    ("add captions", [{"op": "auto_captions"}]),
    ("auto captions", [{"op": "auto_captions"}]),
    ("add subtitles from the voiceover", [{"op": "auto_captions"}]),
    ("captions please", [{"op": "auto_captions"}]),
    ("add captions in Chinese", [{"language": "zh", "op": "auto_captions"}]),
    ("加字幕", [{"op": "auto_captions"}]),
    ("自动生成字幕", [{"op": "auto_captions"}]),
    ("add the caption 'Free returns'", [{"text": "Free returns", "role": "caption", "op": "add_text"}]),
    ("remove captions", [{"role": "caption", "op": "remove_text"}]),
    ('add a voiceover saying "Fresh coffee every morning."', [{"text": "Fresh coffee every morning.", "op": "voiceover"}]),
    ("add a voiceover saying 'Hi there' with captions", [{"text": "Hi there", "captions": True, "op": "voiceover"}]),
    ("voiceover from script.txt", [{"script_file": "script.txt", "op": "voiceover"}]),
    ("narrate 'Welcome to Aurora'", [{"text": "Welcome to Aurora", "op": "voiceover"}]),
    ("配音“欢迎光临”", [{"text": "欢迎光临", "op": "voiceover"}]),
    ("加旁白「新品上市，限时优惠」并加字幕", [{"text": "新品上市，限时优惠", "captions": True, "op": "voiceover"}]),
    ("add a voiceover saying", "unknown"),
    ("smart crop", [{"op": "smart_reframe"}]),
    ("keep the subject in frame", [{"op": "smart_reframe"}]),
    ("don't cut off the faces", [{"op": "smart_reframe"}]),
    ("智能裁剪", [{"op": "smart_reframe"}]),
    ("centre crop", [{"on": False, "op": "smart_reframe"}]),
    ("居中裁剪", [{"on": False, "op": "smart_reframe"}]),
    ("fit with blurred background", [{"blur": True, "op": "set_background"}]),
    ("cut to the beat", [{"op": "cut_to_beat"}]),
    ("sync the cuts to the music", [{"op": "cut_to_beat"}]),
    ("beat sync", [{"op": "cut_to_beat"}]),
    ("卡点", [{"op": "cut_to_beat"}]),
    ("跟着音乐节奏切换画面", [{"op": "cut_to_beat"}]),
    ("use the best 5 seconds of the clip", [{"target": {"index": 0, "kind": "video"}, "seconds": 5.0, "op": "use_highlight"}]),
    ("use the most exciting part of the street clip", [{"target": {"name": "street"}, "op": "use_highlight"}]),
    ("用视频最精彩的5秒", [{"target": {"index": 0, "kind": "video"}, "seconds": 5.0, "op": "use_highlight"}]),
    ("trim the silence", [{"op": "trim_silence"}]),
    ("remove the silence from the voiceover", [{"op": "trim_silence"}]),
    ("去掉旁白开头的静音", [{"op": "trim_silence"}]),
    ("use my brand", [{"op": "use_brand"}]),
    ("apply brand.yaml", [{"path": "brand.yaml", "op": "use_brand"}]),
    ("用我的品牌", [{"op": "use_brand"}]),
    ("make it vertical and add captions", [{"aspect": "9:16", "op": "set_frame"}, {"op": "auto_captions"}]),
    ("卡点，然后加字幕", [{"op": "cut_to_beat"}, {"op": "auto_captions"}]),
]

# Held-out phrasings: written with their expected ops by hand BEFORE the planner was run on
# them; expectations are never edited to fit the planner. `bench/planner.py` reports them
# separately (the main table above was reviewed against the planner's output, so it measures
# regressions, not reach). Batch 1 stood at 47/48 before batches 2 and 3 were added.
HOLDOUT: list[tuple[str, object]] = [
    ("turn the music down to 25 percent", [{"volume": 0.25, "op": "set_volume"}]),
    ("can you make this a vertical video", [{"aspect": "9:16", "op": "set_frame"}]),
    ("I want it square for Instagram", [{"aspect": "1:1", "op": "set_frame"}]),
    ("get rid of the third picture", [{"target": {"index": 2, "kind": "image"}, "op": "remove_segment"}]),
    ("put the city photo at the end", [{"target": {"name": "city"}, "to_index": -1, "op": "move_segment"}]),
    ("swap the second and fourth pictures",
     [{"a": {"index": 1, "kind": "image"}, "b": {"index": 3, "kind": "image"}, "op": "swap_segments"}]),
    ("make the whole thing 45 seconds", [{"duration_ms": 45000, "op": "set_total_duration"}]),
    ("title should say 'Big Summer Sale'", [{"text": "Big Summer Sale", "op": "update_text"}]),
    ("put the caption 'Free returns' at the bottom for the last 5 seconds",
     [{"text": "Free returns", "role": "caption", "timing": {"duration_ms": 5000, "anchor": "end"},
       "position": "bottom", "op": "add_text"}]),
    ("no background music please", [{"role": "music", "op": "remove_track"}]),
    ("make the voiceover a little louder", [{"role": "voice", "factor": 1.25, "op": "set_volume"}]),
    ("fade the music out at the end", [{"fade_out_ms": 2000, "op": "set_fade"}]),
    ("use dissolves between the pictures", [{"kind": "crossfade", "op": "set_transition"}]),
    ("cut straight between shots, no transitions", [{"kind": "cut", "op": "set_transition"}]),
    ("stop the zooming", [{"motion": "none", "op": "set_motion"}]),
    ("show the whole image with a blurred background", [{"blur": True, "op": "set_background"}]),
    ("put our logo in the top left", [{"asset_id": "logo1", "position": "top-left", "op": "add_logo"}]),
    ("make the video clip play twice as fast", [{"target": {"index": 0, "kind": "video"}, "speed": 2.0, "op": "set_speed"}]),
    ("turn off the sound of the video clip", [{"mute": True, "op": "set_clip_audio"}]),
    ("show the beach photo for 6 seconds", [{"target": {"name": "beach"}, "duration_ms": 6000, "op": "set_segment_duration"}]),
    ("delete the clip at 0:20", [{"target": {"at_ms": 20000}, "op": "remove_segment"}]),
    ("make it 720p and vertical", [{"aspect": "9:16", "resolution": "720p", "op": "set_frame"}]),
    ("把音乐声音调到百分之三十", [{"volume": 0.3, "op": "set_volume"}]),
    ("视频做成方形的", [{"aspect": "1:1", "op": "set_frame"}]),
    ("删掉第四张图片", [{"target": {"index": 3, "kind": "image"}, "op": "remove_segment"}]),
    ("把第一张和最后一张交换", [{"a": {"index": 0, "kind": "image"}, "b": {"index": -1, "kind": "image"}, "op": "swap_segments"}]),
    ("标题改为「夏季新品」", [{"text": "夏季新品", "op": "update_text"}]),
    ("在开头加上标题「欢迎」", [{"text": "欢迎", "timing": {"duration_ms": 3000}, "op": "add_text"}]),
    ("去掉所有字幕", [{"role": "caption", "op": "remove_text"}]),
    ("背景音乐淡出", [{"fade_out_ms": 2000, "op": "set_fade"}]),
    ("不要转场", [{"kind": "cut", "op": "set_transition"}]),
    ("视频总长改成四十五秒", [{"duration_ms": 45000, "op": "set_total_duration"}]),
    ("把视频片段放慢一半", [{"speed": 0.5, "op": "set_speed"}]),
    ("背景换成黑色", [{"color": "#000000", "op": "set_background"}]),
    ("添加水印在左下角", [{"asset_id": "logo1", "position": "bottom-left", "op": "add_logo"}]),
    ("旁白音量降低3分贝", [{"role": "voice", "factor": 0.7079, "op": "set_volume"}]),
    ("make it pop", "unknown"),
    ("delete the photo", "ambiguous"),
    ("make everything look vintage", "unknown"),
    ("change the text", "ambiguous"),
    ("lower it", "unknown"),
    ("make the first clip 4 seconds long", [{"target": {"index": 0}, "duration_ms": 4000, "op": "set_segment_duration"}]),
    ("move the street clip before the shoe photo",
     [{"target": {"name": "street"}, "before": {"name": "shoe"}, "op": "move_segment"}]),
    ("replace the mountain photo with logo.png", [{"target": {"name": "mountain"}, "asset_id": "logo1", "op": "replace_source"}]),
    ("ducking off", [{"on": False, "op": "set_duck"}]),
    ("add a 1.5 second fade in to the voiceover", [{"role": "voice", "fade_in_ms": 1500, "op": "set_fade"}]),
    ("make the music twice as loud", [{"factor": 2.0, "op": "set_volume"}]),
    ("center the title", [{"position": "center", "op": "update_text"}]),
    # second batch (2026-11-25): marketer phrasings written with expected ops before any run;
    # first run 47/50 (missed: 'cut the video down to 20 seconds', 'no zooms please',
    # 'use quick fades between shots'), then the general causes were fixed
    ("can the music be a bit quieter", [{"factor": 0.7, "op": "set_volume"}]),
    ("bump the voiceover up a little", [{"role": "voice", "factor": 1.25, "op": "set_volume"}]),
    ("music at 10% please", [{"volume": 0.1, "op": "set_volume"}]),
    ("we need this as a 15 second ad", [{"duration_ms": 15000, "op": "set_total_duration"}]),
    ("cut the video down to 20 seconds", [{"duration_ms": 20000, "op": "set_total_duration"}]),
    ("drop the second photo", [{"target": {"index": 1, "kind": "image"}, "op": "remove_segment"}]),
    ("lose the street clip", [{"target": {"name": "street"}, "op": "remove_segment"}]),
    ("put the sneaker shot first", [{"target": {"name": "sneaker"}, "to_index": 0, "op": "move_segment"}]),
    ("move the beach photo after the city photo",
     [{"target": {"name": "beach"}, "after": {"name": "city"}, "op": "move_segment"}]),
    ("swap the shoe and sneaker photos", [{"a": {"name": "shoe"}, "b": {"name": "sneaker"}, "op": "swap_segments"}]),
    ("change the headline to 'Spring Drop'", [{"text": "Spring Drop", "op": "update_text"}]),
    ("make the title white on a dark box", [{"color": "#FFFFFF", "background": "box", "op": "update_text"}]),
    ("add a caption 'Limited stock' from 10s to 14s",
     [{"text": "Limited stock", "role": "caption", "timing": {"start_ms": 10000, "duration_ms": 4000}, "op": "add_text"}]),
    ("put 'Free shipping' at the top for the first 5 seconds",
     [{"text": "Free shipping", "timing": {"duration_ms": 5000}, "position": "top", "op": "add_text"}]),
    ("add 'Order today' as the last thing on screen",
     # s10: the sample has a call to action ("Shop now") there: its words change, no second one on top of it
     [{"target": {"role": "cta", "name": "Shop now"}, "text": "Order today", "op": "update_text"}]),
    ("add a 'Sign up now' button at the end",
     # s10: the sample has a call to action ("Shop now") there: its words change, no second one on top of it
     [{"target": {"role": "cta", "name": "Shop now"}, "text": "Sign up now", "op": "update_text"}]),
    ("make the call to action bigger", [{"target": {"role": "cta", "index": 0}, "size": "large", "op": "update_text"}]),
    ("get rid of the logo", [{"role": "logo", "op": "remove_track"}]),
    ("slap our logo in the bottom left corner", [{"asset_id": "logo1", "position": "bottom-left", "op": "add_logo"}]),
    ("no zooms please", [{"motion": "none", "op": "set_motion"}]),
    ("add some gentle zoom to the photos", [{"amount": 0.06, "op": "set_motion_amount"}]),  # s16: how far a move goes is set now (it had re-varied the moves)
    ("use quick fades between shots", [{"kind": "crossfade", "op": "set_transition"}]),
    ("make the transitions 1 second", [{"kind": "crossfade", "duration_ms": 1000, "op": "set_transition"}]),
    ("slow down the street clip", [{"target": {"name": "street"}, "speed": 0.5, "op": "set_speed"}]),
    ("mute the street clip", [{"target": {"name": "street"}, "mute": True, "op": "set_clip_audio"}]),
    ("make it work for YouTube Shorts", [{"aspect": "9:16", "op": "set_frame"}]),
    ("I need a square version", [{"aspect": "1:1", "op": "set_frame"}]),
    ("fade the music in at the start", [{"fade_in_ms": 2000, "op": "set_fade"}]),
    ("stretch it to match the narration", [{"op": "fit_to_voice"}]),
    ("replace the music with jazz.mp3", [{"asset_id": "jazz1", "op": "replace_music"}]),
    ("the music is too loud", [{"factor": 0.5, "op": "set_volume"}]),
    ("make the last photo stay on screen longer",
     [{"target": {"index": -1, "kind": "image"}, "duration_ms": 6000, "op": "set_segment_duration"}]),
    ("trim 2 seconds off the start of the street clip",
     [{"target": {"name": "street"}, "head_ms": 2000, "op": "trim_segment"}]),
    ("add surf.mp4 after the street clip", [{"asset_id": "vid2", "after": {"name": "street"}, "op": "add_segment"}]),
    ("put surf.mp4 at the beginning", [{"asset_id": "vid2", "before": {"index": 0}, "op": "add_segment"}]),
    ("音乐小声一点", [{"factor": 0.7, "op": "set_volume"}]),
    ("把旁白调大声一点", [{"role": "voice", "factor": 1.25, "op": "set_volume"}]),
    ("第二张图片删掉", [{"target": {"index": 1, "kind": "image"}, "op": "remove_segment"}]),
    ("视频片段静音", [{"mute": True, "op": "set_clip_audio"}]),
    ("标题放到底部", [{"position": "bottom", "op": "update_text"}]),
    ("加一个标题「新品上市」", [{"text": "新品上市", "timing": {"duration_ms": 3000}, "op": "add_text"}]),
    ("最后加上「扫码关注」", [{'target': {'role': 'cta', 'name': 'Shop now'}, 'text': '扫码关注', 'op': 'update_text'}]),  # s10: the one there, not a second over it
    ("转场改成黑场过渡", [{"kind": "fade-black", "op": "set_transition"}]),
    ("做成15秒的广告", [{"duration_ms": 15000, "op": "set_total_duration"}]),
    ("字幕改成黄色", "unknown"),
    ("把所有图片都改成3秒", [{"target": {"index": i, "kind": "image"}, "duration_ms": 3000, "op": "set_segment_duration"}
                      for i in range(5)]),
    ("去掉所有标题", [{"role": "title", "op": "remove_text"}]),
    ("适配抖音", [{"aspect": "9:16", "op": "set_frame"}]),
    ("make it feel more magical", "unknown"),
    ("move the photo to the end", "ambiguous"),
    # third batch (2026-11-25): AI-feature phrasings, written before running them; first run 14/16
    # (missed 'read this aloud: …', 'make the cuts match the beat'), then the causes were fixed
    ("can you add subtitles", [{"op": "auto_captions"}]),
    ("turn on captions", [{"op": "auto_captions"}]),
    ("generate captions from the narration", [{"op": "auto_captions"}]),
    ("给视频配上字幕", [{"op": "auto_captions"}]),
    ("have a voice say 'Big sale this weekend'", [{"text": "Big sale this weekend", "op": "voiceover"}]),
    ("read this aloud: 'Welcome back'", [{"text": "Welcome back", "op": "voiceover"}]),
    ("用“周末大促”配音", [{"text": "周末大促", "op": "voiceover"}]),
    ("make the cuts match the beat", [{"op": "cut_to_beat"}]),
    ("edit to the rhythm of the song", [{"op": "cut_to_beat"}]),
    ("音乐踩点", [{"op": "cut_to_beat"}]),
    ("keep faces in the shot", [{"op": "smart_reframe"}]),
    ("crop from the center", [{"on": False, "op": "smart_reframe"}]),
    ("only use the best part of the street clip", [{"target": {"name": "street"}, "op": "use_highlight"}]),
    ("cut the dead air from the voiceover", [{"op": "trim_silence"}]),
    ("apply our brand kit", [{"op": "use_brand"}]),
    ("套用品牌", [{"op": "use_brand"}]),
]

# when the music or the voiceover plays (2026-12-02: all "did not understand" before)
CASES += [
    ("make the music start at 5 seconds", [{"start_ms": 5000, "op": "set_audio_timing"}]),
    ("start the music at 0:04", [{"start_ms": 4000, "op": "set_audio_timing"}]),
    ("music should come in after the title", [{"start_ms": 3000, "op": "set_audio_timing"}]),
    ("make the music start later", [{"start_ms": 3000, "op": "set_audio_timing"}]),
    ("music starts 3 seconds later", [{"by_ms": 3000, "op": "set_audio_timing"}]),
    ("delay the voiceover by 1 second", [{"role": "voice", "by_ms": 1000, "op": "set_audio_timing"}]),
    ("start the voiceover at 2 seconds", [{"role": "voice", "start_ms": 2000, "op": "set_audio_timing"}]),
    ("start the song from 0:30", [{"from_ms": 30000, "op": "set_audio_timing"}]),
    ("skip the first 10 seconds of the music", [{"from_ms": 10000, "op": "set_audio_timing"}]),
    ("音乐从第5秒开始", [{"start_ms": 5000, "op": "set_audio_timing"}]),
    ("背景音乐晚2秒进", [{"by_ms": 2000, "op": "set_audio_timing"}]),
    ("旁白提前1秒", [{"role": "voice", "by_ms": -1000, "op": "set_audio_timing"}]),
    ("跳过音乐前10秒", [{"from_ms": 10000, "op": "set_audio_timing"}]),
    ("标题之后再放音乐", [{"start_ms": 3000, "op": "set_audio_timing"}]),
    # still what they were
    ("lower the music for the first 5 seconds", [{"factor": 0.5, "span": {"start_ms": 0, "end_ms": 5000},
                                                  "op": "set_volume"}]),
    ("fade in the music over 3 seconds", [{"fade_in_ms": 3000, "op": "set_fade"}]),
]

# user test s8: a shot named in the plural ("swap the coins and the bricks" for brick.png) was "no 'bricks'"
CASES += [
    ("swap the shoes and the mountains", [{"a": {"name": "shoe"}, "b": {"name": "mountain"}, "op": "swap_segments"}]),
    ("move the sneakers to the end", [{"target": {"name": "sneaker"}, "to_index": -1, "op": "move_segment"}]),
]

# the pictures' colour (2026-12-02: "make it black and white" was split at "and" and not understood)
CASES += [
    ("make it black and white", [{"saturation": 0.0, "op": "set_grade"}]),
    ("add a black & white filter", [{"saturation": 0.0, "op": "set_grade"}]),
    ("黑白", [{"saturation": 0.0, "op": "set_grade"}]),
    ("make the video brighter", [{"brightness": 0.06, "op": "set_grade"}]),
    ("a bit darker", [{"brightness": -0.06, "op": "set_grade"}]),
    ("increase the contrast", [{"contrast": 1.15, "op": "set_grade"}]),
    ("make the colours pop", [{"saturation": 1.3, "op": "set_grade"}]),
    ("亮一点", [{"brightness": 0.06, "op": "set_grade"}]),
    ("对比度高一点", [{"contrast": 1.15, "op": "set_grade"}]),
    ("画面鲜艳一点", [{"saturation": 1.3, "op": "set_grade"}]),
    ("remove the filter", [{"saturation": 1.0, "brightness": 0.0, "contrast": 1.0, "warmth": 0.0, "tint": 0.0, "op": "set_grade"}]),
    ("back to colour", "unknown"),  # it is in colour: said, nothing changed
    # not the pictures
    ("make the background white", [{"color": "#FFFFFF", "op": "set_background"}]),
    ("change the title to white", [{"color": "#FFFFFF", "op": "update_text"}]),
]

# white balance and named looks (2026-12-02: "make it warmer", "vintage look", "换个色调" were not understood)
CASES += [
    ("make it warmer", [{"warmth": 0.3, "op": "set_grade"}]),
    ("warm it up a bit", [{"warmth": 0.3, "op": "set_grade"}]),
    ("cooler tones please", [{"warmth": -0.3, "op": "set_grade"}]),
    ("it looks too yellow", [{"warmth": -0.3, "op": "set_grade"}]),
    ("暖色调", [{"warmth": 0.3, "op": "set_grade"}]),
    ("画面冷一点", [{"warmth": -0.3, "op": "set_grade"}]),
    ("give it a vintage look", [{"saturation": 0.7, "contrast": 0.9, "brightness": 0.03, "warmth": 0.5,
                                 "op": "set_grade"}]),
    ("复古一点", [{"saturation": 0.7, "contrast": 0.9, "brightness": 0.03, "warmth": 0.5, "op": "set_grade"}]),
    ("make it sepia", [{"saturation": 0.0, "warmth": 0.8, "op": "set_grade"}]),
    ("make the music warmer", "unknown"),  # not the pictures
]

# user test s8: a fade to black at the very end set every transition to fade-black; it is said instead
CASES += [
    ("fade to black between the shots", [{"kind": "fade-black", "op": "set_transition"}]),
]

# the picture's fade from/to black at the video's ends (2026-12-02): "fade out the video at the end" faded
# the music, "fade to black at the end" and "use a fade to black at the end" were "not something I can do yet"
CASES += [
    ("use a fade to black at the end", [{"fade_out_ms": 1000, "op": "set_video_fade"}]),
    ("end with a fade to black", [{"fade_out_ms": 1000, "op": "set_video_fade"}]),
    ("fade out the video at the end", [{"fade_out_ms": 1000, "op": "set_video_fade"}]),
    ("fade to black at the end", [{"fade_out_ms": 1000, "op": "set_video_fade"}]),
    ("fade in from black", [{"fade_in_ms": 1000, "op": "set_video_fade"}]),
    ("fade the video in and out", [{"fade_in_ms": 1000, "fade_out_ms": 1000, "op": "set_video_fade"}]),
    ("fade to black over 2 seconds at the end", [{"fade_out_ms": 2000, "op": "set_video_fade"}]),
    ("no fade to black", [{"fade_out_ms": 0, "op": "set_video_fade"}]),
    ("结尾画面淡出", [{"fade_out_ms": 1000, "op": "set_video_fade"}]),
    ("开头从黑场淡入", [{"fade_in_ms": 1000, "op": "set_video_fade"}]),
    ("视频淡入淡出", [{"fade_in_ms": 1000, "fade_out_ms": 1000, "op": "set_video_fade"}]),
    # the sound and the transitions keep their own fades
    ("fade out the music at the end", [{"fade_out_ms": 2000, "op": "set_fade"}]),
    ("fade through black", [{"kind": "fade-black", "op": "set_transition"}]),
]

# keep only some shots (2026-12-02): "remove everything except the first photo" removed the first photo;
# "use only the first three pictures", "只用前三张图片" were not understood
CASES += [
    ('remove everything except the first photo', [{'target': {'kind': 'image', 'name': 'mountain.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'sneaker.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'beach.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'city.jpg'}, 'op': 'remove_segment'}]),
    ('use only the first three pictures', [{'target': {'kind': 'image', 'name': 'mountain.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'sneaker.jpg'}, 'op': 'remove_segment'}]),
    ('只用前三张图片', [{'target': {'kind': 'image', 'name': 'mountain.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'sneaker.jpg'}, 'op': 'remove_segment'}]),
    ('only keep the beach and city photos', [{'target': {'kind': 'image', 'name': 'mountain.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'sneaker.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'shoe.jpg'}, 'op': 'remove_segment'}]),
    ('delete all the photos except the beach', [{'target': {'kind': 'image', 'name': 'mountain.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'sneaker.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'city.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'shoe.jpg'}, 'op': 'remove_segment'}]),
    ('除了第一张图片都删掉', [{'target': {'kind': 'image', 'name': 'mountain.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'sneaker.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'beach.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'city.jpg'}, 'op': 'remove_segment'}]),
    ('keep only the first 3 shots', [{'target': {'kind': 'image', 'name': 'mountain.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'sneaker.jpg'}, 'op': 'remove_segment'}, {'target': {'kind': 'image', 'name': 'beach.jpg'}, 'op': 'remove_segment'}]),
    ("keep only the first 5 seconds of the street clip", [{"target": {"name": "street"}, "duration_ms": 5000, "op": "set_segment_duration"}]),
]

# user test s9 (2026-12-02): the call to action's words by a label or by the words it says now
# ("cta: Shop now", "change shop now to Buy now" were not understood)
CASES += [
    ("CTA: Buy today", [{"target": {"role": "cta", "index": 0}, "text": "Buy today", "op": "update_text"}]),
    ("cta: Order now", [{"target": {"role": "cta", "index": 0}, "text": "Order now", "op": "update_text"}]),
    ("change shop now to Buy now", [{"target": {"role": "cta", "name": "Shop now"}, "text": "Buy now", "op": "update_text"}]),
    ("replace 'Shop now' with 'Buy now'", [{"target": {"role": "cta", "name": "Shop now"}, "text": "Buy now", "op": "update_text"}]),
    ("change 'urban dreams' to 'City Nights'", [{"target": {"role": "title", "name": "Urban Dreams"}, "text": "City Nights", "op": "update_text"}]),
    ("把“Shop now”改成“立即购买”", [{"target": {"role": "cta", "name": "Shop now"}, "text": "立即购买", "op": "update_text"}]),
    ("行动号召：立即购买", [{"target": {"role": "cta", "index": 0}, "text": "立即购买", "op": "update_text"}]),
]

# user test s9: "music off for the first 3 secs" was not understood (the music is silenced there, as
# "no music for the first 3 seconds" is; the reply says how to have it begin there instead)
CASES += [
    ("music off for the first 3 secs", [{"volume": 0.0, "span": {"start_ms": 0, "end_ms": 3000}, "op": "set_volume"}]),
    ("no music for the first 3 seconds", [{"volume": 0.0, "span": {"start_ms": 0, "end_ms": 3000}, "op": "set_volume"}]),
    ("前3秒不要音乐", [{"volume": 0.0, "span": {"start_ms": 0, "end_ms": 3000}, "op": "set_volume"}]),
    ("the music is off for the last 5 seconds", [{"volume": 0.0, "span": {"start_ms": 25000, "end_ms": 30000}, "op": "set_volume"}]),
]

# user test s9: a clip's own sound by the kind of clip ("mute the screen recording" was not understood;
# the sample has one video clip, so it is that one and the reply says so)
CASES += [
    ("mute the screen recording", [{"target": {"index": 0, "kind": "video"}, "mute": True, "op": "set_clip_audio"}]),
    ("把录屏静音", [{"target": {"index": 0, "kind": "video"}, "mute": True, "op": "set_clip_audio"}]),
]

# user test s9: a recording in the project as the voiceover ("use jazz.mp3 as the voiceover" was not
# understood); it replaces the voiceover there
CASES += [
    ("use jazz.mp3 as the voiceover", [{"asset_id": "jazz1", "op": "add_voiceover"}]),
    ("replace the voiceover with jazz.mp3", [{"asset_id": "jazz1", "op": "add_voiceover"}]),
]

# user test s9: deeper ducking ("make the music quieter when the voice talks" lowered the whole bed,
# "人声说话时音乐小一点" lowered the voice, "duck the music more" changed nothing)
CASES += [
    ("make the music quieter when the voice talks", [{"depth": 1.5, "op": "set_duck"}]),
    ("duck the music more", [{"depth": 1.5, "op": "set_duck"}]),
    ("人声说话时音乐小一点", [{"depth": 1.5, "op": "set_duck"}]),
    ("旁白的时候音乐再小一点", [{"depth": 1.5, "op": "set_duck"}]),
    ("more ducking", [{"depth": 1.5, "op": "set_duck"}]),
    ("duck the music less", [{"depth": 0.67, "op": "set_duck"}]),
]

# user test s9: motion on every still but the ones named (a question before)
_OTHERS = ["city.jpg", "beach.jpg", "sneaker.jpg", "mountain.jpg"]
CASES += [
    ("give every photo except the first a zoom",
     [{"target": {"kind": "image", "name": n}, "motion": "auto", "op": "set_motion"} for n in _OTHERS]),
    ("除了第一张都去掉动画", [{"target": {"kind": "image", "name": n}, "motion": "none", "op": "set_motion"} for n in _OTHERS]),
    ("remove the animation from all but the last photo",
     [{"target": {"kind": "image", "name": n}, "motion": "none", "op": "set_motion"}
      for n in ["shoe.jpg", "city.jpg", "beach.jpg", "sneaker.jpg"]]),
]

# user test s9: the letters' look on every text ("make the text bold" asked which text, "change the font
# to bold" and "make the fonts bigger" were not understood)
_BOTH_TEXTS = [{"op": "update_text"}, {"target": {"role": "cta", "index": 0}, "op": "update_text"}]
CASES += [
    ("make the text bold", [{**o, "bold": True} for o in _BOTH_TEXTS]),
    ("change the font to bold", [{**o, "bold": True} for o in _BOTH_TEXTS]),
    ("文字加粗", [{**o, "bold": True} for o in _BOTH_TEXTS]),
    ("make the title bold", [{"bold": True, "op": "update_text"}]),
    ("make the fonts bigger", [{"size": "xlarge", "op": "update_text"},
                               {"target": {"role": "cta", "index": 0}, "size": "large", "op": "update_text"}]),
    ("bigger text", [{"size": "xlarge", "op": "update_text"},
                     {"target": {"role": "cta", "index": 0}, "size": "large", "op": "update_text"}]),
    ("字大一点", [{"size": "xlarge", "op": "update_text"},
               {"target": {"role": "cta", "index": 0}, "size": "large", "op": "update_text"}]),
]

# phrasings users typed that were not understood or misread (2026-12-02, session 12)
CASES += [
    ("the second photo first", [{"target": {"index": 1, "kind": "image"}, "to_index": 0, "op": "move_segment"}]),
    ("the last image first", [{"target": {"index": -1, "kind": "image"}, "to_index": 0, "op": "move_segment"}]),
    ("换个转场", [{"kind": "slide-left", "duration_ms": 500, "op": "set_transition"}]),
    ("use a different transition", [{"kind": "slide-left", "duration_ms": 500, "op": "set_transition"}]),
    ("change the transition into the third photo",
     [{"target": {"index": 2, "kind": "image"}, "kind": "slide-left", "duration_ms": 500, "op": "set_transition"}]),
    # "the text" with a colour: every text, as "make the text bigger" already was (it asked "which text?")
    ("make the text yellow", [{"color": "#FFD400", "op": "update_text"},
                              {"target": {"index": 0, "role": "cta"}, "color": "#FFD400", "op": "update_text"}]),
    ("字的颜色改成黄色", [{"color": "#FFD400", "op": "update_text"},
                   {"target": {"index": 0, "role": "cta"}, "color": "#FFD400", "op": "update_text"}]),
    ("去掉所有字", [{"op": "remove_text"}]),
    ("use a different font", "unknown"),  # one typeface is bundled: said so, with what can change
    ("换个字体", "unknown"),
]

# the box behind a text by its colour ("add a white box behind the title" made the LETTERS white on the
# dark box); a box colour alone turns the letters white or near-black (#111111), whichever reads on it
_DARK = "#111111"
CASES += [
    ("add a white box behind the title", [{"color": _DARK, "background": "box", "box_color": "#FFFFFF", "op": "update_text"}]),
    ("put the title on a red box", [{"background": "box", "box_color": "#FF0000", "op": "update_text"}]),  # white reads on red (large text)
    ("make the title box blue", [{"background": "box", "box_color": "#1E6BFF", "op": "update_text"}]),  # white reads on it
    ("make the title background white", [{"color": _DARK, "background": "box", "box_color": "#FFFFFF", "op": "update_text"}]),
    ("make the title black on yellow", [{"color": "#000000", "background": "box", "box_color": "#FFD400", "op": "update_text"}]),
    ("add the title 'Sale' on a white box",
     [{"text": "Sale", "timing": {"duration_ms": 3000}, "color": _DARK, "background": "box", "box_color": "#FFFFFF", "op": "add_text"}]),
    ("标题加白色底框", [{"color": _DARK, "background": "box", "box_color": "#FFFFFF", "op": "update_text"}]),
    ("标题红底白字", [{"color": "#FFFFFF", "background": "box", "box_color": "#FF0000", "op": "update_text"}]),
    ("标题背景改成白色", [{"color": _DARK, "background": "box", "box_color": "#FFFFFF", "op": "update_text"}]),
    # no text named: every text, as "make the text white" (the title and the call to action)
    ("white text on a black box", [{"color": "#FFFFFF", "background": "box", "box_color": "#000000", "op": "update_text"},
                                   {"target": {"role": "cta", "index": 0}, "color": "#FFFFFF", "background": "box",
                                    "box_color": "#000000", "op": "update_text"}]),
    ("红底白字", [{"color": "#FFFFFF", "background": "box", "box_color": "#FF0000", "op": "update_text"},
              {"target": {"role": "cta", "index": 0}, "color": "#FFFFFF", "background": "box",
               "box_color": "#FF0000", "op": "update_text"}]),
    # unchanged: the video's background, the letters' colour, a box with the letters' colour
    ("white background", [{"color": "#FFFFFF", "op": "set_background"}]),
    ("make the title white", [{"color": "#FFFFFF", "op": "update_text"}]),
    ("标题改成白色", [{"color": "#FFFFFF", "op": "update_text"}]),
]

# the box taken away, not the text (2026-12-02: "remove the box from the title" removed the title,
# "title with no box" turned the box on)
CASES += [
    ("remove the box from the title", [{"background": "shadow", "op": "update_text"}]),
    ("title with no box", [{"background": "shadow", "op": "update_text"}]),
    ("去掉标题的底框", [{"background": "shadow", "op": "update_text"}]),
]

# a fade with nothing named is the whole video's (2026-12-02: "add a fade out at the end" lengthened
# the music's fade by half a second and left the picture as it was); "make it pop" is colour
CASES += [
    ("add a fade out at the end", [{"fade_out_ms": 1000, "op": "set_video_fade"}]),  # the music already fades 1.5 s
    ("add a 3 second fade out at the end", [{"fade_out_ms": 3000, "op": "set_video_fade"},
                                            {"fade_out_ms": 3000, "op": "set_fade"}]),
    ("fade in at the start", [{"fade_in_ms": 1000, "op": "set_video_fade"}, {"fade_in_ms": 1000, "op": "set_fade"}]),
    ("结尾淡出", [{"fade_out_ms": 1000, "op": "set_video_fade"}]),
    ("fade out the music at the end", [{"fade_out_ms": 2000, "op": "set_fade"}]),
    ("make it pop", [{"saturation": 1.3, "op": "set_grade"}]),
    ("can you make it pop more?", [{"saturation": 1.3, "op": "set_grade"}]),
]

# "it's too long" / "视频太长了": the video a step shorter, as "make it shorter" (not understood)
CASES += [
    ("it's too long", [{"duration_ms": 24000, "op": "set_total_duration"}]),
    ("the video is too long", [{"duration_ms": 24000, "op": "set_total_duration"}]),
    ("视频太长了", [{"duration_ms": 24000, "op": "set_total_duration"}]),
    ("too short", [{"duration_ms": 38000, "op": "set_total_duration"}]),
    ("make the whole thing shorter", [{"duration_ms": 24000, "op": "set_total_duration"}]),
    ("字幕太长了", [{"lines": 1, "op": "auto_captions"}]),  # not the video's length: shorter cues (s20)
]

# text size said as a complaint ("the text is too small" asked "which text?", "the title is too
# small" made it SMALL)
CASES += [
    ("the text is too small", [{"size": "xlarge", "op": "update_text"},
                               {"target": {"role": "cta", "index": 0}, "size": "large", "op": "update_text"}]),
    ("the title is too small", [{"size": "xlarge", "op": "update_text"}]),
    ("the title is too big", [{"size": "medium", "op": "update_text"}]),
    ("the title is hard to read", [{"size": "xlarge", "op": "update_text"}]),
    ("标题太小了", [{"size": "xlarge", "op": "update_text"}]),
]

# "shorten/lengthen/extend <a shot>" (not understood; "make the second photo shorter" was)
CASES += [
    ("shorten the second photo", [{"target": {"index": 1, "kind": "image"}, "duration_ms": 4500, "op": "set_segment_duration"}]),
    ("lengthen the last photo", [{"target": {"index": -1, "kind": "image"}, "duration_ms": 6000, "op": "set_segment_duration"}]),
]

# the font's colour is the letters' colour, not a request for another typeface (2026-12-02: "change
# the font color to white" was answered "one typeface is bundled")
CASES += [
    ("change the font color to yellow", [{"color": "#FFD400", "op": "update_text"},
                                         {"target": {"index": 0, "role": "cta"}, "color": "#FFD400", "op": "update_text"}]),
    ("make the font red", [{"color": "#FF0000", "op": "update_text"},
                           {"target": {"index": 0, "role": "cta"}, "color": "#FF0000", "op": "update_text"}]),
    ("change the font to Arial", "unknown"),  # one typeface: said so
]

# "shuffle the photos" / "打乱顺序" (not understood): a new order, no shot where it was
CASES += [
    ("shuffle the photos", [{"order": [1, 3, 5, 0, 2, 4], "op": "reorder_segments"}]),
    ("打乱顺序", [{"order": [1, 3, 5, 0, 2, 4], "op": "reorder_segments"}]),
]

# another colour, none named ("change the title colour", "标题换个颜色": not understood): the accent in turn
CASES += [
    ("change the title colour", [{"color": "#FFD400", "op": "update_text"}]),
    ("标题换个颜色", [{"color": "#FFD400", "op": "update_text"}]),
    ("change the title colour to red", [{"color": "#FF0000", "op": "update_text"}]),
]
