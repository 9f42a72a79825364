"""A source whose text_access is `keys`: its full text only with a key, its cited excerpts to
anyone, its words in no search snippet."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from app.db.models import Citation
from tests.api.auth_probe import bearer
from tests.api.conftest import KEYS_ONLY_SOURCE, Keyed

TEXT = f"/v1/sources/{KEYS_ONLY_SOURCE}/text"


def cited_spans(url: str) -> list[tuple[int, int]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        query = select(Citation.start_offset, Citation.end_offset)
        rows = connection.execute(query.where(Citation.source_id == KEYS_ONLY_SOURCE)).all()
    engine.dispose()
    return [(row.start_offset, row.end_offset) for row in rows]


def assert_refused(answer: Any, challenge: str = "Bearer") -> None:
    assert answer.status_code == 401, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.headers["www-authenticate"] == challenge
    assert "API key" in answer.json()["detail"]


def test_the_full_text_is_served_to_a_key_and_refused_without_one(keyed: Keyed) -> None:
    whole = keyed.client.get(TEXT, headers=bearer(keyed.write))
    assert whole.status_code == 200 and len(whole.text) == 2500
    assert keyed.client.get(TEXT, headers=bearer(keyed.admin)).text == whole.text
    assert_refused(keyed.client.get(TEXT))
    assert_refused(keyed.client.get(TEXT, params={"start": 0, "end": 2500}))
    revoked = keyed.client.get(TEXT, headers=bearer(keyed.revoked))
    assert_refused(revoked, 'Bearer error="invalid_token"')


def test_cited_excerpts_and_slices_within_them_stay_public(keyed: Keyed) -> None:
    whole = keyed.client.get(TEXT, headers=bearer(keyed.write)).text
    spans = cited_spans(keyed.url)
    assert spans
    for start, end in spans:
        answer = keyed.client.get(TEXT, params={"start": start, "end": end})
        assert answer.status_code == 200 and answer.text == whole[start:end]
        inside = keyed.client.get(TEXT, params={"start": start + 1, "end": end - 1})
        assert inside.status_code == 200 and inside.text == whole[start + 1 : end - 1]
    start, end = spans[0]
    # One code point past a citation is no longer an excerpt.
    covered = {offset for first, last in spans for offset in range(first, last)}
    beyond = next(offset for offset in range(end, len(whole)) if offset not in covered)
    assert_refused(keyed.client.get(TEXT, params={"start": start, "end": beyond + 1}))


def test_the_record_and_other_sources_stay_public(keyed: Keyed) -> None:
    record = keyed.client.get(f"/v1/sources/{KEYS_ONLY_SOURCE}")
    assert record.status_code == 200 and record.json()["id"] == KEYS_ONLY_SOURCE
    other = keyed.client.get("/v1/sources/chinadaily-2025-08-14/text")
    assert other.status_code == 200 and other.text


def test_bad_slices_are_still_422_and_unknown_sources_404(keyed: Keyed) -> None:
    assert keyed.client.get(TEXT, params={"start": 10, "end": 5}).status_code == 422
    assert keyed.client.get("/v1/sources/none/text").status_code == 404


def source_hits(client: TestClient, word: str) -> list[str]:
    answer = client.get("/v1/search", params={"q": word, "type": "source"})
    assert answer.status_code == 200, answer.text
    return [hit["id"] for hit in answer.json()["items"]]


def test_search_shows_no_words_of_a_keys_only_text(keyed: Keyed, client: TestClient) -> None:
    # "intrigues" is a word of the source's text alone (not its title): found while the text is
    # public (the shared mini seed), not once it is keys-only.
    assert KEYS_ONLY_SOURCE in source_hits(client, "intrigues")
    assert source_hits(keyed.client, "intrigues") == []
    # Its title is still found.
    assert KEYS_ONLY_SOURCE in source_hits(keyed.client, "leave Alaska summit")
