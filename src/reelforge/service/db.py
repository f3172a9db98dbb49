"""Metadata: SQLAlchemy 2 typed models, the engine, and migrations run at startup.

Timestamps are UTC epoch seconds (floats): portable across SQLite and PostgreSQL and trivially
comparable. Tokens are stored as sha256 hex digests only; the token itself is shown once.

SQLite connections begin every transaction with ``BEGIN IMMEDIATE`` so that read-then-write
transactions from the API threads, the embedded worker and a separate worker process queue
up on the busy timeout instead of failing with "database is locked".

PostgreSQL (``REELFORGE_DATABASE_URL=postgresql://...``, psycopg 3, ``reelforge[scale]``) runs
at its default READ COMMITTED: state changes are conditional UPDATEs checked by rowcount, and
read-then-write code locks the row it decides on (``SELECT ... FOR UPDATE``, a no-op on SQLite).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Engine,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
MIGRATION_LOCK = 0x7265656C  # pg_advisory_xact_lock key held while migrating ("reel")


def now() -> float:
    return time.time()


def clean(value: str | None, limit: int) -> str | None:
    """Client text for a ``String(limit)`` column: PostgreSQL rejects NUL characters and
    values longer than the column (SQLite stores both), so drop the one and cut the other."""
    if value is None:
        return None
    return value.replace("\x00", "")[:limit]


def lookup_key(value: object) -> bool:
    """Whether a client-given id/key can name a row at all: a NUL in a query parameter is an
    error on PostgreSQL, and every id we make is short. (False -> answer "not found".)"""
    return isinstance(value, str) and "\x00" not in value and len(value) <= 200


class Base(DeclarativeBase):
    pass


class Account(Base):
    """A credit account. ``total`` is derived: available + frozen (never stored)."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint("available >= 0", name="ck_accounts_available_nonneg"),
                      CheckConstraint("frozen >= 0", name="ck_accounts_frozen_nonneg"))
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    available: Mapped[int] = mapped_column(Integer, default=0)
    frozen: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[float] = mapped_column(Float, default=now)
    webhook_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    """Default callback URL of this account's exports (`reelforge.service.webhooks`)."""
    webhook_secret: Mapped[str | None] = mapped_column(String(80), nullable=True)
    """Key of the HMAC-SHA256 signature on webhook deliveries (made on first use)."""


class Token(Base):
    __tablename__ = "tokens"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    client_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created: Mapped[float] = mapped_column(Float, default=now)
    expires: Mapped[float] = mapped_column(Float)


class AnonymousIssue(Base):
    """Rate-limit record: when a client id last got an anonymous token."""

    __tablename__ = "anonymous_issues"
    client_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    issued_at: Mapped[float] = mapped_column(Float)
    count: Mapped[int] = mapped_column(Integer, default=1)


class RateWindow(Base):
    """Usage of one limited thing (``key``, e.g. ``preview-seconds:<account>``) in the fixed
    window that started at ``window_start`` (see `reelforge.service.limits`)."""

    __tablename__ = "rate_windows"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    window_start: Mapped[float] = mapped_column(Float)
    used: Mapped[float] = mapped_column(Float, default=0.0)


class ProjectSession(Base):
    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="project")
    language: Mapped[str] = mapped_column(String(16), default="en")
    project: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=0)
    skill_source: Mapped[str | None] = mapped_column(String(200), nullable=True)
    skill_version: Mapped[str | None] = mapped_column(String(200), nullable=True)
    skill_platform: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created: Mapped[float] = mapped_column(Float, default=now)
    updated: Mapped[float] = mapped_column(Float, default=now)


class StoredAsset(Base):
    __tablename__ = "assets"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), index=True)
    asset_id: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(Integer, default=0)
    source_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    created: Mapped[float] = mapped_column(Float, default=now)


class Render(Base):
    """An export or a preview. status: queued|running|completed|failed;
    stage: queued -> rendering -> finalizing -> completed | failed."""

    __tablename__ = "renders"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), index=True)
    client_ref: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(16), default="export")
    status: Mapped[str] = mapped_column(String(16), default="queued")
    stage: Mapped[str] = mapped_column(String(16), default="queued")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    cost: Mapped[int] = mapped_column(Integer, default=0)
    preset: Mapped[str | None] = mapped_column(String(32), nullable=True)
    quality: Mapped[str] = mapped_column(String(16), default="standard")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    timeline: Mapped[str] = mapped_column(Text)
    output_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    download_key: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created: Mapped[float] = mapped_column(Float, default=now)
    updated: Mapped[float] = mapped_column(Float, default=now)
    started: Mapped[float | None] = mapped_column(Float, nullable=True)
    finished: Mapped[float | None] = mapped_column(Float, nullable=True)
    captions: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """On-screen caption cues of the timeline (caption files are offered when > 0)."""
    callback_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    webhook_state: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """None (no webhook) | pending | delivered | failed."""
    webhook_log: Mapped[str | None] = mapped_column(Text, nullable=True)
    """JSON list of delivery attempts: {"at", "status_code", "error", "ms"}."""
    # a chunked export (`reelforge.service.jobs`): video chunks in it, and of them reused from
    # the chunk cache
    chunks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    chunks_reused: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # the voiceover's transcript as caption files (`reelforge.service.transcripts`)
    transcript_state: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """none | pending | running | ready | unavailable | failed (None: a row older than the column)."""
    transcript_info: Mapped[str | None] = mapped_column(Text, nullable=True)
    """JSON: {"reason": why there is no file, "cues": cue count, "at": when it was claimed}."""


class RenderChunk(Base):
    """One chunk of an export, a task of its own on the queue. ``idx`` -1 is the audio.
    status: queued -> running -> done (``worker`` holds it while running; ``updated`` is its
    heartbeat)."""

    __tablename__ = "render_chunks"
    render_id: Mapped[str] = mapped_column(ForeignKey("renders.id"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    first: Mapped[int] = mapped_column(Integer, default=0)
    end: Mapped[int] = mapped_column(Integer, default=0)
    key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    reused: Mapped[bool] = mapped_column(Boolean, default=False)
    worker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[float] = mapped_column(Float, default=now)


class Database:
    """The engine plus a session factory; ``with db.tx() as s:`` is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def tx(self) -> Iterator[Session]:
        with self.factory() as s, s.begin():
            yield s

    def upgrade(self) -> None:
        upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # pragma: no cover - driver plumbing
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):  # pragma: no cover - driver plumbing
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


def upgrade(engine: Engine) -> None:
    """``alembic upgrade head`` programmatically (no hand steps, no logging config)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # API processes and workers may start at the same moment against one database:
            # one migrates, the others wait here and then find the schema at head. (PostgreSQL
            # DDL is transactional; on SQLite BEGIN IMMEDIATE already serialises this.)
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
