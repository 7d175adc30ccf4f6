from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.foreign_id import ForeignId


T = TypeVar("T", bound="RecipientIn")


@_attrs_define
class RecipientIn:
    """A Destinatario: its name and its Spanish NIF or its foreign id.

    Attributes:
        name (str):
        nif (None | str | Unset):
        foreign_id (ForeignId | None | Unset):
    """

    name: str
    nif: None | str | Unset = UNSET
    foreign_id: ForeignId | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.foreign_id import ForeignId  # noqa: PLC0415

        name = self.name

        nif: None | str | Unset
        if isinstance(self.nif, Unset):
            nif = UNSET
        else:
            nif = self.nif

        foreign_id: dict[str, Any] | None | Unset
        if isinstance(self.foreign_id, Unset):
            foreign_id = UNSET
        elif isinstance(self.foreign_id, ForeignId):
            foreign_id = self.foreign_id.to_dict()
        else:
            foreign_id = self.foreign_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if nif is not UNSET:
            field_dict["nif"] = nif
        if foreign_id is not UNSET:
            field_dict["foreign_id"] = foreign_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.foreign_id import ForeignId  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_nif(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nif = _parse_nif(d.pop("nif", UNSET))

        def _parse_foreign_id(data: object) -> ForeignId | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                foreign_id_type_0 = ForeignId.from_dict(data)

                return foreign_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForeignId | None | Unset, data)

        foreign_id = _parse_foreign_id(d.pop("foreign_id", UNSET))

        recipient_in = cls(
            name=name,
            nif=nif,
            foreign_id=foreign_id,
        )

        return recipient_in
