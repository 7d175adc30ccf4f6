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
from talonario.gateway import repository, service
from talonario.gateway.schemas import GatewayRecordOut, RecordIn
from talonario.invoices import issuing
from talonario.kit import external_ids
from talonario.kit.clock import today_in
from talonario.models import Company, Invoice

CHUNK = 100
_RECORD = TypeAdapter(RecordIn)
# A record ready to chain: its index in the batch, its body, its row and its installation.
Prepared = tuple[int, RecordIn, Invoice, str | None]


def conflict(ctx: Context, body: RecordIn, exc: IntegrityError) -> AppError:
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
) -> tuple[dict[int, dict[str, Any]], list[Prepared]]:
    """Read phase: each item validated and checked on its own. (failures by index, prepared)."""
    failed: dict[int, dict[str, Any]] = {}
    ready: list[Prepared] = []
    bodies: dict[int, RecordIn] = {}
    for index, item in enumerate(items):
        try:
            bodies[index] = _RECORD.validate_python(item)
        except ValidationError as exc:
            failed[index] = _invalid(index, exc)
    seen: dict[tuple[str, int], int] = {}
    with ctx.reading() as session:
        keys = {(b.number, b.issued_on.year) for b in bodies.values()}
        taken = repository.same_numbers(session, company.id, keys)
        for index, body in bodies.items():
            key = (body.number, body.issued_on.year)
            try:
                if key in seen:
                    raise InvalidRequest(
                        f"records.{seen[key]} has the same number and year.",
                        param="number",
                        code="duplicate_record",
                    )
                service.check_new(session, company.id, body, taken)
                invoice = service.prepare(company, body, today)
                till = issuing.installation_for(session, company.id, body.installation, issue=True)
            except AppError as error:
                failed[index] = _failure(index, error)
                continue
            seen[key] = index
            ready.append((index, body, invoice, till))
    return failed, ready


class _Batch:
    """The write phase: chunks chained in turn, what each created and what failed, by index."""

    def __init__(self, ctx: Context, company: Company, failed: dict[int, dict[str, Any]]):
        self.ctx, self.company, self.failed = ctx, company, failed
        self.created: dict[int, Invoice] = {}

    def unit(
        self, chunk: Sequence[Prepared], into: dict[int, Invoice]
    ) -> Callable[[Session], None]:
        def unit(session: Session) -> None:
            for index, _, invoice, till in chunk:
                service.register(session, self.ctx.settings, self.company, invoice, till)
                into[index] = invoice

        return unit

    def run(self, chunk: Sequence[Prepared]) -> IntegrityError | None:
        """Chain `chunk` in one unit; the constraint's refusal, when one refused it (then
        nothing of it is kept)."""
        done: dict[int, Invoice] = {}
        try:
            self.ctx.runtime.writes.run(self.unit(chunk, done), self.ctx.company_id)
        except IntegrityError as exc:
            return exc
        self.created.update(done)
        return None

    def run_chunk(self, chunk: Sequence[Prepared]) -> None:
        if self.run(chunk) is not None:
            self.one_by_one(chunk)

    def one_by_one(self, chunk: Sequence[Prepared]) -> None:
        """Each record of a refused chunk on its own: only the one at fault fails."""
        for entry in chunk:
            refused = self.run([entry])
            if refused is not None:
                index, body = entry[0], entry[1]
                self.failed[index] = _failure(index, conflict(self.ctx, body, refused))

    def answer(self, total: int) -> dict[str, Any]:
        results = [
            self.failed[i]
            if i in self.failed
            else {
                "index": i,
                "status": "created",
                "record": GatewayRecordOut.of(self.created[i]).model_dump(mode="json"),
            }
            for i in range(total)
        ]
        return {
            "object": "batch",
            "created": len(self.created),
            "failed": len(self.failed),
            "results": results,
        }


def register_all(ctx: Context, items: Sequence[dict[str, Any]]) -> Any:
    with ctx.reading() as session:
        company = companies.load(session, ctx.company_id)
    failed, ready = _prepared(ctx, company, items, today_in(company.timezone))
    batch = _Batch(ctx, company, failed)
    chunks = [ready[i : i + CHUNK] for i in range(0, len(ready), CHUNK)] or [[]]
    for chunk in chunks[:-1]:
        batch.run_chunk(chunk)
    last = chunks[-1]
    # The last chunk answers: under an Idempotency-Key the whole answer is kept with it.
    try:
        return ctx.write_and_respond(
            batch.unit(last, batch.created), lambda _: batch.answer(len(items))
        )
    except Conflict:
        for index, *_ in last:  # rolled back: none of them was created
            batch.created.pop(index, None)
        batch.one_by_one(last)
        return ctx.respond(batch.answer(len(items)))
