"""/v1/{resource}/{id}/revisions: every change made to a record, who made it, when and why; and
/v1/changes, the feed of every record's changes in the order they were made."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from app.api.answer import answer_list, rendered
from app.api.auth import OptionalKey
from app.api.params import ActorId, EventId, PageQuery, PositionId, QuoteId, SourceId, TopicId
from app.api.routing import ReadRoute
from app.queries.pagination import INTEGER_MAX
from app.queries.revisions import list_changes, list_revisions
from app.schemas.common import Page
from app.schemas.revisions import ChangeRead, RevisionRead

router = APIRouter(route_class=ReadRoute)
Pages = Annotated[PageQuery, Query()]


class ChangesQuery(PageQuery):
    """The query of the change feed: the revisions after `since`, a page at a time."""

    since: int = Query(
        0,
        ge=0,
        le=INTEGER_MAX,
        description="The number of the last revision already seen: the feed lists those after "
        "it (0, the default: from the first). A cursor continues the `since` it was issued for.",
        examples=[0],
    )


@router.get("/v1/changes", tags=["changes"], **rendered(Page[ChangeRead], 422))
async def read_changes(query: Annotated[ChangesQuery, Query()], request: Request) -> Any:
    """Every change made to the knowledge (by loads and by keys) after revision `since`, oldest
    first: what a mirror or a search index reads to keep up, each with its record's address."""
    return await answer_list(request, query, lambda s, p: list_changes(s, query.since, p))


async def revisions(
    request: Request, resource: str, record_id: str, query: PageQuery, keyed: bool = False
) -> Any:
    return await answer_list(
        request, query, lambda s, p: list_revisions(s, resource, record_id, p, keyed)
    )


def listing(resource: str) -> dict[str, Any]:
    return {"tags": [resource], **rendered(Page[RevisionRead], 404, 422)}


def listing_with_optional_key(resource: str) -> dict[str, Any]:
    """`listing`, for a route that reads a key if one is sent (401 if it is not a valid one)."""
    arguments = {"tags": [resource], **rendered(Page[RevisionRead], 401, 404, 422)}
    # A key is optional here (`{}`): the OpenAPI way to say so, after the scheme FastAPI lists.
    arguments["openapi_extra"] = {**arguments["openapi_extra"], "security": [{}]}
    return arguments


@router.get("/v1/sources/{source_id}/revisions", **listing_with_optional_key("sources"))
async def read_source_revisions(
    source_id: SourceId,
    query: Pages,
    request: Request,
    holder: OptionalKey,
) -> Any:
    """The source's revisions, oldest first. The text its creation gave is shown as its `/text`
    is: where `text_access` is `keys`, to a request with a key alone (else `change.text` is
    null)."""
    keyed = holder is not None
    return await revisions(request, "sources", source_id, query, keyed)


@router.get("/v1/topics/{topic_id}/revisions", **listing("topics"))
async def read_topic_revisions(topic_id: TopicId, query: Pages, request: Request) -> Any:
    """The topic's revisions, oldest first."""
    return await revisions(request, "topics", topic_id, query)


@router.get("/v1/events/{event_id}/revisions", **listing("events"))
async def read_event_revisions(event_id: EventId, query: Pages, request: Request) -> Any:
    """The event's revisions, oldest first."""
    return await revisions(request, "events", event_id, query)


@router.get("/v1/actors/{actor_id}/revisions", **listing("actors"))
async def read_actor_revisions(actor_id: ActorId, query: Pages, request: Request) -> Any:
    """The actor's revisions, oldest first, with the merges of other actors into it (each a
    revision of the merged actor: its `record_id` is theirs, `change.into` this actor's)."""
    return await revisions(request, "actors", actor_id, query)


@router.get("/v1/quotes/{quote_id}/revisions", **listing("quotes"))
async def read_quote_revisions(quote_id: QuoteId, query: Pages, request: Request) -> Any:
    """The quote's revisions, oldest first."""
    return await revisions(request, "quotes", quote_id, query)


@router.get("/v1/positions/{position_id}/revisions", **listing("positions"))
async def read_position_revisions(position_id: PositionId, query: Pages, request: Request) -> Any:
    """The position's revisions, oldest first."""
    return await revisions(request, "positions", position_id, query)
