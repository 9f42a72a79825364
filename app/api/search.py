"""/v1/search: full-text search over quotes, events, positions, actors, topics and sources."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from app.api.answer import answer_list, rendered
from app.api.params import CursorValue, PageQuery
from app.api.routing import ReadRoute
from app.queries.search import MAX_DEPTH, search
from app.schemas.views import SearchPage

router = APIRouter(prefix="/v1/search", tags=["search"], route_class=ReadRoute)

SEARCH_LIMIT_MAX = 100
TypeName = Literal["quote", "event", "position", "actor", "topic", "source"]


class SearchQuery(PageQuery):
    q: str = Query(
        min_length=1,
        max_length=500,
        description='Words to find. `"a phrase"`, `prefix*`, `AND` (implied), `OR`, `NOT` or '
        "`-word`, and parentheses; case and accents are ignored (Zelenskyy = zelenskyy, "
        "Merz = Mérz). Words are found in any form (guarantee = guarantees), names of people, "
        "places and publishers as written, a prefix the words that start with it; the dataset's "
        "other spellings (cease-fire = ceasefire, Donbass = Donbas) and topic aliases are "
        "searched too. The words typed rank above their other forms. A malformed query is a 422 "
        "problem that says what is wrong.",
        openapi_examples={
            "phrase and prefix": {
                "summary": "A phrase and a prefix",
                "value": '"security guarantees" zelensk*',
            },
            "another form": {"summary": "Another form of a word", "value": "guarantee"},
            "another spelling": {"summary": "Another spelling", "value": "cease-fire"},
            "or and not": {"summary": "OR and NOT", "value": "ceasefire OR sanctions NOT trump"},
        },
    )
    type: list[TypeName] | None = Query(
        None,
        description="Only records of this kind; repeat for several (default: all kinds).",
        examples=[["quote", "event"]],
        max_length=6,
    )
    limit: int = Query(20, ge=1, le=SEARCH_LIMIT_MAX, description="Hits per page.", examples=[20])
    cursor: CursorValue | None = Query(
        None,
        description=f"The `next` value of the previous page (ranked results reach the first "
        f"{MAX_DEPTH} hits).",
    )


@router.get("", **rendered(SearchPage, 422))
async def read_search(query: Annotated[SearchQuery, Query()], request: Request) -> Any:
    """Search every kind of record; hits are ranked best first, with highlighted snippets."""
    q, types = query.q, query.type or []
    return await answer_list(request, query, lambda s, p: search(s, q, types, p))
