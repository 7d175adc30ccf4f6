"""the events feed: every event kept 30 days (issue 16)

webhook_events gains `object_id` (the invoice an event is about, so GET /v1/events?invoice=
reads an index), filled here from the stored bodies of the events already kept: an invoice.*
event's `data.id`, a verifactu.record.* event's `data.invoice`. The single-column company index
becomes (company_id, id), the feed's order; (object_id, id) serves the invoice filter and
(created_at) the worker's purge of events past 30 days.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The id of the invoice each stored body is about, per dialect's JSON functions.
_OBJECT_OF_BODY = {
    "sqlite": (
        "CASE WHEN type LIKE 'verifactu.record.%' THEN json_extract(body, '$.data.invoice')"
        " ELSE json_extract(body, '$.data.id') END"
    ),
    "postgresql": (
        "CASE WHEN type LIKE 'verifactu.record.%' THEN body::json -> 'data' ->> 'invoice'"
        " ELSE body::json -> 'data' ->> 'id' END"
    ),
}


def upgrade() -> None:
    op.add_column("webhook_events", sa.Column("object_id", sa.String(length=36), nullable=True))
    dialect = op.get_bind().dialect.name
    op.execute(f"UPDATE webhook_events SET object_id = {_OBJECT_OF_BODY[dialect]}")
    op.drop_index("ix_webhook_events_company_id", table_name="webhook_events")
    op.create_index("ix_webhook_events_company_newest", "webhook_events", ["company_id", "id"])
    op.create_index("ix_webhook_events_object", "webhook_events", ["object_id", "id"])
    op.create_index("ix_webhook_events_created_at", "webhook_events", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_webhook_events_created_at", table_name="webhook_events")
    op.drop_index("ix_webhook_events_object", table_name="webhook_events")
    op.drop_index("ix_webhook_events_company_newest", table_name="webhook_events")
    op.create_index("ix_webhook_events_company_id", "webhook_events", ["company_id"])
    with op.batch_alter_table("webhook_events") as batch_op:
        batch_op.drop_column("object_id")
