from typing import Annotated

from fastapi import APIRouter, Query, Response

from talonario.auth.context import Context, reader
from talonario.companies import service as companies
from talonario.kit.routing import DecimalRoute
from talonario.kit.schema import NIF_PATTERN
from talonario.taxids import questions, service
from talonario.taxids.schemas import TaxIdCheckOut

router = APIRouter(prefix="/tax-ids", tags=["tax-ids"], route_class=DecimalRoute)


@router.get(
    "/check",
    response_model=TaxIdCheckOut,
    responses=service.UNANSWERED,
)
def check_tax_id(
    nif: Annotated[
        str | None,
        Query(
            min_length=8,
            max_length=12,
            description="A Spanish NIF, asked of AEAT's identification census.",
            json_schema_extra={"pattern": NIF_PATTERN},
        ),
    ] = None,
    name: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=questions.NAME_LENGTH,
            description="The holder's name (a person's: surnames and name).",
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=2,
            description="An EU VAT number's country (Greece EL, Northern Ireland XI).",
        ),
    ] = None,
    id: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=20,
            description="An EU VAT number, asked of VIES: with its prefix, or with `country`.",
        ),
    ] = None,
    ctx: Context = reader("clients:read"),
) -> Response:
    """Does the register know this tax id (and name)? A `nif` is asked of AEAT's
    identification census, an EU VAT number (`country` and `id`, as a client's `foreign_id`
    with id_type 02) of VIES; `sandbox` companies ask the AEAT sandbox. The answer is kept a
    day: the same question within 24 hours is answered with `cached: true`. A register that
    does not answer is a 503 (`census_unavailable`, `vies_unavailable`)."""
    question = questions.from_query(nif, name, country, id)
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
    found = service.check(ctx.runtime.db, ctx.settings, company, question)
    return ctx.respond(TaxIdCheckOut.of(found))
