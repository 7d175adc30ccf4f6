"""PATCH bodies: an absent field keeps its value, `null` clears it, and a field that cannot be
empty refuses `null` with a 422 naming it (instead of reaching a NOT NULL column).

`NotNull[T]` reads as `T | None` in Python (None: not sent), but the published schema and the
validation both say `T`: a generated client never sends the null the server would refuse.
"""

from typing import Annotated, Any, TypeVar

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from talonario.kit.schema import Input

T = TypeVar("T")


def _refuse_null(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError(
            "null_not_allowed", "may be omitted (to keep the current value) but not null"
        )
    return value


class _NotNull:
    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(_refuse_null, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        out = dict(handler(schema))
        branches = [s for s in out.pop("anyOf", ()) if s != {"type": "null"}]
        if len(branches) == 1:
            out.update(branches[0])
        elif branches:
            out["anyOf"] = branches
        return out


NotNull = Annotated[T | None, _NotNull()]


def _nullable(prop: dict[str, Any]) -> bool:
    return "null" in [prop.get("type")] + [s.get("type") for s in prop.get("anyOf", ())]


def _drop_false_defaults(schema: dict[str, Any]) -> None:
    # Pydantic publishes `default: null` for every optional field; for a NotNull one that default
    # would contradict its type, and "absent" is what it means.
    for prop in schema.get("properties", {}).values():
        if "default" in prop and prop["default"] is None and not _nullable(prop):
            del prop["default"]


class Patch(Input):
    """Base of PATCH bodies; declare fields that cannot be cleared as `NotNull[T] = None`."""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        out = super().__get_pydantic_json_schema__(schema, handler)
        _drop_false_defaults(handler.resolve_ref_schema(out))
        return out
