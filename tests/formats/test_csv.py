"""CSV: every list, the same filters as JSON, flattened columns, streamed in chunks."""

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from app.formats.columns import Column, columns_of
from app.formats.csv_table import csv_rows
from app.schemas.common import CitationRead
from app.schemas.records import QuoteRead
from tests.api.helpers import assert_problem, ids, walk
from tests.formats.helpers import csv_header, parse_csv

LISTS = [
    "/v1/quotes",
    "/v1/events",
    "/v1/positions",
    "/v1/actors",
    "/v1/topics",
    "/v1/sources",
    "/v1/actors/vladimir-putin/quotes",
    "/v1/actors/vladimir-putin/positions",
    "/v1/actors/vladimir-putin/events",
]


def expected_cells(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """The documented flattening: objects to `a_b` columns, lists to JSON, lists of objects
    also to a `_count` column, booleans to true/false, null to ''."""
    cells: dict[str, str] = {}
    for key, value in record.items():
        name = prefix + key
        if isinstance(value, dict):
            cells |= expected_cells(value, f"{name}_")
        elif isinstance(value, list):
            if any(isinstance(item, dict) for item in value):
                cells[f"{name}_count"] = str(len(value))
            cells[name] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif isinstance(value, bool):
            cells[name] = "true" if value else "false"
        else:
            cells[name] = "" if value is None else str(value)
    return cells


@pytest.mark.parametrize("path", LISTS)
def test_csv_parses_back_to_the_json_records(client: TestClient, path: str) -> None:
    records = walk(client, path, limit=500)
    response = client.get(path, params={"format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv; charset=utf-8")
    rows = parse_csv(response.text)
    assert [row["id"] for row in rows] == ids(records)
    for row, record in zip(rows, records, strict=True):
        for column, value in expected_cells(record).items():
            if column in row:  # a null object has its columns, left empty
                assert row[column] == value, (record["id"], column)


def test_quote_columns_are_the_documented_ones(client: TestClient) -> None:
    text = client.get("/v1/quotes", params={"format": "csv"}).text
    header = csv_header(text)
    for column in ("speaker_id", "speaker_name", "event_id", "event_title", "citations_count"):
        assert column in header
    row = next(r for r in parse_csv(text) if r["id"] == "fadeev-consultations-insignificant")
    assert row["speaker_id"] == "alexey-fadeev"
    assert row["fragment"] == "false"
    citations = json.loads(row["citations"])
    assert row["citations_count"] == str(len(citations)) == "1"
    assert citations[0]["excerpt"].startswith('"We consider the consultations')


def test_accept_header_and_format_parameter_agree(client: TestClient) -> None:
    by_header = client.get("/v1/events", headers={"Accept": "text/csv"})
    by_parameter = client.get("/v1/events", params={"format": "csv"})
    assert by_header.text == by_parameter.text
    assert by_header.headers["content-disposition"] == 'attachment; filename="events.csv"'


def test_filters_apply_to_csv(client: TestClient) -> None:
    params = {"actor": "vladimir-putin", "from": "2025-08-15"}
    rows = parse_csv(client.get("/v1/quotes", params={**params, "format": "csv"}).text)
    assert [row["id"] for row in rows] == ids(walk(client, "/v1/quotes", **params))
    assert rows and {row["speaker_id"] for row in rows} == {"vladimir-putin"}
    kinds = parse_csv(client.get("/v1/actors", params={"kind": "state", "format": "csv"}).text)
    assert [row["id"] for row in kinds] == ["russia"]


def test_an_empty_result_is_the_header_alone(client: TestClient) -> None:
    response = client.get("/v1/quotes", params={"to": "2000-01-01", "format": "csv"})
    assert response.status_code == 200
    lines = response.text.split("\r\n")
    assert lines[1:] == [""]
    assert csv_header(response.text)[:3] == ["id", "text", "speaker_id"]


def test_given_a_limit_csv_answers_one_page_and_links_the_next(client: TestClient) -> None:
    first = client.get("/v1/quotes", params={"format": "csv", "limit": 3})
    assert len(parse_csv(first.text)) == 3
    link = first.headers["link"]
    assert link.endswith('>; rel="next"') and "format=csv" in link
    second = client.get(link[1 : link.index(">")])
    rest = [row["id"] for row in parse_csv(second.text)]
    assert "link" not in second.headers
    assert [r["id"] for r in parse_csv(first.text)] + rest == ids(walk(client, "/v1/quotes"))


def test_errors_stay_problems(client: TestClient) -> None:
    missing = client.get("/v1/actors/nobody/quotes", params={"format": "csv"})
    assert_problem(missing, 404, "no actor with id 'nobody'")
    bad_cursor = client.get("/v1/quotes", params={"format": "csv", "cursor": "garbage"})
    assert_problem(bad_cursor, 422, "cursor")
    bad_date = client.get("/v1/quotes", headers={"Accept": "text/csv"}, params={"from": "x"})
    assert_problem(bad_date, 422, "query.from")


def test_a_single_record_is_one_row(client: TestClient) -> None:
    rows = parse_csv(client.get("/v1/topics/ceasefire", params={"format": "csv"}).text)
    assert rows == [
        {
            "id": "ceasefire",
            "name": "Ceasefire",
            "aliases": "[]",
            "description": "A halt to the fighting in Ukraine.",
        }
    ]


def test_sparse_fields_narrow_the_columns(client: TestClient) -> None:
    params = {"fields": ["text", "speaker"], "format": "csv"}
    response = client.get("/v1/quotes", params=params)
    assert response.status_code == 200, response.text
    assert csv_header(response.text) == ["id", "text", "speaker_id", "speaker_name"]
    assert len(parse_csv(response.text)) == 4


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3", "-3"),
        ("+0.5", "+0.5"),
        ("-1e5", "-1e5"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_are_written_as_text(value: str, written: str) -> None:
    columns = [Column("text", ("text",))]
    rows = list(csv.reader(io.StringIO(csv_rows(columns, [{"text": value}]).decode(), newline="")))
    assert rows == [[written]]


def test_a_first_citation_that_a_spreadsheet_would_run_is_written_as_text() -> None:
    [column] = [c for c in columns_of([QuoteRead]) if c.name == "citation_excerpt"]
    record = {"citations": [{"excerpt": "=1+1"}, {"excerpt": "=2+2"}]}
    assert csv_rows([column], [record]).decode() == "'=1+1\r\n"
    assert csv_rows([column], [{"citations": []}]).decode() == '""\r\n'


def flat_fields(model: type[BaseModel]) -> list[str]:
    """The model's fields, a nested model's fields spelt out as `field_subfield`."""
    names = []
    for name, info in model.model_fields.items():
        nested = info.annotation
        if isinstance(nested, type) and issubclass(nested, BaseModel):
            names += [f"{name}_{sub}" for sub in flat_fields(nested)]
        else:
            names.append(name)
    return names


CITED = ["/v1/quotes", "/v1/positions", "/v1/events", "/v1/actors", "/v1/timeline"]


@pytest.mark.parametrize("path", CITED)
def test_the_first_citation_is_also_in_plain_columns(client: TestClient, path: str) -> None:
    fields = flat_fields(CitationRead)
    records = walk(client, path, limit=500)
    text = client.get(path, params={"format": "csv"}).text
    header = csv_header(text)
    plain = [f"citation_{field}" for field in fields]
    assert header[header.index("citations") + 1 :][: len(plain)] == plain
    rows = parse_csv(text)
    assert [row["id"] for row in rows] == ids(records)
    for row, record in zip(rows, records, strict=True):
        first = record["citations"][0] if record["citations"] else {}
        expected = {field: expected_cells(first).get(field, "") for field in fields}
        assert {field: row[f"citation_{field}"] for field in fields} == expected, record["id"]
    cited = any(record["citations"] for record in records)
    assert any(row["citation_excerpt"] for row in rows) == cited


BOM = "\ufeff".encode()


@pytest.mark.parametrize(
    "params",
    [
        {"format": "csv"},
        {"format": "csv", "limit": 2},
        {"format": "csv", "fields": ["text"]},
    ],
)
def test_bom_true_starts_a_csv_list_with_a_byte_order_mark(
    client: TestClient, params: dict[str, Any]
) -> None:
    plain = client.get("/v1/quotes", params=params)
    marked = client.get("/v1/quotes", params={**params, "bom": "true"})
    assert marked.status_code == 200, marked.text
    assert marked.headers["content-type"] == plain.headers["content-type"]
    assert not plain.content.startswith(BOM)
    assert marked.content == BOM + plain.content
    assert parse_csv(marked.content.decode("utf-8-sig")) == parse_csv(plain.text)


def test_bom_true_on_a_record_and_on_an_export(client: TestClient) -> None:
    record = client.get("/v1/topics/ceasefire", params={"format": "csv", "bom": "true"})
    assert record.content.startswith(BOM + b"id,")
    exported = client.get("/v1/export/quotes", params={"format": "csv", "bom": "true"})
    listed = client.get("/v1/quotes", params={"format": "csv", "bom": "true"})
    assert exported.content.startswith(BOM + b"id,")
    assert parse_csv(exported.content.decode("utf-8-sig")) == parse_csv(
        listed.content.decode("utf-8-sig")
    )
    accepted = client.get("/v1/export/topics", params={"bom": "1"}, headers={"Accept": "text/csv"})
    assert accepted.content.startswith(BOM + b"id,")


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/quotes", {}),
        ("/v1/quotes", {"format": "ndjson"}),
        ("/v1/topics/ceasefire", {"format": "jsonld"}),
        ("/v1/export/quotes", {}),
    ],
)
def test_other_formats_ignore_bom(client: TestClient, path: str, params: dict[str, str]) -> None:
    marked = client.get(path, params={**params, "bom": "true"})
    assert marked.status_code == 200, marked.text
    assert marked.content == client.get(path, params=params).content
    assert_problem(client.get("/v1/export", params={"bom": "true"}), 422, "query.bom")


def test_bom_is_documented_wherever_csv_is_offered(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    reads = [
        (path, methods["get"]) for path, methods in document["paths"].items() if "get" in methods
    ]
    for path, read in reads:
        media_types = read["responses"].get("200", {}).get("content", {})
        offers_csv = any(media.startswith("text/csv") for media in media_types)
        names = {p["name"]: p for p in read.get("parameters", [])}
        assert ("bom" in names) == offers_csv, path
        if offers_csv:
            assert "byte order mark" in names["bom"]["description"]
            assert "Excel" in names["bom"]["description"]
