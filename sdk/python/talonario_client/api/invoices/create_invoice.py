import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.invoice_create import InvoiceCreate
from ...models.invoice_out import InvoiceOut
from ...types import Response


def _get_kwargs(
    *,
    body: InvoiceCreate,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoices",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    if idempotency_key is not None:
        _kwargs.setdefault("headers", {})["Idempotency-Key"] = idempotency_key
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | InvoiceOut | None:
    if response.status_code == 201:
        response_201 = InvoiceOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_201

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

    if response.status_code == 503:
        response_503 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorOut | InvoiceOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InvoiceCreate,
    idempotency_key: str | None = None,
) -> Response[ErrorOut | InvoiceOut]:
    """Create Invoice

     Create a draft invoice; with `"issue": true` it is numbered and issued in the same call.

    Lines take a `product` id or inline `description` + `unit_price`; `client` is a client id or
    the recipient inline. Amounts are exact decimals, as JSON numbers or strings.

    Args:
        body (InvoiceCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InvoiceOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InvoiceCreate,
    idempotency_key: str | None = None,
) -> ErrorOut | InvoiceOut | None:
    """Create Invoice

     Create a draft invoice; with `"issue": true` it is numbered and issued in the same call.

    Lines take a `product` id or inline `description` + `unit_price`; `client` is a client id or
    the recipient inline. Amounts are exact decimals, as JSON numbers or strings.

    Args:
        body (InvoiceCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InvoiceOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InvoiceCreate,
    idempotency_key: str | None = None,
) -> Response[ErrorOut | InvoiceOut]:
    """Create Invoice

     Create a draft invoice; with `"issue": true` it is numbered and issued in the same call.

    Lines take a `product` id or inline `description` + `unit_price`; `client` is a client id or
    the recipient inline. Amounts are exact decimals, as JSON numbers or strings.

    Args:
        body (InvoiceCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InvoiceOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InvoiceCreate,
    idempotency_key: str | None = None,
) -> ErrorOut | InvoiceOut | None:
    """Create Invoice

     Create a draft invoice; with `"issue": true` it is numbered and issued in the same call.

    Lines take a `product` id or inline `description` + `unit_price`; `client` is a client id or
    the recipient inline. Amounts are exact decimals, as JSON numbers or strings.

    Args:
        body (InvoiceCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InvoiceOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
