"""Limits a user can tune per run: read from KENESH_<NAME> environment variables at each call."""

from __future__ import annotations

import os

# Larger inputs are refused up front: a meeting document is kilobytes, and NLP time grows with size.
MAX_INPUT_BYTES = 10 * 1024 * 1024


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
