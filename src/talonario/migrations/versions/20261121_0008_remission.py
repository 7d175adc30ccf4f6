"""remission of records to AEAT: submissions, claims and per-company flow control

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("invoices") as batch:
        batch.add_column(sa.Column("verifactu_csv", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("verifactu_code", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("verifactu_description", sa.Text(), nullable=True))
    with op.batch_alter_table("verifactu_records") as batch:
        batch.add_column(sa.Column("submission_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "verifactu_submissions",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("environment", sa.String(length=16), nullable=False),
        sa.Column("incident", sa.Boolean(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("first_sequence", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("csv", sa.String(length=40), nullable=True),
        sa.Column("aeat_status", sa.String(length=24), nullable=True),
        sa.Column("wait_seconds", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("response", sa.Text(), nullable=True),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_verifactu_submissions_company_id_companies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifactu_submissions")),
    )
    op.create_index(
        "ix_verifactu_submissions_company", "verifactu_submissions", ["company_id", "id"]
    )
    op.create_table(
        "verifactu_remission",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("next_allowed_at", UTCDateTime(), nullable=True),
        sa.Column("incident_open", sa.Boolean(), nullable=False),
        sa.Column("incident_since", UTCDateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_submission_id", sa.String(length=36), nullable=True),
        sa.Column("last_submission_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("locked_until", UTCDateTime(), nullable=True),
        sa.Column("locked_by", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_verifactu_remission_company_id_companies"),
        ),
        sa.PrimaryKeyConstraint("company_id", name=op.f("pk_verifactu_remission")),
    )


def downgrade() -> None:
    op.drop_table("verifactu_remission")
    op.drop_index("ix_verifactu_submissions_company", table_name="verifactu_submissions")
    op.drop_table("verifactu_submissions")
    with op.batch_alter_table("verifactu_records") as batch:
        batch.drop_column("attempts")
        batch.drop_column("submission_id")
    with op.batch_alter_table("invoices") as batch:
        batch.drop_column("verifactu_description")
        batch.drop_column("verifactu_code")
        batch.drop_column("verifactu_csv")
