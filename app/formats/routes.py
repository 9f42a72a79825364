"""The application's JSON GET routes, found the way the router itself finds them.

For each one, `Listing` says where its records are: the `items` of a page, the only list of
objects of another answer (the stance matrix's `cells`), or the answer itself.
"""

from dataclasses import dataclass
from typing import Any, get_args

from fastapi import FastAPI
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from pydantic import BaseModel
from starlette.routing import Match
from starlette.types import Scope

from app.formats.columns import Column, columns_of, models_in

DATA_PREFIX = "/v1/"


@dataclass(frozen=True)
class Listing:
    """How to read records from a route's JSON answer, and how to page through it."""

    path: str
    rows_key: str | None  # `items`, `cells`... or None: the answer is one record
    models: list[type[BaseModel]]  # the records' models (several for a union)
    page_size: int | None  # the largest `limit` the route takes; None if it takes none

    @property
    def columns(self) -> list[Column]:
        return columns_of(self.models)

    def records(self, body: Any) -> list[dict[str, Any]]:
        if self.rows_key is not None and isinstance(body, dict):
            rows: list[dict[str, Any]] = body.get(self.rows_key) or []
            return rows
        return [body]


def _list_models(annotation: Any) -> list[type[BaseModel]]:
    return [model for arg in get_args(annotation) for model in models_in(arg)]


def rows_of(model: Any) -> tuple[str | None, list[type[BaseModel]]]:
    """The field holding a model's records and their models, or (None, [model])."""
    fields = getattr(model, "model_fields", {})
    if "items" in fields and "next" in fields:
        return "items", _list_models(fields["items"].annotation)
    lists = {name: _list_models(f.annotation) for name, f in fields.items()}
    lists = {name: models for name, models in lists.items() if models}
    if len(lists) == 1:
        return next(iter(lists.items()))
    return None, models_in(model)


def limit_maximum(operation: dict[str, Any]) -> int | None:
    """The largest `limit` an OpenAPI operation accepts (None if it has no `limit`)."""
    for parameter in operation.get("parameters", []):
        if parameter["name"] == "limit" and parameter["in"] == "query":
            schema = parameter.get("schema", {})
            variants = schema.get("anyOf", [schema])
            maxima = [v["maximum"] for v in variants if "maximum" in v]
            return int(maxima[0]) if maxima else 100
    return None


@dataclass(frozen=True)
class JsonRoute:
    """A GET route answering with a response model, as mounted (`path` includes prefixes)."""

    context: RouteContext
    route: APIRoute

    @property
    def path(self) -> str:
        return str(self.context.path_format)


def json_routes(app: FastAPI) -> list[JsonRoute]:
    """Every GET route of the API (under DATA_PREFIX) whose answer is a JSON model; operations
    routes (health, metrics) keep the one answer their probes expect."""
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or route.response_model is None:
            continue
        if "GET" in (context.methods or set()) and str(context.path).startswith(DATA_PREFIX):
            found.append(JsonRoute(context, route))
    return found


class RouteFinder:
    """Finds the listing of the JSON GET route serving a request; routes are read on first use."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.routes: list[tuple[JsonRoute, Listing]] | None = None

    def listings(self) -> list[tuple[JsonRoute, Listing]]:
        paths = self.app.openapi().get("paths", {})
        found = []
        for json_route in json_routes(self.app):
            operation = paths.get(json_route.path, {}).get("get", {})
            rows_key, models = rows_of(json_route.route.response_model)
            listing = Listing(json_route.path, rows_key, models, limit_maximum(operation))
            found.append((json_route, listing))
        return found

    def find(self, scope: Scope) -> Listing | None:
        if self.routes is None:
            self.routes = self.listings()
        for json_route, listing in self.routes:
            match, _ = json_route.context.matches(scope)
            if match == Match.FULL:
                return listing
        return None
