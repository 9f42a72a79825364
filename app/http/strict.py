"""Strict requests: a query string or path that is not clean UTF-8 text, a query parameter the
operation does not document, a one-value parameter given twice, or a date not written YYYY-MM-DD
is a 422 that names it, rather than being silently ignored, mangled, overridden or guessed."""

import functools
import re
from typing import Any
from urllib.parse import unquote_to_bytes

from fastapi import FastAPI
from starlette.datastructures import QueryParams
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.errors import problem

Errors = list[dict[str, str]]
OPERATION_CACHE_SIZE = 4096


class Operation:
    """A documented operation's query parameters: all of them, and those that take one value."""

    def __init__(self, parameters: list[dict[str, Any]]) -> None:
        query = [parameter for parameter in parameters if parameter["in"] == "query"]
        self.names = frozenset(parameter["name"] for parameter in query)
        self.singles = frozenset(p["name"] for p in query if not takes_many(p["schema"]))
        self.dates = frozenset(p["name"] for p in query if is_date(p["schema"]))

    def errors(self, query_string: bytes) -> Errors:
        pairs = QueryParams(query_string).multi_items()
        given = [name for name, _ in pairs]
        unknown = [
            {"location": f"query.{name}", "message": "unknown parameter"}
            for name in sorted(set(given) - self.names)
        ]
        repeated = [
            {"location": f"query.{name}", "message": "given more than once; it takes one value"}
            for name in sorted(self.singles)
            if given.count(name) > 1
        ]
        # pydantic would also take "0" or "1723680000" as a date (seconds since 1970).
        dates = [
            {"location": f"query.{name}", "message": "expected a date as YYYY-MM-DD"}
            for name, value in pairs
            if name in self.dates and not ISO_DATE.fullmatch(value)
        ]
        return unknown + repeated + dates


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_date(schema: dict[str, Any]) -> bool:
    return any(variant.get("format") == "date" for variant in schema.get("anyOf", [schema]))


def takes_many(schema: dict[str, Any]) -> bool:
    """Whether a parameter's schema is an array (possibly inside anyOf, as `list[str] | None`)."""
    return any(variant.get("type") == "array" for variant in schema.get("anyOf", [schema]))


def documented_operations(api: FastAPI) -> list[tuple[re.Pattern[str], str, Operation]]:
    """(path pattern, method, operation) for each operation of the OpenAPI schema, fixed paths
    before templated ones, so that a literal segment wins over a `{parameter}`."""
    operations = [
        (compile_path(path)[0], method, Operation(operation.get("parameters", [])))
        for path, methods in api.openapi()["paths"].items()
        for method, operation in methods.items()
    ]
    return sorted(operations, key=lambda entry: entry[0].pattern.count("(?P<"))


def text_errors(scope: Scope) -> Errors:
    """Each part of the raw path or query string that is not UTF-8 text free of NUL."""
    message = "not valid UTF-8 text (a NUL byte or a lone surrogate?)"
    errors = []
    if not is_clean_text(scope.get("raw_path") or b""):
        errors.append({"location": "path", "message": message})
    for pair in scope["query_string"].split(b"&"):
        name, _, value = pair.partition(b"=")
        if not (is_clean_text(name) and is_clean_text(value)):
            label = unquote_to_bytes(name).decode("utf-8", "replace").replace("\x00", "?")
            errors.append({"location": f"query.{label}", "message": message})
    return errors


def is_clean_text(raw: bytes) -> bool:
    """Whether percent-encoded `raw` decodes to UTF-8 text without NUL."""
    try:
        return "\x00" not in unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False


class StrictQuery:
    """Answer 422 to a request whose path or query string breaks the rules above."""

    def __init__(self, app: ASGIApp, api: FastAPI) -> None:
        self.app = app
        self.api = api
        self.operations: list[tuple[re.Pattern[str], str, Operation]] | None = None
        # The operation of each (method, path) asked lately: a scan of every path pattern costs
        # more than the rest of this check, and most traffic asks for the same few paths.
        self.operation = functools.lru_cache(maxsize=OPERATION_CACHE_SIZE)(self.find_operation)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        errors = self.errors(scope) if scope["type"] == "http" else []
        if errors:
            detail = "; ".join(f"{error['location']}: {error['message']}" for error in errors)
            await problem(422, detail, scope["path"], errors=errors)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def errors(self, scope: Scope) -> Errors:
        errors = text_errors(scope)
        operation = self.operation(scope["method"], scope["path"])
        if not errors and operation is not None:
            errors = operation.errors(scope["query_string"])
        return errors

    def find_operation(self, method: str, path: str) -> Operation | None:
        """The documented operation that `method` on `path` asks for, if any."""
        if self.operations is None:
            self.operations = documented_operations(self.api)
        method = "get" if method == "HEAD" else method.lower()
        for pattern, operation_method, operation in self.operations:
            if operation_method == method and pattern.match(path):
                return operation
        return None
