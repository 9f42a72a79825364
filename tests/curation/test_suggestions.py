"""GET /v1/sources/{id}/suggestions: the extraction engine's suggestions for a stored source, to
a write key alone; what `summitkb extract --format json` gives for the source's text, and each
suggested record accepted as it is by the writes."""

from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from app.cli import cli
from tests.curation.conftest import Api
from tests.curation.helpers import AFP

PROBLEM = "application/problem+json"
CHINADAILY = "chinadaily-2025-08-14"


def suggested(api: Api, source: str = AFP) -> dict[str, Any]:
    answer = api.client.get(f"/v1/sources/{source}/suggestions", headers=api.auth())
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "no-store"
    found: dict[str, Any] = answer.json()
    return found


def test_a_sources_suggestions(api: Api) -> None:
    found = suggested(api, CHINADAILY)
    assert found["source"] == CHINADAILY and found["publisher"] == "China Daily"
    assert [a["id"] for a in found["articles"]] == ["all-accumulated-issues"]
    assert all(q["article"] == "all-accumulated-issues" for q in found["quotes"])
    speakers = {q["speaker"]["actor"] for q in found["quotes"] if q["speaker"]}
    assert {"alexey-fadeev", "donald-trump"} <= speakers
    assert all(q["excerpt"]["verified"] for q in found["quotes"])
    assert [a["id"] for a in found["new_actors"]] == [
        "eu-leaders",
        "us-administration",
        "karoline-leavitt",
    ]
    assert suggested(api, CHINADAILY) == found


def test_an_admin_key_may_ask_too(api: Api) -> None:
    answer = api.client.get(f"/v1/sources/{AFP}/suggestions", headers=api.auth(api.admin_key))
    assert answer.status_code == 200


def test_without_a_key_or_with_an_unknown_one_it_is_401(api: Api) -> None:
    bare = api.client.get(f"/v1/sources/{AFP}/suggestions")
    assert bare.status_code == 401 and bare.headers["content-type"] == PROBLEM
    assert bare.headers["www-authenticate"] == "Bearer"
    assert bare.headers["cache-control"] == "no-store"
    unknown = api.client.get(f"/v1/sources/{AFP}/suggestions", headers=api.auth("skb_nope"))
    assert unknown.status_code == 401
    assert unknown.headers["www-authenticate"] == 'Bearer error="invalid_token"'


def test_an_unknown_source_is_404_and_a_bad_id_422(api: Api) -> None:
    missing = api.client.get("/v1/sources/no-such-source/suggestions", headers=api.auth())
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    assert missing.json()["detail"] == "no source with id 'no-such-source'"
    assert missing.headers["cache-control"] == "no-store"
    bad = api.client.get("/v1/sources/Not%20An%20Id/suggestions", headers=api.auth())
    assert bad.status_code == 422


@pytest.mark.parametrize(
    ("path", "status", "location"),
    [
        ("/v1/sources/x%00y/suggestions", 422, "path"),
        (f"/v1/sources/{2**63 + 1}/suggestions", 404, None),
        (f"/v1/sources/{'a' * 10_000}/suggestions", 422, "path.source_id"),
        (f"/v1/sources/{AFP}/suggestions?zzz=1", 422, "query.zzz"),
    ],
)
def test_bad_input_with_a_key_is_a_4xx_problem(
    api: Api, path: str, status: int, location: str | None
) -> None:
    answer = api.client.get(path, headers=api.auth())
    assert answer.status_code == status and answer.headers["content-type"] == PROBLEM
    if location is not None:
        assert answer.json()["errors"][0]["location"] == location


def test_the_endpoint_answers_what_the_command_line_prints(
    api: Api, mini_url: str, tmp_path: Path
) -> None:
    """The AFP source's one article starts its text: the command line, given that article's
    text, date and publisher, reads what the endpoint reads (a file has no article id)."""
    answer = suggested(api)
    (article,) = answer["articles"]
    assert article["start"] == 0
    text = api.client.get(f"/v1/sources/{AFP}/text", headers=api.auth()).text
    path = tmp_path / "afp.txt"
    path.write_bytes(text[: article["end"]].encode())
    arguments = [str(path), "--published", article["published_on"], "--publisher", "AFP"]
    arguments += ["--source", AFP, "--format", "json", "--database-url", mini_url]
    printed = CliRunner().invoke(cli, ["extract", *arguments])
    assert printed.exit_code == 0, printed.output
    from_file = orjson.loads(printed.output)
    article["id"] = None
    for quote in answer["quotes"]:
        assert quote["article"] == "no-deal-in-alaska"
        quote["article"] = None
    assert from_file == answer
    assert answer["quotes"]


def test_a_suggested_quote_is_accepted_as_it_is(api: Api) -> None:
    found = suggested(api, CHINADAILY)
    record = next(q["record"] for q in found["quotes"] if q["parts"][0]["text"] == "great progress")
    assert record["speaker"] == "donald-trump"
    written = api.post("quotes", record)
    assert written.status_code == 201, written.text
    served = api.client.get(f"/v1/quotes/{record['id']}").json()
    assert served["speaker"]["id"] == record["speaker"]
    (citation,) = served["citations"]
    text = api.client.get(f"/v1/sources/{CHINADAILY}/text", headers=api.auth()).text
    assert text[citation["start"] : citation["end"]] == citation["excerpt"]
    assert citation["excerpt"] == record["citations"][0]["excerpt"]
    assert record["text"] in citation["excerpt"]


def test_a_proposed_new_actor_is_accepted_as_it_is_and_then_its_quotes(api: Api) -> None:
    found = suggested(api, CHINADAILY)
    leaders = next(a for a in found["new_actors"] if a["id"] == "eu-leaders")
    theirs = [q["record"] for q in found["quotes"] if q["record"]["speaker"] == "eu-leaders"]
    assert len(theirs) == 2
    refused = api.post("quotes", theirs[0])
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["location"] == "body.speaker"
    assert api.post("actors", leaders["record"]).status_code == 201
    assert [api.post("quotes", record).status_code for record in theirs] == [201, 201]
    quotes = api.client.get("/v1/quotes", params={"actor": "eu-leaders"}).json()["items"]
    assert sorted(q["id"] for q in quotes) == sorted(r["id"] for r in theirs)
