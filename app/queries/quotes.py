"""Quotes: filters, one page, one record."""

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import RowMapping, bindparam, exists, select
from sqlalchemy.orm import Session

from app.db.derived_tables import derived_quote_json
from app.db.models import Citation, Quote, QuoteTopic
from app.queries import related, search
from app.queries.pagination import AnySelect, Keyset, PageRequest, fingerprint, paginate
from app.queries.served import served
from app.queries.successors import missing, with_successors
from app.schemas.common import Page
from app.schemas.records import QuoteRead

KEYSET = Keyset(key=Quote.id, lead=Quote.said_on)


@dataclass(frozen=True)
class QuoteFilters:
    speaker: list[str] | None = None
    topic: list[str] | None = None
    event: list[str] | None = None
    source: list[str] | None = None
    said_from: dt.date | None = None
    said_to: dt.date | None = None
    q: str | None = None


def filtered(session: Session, filters: QuoteFilters) -> AnySelect:
    query = served(Quote)
    if filters.speaker:
        query = query.where(Quote.speaker_id.in_(filters.speaker))
    if filters.event:
        query = query.where(Quote.event_id.in_(filters.event))
    if filters.topic:
        tagged = select(QuoteTopic.quote_id).where(QuoteTopic.topic_id.in_(filters.topic))
        query = query.where(Quote.id.in_(tagged))
    if filters.source:
        cited = exists().where(
            Citation.quote_id == Quote.id, Citation.source_id.in_(filters.source)
        )
        query = query.where(cited)
    if filters.said_from:
        query = query.where(Quote.said_on >= filters.said_from)
    if filters.said_to:
        query = query.where(Quote.said_on <= filters.said_to)
    if filters.q:
        query = query.where(search.matches(session, Quote.id, "quote", filters.q))
    return query


def list_quotes(session: Session, filters: QuoteFilters, page: PageRequest) -> Page[QuoteRead]:
    """One page of the quotes that match `filters`, oldest first, unknown dates last."""
    filters = with_successors(session, filters)
    query_print = fingerprint("quotes", asdict(filters))
    rows, next_cursor = paginate(session, filtered(session, filters), KEYSET, page, query_print)
    return Page[QuoteRead](items=hydrate(session, rows), next=next_cursor)


# Built once: a statement built per call cost more than its lookup (operators, cache key).
QUOTE_DOCUMENT = select(derived_quote_json.c.body).where(
    derived_quote_json.c.id == bindparam("quote_id")
)


def quote_document(session: Session, quote_id: str) -> bytes:
    """One quote's answer as stored at load time (the very bytes of its `QuoteRead`)."""
    body = session.scalar(QUOTE_DOCUMENT, {"quote_id": quote_id})
    if body is None:
        raise missing(session, "quotes", quote_id)
    return bytes(body)


def list_quote_rows(
    session: Session, filters: QuoteFilters, page: PageRequest
) -> tuple[list[RowMapping], str | None]:
    """One page as rows of the quotes table, each with its stored document in `body`."""
    query_print = fingerprint("quotes", asdict(filters))
    documents = derived_quote_json
    query = (
        filtered(session, filters)
        .join(documents, documents.c.id == Quote.__table__.c.id)
        .add_columns(documents.c.body)
    )
    # A date bound excludes the undated quotes: no need to look for them.
    dated_only = filters.said_from is not None or filters.said_to is not None
    return paginate(session, query, KEYSET, page, query_print, dated_only)


def hydrate(session: Session, rows: list[RowMapping]) -> list[QuoteRead]:
    ids = [row["id"] for row in rows]
    speakers = related.actor_refs(session, {row["speaker_id"] for row in rows})
    events = related.event_refs(session, {row["event_id"] for row in rows if row["event_id"]})
    topics = related.quote_topics(session, ids)
    citations = related.citations_for(session, "quote", ids)
    corroborated = related.corroboration(citations)
    return [
        QuoteRead(
            id=row["id"],
            text=row["text"],
            speaker=speakers[row["speaker_id"]],
            said_on=row["said_on"],
            said_precision=row["said_precision"],
            fragment=row["is_fragment"],
            event=events.get(row["event_id"]) if row["event_id"] else None,
            translated_from=row["translated_from"],
            translated_by=row["translated_by"],
            topics=topics.get(row["id"], []),
            citations=citations.get(row["id"], []),
            corroboration=corroborated.get(row["id"], 0),
        )
        for row in rows
    ]
