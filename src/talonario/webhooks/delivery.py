"""Send due webhook deliveries: claim one, POST it outside any transaction, record the outcome.

A claim is a lease (`locked_until`) written in a short transaction; PostgreSQL claimers also
skip rows another one is claiming (`FOR UPDATE SKIP LOCKED`), SQLite ones queue on BEGIN
IMMEDIATE. The attempt number taken with the claim fences the outcome: a worker whose lease
ran out cannot overwrite what the next one recorded. Delivery is at least once; receivers
deduplicate on `webhook-id`.
"""

import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx

from talonario import __version__
from talonario.config import Settings
from talonario.db import Database
from talonario.kit.clock import utcnow
from talonario.models import WebhookDelivery, WebhookEndpoint
from talonario.webhooks import guard, signing
from talonario.webhooks.repository import (
    WebhookDeliveryRepository,
    WebhookEndpointRepository,
    WebhookEventRepository,
    next_due_delivery,
)

# Waits after each failed attempt: about three days in all, then the delivery has failed.
SCHEDULE = tuple(
    timedelta(seconds=s)
    for s in (5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 14 * 3600, 20 * 3600, 20 * 3600)
)
JITTER = 0.1  # ±10%, so endpoints that failed together are not retried in one burst
# An endpoint whose attempts have all failed this long is disabled once a delivery gives up.
FAILING_FOR = timedelta(days=2)
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
# Longer than an attempt can take (connect + a read of the response start), so no twin claim.
LEASE = timedelta(minutes=2)
SNIPPET_BYTES = 1024
USER_AGENT = f"Talonario-Webhooks/{__version__}"


@dataclass(frozen=True)
class Job:
    company_id: str
    delivery_id: str
    attempt: int
    event_id: str
    body: str
    url: str
    secrets: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    status: int | None = None
    body: str | None = None
    error: str | None = None
    duration_ms: int | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def deliver_due(
    db: Database,
    settings: Settings,
    *,
    now: datetime | None = None,
    client: httpx.Client | None = None,
    limit: int = 100,
) -> int:
    """Attempt up to `limit` due deliveries, one claim at a time; returns how many were attempted.

    `now` fixes the clock for the whole call (tests); `client` is the HTTP client to use.
    """
    owned = client is None
    http = client or httpx.Client(
        timeout=TIMEOUT,
        follow_redirects=False,
        trust_env=False,  # a proxy from the environment would bypass the address check
    )
    try:
        attempted = 0
        while attempted < limit:
            started = now or utcnow()
            job = _claim(db, started)
            if job is None:
                break
            outcome = _attempt(http, job, started, settings.webhooks_allow_private)
            _record(db, job, outcome, started, now or utcnow())
            attempted += 1
        return attempted
    finally:
        if owned:
            http.close()


def _claim(db: Database, now: datetime) -> Job | None:
    with db.write_session() as session:
        delivery = next_due_delivery(session, now)
        if delivery is None:
            return None
        company_id = delivery.company_id
        endpoint = WebhookEndpointRepository(session, company_id).get(delivery.endpoint_id)
        event = WebhookEventRepository(session, company_id).get(delivery.event_id)
        assert endpoint is not None and event is not None  # foreign keys of the delivery
        delivery.attempts += 1
        delivery.locked_until = now + LEASE
        secrets = [endpoint.secret]
        expires = endpoint.previous_secret_expires_at
        if endpoint.previous_secret and expires is not None and expires > now:
            secrets.append(endpoint.previous_secret)
        job = Job(
            company_id,
            delivery.id,
            delivery.attempts,
            event.id,
            event.body,
            endpoint.url,
            tuple(secrets),
        )
        session.commit()
        return job


def _attempt(client: httpx.Client, job: Job, now: datetime, allow_private: bool) -> Outcome:
    try:
        target = guard.check(job.url, allow_private)
    except guard.UnsafeUrl as exc:
        return Outcome(error=f"not sent: the url {exc}")
    headers = {"content-type": "application/json", "user-agent": USER_AGENT}
    headers |= signing.headers(job.secrets, job.event_id, int(now.timestamp()), job.body)
    headers |= target.headers
    began = time.monotonic()
    try:
        with client.stream(
            "POST",
            target.url,
            content=job.body.encode(),
            headers=headers,
            extensions=target.extensions,
        ) as response:
            snippet = _read_start(response)
            status = response.status_code
    except httpx.HTTPError as exc:
        return Outcome(error=_describe(exc), duration_ms=_ms_since(began))
    return Outcome(status=status, body=snippet, duration_ms=_ms_since(began))


def _read_start(response: httpx.Response) -> str:
    """The first bytes of the answer only: a receiver cannot make us buffer megabytes."""
    data = b""
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) >= SNIPPET_BYTES:
            break
    return data[:SNIPPET_BYTES].decode("utf-8", errors="replace")


def _describe(exc: httpx.HTTPError) -> str:
    kind = type(exc).__name__
    detail = str(exc) or kind
    return f"{kind}: {detail}"[:500]


def _ms_since(began: float) -> int:
    return round((time.monotonic() - began) * 1000)


def _record(db: Database, job: Job, outcome: Outcome, started: datetime, now: datetime) -> None:
    with db.write_session() as session:
        delivery = WebhookDeliveryRepository(session, job.company_id).get(job.delivery_id)
        if delivery is None or delivery.status != "pending" or delivery.attempts != job.attempt:
            return  # the endpoint was deleted, or our lease ran out and another worker took over
        endpoint = WebhookEndpointRepository(session, job.company_id).get(delivery.endpoint_id)
        assert endpoint is not None  # a foreign key of the delivery
        delivery.last_attempt_at = started
        delivery.response_status = outcome.status
        delivery.response_body = outcome.body
        delivery.duration_ms = outcome.duration_ms
        delivery.error = outcome.error
        delivery.locked_until = None
        if outcome.ok:
            delivery.status = "succeeded"
            delivery.delivered_at = now
            delivery.next_attempt_at = None
            endpoint.failing_since = None
        else:
            _failed(delivery, endpoint, outcome, now)
        session.commit()


def _failed(
    delivery: WebhookDelivery, endpoint: WebhookEndpoint, outcome: Outcome, now: datetime
) -> None:
    endpoint.failing_since = endpoint.failing_since or now
    if outcome.status == 410:
        # Gone: the receiver says it will never want these again.
        delivery.status, delivery.next_attempt_at = "failed", None
        _disable(endpoint, "gone", now)
    elif delivery.attempts > len(SCHEDULE):
        delivery.status, delivery.next_attempt_at = "failed", None
        if now - endpoint.failing_since >= FAILING_FOR:
            _disable(endpoint, "failing", now)
    else:
        wait = SCHEDULE[delivery.attempts - 1] * random.uniform(1 - JITTER, 1 + JITTER)
        delivery.next_attempt_at = now + wait


def _disable(endpoint: WebhookEndpoint, reason: str, now: datetime) -> None:
    if endpoint.enabled:
        endpoint.enabled = False
        endpoint.disabled_reason = reason
        endpoint.disabled_at = now
