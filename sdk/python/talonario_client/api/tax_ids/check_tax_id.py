import json
from decimal import Decimal
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_out import ErrorOut
from ...models.tax_id_check_out import TaxIdCheckOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    nif: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    id: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_nif: None | str | Unset
    if isinstance(nif, Unset):
        json_nif = UNSET
    else:
        json_nif = nif
    params["nif"] = json_nif

    json_name: None | str | Unset
    if isinstance(name, Unset):
        json_name = UNSET
    else:
        json_name = name
    params["name"] = json_name

    json_country: None | str | Unset
    if isinstance(country, Unset):
        json_country = UNSET
    else:
        json_country = country
    params["country"] = json_country

    json_id: None | str | Unset
    if isinstance(id, Unset):
        json_id = UNSET
    else:
        json_id = id
    params["id"] = json_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/tax-ids/check",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorOut | TaxIdCheckOut | None:
    if response.status_code == 200:
        response_200 = TaxIdCheckOut.from_dict(json.loads(response.content, parse_float=Decimal))

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

    if response.status_code == 503:
        response_503 = ErrorOut.from_dict(json.loads(response.content, parse_float=Decimal))

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorOut | TaxIdCheckOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    nif: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    id: None | str | Unset = UNSET,
) -> Response[ErrorOut | TaxIdCheckOut]:
    """Check Tax Id

     Does the register know this tax id (and name)? A `nif` is asked of AEAT's
    identification census, an EU VAT number (`country` and `id`, as a client's `foreign_id`
    with id_type 02) of VIES; `sandbox` companies ask the AEAT sandbox. The answer is kept a
    day: the same question within 24 hours is answered with `cached: true`. A register that
    does not answer is a 503 (`census_unavailable`, `vies_unavailable`).

    Args:
        nif (None | str | Unset): A Spanish NIF, asked of AEAT's identification census.
        name (None | str | Unset): The holder's name (a person's: surnames and name).
        country (None | str | Unset): An EU VAT number's country (Greece EL, Northern Ireland XI).
        id (None | str | Unset): An EU VAT number, asked of VIES: with its prefix, or with
            `country`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | TaxIdCheckOut]
    """

    kwargs = _get_kwargs(
        nif=nif,
        name=name,
        country=country,
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    nif: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    id: None | str | Unset = UNSET,
) -> ErrorOut | TaxIdCheckOut | None:
    """Check Tax Id

     Does the register know this tax id (and name)? A `nif` is asked of AEAT's
    identification census, an EU VAT number (`country` and `id`, as a client's `foreign_id`
    with id_type 02) of VIES; `sandbox` companies ask the AEAT sandbox. The answer is kept a
    day: the same question within 24 hours is answered with `cached: true`. A register that
    does not answer is a 503 (`census_unavailable`, `vies_unavailable`).

    Args:
        nif (None | str | Unset): A Spanish NIF, asked of AEAT's identification census.
        name (None | str | Unset): The holder's name (a person's: surnames and name).
        country (None | str | Unset): An EU VAT number's country (Greece EL, Northern Ireland XI).
        id (None | str | Unset): An EU VAT number, asked of VIES: with its prefix, or with
            `country`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | TaxIdCheckOut
    """

    return sync_detailed(
        client=client,
        nif=nif,
        name=name,
        country=country,
        id=id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    nif: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    id: None | str | Unset = UNSET,
) -> Response[ErrorOut | TaxIdCheckOut]:
    """Check Tax Id

     Does the register know this tax id (and name)? A `nif` is asked of AEAT's
    identification census, an EU VAT number (`country` and `id`, as a client's `foreign_id`
    with id_type 02) of VIES; `sandbox` companies ask the AEAT sandbox. The answer is kept a
    day: the same question within 24 hours is answered with `cached: true`. A register that
    does not answer is a 503 (`census_unavailable`, `vies_unavailable`).

    Args:
        nif (None | str | Unset): A Spanish NIF, asked of AEAT's identification census.
        name (None | str | Unset): The holder's name (a person's: surnames and name).
        country (None | str | Unset): An EU VAT number's country (Greece EL, Northern Ireland XI).
        id (None | str | Unset): An EU VAT number, asked of VIES: with its prefix, or with
            `country`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | TaxIdCheckOut]
    """

    kwargs = _get_kwargs(
        nif=nif,
        name=name,
        country=country,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    nif: None | str | Unset = UNSET,
    name: None | str | Unset = UNSET,
    country: None | str | Unset = UNSET,
    id: None | str | Unset = UNSET,
) -> ErrorOut | TaxIdCheckOut | None:
    """Check Tax Id

     Does the register know this tax id (and name)? A `nif` is asked of AEAT's
    identification census, an EU VAT number (`country` and `id`, as a client's `foreign_id`
    with id_type 02) of VIES; `sandbox` companies ask the AEAT sandbox. The answer is kept a
    day: the same question within 24 hours is answered with `cached: true`. A register that
    does not answer is a 503 (`census_unavailable`, `vies_unavailable`).

    Args:
        nif (None | str | Unset): A Spanish NIF, asked of AEAT's identification census.
        name (None | str | Unset): The holder's name (a person's: surnames and name).
        country (None | str | Unset): An EU VAT number's country (Greece EL, Northern Ireland XI).
        id (None | str | Unset): An EU VAT number, asked of VIES: with its prefix, or with
            `country`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | TaxIdCheckOut
    """

    return (
        await asyncio_detailed(
            client=client,
            nif=nif,
            name=name,
            country=country,
            id=id,
        )
    ).parsed
