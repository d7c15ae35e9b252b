"""The research index: meetings (with lemmatised text for search), archive persons and organizations, their
appearances per document, topics per meeting; SQLite FTS5 / PostgreSQL GIN full-text index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("date_text", sa.String(length=10), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("lemmas", sa.Text(), nullable=True),
        sa.Column("record_version", sa.Integer(), nullable=True),
        sa.Column("indexed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_meetings_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_meetings")),
    )
    op.create_index(op.f("ix_meetings_date"), "meetings", ["date"], unique=False)

    op.create_table(
        "archive_persons",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("surname", sa.String(length=200), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("patronymic", sa.String(length=100), nullable=True),
        sa.Column("initials", sa.String(length=20), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_persons")),
    )
    op.create_table(
        "archive_organizations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_organizations")),
    )
    op.create_table(
        "organization_names",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["archive_organizations.id"],
            name=op.f("fk_organization_names_organization_id_archive_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization_names")),
    )
    op.create_index(op.f("ix_organization_names_key"), "organization_names", ["key"], unique=False)
    op.create_index(
        op.f("ix_organization_names_organization_id"), "organization_names", ["organization_id"], unique=False
    )

    op.create_table(
        "person_appearances",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("record_person_id", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("surname", sa.String(length=200), nullable=False),
        sa.Column("surname_key", sa.String(length=200), nullable=False),
        sa.Column("name_keys", sa.Text(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("patronymic", sa.String(length=100), nullable=True),
        sa.Column("initials", sa.String(length=20), nullable=True),
        sa.Column("position", sa.Text(), nullable=True),
        sa.Column("organization", sa.Text(), nullable=True),
        sa.Column("organization_id", sa.Uuid(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("spoke", sa.Boolean(), nullable=False),
        sa.Column("quote_count", sa.Integer(), nullable=False),
        sa.Column("quotes", sa.JSON(), nullable=False),
        sa.Column("decided_by", sa.String(length=20), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_person_appearances_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["archive_organizations.id"],
            name=op.f("fk_person_appearances_organization_id_archive_organizations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["archive_persons.id"],
            name=op.f("fk_person_appearances_person_id_archive_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_appearances")),
    )
    for column in ("document_id", "person_id", "surname_key", "organization_id"):
        op.create_index(op.f(f"ix_person_appearances_{column}"), "person_appearances", [column], unique=False)

    op.create_table(
        "organization_appearances",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_organization_appearances_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["archive_organizations.id"],
            name=op.f("fk_organization_appearances_organization_id_archive_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization_appearances")),
        sa.UniqueConstraint(
            "document_id", "organization_id", name=op.f("uq_organization_appearances_document_id_organization_id")
        ),
    )
    for column in ("document_id", "organization_id"):
        op.create_index(
            op.f(f"ix_organization_appearances_{column}"), "organization_appearances", [column], unique=False
        )

    op.create_table(
        "meeting_topics",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("topic_id", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_meeting_topics_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_topics")),
        sa.UniqueConstraint("document_id", "topic_id", name=op.f("uq_meeting_topics_document_id_topic_id")),
    )
    for column in ("document_id", "topic_id", "date"):
        op.create_index(op.f(f"ix_meeting_topics_{column}"), "meeting_topics", [column], unique=False)

    # Full text over the lemma string. SQLite: an FTS5 table kept in step by storage/index.py (rowid-free,
    # keyed by document id). PostgreSQL: a GIN index on the same expression the search query uses.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE meetings_fts USING fts5("
            "lemmas, document_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')"
        )
    else:
        op.execute("CREATE INDEX ix_meetings_lemmas_fts ON meetings USING GIN (to_tsvector('simple', lemmas))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS meetings_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_meetings_lemmas_fts")
    op.drop_table("meeting_topics")
    op.drop_table("organization_appearances")
    op.drop_table("person_appearances")
    op.drop_table("organization_names")
    op.drop_table("archive_organizations")
    op.drop_table("archive_persons")
    op.drop_table("meetings")
