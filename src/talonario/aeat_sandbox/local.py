"""The sandbox a server mounts, answered inside the process that calls it.

`serve --worker` runs the worker as a process of its own so that remission never holds the
API's GIL; but over HTTP the mounted sandbox's share (judging a 1,000-record submission: about a
second of Python) would land back in an API process. The worker of a server with the sandbox
mounted therefore hands its SOAP requests to the same sandbox code here, in its own process:
same bytes in, same answer out, faults and delays included. Anything else (a sandbox at
TALONARIO_AEAT_SANDBOX_URL, AEAT itself) is spoken to over HTTP.
"""

import threading
import time

import httpx

from talonario.aeat_sandbox.app import Sandbox
from talonario.aeat_sandbox.requirement import PATH as REQUIREMENT_PATH
from talonario.config import Settings
from talonario.db import Database


class LocalSandbox(httpx.BaseTransport):
    """An httpx transport that answers SOAP POSTs with the sandbox over `db`."""

    def __init__(self, settings: Settings, db: Database) -> None:
        self._sandbox = Sandbox(settings, db)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method != "POST":
            return httpx.Response(405, request=request)
        requirement = request.url.path.endswith(REQUIREMENT_PATH)
        response, delay = self._sandbox.answer(request.read(), requirement)
        if delay:
            # A held-back answer the caller stops waiting for is lost, as over the network.
            timeout = request.extensions.get("timeout", {}).get("read")
            if timeout is not None and delay > timeout:
                time.sleep(timeout)
                raise httpx.ReadTimeout("the sandbox held its answer back", request=request)
            time.sleep(delay)
        return httpx.Response(
            response.status_code,
            headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.raw_headers],
            content=bytes(response.body),
            request=request,
        )


_transports: dict[int, LocalSandbox] = {}
_lock = threading.Lock()


def transport_for(settings: Settings, db: Database) -> LocalSandbox:
    """One transport per database in a process (it keeps no state of its own)."""
    with _lock:
        found = _transports.get(id(db))
        if found is None:
            found = _transports[id(db)] = LocalSandbox(settings, db)
        return found
