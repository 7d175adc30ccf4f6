"""`POST /v1/invoices/simplified-eligibility`: body and answer (RD 1619/2012 art. 4)."""

from typing import Self

from pydantic import BaseModel, Field

from talonario.kit.schema import AmountIn, Input, Number
from talonario.taxes.eligibility import (
    Activity,
    Eligibility,
    Recipient,
    simplified_eligibility,
)


class EligibilityRecipientIn(Input):
    """The recipient the simplified invoice would identify (RD 1619/2012 art. 7.2/7.3)."""

    name: str | None = Field(default=None, min_length=1, max_length=120)
    nif: str | None = Field(default=None, min_length=1, max_length=20)
    business: bool = Field(
        default=True,
        description="The recipient acts as a business or professional, not as a final "
        "consumer; such a sale is not retail (art. 4.2.a).",
    )


class SimplifiedEligibilityIn(Input):
    total: AmountIn = Field(description="Invoice total in EUR, VAT included.")
    activity: Activity | None = Field(
        default=None, description="One of the operations of art. 4.2 (3,000 EUR limit)."
    )
    recipient: EligibilityRecipientIn | None = None
    rectifies: bool = Field(
        default=False, description="A rectifying invoice: always eligible (art. 4.1.b)."
    )

    def evaluate(self) -> Eligibility:
        recipient = None if self.recipient is None else Recipient(self.recipient.business)
        return simplified_eligibility(
            self.total, self.activity, recipient=recipient, rectifies=self.rectifies
        )


class SimplifiedEligibilityOut(BaseModel):
    eligible: bool
    limit: Number | None = Field(description="EUR, VAT included; null when there is no ceiling.")
    reason: str
    legal_basis: str = Field(description="The letter of RD 1619/2012 art. 4 that decides.")

    @classmethod
    def of(cls, result: Eligibility) -> Self:
        return cls(
            eligible=result.eligible,
            limit=result.limit,
            reason=result.reason,
            legal_basis=result.legal_basis,
        )
