import datetime as dt

from pydantic import Field

from talonario.kit.schema import AmountIn, Input


class PaymentCreate(Input):
    amount: AmountIn = Field(gt=0)
    date: dt.date | None = Field(default=None, description="Defaults to today.")
    method: str | None = Field(default=None, max_length=40)
    reference: str | None = Field(default=None, max_length=200)
