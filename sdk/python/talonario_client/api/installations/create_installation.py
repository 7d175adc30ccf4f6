import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.installation_create import InstallationCreate
from ...models.installation_out import InstallationOut
from ...types import Response


def _get_kwargs(
    company_id: str,
    *,
    body: InstallationCreate,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/companies/{company_id}/installations".format(
            company_id=quote(str(company_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    if idempotency_key is not None:
        _kwargs.setdefault("headers", {})["Idempotency-Key"] = idempotency_key
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | InstallationOut | None:
    if response.status_code == 201:
        response_201 = InstallationOut.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | InstallationOut]:
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
    body: InstallationCreate,
    idempotency_key: str | None = None,
) -> Response[ErrorOut | InstallationOut]:
    """Create Installation

     Add a SIF installation (a shop, a till) with a record chain of its own: invoices issued
    with its `installation` chain their records there, under its `installation_number` as
    AEAT's NumeroInstalacion, the first with PrimerRegistro=S. Without one they join the
    company's default installation, whose number is the company id.

    Args:
        company_id (str): The company's id or external_id.
        body (InstallationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InstallationOut]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: InstallationCreate,
    idempotency_key: str | None = None,
) -> ErrorOut | InstallationOut | None:
    """Create Installation

     Add a SIF installation (a shop, a till) with a record chain of its own: invoices issued
    with its `installation` chain their records there, under its `installation_number` as
    AEAT's NumeroInstalacion, the first with PrimerRegistro=S. Without one they join the
    company's default installation, whose number is the company id.

    Args:
        company_id (str): The company's id or external_id.
        body (InstallationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InstallationOut
    """

    return sync_detailed(
        company_id=company_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: InstallationCreate,
    idempotency_key: str | None = None,
) -> Response[ErrorOut | InstallationOut]:
    """Create Installation

     Add a SIF installation (a shop, a till) with a record chain of its own: invoices issued
    with its `installation` chain their records there, under its `installation_number` as
    AEAT's NumeroInstalacion, the first with PrimerRegistro=S. Without one they join the
    company's default installation, whose number is the company id.

    Args:
        company_id (str): The company's id or external_id.
        body (InstallationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InstallationOut]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: InstallationCreate,
    idempotency_key: str | None = None,
) -> ErrorOut | InstallationOut | None:
    """Create Installation

     Add a SIF installation (a shop, a till) with a record chain of its own: invoices issued
    with its `installation` chain their records there, under its `installation_number` as
    AEAT's NumeroInstalacion, the first with PrimerRegistro=S. Without one they join the
    company's default installation, whose number is the company id.

    Args:
        company_id (str): The company's id or external_id.
        body (InstallationCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InstallationOut
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
