import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.list_of_record_out import ListOfRecordOut
from ...models.list_records_format import ListRecordsFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | None | Unset = UNSET,
    starting_after: None | str | Unset = UNSET,
    format_: ListRecordsFormat | Unset = "json",
    installation: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

    json_starting_after: None | str | Unset
    if isinstance(starting_after, Unset):
        json_starting_after = UNSET
    else:
        json_starting_after = starting_after
    params["starting_after"] = json_starting_after

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    json_installation: None | str | Unset
    if isinstance(installation, Unset):
        json_installation = UNSET
    else:
        json_installation = installation
    params["installation"] = json_installation

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/verifactu/records",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | ListOfRecordOut | None:
    if response.status_code == 200:
        response_200 = ListOfRecordOut.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | ListOfRecordOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    starting_after: None | str | Unset = UNSET,
    format_: ListRecordsFormat | Unset = "json",
    installation: None | str | Unset = UNSET,
) -> Response[ErrorOut | ListOfRecordOut]:
    """List Records

     The company's records in order (of every installation's chain, or one's), first record
    first. With `format=xml`, the same page as one AEAT XML document (valid against
    SuministroLR.xsd), streamed: the Cabecera names the company as ObligadoEmision, and
    Talonario-Has-More / Talonario-Next-Starting-After say how to ask for the next document.

    Args:
        limit (int | None | Unset): Page size: 1 to 100 (default 20); 1 to 1000 with format=xml
            (default 1000).
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        format_ (ListRecordsFormat | Unset): xml: the page as one AEAT RegFactuSistemaFacturacion
            document. Default: 'json'.
        installation (None | str | Unset): Only the chain of this installation: its id or
            installation_number (the company id for the default installation's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfRecordOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        format_=format_,
        installation=installation,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    starting_after: None | str | Unset = UNSET,
    format_: ListRecordsFormat | Unset = "json",
    installation: None | str | Unset = UNSET,
) -> ErrorOut | ListOfRecordOut | None:
    """List Records

     The company's records in order (of every installation's chain, or one's), first record
    first. With `format=xml`, the same page as one AEAT XML document (valid against
    SuministroLR.xsd), streamed: the Cabecera names the company as ObligadoEmision, and
    Talonario-Has-More / Talonario-Next-Starting-After say how to ask for the next document.

    Args:
        limit (int | None | Unset): Page size: 1 to 100 (default 20); 1 to 1000 with format=xml
            (default 1000).
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        format_ (ListRecordsFormat | Unset): xml: the page as one AEAT RegFactuSistemaFacturacion
            document. Default: 'json'.
        installation (None | str | Unset): Only the chain of this installation: its id or
            installation_number (the company id for the default installation's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfRecordOut
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        format_=format_,
        installation=installation,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    starting_after: None | str | Unset = UNSET,
    format_: ListRecordsFormat | Unset = "json",
    installation: None | str | Unset = UNSET,
) -> Response[ErrorOut | ListOfRecordOut]:
    """List Records

     The company's records in order (of every installation's chain, or one's), first record
    first. With `format=xml`, the same page as one AEAT XML document (valid against
    SuministroLR.xsd), streamed: the Cabecera names the company as ObligadoEmision, and
    Talonario-Has-More / Talonario-Next-Starting-After say how to ask for the next document.

    Args:
        limit (int | None | Unset): Page size: 1 to 100 (default 20); 1 to 1000 with format=xml
            (default 1000).
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        format_ (ListRecordsFormat | Unset): xml: the page as one AEAT RegFactuSistemaFacturacion
            document. Default: 'json'.
        installation (None | str | Unset): Only the chain of this installation: its id or
            installation_number (the company id for the default installation's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfRecordOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        format_=format_,
        installation=installation,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    starting_after: None | str | Unset = UNSET,
    format_: ListRecordsFormat | Unset = "json",
    installation: None | str | Unset = UNSET,
) -> ErrorOut | ListOfRecordOut | None:
    """List Records

     The company's records in order (of every installation's chain, or one's), first record
    first. With `format=xml`, the same page as one AEAT XML document (valid against
    SuministroLR.xsd), streamed: the Cabecera names the company as ObligadoEmision, and
    Talonario-Has-More / Talonario-Next-Starting-After say how to ask for the next document.

    Args:
        limit (int | None | Unset): Page size: 1 to 100 (default 20); 1 to 1000 with format=xml
            (default 1000).
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        format_ (ListRecordsFormat | Unset): xml: the page as one AEAT RegFactuSistemaFacturacion
            document. Default: 'json'.
        installation (None | str | Unset): Only the chain of this installation: its id or
            installation_number (the company id for the default installation's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfRecordOut
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            format_=format_,
            installation=installation,
        )
    ).parsed
