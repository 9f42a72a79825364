"""Rebuild the derived tables (search index, facet counts) inside the load's transaction."""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, select

from app.db.models import (
    Actor,
    ActorAlias,
    Event,
    EventParticipant,
    Position,
    Quote,
    Source,
    Topic,
)
from app.queries import facets, search

CHUNK = 2000
Entry = dict[str, Any]


def rebuild_derived(connection: Connection) -> None:
    """Rebuild the search index and the unfiltered facet counts from the records as written."""
    search.dialect(connection).write_entries(connection, _chunks(_entries(connection)))
    facets.store_counts(connection)


def _chunks(entries: Iterator[Entry]) -> Iterator[list[Entry]]:
    chunk: list[Entry] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _entry(record_type: str, record_id: str, title: str, body: str, names: str) -> Entry:
    return {
        "record_type": record_type,
        "record_id": record_id,
        "title": title,
        "body": body,
        "names": names,
    }


def _names(connection: Connection) -> dict[str, str]:
    """Each actor's name and every alias, as one string to index."""
    spelled: dict[str, list[str]] = defaultdict(list)
    for actor_id, name in connection.execute(select(Actor.id, Actor.name)):
        spelled[actor_id].append(name)
    query = select(ActorAlias.actor_id, ActorAlias.alias).order_by(ActorAlias.ordinal)
    for actor_id, alias in connection.execute(query):
        spelled[actor_id].append(alias)
    return {actor_id: " · ".join(names) for actor_id, names in spelled.items()}


def _entries(connection: Connection) -> Iterator[Entry]:
    names = _names(connection)
    topics = {row.id: row.name for row in connection.execute(select(Topic.id, Topic.name))}
    for row in connection.execute(select(Actor.id, Actor.name, Actor.description)):
        yield _entry("actor", row.id, row.name, row.description or "", names[row.id])
    for row in connection.execute(select(Topic.id, Topic.name, Topic.description)):
        yield _entry("topic", row.id, row.name, row.description or "", "")
    yield from _event_entries(connection, names)
    quotes = select(Quote.id, Quote.text, Quote.speaker_id)
    for row in connection.execute(quotes).yield_per(CHUNK):
        yield _entry("quote", row.id, row.text, "", names[row.speaker_id])
    positions = select(Position.id, Position.statement, Position.actor_id, Position.topic_id)
    for held in connection.execute(positions).yield_per(CHUNK):
        topic, actor = topics[held.topic_id], names[held.actor_id]
        yield _entry("position", held.id, held.statement, topic, actor)
    sources = select(Source.id, Source.title, Source.text, Source.publisher, Source.byline)
    for source in connection.execute(sources):
        publisher = " · ".join(filter(None, (source.publisher, source.byline)))
        yield _entry("source", source.id, source.title, source.text, publisher)


def _event_entries(connection: Connection, names: dict[str, str]) -> Iterator[Entry]:
    taking_part: dict[str, list[str]] = defaultdict(list)
    query = select(EventParticipant.event_id, EventParticipant.actor_id).order_by(
        EventParticipant.event_id, EventParticipant.ordinal
    )
    for event_id, actor_id in connection.execute(query):
        taking_part[event_id].append(names[actor_id])
    events = select(Event.id, Event.title, Event.description, Event.place)
    for row in connection.execute(events).yield_per(CHUNK):
        body = " · ".join(filter(None, (row.description, row.place)))
        yield _entry("event", row.id, row.title, body, " · ".join(taking_part[row.id]))
