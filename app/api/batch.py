"""POST /v1/batch: several new records in one transaction, all of them or none (app.curation.
batch), each checked and written as its own POST would, with a revision of its own."""

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.api.batch_docs import BATCH_PROBLEMS, batch_body
from app.api.routing import ReadRoute
from app.api.write_docs import JSON, write_problems
from app.api.write_request import (
    Summary,
    Writer,
    batch_answer,
    json_body,
    refuse_cross_origin,
    run_writes,
)
from app.curation import Author
from app.curation.batch import create_all, planned
from app.schemas.writes import BatchWritten

router = APIRouter(dependencies=[Depends(refuse_cross_origin)], route_class=ReadRoute)


@router.post(
    "/v1/batch",
    tags=["batch"],
    status_code=201,
    response_model=BatchWritten,
    responses={
        201: {"description": "Written, every record: where each is served and its `ETag`."},
        **write_problems(409, 413, 415, 422, 503),
        **BATCH_PROBLEMS,
    },
    openapi_extra={"requestBody": batch_body()},
)
async def write_batch(request: Request, holder: Writer, query: Summary) -> Response:
    """Add up to 100 records (sources, topics, actors, events, quotes, positions) in one
    transaction, one write of the key's rate: each is checked and written as its own POST would,
    in order, or none is (a 409 or 422 names the write, `body.writes.3.record...`). Accept an
    article's suggestions with one batch."""
    records = planned(await json_body(request, JSON))
    author = Author(holder.name, query.summary)
    return batch_answer(request, await run_writes(request, create_all(records, author)))
