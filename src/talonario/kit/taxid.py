"""Tax identifiers, checked with python-stdnum (checksums included)."""

from stdnum.es import nif as es_nif
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError

from talonario.kit.countries import AEAT_COUNTRIES


def _reason(exc: ValidationError) -> str:
    # str() is the message stdnum gives each failure (InvalidChecksum, InvalidLength, ...).
    return str(exc).lower().rstrip(".")


def spanish_nif(value: str) -> str:
    """A Spanish NIF (DNI, NIE or CIF, including K/L/M) in AEAT's form: 9 uppercase characters."""
    try:
        return str(es_nif.validate(value)).upper()
    except ValidationError as exc:
        raise ValueError(f"not a valid Spanish NIF/NIE/CIF ({_reason(exc)})") from exc


def eu_vat_number(value: str) -> str:
    try:
        return str(eu_vat.validate(value)).upper()
    except ValidationError as exc:
        raise ValueError(f"not a valid EU VAT number ({_reason(exc)})") from exc


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code from AEAT's list (which adds XI, QU, XB, XU and XN)."""
    code = value.strip().upper()
    if code not in AEAT_COUNTRIES:
        raise ValueError(f"'{value}' is not a country code AEAT accepts (ISO 3166-1 alpha-2)")
    return code
