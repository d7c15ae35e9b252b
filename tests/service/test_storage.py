"""The archive's schema: migrations build exactly the tables of tables.py, on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import Base, JobState, Role, include_name

MIGRATORS = 4


@pytest.mark.fresh_database
def test_migrations_match_the_tables_and_run_twice(settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    migrate(engine)
    migrate(engine)  # every start migrates: a second run changes nothing
    with engine.connect() as connection:
        # include_name: the full-text objects of migration 0002 are not in the metadata (see tables.py).
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
        assert {"documents", "document_files", "records", "jobs", "tokens"} <= tables
    engine.dispose()


def test_a_job_is_claimed_once(settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    migrate(engine)
    factory = make_session_factory(engine)
    with session_scope(factory) as session:
        token, _ = repo.create_token(session, Role.ARCHIVIST)
        document = repo.add_document(session, "Текст.".encode(), "a.txt", "text/plain", token.id)
        job = repo.add_job(session, document.id, token.id)
    with session_scope(factory) as session:
        assert repo.claim_job(session, job.id)
        assert not repo.claim_job(session, job.id)
        assert repo.requeue_interrupted(session) == [job.id]
        assert repo.claim_job(session, job.id)
        repo.finish_job(session, job.id, JobState.DONE)
    with factory() as session:
        stored = repo.get_job(session, job.id)
        assert stored is not None
        assert (stored.state, stored.attempts, stored.percent) == ("done", 2, 100)
        assert repo.requeue_interrupted(session) == []
    engine.dispose()


def _migrate_together(url: str, barrier: Any, errors: Any) -> None:
    engine = make_engine(url)
    try:
        with engine.connect():  # connected (and imported) before the start, so that all migrate at once
            pass
        barrier.wait(timeout=120)
        migrate(engine)
    except Exception as exc:
        errors.put(f"{type(exc).__name__}: {exc}")
    finally:
        engine.dispose()


@pytest.mark.fresh_database
def test_processes_started_together_migrate_one_empty_database(settings: Settings) -> None:
    # `kenesh serve` and two workers started at once on an empty database: each migrates, none may fail.
    spawn = multiprocessing.get_context("spawn")
    barrier, errors = spawn.Barrier(MIGRATORS), spawn.Queue()
    processes = [
        spawn.Process(target=_migrate_together, args=(settings.database_url, barrier, errors)) for _ in range(MIGRATORS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=180)
    assert [process.exitcode for process in processes] == [0] * MIGRATORS
    failures = []
    while not errors.empty():
        failures.append(errors.get())
    assert failures == []
    engine = make_engine(settings.database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


@pytest.mark.fresh_database
def test_migration_0007_adds_organization_decisions_to_an_archive(settings: Settings) -> None:
    """An archive at 0006 with an organization takes 0007: its decisions get an author and a time; and back."""
    import uuid

    from alembic import command
    from sqlalchemy import text

    from service.storage.db import alembic_config
    from service.storage.tables import OrganizationDecision

    engine = make_engine(settings.database_url)
    config = alembic_config(engine)
    command.upgrade(config, "0006")
    organization_id = uuid.uuid4()
    with engine.begin() as connection:
        assert "organization_decisions" not in inspect(connection).get_table_names()
        connection.execute(
            text("INSERT INTO archive_organizations (id, name, aliases, created_at) VALUES (:id, :name, '[]', :at)"),
            {
                "id": organization_id.hex if engine.dialect.name == "sqlite" else organization_id,
                "name": "Госдума",
                "at": "2026-12-01T10:00:00+00:00",
            },
        )
    command.upgrade(config, "0007")
    factory = make_session_factory(engine)
    with session_scope(factory) as session:
        token, _ = repo.create_token(session, Role.ARCHIVIST, "aigul")
        session.add(
            OrganizationDecision(
                organization_id=organization_id,
                action="rename",
                names=["Госдума"],
                other_name="ГД",
                author_id=token.id,
                author_name=token.name,
            )
        )
    with factory() as session:
        (stored,) = session.query(OrganizationDecision).all()
        assert (stored.author_name, stored.names, stored.created_at is not None) == ("aigul", ["Госдума"], True)
    command.downgrade(config, "0006")
    with engine.connect() as connection:
        assert "organization_decisions" not in inspect(connection).get_table_names()
        assert connection.execute(text("SELECT name FROM archive_organizations")).scalar_one() == "Госдума"
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()
