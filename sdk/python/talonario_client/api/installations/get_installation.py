import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.installation_out import InstallationOut
from ...types import Response


def _get_kwargs(
    company_id: str,
    installation_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/companies/{company_id}/installations/{installation_id}".format(
            company_id=quote(str(company_id), safe=""),
            installation_id=quote(str(installation_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | InstallationOut | None:
    if response.status_code == 200:
        response_200 = InstallationOut.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | InstallationOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    company_id: str,
    installation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorOut | InstallationOut]:
    """Get Installation

     Retrieve an installation by its id or installation_number.

    Args:
        company_id (str): The company's id or external_id.
        installation_id (str): The installation's id or installation_number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InstallationOut]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        installation_id=installation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    company_id: str,
    installation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorOut | InstallationOut | None:
    """Get Installation

     Retrieve an installation by its id or installation_number.

    Args:
        company_id (str): The company's id or external_id.
        installation_id (str): The installation's id or installation_number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InstallationOut
    """

    return sync_detailed(
        company_id=company_id,
        installation_id=installation_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    company_id: str,
    installation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorOut | InstallationOut]:
    """Get Installation

     Retrieve an installation by its id or installation_number.

    Args:
        company_id (str): The company's id or external_id.
        installation_id (str): The installation's id or installation_number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | InstallationOut]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        installation_id=installation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: str,
    installation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorOut | InstallationOut | None:
    """Get Installation

     Retrieve an installation by its id or installation_number.

    Args:
        company_id (str): The company's id or external_id.
        installation_id (str): The installation's id or installation_number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | InstallationOut
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            installation_id=installation_id,
            client=client,
        )
    ).parsed
