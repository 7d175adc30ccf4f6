"""OpenAPI operation ids named for what they do: `invoices-create_invoice` rather than FastAPI's
default `create_invoice_v1_invoices_post`.

The id is the route's first tag and its name, which is unique across the API even where two
tags share a name (`company-get_company`, `companies-get_company`). The SDK (sdk/python) is
generated per tag with the tag's part taken off, as FastAPI's guide to generating clients does,
so it reads `api.invoices.create_invoice`."""

import re

from fastapi.routing import APIRoute

SEPARATOR = "-"


def tag_part(tag: str) -> str:
    """A tag as it stands in an operation id: `recurring invoices` -> `recurring_invoices`."""
    return re.sub(r"\W+", "_", tag).strip("_").lower()


def operation_id(route: APIRoute) -> str:
    if not route.tags:
        return route.name
    return f"{tag_part(str(route.tags[0]))}{SEPARATOR}{route.name}"
