from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.email_entry import EmailEntry
    from ..models.invoice_created_entry import InvoiceCreatedEntry
    from ..models.invoice_issued_entry import InvoiceIssuedEntry
    from ..models.invoice_overdue_entry import InvoiceOverdueEntry
    from ..models.invoice_paid_entry import InvoicePaidEntry
    from ..models.invoice_voided_entry import InvoiceVoidedEntry
    from ..models.payment_entry import PaymentEntry
    from ..models.public_link_entry import PublicLinkEntry
    from ..models.record_entry import RecordEntry
    from ..models.reminder_skipped_entry import ReminderSkippedEntry


T = TypeVar("T", bound="InvoiceActivityOut")


@_attrs_define
class InvoiceActivityOut:
    """
    Attributes:
        object_ (Literal['invoice_activity']):
        invoice (str): The invoice's id.
        data (list[EmailEntry | InvoiceCreatedEntry | InvoiceIssuedEntry | InvoiceOverdueEntry | InvoicePaidEntry |
            InvoiceVoidedEntry | PaymentEntry | PublicLinkEntry | RecordEntry | ReminderSkippedEntry]): Oldest first.
            Entries of one change keep their cause first (an issue before its record), so `at` may step back by less than a
            second.
    """

    object_: Literal["invoice_activity"]
    invoice: str
    data: list[
        EmailEntry
        | InvoiceCreatedEntry
        | InvoiceIssuedEntry
        | InvoiceOverdueEntry
        | InvoicePaidEntry
        | InvoiceVoidedEntry
        | PaymentEntry
        | PublicLinkEntry
        | RecordEntry
        | ReminderSkippedEntry
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.email_entry import EmailEntry  # noqa: PLC0415
        from ..models.invoice_created_entry import InvoiceCreatedEntry  # noqa: PLC0415
        from ..models.invoice_issued_entry import InvoiceIssuedEntry  # noqa: PLC0415
        from ..models.invoice_overdue_entry import InvoiceOverdueEntry  # noqa: PLC0415
        from ..models.invoice_paid_entry import InvoicePaidEntry  # noqa: PLC0415
        from ..models.invoice_voided_entry import InvoiceVoidedEntry  # noqa: PLC0415
        from ..models.payment_entry import PaymentEntry  # noqa: PLC0415
        from ..models.record_entry import RecordEntry  # noqa: PLC0415
        from ..models.reminder_skipped_entry import ReminderSkippedEntry  # noqa: PLC0415

        object_ = self.object_

        invoice = self.invoice

        data = []
        for data_item_data in self.data:
            data_item: dict[str, Any]
            if isinstance(data_item_data, InvoiceCreatedEntry):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, InvoiceIssuedEntry):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, InvoicePaidEntry):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, InvoiceOverdueEntry):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, InvoiceVoidedEntry):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, PaymentEntry):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, EmailEntry):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, ReminderSkippedEntry):
                data_item = data_item_data.to_dict()
            elif isinstance(data_item_data, RecordEntry):
                data_item = data_item_data.to_dict()
            else:
                data_item = data_item_data.to_dict()

            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "object": object_,
                "invoice": invoice,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_entry import EmailEntry  # noqa: PLC0415
        from ..models.invoice_created_entry import InvoiceCreatedEntry  # noqa: PLC0415
        from ..models.invoice_issued_entry import InvoiceIssuedEntry  # noqa: PLC0415
        from ..models.invoice_overdue_entry import InvoiceOverdueEntry  # noqa: PLC0415
        from ..models.invoice_paid_entry import InvoicePaidEntry  # noqa: PLC0415
        from ..models.invoice_voided_entry import InvoiceVoidedEntry  # noqa: PLC0415
        from ..models.payment_entry import PaymentEntry  # noqa: PLC0415
        from ..models.public_link_entry import PublicLinkEntry  # noqa: PLC0415
        from ..models.record_entry import RecordEntry  # noqa: PLC0415
        from ..models.reminder_skipped_entry import ReminderSkippedEntry  # noqa: PLC0415

        d = dict(src_dict)
        object_ = cast(Literal["invoice_activity"], d.pop("object"))
        if object_ != "invoice_activity":
            raise ValueError(f"object must match const 'invoice_activity', got '{object_}'")

        invoice = d.pop("invoice")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(
                data: object,
            ) -> (
                EmailEntry
                | InvoiceCreatedEntry
                | InvoiceIssuedEntry
                | InvoiceOverdueEntry
                | InvoicePaidEntry
                | InvoiceVoidedEntry
                | PaymentEntry
                | PublicLinkEntry
                | RecordEntry
                | ReminderSkippedEntry
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_0 = InvoiceCreatedEntry.from_dict(data)

                    return data_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_1 = InvoiceIssuedEntry.from_dict(data)

                    return data_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_2 = InvoicePaidEntry.from_dict(data)

                    return data_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_3 = InvoiceOverdueEntry.from_dict(data)

                    return data_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_4 = InvoiceVoidedEntry.from_dict(data)

                    return data_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_5 = PaymentEntry.from_dict(data)

                    return data_item_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_6 = EmailEntry.from_dict(data)

                    return data_item_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_7 = ReminderSkippedEntry.from_dict(data)

                    return data_item_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_item_type_8 = RecordEntry.from_dict(data)

                    return data_item_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                data_item_type_9 = PublicLinkEntry.from_dict(data)

                return data_item_type_9

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        invoice_activity_out = cls(
            object_=object_,
            invoice=invoice,
            data=data,
        )

        invoice_activity_out.additional_properties = d
        return invoice_activity_out

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
