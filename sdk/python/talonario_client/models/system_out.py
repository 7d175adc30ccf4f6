from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.declaration_out import DeclarationOut
    from ..models.producer_out import ProducerOut


T = TypeVar("T", bound="SystemOut")


@_attrs_define
class SystemOut:
    """
    Attributes:
        object_ (Literal['system']):
        name (str): NombreSistemaInformatico.
        id (str): IdSistemaInformatico.
        version (str): Version.
        installation_number (None | str): NumeroInstalacion of the caller's company (of its default installation); null
            for an account key acting for no company.
        only_verifactu (bool): TipoUsoPosibleSoloVerifactu.
        multi_taxpayer_capable (bool): TipoUsoPosibleMultiOT.
        multiple_taxpayers (bool): IndicadorMultiplesOT.
        producer (ProducerOut):
        environments (list[str]): Where this installation's records may go.
        declaration (DeclarationOut):
    """

    object_: Literal["system"]
    name: str
    id: str
    version: str
    installation_number: None | str
    only_verifactu: bool
    multi_taxpayer_capable: bool
    multiple_taxpayers: bool
    producer: ProducerOut
    environments: list[str]
    declaration: DeclarationOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        name = self.name

        id = self.id

        version = self.version

        installation_number: None | str
        installation_number = self.installation_number

        only_verifactu = self.only_verifactu

        multi_taxpayer_capable = self.multi_taxpayer_capable

        multiple_taxpayers = self.multiple_taxpayers

        producer = self.producer.to_dict()

        environments = self.environments

        declaration = self.declaration.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "name": name,
                "id": id,
                "version": version,
                "installation_number": installation_number,
                "only_verifactu": only_verifactu,
                "multi_taxpayer_capable": multi_taxpayer_capable,
                "multiple_taxpayers": multiple_taxpayers,
                "producer": producer,
                "environments": environments,
                "declaration": declaration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.declaration_out import DeclarationOut  # noqa: PLC0415
        from ..models.producer_out import ProducerOut  # noqa: PLC0415

        d = dict(src_dict)
        object_ = cast(Literal["system"], d.pop("object"))
        if object_ != "system":
            raise ValueError(f"object must match const 'system', got '{object_}'")

        name = d.pop("name")

        id = d.pop("id")

        version = d.pop("version")

        def _parse_installation_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        installation_number = _parse_installation_number(d.pop("installation_number"))

        only_verifactu = d.pop("only_verifactu")

        multi_taxpayer_capable = d.pop("multi_taxpayer_capable")

        multiple_taxpayers = d.pop("multiple_taxpayers")

        producer = ProducerOut.from_dict(d.pop("producer"))

        environments = cast(list[str], d.pop("environments"))

        declaration = DeclarationOut.from_dict(d.pop("declaration"))

        system_out = cls(
            object_=object_,
            name=name,
            id=id,
            version=version,
            installation_number=installation_number,
            only_verifactu=only_verifactu,
            multi_taxpayer_capable=multi_taxpayer_capable,
            multiple_taxpayers=multiple_taxpayers,
            producer=producer,
            environments=environments,
            declaration=declaration,
        )

        system_out.additional_properties = d
        return system_out

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
