"""A chunked render as a fragmented MP4 that plays while the rest is still rendering.

Each finished chunk (video only, its own closed GOPs) and its share of the programme audio
are remuxed (stream copy, ~10 ms) into one self-contained fragmented MP4 file: ``ftyp``,
an empty ``moov``, one ``moof``/``mdat`` pair whose ``tfdt`` is the chunk's place on the
timeline. The files can be made in any order by any worker. The progressive stream is the
first file whole followed by the ``moof``/``mdat`` boxes of the next ones (`stream_boxes`):
every chunk comes from the same encoder settings, so all files carry the same codec setup
(their ``moov`` boxes differ only in the bit-rate hint) and one init serves them all.

The AAC encoder's priming packet (1024 samples before time 0) is kept, as a normal MP4 keeps
it: the audio track's media time is the presentation time + the priming, and the ``moov``
carries an edit list (``edts``/``elst``, media_time = the priming) that says so, so a decoder
sees the same packets from the same start as in the finished file and its sound is the same,
sample for sample, from the first one (without the priming packet the first 21 ms decoded
differently, and so did all noise-coded (PNS) bands after it: the decoder's noise generator
started elsewhere).

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

    Audio packets are given to the chunk in which they start in media time (AAC frames do
    not line up with video frames), so no packet is sent twice or lost; media time is the
    presentation time + the encoder's priming, so the first chunk starts with the priming
    packet, and the edit list in the ``moov`` (`with_edit_list`) takes it off again. ``last``
    takes the audio that runs past the final frame too."""
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
                priming = 0
                if audio is not None:
                    priming, sound = _audio_packets(audio, out, t0, t1)
                    packets += sound
                packets.sort(key=lambda x: (x[0], x[1]))
                for _, _, p in packets:
                    out.mux(p)
        if priming:
            tmp.write_bytes(with_edit_list(tmp.read_bytes(), b"soun", priming))
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    return output


def _audio_packets(audio: Path, out, t0: float, t1: float) -> tuple[int, list]:
    """(the encoder's priming in samples, the packets whose media time starts in [t0, t1),
    with media time as their timestamps, sorted with the video by presentation time)."""
    import av

    res = []
    priming = None
    with av.open(str(audio)) as ain:
        src = ain.streams.audio[0]
        oa = out.add_stream_from_template(src)
        for p in ain.demux(src):
            if p.pts is None:
                continue
            if priming is None:  # the first packet starts before 0 by the encoder's delay
                priming = max(0, -p.pts)
            media = p.pts + priming
            if not (t0 - 1e-6 <= float(media * src.time_base) < t1 - 1e-6):
                continue
            shown = float(p.pts * src.time_base)
            p.pts = p.dts = media
            p.stream = oa
            res.append((shown, 1, p))
    return priming or 0, res


def with_edit_list(data: bytes, handler: bytes, media_time: int) -> bytes:
    """``data`` (an MP4 with one track of ``handler`` type, e.g. ``b"soun"``) with an edit list
    in that track saying its presentation starts at ``media_time`` (in the track's timescale):
    ``edts``/``elst`` right after ``tkhd``, one edit of unknown length (0: the whole fragmented
    track), as ffmpeg writes for a fragmented AAC track. Only the ``moov`` changes; fragments
    address their data from their own ``moof`` (``default_base_moof``), so nothing moves."""
    elst = struct.pack(">I4sIIIihh", 28, b"elst", 0, 1, 0, media_time, 1, 0)
    edts = _box(b"edts", elst)
    out = []
    for kind, off, size in boxes(data):
        box = data[off:off + size]
        if kind == "moov":
            children = []
            for k, o, n in boxes(box[8:]):
                child = box[8 + o:8 + o + n]
                inner = child[8:]
                if k == "trak" and _handler(inner) == handler and "edts" not in [b[0] for b in boxes(inner)]:
                    child = _box(b"trak", _after(inner, "tkhd", edts))
                children.append(child)
            box = _box(b"moov", b"".join(children))
        out.append(box)
    return b"".join(out)


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def _after(payload: bytes, kind: str, extra: bytes) -> bytes:
    """``payload`` (a box's children) with ``extra`` inserted after its ``kind`` child."""
    _, off, size = next(b for b in boxes(payload) if b[0] == kind)
    return payload[:off + size] + extra + payload[off + size:]


def _handler(trak: bytes) -> bytes | None:
    """The handler type of a ``trak`` (``b"vide"``, ``b"soun"``): ``mdia``/``hdlr``."""
    for kind, off, size in boxes(trak):
        if kind == "mdia":
            mdia = trak[off + 8:off + size]
            for k, o, _ in boxes(mdia):
                if k == "hdlr":
                    return mdia[o + 16:o + 20]
    return None


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
