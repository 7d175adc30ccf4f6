from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.recurring_invoice_create_interval import (
    RecurringInvoiceCreateInterval,
    check_recurring_invoice_create_interval,
)
from ..models.recurring_invoice_create_type import RecurringInvoiceCreateType, check_recurring_invoice_create_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_inline import ClientInline
    from ..models.line_in import LineIn
    from ..models.recurring_invoice_create_metadata_type_0 import RecurringInvoiceCreateMetadataType0
    from ..models.withholding_in import WithholdingIn


T = TypeVar("T", bound="RecurringInvoiceCreate")


@_attrs_define
class RecurringInvoiceCreate:
    """
    Attributes:
        lines (list[LineIn]):
        interval (RecurringInvoiceCreateInterval): `monthly`, `quarterly`, `yearly` (every `every` of them) or `days`
            (every `every` days). Each occurrence is counted from `start_on`: monthly from the 31st falls on the last day of
            shorter months and on the 31st again after them.
        start_on (datetime.date): The first occurrence. A past day is caught up: its due occurrences are made at once,
            each dated the day it is made.
        client (ClientInline | None | str | Unset): A client id or its external_id, or the recipient's data inline.
        series (None | str | Unset): Series id or code.
        notes (None | str | Unset):
        withholding (None | Unset | WithholdingIn):
        due_days (int | None | Unset): Each invoice is due this many days after issue.
        end_on (datetime.date | None | Unset): No occurrence after this day.
        count (int | None | Unset): Make this many invoices, then finish.
        external_id (None | str | Unset):
        metadata (None | RecurringInvoiceCreateMetadataType0 | Unset):
        type_ (RecurringInvoiceCreateType | Unset): R1–R5 are created with POST /v1/invoices/{id}/rectify. Default:
            'F1'.
        every (int | Unset):  Default: 1.
        issue (bool | Unset): Issue each invoice; false leaves each one a draft. Default: False.
        send (bool | Unset): Email each issued invoice to the client's email (needs `issue`). Default: False.
    """

    lines: list[LineIn]
    interval: RecurringInvoiceCreateInterval
    start_on: datetime.date
    client: ClientInline | None | str | Unset = UNSET
    series: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    withholding: None | Unset | WithholdingIn = UNSET
    due_days: int | None | Unset = UNSET
    end_on: datetime.date | None | Unset = UNSET
    count: int | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    metadata: None | RecurringInvoiceCreateMetadataType0 | Unset = UNSET
    type_: RecurringInvoiceCreateType | Unset = "F1"
    every: int | Unset = 1
    issue: bool | Unset = False
    send: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.recurring_invoice_create_metadata_type_0 import RecurringInvoiceCreateMetadataType0  # noqa: PLC0415
        from ..models.withholding_in import WithholdingIn  # noqa: PLC0415

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        interval: str = self.interval

        start_on = self.start_on.isoformat()

        client: dict[str, Any] | None | str | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        elif isinstance(self.client, ClientInline):
            client = self.client.to_dict()
        else:
            client = self.client

        series: None | str | Unset
        if isinstance(self.series, Unset):
            series = UNSET
        else:
            series = self.series

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        withholding: dict[str, Any] | None | Unset
        if isinstance(self.withholding, Unset):
            withholding = UNSET
        elif isinstance(self.withholding, WithholdingIn):
            withholding = self.withholding.to_dict()
        else:
            withholding = self.withholding

        due_days: int | None | Unset
        if isinstance(self.due_days, Unset):
            due_days = UNSET
        else:
            due_days = self.due_days

        end_on: None | str | Unset
        if isinstance(self.end_on, Unset):
            end_on = UNSET
        elif isinstance(self.end_on, datetime.date):
            end_on = self.end_on.isoformat()
        else:
            end_on = self.end_on

        count: int | None | Unset
        if isinstance(self.count, Unset):
            count = UNSET
        else:
            count = self.count

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, RecurringInvoiceCreateMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        every = self.every

        issue = self.issue

        send = self.send

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
                "interval": interval,
                "start_on": start_on,
            }
        )
        if client is not UNSET:
            field_dict["client"] = client
        if series is not UNSET:
            field_dict["series"] = series
        if notes is not UNSET:
            field_dict["notes"] = notes
        if withholding is not UNSET:
            field_dict["withholding"] = withholding
        if due_days is not UNSET:
            field_dict["due_days"] = due_days
        if end_on is not UNSET:
            field_dict["end_on"] = end_on
        if count is not UNSET:
            field_dict["count"] = count
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if type_ is not UNSET:
            field_dict["type"] = type_
        if every is not UNSET:
            field_dict["every"] = every
        if issue is not UNSET:
            field_dict["issue"] = issue
        if send is not UNSET:
            field_dict["send"] = send

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.line_in import LineIn  # noqa: PLC0415
        from ..models.recurring_invoice_create_metadata_type_0 import RecurringInvoiceCreateMetadataType0  # noqa: PLC0415
        from ..models.withholding_in import WithholdingIn  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineIn.from_dict(lines_item_data)

            lines.append(lines_item)

        interval = check_recurring_invoice_create_interval(d.pop("interval"))

        start_on = datetime.date.fromisoformat(d.pop("start_on"))

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

        def _parse_series(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        series = _parse_series(d.pop("series", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

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

        def _parse_due_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        due_days = _parse_due_days(d.pop("due_days", UNSET))

        def _parse_end_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_on_type_0 = datetime.date.fromisoformat(data)

                return end_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_on = _parse_end_on(d.pop("end_on", UNSET))

        def _parse_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        count = _parse_count(d.pop("count", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_metadata(data: object) -> None | RecurringInvoiceCreateMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = RecurringInvoiceCreateMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecurringInvoiceCreateMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: RecurringInvoiceCreateType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_recurring_invoice_create_type(_type_)

        every = d.pop("every", UNSET)

        issue = d.pop("issue", UNSET)

        send = d.pop("send", UNSET)

        recurring_invoice_create = cls(
            lines=lines,
            interval=interval,
            start_on=start_on,
            client=client,
            series=series,
            notes=notes,
            withholding=withholding,
            due_days=due_days,
            end_on=end_on,
            count=count,
            external_id=external_id,
            metadata=metadata,
            type_=type_,
            every=every,
            issue=issue,
            send=send,
        )

        return recurring_invoice_create
