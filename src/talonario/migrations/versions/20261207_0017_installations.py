"""SIF installations per company, each with its own record chain

A company's chain so far is its default installation's (NumeroInstalacion = the company id):
it stays as it is, in verifactu_chain_heads, and its records keep `installation_id` NULL.
`installations` holds the company's other installations, each with the last link of its
chain. A chain has one first record: per company for the default installation, per
installation for the others.

Downgrading refuses while any record belongs to another installation than the default: put
back in one chain per company, those records would make it fork (several first records, two
successors of one record), and fiscal records are never deleted to make room. Installations
without records are dropped.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talonario.models.base

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = talonario.models.base.UTCDateTime(timezone=True)
_FIRST = "previous_record_id IS NULL"
_FIRST_OF_DEFAULT = "previous_record_id IS NULL AND installation_id IS NULL"


def upgrade() -> None:
    op.create_table(
        "installations",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("installation_number", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("last_record_id", sa.String(length=36), nullable=True),
        sa.Column("last_huella", sa.String(length=64), nullable=True),
        sa.Column("last_issuer_nif", sa.String(length=9), nullable=True),
        sa.Column("last_invoice_number", sa.String(length=60), nullable=True),
        sa.Column("last_issue_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_installations_company_id_companies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installations")),
        sa.UniqueConstraint(
            "company_id",
            "installation_number",
            name=op.f("uq_installations_company_id_installation_number"),
        ),
    )
    # In place on both databases (SQLite takes a REFERENCES column with a NULL default): no
    # batch copy of verifactu_records, which could lose its partial indexes.
    op.execute(
        "ALTER TABLE verifactu_records ADD COLUMN installation_id VARCHAR(36)"
        " CONSTRAINT fk_verifactu_records_installation_id_installations"
        " REFERENCES installations (id)"
    )
    op.drop_index("uq_verifactu_records_first", table_name="verifactu_records")
    _first_indexes()


def _first_indexes() -> None:
    op.create_index(
        "uq_verifactu_records_first",
        "verifactu_records",
        ["company_id"],
        unique=True,
        sqlite_where=sa.text(_FIRST_OF_DEFAULT),
        postgresql_where=sa.text(_FIRST_OF_DEFAULT),
    )
    op.create_index(
        "uq_verifactu_records_first_installation",
        "verifactu_records",
        ["installation_id"],
        unique=True,
        sqlite_where=sa.text(_FIRST),
        postgresql_where=sa.text(_FIRST),
    )


def downgrade() -> None:
    bind = op.get_bind()
    chained = bind.scalar(
        sa.text("SELECT count(*) FROM verifactu_records WHERE installation_id IS NOT NULL")
    )
    if chained:
        raise RuntimeError(
            f"0017 cannot be undone: {chained} records belong to installations other than"
            " their company's default, and one chain per company would fork. Nothing changed."
        )
    op.drop_index("uq_verifactu_records_first_installation", table_name="verifactu_records")
    op.drop_index("uq_verifactu_records_first", table_name="verifactu_records")
    op.create_index(
        "uq_verifactu_records_first",
        "verifactu_records",
        ["company_id"],
        unique=True,
        sqlite_where=sa.text(_FIRST),
        postgresql_where=sa.text(_FIRST),
    )
    # In place on both databases (SQLite 3.35+, once no index names the column); its foreign
    # key goes with it.
    op.execute("ALTER TABLE verifactu_records DROP COLUMN installation_id")
    op.drop_table("installations")
