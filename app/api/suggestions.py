"""/v1/sources/{id}/suggestions: what the extraction engine (app.extraction) would record from a
stored source, for a curator to accept through the writes. It needs a write key: it is a step of
curation, and it reads a source's full text."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.auth import WriteKey
from app.api.deps import SessionDep, problem_responses, read_in_thread
from app.api.params import QueryModel, SourceId
from app.api.routing import ReadRoute
from app.extraction.schema import Suggestions
from app.queries.suggestions import suggestions_for

router = APIRouter(route_class=ReadRoute)


@router.get(
    "/v1/sources/{source_id}/suggestions",
    tags=["sources"],
    response_model=Suggestions,
    responses={
        200: {
            "description": "The suggestions: each quote's `record` may be sent as it is to "
            "`POST /v1/quotes` (or in a `POST /v1/batch`), each new actor's to `POST /v1/actors`."
        },
        **problem_responses(401, 403, 404, 422),
    },
)
async def read_source_suggestions(
    session: SessionDep,
    _holder: WriteKey,
    source_id: SourceId,
    _query: Annotated[QueryModel, Query()],
) -> Suggestions:
    """Suggest what to record from a source: the quotes of each of its articles (speaker, date, a
    verified citation), the new actors they need, the dates and known names the text gives."""
    return await read_in_thread(session, suggestions_for, source_id)
