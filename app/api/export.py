"""/v1/export: the whole dataset, or one resource, streamed as NDJSON (or CSV) by the renderer of
the lists: keyset pages of one snapshot, memory holding one page whatever the dataset's size."""

from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.api.answer import snapshot_of
from app.api.deps import problem_responses
from app.api.params import QueryModel
from app.api.routing import ReadRoute
from app.formats.csv_table import BOM_TEXT, CSV_CONTENT_TYPE
from app.formats.ndjson import NDJSON_CONTENT_TYPE, typed_line
from app.formats.negotiation import CSV, FORMATS, NDJSON, choose, require_admitted
from app.formats.openapi import NOT_ACCEPTABLE
from app.formats.render import Paged, SnapshotStream, batch, encode, following, open_pages
from app.formats.shape import Shape, as_json
from app.queries.catalog import ActorFilters, SourceFilters, list_actors, list_sources, list_topics
from app.queries.events import EventFilters, list_events
from app.queries.listing import quote_page
from app.queries.pagination import PageRequest
from app.queries.positions import PositionFilters, list_positions
from app.queries.quotes import QuoteFilters
from app.schemas.records import ActorRead, EventRead, PositionRead, QuoteRead, SourceRead, TopicRead

router = APIRouter(prefix="/v1/export", tags=["export"], route_class=ReadRoute)

Read = Callable[[Session, PageRequest], Paged]


class Resource(StrEnum):
    sources = "sources"
    topics = "topics"
    actors = "actors"
    events = "events"
    quotes = "quotes"
    positions = "positions"


# In this order a consumer meets every record before the records that refer to it. Quotes are
# read as the list reads them: their stored documents, the very bytes of their `QuoteRead`.
LISTERS: dict[Resource, tuple[str, type[BaseModel], Read]] = {
    Resource.sources: ("source", SourceRead, lambda s, p: list_sources(s, SourceFilters(), p)),
    Resource.topics: ("topic", TopicRead, lambda s, p: list_topics(s, p)),
    Resource.actors: ("actor", ActorRead, lambda s, p: list_actors(s, ActorFilters(), p)),
    Resource.events: ("event", EventRead, lambda s, p: list_events(s, EventFilters(), p)),
    Resource.quotes: ("quote", QuoteRead, lambda s, p: quote_page(s, QuoteFilters(), p)),
    Resource.positions: (
        "position",
        PositionRead,
        lambda s, p: list_positions(s, PositionFilters(), p),
    ),
}


def typed_lines(
    session: Session, resources: list[Resource], first: Iterator[Paged]
) -> Iterator[bytes]:
    """A `{"type", "record"}` line per record of each resource in turn, a chunk per page; the
    pages of the first resource are `first`."""
    for index, resource in enumerate(resources):
        record_type, _, read = LISTERS[resource]
        pages = first if index == 0 else following(session, read, read(session, batch()))
        for page in pages:
            yield b"".join(typed_line(record_type, as_json(item)) for item in page.items)


async def ndjson_export(request: Request, resources: list[Resource]) -> StreamingResponse:
    session, pages = await open_pages(snapshot_of(request), LISTERS[resources[0]][2])
    headers = _attachment(resources[0].value if len(resources) == 1 else "all")
    return SnapshotStream(
        session, typed_lines(session, resources, pages), NDJSON_CONTENT_TYPE, headers
    )


async def csv_export(request: Request, resource: Resource, bom: bool) -> StreamingResponse:
    _, model, read = LISTERS[resource]
    session, pages = await open_pages(snapshot_of(request), read)
    chunks = encode(CSV, Shape("items", (model,)), (page.items for page in pages), (), bom)
    return SnapshotStream(session, chunks, CSV_CONTENT_TYPE, _attachment(resource.value, "csv"))


NDJSON_EXAMPLE = '{"type":"source","record":{"id":"afp-2025-08-15", ...}}\n'
STREAM_RESPONSES = {
    200: {"content": {NDJSON_CONTENT_TYPE: {"example": NDJSON_EXAMPLE}}},
    **problem_responses(422),
    406: NOT_ACCEPTABLE,
}


class DatasetQuery(QueryModel):
    format: Literal["ndjson"] = Query(
        "ndjson",
        description="Only `ndjson`.",
        openapi_examples={"ndjson": {"summary": "NDJSON", "value": "ndjson"}},
    )


class ResourceQuery(QueryModel):
    format: Literal["ndjson", "csv"] | None = Query(
        None,
        description="`ndjson` or `csv` (default: as `Accept` prefers, else `ndjson`).",
        openapi_examples={
            "ndjson": {"summary": "NDJSON, one typed line per record", "value": "ndjson"},
            "csv": {"summary": "CSV, flattened as on the lists", "value": "csv"},
        },
    )
    bom: bool = Query(False, description=BOM_TEXT)


ResourceName = Annotated[
    Resource,
    Path(
        description="Which resource to export.",
        openapi_examples={"quotes": {"summary": "All quotes", "value": "quotes"}},
    ),
]


@router.get("", response_class=StreamingResponse, responses=STREAM_RESPONSES)
async def export_dataset(
    request: Request, _query: Annotated[DatasetQuery, Query()]
) -> StreamingResponse:
    """The whole dataset as NDJSON: one `{"type", "record"}` line per record, referents first."""
    require_admitted(request.headers.get("accept"), NDJSON)
    return await ndjson_export(request, list(Resource))


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
async def export_resource(
    request: Request, resource: ResourceName, query: Annotated[ResourceQuery, Query()]
) -> StreamingResponse:
    """Every record of one resource as NDJSON lines (typed, as in the whole export) or CSV."""
    offered = [FORMATS[query.format]] if query.format else [NDJSON, CSV]
    if choose(request.headers.get("accept"), offered) == CSV:
        return await csv_export(request, resource, query.bom)
    return await ndjson_export(request, [resource])


def _attachment(name: str, extension: str = "ndjson") -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="summitkb-{name}.{extension}"'}
