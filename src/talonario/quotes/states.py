"""A quote's states and the moves between them.

Stored: draft, sent, accepted, rejected. `expired` is computed when the quote is read: a sent
quote whose `valid_until` is before today (in the company's time zone) answers `expired`, and
is treated as such by every transition. No worker job writes it, so it can never lag behind the
date nor disagree with a read. A draft does not expire (it can still be edited and its date
moved); accepted and rejected are final.

    draft --send--> sent --accept--> accepted --invoice--> (invoice linked)
                      |---reject--> rejected
                      |---invoice-> accepted (invoice linked)
                      `-- past valid_until: expired
"""

from datetime import date

from talonario.errors import Conflict
from talonario.models import Quote


class QuoteStateConflict(Conflict):
    code = "quote_state_conflict"


class QuoteNotDraft(Conflict):
    code = "quote_not_draft"


class AlreadyInvoiced(Conflict):
    code = "already_invoiced"


def status_of(quote: Quote, today: date) -> str:
    if quote.status == "sent" and quote.valid_until < today:
        return "expired"
    return quote.status


# The action and the states it may start from.
ALLOWED = {
    "send": ("draft",),
    "accept": ("sent",),
    "reject": ("sent",),
    "invoice": ("sent", "accepted"),
}
TARGET = {"send": "sent", "accept": "accepted", "reject": "rejected", "invoice": "accepted"}


def check(quote: Quote, action: str, today: date) -> None:
    """409 naming the state when `action` may not start from the quote's state."""
    if action == "invoice" and quote.invoice_id is not None:
        raise AlreadyInvoiced(
            f"Quote {quote.number} was already turned into invoice {quote.invoice_id}."
        )
    status = status_of(quote, today)
    if status not in ALLOWED[action]:
        allowed = " or ".join(ALLOWED[action])
        raise QuoteStateConflict(
            f"Quote {quote.number} is {status}: it cannot be {_past(action)}"
            f" (only a quote that is {allowed} can).",
        )


def ensure_draft(quote: Quote, today: date) -> None:
    status = status_of(quote, today)
    if status != "draft":
        raise QuoteNotDraft(
            f"Quote {quote.number} is {status}: only a draft can be changed or deleted."
        )


def _past(action: str) -> str:
    return {"send": "sent", "accept": "accepted", "reject": "rejected"}.get(action, "invoiced")
