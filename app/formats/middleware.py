"""Every JSON GET route also answers as CSV, NDJSON or JSON-LD, with no code in the routes.

The middleware asks the route for JSON (the same request, `Accept: application/json`) and renders
the answer in the negotiated type. CSV and NDJSON stream a whole list: page after page, each one
fetched by keyset cursor from the route itself, so memory holds one page at a time. Given
`limit`, they answer that one page only, and link the next one in a `Link: <...>; rel="next"`.
JSON-LD renders the one page (or record) asked for.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import anyio
import orjson
from fastapi import FastAPI
from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem
from app.errors import DomainError
from app.formats.columns import Column, columns_of_record
from app.formats.csv_table import CSV_CONTENT_TYPE, csv_header, csv_rows
from app.formats.jsonld import JSONLD_CONTENT_TYPE, Linker, document
from app.formats.ndjson import NDJSON_CONTENT_TYPE, ndjson_lines
from app.formats.negotiation import CSV, JSON, JSONLD, negotiate
from app.formats.routes import Listing, RouteFinder

RETRY_PAUSES = (0.5, 1.0, 2.0)  # seconds before each new try of a page answered 503
DROPPED_HEADERS = {b"accept", b"accept-encoding", b"if-none-match", b"if-modified-since"}


@dataclass
class Answer:
    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]]

    @property
    def is_json(self) -> bool:
        content_type = dict(self.headers).get(b"content-type", b"")
        return self.status == 200 and content_type.startswith(b"application/json")


class FormatMiddleware:
    """Render the JSON answers of `api`'s routes as CSV, NDJSON or JSON-LD when asked."""

    def __init__(self, app: ASGIApp, api: FastAPI) -> None:
        self.app = app
        self.routes = RouteFinder(api)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        listing = None
        if scope["type"] == "http" and scope["method"] == "GET":
            listing = self.routes.find(scope)
        if listing is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        try:
            media = negotiate(request.query_params.get("format"), request.headers.get("accept"))
        except DomainError as error:
            await problem(error.status, error.detail, scope["path"], **error.extra)(
                scope, receive, send
            )
            return
        if media == JSON:
            await self.app(scope, receive, send)
            return
        response = await self.render(listing, request, media)
        await response(scope, receive, send)

    async def render(self, listing: Listing, request: Request, media: str) -> Response:
        """The answer in `media`: the route's JSON answer rendered, or its error as it is."""
        query = list(request.query_params.multi_items())
        whole_list = "limit" not in request.query_params and media != JSONLD
        if whole_list and listing.page_size is not None:
            query.append(("limit", str(listing.page_size)))
        first = await self.fetch(request.scope, query)
        if not first.is_json:
            return Response(first.body, first.status, headers=_headers(first.headers))
        body = orjson.loads(first.body)
        next_url = _next_url(request.url, body)
        if media == JSONLD:
            return _jsonld(listing, request, body, next_url)
        headers = {"Content-Disposition": f'attachment; filename="{_filename(request, media)}"'}
        if next_url and not whole_list:
            headers["Link"] = f'<{next_url}>; rel="next"'
        pages = self.pages(listing, request.scope, query, body, follow=whole_list)
        if media == CSV:
            chunks = _csv_chunks(_csv_columns(listing, body), pages)
            return StreamingResponse(chunks, media_type=CSV_CONTENT_TYPE, headers=headers)
        chunks = _ndjson_chunks(pages)
        return StreamingResponse(chunks, media_type=NDJSON_CONTENT_TYPE, headers=headers)

    async def pages(
        self, listing: Listing, scope: Scope, query: list[tuple[str, str]], body: Any, follow: bool
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """The records of the first page, then (if `follow`) of each next page in turn."""
        while True:
            yield listing.records(body)
            cursor = body.get("next") if isinstance(body, dict) else None
            if not follow or not cursor:
                return
            query = [(k, v) for k, v in query if k != "cursor"] + [("cursor", cursor)]
            answer = await self.fetch_page(scope, query)
            if not answer.is_json:
                # The status is sent already: break the stream rather than end it cleanly.
                raise RuntimeError(f"page after {cursor!r} failed: {answer.status}")
            body = orjson.loads(answer.body)

    async def fetch_page(self, scope: Scope, query: list[tuple[str, str]]) -> Answer:
        """A next page; a 503 (load shed, query over its time budget) is tried again after a
        pause, as a client would, rather than break a long stream at once."""
        for pause in RETRY_PAUSES:
            answer = await self.fetch(scope, query)
            if answer.status != 503:
                return answer
            await anyio.sleep(pause)
        return await self.fetch(scope, query)

    async def fetch(self, scope: Scope, query: list[tuple[str, str]]) -> Answer:
        """Ask the wrapped app for the JSON answer to `scope` with the query string `query`."""
        headers = [(k, v) for k, v in scope["headers"] if k not in DROPPED_HEADERS]
        inner = {
            **scope,
            "query_string": urlencode(query).encode(),
            "headers": [*headers, (b"accept", JSON.encode())],
        }
        answer = Answer(500, b"", [])
        chunks: list[bytes] = []

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def collect(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer.status = message["status"]
                answer.headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(inner, receive, collect)
        answer.body = b"".join(chunks)
        return answer


def _jsonld(listing: Listing, request: Request, body: Any, next_url: str | None) -> Response:
    link = Linker(f"{request.base_url}v1/")
    single = listing.rows_key is None
    answer = document(link, listing.records(body), single, str(request.url), next_url)
    return JSONResponse(answer, media_type=JSONLD_CONTENT_TYPE)


def _csv_columns(listing: Listing, body: Any) -> list[Column]:
    """The model's columns, less the fields the answer leaves out (a sparse `?fields=`); the
    first record's own keys where the route has no model."""
    records = listing.records(body)
    if not records:
        return listing.columns
    if not listing.columns:
        return columns_of_record(records[0])
    return [column for column in listing.columns if column.path[0] in records[0]]


def _next_url(url: URL, body: Any) -> str | None:
    cursor = body.get("next") if isinstance(body, dict) else None
    return str(url.include_query_params(cursor=cursor)) if isinstance(cursor, str) else None


def _filename(request: Request, media: str) -> str:
    parts = request.url.path.strip("/").split("/")[1:] or ["export"]
    return "-".join(parts) + (".csv" if media == CSV else ".ndjson")


def _headers(raw: list[tuple[bytes, bytes]]) -> dict[str, str]:
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in raw if k != b"content-length"}


async def _csv_chunks(
    columns: list[Column], pages: AsyncIterator[list[dict[str, Any]]]
) -> AsyncIterator[bytes]:
    yield csv_header(columns)
    async for records in pages:
        yield csv_rows(columns, records)


async def _ndjson_chunks(pages: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[bytes]:
    async for records in pages:
        yield ndjson_lines(records)
