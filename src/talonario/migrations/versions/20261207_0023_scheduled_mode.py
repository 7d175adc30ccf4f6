"""a company's renounce of VERI*FACTU for the next year (Orden HAC/1177/2024 art. 17)

A company that has operated as VERI*FACTU this year may leave it only from 1 January: the
switch is scheduled in `verifactu_next_mode` / `verifactu_next_mode_on` (NULL: none), and made
by the first transaction that records on or after that day (or the worker's tick). Until then
its submissions carry RemisionVoluntaria/FechaFinVeriFactu; `verifactu_end_reported_at` is when
AEAT first answered one that did.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verifactu_next_mode", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("verifactu_next_mode_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("verifactu_end_reported_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_column("verifactu_end_reported_at")
        batch_op.drop_column("verifactu_next_mode_on")
        batch_op.drop_column("verifactu_next_mode")
