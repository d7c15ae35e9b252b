"""The archive: SQLAlchemy tables, sessions and repositories, with the schema kept by Alembic migrations."""
