from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gateway_record_out_status import GatewayRecordOutStatus, check_gateway_record_out_status
from ..models.gateway_record_out_type import GatewayRecordOutType, check_gateway_record_out_type

if TYPE_CHECKING:
    from ..models.breakdown_row_out import BreakdownRowOut
    from ..models.gateway_record_out_corrective_type_0 import GatewayRecordOutCorrectiveType0
    from ..models.gateway_record_out_issuer import GatewayRecordOutIssuer
    from ..models.gateway_record_out_metadata import GatewayRecordOutMetadata
    from ..models.gateway_record_out_substitutes_type_0_item import GatewayRecordOutSubstitutesType0Item
    from ..models.recipient_out import RecipientOut
    from ..models.verifactu_out import VerifactuOut


T = TypeVar("T", bound="GatewayRecordOut")


@_attrs_define
class GatewayRecordOut:
    """
    Attributes:
        id (str):
        object_ (Literal['record']):
        number (str):
        issued_on (datetime.date):
        type_ (GatewayRecordOutType):
        status (GatewayRecordOutStatus):
        operation_date (datetime.date | None):
        description (str):
        issuer (GatewayRecordOutIssuer):
        recipients (list[RecipientOut]):
        tax_breakdown (list[BreakdownRowOut]):
        total_tax (Decimal):
        total (Decimal):
        corrective (GatewayRecordOutCorrectiveType0 | None):
        substitutes (list[GatewayRecordOutSubstitutesType0Item] | None):
        external_id (None | str):
        metadata (GatewayRecordOutMetadata):
        verifactu (None | VerifactuOut):
        cancelled_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["record"]
    number: str
    issued_on: datetime.date
    type_: GatewayRecordOutType
    status: GatewayRecordOutStatus
    operation_date: datetime.date | None
    description: str
    issuer: GatewayRecordOutIssuer
    recipients: list[RecipientOut]
    tax_breakdown: list[BreakdownRowOut]
    total_tax: Decimal
    total: Decimal
    corrective: GatewayRecordOutCorrectiveType0 | None
    substitutes: list[GatewayRecordOutSubstitutesType0Item] | None
    external_id: None | str
    metadata: GatewayRecordOutMetadata
    verifactu: None | VerifactuOut
    cancelled_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.gateway_record_out_corrective_type_0 import GatewayRecordOutCorrectiveType0  # noqa: PLC0415
        from ..models.verifactu_out import VerifactuOut  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        number = self.number

        issued_on = self.issued_on.isoformat()

        type_: str = self.type_

        status: str = self.status

        operation_date: None | str
        if isinstance(self.operation_date, datetime.date):
            operation_date = self.operation_date.isoformat()
        else:
            operation_date = self.operation_date

        description = self.description

        issuer = self.issuer.to_dict()

        recipients = []
        for recipients_item_data in self.recipients:
            recipients_item = recipients_item_data.to_dict()
            recipients.append(recipients_item)

        tax_breakdown = []
        for tax_breakdown_item_data in self.tax_breakdown:
            tax_breakdown_item = tax_breakdown_item_data.to_dict()
            tax_breakdown.append(tax_breakdown_item)

        total_tax = format(self.total_tax, "f")

        total = format(self.total, "f")

        corrective: dict[str, Any] | None
        if isinstance(self.corrective, GatewayRecordOutCorrectiveType0):
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

        external_id: None | str
        external_id = self.external_id

        metadata = self.metadata.to_dict()

        verifactu: dict[str, Any] | None
        if isinstance(self.verifactu, VerifactuOut):
            verifactu = self.verifactu.to_dict()
        else:
            verifactu = self.verifactu

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "number": number,
                "issued_on": issued_on,
                "type": type_,
                "status": status,
                "operation_date": operation_date,
                "description": description,
                "issuer": issuer,
                "recipients": recipients,
                "tax_breakdown": tax_breakdown,
                "total_tax": total_tax,
                "total": total,
                "corrective": corrective,
                "substitutes": substitutes,
                "external_id": external_id,
                "metadata": metadata,
                "verifactu": verifactu,
                "cancelled_at": cancelled_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown_row_out import BreakdownRowOut  # noqa: PLC0415
        from ..models.gateway_record_out_corrective_type_0 import GatewayRecordOutCorrectiveType0  # noqa: PLC0415
        from ..models.gateway_record_out_issuer import GatewayRecordOutIssuer  # noqa: PLC0415
        from ..models.gateway_record_out_metadata import GatewayRecordOutMetadata  # noqa: PLC0415
        from ..models.gateway_record_out_substitutes_type_0_item import GatewayRecordOutSubstitutesType0Item  # noqa: PLC0415
        from ..models.recipient_out import RecipientOut  # noqa: PLC0415
        from ..models.verifactu_out import VerifactuOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["record"], d.pop("object"))
        if object_ != "record":
            raise ValueError(f"object must match const 'record', got '{object_}'")

        number = d.pop("number")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        type_ = check_gateway_record_out_type(d.pop("type"))

        status = check_gateway_record_out_status(d.pop("status"))

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

        description = d.pop("description")

        issuer = GatewayRecordOutIssuer.from_dict(d.pop("issuer"))

        recipients = []
        _recipients = d.pop("recipients")
        for recipients_item_data in _recipients:
            recipients_item = RecipientOut.from_dict(recipients_item_data)

            recipients.append(recipients_item)

        tax_breakdown = []
        _tax_breakdown = d.pop("tax_breakdown")
        for tax_breakdown_item_data in _tax_breakdown:
            tax_breakdown_item = BreakdownRowOut.from_dict(tax_breakdown_item_data)

            tax_breakdown.append(tax_breakdown_item)

        total_tax = Decimal(str(d.pop("total_tax")))

        total = Decimal(str(d.pop("total")))

        def _parse_corrective(data: object) -> GatewayRecordOutCorrectiveType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                corrective_type_0 = GatewayRecordOutCorrectiveType0.from_dict(data)

                return corrective_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GatewayRecordOutCorrectiveType0 | None, data)

        corrective = _parse_corrective(d.pop("corrective"))

        def _parse_substitutes(data: object) -> list[GatewayRecordOutSubstitutesType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                substitutes_type_0 = []
                _substitutes_type_0 = data
                for substitutes_type_0_item_data in _substitutes_type_0:
                    substitutes_type_0_item = GatewayRecordOutSubstitutesType0Item.from_dict(
                        substitutes_type_0_item_data
                    )

                    substitutes_type_0.append(substitutes_type_0_item)

                return substitutes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GatewayRecordOutSubstitutesType0Item] | None, data)

        substitutes = _parse_substitutes(d.pop("substitutes"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        metadata = GatewayRecordOutMetadata.from_dict(d.pop("metadata"))

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

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        gateway_record_out = cls(
            id=id,
            object_=object_,
            number=number,
            issued_on=issued_on,
            type_=type_,
            status=status,
            operation_date=operation_date,
            description=description,
            issuer=issuer,
            recipients=recipients,
            tax_breakdown=tax_breakdown,
            total_tax=total_tax,
            total=total,
            corrective=corrective,
            substitutes=substitutes,
            external_id=external_id,
            metadata=metadata,
            verifactu=verifactu,
            cancelled_at=cancelled_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        gateway_record_out.additional_properties = d
        return gateway_record_out

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
