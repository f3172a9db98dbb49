"""Helpers for the chunked-render tests: real photos, a rich timeline, raw frames, PSNR."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
from PIL import Image

from reelforge.media.ffmpeg import ffmpeg_exe
from reelforge.render.compile import RenderCommand
from reelforge.render.text import draw_overlays
from reelforge.timeline import (
    Asset,
    AssetKind,
    AudioSegment,
    Motion,
    Position,
    Role,
    TextSegment,
    TextSize,
    Timeline,
    Track,
    TrackKind,
    Transition,
    VideoSegment,
    build,
)


def photos(d: Path) -> list[Asset]:
    """Real photos the packages ship (scikit-learn and scikit-image samples), as JPEG."""
    from skimage import data
    from sklearn.datasets import load_sample_images

    pics = [*load_sample_images().images, data.astronaut(), data.coffee(), data.chelsea()]
    out = []
    for i, arr in enumerate(pics):
        p = d / f"photo{i}.jpg"
        Image.fromarray(arr).save(p, quality=92)
        out.append(Asset(id=f"photo{i}", path=str(p), name=p.name, kind=AssetKind.IMAGE,
                         width=arr.shape[1], height=arr.shape[0], format="jpeg"))
    return out


def rich_timeline(pics: list[Asset], media: dict[str, Asset], *, seconds: int = 16,
                  width: int = 640, height: int = 360) -> Timeline:
    """Stills with every kind of motion, focus, a fade-in from the background, a crossfade and
    a slide, a clip, a logo, a title with fades, a caption, voice and ducked music."""
    ms = seconds * 1000
    n = len(pics)
    step = ms // n
    motions = [Motion.ZOOM_IN, Motion.PAN_RIGHT, Motion.ZOOM_OUT, Motion.PAN_UP, Motion.PAN_LEFT]
    trans = [Transition.CROSSFADE, Transition.CUT, Transition.SLIDE_LEFT, Transition.CROSSFADE, Transition.CUT]
    segs = []
    for i, a in enumerate(pics):
        t = trans[i % len(trans)] if i else Transition.CROSSFADE  # the first fades in from black
        td = 400 if t is not Transition.CUT else 0
        start = i * step - (td if i else 0)
        segs.append(VideoSegment(id=f"v{i}", start=max(0, start), duration=step + (td if i else 0),
                                 src=a.id, motion=motions[i % len(motions)], transition=t, transition_ms=td,
                                 focus=(0.3, 0.6) if i == 1 else None))
    # the clip replaces the last still's second half
    last = segs[-1]
    segs[-1] = last.model_copy(update={"duration": last.duration // 2})
    segs.append(VideoSegment(id="vclip", start=segs[-1].end, duration=ms - segs[-1].end, src="clip"))
    return build(
        width=width, height=height, fps=30, duration=ms,
        assets=[*pics, media["clip"], media["voice"], media["music"], media["checker"]],
        tracks=[
            Track(id="main", kind=TrackKind.VIDEO, role=Role.MAIN, segments=tuple(segs)),
            Track(id="logo", kind=TrackKind.VIDEO, role=Role.LOGO, segments=(
                VideoSegment(id="lg", start=1000, duration=ms - 2000, src="checker", scale=0.15,
                             opacity=0.8, position=Position.TOP_RIGHT),)),
            Track(id="vo", kind=TrackKind.AUDIO, role=Role.VOICE, segments=(
                AudioSegment(id="a_vo", start=500, duration=6000, src="voice"),
                AudioSegment(id="a_vo2", start=8000, duration=6000, src="voice"),)),
            Track(id="bgm", kind=TrackKind.AUDIO, role=Role.MUSIC, segments=(
                AudioSegment(id="a_bgm", start=0, duration=ms, src="music", volume=0.35, duck=True,
                             loop=True, fade_out_ms=1000),)),
            Track(id="title", kind=TrackKind.TEXT, role=Role.TITLE, segments=(
                TextSegment(id="t_title", start=0, duration=3000, text="Urban Dreams",
                            size=TextSize.XLARGE, fade_in_ms=300, fade_out_ms=300),)),
            Track(id="cap", kind=TrackKind.TEXT, role=Role.CAPTION, segments=(
                TextSegment(id="t_cap", start=6500, duration=2500, text="Built for the city",
                            position=Position.BOTTOM),
                TextSegment(id="t_cap2", start=11000, duration=2000, text="Shop now",
                            position=Position.BOTTOM),)),
        ])


def raw_frames(cmd: RenderCommand, out: Path, *, texts=None) -> np.ndarray:
    """Run ``cmd`` with its picture written as raw yuv420p instead of H.264 (frames as array)."""
    argv = list(cmd.argv)
    maps = [argv[i + 1] for i, a in enumerate(argv) if a == "-map"]
    argv = argv[:argv.index("-map")] + ["-map", maps[0], "-f", "rawvideo", "-pix_fmt", "yuv420p", str(out)]
    if len(maps) > 1:
        argv += ["-map", maps[1], "-f", "null", "-"]
    used = {s.path for s in cmd.overlays}
    draw_overlays([s for s in (texts or cmd.overlays)])
    assert all(p.is_file() for p in used)
    cmd.filter_script.write_text(cmd.filter_graph, encoding="utf-8")
    subprocess.run(argv, check=True, capture_output=True)
    size = cmd.width * cmd.height * 3 // 2
    return np.fromfile(out, np.uint8).reshape(-1, size)


def psnr_per_frame(a: Path, b: Path, workdir: Path) -> list[float]:
    """PSNR (dB, luma+chroma average) of every frame of ``b`` against ``a`` (ffmpeg's psnr)."""
    log = workdir / "psnr.log"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(a), "-i", str(b), "-lavfi",
                    f"[0:v][1:v]psnr=stats_file={log.name}", "-f", "null", "-"],
                   check=True, cwd=workdir, capture_output=True)
    out = []
    for line in log.read_text().splitlines():
        fields = dict(x.split(":", 1) for x in line.split() if ":" in x)
        v = fields["psnr_avg"]
        out.append(99.0 if v == "inf" else float(v))
    return out


def packets(path: Path) -> tuple[list[int], list[int], list[bool]]:
    """(dts, pts, keyframe) of the video packets, in file order."""
    import av

    with av.open(str(path)) as f:
        ps = [p for p in f.demux(f.streams.video[0]) if p.size]
        return [p.dts for p in ps], [p.pts for p in ps], [bool(p.is_keyframe) for p in ps]


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's top-level box types in order."""
    data = path.read_bytes()
    out, i = [], 0
    while i + 8 <= len(data):
        size = int.from_bytes(data[i:i + 4], "big")
        kind = data[i + 4:i + 8].decode("latin-1")
        if size == 1:
            size = int.from_bytes(data[i + 8:i + 16], "big")
        elif size == 0:
            size = len(data) - i
        out.append(kind)
        i += size
    return out
