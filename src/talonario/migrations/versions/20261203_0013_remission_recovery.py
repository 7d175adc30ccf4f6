"""remission that recovers: why the next attempt waits, and AEAT's wait kept apart

`reason` says why `next_allowed_at` is what it is (talonario.verifactu.backoff.Reason);
`aeat_wait_until` keeps the end of AEAT's TiempoEsperaEnvio, which a retry by hand must not
cut short even after a failure's backoff has replaced `next_allowed_at`.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("verifactu_remission") as batch:
        batch.add_column(sa.Column("reason", sa.String(length=24), nullable=True))
        batch.add_column(sa.Column("aeat_wait_until", UTCDateTime(), nullable=True))
    # What each existing state waits for, as far as its columns tell.
    op.execute(
        "UPDATE verifactu_remission SET reason = CASE"
        " WHEN last_error IS NULL THEN 'aeat_wait'"
        " WHEN incident_open THEN 'transport_backoff'"
        " ELSE 'permanent_error' END,"
        " aeat_wait_until = CASE WHEN last_error IS NULL THEN next_allowed_at END"
        " WHERE next_allowed_at IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("verifactu_remission") as batch:
        batch.drop_column("aeat_wait_until")
        batch.drop_column("reason")
