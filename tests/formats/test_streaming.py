"""Streaming: CSV and NDJSON arrive page by page, all pages read in one snapshot, off the loop."""

import csv
import io
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any

import anyio
import pytest
from fastapi import FastAPI, Query, Request
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import Message

from app.api.answer import answer_list
from app.api.params import PageQuery
from app.config import Settings
from app.formats.render import SnapshotStream
from app.queries.pagination import PageRequest
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


class Reads:
    """What each page read saw: its session, its transaction, its thread."""

    def __init__(self) -> None:
        self.seen: list[tuple[Session, Any, int]] = []
        self.loop_thread: int | None = None


def rows_app(reads: Reads) -> FastAPI:
    """An API of one list of the AWKWARD rows, read by offset, through the one renderer."""
    app = FastAPI()
    app.state.settings = Settings()
    app.state.sessionmaker = sessionmaker(create_engine("sqlite://"))
    records = [Row(id=f"r{i}", text=t, flag=i % 2 == 0, tags=[t]) for i, t in enumerate(AWKWARD)]

    def read(session: Session, page: PageRequest) -> Page[Row]:
        reads.seen.append((session, session.get_transaction(), threading.get_ident()))
        start = int(page.cursor or 0)
        end = start + page.limit
        return Page[Row](items=records[start:end], next=str(end) if end < len(records) else None)

    @app.get("/v1/rows", response_model=Page[Row])
    async def list_rows(request: Request, query: Annotated[PageQuery, Query()]) -> Any:
        """Rows in id order."""
        reads.loop_thread = threading.get_ident()
        return await answer_list(request, query, read)

    return app


@pytest.fixture
def pages_of_two(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.formats.render.BATCH", 2)


@pytest.mark.usefixtures("pages_of_two")
def test_csv_streams_one_chunk_per_page_and_quotes_what_it_must() -> None:
    messages = asgi_get(rows_app(Reads()), "/v1/rows", "format=csv")
    chunks = [body for body in bodies(messages) if body]
    assert len(chunks) == 1 + 3  # the header, then three pages of two
    rows = parse_csv(b"".join(chunks).decode())
    assert [row["text"] for row in rows] == AWKWARD
    assert [row["flag"] for row in rows[:2]] == ["true", "false"]
    assert json.loads(rows[4]["tags"]) == [AWKWARD[4]]
    raw = b"".join(chunks).decode()
    assert '"a, comma"' in raw and '"a ""quoted"" word"' in raw and '"two\nlines"' in raw
    assert next(csv.reader(io.StringIO(raw, newline=""))) == ["id", "text", "flag", "tags"]


@pytest.mark.usefixtures("pages_of_two")
def test_ndjson_streams_every_page() -> None:
    messages = asgi_get(rows_app(Reads()), "/v1/rows", headers={"Accept": "application/x-ndjson"})
    start = messages[0]
    assert start["status"] == 200
    assert (b"content-type", b"application/x-ndjson") in start["headers"]
    chunks = [body for body in bodies(messages) if body]
    assert len(chunks) == 3
    lines = b"".join(chunks).decode().splitlines()
    assert [json.loads(line)["text"] for line in lines] == AWKWARD


@pytest.mark.usefixtures("pages_of_two")
def test_a_stream_reads_every_page_in_one_transaction_in_worker_threads() -> None:
    reads = Reads()
    asgi_get(rows_app(reads), "/v1/rows", "format=ndjson")
    assert len(reads.seen) == 3
    sessions = {id(session) for session, _, _ in reads.seen}
    transactions = {id(transaction) for _, transaction, _ in reads.seen}
    assert len(sessions) == len(transactions) == 1
    assert None not in [transaction for _, transaction, _ in reads.seen]
    assert reads.loop_thread not in {thread for _, _, thread in reads.seen}
    session = reads.seen[0][0]
    assert not session.in_transaction()  # closed once the stream ended


def test_given_a_limit_one_page_is_read(pages_of_two: None) -> None:
    reads = Reads()
    messages = asgi_get(rows_app(reads), "/v1/rows", "format=ndjson&limit=2")
    assert len(b"".join(bodies(messages)).splitlines()) == 2
    assert len(reads.seen) == 1


def test_the_response_is_a_streaming_one(client: TestClient) -> None:
    with client.stream("GET", "/v1/quotes", params={"format": "csv"}) as response:
        assert "content-length" not in response.headers
        assert response.headers.get("transfer-encoding", "chunked") == "chunked"
        assert len(parse_csv(response.read().decode())) == 4


def test_a_list_streams_in_pages_of_one_without_losing_a_record(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = client.get("/v1/quotes", params={"format": "ndjson"}).text
    monkeypatch.setattr("app.formats.render.BATCH", 1)  # every cursor is used
    messages = asgi_get(client.app, "/v1/quotes", "format=ndjson")
    chunks = [body for body in bodies(messages) if body]
    assert len(chunks) == 4
    assert b"".join(chunks).decode() == whole


def test_a_stream_refused_before_it_starts_still_closes_its_session() -> None:
    """The stream-slot layer refuses a stream at its first message: the session opened for it
    (its first page read already) must not stay open."""
    session = Session(create_engine("sqlite://", connect_args={"check_same_thread": False}))
    session.connection()  # the stream's transaction, under way
    response = SnapshotStream(session, iter([b"never sent"]), "text/csv", {})
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.4"}, "method": "GET"}

    async def receive() -> Message:
        return {"type": "http.disconnect"}

    async def refuse(message: Message) -> None:
        raise RuntimeError("no stream slot")

    # In a thread of its own: a browser test may have left an event loop running in this one.
    with ThreadPoolExecutor(1) as thread, pytest.raises(RuntimeError, match="no stream slot"):
        thread.submit(anyio.run, response, scope, receive, refuse).result()
    assert not session.in_transaction()
