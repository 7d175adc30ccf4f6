"""AEAT requirements (RemisionRequerimiento) and the exports' log

POST /v1/verifactu/requirements sends the records of a period to AEAT's requirement endpoint
with its RefRequerimiento; each requirement and AEAT's answers are kept in
verifactu_requirements. GET /v1/verifactu/export logs each export in verifactu_exports.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _entity() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "verifactu_requirements",
        *_entity(),
        sa.Column("ref", sa.String(length=18), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("environment", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("aeat_status", sa.String(length=24), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("accepted_with_errors", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("submissions", sa.Text(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_verifactu_requirements_company_id_companies"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_verifactu_requirements"),
    )
    op.create_index(
        "ix_verifactu_requirements_company", "verifactu_requirements", ["company_id", "id"]
    )
    op.create_table(
        "verifactu_exports",
        *_entity(),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.Column("first_huella", sa.String(length=64), nullable=True),
        sa.Column("last_huella", sa.String(length=64), nullable=True),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=True),
        sa.Column("completed_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name="fk_verifactu_exports_company_id_companies"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_verifactu_exports"),
    )
    op.create_index("ix_verifactu_exports_company", "verifactu_exports", ["company_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_verifactu_exports_company", table_name="verifactu_exports")
    op.drop_table("verifactu_exports")
    op.drop_index("ix_verifactu_requirements_company", table_name="verifactu_requirements")
    op.drop_table("verifactu_requirements")
