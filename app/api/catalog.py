"""/v1/topics, /v1/sources (with their texts) and /v1/meta."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import PlainTextResponse

from app.api.answer import Negotiated, answer_list, rendered
from app.api.deps import (
    IdList,
    PageDep,
    SessionDep,
    SourceId,
    TopicId,
    id_filter,
    problem_responses,
    read_in_thread,
)
from app.api.routing import ReadRoute
from app.formats.render import respond
from app.queries.catalog import (
    SourceFilters,
    get_meta,
    get_source,
    get_topic,
    list_sources,
    list_topics,
    source_text,
)
from app.schemas.common import Page
from app.schemas.records import MetaRead, SourceRead, TopicRead

router = APIRouter(prefix="/v1", route_class=ReadRoute)


@router.get("/topics", tags=["topics"], **rendered(Page[TopicRead], 422))
async def read_topics(session: SessionDep, page: PageDep, target: Negotiated) -> Any:
    """List topics by id."""
    return await answer_list(target, session, page, list_topics)


@router.get("/topics/{topic_id}", tags=["topics"], **rendered(TopicRead, 404, 422))
async def read_topic(session: SessionDep, topic_id: TopicId, target: Negotiated) -> Any:
    """One topic by id."""
    return respond(target, await read_in_thread(session, get_topic, topic_id))


async def source_filters(
    publisher: Annotated[IdList, id_filter("Publisher, exactly as named.", "AFP")] = None,
) -> SourceFilters:
    return SourceFilters(publisher)


@router.get("/sources", tags=["sources"], **rendered(Page[SourceRead], 422))
async def read_sources(
    session: SessionDep,
    filters: Annotated[SourceFilters, Depends(source_filters)],
    page: PageDep,
    target: Negotiated,
) -> Any:
    """List source documents, oldest first."""
    return await answer_list(target, session, page, lambda s, p: list_sources(s, filters, p))


@router.get("/sources/{source_id}", tags=["sources"], **rendered(SourceRead, 404, 422))
async def read_source(session: SessionDep, source_id: SourceId, target: Negotiated) -> Any:
    """One source document's metadata by id."""
    return respond(target, await read_in_thread(session, get_source, source_id))


Offset = Annotated[int | None, Query(ge=0, le=2**31, description="Code point offset.")]


@router.get(
    "/sources/{source_id}/text",
    tags=["sources"],
    response_class=PlainTextResponse,
    responses={
        200: {"content": {"text/plain": {"example": "Foreign Ministry spokesman Alexey Fadeev"}}},
        **problem_responses(404, 422),
    },
)
async def read_source_text(
    session: SessionDep, source_id: SourceId, start: Offset = None, end: Offset = None
) -> PlainTextResponse:
    """The source's stored text as `text/plain`, or the slice `[start:end)` of it.

    Offsets count Unicode code points, as citations do: `?start=495&end=535` returns exactly the
    excerpt of a citation with those offsets.
    """
    return PlainTextResponse(await read_in_thread(session, source_text, source_id, start, end))


@router.get("/meta", tags=["meta"], **rendered(MetaRead, 404, 422))
async def read_meta(session: SessionDep, target: Negotiated) -> Any:
    """The loaded dataset's version, load time and record counts."""
    return respond(target, await read_in_thread(session, get_meta))
