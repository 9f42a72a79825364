"""/v1/stances: who holds what on which topic, and how that changed."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from app.api.answer import answer_read, ids_checked, rendered
from app.api.filters import ActorIds, IsoDate, TopicIds, id_filter
from app.api.params import JsonQuery
from app.api.routing import ReadRoute
from app.queries.stances import StanceFilters, stance_matrix
from app.schemas.views import StanceMatrix

router = APIRouter(prefix="/v1/stances", tags=["views"], route_class=ReadRoute)


class StanceQuery(JsonQuery):
    actor: ActorIds = id_filter("Actor id.", "volodymyr-zelensky")
    topic: TopicIds = id_filter("Topic id.", "ceasefire")
    as_of: IsoDate | None = Query(
        None,
        description="Answer for this day: only positions held on or before it count "
        "(undated positions then do not).",
        examples=["2025-08-14"],
    )


@router.get("", **rendered(StanceMatrix, 422))
async def read_stances(query: Annotated[StanceQuery, Query()], request: Request) -> Any:
    """The actor × topic matrix: each cell's current stance, evidence, and earlier stances."""
    filters = StanceFilters(query.actor, query.topic, query.as_of)
    return await answer_read(request, query, ids_checked(query, stance_matrix), filters)
