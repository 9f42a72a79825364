"""Dependencies shared by the routers: the session, paging, common errors."""

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from pydantic import StringConstraints
from sqlalchemy.orm import Session

from app.queries.catalog import dataset_version
from app.queries.pagination import PageRequest
from app.schemas.common import Problem

LIMIT_DEFAULT = 50
LIMIT_MAX = 500


def get_session(request: Request) -> Iterator[Session]:
    """A read session per request; it never commits."""
    session = request.app.state.sessionmaker()
    try:
        # The first read fixes the transaction's snapshot (SQLite, or PostgreSQL at REPEATABLE
        # READ): the answer and its X-Dataset-Version header come from that one dataset.
        request.state.dataset_version = dataset_version(session)
        yield session
    finally:
        session.rollback()
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]


async def page_request(
    limit: Annotated[
        int,
        Query(
            ge=1, le=LIMIT_MAX, description=f"Items per page (at most {LIMIT_MAX}).", examples=[20]
        ),
    ] = LIMIT_DEFAULT,
    cursor: Annotated[
        str | None,
        Query(
            max_length=1000,
            description="The `next` value of the previous page; omit for the first page.",
        ),
    ] = None,
) -> PageRequest:
    return PageRequest(limit=limit, cursor=cursor)


PageDep = Annotated[PageRequest, Depends(page_request)]


IdValue = Annotated[str, StringConstraints(max_length=200)]
IdList = list[IdValue] | None


def id_filter(description: str, example: str) -> Any:
    """A repeatable filter on record ids (`?speaker=a&speaker=b` matches either)."""
    return Query(
        description=f"{description} Repeat to match any of several.",
        examples=[[example]],
        max_length=50,
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    meanings = {
        404: "No record with that id.",
        422: "A parameter is invalid; `detail` says which and why.",
    }
    return {
        status: {
            "model": Problem,
            "description": meanings[status],
            # Typed clients read the error body's shape from the media type it is sent as.
            "content": {
                "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
            },
        }
        for status in statuses
    }


RecordId = Annotated[str, Path(max_length=200, description="The record's id (a slug).")]


def record_id(example: str) -> Any:
    """A record id in the path; the example is a real id, so that "Try it out" finds a record."""
    return Path(
        max_length=200,
        description="The record's id (a slug).",
        examples=[example],
        # Parameter-level examples are what Swagger UI fills in for "Try it out".
        openapi_examples={"seed": {"summary": "A record of the seed", "value": example}},
    )


QuoteId = Annotated[str, record_id("fadeev-consultations-insignificant")]
EventId = Annotated[str, record_id("anchorage-summit-2025")]
PositionId = Annotated[str, record_id("zelensky-ceasefire-2025-08-13")]
ActorId = Annotated[str, record_id("vladimir-putin")]
TopicId = Annotated[str, record_id("ceasefire")]
SourceId = Annotated[str, record_id("afp-2025-08-15")]
