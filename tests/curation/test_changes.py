"""GET /v1/changes: every revision after `since`, loads' and writes', paged by number."""

from typing import Any

from app.queries.pagination import encode_cursor, fingerprint
from tests.curation.conftest import Api
from tests.curation.helpers import new_quote

QUOTE = "/v1/quotes/putin-sincerely-interested"


def feed(api: Api, **params: Any) -> dict[str, Any]:
    answer = api.client.get("/v1/changes", params=params)
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def forged_cursor(number: int) -> str:
    """A cursor of the feed from the start whose position is `number`."""
    return encode_cursor(fingerprint("changes", {"since": 0}), [number])


def every_change(api: Api, **params: Any) -> list[dict[str, Any]]:
    """Every entry of the feed, page after page."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = feed(api, **params, **({"cursor": cursor} if cursor else {}))
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items


def test_the_feed_lists_the_loads_revisions_then_each_write_in_order(api: Api) -> None:
    loaded = every_change(api, limit=7)
    numbers = [entry["number"] for entry in loaded]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert {entry["author"] for entry in loaded} == {"summitkb load"}
    assert {"url": "/v1/actors/vladimir-putin", "kind": "create"}.items() <= next(
        e for e in loaded if e["record_id"] == "vladimir-putin"
    ).items()
    assert api.post("quotes", new_quote(), params={"summary": "from AFP"}).status_code == 201
    tag = api.etag(QUOTE)
    assert api.patch(QUOTE, {"fragment": False}, tag).status_code == 200
    written = feed(api, since=numbers[-1])
    assert written["next"] is None
    entries = [
        {k: v for k, v in e.items() if k not in ("number", "made_at")} for e in written["items"]
    ]
    common = {"resource": "quotes", "record_id": "putin-sincerely-interested", "url": QUOTE}
    assert entries == [
        {**common, "kind": "create", "author": "newsroom", "summary": "from AFP"},
        {**common, "kind": "update", "author": "newsroom", "summary": None},
    ]
    assert written["items"][0]["made_at"].endswith(("Z", "+00:00"))


def test_since_skips_what_was_seen_and_a_cursor_continues_its_own_since(api: Api) -> None:
    first = feed(api, limit=2)
    since = first["items"][0]["number"]
    after = feed(api, since=since, limit=1)
    assert after["items"][0]["number"] == first["items"][1]["number"]
    same = api.client.get("/v1/changes", params={"since": since, "cursor": after["next"]})
    assert same.status_code == 200
    assert same.json()["items"][0]["number"] > after["items"][0]["number"]
    other = api.client.get("/v1/changes", params={"since": 0, "cursor": after["next"]})
    assert other.status_code == 422
    assert "another query" in other.json()["detail"]
    assert feed(api, since=2**31 - 1) == {"items": [], "next": None}
    assert api.client.get("/v1/changes", params={"since": 2**31}).status_code == 422


def test_the_feed_refuses_bad_parameters(api: Api) -> None:
    for params in (
        {"since": -1},
        {"since": "x"},
        {"limit": 0},
        {"limit": 501},
        {"cursor": "!"},
        {"cursor": "abc"},
        {"cursor": forged_cursor(2**40)},
        {"from": 3},
    ):
        answer = api.client.get("/v1/changes", params=params)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"] == "application/problem+json"


def test_the_feed_is_public_and_shows_no_key_material(api: Api) -> None:
    assert api.post("quotes", new_quote()).status_code == 201
    answer = api.client.get("/v1/changes", params={"limit": 500})
    assert answer.status_code == 200
    body = answer.text
    assert api.write_key not in body
    assert api.write_key[:12] not in body
    assert set(answer.json()["items"][-1]) == {
        "number",
        "resource",
        "record_id",
        "kind",
        "made_at",
        "author",
        "summary",
        "url",
    }


def test_the_feed_answers_csv_too(api: Api) -> None:
    answer = api.client.get("/v1/changes", params={"format": "csv", "limit": 2})
    assert answer.status_code == 200
    header = answer.text.splitlines()[0].lstrip("\ufeff")
    assert header.split(",")[:3] == ["number", "resource", "record_id"]
    assert 'rel="next"' in answer.headers["link"]
