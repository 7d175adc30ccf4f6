from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rectify_in_method import RectifyInMethod, check_rectify_in_method
from ..models.rectify_in_type import RectifyInType, check_rectify_in_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_inline import ClientInline
    from ..models.line_in import LineIn
    from ..models.rectify_in_metadata_type_0 import RectifyInMetadataType0


T = TypeVar("T", bound="RectifyIn")


@_attrs_define
class RectifyIn:
    """
    Attributes:
        type_ (RectifyInType): R1 error or legal cause (art. 80.1, 80.2, 80.6 LIVA), R2 insolvency (art. 80.3), R3 bad
            debts (art. 80.4), R4 other causes, R5 of a simplified invoice.
        method (RectifyInMethod): substitution (S): the lines are the new complete amounts; differences (I): the lines
            are the change (negative to reduce).
        reason (str):
        lines (list[LineIn] | None | Unset): Default: the original lines negated (differences) or at quantity 0
            (substitution), i.e. the whole invoice cancelled.
        also_rectifies (list[str] | None | Unset): Further invoices this one rectifies at once (ids or external_ids).
        client (ClientInline | None | str | Unset): Default: the recipient of the rectified invoice.
        series (None | str | Unset): A corrective series.
        issued_on (datetime.date | None | Unset):
        operation_date (datetime.date | None | Unset):
        due_on (datetime.date | None | Unset):
        notes (None | str | Unset):
        external_id (None | str | Unset):
        metadata (None | RectifyInMetadataType0 | Unset):
        issue (bool | Unset): Issue the corrective invoice at once. Default: False.
        installation (None | str | Unset): With `issue: true`: the installation (shop, till) it is issued in, by id or
            installation_number; its records chain there. Default: the company's default installation.
    """

    type_: RectifyInType
    method: RectifyInMethod
    reason: str
    lines: list[LineIn] | None | Unset = UNSET
    also_rectifies: list[str] | None | Unset = UNSET
    client: ClientInline | None | str | Unset = UNSET
    series: None | str | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    operation_date: datetime.date | None | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    metadata: None | RectifyInMetadataType0 | Unset = UNSET
    issue: bool | Unset = False
    installation: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.rectify_in_metadata_type_0 import RectifyInMetadataType0  # noqa: PLC0415

        type_: str = self.type_

        method: str = self.method

        reason = self.reason

        lines: list[dict[str, Any]] | None | Unset
        if isinstance(self.lines, Unset):
            lines = UNSET
        elif isinstance(self.lines, list):
            lines = []
            for lines_type_0_item_data in self.lines:
                lines_type_0_item = lines_type_0_item_data.to_dict()
                lines.append(lines_type_0_item)

        else:
            lines = self.lines

        also_rectifies: list[str] | None | Unset
        if isinstance(self.also_rectifies, Unset):
            also_rectifies = UNSET
        elif isinstance(self.also_rectifies, list):
            also_rectifies = self.also_rectifies

        else:
            also_rectifies = self.also_rectifies

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
        elif isinstance(self.metadata, RectifyInMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        issue = self.issue

        installation: None | str | Unset
        if isinstance(self.installation, Unset):
            installation = UNSET
        else:
            installation = self.installation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "method": method,
                "reason": reason,
            }
        )
        if lines is not UNSET:
            field_dict["lines"] = lines
        if also_rectifies is not UNSET:
            field_dict["also_rectifies"] = also_rectifies
        if client is not UNSET:
            field_dict["client"] = client
        if series is not UNSET:
            field_dict["series"] = series
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if operation_date is not UNSET:
            field_dict["operation_date"] = operation_date
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if notes is not UNSET:
            field_dict["notes"] = notes
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if issue is not UNSET:
            field_dict["issue"] = issue
        if installation is not UNSET:
            field_dict["installation"] = installation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_inline import ClientInline  # noqa: PLC0415
        from ..models.line_in import LineIn  # noqa: PLC0415
        from ..models.rectify_in_metadata_type_0 import RectifyInMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        type_ = check_rectify_in_type(d.pop("type"))

        method = check_rectify_in_method(d.pop("method"))

        reason = d.pop("reason")

        def _parse_lines(data: object) -> list[LineIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lines_type_0 = []
                _lines_type_0 = data
                for lines_type_0_item_data in _lines_type_0:
                    lines_type_0_item = LineIn.from_dict(lines_type_0_item_data)

                    lines_type_0.append(lines_type_0_item)

                return lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LineIn] | None | Unset, data)

        lines = _parse_lines(d.pop("lines", UNSET))

        def _parse_also_rectifies(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                also_rectifies_type_0 = cast(list[str], data)

                return also_rectifies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        also_rectifies = _parse_also_rectifies(d.pop("also_rectifies", UNSET))

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

        def _parse_metadata(data: object) -> None | RectifyInMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = RectifyInMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RectifyInMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        issue = d.pop("issue", UNSET)

        def _parse_installation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        installation = _parse_installation(d.pop("installation", UNSET))

        rectify_in = cls(
            type_=type_,
            method=method,
            reason=reason,
            lines=lines,
            also_rectifies=also_rectifies,
            client=client,
            series=series,
            issued_on=issued_on,
            operation_date=operation_date,
            due_on=due_on,
            notes=notes,
            external_id=external_id,
            metadata=metadata,
            issue=issue,
            installation=installation,
        )

        return rectify_in
