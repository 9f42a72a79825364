"""The timeline: events and quotes in one chronological stream, keyset-paginated."""

import datetime as dt
import operator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sqlalchemy import RowMapping, and_, literal, or_, select, union_all
from sqlalchemy.orm import Session

from app.db.models import Event, EventParticipant, EventTopic, Quote, QuoteTopic
from app.queries import events, quotes
from app.queries.pagination import (
    AnySelect,
    PageRequest,
    decode_position,
    encode_cursor,
    fingerprint,
    optional,
    parse_cursor_date,
    text_position,
)
from app.queries.successors import with_successors
from app.schemas.common import Ref
from app.schemas.records import EventRead, QuoteRead
from app.schemas.views import TimelineItem, TimelinePage

ItemType = Literal["event", "quote"]


@dataclass(frozen=True)
class TimelineFilters:
    actor: list[str] | None = None
    topic: list[str] | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    type: list[ItemType] | None = None


def _dated(query: AnySelect, column: Any, filters: TimelineFilters) -> AnySelect:
    if filters.date_from:
        query = query.where(column >= filters.date_from)
    if filters.date_to:
        query = query.where(column <= filters.date_to)
    return query


def _events(filters: TimelineFilters) -> AnySelect:
    query = select(
        literal("event").label("type"),
        Event.id.label("id"),
        Event.start_on.label("date"),
    )
    if filters.actor:
        taking_part = select(EventParticipant.event_id).where(
            EventParticipant.actor_id.in_(filters.actor)
        )
        query = query.where(Event.id.in_(taking_part))
    if filters.topic:
        query = query.where(
            Event.id.in_(select(EventTopic.event_id).where(EventTopic.topic_id.in_(filters.topic)))
        )
    return _dated(query, Event.start_on, filters)


def _quotes(filters: TimelineFilters) -> AnySelect:
    query = select(
        literal("quote").label("type"),
        Quote.id.label("id"),
        Quote.said_on.label("date"),
    )
    if filters.actor:
        query = query.where(Quote.speaker_id.in_(filters.actor))
    if filters.topic:
        query = query.where(
            Quote.id.in_(select(QuoteTopic.quote_id).where(QuoteTopic.topic_id.in_(filters.topic)))
        )
    return _dated(query, Quote.said_on, filters)


# A cursor's position: the date (null when undated), the type and the id of the last item.
KINDS = [optional(parse_cursor_date), text_position, text_position]


def _after(stream: Any, position: list[Any], descending: bool) -> Any:
    """Rows after `position` in the order date (nulls last), type, id; all three reversed when
    `descending` (undated rows still last)."""
    day, kind, key = position
    later = operator.lt if descending else operator.gt
    later_same_day = or_(
        later(stream.c.type, kind), and_(stream.c.type == kind, later(stream.c.id, key))
    )
    if day is None:
        return and_(stream.c.date.is_(None), later_same_day)
    return or_(
        later(stream.c.date, day),
        and_(stream.c.date == day, later_same_day),
        stream.c.date.is_(None),
    )


def _stream(filters: TimelineFilters) -> Any:
    wanted = filters.type or ["event", "quote"]
    chosen = [
        part(filters) for kind, part in (("event", _events), ("quote", _quotes)) if kind in wanted
    ]
    return (union_all(*chosen) if len(chosen) > 1 else chosen[0]).subquery("stream")


def list_timeline(session: Session, filters: TimelineFilters, page: PageRequest) -> TimelinePage:
    """One page of the stream, oldest (or newest) first, undated last; ties by type, then id."""
    filters = with_successors(session, filters)
    query_print = page.tied_print(fingerprint("timeline", asdict(filters)))
    stream = _stream(filters)
    query = select(stream)
    if page.cursor:
        position = decode_position(page.cursor, query_print, KINDS)
        query = query.where(_after(stream, position, page.descending))
    order = [stream.c.date, stream.c.type, stream.c.id]
    if page.descending:
        order = [column.desc() for column in order]
    query = query.order_by(order[0].nulls_last(), *order[1:])
    rows = list(session.execute(query.limit(page.limit + 1)).mappings())
    next_cursor = None
    if len(rows) > page.limit:
        rows = rows[: page.limit]
        last = rows[-1]
        day = last["date"].isoformat() if last["date"] else None
        next_cursor = encode_cursor(query_print, [day, last["type"], last["id"]])
    return TimelinePage(items=_items(session, rows), next=next_cursor)


def _items(session: Session, rows: list[RowMapping]) -> list[TimelineItem]:
    event_ids = [row["id"] for row in rows if row["type"] == "event"]
    quote_ids = [row["id"] for row in rows if row["type"] == "quote"]
    found: dict[tuple[str, str], TimelineItem] = {}
    for event in events.hydrate(session, _rows(session, Event.__table__, event_ids)):
        found["event", event.id] = _from_event(event)
    for quote in quotes.hydrate(session, _rows(session, Quote.__table__, quote_ids)):
        found["quote", quote.id] = _from_quote(quote)
    return [found[row["type"], row["id"]] for row in rows]


def _rows(session: Session, table: Any, ids: list[str]) -> list[RowMapping]:
    if not ids:
        return []
    return list(session.execute(select(table).where(table.c.id.in_(ids))).mappings())


def _from_event(event: EventRead) -> TimelineItem:
    return TimelineItem(
        type="event",
        id=event.id,
        url=f"/v1/events/{event.id}",
        date=event.start_on,
        precision=event.start_precision,
        end_date=event.end_on,
        title=event.title,
        actors=[
            Ref(id=participant.id, name=participant.name) for participant in event.participants
        ],
        topics=event.topics,
        citations=event.citations,
        corroboration=event.corroboration,
    )


def _from_quote(quote: QuoteRead) -> TimelineItem:
    return TimelineItem(
        type="quote",
        id=quote.id,
        url=f"/v1/quotes/{quote.id}",
        date=quote.said_on,
        precision=quote.said_precision,
        end_date=None,
        title=quote.text,
        actors=[quote.speaker],
        topics=quote.topics,
        citations=quote.citations,
        corroboration=quote.corroboration,
    )
