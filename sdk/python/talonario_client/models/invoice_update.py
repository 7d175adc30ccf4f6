from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity import Activity, check_activity
from ..models.invoice_update_type import InvoiceUpdateType, check_invoice_update_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_inline import ClientInline
    from ..models.invoice_update_custom_fields_type_0 import InvoiceUpdateCustomFieldsType0
    from ..models.invoice_update_metadata_type_0 import InvoiceUpdateMetadataType0
    from ..models.line_in import LineIn
    from ..models.withholding_in import WithholdingIn


T = TypeVar("T", bound="InvoiceUpdate")


@_attrs_define
class InvoiceUpdate:
    """
    Attributes:
        series (None | str | Unset): Series id or code.
        client (ClientInline | None | str | Unset): A client id or its external_id, or the recipient's data inline.
        issued_on (datetime.date | None | Unset): Defaults to the day of issue; from 2024-10-28.
        operation_date (datetime.date | None | Unset):
        due_on (datetime.date | None | Unset):
        withholding (None | Unset | WithholdingIn):
        notes (None | str | Unset):
        external_id (None | str | Unset):
        metadata (InvoiceUpdateMetadataType0 | None | Unset):
        tags (list[str] | None | Unset):
        custom_fields (InvoiceUpdateCustomFieldsType0 | None | Unset):
        exclude_347 (bool | Unset): Leave out of the annual Modelo 347 declaration.
        activity (Activity | None | Unset): For an F2: the RD 1619/2012 art. 4.2 activity that raises its limit from 400
            to 3,000 EUR (VAT included).
        substitutes (list[str] | None | Unset): For an F3: the simplified invoices (F2) it replaces, by id or
            external_id.
        type_ (InvoiceUpdateType | Unset): R1–R5 are created with POST /v1/invoices/{id}/rectify.
        lines (list[LineIn] | Unset):
    """

    series: None | str | Unset = UNSET
    client: ClientInline | None | str | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    operation_date: datetime.date | None | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    withholding: None | Unset | WithholdingIn = UNSET
    notes: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    metadata: InvoiceUpdateMetadataType0 | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    custom_fields: InvoiceUpdateCustomFieldsType0 | None | Unset = UNSET
    exclude_347: bool | Unset = UNSET
    activity: Activity | None | Unset = UNSET
    substitutes: list[str] | None | Unset = UNSET
    type_: InvoiceUpdateType | Unset = UNSET
    lines: list[LineIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.invoice_update_custom_fields_type_0 import InvoiceUpdateCustomFieldsType0  # noqa: PLC0415
        from ..models.invoice_update_metadata_type_0 import InvoiceUpdateMetadataType0  # noqa: PLC0415
        from ..models.withholding_in import WithholdingIn  # noqa: PLC0415

        series: None | str | Unset
        if isinstance(self.series, Unset):
            series = UNSET
        else:
            series = self.series

        client: dict[str, Any] | None | str | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        elif isinstance(self.client, ClientInline):
            client = self.client.to_dict()
        else:
            client = self.client

        issued_on: None | str | Unset
        if isinstance(self.issued_on, Unset):
            issued_on = UNSET
        elif isinstance(self.issued_on, datetime.date):
            issued_on = self.issued_on.isoformat()
        else:
            issued_on = self.issued_on

        operation_date: None | str | Unset
        if isinstance(self.operation_date, Unset):
            operation_date = UNSET
        elif isinstance(self.operation_date, datetime.date):
            operation_date = self.operation_date.isoformat()
        else:
            operation_date = self.operation_date

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

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
        elif isinstance(self.metadata, InvoiceUpdateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        custom_fields: dict[str, Any] | None | Unset
        if isinstance(self.custom_fields, Unset):
            custom_fields = UNSET
        elif isinstance(self.custom_fields, InvoiceUpdateCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

        exclude_347 = self.exclude_347

        activity: None | str | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        elif isinstance(self.activity, str):
            activity = self.activity
        else:
            activity = self.activity

        substitutes: list[str] | None | Unset
        if isinstance(self.substitutes, Unset):
            substitutes = UNSET
        elif isinstance(self.substitutes, list):
            substitutes = self.substitutes

        else:
            substitutes = self.substitutes

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if series is not UNSET:
            field_dict["series"] = series
        if client is not UNSET:
            field_dict["client"] = client
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if operation_date is not UNSET:
            field_dict["operation_date"] = operation_date
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if withholding is not UNSET:
            field_dict["withholding"] = withholding
        if notes is not UNSET:
            field_dict["notes"] = notes
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if tags is not UNSET:
            field_dict["tags"] = tags
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if exclude_347 is not UNSET:
            field_dict["exclude_347"] = exclude_347
        if activity is not UNSET:
            field_dict["activity"] = activity
        if substitutes is not UNSET:
            field_dict["substitutes"] = substitutes
        if type_ is not UNSET:
            field_dict["type"] = type_
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.invoice_update_custom_fields_type_0 import InvoiceUpdateCustomFieldsType0  # noqa: PLC0415
        from ..models.invoice_update_metadata_type_0 import InvoiceUpdateMetadataType0  # noqa: PLC0415
        from ..models.line_in import LineIn  # noqa: PLC0415
        from ..models.withholding_in import WithholdingIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_series(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        series = _parse_series(d.pop("series", UNSET))

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

        def _parse_issued_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_on_type_0 = datetime.date.fromisoformat(data)

                return issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issued_on = _parse_issued_on(d.pop("issued_on", UNSET))

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

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

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

        def _parse_metadata(data: object) -> InvoiceUpdateMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = InvoiceUpdateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoiceUpdateMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_custom_fields(data: object) -> InvoiceUpdateCustomFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = InvoiceUpdateCustomFieldsType0.from_dict(data)

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoiceUpdateCustomFieldsType0 | None | Unset, data)

        custom_fields = _parse_custom_fields(d.pop("custom_fields", UNSET))

        exclude_347 = d.pop("exclude_347", UNSET)

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

        def _parse_substitutes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                substitutes_type_0 = cast(list[str], data)

                return substitutes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        substitutes = _parse_substitutes(d.pop("substitutes", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: InvoiceUpdateType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_invoice_update_type(_type_)

        _lines = d.pop("lines", UNSET)
        lines: list[LineIn] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = LineIn.from_dict(lines_item_data)

                lines.append(lines_item)

        invoice_update = cls(
            series=series,
            client=client,
            issued_on=issued_on,
            operation_date=operation_date,
            due_on=due_on,
            withholding=withholding,
            notes=notes,
            external_id=external_id,
            metadata=metadata,
            tags=tags,
            custom_fields=custom_fields,
            exclude_347=exclude_347,
            activity=activity,
            substitutes=substitutes,
            type_=type_,
            lines=lines,
        )

        return invoice_update
