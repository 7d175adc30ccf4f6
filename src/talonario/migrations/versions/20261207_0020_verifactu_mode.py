"""a company's VERI*FACTU mode and the XAdES signatures of NO VERI*FACTU records

`companies.verifactu_mode` is `verifactu` (records remitted as they are made) or `no_verifactu`
(records signed and kept, status `kept`, never remitted); `verifactu_mode_since` is when the
current mode began (NULL: since the company was created). A signed record's signature is in its
stored XML (verifactu_record_documents.xml, the record's last child ds:Signature); no column.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from talonario.models.base import UTCDateTime

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "verifactu_mode", sa.String(length=16), server_default="verifactu", nullable=False
            )
        )
        batch_op.add_column(sa.Column("verifactu_mode_since", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_column("verifactu_mode_since")
        batch_op.drop_column("verifactu_mode")
