"""OpenAPI links, derived from the paths: what an answer's `id` can be used for next.

A create (`POST /v1/things` -> 201 Thing) and every action that answers the same Thing links to
each operation under `/v1/things/{id}`; a list whose items have no create of their own (records,
webhook deliveries) links its first item to the operations under it. Clients (and schemathesis'
stateful phase) follow them to reach operations on real objects instead of guessing ids.
"""

import re
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI

_PARAM = re.compile(r"\{(\w+)\}")
_WRITES = ("post", "put", "patch")


def _answers(operation: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """(response, schema name) of each 2xx JSON answer."""
    for status, response in operation.get("responses", {}).items():
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        if status.startswith("2") and "$ref" in schema:
            yield response, schema["$ref"].rsplit("/", 1)[-1]


def _params(path: str) -> list[str]:
    return _PARAM.findall(path)


def _under(paths: dict[str, Any], base: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(the path's first parameter after `base`, operation) of the operations under base."""
    for path, operations in paths.items():
        if not path.startswith(base + "/"):
            continue
        match = _PARAM.match(path, len(base) + 1)
        if match is None:
            continue
        for operation in operations.values():
            if isinstance(operation, dict) and "operationId" in operation:
                yield match.group(1), operation


def _link(
    response: dict[str, Any], base: str, param: str, source: str, target: dict[str, Any]
) -> None:
    parameters = {name: f"$request.path.{name}" for name in _params(base)}
    parameters[param] = source
    name = target["operationId"]
    response.setdefault("links", {}).setdefault(
        name, {"operationId": name, "parameters": parameters}
    )


def add_links(schema: dict[str, Any]) -> dict[str, Any]:
    paths: dict[str, Any] = schema.get("paths", {})
    created: dict[str, str] = {}  # collection path -> the schema its create answers
    for path, operations in paths.items():
        for _, name in _answers(operations.get("post", {})):
            created.setdefault(path, name)
    for base, resource in created.items():
        targets = list(_under(paths, base))
        for path, operations in paths.items():
            if path != base and not path.startswith(base + "/"):
                continue
            for method in _WRITES:
                for response, name in _answers(operations.get(method, {})):
                    if name != resource:
                        continue
                    for param, target in targets:
                        _link(response, base, param, "$response.body#/id", target)
    for base, operations in paths.items():
        if base in created:
            continue
        for response, name in _answers(operations.get("get", {})):
            if name.startswith("ListOf"):  # kit.schema.ListOf[...]
                for param, target in _under(paths, base):
                    _link(response, base, param, "$response.body#/data/0/id", target)
    return schema


def install(app: FastAPI) -> None:
    """Publish the links in the app's /openapi.json."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = add_links(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
