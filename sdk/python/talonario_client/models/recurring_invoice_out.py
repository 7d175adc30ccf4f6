from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recurring_invoice_out_interval import RecurringInvoiceOutInterval, check_recurring_invoice_out_interval
from ..models.recurring_invoice_out_status import RecurringInvoiceOutStatus, check_recurring_invoice_out_status

if TYPE_CHECKING:
    from ..models.recurring_invoice_out_client_type_1 import RecurringInvoiceOutClientType1
    from ..models.recurring_invoice_out_lines_item import RecurringInvoiceOutLinesItem
    from ..models.recurring_invoice_out_metadata import RecurringInvoiceOutMetadata
    from ..models.recurring_invoice_out_withholding_type_0 import RecurringInvoiceOutWithholdingType0


T = TypeVar("T", bound="RecurringInvoiceOut")


@_attrs_define
class RecurringInvoiceOut:
    """
    Attributes:
        id (str):
        object_ (Literal['recurring_invoice']):
        status (RecurringInvoiceOutStatus):
        type_ (str):
        client (None | RecurringInvoiceOutClientType1 | str): The client's id, or the recipient given inline.
        series (None | str): The series' id (null: the default series).
        lines (list[RecurringInvoiceOutLinesItem]): Each invoice's lines, as given.
        notes (None | str):
        withholding (None | RecurringInvoiceOutWithholdingType0):
        due_days (int | None):
        interval (RecurringInvoiceOutInterval):
        every (int):
        start_on (datetime.date):
        end_on (datetime.date | None):
        count (int | None):
        issue (bool):
        send (bool):
        invoices_made (int):
        next_dates (list[datetime.date]): The next 5 occurrences (of a paused template: if resumed today).
        paused_on (datetime.date | None):
        last_error (None | str): Why the worker paused it: an occurrence the invoice rules refused.
        external_id (None | str):
        metadata (RecurringInvoiceOutMetadata):
        finished_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    object_: Literal["recurring_invoice"]
    status: RecurringInvoiceOutStatus
    type_: str
    client: None | RecurringInvoiceOutClientType1 | str
    series: None | str
    lines: list[RecurringInvoiceOutLinesItem]
    notes: None | str
    withholding: None | RecurringInvoiceOutWithholdingType0
    due_days: int | None
    interval: RecurringInvoiceOutInterval
    every: int
    start_on: datetime.date
    end_on: datetime.date | None
    count: int | None
    issue: bool
    send: bool
    invoices_made: int
    next_dates: list[datetime.date]
    paused_on: datetime.date | None
    last_error: None | str
    external_id: None | str
    metadata: RecurringInvoiceOutMetadata
    finished_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.recurring_invoice_out_client_type_1 import RecurringInvoiceOutClientType1  # noqa: PLC0415
        from ..models.recurring_invoice_out_withholding_type_0 import RecurringInvoiceOutWithholdingType0  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        status: str = self.status

        type_ = self.type_

        client: dict[str, Any] | None | str
        if isinstance(self.client, RecurringInvoiceOutClientType1):
            client = self.client.to_dict()
        else:
            client = self.client

        series: None | str
        series = self.series

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        notes: None | str
        notes = self.notes

        withholding: dict[str, Any] | None
        if isinstance(self.withholding, RecurringInvoiceOutWithholdingType0):
            withholding = self.withholding.to_dict()
        else:
            withholding = self.withholding

        due_days: int | None
        due_days = self.due_days

        interval: str = self.interval

        every = self.every

        start_on = self.start_on.isoformat()

        end_on: None | str
        if isinstance(self.end_on, datetime.date):
            end_on = self.end_on.isoformat()
        else:
            end_on = self.end_on

        count: int | None
        count = self.count

        issue = self.issue

        send = self.send

        invoices_made = self.invoices_made

        next_dates = []
        for next_dates_item_data in self.next_dates:
            next_dates_item = next_dates_item_data.isoformat()
            next_dates.append(next_dates_item)

        paused_on: None | str
        if isinstance(self.paused_on, datetime.date):
            paused_on = self.paused_on.isoformat()
        else:
            paused_on = self.paused_on

        last_error: None | str
        last_error = self.last_error

        external_id: None | str
        external_id = self.external_id

        metadata = self.metadata.to_dict()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "status": status,
                "type": type_,
                "client": client,
                "series": series,
                "lines": lines,
                "notes": notes,
                "withholding": withholding,
                "due_days": due_days,
                "interval": interval,
                "every": every,
                "start_on": start_on,
                "end_on": end_on,
                "count": count,
                "issue": issue,
                "send": send,
                "invoices_made": invoices_made,
                "next_dates": next_dates,
                "paused_on": paused_on,
                "last_error": last_error,
                "external_id": external_id,
                "metadata": metadata,
                "finished_at": finished_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recurring_invoice_out_client_type_1 import RecurringInvoiceOutClientType1  # noqa: PLC0415
        from ..models.recurring_invoice_out_lines_item import RecurringInvoiceOutLinesItem  # noqa: PLC0415
        from ..models.recurring_invoice_out_metadata import RecurringInvoiceOutMetadata  # noqa: PLC0415
        from ..models.recurring_invoice_out_withholding_type_0 import RecurringInvoiceOutWithholdingType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["recurring_invoice"], d.pop("object"))
        if object_ != "recurring_invoice":
            raise ValueError(f"object must match const 'recurring_invoice', got '{object_}'")

        status = check_recurring_invoice_out_status(d.pop("status"))

        type_ = d.pop("type")

        def _parse_client(data: object) -> None | RecurringInvoiceOutClientType1 | str:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                client_type_1 = RecurringInvoiceOutClientType1.from_dict(data)

                return client_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecurringInvoiceOutClientType1 | str, data)

        client = _parse_client(d.pop("client"))

        def _parse_series(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        series = _parse_series(d.pop("series"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = RecurringInvoiceOutLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_withholding(data: object) -> None | RecurringInvoiceOutWithholdingType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                withholding_type_0 = RecurringInvoiceOutWithholdingType0.from_dict(data)

                return withholding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecurringInvoiceOutWithholdingType0, data)

        withholding = _parse_withholding(d.pop("withholding"))

        def _parse_due_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        due_days = _parse_due_days(d.pop("due_days"))

        interval = check_recurring_invoice_out_interval(d.pop("interval"))

        every = d.pop("every")

        start_on = datetime.date.fromisoformat(d.pop("start_on"))

        def _parse_end_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_on_type_0 = datetime.date.fromisoformat(data)

                return end_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_on = _parse_end_on(d.pop("end_on"))

        def _parse_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        count = _parse_count(d.pop("count"))

        issue = d.pop("issue")

        send = d.pop("send")

        invoices_made = d.pop("invoices_made")

        next_dates = []
        _next_dates = d.pop("next_dates")
        for next_dates_item_data in _next_dates:
            next_dates_item = datetime.date.fromisoformat(next_dates_item_data)

            next_dates.append(next_dates_item)

        def _parse_paused_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paused_on_type_0 = datetime.date.fromisoformat(data)

                return paused_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paused_on = _parse_paused_on(d.pop("paused_on"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        metadata = RecurringInvoiceOutMetadata.from_dict(d.pop("metadata"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        recurring_invoice_out = cls(
            id=id,
            object_=object_,
            status=status,
            type_=type_,
            client=client,
            series=series,
            lines=lines,
            notes=notes,
            withholding=withholding,
            due_days=due_days,
            interval=interval,
            every=every,
            start_on=start_on,
            end_on=end_on,
            count=count,
            issue=issue,
            send=send,
            invoices_made=invoices_made,
            next_dates=next_dates,
            paused_on=paused_on,
            last_error=last_error,
            external_id=external_id,
            metadata=metadata,
            finished_at=finished_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        recurring_invoice_out.additional_properties = d
        return recurring_invoice_out

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
