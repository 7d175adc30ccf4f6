import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.record_qr_image_format_type_0 import RecordQrImageFormatType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    ref: str,
    *,
    format_: None | RecordQrImageFormatType0 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, str):
        json_format_ = format_
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/records/{ref}/qr-image".format(
            ref=quote(str(ref), safe=""),
        ),
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
    ref: str,
    *,
    client: AuthenticatedClient | Client,
    format_: None | RecordQrImageFormatType0 | Unset = UNSET,
) -> Response[Any | ErrorOut]:
    """Record Qr Image

     The AEAT QR of a record, by its id or external_id (a cancelled one keeps its alta's).

    Args:
        ref (str):
        format_ (None | RecordQrImageFormatType0 | Unset): png or svg; without it the Accept
            header decides (PNG by default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorOut]
    """

    kwargs = _get_kwargs(
        ref=ref,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
    format_: None | RecordQrImageFormatType0 | Unset = UNSET,
) -> Any | ErrorOut | None:
    """Record Qr Image

     The AEAT QR of a record, by its id or external_id (a cancelled one keeps its alta's).

    Args:
        ref (str):
        format_ (None | RecordQrImageFormatType0 | Unset): png or svg; without it the Accept
            header decides (PNG by default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorOut
    """

    return sync_detailed(
        ref=ref,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
    format_: None | RecordQrImageFormatType0 | Unset = UNSET,
) -> Response[Any | ErrorOut]:
    """Record Qr Image

     The AEAT QR of a record, by its id or external_id (a cancelled one keeps its alta's).

    Args:
        ref (str):
        format_ (None | RecordQrImageFormatType0 | Unset): png or svg; without it the Accept
            header decides (PNG by default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorOut]
    """

    kwargs = _get_kwargs(
        ref=ref,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ref: str,
    *,
    client: AuthenticatedClient | Client,
    format_: None | RecordQrImageFormatType0 | Unset = UNSET,
) -> Any | ErrorOut | None:
    """Record Qr Image

     The AEAT QR of a record, by its id or external_id (a cancelled one keeps its alta's).

    Args:
        ref (str):
        format_ (None | RecordQrImageFormatType0 | Unset): png or svg; without it the Accept
            header decides (PNG by default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorOut
    """

    return (
        await asyncio_detailed(
            ref=ref,
            client=client,
            format_=format_,
        )
    ).parsed
