"""What a route's parameter model cannot see in the query string: a one-value parameter given
twice (the model is handed the last value only) and bytes that are not clean text."""

import functools
from typing import Any, get_args, get_origin
from urllib.parse import unquote_to_bytes

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.datastructures import QueryParams
from starlette.types import Scope

Errors = list[dict[str, Any]]
NOT_TEXT = "not valid UTF-8 text (a NUL byte or a lone surrogate?)"
REPEATED = "given more than once; it takes one value"
ONE_VALUE_NAMES = "summitkb_one_value_names"


async def plain_query(request: Request) -> None:
    """422 for a path or query string that is not clean text, or that repeats a one-value name."""
    errors = text_errors(request.scope)
    route = request.scope.get("route")
    if not errors and isinstance(route, APIRoute):
        errors = repeated(request.scope["query_string"], route_one_value_names(route))
    if errors:
        raise RequestValidationError(errors)


# The dependency every router declares, so that it runs before the route's own parameters.
PLAIN_QUERY = Depends(plain_query)


def error(location: tuple[str, ...], message: str) -> dict[str, Any]:
    return {"type": "value_error", "loc": location, "msg": message}


def text_errors(scope: Scope) -> Errors:
    """Each part of the raw path or query string that is not UTF-8 text free of NUL."""
    errors = []
    if not is_clean_text(scope.get("raw_path") or b""):
        errors.append(error(("path",), NOT_TEXT))
    for pair in scope["query_string"].split(b"&"):
        name, _, value = pair.partition(b"=")
        if not (is_clean_text(name) and is_clean_text(value)):
            label = unquote_to_bytes(name).decode("utf-8", "replace").replace("\x00", "?")
            errors.append(error(("query", label), NOT_TEXT))
    return errors


def is_clean_text(raw: bytes) -> bool:
    """Whether percent-encoded `raw` decodes to UTF-8 text without NUL."""
    try:
        return "\x00" not in unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False


def repeated(query_string: bytes, one_value: frozenset[str]) -> Errors:
    given = [name for name, _ in QueryParams(query_string).multi_items()]
    return [error(("query", name), REPEATED) for name in sorted(one_value) if given.count(name) > 1]


def route_one_value_names(route: APIRoute) -> frozenset[str]:
    """`one_value_names(route)`, worked out on the route's first request and kept on it (a
    route's parameters do not change once it is built; routes are not hashable)."""
    names: frozenset[str] | None = route.__dict__.get(ONE_VALUE_NAMES)
    if names is None:
        names = route.__dict__[ONE_VALUE_NAMES] = one_value_names(route)
    return names


def one_value_names(route: APIRoute) -> frozenset[str]:
    """The query names `route` declares that take one value (not a list)."""
    names: set[str] = set()
    for field in query_fields(route.dependant):
        annotation = field.field_info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names |= model_one_value_names(annotation)
        elif not takes_many(annotation):
            names.add(field.alias)
    return frozenset(names)


@functools.cache
def model_one_value_names(model: type[BaseModel]) -> frozenset[str]:
    fields = model.model_fields.items()
    return frozenset(info.alias or name for name, info in fields if not takes_many(info.annotation))


def query_fields(dependant: Dependant) -> list[Any]:
    """The query parameters of `dependant` and of its dependencies."""
    found = list(dependant.query_params)
    for dependency in dependant.dependencies:
        found += query_fields(dependency)
    return found


def takes_many(annotation: Any) -> bool:
    """Whether a parameter's type is a list (possibly in a union, as `list[str] | None`)."""
    return any(get_origin(kind) is list for kind in (annotation, *get_args(annotation)))
