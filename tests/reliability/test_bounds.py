"""Bounded work (OWASP API4): every list, string and body has a documented or enforced cap."""

from collections.abc import Iterator
from typing import Any

from fastapi.testclient import TestClient

from app.config import Settings
from tests.reliability.conftest import assert_documented_problem, operations


def query_parameters(client: TestClient) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(path, parameter, non-null schema variant) of every query parameter."""
    for template, operation in operations(client):
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "query":
                continue
            for variant in parameter["schema"].get("anyOf", [parameter["schema"]]):
                if variant.get("type") != "null":
                    yield template, parameter, variant


def test_every_string_parameter_is_length_capped(client: TestClient) -> None:
    checked = 0
    for template, parameter, variant in query_parameters(client):
        where = (template, parameter["name"])
        if variant.get("type") == "array":
            assert "maxItems" in variant, where
            variant = variant["items"]
        parsed = {"enum", "const"} & set(variant) or variant.get("format") in {"date", "date-time"}
        if variant.get("type") == "string" and not parsed:
            assert variant.get("maxLength", 10**9) <= 1000, where
            checked += 1
    assert checked >= 20


def test_every_integer_parameter_is_capped_and_page_sizes_are_at_most_500(
    client: TestClient,
) -> None:
    limits = 0
    for template, parameter, variant in query_parameters(client):
        if variant.get("type") == "integer":
            assert "maximum" in variant, (template, parameter["name"])
            if parameter["name"] == "limit":
                assert variant["maximum"] <= 500, template
                limits += 1
    assert limits >= 10
    assert_documented_problem(client.get("/v1/quotes", params={"limit": 501}), 422)


def test_path_parameters_are_length_capped(client: TestClient) -> None:
    for template, operation in operations(client):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path" and parameter["schema"].get("type") == "string":
                assert parameter["schema"].get("maxLength", 10**9) <= 200, template
    assert_documented_problem(client.get("/v1/quotes/" + "a" * 201), 422)


def test_a_request_body_over_the_limit_is_a_413(client: TestClient) -> None:
    limit = Settings().max_request_body_bytes
    response = client.request("GET", "/v1/quotes", content=b"x" * (limit + 1))
    body = assert_documented_problem(response, 413)
    assert f"{limit} bytes" in body["detail"]
    write_limit = Settings().max_write_body_bytes
    assert_documented_problem(client.post("/v1/quotes", content=b"{}" * write_limit), 413)

    def chunks() -> Iterator[bytes]:
        for _ in range(limit):
            yield b"xx"

    assert_documented_problem(client.request("GET", "/v1/quotes", content=chunks()), 413)
    assert client.request("GET", "/v1/meta", content=b"small").status_code == 200


def test_the_limits_are_documented_on_every_operation(client: TestClient) -> None:
    for _template, operation in operations(client):
        for status in ("413", "422", "503"):
            assert "application/problem+json" in operation["responses"][status]["content"]


def test_two_host_headers_are_a_400(client: TestClient) -> None:
    response = client.get("/v1/topics", headers=[("Host", "a.example"), ("Host", "b.example")])
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert "one Host header" in response.json()["detail"]
