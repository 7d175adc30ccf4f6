from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity import Activity, check_activity
from ..models.record_in_type import RecordInType, check_record_in_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.breakdown_in import BreakdownIn
    from ..models.corrective_in import CorrectiveIn
    from ..models.invoice_ref_in import InvoiceRefIn
    from ..models.recipient_in import RecipientIn
    from ..models.record_in_metadata import RecordInMetadata


T = TypeVar("T", bound="RecordIn")


@_attrs_define
class RecordIn:
    """An invoice issued elsewhere, as its issuing system numbered and totalled it.

    Attributes:
        number (str): NumSerieFactura, exactly as issued.
        issued_on (datetime.date): FechaExpedicionFactura.
        tax_breakdown (list[BreakdownIn]):
        total_tax (Decimal | str): CuotaTotal: every tax_amount and surcharge_amount.
        total (Decimal | str): ImporteTotal: bases, quotas and surcharges.
        type_ (RecordInType | Unset):  Default: 'F1'.
        operation_date (datetime.date | None | Unset):
        description (str | Unset): DescripcionOperacion. Default: 'Factura'.
        recipients (list[RecipientIn] | Unset): Destinatarios: none for F2/R5.
        corrective (CorrectiveIn | None | Unset): For R1–R5.
        substitutes (list[InvoiceRefIn] | Unset): For an F3: the F2s it replaces.
        activity (Activity | None | Unset): For an F2 over 400 EUR: the RD 1619/2012 art. 4.2 activity.
        installation (None | str | Unset): Installation id or number; default the company's default installation.
        external_id (None | str | Unset):
        metadata (RecordInMetadata | Unset):
    """

    number: str
    issued_on: datetime.date
    tax_breakdown: list[BreakdownIn]
    total_tax: Decimal | str
    total: Decimal | str
    type_: RecordInType | Unset = "F1"
    operation_date: datetime.date | None | Unset = UNSET
    description: str | Unset = "Factura"
    recipients: list[RecipientIn] | Unset = UNSET
    corrective: CorrectiveIn | None | Unset = UNSET
    substitutes: list[InvoiceRefIn] | Unset = UNSET
    activity: Activity | None | Unset = UNSET
    installation: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    metadata: RecordInMetadata | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.corrective_in import CorrectiveIn  # noqa: PLC0415

        number = self.number

        issued_on = self.issued_on.isoformat()

        tax_breakdown = []
        for tax_breakdown_item_data in self.tax_breakdown:
            tax_breakdown_item = tax_breakdown_item_data.to_dict()
            tax_breakdown.append(tax_breakdown_item)

        total_tax: str
        if isinstance(self.total_tax, Decimal):
            total_tax = format(self.total_tax, "f")
        else:
            total_tax = self.total_tax

        total: str
        if isinstance(self.total, Decimal):
            total = format(self.total, "f")
        else:
            total = self.total

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        operation_date: None | str | Unset
        if isinstance(self.operation_date, Unset):
            operation_date = UNSET
        elif isinstance(self.operation_date, datetime.date):
            operation_date = self.operation_date.isoformat()
        else:
            operation_date = self.operation_date

        description = self.description

        recipients: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.recipients, Unset):
            recipients = []
            for recipients_item_data in self.recipients:
                recipients_item = recipients_item_data.to_dict()
                recipients.append(recipients_item)

        corrective: dict[str, Any] | None | Unset
        if isinstance(self.corrective, Unset):
            corrective = UNSET
        elif isinstance(self.corrective, CorrectiveIn):
            corrective = self.corrective.to_dict()
        else:
            corrective = self.corrective

        substitutes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.substitutes, Unset):
            substitutes = []
            for substitutes_item_data in self.substitutes:
                substitutes_item = substitutes_item_data.to_dict()
                substitutes.append(substitutes_item)

        activity: None | str | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        elif isinstance(self.activity, str):
            activity = self.activity
        else:
            activity = self.activity

        installation: None | str | Unset
        if isinstance(self.installation, Unset):
            installation = UNSET
        else:
            installation = self.installation

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "issued_on": issued_on,
                "tax_breakdown": tax_breakdown,
                "total_tax": total_tax,
                "total": total,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if operation_date is not UNSET:
            field_dict["operation_date"] = operation_date
        if description is not UNSET:
            field_dict["description"] = description
        if recipients is not UNSET:
            field_dict["recipients"] = recipients
        if corrective is not UNSET:
            field_dict["corrective"] = corrective
        if substitutes is not UNSET:
            field_dict["substitutes"] = substitutes
        if activity is not UNSET:
            field_dict["activity"] = activity
        if installation is not UNSET:
            field_dict["installation"] = installation
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown_in import BreakdownIn  # noqa: PLC0415
        from ..models.corrective_in import CorrectiveIn  # noqa: PLC0415
        from ..models.invoice_ref_in import InvoiceRefIn  # noqa: PLC0415
        from ..models.recipient_in import RecipientIn  # noqa: PLC0415
        from ..models.record_in_metadata import RecordInMetadata  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        tax_breakdown = []
        _tax_breakdown = d.pop("tax_breakdown")
        for tax_breakdown_item_data in _tax_breakdown:
            tax_breakdown_item = BreakdownIn.from_dict(tax_breakdown_item_data)

            tax_breakdown.append(tax_breakdown_item)

        def _parse_total_tax(data: object) -> Decimal | str:
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                total_tax_type_0 = Decimal(str(data))

                return total_tax_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | str, data)

        total_tax = _parse_total_tax(d.pop("total_tax"))

        def _parse_total(data: object) -> Decimal | str:
            try:
                if not isinstance(data, int | float | Decimal):
                    raise TypeError()
                total_type_0 = Decimal(str(data))

                return total_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | str, data)

        total = _parse_total(d.pop("total"))

        _type_ = d.pop("type", UNSET)
        type_: RecordInType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_record_in_type(_type_)

        def _parse_operation_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                operation_date_type_0 = datetime.date.fromisoformat(data)

                return operation_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        operation_date = _parse_operation_date(d.pop("operation_date", UNSET))

        description = d.pop("description", UNSET)

        _recipients = d.pop("recipients", UNSET)
        recipients: list[RecipientIn] | Unset = UNSET
        if _recipients is not UNSET:
            recipients = []
            for recipients_item_data in _recipients:
                recipients_item = RecipientIn.from_dict(recipients_item_data)

                recipients.append(recipients_item)

        def _parse_corrective(data: object) -> CorrectiveIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                corrective_type_0 = CorrectiveIn.from_dict(data)

                return corrective_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CorrectiveIn | None | Unset, data)

        corrective = _parse_corrective(d.pop("corrective", UNSET))

        _substitutes = d.pop("substitutes", UNSET)
        substitutes: list[InvoiceRefIn] | Unset = UNSET
        if _substitutes is not UNSET:
            substitutes = []
            for substitutes_item_data in _substitutes:
                substitutes_item = InvoiceRefIn.from_dict(substitutes_item_data)

                substitutes.append(substitutes_item)

        def _parse_activity(data: object) -> Activity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_type_0 = check_activity(data)

                return activity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Activity | None | Unset, data)

        activity = _parse_activity(d.pop("activity", UNSET))

        def _parse_installation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        installation = _parse_installation(d.pop("installation", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: RecordInMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = RecordInMetadata.from_dict(_metadata)

        record_in = cls(
            number=number,
            issued_on=issued_on,
            tax_breakdown=tax_breakdown,
            total_tax=total_tax,
            total=total,
            type_=type_,
            operation_date=operation_date,
            description=description,
            recipients=recipients,
            corrective=corrective,
            substitutes=substitutes,
            activity=activity,
            installation=installation,
            external_id=external_id,
            metadata=metadata,
        )

        return record_in
