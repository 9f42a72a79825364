"""The search index: one entry per record (its title, body and the names it mentions), indexed
by FTS5 on SQLite and by a weighted tsvector on PostgreSQL."""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, bindparam, insert, or_, select, text

from app.db.derived_tables import search_entries
from app.db.models import Actor, ActorAlias, Event, EventParticipant, Position, Quote, Source, Topic
from app.derived.changes import Changed, ids
from app.queries.search_syntax import words

CHUNK = 2000
Entry = dict[str, Any]
Query = TypeVar("Query", bound=Select[*tuple[Any, ...]])
RECORD_TYPES = {
    "actors": "actor",
    "topics": "topic",
    "events": "event",
    "quotes": "quote",
    "positions": "position",
    "sources": "source",
}


def store_entries(connection: Connection, changed: Changed | None = None) -> None:
    """Index every record, or (given `changed`) the changed records and those that show them."""
    index = SqliteIndex if connection.dialect.name == "sqlite" else PostgresIndex
    entries = _entries(connection, Scope(changed))
    if changed is None:
        index.replace_all(connection, _chunks(entries))
        return
    fresh = list(entries)
    keys = {(entry["record_type"], entry["record_id"]) for entry in fresh}
    keys |= {(RECORD_TYPES[name], id_) for name in RECORD_TYPES for id_ in ids(changed, name)}
    index.replace(connection, sorted(keys), fresh)


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


def _entries(connection: Connection, scope: Scope) -> Iterator[Entry]:
    names = _names(connection)
    topics = {row.id: row.name for row in connection.execute(select(Topic.id, Topic.name))}
    actors = select(Actor.id, Actor.name, Actor.description)
    actors = scope.of(actors, scope.named(Actor.id, "actors"))
    for row in connection.execute(actors):
        yield _entry("actor", row.id, row.name, row.description or "", names[row.id])
    kept_topics = select(Topic.id, Topic.name, Topic.description)
    for row in connection.execute(scope.of(kept_topics, scope.named(Topic.id, "topics"))):
        yield _entry("topic", row.id, row.name, row.description or "", "")
    yield from _event_entries(connection, names, scope)
    quotes = select(Quote.id, Quote.text, Quote.speaker_id)
    quotes = scope.of(
        quotes, scope.named(Quote.id, "quotes"), scope.named(Quote.speaker_id, "actors")
    )
    for row in connection.execute(quotes).yield_per(CHUNK):
        yield _entry("quote", row.id, row.text, "", names[row.speaker_id])
    positions = select(Position.id, Position.statement, Position.actor_id, Position.topic_id)
    positions = scope.of(
        positions,
        scope.named(Position.id, "positions"),
        scope.named(Position.actor_id, "actors"),
        scope.named(Position.topic_id, "topics"),
    )
    for held in connection.execute(positions).yield_per(CHUNK):
        topic, actor = topics[held.topic_id], names[held.actor_id]
        yield _entry("position", held.id, held.statement, topic, actor)
    sources = select(Source.id, Source.title, Source.text, Source.publisher, Source.byline)
    for source in connection.execute(scope.of(sources, scope.named(Source.id, "sources"))):
        publisher = " · ".join(filter(None, (source.publisher, source.byline)))
        yield _entry("source", source.id, source.title, source.text, publisher)


def _event_entries(connection: Connection, names: dict[str, str], scope: Scope) -> Iterator[Entry]:
    taking_part: dict[str, list[str]] = defaultdict(list)
    query = select(EventParticipant.event_id, EventParticipant.actor_id).order_by(
        EventParticipant.event_id, EventParticipant.ordinal
    )
    for event_id, actor_id in connection.execute(query):
        taking_part[event_id].append(names[actor_id])
    with_changed_actor = select(EventParticipant.event_id).where(
        scope.named(EventParticipant.actor_id, "actors")
    )
    events = select(Event.id, Event.title, Event.description, Event.place)
    events = scope.of(events, scope.named(Event.id, "events"), Event.id.in_(with_changed_actor))
    for row in connection.execute(events).yield_per(CHUNK):
        body = " · ".join(filter(None, (row.description, row.place)))
        yield _entry("event", row.id, row.title, body, " · ".join(taking_part[row.id]))


class SqliteIndex:
    """FTS5 over `search_entries` as external content: the index is told of each row change."""

    @staticmethod
    def replace_all(connection: Connection, chunks: Iterator[list[Entry]]) -> None:
        connection.execute(search_entries.delete())
        for chunk in chunks:
            connection.execute(insert(search_entries), chunk)
        connection.execute(text("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"))
        # No configuration is written (the ranking is given per query, search_sqlite.RANK): a
        # write to it failed the next search of every connection that had searched before.
        connection.execute(text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"))

    @staticmethod
    def replace(connection: Connection, keys: list[tuple[str, str]], entries: list[Entry]) -> None:
        for record_type, record_ids in _by_type(keys).items():
            where = {"record_type": record_type, "record_ids": record_ids}
            connection.execute(FTS_DELETE, where)
            connection.execute(ENTRIES_DELETE, where)
        if entries:
            connection.execute(insert(search_entries), entries)
        for record_type, record_ids in _by_type(keys).items():
            connection.execute(FTS_INSERT, {"record_type": record_type, "record_ids": record_ids})


FTS_DELETE = text(
    "INSERT INTO search_fts(search_fts, rowid, title, body, names) "
    "SELECT 'delete', id, title, body, names FROM search_entries "
    "WHERE record_type = :record_type AND record_id IN :record_ids"
).bindparams(bindparam("record_ids", expanding=True))
ENTRIES_DELETE = text(
    "DELETE FROM search_entries WHERE record_type = :record_type AND record_id IN :record_ids"
).bindparams(bindparam("record_ids", expanding=True))
FTS_INSERT = text(
    "INSERT INTO search_fts(rowid, title, body, names) "
    "SELECT id, title, body, names FROM search_entries "
    "WHERE record_type = :record_type AND record_id IN :record_ids"
).bindparams(bindparam("record_ids", expanding=True))


class PostgresIndex:
    """A weighted tsvector per entry, from text folded here (lower case, no accents), so that
    matching is the same as on SQLite."""

    @staticmethod
    def replace_all(connection: Connection, chunks: Iterator[list[Entry]]) -> None:
        connection.execute(search_entries.delete())
        for chunk in chunks:
            connection.execute(POSTGRES_INSERT, [_folded(row) for row in chunk])

    @staticmethod
    def replace(connection: Connection, keys: list[tuple[str, str]], entries: list[Entry]) -> None:
        for record_type, record_ids in _by_type(keys).items():
            where = {"record_type": record_type, "record_ids": record_ids}
            connection.execute(ENTRIES_DELETE, where)
        if entries:
            connection.execute(POSTGRES_INSERT, [_folded(row) for row in entries])


POSTGRES_INSERT = text(
    "INSERT INTO search_entries (record_type, record_id, title, body, names, vector) "
    "VALUES (:record_type, :record_id, :title, :body, :names, "
    "setweight(to_tsvector('simple', :folded_title), 'A') || "
    "setweight(to_tsvector('simple', :folded_names), 'B') || "
    "setweight(to_tsvector('simple', :folded_body), 'C'))"
)


def _folded(row: Entry) -> Entry:
    extra = {f"folded_{key}": " ".join(words(row[key])) for key in ("title", "names", "body")}
    return {**row, **extra}


def _by_type(keys: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for record_type, record_id in keys:
        grouped[record_type].append(record_id)
    return grouped
