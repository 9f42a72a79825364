"""/v1/timeline: events and quotes in one chronological stream."""

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from app.api.answer import Negotiated, answer_list, rendered
from app.api.deps import IdList, PageDep, SessionDep, id_filter
from app.api.routing import ReadRoute
from app.queries.timeline import TimelineFilters, list_timeline
from app.schemas.views import TimelinePage

router = APIRouter(prefix="/v1/timeline", tags=["views"], route_class=ReadRoute)


async def timeline_filters(
    actor: Annotated[
        IdList, id_filter("A quote's speaker or an event's participant.", "vladimir-putin")
    ] = None,
    topic: Annotated[IdList, id_filter("Topic id.", "ceasefire")] = None,
    date_from: Annotated[
        dt.date | None,
        Query(alias="from", description="Dated on or after this day.", examples=["2025-08-01"]),
    ] = None,
    date_to: Annotated[
        dt.date | None,
        Query(alias="to", description="Dated on or before this day.", examples=["2025-08-31"]),
    ] = None,
    type: Annotated[
        list[Literal["event", "quote"]] | None,
        Query(description="Only events or only quotes.", examples=[["event"]], max_length=2),
    ] = None,
) -> TimelineFilters:
    return TimelineFilters(actor, topic, date_from, date_to, type)


@router.get("", **rendered(TimelinePage, 422))
async def read_timeline(
    session: SessionDep,
    filters: Annotated[TimelineFilters, Depends(timeline_filters)],
    page: PageDep,
    target: Negotiated,
) -> Any:
    """Events and quotes in date order (undated last; ties by type, then id), with citations."""
    return await answer_list(target, session, page, lambda s, p: list_timeline(s, filters, p))
