"""The framework's ceiling: a bare FastAPI app that answers scenarios (a) and (b) as ours does.

    python bench/bare.py DB PORT [--http h11|httptools]

Plain `def` routes, no middleware, no dependencies, one read-only `sqlite3` connection per
worker thread, the very SQL text our app issues for (a) `GET /v1/quotes/{id}` and (b) `GET
/v1/quotes?actor=&from=&to=&limit=` (the dataset version, the replaced-id lookup, the page joined
to the stored documents), the stored bodies spliced into orjson bytes. No validation beyond
FastAPI's own parameter parsing, no cursor, no headers of ours: what is left of a request's cost
is uvicorn, Starlette's routing and FastAPI's parameter handling.
"""

from __future__ import annotations

import argparse
import sqlite3
import threading
from typing import Annotated

import orjson
import uvicorn
from fastapi import FastAPI, Query, Response

VERSION = "SELECT dataset.version \nFROM dataset"
DOCUMENT = (
    "SELECT derived_quote_json.body \nFROM derived_quote_json \nWHERE derived_quote_json.id = ?"
)
REPLACED = (
    "SELECT replaced_ids.old_id, replaced_ids.new_id \nFROM replaced_ids \n"
    "WHERE replaced_ids.resource = ? AND replaced_ids.old_id IN (?)"
)
PAGE = (
    "SELECT quotes.id, quotes.text, quotes.speaker_id, quotes.said_on, quotes.said_precision,"
    " quotes.is_fragment, quotes.event_id, quotes.translated_from, quotes.translated_by,"
    " quotes.content_hash, derived_quote_json.body \n"
    "FROM quotes JOIN derived_quote_json ON derived_quote_json.id = quotes.id \n"
    "WHERE quotes.speaker_id IN (?) AND quotes.said_on >= ? AND quotes.said_on <= ?"
    " AND quotes.said_on IS NOT NULL ORDER BY quotes.said_on, quotes.id\n LIMIT ? OFFSET ?"
)
JSON = "application/json"


def bare_app(db: str) -> FastAPI:
    local = threading.local()

    def connection() -> sqlite3.Connection:
        if not hasattr(local, "conn"):
            local.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
        conn: sqlite3.Connection = local.conn
        return conn

    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

    @app.get("/v1/quotes/{quote_id}")
    def one_quote(quote_id: str) -> Response:
        conn = connection()
        conn.execute("BEGIN")
        try:
            conn.execute(VERSION).fetchone()
            row = conn.execute(DOCUMENT, (quote_id,)).fetchone()
        finally:
            conn.execute("ROLLBACK")
        if row is None:
            return Response(b'{"status":404}', 404, media_type=JSON)
        return Response(bytes(row[0]), media_type=JSON)

    @app.get("/v1/quotes")
    def quote_list(
        actor: str,
        date_from: Annotated[str, Query(alias="from")],
        date_to: Annotated[str, Query(alias="to")],
        limit: int = 50,
    ) -> Response:
        conn = connection()
        conn.execute("BEGIN")
        try:
            conn.execute(VERSION).fetchone()
            conn.execute(REPLACED, ("actors", actor)).fetchall()
            rows = conn.execute(PAGE, (actor, date_from, date_to, limit + 1, 0)).fetchall()
        finally:
            conn.execute("ROLLBACK")
        items = [orjson.Fragment(row[-1]) for row in rows[:limit]]
        body = orjson.dumps({"items": items, "next": None})
        return Response(body, media_type=JSON)

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("port", type=int)
    parser.add_argument("--http", default="h11", choices=["h11", "httptools"])
    args = parser.parse_args()
    uvicorn.run(
        bare_app(args.db), host="127.0.0.1", port=args.port, http=args.http, access_log=False
    )


if __name__ == "__main__":
    main()
