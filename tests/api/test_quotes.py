"""GET /v1/quotes and /v1/quotes/{id}."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, ids, walk

ALL_QUOTES = [
    "fadeev-consultations-insignificant",
    "putin-next-time-in-moscow",
    "putin-understanding-pave-the-way",
    "zelensky-pressure-on-russia",
]


def test_a_quote_carries_speaker_date_and_citations(client: TestClient) -> None:
    body = client.get("/v1/quotes/putin-next-time-in-moscow").json()
    assert body["text"] == "Next time in Moscow"
    assert body["speaker"] == {"id": "vladimir-putin", "name": "Vladimir Putin"}
    assert (body["said_on"], body["said_precision"], body["fragment"]) == (
        "2025-08-15",
        "day",
        True,
    )
    assert body["event"] == {
        "id": "anchorage-summit-2025",
        "title": "Trump–Putin summit in Anchorage",
    }
    [citation] = body["citations"]
    assert citation["source_id"] == "afp-2025-08-15"
    assert citation["publisher"] == "AFP"
    assert citation["published_on"] == "2025-08-15"
    assert citation["article"] == {
        "id": "no-deal-in-alaska",
        "title": "Putin and Trump leave Alaska summit with no deal on war in Ukraine",
        "published_on": "2025-08-15",
    }
    assert citation["excerpt"] == "“Next time in Moscow,” Putin told Trump in English"
    assert citation["end"] - citation["start"] == len(citation["excerpt"])


def test_the_list_is_chronological_with_unknown_dates_last(client: TestClient) -> None:
    assert ids(client.get("/v1/quotes").json()["items"]) == ALL_QUOTES


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "vladimir-putin"}, ALL_QUOTES[1:3]),
        ({"actor": ["vladimir-putin", "alexey-fadeev"]}, ALL_QUOTES[:3]),
        ({"topic": "ceasefire"}, ["putin-understanding-pave-the-way"]),
        ({"event": "fadeev-briefing-2025-08-13"}, ["fadeev-consultations-insignificant"]),
        ({"source": "chinadaily-2025-08-14"}, [ALL_QUOTES[0], ALL_QUOTES[3]]),
        ({"from": "2025-08-14"}, ALL_QUOTES[1:3]),
        ({"to": "2025-08-13"}, ALL_QUOTES[:1]),
        ({"from": "2025-08-14", "actor": "alexey-fadeev"}, []),
    ],
)
def test_filters(client: TestClient, params: dict[str, Any], expected: list[str]) -> None:
    assert ids(walk(client, "/v1/quotes", **params)) == expected


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_pages_neither_skip_nor_repeat(client: TestClient, limit: int) -> None:
    assert ids(walk(client, "/v1/quotes", limit=limit)) == ALL_QUOTES


def test_a_filtered_walk_keeps_its_filter(client: TestClient) -> None:
    walked = walk(client, "/v1/quotes", limit=1, actor="vladimir-putin")
    assert ids(walked) == ALL_QUOTES[1:3]


def test_unknown_id_is_404(client: TestClient) -> None:
    assert_problem(client.get("/v1/quotes/no-such-quote"), 404, "no quote with id 'no-such-quote'")


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"limit": 0}, "query.limit"),
        ({"limit": 501}, "less than or equal to 500"),
        ({"limit": "many"}, "query.limit"),
        ({"from": "last tuesday"}, "query.from"),
        ({"cursor": "garbage!"}, "cursor: not a cursor this API issued"),
        ({"actor": "x" * 201}, "query.actor"),
    ],
)
def test_bad_parameters_are_422(client: TestClient, params: dict[str, Any], detail: str) -> None:
    assert_problem(client.get("/v1/quotes", params=params), 422, detail)


def test_a_cursor_from_another_query_is_refused(client: TestClient) -> None:
    cursor = client.get("/v1/quotes", params={"limit": 1}).json()["next"]
    response = client.get(
        "/v1/quotes", params={"limit": 1, "actor": "vladimir-putin", "cursor": cursor}
    )
    assert_problem(response, 422, "belongs to another query")


def test_the_largest_page_is_served(client: TestClient) -> None:
    body = client.get("/v1/quotes", params={"limit": 500}).json()
    assert (len(body["items"]), body["next"]) == (4, None)
