"""A chunked render as a fragmented MP4 that plays while the rest is still rendering.

Each finished chunk (video only, its own closed GOPs) and its share of the programme audio
are remuxed (stream copy, ~10 ms) into one self-contained fragmented MP4 file: ``ftyp``,
an empty ``moov``, one ``moof``/``mdat`` pair whose ``tfdt`` is the chunk's place on the
timeline. The files can be made in any order by any worker. The progressive stream is the
first file whole followed by the ``moof``/``mdat`` boxes of the next ones (`stream_boxes`):
every chunk comes from the same encoder settings, so all files carry the same codec setup
(their ``moov`` boxes differ only in the bit-rate hint) and one init serves them all.

A growing fragmented MP4 over one HTTP response plays natively in a ``<video>``
(Chromium, Firefox, Safari) with no JavaScript player; see docs/architecture.md for why this
was chosen over HLS.
"""

from __future__ import annotations

import dataclasses
import os
import struct
import uuid
from pathlib import Path
from typing import Any

# frag_discont + use_editlist=0: the fragment's tfdt is its first packet's time (not rebased to 0)
MOVFLAGS = "frag_keyframe+empty_moov+default_base_moof+frag_discont"
VIDEO_TIMESCALE = 15360  # ffmpeg's default for 30 fps; a multiple of 24/25/30/60


def make_fragment(chunk: Path, audio: Path | None, frames: tuple[int, int], fps: int,
                  output: Path, *, last: bool = False) -> Path:
    """Write output frames ``frames`` = ``[first, end)`` (the file ``chunk``) and the audio
    packets that start in that span as one fragmented MP4 at ``output`` (atomically).

    Audio packets are given to the chunk in which they start (AAC frames do not line up
    with video frames), so no packet is sent twice or lost; the encoder's priming packet
    (negative time) is left out, as a fragment cannot start before zero. ``last`` takes the
    audio that runs past the final frame too."""
    import av

    first, end = frames
    t0, t1 = first / fps, (float("inf") if last else end / fps)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with av.open(str(chunk)) as vin:
            vs = vin.streams.video[0]
            with open(tmp, "wb") as fh, av.open(fh, "w", format="mp4", options={
                    "movflags": MOVFLAGS, "use_editlist": "0", "avoid_negative_ts": "disabled",
                    "video_track_timescale": str(VIDEO_TIMESCALE), "fflags": "+bitexact"}) as out:
                ov = out.add_stream_from_template(vs)
                packets = []
                offset = round(t0 / vs.time_base)
                for p in vin.demux(vs):
                    if p.dts is None:
                        continue
                    p.pts += offset
                    p.dts += offset
                    p.stream = ov
                    packets.append((float(p.dts * vs.time_base), 0, p))
                if audio is not None:
                    packets += _audio_packets(audio, out, t0, t1)
                packets.sort(key=lambda x: (x[0], x[1]))
                for _, _, p in packets:
                    out.mux(p)
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    return output


def _audio_packets(audio: Path, out, t0: float, t1: float) -> list:
    import av

    res = []
    with av.open(str(audio)) as ain:
        src = ain.streams.audio[0]
        oa = out.add_stream_from_template(src)
        for p in ain.demux(src):
            if p.pts is None:
                continue
            t = float(p.pts * src.time_base)
            if t < 0 or not (t0 - 1e-6 <= t < t1 - 1e-6):
                continue
            p.stream = oa
            res.append((t, 1, p))
    return res


def head_audio(timeline, seconds: float, workdir: Path, *, cancel: Any = None) -> Path:
    """The programme audio of the first ``seconds`` alone, for the first fragment of a
    preview before the whole audio pass is done (AAC for 30 s costs ~1 s, most of it the
    encoder): the same graph and loudness gain as the whole pass, stopped early, so its
    samples are the same. The AAC packets it ends with are not used (`make_fragment` takes
    only those starting before the chunk's end; keep ``seconds`` ~0.1 s past it)."""
    from reelforge.render.compile import compile_audio
    from reelforge.render.runner import _run, measure_loudness

    workdir.mkdir(parents=True, exist_ok=True)
    loud = measure_loudness(timeline, workdir, cancel)
    cmd = compile_audio(timeline, workdir / "head.m4a", workdir=workdir, loudness=loud)
    argv = list(cmd.argv)
    argv[len(argv) - 1 - argv[::-1].index("-t") + 1] = f"{seconds:.3f}"  # the output's (inputs may have one)
    cmd = dataclasses.replace(cmd, argv=argv, duration_ms=round(seconds * 1000))
    cmd.filter_script.write_text(cmd.filter_graph, encoding="utf-8")
    _run(cmd, total_us=0, progress=None, cancel=cancel)
    return cmd.output


def boxes(data: bytes) -> list[tuple[str, int, int]]:
    """Top-level ISO BMFF boxes of ``data``: (type, offset, size)."""
    out, i = [], 0
    while i + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[i:i + 8])
        if size == 1 and i + 16 <= len(data):
            size = struct.unpack(">Q", data[i + 8:i + 16])[0]
        if size < 8 or i + size > len(data):
            break
        out.append((kind.decode("latin-1"), i, size))
        i += size
    return out


def stream_boxes(data: bytes, *, first: bool) -> list[bytes]:
    """The parts of one fragment file that go into the progressive stream: the whole init
    (``ftyp`` + ``moov``) and fragment for the first file, only ``moof``/``mdat`` after it."""
    keep = ("ftyp", "moov", "moof", "mdat") if first else ("moof", "mdat")
    return [data[o:o + s] for kind, o, s in boxes(data) if kind in keep]
