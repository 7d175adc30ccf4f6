"""the company's AEAT certificate, encrypted at rest

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("companies") as batch:
        batch.add_column(sa.Column("certificate_p12", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("certificate_password", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("certificate_subject", sa.String(length=1024), nullable=True))
        batch.add_column(sa.Column("certificate_nif", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("certificate_kind", sa.String(length=16), nullable=True))
        batch.add_column(
            sa.Column("certificate_not_before", UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(
            sa.Column("certificate_not_after", UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("certificate_fingerprint", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("certificate_uploaded_at", UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("companies") as batch:
        batch.drop_column("certificate_uploaded_at")
        batch.drop_column("certificate_fingerprint")
        batch.drop_column("certificate_not_after")
        batch.drop_column("certificate_not_before")
        batch.drop_column("certificate_kind")
        batch.drop_column("certificate_nif")
        batch.drop_column("certificate_subject")
        batch.drop_column("certificate_password")
        batch.drop_column("certificate_p12")
