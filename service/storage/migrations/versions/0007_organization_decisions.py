"""Who merged, renamed or split an organization, and when.

A person's identity decisions carried their author and time in the appearance's evidence; an organization's
lived only in `organization_names`, with nobody's name on them. `organization_decisions` records each one.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organization_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("other_id", sa.Uuid(), nullable=True),
        sa.Column("other_name", sa.Text(), nullable=True),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("author_name", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["archive_organizations.id"],
            name="fk_organization_decisions_organization_id_archive_organizations",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["tokens.id"], name="fk_organization_decisions_author_id_tokens", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_organization_decisions"),
    )
    op.create_index(
        "ix_organization_decisions_organization_id", "organization_decisions", ["organization_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_organization_decisions_organization_id", table_name="organization_decisions")
    op.drop_table("organization_decisions")
