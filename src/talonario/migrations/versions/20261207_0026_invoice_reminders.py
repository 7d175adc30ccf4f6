"""due dates and dunning: reminders sent and overdue marks (issue 16)

invoices.overdue_at stamps when invoice.overdue was announced (the status itself is computed on
read), with a partial index for the worker's scan of unpaid invoices not yet announced;
email_outbox.kind tells a payment reminder from the invoice's own email; companies get their
reminder settings; invoice_reminders holds each reminder, UNIQUE per (invoice, step) for the
scheduled ones.

Invoices already past due when this runs are announced by the worker's first pass.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from talonario.models.base import UTCDateTime

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OVERDUE_SCAN = (
    "overdue_at IS NULL AND due_on IS NOT NULL AND status IN ('issued', 'partially_paid')"
)


def _json() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("invoices") as batch:
        batch.add_column(sa.Column("overdue_at", UTCDateTime(), nullable=True))
    op.create_index(
        "ix_invoices_overdue_scan",
        "invoices",
        ["due_on"],
        sqlite_where=sa.text(_OVERDUE_SCAN),
        postgresql_where=sa.text(_OVERDUE_SCAN),
    )
    with op.batch_alter_table("email_outbox") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=10), nullable=False, server_default="invoice")
        )
    with op.batch_alter_table("companies") as batch:
        batch.add_column(
            sa.Column("reminders_enabled", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column(
                "reminder_days",
                _json(),
                nullable=False,
                server_default=sa.text("'[1, 7, 15]'"),
            )
        )
    op.create_table(
        "invoice_reminders",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.Column("trigger", sa.String(length=8), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("email_id", sa.String(length=36), nullable=True),
        sa.Column("skip_reason", sa.String(length=16), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_invoice_reminders_company_id_companies"
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name="fk_invoice_reminders_invoice_id_invoices"
        ),
        sa.ForeignKeyConstraint(
            ["email_id"], ["email_outbox.id"], name="fk_invoice_reminders_email_id_email_outbox"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_invoice_reminders"),
        sa.UniqueConstraint("invoice_id", "step", name="uq_invoice_reminders_invoice_id_step"),
    )
    op.create_index(
        "ix_invoice_reminders_company_invoice",
        "invoice_reminders",
        ["company_id", "invoice_id", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_invoice_reminders_company_invoice", table_name="invoice_reminders")
    op.drop_table("invoice_reminders")
    with op.batch_alter_table("companies") as batch:
        batch.drop_column("reminder_days")
        batch.drop_column("reminders_enabled")
    with op.batch_alter_table("email_outbox") as batch:
        batch.drop_column("kind")
    op.drop_index("ix_invoices_overdue_scan", table_name="invoices")
    with op.batch_alter_table("invoices") as batch:
        batch.drop_column("overdue_at")
