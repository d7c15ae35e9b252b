"""Shared fixtures: the NLP pipeline is loaded once per test session, as in production."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from spacy.language import Language
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS_DEV = SHARED / "corpus-dev"
CORPUS_GENRE = SHARED / "corpus-genre"
NEREL_TRAIN = SHARED / "nerel-train"
# Blind: written without looking at the pipeline, and no rule may be read from it (its README).
HELDOUT_GENRE = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre"
HELDOUT_GENRE_2 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-2"
HELDOUT_GENRE_3 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-3"
HELDOUT_GENRE_4 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-4"
HELDOUT_GENRE_5 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-5"
HELDOUT_GENRE_6 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-6"
HELDOUT_GENRE_7 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-7"
HELDOUT_GENRE_8 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-8"
HELDOUT_GENRE_9 = Path(__file__).resolve().parents[1] / "corpus" / "heldout-genre-9"

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
