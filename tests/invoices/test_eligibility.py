"""When an invoice may be simplified (RD 1619/2012 art. 4), as a customer would ask it."""

from decimal import Decimal as D

import orjson
import pytest
from pydantic import ValidationError

from talonario.taxes.eligibility import (
    ACTIVITY_KEYS,
    Activity,
    Recipient,
    UnknownActivity,
    simplified_eligibility,
)
from talonario.taxes.eligibility_schema import (
    SimplifiedEligibilityIn,
    SimplifiedEligibilityOut,
)

# The issue's list, in the order of art. 4.2 (letters a to n).
ISSUE_KEYS = [
    "retail",
    "itinerant_sales",
    "home_sales",
    "passenger_transport",
    "hospitality",
    "dance_halls",
    "phone_booths",
    "hairdressing_beauty",
    "sports_facilities",
    "photo_development",
    "parking",
    "video_rental",
    "dry_cleaning_laundry",
    "toll_roads",
]


@pytest.mark.parametrize(("total", "eligible"), [("400.00", True), ("400.01", False)])
def test_general_limit_is_400_vat_included(total: str, eligible: bool) -> None:
    result = simplified_eligibility(D(total))
    assert result.eligible is eligible
    assert result.limit == D("400.00")
    assert result.legal_basis == "RD 1619/2012 art. 4.1.a"


def test_small_amounts_are_eligible_without_activity() -> None:
    assert simplified_eligibility(D("0.01")).eligible
    assert simplified_eligibility(D("0")).eligible


def test_refusal_says_what_to_do() -> None:
    reason = simplified_eligibility(D("400.01")).reason
    assert "400.01 EUR" in reason
    assert "complete invoice" in reason


@pytest.mark.parametrize(("total", "eligible"), [("3000.00", True), ("3000.01", False)])
def test_retail_limit_is_3000(total: str, eligible: bool) -> None:
    result = simplified_eligibility(D(total), Activity.RETAIL)
    assert result.eligible is eligible
    assert result.limit == D("3000.00")
    assert result.legal_basis == "RD 1619/2012 art. 4.2.a"


@pytest.mark.parametrize(("key", "letter"), zip(ISSUE_KEYS, "abcdefghijklmn", strict=True))
def test_every_listed_activity_has_its_letter_of_article_4_2(key: str, letter: str) -> None:
    result = simplified_eligibility(D("2999.99"), key)
    assert result.eligible
    assert result.limit == D("3000.00")
    assert result.legal_basis == f"RD 1619/2012 art. 4.2.{letter}"


def test_the_activity_keys_are_exactly_the_issues_list() -> None:
    assert set(ISSUE_KEYS) == ACTIVITY_KEYS
    assert [a.value for a in Activity] == ISSUE_KEYS


def test_an_activity_below_400_still_reports_its_3000_limit() -> None:
    result = simplified_eligibility(D("12.50"), Activity.HOSPITALITY)
    assert (result.eligible, result.limit) == (True, D("3000.00"))


def test_an_unknown_activity_is_refused_naming_the_known_keys() -> None:
    with pytest.raises(UnknownActivity, match="retail") as caught:
        simplified_eligibility(D("10.00"), "consulting")
    assert caught.value.key == "consulting"
    assert isinstance(caught.value, ValueError)


def test_a_rectifying_invoice_is_always_eligible() -> None:
    result = simplified_eligibility(D("10000.00"), rectifies=True)
    assert result.eligible
    assert result.limit is None
    assert result.legal_basis == "RD 1619/2012 art. 4.1.b"


def test_a_rectifying_invoice_is_eligible_whatever_the_activity_and_sign() -> None:
    assert simplified_eligibility(D("-25000.00"), Activity.PARKING, rectifies=True).eligible


def test_a_negative_total_is_measured_by_its_size() -> None:
    assert not simplified_eligibility(D("-400.01")).eligible
    assert simplified_eligibility(D("-400.00")).eligible


def test_retail_to_a_business_falls_back_to_the_general_limit() -> None:
    business = Recipient(business=True)
    above = simplified_eligibility(D("1000.00"), Activity.RETAIL, recipient=business)
    assert (above.eligible, above.limit) == (False, D("400.00"))
    assert above.legal_basis == "RD 1619/2012 art. 4.1.a"
    assert "not retail" in above.reason
    below = simplified_eligibility(D("300.00"), Activity.RETAIL, recipient=business)
    assert (below.eligible, below.limit) == (True, D("400.00"))


def test_retail_to_an_identified_consumer_keeps_3000_and_notes_art_7() -> None:
    result = simplified_eligibility(D("2000.00"), "retail", recipient=Recipient(business=False))
    assert (result.eligible, result.limit) == (True, D("3000.00"))
    assert "FacturaSimplificadaArt7273" in result.reason


def test_a_business_recipient_does_not_change_other_activities() -> None:
    result = simplified_eligibility(D("2000.00"), Activity.HOSPITALITY, recipient=Recipient())
    assert (result.eligible, result.legal_basis) == (True, "RD 1619/2012 art. 4.2.e")


def test_float_totals_are_refused() -> None:
    with pytest.raises(TypeError):
        simplified_eligibility(400.0)  # type: ignore[arg-type]


def test_the_result_is_frozen() -> None:
    result = simplified_eligibility(D("1.00"))
    with pytest.raises(AttributeError):
        result.eligible = False  # type: ignore[misc]


# --- the request and answer schema -----------------------------------------------------------


def ask(body: dict[str, object]) -> dict[str, object]:
    request = SimplifiedEligibilityIn.model_validate_json(orjson.dumps(body))
    return SimplifiedEligibilityOut.of(request.evaluate()).model_dump()


def test_json_numbers_are_exact_decimals() -> None:
    assert SimplifiedEligibilityIn.model_validate_json(b'{"total": 400.01}').total == D("400.01")
    assert ask({"total": 400.01})["eligible"] is False
    assert ask({"total": "400.00"})["eligible"] is True


def test_answer_shape() -> None:
    """The answer's `limit` is a Decimal: the app's JSON encoder writes it as a number."""
    assert ask({"total": "2500.00", "activity": "toll_roads"}) == {
        "eligible": True,
        "limit": D("3000.00"),
        "reason": "total 2,500.00 EUR is within the 3,000.00 EUR limit (VAT included) for "
        "toll_roads",
        "legal_basis": "RD 1619/2012 art. 4.2.n",
    }
    rectifying = ask({"total": 10000, "rectifies": True})
    assert (rectifying["eligible"], rectifying["limit"]) == (True, None)


def test_recipient_defaults_to_a_business() -> None:
    assert (
        ask({"total": "500.00", "activity": "retail", "recipient": {"nif": "B65410011"}})[
            "eligible"
        ]
        is False
    )
    consumer = {"name": "Ana", "business": False}
    assert ask({"total": "500.00", "activity": "retail", "recipient": consumer})["eligible"]


@pytest.mark.parametrize(
    "body",
    [
        {"total": "10.00", "activity": "consulting"},  # not an art. 4.2 key
        {"total": "10.00", "extra": 1},  # unknown field
        {"total": "10.001"},  # money has cents, no more
        {"total": "NaN"},
        {"activity": "retail"},  # total is required
        {"total": "10.00", "recipient": {"vat": "x"}},
    ],
)
def test_bad_bodies_are_rejected(body: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        SimplifiedEligibilityIn.model_validate_json(orjson.dumps(body))
