"""Events: filters, one page, one record."""

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import RowMapping, select
from sqlalchemy.orm import Session

from app.db.models import Event, EventParticipant, EventTopic
from app.domain import EventKind, EventStatus
from app.queries import related, search
from app.queries.pagination import AnySelect, Keyset, PageRequest, fingerprint, paginate
from app.queries.served import served
from app.queries.successors import missing, with_successors
from app.schemas.common import Page
from app.schemas.records import EventRead

KEYSET = Keyset(key=Event.id, lead=Event.start_on)


@dataclass(frozen=True)
class EventFilters:
    kind: list[EventKind] | None = None
    status: list[EventStatus] | None = None
    participant: list[str] | None = None
    topic: list[str] | None = None
    start_from: dt.date | None = None
    start_to: dt.date | None = None
    q: str | None = None


def filtered(session: Session, filters: EventFilters) -> AnySelect:
    query = served(Event)
    if filters.kind:
        query = query.where(Event.kind.in_(filters.kind))
    if filters.status:
        query = query.where(Event.status.in_(filters.status))
    if filters.participant:
        taking_part = select(EventParticipant.event_id).where(
            EventParticipant.actor_id.in_(filters.participant)
        )
        query = query.where(Event.id.in_(taking_part))
    if filters.topic:
        tagged = select(EventTopic.event_id).where(EventTopic.topic_id.in_(filters.topic))
        query = query.where(Event.id.in_(tagged))
    if filters.start_from:
        query = query.where(Event.start_on >= filters.start_from)
    if filters.start_to:
        query = query.where(Event.start_on <= filters.start_to)
    if filters.q:
        query = query.where(search.matches(session, Event.id, "event", filters.q))
    return query


def list_events(session: Session, filters: EventFilters, page: PageRequest) -> Page[EventRead]:
    """One page of the events that match `filters`, earliest first, undated last."""
    filters = with_successors(session, filters)
    query_print = fingerprint("events", asdict(filters))
    rows, next_cursor = paginate(session, filtered(session, filters), KEYSET, page, query_print)
    return Page[EventRead](items=hydrate(session, rows), next=next_cursor)


def get_event(session: Session, event_id: str) -> EventRead:
    row = session.execute(served(Event).where(Event.id == event_id)).mappings().first()
    if row is None:
        raise missing(session, "events", event_id)
    return hydrate(session, [row])[0]


def hydrate(session: Session, rows: list[RowMapping]) -> list[EventRead]:
    ids = [row["id"] for row in rows]
    participants = related.event_participants(session, ids)
    topics = related.event_topics(session, ids)
    citations = related.citations_for(session, "event", ids)
    corroborated = related.corroboration(citations)
    return [
        EventRead.model_validate(
            {
                **row,
                "participants": participants.get(row["id"], []),
                "topics": topics.get(row["id"], []),
                "citations": citations.get(row["id"], []),
                "corroboration": corroborated.get(row["id"], 0),
            }
        )
        for row in rows
    ]
