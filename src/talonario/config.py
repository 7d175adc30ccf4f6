"""Settings: every knob is an environment variable prefixed TALONARIO_."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    # Run the worker as a thread of each API process (`serve --worker`, what `make run` does).
    run_worker: bool = False
    api_key_cache_seconds: float = Field(default=10.0, ge=0)
    idempotency_ttl_hours: int = Field(default=24, ge=1)
    # Where a company's invoices are dated: issue dates follow the issuer's local calendar.
    timezone: str = "Europe/Madrid"
    demo_company: bool = False
    # SistemaInformatico: who produces this billing system (Orden HAC/1177/2024 art. 3).
    sif_producer_name: str = "Talonario contributors"
    sif_producer_nif: str = "B12345674"
    sif_name: str = "Talonario"
    sif_id: str = Field(default="TL", pattern=r"^[A-Z0-9]{2}$")
    # Webhook URLs must be https and public (SSRF); tests and local development may allow
    # http and private, loopback or link-local addresses.
    webhooks_allow_private: bool = False

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
