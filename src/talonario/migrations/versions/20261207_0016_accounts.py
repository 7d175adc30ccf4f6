"""accounts own companies; account keys

Each existing company becomes the only company of an account of its own (the account takes the
company's id and legal name), and its keys belong to that account. An account key has no
company (`api_keys.company_id` NULL). Idempotency records are kept per company or, for an
account key's own requests (creating a company), per account: their owner column loses its
foreign key to companies.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talonario.models.base

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", talonario.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", talonario.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
    )
    op.execute(
        "INSERT INTO accounts (id, name, created_at, updated_at)"
        " SELECT id, legal_name, created_at, updated_at FROM companies"
    )
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("account_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("external_id", sa.String(length=120), nullable=True))
    op.execute("UPDATE companies SET account_id = id")
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.alter_column("account_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_companies_account_id_accounts"), "accounts", ["account_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_companies_account_id"), ["account_id"])
        batch_op.create_unique_constraint(
            batch_op.f("uq_companies_account_id_external_id"), ["account_id", "external_id"]
        )

    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("account_id", sa.String(length=36), nullable=True))
    op.execute("UPDATE api_keys SET account_id = company_id")
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.alter_column("account_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.alter_column("company_id", existing_type=sa.String(length=36), nullable=True)
        batch_op.create_foreign_key(
            batch_op.f("fk_api_keys_account_id_accounts"), "accounts", ["account_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_api_keys_account_id"), ["account_id"])

    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.drop_constraint("fk_idempotency_keys_company_id_companies", type_="foreignkey")


def downgrade() -> None:
    # Account keys and account-level idempotency records have no company to go back to.
    op.execute("DELETE FROM idempotency_keys WHERE company_id NOT IN (SELECT id FROM companies)")
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.create_foreign_key(
            "fk_idempotency_keys_company_id_companies", "companies", ["company_id"], ["id"]
        )
    op.execute("DELETE FROM api_keys WHERE company_id IS NULL")
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_keys_account_id"))
        batch_op.drop_constraint(batch_op.f("fk_api_keys_account_id_accounts"), type_="foreignkey")
        batch_op.alter_column("company_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.drop_column("account_id")
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_companies_account_id_external_id"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_companies_account_id"))
        batch_op.drop_constraint(batch_op.f("fk_companies_account_id_accounts"), type_="foreignkey")
        batch_op.drop_column("external_id")
        batch_op.drop_column("account_id")
    op.drop_table("accounts")
