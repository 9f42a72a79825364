"""Parameters are declared at the route: the OpenAPI document says what the server enforces."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.domain import SLUG_PATTERN
from tests.api.helpers import assert_problem

CURSOR_PATTERN = "^[A-Za-z0-9_-]+$"


def parameters(client: TestClient) -> list[tuple[str, dict[str, Any]]]:
    schema = client.get("/openapi.json").json()
    return [
        (path, parameter)
        for path, methods in schema["paths"].items()
        for parameter in methods.get("get", {}).get("parameters", [])
    ]


def variants(parameter: dict[str, Any]) -> list[dict[str, Any]]:
    """The non-null schemas a parameter takes, items of an array included."""
    found = parameter["schema"].get("anyOf", [parameter["schema"]])
    found = [variant.get("items", variant) for variant in found]
    return [variant for variant in found if variant.get("type") != "null"]


def test_every_id_parameter_declares_the_slug_pattern(client: TestClient) -> None:
    ids = [
        (path, parameter)
        for path, parameter in parameters(client)
        if parameter["name"].endswith("_id")
        or parameter["name"] in {"actor", "speaker", "participant", "topic", "event", "source"}
    ]
    assert len(ids) >= 15
    for path, parameter in ids:
        assert variants(parameter)[0]["pattern"] == SLUG_PATTERN, (path, parameter["name"])


def test_every_cursor_declares_its_form_and_length(client: TestClient) -> None:
    cursors = [parameter for _, parameter in parameters(client) if parameter["name"] == "cursor"]
    assert len(cursors) >= 10
    for parameter in cursors:
        assert variants(parameter)[0]["pattern"] == CURSOR_PATTERN
        assert variants(parameter)[0]["maxLength"] == 1000


def test_every_date_parameter_is_a_date(client: TestClient) -> None:
    dates = [
        parameter
        for _, parameter in parameters(client)
        if parameter["name"] in {"from", "to", "as_of", "said_from", "said_to"}
    ]
    assert len(dates) >= 5
    assert all(variants(parameter)[0]["format"] == "date" for parameter in dates)


@pytest.mark.parametrize(
    "path",
    ["/v1/events/Not_A_Slug", "/v1/actors/vladimir--putin/quotes", "/v1/topics/-ceasefire"],
)
def test_an_id_that_is_not_a_slug_is_a_422_naming_the_path(client: TestClient, path: str) -> None:
    body = assert_problem(client.get(path), 422, "should match pattern")
    assert body["errors"][0]["location"].startswith("path.")


@pytest.mark.parametrize("value", ["0", "1723680000", "2025-8-15", "15.08.2025"])
def test_a_date_not_written_yyyy_mm_dd_is_a_422(client: TestClient, value: str) -> None:
    body = assert_problem(client.get("/v1/timeline", params={"from": value}), 422, "YYYY-MM-DD")
    expected = {"location": "query.from", "message": "expected a date as YYYY-MM-DD"}
    assert body["errors"] == [expected]


def test_a_misspelt_name_is_reported_alone(client: TestClient) -> None:
    body = assert_problem(client.get("/v1/search", params={"query": "ceasefire"}), 422, "query")
    assert body["errors"] == [{"location": "query.query", "message": "unknown parameter"}]


def test_list_filters_may_repeat_and_one_value_names_may_not(client: TestClient) -> None:
    assert client.get("/v1/events?topic=ceasefire&topic=security-guarantees").status_code == 200
    body = assert_problem(client.get("/v1/search?q=a&q=b"), 422, "query.q")
    assert body["errors"] == [
        {"location": "query.q", "message": "given more than once; it takes one value"}
    ]


def test_format_passes_to_every_json_route(client: TestClient) -> None:
    for path in ("/v1/meta", "/v1/topics/ceasefire", "/v1/stances", "/v1/timeline"):
        assert client.get(path, params={"format": "json"}).status_code == 200, path
