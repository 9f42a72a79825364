"""NDJSON: the whole dataset and each resource, one JSON document per line, streamed."""

import json
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, walk
from tests.formats.helpers import asgi_get, bodies, parse_csv
from tests.formats.test_negotiation import BROWSER

RESOURCES = {
    "sources": "source",
    "topics": "topic",
    "actors": "actor",
    "events": "event",
    "quotes": "quote",
    "positions": "position",
}


def lines(text: str) -> list[dict[str, Any]]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.split("\n")[:-1]]


def test_the_whole_dataset_is_one_typed_line_per_record(client: TestClient) -> None:
    response = client.get("/v1/export", params={"format": "ndjson"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    records = lines(response.text)
    assert all(set(line) == {"type", "record"} for line in records)
    counts = client.get("/v1/meta").json()["counts"]
    by_type = Counter(line["type"] for line in records)
    assert by_type == {record_type: counts[name] for name, record_type in RESOURCES.items()}
    order = [line["type"] for line in records]
    assert order == sorted(order, key=list(RESOURCES.values()).index)  # referents first


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_resource_export_holds_the_records_of_its_list(client: TestClient, resource: str) -> None:
    records = lines(client.get(f"/v1/export/{resource}").text)
    assert {line["type"] for line in records} == {RESOURCES[resource]}
    assert [line["record"] for line in records] == walk(client, f"/v1/{resource}", limit=500)


def test_a_resource_exports_as_csv_too(client: TestClient) -> None:
    response = client.get("/v1/export/quotes", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    listed = parse_csv(client.get("/v1/quotes", params={"format": "csv"}).text)
    assert parse_csv(response.text) == listed


def test_lists_answer_ndjson_with_their_filters(client: TestClient) -> None:
    response = client.get(
        "/v1/events",
        params={"actor": "vladimir-putin"},
        headers={"Accept": "application/x-ndjson"},
    )
    assert lines(response.text) == walk(client, "/v1/events", actor="vladimir-putin")


def test_export_parameters_are_checked(client: TestClient) -> None:
    assert_problem(client.get("/v1/export", params={"format": "csv"}), 422, "format")
    assert_problem(client.get("/v1/export/quotes", params={"format": "xml"}), 422, "format")
    assert_problem(client.get("/v1/export/nothing"), 422, "resource")


def test_the_export_streams_in_batches(client: TestClient) -> None:
    messages = asgi_get(client.app, "/v1/export", "format=ndjson")
    assert messages[0]["status"] == 200
    chunks = [body for body in bodies(messages) if body]
    assert len(chunks) >= len(RESOURCES)  # at least a batch per resource
    assert sum(body.count(b"\n") for body in chunks) == len(lines(b"".join(chunks).decode()))


def test_the_export_honours_accept(client: TestClient) -> None:
    for accept in ("application/x-ndjson", "application/ndjson", "*/*", "application/*", BROWSER):
        assert client.get("/v1/export", headers={"Accept": accept}).status_code == 200, accept
    assert_problem(client.get("/v1/export", headers={"Accept": "image/png"}), 406, "x-ndjson")
    csv_path = "/v1/export/topics?format=csv"
    assert client.get(csv_path, headers={"Accept": "text/csv"}).status_code == 200
    refused = client.get(csv_path, headers={"Accept": "application/x-ndjson"})
    assert_problem(refused, 406, "text/csv")


def test_a_resource_export_answers_the_type_accept_prefers(client: TestClient) -> None:
    by_format = client.get("/v1/export/topics", params={"format": "csv"})
    by_accept = client.get("/v1/export/topics", headers={"Accept": "text/csv"})
    assert by_accept.status_code == 200
    assert by_accept.headers["content-type"].startswith("text/csv")
    assert by_accept.text == by_format.text
    assert by_accept.headers["content-disposition"].endswith('.csv"')
    ndjson_first = {"Accept": "text/csv;q=0.5, application/x-ndjson"}
    preferred = client.get("/v1/export/topics", headers=ndjson_first)
    assert preferred.headers["content-type"].startswith("application/x-ndjson")
    refused = client.get("/v1/export/topics", headers={"Accept": "image/png"})
    assert_problem(refused, 406, "application/x-ndjson, text/csv")


@pytest.mark.parametrize("resource", ["quotes", "actors"])
def test_an_export_in_small_batches_loses_and_repeats_nothing(
    client: TestClient, resource: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.formats.render.BATCH", 1)  # a batch per record: every cursor is used
    records = lines(client.get(f"/v1/export/{resource}").text)
    assert len(records) > 3
    assert [line["record"] for line in records] == walk(client, f"/v1/{resource}", limit=500)
    csv_export = parse_csv(client.get(f"/v1/export/{resource}", params={"format": "csv"}).text)
    assert csv_export == parse_csv(client.get(f"/v1/{resource}", params={"format": "csv"}).text)
