"""/v1/timeline: events and quotes in one chronological stream."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from app.api.answer import answer_list, rendered
from app.api.filters import ActorIds, DateRangeQuery, IsoDate, TopicIds, date_bound, id_filter
from app.api.params import DatedPageQuery
from app.api.routing import ReadRoute
from app.queries.timeline import TimelineFilters, list_timeline
from app.schemas.views import TimelinePage

router = APIRouter(prefix="/v1/timeline", tags=["views"], route_class=ReadRoute)


class TimelineQuery(DatedPageQuery, DateRangeQuery):
    actor: ActorIds = id_filter("A quote's speaker or an event's participant.", "vladimir-putin")
    topic: TopicIds = id_filter("Topic id.", "ceasefire")
    date_from: IsoDate | None = date_bound("Dated on or after this day.", "2025-08-01", "from")
    date_to: IsoDate | None = date_bound("Dated on or before this day.", "2025-08-31", "to")
    type: list[Literal["event", "quote"]] | None = Query(
        None, description="Only events or only quotes.", examples=[["event"]], max_length=2
    )

    def filters(self) -> TimelineFilters:
        return TimelineFilters(self.actor, self.topic, self.date_from, self.date_to, self.type)


@router.get("", **rendered(TimelinePage, 422))
async def read_timeline(query: Annotated[TimelineQuery, Query()], request: Request) -> Any:
    """Events and quotes in date order, oldest (or newest) first, undated last; ties by type,
    then id; with citations."""
    filters = query.filters()
    return await answer_list(request, query, lambda s, p: list_timeline(s, filters, p))
