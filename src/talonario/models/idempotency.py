from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from talonario.kit.clock import utcnow
from talonario.models.base import Base, UTCDateTime


class IdempotencyRecord(Base):
    """The first answer to a POST with an Idempotency-Key, kept for replay (24 h)."""

    __tablename__ = "idempotency_keys"

    # The company the request acted for; an account key's own requests (creating a company)
    # are kept under the account's id, so this names either and refers to neither (0016).
    company_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
