"""`sort=-date` reads a dated list newest first; its cursors never skip, repeat or cross orders."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, walk

DATED_LISTS = [
    ("/v1/quotes", "said_on"),
    ("/v1/events", "start_on"),
    ("/v1/positions", "held_on"),
    ("/v1/sources", "published_on"),
    ("/v1/timeline", "date"),
    ("/v1/actors/vladimir-putin/quotes", "said_on"),
]


def keys(items: list[dict[str, Any]], date: str) -> tuple[list[Any], list[Any]]:
    """(the dated items' keys, the undated items' keys), each in the order listed."""
    dated = [(item[date], item.get("type"), item["id"]) for item in items if item[date]]
    undated = [(item.get("type"), item["id"]) for item in items if not item[date]]
    return dated, undated


@pytest.mark.parametrize(("path", "date"), DATED_LISTS)
def test_newest_first_is_the_reverse_with_undated_still_last(
    client: TestClient, path: str, date: str
) -> None:
    oldest_first = walk(client, path, limit=1)
    newest_first = walk(client, path, limit=1, sort="-date")
    assert len(oldest_first) >= 2
    assert walk(client, path, sort="date") == oldest_first
    dated, undated = keys(oldest_first, date)
    assert keys(newest_first, date) == (dated[::-1], undated[::-1])
    assert [bool(item[date]) for item in newest_first] == sorted(
        (bool(item[date]) for item in newest_first), reverse=True
    )


@pytest.mark.parametrize(("path", "date"), DATED_LISTS)
def test_a_cursor_keeps_to_its_order(client: TestClient, path: str, date: str) -> None:
    cursor = client.get(path, params={"limit": 1}).json()["next"]
    other_order = client.get(path, params={"limit": 1, "sort": "-date", "cursor": cursor})
    assert_problem(other_order, 422, "another query")


def test_sort_takes_only_the_date_orders(client: TestClient) -> None:
    assert_problem(client.get("/v1/quotes", params={"sort": "id"}), 422, "query.sort")
    assert_problem(client.get("/v1/topics", params={"sort": "-date"}), 422, "unknown parameter")
