import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.invoice_out import InvoiceOut
from ...models.rectify_in import RectifyIn
from ...types import Response


def _get_kwargs(
    ref: str,
    *,
    body: RectifyIn,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/invoices/{ref}/rectify".format(
            ref=quote(str(ref), safe=""),
        ),
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
    ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: RectifyIn,
    idempotency_key: str | None = None,
) -> Response[ErrorOut | InvoiceOut]:
    """Rectify Invoice

     Create the rectifying invoice (R1–R5) of an issued one, in a corrective series, citing
    it (and `also_rectifies`) in FacturasRectificadas; a draft unless `"issue": true`.

    Args:
        ref (str):
        body (RectifyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InvoiceOut]
    """

    kwargs = _get_kwargs(
        ref=ref,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: RectifyIn,
    idempotency_key: str | None = None,
) -> ErrorOut | InvoiceOut | None:
    """Rectify Invoice

     Create the rectifying invoice (R1–R5) of an issued one, in a corrective series, citing
    it (and `also_rectifies`) in FacturasRectificadas; a draft unless `"issue": true`.

    Args:
        ref (str):
        body (RectifyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InvoiceOut
    """

    return sync_detailed(
        ref=ref,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: RectifyIn,
    idempotency_key: str | None = None,
) -> Response[ErrorOut | InvoiceOut]:
    """Rectify Invoice

     Create the rectifying invoice (R1–R5) of an issued one, in a corrective series, citing
    it (and `also_rectifies`) in FacturasRectificadas; a draft unless `"issue": true`.

    Args:
        ref (str):
        body (RectifyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InvoiceOut]
    """

    kwargs = _get_kwargs(
        ref=ref,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: RectifyIn,
    idempotency_key: str | None = None,
) -> ErrorOut | InvoiceOut | None:
    """Rectify Invoice

     Create the rectifying invoice (R1–R5) of an issued one, in a corrective series, citing
    it (and `also_rectifies`) in FacturasRectificadas; a draft unless `"issue": true`.

    Args:
        ref (str):
        body (RectifyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InvoiceOut
    """

    return (
        await asyncio_detailed(
            ref=ref,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
