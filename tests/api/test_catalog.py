"""GET /v1/actors (and an actor's own records), /v1/topics, /v1/sources, /v1/meta."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, ids, walk

ACTORS = [
    "alexey-fadeev",
    "donald-trump",
    "russia",
    "russian-foreign-ministry",
    "vladimir-putin",
    "volodymyr-zelensky",
]


def test_an_actor_carries_aliases_and_cited_affiliations(client: TestClient) -> None:
    body = client.get("/v1/actors/alexey-fadeev").json()
    assert (body["name"], body["kind"], body["aliases"]) == ("Alexey Fadeev", "person", ["Fadeev"])
    [affiliation] = body["affiliations"]
    assert affiliation["organisation"] == {
        "id": "russian-foreign-ministry",
        "name": "Russian Foreign Ministry",
    }
    assert affiliation["role"] == "spokesman"
    assert affiliation["started_precision"] == "unknown"
    assert affiliation["citations"][0]["excerpt"] == "Foreign Ministry spokesman Alexey Fadeev"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ACTORS),
        ({"kind": "state"}, ["russia"]),
        ({"kind": ["state", "organisation"]}, ACTORS[2:4]),
    ],
)
def test_actor_filters(client: TestClient, params: dict[str, Any], expected: list[str]) -> None:
    assert ids(walk(client, "/v1/actors", **params)) == expected


def test_actor_pages(client: TestClient) -> None:
    assert ids(walk(client, "/v1/actors", limit=4)) == ACTORS


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/v1/actors/vladimir-putin/quotes",
            ["putin-next-time-in-moscow", "putin-understanding-pave-the-way"],
        ),
        ("/v1/actors/alexey-fadeev/events", ["fadeev-briefing-2025-08-13"]),
        ("/v1/actors/russia/positions", ["russia-ceasefire"]),
        ("/v1/actors/donald-trump/quotes", []),
    ],
)
def test_an_actors_own_records(client: TestClient, path: str, expected: list[str]) -> None:
    assert ids(walk(client, path, limit=1)) == expected


@pytest.mark.parametrize("suffix", ["", "/quotes", "/positions", "/events"])
def test_an_unknown_actor_is_404(client: TestClient, suffix: str) -> None:
    assert_problem(client.get(f"/v1/actors/nobody{suffix}"), 404, "no actor with id 'nobody'")


def test_topics(client: TestClient) -> None:
    assert ids(walk(client, "/v1/topics", limit=2)) == [
        "ceasefire",
        "europe-role-in-talks",
        "security-guarantees",
    ]
    assert client.get("/v1/topics/ceasefire").json()["name"] == "Ceasefire"
    assert_problem(client.get("/v1/topics/truce"), 404, "no topic with id 'truce'")


def test_sources_and_their_metadata(client: TestClient) -> None:
    assert ids(walk(client, "/v1/sources", limit=1)) == ["chinadaily-2025-08-14", "afp-2025-08-15"]
    assert ids(walk(client, "/v1/sources", publisher="AFP")) == ["afp-2025-08-15"]
    body = client.get("/v1/sources/chinadaily-2025-08-14").json()
    assert body["published_at"] == "2025-08-14T09:42:00"
    assert (body["byline"], body["url"], body["length"]) == ("Agencies via Xinhua", None, 4853)
    assert "text" not in body
    assert body["articles"] == [
        {
            "id": "all-accumulated-issues",
            "title": "Trump, Putin to discuss 'all accumulated issues' in Alaska, Russia says",
            "published_on": "2025-08-14",
            "published_at": "2025-08-14T09:42:00",
            "time_zone": None,
            "start": 61,
            "end": 4340,
        }
    ]
    assert_problem(client.get("/v1/sources/none"), 404, "no source with id 'none'")


def test_a_source_text_and_its_slices(client: TestClient) -> None:
    whole = client.get("/v1/sources/afp-2025-08-15/text")
    assert whole.headers["content-type"].startswith("text/plain")
    assert len(whole.text) == 2500
    sliced = client.get("/v1/sources/afp-2025-08-15/text", params={"start": 0, "end": 6})
    assert sliced.text == "Putin "
    assert (
        client.get("/v1/sources/afp-2025-08-15/text", params={"start": 2490}).text
        == whole.text[2490:]
    )


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"start": 10, "end": 5}, "0 <= start <= end <= 2500"),
        ({"end": 2501}, "0 <= start <= end"),
        ({"start": -1}, "query.start"),
    ],
)
def test_bad_slices_are_422(client: TestClient, params: dict[str, int], detail: str) -> None:
    assert_problem(client.get("/v1/sources/afp-2025-08-15/text", params=params), 422, detail)


def test_meta_reports_version_counts_and_load_time(client: TestClient) -> None:
    body = client.get("/v1/meta").json()
    assert len(body["version"]) == 64
    assert body["counts"]["quotes"] == 4 and body["counts"]["citations"] == 11
    assert body["loaded_at"].endswith(("Z", "+00:00"))


def test_meta_without_a_dataset_is_404(empty_db: str) -> None:
    from app.config import Settings
    from app.main import create_app

    with TestClient(create_app(Settings(database_url=empty_db))) as fresh:
        assert_problem(fresh.get("/v1/meta"), 404, "no dataset is loaded")
