"""What a route's parameter model cannot see in the query string: a one-value parameter given
twice (the model is handed the last value only) and bytes that are not clean text."""

import functools
from typing import Any, get_args, get_origin
from urllib.parse import unquote_to_bytes

from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.datastructures import QueryParams
from starlette.types import Scope

Errors = list[dict[str, Any]]
NOT_TEXT = "not valid UTF-8 text (a NUL byte or a lone surrogate?)"
REPEATED = "given more than once; it takes one value"


def check_plain_query(scope: Scope, one_value: frozenset[str]) -> None:
    """422 for a path or query string that is not clean text, or that repeats a name of
    `one_value` (app.api.routing runs it before the route reads any parameter)."""
    errors = text_errors(scope)
    if not errors and one_value:
        errors = repeated(scope["query_string"], one_value)
    if errors:
        raise RequestValidationError(errors)


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
    if raw.isascii() and b"%" not in raw and b"\x00" not in raw:
        return True  # most are: nothing to decode
    try:
        return "\x00" not in unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False


def repeated(query_string: bytes, one_value: frozenset[str]) -> Errors:
    given = [name for name, _ in QueryParams(query_string).multi_items()]
    return [error(("query", name), REPEATED) for name in sorted(one_value) if given.count(name) > 1]


def one_value_names(dependant: Dependant) -> frozenset[str]:
    """The query names a route (its `dependant`) declares that take one value (not a list)."""
    names: set[str] = set()
    for field in query_fields(dependant):
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
