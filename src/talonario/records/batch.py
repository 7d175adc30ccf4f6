"""What a group commit batch (db/group_commit.py) of many companies' units needs, locked and
read for all of them at once.

Issuing locks a company's chain head and series and reads which webhooks it has: once per
transaction for each company (db/txmemo.py). A batch of one company's units pays that once; a
batch with a unit for each of eight companies paid it eight times, three statements each. Here
each is one statement for the whole batch, in company order, and the units find what they
need remembered. Units of companies not prepared (none, or joined later) lock their own.
"""

from sqlalchemy.orm import Session

from talonario.records import chain
from talonario.series import service as series
from talonario.webhooks import outbox


def prepare_batch(session: Session, company_ids: list[str]) -> None:
    """Lock the heads and series of `company_ids` (sorted) and read their webhook endpoints."""
    chain.lock_heads(session, company_ids)
    series.lock_counters(session, company_ids)
    outbox.read_endpoints(session, company_ids)
