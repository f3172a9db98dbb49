"""The AI stage of a session: the model runs (speech recognition, speech synthesis, beat
detection, subject detection, highlights, silence, brand kits) that turn request ops into data
ops.

`Session` keeps the library, the timeline and the history; when a plan holds request ops
(``AutoCaptions``, ``Voiceover``, ``CutToBeat``, ``SmartReframe``, ``UseHighlight``,
``TrimSilence``, ``UseBrand``) or changes the frame or the clips, it hands them to
``session.stage`` (an `AIStage`), which runs the models at this edge and answers with plain data
ops (``SetCaptions``, ``AddVoiceover``, ``BeatSync``, ``SetFocus``, ``SetInPoint``,
``ApplyBrand``...). `planner.apply` stays pure and undo never re-runs a model. Model results are
cached per stage (one session load), keyed by asset id.

Files named in an instruction (a script, a brand kit) are read only when the session's caller is
the local user (``Session.local_files``): on remote surfaces they are refused before the file
system is touched.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reelforge.errors import ReelforgeError
from reelforge.planner import op_words as W
from reelforge.planner import ops as O
from reelforge.planner.apply import ApplyError, apply
from reelforge.planner.apply_text import CUE_ID, GIVEN_ID
from reelforge.planner.bed import (
    MAX_ALIGNED_LOOP_MS,
    loop_end_on_the_beat,
    looped_beats,
    voice_end_in_pause,
)
from reelforge.timeline.model import Asset, AssetKind, Fit, Motion, Role, Timeline, TrackKind

if TYPE_CHECKING:
    from reelforge.session import Session

log = logging.getLogger("reelforge.ai")

# Whisper's language detection on clear speech is above 0.9; below this the instruction's language
# is the better guess. Captions whose words average under the confidence below are not made.
LANGUAGE_SURE = 0.8
CAPTION_MIN_CONFIDENCE = 0.5


def short_cue_chars(width: int, height: int) -> int:
    """The columns of a caption line the frame's text column holds at the captions' size: 32 on
    16:9, 24 on a square, 18 on 9:16 (a 30-column "one-line" cue wrapped to two lines there, and
    18-column ones lasted half a second: 9:16 short cues are two lines of 18)."""
    return 32 if width >= 1.3 * height else 24 if width >= 0.9 * height else 18


class AIStage:
    """The model runs of one `Session` (``session.stage``)."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.cache: dict[Any, Any] = {}
        self.names: tuple[str, ...] | None = None  # spelled as on screen (`spell_as`)
        self.order_asked = False  # the first instruction placed pictures ("start with the cat photo")
        self.held: dict[str, Motion] = {}  # shot id -> the move it was given, held still for want of room

    def resolve(self, tl: Timeline, ops: Sequence[O.Op]) -> list[O.Op]:
        """Turn request ops into data ops by running the models, in order, against the timeline
        as the earlier ops leave it; add smart-crop focus points after a frame change."""
        out: list[O.Op] = []
        cur = tl
        for i, op in enumerate(ops):
            if isinstance(op, O.AutoCaptions) and any(isinstance(o, O.SetCaptions) and o.source == "script" for o in out):
                continue  # the voiceover just made captions from its own script
            if isinstance(op, O.REQUEST_TYPES):
                done = self.run_request(op, cur, ops[i + 1:], out)
            elif isinstance(op, O.ReplaceMusic) and op.sound is None:
                done = [self.measured_music(op)]
            else:
                done = [op]
            prev = cur
            for o in done:
                cur = apply(cur, [o], library=self.s.library)
                out.append(o)
            if isinstance(op, (O.AddSegment, O.ReplaceSource)):
                for o in self.new_clip_highlights(prev, cur):
                    cur = apply(cur, [o], library=self.s.library)
                    out.append(o)
            if isinstance(op, (O.SetFrame, O.AddSegment, O.ReplaceSource)) and self.s.smart_crop:
                for o in self.focus_ops(cur):
                    cur = apply(cur, [o], library=self.s.library)
                    out.append(o)
        return out

    def run_request(self, op: O.Op, tl: Timeline, rest: Sequence[O.Op], done: Sequence[O.Op]) -> list[O.Op]:
        self.spell_as(tl)
        try:
            return self._run_request_unchecked(op, tl, rest, done)
        except (ApplyError, AIFailed):
            raise
        except ReelforgeError as exc:  # AIExtraMissing says what to install
            raise AIFailed(exc.message) from exc
        except Exception as exc:  # noqa: BLE001 - a model must never crash the conversation
            # the reply names the kind of failure, never its text: an OSError's names a file on the server
            log.warning("%s failed: %s", W.describe(op), exc)
            raise AIFailed(f"{W.describe(op)} did not work ({type(exc).__name__})") from exc

    def _run_request_unchecked(self, op: O.Op, tl: Timeline, rest: Sequence[O.Op],
                               done: Sequence[O.Op]) -> list[O.Op]:
        if isinstance(op, O.AutoCaptions):
            return [self._captions_op(tl, op.language, op.lines)]
        if isinstance(op, O.Voiceover):
            want_caps = op.captions or any(isinstance(o, O.AutoCaptions) for o in rest)
            return self._voiceover_ops(op, want_caps, done, tl)
        if isinstance(op, O.SmartReframe):
            self.s.smart_crop = op.on
            if not op.on:
                main = tl.track(Role.MAIN)
                segs = main.segments if main is not None else ()
                has = any(getattr(s, "focus", None) or getattr(s, "subject", None) for s in segs)
                # the blurred fills this planner chose go back to a (centre) crop with it
                ours = [O.SetFocus(target=O.Target(id=s.id), fit=Fit.COVER) for s in segs
                        if _framing_blur(s)]
                return [*ours, O.SetFocus()] if has else []
            return self.focus_ops(tl, force=True)
        if isinstance(op, O.CutToBeat):
            return [self._beat_op(tl)]
        if isinstance(op, O.UseHighlight):
            return self._highlight_ops(tl, op)
        if isinstance(op, O.TrimSilence):
            return self._silence_ops(tl, op, done)
        if isinstance(op, O.PlaceAtWords):
            return self._place_at_words_ops(tl, op)
        if isinstance(op, O.UseBrand):
            return [self._brand_op(tl, op.path)]
        raise AIFailed(f"{op.op} is not something this session can do")

    # captions ------------------------------------------------------------------------------
    def _memo(self, key: Any, compute: Any) -> Any:
        """``self.cache[key]``, computed by ``compute()`` when missing; a value still being made in
        the background (`prefetch_speech`) is waited for. Nothing is cached when it fails."""
        held = self.cache.get(key)
        if isinstance(held, Future):
            try:
                self.cache[key] = held.result()
            except Exception:  # noqa: BLE001 - made again here, raising as it would have
                self.cache.pop(key, None)
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def _transcript(self, asset: Asset, language: str | None):
        from reelforge import ai

        names = self.names or ()
        return self._memo(("tr", asset.id, language, names), lambda: ai.transcribe(asset.path, language, names=names))

    def spell_as(self, tl: Timeline) -> None:
        """Take the names a voiceover may say from ``tl``'s title and call to action (as spelled on
        screen, `reelforge.ai.spelling.names_in`), once a stage: the first cut's words, before any
        text comes from the speech (a title heard as "One -deleased tours" would spell it so)."""
        if self.names is None:
            from reelforge.ai.spelling import addresses_in, names_in

            title = next((s.text for t in tl.tracks_by_role(Role.TITLE) for s in t.segments), None)
            shown = [s for r in (Role.TITLE, Role.CTA) for t in tl.tracks_by_role(r) for s in t.segments]
            spans = {(s.start, s.end) for s in shown}  # the addresses of their rows too ("Order at bloomandco.com"
            # under the offer; not their capitals: "Until May 12" names nothing)
            rows = [a for t in tl.tracks_by_role(Role.CAPTION) for s in t.segments if (s.start, s.end) in spans
                    for a in addresses_in(s.text)]
            self.names = names_in(title, [*(s.text for s in shown), *rows])

    def _look(self, asset: Asset) -> tuple[str, float]:
        """Whisper's quick look at the speech in ``asset`` (`detect_language`: about a tenth of a
        transcription): its language and how sure it is (music and mumbling are under 0.5)."""
        from reelforge.ai.captions import detect_language

        return self._memo(("lang", asset.id), lambda: detect_language(asset.path))

    def prefetch_speech(self, asset: Asset) -> None:
        """Look at and transcribe ``asset`` in a background thread, as `_look` and `_transcript` would
        (the same cache keys, waited for there): the first cut finds its pictures' subjects
        meanwhile. Whisper runs on one thread here (`whisper_threads`) and OpenCV releases the GIL,
        so the two share the reference job's two cores: its plan stage ~0.25 s shorter (measured,
        alternating runs; Whisper's ~4 s stays the longest part)."""
        look_key = ("lang", asset.id)
        if look_key in self.cache:
            return
        look: Future = Future()
        self.cache[look_key] = look

        def run() -> None:
            from reelforge import ai
            from reelforge.ai.captions import detect_language

            try:
                found = detect_language(asset.path)
            except BaseException as exc:  # noqa: BLE001 - raised again where it is waited for
                look.set_exception(exc)
                return
            if found[1] < 0.5:  # music or mumbling: not transcribed (`spoken_copy`)
                look.set_result(found)
                return
            language = self._language_from(found)
            heard: Future = Future()
            names = self.names or ()
            self.cache.setdefault(("tr", asset.id, language, names), heard)  # before the look is seen
            look.set_result(found)
            try:
                heard.set_result(ai.transcribe(asset.path, language, names=names))
            except BaseException as exc:  # noqa: BLE001 - raised again where it is waited for
                heard.set_exception(exc)

        threading.Thread(target=run, name="reelforge-speech", daemon=True).start()

    def heard(self, path: str):
        """What this session's speech model already heard in the file at ``path`` (a transcript
        made for the first cut's copy or captions), else None: a transcript written beside the
        export reads it instead of running the model again (the first export ran it twice)."""
        ids = {a.id for a in self.s.library if str(a.path) == str(path)}
        key = next((key for key in list(self.cache) if isinstance(key, tuple) and key[:1] == ("tr",)
                    and key[1] in ids), None)
        held = None if key is None else self.cache.get(key)
        if isinstance(held, Future):
            held = None if held.exception() else held.result()
        return held

    def _language_from(self, look: tuple[str, float]) -> str:
        """What Whisper's look heard, or the instruction's language where the look is unsure and
        heard another."""
        hint = "zh" if getattr(self.s, "_zh", False) else "en"
        lang, prob = look
        return hint if lang != hint and prob < LANGUAGE_SURE else lang

    def _language_for(self, asset: Asset) -> str | None:
        """The language to transcribe ``asset`` in: what Whisper's look heard, or the instruction's
        language where the look is unsure and heard another (espeak-ng Mandarin was 'en' at 56 % and
        came out as "Q and 5 in 2, A2, A4"). Given to Whisper, it does not look again (~0.4 s of a
        30 s voiceover). None when the file cannot be looked at: `transcribe` says why."""
        try:
            return self._language_from(self._look(asset))
        except Exception:  # noqa: BLE001 - transcribe says what is wrong with the file
            return None

    def _captions_op(self, tl: Timeline, language: str | None, lines_per_cue: int = 2) -> O.SetCaptions:
        from reelforge import ai

        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        cues: list[O.Cue] = []
        source = "voice"
        voice = [s for t in tl.tracks_by_role(Role.VOICE) for s in t.segments]
        spans: list[tuple[Any, float]] = [(s, 1.0) for s in voice if s.src in by_id]
        main = tl.track(Role.MAIN)
        sounding = [(s, s.speed) for s in (main.segments if main else ())
                    if s.src in by_id and by_id[s.src].has_audio and by_id[s.src].kind.value == "video" and not s.mute]
        if not spans:
            source, spans = "clip", sounding
        else:  # a clip kept with its own sound beside the voiceover ("keep the traveller's voice"): it is heard too
            spans += [(s, speed) for s, speed in sounding if not _under_voice(s, voice)]
        if not spans:  # a spoken track that was taken for music
            spans = [(s, 1.0) for t in tl.tracks_by_role(Role.MUSIC) for s in t.segments if s.src in by_id]
            source = "music" if spans else source
        if not spans:
            raise AIFailed("there is no speech to caption: add a voiceover (or say 'add a voiceover saying "
                            "\"…\"') or a clip with sound")
        what = {"voice": "voiceover", "music": "music"}.get(source, "clips' sound")
        unsure: list[float] = []
        for seg, speed in spans:
            asset = by_id[seg.src]
            if source == "voice" and seg not in voice:  # a clip beside the voiceover: only if it speaks
                try:
                    if self._look(asset)[1] < 0.5:
                        continue
                    tr = self._transcript(asset, self._language_for(asset))
                except Exception:  # noqa: BLE001 - the voiceover's captions do not depend on it
                    continue
            else:
                tr = self._transcript(asset, language or self._language_for(asset))
            if tr.words:
                sure = sum(w.probability for w in tr.words) / len(tr.words)
                if sure < CAPTION_MIN_CONFIDENCE:  # letters and digits read into a voice it cannot make out
                    unsure.append(sure)
                    continue
            # where the voiceover pauses for a clip (`O.PlaceInVoice`), in the file's time: no cue across it
            pieces = sorted(s.in_ms + s.duration for s, _ in spans if s.src == seg.src)[:-1]
            # one line: short cues of a few words ("the captions are too long")
            if lines_per_cue == 2:
                lines = ai.caption_lines(tr, max_chars=32, max_lines=2, breaks=pieces)
            else:  # short cues: one line (on 9:16 two short ones: the words of one line of 16:9)
                tall = tl.height > 1.3 * tl.width
                lines = ai.caption_lines(tr, max_chars=short_cue_chars(tl.width, tl.height), max_lines=2 if tall else 1,
                                         min_cue_ms=1000, breaks=pieces)
            cues += _shift_cues(lines, seg, speed, clip=any(seg is s for s, _ in sounding))
        if not cues and unsure:
            raise AIFailed(f"the {what}'s words could not be made out (confidence {max(unsure):.0%}), so no "
                           "captions were made: type them, e.g. add a caption \"…\" from 0:02 to 0:05")
        if not cues:
            raise AIFailed(f"no speech could be made out in the {what}")
        cues.sort(key=lambda c: c.start_ms)
        titles = [t for tr in tl.tracks_by_role(Role.TITLE) for t in tr.segments]
        shown = [t for r in (Role.TITLE, Role.CTA, Role.CAPTION) for tr in tl.tracks_by_role(r) for t in tr.segments
                 if not t.id.startswith(CUE_ID)]
        cues = [c for c in cues if not any(_says_title(c, t) for t in titles) and not _said_on_screen(c, shown)] or cues
        return O.SetCaptions(cues=cues, source="clip" if source == "music" else source)  # type: ignore[arg-type]

    # voiceover -----------------------------------------------------------------------------
    def _media_dir(self) -> Path:
        if not self.s.media_dir:
            from reelforge.session import media_cache

            return media_cache()
        p = Path(self.s.media_dir)
        p.mkdir(parents=True, exist_ok=True)
        return p

    def _local_path(self, name: str, what: str) -> Path:
        """A file the local user named in an instruction. Refused, without touching the file
        system, when the caller is remote: the reply must not tell an existing path from a
        missing one."""
        if not self.s.local_files:
            raise AIFailed(_REMOTE_FILE_REFUSALS[what])
        p = Path(name).expanduser()
        if p.is_absolute():
            return p
        for base in (self.s.base_dir, os.getcwd()):
            if base and (Path(base) / p).exists():
                return Path(base) / p
        return Path(self.s.base_dir or os.getcwd()) / p

    def _voiceover_ops(self, op: O.Voiceover, captions: bool, done: Sequence[O.Op],
                       tl: Timeline | None = None) -> list[O.Op]:
        import hashlib

        from reelforge import ai
        from reelforge.media import ingest

        text = op.text
        if text is None:
            path = self._local_path(op.script_file or "", "script")
            try:
                text = path.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise AIFailed(f"cannot read the script {op.script_file}: {exc.strerror or exc}") from exc
            if not text:
                raise AIFailed(f"the script {op.script_file} is empty")
        from reelforge.ai.tts import guess_language, normalize_language

        lang = normalize_language(op.language) if op.language else guess_language(text)
        key = hashlib.sha1(f"{lang}|{text}".encode()).hexdigest()[:12]
        out = self._media_dir() / f"tts-{key}.wav"
        if not out.exists():
            ai.synthesize(text, out, language=lang)
        asset = ingest(out, name="tts.wav", workdir=self._media_dir())
        self.s.add_ingested([asset])
        ops: list[O.Op] = [O.AddVoiceover(asset_id=asset.id)]
        # a first cut is paced to its voice; a cut the user has been shaping only grows to fit a
        # longer voice (a 2.7 s line cut a 7 s video with its title, captions and call to action
        # down to 3.2 s); "fit it to the voiceover" still does that when asked
        edited = tl is not None and self.s.timeline is not None
        if not self._duration_fixed(done) and (not edited or asset.duration_ms > tl.duration):
            ops.append(O.FitToVoice())
        if captions:
            ops.append(self._script_captions(asset, text, lang))
        return ops

    def _script_captions(self, asset: Asset, script: str, language: str | None) -> O.SetCaptions:
        """Captions of a TTS voiceover: the script's words with the heard timings (proportional
        timing when speech recognition is not installed)."""
        from reelforge import ai
        from reelforge.ai.captions import Transcript, Word

        try:
            heard = self._transcript(asset, language)
            tr = ai.align_script(script, heard)
            if ai.word_error_rate(script, heard.text) > 0.5:  # the recognizer barely heard it: timings are guesses
                raise ai.AIExtraMissing("script timing", "a reliable transcript")
        except ReelforgeError as exc:
            if not isinstance(exc, ai.AIExtraMissing):
                raise
            units = script.split() if " " in script.strip() else list(script.replace(" ", ""))
            total = max(1, sum(len(u) + 1 for u in units))
            t, words = 0.0, []
            for u in units:
                d = asset.duration_ms * (len(u) + 1) / total
                words.append(Word(int(t), int(t + d), u, 1.0))
                t += d
            tr = Transcript(words=tuple(words), language=language or "")
        lines = ai.caption_lines(tr, max_chars=32, max_lines=2)
        cues = [O.Cue(start_ms=c.start_ms, end_ms=max(c.end_ms, c.start_ms + 1), text=c.text) for c in lines]
        if not cues:
            raise AIFailed("no captions could be made from the script")
        return O.SetCaptions(cues=cues, source="script")

    def _duration_fixed(self, done: Sequence[O.Op] = ()) -> bool:
        """Was a total length asked for (first cut or an edit)? Then a new voice does not refit."""
        from reelforge.planner.time_words import parse_duration_ms

        if any(isinstance(o, O.SetTotalDuration) for o in done):
            return True
        for h in self.s.history:
            if any(o.get("op") == "set_total_duration" for o in h.ops):
                return True
        first = next((h for h in self.s.history if h.intent == "edit" and h.changed), None)
        return first is not None and parse_duration_ms(first.text) is not None

    # framing ----------------------------------------------------------------------------------
    def subject_of(self, asset: Asset):
        """The subject of a picture or clip (`reelforge.media.subject`), cached; None = centre."""
        key = ("subject", asset.id)
        if key not in self.cache:
            self.cache[key] = _find_subject(asset)
        return self.cache[key]

    def find_subjects(self, assets: list[Asset]) -> None:
        """Find the subjects of ``assets`` not yet cached, a few at once (OpenCV and Pillow
        release the GIL: on 2 cores the five photos of the reference job take half the time)."""
        todo = list({a.id: a for a in assets if ("subject", a.id) not in self.cache}.values())
        if len(todo) < 2:
            return
        from concurrent.futures import ThreadPoolExecutor

        from reelforge.media.subject import load_cv2

        load_cv2()
        with ThreadPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1)) as pool:
            for a, found in zip(todo, pool.map(_find_subject, todo), strict=True):
                self.cache[("subject", a.id)] = found

    def focus_ops(self, tl: Timeline, *, force: bool = False) -> list[O.Op]:
        """For every cover (or framing-chosen blur) shot on the main track: its subject box and
        focus, and cover when a crop of the frame's shape holds the subject (`framing.crop_holds`:
        a face whole; a salient region's core and most of its extent), else blur. A fit the user
        asked for stays (`VideoSegment.fit_locked`: a cover crop still follows the subject),
        unless ``force`` (the user asked for smart framing again)."""
        from reelforge.render import framing
        from reelforge.render.checks import crop_stretches

        main = tl.track(Role.MAIN)
        if main is None:
            return []
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        aspect = tl.width / tl.height
        ops: list[O.Op] = []
        self.find_subjects([by_id[s.src] for s in main.segments if s.src in by_id and by_id[s.src].width
                            and by_id[s.src].kind is not AssetKind.AUDIO
                            and (s.fit is Fit.COVER or _framing_blur(s) or (force and s.fit_locked))])
        for seg in main.segments:
            a = by_id.get(seg.src)
            if a is None or not a.width or not a.height or a.kind is AssetKind.AUDIO:
                continue
            ours = _framing_blur(seg) or (force and seg.fit_locked)  # a blur the framing may undo
            if seg.fit is not Fit.COVER and not ours:
                continue  # the user asked for the whole picture
            free = force or not seg.fit_locked  # the framing may choose the fit
            found = self.subject_of(a)
            stretched = free and crop_stretches(a.width, a.height, tl.width, tl.height)
            # whole: a cut-out on the plain background it was cut out for (a blurred copy of it
            # behind looked like a smeared second product; a logo's, like a stain), any other
            # picture over a blurred fill
            whole = Fit.CONTAIN if (found is not None and found.source == "cutout") or self.backdrop_of(a) else Fit.BLUR
            if found is None:
                if stretched and seg.fit is not whole:
                    ops.append(O.SetFocus(target=O.Target(id=seg.id), fit=whole))
                elif seg.subject is not None or seg.focus is not None:
                    ops.append(O.SetFocus(target=O.Target(id=seg.id), fit=Fit.COVER if ours else None))
                continue
            box = tuple(round(v, 4) for v in found.box)
            core = tuple(round(v, 4) for v in found.core) if found.core else None
            fx, fy = (round(v, 4) for v in found.centre)
            holds = framing.crop_holds(a.width, a.height, aspect, framing.subject_rect(a.width, a.height, box, margin=0),
                                       framing.subject_rect(a.width, a.height, found.core, margin=0),
                                       keep=0.0 if found.precise else framing.KEEP)
            fit = (Fit.COVER if holds and not stretched else whole) if free else seg.fit
            claim = force and seg.fit_locked  # the framing's fit from now on
            if seg.subject == box and seg.core == core and seg.focus == (fx, fy) and seg.fit is fit and not claim:
                continue
            ops.append(O.SetFocus(target=O.Target(id=seg.id), fx=fx, fy=fy, box=box, core=core,  # type: ignore[arg-type]
                                  fit=fit if fit is not seg.fit or claim else None))
        return ops + self._backdrop_ops(tl, by_id, ops)

    def backdrop_of(self, asset: Asset) -> str | None:
        """The plain colour a picture with transparency is shown on (`reelforge.media.shown.backdrop_for`),
        cached; None for a picture without (or a clip)."""
        key = ("backdrop", asset.id)
        if key not in self.cache:
            self.cache[key] = _backdrop(asset)
        return self.cache[key]

    def _backdrop_ops(self, tl: Timeline, by_id: dict[str, Asset], focus: Sequence[O.Op]) -> list[O.Op]:
        """Pictures with transparency (a logo end card, a product cut out) on a colour that
        contrasts with them instead of the video's black, and, shown whole, with room around
        them (`framing.card_room`). ``focus``: the framing's ops not yet applied (their fits)."""
        from reelforge.planner.file_names import is_logo_name
        from reelforge.render import framing

        fits = {o.target.id: o.fit for o in focus if isinstance(o, O.SetFocus) and o.target and o.fit}
        ops: list[O.Op] = []
        for seg in tl.track(Role.MAIN).segments:  # type: ignore[union-attr]
            a = by_id.get(seg.src)
            if a is None or a.kind is not AssetKind.IMAGE or not a.width or not a.height:
                continue
            chosen = seg.fit_locked and seg.backdrop is not None and seg.backdrop == tl.background.upper()
            color = seg.backdrop if chosen else self.backdrop_of(a)  # "white background": the user's
            room = 1.0
            if self.backdrop_of(a) is not None and fits.get(seg.id, seg.fit) is Fit.CONTAIN:
                found = self.subject_of(a)  # a cut-out's card shows its visible part (`stills.card_crop`)
                x0, y0, x1, y1 = found.box if found is not None and found.source == "cutout" else (0, 0, 1, 1)
                most = framing.CARD_LOGO if is_logo_name(a.name or "") else framing.CARD_OBJECT
                room = framing.card_room(a.width * (x1 - x0), a.height * (y1 - y0), (0, 0, 1, 1), tl.width, tl.height, most)
            if (color, room) != (seg.backdrop, seg.scale):
                ops.append(O.SetBackdrop(target=O.Target(id=seg.id), color=color, room=room))
        return ops

    def text_room_ops(self, tl: Timeline) -> list[O.Op]:
        """Pictures whose subject, cropped, would sit under the text on them (the layout found no
        place covering at most `MAX_SUBJECT_SHARE` of it: a flower filling a square frame under
        two-line captions) are shown whole over a blurred fill when that clears the subject;
        back to the crop once the text no longer needs the room. Only shots this planner frames
        (a subject with a focus point, a fit the user did not ask for) and whose subject a crop
        holds (the others are blurred fills already, or the user's own fit)."""
        from reelforge.render import framing
        from reelforge.render.checks import (
            crop_stretches,
            text_over_shot,
            text_over_subjects,
            text_sizes,
        )
        from reelforge.render.layout import MAX_SUBJECT_SHARE, PLAN_SUBJECT_SHARE
        from reelforge.timeline.model import VideoSegment

        main = tl.track(Role.MAIN)
        if main is None or not any(s.subject is not None for s in main.segments if isinstance(s, VideoSegment)):
            return []
        aspect = tl.width / tl.height
        ops: list[O.Op] = []
        covered = text_over_subjects(tl)  # the layout the warnings read too (cached per timeline)
        sizes = text_sizes(tl)  # the framing moves no text's size: drawn once, each trial lays out only
        fits: dict[str, Fit] = {}  # the changes made so far (a trial sees its neighbours' new fits)
        for seg in main.segments:
            if (not isinstance(seg, VideoSegment) or seg.id not in covered or seg.focus is None
                    or seg.subject is None or seg.fit_locked):
                continue
            a = tl.asset(seg.src)
            if not framing.holds(a.width, a.height, aspect, framing.subject_rect(a.width, a.height, seg.subject)):
                continue  # no crop holds it: a blurred fill either way
            if seg.fit is Fit.COVER and covered[seg.id] > MAX_SUBJECT_SHARE:
                to, limit = Fit.BLUR, MAX_SUBJECT_SHARE  # room, if the whole picture gives it
            elif seg.fit is Fit.BLUR and not crop_stretches(a.width, a.height, tl.width, tl.height):
                to, limit = Fit.COVER, PLAN_SUBJECT_SHARE  # the crop again, if the text leaves room
            else:
                continue
            if text_over_shot(tl, sizes, seg.id, {**fits, seg.id: to}) <= limit:
                fits[seg.id] = to
                ops.append(O.SetFocus(target=O.Target(id=seg.id), fx=seg.focus[0], fy=seg.focus[1],
                                      box=seg.subject, core=seg.core, fit=to))
        return ops

    def motion_room_ops(self, tl: Timeline, *, forget: bool = False) -> tuple[list[O.Op], list[str]]:
        """Cropped stills whose move has no room in the frame (`framing.moving_motion`: a pan across
        a portrait picture that a landscape crop already fills, a subject as large as the crop) get a
        move that has, or are held still, and the notes say so: the plan and the draft never claim a
        move the render does not make (user test r9: Grace Hopper's 512x600 photo in 16:9 was
        "pan-right" and its frames 2.8 s apart differed by 0.007 grey levels). A shot held still
        gets its move back once the frame leaves it room ("make it vertical"), unless ``forget``
        (a first cut, or an edit that set a motion: the user's from then on)."""
        from reelforge.render import framing
        from reelforge.timeline.model import VideoSegment

        main = tl.track(Role.MAIN)
        if main is None:
            return [], []
        if forget:
            self.held.clear()
        ops: list[O.Op] = []
        notes: list[str] = []
        for seg in main.segments:
            if not isinstance(seg, VideoSegment):
                continue
            was = self.held.get(seg.id) if seg.motion is Motion.NONE else None
            if seg.motion is not Motion.NONE:
                self.held.pop(seg.id, None)
            a = next((x for x in tl.assets if x.id == seg.src), None)
            if a is None or a.kind is not AssetKind.IMAGE or not a.width or not a.height:
                continue
            name, frame = seg.name or a.name, f"{tl.width}x{tl.height}"
            if was is not None:  # held still for want of room: its move again when the frame has room
                back = was if seg.fit is not Fit.COVER else framing.moving_motion(
                    seg.model_copy(update={"motion": was}), a.width, a.height, tl.width, tl.height)
                if back is not Motion.NONE:
                    del self.held[seg.id]
                    ops.append(O.SetMotion(target=O.Target(id=seg.id), motion=back))
                    notes.append(f"'{name}' {_MOVES[back]} again: the {frame} frame leaves it room.")
                continue
            if seg.fit is not Fit.COVER or seg.motion is Motion.NONE:
                continue
            m = framing.moving_motion(seg, a.width, a.height, tl.width, tl.height)
            if m is seg.motion:
                continue
            ops.append(O.SetMotion(target=O.Target(id=seg.id), motion=m))
            if m is Motion.NONE:
                self.held[seg.id] = seg.motion
                notes.append(f"'{name}' is held still: its subject fills the {frame} frame's crop, so a pan or "
                             "zoom would cut it.")
            else:
                notes.append(f"'{name}' {_MOVES[m]} instead of {_MOVING[seg.motion]}: its crop of the {frame} "
                             "frame has no room for that without cutting its subject.")
        return ops, notes

    def framing_note(self, tl: Timeline) -> str:
        """What subject detection found for the main track's pictures, shot by shot (measured)."""
        main = tl.track(Role.MAIN)
        if main is None:
            return ""
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        found: dict[str, list[str]] = {}
        for seg in main.segments:
            a = by_id.get(seg.src)
            if a is None or ("subject", a.id) not in self.cache:
                continue
            s = self.cache[("subject", a.id)]
            kind = {"face": "a face", "profile": "a face in profile", "cat": "a cat's face",
                    "cutout": "a cut-out (its opaque pixels)", "plain": "an object on a plain background",
                    "saliency": "a salient region"}.get(s.source, s.source) if s else "no single subject (centre)"
            found.setdefault(kind, []).append(seg.name or a.name)
        if not found:
            return ""
        parts = [f"{kind} in {', '.join(dict.fromkeys(names))}" for kind, names in found.items()]
        return "Subject detection found " + "; ".join(parts) + "."

    # music beds ------------------------------------------------------------------------------
    def measured_music(self, op: O.ReplaceMusic) -> O.ReplaceMusic:
        """``op`` with where its music's sound starts and ends (the new bed skips its silent ends)."""
        asset = next((a for a in self.s.library if a.id == op.asset_id), None)
        span = self.sound_of(asset) if asset is not None else None
        return op.model_copy(update={"sound": span}) if span is not None else op

    def sound_of(self, asset: Asset) -> tuple[int, int] | None:
        """Where ``asset``'s sound starts and ends (ms), measured once per asset (`ai.sound`);
        None for a file with no sound or that cannot be decoded (it is then played whole)."""
        from reelforge.ai.sound import measure_sound

        def span(path):
            found = measure_sound(path)
            return found.span if found is not None else None

        return self._measured("sound", asset, span)

    def speech_share_of(self, asset: Asset) -> float | None:
        """How much of ``asset`` is speech (`ai.speech_share`), measured once per asset; None for a
        file that cannot be decoded."""
        from reelforge import ai

        return self._measured("speech", asset, ai.speech_share)

    def _measured(self, what: str, asset: Asset, measure) -> Any:
        """``measure(asset.path)``, once per asset and kind of measure; None (logged) when the
        file cannot be measured."""
        key = (what, asset.id)
        if key not in self.cache:
            try:
                self.cache[key] = measure(asset.path)
            except ReelforgeError as exc:
                log.info("no %s measure for %s: %s", what, asset.name, exc)
                self.cache[key] = None
        return self.cache[key]

    def speech_shares(self, assets: Sequence[Asset]) -> dict[str, float]:
        """`speech_share_of` each of ``assets``, by asset id (`planner.compose.plan`'s ``speech``): a
        file named "sentence.wav" or "track01.mp3" is a voiceover or music by what is in it. Empty
        without the ai extra."""
        from reelforge import ai

        if not assets or ai.capabilities()["captions"].startswith("missing"):
            return {}
        return self._by_id(assets, self.speech_share_of)

    def sounds(self, assets: Sequence[Asset]) -> dict[str, tuple[int, int]]:
        """`sound_of` each of ``assets`` that has sound, by asset id (`planner.compose.plan`'s ``sound``)."""
        return self._by_id(assets, self.sound_of)

    @staticmethod
    def _by_id(assets: Sequence[Asset], measure) -> dict[str, Any]:
        """``measure(asset)`` of each asset that has one, by asset id."""
        return {a.id: m for a in assets if (m := measure(a)) is not None}

    # beats, highlights, silence -------------------------------------------------------------
    def _beat_op(self, tl: Timeline) -> O.BeatSync:
        music = tl.track(Role.MUSIC)
        if music is None or not music.segments:
            raise AIFailed("there is no music to cut to: add a music track first")
        seg = music.segments[0]
        asset = {a.id: a for a in (*self.s.library, *tl.assets)}[seg.src]
        info = self.beats_of(asset)
        if info is None:
            raise AIFailed(f"{asset.name} could not be decoded to find its beat")
        seg = self._looped_on_the_beat(seg, asset)  # as the session will keep it (`loops_on_the_beat`)
        if len(info.beat_times_ms) < 2:
            raise AIFailed(f"no clear beat found in {asset.name}")
        times = list(info.beat_times_ms)
        if seg.loop:  # the beats of each time round, as the bed plays them
            times = looped_beats(times, seg.in_ms, seg.loop_start_ms, seg.loop_end_ms, asset.duration_ms,
                                 seg.duration) or times
        return O.BeatSync(beat_times_ms=times, offset_ms=seg.start - seg.in_ms,
                          bpm=round(float(info.bpm), 1) or None)

    def beats_of(self, asset: Asset):
        """`ai.detect_beats` of ``asset``, measured once per asset; None when it cannot be decoded."""
        from reelforge import ai

        return self._measured("beats", asset, ai.detect_beats)

    def _looped_on_the_beat(self, seg: Any, asset: Asset) -> Any:
        """A looped music segment that wraps on the beat (`bed.loop_end_on_the_beat`); ``seg`` as
        it is otherwise (no steady beat, not looped, a file that cannot be decoded)."""
        if not seg.loop or not asset.duration_ms or asset.kind is AssetKind.IMAGE:
            return seg
        end = min(seg.loop_end_ms, asset.duration_ms) if seg.loop_end_ms is not None else asset.duration_ms
        if not 0 < end - seg.loop_start_ms <= MAX_ALIGNED_LOOP_MS:  # (not decoded for nothing)
            return seg
        info = self.beats_of(asset)
        on_beat = None if info is None else loop_end_on_the_beat(info.beat_times_ms, info.confidence,
                                                                   seg.loop_start_ms, end)
        if on_beat is None or on_beat <= seg.in_ms:
            return seg
        return seg.model_copy(update={"loop_end_ms": on_beat})

    def loops_on_the_beat(self, tl: Timeline, before: Timeline | None = None) -> Timeline:
        """``tl`` with each looped music bed wrapping on its beat: a bed that came round after its
        last sound, a third of a beat early, stumbled every time round. A bed as it was in ``before``
        (the timeline this one follows, done already) is not looked at again: a service session is
        loaded for each message, and its measures with it."""
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        done = _segments_of(before, Role.MUSIC)

        def on_the_beat(seg: Any) -> Any:
            asset = by_id.get(getattr(seg, "src", ""))
            if asset is None or not getattr(seg, "loop", False) or seg in done:
                return seg
            return self._looped_on_the_beat(seg, asset)

        return _with_segments(tl, Role.MUSIC, on_the_beat)

    def voice_ends_in_pauses(self, tl: Timeline, before: Timeline | None = None) -> Timeline:
        """``tl`` with a voiceover that the video's end cuts mid-word stopping at its last pause instead
        (`bed.voice_end_in_pause`; the pauses measured once per file): "a 6 second teaser" of a 10 s
        voiceover stopped on a word at 6.0 s, with a pause at 5.0-5.3 s. A voice as it was in ``before``,
        at the same length of video, is not looked at again (`loops_on_the_beat`)."""
        from reelforge.ai.sound import measure_pauses

        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        done = _segments_of(before, Role.VOICE) if before is not None and before.duration == tl.duration else set()

        def at_a_pause(seg: Any) -> Any:
            a = by_id.get(getattr(seg, "src", ""))
            if a is None or not a.duration_ms or seg.end < tl.duration - 40 or getattr(seg, "loop", False) or seg in done:
                return seg
            pauses = self._measured("pauses", a, measure_pauses)
            end = None if not pauses else voice_end_in_pause(seg.in_ms, seg.in_ms + seg.duration, a.duration_ms, pauses)
            return seg.model_copy(update={"duration": end - seg.in_ms}) if end is not None and end - seg.in_ms >= 1000 else seg

        return _with_segments(tl, Role.VOICE, at_a_pause)

    def _highlight_ops(self, tl: Timeline, op: O.UseHighlight) -> list[O.Op]:
        from reelforge.planner.apply import find_segment

        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        if op.target is not None:
            segs = [find_segment(tl, op.target, self.s.library)]
        else:
            main = tl.track(Role.MAIN)
            segs = [s for s in (main.segments if main else ()) if by_id.get(s.src) is not None
                    and by_id[s.src].kind.value == "video" and by_id[s.src].duration_ms > s.duration * s.speed + 300]
            if not segs:
                raise AIFailed("every clip already plays in full; say e.g. 'use the best 5 seconds of the clip'")
        ops: list[O.Op] = []
        for seg in segs:
            a = by_id.get(getattr(seg, "src", ""))
            if a is None or a.kind.value != "video":
                raise AIFailed("highlights come from video clips, not stills")
            want_ms = int(op.seconds * 1000) if op.seconds else int(seg.duration * seg.speed)
            if op.seconds and a.duration_ms and want_ms >= a.duration_ms and not seg.in_ms \
                    and seg.duration * seg.speed >= a.duration_ms - 100:
                # "the best 8 seconds" of a 6 s clip that already plays whole: say so ("it already was")
                raise AIFailed(f"the clip {a.name} is only {O.fmt_ms(a.duration_ms)} long and already plays in full")
            ops += self._best_part(seg, a, want_ms, set_length=op.seconds is not None)
        return ops

    def _best_part(self, seg: Any, a: Asset, want_ms: int, *, set_length: bool) -> list[O.Op]:
        from reelforge import ai

        want_ms = min(want_ms, a.duration_ms) if a.duration_ms else want_ms
        key = ("best", a.id, want_ms)
        if key not in self.cache:
            self.cache[key] = ai.best_window(a.path, want_ms / 1000)
        in_ms, _score = self.cache[key]
        dur = max(100, int(want_ms / seg.speed)) if set_length else None
        return [O.SetInPoint(target=O.Target(id=seg.id), in_ms=int(in_ms), duration_ms=dur)]

    def new_clip_highlights(self, before: Timeline, after: Timeline) -> list[O.Op]:
        """A clip just placed in a slot shorter than itself plays its most active part."""
        main_b, main_a = before.track(Role.MAIN), after.track(Role.MAIN)
        if main_a is None:
            return []
        old = {(s.id, s.src) for s in (main_b.segments if main_b else ())}
        by_id = {a.id: a for a in (*self.s.library, *after.assets)}
        ops: list[O.Op] = []
        for seg in main_a.segments:
            a = by_id.get(seg.src)
            if (seg.id, seg.src) in old or a is None or a.kind.value != "video" or seg.in_ms:
                continue
            if a.duration_ms <= seg.duration * seg.speed + 500:
                continue
            try:
                part = self._best_part(seg, a, int(seg.duration * seg.speed), set_length=False)
            except Exception:  # noqa: BLE001 - optional: keep the first seconds
                continue
            ops += [o for o in part if o.in_ms]  # type: ignore[attr-defined]
        return ops

    def _silence_ops(self, tl: Timeline, op: O.TrimSilence, done: Sequence[O.Op]) -> list[O.Op]:
        from reelforge import ai

        role = Role(op.role)
        tr = tl.track(role)
        if tr is None or not tr.segments:
            raise AIFailed(f"there is no {'voiceover' if role is Role.VOICE else 'music'} to trim")
        seg = tr.segments[0]
        a = {x.id: x for x in (*self.s.library, *tl.assets)}[seg.src]
        start, end = ai.trim_silence(a.path)
        if start <= seg.in_ms and end >= seg.in_ms + seg.duration:
            return []
        ops: list[O.Op] = [O.SetInPoint(target=O.Target(role=role, id=seg.id), in_ms=start,
                                         duration_ms=max(1, end - start))]
        if role is Role.VOICE and not self._duration_fixed(done):
            ops.append(O.SetTotalDuration(duration_ms=seg.start + (end - start) + 500))
        return ops

    # brand --------------------------------------------------------------------------------------
    def find_brand(self, path: str | None = None) -> Path | None:
        if path:
            return self._local_path(path, "brand")
        if not self.s.local_files:
            raise AIFailed(_REMOTE_FILE_REFUSALS["brand"])
        if self.s.brand_path:
            return Path(self.s.brand_path)
        for base in (self.s.base_dir, os.getcwd()):
            for name in ("brand.yaml", "brand.yml", "brand.json"):
                if base and (Path(base) / name).is_file():
                    return Path(base) / name
        return None

    def _brand_op(self, tl: Timeline, path: str | None) -> O.ApplyBrand:
        import hashlib

        from reelforge import ai
        from reelforge.media import ingest

        p = self.find_brand(path)
        if p is None:
            raise AIFailed("no brand kit: pass --brand brand.yaml, or put brand.yaml (or brand.json) in the "
                            "project's folder")
        brand = ai.load_brand(p)
        media = self._media_dir()
        ids: dict[str, str | None] = {"logo": None, "intro": None, "outro": None}
        new: list[Asset] = []
        if brand.logo:
            new.append(ingest(brand.logo, workdir=media))
            ids["logo"] = new[-1].id
        for which in ("intro", "outro"):
            card = getattr(brand, which)
            if card is None:
                continue
            h = hashlib.sha1(f"{brand.model_dump_json()}|{which}|{tl.width}x{tl.height}".encode()).hexdigest()[:12]
            png = media / f"brand-{which}-{h}.png"
            if not png.exists():
                ai.card_image(brand, card, tl.width, tl.height, png)
            new.append(ingest(png, name=f"{which} card.png", workdir=media))
            ids[which] = new[-1].id
        if new:
            self.s.add_ingested(new)
        self.s.brand_path = str(p)
        return O.ApplyBrand(brand=brand.model_dump(mode="json"), logo_asset_id=ids["logo"],
                            intro_asset_id=ids["intro"], outro_asset_id=ids["outro"])

    # the first cut --------------------------------------------------------------------------------
    def first_cut(self, tl: Timeline, text: str) -> tuple[list[O.Op], list[str]]:
        """After composing: highlights of long clips, smart crop, and what the prompt asked of the
        AI features (captions, beat sync, brand)."""
        from reelforge.planner import rules

        ops: list[O.Op] = []
        notes: list[str] = []
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        self.spell_as(tl)
        cur = tl
        main = tl.track(Role.MAIN)
        for seg in (main.segments if main else ()):
            a = by_id.get(seg.src)
            if a is None or a.kind.value != "video" or seg.in_ms or a.duration_ms <= seg.duration * seg.speed + 500:
                continue
            if not seg.mute and a.has_audio and self.speech_shares([a]).get(a.id, 0.0) >= 0.5:
                # a clip heard speaking starts where its speech does, and the notes say where it is cut ("its most
                # active 4.875s (from 0.833s)" dropped the customer's "Hello" and cut her mid-word)
                notes.append(f"{a.name} plays its first {O.fmt_ms(int(seg.duration * seg.speed))} of "
                             f"{O.fmt_ms(a.duration_ms)}: its speech may stop mid-sentence; give it more time (e.g. "
                             f"'make the {_clip_word(a.name)} {round(a.duration_ms / 1000 + 0.4)} seconds') to hear all of it.")
                continue
            try:
                part = self._best_part(seg, a, int(seg.duration * seg.speed), set_length=False)
            except Exception:  # noqa: BLE001 - keep the first seconds
                continue
            if part and part[0].in_ms:  # type: ignore[union-attr]
                ops += part
                notes.append(f"{a.name}: its most active {O.fmt_ms(seg.duration)} (from "
                             f"{O.fmt_ms(part[0].in_ms)}).")  # type: ignore[union-attr]
        from reelforge.planner.quotes import outside_quotes

        said = outside_quotes(text, {a.name.lower() for a in (*self.s.library, *tl.assets) if a.name})
        requests = rules.ai_requests(said, tl)  # the words to show are no requests ('Beat the Heat')
        if _quoted(tl, text, Role.CAPTION):  # "with captions 'Light' and 'Cool'": those are the captions
            requests = [r for r in requests if not isinstance(r, O.AutoCaptions)]
        burn = rules.caption_mode(said)
        if burn is False:  # "…with captions as a separate file": the captions made below go to files only
            ops.append(O.SetCaptionMode(burn=False))
            notes.append("Captions go to SRT/WebVTT files beside the video, not burned in.")
        if self.s.brand_path and not any(isinstance(r, O.UseBrand) for r in requests):
            requests.append(O.UseBrand())
        try:
            for o in ops:
                cur = apply(cur, [o], library=self.s.library)
        except ApplyError:
            ops, notes, cur = [], [], tl
        if self.s.smart_crop:
            if not any(isinstance(r, O.Voiceover) for r in requests):  # heard while the subjects are found
                title_only = any(isinstance(r, O.AutoCaptions) for r in requests)
                if (voice := self._voice_to_hear(cur, text, title_only=title_only)) is not None:
                    self.prefetch_speech(voice)
            focus = self.focus_ops(cur)
            for o in focus:
                cur = apply(cur, [o], library=self.s.library)
            ops += focus
            note = self.framing_note(cur)
            if note:
                notes.append(note)
        from reelforge.planner.time_words import parse_duration_ms

        fixed = [O.SetTotalDuration(duration_ms=tl.duration)] if parse_duration_ms(said) is not None else []
        for r in requests:  # each one on its own: a missing model skips that step, not the cut
            try:
                step = self.run_request(r, cur, (), [*fixed, *ops])
                nxt = apply(cur, step, library=self.s.library) if step else cur
            except (ApplyError, AIFailed) as exc:
                notes.append(f"Skipped {W.describe(r)}: {exc.message}")
                continue
            cur = nxt
            ops += step
            said = "; ".join(W.describe(o, {a.id: a.name for a in self.s.library}) for o in compact_ops(step, nxt))
            if said:
                notes.append(said[:1].upper() + said[1:] + ".")
        if not any(isinstance(r, O.Voiceover) for r in requests):
            # with speech captions asked for, the voice still names the title (the captions stay whole)
            title_only = any(isinstance(r, O.AutoCaptions) for r in requests)
            copy, copy_notes = self.spoken_copy(cur, text, title_only=title_only)
            try:
                cur = apply(cur, copy, library=self.s.library) if copy else cur
                ops += copy
                notes += copy_notes
            except ApplyError:
                pass
        try:
            room, room_notes = self.voice_pauses(cur)
        except Exception:  # noqa: BLE001 - the cut stands with the clip after the voiceover
            log.exception("placing a clip in the voiceover failed")
            room, room_notes = [], []
        if room:
            try:
                cur = apply(cur, room, library=self.s.library)
                ops += room
                notes += room_notes
            except ApplyError:
                pass
        if moves := self._cuts_off_text(cur, said, requests):
            try:
                nxt = apply(cur, moves, library=self.s.library)
                ops += moves
                notes.append(_cuts_moved_note(cur, nxt, by_id))
                cur = nxt
            except ApplyError:
                pass
        return ops, notes

    def _cuts_off_text(self, tl: Timeline, said: str, requests: Sequence[O.Op]) -> list[O.Op]:
        """Stills of one length: each cut a text not tied to a shot runs across (a caption timed to
        the speech, the call to action) moved into the nearest time no such text is on screen
        (`follow_speech.cuts_off_text`). Not where the cuts were asked for on the beat or the
        shots given their length."""
        from reelforge.planner.compose import per_item_ms
        from reelforge.planner.follow_speech import cuts_off_text

        main = tl.track(Role.MAIN)
        shots = main.segments if main else ()
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        if (len(shots) < 2 or any(isinstance(r, O.BeatSync) for r in requests) or per_item_ms(said) is not None
                or any(by_id.get(s.src) is None or by_id[s.src].kind is not AssetKind.IMAGE for s in shots)
                or max(s.duration for s in shots) - min(s.duration for s in shots) > 100):
            return []
        texts = [(x.start, x.end) for t in tl.tracks if t.kind is TrackKind.TEXT for x in t.segments if not x.shot]
        lengths = cuts_off_text([s.duration for s in shots], [s.transition_ms for s in shots], texts)
        return list(O.shot_lengths([s.duration for s in shots], dict(enumerate(lengths)))) if lengths else []

    def voice_pauses(self, tl: Timeline) -> tuple[list[O.Op], list[str]]:
        """A clip keeping its own speech after the voiceover, played where the voice introduces it
        ("Here is what our travellers say." then the testimonial, then "Book before January …"): the
        voiceover pauses for it (`O.PlaceInVoice`), and speech captions across the pause are made
        again in two. Nothing without such words or a transcript."""
        from reelforge.ai.captions import CLAUSE_END, SENTENCE_END

        voice, main = tl.track(Role.VOICE), tl.track(Role.MAIN)
        if voice is None or main is None or len(voice.segments) != 1:
            return [], []
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        vseg = voice.segments[0]
        clips = [s for s in main.segments if not s.mute and by_id.get(s.src) is not None
                 and by_id[s.src].kind is AssetKind.VIDEO and by_id[s.src].has_audio and s.start >= vseg.end - 600]
        if not clips or vseg.src not in by_id:
            return [], []
        try:
            words = self._transcript(by_id[vseg.src], self._language_for(by_id[vseg.src])).words
        except Exception:  # noqa: BLE001 - no speech model: the clip stays after the voice
            return [], []
        clause: list[Any] = []
        for k, w in enumerate(words[:-1]):  # a clause ending with the hand-over ("…travellers say," heard too)
            clause.append(w)
            if not w.text.endswith(SENTENCE_END + CLAUSE_END):
                continue
            said, clause = " ".join(x.text for x in clause), []
            if not _INTRODUCES_A_CLIP.search(said):
                continue
            at = _pause_at(words, k, [vseg])
            if not vseg.start < at < vseg.end - 500:
                continue
            said = said.rstrip(",;:，；：、") + ("" if said.endswith(SENTENCE_END) else ".")
            return self._pause_for(tl, clips[0], at, by_id[vseg.src], said)
        return [], []

    def _pause_for(self, tl: Timeline, clip: Any, at: int, voice: Asset, said: str, *,
                   heard_now: bool = False) -> tuple[list[O.Op], list[str]]:
        """The ops pausing the voiceover at ``at`` for ``clip`` (`O.PlaceInVoice`), with the speech
        captions made again where one ran across the pause or the clip is ``heard_now`` (it was muted:
        its words were in no caption), and the note saying so."""

        op = O.PlaceInVoice(target=O.Target(role=Role.MAIN, id=clip.id), at_ms=at)
        ops: list[O.Op] = [op]
        placed = apply(tl, [op], library=self.s.library)
        said_cues = [c for t in placed.tracks_by_role(Role.CAPTION) for c in t.segments if c.id.startswith(CUE_ID)]
        if any(not c.shot and c.start < at < c.end for c in said_cues) or heard_now and said_cues:
            ops.append(self._captions_op(placed, self._language_for(voice)))
        return ops, [f"{clip.name} plays where the voiceover says \"{said}\" ({O.fmt_ms(at)}); the voiceover goes "
                     "on after it."]

    def _place_at_words_ops(self, tl: Timeline, op: O.PlaceAtWords) -> list[O.Op]:
        """`O.PlaceAtWords` as data: the words found in the voiceover's transcript (as said, or nearly:
        the recogniser's spelling), the pause at the next break in the speech after them."""
        from reelforge.ai.captions import CLAUSE_END, SENTENCE_END
        from reelforge.ai.spelling import key, likeness
        from reelforge.planner.apply import find_segment

        voice = tl.track(Role.VOICE)
        if voice is None or not voice.segments:
            raise AIFailed("there is no voiceover to pause: a clip is played where the voiceover says some words")
        clip = find_segment(tl, op.target, self.s.library)
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        if by_id.get(clip.src) is None or by_id[clip.src].kind is not AssetKind.VIDEO:
            raise AIFailed(f"{clip.name} is a still picture: the voiceover pauses for a clip with its own sound")
        ops: list[O.Op] = [O.SetClipAudio(target=O.Target(role=Role.MAIN, id=clip.id), mute=False)] if clip.mute else []
        if len({s.src for s in voice.segments}) == 1 and len(voice.segments) > 1:  # paused already: whole again first
            ops.append(O.MoveSegment(target=O.Target(role=Role.MAIN, id=clip.id), to_index=-1))
        if ops:
            tl = apply(tl, ops, library=self.s.library)
            voice = tl.track(Role.VOICE)
        vseg = voice.segments[0]  # type: ignore[union-attr]
        asset = by_id[vseg.src]
        words = list(self._transcript(asset, self._language_for(asset)).words)
        n = sum(1 for w in op.words.split() if key(w))
        spans = [(i, i + size) for size in range(max(1, n - 1), n + 2) for i in range(len(words) - size + 1)]

        def alike(span: tuple[int, int]) -> float:
            return likeness(" ".join(w.text for w in words[span[0]:span[1]]), op.words)

        best = max(spans, key=alike, default=None)
        if best is None or alike(best) < 0.75:
            heard = " ".join(w.text for w in words[:12])
            raise AIFailed(f"the voiceover does not say \"{op.words}\" (it says \"{heard}…\"); quote words it says")
        e = best[1] - 1
        while e + 1 < len(words) and not words[e].text.endswith(SENTENCE_END + CLAUSE_END) \
                and words[e + 1].start_ms - words[e].end_ms < 200 and words[e + 1].start_ms - words[best[1] - 1].end_ms < 2500:
            e += 1  # on to the next break in the speech
        at = _pause_at(words, e, voice.segments)  # type: ignore[union-attr]
        said = " ".join(w.text for w in words[best[0]:e + 1])
        step, _ = self._pause_for(tl, clip, at, asset, said, heard_now=clip.mute)
        return [*ops, *step]

    def _voice_to_hear(self, tl: Timeline, text: str, *, title_only: bool = False) -> Asset | None:
        """The voiceover `spoken_copy` transcribes for the first cut, else None: not when the
        instruction gave the words (a brief's "tagline: …"), there is no text it would replace and
        no pictures to put in place, or no speech model."""
        from reelforge import ai
        from reelforge.planner import brief

        voice, main = tl.track(Role.VOICE), tl.track(Role.MAIN)
        if voice is None or main is None or not voice.segments or brief.read(text):
            return None
        # a quoted text keeps the track it became ("end with 'Order online'" keeps the button;
        # the file-name captions beside it still give way to what the voice says)
        title_only = title_only or _quoted(tl, text, Role.CAPTION)
        copy = bool(tl.track(Role.TITLE) and not _quoted(tl, text, Role.TITLE)
                    or tl.track(Role.CAPTION) and not title_only)
        if not copy and not self._may_follow(tl, text):
            return None
        if ai.capabilities()["captions"].startswith("missing"):
            return None
        return next((a for a in (*self.s.library, *tl.assets) if a.id == voice.segments[0].src), None)

    def spoken_copy(self, tl: Timeline, text: str, *, title_only: bool = False) -> tuple[list[O.Op], list[str]]:
        """With the `ai` extra and a voiceover: the made-up title and file-name captions of a first
        cut replaced by what the voice says (the product's name, a key phrase per shot timed to
        when it is said). Quoted text and a subject named in the instruction are kept. Nothing
        (and no note) without the extra, a voiceover or any speech."""
        from reelforge.ai.copywriting import product_name, shot_phrases, spoken_as
        from reelforge.planner import occasion
        from reelforge.planner.on_screen import named_outright, subject_of, title_in

        asset = self._voice_to_hear(tl, text, title_only=title_only)
        if asset is None:
            return [], []
        voice, main = tl.track(Role.VOICE), tl.track(Role.MAIN)
        first = voice.segments[0]  # type: ignore[union-attr]

        def quoted(role: Role) -> bool:
            return _quoted(tl, text, role)

        # captions the instruction gave (quoted, names listed for the pictures) are not replaced by key phrases
        title_only = title_only or quoted(Role.CAPTION) or any(
            x.id.startswith(GIVEN_ID) for t in tl.tracks if t.role is Role.CAPTION for x in t.segments)
        copy = bool(tl.track(Role.TITLE) and not quoted(Role.TITLE) or tl.track(Role.CAPTION) and not title_only)
        try:
            # a quick look first (~1/10 of transcribing): music or mumbling is not transcribed
            prob = self._look(asset)[1]
            if prob < 0.5:
                return [], [f"The voiceover's words could not be made out ({prob:.0%} sure it is speech), so the "
                            "text does not come from it."] if copy else []
            tr = self._transcript(asset, self._language_for(asset))
        except Exception:  # noqa: BLE001 - no speech model or no speech: the cut keeps its copy
            return [], []
        if not tr.words:
            return [], []
        sure = sum(w.probability for w in tr.words) / len(tr.words)
        if tr.language_probability < 0.5 or sure < 0.5:  # mumbling, music, a made-up language
            return [], [f"The voiceover's words could not be made out (confidence {sure:.0%}), so the text does "
                        "not come from it."] if copy else []
        ops: list[O.Op] = []
        said: list[str] = []
        order_note: list[str] = []
        named: list[str | None] = []
        if (follow := self._follow_speech(tl, text, tr, first.start - first.in_ms)) is not None:
            moves, order_note, named = follow
            tl = apply(tl, moves, library=self.s.library)
            main = tl.track(Role.MAIN) or main
            ops.extend(moves)
        if not copy:  # ("make a reel, no music" over a voiceover: the pictures still follow it)
            return ops, order_note
        title_track = tl.track(Role.TITLE)
        name = product_name(tr)
        title = title_track.segments[0].text if title_track and title_track.segments else ""
        # the title the instruction gave ("a promo for Urban Dreams", "标题是城市之光") stays: a caption
        # saying it again is left out too
        given = (subject_of(text) is not None or title_in(text) is not None or quoted(Role.TITLE)
                 or named_outright(text) is not None  # ("Business is Sugar & Lace Cakes": the name typed stays)
                 or (occasion.greeting(text) or occasion.hiring(text) or occasion.welcome(text)) is not None)
        kept = title if title_track and given else ""
        if kept and not quoted(Role.TITLE) and (spelled := spoken_as(kept, tr)) is not None:
            # "a reel for hoppers cafe" over a voice saying "Hopper's Cafe": the title as it is said
            ops.append(O.UpdateText(target=O.Target(role=Role.TITLE, index=0), text=spelled))
            said.append(f"title '{spelled}' (spelled as it says it)")
            kept = spelled
        # (the call to action whatever gave it: "First Class Free" was a caption and, typed, the call to action)
        shown = [x.text for role in (Role.CTA, Role.CAPTION) if (t := tl.track(role)) and (quoted(role) or role is Role.CTA)
                 for x in t.segments if hasattr(x, "text")]
        phrases = shot_phrases(tr, [(s.start + s.transition_ms, s.end) for s in main.segments],
                               offset_ms=first.start - first.in_ms, avoid=[name or "", kept, *shown], named=named)
        unsure_title = ""
        if title_track and not given:
            new_title = name or next((p.text for p in phrases if p), None)
            if new_title and new_title != title:
                ops.append(O.UpdateText(target=O.Target(role=Role.TITLE, index=0), text=new_title))
                said.append(f"title '{new_title}' ({'the name it says' if name else 'its first key phrase'})")
                phrases = [p if p is None or p.text.lower() != new_title.lower() else None for p in phrases]
                if name and (sure := _heard_sure(tr, name)) < NAME_SURE:
                    # "the city of dreams" heard as "the city of Bremes" (64 %) became the title unsaid
                    unsure_title = (f"The title '{name}' is the name the voiceover was heard to say, {sure:.0%} sure: "
                                    "if that is not it, say e.g. 'title \"Urban Dreams\"'.")
        if (cta := self._spoken_cta(tl, text, tr)) is not None:
            ops.append(cta)
            said.append(f"call to action '{cta.text}' (what it speaks of)")
        cues = [] if title_only else [O.Cue(start_ms=p.start_ms, end_ms=p.end_ms, text=p.text) for p in phrases if p]
        if cues:
            from reelforge.timeline.model import TextSize

            ops.append(O.SetCaptions(cues=cues, source="voice", style=O.CaptionStyle(size=TextSize.MEDIUM)))
            said.append(f"{len(cues)} caption{'s' if len(cues) != 1 else ''} (its key phrases, when they are said)")
        if not said:
            return ops, order_note
        return ops, [*order_note, "Text from what the voiceover says: " + "; ".join(said) + ".",
                     *([unsure_title] if unsure_title else [])]

    @staticmethod
    def _spoken_cta(tl: Timeline, text: str, tr: Any) -> O.UpdateText | None:
        """A made-up call to action that says nothing of the business ("Shop now" for "a promo")
        replaced by one that fits what the voiceover speaks of ("Welcome to Hopper's Cafe…" -> "Visit
        us today"), in the language it speaks; None when the call to action was given, or the speech
        says nothing more."""
        from reelforge.planner.on_screen import GENERIC_CTAS, call_to_action
        from reelforge.planner.parse import is_chinese

        cta = tl.track(Role.CTA)
        if cta is None or len(cta.segments) != 1 or _quoted(tl, text, Role.CTA):
            return None
        now = getattr(cta.segments[0], "text", "")
        if now != call_to_action(text) or now.casefold() in text.casefold():
            return None  # the instruction's own words ("结尾写关注我们" is one the table would make too)
        # in the language the voice speaks (a Chinese instruction for an English voiceover: "Visit us
        # today" under its English captions, not 欢迎光临)
        voice = getattr(tr, "language", None)
        zh = voice.startswith("zh") if voice and getattr(tr, "language_probability", 0) >= 0.5 else is_chinese(text)
        fits = call_to_action(" ".join(w.text for w in tr.words), zh=zh)
        if now not in GENERIC_CTAS or fits in GENERIC_CTAS:  # one that fits the kind of video already
            fits = call_to_action(text, zh=zh)  # (the same, in the voice's language)
        if fits == now:
            return None
        return O.UpdateText(target=O.Target(role=Role.CTA, index=0), text=fits)

    def _may_follow(self, tl: Timeline, text: str) -> bool:
        """Whether a first cut's cuts may follow its voiceover (`_follow_speech`), before any model
        runs: two stills or more, of one length, two of them named in words a voice can say (not
        IMG_0001.jpg)."""
        from reelforge.planner.file_names import name_words

        main = tl.track(Role.MAIN)
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        shots = main.segments if main else ()
        assets = [by_id.get(s.src) for s in shots]
        return not (len(shots) < 2 or any(a is None or a.kind.value != "image" for a in assets)
                    or max(s.duration for s in shots) - min(s.duration for s in shots) > 100
                    or sum(bool(name_words(a.name)) for a in assets) < 2)  # type: ignore[union-attr]

    def _may_reorder(self, tl: Timeline, text: str) -> bool:
        """Whether the voiceover may also put the pictures in its order: they came in name order (a
        folder, a glob) and no order was chosen or spoken of."""
        from reelforge.planner.follow_speech import ORDER_WORDS, in_name_order

        main = tl.track(Role.MAIN)
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        names = [by_id[s.src].name for s in (main.segments if main else ()) if s.src in by_id]
        return not (self.order_asked or ORDER_WORDS.search(text) or not in_name_order(names))

    def _follow_speech(self, tl: Timeline, text: str, tr: Any,
                       offset_ms: int) -> tuple[list[O.Op], list[str], list[str | None]] | None:
        """A first cut's stills reordered so each picture the voiceover names is on screen when it
        is said, and cut so it comes in as the clause naming it starts (`planner.follow_speech`):
        the ops, the note saying so and the word said of each shot in its new place. None when the
        order was chosen (given in an order of its own, spoken of, or pictures placed by the
        instruction) or the voice names fewer than two. Shots of other lengths (clips, a photo
        given its own time, cuts on the beat) keep their order and times."""
        from reelforge.planner.compose import per_item_ms
        from reelforge.planner.follow_speech import (
            cuts_for,
            named_at,
            order_by_speech,
            said_in_order,
        )

        if not self._may_follow(tl, text):
            return None
        main = tl.track(Role.MAIN)
        shots = main.segments if main else ()
        by_id = {a.id: a for a in (*self.s.library, *tl.assets)}
        shown = [by_id[s.src].name for s in shots]
        names = self._heard_as(shown, [by_id[s.src] for s in shots])
        spoken = [(w.start_ms + offset_ms, w.text) for w in tr.words]
        if self._may_reorder(tl, text):
            found = order_by_speech(names, spoken, [(s.start, s.end) for s in shots])
        else:  # an order of the user's: it stays, and the cuts still come as the voice names them in it
            heard = named_at(names, spoken)
            keep = said_in_order(heard)
            found = None if keep is None else (list(range(len(names))), {i: heard[i][1] for i in keep})
            names = [n if i in (keep or ()) else "" for i, n in enumerate(names)]  # the others are not anchors
        if found is None:
            return None
        order, words = found
        moved = order != list(range(len(names)))
        ops: list[O.Op] = [O.ReorderSegments(order=order)] if moved else []
        # each named picture comes in as the clause naming it starts ("Our shop cat…": at "Our"),
        # unless the instruction gave the pictures their length ("3 seconds each")
        placed = apply(tl, ops, library=self.s.library).track(Role.MAIN) if ops else main
        lengths = cuts_for(order, names, spoken, [s.transition_ms for s in placed.segments], tl.duration) \
            if placed and per_item_ms(text) is None else None
        if lengths is not None:
            ops += O.shot_lengths([s.duration for s in placed.segments], dict(enumerate(lengths)))
        if not ops:
            return None
        final = apply(tl, ops, library=self.s.library).track(Role.MAIN) or main
        heard = named_at(names, spoken)
        on_screen = [i for k, i in enumerate(order) if i in heard and k < len(final.segments)  # type: ignore[union-attr]
                     and final.segments[k].start <= heard[i][0] < final.segments[k].end]  # type: ignore[union-attr]
        named = ", ".join(f"{shown[i]} when it says '{words[i]}'" for i in on_screen) or "as it speaks"
        note = (f"Pictures follow the voiceover: {named} (they came in name order; add 'in this order' to the "
                "instruction to keep it): " + ", ".join(shown[i] for i in order) + "." if moved else
                f"Cuts follow the voiceover: {named}.")
        return ops, [note], [words.get(i) for i in order]

    def _heard_as(self, names: list[str], assets: list[Asset]) -> list[str]:
        """The file names the voiceover is listened for, where the one picture of a person has a
        camera's name: heard as "meet …" ("… and meet an astronaut" over IMG_4412.jpg, which had
        come first, named by nothing the voice says)."""
        from reelforge.planner.file_names import name_words

        people = [i for i, (n, a) in enumerate(zip(names, assets, strict=True))
                  if not name_words(n) and a.kind is AssetKind.IMAGE and ("subject", a.id) in self.cache
                  and getattr(self.cache[("subject", a.id)], "source", None) in ("face", "profile")]
        if len(people) != 1:
            return names
        return [PERSON_CUES if i == people[0] else n for i, n in enumerate(names)]


PERSON_CUES = "meet introducing.jpg"  # what a voice says as the picture of a person comes in

_REMOTE_FILE_REFUSALS = {
    "script": "files on the server are never read from an instruction: put the script in the instruction "
              "itself, e.g. add a voiceover saying \"Fresh sneakers for every street\"",
    "brand": "brand kit files are read only by the command line (reelforge make --brand brand.yaml), never "
             "from a path in a chat message",
}


def _cuts_moved_note(before: Timeline, after: Timeline, by_id: dict[str, Asset]) -> str:
    """What `AIStage._cuts_off_text` did, in words: the pictures that come in at another time."""
    was = {s.id: s.start for s in before.track(Role.MAIN).segments}  # type: ignore[union-attr]
    moved = [f"{by_id[s.src].name if s.src in by_id else s.id} comes in at {O.fmt_ms(s.start)}"
             for s in after.track(Role.MAIN).segments if abs(s.start - was.get(s.id, s.start)) >= 100]  # type: ignore[union-attr]
    return "Cuts moved so no text runs across one: " + ", ".join(moved) + "."


def _quoted(tl: Timeline, text: str, role: Role) -> bool:
    """A text of ``role`` in the first cut is words the instruction gave in quotes."""
    from reelforge.planner.quotes import quoted_texts

    quotes = {q.strip().casefold() for q in quoted_texts(text)}
    track = tl.track(role)
    return bool(quotes) and track is not None and any(getattr(x, "text", "").strip().casefold() in quotes
                                                      for x in track.segments)


class AIFailed(ReelforgeError):
    """A model step could not produce its data (no speech, no music, missing extra)."""

    code = 5003


# a sentence handing over to a clip's own speech: "Here is what our travellers say.", "Hear it from our
# customers.", "Don't take our word for it.", "In their own words:", "听听他们怎么说。"
_INTRODUCES_A_CLIP = re.compile(
    r"\b(?:hear(?:\s+it)?\s+(?:from|what)|listen\s+to|take\s+it\s+from|don'?t\s+(?:just\s+)?take\s+(?:our|my)\s+word|"
    r"in\s+(?:their|her|his)\s+own\s+words|what\s+(?:our|my|the|other|real)\s+(?:\w+\s+){0,2}(?:say|says|said|think|thinks|"
    r"have\s+to\s+say|are\s+saying)|(?:customers|clients|travell?ers|guests|students|members|users|patients|parents|fans|"
    r"buyers|diners)\s+(?:say|said|tell\s+us|are\s+saying))\b|听听|怎么说|的评价", re.I)


def _with_segments(tl: Timeline, role: Role, change: Any) -> Timeline:
    """``tl`` with ``change(segment)`` in place of each segment of its ``role`` tracks; ``tl`` itself
    when nothing changed."""
    tracks = tuple(t.model_copy(update={"segments": segs}) if t.role is role
                   and (segs := tuple(change(x) for x in t.segments)) != t.segments else t for t in tl.tracks)
    return tl if all(a is b for a, b in zip(tracks, tl.tracks, strict=True)) else tl.model_copy(update={"tracks": tracks})


def _segments_of(tl: Timeline | None, role: Role) -> set[Any]:
    """The segments of ``tl``'s tracks of ``role`` (none without a timeline)."""
    return {x for t in (tl.tracks_by_role(role) if tl is not None else ()) for x in t.segments}


def _says_title(cue: O.Cue, title: Any) -> bool:
    """Whether a speech caption only says the title again while the title is on screen (the voice
    opening with the brand: "Wander East Tours." under the title "Wander East Tours")."""
    from reelforge.ai.spelling import likeness

    over = min(cue.end_ms, title.end) - max(cue.start_ms, title.start)
    return 2 * over > cue.end_ms - cue.start_ms and likeness(cue.text, title.text) >= 0.85


SAID_ON_SCREEN = 0.8  # a speech caption whose words the texts on screen with it say this much of is left out


def _said_on_screen(cue: O.Cue, shown: Sequence[Any]) -> bool:
    """Whether the texts on screen through most of a speech caption already say its words: "Use code
    MOM20 at bloomandco.com." over the call to action's row "Use code MOM20 · Order at bloomandco.com"
    (three boxes saying the code at the end)."""
    from reelforge.ai.spelling import key

    def words(text: str) -> list[str]:
        return [k for w in text.split() if (k := key(w))]

    said = words(cue.text)
    span = cue.end_ms - cue.start_ms
    with_it = [t for t in shown if 2 * (min(cue.end_ms, t.end) - max(cue.start_ms, t.start)) > span]
    there = {k for t in with_it for k in words(t.text)}
    return len(said) >= 2 and sum(k in there for k in said) >= SAID_ON_SCREEN * len(said)


def _pause_at(words: Sequence[Any], e: int, pieces: Sequence[Any]) -> int:
    """Where the voiceover pauses after ``words[e]`` (in the file's time), on the video: a little into
    the silence before the next word (half of it, at most 0.3 s), through the piece playing it."""
    gap = words[e + 1].start_ms - words[e].end_ms if e + 1 < len(words) else 600
    src = words[e].end_ms + max(0, min(300, gap // 2))
    piece = next((s for s in pieces if s.in_ms <= src < s.in_ms + s.duration), pieces[0])
    return piece.start + src - piece.in_ms


NAME_SURE = 0.75  # a name heard less surely is said to be a guess (heard: 'Harbor Lights' 0.79, 'Bremes' 0.64)


def _heard_sure(tr: Any, name: str) -> float:
    """How sure the speech recognition was of the least sure word of ``name`` (1.0 when not found)."""
    parts = {p.casefold() for p in name.split()}
    probs = [w.probability for w in tr.words if re.sub(r"\W+$", "", w.text.strip()).casefold() in parts]
    return min(probs, default=1.0)


def _under_voice(seg: Any, voice: Sequence[Any]) -> bool:
    """Whether a clip plays under a voiceover for more than half its time: its speech, under the
    voice, is not captioned (two captions would talk at once)."""
    over = sum(max(0, min(seg.end, v.end) - max(seg.start, v.start)) for v in voice)
    return over * 2 > seg.duration


def _clip_word(name: str) -> str:
    """How an edit calls a clip by its file name: its first word ("interview" for interview_grace.mp4)."""
    words = [w for w in re.split(r"[^A-Za-z\u4e00-\u9fff]+", name.rsplit(".", 1)[0]) if len(w) >= 3]
    return f"{words[0].lower()} clip" if words else "clip"


def _shift_cues(lines: Sequence[Any], seg: Any, speed: float, *, clip: bool = False) -> list[O.Cue]:
    """Caption cues of a source, placed where that source plays on the timeline; a clip's own speech
    belongs to the clip (moving it carries them: they stayed behind, under another picture)."""
    out = []
    for c in lines:
        a = seg.start + round((c.start_ms - seg.in_ms) / speed)
        b = seg.start + round((c.end_ms - seg.in_ms) / speed)
        a, b = max(a, seg.start), min(b, seg.end)
        if b - a >= 100:
            out.append(O.Cue(start_ms=a, end_ms=b, text=c.text, shot=seg.id if clip else None))
    return out


def compact_ops(ops: Sequence[O.Op], tl: Timeline | None = None) -> list[O.Op]:
    """Ops as people read them: per-shot focus points as one, segment ids as names."""
    names: dict[str, str] = {}
    if tl is not None:
        names = {seg.id: getattr(seg, "name", "") or getattr(seg, "text", "") for t in tl.tracks for seg in t.segments}
    out: list[O.Op] = []
    focus = [o for o in ops if isinstance(o, O.SetFocus) and o.fx is not None]
    for o in ops:
        if isinstance(o, O.SetFocus) and o.fx is not None:
            if o is focus[0]:
                out.append(o if len(focus) == 1 else O.SetFocus(fx=o.fx, fy=o.fy))
            else:
                continue
        else:
            out.append(o)
        target = getattr(out[-1], "target", None)
        if target is not None and target.id is not None and names.get(target.id):
            out[-1] = out[-1].model_copy(update={"target": O.Target(role=target.role, name=names[target.id])})
    return out


_MOVES = {Motion.ZOOM_IN: "zooms in", Motion.ZOOM_OUT: "zooms out", Motion.PAN_LEFT: "pans left",
          Motion.PAN_RIGHT: "pans right", Motion.PAN_UP: "pans up", Motion.PAN_DOWN: "pans down"}
_MOVING = {m: "panning " + w[5:] if w.startswith("pans") else "zooming " + w[6:] for m, w in _MOVES.items()}


def _find_subject(asset: Asset):
    """The subject of a picture or clip, or None (the centre) when there is none or it is unreadable."""
    from reelforge.media import subject

    try:
        if asset.kind.value == "image":
            return subject.find_subject(asset.path)
        return subject.video_subject(asset.path)
    except Exception as exc:  # noqa: BLE001 - unreadable: centre crop, but say why
        log.warning("subject detection failed on %s (%s: %s); its shot is framed on the centre",
                    asset.name, type(exc).__name__, exc)
        return None


def _backdrop(asset: Asset) -> str | None:
    """`reelforge.media.shown.backdrop_for` of a picture, None for a clip or an unreadable file."""
    if asset.kind is not AssetKind.IMAGE:
        return None
    from reelforge.media.shown import backdrop_for

    try:
        return backdrop_for(asset.path)
    except Exception as exc:  # noqa: BLE001 - unreadable: the video's background, but say why
        log.warning("could not read the transparency of %s (%s)", asset.name, type(exc).__name__)
        return None


def _framing_blur(seg: Any) -> bool:
    """A blurred fill the framing chose (no crop held the subject, or the text needed the room),
    which it may turn back into a crop: one with a subject, not asked for by the user."""
    return (getattr(seg, "fit", None) is Fit.BLUR and getattr(seg, "subject", None) is not None
            and not getattr(seg, "fit_locked", False))
