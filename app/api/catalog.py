"""/v1/topics, /v1/sources (with their texts) and /v1/meta."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import StringConstraints

from app.api.answer import answer_list, answer_read, answer_record, rendered
from app.api.auth import OptionalKey
from app.api.deps import SessionDep, problem_responses, read_in_thread
from app.api.params import (
    ID_MAX,
    DatedPageQuery,
    JsonQuery,
    PageQuery,
    QueryModel,
    SourceId,
    TopicId,
)
from app.api.routing import ReadRoute
from app.queries.catalog import (
    SourceFilters,
    get_meta,
    get_source,
    get_topic,
    list_sources,
    list_topics,
)
from app.queries.source_text import source_text
from app.schemas.common import Page
from app.schemas.records import MetaRead, SourceRead, TopicRead

router = APIRouter(prefix="/v1", route_class=ReadRoute)


@router.get("/topics", tags=["topics"], **rendered(Page[TopicRead], 422))
async def read_topics(query: Annotated[PageQuery, Query()], request: Request) -> Any:
    """List topics by id."""
    return await answer_list(request, query, list_topics)


@router.get("/topics/{topic_id}", tags=["topics"], **rendered(TopicRead, 404, 410, 422))
async def read_topic(
    topic_id: TopicId,
    query: Annotated[JsonQuery, Query()],
    request: Request,
) -> Any:
    """One topic by id."""
    return await answer_record(request, query, "topics", topic_id, get_topic)


Name = Annotated[str, StringConstraints(max_length=ID_MAX)]


class SourceQuery(DatedPageQuery):
    publisher: list[Name] | None = Query(
        None,
        description="Publisher, exactly as named. Repeat to match any of several.",
        examples=[["AFP"]],
        max_length=50,
    )


@router.get("/sources", tags=["sources"], **rendered(Page[SourceRead], 422))
async def read_sources(query: Annotated[SourceQuery, Query()], request: Request) -> Any:
    """List source documents by publication day, oldest (or newest) first."""
    filters = SourceFilters(query.publisher)
    return await answer_list(request, query, lambda s, p: list_sources(s, filters, p))


@router.get("/sources/{source_id}", tags=["sources"], **rendered(SourceRead, 404, 410, 422))
async def read_source(
    source_id: SourceId,
    query: Annotated[JsonQuery, Query()],
    request: Request,
) -> Any:
    """One source document's metadata by id."""
    return await answer_record(request, query, "sources", source_id, get_source)


def offset(description: str) -> Any:
    return Query(None, ge=0, le=2**31, description=f"{description} (a code point offset).")


class SliceQuery(QueryModel):
    start: int | None = offset("Where the slice starts")
    end: int | None = offset("Where the slice ends, exclusive")


@router.get(
    "/sources/{source_id}/text",
    tags=["sources"],
    response_class=PlainTextResponse,
    responses={
        200: {"content": {"text/plain": {"example": "Foreign Ministry spokesman Alexey Fadeev"}}},
        **problem_responses(401, 404, 422),
    },
    # A key is optional here (`{}`): the OpenAPI way to say so, after the scheme FastAPI lists.
    openapi_extra={"security": [{}]},
)
async def read_source_text(
    session: SessionDep,
    source_id: SourceId,
    query: Annotated[SliceQuery, Query()],
    holder: OptionalKey,
) -> PlainTextResponse:
    """The source's stored text as `text/plain`, or the slice `[start:end)` of it.

    Offsets count Unicode code points, as citations do: `?start=495&end=535` returns exactly the
    excerpt of a citation with those offsets. A source whose `text_access` is `keys` serves its
    full text only to a request with an API key; its cited excerpts stay public.
    """
    keyed = holder is not None
    text = await read_in_thread(session, source_text, source_id, query.start, query.end, keyed)
    return PlainTextResponse(text)


@router.get("/meta", tags=["meta"], **rendered(MetaRead, 404, 422))
async def read_meta(query: Annotated[JsonQuery, Query()], request: Request) -> Any:
    """The loaded dataset's version, load time and record counts."""
    return await answer_read(request, query, get_meta)
