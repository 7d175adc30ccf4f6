"""lists page through a company's rows by (company_id, id): invoices, clients, products

An index on company_id alone made PostgreSQL read and sort every row of a company to show the
newest 20; (company_id, id) serves the same lookups and gives each page as an index range.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-21
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("invoices", "clients", "products")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_company_newest", table, ["company_id", "id"])
        op.drop_index(f"ix_{table}_company_id", table_name=table)


def downgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_company_id", table, ["company_id"])
        op.drop_index(f"ix_{table}_company_newest", table_name=table)
