"""records for invoices numbered elsewhere (gateway mode)

A gateway record is an invoice row with `origin = 'gateway'`: numbered, dated and totalled by
the caller, chained and remitted like ours. An invoice number becomes unique per company and
year (`issued_year`), not per company for ever: AEAT keys an invoice by NIF, number and date,
and a series may start again each year (RD 1619/2012 art. 6.1.a).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(length=8), server_default="api", nullable=False)
        )
        batch_op.add_column(sa.Column("issued_year", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("description", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "recipients",
                sa.JSON().with_variant(postgresql.JSONB(), "postgresql"),
                nullable=True,
            )
        )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "UPDATE invoices SET issued_year = CAST(strftime('%Y', issued_on) AS INTEGER)"
            " WHERE issued_on IS NOT NULL AND number IS NOT NULL"
        )
    else:
        op.execute(
            "UPDATE invoices SET issued_year = EXTRACT(YEAR FROM issued_on)::integer"
            " WHERE issued_on IS NOT NULL AND number IS NOT NULL"
        )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_constraint("uq_invoices_company_id_number", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_invoices_company_id_number_issued_year"),
            ["company_id", "number", "issued_year"],
        )


def downgrade() -> None:
    # Gateway records stay, as issued invoices without lines: their records are links of the
    # chain. A number used in two years cannot go back under the old constraint: the downgrade
    # then fails rather than lose an invoice.
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("uq_invoices_company_id_number_issued_year"), type_="unique"
        )
        batch_op.create_unique_constraint("uq_invoices_company_id_number", ["company_id", "number"])
        batch_op.drop_column("recipients")
        batch_op.drop_column("description")
        batch_op.drop_column("issued_year")
        batch_op.drop_column("origin")
