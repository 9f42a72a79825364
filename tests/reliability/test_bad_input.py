"""Hostile input in every parameter gets a documented 4xx problem, never a 5xx."""

import base64
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

from tests.reliability.conftest import assert_documented_problem, fill_path, operations

NUL = "%00"
LONE_SURROGATE = "%ED%A0%80"  # U+D800 as (invalid) UTF-8
HUGE = str(2**63 + 1)


def string_parameters(client: TestClient) -> list[tuple[str, str, str]]:
    """(path, where, name) of every string or string-list parameter of every operation."""
    found = []
    for template, operation in operations(client):
        for parameter in operation.get("parameters", []):
            variants = parameter["schema"].get("anyOf", [parameter["schema"]])
            kinds = {v.get("type") for v in variants} | {
                v.get("items", {}).get("type") for v in variants
            }
            if "string" in kinds:
                found.append((template, parameter["in"], parameter["name"]))
    return found


def request_with(template: str, where: str, name: str, encoded: str) -> str:
    if where == "path":
        return template.replace("{" + name + "}", f"x{encoded}y")
    return f"{fill_path(template)}?{name}=x{encoded}y"


@pytest.mark.parametrize("encoded", [NUL, LONE_SURROGATE, "%FF"], ids=["nul", "surrogate", "ff"])
def test_bad_text_in_every_string_parameter_is_a_422(client: TestClient, encoded: str) -> None:
    checked = string_parameters(client)
    assert len(checked) >= 20
    for template, where, name in checked:
        url = request_with(template, where, name, encoded)
        body = assert_documented_problem(client.get(url), 422)
        assert body["errors"][0]["location"] in {"path", f"query.{name}"}, url


def test_integers_beyond_2_to_the_63_are_422s(client: TestClient) -> None:
    checked = 0
    for template, operation in operations(client):
        for parameter in operation.get("parameters", []):
            if parameter["schema"].get("anyOf", [parameter["schema"]])[0].get("type") == "integer":
                for value in (HUGE, "-" + HUGE, "1e999"):
                    response = client.get(f"{fill_path(template)}?{parameter['name']}={value}")
                    body = assert_documented_problem(response)
                    # A templated path may first find that record 'x' does not exist.
                    assert body["status"] == 422 or ("{" in template and body["status"] == 404)
                checked += 1
    assert checked >= 10
    for template, _ in operations(client):
        if "{" in template:
            response = client.get(fill_path(template, HUGE))
            assert response.status_code in {404, 422}, template
            assert_documented_problem(response)


def test_a_10_kb_query_string_is_a_422(client: TestClient) -> None:
    long_value = "a" * 10_000
    many = "&".join(["actor=a"] * 1_000)
    for query in (f"actor={long_value}", many, f"cursor={long_value}"):
        assert_documented_problem(client.get(f"/v1/quotes?{query}"), 422)
    for template, _ in operations(client):
        assert_documented_problem(client.get(f"{fill_path(template)}?{'z' * 10_000}=1"))


def test_unknown_parameters_are_422s_that_name_them(client: TestClient) -> None:
    for template, _ in operations(client):
        response = client.get(f"{fill_path(template)}?zzz=1&yyy=2")
        body = assert_documented_problem(response, 422)
        assert [error["location"] for error in body["errors"]] == ["query.yyy", "query.zzz"]
        assert "query.yyy: unknown parameter" in body["detail"]


def test_a_one_value_parameter_given_twice_is_a_422(client: TestClient) -> None:
    body = assert_documented_problem(client.get("/v1/quotes?limit=1&limit=2"), 422)
    assert body["errors"] == [
        {"location": "query.limit", "message": "given more than once; it takes one value"}
    ]
    both = client.get("/v1/quotes?actor=vladimir-putin&actor=alexey-fadeev")
    assert both.status_code == 200


def cursor_of(payload: object) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(payload)).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "!!!",
        "a",
        "%00",
        cursor_of("not a list"),
        cursor_of([]),
        cursor_of(["x", [1, 2, 3]]),
        cursor_of([None, [{"a": 1}, "b"]]),
        cursor_of([None, [["nested"], "b"]]),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    ],
)
def test_malformed_cursors_are_422s(client: TestClient, cursor: str) -> None:
    for path in ("/v1/quotes", "/v1/events", "/v1/positions", "/v1/actors", "/v1/sources"):
        body = assert_documented_problem(client.get(path, params={"cursor": cursor}), 422)
        assert "cursor" in body["detail"]


def test_a_cursor_from_another_query_is_a_422(client: TestClient) -> None:
    page = client.get("/v1/quotes", params={"limit": 1}).json()
    assert page["next"]
    other = client.get(
        "/v1/quotes", params={"limit": 1, "cursor": page["next"], "topic": "ceasefire"}
    )
    body = assert_documented_problem(other, 422)
    assert "another query" in body["detail"]
    for path in ("/v1/events", "/v1/actors", "/v1/positions"):
        assert_documented_problem(client.get(path, params={"cursor": page["next"]}), 422)


def test_a_conditional_request_with_bad_parameters_is_still_a_422(client: TestClient) -> None:
    future = {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
    assert_documented_problem(client.get("/v1/sources?limit=-1", headers=future), 422)


@pytest.mark.parametrize(
    "accept", ["application/x-unknown", "image/png", "*/*;q=0", "garbage;;;", "text/csv;q=abc"]
)
def test_an_unknown_accept_type_is_a_406_problem(client: TestClient, accept: str) -> None:
    for template, operation in operations(client):
        if template.startswith("/v1/") and "{" not in template and template != "/v1/export":
            response = client.get(template, params=required(operation), headers={"Accept": accept})
            assert_documented_problem(response, 406)


def required(operation: dict[str, Any]) -> dict[str, str]:
    """The query parameters `operation` requires, each with its first documented example: a
    request that lacks one is a 422 whatever it accepts."""
    return {
        parameter["name"]: next(iter(parameter["examples"].values()))["value"]
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and parameter.get("required")
    }


def test_the_export_refuses_an_unknown_accept_type(client: TestClient) -> None:
    response = client.get("/v1/export", headers={"Accept": "image/png"})
    assert_documented_problem(response, 406)


def operations_taking(client: TestClient, name: str) -> list[str]:
    found = [
        template
        for template, operation in operations(client)
        if "{" not in template and any(p["name"] == name for p in operation.get("parameters", []))
    ]
    if not found:
        pytest.skip(f"no operation takes ?{name}= yet")
    return found


@pytest.mark.parametrize(
    "expression",
    ['"unclosed', "AND", "a OR", "(((", "NEAR(", "*", '""', "a AND NOT", ")", "x" * 1001],
)
def test_a_malformed_full_text_expression_is_a_422(client: TestClient, expression: str) -> None:
    for template in operations_taking(client, "q"):
        body = assert_documented_problem(client.get(template, params={"q": expression}), 422)
        assert "q" in body["detail"]


def test_includes_go_one_level_deep_and_are_few(client: TestClient) -> None:
    for template in operations_taking(client, "include"):
        nested = client.get(template, params={"include": "speaker.affiliations"})
        assert_documented_problem(nested, 422)
        many = client.get(template, params=[("include", f"x{n}") for n in range(50)])
        assert_documented_problem(many, 422)


CURSOR_LISTS = [
    ("/v1/quotes", {}),
    ("/v1/events", {}),
    ("/v1/positions", {}),
    ("/v1/actors", {}),
    ("/v1/sources", {}),
    ("/v1/topics", {}),
    ("/v1/timeline", {}),
    ("/v1/search", {"q": "the"}),
]
# Values no issued cursor holds at any position: booleans, integers a 64-bit column cannot bind,
# text with NUL, floats. A null is only an undated row's leading date.
TAMPERED = [True, False, 2**63, 2**64 - 1, -(2**63), "x\u0000y", 1.5, None]


def of_another_type(issued: object, is_date: bool) -> list[object]:
    """Values a position of the issued one's type cannot hold: an integer against a text order,
    text against an offset, a day that does not exist against a date."""
    if isinstance(issued, int):
        return ["7"]
    return [7, "2025-02-30"] if is_date else [7]


@pytest.mark.parametrize(("path", "params"), CURSOR_LISTS, ids=[path for path, _ in CURSOR_LISTS])
def test_tampered_cursor_positions_are_422s(
    client: TestClient, path: str, params: dict[str, str]
) -> None:
    issued = client.get(path, params={**params, "limit": 1}).json()["next"]
    query_print, position = orjson.loads(base64.urlsafe_b64decode(issued + "=" * 4))
    date_slot = 0 if len(position) > 1 else None  # a leading date, null for undated rows
    for slot in range(len(position)):
        for value in TAMPERED + of_another_type(position[slot], slot == date_slot):
            tampered = [*position[:slot], value, *position[slot + 1 :]]
            cursor = cursor_of([query_print, tampered])
            response = client.get(path, params={**params, "cursor": cursor})
            if value is None and slot == date_slot:
                assert response.status_code == 200, response.text
                continue
            body = assert_documented_problem(response, 422)
            assert body["detail"] == "cursor: not a cursor this API issued", (tampered, body)
