"""POST of a source, actor, quote or position: what is accepted, and each refusal."""

from typing import Any

import orjson
import pytest

from tests.curation.conftest import Api
from tests.curation.helpers import new_position, new_quote, new_source

PROBLEM = "application/problem+json"


def problem_locations(answer: Any) -> list[str]:
    assert answer.headers["content-type"] == PROBLEM
    return [error["location"] for error in answer.json()["errors"]]


@pytest.mark.parametrize(
    ("resource", "body"),
    [
        ("sources", new_source()),
        ("quotes", new_quote()),
        ("positions", new_position()),
        (
            "actors",
            {
                "id": "united-states-counterpart",
                "name": "US counterpart",
                "kind": "person",
                "aliases": ["counterpart"],
                "citations": [
                    {
                        "source": "afp-2025-08-15",
                        "excerpt": "Russian President Vladimir Putin on Friday spoke of an "
                        "“understanding” reached with United States (US) counterpart Donald Trump",
                    }
                ],
            },
        ),
    ],
)
def test_a_new_record_is_served_as_written(api: Api, resource: str, body: dict[str, Any]) -> None:
    version = api.client.get("/v1/meta").headers["x-dataset-version"]
    answer = api.post(resource, body, params={"summary": "a new record"})
    assert answer.status_code == 201, answer.text
    location = f"http://127.0.0.1:8000/v1/{resource}/{body['id']}"
    assert answer.headers["location"] == location
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-dataset-version"] != version
    served = api.client.get(f"/v1/{resource}/{body['id']}")
    assert served.status_code == 200
    assert served.content == answer.content
    assert served.headers["etag"] == answer.headers["etag"]
    assert not answer.headers["etag"].startswith("W/")
    assert (
        api.client.get("/v1/meta").headers["x-dataset-version"]
        == answer.headers["x-dataset-version"]
    )
    revisions = api.client.get(f"/v1/{resource}/{body['id']}/revisions").json()["items"]
    assert [(r["kind"], r["author"], r["summary"]) for r in revisions] == [
        ("create", "newsroom", "a new record")
    ]


def test_a_new_quote_shows_in_the_lists_and_the_search(api: Api) -> None:
    assert api.post("quotes", new_quote()).status_code == 201
    listed = api.client.get("/v1/quotes", params={"actor": "vladimir-putin", "limit": 50}).json()
    assert "putin-sincerely-interested" in [item["id"] for item in listed["items"]]
    found = api.client.get("/v1/search", params={"q": '"putting an end"', "type": "quote"}).json()
    assert [hit["id"] for hit in found["items"]] == ["putin-sincerely-interested"]
    meta = api.client.get("/v1/meta").json()
    assert meta["counts"]["quotes"] == 5


def test_without_a_key_or_with_an_unknown_one_nothing_is_written(api: Api) -> None:
    bare = api.client.post("/v1/quotes", json=new_quote())
    assert bare.status_code == 401
    assert bare.headers["www-authenticate"] == "Bearer"
    unknown = api.client.post(
        "/v1/quotes", json=new_quote(), headers={"Authorization": "Bearer skb_nothing"}
    )
    assert unknown.status_code == 401
    assert "skb_nothing" not in unknown.text
    assert api.client.get("/v1/quotes/putin-sincerely-interested").status_code == 404


def test_an_admin_key_may_write(api: Api) -> None:
    answer = api.post("quotes", new_quote(), headers=api.auth(api.admin_key))
    assert answer.status_code == 201
    revisions = api.client.get("/v1/quotes/putin-sincerely-interested/revisions").json()
    assert [item["author"] for item in revisions["items"]] == ["editor-in-chief"]


def test_a_taken_id_is_409(api: Api) -> None:
    answer = api.post("quotes", new_quote(id="putin-next-time-in-moscow"))
    assert answer.status_code == 409
    assert answer.json()["detail"] == (
        "id 'putin-next-time-in-moscow' is already taken by one of the quotes"
    )


def test_a_check_that_fails_is_422_naming_the_field(api: Api) -> None:
    body = new_quote(
        speaker="nobody",
        citations=[{"source": "afp-2025-08-15", "excerpt": "not in the document"}],
    )
    answer = api.post("quotes", body)
    assert answer.status_code == 422
    assert problem_locations(answer) == ["body.citations.0.excerpt", "body.speaker"]


def test_a_body_that_is_not_a_record_is_422(api: Api) -> None:
    headers = {**api.auth(), "Content-Type": "application/json"}
    for content, location in [(b"{not json", "body"), (b"[1, 2]", "body"), (b"{}", "body.id")]:
        answer = api.client.post("/v1/quotes", content=content, headers=headers)
        assert answer.status_code == 422, content
        assert location in problem_locations(answer)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_body_not_sent_as_json_is_415(api: Api, content_type: str | None) -> None:
    headers = api.auth()
    if content_type is not None:
        headers["Content-Type"] = content_type
    answer = api.client.post("/v1/quotes", content=orjson.dumps(new_quote()), headers=headers)
    assert answer.status_code == 415
    assert answer.json()["detail"] == "send the body as application/json"


def test_bodies_past_their_limit_are_413(api: Api) -> None:
    large = new_quote(note="x" * (64 << 10))
    assert api.post("quotes", large).status_code == 413
    text = "Kremlin note\n" + "y" * (100 << 10)
    article = {
        "id": "a",
        "title": "Kremlin note",
        "published_on": "2025-08-18",
        "start": 0,
        "end": len(text),
    }
    assert api.post("sources", new_source(text=text, articles=[article])).status_code == 201
    huge = "Kremlin note\n" + "y" * (2 << 20)
    assert api.post("sources", new_source(id="other", text=huge)).status_code == 413


def test_a_write_from_an_unlisted_origin_is_refused(api: Api) -> None:
    refused = api.post("quotes", new_quote(), headers={"Origin": "https://elsewhere.example"})
    assert refused.status_code == 403
    listed = api.post("quotes", new_quote(), headers={"Origin": "https://newsroom.example"})
    assert listed.status_code == 201


def test_without_a_key_every_write_of_the_schema_is_refused(api: Api) -> None:
    """Every POST, PATCH and DELETE the OpenAPI document lists, sent its own example (if it
    takes a body) without a key."""
    schema = api.client.get("/openapi.json").json()
    writes = [
        (path.replace("{", "").replace("}", ""), method, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if method in ("post", "patch", "put", "delete")
    ]
    assert len(writes) == 19
    for path, method, operation in writes:
        assert operation["security"] == [{"apiKey": []}]
        example = None
        if method != "delete":
            content = operation["requestBody"]["content"]["application/json"]
            example = next(iter(content["examples"].values()))["value"]
        answer = api.client.request(
            method, path, json=example, headers={"If-Match": "*", "Origin": "http://testserver"}
        )
        assert answer.status_code == 401, (method, path)
        assert answer.headers["www-authenticate"] == "Bearer"


def test_only_a_listed_origin_may_ask_to_send_a_write(api: Api) -> None:
    ask = {
        "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "authorization, content-type, if-match",
    }
    listed = api.client.options(
        "/v1/quotes/x", headers={**ask, "Origin": "https://newsroom.example"}
    )
    assert listed.status_code == 200
    assert {"PATCH", "DELETE"} <= set(listed.headers["access-control-allow-methods"].split(", "))
    other = api.client.options(
        "/v1/quotes/x", headers={**ask, "Origin": "https://elsewhere.example"}
    )
    assert other.status_code == 400
    assert "access-control-allow-origin" not in other.headers
    answer = api.post("quotes", new_quote(), headers={"Origin": "https://newsroom.example"})
    assert answer.headers["access-control-allow-origin"] == "https://newsroom.example"
    assert "Location" in answer.headers["access-control-expose-headers"]
