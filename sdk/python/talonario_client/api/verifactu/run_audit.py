import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_out import AuditOut
from ...models.error_out import ErrorOut
from ...types import Response


def _get_kwargs(
    idempotency_key: str | None = None,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/verifactu/audit",
    }

    if idempotency_key is not None:
        _kwargs.setdefault("headers", {})["Idempotency-Key"] = idempotency_key
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditOut | ErrorOut | None:
    if response.status_code == 200:
        response_200 = AuditOut.from_dict(json.loads(response.content, parse_float=Decimal))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditOut | ErrorOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | None = None,
) -> Response[AuditOut | ErrorOut]:
    """Run Audit

     Anomaly detection now: every billing record's huella, link and signature, and every
    event's, recomputed; in NO VERI*FACTU the launches (events 03, 05) and the first record or
    event that breaks (04, 06) are logged as events. `valid` is false when either chain
    breaks; `first_break` names the record or event. The chains are read and checked in
    short read sessions: issuing goes on meanwhile; the events are logged at the end.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditOut | ErrorOut]
    """

    kwargs = _get_kwargs(
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | None = None,
) -> AuditOut | ErrorOut | None:
    """Run Audit

     Anomaly detection now: every billing record's huella, link and signature, and every
    event's, recomputed; in NO VERI*FACTU the launches (events 03, 05) and the first record or
    event that breaks (04, 06) are logged as events. `valid` is false when either chain
    breaks; `first_break` names the record or event. The chains are read and checked in
    short read sessions: issuing goes on meanwhile; the events are logged at the end.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditOut | ErrorOut
    """

    return sync_detailed(
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | None = None,
) -> Response[AuditOut | ErrorOut]:
    """Run Audit

     Anomaly detection now: every billing record's huella, link and signature, and every
    event's, recomputed; in NO VERI*FACTU the launches (events 03, 05) and the first record or
    event that breaks (04, 06) are logged as events. `valid` is false when either chain
    breaks; `first_break` names the record or event. The chains are read and checked in
    short read sessions: issuing goes on meanwhile; the events are logged at the end.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditOut | ErrorOut]
    """

    kwargs = _get_kwargs(
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | None = None,
) -> AuditOut | ErrorOut | None:
    """Run Audit

     Anomaly detection now: every billing record's huella, link and signature, and every
    event's, recomputed; in NO VERI*FACTU the launches (events 03, 05) and the first record or
    event that breaks (04, 06) are logged as events. `valid` is false when either chain
    breaks; `first_break` names the record or event. The chains are read and checked in
    short read sessions: issuing goes on meanwhile; the events are logged at the end.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditOut | ErrorOut
    """

    return (
        await asyncio_detailed(
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
