import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.invoice_activity_out import InvoiceActivityOut
from ...types import Response


def _get_kwargs(
    ref: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/invoices/{ref}/activity".format(
            ref=quote(str(ref), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | InvoiceActivityOut | None:
    if response.status_code == 200:
        response_200 = InvoiceActivityOut.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | InvoiceActivityOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorOut | InvoiceActivityOut]:
    """Invoice Activity

     What happened to the invoice, oldest first: created, issued, each VERI*FACTU record
    generated, submitted and answered by AEAT, each payment, paid in full, each email sent or
    given up on, its public link, voided. Composed from what the invoice keeps for good, so it
    never expires (the events feed, /v1/events, keeps 30 days).

    Args:
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InvoiceActivityOut]
    """

    kwargs = _get_kwargs(
        ref=ref,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorOut | InvoiceActivityOut | None:
    """Invoice Activity

     What happened to the invoice, oldest first: created, issued, each VERI*FACTU record
    generated, submitted and answered by AEAT, each payment, paid in full, each email sent or
    given up on, its public link, voided. Composed from what the invoice keeps for good, so it
    never expires (the events feed, /v1/events, keeps 30 days).

    Args:
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InvoiceActivityOut
    """

    return sync_detailed(
        ref=ref,
        client=client,
    ).parsed


async def asyncio_detailed(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorOut | InvoiceActivityOut]:
    """Invoice Activity

     What happened to the invoice, oldest first: created, issued, each VERI*FACTU record
    generated, submitted and answered by AEAT, each payment, paid in full, each email sent or
    given up on, its public link, voided. Composed from what the invoice keeps for good, so it
    never expires (the events feed, /v1/events, keeps 30 days).

    Args:
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InvoiceActivityOut]
    """

    kwargs = _get_kwargs(
        ref=ref,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorOut | InvoiceActivityOut | None:
    """Invoice Activity

     What happened to the invoice, oldest first: created, issued, each VERI*FACTU record
    generated, submitted and answered by AEAT, each payment, paid in full, each email sent or
    given up on, its public link, voided. Composed from what the invoice keeps for good, so it
    never expires (the events feed, /v1/events, keeps 30 days).

    Args:
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InvoiceActivityOut
    """

    return (
        await asyncio_detailed(
            ref=ref,
            client=client,
        )
    ).parsed
