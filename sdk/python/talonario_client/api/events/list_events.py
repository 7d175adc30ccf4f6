import datetime
import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.list_events_type_type_0_item import ListEventsTypeType0Item
from ...models.list_of_webhook_event_out import ListOfWebhookEventOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    type_: list[ListEventsTypeType0Item] | None | Unset = UNSET,
    invoice: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lte: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_starting_after: None | str | Unset
    if isinstance(starting_after, Unset):
        json_starting_after = UNSET
    else:
        json_starting_after = starting_after
    params["starting_after"] = json_starting_after

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = []
        for type_type_0_item_data in type_:
            type_type_0_item: str = type_type_0_item_data
            json_type_.append(type_type_0_item)

    else:
        json_type_ = type_
    params["type"] = json_type_

    json_invoice: None | str | Unset
    if isinstance(invoice, Unset):
        json_invoice = UNSET
    else:
        json_invoice = invoice
    params["invoice"] = json_invoice

    json_created_at_gte: None | str | Unset
    if isinstance(created_at_gte, Unset):
        json_created_at_gte = UNSET
    elif isinstance(created_at_gte, datetime.datetime):
        json_created_at_gte = created_at_gte.isoformat()
    else:
        json_created_at_gte = created_at_gte
    params["created_at[gte]"] = json_created_at_gte

    json_created_at_lte: None | str | Unset
    if isinstance(created_at_lte, Unset):
        json_created_at_lte = UNSET
    elif isinstance(created_at_lte, datetime.datetime):
        json_created_at_lte = created_at_lte.isoformat()
    else:
        json_created_at_lte = created_at_lte
    params["created_at[lte]"] = json_created_at_lte

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | ListOfWebhookEventOut | None:
    if response.status_code == 200:
        response_200 = ListOfWebhookEventOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_200

    if response.status_code == 400:
        response_400 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_400

    if response.status_code == 401:
        response_401 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_401

    if response.status_code == 403:
        response_403 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_403

    if response.status_code == 404:
        response_404 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_404

    if response.status_code == 409:
        response_409 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_409

    if response.status_code == 422:
        response_422 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_422

    if response.status_code == 429:
        response_429 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorOut | ListOfWebhookEventOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    type_: list[ListEventsTypeType0Item] | None | Unset = UNSET,
    invoice: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lte: datetime.datetime | None | Unset = UNSET,
) -> Response[ErrorOut | ListOfWebhookEventOut]:
    """List Events

     Every event the company's changes emitted in the last 30 days, newest first, whether or
    not a webhook endpoint subscribed to it: each as its webhook carries it (`data`: the object
    as it was then). Poll it to catch up after downtime, or instead of webhooks. An unknown
    parameter is a 400 naming it.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        type_ (list[ListEventsTypeType0Item] | None | Unset): Only these types (repeat the
            parameter for several); a family such as `invoice.*` takes all of its types.
        invoice (None | str | Unset): Only the events about this invoice (id or external_id).
        created_at_gte (datetime.datetime | None | Unset): ISO 8601 date or date-time; without an
            offset, UTC.
        created_at_lte (datetime.datetime | None | Unset): ISO 8601 date or date-time; without an
            offset, UTC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfWebhookEventOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        type_=type_,
        invoice=invoice,
        created_at_gte=created_at_gte,
        created_at_lte=created_at_lte,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    type_: list[ListEventsTypeType0Item] | None | Unset = UNSET,
    invoice: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lte: datetime.datetime | None | Unset = UNSET,
) -> ErrorOut | ListOfWebhookEventOut | None:
    """List Events

     Every event the company's changes emitted in the last 30 days, newest first, whether or
    not a webhook endpoint subscribed to it: each as its webhook carries it (`data`: the object
    as it was then). Poll it to catch up after downtime, or instead of webhooks. An unknown
    parameter is a 400 naming it.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        type_ (list[ListEventsTypeType0Item] | None | Unset): Only these types (repeat the
            parameter for several); a family such as `invoice.*` takes all of its types.
        invoice (None | str | Unset): Only the events about this invoice (id or external_id).
        created_at_gte (datetime.datetime | None | Unset): ISO 8601 date or date-time; without an
            offset, UTC.
        created_at_lte (datetime.datetime | None | Unset): ISO 8601 date or date-time; without an
            offset, UTC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfWebhookEventOut
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        type_=type_,
        invoice=invoice,
        created_at_gte=created_at_gte,
        created_at_lte=created_at_lte,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    type_: list[ListEventsTypeType0Item] | None | Unset = UNSET,
    invoice: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lte: datetime.datetime | None | Unset = UNSET,
) -> Response[ErrorOut | ListOfWebhookEventOut]:
    """List Events

     Every event the company's changes emitted in the last 30 days, newest first, whether or
    not a webhook endpoint subscribed to it: each as its webhook carries it (`data`: the object
    as it was then). Poll it to catch up after downtime, or instead of webhooks. An unknown
    parameter is a 400 naming it.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        type_ (list[ListEventsTypeType0Item] | None | Unset): Only these types (repeat the
            parameter for several); a family such as `invoice.*` takes all of its types.
        invoice (None | str | Unset): Only the events about this invoice (id or external_id).
        created_at_gte (datetime.datetime | None | Unset): ISO 8601 date or date-time; without an
            offset, UTC.
        created_at_lte (datetime.datetime | None | Unset): ISO 8601 date or date-time; without an
            offset, UTC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfWebhookEventOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        type_=type_,
        invoice=invoice,
        created_at_gte=created_at_gte,
        created_at_lte=created_at_lte,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    type_: list[ListEventsTypeType0Item] | None | Unset = UNSET,
    invoice: None | str | Unset = UNSET,
    created_at_gte: datetime.datetime | None | Unset = UNSET,
    created_at_lte: datetime.datetime | None | Unset = UNSET,
) -> ErrorOut | ListOfWebhookEventOut | None:
    """List Events

     Every event the company's changes emitted in the last 30 days, newest first, whether or
    not a webhook endpoint subscribed to it: each as its webhook carries it (`data`: the object
    as it was then). Poll it to catch up after downtime, or instead of webhooks. An unknown
    parameter is a 400 naming it.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        type_ (list[ListEventsTypeType0Item] | None | Unset): Only these types (repeat the
            parameter for several); a family such as `invoice.*` takes all of its types.
        invoice (None | str | Unset): Only the events about this invoice (id or external_id).
        created_at_gte (datetime.datetime | None | Unset): ISO 8601 date or date-time; without an
            offset, UTC.
        created_at_lte (datetime.datetime | None | Unset): ISO 8601 date or date-time; without an
            offset, UTC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfWebhookEventOut
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            type_=type_,
            invoice=invoice,
            created_at_gte=created_at_gte,
            created_at_lte=created_at_lte,
        )
    ).parsed
