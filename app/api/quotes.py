"""/v1/quotes: who said what, when, and where it is written."""

import datetime as dt
import functools
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from app.api.answer import Negotiated, answer_list, rendered
from app.api.deps import IdList, PageDep, QuoteId, SessionDep, id_filter, read_in_thread
from app.api.listing import (
    SearchFilter,
    document_page,
    facet_param,
    fields_param,
    include_param,
    list_rendered,
)
from app.api.routing import ReadRoute
from app.formats.render import respond
from app.queries.listing import QuoteDocumentPage, quote_page
from app.queries.pagination import PageRequest
from app.queries.quotes import QuoteFilters, quote_document
from app.schemas.records import QuoteRead
from app.schemas.views import QuoteListAnswer, QuotePage

router = APIRouter(prefix="/v1/quotes", tags=["quotes"], route_class=ReadRoute)


async def quote_filters(
    speaker: Annotated[IdList, id_filter("Speaker's actor id.", "alexey-fadeev")] = None,
    topic: Annotated[IdList, id_filter("Topic id.", "ceasefire")] = None,
    event: Annotated[
        IdList, id_filter("Event the words were said at.", "anchorage-summit-2025")
    ] = None,
    source: Annotated[IdList, id_filter("Source that cites the quote.", "afp-2025-08-15")] = None,
    said_from: Annotated[
        dt.date | None, Query(description="Said on or after this day.", examples=["2025-08-13"])
    ] = None,
    said_to: Annotated[
        dt.date | None, Query(description="Said on or before this day.", examples=["2025-08-15"])
    ] = None,
    q: SearchFilter = None,
) -> QuoteFilters:
    return QuoteFilters(speaker, topic, event, source, said_from, said_to, q)


QuoteFiltersDep = Annotated[QuoteFilters, Depends(quote_filters)]


@router.get("", **list_rendered(QuotePage, QuoteListAnswer))
async def read_quotes(
    target: Negotiated,
    session: SessionDep,
    filters: QuoteFiltersDep,
    page: PageDep,
    facet: Annotated[list[str], Depends(facet_param("quotes"))],
    include: Annotated[list[str], Depends(include_param("quotes"))],
    fields: Annotated[list[str], Depends(fields_param(QuoteRead))],
) -> Any:
    """List quotes, oldest first (unknown dates last), with their speaker and citations."""

    def read(s: Session, p: PageRequest) -> QuoteDocumentPage:
        return quote_page(s, filters, p, facet, include)

    json = functools.partial(document_page, fields=fields)
    return await answer_list(target, session, page, read, fields, json)


@router.get("/{quote_id}", **rendered(QuoteRead, 404, 422))
async def read_quote(session: SessionDep, quote_id: QuoteId, target: Negotiated) -> Any:
    """One quote by id."""
    return respond(target, await read_in_thread(session, quote_document, quote_id))
