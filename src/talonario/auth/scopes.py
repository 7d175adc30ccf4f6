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
ALL = "*"
SCOPES = frozenset({ALL} | {f"{r}:{a}" for r in RESOURCES for a in ("read", "write")})


def grants(held: frozenset[str], needed: str) -> bool:
    if ALL in held or needed in held:
        return True
    resource, _, action = needed.partition(":")
    return action == "read" and f"{resource}:write" in held
