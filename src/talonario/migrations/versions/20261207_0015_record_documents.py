"""a record's XML and QR PNG move to a table of their own

verifactu_records keeps what remission changes (status, AEAT's answer) and what lists show;
verifactu_record_documents keeps each record's XML as sealed and its QR PNG, which never
change. The worker rewrites a record's row twice per send: with the XML in it, each row took
a SQLite page of its own, and a batch of 1,000 wrote some 9 MB of WAL under the write lock.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "verifactu_record_documents",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.Column("qr_png", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(["company_id"], ["companies.id"]),
        sa.ForeignKeyConstraint(["record_id"], ["verifactu_records.id"]),
        sa.PrimaryKeyConstraint("record_id"),
    )
    op.execute(
        "INSERT INTO verifactu_record_documents (record_id, company_id, xml, qr_png)"
        " SELECT id, company_id, xml, qr_png FROM verifactu_records"
    )
    # Plain columns, in no index or constraint: both databases drop them in place (SQLite
    # since 3.35), so no batch copy that could lose the partial indexes.
    op.execute("ALTER TABLE verifactu_records DROP COLUMN xml")
    op.execute("ALTER TABLE verifactu_records DROP COLUMN qr_png")


def downgrade() -> None:
    op.add_column("verifactu_records", sa.Column("xml", sa.Text(), nullable=True))
    op.add_column("verifactu_records", sa.Column("qr_png", sa.LargeBinary(), nullable=True))
    op.execute(
        "UPDATE verifactu_records SET xml = (SELECT d.xml FROM verifactu_record_documents d"
        " WHERE d.record_id = verifactu_records.id), qr_png = (SELECT d.qr_png FROM"
        " verifactu_record_documents d WHERE d.record_id = verifactu_records.id)"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("verifactu_records", "xml", nullable=False)
    # SQLite cannot make a column NOT NULL in place; every row has its XML all the same.
    op.drop_table("verifactu_record_documents")
