"""Shared fixtures: the NLP pipeline is loaded once per test session, as in production."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from spacy.language import Language
from sqlalchemy.engine import make_url

from models import gold_sets

ROOT, SHARED = gold_sets.ROOT, gold_sets.SHARED
CORPUS_DEV = gold_sets.GOLD_SETS["dev"]
CORPUS_GENRE = gold_sets.GOLD_SETS["genre"]
NEREL_TRAIN = gold_sets.GOLD_SETS["nerel"]

# Under pytest-xdist (`-n 2`, the README's test command) each worker process runs its share of the tests on
# servers' databases of its own, named for the worker (gw0, gw1, ...): tests that empty a database, or a Celery
# worker that takes every job of its queue, never meet another worker's. Without xdist, the URLs as given.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def worker_postgres_url(url: str | None) -> str | None:
    """This worker's PostgreSQL database beside the one given (`kenesh_test` -> `kenesh_test_gw1`)."""
    if not url or not XDIST_WORKER:
        return url
    given = make_url(url)
    return given.set(database=f"{given.database}_{XDIST_WORKER}").render_as_string(hide_password=False)


def worker_redis_url(url: str | None) -> str | None:
    """This worker's Redis database: the given index plus the worker's number (`/0` -> `/1` for gw1)."""
    if not url or not XDIST_WORKER:
        return url
    parts = urlsplit(url)
    index = int(parts.path.strip("/") or 0) + int(XDIST_WORKER.removeprefix("gw"))
    # Redis has 16 databases unless configured otherwise: past them, SELECT fails with a message of its own.
    return urlunsplit(parts._replace(path=f"/{index}"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    from pipelines.nlp import load_nlp

    return load_nlp()
