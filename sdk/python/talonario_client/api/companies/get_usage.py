import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.usage_out import UsageOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    company_id: str,
    *,
    month: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_month: None | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/companies/{company_id}/usage".format(
            company_id=quote(str(company_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | UsageOut | None:
    if response.status_code == 200:
        response_200 = UsageOut.from_dict(json.loads(response.content, parse_float=Decimal))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | UsageOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    month: None | str | Unset = UNSET,
) -> Response[ErrorOut | UsageOut]:
    """Get Usage

     What the company did in a month: invoices issued, records chained, records AEAT
    answered.

    Args:
        company_id (str):
        month (None | str | Unset): The month, `YYYY-MM` (Madrid time); default the current one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | UsageOut]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        month=month,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    month: None | str | Unset = UNSET,
) -> ErrorOut | UsageOut | None:
    """Get Usage

     What the company did in a month: invoices issued, records chained, records AEAT
    answered.

    Args:
        company_id (str):
        month (None | str | Unset): The month, `YYYY-MM` (Madrid time); default the current one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | UsageOut
    """

    return sync_detailed(
        company_id=company_id,
        client=client,
        month=month,
    ).parsed


async def asyncio_detailed(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    month: None | str | Unset = UNSET,
) -> Response[ErrorOut | UsageOut]:
    """Get Usage

     What the company did in a month: invoices issued, records chained, records AEAT
    answered.

    Args:
        company_id (str):
        month (None | str | Unset): The month, `YYYY-MM` (Madrid time); default the current one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | UsageOut]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        month=month,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    month: None | str | Unset = UNSET,
) -> ErrorOut | UsageOut | None:
    """Get Usage

     What the company did in a month: invoices issued, records chained, records AEAT
    answered.

    Args:
        company_id (str):
        month (None | str | Unset): The month, `YYYY-MM` (Madrid time); default the current one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | UsageOut
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            month=month,
        )
    ).parsed
