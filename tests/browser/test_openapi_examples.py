"""What the docs page shows: a description on every operation, an example for every input."""

from collections.abc import Iterator
from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.domain import KeyScope
from app.main import create_app
from tests.api.auth_probe import bearer, make_key


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return create_app(
        Settings(database_url=f"sqlite:///{tmp_path_factory.mktemp('schema') / 'empty.db'}")
    ).openapi()


@pytest.fixture(scope="module")
def seeded(seed_database: str) -> Iterator[TestClient]:
    """The API over the real seed, whose ids the examples name."""
    with TestClient(create_app(Settings(database_url=seed_database))) as client:
        yield client


@pytest.fixture(scope="module")
def authorized(seed_database: str) -> dict[str, str]:
    """What "Authorize" in the docs page adds to a request: a write key."""
    return bearer(make_key(seed_database, "docs", KeyScope.WRITE))


def operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def test_every_operation_has_a_description(document: dict[str, Any]) -> None:
    missing = [name for name, operation in operations(document) if not operation.get("description")]
    assert missing == []


def test_every_required_parameter_has_an_example_swagger_ui_fills_in(
    document: dict[str, Any],
) -> None:
    # Swagger UI's "Try it out" fills in a parameter's own `example`/`examples`, not the schema's.
    missing = [
        f"{name}: {parameter['name']}"
        for name, operation in operations(document)
        for parameter in operation.get("parameters", [])
        if parameter.get("required") and not ({"example", "examples"} & parameter.keys())
    ]
    assert missing == [], "add openapi_examples={...} to these parameters"


def test_every_success_response_shows_an_example(document: dict[str, Any]) -> None:
    # A schema whose fields all carry examples, or an explicit example, is what Swagger UI shows.
    missing = [
        name
        for name, operation in operations(document)
        for status, response in operation["responses"].items()
        if status.startswith("2")
        for media in response.get("content", {}).values()
        if not ({"example", "examples"} & media.keys()) and "schema" not in media
    ]
    assert missing == []


def swagger_ui_request(path: str, operation: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The URL and headers "Try it out" sends: each parameter's own example filled in."""
    query, headers = {}, {}
    for parameter in operation.get("parameters", []):
        if "example" in parameter:
            value = parameter["example"]
        elif "examples" in parameter:
            value = next(iter(parameter["examples"].values()))["value"]
        else:
            continue
        if parameter["in"] == "path":
            path = path.replace(f"{{{parameter['name']}}}", str(value))
        elif parameter["in"] == "query":
            query[parameter["name"]] = value
        elif parameter["in"] == "header":
            headers[parameter["name"]] = str(value)
    return path + ("?" + urlencode(query, doseq=True) if query else ""), headers


def test_every_operation_answers_its_filled_in_example(
    document: dict[str, Any], seeded: TestClient, authorized: dict[str, str]
) -> None:
    failures = {}
    for path, item in document["paths"].items():
        if "get" not in item:
            continue
        url, headers = swagger_ui_request(path, item["get"])
        if {} not in item["get"].get("security", [{}]):  # a key is needed: "Authorize" first
            headers.update(authorized)
        response = seeded.get(url, headers=headers)
        if response.status_code != 200:
            failures[url] = f"{response.status_code} {response.text[:200]}"
    assert failures == {}


def test_every_problem_answer_shows_an_example_of_its_own_status(document: dict[str, Any]) -> None:
    # Without an example of its own, Swagger UI shows every status the one body it builds from
    # the Problem schema's field examples (a 404).
    problem_fields = set(document["components"]["schemas"]["Problem"]["required"])
    wrong = []
    for name, operation in operations(document):
        for status, response in operation["responses"].items():
            for media, content in response.get("content", {}).items():
                example = content.get("example")
                if int(status) < 400:
                    continue
                if (
                    not isinstance(example, dict)
                    or example.get("status") != int(status)
                    or example.get("title") != HTTPStatus(int(status)).phrase
                    or not problem_fields <= set(example)
                ):
                    wrong.append(f"{name} {status} {media}: {example}")
    assert wrong == []


def test_try_it_out_leaves_the_validator_headers_empty(document: dict[str, Any]) -> None:
    # Swagger UI fills in a parameter's example, or its schema's example or default: a filled-in
    # If-None-Match or If-Modified-Since would turn "Try it out" into a conditional request.
    headers = [
        (name, parameter)
        for name, operation in operations(document)
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "header"
    ]
    assert {parameter["name"] for _, parameter in headers} >= {"If-None-Match", "If-Modified-Since"}
    filled = [
        f"{name}: {parameter['name']}"
        for name, parameter in headers
        if {"example", "examples"} & parameter.keys()
        or {"example", "examples", "default"} & parameter["schema"].keys()
    ]
    assert filled == []
    assert all(parameter.get("description") for _, parameter in headers)
