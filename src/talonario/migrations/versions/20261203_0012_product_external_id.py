"""products get the caller's external_id, unique per company, as clients and invoices have

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("external_id", sa.String(120), nullable=True))
        batch.create_unique_constraint(
            "uq_products_company_id_external_id", ["company_id", "external_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.drop_constraint("uq_products_company_id_external_id", type_="unique")
        batch.drop_column("external_id")
