"""The `talonario` command: serve, worker, db upgrade, company create, apikey create,
remission retry, sandbox; `invoices create|list|pdf` (scripting.py) speak to a running server."""

import json
import os
import ssl
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from talonario import migrate, scripting, serving
from talonario.accounts import service as accounts
from talonario.aeat_sandbox import control as sandbox_control
from talonario.auth.keys import issue_account_key, issue_key
from talonario.companies import service as companies
from talonario.companies.schemas import CompanyCreate, CompanyOut
from talonario.config import Settings, get_settings
from talonario.db import create_database
from talonario.errors import AppError
from talonario.events.restore import log_backup_restored
from talonario.kit.clock import utcnow
from talonario.kit.jsonenc import dumps
from talonario.kit.schema import Address
from talonario.records import remission
from talonario.records.status import status_of
from talonario.worker import run_process as worker_process

app = typer.Typer(help="Talonario: a VERI*FACTU invoicing API for Spain.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
account_app = typer.Typer(help="Accounts: who owns companies.", no_args_is_help=True)
company_app = typer.Typer(help="Companies (tenants).", no_args_is_help=True)
apikey_app = typer.Typer(help="API keys.", no_args_is_help=True)
remission_app = typer.Typer(help="Remission of records to AEAT.", no_args_is_help=True)
events_app = typer.Typer(help="The NO VERI*FACTU event log.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(account_app, name="account")
app.add_typer(company_app, name="company")
app.add_typer(apikey_app, name="apikey")
app.add_typer(remission_app, name="remission")
app.add_typer(events_app, name="events")
app.add_typer(scripting.app, name="invoices")

# With an address: a complete invoice (F1) shows the issuer's (RD 1619/2012 art. 6.1.e).
DEMO = CompanyCreate(
    legal_name="Demo Talonario SL",
    nif="B12345674",
    address=Address(street="Calle Mayor 1", postal_code="28013", city="Madrid", province="Madrid"),
)


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Apply the Alembic migrations to TALONARIO_DATABASE_URL."""
    migrate.upgrade(get_settings().database_url, revision)
    typer.echo(f"database at {revision}")


@account_app.command("create")
def account_create(
    name: Annotated[str, typer.Option("--name")],
    scope: Annotated[
        list[str] | None, typer.Option("--scope", help="Repeatable; default *.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
) -> None:
    """Create an account and its first account key (tal_acct_…, shown once): it creates
    companies with POST /v1/companies and acts for any of them."""
    db = create_database(get_settings())
    with db.write_session() as session:
        account = accounts.create_account(session, name)
        _, secret = issue_account_key(session, account.id, scope or ["*"], "default")
        session.commit()
        payload = {"account": {"id": account.id, "name": account.name}, "api_key": secret}
    db.dispose()
    if as_json:
        typer.echo(json.dumps(payload))
    else:
        typer.echo(f"account {account.id}  {account.name}")
        typer.echo(f"account key {secret}  (shown once)")


@company_app.command("create")
def company_create(
    legal_name: Annotated[str, typer.Option("--legal-name")],
    nif: Annotated[str, typer.Option("--nif")],
    street: Annotated[str | None, typer.Option("--street")] = None,
    postal_code: Annotated[str | None, typer.Option("--postal-code")] = None,
    city: Annotated[str | None, typer.Option("--city")] = None,
    province: Annotated[str | None, typer.Option("--province")] = None,
    country: Annotated[str, typer.Option("--country", help="ISO 3166-1 alpha-2.")] = "ES",
    account: Annotated[
        str | None, typer.Option("--account", help="Add it to this account; default a new one.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
) -> None:
    """Create a company with its default series and an API key (shown once), in an account of
    its own unless --account names one.

    Complete invoices (F1) need the company's address (RD 1619/2012 art. 6.1.e): give it here
    or later with PATCH /v1/company."""
    parts = {"street": street, "postal_code": postal_code, "city": city, "province": province}
    try:
        address = Address(**parts, country=country) if any(parts.values()) else None
        body = CompanyCreate(legal_name=legal_name, nif=nif, address=address)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    db = create_database(get_settings())
    with db.write_session() as session:
        if account is not None and not accounts.exists(session, account):
            typer.echo(f"error: no account '{account}'", err=True)
            raise typer.Exit(2)
        company, _, secret = companies.create_company(session, body, account_id=account)
        session.commit()
        payload = {"company": CompanyOut.of(company), "api_key": secret}
    db.dispose()
    if as_json:
        typer.echo(dumps(payload).decode())
    else:
        typer.echo(f"company {company.id}  {company.legal_name} ({company.nif})")
        typer.echo(f"api key {secret}  (shown once)")


@apikey_app.command("create")
def apikey_create(
    company: Annotated[str | None, typer.Option("--company", help="Company id.")] = None,
    account: Annotated[
        str | None, typer.Option("--account", help="Account id: an account key (tal_acct_…).")
    ] = None,
    scope: Annotated[
        list[str] | None, typer.Option("--scope", help="Repeatable; default *.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Create an API key for a company (--company) or an account (--account)."""
    if (company is None) == (account is None):
        typer.echo("error: give one of --company or --account", err=True)
        raise typer.Exit(2)
    db = create_database(get_settings())
    with db.write_session() as session:
        if company is not None:
            companies.get(session, company)
            key, secret = issue_key(session, company, scope or ["*"], name)
        else:
            assert account is not None
            if not accounts.exists(session, account):
                typer.echo(f"error: no account '{account}'", err=True)
                raise typer.Exit(2)
            key, secret = issue_account_key(session, account, scope or ["*"], name)
        session.commit()
        payload = {
            "id": key.id,
            "company": company,
            "account": key.account_id,
            "scopes": key.scopes,
            "api_key": secret,
        }
    db.dispose()
    typer.echo(json.dumps(payload) if as_json else f"api key {secret}  (shown once)")


@events_app.command("backup-restored")
def events_backup_restored(
    company: Annotated[
        str | None, typer.Option("--company", help="Company id; default every NO VERI*FACTU one.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="OtrosDatosEvento (100).")] = None,
) -> None:
    """Log a backup restore (event 07) after restoring the database (Orden HAC/1177/2024
    art. 9); companies in VERI*FACTU keep no event log and get none."""
    db = create_database(get_settings())
    try:
        written = log_backup_restored(db, get_settings(), company, note)
    except AppError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from None
    finally:
        db.dispose()
    typer.echo(f"{len(written)} backup-restore events logged")


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
    at = status.next_submission_at
    when = "now" if at is None or at <= utcnow() else at.isoformat()
    typer.echo(
        f"company {company}: {status.pending} pending, next attempt {when}"
        f" (reason {status.reason.value})"
    )


def _ensure_sandbox_token(settings: Settings) -> str | None:
    """The sandbox's control token if this start generated it (control.ensure_token)."""
    db = create_database(settings)
    try:
        return sandbox_control.ensure_token(db, settings)
    finally:
        db.dispose()


def _token_line(token: str) -> str:
    return f"AEAT sandbox control token (shown once, keep it): {token}"


def _echo_sandbox_token(token: str | None) -> None:
    if token is not None:
        typer.echo(_token_line(token))


@app.command("sandbox-token")
def sandbox_token() -> None:
    """Replace the AEAT sandbox's stored control token and print the new one (unless
    TALONARIO_SANDBOX_CONTROL_TOKEN names one: then that is the token)."""
    settings = get_settings()
    if settings.sandbox_control_token:
        typer.echo("error: TALONARIO_SANDBOX_CONTROL_TOKEN is set: it is the token", err=True)
        raise typer.Exit(2)
    db = create_database(settings)
    try:
        token = sandbox_control.replace_token(db)
    finally:
        db.dispose()
    typer.echo(_token_line(token))


def _ensure_demo(sandbox_token: str | None = None) -> bool:
    """Create the demo company if there is none and print its key (and the sandbox's control
    token generated at this start, beside it); whether it did."""
    settings = get_settings()
    db = create_database(settings)
    with db.write_session() as session:
        if companies.first_company(session) is not None:
            db.dispose()
            return False
        company, _, secret = companies.create_company(session, DEMO)
        _, account_secret = issue_account_key(session, company.account_id, ["*"], "demo")
        session.commit()
    db.dispose()
    url = settings.base_url
    token = sandbox = ""
    if sandbox_token is not None:
        token = _token_line(sandbox_token) + "\n"
    if settings.sandbox == "on":
        sandbox = (
            f"  curl -s '{url}/aeat-sandbox/control/records?nif={company.nif}'"
            f" -H 'Authorization: Bearer {secret}'\n"
        )
    typer.echo(
        f"""
Demo company created: {company.legal_name} ({company.nif}), id {company.id}
API key (shown once, keep it): {secret}
Account key, for /v1/companies and the Talonario-Company header: {account_secret}
{token}
Try:
  curl -s {url}/v1/company -H 'Authorization: Bearer {secret}'
  curl -s -X POST {url}/v1/invoices -H 'Authorization: Bearer {secret}' \\
    -H 'Content-Type: application/json' -d '{{"type": "F2", "issue": true, "lines": [
      {{"description": "Café", "quantity": 2, "unit_price": "1.50", "tax": {{"rate": 10}}}}]}}'
{sandbox}"""
    )
    return True


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Default TALONARIO_HOST.")] = None,
    port: Annotated[int | None, typer.Option(help="Default TALONARIO_PORT.")] = None,
    workers: Annotated[int | None, typer.Option(help="Server processes.")] = None,
    migrate_first: Annotated[bool, typer.Option("--migrate/--no-migrate")] = True,
    demo: Annotated[bool, typer.Option("--demo", help="Create a demo company if none.")] = False,
    worker: Annotated[
        bool,
        typer.Option("--worker/--no-worker", help="Also run the background worker (a process)."),
    ] = False,
) -> None:
    """Serve the API (with --worker, also remit records, deliver webhooks and send email)."""
    # The app factory runs in uvicorn's processes and reads settings from the environment.
    for name, value in (("HOST", host), ("PORT", port), ("RUN_WORKER", worker or None)):
        if value is not None:
            os.environ[f"TALONARIO_{name}"] = str(value)
    get_settings.cache_clear()
    demo = demo or get_settings().demo_company
    if demo and not any(name.upper() == "TALONARIO_SANDBOX" for name in os.environ):
        os.environ["TALONARIO_SANDBOX"] = "on"  # the demo remits to its own sandbox
        get_settings.cache_clear()
    settings = get_settings()
    host, port = host or settings.host, port or settings.port
    try:
        bound = serving.bind(host, port)
    except OSError as exc:
        typer.echo(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None
    if migrate_first:
        migrate.upgrade(settings.database_url)
    # Made here, before uvicorn starts its processes, so they all read the one stored token.
    token = _ensure_sandbox_token(settings) if settings.sandbox == "on" else None
    if not (demo and _ensure_demo(token)):
        _echo_sandbox_token(token)
    serving.serve(
        "talonario.main:create_app",
        host=host,
        port=port,
        workers=workers or settings.workers,
        bound=bound,
        background=worker_process if settings.run_worker else None,
        log_level="warning",
        access_log=False,
    )


@app.command("worker")
def worker_command() -> None:
    """Run the background worker until stopped (several may run at once)."""
    from talonario.worker import run_process

    run_process()


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
    _echo_sandbox_token(_ensure_sandbox_token(settings))
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
