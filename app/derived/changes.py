"""What a write changed: record ids by resource, and the quotes whose answers embed them."""

from collections.abc import Collection, Mapping

from sqlalchemy import Connection, select

from app.db.models import Citation, Quote, QuoteTopic

# Ids of the records written or deleted, by resource ("quotes", "actors", ...).
Changed = Mapping[str, Collection[str]]


def ids(changed: Changed, resource: str) -> list[str]:
    return sorted(changed.get(resource, ()))


def affected_quotes(connection: Connection, changed: Changed) -> set[str]:
    """The quotes whose answers show a changed record: themselves, their speaker, event, topics
    or cited sources."""
    related = [
        select(Quote.id).where(Quote.speaker_id.in_(ids(changed, "actors"))),
        select(Quote.id).where(Quote.event_id.in_(ids(changed, "events"))),
        select(QuoteTopic.quote_id).where(QuoteTopic.topic_id.in_(ids(changed, "topics"))),
        select(Citation.quote_id).where(Citation.source_id.in_(ids(changed, "sources"))),
    ]
    found = {quote_id for query in related for quote_id in connection.scalars(query) if quote_id}
    return found.union(ids(changed, "quotes"))
