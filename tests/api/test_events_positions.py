"""GET /v1/events and /v1/positions."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, ids, walk

EVENTS = ["gallup-poll-ukraine-2025", "fadeev-briefing-2025-08-13", "anchorage-summit-2025"]


def test_an_event_carries_dates_participants_and_citations(client: TestClient) -> None:
    body = client.get("/v1/events/anchorage-summit-2025").json()
    assert (body["kind"], body["status"], body["start_on"], body["start_precision"]) == (
        "summit",
        "held",
        "2025-08-15",
        "day",
    )
    assert body["participants"][0] == {
        "id": "vladimir-putin",
        "name": "Vladimir Putin",
        "role": "President of Russia",
    }
    assert body["topics"] == ["ceasefire"]
    assert body["citations"][0]["source_id"] == "afp-2025-08-15"


def test_a_week_precise_event_starts_on_its_monday(client: TestClient) -> None:
    body = client.get("/v1/events/gallup-poll-ukraine-2025").json()
    assert (body["start_on"], body["start_precision"]) == ("2025-08-04", "week")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, EVENTS),
        ({"kind": "summit"}, EVENTS[2:]),
        ({"kind": ["summit", "poll"]}, [EVENTS[0], EVENTS[2]]),
        ({"status": "planned"}, []),
        ({"actor": "alexey-fadeev"}, EVENTS[1:2]),
        ({"topic": "ceasefire"}, EVENTS[2:]),
        ({"from": "2025-08-13"}, EVENTS[1:]),
        ({"to": "2025-08-13"}, EVENTS[:2]),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, Any], expected: list[str]) -> None:
    assert ids(walk(client, "/v1/events", **params)) == expected


def test_event_pages(client: TestClient) -> None:
    assert ids(walk(client, "/v1/events", limit=1)) == EVENTS


@pytest.mark.parametrize(
    ("path", "params", "status", "detail"),
    [
        ("/v1/events/none", {}, 404, "no event with id 'none'"),
        ("/v1/events", {"kind": "picnic"}, 422, "query.kind"),
        ("/v1/events", {"from": "2025-99-01"}, 422, "query.from"),
        ("/v1/positions/none", {}, 404, "no position with id 'none'"),
        ("/v1/positions", {"stance": "hates"}, 422, "query.stance"),
        ("/v1/positions", {"limit": 1000}, 422, "query.limit"),
    ],
)
def test_errors(
    client: TestClient, path: str, params: dict[str, Any], status: int, detail: str
) -> None:
    assert_problem(client.get(path, params=params), status, detail)


def test_a_position_carries_actor_topic_evidence_and_citations(client: TestClient) -> None:
    body = client.get("/v1/positions/russia-europe-consultations").json()
    assert body["actor"] == {"id": "russian-foreign-ministry", "name": "Russian Foreign Ministry"}
    assert body["topic"]["id"] == "europe-role-in-talks"
    assert (body["stance"], body["held_on"], body["held_precision"]) == (
        "opposes",
        "2025-08-13",
        "day",
    )
    assert body["evidence"] == ["fadeev-consultations-insignificant"]
    assert body["citations"][0]["excerpt"].startswith("Foreign Ministry spokesman Alexey Fadeev")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["russia-ceasefire", "zelensky-ceasefire", "russia-europe-consultations"]),
        ({"actor": "russia"}, ["russia-ceasefire"]),
        ({"topic": "ceasefire"}, ["russia-ceasefire", "zelensky-ceasefire"]),
        ({"stance": "supports"}, ["zelensky-ceasefire"]),
        (
            {"stance": ["supports", "opposes"], "topic": "ceasefire"},
            ["russia-ceasefire", "zelensky-ceasefire"],
        ),
    ],
)
def test_position_filters(client: TestClient, params: dict[str, Any], expected: list[str]) -> None:
    assert ids(walk(client, "/v1/positions", **params)) == expected


def test_position_pages(client: TestClient) -> None:
    assert ids(walk(client, "/v1/positions", limit=1)) == ids(walk(client, "/v1/positions"))
