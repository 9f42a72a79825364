"""DELETE with If-Match: the record goes (410 afterwards, its revisions kept), and each refusal."""

from typing import Any

import pytest

from tests.curation.conftest import Api
from tests.curation.helpers import new_position, new_quote, new_source

PROBLEM = "application/problem+json"
QUOTE = "/v1/quotes/zelensky-pressure-on-russia"
POSITION = "/v1/positions/zelensky-ceasefire"
ACTOR = {
    "id": "united-states-counterpart",
    "name": "US counterpart",
    "kind": "person",
    "citations": [
        {
            "source": "afp-2025-08-15",
            "excerpt": "Russian President Vladimir Putin on Friday spoke of an “understanding” "
            "reached with United States (US) counterpart Donald Trump",
        }
    ],
}


def delete(api: Api, path: str, if_match: str | None, **kwargs: Any) -> Any:
    headers = {**api.auth(), **kwargs.pop("headers", {})}
    if if_match is not None:
        headers["If-Match"] = if_match
    return api.client.delete(path, headers=headers, **kwargs)


def problem(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == PROBLEM
    body: dict[str, Any] = answer.json()
    return body


def test_a_deleted_quote_answers_410_naming_its_revision_and_keeps_its_revisions(
    api: Api,
) -> None:
    version = api.client.get("/v1/meta").headers["x-dataset-version"]
    answer = delete(api, QUOTE, api.etag(QUOTE), params={"summary": "a duplicate"})
    assert answer.status_code == 204, answer.text
    assert answer.content == b""
    assert answer.headers["x-dataset-version"] != version
    revisions = api.client.get(QUOTE + "/revisions").json()["items"]
    last = revisions[-1]
    assert (last["kind"], last["author"], last["summary"]) == ("delete", "newsroom", "a duplicate")
    gone = problem(api.client.get(QUOTE), 410)
    assert gone["revision"] == last["number"]
    assert f"revision {last['number']}" in gone["detail"]
    assert api.client.get(QUOTE, params={"format": "csv"}).status_code == 410
    changes = api.client.get("/v1/changes", params={"since": last["number"] - 1}).json()
    assert [(c["kind"], c["url"]) for c in changes["items"]] == [("delete", QUOTE)]


def test_a_delete_refreshes_counts_search_and_facets(api: Api) -> None:
    def speakers() -> dict[str, int]:
        page = api.client.get("/v1/quotes", params={"facet": "speaker", "limit": 1}).json()
        return {facet["value"]: facet["count"] for facet in page["facets"]["speaker"]}

    def found() -> list[str]:
        page = api.client.get("/v1/search", params={"q": "pressure", "type": "quote"}).json()
        return [hit["id"] for hit in page["items"]]

    counts = api.client.get("/v1/meta").json()["counts"]
    assert speakers()["volodymyr-zelensky"] == 1
    assert "zelensky-pressure-on-russia" in found()
    assert delete(api, QUOTE, api.etag(QUOTE)).status_code == 204
    after = api.client.get("/v1/meta").json()["counts"]
    assert after == {**counts, "quotes": counts["quotes"] - 1, "citations": counts["citations"] - 1}
    assert "volodymyr-zelensky" not in speakers()
    assert "zelensky-pressure-on-russia" not in found()


def test_a_position_and_an_actor_made_through_the_api_may_be_deleted(api: Api) -> None:
    assert delete(api, POSITION, api.etag(POSITION)).status_code == 204
    assert api.client.get(POSITION).status_code == 410
    listed = api.client.get("/v1/positions", params={"limit": 500}).json()["items"]
    assert "zelensky-ceasefire" not in [p["id"] for p in listed]
    assert api.post("actors", ACTOR).status_code == 201
    actor = f"/v1/actors/{ACTOR['id']}"
    assert delete(api, actor, api.etag(actor)).status_code == 204
    assert api.client.get(actor).status_code == 410
    found = api.client.get("/v1/search", params={"q": "counterpart", "type": "actor"}).json()
    assert found["items"] == []


def test_a_source_no_record_cites_is_deleted_with_its_text(api: Api) -> None:
    source = new_source()
    path = f"/v1/sources/{source['id']}"
    assert api.post("sources", source).status_code == 201
    assert delete(api, path, api.etag(path)).status_code == 204
    assert api.client.get(path).status_code == 410
    assert api.client.get(path + "/text", headers=api.auth()).status_code == 410
    assert api.client.get(path + "/revisions").json()["items"][-1]["kind"] == "delete"


def test_a_deleted_id_may_be_used_again(api: Api) -> None:
    quote = new_quote()
    path = f"/v1/quotes/{quote['id']}"
    assert api.post("quotes", quote).status_code == 201
    assert delete(api, path, "*").status_code == 204
    assert api.post("quotes", quote).status_code == 201
    assert api.client.get(path).status_code == 200
    kinds = [r["kind"] for r in api.client.get(path + "/revisions").json()["items"]]
    assert kinds == ["create", "delete", "create"]


@pytest.mark.parametrize(
    ("path", "referrers"),
    [
        (
            "/v1/actors/vladimir-putin",
            {
                "events": ["anchorage-summit-2025"],
                "quotes": ["putin-next-time-in-moscow", "putin-understanding-pave-the-way"],
            },
        ),
        (
            "/v1/actors/russian-foreign-ministry",
            {"actors": ["alexey-fadeev"], "positions": ["russia-europe-consultations"]},
        ),
        (
            "/v1/quotes/fadeev-consultations-insignificant",
            {"positions": ["russia-europe-consultations"]},
        ),
    ],
)
def test_a_record_others_refer_to_is_a_409_naming_them(
    api: Api, path: str, referrers: dict[str, list[str]]
) -> None:
    refused = problem(delete(api, path, api.etag(path)), 409)
    assert refused["referrers"] == referrers
    for ids in referrers.values():
        assert all(record_id in refused["detail"] for record_id in ids)
    assert api.client.get(path).status_code == 200


def test_a_source_is_refused_while_any_citation_cites_it(api: Api) -> None:
    path = "/v1/sources/afp-2025-08-15"
    refused = problem(delete(api, path, api.etag(path)), 409)
    assert set(refused["referrers"]) == {"events", "quotes"}
    assert api.post("positions", new_position()).status_code == 201
    refused = problem(delete(api, path, api.etag(path)), 409)
    assert refused["referrers"]["positions"] == ["putin-legitimate-concerns"]


def test_a_delete_needs_a_current_if_match(api: Api) -> None:
    assert "If-Match" in problem(delete(api, QUOTE, None), 428)["detail"]
    assert problem(delete(api, QUOTE, " "), 428)
    stale = api.etag(QUOTE)
    assert api.patch(QUOTE, {"topics": ["ceasefire"]}, stale).status_code == 200
    refused = problem(delete(api, QUOTE, stale), 412)
    assert refused["etag"] == api.etag(QUOTE)
    assert problem(delete(api, QUOTE, 'W/"' + stale.strip('"') + '"'), 412)
    assert api.client.get(QUOTE).status_code == 200


def test_a_delete_needs_a_write_key_from_an_allowed_origin(api: Api) -> None:
    tag = api.etag(QUOTE)
    anonymous = api.client.delete(QUOTE, headers={"If-Match": tag})
    assert problem(anonymous, 401)
    assert anonymous.headers["www-authenticate"] == "Bearer"
    unknown = delete(api, QUOTE, tag, headers={"Authorization": "Bearer skb_nope"})
    assert problem(unknown, 401)
    foreign = delete(api, QUOTE, tag, headers={"Origin": "https://elsewhere.example"})
    assert problem(foreign, 403)
    assert (
        delete(api, QUOTE, tag, headers={"Authorization": f"Bearer {api.admin_key}"}).status_code
        == 204
    )


def test_deleting_what_is_not_there(api: Api) -> None:
    assert problem(delete(api, "/v1/quotes/no-such-quote", "*"), 404)
    assert problem(delete(api, "/v1/quotes/Not_A_Slug", "*"), 422)
    assert delete(api, QUOTE, "*").status_code == 204
    assert problem(delete(api, QUOTE, "*"), 410)
    assert problem(api.patch(QUOTE, {"fragment": True}, "*"), 410)
    assert problem(api.client.delete("/v1/meta", headers=api.auth()), 405)


def test_a_quote_another_lists_as_distinct_from_it_is_a_409(api: Api) -> None:
    listing = new_quote(distinct_from=["zelensky-pressure-on-russia"])
    assert api.post("quotes", listing).status_code == 201, listing
    refused = problem(delete(api, QUOTE, api.etag(QUOTE)), 409)
    assert refused["referrers"] == {"quotes": ["putin-sincerely-interested"]}
    mentioned = f"/v1/quotes/{listing['id']}"
    assert delete(api, mentioned, api.etag(mentioned)).status_code == 204
    assert delete(api, QUOTE, api.etag(QUOTE)).status_code == 204


def test_a_keys_only_source_shows_its_text_in_its_revisions_to_a_key_alone(api: Api) -> None:
    source = new_source()
    path = f"/v1/sources/{source['id']}/revisions"
    assert api.post("sources", source).status_code == 201
    public = api.client.get(path).json()["items"][0]["change"]
    assert public == {**source, "text": None}
    assert source["text"] not in api.client.get(path, params={"format": "csv"}).text
    keyed = api.client.get(path, headers=api.auth()).json()["items"][0]["change"]
    assert keyed["text"] == source["text"]
    assert delete(api, f"/v1/sources/{source['id']}", "*").status_code == 204
    assert api.client.get(path).json()["items"][0]["change"]["text"] is None
    public_source = new_source(id="public-note", text_access="public")
    assert api.post("sources", public_source).status_code == 201
    shown = api.client.get("/v1/sources/public-note/revisions").json()["items"][0]["change"]
    assert shown["text"] == public_source["text"]
    loaded = api.client.get("/v1/sources/afp-2025-08-15/revisions").json()["items"][0]
    assert loaded["change"] == {"content_hash": loaded["change"]["content_hash"]}


def test_the_ids_a_deleted_record_replaced_no_longer_move_to_it(api: Api) -> None:
    quote = new_quote(replaces=["putin-sincerely-interested-old"])
    assert api.post("quotes", quote).status_code == 201
    old = "/v1/quotes/putin-sincerely-interested-old"
    assert api.client.get(old, follow_redirects=False).status_code == 308
    assert delete(api, f"/v1/quotes/{quote['id']}", "*").status_code == 204
    assert problem(api.client.get(old, follow_redirects=False), 404)
