"""The document lane answers plain quote reads exactly as the whole stack does, and only those."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY
from starlette.types import Receive, Scope, Send

from app.api import quotes
from app.config import get_settings
from app.http.document_lane import DocumentLane, LaneRoutes
from tests.http.conftest import ClientFactory

# Header variants: plain ones the lane takes, and others it must leave to the stack.
VARIANTS: list[dict[str, str]] = [
    {},
    {"Accept-Encoding": "identity"},
    {"Accept": "application/json"},
    {"Accept": "text/csv"},
    {"Accept": "application/ld+json"},
    {"X-Request-ID": "fact-check-42"},
    {"Origin": "https://elsewhere.example"},
    {"If-Modified-Since": "Tue, 01 Dec 2099 00:00:00 GMT"},
    {"If-None-Match": "*"},
]


def comparable(response: Any, sent: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
    headers = {name.lower(): value for name, value in response.headers.items()}
    if "X-Request-ID" not in sent:
        headers.pop("x-request-id")  # a new id per request
    return response.status_code, response.content, headers


@pytest.fixture
def lane_and_stack(mini_db: str, make_client: ClientFactory) -> tuple[TestClient, TestClient]:
    stack = make_client(mini_db, document_lane="false")
    lane = make_client(mini_db, document_lane="true")
    return lane, stack


def quote_paths(client: TestClient) -> list[str]:
    ids = [item["id"] for item in client.get("/v1/quotes", params={"limit": 500}).json()["items"]]
    assert ids
    return [f"/v1/quotes/{quote_id}" for quote_id in ids]


ODD_PATHS = [
    "/v1/quotes/no-such-quote",
    "/v1/quotes/putin-next-time-in-moscow?format=csv",
    "/v1/quotes/putin%2Dnext-time-in-moscow",
    "/v1/quotes/" + "x" * 201,
    "/v1/quotes/",
]


def test_every_answer_equals_the_stacks(lane_and_stack: tuple[TestClient, TestClient]) -> None:
    lane, stack = lane_and_stack
    for path in [*quote_paths(stack), *ODD_PATHS]:
        for headers in VARIANTS:
            expected = comparable(stack.get(path, headers=headers), headers)
            got = comparable(lane.get(path, headers=headers), headers)
            assert got == expected, (path, headers)


def test_a_head_request_equals_the_stacks(lane_and_stack: tuple[TestClient, TestClient]) -> None:
    lane, stack = lane_and_stack
    path = quote_paths(stack)[0]
    assert comparable(lane.head(path), {}) == comparable(stack.head(path), {})


async def refuse(_scope: Scope, _receive: Receive, _send: Send) -> None:
    raise AssertionError("the stack was asked")


def lane_alone(client: TestClient) -> TestClient:
    """The lane of `client`'s app in front of an app that fails: only the lane can answer."""
    state, settings = client.app.state, get_settings()  # type: ignore[attr-defined]
    routes = LaneRoutes(one=quotes.one_quote_route(), many=quotes.quote_list_route())
    lane = DocumentLane(
        refuse,
        documents=state.documents,
        stamp=state.dataset_stamp,
        build=state.api_build,
        routes=routes,
        max_age=settings.cache_max_age,
        gzip_minimum_size=settings.gzip_minimum_size,
    )
    return TestClient(lane)


def test_the_lane_answers_plain_reads_itself(lane_and_stack: tuple[TestClient, TestClient]) -> None:
    lane, _ = lane_and_stack
    alone = lane_alone(lane)
    path = quote_paths(lane)[0]
    for headers in ({}, {"Accept": "application/json", "X-Request-ID": "r-1"}):
        assert comparable(alone.get(path, headers=headers), headers) == comparable(
            lane.get(path, headers=headers), headers
        )
    assert alone.get("/v1/quotes/no-such-quote").status_code == 404
    with pytest.raises(AssertionError, match="the stack was asked"):
        alone.get(path, headers={"Origin": "https://elsewhere.example"})


def test_lane_answers_are_counted_under_their_route(
    lane_and_stack: tuple[TestClient, TestClient],
) -> None:
    lane, _ = lane_and_stack
    labels = {"method": "GET", "route": "/v1/quotes/{quote_id}", "status": "200"}
    before = REGISTRY.get_sample_value("summitkb_http_requests_total", labels) or 0
    lane_alone(lane).get(quote_paths(lane)[0])
    assert REGISTRY.get_sample_value("summitkb_http_requests_total", labels) == before + 1
