"""/v1/positions: an actor's stance on a topic at a time."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from app.api.answer import answer_list, answer_record, rendered
from app.api.filters import ActorIds, TopicIds, id_filter
from app.api.params import DatedPageQuery, JsonQuery, PositionId
from app.api.routing import ReadRoute
from app.domain import STANCES_TEXT, Stance
from app.queries.positions import PositionFilters, get_position, list_positions
from app.schemas.common import Page
from app.schemas.records import PositionRead

router = APIRouter(prefix="/v1/positions", tags=["positions"], route_class=ReadRoute)


class PositionQuery(DatedPageQuery):
    actor: ActorIds = id_filter("Actor id.", "volodymyr-zelensky")
    topic: TopicIds = id_filter("Topic id.", "ceasefire")
    stance: list[Stance] | None = Query(
        None,
        description=STANCES_TEXT,
        examples=[["supports"]],
        max_length=4,
    )

    def filters(self) -> PositionFilters:
        return PositionFilters(self.actor, self.topic, self.stance)


@router.get("", **rendered(Page[PositionRead], 422))
async def read_positions(query: Annotated[PositionQuery, Query()], request: Request) -> Any:
    """List positions, oldest (or newest) first, undated last, with evidence and citations."""
    filters = query.filters()
    return await answer_list(request, query, lambda s, p: list_positions(s, filters, p))


@router.get("/{position_id}", **rendered(PositionRead, 404, 410, 422))
async def read_position(
    position_id: PositionId,
    query: Annotated[JsonQuery, Query()],
    request: Request,
) -> Any:
    """One position by id."""
    return await answer_record(request, query, "positions", position_id, get_position)
