"""The route class of every /v1 operation: request bodies parsed with exact decimals (a JSON
number never passes through float), and query parameters checked against what the operation
declares, so a misspelt filter is an error that names it rather than a silently wider answer."""

import json
from collections.abc import Callable, Coroutine
from decimal import Decimal
from typing import Any

from fastapi import Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from talonario.errors import MalformedRequest


class UnknownParameter(MalformedRequest):
    code = "unknown_parameter"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


class DecimalJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()
            self._json = json.loads(body, parse_float=Decimal, parse_constant=_reject_constant)
        return self._json


def _query_names(dependant: Dependant) -> frozenset[str]:
    """The public names (aliases: `issued_on[gte]`) of the query parameters the operation and
    its dependencies declare."""
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return frozenset(names)


class DecimalRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        known = _query_names(self.dependant)

        async def decimal_handler(request: Request) -> Response:
            for name in request.query_params:
                if name not in known:
                    allowed = ", ".join(sorted(known)) or "none"
                    raise UnknownParameter(
                        f"Unknown query parameter '{name}' (this operation takes: {allowed}).",
                        param=name,
                    )
            return await handler(DecimalJSONRequest(request.scope, request.receive))

        return decimal_handler
