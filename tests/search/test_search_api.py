"""GET /v1/search, and `q` on the quote and event lists, on every backend."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, ids, walk


def hits(api: TestClient, q: str, **params: Any) -> list[dict[str, Any]]:
    response = api.get("/v1/search", params={"q": q, "limit": 100, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def found(api: TestClient, q: str, **params: Any) -> set[tuple[Any, Any]]:
    return {(hit["type"], hit["id"]) for hit in hits(api, q, **params)}


def test_a_hit_is_typed_ranked_highlighted_and_linked(api: TestClient) -> None:
    results = hits(api, "insignificant")
    assert ("quote", "fadeev-consultations-insignificant") in {
        (h["type"], h["id"]) for h in results
    }
    scores = [hit["score"] for hit in results]
    assert scores == sorted(scores, reverse=True)
    for hit in results:
        assert "<mark>" in str(hit["snippet"]).lower()
        assert api.get(str(hit["url"])).status_code == 200


def test_every_kind_of_record_is_searched(api: TestClient) -> None:
    assert ("quote", "putin-next-time-in-moscow") in found(api, "moscow")
    assert ("event", "gallup-poll-ukraine-2025") in found(api, "gallup")
    assert ("position", "russia-europe-consultations") in found(api, "consultations")
    assert ("actor", "alexey-fadeev") in found(api, "fadeev")
    assert ("topic", "security-guarantees") in found(api, "guarantees")
    assert ("source", "afp-2025-08-15") in found(api, "anticipated")


def test_a_phrase_matches_only_the_words_in_that_order(api: TestClient) -> None:
    assert ("quote", "zelensky-pressure-on-russia") in found(api, '"fair peace"')
    assert ("quote", "zelensky-pressure-on-russia") in found(api, "“fair peace”")
    assert ("quote", "zelensky-pressure-on-russia") not in found(api, '"peace fair"')


def test_a_prefix_matches_the_words_it_starts(api: TestClient) -> None:
    assert ("quote", "fadeev-consultations-insignificant") in found(api, "insignific*")
    assert ("quote", "fadeev-consultations-insignificant") not in found(api, "insignific")


def test_and_or_not_behave_as_users_expect(api: TestClient) -> None:
    moscow, europeans = (
        ("quote", "putin-next-time-in-moscow"),
        (
            "quote",
            "fadeev-consultations-insignificant",
        ),
    )
    assert {moscow, europeans} <= found(api, "moscow OR europeans")
    assert not {moscow, europeans} & found(api, "moscow europeans")
    assert moscow in found(api, "putin moscow")
    assert moscow not in found(api, "putin NOT moscow")
    assert moscow not in found(api, "putin -moscow")
    assert found(api, "putin NOT moscow") <= found(api, "putin")


@pytest.mark.parametrize("spelling", ["antonio", "António", "ANTONIO", "antónio", "Anto*"])
def test_names_match_whatever_the_case_and_accents(api: TestClient, spelling: str) -> None:
    assert ("actor", "antonio-costa") in found(api, spelling)


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenskyy", "zelenskyy", "ZELENSKY"])
def test_quotes_are_found_by_any_spelling_of_their_speaker(api: TestClient, spelling: str) -> None:
    assert {("actor", "volodymyr-zelensky"), ("quote", "zelensky-pressure-on-russia")} <= found(
        api, spelling
    )


def test_snippets_are_html_escaped(api: TestClient) -> None:
    snippet = str(hits(api, "ukrainian", type="actor")[0]["snippet"])
    assert "&lt;the <mark>Ukrainian</mark>" in snippet
    assert "<the" not in snippet


def test_type_narrows_the_kinds(api: TestClient) -> None:
    assert {kind for kind, _ in found(api, "putin", type="actor")} == {"actor"}
    both = {kind for kind, _ in found(api, "putin", type=["quote", "event"])}
    assert both == {"quote", "event"}


def test_no_hit_is_an_empty_page(api: TestClient) -> None:
    assert api.get("/v1/search", params={"q": "xylophone"}).json() == {"items": [], "next": None}


def test_pages_never_skip_or_repeat_a_hit(api: TestClient) -> None:
    whole = ids(hits(api, "putin OR ceasefire OR russia"))
    paged = ids(walk(api, "/v1/search", q="putin OR ceasefire OR russia", limit=2))
    assert paged == whole
    assert len(whole) == len(set(whole)) > 4


def test_the_largest_page(api: TestClient) -> None:
    assert api.get("/v1/search", params={"q": "putin", "limit": 100}).status_code == 200
    assert_problem(api.get("/v1/search", params={"q": "putin", "limit": 101}), 422, "limit")


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"q": "(putin"}, "q: a parenthesis is opened but never closed"),
        ({"q": "NOT putin"}, "q: NOT only excludes"),
        ({"q": '"putin'}, "q: the quote opened at character 1 is never closed"),
        ({"q": "…"}, "q: no words to search for"),
        ({"q": ""}, "q"),
        ({}, "q"),
        ({"q": "putin", "type": "tweet"}, "type"),
        ({"q": "putin", "cursor": "garbage"}, "cursor"),
    ],
)
def test_bad_requests_are_problems(api: TestClient, params: dict[str, str], detail: str) -> None:
    assert_problem(api.get("/v1/search", params=params), 422, detail)


def test_a_cursor_belongs_to_its_query(api: TestClient) -> None:
    cursor = api.get("/v1/search", params={"q": "putin", "limit": 1}).json()["next"]
    other = api.get("/v1/search", params={"q": "trump", "cursor": cursor})
    assert_problem(other, 422, "belongs to another query")


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '""',
        "*",
        "**",
        "a*b*",
        "NEAR(a b)",
        "title:putin",
        "^putin",
        "putin +",
        "'",
        "putin AND AND trump",
        "((((",
        "))",
        "OR",
        "NOT NOT putin",
        '" OR "',
        "\\",
        "%_",
        "putin\u0000",
        "😀",
        "中文",
        "-",
        "--putin",
        "putin*)",
        "(*)",
    ],
)
def test_no_query_text_makes_a_server_error(api: TestClient, q: str) -> None:
    response = api.get("/v1/search", params={"q": q})
    assert response.status_code in (200, 422), response.text
    listed = api.get("/v1/quotes", params={"q": q})
    assert listed.status_code in (200, 422), listed.text


@pytest.mark.parametrize("path", ["/v1/search", "/v1/quotes", "/v1/events"])
def test_deeply_nested_parentheses_are_a_422(api: TestClient, path: str) -> None:
    nested = "(" * 246 + "ab" + ")" * 246
    assert_problem(api.get(path, params={"q": nested}), 422, "q: parentheses nest at most 16 deep")
    allowed = "(" * 16 + "putin" + ")" * 16
    assert api.get(path, params={"q": allowed}).status_code == 200


def test_q_filters_quotes_in_their_usual_order(api: TestClient) -> None:
    putin = walk(api, "/v1/quotes", q="putin")
    assert set(ids(putin)) == {"putin-understanding-pave-the-way", "putin-next-time-in-moscow"}
    everything = ids(walk(api, "/v1/quotes"))
    assert ids(putin) == [quote_id for quote_id in everything if quote_id in set(ids(putin))]
    assert ids(walk(api, "/v1/quotes", q="putin", actor="alexey-fadeev")) == []


def test_q_filters_events(api: TestClient) -> None:
    assert ids(walk(api, "/v1/events", q="briefing")) == ["fadeev-briefing-2025-08-13"]
    assert ids(walk(api, "/v1/events", q="xylophone")) == []
    assert_problem(api.get("/v1/events", params={"q": "(briefing"}), 422, "q: a parenthesis")
