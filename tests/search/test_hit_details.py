"""A hit says who and when: what its record says of it, so that a client needs no request per
hit. On every backend, over the extended seed."""

from typing import Any

from fastapi.testclient import TestClient

from tests.formats.helpers import parse_csv
from tests.search.test_search_api import hits

DETAILS = ("date", "precision", "speaker", "actor", "topic", "stance", "status")
EVERY_KIND = "putin OR ceasefire OR russia OR gallup OR fadeev OR anticipated"


def what_the_record_says(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """The details a hit on `record` must carry, from the record's own answer."""
    said: dict[str, Any] = dict.fromkeys(DETAILS)
    if kind == "quote":
        said |= {"speaker": record["speaker"], "date": record["said_on"]}
        said["precision"] = record["said_precision"]
    elif kind == "position":
        said |= {"actor": record["actor"], "topic": record["topic"], "stance": record["stance"]}
        said |= {"date": record["held_on"], "precision": record["held_precision"]}
    elif kind == "event":
        said |= {"status": record["status"], "date": record["start_on"]}
        said["precision"] = record["start_precision"]
    elif kind == "source":
        said |= {"date": record["published_on"], "precision": "day"}
    return said


def test_each_hit_says_who_and_when_as_its_record_does(api: TestClient) -> None:
    found = hits(api, EVERY_KIND)
    assert {hit["type"] for hit in found} == {
        "quote",
        "position",
        "event",
        "actor",
        "topic",
        "source",
    }
    for hit in found:
        record = api.get(hit["url"]).json()
        assert {key: hit[key] for key in DETAILS} == what_the_record_says(hit["type"], record)


def test_a_quote_hit_names_its_speaker_and_day(api: TestClient) -> None:
    [hit] = [hit for hit in hits(api, "moscow") if hit["id"] == "putin-next-time-in-moscow"]
    assert hit["speaker"] == {"id": "vladimir-putin", "name": "Vladimir Putin"}
    assert (hit["date"], hit["precision"]) == ("2025-08-15", "day")


def test_the_details_are_columns_of_the_csv(api: TestClient) -> None:
    response = api.get("/v1/search", params={"q": "gallup", "type": "event", "format": "csv"})
    [row] = parse_csv(response.text)
    assert (row["date"], row["precision"], row["status"]) == ("2025-08-04", "week", "held")
    assert row["speaker_id"] == row["actor_id"] == row["topic_id"] == row["stance"] == ""
