"""recurring invoice templates and their runs (issue 16)

recurring_invoices holds each template (what each invoice is made of, its schedule, the next
occurrence to make); recurring_invoice_runs one row per occurrence made, UNIQUE per
(template, occurrence) and written in the transaction of its invoice.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from talonario.models.base import UTCDateTime

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _entity(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=f"fk_{table}_company_id_companies"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def upgrade() -> None:
    op.create_table(
        "recurring_invoices",
        *_entity("recurring_invoices"),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=True),
        sa.Column("invoice", _json(), nullable=False),
        sa.Column("interval", sa.String(length=10), nullable=False),
        sa.Column("every", sa.Integer(), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("issue", sa.Boolean(), nullable=False),
        sa.Column("send", sa.Boolean(), nullable=False),
        sa.Column("due_days", sa.Integer(), nullable=True),
        sa.Column("next_index", sa.Integer(), nullable=False),
        sa.Column("next_on", sa.Date(), nullable=True),
        sa.Column("made", sa.Integer(), nullable=False),
        sa.Column("paused_on", sa.Date(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("external_id", sa.String(length=120), nullable=True),
        sa.Column("metadata", _json(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.UniqueConstraint(
            "company_id", "external_id", name="uq_recurring_invoices_company_id_external_id"
        ),
    )
    op.create_index(
        "ix_recurring_invoices_company_newest", "recurring_invoices", ["company_id", "id"]
    )
    op.create_index(
        "ix_recurring_invoices_company_client", "recurring_invoices", ["company_id", "client_id"]
    )
    op.create_index(
        "ix_recurring_invoices_status_next_on", "recurring_invoices", ["status", "next_on"]
    )
    op.create_table(
        "recurring_invoice_runs",
        *_entity("recurring_invoice_runs"),
        sa.Column("template_id", sa.String(length=36), nullable=False),
        sa.Column("occurrence", sa.Integer(), nullable=False),
        sa.Column("scheduled_on", sa.Date(), nullable=False),
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["recurring_invoices.id"],
            name="fk_recurring_invoice_runs_template_id_recurring_invoices",
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name="fk_recurring_invoice_runs_invoice_id_invoices"
        ),
        sa.UniqueConstraint(
            "template_id",
            "occurrence",
            name="uq_recurring_invoice_runs_template_id_occurrence",
        ),
    )
    op.create_index(
        "ix_recurring_invoice_runs_company_template",
        "recurring_invoice_runs",
        ["company_id", "template_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_recurring_invoice_runs_company_template", table_name="recurring_invoice_runs")
    op.drop_table("recurring_invoice_runs")
    op.drop_index("ix_recurring_invoices_status_next_on", table_name="recurring_invoices")
    op.drop_index("ix_recurring_invoices_company_client", table_name="recurring_invoices")
    op.drop_index("ix_recurring_invoices_company_newest", table_name="recurring_invoices")
    op.drop_table("recurring_invoices")
