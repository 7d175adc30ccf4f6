from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verifactu_out_status import VerifactuOutStatus, check_verifactu_out_status

if TYPE_CHECKING:
    from ..models.verifactu_out_errors_item import VerifactuOutErrorsItem


T = TypeVar("T", bound="VerifactuOut")


@_attrs_define
class VerifactuOut:
    """
    Attributes:
        status (VerifactuOutStatus):
        huella (str):
        qr_url (None | str):
        qr_image_url (None | str):
        generated_at (datetime.datetime):
        record (str): Id of the latest record; its XML at /v1/verifactu/records/{id}.xml
        csv (None | str):
        errors (list[VerifactuOutErrorsItem]):
    """

    status: VerifactuOutStatus
    huella: str
    qr_url: None | str
    qr_image_url: None | str
    generated_at: datetime.datetime
    record: str
    csv: None | str
    errors: list[VerifactuOutErrorsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        huella = self.huella

        qr_url: None | str
        qr_url = self.qr_url

        qr_image_url: None | str
        qr_image_url = self.qr_image_url

        generated_at = self.generated_at.isoformat()

        record = self.record

        csv: None | str
        csv = self.csv

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "huella": huella,
                "qr_url": qr_url,
                "qr_image_url": qr_image_url,
                "generated_at": generated_at,
                "record": record,
                "csv": csv,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verifactu_out_errors_item import VerifactuOutErrorsItem  # noqa: PLC0415

        d = dict(src_dict)
        status = check_verifactu_out_status(d.pop("status"))

        huella = d.pop("huella")

        def _parse_qr_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        qr_url = _parse_qr_url(d.pop("qr_url"))

        def _parse_qr_image_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        qr_image_url = _parse_qr_image_url(d.pop("qr_image_url"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        record = d.pop("record")

        def _parse_csv(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        csv = _parse_csv(d.pop("csv"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = VerifactuOutErrorsItem.from_dict(errors_item_data)

            errors.append(errors_item)

        verifactu_out = cls(
            status=status,
            huella=huella,
            qr_url=qr_url,
            qr_image_url=qr_image_url,
            generated_at=generated_at,
            record=record,
            csv=csv,
            errors=errors,
        )

        verifactu_out.additional_properties = d
        return verifactu_out

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
