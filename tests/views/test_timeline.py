"""GET /v1/timeline: events and quotes in one chronological stream."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, walk


def keys(items: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    return [(item["type"], item["id"]) for item in items]


def test_the_stream_holds_every_event_and_quote_in_date_order(api: TestClient) -> None:
    items = walk(api, "/v1/timeline")
    events = {("event", item["id"]) for item in walk(api, "/v1/events")}
    quotes = {("quote", item["id"]) for item in walk(api, "/v1/quotes")}
    assert set(keys(items)) == events | quotes
    dated = [item["date"] for item in items if item["date"] is not None]
    assert dated == sorted(dated)
    undated = [index for index, item in enumerate(items) if item["date"] is None]
    assert undated == list(range(len(items) - len(undated), len(items)))
    order = [(str(item["date"]), str(item["type"]), str(item["id"])) for item in items]
    assert order == sorted(order, key=lambda key: (key[0] == "None", key))


def test_an_item_carries_what_a_timeline_widget_shows(api: TestClient) -> None:
    items = {
        key: item
        for key, item in zip(
            keys(walk(api, "/v1/timeline")), walk(api, "/v1/timeline"), strict=True
        )
    }
    summit = items["event", "anchorage-summit-2025"]
    assert summit["date"] == "2025-08-15"
    assert summit["precision"] == "day"
    assert summit["url"] == "/v1/events/anchorage-summit-2025"
    assert {actor["id"] for actor in summit["actors"]} == {"vladimir-putin", "donald-trump"}
    assert summit["citations"][0]["source_id"] == "afp-2025-08-15"
    assert summit["corroboration"] == 1
    poll = items["event", "gallup-poll-ukraine-2025"]
    assert (poll["date"], poll["precision"]) == ("2025-08-04", "week")
    words = items["quote", "putin-next-time-in-moscow"]
    assert words["title"] == "Next time in Moscow"
    assert words["actors"] == [{"id": "vladimir-putin", "name": "Vladimir Putin"}]


@pytest.mark.parametrize("limit", [1, 2, 500])
def test_pages_never_skip_or_repeat(api: TestClient, limit: int) -> None:
    assert keys(walk(api, "/v1/timeline", limit=limit)) == keys(walk(api, "/v1/timeline"))


def test_filters(api: TestClient) -> None:
    putin = keys(walk(api, "/v1/timeline", actor="vladimir-putin"))
    assert set(putin) == {
        ("event", "anchorage-summit-2025"),
        ("quote", "putin-understanding-pave-the-way"),
        ("quote", "putin-next-time-in-moscow"),
    }
    ceasefire = keys(walk(api, "/v1/timeline", topic="ceasefire"))
    assert set(ceasefire) == {
        ("event", "anchorage-summit-2025"),
        ("quote", "putin-understanding-pave-the-way"),
    }
    day = walk(api, "/v1/timeline", **{"from": "2025-08-13", "to": "2025-08-13"})
    assert {item["date"] for item in day} == {"2025-08-13"}
    assert {item["type"] for item in walk(api, "/v1/timeline", type="event")} == {"event"}
    assert walk(api, "/v1/timeline", to="2000-01-01") == []
    assert api.get("/v1/timeline", params={"actor": "nobody"}).status_code == 422


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"type": "position"}, "type"),
        ({"from": "last week"}, "from"),
        ({"cursor": "nonsense"}, "cursor"),
        ({"limit": 501}, "limit"),
    ],
)
def test_bad_parameters_are_problems(api: TestClient, params: dict[str, Any], detail: str) -> None:
    assert_problem(api.get("/v1/timeline", params=params), 422, detail)


def test_a_cursor_belongs_to_its_filters(api: TestClient) -> None:
    cursor = api.get("/v1/timeline", params={"limit": 1}).json()["next"]
    response = api.get("/v1/timeline", params={"cursor": cursor, "type": "quote"})
    assert_problem(response, 422, "belongs to another query")
