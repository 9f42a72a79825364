"""/v1/events: meetings, calls, statements, battlefield events, planned or held."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session

from app.api.answer import answer_list, answer_record, rendered
from app.api.filters import ActorIds, DateRangeQuery, IsoDate, TopicIds, date_bound, id_filter
from app.api.listing import (
    asked_extras,
    facet_query,
    fields_query,
    include_query,
    kept_fields,
    list_rendered,
    listing_names,
    search_filter,
    sparse,
)
from app.api.params import DatedPageQuery, EventId, JsonQuery
from app.api.routing import ReadRoute
from app.domain import EventKind, EventStatus
from app.queries.events import EventFilters, get_event
from app.queries.listing import event_page
from app.queries.pagination import PageRequest
from app.schemas.records import EventRead
from app.schemas.views import EventListAnswer, EventPage

router = APIRouter(prefix="/v1/events", tags=["events"], route_class=ReadRoute)

# Literals built at run time, from the facets, includes and fields there are.
FacetName, IncludeName, FieldName = listing_names("events", EventRead)


class EventQuery(DatedPageQuery, DateRangeQuery):
    kind: list[EventKind] | None = Query(
        None, description="Kind of event; repeat for several.", examples=[["summit"]], max_length=20
    )
    status: list[EventStatus] | None = Query(
        None, description="planned, proposed, held or cancelled.", examples=[["held"]], max_length=4
    )
    actor: ActorIds = id_filter("A participating actor's id.", "vladimir-putin")
    topic: TopicIds = id_filter("Topic id.", "ceasefire")
    date_from: IsoDate | None = date_bound("Starting on or after this day.", "2025-08-01", "from")
    date_to: IsoDate | None = date_bound("Starting on or before this day.", "2025-08-31", "to")
    q: str | None = search_filter()
    facet: list[FacetName] | None = facet_query("events")  # type: ignore[valid-type]
    include: list[IncludeName] | None = include_query("events")  # type: ignore[valid-type]
    fields: list[FieldName] | None = fields_query(EventRead)  # type: ignore[valid-type]

    def filters(self) -> EventFilters:
        return EventFilters(
            self.kind,
            self.status,
            self.actor,
            self.topic,
            self.date_from,
            self.date_to,
            self.q,
        )


@router.get("", **list_rendered(EventPage, EventListAnswer))
async def read_events(query: Annotated[EventQuery, Query()], request: Request) -> Any:
    """List events, earliest (or latest) first, undated last, with participants and citations."""
    facet, include = asked_extras("events", query.facet, query.include)
    filters, fields = query.filters(), kept_fields(query.fields)

    def read(s: Session, p: PageRequest) -> EventPage:
        return event_page(s, filters, p, facet, include)

    return await answer_list(request, query, read, fields, lambda a: sparse(a, fields))


@router.get("/{event_id}", **rendered(EventRead, 404, 410, 422))
async def read_event(
    event_id: EventId,
    query: Annotated[JsonQuery, Query()],
    request: Request,
) -> Any:
    """One event by id."""
    return await answer_record(request, query, "events", event_id, get_event)
