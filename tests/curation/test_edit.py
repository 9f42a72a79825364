"""PATCH (a JSON merge patch) with If-Match: the edit, its revision, and each refusal."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.curation.conftest import Api, keys_for

POSITION = "/v1/positions/zelensky-ceasefire"
LOADED = {"kind": "create", "author": "summitkb load"}


def edits_of(api: Api, path: str) -> list[dict[str, Any]]:
    """The revisions of the record at `path` after the one its load made (all on one page)."""
    answer: dict[str, Any] = api.client.get(path + "/revisions", params={"limit": 100}).json()
    assert answer["next"] is None
    items: list[dict[str, Any]] = answer["items"]
    first, *rest = items
    assert {key: first[key] for key in LOADED} == LOADED
    return rest


def test_an_edit_is_served_with_its_new_etag_and_listed_as_a_revision(api: Api) -> None:
    tag = api.etag(POSITION)
    patch = {"statement": "Calls for a full and immediate ceasefire.", "held_on": "2025-08-14"}
    answer = api.patch(POSITION, patch, tag, params={"summary": "the report's words"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["statement"] == patch["statement"]
    assert answer.headers["etag"] != tag
    assert answer.headers["etag"] == api.etag(POSITION)
    items = edits_of(api, POSITION)
    assert [(r["kind"], r["change"], r["summary"]) for r in items] == [
        ("update", patch, "the report's words")
    ]


def test_an_edit_may_be_sent_as_plain_json_and_with_a_star(api: Api) -> None:
    answer = api.patch(
        POSITION, {"stance": "mixed"}, "*", headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 200
    assert answer.json()["stance"] == "mixed"


def test_renaming_an_actor_changes_every_quote_that_shows_the_name(api: Api) -> None:
    quote = "/v1/quotes/putin-next-time-in-moscow"
    quote_tag = api.etag(quote)
    answer = api.patch(
        "/v1/actors/vladimir-putin", {"name": "V. V. Putin"}, api.etag("/v1/actors/vladimir-putin")
    )
    assert answer.status_code == 200
    assert api.client.get(quote).json()["speaker"]["name"] == "V. V. Putin"
    assert api.etag(quote) != quote_tag
    found = api.client.get("/v1/search", params={"q": "V. V. Putin", "type": "actor"}).json()
    assert [hit["id"] for hit in found["items"]] == ["vladimir-putin"]


def test_a_current_strong_tag_revalidates_with_a_304(api: Api) -> None:
    tag = api.etag(POSITION)
    again = api.client.get(POSITION, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.headers["etag"] == tag


def test_an_edit_without_if_match_is_428(api: Api) -> None:
    answer = api.patch(POSITION, {"stance": "mixed"}, None)
    assert answer.status_code == 428
    assert answer.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("stale", ['"0000"', "weak"])
def test_a_stale_or_weak_tag_is_412_and_changes_nothing(api: Api, stale: str) -> None:
    tag = api.etag(POSITION)
    sent = f"W/{tag}" if stale == "weak" else stale
    answer = api.patch(POSITION, {"stance": "mixed"}, sent)
    assert answer.status_code == 412
    assert answer.json()["etag"] == tag
    assert api.etag(POSITION) == tag


@pytest.mark.parametrize(
    ("patch", "location"),
    [
        ({"stance": "undecided"}, "body.stance"),
        ({"evidence": ["putin-next-time-in-moscow"]}, "body.evidence.0"),
        (
            {"citations": [{"source": "afp-2025-08-15", "excerpt": "no such words"}]},
            "body.citations.0.excerpt",
        ),
        ({"actor": None}, "body.actor"),
        ({"id": "another-id"}, "body.id"),
        ({"colour": "red"}, "body.colour"),
        ([1, 2], "body"),
    ],
)
def test_an_edit_that_fails_a_check_is_422_and_changes_nothing(
    api: Api, patch: Any, location: str
) -> None:
    tag = api.etag(POSITION)
    answer = api.patch(POSITION, patch, tag)
    assert answer.status_code == 422, answer.text
    assert location in [error["location"] for error in answer.json()["errors"]]
    assert api.etag(POSITION) == tag
    assert edits_of(api, POSITION) == []


def test_an_edit_not_sent_as_json_is_415(api: Api) -> None:
    answer = api.patch(POSITION, {"stance": "mixed"}, "*", headers={"Content-Type": "text/plain"})
    assert answer.status_code == 415


def test_an_edit_of_no_record_is_404(api: Api) -> None:
    answer = api.patch("/v1/positions/no-such-position", {"stance": "mixed"}, "*")
    assert answer.status_code == 404


def test_an_edit_past_its_limit_is_413(api: Api) -> None:
    answer = api.patch(POSITION, {"note": "x" * (64 << 10)}, "*")
    assert answer.status_code == 413


def test_the_revisions_of_no_record_are_404(api: Api) -> None:
    assert api.client.get("/v1/quotes/no-such-quote/revisions").status_code == 404
    assert edits_of(api, "/v1/quotes/putin-next-time-in-moscow") == []


def test_revisions_are_listed_in_pages(api: Api) -> None:
    for stance in ("mixed", "supports", "tentative"):
        assert api.patch(POSITION, {"stance": stance}, "*").status_code == 200
    first = api.client.get(POSITION + "/revisions", params={"limit": 2}).json()
    second = api.client.get(
        POSITION + "/revisions", params={"limit": 2, "cursor": first["next"]}
    ).json()
    loaded, *edited = first["items"] + second["items"]
    assert loaded["author"] == "summitkb load"
    assert [r["change"]["stance"] for r in edited] == ["mixed", "supports", "tentative"]
    assert second["next"] is None


def test_an_actor_edit_that_unnames_a_position_holder_is_422_naming_the_position(
    api: Api,
) -> None:
    actor = "/v1/actors/volodymyr-zelensky"
    tag = api.etag(actor)
    answer = api.patch(actor, {"aliases": ["Zelenskyy"]}, tag)
    assert answer.status_code == 422, answer.text
    assert "position 'zelensky-ceasefire' would fail: no excerpt names" in answer.json()["detail"]
    assert api.etag(actor) == tag
    kept = api.patch(actor, {"aliases": ["Zelensky"]}, tag)
    assert kept.status_code == 200, kept.text


def test_a_quote_edit_that_gives_evidence_another_speaker_is_422_naming_the_position(
    api: Api,
) -> None:
    quote = "/v1/quotes/fadeev-consultations-insignificant"
    tag = api.etag(quote)
    answer = api.patch(quote, {"speaker": "vladimir-putin"}, tag)
    assert answer.status_code == 422, answer.text
    detail = answer.json()["detail"]
    assert "position 'russia-europe-consultations' would fail" in detail
    assert "is by 'vladimir-putin'" in detail
    assert api.etag(quote) == tag


@pytest.fixture
def gzipping_api(mini_url: str) -> Iterator[Api]:
    """An API that gzips every answer a client accepts gzip for, however short."""
    write, admin = keys_for(mini_url)
    with TestClient(create_app(Settings(database_url=mini_url, gzip_minimum_size=0))) as client:
        yield Api(client, write, admin)


def test_a_gzipped_answer_has_a_strong_tag_of_its_own_that_still_names_the_record(
    gzipping_api: Api,
) -> None:
    api, quote = gzipping_api, "/v1/quotes/putin-next-time-in-moscow"
    plain = api.client.get(quote, headers={"Accept-Encoding": "identity"})
    zipped = api.client.get(quote, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert zipped.content == plain.content
    tag, zipped_tag = plain.headers["etag"], zipped.headers["etag"]
    assert zipped_tag == tag[:-1] + '-gzip"'
    again = api.client.get(quote, headers={"Accept-Encoding": "gzip", "If-None-Match": zipped_tag})
    assert (again.status_code, again.headers["etag"]) == (304, zipped_tag)
    edited = api.patch(quote, {"topics": ["ceasefire"]}, zipped_tag)
    assert edited.status_code == 200, edited.text
    stale = api.patch(quote, {"topics": []}, zipped_tag)
    assert stale.status_code == 412
