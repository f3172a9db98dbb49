"""The filter graph as data: its builder, the compile's context and the text of option values (pure).

`Graph` collects the ffmpeg inputs and the filter chains and checks that every stream label is
produced and consumed exactly once. `Ctx` is what one compile knows: the timeline, the output
size and frame rate, the window of output frames a chunk renders (a whole render by default)
and each moving still's oversampling cap; it turns timeline milliseconds into frames. The small
helpers write option values: seconds, numbers, colours, quoted expressions, escaped paths.

`reelforge.render.stills` (pictures and their motion) and `reelforge.render.audio_graph` (the
sound) build on this module; `reelforge.render.compile` assembles the whole graph and the
command around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reelforge.errors import InvalidTimeline
from reelforge.render import motion
from reelforge.timeline.model import TextSegment, Timeline, VideoSegment

# -- helpers -----------------------------------------------------------------------------

def even_px(x: float) -> int:
    return max(2, int(round(x / 2)) * 2)


def secs(ms: int | float) -> str:
    """Milliseconds as ffmpeg seconds text."""
    return f"{ms / 1000:.3f}"


def num(x: float) -> str:
    return f"{x:.6g}"


def escape_value(value: str) -> str:
    """Quote any text as one filter option value (both levels of ffmpeg's escaping).

    The option parser unescapes ``\\ ' :``; the graph parser honours single quotes, inside
    which only ``'`` needs care. Used for file paths; user text never enters the graph.
    """
    inner = value.replace("\\", "\\\\").replace("'", "\\'").replace(":", "\\:")
    return "'" + inner.replace("'", "'\\''") + "'"


def quoted(expr: str) -> str:
    """Quote a filter option value that contains commas (expressions never contain quotes)."""
    if "'" in expr or "\\" in expr:
        raise InvalidTimeline(f"unsafe filter expression {expr!r}")
    return f"'{expr}'"


def ff_color(color: str) -> str:
    return "0x" + color.lstrip("#")[:6]


# -- the graph builder -------------------------------------------------------------------

class Graph:
    """Collects inputs and filter chains; checks that every label is consumed exactly once."""

    def __init__(self, max_pixels: int = 0) -> None:
        self.max_pixels = max_pixels  # decoders refuse larger frames (a size the probe did not see)
        self.inputs: list[list[str]] = []
        self.media: list[Path] = []
        self._keys: dict[str, int] = {}
        self.chains: list[str] = []
        self._n = 0
        self._produced: set[str] = set()
        self._consumed: set[str] = set()

    def input(self, key: str, args: list[str], path: str | Path, *, media: bool = True) -> int:
        if key in self._keys:
            return self._keys[key]
        cap = ["-max_pixels", str(self.max_pixels)] if media and self.max_pixels else []
        self.inputs.append([*cap, *args, "-i", str(path)])
        if media:
            self.media.append(Path(path))
        self._keys[key] = len(self.inputs) - 1
        return self._keys[key]

    def chain(self, ins: list[str], filters: list[str], hint: str, outs: int = 1) -> list[str]:
        for ref in ins:
            if ref in self._consumed:
                raise InvalidTimeline(f"internal graph error: stream {ref} used twice")
            if ":" not in ref and ref not in self._produced:
                raise InvalidTimeline(f"internal graph error: unknown stream {ref}")
            self._consumed.add(ref)
        labels = []
        for _ in range(outs):
            self._n += 1
            labels.append(f"{hint}{self._n}")
        self._produced.update(labels)
        body = ",".join(f for f in filters if f) or ("anull" if hint.startswith("a") else "null")
        self.chains.append("".join(f"[{r}]" for r in ins) + body + "".join(f"[{o}]" for o in labels))
        return labels

    def one(self, ins: list[str], filters: list[str], hint: str) -> str:
        return self.chain(ins, filters, hint)[0]

    def name(self, hint: str) -> str:
        """A filter instance name unique in this graph (and the same in every compile of it)."""
        self._n += 1
        return f"{hint}{self._n}"

    def source(self, src: str, hint: str) -> str:
        """A chain that generates its stream (``color``, ``anullsrc``): it has no input label."""
        self._n += 1
        label = f"{hint}{self._n}"
        self.chains.append(f"{src}[{label}]")
        self._produced.add(label)
        return label

    def has_input(self, key: str) -> bool:
        """Whether an input was added under ``key`` (`input`)."""
        return key in self._keys

    def finish(self, outputs: list[str]) -> str:
        dangling = self._produced - self._consumed - set(outputs)
        if dangling:
            raise InvalidTimeline(f"internal graph error: unused streams {sorted(dangling)}")
        return ";\n".join(self.chains) + "\n"


@dataclass
class Ctx:
    """One compile: the timeline, its graph, the output frame and the frames it renders."""

    tl: Timeline
    g: Graph
    width: int
    height: int
    fps: int
    total_frames: int
    # the output frames [lo, hi) of the timeline this graph renders (a chunk); whole by default
    window: tuple[int, int] | None = None
    # the largest oversampled picture each moving still may have, by segment id (`stills.oversample_caps`)
    oversample_px: dict[str, int] = field(default_factory=dict)

    def cap_of(self, seg_id: str) -> int:
        return self.oversample_px.get(seg_id, motion.MAX_PIXELS)

    @property
    def lo(self) -> int:
        return self.window[0] if self.window else 0

    @property
    def hi(self) -> int:
        return self.window[1] if self.window else self.total_frames

    def clip(self, first: int, end: int) -> tuple[int, int] | None:
        """Timeline frames [first, end) cut to the window, or None when outside it."""
        a, b = max(first, self.lo), min(end, self.hi)
        return (a, b) if b > a else None

    def cut(self, label: str, first: int, end: int, hint: str = "win") -> str:
        """A stream of timeline frames [first, end) cut down to the window (a no-op inside it)."""
        a, b = self.clip(first, end) or (first, first)
        if (a, b) == (first, end):
            return label
        return self.g.one([label], [f"trim=start_frame={a - first}:end_frame={b - first}",
                                    "setpts=PTS-STARTPTS"], hint)

    def frame(self, ms: int) -> int:
        """The frame at ``ms`` (rounded to nearest), so segment edges never drift."""
        return (ms * self.fps + 500) // 1000

    def frames(self, seg: VideoSegment | TextSegment, what: str = "segment") -> tuple[int, int]:
        """(first, end) frames of ``seg``; `InvalidTimeline` when it covers no whole frame."""
        fs, fe = self.frame(seg.start), self.frame(seg.end)
        if fe - fs <= 0:
            raise InvalidTimeline(f"{what} {seg.id} is shorter than one frame at {self.fps} fps")
        return fs, fe

    def bg(self) -> str:
        return ff_color(self.tl.background)


def clip_input(c: Ctx, seg: VideoSegment) -> int:
    """A clip's file from its in-point, as much of it as the segment plays: one input that the
    clip's picture and its own sound (`audio_graph.audio_mix`) share."""
    asset = c.tl.asset(seg.src)
    span = seg.duration * seg.speed
    return c.g.input(f"clip:{seg.id}", ["-ss", secs(seg.in_ms), "-t", secs(span)], asset.path)
