"""The sound in the filter graph (pure): the programme mix and its loudness.

Every audio segment is trimmed, gained, faded and delayed to its start (a looped one repeats
its file or the part of it between its loop points: `_audio_source`), and a clip's own sound is
retimed with the clip; ducked music goes through ``sidechaincompress`` keyed by the (padded,
split) voice and clip sound; everything is mixed with ``amix=normalize=0`` and padded/trimmed to
the exact duration (`audio_mix`), then brought to the target loudness (`finish_audio`): with
the measure pass's `LoudnessMeasure` (see `compile.compile_loudness_probe`), a plain gain and a
true-peak limiter (`gain_chain`); without one, a single-pass ``loudnorm``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from reelforge.render.graph import Ctx, clip_input, num, secs
from reelforge.timeline.model import AssetKind, AudioSegment, Role, VideoSegment, loop_position

SAMPLE_RATE = 48000
TRUE_PEAK = -1.0  # dBTP ceiling after loudness gain
LIMIT_OVERSAMPLE = 4  # the true-peak limiter's oversampling (ITU-R BS.1770's true peak is 4x)


@dataclass(frozen=True)
class LoudnessMeasure:
    """Integrated loudness (LUFS) and true peak (dBTP) of the mixed audio (the measure pass)."""

    input_i: float
    input_tp: float
    makeup_db: float = 0.0  # what the true-peak limiter takes off the loudness, measured after it
    # the limiter's ceiling (dBTP of the mix): half a dB under TRUE_PEAK for the AAC encode's own
    # overshoot, lowered further when the encoded file still came out over it (`chunked.render_audio`)
    ceiling_db: float = TRUE_PEAK - 0.5

    @classmethod
    def from_metadata(cls, text: str) -> LoudnessMeasure:
        """Read the file ``ebur128=metadata=1`` + ``ametadata=mode=print`` writes.

        It holds ``key=value`` lines per audio frame; the last ``lavfi.r128.I`` is the
        integrated loudness of the whole programme, the last ``lavfi.r128.true_peak`` its
        (linear) true peak so far, i.e. overall.
        """
        values: dict[str, str] = {}
        for line in text.splitlines():
            key, sep, value = line.strip().partition("=")
            if sep and key in ("lavfi.r128.I", "lavfi.r128.true_peak"):
                values[key] = value
        if "lavfi.r128.I" not in values:
            raise ValueError("no integrated loudness in the measurement")
        peak = float(values.get("lavfi.r128.true_peak", "1"))
        tp = 20 * math.log10(peak) if peak > 0 else float("-inf")
        return cls(input_i=float(values["lavfi.r128.I"]), input_tp=tp)

    def gain_db(self, target: float) -> float:
        if not math.isfinite(self.input_i) or self.input_i < -70:
            return 0.0  # silence: nothing to normalise
        return max(-30.0, min(30.0, target - self.input_i + self.makeup_db))


LOOP_EDGE_FADE_MS = 8  # a looped bed fades out and in over this where it comes round (its ends do not meet)
_AFMT = f"aformat=sample_fmts=fltp:sample_rates={SAMPLE_RATE}:channel_layouts=stereo"


def _afades(fade_in_ms: int, fade_out_ms: int, dur_ms: int) -> list[str]:
    out = []
    if fade_in_ms:
        out.append(f"afade=t=in:st=0:d={secs(min(fade_in_ms, dur_ms))}")
    if fade_out_ms:
        fo = min(fade_out_ms, dur_ms)
        out.append(f"afade=t=out:st={secs(dur_ms - fo)}:d={secs(fo)}")
    return out


def _audio_source(c: Ctx, seg: AudioSegment) -> tuple[str, list[str]]:
    """An audio segment's source from its in-point, at least ``seg.duration`` long (the caller
    trims it), and the filters that put it in the mix format. A loop of the whole file repeats with
    ``-stream_loop`` (which restarts at the file's start, whatever ``-ss`` says). A loop of part of
    the file (a music bed without its silent lead-in or tail: ``loop_start_ms``..``loop_end_ms``)
    plays from the in-point to the loop end, then repeats that part, held in memory by ``aloop``
    (~23 MB a minute of it)."""
    asset = c.tl.asset(seg.src)
    source_ms = asset.duration_ms
    if not seg.loop or not source_ms:
        args = ["-stream_loop", "-1"] if seg.loop else []
        args += ["-ss", secs(seg.in_ms)] if seg.in_ms else []
        args += [] if seg.loop else ["-t", secs(seg.duration)]
        return f"{c.g.input(f'audio:{seg.id}', args, asset.path)}:a", [_AFMT]
    end = min(seg.loop_end_ms, source_ms) if seg.loop_end_ms is not None else source_ms
    in_ms = loop_position(seg.in_ms, seg.loop_start_ms, end, source_ms)
    if end - in_ms >= seg.duration:  # it never comes round
        args = [*(["-ss", secs(in_ms)] if in_ms else []), "-t", secs(seg.duration)]
        return f"{c.g.input(f'audio:{seg.id}', args, asset.path)}:a", [_AFMT]
    if seg.loop_start_ms == 0 and end == source_ms:
        args = ["-stream_loop", "-1", *(["-ss", secs(in_ms)] if in_ms else [])]
        return f"{c.g.input(f'audio:{seg.id}', args, asset.path)}:a", [_AFMT]
    body_ms = end - seg.loop_start_ms
    body = c.g.input(f"audio:{seg.id}:loop", [*(["-ss", secs(seg.loop_start_ms)] if seg.loop_start_ms else []),
                                               "-t", secs(body_ms)], asset.path)
    samples = (body_ms * SAMPLE_RATE + 999) // 1000
    # the wrap joins the loop's end to its start: a few ms of fade on each side, not a click
    edge = min(LOOP_EDGE_FADE_MS, body_ms // 4)
    looped = c.g.one([f"{body}:a"], [_AFMT, f"atrim=end_sample={samples}", "asetpts=PTS-STARTPTS",
                                     f"afade=t=in:d={secs(edge)}", f"afade=t=out:st={secs(body_ms - edge)}:d={secs(edge)}",
                                     f"aloop=loop=-1:size={samples}"], "aloop")
    if in_ms == seg.loop_start_ms:
        return looped, []
    head = c.g.input(f"audio:{seg.id}", [*(["-ss", secs(in_ms)] if in_ms else []), "-t", secs(end - in_ms)], asset.path)
    first = c.g.one([f"{head}:a"], [_AFMT, "asetpts=PTS-STARTPTS"], "ahead")
    return c.g.one([first, looped], ["concat=n=2:v=0:a=1"], "asrc"), []


def _atempo(speed: float) -> list[str]:
    out = []
    while speed > 2.0:
        out.append("atempo=2")
        speed /= 2
    while speed < 0.5:
        out.append("atempo=0.5")
        speed /= 0.5
    if abs(speed - 1) > 1e-6:
        out.append(f"atempo={num(speed)}")
    return out


HOLD_MS = 400  # how long ducked music stays down after the voice stops (then the compressor's release)
CUT_FADE_MS = 250  # a sound cut before its source ends fades out over this (a voiceover stopped mid-word at full level)
CLIP_FADE_MS = 120  # a clip's own sound fades in and out over this where the shot cuts into it (it jumped)


def _cut_short(c: Ctx, seg: AudioSegment | VideoSegment, played_ms: int) -> bool:
    """Whether the source goes on after the ``played_ms`` the segment plays of it from its in-point."""
    if isinstance(seg, AudioSegment) and seg.loop:
        return False
    length = c.tl.asset(seg.src).duration_ms
    return bool(length) and length - seg.in_ms > played_ms + 50


def _edge_fades(c: Ctx, seg: AudioSegment | VideoSegment) -> tuple[int, int]:
    """(fade in, fade out) ms: the segment's own, and short ones where it cuts into its source."""
    if isinstance(seg, AudioSegment):
        out = seg.fade_out_ms or (min(CUT_FADE_MS, seg.duration // 4) if _cut_short(c, seg, seg.duration) else 0)
        return seg.fade_in_ms, out
    played = round(seg.duration * seg.speed)
    edge = min(CLIP_FADE_MS, seg.duration // 4)
    return (edge if seg.in_ms > 0 else 0), (edge if _cut_short(c, seg, played) else 0)


def _mix(c: Ctx, labels: list[str], hint: str) -> str | None:
    if not labels:
        return None
    if len(labels) == 1:
        return labels[0]
    return c.g.one(labels, [f"amix=inputs={len(labels)}:normalize=0:duration=longest:dropout_transition=0",
                            _AFMT], hint)


def audio_mix(c: Ctx) -> str | None:
    """The mixed programme audio (padded/trimmed to the exact duration), or None if silent."""
    voice: list[str] = []
    ducked: list[str] = []
    depth = 1.0  # how far the ducked music steps back (the deepest of its pieces)
    clips: list[str] = []  # the clips' own sound (ducked music steps back under it too)
    plain: list[str] = []
    for track in c.tl.tracks:
        for seg in track.segments:
            if isinstance(seg, AudioSegment):
                src, fmt = _audio_source(c, seg)
                label = c.g.one([src], [
                    *fmt, f"atrim=duration={secs(seg.duration)}", "asetpts=PTS-STARTPTS",
                    f"volume={num(seg.volume)}", *_afades(*_edge_fades(c, seg), seg.duration),
                    f"adelay=delays={seg.start}:all=1" if seg.start else "",
                ], "aud")
                if track.role is Role.VOICE:
                    voice.append(label)
                elif track.role is Role.MUSIC and seg.duck:
                    ducked.append(label)
                    depth = max(depth, seg.duck_depth)
                else:
                    plain.append(label)
            elif (isinstance(seg, VideoSegment) and not seg.mute and seg.volume > 0
                  and c.tl.asset(seg.src).kind is AssetKind.VIDEO and c.tl.asset(seg.src).has_audio):
                idx = clip_input(c, seg)
                label = c.g.one([f"{idx}:a"], [
                    _AFMT, "asetpts=PTS-STARTPTS", *_atempo(seg.speed),
                    f"atrim=duration={secs(seg.duration)}", f"volume={num(seg.volume)}",
                    *_afades(*_edge_fades(c, seg), seg.duration),
                    f"adelay=delays={seg.start}:all=1" if seg.start else "",
                ], "cla")
                clips.append(label)
    vmix = _mix(c, voice, "avo")
    cmix = _mix(c, clips, "acl")
    music = _mix(c, ducked, "amu")
    streams: list[str] = []
    if music and (vmix or cmix):
        # ducked music steps back under the voice and under the clips' own sound;
        # sidechaincompress stops with its shorter input: pad the key forever
        keys = []
        if vmix:
            vmix, key = c.g.chain([vmix], ["asplit=2"], "avs", outs=2)
            keys.append(key)
        if cmix:
            cmix, key = c.g.chain([cmix], ["asplit=2"], "acs", outs=2)
            keys.append(key)
        # the key held over the pauses between a voice's sentences (itself and two copies 200 and
        # 400 ms late): with the compressor's release alone the music swelled ~9 dB in each
        # half-second pause of an espeak voiceover and pumped; now it stays down through them (-17
        # dB, -19 under the words) and comes back in a pause of a second or more and after the last
        # word. The threshold is 1.5x what it was with one copy: as deep under the words as before
        now, late, later = c.g.chain([_mix(c, keys, "akm")], ["asplit=3"], "aks", outs=3)
        held = [now, *(c.g.one([k], [f"adelay=delays={ms}:all=1"], "akd") for k, ms in ((late, HOLD_MS // 2),
                                                                                        (later, HOLD_MS)))]
        key = c.g.one(held, ["amix=inputs=3:normalize=0:duration=longest", "apad"], "akey")
        music = c.g.one([music, key], [
            f"sidechaincompress=threshold={num(0.03 / depth ** 2)}:ratio=8:attack=20:release={num(500 / depth)}:knee=4:makeup=1"],
            "duck")
    streams += [s for s in (vmix, music, cmix) if s]
    streams += plain
    if not streams:
        return None
    total = secs(c.tl.duration)
    mixed = _mix(c, streams, "amix") if len(streams) > 1 else streams[0]
    return c.g.one([mixed], [_AFMT, "asetpts=N/SR/TB", f"apad=whole_dur={total}", f"atrim=duration={total}",
                             "asetpts=PTS-STARTPTS"], "aprog")


def programme_mix(c: Ctx, mixed: str | Path | None) -> str | None:
    """The programme mix: built from the timeline, or read back from ``mixed`` (`compile.compile_mix`)."""
    if mixed is None:
        return audio_mix(c)
    idx = c.g.input("audio:mix", [], mixed, media=False)
    return c.g.one([f"{idx}:a"], [_AFMT], "amixed")


def finish_audio(c: Ctx, mixed: str | None, loudness: LoudnessMeasure | None) -> str:
    total = secs(c.tl.duration)
    if mixed is None:
        label = c.g.source(f"anullsrc=r={SAMPLE_RATE}:cl=stereo,atrim=duration={total}", "asil")
        return c.g.one([label], [_AFMT], "aout")
    if loudness is None:
        # no measurement (e.g. a dry compile): single-pass loudnorm, roughly on target
        norm = [f"loudnorm=I={num(c.tl.loudness)}:TP={num(TRUE_PEAK)}:LRA=11",
                f"aresample={SAMPLE_RATE}"]
    else:
        norm = gain_chain(loudness, c.tl.loudness)
    return c.g.one([mixed], [*norm, _AFMT], "aout")


def gain_chain(loudness: LoudnessMeasure, target: float) -> list[str]:
    """A plain gain to the target plus a true-peak-safe limiter. loudnorm's linear mode would
    silently fall back to dynamic mode whenever the gain pushes the true peak over the ceiling
    (typical for speech at -14 LUFS) and then misses by ~1.5 LU. The limiter takes loudness off
    too (-1.7 LU on a Piper voiceover): `LoudnessMeasure.makeup_db`, measured after it, puts it back.
    The limiter runs 4x oversampled (`LIMIT_OVERSAMPLE`): at the programme's rate it holds the
    samples under its ceiling but not the peaks between them, and a drum loop's kicks and hats
    then came out at +0.04 dBTP from a -1.5 dBFS ceiling (-0.55 dBTP after the AAC encode);
    oversampled, -1.46 dBTP and -1.16 dBTP (~0.2 s more a 20 s mix)."""
    gain = loudness.gain_db(target)
    limit = 10 ** (loudness.ceiling_db / 20)
    norm = [f"volume={gain:.2f}dB"]
    if limits(loudness, target):
        norm += [f"aresample={SAMPLE_RATE * LIMIT_OVERSAMPLE}",
                 f"alimiter=limit={limit:.4f}:attack=2:release=80:level=0:latency=1",
                 f"aresample={SAMPLE_RATE}"]
    return norm


def limits(loudness: LoudnessMeasure, target: float) -> bool:
    """Whether the gain to ``target`` needs the true-peak limiter."""
    return loudness.input_tp + loudness.gain_db(target) > loudness.ceiling_db
