import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.list_of_recurring_invoice_out import ListOfRecurringInvoiceOut
from ...models.list_recurring_invoices_status_type_0 import (
    ListRecurringInvoicesStatusType0,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListRecurringInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_starting_after: None | str | Unset
    if isinstance(starting_after, Unset):
        json_starting_after = UNSET
    else:
        json_starting_after = starting_after
    params["starting_after"] = json_starting_after

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_client_query: None | str | Unset
    if isinstance(client_query, Unset):
        json_client_query = UNSET
    else:
        json_client_query = client_query
    params["client"] = json_client_query

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recurring-invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | ListOfRecurringInvoiceOut | None:
    if response.status_code == 200:
        response_200 = ListOfRecurringInvoiceOut.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | ListOfRecurringInvoiceOut]:
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
    status: ListRecurringInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
) -> Response[ErrorOut | ListOfRecurringInvoiceOut]:
    """List Recurring Invoices

     List templates, newest first; filter by `status` and `client`.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListRecurringInvoicesStatusType0 | None | Unset):
        client_query (None | str | Unset): Client id or its external_id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfRecurringInvoiceOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
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
    status: ListRecurringInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
) -> ErrorOut | ListOfRecurringInvoiceOut | None:
    """List Recurring Invoices

     List templates, newest first; filter by `status` and `client`.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListRecurringInvoicesStatusType0 | None | Unset):
        client_query (None | str | Unset): Client id or its external_id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfRecurringInvoiceOut
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListRecurringInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
) -> Response[ErrorOut | ListOfRecurringInvoiceOut]:
    """List Recurring Invoices

     List templates, newest first; filter by `status` and `client`.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListRecurringInvoicesStatusType0 | None | Unset):
        client_query (None | str | Unset): Client id or its external_id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfRecurringInvoiceOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListRecurringInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
) -> ErrorOut | ListOfRecurringInvoiceOut | None:
    """List Recurring Invoices

     List templates, newest first; filter by `status` and `client`.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListRecurringInvoicesStatusType0 | None | Unset):
        client_query (None | str | Unset): Client id or its external_id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfRecurringInvoiceOut
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            status=status,
            client_query=client_query,
        )
    ).parsed
