"""ETag, Last-Modified, Cache-Control and X-Dataset-Version; 304s; a reload changes the tags."""

import datetime as dt
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.loader import load_seed
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.http.conftest import ClientFactory

CACHE_CONTROL = "public, max-age=60, must-revalidate"


def test_every_get_carries_validators(client: TestClient) -> None:
    version = client.get("/v1/meta").json()["version"]
    # One record's JSON is tagged strongly (the tag a write's If-Match names); the rest weakly.
    tagged = {
        "/v1/quotes": 'W/"',
        "/v1/quotes/putin-next-time-in-moscow": '"',
        "/v1/export": 'W/"',
        "/v1/meta": 'W/"',
    }
    for path, opening in tagged.items():
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["etag"].startswith(opening), path
        assert response.headers["x-dataset-version"] == version
        assert response.headers["cache-control"] == CACHE_CONTROL
        assert parsedate_to_datetime(response.headers["last-modified"]).tzinfo is not None
        assert "Accept" in response.headers["vary"]


def test_a_matching_if_none_match_is_304(client: TestClient) -> None:
    first = client.get("/v1/quotes", params={"actor": "vladimir-putin"})
    tag = first.headers["etag"]
    again = client.get(
        "/v1/quotes", params={"actor": "vladimir-putin"}, headers={"If-None-Match": tag}
    )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == tag
    assert again.headers["x-dataset-version"] == first.headers["x-dataset-version"]
    assert again.headers["cache-control"] == CACHE_CONTROL


@pytest.mark.parametrize(
    "header",
    ['"other", {tag}', '{tag}, W/"other"', "{strong}", '  {tag} ,"x"'],
)
def test_if_none_match_lists_and_weak_comparison(client: TestClient, header: str) -> None:
    tag = client.get("/v1/topics").headers["etag"]
    value = header.format(tag=tag, strong=tag.removeprefix("W/"))
    assert client.get("/v1/topics", headers={"If-None-Match": value}).status_code == 304


def test_other_tags_get_the_full_answer(client: TestClient) -> None:
    response = client.get("/v1/topics", headers={"If-None-Match": 'W/"stale", "old"'})
    assert response.status_code == 200
    assert response.json()["items"]


def test_star_matches_what_exists_only(client: TestClient) -> None:
    existing = client.get("/v1/topics/ceasefire", headers={"If-None-Match": "*"})
    assert existing.status_code == 304
    assert existing.content == b""
    missing = client.get("/v1/topics/nothing", headers={"If-None-Match": "*"})
    assert missing.status_code == 404


def test_the_tag_depends_on_the_request(client: TestClient) -> None:
    def tag(params: tuple[tuple[str, str], ...], accept: str = "application/json") -> str:
        return client.get("/v1/quotes", params=params, headers={"Accept": accept}).headers["etag"]

    both = (("actor", "vladimir-putin"), ("topic", "ceasefire"))
    assert tag(both) == tag(both[::-1])  # the query is sorted
    assert tag(both) != tag(both[:1])
    assert tag(both) != tag(both, "text/csv") != tag((*both, ("format", "csv")))
    csv_tag = tag((("format", "csv"),))
    assert client.get("/v1/quotes", headers={"If-None-Match": csv_tag}).status_code == 200


def test_if_modified_since(client: TestClient) -> None:
    loaded = client.get("/v1/meta").headers["last-modified"]
    assert client.get("/v1/topics", headers={"If-Modified-Since": loaded}).status_code == 304
    earlier = parsedate_to_datetime(loaded) - dt.timedelta(seconds=1)
    since = format_datetime(earlier, usegmt=True)
    assert client.get("/v1/topics", headers={"If-Modified-Since": since}).status_code == 200
    assert client.get("/v1/topics", headers={"If-Modified-Since": "garbage"}).status_code == 200
    # If-None-Match decides when both are given
    both = {"If-Modified-Since": loaded, "If-None-Match": '"stale"'}
    assert client.get("/v1/topics", headers=both).status_code == 200


@pytest.mark.parametrize(
    "absurd",
    [
        "Fri, 15 Aug 99999999999 23:00:00 GMT",
        "Fri, 99999999999999999999 Aug 2025 23:00:00 GMT",
        "Fri, 15 Aug 2025 99:00:00 GMT",
        "Fri, 15 Aug 2025 23:00:00 +99999999999",
    ],
)
def test_an_absurd_if_modified_since_is_ignored(client: TestClient, absurd: str) -> None:
    for path in ("/v1/topics", "/v1/quotes", "/v1/search?q=putin", "/v1/meta"):
        assert client.get(path, headers={"If-Modified-Since": absurd}).status_code == 200, path


def test_preconditions_apply_to_good_requests_only(client: TestClient) -> None:
    future = {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
    assert client.get("/v1/sources", headers=future).status_code == 304
    assert client.get("/v1/sources", params={"limit": -1}, headers=future).status_code == 422
    assert client.get("/v1/sources/nothing", headers=future).status_code == 404


def test_errors_are_not_stored_and_carry_no_tag(client: TestClient) -> None:
    for response in (client.get("/v1/quotes/missing"), client.get("/v1/quotes?limit=0")):
        assert response.headers["cache-control"] == "no-store"
        assert "etag" not in response.headers
        assert "x-dataset-version" in response.headers


def reload_edited(seed: Path, url: str) -> None:
    """Load `seed` with one topic's description changed: a new dataset version."""
    topics = seed / "topics.yaml"
    text = topics.read_text().replace("A halt to the fighting", "An end to the fighting")
    topics.write_text(text)
    load_seed(seed, url, MAX_BYTES)


def test_a_new_dataset_version_changes_the_tags(
    empty_db: str, seed_copy: Path, make_client: ClientFactory
) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    client = make_client(empty_db, dataset_version_ttl=0)
    before = client.get("/v1/topics/ceasefire")
    tag, version = before.headers["etag"], before.headers["x-dataset-version"]
    assert client.get("/v1/topics/ceasefire", headers={"If-None-Match": tag}).status_code == 304

    reload_edited(seed_copy, empty_db)
    after = client.get("/v1/topics/ceasefire", headers={"If-None-Match": tag})
    assert after.status_code == 200
    assert after.json()["description"].startswith("An end to the fighting")
    assert after.headers["x-dataset-version"] != version
    assert after.headers["etag"] != tag


def test_the_tag_names_the_dataset_the_answer_was_read_from(
    empty_db: str, seed_copy: Path, make_client: ClientFactory
) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    client = make_client(empty_db, dataset_version_ttl=3600)  # the cached stamp goes stale
    before = client.get("/v1/topics/ceasefire").headers["etag"]
    reload_edited(seed_copy, empty_db)

    after = client.get("/v1/topics/ceasefire")
    assert after.json()["description"].startswith("An end to the fighting")
    assert after.headers["etag"] != before


def test_before_any_load_there_are_no_validators(empty_db: str, make_client: ClientFactory) -> None:
    response = make_client(empty_db).get("/v1/topics")
    assert response.status_code == 200
    assert "etag" not in response.headers
    assert "x-dataset-version" not in response.headers


def test_operations_answers_get_no_validators(client: TestClient) -> None:
    response = client.get("/healthz", headers={"Accept": "text/plain"})
    assert response.status_code == 200
    assert "etag" not in response.headers
    assert "x-dataset-version" in response.headers
