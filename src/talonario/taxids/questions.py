"""What is asked of a register, and what it answered: a Spanish NIF (and a name) of AEAT's
identification census, an EU VAT number of VIES.

A question comes from GET /v1/tax-ids/check (its query) or from an invoice's recipient
(`verify_recipient`); either way bad syntax is a 422 naming the field before anything is sent.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from stdnum.eu.vat import MEMBER_STATES

from talonario.errors import InvalidRequest
from talonario.kit.taxid import eu_vat_number, spanish_nif

# The answers, from AEAT's Resultado (verifactu/census.py) and VIES's `valid`.
Result = Literal[
    "identified",  # IDENTIFICADO; VIES: valid
    "identified_deregistered",  # IDENTIFICADO-BAJA: in the census, deregistered
    "identified_revoked",  # IDENTIFICADO-REVOCADO: the NIF is revoked, no longer valid
    "not_identified",  # NO IDENTIFICADO (or NO IDENTIFICABLE); VIES: not valid
    "not_identified_similar",  # NO IDENTIFICADO-SIMILAR: a person's NIF, another name
]
# What `verify_recipient` refuses: the census does not know the recipient under that name, or
# its NIF lost its validity to identify anyone (Ley 58/2003, DA 6ª.3).
REFUSED: frozenset[str] = frozenset(
    {"not_identified", "not_identified_similar", "identified_revoked"}
)
NAME_LENGTH = 120  # a client's name, and so a question's

# VIES's country codes: the member states' VAT prefixes (Greece EL) and Northern Ireland's XI.
VIES_COUNTRIES = frozenset("EL" if c == "gr" else c.upper() for c in MEMBER_STATES)


class Source(StrEnum):
    CENSUS = "aeat_census"
    VIES = "vies"


@dataclass(frozen=True, slots=True)
class Question:
    source: Source
    tax_id: str  # the NIF, or the VAT number with its VIES prefix (EL for Greece)
    name: str | None  # as asked
    param: str  # the field to name when the answer refuses it

    @property
    def name_key(self) -> str:
        """The name as the answer is kept under: upper-cased, single spaces ("" for none)."""
        return " ".join((self.name or "").split()).upper()[:NAME_LENGTH]

    @property
    def country(self) -> str:
        return self.tax_id[:2]

    @property
    def number(self) -> str:
        return self.tax_id[2:]


@dataclass(frozen=True, slots=True)
class Check:
    """A register's answer to a question: just now, or kept from an earlier one (`cached`)."""

    question: Question
    result: Result
    registered_name: str | None  # the name the census or VIES holds, when it says
    checked_at: datetime
    cached: bool


def of_nif(nif: str, name: str | None, param: str = "nif") -> Question:
    try:
        checked = spanish_nif(nif)
    except ValueError as exc:
        raise InvalidRequest(f"{param}: {exc}", param=param) from None
    return Question(Source.CENSUS, checked, name, param)


def of_vat(
    vat: str,
    country: str | None,
    name: str | None,
    param: str = "id",
    country_param: str = "country",
) -> Question:
    """An EU VAT number, with or without its prefix; `country` (Greece: EL or GR) prefixes it
    or, when it has one, must be it."""
    value = "".join(vat.split()).upper()
    prefix = None if country is None else _vies_country(country.strip().upper(), country_param)
    if prefix is not None and not value.startswith(("EL", "GR") if prefix == "EL" else prefix):
        value = prefix + value
    try:
        checked = eu_vat_number(value)
    except ValueError as exc:
        raise InvalidRequest(f"{param}: {exc}", param=param) from None
    checked = "EL" + checked[2:] if checked.startswith("GR") else checked
    if checked.startswith("ES"):
        raise InvalidRequest(
            f"{param}: a Spanish VAT number is a NIF: ask AEAT's census with `nif`.", param=param
        )
    if prefix is not None and checked[:2] != prefix:
        raise InvalidRequest(
            f"{country_param}: the VAT number's prefix is {checked[:2]}, not {prefix}.",
            param=country_param,
        )
    return Question(Source.VIES, checked, name, param)


def from_query(nif: str | None, name: str | None, country: str | None, vat: str | None) -> Question:
    """GET /v1/tax-ids/check: `nif` (and `name`), or an EU VAT number as `id` (and `country`,
    as a foreign_id with id_type 02 names it)."""
    if nif is not None:
        if vat is not None or country is not None:
            extra = "id" if vat is not None else "country"
            raise InvalidRequest(
                "Ask about a `nif` or about an EU VAT number (`country`, `id`), not both.",
                param=extra,
            )
        return of_nif(nif, name)
    if vat is None:
        param = "id" if country is not None else "nif"
        raise InvalidRequest(
            "Give `nif` (a Spanish NIF) or `id` (an EU VAT number, with `country` or its prefix).",
            param=param,
        )
    return of_vat(vat, country, name)


def of_recipient(client: dict[str, Any] | None) -> Question | None:
    """The question an invoice's recipient raises: its `nif` of the census, a `foreign_id`
    EU VAT number (id_type 02) of VIES; None for a recipient neither register knows."""
    if client is None:
        return None
    name = client.get("name")
    if client.get("nif"):
        return of_nif(client["nif"], name, "client.nif")
    foreign = client.get("foreign_id") or {}
    if foreign.get("id_type") == "02" and foreign.get("id"):
        return of_vat(
            foreign["id"],
            foreign.get("country"),
            name,
            "client.foreign_id.id",
            "client.foreign_id.country",
        )
    return None


def _vies_country(code: str, param: str) -> str:
    code = "EL" if code == "GR" else code
    if code not in VIES_COUNTRIES:
        raise InvalidRequest(
            f"{param}: '{code}' is no EU VAT country (Greece is EL, Northern Ireland XI).",
            param=param,
        )
    return code
