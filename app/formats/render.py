"""The one renderer of the data routes: JSON as the route builds it, or CSV, NDJSON or JSON-LD
made from the same result, for a page, a record or a whole list.

CSV and NDJSON of a list without `limit` stream every matching record: keyset pages of BATCH,
each read in a worker thread, all in one transaction of a session of the stream's own (one
snapshot of the dataset, on the stream's time budget), so memory holds one page at a time and the
event loop never waits for the database. Given `limit`, they answer that one page and link the
next in `Link: <...>; rel="next"`. JSON-LD renders the one page or record asked for.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import anyio
from sqlalchemy.orm import Session
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.datastructures import URL
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from app.db.budget import allow_longer
from app.formats.csv_table import CSV_CONTENT_TYPE, UTF8_BOM, csv_header, csv_rows
from app.formats.jsonld import JSONLD_CONTENT_TYPE, Linker, document
from app.formats.ndjson import NDJSON_CONTENT_TYPE
from app.formats.negotiation import CSV, JSON, JSONLD, NDJSON
from app.formats.shape import Item, Record, Shape, as_json, as_record
from app.queries.pagination import PageRequest

BATCH = 1000  # records per page of a stream: memory holds one page, whatever the list's size
CONTENT_TYPES = {CSV: CSV_CONTENT_TYPE, NDJSON: NDJSON_CONTENT_TYPE}
T = TypeVar("T")


class Paged(Protocol):
    """A page of a list: a `Page` model, or a page of stored documents."""

    @property
    def items(self) -> Sequence[Item]: ...

    @property
    def next(self) -> str | None: ...


P = TypeVar("P", bound=Paged)


@dataclass(frozen=True)
class Snapshot:
    """How a stream opens its session: one transaction, on `budget_ms` per statement (a stream
    that has started cannot answer a 503, only stop)."""

    sessions: Callable[[], Session]
    budget_ms: int

    def open(self, first: Callable[[Session], T]) -> tuple[Session, T]:
        """A new session, its transaction begun, and `first(session)` read in it (so that an
        error of the first read is still an answer of its own)."""
        session = self.sessions()
        try:
            allow_longer(session, self.budget_ms)
            return session, first(session)
        except BaseException:
            session.close()
            raise


@dataclass(frozen=True)
class Target:
    """The answer a route renders: the negotiated media type, for which request."""

    media: str
    shape: Shape  # where the route's records are, from its response model
    path: str  # the request's path, `/v1/...`
    url: URL  # the request's URL under the public base URL
    base: str  # the public base URL (JSON-LD `@id`s are written under it)
    limit_given: bool
    snapshot: Snapshot
    bom: bool = False  # CSV only: start with a UTF-8 byte order mark

    @property
    def whole_list(self) -> bool:
        """CSV or NDJSON of a list without `limit`: every matching record, streamed."""
        return self.media in CONTENT_TYPES and not self.limit_given

    def next_url(self, cursor: str | None) -> str | None:
        return None if cursor is None else str(self.url.include_query_params(cursor=cursor))

    def attachment(self, extension: str) -> dict[str, str]:
        parts = self.path.strip("/").split("/")[1:] or ["export"]
        return {"Content-Disposition": f'attachment; filename="{"-".join(parts)}.{extension}"'}


def as_is(result: Any) -> Any:
    return result


def respond(
    target: Target, result: Any, fields: Sequence[str] = (), json: Callable[[Any], Any] = as_is
) -> Any:
    """The answer for one result (a page, a record, a matrix): as JSON, `json(result)` (a
    stored document as it is), or the result rendered in the negotiated media type."""
    if target.media == JSON:
        return Response(result, media_type=JSON) if isinstance(result, bytes) else json(result)
    items = target.shape.items(result)
    next_url = target.next_url(getattr(result, "next", None))
    if target.media == JSONLD:
        return _jsonld(target, [as_record(item, fields) for item in items], next_url)
    headers = target.attachment(_extension(target.media))
    if next_url:
        headers["Link"] = f'<{next_url}>; rel="next"'
    body = b"".join(encode(target.media, target.shape, [items], fields, target.bom))
    return Response(body, media_type=CONTENT_TYPES[target.media], headers=headers)


def _jsonld(target: Target, records: list[Record], next_url: str | None) -> JSONResponse:
    link = Linker(target.base)
    body = document(link, records, target.shape.single, str(target.url), next_url)
    return JSONResponse(body, media_type=JSONLD_CONTENT_TYPE)


def batch(cursor: str | None = None) -> PageRequest:
    """The page of a stream after `cursor`."""
    return PageRequest(limit=BATCH, cursor=cursor)


async def open_pages(
    snapshot: Snapshot, read: Callable[[Session, PageRequest], P], cursor: str | None = None
) -> tuple[Session, Iterator[P]]:
    """The session of a stream and the pages of the list `read` pages through from `cursor` on,
    the first one read already (in a worker thread), the others as they are iterated."""
    session, page = await run_in_threadpool(snapshot.open, lambda s: read(s, batch(cursor)))
    return session, following(session, read, page)


def following(session: Session, read: Callable[[Session, PageRequest], P], page: P) -> Iterator[P]:
    """`page` and each page after it, read in `session`'s one transaction."""
    yield page
    while page.next is not None:
        page = read(session, batch(page.next))
        yield page


async def stream(
    target: Target,
    read: Callable[[Session, PageRequest], P],
    cursor: str | None,
    fields: Sequence[str],
) -> StreamingResponse:
    """Every record of the list `read` pages through, from `cursor` on, as CSV or NDJSON."""
    session, pages = await open_pages(target.snapshot, read, cursor)
    pages_items = (page.items for page in pages)
    chunks = encode(target.media, target.shape, pages_items, fields, target.bom)
    headers = target.attachment(_extension(target.media))
    return SnapshotStream(session, chunks, CONTENT_TYPES[target.media], headers)


def encode(
    media: str,
    shape: Shape,
    pages: Iterable[Sequence[Item]],
    fields: Sequence[str],
    bom: bool = False,
) -> Iterator[bytes]:
    """CSV (the header, after a byte order mark if `bom`, then a chunk per page) or NDJSON (a
    chunk per page)."""
    if media == NDJSON:
        for items in pages:
            yield b"".join(as_json(item, fields) + b"\n" for item in items)
        return
    columns = None
    for items in pages:
        if columns is None:
            columns = shape.columns(as_record(items[0], fields) if items else None)
            yield (UTF8_BOM if bom else b"") + csv_header(columns)
        # One record at a time: a page's parsed records are never all held at once.
        yield csv_rows(columns, (as_record(item, fields) for item in items))


class SnapshotStream(StreamingResponse):
    """A streamed answer whose chunks are made in worker threads, and whose session is closed
    (in a worker thread too) however the answer ends: read to the end, its reader gone, or
    refused before it started."""

    def __init__(
        self, session: Session, chunks: Iterator[bytes], media_type: str, headers: dict[str, str]
    ) -> None:
        super().__init__(iterate_in_threadpool(chunks), media_type=media_type, headers=headers)
        self.session = session

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            with anyio.CancelScope(shield=True):
                await run_in_threadpool(self.session.close)


def _extension(media: str) -> str:
    return "csv" if media == CSV else "ndjson"
