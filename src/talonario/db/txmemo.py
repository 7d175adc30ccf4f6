"""Values remembered, and writes deferred, for the rest of one database transaction.

Group commit (db/group_commit.py) runs many issues in one transaction: the chain head it
locked for the first stays locked, and current, for the others, and which webhooks a company
wants does not change under it. Each is read once per transaction instead of once per invoice;
the head is written once, and new rows are inserted together, when the transaction commits.
The memo belongs to the transaction: a rollback or a new transaction starts it empty, and it
is not used inside a SAVEPOINT, whose rollback could leave it describing undone work.
"""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy.orm import Session, SessionTransaction

T = TypeVar("T")
_KEY = "talonario.txmemo"
_DEFERRED = "talonario.deferred"


def memo(session: Session) -> dict[Any, Any] | None:
    """The current transaction's memo, or None where one must not be kept (no transaction, or
    inside a savepoint)."""
    transaction: SessionTransaction | None = session.get_transaction()
    if transaction is None:
        return None
    owner, values = session.info.get(_KEY, (None, None))
    if owner is not transaction:
        values = {}
        session.info[_KEY] = (transaction, values)
    if session.get_nested_transaction() is not None:
        if values.get(_DEFERRED):
            # Whatever ran inside would read rows that are not written yet: refuse loudly.
            raise RuntimeError("deferred writes are pending: run_deferred() before a SAVEPOINT")
        return None
    return values  # type: ignore[no-any-return]


def defer(session: Session, key: Any, write: Callable[[], None]) -> None:
    """Run `write` just before the transaction commits, once per `key` (the first one given;
    it should read the state it writes when it runs), in the order first deferred. Where no
    memo may be kept it runs now."""
    values = memo(session)
    if values is None:
        write()
        return
    values.setdefault(_DEFERRED, {}).setdefault(key, write)


def run_deferred(session: Session) -> None:
    """The deferred writes of the transaction, in order; a session `before_commit` hook."""
    values = memo(session)
    pending = values.pop(_DEFERRED, None) if values is not None else None
    for write in (pending or {}).values():
        write()


def remembered(session: Session, key: Any, compute: Callable[[], T]) -> T:
    """`compute()` once per transaction for `key`."""
    values = memo(session)
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]  # type: ignore[no-any-return]


def remember(session: Session, found: Iterable[tuple[Any, Any]]) -> None:
    """Keep (key, value) pairs read ahead for `remembered` (a value already kept stays), so a
    batch reads in one statement what its units would each ask for. Begins the transaction the
    memo belongs to; keeps nothing where no memo may be kept."""
    session.connection()
    values = memo(session)
    if values is not None:
        for key, value in found:
            values.setdefault(key, value)


def defer_together(
    session: Session, key: Any, item_key: Any, item: T, write: Callable[[list[T]], None]
) -> None:
    """Like `defer`, for writes of one kind: `item` (the latest for `item_key`) joins those
    deferred under `key`, and `write` gets them all at once before the commit (one executemany
    for the transaction instead of a statement each)."""
    items: dict[Any, T] = remembered(session, (key, "items"), dict)
    items[item_key] = item
    defer(session, key, lambda: write(list(items.values())))
