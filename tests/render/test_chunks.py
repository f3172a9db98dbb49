"""Chunked rendering: chunks make exactly the whole render's frames, joins have no seams, and
the chunk cache reuses what an edit did not touch (real ffmpeg, real photos)."""

from __future__ import annotations

import dataclasses
import json
import subprocess

import numpy as np
import pytest

from reelforge.render import render, verify
from reelforge.render.cache import ChunkCache
from reelforge.render.chunked import export, prepare
from reelforge.render.chunks import ROLLS, plan_chunks
from reelforge.render.compile import compile_chunk, compile_render
from reelforge.render.text import fitted_specs
from reelforge.render.verify import count_frames
from reelforge.timeline import replace

from ._chunk_helpers import (
    packets,
    photos,
    psnr_per_frame,
    raw_frames,
    rich_timeline,
    top_level_boxes,
)
from ._render_helpers import decode_audio

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def timeline(media, tmp_path_factory):
    return rich_timeline(photos(tmp_path_factory.mktemp("photos")), media)


@pytest.fixture(scope="module")
def hd(media, tmp_path_factory):
    """The timeline at 1920x1080, its single-process render (GOPs starting where the chunks
    do, the fair comparison) and its chunked export (its chunks through one encoder)."""
    d = tmp_path_factory.mktemp("hd")
    tl = rich_timeline(photos(d), media, width=1920, height=1080)
    whole = d / "whole.mp4"
    render(tl, whole, keyframes=[a for a, _ in plan_chunks(tl)], chunk_motion=True)
    seen: list[float] = []
    res = export(tl, d / "chunked.mp4", progress=seen.append, streamed=True)
    return tl, whole, res, seen


@pytest.fixture(scope="module")
def whole_raw(timeline, tmp_path_factory):
    d = tmp_path_factory.mktemp("whole_raw")
    cmd = compile_render(timeline, d / "x.mp4", workdir=d, chunk_motion=True)
    return raw_frames(cmd, d / "whole.yuv")


def test_any_frame_range_makes_the_whole_renders_frames(timeline, whole_raw, tmp_path):
    """Pixel for pixel, including ranges that start inside a transition, the fade-in from the
    background, a zoom, a text fade, the logo and the clip."""
    total = len(whole_raw)
    assert total == 480
    ranges = [(0, 7), (5, 40), (100, 117), (117, 160), (40, 100), (200, 333), (330, 401), (401, 480), (479, 480)]
    ranges += [(184, 230)]  # from inside the slide (xfade): limited range like the whole render
    ranges += plan_chunks(timeline)
    for a, b in ranges:
        d = tmp_path / f"r{a}_{b}"
        d.mkdir()
        cmd = compile_chunk(timeline, d / "c.mp4", (a, b), workdir=d)
        fitted = {s.segment_id: s.font_px for s in fitted_specs(cmd.text_context)}
        texts = [dataclasses.replace(s, font_px=fitted[s.segment_id]) for s in cmd.overlays]
        got = raw_frames(cmd, d / "c.yuv", texts=texts)
        assert len(got) == b - a, (a, b)
        diff = [int(np.abs(got[i].astype(int) - whole_raw[a + i]).max()) for i in range(b - a)]
        assert max(diff) == 0, f"range {a}-{b}: frames differ at {[a + i for i, v in enumerate(diff) if v]}"


def test_plan_cuts_at_shots_in_2_to_5_s_spans(timeline):
    chunks = plan_chunks(timeline)
    assert chunks[0][0] == 0 and chunks[-1][1] == 480
    assert all(b0 == a1 for (_, b0), (a1, _) in zip(chunks, chunks[1:], strict=False))
    assert all(b - a <= 150 for a, b in chunks)
    assert all(b - a >= 60 for a, b in chunks[:-1])


@pytest.fixture(scope="module")
def exported(timeline, tmp_path_factory):
    d = tmp_path_factory.mktemp("export")
    cache = ChunkCache(d / "cache")
    seen: list[float] = []
    res = export(timeline, d / "out.mp4", cache=cache, progress=seen.append)
    return res, cache, seen


def _evenly_timed(path, fps: int) -> tuple[set[int], object]:
    """The steps between a file's video frames (in its time base) and its average rate."""
    import av

    _, pts, _ = packets(path)
    with av.open(str(path)) as f:
        v = f.streams.video[0]
        tick, rate = v.time_base, v.average_rate
    ordered = sorted(pts)
    return {round((b - a) * tick * fps * 1000) for a, b in zip(ordered, ordered[1:], strict=False)}, rate


def test_exported_frames_are_evenly_timed_at_the_timelines_rate(timeline, exported):
    res, _, _ = exported
    steps, rate = _evenly_timed(res.path, timeline.fps)
    assert steps == {1000} and rate == timeline.fps


def test_a_join_times_each_chunk_by_its_frames_not_by_its_files_rounded_length(tmp_path):
    """A chunk's file may say it is a little shorter than its frames (its edit list in whole
    milliseconds: 118 frames at 30 fps, 3.933 s; here, to show it, the last frame of each chunk
    but the last is 5 ticks short): read from there, every frame after such a join came 0.3 ms
    early and the file's average rate read 30.0005 fps. The join times each chunk by its
    frames: every frame 1/30 s after the one before."""
    from reelforge.media.ffmpeg import ffmpeg_exe
    from reelforge.render.chunked import join

    run = [ffmpeg_exe(), "-v", "error", "-y"]
    chunks = []
    for k, n in enumerate((118, 59, 100)):
        p = tmp_path / f"c{k}.mp4"
        subprocess.run([*run, "-f", "lavfi", "-i", f"testsrc2=s=320x180:r=30:d=10,trim=end_frame={n}",
                        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-bf", "0",
                        "-enc_time_base:v", "1/15360", "-video_track_timescale", "15360",
                        "-bsf:v", f"setts=duration=if(eq(N\\,{n - 1})\\,{507 if k < 2 else 512}\\,DURATION)",
                        str(p)], check=True)
        chunks.append(p)
    audio = tmp_path / "a.m4a"
    subprocess.run([*run, "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-t", "9.2", "-c:a", "aac",
                    str(audio)], check=True)
    out = join(chunks, audio, tmp_path / "out.mp4", duration_ms=9233, workdir=tmp_path,
               frames=[(0, 118), (118, 177), (177, 277)], fps=30)
    steps, rate = _evenly_timed(out, 30)
    assert count_frames(out) == 277
    assert steps == {1000} and rate == 30, (steps, rate)


@pytest.mark.slow
def test_export_is_the_whole_render_without_seams(hd, tmp_path):
    timeline, whole, res, seen = hd
    out = res.path
    assert res.chunks == len(plan_chunks(timeline)) and res.reused == 0
    assert seen[-1] == 1.0 and all(b >= a for a, b in zip(seen, seen[1:], strict=False))
    info = verify(out)
    assert abs(info.duration - 16.0) < 0.1
    assert (info.vcodec, info.acodec, info.width, info.height) == ("h264", "aac", 1920, 1080)
    # one moov, before the media data
    boxes = top_level_boxes(out)
    assert boxes.count("moov") == 1 and boxes.index("moov") < boxes.index("mdat")
    dts, pts, key = packets(out)
    assert len(dts) == 480
    assert all(x < y for x, y in zip(dts, dts[1:], strict=False)), "decode timestamps not monotonic"
    assert len(set(pts)) == len(pts)
    # every join starts a closed GOP
    starts = [a for a, _ in plan_chunks(timeline)]
    assert all(key[i] for i in starts)
    # frames around every join (and everywhere) match the single-process render
    # the chunks went through one encoder (`render.stream`): every frame is the whole
    # render's own, bit for bit (PSNR reported as 99 when equal)
    psnr = psnr_per_frame(whole, out, tmp_path)
    assert len(psnr) == 480
    assert min(psnr) >= 99, [(f, round(p, 1)) for f, p in enumerate(psnr) if p < 99]


@pytest.mark.slow
def test_chunks_rendered_one_by_one_join_without_seams(hd, tmp_path):
    """As the service's workers render them, each chunk in its own ffmpeg: frames around every
    join still match the single-process render."""
    timeline, whole, _, _ = hd
    res = export(timeline, tmp_path / "alone.mp4", streamed=False)
    assert res.chunks == len(plan_chunks(timeline)) and res.reused == 0
    dts, _, key = packets(res.path)
    assert len(dts) == 480 and all(x < y for x, y in zip(dts, dts[1:], strict=False))
    starts = [a for a, _ in plan_chunks(timeline)]
    assert all(key[i] for i in starts)
    psnr = psnr_per_frame(whole, res.path, tmp_path)
    assert len(psnr) == 480
    # (x264 encodes a chunk's frames as the whole render does when each join and the frame
    # before it are IDR frames in both (`compile.join_keyframes`) and a post-roll lets the
    # lookahead end each chunk as the whole render goes on: only the frame before a join
    # differs, measured 49.5-51.9 dB at 1080p; README "Chunked exports")
    for a in starts[1:]:
        near = psnr[a - 3:a + 3]
        assert min(near) >= 45, (a, near)
    same = sum(p >= 99 for p in psnr)
    assert same >= 480 - 3 * (len(starts) - 1), (same, [round(p, 1) for p in psnr])


@pytest.mark.slow
def test_export_audio_is_the_whole_renders_audio(hd):
    """One pass over the whole timeline: no click at a join, same samples as the whole render."""
    _, whole, res, _ = hd
    a, rate = decode_audio(whole)
    b, _ = decode_audio(res.path)
    n = min(len(a), len(b))
    assert abs(len(a) - len(b)) < rate * 0.05
    # the same samples up to one level: the export measures loudness again, and the limiter's
    # make-up (a step of ~0.2 dB when the re-measure crosses its threshold) may differ between two
    # measurements of the same mix (seen: 0.023 max difference unscaled); the level stays within
    # 0.3 dB and the shape must match
    scale = float(np.dot(a[:n].ravel(), b[:n].ravel()) / max(np.dot(b[:n].ravel(), b[:n].ravel()), 1e-12))
    assert abs(20 * np.log10(scale)) < 0.3, scale
    # (under load one spot differs by up to 0.023 of full scale, cause not yet found: see the notes;
    # a gap, shift or click at a join differs by far more than 0.05)
    assert np.abs(a[:n] - scale * b[:n]).max() < 0.05
    # continuous: no sample-to-sample jump bigger than the whole render has
    assert np.abs(np.diff(b[:n], axis=0)).max() <= np.abs(np.diff(a[:n], axis=0)).max() + 0.02


def test_audio_mixed_once_is_the_audio_mixed_in_every_pass(timeline, tmp_path):
    """The export mixes the sources once (a WAV it then measures and encodes): the samples are
    those of the graph that decodes, ducks and mixes them in every pass, and the WAV is gone."""
    from reelforge.render.chunked import render_audio
    from reelforge.render.compile import compile_audio
    from reelforge.render.runner import _run, measure_loudness

    once, reused = render_audio(timeline, ChunkCache(tmp_path / "cache"), tmp_path / "once")
    assert not reused and not list((tmp_path / "once").glob("*.wav"))
    (tmp_path / "each").mkdir()
    loud = measure_loudness(timeline, tmp_path / "each")
    cmd = compile_audio(timeline, tmp_path / "each" / "a.m4a", workdir=tmp_path / "each", loudness=loud)
    assert "pcm_f32le" not in cmd.argv and any("voice" in a for a in cmd.argv)  # mixed in the graph
    cmd.filter_script.write_text(cmd.filter_graph, encoding="utf-8")
    _run(cmd, total_us=0, progress=None, cancel=None)
    a, rate = decode_audio(once)
    b, _ = decode_audio(cmd.output)
    assert a.shape == b.shape and rate == 48000
    assert float(np.abs(b).max()) > 0.1  # there is sound to compare
    # the same samples up to one gain and one spot: two measurements of the same mix can set the
    # limiter's make-up a step apart, and under load two mixes of the same sources differed at
    # one spot by 0.023 of full scale (both seen with the old path too, between a whole render
    # and an export: test_export_audio_is_the_whole_renders_audio); a mix that lost its ducking
    # or a track differs by far more, and all along
    scale = float(np.dot(a.ravel(), b.ravel()) / np.dot(b.ravel(), b.ravel()))
    assert abs(20 * np.log10(scale)) < 0.3, scale
    assert float(np.abs(a - scale * b).max()) < 0.05
    assert float(np.abs(a - scale * b).mean()) < 1e-4


def test_same_timeline_renders_no_chunk_twice(timeline, exported, tmp_path):
    res, cache, _ = exported
    before = {p: p.stat().st_mtime_ns for _, _, p in cache.entries()}
    again = export(timeline, tmp_path / "again.mp4", cache=cache)
    assert (again.chunks, again.reused, again.audio_reused) == (res.chunks, res.chunks, True)
    assert {p for _, _, p in cache.entries()} == set(before)
    assert count_frames(again.path) == 480


def _changed(cache, timeline, edited, tmp_path) -> tuple[set[int], object]:
    old = {t.index: t.key for t in prepare(timeline, quality="standard", workdir=tmp_path / "a")}
    new = {t.index: t.key for t in prepare(edited, quality="standard", workdir=tmp_path / "b")}
    res = export(edited, tmp_path / "edit.mp4", cache=cache)
    return {i for i in new if new[i] != old[i]}, res


def _overlapping(chunks, first, end, quality="standard") -> set[int]:
    """Chunks whose encode (the chunk and its rolls) shows frames ``[first, end)``."""
    pre, post = ROLLS[quality]
    return {i for i, (a, b) in enumerate(chunks) if a - pre < end and first < b + post}


def test_a_chunks_key_holds_its_rolls(timeline, tmp_path):
    """The encoded bytes depend on the frames after a chunk (and before it, with a pre-roll),
    so its key does; a single chunk prepared alone (a worker of the fan-out) gets the key the
    whole plan gave it."""
    pre, post = ROLLS["standard"]
    assert post > 0
    plan = prepare(timeline, quality="standard", workdir=tmp_path / "a")
    bare = prepare(timeline, quality="standard", workdir=tmp_path / "b", pre_roll=0, post_roll=0)
    assert all(x.key != y.key for x, y in zip(plan[:-1], bare[:-1], strict=True))
    # a post-roll alone is dropped as it is written (its packets follow the join's IDR frame);
    # a pre-roll is cut out afterwards
    for t in plan[:-1]:
        argv = t.cmd.argv
        assert t.cmd.keep is None and argv[argv.index("-bsf:v") + 1] == f"noise=drop=gte(n\\,{t.frames})"
        assert argv[argv.index("-frames:v") + 1] == str(t.frames + post)
    assert "-bsf:v" not in plan[-1].cmd.argv and plan[-1].key == bare[-1].key  # no frames after it
    assert all("-bsf:v" not in t.cmd.argv and t.cmd.keep is None for t in bare)
    rolled = prepare(timeline, quality="standard", workdir=tmp_path / "r", pre_roll=4, post_roll=post)
    assert rolled[1].cmd.keep == (4, 4 + rolled[1].frames) and "-bsf:v" not in rolled[1].cmd.argv
    # a join and the frame before it are IDR frames in every encode that holds them
    frames = [a for a, _ in plan_chunks(timeline)]
    for t in plan[:-1]:
        kf = t.cmd.argv[t.cmd.argv.index("-force_key_frames") + 1]
        assert f"eq(n,{t.end - 1 - t.first + pre})" in kf and f"eq(n,{t.end - t.first + pre})" in kf
        assert t.end in frames
    for t in plan:
        [alone] = prepare(timeline, quality="standard", workdir=tmp_path / f"c{t.index}", chunks=[(t.first, t.end)])
        assert alone.key == t.key


def test_text_edit_renders_only_the_chunks_showing_it(timeline, exported, tmp_path):
    _, cache, _ = exported
    cap = next(t for t in timeline.tracks if t.id == "cap")
    seg = cap.segments[1]
    edited = replace(timeline, tracks=tuple(
        replace(t, segments=(t.segments[0], replace(seg, text="Shop today"))) if t.id == "cap" else t
        for t in timeline.tracks))
    chunks = plan_chunks(timeline)
    changed, res = _changed(cache, timeline, edited, tmp_path)
    assert changed == _overlapping(chunks, 330, 390)  # 11.0-13.0 s
    assert res.rendered == len(changed) and res.audio_reused
    assert 0 < len(changed) < len(chunks) / 2


def test_an_edits_progress_counts_the_reused_chunks_as_done(timeline, exported, tmp_path):
    """Re-exporting after a caption edit: the bar starts where the reused chunks leave it and
    only moves on, so a one-chunk edit does not crawl from 0 % to 100 %."""
    _, cache, _ = exported
    edited = replace(timeline, tracks=tuple(
        replace(t, segments=(replace(t.segments[0], text="Fresh today"), *t.segments[1:])) if t.id == "cap" else t
        for t in timeline.tracks))
    before = {t.key for t in prepare(timeline, quality="standard", workdir=tmp_path / "a")}
    tasks = prepare(edited, quality="standard", workdir=tmp_path / "b")
    kept = sum(t.frames for t in tasks if t.key in before) / sum(t.frames for t in tasks)
    seen: list[float] = []
    res = export(edited, tmp_path / "edit.mp4", cache=cache, progress=seen.append)
    assert 0 < res.rendered < res.chunks and kept > 0.3
    assert seen[0] >= 0.97 * kept - 1e-9, (seen[0], kept)
    assert seen[-1] == 1.0 and all(b >= a for a, b in zip(seen, seen[1:], strict=False))


def test_audio_edit_renders_no_video_chunk(timeline, exported, tmp_path):
    _, cache, _ = exported
    edited = replace(timeline, tracks=tuple(
        replace(t, segments=(replace(t.segments[0], volume=0.6),)) if t.id == "bgm" else t
        for t in timeline.tracks))
    changed, res = _changed(cache, timeline, edited, tmp_path)
    assert changed == set() and res.rendered == 0 and not res.audio_reused
    a, _ = decode_audio(res.path)
    assert len(a) > 0


def test_motion_edit_invalidates_exactly_that_shots_chunks(timeline, exported, tmp_path):
    _, cache, _ = exported
    main = next(t for t in timeline.tracks if t.id == "main")
    from reelforge.timeline import Motion

    seg = main.segments[2]  # a cut before it, a slide after it
    edited = replace(timeline, tracks=tuple(
        replace(t, segments=tuple(replace(s, motion=Motion.PAN_DOWN) if s.id == seg.id else s
                                  for s in t.segments)) if t.id == "main" else t
        for t in timeline.tracks))
    fs, fe = round(seg.start * 30 / 1000), round(seg.end * 30 / 1000)
    changed, res = _changed(cache, timeline, edited, tmp_path)
    assert changed == _overlapping(plan_chunks(timeline), fs, fe)
    assert res.rendered == len(changed)


def test_corrupt_or_half_written_chunk_is_rendered_again(timeline, exported, tmp_path):
    res, cache, _ = exported
    tasks = prepare(timeline, quality="standard", workdir=tmp_path / "p")
    bad, half = tasks[1].key, tasks[3].key
    path = cache.get(bad)
    data = bytearray(path.read_bytes())
    data[len(data) // 2: len(data) // 2 + 64] = b"\0" * 64  # bit rot in the middle
    path.write_bytes(bytes(data))
    half_path = cache.get(half)
    half_path.write_bytes(half_path.read_bytes()[: half_path.stat().st_size // 3])  # cut short
    again = export(timeline, tmp_path / "again.mp4", cache=cache)
    assert again.rendered == 2
    assert count_frames(again.path) == 480
    assert cache.get(bad) is not None and cache.get(half) is not None
    # a chunk whose record was never written (writer killed) does not exist
    cache._paths(bad)[1].unlink()
    assert cache.get(bad) is None
    meta = json.loads(cache._paths(half)[1].read_text())
    assert meta["bytes"] == cache.get(half).stat().st_size


def test_cache_stays_under_its_cap(timeline, exported, tmp_path):
    res, full, _ = exported
    sizes = sorted(b for _, b, _ in full.entries())
    cap = sum(sizes) // 2
    small = ChunkCache(tmp_path / "small", cap_bytes=cap)
    out = export(timeline, tmp_path / "capped.mp4", cache=small)
    assert count_frames(out.path) == 480
    assert 0 < small.size() <= cap


def test_title_edit_through_the_session_rerenders_only_the_title_chunks(tmp_path):
    """The product's path: a first cut from a prompt, then "change the title" as a user types
    it, exported into the same cache. Only the chunks where the title is on screen render
    again (layout, style, captions and notes of the edit do not reach other chunks), and the
    sound is reused even though every source was written again with the same bytes (as a
    re-upload or a copy does)."""
    import os

    from reelforge import api
    from reelforge.media.samples import write_demo_assets

    files = write_demo_assets(tmp_path / "shots")
    session = api.new_project(files).session
    session.handle("a 12-second promo, 720p, title 'Urban Dreams', captions for each photo")
    before = session.timeline
    cache = ChunkCache(tmp_path / "cache")
    first = export(before, tmp_path / "a.mp4", quality="draft", cache=cache)
    assert first.reused == 0 and first.chunks >= 3
    reply = session.handle("change the title to 'Urban Nights'")
    after = session.timeline
    assert reply.changed
    title = next(s for t in after.tracks if t.role.value == "title" for s in t.segments)
    assert title.text == "Urban Nights"
    for f in files:  # the same bytes, a new modification time
        data = f.read_bytes()
        f.write_bytes(data)
        os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 10**9))
    fps = after.fps
    showing = _overlapping(plan_chunks(after), title.start * fps // 1000, -(-title.end * fps // 1000), "draft")
    res = export(after, tmp_path / "b.mp4", quality="draft", cache=cache)
    assert res.chunks == first.chunks
    assert res.rendered == len(showing) and 0 < len(showing) < res.chunks / 2
    assert res.audio_reused
    assert count_frames(res.path) == count_frames(first.path)


def test_a_chunks_key_holds_where_its_texts_lines_break(timeline, tmp_path, monkeypatch):
    """A change of where a text's lines break draws other pixels from the same words (a row's last
    dot left out at a break, a dash kept with its line): chunks cached before such a change must
    miss, so the key holds the lines, not only the words."""
    from reelforge.render import chunks

    before = prepare(timeline, quality="standard", workdir=tmp_path / "a")
    real = chunks.text_lines
    monkeypatch.setattr(chunks, "text_lines", lambda spec, size: [*real(spec, size), ""])
    after = prepare(timeline, quality="standard", workdir=tmp_path / "b")
    for x, y in zip(before, after, strict=True):
        assert (x.key != y.key) == bool(x.texts), x.index
    assert any(x.texts for x in before)
