import datetime
import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.vat_report_out import VatReportOut
from ...types import UNSET, Response


def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/vat",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | VatReportOut | None:
    if response.status_code == 200:
        response_200 = VatReportOut.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | VatReportOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,
) -> Response[ErrorOut | VatReportOut]:
    """Report Vat

     Modelo 303 figures of the invoices issued from `from` to `to` (both included): IVA base
    and quota by rate, recargo de equivalencia by rate, exempt bases by cause (E1–E6),
    not-subject bases (N1, N2), reverse charge (S2) and totals; IGIC/IPSI rows apart. Voided
    invoices do not count; rectifying ones count in the period they are issued in.

    Args:
        from_ (datetime.date): First day of the period.
        to (datetime.date): Last day of the period, included.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | VatReportOut]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,
) -> ErrorOut | VatReportOut | None:
    """Report Vat

     Modelo 303 figures of the invoices issued from `from` to `to` (both included): IVA base
    and quota by rate, recargo de equivalencia by rate, exempt bases by cause (E1–E6),
    not-subject bases (N1, N2), reverse charge (S2) and totals; IGIC/IPSI rows apart. Voided
    invoices do not count; rectifying ones count in the period they are issued in.

    Args:
        from_ (datetime.date): First day of the period.
        to (datetime.date): Last day of the period, included.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | VatReportOut
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,
) -> Response[ErrorOut | VatReportOut]:
    """Report Vat

     Modelo 303 figures of the invoices issued from `from` to `to` (both included): IVA base
    and quota by rate, recargo de equivalencia by rate, exempt bases by cause (E1–E6),
    not-subject bases (N1, N2), reverse charge (S2) and totals; IGIC/IPSI rows apart. Voided
    invoices do not count; rectifying ones count in the period they are issued in.

    Args:
        from_ (datetime.date): First day of the period.
        to (datetime.date): Last day of the period, included.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | VatReportOut]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,
) -> ErrorOut | VatReportOut | None:
    """Report Vat

     Modelo 303 figures of the invoices issued from `from` to `to` (both included): IVA base
    and quota by rate, recargo de equivalencia by rate, exempt bases by cause (E1–E6),
    not-subject bases (N1, N2), reverse charge (S2) and totals; IGIC/IPSI rows apart. Voided
    invoices do not count; rectifying ones count in the period they are issued in.

    Args:
        from_ (datetime.date): First day of the period.
        to (datetime.date): Last day of the period, included.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | VatReportOut
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
