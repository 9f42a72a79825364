"""Words are found by their stems, names only as written, prefixes as typed; the dataset's topic
aliases and variant spellings are searched too. On every backend, over the extended seed."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import ids, walk
from tests.search.test_search_api import found, hits


@pytest.mark.parametrize(
    ("typed", "record"),
    [
        ("guarantee", ("topic", "security-guarantees")),  # "Security guarantees"
        ("negotiate", ("event", "gallup-poll-ukraine-2025")),  # "a negotiated end"
        ("rejected", ("position", "russia-ceasefire")),  # "Rejects a full ceasefire."
        ("consultation", ("quote", "fadeev-consultations-insignificant")),
    ],
)
def test_another_form_of_a_word_finds_it(api: TestClient, typed: str, record: Any) -> None:
    assert record in found(api, typed)


def test_a_phrase_is_matched_by_the_stems_of_its_words_in_order(api: TestClient) -> None:
    poll = ("event", "gallup-poll-ukraine-2025")  # "...on a negotiated end to the war"
    assert poll in found(api, '"negotiating end"')
    assert poll not in found(api, '"end negotiating"')


def test_a_prefix_matches_the_words_as_written(api: TestClient) -> None:
    # "negotiated" stems to "negoti": a stemmed prefix "negotia" would match nothing.
    assert ("event", "gallup-poll-ukraine-2025") in found(api, "negotia*")


def test_a_matched_form_is_marked_in_the_snippet(api: TestClient) -> None:
    [topic] = [hit for hit in hits(api, "guarantee") if hit["type"] == "topic"]
    assert "<mark>guarantees</mark>" in topic["snippet"].lower()


def test_q_on_a_list_finds_other_forms_too(api: TestClient) -> None:
    assert ids(walk(api, "/v1/events", q="negotiate")) == ["gallup-poll-ukraine-2025"]
    assert "fadeev-consultations-insignificant" in ids(walk(api, "/v1/quotes", q="consultation"))


def test_a_topic_alias_finds_the_records_about_the_topic(api: TestClient) -> None:
    # The ceasefire topic's alias; none of these records has the words itself.
    about = found(api, '"cessation of hostilities"')
    assert {
        ("topic", "ceasefire"),
        ("quote", "putin-understanding-pave-the-way"),
        ("event", "anchorage-summit-2025"),
        ("position", "russia-ceasefire"),
    } <= about
    assert ("quote", "putin-next-time-in-moscow") not in about  # about no topic
    topic = api.get("/v1/topics/ceasefire").json()
    assert topic["aliases"] == ["cessation of hostilities"]


def test_a_variant_spelling_finds_what_the_spelling_of_the_texts_finds(api: TestClient) -> None:
    assert found(api, "cease-fire") == found(api, "ceasefire") != set()
    assert found(api, '"cease fire"') == found(api, "ceasefire")
    full = [hit for hit in hits(api, '"full cease-fire"') if hit["id"] == "zelensky-ceasefire"]
    assert "ceasefire</mark>" in full[0]["snippet"]
    assert ("position", "russia-ceasefire") not in found(api, "russia NOT cease-fire")
    listed = ids(walk(api, "/v1/quotes", q="cease-fire"))
    assert listed == ids(walk(api, "/v1/quotes", q="ceasefire")) != []
