"""Topics and events written through the API (POST, PATCH, DELETE), with the same checks as
the other records; and their reads as a fresh load of the same seed reads them."""

import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import MINI_SEED
from tests.curation.conftest import Api
from tests.curation.helpers import AFP, LEGITIMATE
from tests.curation.test_derived import (
    append,
    change,
    compared_with_a_fresh_load,
)

PROBLEM = "application/problem+json"
TOPIC = {"id": "peace-talks", "name": "Peace talks", "aliases": ["negotiations"]}
EVENT = {
    "id": "putin-remarks-2025-08-15",
    "title": "Putin's remarks on Ukraine after the summit",
    "kind": "statement",
    "status": "held",
    "start": "2025-08-15",
    "participants": [{"actor": "vladimir-putin", "role": "President of Russia"}],
    "topics": ["ceasefire"],
    "citations": [{"source": AFP, "excerpt": LEGITIMATE}],
}
RENAMED = {"name": "Ceasefire in Ukraine", "aliases": ["truce"]}
GALLUP_ID = "gallup-poll-ukraine-2025"
GALLUP = f"/v1/events/{GALLUP_ID}"


def delete(api: Api, path: str, if_match: str | None) -> Any:
    headers = api.auth() if if_match is None else {**api.auth(), "If-Match": if_match}
    return api.client.delete(path, headers=headers)


def test_a_new_topic_and_event_are_served_as_written(api: Api) -> None:
    for resource, body in (("topics", TOPIC), ("events", EVENT)):
        answer = api.post(resource, body, params={"summary": "new"})
        assert answer.status_code == 201, answer.text
        path = f"/v1/{resource}/{body['id']}"
        served = api.client.get(path)
        assert served.content == answer.content
        assert served.headers["etag"] == answer.headers["etag"]
        revisions = api.client.get(path + "/revisions").json()["items"]
        assert [(r["kind"], r["change"], r["summary"]) for r in revisions] == [
            ("create", body, "new")
        ]
    event = api.client.get(f"/v1/events/{EVENT['id']}").json()
    assert [p["id"] for p in event["participants"]] == ["vladimir-putin"]
    putin = api.client.get("/v1/actors/vladimir-putin/events").json()["items"]
    assert EVENT["id"] in [e["id"] for e in putin]
    found = api.client.get("/v1/search", params={"q": "negotiations", "type": "topic"}).json()
    assert [hit["id"] for hit in found["items"]] == ["peace-talks"]


def test_a_topic_or_event_that_fails_a_check_is_422_naming_the_field(api: Api) -> None:
    unknown = {**EVENT, "participants": [{"actor": "nobody-at-all"}]}
    refused = api.post("events", unknown)
    assert refused.status_code == 422
    assert refused.headers["content-type"] == PROBLEM
    assert [e["location"] for e in refused.json()["errors"]] == ["body.participants.0.actor"]
    misquoted = {**EVENT, "citations": [{"source": AFP, "excerpt": "words never written"}]}
    assert api.post("events", misquoted).status_code == 422
    assert api.post("topics", {"id": "x", "name": ""}).status_code == 422
    assert api.post("topics", {**TOPIC, "id": "ceasefire"}).status_code == 409
    assert api.client.post("/v1/topics", json=TOPIC).status_code == 401
    assert api.client.get(f"/v1/events/{EVENT['id']}").status_code == 404


def test_a_topic_edit_is_found_by_its_new_names(api: Api) -> None:
    path = "/v1/topics/ceasefire"
    assert api.patch(path, RENAMED, None).status_code == 428
    tag = api.etag(path)
    answer = api.patch(path, RENAMED, tag)
    assert answer.status_code == 200, answer.text
    assert answer.json()["name"] == "Ceasefire in Ukraine"
    assert api.patch(path, {"name": "Again"}, tag).status_code == 412
    found = api.client.get("/v1/search", params={"q": "truce", "type": "topic"}).json()
    assert [hit["id"] for hit in found["items"]] == ["ceasefire"]


def test_an_event_edit_replaces_its_participants_and_shows_in_its_quotes(api: Api) -> None:
    path = "/v1/events/anchorage-summit-2025"
    quote = "/v1/quotes/putin-understanding-pave-the-way"
    quote_tag = api.etag(quote)
    participants = [{"actor": "donald-trump"}]
    edit = {"participants": participants, "title": "The Anchorage summit"}
    answer = api.patch(path, edit, api.etag(path))
    assert answer.status_code == 200, answer.text
    assert [p["id"] for p in answer.json()["participants"]] == ["donald-trump"]
    assert api.client.get(quote).json()["event"]["title"] == "The Anchorage summit"
    assert api.etag(quote) != quote_tag
    putin = api.client.get("/v1/actors/vladimir-putin/events").json()["items"]
    assert "anchorage-summit-2025" not in [e["id"] for e in putin]
    unchanged = api.patch(path, edit, api.etag(path))
    assert unchanged.status_code == 200
    kinds = [r["kind"] for r in api.client.get(path + "/revisions").json()["items"]]
    assert kinds == ["create", "update"]


def test_topics_and_events_others_refer_to_are_not_deleted(api: Api) -> None:
    topic = "/v1/topics/ceasefire"
    refused = delete(api, topic, api.etag(topic))
    assert refused.status_code == 409
    assert refused.json()["referrers"] == {
        "events": ["anchorage-summit-2025"],
        "quotes": ["putin-understanding-pave-the-way"],
        "positions": ["russia-ceasefire", "zelensky-ceasefire"],
    }
    event = "/v1/events/anchorage-summit-2025"
    refused = delete(api, event, api.etag(event))
    assert refused.status_code == 409
    assert set(refused.json()["referrers"]) == {"quotes"}


def test_a_topic_and_an_event_nothing_refers_to_are_deleted(api: Api) -> None:
    topic = "/v1/topics/security-guarantees"
    assert delete(api, topic, None).status_code == 428
    assert delete(api, topic, api.etag(topic)).status_code == 204
    assert delete(api, GALLUP, api.etag(GALLUP)).status_code == 204
    for path in (topic, GALLUP):
        gone = api.client.get(path)
        assert gone.status_code == 410
        assert gone.json()["revision"] > 0
        assert api.client.get(path + "/revisions").json()["items"][-1]["kind"] == "delete"
    listed = api.client.get("/v1/events", params={"limit": 500}).json()["items"]
    assert "gallup-poll-ukraine-2025" not in [e["id"] for e in listed]


def test_topic_and_event_writes_read_as_a_fresh_load_of_the_same_seed(
    api: Api, mini_url: str, sqlite_template: Path, tmp_path: Path
) -> None:
    assert api.post("topics", TOPIC).status_code == 201
    assert api.post("events", EVENT).status_code == 201
    ceasefire = "/v1/topics/ceasefire"
    assert api.patch(ceasefire, RENAMED, api.etag(ceasefire)).status_code == 200
    assert delete(api, GALLUP, api.etag(GALLUP)).status_code == 204
    seed = tmp_path / "seed"
    shutil.copytree(MINI_SEED, seed)
    events = seed / "events.yaml"
    kept = [e for e in yaml.safe_load(events.read_text(encoding="utf-8")) if e["id"] != GALLUP_ID]
    events.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    append(seed / "topics.yaml", TOPIC)
    append(events, EVENT)
    change(seed / "topics.yaml", "ceasefire", RENAMED)
    _paths, differ = compared_with_a_fresh_load(api, mini_url, seed, sqlite_template, tmp_path)
    assert differ == []
