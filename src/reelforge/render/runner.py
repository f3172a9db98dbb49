"""Run the compiled command: the one place in the renderer with side effects.

Steps: check the source files exist, draw the text PNGs and write the filter script into a
temporary work directory, run the short audio-only loudness measure pass (when there is
audio), then ONE ffmpeg process for the picture and sound, reading ``-progress pipe:1``.
The output is written beside the destination under a temporary name and moved into place
with `os.replace` only on success; on any failure, interrupt or cancel ffmpeg is killed and
the partial file removed.

ffmpeg never outlives us (`reelforge.owners`): it runs in its own process group with a
parent-death signal, so even ``kill -9`` of the worker takes it down; the temporary names
(``.<output>.<owner>.<random>.part`` and the work folder) carry the owner's tag, so a sweep at
startup (`sweep_stale`) removes what a dead process left.
"""

from __future__ import annotations

import collections
import os
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reelforge import owners
from reelforge.errors import InvalidTimeline, RenderCancelled, RenderError
from reelforge.render.audio_graph import LoudnessMeasure
from reelforge.render.compile import (
    QUALITIES,
    RenderCommand,
    compile_loudness_probe,
    compile_render,
)
from reelforge.render.text import draw_overlays
from reelforge.render.verify import verify
from reelforge.timeline.model import Timeline

Progress = Callable[[float], Any]


def _cancelled(cancel: Any) -> bool:
    if cancel is None:
        return False
    if hasattr(cancel, "is_set"):
        return bool(cancel.is_set())
    return bool(cancel())


def _start(timeline: Timeline, output: str | Path, quality: str) -> tuple[Path, Path]:
    """Checks before any render (whole or chunked): the quality, the sources, the output
    folder; returns the output and the owner-tagged partial file it is written to first."""
    output = Path(output)
    if quality not in QUALITIES:
        raise InvalidTimeline(f"unknown quality {quality!r}; use one of {', '.join(QUALITIES)}")
    _check_sources(timeline)
    if not output.parent.is_dir():
        raise RenderError(f"output folder does not exist: {output.parent}")
    return output, output.with_name(f".{output.name}.{owners.tag()}.{uuid.uuid4().hex[:8]}.part")


def _check_sources(timeline: Timeline) -> None:
    used = {getattr(s, "src", None) for t in timeline.tracks for s in t.segments} - {None}
    for asset in timeline.assets:
        if asset.id in used and not Path(asset.path).is_file():
            raise RenderError(f"source file for {asset.name!r} not found: {asset.path}")


class _Stderr:
    """Drains a pipe in a thread, keeping the whole text (small) and a tail for errors."""

    def __init__(self, pipe) -> None:
        self.lines: collections.deque[str] = collections.deque(maxlen=400)
        self._t = threading.Thread(target=self._run, args=(pipe,), daemon=True)
        self._t.start()

    def _run(self, pipe) -> None:
        for raw in iter(pipe.readline, b""):
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
        pipe.close()

    def join(self) -> None:
        self._t.join(timeout=5)

    def text(self) -> str:
        return "\n".join(self.lines)

    def tail(self, n: int = 25) -> str:
        return "\n".join(list(self.lines)[-n:])


WORKDIR_PREFIX = "reelforge-render."


def _kill(proc: subprocess.Popen) -> None:
    owners.kill_group(proc)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        pass


def _kill_on_cancel(proc: subprocess.Popen, cancel: Any) -> None:
    while proc.poll() is None:
        if _cancelled(cancel):
            _kill(proc)
            return
        time.sleep(0.2)


@dataclass(frozen=True)
class Ran:
    stderr: str
    frames: int  # video frames written to the output (ffmpeg's last ``frame=`` report), 0 if none


def _run(cmd: RenderCommand, *, total_us: int, progress: Progress | None, cancel: Any) -> Ran:
    """Run one ffmpeg command. Raises on failure or cancel."""
    proc = subprocess.Popen(cmd.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **owners.child_options())
    err = _Stderr(proc.stderr)
    if cancel is not None:  # a cancel kills ffmpeg even while it prints nothing
        threading.Thread(target=_kill_on_cancel, args=(proc, cancel), daemon=True).start()
    last = 0.0
    frames = 0
    try:
        assert proc.stdout is not None
        for raw in iter(proc.stdout.readline, b""):
            if _cancelled(cancel):
                raise RenderCancelled("render cancelled", command=cmd.argv)
            line = raw.decode("ascii", "replace").strip()
            if line.startswith("frame=") and line[6:].isdigit():
                frames = int(line[6:])
            if progress is not None and line.startswith("out_time_us=") and total_us > 0:
                try:
                    us = int(line.split("=", 1)[1])
                except ValueError:
                    continue  # "N/A" before the first frame
                frac = min(max(us / total_us, 0.0), 0.999)
                if frac > last:
                    last = frac
                    progress(frac)
        proc.wait()
    except KeyboardInterrupt:
        _kill(proc)
        raise RenderCancelled("render interrupted", command=cmd.argv) from None
    except BaseException:
        _kill(proc)
        raise
    finally:
        err.join()
    if _cancelled(cancel):
        raise RenderCancelled("render cancelled", command=cmd.argv)
    if proc.returncode != 0:
        tail = err.tail()
        raise RenderError(f"ffmpeg failed with exit code {proc.returncode}: {tail.splitlines()[-1] if tail else ''}",
                          returncode=proc.returncode, command=cmd.argv, stderr_tail=tail)
    return Ran(err.text(), frames)


def measure_loudness(timeline: Timeline, workdir: Path, cancel: Any = None, *,
                     mixed: Path | None = None, ceiling_db: float | None = None) -> LoudnessMeasure | None:
    """Run the audio-only measure pass (ebur128, well under a second a pass); None if no audio.
    When the gain to the target needs the true-peak limiter, the mix is measured again after it
    (at most twice) and what the limiter took off is added back (`LoudnessMeasure.makeup_db`).
    ``mixed``: the timeline's mix already rendered (`compile_mix`), measured instead of mixing
    the sources again for each pass. ``ceiling_db``: the limiter's ceiling, when lower than its
    default (`LoudnessMeasure.ceiling_db`)."""
    import dataclasses

    from reelforge.render.audio_graph import limits

    m = _measure(timeline, workdir, cancel, None, mixed)
    if m is None:
        return None
    if ceiling_db is not None:
        m = dataclasses.replace(m, ceiling_db=ceiling_db)
    for _ in range(2):
        if m.gain_db(timeline.loudness) == 0.0 or not limits(m, timeline.loudness):
            break
        after = _measure(timeline, workdir, cancel, m, mixed)
        short = timeline.loudness - after.input_i if after is not None else 0.0
        if abs(short) < 0.2:
            break
        m = dataclasses.replace(m, makeup_db=m.makeup_db + short)
    return m


def encoded_true_peak(path: Path, workdir: Path, cancel: Any = None) -> float:
    """The true peak (dBTP, ebur128's 4x oversampled) of an encoded file's audio, as a player
    decodes it: the AAC encode adds its own overshoot to the limited mix (~1.2 dB on a drum
    loop's noise hats)."""
    from reelforge.render.compile import _head
    from reelforge.render.graph import escape_value

    report = workdir / "encoded_peak.txt"
    argv = [*_head(), "-i", str(path), "-vn", "-af",
            f"ebur128=metadata=1:peak=true,ametadata=mode=print:file={escape_value(str(report))}",
            "-f", "null", "-"]
    cmd = RenderCommand(argv=argv, filter_graph="", filter_script=workdir / "encoded_peak_graph.txt",
                        overlays=(), total_frames=0, duration_ms=0, width=0, height=0, fps=0, output=report)
    stderr = _run(cmd, total_us=0, progress=None, cancel=cancel).stderr
    try:
        return LoudnessMeasure.from_metadata(report.read_text(encoding="utf-8")).input_tp
    except (OSError, ValueError) as exc:
        raise RenderError(f"could not read the encoded true peak: {exc}", command=argv,
                          stderr_tail=stderr[-2000:]) from exc


PEAK_RETRIES = 2  # encodes of the audio after the first when its true peak came out over TRUE_PEAK
PEAK_MARGIN_DB = 0.2  # how far under TRUE_PEAK such a re-encode aims


def peak_safe(timeline: Timeline, encoded: Path, workdir: Path, loud: LoudnessMeasure, cancel: Any = None, *,
              mixed: Path | None = None) -> LoudnessMeasure | None:
    """The loudness to encode ``timeline``'s audio again with when ``encoded`` came out over
    `TRUE_PEAK`, else None. The AAC encode overshoots the limited mix (a drum loop: -1.46 dBTP
    limited, -0.21 dBTP encoded): measured on the file, the limiter's ceiling comes down by the
    excess (and the make-up is measured again under it)."""
    from reelforge.render.audio_graph import TRUE_PEAK

    over = encoded_true_peak(encoded, workdir, cancel) - TRUE_PEAK
    if over <= 0:
        return None
    return measure_loudness(timeline, workdir, cancel, mixed=mixed,
                            ceiling_db=loud.ceiling_db - over - PEAK_MARGIN_DB)


def _reencode_audio(timeline: Timeline, path: Path, workdir: Path, loud: LoudnessMeasure, cancel: Any) -> None:
    """``path``'s audio encoded again at ``loud`` (the video stream copied as it is)."""
    from reelforge.render.compile import _head, compile_audio

    audio = compile_audio(timeline, workdir / "peak_audio.m4a", workdir=workdir, loudness=loud)
    audio.filter_script.write_text(audio.filter_graph, encoding="utf-8")
    _run(audio, total_us=0, progress=None, cancel=cancel)
    muxed = workdir / "peak_muxed.mp4"
    argv = [*_head(), "-i", str(path), "-i", str(audio.output), "-map", "0:v:0", "-map", "1:a:0", "-c", "copy",
            "-movflags", "+faststart", "-f", "mp4", str(muxed)]
    _run(RenderCommand(argv=argv, filter_graph="", filter_script=workdir / "peak_mux.txt", overlays=(),
                       total_frames=0, duration_ms=0, width=0, height=0, fps=0, output=muxed),
         total_us=0, progress=None, cancel=cancel)
    os.replace(muxed, path)
    audio.output.unlink(missing_ok=True)


def _measure(timeline: Timeline, workdir: Path, cancel: Any, applied: LoudnessMeasure | None,
             mixed: Path | None = None) -> LoudnessMeasure | None:
    probe = compile_loudness_probe(timeline, workdir=workdir, applied=applied, mixed=mixed)
    if probe is None:
        return None
    probe.filter_script.write_text(probe.filter_graph, encoding="utf-8")
    stderr = _run(probe, total_us=0, progress=None, cancel=cancel).stderr
    try:
        return LoudnessMeasure.from_metadata(probe.output.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RenderError(f"could not read the loudness measurement: {exc}", command=probe.argv,
                          stderr_tail=stderr[-2000:]) from exc


def render(timeline: Timeline, output: str | Path, *, quality: str = "standard",
           progress: Progress | None = None, cancel: Any = None, check: bool = True,
           keyframes: Sequence[int] = (), chunk_motion: bool = False) -> Path:
    """Render ``timeline`` to ``output`` (MP4) and return its path.

    ``progress(fraction)`` is called with increasing values in 0..1, ending with 1.0.
    ``cancel`` is a `threading.Event` (or a callable returning True) checked while ffmpeg runs.
    With ``check`` the result is probed (`verify`) before it replaces ``output``.
    Raises `RenderError` (with returncode, command, stderr tail) or `RenderCancelled`.
    ``keyframes``: a chunked export's joins, given its IDR frames; ``chunk_motion``: moving
    stills move as in its chunks (`compile_render`): with both, the frames to compare it with.
    This is the whole, single-process render; `reelforge.render.chunked.export` the chunked one.
    """
    output, partial = _start(timeline, output, quality)
    with tempfile.TemporaryDirectory(prefix=f"{WORKDIR_PREFIX}{owners.tag()}.") as tmp:
        work = Path(tmp)
        try:
            loud = measure_loudness(timeline, work, cancel)
            cmd = compile_render(timeline, partial, quality=quality, workdir=work, loudness=loud,
                                 keyframes=keyframes, chunk_motion=chunk_motion)
            draw_overlays(cmd.overlays)
            cmd.filter_script.write_text(cmd.filter_graph, encoding="utf-8")
            _run(cmd, total_us=cmd.duration_ms * 1000, progress=progress, cancel=cancel)
            for _ in range(PEAK_RETRIES if loud is not None else 0):
                again = peak_safe(timeline, partial, work, loud, cancel)
                if again is None:
                    break
                loud = again
                _reencode_audio(timeline, partial, work, loud, cancel)
            if check:
                info = verify(partial)
                if abs(info.duration - cmd.duration_s) > 0.25:
                    raise RenderError(f"rendered {info.duration:.2f} s instead of {cmd.duration_s:.2f} s",
                                      command=cmd.argv)
            os.replace(partial, output)
        except KeyboardInterrupt:
            partial.unlink(missing_ok=True)
            raise RenderCancelled("render interrupted") from None
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    if progress is not None:
        progress(1.0)
    return output


def sweep_stale(folder: str | Path, *, max_age: float = 6 * 3600) -> int:
    """Remove partial outputs (``.*.part``) in ``folder`` and render work folders in the
    system temp dir left by dead processes (see `reelforge.owners.is_stale`). Returns the
    number removed. Call it at startup, before rendering."""
    import shutil

    removed = 0
    candidates = list(Path(folder).glob(".*.part"))
    candidates += Path(tempfile.gettempdir()).glob(f"{WORKDIR_PREFIX}*")
    for path in candidates:
        try:
            if owners.is_stale(path.name, path.stat().st_mtime, max_age=max_age):
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink()
                removed += 1
        except OSError:
            pass
    return removed
