"""The SQL of regularising NO VERI*FACTU records: the invoices whose latest record was kept."""

from collections.abc import Sequence

from talonario.db.repository import Repository
from talonario.models import Invoice, VerifactuRecord

KEPT = "kept"


class KeptInvoices(Repository[VerifactuRecord]):
    model = VerifactuRecord

    def latest_kept(self) -> Sequence[tuple[Invoice, str, str | None]]:
        """(invoice, kind, installation_id) of each of the company's invoices whose latest
        record is kept (made in NO VERI*FACTU, never sent), in chain order; the invoices are
        loaded into the session, to be changed."""
        stmt = (
            self.select(Invoice, VerifactuRecord.kind, VerifactuRecord.installation_id)
            .select_from(VerifactuRecord)
            .join(Invoice, Invoice.verifactu_record_id == VerifactuRecord.id)
            .where(VerifactuRecord.status == KEPT, Invoice.company_id == self.company_id)
            .order_by(VerifactuRecord.sequence)
        )
        return [(row[0], row[1], row[2]) for row in self.session.execute(stmt)]
