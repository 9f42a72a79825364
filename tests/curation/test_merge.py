"""POST /v1/actors/{id}/merge: every reference moves to the successor in one revision, the merged
id answers 308 to it and keeps its revisions; and each refusal."""

from typing import Any

import pytest

from app.curation import merging
from app.curation.check import BODY, Rejected, check_record
from app.loader.problems import Problem
from tests.curation.conftest import Api
from tests.curation.test_delete import delete, problem

OLD = "/v1/actors/volodymyr-zelensky"
NEW_ID = "volodymyr-zelenskyy"
DUPLICATE = {"id": NEW_ID, "name": "Volodymyr Zelenskyy", "kind": "person"}


def merge(api: Api, path: str, body: Any, if_match: str | None, **kwargs: Any) -> Any:
    headers = {**api.auth(), **kwargs.pop("headers", {})}
    if if_match is not None:
        headers["If-Match"] = if_match
    return api.client.post(f"{path}/merge", json=body, headers=headers, **kwargs)


@pytest.fixture
def successor(api: Api) -> str:
    answer = api.post("actors", DUPLICATE)
    assert answer.status_code == 201, answer.text
    return NEW_ID


def test_a_merge_moves_every_reference_and_the_old_id_answers_308(api: Api, successor: str) -> None:
    answer = merge(api, OLD, {"into": successor}, api.etag(OLD), params={"summary": "one man"})
    assert answer.status_code == 200, answer.text
    merged = answer.json()
    assert merged["id"] == successor
    assert {"Volodymyr Zelensky", "Zelensky", "Zelenskyy"} <= set(merged["aliases"])
    assert answer.headers["etag"] == api.etag(f"/v1/actors/{successor}")
    moved = api.client.get(OLD, follow_redirects=False)
    assert moved.status_code == 308
    assert moved.headers["location"].endswith(f"/v1/actors/{successor}")
    quote = api.client.get("/v1/quotes/zelensky-pressure-on-russia").json()
    assert quote["speaker"]["id"] == successor
    position = api.client.get("/v1/positions/zelensky-ceasefire").json()
    assert position["actor"]["id"] == successor
    by_old = api.client.get("/v1/quotes", params={"actor": "volodymyr-zelensky"})
    by_old = by_old.json()
    assert [q["id"] for q in by_old["items"]] == ["zelensky-pressure-on-russia"]


def test_the_merged_actors_revisions_and_the_change_feed_show_the_merge(
    api: Api, successor: str
) -> None:
    assert merge(api, OLD, {"into": successor}, api.etag(OLD)).status_code == 200
    revisions = api.client.get(OLD + "/revisions").json()["items"]
    last = revisions[-1]
    assert (last["kind"], last["author"]) == ("merge", "newsroom")
    assert last["change"]["into"] == successor
    assert last["change"]["moved"]["quotes"] == ["zelensky-pressure-on-russia"]
    changes = api.client.get("/v1/changes", params={"since": last["number"] - 1}).json()
    assert [(c["kind"], c["url"]) for c in changes["items"]] == [("merge", OLD)]


def test_the_successors_revisions_show_the_merge_that_changed_it(api: Api, successor: str) -> None:
    created = api.client.get(f"/v1/actors/{successor}/revisions").json()["items"]
    assert merge(api, OLD, {"into": successor}, api.etag(OLD)).status_code == 200
    listed = api.client.get(f"/v1/actors/{successor}/revisions").json()["items"]
    assert listed[: len(created)] == created
    merged = listed[len(created) :]
    assert [(r["kind"], r["record_id"], r["change"]["into"]) for r in merged] == [
        ("merge", "volodymyr-zelensky", successor)
    ]
    assert merged == api.client.get(OLD + "/revisions").json()["items"][-1:]
    other = api.client.get("/v1/actors/vladimir-putin/revisions").json()["items"]
    assert "merge" not in [r["kind"] for r in other]


def test_a_merge_refreshes_counts_facets_and_search(api: Api) -> None:
    counts = api.client.get("/v1/meta").json()["counts"]
    assert api.post("actors", DUPLICATE).status_code == 201
    assert merge(api, OLD, {"into": NEW_ID}, api.etag(OLD)).status_code == 200
    # The duplicate came and the merged actor went: nothing else was added or lost.
    assert api.client.get("/v1/meta").json()["counts"] == counts
    page = api.client.get("/v1/quotes", params={"facet": "speaker", "limit": 1}).json()
    speakers = {facet["value"]: facet["count"] for facet in page["facets"]["speaker"]}
    assert speakers[NEW_ID] == 1
    assert "volodymyr-zelensky" not in speakers
    found = api.client.get("/v1/search", params={"q": "pressure", "type": "quote"}).json()
    assert [hit["speaker"]["id"] for hit in found["items"]] == [NEW_ID]


def test_a_participant_of_both_events_is_kept_once(api: Api) -> None:
    path = "/v1/actors/donald-trump"
    answer = merge(api, path, {"into": "vladimir-putin"}, api.etag(path))
    assert answer.status_code == 200, answer.text
    event = api.client.get("/v1/events/anchorage-summit-2025").json()
    assert [p["id"] for p in event["participants"]] == ["vladimir-putin"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"into": "volodymyr-zelensky"}, "not merged into itself"),
        ({"into": "nobody-at-all"}, "no actor with id 'nobody-at-all'"),
        ({"into": "Not A Slug"}, "pattern"),
        ({}, "required"),
        ({"into": "russia", "also": 1}, "not permitted"),
        ([], "object"),
    ],
)
def test_a_bad_merge_body_is_422(api: Api, body: Any, message: str) -> None:
    found = problem(merge(api, OLD, body, api.etag(OLD)), 422)
    assert message in found["detail"] + str(found.get("errors"))
    assert api.client.get(OLD).status_code == 200


def test_a_merge_is_refused_without_a_key_an_etag_or_json(api: Api, successor: str) -> None:
    body = {"into": successor}
    assert merge(api, OLD, body, api.etag(OLD), headers={"Authorization": ""}).status_code == 401
    assert problem(merge(api, OLD, body, None), 428)["detail"].startswith("an edit or a delete")
    assert problem(merge(api, OLD, body, '"stale"'), 412)["etag"] == api.etag(OLD)
    raw = api.client.post(
        OLD + "/merge",
        content=b"into=x",
        headers={**api.auth(), "If-Match": api.etag(OLD), "Content-Type": "text/plain"},
    )
    assert problem(raw, 415)["accepted"] == ["application/json"]
    assert api.client.get(OLD).status_code == 200


def test_merging_an_unknown_or_deleted_actor_is_404_or_410(api: Api, successor: str) -> None:
    assert problem(merge(api, "/v1/actors/nobody-at-all", {"into": successor}, '"x"'), 404)
    path = f"/v1/actors/{successor}"
    assert delete(api, path, api.etag(path)).status_code == 204
    assert problem(merge(api, path, {"into": "russia"}, '"x"'), 410)


def test_an_organisation_merged_into_its_member_leaves_no_affiliation_to_itself(api: Api) -> None:
    path = "/v1/actors/russian-foreign-ministry"
    answer = merge(api, path, {"into": "alexey-fadeev"}, api.etag(path))
    assert answer.status_code == 200, answer.text
    merged = answer.json()
    assert merged["affiliations"] == []
    assert {"Russian Foreign Ministry", "Foreign Ministry"} <= set(merged["aliases"])
    position = api.client.get("/v1/positions/russia-europe-consultations").json()
    assert position["actor"]["id"] == "alexey-fadeev"


def test_a_merged_id_whose_successor_is_deleted_is_gone(api: Api, successor: str) -> None:
    assert merge(api, OLD, {"into": successor}, api.etag(OLD)).status_code == 200
    referring = ("quotes/zelensky-pressure-on-russia", "positions/zelensky-ceasefire")
    for path in (*(f"/v1/{record}" for record in referring), f"/v1/actors/{successor}"):
        assert delete(api, path, api.etag(path)).status_code == 204
    gone = problem(api.client.get(OLD), 410)
    merged = api.client.get(OLD + "/revisions").json()["items"][-1]
    assert (gone["revision"], merged["kind"]) == (merged["number"], "merge")
    assert "merged into a record since deleted" in gone["detail"]


def test_a_merge_that_a_moved_record_fails_is_422_and_writes_nothing(
    api: Api, successor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No record of the mini seed fails once moved (the successor takes the merged names), so
    # the loader's check of quotes is made to refuse, as a stricter rule would.
    def refusing(connection: Any, resource: str, located: Any) -> Any:
        if resource == "quotes":
            raise Rejected([Problem(BODY, 0, "speaker", "the speaker is not named")])
        return check_record(connection, resource, located)

    monkeypatch.setattr(merging, "check_record", refusing)
    tag = api.etag(OLD)
    found = problem(merge(api, OLD, {"into": successor}, tag), 422)
    assert found["errors"] == [
        {
            "location": "body.into",
            "message": "quote 'zelensky-pressure-on-russia' would fail (speaker): the speaker "
            "is not named",
        }
    ]
    assert api.etag(OLD) == tag
    quote = api.client.get("/v1/quotes/zelensky-pressure-on-russia").json()
    assert quote["speaker"]["id"] == "volodymyr-zelensky"
    assert api.client.get(f"/v1/actors/{successor}").json()["aliases"] == []
