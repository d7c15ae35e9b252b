"""Limits a user can tune per run: read from KENESH_<NAME> environment variables at each call."""

from __future__ import annotations

import os


def limit(name: str, default: float) -> float:
    """A reader limit, overridable as the environment variable KENESH_<NAME> (read at each call, so a
    service or a test can change it without a restart)."""
    raw = os.environ.get(f"KENESH_{name}")
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError:
        return default
