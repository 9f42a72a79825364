"""/v1/positions: an actor's stance on a topic at a time."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from app.api.answer import Negotiated, answer_list, rendered
from app.api.deps import (
    IdList,
    PageDep,
    PositionId,
    SessionDep,
    id_filter,
    read_in_thread,
)
from app.api.routing import ReadRoute
from app.domain import STANCES_TEXT, Stance
from app.formats.render import respond
from app.queries.positions import PositionFilters, get_position, list_positions
from app.schemas.common import Page
from app.schemas.records import PositionRead

router = APIRouter(prefix="/v1/positions", tags=["positions"], route_class=ReadRoute)


async def position_filters(
    actor: Annotated[IdList, id_filter("Actor id.", "volodymyr-zelensky")] = None,
    topic: Annotated[IdList, id_filter("Topic id.", "ceasefire")] = None,
    stance: Annotated[
        list[Stance] | None,
        Query(
            description=STANCES_TEXT,
            examples=[["supports"]],
            max_length=4,
        ),
    ] = None,
) -> PositionFilters:
    return PositionFilters(actor, topic, stance)


PositionFiltersDep = Annotated[PositionFilters, Depends(position_filters)]


@router.get("", **rendered(Page[PositionRead], 422))
async def read_positions(
    session: SessionDep, filters: PositionFiltersDep, page: PageDep, target: Negotiated
) -> Any:
    """List positions, oldest first (undated last), with evidence and citations."""
    return await answer_list(target, session, page, lambda s, p: list_positions(s, filters, p))


@router.get("/{position_id}", **rendered(PositionRead, 404, 422))
async def read_position(session: SessionDep, position_id: PositionId, target: Negotiated) -> Any:
    """One position by id."""
    return respond(target, await read_in_thread(session, get_position, position_id))
