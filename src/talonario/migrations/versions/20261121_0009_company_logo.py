"""the company's logo: its facts on companies, its bytes in their own table

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("companies") as batch:
        batch.add_column(sa.Column("logo_content_type", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("logo_size", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("logo_width", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("logo_height", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("logo_updated_at", UTCDateTime(timezone=True), nullable=True))
    op.create_table(
        "company_logos",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_company_logos_company_id_companies"),
        ),
        sa.PrimaryKeyConstraint("company_id", name=op.f("pk_company_logos")),
    )


def downgrade() -> None:
    op.drop_table("company_logos")
    with op.batch_alter_table("companies") as batch:
        batch.drop_column("logo_updated_at")
        batch.drop_column("logo_height")
        batch.drop_column("logo_width")
        batch.drop_column("logo_size")
        batch.drop_column("logo_content_type")
