"""POST /v1/batch: new records in one transaction, each created as its own POST creates it, in
order; a refusal names the write by its index, and then nothing is written."""

from typing import Any

import orjson
import pytest

from app.api.batch_docs import EXAMPLE
from tests.curation.conftest import Api
from tests.curation.helpers import new_quote, new_source
from tests.curation.test_suggestions import CHINADAILY, suggested
from tests.databases import ROOT

PROBLEM = "application/problem+json"


def accepted(api: Api) -> list[dict[str, Any]]:
    """The writes that accept the China Daily suggestions of the EU leaders: their actor, then
    their two quotes."""
    found = suggested(api, CHINADAILY)
    leaders = next(a["record"] for a in found["new_actors"] if a["id"] == "eu-leaders")
    theirs = [q["record"] for q in found["quotes"] if q["record"]["speaker"] == "eu-leaders"]
    return [
        {"resource": "actors", "record": leaders},
        *({"resource": "quotes", "record": record} for record in theirs),
    ]


def batch(api: Api, writes: Any, **kwargs: Any) -> Any:
    return api.post("batch", {"writes": writes}, **kwargs)


def state(api: Api) -> tuple[str, dict[str, int]]:
    meta = api.client.get("/v1/meta")
    return meta.headers["x-dataset-version"], meta.json()["counts"]


def test_a_batch_writes_each_record_with_a_revision_of_its_own(api: Api) -> None:
    writes = accepted(api)
    answer = batch(api, writes, params={"summary": "EU leaders from China Daily"})
    assert answer.status_code == 201, answer.text
    assert answer.headers["cache-control"] == "no-store"
    written = answer.json()["written"]
    ids = [w["record"]["id"] for w in writes]
    assert [(w["resource"], w["id"]) for w in written] == [
        (w["resource"], w["record"]["id"]) for w in writes
    ]
    assert len({w["revision"] for w in written}) == 3
    for record in written:
        assert record["location"] == f"http://127.0.0.1:8000/v1/{record['resource']}/{record['id']}"
        served = api.client.get(f"/v1/{record['resource']}/{record['id']}")
        assert served.status_code == 200 and served.headers["etag"] == record["etag"]
        revisions = api.client.get(f"/v1/{record['resource']}/{record['id']}/revisions")
        assert [(r["number"], r["kind"], r["summary"]) for r in revisions.json()["items"]] == [
            (record["revision"], "create", "EU leaders from China Daily")
        ]
    assert answer.headers["x-dataset-version"] == state(api)[0]
    quotes = api.client.get("/v1/quotes", params={"actor": "eu-leaders"}).json()["items"]
    assert sorted(q["id"] for q in quotes) == sorted(ids[1:])


def test_a_record_refused_in_the_middle_leaves_nothing_written(api: Api) -> None:
    before = state(api)
    writes = accepted(api)
    bad = {**writes[1]["record"], "citations": [{"source": CHINADAILY, "excerpt": "Not there."}]}
    answer = batch(api, [writes[0], {"resource": "quotes", "record": bad}, writes[2]])
    assert answer.status_code == 422 and answer.headers["content-type"] == PROBLEM
    locations = [error["location"] for error in answer.json()["errors"]]
    assert "body.writes.1.record.citations.0.excerpt" in locations
    assert all(location.startswith("body.writes.1.record.") for location in locations)
    assert api.client.get("/v1/actors/eu-leaders").status_code == 404
    assert api.client.get("/v1/actors/eu-leaders/revisions").status_code == 404
    assert state(api) == before


def test_records_not_valid_are_each_named_before_anything_is_tried(api: Api) -> None:
    writes = accepted(api)
    no_text = {k: v for k, v in writes[2]["record"].items() if k != "text"}
    answer = batch(
        api,
        [
            {"resource": "topics", "record": writes[0]["record"]},
            writes[1],
            {"resource": "quotes", "record": no_text},
            {"resource": "quotes"},
        ],
    )
    assert answer.status_code == 422
    assert [error["location"] for error in answer.json()["errors"]] == [
        "body.writes.0.resource",
        "body.writes.3.record",
    ]
    answer = batch(api, [writes[1], {"resource": "quotes", "record": no_text}])
    assert [error["location"] for error in answer.json()["errors"]] == ["body.writes.1.record.text"]


def test_a_taken_id_is_a_409_naming_the_write(api: Api) -> None:
    before = state(api)
    writes = accepted(api)
    answer = batch(api, [*writes, writes[1]])
    assert answer.status_code == 409 and answer.headers["content-type"] == PROBLEM
    problem = answer.json()
    assert problem["detail"].startswith("writes.3.record: id ")
    assert problem["id"] == writes[1]["record"]["id"]
    assert state(api) == before


def test_a_batch_may_add_a_source_its_speaker_and_a_quote_citing_it(api: Api) -> None:
    source = new_source()
    quote = new_quote(
        id="kremlin-will-continue",
        text="will continue",
        speaker="kremlin",
        said_on="2025-08-18",
        topics=[],
        citations=[{"source": source["id"], "excerpt": source["text"][13:-2]}],
    )
    citation = quote["citations"][0]
    kremlin = {"id": "kremlin", "name": "Kremlin", "kind": "organisation", "citations": [citation]}
    writes = [
        {"resource": "sources", "record": source},
        {"resource": "actors", "record": kremlin},
        {"resource": "quotes", "record": quote},
    ]
    answer = batch(api, writes)
    assert answer.status_code == 201, answer.text
    served = api.client.get("/v1/quotes/kremlin-will-continue").json()
    assert served["citations"][0]["source_id"] == source["id"]


@pytest.mark.parametrize("count", [0, 101])
def test_a_batch_holds_one_to_a_hundred_writes(api: Api, count: int) -> None:
    writes = [
        {"resource": "actors", "record": {"id": f"a-{i}", "name": "A", "kind": "person"}}
        for i in range(count)
    ]
    answer = batch(api, writes)
    assert answer.status_code == 422
    assert [error["location"] for error in answer.json()["errors"]] == ["body.writes"]


def test_a_hundred_writes_are_taken(api: Api) -> None:
    writes = [
        {
            "resource": "actors",
            "record": {"id": f"actor-{i}", "name": f"Actor {i}", "kind": "group"},
        }
        for i in range(100)
    ]
    answer = batch(api, writes)
    assert answer.status_code == 201, answer.text
    assert len(answer.json()["written"]) == 100


def test_a_batch_past_2_mib_is_413(api: Api) -> None:
    huge = new_source(text="Kremlin note\n" + "y" * (2 << 20))
    answer = batch(api, [{"resource": "sources", "record": huge}])
    assert answer.status_code == 413 and answer.headers["content-type"] == PROBLEM


def test_a_body_not_sent_as_json_is_415_and_not_json_422(api: Api) -> None:
    content = orjson.dumps({"writes": accepted(api)})
    headers = {**api.auth(), "Content-Type": "text/plain"}
    answer = api.client.post("/v1/batch", content=content, headers=headers)
    assert answer.status_code == 415
    assert answer.json()["detail"] == "send the body as application/json"
    headers["Content-Type"] = "application/json"
    answer = api.client.post("/v1/batch", content=b"{writes: []", headers=headers)
    assert answer.status_code == 422 and answer.json()["errors"][0]["location"] == "body"
    answer = api.post("batch", [])
    assert answer.status_code == 422 and answer.json()["errors"][0]["location"] == "body"


def test_without_a_key_or_from_an_unlisted_origin_it_is_refused(api: Api) -> None:
    writes = accepted(api)
    bare = api.client.post("/v1/batch", json={"writes": writes})
    assert bare.status_code == 401 and bare.headers["www-authenticate"] == "Bearer"
    elsewhere = batch(api, writes, headers={"Origin": "https://elsewhere.example"})
    assert elsewhere.status_code == 403
    assert api.client.get("/v1/actors/eu-leaders").status_code == 404


def test_the_batch_is_documented_with_an_example_of_the_readme(api: Api) -> None:
    schema = api.client.get("/openapi.json").json()
    operation = schema["paths"]["/v1/batch"]["post"]
    assert {"201", "401", "403", "409", "413", "415", "422", "429", "503"} <= set(
        operation["responses"]
    )
    content = operation["requestBody"]["content"]["application/json"]
    kinds = content["schema"]["properties"]["writes"]["items"]["oneOf"]
    assert [k["properties"]["record"]["$ref"].rsplit("/", 1)[1] for k in kinds] == [
        "SourceBody",
        "TopicBody",
        "ActorBody",
        "EventBody",
        "QuoteBody",
        "PositionBody",
    ]
    example = content["examples"]["new"]["value"]
    article = orjson.loads((ROOT / "docs" / "curation" / "article.json").read_bytes())
    assert example["writes"][0]["record"] == article
    suggestions = schema["paths"]["/v1/sources/{source_id}/suggestions"]["get"]
    assert suggestions["security"] == [{"apiKey": []}]
    assert {"200", "401", "403", "404", "422"} <= set(suggestions["responses"])
    described = schema["components"]["schemas"]["QuoteSuggestion"]["properties"]["record"]
    assert "POST this to `/v1/quotes`" in described["description"]


def test_an_article_end_to_end_as_the_docs_show_it(api: Api) -> None:
    """The README's walk through: the article, its suggestions, all accepted in one batch; the
    docs' example batch is those very writes."""
    article = orjson.loads((ROOT / "docs" / "curation" / "article.json").read_bytes())
    assert api.post("sources", article).status_code == 201
    found = suggested(api, article["id"])
    writes = [{"resource": "actors", "record": a["record"]} for a in found["new_actors"]]
    writes += [{"resource": "quotes", "record": q["record"]} for q in found["quotes"]]
    assert writes == EXAMPLE["writes"][1:]
    answer = batch(api, writes, params={"summary": "accepted as suggested"})
    assert answer.status_code == 201, answer.text
    novak = api.client.get("/v1/quotes/peter-novak-we-got-what-we-asked").json()
    assert novak["speaker"]["name"] == "Peter Novak"
    assert novak["citations"][0]["source_id"] == article["id"]


def test_a_method_the_path_does_not_take_is_405_whatever_its_body(api: Api) -> None:
    answer = api.client.request(
        "TRACE", "/v1/batch", content=orjson.dumps(EXAMPLE), headers=api.auth()
    )
    assert answer.status_code == 405 and answer.headers["allow"] == "POST"


def test_json_of_another_type_is_not_read_as_an_offset_a_date_or_a_flag(api: Api) -> None:
    source = new_source()
    article = {**source["articles"][0], "start": False, "published_on": 0}
    quote = new_quote(fragment=1, citations=[{**new_quote()["citations"][0], "start": True}])
    writes = [
        {"resource": "sources", "record": {**source, "articles": [article]}},
        {"resource": "quotes", "record": quote},
    ]
    answer = batch(api, writes)
    assert answer.status_code == 422
    assert [error["location"] for error in answer.json()["errors"]] == [
        "body.writes.0.record.articles.0.published_on",
        "body.writes.0.record.articles.0.start",
        "body.writes.1.record.citations.0.start",
        "body.writes.1.record.fragment",
    ]
