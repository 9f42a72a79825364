"""/v1/events: meetings, calls, statements, battlefield events, planned or held."""

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.api.deps import IdList, PageDep, RecordId, SessionDep, id_filter, problem_responses
from app.domain import EventKind, EventStatus
from app.queries.events import EventFilters, get_event, list_events
from app.schemas.common import Page
from app.schemas.records import EventRead

router = APIRouter(prefix="/v1/events", tags=["events"])


def event_filters(
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
) -> EventFilters:
    return EventFilters(kind, status, participant, topic, start_from, start_to)


EventFiltersDep = Annotated[EventFilters, Depends(event_filters)]


@router.get("", responses=problem_responses(422))
def read_events(session: SessionDep, filters: EventFiltersDep, page: PageDep) -> Page[EventRead]:
    """List events, earliest first (undated last), with participants and citations."""
    return list_events(session, filters, page)


@router.get("/{event_id}", responses=problem_responses(404, 422))
def read_event(session: SessionDep, event_id: RecordId) -> EventRead:
    """One event by id."""
    return get_event(session, event_id)
