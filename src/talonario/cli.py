"""The `talonario` command: serve, worker, db upgrade, company create, apikey create,
remission retry, sandbox."""

import json
import logging
import os
import ssl
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from talonario import migrate, serving
from talonario.auth.keys import issue_key
from talonario.companies import service as companies
from talonario.companies.schemas import CompanyCreate, present_company
from talonario.config import get_settings
from talonario.db import create_database
from talonario.errors import AppError
from talonario.kit.clock import utcnow
from talonario.kit.jsonenc import dumps
from talonario.verifactu import remission
from talonario.verifactu.status import status_of

app = typer.Typer(help="Talonario: a VERI*FACTU invoicing API for Spain.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
company_app = typer.Typer(help="Companies (tenants).", no_args_is_help=True)
apikey_app = typer.Typer(help="API keys.", no_args_is_help=True)
remission_app = typer.Typer(help="Remission of records to AEAT.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(company_app, name="company")
app.add_typer(apikey_app, name="apikey")
app.add_typer(remission_app, name="remission")

DEMO = CompanyCreate(legal_name="Demo Talonario SL", nif="B12345674")


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Apply the Alembic migrations to TALONARIO_DATABASE_URL."""
    migrate.upgrade(get_settings().database_url, revision)
    typer.echo(f"database at {revision}")


@company_app.command("create")
def company_create(
    legal_name: Annotated[str, typer.Option("--legal-name")],
    nif: Annotated[str, typer.Option("--nif")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
) -> None:
    """Create a company with its default series and an API key (shown once)."""
    try:
        body = CompanyCreate(legal_name=legal_name, nif=nif)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    db = create_database(get_settings())
    with db.write_session() as session:
        company, _, secret = companies.create_company(session, body)
        session.commit()
        payload = {"company": present_company(company), "api_key": secret}
    db.dispose()
    if as_json:
        typer.echo(dumps(payload).decode())
    else:
        typer.echo(f"company {company.id}  {company.legal_name} ({company.nif})")
        typer.echo(f"api key {secret}  (shown once)")


@apikey_app.command("create")
def apikey_create(
    company: Annotated[str, typer.Option("--company", help="Company id.")],
    scope: Annotated[
        list[str] | None, typer.Option("--scope", help="Repeatable; default *.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Create an API key for a company."""
    db = create_database(get_settings())
    with db.write_session() as session:
        companies.get(session, company)
        key, secret = issue_key(session, company, scope or ["*"], name)
        session.commit()
        payload = {"id": key.id, "company": company, "scopes": key.scopes, "api_key": secret}
    db.dispose()
    typer.echo(json.dumps(payload) if as_json else f"api key {secret}  (shown once)")


@remission_app.command("retry")
def remission_retry(
    company: Annotated[str, typer.Option("--company", help="Company id.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="The status, as GET /v1/verifactu/status.")
    ] = False,
) -> None:
    """Lift the backoff of a failed submission: the company's next attempt is now (never
    before AEAT's TiempoEsperaEnvio). What POST /v1/verifactu/retry does."""
    db = create_database(get_settings())
    try:
        with db.write_session() as session:
            companies.get(session, company)
            remission.retry_now(session, company)
            session.commit()
        with db.read_session() as session:
            status = status_of(session, company)
    except AppError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from None
    finally:
        db.dispose()
    if as_json:
        typer.echo(dumps(status).decode())
        return
    at = status["next_submission_at"]
    when = "now" if at is None or at <= utcnow() else at.isoformat()
    typer.echo(
        f"company {company}: {status['pending']} pending, next attempt {when}"
        f" (reason {status['reason']})"
    )


def _ensure_demo() -> None:
    settings = get_settings()
    db = create_database(settings)
    with db.write_session() as session:
        if companies.first_company(session) is not None:
            db.dispose()
            return
        company, _, secret = companies.create_company(session, DEMO)
        session.commit()
    db.dispose()
    url = settings.base_url
    typer.echo(
        f"""
Demo company created: {company.legal_name} ({company.nif}), id {company.id}
API key (shown once, keep it): {secret}

Try:
  curl -s {url}/v1/company -H 'Authorization: Bearer {secret}'
  curl -s -X POST {url}/v1/invoices -H 'Authorization: Bearer {secret}' \\
    -H 'Content-Type: application/json' -d '{{"type": "F2", "issue": true, "lines": [
      {{"description": "Café", "quantity": 2, "unit_price": "1.50", "tax": {{"rate": 10}}}}]}}'
"""
    )


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Default TALONARIO_HOST.")] = None,
    port: Annotated[int | None, typer.Option(help="Default TALONARIO_PORT.")] = None,
    workers: Annotated[int | None, typer.Option(help="Server processes.")] = None,
    migrate_first: Annotated[bool, typer.Option("--migrate/--no-migrate")] = True,
    demo: Annotated[bool, typer.Option("--demo", help="Create a demo company if none.")] = False,
    worker: Annotated[
        bool, typer.Option("--worker/--no-worker", help="Run the background worker in-process.")
    ] = False,
) -> None:
    """Serve the API (with --worker, also remit records, deliver webhooks and send email)."""
    # The app factory runs in uvicorn's processes and reads settings from the environment.
    for name, value in (("HOST", host), ("PORT", port), ("RUN_WORKER", worker or None)):
        if value is not None:
            os.environ[f"TALONARIO_{name}"] = str(value)
    get_settings.cache_clear()
    settings = get_settings()
    if migrate_first:
        migrate.upgrade(settings.database_url)
    if demo or settings.demo_company:
        _ensure_demo()
    serving.serve(
        "talonario.main:create_app",
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        log_level="warning",
        access_log=False,
    )


@app.command("worker")
def worker_command() -> None:
    """Run the background worker until stopped (several may run at once)."""
    import signal
    import threading

    from talonario.worker import run

    settings = get_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    db = create_database(settings)
    try:
        run(db, settings, stop)
    finally:
        db.dispose()


@app.command()
def sandbox(
    host: Annotated[str | None, typer.Option(help="Default TALONARIO_HOST.")] = None,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
    migrate_first: Annotated[bool, typer.Option("--migrate/--no-migrate")] = True,
    ssl_certfile: Annotated[
        Path | None, typer.Option(help="Server certificate (PEM): serve HTTPS.")
    ] = None,
    ssl_keyfile: Annotated[
        Path | None, typer.Option(help="Its private key (PEM), unless in --ssl-certfile.")
    ] = None,
    ssl_ca_certs: Annotated[
        Path | None,
        typer.Option(
            help="CAs (PEM) of client certificates: every connection, /control's too, must "
            "present one (mutual TLS, as AEAT requires)."
        ),
    ] = None,
) -> None:
    """Serve the built-in AEAT sandbox alone (SOAP at /VerifactuSOAP, control at /control)."""
    if (ssl_keyfile or ssl_ca_certs) and not ssl_certfile:
        typer.echo("error: --ssl-keyfile and --ssl-ca-certs need --ssl-certfile", err=True)
        raise typer.Exit(2)
    settings = get_settings()
    if migrate_first:
        migrate.upgrade(settings.database_url)
    uvicorn.run(
        "talonario.aeat_sandbox.app:standalone",
        factory=True,
        host=host or settings.host,
        port=port,
        log_level="warning",
        access_log=False,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        ssl_ca_certs=ssl_ca_certs,
        ssl_cert_reqs=ssl.CERT_REQUIRED if ssl_ca_certs else ssl.CERT_NONE,
    )
