"""What the loader's rules know of the rest of the dataset (app.loader.checks.Knowledge), read
from the stored records: a write is held to the same rules as a seed, against what is stored."""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, literal, select, union_all

from app.db.models import Actor, ActorAlias, Article, Citation, Quote, ReplacedId, Source
from app.loader.articles import Articles, Placed
from app.loader.checks import Knowledge
from app.loader.records import RESOURCES, CitationRecord
from app.loader.scratch import Lookup
from app.loader.spans import Spans, words_at
from app.loader.write import table


class Stored(Lookup):
    """The loader's Lookup over the database instead of the scratch file: `keys` is a
    statement that lists the keys."""

    def __init__(self, connection: Connection, keys: Any, find: Callable[[Any], Any]):
        self.connection = connection
        self.keys_statement = keys
        self.find = find

    def key_rows(self) -> Iterable[Sequence[Any]]:
        rows: Iterable[Sequence[Any]] = self.connection.execute(self.keys_statement)
        return rows


def resource_of(connection: Connection, record_id: str) -> str | None:
    """The resource whose record has `record_id`, if any (an id names one record in all)."""
    found = union_all(
        *(
            select(table(resource).c.id, literal(resource)).where(table(resource).c.id == record_id)
            for resource in RESOURCES
        )
    )
    row = connection.execute(found).first()
    return None if row is None else str(row[1])


def stored_knowledge(connection: Connection) -> Knowledge:
    """The rules' index of the stored dataset, each entry read when a rule asks for it."""
    c = connection

    def one(statement: Callable[[Any], Select[Any]]) -> Callable[[Any], Any]:
        return lambda key: c.scalar(statement(key))

    return Knowledge(
        resource_of=Stored(c, _all_ids(), lambda key: resource_of(c, key)),
        speakers=Stored(
            c,
            select(Quote.id),
            one(lambda key: select(Quote.speaker_id).where(Quote.id == key)),
        ),
        names=Stored(c, select(Actor.id), lambda key: _names(c, key)),
        articles=Stored(c, select(Source.id), lambda key: _articles(c, key)),
        texts=Stored(
            c, select(Source.id), one(lambda key: select(Source.text).where(Source.id == key))
        ),
        spans=Stored(c, select(Source.id), lambda key: _spans(c, key)),
        replaced=Stored(
            c,
            select(ReplacedId.resource, ReplacedId.old_id),
            one(
                lambda key: select(ReplacedId.new_id).where(
                    ReplacedId.resource == key[0], ReplacedId.old_id == key[1]
                )
            ),
        ),
    )


def _all_ids() -> Select[Any]:
    ids = union_all(*(select(table(resource).c.id) for resource in RESOURCES)).subquery()
    return select(ids.c.id)


def _names(connection: Connection, actor_id: str) -> list[str] | None:
    name = connection.scalar(select(Actor.name).where(Actor.id == actor_id))
    if name is None:
        return None
    aliases = select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id)
    return [name, *connection.scalars(aliases.order_by(ActorAlias.ordinal))]


def _articles(connection: Connection, source_id: str) -> Articles | None:
    query = select(Article.id, Article.start_offset, Article.end_offset, Article.published_on)
    rows = connection.execute(query.where(Article.source_id == source_id)).all()
    placed = [Placed(str(a), int(s), int(e), _day(on)) for a, s, e, on in rows]
    return Articles(placed) if placed else None


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _spans(connection: Connection, source_id: str) -> Spans | None:
    """Where the stored quotes' words stand in one source's document."""
    document = connection.scalar(select(Source.text).where(Source.id == source_id))
    if document is None:
        return None
    query = (
        select(Citation.excerpt, Citation.start_offset, Quote.text, Quote.id)
        .join(Quote, Quote.id == Citation.quote_id)
        .where(Citation.source_id == source_id)
    )
    spans = []
    for excerpt, start, text, quote_id in connection.execute(query):
        citation = CitationRecord(source=source_id, excerpt=excerpt, start=start)
        placed = words_at(citation, text, document)
        if placed:
            spans.append((*placed, quote_id))
    return Spans.of(spans)
