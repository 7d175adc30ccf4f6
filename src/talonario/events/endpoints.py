"""/v1/verifactu/events and /v1/verifactu/audit: the NO VERI*FACTU event log and anomaly
detection."""

from fastapi import APIRouter, Response

from talonario.auth.context import Context, reader, writer
from talonario.db.repository import CompanyRepository
from talonario.errors import NotFound
from talonario.events.audit import check_chains, log_audit
from talonario.events.repository import EventRepository
from talonario.events.schemas import AuditOut, EventOut
from talonario.kit.pagination import Limit, StartingAfter, page
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import ListOf

router = APIRouter(tags=["verifactu"], route_class=DecimalRoute)


class EventNotFound(NotFound):
    code = "event_not_found"


@router.get("/verifactu/events", response_model=ListOf[EventOut])
def list_events(
    limit: Limit = 20, starting_after: StartingAfter = None, ctx: Context = reader("invoices:read")
) -> Response:
    """The company's event log (NO VERI*FACTU, Orden HAC/1177/2024 art. 9) in chain order,
    first event first: each a signed RegistroEvento (`GET /v1/verifactu/events/{id}.xml`)."""
    rows, more = EventRepository(ctx.session, ctx.company_id).chain(limit, starting_after)
    return ctx.respond(page(rows, more, EventOut.of))


@router.get(
    "/verifactu/events/{event_id}.xml",
    responses={200: {"content": {"application/xml": {}}}},
    response_class=Response,
)
def event_xml(event_id: str, ctx: Context = reader("invoices:read")) -> Response:
    """The event exactly as signed and kept: a RegistroEvento valid against EventosSIF.xsd."""
    xml = EventRepository(ctx.session, ctx.company_id).xml_of(event_id)
    if xml is None:
        raise EventNotFound(f"No event '{event_id}'.", param="event_id")
    ctx.close()
    return Response(xml, media_type="application/xml")


@router.post("/verifactu/audit", response_model=AuditOut)
def run_audit(ctx: Context = writer("invoices:write")) -> Response:
    """Anomaly detection now: every billing record's huella, link and signature, and every
    event's, recomputed; in NO VERI*FACTU the launches (events 03, 05) and the first record or
    event that breaks (04, 06) are logged as events. `valid` is false when either chain
    breaks; `first_break` names the record or event. The chains are read and checked in
    short read sessions: issuing goes on meanwhile; the events are logged at the end."""
    checked = check_chains(ctx.runtime.db, ctx.company_id)
    # Only now does the request's write transaction open (ctx.session).
    company = CompanyRepository(ctx.session, ctx.company_id).existing()
    result = log_audit(ctx.session, ctx.settings, company, checked)
    return ctx.respond(AuditOut.of(result))
