"""Who answers for this billing system, as every record says (SistemaInformatico) and as the
producer's declaración responsable states it (Orden HAC/1177/2024 art. 15; spec §3.4, §11.8).

The producer is the person who puts the system into use for taxpayers and signs its declaration
(RD 1007/2023 art. 13). An open-source project has no legal person behind it that could sign
for every deployment, so the self-hoster who builds, configures and runs Talonario is its
producer and declares itself through settings. Until it does, records may only go to the
sandbox, under a placeholder that says no producer is declared: a record reaching AEAT with a
producer that never declared would be a false statement.
"""

from dataclasses import dataclass
from datetime import date

from talonario import __version__
from talonario.config import Settings
from talonario.errors import Conflict, InvalidRequest
from talonario.verifactu.records import Party, SoftwareSystem

# AEAT's own example NIF (its hash and QR documents use it), so nobody real is named.
PLACEHOLDER_PRODUCER = Party("PRODUCTOR NO DECLARADO - SOLO ENTORNO DE PRUEBAS", nif="89890001K")
DECLARED_ENVIRONMENTS = frozenset({"preproduction", "production"})
TITLE = "DECLARACIÓN RESPONSABLE DEL SISTEMA INFORMÁTICO DE FACTURACIÓN"
REQUIRED_SETTINGS = ("TALONARIO_SIF_PRODUCER_NAME", "TALONARIO_SIF_PRODUCER_NIF")
DECLARATION_SETTINGS = (
    *REQUIRED_SETTINGS,
    "TALONARIO_SIF_PRODUCER_ADDRESS",
    "TALONARIO_SIF_DECLARATION_PLACE",
    "TALONARIO_SIF_DECLARATION_DATE",
)
# Letter d): what the system is made of and does.
COMPONENTS = (
    "Software: Talonario, API HTTP (Python, FastAPI) con base de datos SQLite o PostgreSQL y un"
    " proceso de remisión; se ejecuta en el equipo que elija quien lo instala. Funciones:"
    " emisión de facturas completas, simplificadas, sustitutivas y rectificativas; generación"
    " simultánea del registro de facturación de alta o anulación, encadenado con huella SHA-256;"
    " código QR y leyenda VERI*FACTU; remisión inmediata y continua a la AEAT con control de"
    " flujo; consulta y subsanación de registros. Como sistema NO VERI*FACTU: firma de cada"
    " registro de facturación y de evento, registro de eventos encadenado, código QR sin"
    " leyenda VERI*FACTU, conservación, exportación y remisión a requerimiento de la AEAT."
)
# Letter e): the system can also work as NO VERI*FACTU (a company's `verifactu.mode`), so it
# is not one that can only work as VERI*FACTU (TipoUsoPosibleSoloVerifactu = N).
ONLY_VERIFACTU = False
SIGNATURES = (
    "Firma electrónica XAdES Enveloped (XAdES-EPES, política de firma de la AGE v1.9,"
    " urn:oid:2.16.724.1.3.1.1.2.1.9; RSA-SHA256, o ECDSA-SHA256 con claves de curva elíptica)"
    " de cada registro de facturación y de evento, con el certificado del obligado tributario"
    " o de su representante."
)
COMPLIANCE = (
    "El productor declara que este sistema informático de facturación, en la versión indicada,"
    " cumple lo dispuesto en el artículo 29.2.j) de la Ley 58/2003, General Tributaria, en el"
    " Reglamento aprobado por el Real Decreto 1007/2023, en la Orden HAC/1177/2024 y en las"
    " especificaciones publicadas en la sede electrónica de la AEAT."
)


class ProducerNotDeclared(Conflict):
    code = "sif_producer_not_declared"


class ProducerRequired(InvalidRequest):
    code = "sif_producer_not_declared"


def declared(settings: Settings) -> bool:
    """Whether a producer stands behind the records (what every record needs)."""
    return bool(settings.sif_producer_name and settings.sif_producer_nif)


def _why(environment: str) -> str:
    return (
        f"Records for {environment} go to AEAT and name the producer who answers for this"
        " system (Orden HAC/1177/2024 art. 15), and this installation declares none: set"
        f" {' and '.join(REQUIRED_SETTINGS)} and restart (see GET /v1/system)."
    )


def require_declared(settings: Settings, environment: str) -> None:
    """PATCH /v1/company: a company only leaves the sandbox if a producer is declared."""
    if environment in DECLARED_ENVIRONMENTS and not declared(settings):
        raise ProducerRequired(_why(environment), param="verifactu.environment")


def producer(settings: Settings, environment: str) -> Party:
    if declared(settings):
        assert settings.sif_producer_name and settings.sif_producer_nif
        return Party(settings.sif_producer_name, nif=settings.sif_producer_nif)
    if environment in DECLARED_ENVIRONMENTS:
        # The settings changed after the company left the sandbox: refuse, write nothing.
        raise ProducerNotDeclared(_why(environment))
    return PLACEHOLDER_PRODUCER


def version(settings: Settings) -> str:
    return settings.sif_version or __version__


def software_system(
    settings: Settings, installation_number: str, environment: str
) -> SoftwareSystem:
    """The SistemaInformatico block of a company's records made in the installation
    `installation_number` (its NumeroInstalacion: the company id for its default one)."""
    return SoftwareSystem(
        producer=producer(settings, environment),
        name=settings.sif_name,
        system_id=settings.sif_id,
        version=version(settings),
        # A chain per installation: a company's default one, and its shops or tills.
        installation_number=installation_number,
        only_verifactu=ONLY_VERIFACTU,
        multi_taxpayer_capable=True,
        multiple_taxpayers=True,
    )


@dataclass(frozen=True, slots=True)
class Item:
    letter: str
    label: str
    value: str | None


def declaration_items(settings: Settings) -> list[Item]:
    """Letters a) to l) of art. 15.1, in order, each with its descriptive text."""
    signed_on: date | None = settings.sif_declaration_date
    return [
        Item("a", "Nombre del sistema informático", settings.sif_name),
        Item("b", "Código identificador del sistema informático", settings.sif_id),
        Item("c", "Versión completa del sistema informático", version(settings)),
        Item("d", "Componentes hardware y software y funcionalidades principales", COMPONENTS),
        Item(
            "e",
            "Puede funcionar exclusivamente como VERI*FACTU",
            "S" if ONLY_VERIFACTU else "N",
        ),
        Item("f", "Permite llevar la facturación de varios obligados tributarios", "S"),
        Item("g", "Tipos de firma utilizados si no se usa como VERI*FACTU", SIGNATURES),
        Item("h", "Nombre o razón social del productor", settings.sif_producer_name),
        Item("i", "NIF del productor", settings.sif_producer_nif),
        Item(
            "j",
            "Dirección postal completa de contacto del productor",
            settings.sif_producer_address,
        ),
        Item("k", "Declaración de cumplimiento", COMPLIANCE),
        Item(
            "l",
            "Fecha y lugar de suscripción",
            None
            if signed_on is None or settings.sif_declaration_place is None
            else f"{settings.sif_declaration_place}, {signed_on.isoformat()}",
        ),
    ]


def missing_settings(settings: Settings) -> list[str]:
    values = {
        "TALONARIO_SIF_PRODUCER_NAME": settings.sif_producer_name,
        "TALONARIO_SIF_PRODUCER_NIF": settings.sif_producer_nif,
        "TALONARIO_SIF_PRODUCER_ADDRESS": settings.sif_producer_address,
        "TALONARIO_SIF_DECLARATION_PLACE": settings.sif_declaration_place,
        "TALONARIO_SIF_DECLARATION_DATE": settings.sif_declaration_date,
    }
    return [name for name in DECLARATION_SETTINGS if values[name] is None]


def declaration_text(items: list[Item]) -> str:
    lines = [TITLE, ""]
    lines += [f"{item.letter}) {item.label}: {item.value}" for item in items]
    return "\n".join(lines)
