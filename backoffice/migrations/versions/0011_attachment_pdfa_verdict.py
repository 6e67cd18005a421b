"""attachment pdfa_verdict: an attached PDF's PDF/A verdict, taken when it is attached

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-22

Attachments from before this revision have none; the archive builder checks them when it first needs
them and the archive service stores the verdict then.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pdfa_verdict", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_column("pdfa_verdict")
