from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.record_out_kind import RecordOutKind, check_record_out_kind

if TYPE_CHECKING:
    from ..models.aeat_out import AeatOut


T = TypeVar("T", bound="RecordOut")


@_attrs_define
class RecordOut:
    """
    Attributes:
        id (str):
        object_ (Literal['verifactu_record']):
        invoice (str):
        installation (None | str): Id of the installation whose chain holds it; null: the default one.
        sequence (int): Its place among all the company's records.
        kind (RecordOutKind):
        invoice_number (str):
        huella (str):
        previous_huella (None | str):
        generated_at (str):
        environment (str):
        status (str):
        qr_url (None | str):
        xml_url (str):
        aeat (AeatOut):
    """

    id: str
    object_: Literal["verifactu_record"]
    invoice: str
    installation: None | str
    sequence: int
    kind: RecordOutKind
    invoice_number: str
    huella: str
    previous_huella: None | str
    generated_at: str
    environment: str
    status: str
    qr_url: None | str
    xml_url: str
    aeat: AeatOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        invoice = self.invoice

        installation: None | str
        installation = self.installation

        sequence = self.sequence

        kind: str = self.kind

        invoice_number = self.invoice_number

        huella = self.huella

        previous_huella: None | str
        previous_huella = self.previous_huella

        generated_at = self.generated_at

        environment = self.environment

        status = self.status

        qr_url: None | str
        qr_url = self.qr_url

        xml_url = self.xml_url

        aeat = self.aeat.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "invoice": invoice,
                "installation": installation,
                "sequence": sequence,
                "kind": kind,
                "invoice_number": invoice_number,
                "huella": huella,
                "previous_huella": previous_huella,
                "generated_at": generated_at,
                "environment": environment,
                "status": status,
                "qr_url": qr_url,
                "xml_url": xml_url,
                "aeat": aeat,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aeat_out import AeatOut  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["verifactu_record"], d.pop("object"))
        if object_ != "verifactu_record":
            raise ValueError(f"object must match const 'verifactu_record', got '{object_}'")

        invoice = d.pop("invoice")

        def _parse_installation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        installation = _parse_installation(d.pop("installation"))

        sequence = d.pop("sequence")

        kind = check_record_out_kind(d.pop("kind"))

        invoice_number = d.pop("invoice_number")

        huella = d.pop("huella")

        def _parse_previous_huella(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_huella = _parse_previous_huella(d.pop("previous_huella"))

        generated_at = d.pop("generated_at")

        environment = d.pop("environment")

        status = d.pop("status")

        def _parse_qr_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        qr_url = _parse_qr_url(d.pop("qr_url"))

        xml_url = d.pop("xml_url")

        aeat = AeatOut.from_dict(d.pop("aeat"))

        record_out = cls(
            id=id,
            object_=object_,
            invoice=invoice,
            installation=installation,
            sequence=sequence,
            kind=kind,
            invoice_number=invoice_number,
            huella=huella,
            previous_huella=previous_huella,
            generated_at=generated_at,
            environment=environment,
            status=status,
            qr_url=qr_url,
            xml_url=xml_url,
            aeat=aeat,
        )

        record_out.additional_properties = d
        return record_out

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
