"""the SIF event log: a second chain per company, each event signed

`verifactu_events` keeps each signed `RegistroEvento` (Orden HAC/1177/2024 art. 9) in its
company's order; `verifactu_event_heads` is the company's event chain head, locked to append,
and where the running summary period began. Downgrading drops both: it refuses while any event
exists, since an event log is a fiscal record that is never deleted to make room.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import talonario.models.base

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = talonario.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "verifactu_events",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=2), nullable=False),
        sa.Column("generated_at", UTC_DATETIME, nullable=False),
        sa.Column("generated_at_text", sa.String(length=32), nullable=False),
        sa.Column("huella", sa.String(length=64), nullable=False),
        sa.Column("previous_huella", sa.String(length=64), nullable=True),
        sa.Column("summary", sa.String(length=200), nullable=True),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_verifactu_events_company_id_companies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifactu_events")),
        sa.UniqueConstraint(
            "company_id", "sequence", name=op.f("uq_verifactu_events_company_id_sequence")
        ),
    )
    op.create_table(
        "verifactu_event_heads",
        sa.Column("company_id", sa.String(length=36), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("last_huella", sa.String(length=64), nullable=True),
        sa.Column("last_event_type", sa.String(length=2), nullable=True),
        sa.Column("last_generated_at_text", sa.String(length=32), nullable=True),
        sa.Column("period_started_at", UTC_DATETIME, nullable=False),
        sa.Column("period_record_sequence", sa.Integer(), nullable=False),
        sa.Column("period_event_sequence", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_verifactu_event_heads_company_id_companies"),
        ),
        sa.PrimaryKeyConstraint("company_id", name=op.f("pk_verifactu_event_heads")),
    )


def downgrade() -> None:
    events = op.get_bind().execute(sa.text("SELECT count(*) FROM verifactu_events")).scalar_one()
    if events:
        raise RuntimeError(
            f"refusing to drop the event log: {events} events are kept (Orden HAC/1177/2024"
            " art. 9); export them and remove them deliberately first"
        )
    op.drop_table("verifactu_event_heads")
    op.drop_table("verifactu_events")
