"""The application core: reelforge's use-cases, written once for every surface.

    core = Core.open(Settings(data_dir=...))     # database, storage, job queue (+ worker: start())
    who = core.local_account()                   # or the Principal of a bearer token (auth)
    sid = core.create_session(who, "promo")["id"]
    core.add_assets(who, sid, core.receive(sid, ["https://.../a.jpg"]))   # or uploads (Received)
    core.instruct(who, sid, "30-second promo with text overlays")
    core.state(who, sid); core.history(who, sid, "undo")
    view = core.export(who, sid, preset="9:16", quality="standard")      # queued, run by a worker
    core.export_status(who, view["id"]); core.credits(who)

Who calls it: the HTTP routes (/v1 and the compatibility routes, through `api_v1`'s ``do_*``
handlers, and the chat stream), and the MCP server's embedded backend (this core on SQLite with
an in-process worker). One URL fetcher with the SSRF guard (`reelforge.media.fetch`), one
storage, one job model (`renders` rows on the Huey queue), one credit ledger.

Local paths (``receive(sid, ["/home/me/a.jpg"])``) are read only by a core opened with
``local_files=True``: the surfaces whose caller is the local user (MCP over stdio). Everything
remote gets URLs and uploads only.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from reelforge.errors import MediaError, NotFound, ReelforgeError, shown
from reelforge.service import auth, credits, jobs, projects, quotas, renders, uploads
from reelforge.service.auth import Principal
from reelforge.service.config import Settings
from reelforge.service.context import Context
from reelforge.service.db import Account, now

LOCAL_ACCOUNT = "local"
LOCAL_CREDITS = 2_000_000_000   # the local user renders on their own machine: effectively unlimited


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "value"):
        return value.value
    return value


def check_instruction(text: str) -> None:
    """The instruction length limit of every surface (HTTP chat and /run_sse, MCP ``instruct``):
    planning cost grows with the text, so a long one is refused before any work (422, code 1)."""
    from reelforge.service.errors import Unprocessable
    from reelforge.service.schemas import MAX_INSTRUCTION_CHARS

    if len(text) > MAX_INSTRUCTION_CHARS:
        raise Unprocessable(f"the instruction is {len(text)} characters; the limit is "
                            f"{MAX_INSTRUCTION_CHARS}")


def is_url(source: str) -> bool:
    return urlsplit(source).scheme.lower() in ("http", "https")


class Core:
    """reelforge's use-cases over one `Context` (settings, database, storage, jobs)."""

    def __init__(self, ctx: Context, *, local_files: bool = False) -> None:
        self.ctx = ctx
        self.local_files = local_files

    # -- life --------------------------------------------------------------------------------
    @classmethod
    def open(cls, settings: Settings, *, local_files: bool = False) -> Core:
        """Open the database (migrated), storage and queue of ``settings`` (no worker yet)."""
        from reelforge.media.limits import set_decode_concurrency

        set_decode_concurrency(settings.image_decode_concurrency)  # N uploads never decode N pictures at once
        ctx = jobs.open_context(settings)
        ctx.jobs = jobs.Jobs(ctx)
        return cls(ctx, local_files=local_files)

    def start(self) -> int:
        """Recover renders a dead process left, sweep half-written files, and start the
        in-process worker when ``embedded_worker``; returns how many files were swept."""
        from reelforge.service.storage import sweep_incoming

        jobs.recover(self.ctx, self.ctx.jobs)
        swept = sweep_incoming(self.ctx.storage)
        if self.ctx.settings.embedded_worker:
            self.ctx.jobs.start_consumer()
        return swept

    def close(self) -> None:
        from reelforge.service import webhooks

        self.ctx.jobs.stop()
        webhooks.stop(self.ctx)
        self.ctx.db.dispose()

    @property
    def base(self) -> str:
        return self.ctx.settings.base_url

    # -- accounts ----------------------------------------------------------------------------
    def anonymous_token(self, client_id: str | None, ip: str | None = None) -> dict:
        return auth.issue_anonymous(self.ctx, client_id, ip)

    def local_account(self) -> Principal:
        """The account of the local user (embedded surfaces, no token): created on first use
        with effectively unlimited credits."""
        with self.ctx.db.tx() as s:
            if s.execute(select(Account.id).where(Account.id == LOCAL_ACCOUNT)).first() is None:
                s.add(Account(id=LOCAL_ACCOUNT, available=LOCAL_CREDITS, frozen=0, created=now()))
        return Principal(account_id=LOCAL_ACCOUNT, token_id=LOCAL_ACCOUNT)

    def credits(self, who: Principal) -> dict:
        with self.ctx.db.tx() as s:
            return credits.balance(s, who.account_id)

    # -- sessions ----------------------------------------------------------------------------
    def create_session(self, who: Principal, name: str = "project", language: str = "en",
                       skill: dict[str, str | None] | None = None) -> dict:
        return projects.create(self.ctx, who, name, language, skill or {})

    def list_sessions(self, who: Principal) -> list[dict]:
        """Every session of the account, newest first (at most ``max_sessions_per_account``)."""
        return projects.list_own(self.ctx, who)

    def list_sessions_page(self, who: Principal, limit: int = projects.LIST_DEFAULT,
                           cursor: str | None = None) -> dict:
        """``{"sessions": [...], "next": cursor | None}``: one page, newest first."""
        items, nxt = projects.list_page(self.ctx, who, limit, cursor)
        return {"sessions": items, "next": nxt}

    def delete_session(self, who: Principal, session_id: str) -> None:
        """Delete a session the caller owns with its media and renders (1002 otherwise);
        queued or running renders of it never complete and their credits come back."""
        projects.delete_session(self.ctx, who, session_id)

    def session(self, who: Principal, session_id: str) -> dict:
        row, sess = projects.load(self.ctx, who, session_id)
        out = projects.row_view(row)
        out["summary"] = projects.summary_of(sess)
        out["media"] = projects.media_info(sess)
        return out

    def check_session(self, who: Principal, session_id: str) -> None:
        """1002 unless the caller owns the session (before reading a byte of an upload)."""
        projects.load(self.ctx, who, session_id)

    def state(self, who: Principal, session_id: str) -> dict:
        return projects.state(self.ctx, who, session_id)

    def history(self, who: Principal, session_id: str, op: str) -> dict:
        """``op`` is ``undo`` or ``redo``: the new state with the reply's message."""
        if op not in ("undo", "redo"):
            raise ValueError(op)
        reply = projects.edit(self.ctx, who, session_id, lambda sess: getattr(sess, op)())
        out = self.state(who, session_id)
        out["message"] = reply.message
        out["changed"] = reply.changed
        out["status"] = reply.status
        return out

    def instruction_slot(self, who: Principal) -> Any:
        """One of the account's instructions being handled (`streams.take`; 429 past
        ``chats_per_account`` or ``chats``): release it when the instruction is done."""
        from reelforge.service import streams

        return streams.take(self.ctx, "chat", who.account_id, per_account=self.ctx.settings.chats_per_account,
                            total=self.ctx.settings.chats)

    def instruct(self, who: Principal, session_id: str, text: str, *,
                 skill: dict[str, str | None] | None = None, base: str | None = None,
                 slot: Any = None) -> dict[str, Any]:
        """Handle one instruction and commit it; "export" also queues the export, "credits"
        answers with the balance. Runs to completion whatever happens to the caller. ``slot``:
        one taken already (`instruction_slot`, by a stream before it starts); released here."""
        check_instruction(text)
        slot = slot if slot is not None else self.instruction_slot(who)
        try:
            return self._instruct(who, session_id, text, skill=skill, base=base)
        finally:
            slot.release()

    def _instruct(self, who: Principal, session_id: str, text: str, *,
                  skill: dict[str, str | None] | None, base: str | None) -> dict[str, Any]:

        def handle(sess):
            sess.local_files = self.local_files
            return sess.handle(text)

        reply = projects.edit(self.ctx, who, session_id, handle, skill)
        ops = _plain(list(reply.ops))
        if reply.changed and not ops:
            # A first cut (composed from the media) or an undo/redo changes the timeline without
            # edit ops: name that step, so a tool call never reads "no ops" beside "changed: true".
            step = _plain(reply.intent) if _plain(reply.intent) in ("undo", "redo") else "compose"
            ops = [{"op": step, "instruction": text}]
        out: dict[str, Any] = {
            "intent": _plain(reply.intent),
            "status": reply.status,
            "message": reply.message,
            "changed": reply.changed,
            "ops": ops,
            "summary": reply.summary,
            "version": reply.version,
        }
        if out["intent"] == "export" and out["status"] == "ok":
            from reelforge.service.errors import status_and_code

            try:
                out["export"] = self.export(who, session_id, base=base, quality=reply.quality or "standard")
            except ReelforgeError as exc:
                _, code = status_and_code(exc)
                out["export_error"] = {"code": code, "message": exc.message}
                out["message"] = (out["message"] + "\n" if out["message"] else "") + exc.message
        if out["intent"] == "credits":
            bal = self.credits(who)
            out["credits"] = bal
            out["message"] = (f"Credits: {bal['available']} available, {bal['frozen']} frozen "
                              f"(reserved by running exports), {bal['total']} total. An export costs "
                              "1 credit per started 10 seconds up to 1080p, 2 above; previews are free.")
        state = self.state(who, session_id)
        out["summary"] = out["summary"] or state["summary"]
        out["state"] = {k: state[k] for k in ("summary", "draft", "media", "revision", "version",
                                              "can_undo", "can_redo")}
        return out

    # -- media -------------------------------------------------------------------------------
    def receive(self, session_id: str, sources: Sequence[str], who: Principal | None = None) -> list[uploads.Received]:
        """Fetch http(s) URLs (SSRF-guarded, at once within the fetcher's bounds) and, for a
        local core only, copy local files, into the session's incoming folder; in the order
        given, all or nothing. At most ``url_max_per_request`` URLs, as over HTTP, and with
        ``who`` each stopped past the account's storage room as over HTTP (4002)."""
        clean = [str(src).strip() for src in sources]
        urls = [src for src in clean if is_url(src)]
        uploads.check_url_count(len(urls), self.ctx.settings)
        for src in clean:
            if not is_url(src) and "://" in src:
                raise MediaError(f"unsupported URL scheme in {shown(src)!r}: use http(s) URLs or local paths")
            if not is_url(src) and not self.local_files:
                raise MediaError("files on the server are never read for a remote caller: give http(s) "
                                 "URLs or upload the file")
        fetched = iter(self._fetch_all(urls, session_id, who)) if urls else iter(())
        got: list[uploads.Received] = []
        try:
            for src in clean:
                got.append(next(fetched) if is_url(src) else self._copy_local(src, session_id))
        except BaseException:
            uploads.remove(got)
            uploads.remove(list(fetched))
            raise
        return got

    def _fetch_all(self, urls: list[str], session_id: str, who: Principal | None = None) -> list[uploads.Received]:
        """The URLs through the one fetcher (`reelforge.media.fetch`: SSRF guard, limits, its
        bounded pool), concurrently and blocking: for callers without an event loop (the HTTP
        routes await `uploads.fetch_urls` instead). With ``who``, within the account's room."""
        from reelforge.errors import FileTooLarge
        from reelforge.media.fetch import shared_fetcher

        settings = self.ctx.settings
        room = None
        if who is not None:   # as the HTTP route: each URL stops at its first byte past the room
            room = uploads.Room(quotas.room(self.ctx, who.account_id), lambda: quotas.full(settings))
        limits = uploads.url_limits_within(settings, room)
        pool = shared_fetcher(settings.url_workers, settings.url_per_host)
        dests = [self.ctx.storage.incoming(session_id) for _ in urls]
        try:
            got = pool.fetch_all_blocking(urls, dests, limits)
        except FileTooLarge:
            uploads.raise_for_room(settings, room)
            raise
        return uploads.within_room(got, room)

    def _copy_local(self, src: str, session_id: str) -> uploads.Received:
        from reelforge.errors import FileTooLarge
        from reelforge.media.formats import human_size

        p = Path(src).expanduser()
        if not p.is_file():
            raise MediaError(f"file not found: {src}" if not p.exists() else f"not a file: {src}")
        size = p.stat().st_size
        limit = self.ctx.settings.max_upload_bytes
        if size > limit:
            raise FileTooLarge(f"{p.name}: file is larger than the {human_size(limit)} limit")
        part = self.ctx.storage.incoming(session_id)
        try:
            shutil.copyfile(p, part)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return uploads.Received(path=part, name=uploads.display_name(p.name, "file"), size=size)

    def add_assets(self, who: Principal, session_id: str, received: Sequence[uploads.Received], *,
                   skill: dict[str, str | None] | None = None) -> dict:
        """Probe received files (uploads, fetched URLs, `receive`; all or nothing) and put them
        in the session's library. Every partial file is removed on failure."""
        items = list(received)
        try:
            self.check_session(who, session_id)
            if not items:
                from reelforge.service.errors import BadRequest

                raise BadRequest("no file or URL in the request")
            pairs = uploads.ingest_received(items, self.ctx.storage, session_id,
                                            self.ctx.settings.max_upload_bytes, self.ctx.settings.pixel_limits)
        except BaseException as exc:
            uploads.remove(items)
            if isinstance(exc, OSError):  # e.g. its folder went with a session deleted meanwhile
                self.check_session(who, session_id)
            raise
        assets = [a for a, _ in pairs]
        # the same bytes again (an id is its content's): stored and counted once (13 uploads of one
        # file were 13 files against the account's storage, and one asset in the library)
        have = quotas.stored_asset_ids(self.ctx, session_id)
        keep, again = [], []
        for a, r in pairs:
            (again if a.id in have else keep).append((a, r))
            have.add(a.id)
        self._discard(session_id, again)
        pairs = keep
        reserved: list[str] = []
        try:
            # recorded (and counted against the account's storage) before the session uses them
            reserved = quotas.reserve(self.ctx, who.account_id, session_id, pairs)
            projects.edit(self.ctx, who, session_id, lambda sess: projects.add_assets(sess, assets), skill)
        except BaseException:
            quotas.unreserve(self.ctx, reserved)
            self._discard(session_id, pairs)
            raise
        state = self.state(who, session_id)
        by_id = {m["id"]: m for m in state["media"]}
        return {"session_id": session_id,
                "assets": [by_id[a.id] for a in assets if a.id in by_id],
                "media": state["media"], "summary": state["summary"]}

    def _discard(self, session_id: str, pairs: Sequence) -> None:
        """Remove the files of ingested assets the session did not take: each upload's own
        file. Ingest's copies in the session's work folder (upright, well-named) are named by
        content and may be another upload's too, so they stay (counted as the account's
        stored bytes, removed with the session)."""
        for _, received in pairs:
            try:
                Path(received.path).unlink(missing_ok=True)
            except OSError:  # pragma: no cover
                pass

    # -- exports -----------------------------------------------------------------------------
    def export(self, who: Principal, session_id: str, *, base: str | None = None, preset: str | None = None,
               quality: str = "standard", draft: dict | None = None, client_ref: str | None = None,
               preview: bool = False, callback_url: str | None = None) -> dict:
        """Reserve credits and queue a render of the session (or of ``draft``); its view.
        ``callback_url`` (else the account's default) is called when it finishes (webhooks)."""
        row = renders.create(self.ctx, who, session_id, preset=preset, quality=quality, draft=draft,
                             client_ref=client_ref, preview=preview, callback_url=callback_url)
        return renders.view(row, base or self.base, self.ctx)

    def export_status(self, who: Principal, export_id: str, base: str | None = None) -> dict:
        return renders.view(renders.get(self.ctx, who, export_id), base or self.base, self.ctx)

    def wait_export(self, who: Principal, export_id: str, seconds: float, base: str | None = None) -> dict:
        return renders.view(renders.wait(self.ctx, who, export_id, seconds), base or self.base, self.ctx)

    def list_exports(self, who: Principal, session_id: str, base: str | None = None) -> list[dict]:
        return [renders.view(r, base or self.base, self.ctx) for r in renders.list_for(self.ctx, who, session_id)]

    def export_file(self, who: Principal, export_id: str) -> Path:
        """The finished MP4 of an export the caller owns (1002 while it is not ready)."""
        row = renders.get(self.ctx, who, export_id)
        if row.status != "completed" or not row.output_path:
            raise NotFound(f"export {row.id} is not ready (status {row.status})")
        return Path(row.output_path)


    # -- hand-off: editors' timelines, caption files, webhooks ---------------------------------
    def export_timeline(self, who: Principal, session_id: str, fmt: str) -> bytes:
        """The session's current timeline as an editor's file (otio, xml, fcpxml, edl); media
        references are file names, never server paths."""
        from reelforge.interop.handoff import timeline_file

        _, sess = projects.load(self.ctx, who, session_id)
        if sess.timeline is None:
            raise NotFound(f"session {session_id} has no timeline yet: upload media and send an instruction first")
        return timeline_file(sess.timeline, fmt, name=f"reelforge-{session_id[:8]}")

    def export_captions(self, who: Principal, export_id: str, fmt: str) -> str:
        return renders.caption_text(renders.get(self.ctx, who, export_id), fmt)

    def export_transcript(self, who: Principal, export_id: str, fmt: str) -> str:
        """The SRT/WebVTT of what the export's voiceover says (`NotFound` saying why not)."""
        from reelforge.service import transcripts

        return transcripts.text(self.ctx, renders.get(self.ctx, who, export_id), fmt)

    def webhook(self, who: Principal) -> dict:
        from reelforge.service import webhooks

        return webhooks.account_view(self.ctx, who)

    def set_webhook(self, who: Principal, url: str | None, *, rotate_secret: bool = False) -> dict:
        from reelforge.service import webhooks

        return webhooks.set_account(self.ctx, who, url, rotate_secret=rotate_secret)


def core_of(ctx: Context) -> Core:
    """The (remote-caller) core of a service context."""
    core = ctx.extra.get("core")
    if core is None:
        core = ctx.extra["core"] = Core(ctx)
    return core
