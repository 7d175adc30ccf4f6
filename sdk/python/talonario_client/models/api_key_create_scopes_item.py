from typing import Literal, cast

ApiKeyCreateScopesItem = Literal[
    "*",
    "api_keys:read",
    "api_keys:write",
    "clients:read",
    "clients:write",
    "companies:read",
    "companies:write",
    "company:read",
    "company:write",
    "events:read",
    "invoices:read",
    "invoices:write",
    "keys:read",
    "keys:write",
    "products:read",
    "products:write",
    "quotes:read",
    "quotes:write",
    "series:read",
    "series:write",
    "webhooks:read",
    "webhooks:write",
]

API_KEY_CREATE_SCOPES_ITEM_VALUES: set[ApiKeyCreateScopesItem] = {
    "*",
    "api_keys:read",
    "api_keys:write",
    "clients:read",
    "clients:write",
    "companies:read",
    "companies:write",
    "company:read",
    "company:write",
    "events:read",
    "invoices:read",
    "invoices:write",
    "keys:read",
    "keys:write",
    "products:read",
    "products:write",
    "quotes:read",
    "quotes:write",
    "series:read",
    "series:write",
    "webhooks:read",
    "webhooks:write",
}


def check_api_key_create_scopes_item(value: str) -> ApiKeyCreateScopesItem:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(ApiKeyCreateScopesItem, value)
