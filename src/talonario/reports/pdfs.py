"""A period's invoice PDFs as one ZIP, streamed: each PDF as `/v1/invoices/{id}/pdf` gives it
(documents/service.py: the stored bytes, rendered and stored on first request), read one by
one outside any transaction while the archive is written."""

import zipfile
from collections.abc import Iterator
from datetime import date

from talonario.db import Database
from talonario.documents import service as documents
from talonario.kit.zipstream import Sink


def _unique(name: str, issued_on: date, taken: set[str]) -> str:
    """A number repeats only in another year (series may restart yearly): add the date."""
    if name in taken:
        name = name.removesuffix(".pdf") + f"-{issued_on.isoformat()}.pdf"
    taken.add(name)
    return name


def zip_stream(db: Database, company_id: str, invoices: list[tuple[str, date]]) -> Iterator[bytes]:
    """The ZIP of `invoices` ((id, issued_on), in issue order): `Factura-<number>.pdf` each."""
    sink = Sink()
    taken: set[str] = set()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:  # type: ignore[call-overload]
        for invoice_id, issued_on in invoices:
            pdf = documents.invoice_pdf(db, company_id, invoice_id)
            archive.writestr(_unique(pdf.filename, issued_on, taken), pdf.content)
            yield sink.take()
    yield sink.take()
