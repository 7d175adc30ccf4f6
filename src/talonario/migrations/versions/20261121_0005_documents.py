"""stored PDFs, public links and the email outbox

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talonario.models.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamp(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, talonario.models.base.UTCDateTime(timezone=True), nullable=nullable)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def upgrade() -> None:
    op.create_table(
        "invoice_pdfs",
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        _timestamp("created_at"),
        _fk("invoice_pdfs", "invoice_id", "invoices"),
        _fk("invoice_pdfs", "company_id", "companies"),
        sa.PrimaryKeyConstraint("invoice_id", name=op.f("pk_invoice_pdfs")),
    )
    op.create_index(
        op.f("ix_invoice_pdfs_company_id"), "invoice_pdfs", ["company_id"], unique=False
    )
    op.create_table(
        "invoice_public_links",
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("max_days", sa.Integer(), nullable=False),
        _timestamp("expires_at"),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        _fk("invoice_public_links", "invoice_id", "invoices"),
        _fk("invoice_public_links", "company_id", "companies"),
        sa.PrimaryKeyConstraint("invoice_id", name=op.f("pk_invoice_public_links")),
        sa.UniqueConstraint("token", name=op.f("uq_invoice_public_links_token")),
    )
    op.create_index(
        op.f("ix_invoice_public_links_company_id"),
        "invoice_public_links",
        ["company_id"],
        unique=False,
    )
    op.create_table(
        "email_outbox",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.Column("recipients", talonario.models.base.JSONType, nullable=False),
        sa.Column("cc", talonario.models.base.JSONType, nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _timestamp("next_attempt_at"),
        _timestamp("lease_until", nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _timestamp("last_attempt_at", nullable=True),
        _timestamp("sent_at", nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        _fk("email_outbox", "company_id", "companies"),
        _fk("email_outbox", "invoice_id", "invoices"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_outbox")),
    )
    op.create_index(
        "ix_email_outbox_status_next_attempt_at",
        "email_outbox",
        ["status", "next_attempt_at"],
        unique=False,
    )
    op.create_index(
        "ix_email_outbox_invoice_id_created_at",
        "email_outbox",
        ["invoice_id", "created_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_email_outbox_invoice_id_created_at", table_name="email_outbox")
    op.drop_index("ix_email_outbox_status_next_attempt_at", table_name="email_outbox")
    op.drop_table("email_outbox")
    op.drop_index(op.f("ix_invoice_public_links_company_id"), table_name="invoice_public_links")
    op.drop_table("invoice_public_links")
    op.drop_index(op.f("ix_invoice_pdfs_company_id"), table_name="invoice_pdfs")
    op.drop_table("invoice_pdfs")
