"""The archive service under test: an empty archive per test, on SQLite and (when one is given) PostgreSQL.

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
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from service.api.main import create_app
from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import Role
from tests.conftest import CORPUS_DEV, XDIST_WORKER, worker_postgres_url

GIVEN_POSTGRES_URL = os.environ.get("KENESH_TEST_POSTGRES_URL")
POSTGRES_URL = worker_postgres_url(GIVEN_POSTGRES_URL)
SAMPLE = CORPUS_DEV / "mbos-bishkek.txt"
JOB_TIMEOUT = 120.0


class PostgresArchive:
    """The tests' PostgreSQL database, migrated once per session and emptied between tests.

    Dropping and re-migrating the schema for each of ~200 tests cost about a second apiece; emptying every
    table (and restarting its sequences, so ids start over as in a new archive) gives each test the same empty
    archive at head. A guard compares the schema with the one the migrations built before each test:
    a test that changed it (a downgrade, a dropped schema) leaves it to be built again, never to be reused.
    Tests that migrate themselves are marked `fresh_database` and get an empty database, as on a first start.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        self.migrated: list[tuple[str, ...]] | None = None  # the schema as migrated, while it still stands
        self.tables: list[str] = []  # its tables, each before the tables it references

    def fresh(self) -> str:
        """An empty database, as on a first start: no schema, no alembic version."""
        with self.engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        self.migrated = None
        return self.url

    def emptied(self) -> str:
        """The database at head with every table empty."""
        if self.migrated is None or self._schema() != self.migrated:
            self.fresh()
            engine = make_engine(self.url)
            migrate(engine)
            engine.dispose()
            self.migrated = self._schema()
            self.tables = self._deletion_order()
        with self.engine.begin() as connection:
            # Only the tables the last test wrote to, children before parents: DELETE of the few rows a test
            # leaves is ~1 ms a table where TRUNCATE gives each table and index new files (~100 ms for all of
            # them, per test). A DELETE trigger would see the rows go where TRUNCATE fires none: with one in
            # the schema, TRUNCATE.
            filled = set(
                connection.scalars(
                    text(" UNION ALL ".join(f"SELECT '{t}' WHERE EXISTS (SELECT FROM \"{t}\")" for t in self.tables))
                )
            )
            if any(kind == "trigger" for kind, *_ in self.migrated):
                names = ", ".join(f'"{table}"' for table in sorted(filled))
                statements = [f"TRUNCATE {names} CASCADE"] if filled else []
            else:
                statements = [f'DELETE FROM "{table}"' for table in self.tables if table in filled]
            for statement in statements:
                connection.exec_driver_sql(statement)
            # Ids start over as in a new archive, those of a rolled-back insert too (its sequence moved on).
            for sequence in connection.scalars(
                text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL")
            ):
                connection.exec_driver_sql(f'ALTER SEQUENCE "{sequence}" RESTART')
        return self.url

    def _deletion_order(self) -> list[str]:
        """The archive's tables (not alembic_version), each one listed before every table it references."""
        with self.engine.connect() as connection:
            tables = connection.scalars(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")
            ).all()
            references = connection.execute(
                text(
                    "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                    " WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid"
                )
            ).all()
        parents = {table: {parent for child, parent in references if child == table} for table in sorted(tables)}
        order: list[str] = []
        while parents:
            # The tables no remaining table references go first; a cycle would leave none.
            free = [table for table in parents if not any(table in others for others in parents.values())]
            assert free, f"foreign keys in a cycle: {parents}"
            order += free
            for table in free:
                del parents[table]
        return order

    def _schema(self) -> list[tuple[str, ...]]:
        """Every column, constraint, index, trigger and function of the public schema, and the alembic version."""
        with self.engine.connect() as connection:
            rows = connection.execute(text(_SCHEMA_QUERY)).all()
        return [tuple(str(value) for value in row) for row in rows]


_SCHEMA_QUERY = """
SELECT 'column', c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL
SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
UNION ALL
SELECT 'trigger', tgrelid::regclass::text || '.' || tgname, pg_get_triggerdef(oid)
  FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE 'pg_%'
UNION ALL
SELECT 'function', proname, pg_get_function_identity_arguments(oid)
  FROM pg_proc WHERE pronamespace = 'public'::regnamespace
UNION ALL
SELECT 'version', 'alembic_version', (SELECT string_agg(version_num, ',') FROM alembic_version)
 WHERE to_regclass('public.alembic_version') IS NOT NULL
ORDER BY 1, 2, 3
"""


@pytest.fixture(scope="session", autouse=True)
def _worker_postgres_database() -> None:
    """Under xdist, this worker's PostgreSQL database, created beside the given one on the same server."""
    if not XDIST_WORKER or not GIVEN_POSTGRES_URL or not POSTGRES_URL:
        return
    name = make_url(POSTGRES_URL).database
    server = create_engine(GIVEN_POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}):
                connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        server.dispose()


@pytest.fixture(scope="session")
def postgres_archive() -> Iterator[PostgresArchive]:
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("KENESH_TEST_POSTGRES_URL is not set: CI must run the PostgreSQL tests (.ci/postgres.sh)")
        pytest.skip("KENESH_TEST_POSTGRES_URL is not set (start one with `bash .ci/postgres.sh`)")
    archive = PostgresArchive(POSTGRES_URL)
    yield archive
    archive.engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An archive for one test: a new SQLite file, or the PostgreSQL database emptied at head (or, for a test
    marked `fresh_database`, without any schema)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kenesh.db'}"
    archive: PostgresArchive = request.getfixturevalue("postgres_archive")
    if request.node.get_closest_marker("fresh_database"):
        return archive.fresh()
    return archive.emptied()


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
    starts as a copy of it (PostgresArchive migrates the PostgreSQL half once; test_storage.py tests the migrations)."""
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


# The apps built so far, by their settings but the database. Building one's routes (a pydantic schema for every
# parameter and answer of ~90 operations) took ~0.13 s of CPU, for each of several hundred tests.
_apps: dict[str, FastAPI] = {}


def app_for(settings: Settings) -> FastAPI:
    """An app as `create_app(settings)` builds it, ready for a new lifespan on a new archive.

    The routes, middleware classes and their options, templates and OpenAPI schema depend on the settings only;
    what a test can change lives in what the lifespan makes (engine, queue, extractor, streams), made anew when
    the test's client starts, and in the middleware objects (token cache, rate-limit and failed-auth windows),
    built anew from their classes and options at the first request after `middleware_stack` is cleared.
    """
    key = settings.model_dump_json(exclude={"database_url"})
    if key not in _apps:
        _apps[key] = create_app(settings)
    app = _apps[key]
    app.state.settings = settings
    app.middleware_stack = None
    return app


@pytest.fixture
def client(settings: Settings, tokens: dict[str, str]) -> Iterator[TestClient]:
    with TestClient(app_for(settings)) as test_client:
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
