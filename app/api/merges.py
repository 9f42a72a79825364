"""The merge of an actor into another (POST /v1/actors/{id}/merge): every record that names it
moves to its successor in one revision, and its id answers 308 with the successor's address."""

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.api.params import ActorId
from app.api.routing import ReadRoute
from app.api.write_docs import MERGE_EXAMPLE, write_problems
from app.api.write_request import (
    JSON,
    IfMatch,
    Summary,
    Writer,
    json_body,
    refuse_cross_origin,
    required_tag,
    run_write,
    written_answer,
)
from app.curation import Author, validated
from app.curation.merging import merge_into
from app.schemas.records import ActorRead
from app.schemas.writes import MergeInto

router = APIRouter(dependencies=[Depends(refuse_cross_origin)], route_class=ReadRoute)

MERGE_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        JSON: {
            "schema": MergeInto.model_json_schema(),
            "examples": {"merge": {"value": MERGE_EXAMPLE, "summary": "Merge a duplicate"}},
        }
    },
}


@router.post(
    "/v1/actors/{actor_id}/merge",
    tags=["actors"],
    response_model=ActorRead,
    responses={
        200: {
            "description": "Merged: the successor as `GET` now answers it, its `ETag` and its "
            "address in `Location`; `GET` of the merged actor now answers 308 to it."
        },
        **write_problems(404, 410, 412, 415, 422, 428, 503),
    },
    openapi_extra={"requestBody": MERGE_BODY},
)
async def merge_actor(
    request: Request, holder: Writer, actor_id: ActorId, query: Summary, if_match: IfMatch = None
) -> Response:
    """Merge a (duplicate) actor into another: its quotes, positions, affiliations and events
    move, its names become the other's aliases, and its id answers as the other's."""
    tag = required_tag(if_match)
    body = validated(MergeInto, await json_body(request, JSON))
    author = Author(holder.name, query.summary)
    written = await run_write(request, lambda c: merge_into(c, actor_id, body.into, tag, author))
    return written_answer(request, written, 200)
