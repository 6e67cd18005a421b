"""deadline yellow_from: the first yellow day stored with the due date, so "yellow today" is exact

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STALE_KEY = "sla_deadlines_stale"  # services.sla_config.STALE_KEY: the next refresh recomputes every deadline


def upgrade() -> None:
    with op.batch_alter_table("case_deadlines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("yellow_from", sa.Date(), nullable=True))
        batch_op.create_index(
            "ix_case_deadlines_status_yellow", ["status", "yellow_from", "effective_due"], unique=False
        )
    meta = sa.table("app_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.execute(meta.delete().where(meta.c.key == STALE_KEY))
    op.execute(meta.insert().values(key=STALE_KEY, value="1"))


def downgrade() -> None:
    with op.batch_alter_table("case_deadlines", schema=None) as batch_op:
        batch_op.drop_index("ix_case_deadlines_status_yellow")
        batch_op.drop_column("yellow_from")
