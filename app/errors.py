"""Domain errors that carry their HTTP status, and the one problem+json body they all become."""

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.db.budget import is_over_budget

PROBLEM_JSON = "application/problem+json"


class DomainError(Exception):
    """An error a client can act on; `status` is its HTTP status."""

    status: int = 400

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class NotFound(DomainError):
    status = 404


class InvalidParameter(DomainError):
    status = 422


def problem(status: int, detail: str, instance: str, **extra: Any) -> JSONResponse:
    """An RFC 9457 problem details response."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


async def on_domain_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    return problem(error.status, error.detail, request.url.path, **error.extra)


async def on_validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = [
        {"location": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
        for item in error.errors()
    ]
    detail = "; ".join(f"{item['location']}: {item['message']}" for item in errors)
    return problem(422, detail or "invalid request", request.url.path, errors=errors)


async def on_http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    response = problem(error.status_code, str(error.detail), request.url.path)
    for name, value in (error.headers or {}).items():
        response.headers[name] = value
    return response


async def on_database_error(request: Request, error: Exception) -> JSONResponse:
    if not is_over_budget(error):
        raise error  # to the catch-all, which logs it and answers a bare 500
    detail = "the query ran longer than its time budget and was cancelled; narrow it or retry"
    response = problem(503, detail, request.url.path)
    response.headers["Retry-After"] = "1"
    return response


async def on_unexpected_error(request: Request, error: Exception) -> JSONResponse:
    return problem(500, "the server failed to answer this request", request.url.path)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(OperationalError, on_database_error)
    app.add_exception_handler(Exception, on_unexpected_error)
