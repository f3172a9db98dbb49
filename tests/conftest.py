"""Shared test configuration. Each test folder adds its own fixtures in its own conftest."""

from __future__ import annotations

import os

# never let a test reach out for models or hubs
os.environ.setdefault("HF_HUB_OFFLINE", "1")
