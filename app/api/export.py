"""/v1/export: the whole dataset, or one resource, streamed as NDJSON (or CSV) in keyset batches."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.api.deps import problem_responses
from app.api.routing import ReadRoute
from app.db.budget import allow_longer
from app.formats.columns import columns_of
from app.formats.csv_table import CSV_CONTENT_TYPE, csv_header, csv_rows
from app.formats.ndjson import NDJSON_CONTENT_TYPE, typed_line
from app.formats.negotiation import CSV, FORMATS, NDJSON, choose, require_admitted
from app.formats.openapi import NOT_ACCEPTABLE
from app.queries.catalog import ActorFilters, SourceFilters, list_actors, list_sources, list_topics
from app.queries.events import EventFilters, list_events
from app.queries.pagination import PageRequest
from app.queries.positions import PositionFilters, list_positions
from app.queries.quotes import QuoteFilters, list_quote_rows, list_quotes
from app.schemas.common import Page
from app.schemas.records import ActorRead, EventRead, PositionRead, QuoteRead, SourceRead, TopicRead

router = APIRouter(prefix="/v1/export", tags=["export"], route_class=ReadRoute)

EXPORT_BUDGET_MS = "export_budget_ms"  # Session.info key: the stream's time budget
BATCH = 1000  # records per query: memory holds one batch, whatever the dataset's size
Lister = Callable[[Session, PageRequest], Page[Any]]


class Resource(StrEnum):
    sources = "sources"
    topics = "topics"
    actors = "actors"
    events = "events"
    quotes = "quotes"
    positions = "positions"


# In this order a consumer meets every record before the records that refer to it.
LISTERS: dict[Resource, tuple[str, type[BaseModel], Lister]] = {
    Resource.sources: ("source", SourceRead, lambda s, p: list_sources(s, SourceFilters(), p)),
    Resource.topics: ("topic", TopicRead, lambda s, p: list_topics(s, p)),
    Resource.actors: ("actor", ActorRead, lambda s, p: list_actors(s, ActorFilters(), p)),
    Resource.events: ("event", EventRead, lambda s, p: list_events(s, EventFilters(), p)),
    Resource.quotes: ("quote", QuoteRead, lambda s, p: list_quotes(s, QuoteFilters(), p)),
    Resource.positions: (
        "position",
        PositionRead,
        lambda s, p: list_positions(s, PositionFilters(), p),
    ),
}


def batches(session: Session, lister: Lister) -> Iterator[list[Any]]:
    """Every record of one resource, a keyset page of BATCH records at a time."""
    cursor = None
    while True:
        page = lister(session, PageRequest(limit=BATCH, cursor=cursor))
        yield page.items
        if page.next is None:
            return
        cursor = page.next


def stored_quote_batches(session: Session) -> Iterator[list[bytes]]:
    """Every quote as its stored JSON document (the very bytes of its `QuoteRead`), in the order
    and batches of `batches`."""
    cursor = None
    while True:
        page = PageRequest(limit=BATCH, cursor=cursor)
        rows, cursor = list_quote_rows(session, QuoteFilters(), page)
        yield [bytes(row["body"]) for row in rows]
        if cursor is None:
            return


def json_batches(session: Session, resource: Resource) -> Iterator[list[bytes]]:
    """Every record of `resource` as JSON, a batch at a time; quotes as stored at load."""
    if resource is Resource.quotes:
        yield from stored_quote_batches(session)
        return
    _, _, lister = LISTERS[resource]
    for batch in batches(session, lister):
        yield [record.__pydantic_serializer__.to_json(record) for record in batch]


def snapshot(request: Request) -> Session:
    """A session of its own for the stream (it outlives the request's dependencies); its one
    transaction reads one snapshot (WAL on SQLite, REPEATABLE READ on PostgreSQL), so an export
    never mixes two loads."""
    budget_ms = request.app.state.settings.export_time_budget_ms
    session: Session = request.app.state.sessionmaker(info={EXPORT_BUDGET_MS: budget_ms})
    return session


@contextmanager
def export_transaction(session: Session) -> Iterator[Session]:
    """`session` for the stream, its statements on the export's time budget (a stream that has
    started cannot answer a 503, only stop), closed at the end."""
    with session:
        allow_longer(session, session.info[EXPORT_BUDGET_MS])
        yield session


def ndjson_stream(session: Session, resources: list[Resource]) -> Iterator[bytes]:
    with export_transaction(session):
        for resource in resources:
            record_type = LISTERS[resource][0]
            for batch in json_batches(session, resource):
                yield b"".join(typed_line(record_type, record) for record in batch)


def csv_stream(session: Session, resource: Resource) -> Iterator[bytes]:
    columns = columns_of([LISTERS[resource][1]])
    with export_transaction(session):
        yield csv_header(columns)
        for batch in json_batches(session, resource):
            yield csv_rows(columns, (orjson.loads(record) for record in batch))


NDJSON_EXAMPLE = '{"type":"source","record":{"id":"afp-2025-08-15", ...}}\n'
STREAM_RESPONSES = {
    200: {"content": {NDJSON_CONTENT_TYPE: {"example": NDJSON_EXAMPLE}}},
    **problem_responses(422),
    406: NOT_ACCEPTABLE,
}
NdjsonOnly = Annotated[
    Literal["ndjson"],
    Query(
        description="Only `ndjson`.",
        openapi_examples={"ndjson": {"summary": "NDJSON", "value": "ndjson"}},
    ),
]
NdjsonOrCsv = Annotated[
    Literal["ndjson", "csv"] | None,
    Query(
        description="`ndjson` or `csv` (default: as `Accept` prefers, else `ndjson`).",
        openapi_examples={
            "ndjson": {"summary": "NDJSON, one typed line per record", "value": "ndjson"},
            "csv": {"summary": "CSV, flattened as on the lists", "value": "csv"},
        },
    ),
]
ResourceName = Annotated[
    Resource,
    Path(
        description="Which resource to export.",
        openapi_examples={"quotes": {"summary": "All quotes", "value": "quotes"}},
    ),
]


@router.get("", response_class=StreamingResponse, responses=STREAM_RESPONSES)
def export_dataset(request: Request, format: NdjsonOnly = "ndjson") -> StreamingResponse:
    """The whole dataset as NDJSON: one `{"type", "record"}` line per record, referents first."""
    require_admitted(request.headers.get("accept"), NDJSON)
    stream = ndjson_stream(snapshot(request), list(Resource))
    return StreamingResponse(stream, media_type=NDJSON_CONTENT_TYPE, headers=_attachment("all"))


@router.get(
    "/{resource}",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {
                CSV_CONTENT_TYPE: {"example": "id,name,description\r\nceasefire,Ceasefire,...\r\n"},
                NDJSON_CONTENT_TYPE: {"example": NDJSON_EXAMPLE},
            }
        },
        **problem_responses(422),
        406: NOT_ACCEPTABLE,
    },
)
def export_resource(
    request: Request, resource: ResourceName, format: NdjsonOrCsv = None
) -> StreamingResponse:
    """Every record of one resource as NDJSON lines (typed, as in the whole export) or CSV."""
    offered = [FORMATS[format]] if format else [NDJSON, CSV]
    media_type = choose(request.headers.get("accept"), offered)
    session = snapshot(request)
    if media_type == CSV:
        headers = _attachment(resource.value, "csv")
        stream = csv_stream(session, resource)
        return StreamingResponse(stream, media_type=CSV_CONTENT_TYPE, headers=headers)
    stream = ndjson_stream(session, [resource])
    headers = _attachment(resource.value)
    return StreamingResponse(stream, media_type=NDJSON_CONTENT_TYPE, headers=headers)


def _attachment(name: str, extension: str = "ndjson") -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="summitkb-{name}.{extension}"'}
