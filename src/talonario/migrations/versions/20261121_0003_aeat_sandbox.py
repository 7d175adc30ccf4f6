"""the built-in AEAT sandbox's own tables

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

Written by hand: the sandbox models (talonario.aeat_sandbox.models) are not part of the metadata
env.py compares against, so autogenerate cannot produce (or check) this file.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talonario.models.base

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamp(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, talonario.models.base.UTCDateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "aeat_sandbox_submissions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=20), nullable=False),
        sa.Column("csv", sa.String(length=16), nullable=True),
        sa.Column("nif", sa.String(length=9), nullable=False),
        sa.Column("presenter_nif", sa.String(length=9), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        _timestamp("received_at"),
        sa.Column("request_xml", sa.Text(), nullable=False),
        sa.Column("response_xml", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aeat_sandbox_submissions")),
        sa.UniqueConstraint("request_id", name=op.f("uq_aeat_sandbox_submissions_request_id")),
        sa.UniqueConstraint("csv", name=op.f("uq_aeat_sandbox_submissions_csv")),
    )
    op.create_index(op.f("ix_aeat_sandbox_submissions_nif"), "aeat_sandbox_submissions", ["nif"])
    op.create_table(
        "aeat_sandbox_records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("submission_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("issuer_nif", sa.String(length=9), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("huella", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("code", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("xml", sa.Text(), nullable=False),
        _timestamp("received_at"),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["aeat_sandbox_submissions.id"],
            name=op.f("fk_aeat_sandbox_records_submission_id_aeat_sandbox_submissions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aeat_sandbox_records")),
    )
    op.create_index(
        op.f("ix_aeat_sandbox_records_submission_id"), "aeat_sandbox_records", ["submission_id"]
    )
    op.create_index(
        "ix_aeat_sandbox_records_invoice",
        "aeat_sandbox_records",
        ["issuer_nif", "number", "issue_date"],
    )
    op.create_table(
        "aeat_sandbox_invoices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("issuer_nif", sa.String(length=9), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("period_year", sa.Integer(), nullable=False),
        sa.Column("period_month", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("code", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("external_ref", sa.String(length=60), nullable=True),
        sa.Column("recipient_nifs", sa.Text(), nullable=False),
        sa.Column("huella", sa.String(length=64), nullable=False),
        sa.Column("alta_xml", sa.Text(), nullable=True),
        sa.Column("anulacion_xml", sa.Text(), nullable=True),
        sa.Column("request_id", sa.String(length=20), nullable=False),
        sa.Column("csv", sa.String(length=16), nullable=True),
        sa.Column("presenter_nif", sa.String(length=9), nullable=False),
        _timestamp("presented_at"),
        _timestamp("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aeat_sandbox_invoices")),
        sa.UniqueConstraint(
            "issuer_nif",
            "number",
            "issue_date",
            name=op.f("uq_aeat_sandbox_invoices_issuer_nif_number_issue_date"),
        ),
    )
    op.create_index(
        "ix_aeat_sandbox_invoices_period",
        "aeat_sandbox_invoices",
        ["issuer_nif", "period_year", "period_month"],
    )
    op.create_table(
        "aeat_sandbox_chain_heads",
        sa.Column("issuer_nif", sa.String(length=9), nullable=False),
        sa.Column("installation", sa.String(length=100), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("huella", sa.String(length=64), nullable=False),
        _timestamp("updated_at"),
        sa.PrimaryKeyConstraint(
            "issuer_nif", "installation", name=op.f("pk_aeat_sandbox_chain_heads")
        ),
    )
    op.create_table(
        "aeat_sandbox_faults",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("remaining", sa.Integer(), nullable=False),
        sa.Column("delay_ms", sa.Integer(), nullable=True),
        sa.Column("number", sa.String(length=60), nullable=True),
        sa.Column("code", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        _timestamp("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aeat_sandbox_faults")),
    )
    op.create_index(op.f("ix_aeat_sandbox_faults_number"), "aeat_sandbox_faults", ["number"])


def downgrade() -> None:
    op.drop_table("aeat_sandbox_faults")
    op.drop_table("aeat_sandbox_chain_heads")
    op.drop_table("aeat_sandbox_invoices")
    op.drop_table("aeat_sandbox_records")
    op.drop_table("aeat_sandbox_submissions")
