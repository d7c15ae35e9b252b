"""One queued or running job per document, enforced by the database.

Re-extractions asked for at once each saw no active job and each queued one (five requests: five jobs, ten
versions). A partial unique index makes the second insert fail in every process, whatever the timing; the
routes answer it with 409. Active duplicates left by that race are failed first (the newest one stays).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ACTIVE = "state IN ('queued', 'running')"


def upgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE jobs SET state = 'failed', error = 'superseded by a newer job of the document', "
            f"finished_at = CURRENT_TIMESTAMP WHERE {ACTIVE} AND EXISTS (SELECT 1 FROM jobs AS newer "
            f"WHERE newer.document_id = jobs.document_id AND newer.{ACTIVE} "
            "AND (newer.created_at > jobs.created_at OR (newer.created_at = jobs.created_at AND newer.id > jobs.id)))"
        )
    )
    op.create_index(
        "uq_jobs_active_document",
        "jobs",
        ["document_id"],
        unique=True,
        sqlite_where=sa.text(ACTIVE),
        postgresql_where=sa.text(ACTIVE),
    )


def downgrade() -> None:
    op.drop_index("uq_jobs_active_document", table_name="jobs")
