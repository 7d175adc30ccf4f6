"""Values remembered for the rest of one database transaction.

Group commit (kit/group_commit.py) runs many issues in one transaction: the chain head it
locked for the first stays locked, and current, for the others, and which webhooks a company
wants does not change under it. Each is read once per transaction instead of once per invoice.
The memo belongs to the transaction: a rollback or a new transaction starts it empty, and it
is not used inside a SAVEPOINT, whose rollback could leave it describing undone work.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session, SessionTransaction

T = TypeVar("T")
_KEY = "talonario.txmemo"


def memo(session: Session) -> dict[Any, Any] | None:
    """The current transaction's memo, or None where one must not be kept (no transaction, or
    inside a savepoint)."""
    transaction: SessionTransaction | None = session.get_transaction()
    if transaction is None or session.get_nested_transaction() is not None:
        return None
    owner, values = session.info.get(_KEY, (None, None))
    if owner is not transaction:
        values = {}
        session.info[_KEY] = (transaction, values)
    return values  # type: ignore[no-any-return]


def remembered(session: Session, key: Any, compute: Callable[[], T]) -> T:
    """`compute()` once per transaction for `key`."""
    values = memo(session)
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]  # type: ignore[no-any-return]
