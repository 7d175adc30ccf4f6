"""Contains all the data models used in inputs/outputs"""

from .account_company_create import AccountCompanyCreate
from .activity import Activity
from .address import Address
from .address_country import AddressCountry
from .address_out import AddressOut
from .aeat_out import AeatOut
from .api_key_create import ApiKeyCreate
from .api_key_create_scopes_item import ApiKeyCreateScopesItem
from .api_key_out import ApiKeyOut
from .audit_out import AuditOut
from .base_row import BaseRow
from .batch_in import BatchIn
from .batch_item_out import BatchItemOut
from .batch_item_out_error_type_0 import BatchItemOutErrorType0
from .batch_item_out_status import BatchItemOutStatus
from .batch_out import BatchOut
from .breakdown_in import BreakdownIn
from .breakdown_in_operation import BreakdownInOperation
from .breakdown_in_tax_type import BreakdownInTaxType
from .breakdown_row_out import BreakdownRowOut
from .cancel_in import CancelIn
from .certificate_out import CertificateOut
from .certificate_out_kind import CertificateOutKind
from .certificate_upload import CertificateUpload
from .certificate_upload_kind_type_0 import CertificateUploadKindType0
from .chain_check_out import ChainCheckOut
from .chain_check_out_first_break_type_0 import ChainCheckOutFirstBreakType0
from .chain_verify_out import ChainVerifyOut
from .chain_verify_out_first_break_type_0 import ChainVerifyOutFirstBreakType0
from .client_create import ClientCreate
from .client_inline import ClientInline
from .client_out import ClientOut
from .client_update import ClientUpdate
from .company_out import CompanyOut
from .company_update import CompanyUpdate
from .company_verifactu_out import CompanyVerifactuOut
from .company_verifactu_out_environment import CompanyVerifactuOutEnvironment
from .company_verifactu_out_mode import CompanyVerifactuOutMode
from .company_verifactu_out_next_mode_type_0 import CompanyVerifactuOutNextModeType0
from .corrective_in import CorrectiveIn
from .corrective_in_method import CorrectiveInMethod
from .corrective_out import CorrectiveOut
from .corrective_out_method import CorrectiveOutMethod
from .corrective_out_type import CorrectiveOutType
from .counterparty_347 import Counterparty347
from .declaration_item_out import DeclarationItemOut
from .declaration_out import DeclarationOut
from .eligibility_recipient_in import EligibilityRecipientIn
from .email_delivery_out import EmailDeliveryOut
from .email_delivery_out_status import EmailDeliveryOutStatus
from .email_entry import EmailEntry
from .email_entry_kind import EmailEntryKind
from .email_entry_type import EmailEntryType
from .error_detail import ErrorDetail
from .error_out import ErrorOut
from .event_out import EventOut
from .exemption import Exemption
from .export_kind import ExportKind
from .foreign_id import ForeignId
from .foreign_id_country_type_0 import ForeignIdCountryType0
from .foreign_id_id_type import ForeignIdIdType
from .foreign_id_out import ForeignIdOut
from .foreign_id_out_id_type import ForeignIdOutIdType
from .gateway_record_out import GatewayRecordOut
from .gateway_record_out_corrective_type_0 import GatewayRecordOutCorrectiveType0
from .gateway_record_out_issuer import GatewayRecordOutIssuer
from .gateway_record_out_metadata import GatewayRecordOutMetadata
from .gateway_record_out_status import GatewayRecordOutStatus
from .gateway_record_out_substitutes_type_0_item import GatewayRecordOutSubstitutesType0Item
from .gateway_record_out_type import GatewayRecordOutType
from .health_response_health_health import HealthResponseHealthHealth
from .held_out import HeldOut
from .http_validation_error import HTTPValidationError
from .incident_out import IncidentOut
from .installation_chain_out import InstallationChainOut
from .installation_chain_out_first_break_type_0 import InstallationChainOutFirstBreakType0
from .installation_create import InstallationCreate
from .installation_out import InstallationOut
from .installation_update import InstallationUpdate
from .invoice_activity_out import InvoiceActivityOut
from .invoice_create import InvoiceCreate
from .invoice_create_custom_fields_type_0 import InvoiceCreateCustomFieldsType0
from .invoice_create_metadata_type_0 import InvoiceCreateMetadataType0
from .invoice_create_type import InvoiceCreateType
from .invoice_created_entry import InvoiceCreatedEntry
from .invoice_issued_entry import InvoiceIssuedEntry
from .invoice_out import InvoiceOut
from .invoice_out_custom_fields import InvoiceOutCustomFields
from .invoice_out_metadata import InvoiceOutMetadata
from .invoice_out_status import InvoiceOutStatus
from .invoice_out_type import InvoiceOutType
from .invoice_overdue_entry import InvoiceOverdueEntry
from .invoice_paid_entry import InvoicePaidEntry
from .invoice_ref_in import InvoiceRefIn
from .invoice_ref_out import InvoiceRefOut
from .invoice_update import InvoiceUpdate
from .invoice_update_custom_fields_type_0 import InvoiceUpdateCustomFieldsType0
from .invoice_update_metadata_type_0 import InvoiceUpdateMetadataType0
from .invoice_update_type import InvoiceUpdateType
from .invoice_voided_entry import InvoiceVoidedEntry
from .invoices_csv_status_type_0 import InvoicesCsvStatusType0
from .invoices_csv_type_type_0 import InvoicesCsvTypeType0
from .invoices_xlsx_status_type_0 import InvoicesXlsxStatusType0
from .invoices_xlsx_type_type_0 import InvoicesXlsxTypeType0
from .issue_in import IssueIn
from .line_in import LineIn
from .line_out import LineOut
from .list_events_type_type_0_item import ListEventsTypeType0Item
from .list_invoices_status_type_0 import ListInvoicesStatusType0
from .list_invoices_type_type_0 import ListInvoicesTypeType0
from .list_invoices_verifactu_status_type_0 import ListInvoicesVerifactuStatusType0
from .list_of_api_key_out import ListOfApiKeyOut
from .list_of_client_out import ListOfClientOut
from .list_of_company_out import ListOfCompanyOut
from .list_of_event_out import ListOfEventOut
from .list_of_gateway_record_out import ListOfGatewayRecordOut
from .list_of_installation_out import ListOfInstallationOut
from .list_of_invoice_out import ListOfInvoiceOut
from .list_of_payment_out import ListOfPaymentOut
from .list_of_product_out import ListOfProductOut
from .list_of_quote_out import ListOfQuoteOut
from .list_of_record_out import ListOfRecordOut
from .list_of_recurring_invoice_out import ListOfRecurringInvoiceOut
from .list_of_recurring_run_out import ListOfRecurringRunOut
from .list_of_reminder_out import ListOfReminderOut
from .list_of_requirement_out import ListOfRequirementOut
from .list_of_series_out import ListOfSeriesOut
from .list_of_webhook_delivery_out import ListOfWebhookDeliveryOut
from .list_of_webhook_endpoint_out import ListOfWebhookEndpointOut
from .list_of_webhook_event_out import ListOfWebhookEventOut
from .list_quotes_kind_type_0 import ListQuotesKindType0
from .list_quotes_status_type_0 import ListQuotesStatusType0
from .list_records_format import ListRecordsFormat
from .list_records_status_type_0 import ListRecordsStatusType0
from .list_records_type_type_0 import ListRecordsTypeType0
from .list_records_verifactu_status_type_0 import ListRecordsVerifactuStatusType0
from .list_recurring_invoices_status_type_0 import ListRecurringInvoicesStatusType0
from .list_series_kind_type_0 import ListSeriesKindType0
from .list_webhook_deliveries_status_type_0 import ListWebhookDeliveriesStatusType0
from .logo_out import LogoOut
from .logo_out_content_type import LogoOutContentType
from .not_subject import NotSubject
from .other_tax_row import OtherTaxRow
from .party_out import PartyOut
from .payment_create import PaymentCreate
from .payment_entry import PaymentEntry
from .payment_out import PaymentOut
from .producer_out import ProducerOut
from .product_create import ProductCreate
from .product_out import ProductOut
from .product_update import ProductUpdate
from .public_link_entry import PublicLinkEntry
from .public_link_in import PublicLinkIn
from .public_link_out import PublicLinkOut
from .qr_image_format_type_0 import QrImageFormatType0
from .quarters import Quarters
from .query_out import QueryOut
from .quote_create import QuoteCreate
from .quote_create_kind import QuoteCreateKind
from .quote_create_metadata_type_0 import QuoteCreateMetadataType0
from .quote_email_in import QuoteEmailIn
from .quote_invoice_in import QuoteInvoiceIn
from .quote_out import QuoteOut
from .quote_out_kind import QuoteOutKind
from .quote_out_metadata import QuoteOutMetadata
from .quote_out_status import QuoteOutStatus
from .quote_public_link_out import QuotePublicLinkOut
from .quote_send_in import QuoteSendIn
from .quote_update import QuoteUpdate
from .quote_update_kind import QuoteUpdateKind
from .quote_update_metadata_type_0 import QuoteUpdateMetadataType0
from .reason import Reason
from .recipient_in import RecipientIn
from .recipient_out import RecipientOut
from .record_aeat_out import RecordAeatOut
from .record_entry import RecordEntry
from .record_entry_kind import RecordEntryKind
from .record_entry_type import RecordEntryType
from .record_in import RecordIn
from .record_in_metadata import RecordInMetadata
from .record_in_type import RecordInType
from .record_out import RecordOut
from .record_out_kind import RecordOutKind
from .record_qr_image_format_type_0 import RecordQrImageFormatType0
from .rectified_amounts_in import RectifiedAmountsIn
from .rectified_amounts_out import RectifiedAmountsOut
from .rectify_in import RectifyIn
from .rectify_in_metadata_type_0 import RectifyInMetadataType0
from .rectify_in_method import RectifyInMethod
from .rectify_in_type import RectifyInType
from .recurring_invoice_create import RecurringInvoiceCreate
from .recurring_invoice_create_interval import RecurringInvoiceCreateInterval
from .recurring_invoice_create_metadata_type_0 import RecurringInvoiceCreateMetadataType0
from .recurring_invoice_create_type import RecurringInvoiceCreateType
from .recurring_invoice_out import RecurringInvoiceOut
from .recurring_invoice_out_client_type_1 import RecurringInvoiceOutClientType1
from .recurring_invoice_out_interval import RecurringInvoiceOutInterval
from .recurring_invoice_out_lines_item import RecurringInvoiceOutLinesItem
from .recurring_invoice_out_metadata import RecurringInvoiceOutMetadata
from .recurring_invoice_out_status import RecurringInvoiceOutStatus
from .recurring_invoice_out_withholding_type_0 import RecurringInvoiceOutWithholdingType0
from .recurring_invoice_update import RecurringInvoiceUpdate
from .recurring_invoice_update_interval import RecurringInvoiceUpdateInterval
from .recurring_invoice_update_metadata_type_0 import RecurringInvoiceUpdateMetadataType0
from .recurring_invoice_update_type import RecurringInvoiceUpdateType
from .recurring_run_out import RecurringRunOut
from .remind_in import RemindIn
from .reminder_out import ReminderOut
from .reminder_out_status import ReminderOutStatus
from .reminder_out_trigger import ReminderOutTrigger
from .reminder_skipped_entry import ReminderSkippedEntry
from .reminders_out import RemindersOut
from .reminders_update import RemindersUpdate
from .remission_status_out import RemissionStatusOut
from .report_347_out import Report347Out
from .requirement_create import RequirementCreate
from .requirement_out import RequirementOut
from .requirement_submission_out import RequirementSubmissionOut
from .requirement_submission_out_errors_item import RequirementSubmissionOutErrorsItem
from .send_in import SendIn
from .series_create import SeriesCreate
from .series_create_kind import SeriesCreateKind
from .series_out import SeriesOut
from .series_out_kind import SeriesOutKind
from .series_ref import SeriesRef
from .series_update import SeriesUpdate
from .simplified_eligibility_in import SimplifiedEligibilityIn
from .simplified_eligibility_out import SimplifiedEligibilityOut
from .submission_out import SubmissionOut
from .submission_out_status import SubmissionOutStatus
from .system_out import SystemOut
from .tax_id_check_out import TaxIdCheckOut
from .tax_id_check_out_result import TaxIdCheckOutResult
from .tax_id_check_out_source import TaxIdCheckOutSource
from .tax_in import TaxIn
from .tax_out import TaxOut
from .tax_type import TaxType
from .taxed_row import TaxedRow
from .usage_out import UsageOut
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .vat_report_out import VatReportOut
from .vat_totals import VatTotals
from .verifactu_out import VerifactuOut
from .verifactu_out_errors_item import VerifactuOutErrorsItem
from .verifactu_out_status import VerifactuOutStatus
from .verifactu_settings import VerifactuSettings
from .verifactu_settings_environment import VerifactuSettingsEnvironment
from .verifactu_update import VerifactuUpdate
from .verifactu_update_environment import VerifactuUpdateEnvironment
from .verifactu_update_mode import VerifactuUpdateMode
from .void_in import VoidIn
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_delivery_out_event_type import WebhookDeliveryOutEventType
from .webhook_delivery_out_status import WebhookDeliveryOutStatus
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_create_events_item import WebhookEndpointCreateEventsItem
from .webhook_endpoint_out import WebhookEndpointOut
from .webhook_endpoint_out_disabled_reason_type_0 import WebhookEndpointOutDisabledReasonType0
from .webhook_endpoint_out_events_item import WebhookEndpointOutEventsItem
from .webhook_endpoint_update import WebhookEndpointUpdate
from .webhook_endpoint_update_events_item import WebhookEndpointUpdateEventsItem
from .webhook_event_out import WebhookEventOut
from .webhook_event_out_data import WebhookEventOutData
from .webhook_event_out_type import WebhookEventOutType
from .withholding_in import WithholdingIn
from .withholding_out import WithholdingOut

__all__ = (
    "AccountCompanyCreate",
    "Activity",
    "Address",
    "AddressCountry",
    "AddressOut",
    "AeatOut",
    "ApiKeyCreate",
    "ApiKeyCreateScopesItem",
    "ApiKeyOut",
    "AuditOut",
    "BaseRow",
    "BatchIn",
    "BatchItemOut",
    "BatchItemOutErrorType0",
    "BatchItemOutStatus",
    "BatchOut",
    "BreakdownIn",
    "BreakdownInOperation",
    "BreakdownInTaxType",
    "BreakdownRowOut",
    "CancelIn",
    "CertificateOut",
    "CertificateOutKind",
    "CertificateUpload",
    "CertificateUploadKindType0",
    "ChainCheckOut",
    "ChainCheckOutFirstBreakType0",
    "ChainVerifyOut",
    "ChainVerifyOutFirstBreakType0",
    "ClientCreate",
    "ClientInline",
    "ClientOut",
    "ClientUpdate",
    "CompanyOut",
    "CompanyUpdate",
    "CompanyVerifactuOut",
    "CompanyVerifactuOutEnvironment",
    "CompanyVerifactuOutMode",
    "CompanyVerifactuOutNextModeType0",
    "CorrectiveIn",
    "CorrectiveInMethod",
    "CorrectiveOut",
    "CorrectiveOutMethod",
    "CorrectiveOutType",
    "Counterparty347",
    "DeclarationItemOut",
    "DeclarationOut",
    "EligibilityRecipientIn",
    "EmailDeliveryOut",
    "EmailDeliveryOutStatus",
    "EmailEntry",
    "EmailEntryKind",
    "EmailEntryType",
    "ErrorDetail",
    "ErrorOut",
    "EventOut",
    "Exemption",
    "ExportKind",
    "ForeignId",
    "ForeignIdCountryType0",
    "ForeignIdIdType",
    "ForeignIdOut",
    "ForeignIdOutIdType",
    "GatewayRecordOut",
    "GatewayRecordOutCorrectiveType0",
    "GatewayRecordOutIssuer",
    "GatewayRecordOutMetadata",
    "GatewayRecordOutStatus",
    "GatewayRecordOutSubstitutesType0Item",
    "GatewayRecordOutType",
    "HealthResponseHealthHealth",
    "HeldOut",
    "HTTPValidationError",
    "IncidentOut",
    "InstallationChainOut",
    "InstallationChainOutFirstBreakType0",
    "InstallationCreate",
    "InstallationOut",
    "InstallationUpdate",
    "InvoiceActivityOut",
    "InvoiceCreate",
    "InvoiceCreateCustomFieldsType0",
    "InvoiceCreatedEntry",
    "InvoiceCreateMetadataType0",
    "InvoiceCreateType",
    "InvoiceIssuedEntry",
    "InvoiceOut",
    "InvoiceOutCustomFields",
    "InvoiceOutMetadata",
    "InvoiceOutStatus",
    "InvoiceOutType",
    "InvoiceOverdueEntry",
    "InvoicePaidEntry",
    "InvoiceRefIn",
    "InvoiceRefOut",
    "InvoicesCsvStatusType0",
    "InvoicesCsvTypeType0",
    "InvoicesXlsxStatusType0",
    "InvoicesXlsxTypeType0",
    "InvoiceUpdate",
    "InvoiceUpdateCustomFieldsType0",
    "InvoiceUpdateMetadataType0",
    "InvoiceUpdateType",
    "InvoiceVoidedEntry",
    "IssueIn",
    "LineIn",
    "LineOut",
    "ListEventsTypeType0Item",
    "ListInvoicesStatusType0",
    "ListInvoicesTypeType0",
    "ListInvoicesVerifactuStatusType0",
    "ListOfApiKeyOut",
    "ListOfClientOut",
    "ListOfCompanyOut",
    "ListOfEventOut",
    "ListOfGatewayRecordOut",
    "ListOfInstallationOut",
    "ListOfInvoiceOut",
    "ListOfPaymentOut",
    "ListOfProductOut",
    "ListOfQuoteOut",
    "ListOfRecordOut",
    "ListOfRecurringInvoiceOut",
    "ListOfRecurringRunOut",
    "ListOfReminderOut",
    "ListOfRequirementOut",
    "ListOfSeriesOut",
    "ListOfWebhookDeliveryOut",
    "ListOfWebhookEndpointOut",
    "ListOfWebhookEventOut",
    "ListQuotesKindType0",
    "ListQuotesStatusType0",
    "ListRecordsFormat",
    "ListRecordsStatusType0",
    "ListRecordsTypeType0",
    "ListRecordsVerifactuStatusType0",
    "ListRecurringInvoicesStatusType0",
    "ListSeriesKindType0",
    "ListWebhookDeliveriesStatusType0",
    "LogoOut",
    "LogoOutContentType",
    "NotSubject",
    "OtherTaxRow",
    "PartyOut",
    "PaymentCreate",
    "PaymentEntry",
    "PaymentOut",
    "ProducerOut",
    "ProductCreate",
    "ProductOut",
    "ProductUpdate",
    "PublicLinkEntry",
    "PublicLinkIn",
    "PublicLinkOut",
    "QrImageFormatType0",
    "Quarters",
    "QueryOut",
    "QuoteCreate",
    "QuoteCreateKind",
    "QuoteCreateMetadataType0",
    "QuoteEmailIn",
    "QuoteInvoiceIn",
    "QuoteOut",
    "QuoteOutKind",
    "QuoteOutMetadata",
    "QuoteOutStatus",
    "QuotePublicLinkOut",
    "QuoteSendIn",
    "QuoteUpdate",
    "QuoteUpdateKind",
    "QuoteUpdateMetadataType0",
    "Reason",
    "RecipientIn",
    "RecipientOut",
    "RecordAeatOut",
    "RecordEntry",
    "RecordEntryKind",
    "RecordEntryType",
    "RecordIn",
    "RecordInMetadata",
    "RecordInType",
    "RecordOut",
    "RecordOutKind",
    "RecordQrImageFormatType0",
    "RectifiedAmountsIn",
    "RectifiedAmountsOut",
    "RectifyIn",
    "RectifyInMetadataType0",
    "RectifyInMethod",
    "RectifyInType",
    "RecurringInvoiceCreate",
    "RecurringInvoiceCreateInterval",
    "RecurringInvoiceCreateMetadataType0",
    "RecurringInvoiceCreateType",
    "RecurringInvoiceOut",
    "RecurringInvoiceOutClientType1",
    "RecurringInvoiceOutInterval",
    "RecurringInvoiceOutLinesItem",
    "RecurringInvoiceOutMetadata",
    "RecurringInvoiceOutStatus",
    "RecurringInvoiceOutWithholdingType0",
    "RecurringInvoiceUpdate",
    "RecurringInvoiceUpdateInterval",
    "RecurringInvoiceUpdateMetadataType0",
    "RecurringInvoiceUpdateType",
    "RecurringRunOut",
    "ReminderOut",
    "ReminderOutStatus",
    "ReminderOutTrigger",
    "ReminderSkippedEntry",
    "RemindersOut",
    "RemindersUpdate",
    "RemindIn",
    "RemissionStatusOut",
    "Report347Out",
    "RequirementCreate",
    "RequirementOut",
    "RequirementSubmissionOut",
    "RequirementSubmissionOutErrorsItem",
    "SendIn",
    "SeriesCreate",
    "SeriesCreateKind",
    "SeriesOut",
    "SeriesOutKind",
    "SeriesRef",
    "SeriesUpdate",
    "SimplifiedEligibilityIn",
    "SimplifiedEligibilityOut",
    "SubmissionOut",
    "SubmissionOutStatus",
    "SystemOut",
    "TaxedRow",
    "TaxIdCheckOut",
    "TaxIdCheckOutResult",
    "TaxIdCheckOutSource",
    "TaxIn",
    "TaxOut",
    "TaxType",
    "UsageOut",
    "ValidationError",
    "ValidationErrorContext",
    "VatReportOut",
    "VatTotals",
    "VerifactuOut",
    "VerifactuOutErrorsItem",
    "VerifactuOutStatus",
    "VerifactuSettings",
    "VerifactuSettingsEnvironment",
    "VerifactuUpdate",
    "VerifactuUpdateEnvironment",
    "VerifactuUpdateMode",
    "VoidIn",
    "WebhookDeliveryOut",
    "WebhookDeliveryOutEventType",
    "WebhookDeliveryOutStatus",
    "WebhookEndpointCreate",
    "WebhookEndpointCreateEventsItem",
    "WebhookEndpointOut",
    "WebhookEndpointOutDisabledReasonType0",
    "WebhookEndpointOutEventsItem",
    "WebhookEndpointUpdate",
    "WebhookEndpointUpdateEventsItem",
    "WebhookEventOut",
    "WebhookEventOutData",
    "WebhookEventOutType",
    "WithholdingIn",
    "WithholdingOut",
)
