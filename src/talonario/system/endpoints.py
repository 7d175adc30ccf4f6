"""GET /v1/system: the identity every record carries and the producer's declaración
responsable, readable inside the system as Orden HAC/1177/2024 art. 15.4 asks."""

from typing import Literal, Self

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from talonario.auth.context import authenticate, runtime_of
from talonario.auth.keys import Principal
from talonario.config import Settings
from talonario.kit.routing import DecimalRoute
from talonario.system import identity

router = APIRouter(prefix="/system", tags=["system"], route_class=DecimalRoute)


class ProducerOut(BaseModel):
    name: str = Field(description="SistemaInformatico/NombreRazon (declaration letter h).")
    nif: str = Field(description="SistemaInformatico/NIF (letter i).")
    address: str | None = Field(description="Full postal address (letter j).")
    declared: bool = Field(
        description="False: no producer is configured; records carry a placeholder and may"
        " only go to the sandbox."
    )


class DeclarationItemOut(BaseModel):
    letter: str
    label: str
    value: str | None


class DeclarationOut(BaseModel):
    title: str
    complete: bool = Field(description="Every letter a) to l) has its value.")
    items: list[DeclarationItemOut] = Field(description="Letters a) to l), in order.")
    text: str | None = Field(description="The whole declaration, once complete.")
    missing_settings: list[str]


class SystemOut(BaseModel):
    object: Literal["system"]
    name: str = Field(description="NombreSistemaInformatico.")
    id: str = Field(description="IdSistemaInformatico.")
    version: str = Field(description="Version.")
    installation_number: str | None = Field(
        description="NumeroInstalacion of the caller's company (of its default installation);"
        " null for an account key acting for no company."
    )
    only_verifactu: bool = Field(description="TipoUsoPosibleSoloVerifactu.")
    multi_taxpayer_capable: bool = Field(description="TipoUsoPosibleMultiOT.")
    multiple_taxpayers: bool = Field(description="IndicadorMultiplesOT.")
    producer: ProducerOut
    environments: list[str] = Field(description="Where this installation's records may go.")
    declaration: DeclarationOut

    @classmethod
    def of(cls, settings: Settings, company_id: str | None) -> Self:
        """The system as `company_id`'s records name it (its installation number is the id)."""
        system = identity.software_system(settings, company_id or "", "sandbox")
        items = identity.declaration_items(settings)
        missing = identity.missing_settings(settings)
        declared = identity.declared(settings)
        return cls(
            object="system",
            name=system.name,
            id=system.system_id,
            version=system.version,
            installation_number=company_id and system.installation_number,
            only_verifactu=system.only_verifactu,
            multi_taxpayer_capable=system.multi_taxpayer_capable,
            multiple_taxpayers=system.multiple_taxpayers,
            producer=ProducerOut(
                name=system.producer.name,
                nif=system.producer.nif or "",
                address=settings.sif_producer_address,
                declared=declared,
            ),
            environments=(
                ["sandbox", *sorted(identity.DECLARED_ENVIRONMENTS)] if declared else ["sandbox"]
            ),
            declaration=DeclarationOut(
                title=identity.TITLE,
                complete=not missing,
                items=[
                    DeclarationItemOut(letter=i.letter, label=i.label, value=i.value) for i in items
                ],
                text=None if missing else identity.declaration_text(items),
                missing_settings=missing,
            ),
        )


@router.get("", response_model=SystemOut)
def get_system(request: Request, principal: Principal = Depends(authenticate)) -> SystemOut:
    """The billing system's identity (SistemaInformatico) and its declaración responsable.
    Any API key may read it."""
    return SystemOut.of(runtime_of(request).settings, principal.company_id)
