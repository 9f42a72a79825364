"""Every route is documented, every documented path is served, and other methods get a 405."""

from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from tests.reliability.conftest import assert_documented_problem, fill_path, operations

# Routes served outside the OpenAPI schema on purpose: the schema itself, the HTML pages (docs,
# explorer) and their assets, and the Prometheus scrape endpoint.
UNDOCUMENTED = {
    *("/", "/explore", "/explore/{view:path}", "/docs", "/openapi.json", "/metrics"),
    *("/static", "/vendor/swagger-ui"),
}
OTHER_METHODS = ("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "BREW")


def served_paths(routes: list[Any]) -> dict[str, bool]:
    """Every path the application routes, and whether it is meant to be in the schema."""
    paths: dict[str, bool] = {}
    for route in routes:
        if isinstance(route, APIRoute):
            paths[route.path] = route.include_in_schema
        elif isinstance(route, Route | Mount):
            paths[route.path] = False
        elif hasattr(route, "original_router"):  # a router included with include_router
            paths.update(served_paths(route.original_router.routes))
    return paths


def test_the_routes_are_the_openapi_paths(client: TestClient) -> None:
    app = client.app
    assert isinstance(app, FastAPI)
    served = served_paths(app.routes)
    documented = set(app.openapi()["paths"])
    assert {path for path, in_schema in served.items() if in_schema} == documented
    assert {path for path, in_schema in served.items() if not in_schema} <= UNDOCUMENTED
    for template, _ in operations(client):
        assert client.get(fill_path(template)).status_code != 405, template


def test_other_methods_get_a_405_with_allow(client: TestClient) -> None:
    checked = 0
    paths = client.get("/openapi.json").json()["paths"]
    for template, _ in operations(client):
        for method in OTHER_METHODS:
            if method.lower() in paths[template]:  # a write of the same path
                continue
            response = client.request(method, fill_path(template))
            body = assert_documented_problem(response, 405)
            assert "GET" in response.headers["allow"].split(", "), (method, template)
            assert body["title"] == "Method Not Allowed"
            checked += 1
    assert checked >= 20 * len(OTHER_METHODS)
