from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from talonario.auth.context import Context, reader, writer
from talonario.companies import service as companies
from talonario.errors import AppError, Conflict, ErrorOut, InvalidRequest
from talonario.invoices import service as invoices
from talonario.invoices.presenter import present_invoice
from talonario.invoices.schemas import InvoiceOut
from talonario.kit.negotiation import preferred
from talonario.kit.pagination import StartingAfter
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf
from talonario.verifactu import held as aeat_held
from talonario.verifactu import remission, repository, service
from talonario.verifactu.audit import audit
from talonario.verifactu.backoff import Reason
from talonario.verifactu.client import AeatError, PermanentError
from talonario.verifactu.qr import qr_svg
from talonario.verifactu.records import Party, SubmissionHeader
from talonario.verifactu.status import status_of
from talonario.verifactu.xml import MAX_RECORDS, stored_submission_parts

router = APIRouter(tags=["verifactu"], route_class=DecimalRoute)


class AeatOut(BaseModel):
    csv: str | None
    code: str | None
    description: str | None
    submitted_at: str | None


class RecordOut(BaseModel):
    id: str
    object: Literal["verifactu_record"]
    invoice: str
    sequence: int
    kind: Literal["alta", "anulacion"]
    invoice_number: str
    huella: str
    previous_huella: str | None
    generated_at: str
    environment: str
    status: str
    qr_url: str | None
    xml_url: str
    aeat: AeatOut


class ChainVerifyOut(BaseModel):
    valid: bool
    records: int
    first_break: dict[str, object] | None


@router.get("/invoices/{ref}/verifactu", response_model=ListOf[RecordOut])
def invoice_records(ref: str, ctx: Context = reader("invoices:read")) -> Response:
    """The invoice's VERI*FACTU records (its alta, and an anulación if voided), in chain order."""
    invoice = invoices.get(ctx.session, ctx.company_id, ref)
    rows = repository.of_invoice(ctx.session, ctx.company_id, invoice.id)
    data = [repository.present(r) for r in rows]
    return ctx.respond({"object": "list", "data": data, "has_more": False})


_QR_TYPES = ("image/png", "image/svg+xml")


@router.get(
    "/invoices/{ref}/qr-image",
    responses={200: {"content": {"image/png": {}, "image/svg+xml": {}}}},
    response_class=Response,
)
def qr_image(
    ref: str,
    format: Annotated[
        Literal["png", "svg"] | None,
        Query(description="png or svg; without it the Accept header decides (PNG by default)."),
    ] = None,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The AEAT QR of an issued invoice (level M, sized for 30–40 mm). PNG rendered once, kept.
    A voided invoice keeps the QR of its alta."""
    invoice = invoices.get(ctx.session, ctx.company_id, ref)
    if invoice.qr_url is None or invoice.verifactu_record_id is None:
        raise invoices.InvoiceNotFound("A draft has no QR: issue the invoice first.", param="id")
    url, invoice_id = invoice.qr_url, invoice.id
    ctx.close()
    vary = {"Vary": "Accept"}
    if format == "svg" or (format is None and preferred(accept, _QR_TYPES) == "image/svg+xml"):
        return Response(qr_svg(url), media_type="image/svg+xml", headers=vary)
    png = repository.qr_png(ctx.runtime.db, ctx.company_id, invoice_id)
    headers = vary | {"Cache-Control": "private, max-age=31536000, immutable"}
    return Response(png, media_type="image/png", headers=headers)


class NoRecords(repository.RecordNotFound):
    code = "no_records"


# A JSON page stays small; an XML page may be a whole AEAT document.
XML_PAGE = MAX_RECORDS


@router.get(
    "/verifactu/records",
    response_model=ListOf[RecordOut],
    responses={200: {"content": {"application/xml": {}}}},
)
def list_records(
    limit: Annotated[
        int | None,
        Query(
            ge=1,
            le=XML_PAGE,
            description="Page size: 1 to 100 (default 20); 1 to 1000 "
            "with format=xml (default 1000).",
        ),
    ] = None,
    starting_after: StartingAfter = None,
    format: Annotated[
        Literal["json", "xml"],
        Query(description="xml: the page as one AEAT RegFactuSistemaFacturacion document."),
    ] = "json",
    ctx: Context = reader("invoices:read"),
) -> Response:
    """The company's record chain in order, first record first. With `format=xml`, the same
    page as one AEAT XML document (valid against SuministroLR.xsd), streamed: the Cabecera
    names the company as ObligadoEmision, and Talonario-Has-More /
    Talonario-Next-Starting-After say how to ask for the next document."""
    if format == "xml":
        return _records_xml(ctx, limit or XML_PAGE, starting_after)
    if limit is not None and limit > 100:
        raise InvalidRequest("limit: at most 100 records per JSON page.", param="limit")
    rows, more = repository.list_chain(ctx.session, ctx.company_id, limit or 20, starting_after)
    data = [repository.present(r) for r in rows]
    return ctx.respond({"object": "list", "data": data, "has_more": more})


def _records_xml(ctx: Context, limit: int, starting_after: str | None) -> Response:
    company = companies.load(ctx.session, ctx.company_id)
    found = repository.chain_page(ctx.session, ctx.company_id, limit, starting_after)
    ctx.close()
    if found is None:
        raise NoRecords("No records to put in a document here.", param="starting_after")
    # An export, not a remission: no RemisionVoluntaria (Incidencia belongs to a sending).
    header = SubmissionHeader(taxpayer=Party(company.legal_name, nif=company.nif))
    pages = repository.stored_xml(ctx.runtime.db, ctx.company_id, found.first, found.last)
    headers = {"Talonario-Has-More": "true" if found.has_more else "false"}
    if found.has_more:
        headers["Talonario-Next-Starting-After"] = found.last_id
    return StreamingResponse(
        stored_submission_parts(header, pages), media_type="application/xml", headers=headers
    )


@router.get(
    "/verifactu/records/{record_id}.xml",
    responses={200: {"content": {"application/xml": {}}}},
    response_class=Response,
)
def record_xml(record_id: str, ctx: Context = reader("invoices:read")) -> Response:
    """The record exactly as remitted: a standalone sf:RegistroAlta or sf:RegistroAnulacion."""
    xml = repository.get(ctx.session, ctx.company_id, record_id).xml
    ctx.close()
    return Response(xml, media_type="application/xml")


@router.get("/verifactu/chain/verify", response_model=ChainVerifyOut)
def verify_chain(ctx: Context = reader("invoices:read")) -> Response:
    """Recompute every huella from each record's XML and check every link."""
    report = audit(repository.stream_chain(ctx.session, ctx.company_id))
    body = {"valid": report.valid, "records": report.records, "first_break": report.first_break}
    return ctx.respond(body)


class SubmissionOut(BaseModel):
    id: str
    at: datetime
    status: Literal["sending", "answered", "transient_error", "permanent_error", "abandoned"] = (
        Field(description="`abandoned`: its worker died before AEAT's answer was recorded.")
    )
    records: int
    csv: str | None
    aeat_status: str | None = Field(description="EstadoEnvio as AEAT answered it.")
    incident: bool = Field(description="Sent with Incidencia=S (records delayed by an outage).")
    error: str | None


class IncidentOut(BaseModel):
    open: bool
    since: datetime | None
    failures: int
    last_error: str | None


class RemissionStatusOut(BaseModel):
    object: Literal["verifactu_status"]
    pending: int = Field(description="Records not yet answered by AEAT.")
    last_submission: SubmissionOut | None
    next_submission_at: datetime | None = Field(
        description="Not before (AEAT's TiempoEsperaEnvio, or the retry backoff)."
    )
    reason: Reason = Field(
        description="Why the next attempt is when it is: nothing_pending, due, sending,"
        " aeat_wait (TiempoEsperaEnvio), transport_backoff, permanent_error,"
        " certificate_missing, certificate_unusable, retry_requested."
    )
    incident: IncidentOut


@router.get("/verifactu/status", response_model=RemissionStatusOut)
def remission_status(ctx: Context = reader("invoices:read")) -> Response:
    """Remission to AEAT: records pending, the last submission, when the next may go and why,
    and whether an incident (AEAT unreachable) is open."""
    return ctx.respond(status_of(ctx.session, ctx.company_id))


@router.post("/verifactu/retry", response_model=RemissionStatusOut)
def retry_remission(ctx: Context = writer("invoices:write")) -> Response:
    """Lift the backoff of a failed submission: the next attempt is now (reason
    `retry_requested`). AEAT's TiempoEsperaEnvio is never cut short: while it runs the reason
    stays `aeat_wait`. Without a failure to lift nothing changes. Answers the status."""
    remission.retry_now(ctx.session, ctx.company_id)
    ctx.session.flush()
    return ctx.respond(status_of(ctx.session, ctx.company_id))


@router.post("/invoices/{ref}/verifactu/correct", response_model=InvoiceOut)
def correct_record(ref: str, ctx: Context = writer("invoices:write")) -> Response:
    """Subsanación: a new alta for an invoice whose record AEAT rejected or accepted with
    errors, with the invoice's current data, chained and remitted like any record."""
    company = companies.get(ctx.session, ctx.company_id)
    invoice = invoices.get(ctx.session, ctx.company_id, ref, for_update=True)
    service.record_correction(ctx.session, ctx.settings, company, invoice)
    invoices.flush(ctx.session)
    return ctx.respond(present_invoice(invoice))


class HeldOut(BaseModel):
    found: bool
    status: str | None = Field(
        description="EstadoRegistro at AEAT: Correcto, AceptadoConErrores or Anulado."
    )
    huella: str | None
    code: int | None
    description: str | None
    in_agreement: bool = Field(description="AEAT holds what this invoice's latest record says.")


class QueryOut(BaseModel):
    invoice: InvoiceOut
    aeat: HeldOut


@router.post(
    "/invoices/{ref}/verifactu/query",
    response_model=QueryOut,
    responses={503: {"model": ErrorOut, "description": "AEAT did not answer; try again later"}},
)
def query_record(ref: str, ctx: Context = writer("invoices:write")) -> Response:
    """Ask AEAT (or the sandbox) what it holds for this invoice, and adopt its state for a
    record whose answer was never heard (pending or submitted)."""
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
        invoice = invoices.issued(invoices.get(session, ctx.company_id, ref), "id")
    try:
        held = aeat_held.ask(ctx.runtime.db, ctx.settings, company, invoice)
    except PermanentError as exc:
        # The company's set-up (no usable certificate) or the request must change: retrying
        # cannot help, and the server is not at fault (this was a 503).
        raise AeatQueryRefused(f"The query cannot go to AEAT: {exc.message}") from exc
    except AeatError as exc:
        raise AeatUnavailable(f"AEAT did not answer the query: {exc.message}") from exc
    invoice = invoices.get(ctx.session, ctx.company_id, invoice.id, for_update=True)
    agree = aeat_held.reconcile(ctx.session, invoice, held)
    invoices.flush(ctx.session)
    aeat = {
        "found": held is not None,
        "status": held.status.value if held else None,
        "huella": held.huella if held else None,
        "code": held.code if held else None,
        "description": held.description if held else None,
        "in_agreement": agree,
    }
    return ctx.respond({"invoice": present_invoice(invoice), "aeat": aeat})


class AeatQueryRefused(Conflict):
    code = "aeat_query_refused"


class AeatUnavailable(AppError):
    """AEAT (or the sandbox) did not answer: try again later; nothing changed here."""

    status = 503
    type = "api_error"
    code = "aeat_unavailable"
