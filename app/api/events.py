"""/v1/events: meetings, calls, statements, battlefield events, planned or held."""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from app.api.answer import Negotiated, answer_list, rendered
from app.api.deps import EventId, IdList, PageDep, SessionDep, id_filter, read_in_thread
from app.api.listing import (
    SearchFilter,
    facet_param,
    fields_param,
    include_param,
    list_rendered,
    sparse,
)
from app.api.routing import ReadRoute
from app.domain import EventKind, EventStatus
from app.formats.render import respond
from app.queries.events import EventFilters, get_event
from app.queries.listing import event_page
from app.queries.pagination import PageRequest
from app.schemas.records import EventRead
from app.schemas.views import EventListAnswer, EventPage

router = APIRouter(prefix="/v1/events", tags=["events"], route_class=ReadRoute)


async def event_filters(
    kind: Annotated[
        list[EventKind] | None,
        Query(
            description="Kind of event; repeat for several.", examples=[["summit"]], max_length=20
        ),
    ] = None,
    status: Annotated[
        list[EventStatus] | None,
        Query(
            description="planned, proposed, held or cancelled.", examples=[["held"]], max_length=4
        ),
    ] = None,
    participant: Annotated[IdList, id_filter("Participating actor's id.", "vladimir-putin")] = None,
    topic: Annotated[IdList, id_filter("Topic id.", "ceasefire")] = None,
    start_from: Annotated[
        dt.date | None,
        Query(alias="from", description="Starting on or after this day.", examples=["2025-08-01"]),
    ] = None,
    start_to: Annotated[
        dt.date | None,
        Query(alias="to", description="Starting on or before this day.", examples=["2025-08-31"]),
    ] = None,
    q: SearchFilter = None,
) -> EventFilters:
    return EventFilters(kind, status, participant, topic, start_from, start_to, q)


EventFiltersDep = Annotated[EventFilters, Depends(event_filters)]


@router.get("", **list_rendered(EventPage, EventListAnswer))
async def read_events(
    target: Negotiated,
    session: SessionDep,
    filters: EventFiltersDep,
    page: PageDep,
    facet: Annotated[list[str], Depends(facet_param("events"))],
    include: Annotated[list[str], Depends(include_param("events"))],
    fields: Annotated[list[str], Depends(fields_param(EventRead))],
) -> Any:
    """List events, earliest first (undated last), with participants and citations."""

    def read(s: Session, p: PageRequest) -> EventPage:
        return event_page(s, filters, p, facet, include)

    return await answer_list(target, session, page, read, fields, lambda a: sparse(a, fields))


@router.get("/{event_id}", **rendered(EventRead, 404, 422))
async def read_event(session: SessionDep, event_id: EventId, target: Negotiated) -> Any:
    """One event by id."""
    return respond(target, await read_in_thread(session, get_event, event_id))
