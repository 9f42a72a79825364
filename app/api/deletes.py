"""The deletes: a source, topic, actor, event, quote or position goes (DELETE), only if
`If-Match` names its current representation and no other record refers to it. Each needs a key
of scope `write`; afterwards the record answers 410 Gone and its revisions stay listed."""

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.api.deps import problem_responses
from app.api.params import ActorId, EventId, PositionId, QuoteId, SourceId, TopicId
from app.api.routing import ReadRoute
from app.api.write_docs import DELETE_PROBLEMS, write_problems
from app.api.write_request import (
    IfMatch,
    Summary,
    WriteQuery,
    Writer,
    deleted_answer,
    refuse_cross_origin,
    required_tag,
    run_write,
)
from app.curation import Author, remove
from app.keys import KeyHolder

router = APIRouter(dependencies=[Depends(refuse_cross_origin)], route_class=ReadRoute)


def deleting(resource: str) -> dict[str, Any]:
    """The `router.delete` arguments of the route that deletes a record of `resource`."""
    return {
        "tags": [resource],
        "status_code": 204,
        "response_class": Response,
        "responses": {
            204: {"description": "Deleted: `GET` of the record now answers 410 Gone."},
            **write_problems(404, 410, 412, 428, 503),
            **DELETE_PROBLEMS,
            **problem_responses(422),
        },
    }


async def delete(
    request: Request,
    resource: str,
    record_id: str,
    holder: KeyHolder,
    query: WriteQuery,
    if_match: str | None,
) -> Response:
    tag = required_tag(if_match)
    author = Author(holder.name, query.summary)
    deleted = await run_write(request, lambda c: remove(c, resource, record_id, tag, author))
    return deleted_answer(deleted)


@router.delete("/v1/sources/{source_id}", **deleting("sources"))
async def delete_source(
    request: Request,
    holder: Writer,
    source_id: SourceId,
    query: Summary,
    if_match: IfMatch = None,
) -> Response:
    """Delete a source that no record cites, with its text and articles."""
    return await delete(request, "sources", source_id, holder, query, if_match)


@router.delete("/v1/topics/{topic_id}", **deleting("topics"))
async def delete_topic(
    request: Request, holder: Writer, topic_id: TopicId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Delete a topic no quote, event or position is about."""
    return await delete(request, "topics", topic_id, holder, query, if_match)


@router.delete("/v1/events/{event_id}", **deleting("events"))
async def delete_event(
    request: Request, holder: Writer, event_id: EventId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Delete an event no quote was said at, with its participants."""
    return await delete(request, "events", event_id, holder, query, if_match)


@router.delete("/v1/actors/{actor_id}", **deleting("actors"))
async def delete_actor(
    request: Request, holder: Writer, actor_id: ActorId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Delete an actor no quote, position, event or affiliation names."""
    return await delete(request, "actors", actor_id, holder, query, if_match)


@router.delete("/v1/quotes/{quote_id}", **deleting("quotes"))
async def delete_quote(
    request: Request, holder: Writer, quote_id: QuoteId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Delete a quote that no position gives as evidence."""
    return await delete(request, "quotes", quote_id, holder, query, if_match)


@router.delete("/v1/positions/{position_id}", **deleting("positions"))
async def delete_position(
    request: Request,
    holder: Writer,
    position_id: PositionId,
    query: Summary,
    if_match: IfMatch = None,
) -> Response:
    """Delete a position."""
    return await delete(request, "positions", position_id, holder, query, if_match)
