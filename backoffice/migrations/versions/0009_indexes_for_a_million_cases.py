"""indexes for 1,000,000 cases: the case list's orders and filters, the monthly completion counts

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_status_reported", ["status", "reported_at", "id"], unique=False)
        batch_op.create_index(
            "ix_cases_complexity_reported", ["complexity", "reported_at", "id"], unique=False
        )
        batch_op.create_index("ix_cases_estimated_loss_id", ["estimated_loss_fen", "id"], unique=False)
    with op.batch_alter_table("case_deadlines", schema=None) as batch_op:
        batch_op.create_index(
            "ix_case_deadlines_status_finished",
            ["status", "finished_at", "stage", "line", "handler_id", "elapsed_days"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("case_deadlines", schema=None) as batch_op:
        batch_op.drop_index("ix_case_deadlines_status_finished")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_estimated_loss_id")
        batch_op.drop_index("ix_cases_complexity_reported")
        batch_op.drop_index("ix_cases_status_reported")
