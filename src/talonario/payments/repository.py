"""All the SQL of payments (an invoice's page of them is read with the invoice: invoices/
repository.py `payments_of`)."""

from talonario.db.repository import Repository
from talonario.models import Payment


class PaymentRepository(Repository[Payment]):
    model = Payment

    def on_invoice(self, invoice_id: str, payment_id: str) -> Payment | None:
        """The payment `payment_id` if it is one of this invoice's."""
        stmt = self.select().where(Payment.invoice_id == invoice_id, Payment.id == payment_id)
        return self.first(stmt)  # type: ignore[no-any-return]

    def remove(self, payment: Payment) -> None:
        """Delete the row with the transaction's next flush."""
        self.session.delete(payment)
