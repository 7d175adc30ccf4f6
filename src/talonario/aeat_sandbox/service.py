"""What the sandbox does with a valid request: judge each record against what it holds, store
what AEAT would store, answer; answer a Consulta from what it holds. Never commits: the caller
(app.py) owns the transactions.

A submission is judged first against what is held, reading only, and stored afterwards in a
short write: when mounted in a Talonario server on SQLite the sandbox shares its database, and
judging 1,000 records inside the one write lock held every invoice of the API back for a second.
If another submission of the same taxpayer was stored in between, it is judged again under the
lock (`is_current`); so are requests that meet record_error switches, which are used up as they
hit.
"""

import secrets
import string
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lxml import etree
from sqlalchemy import Select, func, insert, inspect, select
from sqlalchemy.orm import Session

from talonario.aeat_sandbox import answers, checks, faults
from talonario.aeat_sandbox.answers import Verdict
from talonario.aeat_sandbox.checks import Incoming, Link
from talonario.aeat_sandbox.codes import Code, description, is_admissible
from talonario.aeat_sandbox.models import (
    SandboxChainHead,
    SandboxInvoice,
    SandboxRecord,
    SandboxSubmission,
)
from talonario.aeat_sandbox.protocol import RequestFault, envelope
from talonario.kit.clock import today_in, utcnow
from talonario.kit.ids import new_id
from talonario.verifactu import formats
from talonario.verifactu.responses import NS_QUERY
from talonario.verifactu.xml import NS_SF, NS_SUM

MAX_WAIT_SECONDS = 9999  # TiempoEsperaEnvio is \d{0,4}
AEAT_TIMEZONE = "Europe/Madrid"  # "today" is AEAT's date (1112)
_NS = {"sf": NS_SF, "sum": NS_SUM, "con": NS_QUERY}
_CSV_ALPHABET = string.ascii_uppercase + string.digits


@dataclass
class Judged:
    """A submission judged: its answer, and the rows that storing it writes."""

    nif: str
    seen_submissions: tuple[int, str | None]  # the taxpayer's submissions when judging began
    submission: SandboxSubmission
    body: bytes
    rows: list[Any] = field(default_factory=list)  # new rows, and held rows it changed
    heads: list[SandboxChainHead] = field(default_factory=list)  # existing heads it advanced


def judge(
    session: Session,
    document: etree._Element,
    raw: bytes,
    *,
    wait_seconds: int,
    locked: bool,
) -> Judged | None:
    """Judge the records of a schema-valid RegFactuSistemaFacturacion against what is held,
    writing nothing. `locked`: the session holds the write lock (heads are read FOR UPDATE,
    record_error switches are taken); unlocked, None when such a switch may hit the request."""
    header_nif = _header_nif(document, "sum:Cabecera/sf:ObligadoEmision/sf:NIF")
    seen = _submissions_of(session, header_nif)
    representative = document.findtext("sum:Cabecera/sf:Representante/sf:NIF", None, _NS)
    if representative is not None and not checks.valid_nif(representative.strip()):
        raise RequestFault(Code.REPRESENTATIVE_NIF, representative)
    try:
        records = checks.read_records(document)
    except ValueError as exc:
        raise RequestFault(Code.DATE_FORMAT, str(exc)) from None
    end = document.findtext("sum:Cabecera/sf:RemisionVoluntaria/sf:FechaFinVeriFactu", None, _NS)
    if end is not None and (code := checks.end_date(end, today_in(AEAT_TIMEZONE))) is not None:
        raise RequestFault(code, end)
    forcing = faults.any_record_errors(session, header_nif)
    if forcing and not locked:
        return None
    now = utcnow()
    submission = SandboxSubmission(
        id=new_id(),
        request_id=_request_id(now),
        nif=header_nif,
        presenter_nif=header_nif,  # no certificate to read the holder from: the taxpayer
        status="",
        received_at=now,
        request_xml=raw.decode("utf-8", errors="replace"),
        response_xml="",
    )
    judge = _Judge(session, submission, header_nif, _csv(), now, forcing=forcing, locked=locked)
    judge.look_up(records)
    verdicts = [judge(record) for record in records]
    csv = judge.csv if any(v.status != "Incorrecto" for v in verdicts) else None
    answer = answers.submission(
        document,
        verdicts,
        wait_seconds=min(max(wait_seconds, 0), MAX_WAIT_SECONDS),
        csv=csv,
        presenter_nif=header_nif,
        presented_at=now,
    )
    body = envelope(answer)
    submission.csv = csv
    submission.status = answers.overall_status(verdicts)
    submission.response_xml = body.decode("utf-8")
    heads = [h for h in judge.heads.values() if h is not None and h not in judge.new_heads]
    return Judged(header_nif, seen, submission, body, judge.rows, heads)


def is_current(session: Session, judged: Judged) -> bool:
    """Under the write lock: whether what `judged` was judged against still holds, i.e. no
    submission of the taxpayer was stored since. The heads it read are locked first
    (PostgreSQL), so two submissions of one chain are stored in turn."""
    for head in judged.heads:
        session.scalars(
            select(SandboxChainHead.issuer_nif)
            .where(
                SandboxChainHead.issuer_nif == head.issuer_nif,
                SandboxChainHead.installation == head.installation,
            )
            .with_for_update()
        ).first()
    return _submissions_of(session, judged.nif) == judged.seen_submissions


def store(session: Session, judged: Judged) -> bytes:
    """Write what `judged` stores (in the caller's write transaction); its answer."""
    session.add(judged.submission)
    session.flush()  # first: its records refer to it, and no relationship orders the inserts
    new: dict[type, list[dict[str, Any]]] = {}
    for row in judged.rows:
        state = inspect(row)
        if state.transient:
            columns = state.mapper.column_attrs.keys()
            new.setdefault(type(row), []).append(
                {k: v for k, v in state.dict.items() if k in columns}
            )
        else:
            session.add(row)  # held before, changed now: an UPDATE
    # One multi-row INSERT per table instead of the unit of work's per-object flush: this runs
    # under the write lock, and 2,000 objects took it for a third of a second.
    for model, rows in new.items():
        session.execute(insert(model), rows)
    session.add_all(judged.heads)
    session.flush()
    return judged.body


def _submissions_of(session: Session, nif: str) -> tuple[int, str | None]:
    """How many submissions of `nif` are held, and the latest one's id."""
    count, latest = session.execute(
        select(func.count(), func.max(SandboxSubmission.id)).where(SandboxSubmission.nif == nif)
    ).one()
    return int(count), latest


def query(session: Session, document: etree._Element, *, page_size: int) -> bytes:
    """Answer a schema-valid ConsultaFactuSistemaFacturacion from the invoices held."""
    head, where = "con:Cabecera/sf:", "con:FiltroConsulta/con:"
    recipient = None
    if document.find(head + "ObligadoEmision", _NS) is not None:
        issuer = _header_nif(document, head + "ObligadoEmision/sf:NIF")
    else:
        # A customer asks about its supplier's records: Contraparte names the supplier.
        recipient = _header_nif(document, head + "Destinatario/sf:NIF")
        issuer = (document.findtext(where + "Contraparte/sf:NIF", None, _NS) or "").strip()
        if not issuer:
            raise RequestFault(
                Code.SCHEMA, "Contraparte es obligatoria en la consulta del destinatario"
            )
    period = where + "PeriodoImputacion/sf:"
    statement = select(SandboxInvoice).where(
        SandboxInvoice.issuer_nif == issuer,
        SandboxInvoice.period_year == int(document.findtext(period + "Ejercicio", "0", _NS)),
        SandboxInvoice.period_month == int(document.findtext(period + "Periodo", "0", _NS)),
    )
    if recipient is not None:
        statement = statement.where(SandboxInvoice.recipient_nifs.contains(recipient))
    number = document.findtext(where + "NumSerieFactura", None, _NS)
    if number is not None:
        statement = statement.where(SandboxInvoice.number == number.strip())
    ref = document.findtext(where + "RefExterna", None, _NS)
    if ref is not None:
        statement = statement.where(SandboxInvoice.external_ref == ref.strip())
    statement = _date_filter(statement, document)
    key = document.find(where + "ClavePaginacion", _NS)
    if key is not None:
        after = _held_at_key(session, key)
        if after is not None:
            statement = statement.where(SandboxInvoice.id > after.id)
    # Ids are UUIDv7: their order is the order of first presentation, as AEAT sorts.
    found = list(session.scalars(statement.order_by(SandboxInvoice.id).limit(page_size + 1)))
    more = len(found) > page_size
    return envelope(answers.query(document, found[:page_size], more=more))


class _Judge:
    """Decides one record after another, in the submission's order, so a later record sees
    what an earlier one stored or chained."""

    def __init__(
        self,
        session: Session,
        submission: SandboxSubmission,
        header_nif: str,
        csv: str,
        now: datetime,
        *,
        forcing: bool,
        locked: bool,
    ) -> None:
        self.session = session
        self.submission = submission
        self.header_nif = header_nif
        self.csv = csv
        self.now = now
        self.today = today_in(AEAT_TIMEZONE)
        # One look for switches up front spares a query per record in the usual case.
        self.forcing = forcing
        self.locked = locked
        self.heads: dict[tuple[str, str], SandboxChainHead | None] = {}
        self.new_heads: list[SandboxChainHead] = []
        # What this submission stores, kept here (nothing is flushed while judging): a later
        # record of it sees what an earlier one stored.
        self.rows: list[Any] = []
        self.held: dict[tuple[str, str, date], SandboxInvoice] = {}
        self.logged: set[tuple[str, str, date, str]] = set()
        self.stored: set[tuple[str, str, date]] = set()

    def look_up(self, records: list[Incoming]) -> None:
        """What is held, and what was received, for the taxpayer's own records: two queries,
        not two per record. A record of another issuer is looked up on its own."""
        numbers = sorted({r.number for r in records if r.issuer_nif == self.header_nif})
        if numbers:
            for held in _held_of(self.session, self.header_nif, numbers):
                self.held[(held.issuer_nif, held.number, held.issue_date)] = held
            self.logged |= _seen_of(self.session, self.header_nif, numbers)

    def __call__(self, record: Incoming) -> Verdict:
        # One state per taxpayer: a record of another issuer than the header's is refused
        # (1108) and must not touch that issuer's chain, nor count as received from it.
        own = record.issuer_nif == self.header_nif
        chain_key = (record.issuer_nif, record.installation)
        if own and chain_key not in self.heads:
            self.heads[chain_key] = _head(self.session, record, for_update=self.locked)
        head = self.heads.get(chain_key)
        # A record received before (a resend after a lost answer) is not a new link.
        seen_key = (record.issuer_nif, record.number, record.issue_date, record.huella)
        resend = own and seen_key in self.logged
        link_error = None if resend or not own else checks.chain(record, _link(head))
        held_key = _held_key(record)
        held = None
        if held_key is not None:
            held = self.held.get(held_key) if own else _held(self.session, *held_key)
        forced = None
        if self.forcing:
            forced = faults.take_record_error(self.session, record.number, self.header_nif)
        verdict = self._decide(record, held, forced, link_error)
        if own and not resend:
            if head is None:
                head = SandboxChainHead(
                    issuer_nif=record.issuer_nif, installation=record.installation
                )
                self.new_heads.append(head)
                self.rows.append(head)
            self.heads[chain_key] = _advance(head, record)
        self.rows.append(_log(self.submission, verdict, self.now))
        if own:
            self.logged.add(seen_key)
        return verdict

    def _decide(
        self,
        record: Incoming,
        held: SandboxInvoice | None,
        forced: tuple[int, str] | None,
        link_error: int | None,
    ) -> Verdict:
        text = None
        code = None
        if forced is not None and not is_admissible(forced[0]):
            code, text = forced
        if code is None:
            code = checks.rejection(record, self.header_nif, self.today)
        duplicate = None
        if code is None:
            code, duplicate = _state_conflict(record, held)
        if code is not None:
            return Verdict(record, "Incorrecto", code, text or description(code), duplicate)
        if forced is not None:
            code, text = forced
        else:
            code = checks.admissible(record) or link_error
            text = None if code is None else description(code)
        status = "Correcto" if code is None else "AceptadoConErrores"
        self._store(record, held, status, code, text)
        return Verdict(record, status, code, text)

    def _store(
        self,
        record: Incoming,
        held: SandboxInvoice | None,
        status: str,
        code: int | None,
        text: str | None,
    ) -> None:
        key = (record.issuer_nif, record.number, record.issue_date)
        if held is None:
            held = SandboxInvoice(
                id=new_id(),
                issuer_nif=record.issuer_nif,
                number=record.number,
                issue_date=record.issue_date,
                recipient_nifs="",
            )
            held.period_year, held.period_month = record.period()
        self.held[key] = held
        if key not in self.stored:  # new, or held before and changed now: written by store()
            self.stored.add(key)
            self.rows.append(held)
        if record.is_alta:
            # A subsanación replaces the whole stored record and reactivates a cancelled one.
            held.alta_xml = record.xml
            held.state = status
            held.external_ref = record.external_ref
            held.recipient_nifs = " ".join(record.recipient_nifs())
            held.period_year, held.period_month = record.period()
        else:
            held.anulacion_xml = record.xml
            held.state = "Anulado"
        held.code = code
        held.description = text
        held.huella = record.huella
        held.request_id = self.submission.request_id
        held.csv = self.csv
        held.presenter_nif = self.submission.presenter_nif
        held.presented_at = self.now
        held.updated_at = self.now


def _state_conflict(
    record: Incoming, held: SandboxInvoice | None
) -> tuple[int | None, SandboxInvoice | None]:
    """The flag combinations of spec §5.1 against what is held: 3000 when the operation
    expects nothing held (with the held record), 3002 when it expects something."""
    if record.is_alta:
        replaces = record.correction == "S" and record.previous_rejection != "X"
    else:
        replaces = record.no_prior_record != "S"
    if replaces:
        return (None, None) if held is not None else (Code.NOT_FOUND, None)
    return (Code.DUPLICATE, held) if held is not None else (None, None)


def _header_nif(document: etree._Element, path: str) -> str:
    nif = (document.findtext(path, None, _NS) or "").strip()
    if not checks.valid_nif(nif):
        raise RequestFault(Code.HEADER_NIF, nif)
    return nif


def _date_filter(
    statement: Select[SandboxInvoice], document: etree._Element
) -> Select[SandboxInvoice]:
    dates = "con:FiltroConsulta/con:FechaExpedicionFactura/sf:"
    exact = document.findtext(dates + "FechaExpedicionFactura", None, _NS)
    since = document.findtext(dates + "RangoFechaExpedicion/sf:Desde", None, _NS)
    until = document.findtext(dates + "RangoFechaExpedicion/sf:Hasta", None, _NS)
    try:
        if exact is not None:
            statement = statement.where(SandboxInvoice.issue_date == checks.parse_day(exact))
        if since is not None:
            statement = statement.where(SandboxInvoice.issue_date >= checks.parse_day(since))
        if until is not None:
            statement = statement.where(SandboxInvoice.issue_date <= checks.parse_day(until))
    except ValueError as exc:
        raise RequestFault(Code.DATE_FORMAT, str(exc)) from None
    return statement


def _held_key(record: Incoming) -> tuple[str, str, date] | None:
    """(issuer, number, issue date) of what a record is about; None if its date does not
    parse (nothing can be held under it)."""
    try:
        return record.issuer_nif, record.number, checks.parse_day(record.issue_date_text)
    except ValueError:
        return None


def _held(session: Session, nif: str, number: str, issue_date: date) -> SandboxInvoice | None:
    return session.scalars(
        select(SandboxInvoice).where(
            SandboxInvoice.issuer_nif == nif,
            SandboxInvoice.number == number,
            SandboxInvoice.issue_date == issue_date,
        )
    ).first()


def _held_of(session: Session, nif: str, numbers: list[str]) -> list[SandboxInvoice]:
    return list(
        session.scalars(
            select(SandboxInvoice).where(
                SandboxInvoice.issuer_nif == nif, SandboxInvoice.number.in_(numbers)
            )
        )
    )


def _held_at_key(session: Session, key: etree._Element) -> SandboxInvoice | None:
    def text(tag: str) -> str:
        return (key.findtext(f"sf:{tag}", "", _NS) or "").strip()

    try:
        issue_date = checks.parse_day(text("FechaExpedicionFactura"))
    except ValueError:
        return None
    return _held(session, text("IDEmisorFactura"), text("NumSerieFactura"), issue_date)


def _head(session: Session, record: Incoming, *, for_update: bool) -> SandboxChainHead | None:
    """The chain's last record; `for_update` locks it, so two submissions of one chain are
    judged in turn."""
    statement = select(SandboxChainHead).where(
        SandboxChainHead.issuer_nif == record.issuer_nif,
        SandboxChainHead.installation == record.installation,
    )
    if for_update:
        statement = statement.with_for_update()
    return session.scalars(statement).first()


def _link(head: SandboxChainHead | None) -> Link | None:
    if head is None:
        return None
    return Link(head.issuer_nif, head.number, formats.day(head.issue_date), head.huella)


def _advance(head: SandboxChainHead, record: Incoming) -> SandboxChainHead:
    head.number = record.number
    head.issue_date = record.issue_date
    head.huella = record.huella
    return head


def _seen_of(session: Session, nif: str, numbers: list[str]) -> set[tuple[str, str, date, str]]:
    """(issuer, number, issue date, huella) of the records among `numbers` that `nif` sent
    itself before (a foreign copy sent under another header is not received from it)."""
    rows = session.execute(
        select(
            SandboxRecord.issuer_nif,
            SandboxRecord.number,
            SandboxRecord.issue_date,
            SandboxRecord.huella,
        ).where(
            SandboxRecord.submission_id == SandboxSubmission.id,
            SandboxSubmission.nif == nif,
            SandboxRecord.issuer_nif == nif,
            SandboxRecord.number.in_(numbers),
        )
    )
    return {(r.issuer_nif, r.number, r.issue_date, r.huella) for r in rows}


def _log(submission: SandboxSubmission, verdict: Verdict, now: datetime) -> SandboxRecord:
    record = verdict.record
    return SandboxRecord(
        id=new_id(),
        submission_id=submission.id,
        position=record.position,
        kind=record.operation,
        issuer_nif=record.issuer_nif,
        number=record.number,
        issue_date=record.issue_date,
        huella=record.huella,
        status=verdict.status,
        code=verdict.code,
        description=verdict.description,
        xml=record.xml,
        received_at=now,
    )


def _request_id(now: datetime) -> str:
    """IdPeticion (at most 20 characters): the moment plus six random digits."""
    return f"{now:%Y%m%d%H%M%S}{secrets.randbelow(10**6):06d}"


def _csv() -> str:
    """A 16-character secure verification code, like AEAT's."""
    return "".join(secrets.choice(_CSV_ALPHABET) for _ in range(16))
