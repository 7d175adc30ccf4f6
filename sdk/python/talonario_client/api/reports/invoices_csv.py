import datetime
import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.invoices_csv_status_type_0 import InvoicesCsvStatusType0
from ...models.invoices_csv_type_type_0 import InvoicesCsvTypeType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: InvoicesCsvStatusType0 | None | Unset = UNSET,
    type_: InvoicesCsvTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/invoices.csv",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorOut | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: InvoicesCsvStatusType0 | None | Unset = UNSET,
    type_: InvoicesCsvTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
) -> Response[Any | ErrorOut]:
    """Invoices Csv

     Invoices as CSV (UTF-8, a header row), oldest first, streamed; the list's filters.
    Amounts with a dot and two places, dates as YYYY-MM-DD.

    Args:
        status (InvoicesCsvStatusType0 | None | Unset):
        type_ (InvoicesCsvTypeType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorOut]
    """

    kwargs = _get_kwargs(
        status=status,
        type_=type_,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: InvoicesCsvStatusType0 | None | Unset = UNSET,
    type_: InvoicesCsvTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
) -> Any | ErrorOut | None:
    """Invoices Csv

     Invoices as CSV (UTF-8, a header row), oldest first, streamed; the list's filters.
    Amounts with a dot and two places, dates as YYYY-MM-DD.

    Args:
        status (InvoicesCsvStatusType0 | None | Unset):
        type_ (InvoicesCsvTypeType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorOut
    """

    return sync_detailed(
        client=client,
        status=status,
        type_=type_,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: InvoicesCsvStatusType0 | None | Unset = UNSET,
    type_: InvoicesCsvTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
) -> Response[Any | ErrorOut]:
    """Invoices Csv

     Invoices as CSV (UTF-8, a header row), oldest first, streamed; the list's filters.
    Amounts with a dot and two places, dates as YYYY-MM-DD.

    Args:
        status (InvoicesCsvStatusType0 | None | Unset):
        type_ (InvoicesCsvTypeType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorOut]
    """

    kwargs = _get_kwargs(
        status=status,
        type_=type_,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: InvoicesCsvStatusType0 | None | Unset = UNSET,
    type_: InvoicesCsvTypeType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
) -> Any | ErrorOut | None:
    """Invoices Csv

     Invoices as CSV (UTF-8, a header row), oldest first, streamed; the list's filters.
    Amounts with a dot and two places, dates as YYYY-MM-DD.

    Args:
        status (InvoicesCsvStatusType0 | None | Unset):
        type_ (InvoicesCsvTypeType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorOut
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            type_=type_,
            issued_on_gte=issued_on_gte,
            issued_on_lte=issued_on_lte,
        )
    ).parsed
