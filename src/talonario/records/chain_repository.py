"""The chain heads' statements: the issuing hot path, so they are compiled once, bound by
parameter, and run on the transaction's connection (no ORM unit of work).

One row per company (`verifactu_chain_heads`, keyed by company_id), and the link columns of
the company's other installations (`installations`): each statement names the company or the
installation it touches.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, insert, select, update
from sqlalchemy.orm import Session

from talonario.db.lists import any_of
from talonario.models import Installation, VerifactuChainHead
from talonario.models.base import table_of

_HEADS = table_of(VerifactuChainHead)
_INSTALLATIONS = table_of(Installation)
_I = _INSTALLATIONS.c
_LOCK_INSTALLATION = (
    select(
        _I.id,
        _I.installation_number,
        _I.last_record_id,
        _I.last_huella,
        _I.last_issuer_nif,
        _I.last_invoice_number,
        _I.last_issue_date,
    )
    .where(_I.company_id == bindparam("p_company_id"), _I.id == bindparam("p_installation_id"))
    .with_for_update()
)
_MOVE_INSTALLATION = (
    update(_INSTALLATIONS)
    .where(_I.id == bindparam("p_installation_id"))
    .values(
        last_record_id=bindparam("p_record_id"),
        last_huella=bindparam("p_huella"),
        last_issuer_nif=bindparam("p_issuer_nif"),
        last_invoice_number=bindparam("p_invoice_number"),
        last_issue_date=bindparam("p_issue_date"),
        # Its public updated_at says when its details changed, not when it last chained.
        updated_at=_I.updated_at,
    )
)
_LOCK_HEAD = (
    select(_HEADS).where(_HEADS.c.company_id == bindparam("p_company_id")).with_for_update()
)
_MOVE_HEAD = (
    update(_HEADS)
    .where(_HEADS.c.company_id == bindparam("p_company_id"))
    .values(
        last_record_id=bindparam("p_record_id"),
        last_sequence=bindparam("p_sequence"),
        last_huella=bindparam("p_huella"),
        last_issuer_nif=bindparam("p_issuer_nif"),
        last_invoice_number=bindparam("p_invoice_number"),
        last_issue_date=bindparam("p_issue_date"),
        updated_at=bindparam("p_updated_at"),
    )
)


def add_head(session: Session, company_id: str) -> None:
    """The empty chain of a new company (written with the company's own flush)."""
    session.add(VerifactuChainHead(company_id=company_id, last_sequence=0))


def lock_head_row(conn: Connection, company_id: str) -> Row[Any] | None:
    """The company's head row, locked until the transaction ends; None if it has none."""
    return conn.execute(_LOCK_HEAD, {"p_company_id": company_id}).first()


def lock_head_rows(conn: Connection, company_ids: list[str]) -> list[Row[Any]]:
    """The heads of several companies, locked in company order (two batches locking the heads
    they share in one order cannot deadlock on them)."""
    stmt = (
        select(_HEADS)
        .where(any_of(_HEADS.c.company_id, company_ids, conn.dialect))
        .order_by(_HEADS.c.company_id)
        .with_for_update()
    )
    return list(conn.execute(stmt))


def insert_head_row(conn: Connection, company_id: str, now: datetime) -> None:
    conn.execute(insert(_HEADS), {"company_id": company_id, "last_sequence": 0, "updated_at": now})


def move_heads(conn: Connection, values: list[dict[str, Any]]) -> None:
    """Point heads at their new last records, one statement run for all (executemany): each of
    `values` binds _MOVE_HEAD's `p_*` parameters."""
    if values:
        conn.execute(_MOVE_HEAD, values)


def lock_installation_row(conn: Connection, company_id: str, installation_id: str) -> Any:
    """The company's installation's link columns (and its number), locked until the
    transaction ends; None if the company has no such installation."""
    params = {"p_company_id": company_id, "p_installation_id": installation_id}
    return conn.execute(_LOCK_INSTALLATION, params).first()


def move_installations(conn: Connection, values: list[dict[str, Any]]) -> None:
    """Point installations at their new last records, one statement run for all: each of
    `values` binds _MOVE_INSTALLATION's `p_*` parameters."""
    if values:
        conn.execute(_MOVE_INSTALLATION, values)
