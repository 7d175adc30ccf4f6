"""Gateway records and invoices of ours, posted at once to two server processes by twenty
clients, join one chain without a fork."""

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.fixtures.factories import invoice_body
from tests.fixtures.servers import Server
from tests.gateway.test_records import record
from tests.test_concurrency import company_key, served_database, servers  # noqa: F401

pytestmark = pytest.mark.xdist_group("servers")

CLIENTS = 20
ROUNDS = 8  # each client: 8 invoices, or 4 records and 4 batches of 3
TIMEOUT = 30.0


def test_invoices_and_gateway_records_at_once_never_fork_the_chain(
    servers: list[Server],  # noqa: F811
    company_key: str,  # noqa: F811
) -> None:
    headers = {"Authorization": f"Bearer {company_key}"}
    start = threading.Barrier(CLIENTS)

    def client(index: int) -> list[tuple[int, Any]]:
        answers = []
        with httpx.Client(headers=headers, timeout=TIMEOUT) as http:
            start.wait(timeout=TIMEOUT)
            for n in range(ROUNDS):
                url = servers[(index + n) % 2].url
                if index % 2 == 0:
                    r = http.post(f"{url}/v1/invoices", json=invoice_body(issue=True))
                elif n % 2 == 0:
                    r = http.post(f"{url}/v1/records", json=record(f"G{index:02d}-{n:02d}"))
                else:
                    batch = [record(f"G{index:02d}-{n:02d}-{k}") for k in range(3)]
                    r = http.post(f"{url}/v1/records/batch", json={"records": batch})
                answers.append((r.status_code, r.json()))
        return answers

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        futures = [pool.submit(client, i) for i in range(CLIENTS)]
        answers = [a for f in futures for a in f.result(timeout=ROUNDS * TIMEOUT)]

    logs = "\n".join(s.log_tail() for s in servers)
    bad = [a for a in answers if a[0] not in (200, 201)]
    assert not bad, f"{bad[0]}\n{logs}"
    batches = [payload for status, payload in answers if status == 200]
    assert all(b["created"] == 3 and b["failed"] == 0 for b in batches), batches[0]
    invoices = CLIENTS // 2 * ROUNDS
    gateway = CLIENTS // 2 * (ROUNDS // 2) * 4
    r = httpx.get(f"{servers[0].url}/v1/verifactu/chain/verify", headers=headers, timeout=60)
    report = r.json()
    assert (report["valid"], report["records"], report["first_break"]) == (
        True,
        invoices + gateway,
        None,
    )
    listed, after = [], None
    while True:
        params = {"limit": 100} | ({"starting_after": after} if after else {})
        page = httpx.get(
            f"{servers[1].url}/v1/verifactu/records", params=params, headers=headers, timeout=30
        ).json()
        listed += page["data"]
        if not page["has_more"]:
            break
        after = page["data"][-1]["id"]
    assert len({x["huella"] for x in listed}) == invoices + gateway
    # One successor per link: no two records chain to the same predecessor.
    previous = [x["previous_huella"] for x in listed]
    assert len(set(previous)) == len(previous)
