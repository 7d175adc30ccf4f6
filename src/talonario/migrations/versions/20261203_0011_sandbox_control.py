"""the AEAT sandbox's control behind a credential: faults scoped to a NIF, the operator token

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

Written by hand, as 0003: the sandbox models are not part of env.py's metadata.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("aeat_sandbox_faults") as batch:
        batch.add_column(sa.Column("nif", sa.String(length=9), nullable=True))
        batch.create_index(batch.f("ix_aeat_sandbox_faults_nif"), ["nif"])
    op.create_table(
        "aeat_sandbox_control_tokens",
        sa.Column("name", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_aeat_sandbox_control_tokens")),
    )


def downgrade() -> None:
    op.drop_table("aeat_sandbox_control_tokens")
    with op.batch_alter_table("aeat_sandbox_faults") as batch:
        batch.drop_index(batch.f("ix_aeat_sandbox_faults_nif"))
        batch.drop_column("nif")
