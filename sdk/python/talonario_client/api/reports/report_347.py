import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.report_347_out import Report347Out
from ...types import UNSET, Response


def _get_kwargs(
    *,
    year: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["year"] = year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/347",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | Report347Out | None:
    if response.status_code == 200:
        response_200 = Report347Out.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | Report347Out]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int,
) -> Response[ErrorOut | Report347Out]:
    """Report 347

     Modelo 347: the clients (by Spanish NIF) whose operations of `year`, VAT and recargo
    included, exceed 3,005.06 EUR, with the year's total and each quarter's (by issue date).
    Counted: issued invoices not voided, rectifying ones netted into the NIF they name in the
    quarter they are issued in; not invoices marked `exclude_347`, F2s without an identified
    recipient, recipients without a Spanish NIF, nor export (E2) and intra-EU (E5) rows.

    Args:
        year (int): The calendar year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | Report347Out]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    year: int,
) -> ErrorOut | Report347Out | None:
    """Report 347

     Modelo 347: the clients (by Spanish NIF) whose operations of `year`, VAT and recargo
    included, exceed 3,005.06 EUR, with the year's total and each quarter's (by issue date).
    Counted: issued invoices not voided, rectifying ones netted into the NIF they name in the
    quarter they are issued in; not invoices marked `exclude_347`, F2s without an identified
    recipient, recipients without a Spanish NIF, nor export (E2) and intra-EU (E5) rows.

    Args:
        year (int): The calendar year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | Report347Out
    """

    return sync_detailed(
        client=client,
        year=year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int,
) -> Response[ErrorOut | Report347Out]:
    """Report 347

     Modelo 347: the clients (by Spanish NIF) whose operations of `year`, VAT and recargo
    included, exceed 3,005.06 EUR, with the year's total and each quarter's (by issue date).
    Counted: issued invoices not voided, rectifying ones netted into the NIF they name in the
    quarter they are issued in; not invoices marked `exclude_347`, F2s without an identified
    recipient, recipients without a Spanish NIF, nor export (E2) and intra-EU (E5) rows.

    Args:
        year (int): The calendar year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | Report347Out]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    year: int,
) -> ErrorOut | Report347Out | None:
    """Report 347

     Modelo 347: the clients (by Spanish NIF) whose operations of `year`, VAT and recargo
    included, exceed 3,005.06 EUR, with the year's total and each quarter's (by issue date).
    Counted: issued invoices not voided, rectifying ones netted into the NIF they name in the
    quarter they are issued in; not invoices marked `exclude_347`, F2s without an identified
    recipient, recipients without a Spanish NIF, nor export (E2) and intra-EU (E5) rows.

    Args:
        year (int): The calendar year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | Report347Out
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
        )
    ).parsed
