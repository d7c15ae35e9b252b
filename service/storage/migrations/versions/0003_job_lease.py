"""Job leases: when a worker claimed (or last reported on) a job, and its automatic tries since it was queued.

A worker killed mid-document leaves its job running; the lease lets another worker take it over once
`claimed_at` is older than KENESH_JOB_LEASE_SECONDS, and `tries` bounds how often that happens.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("tries", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("tries")
        batch.drop_column("claimed_at")
