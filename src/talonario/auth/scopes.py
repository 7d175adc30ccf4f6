"""Scopes an API key may hold. `<resource>:write` implies `<resource>:read`; `*` is everything."""

RESOURCES = (
    "company",
    "api_keys",
    "clients",
    "products",
    "series",
    "invoices",
    "quotes",
    "webhooks",
    # An account's: its companies, and the keys it mints for them (/v1/companies).
    "companies",
    "keys",
)
# Resources the API only lets keys read: the events feed (GET /v1/events).
READ_ONLY = ("events",)
ALL = "*"
SCOPES = frozenset(
    {ALL}
    | {f"{r}:{a}" for r in RESOURCES for a in ("read", "write")}
    | {f"{r}:read" for r in READ_ONLY}
)


def grants(held: frozenset[str], needed: str) -> bool:
    if ALL in held or needed in held:
        return True
    resource, _, action = needed.partition(":")
    return action == "read" and f"{resource}:write" in held
