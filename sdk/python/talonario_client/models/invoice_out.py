from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activity import Activity, check_activity
from ..models.invoice_out_status import InvoiceOutStatus, check_invoice_out_status
from ..models.invoice_out_type import InvoiceOutType, check_invoice_out_type

if TYPE_CHECKING:
    from ..models.breakdown_row_out import BreakdownRowOut
    from ..models.corrective_out import CorrectiveOut
    from ..models.email_delivery_out import EmailDeliveryOut
    from ..models.invoice_out_custom_fields import InvoiceOutCustomFields
    from ..models.invoice_out_metadata import InvoiceOutMetadata
    from ..models.invoice_ref_out import InvoiceRefOut
    from ..models.line_out import LineOut
    from ..models.party_out import PartyOut
    from ..models.payment_out import PaymentOut
    from ..models.public_link_out import PublicLinkOut
    from ..models.series_ref import SeriesRef
    from ..models.verifactu_out import VerifactuOut
    from ..models.withholding_out import WithholdingOut


T = TypeVar("T", bound="InvoiceOut")


@_attrs_define
class InvoiceOut:
    """
    Attributes:
        id (str):
        object_ (Literal['invoice']):
        number (None | str):
        is_number_assigned (bool):
        series (None | SeriesRef):
        type_ (InvoiceOutType):
        status (InvoiceOutStatus): `overdue`: issued or partially paid, something pending, and `due_on` before today
            (the company's date); computed when read. `pending_amount` tells whether part was paid.
        issued_on (datetime.date | None):
        operation_date (datetime.date | None):
        due_on (datetime.date | None):
        client (None | PartyOut):
        issuer (None | PartyOut):
        lines (list[LineOut]):
        tax_breakdown (list[BreakdownRowOut]):
        withholding (None | WithholdingOut):
        subtotal (Decimal):
        taxes_total (Decimal):
        surcharge_total (Decimal):
        withholding_total (Decimal):
        total (Decimal):
        currency (str):
        notes (None | str):
        external_id (None | str):
        metadata (InvoiceOutMetadata):
        tags (list[str]):
        custom_fields (InvoiceOutCustomFields):
        exclude_347 (bool):
        paid_amount (Decimal):
        pending_amount (Decimal):
        payments (list[PaymentOut]):
        public_link (None | PublicLinkOut):
        corrective (CorrectiveOut | None):
        substitutes (list[InvoiceRefOut] | None):
        substituted_by (None | str):
        activity (Activity | None):
        verifactu (None | VerifactuOut):
        pdf_url (None | str):
        email (EmailDeliveryOut | None): The latest email of the invoice (POST /send) and how its delivery went; payment
            reminders are listed at /v1/invoices/{id}/reminders.
        paid_at (datetime.datetime | None):
        sent_at (datetime.datetime | None):
        voided_at (datetime.datetime | None):
        void_reason (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["invoice"]
    number: None | str
    is_number_assigned: bool
    series: None | SeriesRef
    type_: InvoiceOutType
    status: InvoiceOutStatus
    issued_on: datetime.date | None
    operation_date: datetime.date | None
    due_on: datetime.date | None
    client: None | PartyOut
    issuer: None | PartyOut
    lines: list[LineOut]
    tax_breakdown: list[BreakdownRowOut]
    withholding: None | WithholdingOut
    subtotal: Decimal
    taxes_total: Decimal
    surcharge_total: Decimal
    withholding_total: Decimal
    total: Decimal
    currency: str
    notes: None | str
    external_id: None | str
    metadata: InvoiceOutMetadata
    tags: list[str]
    custom_fields: InvoiceOutCustomFields
    exclude_347: bool
    paid_amount: Decimal
    pending_amount: Decimal
    payments: list[PaymentOut]
    public_link: None | PublicLinkOut
    corrective: CorrectiveOut | None
    substitutes: list[InvoiceRefOut] | None
    substituted_by: None | str
    activity: Activity | None
    verifactu: None | VerifactuOut
    pdf_url: None | str
    email: EmailDeliveryOut | None
    paid_at: datetime.datetime | None
    sent_at: datetime.datetime | None
    voided_at: datetime.datetime | None
    void_reason: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.corrective_out import CorrectiveOut  # noqa: PLC0415
        from ..models.email_delivery_out import EmailDeliveryOut  # noqa: PLC0415
        from ..models.party_out import PartyOut  # noqa: PLC0415
        from ..models.public_link_out import PublicLinkOut  # noqa: PLC0415
        from ..models.series_ref import SeriesRef  # noqa: PLC0415
        from ..models.verifactu_out import VerifactuOut  # noqa: PLC0415
        from ..models.withholding_out import WithholdingOut  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        number: None | str
        number = self.number

        is_number_assigned = self.is_number_assigned

        series: dict[str, Any] | None
        if isinstance(self.series, SeriesRef):
            series = self.series.to_dict()
        else:
            series = self.series

        type_: str = self.type_

        status: str = self.status

        issued_on: None | str
        if isinstance(self.issued_on, datetime.date):
            issued_on = self.issued_on.isoformat()
        else:
            issued_on = self.issued_on

        operation_date: None | str
        if isinstance(self.operation_date, datetime.date):
            operation_date = self.operation_date.isoformat()
        else:
            operation_date = self.operation_date

        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        client: dict[str, Any] | None
        if isinstance(self.client, PartyOut):
            client = self.client.to_dict()
        else:
            client = self.client

        issuer: dict[str, Any] | None
        if isinstance(self.issuer, PartyOut):
            issuer = self.issuer.to_dict()
        else:
            issuer = self.issuer

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        tax_breakdown = []
        for tax_breakdown_item_data in self.tax_breakdown:
            tax_breakdown_item = tax_breakdown_item_data.to_dict()
            tax_breakdown.append(tax_breakdown_item)

        withholding: dict[str, Any] | None
        if isinstance(self.withholding, WithholdingOut):
            withholding = self.withholding.to_dict()
        else:
            withholding = self.withholding

        subtotal = format(self.subtotal, "f")

        taxes_total = format(self.taxes_total, "f")

        surcharge_total = format(self.surcharge_total, "f")

        withholding_total = format(self.withholding_total, "f")

        total = format(self.total, "f")

        currency = self.currency

        notes: None | str
        notes = self.notes

        external_id: None | str
        external_id = self.external_id

        metadata = self.metadata.to_dict()

        tags = self.tags

        custom_fields = self.custom_fields.to_dict()

        exclude_347 = self.exclude_347

        paid_amount = format(self.paid_amount, "f")

        pending_amount = format(self.pending_amount, "f")

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        public_link: dict[str, Any] | None
        if isinstance(self.public_link, PublicLinkOut):
            public_link = self.public_link.to_dict()
        else:
            public_link = self.public_link

        corrective: dict[str, Any] | None
        if isinstance(self.corrective, CorrectiveOut):
            corrective = self.corrective.to_dict()
        else:
            corrective = self.corrective

        substitutes: list[dict[str, Any]] | None
        if isinstance(self.substitutes, list):
            substitutes = []
            for substitutes_type_0_item_data in self.substitutes:
                substitutes_type_0_item = substitutes_type_0_item_data.to_dict()
                substitutes.append(substitutes_type_0_item)

        else:
            substitutes = self.substitutes

        substituted_by: None | str
        substituted_by = self.substituted_by

        activity: None | str
        if isinstance(self.activity, str):
            activity = self.activity
        else:
            activity = self.activity

        verifactu: dict[str, Any] | None
        if isinstance(self.verifactu, VerifactuOut):
            verifactu = self.verifactu.to_dict()
        else:
            verifactu = self.verifactu

        pdf_url: None | str
        pdf_url = self.pdf_url

        email: dict[str, Any] | None
        if isinstance(self.email, EmailDeliveryOut):
            email = self.email.to_dict()
        else:
            email = self.email

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        void_reason: None | str
        void_reason = self.void_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "number": number,
                "is_number_assigned": is_number_assigned,
                "series": series,
                "type": type_,
                "status": status,
                "issued_on": issued_on,
                "operation_date": operation_date,
                "due_on": due_on,
                "client": client,
                "issuer": issuer,
                "lines": lines,
                "tax_breakdown": tax_breakdown,
                "withholding": withholding,
                "subtotal": subtotal,
                "taxes_total": taxes_total,
                "surcharge_total": surcharge_total,
                "withholding_total": withholding_total,
                "total": total,
                "currency": currency,
                "notes": notes,
                "external_id": external_id,
                "metadata": metadata,
                "tags": tags,
                "custom_fields": custom_fields,
                "exclude_347": exclude_347,
                "paid_amount": paid_amount,
                "pending_amount": pending_amount,
                "payments": payments,
                "public_link": public_link,
                "corrective": corrective,
                "substitutes": substitutes,
                "substituted_by": substituted_by,
                "activity": activity,
                "verifactu": verifactu,
                "pdf_url": pdf_url,
                "email": email,
                "paid_at": paid_at,
                "sent_at": sent_at,
                "voided_at": voided_at,
                "void_reason": void_reason,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown_row_out import BreakdownRowOut  # noqa: PLC0415
        from ..models.corrective_out import CorrectiveOut  # noqa: PLC0415
        from ..models.email_delivery_out import EmailDeliveryOut  # noqa: PLC0415
        from ..models.invoice_out_custom_fields import InvoiceOutCustomFields  # noqa: PLC0415
        from ..models.invoice_out_metadata import InvoiceOutMetadata  # noqa: PLC0415
        from ..models.invoice_ref_out import InvoiceRefOut  # noqa: PLC0415
        from ..models.line_out import LineOut  # noqa: PLC0415
        from ..models.party_out import PartyOut  # noqa: PLC0415
        from ..models.payment_out import PaymentOut  # noqa: PLC0415
        from ..models.public_link_out import PublicLinkOut  # noqa: PLC0415
        from ..models.series_ref import SeriesRef  # noqa: PLC0415
        from ..models.verifactu_out import VerifactuOut  # noqa: PLC0415
        from ..models.withholding_out import WithholdingOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["invoice"], d.pop("object"))
        if object_ != "invoice":
            raise ValueError(f"object must match const 'invoice', got '{object_}'")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        is_number_assigned = d.pop("is_number_assigned")

        def _parse_series(data: object) -> None | SeriesRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                series_type_0 = SeriesRef.from_dict(data)

                return series_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeriesRef, data)

        series = _parse_series(d.pop("series"))

        type_ = check_invoice_out_type(d.pop("type"))

        status = check_invoice_out_status(d.pop("status"))

        def _parse_issued_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_on_type_0 = datetime.date.fromisoformat(data)

                return issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        issued_on = _parse_issued_on(d.pop("issued_on"))

        def _parse_operation_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                operation_date_type_0 = datetime.date.fromisoformat(data)

                return operation_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        operation_date = _parse_operation_date(d.pop("operation_date"))

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        def _parse_client(data: object) -> None | PartyOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                client_type_0 = PartyOut.from_dict(data)

                return client_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartyOut, data)

        client = _parse_client(d.pop("client"))

        def _parse_issuer(data: object) -> None | PartyOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                issuer_type_0 = PartyOut.from_dict(data)

                return issuer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartyOut, data)

        issuer = _parse_issuer(d.pop("issuer"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        tax_breakdown = []
        _tax_breakdown = d.pop("tax_breakdown")
        for tax_breakdown_item_data in _tax_breakdown:
            tax_breakdown_item = BreakdownRowOut.from_dict(tax_breakdown_item_data)

            tax_breakdown.append(tax_breakdown_item)

        def _parse_withholding(data: object) -> None | WithholdingOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                withholding_type_0 = WithholdingOut.from_dict(data)

                return withholding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WithholdingOut, data)

        withholding = _parse_withholding(d.pop("withholding"))

        subtotal = Decimal(str(d.pop("subtotal")))

        taxes_total = Decimal(str(d.pop("taxes_total")))

        surcharge_total = Decimal(str(d.pop("surcharge_total")))

        withholding_total = Decimal(str(d.pop("withholding_total")))

        total = Decimal(str(d.pop("total")))

        currency = d.pop("currency")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        metadata = InvoiceOutMetadata.from_dict(d.pop("metadata"))

        tags = cast(list[str], d.pop("tags"))

        custom_fields = InvoiceOutCustomFields.from_dict(d.pop("custom_fields"))

        exclude_347 = d.pop("exclude_347")

        paid_amount = Decimal(str(d.pop("paid_amount")))

        pending_amount = Decimal(str(d.pop("pending_amount")))

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = PaymentOut.from_dict(payments_item_data)

            payments.append(payments_item)

        def _parse_public_link(data: object) -> None | PublicLinkOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_link_type_0 = PublicLinkOut.from_dict(data)

                return public_link_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicLinkOut, data)

        public_link = _parse_public_link(d.pop("public_link"))

        def _parse_corrective(data: object) -> CorrectiveOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                corrective_type_0 = CorrectiveOut.from_dict(data)

                return corrective_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CorrectiveOut | None, data)

        corrective = _parse_corrective(d.pop("corrective"))

        def _parse_substitutes(data: object) -> list[InvoiceRefOut] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                substitutes_type_0 = []
                _substitutes_type_0 = data
                for substitutes_type_0_item_data in _substitutes_type_0:
                    substitutes_type_0_item = InvoiceRefOut.from_dict(substitutes_type_0_item_data)

                    substitutes_type_0.append(substitutes_type_0_item)

                return substitutes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvoiceRefOut] | None, data)

        substitutes = _parse_substitutes(d.pop("substitutes"))

        def _parse_substituted_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        substituted_by = _parse_substituted_by(d.pop("substituted_by"))

        def _parse_activity(data: object) -> Activity | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_type_0 = check_activity(data)

                return activity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Activity | None, data)

        activity = _parse_activity(d.pop("activity"))

        def _parse_verifactu(data: object) -> None | VerifactuOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                verifactu_type_0 = VerifactuOut.from_dict(data)

                return verifactu_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VerifactuOut, data)

        verifactu = _parse_verifactu(d.pop("verifactu"))

        def _parse_pdf_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pdf_url = _parse_pdf_url(d.pop("pdf_url"))

        def _parse_email(data: object) -> EmailDeliveryOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                email_type_0 = EmailDeliveryOut.from_dict(data)

                return email_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailDeliveryOut | None, data)

        email = _parse_email(d.pop("email"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        def _parse_voided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voided_at_type_0 = datetime.datetime.fromisoformat(data)

                return voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        voided_at = _parse_voided_at(d.pop("voided_at"))

        def _parse_void_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        void_reason = _parse_void_reason(d.pop("void_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        invoice_out = cls(
            id=id,
            object_=object_,
            number=number,
            is_number_assigned=is_number_assigned,
            series=series,
            type_=type_,
            status=status,
            issued_on=issued_on,
            operation_date=operation_date,
            due_on=due_on,
            client=client,
            issuer=issuer,
            lines=lines,
            tax_breakdown=tax_breakdown,
            withholding=withholding,
            subtotal=subtotal,
            taxes_total=taxes_total,
            surcharge_total=surcharge_total,
            withholding_total=withholding_total,
            total=total,
            currency=currency,
            notes=notes,
            external_id=external_id,
            metadata=metadata,
            tags=tags,
            custom_fields=custom_fields,
            exclude_347=exclude_347,
            paid_amount=paid_amount,
            pending_amount=pending_amount,
            payments=payments,
            public_link=public_link,
            corrective=corrective,
            substitutes=substitutes,
            substituted_by=substituted_by,
            activity=activity,
            verifactu=verifactu,
            pdf_url=pdf_url,
            email=email,
            paid_at=paid_at,
            sent_at=sent_at,
            voided_at=voided_at,
            void_reason=void_reason,
            created_at=created_at,
            updated_at=updated_at,
        )

        invoice_out.additional_properties = d
        return invoice_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
