from datetime import date, datetime
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field

from talonario.companies import certificate, logo
from talonario.companies.mode import Mode
from talonario.kit.clock import utcnow
from talonario.kit.patch import NotNull, Patch
from talonario.kit.schema import Address, AddressOut, Input, SpanishNif
from talonario.models import Company

Environment = Literal["sandbox", "preproduction", "production"]


class VerifactuSettings(Input):
    environment: Environment


class VerifactuUpdate(Patch):
    environment: NotNull[Environment] = None
    mode: NotNull[Mode] = Field(
        default=None,
        description="`verifactu`: each record is remitted to AEAT as it is made."
        " `no_verifactu`: each record is XAdES-signed with the company's certificate and kept"
        " (not remitted); its invoices carry the NO VERI*FACTU QR and no VERI*FACTU legend."
        " Once a company has operated as VERI*FACTU in a year it stays VERI*FACTU until 31"
        " December (Orden HAC/1177/2024 art. 17): leaving earlier is a 422"
        " `verifactu_until_year_end`; schedule it for 1 January with `effective_on`.",
    )
    effective_on: NotNull[date] = Field(
        default=None,
        description="With `mode: no_verifactu`: leave VERI*FACTU on this day instead of now."
        " It must be 1 January of next year (art. 17). Until then the company stays"
        " VERI*FACTU and its submissions to AEAT announce the renounce"
        " (RemisionVoluntaria/FechaFinVeriFactu = 31-12 of this year); on the day, the first"
        " record made (or the worker) switches it, with its event 01. `mode: verifactu`"
        " without `effective_on` drops a scheduled switch.",
    )


# Days relative to an invoice's due_on: from a month before to a year after.
ReminderDay = Annotated[int, Field(ge=-30, le=365)]


def _unique_days(days: list[int] | None) -> list[int] | None:
    if days is not None and len(set(days)) != len(days):
        raise ValueError("each day may appear once")
    return days


class RemindersUpdate(Patch):
    """Automatic payment reminders: the worker emails each unpaid invoice's client on these
    days, once per day and invoice (GET /v1/invoices/{id}/reminders lists them)."""

    enabled: NotNull[bool] = Field(
        default=None, description="Whether the worker sends them (default false)."
    )
    days: Annotated[NotNull[list[ReminderDay]], AfterValidator(_unique_days)] = Field(
        default=None,
        min_length=1,
        max_length=10,
        description="Days relative to each invoice's `due_on`, -30 to 365 (negative: before"
        " it; 0: on the day), each once, at most 10; default [1, 7, 15]. A worker that finds"
        " several days passed since an invoice's last reminder (reminders switched on late,"
        " or a worker down) sends one, for the latest.",
        json_schema_extra={"uniqueItems": True},
    )


class RemindersOut(BaseModel):
    enabled: bool
    days: list[int] = Field(description="Days relative to each invoice's `due_on`, sorted.")

    @classmethod
    def of(cls, company: Company) -> Self:
        return cls.model_construct(
            enabled=company.reminders_enabled, days=sorted(company.reminder_days)
        )


class CompanyCreate(Input):
    legal_name: str = Field(min_length=1, max_length=120)
    nif: SpanishNif
    external_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=120,
        description="Your own name for the company, unique in your account; it names the"
        " company wherever its id does (`/v1/companies/{id}`, `Talonario-Company`).",
    )
    trade_name: str | None = Field(default=None, max_length=120)
    address: Address | None = None
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40)


class CompanyUpdate(Patch):
    legal_name: NotNull[str] = Field(default=None, min_length=1, max_length=120)
    external_id: str | None = Field(default=None, min_length=1, max_length=120)
    trade_name: str | None = Field(default=None, max_length=120)
    address: Address | None = None
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40)
    verifactu: NotNull[VerifactuUpdate] = None
    reminders: NotNull[RemindersUpdate] = None


class CertificateUpload(Input):
    # Passwords may begin or end with spaces: keep them as sent.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    pkcs12: str = Field(
        min_length=1,
        max_length=certificate.MAX_PKCS12_BYTES * 2,
        description="The PKCS#12 (.p12/.pfx) file, base64-encoded.",
        json_schema_extra={
            "pattern": r"^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
            "maxLength": certificate.MAX_PKCS12_BYTES * 4 // 3 + 4,
            "contentEncoding": "base64",
            "contentMediaType": "application/x-pkcs12",
        },
    )
    password: str = Field(max_length=1024, description="The PKCS#12's password.")
    kind: certificate.Kind | None = Field(
        default=None,
        description="'personal' (a person's or representative's certificate) or 'seal' "
        "(sello electrónico); AEAT serves them on different hosts. Detected when omitted.",
    )


class CertificateOut(BaseModel):
    """Public facts of the company's AEAT certificate; the key and password are never shown."""

    subject: str
    nif: str | None
    kind: certificate.Kind
    not_before: datetime
    not_after: datetime
    fingerprint: str = Field(description="SHA-256 of the certificate (DER), hex.")
    uploaded_at: datetime
    expires_in_days: int = Field(description="Whole days left; negative once expired.")
    warning: str | None = Field(
        description="Set when expiry is within 30 days or past, or the certificate's NIF is "
        "not the company's."
    )

    @classmethod
    def of(cls, company: Company, now: datetime | None = None) -> Self | None:
        """The company's certificate, None when it has none; never key material."""
        not_after = company.certificate_not_after
        if company.certificate_p12 is None or not_after is None:
            return None
        days, warning = certificate.standing(company, not_after, now or utcnow())
        return cls.model_construct(
            subject=company.certificate_subject,
            nif=company.certificate_nif,
            kind=company.certificate_kind,
            not_before=company.certificate_not_before,
            not_after=not_after,
            fingerprint=company.certificate_fingerprint,
            uploaded_at=company.certificate_uploaded_at,
            expires_in_days=days,
            warning=warning,
        )


# Not `VerifactuOut`, the invoice's: two schemas of one title in /openapi.json make a generated
# client (the SDK) drop both and every model that holds them.
class CompanyVerifactuOut(BaseModel):
    environment: Environment
    mode: Mode
    mode_since: datetime | None = Field(
        description="When the current mode began; null: since the company was created."
    )
    next_mode: Mode | None = Field(
        description="The mode a scheduled switch will put the company in; null: none."
    )
    next_mode_on: date | None = Field(
        description="The day the scheduled switch takes effect (in the company's time zone)."
    )
    next_mode_reported_at: datetime | None = Field(
        description="When AEAT first answered a submission announcing the scheduled renounce"
        " (FechaFinVeriFactu); null: not yet, and the next submission announces it."
    )
    certificate: CertificateOut | None


class LogoOut(BaseModel):
    """The company's logo, printed on its invoices' PDFs; GET `url` for the image itself."""

    content_type: Literal["image/png", "image/jpeg"]
    size: int = Field(description="Bytes.")
    width: int = Field(description="Pixels.")
    height: int = Field(description="Pixels.")
    updated_at: datetime
    url: str

    @classmethod
    def of(cls, company: Company) -> Self | None:
        if company.logo_content_type is None:
            return None
        return cls.model_construct(
            content_type=company.logo_content_type,
            size=company.logo_size,
            width=company.logo_width,
            height=company.logo_height,
            updated_at=company.logo_updated_at,
            url=logo.URL,
        )


class CompanyOut(BaseModel):
    id: str
    object: Literal["company"]
    account: str = Field(description="The id of the account that owns the company.")
    external_id: str | None
    legal_name: str
    trade_name: str | None
    nif: str
    address: AddressOut | None
    email: str | None
    phone: str | None
    verifactu: CompanyVerifactuOut
    logo: LogoOut | None
    reminders: RemindersOut = Field(description="Automatic payment reminders.")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, company: Company) -> Self:
        address = company.address
        return cls.model_construct(
            id=company.id,
            object="company",
            account=company.account_id,
            external_id=company.external_id,
            legal_name=company.legal_name,
            trade_name=company.trade_name,
            nif=company.nif,
            address=None if address is None else AddressOut.model_construct(**address),
            email=company.email,
            phone=company.phone,
            verifactu=CompanyVerifactuOut.model_construct(
                environment=company.verifactu_environment,
                mode=company.verifactu_mode,
                mode_since=company.verifactu_mode_since,
                next_mode=company.verifactu_next_mode,
                next_mode_on=company.verifactu_next_mode_on,
                next_mode_reported_at=company.verifactu_end_reported_at,
                certificate=CertificateOut.of(company),
            ),
            logo=LogoOut.of(company),
            reminders=RemindersOut.of(company),
            created_at=company.created_at,
            updated_at=company.updated_at,
        )
