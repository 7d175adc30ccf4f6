"""All tables, imported here so Alembic and the app see one metadata."""

from talonario.models.account import Account
from talonario.models.api_key import ApiKey
from talonario.models.base import Base
from talonario.models.client import Client
from talonario.models.company import Company, CompanyLogo
from talonario.models.document import EmailOutbox, InvoicePdf, PublicLink
from talonario.models.event import VerifactuEvent, VerifactuEventHead
from talonario.models.idempotency import IdempotencyRecord
from talonario.models.installation import Installation
from talonario.models.invoice import Invoice
from talonario.models.payment import Payment
from talonario.models.product import Product
from talonario.models.quote import Quote
from talonario.models.recurring import RecurringInvoice, RecurringInvoiceRun
from talonario.models.reminder import InvoiceReminder
from talonario.models.requirement import VerifactuExport, VerifactuRequirement
from talonario.models.series import Series
from talonario.models.tax_id_check import TaxIdCheck
from talonario.models.verifactu import (
    VerifactuChainHead,
    VerifactuRecord,
    VerifactuRecordDocument,
    VerifactuRemission,
    VerifactuSubmission,
)
from talonario.models.webhook import WebhookDelivery, WebhookEndpoint, WebhookEvent

__all__ = [
    "Account",
    "ApiKey",
    "Base",
    "Client",
    "Company",
    "CompanyLogo",
    "EmailOutbox",
    "IdempotencyRecord",
    "Installation",
    "Invoice",
    "InvoicePdf",
    "InvoiceReminder",
    "Payment",
    "Product",
    "PublicLink",
    "Quote",
    "RecurringInvoice",
    "RecurringInvoiceRun",
    "Series",
    "TaxIdCheck",
    "VerifactuChainHead",
    "VerifactuEvent",
    "VerifactuEventHead",
    "VerifactuExport",
    "VerifactuRecord",
    "VerifactuRecordDocument",
    "VerifactuRemission",
    "VerifactuRequirement",
    "VerifactuSubmission",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
]
