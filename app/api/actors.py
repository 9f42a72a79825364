"""/v1/actors: people, states, organisations and groups, and their own records."""

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session

from app.api.answer import answer_list, answer_record, rendered
from app.api.params import ActorId, DatedPageQuery, JsonQuery, PageQuery
from app.api.routing import ReadRoute
from app.domain import ActorKind
from app.queries.catalog import ActorFilters, get_actor, list_actors, require_actor
from app.queries.events import EventFilters, list_events
from app.queries.pagination import PageRequest
from app.queries.positions import PositionFilters, list_positions
from app.queries.quotes import QuoteFilters, list_quotes
from app.schemas.common import Page
from app.schemas.records import ActorRead, EventRead, PositionRead, QuoteRead

router = APIRouter(prefix="/v1/actors", tags=["actors"], route_class=ReadRoute)


class ActorQuery(PageQuery):
    kind: list[ActorKind] | None = Query(
        None,
        description="person, state, organisation or group.",
        examples=[["person"]],
        max_length=4,
    )


DatedPage = Annotated[DatedPageQuery, Query()]


F = TypeVar("F")
R = TypeVar("R")


def of_actor(
    session: Session,
    actor_id: str,
    lister: Callable[[Session, F, PageRequest], R],
    filters: F,
    page: PageRequest,
) -> R:
    """`lister`'s page of the actor's records, or 404 if there is no such actor."""
    require_actor(session, actor_id)
    return lister(session, filters, page)


@router.get("", **rendered(Page[ActorRead], 422))
async def read_actors(query: Annotated[ActorQuery, Query()], request: Request) -> Any:
    """List actors by id, with aliases, affiliations and citations."""
    filters = ActorFilters(query.kind)
    return await answer_list(request, query, lambda s, p: list_actors(s, filters, p))


@router.get("/{actor_id}", **rendered(ActorRead, 404, 410, 422))
async def read_actor(
    actor_id: ActorId,
    query: Annotated[JsonQuery, Query()],
    request: Request,
) -> Any:
    """One actor by id."""
    return await answer_record(request, query, "actors", actor_id, get_actor)


@router.get("/{actor_id}/quotes", **rendered(Page[QuoteRead], 404, 422))
async def read_actor_quotes(actor_id: ActorId, query: DatedPage, request: Request) -> Any:
    """The actor's own quotes, oldest (or newest) first."""
    filters = QuoteFilters(speaker=[actor_id])

    def read(s: Session, p: PageRequest) -> Page[QuoteRead]:
        return of_actor(s, actor_id, list_quotes, filters, p)

    return await answer_list(request, query, read)


@router.get("/{actor_id}/positions", **rendered(Page[PositionRead], 404, 422))
async def read_actor_positions(actor_id: ActorId, query: DatedPage, request: Request) -> Any:
    """The actor's positions, oldest (or newest) first."""
    filters = PositionFilters(actor=[actor_id])

    def read(s: Session, p: PageRequest) -> Page[PositionRead]:
        return of_actor(s, actor_id, list_positions, filters, p)

    return await answer_list(request, query, read)


@router.get("/{actor_id}/events", **rendered(Page[EventRead], 404, 422))
async def read_actor_events(actor_id: ActorId, query: DatedPage, request: Request) -> Any:
    """The events the actor took part in, earliest (or latest) first."""
    filters = EventFilters(participant=[actor_id])

    def read(s: Session, p: PageRequest) -> Page[EventRead]:
        return of_actor(s, actor_id, list_events, filters, p)

    return await answer_list(request, query, read)
