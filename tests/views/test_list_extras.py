"""Facets, corroboration, `?include=` and `?fields=` on the quote and event lists."""

from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, ids, walk


def facets(api: TestClient, path: str, **params: Any) -> dict[str, dict[Any, int]]:
    response = api.get(path, params={"limit": 1, **params})
    assert response.status_code == 200, response.text
    return {
        name: {value["value"]: value["count"] for value in values}
        for name, values in response.json()["facets"].items()
    }


def test_quote_facets_count_the_whole_list(api: TestClient) -> None:
    counted = facets(api, "/v1/quotes", facet=["speaker", "topic", "source", "publisher", "month"])
    assert counted["speaker"] == {
        "vladimir-putin": 2,
        "alexey-fadeev": 1,
        "volodymyr-zelensky": 1,
    }
    assert counted["topic"] == {"ceasefire": 1, "europe-role-in-talks": 1}
    assert counted["source"] == {"afp-2025-08-15": 2, "chinadaily-2025-08-14": 2}
    assert counted["publisher"] == {"AFP": 2, "China Daily": 2}
    assert counted["month"] == {"2025-08": 3, None: 1}


def test_facets_count_the_filtered_list(api: TestClient) -> None:
    counted = facets(api, "/v1/quotes", facet=["speaker", "month"], actor="vladimir-putin")
    assert counted == {"speaker": {"vladimir-putin": 2}, "month": {"2025-08": 2}}
    searched = facets(api, "/v1/quotes", facet="speaker", q="europeans")
    assert searched == {"speaker": {"alexey-fadeev": 1}}
    nothing = facets(api, "/v1/quotes", facet="speaker", to="2000-01-01")
    assert nothing == {"speaker": {}}


@pytest.mark.parametrize(
    "dates",
    [
        {"from": "2025-08-14"},
        {"to": "2025-08-13"},
        {"from": "2025-08-01", "to": "2025-08-15"},
        {"from": "2025-08-15", "to": "2025-08-15"},
        {"from": "2030-01-01"},
        {"to": "2020-01-01"},
        {"from": "2025-08-01", "to": "2025-08-31"},
        {"from": "2025-07-15", "to": "2025-09-10"},
        {"from": "2025-08-15"},
        {"to": "2025-08-15"},
        {"from": "2024-12-31", "to": "2026-01-01"},
    ],
)
def test_speaker_facet_of_a_date_range_counts_its_quotes(
    api: TestClient, dates: dict[str, str]
) -> None:
    """A dates-only list reads the stored running counts: the same counts as its quotes."""
    listed = Counter(item["speaker"]["id"] for item in walk(api, "/v1/quotes", **dates))
    assert facets(api, "/v1/quotes", facet=["month", "speaker"], **dates)["speaker"] == listed
    # The general path (any other filter) groups the quotes themselves: the same answer, labels
    # and order included.
    speakers = [item["id"] for item in walk(api, "/v1/actors")]
    stored, grouped = (
        api.get("/v1/quotes", params={"facet": "speaker", **more, **dates}).json()["facets"]
        for more in ({}, {"actor": speakers})
    )
    assert stored == grouped


def test_facet_values_carry_labels(api: TestClient) -> None:
    body = api.get("/v1/quotes", params={"facet": ["speaker", "month"]}).json()
    assert {"value": "vladimir-putin", "label": "Vladimir Putin", "count": 2} in body["facets"][
        "speaker"
    ]
    assert {"value": "2025-08", "label": "August 2025", "count": 3} in body["facets"]["month"]
    assert body["facets"]["speaker"][0]["value"] == "vladimir-putin"  # most frequent first


def test_precomputed_counts_equal_grouped_counts(api: TestClient) -> None:
    names = ["kind", "status", "participant", "topic", "month", "source", "publisher"]
    whole = facets(api, "/v1/events", facet=names)
    every_status = ["planned", "proposed", "held", "cancelled"]
    assert facets(api, "/v1/events", facet=names, status=every_status) == whole
    assert whole["kind"] == {"summit": 1, "briefing": 1, "poll": 1}
    assert whole["month"] == {"2025-08": 3}


def test_no_facets_unless_asked(api: TestClient) -> None:
    assert api.get("/v1/quotes").json()["facets"] is None


@pytest.mark.parametrize(
    ("path", "params", "detail"),
    [
        ("/v1/quotes", {"facet": "kind"}, "query.facet.0: Input should be 'speaker'"),
        ("/v1/events", {"facet": "speaker"}, "query.facet.0: Input should be 'kind'"),
        ("/v1/quotes", {"include": "participants"}, "query.include.0: Input should be"),
        ("/v1/quotes", {"include": "speaker.affiliations"}, "'speaker' or 'event'"),
        ("/v1/events", {"include": "speaker"}, "query.include.0: Input should be 'participants'"),
        ("/v1/quotes", {"fields": "colour"}, "query.fields.0: Input should be 'id'"),
    ],
)
def test_unknown_names_are_problems(
    api: TestClient, path: str, params: dict[str, str], detail: str
) -> None:
    assert_problem(api.get(path, params=params), 422, detail)


def test_corroboration_counts_distinct_publishers(api: TestClient) -> None:
    for path in ("/v1/quotes", "/v1/events"):
        for record in walk(api, path):
            publishers = {citation["publisher"] for citation in record["citations"]}
            assert record["corroboration"] == len(publishers) >= 1
    one = api.get("/v1/quotes/putin-next-time-in-moscow").json()
    assert one["corroboration"] == 1


def test_include_embeds_speakers_and_events(api: TestClient) -> None:
    body = api.get("/v1/quotes", params={"include": ["speaker", "event"], "limit": 500}).json()
    speakers = {quote["speaker"]["id"] for quote in body["items"]}
    assert set(body["included"]["actors"]) == speakers
    assert body["included"]["actors"]["volodymyr-zelensky"]["aliases"] == ["Zelensky", "Zelenskyy"]
    events = {quote["event"]["id"] for quote in body["items"] if quote["event"]}
    assert set(body["included"]["events"]) == events
    assert body["included"]["events"]["anchorage-summit-2025"]["kind"] == "summit"
    only_speakers = api.get("/v1/quotes", params={"include": "speaker"}).json()["included"]
    assert only_speakers["events"] is None


def test_include_embeds_participants(api: TestClient) -> None:
    body = api.get("/v1/events", params={"include": "participants"}).json()
    taking_part = {p["id"] for event in body["items"] for p in event["participants"]}
    assert set(body["included"]["actors"]) == taking_part
    assert body["included"]["actors"]["vladimir-putin"]["kind"] == "person"


def test_sparse_fields_keep_only_those_and_the_id(api: TestClient) -> None:
    body = api.get("/v1/quotes", params={"fields": ["text", "speaker"], "limit": 2}).json()
    assert [set(item) for item in body["items"]] == [{"id", "text", "speaker"}] * 2
    assert body["next"]
    repeated = api.get("/v1/events", params={"fields": ["title", "kind"]}).json()
    assert {frozenset(item) for item in repeated["items"]} == {frozenset({"id", "title", "kind"})}
    paged = walk(api, "/v1/quotes", fields="id", limit=1)
    assert ids(paged) == ids(walk(api, "/v1/quotes"))
