"""void, rectify and substitute

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import JSONType

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("invoices") as batch:
        batch.add_column(sa.Column("corrective", JSONType, nullable=True))
        batch.add_column(sa.Column("substitutes", JSONType, nullable=True))
        batch.add_column(sa.Column("substituted_by", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("activity", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("invoices") as batch:
        batch.drop_column("activity")
        batch.drop_column("substituted_by")
        batch.drop_column("substitutes")
        batch.drop_column("corrective")
