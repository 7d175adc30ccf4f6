"""Finding invoices: one by id or external_id, a filtered page, their payments; and whether an
external_id is free."""

from collections.abc import Sequence

from sqlalchemy.orm import Session

from talonario.invoices.errors import InvoiceNotFound
from talonario.invoices.repository import Delivery, InvoiceRepository, ListFilters
from talonario.models import Invoice, Payment


def get(
    session: Session,
    company_id: str,
    ref: str,
    for_update: bool = False,
    param: str = "id",
    origin: str = "api",
) -> Invoice:
    """By Talonario id or, failing that, by the caller's external_id. An invoice of ours
    (`origin` api) or a gateway record (gateway): each is 404 where the other is asked for."""
    repo = InvoiceRepository(session, company_id)
    invoice = repo.found(InvoiceNotFound, ref, by_ref=True, for_update=for_update, param=param)
    if invoice.origin != origin:
        raise InvoiceNotFound(
            f"No {'record' if origin == 'gateway' else 'invoice'} '{ref}'.", param=param
        )
    return invoice


def list_invoices(
    session: Session,
    company_id: str,
    filters: ListFilters,
    limit: int,
    starting_after: str | None,
) -> tuple[Sequence[Invoice], bool]:
    return InvoiceRepository(session, company_id).listed(filters, limit, starting_after)


def payments_of(
    session: Session, company_id: str, invoice_ids: Sequence[str]
) -> dict[str, list[Payment]]:
    return InvoiceRepository(session, company_id).payments_of(invoice_ids)


def delivery_of(session: Session, invoice: Invoice) -> Delivery:
    """The public link and latest email of an invoice (a draft has neither: no query)."""
    return InvoiceRepository(session, invoice.company_id).delivery_of(invoice)
