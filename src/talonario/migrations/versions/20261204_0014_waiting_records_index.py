"""the records waiting for AEAT get an index of their own

A partial index over the waiting records (pending, or submitted with no answer) in chain order
replaces (company_id, status). The worker's scan for work and its claim then read the few
records that wait, not the whole chain: without statistics SQLite chose the (company_id,
sequence) index for them and walked every record the company ever made, at every batch.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WAITING = "status IN ('pending', 'submitted')"


def upgrade() -> None:
    op.create_index(
        "ix_verifactu_records_waiting",
        "verifactu_records",
        ["company_id", "sequence", "status"],
        sqlite_where=sa.text(_WAITING),
        postgresql_where=sa.text(_WAITING),
    )
    op.drop_index("ix_verifactu_records_company_status", table_name="verifactu_records")


def downgrade() -> None:
    op.create_index(
        "ix_verifactu_records_company_status", "verifactu_records", ["company_id", "status"]
    )
    op.drop_index("ix_verifactu_records_waiting", table_name="verifactu_records")
