"""Review and page images: which record version an archivist checked, and the rendered pages of scans and PDFs.

`documents.reviewed_version` (with who and when) is the review queue's flag: a document is unreviewed while it
is empty. `document_pages` holds each page of a scan or PDF as a PNG, rendered once by the extraction job, so
the document page shows the image beside the text it was read into.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("reviewed_version", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("reviewed_by", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            "fk_documents_reviewed_by_tokens", "tokens", ["reviewed_by"], ["id"], ondelete="SET NULL"
        )
    op.create_table(
        "document_pages",
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_document_pages_document_id_documents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("document_id", "page", name="pk_document_pages"),
    )


def downgrade() -> None:
    op.drop_table("document_pages")
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint("fk_documents_reviewed_by_tokens", type_="foreignkey")
        batch.drop_column("reviewed_by")
        batch.drop_column("reviewed_at")
        batch.drop_column("reviewed_version")
