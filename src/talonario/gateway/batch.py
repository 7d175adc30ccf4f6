"""A batch of gateway records: each checked on its own, the valid ones chained in chunks.

A chunk is one group-commit unit: 100 records chained under one hold of the chain's lock, so
a 1,000-record batch does not hold the API's other writes off for the whole batch. A chunk
that a constraint refuses at commit (a twin request registered one of its numbers meanwhile)
is run again one record at a time, so only the record at fault fails.
"""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from talonario.auth.context import Context
from talonario.companies import service as companies
from talonario.errors import AppError, Conflict, InvalidRequest
from talonario.gateway import service
from talonario.gateway.schemas import GatewayRecordOut, RecordIn
from talonario.invoices import issuing
from talonario.kit import external_ids
from talonario.kit.clock import today_in
from talonario.models import Company, Invoice

CHUNK = 100
_RECORD = TypeAdapter(RecordIn)


def conflict(ctx: Context, body: RecordIn, exc: IntegrityError) -> Exception:
    """What a constraint refusing a record at commit means: its external_id taken, or its
    number registered meanwhile by a twin request (then the 409 carries that record)."""
    taken = external_ids.refused(exc, "record", body.external_id)
    if taken is not None:
        return taken
    with ctx.runtime.db.read_session() as session:
        try:
            service.check_new(session, ctx.company_id, body)
        except AppError as found:
            return found
    return Conflict("The record conflicts with an existing one.")


def _failure(index: int, error: AppError) -> dict[str, Any]:
    detail = error.body("")["error"]
    del detail["request_id"]
    detail["param"] = f"records.{index}" + (f".{error.param}" if error.param else "")
    return {"index": index, "status": "failed", "error": detail}


def _invalid(index: int, exc: ValidationError) -> dict[str, Any]:
    first = exc.errors()[0]
    param = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return _failure(index, InvalidRequest(f"{param}: {message}", param=param))


def _prepared(
    ctx: Context, company: Company, items: Sequence[dict[str, Any]], today: date
) -> tuple[dict[int, dict[str, Any]], list[tuple[int, RecordIn, Invoice, str | None]]]:
    """Read phase: each item validated and checked on its own. (failures by index, prepared)."""
    failed: dict[int, dict[str, Any]] = {}
    ready: list[tuple[int, RecordIn, Invoice, str | None]] = []
    seen: dict[tuple[str, int], int] = {}
    with ctx.reading() as session:
        for index, item in enumerate(items):
            try:
                body = _RECORD.validate_python(item)
            except ValidationError as exc:
                failed[index] = _invalid(index, exc)
                continue
            try:
                key = (body.number, body.issued_on.year)
                if key in seen:
                    raise InvalidRequest(
                        f"records.{seen[key]} has the same number and year.",
                        param="number",
                        code="duplicate_record",
                    )
                service.check_new(session, company.id, body)
                invoice = service.prepare(company, body, today)
                till = issuing.installation_for(session, company.id, body.installation, issue=True)
            except AppError as error:
                failed[index] = _failure(index, error)
                continue
            seen[key] = index
            ready.append((index, body, invoice, till))
    return failed, ready


def register_all(ctx: Context, items: Sequence[dict[str, Any]]) -> Any:
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
    failed, ready = _prepared(ctx, company, items, today_in(company.timezone))
    created: dict[int, Invoice] = {}
    chunks = [ready[i : i + CHUNK] for i in range(0, len(ready), CHUNK)]
    for chunk in chunks[:-1]:
        _run_chunk(ctx, company, chunk, created, failed)

    def answer(_: Any = None) -> dict[str, Any]:
        results = [
            failed[i]
            if i in failed
            else {
                "index": i,
                "status": "created",
                "record": GatewayRecordOut.of(created[i]).model_dump(mode="json"),
            }
            for i in range(len(items))
        ]
        return {
            "object": "batch",
            "created": len(created),
            "failed": len(failed),
            "results": results,
        }

    last = chunks[-1] if chunks else []
    # The last chunk answers: under an Idempotency-Key the whole answer is kept with it.
    try:
        return ctx.write_and_respond(_unit(ctx, company, last, created), answer)
    except Conflict:
        for index, *_ in last:  # rolled back: none of them was created
            created.pop(index, None)
        _one_by_one(ctx, company, last, created, failed)
        return ctx.respond(answer())


def _unit(
    ctx: Context,
    company: Company,
    chunk: Sequence[tuple[int, RecordIn, Invoice, str | None]],
    created: dict[int, Invoice],
) -> Callable[[Session], None]:
    def unit(session: Session) -> None:
        for index, _, invoice, till in chunk:
            service.register(session, ctx.settings, company, invoice, till)
            created[index] = invoice

    return unit


def _run_chunk(
    ctx: Context,
    company: Company,
    chunk: Sequence[tuple[int, RecordIn, Invoice, str | None]],
    created: dict[int, Invoice],
    failed: dict[int, dict[str, Any]],
) -> None:
    done: dict[int, Invoice] = {}
    try:
        ctx.runtime.writes.run(_unit(ctx, company, chunk, done), ctx.company_id)
    except IntegrityError:
        _one_by_one(ctx, company, chunk, created, failed)
        return
    created.update(done)


def _one_by_one(
    ctx: Context,
    company: Company,
    chunk: Sequence[tuple[int, RecordIn, Invoice, str | None]],
    created: dict[int, Invoice],
    failed: dict[int, dict[str, Any]],
) -> None:
    for entry in chunk:
        index, body = entry[0], entry[1]
        done: dict[int, Invoice] = {}
        try:
            ctx.runtime.writes.run(_unit(ctx, company, [entry], done), ctx.company_id)
        except IntegrityError as exc:
            failed[index] = _failure(index, _as_app_error(conflict(ctx, body, exc)))
            continue
        created.update(done)


def _as_app_error(exc: Exception) -> AppError:
    return exc if isinstance(exc, AppError) else Conflict(str(exc))
