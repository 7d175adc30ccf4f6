"""Checking a tax id against its register, with the answer kept for a day.

The same question (the tax id and the name, in any case and spacing) within 24 hours is
answered from what the register said then, without asking again: the census and VIES are
slow, rate-limited services, and an invoice run checks the same few recipients over and over.
A failure is never kept: the next question asks again.

Nothing here runs inside a request's transaction: the cache is read in a read session, the
register asked with no session open, and its answer written in a short write transaction of
its own, so no lock is held while a register takes its time.
"""

from datetime import timedelta
from typing import Any, cast

from sqlalchemy.exc import IntegrityError

from talonario.config import Settings
from talonario.db import Database
from talonario.errors import ErrorOut, InvalidRequest
from talonario.kit.clock import utcnow
from talonario.models import Company, TaxIdCheck
from talonario.taxids import asking
from talonario.taxids.questions import REFUSED, Check, Question, Result, Source, of_recipient
from talonario.taxids.repository import TaxIdCheckRepository

KEPT_FOR = timedelta(hours=24)
# The answer an operation that asks a register publishes for its silence.
UNANSWERED: dict[int | str, dict[str, Any]] = {
    503: {"model": ErrorOut, "description": "AEAT's census or VIES did not answer; try again"}
}


class RecipientNotIdentified(InvalidRequest):
    code = "recipient_not_identified"


def check(db: Database, settings: Settings, company: Company, question: Question) -> Check:
    """The register's answer to `question`: kept from the last day, or asked now and kept."""
    now = utcnow()
    with db.read_session() as session:
        kept = TaxIdCheckRepository(session, company.id).fresh(
            question.source.value, question.tax_id, question.name_key, now - KEPT_FOR
        )
        if kept is not None:
            result = cast(Result, kept.result)
            return Check(question, result, kept.registered_name, kept.checked_at, cached=True)
    found = asking.ask(db, settings, company, question)
    checked_at = utcnow()
    answer = TaxIdCheck(
        company_id=company.id,
        source=question.source.value,
        tax_id=question.tax_id,
        name_key=question.name_key,
        result=found.result,
        registered_name=found.registered_name,
        checked_at=checked_at,
    )
    try:
        with db.write_session() as session:
            TaxIdCheckRepository(session, company.id).keep(answer, checked_at - KEPT_FOR)
            session.commit()
    except IntegrityError:
        pass  # the same question's answer, kept a moment ago by a request beside this one
    return Check(question, found.result, found.registered_name, checked_at, cached=False)


def verify_recipient(
    db: Database, settings: Settings, company: Company, client: dict[str, Any] | None
) -> None:
    """Before issuing with `verify_recipient`: a 422 naming the recipient's id when its
    register does not know it (questions.REFUSED). A recipient without a NIF or an EU VAT
    number (a passport, a foreign id, none at all) is no register's to check."""
    question = of_recipient(client)
    if question is None:
        return
    found = check(db, settings, company, question)
    if found.result in REFUSED:
        raise RecipientNotIdentified(_refusal(found), param=question.param)


def _refusal(found: Check) -> str:
    question = found.question
    asked = f" under the name '{question.name}'" if question.name else ""
    if question.source is Source.VIES:
        return (
            f"VIES does not know {question.tax_id} as a valid EU VAT number now: check it with"
            " the recipient before issuing."
        )
    if found.result == "identified_revoked":
        return (
            f"AEAT has revoked NIF {question.tax_id} (IDENTIFICADO-REVOCADO): it no longer"
            " identifies anyone for tax purposes."
        )
    if found.result == "not_identified_similar":
        return (
            f"AEAT's census holds NIF {question.tax_id} under another name,"
            f" '{found.registered_name}' (NO IDENTIFICADO-SIMILAR): correct the recipient's"
            " name before issuing."
        )
    return (
        f"AEAT's census does not know NIF {question.tax_id}{asked} (NO IDENTIFICADO): check"
        " both with the recipient before issuing."
    )
