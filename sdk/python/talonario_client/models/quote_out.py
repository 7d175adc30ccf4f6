from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quote_out_kind import QuoteOutKind, check_quote_out_kind
from ..models.quote_out_status import QuoteOutStatus, check_quote_out_status

if TYPE_CHECKING:
    from ..models.breakdown_row_out import BreakdownRowOut
    from ..models.email_delivery_out import EmailDeliveryOut
    from ..models.line_out import LineOut
    from ..models.party_out import PartyOut
    from ..models.quote_out_metadata import QuoteOutMetadata
    from ..models.quote_public_link_out import QuotePublicLinkOut
    from ..models.withholding_out import WithholdingOut


T = TypeVar("T", bound="QuoteOut")


@_attrs_define
class QuoteOut:
    """
    Attributes:
        id (str):
        object_ (Literal['quote']):
        kind (QuoteOutKind):
        number (str):
        status (QuoteOutStatus):
        issued_on (datetime.date):
        valid_until (datetime.date):
        client (None | PartyOut):
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
        metadata (QuoteOutMetadata):
        invoice (None | str): The invoice made from this quote, if any.
        public_link (None | QuotePublicLinkOut):
        pdf_url (str):
        sent_at (datetime.datetime | None):
        accepted_at (datetime.datetime | None):
        rejected_at (datetime.datetime | None):
        invoiced_at (datetime.datetime | None):
        email (EmailDeliveryOut | None): The quote's latest email (POST /send with `email`): its delivery; null if it
            was never emailed.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["quote"]
    kind: QuoteOutKind
    number: str
    status: QuoteOutStatus
    issued_on: datetime.date
    valid_until: datetime.date
    client: None | PartyOut
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
    metadata: QuoteOutMetadata
    invoice: None | str
    public_link: None | QuotePublicLinkOut
    pdf_url: str
    sent_at: datetime.datetime | None
    accepted_at: datetime.datetime | None
    rejected_at: datetime.datetime | None
    invoiced_at: datetime.datetime | None
    email: EmailDeliveryOut | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.email_delivery_out import EmailDeliveryOut  # noqa: PLC0415
        from ..models.party_out import PartyOut  # noqa: PLC0415
        from ..models.quote_public_link_out import QuotePublicLinkOut  # noqa: PLC0415
        from ..models.withholding_out import WithholdingOut  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        kind: str = self.kind

        number = self.number

        status: str = self.status

        issued_on = self.issued_on.isoformat()

        valid_until = self.valid_until.isoformat()

        client: dict[str, Any] | None
        if isinstance(self.client, PartyOut):
            client = self.client.to_dict()
        else:
            client = self.client

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

        invoice: None | str
        invoice = self.invoice

        public_link: dict[str, Any] | None
        if isinstance(self.public_link, QuotePublicLinkOut):
            public_link = self.public_link.to_dict()
        else:
            public_link = self.public_link

        pdf_url = self.pdf_url

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        accepted_at: None | str
        if isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        rejected_at: None | str
        if isinstance(self.rejected_at, datetime.datetime):
            rejected_at = self.rejected_at.isoformat()
        else:
            rejected_at = self.rejected_at

        invoiced_at: None | str
        if isinstance(self.invoiced_at, datetime.datetime):
            invoiced_at = self.invoiced_at.isoformat()
        else:
            invoiced_at = self.invoiced_at

        email: dict[str, Any] | None
        if isinstance(self.email, EmailDeliveryOut):
            email = self.email.to_dict()
        else:
            email = self.email

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "kind": kind,
                "number": number,
                "status": status,
                "issued_on": issued_on,
                "valid_until": valid_until,
                "client": client,
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
                "invoice": invoice,
                "public_link": public_link,
                "pdf_url": pdf_url,
                "sent_at": sent_at,
                "accepted_at": accepted_at,
                "rejected_at": rejected_at,
                "invoiced_at": invoiced_at,
                "email": email,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown_row_out import BreakdownRowOut  # noqa: PLC0415
        from ..models.email_delivery_out import EmailDeliveryOut  # noqa: PLC0415
        from ..models.line_out import LineOut  # noqa: PLC0415
        from ..models.party_out import PartyOut  # noqa: PLC0415
        from ..models.quote_out_metadata import QuoteOutMetadata  # noqa: PLC0415
        from ..models.quote_public_link_out import QuotePublicLinkOut  # noqa: PLC0415
        from ..models.withholding_out import WithholdingOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["quote"], d.pop("object"))
        if object_ != "quote":
            raise ValueError(f"object must match const 'quote', got '{object_}'")

        kind = check_quote_out_kind(d.pop("kind"))

        number = d.pop("number")

        status = check_quote_out_status(d.pop("status"))

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

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

        metadata = QuoteOutMetadata.from_dict(d.pop("metadata"))

        def _parse_invoice(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invoice = _parse_invoice(d.pop("invoice"))

        def _parse_public_link(data: object) -> None | QuotePublicLinkOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_link_type_0 = QuotePublicLinkOut.from_dict(data)

                return public_link_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuotePublicLinkOut, data)

        public_link = _parse_public_link(d.pop("public_link"))

        pdf_url = d.pop("pdf_url")

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

        def _parse_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at"))

        def _parse_rejected_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rejected_at_type_0 = datetime.datetime.fromisoformat(data)

                return rejected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        rejected_at = _parse_rejected_at(d.pop("rejected_at"))

        def _parse_invoiced_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoiced_at_type_0 = datetime.datetime.fromisoformat(data)

                return invoiced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        invoiced_at = _parse_invoiced_at(d.pop("invoiced_at"))

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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        quote_out = cls(
            id=id,
            object_=object_,
            kind=kind,
            number=number,
            status=status,
            issued_on=issued_on,
            valid_until=valid_until,
            client=client,
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
            invoice=invoice,
            public_link=public_link,
            pdf_url=pdf_url,
            sent_at=sent_at,
            accepted_at=accepted_at,
            rejected_at=rejected_at,
            invoiced_at=invoiced_at,
            email=email,
            created_at=created_at,
            updated_at=updated_at,
        )

        quote_out.additional_properties = d
        return quote_out

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
