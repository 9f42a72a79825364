"""/v1/positions: an actor's stance on a topic at a time."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.api.answer import Negotiated, answer_list, answer_record, rendered
from app.api.deps import SessionDep
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
async def read_positions(
    session: SessionDep, query: Annotated[PositionQuery, Query()], target: Negotiated
) -> Any:
    """List positions, oldest (or newest) first, undated last, with evidence and citations."""
    filters = query.filters()
    return await answer_list(target, session, query, lambda s, p: list_positions(s, filters, p))


@router.get("/{position_id}", **rendered(PositionRead, 404, 410, 422))
async def read_position(
    session: SessionDep,
    position_id: PositionId,
    _query: Annotated[JsonQuery, Query()],
    target: Negotiated,
) -> Any:
    """One position by id."""
    return await answer_record(target, session, "positions", position_id, get_position)
