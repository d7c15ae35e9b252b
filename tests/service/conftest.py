"""The archive service under test: a fresh database per test, on SQLite and (when one is given) PostgreSQL.

`.ci/postgres.sh` starts PostgreSQL and CI exports its URL as KENESH_TEST_POSTGRES_URL; without it the
PostgreSQL half is skipped here and fails in CI, so that CI never passes on SQLite alone.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from service.api.main import create_app
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import Role
from tests.conftest import CORPUS_DEV

POSTGRES_URL = os.environ.get("KENESH_TEST_POSTGRES_URL")
SAMPLE = CORPUS_DEV / "mbos-bishkek.txt"
JOB_TIMEOUT = 120.0


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kenesh.db'}"
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("KENESH_TEST_POSTGRES_URL is not set: CI must run the PostgreSQL tests (.ci/postgres.sh)")
        pytest.skip("KENESH_TEST_POSTGRES_URL is not set (start one with `bash .ci/postgres.sh`)")
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:  # an empty database, as on a first start
        connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    engine.dispose()
    return POSTGRES_URL


@pytest.fixture
def settings(database_url: str) -> Settings:
    # Models load on the first document (once per test session), not again at every app start.
    # No rate limits: the tests poll jobs far faster than a client would, and try every endpoint without a token
    # (test_api_limits.py sets them). Extraction in the test process (test_extraction_processes.py forks the
    # processes), where its models are loaded once per session.
    return Settings(
        database_url=database_url,
        warm_up=False,
        sse_poll_seconds=0.05,
        rate_limit_per_minute=0,
        failed_auth_per_minute=0,
        extract_processes=0,
    )


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite archive at the newest migration, migrated once per session: each test's SQLite archive
    starts as a copy of it (the PostgreSQL half migrates its own; test_storage.py tests the migrations)."""
    path = tmp_path_factory.mktemp("migrated") / "kenesh.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    return path


@pytest.fixture
def tokens(settings: Settings, migrated_sqlite: Path) -> dict[str, str]:
    """One token per role, in a migrated database, as `kenesh token create` makes them."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        with closing(sqlite3.connect(migrated_sqlite)) as source, closing(sqlite3.connect(url.database)) as copy:
            source.backup(copy)
    engine = make_engine(settings.database_url)
    migrate(engine)  # a no-op on the copy
    with session_scope(make_session_factory(engine)) as session:
        plain = {role.value: repo.create_token(session, role, f"test {role.value}")[1] for role in Role}
    engine.dispose()
    return plain


@pytest.fixture
def client(settings: Settings, tokens: dict[str, str]) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def upload(client: TestClient, token: str, *files: tuple[str, bytes]) -> Any:
    response = client.post(
        "/v1/documents", headers=bearer(token), files=[("files", (name, data, "text/plain")) for name, data in files]
    )
    return response


def wait_for_job(client: TestClient, token: str, job_id: str, timeout: float = JOB_TIMEOUT) -> dict[str, Any]:
    """The job once it is done or failed."""
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(f"/v1/jobs/{job_id}", headers=bearer(token)).json()
        if job["state"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def sse_events(client: TestClient, token: str, path: str) -> list[tuple[str, dict[str, Any]]]:
    """Every (event, data) of a Server-Sent Events stream read to its end; comments (keep-alives) left out."""
    events = []
    with client.stream("GET", path, headers=bearer(token)) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        for block in response.read().decode().split("\n\n"):
            fields = dict(line.split(": ", 1) for line in block.splitlines() if line and not line.startswith(":"))
            if fields:
                events.append((fields["event"], json.loads(fields["data"])))
    return events
