from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.quote_update_kind import QuoteUpdateKind, check_quote_update_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_inline import ClientInline
    from ..models.line_in import LineIn
    from ..models.quote_update_metadata_type_0 import QuoteUpdateMetadataType0
    from ..models.withholding_in import WithholdingIn


T = TypeVar("T", bound="QuoteUpdate")


@_attrs_define
class QuoteUpdate:
    """
    Attributes:
        client (ClientInline | None | str | Unset): A client id or its external_id, or the recipient's data inline.
        issued_on (datetime.date | Unset):
        valid_until (datetime.date | Unset):
        withholding (None | Unset | WithholdingIn):
        notes (None | str | Unset):
        external_id (None | str | Unset):
        metadata (None | QuoteUpdateMetadataType0 | Unset):
        kind (QuoteUpdateKind | Unset):
        lines (list[LineIn] | Unset):
    """

    client: ClientInline | None | str | Unset = UNSET
    issued_on: datetime.date | Unset = UNSET
    valid_until: datetime.date | Unset = UNSET
    withholding: None | Unset | WithholdingIn = UNSET
    notes: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    metadata: None | QuoteUpdateMetadataType0 | Unset = UNSET
    kind: QuoteUpdateKind | Unset = UNSET
    lines: list[LineIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.quote_update_metadata_type_0 import QuoteUpdateMetadataType0  # noqa: PLC0415
        from ..models.withholding_in import WithholdingIn  # noqa: PLC0415

        client: dict[str, Any] | None | str | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        elif isinstance(self.client, ClientInline):
            client = self.client.to_dict()
        else:
            client = self.client

        issued_on: str | Unset = UNSET
        if not isinstance(self.issued_on, Unset):
            issued_on = self.issued_on.isoformat()

        valid_until: str | Unset = UNSET
        if not isinstance(self.valid_until, Unset):
            valid_until = self.valid_until.isoformat()

        withholding: dict[str, Any] | None | Unset
        if isinstance(self.withholding, Unset):
            withholding = UNSET
        elif isinstance(self.withholding, WithholdingIn):
            withholding = self.withholding.to_dict()
        else:
            withholding = self.withholding

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, QuoteUpdateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if client is not UNSET:
            field_dict["client"] = client
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if withholding is not UNSET:
            field_dict["withholding"] = withholding
        if notes is not UNSET:
            field_dict["notes"] = notes
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if kind is not UNSET:
            field_dict["kind"] = kind
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.line_in import LineIn  # noqa: PLC0415
        from ..models.quote_update_metadata_type_0 import QuoteUpdateMetadataType0  # noqa: PLC0415
        from ..models.withholding_in import WithholdingIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_client(data: object) -> ClientInline | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                client_type_0_type_1 = ClientInline.from_dict(data)

                return client_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClientInline | None | str | Unset, data)

        client = _parse_client(d.pop("client", UNSET))

        _issued_on = d.pop("issued_on", UNSET)
        issued_on: datetime.date | Unset
        if isinstance(_issued_on, Unset):
            issued_on = UNSET
        else:
            issued_on = datetime.date.fromisoformat(_issued_on)

        _valid_until = d.pop("valid_until", UNSET)
        valid_until: datetime.date | Unset
        if isinstance(_valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = datetime.date.fromisoformat(_valid_until)

        def _parse_withholding(data: object) -> None | Unset | WithholdingIn:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                withholding_type_0 = WithholdingIn.from_dict(data)

                return withholding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WithholdingIn, data)

        withholding = _parse_withholding(d.pop("withholding", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_metadata(data: object) -> None | QuoteUpdateMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = QuoteUpdateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuoteUpdateMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: QuoteUpdateKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = check_quote_update_kind(_kind)

        _lines = d.pop("lines", UNSET)
        lines: list[LineIn] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = LineIn.from_dict(lines_item_data)

                lines.append(lines_item)

        quote_update = cls(
            client=client,
            issued_on=issued_on,
            valid_until=valid_until,
            withholding=withholding,
            notes=notes,
            external_id=external_id,
            metadata=metadata,
            kind=kind,
            lines=lines,
        )

        return quote_update
