"""answers of the NIF census and VIES, kept for a day

GET /v1/tax-ids/check and issuing with `verify_recipient` ask AEAT's identification census
(VNifV2) or the EU's VIES; what they answered a company is kept here, one row per question (the
tax id and the name asked), so that the same question within 24 hours is not sent again.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tax_id_checks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("tax_id", sa.String(length=20), nullable=False),
        sa.Column("name_key", sa.String(length=120), nullable=False),
        sa.Column("result", sa.String(length=32), nullable=False),
        sa.Column("registered_name", sa.Text(), nullable=True),
        sa.Column("checked_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_tax_id_checks_company_id_companies"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_tax_id_checks"),
        sa.UniqueConstraint(
            "company_id",
            "source",
            "tax_id",
            "name_key",
            name="uq_tax_id_checks_company_id_source_tax_id_name_key",
        ),
    )
    op.create_index(
        "ix_tax_id_checks_company_checked", "tax_id_checks", ["company_id", "checked_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_tax_id_checks_company_checked", table_name="tax_id_checks")
    op.drop_table("tax_id_checks")
