"""Keep some frames of an H.264 encode by stream copy (no re-encode).

A chunk encoded with frames before it (a pre-roll, which `bench/seams.py` can ask for) has
them dropped here, with its post-roll; a post-roll alone is dropped while the chunk is written
(`reelforge.render.compile.compile_chunk`). Cuts are exact only at closed-GOP starts: the
encode has a forced IDR at the first frame kept and at the first frame dropped after them, so
no kept frame refers to a dropped one.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from reelforge.errors import RenderError


def keep_frames(src: Path, dst: Path, first: int, end: int, fps: int) -> Path:
    """Write frames ``[first, end)`` of ``src`` (numbered from 0 by presentation time) to
    ``dst`` as MP4 starting at time 0, atomically. Raises `RenderError` when the first frame
    kept is not a keyframe or the count is wrong."""
    import av

    tmp = dst.with_name(f".{dst.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with av.open(str(src)) as vin:
            vs = vin.streams.video[0]
            tb = vs.time_base
            offset = round(first / fps / tb)
            packets = []
            for p in vin.demux(vs):
                if p.pts is None or not p.size:
                    continue
                n = round(float(p.pts * tb) * fps)
                if first <= n < end:
                    packets.append((n, p))
            if not packets or packets[0][0] != first or not packets[0][1].is_keyframe:
                raise RenderError(f"{src.name}: frame {first} does not start a GOP in decode order")
            if len(packets) != end - first:
                raise RenderError(f"{src.name}: {len(packets)} frames in [{first}, {end}) instead of {end - first}")
            with av.open(str(tmp), "w", format="mp4") as out:
                ov = out.add_stream_from_template(vs)
                for _, p in packets:
                    p.pts -= offset
                    p.dts -= offset
                    p.stream = ov
                    out.mux(p)
        os.replace(tmp, dst)
    except av.FFmpegError as exc:
        raise RenderError(f"could not cut {src.name}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dst
