"""The writes: a new source, topic, actor, event, quote or position (POST), and an edit of any
of them but a source (PATCH, a JSON merge patch of the record, made only if `If-Match` names its
current representation). Each needs a key of scope `write`, and is checked as a load checks a
seed."""

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.api.params import ActorId, EventId, PositionId, QuoteId, TopicId
from app.api.routing import ReadRoute
from app.api.write_docs import create_body, patch_body, write_problems
from app.api.write_request import (
    JSON,
    MERGE_PATCH,
    IfMatch,
    Summary,
    Writer,
    json_body,
    refuse_cross_origin,
    required_tag,
    run_write,
    written_answer,
)
from app.curation import Author, create, update, validated
from app.curation.bodies import BODIES
from app.schemas.records import (
    ActorRead,
    EventRead,
    PositionRead,
    QuoteRead,
    SourceRead,
    TopicRead,
)

router = APIRouter(dependencies=[Depends(refuse_cross_origin)], route_class=ReadRoute)


def creating(resource: str, model: Any) -> dict[str, Any]:
    """The `router.post` arguments of the route that adds a record of `resource`."""
    return {
        "tags": [resource],
        "status_code": 201,
        "response_model": model,
        "responses": {
            201: {
                "description": "Written: the record as `GET` now answers it, its `ETag`, "
                "and its address in `Location`."
            },
            **write_problems(409, 413, 415, 422, 503),
        },
        "openapi_extra": {"requestBody": create_body(resource)},
    }


def editing(resource: str, model: Any) -> dict[str, Any]:
    """The `router.patch` arguments of the route that edits a record of `resource`."""
    return {
        "tags": [resource],
        "response_model": model,
        "responses": {
            200: {"description": "Edited: the record as `GET` now answers it, and its `ETag`."},
            **write_problems(404, 410, 412, 413, 415, 422, 428, 503),
        },
        "openapi_extra": {"requestBody": patch_body(resource)},
    }


async def add(request: Request, resource: str, holder: Any, query: Any) -> Response:
    raw = await json_body(request, JSON)
    record = validated(BODIES[resource], raw)
    author = Author(holder.name, query.summary)
    written = await run_write(request, lambda c: create(c, resource, record, raw, author))
    return written_answer(request, written, 201)


async def edit(
    request: Request, resource: str, record_id: str, holder: Any, query: Any, if_match: str | None
) -> Response:
    tag = required_tag(if_match)
    patch = await json_body(request, MERGE_PATCH, JSON)
    author = Author(holder.name, query.summary)
    written = await run_write(request, lambda c: update(c, resource, record_id, patch, tag, author))
    return written_answer(request, written, 200)


@router.post("/v1/sources", **creating("sources", SourceRead))
async def create_source(request: Request, holder: Writer, query: Summary) -> Response:
    """Add a source: its document's text (stored byte for byte, with its SHA-256), its articles
    and where it was published. The text never changes: a corrected article is a new source."""
    return await add(request, "sources", holder, query)


@router.post("/v1/topics", **creating("topics", TopicRead))
async def create_topic(request: Request, holder: Writer, query: Summary) -> Response:
    """Add a topic, with the other names the texts give it."""
    return await add(request, "topics", holder, query)


@router.post("/v1/events", **creating("events", EventRead))
async def create_event(request: Request, holder: Writer, query: Summary) -> Response:
    """Add an event, with its participants and topics, citing its sources."""
    return await add(request, "events", holder, query)


@router.post("/v1/actors", **creating("actors", ActorRead))
async def create_actor(request: Request, holder: Writer, query: Summary) -> Response:
    """Add an actor, with its aliases and affiliations, each affiliation citing its sources."""
    return await add(request, "actors", holder, query)


@router.post("/v1/quotes", **creating("quotes", QuoteRead))
async def create_quote(request: Request, holder: Writer, query: Summary) -> Response:
    """Add a quote: each citation's excerpt must stand in its source, and hold the quote's words."""
    return await add(request, "quotes", holder, query)


@router.post("/v1/positions", **creating("positions", PositionRead))
async def create_position(request: Request, holder: Writer, query: Summary) -> Response:
    """Add a position: an actor's stance on a topic, with its evidence and citations."""
    return await add(request, "positions", holder, query)


@router.patch("/v1/topics/{topic_id}", **editing("topics", TopicRead))
async def edit_topic(
    request: Request, holder: Writer, topic_id: TopicId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Edit a topic (renaming it changes the answer, and ETag, of every quote about it)."""
    return await edit(request, "topics", topic_id, holder, query, if_match)


@router.patch("/v1/events/{event_id}", **editing("events", EventRead))
async def edit_event(
    request: Request, holder: Writer, event_id: EventId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Edit an event, its participants included."""
    return await edit(request, "events", event_id, holder, query, if_match)


@router.patch("/v1/actors/{actor_id}", **editing("actors", ActorRead))
async def edit_actor(
    request: Request, holder: Writer, actor_id: ActorId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Edit an actor (renaming it changes the answer, and ETag, of every quote of theirs)."""
    return await edit(request, "actors", actor_id, holder, query, if_match)


@router.patch("/v1/quotes/{quote_id}", **editing("quotes", QuoteRead))
async def edit_quote(
    request: Request, holder: Writer, quote_id: QuoteId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Edit a quote."""
    return await edit(request, "quotes", quote_id, holder, query, if_match)


@router.patch("/v1/positions/{position_id}", **editing("positions", PositionRead))
async def edit_position(
    request: Request,
    holder: Writer,
    position_id: PositionId,
    query: Summary,
    if_match: IfMatch = None,
) -> Response:
    """Edit a position."""
    return await edit(request, "positions", position_id, holder, query, if_match)
