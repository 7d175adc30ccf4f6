from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.activity import Activity, check_activity
from ..models.invoice_create_type import InvoiceCreateType, check_invoice_create_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_inline import ClientInline
    from ..models.invoice_create_custom_fields_type_0 import InvoiceCreateCustomFieldsType0
    from ..models.invoice_create_metadata_type_0 import InvoiceCreateMetadataType0
    from ..models.line_in import LineIn
    from ..models.withholding_in import WithholdingIn


T = TypeVar("T", bound="InvoiceCreate")


@_attrs_define
class InvoiceCreate:
    """
    Attributes:
        lines (list[LineIn]):
        series (None | str | Unset): Series id or code.
        client (ClientInline | None | str | Unset): A client id or its external_id, or the recipient's data inline.
        issued_on (datetime.date | None | Unset): Defaults to the day of issue; from 2024-10-28.
        operation_date (datetime.date | None | Unset):
        due_on (datetime.date | None | Unset):
        withholding (None | Unset | WithholdingIn):
        notes (None | str | Unset):
        external_id (None | str | Unset):
        metadata (InvoiceCreateMetadataType0 | None | Unset):
        tags (list[str] | None | Unset):
        custom_fields (InvoiceCreateCustomFieldsType0 | None | Unset):
        exclude_347 (bool | None | Unset): Leave out of the annual Modelo 347 declaration.
        activity (Activity | None | Unset): For an F2: the RD 1619/2012 art. 4.2 activity that raises its limit from 400
            to 3,000 EUR (VAT included).
        substitutes (list[str] | None | Unset): For an F3: the simplified invoices (F2) it replaces, by id or
            external_id.
        type_ (InvoiceCreateType | Unset): R1–R5 are created with POST /v1/invoices/{id}/rectify. Default: 'F1'.
        currency (Literal['EUR'] | Unset):  Default: 'EUR'.
        issue (bool | Unset): Issue it in the same call. Default: False.
        verify_recipient (bool | Unset): On issuing: ask AEAT's census about the recipient's `nif` (and name), or VIES
            about its EU VAT number (`foreign_id` 02), first, and refuse one it does not know (422
            `recipient_not_identified`). Answers are kept a day (GET /v1/tax-ids/check). Default: False.
        installation (None | str | Unset): With `issue: true`: the installation (shop, till) it is issued in, by id or
            installation_number; its records chain there. Default: the company's default installation.
    """

    lines: list[LineIn]
    series: None | str | Unset = UNSET
    client: ClientInline | None | str | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    operation_date: datetime.date | None | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    withholding: None | Unset | WithholdingIn = UNSET
    notes: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    metadata: InvoiceCreateMetadataType0 | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    custom_fields: InvoiceCreateCustomFieldsType0 | None | Unset = UNSET
    exclude_347: bool | None | Unset = UNSET
    activity: Activity | None | Unset = UNSET
    substitutes: list[str] | None | Unset = UNSET
    type_: InvoiceCreateType | Unset = "F1"
    currency: Literal["EUR"] | Unset = "EUR"
    issue: bool | Unset = False
    verify_recipient: bool | Unset = False
    installation: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.invoice_create_custom_fields_type_0 import InvoiceCreateCustomFieldsType0  # noqa: PLC0415
        from ..models.invoice_create_metadata_type_0 import InvoiceCreateMetadataType0  # noqa: PLC0415
        from ..models.withholding_in import WithholdingIn  # noqa: PLC0415

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

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
        elif isinstance(self.metadata, InvoiceCreateMetadataType0):
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
        elif isinstance(self.custom_fields, InvoiceCreateCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

        exclude_347: bool | None | Unset
        if isinstance(self.exclude_347, Unset):
            exclude_347 = UNSET
        else:
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

        currency = self.currency

        issue = self.issue

        verify_recipient = self.verify_recipient

        installation: None | str | Unset
        if isinstance(self.installation, Unset):
            installation = UNSET
        else:
            installation = self.installation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )
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
        if currency is not UNSET:
            field_dict["currency"] = currency
        if issue is not UNSET:
            field_dict["issue"] = issue
        if verify_recipient is not UNSET:
            field_dict["verify_recipient"] = verify_recipient
        if installation is not UNSET:
            field_dict["installation"] = installation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.invoice_create_custom_fields_type_0 import InvoiceCreateCustomFieldsType0  # noqa: PLC0415
        from ..models.invoice_create_metadata_type_0 import InvoiceCreateMetadataType0  # noqa: PLC0415
        from ..models.line_in import LineIn  # noqa: PLC0415
        from ..models.withholding_in import WithholdingIn  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineIn.from_dict(lines_item_data)

            lines.append(lines_item)

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

        def _parse_metadata(data: object) -> InvoiceCreateMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = InvoiceCreateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoiceCreateMetadataType0 | None | Unset, data)

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

        def _parse_custom_fields(data: object) -> InvoiceCreateCustomFieldsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = InvoiceCreateCustomFieldsType0.from_dict(data)

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvoiceCreateCustomFieldsType0 | None | Unset, data)

        custom_fields = _parse_custom_fields(d.pop("custom_fields", UNSET))

        def _parse_exclude_347(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        exclude_347 = _parse_exclude_347(d.pop("exclude_347", UNSET))

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
        type_: InvoiceCreateType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_invoice_create_type(_type_)

        currency = cast(Literal["EUR"] | Unset, d.pop("currency", UNSET))
        if currency != "EUR" and not isinstance(currency, Unset):
            raise ValueError(f"currency must match const 'EUR', got '{currency}'")

        issue = d.pop("issue", UNSET)

        verify_recipient = d.pop("verify_recipient", UNSET)

        def _parse_installation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        installation = _parse_installation(d.pop("installation", UNSET))

        invoice_create = cls(
            lines=lines,
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
            currency=currency,
            issue=issue,
            verify_recipient=verify_recipient,
            installation=installation,
        )

        return invoice_create
