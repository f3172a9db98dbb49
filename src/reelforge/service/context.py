"""What request handlers share: settings, database, storage, the job queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from reelforge.service.config import Settings
from reelforge.service.db import Database
from reelforge.service.storage import Storage


@dataclass
class Context:
    settings: Settings
    db: Database
    storage: Storage
    jobs: Any = None  # reelforge.service.jobs.Jobs
    extra: dict[str, Any] = field(default_factory=dict)


def get_ctx(request: Request) -> Context:
    return request.app.state.ctx
