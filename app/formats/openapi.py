"""The alternative formats in the OpenAPI document: `format`, media types, 304 and 406 answers."""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.formats.columns import columns_of
from app.formats.jsonld import CONTEXT
from app.formats.negotiation import CSV, FORMATS, JSONLD, NDJSON
from app.formats.routes import json_routes, rows_of

FORMAT_PARAMETER = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": (
        "Answer as `json` (default), `csv`, `ndjson` or `jsonld`; the same as `Accept:`"
        " application/json, text/csv, application/x-ndjson or application/ld+json."
        " CSV and NDJSON stream every matching record unless `limit` is given."
    ),
    "schema": {"type": "string", "enum": list(FORMATS)},
    "examples": {name: {"value": name, "summary": media} for name, media in FORMATS.items()},
}
CONDITIONAL_PARAMETERS = [
    {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "ETags of copies held; a match answers 304 Not Modified.",
        "schema": {"type": "string"},
        "example": 'W/"5d41402abc4b2a76b9719d911017c592"',
    },
    {
        "name": "If-Modified-Since",
        "in": "header",
        "required": False,
        "description": "Answers 304 if the dataset was loaded at or before this time.",
        "schema": {"type": "string"},
        "example": "Fri, 15 Aug 2025 23:00:00 GMT",
    },
]
VALIDATOR_HEADERS = {
    "ETag": {"description": "Weak tag of this answer.", "schema": {"type": "string"}},
    "Last-Modified": {"description": "When the dataset was loaded.", "schema": {"type": "string"}},
    "X-Dataset-Version": {"description": "Version of the dataset.", "schema": {"type": "string"}},
}
NOT_MODIFIED = {"description": "The copy named by If-None-Match / If-Modified-Since is current."}
NOT_ACCEPTABLE = {
    "description": "No media type in `Accept` is offered.",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
}


def alternative_content(route: APIRoute) -> dict[str, Any]:
    """The CSV, NDJSON and JSON-LD entries of a route's 200 answer, with examples."""
    _, models = rows_of(route.response_model)
    header = ",".join(column.name for column in columns_of(models))
    return {
        CSV: {"schema": {"type": "string"}, "example": header + "\r\n"},
        NDJSON: {"schema": {"type": "string"}, "example": '{"id": "..."}\n{"id": "..."}\n'},
        JSONLD: {"schema": {"type": "object"}, "example": {"@context": CONTEXT, "@type": "..."}},
    }


def document_formats(app: FastAPI, schema: dict[str, Any]) -> None:
    """Add the formats, the conditional headers and their answers to every JSON GET operation."""
    for found in json_routes(app):
        route = found.route
        if not route.include_in_schema or found.path not in schema["paths"]:
            continue
        operation = schema["paths"][found.path]["get"]
        operation.setdefault("parameters", []).extend([FORMAT_PARAMETER, *CONDITIONAL_PARAMETERS])
        ok = operation["responses"]["200"]
        ok.setdefault("content", {}).update(alternative_content(route))
        ok["headers"] = VALIDATOR_HEADERS
        operation["responses"]["304"] = NOT_MODIFIED
        operation["responses"]["406"] = NOT_ACCEPTABLE


def install_openapi(app: FastAPI) -> None:
    """Make `app.openapi()` describe the formats of every JSON GET route."""
    build_schema: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document_formats(app, build_schema())
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]
