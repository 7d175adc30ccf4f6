"""verifactu records

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 15:42:32.995067
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talonario.models.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "verifactu_chain_heads",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("last_record_id", sa.String(length=36), nullable=True),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("last_huella", sa.String(length=64), nullable=True),
        sa.Column("last_issuer_nif", sa.String(length=9), nullable=True),
        sa.Column("last_invoice_number", sa.String(length=60), nullable=True),
        sa.Column("last_issue_date", sa.Date(), nullable=True),
        sa.Column("updated_at", talonario.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_verifactu_chain_heads_company_id_companies"),
        ),
        sa.PrimaryKeyConstraint("company_id", name=op.f("pk_verifactu_chain_heads")),
    )
    op.create_table(
        "verifactu_records",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("invoice_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("invoice_number", sa.String(length=60), nullable=False),
        sa.Column("invoice_issue_date", sa.Date(), nullable=False),
        sa.Column("huella", sa.String(length=64), nullable=False),
        sa.Column("previous_huella", sa.String(length=64), nullable=True),
        sa.Column("previous_record_id", sa.String(length=36), nullable=True),
        sa.Column("generated_at", talonario.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("generated_at_text", sa.String(length=32), nullable=False),
        sa.Column("environment", sa.String(length=16), nullable=False),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.Column("qr_url", sa.Text(), nullable=True),
        sa.Column("qr_png", sa.LargeBinary(), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("aeat_csv", sa.String(length=40), nullable=True),
        sa.Column("aeat_code", sa.String(length=10), nullable=True),
        sa.Column("aeat_description", sa.Text(), nullable=True),
        sa.Column("submitted_at", talonario.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", talonario.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talonario.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_verifactu_records_company_id_companies")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_verifactu_records_invoice_id_invoices")
        ),
        sa.ForeignKeyConstraint(
            ["previous_record_id"],
            ["verifactu_records.id"],
            name=op.f("fk_verifactu_records_previous_record_id_verifactu_records"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifactu_records")),
        sa.UniqueConstraint(
            "company_id", "sequence", name=op.f("uq_verifactu_records_company_id_sequence")
        ),
        sa.UniqueConstraint(
            "previous_record_id", name=op.f("uq_verifactu_records_previous_record_id")
        ),
    )
    with op.batch_alter_table("verifactu_records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_verifactu_records_company_status", ["company_id", "status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_verifactu_records_invoice_id"), ["invoice_id"], unique=False
        )
        batch_op.create_index(
            "uq_verifactu_records_first",
            ["company_id"],
            unique=True,
            sqlite_where=sa.text("previous_record_id IS NULL"),
            postgresql_where=sa.text("previous_record_id IS NULL"),
        )

    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verifactu_record_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("verifactu_status", sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column("verifactu_huella", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column(
                "verifactu_generated_at",
                talonario.models.base.UTCDateTime(timezone=True),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("qr_url", sa.Text(), nullable=True))
        batch_op.create_index(
            "ix_invoices_company_verifactu_status", ["company_id", "verifactu_status"], unique=False
        )

    # Every existing company gets the head of its (still empty) chain.
    op.execute(
        "INSERT INTO verifactu_chain_heads (company_id, last_sequence, updated_at)"
        " SELECT id, 0, CURRENT_TIMESTAMP FROM companies"
    )


def downgrade() -> None:
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_index("ix_invoices_company_verifactu_status")
        batch_op.drop_column("qr_url")
        batch_op.drop_column("verifactu_generated_at")
        batch_op.drop_column("verifactu_huella")
        batch_op.drop_column("verifactu_status")
        batch_op.drop_column("verifactu_record_id")

    with op.batch_alter_table("verifactu_records", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_verifactu_records_first",
            sqlite_where=sa.text("previous_record_id IS NULL"),
            postgresql_where=sa.text("previous_record_id IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_verifactu_records_invoice_id"))
        batch_op.drop_index("ix_verifactu_records_company_status")

    op.drop_table("verifactu_records")
    op.drop_table("verifactu_chain_heads")
