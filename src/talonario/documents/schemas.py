from typing import Annotated

from pydantic import EmailStr, Field

from talonario.kit.schema import Input

# A header value: one line, so a subject can never smuggle in another header.
OneLine = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\r\n]*$")]
Addresses = Annotated[list[EmailStr], Field(min_length=1, max_length=20)]


class PublicLinkIn(Input):
    enabled: bool = Field(default=True, description="false revokes the link at once.")
    max_days: int = Field(
        default=30,
        ge=1,
        le=365,
        description="Days the link stays valid from now; posting again with enabled extends it.",
    )


class SendIn(Input):
    to: EmailStr | Addresses | None = Field(
        default=None, description="Recipient(s); defaults to the client's email."
    )
    cc: EmailStr | Addresses | None = None
    subject: OneLine | None = Field(
        default=None, description="Defaults to 'Factura {number} de {issuer}'."
    )
    message: str | None = Field(
        default=None,
        min_length=1,
        max_length=5000,
        description="Replaces the default greeting paragraph of the email.",
    )

    def recipients(self) -> list[str]:
        return _listed(self.to)

    def copies(self) -> list[str]:
        return _listed(self.cc)


def _listed(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
