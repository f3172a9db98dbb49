"""A conversational editing session: media library + timeline + history, one JSON project file.

    s = Session.new()                          # or Session.load("promo.reel.json")
    s.add_assets(["a.jpg", "b.jpg", "vo.mp3"])  # ingest into the library
    r = s.handle("30-second promo with text overlays")   # first instruction composes
    r = s.handle("music to 20% and make it vertical")    # later ones edit
    r.intent, r.status, r.message, r.changed, r.summary, r.version
    s.undo(); s.redo(); s.save("promo.reel.json")

`handle` never raises for a bad instruction: it answers with a `Reply` whose ``status`` says
what happened — ``ok`` (changed, or nothing to change), ``ambiguous`` (a question, nothing
changed), ``unknown`` (not understood: what was understood and what it can do), ``error``
(understood but impossible, e.g. "remove the tenth image" with five). Export, credits, state and
upload are answered with their intent so the shell (CLI, service, MCP) acts on them; "make it
vertical and export" applies the edit, then answers with intent ``export``.

``version`` counts changes to the timeline (edits, undo and redo alike) and never goes back.
The session imports only the planner, the timeline and media packages.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reelforge.errors import PlanError, ReelforgeError
from reelforge.planner import ops as O
from reelforge.planner.apply import ApplyError, apply
from reelforge.planner.parse import is_chinese
from reelforge.planner.router import Intent, route, split_export
from reelforge.timeline.model import Asset, Role, Timeline
from reelforge.timeline.summary import summarize

PROJECT_FORMAT = "reelforge-project"
PROJECT_VERSION = 1
MAX_UNDO = 50


@dataclass(frozen=True)
class Reply:
    intent: Intent
    status: str  # ok | ambiguous | unknown | error | nothing
    message: str
    changed: bool = False
    ops: tuple[O.Op, ...] = ()
    summary: str = ""
    version: int = 0
    notes: tuple[str, ...] = ()  # the planner's notes on each decision of a first cut

    def to_dict(self) -> dict[str, Any]:
        return {"intent": self.intent.value, "status": self.status, "message": self.message,
                "changed": self.changed, "ops": O.dump_ops(self.ops), "summary": self.summary,
                "version": self.version, "notes": list(self.notes)}


@dataclass(frozen=True)
class HistoryEntry:
    """One handled instruction: what was said, how it was routed, the ops and the resulting version."""

    text: str
    intent: str
    ops: tuple[dict[str, Any], ...]
    version: int
    status: str = "ok"
    changed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "intent": self.intent, "ops": list(self.ops), "version": self.version,
                "status": self.status, "changed": self.changed}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HistoryEntry:
        return cls(text=d["text"], intent=d["intent"], ops=tuple(d.get("ops") or ()), version=int(d["version"]),
                   status=d.get("status", "ok"), changed=bool(d.get("changed", False)))


def media_cache() -> Path:
    """Where generated and ingested media is kept when no folder is given (must outlive one
    command): ``$REELFORGE_CACHE``, else ``$XDG_CACHE_HOME/reelforge/media`` (``~/.cache/...``)."""
    base = os.environ.get("REELFORGE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "reelforge", "media")
    Path(base).mkdir(parents=True, exist_ok=True)
    return Path(base)


@dataclass
class Session:
    library: tuple[Asset, ...] = ()
    timeline: Timeline | None = None
    version: int = 0
    history: list[HistoryEntry] = field(default_factory=list)
    undo_stack: list[Timeline | None] = field(default_factory=list)
    redo_stack: list[Timeline | None] = field(default_factory=list)
    new_asset_ids: list[str] = field(default_factory=list)
    last_reply: Reply | None = field(default=None, compare=False, repr=False)
    # AI features: where generated media goes, the brand kit, smart crop on/off
    media_dir: str | None = None
    brand_path: str | None = None
    smart_crop: bool = True
    base_dir: str | None = field(default=None, compare=False, repr=False)  # the project file's folder
    # May instructions name files on this machine (a script, a brand kit)? Only when the caller is
    # the local user (CLI, MCP over stdio). Never saved with the project: a remote surface (HTTP,
    # MCP over HTTP) loads sessions with the default and so never reads a server path.
    local_files: bool = field(default=False, compare=False, repr=False)
    # what the last instruction referred to and changed ("and the next one too"): planner.memory data
    memory: dict[str, Any] = field(default_factory=dict)
    _ai_cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def new(cls, *, local_files: bool = False) -> Session:
        return cls(local_files=local_files)

    # -- media ------------------------------------------------------------------------------
    def add_assets(self, paths: Iterable[str | os.PathLike[str]], workdir: str | os.PathLike[str] | None = None,
                   *, names: Sequence[str | None] | None = None, instruction: str | None = None) -> list[Asset]:
        """Ingest files (all or nothing) into the library. They become "the new/this clip" for the
        next instruction; with ``instruction`` ("add this clip after the second image") that
        instruction is handled right away and its reply kept in ``last_reply``."""
        from reelforge.media import ingest_many

        if workdir is not None:
            self.media_dir = str(workdir)
        assets = self.add_ingested(ingest_many(list(paths), names=names, workdir=workdir))
        if instruction:
            self.last_reply = self.handle(instruction)
        return assets

    def add_ingested(self, assets: Iterable[Asset]) -> list[Asset]:
        """Put already-ingested assets into the library (the service ingests uploads itself)."""
        added = []
        known = {a.id for a in self.library}
        lib = list(self.library)
        for a in assets:
            if a.id not in known:
                lib.append(a)
                known.add(a.id)
            if a.id in self.new_asset_ids:
                self.new_asset_ids.remove(a.id)
            self.new_asset_ids.append(a.id)
            added.append(a)
        self.library = tuple(lib)
        return added

    def _new_assets(self) -> tuple[Asset, ...]:
        by_id = {a.id: a for a in self.library}
        return tuple(by_id[i] for i in self.new_asset_ids if i in by_id)

    # -- the conversation --------------------------------------------------------------------
    def handle(self, text: str) -> Reply:
        """Route and act on one message. Never raises for a bad instruction."""
        text = (text or "").strip()
        if not text:
            return self._reply(Intent.EDIT, "unknown", "Say what to make or change, e.g. 'music to 20%' or "
                               "'make it vertical for TikTok'.")
        intent = route(text)
        if intent is Intent.UNDO:
            return self._record(text, self.undo())
        if intent is Intent.REDO:
            return self._record(text, self.redo())
        if intent is Intent.EXPORT:
            return self._record(text, self._export_reply())
        if intent is Intent.CREDITS:
            return self._reply(intent, "ok", "Credits are kept by the service: it answers with available, "
                               "frozen and total. Exports made locally cost nothing.")
        if intent is Intent.STATE:
            return self._reply(intent, "ok", self._summary() or "No timeline yet: add media and say what to make.")
        if intent is Intent.UPLOAD:
            from reelforge.media import supported_list

            return self._reply(intent, "ok", f"Send the files to add them to the media library ({supported_list()}).")
        edit_text, export = split_export(text)
        reply = self._edit(edit_text or text)
        if export and reply.status == "ok":
            exp = self._export_reply()
            reply = Reply(Intent.EXPORT, exp.status, f"{reply.message} {exp.message}".strip(), reply.changed,
                          reply.ops, reply.summary, self.version)
        return self._record(text, reply)

    def _edit(self, text: str) -> Reply:
        if self.timeline is None:
            return self._compose(text)
        new_assets = self._new_assets()
        try:
            plan = _planner()(text, self.timeline, library=self.library, new_assets=new_assets,
                              memory=self.memory or None)
        except ReelforgeError as exc:  # a planner must not raise, but never let it escape
            return self._reply(Intent.EDIT, "error", exc.message)
        if plan.status != "ok" or not plan.ops:
            return self._reply(Intent.EDIT, plan.status if plan.status != "ok" else "unknown", plan.reply)
        ops = list(plan.ops)
        history_ops = [o for o in ops if isinstance(o, (O.Undo, O.Redo))]
        if history_ops and len(history_ops) == len(ops):
            last = None
            for o in ops:
                last = self.undo() if isinstance(o, O.Undo) else self.redo()
            return last  # type: ignore[return-value]
        ops = [o for o in ops if not isinstance(o, (O.Undo, O.Redo))]
        zh = is_chinese(text)
        try:
            if any(isinstance(o, O.REQUEST_TYPES + (O.SetFrame, O.AddSegment, O.ReplaceSource)) for o in ops):
                ops = self._resolve(self.timeline, ops)
                if not ops:
                    return self._reply(Intent.EDIT, "ok", _nothing_msg(plan.reply, zh))
            new = apply(self.timeline, ops, library=self.library)
        except (ApplyError, _AIFailed) as exc:
            status = "ambiguous" if exc.message.rstrip().endswith("?") else "error"
            msg = exc.message[:1].upper() + exc.message[1:]
            tail = "没有做任何修改。" if zh else "Nothing was changed."
            return self._reply(Intent.EDIT, status, f"{msg}{'' if msg.endswith(('.', '?')) else '.'} {tail}",
                               ops=tuple(ops))
        if new == self.timeline:
            return self._reply(Intent.EDIT, "ok", _nothing_msg(plan.reply, zh), ops=tuple(ops))
        before = set(_warnings(self.timeline))
        fresh = [w for w in _warnings(new) if w not in before]
        self._commit(new)
        if plan.memory is not None:
            self.memory = dict(plan.memory)
        used = {s.src for t in new.tracks for s in t.segments if hasattr(s, "src")}
        self.new_asset_ids = [i for i in self.new_asset_ids if i not in used]
        names = {a.id: a.name for a in self.library}
        if any(isinstance(o, O.REQUEST_TYPES) for o in plan.ops) or len(ops) != len(plan.ops):
            # say what the models found, not only what was asked
            said = [(O.describe_zh if zh else O.describe)(o, names) for o in _compact(ops, new)]
            prefix = ("；".join(said) + "。") if zh else ("; ".join(said)[:1].upper() + "; ".join(said)[1:] + ".")
        else:
            prefix = plan.reply if plan.reply else "Done."
        if fresh:  # what the render will do that the user should know (a frozen clip, tiny text)
            prefix = f"{prefix} {' '.join(fresh)}"
        return self._reply(Intent.EDIT, "ok", prefix, changed=True, ops=tuple(ops))

    def apply_ops(self, ops: Sequence[O.Op], text: str = "") -> Reply:
        """Apply already-planned ops (e.g. from an agent) as one undoable change."""
        if self.timeline is None:
            return self._reply(Intent.EDIT, "error", "There is no timeline yet: say what to make first.")
        try:
            ops = self._resolve(self.timeline, list(ops))
            new = apply(self.timeline, list(ops), library=self.library)
        except (ApplyError, _AIFailed) as exc:
            return self._record(text, self._reply(Intent.EDIT, "error", exc.message, ops=tuple(ops)))
        if new == self.timeline:
            return self._record(text, self._reply(Intent.EDIT, "ok", "Nothing to change.", ops=tuple(ops)))
        self._commit(new)
        names = {a.id: a.name for a in (*self.library, *self.timeline.assets)}
        msg = "; ".join(O.describe(o, names) for o in ops)
        return self._record(text, self._reply(Intent.EDIT, "ok", msg[:1].upper() + msg[1:] + ".", changed=True,
                                              ops=tuple(ops)))

    def _compose(self, text: str) -> Reply:
        from reelforge.planner.compose import plan

        if not self.library:
            return self._reply(Intent.EDIT, "error", "Add images, clips or audio first, then say what to make.")
        try:
            p = plan(text, self.library)
        except PlanError as exc:
            return self._reply(Intent.EDIT, "error", exc.message)
        tl = p.timeline
        notes = list(p.notes)
        extra, more_notes = self._first_cut_ai(tl, text)
        if any(isinstance(o, O.SetCaptions) for o in extra):  # the speech's captions replace "no captions"
            notes = [n for n in notes if not n.startswith("No captions")]
        if extra:
            try:
                tl = apply(tl, extra, library=self.library)
                notes += more_notes
            except ApplyError as exc:  # the first cut stands; say what did not work
                notes.append(f"AI step skipped: {exc.message}")
        elif more_notes:
            notes += more_notes
        notes += _warnings(tl)
        self._commit(tl)
        self.new_asset_ids = []
        reply = self._reply(Intent.EDIT, "ok", f"Made a first cut. {' '.join(notes)}".strip(), changed=True,
                            ops=tuple(extra))
        return replace(reply, notes=tuple(notes))

    def _export_reply(self) -> Reply:
        if self.timeline is None:
            return self._reply(Intent.EXPORT, "error", "Nothing to export yet: add media and say what to make.")
        return self._reply(Intent.EXPORT, "ok", f"Ready to export ({self.timeline.width}x{self.timeline.height}, "
                           f"{O.fmt_ms(self.timeline.duration)}).")

    # -- history --------------------------------------------------------------------------
    def _commit(self, new: Timeline | None) -> None:
        self.undo_stack.append(self.timeline)
        del self.undo_stack[:-MAX_UNDO]
        self.redo_stack.clear()
        self.timeline = new
        self.version += 1

    def undo(self) -> Reply:
        if not self.undo_stack:
            return self._reply(Intent.UNDO, "nothing", "Nothing to undo.")
        self.redo_stack.append(self.timeline)
        self.timeline = self.undo_stack.pop()
        self.version += 1
        return self._reply(Intent.UNDO, "ok", "Undid the last change." if self.timeline else
                           "Undid the first cut: there is no timeline now.", changed=True)

    def redo(self) -> Reply:
        if not self.redo_stack:
            return self._reply(Intent.REDO, "nothing", "Nothing to redo.")
        self.undo_stack.append(self.timeline)
        self.timeline = self.redo_stack.pop()
        self.version += 1
        return self._reply(Intent.REDO, "ok", "Redid the change.", changed=True)

    def _record(self, text: str, reply: Reply) -> Reply:
        self.history.append(HistoryEntry(text=text, intent=reply.intent.value, ops=tuple(O.dump_ops(reply.ops)),
                                         version=self.version, status=reply.status, changed=reply.changed))
        return reply

    def _summary(self) -> str:
        if self.timeline is None:
            return ""
        extra = ai_features(self.timeline)
        return summarize(self.timeline) + (f" · {'; '.join(extra)}" if extra else "")

    def _reply(self, intent: Intent, status: str, message: str, *, changed: bool = False,
               ops: tuple[O.Op, ...] = ()) -> Reply:
        return Reply(intent, status, message, changed, ops, self._summary(), self.version)

    # -- persistence ------------------------------------------------------------------------
    def to_json(self, indent: int | None = 2) -> str:
        def tl(t: Timeline | None) -> Any:
            return None if t is None else t.model_dump(mode="json")

        doc = {
            "format": PROJECT_FORMAT,
            "format_version": PROJECT_VERSION,
            "version": self.version,
            "library": [a.model_dump(mode="json") for a in self.library],
            "timeline": tl(self.timeline),
            "history": [h.to_dict() for h in self.history],
            "undo": [tl(t) for t in self.undo_stack],
            "redo": [tl(t) for t in self.redo_stack],
            "new_assets": list(self.new_asset_ids),
        }
        if self.memory:
            doc["memory"] = self.memory
        settings = {k: v for k, v in (("media_dir", self.media_dir), ("brand_path", self.brand_path)) if v}
        if not self.smart_crop:
            settings["smart_crop"] = False
        if settings:
            doc["settings"] = settings
        return json.dumps(doc, ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Session:
        from pydantic import ValidationError

        from reelforge.errors import InvalidTimeline

        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise InvalidTimeline(f"not a project file: {exc}") from exc
        if not isinstance(doc, dict) or doc.get("format") != PROJECT_FORMAT:
            raise InvalidTimeline("not a reelforge project file")
        if doc.get("format_version") != PROJECT_VERSION:
            raise InvalidTimeline(f"unsupported project file version {doc.get('format_version')!r}")

        def tl(d: Any) -> Timeline | None:
            return None if d is None else Timeline.model_validate(d)

        try:
            return cls(
                library=tuple(Asset.model_validate(a) for a in doc.get("library") or ()),
                timeline=tl(doc.get("timeline")),
                version=int(doc.get("version", 0)),
                history=[HistoryEntry.from_dict(h) for h in doc.get("history") or ()],
                undo_stack=[tl(t) for t in doc.get("undo") or ()],
                redo_stack=[tl(t) for t in doc.get("redo") or ()],
                new_asset_ids=list(doc.get("new_assets") or ()),
                memory=dict(doc.get("memory") or {}),
                media_dir=(doc.get("settings") or {}).get("media_dir"),
                brand_path=(doc.get("settings") or {}).get("brand_path"),
                smart_crop=bool((doc.get("settings") or {}).get("smart_crop", True)),
            )
        except (ValidationError, KeyError, TypeError) as exc:
            raise InvalidTimeline(f"damaged project file: {exc}") from exc

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the project atomically (temp file in the same folder, then rename)."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(self.to_json())
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, p)
            self.base_dir = str(p.resolve().parent)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return p

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, local_files: bool = False) -> Session:
        s = cls.from_json(Path(path).read_bytes())  # bytes: a non-UTF-8 file is "not a project", not a crash
        s.base_dir = str(Path(path).resolve().parent)
        s.local_files = local_files
        return s

    # -- AI features: models run here (side effects at the edge), results become data ops ----
    def _resolve(self, tl: Timeline, ops: Sequence[O.Op]) -> list[O.Op]:
        """Turn request ops into data ops by running the models, in order, against the timeline
        as the earlier ops leave it; add smart-crop focus points after a frame change."""
        out: list[O.Op] = []
        cur = tl
        for i, op in enumerate(ops):
            if isinstance(op, O.AutoCaptions) and any(isinstance(o, O.SetCaptions) and o.source == "script" for o in out):
                continue  # the voiceover just made captions from its own script
            if isinstance(op, O.REQUEST_TYPES):
                done = self._run_request(op, cur, ops[i + 1:], out)
            else:
                done = [op]
            prev = cur
            for o in done:
                cur = apply(cur, [o], library=self.library)
                out.append(o)
            if isinstance(op, (O.AddSegment, O.ReplaceSource)):
                for o in self._new_clip_highlights(prev, cur):
                    cur = apply(cur, [o], library=self.library)
                    out.append(o)
            if isinstance(op, (O.SetFrame, O.AddSegment, O.ReplaceSource)) and self.smart_crop:
                for o in self._focus_ops(cur):
                    cur = apply(cur, [o], library=self.library)
                    out.append(o)
        return out

    def _run_request(self, op: O.Op, tl: Timeline, rest: Sequence[O.Op], done: Sequence[O.Op]) -> list[O.Op]:
        try:
            return self._run_request_unchecked(op, tl, rest, done)
        except (ApplyError, _AIFailed):
            raise
        except ReelforgeError as exc:  # AIExtraMissing says what to install
            raise _AIFailed(exc.message) from exc
        except Exception as exc:  # noqa: BLE001 - a model must never crash the conversation
            raise _AIFailed(f"{O.describe(op)} did not work: {exc}") from exc

    def _run_request_unchecked(self, op: O.Op, tl: Timeline, rest: Sequence[O.Op],
                               done: Sequence[O.Op]) -> list[O.Op]:
        if isinstance(op, O.AutoCaptions):
            return [self._captions_op(tl, op.language)]
        if isinstance(op, O.Voiceover):
            want_caps = op.captions or any(isinstance(o, O.AutoCaptions) for o in rest)
            return self._voiceover_ops(op, want_caps, done)
        if isinstance(op, O.SmartReframe):
            self.smart_crop = op.on
            if not op.on:
                main = tl.track(Role.MAIN)
                has = main is not None and any(getattr(s, "focus", None) for s in main.segments)
                return [O.SetFocus()] if has else []
            return self._focus_ops(tl, force=True)
        if isinstance(op, O.CutToBeat):
            return [self._beat_op(tl)]
        if isinstance(op, O.UseHighlight):
            return self._highlight_ops(tl, op)
        if isinstance(op, O.TrimSilence):
            return self._silence_ops(tl, op, done)
        if isinstance(op, O.UseBrand):
            return [self._brand_op(tl, op.path)]
        raise _AIFailed(f"{op.op} is not something this session can do")

    # captions ------------------------------------------------------------------------------
    def _transcript(self, asset: Asset, language: str | None):
        from reelforge import ai

        key = ("tr", asset.id, language)
        if key not in self._ai_cache:
            self._ai_cache[key] = ai.transcribe(asset.path, language)
        return self._ai_cache[key]

    def _captions_op(self, tl: Timeline, language: str | None) -> O.SetCaptions:
        from reelforge import ai

        by_id = {a.id: a for a in (*self.library, *tl.assets)}
        cues: list[O.Cue] = []
        source = "voice"
        voice = [s for t in tl.tracks_by_role(Role.VOICE) for s in t.segments]
        spans: list[tuple[Any, float]] = [(s, 1.0) for s in voice if s.src in by_id]
        if not spans:
            source = "clip"
            main = tl.track(Role.MAIN)
            spans = [(s, s.speed) for s in (main.segments if main else ())
                     if s.src in by_id and by_id[s.src].has_audio and by_id[s.src].kind.value == "video" and not s.mute]
        if not spans:  # a spoken track that was taken for music
            spans = [(s, 1.0) for t in tl.tracks_by_role(Role.MUSIC) for s in t.segments if s.src in by_id]
        if not spans:
            raise _AIFailed("there is no speech to caption: add a voiceover (or say 'add a voiceover saying "
                            "\"…\"') or a clip with sound")
        for seg, speed in spans:
            tr = self._transcript(by_id[seg.src], language)
            lines = ai.caption_lines(tr, max_chars=32, max_lines=2)
            cues += _shift_cues(lines, seg, speed)
        if not cues:
            raise _AIFailed("no speech found in the " + ("voiceover" if source == "voice" else "clips' sound"))
        return O.SetCaptions(cues=cues, source=source)  # type: ignore[arg-type]

    # voiceover -----------------------------------------------------------------------------
    def _media_dir(self) -> Path:
        if not self.media_dir:
            return media_cache()
        p = Path(self.media_dir)
        p.mkdir(parents=True, exist_ok=True)
        return p

    def _local_path(self, name: str, what: str) -> Path:
        """A file the local user named in an instruction. Refused, without touching the file
        system, when the caller is remote: the reply must not tell an existing path from a
        missing one."""
        if not self.local_files:
            raise _AIFailed(_REMOTE_FILE_REFUSALS[what])
        p = Path(name).expanduser()
        if p.is_absolute():
            return p
        for base in (self.base_dir, os.getcwd()):
            if base and (Path(base) / p).exists():
                return Path(base) / p
        return Path(self.base_dir or os.getcwd()) / p

    def _voiceover_ops(self, op: O.Voiceover, captions: bool, done: Sequence[O.Op]) -> list[O.Op]:
        import hashlib

        from reelforge import ai
        from reelforge.media import ingest

        text = op.text
        if text is None:
            path = self._local_path(op.script_file or "", "script")
            try:
                text = path.read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise _AIFailed(f"cannot read the script {op.script_file}: {exc.strerror or exc}") from exc
            if not text:
                raise _AIFailed(f"the script {op.script_file} is empty")
        from reelforge.ai.tts import guess_language, normalize_language

        lang = normalize_language(op.language) if op.language else guess_language(text)
        key = hashlib.sha1(f"{lang}|{text}".encode()).hexdigest()[:12]
        out = self._media_dir() / f"tts-{key}.wav"
        if not out.exists():
            ai.synthesize(text, out, language=lang)
        asset = ingest(out, name="tts.wav", workdir=self._media_dir())
        self.add_ingested([asset])
        ops: list[O.Op] = [O.AddVoiceover(asset_id=asset.id)]
        if not self._duration_fixed(done):
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
            raise _AIFailed("no captions could be made from the script")
        return O.SetCaptions(cues=cues, source="script")

    def _duration_fixed(self, done: Sequence[O.Op] = ()) -> bool:
        """Was a total length asked for (first cut or an edit)? Then a new voice does not refit."""
        from reelforge.planner.parse import parse_duration_ms

        if any(isinstance(o, O.SetTotalDuration) for o in done):
            return True
        for h in self.history:
            if any(o.get("op") == "set_total_duration" for o in h.ops):
                return True
        first = next((h for h in self.history if h.intent == "edit" and h.changed), None)
        return first is not None and parse_duration_ms(first.text) is not None

    # smart reframing ---------------------------------------------------------------------------
    def _focus_of(self, asset: Asset) -> tuple[float, float, str]:
        key = ("focus", asset.id)
        if key not in self._ai_cache:
            from reelforge import ai

            try:
                if asset.kind.value == "image":
                    self._ai_cache[key] = ai.focus_point(asset.path)
                else:
                    self._ai_cache[key] = ai.video_focus(asset.path)
            except Exception:  # noqa: BLE001 - no subject found / unreadable: centre crop
                self._ai_cache[key] = (0.5, 0.5, "center")
        return self._ai_cache[key]

    def _focus_ops(self, tl: Timeline, *, force: bool = False) -> list[O.Op]:
        """Focus points for cover-cropped shots whose shape differs from the frame's."""
        main = tl.track(Role.MAIN)
        if main is None:
            return []
        by_id = {a.id: a for a in (*self.library, *tl.assets)}
        out_ar = tl.width / tl.height
        ops: list[O.Op] = []
        for seg in main.segments:
            a = by_id.get(seg.src)
            if a is None or not a.width or not a.height or seg.fit.value != "cover":
                continue
            if abs(a.width / a.height - out_ar) / out_ar < 0.02 or (seg.focus is not None and not force):
                continue
            fx, fy, source = self._focus_of(a)
            if source == "center":
                continue
            if seg.focus != (round(fx, 4), round(fy, 4)):
                ops.append(O.SetFocus(target=O.Target(id=seg.id), fx=fx, fy=fy))
        return ops

    # beats, highlights, silence -------------------------------------------------------------
    def _beat_op(self, tl: Timeline) -> O.BeatSync:
        from reelforge import ai

        music = tl.track(Role.MUSIC)
        if music is None or not music.segments:
            raise _AIFailed("there is no music to cut to: add a music track first")
        seg = music.segments[0]
        asset = {a.id: a for a in (*self.library, *tl.assets)}[seg.src]
        key = ("beats", asset.id)
        if key not in self._ai_cache:
            self._ai_cache[key] = ai.detect_beats(asset.path)
        info = self._ai_cache[key]
        if len(info.beat_times_ms) < 2:
            raise _AIFailed(f"no clear beat found in {asset.name}")
        return O.BeatSync(beat_times_ms=list(info.beat_times_ms), offset_ms=seg.start - seg.in_ms,
                          bpm=round(float(info.bpm), 1) or None)

    def _highlight_ops(self, tl: Timeline, op: O.UseHighlight) -> list[O.Op]:
        from reelforge.planner.apply import find_segment

        by_id = {a.id: a for a in (*self.library, *tl.assets)}
        if op.target is not None:
            segs = [find_segment(tl, op.target, self.library)]
        else:
            main = tl.track(Role.MAIN)
            segs = [s for s in (main.segments if main else ()) if by_id.get(s.src) is not None
                    and by_id[s.src].kind.value == "video" and by_id[s.src].duration_ms > s.duration * s.speed + 300]
            if not segs:
                raise _AIFailed("every clip already plays in full; say e.g. 'use the best 5 seconds of the clip'")
        ops: list[O.Op] = []
        for seg in segs:
            a = by_id.get(getattr(seg, "src", ""))
            if a is None or a.kind.value != "video":
                raise _AIFailed("highlights come from video clips, not stills")
            want_ms = int(op.seconds * 1000) if op.seconds else int(seg.duration * seg.speed)
            ops += self._best_part(seg, a, want_ms, set_length=op.seconds is not None)
        return ops

    def _best_part(self, seg: Any, a: Asset, want_ms: int, *, set_length: bool) -> list[O.Op]:
        from reelforge import ai

        want_ms = min(want_ms, a.duration_ms) if a.duration_ms else want_ms
        key = ("best", a.id, want_ms)
        if key not in self._ai_cache:
            self._ai_cache[key] = ai.best_window(a.path, want_ms / 1000)
        in_ms, _score = self._ai_cache[key]
        dur = max(100, int(want_ms / seg.speed)) if set_length else None
        return [O.SetInPoint(target=O.Target(id=seg.id), in_ms=int(in_ms), duration_ms=dur)]

    def _new_clip_highlights(self, before: Timeline, after: Timeline) -> list[O.Op]:
        """A clip just placed in a slot shorter than itself plays its most active part."""
        main_b, main_a = before.track(Role.MAIN), after.track(Role.MAIN)
        if main_a is None:
            return []
        old = {(s.id, s.src) for s in (main_b.segments if main_b else ())}
        by_id = {a.id: a for a in (*self.library, *after.assets)}
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
            raise _AIFailed(f"there is no {'voiceover' if role is Role.VOICE else 'music'} to trim")
        seg = tr.segments[0]
        a = {x.id: x for x in (*self.library, *tl.assets)}[seg.src]
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
        if not self.local_files:
            raise _AIFailed(_REMOTE_FILE_REFUSALS["brand"])
        if self.brand_path:
            return Path(self.brand_path)
        for base in (self.base_dir, os.getcwd()):
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
            raise _AIFailed("no brand kit: pass --brand brand.yaml, or put brand.yaml (or brand.json) in the "
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
            self.add_ingested(new)
        self.brand_path = str(p)
        return O.ApplyBrand(brand=brand.model_dump(mode="json"), logo_asset_id=ids["logo"],
                            intro_asset_id=ids["intro"], outro_asset_id=ids["outro"])

    # the first cut --------------------------------------------------------------------------------
    def _first_cut_ai(self, tl: Timeline, text: str) -> tuple[list[O.Op], list[str]]:
        """After composing: highlights of long clips, smart crop, and what the prompt asked of the
        AI features (captions, beat sync, brand)."""
        from reelforge.planner import rules

        ops: list[O.Op] = []
        notes: list[str] = []
        by_id = {a.id: a for a in (*self.library, *tl.assets)}
        cur = tl
        main = tl.track(Role.MAIN)
        for seg in (main.segments if main else ()):
            a = by_id.get(seg.src)
            if a is None or a.kind.value != "video" or seg.in_ms or a.duration_ms <= seg.duration * seg.speed + 500:
                continue
            try:
                part = self._best_part(seg, a, int(seg.duration * seg.speed), set_length=False)
            except Exception:  # noqa: BLE001 - keep the first seconds
                continue
            if part and part[0].in_ms:  # type: ignore[union-attr]
                ops += part
                notes.append(f"{a.name}: its most active {O.fmt_ms(seg.duration)} (from "
                             f"{O.fmt_ms(part[0].in_ms)}).")  # type: ignore[union-attr]
        requests = rules.ai_requests(text, tl)
        if self.brand_path and not any(isinstance(r, O.UseBrand) for r in requests):
            requests.append(O.UseBrand())
        try:
            for o in ops:
                cur = apply(cur, [o], library=self.library)
        except ApplyError:
            ops, notes, cur = [], [], tl
        if self.smart_crop:
            focus = self._focus_ops(cur)
            for o in focus:
                cur = apply(cur, [o], library=self.library)
            ops += focus
            if focus:
                notes.append(f"Smart crop: {len(focus)} shot{'s' if len(focus) != 1 else ''} keep their subject "
                             "in frame.")
        from reelforge.planner.parse import parse_duration_ms

        fixed = [O.SetTotalDuration(duration_ms=tl.duration)] if parse_duration_ms(text) is not None else []
        for r in requests:  # each one on its own: a missing model skips that step, not the cut
            try:
                step = self._run_request(r, cur, (), [*fixed, *ops])
                nxt = apply(cur, step, library=self.library) if step else cur
            except (ApplyError, _AIFailed) as exc:
                notes.append(f"Skipped {O.describe(r)}: {exc.message}")
                continue
            cur = nxt
            ops += step
            said = "; ".join(O.describe(o, {a.id: a.name for a in self.library}) for o in _compact(step, nxt))
            if said:
                notes.append(said[:1].upper() + said[1:] + ".")
        return ops, notes


_REMOTE_FILE_REFUSALS = {
    "script": "files on the server are never read from an instruction: put the script in the instruction "
              "itself, e.g. add a voiceover saying \"Fresh sneakers for every street\"",
    "brand": "brand kit files are read only by the command line (reelforge make --brand brand.yaml), never "
             "from a path in a chat message",
}


class _AIFailed(ReelforgeError):
    """A model step could not produce its data (no speech, no music, missing extra)."""

    code = 5003


def _shift_cues(lines: Sequence[Any], seg: Any, speed: float) -> list[O.Cue]:
    """Caption cues of a source, placed where that source plays on the timeline."""
    out = []
    for c in lines:
        a = seg.start + round((c.start_ms - seg.in_ms) / speed)
        b = seg.start + round((c.end_ms - seg.in_ms) / speed)
        a, b = max(a, seg.start), min(b, seg.end)
        if b - a >= 100:
            out.append(O.Cue(start_ms=a, end_ms=b, text=c.text))
    return out


def _compact(ops: Sequence[O.Op], tl: Timeline | None = None) -> list[O.Op]:
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


def _nothing_msg(reply: str, zh: bool) -> str:
    return (f"无需修改：{reply.rstrip('。')}（本来就是这样）。" if zh
            else f"Nothing to change: {reply.rstrip('.')} — it already was.")


def ai_features(tl: Timeline) -> list[str]:
    """The AI features visible on a timeline, for the summary line."""
    out = []
    for t in tl.tracks_by_role(Role.CAPTION):
        if t.id.startswith("captions") and t.segments:
            n = len(t.segments)
            out.append(f"Captions: {n} line{'s' if n != 1 else ''} (auto)")
    voice = [s for t in tl.tracks_by_role(Role.VOICE) for s in t.segments]
    if any(s.name == "tts.wav" for s in voice):
        out.append("Voiceover: tts")
    main = tl.track(Role.MAIN)
    focused = sum(1 for s in (main.segments if main else ()) if getattr(s, "focus", None) is not None)
    if focused:
        out.append(f"Smart crop: {focused} shot{'s' if focused != 1 else ''}")
    if any(s.id.startswith("brand-") for t in tl.tracks for s in t.segments):
        out.append("Brand kit")
    return out


def _planner():
    """The LLM planner when configured by the environment, else the rule planner."""
    from reelforge.planner import llm, rules

    if llm.LLMConfig.from_env() is not None:
        return llm.plan_edit
    return rules.plan_edit


def _warnings(tl: Timeline | None) -> list[str]:
    """`reelforge.render.checks.warnings`, never failing an edit (a timeline the checks cannot
    read is the render's to report)."""
    if tl is None:
        return []
    from reelforge.render.checks import warnings

    try:
        return warnings(tl)
    except ReelforgeError:
        return []
