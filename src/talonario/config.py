"""Settings: every knob is an environment variable prefixed TALONARIO_."""

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from talonario.kit.taxid import spanish_nif


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TALONARIO_", extra="ignore")

    database_url: str = "sqlite:///var/talonario.db"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(default=1, ge=1)
    public_url: str = ""
    redis_url: str | None = None
    smtp_url: str | None = None
    secret_key: str = "dev-insecure-secret-change-me"
    rate_limit_per_minute: int = Field(default=60, ge=0)
    sandbox_wait_seconds: int = Field(default=60, ge=0)
    # Mount the AEAT sandbox at /aeat-sandbox: `serve --demo` turns it on unless set.
    sandbox: Literal["on", "off"] = "off"
    # The operator's credential for /aeat-sandbox/control/*; unset, one is generated once and
    # kept (hashed) in the database, so every process and worker agrees (aeat_sandbox/control.py).
    sandbox_control_token: str | None = Field(default=None, min_length=16)
    # Where `sandbox` companies remit; default: the sandbox mounted in this server.
    aeat_sandbox_url: str | None = None
    # Where `preproduction` and `production` companies remit instead of AEAT's hosts, still over
    # mutual TLS with their own certificate: a TLS-terminating proxy, a staging stand-in, tests.
    aeat_endpoint_url: str | None = None
    # A PEM bundle of CAs trusted for the AEAT server certificate besides the system's: the
    # private CA of such a proxy or stand-in.
    aeat_ca_file: str | None = None
    # How long a company's remission lease outlives its holder's last heartbeat (the holder
    # renews it every third of this while it sends): a dead worker's companies move again
    # after at most this long.
    remission_lease_seconds: int = Field(default=25, ge=1)
    worker_poll_seconds: float = Field(default=1.0, gt=0)
    # The worker process's CPU niceness (os.nice): on a machine it shares with the API, requests
    # get the CPU first and the worker what they leave; 0 for none.
    worker_nice: int = Field(default=10, ge=0, le=19)
    # Start the worker as a process of its own beside the API's (`serve --worker`, what
    # `make run` does).
    run_worker: bool = False
    api_key_cache_seconds: float = Field(default=10.0, ge=0)
    idempotency_ttl_hours: int = Field(default=24, ge=1)
    # Where a company's invoices are dated: issue dates follow the issuer's local calendar.
    timezone: str = "Europe/Madrid"
    demo_company: bool = False
    # The largest request body accepted (413 beyond; the logo upload has a lower cap of its own).
    max_body_bytes: int = Field(default=1024 * 1024, ge=1)
    # SistemaInformatico and the declaración responsable (Orden HAC/1177/2024 art. 15; see
    # system/identity.py). The producer is whoever puts this software into use for taxpayers:
    # unset, records may only go to the sandbox, under a placeholder that says so.
    sif_producer_name: str | None = Field(default=None, min_length=1, max_length=120)
    sif_producer_nif: str | None = None
    sif_producer_address: str | None = Field(default=None, min_length=1, max_length=300)
    sif_declaration_place: str | None = Field(default=None, min_length=1, max_length=100)
    sif_declaration_date: date | None = None
    sif_name: str = Field(default="Talonario", min_length=1, max_length=30)
    sif_id: str = Field(default="TL", pattern=r"^[A-Z0-9]{2}$")
    # Default: the version of this package. A modified build is another version to declare.
    sif_version: str | None = Field(default=None, min_length=1, max_length=50)
    # Webhook URLs must be https and public (SSRF); tests and local development may allow
    # http and private, loopback or link-local addresses.
    webhooks_allow_private: bool = False

    @field_validator("sif_producer_nif")
    @classmethod
    def _producer_nif(cls, value: str | None) -> str | None:
        return None if value is None else spanish_nif(value)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def base_url(self) -> str:
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"

    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        raw = self.database_url.split(":///", 1)[1] if ":///" in self.database_url else ""
        return Path(raw) if raw and raw != ":memory:" else None


@lru_cache
def get_settings() -> Settings:
    return Settings()
