"""/v1/stances: who holds what on which topic, and how that changed."""

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.api.answer import Negotiated, rendered
from app.api.deps import IdList, SessionDep, id_filter, read_in_thread
from app.api.routing import ReadRoute
from app.formats.render import respond
from app.queries.stances import StanceFilters, stance_matrix
from app.schemas.views import StanceMatrix

router = APIRouter(prefix="/v1/stances", tags=["views"], route_class=ReadRoute)


@router.get("", **rendered(StanceMatrix, 422))
async def read_stances(
    session: SessionDep,
    *,
    actor: Annotated[IdList, id_filter("Actor id.", "volodymyr-zelensky")] = None,
    topic: Annotated[IdList, id_filter("Topic id.", "ceasefire")] = None,
    as_of: Annotated[
        dt.date | None,
        Query(
            description="Answer for this day: only positions held on or before it count "
            "(undated positions then do not).",
            examples=["2025-08-14"],
        ),
    ] = None,
    target: Negotiated,
) -> Any:
    """The actor × topic matrix: each cell's current stance, evidence, and earlier stances."""
    filters = StanceFilters(actor, topic, as_of)
    return respond(target, await read_in_thread(session, stance_matrix, filters))
