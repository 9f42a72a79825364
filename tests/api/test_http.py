"""What every endpoint shares: the problem+json shape, docs, citations that check out."""

from typing import Any

from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, walk


def test_the_problem_shape_is_pinned(client: TestClient) -> None:
    body = client.get("/v1/quotes/missing").json()
    assert body == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "no quote with id 'missing'",
        "instance": "/v1/quotes/missing",
    }
    invalid = client.get("/v1/quotes", params={"limit": 0}).json()
    assert set(invalid) == {"type", "title", "status", "detail", "instance", "errors"}
    assert invalid["errors"] == [
        {"location": "query.limit", "message": "Input should be greater than or equal to 1"}
    ]


def test_unknown_paths_and_methods_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/v1/nothing-here"), 404, "Not Found")
    response = client.put("/v1/quotes")
    assert_problem(response, 405, "Method Not Allowed")
    # Read by one router and written by another: the 405 names the methods of both.
    assert response.headers["allow"] == "GET, POST"
    assert (
        client.put("/v1/quotes/putin-next-time-in-moscow").headers["allow"] == "DELETE, GET, PATCH"
    )
    assert client.put("/v1/topics").headers["allow"] == "GET, POST"
    assert client.put("/v1/meta").headers["allow"] == "GET"


def test_docs_and_schema_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    schema = client.get("/openapi.json").json()
    assert "/v1/quotes" in schema["paths"]
    limit = next(
        p for p in schema["paths"]["/v1/quotes"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == 500


def test_every_operation_is_described(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("description") or operation.get("summary"), (method, path)
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    assert parameter.get("description"), (path, parameter["name"])


def cited_records(client: TestClient) -> list[dict[str, Any]]:
    records = []
    for resource in ("quotes", "events", "positions", "actors"):
        for item in walk(client, f"/v1/{resource}", limit=500):
            records.append(item)
            records += item.get("affiliations", [])
    return records


def test_every_citation_is_the_text_at_its_offsets(client: TestClient) -> None:
    texts: dict[str, str] = {}
    checked = 0
    for record in cited_records(client):
        for citation in record["citations"]:
            source = citation["source_id"]
            if source not in texts:
                texts[source] = client.get(f"/v1/sources/{source}/text").text
            assert texts[source][citation["start"] : citation["end"]] == citation["excerpt"]
            sliced = client.get(
                f"/v1/sources/{source}/text",
                params={"start": citation["start"], "end": citation["end"]},
            )
            assert sliced.text == citation["excerpt"]
            if "speaker" in record:
                assert record["text"] in citation["excerpt"]
            checked += 1
    assert checked == 11


def test_every_field_is_documented(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    undocumented = [
        f"{name}.{prop}"
        for name, schema in schemas.items()
        for prop, spec in schema.get("properties", {}).items()
        if not (spec.get("description") or spec.get("examples"))
        and name not in {"ValidationError", "HTTPValidationError"}
    ]
    assert undocumented == []
