import datetime
import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.list_invoices_status_type_0 import ListInvoicesStatusType0
from ...models.list_invoices_type_type_0 import ListInvoicesTypeType0
from ...models.list_invoices_verifactu_status_type_0 import (
    ListInvoicesVerifactuStatusType0,
)
from ...models.list_of_invoice_out import ListOfInvoiceOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    series: None | str | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    verifactu_status: ListInvoicesVerifactuStatusType0 | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
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

    json_series: None | str | Unset
    if isinstance(series, Unset):
        json_series = UNSET
    else:
        json_series = series
    params["series"] = json_series

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, str):
        json_type_ = type_
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_issued_on_gte: None | str | Unset
    if isinstance(issued_on_gte, Unset):
        json_issued_on_gte = UNSET
    elif isinstance(issued_on_gte, datetime.date):
        json_issued_on_gte = issued_on_gte.isoformat()
    else:
        json_issued_on_gte = issued_on_gte
    params["issued_on[gte]"] = json_issued_on_gte

    json_issued_on_lte: None | str | Unset
    if isinstance(issued_on_lte, Unset):
        json_issued_on_lte = UNSET
    elif isinstance(issued_on_lte, datetime.date):
        json_issued_on_lte = issued_on_lte.isoformat()
    else:
        json_issued_on_lte = issued_on_lte
    params["issued_on[lte]"] = json_issued_on_lte

    json_external_id: None | str | Unset
    if isinstance(external_id, Unset):
        json_external_id = UNSET
    else:
        json_external_id = external_id
    params["external_id"] = json_external_id

    json_verifactu_status: None | str | Unset
    if isinstance(verifactu_status, Unset):
        json_verifactu_status = UNSET
    elif isinstance(verifactu_status, str):
        json_verifactu_status = verifactu_status
    else:
        json_verifactu_status = verifactu_status
    params["verifactu_status"] = json_verifactu_status

    json_number: None | str | Unset
    if isinstance(number, Unset):
        json_number = UNSET
    else:
        json_number = number
    params["number"] = json_number

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | ListOfInvoiceOut | None:
    if response.status_code == 200:
        response_200 = ListOfInvoiceOut.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | ListOfInvoiceOut]:
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
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    series: None | str | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    verifactu_status: ListInvoicesVerifactuStatusType0 | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[ErrorOut | ListOfInvoiceOut]:
    """List Invoices

     List invoices, newest first, with filters. An unknown parameter is a 400 naming it.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListInvoicesStatusType0 | None | Unset): `overdue`: unpaid and past `due_on`;
            `issued` and `partially_paid` are then those not overdue.
        client_query (None | str | Unset): Client id or its external_id.
        series (None | str | Unset): Series id or code.
        type_ (ListInvoicesTypeType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):
        external_id (None | str | Unset):
        verifactu_status (ListInvoicesVerifactuStatusType0 | None | Unset):
        number (None | str | Unset): The exact number.
        q (None | str | Unset): Text in the number, the external_id, or the client's name or NIF
            (any case).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfInvoiceOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
        series=series,
        type_=type_,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
        external_id=external_id,
        verifactu_status=verifactu_status,
        number=number,
        q=q,
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
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    series: None | str | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    verifactu_status: ListInvoicesVerifactuStatusType0 | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> ErrorOut | ListOfInvoiceOut | None:
    """List Invoices

     List invoices, newest first, with filters. An unknown parameter is a 400 naming it.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListInvoicesStatusType0 | None | Unset): `overdue`: unpaid and past `due_on`;
            `issued` and `partially_paid` are then those not overdue.
        client_query (None | str | Unset): Client id or its external_id.
        series (None | str | Unset): Series id or code.
        type_ (ListInvoicesTypeType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):
        external_id (None | str | Unset):
        verifactu_status (ListInvoicesVerifactuStatusType0 | None | Unset):
        number (None | str | Unset): The exact number.
        q (None | str | Unset): Text in the number, the external_id, or the client's name or NIF
            (any case).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfInvoiceOut
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
        series=series,
        type_=type_,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
        external_id=external_id,
        verifactu_status=verifactu_status,
        number=number,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    series: None | str | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    verifactu_status: ListInvoicesVerifactuStatusType0 | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[ErrorOut | ListOfInvoiceOut]:
    """List Invoices

     List invoices, newest first, with filters. An unknown parameter is a 400 naming it.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListInvoicesStatusType0 | None | Unset): `overdue`: unpaid and past `due_on`;
            `issued` and `partially_paid` are then those not overdue.
        client_query (None | str | Unset): Client id or its external_id.
        series (None | str | Unset): Series id or code.
        type_ (ListInvoicesTypeType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):
        external_id (None | str | Unset):
        verifactu_status (ListInvoicesVerifactuStatusType0 | None | Unset):
        number (None | str | Unset): The exact number.
        q (None | str | Unset): Text in the number, the external_id, or the client's name or NIF
            (any case).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfInvoiceOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
        series=series,
        type_=type_,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
        external_id=external_id,
        verifactu_status=verifactu_status,
        number=number,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListInvoicesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    series: None | str | Unset = UNSET,
    type_: ListInvoicesTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
    verifactu_status: ListInvoicesVerifactuStatusType0 | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> ErrorOut | ListOfInvoiceOut | None:
    """List Invoices

     List invoices, newest first, with filters. An unknown parameter is a 400 naming it.

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListInvoicesStatusType0 | None | Unset): `overdue`: unpaid and past `due_on`;
            `issued` and `partially_paid` are then those not overdue.
        client_query (None | str | Unset): Client id or its external_id.
        series (None | str | Unset): Series id or code.
        type_ (ListInvoicesTypeType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):
        external_id (None | str | Unset):
        verifactu_status (ListInvoicesVerifactuStatusType0 | None | Unset):
        number (None | str | Unset): The exact number.
        q (None | str | Unset): Text in the number, the external_id, or the client's name or NIF
            (any case).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfInvoiceOut
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            status=status,
            client_query=client_query,
            series=series,
            type_=type_,
            issued_on_gte=issued_on_gte,
            issued_on_lte=issued_on_lte,
            external_id=external_id,
            verifactu_status=verifactu_status,
            number=number,
            q=q,
        )
    ).parsed
