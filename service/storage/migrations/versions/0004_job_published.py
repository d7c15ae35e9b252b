"""Job publication: when a job was last handed to the Celery broker.

A job whose hand-over failed (the broker was down: the upload got a 503) keeps `published_at` empty, and the
periodic sweep (service/jobs/sweep.py) hands it over once the broker is back; one handed over long ago but
missing from an empty broker queue (a broker restarted without persistence) is handed over again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("published_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("published_at")
