"""What the reliability tests share: the OpenAPI operations and their parameters, a strict check
of the problem+json body against the documented Problem schema."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.schemas.common import Problem
from tests.reliability.datasets import BigSeeds, build_big_seeds

PROBLEM_JSON = "application/problem+json"


def operations(client: TestClient) -> list[tuple[str, dict[str, Any]]]:
    """(path template, operation) for every GET operation of the OpenAPI schema that a request
    without a key may make (one that needs a key answers 401 first: tests/curation sends it bad
    input with a key)."""
    schema = client.get("/openapi.json").json()
    return [
        (path, methods["get"])
        for path, methods in schema["paths"].items()
        if "get" in methods and {} in methods["get"].get("security", [{}])
    ]


def fill_path(template: str, value: str = "x") -> str:
    """`template` with every `{parameter}` replaced by `value`."""
    parts = [value if part.startswith("{") else part for part in template.split("/")]
    return "/".join(parts)


def assert_documented_problem(response: Any, status: int | None = None) -> dict[str, Any]:
    """A problem+json body that the documented Problem model accepts, with `status` (by default
    any 4xx: never a 5xx)."""
    if status is None:
        assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    else:
        assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"] == PROBLEM_JSON
    body: dict[str, Any] = response.json()
    Problem.model_validate(body, strict=True)
    assert set(body) <= set(Problem.model_fields)
    assert body["status"] == response.status_code
    return body


@pytest.fixture(scope="session")
def big_seeds(tmp_path_factory: pytest.TempPathFactory) -> BigSeeds:
    """Two large synthetic datasets, and a SQLite database holding the first."""
    return build_big_seeds(tmp_path_factory.mktemp("big"))
