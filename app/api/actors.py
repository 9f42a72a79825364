"""/v1/actors: people, states, organisations and groups, and their own records."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from app.api.answer import Negotiated, answer_list, rendered
from app.api.deps import ActorId, PageDep, SessionDep, read_in_thread
from app.api.routing import ReadRoute
from app.domain import ActorKind
from app.formats.render import respond
from app.queries.catalog import ActorFilters, get_actor, list_actors, require_actor
from app.queries.events import EventFilters, list_events
from app.queries.positions import PositionFilters, list_positions
from app.queries.quotes import QuoteFilters, list_quotes
from app.schemas.common import Page
from app.schemas.records import ActorRead, EventRead, PositionRead, QuoteRead

router = APIRouter(prefix="/v1/actors", tags=["actors"], route_class=ReadRoute)


async def actor_filters(
    kind: Annotated[
        list[ActorKind] | None,
        Query(
            description="person, state, organisation or group.", examples=[["person"]], max_length=4
        ),
    ] = None,
) -> ActorFilters:
    return ActorFilters(kind)


def existing_actor(session: SessionDep, actor_id: ActorId) -> str:
    """The actor id from the path, or 404."""
    require_actor(session, actor_id)
    return actor_id


ActorIdDep = Annotated[str, Depends(existing_actor)]


@router.get("", **rendered(Page[ActorRead], 422))
async def read_actors(
    session: SessionDep,
    filters: Annotated[ActorFilters, Depends(actor_filters)],
    page: PageDep,
    target: Negotiated,
) -> Any:
    """List actors by id, with aliases, affiliations and citations."""
    return await answer_list(target, session, page, lambda s, p: list_actors(s, filters, p))


@router.get("/{actor_id}", **rendered(ActorRead, 404, 422))
async def read_actor(session: SessionDep, actor_id: ActorId, target: Negotiated) -> Any:
    """One actor by id."""
    return respond(target, await read_in_thread(session, get_actor, actor_id))


@router.get("/{actor_id}/quotes", **rendered(Page[QuoteRead], 404, 422))
async def read_actor_quotes(
    session: SessionDep, actor_id: ActorIdDep, page: PageDep, target: Negotiated
) -> Any:
    """The actor's own quotes, oldest first."""
    filters = QuoteFilters(speaker=[actor_id])
    return await answer_list(target, session, page, lambda s, p: list_quotes(s, filters, p))


@router.get("/{actor_id}/positions", **rendered(Page[PositionRead], 404, 422))
async def read_actor_positions(
    session: SessionDep, actor_id: ActorIdDep, page: PageDep, target: Negotiated
) -> Any:
    """The actor's positions, oldest first."""
    filters = PositionFilters(actor=[actor_id])
    return await answer_list(target, session, page, lambda s, p: list_positions(s, filters, p))


@router.get("/{actor_id}/events", **rendered(Page[EventRead], 404, 422))
async def read_actor_events(
    session: SessionDep, actor_id: ActorIdDep, page: PageDep, target: Negotiated
) -> Any:
    """The events the actor took part in, earliest first."""
    filters = EventFilters(participant=[actor_id])
    return await answer_list(target, session, page, lambda s, p: list_events(s, filters, p))
