"""May this invoice be a simplified one (F2/R5)? RD 1619/2012 (Reglamento de facturación) art. 4.

- art. 4.1.a: any operation up to 400 EUR, VAT included;
- art. 4.1.b: any rectifying invoice, whatever its amount;
- art. 4.2.a-n: up to 3,000 EUR, VAT included, for a closed list of operations (`Activity`).

AEAT itself only checks the 3,000 EUR ceiling of an F2 (spec §7.7): the 400 EUR rule is ours to
enforce. Art. 4.3 (no simplified invoice for exempt intra-EU supplies, distance sales and some
operations located abroad) depends on the operation, not on what this question carries: the
caller checks it. Pure: no database, no HTTP.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

GENERAL_LIMIT = Decimal("400.00")  # art. 4.1.a, VAT included
ACTIVITY_LIMIT = Decimal("3000.00")  # art. 4.2, VAT included
_ARTICLE = "RD 1619/2012 art. 4"


class Activity(StrEnum):
    """The operations of RD 1619/2012 art. 4.2 (3,000 EUR limit); the letter is the member's."""

    RETAIL = "retail"  # 4.2.a ventas al por menor (recipient a final consumer)
    ITINERANT_SALES = "itinerant_sales"  # 4.2.b ventas o servicios en ambulancia
    HOME_SALES = "home_sales"  # 4.2.c ventas o servicios a domicilio del consumidor
    PASSENGER_TRANSPORT = "passenger_transport"  # 4.2.d transportes de personas y equipajes
    HOSPITALITY = "hospitality"  # 4.2.e hostelería y restauración, comidas para consumir en el acto
    DANCE_HALLS = "dance_halls"  # 4.2.f salas de baile y discotecas
    PHONE_BOOTHS = "phone_booths"  # 4.2.g cabinas de uso público, tarjetas sin identificar
    HAIRDRESSING_BEAUTY = "hairdressing_beauty"  # 4.2.h peluquería e institutos de belleza
    SPORTS_FACILITIES = "sports_facilities"  # 4.2.i utilización de instalaciones deportivas
    PHOTO_DEVELOPMENT = "photo_development"  # 4.2.j revelado de fotografías, estudios
    PARKING = "parking"  # 4.2.k aparcamiento y estacionamiento de vehículos
    VIDEO_RENTAL = "video_rental"  # 4.2.l alquiler de películas
    DRY_CLEANING_LAUNDRY = "dry_cleaning_laundry"  # 4.2.m tintorería y lavandería
    TOLL_ROADS = "toll_roads"  # 4.2.n utilización de autopistas de peaje


ACTIVITY_KEYS = frozenset(a.value for a in Activity)
# The letter of art. 4.2 that lists each operation: a to n, in the order of the enum.
_LETTERS = dict(zip(Activity, "abcdefghijklmn", strict=True))


class UnknownActivity(ValueError):
    """The activity key is not one of art. 4.2's operations."""

    def __init__(self, key: str) -> None:
        super().__init__(f"unknown activity {key!r}; expected one of {', '.join(Activity)}")
        self.key = key


@dataclass(frozen=True, slots=True)
class Recipient:
    """The recipient the simplified invoice would identify (art. 7.2/7.3)."""

    # Acts as a business or professional, not as a final consumer: then the operation is not
    # a retail sale in the sense of art. 4.2.a.
    business: bool = True


@dataclass(frozen=True, slots=True)
class Eligibility:
    eligible: bool
    limit: Decimal | None  # the ceiling that applies, VAT included; None: no ceiling (4.1.b)
    reason: str
    legal_basis: str  # the exact letter of art. 4


def simplified_eligibility(
    total: Decimal,
    activity: Activity | str | None = None,
    *,
    recipient: Recipient | None = None,
    rectifies: bool = False,
) -> Eligibility:
    """Whether an invoice of `total` (VAT included) may be simplified, which ceiling applies and
    why. An unknown `activity` key raises UnknownActivity; a float `total` raises TypeError.

    The ceiling is compared with the size of the total: a negative total of a non-rectifying
    invoice is as large as its positive counterpart.
    """
    if not isinstance(total, Decimal) or not total.is_finite():
        raise TypeError(f"total must be a finite Decimal, not {total!r}")
    kind = _activity(activity)
    note = _recipient_note(recipient)
    if rectifies:
        return Eligibility(
            True,
            None,
            "a rectifying invoice may always be simplified, whatever its amount" + note,
            f"{_ARTICLE}.1.b",
        )
    if kind is Activity.RETAIL and recipient is not None and recipient.business:
        why = "; a sale to a recipient acting as a business is not retail (art. 4.2.a)"
        return _general(total, note, why)
    if kind is not None:
        basis = f"{_ARTICLE}.2.{_LETTERS[kind]}"
        if abs(total) <= ACTIVITY_LIMIT:
            return Eligibility(
                True,
                ACTIVITY_LIMIT,
                f"total {_eur(total)} is within the {_eur(ACTIVITY_LIMIT)} limit (VAT included) "
                f"for {kind.value}" + note,
                basis,
            )
        return Eligibility(
            False,
            ACTIVITY_LIMIT,
            f"total {_eur(total)} exceeds the {_eur(ACTIVITY_LIMIT)} limit (VAT included) for "
            f"{kind.value}: issue a complete invoice",
            basis,
        )
    return _general(total, note, "")


def _general(total: Decimal, note: str, why: str) -> Eligibility:
    basis = f"{_ARTICLE}.1.a"
    if abs(total) <= GENERAL_LIMIT:
        return Eligibility(
            True,
            GENERAL_LIMIT,
            f"total {_eur(total)} is within the general {_eur(GENERAL_LIMIT)} limit (VAT included)"
            + why
            + note,
            basis,
        )
    return Eligibility(
        False,
        GENERAL_LIMIT,
        f"total {_eur(total)} exceeds the general {_eur(GENERAL_LIMIT)} limit (VAT included)"
        + why
        + ": issue a complete invoice",
        basis,
    )


def _activity(activity: Activity | str | None) -> Activity | None:
    if activity is None or isinstance(activity, Activity):
        return activity
    if activity not in ACTIVITY_KEYS:
        raise UnknownActivity(activity)
    return Activity(activity)


def _recipient_note(recipient: Recipient | None) -> str:
    if recipient is None:
        return ""
    # Art. 7.2/7.3: the simplified invoice then also shows the recipient's NIF and address and
    # the tax quota; VERI*FACTU records it as F1 with FacturaSimplificadaArt7273=S (spec §7.7).
    return (
        "; with the recipient identified it must show their NIF and address and the tax quota "
        "(art. 7.2/7.3), recorded as F1 with FacturaSimplificadaArt7273=S"
    )


def _eur(amount: Decimal) -> str:
    return f"{amount:,.2f} EUR"
