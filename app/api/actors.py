"""/v1/actors: people, states, organisations and groups, and their own records."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.api.deps import ActorId, PageDep, SessionDep, problem_responses, read_in_thread
from app.api.routing import ReadRoute
from app.domain import ActorKind
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


@router.get("", responses=problem_responses(422))
async def read_actors(
    session: SessionDep, filters: Annotated[ActorFilters, Depends(actor_filters)], page: PageDep
) -> Page[ActorRead]:
    """List actors by id, with aliases, affiliations and citations."""
    return await read_in_thread(session, list_actors, filters, page)


@router.get("/{actor_id}", responses=problem_responses(404, 422))
async def read_actor(session: SessionDep, actor_id: ActorId) -> ActorRead:
    """One actor by id."""
    return await read_in_thread(session, get_actor, actor_id)


@router.get("/{actor_id}/quotes", responses=problem_responses(404, 422))
async def read_actor_quotes(
    session: SessionDep, actor_id: ActorIdDep, page: PageDep
) -> Page[QuoteRead]:
    """The actor's own quotes, oldest first."""
    return await read_in_thread(session, list_quotes, QuoteFilters(speaker=[actor_id]), page)


@router.get("/{actor_id}/positions", responses=problem_responses(404, 422))
async def read_actor_positions(
    session: SessionDep, actor_id: ActorIdDep, page: PageDep
) -> Page[PositionRead]:
    """The actor's positions, oldest first."""
    return await read_in_thread(session, list_positions, PositionFilters(actor=[actor_id]), page)


@router.get("/{actor_id}/events", responses=problem_responses(404, 422))
async def read_actor_events(
    session: SessionDep, actor_id: ActorIdDep, page: PageDep
) -> Page[EventRead]:
    """The events the actor took part in, earliest first."""
    return await read_in_thread(session, list_events, EventFilters(participant=[actor_id]), page)
