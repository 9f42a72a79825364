"""Helpers for API tests: walking pages, checking the problem+json shape."""

from typing import Any

from fastapi.testclient import TestClient

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def walk(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list, following `next` cursors page by page."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        response = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def assert_problem(response: Any, status: int, detail_part: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    assert detail_part in body["detail"]
    return body
