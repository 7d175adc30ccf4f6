import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.quote_out import QuoteOut
from ...models.quote_send_in import QuoteSendIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    ref: str,
    *,
    body: None | QuoteSendIn | Unset = UNSET,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/quotes/{ref}/send".format(
            ref=quote(str(ref), safe=""),
        ),
    }

    if isinstance(body, QuoteSendIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    if idempotency_key is not None:
        _kwargs.setdefault("headers", {})["Idempotency-Key"] = idempotency_key
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | QuoteOut | None:
    if response.status_code == 200:
        response_200 = QuoteOut.from_dict(json.loads(response.content, parse_float=Decimal))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | QuoteOut]:
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
    body: None | QuoteSendIn | Unset = UNSET,
    idempotency_key: str | None = None,
) -> Response[ErrorOut | QuoteOut]:
    """Send Quote

     Mark a draft as sent to its client; with `email` (`{}` for the defaults) the worker also
    emails it, its PDF attached, to the client's email or to `email.to` (422 naming `email.to`
    when there is no address). 409 `quote_state_conflict` naming the state when not a draft.

    Args:
        ref (str):
        body (None | QuoteSendIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | QuoteOut]
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
    body: None | QuoteSendIn | Unset = UNSET,
    idempotency_key: str | None = None,
) -> ErrorOut | QuoteOut | None:
    """Send Quote

     Mark a draft as sent to its client; with `email` (`{}` for the defaults) the worker also
    emails it, its PDF attached, to the client's email or to `email.to` (422 naming `email.to`
    when there is no address). 409 `quote_state_conflict` naming the state when not a draft.

    Args:
        ref (str):
        body (None | QuoteSendIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | QuoteOut
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
    body: None | QuoteSendIn | Unset = UNSET,
    idempotency_key: str | None = None,
) -> Response[ErrorOut | QuoteOut]:
    """Send Quote

     Mark a draft as sent to its client; with `email` (`{}` for the defaults) the worker also
    emails it, its PDF attached, to the client's email or to `email.to` (422 naming `email.to`
    when there is no address). 409 `quote_state_conflict` naming the state when not a draft.

    Args:
        ref (str):
        body (None | QuoteSendIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | QuoteOut]
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
    body: None | QuoteSendIn | Unset = UNSET,
    idempotency_key: str | None = None,
) -> ErrorOut | QuoteOut | None:
    """Send Quote

     Mark a draft as sent to its client; with `email` (`{}` for the defaults) the worker also
    emails it, its PDF attached, to the client's email or to `email.to` (422 naming `email.to`
    when there is no address). 409 `quote_state_conflict` naming the state when not a draft.

    Args:
        ref (str):
        body (None | QuoteSendIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | QuoteOut
    """

    return (
        await asyncio_detailed(
            ref=ref,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
