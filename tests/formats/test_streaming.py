"""Streaming: CSV and NDJSON arrive page by page, whatever the number of pages."""

import csv
import io
import json
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query
from fastapi.testclient import TestClient

from app.formats.middleware import FormatMiddleware
from app.schemas.common import Page, Schema
from tests.formats.helpers import asgi_get, bodies, parse_csv

AWKWARD = [
    "plain",
    "a, comma",
    'a "quoted" word',
    "two\nlines",
    "Zelensky’s “ceasefire” — 停火, Зеленский",
    "",
]


class Row(Schema):
    """A record with the characters CSV must quote."""

    id: str
    text: str
    flag: bool
    tags: list[str]


def rows_app(overloaded_pages: set[str] | None = None) -> FastAPI:
    """An API of one list with pages of at most 2 records, formats installed; the pages after
    the cursors in `overloaded_pages` answer 503 the first time they are asked for."""
    app = FastAPI()
    overloaded = set(overloaded_pages or ())
    records = [Row(id=f"r{i}", text=t, flag=i % 2 == 0, tags=[t]) for i, t in enumerate(AWKWARD)]

    @app.get("/v1/rows")
    def list_rows(
        limit: Annotated[int, Query(le=2)] = 2, cursor: Annotated[str | None, Query()] = None
    ) -> Page[Row]:
        """Rows in id order."""
        if cursor in overloaded:
            overloaded.discard(cursor)
            raise HTTPException(503, "over the time budget")
        start = int(cursor or 0)
        end = start + limit
        return Page[Row](items=records[start:end], next=str(end) if end < len(records) else None)

    app.add_middleware(FormatMiddleware, api=app)
    return app


def test_csv_streams_one_chunk_per_page_and_quotes_what_it_must() -> None:
    messages = asgi_get(rows_app(), "/v1/rows", "format=csv")
    chunks = [body for body in bodies(messages) if body]
    assert len(chunks) == 1 + 3  # the header, then three pages of two
    rows = parse_csv(b"".join(chunks).decode())
    assert [row["text"] for row in rows] == AWKWARD
    assert [row["flag"] for row in rows[:2]] == ["true", "false"]
    assert json.loads(rows[4]["tags"]) == [AWKWARD[4]]
    raw = b"".join(chunks).decode()
    assert '"a, comma"' in raw and '"a ""quoted"" word"' in raw and '"two\nlines"' in raw
    assert next(csv.reader(io.StringIO(raw, newline=""))) == ["id", "text", "flag", "tags"]


def test_ndjson_streams_every_page() -> None:
    messages = asgi_get(rows_app(), "/v1/rows", headers={"Accept": "application/x-ndjson"})
    start = messages[0]
    assert start["status"] == 200
    assert (b"content-type", b"application/x-ndjson") in start["headers"]
    chunks = [body for body in bodies(messages) if body]
    assert len(chunks) == 3
    lines = b"".join(chunks).decode().splitlines()
    assert [json.loads(line)["text"] for line in lines] == AWKWARD


def test_the_response_is_a_streaming_one(client: TestClient) -> None:
    with client.stream("GET", "/v1/quotes", params={"format": "csv"}) as response:
        assert "content-length" not in response.headers
        assert response.headers.get("transfer-encoding", "chunked") == "chunked"
        assert len(parse_csv(response.read().decode())) == 4


def test_a_page_answered_503_is_tried_again() -> None:
    messages = asgi_get(rows_app(overloaded_pages={"2", "4"}), "/v1/rows", "format=ndjson")
    lines = b"".join(bodies(messages)).decode().splitlines()
    assert [json.loads(line)["text"] for line in lines] == AWKWARD
