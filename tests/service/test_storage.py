"""The archive's schema: migrations build exactly the tables of tables.py, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from service.settings import Settings
from service.storage import repositories as repo
from service.storage.db import make_engine, make_session_factory, migrate, session_scope
from service.storage.tables import Base, JobState, Role, include_name


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
