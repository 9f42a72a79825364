"""/v1/search: full-text search over quotes, events, positions, actors, topics and sources."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from app.api.answer import Negotiated, answer_list, rendered
from app.api.deps import SessionDep
from app.api.routing import ReadRoute
from app.queries.pagination import PageRequest
from app.queries.search import MAX_DEPTH, search
from app.schemas.views import SearchPage

router = APIRouter(prefix="/v1/search", tags=["search"], route_class=ReadRoute)

SEARCH_LIMIT_MAX = 100
QueryText = Annotated[
    str,
    Query(
        min_length=1,
        max_length=500,
        description='Words to find. `"a phrase"`, `prefix*`, `AND` (implied), `OR`, `NOT` or '
        "`-word`, and parentheses; case and accents are ignored (Zelenskyy = zelenskyy, "
        "Merz = Mérz). A malformed query is a 422 problem that says what is wrong.",
        openapi_examples={
            "phrase and prefix": {
                "summary": "A phrase and a prefix",
                "value": '"security guarantees" zelensk*',
            },
            "or and not": {"summary": "OR and NOT", "value": "ceasefire OR sanctions NOT trump"},
        },
    ),
]
TypeName = Literal["quote", "event", "position", "actor", "topic", "source"]


@router.get("", **rendered(SearchPage, 422))
async def read_search(
    session: SessionDep,
    q: QueryText,
    *,
    type: Annotated[
        list[TypeName] | None,
        Query(
            description="Only records of this kind; repeat for several (default: all kinds).",
            examples=[["quote", "event"]],
            max_length=6,
        ),
    ] = None,
    limit: Annotated[
        int,
        Query(ge=1, le=SEARCH_LIMIT_MAX, description="Hits per page.", examples=[20]),
    ] = 20,
    cursor: Annotated[
        str | None,
        Query(
            max_length=1000,
            description=f"The `next` value of the previous page (ranked results reach the "
            f"first {MAX_DEPTH} hits).",
        ),
    ] = None,
    target: Negotiated,
) -> Any:
    """Search every kind of record; hits are ranked best first, with highlighted snippets."""
    page = PageRequest(limit=limit, cursor=cursor)
    return await answer_list(target, session, page, lambda s, p: search(s, q, type or [], p))
