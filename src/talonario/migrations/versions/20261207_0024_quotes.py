"""quotes and proformas (issue 16)

A quote (presupuesto) or proforma: lines and totals like an invoice's, a number of its own
(P-2026-0001), states draft/sent/accepted/rejected, a public link, and the invoice made from it.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from talonario.models.base import Money, UTCDateTime

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=True),
        sa.Column("client", _json(), nullable=True),
        sa.Column("lines", _json(), nullable=False),
        sa.Column("tax_breakdown", _json(), nullable=False),
        sa.Column("subtotal", Money(), nullable=False),
        sa.Column("taxes_total", Money(), nullable=False),
        sa.Column("surcharge_total", Money(), nullable=False),
        sa.Column("withholding_rate", Money(5, 2), nullable=True),
        sa.Column("withholding_total", Money(), nullable=False),
        sa.Column("total", Money(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("external_id", sa.String(length=120), nullable=True),
        sa.Column("metadata", _json(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("accepted_at", UTCDateTime(), nullable=True),
        sa.Column("rejected_at", UTCDateTime(), nullable=True),
        sa.Column("invoice_id", sa.String(length=36), nullable=True),
        sa.Column("invoiced_at", UTCDateTime(), nullable=True),
        sa.Column("public_token", sa.String(length=64), nullable=True),
        sa.Column("public_url", sa.Text(), nullable=True),
        sa.Column("public_expires_at", UTCDateTime(), nullable=True),
        sa.Column("public_max_days", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_quotes_company_id_companies"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
        sa.UniqueConstraint("company_id", "number", name="uq_quotes_company_id_number"),
        sa.UniqueConstraint("company_id", "external_id", name="uq_quotes_company_id_external_id"),
        sa.UniqueConstraint("public_token", name="uq_quotes_public_token"),
    )
    op.create_index("ix_quotes_company_status", "quotes", ["company_id", "status"])
    op.create_index("ix_quotes_company_newest", "quotes", ["company_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_quotes_company_newest", table_name="quotes")
    op.drop_index("ix_quotes_company_status", table_name="quotes")
    op.drop_table("quotes")
