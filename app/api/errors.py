"""Every error becomes one RFC 9457 problem+json body, rendered here and nowhere else."""

import logging
import sqlite3
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.db.availability import is_unavailable
from app.db.budget import is_over_budget
from app.errors import DatabaseUnavailable, DomainError, Moved, Unavailable
from app.schemas.common import PROBLEM_JSON, Problem, problem_body, problem_response

log = logging.getLogger(__name__)


def problem(status: int, detail: str, instance: str, **extra: Any) -> JSONResponse:
    """An RFC 9457 problem details response."""
    body = problem_body(status, detail, instance, **extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def error_problem(error: DomainError, instance: str) -> JSONResponse:
    """The problem answer for a domain error, with its headers (`Retry-After`,
    `WWW-Authenticate`) where it has any."""
    response = problem(error.status, error.detail, instance, **error.extra)
    response.headers.update(error.headers())
    return response


async def on_domain_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    response = error_problem(error, request.url.path)
    if isinstance(error, Moved):
        response.headers["Location"] = moved_url(request, error)
    return response


def moved_url(request: Request, error: Moved) -> str:
    """The request's URL with the replaced id's path segment read as its successor."""
    old, new = quote(error.record_id, safe=""), quote(error.successor, safe="")
    path = "/".join(new if part == old else part for part in request.url.path.split("/"))
    return str(request.url.replace(path=path))


# pydantic's words replaced by the API's, by error type.
MESSAGES = {"extra_forbidden": "unknown parameter"}


async def on_validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    found = error.errors()
    # A name the route does not take is most often a misspelt one: it is reported alone, without
    # what follows from it (a required parameter then missing).
    unknown = [item for item in found if item["type"] == "extra_forbidden"]
    errors = sorted(
        (
            {
                "location": ".".join(str(part) for part in item["loc"]),
                "message": MESSAGES.get(item["type"], item["msg"]),
            }
            for item in unknown or found
        ),
        key=lambda item: item["location"],
    )
    detail = "; ".join(f"{item['location']}: {item['message']}" for item in errors)
    return problem(422, detail or "invalid request", request.url.path, errors=errors)


async def on_http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    response = problem(error.status_code, str(error.detail), request.url.path)
    for name, value in (error.headers or {}).items():
        response.headers[name] = value
    return response


async def on_database_error(request: Request, error: Exception) -> JSONResponse:
    if is_over_budget(error):
        detail = "the query ran longer than its time budget and was cancelled; narrow it or retry"
        return error_problem(Unavailable(detail), request.url.path)
    if is_unavailable(error):
        log.error("the database is unavailable answering %s", request.url.path, exc_info=error)
        detail = "the database is unavailable (missing, unreadable or unreachable); retry later"
        return error_problem(DatabaseUnavailable(detail), request.url.path)
    return await on_unexpected_error(request, error)


async def on_unexpected_error(request: Request, error: BaseException) -> JSONResponse:
    log.error("unhandled error answering %s", request.url.path, exc_info=error)
    return problem(500, "the server failed to answer this request", request.url.path)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(SQLAlchemyError, on_database_error)
    # The driver's own errors reach here unwrapped when a connection's set-up fails (a file that
    # is not a database fails the first pragma).
    app.add_exception_handler(sqlite3.Error, on_database_error)
    # Routes answer their own unexpected errors (app.api.routing); this one takes the rest.
    app.add_exception_handler(Exception, on_unexpected_error)


def document_problems(api: FastAPI) -> None:
    """Document on every operation the problems that any request may get from the layers every
    request passes (app.http.admission), and the Problem schema that every problem answer of
    the document refers to (routes declare theirs as problem+json alone, without a model)."""
    build_schema = api.openapi

    def openapi_with_problems() -> dict[str, Any]:
        if api.openapi_schema is None:
            schema = build_schema()
            components = schema.setdefault("components", {})
            schemas = {**components.get("schemas", {}), **PROBLEM_SCHEMAS}
            components["schemas"] = dict(sorted(schemas.items()))  # in FastAPI's order
            for methods in schema["paths"].values():
                for operation in methods.values():
                    for status, response in SHARED_RESPONSES.items():
                        operation["responses"].setdefault(status, response)
        return api.openapi_schema or build_schema()

    api.openapi = openapi_with_problems  # type: ignore[method-assign]


PROBLEM_SCHEMA = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
PROBLEM_SCHEMAS = {"Problem": PROBLEM_SCHEMA, **PROBLEM_SCHEMA.pop("$defs")}
SHARED_RESPONSES = {
    "413": problem_response(
        "The request has a body; this API reads none past a small limit.",
        413,
        "request bodies are limited to 1024 bytes",
        "/v1/quotes",
    ),
    "422": problem_response(
        "A parameter is invalid or unknown; `errors` names each.",
        422,
        "query.yyy: unknown parameter",
        "/v1/meta",
        errors=[{"location": "query.yyy", "message": "unknown parameter"}],
    ),
    "503": problem_response(
        "Over a limit (requests at once, the request's deadline, a query's time budget), or the"
        " database is unavailable: retry after `Retry-After`.",
        503,
        "the query ran longer than its time budget and was cancelled; narrow it or retry",
        "/v1/search",
    ),
}
