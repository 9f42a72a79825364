"""The search index: one entry per record, with its own words (title, body), the names of the
people, places and publishers it involves, and the names and aliases of the topics it is about.

Words are stemmed and names are not: an entry's title and body are matched by their stems
("guarantee" finds "guarantees"), its names only as written, so that "using" never finds every
record of the United States ("US") nor "will" the Coalition of the Willing. How each database
holds the two is in app.derived.search_store.
"""

from collections import defaultdict
from collections.abc import Iterator
from itertools import groupby
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, or_, select

from app.db.models import (
    Actor,
    ActorAlias,
    Event,
    EventParticipant,
    EventTopic,
    Position,
    Quote,
    QuoteTopic,
    Source,
    Topic,
    TopicAlias,
)
from app.derived.changes import Changed, ids
from app.derived.search_store import CHUNK, Entry, store
from app.domain import TextAccess

Query = TypeVar("Query", bound=Select[*tuple[Any, ...]])
SEPARATOR = " · "


def store_entries(connection: Connection, changed: Changed | None = None) -> None:
    """Index every record, or (given `changed`) the changed records and those that show them."""
    store(connection, _entries(connection, Scope(changed)), changed)


class Scope:
    """Which records to index: all, or those a change touches."""

    def __init__(self, changed: Changed | None) -> None:
        self.changed = changed

    def named(self, column: Any, resource: str) -> ColumnElement[bool]:
        """`column` names a changed record of `resource`."""
        condition: ColumnElement[bool] = column.in_(ids(self.changed or {}, resource))
        return condition

    def of(self, query: Query, *touched: ColumnElement[bool]) -> Query:
        """`query` itself, or, for a change, kept to the rows that meet one of `touched`."""
        return query if self.changed is None else query.where(or_(*touched))


def _entry(record_type: str, record_id: str, title: str, **parts: str) -> Entry:
    return {
        "record_type": record_type,
        "record_id": record_id,
        "title": title,
        "body": parts.get("body", ""),
        "names": parts.get("names", ""),
        "topics": parts.get("topics", ""),
    }


def _spellings(connection: Connection, owner: Any, named: Any, alias: Any) -> dict[str, str]:
    """Each record's name and every alias, as one string to index."""
    spelled: dict[str, list[str]] = defaultdict(list)
    for record_id, name in connection.execute(select(owner.id, owner.name)):
        spelled[record_id].append(name)
    query = select(named, alias.alias).order_by(named, alias.ordinal)
    for record_id, spelling in connection.execute(query):
        spelled[record_id].append(spelling)
    return {record_id: SEPARATOR.join(names) for record_id, names in spelled.items()}


def _with_topics(
    connection: Connection, query: Query, key: Any, topic: Any, labels: dict[str, str]
) -> Iterator[tuple[Any, str]]:
    """Each row of `query` (ordered by `key`, joined to its topic links) once, with the names
    and aliases of its topics; streamed, so that memory does not grow with the records."""
    rows = connection.execute(query.add_columns(topic).order_by(key, topic)).yield_per(CHUNK)
    for _, group in groupby(rows, key=lambda row: row[0]):
        linked = list(group)
        tagged = (labels[row[-1]] for row in linked if row[-1] is not None)
        yield linked[0], SEPARATOR.join(tagged)


def _entries(connection: Connection, scope: Scope) -> Iterator[Entry]:
    names = _spellings(connection, Actor, ActorAlias.actor_id, ActorAlias)
    labels = _spellings(connection, Topic, TopicAlias.topic_id, TopicAlias)
    actors = select(Actor.id, Actor.name, Actor.description)
    for row in connection.execute(scope.of(actors, scope.named(Actor.id, "actors"))):
        yield _entry("actor", row.id, row.name, body=row.description or "", names=names[row.id])
    topics = select(Topic.id, Topic.name, Topic.description)
    for row in connection.execute(scope.of(topics, scope.named(Topic.id, "topics"))):
        yield _entry("topic", row.id, row.name, body=row.description or "", topics=labels[row.id])
    yield from _event_entries(connection, names, labels, scope)
    yield from _quote_entries(connection, names, labels, scope)
    positions = select(Position.id, Position.statement, Position.actor_id, Position.topic_id)
    positions = scope.of(
        positions,
        scope.named(Position.id, "positions"),
        scope.named(Position.actor_id, "actors"),
        scope.named(Position.topic_id, "topics"),
    )
    for held in connection.execute(positions).yield_per(CHUNK):
        parts = {"names": names[held.actor_id], "topics": labels[held.topic_id]}
        yield _entry("position", held.id, held.statement, **parts)
    sources = select(
        Source.id, Source.title, Source.text, Source.text_access, Source.publisher, Source.byline
    )
    for source in connection.execute(scope.of(sources, scope.named(Source.id, "sources"))):
        publisher = SEPARATOR.join(filter(None, (source.publisher, source.byline)))
        # A search snippet would show the words of a text that only a key may read.
        body = source.text if source.text_access == TextAccess.PUBLIC else ""
        yield _entry("source", source.id, source.title, body=body, names=publisher)


def _quote_entries(
    connection: Connection, names: dict[str, str], labels: dict[str, str], scope: Scope
) -> Iterator[Entry]:
    with_changed_topic = select(QuoteTopic.quote_id).where(
        scope.named(QuoteTopic.topic_id, "topics")
    )
    quotes = select(Quote.id, Quote.text, Quote.speaker_id).outerjoin(QuoteTopic)
    quotes = scope.of(
        quotes,
        scope.named(Quote.id, "quotes"),
        scope.named(Quote.speaker_id, "actors"),
        Quote.id.in_(with_changed_topic),
    )
    for row, topics in _with_topics(connection, quotes, Quote.id, QuoteTopic.topic_id, labels):
        yield _entry("quote", row.id, row.text, names=names[row.speaker_id], topics=topics)


def _event_entries(
    connection: Connection, names: dict[str, str], labels: dict[str, str], scope: Scope
) -> Iterator[Entry]:
    taking_part: dict[str, list[str]] = defaultdict(list)
    query = select(EventParticipant.event_id, EventParticipant.actor_id).order_by(
        EventParticipant.event_id, EventParticipant.ordinal
    )
    for event_id, actor_id in connection.execute(query):
        taking_part[event_id].append(names[actor_id])
    with_changed_actor = select(EventParticipant.event_id).where(
        scope.named(EventParticipant.actor_id, "actors")
    )
    with_changed_topic = select(EventTopic.event_id).where(
        scope.named(EventTopic.topic_id, "topics")
    )
    events = select(Event.id, Event.title, Event.description, Event.place).outerjoin(EventTopic)
    events = scope.of(
        events,
        scope.named(Event.id, "events"),
        Event.id.in_(with_changed_actor),
        Event.id.in_(with_changed_topic),
    )
    for row, topics in _with_topics(connection, events, Event.id, EventTopic.topic_id, labels):
        # The place is a name: matched as written, like the participants'.
        involved = SEPARATOR.join(filter(None, (*taking_part[row.id], row.place)))
        parts = {"body": row.description or "", "names": involved, "topics": topics}
        yield _entry("event", row.id, row.title, **parts)
