"""Schemathesis hooks for what a query string cannot carry, loaded by `schemathesis.toml` (the
CLI) and by tests/fuzz (in-process): the same rules for both runs."""

from typing import Any

import schemathesis
from schemathesis.hooks import HookContext


@schemathesis.hook
def filter_query(ctx: HookContext, query: dict[str, Any] | None) -> bool:
    """Drop cases that send a number, boolean or null to a text parameter: a query string carries
    them as text (`0`, `true`, `false`), which that parameter rightly accepts, so a case meant to
    be invalid is not once it is sent."""
    return not any(
        reads_as_text(value) and takes_text(ctx, name) for name, value in (query or {}).items()
    )


def reads_as_text(value: Any) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(not isinstance(v, str) or v in ("true", "false") for v in values)


def takes_text(ctx: HookContext, name: str) -> bool:
    parameter = ctx.operation.get_parameter(name, "query") if ctx.operation else None
    if parameter is None:
        return False
    schema = parameter.definition.get("schema", {})
    variants = [v.get("items", v) for v in schema.get("anyOf", [schema])]
    return any(variant.get("type") == "string" and "enum" not in variant for variant in variants)
