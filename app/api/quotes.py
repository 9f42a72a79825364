"""/v1/quotes: who said what, when, and where it is written."""

import functools
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session

from app.api.answer import answer_list, answer_record, rendered
from app.api.filters import (
    ActorIds,
    DateRangeQuery,
    EventIds,
    IsoDate,
    SourceIds,
    TopicIds,
    date_bound,
    id_filter,
)
from app.api.listing import (
    asked_extras,
    document_page,
    facet_query,
    fields_query,
    include_query,
    kept_fields,
    list_rendered,
    listing_names,
    search_filter,
)
from app.api.params import DatedPageQuery, JsonQuery, QuoteId
from app.api.routing import ReadRoute
from app.queries.listing import QuoteDocumentPage, quote_page
from app.queries.pagination import PageRequest
from app.queries.quotes import QuoteFilters, quote_document
from app.schemas.records import QuoteRead
from app.schemas.views import QuoteListAnswer, QuotePage

router = APIRouter(prefix="/v1/quotes", tags=["quotes"], route_class=ReadRoute)

# Literals built at run time, from the facets, includes and fields there are.
FacetName, IncludeName, FieldName = listing_names("quotes", QuoteRead)


class QuoteQuery(DatedPageQuery, DateRangeQuery):
    actor: ActorIds = id_filter("The speaker's actor id.", "alexey-fadeev")
    topic: TopicIds = id_filter("Topic id.", "ceasefire")
    event: EventIds = id_filter("Event the words were said at.", "anchorage-summit-2025")
    source: SourceIds = id_filter("Source that cites the quote.", "afp-2025-08-15")
    date_from: IsoDate | None = date_bound("Said on or after this day.", "2025-08-13", "from")
    date_to: IsoDate | None = date_bound("Said on or before this day.", "2025-08-15", "to")
    q: str | None = search_filter()
    facet: list[FacetName] | None = facet_query("quotes")  # type: ignore[valid-type]
    include: list[IncludeName] | None = include_query("quotes")  # type: ignore[valid-type]
    fields: list[FieldName] | None = fields_query(QuoteRead)  # type: ignore[valid-type]

    def filters(self) -> QuoteFilters:
        return QuoteFilters(
            self.actor, self.topic, self.event, self.source, self.date_from, self.date_to, self.q
        )


@router.get("", **list_rendered(QuotePage, QuoteListAnswer))
async def read_quotes(query: Annotated[QuoteQuery, Query()], request: Request) -> Any:
    """List quotes, oldest (or newest) first, unknown dates last, with speaker and citations."""
    facet, include = asked_extras("quotes", query.facet, query.include)
    filters, fields = query.filters(), kept_fields(query.fields)

    def read(s: Session, p: PageRequest) -> QuoteDocumentPage:
        return quote_page(s, filters, p, facet, include)

    json = functools.partial(document_page, fields=fields)
    return await answer_list(request, query, read, fields, json)


@router.get("/{quote_id}", **rendered(QuoteRead, 404, 410, 422))
async def read_quote(
    quote_id: QuoteId,
    query: Annotated[JsonQuery, Query()],
    request: Request,
) -> Any:
    """One quote by id."""
    return await answer_record(request, query, "quotes", quote_id, quote_document)
