"""Seams of a chunked export: PSNR around the joins against a whole render, by pre-/post-roll.

The 16 s real-photo test timeline (tests/render/_chunk_helpers.py ``rich_timeline``: stills with
every motion, transitions, a clip, logo, title, captions) is rendered whole, in one ffmpeg, with
GOPs starting where the chunks do (``render(..., keyframes=...)``), then chunk by chunk with
each pre-/post-roll setting asked for; the chunks are joined by stream copy and compared with
the whole render frame by frame (ffmpeg ``psnr``). Reports, per setting: the lowest PSNR over
the frames around every join (3 before, 3 after), the lowest per join, the median over all
frames, the joined video's bytes and the CPU seconds of the chunk encodes (ffmpeg children).

    python bench/seams.py [--size 854x480] [--rolls 0:0,8:8,16:8] [--quality standard] [--json]

The rolls a quality uses by default are `reelforge.render.chunks.ROLLS`.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test timeline and its real photos (tests/render helpers)
sys.path.insert(0, str(ROOT / "src"))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _chunks(tasks, d: Path) -> tuple[Path, float]:
    """Render ``tasks`` (no cache) and join their video by stream copy; (file, CPU seconds)."""
    from reelforge.media.ffmpeg import ffmpeg_exe
    from reelforge.render.cache import ChunkCache
    from reelforge.render.chunked import render_chunk
    from reelforge.render.graph import escape_value

    store = ChunkCache(d / "cache", cap_bytes=1 << 62)
    cpu = _cpu()
    files = [render_chunk(t, store)[0] for t in tasks]
    cpu = _cpu() - cpu
    listing = d / "list.txt"
    listing.write_text("ffconcat version 1.0\n" + "".join(f"file {escape_value(str(p))}\n" for p in files))
    out = d / "joined.mp4"
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
                    "-c", "copy", str(out)], check=True)
    return out, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="854x480")
    ap.add_argument("--rolls", default="0:0,8:8,16:8", help="pre:post frames, comma-separated")
    ap.add_argument("--quality", default="standard")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    w, h = (int(x) for x in args.size.split("x"))

    from reelforge.render import render
    from reelforge.render.chunked import prepare
    from reelforge.render.chunks import plan_chunks
    from tests.render._chunk_helpers import photos, psnr_per_frame, rich_timeline
    from tests.render._render_helpers import make_media

    with tempfile.TemporaryDirectory(prefix="seams.") as tmp:
        d = Path(tmp)
        (d / "media").mkdir()
        tl = rich_timeline(photos(d), make_media(d / "media"), width=w, height=h)
        starts = [a for a, _ in plan_chunks(tl)]
        frames = plan_chunks(tl)[-1][1]
        whole = d / "whole.mp4"
        cpu = _cpu()
        render(tl, whole, quality=args.quality, keyframes=starts, chunk_motion=True)
        whole_cpu = _cpu() - cpu
        rows = []
        for roll in args.rolls.split(","):
            pre, post = (int(x) for x in roll.split(":"))
            run = d / f"r{pre}_{post}"
            run.mkdir()
            tasks = prepare(tl, quality=args.quality, workdir=run / "work", pre_roll=pre, post_roll=post)
            joined, cpu = _chunks(tasks, run)
            psnr = psnr_per_frame(whole, joined, run)
            if len(psnr) != frames:
                raise SystemExit(f"{roll}: {len(psnr)} frames compared instead of {frames}")
            joins = [round(min(psnr[a - 3:a + 3]), 2) for a in starts[1:]]
            rows.append({"pre_roll": pre, "post_roll": post, "min_near_joins": min(joins),
                         "mean_near_joins": round(statistics.mean(
                             v for a in starts[1:] for v in psnr[a - 3:a + 3]), 2),
                         "per_join": joins, "median": round(statistics.median(psnr), 2),
                         "near": [[round(v, 1) for v in psnr[a - 3:a + 3]] for a in starts[1:]],
                         "bytes": joined.stat().st_size, "cpu_s": round(cpu, 2)})
            print(json.dumps(rows[-1]), flush=True)
    base = rows[0]
    summary = {"size": args.size, "quality": args.quality, "chunks": len(starts),
               "whole_render_cpu_s": round(whole_cpu, 2), "rows": rows}
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"{args.size} {args.quality}, {len(starts)} chunks; whole render {whole_cpu:.1f} CPU s")
    print(" pre post  min@joins  mean@joins  median    bytes   chunk CPU s (vs first row)")
    for r in rows:
        print(f"{r['pre_roll']:4d} {r['post_roll']:4d}  {r['min_near_joins']:8.2f}  {r['mean_near_joins']:9.2f}"
              f"  {r['median']:6.2f}  {r['bytes']:8d}  {r['cpu_s']:6.2f} ({r['cpu_s'] / base['cpu_s']:.2f}x)"
              f"  per join {r['per_join']}")


if __name__ == "__main__":
    main()
