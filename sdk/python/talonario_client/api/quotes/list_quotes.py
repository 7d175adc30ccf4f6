import datetime
import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.list_of_quote_out import ListOfQuoteOut
from ...models.list_quotes_kind_type_0 import ListQuotesKindType0
from ...models.list_quotes_status_type_0 import ListQuotesStatusType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListQuotesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    kind: ListQuotesKindType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    valid_until_gte: datetime.date | None | Unset = UNSET,
    valid_until_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_starting_after: None | str | Unset
    if isinstance(starting_after, Unset):
        json_starting_after = UNSET
    else:
        json_starting_after = starting_after
    params["starting_after"] = json_starting_after

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_client_query: None | str | Unset
    if isinstance(client_query, Unset):
        json_client_query = UNSET
    else:
        json_client_query = client_query
    params["client"] = json_client_query

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, str):
        json_kind = kind
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_issued_on_gte: None | str | Unset
    if isinstance(issued_on_gte, Unset):
        json_issued_on_gte = UNSET
    elif isinstance(issued_on_gte, datetime.date):
        json_issued_on_gte = issued_on_gte.isoformat()
    else:
        json_issued_on_gte = issued_on_gte
    params["issued_on[gte]"] = json_issued_on_gte

    json_issued_on_lte: None | str | Unset
    if isinstance(issued_on_lte, Unset):
        json_issued_on_lte = UNSET
    elif isinstance(issued_on_lte, datetime.date):
        json_issued_on_lte = issued_on_lte.isoformat()
    else:
        json_issued_on_lte = issued_on_lte
    params["issued_on[lte]"] = json_issued_on_lte

    json_valid_until_gte: None | str | Unset
    if isinstance(valid_until_gte, Unset):
        json_valid_until_gte = UNSET
    elif isinstance(valid_until_gte, datetime.date):
        json_valid_until_gte = valid_until_gte.isoformat()
    else:
        json_valid_until_gte = valid_until_gte
    params["valid_until[gte]"] = json_valid_until_gte

    json_valid_until_lte: None | str | Unset
    if isinstance(valid_until_lte, Unset):
        json_valid_until_lte = UNSET
    elif isinstance(valid_until_lte, datetime.date):
        json_valid_until_lte = valid_until_lte.isoformat()
    else:
        json_valid_until_lte = valid_until_lte
    params["valid_until[lte]"] = json_valid_until_lte

    json_external_id: None | str | Unset
    if isinstance(external_id, Unset):
        json_external_id = UNSET
    else:
        json_external_id = external_id
    params["external_id"] = json_external_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/quotes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | ListOfQuoteOut | None:
    if response.status_code == 200:
        response_200 = ListOfQuoteOut.from_dict(json.loads(response.content, parse_float=Decimal))

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
) -> Response[ErrorOut | ListOfQuoteOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListQuotesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    kind: ListQuotesKindType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    valid_until_gte: datetime.date | None | Unset = UNSET,
    valid_until_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
) -> Response[ErrorOut | ListOfQuoteOut]:
    """List Quotes

     List quotes and proformas, newest first. `status=expired` finds sent quotes past their
    `valid_until`; `issued_on` is the quote's date (its creation day unless given).

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListQuotesStatusType0 | None | Unset):
        client_query (None | str | Unset): Client id or its external_id.
        kind (ListQuotesKindType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):
        valid_until_gte (datetime.date | None | Unset):
        valid_until_lte (datetime.date | None | Unset):
        external_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfQuoteOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
        kind=kind,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
        valid_until_gte=valid_until_gte,
        valid_until_lte=valid_until_lte,
        external_id=external_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListQuotesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    kind: ListQuotesKindType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    valid_until_gte: datetime.date | None | Unset = UNSET,
    valid_until_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
) -> ErrorOut | ListOfQuoteOut | None:
    """List Quotes

     List quotes and proformas, newest first. `status=expired` finds sent quotes past their
    `valid_until`; `issued_on` is the quote's date (its creation day unless given).

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListQuotesStatusType0 | None | Unset):
        client_query (None | str | Unset): Client id or its external_id.
        kind (ListQuotesKindType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):
        valid_until_gte (datetime.date | None | Unset):
        valid_until_lte (datetime.date | None | Unset):
        external_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfQuoteOut
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
        kind=kind,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
        valid_until_gte=valid_until_gte,
        valid_until_lte=valid_until_lte,
        external_id=external_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListQuotesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    kind: ListQuotesKindType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    valid_until_gte: datetime.date | None | Unset = UNSET,
    valid_until_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
) -> Response[ErrorOut | ListOfQuoteOut]:
    """List Quotes

     List quotes and proformas, newest first. `status=expired` finds sent quotes past their
    `valid_until`; `issued_on` is the quote's date (its creation day unless given).

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListQuotesStatusType0 | None | Unset):
        client_query (None | str | Unset): Client id or its external_id.
        kind (ListQuotesKindType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):
        valid_until_gte (datetime.date | None | Unset):
        valid_until_lte (datetime.date | None | Unset):
        external_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ListOfQuoteOut]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        client_query=client_query,
        kind=kind,
        issued_on_gte=issued_on_gte,
        issued_on_lte=issued_on_lte,
        valid_until_gte=valid_until_gte,
        valid_until_lte=valid_until_lte,
        external_id=external_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 20,
    starting_after: None | str | Unset = UNSET,
    status: ListQuotesStatusType0 | None | Unset = UNSET,
    client_query: None | str | Unset = UNSET,
    kind: ListQuotesKindType0 | None | Unset = UNSET,
    issued_on_gte: datetime.date | None | Unset = UNSET,
    issued_on_lte: datetime.date | None | Unset = UNSET,
    valid_until_gte: datetime.date | None | Unset = UNSET,
    valid_until_lte: datetime.date | None | Unset = UNSET,
    external_id: None | str | Unset = UNSET,
) -> ErrorOut | ListOfQuoteOut | None:
    """List Quotes

     List quotes and proformas, newest first. `status=expired` finds sent quotes past their
    `valid_until`; `issued_on` is the quote's date (its creation day unless given).

    Args:
        limit (int | Unset): Page size (1 to 100). Default: 20.
        starting_after (None | str | Unset): Return objects after this id (from the previous
            page).
        status (ListQuotesStatusType0 | None | Unset):
        client_query (None | str | Unset): Client id or its external_id.
        kind (ListQuotesKindType0 | None | Unset):
        issued_on_gte (datetime.date | None | Unset):
        issued_on_lte (datetime.date | None | Unset):
        valid_until_gte (datetime.date | None | Unset):
        valid_until_lte (datetime.date | None | Unset):
        external_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ListOfQuoteOut
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            status=status,
            client_query=client_query,
            kind=kind,
            issued_on_gte=issued_on_gte,
            issued_on_lte=issued_on_lte,
            valid_until_gte=valid_until_gte,
            valid_until_lte=valid_until_lte,
            external_id=external_id,
        )
    ).parsed
