"""Alembic environment: migrates the engine the service hands over, or KENESH_DATABASE_URL from the command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from service.storage.db import make_engine
from service.storage.tables import Base, include_name

config = context.config


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine
    from service.settings import get_settings

    return make_engine(get_settings().database_url)


def run_migrations_online() -> None:
    engine = _engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            # SQLite cannot ALTER most things in place; batch mode copies the table instead.
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
