from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from talonario.models.base import Base, Entity


class Series(Entity, Base):
    """A numbering sequence. `next_number` only moves under the row's lock (series.service)."""

    __tablename__ = "series"
    __table_args__ = (
        UniqueConstraint("company_id", "code"),
        # At most one default per kind: an invoice without series must find exactly one.
        Index(
            "uq_series_default_kind",
            "company_id",
            "kind",
            unique=True,
            sqlite_where=text("is_default"),
            postgresql_where=text("is_default"),
        ),
    )

    company_id: Mapped[str] = mapped_column(ForeignKey("companies.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    format: Mapped[str] = mapped_column(String(60))
    next_number: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(16))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    reset_yearly: Mapped[bool] = mapped_column(Boolean, default=False)
    # The year `next_number` counts in; a yearly series restarts at 1 when the year moves on.
    number_year: Mapped[int | None] = mapped_column(Integer)
