"""quotes by email (issue 16)

email_outbox keeps a quote's email too (kind `quote`): `quote_id` names it and `invoice_id`
becomes nullable, as such a row has no invoice.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("email_outbox") as batch:
        batch.alter_column("invoice_id", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(sa.Column("quote_id", sa.String(length=36), nullable=True))
        batch.create_foreign_key("fk_email_outbox_quote_id_quotes", "quotes", ["quote_id"], ["id"])
    op.create_index(
        "ix_email_outbox_quote_id_created_at", "email_outbox", ["quote_id", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_email_outbox_quote_id_created_at", table_name="email_outbox")
    op.execute("DELETE FROM email_outbox WHERE quote_id IS NOT NULL")
    with op.batch_alter_table("email_outbox") as batch:
        batch.drop_constraint("fk_email_outbox_quote_id_quotes", type_="foreignkey")
        batch.drop_column("quote_id")
        batch.alter_column("invoice_id", existing_type=sa.String(length=36), nullable=False)
