"""Content negotiation: `?format=` over `Accept`, 406 for types we do not offer, 422 for formats."""

import pytest
from fastapi.testclient import TestClient

from app.formats.negotiation import CSV, JSON, JSONLD, NDJSON, from_accept
from tests.api.helpers import assert_problem

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/json", JSON),
        (BROWSER, JSON),
        ("text/csv", CSV),
        ("TEXT/CSV; charset=utf-8", CSV),
        ("text/*", CSV),
        ("application/x-ndjson", NDJSON),
        ("application/ndjson", NDJSON),
        ("application/ld+json", JSONLD),
        ("text/csv;q=0.5, application/ld+json", JSONLD),
        ("application/json;q=0.1, text/csv;q=0.9", CSV),
        ("text/csv;q=0, application/json", JSON),
        ("image/png, text/csv;q=0.2", CSV),
        ("*/*;q=0.1, application/x-ndjson", NDJSON),
        ("image/png", None),
        ("text/csv;q=0", None),
        ("application/xml", None),
        ("text/csv;q=oops", None),
    ],
)
def test_accept_headers(accept: str | None, chosen: str | None) -> None:
    assert from_accept(accept) == chosen


def test_browsers_and_plain_clients_get_json(client: TestClient) -> None:
    for accept in ("*/*", "application/json", BROWSER):
        response = client.get("/v1/topics", headers={"Accept": accept})
        assert response.headers["content-type"] == "application/json", accept
        assert response.json()["items"]


def test_an_unmet_accept_is_406(client: TestClient) -> None:
    response = client.get("/v1/quotes", headers={"Accept": "application/xml"})
    body = assert_problem(response, 406, "available: application/json, text/csv")
    assert body["title"] == "Not Acceptable"
    assert_problem(client.get("/v1/quotes/missing", headers={"Accept": "image/png"}), 406, "")


def test_an_unknown_format_is_422(client: TestClient) -> None:
    body = assert_problem(client.get("/v1/quotes", params={"format": "xml"}), 422, "format")
    assert body["errors"] == [{"location": "query.format", "message": "unknown format 'xml'"}]


def test_format_wins_over_accept(client: TestClient) -> None:
    response = client.get("/v1/topics", params={"format": "json"}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"] == "application/json"
    response = client.get("/v1/topics", params={"format": "csv"}, headers={"Accept": "image/png"})
    assert response.headers["content-type"].startswith("text/csv")


def test_non_json_routes_are_left_alone(client: TestClient) -> None:
    text = client.get("/v1/sources/afp-2025-08-15/text", headers={"Accept": "text/csv"})
    assert text.status_code == 200
    assert text.headers["content-type"].startswith("text/plain")


def test_openapi_documents_the_formats(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/v1/quotes"]["get"]
    parameter = next(p for p in operation["parameters"] if p["name"] == "format")
    assert parameter["schema"]["enum"] == ["json", "csv", "ndjson", "jsonld"]
    assert set(parameter["examples"]) == {"json", "csv", "ndjson", "jsonld"}
    content = operation["responses"]["200"]["content"]
    assert set(content) == {"application/json", "text/csv", "application/x-ndjson", JSONLD}
    assert content["text/csv"]["example"].startswith("id,text,speaker_id,speaker_name,")
    assert {"304", "406"} <= set(operation["responses"])
    assert "ETag" in operation["responses"]["200"]["headers"]
    for path in ("/v1/actors/{actor_id}/quotes", "/v1/topics", "/v1/meta"):
        names = [p["name"] for p in schema["paths"][path]["get"]["parameters"]]
        assert "format" in names and "If-None-Match" in names, path
    text_route = schema["paths"]["/v1/sources/{source_id}/text"]["get"]
    assert "format" not in [p["name"] for p in text_route["parameters"]]
